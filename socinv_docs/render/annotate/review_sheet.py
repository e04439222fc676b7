"""The Granskning sheet of an annotated Excel copy: the status and one row per finding,
in the reader's words; how it is recognised again on a re-run (LibreOffice drops its code
name: then our title in A1 and our headers in row REVIEW_HEADER_ROW tell)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from socinv_docs import messages
from socinv_docs.location import column_letter
from socinv_docs.readers.annotated_copy import (
    REVIEW_HEADER_KEYS,
    REVIEW_HEADER_ROW,
    is_review_content,
    review_headers,
)
from socinv_docs.readers.xlsx_reader import REVIEW_SHEET_CODENAME
from socinv_docs.render.annotate.common import AUTHOR, _ordered, _status_line
from socinv_docs.render.annotate.package import xml_text
from socinv_docs.render.annotate.xlsx.base import MAX_CELL_CHARS, XML_SPACE, Flavour
from socinv_docs.render.annotate.xlsx.book import Book, SheetRef, first_cells, head
from socinv_docs.render.annotate.xlsx.styles import Styles
from socinv_docs.report import DocumentReport, Finding

_WIDTHS = (12, 26, 24, 70, 60)
_HEADER_RGB = "FFDDEBF7"  # the header row's light blue


@dataclass
class ReviewRows:
    title: str
    status: str
    note: str
    headers: list[str]
    rows: list[list[str]]  # one per finding; empty: the "no findings" line instead
    no_findings: str
    header_row: int = REVIEW_HEADER_ROW


def _texts(f: Finding, lang: str) -> tuple[str, str, str]:
    """(message, hint, location) of a finding in `lang`: the one place this module reads them."""
    return f.message_in(lang), f.hint_in(lang), f.location_in(lang)


def review_rows(report: DocumentReport, findings: list[Finding], by_cell: dict, lang: str,
                now: dt.datetime) -> ReviewRows:
    """The sheet's content: `by_cell` says where each finding's note went (sheet!cell)."""
    where_of = {id(f): f"{sheet}!{coord}" for (sheet, coord), items in by_cell.items() for f, _ in items}
    rows = []
    for f in _ordered(findings):
        message, hint, location = _texts(f, lang)
        rows.append([messages.text(f"ui.severity.{f.severity.value}", lang), f.code.value,
                     where_of.get(id(f)) or location, message, hint])
    return ReviewRows(
        title=messages.text("annotate.summary_title", lang, file=Path(report.file).name),
        status=_status_line(findings, lang),
        note=messages.text("annotate.sheet_note", lang, date=now.astimezone().date().isoformat()),
        headers=review_headers(lang), rows=rows, no_findings=messages.text("ui.no_findings", lang))


def add_review_sheet(book: Book, rows: ReviewRows, lang: str) -> None:
    """The sheet, first and active in the copy, under a name no sheet of the workbook has."""
    taken = {r.name.casefold() for r in book.refs()}
    title = messages.text("annotate.sheet", lang)
    if title.casefold() in taken:
        title = f"{title} ({AUTHOR})"
    n = 2
    while title.casefold() in taken:
        title = f"{messages.text('annotate.sheet', lang)} ({n})"
        n += 1
    root = _review_sheet(book.flavour, rows, _formats(book.styles()))
    book.add_first_sheet(title, root, rows.header_row)


def is_review(book: Book, ref: SheetRef) -> bool:
    """Whether a worksheet is the review sheet of an earlier run."""
    if re.search(rb'<(?:\w+:)?sheetPr\b[^>]*\bcodeName="' + REVIEW_SHEET_CODENAME.encode() + b'"',
                 head(book.pkg, ref.part)):
        return True
    # LibreOffice drops the code name: our title in A1 and our headers in row 5 then tell.
    cells = first_cells(book, ref.part, rows=REVIEW_HEADER_ROW)
    headers = [cells.get(f"{column_letter(c)}{REVIEW_HEADER_ROW}", "")
               for c in range(1, len(REVIEW_HEADER_KEYS) + 1)]
    return is_review_content(cells.get("A1", ""), headers)


def _formats(styles: Styles) -> dict[str, int]:
    """Cell formats (cellXfs indices) of the review sheet: title, bold, header, wrapped text."""
    base = styles.default_font()
    title_font, bold_font, fill = styles.bold_font(base, 14), styles.bold_font(base), styles.solid_fill(_HEADER_RGB)
    return {"title": styles.cell_format(title_font), "bold": styles.cell_format(bold_font),
            "header": styles.cell_format(bold_font, fill, wrap=True), "wrap": styles.cell_format(wrap=True)}


def _review_sheet(f: Flavour, content: ReviewRows, styles: dict[str, int]) -> etree._Element:
    """The review sheet's XML: inline strings (text that stays text, and sharedStrings.xml
    untouched), frozen header, wrapped columns, landscape one page wide, code name ours."""
    root = etree.Element(f.tag("worksheet"), nsmap={None: f.main, "r": f.rels})
    pr = etree.SubElement(root, f.tag("sheetPr"), {"codeName": REVIEW_SHEET_CODENAME})
    etree.SubElement(pr, f.tag("pageSetUpPr"), {"fitToPage": "1"})
    header_row = content.header_row
    last_row = header_row + max(len(content.rows), 1)
    etree.SubElement(root, f.tag("dimension"), {"ref": f"A1:E{last_row}"})
    view = etree.SubElement(etree.SubElement(root, f.tag("sheetViews")), f.tag("sheetView"),
                            {"tabSelected": "1", "workbookViewId": "0"})
    first = f"A{header_row + 1}"
    etree.SubElement(view, f.tag("pane"), {"ySplit": str(header_row), "topLeftCell": first,
                                           "activePane": "bottomLeft", "state": "frozen"})
    etree.SubElement(view, f.tag("selection"), {"pane": "bottomLeft", "activeCell": first, "sqref": first})
    etree.SubElement(root, f.tag("sheetFormatPr"), {"defaultRowHeight": "15"})
    cols = etree.SubElement(root, f.tag("cols"))
    for i, width in enumerate(_WIDTHS, start=1):
        etree.SubElement(cols, f.tag("col"), {"min": str(i), "max": str(i), "width": str(width),
                                              "customWidth": "1"})
    data = etree.SubElement(root, f.tag("sheetData"))

    def row(number: int, values: list[str], style: int, height: float | None = None) -> None:
        el = etree.SubElement(data, f.tag("row"), {"r": str(number)})
        if height:
            el.set("ht", str(height))
            el.set("customHeight", "1")
        for col, value in enumerate(values, start=1):
            c = etree.SubElement(el, f.tag("c"), {"r": f"{column_letter(col)}{number}", "s": str(style),
                                                  "t": "inlineStr"})
            t = etree.SubElement(etree.SubElement(c, f.tag("is")), f.tag("t"))
            t.text = xml_text(value)[:MAX_CELL_CHARS]
            t.set(XML_SPACE, "preserve")

    row(1, [content.title], styles["title"], 21)
    row(2, [content.status], styles["bold"])
    row(3, [content.note], styles["wrap"], 15 * _lines(content.note, sum(_WIDTHS)))
    row(header_row, content.headers, styles["header"])
    if not content.rows:
        row(header_row + 1, [content.no_findings], styles["wrap"])
    for i, values in enumerate(content.rows, start=header_row + 1):
        # Neither Excel nor LibreOffice grows a row for wrapped text written by a program.
        row(i, values, styles["wrap"], 15 * max(_lines(v, w) for v, w in zip(values, _WIDTHS)))
    merge = etree.SubElement(root, f.tag("mergeCells"), {"count": "1"})
    etree.SubElement(merge, f.tag("mergeCell"), {"ref": "A3:E3"})
    etree.SubElement(root, f.tag("pageMargins"), {"left": "0.5", "right": "0.5", "top": "0.75", "bottom": "0.75",
                                                  "header": "0.3", "footer": "0.3"})
    etree.SubElement(root, f.tag("pageSetup"), {"orientation": "landscape", "fitToWidth": "1", "fitToHeight": "0"})
    return root


def _lines(value: str | None, width: int) -> int:
    """Lines a wrapped text needs in a column `width` characters wide (a generous guess)."""
    chars = max(int(width * 1.1) - 1, 1)
    return max(1, sum(1 + len(part) // chars for part in (value or "").split("\n")))

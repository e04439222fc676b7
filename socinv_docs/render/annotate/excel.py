"""Annotated Excel copies, written by adding to the applicant's own package: where each
finding's note goes, what its fill tests, which things of an earlier run are ours.

What the copy gets (and nothing else changes):
- a note (a legacy comment: the sheet's comments part and the VML drawing that shows it) on
  each problem cell, merged into the sheet's own comments and VML when it has some (their
  notes, form buttons and check boxes stay as they were, byte for byte);
- a light fill on each problem cell: a conditional format (sheet XML) with a dxf style
  (styles.xml), so the cell's own fill is untouched. Its formula looks at the cell itself:
  the fill shows while the cell is empty or still holds what the check saw (_mark_formula),
  so typing an answer takes it away;
- a sheet "Granskning" (a new worksheet part, first and active) with the status and every
  finding, in inline strings (sharedStrings.xml is not touched): review_sheet.py.
The parts changed for that are the problem sheets' XML and relationships, their comments and
VML, workbook.xml and its relationships, styles.xml, [Content_Types].xml, the custom
properties that name the copy as ours (package.mark_annotated_copy), and the XML of a
sheet that was selected (it loses tabSelected, so Excel does not open the sheets grouped).
Every other member (images, charts, drawings, embedded objects, pivot caches, tables,
threaded comments, customXml, VBA, printer settings) is streamed through unchanged. The
edits themselves are xlsx/ (SpreadsheetML parts), which knows nothing of findings.

Strict OOXML workbooks (purl.oclc.org namespaces) are annotated in their own namespaces,
as Excel itself writes them (VML keeps its transitional relationship and its legacyDrawing
sits in an mc:AlternateContent).

A re-run removes what an earlier run added before adding anew, and recognises it by
content, since LibreOffice Calc drops the note author and the sheet code name on saving:
our notes begin with "socinv-docs:" and end with a "[CODE]" line; our conditional formats
carry the string "socinv-docs" in their formula; our review sheet has the code name
REVIEW_SHEET_CODENAME or our title in A1 and our column headers in row 5.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path

from socinv_docs import messages
from socinv_docs.atomic import write_with
from socinv_docs.limits import Limits
from socinv_docs.model import Document
from socinv_docs.render.annotate.common import (
    AUTHOR,
    AnnotateResult,
    _finding_lines,
    _is_missing,
    place_all,
)
from socinv_docs.render.annotate.package import Package, mark_annotated_copy
from socinv_docs.render.annotate.review_sheet import add_review_sheet, is_review, review_rows
from socinv_docs.render.annotate.xlsx.base import cell_index
from socinv_docs.render.annotate.xlsx.book import Book
from socinv_docs.report import DocumentReport, Finding

# The string every formula of our conditional formats carries: how a re-run finds them.
MARK = '"socinv-docs"'
_MARK_TEST = f"ISTEXT({MARK})"  # always true; the formula is AND(_MARK_TEST, <the cell's test>)
_FILL_RGB = "FFF4CCCC"  # the light red of a problem cell


def annotate_xlsx(report: DocumentReport, extra: list[Finding], archive: zipfile.ZipFile, source: Path,
                  target: Path, lang: str, now: dt.datetime, limits: Limits) -> AnnotateResult:
    book = Book(Package(archive, limits, str(source)))
    removed = _remove_earlier_run(book)
    doc = report.document
    findings = list(report.findings)
    placed, unplaced = place_all(findings, extra, lambda f: _spot(f, doc, book, lang))
    by_cell: dict[tuple[str, str], list[tuple[Finding, str | None]]] = {}
    for f, (sheet, coord, note) in placed:
        by_cell.setdefault((sheet, coord), []).append((f, note))

    notes = 0
    marked: dict[str, list[str]] = {}
    # Cells fixed by emptying them: a placeholder left beside an answer ("Skriv här:" in
    # B16, the answer in C16). Their fill goes when the cell is emptied, not only changed.
    to_empty: dict[str, set[str]] = {}
    for (sheet_name, coord), items in by_cell.items():
        sheet = book.worksheet(sheet_name)
        marked.setdefault(sheet_name, []).append(coord)
        if all(f.params.get("variant") == "leftover_cell" for f, _ in items):
            to_empty.setdefault(sheet_name, set()).add(coord)
        lines = [f"{AUTHOR}:"]
        for f, note in items:
            lines.extend(_finding_lines(f, lang, note))
        # A cell with someone else's note keeps it; ours is then on the review sheet only.
        if sheet.add_note(coord, lines, AUTHOR):
            notes += 1
    for sheet_name, coords in marked.items():
        _mark(book, sheet_name, coords, to_empty.get(sheet_name, set()))
    add_review_sheet(book, review_rows(report, findings + extra, by_cell, lang, now), lang)
    book.finish()
    mark_annotated_copy(book.pkg, "xlsx")
    write_with(target, lambda tmp: book.pkg.write(tmp, now))
    return AnnotateResult(target=target, comments=notes, placed=sum(len(v) for v in by_cell.values()),
                          unplaced=len(unplaced), removed=removed)


def _spot(f: Finding, doc: Document | None, book: Book, lang: str) -> tuple[str, str, str | None] | None:
    """(sheet, cell, note) where a finding's note goes, or None for the summary only."""
    w = f.where
    if not w.sheet:
        return None
    sheet = book.worksheet(w.sheet)
    if sheet is None:
        return None
    note = None
    if _is_missing(f, doc):
        note = messages.text("annotate.missing_after" if w.position == "after" else "annotate.missing_before", lang)
    coord = w.cell or (f"A{w.row}" if w.row else None)
    if coord is None or cell_index(coord) is None:
        return None
    return w.sheet, sheet.top_left(coord.upper()), note


# -- what an earlier run added ---------------------------------------------------------------

def _remove_earlier_run(book: Book) -> int:
    """Take away an earlier run's review sheet, notes and fills; how many notes."""
    removed = 0
    for ref in book.refs():
        if ref.kind == "worksheet" and ref.part and is_review(book, ref):
            book.remove_sheet(ref)
    for ref in book.refs():
        if ref.kind == "worksheet" and ref.part:
            sheet = book.worksheet(ref.name)
            removed += sheet.remove_notes(AUTHOR, _looks_like_ours)
            sheet.remove_formats(MARK)
    return removed


_CODE_LINE = re.compile(r"\[[A-Z][A-Z0-9_]*\]")


def _looks_like_ours(text: str) -> bool:
    """The layout our notes always have: "socinv-docs:" first, a "[CODE]" line last."""
    lines = [line.strip() for line in text.strip().split("\n")]
    return len(lines) >= 2 and lines[0] == f"{AUTHOR}:" and bool(_CODE_LINE.fullmatch(lines[-1]))


# -- the fill of a problem cell ---------------------------------------------------------------

def _mark(book: Book, sheet_name: str, coords: list[str], to_empty: set[str]) -> None:
    """The light fill on each problem cell, while it is empty or unchanged since the check
    (a cell in `to_empty`: only while unchanged, as emptying it is the fix)."""
    sheet = book.worksheet(sheet_name)
    dxf = book.styles().dxf_fill(_FILL_RGB)
    values = sheet.values(set(coords))
    sheet.add_formats({coord: _mark_formula(coord, values.get(coord), empty=coord not in to_empty)
                       for coord in set(coords)}, dxf)


def _mark_formula(coord: str, value: tuple[str, str] | None, empty: bool = True) -> str:
    """True while the cell is empty (unless `empty` is False) or still holds what the check
    saw; relative references only, so the rule follows the cell.

    What the check saw is never written into the formula as text (applicant text must not
    become part of a formula): a text is recognised by its length and the character codes
    of its first, middle and last characters, a number or truth value by itself. The codes
    are tested only when the length matches (IF is lazy), so no test ever gives an error,
    which would hide the fill."""
    tests = [f"LEN(TRIM({coord}))=0"] if empty or value is None else []
    if value is not None:
        kind, v = value
        if kind == "text" and v.strip():
            tests.append(_text_test(coord, v))
        elif kind == "n" and re.fullmatch(r"-?\d+(\.\d+)?([Ee][-+]?\d+)?", v):
            tests.append(f"{coord}={v}")
        elif kind == "b" and v in ("0", "1"):
            tests.append(f"{coord}={'TRUE' if v == '1' else 'FALSE'}")
    if not tests:  # nothing the check saw can be recognised: shown while empty, as before
        tests.append(f"LEN(TRIM({coord}))=0")
    return f"AND({_MARK_TEST},OR({','.join(tests)}))"


def _text_test(coord: str, text: str) -> str:
    length = len(text.encode("utf-16-le")) // 2  # LEN counts UTF-16 units
    if length != len(text):  # characters outside the BMP: positions would not line up
        return f"LEN({coord})={length}"
    codes = []
    for pos in sorted({1, (length + 1) // 2, length}):
        ch = text[pos - 1]
        if " " <= ch <= "~":  # printable ASCII: CODE gives the same number in Excel and LibreOffice
            codes.append(f"CODE(MID({coord},{pos},1))={ord(ch)}")
    if not codes:
        return f"LEN({coord})={length}"
    return f"IF(LEN({coord})={length},AND({','.join(codes)}),FALSE)"

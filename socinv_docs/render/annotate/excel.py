"""Annotated Excel copies: notes, a removable fill and a review sheet."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from socinv_docs import messages
from socinv_docs.atomic import save_workbook
from socinv_docs.codes import Severity
from socinv_docs.model import Document
from socinv_docs.render.annotate.common import (
    AUTHOR,
    AnnotateResult,
    _finding_lines,
    _is_missing,
    _ordered,
    place_all,
)
from socinv_docs.report import DocumentReport, Finding, status_of

# The light fill of problem cells (Excel) and the formula that marks our conditional
# format (always true; its text is how a re-run recognises and removes it).
_FILL_RGB = "FFF4CCCC"
_MARK_FORMULA = 'ISTEXT("socinv-docs")'




# =========================================================================================
# Excel
# =========================================================================================

def _annotate_xlsx(report: DocumentReport, extra: list[Finding], source: Path, target: Path, lang: str,
                   now: dt.datetime) -> AnnotateResult:
    import warnings

    import openpyxl

    suffix = source.suffix.lower()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        wb = openpyxl.load_workbook(source, keep_vba=suffix in (".xlsm", ".xltm"), keep_links=True,
                                    rich_text=True)
    if suffix in (".xltx", ".xltm"):
        wb.template = True
    try:
        removed = _xlsx_remove_ours(wb)
        doc = report.document
        findings = list(report.findings)
        placed, unplaced = place_all(findings, extra, lambda f: _xlsx_spot(f, doc, wb, lang))
        by_cell: dict[tuple[str, str], list[tuple[Finding, str | None]]] = {}
        for f, (sheet, coord, note) in placed:
            by_cell.setdefault((sheet, coord), []).append((f, note))

        notes = 0
        marked: dict[str, list[str]] = {}
        kept_elsewhere: list[Finding] = []
        for (sheet, coord), items in by_cell.items():
            ws = wb[sheet]
            cell = ws[coord]
            marked.setdefault(sheet, []).append(coord)
            if cell.comment is not None:  # someone else's note: keep it, ours is on the review sheet
                kept_elsewhere.extend(f for f, _ in items)
                continue
            lines = [f"{AUTHOR}:"]
            for f, note in items:
                lines.extend(_finding_lines(f, lang, note))
            _set_note(cell, lines)
            notes += 1
        for sheet, coords in marked.items():
            _xlsx_mark(wb[sheet], coords)
        placed = sum(len(v) for v in by_cell.values())
        _review_sheet(wb, report, findings + extra, by_cell, lang, now)
        save_workbook(wb, target)
    finally:
        wb.close()
    return AnnotateResult(target=target, comments=notes, placed=placed, unplaced=len(unplaced), removed=removed)


def _set_note(cell, lines: list[str]) -> None:
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.comments import Comment

    text = ILLEGAL_CHARACTERS_RE.sub("", "\n".join(lines))
    comment = Comment(text, AUTHOR)
    wrapped = sum(1 + len(line) // 55 for line in lines)
    comment.width = 330
    comment.height = min(max(60, 15 * wrapped + 10), 420)
    cell.comment = comment


def _xlsx_remove_ours(wb) -> int:
    from openpyxl.formatting.formatting import ConditionalFormattingList

    from socinv_docs.readers.xlsx_reader import is_review_sheet

    removed = 0
    for ws in list(wb.worksheets):
        if is_review_sheet(ws):
            wb.remove(ws)
            continue
        # The cells that exist, not the sheet's claimed dimension (which may be a million rows).
        for cell in list(getattr(ws, "_cells", {}).values()):
            comment = getattr(cell, "comment", None)
            if comment is not None and comment.author == AUTHOR:
                cell.comment = None
                removed += 1
        old = ws.conditional_formatting
        if any(_is_our_rule(rule) for cf in old for rule in cf.rules):
            fresh = ConditionalFormattingList()
            for cf in old:
                for rule in cf.rules:
                    if not _is_our_rule(rule):
                        fresh.add(str(cf.sqref), rule)
            ws.conditional_formatting = fresh
    return removed


def _is_our_rule(rule) -> bool:
    return rule.type == "expression" and list(rule.formula or []) == [_MARK_FORMULA]


def _xlsx_mark(ws, coords: list[str]) -> None:
    from openpyxl.formatting.rule import FormulaRule
    from openpyxl.styles import PatternFill

    fill = PatternFill(fill_type="solid", start_color=_FILL_RGB, end_color=_FILL_RGB)
    ws.conditional_formatting.add(" ".join(sorted(set(coords))),
                                  FormulaRule(formula=[_MARK_FORMULA], fill=fill, stopIfTrue=False))


def _xlsx_spot(f: Finding, doc: Document | None, wb, lang: str) -> tuple[str, str, str | None] | None:
    """(sheet, cell, note) where a finding's note goes, or None for the summary only."""
    w = f.where
    if not w.sheet or w.sheet not in wb.sheetnames:
        return None
    ws = wb[w.sheet]
    if _is_missing(f, doc):
        coord = w.cell or (f"A{w.row}" if w.row else None)
        if coord is None:
            return None
        note = messages.text("annotate.missing_after" if w.position == "after" else "annotate.missing_before", lang)
        return w.sheet, _top_left(ws, coord), note
    if w.cell:
        return w.sheet, _top_left(ws, w.cell), None
    if w.row:
        return w.sheet, _top_left(ws, f"A{w.row}"), None
    return None


def _top_left(ws, coord: str) -> str:
    for rng in ws.merged_cells.ranges:
        if coord in rng:
            return rng.start_cell.coordinate
    return coord


def _review_sheet(wb, report: DocumentReport, findings: list[Finding], by_cell: dict, lang: str,
                  now: dt.datetime) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill

    from socinv_docs.readers.xlsx_reader import REVIEW_SHEET_CODENAME

    where_of = {id(f): f"{sheet}!{coord}" for (sheet, coord), items in by_cell.items() for f, _ in items}
    title = messages.text("annotate.sheet", lang)
    ws = wb.create_sheet(title if title not in wb.sheetnames else f"{title} ({AUTHOR})", 0)
    ws.sheet_properties.codeName = REVIEW_SHEET_CODENAME
    status = status_of(findings)
    errors = sum(1 for f in findings if f.severity is Severity.ERROR)
    warnings = len(findings) - errors
    _text(ws, 1, 1, messages.text("annotate.summary_title", lang, file=Path(report.file).name)).font = \
        Font(bold=True, size=14)
    _text(ws, 2, 1, messages.text("annotate.summary_status", lang,
                                  status=messages.text(f"ui.status.{status.value}", lang),
                                  counts=messages.counts(errors, warnings, lang))
          ).font = Font(bold=True)
    _text(ws, 3, 1, messages.text("annotate.sheet_note", lang, date=now.astimezone().date().isoformat()))
    headers = ["severity", "code", "location", "message", "hint"]
    header_row = 5
    for c, key in enumerate(headers, start=1):
        cell = _text(ws, header_row, c, messages.text(f"annotate.col.{key}", lang))
        cell.font = Font(bold=True)
        cell.fill = PatternFill(fill_type="solid", start_color="FFDDEBF7", end_color="FFDDEBF7")
    if not findings:
        _text(ws, header_row + 1, 1, messages.text("ui.no_findings", lang))
    wrap = Alignment(wrap_text=True, vertical="top")
    widths = (12, 26, 24, 70, 60)
    for r, f in enumerate(_ordered(findings), start=header_row + 1):
        values = [messages.text(f"ui.severity.{f.severity.value}", lang), f.code.value,
                  where_of.get(id(f)) or f.location_in(lang), f.message_in(lang), f.hint_in(lang)]
        for c, value in enumerate(values, start=1):
            _text(ws, r, c, value).alignment = wrap
        # Neither Excel nor LibreOffice grows a row for wrapped text written by a program.
        ws.row_dimensions[r].height = 15 * max(_lines(v, w) for v, w in zip(values, widths))
    for letter, width in zip("ABCDE", widths):
        ws.column_dimensions[letter].width = width
    ws.merge_cells(start_row=3, start_column=1, end_row=3, end_column=len(headers))
    ws.cell(row=3, column=1).alignment = wrap
    ws.row_dimensions[3].height = 15 * _lines(ws.cell(row=3, column=1).value, sum(widths))
    ws.freeze_panes = f"A{header_row + 1}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = f"{header_row}:{header_row}"
    for other in wb.worksheets:
        other.sheet_view.tabSelected = False
    ws.sheet_view.tabSelected = True
    wb.active = ws


def _lines(value: str | None, width: int) -> int:
    """Lines a wrapped text needs in a column `width` characters wide (a generous guess)."""
    chars = max(int(width * 1.1) - 1, 1)
    return max(1, sum(1 + len(part) // chars for part in (value or "").split("\n")))


def _text(ws, row: int, col: int, value: str):
    """A text cell that stays text: applicant text is never read as a formula."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    cell = ws.cell(row=row, column=col)
    cell.value = ILLEGAL_CHARACTERS_RE.sub("", value or "")
    cell.data_type = "s"
    return cell

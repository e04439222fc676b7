"""Writing a sheet as a real Excel table: header, rows, widths, the table with its filter,
status colours, print setup and names on the tool's header cells."""

from __future__ import annotations

from copy import copy
from dataclasses import dataclass

from openpyxl.formatting.rule import CellIsRule, FormulaRule
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname, range_boundaries
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.filters import AutoFilter
from openpyxl.worksheet.table import Table, TableColumn, TableStyleInfo

from socinv_docs import messages
from socinv_docs.render.workbook.cells import put_text, put_value
from socinv_docs.render.workbook.merge import Moves, Row, Slot, carry
from socinv_docs.render.workbook.read import OldSheet
from socinv_docs.render.workbook.spec import NAME_PREFIX, ROW_RULE_MARK, SheetSpec
from socinv_docs.render.workbook.styles import SharedStyles, align_with_row, column_style, style_header, their_style

LINE_HEIGHT = 15  # points per line of 11 pt text
MAX_LINES = 10  # a row grows for its longest wrapped cell up to this; people can widen it
# Printable width of a landscape page at 96 dpi with 1 cm side margins: the paper is A4
# when the printed columns fit it at 80 % or more, else A3 (offices print both).
PAGE_PX = {"A4": (29.7 - 2) / 2.54 * 96, "A3": (42.0 - 2) / 2.54 * 96}
MIN_A4_SCALE = 0.8


def write_rows(ws, slots: list[Slot], rows: list[Row], moves: Moves) -> int:
    """Write header and rows; return the table's last row."""
    for c, slot in enumerate(slots, start=1):
        cell = ws.cell(row=1, column=c)
        put_text(cell, slot.header)
        if slot.col is None and slot.old is not None and slot.old.header_style is not None:
            cell._style = copy(slot.old.header_style)
        style_header(cell)
        letter = get_column_letter(c)
        if slot.width:
            ws.column_dimensions[letter].width = slot.width
        if slot.hidden:
            ws.column_dimensions[letter].hidden = True

    styles = SharedStyles()  # nothing may set a font, fill or alignment on a body cell after this loop
    widths = [(slot.width or 10) if slot.wraps else None for slot in slots]
    for r, row in enumerate(rows, start=2):
        if row.values is None and row.old is not None and row.old.height:
            ws.row_dimensions[r].height = row.old.height
        lines = 1
        for c, slot in enumerate(slots, start=1):
            cell = ws.cell(row=r, column=c)
            if row.values is not None and slot.tool_written:
                put_value(cell, slot.col.type, row.values.get(slot.col.id))
                link = row.links.get(slot.col.id)
                styles.apply(cell, ("tool", slot.col.id, bool(link)), column_style(slot.col, bool(link)))
                if link:
                    cell.hyperlink = link
            elif row.old is not None and slot.old is not None and slot.old.index in row.old.cells:
                carry(cell, row.old.cells[slot.old.index], moves)
                if row.values is not None and cell.alignment.vertical in (None, "bottom"):
                    # typed without a format (or saved by Calc with its default): align with the row
                    styles.apply(cell, ("aligned", tuple(cell._style)), align_with_row)
            elif row.values is not None:
                col = slot.col if slot.col is not None and slot.col.theirs else None
                styles.apply(cell, ("theirs", col.type if col else None), their_style(col))
            width = widths[c - 1]
            if width and row.values is not None and cell.data_type == "s" and isinstance(cell.value, str):
                lines = max(lines, wrapped_lines(cell.value, width))
        # Viewers do not all fit wrapped text on opening, so give each of the tool's rows the
        # lines its longest wrapped cell needs (at most MAX_LINES; people can widen it).
        if lines > 1:
            ws.row_dimensions[r].height = LINE_HEIGHT * min(lines, MAX_LINES) + 3
    header_lines = max((wrapped_lines(s.header, (s.width or 10) * 0.85) for s in slots if not s.hidden), default=1)
    ws.row_dimensions[1].height = LINE_HEIGHT * max(2, min(header_lines, 3)) + 4
    table_rows = [n for n, row in enumerate(rows, start=2) if row.values is not None or row.in_table]
    return max(table_rows, default=2)


def wrapped_lines(text: str, width: float) -> int:
    """The lines a wrapped cell takes: words wrap whole, as Excel and Calc wrap them."""
    per_line = max(1, int(width * 1.1))  # a column's width is about one digit; letters are narrower
    total = 0
    for paragraph in str(text).split("\n"):
        lines, used = 1, 0
        for word in paragraph.split():
            if used and used + 1 + len(word) <= per_line:
                used += 1 + len(word)
                continue
            if used:
                lines += 1
            used = len(word)
            while used > per_line:  # a word longer than the line is broken
                lines += 1
                used -= per_line
        total += lines
    return total


def add_table(ws, slots: list[Slot], old: OldSheet | None, name: str, last_row: int) -> None:
    """The Excel table over the header and the tool's rows (and people's rows that were
    inside the old table, a totals row among them); people's name and style for it stay."""
    old_table = old.table if old is not None else None
    totals = int(getattr(old_table, "totalsRowCount", 0) or 0) if old_table is not None else 0
    last_col = get_column_letter(len(slots))
    table = Table(displayName=old_table.displayName if old_table is not None else name,
                  ref=f"A1:{last_col}{max(last_row, 2 + totals)}")
    style = getattr(old_table, "tableStyleInfo", None) if old_table is not None else None
    table.tableStyleInfo = copy(style) if style is not None else TableStyleInfo(name="TableStyleMedium2",
                                                                                 showRowStripes=True)
    old_columns = {}
    if old_table is not None:
        min_col = range_boundaries(old_table.ref)[0]
        old_columns = {min_col + k: tc for k, tc in enumerate(old_table.tableColumns)}
    for k, slot in enumerate(slots, start=1):
        column = TableColumn(id=k, name=slot.header)
        before = old_columns.get(slot.old.index) if slot.old is not None else None
        if totals and before is not None:
            column.totalsRowFunction = before.totalsRowFunction
            column.totalsRowLabel = before.totalsRowLabel
        table.tableColumns.append(column)
    if totals:
        table.totalsRowCount = totals
    table.autoFilter = AutoFilter(ref=f"A1:{last_col}{max(last_row, 2 + totals) - totals}")
    ws.add_table(table)


def status_colours(ws, slots: list[Slot], spec: SheetSpec, last_row: int) -> None:
    """The status column's colours: a conditional format per status word, in every language."""
    c = next((k for k, s in enumerate(slots, start=1) if s.col is not None and s.col.id == spec.status_col), None)
    if c is None:
        return
    letter = get_column_letter(c)
    area = f"{letter}2:{letter}{last_row}"
    done: set[str] = set()
    for lang in messages.LANGS:
        for state, word in spec.status_words(lang).items():
            if word in done:
                continue
            done.add(word)
            colour = spec.colours[state]
            word = word.replace('"', '""')
            ws.conditional_formatting.add(area, CellIsRule(
                operator="equal", formula=[f'"{word}"'], fill=PatternFill("solid", fgColor=colour.fill,
                                                                          bgColor=colour.fill),
                font=Font(color=colour.font, bold=colour.bold)))


def row_rules(ws, slots: list[Slot], spec: SheetSpec, rows: list[Row]) -> None:
    """The sheet's row rules (late reports, overspent budgets) as conditional formats over
    the tool's rows, each made afresh at every run (ROW_RULE_MARK: never carried)."""
    letters = {s.col.id: get_column_letter(k) for k, s in enumerate(slots, start=1) if s.col is not None}
    tool_rows = row_ranges([n for n, row in enumerate(rows, start=2) if row.values is not None])
    if not tool_rows or not spec.row_rules:
        return
    first = tool_rows[0][0]
    for rule in spec.row_rules:
        try:
            test = rule.test.format(**{cid: f"${letter}{first}" for cid, letter in letters.items()})
        except KeyError:  # a column the rule reads is not on the sheet
            continue
        targets = [letters[c] for c in rule.columns if c in letters] if rule.columns else \
            [get_column_letter(1), get_column_letter(len(slots))]
        if not targets:
            continue
        cols = [(targets[0], targets[1])] if not rule.columns else [(t, t) for t in targets]
        area = " ".join(f"{a}{lo}:{b}{hi}" for a, b in cols for lo, hi in tool_rows)
        ws.conditional_formatting.add(area, FormulaRule(
            formula=[f"AND({ROW_RULE_MARK},{test})"],
            fill=PatternFill("solid", fgColor=rule.colour.fill, bgColor=rule.colour.fill),
            font=Font(color=rule.colour.font, bold=rule.colour.bold)))


def row_ranges(numbers: list[int]) -> list[tuple[int, int]]:
    """[2, 3, 4, 7] -> [(2, 4), (7, 7)]."""
    out: list[tuple[int, int]] = []
    for n in sorted(numbers):
        if out and n == out[-1][1] + 1:
            out[-1] = (out[-1][0], n)
        else:
            out.append((n, n))
    return out


@dataclass(frozen=True)
class PageTexts:
    """A printed page's header and footer, in Excel's header codes (&A the sheet, &P the page)."""

    header_left: str
    header_right: str
    footer_center: str
    footer_right: str


def header_text(text: str) -> str:
    """Plain text for a page header: '&' is a code there."""
    return text.replace("&", "&&")


def print_setup(ws, slots: list[Slot], last_row: int, page: PageTexts, paper: str | None = None) -> None:
    """Landscape, fitted to the page width, header row on every page, the page's header and
    footer. Screen-only columns and the hidden bookkeeping sit right of the print area."""
    printed = [k for k, s in enumerate(slots, start=1) if s.prints]
    last_col = max(printed, default=len(slots))
    ws.print_area = f"A1:{get_column_letter(last_col)}{max(last_row, 2)}"
    ws.print_title_rows = "1:1"
    ws.page_setup.orientation = "landscape"
    if paper is None:
        paper = "A4" if estimated_scale(slots, "A4") >= MIN_A4_SCALE else "A3"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4 if paper == "A4" else ws.PAPERSIZE_A3
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.75
    ws.page_margins.header = ws.page_margins.footer = 0.3
    for part, text in ((ws.oddHeader.left, page.header_left), (ws.oddHeader.right, page.header_right),
                       (ws.oddFooter.center, page.footer_center), (ws.oddFooter.right, page.footer_right)):
        part.text = text
        part.size = 10
    ws.HeaderFooter.scaleWithDoc = False  # readable however much the columns are shrunk


def estimated_scale(slots: list[Slot], paper: str) -> float:
    """How much fitting the printed columns to the page width shrinks them (1.0: not at all)."""
    printed = [k for k, s in enumerate(slots) if s.prints]
    if not printed:
        return 1.0
    px = sum((s.width or 8.43) * 7 + 5 for s in slots[: printed[-1] + 1] if not s.hidden)
    return min(1.0, PAGE_PX[paper] / px)


def name_columns(wb, ws, spec: SheetSpec, slots: list[Slot]) -> None:
    """A defined name on each header cell of the tool's: it moves with the column in Excel
    and LibreOffice, so the next run knows the column whatever people call it."""
    prefix = f"{NAME_PREFIX}{spec.abbr}_"
    for name in [n for n in wb.defined_names if n.startswith(prefix)]:
        del wb.defined_names[name]
    for k, slot in enumerate(slots, start=1):
        if slot.col is not None:
            name = prefix + slot.col.id
            header_cell = f"{quote_sheetname(ws.title)}!${get_column_letter(k)}$1"
            wb.defined_names[name] = DefinedName(name, attr_text=header_cell)


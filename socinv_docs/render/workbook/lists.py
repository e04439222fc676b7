"""A sheet of drop-down choices people edit, and the drop-downs on the tool's sheets that
use it. Made once, then people's: they keep as many choices there as they like, and a run
never writes it again; each run makes the drop-downs afresh over the tool's rows."""

from __future__ import annotations

from dataclasses import dataclass

from openpyxl.utils import get_column_letter, quote_sheetname, range_boundaries
from openpyxl.worksheet.datavalidation import DataValidation

from socinv_docs.render.workbook.cells import put_text
from socinv_docs.render.workbook.merge import Row, Slot
from socinv_docs.render.workbook.read import norm
from socinv_docs.render.workbook.styles import HEADER_BACKGROUND, HEADER_FONT, NOTE_FONT
from socinv_docs.render.workbook.table import row_ranges


@dataclass(frozen=True)
class ChoiceList:
    """A list of choices: its header on the lists sheet (the column's header where it is used)
    and its choices, in the language of the run that makes the sheet."""

    header: str
    choices: list[str]


def lists_sheet(wb, title: str, lists: list[ChoiceList], note: list[str]):
    """The sheet `title` with the lists, one per column, and `note` (one line per row)
    beside them: made when the workbook lacks it, else left as people keep it."""
    if title in wb.sheetnames:
        return wb[title]
    ws = wb.create_sheet(title)
    for c, choice_list in enumerate(lists, start=1):
        head = ws.cell(row=1, column=c, value=choice_list.header)
        head.font = HEADER_FONT
        head.fill = HEADER_BACKGROUND
        for r, choice in enumerate(choice_list.choices, start=2):
            put_text(ws.cell(row=r, column=c), choice)
        ws.column_dimensions[head.column_letter].width = 32
    for r, line in enumerate(note, start=1):
        cell = ws.cell(row=r, column=len(lists) + 2)
        put_text(cell, line)
        cell.font = NOTE_FONT
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    return ws


def list_validations(ws, slots: list[Slot], rows: list[Row], lists, headers: dict[str, list[str]],
                     not_listed: tuple[str, str]) -> None:
    """Drop-downs on the columns of `headers` (column id -> the headers its list may have on
    the lists sheet: its header in the run's language first), on every row of the tool's.
    The choices come from the lists sheet (as many as people keep there); other values are
    allowed after a warning (`not_listed`: its title and text), for the cases no list
    foresees. A column where people made a validation of their own keeps only theirs; a list
    people removed gives no drop-down."""
    tool_rows = row_ranges([n for n, row in enumerate(rows, start=2) if row.values is not None])
    if not tool_rows:
        return
    theirs = set()
    for dv in ws.data_validations.dataValidation:
        for ref in str(dv.sqref).split():
            min_col, _, max_col, _ = range_boundaries(ref if ":" in ref else f"{ref}:{ref}")
            theirs.update(range(min_col or 1, (max_col or 16384) + 1))
    list_cols = {norm(c.value): c.column_letter for c in lists[1] if c.value not in (None, "")}
    sheet = quote_sheetname(lists.title)
    for k, slot in enumerate(slots, start=1):
        if slot.col is None or slot.col.id not in headers or k in theirs:
            continue
        letter = next((list_cols[norm(h)] for h in (*headers[slot.col.id], slot.header) if norm(h) in list_cols),
                      None)
        if letter is None:
            continue
        source = f"OFFSET({sheet}!${letter}$2,0,0,MAX(1,COUNTA({sheet}!${letter}$2:${letter}$500)),1)"
        dv = DataValidation(type="list", formula1=source, allow_blank=True, showErrorMessage=True,
                            errorStyle="warning", errorTitle=not_listed[0], error=not_listed[1])
        col = get_column_letter(k)
        dv.sqref = " ".join(f"{col}{a}:{col}{b}" for a, b in tool_rows)
        ws.add_data_validation(dv)

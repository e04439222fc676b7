"""Read every sheet of a workbook into rows of cells, merged ranges resolved.

A merged range's value lives in its top-left cell; the covered cells get the same text
with `merged_into` set, so a reader of rows (the utvärderingsschema) sees a goal merged
over several rows on each of them, while a reader of text counts it once.
"""

from __future__ import annotations

import datetime as dt
import warnings
from pathlib import Path

from socinv_docs.location import Location
from socinv_docs.readers.blocks import Block, BlockKind, Cell, RawDocument

MAX_ROWS = 5000  # a form never has more; a sheet claiming a million rows is not read past this
MAX_COLUMNS = 60


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Ja" if value else "Nej"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (dt.datetime, dt.date)):
        if isinstance(value, dt.datetime) and value.time() == dt.time(0):
            return value.date().isoformat()
        return value.isoformat()
    return str(value).strip()


def read_xlsx(path: str) -> RawDocument:
    """Read an already safety-checked .xlsx. Raises on malformed content (caller reports)."""
    import openpyxl  # imported here: `socinv check x.docx` never pays for it

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # openpyxl warns about unknown extensions, data validation
        wb = openpyxl.load_workbook(Path(path), data_only=True, read_only=False)
    try:
        blocks: list[Block] = []
        for ws in wb.worksheets:
            merged: dict[tuple[int, int], tuple[int, int]] = {}
            for rng in ws.merged_cells.ranges:
                for r in range(rng.min_row, min(rng.max_row, MAX_ROWS) + 1):
                    for c in range(rng.min_col, min(rng.max_col, MAX_COLUMNS) + 1):
                        if (r, c) != (rng.min_row, rng.min_col):
                            merged[(r, c)] = (rng.min_row, rng.min_col)
            max_row = min(ws.max_row or 0, MAX_ROWS)
            max_col = min(ws.max_column or 0, MAX_COLUMNS)
            values: dict[tuple[int, int], object] = {}
            for row in ws.iter_rows(min_row=1, max_row=max_row, max_col=max_col):
                for c in row:
                    if getattr(c, "value", None) is not None:
                        values[(c.row, c.column)] = c
            for r in range(1, max_row + 1):
                cells: list[Cell] = []
                for col in range(1, max_col + 1):
                    origin = merged.get((r, col))
                    source = values.get(origin or (r, col))
                    if source is None:
                        continue
                    text = _cell_text(source.value)
                    if not text:
                        continue
                    font = source.font
                    address = f"{_column_letter(col)}{r}"
                    cells.append(Cell(
                        text=text,
                        column=col - 1,
                        location=Location(sheet=ws.title, cell=address, row=r, column=col),
                        merged_into=f"{_column_letter(origin[1])}{origin[0]}" if origin else None,
                        bold=bool(font and font.b),
                        italic=bool(font and font.i),
                    ))
                if cells:
                    blocks.append(Block(
                        kind=BlockKind.ROW,
                        text="\t".join(c.text for c in cells if c.merged_into is None),
                        location=Location(sheet=ws.title, cell=cells[0].location.cell, row=r,
                                          block=len(blocks)),
                        cells=cells,
                        bold=cells[0].bold,
                        italic=cells[0].italic,
                        sheet=ws.title,
                        row=r,
                    ))
        title = next((b.cells[0].text for b in blocks if b.cells), "")
        return RawDocument(path=path, format="xlsx", blocks=blocks, title=title,
                           sheet_names=list(wb.sheetnames))
    finally:
        wb.close()


def _column_letter(col: int) -> str:
    letters = ""
    while col:
        col, rem = divmod(col - 1, 26)
        letters = chr(65 + rem) + letters
    return letters

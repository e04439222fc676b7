"""What people left on a sheet of the tool's: its columns, rows, cells and formats, read
before the sheet is rebuilt around them.

The tool's columns are recognised by their header in any language, else by a defined name
on their header cell (Excel and LibreOffice move it with the column, so a renamed header
keeps working and keeps its new name), else — for the column that names a row — by its
values. Every other column is people's own.
"""

from __future__ import annotations

from copy import copy
from dataclasses import dataclass, field
from typing import Any

from openpyxl.utils import range_boundaries
from openpyxl.utils.cell import column_index_from_string, coordinate_from_string

from socinv_docs import messages
from socinv_docs.render.workbook.spec import KEY, NAME_PREFIX, Column, SheetSpec


def norm(text: object) -> str:
    """Text as compared: whitespace collapsed, case folded."""
    return " ".join(str(text or "").split()).casefold()


@dataclass
class OldCell:
    value: Any
    data_type: str
    style: Any  # the cell's style array: valid because the new sheet lives in the same workbook
    hyperlink: Any = None
    comment: Any = None


@dataclass
class OldColumn:
    index: int  # 1-based, in the old sheet
    col_id: str | None  # the tool's column it is (one of theirs the tool made too); None: people's own
    header: str
    renamed: bool = False  # recognised by its name or values, not its header: people renamed it
    width: float | None = None
    hidden: bool = False
    header_style: Any = None


@dataclass
class OldRow:
    number: int
    cells: dict[int, OldCell]  # old column index -> cell
    height: float | None = None


@dataclass
class OldSheet:
    title: str
    columns: list[OldColumn] = field(default_factory=list)
    rows: list[OldRow] = field(default_factory=list)
    validations: list = field(default_factory=list)
    formats: list = field(default_factory=list)  # (sqref, rules) conditional formats
    merged: list[str] = field(default_factory=list)
    table: Any = None  # the old Excel table (name, style, totals row)
    table_last_row: int = 0

    def index_of(self, col_id: str) -> int | None:
        return next((c.index for c in self.columns if c.col_id == col_id), None)


def _header_ids(spec: SheetSpec, *, legacy: bool) -> dict[str, str]:
    """Every language's header text of the tool's columns -> column id."""
    out: dict[str, str] = {}
    for col in spec.columns:
        if legacy and col.id in spec.added_later:
            continue
        for lang in messages.LANGS:
            out.setdefault(norm(spec.header(col, lang)), col.id)
    return out


def named_columns(wb, title: str, spec: SheetSpec) -> dict[int, str]:
    """Column index -> column id, from the defined names the last run put on the header
    cells. Excel and LibreOffice move a name with its column; a deleted column's name
    becomes #REF! and is ignored."""
    prefix = f"{NAME_PREFIX}{spec.abbr}_"
    out: dict[int, str] = {}
    for name, dn in wb.defined_names.items():
        if not name.startswith(prefix) or name[len(prefix):] not in spec.by_id:
            continue
        try:
            destinations = list(dn.destinations)
        except Exception:  # '#REF!' and other text that is no cell
            continue
        for sheet, coord in destinations:
            try:
                letters, row = coordinate_from_string(coord.replace("$", "").split(":")[0])
            except ValueError:
                continue
            if sheet == title and row == 1:
                out.setdefault(column_index_from_string(letters), name[len(prefix):])
    return out


def read_sheet(ws, spec: SheetSpec, names: dict[int, str], *, legacy: bool,
               known_keys: set[str] = frozenset()) -> OldSheet:
    """The sheet as people left it. `names`: named_columns; `legacy`: a workbook from before
    the names; `known_keys`: this run's values of spec.name_col, to find that column by
    its values when people renamed it in a workbook without names."""
    old = OldSheet(ws.title)
    ids = _header_ids(spec, legacy=legacy)
    max_col = ws.max_column
    claimed: set[str] = set()
    for c in range(1, max_col + 1):
        cell = ws.cell(row=1, column=c)
        header = "" if cell.value is None else str(cell.value)
        col_id = ids.get(norm(header))
        if col_id in claimed:  # the same tool header twice: the second one is people's
            col_id = None
        if col_id:
            claimed.add(col_id)
        dim = ws.column_dimensions.get(cell.column_letter)
        width = dim.width if dim is not None and dim.customWidth else None
        hidden = bool(dim.hidden) if dim is not None else False
        old.columns.append(OldColumn(c, col_id, header, False, width, hidden, copy(cell._style)))
    for oc in old.columns:  # a renamed tool header: its name still says which column it is
        named = names.get(oc.index)
        if oc.col_id is None and named and named not in claimed:
            oc.col_id, oc.renamed = named, True
            claimed.add(named)

    last_used = 0
    used_cols: set[int] = set()
    for row in ws.iter_rows(min_row=2, max_col=max_col):
        cells: dict[int, OldCell] = {}
        number = row[0].row if row else 0
        for cell in row:
            if cell.value is None and cell.hyperlink is None and cell.comment is None:
                continue
            cells[cell.column] = OldCell(cell.value, cell.data_type, copy(cell._style),
                                         copy(cell.hyperlink) if cell.hyperlink else None,
                                         copy(cell.comment) if cell.comment else None)
        if cells:
            last_used = number
            used_cols.update(cells)
        dim = ws.row_dimensions.get(number)
        height = dim.height if dim is not None and dim.customHeight else None
        old.rows.append(OldRow(number, cells, height))
    old.rows = [r for r in old.rows if r.number <= last_used]  # formatted but empty rows below: not rows

    if spec.name_col not in claimed and known_keys:  # renamed in a workbook without names
        best, best_hits = None, 0
        for oc in old.columns:
            if oc.col_id is not None:
                continue
            values = [str(r.cells[oc.index].value) for r in old.rows if oc.index in r.cells]
            hits = sum(1 for v in values if v in known_keys)
            if hits > best_hits and hits * 2 >= len(values):
                best, best_hits = oc, hits
        if best is not None:
            best.col_id, best.renamed = spec.name_col, True
    # Columns with neither a header nor values are not columns of anyone.
    old.columns = [c for c in old.columns if c.col_id or c.header.strip() or c.index in used_cols]
    old.validations = list(ws.data_validations.dataValidation)
    old.formats = [(str(cf.sqref), list(cf.rules)) for cf in ws.conditional_formatting]
    old.merged = [str(r) for r in ws.merged_cells.ranges]
    for table in ws.tables.values():
        min_col, min_row, _, max_row = range_boundaries(table.ref)
        if min_row == 1 and min_col == 1:
            old.table, old.table_last_row = table, max_row
    return old


def read_named(wb, spec: SheetSpec, *, legacy: bool, known_keys: set[str] = frozenset()) -> OldSheet:
    """read_sheet of spec's sheet in `wb`, with the names the last run put on it."""
    title = spec.title
    return read_sheet(wb[title], spec, named_columns(wb, title, spec), legacy=legacy, known_keys=known_keys)


def their_columns(sheet: OldSheet, spec: SheetSpec) -> list[OldColumn]:
    """The columns people fill in: theirs of the tool's and their own, with a header."""
    by_id: dict[str, Column] = spec.by_id
    return [c for c in sheet.columns if (c.col_id is None or by_id[c.col_id].theirs) and c.header.strip()]


def keyed_values(sheet: OldSheet, col_ids: tuple[str, ...]) -> dict[str, dict[str, Any]]:
    """What people left in the given columns of each of the tool's rows, by the row's key
    (the hidden KEY column): {key: {column id: value}} (empty cells left out). A formula
    people typed is its text ('=…'); the caller decides what it reads."""
    key_at = sheet.index_of(KEY)
    if key_at is None:
        return {}
    at = {cid: sheet.index_of(cid) for cid in col_ids}
    out: dict[str, dict[str, Any]] = {}
    for row in sheet.rows:
        key = row.cells.get(key_at)
        if key is None or key.value in (None, ""):
            continue
        values = {cid: row.cells[i].value for cid, i in at.items()
                  if i is not None and i in row.cells and row.cells[i].value not in (None, "")}
        out.setdefault(str(key.value), values)
    return out

"""One sheet of the tool's rebuilt around what people did: read, merge, write in its place.

The order of the steps is the sheet's contract with people's edits: their validations and
conditional formats are carried before the tool's own are made afresh, names on the header
cells are set before their formulas elsewhere are moved.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from socinv_docs.render.workbook.merge import (
    Row,
    Slot,
    carry_formats,
    carry_merged,
    carry_validations,
    moves,
    plan_columns,
    plan_rows,
    remap_elsewhere,
)
from socinv_docs.render.workbook.read import OldSheet, named_columns, read_sheet
from socinv_docs.render.workbook.spec import REMOVED, SheetSpec
from socinv_docs.render.workbook.table import (
    PageTexts,
    add_table,
    name_columns,
    print_setup,
    row_rules,
    status_colours,
    write_rows,
)


@dataclass
class Built:
    ws: Any
    slots: list[Slot]
    rows: list[Row]  # as written, from row 2 down: this run's, the kept ones and people's own
    old: OldSheet | None


def rebuild_sheet(wb, spec: SheetSpec, fresh: list[Row], *, lang: str, legacy: bool, position: int,
                  page: PageTexts, tool_lists: str | None = None,
                  tool_validations: Callable[[Any, list[Slot], list[Row]], None] | None = None) -> Built:
    """Read spec's sheet (if `wb` has it), merge this run's rows (`fresh`) with it, and write
    it anew in the same place (a new sheet: at `position`). `legacy`: a workbook from before
    the tool named its columns. `tool_lists`: the sheet whose lists the tool's own drop-downs
    use (made afresh by `tool_validations(ws, slots, rows)`, never carried)."""
    name = spec.title
    old, index = None, None
    if name in wb.sheetnames:
        ws_old = wb[name]
        index = wb.sheetnames.index(name)
        known = {str(r.values.get(spec.name_col)) for r in fresh if r.values}
        old = read_sheet(ws_old, spec, named_columns(wb, name, spec), legacy=legacy, known_keys=known)
        wb.remove(ws_old)
    plan = plan_rows(old, spec, fresh, spec.status_words(lang)[REMOVED])
    rows = plan.rows
    if spec.from_old is not None:
        spec.from_old(rows, old, lang)
    slots = plan_columns(old, spec, lang)
    ws = wb.create_sheet(name, index if index is not None else position)
    moved = moves(name, old, slots, plan, spec.table)
    last_row = write_rows(ws, slots, rows, moved)
    add_table(ws, slots, old, spec.table, last_row)
    carry_validations(ws, old, moved, tool_lists)
    if tool_validations is not None:
        tool_validations(ws, slots, rows)
    carry_formats(ws, old, moved, spec)
    status_colours(ws, slots, spec, last_row)
    row_rules(ws, slots, spec, rows)
    carry_merged(ws, old, rows, moved)
    ws.freeze_panes = "B2"
    ws.sheet_view.zoomScale = 100
    print_setup(ws, slots, 1 + len(rows), page, spec.paper)
    name_columns(wb, ws, spec, slots)
    remap_elsewhere(wb, moved)
    return Built(ws, slots, rows, old)

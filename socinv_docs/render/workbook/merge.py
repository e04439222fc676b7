"""This run's rows merged with what people did to the sheet, and their things carried along.

- A row's identity is data, never rendered text: the hidden KEY column at the far right of
  each sheet, so a re-run in another language, a renamed or re-sorted column finds every row
  again. Without that column (deleted, or a workbook from an older version) the visible
  cells of SheetSpec.identities are the fallback, strongest first.
- Rows without a key are people's own (a total under the table, a note): kept as they were
  — values, formulas, formats — in their place relative to the table. Formulas, validations,
  conditional formats and names that point into the sheet are moved along with the rows and
  columns (refs), so a =SUBTOTAL under the table still covers it.
- A row whose thing is gone this run keeps its row, marked REMOVED (always, or only when
  people wrote something in it: SheetSpec.keep_removed).
- A tool column the old sheet lacks comes back after the tool column before it; people's
  columns stay where they put them, and one they deleted stays deleted.
"""

from __future__ import annotations

from copy import copy
from dataclasses import dataclass, field
from typing import Any

from openpyxl.utils import range_boundaries

from socinv_docs import messages
from socinv_docs.render.workbook.cells import put_text
from socinv_docs.render.workbook.read import OldCell, OldColumn, OldRow, OldSheet, norm
from socinv_docs.render.workbook.refs import AxisMap, remap_formula, remap_range, remap_sqref
from socinv_docs.render.workbook.spec import KEY, NAME_PREFIX, REMOVED, ROW_RULE_MARK, Column, SheetSpec

# -- rows ----------------------------------------------------------------------------------


@dataclass
class Row:
    values: dict[str, Any] | None  # the tool's cells by column id; None: people's own row, or empty
    old: OldRow | None = None  # the row it continues
    links: dict[str, str | None] = field(default_factory=dict)  # None: no link can lead there
    status: str | None = None  # the row's colour name (REMOVED: its thing is gone)
    in_table: bool = True  # inside the Excel table (the tool's rows always are)


@dataclass
class Plan:
    rows: list[Row]
    old_last: int | None = None  # the old sheet's last tool row
    body: int = 0  # rows before people's rows under the table

    @property
    def last(self) -> tuple[int, int] | None:
        """(old, new) last row of the table's body: a range down to it grows with it."""
        return (self.old_last, 1 + self.body) if self.old_last else None


def status_words(spec: SheetSpec) -> set[str]:
    """The status column's texts in every language: a row holding one is the tool's."""
    return {norm(word) for lang in messages.LANGS for word in spec.status_words(lang).values()}


def _match_keys(spec: SheetSpec, values: dict[str, Any]) -> list[tuple | None]:
    """A row's identities, strongest first: the stored key, then visible cells."""
    key = values.get(KEY)
    key = None if key in (None, "") else str(key)
    return [(KEY, key), *((tier, *(norm(values.get(c)) for c in cols)) for tier, cols in enumerate(spec.identities))]


def plan_rows(old: OldSheet | None, spec: SheetSpec, fresh: list[Row], removed_text: str) -> Plan:
    """This run's rows merged with the old sheet's: people's cells follow their row's
    identity; people's own rows stay where they were relative to the table."""
    if old is None:
        return Plan(list(fresh), None, len(fresh))
    at = {c.col_id: c.index for c in old.columns if c.col_id}
    tool_written = {c.id for c in spec.columns if not c.theirs}
    tool_written_at = {c.index for c in old.columns if c.col_id in tool_written}
    words = status_words(spec)

    def values_of(row: OldRow) -> dict[str, Any]:
        return {cid: row.cells[i].value for cid, i in at.items() if i in row.cells}

    kinds: list[str] = []  # per old row: tool | own | empty
    seen_keys: set = set()
    for row in old.rows:
        v = values_of(row)
        if KEY in at:
            key = v.get(KEY)
            tool = key not in (None, "") and key not in seen_keys  # a copied row is people's
            seen_keys.add(key)
        elif spec.status_col in at:
            tool = norm(v.get(spec.status_col)) in words and v.get(spec.name_col) not in (None, "")
        else:
            tool = v.get(spec.name_col) not in (None, "")
        kinds.append("tool" if tool else ("own" if row.cells else "empty"))

    # Match old tool rows to this run's rows, strongest identity first. A row with a stored
    # key is matched by it alone: a fixed finding must not lend its note to another one.
    match: dict[int, int] = {}  # old row position -> fresh position
    taken: set[int] = set()
    fresh_keys = [_match_keys(spec, r.values or {}) for r in fresh]
    for tier in range(len(fresh_keys[0]) if fresh_keys else 0):
        pool: dict[tuple, list[int]] = {}
        for k, keys in enumerate(fresh_keys):
            if k not in taken:
                pool.setdefault(keys[tier], []).append(k)
        for pos, row in enumerate(old.rows):
            if kinds[pos] != "tool" or pos in match:
                continue
            v = values_of(row)
            if tier > 0 and v.get(KEY) not in (None, ""):
                continue
            candidates = pool.get(_match_keys(spec, v)[tier])
            if candidates:
                match[pos] = candidates.pop(0)
                taken.add(match[pos])

    last_tool = max((p for p, k in enumerate(kinds) if k == "tool"), default=-1)
    tail = [Row(None, row, in_table=old.table is not None and row.number <= old.table_last_row)
            for row in old.rows[last_tool + 1:]]

    def kept(pos: int, row: OldRow) -> Row | None:
        """An old tool row whose thing is gone this run."""
        their_cells = [c for i, c in row.cells.items() if i not in tool_written_at]
        if spec.keep_removed != "always" and not any(c.value not in (None, "") for c in their_cells):
            return None
        values = {cid: value for cid, value in values_of(row).items() if cid in tool_written}
        values[spec.status_col] = removed_text
        return Row(values, row, status=REMOVED)

    body: list[Row] = []
    if spec.keep_order:
        for pos, row in enumerate(old.rows[:last_tool + 1]):
            if kinds[pos] == "tool":
                item = (fresh[match[pos]] if pos in match else kept(pos, row))
                if item is not None:
                    if pos in match:
                        item.old = row
                    body.append(item)
            elif kinds[pos] == "own":
                body.append(Row(None, row))
        body += [r for k, r in enumerate(fresh) if k not in taken]
    else:
        # This run's order; a row of people's own follows the tool row it followed.
        follows: dict[int, list[Row]] = {}
        leading: list[Row] = []
        anchor = None
        for pos, row in enumerate(old.rows[:last_tool + 1]):
            if kinds[pos] == "tool":
                anchor = pos
            elif kinds[pos] == "own":
                (follows.setdefault(anchor, []) if anchor is not None else leading).append(Row(None, row))
        by_fresh = {f: p for p, f in match.items()}
        body = list(leading)
        for k, item in enumerate(fresh):
            pos = by_fresh.get(k)
            if pos is not None:
                item.old = old.rows[pos]
            body.append(item)
            body += follows.pop(pos, []) if pos is not None else []
        for pos, row in enumerate(old.rows[:last_tool + 1]):
            if kinds[pos] == "tool" and pos not in match:
                item = kept(pos, row)
                if item is not None:
                    body.append(item)
                    body += follows.pop(pos, [])
        for rows in follows.values():  # their row is gone: they stay, at the end of the table
            body += rows
    old_last = old.rows[last_tool].number if last_tool >= 0 else None
    return Plan(body + tail, old_last, len(body))


# -- columns ---------------------------------------------------------------------------------


@dataclass
class Slot:
    """A column of the new sheet: a column the tool knows, or one carried over from the old sheet."""

    col: Column | None
    old: OldColumn | None = None
    header: str = ""
    width: float | None = None

    @property
    def tool_written(self) -> bool:
        return self.col is not None and not self.col.theirs

    @property
    def hidden(self) -> bool:
        return (self.col is not None and self.col.hidden) or (self.old is not None and self.old.hidden)

    @property
    def prints(self) -> bool:
        return not self.hidden and (self.col is None or self.col.prints)

    @property
    def wraps(self) -> bool:
        """Its text wraps onto more lines (people's columns always do)."""
        return (self.col.wrap if self.tool_written else True) and not self.hidden


def plan_columns(old: OldSheet | None, spec: SheetSpec, lang: str) -> list[Slot]:
    if old is None:
        return [Slot(c, None, spec.header(c, lang), c.width) for c in spec.columns]
    by_id = spec.by_id
    slots = []
    for oc in old.columns:
        if oc.col_id:
            col = by_id[oc.col_id]
            # A header people renamed stays theirs; the tool's own follows --lang.
            header = oc.header if oc.renamed or col.theirs else spec.header(col, lang)
            slots.append(Slot(col, oc, header, oc.width or col.width))
        else:
            slots.append(Slot(None, oc, oc.header, oc.width))
    # A tool column the old sheet lacks (deleted, or new in this version) comes back after
    # the tool column before it; the hidden bookkeeping at the far right. People's columns
    # are theirs: one they deleted stays deleted.
    tool_columns = [c for c in spec.columns if not c.theirs]
    for i, col in enumerate(tool_columns):
        if any(s.col is col for s in slots):
            continue
        if col.hidden:
            slots.append(Slot(col, None, spec.header(col, lang), col.width))
            continue
        at = 0
        for prev in reversed(tool_columns[:i]):
            pos = next((k for k, s in enumerate(slots) if s.col is prev), None)
            if pos is not None:
                at = pos + 1
                break
        slots.insert(at, Slot(col, None, spec.header(col, lang), col.width))
    # Excel tables need unique, non-empty headers. The headers the sheet had keep theirs; a
    # tool column new to this sheet gets '(2)' if people already use its name.
    seen: set[str] = set()
    for n, slot in sorted(enumerate(slots, start=1), key=lambda item: item[1].old is None):
        base = slot.header.strip() or spec.text(spec.unnamed_key, lang, n=n)
        name, k = base, 2
        while norm(name) in seen:
            name, k = f"{base} ({k})", k + 1
        slot.header = name
        seen.add(norm(name))
    return slots


# -- how things moved, and people's things carried along ----------------------------------------


@dataclass
class Moves:
    """How the rebuilt sheet moved things: for people's formulas anywhere in the workbook."""

    sheet: str
    rows: AxisMap
    cols: AxisMap
    table: str | None
    headers: dict[str, str]  # old header -> new header, where it changed (--lang)

    def formula(self, text: str, *, in_sheet: bool) -> str:
        return remap_formula(text, sheet=self.sheet, in_sheet=in_sheet, rows=self.rows, cols=self.cols,
                             table=self.table, headers=self.headers)


def moves(title: str, old: OldSheet | None, slots: list[Slot], plan: Plan, table: str) -> Moves:
    cols = AxisMap({s.old.index: k for k, s in enumerate(slots, start=1) if s.old is not None})
    moved = {1: 1}
    for n, row in enumerate(plan.rows, start=2):
        if row.old is not None:
            moved[row.old.number] = n
    # The table's body starts at row 2 before and after, whatever order its rows are in now.
    rows = AxisMap(moved, (2, 2) if plan.last else None, plan.last)
    headers = {s.old.header: s.header for s in slots if s.old is not None and s.old.header != s.header}
    return Moves(title, rows, cols, old.table.displayName if old is not None and old.table is not None else table,
                 headers)


def carry(cell, old: OldCell, moves: Moves) -> None:
    """One of people's cells, as they left it; a formula's references moved along."""
    cell._style = copy(old.style)
    if old.data_type == "f":
        cell.value = moves.formula(old.value, in_sheet=True) if isinstance(old.value, str) else old.value
    elif isinstance(old.value, str):
        put_text(cell, old.value)
    else:
        cell.value = old.value
    if old.hyperlink is not None:
        cell.hyperlink = old.hyperlink
    if old.comment is not None:
        cell.comment = old.comment


def carry_validations(ws, old: OldSheet | None, moves: Moves, tool_lists: str | None) -> None:
    """Drop-down lists and other validations people made, moved along with their cells.
    The tool's own (lists from the sheet `tool_lists`) are made afresh for this run's rows."""
    if old is None:
        return
    for dv in old.validations:
        if tool_lists and tool_lists in str(dv.formula1 or ""):
            continue
        sqref = remap_sqref(str(dv.sqref), moves.rows, moves.cols)
        if not sqref:
            continue
        new = copy(dv)
        new.sqref = sqref
        if dv.formula1:
            new.formula1 = moves.formula(str(dv.formula1), in_sheet=True)
        if dv.formula2:
            new.formula2 = moves.formula(str(dv.formula2), in_sheet=True)
        ws.add_data_validation(new)


def carry_formats(ws, old: OldSheet | None, moves: Moves, spec: SheetSpec) -> None:
    """Conditional formats people made, moved along; the tool's status colours are made afresh."""
    if old is None:
        return
    words = {f'"{w}"' for w in status_words(spec)}
    for sqref, rules in old.formats:
        new_ref = remap_sqref(sqref, moves.rows, moves.cols)
        if not new_ref:
            continue
        for rule in rules:
            if rule.type == "cellIs" and rule.operator == "equal" and [norm(f) for f in rule.formula or []] \
                    and all(norm(f) in words for f in rule.formula):
                continue  # the tool's own colour for a status word
            if any(norm(ROW_RULE_MARK) in norm(f) for f in rule.formula or []):
                continue  # one of the tool's row rules (made afresh)
            new = copy(rule)
            new.formula = [moves.formula(str(f), in_sheet=True) for f in rule.formula or []]
            ws.conditional_formatting.add(new_ref, new)


def carry_merged(ws, old: OldSheet | None, rows: list[Row], moves: Moves) -> None:
    """Cells people merged in rows of their own (a total's label over two columns)."""
    if old is None:
        return
    own = {row.old.number for row in rows if row.values is None and row.old is not None}
    for ref in old.merged:
        min_col, min_row, max_col, max_row = range_boundaries(ref)
        if all(r in own for r in range(min_row, max_row + 1)):
            moved = remap_range(ref, moves.rows, moves.cols)
            if moved:
                ws.merge_cells(moved)


def remap_elsewhere(wb, moves: Moves) -> None:
    """Formulas on people's other sheets and names of theirs that point into the rebuilt sheet."""
    for ws in wb.worksheets:
        if ws.title == moves.sheet:
            continue
        for row in ws.iter_rows():
            for cell in row:
                if cell.data_type == "f" and isinstance(cell.value, str) and moves.sheet in cell.value:
                    cell.value = moves.formula(cell.value, in_sheet=False)
    for name, dn in list(wb.defined_names.items()):
        if not name.startswith(NAME_PREFIX) and dn.attr_text and moves.sheet in dn.attr_text:
            dn.attr_text = moves.formula(dn.attr_text, in_sheet=False)

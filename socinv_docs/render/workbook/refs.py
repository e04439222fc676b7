"""Moving people's cell references along when a sheet is rebuilt.

A re-run rebuilds a sheet: new rows are added above a total people typed under the table,
a column new in this version is inserted, the tool's headers change with --lang, rows whose
thing is gone disappear (in the register: findings the applicant fixed). Excel and
LibreOffice move references when a person does such edits; this module does the same for
people's formulas, data validations, conditional formats and names, so that
=SUBTOTAL(9,J2:J5) under the table still sums the whole column afterwards.

Only references to the rebuilt sheet change; everything else in a formula is left as typed.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from openpyxl.formula.tokenizer import Token, Tokenizer
from openpyxl.utils import column_index_from_string, get_column_letter

_CELL = re.compile(r"^(\$?)([A-Za-z]{1,3})?(\$?)(\d+)?$")
_STRUCTURED_NAME = re.compile(r"\[(@?)((?:[^\[\]']|'.)+)\]")
REF_ERROR = "#REF!"


@dataclass
class AxisMap:
    """Where the old rows (or columns) of a sheet are in the rebuilt one.

    moved: old number -> new number of every row kept. A row that is gone makes a single
    reference to it #REF! and shrinks a range over it, as deleting a row does in Excel.
    Numbers past the last old one keep their distance to it (a validation on D2:D200).
    first/last: the range of the table's rows, old -> new: a range that covered all of them
    covers all of them after the rebuild, rows added included (Excel grows a range when rows
    are inserted inside it)."""

    moved: dict[int, int]
    first: tuple[int, int] | None = None
    last: tuple[int, int] | None = None
    _old: list[int] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._old = sorted(self.moved)

    def _beyond(self, n: int) -> int | None:
        if not self._old:
            return n
        if n > self._old[-1]:
            return self.moved[self._old[-1]] + n - self._old[-1]
        if n < self._old[0]:
            return n
        return None

    def single(self, n: int) -> int | None:
        if n in self.moved:
            return self.moved[n]
        return self._beyond(n)

    def start(self, n: int) -> int | None:
        if self.first and n == self.first[0]:
            return self.first[1]
        if n in self.moved:
            return self.moved[n]
        beyond = self._beyond(n)
        if beyond is not None:
            return beyond
        return self.moved[self._old[bisect_right(self._old, n)]]  # the next row kept

    def end(self, n: int) -> int | None:
        if self.last and n == self.last[0]:
            return self.last[1]
        if n in self.moved:
            return self.moved[n]
        beyond = self._beyond(n)
        if beyond is not None:
            return beyond
        return self.moved[self._old[bisect_left(self._old, n) - 1]]  # the row kept before it


def same_axis() -> AxisMap:
    return AxisMap({})


def _parse(part: str) -> tuple[str, int | None, str, int | None] | None:
    m = _CELL.match(part)
    if not m or (m.group(2) is None and m.group(4) is None):
        return None
    col = column_index_from_string(m.group(2).upper()) if m.group(2) else None
    if col is not None and col > 16384:
        return None  # a name such as ABC1234? no: 'ABC' would be a column past XFD
    row = int(m.group(4)) if m.group(4) else None
    if row is not None and (row < 1 or row > 1_048_576):
        return None
    return m.group(1), col, m.group(3), row


def remap_range(ref: str, rows: AxisMap, cols: AxisMap) -> str | None:
    """'J2:J5', '$A$1', 'C:C', '2:5' moved to the rebuilt sheet; None when it points at
    something that is gone; the text itself when it is no cell reference (a name)."""
    parts = ref.split(":")
    if len(parts) > 2:
        return ref
    parsed = [_parse(p) for p in parts]
    if any(p is None for p in parsed):
        return ref  # a defined name, TRUE, a function name: not a reference
    out = []
    for k, (dc, col, dr, row) in enumerate(parsed):
        single = len(parsed) == 1
        if col is not None:
            col = cols.single(col) if single else (cols.start(col) if k == 0 else cols.end(col))
            if col is None:
                return None
        if row is not None:
            row = rows.single(row) if single else (rows.start(row) if k == 0 else rows.end(row))
            if row is None:
                return None
        out.append((dc, col, dr, row))
    if len(out) == 2:
        (_, c1, _, r1), (_, c2, _, r2) = out
        if (c1 is not None and c2 is not None and c1 > c2) or (r1 is not None and r2 is not None and r1 > r2):
            return None  # every row of the range is gone
    return ":".join(f"{dc}{get_column_letter(c) if c else ''}{dr}{r if r else ''}" for dc, c, dr, r in out)


def _sheet_of(prefix: str) -> str:
    name = prefix
    if name.startswith("'") and name.endswith("'"):
        name = name[1:-1].replace("''", "'")
    return name


def _unescape(name: str) -> str:
    return re.sub(r"'(.)", r"\1", name)


def _escape(name: str) -> str:
    return re.sub(r"([\[\]#'])", r"'\1", name)


def _rename_structured(ref: str, table: str | None, headers: dict[str, str]) -> str:
    """Table[Old header] -> Table[New header] for the rebuilt sheet's table."""
    if not headers:
        return ref
    name = ref.split("[", 1)[0]
    if name and (table is None or name.casefold() != table.casefold()):
        return ref

    def swap(m: re.Match) -> str:
        old = _unescape(m.group(2))
        new = headers.get(old)
        return m.group(0) if new is None else f"[{m.group(1)}{_escape(new)}]"

    return _STRUCTURED_NAME.sub(swap, ref)


def remap_formula(formula: str, *, sheet: str, in_sheet: bool, rows: AxisMap, cols: AxisMap,
                  table: str | None = None, headers: dict[str, str] | None = None) -> str:
    """A formula with its references to `sheet` moved. in_sheet: the formula lives on that
    sheet (so 'A1' without a sheet name means it). Formulas of conditional formats and
    validations come without '='; they are returned the same way."""
    text = formula if formula.startswith("=") else "=" + formula
    try:
        tokens = Tokenizer(text).items
    except Exception:  # a formula openpyxl cannot read: leave it exactly as it is
        return formula
    changed = False
    for token in tokens:
        if token.type != Token.OPERAND or token.subtype != Token.RANGE:
            continue
        value = token.value
        if "[" in value:
            new = _rename_structured(value, table, headers or {}) if in_sheet or value.split("[", 1)[0] else value
        else:
            prefix, _, ref = value.rpartition("!")
            if prefix:
                if _sheet_of(prefix) != sheet:
                    continue
            elif not in_sheet:
                continue
            moved = remap_range(ref, rows, cols)
            new = f"{prefix}!{moved}" if prefix and moved else (moved or REF_ERROR)
        if new != value:
            token.value = new
            changed = True
    if not changed:
        return formula
    out = "=" + "".join(t.value for t in tokens)
    return out if formula.startswith("=") else out[1:]


def remap_sqref(sqref: str, rows: AxisMap, cols: AxisMap) -> str:
    """A validation's or conditional format's cell ranges ('D2:D200 F2'), moved; ranges that
    are gone are left out."""
    out = []
    for part in str(sqref).split():
        moved = remap_range(part, rows, cols)
        if moved:
            out.append(moved)
    return " ".join(out)

"""What a sheet module declares: its columns, and how its rows are told apart, as data.

A sheet of the tool's (the register's Ansökningar and Brister, the follow-up workbook's
sheets) is one SheetSpec. The layers below read nothing else about it: which columns it
has, in which order and of which type; which columns are people's own; which cells say who
a row is (its identity, strongest first); which word in the status column marks a row as
the tool's, and the colour each word gets.

A sheet module holds its own words beside its columns, as a rule holds its WORDS: the
sheet's name, its column headers ("<headers>.<column id>") and whatever else only that
sheet says, in Swedish and English (`both`). The spec looks a key up in them first, then in
the catalogue (words several outputs share: statuses, severities). So a new column is one
module's change: its Column and its header.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from socinv_docs import messages
from socinv_docs.messages import Text
from socinv_docs.messages.core import Entries

NAME_PREFIX = "socinv_"  # of the tool's defined names (on its header cells: socinv_ans_status, ...)
KEY = "key"  # the id of every sheet's hidden column with the row's identity
REMOVED = "removed"  # the status of a row whose thing is gone this run (and its colour)


def both(sv: str, en: str, sv_hint: str = "", en_hint: str = "") -> dict[str, Text]:
    """An entry of a sheet's words: its Swedish and English text (and hints)."""
    return {"sv": Text(sv, sv_hint), "en": Text(en, en_hint)}


@dataclass(frozen=True)
class Column:
    """A column the tool knows. The tool writes its columns at every run; a column of
    people's own (theirs=True: the beredningsgrupp's Bedömning, the processledare's
    Beviljat belopp) is made by the tool on a new sheet and then belongs to them."""

    id: str
    width: float
    type: str = "text"  # text | int | kr | ratio | pct | date (and time) | day (a date alone)
    wrap: bool = False
    theirs: bool = False
    prints: bool = True  # False: for the screen only, placed right of the printed columns
    hidden: bool = False  # the tool's bookkeeping (the row's key, the last run's state)


@dataclass(frozen=True)
class Colour:
    """A status word's colours: the cell's fill and font (hex RGB), and whether it is bold."""

    fill: str
    font: str
    bold: bool = True


# What marks a conditional format as one of the tool's row rules (RowRule): a term that is
# always true in Excel and LibreOffice, so that the next run makes them afresh instead of
# carrying them along as people's own.
ROW_RULE_MARK = 'N("socinv-docs")=0'


@dataclass(frozen=True)
class RowRule:
    """A conditional format over the tool's rows: `test` is a formula on one row's cells,
    with a column's cell as {column id} ('{left}<0'); where it holds, the row (or only the
    cells of `columns`) gets `colour`. Late reports, a budget overspent."""

    test: str
    colour: Colour
    columns: tuple[str, ...] = ()  # () : the whole row


@dataclass(frozen=True)
class SheetSpec:
    name_key: str  # the message naming the sheet (fixed: its Swedish text in every language)
    columns: tuple[Column, ...]
    headers: str  # message key prefix of the column headers: "<headers>.<column id>"
    unnamed_key: str  # the message for a column without a header: "Kolumn {n}"
    abbr: str  # in the defined names on the header cells: socinv_<abbr>_<column id>
    table: str  # the Excel table's name on a new sheet
    name_col: str  # the visible column that names what a row is about (a tool row always has it)
    identities: tuple[tuple[str, ...], ...]  # visible cells that tell a row, after KEY; strongest first
    status_col: str  # the column that says a row is the tool's and gets the colours
    status_words: Callable[[str], dict[str, str]]  # colour -> its word in a language; REMOVED among them
    colours: Mapping[str, Colour]
    keep_order: bool  # rows stay in people's order (new ones at the end), else this run's
    keep_removed: str  # always | if_their_values: a row whose thing is gone stays
    # Tool columns new in a later version whose plain headers people may well have used for a
    # column of their own in a workbook without names ("Orsak"): there, only a name marks them.
    added_later: frozenset[str] = frozenset()
    # Fills tool cells that depend on the old sheet (what changed since the last run):
    # called with (rows, old sheet or None, lang) before the sheet is written.
    from_old: Callable[[list, Any, str], None] | None = field(default=None, compare=False)
    # The sheet's own words (its module's WORDS): name, headers, what only it says.
    words: Entries = field(default_factory=dict, compare=False)
    row_rules: tuple[RowRule, ...] = ()
    paper: str | None = None  # "A4" or "A3" whatever the width; None: A4 when it fits at 80 %, else A3

    @property
    def by_id(self) -> dict[str, Column]:
        return {c.id: c for c in self.columns}

    def text(self, key: str, lang: str = "sv", /, **params: object) -> str:
        """A message of the sheet's own words, else of the catalogue."""
        return messages.catalogue(self.words).text(key, lang, **params)

    def hint(self, key: str, lang: str = "sv", /, **params: object) -> str:
        return messages.catalogue(self.words).hint(key, lang, **params)

    @property
    def title(self) -> str:
        return self.text(self.name_key, "sv")  # fixed names, the same in every language

    def header_key(self, col: Column) -> str:
        return f"{self.headers}.{col.id}"

    def header(self, col: Column | str, lang: str) -> str:
        """A column's header (the Column, or its id) in `lang`."""
        return self.text(self.header_key(col if isinstance(col, Column) else self.by_id[col]), lang)

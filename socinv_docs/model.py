"""The document model: what extraction found in one file, before any rule has judged it."""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field as data_field  # 'field' is also an attribute name here
from enum import StrEnum
from typing import Any

from socinv_docs.location import Location, column_letter


class SectionState(StrEnum):
    OK = "ok"
    MISSING = "missing"
    EMPTY = "empty"
    PLACEHOLDER = "placeholder"
    TOO_SHORT = "too_short"


@dataclass
class LeftoverPlaceholder:
    """A placeholder left in a section that is answered elsewhere: "Skriv här:" still in the
    answer cell B16 while the answer is typed in C16 or the row beneath (SPEC §2.4)."""

    text: str  # the placeholder as written ("Skriv här:"); "" for a content control's own
    location: Location  # the cell or paragraph holding it
    answer: Location | None = None  # where the answer is (its first cell or paragraph)


@dataclass
class Section:
    id: str
    state: SectionState
    heading: str | None = None  # as found in the draft
    text: str = ""  # the answer, guidance and placeholders set aside
    words: int = 0
    location: Location = Location()  # the heading (or prompt cell)
    # Excel: the cell that holds the answer, or where it belongs. Findings point there, so
    # the report, the register and the annotated copy name the same cell.
    answer_location: Location | None = None
    placeholder: str = ""  # the placeholder text found, as written ("TODO"); "" when it had none
    # A missing section: a heading the applicant wrote that matched no section but is the
    # likeliest to be this one ("1 Problem och nuläge"), and where it is.
    unrecognised: str = ""
    unrecognised_location: Location | None = None
    # An answered section: a placeholder left beside the answer (the answer counts).
    leftover: LeftoverPlaceholder | None = None


@dataclass
class FieldValue:
    id: str
    raw: str = ""  # the answer as typed, placeholders set aside
    value: Any = None  # parsed (str, list, dict, number) or None when empty/unreadable
    invalid: bool = False  # raw text that cannot be read as the field's type
    location: Location = Location()
    type: str = "text"  # the schema's field type (FieldSpec.type): what `value` holds

    def to_json(self) -> Any:
        """The value for JSON `fields` (SPEC §5), one JSON type per field type whatever was
        typed: a period is always {start, end, raw} (start/end null when it cannot be read);
        lists are lists ([] when empty); text, numbers and durations are a string or a
        number, or null when empty or unreadable (the words as typed are in `fields_raw`); a
        report period is always {period, year, raw} and a date an ISO string or null."""
        if self.type == "period":
            period = self.value if isinstance(self.value, dict) else {}
            return {"start": period.get("start"), "end": period.get("end"), "raw": self.raw}
        if self.type == "report_period":  # {"period": "delar2" | "helar", "year": 2027, "raw"}
            period = self.value if isinstance(self.value, dict) else {}
            return {"period": period.get("period"), "year": period.get("year"), "raw": self.raw}
        if self.type in ("lines", "parties"):
            return list(self.value) if isinstance(self.value, list) else []
        return None if self.invalid else self.value


@dataclass
class CriterionAnswer:
    id: str
    answer: bool | None = None  # True = Ja, False = Nej, None = unanswered or unclear
    raw: str = ""  # the answer as the applicant wrote it ("Ja, se ovan", "Delvis"); "" when none
    motivation: str = ""
    found: bool = False  # the criterion's row was found at all
    location: Location = Location()  # the row
    answer_location: Location | None = None  # the Ja/Nej cell
    motivation_location: Location | None = None  # the Motivering cell

    @property
    def unclear(self) -> bool:
        """Something was written, but neither Ja nor Nej ("Delvis", "Vet ej", "?")."""
        return self.answer is None and bool(self.raw)


@dataclass(frozen=True)
class TableValue:
    """One cell of a table, read once by extraction as its column's type (TableSpec.types):
    rules, the economics and every output use this value, so none of them can read the same
    cell differently. Like FieldValue, the text as typed and whether it could be read stay beside it."""

    raw: str = ""  # the cell as typed, placeholders set aside
    value: Any = None  # kronor (int) for amount, years or hours (float), the text for text; None when empty
    invalid: bool = False  # text that cannot be read as the column's type
    type: str = "text"  # the column's type (schema.ColumnType)


NO_VALUE = TableValue()  # a column the table does not have, or a cell it does not reach


@dataclass
class TableRow:
    label: str = ""
    values: dict[str, TableValue] = data_field(default_factory=dict)  # column id -> the typed cell
    # column id -> the cell's text as written: a text that is also a word of the template
    # ("Övrigt" as a kostnadsslag, "Totalt") is set aside from the typed cell's raw
    written: dict[str, str] = data_field(default_factory=dict)
    location: Location = Location()
    # column id -> that cell's place, so a finding about one value points at its cell
    cells: dict[str, Location] = data_field(default_factory=dict)

    def cell(self, column: str | None) -> TableValue:
        """The typed cell of `column` (an empty one when the table lacks the column)."""
        return self.values.get(column, NO_VALUE) if column else NO_VALUE


@dataclass
class Table:
    id: str
    rows: list[TableRow] = data_field(default_factory=list)
    location: Location = Location()
    columns: dict[str, int] = data_field(default_factory=dict)  # column id -> the reader's 0-based column

    def cell(self, row: Location, column: str) -> Location:
        """Where the cell of `column` in `row` (a row's Location, or the table's own for its
        header) is, even when that cell is empty (nothing typed, or a formula Excel has not
        yet computed): for a finding to point at."""
        col = self.columns.get(column)
        if col is None:
            return row
        if row.sheet and row.row is not None:
            return Location(sheet=row.sheet, row=row.row, column=col + 1, cell=f"{column_letter(col + 1)}{row.row}",
                            block=row.block)
        return Location(table=row.table, row=row.row, column=col + 1, block=row.block, table_name=row.table_name,
                        row_label=row.row_label)


@dataclass
class GridRow:
    """One goal of an utvärderingsschema (merged rows joined into one)."""

    values: dict[str, str] = data_field(default_factory=dict)
    location: Location = Location()
    first_row: int = 0
    last_row: int = 0
    # column id -> the goal's cell in that column on its first row (empty cells too): where
    # a missing activity or basmätning is to be typed
    cells: dict[str, Location] = data_field(default_factory=dict)


@dataclass
class Signature:
    """A row of the signature block that someone has begun to fill in."""

    values: list[str] = data_field(default_factory=list)
    location: Location = Location()
    missing: list[str] = data_field(default_factory=list)  # headers of its empty columns ("Datum")

    @property
    def label(self) -> str:
        """What the row is called: its first filled cell (the förvaltning, or the name)."""
        return next((v for v in self.values if v), "")


@dataclass
class Document:
    file: str
    kind: str
    profile: str
    format: str
    title: str = ""
    sections: dict[str, Section] = data_field(default_factory=dict)
    fields: dict[str, FieldValue] = data_field(default_factory=dict)
    criteria: dict[str, CriterionAnswer] = data_field(default_factory=dict)
    tables: dict[str, Table] = data_field(default_factory=dict)
    grid: list[GridRow] = data_field(default_factory=list)
    signatures: list[Signature] | None = None  # None: the Underskrifter part was not found
    # The fund's track the form names (the kind's `track` role, profile `tracks`): its id; None
    # where the profile has no tracks, or the form names none of them (TRACK_UNKNOWN).
    track: str | None = None
    # Where a missing section should have been: the block after which it belongs.
    anchors: dict[str, Location] = data_field(default_factory=dict)

"""A document's values by role: what its title, applicant, parties, period, amount, budget
and savings are, whatever the template calls them (KindSpec.roles names the ids).

This is the one place that turns roles into a template's field and table ids. Rules,
economics, the register and the memos ask here, so a new funder's template works with
all of them by mapping its roles in schemas/kinds/*.yaml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from socinv_docs.extract.tables import read_yes_no
from socinv_docs.extract.text import fold
from socinv_docs.extract.values import parse_calendar_year, period_years
from socinv_docs.location import Location
from socinv_docs.model import Document, FieldValue, TableRow
from socinv_docs.report import Facts, PartyFact
from socinv_docs.schema import CommonSpec, KindSpec


def field_of(doc: Document | None, field_id: str | None) -> FieldValue | None:
    if doc is None or not field_id:
        return None
    return doc.fields.get(field_id)


def value_of(doc: Document | None, field_id: str | None):
    """A field's parsed value, or None when missing or unreadable."""
    f = field_of(doc, field_id)
    return None if f is None or f.invalid else f.value


def as_text(value) -> str:
    """A field's value as people read it: a field of several lines (type `lines`, `parties`)
    one line after another, never a Python list ("['Utbildningsförvaltningen', …]")."""
    if isinstance(value, list):
        return "\n".join(as_text(item) for item in value if item)
    if isinstance(value, dict):  # a parties line: "Socialnämnden – Social välfärd"
        return " – ".join(str(value[k]) for k in ("namnd", "verksamhetsomrade") if value.get(k))
    return str(value) if value else ""


def title(doc: Document | None, kind: KindSpec) -> str:
    return as_text(value_of(doc, kind.roles.title))


def applicant(doc: Document | None, kind: KindSpec) -> str:
    return as_text(value_of(doc, kind.roles.applicant))


def contact(doc: Document | None, kind: KindSpec) -> str:
    return as_text(value_of(doc, kind.roles.contact))


def amount(doc: Document | None, kind: KindSpec) -> int | None:
    value = value_of(doc, kind.roles.amount)
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def years(doc: Document | None, kind: KindSpec) -> tuple[float | None, FieldValue | None]:
    """How long the satsning runs, in years, and the field it was read from."""
    for field_id in (kind.roles.period, kind.roles.duration):
        f = field_of(doc, field_id)
        if f is None or f.invalid or f.value is None:
            continue
        if isinstance(f.value, dict) and "start" in f.value:
            return period_years(f.value), f
        if isinstance(f.value, (int, float)):
            return float(f.value), f
    return None, field_of(doc, kind.roles.period or kind.roles.duration)


def period(doc: Document | None, kind: KindSpec) -> dict | None:
    value = value_of(doc, kind.roles.period)
    return value if isinstance(value, dict) and "start" in value else None


# -- parties ------------------------------------------------------------------------------


@dataclass
class Party:
    name: str
    category: str
    field: str
    location: Location
    area: str | None = None  # a nämnd's verksamhetsområde, when the line gives one

    @property
    def label(self) -> str:
        return f"{self.name} ({self.area})" if self.area else self.name


def category_of(name: str, common: CommonSpec) -> str:
    """The category a party's own words tell (for fields of `category: auto`): of the
    categories whose words are in the name, the one of the highest priority (common.yaml),
    never the first in the file ("Kommunservice AB" is a company, not a kommun)."""
    folded = fold(name)
    told = [(category.priority, category_id) for category_id, category in common.party_categories.items()
            if any(_says(word, name, folded) for word in category.words)]
    return max(told)[1] if told else common.default_party_category


def _says(word: str, name: str, folded: str) -> bool:
    if word.isupper() and len(word) <= 3:  # "AB", "HB": case matters, "ab" is no company form
        return re.search(rf"(?<![\wÅÄÖåäö]){re.escape(word)}(?![\wÅÄÖåäö])", name) is not None
    return bool(fold(word)) and re.search(rf"\b{re.escape(fold(word))}", folded) is not None


def parties(doc: Document | None, kind: KindSpec, common: CommonSpec) -> list[Party]:
    """Every party the document lists, with its category, in the order of the template."""
    out: list[Party] = []
    if doc is None:
        return out
    for mapping in kind.roles.parties:
        f = doc.fields.get(mapping.field)
        if f is None or f.invalid or not f.value:
            continue
        items = f.value if isinstance(f.value, list) else [f.value]
        for item in items:
            if isinstance(item, dict):  # a "parties" line: "Socialnämnden – Social välfärd"
                name, area = str(item.get("namnd") or "").strip(), item.get("verksamhetsomrade")
            else:
                name, area = str(item).strip(), None
            if not name:
                continue
            category = category_of(name, common) if mapping.category == "auto" else mapping.category
            out.append(Party(name=name, category=category, field=mapping.field, location=f.location, area=area))
    return out


# -- tables -------------------------------------------------------------------------------


@dataclass
class CostRow:
    """A budget row: a year (or the total row), its components, total and fund part."""

    label: str
    amounts: dict[str, int | None]  # column id -> kronor (None: empty)
    location: Location
    is_total: bool = False
    invalid: list[tuple[str, str]] = field(default_factory=list)  # (column, raw) not readable
    cells: dict[str, Location] = field(default_factory=dict)  # column id -> the cell


@dataclass
class SavingsRow:
    party: str
    per_year: int | None
    years: float | None
    location: Location
    invalid: list[tuple[str, str]] = field(default_factory=list)
    cells: dict[str, Location] = field(default_factory=dict)


@dataclass
class CofinancingRow:
    party: str
    cash: int | None
    hours: float | None
    location: Location
    in_kind: int | None = None  # the value of the applicants' own work, in kronor
    invalid: list[tuple[str, str]] = field(default_factory=list)
    cells: dict[str, Location] = field(default_factory=dict)


def _cells(row: TableRow) -> dict[str, Location]:
    return dict(getattr(row, "cells", {}) or {})


def _read(row: TableRow, column: str | None, invalid: list[tuple[str, str]]):
    """The typed value of a row's cell (made once by extraction); an unreadable one is
    noted in `invalid` as (column, text as typed) and counts as empty."""
    cell = row.cell(column)
    if cell.invalid:
        invalid.append((column, cell.raw))
    return cell.value


def budget_rows(doc: Document | None, kind: KindSpec) -> list[CostRow]:
    role = kind.roles.budget
    table = doc.tables.get(role.table) if doc is not None and role is not None else None
    if table is None:
        return []
    columns = [*role.components, *(c for c in (role.total, role.fund) if c)]
    totals = tuple(fold(label) for label in role.total_row)
    rows = []
    for r in table.rows:
        row = CostRow(label=r.label, amounts={}, location=r.location, cells=_cells(r),
                      is_total=fold(r.label).startswith(totals))
        for col in columns:
            row.amounts[col] = _read(r, col, row.invalid)
        rows.append(row)
    return rows


def savings_rows(doc: Document | None, kind: KindSpec) -> list[SavingsRow]:
    role = kind.roles.savings
    table = doc.tables.get(role.table) if doc is not None and role is not None else None
    if table is None:
        return []
    rows = []
    for r in table.rows:
        invalid: list[tuple[str, str]] = []
        per_year, years = _read(r, role.per_year, invalid), _read(r, role.years, invalid)
        row = SavingsRow(party=r.cell(role.party).raw or r.label, per_year=per_year, years=years,
                         location=r.location, invalid=invalid, cells=_cells(r))
        if row.per_year is not None or row.years is not None or row.invalid:
            rows.append(row)
    return rows


def cofinancing_rows(doc: Document | None, kind: KindSpec) -> list[CofinancingRow]:
    role = kind.roles.cofinancing
    table = doc.tables.get(role.table) if doc is not None and role is not None else None
    if table is None:
        return []
    totals = tuple(fold(label) for label in role.total_row)
    rows = []
    for r in table.rows:
        party = r.cell(role.party).raw or r.label
        if fold(party).startswith(totals):
            continue  # the template's own sum row: counted from the rows above
        invalid: list[tuple[str, str]] = []
        cash, hours, in_kind = (_read(r, role.cash, invalid), _read(r, role.hours, invalid),
                                _read(r, role.in_kind, invalid))
        row = CofinancingRow(party=party, cash=cash, hours=hours, in_kind=in_kind, location=r.location,
                             invalid=invalid, cells=_cells(r))
        if row.cash is not None or row.hours is not None or row.in_kind is not None or row.invalid:
            rows.append(row)
    return rows


# -- the follow-up reports' tables (SPEC §9) --------------------------------------------------

@dataclass
class ReportCostRow:
    """A row of a report's Ekonomi: a calendar year and a kostnadsslag with its budget, utfall,
    the part of the utfall the fund carries and the forecast, in kronor (None: empty). A row
    without a year continues the year above (people write it once per block, or merge it)."""

    year: int | None
    component: str
    budget: int | None
    actual: int | None
    fund: int | None
    forecast: int | None
    location: Location
    is_total: bool = False  # the Totalt row of the whole table
    is_year_total: bool = False  # a year's own sum row ("2027 | Summa")
    invalid: list[tuple[str, str]] = field(default_factory=list)  # (column id, raw) not readable
    cells: dict[str, Location] = field(default_factory=dict)

    @property
    def label(self) -> str:
        """What a person calls the row (for messages): "2027 Personal", "Totalt"."""
        return " ".join(str(part) for part in (self.year, self.component) if part) or "–"


@dataclass
class MeasureRow:
    """A row of a report's Mått table, as written; a row without a goal continues the goal above."""

    goal: str
    measure: str
    baseline: str
    target: str
    due: str
    actual: str
    comment: str
    location: Location
    cells: dict[str, Location] = field(default_factory=dict)


@dataclass
class ActivityRow:
    """A row of a report's Aktiviteter table: whether a planned activity was carried out."""

    activity: str
    done_raw: str  # as written ("Ja", "Delvis, se nedan")
    done: str | None  # "ja", "delvis", "nej"; None when empty or neither
    comment: str
    location: Location
    cells: dict[str, Location] = field(default_factory=dict)


def _text(row: TableRow, column: str | None) -> str:
    """A text cell's value ("" when empty, or the table lacks the column)."""
    return str(row.cell(column).value or "").strip()


def _is_total_label(text: str, labels: list[str]) -> bool:
    folded = fold(text)
    return bool(folded) and folded.startswith(tuple(fold(label) for label in labels))


def report_cost_rows(doc: Document | None, kind: KindSpec) -> list[ReportCostRow]:
    """The Ekonomi rows of a report (role `report_costs`): the money as its typed cells (amount
    columns, read as the ansökan's are), the year and kostnadsslag as written."""
    role = kind.roles.report_costs
    table = doc.tables.get(role.table) if doc is not None and role is not None else None
    if table is None:
        return []
    money = {"budget": role.budget, "actual": role.actual, "fund": role.fund, "forecast": role.forecast}
    rows: list[ReportCostRow] = []
    year: int | None = None
    for r in table.rows:
        # As written: "Totalt" and "Övrigt" are also words of the template, set aside from the typed cells.
        year_raw = r.written.get(role.year, "")
        component = r.written.get(role.component, "")
        invalid: list[tuple[str, str]] = []
        is_total = _is_total_label(year_raw, role.total_row) or (not year_raw and year is None
                                                                 and _is_total_label(component, role.total_row))
        if is_total:
            year = None
        elif year_raw:
            year = parse_calendar_year(year_raw)
            if year is None:
                invalid.append((role.year, year_raw))
        amounts = {name: _read(r, column, invalid) for name, column in money.items()}
        rows.append(ReportCostRow(year=None if is_total else year, component=component, **amounts,
                                  location=r.location, is_total=is_total,
                                  is_year_total=not is_total and _is_total_label(component, role.total_row),
                                  invalid=invalid, cells=_cells(r)))
    return rows


def measure_rows(doc: Document | None, kind: KindSpec) -> list[MeasureRow]:
    """The Mått rows of a report (role `measures`); rows with nothing but a goal are skipped."""
    role = kind.roles.measures
    table = doc.tables.get(role.table) if doc is not None and role is not None else None
    if table is None:
        return []

    rows: list[MeasureRow] = []
    goal = ""
    for r in table.rows:
        goal = _text(r, role.goal) or goal
        row = MeasureRow(goal=goal, measure=_text(r, role.measure), baseline=_text(r, role.baseline),
                         target=_text(r, role.target), due=_text(r, role.due), actual=_text(r, role.actual),
                         comment=_text(r, role.comment), location=r.location, cells=_cells(r))
        if any((row.measure, row.baseline, row.target, row.due, row.actual, row.comment)):
            rows.append(row)
    return rows


def read_done(text: str) -> str | None:
    """Whether an activity was carried out, read leniently: "ja", "delvis" or "nej" (None: empty
    or neither, such as "Pågår")."""
    if fold(text).startswith("delvis"):
        return "delvis"
    answer = read_yes_no(text)
    return None if answer is None else ("ja" if answer else "nej")


def activity_rows(doc: Document | None, kind: KindSpec) -> list[ActivityRow]:
    """The Aktiviteter rows of a report (role `activities`)."""
    role = kind.roles.activities
    table = doc.tables.get(role.table) if doc is not None and role is not None else None
    if table is None:
        return []
    rows = []
    for r in table.rows:
        activity, done, comment = _text(r, role.activity), _text(r, role.done), _text(r, role.comment)
        if activity or done or comment:
            rows.append(ActivityRow(activity=activity, done_raw=done, done=read_done(done), comment=comment,
                                    location=r.location, cells=_cells(r)))
    return rows


def column_label(kind: KindSpec, table_id: str, column: str) -> str:
    """What the template calls a table's column (for messages): its header, not its id."""
    spec = next((t for t in kind.tables if t.id == table_id), None)
    return spec.columns.get(column, column) if spec is not None else column


def facts(doc: Document, kind: KindSpec, common: CommonSpec):
    """Every role's value of a document, as the report's plain Facts."""
    years_value, _ = years(doc, kind)
    return Facts(title=title(doc, kind), applicant=applicant(doc, kind), contact=contact(doc, kind),
                 parties=[PartyFact(name=p.name, category=p.category, area=p.area)
                          for p in parties(doc, kind, common)],
                 amount=amount(doc, kind), period=period(doc, kind), years=years_value, attachment=kind.attachment,
                 track=doc.track)

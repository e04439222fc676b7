"""What the rules that compare a follow-up report with its plan share (SPEC §9): names matched
leniently, the report's own period, its sections written or not, and its Ekonomi table summed
per calendar year. Not a rule of its own (the registry lists none here).

Names: a report is typed by a projektledare years after the plan was approved, and a
pre-filled one may have been retyped. A measure, activity, kostnadsslag or party is the plan's
when its words are the same after folding case, accents and punctuation, leaving out a part in
brackets ("Personal (lön inkl. PO)" is "Personal"), or when the one is the other with words
added ("Antal elever" and "Antal elever som deltar"). A party is also compared by its name
before a dash or comma: "Socialnämnden – IFO" is "Socialnämnden".

Money: the Ekonomi table holds one row per calendar year and kostnadsslag (a row without a
year continues the year above; a year's own sum row and the Totalt row are marked by
roles.report_cost_rows). A year's utfall, varav fonden or prognos is the sum of its
kostnadsslag rows where they give it, else its own sum row's; "to date" is the sum over the
years, else the Totalt row's. So a report that writes only the sums is read as well as one
that writes every row, and a Totalt that does not add up (COSTS_INCONSISTENT's business in an
ansökan) never hides the rows.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from socinv_docs import roles
from socinv_docs.extract.text import fold
from socinv_docs.location import Location
from socinv_docs.model import Document, SectionState
from socinv_docs.roles import ReportCostRow
from socinv_docs.schema import KindSpec

# -- names ----------------------------------------------------------------------------------

_BRACKETS = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_HEAD = re.compile(r"\s+[-–—]\s+|,|\(")


def name_key(text: str) -> str:
    """A name as compared: folded, without a part in brackets."""
    return fold(_BRACKETS.sub(" ", text or ""))


def same_name(planned: str, written: str) -> bool:
    """Whether a report's words name what the plan names (see the module's docstring)."""
    a, b = name_key(planned), name_key(written)
    if not a or not b:
        return False
    return a == b or f" {a} " in f" {b} " or f" {b} " in f" {a} "


def same_party(planned: str, written: str) -> bool:
    """Whether a party the report lists is a party of the plan: the same name, or the same
    name before a dash or comma ("Socialnämnden – IFO" and "Socialnämnden")."""
    return same_name(planned, written) or same_name(_head(planned), _head(written))


def _head(name: str) -> str:
    return _HEAD.split(name, maxsplit=1)[0]


def match_rows(wanted: list[str], written: list[str], wanted_groups: list[str] | None = None,
               written_groups: list[str] | None = None) -> dict[int, int]:
    """Which written row answers which wanted name ({wanted index: written index}), each row
    used once, in the order given: the same words first, then the lenient match; with groups
    (a measure's goal), within the same group before any group."""
    tiers = [(exact, grouped) for exact in (True, False) for grouped in ((True, False) if wanted_groups else (False,))]
    found: dict[int, int] = {}
    used: set[int] = set()
    for exact, grouped in tiers:
        for i, name in enumerate(wanted):
            if i in found:
                continue
            for j, text in enumerate(written):
                if j in used or (grouped and not same_name(wanted_groups[i], written_groups[j])):
                    continue
                if (name_key(name) and name_key(name) == name_key(text)) if exact else same_name(name, text):
                    found[i] = j
                    used.add(j)
                    break
    return found


def planned_measures(plan, doc: Document, kind: KindSpec) -> list[tuple]:
    """Each (goal, measure) of the plan with its row of the report's Mått table (None: no
    row), matched by the measure's words within its goal first."""
    planned = plan.measures()
    rows = roles.measure_rows(doc, kind)
    found = match_rows([m.name for _, m in planned], [r.measure for r in rows],
                       [g.text for g, _ in planned], [r.goal for r in rows])
    return [(goal, measure, rows[found[i]] if i in found else None) for i, (goal, measure) in enumerate(planned)]


# -- the report -----------------------------------------------------------------------------


def report_end(doc: Document, kind: KindSpec) -> dt.date | None:
    """The last day the report covers (its period's end), or None when it gives none readable."""
    period = roles.period(doc, kind)
    try:
        return dt.date.fromisoformat(period["end"]) if period else None
    except ValueError:
        return None


def written(doc: Document, section_id: str | None) -> bool:
    """Whether a section holds an answer (too short counts: someone wrote it)."""
    section = doc.sections.get(section_id) if section_id else None
    return section is not None and section.state in (SectionState.OK, SectionState.TOO_SHORT)


def section_where(doc: Document, section_id: str | None) -> Location | None:
    """Where to point for a section: its heading, or where it belongs when it is missing."""
    section = doc.sections.get(section_id) if section_id else None
    if section is not None and section.state is not SectionState.MISSING:
        return section.answer_location or section.location
    return doc.anchors.get(section_id) if section_id else None


def table_section(kind: KindSpec, table_id: str) -> str:
    """The section a table belongs to (what a finding on it names), else the table's own id."""
    spec = next((t for t in kind.tables if t.id == table_id), None)
    return spec.section if spec is not None and spec.section else table_id


def table_where(doc: Document, kind: KindSpec, table_id: str) -> Location | None:
    """The table's place, or its section's when the table was not found."""
    table = doc.tables.get(table_id)
    if table is not None:
        return table.location
    return section_where(doc, table_section(kind, table_id))


# -- the Ekonomi table, per calendar year ----------------------------------------------------

MONEY = ("actual", "fund", "forecast")


@dataclass
class YearCosts:
    """One calendar year of a report's Ekonomi: its utfall, varav fonden and prognos (None: not
    given), its kostnadsslag rows and its own sum row."""

    year: int | None
    rows: list[ReportCostRow] = field(default_factory=list)
    sum_row: ReportCostRow | None = None

    def amount(self, column: str) -> int | None:
        parts = [getattr(r, column) for r in self.rows if getattr(r, column) is not None]
        if parts:
            return sum(parts)
        return getattr(self.sum_row, column) if self.sum_row is not None else None

    def where(self, column: str) -> Location | None:
        """The cell to point at for the year's amount: its sum row's, else its last row's."""
        row = self.sum_row or (self.rows[-1] if self.rows else None)
        return cell(row, column)


@dataclass
class ReportCosts:
    """A report's Ekonomi table: the years in the order written, and the Totalt row."""

    years: dict[int | None, YearCosts]
    total: ReportCostRow | None
    columns: dict[str, str]  # "actual", "fund", "forecast" -> the table's column id

    def to_date(self, column: str) -> int | None:
        """The sum over the years, else the Totalt row's (None: nothing given)."""
        parts = [y.amount(column) for y in self.years.values() if y.amount(column) is not None]
        if parts:
            return sum(parts)
        return getattr(self.total, column) if self.total is not None else None

    def total_where(self, column: str) -> Location | None:
        """The Totalt row's cell, else the last year's."""
        if self.total is not None:
            return cell(self.total, self.columns[column])
        last = list(self.years.values())[-1] if self.years else None
        return last.where(self.columns[column]) if last is not None else None

    @property
    def shows_money(self) -> bool:
        """Whether anything is written in Utfall, varav fonden or Prognos."""
        return any(self.to_date(column) is not None for column in MONEY)

    def component_rows(self) -> list[ReportCostRow]:
        return [r for y in self.years.values() for r in y.rows]


def report_costs(doc: Document, kind: KindSpec) -> ReportCosts:
    role = kind.roles.report_costs
    years: dict[int | None, YearCosts] = {}
    total = None
    for row in roles.report_cost_rows(doc, kind):
        if row.is_total:
            total = total or row
            continue
        year = years.setdefault(row.year, YearCosts(row.year))
        if row.is_year_total:
            year.sum_row = row
        else:
            year.rows.append(row)
    columns = {"actual": role.actual, "fund": role.fund, "forecast": role.forecast} if role else {}
    return ReportCosts(years=years, total=total, columns=columns)


def cell(row: ReportCostRow | None, column: str | None) -> Location | None:
    if row is None:
        return None
    return row.cells.get(column, row.location) if column else row.location


# -- time -----------------------------------------------------------------------------------


def _month(day: dt.date) -> int:
    return day.year * 12 + day.month - 1


def months_in(year: int, start: dt.date | None, end: dt.date | None) -> int:
    """How many months of `year` lie within start–end (the whole year where either is unknown)."""
    first, last = year * 12, year * 12 + 11
    low = max(first, _month(start)) if start else first
    high = min(last, _month(end)) if end else last
    return max(0, high - low + 1)


def months_done(day: dt.date) -> dt.date:
    """The last day of the last whole month by `day` (2027-08-31 → itself; 2027-08-15 → 2027-07-31)."""
    following = day + dt.timedelta(days=1)
    return day if following.day == 1 else day.replace(day=1) - dt.timedelta(days=1)

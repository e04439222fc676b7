"""The plan of a satsning in follow-up (SPEC §9): what was approved and what was decided,
frozen when the satsning is taken into follow-up.

Made once (approved.py, beside economics.py) from the approved files — Örebro: the ansökan and its
utvärderingsschema; Region Gävleborg: the investeringsansökan with Bilaga 2–5 — and the
beslut the processledare types (beviljat belopp, beslutsdatum, diarienummer, beslutad start
and end). Every report is compared with it, never with the files as they are today: a later
change of the approved files is PLAN_CHANGED, and a changed beslut makes a new version.

Plain data: frozen dataclasses that go to JSON and back exactly (`to_json`, `from_json`,
FORMAT), for the workbook's plan store and the copy a pre-filled report carries.
"""

from __future__ import annotations

import datetime as dt
import types
import typing
from dataclasses import dataclass, fields, is_dataclass
from typing import Any

from socinv_docs import fmt

FORMAT = 1  # the JSON's format number: a reader refuses a plan of a newer format


@dataclass(frozen=True)
class Beslut:
    """The decision, as the processledare typed it (the follow-up workbook's Satsningar row,
    or the satsning folder's beslut.yaml). KS may grant less than was sought: a report's
    money is compared with beviljat_belopp, never with the amount sought."""

    beviljat_belopp: int | None = None  # kronor
    beslutsdatum: dt.date | None = None
    diarienummer: str = ""  # dnr or paragraph, as typed ("KS 2026/123", "§ 45")
    start: dt.date | None = None  # beslutad start
    slut: dt.date | None = None  # beslutad end
    source: str = ""  # where it was read: "workbook", "beslut.yaml", "" (none yet)

    @property
    def missing(self) -> bool:
        """Nothing of the grant is known yet: no money rule can run."""
        return self.beviljat_belopp is None


@dataclass(frozen=True)
class Party:
    name: str  # as written in the ansökan ("Socialnämnden – IFO")
    category: str  # common.yaml party_categories id: namnd, civil, public, region, ...


@dataclass(frozen=True)
class Measure:
    """A measure of a goal: what is followed up, with its baseline (and target, where the
    funder's schema has one: Region Gävleborg's Bilaga 4)."""

    id: str  # stable within the plan: "m1", "m2", … in schema order
    name: str  # the measure as written
    column: str  # the schema column it came from: aktivitetsmatt, kvalitativa_effektmatt, utfallsmatt, indikator
    basmatning: str = ""  # as written; "" when the plan has none (BASELINE_MISSING)
    malvarde: str | None = None  # as written; None where the funder's schema has no target
    tidpunkt: str | None = None  # when the target is to be met, as written
    # What it measures (schema.MeasureType: activity, qualitative, outcome, indicator), from
    # the goals role of the funder's schema; "" in a plan made before it was kept.
    type: str = ""


@dataclass(frozen=True)
class Goal:
    id: str  # "g1", "g2", … in schema order
    text: str
    activities: tuple[str, ...] = ()
    measures: tuple[Measure, ...] = ()


@dataclass(frozen=True)
class Activity:
    """A planned activity of the funder's activity plan (Region Gävleborg's Bilaga 5), with
    the goal it serves where that could be told."""

    name: str
    goal: str | None = None  # the Goal's id ("g1"); None when the plan names no goal, or one not found
    start: str = ""  # as written ("2020-03")
    end: str = ""


@dataclass(frozen=True)
class YearConversion:
    """How one project year of the approved budget (År k) became calendar years: shown in
    the workbook and the memo, never hidden (FOLLOWUP-NOTES: the funder's rule, profile
    followup.calendar)."""

    project_year: int  # k of "År k"
    start: dt.date
    end: dt.date  # inclusive
    shares: tuple[tuple[int, float], ...]  # (calendar year, share of År k's amount), shares add up to 1


@dataclass(frozen=True)
class BudgetLine:
    """The approved budget of one calendar year and one cost component."""

    calendar_year: int
    component: str  # the budget role's column id ("personal")
    label: str  # the column's header in the approved budget ("Personal")
    amount: int  # kronor, after the conversion (whole kronor; a year's parts add up to it exactly)
    fund_amount: int | None = None  # of which the fund, where the budget shows it


@dataclass(frozen=True)
class YearCost:
    """One cost component of a year row of the approved budget, as the ansökan gives it."""

    component: str  # the budget role's column id ("personal")
    label: str  # the column's header ("Personal")
    amount: int | None  # kronor; None: the cell was empty (no line of the plan, rather than 0 kr)


@dataclass(frozen=True)
class ApprovedYear:
    """A year row of the approved budget before its conversion into calendar years ("År 2",
    or "2027"): kept in the plan so that a new plan version (a changed beslut with another
    start) converts the budget that was frozen again, never the approved files as they are
    that day (approved.decided)."""

    project_year: int | None  # "År 2" -> 2
    calendar_year: int | None  # "2027", "År 1 (2027)" -> 2027: no conversion
    costs: tuple[YearCost, ...] = ()  # every component, in the budget's column order
    fund: int | None = None  # the fund's part of the year, where the budget gives it per year


@dataclass(frozen=True)
class FundYear:
    """The fund's part of one calendar year's budget, where the approved budget gives it per
    year and not per component (Region Gävleborg's Bilaga 2: Sökta medel per År)."""

    calendar_year: int
    amount: int  # kronor, after the conversion


@dataclass(frozen=True)
class PlannedSavings:
    """The förkalkyl's expected savings of one party (the ansökan's savings table)."""

    party: str
    category: str
    per_year: int | None
    years: float | None


@dataclass(frozen=True)
class Forkalkyl:
    """The ansökan's economics, as approved: what the efterkalkyl is compared with."""

    cost: int | None
    savings_total: int | None  # within the horizon
    ratio: float | None  # savings / cost
    horizon_years: int
    savings: tuple[PlannedSavings, ...] = ()


@dataclass(frozen=True)
class SourceFile:
    """An approved file the plan was made from, and its content's fingerprint."""

    path: str  # relative to the satsning's folder, "/"-separated
    kind: str
    sha256: str


@dataclass(frozen=True)
class ExpectedReport:
    """A report the funder's schedule expects of a satsning (schedule.py makes them from the
    plan's period and the profile's followup.reports): a redovisning of a recurring period
    (delår 2, helår) of a year, or a report due a time after the end (the slutrapport, the
    uppföljande utvärdering: `period` ""). The pre-filled reports and the follow-up workbook
    are made from it; its due date is fixed once computed (stored in the workbook)."""

    kind: str  # the report's kind id: redovisning, slutrapport, uppfoljande_utvardering
    period: str  # the schedule's period id ("delar2", "helar"); "" for a report due after the end
    year: int  # the year of the period; for a report due after the end, the year the satsning ends
    # What it covers: a recurring period within the satsning's (Jan 1 or the start, to the
    # period's day or the end); a report after the end covers the whole satsning.
    covers_from: dt.date
    covers_to: dt.date
    due: dt.date

    @property
    def key(self) -> str:
        """Its identity within the satsning, the same in every run and language: a recurring
        report by its period and year; a report after the end by the end it follows, so that
        a new end (a changed beslut) makes a new one instead of moving the old one's due date."""
        if self.period:
            return f"{self.kind}/{self.period}/{self.year}"
        return f"{self.kind}/{self.covers_to.isoformat()}"

    def to_json(self) -> dict:
        return _to_json(self)

    @classmethod
    def from_json(cls, data: dict) -> ExpectedReport:
        return _from_json(cls, data)


@dataclass(frozen=True)
class Plan:
    satsning: str  # the key: the satsning folder's name
    version: int  # 1, then +1 for each changed beslut
    frozen_on: dt.date
    profile: str  # the funder's profile id
    title: str
    beslut: Beslut
    dnr: str = ""  # the beslut's diarienummer, else the one in the ansökan
    projektagare: str = ""
    contact: str = ""  # the ansökan's contact (role `contact`): the projektledare's field of a pre-filled report
    parties: tuple[Party, ...] = ()
    project_lead_percent: float | None = None
    period_start: dt.date | None = None
    period_end: dt.date | None = None
    # which one the period was taken from: "beslut", "application" (the main document), or
    # "beslut, application" (the beslut gave only one of start and end)
    period_source: str = ""
    sought: int | None = None  # sökt belopp, for the record (never used as the grant)
    goals: tuple[Goal, ...] = ()
    budget: tuple[BudgetLine, ...] = ()  # calendar year × component, in year then column order
    conversion: tuple[YearConversion, ...] = ()  # empty when the budget was in calendar years
    forkalkyl: Forkalkyl | None = None
    sources: tuple[SourceFile, ...] = ()
    # The activity plan, where the funder has one beside the goals' activities (Bilaga 5).
    activities: tuple[Activity, ...] = ()
    # The fund's part per calendar year, where the budget gives it per year only.
    fund_years: tuple[FundYear, ...] = ()
    # What the approved files said before the beslut was applied: the budget by its own years
    # and the ansökan's period. A changed beslut makes the next version from these
    # (approved.decided), so that it never takes the approved files as they are on that day.
    approved_budget: tuple[ApprovedYear, ...] = ()
    applied_start: dt.date | None = None
    applied_end: dt.date | None = None

    # -- what rules and outputs ask -------------------------------------------------------

    @property
    def granted(self) -> int | None:
        return self.beslut.beviljat_belopp

    def years(self) -> list[int]:
        return sorted({line.calendar_year for line in self.budget})

    def budget_of(self, year: int, component: str | None = None) -> int:
        return sum(line.amount for line in self.budget
                   if line.calendar_year == year and (component is None or line.component == component))

    def fund_of(self, year: int) -> int | None:
        if self.fund_years:
            return next((f.amount for f in self.fund_years if f.calendar_year == year), None)
        parts = [line.fund_amount for line in self.budget if line.calendar_year == year]
        known = [p for p in parts if p is not None]
        return sum(known) if known else None

    def measures(self) -> list[tuple[Goal, Measure]]:
        return [(goal, m) for goal in self.goals for m in goal.measures]

    def prefilled_texts(self) -> list[str]:
        """Every text a report pre-filled from this plan holds in its tables (render/prefill.py):
        goals, measures, basmätning, målvärde and tidpunkt (line by line), activities, the
        budget's years, components and amounts as written there. Extraction sets them aside
        from a section's answer: the plan's own words are not what the projektledare wrote."""
        texts = [goal.text for goal in self.goals]
        for _, m in self.measures():
            texts += [m.name, *m.basmatning.splitlines(), *(m.malvarde or "").splitlines(),
                      *(m.tidpunkt or "").splitlines()]
        texts += self.planned_activities()
        for line in self.budget:
            texts += [str(line.calendar_year), line.label, amount_text(line.amount)]
        if self.budget:
            texts.append(amount_text(sum(line.amount for line in self.budget)))
        return [t for t in dict.fromkeys(t.strip() for t in texts) if t]

    def planned_activities(self) -> list[str]:
        """The activities a report accounts for: the activity plan's where the funder has
        one, else every goal's, in order, each once."""
        if self.activities:
            return list(dict.fromkeys(a.name for a in self.activities))
        return list(dict.fromkeys(a for goal in self.goals for a in goal.activities))

    # -- JSON, exactly both ways ------------------------------------------------------------

    def to_json(self) -> dict:
        return {"format": FORMAT, **_to_json(self)}

    @classmethod
    def from_json(cls, data: dict) -> Plan:
        """The plan of `data` (to_json's), or ValueError: another format, or anything that is
        not a plan — a missing field, a value of another type. A plan can come from a file
        someone else wrote (a pre-filled report carries one), so every value is checked
        against its field's type, never taken as it comes."""
        if not isinstance(data, dict):
            raise ValueError("a plan is a JSON object")
        if data.get("format") != FORMAT:
            raise ValueError(f"plan format {data.get('format')!r}, this tool reads {FORMAT}")
        try:
            return _from_json(cls, {k: v for k, v in data.items() if k != "format"})
        except (TypeError, KeyError, AttributeError, RecursionError) as exc:
            raise ValueError(f"not a plan: {type(exc).__name__}: {exc}") from None


def amount_text(amount: int) -> str:
    """An amount as a pre-filled report's Budget (kr) column holds it: '1 200 000' (what the
    amount parser reads)."""
    return fmt.number(amount, decimals=0)


def _to_json(value: Any) -> Any:
    if is_dataclass(value):
        return {f.name: _to_json(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, tuple | list):
        return [_to_json(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _from_json(cls: type, data: dict) -> Any:
    if not isinstance(data, dict):
        raise TypeError(f"{cls.__name__}: not an object")
    hints = typing.get_type_hints(cls)
    kwargs = {}
    for f in fields(cls):
        if f.name in data:
            kwargs[f.name] = _value(hints[f.name], data[f.name])
    return cls(**kwargs)


def _value(hint: Any, raw: Any) -> Any:
    """`raw` (from JSON) as a value of type `hint`; TypeError when it is not one."""
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        if raw is None and type(None) in args:
            return None
        inner = [a for a in args if a is not type(None)]
        if len(inner) != 1:
            raise TypeError(f"no one type in {hint}")
        return _value(inner[0], raw)
    if raw is None:
        raise TypeError(f"null where {hint} is wanted")
    if origin is tuple:
        if not isinstance(raw, list):
            raise TypeError(f"{raw!r} is not a list")
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_value(args[0], v) for v in raw)
        return tuple(_value(a, v) for a, v in zip(args, raw, strict=True))
    if hint is dt.date:
        if not isinstance(raw, str):
            raise TypeError(f"{raw!r} is not a date")
        return dt.date.fromisoformat(raw)
    if isinstance(hint, type) and is_dataclass(hint):
        return _from_json(hint, raw)
    if hint is bool:
        if not isinstance(raw, bool):
            raise TypeError(f"{raw!r} is not true or false")
        return raw
    if hint is int:
        if isinstance(raw, bool) or not isinstance(raw, int):
            raise TypeError(f"{raw!r} is not a whole number")
        return raw
    if hint is float:
        if isinstance(raw, bool) or not isinstance(raw, int | float):
            raise TypeError(f"{raw!r} is not a number")
        return float(raw)
    if hint is str:
        if not isinstance(raw, str):
            raise TypeError(f"{raw!r} is not text")
        return raw
    raise TypeError(f"no reading of {hint}")

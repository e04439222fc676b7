"""The plan of a satsning, made once from its approved files and the beslut (SPEC §9).

What was approved is read through the kinds' roles and the typed Economics, never a
template's own ids: the main document (the first kind of the profile's `followup.plan`:
Örebro's ansökan, Region Gävleborg's investeringsansökan) gives the title, projektägare,
parties, projektledare share and period; the goals role of a schema (utvärderingsschema,
Bilaga 4) the goals, activities and measures with basmätning (and målvärde, tidpunkt where
the schema has them); an activity plan role (Bilaga 5) the planned activities; the first
document whose economics hold a budget the budget, and the one with savings the förkalkyl.

Project years become calendar years once, here, by the funder's rule (profile
`followup.calendar`), and the conversion is kept in the plan (`Plan.conversion`) so that
every output can show it:

- `pro_rata_months`: År k is the 12 months from the start + (k − 1) years; its amount is
  split over the calendar years those months fall in, in proportion to the months, rounded
  to whole kronor so that the parts add up to the year's amount exactly.
- `start_year`: År k is the calendar year start + (k − 1), whole.

The start is the beslutad start where the beslut has one, else the ansökan's. A budget row
that names its calendar year ("2027", "År 1 (2027)") is that year, unconverted; a row with
nothing in it (År 4 left at 0) is no year of the plan.

Nothing here guesses: a satsning folder without its approved main document, with two of
them, or without a period gives no plan and says why (NoPlan: a catalogue key and its
parameters, words in messages/plan.py).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import re
import typing
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from socinv_docs import roles
from socinv_docs.extract.text import fold
from socinv_docs.extract.values import parse_amount
from socinv_docs.figures import Budget, Economics
from socinv_docs.messages import CatalogueError, literal, msg
from socinv_docs.model import Document
from socinv_docs.plan import (
    Activity,
    ApprovedYear,
    Beslut,
    BudgetLine,
    Forkalkyl,
    FundYear,
    Goal,
    Measure,
    Party,
    Plan,
    PlannedSavings,
    SourceFile,
    YearConversion,
    YearCost,
)
from socinv_docs.readers.beslut_file import read_beslut_file
from socinv_docs.readers.safety import UnreadableFile
from socinv_docs.report import DocumentReport
from socinv_docs.schema import KindSpec, ProfileSpec, SchemaSet

BESLUT_FILE = "beslut.yaml"
# The keys of a beslut.yaml: the Beslut's own fields (where it was read from is not one).
BESLUT_KEYS = tuple(f.name for f in dataclasses.fields(Beslut) if f.name != "source")


class NoPlan(CatalogueError):
    """No plan can be made for a satsning: `key` ("plan.*") says why, `params` fill it in
    (`text(lang)` in words). The follow-up run shows it for the satsning and goes on."""


@dataclass(frozen=True)
class ApprovedFile:
    """A file of a satsning's folder that was checked, as the plan is made from it."""

    path: str  # relative to the satsning's folder, "/"-separated (SourceFile.path)
    sha256: str
    report: DocumentReport


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


# -- the beslut -------------------------------------------------------------------------------


def beslut_in(folder: Path) -> Beslut:
    """The beslut written in the satsning folder's beslut.yaml; Beslut() (nothing decided
    yet) when there is none. NoPlan when the file is there but cannot be read as a beslut:
    a beslut is never half-read."""
    path = folder / BESLUT_FILE
    if not path.is_file():
        return Beslut()
    try:
        data = read_beslut_file(path)
    except UnreadableFile as exc:
        raise NoPlan("plan.beslut_unreadable", file=BESLUT_FILE, problem=msg(exc.reason, **exc.params)) from None
    return beslut_of(data, source=BESLUT_FILE)


def beslut_of(data: Mapping[str, object], source: str = BESLUT_FILE) -> Beslut:
    """A Beslut from its keys, each read by its field's type: the amount (beviljat_belopp)
    as the ansökan's amounts ("1,2 mkr", "350 tkr", "1 250 000 kr", or a whole number of
    kronor), the dates (beslutsdatum, start, slut) as ISO dates, the diarienummer as written.
    An unknown key, an amount in another unit or currency, or a date that is not one, is
    NoPlan naming the key and the value as written."""
    unknown = sorted(k for k in data if k not in BESLUT_KEYS)
    if unknown:
        raise NoPlan("plan.beslut_key", file=source, keys=unknown, known=list(BESLUT_KEYS))
    hints = typing.get_type_hints(Beslut)
    values: dict[str, object] = {}
    for key in BESLUT_KEYS:
        raw = data.get(key)
        if hints[key] == int | None:
            values[key] = _amount(raw, key, source)
        elif hints[key] == dt.date | None:
            values[key] = _date(raw, key, source)
        else:
            values[key] = "" if raw is None else str(raw).strip()
    beslut = Beslut(**values, source=source)
    if beslut.start and beslut.slut and beslut.slut < beslut.start:
        raise NoPlan("plan.beslut_period", file=source, start=beslut.start.isoformat(), slut=beslut.slut.isoformat())
    return beslut


def _amount(value: object, key: str, source: str) -> int | None:
    if value is None or value == "":
        return None
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return value
    parsed = parse_amount(value) if isinstance(value, str) else None
    if parsed is None or parsed < 0:
        raise NoPlan("plan.beslut_value", file=source, name=key, value=str(value), expected=msg("plan.expect.amount"))
    return parsed


def _date(value: object, key: str, source: str) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):  # YAML reads 2026-09-01 itself
        return value
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise NoPlan("plan.beslut_value", file=source, name=key, value=str(value), expected=msg("plan.expect.date"))


def merged_beslut(workbook: Beslut, file: Beslut) -> Beslut:
    """The beslut to use when both the follow-up workbook's Satsningar row and the folder's
    beslut.yaml say something: **the workbook wins, field by field** (what the processledare
    typed there is the latest word); a field the workbook leaves empty is taken from the
    file. `source` says where the values came from ("workbook", "beslut.yaml", or both)."""
    values = {}
    used = set()
    for name in BESLUT_KEYS:
        typed = getattr(workbook, name)
        if typed not in (None, ""):
            values[name] = typed
            used.add(workbook.source or "workbook")
        else:
            values[name] = getattr(file, name)
            if values[name] not in (None, ""):
                used.add(file.source or BESLUT_FILE)
    order = [s for s in (workbook.source or "workbook", file.source or BESLUT_FILE) if s in used]
    return Beslut(**values, source=", ".join(order))


# -- the plan -----------------------------------------------------------------------------------


def plan_of(satsning: str, files: Sequence[ApprovedFile], schemas: SchemaSet, *, beslut: Beslut | None = None,
            frozen_on: dt.date, version: int = 1) -> Plan:
    """The plan of the satsning whose folder holds `files` (checked), or NoPlan saying why
    there is none. Files of kinds that make no plan (reports, an idéprövning) are passed over."""
    main = _main(files, schemas)
    profile = schemas.profiles[main.report.profile]
    used = [main, *_attachments(files, profile, schemas)]
    kind = schemas.kinds[main.report.kind]
    doc = main.report.document
    applied = roles.period(doc, kind) or {}
    goals = _goals(used, schemas)
    budget_file = next((f for f in used if _budget_of(f.report) is not None), None)
    approved = Plan(
        satsning=satsning, version=version, frozen_on=frozen_on, profile=profile.id,
        title=roles.title(doc, kind) or next((f.report.facts.title for f in used if f.report.facts
                                              and f.report.facts.title), ""),
        beslut=Beslut(), projektagare=roles.applicant(doc, kind),
        contact=roles.contact(doc, kind),
        parties=tuple(Party(f"{p.name} – {p.area}" if p.area else p.name, p.category)
                      for p in roles.parties(doc, kind, schemas.common)),
        project_lead_percent=_percent(roles.value_of(doc, kind.roles.project_lead)),
        sought=_sought(doc, kind, used),
        goals=goals, forkalkyl=_forkalkyl(used),
        sources=tuple(SourceFile(f.path, f.report.kind, f.sha256) for f in used),
        activities=_activities(used, schemas, goals),
        approved_budget=_approved_budget(budget_file, schemas) if budget_file else (),
        applied_start=_iso(applied.get("start")), applied_end=_iso(applied.get("end")),
    )
    return decided(approved, beslut or Beslut(), profile, frozen_on=frozen_on, version=version)


def decided(plan: Plan, beslut: Beslut, profile: ProfileSpec, *, frozen_on: dt.date, version: int) -> Plan:
    """`plan`'s approved content under `beslut`: the beslut itself, its diarienummer, the
    period (the beslut's start and end, each where it has one, else the ansökan's) and the
    budget converted into calendar years from that start by the funder's rule. plan_of makes
    every plan so; a changed beslut makes the next version so from the version in force,
    never from the approved files as they are that day (a change of those is PLAN_CHANGED,
    and the frozen content stays). NoPlan when no period is known."""
    start, end, period_source = _period(plan, beslut)
    if start is None or end is None:
        raise NoPlan("plan.no_period", file=plan.sources[0].path if plan.sources else plan.satsning)
    if plan.approved_budget:
        lines, funds, conversion = convert(plan.approved_budget, start, profile.followup.calendar)
    else:  # no budget was approved (or a plan stored before its budget's own years were kept)
        lines, funds, conversion = plan.budget, plan.fund_years, plan.conversion
    return dataclasses.replace(plan, beslut=beslut, dnr=beslut.diarienummer, period_start=start, period_end=end,
                               period_source=period_source, budget=lines, fund_years=funds, conversion=conversion,
                               frozen_on=frozen_on, version=version)


def _main(files: Sequence[ApprovedFile], schemas: SchemaSet) -> ApprovedFile:
    """The one approved main document: a file of the kind its profile's plan starts with."""
    mains = {p.followup.plan[0]: p for p in schemas.profiles.values() if p.followup and p.followup.plan}
    found = [f for f in files if f.report.kind in mains and f.report.document is not None
             and f.report.profile == mains[f.report.kind].id]
    if len(found) > 1:
        raise NoPlan("plan.several", kind=_name(schemas.kinds[found[0].report.kind]), files=[f.path for f in found])
    if found:
        return found[0]
    names = [_name(schemas.kinds[k]) for k in mains]
    unreadable = [f.path for f in files if f.report.document is None]
    if unreadable:
        raise NoPlan("plan.no_main_unreadable", kinds=names, files=unreadable)
    raise NoPlan("plan.no_main", kinds=names)


def _attachments(files: Sequence[ApprovedFile], profile: ProfileSpec, schemas: SchemaSet) -> list[ApprovedFile]:
    out = []
    for kind_id in profile.followup.plan[1:]:
        of_kind = [f for f in files if f.report.kind == kind_id and f.report.profile == profile.id
                   and f.report.document is not None]
        if len(of_kind) > 1:
            raise NoPlan("plan.several", kind=_name(schemas.kinds[kind_id]), files=[f.path for f in of_kind])
        out.extend(of_kind)
    return out


def _name(kind: KindSpec) -> dict:
    return literal(sv=kind.name_in("sv"), en=kind.name_in("en"))


def _sought(doc: Document, kind: KindSpec, files: Sequence[ApprovedFile]) -> int | None:
    """Sökt belopp, for the record: the main document's amount, else a budget's fund part."""
    stated = roles.amount(doc, kind)
    if stated is not None:
        return stated
    return next((f.report.economics.requested for f in files if f.report.economics), None)


def _percent(value) -> float | None:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def _period(plan: Plan, beslut: Beslut) -> tuple[dt.date | None, dt.date | None, str]:
    """The beslutad start and end, each where the beslut has it, else the ansökan's; and
    which of them it was ("beslut", "application", or "beslut, application" when mixed)."""
    start, end, sources = beslut.start, beslut.slut, []
    sources += ["beslut"] if start or end else []
    if start is None or end is None:
        start = start or plan.applied_start
        end = end or plan.applied_end
        sources.append("application")
    return start, end, ", ".join(sources)


def _iso(value) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


# -- goals, measures, activities ----------------------------------------------------------------


def _lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def _goals(files: Sequence[ApprovedFile], schemas: SchemaSet) -> tuple[Goal, ...]:
    goals: list[Goal] = []
    measure_number = 0
    for f in files:
        role = schemas.kinds[f.report.kind].roles.goals
        if role is None:
            continue
        for row in f.report.document.grid:
            text = (row.values.get(role.goal) or "").strip()
            if not text:
                continue
            baseline = (row.values.get(role.baseline) or "").strip() if role.baseline else ""
            target = (row.values.get(role.target) or "").strip() if role.target else None
            when = (row.values.get(role.target_time) or "").strip() if role.target_time else None
            measures = []
            for column, measure_type in role.measures.items():
                for name in _lines(row.values.get(column, "")):
                    measure_number += 1
                    measures.append(Measure(id=f"m{measure_number}", name=name, column=column, basmatning=baseline,
                                            malvarde=target, tidpunkt=when, type=measure_type))
            activities = tuple(_lines(row.values.get(role.activities, ""))) if role.activities else ()
            goals.append(Goal(id=f"g{len(goals) + 1}", text=text, activities=activities, measures=tuple(measures)))
    return tuple(goals)


_NUMBER = re.compile(r"\d+")


def _goal_id(reference: str, goals: tuple[Goal, ...]) -> str | None:
    """The goal an activity plan's row serves: "Mål 2" (the schema's second goal), or the
    goal's own words; None when it names none of them."""
    if not reference.strip():
        return None
    wanted = fold(reference)
    for goal in goals:
        if fold(goal.text) == wanted:
            return goal.id
    numbers = _NUMBER.findall(reference)
    if len(numbers) == 1 and 1 <= int(numbers[0]) <= len(goals):
        return goals[int(numbers[0]) - 1].id
    return None


def _activities(files: Sequence[ApprovedFile], schemas: SchemaSet, goals: tuple[Goal, ...]) -> tuple[Activity, ...]:
    out: list[Activity] = []
    for f in files:
        role = schemas.kinds[f.report.kind].roles.activity_plan
        if role is None:
            continue
        for row in f.report.document.grid:
            name = (row.values.get(role.activity) or "").strip()
            if not name:
                continue
            values = {key: (row.values.get(column) or "").strip() if column else ""
                      for key, column in (("goal", role.goal), ("start", role.start), ("end", role.end))}
            out.append(Activity(name=name, goal=_goal_id(values["goal"], goals), start=values["start"],
                                end=values["end"]))
    return tuple(out)


# -- the budget in calendar years -------------------------------------------------------------


def _budget_of(report: DocumentReport) -> Budget | None:
    econ = report.economics
    return econ.budget if econ is not None and econ.budget is not None and econ.budget.years else None


def add_years(day: dt.date, years: int) -> dt.date:
    """The same day `years` later (29 February → 28 February in a year without it)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def project_year(start: dt.date, k: int, calendar: str) -> YearConversion:
    """How År k of a satsning starting on `start` falls on calendar years (the funder's rule)."""
    if calendar == "start_year":
        year = start.year + k - 1
        return YearConversion(project_year=k, start=start if k == 1 else dt.date(year, 1, 1),
                              end=dt.date(year, 12, 31), shares=((year, 1.0),))
    first = add_years(start, k - 1)
    months = Counter((first.year * 12 + first.month - 1 + i) // 12 for i in range(12))
    return YearConversion(project_year=k, start=first, end=add_years(start, k) - dt.timedelta(days=1),
                          shares=tuple((year, n / 12) for year, n in sorted(months.items())))


def split(amount: int, shares: tuple[tuple[int, float], ...]) -> list[tuple[int, int]]:
    """`amount` over calendar years by their shares (n/12 of a project year's months) in whole
    kronor: each part is the rounded cumulative share less the one before, so the parts add
    up to `amount` exactly."""
    out, before, cumulative = [], 0, 0
    for year, share in shares:
        cumulative += round(share * 12)  # months (the shares are n/12, or 1 for a whole year)
        upto = (2 * amount * cumulative + 12) // 24  # amount × months/12, rounded half up
        out.append((year, upto - before))
        before = upto
    return out


def _approved_budget(file: ApprovedFile, schemas: SchemaSet) -> tuple[ApprovedYear, ...]:
    """The approved budget's year rows as written (before any conversion), each with every
    component in the budget's column order; a row with nothing in it (År 4 left at 0) and a
    row that names no year are no year of the plan."""
    kind = schemas.kinds[file.report.kind]
    role = kind.roles.budget
    order = {c: i for i, c in enumerate(role.components)}
    out = []
    for year in _budget_of(file.report).years:
        if not any(line.amount for line in year.lines) and not year.fund:
            continue  # a year nobody budgeted
        if year.calendar_year is None and year.project_year is None:
            continue  # a row that names no year cannot be placed on one
        costs = tuple(YearCost(line.component, roles.column_label(kind, role.table, line.component), line.amount)
                      for line in sorted(year.lines, key=lambda line: order.get(line.component, len(order))))
        out.append(ApprovedYear(year.project_year, year.calendar_year, costs, year.fund))
    return tuple(out)


def convert(years: Sequence[ApprovedYear], start: dt.date, calendar: str):
    """(budget lines by calendar year × component, the fund per calendar year, the conversion)
    of the approved budget's `years` for a satsning starting on `start`, by the funder's
    calendar rule."""
    amounts: dict[tuple[int, str], int] = {}
    labels: dict[str, str] = {}
    funds: dict[int, int] = {}
    conversions: list[YearConversion] = []
    has_fund = False
    for year in years:
        if year.calendar_year is not None:
            shares = ((year.calendar_year, 1.0),)
        else:
            conversions.append(project_year(start, year.project_year, calendar))
            shares = conversions[-1].shares
        for cost in year.costs:
            labels.setdefault(cost.component, cost.label)
            if cost.amount is None:
                continue  # an empty cell: no line of the plan, rather than 0 kr
            for cal, part in split(cost.amount, shares):
                amounts[(cal, cost.component)] = amounts.get((cal, cost.component), 0) + part
        if year.fund is not None:
            has_fund = True
            for cal, part in split(year.fund, shares):
                funds[cal] = funds.get(cal, 0) + part
    order = {c: i for i, c in enumerate(labels)}
    lines = tuple(BudgetLine(calendar_year=cal, component=component, label=labels[component], amount=amount)
                  for (cal, component), amount in sorted(amounts.items(), key=lambda kv: (kv[0][0], order[kv[0][1]])))
    fund_years = tuple(FundYear(cal, amount) for cal, amount in sorted(funds.items())) if has_fund else ()
    return lines, fund_years, tuple(conversions)


def _forkalkyl(files: Sequence[ApprovedFile]) -> Forkalkyl | None:
    """The ansökan's economics as approved: cost, savings per party, ratio (what the
    efterkalkyl is compared with). Without a savings table, the cost alone."""
    econs: list[Economics] = [f.report.economics for f in files if f.report.economics is not None]
    econ = next((e for e in econs if e.has_savings), None) or next((e for e in econs if e.cost is not None), None)
    if econ is None:
        return None
    return Forkalkyl(cost=econ.cost, savings_total=econ.savings_total, ratio=econ.ratio,
                     horizon_years=econ.horizon_years,
                     savings=tuple(PlannedSavings(p.party, p.category, p.per_year, p.years)
                                   for p in econ.savings_per_party))

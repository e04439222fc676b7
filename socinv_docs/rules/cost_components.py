"""COST_COMPONENT_DEVIATION, DEVIATION_UNEXPLAINED: each kostnadsslag against the plan, and the
Avvikelser section that explains a deviation.

What: for each kostnadsslag (Personal, Lokaler, …: the plan's budget components, matched to
the report's rows by their words, against_plan), what the report says it costs is compared
with what the plan budgets, over the calendar years up to the report's period end, and a
deviation of more than the funder's threshold either way is COST_COMPONENT_DEVIATION; a
kostnadsslag the plan does not have is one too. When there is such a deviation and the
report's Avvikelser section is empty, a placeholder or missing: DEVIATION_UNEXPLAINED.

Which amounts are compared — what is comparable in a report written while a year is running
(a redovisning for delår 2 covers January–August):
- a year before the one the report ends in (and the year it ends in, when it ends on 31
  December or the satsning has ended): the year's utfall plus any prognos written for it
  against the plan's whole year;
- the year in progress, where the report gives a prognos for the kostnadsslag: utfall plus
  prognos (the report's own estimate of the whole year) against the plan's whole year;
- the year in progress without a prognos: the utfall so far against the plan's part for the
  months passed (the whole months of the year within the satsning up to the report's end,
  out of the year's months within the satsning: 8 of 12 for delår 2 of a full year);
- later years are not compared (only forecasts; COST_FORECAST_EXCEEDED weighs those against
  the grant);
- an earlier year the report writes no amount for at all (a pre-filled form lists every year
  of the plan; a Delår 2 2027 leaves 2026 to the Helår 2026 report that gave it) is not
  compared: an empty year is not reported here, not spent at nothing.
Without a readable period end, the years the report shows are compared, utfall plus prognos
against the plan's whole year. Summed over those years per kostnadsslag, so that money moved
between two years of the same kostnadsslag is no deviation (the split between years is
COST_YEAR_OVER_PLAN's business).
Why: seed 000, "Projektledning": the projektledare shall "ansvara för budget och rapportering
… samt meddela eventuella behov av förändringar och uppkomna avvikelser i satsningen".
Funders that follow up budget against actual per approved category (Tillväxtverket: "costs
per cost type according to the reporting plan in your decision") set a threshold for what
must be explained; the threshold is the funder's (`threshold`).
Example: Lokaler planned 350 000 kr for 2026, utfall 420 000 kr → +20 % > 15 %:
COST_COMPONENT_DEVIATION; and with Avvikelser left at "Skriv här": DEVIATION_UNEXPLAINED.
Options: `threshold` (a share: 0.15 is 15 %). Needs the plan with a budget.
Reads the roles `report_costs` and `deviations`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Annotated

from annotated_types import Interval

from socinv_docs.codes import Code
from socinv_docs.messages import RuleWords, Text, explanation, msg
from socinv_docs.rules import against_plan
from socinv_docs.rules.base import Rule, RuleOptions


class Options(RuleOptions):
    threshold: Annotated[float, Interval(gt=0)] = 0.15


@dataclass
class Component:
    """One kostnadsslag as compared: the plan's budget and the report's amounts over the years."""

    label: str  # the plan's name for it, else the report's words
    planned: float = 0.0
    reported: int = 0
    years: list[int] = field(default_factory=list)
    rows: list = field(default_factory=list)  # the report's rows of it in the years compared

    @property
    def share(self) -> float | None:
        return (self.reported - self.planned) / self.planned if self.planned else None


def check(doc, ctx):
    plan = ctx.plan
    if plan is None or not plan.budget:
        return
    role = ctx.kind.roles.report_costs
    costs = against_plan.report_costs(doc, ctx.kind)
    if not costs.shows_money:
        return  # an Ekonomi left empty: the section rules say so, not a deviation per kostnadsslag
    end = against_plan.report_end(doc, ctx.kind)
    threshold = ctx.options.threshold
    section = against_plan.table_section(ctx.kind, role.table)
    deviating = []
    for component in compared(plan, costs, end):
        share = component.share
        if share is not None and abs(share) <= threshold + 1e-9:
            continue
        if share is None and not component.reported:
            continue
        row = component.rows[-1] if component.rows else None
        where = against_plan.cell(row, role.actual) if row is not None else against_plan.table_where(
            doc, ctx.kind, role.table)
        variant = {"variant": "unplanned"} if share is None else {"variant": "under"} if share < 0 else {}
        deviating.append(component.label)
        yield ctx.finding(Code.COST_COMPONENT_DEVIATION, section=section, where=where, component=component.label,
                          planned=int(round(component.planned)), reported=component.reported,
                          difference=component.reported - int(round(component.planned)),
                          share=round(share, 4) if share is not None else None, threshold=threshold,
                          years=component.years, **variant)
    deviations = ctx.kind.roles.deviations
    if deviating and deviations and not against_plan.written(doc, deviations):
        heading = ctx.kind.section(deviations)
        yield ctx.finding(Code.DEVIATION_UNEXPLAINED, section=deviations,
                          where=against_plan.section_where(doc, deviations), components=deviating,
                          name=(heading.short or heading.heading) if heading else deviations, threshold=threshold)


def compared(plan, costs: against_plan.ReportCosts, end: dt.date | None) -> list[Component]:
    """Each kostnadsslag's planned and reported amounts over the comparable years (the
    module's docstring), in the plan's order, then the report's kostnadsslag the plan lacks."""
    labels: dict[str, str] = {}
    for line in plan.budget:
        labels.setdefault(line.component, line.label)
    components = {key: Component(label=label) for key, label in labels.items()}
    shown = [y for y in costs.years if y is not None]
    years = sorted({*plan.years(), *shown})
    years = [y for y in years if y <= end.year] if end is not None else [y for y in years if y in shown]
    for year in years:
        owned = _owners(labels, costs.years[year].rows if year in costs.years else [])
        if not owned and end is not None and year < end.year:
            continue  # an earlier year left empty: given in an earlier report (docstring)
        for row, key in owned:
            components.setdefault(key, Component(label=row.component))
        for key, component in components.items():
            _add_year(component, plan, key, year, [row for row, owner in owned if owner == key], end)
    return [c for c in components.values() if c.years]


def _owners(labels: dict[str, str], rows: list) -> list[tuple]:
    """(row, kostnadsslag) of a year's report rows: the plan's component its words name (by
    the plan's label, or its id), else its own words folded (one the plan lacks). Rows without
    words or amounts are left out."""
    keys = list(labels)
    written = [r for r in rows if r.component and any(getattr(r, c) is not None for c in against_plan.MONEY)]
    matched = {j: keys[i] for i, j in against_plan.match_rows(list(labels.values()),
                                                               [r.component for r in written]).items()}
    owned = []
    for j, row in enumerate(written):
        # A second row of one kostnadsslag ("Personal – lärare", "Personal – samordnare") is that one's too.
        key = matched.get(j) or next((k for k, label in labels.items() if against_plan.same_name(label, row.component)
                                      or against_plan.same_name(k, row.component)), None)
        owned.append((row, key or "~" + against_plan.name_key(row.component)))
    return owned


def _add_year(component: Component, plan, key: str, year: int, rows: list, end: dt.date | None) -> None:
    budget = sum(line.amount for line in plan.budget if line.calendar_year == year and line.component == key)
    if not budget and not rows:
        return
    actual = sum(r.actual or 0 for r in rows)
    forecast = [r.forecast for r in rows if r.forecast is not None]
    running = end is not None and year == end.year and (end.month, end.day) != (12, 31) and not (
        plan.period_end is not None and end >= plan.period_end)
    if running and not forecast:
        done = against_plan.months_done(end)
        months = against_plan.months_in(year, plan.period_start, plan.period_end)
        passed = against_plan.months_in(year, plan.period_start, min(done, plan.period_end or done))
        component.planned += budget * (passed / months if months else 1.0)
        component.reported += actual
    else:
        component.planned += budget
        component.reported += actual + sum(forecast)
    component.years.append(year)
    component.rows.extend(rows)


def demands(code, options, profile, schemas) -> list[dict]:
    return [msg("components.threshold", threshold=options.threshold)]


# -- its words: what its findings say, and what `socinv rules` says about its codes ----------
WORDS = RuleWords(__name__, {
    # {years}: the calendar years compared; {share}: the deviation as a share (+0.2 is 20 % more).
    "COST_COMPONENT_DEVIATION": {
        "sv": Text("Kostnadsslaget '{component}' ({years:and}) kostar {reported:kr} mot planens {planned:kr}: "
                   "{share:pct} mer, över gränsen på {threshold:pct}.",
                   "Beskriv avvikelsen och orsaken under Avvikelser."),
        "en": Text("The cost item '{component}' ({years:and}) costs {reported:kr} against the plan's {planned:kr}: "
                   "{share:pct} more, over the limit of {threshold:pct}.",
                   "Describe the deviation and its cause under Deviations."),
    },
    "COST_COMPONENT_DEVIATION.under": {
        "sv": Text("Kostnadsslaget '{component}' ({years:and}) kostar {reported:kr} mot planens {planned:kr}: "
                   "en avvikelse på {share:pct}, större än gränsen på {threshold:pct}.",
                   "Beskriv avvikelsen och orsaken under Avvikelser, till exempel en aktivitet som skjutits upp."),
        "en": Text("The cost item '{component}' ({years:and}) costs {reported:kr} against the plan's "
                   "{planned:kr}: a deviation of {share:pct}, larger than the limit of {threshold:pct}.",
                   "Describe the deviation and its cause under Deviations, for example an activity put off."),
    },
    "COST_COMPONENT_DEVIATION.unplanned": {
        "sv": Text("Kostnadsslaget '{component}' ({years:and}) kostar {reported:kr} men finns inte i planens budget.",
                   "Använd planens kostnadsslag, eller beskriv under Avvikelser varför kostnaden tillkommit."),
        "en": Text("The cost item '{component}' ({years:and}) costs {reported:kr} but is not in the plan's budget.",
                   "Use the plan's cost items, or describe under Deviations why the cost was added."),
    },
    "DEVIATION_UNEXPLAINED": {
        "sv": Text("Ekonomin avviker från planen ({components:and}) men inget står under '{name}'.",
                   "Beskriv avvikelserna, orsaken och hur de hanteras under '{name}'."),
        "en": Text("The economy deviates from the plan ({components:and}) but nothing is written under '{name}'.",
                   "Describe the deviations, their cause and how they are handled under '{name}'."),
    },
    **explanation("COST_COMPONENT_DEVIATION",
                  ("Att varje kostnadsslag i rapportens ekonomi ligger nära planens budget: utfallet, och för ett "
                   "pågående år prognosen eller planens del för de månader som gått, jämförs med planen för "
                   "samma år. En avvikelse över finansiärens gräns åt något håll rapporteras, liksom ett "
                   "kostnadsslag som planen inte har.",
                   "That each cost item in the report's economy stays close to the plan's budget: the actual "
                   "costs, and for a year in progress the forecast or the plan's part for the months gone by, "
                   "are compared with the plan for the same years. A deviation beyond the funder's limit either "
                   "way is reported, and so is a cost item the plan does not have."),
                  ("Projektledaren ansvarar för budgeten och ska meddela avvikelser; finansiären bestämmer hur "
                   "stor en avvikelse får vara innan den ska förklaras.",
                   "The project lead is responsible for the budget and is to report deviations; the funder "
                   "decides how large a deviation may be before it must be explained."),
                  ("Lokaler budgeterade till 350 000 kr kostade 420 000 kr (20 %), när gränsen är 15 %.",
                   "Premises budgeted at 350 000 kr cost 420 000 kr (20 %), where the limit is 15 %.")),
    **explanation("DEVIATION_UNEXPLAINED",
                  ("Att en avvikelse från budgeten över finansiärens gräns är förklarad i rapportens avsnitt om "
                   "avvikelser.",
                   "That a deviation from the budget beyond the funder's limit is explained in the report's "
                   "section on deviations."),
                  ("Den som beslutar om utbetalning behöver veta varför pengarna används på annat sätt än "
                   "planerat.",
                   "Whoever decides on payment needs to know why the money is used otherwise than planned."),
                  ("Personal 20 % över plan och avsnittet Avvikelser lämnat tomt.",
                   "Staff 20 % over plan and the section Deviations left empty.")),
    # what a profile demands (`socinv rules`, demands)
    "components.threshold": {"sv": Text("en avvikelse på mer än {threshold:pct} per kostnadsslag ska förklaras"),
                             "en": Text("a deviation of more than {threshold:pct} per cost item must be explained")},
})


RULE = Rule("cost_components", (Code.COST_COMPONENT_DEVIATION, Code.DEVIATION_UNEXPLAINED), check,
            options=Options, needs=("report_costs",), words=WORDS, demands=demands)

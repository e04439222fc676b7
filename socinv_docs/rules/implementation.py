"""IMPLEMENTATION_PLAN_MISSING: in a satsning's last year, the report says how implementering
is prepared.

What: a report whose period ends in the satsning's last year — within `months` (12) of the
plan's end, or after it — has something written under its implementering section (in the
redovisning "Förberedelse för implementering"): empty, only the placeholder, or missing is a
finding. Earlier in the satsning the section may wait (the redovisning's form has it
optional); the slutrapport's own implementering section is required there, and its absence
is SECTION_*'s business.
Why: seed 000, "Finansiering, effekthemtagning och implementering": "Projektledaren ansvarar
för att under satsningens genomförande påbörja diskussion med berörda verksamheter och ta
fram en plan för implementering"; the slutrapport is the basis of the kommunstyrelse's
decision on implementering, so the work must have started before it.
Example: satsning 2026-01-01 – 2028-12-31; the redovisning for Delår 2 2028 (ends
2028-08-31) with "Skriv här" under 6. Förberedelse för implementering →
IMPLEMENTATION_PLAN_MISSING.
Options: `months` (how long before the end the last year begins; 12).
Needs the plan. Reads the roles `period` and `implementation`.
"""

import datetime as dt
from typing import Annotated

from annotated_types import Interval

from socinv_docs.codes import Code
from socinv_docs.messages import RuleWords, Text, explanation, msg
from socinv_docs.rules import against_plan
from socinv_docs.rules.base import Rule, RuleOptions


class Options(RuleOptions):
    months: Annotated[int, Interval(ge=1, le=60)] = 12


def check(doc, ctx):
    plan = ctx.plan
    end = against_plan.report_end(doc, ctx.kind)
    section_id = ctx.kind.roles.implementation
    if plan is None or end is None or plan.period_end is None:
        return
    if end <= _months_before(plan.period_end, ctx.options.months) or against_plan.written(doc, section_id):
        return
    spec = ctx.kind.section(section_id)
    yield ctx.finding(Code.IMPLEMENTATION_PLAN_MISSING, section=section_id,
                      where=against_plan.section_where(doc, section_id), name=spec.short or spec.heading,
                      end=end.isoformat(), slut=plan.period_end.isoformat())


def _months_before(day: dt.date, months: int) -> dt.date:
    """The same day `months` earlier (the month's last day where it has fewer)."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    following = dt.date(year + (month + 1) // 12, (month + 1) % 12 + 1, 1)
    return min(dt.date(year, month + 1, 1) + dt.timedelta(days=day.day - 1), following - dt.timedelta(days=1))


def demands(code, options, profile, schemas) -> list[dict]:
    return [msg("implementation.months", months=options.months)]


# -- its words: what its findings say, and what `socinv rules` says about its codes ----------
WORDS = RuleWords(__name__, {
    "IMPLEMENTATION_PLAN_MISSING": {
        "sv": Text("Satsningen slutar {slut} och rapporten ({end}) är från dess sista år, men inget står under "
                   "'{name}'.",
                   "Beskriv hur implementeringen i ordinarie verksamhet förbereds: dialogen med berörda "
                   "verksamheter och planen för implementering."),
        "en": Text("The initiative ends on {slut} and the report ({end}) is from its last year, but nothing is "
                   "written under '{name}'.",
                   "Describe how the implementation in ordinary work is prepared: the dialogue with the "
                   "services concerned and the plan for implementation."),
    },
    **explanation("IMPLEMENTATION_PLAN_MISSING",
                  ("Att en rapport från satsningens sista år beskriver hur implementeringen i ordinarie "
                   "verksamhet förbereds.",
                   "That a report from the initiative's last year describes how the implementation in ordinary "
                   "work is prepared."),
                  ("Projektledaren ska under genomförandet börja diskutera med berörda verksamheter och ta fram "
                   "en plan för implementering; beslutet om implementering fattas på slutrapporten.",
                   "The project lead is to start discussing with the services concerned during the initiative "
                   "and draw up a plan for implementation; the decision on implementation is taken on the final "
                   "report."),
                  ("En redovisning för delår 2 under satsningens sista år med avsnittet om implementering tomt.",
                   "A report for the second interim period in the initiative's last year with the section on "
                   "implementation empty.")),
    # what a profile demands (`socinv rules`, demands)
    "implementation.months": {"sv": Text("i rapporter från de sista {months} månaderna"),
                              "en": Text("in reports from the last {months} months")},
})


RULE = Rule("implementation", (Code.IMPLEMENTATION_PLAN_MISSING,), check, options=Options,
            needs=("implementation", "period"), words=WORDS, demands=demands)

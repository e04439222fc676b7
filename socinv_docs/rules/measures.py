"""MEASURE_NOT_REPORTED, BASELINE_MISSING: the plan's measures in a report's Mått table.

What: every measure of the plan (the approved utvärderingsschema's aktivitetsmått, kvalitativa
effektmått and utfallsmått; Region Gävleborg's indikatorer) has a row in the report's Mått
table — matched by its words, within its goal first (against_plan) — with an utfall
(MEASURE_NOT_REPORTED: no row, or the Utfall cell empty). A measure whose tidpunkt (the time
of measuring, where the funder's schema has one: "2027-12", "juni 2028", "vt 2028") lies after
the report's period end is not due yet and is no finding. A measure of the plan with no
basmätning, neither in the plan nor written in the report's row, is BASELINE_MISSING.
Anything written counts as an utfall ("Mäts vid slutet": the report accounts for it);
whether the number is good is TARGET_NOT_MET's business where there is a målvärde, else the
people's. A measure the report adds that the plan does not have is no finding.
Why: seed 000, "Effektutvärdering": "Utifrån framtaget utvärderingsschema följs satsningens
aktivitets- och effektmått upp löpande, för att tillsammans med basmätning och eventuell
kontrollgrupp ligga till grund för den effektutvärdering som genomförs i samband med
satsningens slutrapport"; "Vid ansökan tas en basmätning fram för alla parametrar som ska
följas upp" (Steg 3). In a redovisning a missing utfall is a warning; in the slutrapport, the
basis of the effektutvärdering, the funder may make it an error (`severity_in`).
Example: the plan's "Andel godkända i matematik åk 9" with its row's Utfall empty →
MEASURE_NOT_REPORTED on that cell; "Antal föräldrar på träffarna" with no basmätning in the
plan and none in the report → BASELINE_MISSING.
Options: `severity_in` ({kind id: error | warning}; a kind not named: warning).
Needs the plan. Reads the role `measures`.
"""

from typing import Literal

from socinv_docs.codes import Code, Severity
from socinv_docs.extract.values import parse_time_point
from socinv_docs.messages import RuleWords, Text, explanation, literal, msg
from socinv_docs.rules import against_plan
from socinv_docs.rules.base import Rule, RuleOptions
from socinv_docs.schema import SchemaProblem


class Options(RuleOptions):
    severity_in: dict[str, Literal["error", "warning"]] = {}

    def check_against(self, profile, kinds, common) -> None:
        for kind in self.severity_in:
            if kind not in profile.kinds:
                raise SchemaProblem("schema.not_profile_kind", "severity_in", kind, kind=kind, known=profile.kinds)


def check(doc, ctx):
    plan = ctx.plan
    if plan is None:
        return
    role = ctx.kind.roles.measures
    level = ctx.options.severity_in.get(ctx.kind.id)
    severity = Severity(level) if level else None
    end = against_plan.report_end(doc, ctx.kind)
    section = against_plan.table_section(ctx.kind, role.table)
    table = against_plan.table_where(doc, ctx.kind, role.table)
    for goal, measure, row in against_plan.planned_measures(plan, doc, ctx.kind):
        named = {"measure": measure.name, "goal": goal.text}
        due = parse_time_point(measure.tidpunkt or "")
        if (row is None or not row.actual) and not (due is not None and end is not None and due > end):
            where = row.cells.get(role.actual, row.location) if row is not None else table
            yield ctx.finding(Code.MEASURE_NOT_REPORTED, severity=severity, section=section, where=where,
                              **named, **({"variant": "no_row"} if row is None else {}))
        if not measure.basmatning.strip() and (row is None or not row.baseline):
            where = row.cells.get(role.baseline, row.location) if row is not None and role.baseline else table
            yield ctx.finding(Code.BASELINE_MISSING, severity=severity, section=section, where=where, **named)


def demands(code, options, profile, schemas) -> list[dict]:
    errors = [schemas.kinds[k] for k, level in options.severity_in.items() if level == "error" and k in schemas.kinds]
    return [msg("measures.error_in", kinds=[literal(sv=k.name_in("sv"), en=k.name_in("en")) for k in errors])] \
        if errors else []


_SEVERITY = ("varning; fel i de rapporter där finansiären kräver det (slutrapporten)",
             "warning; error in the reports where the funder demands it (the final report)")

# -- its words: what its findings say, and what `socinv rules` says about its codes ----------
WORDS = RuleWords(__name__, {
    "MEASURE_NOT_REPORTED": {
        "sv": Text("Måttet '{measure}' (målet '{goal}') har inget utfall.",
                   "Skriv utfallet hittills, eller när och hur måttet mäts, i kolumnen Utfall."),
        "en": Text("The measure '{measure}' (the goal '{goal}') has no result.",
                   "Write the result so far, or when and how the measure is taken, in the column Result."),
    },
    "MEASURE_NOT_REPORTED.no_row": {
        "sv": Text("Måttet '{measure}' (målet '{goal}') i planen saknas i rapportens tabell över mått.",
                   "Lägg till en rad för måttet med basmätning och utfall."),
        "en": Text("The plan's measure '{measure}' (the goal '{goal}') is missing from the report's table of "
                   "measures.",
                   "Add a row for the measure with its baseline and result."),
    },
    "BASELINE_MISSING": {
        "sv": Text("Måttet '{measure}' (målet '{goal}') har ingen basmätning, varken i planen eller i rapporten.",
                   "Skriv basmätningen: utgångsvärdet som utfallet jämförs med."),
        "en": Text("The measure '{measure}' (the goal '{goal}') has no baseline, neither in the plan nor in the "
                   "report.",
                   "Write the baseline: the starting value the result is compared with."),
    },
    **explanation("MEASURE_NOT_REPORTED",
                  ("Att varje mått i den godkända planen finns med i rapporten med ett utfall. Ett mått vars "
                   "tidpunkt för mätning ligger efter rapportperioden väntas inte än.",
                   "That every measure of the approved plan is in the report with a result. A measure whose "
                   "time of measuring lies after the report's period is not expected yet."),
                  ("Måtten följs upp löpande och är, med basmätningen, grunden för effektutvärderingen i "
                   "slutrapporten.",
                   "The measures are followed up continuously and are, with the baseline, the basis of the "
                   "impact evaluation in the final report."),
                  ("Planens mått \"Andel godkända i matematik åk 9\" med kolumnen Utfall tom.",
                   "The plan's measure \"Share passing mathematics in year 9\" with the column Result empty."),
                  severity=_SEVERITY),
    **explanation("BASELINE_MISSING",
                  ("Att varje mått i planen har en basmätning, i planen eller i rapporten.",
                   "That every measure of the plan has a baseline, in the plan or in the report."),
                  ("Ett utfall utan utgångsvärde visar inte vad satsningen har förändrat.",
                   "A result without a starting value does not show what the initiative has changed."),
                  ("Måttet \"Antal föräldrar på träffarna\" utan basmätning i planen och i rapporten.",
                   "The measure \"Number of parents at the meetings\" without a baseline in the plan and in "
                   "the report."),
                  severity=_SEVERITY),
    # what a profile demands (`socinv rules`, demands)
    "measures.error_in": {"sv": Text("ett fel i {kinds:and}"), "en": Text("an error in {kinds:and}")},
})


RULE = Rule("measures", (Code.MEASURE_NOT_REPORTED, Code.BASELINE_MISSING), check, options=Options,
            needs=("measures",), words=WORDS, demands=demands)

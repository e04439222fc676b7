"""GOAL_WITHOUT_RESULT: in the slutrapport, every goal of the plan has its utfallsmått reported.

What: for each goal of the plan, at least one of its outcome measures — the plan's measures
from the schema columns the funder names as outcome measures (`outcome`: Örebro's
utfallsmått, Region Gävleborg's indikatorer), or all its measures where it has none of those
— has an utfall in the report's Mått table. A goal none of whose outcome measures has one is
a goal without a result: one finding, on its measures' rows (or the table). A goal without
any measure in the plan is no finding (nothing to report it by; SCHEMA_ROW_INCOMPLETE judged
the schema when it was approved).
Why: seed 000, "Utvärderingsschema": "Utvärderingsschemat anger också utfallsmått som används
för att mäta satsningens förväntade effekter på längre sikt. Utfallsmåttet åskådliggör således
om satsningens övergripande mål uppnåtts", and the slutrapport with the effektutvärdering is
what the kommunstyrelse decides implementering on.
Example: goal "Fler elever med godkända betyg" whose utfallsmått "Andel godkända i matematik
åk 9" has no utfall in the slutrapport → GOAL_WITHOUT_RESULT.
Options: `outcome` (the approved schema's measure columns that are outcome measures, as
Plan.Measure.column names them). Needs the plan. Reads the role `measures`.
"""

from socinv_docs.codes import Code
from socinv_docs.messages import RuleWords, Text, explanation
from socinv_docs.rules import against_plan
from socinv_docs.rules.base import Rule, RuleOptions


class Options(RuleOptions):
    outcome: list[str] = []


def check(doc, ctx):
    plan = ctx.plan
    if plan is None:
        return
    role = ctx.kind.roles.measures
    section = against_plan.table_section(ctx.kind, role.table)
    reported: dict[str, list] = {}
    for goal, measure, row in against_plan.planned_measures(plan, doc, ctx.kind):
        reported.setdefault(goal.id, []).append((measure, row))
    for goal in plan.goals:
        measures = reported.get(goal.id, [])
        outcome = [(m, r) for m, r in measures if m.column in ctx.options.outcome] or measures
        if not outcome or any(row is not None and row.actual for _, row in outcome):
            continue
        row = next((r for _, r in outcome if r is not None), None)
        where = row.cells.get(role.actual, row.location) if row is not None else against_plan.table_where(
            doc, ctx.kind, role.table)
        yield ctx.finding(Code.GOAL_WITHOUT_RESULT, section=section, where=where, goal=goal.text,
                          measures=[m.name for m, _ in outcome])


# -- its words: what its findings say, and what `socinv rules` says about its codes ----------
WORDS = RuleWords(__name__, {
    "GOAL_WITHOUT_RESULT": {
        "sv": Text("Målet '{goal}' har inget utfall för sina utfallsmått ({measures:list}).",
                   "Redovisa utfallet för målets utfallsmått: det visar om målet har nåtts."),
        "en": Text("The goal '{goal}' has no result for its outcome measures ({measures:list}).",
                   "Report the result of the goal's outcome measures: it shows whether the goal was reached."),
    },
    **explanation("GOAL_WITHOUT_RESULT",
                  ("Att slutrapporten redovisar ett utfall för minst ett av utfallsmåtten för varje mål i den "
                   "godkända planen.",
                   "That the final report gives a result for at least one outcome measure of each goal of the "
                   "approved plan."),
                  ("Utfallsmåtten visar om satsningens övergripande mål har nåtts, och slutrapporten är "
                   "underlaget för beslutet om implementering.",
                   "The outcome measures show whether the initiative's overall goals were reached, and the "
                   "final report is the basis of the decision on implementation."),
                  ("Målet \"Fler elever med godkända betyg\" utan utfall för \"Andel godkända i matematik åk 9\".",
                   "The goal \"More pupils with passing grades\" without a result for \"Share passing mathematics "
                   "in year 9\".")),
})


RULE = Rule("goal_results", (Code.GOAL_WITHOUT_RESULT,), check, options=Options, needs=("measures",), words=WORDS)

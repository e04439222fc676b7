"""TARGET_NOT_MET: a measure's utfall on the wrong side of its målvärde at its time.

What: for a measure of the plan with a målvärde and a tidpunkt (only where the funder's schema
has them: Region Gävleborg's Bilaga 4; Örebro's utvärderingsschema has none, so never there),
once the tidpunkt ("2028-06", "juni 2028", "vt 2028": its last day) has come by the report's
period end, the utfall written in the report's row is compared with the målvärde — only when
the utfall, the målvärde and the basmätning all read as numbers of the same sort ("72 %",
"45", "1 200 besök": per cent with per cent, numbers with numbers). The direction is the
plan's own: a målvärde above the basmätning is to be reached or passed, one below it to be
come down to. Anything that does not read so ("Ej mätt än", a målvärde in words, no
basmätning) is no finding: judging it stays with the people (FOLLOWUP-NOTES, "Not for now").
The basmätning is the plan's, else the one written in the report's row.
Why: Region Gävleborg's Bilaga 4 Uppföljnings- och utvärderingsschema gives each indikator an
utgångsläge, a målvärde and a tidpunkt för mätning; the Region's criteria ask that a social
investment "vara möjliga att följa upp och utvärdera". IATI models an indicator the same
way: a baseline and, per period, a target and an actual.
Example: utgångsläge 72 %, målvärde 80 %, tidpunkt 2027-06, utfall 76 % in the Helår 2027
report → TARGET_NOT_MET on the Utfall cell.
Needs the plan. Reads the role `measures`.
"""

from socinv_docs.codes import Code
from socinv_docs.extract.values import parse_measure_value, parse_time_point
from socinv_docs.messages import RuleWords, Text, explanation
from socinv_docs.rules import against_plan
from socinv_docs.rules.base import Rule


def check(doc, ctx):
    plan = ctx.plan
    end = against_plan.report_end(doc, ctx.kind)
    if plan is None or end is None:
        return
    role = ctx.kind.roles.measures
    section = against_plan.table_section(ctx.kind, role.table)
    for goal, measure, row in against_plan.planned_measures(plan, doc, ctx.kind):
        due = parse_time_point(measure.tidpunkt or "")
        if row is None or not measure.malvarde or due is None or due > end:
            continue
        actual, target = parse_measure_value(row.actual), parse_measure_value(measure.malvarde)
        baseline = parse_measure_value(measure.basmatning or row.baseline)
        if actual is None or target is None or baseline is None:
            continue
        if len({actual[1], target[1], baseline[1]}) != 1 or target[0] == baseline[0]:
            continue  # per cent against a count, or no direction to tell
        upwards = target[0] > baseline[0]
        if (actual[0] < target[0]) if upwards else (actual[0] > target[0]):
            yield ctx.finding(Code.TARGET_NOT_MET, section=section, where=row.cells.get(role.actual, row.location),
                              variant="up" if upwards else "down", measure=measure.name, goal=goal.text,
                              actual=actual[0], target=target[0], baseline=baseline[0], percent=actual[1],
                              written=row.actual, malvarde=measure.malvarde, tidpunkt=measure.tidpunkt)


# -- its words: what its findings say, and what `socinv rules` says about its codes ----------
WORDS = RuleWords(__name__, {
    # {written}, {malvarde}, {tidpunkt}: as written in the report and the plan.
    "TARGET_NOT_MET": {
        "sv": Text("Måttet '{measure}' har utfallet {written}, målvärdet var {malvarde} till {tidpunkt}.",
                   "Beskriv varför målvärdet inte nåtts och vad som görs, under Avvikelser."),
        "en": Text("The measure '{measure}' has the result {written}; the target was {malvarde} by {tidpunkt}.",
                   "Describe why the target was not reached and what is being done, under Deviations."),
    },
    "TARGET_NOT_MET.up": {
        "sv": Text("Måttet '{measure}' har utfallet {written}, under målvärdet {malvarde} till {tidpunkt}.",
                   "Beskriv varför målvärdet inte nåtts och vad som görs, under Avvikelser."),
        "en": Text("The measure '{measure}' has the result {written}, below the target of {malvarde} by "
                   "{tidpunkt}.",
                   "Describe why the target was not reached and what is being done, under Deviations."),
    },
    "TARGET_NOT_MET.down": {
        "sv": Text("Måttet '{measure}' har utfallet {written}, över målvärdet {malvarde} till {tidpunkt}.",
                   "Beskriv varför målvärdet inte nåtts och vad som görs, under Avvikelser."),
        "en": Text("The measure '{measure}' has the result {written}, above the target of {malvarde} by "
                   "{tidpunkt}.",
                   "Describe why the target was not reached and what is being done, under Deviations."),
    },
    **explanation("TARGET_NOT_MET",
                  ("Att ett mått med målvärde och tidpunkt i planen har nått målvärdet när tidpunkten kommit. "
                   "Jämförs bara när utfall, målvärde och basmätning kan läsas som tal av samma slag; riktningen "
                   "ges av målvärdet jämfört med basmätningen. Gäller där finansiärens schema har målvärden.",
                   "That a measure with a target and a time in the plan has reached the target once the time "
                   "has come. Compared only when result, target and baseline read as numbers of the same sort; "
                   "the direction is the target's against the baseline. Applies where the funder's schema has "
                   "targets."),
                  ("Där planen anger ett målvärde och en tidpunkt kan det följas upp; utan målvärde bedömer "
                   "människor utfallet.",
                   "Where the plan gives a target and a time, it can be followed up; without a target, people "
                   "judge the result."),
                  ("Utgångsläge 72 %, målvärde 80 % till 2027-06 och utfallet 76 % i helårsrapporten 2027.",
                   "Baseline 72 %, target 80 % by 2027-06 and the result 76 % in the full-year report 2027.")),
})


RULE = Rule("targets", (Code.TARGET_NOT_MET,), check, needs=("measures",), words=WORDS)

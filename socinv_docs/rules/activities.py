"""ACTIVITY_NOT_REPORTED: the plan's activities accounted for in a report.

What: every activity of the plan (the goals' activities in the approved utvärderingsschema or
Bilaga 4, each once) has a row in the report's Aktiviteter table — matched by its words
(against_plan) — that says something: Ja, Delvis or Nej under Genomförd, or anything else
written there or in the Kommentar ("Pågår", "Flyttas till hösten"). No row, or a row with both
cells empty, is not accounted for. Whether it was carried out is the reader's to weigh: a Nej
is an answer. An activity the report adds is no finding.
Why: seed 000, "Rapportering och redovisning": the redovisning "ska innehålla en redogörelse
över verksamhetens genomförda aktiviteter"; the utvärderingsschema shows "vilka aktiviteter
som ska genomföras för att uppnå målen" ("Uppföljning och utvärdering").
Example: the plan's "Föräldraträffar" missing from the Aktiviteter table → ACTIVITY_NOT_REPORTED
(variant "no_row"); its row with Genomförd and Kommentar empty → ACTIVITY_NOT_REPORTED on the
Genomförd cell.
Needs the plan. Reads the role `activities`.
"""

from socinv_docs import roles
from socinv_docs.codes import Code
from socinv_docs.messages import RuleWords, Text, explanation
from socinv_docs.rules import against_plan
from socinv_docs.rules.base import Rule


def check(doc, ctx):
    plan = ctx.plan
    if plan is None:
        return
    role = ctx.kind.roles.activities
    planned = plan.planned_activities()  # the activity plan's (Bilaga 5) where there is one
    rows = roles.activity_rows(doc, ctx.kind)
    found = against_plan.match_rows(planned, [r.activity for r in rows])
    section = against_plan.table_section(ctx.kind, role.table)
    for i, activity in enumerate(planned):
        row = rows[found[i]] if i in found else None
        if row is None:
            yield ctx.finding(Code.ACTIVITY_NOT_REPORTED, section=section, variant="no_row", activity=activity,
                              where=against_plan.table_where(doc, ctx.kind, role.table))
        elif not row.done_raw and not row.comment:
            yield ctx.finding(Code.ACTIVITY_NOT_REPORTED, section=section, activity=activity,
                              where=row.cells.get(role.done, row.location),
                              column=roles.column_label(ctx.kind, role.table, role.done))


# -- its words: what its findings say, and what `socinv rules` says about its codes ----------
WORDS = RuleWords(__name__, {
    "ACTIVITY_NOT_REPORTED": {
        "sv": Text("Aktiviteten '{activity}' har ingen uppgift om den genomförts.",
                   "Skriv Ja, Delvis eller Nej under '{column}', och en kommentar vid behov."),
        "en": Text("The activity '{activity}' says nothing on whether it was carried out.",
                   "Write Ja, Delvis or Nej (yes, partly, no) under '{column}', and a comment where needed."),
    },
    "ACTIVITY_NOT_REPORTED.no_row": {
        "sv": Text("Planens aktivitet '{activity}' saknas i rapportens tabell över aktiviteter.",
                   "Lägg till en rad för aktiviteten: om den genomförts (Ja, Delvis eller Nej) och en kommentar."),
        "en": Text("The plan's activity '{activity}' is missing from the report's table of activities.",
                   "Add a row for the activity: whether it was carried out (Ja, Delvis or Nej) and a comment."),
    },
    **explanation("ACTIVITY_NOT_REPORTED",
                  ("Att varje aktivitet i den godkända planen finns med i rapporten, med uppgift om den "
                   "genomförts.",
                   "That every activity of the approved plan is in the report, saying whether it was carried "
                   "out."),
                  ("Rapporten ska redogöra för de genomförda aktiviteterna jämfört med dem som planerades för "
                   "att nå målen.",
                   "The report is to account for the activities carried out against those planned to reach the "
                   "goals."),
                  ("Planens aktivitet \"Föräldraträffar\" saknas i rapportens aktivitetstabell.",
                   "The plan's activity \"Parents' meetings\" is missing from the report's table of activities.")),
})


RULE = Rule("activities", (Code.ACTIVITY_NOT_REPORTED,), check, needs=("activities",), words=WORDS)

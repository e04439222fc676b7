"""PERIOD_CHANGED: a report's period ends within the beslutad period.

What: the last day a report covers (its Period som redovisas; in the slutrapport the
satsning's period) lies within the plan's period: the beslutad start and end, else the
approved ansökan's (Plan.period_source says which). A report that ends after the end — or
before the start — is about a period the beslut does not cover: the satsning has been
prolonged, or the dates are wrong. A report whose period cannot be read is FIELD_INVALID's.
Why: seed 000, "Genomförande": "Därefter genomförs satsningen under de 2–4 år som den
beviljats medel för"; the beslut names the period, and a change of it is the
kommunstyrelse's to decide, not the report's to make.
Example: beslutad period 2026-01-01 – 2028-12-31 and a slutrapport whose period is
2026-01-01 – 2029-06-30 → PERIOD_CHANGED.
Needs the plan. Reads the role `period`.
"""

from socinv_docs import roles
from socinv_docs.codes import Code
from socinv_docs.messages import RuleWords, Text, explanation
from socinv_docs.rules import against_plan
from socinv_docs.rules.base import Rule


def check(doc, ctx):
    plan = ctx.plan
    end = against_plan.report_end(doc, ctx.kind)
    if plan is None or end is None or plan.period_start is None or plan.period_end is None:
        return
    if plan.period_start <= end <= plan.period_end:
        return
    field = roles.field_of(doc, ctx.kind.roles.period)
    yield ctx.finding(Code.PERIOD_CHANGED, field=ctx.kind.roles.period, where=field.location if field else None,
                      variant="after" if end > plan.period_end else "before", end=end.isoformat(),
                      start=plan.period_start.isoformat(), slut=plan.period_end.isoformat())


# -- its words: what its findings say, and what `socinv rules` says about its codes ----------
WORDS = RuleWords(__name__, {
    "PERIOD_CHANGED": {
        "sv": Text("Rapportens period slutar {end}, utanför den beslutade perioden {start} – {slut}.",
                   "Kontrollera datumen; en ändrad period beslutas av den som beviljade medlen."),
        "en": Text("The report's period ends on {end}, outside the decided period {start} – {slut}.",
                   "Check the dates; a changed period is decided by whoever granted the funds."),
    },
    "PERIOD_CHANGED.after": {
        "sv": Text("Rapportens period slutar {end}, efter den beslutade periodens slut ({start} – {slut}).",
                   "Kontrollera datumen; en förlängning beslutas av den som beviljade medlen och beskrivs under "
                   "Avvikelser."),
        "en": Text("The report's period ends on {end}, after the end of the decided period ({start} – {slut}).",
                   "Check the dates; an extension is decided by whoever granted the funds and described under "
                   "Deviations."),
    },
    **explanation("PERIOD_CHANGED",
                  ("Att rapportens period slutar inom den beslutade perioden för satsningen.",
                   "That the report's period ends within the initiative's decided period."),
                  ("Medlen beviljas för en bestämd period; en rapport som slutar utanför den tyder på en "
                   "förlängning som inte är beslutad, eller fel datum.",
                   "The funds are granted for a set period; a report ending outside it points to an extension "
                   "not decided, or wrong dates."),
                  ("Beslutad period 2026-01-01 – 2028-12-31 och en slutrapport vars period slutar 2029-06-30.",
                   "A decided period 2026-01-01 – 2028-12-31 and a final report whose period ends on "
                   "2029-06-30.")),
})


RULE = Rule("plan_period", (Code.PERIOD_CHANGED,), check, needs=("period",), words=WORDS)

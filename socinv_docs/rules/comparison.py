"""COMPARISON_MISSING: the slutrapport compares with the jämförelsealternativ or kontrollgrupp.

What: the slutrapport's comparison section (Örebro: "Jämförelse med jämförelsealternativ och
kontrollgrupp") holds an answer: empty, only the placeholder, or missing is a finding. The
section is optional in the kind (`required: "no"`), so that this — a warning, SPEC §9 — is
what an empty one says, not SECTION_EMPTY's error: a kontrollgrupp is the riktlinjer's
ambition ("En ambition är att det ska finnas en definierad kontrollgrupp"), not a condition.
Whether the text really compares is the reader's to judge.
Why: seed 000, "Finansiering, effekthemtagning och implementering": in the slutrapport
"värderas även satsningens effekter och kostnader mot jämförelsealternativen (ordinarie insats
eller utan insats)"; "Effektutvärdering": the measures "tillsammans med basmätning och
eventuell kontrollgrupp ligga till grund för den effektutvärdering som genomförs i samband med
satsningens slutrapport".
Example: "5. Jämförelse med jämförelsealternativ och kontrollgrupp" followed only by "Skriv
här" → COMPARISON_MISSING.
Needs no plan. Reads the role `comparison`.
"""

from socinv_docs.codes import Code
from socinv_docs.messages import RuleWords, Text, explanation
from socinv_docs.rules import against_plan
from socinv_docs.rules.base import Rule


def check(doc, ctx):
    section_id = ctx.kind.roles.comparison
    if against_plan.written(doc, section_id):
        return
    spec = ctx.kind.section(section_id)
    yield ctx.finding(Code.COMPARISON_MISSING, section=section_id, where=against_plan.section_where(doc, section_id),
                      name=spec.short or spec.heading)


# -- its words: what its findings say, and what `socinv rules` says about its codes ----------
WORDS = RuleWords(__name__, {
    "COMPARISON_MISSING": {
        "sv": Text("Slutrapporten jämför inte med jämförelsealternativ eller kontrollgrupp: inget står under "
                   "'{name}'.",
                   "Värdera satsningens effekter och kostnader mot jämförelsealternativen (ordinarie insats eller "
                   "utan insats) och, där den finns, kontrollgruppen."),
        "en": Text("The final report makes no comparison with an alternative or a control group: nothing is "
                   "written under '{name}'.",
                   "Weigh the initiative's effects and costs against the alternatives (the usual intervention or "
                   "none) and, where there is one, the control group."),
    },
    **explanation("COMPARISON_MISSING",
                  ("Att slutrapporten jämför satsningens effekter och kostnader med jämförelsealternativ eller "
                   "kontrollgrupp.",
                   "That the final report compares the initiative's effects and costs with an alternative or a "
                   "control group."),
                  ("Beslutet om implementering bygger på hur satsningen står sig mot alternativen: ordinarie "
                   "insats eller ingen insats.",
                   "The decision on implementation rests on how the initiative compares with the alternatives: "
                   "the usual intervention or none."),
                  ("Slutrapportens avsnitt om jämförelse lämnat med bara \"Skriv här\".",
                   "The final report's section on the comparison left with only \"Skriv här\".")),
})


RULE = Rule("comparison", (Code.COMPARISON_MISSING,), check, needs=("comparison",), words=WORDS)

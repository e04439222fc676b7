"""CRITERION_UNANSWERED, CRITERION_NOT_MET.

What: each criterion of the idéprövning is answered Ja or Nej (read leniently: "ja", "JA",
"Ja, se ovan", "X"); a Nej is a warning.
Why: the beredningsgrupp judges the idea against exactly these criteria (seed 000,
"Kriterier för idéprövning").
Example: "Innebär idén nya arbetssätt och metoder? | (empty)" → CRITERION_UNANSWERED.
"""

from socinv_docs.codes import Code
from socinv_docs.rules.base import rule


@rule(Code.CRITERION_UNANSWERED, Code.CRITERION_NOT_MET, needs=("criteria",))
def check(doc, ctx):
    for item in ctx.kind.criteria.items:
        answer = doc.criteria.get(item.id)
        if answer is None or answer.answer is None:
            where = answer.location if answer is not None and answer.found else None
            yield ctx.finding(Code.CRITERION_UNANSWERED, criterion=item.id, where=where, question=item.text)
        elif answer.answer is False:
            yield ctx.finding(Code.CRITERION_NOT_MET, criterion=item.id, where=answer.location,
                              question=item.text)

"""CRITERION_UNANSWERED, CRITERION_NOT_MET, CRITERION_UNCLEAR, CRITERION_UNMOTIVATED.

What: each criterion of the idéprövning is answered Ja or Nej, read leniently ("ja", "JA",
"Ja, se ovan", "X" are Ja; "Nej", "nej." are Nej). Nothing written is an error; Nej is a
warning; anything else ("Delvis", "Vet ej", "?") is a warning that quotes the answer as
written and asks for Ja or Nej. An answered criterion with an empty Motivering is a warning.
Why: the beredningsgrupp judges the idea against exactly these criteria (seed 000,
"Kriterier för idéprövning"), and the template asks for a motivation beside each answer.
Example: "Innebär idén nya arbetssätt och metoder? | Delvis | (empty)" → CRITERION_UNCLEAR
quoting 'Delvis' and CRITERION_UNMOTIVATED.

The user-facing explanation (`socinv rules CODE`) is in messages.py under "rules.<CODE>.*".
"""

from socinv_docs.codes import Code
from socinv_docs.rules.base import Rule


def check(doc, ctx):
    for item in ctx.kind.criteria.items:
        answer = doc.criteria.get(item.id)
        if answer is None or not answer.found:
            yield ctx.finding(Code.CRITERION_UNANSWERED, criterion=item.id, question=item.text)
            continue
        at_answer = answer.answer_location or answer.location
        if answer.answer is None and not answer.raw:
            yield ctx.finding(Code.CRITERION_UNANSWERED, criterion=item.id, where=at_answer, question=item.text)
            continue  # nothing to motivate yet
        if answer.unclear:
            yield ctx.finding(Code.CRITERION_UNCLEAR, criterion=item.id, where=at_answer, question=item.text,
                              answer=answer.raw[:80])
        elif answer.answer is False:
            yield ctx.finding(Code.CRITERION_NOT_MET, criterion=item.id, where=at_answer, question=item.text)
        if not answer.motivation:
            yield ctx.finding(Code.CRITERION_UNMOTIVATED, criterion=item.id,
                              where=answer.motivation_location or answer.location, question=item.text,
                              answer=answer.raw[:80])


RULE = Rule("criteria", (Code.CRITERION_UNANSWERED, Code.CRITERION_NOT_MET, Code.CRITERION_UNCLEAR, Code.CRITERION_UNMOTIVATED), check, needs=("criteria",))

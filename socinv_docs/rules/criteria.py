"""CRITERION_UNANSWERED, CRITERION_NOT_MET, CRITERION_UNCLEAR, CRITERION_UNMOTIVATED.

What: each criterion of the idéprövning is answered Ja or Nej, read leniently ("ja", "JA",
"Ja, se ovan", "X" are Ja; "Nej", "nej." are Nej). Nothing written is an error; Nej is a
warning; anything else ("Delvis", "Vet ej", "?") is a warning that quotes the answer as
written and asks for Ja or Nej. An answered criterion with an empty Motivering is a warning.
In a follow-up report (the kind's `criteria.purpose: continuation`, its förutsättningar) a
Nej is worded for a satsning that may be stopped (variant "continuation").
Why: the beredningsgrupp judges the idea against exactly these criteria (seed 000,
"Kriterier för idéprövning"), and the template asks for a motivation beside each answer.
Example: "Innebär idén nya arbetssätt och metoder? | Delvis | (empty)" → CRITERION_UNCLEAR
quoting 'Delvis' and CRITERION_UNMOTIVATED.

What a user reads (its findings, `socinv rules CODE`) is in WORDS below, beside the check.
"""

from socinv_docs.codes import Code
from socinv_docs.messages import RuleWords, Text, explanation
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
            # In a report a Nej is no verdict on an idea: the satsning may be stopped.
            purpose = {"variant": "continuation"} if ctx.kind.criteria.purpose == "continuation" else {}
            yield ctx.finding(Code.CRITERION_NOT_MET, criterion=item.id, where=at_answer, question=item.text,
                              **purpose)
        if not answer.motivation:
            yield ctx.finding(Code.CRITERION_UNMOTIVATED, criterion=item.id,
                              where=answer.motivation_location or answer.location, question=item.text,
                              answer=answer.raw[:80])


# -- its words: what its findings say, and what `socinv rules` says about its codes ----------
_CRITERIA_WHY = ('Örebros riktlinjer (2020), "Kriterier för idéprövning": beredningsgruppen "bedömer om idéprövningen uppfyller '
                 'uppsatta kriterier".',
                 'The Örebro guidelines (2020), "Criteria for idea review" (translated): the review group "assesses whether the idea '
                 'review meets the criteria set".')

WORDS = RuleWords(__name__, {
    "CRITERION_UNANSWERED": {
        "sv": Text("Kriteriet '{question}' är inte besvarat med Ja eller Nej.",
                   "Skriv Ja eller Nej i kolumnen Ja/Nej och motivera."),
        "en": Text("The criterion '{question}' is not answered Yes or No.",
                   "Write Ja or Nej in the Ja/Nej column and give a reason."),
    },
    "CRITERION_NOT_MET": {
        "sv": Text("Kriteriet '{question}' är besvarat med Nej.",
                   "Idén bedöms mot alla kriterier; motivera varför den ändå bör prövas."),
        "en": Text("The criterion '{question}' is answered No.",
                   "The idea is assessed against every criterion; explain why it should still be tried."),
    },
    "CRITERION_NOT_MET.continuation": {  # a follow-up report's förutsättningar (SPEC §9)
        "sv": Text("Förutsättningen '{question}' är besvarad med Nej.",
                   "En satsning som inte längre uppfyller förutsättningarna kan prövas för avbrytande; motivera "
                   "svaret och beskriv under Avvikelser hur det hanteras."),
        "en": Text("The condition '{question}' is answered No.",
                   "A satsning that no longer meets the conditions may be considered for stopping; explain the "
                   "answer and describe under Avvikelser how it is handled."),
    },
    "CRITERION_UNCLEAR": {
        "sv": Text("Kriteriet '{question}' är besvarat med '{answer}', som varken är Ja eller Nej.",
                   "Skriv Ja eller Nej i kolumnen Ja/Nej, och förklara '{answer}' under Motivering."),
        "en": Text("The criterion '{question}' is answered '{answer}', which is neither Ja (yes) nor Nej (no).",
                   "Write Ja or Nej in the Ja/Nej column, and explain '{answer}' under Motivering."),
    },
    "CRITERION_UNMOTIVATED": {
        "sv": Text("Kriteriet '{question}' är besvarat ('{answer}') men saknar motivering.",
                   "Skriv i kolumnen Motivering varför ni svarar så; mallen ber om en motivering för varje kriterium."),
        "en": Text("The criterion '{question}' is answered ('{answer}') but has no motivation.",
                   "Write in the Motivering column why you answer so; the template asks for a reason for each "
                   "criterion."),
    },
    **explanation("CRITERION_UNANSWERED",
            ("Att varje kriterium i idéprövningen är besvarat med Ja eller Nej.",
             "That every criterion of the idea review is answered Ja (yes) or Nej (no)."),
            _CRITERIA_WHY,
            ("\"Innebär idén nya arbetssätt och metoder? | (tomt)\".",
             "\"Innebär idén nya arbetssätt och metoder? | (empty)\".")),
    **explanation("CRITERION_NOT_MET",
            ("Ett kriterium besvarat med Nej: en varning, idén kan ändå prövas.",
             "A criterion answered Nej (no): a warning, the idea may still be tried."),
            _CRITERIA_WHY,
            ("\"Förväntas idén generera ett bättre utfall för målgruppen …? | Nej\".",
             "\"Förväntas idén generera ett bättre utfall för målgruppen …? | Nej\".")),
    **explanation("CRITERION_UNCLEAR",
            ("Ett kriterium besvarat med något annat än Ja eller Nej (\"Delvis\", \"Vet ej\", \"?\"). Svaret "
             "citeras som det skrevs och tolkas inte som Nej.",
             "A criterion answered with something other than Ja or Nej (\"Delvis\", \"Vet ej\", \"?\"). The "
             "answer is quoted as written, never read as Nej."),
            ('Kriterierna är ja/nej-frågor: Örebros riktlinjer (2020), "Kriterier för idéprövning": "Är idén genomförbar som en '
             'social investering?" följt av fem frågor.',
             'The criteria are yes/no questions: the Örebro guidelines (2020), "Criteria for idea review" (translated): "Is the idea '
             'feasible as a social investment?" followed by five questions.'),
            ("\"Innebär idén nya arbetssätt och metoder? | Delvis\".",
             "\"Innebär idén nya arbetssätt och metoder? | Delvis\".")),
    **explanation("CRITERION_UNMOTIVATED",
            ("Att ett besvarat kriterium har en motivering.", "That an answered criterion has a motivation."),
            ("Mallens tabell \"Kriterier för idéprövning\" har kolumnen Motivering för varje kriterium; gruppen "
             "bedömer svaret utifrån den.",
             "The template's table \"Kriterier för idéprövning\" has a Motivering (motivation) column for each "
             "criterion; the group assesses the answer by it."),
            ("\"Är fler nämnder … involverade i genomförandet? | Ja | (tomt)\".",
             "\"Är fler nämnder … involverade i genomförandet? | Ja | (empty)\".")),
})


RULE = Rule("criteria", (Code.CRITERION_UNANSWERED, Code.CRITERION_NOT_MET,
                        Code.CRITERION_UNCLEAR, Code.CRITERION_UNMOTIVATED), check,
            needs=("criteria",), words=WORDS)

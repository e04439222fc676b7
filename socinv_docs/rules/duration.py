"""DURATION_OUT_OF_RANGE.

What: the time for carrying out the satsning lies within the funder's range (Örebro
ansökan 2–4 years from its period; Mölndal förslag 1–3 years from its duration answer).
Why: seed 000 "Tid för genomförande (2–4 år)"; seed 001 "Tidsperioden för insatserna ska
vara mellan ett och tre år."
Example: förslag "Under hur lång tid ska satsningen pågå? | fem år" → DURATION_OUT_OF_RANGE.
Options: `min_years`, `max_years` (either may be left out). Reads the role `period` or `duration`.
"""

from socinv_docs import roles
from socinv_docs.codes import Code
from socinv_docs.messages import RuleWords, Text, explanation
from socinv_docs.rules.base import Rule, RuleOptions

EPSILON = 1e-6


class Options(RuleOptions):
    min_years: float | None = None
    max_years: float | None = None


def check(doc, ctx):
    years, field = roles.years(doc, ctx.kind)
    if years is None:
        return  # FIELD_MISSING / FIELD_INVALID say so
    low, high = ctx.options.min_years, ctx.options.max_years
    if (low is not None and years < low - EPSILON) or (high is not None and years > high + EPSILON):
        yield ctx.finding(Code.DURATION_OUT_OF_RANGE, field=field.id, where=field.location,
                          section=field.id if field.id in doc.sections else None,
                          years=years, min=low if low is not None else 0, max=high)


# -- its words: what its findings say, and what `socinv rules` says about its codes ----------
WORDS = RuleWords(__name__, {
    "DURATION_OUT_OF_RANGE": {
        "sv": Text("Tiden för genomförande är {years:num} år; den ska vara {min:num}–{max:num} år.",
                   "Anpassa tidsplanen till {min:num}–{max:num} år."),
        "en": Text("The duration is {years:num} years; it must be {min:num}–{max:num} years.",
                   "Adjust the schedule to {min:num}–{max:num} years."),
    },
    **explanation("DURATION_OUT_OF_RANGE",
            ("Att tiden för genomförandet ligger inom profilens gränser: ansökan 2–4 år (Örebro), förslag 1–3 år "
             "(Mölndal).",
             "That the time for carrying out the initiative is within the profile's range: application 2–4 "
             "years (Örebro), proposal 1–3 years (Mölndal)."),
            ("Örebros riktlinjer (2020): \"Tid för genomförande (2–4 år)\"; Mölndals arbetsmodell (2018): \"Tidsperioden för insatserna ska vara "
             "mellan ett och tre år.\"",
             "The Örebro guidelines (2020, translated): \"Time for implementation (2–4 years)\"; the Mölndal working model (2018): \"The period of the "
             "measures is to be between one and three years.\""),
            ("Perioden 2026-01-01 – 2026-12-31 (1 år) i en ansökan.",
             "The period 2026-01-01 – 2026-12-31 (1 year) in an application.")),
})


RULE = Rule("duration", (Code.DURATION_OUT_OF_RANGE,), check,
            options=Options, needs=("period|duration",), words=WORDS)

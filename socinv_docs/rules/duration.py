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
from socinv_docs.messages import RuleWords, Text, explanation, msg
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
        # A funder with only a maximum is quoted as "at most", never as a range from 0.
        bound = {"variant": "at_most"} if low is None else {"variant": "at_least"} if high is None else {}
        yield ctx.finding(Code.DURATION_OUT_OF_RANGE, field=field.id, where=field.location,
                          section=field.id if field.id in doc.sections else None,
                          years=years, min=low if low is not None else 0, max=high, **bound)


def demands(code, options, profile, schemas) -> list[dict]:
    low, high = options.min_years, options.max_years
    if low is not None and high is not None:
        return [msg("duration.range", min=low, max=high)]
    if high is not None:
        return [msg("duration.at_most", max=high)]
    return [msg("duration.at_least", min=low)] if low is not None else []


# -- its words: what its findings say, and what `socinv rules` says about its codes ----------
WORDS = RuleWords(__name__, {
    "DURATION_OUT_OF_RANGE": {
        "sv": Text("Tiden för genomförande är {years:num} år; den ska vara {min:num}–{max:num} år.",
                   "Anpassa tidsplanen till {min:num}–{max:num} år."),
        "en": Text("The duration is {years:num} years; it must be {min:num}–{max:num} years.",
                   "Adjust the schedule to {min:num}–{max:num} years."),
    },
    "DURATION_OUT_OF_RANGE.at_most": {  # the funder sets only a maximum
        "sv": Text("Tiden för genomförande är {years:num} år; den får vara högst {max:num} år.",
                   "Anpassa tidsplanen till högst {max:num} år."),
        "en": Text("The duration is {years:num} years; it may be at most {max:num} years.",
                   "Adjust the schedule to at most {max:num} years."),
    },
    "DURATION_OUT_OF_RANGE.at_least": {  # the funder sets only a minimum
        "sv": Text("Tiden för genomförande är {years:num} år; den ska vara minst {min:num} år.",
                   "Anpassa tidsplanen till minst {min:num} år."),
        "en": Text("The duration is {years:num} years; it must be at least {min:num} years.",
                   "Adjust the schedule to at least {min:num} years."),
    },
    **explanation("DURATION_OUT_OF_RANGE",
                  ("Att tiden för genomförandet (perioden, eller den tid satsningen sägs pågå) ligger inom "
                   "finansiärens gränser.",
                   "That the time for carrying out the initiative (its period, or the time it is said to run) is "
                   "within the funder's limits."),
                  ("Finansiären bestämmer hur länge en satsning får pågå; varje finansiärs gränser och egna ord "
                   "står nedan.",
                   "The funder decides how long an initiative may run; each funder's limits and own words are "
                   "below."),
                  ("Perioden 2026-01-01 – 2031-12-31 (6 år) när finansiären godtar högst 4 år.",
                   "The period 2026-01-01 – 2031-12-31 (6 years) where the funder accepts at most 4 years.")),
    # what a profile demands (`socinv rules`, demands)
    "duration.range": {"sv": Text("{min:num}–{max:num} år"), "en": Text("{min:num}–{max:num} years")},
    "duration.at_most": {"sv": Text("högst {max:num} år"), "en": Text("at most {max:num} years")},
    "duration.at_least": {"sv": Text("minst {min:num} år"), "en": Text("at least {min:num} years")},
})


RULE = Rule("duration", (Code.DURATION_OUT_OF_RANGE,), check,
            options=Options, needs=("period|duration",), words=WORDS, demands=demands)

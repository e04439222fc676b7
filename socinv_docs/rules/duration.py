"""DURATION_OUT_OF_RANGE.

What: the time for carrying out the satsning lies within the profile's range: Örebro
ansökan 2–4 years (period field), Mölndal förslag 1–3 years (duration answer).
Why: seed 000 "Tid för genomförande (2–4 år)"; seed 001 "Tidsperioden för insatserna ska
vara mellan ett och tre år."
Example: förslag "Under hur lång tid ska satsningen pågå? | fem år" → DURATION_OUT_OF_RANGE.
"""

from socinv_docs.codes import Code
from socinv_docs.extract.values import period_years
from socinv_docs.rules.base import rule

EPSILON = 1e-6


def years_of(value) -> float | None:
    if isinstance(value, dict) and "start" in value:
        return period_years(value)
    if isinstance(value, (int, float)):
        return float(value)
    return None


@rule(Code.DURATION_OUT_OF_RANGE)
def check(doc, ctx):
    limits = ctx.profile.duration.get(doc.kind)
    if limits is None:
        return
    field = doc.fields.get(limits.field)
    years = years_of(field.value) if field is not None and not field.invalid else None
    if years is None:
        return
    if years < limits.min_years - EPSILON or years > limits.max_years + EPSILON:
        yield ctx.finding(Code.DURATION_OUT_OF_RANGE, field=limits.field, where=field.location,
                          section=limits.field if limits.field in doc.sections else None,
                          years=years, min=limits.min_years, max=limits.max_years)

"""PROJECT_LEAD_TOO_LOW.

What: the projektledare has at least the profile's share of full time (Örebro: 25 %).
Why: seed 000, "Projektledning": "Till alla satsningar ska en projektledare om 25 procent
finnas".
Example: "Projektledare, andel av heltid (%) | 20 %" → PROJECT_LEAD_TOO_LOW; "25" is fine.
"""

from socinv_docs.codes import Code
from socinv_docs.rules.base import rule


@rule(Code.PROJECT_LEAD_TOO_LOW)
def check(doc, ctx):
    spec = ctx.profile.project_lead
    if spec is None or doc.kind not in spec.kinds:
        return
    field = doc.fields.get(spec.field)
    if field is None or field.invalid or field.value is None:
        return  # FIELD_MISSING / FIELD_INVALID say so
    if field.value < spec.min_percent:
        yield ctx.finding(Code.PROJECT_LEAD_TOO_LOW, field=spec.field, where=field.location,
                          percent=field.value, minimum=spec.min_percent)

"""PROJECT_LEAD_TOO_LOW.

What: the projektledare has at least the funder's share of full time (Örebro: 25 %).
Why: seed 000, "Projektledning": "Till alla satsningar ska en projektledare om 25 procent
finnas".
Example: "Projektledare, andel av heltid (%) | 20 %" → PROJECT_LEAD_TOO_LOW; "25" is fine.
Options: `min_percent`. Reads the role `project_lead`.
"""

from socinv_docs import roles
from socinv_docs.codes import Code
from socinv_docs.rules.base import Rule, RuleOptions


class Options(RuleOptions):
    min_percent: float


def check(doc, ctx):
    field = roles.field_of(doc, ctx.kind.roles.project_lead)
    if field is None or field.invalid or field.value is None:
        return  # FIELD_MISSING / FIELD_INVALID say so
    if field.value < ctx.options.min_percent:
        yield ctx.finding(Code.PROJECT_LEAD_TOO_LOW, field=field.id, where=field.location,
                          percent=field.value, minimum=ctx.options.min_percent)


RULE = Rule("project_lead", (Code.PROJECT_LEAD_TOO_LOW,), check, options=Options, needs=("project_lead",))

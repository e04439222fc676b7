"""PROJECT_LEAD_TOO_LOW.

What: the projektledare has at least the funder's share of full time (Örebro: 25 %).
Why: seed 000, "Projektledning": "Till alla satsningar ska en projektledare om 25 procent
finnas".
Example: "Projektledare, andel av heltid (%) | 20 %" → PROJECT_LEAD_TOO_LOW; "25" is fine.
Options: `min_percent`. Reads the role `project_lead`.
"""

from socinv_docs import roles
from socinv_docs.codes import Code
from socinv_docs.messages import RuleWords, Text, explanation, msg
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



def demands(code, options, profile, schemas) -> list[dict]:
    return [msg("project_lead.demand", minimum=options.min_percent)]

# -- its words: what its findings say, and what `socinv rules` says about its codes ----------
WORDS = RuleWords(__name__, {
    "PROJECT_LEAD_TOO_LOW": {
        "sv": Text("Projektledaren har {percent:num} % av heltid; minst {minimum:num} % krävs.",
                   "Avsätt en projektledare om minst {minimum:num} procent."),
        "en": Text("The project lead has {percent:num} % of full time; at least {minimum:num} % is required.",
                   "Assign a project lead of at least {minimum:num} percent."),
    },
    **explanation("PROJECT_LEAD_TOO_LOW",
                  ("Att projektledaren har minst finansiärens andel av heltid.",
                   "That the project lead has at least the funder's share of full time."),
                  ("Finansiärer som kräver en projektledare med en viss del av sin tid för satsningen.",
                   "Funders that require a project lead with a given share of their time for the initiative."),
                  ("\"Projektledare, andel av heltid (%) | 20 %\" när finansiären kräver minst 25 %.",
                   "\"Projektledare, andel av heltid (%) | 20 %\" where the funder requires at least 25 %.")),
    # what a profile demands (`socinv rules`, demands)
    "project_lead.demand": {"sv": Text("minst {minimum:num} % av heltid"),
                            "en": Text("at least {minimum:num} % of full time")},
})


RULE = Rule("project_lead", (Code.PROJECT_LEAD_TOO_LOW,), check,
            options=Options, needs=("project_lead",), words=WORDS,
            demands=demands)

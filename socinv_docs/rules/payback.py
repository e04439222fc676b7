"""PAYBACK_TOO_LONG.

What: the satsning pays for itself (cumulative savings after the end reach the cost) within
the funder's maximum number of years.
Why: funders that state a pay-back time rather than a horizon ("återbetalningstiden får
vara högst sju år").
Example: cost 4 000 000 kr, savings 500 000 kr a year → paid back in year 8 after the end;
with `max_years: 7` → PAYBACK_TOO_LONG.
Options: `max_years`. Reads the role `savings`; needs the profile's `economics`.
"""

from socinv_docs.codes import Code
from socinv_docs.messages import RuleWords, Text, explanation, msg
from socinv_docs.rules.base import Rule
from socinv_docs.rules.savings import Options as SavingsOptions


class Options(SavingsOptions):
    max_years: int


def check(doc, ctx):
    econ = ctx.economics
    if econ is None or not econ.cost:
        return
    years = econ.payback_years_after_end
    if years is not None and years <= ctx.options.max_years:
        return
    when = msg("payback.after", years=years) if years else msg("payback.never", horizon=econ.horizon_years)
    table = doc.tables.get(ctx.kind.roles.savings.table)
    yield ctx.finding(Code.PAYBACK_TOO_LONG, section=ctx.kind.roles.savings.table,
                      where=table.location if table else None, when=when, years=years,
                      maximum=ctx.options.max_years)



def demands(code, options, profile, schemas) -> list[dict]:
    return [msg("payback.demand", maximum=options.max_years)]

# -- its words: what its findings say, and what `socinv rules` says about its codes ----------
WORDS = RuleWords(__name__, {
    "PAYBACK_TOO_LONG": {
        "sv": Text("Satsningen betalar sig {when}; högst {maximum} år efter avslut godtas.",
                   "Visa hur besparingarna täcker kostnaden inom {maximum} år."),
        "en": Text("The satsning pays for itself {when}; at most {maximum} years after the end are accepted.",
                   "Show how the savings cover the cost within {maximum} years."),
    },
    "payback.after": {"sv": Text("år {years} efter avslut"), "en": Text("in year {years} after the end")},
    "payback.never": {"sv": Text("inte inom {horizon} år"), "en": Text("not within {horizon} years")},
    **explanation("PAYBACK_TOO_LONG",
            ("Att satsningen betalar sig (besparingarna efter avslut når kostnaden) inom finansiärens längsta "
             "tid. Gäller där profilen anger det.",
             "That the initiative pays for itself (the savings after the end reach the cost) within the "
             "funder's longest time. Applies where the profile sets it."),
            ("Finansiärer som anger en återbetalningstid i stället för en horisont, t.ex. \"återbetalningstiden "
             "får vara högst sju år\".",
             "Funders that set a pay-back time instead of a horizon, e.g. (translated) \"the pay-back time may "
             "be at most seven years\"."),
            ("Kostnad 4 000 000 kr och besparing 500 000 kr per år: betald år 8 efter avslut, högst 7 godtas.",
             "Cost 4 000 000 kr and savings of 500 000 kr a year: paid back in year 8 after the end, at most 7 "
             "allowed.")),
    # what a profile demands (`socinv rules`, demands)
    "payback.demand": {"sv": Text("betald inom {maximum} år efter avslut"),
                       "en": Text("paid back within {maximum} years after the end")},
})


RULE = Rule("payback", (Code.PAYBACK_TOO_LONG,), check, options=Options, needs=("savings",), words=WORDS,
            demands=demands)

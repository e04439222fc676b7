"""COST_TOTAL_EXCEEDED, COST_FORECAST_EXCEEDED: a report's money against the beviljat belopp.

What: the fund's costs to date — the Ekonomi table's "varav fonden" summed over the years the
report shows (each year's kostnadsslag rows, else its sum row; else the Totalt row:
against_plan) — stay within the beviljat belopp of the beslut (COST_TOTAL_EXCEEDED, an error);
and so do the costs to date plus the report's prognos (COST_FORECAST_EXCEEDED, a warning; not
said as well when the costs to date are already over). The prognos is of the whole cost; the
fund carries its part of it at the fund's share of the plan's budget where the plan shows
the fund's part (a co-financed satsning), else at the share the report's own utfall shows so
far (varav fonden / utfall), else all of it.
Why: seed 000, "Rapportering och redovisning": "En satsning tilldelas medel i efterskott
utifrån förbrukning ... Det är projektledarens ansvar att säkerställa att de medel som
beviljats för satsningen räcker för hela genomförandet." Approved is not sought: the
kommunstyrelse may grant less than the ansökan asked for, so the report is compared with the
beslut, never with the application (FOLLOWUP-NOTES).
Example: beviljat 2 400 000 kr; varav fonden 1 150 000 + 340 000 (2026) + 800 000 + 160 000
(2027) = 2 450 000 kr → COST_TOTAL_EXCEEDED (over by 50 000 kr). With 2 300 000 kr to date and
a prognos of 450 000 kr → COST_FORECAST_EXCEEDED (2 750 000 kr).
Needs the plan with a beslut that has a beviljat belopp: without one (no plan, or
Plan.beslut.missing: the workbook says "Beslut saknas") it says nothing. Nothing to sum (the
varav fonden column empty: FUND_COSTS_NOT_SHOWN says so) is no finding either.
Reads the role `report_costs`.
"""

from socinv_docs import roles
from socinv_docs.codes import Code
from socinv_docs.messages import RuleWords, Text, explanation, msg
from socinv_docs.rules import against_plan
from socinv_docs.rules.base import Rule


def check(doc, ctx):
    plan = ctx.plan
    if plan is None or plan.beslut.missing:
        return
    role = ctx.kind.roles.report_costs
    costs = against_plan.report_costs(doc, ctx.kind)
    to_date = costs.to_date("fund")
    if to_date is None:
        return
    granted = plan.granted
    section = against_plan.table_section(ctx.kind, role.table)
    column = roles.column_label(ctx.kind, role.table, role.fund)
    where = costs.total_where("fund")
    if to_date > granted:
        yield ctx.finding(Code.COST_TOTAL_EXCEEDED, section=section, where=where, to_date=to_date,
                          granted=granted, over=to_date - granted, column=column)
        return
    forecast = costs.to_date("forecast")
    if not forecast:
        return
    share = _fund_share(plan, costs)
    fund_forecast = int(round(forecast * share))
    if to_date + fund_forecast > granted:
        params = {"variant": "share", "share": share, "forecast_cost": forecast} if share < 1 else {}
        yield ctx.finding(Code.COST_FORECAST_EXCEEDED, section=section, where=costs.total_where("forecast"),
                          to_date=to_date, forecast=fund_forecast, total=to_date + fund_forecast,
                          granted=granted, over=to_date + fund_forecast - granted, column=column, **params)


def _fund_share(plan, costs) -> float:
    """The part of a cost the fund carries: the plan's where its budget shows the fund's part,
    else what the report's utfall shows so far, else all of it."""
    years = plan.years()
    planned_fund = [plan.fund_of(y) for y in years]
    budget = sum(plan.budget_of(y) for y in years)
    if budget and any(f is not None for f in planned_fund):
        return min(1.0, sum(f or 0 for f in planned_fund) / budget)
    actual, fund = costs.to_date("actual"), costs.to_date("fund")
    if actual and fund is not None:
        return min(1.0, fund / actual)
    return 1.0


def demands(code, options, profile, schemas) -> list[dict]:
    return [msg("grant.against_beslut")]


# -- its words: what its findings say, and what `socinv rules` says about its codes ----------
WORDS = RuleWords(__name__, {
    # {column}: the Ekonomi table's fund column as the form names it ("varav fonden (kr)").
    "COST_TOTAL_EXCEEDED": {
        "sv": Text("Fondens kostnader hittills ({to_date:kr}, kolumnen '{column}') är {over:kr} mer än beviljat "
                   "belopp ({granted:kr}).",
                   "Kontrollera vad som belastar fonden och beskriv under Avvikelser hur kostnaderna utöver "
                   "beviljat belopp finansieras."),
        "en": Text("The fund's costs to date ({to_date:kr}, the column '{column}') are {over:kr} more than the "
                   "amount granted ({granted:kr}).",
                   "Check what the fund is charged with, and describe under Deviations how the costs beyond the "
                   "amount granted are paid for."),
    },
    "COST_FORECAST_EXCEEDED": {
        "sv": Text("Fondens kostnader hittills ({to_date:kr}) och prognosen ({forecast:kr}) blir {total:kr}, "
                   "{over:kr} mer än beviljat belopp ({granted:kr}).",
                   "De beviljade medlen ska räcka för hela genomförandet: anpassa planen, eller beskriv under "
                   "Avvikelser hur resten finansieras."),
        "en": Text("The fund's costs to date ({to_date:kr}) and the forecast ({forecast:kr}) come to {total:kr}, "
                   "{over:kr} more than the amount granted ({granted:kr}).",
                   "The funds granted must last the whole initiative: adjust the plan, or describe under "
                   "Deviations how the rest is paid for."),
    },
    "COST_FORECAST_EXCEEDED.share": {
        "sv": Text("Fondens kostnader hittills ({to_date:kr}) och fondens del av prognosen ({forecast:kr}: "
                   "{share:pct} av {forecast_cost:kr}) blir {total:kr}, {over:kr} mer än beviljat belopp "
                   "({granted:kr}).",
                   "De beviljade medlen ska räcka för hela genomförandet: anpassa planen, eller beskriv under "
                   "Avvikelser hur resten finansieras."),
        "en": Text("The fund's costs to date ({to_date:kr}) and the fund's part of the forecast ({forecast:kr}: "
                   "{share:pct} of {forecast_cost:kr}) come to {total:kr}, {over:kr} more than the amount granted "
                   "({granted:kr}).",
                   "The funds granted must last the whole initiative: adjust the plan, or describe under "
                   "Deviations how the rest is paid for."),
    },
    **explanation("COST_TOTAL_EXCEEDED",
                  ("Att fondens kostnader hittills, summan av kolumnen för fondens del av utfallet i rapportens "
                   "ekonomitabell, inte överstiger det belopp som beviljades i beslutet.",
                   "That the fund's costs to date, the sum of the column for the fund's part of the actual costs "
                   "in the report's economy table, do not exceed the amount granted in the decision."),
                  ("Fonden betalar i efterskott efter förbrukning, och bara det som beviljats. Beslutet kan "
                   "bevilja mindre än det sökta: rapporten jämförs med beslutet, aldrig med ansökan.",
                   "The fund pays afterwards on spending, and only what was granted. The decision may grant less "
                   "than was sought: the report is compared with the decision, never with the application."),
                  ("Beviljat 2 400 000 kr och fondens utfall hittills 2 450 000 kr.",
                   "2 400 000 kr granted and the fund's actual costs to date 2 450 000 kr.")),
    **explanation("COST_FORECAST_EXCEEDED",
                  ("Att fondens kostnader hittills och fondens del av rapportens prognos tillsammans ryms inom "
                   "beviljat belopp.",
                   "That the fund's costs to date and the fund's part of the report's forecast together fit "
                   "within the amount granted."),
                  ("De beviljade medlen ska räcka för hela satsningen; en prognos över beviljat belopp behöver "
                   "hanteras innan pengarna är slut.",
                   "The funds granted must last the whole initiative; a forecast over the amount granted must be "
                   "dealt with before the money runs out."),
                  ("Beviljat 2 400 000 kr, 2 300 000 kr hittills och en prognos på 450 000 kr.",
                   "2 400 000 kr granted, 2 300 000 kr to date and a forecast of 450 000 kr.")),
    # what a profile demands (`socinv rules`, demands)
    "grant.against_beslut": {"sv": Text("jämförs med beviljat belopp i beslutet, inte med det sökta"),
                             "en": Text("compared with the amount granted in the decision, not the amount sought")},
})


RULE = Rule("grant", (Code.COST_TOTAL_EXCEEDED, Code.COST_FORECAST_EXCEEDED), check, needs=("report_costs",),
            words=WORDS, demands=demands)

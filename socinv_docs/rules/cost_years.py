"""COST_YEAR_OVER_PLAN: a calendar year's costs against the plan's budget for that year.

What: for each calendar year of a report's Ekonomi, the year's utfall (its kostnadsslag rows,
else its sum row) stays within the plan's budget for the year (the approved budget turned
into calendar years, Plan.budget); where the plan shows the fund's part of the year, the
year's varav fonden stays within it too; and where the funder caps what the fund pays in a
year (`max_fund_per_year`), the year's varav fonden stays under the cap — that one needs no
plan. One finding per year, for the weightiest reason: over the funder's cap, else the cost
over the plan, else the fund's part over the plan. The year in progress is compared by what
it has cost so far: being over the whole year's budget by August is over.
Why: the funders differ, so the severity is the funder's (`severity`). Örebro: "Fördelning
mellan åren är upp till varje enskild satsning att besluta över" (seed 000) — a year over its
plan is a warning there, for the processledare to know. Region Gävleborg caps each year:
"Ansökt belopp maximalt 500 000 Svenska Kronor (SEK) per år upp till tre år" — an error there.
Example: plan 2027 1 350 000 kr, utfall 2027 1 420 000 kr → COST_YEAR_OVER_PLAN on 2027
(over by 70 000 kr); Gävleborg, varav sociala investeringsmedel 2027 520 000 kr → an error
naming the cap of 500 000 kr.
Options: `severity` (warning | error), `max_fund_per_year` (kronor, or none).
Needs the plan (the cap too: a report checked alone is compared with nothing; a pre-filled
report carries its plan), and for the comparison a plan with a budget. Reads the role
`report_costs`.
"""

from typing import Annotated, Literal

from annotated_types import Interval

from socinv_docs import roles
from socinv_docs.codes import Code, Severity
from socinv_docs.messages import RuleWords, Text, explanation, msg
from socinv_docs.rules import against_plan
from socinv_docs.rules.base import Rule, RuleOptions


class Options(RuleOptions):
    severity: Literal["error", "warning"] = "warning"
    max_fund_per_year: Annotated[int, Interval(ge=0)] | None = None


def check(doc, ctx):
    plan = ctx.plan
    if plan is None:
        return
    role = ctx.kind.roles.report_costs
    costs = against_plan.report_costs(doc, ctx.kind)
    cap = ctx.options.max_fund_per_year
    section = against_plan.table_section(ctx.kind, role.table)
    severity = Severity(ctx.options.severity)
    for year, costs_of in costs.years.items():
        if year is None:
            continue  # rows before any year: no year to compare
        actual, fund = costs_of.amount("actual"), costs_of.amount("fund")
        if cap is not None and fund is not None and fund > cap:
            yield ctx.finding(Code.COST_YEAR_OVER_PLAN, severity=severity, section=section,
                              where=costs_of.where(role.fund), variant="cap", year=year, amount=fund, ceiling=cap,
                              over=fund - cap, column=roles.column_label(ctx.kind, role.table, role.fund))
            continue
        if not plan.budget:
            continue  # a plan without a budget: nothing to compare the year with
        planned = plan.budget_of(year)
        if actual is not None and actual > planned:
            yield ctx.finding(Code.COST_YEAR_OVER_PLAN, severity=severity, section=section,
                              where=costs_of.where(role.actual), year=year, amount=actual, planned=planned,
                              over=actual - planned)
            continue
        planned_fund = plan.fund_of(year)
        if planned_fund is not None and fund is not None and fund > planned_fund:
            yield ctx.finding(Code.COST_YEAR_OVER_PLAN, severity=severity, section=section,
                              where=costs_of.where(role.fund), variant="fund", year=year, amount=fund,
                              planned=planned_fund, over=fund - planned_fund,
                              column=roles.column_label(ctx.kind, role.table, role.fund))


def demands(code, options, profile, schemas) -> list[dict]:
    found = [msg(f"cost_years.{options.severity}")]
    if options.max_fund_per_year is not None:
        found.append(msg("cost_years.cap", ceiling=options.max_fund_per_year))
    return found


# -- its words: what its findings say, and what `socinv rules` says about its codes ----------
WORDS = RuleWords(__name__, {
    "COST_YEAR_OVER_PLAN": {
        "sv": Text("Utfallet för {year} ({amount:kr}) är {over:kr} mer än planens budget för året ({planned:kr}).",
                   "Beskriv under Avvikelser varför året kostar mer och hur det påverkar de kommande åren."),
        "en": Text("The actual costs of {year} ({amount:kr}) are {over:kr} more than the plan's budget for the year "
                   "({planned:kr}).",
                   "Describe under Deviations why the year costs more and how it affects the years to come."),
    },
    "COST_YEAR_OVER_PLAN.fund": {
        "sv": Text("Fondens del av utfallet för {year} ({amount:kr}, kolumnen '{column}') är {over:kr} mer än "
                   "planens belopp ur fonden för året ({planned:kr}).",
                   "Beskriv under Avvikelser varför fonden belastas mer än planerat det året."),
        "en": Text("The fund's part of the actual costs of {year} ({amount:kr}, the column '{column}') is "
                   "{over:kr} more than the plan's amount from the fund for the year ({planned:kr}).",
                   "Describe under Deviations why the fund is charged more than planned that year."),
    },
    "COST_YEAR_OVER_PLAN.cap": {
        "sv": Text("Fondens del av utfallet för {year} ({amount:kr}, kolumnen '{column}') är {over:kr} över "
                   "finansiärens tak på {ceiling:kr} per år.",
                   "Fonden betalar högst {ceiling:kr} per år: det överskjutande får finansieras på annat sätt."),
        "en": Text("The fund's part of the actual costs of {year} ({amount:kr}, the column '{column}') is "
                   "{over:kr} over the funder's ceiling of {ceiling:kr} a year.",
                   "The fund pays at most {ceiling:kr} a year: the excess must be paid for otherwise."),
    },
    **explanation("COST_YEAR_OVER_PLAN",
                  ("Att varje kalenderårs utfall i rapportens ekonomitabell ryms inom planens budget för året, "
                   "och fondens del inom finansiärens tak per år där finansiären har ett.",
                   "That each calendar year's actual costs in the report's economy table fit within the plan's "
                   "budget for the year, and the fund's part within the funder's ceiling a year where the "
                   "funder has one."),
                  ("Finansiärerna ser olika på åren: där fördelningen mellan åren är satsningens egen är ett år "
                   "över plan en upplysning, där finansiären sätter ett tak per år är det ett fel.",
                   "Funders differ on the years: where the split between years is the initiative's own, a year "
                   "over plan is for information; where the funder caps each year, it is an error."),
                  ("Planen för 2027 är 1 350 000 kr och utfallet 2027 är 1 420 000 kr.",
                   "The plan for 2027 is 1 350 000 kr and the actual costs of 2027 are 1 420 000 kr."),
                  severity=("varning, eller fel där finansiären sätter ett tak per år",
                            "warning, or error where the funder caps each year")),
    # what a profile demands (`socinv rules`, demands)
    "cost_years.warning": {"sv": Text("ett år över plan är en varning"), "en": Text("a year over plan is a warning")},
    "cost_years.error": {"sv": Text("ett år över plan är ett fel"), "en": Text("a year over plan is an error")},
    "cost_years.cap": {"sv": Text("högst {ceiling:kr} per år ur fonden"),
                       "en": Text("at most {ceiling:kr} a year from the fund")},
})


RULE = Rule("cost_years", (Code.COST_YEAR_OVER_PLAN,), check, options=Options, needs=("report_costs",),
            words=WORDS, demands=demands)

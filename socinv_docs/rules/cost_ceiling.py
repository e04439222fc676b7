"""COST_CEILING_EXCEEDED.

What: the amount sought from the fund stays under the funder's ceilings: per year (each
year row of the budget) and in total. With `of: cost` the ceilings apply to the cost.
Why: funders cap what one satsning may get, e.g. "högst 500 000 kronor per år" (Region
Gävleborg's sociala investeringsmedel).
Example: År 2 sought 650 000 kr with `max_per_year: 500000` → COST_CEILING_EXCEEDED on År 2.
Options: `max_per_year`, `max_total`, `of` (fund | cost). Reads the roles `budget` and/or `amount`.
"""

from typing import Literal

from socinv_docs import economics, roles
from socinv_docs.codes import Code
from socinv_docs.messages import RuleWords, Text, explanation, msg
from socinv_docs.rules.base import Rule, RuleOptions


class Options(RuleOptions):
    max_per_year: int | None = None
    max_total: int | None = None
    of: Literal["fund", "cost"] = "fund"


def check(doc, ctx):
    options, budget = ctx.options, ctx.kind.roles.budget
    rows = roles.budget_rows(doc, ctx.kind)
    if options.of == "fund" and budget is not None and budget.fund:
        column = budget.fund
        per_year = {r.label: (r.amounts.get(column), r.cells.get(column, r.location)) for r in rows if not r.is_total}
    elif budget is not None:
        per_year = {r.label: (economics.row_sum(r, budget.components, budget.total), r.location)
                    for r in rows if not r.is_total}
    else:
        per_year = {}
    if options.max_per_year is not None:
        for label, (value, where) in per_year.items():
            if value is not None and value > options.max_per_year:
                what = msg("ceiling.per_year" if options.of == "fund" else "ceiling.cost_per_year", year=label)
                yield ctx.finding(Code.COST_CEILING_EXCEEDED, section=budget.table, where=where, what=what,
                                  amount=value, ceiling=options.max_per_year, **_variant(options))
    if options.max_total is not None:
        econ = ctx.economics
        if options.of == "fund":
            total = roles.amount(doc, ctx.kind) or (econ.requested if econ is not None else None)
            field = roles.field_of(doc, ctx.kind.roles.amount)
            where, about = (field.location if field is not None else None), {"field": ctx.kind.roles.amount}
        else:  # the cost: at the budget's total row (else the table), not at the amount sought
            total = econ.cost if econ is not None else None
            row = next((r for r in rows if r.is_total), None)
            table = doc.tables.get(budget.table) if budget is not None else None
            where = row.location if row is not None else table.location if table is not None else None
            about = {"section": budget.table} if budget is not None else {"field": ctx.kind.roles.amount}
        if total is not None and total > options.max_total:
            what = msg("ceiling.total" if options.of == "fund" else "ceiling.cost_total")
            yield ctx.finding(Code.COST_CEILING_EXCEEDED, **about, where=where, what=what,
                              amount=total, ceiling=options.max_total, **_variant(options))


def _variant(options) -> dict:
    """A ceiling on the cost is said as one: what is over is the cost, and lowering the amount
    sought would not bring it under (the variant "cost")."""
    return {"variant": "cost"} if options.of == "cost" else {}



def demands(code, options, profile, schemas) -> list[dict]:
    of = options.of
    found = [msg(f"ceiling.demand_per_year_{of}", ceiling=options.max_per_year)] if options.max_per_year else []
    return found + ([msg(f"ceiling.demand_total_{of}", ceiling=options.max_total)] if options.max_total else [])

# -- its words: what its findings say, and what `socinv rules` says about its codes ----------
WORDS = RuleWords(__name__, {
    "COST_CEILING_EXCEEDED": {
        "sv": Text("{what} är {amount:kr}; högst {ceiling:kr} kan beviljas.",
                   "Minska det sökta beloppet till högst {ceiling:kr}."),
        "en": Text("{what} is {amount:kr}; at most {ceiling:kr} can be granted.",
                   "Reduce the amount applied for to at most {ceiling:kr}."),
    },
    "COST_CEILING_EXCEEDED.cost": {  # a ceiling on the cost, not on what the fund pays
        "sv": Text("{what} är {amount:kr}; finansiären godtar en kostnad på högst {ceiling:kr}.",
                   "Minska satsningens kostnader till högst {ceiling:kr}, eller dela upp den i mindre satsningar."),
        "en": Text("{what} is {amount:kr}; the funder accepts a cost of at most {ceiling:kr}.",
                   "Reduce the initiative's costs to at most {ceiling:kr}, or split it into smaller initiatives."),
    },
    "ceiling.per_year": {"sv": Text("Sökt belopp för {year}"), "en": Text("The amount applied for in {year}")},
    "ceiling.total": {"sv": Text("Sökt belopp totalt"), "en": Text("The total amount applied for")},
    "ceiling.cost_per_year": {"sv": Text("Kostnaden för {year}"), "en": Text("The cost in {year}")},
    "ceiling.cost_total": {"sv": Text("Den totala kostnaden"), "en": Text("The total cost")},
    # Rules a funder's profile may enable (none of them in Örebro's or Mölndal's profile).
    **explanation("COST_CEILING_EXCEEDED",
            ("Att det sökta beloppet håller sig under finansiärens tak, per år och totalt. Gäller där profilen "
             "anger det (socinv profiles NAMN).",
             "That the amount sought stays under the funder's ceilings, per year and in total. Applies where "
             "the profile sets it (socinv profiles NAME)."),
            ("Finansiärer begränsar vad en satsning kan få, t.ex. Region Gävleborgs sociala investeringsmedel: "
             "\"högst 500 000 kronor per år\". Profilen citerar finansiärens egna ord.",
             "Funders cap what one initiative may get, e.g. Region Gävleborg's social investment funds "
             "(translated): \"at most 500 000 kronor a year\". The profile quotes the funder's own words."),
            ("År 2 söker 650 000 kr när taket är 500 000 kr per år.",
             "Year 2 seeks 650 000 kr where the ceiling is 500 000 kr a year.")),
    # what a profile demands (`socinv rules`, demands)
    "ceiling.demand_per_year_fund": {"sv": Text("högst {ceiling:kr} per år ur fonden"),
                                     "en": Text("at most {ceiling:kr} a year from the fund")},
    "ceiling.demand_total_fund": {"sv": Text("högst {ceiling:kr} totalt ur fonden"),
                                  "en": Text("at most {ceiling:kr} in all from the fund")},
    "ceiling.demand_per_year_cost": {"sv": Text("en kostnad på högst {ceiling:kr} per år"),
                                     "en": Text("a cost of at most {ceiling:kr} a year")},
    "ceiling.demand_total_cost": {"sv": Text("en kostnad på högst {ceiling:kr} totalt"),
                                  "en": Text("a cost of at most {ceiling:kr} in all")},
})


RULE = Rule("cost_ceiling", (Code.COST_CEILING_EXCEEDED,), check,
            options=Options, needs=("budget|amount",), words=WORDS,
            demands=demands)

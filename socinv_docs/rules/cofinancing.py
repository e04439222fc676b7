"""FUND_SHARE_TOO_HIGH, OWN_SHARE_TOO_LOW (and FIELD_INVALID for unreadable co-financing).

What: the fund pays at most the funder's share of the cost, and the applicants put in at
least their share themselves, in money, in working hours counted at the profile's rate
(economics.hour_rate), or in the value of their own work in kronor (the role's `in_kind`).
Why: funders that co-finance, e.g. "sociala investeringsmedel kan finansiera högst 50
procent av kostnaden" (Region Gävleborg).
Example: cost 1 200 000 kr, sought 800 000 kr, `max_fund_share: 0.5` → FUND_SHARE_TOO_HIGH.
Options: `max_fund_share`, `min_own_share` (0–1). Reads the roles `budget`, `amount` and
`cofinancing`; needs the profile's `economics`.
"""

from typing import Annotated

from annotated_types import Interval

from socinv_docs import roles
from socinv_docs.codes import Code
from socinv_docs.messages import RuleWords, Text, explanation, msg
from socinv_docs.rules.base import Rule, RuleOptions
from socinv_docs.rules.fields import invalid_table_cell
from socinv_docs.schema import SchemaProblem

TOLERANCE = 0.0005  # a share rounded in the applicant's spreadsheet


class Options(RuleOptions):
    max_fund_share: Annotated[float, Interval(ge=0, le=1)] | None = None
    min_own_share: Annotated[float, Interval(ge=0, le=1)] | None = None

    def check_against(self, profile, kinds, common) -> None:
        if profile.economics is None:
            raise SchemaProblem("schema.needs_economics", rule="cofinancing")


def check(doc, ctx):
    role = ctx.kind.roles.cofinancing
    for row in roles.cofinancing_rows(doc, ctx.kind):
        for column, raw in row.invalid:
            type_key = "type.hours" if column == role.hours else "type.amount"
            yield invalid_table_cell(ctx, role.table, row.party, roles.column_label(ctx.kind, role.table, column),
                                     raw, type_key, row.cells.get(column, row.location))
    econ = ctx.economics
    cost, requested = (econ.cost, econ.requested) if econ is not None else (None, None)
    budget = ctx.kind.roles.budget
    where = _total_cell(doc, ctx, budget.fund) or (doc.tables[budget.table].location
                                                   if budget.table in doc.tables else None)
    if not cost:
        return
    if ctx.options.max_fund_share is not None and requested is not None:
        share = requested / cost
        if share > ctx.options.max_fund_share + TOLERANCE:
            yield ctx.finding(Code.FUND_SHARE_TOO_HIGH, section=budget.table, where=where, requested=requested,
                              cost=cost, share=round(share, 4), maximum=ctx.options.max_fund_share)
    own = econ.shares.own_contribution if econ.shares is not None else None
    if ctx.options.min_own_share is not None and role is not None:
        share = (own or 0) / cost
        if share < ctx.options.min_own_share - TOLERANCE:
            table = doc.tables.get(role.table)
            # The hint says what the form counts: working hours, or the value of own work in kronor.
            words = econ.shares.own_words if econ.shares is not None else "hours"
            yield ctx.finding(Code.OWN_SHARE_TOO_LOW, section=role.table,
                              where=table.location if table is not None else where, own=own or 0, cost=cost,
                              share=round(share, 4), minimum=ctx.options.min_own_share,
                              **({} if words == "hours" else {"variant": words}))


def _total_cell(doc, ctx, column: str | None):
    """Where the budget states the column's total (the fund's part): its total row's cell,
    or the column's header when the template has no total row."""
    table = doc.tables.get(ctx.kind.roles.budget.table)
    if not column or table is None:
        return None
    total = next((r for r in roles.budget_rows(doc, ctx.kind) if r.is_total), None)
    if total is None:
        return table.cell(table.location, column)
    return total.cells.get(column) or table.cell(total.location, column)



def demands(code, options, profile, schemas) -> list[dict]:
    if code is Code.FUND_SHARE_TOO_HIGH and options.max_fund_share is not None:
        return [msg("cofinancing.fund_share", maximum=options.max_fund_share)]
    if code is Code.OWN_SHARE_TOO_LOW and options.min_own_share is not None:
        rate = profile.economics.hour_rate if profile.economics else None
        in_kind = any(schemas.kinds[k].roles.cofinancing and schemas.kinds[k].roles.cofinancing.in_kind
                      for k in (options.kinds or profile.kinds))
        key = "cofinancing.own_share" if rate else "cofinancing.own_share_in_kind" if in_kind else \
            "cofinancing.own_share_money"
        return [msg(key, minimum=options.min_own_share, rate=rate)]
    return []

# -- its words: what its findings say, and what `socinv rules` says about its codes ----------
WORDS = RuleWords(__name__, {
    "FUND_SHARE_TOO_HIGH": {
        "sv": Text("Det sökta beloppet ({requested:kr}) är {share:pct} av kostnaden ({cost:kr}); fonden står "
                   "för högst {maximum:pct}.",
                   "Öka medfinansieringen eller minska det sökta beloppet."),
        "en": Text("The amount applied for ({requested:kr}) is {share:pct} of the cost ({cost:kr}); the fund pays "
                   "at most {maximum:pct}.",
                   "Increase the co-financing or reduce the amount applied for."),
    },
    "OWN_SHARE_TOO_LOW": {
        "sv": Text("Medfinansieringen ({own:kr}) är {share:pct} av kostnaden ({cost:kr}); minst {minimum:pct} krävs.",
                   "Redovisa sökandes egna insatser i pengar eller arbetstid."),
        "en": Text("The co-financing ({own:kr}) is {share:pct} of the cost ({cost:kr}); at least {minimum:pct} is "
                   "required.",
                   "Show the applicants' own contribution in money or working hours."),
    },
    "OWN_SHARE_TOO_LOW.in_kind": {  # the form values the applicants' own work in kronor, not in hours
        "sv": Text("", "Redovisa sökandes egna insatser i pengar eller som värdet av eget arbete i kronor."),
        "en": Text("", "Show the applicants' own contribution in money or as the value of their own work in kronor."),
    },
    "OWN_SHARE_TOO_LOW.cash": {  # the form counts money only
        "sv": Text("", "Redovisa sökandes egna insatser i pengar."),
        "en": Text("", "Show the applicants' own contribution in money."),
    },
    **explanation("FUND_SHARE_TOO_HIGH",
            ("Att fonden står för högst finansiärens andel av kostnaden. Gäller där profilen anger det.",
             "That the fund pays at most the funder's share of the cost. Applies where the profile sets it."),
            ("Finansiärer som kräver medfinansiering, t.ex. Region Gävleborg: \"sociala investeringsmedel kan "
             "finansiera högst 50 procent av kostnaden\".",
             "Funders that require co-financing, e.g. Region Gävleborg (translated): \"social investment funds "
             "may finance at most 50 percent of the cost\"."),
            ("Kostnad 1 200 000 kr och sökt belopp 800 000 kr när fonden står för högst 50 %.",
             "Cost 1 200 000 kr and 800 000 kr sought where the fund pays at most 50 %.")),
    **explanation("OWN_SHARE_TOO_LOW",
            ("Att de sökande själva står för minst finansiärens andel av kostnaden, i pengar, i arbetstid "
             "räknad till profilens timpris eller i eget arbete värderat i kronor, efter vad mallen frågar efter. "
             "Gäller där profilen anger det.",
             "That the applicants themselves put in at least the funder's share of the cost, in money, in "
             "working hours at the profile's rate or in their own work valued in kronor, as the form asks. "
             "Applies where the profile sets it."),
            ("Finansiärer som kräver en egen insats av de sökande; profilen citerar villkoret.",
             "Funders that require the applicants' own contribution; the profile quotes the condition."),
            ("Medfinansiering 100 000 kr av en kostnad på 1 000 000 kr när minst 20 % krävs.",
             "Co-financing of 100 000 kr on a cost of 1 000 000 kr where at least 20 % is required.")),
    # what a profile demands (`socinv rules`, demands)
    "cofinancing.fund_share": {"sv": Text("fonden står för högst {maximum:pct} av kostnaden"),
                               "en": Text("the fund pays at most {maximum:pct} of the cost")},
    "cofinancing.own_share": {"sv": Text("de sökande står själva för minst {minimum:pct} av kostnaden, i pengar eller "
                                         "arbetstid ({rate:kr} per timme)"),
                              "en": Text("the applicants put in at least {minimum:pct} of the cost themselves, in money "
                                         "or working time ({rate:kr} an hour)")},
    "cofinancing.own_share_in_kind": {"sv": Text("de sökande står själva för minst {minimum:pct} av kostnaden, i pengar "
                                                 "eller eget arbete värderat i kronor"),
                                      "en": Text("the applicants put in at least {minimum:pct} of the cost themselves, in "
                                                 "money or their own work valued in kronor")},
    "cofinancing.own_share_money": {"sv": Text("de sökande står själva för minst {minimum:pct} av kostnaden"),
                                    "en": Text("the applicants put in at least {minimum:pct} of the cost themselves")},
})


RULE = Rule("cofinancing", (Code.FUND_SHARE_TOO_HIGH, Code.OWN_SHARE_TOO_LOW, Code.FIELD_INVALID), check,
            options=Options, needs=("budget",), words=WORDS,
            demands=demands)

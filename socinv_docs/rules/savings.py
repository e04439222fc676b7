"""SAVINGS_BELOW_COST, SAVINGS_HORIZON_EXCEEDED (and FIELD_INVALID for unreadable savings).

What: the savings expected for the parties, counted for at most the funder's horizon (10
years) after the end, cover the cost; a party claiming more years gets a warning (only the
horizon counts). With a discount rate in the profile, present values are compared.
Why: seed 000, "Finansiering, effekthemtagning och implementering": "minst lika stora
kostnadsbesparande effekter som satsningen kostar ... begränsas till en period på tio år,
från och med att satsningen avslutats."
Example: cost 3 600 000 kr, savings 300 000 kr/år × 10 år = 3 000 000 kr → SAVINGS_BELOW_COST.
Reads the role `savings` (and the cost: `budget` or `amount`); needs the profile's `economics`.
"""

from socinv_docs import roles
from socinv_docs.codes import Code
from socinv_docs.messages import RuleWords, Text, explanation, msg
from socinv_docs.rules.base import Rule, RuleOptions
from socinv_docs.rules.fields import invalid_table_cell
from socinv_docs.schema import SchemaProblem


class Options(RuleOptions):
    def check_against(self, profile, kinds, common) -> None:
        if profile.economics is None:  # the savings are counted by the economics' horizon
            raise SchemaProblem("schema.needs_economics", rule="savings")
        for i, kind in enumerate(self.kinds or []):
            if kind not in profile.economics.kinds:
                raise SchemaProblem("schema.economics_kind", "kinds", i, kind=kind, rule="savings")


def check(doc, ctx):
    role = ctx.kind.roles.savings
    horizon = ctx.profile.economics.horizon_years
    rows = roles.savings_rows(doc, ctx.kind)
    for row in rows:
        for column, raw in row.invalid:
            type_key = "type.amount" if column == role.per_year else "type.duration"
            yield invalid_table_cell(ctx, role.table, row.party, roles.column_label(ctx.kind, role.table, column), raw,
                                     type_key, row.cells.get(column, row.location))
        if row.years is not None and row.years > horizon:
            yield ctx.finding(Code.SAVINGS_HORIZON_EXCEEDED, section=role.table,
                              where=row.cells.get(role.years, row.location),  # the years cell
                              namnd=row.party, years=row.years, horizon=horizon)
    econ = ctx.economics
    if econ is None or econ.cost is None:
        return  # nothing to weigh: no cost table and no sökt belopp (FIELD_MISSING says so)
    # No savings filled in at all counts as 0 kr: the ansökan has not shown that the
    # satsning pays for itself, which is what the rule asks.
    savings = econ.present_value.savings if econ.present_value is not None else econ.savings_total
    if savings < econ.cost:
        table = doc.tables.get(role.table)
        yield ctx.finding(Code.SAVINGS_BELOW_COST, section=role.table, where=table.location if table else None,
                          savings=savings, cost=econ.cost, horizon=horizon)



def demands(code, options, profile, schemas) -> list[dict]:
    economics = profile.economics
    if code is Code.SAVINGS_HORIZON_EXCEEDED:
        return [msg("savings.horizon", horizon=economics.horizon_years)]
    if code is not Code.SAVINGS_BELOW_COST:
        return []
    discounted = [msg("savings.discounted", rate=economics.discount_rate * 100)] if economics.discount_rate else \
        [msg("savings.rate_schedule")] if economics.discounted else []
    return [msg("savings.cover", horizon=economics.horizon_years), *discounted]

# -- its words: what its findings say, and what `socinv rules` says about its codes ----------
WORDS = RuleWords(__name__, {
    "SAVINGS_BELOW_COST": {
        "sv": Text("Förväntade besparingar ({savings:kr}) inom {horizon} år efter avslut täcker inte kostnaden ({cost:kr}).",
                   "Besparingarna ska vara minst lika stora som kostnaden."),
        "en": Text("Expected savings ({savings:kr}) within {horizon} years after the end do not cover the cost ({cost:kr}).",
                   "Savings must be at least as large as the cost."),
    },
    "SAVINGS_HORIZON_EXCEEDED": {
        "sv": Text("Besparingar för '{namnd}' räknas i {years:num} år; högst {horizon} år efter avslut räknas.",
                   "Ange högst {horizon} år."),
        "en": Text("Savings for '{namnd}' are claimed for {years:num} years; at most {horizon} years count.",
                   "Claim at most {horizon} years."),
    },
    **explanation("SAVINGS_BELOW_COST",
                  ("Att de förväntade besparingarna, räknade inom finansiärens horisont efter avslut (som nuvärden "
                   "där finansiären diskonterar), är minst lika stora som kostnaden.",
                   "That the expected savings, counted within the funder's horizon after the end (as present "
                   "values where the funder discounts), are at least as large as the cost."),
                  ("En social investering ska betala sig: finansiären kräver att besparingarna täcker kostnaden "
                   "inom en tid den själv bestämmer.",
                   "A social investment is to pay for itself: the funder requires the savings to cover the cost "
                   "within a time it sets itself."),
                  ("Kostnad 3 600 000 kr och besparingar som inom horisonten blir 3 000 000 kr.",
                   "A cost of 3 600 000 kr and savings that come to 3 000 000 kr within the horizon.")),
    **explanation("SAVINGS_HORIZON_EXCEEDED",
                  ("Besparingar räknade för fler år efter avslut än finansiärens horisont: bara horisontens år "
                   "räknas.",
                   "Savings claimed for more years after the end than the funder's horizon: only the horizon's "
                   "years count."),
                  ("Finansiären bestämmer hur långt efter avslut besparingar får räknas.",
                   "The funder decides how far after the end savings may be counted."),
                  ("\"Socialnämnden | 300 000 | 12\" i tabellen över ekonomiska effekter, när horisonten är "
                   "kortare än 12 år.",
                   "\"Socialnämnden | 300 000 | 12\" in the table of economic effects, where the horizon is "
                   "shorter than 12 years.")),
    # what a profile demands (`socinv rules`, demands)
    "savings.cover": {"sv": Text("besparingarna inom {horizon} år efter avslut ska täcka kostnaden"),
                      "en": Text("the savings within {horizon} years after the end must cover the cost")},
    "savings.discounted": {"sv": Text("som nuvärden med {rate:num} % diskonteringsränta"),
                           "en": Text("as present values at a {rate:num} % discount rate")},
    "savings.rate_schedule": {"sv": Text("som nuvärden med profilens trappa av diskonteringsräntor"),
                              "en": Text("as present values at the profile's stepped discount rates")},
    "savings.horizon": {"sv": Text("högst {horizon} år efter avslut räknas"),
                        "en": Text("at most {horizon} years after the end count")},
})


RULE = Rule("savings", (Code.SAVINGS_BELOW_COST, Code.SAVINGS_HORIZON_EXCEEDED, Code.FIELD_INVALID), check,
            options=Options, needs=("savings",), words=WORDS,
            demands=demands)

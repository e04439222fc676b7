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
from socinv_docs.messages import RuleWords, Text, explanation
from socinv_docs.rules.base import Rule, RuleOptions
from socinv_docs.rules.fields import invalid_table_cell


class Options(RuleOptions):
    def check_against(self, profile, kinds, common) -> None:
        counted = profile.economics.kinds if profile.economics else []
        stray = [k for k in (self.kinds or []) if k not in counted]
        if profile.economics is None or stray:
            raise ValueError(f"kinds: the profile's economics must count {stray or 'these kinds'} "
                             "(economics.kinds: horizon and discounting)")


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
    summary = ctx.economics
    if not summary or summary.get("cost") is None:
        return  # nothing to weigh: no cost table and no sökt belopp (FIELD_MISSING says so)
    # No savings filled in at all counts as 0 kr: the ansökan has not shown that the
    # satsning pays for itself, which is what the rule asks.
    savings = summary.get("savings_present_value", summary["savings_total"])
    if savings < summary["cost"]:
        table = doc.tables.get(role.table)
        yield ctx.finding(Code.SAVINGS_BELOW_COST, section=role.table, where=table.location if table else None,
                          savings=savings, cost=summary["cost"], horizon=horizon)


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
            ("Att de förväntade besparingarna, räknade högst tio år efter avslut, är minst lika stora som "
             "kostnaden.",
             "That the expected savings, counted at most ten years after the end, are at least as large as the "
             "cost."),
            ('Örebros riktlinjer (2020): "För att en ansökan ska godkännas krävs att antaganden kan göras om att satsningen kommer '
             'generera minst lika stora kostnadsbesparande effekter som satsningen kostar att genomföra."',
             'The Örebro guidelines (2020, translated): "For an application to be approved, it must be possible to assume that the '
             'initiative will generate cost-saving effects at least as large as it costs to carry out."'),
            ("Kostnad 3 600 000 kr; besparing 300 000 kr/år × 10 år = 3 000 000 kr.",
             "Cost 3 600 000 kr; savings 300 000 kr/year × 10 years = 3 000 000 kr.")),
    **explanation("SAVINGS_HORIZON_EXCEEDED",
            ("Besparingar räknade för fler än tio år efter avslut: bara tio år räknas.",
             "Savings claimed for more than ten years after the end: only ten years count."),
            ('Örebros riktlinjer (2020): "Beräkningen av förväntade kostnadsbesparingar begränsas till en period på tio år, från '
             'och med att satsningen avslutats."',
             'The Örebro guidelines (2020, translated): "The calculation of expected savings is limited to a period of ten years '
             'from the end of the initiative."'),
            ("\"Socialnämnden | 300 000 | 12\" i tabellen över ekonomiska effekter.",
             "\"Socialnämnden | 300 000 | 12\" in the table of economic effects.")),
})


RULE = Rule("savings", (Code.SAVINGS_BELOW_COST, Code.SAVINGS_HORIZON_EXCEEDED, Code.FIELD_INVALID), check,
            options=Options, needs=("savings",), words=WORDS)

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
from socinv_docs.rules.base import Rule, RuleOptions, invalid_table_cell


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


RULE = Rule("savings", (Code.SAVINGS_BELOW_COST, Code.SAVINGS_HORIZON_EXCEEDED, Code.FIELD_INVALID), check, options=Options, needs=("savings",))

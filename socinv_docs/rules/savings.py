"""SAVINGS_BELOW_COST, SAVINGS_HORIZON_EXCEEDED (and FIELD_INVALID for unreadable savings).

What: the savings expected for the nämnder, counted for at most the profile's horizon (10
years) after the end, cover the cost; a nämnd claiming more years gets a warning (only the
horizon counts). With a discount rate in the profile, present values are compared.
Why: seed 000, "Finansiering, effekthemtagning och implementering": "minst lika stora
kostnadsbesparande effekter som satsningen kostar ... begränsas till en period på tio år,
från och med att satsningen avslutats."
Example: cost 3 600 000 kr, savings 300 000 kr/år × 10 år = 3 000 000 kr → SAVINGS_BELOW_COST.
"""

from socinv_docs import economics
from socinv_docs.codes import Code
from socinv_docs.rules.base import invalid_table_cell, rule


@rule(Code.SAVINGS_BELOW_COST, Code.SAVINGS_HORIZON_EXCEEDED, Code.FIELD_INVALID)
def check(doc, ctx):
    spec = ctx.profile.economics
    if spec is None or doc.kind not in spec.kinds:
        return
    table = doc.tables.get(spec.effects_table)
    rows = economics.savings_rows(table)
    for row in rows:
        for column, raw in row.invalid:
            type_key = "type.amount" if column == "besparing_per_ar" else "type.duration"
            yield invalid_table_cell(ctx, spec.effects_table, row.namnd, column, raw, type_key, row.location)
        if row.years is not None and row.years > spec.horizon_years:
            yield ctx.finding(Code.SAVINGS_HORIZON_EXCEEDED, section=spec.effects_table, where=row.location,
                              namnd=row.namnd, years=row.years, horizon=spec.horizon_years)
    summary = ctx.economics
    if not summary or summary.get("cost") is None:
        return  # nothing to weigh: no cost table and no sökt belopp (FIELD_MISSING says so)
    # No savings filled in at all counts as 0 kr: the ansökan has not shown that the
    # satsning pays for itself, which is what the rule asks.
    savings = summary.get("savings_present_value", summary["savings_total"])
    if savings < summary["cost"]:
        where = table.location if table is not None else None
        yield ctx.finding(Code.SAVINGS_BELOW_COST, section=spec.effects_table, where=where,
                          savings=savings, cost=summary["cost"], horizon=spec.horizon_years)

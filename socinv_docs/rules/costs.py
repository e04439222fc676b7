"""COSTS_INCONSISTENT (and FIELD_INVALID for unreadable amounts in the cost table).

What: in the cost table each year's Personal + Lokaler + Övrigt equals its Summa, the year
rows add up to Totalt, and Totalt equals the sökt belopp.
Why: seed 000: "I samband med ansökan tas en budget ... fram, där det tydligt ska framgå
vilka kostnader som kommer belasta fonden" — a budget that does not add up cannot be
assessed.
Example: År 1–4 sum to 3 500 000 kr but Totalt says 3 600 000 kr → COSTS_INCONSISTENT.
"""

from socinv_docs import economics, messages
from socinv_docs.codes import Code
from socinv_docs.rules.base import invalid_table_cell, rule

TOLERANCE = 1  # kronor: rounding in a spreadsheet-made table


@rule(Code.COSTS_INCONSISTENT, Code.FIELD_INVALID)
def check(doc, ctx):
    spec = ctx.profile.economics
    if spec is None or doc.kind not in spec.kinds:
        return
    table = doc.tables.get(spec.costs_table)
    rows = economics.cost_rows(table)
    for row in rows:
        for column, raw in row.invalid:
            yield invalid_table_cell(ctx, spec.costs_table, row.label, column, raw, "type.amount", row.location)

    def inconsistent(detail_key, where, **params):
        return ctx.finding(Code.COSTS_INCONSISTENT, section=spec.costs_table, where=where,
                           detail=messages.msg(detail_key, **params))

    for row in rows:
        parts = [row.amounts.get(c) for c in economics.COST_COMPONENTS]
        summa = row.amounts.get("summa")
        if summa is not None and any(p is not None for p in parts):
            added = sum(p or 0 for p in parts)
            if abs(added - summa) > TOLERANCE:
                yield inconsistent("costs.row", row.location, row=row.label, parts=added, summa=summa)
    years = [r for r in rows if not r.is_total]
    totals = [r for r in rows if r.is_total]
    year_sums = [economics.row_sum(r) for r in years if economics.row_sum(r) is not None]
    if totals and year_sums:
        total = economics.row_sum(totals[0])
        if total is not None and abs(sum(year_sums) - total) > TOLERANCE:
            yield inconsistent("costs.total", totals[0].location, years=sum(year_sums), total=total)
    requested = doc.fields.get(spec.amount_field)
    cost = economics.total_cost(rows, None)
    if requested is not None and isinstance(requested.value, int) and cost is not None:
        if abs(cost - requested.value) > TOLERANCE:
            yield inconsistent("costs.requested", requested.location, total=cost, requested=requested.value)

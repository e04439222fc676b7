"""COSTS_INCONSISTENT (and FIELD_INVALID for unreadable amounts in the budget).

What: in the budget each year's components add up to the row's total, the year rows add up
to the total row, and the amount sought equals what the budget takes from the fund (its
fund column, or the whole cost where the fund pays all).
Why: seed 000: "I samband med ansökan tas en budget ... fram, där det tydligt ska framgå
vilka kostnader som kommer belasta fonden" — a budget that does not add up cannot be
assessed.
Example: År 1–4 sum to 3 500 000 kr but Totalt says 3 600 000 kr → COSTS_INCONSISTENT.
Reads the roles `budget` and `amount`.
"""

from socinv_docs import economics, messages, roles
from socinv_docs.codes import Code
from socinv_docs.rules.base import Rule, invalid_table_cell

TOLERANCE = 1  # kronor: rounding in a spreadsheet-made table


def check(doc, ctx):
    budget = ctx.kind.roles.budget
    rows = roles.budget_rows(doc, ctx.kind)
    for row in rows:
        for column, raw in row.invalid:
            yield invalid_table_cell(ctx, budget.table, row.label, roles.column_label(ctx.kind, budget.table, column),
                                     raw, "type.amount", row.cells.get(column, row.location))

    def inconsistent(detail_key, where, **params):
        return ctx.finding(Code.COSTS_INCONSISTENT, section=budget.table, where=where,
                           detail=messages.msg(detail_key, **params))

    total_label = roles.column_label(ctx.kind, budget.table, budget.total) if budget.total else ""
    for row in rows:
        parts = [row.amounts.get(c) for c in budget.components]
        summa = row.amounts.get(budget.total) if budget.total else None
        if summa is not None and any(p is not None for p in parts):
            added = sum(p or 0 for p in parts)
            if abs(added - summa) > TOLERANCE:
                yield inconsistent("costs.row", row.location, row=row.label,
                                   parts=added, summa=summa, column=total_label)
    year_sums = [s for s in (economics.row_sum(r, budget.components, budget.total) for r in rows if not r.is_total)
                 if s is not None]
    totals = [r for r in rows if r.is_total]
    if totals and year_sums:
        total = economics.row_sum(totals[0], budget.components, budget.total)
        if total is not None and abs(sum(year_sums) - total) > TOLERANCE:
            yield inconsistent("costs.total", totals[0].location,
                               years=sum(year_sums), total=total, row=totals[0].label)
    # The amount sought is what the budget takes from the fund: its fund column where the
    # funder co-finances, else the whole cost.
    requested = roles.field_of(doc, ctx.kind.roles.amount)
    if budget.fund:
        from_fund, detail = economics.column_total(rows, budget.fund), "costs.requested_fund"
    else:
        from_fund, detail = economics.total_cost(rows, budget.components, budget.total, None), "costs.requested"
    if requested is not None and isinstance(requested.value, int) and from_fund is not None:
        if abs(from_fund - requested.value) > TOLERANCE:
            yield inconsistent(detail, requested.location, total=from_fund, requested=requested.value,
                               column=roles.column_label(ctx.kind, budget.table, budget.fund) if budget.fund else "")


RULE = Rule("costs", (Code.COSTS_INCONSISTENT, Code.FIELD_INVALID), check, needs=("budget",))

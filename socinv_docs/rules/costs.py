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
from socinv_docs.messages import RuleWords, Text, explanation
from socinv_docs.rules.base import Rule
from socinv_docs.rules.fields import invalid_table_cell

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


# -- its words: what its findings say, and what `socinv rules` says about its codes ----------
WORDS = RuleWords(__name__, {
    "COSTS_INCONSISTENT": {
        "sv": Text("Kostnaderna går inte ihop: {detail}.", "Kontrollera summorna i kostnadstabellen."),
        "en": Text("The costs do not add up: {detail}.", "Check the sums in the cost table."),
    },
    "COSTS_INCONSISTENT.documents": {  # the ansökan against its budget bilaga (rules/consistency.py)
        "sv": Text("", "Skriv samma belopp i båda dokumenten."),
        "en": Text("", "Write the same amount in both documents."),
    },
    "COSTS_INCONSISTENT.period": {  # the budget's years against the period (rules/consistency.py)
        "sv": Text("", "Ge budgeten en rad per år i perioden, eller ändra perioden."),
        "en": Text("", "Give the budget a row for each year of the period, or change the period."),
    },
    # -- details of COSTS_INCONSISTENT -------------------------------------------------------
    "costs.row": {"sv": Text("raden '{row}' summerar till {parts:kr} men {column} är {summa:kr}"),
                  "en": Text("the row '{row}' adds up to {parts:kr} but {column} says {summa:kr}")},
    "costs.total": {"sv": Text("åren summerar till {years:kr} men {row} är {total:kr}"),
                    "en": Text("the years add up to {years:kr} but {row} says {total:kr}")},
    "costs.requested_fund": {"sv": Text("{column} är totalt {total:kr} men sökt belopp är {requested:kr}"),
                             "en": Text("{column} totals {total:kr} but the amount applied for is {requested:kr}")},
    "costs.documents": {"sv": Text("{label} i {file} är {requested:kr} men {column} i {other} är totalt {total:kr}"),
                        "en": Text("{label} in {file} is {requested:kr} but {column} in {other} totals {total:kr}")},
    "costs.period_project": {"sv": Text("budgeten i {other} har kostnader för {budgeted} år men perioden {start} – {end} "
                                        "är {years} år"),
                             "en": Text("the budget in {other} has costs for {budgeted} years but the period {start} – "
                                        "{end} is {years} years")},
    "costs.period_calendar": {"sv": Text("budgeten i {other} har kostnader för {years:and}, utanför perioden {start} – "
                                         "{end}"),
                              "en": Text("the budget in {other} has costs for {years:and}, outside the period {start} – "
                                         "{end}")},
    "costs.requested": {"sv": Text("kostnaderna är totalt {total:kr} men sökt belopp är {requested:kr}"),
                        "en": Text("the costs total {total:kr} but the amount applied for is {requested:kr}")},
    **explanation("COSTS_INCONSISTENT",
            ("Att kostnadstabellen går ihop: varje års delar summerar till Summa, åren till Totalt, och Totalt är "
             "lika med sökt belopp. Där finansiären har budgeten i en egen bilaga: att ansökans sökta belopp är "
             "bilagans, och att budgetens år ryms i perioden.",
             "That the cost table adds up: each year's parts to its Summa, the years to Totalt, and Totalt "
             "equals the amount applied for. Where the funder has the budget in an attachment of its own: that "
             "the application's amount is the attachment's, and that the budget's years fit the period."),
            ('Örebros riktlinjer (2020): "I samband med ansökan tas en budget för satsningens genomförande fram, där det tydligt '
             'ska framgå vilka kostnader som kommer belasta fonden."',
             'The Örebro guidelines (2020, translated): "With the application, a budget for carrying out the initiative is made, '
             'which clearly shows which costs will be charged to the fund."'),
            ("År 1–4 summerar till 3 500 000 kr men Totalt är 3 600 000 kr.",
             "Years 1–4 add up to 3 500 000 kr but Totalt says 3 600 000 kr.")),
})


RULE = Rule("costs", (Code.COSTS_INCONSISTENT, Code.FIELD_INVALID), check, needs=("budget",), words=WORDS)

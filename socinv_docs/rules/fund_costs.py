"""FUND_COSTS_NOT_SHOWN: the Ekonomi shows which of the costs the fund carries.

What: every row of a report's Ekonomi that gives an utfall (more than 0 kr) also gives the
part the fund carries ("varav fonden"; Region Gävleborg: "varav sociala investeringsmedel"),
0 included. The kostnadsslag rows are looked at; where none gives an utfall, the years' sum
rows and the Totalt row. When no row shows the fund's part at all, one finding names the
column (variant "column", on its first cell); otherwise one per row that leaves it out.
Why: seed 000, "Finansiering, effekthemtagning och implementering": a budget "där det tydligt
ska framgå vilka kostnader som kommer belasta fonden"; and the fund pays "i efterskott utifrån
förbrukning", so what it is to pay must be readable from the report. Without it neither the
grant (COST_TOTAL_EXCEEDED) nor the payment can be judged.
Example: "2027 | Personal | 1 250 000 | 800 000 | (empty) | 450 000" → FUND_COSTS_NOT_SHOWN on
that row's varav fonden cell.
Needs no plan: it reads the report alone. Reads the role `report_costs`.
"""

from socinv_docs import roles
from socinv_docs.codes import Code
from socinv_docs.messages import RuleWords, Text, explanation
from socinv_docs.rules import against_plan
from socinv_docs.rules.base import Rule


def check(doc, ctx):
    role = ctx.kind.roles.report_costs
    costs = against_plan.report_costs(doc, ctx.kind)
    rows = [r for r in costs.component_rows() if r.actual]
    if not rows:
        rows = [y.sum_row for y in costs.years.values() if y.sum_row is not None and y.sum_row.actual]
        rows += [costs.total] if costs.total is not None and costs.total.actual else []
    missing = [r for r in rows if r.fund is None and not any(c == role.fund for c, _ in r.invalid)]
    if not missing:
        return
    section = against_plan.table_section(ctx.kind, role.table)
    column = roles.column_label(ctx.kind, role.table, role.fund)
    if len(missing) == len(rows) and len(rows) > 1:
        yield ctx.finding(Code.FUND_COSTS_NOT_SHOWN, section=section, where=against_plan.cell(missing[0], role.fund),
                          variant="column", column=column, rows=len(missing),
                          actual=sum(r.actual for r in missing))
        return
    for row in missing:
        yield ctx.finding(Code.FUND_COSTS_NOT_SHOWN, section=section, where=against_plan.cell(row, role.fund),
                          row=row.label, column=column, actual=row.actual)


# -- its words: what its findings say, and what `socinv rules` says about its codes ----------
WORDS = RuleWords(__name__, {
    "FUND_COSTS_NOT_SHOWN": {
        "sv": Text("Raden '{row}' har ett utfall på {actual:kr} men inget i kolumnen '{column}'.",
                   "Skriv hur mycket av utfallet som belastar fonden (0 om inget)."),
        "en": Text("The row '{row}' has actual costs of {actual:kr} but nothing in the column '{column}'.",
                   "Write how much of the actual costs the fund is charged with (0 if none)."),
    },
    "FUND_COSTS_NOT_SHOWN.column": {
        "sv": Text("Ekonomin visar utfall ({actual:kr} på {rows} rader) men kolumnen '{column}' är tom: det "
                   "framgår inte vilka kostnader som belastar fonden.",
                   "Skriv på varje rad hur mycket av utfallet som belastar fonden."),
        "en": Text("The economy shows actual costs ({actual:kr} on {rows} rows) but the column '{column}' is "
                   "empty: it does not show which costs the fund is charged with.",
                   "Write on each row how much of the actual costs the fund is charged with."),
    },
    **explanation("FUND_COSTS_NOT_SHOWN",
                  ("Att rapportens ekonomitabell visar fondens del av utfallet på varje rad som har ett utfall.",
                   "That the report's economy table shows the fund's part of the actual costs on every row that "
                   "has actual costs."),
                  ("Fonden betalar efter förbrukning: det ska tydligt framgå vilka kostnader som belastar den, "
                   "annars kan varken utbetalningen eller beviljat belopp bedömas.",
                   "The fund pays on spending: which costs it is charged with must be clear, or neither the "
                   "payment nor the amount granted can be judged."),
                  ("Raden \"2027 | Personal | 1 250 000 | 800 000 | | 450 000\" med kolumnen för fondens del tom.",
                   "The row \"2027 | Personal | 1 250 000 | 800 000 | | 450 000\" with the column for the fund's "
                   "part left empty.")),
})


RULE = Rule("fund_costs", (Code.FUND_COSTS_NOT_SHOWN,), check, needs=("report_costs",), words=WORDS)

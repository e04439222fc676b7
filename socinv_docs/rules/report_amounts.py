"""FIELD_INVALID for the money in a follow-up report's tables.

What: every amount in a report's Ekonomi table (Budget, Utfall, varav fonden, Prognos) and
in the slutrapport's Efterkalkyl (Besparing per år) reads as kronor: the kinds declare those
columns `amount` (`types:`), so extraction reads each cell once as the ansökan's are ("1,2
mkr", "350 tkr", "1 250 000 kr", "1 250 000:-"); a Kalenderår reads as a year and the years
after the end as a number (`duration`). An amount in another currency or
unit ("350 EUR", "12 000 dollar", "40 timmar") is never read as kronor: the finding names
the unit.
Why: seed 000, "Rapportering och redovisning": the redovisning shall contain "satsningens
totala ekonomi", and the fund pays "i efterskott utifrån förbrukning" — a sum that adds euros
or hours to kronor is a wrong sum.
Example: "Utfall (kr) | 12 000 dollar" → FIELD_INVALID naming 'dollar'.
Reads the roles `report_costs` and `savings`. Comparing the figures with the plan is the
follow-up rules' (SPEC §9); they read only what this rule found readable.
"""

from socinv_docs import roles
from socinv_docs.codes import Code
from socinv_docs.messages import RuleWords
from socinv_docs.rules.base import Rule
from socinv_docs.rules.fields import invalid_table_cell


def check(doc, ctx):
    costs = ctx.kind.roles.report_costs
    if costs is not None:
        for row in roles.report_cost_rows(doc, ctx.kind):
            for column, raw in row.invalid:
                type_key = "type.year" if column == costs.year else "type.amount"
                yield invalid_table_cell(ctx, costs.table, row.label, roles.column_label(ctx.kind, costs.table, column),
                                         raw, type_key, row.cells.get(column, row.location))
    savings = ctx.kind.roles.savings
    if savings is not None:
        for row in roles.savings_rows(doc, ctx.kind):
            for column, raw in row.invalid:
                type_key = "type.amount" if column == savings.per_year else "type.duration"
                yield invalid_table_cell(ctx, savings.table, row.party,
                                         roles.column_label(ctx.kind, savings.table, column), raw, type_key,
                                         row.cells.get(column, row.location))


# -- its words: none of its own. FIELD_INVALID and the types it names (type.year beside the
# others) are the fields rule's, whose words invalid_table_cell gives every finding. ----------
WORDS = RuleWords(__name__, {})


RULE = Rule("report_amounts", (Code.FIELD_INVALID,), check, needs=("report_costs|savings",), words=WORDS)

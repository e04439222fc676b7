"""SCHEMA_ROW_INCOMPLETE.

What: every goal (Mål) of the utvärderingsschema has at least one activity, a measure
(aktivitetsmått, kvalitativt effektmått or utfallsmått) and a basmätning. A goal cell
merged over several rows covers them all.
Why: seed 000, "Utvärderingsschema", and the template's own note "Varje mål ska ha minst
en aktivitet, mått och en basmätning."
Example: goal "Ökad skolnärvaro" with activity and measure but no Basmätning → SCHEMA_ROW_INCOMPLETE.
"""

from socinv_docs import messages
from socinv_docs.codes import Code
from socinv_docs.rules.base import rule


@rule(Code.SCHEMA_ROW_INCOMPLETE, needs=("grid",))
def check(doc, ctx):
    grid = ctx.kind.grid
    for goal in doc.grid:
        missing = [" / ".join(grid.columns[c] for c in group) for group in grid.needs
                   if not any(goal.values.get(c) for c in group)]
        if not goal.values.get(grid.key_column):
            missing.insert(0, grid.columns[grid.key_column])
        if missing:
            goal_text = goal.values.get(grid.key_column)
            label = goal_text[:80] if goal_text else messages.msg("ui.no_goal", row=goal.first_row)
            yield ctx.finding(Code.SCHEMA_ROW_INCOMPLETE, section=grid.key_column, where=goal.location,
                              goal=label, missing=missing)

"""SCHEMA_ROW_INCOMPLETE.

What: every goal (Mål) of the utvärderingsschema has at least one activity, a measure
(aktivitetsmått, kvalitativt effektmått or utfallsmått) and a basmätning. A goal cell
merged over several rows covers them all.
Why: seed 000, "Utvärderingsschema", and the template's own note "Varje mål ska ha minst
en aktivitet, mått och en basmätning."
The finding points at the first empty cell that needs filling (params `cells` lists them all).
Example: goal "Ökad skolnärvaro" in A5 with activity and measure but no Basmätning →
SCHEMA_ROW_INCOMPLETE at G5.

The user-facing explanation (`socinv rules CODE`) is in messages.py under "rules.<CODE>.*".
"""

from dataclasses import replace

from socinv_docs import messages
from socinv_docs.codes import Code
from socinv_docs.rules.base import Rule


def check(doc, ctx):
    grid = ctx.kind.grid
    for goal in doc.grid:
        empty_groups = [group for group in grid.needs if not any(goal.values.get(c) for c in group)]
        if not goal.values.get(grid.key_column):
            empty_groups.insert(0, [grid.key_column])
        if not empty_groups:
            continue
        missing = [" / ".join(grid.columns[c] for c in group) for group in empty_groups]
        # The empty cells, each group's first: where the applicant types what is missing.
        cells = [goal.cells[group[0]] for group in empty_groups if group[0] in goal.cells]
        goal_text = goal.values.get(grid.key_column)
        label = goal_text[:80] if goal_text else messages.msg("ui.no_goal", row=goal.first_row)
        where = replace(cells[0], label=goal_text[:80] if goal_text else None) if cells else goal.location
        addresses = [c.cell for c in cells if c.cell]
        yield ctx.finding(Code.SCHEMA_ROW_INCOMPLETE, section=grid.key_column, where=where, goal=label,
                          missing=missing, cells=addresses, **({"variant": "cells"} if addresses else {}))


RULE = Rule("schema_rows", (Code.SCHEMA_ROW_INCOMPLETE,), check, needs=("grid",))

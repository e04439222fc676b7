"""SCHEMA_ROW_INCOMPLETE.

What: every goal (Mål) of the utvärderingsschema has at least one activity, a measure
(aktivitetsmått, kvalitativt effektmått or utfallsmått) and a basmätning. A goal cell
merged over several rows covers them all.
Why: seed 000, "Utvärderingsschema", and the template's own note "Varje mål ska ha minst
en aktivitet, mått och en basmätning."
The finding points at the first empty cell that needs filling (params `cells` lists them all).
Example: goal "Ökad skolnärvaro" in A5 with activity and measure but no Basmätning →
SCHEMA_ROW_INCOMPLETE at G5.

What a user reads (its findings, `socinv rules CODE`) is in WORDS below, beside the check.
"""

from dataclasses import replace

from socinv_docs import messages
from socinv_docs.codes import Code
from socinv_docs.messages import RuleWords, Text, explanation, msg
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



def demands(code, options, profile, schemas) -> list[dict]:
    found = []
    for kind_id in (options.kinds if options.kinds is not None else profile.kinds):
        grid = schemas.kinds[kind_id].grid
        if grid is not None:
            found.append(msg("schema_rows.needs", row=grid.columns[grid.key_column],
                             needs=[" / ".join(grid.columns[c] for c in group) for group in grid.needs]))
    return found

# -- its words: what its findings say, and what `socinv rules` says about its codes ----------
WORDS = RuleWords(__name__, {
    "SCHEMA_ROW_INCOMPLETE": {
        "sv": Text("Målet '{goal}' saknar {missing:list}.", "Varje mål ska ha minst en aktivitet, ett mått och en basmätning."),
        "en": Text("The goal '{goal}' lacks {missing:list}.", "Every goal needs an activity, a measure and a baseline."),
    },
    "SCHEMA_ROW_INCOMPLETE.cells": {  # the empty cells are known
        "sv": Text("", "Fyll i det som saknas i {cells:list}; varje mål ska ha minst en aktivitet, ett mått och en "
                       "basmätning."),
        "en": Text("", "Fill in what is missing in {cells:list}; every goal needs an activity, a measure and a "
                       "baseline."),
    },
    "ui.no_goal": {"sv": Text("(mål saknas, rad {row})"), "en": Text("(no goal, row {row})")},
    **explanation("SCHEMA_ROW_INCOMPLETE",
                  ("Att varje rad i ett schema (ett mål, en aktivitet) har det mallen kräver på raden.",
                   "That every row of a schema (a goal, an activity) has what the template requires on it."),
                  ("Det som ska följas upp måste vara beskrivet från början: mallen anger vad varje rad ska ha.",
                   "What is to be followed up must be described from the start: the template says what every row "
                   "needs."),
                  ("Målet \"Ökad skolnärvaro\" med aktivitet och mått men utan basmätning.",
                   "The goal \"Ökad skolnärvaro\" with an activity and a measure but no baseline.")),
    # what a profile demands (`socinv rules`, demands)
    "schema_rows.needs": {"sv": Text("varje rad ('{row}') ska ha {needs:and}"),
                          "en": Text("every row ('{row}') needs {needs:and}")},
})


RULE = Rule("schema_rows", (Code.SCHEMA_ROW_INCOMPLETE,), check, needs=("grid",), words=WORDS,
            demands=demands)

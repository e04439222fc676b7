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
from socinv_docs.messages import RuleWords, Text, explanation
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
            ("Att varje mål i utvärderingsschemat har minst en aktivitet, ett mått och en basmätning.",
             "That every goal of the evaluation schema has at least one activity, a measure and a baseline."),
            ('Mallens egen anvisning: "Varje mål ska ha minst en aktivitet, mått och en basmätning"; Örebros riktlinjer (2020): '
             '"Vid ansökan tas en basmätning fram för alla parametrar som ska följas upp."',
             'The template\'s own note (translated): "Every goal needs at least one activity, a measure and a '
             'baseline"; the Örebro guidelines (2020): "With the application, a baseline is measured for every parameter to be '
             'followed up."'),
            ("Målet \"Ökad skolnärvaro\" med aktivitet och mått men utan basmätning.",
             "The goal \"Ökad skolnärvaro\" with an activity and a measure but no baseline.")),
})


RULE = Rule("schema_rows", (Code.SCHEMA_ROW_INCOMPLETE,), check, needs=("grid",), words=WORDS)

"""Every rule, declared in one place, as ruff's registry of codes: a profile enables a rule by
the name it has here, `socinv rules` and `socinv profiles` list what is here, and the
pipeline runs what is here. Nothing registers itself when it is imported.

To add a rule: write its module beside the others (its docstring, `Options`, `check`, its
words and its `RULE` declaration: rules/base.py), add one line below, and its tests.

The order is the order the rules run in. Findings at the same place in a document keep it
(report.in_document_order is stable), so it is part of the outputs: a new rule goes at the
end.
"""

from __future__ import annotations

from socinv_docs.codes import Code
from socinv_docs.rules import (
    activities,
    attachments,
    cofinancing,
    comparison,
    consistency,
    cost_ceiling,
    cost_components,
    cost_years,
    costs,
    criteria,
    duration,
    fields,
    final_savings,
    fund_costs,
    goal_results,
    grant,
    implementation,
    measures,
    parties,
    payback,
    plan_period,
    project_lead,
    report_amounts,
    report_parties,
    savings,
    schema_rows,
    sections,
    signatures,
    targets,
)
from socinv_docs.rules.base import Rule

RULES: dict[str, Rule] = {rule.name: rule for rule in (
    attachments.RULE,
    cofinancing.RULE,
    cost_ceiling.RULE,
    costs.RULE,
    criteria.RULE,
    duration.RULE,
    fields.RULE,
    parties.RULE,
    savings.RULE,
    payback.RULE,
    project_lead.RULE,
    schema_rows.RULE,
    sections.RULE,
    signatures.RULE,
    report_amounts.RULE,
    # A follow-up report against its satsning's plan (SPEC §9): money, then measures and
    # activities, parties and period, then the slutrapport's.
    fund_costs.RULE,
    grant.RULE,
    cost_years.RULE,
    cost_components.RULE,
    measures.RULE,
    activities.RULE,
    targets.RULE,
    report_parties.RULE,
    plan_period.RULE,
    implementation.RULE,
    goal_results.RULE,
    comparison.RULE,
    final_savings.RULE,
    # The submission's documents against each other: the amount sought and the period against
    # the budget (issue 22).
    consistency.RULE,
)}


def document_rules() -> list[Rule]:
    return [r for r in RULES.values() if r.scope == "document"]


def submission_rules() -> list[Rule]:
    return [r for r in RULES.values() if r.scope == "submission"]


def owner(code: Code) -> Rule | None:
    """The rule whose words word `code`: the one rule whose module holds its message (FIELD_INVALID
    is the fields rule's, whichever rule finds the field or cell). None for the pipeline's own
    codes (FILE_UNREADABLE, KIND_UNKNOWN, FUNDERS_MIXED), worded in the catalogue."""
    return next((r for r in RULES.values() if code.value in r.words), None)

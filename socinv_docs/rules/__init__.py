"""The rules. One module per rule, each with the same shape: a docstring (what it checks,
why in the source's words, an example, its options), an `Options` model when it takes
options, and one `check` registered with `@rule(codes..., options=..., needs=...)`.

A profile (schemas/profiles/*.yaml) enables rules by module name under `rules:` with their
options; `configure` checks them when the profile is loaded. To add a rule: add a module
here, list it below, and add its messages to socinv_docs/messages.py.

Module docstrings are for developers. What a user reads about a code (`socinv rules CODE`)
is in the catalogue, messages.py: "rules.<CODE>.what", ".why", ".example".
"""

from socinv_docs.rules import (  # noqa: F401  (imported to register)
    attachments,
    cofinancing,
    cost_ceiling,
    costs,
    criteria,
    duration,
    fields,
    parties,
    payback,
    project_lead,
    savings,
    schema_rows,
    sections,
    signatures,
)
from socinv_docs.rules.base import (
    REGISTRY,
    Rule,
    RuleConfigError,
    RuleContext,
    RuleOptions,
    SubmissionContext,
    configure,
    make_finding,
    runs_on,
)

__all__ = ["REGISTRY", "Rule", "RuleConfigError", "RuleContext", "RuleOptions", "SubmissionContext", "configure",
           "make_finding", "runs_on", "document_rules", "submission_rules"]


def document_rules() -> list[Rule]:
    return [r for r in REGISTRY.values() if r.scope == "document"]


def submission_rules() -> list[Rule]:
    return [r for r in REGISTRY.values() if r.scope == "submission"]

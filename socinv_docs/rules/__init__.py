"""The rules. One module per rule family, each with the same shape (what it checks, why,
an example) and one `check` registered with the codes it may emit. To add a rule: add a
module here and list it below; its numbers go in the profile (schemas/profiles/).
"""

from socinv_docs.rules import (  # noqa: F401  (imported to register)
    attachments,
    costs,
    criteria,
    duration,
    fields,
    parties,
    project_lead,
    savings,
    schema_rows,
    sections,
    signatures,
)
from socinv_docs.rules.base import (
    REGISTRY,
    Rule,
    RuleContext,
    SubmissionContext,
    make_finding,
)

__all__ = ["REGISTRY", "Rule", "RuleContext", "SubmissionContext", "make_finding", "document_rules",
           "submission_rules"]


def document_rules() -> list[Rule]:
    return [r for r in REGISTRY if r.scope == "document"]


def submission_rules() -> list[Rule]:
    return [r for r in REGISTRY if r.scope == "submission"]

"""SIGNATURE_MISSING.

What: the signature block (Underskrifter, Tillstyrkan) holds at least the funder's number of
signatures: a minimum, or one per party taking part.
Why: seed 000, "Steg 4": "Ansökan undertecknas och godkänns av berörda förvaltningschefer";
funders such as Region Gävleborg ask a behörig chef of each applicant to tillstyrka.
Example: the template's empty Förvaltningschef | Namn | Datum rows → SIGNATURE_MISSING.
Options: `min` (default 1), `per_party` (one per party the document lists), `severity`
(warning by default, SPEC §4; error where the funder will not take an unsigned application).
"""

from typing import Literal

from socinv_docs import roles
from socinv_docs.codes import Code, Severity
from socinv_docs.rules.base import RuleOptions, rule


class Options(RuleOptions):
    min: int = 1
    per_party: bool = False
    severity: Literal["error", "warning"] = "warning"


@rule(Code.SIGNATURE_MISSING, options=Options, needs=("signatures",))
def check(doc, ctx):
    found = len(doc.signatures or [])
    needed = ctx.options.min
    if ctx.options.per_party:
        needed = max(needed, len({p.name for p in roles.parties(doc, ctx.kind, ctx.schemas.common)}))
    if found < needed:
        block = ctx.kind.signatures.id
        yield ctx.finding(Code.SIGNATURE_MISSING, severity=Severity(ctx.options.severity), section=block,
                          where=doc.anchors.get(block), found=found, needed=needed)

"""SIGNATURE_MISSING.

What: the signature block (Underskrifter, Tillstyrkan) holds at least the funder's number of
signatures: a minimum, or one per party taking part.
Why: seed 000, "Steg 4": "Ansökan undertecknas och godkänns av berörda förvaltningschefer";
funders such as Region Gävleborg ask a behörig chef of each applicant to tillstyrka.
Example: the template's empty Förvaltningschef | Namn | Datum rows → SIGNATURE_MISSING
("none"); a row with a name and no date → SIGNATURE_MISSING on that row ("row", naming the
row and the columns it lacks). Counted are the rows someone has begun to fill in.
Options: `min` (default 1), `per_party` (one per party the document lists), `severity`
(warning by default, SPEC §4; error where the funder will not take an unsigned application).
"""

from typing import Literal

from socinv_docs import roles
from socinv_docs.codes import Code, Severity
from socinv_docs.rules.base import Rule, RuleOptions


class Options(RuleOptions):
    min: int = 1
    per_party: bool = False
    severity: Literal["error", "warning"] = "warning"


def check(doc, ctx):
    spec = ctx.kind.signatures
    severity = Severity(ctx.options.severity)
    # {heading}, {columns}: the block and its columns as the template names them.
    named = {"heading": spec.heading, "columns": list(spec.columns)}
    signatures = doc.signatures or []
    for signature in signatures:
        if signature.missing:  # begun but not finished: a name without a date signs nothing yet
            yield ctx.finding(Code.SIGNATURE_MISSING, severity=severity, section=spec.id, where=signature.location,
                              variant="row", row=signature.label, missing=signature.missing, **named)
    found = len(signatures)
    needed = ctx.options.min
    if ctx.options.per_party:
        needed = max(needed, len({p.name for p in roles.parties(doc, ctx.kind, ctx.schemas.common)}))
    if found < needed:
        variant = "per_party" if ctx.options.per_party and needed > 1 else "none" if found == 0 else "too_few"
        yield ctx.finding(Code.SIGNATURE_MISSING, severity=severity, section=spec.id,
                          where=doc.anchors.get(spec.id), found=found, needed=needed, variant=variant, **named)


RULE = Rule("signatures", (Code.SIGNATURE_MISSING,), check, options=Options, needs=("signatures",))

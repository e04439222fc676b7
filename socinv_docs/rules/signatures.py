"""SIGNATURE_MISSING.

What: the Underskrifter table has at least one förvaltningschef's name (or date) filled in.
Why: seed 000, "Steg 4": "Ansökan undertecknas och godkänns av berörda förvaltningschefer".
Example: the template's empty Förvaltningschef | Namn | Datum rows → SIGNATURE_MISSING.
"""

from socinv_docs.codes import Code
from socinv_docs.rules.base import rule


@rule(Code.SIGNATURE_MISSING)
def check(doc, ctx):
    if doc.kind not in ctx.profile.signature_kinds or ctx.kind.signatures is None:
        return
    if not doc.signatures:
        yield ctx.finding(Code.SIGNATURE_MISSING, section="underskrifter",
                          where=doc.anchors.get("underskrifter"))

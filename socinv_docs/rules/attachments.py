"""ATTACHMENT_MISSING (a submission rule).

What: a document whose profile names a mandatory attachment (Örebro: the ansökan needs its
utvärderingsschema) is submitted together with it. For `check` on the ansökan alone it is a
warning (the applicant may send it separately); in a submission it is an error.
Why: seed 000, "Steg 3": "Mall för ansökan inklusive obligatorisk bilaga för
utvärderingsschema"; "Utvärderingsschema": "ska finnas med i ansökan för att den ska anses
komplett".
Example: a folder with ansokan.docx only → ATTACHMENT_MISSING.
"""

from socinv_docs.codes import Code, Severity
from socinv_docs.rules.base import rule


@rule(Code.ATTACHMENT_MISSING, scope="submission")
def check(documents, ctx):
    kinds = {d.kind for d in documents if d.kind}
    for doc in documents:
        profile = ctx.schemas.profiles.get(doc.profile or "")
        if profile is None:
            continue
        for need in profile.attachments:
            if need.kind == doc.kind and need.attachment not in kinds:
                attachment = ctx.schemas.kinds[need.attachment].title if need.attachment in ctx.schemas.kinds \
                    else need.attachment
                yield ctx.finding(Code.ATTACHMENT_MISSING, severity=Severity.WARNING if ctx.alone else None,
                                  attachment=attachment, file=doc.file)

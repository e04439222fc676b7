"""ATTACHMENT_MISSING (a submission rule).

What: a document is submitted together with the attachments the funder asks for (Örebro:
the ansökan needs its utvärderingsschema). A required attachment missing is an error (a
warning for `check` on the document alone: the applicant may send it separately); a
recommended one a warning; an optional one is only listed.
Why: seed 000, "Steg 3": "Mall för ansökan inklusive obligatorisk bilaga för
utvärderingsschema"; "Utvärderingsschema": "ska finnas med i ansökan för att den ska anses
komplett".
Example: a folder with ansokan.docx only → ATTACHMENT_MISSING.
Options: `require`: a list of {document: kind, attachment: kind, level: error | warning | optional}.
"""

from typing import Literal

from socinv_docs.codes import Code, Severity
from socinv_docs.messages import RuleWords, Text, explanation, literal, msg
from socinv_docs.rules.base import Rule, RuleOptions
from socinv_docs.schema import SchemaProblem, Spec


class Requirement(Spec):
    document: str  # the kind that needs the attachment
    attachment: str  # the kind it needs
    level: Literal["error", "warning", "optional"] = "error"


class Options(RuleOptions):
    require: list[Requirement] = []

    def check_against(self, profile, kinds, common) -> None:
        for i, need in enumerate(self.require):
            for key in ("document", "attachment"):
                if getattr(need, key) not in profile.kinds:
                    raise SchemaProblem("schema.not_profile_kind", "require", i, key, kind=getattr(need, key),
                                        known=profile.kinds)


def check(documents, ctx):
    present = {d.kind for d in documents if d.kind}
    for doc in documents:
        if doc.profile != ctx.profile.id:
            continue  # another funder's document in the same folder: its own profile judges it
        for need in ctx.options.require:
            if need.document != doc.kind or need.attachment in present or need.level == "optional":
                continue
            kind, main = ctx.schemas.kinds[need.attachment], ctx.schemas.kinds[need.document]
            severity = Severity.WARNING if ctx.alone or need.level == "warning" else Severity.ERROR
            yield ctx.finding(Code.ATTACHMENT_MISSING, severity=severity,
                              attachment=literal(sv=kind.name_in("sv"), en=kind.name_in("en")),
                              document=literal(sv=main.name_in("sv"), en=main.name_in("en")),
                              file=doc.file, kind=need.attachment, submission=ctx.name,
                              # Required: the submission is not complete without it, even where
                              # checking the document alone makes this a warning.
                              mandatory=need.level == "error")



def demands(code, options, profile, schemas) -> list[dict]:
    def name(kind: str) -> dict:
        spec = schemas.kinds[kind]
        return literal(sv=spec.name_in("sv"), en=spec.name_in("en"))

    return [msg(f"attachments.demand.{need.level}", attachment=name(need.attachment)) for need in options.require]

# -- its words: what its findings say, and what `socinv rules` says about its codes ----------
WORDS = RuleWords(__name__, {
    "ATTACHMENT_MISSING": {
        "sv": Text("Inskicket '{submission}' saknar bilagan {attachment}.",
                   "Skicka med {attachment} tillsammans med {document}."),
        "en": Text("The submission '{submission}' lacks the attachment {attachment}.",
                   "Send the {attachment} together with the {document}."),
    },
    **explanation("ATTACHMENT_MISSING",
                  ("Att ett dokument skickas med de bilagor finansiären kräver.",
                   "That a document is sent with the attachments the funder requires."),
                  ("En ansökan är inte komplett utan sina obligatoriska bilagor; vilka de är bestämmer varje "
                   "finansiär.",
                   "An application is not complete without its mandatory attachments; which they are, each funder "
                   "decides."),
                  ("En mapp med bara ansokan.docx.", "A folder with ansokan.docx only."),
                  ("fel i ett inskick; varning när en ansökan kontrolleras ensam (bilagan kan komma separat)",
                   "error in a submission; a warning when an application is checked alone (it may come separately)")),
    # what a profile demands (`socinv rules`, demands)
    "attachments.demand.error": {"sv": Text("{attachment} (obligatorisk)"),
                                 "en": Text("{attachment} (mandatory)")},
    "attachments.demand.warning": {"sv": Text("{attachment} (rekommenderad)"),
                                   "en": Text("{attachment} (recommended)")},
    "attachments.demand.optional": {"sv": Text("{attachment} (frivillig)"),
                                    "en": Text("{attachment} (optional)")},
})


RULE = Rule("attachments", (Code.ATTACHMENT_MISSING,), check, options=Options, scope="submission", words=WORDS,
            demands=demands)

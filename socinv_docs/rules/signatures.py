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
from socinv_docs.messages import RuleWords, Text, explanation, msg
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



def demands(code, options, profile, schemas) -> list[dict]:
    count = msg("signatures.per_party") if options.per_party else msg("signatures.min", min=options.min)
    return [count, *([msg("signatures.error")] if options.severity == "error" else [])]

# -- its words: what its findings say, and what `socinv rules` says about its codes ----------
WORDS = RuleWords(__name__, {
    # {heading}: the signature block's heading ("Underskrifter"), {columns}: its columns, both
    # from the kind's schema; the rows people see, never a count of table rows.
    "SIGNATURE_MISSING": {
        "sv": Text("Under '{heading}' är {found} av de {needed} underskrifter som behövs ifyllda.",
                   "Fyll i {columns:and} på en rad för var och en som ska skriva under."),
        "en": Text("Under '{heading}', {found} of the {needed} signatures needed are filled in.",
                   "Fill in {columns:and} on a row for each person who is to sign."),
    },
    "SIGNATURE_MISSING.none": {
        "sv": Text("Ingen har skrivit under: inget är ifyllt under '{heading}'.",
                   "Den som skriver under fyller i {columns:and} på en rad under '{heading}'."),
        "en": Text("Nobody has signed: nothing is filled in under '{heading}'.",
                   "Whoever signs fills in {columns:and} on a row under '{heading}'."),
    },
    "SIGNATURE_MISSING.per_party": {
        "sv": Text("Under '{heading}' har {found} av {needed} parter skrivit under.",
                   "Varje part skriver under: fyll i {columns:and} på en rad per part."),
        "en": Text("Under '{heading}', {found} of {needed} parties have signed.",
                   "Every party signs: fill in {columns:and} on a row for each."),
    },
    "SIGNATURE_MISSING.row": {  # a row begun but not finished: a name without a date
        "sv": Text("Underskriften på raden '{row}' under '{heading}' saknar {missing:and}.",
                   "Fyll i {missing:and} på raden '{row}'."),
        "en": Text("The signature on the row '{row}' under '{heading}' lacks {missing:and}.",
                   "Fill in {missing:and} on the row '{row}'."),
    },
    **explanation("SIGNATURE_MISSING",
                  ("Att underskrifterna är ifyllda: minst finansiärens antal (eller en per part, där finansiären "
                   "kräver det), och att varje påbörjad rad har alla sina kolumner, som namn och datum, ifyllda.",
                   "That the signatures are filled in: at least the funder's number (or one per party, where the "
                   "funder asks for it), and every row begun has all its columns, such as name and date, filled "
                   "in."),
                  ("Ansökan ska godkännas av dem som svarar för den innan den lämnas in.",
                   "The application is to be approved by those responsible for it before it is sent."),
                  ("Mallens tomma underskriftsrader.", "The template's empty signature rows.")),
    # what a profile demands (`socinv rules`, demands)
    "signatures.min": {"sv": Text("minst {min} ifylld underskriftsrad"), "en": Text("at least {min} signature row filled in")},
    "signatures.per_party": {"sv": Text("en underskrift per part"), "en": Text("one signature per party")},
    "signatures.error": {"sv": Text("ett fel, inte en varning"), "en": Text("an error, not a warning")},
})


RULE = Rule("signatures", (Code.SIGNATURE_MISSING,), check, options=Options, needs=("signatures",), words=WORDS,
            demands=demands)

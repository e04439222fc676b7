"""FIELD_MISSING, FIELD_INVALID.

What: required metadata fields (namn, kontaktperson, nämnder, period, …) are filled in, and
typed ones can be read as their type (period, percent, amount, duration).
Why: the register and the memos are built from them, and the number rules need them.
Example: "Sökt belopp (kr) | ungefär tre miljoner" → FIELD_INVALID; "Kontaktperson |
Skriv här:" → FIELD_MISSING.
"""

from socinv_docs import messages
from socinv_docs.codes import Code, Severity
from socinv_docs.rules.base import Rule, severity_for


def check(doc, ctx):
    for spec in ctx.kind.fields:
        value = doc.fields.get(spec.id)
        if value is None:
            continue
        if not value.raw:
            # A field read from a section is reported by the section rule instead.
            severity = severity_for(spec.required)
            if severity is not None and spec.source == "label":
                # Excel: name the cell to type in
                cell = {"variant": "cell", "cell": value.location.cell} if value.location.cell else {}
                yield ctx.finding(Code.FIELD_MISSING, severity=severity, field=spec.id, where=value.location,
                                  label=spec.label.rstrip(":"), **cell)
        elif value.invalid:
            yield ctx.finding(Code.FIELD_INVALID, severity=Severity(spec.invalid_severity), field=spec.id,
                              section=spec.id if spec.source == "section" else None, where=value.location,
                              label=spec.label.rstrip(":"), raw=value.raw[:80], type=messages.msg(f"type.{spec.type}"))


RULE = Rule("fields", (Code.FIELD_MISSING, Code.FIELD_INVALID), check, needs=("fields",))

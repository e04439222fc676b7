"""SECTION_MISSING, SECTION_EMPTY, SECTION_PLACEHOLDER, SECTION_TOO_SHORT.

What: every section of the template must be there and answered; its severity is the
section's `required` level in the kind schema (error, warning, or none).
Why: the beredningsgrupp cannot assess an ansökan with a part left out (seed 000,
"Innehåll – ska finnas med i ansökan"; seed 001, Bilaga 2).
Example: "2. Evidens och forskning" followed only by "Skriv här:" → SECTION_PLACEHOLDER.
Options: `min_words` ({"kind.section": words}) for SECTION_TOO_SHORT (none by default).
"""

from socinv_docs.codes import Code
from socinv_docs.model import SectionState
from socinv_docs.rules.base import RuleOptions, rule, severity_for

_CODE = {
    SectionState.MISSING: Code.SECTION_MISSING,
    SectionState.EMPTY: Code.SECTION_EMPTY,
    SectionState.PLACEHOLDER: Code.SECTION_PLACEHOLDER,
    SectionState.TOO_SHORT: Code.SECTION_TOO_SHORT,
}


class Options(RuleOptions):
    min_words: dict[str, int] = {}  # "kind.section" -> fewer words than this is too short


@rule(*_CODE.values(), options=Options, needs=("sections",))
def check(doc, ctx):
    for spec in ctx.kind.sections:
        section = doc.sections.get(spec.id)
        if section is None or section.state is SectionState.OK:
            continue
        code = _CODE[section.state]
        severity = severity_for(spec.required)
        if severity is None:
            continue
        if code is Code.SECTION_TOO_SHORT:
            severity = None  # always a warning (SPEC §4)
        if section.state is SectionState.MISSING:
            where = doc.anchors.get(spec.id)
        else:  # Excel: the answer cell, where the applicant types; Word: the heading
            where = section.answer_location or section.location
        yield ctx.finding(code, severity=severity, section=spec.id, where=where, heading=spec.heading,
                          words=section.words, minimum=ctx.options.min_words.get(f"{doc.kind}.{spec.id}", 0))

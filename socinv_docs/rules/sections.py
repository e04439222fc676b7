"""SECTION_MISSING, SECTION_EMPTY, SECTION_PLACEHOLDER, SECTION_TOO_SHORT.

What: every section of the template is there and answered; the severity is the section's
`required` level in the kind schema (error, warning, or none). A missing section whose
heading the applicant wrote in words we did not recognise names that heading; a
placeholder is quoted as found; an Excel answer names the cell to type in.
Why: the beredningsgrupp cannot assess an ansökan with a part left out (seed 000,
"Innehåll – ska finnas med i ansökan"; seed 001, Bilaga 2).
Example: "2. Evidens och forskning" followed only by "TODO" → SECTION_PLACEHOLDER quoting
'TODO'; "1 Problem och nuläge" instead of "1. Problemformulering och nulägesbeskrivning" →
SECTION_MISSING naming '1 Problem och nuläge'.
Options: `min_words` ({"kind.section": words}) for SECTION_TOO_SHORT (none by default).
An answered section with a placeholder left beside the answer ("Skriv här:" in B16, the
answer in C16) is `ok`, and SECTION_PLACEHOLDER is a warning on the leftover (variant
"leftover…").

The user-facing explanation (`socinv rules CODE`) is in messages.py under "rules.<CODE>.*".
"""

from socinv_docs.codes import Code, Severity
from socinv_docs.model import SectionState
from socinv_docs.rules.base import Rule, RuleOptions, severity_for

_CODE = {
    SectionState.MISSING: Code.SECTION_MISSING,
    SectionState.EMPTY: Code.SECTION_EMPTY,
    SectionState.PLACEHOLDER: Code.SECTION_PLACEHOLDER,
    SectionState.TOO_SHORT: Code.SECTION_TOO_SHORT,
}


class Options(RuleOptions):
    min_words: dict[str, int] = {}  # "kind.section" -> fewer words than this is too short


def check(doc, ctx):
    for spec in ctx.kind.sections:
        section = doc.sections.get(spec.id)
        if section is not None and section.leftover is not None:
            yield _leftover(spec, section, ctx)
        if section is None or section.state is SectionState.OK:
            continue
        code = _CODE[section.state]
        severity = severity_for(spec.required)
        if severity is None:
            continue
        if code is Code.SECTION_TOO_SHORT:
            severity = None  # always a warning (SPEC §4)
        # {name}: what the section table calls it; {heading}: the template's own words.
        params = {"heading": spec.heading, "name": spec.short or spec.heading}
        if section.state is SectionState.MISSING:
            where = doc.anchors.get(spec.id)
            if section.unrecognised:  # say what was there, on the applicant's own heading
                where = section.unrecognised_location
                params.update(variant="unrecognised", found=section.unrecognised[:80])
        else:  # Excel: the answer cell, where the applicant types; Word: the heading
            where = section.answer_location or section.location
            if where.cell and code in (Code.SECTION_EMPTY, Code.SECTION_PLACEHOLDER):
                params.update(variant="cell", cell=where.cell)
            grid = ctx.kind.grid
            if grid is not None and code is Code.SECTION_EMPTY:
                # The utvärderingsschema: a "section" is a column of goals. The hint names that
                # column and the one it is filled in for, as the sheet's headers say them.
                params.update(variant="key_column" if spec.id == grid.key_column else "column",
                              column=grid.columns.get(spec.id, spec.heading), row_name=grid.columns[grid.key_column])
            if code is Code.SECTION_PLACEHOLDER:
                params["placeholder"] = section.placeholder
                if not section.placeholder:
                    params["variant"] = "control"  # Word's placeholder in a content control has no text
        if code is Code.SECTION_TOO_SHORT:
            params.update(words=section.words, minimum=ctx.options.min_words.get(f"{doc.kind}.{spec.id}", 0))
        yield ctx.finding(code, severity=severity, section=spec.id, where=where, **params)


def _leftover(spec, section, ctx):
    """A placeholder left beside an answer: the answer counts (SPEC §2.4: typed further right
    on the prompt's row, or beneath it), so the section is `ok`; but the copy the group reads
    still says "Skriv här:". A warning on the cell or paragraph that holds it.

    SECTION_PLACEHOLDER, the code of placeholder text in a section, rather than a new one:
    SPEC §4's codes are stable and scripts and registers filter on them. It is told apart
    from an unanswered section by its severity (always a warning, never an error), its
    `variant` ("leftover…") and the section's state, which stays `ok`."""
    left = section.leftover
    params = {"heading": spec.heading, "name": spec.short or spec.heading, "placeholder": left.text}
    if left.location.cell:
        params.update(variant="leftover_cell", cell=left.location.cell,
                      answer_cell=left.answer.cell if left.answer is not None else None)
    else:
        params["variant"] = "leftover" if left.text else "leftover_control"
    return ctx.finding(Code.SECTION_PLACEHOLDER, severity=Severity.WARNING, section=spec.id, where=left.location,
                       **params)


RULE = Rule("sections", tuple(_CODE.values()), check, options=Options, needs=("sections",))

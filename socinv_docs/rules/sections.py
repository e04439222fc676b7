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

What a user reads (its findings, `socinv rules CODE`) is in WORDS below, beside the check.
"""

from socinv_docs.codes import Code, Severity
from socinv_docs.messages import RuleWords, Text, explanation
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


# -- its words: what its findings say, and what `socinv rules` says about its codes ----------
_SECTIONS_WHY = ('Beredningsgruppen kan inte bedöma en ansökan där en del fattas. Örebros riktlinjer (2020), "Innehåll – ska finnas '
                 'med i ansökan": "Problemformulering och nulägesbeskrivning, Evidens och forskning, Målgrupp och '
                 'avgränsning, Metod och bemanning, Tid för genomförande (2–4 år), …"; Mölndals arbetsmodell (2018), bilaga 2: mallen '
                 'för förslag på insats.',
                 'The review group cannot assess an application with a part left out. The Örebro guidelines (2020), "Content – must '
                 'be in the application" (translated): "Problem statement and current situation, Evidence and '
                 'research, Target group, Method and staffing, Time for implementation (2–4 years), …"; the Mölndal working model (2018), '
                 'appendix 2: the template for proposals.')
_SECTION_SEVERITY = ("fel; varning för avsnitt som mallen bara rekommenderar (t.ex. 6.1 Jämförelsealternativ)",
                     "error; a warning for sections the template only recommends (e.g. 6.1 Jämförelsealternativ)")
_CRITERIA_WHY = ('Örebros riktlinjer (2020), "Kriterier för idéprövning": beredningsgruppen "bedömer om idéprövningen uppfyller '
                 'uppsatta kriterier".',
                 'The Örebro guidelines (2020), "Criteria for idea review" (translated): the review group "assesses whether the idea '
                 'review meets the criteria set".')
_SECTION_SEVERITY = ("fel; varning för avsnitt som mallen bara rekommenderar (t.ex. 6.1 Jämförelsealternativ)",
                     "error; a warning for sections the template only recommends (e.g. 6.1 Jämförelsealternativ)")
_CRITERIA_WHY = ('Örebros riktlinjer (2020), "Kriterier för idéprövning": beredningsgruppen "bedömer om idéprövningen uppfyller '
                 'uppsatta kriterier".',
                 'The Örebro guidelines (2020), "Criteria for idea review" (translated): the review group "assesses whether the idea '
                 'review meets the criteria set".')

WORDS = RuleWords(__name__, {
    # Section findings: {name} is what the section table calls the section (the short name
    # where the template's heading is a long question), {heading} the template's heading.
    # Variants (Finding.params["variant"]) word the cases that need other words.
    "SECTION_MISSING": {
        "sv": Text("Avsnittet '{name}' saknas.",
                   "Lägg till rubriken '{heading}' och besvara den enligt mallen."),
        "en": Text("The section '{name}' is missing.",
                   "Add the heading '{heading}' and answer it as the template asks."),
    },
    "SECTION_MISSING.unrecognised": {  # a heading was there, but matched no section well enough
        "sv": Text("Hittade rubriken '{found}' men kände inte igen den som '{heading}'.",
                   "Skriv rubriken som i mallen, '{heading}', så att avsnittet känns igen."),
        "en": Text("Found the heading '{found}' but did not recognise it as '{heading}'.",
                   "Write the heading as the template does, '{heading}', so that the section is recognised."),
    },
    "SECTION_EMPTY": {
        "sv": Text("Avsnittet '{name}' är tomt.", "Skriv svaret under rubriken."),
        "en": Text("The section '{name}' is empty.", "Write the answer under the heading."),
    },
    "SECTION_EMPTY.cell": {  # Excel: the answer has a cell
        "sv": Text("", "Skriv svaret i cell {cell}."),
        "en": Text("", "Write the answer in cell {cell}."),
    },
    # The utvärderingsschema: each "section" is a column of a grid with a row per goal (or
    # activity); {column} is the column's header, {row_name} the header of the column that
    # names each row (Mål), both from the kind's schema.
    "SECTION_EMPTY.column": {
        "sv": Text("Kolumnen '{name}' är tom.",
                   "Fyll i kolumnen '{column}' på raden för varje '{row_name}', med början i cell {cell}."),
        "en": Text("The column '{name}' is empty.",
                   "Fill in the column '{column}' on the row of each '{row_name}', starting in cell {cell}."),
    },
    "SECTION_EMPTY.key_column": {
        "sv": Text("Kolumnen '{name}' är tom.",
                   "Fyll i kolumnen '{column}', en rad för var och en, med början i cell {cell}."),
        "en": Text("The column '{name}' is empty.",
                   "Fill in the column '{column}', one row for each, starting in cell {cell}."),
    },
    "SECTION_PLACEHOLDER": {
        "sv": Text("Avsnittet '{name}' innehåller bara platshållartexten '{placeholder}'.",
                   "Ersätt '{placeholder}' med ert svar."),
        "en": Text("The section '{name}' only holds the placeholder text '{placeholder}'.",
                   "Replace '{placeholder}' with your answer."),
    },
    "SECTION_PLACEHOLDER.cell": {  # Excel: the placeholder is in the answer's cell
        "sv": Text("", "Skriv ert svar i cell {cell} i stället för '{placeholder}'."),
        "en": Text("", "Type your answer in cell {cell} instead of '{placeholder}'."),
    },
    "SECTION_PLACEHOLDER.control": {  # Word: a content control still showing its placeholder
        "sv": Text("Avsnittet '{name}' innehåller bara mallens platshållartext.",
                   "Klicka i textfältet under rubriken och skriv ert svar där."),
        "en": Text("The section '{name}' only holds the template's placeholder text.",
                   "Click the text field under the heading and type your answer there."),
    },
    # An answered section with a placeholder left beside the answer: the answer counts
    # (SPEC §2.4), a warning points at what is left (rules/sections.py, _leftover).
    "SECTION_PLACEHOLDER.leftover": {
        "sv": Text("Avsnittet '{name}' är besvarat, men platshållartexten '{placeholder}' står kvar.",
                   "Ta bort '{placeholder}' så att bara ert svar står kvar."),
        "en": Text("The section '{name}' is answered, but the placeholder text '{placeholder}' is still there.",
                   "Delete '{placeholder}' so that only your answer is left."),
    },
    "SECTION_PLACEHOLDER.leftover_cell": {  # Excel: the answer typed beside or beneath the answer cell
        "sv": Text("Avsnittet '{name}' är besvarat i cell {answer_cell}, men platshållartexten '{placeholder}' står "
                   "kvar i cell {cell}.",
                   "Ta bort '{placeholder}' ur cell {cell}, eller flytta ert svar dit."),
        "en": Text("The section '{name}' is answered in cell {answer_cell}, but the placeholder text '{placeholder}' "
                   "is still in cell {cell}.",
                   "Delete '{placeholder}' from cell {cell}, or move your answer there."),
    },
    "SECTION_PLACEHOLDER.leftover_control": {  # Word: an unused content control beside the answer
        "sv": Text("Avsnittet '{name}' är besvarat, men ett textfält visar fortfarande mallens platshållartext.",
                   "Ta bort det tomma textfältet under rubriken, eller skriv ert svar i det."),
        "en": Text("The section '{name}' is answered, but a text field still shows the template's placeholder.",
                   "Delete the empty text field under the heading, or type your answer in it."),
    },
    "SECTION_TOO_SHORT": {
        "sv": Text("Avsnittet '{name}' är kort: {words} ord, minst {minimum} förväntas.",
                   "Utveckla svaret så att beredningsgruppen kan bedöma det."),
        "en": Text("The section '{name}' is short: {words} words, at least {minimum} expected.",
                   "Expand the answer so that the review group can assess it."),
    },
    **explanation("SECTION_MISSING",
            ("Att varje avsnitt i mallen finns: rubriken hittas, även omnumrerad, med annat skiftläge eller lätt "
             "omformulerad. En rubrik som inte känns igen citeras.",
             "That every section of the template is there: its heading is found, also renumbered, re-cased or "
             "slightly reworded. A heading that is not recognised is quoted."),
            _SECTIONS_WHY,
            ("Rubriken \"2. Evidens och forskning\" är borttagen, eller skriven \"1 Problem och nuläge\" så att "
             "den inte känns igen som \"1. Problemformulering och nulägesbeskrivning\".",
             "The heading \"2. Evidens och forskning\" was removed, or written \"1 Problem och nuläge\" so that "
             "it is not recognised as \"1. Problemformulering och nulägesbeskrivning\"."),
            _SECTION_SEVERITY),
    **explanation("SECTION_EMPTY",
            ("Att rubriken följs av ett svar.", "That the heading is followed by an answer."),
            _SECTIONS_WHY,
            ("\"3. Målgrupp\" följs direkt av nästa rubrik; i Excel: svarscellen är tom.",
             "\"3. Målgrupp\" is followed straight by the next heading; in Excel: the answer cell is empty."),
            _SECTION_SEVERITY),
    **explanation("SECTION_PLACEHOLDER",
            ("Att svaret är mer än mallens platshållare (\"Skriv här\", \"TODO\", \"xxx\", lorem ipsum, ett "
             "textfält som fortfarande visar sin platshållare). Platshållaren citeras. En platshållare som står "
             "kvar bredvid ett svar (\"Skriv här:\" i B16, svaret skrivet i C16) är en varning i cellen där den "
             "står; svaret räknas.",
             "That the answer is more than the template's placeholder (\"Skriv här\", \"TODO\", \"xxx\", "
             "lorem ipsum, a text field still showing its placeholder). The placeholder is quoted. A "
             "placeholder left beside an answer (\"Skriv här:\" in B16, the answer typed in C16) is a "
             "warning on the cell that holds it; the answer counts."),
            _SECTIONS_WHY,
            ("\"2. Evidens och forskning\" följd av bara \"TODO\".",
             "\"2. Evidens och forskning\" followed only by \"TODO\"."),
            _SECTION_SEVERITY),
    **explanation("SECTION_TOO_SHORT",
            ("Att svaret har minst så många ord som profilen anger (Örebros och Mölndals profiler anger inget).",
             "That the answer has at least as many words as the profile sets (Örebro's and Mölndal's set none)."),
            ("Beredningsgruppen ska kunna bedöma avsnittet; en kommun kan ange ett minsta omfång i sin profil.",
             "The review group must be able to assess the section; a municipality may set a minimum in its "
             "profile."),
            ("Med minst 50 ord för problemformuleringen: ett svar på 12 ord.",
             "With at least 50 words for the problem statement: an answer of 12 words.")),
})


RULE = Rule("sections", tuple(_CODE.values()), check, options=Options, needs=("sections",), words=WORDS)

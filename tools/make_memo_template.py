"""Build the default Word templates for memos (docxtpl/Jinja tags): templates/memo.docx
(Swedish) and templates/memo-en.docx (English).

The committed templates are what secretaries export and edit in Word or LibreOffice; this
script is how they were made, so the defaults can be rebuilt after a change:

    python3 tools/make_memo_template.py [DIR]      # default: templates/

Real Word headings (Title, Heading 1–2) and a real table style are used, so the memo has a
navigation pane and a table of contents can be inserted in Word.

Each beredningsunderlag starts on a new page through a paragraph that holds only a page
break, inside the `{%p for %}` loop. Not `pageBreakBefore` on the heading: LibreOffice saves
that as a break at the end of the paragraph before it, which is the loop's tag paragraph,
and docxtpl removes that paragraph with the break in it.
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

TABLE_STYLE = "Light Grid Accent 1"
TEXT_WIDTH_CM = 16.6  # A4 minus 2 × 2.2 cm margins

LABELS = {
    "sv": {
        "language": "sv-SE",
        "doc_title": "Beredningsunderlag – sociala investeringar",
        "title": "Sammanställning",
        "created": "Skapad",
        "overview": "Översikt",
        "submission": "Inskick",
        "kind": "Typ",
        "initiative": "Satsning",
        "status": "Status",
        "amount": "Sökt belopp",
        "track": "Spår",
        "decision": "Förslag till beslut",
        "total": "Totalt",
        "pieces": " st",
        "memo": "Beredningsunderlag",
        "files": "Filer",
        "applicant": "Sökande",
        "contact": "Kontaktperson",
        "parties": "Parter",
        "period": "Period",
        "unreadable": "Inskicket kunde inte läsas. ",
        "unreadable_hint": "Se bristerna nedan; begär in en ny fil från sökande.",
        "economics": "Ekonomi",
        "cost": "Kostnad",
        "savings": "Besparingar inom {{ s.economics.horizon }} år efter avslut",
        "ratio": "Besparing/kostnad",
        "payback": "Återbetald",
        "present_value": "Nuvärde av besparingarna",
        "per_year": "Besparing per år",
        "years": "År som räknas",
        "sum": "Summa",
        "criteria": "Kriterier",
        "criterion": "Kriterium",
        "answer": "Svar",
        "motivation": "Motivering",
        "completeness": "Kompletthet",
        "severity": "Allvar",
        "problem": "Brist",
        "where": "Var",
        "fix": "Åtgärd",
        "no_problems": "Inga brister.",
        "assessment": "Beredningsgruppens bedömning",
        "bedomning": "Bedömning",
        "kommentar": "Kommentar",
        "page": "Sida {PAGE} av {NUMPAGES}",
    },
    "en": {
        "language": "en-GB",
        "doc_title": "Review memos – social investments",
        "title": "Summary",
        "created": "Created",
        "overview": "Overview",
        "submission": "Submission",
        "kind": "Type",
        "initiative": "Initiative",
        "status": "Status",
        "amount": "Amount applied for",
        "track": "Track",
        "decision": "Proposed decision",
        "total": "Total",
        "pieces": "",
        "memo": "Review memo",
        "files": "Files",
        "applicant": "Applicant",
        "contact": "Contact person",
        "parties": "Partners",
        "period": "Period",
        "unreadable": "The submission could not be read. ",
        "unreadable_hint": "See the problems below; ask the applicant for a new file.",
        "economics": "Economics",
        "cost": "Cost",
        "savings": "Savings within {{ s.economics.horizon }} years after the end",
        "ratio": "Savings/cost",
        "payback": "Paid back",
        "present_value": "Present value of the savings",
        "per_year": "Savings per year",
        "years": "Years counted",
        "sum": "Total",
        "criteria": "Criteria",
        "criterion": "Criterion",
        "answer": "Answer",
        "motivation": "Reason",
        "completeness": "Completeness",
        "severity": "Severity",
        "problem": "Problem",
        "where": "Where",
        "fix": "Fix",
        "no_problems": "No problems.",
        "assessment": "The review group's assessment",
        "bedomning": "Assessment",
        "kommentar": "Comment",
        "page": "Page {PAGE} of {NUMPAGES}",
    },
}
TEMPLATE_NAMES = {"sv": "memo.docx", "en": "memo-en.docx"}


def set_widths(table, widths_cm: list[float]) -> None:
    """Column widths that Word and LibreOffice both honour: the grid and every cell."""
    table.autofit = False
    grid = table._tbl.tblGrid
    for col, w in zip(grid.findall(qn("w:gridCol")), widths_cm):
        col.set(qn("w:w"), str(int(Cm(w).twips)))
    for row in table.rows:
        for cell, w in zip(row.cells, widths_cm):
            cell.width = Cm(w)


def no_header_row(table) -> None:
    """A label | value table has no header row: switch off the style's first-row look."""
    look = table._tbl.tblPr.find(qn("w:tblLook"))
    if look is None:
        look = OxmlElement("w:tblLook")
        table._tbl.tblPr.append(look)
    look.set(qn("w:firstRow"), "0")
    look.set(qn("w:val"), "0080")  # first column only


def repeat_header(table) -> None:
    """The header row is repeated on every page a long table runs over."""
    tr_pr = table.rows[0]._tr.get_or_add_trPr()
    tr_pr.append(OxmlElement("w:tblHeader"))


def small(table, size: float = 9) -> None:
    """Table text a little smaller than the body, so words like 'Ofullständig' fit a column."""
    for row in table.rows:
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                for run in paragraph.runs:
                    run.font.size = Pt(size)


def conditional_row(table, condition: str, label: str, value: str) -> None:
    """A label | value row shown only when `condition` holds (docxtpl {%tr if %} rows)."""
    conditional_rows(table, condition, [(label, value)])


def conditional_rows(table, condition: str, rows: list[tuple[str, str]]) -> None:
    """label | value rows shown only when `condition` holds (docxtpl {%tr if %} rows)."""
    table.add_row().cells[0].text = "{%tr if " + condition + " %}"
    for label, value in rows:
        cells = table.add_row().cells
        cells[0].text, cells[1].text = label, value
    table.add_row().cells[0].text = "{%tr endif %}"


def loop_line(table, loop: str, text: str) -> None:
    """One row across the table per item of `loop` (docxtpl {%tr for %} rows)."""
    table.add_row().cells[0].text = "{%tr for " + loop + " %}"
    cells = table.add_row().cells
    cells[0].merge(cells[-1]).text = text
    table.add_row().cells[0].text = "{%tr endfor %}"


def add_field(paragraph, field: str) -> None:
    """A Word field (PAGE, NUMPAGES) at the end of the paragraph, showing '1' until updated."""
    simple = OxmlElement("w:fldSimple")
    simple.set(qn("w:instr"), field)
    run = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = "1"
    run.append(t)
    simple.append(run)
    paragraph._p.append(simple)


def page_number_footer(section, text: str) -> None:
    """Footer: a document's name and 'sida N av M' as real Word fields, centred (the
    Gävleborg application templates use it; memos have memo_footer)."""
    paragraph = section.footer.paragraphs[0]
    paragraph.text = text + " – sida "
    for field in ("PAGE", "NUMPAGES"):
        add_field(paragraph, field)
        if field == "PAGE":
            paragraph.add_run(" av ")
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER


def memo_footer(section, left: str, page: str) -> None:
    """One footer line: the memo and meeting on the left, 'Sida N av M' (real Word fields)
    right-aligned on a tab stop, in a small size so that a long meeting name still fits."""
    paragraph = section.footer.paragraphs[0]
    tabs = paragraph.paragraph_format.tab_stops
    for inherited in paragraph.style.paragraph_format.tab_stops:  # the Footer style's centre tab
        tabs.add_tab_stop(inherited.position, WD_TAB_ALIGNMENT.CLEAR)
    tabs.add_tab_stop(Cm(TEXT_WIDTH_CM) - Cm(0.05), WD_TAB_ALIGNMENT.RIGHT)
    paragraph.text = left + "\t"
    before, rest = page.split("{PAGE}")
    middle, after = rest.split("{NUMPAGES}")
    paragraph.add_run(before)
    for field, text_after in (("PAGE", middle), ("NUMPAGES", after)):
        add_field(paragraph, field)
        if text_after:
            paragraph.add_run(text_after)
    for run in paragraph.runs:
        run.font.size = Pt(9)
    for simple in paragraph._p.findall(qn("w:fldSimple")):
        r_pr = OxmlElement("w:rPr")
        size = OxmlElement("w:sz")
        size.set(qn("w:val"), "18")
        r_pr.append(size)
        simple.find(qn("w:r")).insert(0, r_pr)


def tag(doc, text: str) -> None:
    """A paragraph holding only a docxtpl block tag ({%p ... %}); it disappears when rendered."""
    doc.add_paragraph(text)


def page_break(doc) -> None:
    """A paragraph holding only a page break: Word and LibreOffice both keep it where it is."""
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def loop_table(doc, headers: list[str], loop: str, cells: list[str], end: str = "{%tr endfor %}",
               widths: list[float] | None = None, total: list[str] | None = None):
    table = doc.add_table(rows=1, cols=len(headers))
    table.style = TABLE_STYLE
    for cell, text in zip(table.rows[0].cells, headers):
        cell.text = text
    table.add_row().cells[0].text = loop
    row = table.add_row()
    for cell, text in zip(row.cells, cells):
        cell.text = text
    table.add_row().cells[0].text = end
    if total:
        for cell, text in zip(table.add_row().cells, total):
            cell.text = text
            for run in cell.paragraphs[0].runs:
                run.bold = True
    if widths:
        set_widths(table, widths)
    repeat_header(table)
    return table


def facts_table(doc, rows: list[tuple[str, str]], widths: tuple[float, float] = (4.5, 12.1)):
    table = doc.add_table(rows=0, cols=2)
    table.style = TABLE_STYLE
    for label, value in rows:
        cells = table.add_row().cells
        cells[0].text, cells[1].text = label, value
    set_widths(table, list(widths))
    no_header_row(table)
    return table


def criteria_and_findings(doc, t: dict, item: str, findings_heading: str) -> None:
    """The criteria table (when the document has one) and the findings table of one
    submission or report (`item`: its loop variable), shared by every memo template."""
    tag(doc, "{%p if " + item + ".criteria %}")
    doc.add_heading(t["criteria"], level=2)
    criteria = loop_table(doc, [t["criterion"], t["answer"], t["motivation"]], "{%tr for c in " + item + ".criteria %}",
                          ["{{ c.text }}", "{{ c.answer }}", "{{ c.motivation }}"], widths=[7.2, 2.6, 6.8])
    small(criteria)
    tag(doc, "{%p endif %}")

    doc.add_heading(findings_heading, level=2)
    tag(doc, "{%p if " + item + ".findings %}")
    findings = loop_table(doc, [t["severity"], t["problem"], t["where"], t["fix"]],
                          "{%tr for f in " + item + ".findings %}",
                          ["{{ f.severity }}", "{{ f.message }}", "{{ f.where }}", "{{ f.hint }}"],
                          widths=[1.8, 5.0, 3.6, 6.2])
    small(findings)
    tag(doc, "{%p else %}")
    doc.add_paragraph(t["no_problems"])
    tag(doc, "{%p endif %}")


def set_language(doc, language: str) -> None:
    """The document's language, so that Word and LibreOffice spell-check and hyphenate right."""
    r_pr = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    lang = r_pr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        r_pr.append(lang)
    lang.set(qn("w:val"), language)


def a4_document(t: dict):
    """An empty memo template: Calibri 11, the language's proofing, A4 with the memos' margins,
    and its title and language in the document's properties (`t`: a language's labels)."""
    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.name = "Calibri"
    normal.font.size = Pt(11)
    set_language(doc, t["language"])
    section = doc.sections[0]
    # A4, as Swedish offices print (python-docx's default document is US Letter).
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.2)
    section.top_margin = section.bottom_margin = Cm(2.5)
    section.header_distance = section.footer_distance = Cm(1.25)
    doc.core_properties.title = t["doc_title"]
    doc.core_properties.author = "socinv-docs"
    doc.core_properties.language = t["language"]
    return doc


def build(target: Path, lang: str = "sv") -> None:
    t = LABELS[lang]
    doc = a4_document(t)
    section = doc.sections[0]

    # The meeting summary; a file of its own per submission (`memo --split`) leaves it out.
    tag(doc, "{%p if overview %}")
    doc.add_paragraph(t["title"], style="Title")
    tag(doc, "{%p if meeting %}")  # the meeting on a line of its own: a long name never breaks the title
    doc.add_paragraph("{{ meeting }}", style="Subtitle")
    tag(doc, "{%p endif %}")
    doc.add_paragraph(t["created"] + " {{ generated }}. {{ totals.summary }}.")
    doc.add_heading(t["overview"], level=1)
    overview = loop_table(doc, [t["submission"], t["kind"], t["initiative"], t["status"], t["amount"], t["decision"]],
                          "{%tr for s in submissions %}",
                          ["{{ s.name }}", "{{ s.kind_label }}", "{{ s.title }}", "{{ s.status_text }}",
                           "{{ s.amount }}", "{{ s.assessment.forslag }}"],
                          widths=[3.0, 2.5, 3.1, 2.5, 2.9, 2.6],
                          total=[t["total"], "", "{{ totals.count }}" + t["pieces"], "", "{{ totals.amount }}", ""])
    small(overview)
    tag(doc, "{%p endif %}")

    tag(doc, "{%p for s in submissions %}")
    page_break(doc)
    doc.add_heading(t["memo"] + ": {{ s.title }}", level=1)
    facts = facts_table(doc, [(t["submission"], "{{ s.name }}")])
    conditional_row(facts, "s.folder", t["files"], "{{ s.files|join(', ') }}")
    for label, value in ((t["kind"], "{{ s.kinds }}"), (t["applicant"], "{{ s.applicant }}"),
                         (t["contact"], "{{ s.contact }}"), (t["parties"], "{{ s.parties|join('; ') }}"),
                         (t["status"], "{{ s.status_text }} ({{ s.counts }})")):
        cells = facts.add_row().cells
        cells[0].text, cells[1].text = label, value
    conditional_row(facts, "s.period or s.duration", t["period"], "{{ s.period or s.duration }}")
    conditional_row(facts, "s.amount", t["amount"], "{{ s.amount }}")
    conditional_row(facts, "s.track", t["track"], "{{ s.track }}")
    set_widths(facts, [4.5, 12.1])
    tag(doc, "{%p if s.unreadable %}")
    p = doc.add_paragraph()
    p.add_run(t["unreadable"]).bold = True
    p.add_run(t["unreadable_hint"])
    tag(doc, "{%p endif %}")

    tag(doc, "{%p if s.economics %}")
    doc.add_heading(t["economics"], level=2)
    money = facts_table(doc, [(t["cost"], "{{ s.economics.cost }}")], widths=(7.0, 9.6))
    # A funder with a budget and co-financing (Gävleborg): its shares, one line each. Savings
    # and payback only where the template has a savings table: nothing to claim otherwise.
    loop_line(money, "line in s.economics.shares", "{{ line }}")
    conditional_rows(money, "s.economics.has_savings", [
        (t["savings"], "{{ s.economics.savings }}"),
        (t["ratio"], "{{ s.economics.ratio }}"),
        (t["payback"], "{{ s.economics.payback }}"),
    ])
    conditional_row(money, "s.economics.present_value", t["present_value"], "{{ s.economics.present_value }}")
    set_widths(money, [7.0, 9.6])
    tag(doc, "{%p if s.economics.rows %}")
    doc.add_paragraph()
    # The parties are named in the funder's own words ("Nämnd" in Örebro's ansökan).
    rows = loop_table(doc, ["{{ s.economics.party_label }}", t["per_year"], t["years"], t["sum"]],
                      "{%tr for r in s.economics.rows %}",
                      ["{{ r.namnd }}", "{{ r.per_year }}", "{{ r.years }}", "{{ r.total }}"],
                      widths=[6.6, 3.6, 2.8, 3.6])
    small(rows, 10)
    tag(doc, "{%p endif %}")
    tag(doc, "{%p endif %}")

    criteria_and_findings(doc, t, "s", t["completeness"])

    doc.add_heading(t["assessment"], level=2)
    table = facts_table(doc, [
        (t["bedomning"], "{{ s.assessment.bedomning }}"),
        (t["kommentar"], "{{ s.assessment.kommentar }}"),
        (t["decision"], "{{ s.assessment.forslag }}"),
    ])
    table.add_row().cells[0].text = "{%tr for key, value in s.assessment.other.items() %}"
    cells = table.add_row().cells
    cells[0].text, cells[1].text = "{{ key }}", "{{ value }}"
    table.add_row().cells[0].text = "{%tr endfor %}"
    set_widths(table, [4.5, 12.1])
    tag(doc, "{%p endfor %}")

    memo_footer(section, t["memo"] + "{% if meeting %} – {{ meeting }}{% endif %}", t["page"])
    doc.save(target)


if __name__ == "__main__":
    out_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent / "templates"
    for language, name in TEMPLATE_NAMES.items():
        build(out_dir / name, language)
        print(out_dir / name)

"""Build templates/memo.docx, the default Word template for memos (docxtpl/Jinja tags).

The committed templates/memo.docx is what secretaries export and edit in Word; this script
is how it was made, so the default can be rebuilt after a change:

    python3 tools/make_memo_template.py [templates/memo.docx]

Real Word headings (Title, Heading 1–3) and a real table style are used, so the memo has
a navigation pane and a table of contents can be inserted in Word.
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

TABLE_STYLE = "Light Grid Accent 1"


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


def small(table, size: float = 9) -> None:
    """Table text a little smaller than the body, so words like 'Ofullständig' fit a column."""
    for row in table.rows:
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                for run in paragraph.runs:
                    run.font.size = Pt(size)


def conditional_row(table, condition: str, label: str, value: str) -> None:
    """A label | value row shown only when `condition` holds (docxtpl {%tr if %} rows)."""
    table.add_row().cells[0].text = "{%tr if " + condition + " %}"
    cells = table.add_row().cells
    cells[0].text, cells[1].text = label, value
    table.add_row().cells[0].text = "{%tr endif %}"


def page_number_footer(section, text: str) -> None:
    """Footer: the memo's name and 'sida N av M' as real Word fields."""
    paragraph = section.footer.paragraphs[0]
    paragraph.text = text + " – sida "
    for field in ("PAGE", "NUMPAGES"):
        simple = OxmlElement("w:fldSimple")
        simple.set(qn("w:instr"), field)
        run = OxmlElement("w:r")
        t = OxmlElement("w:t")
        t.text = "1"
        run.append(t)
        simple.append(run)
        paragraph._p.append(simple)
        if field == "PAGE":
            paragraph.add_run(" av ")
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER


def tag(doc, text: str) -> None:
    """A paragraph holding only a docxtpl block tag ({%p ... %}); it disappears when rendered."""
    doc.add_paragraph(text)


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
    return table


def facts_table(doc, rows: list[tuple[str, str]]):
    table = doc.add_table(rows=0, cols=2)
    table.style = TABLE_STYLE
    for label, value in rows:
        cells = table.add_row().cells
        cells[0].text, cells[1].text = label, value
    set_widths(table, [4.5, 12.1])
    no_header_row(table)
    return table


def build(target: Path) -> None:
    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.name = "Calibri"
    normal.font.size = Pt(11)
    section = doc.sections[0]
    section.left_margin = section.right_margin = Cm(2.2)
    doc.core_properties.title = "Beredningsunderlag – sociala investeringar"
    doc.core_properties.author = "socinv-docs"

    doc.add_paragraph("Sammanställning{% if meeting %} – {{ meeting }}{% endif %}", style="Title")
    doc.add_paragraph("Skapad {{ generated }}. {{ totals.summary }}.")
    doc.add_heading("Översikt", level=1)
    overview = loop_table(doc, ["Ansökan", "Satsning", "Status", "Sökt belopp", "Förslag till beslut"],
                          "{%tr for s in submissions %}",
                          ["{{ s.name }}", "{{ s.title }}", "{{ s.status_text }}", "{{ s.amount }}",
                           "{{ s.assessment.forslag }}"],
                          widths=[3.6, 4.6, 2.5, 2.7, 3.2],
                          total=["Totalt", "{{ totals.count }} st", "", "{{ totals.amount }}", ""])
    small(overview)

    tag(doc, "{%p for s in submissions %}")
    heading = doc.add_heading("Beredningsunderlag: {{ s.title }}", level=1)
    heading.paragraph_format.page_break_before = True
    facts = facts_table(doc, [
        ("Ansökan", "{{ s.name }} ({{ s.files|join(', ') }})"),
        ("Mall", "{{ s.kinds }}"),
        ("Sökande", "{{ s.applicant }}"),
        ("Kontaktperson", "{{ s.contact }}"),
        ("Parter", "{{ s.parties|join('; ') }}"),
        ("Status", "{{ s.status_text }} ({{ s.counts }})"),
    ])
    conditional_row(facts, "s.period or s.duration", "Period", "{{ s.period or s.duration }}")
    conditional_row(facts, "s.amount", "Sökt belopp", "{{ s.amount }}")
    set_widths(facts, [4.5, 12.1])
    tag(doc, "{%p if s.unreadable %}")
    p = doc.add_paragraph()
    p.add_run("Ansökan kunde inte läsas. ").bold = True
    p.add_run("Se bristerna nedan; begär in en ny fil från sökande.")
    tag(doc, "{%p endif %}")

    tag(doc, "{%p if s.economics %}")
    doc.add_heading("Ekonomi", level=2)
    money = facts_table(doc, [
        ("Kostnad", "{{ s.economics.cost }}"),
        ("Besparingar inom {{ s.economics.horizon }} år efter avslut", "{{ s.economics.savings }}"),
        ("Besparing/kostnad", "{{ s.economics.ratio }}"),
        ("Återbetald", "{{ s.economics.payback }}"),
    ])
    conditional_row(money, "s.economics.present_value", "Nuvärde av besparingarna", "{{ s.economics.present_value }}")
    set_widths(money, [7.0, 9.6])
    tag(doc, "{%p if s.economics.rows %}")
    doc.add_paragraph()
    rows = loop_table(doc, ["Nämnd", "Besparing per år", "År som räknas", "Summa"], "{%tr for r in s.economics.rows %}",
                      ["{{ r.namnd }}", "{{ r.per_year }}", "{{ r.years }}", "{{ r.total }}"],
                      widths=[6.6, 3.6, 2.8, 3.6])
    small(rows, 10)
    tag(doc, "{%p endif %}")
    tag(doc, "{%p endif %}")

    tag(doc, "{%p if s.criteria %}")
    doc.add_heading("Kriterier", level=2)
    criteria = loop_table(doc, ["Kriterium", "Svar", "Motivering"], "{%tr for c in s.criteria %}",
                          ["{{ c.text }}", "{{ c.answer }}", "{{ c.motivation }}"], widths=[7.2, 2.6, 6.8])
    small(criteria)
    tag(doc, "{%p endif %}")

    doc.add_heading("Kompletthet", level=2)
    tag(doc, "{%p if s.findings %}")
    findings = loop_table(doc, ["Allvar", "Brist", "Var", "Åtgärd"], "{%tr for f in s.findings %}",
                          ["{{ f.severity }}", "{{ f.message }}", "{{ f.where }}", "{{ f.hint }}"],
                          widths=[1.9, 6.2, 4.0, 4.5])
    small(findings)
    tag(doc, "{%p else %}")
    doc.add_paragraph("Inga brister.")
    tag(doc, "{%p endif %}")

    doc.add_heading("Beredningsgruppens bedömning", level=2)
    table = facts_table(doc, [
        ("Bedömning", "{{ s.assessment.bedomning }}"),
        ("Kommentar", "{{ s.assessment.kommentar }}"),
        ("Förslag till beslut", "{{ s.assessment.forslag }}"),
    ])
    table.add_row().cells[0].text = "{%tr for key, value in s.assessment.other.items() %}"
    cells = table.add_row().cells
    cells[0].text, cells[1].text = "{{ key }}", "{{ value }}"
    table.add_row().cells[0].text = "{%tr endfor %}"
    set_widths(table, [4.5, 12.1])
    tag(doc, "{%p endfor %}")

    page_number_footer(section, "Beredningsunderlag – sociala investeringar{% if meeting %} – {{ meeting }}{% endif %}")
    doc.save(target)


if __name__ == "__main__":
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent / "templates" / "memo.docx"
    build(out)
    print(out)

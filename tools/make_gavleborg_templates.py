"""Build blank templates for Region Gävleborg's sociala investeringsmedel.

    python3 tools/make_gavleborg_templates.py [OUTDIR]      (default: tests/data/gavleborg/)

Region Gävleborg publishes an Ansökan (Word) and Excel bilagor: Bilaga 2 Budget, Bilaga 3
Medfinansiering, Bilaga 4 Uppföljnings- och utvärderingsschema and a voluntary Bilaga 5
Aktivitetsplan. These are blank forms in that shape, worded as the Region words its
criteria (regiongavleborg.se, "Kriterier för att ansöka"; utlysning with last day 30
november 2019), so that the funder's kinds and profile (schemas/kinds/investeringsansokan.yaml
and the others, schemas/profiles/gavleborg-2019.yaml) can be tried on real files:

    ansokan.docx                                        the Ansökan: metadata, sections, criteria, Tillstyrkan
    bilaga-2-3-budget-och-medfinansiering.xlsx          Bilaga 2 Budget and Bilaga 3 Medfinansiering,
                                                        two sheets of one workbook (see below)
    bilaga-4-uppfoljnings-och-utvarderingsschema.xlsx   one row per goal
    bilaga-5-aktivitetsplan.xlsx                        one row per activity (frivillig)

Bilaga 2 and 3 are one workbook: the rules judge one document at a time, and the fund's
share (sought / cost) and the applicants' own share (money + hours / cost) need the budget
and the co-financing in the same document. The sheets keep the Region's names.

Every run gives the same bytes (fixed dates, docbuilder.normalise_zip). Totals are Excel
formulas, as in any budget form: Excel stores their values when the applicant saves, and
where a file holds no stored value the tool adds up the rows itself.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from docbuilder import normalise_zip  # noqa: E402
from make_memo_template import page_number_footer, set_widths  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "data" / "gavleborg"

REGION = "Region Gävleborg"
AUTHOR = "Region Gävleborg, Regional utveckling"
FIXED = dt.datetime(2019, 9, 2, 8, 0)
PLACEHOLDER = "Skriv här"

# The value of an hour of the applicants' own work (Bilaga 3), in kronor, with personnel
# costs. The profile's economics.hour_rate says the same (schemas/profiles/gavleborg-2019.yaml
# explains the figure); a test checks the two agree.
HOUR_RATE = 400

ANSOKAN = "ansokan.docx"
BUDGET = "bilaga-2-3-budget-och-medfinansiering.xlsx"
UPPFOLJNING = "bilaga-4-uppfoljnings-och-utvarderingsschema.xlsx"
AKTIVITETSPLAN = "bilaga-5-aktivitetsplan.xlsx"

# -- the Ansökan ------------------------------------------------------------------------------

TITLE = "Ansökan om sociala investeringsmedel"
SUBTITLE = "Region Gävleborgs regionala sociala investeringsmedel"
INTRO = [
    "Regionala sociala investeringsmedel söks gemensamt av minst två organisationer eller verksamheter: "
    "verksamheter inom Region Gävleborg, kommunala verksamheter inom länet, verksamheter med ett "
    "avtalsbaserat samarbete med Region Gävleborg eller en kommun, och aktörer inom ideell sektor.",
    "Läs Riktlinje för sociala investeringsmedel Region Gävleborg innan ni fyller i ansökan. Samtliga "
    "avsnitt ska fyllas i. Till ansökan bifogas Bilaga 2 Budget och Bilaga 3 Medfinansiering (Excel), "
    "Bilaga 4 Uppföljnings- och utvärderingsschema (Excel) och, om ni vill, Bilaga 5 Aktivitetsplan (Excel).",
]
FACTS_HEADING = "Uppgifter om den sociala investeringen"
FIELDS = [  # label in the form
    "Den sociala investeringens namn",
    "Huvudsökande (organisation och verksamhet)",
    "Medsökande organisationer och verksamheter (en per rad)",
    "Kontaktperson (namn, e-post, telefon)",
    "Projektperiod (ÅÅÅÅ-MM-DD – ÅÅÅÅ-MM-DD)",
    "Sökta medel totalt (kr)",
]
SECTIONS = [  # heading, guidance (italic in the form)
    ("1. Sammanfattning",
     "Sammanfatta den sociala investeringen: behov, målgrupp, insats och förväntade effekter (högst en halv sida)."),
    ("2. Gemensamt behov",
     "Beskriv det gemensamma behov som den sociala investeringen ska möta. Hänvisa till statistik, "
     "behovsanalys eller verksamhetsdata."),
    ("3. Målgrupp",
     "Beskriv målgruppen, hur den avgränsas och hur många personer som beräknas nås."),
    ("4. Syfte och mål",
     "Ange syfte och kort- och långsiktiga mål. Målen följs upp i Bilaga 4."),
    ("5. Insats och metod",
     "Beskriv insatsen och om den är förebyggande eller tidig. Ange om en befintlig metod testas eller "
     "utvecklas, eller om en ny metod skapas, och vilken evidens eller beprövad erfarenhet den bygger på."),
    ("6. Samverkan och organisation",
     "Beskriv hur de sökande samverkar, vilken roll varje organisation har och hur arbetet styrs och leds."),
    ("7. Förväntade effekter",
     "Beskriv förväntade sociala effekter för målgruppen och samhällsekonomiska effekter: vilka kostnader "
     "som minskar eller förhindras att uppstå, och för vem."),
    ("8. Uppföljning och utvärdering",
     "Beskriv hur sociala och samhällsekonomiska effekter följs upp och utvärderas. Fyll i Bilaga 4."),
    ("9. Implementering i ordinarie verksamhet",
     "Beskriv hur arbetssättet ska föras in i ordinarie verksamhet om resultatet är positivt, och vem som "
     "ansvarar för det."),
    ("10. Ekonomi och medfinansiering",
     "Sammanfatta budgeten och hur de sökande medfinansierar. Budget per år i Bilaga 2, medfinansiering "
     "per organisation i Bilaga 3."),
    ("11. Risker",
     "Beskriv de viktigaste riskerna för genomförandet och hur de ska hanteras."),
]
CRITERIA_HEADING = "Kriterier för sociala investeringsmedel"
CRITERIA_GUIDANCE = "Besvara varje fråga med Ja eller Nej och motivera kort."
CRITERIA = [
    "Är satsningen ny, inte en befintlig verksamhet eller ett pågående projekt?",
    "Är satsningen en förebyggande eller tidig insats?",
    "Bidrar satsningen till folkhälsoprogrammets mål om god hälsa för alla?",
    "Bedöms satsningen leda till samhällsekonomiska vinster på sikt?",
    "Avser de sökande att föra in arbetssättet i ordinarie verksamhet vid positivt resultat?",
]
SIGN_HEADING = "Tillstyrkan"
SIGN_GUIDANCE = ("Behörig chef, eller instans, från respektive sökande tillstyrker att den sociala investeringen "
                 "genomförs och att den vid positivt resultat avses implementeras i ordinarie verksamhet. "
                 "En rad per sökande organisation.")
SIGN_COLUMNS = ["Organisation", "Behörig chef", "Namn", "Datum"]
SEND = ("Ansökan och bilagor skickas som Word- och Excelfiler till Region Gävleborg, "
        "sociala investeringsmedel, senast sista ansökningsdag.")

# -- the Excel bilagor ------------------------------------------------------------------------

NAME_LABEL = "Den sociala investeringens namn"
APPLICANT_LABEL = "Huvudsökande"

BUDGET_SHEET = "Bilaga 2 Budget"
BUDGET_TITLE = "Bilaga 2 Budget – sociala investeringsmedel"
BUDGET_GUIDANCE = ("Ange den sociala investeringens kostnader per år och hur mycket som söks ur Region Gävleborgs "
                   "sociala investeringsmedel. Medlen kan finansiera högst 50 % av kostnaden och högst 500 000 kr "
                   "per år, i upp till tre år. Fyll i de gula cellerna; summorna räknas ut automatiskt.")
BUDGET_COLUMNS = ["År", "Personal (lön inkl. PO)", "Lokaler", "Köpta tjänster", "Material och resor",
                  "Utvärdering", "Övrigt", "Total kostnad", "Sökta medel", "Medfinansiering"]
YEARS = ["År 1", "År 2", "År 3"]
TOTAL = "Totalt"
BUDGET_TABLE = "Kostnader per år"
BUDGET_NOTE = ("Personalkostnader anges med personalomkostnader (PO). Medfinansieringen specificeras per "
               "organisation i Bilaga 3.")

COFIN_SHEET = "Bilaga 3 Medfinansiering"
COFIN_TITLE = "Bilaga 3 Medfinansiering – sociala investeringsmedel"
COFIN_GUIDANCE = (f"De sökande medfinansierar minst halva kostnaden, med pengar eller med arbetstid. Ange en rad "
                  f"per organisation för hela projektperioden. Arbetstid värderas till {HOUR_RATE} kr per timme "
                  f"(lön med personalomkostnader).")
COFIN_COLUMNS = ["Organisation", "Typ av insats", "Kontant medfinansiering (kr)", "Arbetstid (timmar)",
                 "Värde av arbetstid (kr)", "Summa medfinansiering (kr)"]
COFIN_ROWS = 6
COFIN_TABLE = "Medfinansiering per organisation"
COFIN_TOTAL = "Summa"

SCHEMA_SHEET = "Uppföljning och utvärdering"
SCHEMA_TITLE = "Bilaga 4 Uppföljnings- och utvärderingsschema"
SCHEMA_GUIDANCE = ("Fyll i en rad per mål, både för sociala och samhällsekonomiska effekter. Varje mål ska ha "
                   "minst en aktivitet, en indikator, ett utgångsläge och en datakälla.")
SCHEMA_COLUMNS = ["Mål", "Aktiviteter", "Indikator", "Utgångsläge", "Målvärde", "Datakälla och metod",
                  "Tidpunkt för mätning", "Ansvarig"]
SCHEMA_ROWS = 10

PLAN_SHEET = "Aktivitetsplan"
PLAN_TITLE = "Bilaga 5 Aktivitetsplan (frivillig)"
PLAN_GUIDANCE = ("Planera aktiviteterna under projektperioden, en rad per aktivitet. Varje aktivitet ska ha en "
                 "ansvarig och en start.")
PLAN_COLUMNS = ["Aktivitet", "Beskrivning", "Koppling till mål", "Ansvarig", "Start (ÅÅÅÅ-MM)", "Klart (ÅÅÅÅ-MM)"]
PLAN_ROWS = 12

# The Region's colours, roughly: a dark teal for headings, light fills for labels and input.
TEAL = "00546E"
LABEL_FILL = "DCE9EE"
INPUT_FILL = "FFF8DC"
GREY = "6B6B6B"


# -- Word ---------------------------------------------------------------------------------------

def _shade(cell, fill: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shd)


def _cell_text(cell, text: str, *, bold: bool = False, grey: bool = False, size: float = 10) -> None:
    from docx.shared import Pt, RGBColor

    paragraph = cell.paragraphs[0]
    run = paragraph.add_run(text)
    run.bold = bold or None
    run.font.size = Pt(size)
    if grey:
        run.font.color.rgb = RGBColor.from_string(GREY)


def _styles(document) -> None:
    from docx.shared import Pt, RGBColor

    styles = document.styles
    normal = styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(10.5)
    normal.paragraph_format.space_after = Pt(4)
    for name, size in (("Title", 22), ("Heading 1", 13)):
        style = styles[name]
        style.font.name = "Arial"
        style.font.size = Pt(size)
        style.font.bold = name == "Heading 1"
        style.font.color.rgb = RGBColor.from_string(TEAL)
        style.paragraph_format.space_before = Pt(14 if name == "Heading 1" else 0)
        style.paragraph_format.space_after = Pt(4)
        # python-docx's default theme font would win over the name in Word: name it everywhere.
        rpr = style.element.get_or_add_rPr()
        fonts = rpr.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}rFonts")
        if fonts is not None:
            for attr in list(fonts.attrib):
                if "Theme" in attr:
                    del fonts.attrib[attr]
    title = styles["Title"].element.get_or_add_pPr()
    border = title.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}pBdr")
    if border is not None:  # the default Title has a blue rule under it; the Region's has none
        title.remove(border)


def _page(document) -> None:
    from docx.shared import Cm, Pt, RGBColor

    section = document.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)  # A4, not python-docx's Letter
    section.left_margin = section.right_margin = Cm(2.2)
    section.top_margin, section.bottom_margin = Cm(2.0), Cm(2.0)
    header = section.header.paragraphs[0]
    run = header.add_run("REGION GÄVLEBORG")
    run.bold, run.font.size, run.font.color.rgb = True, Pt(11), RGBColor.from_string(TEAL)
    header.add_run("\t\tSociala investeringsmedel").font.size = Pt(9)
    page_number_footer(section, "Ansökan om sociala investeringsmedel")
    for run in section.footer.paragraphs[0].runs:
        run.font.size = Pt(8)


def _guidance(document, text: str) -> None:
    from docx.shared import RGBColor

    run = document.add_paragraph().add_run(text)
    run.italic = True
    run.font.color.rgb = RGBColor.from_string("404040")


def _placeholder(document) -> None:
    from docx.shared import RGBColor

    document.add_paragraph().add_run(PLACEHOLDER).font.color.rgb = RGBColor.from_string(GREY)


def _table(document, rows: int, cols: int, widths: list[float]):
    table = document.add_table(rows=rows, cols=cols)
    table.style = document.styles["Table Grid"]
    set_widths(table, widths)
    return table


def make_ansokan(path: Path) -> Path:
    import docx
    from docx.shared import Pt

    document = docx.Document()
    _styles(document)
    _page(document)

    document.add_paragraph(TITLE, style="Title")
    subtitle = document.add_paragraph().add_run(SUBTITLE)
    subtitle.font.size = Pt(12)
    for text in INTRO:
        _guidance(document, text)

    document.add_heading(FACTS_HEADING, level=1)
    facts = _table(document, len(FIELDS), 2, [6.2, 10.4])
    for row, label in zip(facts.rows, FIELDS):
        _shade(row.cells[0], LABEL_FILL)
        _cell_text(row.cells[0], label, bold=True)
        _cell_text(row.cells[1], PLACEHOLDER, grey=True)

    for heading, guidance in SECTIONS:
        document.add_heading(heading, level=1)
        _guidance(document, guidance)
        _placeholder(document)

    document.add_heading(CRITERIA_HEADING, level=1)
    _guidance(document, CRITERIA_GUIDANCE)
    criteria = _table(document, 1 + len(CRITERIA), 3, [8.6, 1.8, 6.2])
    for cell, text in zip(criteria.rows[0].cells, ["Kriterium", "Ja/Nej", "Motivering"]):
        _shade(cell, LABEL_FILL)
        _cell_text(cell, text, bold=True)
    for row, question in zip(criteria.rows[1:], CRITERIA):
        _cell_text(row.cells[0], question)
        _cell_text(row.cells[2], PLACEHOLDER, grey=True)

    document.add_heading(SIGN_HEADING, level=1)
    _guidance(document, SIGN_GUIDANCE)
    sign = _table(document, 5, len(SIGN_COLUMNS), [5.2, 4.2, 4.4, 2.8])
    for cell, text in zip(sign.rows[0].cells, SIGN_COLUMNS):
        _shade(cell, LABEL_FILL)
        _cell_text(cell, text, bold=True)
    for row in sign.rows[1:]:
        row.height = Pt(26)
    document.add_paragraph()
    _guidance(document, SEND)

    props = document.core_properties
    props.author = props.last_modified_by = AUTHOR
    props.title = TITLE
    props.created = props.modified = FIXED
    props.revision = 1
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(path))
    normalise_zip(path)
    return path


# -- Excel --------------------------------------------------------------------------------------

KRONOR = '#,##0;-#,##0;""'  # thousands grouped; a zero (an empty row's formula) shows nothing


def _sheet_head(ws, title: str, guidance: str, last_column: int) -> None:
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    ws["A1"] = title
    ws["A1"].font = Font(name="Arial", size=14, bold=True, color=TEAL)
    ws["A2"] = REGION
    ws["A2"].font = Font(name="Arial", size=10, bold=True, color=GREY)
    ws["A3"] = guidance
    ws["A3"].font = Font(name="Arial", size=10, italic=True)
    ws["A3"].alignment = Alignment(wrap_text=True, vertical="top")
    ws.merge_cells(f"A3:{get_column_letter(last_column)}3")
    ws.row_dimensions[3].height = 42


def _box(cell, fill: str | None = None, bold: bool = False, color: str = "000000", wrap: bool = True) -> None:
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    thin = Side(style="thin", color="8C8C8C")
    cell.border = Border(left=thin, right=thin, top=thin, bottom=thin)
    cell.font = Font(name="Arial", size=10, bold=bold, color=color)
    cell.alignment = Alignment(wrap_text=wrap, vertical="top")
    if fill:
        cell.fill = PatternFill("solid", fgColor=fill)


def _header_row(ws, row: int, columns: list[str]) -> None:
    for col, text in enumerate(columns, start=1):
        cell = ws.cell(row, col, text)
        _box(cell, fill=TEAL, bold=True, color="FFFFFF")
    ws.row_dimensions[row].height = 30


def _table_heading(ws, row: int, text: str) -> None:
    from openpyxl.styles import Font

    ws.cell(row, 1, text).font = Font(name="Arial", size=11, bold=True, color=TEAL)


def _label_field(ws, row: int, label: str, last_column: int) -> None:
    from openpyxl.utils import get_column_letter

    _box(ws.cell(row, 1, label), fill=LABEL_FILL, bold=True)
    for col in range(2, last_column + 1):
        _box(ws.cell(row, col), fill=INPUT_FILL)
    ws.merge_cells(f"B{row}:{get_column_letter(last_column)}{row}")


def _print_setup(ws, header_row: int, widths: list[float]) -> None:
    from openpyxl.utils import get_column_letter

    for col, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.sheet_view.showGridLines = False
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = f"{header_row}:{header_row}"
    ws.oddFooter.center.text = "Region Gävleborg – sociala investeringsmedel – &P (&N)"
    ws.oddFooter.center.size = 8


def _workbook():
    import openpyxl

    wb = openpyxl.Workbook()
    wb.properties.creator = wb.properties.lastModifiedBy = AUTHOR
    wb.properties.created = wb.properties.modified = FIXED
    return wb


def _save(wb, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(str(path))
    normalise_zip(path)
    return path


def make_budget(path: Path) -> Path:
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    wb = _workbook()
    ws = wb.active
    ws.title = BUDGET_SHEET
    last = len(BUDGET_COLUMNS)
    _sheet_head(ws, BUDGET_TITLE, BUDGET_GUIDANCE, last)
    _label_field(ws, 5, NAME_LABEL, 6)
    _label_field(ws, 6, APPLICANT_LABEL, 6)
    header = 9
    _table_heading(ws, header - 1, BUDGET_TABLE)
    _header_row(ws, header, BUDGET_COLUMNS)
    letters = [get_column_letter(c) for c in range(1, last + 1)]
    first_cost, last_cost = letters[1], letters[6]  # Personal .. Övrigt
    total, sought, own = letters[7], letters[8], letters[9]
    for i, label in enumerate([*YEARS, TOTAL]):
        r = header + 1 + i
        is_total = label == TOTAL
        _box(ws.cell(r, 1, label), fill=LABEL_FILL, bold=True)
        for col in range(2, last + 1):
            letter = letters[col - 1]
            cell = ws.cell(r, col)
            if is_total:
                cell.value = f"=SUM({letter}{header + 1}:{letter}{header + len(YEARS)})"
            elif letter == total:
                cell.value = f"=SUM({first_cost}{r}:{last_cost}{r})"
            elif letter == own:
                cell.value = f"={total}{r}-{sought}{r}"
            typed = not is_total and letter not in (total, own)
            _box(cell, fill=INPUT_FILL if typed else None, bold=is_total)
            cell.number_format = KRONOR
    note = ws.cell(header + len(YEARS) + 3, 1, BUDGET_NOTE)
    note.font = Font(name="Arial", size=9, italic=True)
    _print_setup(ws, header, [30, 16, 12, 14, 14, 13, 12, 15, 15, 16])

    cofin = wb.create_sheet(COFIN_SHEET)
    last = len(COFIN_COLUMNS)
    _sheet_head(cofin, COFIN_TITLE, COFIN_GUIDANCE, last)
    header = 6
    _table_heading(cofin, header - 1, COFIN_TABLE)
    _header_row(cofin, header, COFIN_COLUMNS)
    first, last_row = header + 1, header + COFIN_ROWS
    for r in range(first, last_row + 1):
        for col in range(1, last + 1):
            cell = cofin.cell(r, col)
            if col == 5:
                cell.value = f"=D{r}*{HOUR_RATE}"
            elif col == 6:
                cell.value = f"=C{r}+E{r}"
            _box(cell, fill=INPUT_FILL if col <= 4 else None)
            if col >= 3:
                cell.number_format = KRONOR
    total_row = last_row + 1
    _box(cofin.cell(total_row, 1, COFIN_TOTAL), fill=LABEL_FILL, bold=True)
    _box(cofin.cell(total_row, 2), fill=LABEL_FILL)
    for col in range(3, last + 1):
        letter = get_column_letter(col)
        cell = cofin.cell(total_row, col, f"=SUM({letter}{first}:{letter}{last_row})")
        _box(cell, bold=True)
        cell.number_format = KRONOR
    _print_setup(cofin, header, [34, 34, 18, 14, 18, 20])
    return _save(wb, path)


def _grid_workbook(path: Path, sheet: str, title: str, guidance: str, columns: list[str], rows: int,
                   widths: list[float]) -> Path:
    wb = _workbook()
    ws = wb.active
    ws.title = sheet
    _sheet_head(ws, title, guidance, len(columns))
    _label_field(ws, 5, NAME_LABEL, min(4, len(columns)))
    header = 7
    _header_row(ws, header, columns)
    for r in range(header + 1, header + rows + 1):
        for col in range(1, len(columns) + 1):
            _box(ws.cell(r, col), fill=INPUT_FILL)
        ws.row_dimensions[r].height = 30
    ws.freeze_panes = f"A{header + 1}"
    _print_setup(ws, header, widths)
    return _save(wb, path)


def make_uppfoljning(path: Path) -> Path:
    return _grid_workbook(path, SCHEMA_SHEET, SCHEMA_TITLE, SCHEMA_GUIDANCE, SCHEMA_COLUMNS, SCHEMA_ROWS,
                          [30, 28, 24, 18, 16, 24, 16, 18])


def make_aktivitetsplan(path: Path) -> Path:
    return _grid_workbook(path, PLAN_SHEET, PLAN_TITLE, PLAN_GUIDANCE, PLAN_COLUMNS, PLAN_ROWS,
                          [30, 40, 24, 22, 14, 14])


MAKERS = {ANSOKAN: make_ansokan, BUDGET: make_budget, UPPFOLJNING: make_uppfoljning,
          AKTIVITETSPLAN: make_aktivitetsplan}


def main(argv: list[str]) -> int:
    out = Path(argv[1]) if len(argv) > 1 else OUT
    for name, make in MAKERS.items():
        print(make(out / name).relative_to(out))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

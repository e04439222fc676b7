"""The streaming Excel reader gives the blocks openpyxl's values gave.

Reading moved from openpyxl (which builds every cell and style of every sheet) to a
streaming reader over the sheet XML. The blocks must not change: the reference here is the
former reader, openpyxl's `load_workbook(data_only=True)` walked the same way, compared
block by block (texts, cells, merged cells, bold, italic, locations, title, sheet names) on
the official templates, the samples, drafts filled the ways applicants do, workbooks with
every kind of cell value, and the foreign workbooks of tests/data/foreign.
"""

from __future__ import annotations

import datetime as dt
import warnings
import zipfile
from pathlib import Path

import pytest
from docbuilder import ExcelDraft

from socinv_docs.limits import Limits
from socinv_docs.location import Location, column_letter
from socinv_docs.pipeline import read_raw
from socinv_docs.readers.blocks import Block, BlockKind, Cell
from socinv_docs.readers.xlsx_reader import shown

ROOT = Path(__file__).resolve().parent.parent
OFFICIAL = ROOT / "tests" / "data" / "official"
FOREIGN = ROOT / "tests" / "data" / "foreign"
S_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


# -- the reference: the former openpyxl reader ---------------------------------------------------


def _cell_text(value: object) -> str:
    """openpyxl's value shown as the reader shows values (the formatting is shared; what is
    compared is the value each reader finds in the XML)."""
    return "" if value is None else shown(value)


def openpyxl_blocks(path: Path, max_rows: int = 5000, max_cols: int = 60):
    """What read_xlsx returned while it was built on openpyxl (its code, unchanged)."""
    import openpyxl

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        wb = openpyxl.load_workbook(path, data_only=True)
    blocks: list[Block] = []
    sheets = [ws for ws in wb.worksheets if getattr(ws.sheet_properties, "codeName", None) != "socinvReview"]
    for ws in sheets:
        merged = {}
        for rng in ws.merged_cells.ranges:
            for r in range(rng.min_row, min(rng.max_row, max_rows) + 1):
                for c in range(rng.min_col, min(rng.max_col, max_cols) + 1):
                    if (r, c) != (rng.min_row, rng.min_col):
                        merged[(r, c)] = (rng.min_row, rng.min_col)
        max_row, max_col = min(ws.max_row or 0, max_rows), min(ws.max_column or 0, max_cols)
        values = {}
        for row in ws.iter_rows(min_row=1, max_row=max_row, max_col=max_col):
            for c in row:
                if getattr(c, "value", None) is not None:
                    values[(c.row, c.column)] = c
        for r in range(1, max_row + 1):
            cells = []
            for col in range(1, max_col + 1):
                origin = merged.get((r, col))
                source = values.get(origin or (r, col))
                if source is None or not _cell_text(source.value):
                    continue
                font = source.font
                cells.append(Cell(text=_cell_text(source.value), column=col - 1,
                                  location=Location(sheet=ws.title, cell=f"{column_letter(col)}{r}", row=r, column=col),
                                  merged_into=f"{column_letter(origin[1])}{origin[0]}" if origin else None,
                                  bold=bool(font and font.b), italic=bool(font and font.i)))
            if cells:
                blocks.append(Block(kind=BlockKind.ROW, text="\t".join(c.text for c in cells if c.merged_into is None),
                                    location=Location(sheet=ws.title, cell=cells[0].location.cell, row=r,
                                                      block=len(blocks)),
                                    cells=cells, bold=cells[0].bold, italic=cells[0].italic, sheet=ws.title, row=r))
    title = next((b.cells[0].text for b in blocks if b.cells), "")
    wb.close()
    return blocks, title, [ws.title for ws in sheets]


def assert_same_as_openpyxl(path: Path) -> None:
    from socinv_docs.readers import xlsx_reader

    raw = read_raw(path, Limits())
    blocks, title, sheets = openpyxl_blocks(path, xlsx_reader.MAX_ROWS, xlsx_reader.MAX_COLUMNS)
    assert (raw.title, raw.sheet_names) == (title, sheets)
    assert len(raw.blocks) == len(blocks)
    for ours, theirs in zip(raw.blocks, blocks):
        assert ours == theirs, (ours.location, theirs.location)


# -- the corpus ----------------------------------------------------------------------------------

FILES = sorted([*OFFICIAL.glob("*.xlsx"), *(ROOT / "samples").rglob("*.xlsx")])
# Transitional foreign workbooks openpyxl reads whole (Strict ones it reads as empty: see
# test_strict.py; the refused ones: test_foreign.py). poi-bug62181, RelationalPivotB5,
# InvalidPrintTitles and TemplateWithTableSourcePivotTables give the same blocks too, but
# openpyxl takes 5-25 s over each: too long for the suite.
FOREIGN_FILES = sorted(p for p in FOREIGN.glob("*.xl*") if p.name in {
    "apache+poi__BrNotClosed.xlsx", "PHPOffice+PhpSpreadsheet__formscomments.xlsx",
    "PHPOffice+PhpSpreadsheet__double_attr_drawing.xlsx", "apache+poi__HsGetVal.xlsx", "apache+poi__61034.xlsx",
    "apache+poi__stress024.xlsx",
    "dotnet+Open-XML-SDK__IntegratedMarketingCampaign DataAnalysis_TP10186504.xltm"})


@pytest.mark.parametrize("path", FILES + FOREIGN_FILES, ids=[p.name for p in FILES + FOREIGN_FILES])
def test_same_blocks_as_openpyxl(path):
    assert_same_as_openpyxl(path)


def test_drafts_filled_as_applicants_do(tmp_path):
    """Merged answers, inserted rows and columns, bold and italic, answers below prompts."""
    x = ExcelDraft(OFFICIAL / "utvarderingsschema.xlsx")
    x.grid_rows([["Mål A", "Akt 1", "Mått", "", "Effekt", "", "Bas"], [None, "Akt 2", "Mått 2", "", "", "", "Bas 2"],
                 ["Mål B", "Akt 3", "", "Kval", "", "Utfall", ""]])
    x.insert_cols(3)
    x.merge("H1:J2")
    assert_same_as_openpyxl(x.save(tmp_path / "u.xlsx"))

    from openpyxl.styles import Font

    f = ExcelDraft(OFFICIAL / "forslag.xlsx")
    f.fill_field("Namn på satsningen:", "Läxhjälp")
    f.fill_field("Kontaktperson:", "Johan", where="below")
    f.answer("1. Behov", "  Svar med mellanslag  ", where="right")
    f.insert_rows(5, 3)
    f.ws["B20"].font = Font(bold=True, italic=True)
    f.ws["B20"] = "Fet och kursiv"
    f.merge("A30:C33")
    assert_same_as_openpyxl(f.save(tmp_path / "f.xlsx"))


def test_every_kind_of_value(tmp_path):
    """Numbers, booleans, dates, times, durations under their number formats, formulas'
    cached results, errors, rich text, shared strings."""
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Värden"
    rows = [
        (1, 2.5, 3.0, -0.000123, 1e20, 12345678901234, True, False),
        (dt.date(2026, 3, 1), dt.datetime(2026, 3, 1, 14, 30), dt.datetime(2026, 3, 1), dt.time(8, 15),
         dt.timedelta(hours=30), "  text  ", "å ä ö – ”citat”", "=1+1"),
    ]
    for row in rows:
        ws.append(row)
    ws["A3"] = 45000
    ws["A3"].number_format = "yyyy-mm-dd"
    ws["B3"] = 0.75
    ws["B3"].number_format = "h:mm"
    ws["C3"] = 1.5
    ws["C3"].number_format = "[h]:mm:ss"
    ws["D3"] = 45000.5
    ws["D3"].number_format = '"Datum: "yyyy-mm-dd'
    ws["E3"] = 12.5
    ws["E3"].number_format = '# ##0 "kr"'
    ws["F3"] = 30
    ws["F3"].number_format = "d-mmm"
    second = wb.create_sheet("Blad två")
    second["C7"] = "ensam"
    path = tmp_path / "varden.xlsx"
    wb.save(path)
    assert_same_as_openpyxl(path)


def _with_sheet(tmp_path: Path, name: str, sheet: str, strings: str | None = None, workbook_pr: str = "",
                tab: str = "Utvärderingsschema") -> Path:
    """The utvärderingsschema with its sheet XML replaced (and shared strings added, the
    tab renamed)."""
    with zipfile.ZipFile(OFFICIAL / "utvarderingsschema.xlsx") as z:
        members = {i.filename: z.read(i) for i in z.infolist()}
    members["xl/workbook.xml"] = members["xl/workbook.xml"].replace(
        'name="Utvärderingsschema"'.encode(), f'name="{tab}"'.encode())
    members["xl/worksheets/sheet1.xml"] = (f'<worksheet xmlns="{S_NS}">{sheet}</worksheet>').encode()
    if strings is not None:
        members["xl/sharedStrings.xml"] = f'<sst xmlns="{S_NS}">{strings}</sst>'.encode()
        members["[Content_Types].xml"] = members["[Content_Types].xml"].replace(
            b"</Types>", b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-'
                         b'officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
        members["xl/_rels/workbook.xml.rels"] = members["xl/_rels/workbook.xml.rels"].replace(
            b"</Relationships>", b'<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                                 b'relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>')
    if workbook_pr:
        members["xl/workbook.xml"] = members["xl/workbook.xml"].replace(b"<sheets>", workbook_pr.encode() + b"<sheets>")
    path = tmp_path / name
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for member, data in members.items():
            z.writestr(member, data)
    return path


def test_what_other_programs_write(tmp_path):
    """Shared strings with runs and phonetic guides, _x005F_ escapes, cached formula results,
    errors, cells and rows without references, booleans, ISO dates (t="d"), a later cell on
    the same spot, covered cells that kept a value, dates counted from 1904."""
    strings = ("<si><t>Enkel</t></si>"
               "<si><r><rPr><b/></rPr><t>Fet </t></r><r><t xml:space=\"preserve\">och vanlig </t></r>"
               "<rPh sb=\"0\" eb=\"1\"><t>fonetisk</t></rPh></si>"
               "<si><t>under_x005F_x005F_streck</t></si><si><t/></si>")
    sheet = ("<sheetData>"
             '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c>'
             '<c r="D1" t="s"><v>3</v></c></row>'
             '<row r="2"><c r="A2"><f>1+1</f><v>2</v></c><c r="B2" t="str"><f>"a"&amp;"b"</f><v>ab</v></c>'
             '<c r="C2" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="D2" t="b"><v>1</v></c><c r="E2"><f>A1</f></c></row>'
             '<row><c><v>7</v></c><c t="inlineStr"><is><t>utan ref</t></is></c></row>'
             '<row r="5"><c r="A5" t="d"><v>2026-03-01T00:00:00</v></c><c r="B5" t="d"><v>2026-03-01T12:30:00</v></c>'
             '<c r="C5"><v>1.0E+3</v></c><c r="D5"><v> 42 </v></c><c r="D5"><v>43</v></c></row>'
             '<row r="6"><c r="A6" t="inlineStr"><is><t>Ursprung</t></is></c>'
             '<c r="B6" t="inlineStr"><is><t>täckt men kvar</t></is></c></row>'
             '<row r="8"><c r="B8" t="inlineStr"><is><r><t>Löp</t></r><r><t>text</t></r></is></c></row>'
             "</sheetData>"
             '<mergeCells count="1"><mergeCell ref="A6:C7"/></mergeCells>')
    assert_same_as_openpyxl(_with_sheet(tmp_path, "andra.xlsx", sheet, strings))
    dates = '<sheetData><row r="1"><c r="A1" s="0"><v>1</v></c></row></sheetData>'
    assert_same_as_openpyxl(_with_sheet(tmp_path, "mac.xlsx", dates, workbook_pr='<workbookPr date1904="1"/>'))


def test_sheet_limits_rows_and_columns(tmp_path, monkeypatch):
    """Past MAX_ROWS rows and MAX_COLUMNS columns nothing is read, as before (made small here:
    openpyxl's walk of 5 000 × 60 cells alone takes seconds)."""
    from socinv_docs.readers import xlsx_reader

    monkeypatch.setattr(xlsx_reader, "MAX_ROWS", 50)
    monkeypatch.setattr(xlsx_reader, "MAX_COLUMNS", 6)
    cells = "".join(f'<row r="{r}"><c r="A{r}"><v>{r}</v></c><c r="F{r}"><v>1</v></c><c r="G{r}"><v>2</v></c></row>'
                    for r in (1, 49, 50, 51, 90))
    merges = '<mergeCells><mergeCell ref="B2:H60"/><mergeCell ref="A70:B71"/></mergeCells>'
    cells += '<row r="2"><c r="B2" t="inlineStr"><is><t>Sammanslagen</t></is></c></row>'
    assert_same_as_openpyxl(_with_sheet(tmp_path, "gransen.xlsx", f"<sheetData>{cells}</sheetData>{merges}"))


# -- reading the start only ----------------------------------------------------------------------


def test_start_of_a_workbook(tmp_path):
    """read_raw(head_rows=N) reads the first N rows of each sheet and says whether that was all."""
    cells = "".join(f'<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>Rad {r}</t></is></c></row>' for r in range(1, 501))
    path = _with_sheet(tmp_path, "lang.xlsx", f"<sheetData>{cells}</sheetData>")
    head = read_raw(path, Limits(), head_rows=200)
    assert not head.complete and [b.row for b in head.blocks] == list(range(1, 201))
    whole = read_raw(path, Limits())
    assert whole.complete and len(whole.blocks) == 500
    assert read_raw(OFFICIAL / "forslag.xlsx", Limits(), head_rows=200).complete  # a template fits in its start


def test_workbook_that_is_clearly_no_template_is_not_read_to_the_end(schemas, tmp_path, monkeypatch):
    """20 000 rows of figures, no phrase, sheet name or heading of a template in the first
    rows: KIND_UNKNOWN from the start of the workbook alone."""
    from socinv_docs import pipeline

    cells = "".join(f'<row r="{r}">' + "".join(f'<c r="{c}{r}"><v>{r * 7 % 1000}</v></c>' for c in "ABCDEFGH") + "</row>"
                    for r in range(1, 20_001))
    path = _with_sheet(tmp_path, "siffror.xlsx", f"<sheetData>{cells}</sheetData>", tab="Mätvärden")
    reads = []
    real = pipeline.read_raw
    monkeypatch.setattr(pipeline, "read_raw", lambda *a, **kw: reads.append(kw.get("head_rows")) or real(*a, **kw))
    report = pipeline.check_document(path, schemas)
    assert [f.code.value for f in report.findings] == ["KIND_UNKNOWN"]
    assert reads == [pipeline.HEAD_ROWS]  # never read in full


def test_template_beyond_the_start_is_still_read_whole(schemas, tmp_path):
    """A förslag with 400 rows inserted under its first answer: its start shows the template,
    so the whole workbook is read and every section found (the later ones past row 200)."""
    x = ExcelDraft(OFFICIAL / "forslag.xlsx")
    x.answer("1. Behov", "Svar")
    prompt = x.find("1. Behov")
    x.insert_rows(prompt.row + 2, 400)
    for offset in range(400):
        x.ws.cell(prompt.row + 2 + offset, 2, f"Fortsättning {offset}")
    path = x.save(tmp_path / "lang_forslag.xlsx")
    from socinv_docs.pipeline import check_document

    report = check_document(path, schemas)
    expected = check_document(OFFICIAL / "forslag.xlsx", schemas, kind="forslag")
    assert report.kind == "forslag"
    assert set(report.document.sections) == set(expected.document.sections)
    last = max(report.document.sections.values(), key=lambda s: s.location.row or 0)
    assert (last.location.row or 0) > 400 and last.state.value != "missing"

"""What an applicant reads must be true, specific and in the order they work (issue 11):
answers quoted as written, unrecognised headings named, findings in document order,
locations on the cell, hints that fit the case, one JSON type per key. Drafts are built
from the official templates with docbuilder, the ways applicants fill them in.
"""

from __future__ import annotations

import json
import re
import zipfile

import pytest
from conftest import OFFICIAL
from docbuilder import ExcelDraft, WordDraft

from socinv_docs.codes import Code, Severity
from socinv_docs.pipeline import check_document, check_submission
from socinv_docs.report import in_document_order

CRITERIA = {
    "reellt_behov": "Finns ett reellt behov",
    "nya_arbetssatt": "Innebär idén nya arbetssätt",
    "samverkan": "Är fler nämnder",
    "utfall_och_kostnad": "Förväntas idén generera",
    "prioriteringar": "Bidrar idén till övergripande",
}
ANSOKAN_SECTIONS = ["2. Evidens och forskning", "3. Målgrupp", "4. Metod", "5. Tid", "6. Målsättning",
                    "6.1 Jämförelse", "6.2 Basmätning", "7. Kostnader", "8. Förväntade", "9. Plan"]
COSTS = [["År 1", "800 000", "100 000", "100 000", "1 000 000"],
         ["År 2", "800 000", "100 000", "100 000", "1 000 000"],
         ["År 3", "800 000", "100 000", "100 000", "1 000 000"],
         ["År 4", "500 000", "50 000", "50 000", "600 000"],
         ["Totalt", "2 900 000", "350 000", "350 000", "3 600 000"]]


def found(report, code: str):
    return [f for f in report.findings if f.code.value == code]


def ideprovning(answers: dict[str, tuple[str, str]]) -> WordDraft:
    d = WordDraft(OFFICIAL / "ideprovning.docx")
    d.fill_field("Satsningens namn", "Läxhjälp i Vivalla")
    d.fill_field("Kontaktperson", "Bo Lind")
    d.fill_field("Medverkande nämnder", "Socialnämnden – Social välfärd\nGrundskolenämnden – Förskola och skola")
    for h in ("1. Behov", "2. Satsningens", "3. Målgrupp", "4. Förväntade"):
        d.answer(h, "Ett svar.")
    for cid, question in CRITERIA.items():
        answer, motivation = answers.get(cid, ("Ja", "Se ovan."))
        d.set_criterion(question, answer, motivation)
    return d


def ansokan(first_heading: str | None = None, skip: tuple[str, ...] = ()) -> WordDraft:
    """A complete Örebro ansökan (signed, consistent numbers); `first_heading` rewords 1;
    the sections in `skip` are left for the test to answer."""
    d = WordDraft(OFFICIAL / "ansokan.docx")
    d.fill_field("Satsningens namn", "Läxhjälp i Vivalla")
    d.fill_field("Projektägare", "Anna Ek")
    d.fill_field("Kontaktperson", "Bo Lind")
    d.fill_field("Medverkande nämnder", "Socialnämnden – Social välfärd\nGrundskolenämnden – Förskola och skola")
    d.fill_field("Period för genomförande", "2026-01-01 – 2029-12-31")
    d.fill_field("Projektledare", "50 %")
    d.fill_field("Sökt belopp", "3 600 000 kr")
    heading = "1. Problemformulering och nulägesbeskrivning"
    if first_heading:
        d.rename_heading(heading, first_heading)
        heading = first_heading
    d.answer(heading, "Många elever i Vivalla saknar stöd med läxor.")
    for h in ANSOKAN_SECTIONS:
        if h not in skip:
            d.answer(h, f"Svar på {h}.")
    d.fill_table("År", COSTS)
    d.fill_table("Nämnd", [["Socialnämnden", "300 000", "10"], ["Grundskolenämnden", "200 000", "8"]])
    d.sign([["Socialförvaltningen", "Anna Ek", "2025-10-01"]])
    return d


def forslag() -> ExcelDraft:
    x = ExcelDraft(OFFICIAL / "forslag.xlsx")
    x.fill_field("Namn på satsningen:", "Läxhjälp i Bifrost")
    x.fill_field("Förvaltning som lämnar förslaget:", "Förskole- och grundskoleförvaltningen")
    x.fill_field("Kontaktperson:", "Johan Ekström")
    for prompt in ("Beskriv behovet", "Beskriv hur satsningen", "Vilka olika aktiviteter", "Varför ses just",
                   "Finns vetenskapligt", "Identifiera satsningens", "Identifiera även", "Resonera även",
                   "Redogör för samtliga", "Beskriv bedömd kostnad", "Vilka effekter kommer",
                   "Vilka ekonomiska effekter"):
        x.answer(prompt, "Ett svar.")
    x.answer("Under hur lång tid", "två år")
    return x


# -- 1. an answer is quoted as written ----------------------------------------------------------

@pytest.mark.parametrize("written", ["Delvis", "Vet ej", "?", "delvis, se motivering"])
def test_an_answer_neither_ja_nor_nej_is_quoted_not_read_as_nej(tmp_path, schemas, written):
    path = ideprovning({"nya_arbetssatt": (written, "Vissa delar är nya.")}).save(tmp_path / "ide.docx")
    report = check_document(path, schemas)
    answer = report.document.criteria["nya_arbetssatt"]
    assert answer.answer is None and answer.raw == written
    unclear = found(report, "CRITERION_UNCLEAR")
    assert [(f.criterion, f.severity, f.params["answer"]) for f in unclear] == \
        [("nya_arbetssatt", Severity.WARNING, written)]
    assert unclear[0].where.column == 2 and unclear[0].where.table is not None  # the Ja/Nej cell
    assert not found(report, "CRITERION_NOT_MET") and not found(report, "CRITERION_UNANSWERED")
    data = report.to_json()
    assert data["criteria"]["nya_arbetssatt"] is None
    assert data["criteria_raw"]["nya_arbetssatt"] == written
    assert data["criteria"]["reellt_behov"] == "ja" and data["criteria_raw"]["reellt_behov"] == "Ja"


def test_ja_and_nej_are_still_read_leniently(tmp_path, schemas):
    path = ideprovning({"samverkan": ("Ja, se ovan", "Tre nämnder."),
                        "utfall_och_kostnad": ("nej.", "Osäkert.")}).save(tmp_path / "ide.docx")
    report = check_document(path, schemas)
    assert report.document.criteria["samverkan"].answer is True
    assert [f.criterion for f in found(report, "CRITERION_NOT_MET")] == ["utfall_och_kostnad"]
    assert not found(report, "CRITERION_UNCLEAR")
    assert report.to_json()["criteria_raw"]["samverkan"] == "Ja, se ovan"


def test_an_answered_criterion_without_motivation_is_a_warning_on_the_motivering_cell(tmp_path, schemas):
    path = ideprovning({"samverkan": ("Ja", ""), "prioriteringar": ("", "")}).save(tmp_path / "ide.docx")
    report = check_document(path, schemas)
    unmotivated = found(report, "CRITERION_UNMOTIVATED")
    # An unanswered criterion is one problem (no answer), not two.
    assert [(f.criterion, f.severity) for f in unmotivated] == [("samverkan", Severity.WARNING)]
    assert unmotivated[0].where.column == 3
    assert unmotivated[0].params["answer"] == "Ja"
    assert [f.criterion for f in found(report, "CRITERION_UNANSWERED")] == ["prioriteringar"]
    assert report.status.value == "incomplete"


def test_the_memo_shows_the_answer_as_written(tmp_path, schemas):
    from socinv_docs.render.memo import memo_context
    from socinv_docs.report import RunReport

    path = ideprovning({"nya_arbetssatt": ("Delvis", "Vissa delar.")}).save(tmp_path / "ide.docx")
    report = check_document(path, schemas, display="ide.docx")
    ctx = memo_context(RunReport(submissions=[check_submission("ide.docx", [report], schemas)]), schemas, lang="sv")
    criteria = {c["id"]: c for c in ctx["submissions"][0]["criteria"]}
    assert criteria["nya_arbetssatt"]["answer"] == "Delvis"
    assert criteria["nya_arbetssatt"]["met"] is None and criteria["nya_arbetssatt"]["raw"] == "Delvis"
    assert criteria["reellt_behov"]["met"] is True


# -- 2. say what was not recognised --------------------------------------------------------------

def test_an_unrecognised_heading_is_named_in_the_missing_sections_finding(tmp_path, schemas):
    path = ansokan(first_heading="1 Problem och nuläge").save(tmp_path / "a.docx")
    report = check_document(path, schemas)
    missing = found(report, "SECTION_MISSING")
    assert [(f.section, f.params.get("variant"), f.params.get("found")) for f in missing] == \
        [("problemformulering", "unrecognised", "1 Problem och nuläge")]
    # The finding sits on the applicant's own heading, not where the template's would be.
    where = missing[0].where
    assert where.heading == "1 Problem och nuläge" and where.position == "at" and where.block is not None
    assert missing[0].params["heading"] == "1. Problemformulering och nulägesbeskrivning"


def test_an_unrecognised_bold_heading_ends_the_section_before_it(tmp_path, schemas):
    d = ansokan()
    d.heading_as_bold("3. Målgrupp och avgränsning")
    d.rename_heading("3. Målgrupp och avgränsning", "3. Vilka vi vill nå")
    report = check_document(d.save(tmp_path / "a.docx"), schemas)
    missing = found(report, "SECTION_MISSING")
    assert [(f.section, f.params.get("found")) for f in missing] == [("malgrupp", "3. Vilka vi vill nå")]
    # The words under it are not counted as the answer to 2. Evidens och forskning.
    assert "3. Målgrupp" not in report.document.sections["evidens"].text
    assert "Vilka vi vill nå" not in report.document.sections["evidens"].text


def test_a_deleted_section_is_missing_where_it_belongs_and_names_nothing(tmp_path, schemas):
    d = ansokan()
    d.remove_section("4. Metod och bemanning")
    report = check_document(d.save(tmp_path / "a.docx"), schemas)
    missing = found(report, "SECTION_MISSING")
    assert [f.section for f in missing] == ["metod"]
    assert "variant" not in missing[0].params and missing[0].where.position == "before"


def test_an_applicants_own_subheading_is_not_offered_as_a_section(tmp_path, schemas):
    d = ansokan(skip=("3. Målgrupp",))
    d.remove_section("4. Metod och bemanning")
    d.answer_with_subheading("3. Målgrupp", "Bakgrund", "Eleverna i årskurs 7–9.")
    report = check_document(d.save(tmp_path / "a.docx"), schemas)
    assert [("variant" in f.params) for f in found(report, "SECTION_MISSING")] == [False]


def test_an_unrecognised_excel_prompt_is_named_on_its_cell(tmp_path, schemas):
    x = forslag()
    x.rename("1. Behov och utmaning", "1. Vad vi vill ändra på")
    report = check_document(x.save(tmp_path / "f.xlsx"), schemas)
    missing = found(report, "SECTION_MISSING")
    assert [(f.section, f.params.get("found"), f.where.cell) for f in missing] == \
        [("behov", "1. Vad vi vill ändra på", "A9")]


# -- 3. findings in document order ---------------------------------------------------------------

def _problem_ansokan(tmp_path) -> tuple:
    """An ansökan with a problem in each part: a field, a section, the savings table, the
    signatures, and no utvärderingsschema."""
    d = WordDraft(OFFICIAL / "ansokan.docx")
    d.fill_field("Satsningens namn", "Läxhjälp i Vivalla")
    d.fill_field("Projektägare", "Anna Ek")
    d.fill_field("Kontaktperson", "Bo Lind")
    d.fill_field("Medverkande nämnder", "Socialnämnden – Social välfärd\nGrundskolenämnden – Förskola och skola")
    d.fill_field("Period för genomförande", "från hösten 2026 i tre år")
    d.fill_field("Projektledare", "50 %")
    d.fill_field("Sökt belopp", "3 600 000 kr")
    d.answer("1. Problemformulering", "Många elever saknar stöd.")
    d.answer("2. Evidens och forskning", "TODO")
    for h in ANSOKAN_SECTIONS[1:]:
        d.answer(h, "Ett svar.")
    d.fill_table("År", COSTS)
    d.fill_table("Nämnd", [["Socialnämnden", "300 000", "12"], ["Grundskolenämnden", "200 000", "8"]])
    return d.save(tmp_path / "ansokan.docx")


EXPECTED_ORDER = [("ATTACHMENT_MISSING", None), ("FIELD_INVALID", "period"),
                  ("SECTION_PLACEHOLDER", "evidens"), ("SAVINGS_HORIZON_EXCEEDED", "ekonomiska_effekter"),
                  ("SIGNATURE_MISSING", "underskrifter")]


def _order(findings) -> list[tuple]:
    return [(f["code"], f.get("field") or f.get("section")) for f in findings]


def test_findings_are_in_document_order_whatever_their_severity(cli, tmp_path):
    path = _problem_ansokan(tmp_path)
    data = cli("check", path, "--format", "json").json
    assert _order(data["findings"]) == EXPECTED_ORDER
    # Errors and warnings interleave: severity does not decide the order.
    assert [f["severity"] for f in data["findings"]] == ["warning", "error", "error", "warning", "warning"]
    text = cli("check", path).output
    codes_in_text = [line.split("[")[1].split("]")[0] for line in text.splitlines() if "  [" in line]
    assert codes_in_text == [code for code, _ in EXPECTED_ORDER]


def test_annotated_word_copy_and_memo_keep_document_order(tmp_path, schemas):
    from socinv_docs.render.annotate import annotate
    from socinv_docs.render.memo import memo_context
    from socinv_docs.report import RunReport

    path = _problem_ansokan(tmp_path)
    report = check_document(path, schemas, display="ansokan.docx")
    sub = check_submission("ansokan.docx", [report], schemas, alone=True)
    ctx = memo_context(RunReport(submissions=[sub]), schemas, lang="sv")
    assert [f["code"] for f in ctx["submissions"][0]["findings"]] == [c for c, _ in EXPECTED_ORDER]
    target = tmp_path / "granskad.docx"
    annotate(report, path, target, extra=sub.findings)
    xml = zipfile.ZipFile(target).read("word/document.xml").decode()
    comments = zipfile.ZipFile(target).read("word/comments.xml").decode()
    # Comments placed in the text appear in the file in the findings' order.
    ids = re.findall(r'commentRangeStart w:id="(\d+)"', xml)
    codes = []
    for cid in ids:
        body = re.search(rf'<w:comment [^>]*w:id="{cid}".*?</w:comment>', comments, re.S).group(0)
        codes += re.findall(r"\[([A-Z_]+)\]", body)[-1:]
    placed = [c for c, _ in EXPECTED_ORDER if c != "ATTACHMENT_MISSING"]
    assert [c for c in codes if c in placed] == placed


def test_excel_findings_go_row_by_row_and_the_review_sheet_follows(tmp_path, schemas):
    from socinv_docs.render.annotate import annotate

    x = forslag()
    x.clear("Beskriv behovet")
    x.answer("Finns vetenskapligt", "TODO")
    x.clear("Kontaktperson:", where="B")
    path = x.save(tmp_path / "f.xlsx")
    report = check_document(path, schemas)
    cells = [f.where.cell for f in report.findings]
    rows = [int("".join(ch for ch in c if ch.isdigit())) for c in cells]
    assert rows == sorted(rows) and len(rows) == 3
    target = tmp_path / "g.xlsx"
    annotate(report, path, target)
    import openpyxl

    from socinv_docs.readers.xlsx_reader import is_review_sheet

    ws = next(ws for ws in openpyxl.load_workbook(target).worksheets if is_review_sheet(ws))
    listed = [ws.cell(r, 2).value for r in range(6, ws.max_row + 1) if ws.cell(r, 2).value]
    assert listed == [f.code.value for f in report.findings]


def test_in_document_order_puts_a_missing_part_before_its_anchor():
    from socinv_docs.location import Location
    from socinv_docs.rules.base import make_finding

    at = make_finding(Code.SECTION_EMPTY, where=Location(block=7))
    before = make_finding(Code.SECTION_MISSING, where=Location(block=7, position="before"))
    after = make_finding(Code.SECTION_MISSING, where=Location(block=6, position="after"))
    whole = make_finding(Code.ATTACHMENT_MISSING)
    later_cell = make_finding(Code.CRITERION_UNMOTIVATED, where=Location(block=7, column=3))
    assert in_document_order([later_cell, at, before, after, whole]) == [whole, after, before, at, later_cell]


# -- 4. locations on the spot -------------------------------------------------------------------

def test_savings_horizon_points_at_the_years_cell(tmp_path, schemas):
    d = ansokan()
    d.fill_table("Nämnd", [["Socialnämnden", "300 000", "12"]])
    report = check_document(d.save(tmp_path / "a.docx"), schemas)
    (f,) = found(report, "SAVINGS_HORIZON_EXCEEDED")
    assert (f.where.row, f.where.column) == (2, 3)  # Socialnämnden's row, Antal år efter avslut


def test_schema_row_incomplete_points_at_the_empty_cell_and_the_copy_marks_it(tmp_path, schemas):
    from socinv_docs.render.annotate import annotate

    x = ExcelDraft(OFFICIAL / "utvarderingsschema.xlsx")
    x.grid_rows([["Ökad skolnärvaro", "Läxhjälp", "Antal träffar", "", "", "", ""],
                 ["Bättre betyg", "", "Betyg", "", "", "", "Betyg 2025"]])
    path = x.save(tmp_path / "s.xlsx")
    report = check_document(path, schemas)
    rows = found(report, "SCHEMA_ROW_INCOMPLETE")
    assert [(f.where.cell, f.params["cells"]) for f in rows] == [("G5", ["G5"]), ("B6", ["B6"])]
    target = tmp_path / "g.xlsx"
    annotate(report, path, target)
    import openpyxl

    ws = openpyxl.load_workbook(target)["Utvärderingsschema"]
    assert "SCHEMA_ROW_INCOMPLETE" in ws["G5"].comment.text and "SCHEMA_ROW_INCOMPLETE" in ws["B6"].comment.text
    assert ws["A5"].comment is None


def test_an_emptied_molndal_answer_points_at_its_answer_cell(tmp_path, schemas):
    x = forslag()
    x.clear("Beskriv behovet")  # "Skriv här :" deleted in B10, nothing typed
    report = check_document(x.save(tmp_path / "f.xlsx"), schemas)
    (f,) = found(report, "SECTION_EMPTY")
    assert (f.section, f.where.cell) == ("behov", "B10")  # not B9, the heading row
    assert f.params["variant"] == "cell" and f.params["cell"] == "B10"


def test_attachment_missing_names_the_submission(tmp_path, schemas):
    path = ansokan().save(tmp_path / "a.docx")
    other = ideprovning({}).save(tmp_path / "ide.docx")
    reports = [check_document(p, schemas) for p in (path, other)]
    sub = check_submission("Vivalla", reports, schemas)
    (f,) = [f for f in sub.findings if f.code is Code.ATTACHMENT_MISSING]
    assert f.params["submission"] == "Vivalla" and f.severity is Severity.ERROR


# -- 5. hints that fit the case -----------------------------------------------------------------

def test_a_placeholder_is_quoted_as_found(tmp_path, schemas):
    d = WordDraft(OFFICIAL / "ansokan.docx")
    d.answer("2. Evidens och forskning", "TODO")
    d.answer_in_content_control("3. Målgrupp", "", showing_placeholder=True)
    report = check_document(d.save(tmp_path / "a.docx"), schemas)
    by_section = {f.section: f for f in found(report, "SECTION_PLACEHOLDER")}
    assert by_section["evidens"].params["placeholder"] == "TODO" and "variant" not in by_section["evidens"].params
    assert by_section["problemformulering"].params["placeholder"] == "Skriv här:"
    # A content control showing Word's placeholder has no text to quote: its own words.
    assert by_section["malgrupp"].params["variant"] == "control"
    assert "TODO" in by_section["evidens"].hint_in("sv") and "Skriv här" not in by_section["evidens"].hint_in("sv")


def test_excel_hints_name_the_cell_and_molndal_uses_short_names(tmp_path, schemas):
    report = check_document(OFFICIAL / "forslag.xlsx", schemas)
    by_section = {f.section: f for f in report.findings if f.section}
    kontroll = by_section["kontrollgrupp"]
    assert kontroll.params["variant"] == "cell" and kontroll.params["cell"] == kontroll.where.cell == "B29"
    assert kontroll.params["name"] == "Kontrollgrupp eller jämförelsealternativ"
    assert kontroll.params["name"] in kontroll.message_in("sv") and "Resonera" not in kontroll.message_in("sv")
    assert "B29" in kontroll.hint_in("sv") and "B29" in kontroll.hint_in("en")


# -- 6. JSON keeps one type per key ---------------------------------------------------------------

def _types(data: dict) -> dict[str, str]:
    return {k: type(v).__name__ for k, v in data["fields"].items()}


def test_period_is_always_an_object(tmp_path, cli):
    d = ansokan()
    d.fill_field("Period för genomförande", "från hösten 2026 i tre år")
    bad = cli("check", d.save(tmp_path / "bad.docx"), "--format", "json").json
    assert bad["fields"]["period"] == {"start": None, "end": None, "raw": "från hösten 2026 i tre år"}
    good = cli("check", ansokan().save(tmp_path / "good.docx"), "--format", "json").json
    assert good["fields"]["period"] == {"start": "2026-01-01", "end": "2029-12-31", "raw": "2026-01-01 – 2029-12-31"}
    blank = cli("check", OFFICIAL / "ansokan.docx", "--format", "json").json
    assert blank["fields"]["period"] == {"start": None, "end": None, "raw": ""}


@pytest.mark.parametrize("kind,build", [("ansokan", lambda: ansokan()), ("ideprovning", lambda: ideprovning({})),
                                        ("forslag", lambda: forslag())])
def test_every_field_keeps_its_json_type_filled_blank_or_unreadable(tmp_path, cli, schemas, kind, build):
    template = OFFICIAL / f"{kind}.{schemas.kinds[kind].format}"
    filled = cli("check", build().save(tmp_path / f"f.{template.suffix[1:]}"), "--format", "json").json
    blank = cli("check", template, "--format", "json").json
    allowed = {"text": {"str"}, "lines": {"list"}, "parties": {"list"}, "period": {"dict"},
               "percent": {"int", "float"}, "amount": {"int"}, "duration": {"int", "float"}}
    for spec in schemas.kinds[kind].fields:
        for data in (filled, blank):
            value = data["fields"][spec.id]
            assert value is None and spec.type not in ("period", "lines", "parties") \
                or type(value).__name__ in allowed[spec.type], (spec.id, value)
        assert isinstance(filled["fields_raw"][spec.id], str) and isinstance(blank["fields_raw"][spec.id], str)
    json.dumps(filled)


def test_an_unreadable_amount_is_null_with_its_words_beside_it(tmp_path, cli):
    d = ansokan()
    d.fill_field("Sökt belopp", "ungefär tre miljoner")
    data = cli("check", d.save(tmp_path / "a.docx"), "--format", "json").json
    assert data["fields"]["sokt_belopp"] is None
    assert data["fields_raw"]["sokt_belopp"] == "ungefär tre miljoner"
    assert any(f["code"] == "FIELD_INVALID" and f["field"] == "sokt_belopp" for f in data["findings"])


def test_an_empty_excel_field_and_an_empty_schema_column_name_their_cells(tmp_path, schemas):
    x = forslag()
    x.clear("Kontaktperson:")
    report = check_document(x.save(tmp_path / "f.xlsx"), schemas)
    (missing,) = found(report, "FIELD_MISSING")
    assert (missing.field, missing.where.cell, missing.params["variant"]) == ("kontaktperson", "B6", "cell")
    assert "B6" in missing.hint_in("sv")
    s = ExcelDraft(OFFICIAL / "utvarderingsschema.xlsx")
    s.grid_rows([["Ökad skolnärvaro", "Läxhjälp", "Antal träffar", "", "", "", "Närvaro 2025"]])
    schema = check_document(s.save(tmp_path / "s.xlsx"), schemas)
    columns = {f.section: f for f in found(schema, "SECTION_EMPTY")}
    assert columns["utfallsmatt"].params["variant"] == "column" and columns["utfallsmatt"].where.cell == "F5"
    assert "F5" in columns["utfallsmatt"].hint_in("en")


def test_each_empty_schema_column_hint_names_its_own_column(schemas):
    """Issue 24: every hint said 'the column for the goals'. Each names its column, from the
    kind's grid columns, and the goals' column is the one each row is filled in for."""
    report = check_document(OFFICIAL / "utvarderingsschema.xlsx", schemas)
    grid = schemas.kinds["utvarderingsschema"].grid
    empty = found(report, "SECTION_EMPTY")
    assert [f.section for f in empty] == list(grid.columns)
    for lang in ("sv", "en"):
        hints = [f.hint_in(lang) for f in empty]
        assert len(set(hints)) == len(hints)
        for f, hint in zip(empty, hints):
            assert f.params["column"] == grid.columns[f.section] and f"'{f.params['column']}'" in hint
            assert f.where.cell in hint
    variants = {f.section: f.params["variant"] for f in empty}
    assert variants.pop(grid.key_column) == "key_column" and set(variants.values()) == {"column"}
    assert {f.params["row_name"] for f in empty} == {grid.columns[grid.key_column]}

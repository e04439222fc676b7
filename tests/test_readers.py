"""What the readers see in real drafts, and values read leniently: criteria answered "ja",
"JA", "X"; förslag durations written as "två år", "24 månader", "2019–2021". Drafts are
built from the official templates with docbuilder.
"""

from __future__ import annotations

import pytest
from docbuilder import CONTROL_PLACEHOLDER, ExcelDraft, WordDraft

from socinv_docs.limits import Limits
from socinv_docs.pipeline import check_document, read_raw
from socinv_docs.readers.blocks import BlockKind

CRITERIA = {
    "reellt_behov": "Finns ett reellt behov",
    "nya_arbetssatt": "Innebär idén nya arbetssätt",
    "samverkan": "Är fler nämnder",
    "utfall_och_kostnad": "Förväntas idén generera",
    "prioriteringar": "Bidrar idén till övergripande",
}


def raw_blocks(path):
    return read_raw(path, Limits()).blocks


def texts(path) -> list[str]:
    return [b.text for b in raw_blocks(path)]


def findings(report, code):
    return [f for f in report.findings if f.code.value == code]


# -- Word reader -------------------------------------------------------------------------------

def test_text_box_text_appears_once(official, tmp_path):
    d = WordDraft(official / "ideprovning.docx")
    d.answer_in_text_box("3. Målgrupp", "Unga i Vivalla\nDeras föräldrar")
    path = d.save(tmp_path / "t.docx")
    all_text = "\n".join(texts(path))
    assert all_text.count("Unga i Vivalla") == 1
    assert all_text.count("Deras föräldrar") == 1
    # it sits where it was typed: after the heading, before the next one
    order = texts(path)
    assert order.index("3. Målgrupp") < order.index("Unga i Vivalla") < order.index("4. Förväntade effekter")


def test_tracked_changes(official, tmp_path):
    d = WordDraft(official / "ideprovning.docx")
    d.tracked_insertion("1. Behov", "Infogad text")
    d.tracked_deletion("2. Satsningens innehåll", "Borttagen text")
    path = d.save(tmp_path / "t.docx")
    all_text = "\n".join(texts(path))
    assert "Infogad text" in all_text
    assert "Borttagen text" not in all_text


def test_content_control_placeholder_flag(official, tmp_path):
    d = WordDraft(official / "ideprovning.docx")
    d.answer_in_content_control("1. Behov", "", showing_placeholder=True)
    d.answer_in_content_control("2. Satsningens innehåll", "", showing_placeholder=True, inline=True)
    d.answer_in_content_control("3. Målgrupp", "Ifylld kontroll")
    path = d.save(tmp_path / "t.docx")
    blocks = raw_blocks(path)
    assert CONTROL_PLACEHOLDER not in "\n".join(b.text for b in blocks)
    assert sum(1 for b in blocks if b.placeholder) == 2
    assert any(b.text == "Ifylld kontroll" and not b.placeholder for b in blocks)


def test_heading_styles_and_bold(official, tmp_path):
    d = WordDraft(official / "ideprovning.docx")
    d.heading_as_bold("3. Målgrupp")
    path = d.save(tmp_path / "t.docx")
    by_text = {b.text: b for b in raw_blocks(path)}
    assert by_text["1. Behov som utgör utgångspunkt för idén"].heading_level == 1
    assert by_text["3. Målgrupp"].heading_level is None
    assert by_text["3. Målgrupp"].bold
    assert by_text["Beskriv vilken avgränsad målgrupp satsningen riktar sig till."].italic


def test_vertically_merged_word_cell_read_once(official, tmp_path):
    d = WordDraft(official / "ansokan.docx")
    d.fill_table("Nämnd", [["Socialnämnden", "300 000", "5"], ["", "200 000", "5"]])
    d.merge_vertically("Nämnd", column=0, first_row=1, last_row=2)
    path = d.save(tmp_path / "t.docx")
    rows = [b for b in raw_blocks(path) if b.kind is BlockKind.ROW and "200 000" in b.text]
    assert len(rows) == 1
    assert [c.text for c in rows[0].cells] == ["200 000", "5"]  # the covered cell is not repeated


def test_excel_merged_cells(official, tmp_path):
    x = ExcelDraft(official / "utvarderingsschema.xlsx")
    x.grid_rows([["Mål A", "Akt 1", "Mått", "", "", "", "Bas"], [None, "Akt 2", "Mått 2", "", "", "", "Bas 2"]])
    path = x.save(tmp_path / "t.xlsx")
    rows = [b for b in raw_blocks(path) if b.row in (5, 6)]
    assert rows[0].cells[0].text == "Mål A" and rows[0].cells[0].merged_into is None
    assert rows[1].cells[0].text == "Mål A" and rows[1].cells[0].merged_into == "A5"
    assert "Mål A" not in rows[1].text  # a reader of text counts it once


def _over_the_limit(budget, additions: list[tuple[str, int]]) -> dict:
    """Add cells to a CellBudget as the readers do (a sheet's cells one by one, or a merged
    range or a whole .xls sheet at once) until it refuses; what it refused with."""
    from socinv_docs.readers.safety import UnreadableFile

    with pytest.raises(UnreadableFile) as refused:
        for sheet, cells in additions:
            budget.add_cells(cells, sheet)
    return {"reason": refused.value.reason, **refused.value.params}


def test_cell_limit_names_the_sheet_with_its_own_count():
    """A sheet alone over the limit is named with what it covers, not the workbook's total
    so far (apache/poi's 53446.xls was told 'Large Positions' covered the workbook's count)."""
    from socinv_docs.readers.xlsx_reader import CellBudget

    refused = _over_the_limit(CellBudget(Limits(max_cells=100)), [("Blad1", 1)] * 40 + [("Blad2", 150)])
    assert refused == {"reason": "unreadable.too_many_cells", "sheet": "Blad2", "count": 150, "limit": 100}


@pytest.mark.parametrize("additions", [[("Blad1", 60), ("Blad2", 60)], [("Blad1", 1)] * 60 + [("Blad2", 1)] * 60],
                         ids=["whole_sheets", "cell_by_cell"])
def test_cell_limit_over_the_workbook_names_the_workbook(additions):
    """No one sheet over the limit, the sheets together over it: the workbook, with its count."""
    from socinv_docs.readers.xlsx_reader import CellBudget

    refused = _over_the_limit(CellBudget(Limits(max_cells=100)), additions)
    assert refused["reason"] == "unreadable.too_many_cells_workbook" and "sheet" not in refused
    assert refused["count"] == (120 if len(additions) == 2 else 101)


# -- criteria ----------------------------------------------------------------------------------

def _criteria_draft(official, answers: dict[str, str]) -> WordDraft:
    d = WordDraft(official / "ideprovning.docx")
    d.fill_field("Satsningens namn", "Läxhjälp i Vivalla")
    for cid, question in CRITERIA.items():
        if cid in answers:
            d.set_criterion(question, answers[cid], "Motivering.")
    return d


@pytest.mark.parametrize("answer", ["Ja", "ja", "JA", "Ja, se ovan", "X", "x", "ja."])
def test_criterion_yes_read_leniently(official, tmp_path, schemas, answer):
    d = _criteria_draft(official, {cid: "Ja" for cid in CRITERIA} | {"samverkan": answer})
    report = check_document(d.save(tmp_path / "k.docx"), schemas)
    assert report.document.criteria["samverkan"].answer is True
    assert not findings(report, "CRITERION_UNANSWERED")
    assert not findings(report, "CRITERION_NOT_MET")


def test_criterion_no_is_warning(official, tmp_path, schemas):
    # Only this criterion is answered: the others are unanswered.
    d = _criteria_draft(official, {"nya_arbetssatt": "Nej"})
    report = check_document(d.save(tmp_path / "k.docx"), schemas)
    assert report.document.criteria["nya_arbetssatt"].answer is False
    not_met = findings(report, "CRITERION_NOT_MET")
    assert [(f.criterion, f.severity.value) for f in not_met] == [("nya_arbetssatt", "warning")]
    assert {f.criterion for f in findings(report, "CRITERION_UNANSWERED")} == set(CRITERIA) - {"nya_arbetssatt"}


@pytest.mark.parametrize("no", ["Nej", "nej.", "nej, inte ännu"])
def test_criterion_no_among_yes(official, tmp_path, schemas, no):
    d = _criteria_draft(official, {cid: "Ja" for cid in CRITERIA} | {"utfall_och_kostnad": no})
    report = check_document(d.save(tmp_path / "k.docx"), schemas)
    assert report.document.criteria["utfall_och_kostnad"].answer is False
    assert [f.criterion for f in findings(report, "CRITERION_NOT_MET")] == ["utfall_och_kostnad"]
    assert not findings(report, "CRITERION_UNANSWERED")


@pytest.mark.parametrize("answer", ["", "Skriv här:", "..."])
def test_criterion_unanswered(official, tmp_path, schemas, answer):
    d = _criteria_draft(official, {cid: "Ja" for cid in CRITERIA} | {"prioriteringar": answer})
    report = check_document(d.save(tmp_path / "k.docx"), schemas)
    assert report.document.criteria["prioriteringar"].answer is None
    assert [f.criterion for f in findings(report, "CRITERION_UNANSWERED")] == ["prioriteringar"]
    assert report.status == "incomplete"


# -- durations (förslag) -------------------------------------------------------------------------

def _forslag(official, tidsperiod: str) -> ExcelDraft:
    x = ExcelDraft(official / "forslag.xlsx")
    x.fill_field("Namn på satsningen:", "Läxhjälp i Bifrost")
    x.fill_field("Förvaltning som lämnar förslaget:", "Förskole- och grundskoleförvaltningen")
    x.fill_field("Kontaktperson:", "Johan Ekström")
    x.answer("Under hur lång tid", tidsperiod)
    return x


@pytest.mark.parametrize("text, years", [
    ("3 år", 3), ("två år", 2), ("24 månader", 2), ("2019–2021", 3), ("1,5 år", 1.5),
    ("ett och ett halvt år", 1.5), ("Satsningen pågår i 18 månader.", 1.5),
])
def test_duration_in_range(official, tmp_path, schemas, text, years):
    report = check_document(_forslag(official, text).save(tmp_path / "f.xlsx"), schemas)
    assert report.document.fields["tidsperiod"].value == pytest.approx(years, abs=0.01)
    assert not findings(report, "DURATION_OUT_OF_RANGE")
    assert not findings(report, "FIELD_INVALID")


@pytest.mark.parametrize("text", ["fem år", "6 månader", "2018–2023"])
def test_duration_out_of_range(official, tmp_path, schemas, text):
    report = check_document(_forslag(official, text).save(tmp_path / "f.xlsx"), schemas)
    found = findings(report, "DURATION_OUT_OF_RANGE")
    assert [(f.field, f.severity.value) for f in found] == [("tidsperiod", "error")]


def test_duration_unreadable_is_warning(official, tmp_path, schemas):
    report = check_document(_forslag(official, "vet inte än").save(tmp_path / "f.xlsx"), schemas)
    invalid = findings(report, "FIELD_INVALID")
    assert [(f.field, f.severity.value) for f in invalid] == [("tidsperiod", "warning")]
    assert not findings(report, "DURATION_OUT_OF_RANGE")
    assert report.document.sections["tidsperiod"].state.value == "ok"


def test_duration_typed_right_of_prompt(official, tmp_path, schemas):
    x = _forslag(official, "Skriv här:")
    x.answer("Under hur lång tid", "två år", where="right")
    report = check_document(x.save(tmp_path / "f.xlsx"), schemas)
    assert report.document.fields["tidsperiod"].value == 2


def test_duration_via_cli_json(official, tmp_path, cli):
    path = _forslag(official, "fem år").save(tmp_path / "f.xlsx")
    result = cli("check", path, "--format", "json")
    assert result.exit_code == 1
    assert "DURATION_OUT_OF_RANGE" in {f["code"] for f in result.json["findings"]}
    assert result.json["fields"]["tidsperiod"] == 5

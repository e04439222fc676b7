"""Answers that are not quite true (issue 24, from a new user's run of every role): what
every output tells a person must agree with the data, and say it in terms the person sees.

Assertions are on codes, states, params and where, and on catalogue entries and schema
names rendered by the code under test, never on message wording written here.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import docx
import openpyxl
from conftest import OFFICIAL, ROOT

from socinv_docs import messages
from socinv_docs.codes import Code, Severity
from socinv_docs.pipeline import check_document, check_submission
from socinv_docs.render.register.sheets.submissions import SHEET as ANS
from socinv_docs.report import RunReport, Status
from socinv_docs.rules.base import make_finding

KOMPLETT = ROOT / "samples" / "ansokan-komplett"
SCHEMA_NAME = {"sv": "Utvärderingsschema", "en": "Evaluation schema"}  # the kind's `name` in its schema


def _alone(schemas, path: Path, name: str | None = None):
    """An ansökan checked on its own, as `check FILE`, the web page and `memo FILE` do."""
    report = check_document(path, schemas, display=name or path.name)
    return check_submission(name or path.name, [report], schemas, alone=True)


# -- 1. a missing mandatory attachment is never shown as complete --------------------------------

def test_an_ansokan_alone_keeps_the_json_contract_and_names_the_missing_attachment(cli):
    result = cli("check", KOMPLETT / "ansokan.docx", "--format", "json")
    assert result.exit_code == 0  # SPEC §3/§5: a warning, the status stays complete
    data = result.json
    assert data["status"] == "complete"
    assert data["missing_attachments"] == ["utvarderingsschema"]
    attachment = [f for f in data["findings"] if f["code"] == "ATTACHMENT_MISSING"]
    assert [(f["severity"], f["params"]["mandatory"]) for f in attachment] == [("warning", True)]
    together = cli("check", KOMPLETT / "ansokan.docx", KOMPLETT / "utvarderingsschema.xlsx", "--format", "json").json
    assert together["missing_attachments"] == [] and together["status"] == "complete"


def test_the_text_report_of_an_ansokan_alone_is_not_complete_and_says_what_to_send(cli):
    for lang in ("sv", "en"):
        out = cli("check", KOMPLETT / "ansokan.docx", "--lang", lang).output
        status = out.splitlines()[0].rsplit(": ", 1)[1].split(" (")[0]  # "… (orebro-2020): STATUS (counts)"
        assert status == messages.text("ui.status.incomplete", lang)
        assert SCHEMA_NAME[lang] in out.splitlines()[1]
    together = cli("check", KOMPLETT / "ansokan.docx", KOMPLETT / "utvarderingsschema.xlsx").output
    assert together.splitlines()[0].endswith(messages.text("ui.status.complete", "sv"))


def test_the_web_page_of_an_ansokan_alone_is_not_complete_and_says_what_to_send(schemas):
    from socinv_docs.web import pages

    sub = _alone(schemas, KOMPLETT / "ansokan.docx")
    # The web app moves the file's attachment finding onto the file, as `check` does.
    sub.documents[0].findings = [*sub.findings, *sub.documents[0].findings]
    sub.findings = []
    assert sub.status is Status.COMPLETE
    for lang in ("sv", "en"):
        view = pages.report_view(sub, schemas, lang, [None])
        assert view.status == "incomplete" and view.icon != "✓"
        assert view.status_label == messages.text("web.status.incomplete", lang)
        assert SCHEMA_NAME[lang] in view.summary
        assert [f.status for f in view.files] == ["incomplete"]
        html = pages.render("report.html", lang, title="", report=view)
        assert 'class="summary status-incomplete"' in html and 'class="summary status-complete"' not in html


def test_the_annotated_copy_of_an_ansokan_alone_is_not_complete(schemas, tmp_path, cli):
    target = tmp_path / "granskad.docx"
    assert cli("check", KOMPLETT / "ansokan.docx", "--annotate", target).exit_code == 0
    summary = docx.Document(str(target)).comments
    first = next(iter(summary)).text
    status_line = first.split("\n")[1]
    assert messages.text("annotate.summary_status", "sv", status=messages.text("ui.status.incomplete", "sv"),
                         counts=messages.counts(0, 1, "sv")) in status_line
    assert SCHEMA_NAME["sv"] in status_line


def test_the_register_and_memo_of_an_ansokan_alone_are_not_complete(schemas, tmp_path):
    from socinv_docs.render import register as R
    from socinv_docs.render.memo import memo_context

    inbox = tmp_path / "inkomna"
    inbox.mkdir()
    shutil.copy(KOMPLETT / "ansokan.docx", inbox / "ansokan.docx")
    run = RunReport(submissions=[_alone(schemas, inbox / "ansokan.docx", "ansokan.docx")])
    path = tmp_path / "register.xlsx"
    R.write_register(path, run, root=inbox, schemas=schemas, now=dt.datetime(2026, 3, 1))
    ws = openpyxl.load_workbook(path)["Ansökningar"]
    header = [c.value for c in ws[1]]
    row = {h: c.value for h, c in zip(header, ws[2])}
    assert row[ANS.header("status", "sv")] == messages.text("register.status.incomplete")
    assert SCHEMA_NAME["sv"] in row[ANS.header("reason", "sv")]

    for lang in ("sv", "en"):
        ctx = memo_context(run, schemas, lang=lang)
        (s,) = ctx["submissions"]
        assert s["status"] == "incomplete"
        assert s["status_text"] != messages.text("register.status.complete", lang)
        assert SCHEMA_NAME[lang] in s["status_text"]
        assert ctx["totals"]["complete"] == 0 and ctx["totals"]["incomplete"] == 1


def test_only_a_mandatory_attachment_holds_the_shown_status_back():
    from socinv_docs.report import shown_status_of

    recommended = make_finding(Code.ATTACHMENT_MISSING, severity=Severity.WARNING, kind="x", mandatory=False)
    mandatory = make_finding(Code.ATTACHMENT_MISSING, severity=Severity.WARNING, kind="x", mandatory=True)
    assert shown_status_of([recommended]) is Status.COMPLETE
    assert shown_status_of([mandatory]) is Status.INCOMPLETE
    unreadable = make_finding(Code.FILE_UNREADABLE, reason_key="unreadable.corrupt")
    assert shown_status_of([mandatory, unreadable]) is Status.UNREADABLE



# -- 2. an optional section left as the placeholder is simply not answered ----------------------

def test_an_optional_placeholder_section_is_not_answered_in_table_findings_and_register(schemas, tmp_path, cli):
    from socinv_docs.render import register as R
    from socinv_docs.render.memo import memo_context
    from socinv_docs.web import pages

    blank = OFFICIAL / "forslag.xlsx"  # the blank Mölndal form
    kind = schemas.kinds["forslag"]
    optional = next(s for s in kind.sections if s.required == "no")
    required = kind.sections[0]
    data = cli("check", blank, "--format", "json").json
    assert data["sections"][optional.id] == "placeholder"  # the data as found (SPEC §5)
    assert not [f for f in data["findings"] if f["section"] == optional.id]  # optional: no finding

    text = cli("check", blank).output
    line = next(x for x in text.splitlines() if f" {optional.id} " in x)
    assert line.strip().split()[0] == "–" and messages.text("ui.state.unanswered") in line
    required_line = next(x for x in text.splitlines() if f" {required.id} " in x)
    assert required_line.strip().split()[0] == "✗"

    sub = _alone(schemas, blank, "forslag.xlsx")
    view = pages.file_view(sub.documents[0], schemas, "sv", None)
    rows = {s.name: s for s in view.sections}
    assert (rows[optional.short].tone, rows[optional.short].mark) == ("optional", "–")
    assert rows[required.short].tone == "bad"

    inbox = tmp_path / "inkomna"
    inbox.mkdir()
    shutil.copy(blank, inbox / "forslag.xlsx")
    path = tmp_path / "register.xlsx"
    R.write_register(path, RunReport(submissions=[sub]), root=inbox, schemas=schemas, now=dt.datetime(2026, 3, 1))
    ws = openpyxl.load_workbook(path)["Ansökningar"]
    row = {h.value: c.value for h, c in zip(ws[1], ws[2])}
    listed = row[ANS.header("missing", "sv")].split(", ")
    assert required.short in listed and optional.short not in listed

    sections = {s["id"]: s for s in memo_context(RunReport(submissions=[sub]), schemas)["submissions"][0]["sections"]}
    assert sections[optional.id]["state"] == messages.text("ui.state.unanswered")


# -- 3. an answer beside "Skriv här:" counts, and the leftover placeholder is pointed out -----------

def _leftovers(report):
    return [f for f in report.findings if f.code is Code.SECTION_PLACEHOLDER
            and str(f.params.get("variant", "")).startswith("leftover")]


def test_an_answer_beside_or_beneath_skriv_har_counts_and_the_leftover_is_a_warning_on_its_cell(schemas, tmp_path):
    from test_applicant import forslag

    x = forslag()
    for prompt in ("Vilka olika aktiviteter", "Vilka effekter kommer"):
        x.answer(prompt, "Skriv här:")  # as in the template
    x.answer("Vilka olika aktiviteter", "Läxhjälp två kvällar i veckan.", where="right")  # C16, B16 left
    x.answer("Vilka effekter kommer", "Högre betyg och färre placeringar.", where="below")  # B40, B39 left
    report = check_document(x.save(tmp_path / "f.xlsx"), schemas)
    assert report.status is Status.COMPLETE  # the answers count (SPEC §2.4)
    assert report.document.sections["aktiviteter"].state.value == "ok"
    assert report.document.sections["effekter_individ"].state.value == "ok"
    left = {f.section: f for f in _leftovers(report)}
    assert set(left) == {"aktiviteter", "effekter_individ"}
    for f in left.values():
        assert f.severity is Severity.WARNING and f.params["variant"] == "leftover_cell"
        assert f.params["placeholder"].startswith("Skriv här")
        assert f.where.cell == f.params["cell"] and f.where.cell in f.hint_in("sv")
    assert (left["aktiviteter"].where.cell, left["aktiviteter"].params["answer_cell"]) == ("B16", "C16")
    assert (left["effekter_individ"].where.cell, left["effekter_individ"].params["answer_cell"]) == ("B39", "B40")
    # Typed over "Skriv här:" there is nothing left to point out.
    assert not _leftovers(check_document(forslag().save(tmp_path / "g.xlsx"), schemas))

    # The annotated copy notes B16; its fill goes once "Skriv här:" is deleted (that is the
    # fix), where a cell to be filled in keeps its fill while it is empty.
    from test_annotate_excel import _rules

    from socinv_docs.render.annotate import annotate

    x.clear("Namn på satsningen:")
    report = check_document(x.save(tmp_path / "h.xlsx"), schemas)
    annotate(report, tmp_path / "h.xlsx", tmp_path / "granskad.xlsx")
    rules = _rules(tmp_path / "granskad.xlsx")
    assert "LEN(TRIM(B16))=0" not in rules["Förslag!B16"][0] and "LEN(B16)=" in rules["Förslag!B16"][0]
    assert "LEN(TRIM(B4))=0" in rules["Förslag!B4"][0]


def test_a_word_answer_under_a_kept_skriv_har_is_ok_with_a_warning_on_that_paragraph(schemas, tmp_path):
    from test_applicant import ansokan

    d = ansokan(skip=("9. Plan",))
    d.answer_below_prompt("9. Plan", "Verksamheten tar över efter år 4.")
    report = check_document(d.save(tmp_path / "a.docx"), schemas)
    assert report.document.sections["implementering"].state.value == "ok"
    (f,) = _leftovers(report)
    assert (f.section, f.severity, f.params["variant"]) == ("implementering", Severity.WARNING, "leftover")
    assert f.where.paragraph is not None and f.where.cell is None
    assert report.status is Status.COMPLETE
    # Dots or dashes left on a line of their own are layout, not a placeholder left behind.
    d = ansokan(skip=("9. Plan",))
    d.answer("9. Plan", "Verksamheten tar över efter år 4.\n…")
    assert not _leftovers(check_document(d.save(tmp_path / "b.docx"), schemas))


# -- 6. signatures: what is missing, in the rows people see ---------------------------------------

def _signature_findings(schemas, tmp_path, rows, name="a.docx"):
    from test_applicant import ansokan

    d = ansokan()
    if rows is not None:
        d.sign(rows)
    report = check_document(d.save(tmp_path / name), schemas)
    return [f for f in report.findings if f.code is Code.SIGNATURE_MISSING]


def test_a_signature_without_a_date_is_flagged_on_its_row(schemas, tmp_path):
    (f,) = _signature_findings(schemas, tmp_path, [["Socialförvaltningen", "Anna Ek", ""]])
    assert (f.params["variant"], f.params["row"], f.params["missing"]) == ("row", "Socialförvaltningen", ["Datum"])
    assert f.where.table is not None and f.where.row == 2  # that row of the Underskrifter table
    assert (f.where.table_name, f.where.row_label) == ("Underskrifter", "Socialförvaltningen")
    assert f.severity is Severity.WARNING and f.section == "underskrifter"
    # A signed row beside it changes nothing about the unfinished one; a signed row alone is fine.
    two = _signature_findings(schemas, tmp_path, [["Socialförvaltningen", "Anna Ek", "2025-10-01"],
                                                  ["Kulturförvaltningen", "", "2025-10-02"]], "b.docx")
    assert [(f.params["variant"], f.params["row"], f.params["missing"]) for f in two] == \
        [("row", "Kulturförvaltningen", ["Namn"])]
    assert _signature_findings(schemas, tmp_path, [["Socialförvaltningen", "Anna Ek", "2025-10-01"]], "c.docx") == []


def test_an_unsigned_form_says_nobody_signed_rather_than_counting_rows(schemas):
    report = check_document(OFFICIAL / "ansokan.docx", schemas)
    (f,) = [f for f in report.findings if f.code is Code.SIGNATURE_MISSING]
    assert f.params["variant"] == "none" and f.where.heading == "Underskrifter"
    assert f.params["columns"] == list(schemas.kinds["ansokan"].signatures.columns)
    for lang in ("sv", "en"):
        assert "Datum" in f.hint_in(lang)  # the columns to fill in, as the template names them


# -- 4. Word locations say what a person sees -------------------------------------------------------

def test_a_word_table_row_is_named_by_the_heading_above_and_its_first_cell(schemas, tmp_path):
    from test_applicant import ansokan

    report = check_document(ROOT / "samples" / "ansokan-luckor" / "ansokan.docx", schemas)
    (costs,) = [f for f in report.findings if f.code is Code.COSTS_INCONSISTENT]
    w = costs.where
    assert (w.table, w.row) == (2, 6)  # the numbers stay, for scripts
    assert (w.table_name, w.row_label) == ("7. Kostnader för genomförande", "Totalt")
    for lang in ("sv", "en"):
        assert costs.location_in(lang) == ", ".join([messages.text("loc.table_named", lang, name=w.table_name),
                                                     messages.text("loc.row_named", lang, name=w.row_label)])
    assert costs.to_json()["where"]["table_name"] == w.table_name

    d = ansokan()
    d.fill_table("Nämnd", [["Socialnämnden", "300 000", "12"]])
    (savings,) = [f for f in check_document(d.save(tmp_path / "a.docx"), schemas).findings
                  if f.code is Code.SAVINGS_HORIZON_EXCEEDED]
    assert (savings.where.table_name, savings.where.row_label, savings.where.column_name) == \
        ("8. Förväntade ekonomiska effekter", "Socialnämnden", "Antal år efter avslut")


def test_a_word_table_without_a_heading_is_named_by_its_caption_or_header_cells(tmp_path):
    import zipfile

    from socinv_docs.limits import Limits
    from socinv_docs.readers.docx_reader import read_docx

    d = docx.Document()
    d.add_paragraph("Lite löptext före tabellerna, ingen rubrik.")
    first = d.add_table(rows=2, cols=2)
    for cell, text in zip(first.rows[0].cells + first.rows[1].cells, ["År", "Summa", "År 1", "100"]):
        cell.text = text
    d.add_paragraph("Tabell 2. Budget per år", style="Caption")
    second = d.add_table(rows=1, cols=2)
    second.rows[0].cells[0].text, second.rows[0].cells[1].text = "Totalt", "100"
    path = tmp_path / "t.docx"
    d.save(str(path))
    with zipfile.ZipFile(path) as archive:
        rows = [b for b in read_docx(str(path), archive, Limits()).blocks if b.table is not None]
    assert [(b.location.table_name, b.location.row_label) for b in rows] == [
        ("År | Summa", "År"), ("År | Summa", "År 1"), ("Tabell 2. Budget per år", "Totalt")]
    assert [c.location.column_name for c in rows[1].cells] == ["År", "Summa"]

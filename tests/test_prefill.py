"""Reports pre-filled from a satsning's plan (SPEC §9, render/prefill.py): the sample satsningar
of Örebro and Region Gävleborg give a redovisning (and the other report kinds) whose fields
and tables hold what the plan knows, carrying the plan; filled in the ways people fill them,
saved through LibreOffice, `check` compares it with the carried plan, reads the tables back
with the plan's rows, and finds nothing missing that was pre-filled."""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
from dataclasses import replace
from pathlib import Path

import docx
import pytest
from conftest import ROOT
from docbuilder import WordDraft
from test_annotate_excel import _convert

from socinv_docs import roles
from socinv_docs.approved import ApprovedFile, plan_of, sha256_of
from socinv_docs.atomic import is_tool_output
from socinv_docs.codes import Code
from socinv_docs.loading import form_path
from socinv_docs.pipeline import check_document
from socinv_docs.plan import Beslut, ExpectedReport, Plan
from socinv_docs.render.prefill import PrefillError, prefill

SAMPLES = ROOT / "samples"
FIELD_CODES = {Code.FIELD_MISSING, Code.FIELD_INVALID}
SECTION_CODES = {Code.SECTION_MISSING, Code.SECTION_EMPTY, Code.SECTION_PLACEHOLDER, Code.SECTION_TOO_SHORT}


def _plan(folder: str, schemas, beslut: Beslut) -> Plan:
    path = SAMPLES / folder
    files = [ApprovedFile(p.name, sha256_of(p), check_document(p, schemas)) for p in sorted(path.iterdir())]
    return plan_of(folder, files, schemas, beslut=beslut, frozen_on=dt.date(2025, 12, 20))


@pytest.fixture(scope="module")
def orebro(schemas) -> Plan:
    return _plan("ansokan-komplett", schemas, Beslut(beviljat_belopp=3_900_000, diarienummer="KS 2025/812",
                                                    start=dt.date(2026, 1, 1), slut=dt.date(2028, 12, 31)))


@pytest.fixture(scope="module")
def gavleborg(schemas) -> Plan:
    return _plan("gavleborg-komplett", schemas, Beslut(beviljat_belopp=1_230_000, diarienummer="RS 2019/1234"))


DELAR2_2027 = ExpectedReport("redovisning", "delar2", 2027, dt.date(2027, 1, 1), dt.date(2027, 8, 31),
                             dt.date(2027, 9, 20))
HELAR_2021 = ExpectedReport("redovisning", "helar", 2021, dt.date(2021, 1, 1), dt.date(2021, 12, 31),
                            dt.date(2022, 1, 31))


def prefilled(plan: Plan, expected: ExpectedReport, target: Path, schemas) -> Path:
    return prefill(plan, expected, form_path(schemas.profiles[plan.profile], expected.kind), target, schemas=schemas)


def read_back(report, schemas):
    """The pre-filled tables as the report's roles read them."""
    kind, doc = schemas.kinds[report.kind], report.document
    measures = [(r.goal, r.measure, r.baseline, r.target, r.due) for r in roles.measure_rows(doc, kind)]
    activities = [r.activity for r in roles.activity_rows(doc, kind)]
    costs = [(r.year, r.component, r.budget) for r in roles.report_cost_rows(doc, kind) if not r.is_total]
    total = [r.budget for r in roles.report_cost_rows(doc, kind) if r.is_total]
    return measures, activities, costs, total


def planned(plan: Plan, targets: bool):
    measures = [(g.text, m.name, m.basmatning, (m.malvarde or "") if targets else "", (m.tidpunkt or "") if targets
                 else "") for g, m in plan.measures()]
    costs = [(line.calendar_year, line.label, line.amount) for line in plan.budget]
    return measures, plan.planned_activities(), costs, [sum(line.amount for line in plan.budget)]


def fields_of(report) -> dict:
    return {k: v.value for k, v in report.document.fields.items()}


def test_orebro_redovisning_pre_filled_from_the_plan(orebro, schemas, tmp_path):
    form = form_path(schemas.profiles["orebro-2020"], "redovisning")
    before = hashlib.sha256(form.read_bytes()).hexdigest()
    report = check_document(prefilled(orebro, DELAR2_2027, tmp_path / "rapport.docx", schemas), schemas)
    assert hashlib.sha256(form.read_bytes()).hexdigest() == before  # the form is only read
    assert (report.kind, report.profile) == ("redovisning", "orebro-2020")
    assert report.carried_plan == orebro and report.plan is report.carried_plan
    fields = fields_of(report)
    assert (fields["namn"], fields["diarienummer"], fields["projektagare"]) == (
        "Läxhjälp i Vivalla", "KS 2025/812", orebro.projektagare)
    assert fields["projektledare"] == orebro.contact and fields["projektledare"].startswith("Sara Holm")
    assert fields["rapportperiod"] == {"period": "delar2", "year": 2027}
    assert fields["period"] == {"start": "2027-01-01", "end": "2027-08-31"}
    assert [p["namnd"] for p in fields["parter"]] == ["Socialnämnden", "Grundskolenämnden",
                                                      "Föreningen Vivalla Läxhjälp"]
    # Nothing pre-filled is missing; what was not (Datum, the sections, the criteria) is as in
    # the blank form: the plan's words in a table answer no section.
    prefilled_fields = {"namn", "diarienummer", "projektagare", "projektledare", "rapportperiod", "period", "parter"}
    assert not {f.field for f in report.findings if f.code in FIELD_CODES} & prefilled_fields
    blank = check_document(form, schemas)
    assert {k: s.state for k, s in report.document.sections.items()} == \
        {k: s.state for k, s in blank.document.sections.items()}
    # The tables read back with the plan's rows (no Målvärde/Tidpunkt columns in Örebro's form).
    assert read_back(report, schemas) == planned(orebro, targets=False)
    assert len(read_back(report, schemas)[0]) == 11 and len(read_back(report, schemas)[2]) == 9


def test_gavleborg_lagesrapport_pre_filled_with_targets_and_the_activity_plan(gavleborg, schemas, tmp_path):
    report = check_document(prefilled(gavleborg, HELAR_2021, tmp_path / "rapport.docx", schemas), schemas)
    assert (report.kind, report.profile, report.carried_plan) == ("redovisning", "gavleborg-2019", gavleborg)
    assert fields_of(report)["rapportperiod"] == {"period": "helar", "year": 2021}
    assert not {f.field for f in report.findings if f.code in FIELD_CODES} - {"datum"}
    measures, activities, costs, total = read_back(report, schemas)
    assert (measures, activities, costs, total) == planned(gavleborg, targets=True)
    assert measures[0][3:] == ("80 % år 3", "Varje halvår")
    assert activities == ["Rekrytering och lokaler", "Gemensam mottagning", "Samtalsgrupper", "Extern utvärdering"]
    assert len(costs) == 18 and total == [2_500_000]


@pytest.mark.parametrize("kind", ["slutrapport", "uppfoljande_utvardering"])
def test_the_reports_after_the_end_are_pre_filled_for_the_whole_satsning(orebro, schemas, tmp_path, kind):
    after = ExpectedReport(kind, "", 2028, dt.date(2026, 1, 1), dt.date(2028, 12, 31), dt.date(2029, 3, 31))
    report = check_document(prefilled(orebro, after, tmp_path / f"{kind}.docx", schemas), schemas)
    assert report.kind == kind and report.carried_plan == orebro
    assert fields_of(report)["period"] == {"start": "2026-01-01", "end": "2028-12-31"}
    assert not {f.field for f in report.findings if f.code in FIELD_CODES} - {"datum", "faktisk_kostnad"}
    assert read_back(report, schemas)[0] == planned(orebro, targets=False)[0]


def test_the_same_inputs_give_the_same_bytes_and_no_tool_output(orebro, schemas, tmp_path):
    one = prefilled(orebro, DELAR2_2027, tmp_path / "a.docx", schemas)
    two = prefilled(orebro, DELAR2_2027, tmp_path / "b.docx", schemas)
    assert one.read_bytes() == two.read_bytes()
    # The form's author stays: a report the projektledare sends back is theirs, never skipped
    # by a run as one of the tool's own outputs.
    assert not is_tool_output(one)


def test_the_plan_s_text_is_written_as_text_never_as_template_code(orebro, schemas, tmp_path):
    odd = replace(orebro, title="{{ 7*7 }} {% raw %}=SUM(A1)\x07", dnr="<w:t>KS</w:t> & {#")
    report = check_document(prefilled(odd, DELAR2_2027, tmp_path / "rapport.docx", schemas), schemas)
    assert (fields_of(report)["namn"], fields_of(report)["diarienummer"]) == ("{{ 7*7 }} {% raw %}=SUM(A1)",
                                                                            "<w:t>KS</w:t> & {#")


def test_an_unreadable_form_is_said(orebro, schemas, tmp_path):
    broken = tmp_path / "form.docx"
    broken.write_bytes(b"PK\x03\x04 not a form")
    with pytest.raises(PrefillError) as exc:
        prefill(orebro, DELAR2_2027, broken, tmp_path / "rapport.docx", schemas=schemas)
    assert exc.value.key == "prefill.form_unreadable" and not (tmp_path / "rapport.docx").exists()


# -- filled in and sent back ----------------------------------------------------------------------


def _headings(path: Path) -> list[str]:
    document = docx.Document(str(path))
    return [p.text for p in document.paragraphs if p.style.name.startswith("Heading") and p.text[:1].isdigit()]


def kept_to_plan(plan: Plan, expected: ExpectedReport) -> dict[tuple[int, str], tuple[int, int, int | None]]:
    """(calendar year, kostnadsslag) -> (utfall, of which the fund, prognos) of a satsning
    that keeps to its plan: a year before the report's in full, the report's own year for the
    months it covers with the rest as prognos, later years not yet (not in the dict); the
    fund's part as the plan shares it."""
    months = expected.covers_to.month - (expected.covers_from.month - 1) if expected.year else 12
    out = {}
    for year in sorted({line.calendar_year for line in plan.budget if line.calendar_year <= expected.year}):
        share = 1.0 if year < expected.year else months / 12
        lines = [line for line in plan.budget if line.calendar_year == year]
        actuals = [round(line.amount * share) for line in lines]
        fund_year, cost_year = plan.fund_of(year), plan.budget_of(year)
        # The fund's part of the year shared over its lines in whole kronor that add up to it.
        fund_total = round(sum(actuals) * fund_year / cost_year) if fund_year is not None and cost_year else None
        funds = [round(a * fund_total / sum(actuals)) for a in actuals] if fund_total is not None else actuals
        if fund_total is not None:
            funds[-1] += fund_total - sum(funds)
        for line, actual, fund in zip(lines, actuals, funds, strict=True):
            out[year, line.label] = (actual, fund, line.amount - actual if share < 1 else None)
    return out


def _kronor(amount: int) -> str:
    """As people type it: '1,1 mkr' for a round hundred thousand, '350 tkr', else '95 000 kr'."""
    if amount and amount % 100_000 == 0 and amount >= 1_000_000:
        return f"{amount / 1_000_000:.1f}".replace(".", ",") + " mkr"
    if amount and amount % 1000 == 0:
        return f"{amount // 1000} tkr"
    return f"{amount:,}".replace(",", " ") + " kr"


def fill_in(path: Path, target: Path, utfall: str, costs: dict | None = None) -> Path:
    """What a projektledare does with a pre-filled report: types over every 'Skriv här', the
    utfall of each measure, whether each activity was done, the year's costs (in kronor as
    people write them: `costs`, else a flat 1,1 mkr / 95 000 kr of which 350 tkr the fund),
    adds an activity of their own, answers the förutsättningar, dates it."""
    draft = WordDraft(path)
    for heading in _headings(path):
        if "Förutsättningar" in heading:
            continue
        try:
            draft.answer(heading, f"Under perioden har vi arbetat enligt planen ({heading.split('. ', 1)[-1]}).")
        except KeyError:
            pass  # a section that is only its table (the Ekonomi)
    measures = draft.table("Mål")
    for row in measures.rows[1:]:
        draft._set_cell(row.cells[-2], utfall)
    activities = draft.table("Aktivitet")
    for row in activities.rows[1:]:
        draft._set_cell(row.cells[1], "Ja")
    extra = activities.add_row()
    draft._set_cell(extra.cells[0], "Föräldracafé (tillkommit)")
    draft._set_cell(extra.cells[1], "Delvis")
    table = draft.table("Kalenderår")
    for row in table.rows[1:-1]:
        if costs is None:
            draft._set_cell(row.cells[3], "1,1 mkr" if row.cells[1].text.startswith("Personal") else "95 000 kr")
            draft._set_cell(row.cells[4], "350 tkr")
            draft._set_cell(row.cells[5], "0")
            continue
        year, component = int(row.cells[0].text), row.cells[1].text
        if (year, component) in costs:
            actual, fund, forecast = costs[year, component]
            draft._set_cell(row.cells[3], _kronor(actual))
            draft._set_cell(row.cells[4], _kronor(fund))
            if forecast is not None:
                draft._set_cell(row.cells[5], _kronor(forecast))
    criteria = draft.table("Förutsättning")
    for row in criteria.rows[1:]:
        draft.set_criterion(row.cells[0].text, "Ja", "Det gäller fortfarande.", header="Förutsättning")
    draft.fill_field("Datum", "2027-09-15")
    return draft.save(target)


@pytest.mark.parametrize("which,expected", [("orebro", DELAR2_2027), ("gavleborg", HELAR_2021)])
def test_filled_in_and_saved_through_libreoffice_it_is_checked_against_its_plan(which, expected, schemas, tmp_path,
                                                                                request, soffice):
    plan = request.getfixturevalue(which)
    costs_kept = kept_to_plan(plan, expected)
    filled = fill_in(prefilled(plan, expected, tmp_path / "forifylld.docx", schemas), tmp_path / "rapport.docx",
                     utfall="71 %", costs=costs_kept)
    _convert([filled], "docx", tmp_path / "sparad", tmp_path / "lo-profile")
    saved = tmp_path / "sparad" / "rapport.docx"
    assert saved.exists()
    for path in (filled, saved):
        report = check_document(path, schemas)
        assert report.carried_plan == plan and report.plan is report.carried_plan, path
        kind = schemas.kinds[report.kind]
        measures = roles.measure_rows(report.document, kind)
        assert [(r.goal, r.measure, r.actual) for r in measures] == [(g.text, m.name, "71 %") for g, m in
                                                                     plan.measures()]
        activities = [(r.activity, r.done) for r in roles.activity_rows(report.document, kind)]
        assert activities == [*((a, "ja") for a in plan.planned_activities()), ("Föräldracafé (tillkommit)", "delvis")]
        costs = [(r.year, r.component, r.budget, r.actual, r.fund) for r in roles.report_cost_rows(report.document, kind)
                 if not r.is_total]
        assert costs == [(line.calendar_year, line.label, line.amount,
                          *costs_kept.get((line.calendar_year, line.label), (None, None, None))[:2])
                         for line in plan.budget]
        # Filled in, nothing is missing: no section, field or criterion finding, and no
        # REPORT_UNLINKED (it carries its plan); the money kept to its plan: no error.
        assert [f.code for f in report.findings if f.code in SECTION_CODES | FIELD_CODES] == [], path
        assert report.status.value == "complete", [(f.code, f.section, f.field) for f in report.findings]


def test_check_of_a_filled_in_report_alone_is_linked_by_its_plan(orebro, schemas, cli, tmp_path):
    filled = fill_in(prefilled(orebro, DELAR2_2027, tmp_path / "forifylld.docx", schemas), tmp_path / "rapport.docx",
                     utfall="65 %")
    result = cli("check", filled, "--format", "json")
    assert result.exit_code == 0
    assert result.json["plan"]["carried"] is True
    assert "REPORT_UNLINKED" not in {f["code"] for f in result.json["findings"]}
    # The blank form, filled in the same way, has no plan: REPORT_UNLINKED, a warning.
    blank = tmp_path / "tom.docx"
    shutil.copy(form_path(schemas.profiles["orebro-2020"], "redovisning"), blank)
    data = cli("check", blank, "--format", "json").json
    assert ("REPORT_UNLINKED", "warning") in {(f["code"], f["severity"]) for f in data["findings"]}

"""The follow-up run end to end (SPEC §9, issues 20–21): `socinv followup DIR --workbook W`
over satsning folders built from the samples' approved files (Örebro's ansökan and
utvärderingsschema, Region Gävleborg's investeringsansökan with Bilaga 2–5) with a
beslut.yaml, and reports written the ways people write them — pre-filled from the frozen plan
(`socinv followup templates`) or in a blank form, typed over with docbuilder, one saved
through LibreOffice. What is asserted is data: the JSON's statuses, codes and params, the
workbook's typed cells and store, never the wording."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from dataclasses import replace
from pathlib import Path
from urllib.parse import unquote

import openpyxl
import pytest
from conftest import ROOT, run_cli
from docbuilder import ReportDraft, WordDraft

from socinv_docs.loading import form_path
from socinv_docs.pipeline import check_document
from socinv_docs.plan import ExpectedReport, Plan
from socinv_docs.render.followup import book, store
from socinv_docs.render.followup.sheets import ekonomi, findings, rapporter, satsningar
from socinv_docs.render.prefill import prefill

SAMPLES = ROOT / "samples"
D = dt.date
LAX, SAND = "laxhjalp", "sandviken"
# Granted less than the 4,2 mkr sought; KS moved the start to September.
LAX_BESLUT = "beviljat_belopp: 3,9 mkr\nbeslutsdatum: 2026-06-10\ndiarienummer: KS 2026/412\n" \
             "start: 2026-09-01\nslut: 2029-08-31\n"
# Granted in full; no dates, so the period is the application's (2020-01-01 – 2022-12-31).
SAND_BESLUT = "beviljat_belopp: 1 230 000 kr\nbeslutsdatum: 2019-12-12\ndiarienummer: RS 2019/1234\n"


# -- building the folder and its reports ----------------------------------------------------------


def satsning_folder(root: Path) -> Path:
    folder = root / "uppfoljning"
    shutil.copytree(SAMPLES / "ansokan-komplett", folder / LAX)
    (folder / LAX / "beslut.yaml").write_text(LAX_BESLUT, encoding="utf-8")
    shutil.copytree(SAMPLES / "gavleborg-komplett", folder / SAND)
    (folder / SAND / "beslut.yaml").write_text(SAND_BESLUT, encoding="utf-8")
    return folder


def follow(cli, folder: Path, workbook: Path, date: str, *more):
    result = cli("followup", folder, "--workbook", workbook, "--date", date, "--format", "json", *more)
    assert result.exit_code in (0, 1, 2), result.output
    result.data = json.loads(result.stdout)
    return result


def satsning(result, name: str) -> dict:
    return next(s for s in result.data["satsningar"] if s["satsning"] == name)


def rows(s: dict) -> dict[str, dict]:
    return {r["key"]: r for r in s["expected_reports"]}


def statuses(s: dict) -> dict[str, str]:
    return {key: r["status"] for key, r in rows(s).items()}


def report_findings(s: dict, file_end: str) -> list[dict]:
    doc = next(sub["documents"][0] for sub in s["reports"] if sub["submission"].endswith(file_end))
    return doc["findings"]


def stored_plan(workbook: Path, name: str) -> Plan:
    return book.read_kept(workbook).plans[name][-1]


def expected_of(workbook: Path, name: str, key: str) -> ExpectedReport:
    return next(r for r, _ in book.read_kept(workbook).expected[name] if r.key == key)


def prefilled(schemas, plan: Plan, report: ExpectedReport, target: Path) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    return prefill(plan, report, form_path(schemas.profiles[plan.profile], report.kind), target, schemas=schemas)


def fill_complete(source: Path, target: Path, datum: str) -> Path:
    """Every section, every measure's utfall, every activity, the costs of the year it is
    dated in the year before (a helår is written in January), Ja to every förutsättning,
    dated: a complete report."""
    d = ReportDraft(source)
    d.sections()
    d.outcomes(lambda goal, measure: "Enligt plan")
    d.activities(lambda activity: "Ja", extra=[("Föräldracafé (tillkommit)", "Delvis", "")])
    d.costs(lambda year, component: ("1,1 mkr" if component.startswith("Personal") else "95 000 kr", "350 tkr", "0")
            if year == str(int(datum[:4]) - 1) else None)
    d.prerequisites()
    d.fill_field("Datum", datum)
    return d.save(target)


def fill_with_gaps(source: Path, target: Path, datum: str) -> Path:
    """Typical gaps: Arbetssätt left as 'Skriv här', measures without utfall, the fund's
    column empty, a förutsättning unanswered."""
    d = ReportDraft(source)
    d.sections(leave=("2.",))
    d.outcomes(lambda goal, measure: None)
    d.activities(lambda activity: "Ja")
    d.costs(lambda year, component: ("610 000 kr", "", "") if year == datum[:4] else None)
    d.prerequisites(answers={"Ger satsningen mätbara effekter": ("", "")})
    d.fill_field("Datum", datum)
    return d.save(target)


def blank_report(profile: str, schemas, target: Path, *, name: str, dnr: str, period: str, datum: str) -> Path:
    """A report written in the blank form (no plan in it), as someone who never got the
    pre-filled one writes it: the fields, every section, the tables by hand."""
    d = ReportDraft(form_path(schemas.profiles[profile], "redovisning"))
    for label, value in (("Satsningens namn", name), ("Den sociala investeringens namn", name),
                         ("Diarienummer", dnr), ("Rapportperiod", period), ("Datum", datum)):
        try:
            d.fill_field(label, value)
        except KeyError:
            pass  # the other funder's label
    d.sections()
    d.fill_table("Aktivitet", [["Gemensam mottagning", "Ja", ""]])
    d.fill_table("Kalenderår", [["2020", "Personal", "620 000", "600 000", "300 000", "0"]])
    d.prerequisites()
    return d.save(target)


@pytest.fixture(scope="module")
def year(tmp_path_factory, schemas):
    """A processledare's year: the first run on 2026-10-01 freezes both plans; the reports
    come in; the run on 2027-10-15 links, matches and judges them."""
    root = tmp_path_factory.mktemp("year")
    folder = satsning_folder(root)
    workbook = root / "uppfoljning.xlsx"
    first = follow(run_cli, folder, workbook, "2026-10-01")
    plan = stored_plan(workbook, LAX)
    forms = root / "forms"
    # Helår 2026 complete, in the pre-filled form; Delår 2 2027 with typical gaps.
    helar = prefilled(schemas, plan, expected_of(workbook, LAX, "redovisning/helar/2026"), forms / "h.docx")
    fill_complete(helar, folder / LAX / "rapporter" / "Redovisning helår 2026.docx", "2027-01-20")
    delar2 = prefilled(schemas, plan, expected_of(workbook, LAX, "redovisning/delar2/2027"), forms / "d.docx")
    fill_with_gaps(delar2, folder / LAX / "rapporter" / "Redovisning delår 2 2027.docx", "2027-09-18")
    # The same Helår 2026 again, sent a second time two weeks later.
    fill_complete(helar, folder / LAX / "rapporter" / "Helår 2026 (ny version).docx", "2027-02-03")
    # A Delår 2 2026: the satsning began on 2026-09-01, so none is expected.
    early = ExpectedReport("redovisning", "delar2", 2026, D(2026, 1, 1), D(2026, 8, 31), D(2026, 9, 20))
    fill_complete(prefilled(schemas, plan, early, forms / "e.docx"), folder / LAX / "rapporter" / "Delår 2 2026.docx",
                  "2026-09-19")
    # A report of some other satsning, put in the wrong folder: its name and dnr match nothing.
    blank_report("orebro-2020", schemas, folder / LAX / "rapporter" / "Fritidsgård.docx",
                 name="Fritidsgård i Baronbackarna", dnr="KS 2025/999", period="Helår 2026", datum="2027-01-30")
    # Region Gävleborg's lägesrapport for 2020 in the blank form, linked by its diarienummer.
    blank_report("gavleborg-2019", schemas, folder / SAND / "Lägesrapport 2020.docx",
                 name="Samlat tidigt stöd för unga", dnr="RS 2019/1234", period="Helår 2020", datum="2021-01-28")
    second = follow(run_cli, folder, workbook, "2027-10-15")
    return {"root": root, "folder": folder, "workbook": workbook, "first": first, "second": second, "plan": plan}


def copy_of(year, tmp_path: Path) -> tuple[Path, Path]:
    """The year's folder and workbook, copied for a test that changes them."""
    folder = tmp_path / "uppfoljning"
    shutil.copytree(year["folder"], folder)
    workbook = tmp_path / "uppfoljning.xlsx"
    shutil.copyfile(year["workbook"], workbook)
    return folder, workbook


# -- the first run ---------------------------------------------------------------------------------


def test_the_first_run_freezes_each_plan_and_lists_the_reports_it_expects(year):
    first = year["first"]
    assert first.exit_code == 0  # reports late are warnings; nothing came in incomplete
    lax = satsning(first, LAX)
    assert lax["status"] == "complete" and lax["plan"]["version"] == 1
    assert (lax["beslut"]["beviljat_belopp"], lax["plan"]["sought"]) == (3_900_000, 4_200_000)  # less than sought
    assert (lax["plan"]["period_start"], lax["plan"]["period_end"], lax["plan"]["period_source"]) == (
        "2026-09-01", "2029-08-31", "beslut")
    # Örebro: a redovisning at delår 2 and helår each year the satsning runs (no Delår 2 2026:
    # it began in September), the slutrapport 3 months and the uppföljande utvärdering 2 years after.
    due = {key: r["due"] for key, r in rows(lax).items()}
    assert due == {"redovisning/helar/2026": "2027-01-31", "redovisning/delar2/2027": "2027-09-20",
                   "redovisning/helar/2027": "2028-01-31", "redovisning/delar2/2028": "2028-09-20",
                   "redovisning/helar/2028": "2029-01-31", "redovisning/delar2/2029": "2029-09-20",
                   "redovisning/helar/2029": "2030-01-31", "slutrapport/2029-08-31": "2029-11-30",
                   "uppfoljande_utvardering/2029-08-31": "2031-08-31"}
    assert set(statuses(lax).values()) == {"expected"}
    assert rows(lax)["redovisning/helar/2026"]["days_left"] == 122
    # Region Gävleborg's satsning (2020–2022, the application's period) owes everything already.
    sand = satsning(first, SAND)
    assert sand["plan"]["period_source"] == "application"
    assert set(statuses(sand).values()) == {"late"}
    overdue = [f for f in sand["findings"] if f["code"] == "REPORT_OVERDUE"]
    assert len(overdue) == 5 and overdue[0]["params"]["report"] == "redovisning/helar/2020"
    assert overdue[0]["params"]["days"] == (D(2026, 10, 1) - D(2021, 1, 31)).days


def test_the_plan_frozen_on_the_first_run_is_the_one_used_after(year):
    kept = book.read_kept(year["workbook"])
    assert [p.version for p in kept.plans[LAX]] == [1] and kept.plans[LAX][0].frozen_on == D(2026, 10, 1)
    second = satsning(year["second"], LAX)
    assert second["plan"] == satsning(year["first"], LAX)["plan"] == kept.plans[LAX][0].to_json()


# -- the reports, linked, matched and judged -------------------------------------------------------


def test_reports_come_in_complete_incomplete_and_the_rest_wait(year):
    second = year["second"]
    lax = satsning(second, LAX)
    got = statuses(lax)
    assert (got["redovisning/helar/2026"], got["redovisning/delar2/2027"], got["redovisning/helar/2027"]) == (
        "complete", "incomplete", "expected")
    helar = rows(lax)["redovisning/helar/2026"]
    # Received on the date written in it, the first of the two copies.
    assert (helar["received"], helar["received_on"]) == (f"{LAX}/rapporter/Redovisning helår 2026.docx", "2027-01-20")
    gaps = {f["code"] for f in report_findings(lax, "Redovisning delår 2 2027.docx")}
    assert {"SECTION_PLACEHOLDER", "CRITERION_UNANSWERED"} <= gaps
    assert not [f for f in report_findings(lax, "Redovisning helår 2026.docx") if f["severity"] == "error"]
    # Region Gävleborg's lägesrapport in the blank form found its satsning by the diarienummer.
    sand = satsning(second, SAND)
    assert rows(sand)["redovisning/helar/2020"]["received"] == f"{SAND}/Lägesrapport 2020.docx"
    assert statuses(sand)["redovisning/helar/2020"] in ("complete", "incomplete")
    late = rows(sand)["redovisning/helar/2021"]
    assert (late["status"], late["days_late"]) == ("late", (D(2027, 10, 15) - D(2022, 1, 31)).days)
    assert second.exit_code == 1  # reports with errors: incomplete


def test_a_report_no_satsning_matches_is_unlinked_never_guessed(year):
    lax = satsning(year["second"], LAX)
    unlinked = [f for f in report_findings(lax, "Fritidsgård.docx") if f["code"] == "REPORT_UNLINKED"]
    assert [(f["severity"], f["params"]["kind"]) for f in unlinked] == [("error", "redovisning")]
    assert all(r["received"] is None or "Fritidsgård" not in r["received"] for r in lax["expected_reports"])


def test_a_period_not_expected_and_a_period_already_received_are_invalid(year):
    lax = satsning(year["second"], LAX)
    early = [f for f in report_findings(lax, "Delår 2 2026.docx") if f["code"] == "REPORT_PERIOD_INVALID"]
    assert [(f["severity"], f["params"].get("variant")) for f in early] == [("error", None)]
    assert "Delår 2 2027" in early[0]["params"]["expected"]
    again = [f for f in report_findings(lax, "Helår 2026 (ny version).docx") if f["code"] == "REPORT_PERIOD_INVALID"]
    assert [f["params"]["variant"] for f in again] == ["already"]
    assert again[0]["params"]["other"] == f"{LAX}/rapporter/Redovisning helår 2026.docx"


def test_the_workbook_holds_the_rows_statuses_and_due_dates(year):
    wb = openpyxl.load_workbook(year["workbook"])
    assert wb.sheetnames[:5] == ["Satsningar", "Rapporter", "Ekonomi", "Brister", "Listor"]
    rap = sheet_rows(wb["Rapporter"], rapporter.SHEET)
    lax = {r["key"]: r for r in rap if r["satsning"] == LAX}
    word = rapporter.status_words("sv")
    helar = lax[rapporter.row_key(LAX, expected_of(year["workbook"], LAX, "redovisning/helar/2026"))]
    assert (helar["status"], helar["due"], helar["received"]) == (
        word["complete"], dt.datetime(2027, 1, 31), "Redovisning helår 2026.docx")
    assert helar["received_on"] == dt.datetime(2027, 1, 20)
    links = [unquote(c.hyperlink.target) for c in wb["Rapporter"]["G"] if c.hyperlink]
    assert "uppfoljning/laxhjalp/rapporter/Redovisning helår 2026.docx" in links  # the cell leads to the file
    late = next(r for r in rap if r["satsning"] == SAND and r["days_late"])
    assert isinstance(late["days_late"], int) and late["due"] < dt.datetime(2027, 10, 15)
    assert len(rap) == len(satsning(year["second"], LAX)["expected_reports"]) + len(
        satsning(year["second"], SAND)["expected_reports"])
    sat = {r["satsning"]: r for r in sheet_rows(wb["Satsningar"], satsningar.SHEET)}
    assert (sat[LAX]["granted"], sat[LAX]["next_due"]) == (3_900_000, dt.datetime(2028, 1, 31))
    assert sat[LAX]["errors"] >= 3 and sat[SAND]["status"] == satsningar.status_words("sv")["late"]
    codes = {r["code"] for r in sheet_rows(wb["Brister"], findings.SHEET)}
    assert {"REPORT_UNLINKED", "REPORT_PERIOD_INVALID", "REPORT_OVERDUE", "SECTION_PLACEHOLDER"} <= codes
    costs = [r for r in sheet_rows(wb["Ekonomi"], ekonomi.SHEET) if r["satsning"] == LAX and r["calendar_year"] == 2026]
    assert {r["plan"] for r in costs} == {400_000, 40_000, 60_000}  # 4/12 of År 1, September–December
    # 2026's utfall is Helår 2026's: the later Delår 2 2027 lists 2026 too (pre-filled with its
    # budget) but gives nothing for it, which replaces nothing.
    assert {(r["component"], r["actual"], r["fund"]) for r in costs} == {
        ("Personal", 1_100_000, 350_000), ("Lokaler", 95_000, 350_000), ("Övrigt", 95_000, 350_000)}


def sheet_rows(ws, spec, lang: str = "sv") -> list[dict]:
    """The sheet's rows by column id (the headers read back through the sheet's words)."""
    head = [c.value for c in ws[1]]
    ids = {spec.header(col.id, lang): col.id for col in spec.columns}
    return [{ids.get(h, h): c.value for h, c in zip(head, row)} for row in ws.iter_rows(min_row=2)
            if any(c.value not in (None, "") for c in row)]


def test_json_has_a_plan_a_beslut_the_expected_reports_and_a_submission_object_per_report(year):
    data = year["second"].data
    assert set(data) >= {"satsningar", "stats"} and data["stats"]["satsningar"] == 2
    for s in data["satsningar"]:
        assert {"satsning", "plan", "beslut", "expected_reports", "reports", "findings"} <= set(s)
        assert Plan.from_json(s["plan"]).satsning == s["satsning"]
        for report in s["reports"]:  # SPEC §5's submission object, one document each
            assert {"submission", "status", "documents", "findings"} <= set(report)
            assert report["documents"][0]["kind"] == "redovisning"
    lax = satsning(year["second"], LAX)
    assert len(lax["reports"]) == 5 and lax["beslut"]["source"] == "beslut.yaml"
    assert data["stats"]["expected_complete"] >= 1 and data["stats"]["expected_late"] >= 1


# -- later runs: late, skipped, the processledare's words ---------------------------------------------


def test_a_later_date_makes_the_report_late_by_its_days(year, cli, tmp_path):
    folder, workbook = copy_of(year, tmp_path)
    later = follow(cli, folder, workbook, "2028-02-10")
    row = rows(satsning(later, LAX))["redovisning/helar/2027"]
    assert (row["status"], row["days_late"], row["due"]) == ("late", 10, "2028-01-31")
    overdue = [f for f in satsning(later, LAX)["findings"] if f["code"] == "REPORT_OVERDUE"]
    assert [(f["params"]["report"], f["params"]["days"]) for f in overdue] == [("redovisning/helar/2027", 10)]


def test_a_report_the_processledare_skipped_with_a_reason_is_not_late_and_survives_english(year, cli, tmp_path):
    folder, workbook = copy_of(year, tmp_path)
    key = rapporter.row_key(SAND, expected_of(workbook, SAND, "redovisning/helar/2021"))
    wb = openpyxl.load_workbook(workbook)
    ws = wb["Rapporter"]
    head = [c.value for c in ws[1]]
    at = next(r for r in ws.iter_rows(min_row=2) if r[head.index(rapporter.SHEET.header("key", "sv"))].value == key)
    at[head.index(rapporter.SHEET.header("overhoppad", "sv"))].value = "Ja"
    at[head.index(rapporter.SHEET.header("skal", "sv"))].value = "Ersatt av helår 2022 (beslut i styrgruppen)"
    sat = wb["Satsningar"]
    shead = [c.value for c in sat[1]]
    sat.cell(row=2, column=shead.index("Kommentar") + 1, value="Ring projektledaren")
    wb.save(workbook)

    for lang in ("en", "sv"):
        result = follow(cli, folder, workbook, "2027-10-15", "--lang", lang)
        row = rows(satsning(result, SAND))["redovisning/helar/2021"]
        assert (row["status"], row["skipped_reason"]) == ("skipped", "Ersatt av helår 2022 (beslut i styrgruppen)")
        assert "redovisning/helar/2021" not in {f["params"]["report"] for f in satsning(result, SAND)["findings"]
                                                if f["code"] == "REPORT_OVERDUE"}
        kept = book.read_kept(workbook)
        assert kept.skips[key]["skal"] == "Ersatt av helår 2022 (beslut i styrgruppen)"
        comments = [r["kommentar"] for r in sheet_rows(openpyxl.load_workbook(workbook)["Satsningar"],
                                                        satsningar.SHEET, lang)]
        assert "Ring projektledaren" in comments


def test_the_calendar_has_every_expected_report_with_stable_uids(year, cli, tmp_path):
    icalendar = pytest.importorskip("icalendar")
    folder, workbook = copy_of(year, tmp_path)
    uids = []
    for run in range(2):
        ics = tmp_path / f"rapporter-{run}.ics"
        result = follow(cli, folder, workbook, "2027-10-15", "--calendar", ics)
        events = icalendar.Calendar.from_ical(ics.read_bytes()).walk("VEVENT")
        expected = [r for s in result.data["satsningar"] for r in s["expected_reports"]]
        assert len(events) == len(expected)
        assert sorted(e.decoded("DTSTART").isoformat() for e in events) == sorted(r["due"] for r in expected)
        uids.append(sorted(str(e["UID"]) for e in events))
    assert uids[0] == uids[1] and len(set(uids[0])) == len(uids[0])


# -- the plan: frozen, changed files, a changed beslut ------------------------------------------------


def _changed_ansokan(folder: Path) -> None:
    """The ansökan saved again after the decision with a bigger budget, and a goal added to
    the utvärderingsschema."""
    d = WordDraft(folder / "ansokan.docx")
    d.fill_table("År", [["År 1", "1 500 000", "120 000", "180 000", "1 800 000"]])
    d.save(folder / "ansokan.docx")
    wb = openpyxl.load_workbook(folder / "utvarderingsschema.xlsx")
    ws = wb.active
    last = max(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value)
    ws.cell(last + 1, 1, "Fler elever i föreningslivet")
    ws.cell(last + 1, 2, "Prova-på-kvällar")
    wb.save(folder / "utvarderingsschema.xlsx")


def test_approved_files_changed_after_the_freeze_are_said_and_the_frozen_plan_stays(year, cli, tmp_path):
    folder, workbook = copy_of(year, tmp_path)
    _changed_ansokan(folder / LAX)
    result = follow(cli, folder, workbook, "2027-10-15")
    lax = satsning(result, LAX)
    changed = [f for f in lax["findings"] if f["code"] == "PLAN_CHANGED"]
    assert len(changed) == 1 and changed[0]["severity"] == "warning"
    params = changed[0]["params"]
    assert (params["total_before"], params["total_now"]) == (4_200_000, 4_500_000)
    assert params["goals_added"] == ["Fler elever i föreningslivet"] and params["goals_removed"] == []
    assert lax["plan"] == year["plan"].to_json()  # still the frozen one
    assert book.read_kept(workbook).plans[LAX] == [year["plan"]]


def test_a_report_carrying_another_plan_is_plan_changed(year, cli, tmp_path, schemas):
    folder, workbook = copy_of(year, tmp_path)
    other = replace(year["plan"], beslut=replace(year["plan"].beslut, beviljat_belopp=4_200_000))
    form = prefilled(schemas, other, expected_of(workbook, LAX, "redovisning/helar/2027"), tmp_path / "f.docx")
    fill_complete(form, folder / LAX / "rapporter" / "Helår 2027.docx", "2028-01-25")
    result = follow(cli, folder, workbook, "2028-02-01")
    lax = satsning(result, LAX)
    changed = [f for f in report_findings(lax, "Helår 2027.docx") if f["code"] == "PLAN_CHANGED"]
    assert [f["params"]["variant"] for f in changed] == ["carried"]
    assert statuses(lax)["redovisning/helar/2027"] == "complete"  # compared with the plan in force


def test_a_changed_beslut_makes_a_new_version_and_keeps_the_old_due_dates(year, cli, tmp_path):
    folder, workbook = copy_of(year, tmp_path)
    before = {r.key: r.due for r, _ in book.read_kept(workbook).expected[LAX]}
    (folder / LAX / "beslut.yaml").write_text(LAX_BESLUT.replace("3,9 mkr", "3,5 mkr").replace("2029-08-31",
                                                                                                "2030-08-31"))
    result = follow(cli, folder, workbook, "2027-10-15")
    lax = satsning(result, LAX)
    assert (lax["plan"]["version"], lax["beslut"]["beviljat_belopp"], lax["plan"]["period_end"]) == (
        2, 3_500_000, "2030-08-31")
    got = rows(lax)
    for key, due in before.items():  # no due date moved; the old version's slutrapport is void
        assert got[key]["due"] == due.isoformat() and got[key]["plan_version"] == 1
    assert got["slutrapport/2029-08-31"]["status"] == "void"
    assert (got["slutrapport/2030-08-31"]["plan_version"], got["slutrapport/2030-08-31"]["due"]) == (2, "2030-11-30")
    assert got["redovisning/delar2/2030"]["plan_version"] == 2
    assert statuses(lax)["redovisning/helar/2026"] == "complete"  # what came in stays matched
    plans = book.read_kept(workbook).plans[LAX]
    assert [p.version for p in plans] == [1, 2] and plans[0] == year["plan"]


def test_changed_files_and_a_changed_beslut_give_a_new_version_of_the_frozen_content(year, cli, tmp_path):
    """The known gap closed: the new version is the frozen plan under the new beslut, never
    today's changed files; PLAN_CHANGED keeps saying what they would change."""
    folder, workbook = copy_of(year, tmp_path)
    _changed_ansokan(folder / LAX)
    (folder / LAX / "beslut.yaml").write_text(LAX_BESLUT.replace("3,9 mkr", "3,5 mkr"))
    result = follow(cli, folder, workbook, "2027-10-15")
    lax = satsning(result, LAX)
    new = Plan.from_json(lax["plan"])
    assert (new.version, new.granted) == (2, 3_500_000)
    assert (new.goals, new.budget, new.sources) == (year["plan"].goals, year["plan"].budget, year["plan"].sources)
    assert [f["params"]["total_now"] for f in lax["findings"] if f["code"] == "PLAN_CHANGED"] == [4_500_000]


def test_a_beslut_typed_on_satsningar_wins_over_beslut_yaml(year, cli, tmp_path):
    folder, workbook = copy_of(year, tmp_path)
    wb = openpyxl.load_workbook(workbook)
    ws = wb["Satsningar"]
    head = [c.value for c in ws[1]]
    at = next(r for r in ws.iter_rows(min_row=2) if r[0].value == LAX)
    at[head.index("Beviljat belopp")].value = 3_000_000
    wb.save(workbook)
    lax = satsning(follow(cli, folder, workbook, "2027-10-15"), LAX)
    assert (lax["plan"]["version"], lax["beslut"]["beviljat_belopp"]) == (2, 3_000_000)
    assert lax["beslut"]["diarienummer"] == "KS 2026/412" and "workbook" in lax["beslut"]["source"]


def test_a_satsning_folder_gone_for_a_run_keeps_its_frozen_plan(year, cli, tmp_path):
    folder, workbook = copy_of(year, tmp_path)
    shutil.move(folder / SAND, tmp_path / SAND)
    follow(cli, folder, workbook, "2027-10-15")
    shutil.move(tmp_path / SAND, folder / SAND)
    (folder / SAND / "ansokan.docx").write_bytes((SAMPLES / "gavleborg-luckor" / "ansokan.docx").read_bytes())
    sand = satsning(follow(cli, folder, workbook, "2027-10-15"), SAND)
    assert sand["plan"] == satsning(year["first"], SAND)["plan"]
    assert "PLAN_CHANGED" in {f["code"] for f in sand["findings"]}


def test_the_grant_typed_after_the_first_run_completes_version_1(cli, tmp_path):
    """The usual way: the first run makes the satsning's row, the processledare types the
    grant on it. Nothing is owed before that; afterwards it is version 1, decided."""
    folder = tmp_path / "uppfoljning"
    shutil.copytree(SAMPLES / "ansokan-komplett", folder / LAX)
    workbook = tmp_path / "uppfoljning.xlsx"
    lax = satsning(follow(cli, folder, workbook, "2026-10-01"), LAX)
    assert lax["beslut"]["missing"] and lax["expected_reports"] == [] and lax["findings"] == []
    wb = openpyxl.load_workbook(workbook)
    ws = wb["Satsningar"]
    head = [c.value for c in ws[1]]
    for name, value in (("Beviljat belopp", 3_900_000), ("Start", dt.datetime(2026, 9, 1)),
                        ("Slut", dt.datetime(2029, 8, 31))):
        ws.cell(row=2, column=head.index(name) + 1, value=value)
    wb.save(workbook)
    lax = satsning(follow(cli, folder, workbook, "2026-10-01"), LAX)
    assert (lax["plan"]["version"], lax["plan"]["frozen_on"], lax["beslut"]["beviljat_belopp"]) == (
        1, "2026-10-01", 3_900_000)
    assert rows(lax)["redovisning/helar/2026"]["due"] == "2027-01-31"


# -- pre-filled reports: socinv followup templates ----------------------------------------------------


def test_templates_write_the_next_report_per_satsning_carrying_the_stored_plan(year, cli, tmp_path, schemas):
    out = tmp_path / "rapporter"
    result = cli("followup", "templates", "--workbook", year["workbook"], "-o", out)
    assert result.exit_code == 0, result.output
    written = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.docx"))
    # Läxhjälp's next: Helår 2027 (Helår 2026 and Delår 2 2027 came in); Sandviken's: Helår
    # 2021, the first late one (Helår 2020 came in).
    assert written == [f"{LAX}/redovisning-helar-2027.docx", f"{SAND}/redovisning-helar-2021.docx"]
    report = check_document(out / LAX / "redovisning-helar-2027.docx", schemas)
    assert report.carried_plan == year["plan"]
    assert report.document.fields["rapportperiod"].value == {"period": "helar", "year": 2027}
    # --all: every report not yet received, due by --date.
    every = cli("followup", "templates", "--workbook", year["workbook"], "-o", out, "--all", "--date", "2028-12-31")
    assert every.exit_code == 0
    names = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.docx"))
    assert f"{LAX}/redovisning-delar2-2028.docx" in names and f"{LAX}/redovisning-helar-2028.docx" not in names
    assert f"{SAND}/slutrapport-2022.docx" in names and f"{SAND}/redovisning-helar-2020.docx" not in names


def test_templates_never_write_over_a_report_someone_began_to_fill_in(year, cli, tmp_path):
    out = tmp_path / "rapporter"
    assert cli("followup", "templates", "--workbook", year["workbook"], "-o", out).exit_code == 0
    again = cli("followup", "templates", "--workbook", year["workbook"], "-o", out)
    assert again.exit_code == 0  # untouched pre-filled reports of ours are written again
    target = out / LAX / "redovisning-helar-2027.docx"
    fill_complete(target, target, "2028-01-20")  # the projektledare typed in it
    before = target.read_bytes()
    (out / SAND / "redovisning-helar-2021.docx").unlink()
    refused = cli("followup", "templates", "--workbook", year["workbook"], "-o", out)
    assert refused.exit_code == 2 and target.read_bytes() == before
    assert not (out / SAND / "redovisning-helar-2021.docx").exists()  # nothing written at all


def test_templates_name_files_safely_and_refuse_a_missing_workbook(cli, tmp_path):
    from socinv_docs.followup_templates import file_name

    assert file_name(ExpectedReport("redovisning", "delar2", 2027, D(2027, 1, 1), D(2027, 8, 31), D(2027, 9, 20))) \
        == "redovisning-delar2-2027.docx"
    result = cli("followup", "templates", "--workbook", tmp_path / "finns-inte.xlsx", "-o", tmp_path / "ut")
    assert result.exit_code == 2 and "Traceback" not in result.output and not (tmp_path / "ut").exists()


# -- LibreOffice ---------------------------------------------------------------------------------


def test_a_report_saved_through_libreoffice_is_linked_by_the_plan_it_carries(year, cli, tmp_path, schemas, soffice):
    from test_annotate_excel import _convert

    folder, workbook = copy_of(year, tmp_path)
    form = prefilled(schemas, year["plan"], expected_of(workbook, LAX, "redovisning/helar/2027"), tmp_path / "f.docx")
    # Named like nothing of the satsning's, so only the plan it carries can link it.
    filled = fill_complete(form, tmp_path / "x" / "rapport.docx", "2028-01-22")
    _convert([filled], "docx", tmp_path / "sparad", tmp_path / "lo-profile")
    shutil.copyfile(tmp_path / "sparad" / "rapport.docx", folder / SAND / "fel mapp.docx")
    result = follow(cli, folder, workbook, "2028-02-01")
    lax = satsning(result, LAX)
    row = rows(lax)["redovisning/helar/2027"]
    assert (row["status"], row["received"]) == ("complete", f"{SAND}/fel mapp.docx")
    assert not [f for f in report_findings(lax, "fel mapp.docx") if f["code"] in ("REPORT_UNLINKED", "PLAN_CHANGED")]


# -- bad input --------------------------------------------------------------------------------------


def test_a_folder_without_satsning_folders_is_refused(cli, tmp_path):
    (tmp_path / "in").mkdir()
    shutil.copyfile(SAMPLES / "ideprovning-komplett.docx", tmp_path / "in" / "ide.docx")
    result = cli("followup", tmp_path / "in", "--workbook", tmp_path / "w.xlsx")
    assert result.exit_code == 2 and "Traceback" not in result.output and not (tmp_path / "w.xlsx").exists()


def test_a_satsning_without_its_approved_ansokan_is_said_and_the_run_goes_on(year, cli, tmp_path, schemas):
    folder, workbook = copy_of(year, tmp_path)
    (folder / "utan-ansokan").mkdir()
    shutil.copyfile(SAMPLES / "ansokan-komplett" / "utvarderingsschema.xlsx",
                    folder / "utan-ansokan" / "utvarderingsschema.xlsx")
    text = cli("followup", folder, "--workbook", workbook, "--date", "2027-10-15")
    assert text.exit_code == 2 and "Traceback" not in text.output
    result = follow(cli, folder, workbook, "2027-10-15")
    missing = satsning(result, "utan-ansokan")
    assert (missing["status"], missing["plan"], missing["problem"]["key"]) == ("unreadable", None, "plan.no_main")
    assert satsning(result, LAX)["plan"]["version"] == 1  # the others are followed up as before
    assert [r["satsning"] for r in sheet_rows(openpyxl.load_workbook(workbook)["Satsningar"], satsningar.SHEET)
            ].count("utan-ansokan") == 1


def test_a_beslut_yaml_broken_after_the_freeze_is_said_and_the_frozen_plan_stays(year, cli, tmp_path):
    folder, workbook = copy_of(year, tmp_path)
    (folder / LAX / "beslut.yaml").write_text("beviljat_belopp: 350 000 EUR\n", encoding="utf-8")
    result = follow(cli, folder, workbook, "2027-10-15")
    lax = satsning(result, LAX)
    assert result.exit_code == 2 and lax["problem"]["key"] == "plan.beslut_value"
    assert lax["plan"] == year["plan"].to_json() and lax["beslut"]["beviljat_belopp"] == 3_900_000
    assert statuses(lax)["redovisning/helar/2026"] == "complete"  # followed up as before


@pytest.mark.parametrize("breakage", ["not_followup", "store_edited", "store_deleted"])
def test_a_workbook_the_processledare_broke_is_refused_and_left_as_it_was(year, cli, tmp_path, breakage):
    folder, workbook = copy_of(year, tmp_path)
    wb = openpyxl.load_workbook(workbook)
    if breakage == "not_followup":
        wb = openpyxl.Workbook()
        wb.active.title = "Ansökningar"
    elif breakage == "store_edited":
        wb[store.TITLE].cell(row=2, column=4, value='{"format": 1, "satsning": "laxhjalp", "vers')
    else:
        del wb[store.TITLE]
    wb.save(workbook)
    before = workbook.read_bytes()
    result = cli("followup", folder, "--workbook", workbook, "--date", "2027-10-15")
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert workbook.read_bytes() == before


def test_an_open_workbook_is_not_written_unless_forced(year, cli, tmp_path):
    folder, workbook = copy_of(year, tmp_path)
    (tmp_path / f"~${workbook.name}").write_text("Anna Lindqvist")
    before = workbook.read_bytes()
    result = cli("followup", folder, "--workbook", workbook, "--date", "2027-10-15")
    assert result.exit_code == 2 and workbook.read_bytes() == before
    forced = cli("followup", folder, "--workbook", workbook, "--date", "2027-10-15", "--force")
    assert forced.exit_code == 1 and workbook.read_bytes() != before


# -- the samples --------------------------------------------------------------------------------------


def test_the_follow_up_samples_show_a_processledare_s_year(cli, tmp_path):
    """README: `socinv followup samples-uppfoljning --workbook uppfoljning.xlsx --date 2028-02-15`."""
    folder = ROOT / "samples-uppfoljning"
    if not folder.is_dir():
        pytest.skip("samples-uppfoljning/ not generated (python3 tools/make_samples.py)")
    result = follow(cli, folder, tmp_path / "uppfoljning.xlsx", "2028-02-15")
    assert result.exit_code == 1  # the Delår 2 2027 with its gaps
    lax, sand = satsning(result, "laxhjalp-vivalla"), satsning(result, "unga-sandviken")
    assert (lax["beslut"]["beviljat_belopp"], lax["plan"]["sought"]) == (3_900_000, 4_200_000)
    assert {k: v for k, v in statuses(lax).items() if v != "expected"} == {
        "redovisning/helar/2026": "complete", "redovisning/delar2/2027": "incomplete",
        "redovisning/helar/2027": "late"}
    assert {k: v for k, v in statuses(sand).items() if v != "expected"} == {"redovisning/helar/2027": "complete"}
    assert rows(lax)["redovisning/helar/2027"]["days_late"] == 15
    assert not [f for s in (lax, sand) for r in s["reports"] for d in r["documents"] for f in d["findings"]
                if f["code"] in ("PLAN_CHANGED", "REPORT_UNLINKED", "REPORT_PERIOD_INVALID")]
    out = tmp_path / "rapporter"
    assert cli("followup", "templates", "--workbook", tmp_path / "uppfoljning.xlsx", "-o", out).exit_code == 0
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*.docx")) == [
        "laxhjalp-vivalla/redovisning-helar-2027.docx", "unga-sandviken/redovisning-helar-2028.docx"]


def test_followup_of_the_application_samples_runs_without_a_traceback(cli, tmp_path):
    """The samples/ folder is no follow-up folder; a run over it says what it can and stops
    at most at exit 2."""
    result = cli("followup", SAMPLES, "--workbook", tmp_path / "w.xlsx")
    assert result.exit_code <= 2 and "Traceback" not in result.output

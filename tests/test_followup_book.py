"""The follow-up workbook (render/followup/): its sheets from a follow-up run, what the
processledare types kept through re-runs and --lang en, the frozen plans and due dates kept
in its store, and a broken workbook refused with nothing lost."""

from __future__ import annotations

import datetime as dt
import json
import re
import zipfile
from pathlib import Path

import openpyxl
import pytest

from socinv_docs.codes import Code
from socinv_docs.followup_report import CostLine, ExpectedRow, FollowupRun, ReportStatus, SatsningFollowup, State
from socinv_docs.plan import Beslut, BudgetLine, ExpectedReport, Forkalkyl, Plan, SourceFile, YearConversion
from socinv_docs.render.followup import book, store
from socinv_docs.render.followup.sheets import ekonomi, rapporter, satsningar
from socinv_docs.report import DocumentReport
from socinv_docs.rules.base import make_finding

D = dt.date
TODAY = D(2027, 10, 1)


def a_plan(satsning: str = "laxhjalp", version: int = 1, granted: int | None = 2_400_000) -> Plan:
    return Plan(satsning=satsning, version=version, frozen_on=D(2026, 9, 1), profile="orebro-2020",
                title=f"Satsningen {satsning}", beslut=Beslut(beviljat_belopp=granted, diarienummer="KS 2026/1"),
                dnr="KS 2026/1", projektagare="Förvaltningschef", period_start=D(2026, 9, 1), period_end=D(2028, 8, 31),
                period_source="beslut",
                budget=(BudgetLine(2026, "personal", "Personal", 200_000), BudgetLine(2027, "personal", "Personal",
                                                                                     600_000)),
                conversion=(YearConversion(1, D(2026, 9, 1), D(2027, 8, 31), ((2026, 4 / 12), (2027, 8 / 12))),),
                forkalkyl=Forkalkyl(cost=2_400_000, savings_total=3_000_000, ratio=1.25, horizon_years=10),
                sources=(SourceFile("ansokan.docx", "ansokan", "ab" * 32),))


def expected(kind: str, period: str, year: int, due: D, state: State, **status) -> ExpectedRow:
    report = ExpectedReport(kind, period, year, D(year, 1, 1), D(year, 12, 31), due)
    return ExpectedRow(report, 1, ReportStatus(state, **status), label={"sv": f"{period} {year}", "en": f"{period} {year}"},
                       kind_name={"sv": "Redovisning", "en": "Progress report"})


def a_run(tmp_path: Path | None = None) -> FollowupRun:
    plan = a_plan()
    report = DocumentReport(file="laxhjalp/delar2-2027.docx", kind="redovisning", profile="orebro-2020")
    report.findings = [make_finding(Code.REPORT_PERIOD_INVALID, variant="already", satsning="laxhjalp",
                                    period="Delår 2 2027", other="x.docx")]
    rows = [expected("redovisning", "helar", 2026, D(2027, 1, 31), State.COMPLETE),
            expected("redovisning", "delar2", 2027, D(2027, 9, 15), State.LATE, days_late=16),
            expected("redovisning", "helar", 2027, D(2028, 1, 31), State.EXPECTED, days_left=122)]
    rows[0].received = report
    rows[0].received_on = D(2027, 1, 20)
    overdue = make_finding(Code.REPORT_OVERDUE, satsning="laxhjalp", period="Delår 2 2027", due="2027-09-15", days=16,
                           report=rows[1].report.key)
    first = SatsningFollowup("laxhjalp", plan, plan.beslut, expected=rows, reports=[report], findings=[overdue],
                             costs=[CostLine(2026, "personal", "Personal", 200_000, 180_000, 150_000, 0, "x.docx"),
                                    CostLine(2027, "personal", "Personal", 600_000, 500_000, 400_000, 300_000,
                                             "x.docx")],
                             versions=[plan])
    other = a_plan("ny-satsning", granted=None)
    second = SatsningFollowup("ny-satsning", other, other.beslut, versions=[other])
    return FollowupRun(date=TODAY, satsningar=[first, second])


def rows_of(ws) -> list[dict]:
    head = [c.value for c in ws[1]]
    return [dict(zip(head, (c.value for c in row))) for row in ws.iter_rows(min_row=2) if any(c.value for c in row)]


def by_id(ws, spec, col_id: str, lang: str = "sv") -> list:
    head = [c.value for c in ws[1]]
    k = head.index(spec.header(col_id, lang))
    return [row[k].value for row in ws.iter_rows(min_row=2) if any(c.value for c in row)]


def write(tmp_path: Path, run: FollowupRun, lang: str = "sv") -> Path:
    path = tmp_path / "uppfoljning.xlsx"
    book.write_followup(path, run, root=tmp_path, lang=lang)
    return path


def test_the_sheets_in_their_order_with_typed_cells(tmp_path):
    path = write(tmp_path, a_run())
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames[:5] == ["Satsningar", "Rapporter", "Ekonomi", "Brister", "Listor"]
    assert wb[store.TITLE].sheet_state == "veryHidden"
    sat = wb["Satsningar"]
    assert by_id(sat, satsningar.SHEET, "satsning") == ["laxhjalp", "ny-satsning"]
    assert by_id(sat, satsningar.SHEET, "granted") == [2_400_000, None]
    assert by_id(sat, satsningar.SHEET, "fund_spent")[0] == 550_000
    assert by_id(sat, satsningar.SHEET, "left")[0] == 2_400_000 - 550_000
    assert by_id(sat, satsningar.SHEET, "status") == ["Försenad rapport", "Beslut saknas"]
    assert by_id(sat, satsningar.SHEET, "next_due")[0] == dt.datetime(2027, 9, 15)  # a date, not text
    assert by_id(sat, satsningar.SHEET, "next_days")[0] == -16
    assert sat.freeze_panes == "B2" and sat.tables and sat.page_setup.orientation == "landscape"
    rap = wb["Rapporter"]
    assert by_id(rap, rapporter.SHEET, "status") == ["Komplett", "Försenad 16 dagar", "Väntas"]
    assert by_id(rap, rapporter.SHEET, "days_late") == [None, 16, None]
    assert by_id(rap, rapporter.SHEET, "received")[0] == "delar2-2027.docx"
    eko = wb["Ekonomi"]
    assert by_id(eko, ekonomi.SHEET, "deviation") == [-20_000, 200_000]
    assert by_id(eko, ekonomi.SHEET, "state") == ["Inom plan", "Över plan"]
    assert "4/12" in by_id(eko, ekonomi.SHEET, "conversion")[0]
    codes = by_id(wb["Brister"], book.findings.SHEET, "code")
    assert codes == ["REPORT_OVERDUE", "REPORT_PERIOD_INVALID"]


def test_late_and_over_budget_rows_are_coloured_by_rules_made_afresh(tmp_path):
    path = write(tmp_path, a_run())
    write(tmp_path, a_run())  # a second run must not pile the rules up
    wb = openpyxl.load_workbook(path)
    for name, rule_count in (("Rapporter", 1), ("Ekonomi", 1), ("Satsningar", 3)):
        formulas = [f for cf in wb[name].conditional_formatting for r in cf.rules for f in r.formula or []
                    if "socinv-docs" in f]
        assert len(formulas) == rule_count, (name, formulas)
    late = next(r.formula[0] for cf in wb["Rapporter"].conditional_formatting for r in cf.rules
                if "socinv-docs" in (r.formula or [""])[0])
    assert ">0" in late


def test_what_the_processledare_types_survives_reruns_and_english(tmp_path):
    path = write(tmp_path, a_run())
    wb = openpyxl.load_workbook(path)
    sat, rap = wb["Satsningar"], wb["Rapporter"]
    head = [c.value for c in sat[1]]
    sat.cell(row=3, column=head.index("Beviljat belopp") + 1, value=1_800_000)
    sat.cell(row=3, column=head.index("Start") + 1, value=dt.datetime(2026, 9, 1))
    sat.cell(row=2, column=head.index("Kommentar") + 1, value="Ring projektledaren")
    sat.cell(row=2, column=head.index("Status") + 1, value="Avbruten")
    rhead = [c.value for c in rap[1]]
    rap.cell(row=3, column=rhead.index("Överhoppad") + 1, value="Ja")
    rap.cell(row=3, column=rhead.index("Skäl") + 1, value="Sjukskrivning; ersätts av helår")
    wb.save(path)

    kept = book.read_kept(path)
    assert kept.typed["ny-satsning"]["beviljat_belopp"] == 1_800_000
    assert kept.typed["laxhjalp"]["manual_status"] == "Avbruten"
    skip_key = rapporter.row_key("laxhjalp", a_run().satsningar[0].expected[1].report)
    assert kept.skips[skip_key] == {"overhoppad": "Ja", "skal": "Sjukskrivning; ersätts av helår"}

    write(tmp_path, a_run(), lang="en")
    wb = openpyxl.load_workbook(path)
    sat = wb["Satsningar"]
    assert by_id(sat, satsningar.SHEET, "kommentar", "en")[0] == "Ring projektledaren"
    assert by_id(sat, satsningar.SHEET, "status", "en")[0] == "Report late"  # the tool's words follow --lang
    assert book.read_kept(path).typed["ny-satsning"]["beviljat_belopp"] == 1_800_000
    write(tmp_path, a_run(), lang="sv")
    assert book.read_kept(path).skips[skip_key]["skal"] == "Sjukskrivning; ersätts av helår"


def test_the_frozen_plans_and_due_dates_come_back_from_the_store(tmp_path):
    run = a_run()
    long_title = "Lång titel " * 4000  # over one cell's text: split over cells, put together again
    plan = Plan(**{**a_plan().__dict__, "title": long_title, "version": 2})
    run.satsningar[0].versions = [a_plan(), plan]
    path = write(tmp_path, run)
    kept = book.read_kept(path)
    assert kept.plans["laxhjalp"] == [a_plan(), plan]
    assert [(r.key, r.due, v) for r, v in kept.expected["laxhjalp"]] == [
        (row.report.key, row.report.due, 1) for row in run.satsningar[0].expected]


def test_applicant_text_never_becomes_a_formula(tmp_path):
    run = a_run()
    plan = Plan(**{**a_plan().__dict__, "title": '=HYPERLINK("http://x","klicka")'})
    run.satsningar[0].plan = plan
    run.satsningar[0].versions = [plan]
    path = write(tmp_path, run)
    with zipfile.ZipFile(path) as z:
        sheets = "".join(z.read(n).decode() for n in z.namelist() if n.startswith("xl/worksheets/"))
    assert not re.search(r"<f>[^<]*HYPERLINK", sheets)
    wb = openpyxl.load_workbook(path)
    assert by_id(wb["Satsningar"], satsningar.SHEET, "title")[0].startswith("=HYPERLINK")
    assert wb["Satsningar"]["B2"].data_type == "s"


def test_a_broken_workbook_is_refused_and_left_as_it_was(tmp_path):
    path = tmp_path / "uppfoljning.xlsx"
    path.write_bytes(b"not a workbook")
    with pytest.raises(book.FollowupBookError) as exc:
        book.check_writable(path)
    assert exc.value.key == "followup.book.unreadable"
    assert path.read_bytes() == b"not a workbook"

    other = openpyxl.Workbook()
    other.active.title = "Ansökningar"
    other.save(path)
    before = path.read_bytes()
    with pytest.raises(book.FollowupBookError) as exc:
        book.write_followup(path, a_run(), root=tmp_path)
    assert exc.value.key == "followup.book.not_register" and path.read_bytes() == before

    (tmp_path / "x").mkdir()
    path = write(tmp_path / "x", a_run())
    wb = openpyxl.load_workbook(path)
    del wb[store.TITLE]
    wb.save(path)
    before = path.read_bytes()
    with pytest.raises(book.FollowupBookError) as exc:
        book.write_followup(path, a_run(), root=tmp_path)
    assert exc.value.key == "followup.book.store_missing" and path.read_bytes() == before

    wb = openpyxl.load_workbook(path)
    ws = wb.create_sheet(store.TITLE)
    ws.append(list(store.HEADER))
    ws.append(["plan", "laxhjalp", "1", json.dumps({"format": 999})])
    wb.save(path)
    with pytest.raises(book.FollowupBookError) as exc:
        book.read_kept(path)
    assert exc.value.key == "followup.book.store_unreadable" and exc.value.params["satsning"] == "laxhjalp"


def test_an_open_workbook_is_not_written(tmp_path):
    path = write(tmp_path, a_run())
    (tmp_path / f"~${path.name}").write_text("")
    with pytest.raises(book.FollowupBookError) as exc:
        book.check_writable(path)
    assert exc.value.key == "followup.book.locked"
    book.check_writable(path, force=True)


def test_a_workbook_saved_by_libreoffice_calc_keeps_its_plans_and_what_was_typed(tmp_path, soffice):
    """The processledare opens the workbook in Calc, saves it, types the beslut; re-run in English."""
    import subprocess

    path = write(tmp_path, a_run())
    out = tmp_path / "calc"
    subprocess.run([soffice, f"-env:UserInstallation=file://{tmp_path}/lo-profile", "--headless",
                    "--convert-to", "xlsx", "--outdir", str(out), str(path)], check=True, capture_output=True,
                   timeout=120)
    (out / path.name).replace(path)
    kept = book.read_kept(path)  # the store came through Calc: the plans, the due dates
    assert kept.plans["laxhjalp"] == [a_plan()]
    assert [r.due for r, _ in kept.expected["laxhjalp"]] == [row.report.due for row in a_run().satsningar[0].expected]
    wb = openpyxl.load_workbook(path)
    sat = wb["Satsningar"]
    head = [c.value for c in sat[1]]
    sat.cell(row=3, column=head.index("Beviljat belopp") + 1, value="1,8 mkr")
    sat.cell(row=3, column=head.index("Slut") + 1, value=dt.datetime(2028, 12, 31))
    wb.save(path)
    write(tmp_path, a_run(), lang="en")
    kept = book.read_kept(path)
    assert kept.typed["ny-satsning"] == {"beviljat_belopp": "1,8 mkr", "slut": dt.datetime(2028, 12, 31)}
    assert kept.plans["ny-satsning"] == [a_plan("ny-satsning", granted=None)]
    assert by_id(openpyxl.load_workbook(path)["Satsningar"], satsningar.SHEET, "satsning", "en") == \
        ["laxhjalp", "ny-satsning"]


def test_every_sheet_prints_on_a4_landscape(tmp_path):
    wb = openpyxl.load_workbook(write(tmp_path, a_run()))
    for name in ("Satsningar", "Rapporter", "Ekonomi", "Brister"):
        setup = wb[name].page_setup
        assert (setup.orientation, str(setup.paperSize), setup.fitToWidth) == ("landscape", "9", 1), name
        assert wb[name].print_title_rows == "$1:$1"

"""The proposed decision on each report received (SPEC §9, issue 20: proposal.py), on the
follow-up samples (samples-uppfoljning: Läxhjälp i Vivalla, Örebro, and Samlat tidigt stöd
för unga i Sandviken, Region Gävleborg) and edits of them: underlag för utbetalning with the
amount for the period, komplettering begärs, underlag för avbrytandeprövning, and the
processledare's own word on Rapporter. What is asserted is data, never the wording.

The fixtures and helpers here are the memo tests' too (test_followup_memo.py)."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import docx
import openpyxl
import pytest
from conftest import ROOT, run_cli

from socinv_docs.followup import Followup
from socinv_docs.followup_report import Decision
from socinv_docs.proposal import propose
from socinv_docs.render.followup.sheets import rapporter

SAMPLE = ROOT / "samples-uppfoljning"
LAX, SAND = "laxhjalp-vivalla", "unga-sandviken"
HELAR_2026, DELAR2_2027, HELAR_2027 = "redovisning/helar/2026", "redovisning/delar2/2027", "redovisning/helar/2027"
D = dt.date

pytestmark = pytest.mark.skipif(not SAMPLE.is_dir(), reason="samples-uppfoljning/ not generated")


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    """The samples copied, and their workbook as the README's first run writes it."""
    root = tmp_path_factory.mktemp("uppfoljning")
    folder = root / "satsningar"
    shutil.copytree(SAMPLE, folder)
    workbook = root / "uppfoljning.xlsx"
    result = run_cli("followup", folder, "--workbook", workbook, "--date", "2028-02-15")
    assert result.exit_code == 1, result.output  # the Delår 2 2027 with its gaps
    return folder, workbook


def copy_of(sample, tmp_path: Path) -> tuple[Path, Path]:
    folder, workbook = sample
    shutil.copytree(folder, tmp_path / "satsningar")
    shutil.copy(workbook, tmp_path / "uppfoljning.xlsx")
    return tmp_path / "satsningar", tmp_path / "uppfoljning.xlsx"


def run_on(folder: Path, workbook: Path, day: dt.date, schemas):
    job = Followup(folder, schemas, workbook=workbook, date=day, jobs=1, read_only=True)
    job.prepare()
    return job.run()


def of(run, name: str):
    return next(s for s in run.satsningar if s.satsning == name)


def review(s, expected: str):
    return next(r for r in s.reviews if r.expected == expected)


def report_file(folder: Path, name: str, stem: str) -> Path:
    return next((folder / name / "rapporter").glob(f"{stem}*.docx"))


def edit_criteria(path: Path, answer: str | None = None, motivation: str | None = None) -> None:
    """The report's first förutsättning answered and motivated as a projektledare types it."""
    d = docx.Document(str(path))
    table = next(t for t in d.tables if t.rows[0].cells[0].text.strip() == "Förutsättning")
    row = table.rows[1]
    if answer is not None:
        row.cells[1].text = answer
    if motivation is not None:
        row.cells[2].text = motivation
    d.save(str(path))


def type_decision(workbook: Path, satsning: str, report_key: str, words: str) -> None:
    """The processledare types a Förslag till beslut on the report's row of Rapporter."""
    wb = openpyxl.load_workbook(workbook)
    ws = wb[rapporter.SHEET.title]
    head = [c.value for c in ws[1]]
    key_at = head.index(rapporter.SHEET.header("key", "sv"))
    row = next(r for r in ws.iter_rows(min_row=2)
               if r[key_at].value and satsning in r[key_at].value and report_key in r[key_at].value)
    row[head.index(rapporter.SHEET.header(rapporter.DECISION_COLUMN, "sv"))].value = words
    wb.save(workbook)


# -- the proposed decision per report ---------------------------------------------------------------


def test_a_complete_report_is_the_basis_for_paying_the_funds_costs_of_its_period(sample, schemas):
    run = run_on(*sample, D(2028, 2, 15), schemas)
    lax = review(of(run, LAX), HELAR_2026).proposal
    assert (lax.decision, lax.amount, lax.reasons) == (Decision.PAYMENT, 432_000, ())
    assert [(y.year, y.fund, y.paid_before, y.due) for y in lax.years] == [(2026, 432_000, 0, 432_000)]
    sand = review(of(run, SAND), HELAR_2027).proposal
    assert (sand.decision, sand.amount) == (Decision.PAYMENT, 391_000)


def test_a_report_with_errors_asks_for_a_supplement_naming_its_errors_and_pays_nothing(sample, schemas):
    run = run_on(*sample, D(2028, 2, 15), schemas)
    lax = of(run, LAX)
    p = review(lax, DELAR2_2027).proposal
    errors = {f.code.value for d in lax.reports if d.file.endswith("delår 2 2027.docx") for f in d.findings
              if f.severity.value == "error"}
    assert p.decision is Decision.SUPPLEMENT and p.amount is None
    assert set(p.reasons) == errors and "FUND_COSTS_NOT_SHOWN" in errors


def test_a_no_to_a_prerequisite_is_the_basis_for_considering_a_stop(sample, schemas, tmp_path):
    folder, workbook = copy_of(sample, tmp_path)
    edit_criteria(report_file(folder, LAX, "Redovisning helår 2026"), answer="Nej")
    p = review(of(run_on(folder, workbook, D(2028, 2, 15), schemas), LAX), HELAR_2026).proposal
    assert p.decision is Decision.STOP_REVIEW and p.amount is None and len(p.reasons) == 1


def test_a_later_report_of_a_year_pays_only_what_the_earlier_one_did_not(sample, schemas):
    """A Helår pays its year less what the year's Delår 2 was already the basis of."""
    run = run_on(*sample, D(2028, 2, 15), schemas)
    lax = of(run, LAX)
    row = next(r for r in lax.expected if r.report.key == HELAR_2026)
    p = propose(row.received, schemas, row.report, {2026: 100_000})
    assert (p.decision, p.amount) == (Decision.PAYMENT, 332_000)
    assert [(y.year, y.paid_before, y.due) for y in p.years] == [(2026, 100_000, 332_000)]
    # Never below nothing: a year already paid in full on an earlier report pays 0.
    assert propose(row.received, schemas, row.report, {2026: 500_000}).amount == 0


def test_the_processledares_decision_on_rapporter_is_the_one_in_force(sample, schemas, tmp_path):
    folder, workbook = copy_of(sample, tmp_path)
    type_decision(workbook, LAX, HELAR_2026, "Komplettering begärs")
    type_decision(workbook, LAX, DELAR2_2027, "se mejl 2027-10-02")  # their own words: kept, not a decision
    lax = of(run_on(folder, workbook, D(2028, 2, 15), schemas), LAX)
    helar = review(lax, HELAR_2026).proposal
    assert (helar.decision, helar.proposed, helar.overruled, helar.amount) == (
        Decision.SUPPLEMENT, Decision.PAYMENT, True, None)
    delar = review(lax, DELAR2_2027).proposal
    assert (delar.decision, delar.typed, delar.overruled) == (Decision.SUPPLEMENT, "se mejl 2027-10-02", False)
    assert rapporter.decision_typed("utbetalning 432 000 kr") is Decision.PAYMENT
    assert rapporter.decision_typed("Avbrytandeprövning") is Decision.STOP_REVIEW
    assert rapporter.decision_typed("Utbetalningen väntar") is None


def test_the_json_of_the_run_has_each_reports_proposal(sample, cli):
    folder, workbook = sample
    result = cli("followup", folder, "--workbook", workbook.parent / "json.xlsx", "--date", "2028-02-15",
                 "--format", "json")
    lax = next(s for s in result.json["satsningar"] if s["satsning"] == LAX)
    assert [(p["expected"], p["decision"], p["amount"]) for p in lax["proposals"]] == [
        (HELAR_2026, "payment", 432_000), (DELAR2_2027, "supplement", None)]

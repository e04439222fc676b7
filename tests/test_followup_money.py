"""A follow-up report's money against its plan (SPEC §9): COST_TOTAL_EXCEEDED,
COST_FORECAST_EXCEEDED, COST_YEAR_OVER_PLAN, COST_COMPONENT_DEVIATION, FUND_COSTS_NOT_SHOWN and
DEVIATION_UNEXPLAINED, for Örebro kommun and Region Gävleborg, on the funders' real forms filled
in as people fill them (tests/followup_support.py). Asserts codes, severities, params and the
cell each finding points at, never wording.
"""

from __future__ import annotations

import dataclasses

import pytest
from followup_support import (
    GAVLEBORG_REDOVISNING,
    GAVLEBORG_SLUTRAPPORT,
    OREBRO_REDOVISNING,
    OREBRO_SLUTRAPPORT,
    gavleborg_plan,
    granted,
    insert_above_total,
    orebro_plan,
    write,
)

from socinv_docs.codes import Code, Severity
from socinv_docs.pipeline import check_document, evaluate
from socinv_docs.plan import BudgetLine

MONEY = {Code.COST_TOTAL_EXCEEDED, Code.COST_FORECAST_EXCEEDED, Code.COST_YEAR_OVER_PLAN,
         Code.COST_COMPONENT_DEVIATION, Code.FUND_COSTS_NOT_SHOWN, Code.DEVIATION_UNEXPLAINED}


def money(findings) -> list:
    return [f for f in findings if f.code in MONEY]


@pytest.fixture(scope="module")
def orebro_delar2(tmp_path_factory, schemas):
    """Örebro's Delår 2 2027 report, read once: the plans vary."""
    path = write(OREBRO_REDOVISNING, tmp_path_factory.mktemp("orebro") / "redovisning.docx")
    return check_document(path, schemas, plan=orebro_plan()).document


@pytest.fixture(scope="module")
def gavleborg_helar(tmp_path_factory, schemas):
    path = write(GAVLEBORG_REDOVISNING, tmp_path_factory.mktemp("gavleborg") / "lagesrapport.docx")
    return check_document(path, schemas, plan=gavleborg_plan()).document


def checked(tmp_path, report, plan, change=None, name="rapport.docx"):
    return check_document(write(report, tmp_path / name, change), _schemas(), plan=plan)


def _schemas():
    from socinv_docs.loading import load_schemas

    return load_schemas()


# -- the grant ---------------------------------------------------------------------------------------

def test_the_funds_costs_to_date_over_the_amount_granted_is_an_error(orebro_delar2, schemas):
    findings, _ = evaluate(orebro_delar2, schemas, plan=granted(orebro_plan(), 2_300_000))
    found = money(findings)
    assert [f.code for f in found] == [Code.COST_TOTAL_EXCEEDED]  # the forecast is not said on top of it
    finding = found[0]
    assert finding.severity is Severity.ERROR and finding.section == "ekonomi"
    assert (finding.params["to_date"], finding.params["granted"], finding.params["over"]) == (2_350_000, 2_300_000,
                                                                                            50_000)
    # on the Totalt row's varav fonden cell
    assert (finding.where.row_label, finding.where.column_name) == ("Totalt", "varav fonden (kr)")


def test_the_forecast_over_the_amount_granted_is_a_warning(orebro_delar2, schemas):
    findings, _ = evaluate(orebro_delar2, schemas, plan=granted(orebro_plan(), 3_300_000))
    [finding] = money(findings)
    assert (finding.code, finding.severity) == (Code.COST_FORECAST_EXCEEDED, Severity.WARNING)
    assert (finding.params["to_date"], finding.params["forecast"], finding.params["total"]) == (2_350_000, 990_000,
                                                                                               3_340_000)
    assert "variant" not in finding.params  # Örebro's fund carries the whole forecast
    assert finding.where.column_name == "Prognos (kr)"


def test_a_co_financed_forecast_counts_the_funds_share_of_it(gavleborg_helar, schemas):
    """Region Gävleborg pays half: of the 800 000 kr forecast, the fund carries 400 000 kr."""
    findings, _ = evaluate(gavleborg_helar, schemas, plan=granted(gavleborg_plan(), 1_150_000))
    [finding] = money(findings)
    assert finding.code is Code.COST_FORECAST_EXCEEDED
    assert (finding.params["variant"], finding.params["share"], finding.params["forecast"],
            finding.params["forecast_cost"], finding.params["total"]) == ("share", 0.5, 400_000, 800_000, 1_180_000)
    findings, _ = evaluate(gavleborg_helar, schemas, plan=gavleborg_plan())
    assert money(findings) == []  # 1 180 000 kr of 1 200 000 kr


def test_without_a_beslut_or_a_plan_the_grant_is_not_judged(orebro_delar2, schemas):
    """No beviljat belopp yet ("Beslut saknas"): nothing is compared with the amount sought."""
    for plan in (granted(orebro_plan(), None), None):
        findings, _ = evaluate(orebro_delar2, schemas, plan=plan)
        assert not {Code.COST_TOTAL_EXCEEDED, Code.COST_FORECAST_EXCEEDED} & {f.code for f in findings}


# -- calendar years --------------------------------------------------------------------------------

def test_a_year_over_its_plan_is_a_warning_in_orebro(orebro_delar2, schemas):
    """"Fördelning mellan åren är upp till varje enskild satsning": 2026 cost 1 490 000 kr against
    a plan of 1 450 000 kr."""
    plan = orebro_plan(budget=(BudgetLine(2026, "personal", "Personal", 1_100_000),
                               BudgetLine(2026, "lokaler", "Lokaler", 350_000),
                               *orebro_plan().budget[2:]))
    findings, _ = evaluate(orebro_delar2, schemas, plan=plan)
    [finding] = [f for f in findings if f.code is Code.COST_YEAR_OVER_PLAN]
    assert finding.severity is Severity.WARNING
    assert {k: finding.params[k] for k in ("year", "amount", "planned", "over")} == {
        "year": 2026, "amount": 1_490_000, "planned": 1_450_000, "over": 40_000}
    assert (finding.where.row_label, finding.where.column_name) == ("Lokaler", "Utfall (kr)")  # the year's last row


def test_a_year_over_its_plan_and_over_the_cap_is_an_error_in_gavleborg(tmp_path, gavleborg_helar, schemas):
    plan = gavleborg_plan(budget=(*gavleborg_plan().budget[:2],
                                  BudgetLine(2027, "personal", "Personal (lön inkl. PO)", 700_000, 350_000),
                                  gavleborg_plan().budget[3]))
    findings, _ = evaluate(gavleborg_helar, schemas, plan=plan)
    [finding] = [f for f in findings if f.code is Code.COST_YEAR_OVER_PLAN]
    assert (finding.severity, finding.params["year"], finding.params["amount"], finding.params["planned"]) == (
        Severity.ERROR, 2027, 790_000, 700_000)
    # The fund's part over the Region's cap of 500 000 kr a year, though the cost is within the plan.
    economy = [list(row) for row in GAVLEBORG_REDOVISNING.economy]
    economy[2] = ["2027", "Personal", "800 000", "790 000", "520 000", ""]
    economy[4] = ["Totalt", "", "2 400 000", "1 560 000", "905 000", "800 000"]
    report = checked(tmp_path, GAVLEBORG_REDOVISNING.but(economy=economy), granted(gavleborg_plan(), 1_400_000))
    [finding] = [f for f in report.findings if f.code is Code.COST_YEAR_OVER_PLAN]
    assert (finding.severity, finding.params["variant"], finding.params["year"], finding.params["amount"],
            finding.params["ceiling"]) == (Severity.ERROR, "cap", 2027, 520_000, 500_000)
    assert finding.where.column_name == "varav sociala investeringsmedel (kr)"


def test_the_funds_part_of_a_year_over_the_plans(gavleborg_helar, schemas):
    """Within the year's cost, but the fund charged more than the plan's part of it."""
    plan = gavleborg_plan(budget=(BudgetLine(2026, "personal", "Personal (lön inkl. PO)", 600_000, 250_000),
                                  *gavleborg_plan().budget[1:]))
    findings, _ = evaluate(gavleborg_helar, schemas, plan=plan)
    [finding] = [f for f in findings if f.code is Code.COST_YEAR_OVER_PLAN]
    assert (finding.params["variant"], finding.params["amount"], finding.params["planned"]) == ("fund", 385_000,
                                                                                               350_000)


# -- kostnadsslag --------------------------------------------------------------------------------

def test_a_year_in_progress_without_a_prognos_is_compared_with_the_months_passed(tmp_path):
    """Delår 2 2027 (January–August): 2027's Personal without a prognos is compared with 8/12 of
    its plan; Lokaler 2026 (a year done) with its whole plan. Avvikelser left empty."""
    economy = [["2026", "Personal", "1,2 mkr", "1 150 000 kr", "1 150 000", ""],
               ["", "Lokaler", "350 tkr", "420 000", "420 000", ""],
               ["2027", "Personal", "1 250 000 kr", "400 000", "400 000", ""],
               ["Totalt", "", "", "1 970 000", "1 970 000", ""]]
    report = checked(tmp_path, OREBRO_REDOVISNING.but(economy=economy), orebro_plan())
    found = {f.params["component"]: f for f in report.findings if f.code is Code.COST_COMPONENT_DEVIATION}
    personal, lokaler = found["Personal"], found["Lokaler"]
    assert (personal.params["planned"], personal.params["reported"], personal.params["years"]) == (
        1_200_000 + 833_333, 1_550_000, [2026, 2027])
    assert personal.params["variant"] == "under" and personal.params["share"] < -0.15
    assert (lokaler.params["planned"], lokaler.params["reported"], lokaler.params["share"]) == (350_000, 420_000, 0.2)
    assert "variant" not in lokaler.params and lokaler.params["threshold"] == 0.15
    assert (lokaler.where.row_label, lokaler.where.column_name) == ("Lokaler", "Utfall (kr)")
    # Övrigt, planned 100 000 kr for 2027 and not in the report at all: 8/12 of it not spent.
    assert found["Övrigt"].params["reported"] == 0
    [unexplained] = [f for f in report.findings if f.code is Code.DEVIATION_UNEXPLAINED]
    assert (unexplained.severity, unexplained.section) == (Severity.WARNING, "avvikelser")
    assert unexplained.params["components"] == ["Personal", "Lokaler", "Övrigt"]
    assert unexplained.where.heading == "5. Avvikelser"


def test_an_earlier_year_left_empty_is_not_compared(tmp_path):
    """A pre-filled Delår 2 2027 lists 2026 too; its rows left empty (the Helår 2026 report gave
    them) are no deviation: only 2027 is compared, with 8/12 of its plan."""
    economy = [["2026", "Personal", "1,2 mkr", "", "", ""],
               ["", "Lokaler", "350 tkr", "", "", ""],
               ["2027", "Personal", "1 250 000 kr", "833 000", "833 000", ""],
               ["", "Övrigt", "100 000", "66 000", "66 000", ""],
               ["Totalt", "", "", "899 000", "899 000", ""]]
    report = checked(tmp_path, OREBRO_REDOVISNING.but(economy=economy), orebro_plan())
    assert [f for f in report.findings if f.code is Code.COST_COMPONENT_DEVIATION] == []
    # The same 2026 written as nothing spent is compared, and is a deviation.
    economy[0][3], economy[1][3] = "0", "0"
    report = checked(tmp_path, OREBRO_REDOVISNING.but(economy=economy), orebro_plan(), name="noll.docx")
    found = {f.params["component"]: f for f in report.findings if f.code is Code.COST_COMPONENT_DEVIATION}
    assert found["Lokaler"].params["years"] == [2026] and found["Lokaler"].params["reported"] == 0


def test_an_explained_deviation_and_one_within_the_threshold(tmp_path):
    economy = [list(row) for row in OREBRO_REDOVISNING.economy]
    economy[0] = ["2026", "Personal", "1,2 mkr", "1 100 000 kr", "1 100 000", ""]  # −4 % with 2027's
    economy[1] = ["", "Lokaler", "350 tkr", "420 000", "420 000", ""]  # +20 %
    economy[3] = ["", "Övrigt", "100 000", "70 000", "70 000", "40 000"]  # +10 %: within 15 %
    economy[5] = ["Totalt", "", "3 500 000", "2 390 000", "2 390 000", "990 000"]
    report = checked(tmp_path, OREBRO_REDOVISNING.but(economy=economy, blank=("Övrigt",)), orebro_plan())
    assert [(f.code, f.params.get("component")) for f in money(report.findings)] == [
        (Code.COST_COMPONENT_DEVIATION, "Lokaler")]


def test_a_kostnadsslag_the_plan_lacks_in_a_row_added_to_the_form(tmp_path):
    report = checked(tmp_path, OREBRO_REDOVISNING, granted(orebro_plan(), 3_500_000),
                     change=insert_above_total(["2027", "Konsulter", "", "50 000", "50 000", ""]))
    found = [f for f in report.findings if f.code is Code.COST_COMPONENT_DEVIATION]
    assert [(f.params["variant"], f.params["component"], f.params["planned"], f.params["reported"], f.params["share"])
            for f in found] == [("unplanned", "Konsulter", 0, 50_000, None)]
    assert found[0].where.row_label == "2027"


def test_two_rows_of_one_kostnadsslag_are_counted_together(tmp_path):
    """Personal written as two rows of 2026 ("Personal – lärare", "Personal – samordnare"), in a
    plan whose budget column is named otherwise than its id (a funder's "lon" headed "Personal")."""
    economy = [list(row) for row in OREBRO_REDOVISNING.economy]
    economy[0:1] = [["2026", "Personal – lärare", "", "700 000", "700 000", ""],
                    ["", "Personal – samordnare", "", "450 000", "450 000", ""]]
    plan = orebro_plan(budget=tuple(dataclasses.replace(line, component="lon") if line.label == "Personal" else line
                                    for line in orebro_plan().budget))
    report = checked(tmp_path, OREBRO_REDOVISNING.but(economy=economy), plan)
    assert [f for f in report.findings if f.code is Code.COST_COMPONENT_DEVIATION] == []


def test_gavleborgs_kostnadsslag_are_matched_to_bilaga_2s_headers(gavleborg_helar, schemas):
    """The plan's "Personal (lön inkl. PO)" is the report's "Personal"."""
    findings, _ = evaluate(gavleborg_helar, schemas, plan=gavleborg_plan())
    assert not [f for f in findings if f.code is Code.COST_COMPONENT_DEVIATION]
    plan = gavleborg_plan(budget=(BudgetLine(2026, "personal", "Personal (lön inkl. PO)", 300_000, 150_000),
                                  *gavleborg_plan().budget[1:]))
    findings, _ = evaluate(gavleborg_helar, schemas, plan=plan)
    [finding] = [f for f in findings if f.code is Code.COST_COMPONENT_DEVIATION]
    assert (finding.params["component"], finding.params["planned"], finding.params["reported"]) == (
        "Personal (lön inkl. PO)", 1_100_000, 1_370_000)


# -- the fund's part shown -------------------------------------------------------------------------

def test_the_fund_column_left_empty_is_one_error_even_without_a_plan(tmp_path):
    economy = [[year, part, budget, actual, "", forecast] for year, part, budget, actual, _, forecast
               in OREBRO_REDOVISNING.economy]
    report = checked(tmp_path, OREBRO_REDOVISNING.but(economy=economy), plan=None)
    [finding] = [f for f in report.findings if f.code is Code.FUND_COSTS_NOT_SHOWN]
    assert (finding.severity, finding.params["variant"], finding.params["rows"], finding.params["actual"]) == (
        Severity.ERROR, "column", 4, 2_350_000)
    assert (finding.where.row_label, finding.where.column_name) == ("2026", "varav fonden (kr)")
    assert report.status.value == "incomplete"


def test_a_row_without_the_funds_part(tmp_path):
    economy = [list(row) for row in GAVLEBORG_SLUTRAPPORT.economy]
    economy[1] = ["", "Lokaler", "200 000", "190 000", "", ""]
    report = checked(tmp_path, GAVLEBORG_SLUTRAPPORT.but(economy=economy), gavleborg_plan())
    [finding] = [f for f in report.findings if f.code is Code.FUND_COSTS_NOT_SHOWN]
    assert (finding.params["row"], finding.params["actual"]) == ("2026 Lokaler", 190_000)
    assert (finding.where.row_label, finding.where.column_name) == ("Lokaler", "varav sociala investeringsmedel (kr)")


def test_a_correct_slutrapports_money(tmp_path):
    report = checked(tmp_path, OREBRO_SLUTRAPPORT, orebro_plan())
    assert money(report.findings) == []

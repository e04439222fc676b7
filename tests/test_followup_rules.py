"""A follow-up report against its plan (SPEC §9), beyond the money (test_followup_money.py):
measures and activities, målvärde, parties and period, implementering in the last year, and the
slutrapport's goals, comparison and efterkalkyl; a correct report of each kind and funder gives
no §9 finding, also after a LibreOffice round trip; each funder's severities and values, in its
profile and in `socinv rules`. Reports are the funders' real forms filled in as people fill them
(tests/followup_support.py). Asserts codes, severities, params and places, never wording.
"""

from __future__ import annotations

import dataclasses
import shutil
import subprocess

import pytest
import yaml
from conftest import schema_problem
from followup_support import (
    ACTIVITIES,
    FOLLOWUP_CODES,
    GAVLEBORG_REDOVISNING,
    GAVLEBORG_SLUTRAPPORT,
    GOAL_PARENTS,
    GOAL_SCHOOL,
    OREBRO_REDOVISNING,
    OREBRO_SLUTRAPPORT,
    OREBRO_UPPFOLJANDE,
    gavleborg_plan,
    granted,
    orebro_plan,
    write,
)

from socinv_docs.codes import Code, Severity
from socinv_docs.loading import SchemaError, load_schemas, schemas_dir
from socinv_docs.pipeline import check_document, evaluate
from socinv_docs.plan import Goal, Measure

ACTIVITIES_TWO = ACTIVITIES[:2]


def checked(tmp_path, report, plan, name="rapport.docx"):
    return check_document(write(report, tmp_path / name), load_schemas(), plan=plan)


def of(findings, code: Code) -> list:
    return [f for f in findings if f.code is code]


def followup(findings) -> list[tuple[str, str]]:
    return [(f.code.value, f.severity.value) for f in findings if f.code.value in FOLLOWUP_CODES]


# -- a correct report gives no §9 finding ------------------------------------------------------------

CORRECT = [(OREBRO_REDOVISNING, orebro_plan), (OREBRO_SLUTRAPPORT, orebro_plan), (OREBRO_UPPFOLJANDE, orebro_plan),
           (GAVLEBORG_REDOVISNING, gavleborg_plan), (GAVLEBORG_SLUTRAPPORT, gavleborg_plan)]


@pytest.mark.parametrize("report,plan", CORRECT, ids=[f"{r.profile}-{r.kind}" for r, _ in CORRECT])
def test_a_report_that_keeps_to_its_plan_gives_no_followup_finding(report, plan, tmp_path):
    checked_report = checked(tmp_path, report, plan())
    assert (checked_report.kind, checked_report.profile) == (report.kind, report.profile)
    assert checked_report.status.value == "complete", [(f.code.value, f.params) for f in checked_report.findings]
    assert followup(checked_report.findings) == []


def test_a_report_saved_again_by_libreoffice_gives_the_same_findings(tmp_path, schemas, soffice):
    """A report with deviations, as Word saved it and as LibreOffice saved it again."""
    economy = [list(row) for row in OREBRO_REDOVISNING.economy]
    economy[1] = ["", "Lokaler", "350 tkr", "420 000", "", ""]
    measures = [row for row in OREBRO_REDOVISNING.measures if row[1] != "Antal elever som deltar"]
    source = write(OREBRO_REDOVISNING.but(economy=economy, measures=measures), tmp_path / "original.docx")
    out = tmp_path / "out"
    subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}",
                    "--convert-to", "docx", "--outdir", str(out), str(source)],
                   check=True, capture_output=True, timeout=180)
    before = check_document(source, schemas, plan=orebro_plan())
    after = check_document(out / "original.docx", schemas, plan=orebro_plan())
    expected = [("FUND_COSTS_NOT_SHOWN", "error"), ("MEASURE_NOT_REPORTED", "warning"),
                ("COST_YEAR_OVER_PLAN", "warning"), ("COST_COMPONENT_DEVIATION", "warning"),
                ("DEVIATION_UNEXPLAINED", "warning")]
    assert sorted(followup(before.findings)) == sorted(expected)
    assert [(f.code, f.params) for f in after.findings] == [(f.code, f.params) for f in before.findings]


def test_the_rules_that_need_the_plan_say_nothing_without_one(tmp_path):
    """A report checked alone (no plan carried, none given) with every gap a plan would show:
    only what the report itself shows — the fund's part not shown — is said."""
    economy = [row[:4] + ["", row[5]] for row in OREBRO_REDOVISNING.economy]
    report = checked(tmp_path, OREBRO_REDOVISNING.but(economy=economy, measures=[], activities=[]), plan=None)
    assert followup(report.findings) == [("FUND_COSTS_NOT_SHOWN", "error")]


# -- measures and activities ----------------------------------------------------------------------------

@pytest.mark.parametrize("report,severity", [(OREBRO_REDOVISNING, Severity.WARNING),
                                             (OREBRO_SLUTRAPPORT, Severity.ERROR)])
def test_a_measure_without_utfall_is_a_warning_and_an_error_in_the_slutrapport(report, severity, tmp_path):
    measures = [list(row) for row in report.measures]
    measures[0][3] = ""  # the Utfall of "Andel godkända i matematik åk 9" left empty
    measures = [row for row in measures if row[1] != "Antal elever som deltar"]  # and a row left out
    checked_report = checked(tmp_path, report.but(measures=measures), orebro_plan())
    found = of(checked_report.findings, Code.MEASURE_NOT_REPORTED)
    assert [(f.severity, f.params["measure"], f.params["goal"], f.params.get("variant")) for f in found] == [
        (severity, "Antal elever som deltar", GOAL_SCHOOL, "no_row"),  # on the table, before its rows
        (severity, "Andel godkända i matematik åk 9", GOAL_SCHOOL, None)]
    assert found[1].where.column_name == "Utfall" and found[1].section == "effekter"


def test_a_measure_is_found_within_its_goal_and_by_its_words(tmp_path):
    """Two goals with a measure of the same words: each row answers its own goal's. A measure
    retyped with a word more is the plan's."""
    plan = orebro_plan(goals=(Goal("g1", GOAL_SCHOOL, (), (Measure("m1", "Antal deltagare", "aktivitetsmatt", "0"),)),
                              Goal("g2", GOAL_PARENTS, (), (Measure("m2", "Antal deltagare", "aktivitetsmatt", "0"),
                                                            Measure("m3", "Andel föräldrar", "utfallsmatt", "20 %")))))
    measures = [[GOAL_SCHOOL, "Antal deltagare", "0", "", ""],
                [GOAL_PARENTS, "Antal deltagare", "0", "30", ""],
                ["", "Andel föräldrar som deltar", "20 %", "35 %", ""]]
    report = checked(tmp_path, OREBRO_REDOVISNING.but(measures=measures, activities=[]), plan)
    assert [(f.params["goal"], f.params["measure"]) for f in of(report.findings, Code.MEASURE_NOT_REPORTED)] == [
        (GOAL_SCHOOL, "Antal deltagare")]


def test_a_measure_not_due_until_after_the_reports_period_is_no_finding(tmp_path):
    """Bilaga 4's tidpunkt för mätning: "Antal elever som deltar" is measured 2027-12, after
    Delår 2 2027 (January–August); in Helår 2027 it is due."""
    measures = [GAVLEBORG_REDOVISNING.measures[0], ["", "Antal elever som deltar", "0", "60", "2027-12", "", ""]]
    delar2 = GAVLEBORG_REDOVISNING.but(measures=measures).with_fields(
        Rapportperiod="Delår 2 2027", **{"Period som rapporten avser": "2027-01-01 – 2027-08-31"})
    assert of(checked(tmp_path, delar2, gavleborg_plan(), "delar2.docx").findings, Code.MEASURE_NOT_REPORTED) == []
    helar = checked(tmp_path, GAVLEBORG_REDOVISNING.but(measures=measures), gavleborg_plan(), "helar.docx")
    assert [f.params["measure"] for f in of(helar.findings, Code.MEASURE_NOT_REPORTED)] == ["Antal elever som deltar"]


def test_a_measure_without_basmatning_in_the_plan_or_the_report(tmp_path):
    plan = orebro_plan(goals=(Goal("g1", GOAL_SCHOOL, (), (Measure("m1", "Antal elever som deltar", "aktivitetsmatt"),
                                                           Measure("m2", "Andel godkända i matematik åk 9",
                                                                   "utfallsmatt"))),))
    measures = [[GOAL_SCHOOL, "Antal elever som deltar", "", "45", ""],
                ["", "Andel godkända i matematik åk 9", "72 % (vt 2025)", "78 %", ""]]  # written in the report
    report = checked(tmp_path, OREBRO_SLUTRAPPORT.but(measures=measures), plan)
    [finding] = of(report.findings, Code.BASELINE_MISSING)
    assert (finding.severity, finding.params["measure"]) == (Severity.ERROR, "Antal elever som deltar")
    assert finding.where.column_name == "Basmätning"


def test_an_activity_not_accounted_for(tmp_path):
    activities = [["Rekrytera läxhjälpare", "", ""], ["Läxhjälp två kvällar i veckan", "Pågår", ""]]
    report = checked(tmp_path, OREBRO_REDOVISNING.but(activities=activities), orebro_plan())
    found = of(report.findings, Code.ACTIVITY_NOT_REPORTED)
    # "Pågår" is an account; a row left empty is not, nor a planned activity with no row ("Föräldraträffar").
    assert sorted((f.params["activity"], f.params.get("variant")) for f in found) == [
        ("Föräldraträffar", "no_row"), ("Rekrytera läxhjälpare", None)]
    empty = next(f for f in found if "variant" not in f.params)
    assert (empty.severity, empty.where.column_name) == (Severity.WARNING, "Genomförd (Ja/Delvis/Nej)")


# -- målvärde (Region Gävleborg) --------------------------------------------------------------------------

@pytest.mark.parametrize("baseline,target,actual,expected", [
    ("0", "60", "45", [("up", 45.0, 60.0)]),  # a count below its target at its time
    ("0", "60", "62", []),
    ("30 %", "20 %", "25 %", [("down", 25.0, 20.0)]),  # to come down to 20 %
    ("30 %", "20 %", "18 %", []),
    ("0", "60", "Ej mätt än", []),  # not a number: for people to judge
    ("0", "60 %", "45", []),  # a per cent against a count
    ("", "60", "45", []),  # no basmätning: no direction
])
def test_a_target_not_met_at_its_time(baseline, target, actual, expected, schemas, tmp_path):
    plan = gavleborg_plan(goals=(Goal("g1", GOAL_SCHOOL, ("Rekrytera läxhjälpare", "Läxhjälp två kvällar i veckan"),
                                      (Measure("m2", "Antal elever som deltar", "indikator", baseline, target,
                                               "2027-12"),)),))
    measures = [[GOAL_SCHOOL, "Antal elever som deltar", baseline or "–", target, "2027-12", actual, ""]]
    report = checked(tmp_path, GAVLEBORG_REDOVISNING.but(measures=measures), plan)
    found = of(report.findings, Code.TARGET_NOT_MET)
    assert [(f.params["variant"], f.params["actual"], f.params["target"]) for f in found] == expected
    assert all(f.severity is Severity.WARNING and f.where.column_name == "Utfall" for f in found)


def test_a_target_whose_time_has_not_come_and_orebros_schema_without_targets(tmp_path):
    measures = [[GOAL_SCHOOL, "Andel godkända i matematik åk 9", "72 %", "80 %", "2028-06", "74 %", ""],
                ["", "Antal elever som deltar", "0", "60", "2027-12", "62", ""]]
    report = checked(tmp_path, GAVLEBORG_REDOVISNING.but(measures=measures), gavleborg_plan(), "gavleborg.docx")
    assert of(report.findings, Code.TARGET_NOT_MET) == []  # 2028-06 is after Helår 2027
    # Örebro's utvärderingsschema has no målvärde, and Örebro's profile does not enable the rule.
    assert "targets" not in load_schemas().profiles["orebro-2020"].rules
    plan = orebro_plan(goals=(Goal("g1", GOAL_SCHOOL, (), (Measure("m1", "Antal elever som deltar", "aktivitetsmatt",
                                                                   "0", "60", "2027-06"),)),))
    assert of(checked(tmp_path, OREBRO_REDOVISNING, plan, "orebro.docx").findings, Code.TARGET_NOT_MET) == []


# -- parties, period, implementering ---------------------------------------------------------------------

def test_a_party_of_the_plan_gone_from_the_report(tmp_path):
    report = checked(tmp_path, OREBRO_REDOVISNING.with_fields(
        Medverkande="grundskolenämnden\nSocialnämnden, IFO"), orebro_plan())
    found = of(report.findings, Code.PARTIES_CHANGED)
    assert [(f.severity, f.params["party"], f.field) for f in found] == [
        (Severity.WARNING, "Föreningen Läxhjälpen", "parter")]
    assert found[0].where.label.startswith("Medverkande")


def test_parties_are_matched_leniently(tmp_path):
    plan = orebro_plan(parties=(dataclasses.replace(orebro_plan().parties[1], name="Socialnämnden – IFO"),
                                dataclasses.replace(orebro_plan().parties[2], name="Läxhjälpen")))
    report = checked(tmp_path, OREBRO_REDOVISNING, plan)
    assert of(report.findings, Code.PARTIES_CHANGED) == []


def test_a_report_ending_after_the_beslutad_period(tmp_path):
    report = checked(tmp_path, OREBRO_SLUTRAPPORT.with_fields(
        **{"Satsningens period": "2026-01-01 – 2029-06-30"}), orebro_plan())
    [finding] = of(report.findings, Code.PERIOD_CHANGED)
    assert (finding.severity, finding.params["variant"], finding.params["end"], finding.params["slut"]) == (
        Severity.WARNING, "after", "2029-06-30", "2028-12-31")
    assert finding.field == "period"


@pytest.mark.parametrize("period,written,due", [
    (("Delår 2 2028", "2028-01-01 – 2028-08-31"), False, True),  # the last year: not a word on it
    (("Delår 2 2028", "2028-01-01 – 2028-08-31"), True, False),
    (("Helår 2027", "2027-01-01 – 2027-12-31"), False, False),  # twelve months before the end: not yet
])
def test_implementering_in_the_last_year(period, written, due, tmp_path):
    blank = ("Avvikelser", "Övrigt") if written else ("Avvikelser", "Övrigt", "Förberedelse för implementering")
    economy = [["2028", "Personal", "600 000", "300 000", "300 000", "300 000"]]
    report = OREBRO_REDOVISNING.but(blank=blank, economy=economy).with_fields(
        Rapportperiod=period[0], **{"Period som redovisas": period[1]})
    found = of(checked(tmp_path, report, orebro_plan()).findings, Code.IMPLEMENTATION_PLAN_MISSING)
    assert [(f.severity, f.section, f.params["end"]) for f in found] == (
        [(Severity.WARNING, "implementering", period[1][-10:])] if due else [])


# -- the slutrapport ---------------------------------------------------------------------------------------

def test_a_goal_without_the_result_of_its_outcome_measures(tmp_path):
    """Örebro's outcome measures are the utfallsmått: the goal of the parents has only "Andel
    föräldrar som deltar", left without utfall; the school's has one of its two reported."""
    measures = [[GOAL_SCHOOL, "Andel godkända i matematik åk 9", "72 %", "81 %", ""],
                ["", "Antal elever som deltar", "0", "", ""],
                [GOAL_PARENTS, "Andel föräldrar som deltar", "20 %", "", ""]]
    report = checked(tmp_path, OREBRO_SLUTRAPPORT.but(measures=measures), orebro_plan())
    [finding] = of(report.findings, Code.GOAL_WITHOUT_RESULT)
    assert (finding.severity, finding.params["goal"], finding.params["measures"]) == (
        Severity.ERROR, GOAL_PARENTS, ["Andel föräldrar som deltar"])
    assert finding.where.column_name == "Utfall"
    # The school's goal has its utfallsmått; the activity measure without utfall is MEASURE_NOT_REPORTED only.
    assert [f.params["measure"] for f in of(report.findings, Code.MEASURE_NOT_REPORTED)] == [
        "Antal elever som deltar", "Andel föräldrar som deltar"]


def test_gavleborgs_goal_is_judged_by_its_indikatorer(tmp_path):
    measures = [[GOAL_SCHOOL, "Andel godkända i matematik åk 9", "72 %", "80 %", "2028-06", "", ""],
                ["", "Antal elever som deltar", "0", "60", "2027-12", "", ""]]
    report = checked(tmp_path, GAVLEBORG_SLUTRAPPORT.but(measures=measures), gavleborg_plan())
    [finding] = of(report.findings, Code.GOAL_WITHOUT_RESULT)
    assert finding.params["measures"] == ["Andel godkända i matematik åk 9", "Antal elever som deltar"]


@pytest.mark.parametrize("report,plan", [(OREBRO_SLUTRAPPORT, None), (GAVLEBORG_SLUTRAPPORT, gavleborg_plan())])
def test_a_slutrapport_without_its_comparison(report, plan, tmp_path):
    blank = report.blank + ("Jämförelse med jämförelsealternativ och kontrollgrupp",
                            "Jämförelse med jämförelsealternativ eller kontrollgrupp")
    checked_report = checked(tmp_path, report.but(blank=blank), plan)
    [finding] = of(checked_report.findings, Code.COMPARISON_MISSING)
    assert (finding.severity, finding.section) == (Severity.WARNING, "jamforelse")
    assert finding.where.heading.startswith("5. Jämförelse")
    assert not [f for f in checked_report.findings if f.section == "jamforelse" and f is not finding]
    assert checked_report.status.value == "complete"  # a warning: a kontrollgrupp is an ambition


def test_an_efterkalkyl_below_the_actual_cost_and_far_from_the_forkalkyl(tmp_path):
    """Actual cost 3 380 000 kr; Socialnämnden 250 000 kr × 10 år (förkalkyl 400 000 kr × 10 år);
    Grundskolenämnden left out."""
    report = checked(tmp_path, OREBRO_SLUTRAPPORT.but(efterkalkyl=[["Socialnämnden", "250 000", "10"]]),
                     orebro_plan())
    [below] = of(report.findings, Code.EFTERKALKYL_BELOW_COST)
    assert (below.severity, below.params["savings"], below.params["cost"], below.params["horizon"]) == (
        Severity.WARNING, 2_500_000, 3_380_000, 10)
    deviations = {f.params.get("variant", f.params.get("party")): f for f in of(report.findings,
                                                                                Code.EFTERKALKYL_DEVIATION)}
    assert set(deviations) == {"Socialnämnden", "missing", "ratio"}
    social = deviations["Socialnämnden"]
    assert (social.params["before"], social.params["after"], social.params["share"]) == (4_000_000, 2_500_000,
                                                                                         -0.375)
    assert social.where.column_name == "Besparing per år (kr)"
    assert (deviations["missing"].params["party"], deviations["missing"].params["before"]) == (
        "Grundskolenämnden", 1_200_000)
    assert (deviations["ratio"].params["before"], deviations["ratio"].params["after"]) == (1.4857, 0.7396)


def test_an_efterkalkyl_counts_at_most_the_horizon_and_needs_a_forkalkyl_to_deviate_from(tmp_path, schemas):
    """300 000 kr a year for 12 years counts as 10, as the ansökan's savings did; a plan whose
    förkalkyl has no savings per nämnd leaves only the whole ratio to compare."""
    path = write(OREBRO_SLUTRAPPORT.but(efterkalkyl=[["Socialnämnden", "300 000", "12"]]), tmp_path / "s.docx")
    doc = check_document(path, schemas).document
    findings, _ = evaluate(doc, schemas, plan=None)
    [below] = of(findings, Code.EFTERKALKYL_BELOW_COST)
    assert (below.params["savings"], below.params["cost"]) == (3_000_000, 3_380_000)
    assert of(findings, Code.EFTERKALKYL_DEVIATION) == []  # no plan, no förkalkyl
    plan = orebro_plan(forkalkyl=dataclasses.replace(orebro_plan().forkalkyl, savings=()))
    findings, _ = evaluate(doc, schemas, plan=plan)
    assert [f.params.get("variant") for f in of(findings, Code.EFTERKALKYL_DEVIATION)] == ["ratio"]


# -- every code, each funder's severity ----------------------------------------------------------------

def _without(plan, measure_id: str):
    """The plan with one measure's basmätning left out."""
    goals = tuple(dataclasses.replace(g, measures=tuple(dataclasses.replace(m, basmatning="") if m.id == measure_id
                                                        else m for m in g.measures)) for g in plan.goals)
    return dataclasses.replace(plan, goals=goals)


GAPS_OREBRO = OREBRO_REDOVISNING.but(
    economy=[["2026", "Personal", "1,2 mkr", "1 150 000", "1 150 000", ""],
             ["", "Lokaler", "350 tkr", "460 000", "", ""],
             ["2027", "Personal", "1 250 000", "1 240 000", "1 240 000", ""],
             ["", "Övrigt", "100 000", "95 000", "95 000", ""],
             ["2028", "Personal", "600 000", "590 000", "590 000", ""],
             ["Totalt", "", "3 500 000", "3 535 000", "3 075 000", ""]],
    measures=[r for r in OREBRO_REDOVISNING.measures if r[1] != "Antal elever som deltar"],
    activities=ACTIVITIES_TWO, blank=("Avvikelser", "Övrigt", "implementering"),
).with_fields(Medverkande="Grundskolenämnden\nSocialnämnden", **{"Period som redovisas": "2028-01-01 – 2029-03-31"})
GAPS_GAVLEBORG = GAVLEBORG_REDOVISNING.but(
    economy=[["2026", "Personal", "600 000", "580 000", "290 000", ""],
             ["", "Lokaler", "200 000", "290 000", "", ""],
             ["2027", "Personal", "800 000", "790 000", "395 000", ""],
             ["2028", "Personal", "800 000", "790 000", "395 000", ""],
             ["Totalt", "", "2 400 000", "2 450 000", "1 080 000", ""]],
    measures=[[GOAL_SCHOOL, "Andel godkända i matematik åk 9", "72 %", "80 %", "2028-06", "74 %", ""]],
    activities=ACTIVITIES_TWO[:1], blank=("Avvikelser", "Övrigt", "Implementering i ordinarie verksamhet"),
).with_fields(Medverkande="Region Gävleborg – Hälsocentral Sandviken",
              **{"Period som rapporten avser": "2028-01-01 – 2029-03-31"})
SLUTRAPPORT_GAPS = {"blank": ("Avvikelser", "Övrigt", "kontrollgrupp")}
WARNING, ERROR = "warning", "error"
EVERY_CODE = {
    # A redovisning of the last year ending after the beslutad period, with every gap of its kind.
    "orebro-redovisning": (GAPS_OREBRO, lambda: granted(_without(orebro_plan(), "m2"), 3_000_000), {
        "FUND_COSTS_NOT_SHOWN": ERROR, "COST_TOTAL_EXCEEDED": ERROR, "COST_YEAR_OVER_PLAN": WARNING,
        "COST_COMPONENT_DEVIATION": WARNING, "DEVIATION_UNEXPLAINED": WARNING, "MEASURE_NOT_REPORTED": WARNING,
        "ACTIVITY_NOT_REPORTED": WARNING, "PARTIES_CHANGED": WARNING, "PERIOD_CHANGED": WARNING,
        "IMPLEMENTATION_PLAN_MISSING": WARNING, "BASELINE_MISSING": WARNING}),
    "gavleborg-redovisning": (GAPS_GAVLEBORG, lambda: granted(_without(gavleborg_plan(), "m2"), 1_000_000), {
        "FUND_COSTS_NOT_SHOWN": ERROR, "COST_TOTAL_EXCEEDED": ERROR, "COST_YEAR_OVER_PLAN": ERROR,
        "COST_COMPONENT_DEVIATION": WARNING, "DEVIATION_UNEXPLAINED": WARNING, "MEASURE_NOT_REPORTED": WARNING,
        "BASELINE_MISSING": WARNING, "ACTIVITY_NOT_REPORTED": WARNING, "TARGET_NOT_MET": WARNING,
        "PARTIES_CHANGED": WARNING, "PERIOD_CHANGED": WARNING, "IMPLEMENTATION_PLAN_MISSING": WARNING}),
    # A slutrapport without the utfall of its outcome measures, its comparison, and (Örebro) with
    # an efterkalkyl far below the cost and the förkalkyl.
    "orebro-slutrapport": (
        OREBRO_SLUTRAPPORT.but(measures=[[GOAL_SCHOOL, "Andel godkända i matematik åk 9", "72 %", "", ""],
                                         ["", "Antal elever som deltar", "", "52", ""]],
                               efterkalkyl=[["Socialnämnden", "100 000", "10"]], **SLUTRAPPORT_GAPS),
        lambda: _without(orebro_plan(), "m2"), {
            "MEASURE_NOT_REPORTED": ERROR, "BASELINE_MISSING": ERROR, "GOAL_WITHOUT_RESULT": ERROR,
            "COMPARISON_MISSING": WARNING, "EFTERKALKYL_BELOW_COST": WARNING, "EFTERKALKYL_DEVIATION": WARNING}),
    "gavleborg-slutrapport": (
        GAVLEBORG_SLUTRAPPORT.but(measures=[[GOAL_SCHOOL, "Andel godkända i matematik åk 9", "", "80 %", "2028-06",
                                             "", ""]], **SLUTRAPPORT_GAPS),
        lambda: _without(gavleborg_plan(), "m1"), {
            "MEASURE_NOT_REPORTED": ERROR, "BASELINE_MISSING": ERROR, "GOAL_WITHOUT_RESULT": ERROR,
            "COMPARISON_MISSING": WARNING}),
}


@pytest.mark.parametrize("case", sorted(EVERY_CODE))
def test_each_code_fires_where_due_with_the_funders_severity(case, tmp_path):
    report, plan, expected = EVERY_CODE[case]
    found = followup(checked(tmp_path, report, plan()).findings)
    assert dict(found) == expected
    assert len(set(found)) == len(dict(found))  # one severity per code within a report


# -- each funder's values ------------------------------------------------------------------------------------

def test_each_funder_sets_its_own_severities_and_values(schemas):
    orebro, gavleborg = (schemas.profiles[p].rules for p in ("orebro-2020", "gavleborg-2019"))
    assert (orebro["cost_years"].severity, orebro["cost_years"].max_fund_per_year) == ("warning", None)
    assert (gavleborg["cost_years"].severity, gavleborg["cost_years"].max_fund_per_year) == ("error", 500_000)
    assert orebro["measures"].severity_in == gavleborg["measures"].severity_in == {"slutrapport": "error"}
    assert orebro["cost_components"].threshold == 0.15 and orebro["final_savings"].threshold == 0.25
    assert (orebro["goal_results"].outcome, gavleborg["goal_results"].outcome) == (["utfallsmatt"], ["indikator"])
    assert "targets" in gavleborg and "final_savings" not in gavleborg


def test_socinv_rules_explains_a_code_with_each_funders_values_and_words(cli):
    result = cli("rules", "COST_YEAR_OVER_PLAN", "--format", "json")
    assert result.exit_code == 0
    data = result.json
    assert (data["code"], data["severity"]) == ("COST_YEAR_OVER_PLAN", "warning") and data["what"] and data["why"]
    by = {p["profile"]: p for p in data["profiles"]}
    assert by["orebro-2020"]["options"] == {"severity": "warning", "max_fund_per_year": None}
    assert "Fördelning mellan åren" in by["orebro-2020"]["source"]  # the seed's own words
    assert by["gavleborg-2019"]["options"] == {"severity": "error", "max_fund_per_year": 500_000}
    assert any("500 000 kr" in d.replace("\xa0", " ") for d in by["gavleborg-2019"]["demands"])
    assert cli("rules", "MEASURE_NOT_REPORTED").output.startswith("MEASURE_NOT_REPORTED — ")
    measures = cli("rules", "MEASURE_NOT_REPORTED", "--format", "json").json["profiles"]
    assert all("följs satsningens aktivitets- och effektmått" in p["source"] for p in measures
               if p["profile"] == "orebro-2020")
    for code in ("COST_COMPONENT_DEVIATION", "EFTERKALKYL_DEVIATION", "IMPLEMENTATION_PLAN_MISSING"):
        shown = cli("rules", code, "--format", "json").json
        assert all(p["demands"] for p in shown["profiles"]), code  # the threshold, the months


@pytest.mark.parametrize("rule,options,where,key", [
    ("measures", {"kinds": ["slutrapport"], "severity_in": {"ansokan_x": "error"}}, "rules.measures.severity_in",
     "schema.not_profile_kind"),
    ("measures", {"kinds": ["slutrapport"], "severity_in": {"slutrapport": "fatal"}},
     "rules.measures.severity_in.slutrapport", "schema.not_one_of"),
    ("cost_components", {"kinds": ["redovisning"], "threshold": 0}, "rules.cost_components.threshold",
     "schema.too_small"),
    ("cost_years", {"kinds": ["redovisning"], "severity": "fatal"}, "rules.cost_years.severity", "schema.not_one_of"),
    # a kind without the Ekonomi table
    ("cost_years", {"kinds": ["ideprovning"]}, "rules.cost_years.kinds.0", "schema.kind_lacks"),
])
def test_a_profile_with_options_that_cannot_work_is_refused(rule, options, where, key, tmp_path):
    root = tmp_path / "schemas"
    shutil.copytree(schemas_dir(), root)
    path = root / "profiles" / "orebro-2020.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["rules"][rule] = options
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(SchemaError) as exc:
        load_schemas(root)
    schema_problem(exc.value, path.name, where, key)


def test_a_plan_without_forkalkyl_savings_or_budget_is_no_error(tmp_path, schemas):
    """A plan made from files without a budget or savings (nothing to compare with) runs the
    rules without a finding of theirs and without failing."""
    plan = orebro_plan(budget=(), forkalkyl=None, goals=(), parties=())
    report = checked(tmp_path, OREBRO_SLUTRAPPORT, plan)
    assert followup(report.findings) == []

"""Region Gävleborg's sociala investeringsmedel, the third funder, added by data alone
(schemas/kinds/{investeringsansokan,budget_och_medfinansiering,uppfoljningsschema,
aktivitetsplan}.yaml, schemas/profiles/gavleborg-2019.yaml).

Every file here is built from the blank templates in tests/data/gavleborg
(tools/make_gavleborg_templates.py) the way applicants fill them in (tools/docbuilder.py,
with the sample content of tools/make_samples.py). Asserts codes, params, locations and
data, never wording.
"""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import make_gavleborg_templates as templates
import make_samples as samples
import pytest
from conftest import OFFICIAL, ROOT
from lxml import etree

from socinv_docs.codes import Code, Severity
from socinv_docs.fmt import kronor
from socinv_docs.loading import load_schemas
from socinv_docs.pipeline import check_document, check_submission

PROFILE = "gavleborg-2019"
TEMPLATES = ROOT / "tests" / "data" / "gavleborg"
KINDS = {templates.ANSOKAN: "investeringsansokan", templates.BUDGET: "budget_och_medfinansiering",
         templates.UPPFOLJNING: "uppfoljningsschema", templates.AKTIVITETSPLAN: "aktivitetsplan"}
GAVLEBORG_FILES = [*(f"{name}.yaml" for name in KINDS.values())]


def codes(report) -> list[str]:
    return sorted(f.code.value for f in report.findings)


def only(report, code: Code):
    found = [f for f in report.findings if f.code is code]
    assert len(found) == 1, codes(report)
    return found[0]


# -- files as applicants fill them in ---------------------------------------------------------

def ansokan(tmp_path: Path, name: str = "ansokan.docx", *, medsokande=samples.GV_MEDSOKANDE,
            sokt: str = "1 230 000 kr", tillstyrkan=samples.GV_TILLSTYRKAN, skip: str | None = None,
            change=None) -> Path:
    draft = samples.gv_ansokan(medsokande, sokt, skip=skip, tillstyrkan=tillstyrkan)
    if change is not None:
        change(draft)
    return draft.save(tmp_path / name)


def budget(tmp_path: Path, name: str = templates.BUDGET, *, rows=samples.GV_BUDGET,
           medfinansiering=samples.GV_MEDFINANSIERING, change=None) -> Path:
    draft = samples.gv_budget(rows, medfinansiering)
    if change is not None:
        change(draft)
    return draft.save(tmp_path / name)


def uppfoljning(tmp_path: Path, rows=samples.GV_MAL) -> Path:
    return samples.gv_grid(templates.UPPFOLJNING, rows, "Mål").save(tmp_path / templates.UPPFOLJNING)


def aktivitetsplan(tmp_path: Path, rows=samples.GV_AKTIVITETER) -> Path:
    return samples.gv_grid(templates.AKTIVITETSPLAN, rows, "Aktivitet").save(tmp_path / templates.AKTIVITETSPLAN)


@pytest.fixture(scope="module")
def complete(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("gavleborg-komplett")
    return {"ansokan": ansokan(folder), "budget": budget(folder), "uppfoljning": uppfoljning(folder),
            "aktivitetsplan": aktivitetsplan(folder)}


# -- the blank templates --------------------------------------------------------------------

def test_the_committed_templates_are_what_the_tool_makes(tmp_path):
    assert templates.main(["make_gavleborg_templates.py", str(tmp_path)]) == 0
    made = sorted(p.name for p in tmp_path.iterdir())
    assert made == sorted(p.name for p in TEMPLATES.iterdir()) == sorted(KINDS)
    for name in made:
        assert (tmp_path / name).read_bytes() == (TEMPLATES / name).read_bytes(), name


def test_the_committed_samples_are_what_the_tool_makes(tmp_path):
    samples.gavleborg_komplett(tmp_path)
    samples.gavleborg_luckor(tmp_path)
    for folder in ("gavleborg-komplett", "gavleborg-luckor"):
        names = sorted(p.name for p in (tmp_path / folder).iterdir())
        assert names == sorted(p.name for p in (ROOT / "samples" / folder).iterdir())
        for name in names:
            assert (tmp_path / folder / name).read_bytes() == (ROOT / "samples" / folder / name).read_bytes()


@pytest.mark.parametrize("name", sorted(KINDS))
def test_a_blank_template_is_its_kind_and_every_part_is_found(name, schemas):
    report = check_document(TEMPLATES / name, schemas)
    assert (report.kind, report.profile) == (KINDS[name], PROFILE)
    kind = schemas.kinds[report.kind]
    doc = report.document
    assert {s.id: s.state.value for s in doc.sections.values()} == {
        s.id: "empty" if kind.format == "xlsx" else "placeholder" for s in kind.sections}
    for field in kind.fields:  # found by its label, and empty
        assert doc.fields[field.id].location.label and not doc.fields[field.id].raw, field.id
    if kind.criteria:
        assert all(a.found and a.answer is None for a in doc.criteria.values())
    if kind.signatures:
        assert doc.signatures == []
    assert report.status.value == "incomplete"


def test_the_template_values_hours_at_the_profiles_rate(schemas):
    import openpyxl

    profile = schemas.profiles[PROFILE]
    assert profile.economics.hour_rate == templates.HOUR_RATE
    ws = openpyxl.load_workbook(TEMPLATES / templates.BUDGET)[templates.COFIN_SHEET]
    value_column = templates.COFIN_COLUMNS.index("Värde av arbetstid (kr)") + 1
    formulas = {ws.cell(r, value_column).value for r in range(7, 7 + templates.COFIN_ROWS)}
    assert {f.split("*")[1] for f in formulas} == {str(templates.HOUR_RATE)}
    # The numbers the guidance states are the profile's.
    assert profile.options("cost_ceiling").max_per_year == 500_000 and "500 000 kr" in templates.BUDGET_GUIDANCE
    assert profile.options("cofinancing").max_fund_share == 0.5 and "50 %" in templates.BUDGET_GUIDANCE


# -- detection ---------------------------------------------------------------------------------

def test_each_filled_in_file_is_its_kind_and_profile(complete, schemas):
    for path in complete.values():
        report = check_document(path, schemas)
        assert (report.kind, report.profile) == (KINDS[path.name], PROFILE)


def _without_gavleborg(tmp_path: Path):
    root = tmp_path / "schemas"
    shutil.copytree(ROOT / "schemas", root)
    for name in GAVLEBORG_FILES:
        (root / "kinds" / name).unlink()
    (root / "profiles" / f"{PROFILE}.yaml").unlink()
    return load_schemas(root)


OTHER_FUNDERS = sorted([*OFFICIAL.glob("*.*x"), *(p for p in (ROOT / "samples").rglob("*.*x")
                                                  if not p.parent.name.startswith("gavleborg"))])


def test_orebro_and_molndal_files_are_judged_exactly_as_before(schemas, tmp_path):
    before = _without_gavleborg(tmp_path)
    assert PROFILE not in before.profiles
    for path in OTHER_FUNDERS:
        old, new = check_document(path, before), check_document(path, schemas)
        assert (new.kind, new.profile) == (old.kind, old.profile), path.name
        assert [f.key for f in new.findings] == [f.key for f in old.findings], path.name
        assert new.economics == old.economics, path.name


def test_a_profile_limits_detection_to_its_own_templates(complete, schemas):
    assert codes(check_document(complete["ansokan"], schemas, profile="orebro-2020")) == ["KIND_UNKNOWN"]
    assert codes(check_document(OFFICIAL / "ansokan.docx", schemas, profile=PROFILE)) == ["KIND_UNKNOWN"]
    assert codes(check_document(OFFICIAL / "utvarderingsschema.xlsx", schemas, profile=PROFILE)) == ["KIND_UNKNOWN"]


# -- every rule ----------------------------------------------------------------------------------

def test_a_complete_submission_is_complete(complete, schemas):
    reports = [check_document(p, schemas) for p in complete.values()]
    sub = check_submission("gavleborg", reports, schemas)
    assert sub.status.value == "complete"
    assert sub.findings == [] and all(r.findings == [] for r in reports), [codes(r) for r in reports]


def test_one_organisation_only(tmp_path, schemas):
    report = check_document(ansokan(tmp_path, medsokande=[], tillstyrkan=samples.GV_TILLSTYRKAN[:1]), schemas)
    finding = only(report, Code.PARTIES_INSUFFICIENT)
    assert codes(report) == ["PARTIES_INSUFFICIENT"]  # a missing medsökande is not also FIELD_MISSING
    assert finding.field == "huvudsokande" and finding.params["parties"] == 1
    assert finding.where.label.startswith("Huvudsökande")


def test_any_two_organisations_count_a_contracted_company_too(tmp_path, schemas):
    provider = "Omsorgsbolaget Norr AB (upphandlad utförare)"
    report = check_document(ansokan(tmp_path, medsokande=[provider], tillstyrkan=[
        samples.GV_TILLSTYRKAN[0], [provider, "VD", "Per Ek", "2019-11-21"]]), schemas)
    assert codes(report) == []
    assert [(p.name, p.category) for p in report.facts.parties] == [
        (samples.GV_HUVUDSOKANDE, "kommun"), (provider, "company")]


def test_party_categories_are_told_by_their_names(complete, schemas):
    report = check_document(complete["ansokan"], schemas)
    assert [p.category for p in report.facts.parties] == ["kommun", "region", "civil"]


def test_a_missing_tillstyrkan(tmp_path, schemas):
    # Three organisations, two have tillstyrkt, the third only wrote its name.
    rows = [*samples.GV_TILLSTYRKAN[:2], [samples.GV_TILLSTYRKAN[2][0], "", "", ""]]
    finding = only(check_document(ansokan(tmp_path, tillstyrkan=rows), schemas), Code.SIGNATURE_MISSING)
    # One finding, on the third organisation's row, naming what it lacks (issue 24).
    assert (finding.params["variant"], finding.params["row"]) == ("row", samples.GV_TILLSTYRKAN[2][0])
    assert finding.params["missing"] == ["Behörig chef", "Namn", "Datum"]
    assert finding.section == "tillstyrkan" and finding.where.row == 4
    # Two rows for three organisations: the count, said in parties.
    finding = only(check_document(ansokan(tmp_path, tillstyrkan=rows[:2]), schemas), Code.SIGNATURE_MISSING)
    assert (finding.params["variant"], finding.params["found"], finding.params["needed"]) == ("per_party", 2, 3)
    assert finding.section == "tillstyrkan" and finding.where.heading == "Tillstyrkan"


def test_a_section_left_skriv_har(tmp_path, schemas):
    report = check_document(ansokan(tmp_path, skip="5. Insats och metod"), schemas)
    finding = only(report, Code.SECTION_PLACEHOLDER)
    assert finding.section == "insats" and finding.severity is Severity.ERROR
    assert finding.where.heading == "5. Insats och metod"


def test_fields_missing_and_unreadable(tmp_path, schemas):
    def change(draft):
        draft.fill_field("Kontaktperson", "")
        draft.fill_field("Projektperiod", "våren 2020 och framåt")

    report = check_document(ansokan(tmp_path, change=change), schemas)
    assert codes(report) == ["FIELD_INVALID", "FIELD_MISSING"]
    assert only(report, Code.FIELD_MISSING).field == "kontaktperson"
    invalid = only(report, Code.FIELD_INVALID)
    assert invalid.field == "projektperiod" and invalid.params["raw"] == "våren 2020 och framåt"


def test_more_than_three_years(tmp_path, schemas):
    report = check_document(ansokan(tmp_path, change=lambda d: d.fill_field("Projektperiod", "2020-01-01 – 2023-12-31")),
                            schemas)
    finding = only(report, Code.DURATION_OUT_OF_RANGE)
    assert finding.field == "projektperiod" and finding.params["years"] == 4.0 and finding.params["max"] == 3
    # The Region sets only a maximum: the finding says "at most 3 years", never a range from 0 (issue 19).
    assert finding.params["variant"] == "at_most"
    for lang in ("sv", "en"):
        assert "0–" not in finding.message_in(lang) + finding.hint_in(lang)


def test_an_existing_activity_and_an_unanswered_criterion(tmp_path, schemas):
    def change(draft):
        draft.set_criterion("Är satsningen ny", "Nej", "Mottagningen finns redan, vi vill utöka den.")
        draft.set_criterion("Bidrar satsningen till folkhälsoprogrammets", "", "")

    report = check_document(ansokan(tmp_path, change=change), schemas)
    assert codes(report) == ["CRITERION_NOT_MET", "CRITERION_UNANSWERED"]
    assert only(report, Code.CRITERION_NOT_MET).criterion == "ny_verksamhet"
    assert "variant" not in only(report, Code.CRITERION_NOT_MET).params  # an application's criterion
    assert only(report, Code.CRITERION_UNANSWERED).criterion == "folkhalsomal"


def test_a_year_over_500_000_kr_from_the_fund(tmp_path, schemas):
    # År 2 costs 1 100 000 kr and seeks 520 000 kr; the whole is within half (1 230 000 of
    # 2 770 000), and the organisations put in 1 470 000 kr.
    rows = [[*samples.GV_BUDGET[0][:-1], 300_000],
            ["År 2", 910_000, 40_000, 60_000, 25_000, 50_000, 15_000, None, 520_000],
            samples.GV_BUDGET[2]]
    medfinansiering = [*samples.GV_MEDFINANSIERING, ["Sandvikens kommun – Fritid", "Lokaler", 200_000, 0]]
    report = check_document(budget(tmp_path, rows=rows, medfinansiering=medfinansiering), schemas)
    finding = only(report, Code.COST_CEILING_EXCEEDED)
    assert codes(report) == ["COST_CEILING_EXCEEDED"]
    assert (finding.params["amount"], finding.params["ceiling"]) == (520_000, 500_000)
    assert (finding.where.sheet, finding.where.cell) == (templates.BUDGET_SHEET, "I11")  # År 2, Sökta medel


def test_the_fund_pays_more_than_half(tmp_path, schemas):
    rows = [[*r[:-1], 450_000] for r in samples.GV_BUDGET]  # 1 350 000 of 2 500 000
    report = check_document(budget(tmp_path, rows=rows), schemas)
    assert codes(report) == ["FUND_SHARE_TOO_HIGH"]  # own 1 270 000 kr is still more than half
    finding = only(report, Code.FUND_SHARE_TOO_HIGH)
    assert finding.params == {**finding.params, "requested": 1_350_000, "cost": 2_500_000, "share": 0.54,
                              "maximum": 0.5}
    assert finding.section == "kostnader_per_ar" and finding.where.sheet == templates.BUDGET_SHEET


def test_too_little_co_financing(tmp_path, schemas):
    # The fund's half is fine, but the organisations only put in 400 000 kr and 1 000 hours.
    medfinansiering = [["Sandvikens kommun – IFO", "Socialsekreterare", 300_000, 600],
                       ["Region Gävleborg – Hälsocentralen Sandviken", "Kurator", 100_000, 400]]
    report = check_document(budget(tmp_path, medfinansiering=medfinansiering), schemas)
    finding = only(report, Code.OWN_SHARE_TOO_LOW)
    assert codes(report) == ["OWN_SHARE_TOO_LOW"]
    assert finding.params["own"] == 400_000 + 1_000 * templates.HOUR_RATE
    assert finding.params["share"] == round(800_000 / 2_500_000, 4) and finding.params["minimum"] == 0.5
    assert finding.where.sheet == templates.COFIN_SHEET


def _inconsistent(schemas, *paths) -> list:
    sub = check_submission("inskick", [check_document(p, schemas) for p in paths], schemas)
    return [f for f in sub.findings if f.code is Code.COSTS_INCONSISTENT]


def test_the_ansokans_amount_is_bilaga_2s(complete, tmp_path, schemas):
    """A cross-document rule by roles (issue 22): the ansökan's Sökta medel totalt against
    Bilaga 2's Sökta medel in total, as a submission's finding naming both files."""
    assert _inconsistent(schemas, complete["ansokan"], complete["budget"]) == []
    (finding,) = _inconsistent(schemas, ansokan(tmp_path, sokt="1 300 000 kr"), complete["budget"])
    assert (finding.code, finding.params["variant"], finding.field) == (Code.COSTS_INCONSISTENT, "documents",
                                                                         "sokta_medel")
    detail = finding.params["detail"]
    assert (detail["key"], detail["params"]["requested"], detail["params"]["total"]) == (
        "costs.documents", 1_300_000, 1_230_000)
    assert finding.params["file"].endswith("ansokan.docx") and finding.params["other"].endswith(".xlsx")
    assert finding.where.label.startswith("Sökta medel totalt")


def test_the_period_against_the_budgets_years(complete, tmp_path, schemas):
    """Two years of period, three of budget (År 1–3): the budget and the period disagree."""
    short = ansokan(tmp_path, change=lambda d: d.fill_field("Projektperiod", "2020-01-01 – 2021-12-31"))
    (finding,) = _inconsistent(schemas, short, complete["budget"])
    assert (finding.code, finding.params["variant"], finding.field) == (Code.COSTS_INCONSISTENT, "period",
                                                                         "projektperiod")
    assert (finding.params["detail"]["key"], finding.params["detail"]["params"]["budgeted"],
            finding.params["detail"]["params"]["years"]) == ("costs.period_project", 3, 2)
    assert _inconsistent(schemas, short) == []  # alone, the ansökan has no budget to compare with


def test_a_budget_that_does_not_add_up_and_unreadable_numbers(tmp_path, schemas):
    def change(draft):
        draft.use_sheet(templates.BUDGET_SHEET)
        draft.find("År 2").offset(0, 7).value = 900_000  # typed over the sum: 830 000
        draft.find("År 3").offset(0, 2).value = "se separat bilaga"
        draft.use_sheet(templates.COFIN_SHEET)
        draft.find("Föreningen Unga Röster").offset(0, 2).value = "noll kronor"

    report = check_document(budget(tmp_path, change=change), schemas)
    assert codes(report) == ["COSTS_INCONSISTENT", "FIELD_INVALID", "FIELD_INVALID"]
    inconsistent = only(report, Code.COSTS_INCONSISTENT)
    assert inconsistent.where.row == 11 and inconsistent.where.sheet == templates.BUDGET_SHEET
    cells = sorted((f.where.sheet, f.where.cell, f.params["raw"]) for f in report.findings
                   if f.code is Code.FIELD_INVALID)
    assert cells == [(templates.BUDGET_SHEET, "C12", "se separat bilaga"), (templates.COFIN_SHEET, "C9", "noll kronor")]


def test_an_empty_bilaga_3(tmp_path, schemas):
    report = check_document(budget(tmp_path, medfinansiering=[]), schemas)
    empty = only(report, Code.SECTION_EMPTY)
    assert empty.section == "medfinansiering_avsnitt" and empty.where.sheet == templates.COFIN_SHEET
    assert only(report, Code.OWN_SHARE_TOO_LOW).params["own"] == 0


def test_goals_and_activities_without_what_they_need(tmp_path, schemas):
    goals = [samples.GV_MAL[0], [*samples.GV_MAL[1][:3], "", *samples.GV_MAL[1][4:]]]  # no utgångsläge
    report = check_document(uppfoljning(tmp_path, goals), schemas)
    finding = only(report, Code.SCHEMA_ROW_INCOMPLETE)
    assert finding.params["missing"] == ["Utgångsläge"] and finding.where.cell == "D9"  # where to type it
    activities = [samples.GV_AKTIVITETER[0], [*samples.GV_AKTIVITETER[1][:3], "", *samples.GV_AKTIVITETER[1][4:]]]
    report = check_document(aktivitetsplan(tmp_path, activities), schemas)
    finding = only(report, Code.SCHEMA_ROW_INCOMPLETE)
    assert finding.params["missing"] == ["Ansvarig"] and finding.where.cell == "D9"


def test_bilagor_required_and_optional(complete, schemas):
    reports = {name: check_document(path, schemas) for name, path in complete.items()}

    def missing(*names, alone=False):
        sub = check_submission("s", [reports[n] for n in names], schemas, alone=alone)
        return sorted((f.params["kind"], f.severity.value) for f in sub.findings)

    assert missing("ansokan", "budget", "uppfoljning") == []  # Bilaga 5 is frivillig
    assert missing("ansokan", "budget") == [("uppfoljningsschema", "error")]
    assert missing("ansokan", alone=True) == [("budget_och_medfinansiering", "warning"),
                                              ("uppfoljningsschema", "warning")]
    assert missing("budget", "uppfoljning") == []  # bilagor alone ask for nothing


# -- the economics, by hand ----------------------------------------------------------------------

def test_economics_by_hand(complete, schemas):
    econ = check_document(complete["budget"], schemas).economics
    # Cost: the year rows' components (Total kostnad is a formula with no stored value in a file
    # openpyxl wrote): 820 000 + 830 000 + 850 000.
    assert econ.cost == 820_000 + 830_000 + 850_000 == 2_500_000
    assert econ.requested == 3 * 410_000 == 1_230_000
    assert econ.shares.fund_share == round(1_230_000 / 2_500_000, 4) == 0.492
    # Own: money 300 000 + 100 000 + 0, hours 1 200 + 800 + 175 at 400 kr.
    assert econ.shares.own_contribution == 400_000 + 2_175 * 400 == 1_270_000
    assert econ.shares.own_share == round(1_270_000 / 2_500_000, 4) == 0.508
    assert econ.shares.hour_rate == 400


def test_stored_totals_are_the_cost(tmp_path, schemas):
    """A workbook saved by Excel stores its formulas' values: then the Totalt row is the cost
    (here typed over, so that it differs from the year rows, which COSTS_INCONSISTENT says)."""
    def change(draft):
        draft.use_sheet(templates.BUDGET_SHEET)
        total = draft.find("Totalt")
        for offset, value in ((7, 2_520_000), (8, 1_230_000)):
            total.offset(0, offset).value = value

    report = check_document(budget(tmp_path, change=change), schemas)
    econ = report.economics
    assert (econ.cost, econ.requested, econ.shares.fund_share) == (2_520_000, 1_230_000, round(1_230_000 / 2_520_000, 4))
    assert codes(report) == ["COSTS_INCONSISTENT"]


# -- end to end ------------------------------------------------------------------------------------

SAMPLES = ROOT / "samples"


def test_check_one_file_and_the_submission(cli):
    one = cli("check", SAMPLES / "gavleborg-luckor" / "ansokan.docx", "--format", "json")
    assert one.exit_code == 1
    assert sorted(f["code"] for f in one.json["findings"]) == ["ATTACHMENT_MISSING", "ATTACHMENT_MISSING",
                                                   "PARTIES_INSUFFICIENT", "SECTION_PLACEHOLDER",
                                                   "SIGNATURE_MISSING"]
    folder = SAMPLES / "gavleborg-luckor"
    sub = cli("check", *sorted(folder.iterdir()), "--format", "json")
    assert sub.exit_code == 1
    assert [f["code"] for f in sub.json["findings"]] == ["ATTACHMENT_MISSING"]
    assert sub.json["findings"][0]["params"]["kind"] == "uppfoljningsschema"
    by_file = {Path(d["file"]).name: sorted(f["code"] for f in d["findings"]) for d in sub.json["documents"]}
    assert by_file == {"ansokan.docx": ["PARTIES_INSUFFICIENT", "SECTION_PLACEHOLDER", "SIGNATURE_MISSING"],
                       templates.BUDGET: ["COST_CEILING_EXCEEDED", "FUND_SHARE_TOO_HIGH", "OWN_SHARE_TOO_LOW"]}
    good = cli("check", *sorted((SAMPLES / "gavleborg-komplett").iterdir()), "--format", "json")
    assert good.exit_code == 0 and good.json["status"] == "complete"


def _inbox(tmp_path: Path) -> Path:
    inbox = tmp_path / "inkomna"
    for folder in ("gavleborg-komplett", "gavleborg-luckor"):
        shutil.copytree(SAMPLES / folder, inbox / folder)
    return inbox


def test_validate_into_a_register(tmp_path, cli):
    import openpyxl

    inbox = _inbox(tmp_path)
    result = cli("validate", inbox, "--register", tmp_path / "register.xlsx")
    assert result.exit_code == 1
    ws = openpyxl.load_workbook(tmp_path / "register.xlsx")["Ansökningar"]
    head = [c.value for c in ws[1]]
    rows = {r[head.index("Inskick")]: dict(zip(head, r)) for r in ws.iter_rows(min_row=2, values_only=True)}
    good, gaps = rows["gavleborg-komplett"], rows["gavleborg-luckor"]
    assert good["Satsningens namn"] == gaps["Satsningens namn"] == samples.GV_NAMN
    assert good["Sökande/nämnder"].split("; ") == [samples.GV_HUVUDSOKANDE, *samples.GV_MEDSOKANDE]
    assert (good["Sökt belopp"], good["Kostnad"]) == (1_230_000, 2_500_000)
    assert (gaps["Sökt belopp"], gaps["Kostnad"]) == (1_450_000, 2_580_000)
    assert good["Mall"].startswith("Ansökan sociala investeringsmedel")


@pytest.mark.parametrize("fmt", ["md", "docx"])
def test_memo_names_the_satsning_applicant_and_parties(tmp_path, cli, fmt):
    out = tmp_path / f"underlag.{fmt}"
    result = cli("memo", _inbox(tmp_path), "-o", out, "--format", fmt)
    assert result.exit_code == 0, result.output
    text = _memo_text(out)
    for words in (samples.GV_NAMN, samples.GV_HUVUDSOKANDE, *samples.GV_MEDSOKANDE, kronor(1_230_000)):
        assert words in text, words


@pytest.mark.parametrize("fmt", ["md", "html", "docx"])
def test_memo_shows_the_economics_of_bilaga_2_3(tmp_path, cli, fmt):
    """The cost and the shares come from Bilaga 2–3 (the ansökan has none), and with no
    savings table the memo claims nothing about savings or payback."""
    from socinv_docs.render.memo import submission_context
    from socinv_docs.validate import validate_folder

    inbox = _inbox(tmp_path)
    out = tmp_path / f"underlag.{fmt}"
    assert cli("memo", inbox, "-o", out, "--format", fmt).exit_code == 0
    text = out.read_text(encoding="utf-8") if fmt != "docx" else _memo_text(out)
    assert kronor(2_500_000) in text  # the cost, from Bilaga 2
    assert "Återbetald" not in text and "Besparing/kostnad" not in text
    assert kronor(1_230_000) in text  # sought from the fund: the first of the shares

    run = validate_folder(inbox, load_schemas())
    complete = next(s for s in run.submissions if s.submission == "gavleborg-komplett")
    economics = submission_context(complete, load_schemas(), None, "sv")["economics"]
    assert economics["has_savings"] is False and economics["payback"] == "–"
    assert len(economics["shares"]) == 2  # sought from the fund, and the applicants' own part


def _memo_text(path: Path) -> str:
    if path.suffix == ".md":
        return path.read_text(encoding="utf-8")
    import docx

    document = docx.Document(str(path))
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def test_annotated_copies_of_the_word_and_the_excel_file(tmp_path, cli):
    import openpyxl

    from socinv_docs.render.annotate import AUTHOR

    folder = SAMPLES / "gavleborg-luckor"
    word, excel = tmp_path / "ansokan-granskad.docx", tmp_path / "budget-granskad.xlsx"
    assert cli("check", folder / "ansokan.docx", "--annotate", word).exit_code == 1
    assert cli("check", folder / templates.BUDGET, "--annotate", excel).exit_code == 1

    import docx

    docx.Document(str(word))  # opens
    with zipfile.ZipFile(word) as z:
        comments = etree.fromstring(z.read("word/comments.xml"))
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    ours = [c for c in comments.iter(w + "comment") if c.get(w + "author") == AUTHOR]
    text = " ".join("".join(t.text or "" for t in c.iter(w + "t")) for c in ours)
    # A summary (with the missing bilagor, which have no place in the file) and one comment at
    # each of the three findings that have one.
    assert len(ours) == 4
    for code in ("PARTIES_INSUFFICIENT", "SECTION_PLACEHOLDER", "SIGNATURE_MISSING"):
        assert text.count(f"[{code}]") == 1, code

    wb = openpyxl.load_workbook(excel)
    notes = {f"{ws.title}!{c.coordinate}": c.comment.text for ws in wb.worksheets for row in ws.iter_rows()
             for c in row if c.comment is not None and c.comment.author == AUTHOR}
    assert "COST_CEILING_EXCEEDED" in notes[f"{templates.BUDGET_SHEET}!I10"]  # År 1, Sökta medel
    assert any("FUND_SHARE_TOO_HIGH" in t for t in notes.values())
    assert any(k.startswith(templates.COFIN_SHEET) and "OWN_SHARE_TOO_LOW" in t for k, t in notes.items())
    assert "Granskning" in wb.sheetnames and {templates.BUDGET_SHEET, templates.COFIN_SHEET} <= set(wb.sheetnames)


def test_profiles_command_shows_gavleborg(cli):
    listing = cli("profiles")
    assert listing.exit_code == 0 and PROFILE in listing.stdout
    detail = cli("profiles", PROFILE, "--lang", "en")
    assert detail.exit_code == 0
    for rule in ("parties", "duration", "cost_ceiling", "cofinancing", "attachments", "signatures", "criteria"):
        assert f"  {rule}  (" in detail.stdout
    assert "hour_rate: 400.0" in detail.stdout and "max_per_year: 500000" in detail.stdout

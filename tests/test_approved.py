"""The plan of a satsning made from its approved files and the beslut (SPEC §9, approved.py):
the sample satsningar of Örebro and Region Gävleborg, the project years turned into calendar
years once by the funder's rule, the beslut read from beslut.yaml (and the workbook's winning
over it), and a clear reason, never a traceback, where no plan can be made."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import ROOT

from socinv_docs import messages
from socinv_docs.approved import (
    ApprovedFile,
    NoPlan,
    beslut_in,
    beslut_of,
    decided,
    merged_beslut,
    plan_of,
    project_year,
    sha256_of,
    split,
)
from socinv_docs.pipeline import check_document
from socinv_docs.plan import Beslut, Plan

SAMPLES = ROOT / "samples"
FROZEN = dt.date(2026, 3, 1)


def approved(folder: Path, schemas) -> list[ApprovedFile]:
    return [ApprovedFile(p.relative_to(folder).as_posix(), sha256_of(p), check_document(p, schemas))
            for p in sorted(folder.rglob("*")) if p.is_file()]


@pytest.fixture(scope="module")
def orebro(schemas):
    return approved(SAMPLES / "ansokan-komplett", schemas)


@pytest.fixture(scope="module")
def gavleborg(schemas):
    return approved(SAMPLES / "gavleborg-komplett", schemas)


def refused(call) -> NoPlan:
    with pytest.raises(NoPlan) as caught:
        call()
    exc = caught.value
    # Its words are the catalogue's, in both languages, never the key itself.
    assert messages.has(exc.key) and exc.text("sv") != exc.text("en")
    return exc


# -- the samples ---------------------------------------------------------------------------------


def test_orebro_plan_from_the_ansokan_and_its_utvarderingsschema(orebro, schemas):
    beslut = Beslut(beviljat_belopp=3_900_000, beslutsdatum=dt.date(2025, 12, 10), diarienummer="KS 2025/812",
                    start=dt.date(2026, 1, 1), slut=dt.date(2028, 12, 31), source="beslut.yaml")
    plan = plan_of("laxhjalp", orebro, schemas, beslut=beslut, frozen_on=FROZEN)
    assert (plan.profile, plan.title, plan.dnr, plan.granted) == ("orebro-2020", "Läxhjälp i Vivalla", "KS 2025/812",
                                                                 3_900_000)
    assert plan.sought == 4_200_000  # for the record: approved is not sought
    assert [(p.name, p.category) for p in plan.parties] == [
        ("Socialnämnden – Social välfärd", "namnd"), ("Grundskolenämnden – Förskola och skola", "namnd"),
        ("Föreningen Vivalla Läxhjälp (ideell förening)", "civil")]
    assert plan.project_lead_percent == 50.0
    assert (plan.period_start, plan.period_end, plan.period_source) == (dt.date(2026, 1, 1), dt.date(2028, 12, 31),
                                                                        "beslut")
    # Goals with their activities and measures, by the schema's goals role.
    assert [len(g.measures) for g in plan.goals] == [5, 3, 3]
    assert [m.type for m in plan.goals[1].measures] == ["activity", "qualitative", "outcome"]
    first = plan.goals[0].measures[0]
    assert (first.id, first.name, first.malvarde, first.tidpunkt) == ("m1", "Antal elever och tillfällen per termin",
                                                                      None, None)
    assert first.basmatning.startswith("62 % behöriga")
    assert plan.planned_activities()[:2] == ["Läxhjälp tre eftermiddagar i veckan", "Sommarskola en vecka per år"]
    # The budget: År 1–3 starting on 1 January are the calendar years 2026–2028; År 4 (all 0) is none.
    assert plan.years() == [2026, 2027, 2028]
    assert [(line.component, line.label, line.amount) for line in plan.budget if line.calendar_year == 2026] == [
        ("personal", "Personal", 1_200_000), ("lokaler", "Lokaler", 120_000), ("ovrigt", "Övrigt", 180_000)]
    assert sum(line.amount for line in plan.budget) == plan.forkalkyl.cost == 4_200_000
    assert [c.shares for c in plan.conversion] == [((2026, 1.0),), ((2027, 1.0),), ((2028, 1.0),)]
    assert plan.fund_of(2026) is None  # Örebro's budget does not say which costs the fund carries
    assert (plan.forkalkyl.savings_total, plan.forkalkyl.ratio) == (6_100_000, 1.4524)
    assert [s.party for s in plan.forkalkyl.savings] == ["Socialnämnden", "Grundskolenämnden"]
    assert {s.kind for s in plan.sources} == {"ansokan", "utvarderingsschema"}
    assert all(len(s.sha256) == 64 for s in plan.sources)
    assert Plan.from_json(json.loads(json.dumps(plan.to_json()))) == plan


def test_gavleborg_plan_from_the_ansokan_and_bilaga_2_to_5(gavleborg, schemas):
    plan = plan_of("sandviken", gavleborg, schemas, frozen_on=FROZEN)
    assert plan.profile == "gavleborg-2019" and plan.beslut.missing
    assert (plan.period_start, plan.period_end, plan.period_source) == (dt.date(2020, 1, 1), dt.date(2022, 12, 31),
                                                                        "application")
    assert [p.category for p in plan.parties] == ["kommun", "region", "civil"]
    # Bilaga 4: an indicator per goal with its utgångsläge, målvärde and tidpunkt.
    indicator = plan.goals[0].measures[0]
    assert (indicator.type, indicator.basmatning, indicator.malvarde, indicator.tidpunkt) == (
        "indicator", "35 % (2019, journalgenomgång)", "80 % år 3", "Varje halvår")
    # Bilaga 5: the planned activities, each with the goal it serves ("Mål 1").
    assert [(a.name, a.goal) for a in plan.activities] == [
        ("Rekrytering och lokaler", "g1"), ("Gemensam mottagning", "g1"), ("Samtalsgrupper", "g2"),
        ("Extern utvärdering", "g3")]
    assert plan.planned_activities() == [a.name for a in plan.activities]
    # Bilaga 2: six components a year, the fund's part per year.
    assert plan.years() == [2020, 2021, 2022]
    assert plan.budget_of(2021) == 830_000 and plan.budget_of(2022, "utvardering") == 80_000
    assert [plan.fund_of(y) for y in plan.years()] == [410_000, 410_000, 410_000]
    assert plan.forkalkyl.cost == 2_500_000 and plan.forkalkyl.savings_total is None
    assert len(plan.sources) == 4
    assert Plan.from_json(json.loads(json.dumps(plan.to_json()))) == plan


def test_a_beslutad_start_mid_year_moves_the_budget_onto_the_calendar_years_it_touches(gavleborg, schemas):
    beslut = Beslut(beviljat_belopp=1_200_000, start=dt.date(2020, 9, 1), slut=dt.date(2023, 8, 31))
    plan = plan_of("sandviken", gavleborg, schemas, beslut=beslut, frozen_on=FROZEN)
    assert plan.years() == [2020, 2021, 2022, 2023]
    one = plan.conversion[0]
    assert (one.start, one.end, one.shares) == (dt.date(2020, 9, 1), dt.date(2021, 8, 31), ((2020, 4 / 12), (2021, 8 / 12)))
    # Personal År 1 = 620 000: 4/12 in 2020, 8/12 in 2021; with 4/12 of År 2 (640 000) in 2021.
    assert plan.budget_of(2020, "personal") == 206_667
    assert plan.budget_of(2021, "personal") == 413_333 + 213_333
    assert sum(line.amount for line in plan.budget) == 2_500_000  # nothing lost or made in rounding
    assert sum(plan.fund_of(y) for y in plan.years()) == 1_230_000


def test_pro_rata_months_and_start_year():
    year = project_year(dt.date(2026, 9, 15), 2, "pro_rata_months")
    assert (year.start, year.end) == (dt.date(2027, 9, 15), dt.date(2028, 9, 14))
    assert year.shares == ((2027, 4 / 12), (2028, 8 / 12))
    leap = project_year(dt.date(2024, 2, 29), 2, "pro_rata_months")
    assert (leap.start, leap.end) == (dt.date(2025, 2, 28), dt.date(2026, 2, 27))
    start_year = project_year(dt.date(2026, 9, 1), 2, "start_year")
    assert (start_year.start, start_year.end, start_year.shares) == (dt.date(2027, 1, 1), dt.date(2027, 12, 31),
                                                                      ((2027, 1.0),))
    assert project_year(dt.date(2026, 9, 1), 1, "start_year").start == dt.date(2026, 9, 1)


@pytest.mark.parametrize("amount", [0, 1, 5, 11, 1_000_001, 1_234_567, 999_999_999])
def test_parts_of_a_year_are_whole_kronor_that_add_up_exactly(amount):
    for shares in (((2026, 4 / 12), (2027, 8 / 12)), ((2026, 1 / 12), (2027, 11 / 12)), ((2026, 1.0),),
                   ((2026, 5 / 12), (2027, 7 / 12))):
        parts = split(amount, shares)
        assert sum(part for _, part in parts) == amount and all(isinstance(p, int) for _, p in parts)
    assert split(1_000_001, ((2026, 4 / 12), (2027, 8 / 12))) == [(2026, 333_334), (2027, 666_667)]


def test_the_start_year_rule_of_a_funder_takes_whole_years(orebro, schemas):
    profile = schemas.profiles["orebro-2020"]
    changed = replace(schemas, profiles={**schemas.profiles,
                                         profile.id: replace(profile, followup=replace(profile.followup,
                                                                                       calendar="start_year"))})
    beslut = Beslut(start=dt.date(2026, 9, 1), slut=dt.date(2029, 8, 31))
    plan = plan_of("laxhjalp", orebro, changed, beslut=beslut, frozen_on=FROZEN)
    assert plan.years() == [2026, 2027, 2028]
    assert plan.budget_of(2026) == 1_500_000


# -- the beslut ------------------------------------------------------------------------------------


@pytest.mark.parametrize("written,kronor", [("1,2 mkr", 1_200_000), ("350 tkr", 350_000),
                                            ("1 250 000 kr", 1_250_000), (1_250_000, 1_250_000), (None, None)])
def test_the_granted_amount_is_read_as_the_ansokan_reads_it(written, kronor):
    assert beslut_of({"beviljat_belopp": written}).beviljat_belopp == kronor


@pytest.mark.parametrize("data,key", [
    ({"beviljat_belopp": "350 000 EUR"}, "plan.beslut_value"),
    ({"beviljat_belopp": "40 timmar"}, "plan.beslut_value"),
    ({"beviljat_belopp": True}, "plan.beslut_value"),
    ({"beviljat_belopp": 1.5e6}, "plan.beslut_value"),
    ({"start": "1 sept 2026"}, "plan.beslut_value"),
    ({"slut": "2026-02-30"}, "plan.beslut_value"),
    ({"beviljat": "1 mkr"}, "plan.beslut_key"),
    ({"start": "2027-01-01", "slut": "2026-12-31"}, "plan.beslut_period"),
])
def test_a_beslut_in_another_unit_or_with_a_bad_date_is_refused_clearly(data, key):
    exc = refused(lambda: beslut_of(data))
    assert exc.key == key
    if key == "plan.beslut_value":
        assert exc.params["name"] == next(iter(data)) and exc.params["value"] == str(next(iter(data.values())))


def test_beslut_yaml_in_the_satsning_folder(tmp_path):
    assert beslut_in(tmp_path) == Beslut()  # none yet: nothing decided, no error
    (tmp_path / "beslut.yaml").write_text("beviljat_belopp: 1,2 mkr\nbeslutsdatum: 2026-02-10\n"
                                          "diarienummer: KS 2026/123\nstart: 2026-09-01\nslut: '2028-08-31'\n",
                                          encoding="utf-8")
    assert beslut_in(tmp_path) == Beslut(1_200_000, dt.date(2026, 2, 10), "KS 2026/123", dt.date(2026, 9, 1),
                                         dt.date(2028, 8, 31), "beslut.yaml")


@pytest.mark.parametrize("content,reason", [
    (b"beviljat_belopp: [1,\n", "beslut.not_yaml"),
    (b"- 1 mkr\n", "beslut.not_mapping"),
    (b"\xff\xfe\x00b", "beslut.not_text"),
    (b"# " + b"x" * 70_000, "beslut.too_large"),
])
def test_a_broken_beslut_yaml_is_said_never_a_traceback(tmp_path, content, reason):
    (tmp_path / "beslut.yaml").write_bytes(content)
    exc = refused(lambda: beslut_in(tmp_path))
    assert exc.key == "plan.beslut_unreadable" and exc.params["problem"]["key"] == reason


def test_the_workbook_wins_over_beslut_yaml_field_by_field():
    typed = Beslut(beviljat_belopp=900_000, slut=dt.date(2028, 6, 30), source="workbook")
    written = Beslut(beviljat_belopp=1_200_000, beslutsdatum=dt.date(2026, 2, 10), diarienummer="KS 2026/123",
                     start=dt.date(2026, 9, 1), slut=dt.date(2028, 8, 31), source="beslut.yaml")
    merged = merged_beslut(typed, written)
    assert merged == Beslut(900_000, dt.date(2026, 2, 10), "KS 2026/123", dt.date(2026, 9, 1), dt.date(2028, 6, 30),
                            "workbook, beslut.yaml")
    assert merged_beslut(Beslut(source="workbook"), written).source == "beslut.yaml"
    assert merged_beslut(typed, Beslut()).source == "workbook"


# -- no plan, and why ---------------------------------------------------------------------------------


def test_a_folder_without_an_approved_ansokan_gives_no_plan_and_says_why(tmp_path, schemas):
    shutil.copy(SAMPLES / "ansokan-komplett" / "utvarderingsschema.xlsx", tmp_path)
    exc = refused(lambda: plan_of("x", approved(tmp_path, schemas), schemas, frozen_on=FROZEN))
    assert exc.key == "plan.no_main"
    assert refused(lambda: plan_of("x", [], schemas, frozen_on=FROZEN)).key == "plan.no_main"


def test_an_unreadable_ansokan_gives_no_plan_and_names_the_file(tmp_path, schemas):
    (tmp_path / "ansokan.docx").write_bytes(b"PK\x03\x04 truncated")
    shutil.copy(SAMPLES / "ansokan-komplett" / "utvarderingsschema.xlsx", tmp_path)
    exc = refused(lambda: plan_of("x", approved(tmp_path, schemas), schemas, frozen_on=FROZEN))
    assert exc.key == "plan.no_main_unreadable" and exc.params["files"] == ["ansokan.docx"]


def test_two_ansokningar_are_never_guessed_between(tmp_path, schemas):
    shutil.copy(SAMPLES / "ansokan-komplett" / "ansokan.docx", tmp_path / "ansokan.docx")
    shutil.copy(SAMPLES / "ansokan-komplett" / "ansokan.docx", tmp_path / "ansokan-v2.docx")
    exc = refused(lambda: plan_of("x", approved(tmp_path, schemas), schemas, frozen_on=FROZEN))
    assert exc.key == "plan.several" and exc.params["files"] == ["ansokan-v2.docx", "ansokan.docx"]


def test_no_period_anywhere_gives_no_plan(orebro, schemas):
    main = next(f for f in orebro if f.report.kind == "ansokan")
    doc = main.report.document
    fields = {k: v for k, v in doc.fields.items() if k != "period"}
    blind = replace(main, report=replace(main.report, document=replace(doc, fields=fields)))
    others = [f for f in orebro if f is not main]
    assert refused(lambda: plan_of("x", [blind, *others], schemas, frozen_on=FROZEN)).key == "plan.no_period"
    # The beslut's period is enough.
    beslut = Beslut(start=dt.date(2026, 1, 1), slut=dt.date(2028, 12, 31))
    assert plan_of("x", [blind, *others], schemas, beslut=beslut, frozen_on=FROZEN).period_source == "beslut"


def test_a_beslut_with_only_its_start_keeps_the_ansokan_s_end_and_says_so(gavleborg, schemas):
    plan = plan_of("sandviken", gavleborg, schemas, beslut=Beslut(start=dt.date(2020, 3, 1)), frozen_on=FROZEN)
    assert (plan.period_start, plan.period_end, plan.period_source) == (dt.date(2020, 3, 1), dt.date(2022, 12, 31),
                                                                        "beslut, application")


def test_a_new_beslut_applied_to_a_frozen_plan_is_the_plan_made_anew_under_it(gavleborg, schemas):
    """A changed beslut makes the next version from the frozen plan (approved.decided): the
    same plan as made from the same files under the new beslut, without reading the files —
    a new start converts the budget's own years again, a new end moves the period."""
    first = plan_of("sandviken", gavleborg, schemas, beslut=Beslut(beviljat_belopp=1_230_000), frozen_on=FROZEN)
    later = Beslut(beviljat_belopp=1_100_000, diarienummer="RS 2020/7", start=dt.date(2020, 9, 1),
                   slut=dt.date(2023, 8, 31), source="workbook")
    again = decided(first, later, schemas.profiles["gavleborg-2019"], frozen_on=dt.date(2020, 10, 1), version=2)
    anew = plan_of("sandviken", gavleborg, schemas, beslut=later, frozen_on=dt.date(2020, 10, 1), version=2)
    assert again == anew
    assert (again.version, again.granted, again.dnr, again.period_start) == (2, 1_100_000, "RS 2020/7",
                                                                            dt.date(2020, 9, 1))
    assert again.years() == [2020, 2021, 2022, 2023] and again.budget != first.budget
    assert sum(line.amount for line in again.budget) == sum(line.amount for line in first.budget) == 2_500_000
    # What the ansökan said is kept, so a beslut that gives no period falls back on it.
    assert (first.applied_start, first.applied_end) == (dt.date(2020, 1, 1), dt.date(2022, 12, 31))
    assert Plan.from_json(json.loads(json.dumps(again.to_json()))) == again

"""Schemas are data: the format is validated, errors name file and key, and a new
municipality needs only new files."""

from __future__ import annotations

import shutil

import docx
import pytest
import yaml

from socinv_docs.codes import Code
from socinv_docs.loading import SchemaError, load_schemas, schemas_dir
from socinv_docs.pipeline import check_document


@pytest.fixture
def schema_copy(tmp_path):
    target = tmp_path / "schemas"
    shutil.copytree(schemas_dir(), target)
    return target


def test_shipped_schemas_load(schemas):
    assert set(schemas.kinds) == {"ideprovning", "ansokan", "utvarderingsschema", "forslag", "investeringsansokan",
                                  "budget_och_medfinansiering", "uppfoljningsschema", "aktivitetsplan",
                                  "redovisning", "slutrapport", "uppfoljande_utvardering"}
    assert set(schemas.profiles) == {"orebro-2020", "molndal-2018", "gavleborg-2019"}
    assert schemas.profile_for("forslag").id == "molndal-2018"


def test_malformed_kind_names_file_and_key(schema_copy):
    path = schema_copy / "kinds" / "ideprovning.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["sections"][1]["required"] = "sometimes"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(SchemaError) as exc:
        load_schemas(schema_copy)
    assert "ideprovning.yaml" in str(exc.value)
    assert "sections.1.required" in str(exc.value)


def test_unknown_key_is_refused(schema_copy):
    path = schema_copy / "profiles" / "molndal-2018.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "\nmax_yers: 3\n", encoding="utf-8")
    with pytest.raises(SchemaError) as exc:
        load_schemas(schema_copy)
    assert "molndal-2018.yaml" in str(exc.value) and "max_yers" in str(exc.value)


@pytest.mark.parametrize("file,old,new,expected", [
    # A rule enabled for a kind that does not map the roles it reads.
    ("profiles/orebro-2020.yaml", "project_lead:\n    kinds: [ansokan]", "project_lead:\n    kinds: [ideprovning]",
     "rules.project_lead.kinds.0"),
    # A rule that does not exist, and an option a rule does not take.
    ("profiles/molndal-2018.yaml", "  duration:\n", "  durations:\n", "rules.durations: unknown rule"),
    ("profiles/molndal-2018.yaml", "max_years: 3", "max_yers: 3", "rules.duration.max_yers"),
    # A kind the profile does not have, a party category nobody defined.
    ("profiles/molndal-2018.yaml", "kinds: [forslag]\n    min_years", "kinds: [ansokan]\n    min_years",
     "rules.duration.kinds.0"),
    ("profiles/orebro-2020.yaml", "{min: {civil: 1, namnd: 1}}", "{min: {civila: 1, namnd: 1}}",
     "rules.parties.any_of.1.min"),
    # A role naming a field the kind lacks, or a field of the wrong type.
    ("kinds/forslag.yaml", "duration: tidsperiod", "duration: tid", "roles.duration"),
    ("kinds/ansokan.yaml", "amount: sokt_belopp", "amount: namn", "roles.amount"),
    # A table role's column of the wrong type, a type for a column the table lacks (issue 19).
    ("kinds/ansokan.yaml", "antal_ar: duration}", "antal_ar: text}", "roles.savings.years"),
    ("kinds/budget_och_medfinansiering.yaml", "arbetstid: hours,", "arbetstid: amount,", "roles.cofinancing.hours"),
    ("kinds/ansokan.yaml", "types: {personal: amount,", "types: {personel: amount, personal: amount,", "types"),
    # A rule the profile enables on no kind that has what it needs.
    ("profiles/molndal-2018.yaml", "  fields: {}\n", "  fields: {}\n  criteria: {}\n", "rules.criteria"),
    # The follow-up plan's roles name the grid's columns, a kind of measure there is, and the
    # plan's kinds are the profile's (SPEC §9).
    ("kinds/utvarderingsschema.yaml", "baseline: basmatning", "baseline: basmatningar", "roles.goals"),
    ("kinds/aktivitetsplan.yaml", "goal: koppling_till_mal", "goal: koppling", "roles.activity_plan"),
    ("kinds/uppfoljningsschema.yaml", "measures: {indikator: indicator}", "measures: {indikator: target}",
     "roles.goals.measures"),
    ("profiles/orebro-2020.yaml", "plan: [ansokan, utvarderingsschema]", "plan: [ansokan, forslag]",
     "followup.plan.1"),
])
def test_a_rule_or_role_that_cannot_work_is_refused(schema_copy, file, old, new, expected):
    path = schema_copy / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    with pytest.raises(SchemaError) as exc:
        load_schemas(schema_copy)
    assert path.name in str(exc.value) and expected in str(exc.value), str(exc.value)


def test_broken_schema_gives_a_clear_cli_error(schema_copy, monkeypatch, cli):
    (schema_copy / "common.yaml").write_text("placeholders: [unclosed\n", encoding="utf-8")
    monkeypatch.setenv("SOCINV_SCHEMAS", str(schema_copy))
    load_schemas.cache_clear()
    try:
        result = cli("check", schema_copy / "common.yaml")
    finally:
        load_schemas.cache_clear()
    assert result.exit_code == 2
    assert "common.yaml" in result.output


def test_a_new_municipality_is_new_files_only(schema_copy, tmp_path):
    """A made-up 'Exempelkommun' template and profile: detected and checked without code."""
    (schema_copy / "kinds" / "exempel.yaml").write_text("""
id: exempel
title: "Ansökan om socialt investeringsmedel – Exempelkommun"
format: docx
detect: {phrases: ["Ansökan om socialt investeringsmedel – Exempelkommun"], min_score: 4}
fields:
  - {id: namn, label: "Projektets namn"}
  - {id: tid, label: "Projekttid", type: duration}
sections:
  - {id: syfte, heading: "1. Syfte", guidance: ["Beskriv syftet."]}
  - {id: malgrupp, heading: "2. Målgrupp"}
roles: {title: namn, duration: tid}
""", encoding="utf-8")
    (schema_copy / "profiles" / "exempel-2026.yaml").write_text("""
id: exempel-2026
funder: "Exempelkommun"
kinds: [exempel]
rules:
  sections: {}
  fields: {}
  duration: {kinds: [exempel], min_years: 1, max_years: 2}
""", encoding="utf-8")
    schemas = load_schemas(schema_copy)
    d = docx.Document()
    d.add_heading("Ansökan om socialt investeringsmedel – Exempelkommun", 0)
    table = d.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Projektets namn", "Språkvänner"
    table.cell(1, 0).text, table.cell(1, 1).text = "Projekttid", "tre år"
    d.add_heading("1. Syfte", 1)
    d.add_paragraph("Beskriv syftet.").runs[0].italic = True
    d.add_paragraph("Fler nyanlända ska komma i arbete.")
    d.add_heading("2. Målgrupp", 1)
    d.add_paragraph("Skriv här:")
    path = tmp_path / "exempel.docx"
    d.save(path)
    report = check_document(path, schemas)
    assert report.kind == "exempel" and report.profile == "exempel-2026"
    assert report.document.sections["syfte"].state == "ok"
    assert sorted(f.code for f in report.findings) == [Code.DURATION_OUT_OF_RANGE, Code.SECTION_PLACEHOLDER]


# A follow-up block on Örebro's profile, with the application kinds standing in for the
# report kinds: what is checked is the block's shape, not the kinds.
FOLLOWUP_OK = """followup:
  calendar: pro_rata_months
  reports:
    - {kind: ansokan, period: delar2, covers_to: "08-31", due: "09-20"}
    - {kind: ansokan, period: helar, covers_to: "12-31", due: "+01-31"}
    - {kind: ideprovning, after_end: {months: 3}}
"""


def _with_followup(schema_copy, block: str):
    path = schema_copy / "profiles" / "orebro-2020.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "\n" + block, encoding="utf-8")
    return path


def test_a_followup_schedule_is_read(schema_copy):
    _with_followup(schema_copy, FOLLOWUP_OK)
    followup = load_schemas(schema_copy).profiles["orebro-2020"].followup
    assert followup.calendar == "pro_rata_months"
    assert [(r.kind, r.period, r.covers_to, r.due) for r in followup.reports[:2]] == [
        ("ansokan", "delar2", "08-31", "09-20"), ("ansokan", "helar", "12-31", "+01-31")]
    assert followup.reports[2].after_end.months == 3


@pytest.mark.parametrize("old, new, expected", [
    ("{kind: ideprovning, after_end", "{kind: forslag, after_end", "followup.reports.2.kind"),
    ('covers_to: "08-31", due: "09-20"}', 'covers_to: "08-31"}', "followup.reports.0"),
    ('due: "09-20"}', 'due: "09-20", after_end: {years: 1}}', "followup.reports.0"),
    ('due: "09-20"', 'due: "09-31"', "followup.reports.0.due"),
    ('covers_to: "12-31"', 'covers_to: "31-12"', "followup.reports.1.covers_to"),
    ("calendar: pro_rata_months", "calendar: by_guess", "followup.calendar"),
])
def test_a_followup_schedule_that_leaves_a_due_date_to_a_guess_is_refused(schema_copy, old, new, expected):
    assert old in FOLLOWUP_OK
    path = _with_followup(schema_copy, FOLLOWUP_OK.replace(old, new))
    with pytest.raises(SchemaError) as exc:
        load_schemas(schema_copy)
    assert path.name in str(exc.value) and expected in str(exc.value), str(exc.value)


def test_the_funders_follow_up_blocks(schemas):
    """Both funders' plans and schedules are data (every date this project's assumption,
    said in the YAML): Örebro reports at delår 2 and helår, Region Gävleborg yearly."""
    orebro, gavleborg = schemas.profiles["orebro-2020"].followup, schemas.profiles["gavleborg-2019"].followup
    assert orebro.plan[0] == "ansokan" and gavleborg.plan[0] == "investeringsansokan"
    assert [(r.kind, r.period, r.covers_to, r.due) for r in orebro.reports if r.period] == [
        ("redovisning", "delar2", "08-31", "09-20"), ("redovisning", "helar", "12-31", "+01-31")]
    assert [(r.kind, r.after_end.years, r.after_end.months) for r in orebro.reports if r.after_end] == [
        ("slutrapport", 0, 3), ("uppfoljande_utvardering", 2, 0)]
    assert [(r.kind, r.period, r.due) for r in gavleborg.reports if r.period] == [("redovisning", "helar", "+01-31")]
    assert [(r.kind, r.after_end.years, r.after_end.months) for r in gavleborg.reports if r.after_end] == [
        ("slutrapport", 0, 2), ("uppfoljande_utvardering", 1, 0)]
    assert {k for k, spec in schemas.kinds.items() if spec.report} == {"redovisning", "slutrapport",
                                                                       "uppfoljande_utvardering"}

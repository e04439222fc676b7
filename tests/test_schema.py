"""Schemas are data: the format is validated, errors name file and key, and a new
municipality needs only new files."""

from __future__ import annotations

import shutil

import docx
import pytest
import yaml
from conftest import schema_problem

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
    schema_problem(exc.value, "ideprovning.yaml", "sections.1.required", "schema.not_one_of")


def test_unknown_key_is_refused(schema_copy):
    path = schema_copy / "profiles" / "molndal-2018.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "\nmax_yers: 3\n", encoding="utf-8")
    with pytest.raises(SchemaError) as exc:
        load_schemas(schema_copy)
    last = len(path.read_text(encoding="utf-8").splitlines())  # the line just added
    assert schema_problem(exc.value, "molndal-2018.yaml", "max_yers", "schema.unknown_key").line == last


@pytest.mark.parametrize("file,old,new,where,key", [
    # A rule enabled for a kind that does not map the roles it reads.
    ("profiles/orebro-2020.yaml", "project_lead:\n    kinds: [ansokan]", "project_lead:\n    kinds: [ideprovning]",
     "rules.project_lead.kinds.0", "schema.kind_lacks"),
    # A rule that does not exist, and an option a rule does not take.
    ("profiles/molndal-2018.yaml", "  duration:\n", "  durations:\n", "rules.durations", "schema.unknown_rule"),
    ("profiles/molndal-2018.yaml", "max_years: 3", "max_yers: 3", "rules.duration.max_yers", "schema.unknown_key"),
    # A kind the profile does not have, a party category nobody defined.
    ("profiles/molndal-2018.yaml", "kinds: [forslag]\n    min_years", "kinds: [ansokan]\n    min_years",
     "rules.duration.kinds.0", "schema.not_profile_kind"),
    ("profiles/orebro-2020.yaml", "{min: {civil: 1, namnd: 1}}", "{min: {civila: 1, namnd: 1}}",
     "rules.parties.any_of.1.min.civila", "schema.unknown_category"),
    # A role naming a field the kind lacks, or a field of the wrong type.
    ("kinds/forslag.yaml", "duration: tidsperiod", "duration: tid", "roles.duration", "schema.no_field"),
    ("kinds/ansokan.yaml", "amount: sokt_belopp", "amount: namn", "roles.amount", "schema.field_type"),
    # A table role's column of the wrong type, a type for a column the table lacks (issue 19).
    ("kinds/ansokan.yaml", "antal_ar: duration}", "antal_ar: text}", "roles.savings.years", "schema.column_type"),
    ("kinds/budget_och_medfinansiering.yaml", "arbetstid: hours,", "arbetstid: amount,", "roles.cofinancing.hours",
     "schema.column_type"),
    ("kinds/ansokan.yaml", "types: {personal: amount,", "types: {personel: amount, personal: amount,",
     "tables.0.types.personel", "schema.no_column"),
    # A rule the profile enables on no kind that has what it needs.
    ("profiles/molndal-2018.yaml", "  fields: {}\n", "  fields: {}\n  criteria: {}\n", "rules.criteria",
     "schema.no_kind_has"),
    # The follow-up plan's roles name the grid's columns, a kind of measure there is, and the
    # plan's kinds are the profile's (SPEC §9).
    ("kinds/utvarderingsschema.yaml", "baseline: basmatning", "baseline: basmatningar", "roles.goals.baseline",
     "schema.no_grid_column"),
    ("kinds/aktivitetsplan.yaml", "goal: koppling_till_mal", "goal: koppling", "roles.activity_plan.goal",
     "schema.no_grid_column"),
    ("kinds/uppfoljningsschema.yaml", "measures: {indikator: indicator}", "measures: {indikator: target}",
     "roles.goals.measures.indikator", "schema.not_one_of"),
    ("profiles/orebro-2020.yaml", "plan: [ansokan, utvarderingsschema]", "plan: [ansokan, forslag]",
     "followup.plan.1", "schema.not_profile_kind"),
])
def test_a_rule_or_role_that_cannot_work_is_refused(schema_copy, file, old, new, where, key):
    path = schema_copy / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    with pytest.raises(SchemaError) as exc:
        load_schemas(schema_copy)
    found = schema_problem(exc.value, path.name, where, key)
    # The line is the one the key stands on.
    last_key = next(step for step in reversed(where.split(".")) if not step.isdigit())
    assert last_key in path.read_text(encoding="utf-8").splitlines()[found.line - 1], found


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


@pytest.mark.parametrize("old, new, where, key", [
    ("{kind: ideprovning, after_end", "{kind: forslag, after_end", "followup.reports.2.kind",
     "schema.not_profile_kind"),
    ('covers_to: "08-31", due: "09-20"}', 'covers_to: "08-31"}', "followup.reports.0", "schema.report_neither"),
    ('due: "09-20"}', 'due: "09-20", after_end: {years: 1}}', "followup.reports.0", "schema.report_both"),
    ('due: "09-20"', 'due: "09-31"', "followup.reports.0.due", "schema.not_due_day"),
    ('covers_to: "12-31"', 'covers_to: "31-12"', "followup.reports.1.covers_to", "schema.not_day"),
    ("calendar: pro_rata_months", "calendar: by_guess", "followup.calendar", "schema.not_one_of"),
])
def test_a_followup_schedule_that_leaves_a_due_date_to_a_guess_is_refused(schema_copy, old, new, where, key):
    assert old in FOLLOWUP_OK
    path = _with_followup(schema_copy, FOLLOWUP_OK.replace(old, new))
    with pytest.raises(SchemaError) as exc:
        load_schemas(schema_copy)
    schema_problem(exc.value, path.name, where, key)


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

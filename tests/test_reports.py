"""The follow-up reports (SPEC §9): the kinds redovisning, slutrapport and uppfoljande_utvardering,
their blank forms for Örebro kommun and Region Gävleborg (schemas/forms, made by
tools/make_report_templates.py), and what `check` reads from them.

Filled-in reports are built from the blank forms the ways people fill them in
(tools/docbuilder.py): typed over "Skriv här", answers in the tables, headings made bold or
renumbered, a row added to the Ekonomi table, and saved again by LibreOffice. Asserts kinds,
states, codes, params and the data read, never wording.
"""

from __future__ import annotations

import copy
import shutil
import subprocess
from pathlib import Path

import make_report_templates as forms
import pytest
import yaml
from conftest import OFFICIAL, ROOT, schema_problem
from docbuilder import WordDraft

from socinv_docs import roles
from socinv_docs.codes import Code, Severity
from socinv_docs.loading import SchemaError, load_schemas, schemas_dir
from socinv_docs.pipeline import check_document

REPORT_KINDS = ["redovisning", "slutrapport", "uppfoljande_utvardering"]
FORMS = {(f.profile, f.kind): f for f in (make() for make in forms.FORMS)}
CRITERIA = ["reellt_behov", "nya_arbetssatt", "battre_utfall", "kostnadsreduceringar", "matbara_effekter"]


def form_path(profile: str, kind: str) -> Path:
    return ROOT / "schemas" / FORMS[(profile, kind)].name


def codes(report) -> list[str]:
    return sorted(f.code.value for f in report.findings)


def errors(report) -> list[tuple[str, str | None]]:
    return [(f.code.value, f.section or f.field) for f in report.findings if f.severity is Severity.ERROR]


# -- filling a form in -------------------------------------------------------------------------

PARTIES = {"orebro-2020": "Grundskolenämnden – Förskola och skola\nSocialnämnden – Social välfärd\nFöreningen Läxhjälpen",
           "gavleborg-2019": "Region Gävleborg – Hälsocentral Sandviken\nSandvikens kommun – Socialtjänsten"}


def field_value(label: str, profile: str) -> str:
    """What a projektledare types beside a label of the fields table."""
    values = [("Rapportperiod", "Delår 2 2027"), ("Period som redovisas", "2027-01-01 – 2027-08-31"),
              ("Period som rapporten avser", "2027-01-01 – 2027-08-31"),
              ("Satsningens period", "2026-01-01 – 2028-12-31"), ("Projektperiod", "2026-01-01 – 2028-12-31"),
              ("Period som följs upp", "2029-01-01 – 2030-12-31"), ("Medverkande", PARTIES[profile]),
              ("Datum", "2027-09-10"), ("Faktisk total kostnad", "3 450 000 kr"), ("Diarienummer", "KS 2025/1234"),
              ("Projektägare", "Anna Ek, förvaltningschef Förskola och skola"),
              ("Projektledare", "Per Holm, per.holm@example.se, 019-00 00 00"),
              ("Kontaktperson", "Per Holm, per.holm@example.se"), ("Satsningens namn", "Läxhjälp i Vivalla"),
              ("Den sociala investeringens namn", "Läxhjälp i Vivalla")]
    return next(value for prefix, value in values if label.startswith(prefix))


ACTIVITIES = [["Rekrytera läxhjälpare", "Ja", "Tolv läxhjälpare"],
              ["Läxhjälp två kvällar i veckan", "Delvis", "En kväll under våren"],
              ["Föräldraträffar", "Nej", "Flyttas till hösten"]]
MEASURES = [["Fler elever med godkända betyg", "Andel godkända i matematik åk 9", "72 %", "78 %", "Vårterminen"],
            ["", "Antal elever som deltar", "0", "45", ""]]
# Gävleborg's Mått has Målvärde and Tidpunkt för mätning between Utgångsläge and Utfall.
MEASURES_GAVLEBORG = [["Fler elever med godkända betyg", "Andel godkända i matematik åk 9", "72 %", "80 %",
                       "2028-06", "78 %", "Vårterminen"],
                      ["", "Antal elever som deltar", "0", "60", "2027-12", "45", ""]]
ECONOMY = [["2026", "Personal", "1,2 mkr", "1 150 000 kr", "1 150 000", ""],
           ["", "Lokaler", "350 tkr", "300 000", "300 000", ""],
           ["2027", "Personal", "1 250 000 kr", "800 000", "800 000", "450 000"],
           ["", "Övrigt", "100 000", "1 250 000:-", "40 000", "60 000"],
           ["Totalt", "", "2 900 000", "3 500 000", "2 290 000", "510 000"]]
EFTERKALKYL = [["Socialnämnden", "400 000", "10"], ["Grundskolenämnden", "150 tkr", "8"]]
TEXT = "Läxhjälpen har genomförts på två skolor tillsammans med föreningen, med lärare och läxhjälpare i samma rum."


def fill(profile: str, kind: str, *, fields: dict[str, str] | None = None, economy=ECONOMY,
         efterkalkyl=EFTERKALKYL, change=None) -> WordDraft:
    """The blank form filled in completely: every field, every section's text over "Skriv här",
    every table, Ja and a motivation for each förutsättning. The optional sections
    (Avvikelser, Övrigt) are left as they are. `fields`: other values, by label prefix."""
    form = FORMS[(profile, kind)]
    draft = WordDraft(form_path(profile, kind))
    for label in form.fields:
        value = next((v for prefix, v in (fields or {}).items() if label.startswith(prefix)), None)
        draft.fill_field(label, value if value is not None else field_value(label, profile))
    for part in form.parts:
        if isinstance(part, forms.Criteria):
            for question in part.questions:
                draft.set_criterion(question, "Ja", "Det framgår av uppföljningen i avsnitt 3.", header="Förutsättning")
            continue
        if part.heading.endswith(("Avvikelser", "Övrigt")):
            continue
        if part.placeholder:
            draft.answer(part.heading, TEXT)
        grid = part.grid
        if grid is None:
            continue
        first = grid.headers[0]
        if first == "Aktivitet":
            draft.fill_table(first, ACTIVITIES)
        elif first == "Mål":
            draft.fill_table(first, MEASURES_GAVLEBORG if len(grid.headers) == 7 else MEASURES)
        elif first == "Kalenderår":
            draft.fill_table(first, economy)
        else:  # the Efterkalkyl: Nämnd / Organisation
            draft.fill_table(first, efterkalkyl)
    if change is not None:
        change(draft)
    return draft


def checked(tmp_path: Path, profile: str, kind: str, name: str = "rapport.docx", **kwargs):
    path = fill(profile, kind, **kwargs).save(tmp_path / name)
    return check_document(path, load_schemas())


# -- the forms ----------------------------------------------------------------------------------

def test_the_committed_forms_are_what_the_tool_makes(tmp_path):
    assert forms.main(["make_report_templates.py", str(tmp_path)]) == 0
    made = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*.docx"))
    shipped = sorted(p.relative_to(ROOT / "schemas").as_posix() for p in (ROOT / "schemas" / "forms").rglob("*") if p.is_file())
    assert made == shipped == sorted(f.name for f in FORMS.values())
    for name in made:
        assert (tmp_path / name).read_bytes() == (ROOT / "schemas" / name).read_bytes(), name


def test_each_profile_names_its_forms(schemas, cli):
    for profile_id in ("orebro-2020", "gavleborg-2019"):
        profile = schemas.profiles[profile_id]
        assert set(REPORT_KINDS) <= set(profile.kinds)
        assert profile.forms == {kind: f"forms/{profile_id}/{kind}.docx" for kind in REPORT_KINDS}
        shown = cli("profiles", profile_id).output  # `socinv profiles` lists them
        assert all(relative in shown for relative in profile.forms.values())
    assert schemas.profiles["molndal-2018"].forms == {}


@pytest.mark.parametrize("profile,kind", sorted(FORMS))
def test_a_blank_form_is_its_kind_and_profile_and_nothing_is_answered(profile, kind, schemas, cli):
    path = form_path(profile, kind)
    report = check_document(path, schemas)
    assert (report.kind, report.profile) == (kind, profile)
    spec = schemas.kinds[kind]
    doc = report.document
    # Every section is there and holds nothing but guidance and "Skriv här" (a table-only
    # section, Ekonomi, is empty): no template text is read as an answer.
    assert {s.id: s.state.value for s in doc.sections.values()} == {
        s.id: "empty" if s.id == "ekonomi" else "placeholder" for s in spec.sections}
    for field in spec.fields:  # found by its label, and empty
        assert doc.fields[field.id].location.label and not doc.fields[field.id].raw, field.id
    assert set(doc.criteria) == set(CRITERIA)
    assert all(a.found and a.answer is None and not a.motivation for a in doc.criteria.values())
    for table in spec.tables:  # found by its header, with no rows
        assert doc.tables[table.id].rows == [], table.id
    assert report.status.value == "incomplete"
    # A slutrapport's comparison left blank is COMPARISON_MISSING (a warning), not a section's error.
    assert {c for c in codes(report)} == {"FIELD_MISSING", "CRITERION_UNANSWERED", "SECTION_PLACEHOLDER",
                                          *(["SECTION_EMPTY"] if "ekonomi" in doc.sections else []),
                                          *(["COMPARISON_MISSING"] if spec.roles.comparison else [])}
    # The optional sections (Avvikelser, Övrigt; Implementering in a redovisning; the
    # slutrapport's Jämförelse) are no SECTION_* finding.
    optional = {s.id for s in spec.sections if str(s.required) == "no"}
    assert not {f.section for f in report.findings if f.code is not Code.COMPARISON_MISSING} & optional
    assert all(f.severity is Severity.WARNING for f in report.findings if f.code is Code.COMPARISON_MISSING)
    result = cli("check", path, "--format", "json")
    assert result.exit_code == 1
    assert (result.json["kind"], result.json["profile"], result.json["status"]) == (kind, profile, "incomplete")


@pytest.mark.parametrize("profile,kind", sorted(FORMS))
def test_each_form_says_its_shape_is_this_projects_design(profile, kind):
    import docx

    form = FORMS[(profile, kind)]
    document = docx.Document(str(form_path(profile, kind)))
    texts = [p.text for p in document.paragraphs]
    design = (forms.DESIGN_OREBRO if profile == "orebro-2020" else forms.DESIGN_GAVLEBORG)[kind]
    assert design in texts and "socinv-docs egen" in design
    funder = "Örebro kommun" if profile == "orebro-2020" else "Region Gävleborg"
    assert any(funder in t for t in texts[:3])  # near the top, where profile detection looks
    section = document.sections[0]
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)  # A4
    # The guidance is italic, the placeholders "Skriv här".
    guidance = [p for p in document.paragraphs if p.text in [part.guidance for part in form.parts]]
    assert len(guidance) == len(form.parts) and all(r.italic for p in guidance for r in p.runs)


# -- filled in -----------------------------------------------------------------------------------

def _bold_and_renumbered(form: forms.Form):
    """Headings made bold text instead of a heading style, one renumbered, one re-cased."""
    first, second = form.parts[0].heading, form.parts[1].heading

    def change(draft: WordDraft) -> None:
        draft.heading_as_bold(first)
        draft.heading_as_bold(second)
        draft.rename_heading(second, "2.1 " + second.split(" ", 1)[1])
        draft.rename_heading(first, first.split(" ", 1)[1].upper())

    return change


def _row_added_to_ekonomi(form: forms.Form):
    return _add_row


def _add_row(draft: WordDraft) -> None:
    """A row inserted above Totalt (the report needs one more row than the form has)."""
    table = draft.table("Kalenderår")
    total = next(r for r in table.rows if r.cells[0].text == "Totalt")
    new = copy.deepcopy(table.rows[1]._tr)
    total._tr.addprevious(new)
    row = next(r for r in table.rows if r._tr is new)
    for cell, value in zip(row.cells, ["2028", "Personal", "600 000", "", "", "600 000"]):
        draft._set_cell(cell, value)


WAYS = {"typed": None, "bold_and_renumbered": _bold_and_renumbered, "row_added": _row_added_to_ekonomi}


@pytest.mark.parametrize("profile,kind,way", [(p, k, w) for (p, k) in sorted(FORMS) for w in WAYS
                                              if not (w == "row_added" and k == "uppfoljande_utvardering")])
def test_a_filled_in_report_is_complete_and_its_tables_are_read(profile, kind, way, tmp_path, schemas):
    make_change = WAYS[way]
    report = checked(tmp_path, profile, kind, change=make_change(FORMS[(profile, kind)]) if make_change else None)
    assert (report.kind, report.profile) == (kind, profile)
    assert report.status.value == "complete", [(f.code.value, f.section, f.field, f.params) for f in report.findings]
    _assert_read(report, schemas, profile, kind, extra_row=way == "row_added")


def _assert_read(report, schemas, profile: str, kind: str, extra_row: bool = False) -> None:
    spec = schemas.kinds[kind]
    doc = report.document
    required = {s.id for s in spec.sections if str(s.required) != "no"}
    assert {s.id for s in doc.sections.values() if s.state.value == "ok"} >= required
    assert all(c.answer is True and c.motivation for c in doc.criteria.values())
    fields = {k: f.to_json() for k, f in doc.fields.items()}
    assert fields["namn"] == "Läxhjälp i Vivalla" and fields["diarienummer"] == "KS 2025/1234"
    assert fields["datum"] == "2027-09-10"
    if kind == "redovisning":
        assert fields["rapportperiod"] == {"period": "delar2", "year": 2027, "raw": "Delår 2 2027"}
        assert fields["period"]["start"] == "2027-01-01" and fields["period"]["end"] == "2027-08-31"
    if kind == "slutrapport":
        assert roles.value_of(doc, spec.roles.actual_cost) == 3_450_000
    parties = [p.name for p in roles.parties(doc, spec, schemas.common)]
    assert parties == [line.split(" – ")[0] for line in PARTIES[profile].splitlines()]
    measures = roles.measure_rows(doc, spec)
    assert [(m.goal, m.measure, m.baseline, m.actual) for m in measures] == [
        ("Fler elever med godkända betyg", "Andel godkända i matematik åk 9", "72 %", "78 %"),
        ("Fler elever med godkända betyg", "Antal elever som deltar", "0", "45")]  # the goal carried down
    gavleborg = profile == "gavleborg-2019"
    assert [(m.target, m.due) for m in measures] == ([("80 %", "2028-06"), ("60", "2027-12")] if gavleborg
                                                     else [("", ""), ("", "")])
    if kind == "uppfoljande_utvardering":
        assert spec.roles.report_costs is None and spec.roles.activities is None
        return
    activities = roles.activity_rows(doc, spec)
    assert [(a.activity, a.done) for a in activities] == [
        ("Rekrytera läxhjälpare", "ja"), ("Läxhjälp två kvällar i veckan", "delvis"), ("Föräldraträffar", "nej")]
    costs = [(r.year, r.component, r.budget, r.actual, r.fund, r.forecast, r.is_total)
             for r in roles.report_cost_rows(doc, spec)]
    expected = [(2026, "Personal", 1_200_000, 1_150_000, 1_150_000, None, False),
                (2026, "Lokaler", 350_000, 300_000, 300_000, None, False),
                (2027, "Personal", 1_250_000, 800_000, 800_000, 450_000, False),
                (2027, "Övrigt", 100_000, 1_250_000, 40_000, 60_000, False)]
    if extra_row:
        expected.append((2028, "Personal", 600_000, None, None, 600_000, False))
    expected.append((None, "", 2_900_000, 3_500_000, 2_290_000, 510_000, True))
    assert costs == expected
    if kind == "slutrapport":
        savings = roles.savings_rows(doc, spec)
        assert [(s.party, s.per_year, s.years) for s in savings] == [("Socialnämnden", 400_000, 10.0),
                                                                    ("Grundskolenämnden", 150_000, 8.0)]


@pytest.mark.parametrize("profile,kind", [("orebro-2020", "redovisning"), ("gavleborg-2019", "slutrapport")])
def test_a_report_saved_again_by_libreoffice_is_read_the_same(profile, kind, tmp_path, schemas, soffice):
    source = fill(profile, kind).save(tmp_path / "original.docx")
    out = tmp_path / "out"
    subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}",
                    "--convert-to", "docx", "--outdir", str(out), str(source)],
                   check=True, capture_output=True, timeout=180)
    report = check_document(out / "original.docx", schemas)
    assert (report.kind, report.profile) == (kind, profile)
    assert report.status.value == "complete", codes(report)
    _assert_read(report, schemas, profile, kind)


def test_a_years_own_sum_row_and_the_year_carried_down(tmp_path, schemas):
    economy = [["2027", "Personal", "100 000", "90 000", "90 000", ""], ["", "Lokaler", "10 000", "5 000", "", ""],
               ["", "Summa", "110 000", "95 000", "90 000", ""], ["Totalt", "", "110 000", "95 000", "90 000", ""]]
    report = checked(tmp_path, "orebro-2020", "redovisning", economy=economy)
    rows = roles.report_cost_rows(report.document, schemas.kinds["redovisning"])
    assert [(r.year, r.component, r.is_total, r.is_year_total) for r in rows] == [
        (2027, "Personal", False, False), (2027, "Lokaler", False, False), (2027, "Summa", False, True),
        (None, "", True, False)]


# -- money and other typed values ------------------------------------------------------------------

@pytest.mark.parametrize("cell,unit", [("350 EUR", "EUR"), ("12 000 dollar", "dollar"), ("40 timmar", "timmar")])
def test_money_in_another_currency_or_unit_is_invalid_and_names_it(cell, unit, tmp_path, schemas):
    economy = [ECONOMY[0], ["", "Lokaler", "350 tkr", cell, "", ""], ECONOMY[4]]
    report = checked(tmp_path, "orebro-2020", "redovisning", economy=economy)
    found = [f for f in report.findings if f.code is Code.FIELD_INVALID]
    assert len(found) == 1 and report.status.value == "incomplete"
    finding = found[0]
    assert (finding.severity, finding.section, finding.field) == (Severity.ERROR, "ekonomi", "ekonomi")
    assert (finding.params["variant"], finding.params["unit"], finding.params["raw"]) == ("unit", unit, cell)
    assert finding.where.column_name == "Utfall (kr)"
    row = next(r for r in roles.report_cost_rows(report.document, schemas.kinds["redovisning"])
               if r.component == "Lokaler")
    assert row.actual is None  # never read as kronor


def test_an_amount_field_and_the_efterkalkyl_in_another_unit(tmp_path, schemas):
    report = checked(tmp_path, "gavleborg-2019", "slutrapport", fields={"Faktisk total kostnad": "350 000 EUR"},
                     efterkalkyl=[["Sandvikens kommun", "40 timmar", "5"], ["Region Gävleborg", "200 000", "tio år"]])
    invalid = {(f.field, f.params.get("unit"), f.params["raw"]) for f in report.findings
               if f.code is Code.FIELD_INVALID}
    assert invalid == {("faktisk_kostnad", "EUR", "350 000 EUR"), ("efterkalkyl", "timmar", "40 timmar")}
    savings = roles.savings_rows(report.document, schemas.kinds["slutrapport"])
    assert [(s.per_year, s.years) for s in savings] == [(None, 5.0), (200_000, 10.0)]


@pytest.mark.parametrize("field,typed,code,severity", [
    ("Rapportperiod", "nästa år", Code.FIELD_INVALID, Severity.ERROR),
    ("Rapportperiod", "Delår 2", Code.FIELD_INVALID, Severity.ERROR),  # which year?
    ("Datum", "i september", Code.FIELD_INVALID, Severity.WARNING),
])
def test_an_unreadable_report_period_or_date(field, typed, code, severity, tmp_path):
    report = checked(tmp_path, "orebro-2020", "redovisning", fields={field: typed})
    found = [f for f in report.findings if f.code is code]
    assert [(f.field, f.severity, f.params["raw"]) for f in found] == [
        ("rapportperiod" if field == "Rapportperiod" else "datum", severity, typed)]


def test_a_year_that_is_not_a_calendar_year(tmp_path, schemas):
    economy = [["År 1", "Personal", "100 000", "90 000", "90 000", ""], ECONOMY[4]]
    report = checked(tmp_path, "orebro-2020", "redovisning", economy=economy)
    finding = next(f for f in report.findings if f.code is Code.FIELD_INVALID)
    assert (finding.params["raw"], finding.params["type"]) == ("År 1", {"key": "type.year"})


def test_helar_and_a_nej_among_the_forutsattningar(tmp_path):
    def nej(draft):
        draft.set_criterion("Bedöms satsningen bidra", "Nej", "Kostnaderna har inte minskat.", header="Förutsättning")

    report = checked(tmp_path, "gavleborg-2019", "redovisning", fields={"Rapportperiod": "Helår 2027"}, change=nej)
    assert report.document.fields["rapportperiod"].value == {"period": "helar", "year": 2027}
    assert [(f.code, f.criterion) for f in report.findings] == [(Code.CRITERION_NOT_MET, "kostnadsreduceringar")]
    # A Nej in a report is no verdict on an idea: its words say the satsning may be stopped.
    assert report.findings[0].params["variant"] == "continuation"
    # Gävleborg's fifth question is its own wording (an alias of the criterion).
    assert report.document.criteria["matbara_effekter"].answer is True


# -- the report kinds change nothing else ---------------------------------------------------------

def _without_report_kinds(tmp_path: Path):
    """The shipped schemas as they were before the report kinds."""
    root = tmp_path / "schemas"
    shutil.copytree(schemas_dir(), root)
    for kind in REPORT_KINDS:
        (root / "kinds" / f"{kind}.yaml").unlink()
    shutil.rmtree(root / "forms")
    for path in (root / "profiles").glob("*.yaml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        data["kinds"] = [k for k in data["kinds"] if k not in REPORT_KINDS]
        data.pop("forms", None)
        if data.get("followup"):  # the schedule names the report kinds
            data["followup"]["reports"] = [r for r in data["followup"].get("reports", [])
                                           if r["kind"] not in REPORT_KINDS]
        data.get("rules", {}).pop("report_amounts", None)
        rules = data.get("rules", {})
        for name, options in list(rules.items()):  # the report rules go, the shared ones stay
            kinds = (options or {}).get("kinds")
            if kinds is not None and not [k for k in kinds if k not in REPORT_KINDS]:
                rules.pop(name)
            elif kinds is not None:
                options["kinds"] = [k for k in kinds if k not in REPORT_KINDS]
        path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return load_schemas(root)


EVERY_OTHER_FILE = sorted([*OFFICIAL.glob("*.*x"), *(ROOT / "tests" / "data" / "gavleborg").glob("*.*x"),
                           *(ROOT / "samples").rglob("*.*x")])


def test_every_other_file_is_judged_exactly_as_before(schemas, tmp_path):
    before = _without_report_kinds(tmp_path)
    assert not set(REPORT_KINDS) & set(before.kinds)
    for path in EVERY_OTHER_FILE:
        old, new = check_document(path, before), check_document(path, schemas)
        assert (new.kind, new.profile) == (old.kind, old.profile), path.name
        assert [(f.key, f.params) for f in new.findings] == [(f.key, f.params) for f in old.findings], path.name


# -- the schema format -------------------------------------------------------------------------------

@pytest.fixture
def schema_copy(tmp_path):
    target = tmp_path / "schemas"
    shutil.copytree(schemas_dir(), target)
    return target


@pytest.mark.parametrize("file,old,new,where,key", [
    # A form that is not there, outside the schemas folder, of another format, of a kind the profile lacks.
    ("profiles/orebro-2020.yaml", "forms/orebro-2020/slutrapport.docx", "forms/orebro-2020/slutrapport2.docx",
     "forms.slutrapport", "schema.form_missing"),
    ("profiles/orebro-2020.yaml", "forms/orebro-2020/slutrapport.docx", "../kinds/ansokan.yaml",
     "forms.slutrapport", "schema.form_outside"),
    ("profiles/orebro-2020.yaml", "forms/orebro-2020/slutrapport.docx", "kinds/ansokan.yaml",
     "forms.slutrapport", "schema.form_format"),
    ("profiles/gavleborg-2019.yaml", "  slutrapport: forms/", "  ansokan: forms/", "forms.ansokan",
     "schema.not_profile_kind"),
    # A role naming a section or column the kind lacks; an alias of a column it lacks.
    ("kinds/redovisning.yaml", "deviations: avvikelser", "deviations: avvikelse", "roles.deviations",
     "schema.no_section"),
    ("kinds/slutrapport.yaml", "comparison: jamforelse", "comparison: ekonomi_x", "roles.comparison",
     "schema.no_section"),
    ("kinds/redovisning.yaml", "forecast: prognos}", "forecast: prognosen}", "roles.report_costs.forecast",
     "schema.no_column"),
    # A money column of the report's Ekonomi that is not typed amount: its cells would be text.
    ("kinds/redovisning.yaml", "prognos: amount}", "prognos: text}", "roles.report_costs.forecast",
     "schema.column_type"),
    ("kinds/redovisning.yaml", "aliases: {kalenderar: [", "aliases: {kalenderaar: [", "tables", "schema.no_column"),
    ("kinds/redovisning.yaml", "report_period: rapportperiod", "report_period: period", "roles.report_period",
     "schema.field_type"),
])
def test_a_form_or_report_role_that_cannot_work_is_refused(schema_copy, file, old, new, where, key):
    path = schema_copy / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(SchemaError) as exc:
        load_schemas(schema_copy)
    schema_problem(exc.value, path.name, where, key)


def test_a_new_funders_report_forms_are_files_in_schemas_only(schema_copy, tmp_path, cli, monkeypatch):
    """A funder adds its own report form: a .docx under schemas/forms/ and one line in its profile."""
    mine = schema_copy / "forms" / "molndal-2018" / "redovisning.docx"
    mine.parent.mkdir()
    shutil.copy(form_path("orebro-2020", "redovisning"), mine)
    profile = schema_copy / "profiles" / "molndal-2018.yaml"
    text = profile.read_text(encoding="utf-8").replace("kinds: [forslag]\n", "kinds: [forslag, redovisning]\n", 1)
    profile.write_text(text + "\nforms:\n  redovisning: forms/molndal-2018/redovisning.docx\n", encoding="utf-8")
    monkeypatch.setenv("SOCINV_SCHEMAS", str(schema_copy))
    load_schemas.cache_clear()
    try:
        result = cli("templates", "export", tmp_path / "mallar")
    finally:
        load_schemas.cache_clear()
    assert result.exit_code == 0, result.output
    exported = tmp_path / "mallar" / "rapporter" / "molndal-2018" / "redovisning.docx"
    assert exported.read_bytes() == mine.read_bytes()


# -- templates export ------------------------------------------------------------------------------

def test_templates_export_writes_the_report_forms(cli, tmp_path):
    result = cli("templates", "export", tmp_path / "mallar")
    assert result.exit_code == 0
    folder = tmp_path / "mallar" / "rapporter"
    written = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*"))
    assert written == sorted(["gavleborg-2019", "orebro-2020", *(f"{f.profile}/{f.kind}.docx" for f in FORMS.values())])
    assert "rapporter" in result.output
    for f in FORMS.values():
        exported = tmp_path / "mallar" / "rapporter" / f.profile / f"{f.kind}.docx"
        assert exported.read_bytes() == (ROOT / "schemas" / f.name).read_bytes()


def test_templates_export_that_fails_on_a_report_form_leaves_nothing_it_made(tmp_path, monkeypatch, schemas):
    """All or nothing: a form that cannot be written (a full disk) takes back every template
    and folder this export made, and the error names the form being written."""
    from socinv_docs.render import memo
    from socinv_docs.render.memo import templates

    real = templates.copy_file

    def full_at_the_slutrapport(source, target):
        if target.name == "slutrapport.docx":
            raise OSError(28, "No space left on device")
        real(source, target)

    monkeypatch.setattr(templates, "copy_file", full_at_the_slutrapport)
    target = tmp_path / "mallar"
    with pytest.raises(OSError) as exc:
        memo.export_templates(target, memo.report_forms(schemas))
    assert exc.value.filename.endswith("slutrapport.docx")
    assert list(tmp_path.iterdir()) == []

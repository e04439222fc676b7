"""A folder of one's own funders (issue 22): `--schemas DIR` or SOCINV_SCHEMAS adds its
kinds, profiles and forms to the shipped ones; a folder with a common.yaml of its own is a
whole set and replaces them; `socinv profiles` says where each profile came from; the cache
keys on every folder read; the help names what is loaded."""

from __future__ import annotations

import shutil

import pytest
from conftest import OWN_KIND as KIND
from conftest import OWN_PROFILE as PROFILE
from conftest import schema_problem

from socinv_docs import messages, schema_cache
from socinv_docs.loading import SchemaError, checking_code, load_schemas, schema_folders, schemas_dir

SHIPPED = {"orebro-2020", "molndal-2018", "gavleborg-2019"}


@pytest.fixture
def fresh():
    load_schemas.cache_clear()
    yield
    load_schemas.cache_clear()


def test_a_folder_without_common_yaml_adds_to_the_shipped_funders(own, fresh):
    assert schema_folders(own) == (schemas_dir(), own)
    schemas = load_schemas(own)
    assert set(schemas.profiles) == SHIPPED | {"stod-2026"}
    assert schemas.profile_files["stod-2026"] == own / "profiles" / "stod-2026.yaml"
    assert schemas.folder_of("orebro-2020") == schemas_dir() and schemas.folder_of("stod-2026") == own


def test_a_folder_with_common_yaml_replaces_them(own, fresh):
    shutil.copy(schemas_dir() / "common.yaml", own / "common.yaml")
    assert schema_folders(own) == (own,)
    assert set(load_schemas(own).profiles) == {"stod-2026"}


def test_the_environment_variable_does_the_same(own, fresh, monkeypatch):
    monkeypatch.setenv("SOCINV_SCHEMAS", str(own))
    assert set(load_schemas().profiles) == SHIPPED | {"stod-2026"}


@pytest.mark.parametrize("make,key", [(lambda root: root / "finns-inte", "schema.folder_missing"),
                                      (lambda root: root, "schema.folder_empty")])
def test_a_folder_that_is_no_schemas_folder_is_refused(tmp_path, make, key):
    folder = make(tmp_path)
    with pytest.raises(SchemaError) as exc:
        schema_folders(folder)
    assert [p.key for p in exc.value.problems] == [key]


def test_the_cache_keys_on_every_folder_read(own, tmp_path):
    before = schema_cache.key((schemas_dir(), own), checking_code())
    assert schema_cache.key((schemas_dir(),), checking_code()) != before
    profile = own / "profiles" / "stod-2026.yaml"
    profile.write_text(profile.read_text(encoding="utf-8").replace("Exempelkommun", "Exempelstad"), encoding="utf-8")
    assert schema_cache.key((schemas_dir(), own), checking_code()) != before


def test_an_edited_own_profile_is_read_afresh_through_the_cache(own, fresh, tmp_path, monkeypatch):
    monkeypatch.setenv("SOCINV_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("SOCINV_NO_CACHE", raising=False)
    assert load_schemas(own).profiles["stod-2026"].funder == "Exempelkommun"
    load_schemas.cache_clear()
    profile = own / "profiles" / "stod-2026.yaml"
    profile.write_text(profile.read_text(encoding="utf-8").replace("Exempelkommun", "Exempelstad"), encoding="utf-8")
    assert load_schemas(own).profiles["stod-2026"].funder == "Exempelstad"


def test_own_forms_are_found_beside_their_profile(own, fresh, cli, tmp_path):
    from socinv_docs.loading import form_path

    (own / "forms" / "stod-2026").mkdir(parents=True)
    shutil.copy(schemas_dir() / "forms" / "orebro-2020" / "redovisning.docx", own / "forms" / "stod-2026" / "r.docx")
    profile = own / "profiles" / "stod-2026.yaml"
    profile.write_text(profile.read_text(encoding="utf-8").replace("kinds: [stod]", "kinds: [stod, redovisning]")
                       + "forms: {redovisning: forms/stod-2026/r.docx}\n", encoding="utf-8")
    schemas = load_schemas(own)
    assert form_path(schemas.profiles["stod-2026"], "redovisning", schemas) == own / "forms" / "stod-2026" / "r.docx"
    result = cli("templates", "export", tmp_path / "ut", "--schemas", own)
    assert result.exit_code == 0, result.output
    assert (tmp_path / "ut" / "rapporter" / "stod-2026" / "r.docx").is_file()
    assert (tmp_path / "ut" / "rapporter" / "orebro-2020").is_dir()


def test_profiles_says_where_each_came_from(own, fresh, cli):
    out = cli("profiles", "--schemas", own).output
    shipped = messages.text("profiles.origin_shipped", "sv", path=str(schemas_dir() / "profiles" / "orebro-2020.yaml"))
    mine = messages.text("profiles.origin_own", "sv", path=str(own / "profiles" / "stod-2026.yaml"))
    assert shipped in out and mine in out
    assert mine in cli("profiles", "stod-2026", "--schemas", own).output


def application(path):
    import docx

    document = docx.Document()
    document.add_heading("Ansökan om stöd ur Exempelkommunens fond", 0)
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Projektets namn", "Språkvänner"
    document.add_heading("1. Syfte", 1)
    document.add_paragraph("Fler nyanlända barn ska klara skolan.")
    document.save(path)
    return path


def test_check_validate_and_rules_take_the_folder(own, fresh, cli, tmp_path):
    rules = cli("rules", "SECTION_MISSING", "--schemas", own, "--format", "json").json
    assert "stod-2026" in {p["profile"] for p in rules["profiles"]}
    (tmp_path / "inkomna").mkdir()
    path = application(tmp_path / "inkomna" / "stod.docx")
    checked = cli("check", path, "--schemas", own, "--format", "json").json
    assert (checked["kind"], checked["profile"]) == ("stod", "stod-2026")
    assert [f["code"] for f in checked["findings"]] == ["SECTION_MISSING"]  # 2. Mål
    assert cli("check", path, "--format", "json").json["findings"][0]["code"] == "KIND_UNKNOWN"
    validated = cli("validate", tmp_path / "inkomna", "--schemas", own, "--format", "json").json
    assert validated["submissions"][0]["documents"][0]["profile"] == "stod-2026"


def test_the_help_names_the_loaded_funders(own, fresh, cli, monkeypatch):
    assert "stod-2026" in cli("check", "-h", "--schemas", own).output
    assert "stod-2026" not in cli("check", "-h").output
    monkeypatch.setenv("SOCINV_SCHEMAS", str(own))
    load_schemas.cache_clear()
    assert "stod" in cli("validate", "-h").output.split("--kind", 1)[1]


def test_kind_unknown_lists_the_loaded_kinds(own, fresh, tmp_path):
    import docx

    from socinv_docs.pipeline import check_document

    path = tmp_path / "fri.docx"
    document = docx.Document()
    document.add_paragraph("Ett fritt skrivet brev utan mallens rubriker.")
    document.save(path)
    report = check_document(path, load_schemas(own))
    assert "stod" in report.findings[0].params["known"]


def test_a_duplicate_across_folders_names_both(own, fresh):
    (own / "kinds" / "stod.yaml").write_text(KIND.replace("id: stod", "id: forslag"), encoding="utf-8")
    (own / "profiles" / "stod-2026.yaml").write_text(PROFILE.replace("[stod]", "[forslag]"), encoding="utf-8")
    with pytest.raises(SchemaError) as exc:
        load_schemas(own)
    assert schema_problem(exc.value, "stod.yaml", "id", "schema.duplicate_id").params["other"].endswith("forslag.yaml")

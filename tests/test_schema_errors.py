"""Every mistake an official makes in a schema file gives its file, line, column and key, in
Swedish or English, with a hint for the common ones (issue 22); none passes silently. The
tests assert the problem's data (file, line, key path, catalogue key, parameters), never
its words."""

from __future__ import annotations

import shutil

import pytest
from conftest import OWN_KIND as KIND
from conftest import OWN_PROFILE as PROFILE
from conftest import schema_problem

from socinv_docs import messages
from socinv_docs.loading import SchemaError, load_schemas, read_schemas, schemas_dir
from socinv_docs.loading.errors import Problem
from socinv_docs.roles import category_of


def _refused(root, file: str, old: str, new: str) -> SchemaError:
    path = root / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(SchemaError) as exc:
        read_schemas((schemas_dir(), root))
    return exc.value


def _line_of(root, file: str, snippet: str) -> int:
    return next(i for i, line in enumerate((root / file).read_text(encoding="utf-8").splitlines(), start=1)
                if snippet in line)


def test_the_folder_as_written_loads(own):
    assert "stod-2026" in read_schemas((schemas_dir(), own)).profiles


def test_a_percentage_for_a_share_is_refused_with_the_share_to_write(own):
    error = _refused(own, "profiles/stod-2026.yaml", "  fields: {}\n",
                     "  fields: {}\n  cofinancing: {max_fund_share: 70}\n")
    found = schema_problem(error, "stod-2026.yaml", "rules.cofinancing.max_fund_share", "schema.too_large")
    assert found.line == _line_of(own, "profiles/stod-2026.yaml", "max_fund_share")
    assert found.column is not None
    assert (found.hint, found.hint_params) == ("schema.hint.share", {"share": "0.70", "percent": "70"})


def test_an_unquoted_no_is_explained(own):
    error = _refused(own, "kinds/stod.yaml", 'required: "no"', "required: no")
    found = schema_problem(error, "stod.yaml", "fields.1.required", "schema.yaml_boolean")
    assert found.line == _line_of(own, "kinds/stod.yaml", "required: no")
    assert found.params["text"] == "no" and found.params["boolean"] == "false"
    assert found.hint == "schema.hint.quote"


def test_a_misspelt_party_category_in_a_form_is_refused_with_the_known_ones(own):
    error = _refused(own, "kinds/stod.yaml", "category: auto", "category: komun")
    found = schema_problem(error, "stod.yaml", "roles.parties.0.category", "schema.unknown_category")
    assert found.line == _line_of(own, "kinds/stod.yaml", "komun")
    assert "kommun" in found.params["known"] and found.hint_params["close"] == "kommun"


def test_two_profiles_with_one_id_are_refused_naming_both_files(own):
    error = _refused(own, "profiles/stod-2026.yaml", "id: stod-2026", "id: orebro-2020")
    found = schema_problem(error, "stod-2026.yaml", "id", "schema.duplicate_id")
    assert found.line == 1
    assert found.params["other"].endswith("orebro-2020.yaml") and found.params["other_line"] is not None


def test_two_kinds_with_one_id_are_refused(own):
    error = _refused(own, "kinds/stod.yaml", "id: stod", "id: ansokan")
    assert schema_problem(error, "stod.yaml", "id", "schema.duplicate_id").params["other"].endswith("ansokan.yaml")


@pytest.mark.parametrize("old,new,where,key,on_line", [
    ("  title: namn", "  titel: namn", "roles.titel", "schema.unknown_key", "titel"),  # a role that does not exist
    ("  title: namn", "  title: projektnamn", "roles.title", "schema.no_field", "projektnamn"),  # a field it lacks
    ("kinds: [stod]", "kinds: [stöd]", "kinds.0", "schema.unknown_kind", "stöd"),
    ("  fields: {}\n", "  fields: {}\n  parties: {any_of: [{min: {namnder: 2}}]}\n",
     "rules.parties.any_of.0.min.namnder", "schema.unknown_category", "namnder"),
])
def test_an_undefined_role_kind_or_category_is_refused(own, old, new, where, key, on_line):
    file = "kinds/stod.yaml" if old in KIND else "profiles/stod-2026.yaml"
    error = _refused(own, file, old, new)
    found = schema_problem(error, file.split("/")[1], where, key)
    assert found.line == _line_of(own, file, on_line)


def test_a_heading_that_swallows_a_guidance_line_is_refused_naming_both(own):
    error = _refused(own, "kinds/stod.yaml", 'heading: "2. Mål"', 'heading: "Beskriv syftet med satsningen"')
    found = schema_problem(error, "stod.yaml", "sections.1.heading", "schema.heading_guidance")
    assert (found.params["section"], found.params["other"]) == ("mal", "syfte")
    assert found.line == _line_of(own, "kinds/stod.yaml", "id: mal")


def test_a_yaml_slip_names_its_line(own):
    error = _refused(own, "kinds/stod.yaml", 'label: "Projektets namn"}', 'label: "Projektets namn"')
    (found,) = error.problems
    assert found.key.startswith("schema.yaml.") and found.line is not None and found.column is not None


def test_every_problem_of_every_file_at_once(own):
    (own / "kinds" / "stod.yaml").write_text(KIND.replace('required: "no"', "required: no"), encoding="utf-8")
    (own / "profiles" / "stod-2026.yaml").write_text(PROFILE.replace("funder:", "finansiar:"), encoding="utf-8")
    with pytest.raises(SchemaError) as exc:
        read_schemas((schemas_dir(), own))
    assert {(p.where, p.key) for p in exc.value.problems} >= {
        ("fields.1.required", "schema.yaml_boolean"), ("finansiar", "schema.unknown_key"), ("funder", "schema.missing")}


def test_party_categories_by_precedence_not_file_order(schemas, tmp_path):
    """A company form decides over a kommun's word ("Kommunservice AB" applying alone is a
    company); two categories with words and one priority are refused."""
    assert category_of("Kommunservice AB", schemas.common) == "company"
    assert category_of("Sandvikens kommun – IFO", schemas.common) == "kommun"
    assert category_of("Föreningen Läxhjälpen i Gävle kommun", schemas.common) == "civil"
    root = tmp_path / "schemas"
    shutil.copytree(schemas_dir(), root)
    common = root / "common.yaml"
    common.write_text(common.read_text(encoding="utf-8").replace("    priority: 50\n", "    priority: 10\n"),
                      encoding="utf-8")
    with pytest.raises(SchemaError) as exc:
        load_schemas(root)
    found = schema_problem(exc.value, "common.yaml", "party_categories.company.priority", "schema.category_priority")
    assert found.params["other"] == "kommun"


def test_the_words_are_swedish_or_english_never_mixed(own):
    error = _refused(own, "profiles/stod-2026.yaml", "  fields: {}\n",
                     "  fields: {}\n  cofinancing: {max_fund_share: 70}\n")
    for lang in messages.LANGS:
        text = error.text(lang)
        place = messages.text("schema.at_line", lang, file=error.problems[0].file, line=error.problems[0].line,
                              column=error.problems[0].column)
        assert text.startswith(place)
    # Every key a problem can have is worded in both languages.
    for key in [k for k in messages.CATALOGUE if k.startswith("schema.")]:
        assert all(messages.CATALOGUE[key][lang].message for lang in messages.LANGS), key


def test_the_command_says_it_in_the_chosen_language_and_stops(own, cli):
    (own / "kinds" / "stod.yaml").write_text(KIND.replace('required: "no"', "required: no"), encoding="utf-8")
    load_schemas.cache_clear()
    line = _line_of(own, "kinds/stod.yaml", "required: no")
    column = (own / "kinds" / "stod.yaml").read_text(encoding="utf-8").splitlines()[line - 1].index("required: no")
    problem = Problem(own / "kinds" / "stod.yaml", line=line, column=column + len("required: ") + 1)
    for lang in messages.LANGS:
        result = cli("profiles", "--schemas", own, "--lang", lang)
        assert result.exit_code == 2
        assert messages.text("schema.at_line", lang, file=problem.file, line=problem.line, column=problem.column) \
            in result.output

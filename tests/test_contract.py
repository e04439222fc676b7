"""The contract of SPEC §4–5 and §7: codes, JSON shape, exit codes, languages, packaging."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import OFFICIAL, ROOT

from socinv_docs import messages
from socinv_docs.codes import DEFAULT_SEVERITY, Code, Severity

REQUIRED_BY_KIND = {
    "ideprovning": ["behov", "innehall", "malgrupp", "effekter"],
    "ansokan": ["problemformulering", "evidens", "malgrupp", "metod", "tid", "effekter", "basmatning",
                "kostnader", "ekonomiska_effekter", "implementering"],
    "forslag": ["behov", "innehall", "aktiviteter", "tidsperiod", "motivering", "vetenskapligt_stod", "malgrupp",
                "berorda_namnder", "effekter_individ"],
    "utvarderingsschema": ["mal", "aktiviteter", "basmatning"],
}
SPEC_CODES = {
    "FILE_UNREADABLE", "KIND_UNKNOWN", "SECTION_MISSING", "SECTION_EMPTY", "SECTION_PLACEHOLDER",
    "SECTION_TOO_SHORT", "FIELD_MISSING", "FIELD_INVALID", "CRITERION_UNANSWERED", "CRITERION_NOT_MET",
    "CRITERION_UNCLEAR", "CRITERION_UNMOTIVATED",
    "DURATION_OUT_OF_RANGE", "PARTIES_INSUFFICIENT", "PARTY_FOR_PROFIT", "PROJECT_LEAD_TOO_LOW",
    "COSTS_INCONSISTENT", "SAVINGS_BELOW_COST", "SAVINGS_HORIZON_EXCEEDED", "ATTACHMENT_MISSING",
    "SCHEMA_ROW_INCOMPLETE", "SIGNATURE_MISSING",
}
# Rules other funders need (issue 12), beyond SPEC §4's Örebro and Mölndal; listed in README.
FUNDER_CODES = {"COST_CEILING_EXCEEDED", "FUND_SHARE_TOO_HIGH", "OWN_SHARE_TOO_LOW", "PAYBACK_TOO_LONG"}
# The tool's own, no funder's rule (issues 24, 22); listed in README.
TOOL_CODES = {"FUNDERS_MIXED", "TRACK_UNKNOWN"}
# The follow-up stage's (SPEC §9); listed in README. REPORT_UNLINKED is said by the pipeline,
# the others by the follow-up run over a satsning's reports and schedule.
FOLLOWUP_RUN_CODES = {"REPORT_PERIOD_INVALID", "REPORT_OVERDUE", "PLAN_CHANGED"}
FOLLOWUP_CODES = {"REPORT_UNLINKED"} | FOLLOWUP_RUN_CODES
# Made by the pipeline (and the follow-up run), not by a rule a profile enables.
PIPELINE_CODES = {Code.FILE_UNREADABLE, Code.KIND_UNKNOWN, Code.FUNDERS_MIXED, Code.TRACK_UNKNOWN,
                  Code.REPORT_UNLINKED, *map(Code, FOLLOWUP_RUN_CODES)}
# SPEC §9: the document rules that compare a follow-up report with its plan; listed in README.
FOLLOWUP_RULE_CODES = {
    "COST_TOTAL_EXCEEDED", "COST_FORECAST_EXCEEDED", "COST_YEAR_OVER_PLAN", "COST_COMPONENT_DEVIATION",
    "FUND_COSTS_NOT_SHOWN", "DEVIATION_UNEXPLAINED", "MEASURE_NOT_REPORTED", "BASELINE_MISSING",
    "ACTIVITY_NOT_REPORTED", "TARGET_NOT_MET", "PARTIES_CHANGED", "PERIOD_CHANGED", "IMPLEMENTATION_PLAN_MISSING",
    "GOAL_WITHOUT_RESULT", "COMPARISON_MISSING", "EFTERKALKYL_BELOW_COST", "EFTERKALKYL_DEVIATION",
}


def test_codes_are_exactly_the_spec_codes_the_funder_rules_and_the_tools_own():
    assert {c.value for c in Code} == SPEC_CODES | FUNDER_CODES | TOOL_CODES | FOLLOWUP_CODES | FOLLOWUP_RULE_CODES
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert all(f"`{code}`" in readme for code in FUNDER_CODES | TOOL_CODES | FOLLOWUP_CODES | FOLLOWUP_RULE_CODES)
    assert set(DEFAULT_SEVERITY) == set(Code)
    assert DEFAULT_SEVERITY[Code.SECTION_TOO_SHORT] is Severity.WARNING
    assert DEFAULT_SEVERITY[Code.CRITERION_NOT_MET] is Severity.WARNING
    assert DEFAULT_SEVERITY[Code.CRITERION_UNCLEAR] is Severity.WARNING
    assert DEFAULT_SEVERITY[Code.CRITERION_UNMOTIVATED] is Severity.WARNING
    # SPEC §9's table: of the follow-up rules' codes these three are errors by default, the rest warnings.
    assert {c for c in FOLLOWUP_RULE_CODES if DEFAULT_SEVERITY[Code(c)] is Severity.ERROR} == {
        "COST_TOTAL_EXCEEDED", "FUND_COSTS_NOT_SHOWN", "GOAL_WITHOUT_RESULT"}


def test_every_code_has_a_swedish_and_english_message_and_hint():
    from socinv_docs.rules.registry import owner

    for code in Code:
        rule = owner(code)
        entries = rule.words if rule is not None else messages.CATALOGUE
        for lang in ("sv", "en"):
            entry = entries[code.value][lang]
            assert entry.message and entry.hint, (code, lang)
        assert entries[code.value]["sv"] != entries[code.value]["en"], code


def test_every_word_has_one_home():
    """A key is worded in one place: the catalogue's areas, or one rule's module (a finding
    carries its rule's words in front of the catalogue, so a key in both would be two
    texts). The pipeline's own codes are the catalogue's; every other code is a rule's."""
    from socinv_docs.rules.registry import RULES, owner

    homes: dict[str, list[str]] = {key: ["catalogue"] for key in messages.CATALOGUE}
    for rule in RULES.values():
        for key in rule.words:
            homes.setdefault(key, []).append(rule.name)
    for name, words in sheet_words().items():  # a workbook's sheets hold their own words too
        for key in words:
            homes.setdefault(key, []).append(name)
    assert {key: where for key, where in homes.items() if len(where) > 1} == {}
    pipeline = PIPELINE_CODES
    assert {code for code in Code if owner(code) is None} == pipeline
    assert all(code.value in messages.CATALOGUE for code in pipeline)
    # A rule's words word its own codes, or the code's owner does (FIELD_INVALID: fields).
    for rule in RULES.values():
        assert all(owner(code) is not None for code in rule.codes), rule.name


def sheet_words() -> dict[str, dict]:
    """The WORDS of every sheet module of the tool's workbooks (render/*/sheets/*.py)."""
    import importlib

    found = {}
    for path in sorted((ROOT / "socinv_docs" / "render").glob("*/sheets/*.py")):
        module = importlib.import_module(".".join(path.relative_to(ROOT).with_suffix("").parts))
        if hasattr(module, "WORDS"):
            found[module.__name__] = module.WORDS
    return found


def test_every_sheet_column_has_a_header_in_both_languages():
    import importlib

    specs = []
    for name in sheet_words():
        module = importlib.import_module(name)
        specs += [v for v in vars(module).values() if type(v).__name__ == "SheetSpec"]
    assert specs
    for spec in specs:
        assert spec.name_key in spec.words, spec.name_key
        for col in spec.columns:
            entry = spec.words.get(spec.header_key(col))
            assert entry and entry["sv"].message and entry["en"].message, (spec.name_key, col.id)


def test_every_rule_is_registered_with_spec_codes():
    from socinv_docs.rules.registry import RULES

    emitted = {c for r in RULES.values() for c in r.codes}
    assert emitted <= set(Code)
    # Every content code has a rule; the two unreadable codes, FUNDERS_MIXED, TRACK_UNKNOWN and
    # REPORT_UNLINKED (no funder's rule: pipeline.check_submission, the follow-up run) come from
    # the pipeline, the follow-up run's own from followup.py.
    assert set(Code) - emitted == PIPELINE_CODES


@pytest.mark.parametrize("name,kind", [
    ("ideprovning.docx", "ideprovning"), ("ansokan.docx", "ansokan"),
    ("forslag.xlsx", "forslag"), ("utvarderingsschema.xlsx", "utvarderingsschema"),
])
def test_blank_official_template_is_incomplete(cli, name, kind):
    path = OFFICIAL / name
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    result = cli("check", path, "--format", "json")
    assert result.exit_code == 1
    data = result.json
    assert data["kind"] == kind
    assert data["status"] == "incomplete"
    for section in REQUIRED_BY_KIND[kind]:
        assert data["sections"][section] in ("placeholder", "empty"), section
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before  # input never modified


def test_json_shape_is_the_spec_shape(cli):
    data = cli("check", OFFICIAL / "ideprovning.docx", "--format", "json").json
    assert {"file", "kind", "profile", "status", "sections", "fields", "findings"} <= set(data)
    assert data["profile"] == "orebro-2020"
    assert set(data["fields"]) == {"namn", "kontaktperson", "namnder", "civila_aktorer", "offentlig_aktor"}
    for finding in data["findings"]:
        assert {"code", "severity", "section", "location", "message", "hint"} <= set(finding)
        assert finding["code"] in SPEC_CODES
        assert finding["severity"] in ("error", "warning")
    placeholder = [f for f in data["findings"] if f["code"] == "SECTION_PLACEHOLDER"]
    assert {f["section"] for f in placeholder} == {"behov", "innehall", "malgrupp", "effekter"}
    assert all(f["location"].startswith("rubrik '") for f in placeholder)


# The JSON `economics` block as it has been since issue 12: keys may be added, none may change
# meaning (SPEC §5). The typed Economics (issue 19) writes exactly these, in this order.
ECONOMICS_KEYS = ["cost", "requested", "savings_per_namnd", "savings_total", "horizon_years", "ratio",
                  "payback_years_after_end", "discount_rate", "payback_year"]
SHARES_KEYS = ["fund_share", "own_contribution", "own_share", "hour_rate"]


def test_json_economics_block_keeps_its_keys(cli):
    orebro = cli("check", ROOT / "samples" / "ansokan-komplett" / "ansokan.docx", "--format", "json").json
    assert list(orebro["economics"]) == ECONOMICS_KEYS
    assert orebro["economics"]["savings_per_namnd"][0] == {"namnd": "Socialnämnden", "per_year": 500_000,
                                                           "years": 8.0, "counted_years": 8.0, "total": 4_000_000}
    budget = ROOT / "samples" / "gavleborg-komplett" / "bilaga-2-3-budget-och-medfinansiering.xlsx"
    gavleborg = cli("check", budget, "--format", "json").json["economics"]
    assert list(gavleborg) == [*ECONOMICS_KEYS, *SHARES_KEYS]
    assert (gavleborg["savings_total"], gavleborg["savings_per_namnd"]) == (None, [])


def test_several_files_are_one_submission(cli):
    result = cli("check", OFFICIAL / "ansokan.docx", OFFICIAL / "utvarderingsschema.xlsx", "--format", "json")
    data = result.json
    assert set(data) >= {"submission", "status", "documents", "findings"}
    assert [d["kind"] for d in data["documents"]] == ["ansokan", "utvarderingsschema"]
    assert data["status"] == "incomplete"
    assert result.exit_code == 1
    # The attachment is there: no ATTACHMENT_MISSING at submission level.
    assert all(f["code"] != "ATTACHMENT_MISSING" for f in data["findings"])


def test_ansokan_alone_warns_about_the_attachment_and_errs_in_a_submission(cli, tmp_path):
    alone = cli("check", OFFICIAL / "ansokan.docx", "--format", "json").json
    attachment = [f for f in alone["findings"] if f["code"] == "ATTACHMENT_MISSING"]
    assert [f["severity"] for f in attachment] == ["warning"]
    other = tmp_path / "ide.docx"
    shutil.copy(OFFICIAL / "ideprovning.docx", other)
    together = cli("check", OFFICIAL / "ansokan.docx", other, "--format", "json").json
    assert [(f["code"], f["severity"]) for f in together["findings"]] == [("ATTACHMENT_MISSING", "error")]


def test_english_messages(cli):
    sv = cli("check", OFFICIAL / "forslag.xlsx", "--format", "json").json
    en = cli("check", OFFICIAL / "forslag.xlsx", "--format", "json", "--lang", "en").json
    assert [f["code"] for f in sv["findings"]] == [f["code"] for f in en["findings"]]
    assert [f["message"] for f in sv["findings"]] != [f["message"] for f in en["findings"]]


def test_text_report_lists_sections_and_problems(cli):
    result = cli("check", OFFICIAL / "ideprovning.docx")
    assert result.exit_code == 1
    first = result.output.splitlines()[0]
    assert "Idéprövning – social investering" in first and "orebro-2020" in first
    for code in ("SECTION_PLACEHOLDER", "CRITERION_UNANSWERED", "FIELD_MISSING"):
        assert f"[{code}]" in result.output
    assert "Traceback" not in result.output


def test_kind_and_profile_overrides(cli):
    # A förslag read as an utvärderingsschema is not what it is: but the override is obeyed.
    data = cli("check", OFFICIAL / "forslag.xlsx", "--kind", "utvarderingsschema", "--format", "json").json
    assert data["kind"] == "utvarderingsschema"
    bad = cli("check", OFFICIAL / "forslag.xlsx", "--kind", "nonsense")
    assert bad.exit_code == 2
    mismatch = cli("check", OFFICIAL / "forslag.xlsx", "--kind", "forslag", "--profile", "orebro-2020")
    assert mismatch.exit_code == 2


def test_module_entry_point_runs():
    result = subprocess.run([sys.executable, "-m", "socinv_docs", "check", str(OFFICIAL / "forslag.xlsx"),
                             "--format", "json"], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert result.returncode == 1
    assert '"status": "incomplete"' in result.stdout
    assert "Traceback" not in result.stderr


def test_installed_console_script_finds_its_schemas(tmp_path):
    """SPEC §7: the `socinv` of a plain install works from any directory."""
    script = Path(sys.executable).parent / "socinv"
    if not script.exists():
        pytest.skip("no installed socinv next to this interpreter (source checkout without install)")
    result = subprocess.run([str(script), "check", str(OFFICIAL / "ideprovning.docx"), "--format", "json"],
                            capture_output=True, text=True, cwd=tmp_path, timeout=60)
    assert result.returncode == 1, result.stderr
    assert '"kind": "ideprovning"' in result.stdout
    # The memo templates ship too: export them and render a memo with the installed command.
    exported = subprocess.run([str(script), "templates", "export", "mallar"], capture_output=True, text=True,
                              cwd=tmp_path, timeout=60)
    assert exported.returncode == 0, exported.stderr
    assert sorted(p.name for p in (tmp_path / "mallar").iterdir()) == [
        "memo-en.docx", "memo-en.html.j2", "memo-en.md.j2", "memo.docx", "memo.html.j2", "memo.md.j2", "rapporter",
        "uppfoljning-en.docx", "uppfoljning-en.html.j2", "uppfoljning-en.md.j2", "uppfoljning.docx",
        "uppfoljning.html.j2", "uppfoljning.md.j2"]
    # So do the funders' blank report forms (schemas/forms, named by the profiles).
    assert sorted(p.relative_to(tmp_path / "mallar" / "rapporter").as_posix()
                  for p in (tmp_path / "mallar" / "rapporter").rglob("*.docx")) == [
        f"{profile}/{kind}.docx" for profile in ("gavleborg-2019", "orebro-2020")
        for kind in ("redovisning", "slutrapport", "uppfoljande_utvardering")]
    memo = subprocess.run([str(script), "memo", str(OFFICIAL / "forslag.xlsx"), "-o", "memo.docx"],
                          capture_output=True, text=True, cwd=tmp_path, timeout=60)
    assert memo.returncode == 0, memo.stderr
    assert (tmp_path / "memo.docx").stat().st_size > 0


def test_official_copies_match_shared():
    shared = ROOT.parent / "shared" / "official-templates"
    if not shared.is_dir():
        pytest.skip("../shared not beside this checkout")
    for path in shared.iterdir():
        assert (OFFICIAL / path.name).read_bytes() == path.read_bytes(), path.name


def test_an_internal_error_is_reported_not_raised(cli, monkeypatch):
    """A bug in a rule must not end a run with a traceback (SOCINV_DEBUG unset, as for users)."""
    from socinv_docs.rules import base, registry

    def broken(doc, ctx):
        raise ZeroDivisionError("a bug")

    monkeypatch.delenv("SOCINV_DEBUG", raising=False)
    # "sections" is enabled for the förslag: make it break.
    monkeypatch.setitem(registry.RULES, "sections", base.Rule("sections", (), broken))
    result = cli("check", OFFICIAL / "forslag.xlsx", "--format", "json")
    assert result.exit_code == 2
    finding = result.json["findings"][0]
    assert (finding["code"], finding["reason"]) == ("FILE_UNREADABLE", "unreadable.internal")
    assert "Traceback" not in result.output


def test_a_profile_limits_the_kinds(cli):
    """An idéprövning checked with Mölndal's profile is no Mölndal document (KIND_UNKNOWN),
    not an idéprövning judged by Mölndal's rules."""
    result = cli("check", OFFICIAL / "ideprovning.docx", "--profile", "molndal-2018", "--format", "json")
    assert result.exit_code == 2
    assert [f["code"] for f in result.json["findings"]] == ["KIND_UNKNOWN"]
    same = cli("check", OFFICIAL / "forslag.xlsx", "--profile", "molndal-2018", "--format", "json").json
    assert (same["kind"], same["profile"]) == ("forslag", "molndal-2018")


def test_opendocument_renamed_to_docx_says_so(cli, tmp_path):
    import zipfile

    path = tmp_path / "utkast.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        z.writestr("content.xml", "<office:document-content/>")
    finding = cli("check", path, "--format", "json").json["findings"][0]
    assert (finding["code"], finding["reason"]) == ("FILE_UNREADABLE", "unreadable.opendocument")


@pytest.mark.parametrize("name", ["ideprovning.docx", "ansokan.docx", "forslag.xlsx", "utvarderingsschema.xlsx"])
def test_finding_keys_tell_findings_apart(schemas, name):
    """The register matches the group's notes by Finding.key: made of data (a finding has no
    language until it is rendered), it tells a document's findings apart."""
    from socinv_docs.pipeline import check_document

    keys = [f.key for f in check_document(OFFICIAL / name, schemas).findings]
    assert len(set(keys)) == len(keys)
    assert all(k.split("|", 1)[0] in SPEC_CODES for k in keys)


SAMPLE_FILES = sorted(p for p in (ROOT / "samples").rglob("*") if p.suffix in (".docx", ".xlsx"))


def _numbers_gone_wrong(tmp_path) -> list[Path]:
    """An ansökan whose numbers break every number rule, and a goal without a basmätning."""
    from docbuilder import ExcelDraft, WordDraft

    word = WordDraft(OFFICIAL / "ansokan.docx")
    word.fill_table("År", [["År 1", "100 000", "massor", "0", "100 000"], ["Totalt", "", "", "", "90 000"]])
    word.fill_table("Nämnd", [["Socialnämnden", "1 000", "12"]])
    excel = ExcelDraft(OFFICIAL / "utvarderingsschema.xlsx")
    excel.grid_rows([["Ökad skolnärvaro", "Läxhjälp", "Närvaro", "", "", "", ""]])
    return [word.save(tmp_path / "ansokan.docx"), excel.save(tmp_path / "utvarderingsschema.xlsx")]


def test_findings_are_data_rendered_in_the_readers_language(schemas, tmp_path):
    """Findings hold no words: the pipeline takes no language, params are JSON data, and
    every finding renders in Swedish and in English with every parameter filled in."""
    import inspect
    import json

    from socinv_docs.pipeline import check_document

    assert "lang" not in inspect.signature(check_document).parameters
    paths = [*SAMPLE_FILES, *sorted(OFFICIAL.iterdir()), *_numbers_gone_wrong(tmp_path)]
    findings = [f for path in paths for f in check_document(path, schemas).findings]
    assert {f.code.value for f in findings} >= {
        "SECTION_PLACEHOLDER", "FIELD_MISSING", "FIELD_INVALID", "COSTS_INCONSISTENT", "SAVINGS_BELOW_COST",
        "SAVINGS_HORIZON_EXCEEDED", "SCHEMA_ROW_INCOMPLETE", "DURATION_OUT_OF_RANGE", "PROJECT_LEAD_TOO_LOW"}
    for f in findings:
        json.dumps(f.params)  # plain data
        texts = {lang: (f.message_in(lang), f.hint_in(lang), f.location_in(lang)) for lang in ("sv", "en")}
        for lang, parts in texts.items():
            assert all("{" not in part for part in parts), (f.code, lang, parts)
        assert texts["sv"][0] != texts["en"][0], f.code


def test_json_findings_carry_params_and_a_structured_where(cli):
    data = cli("check", ROOT / "samples" / "forslag-luckor.xlsx", "--format", "json").json
    assert data["findings"]
    for finding in data["findings"]:
        assert isinstance(finding["params"], dict)
        where = finding["where"]
        assert where["file"] == data["file"]
        assert where["sheet"] and where["cell"], finding  # an Excel finding names its cell
        for subject in ("section", "field", "criterion"):
            if finding.get(subject):
                assert where[subject] == finding[subject]
    word = cli("check", OFFICIAL / "ideprovning.docx", "--format", "json").json
    placeholder = next(f for f in word["findings"] if f["code"] == "SECTION_PLACEHOLDER")
    assert placeholder["where"]["heading"] and placeholder["where"]["section"] == placeholder["section"]

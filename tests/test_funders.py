"""Any funder by data alone (issue 12): no template's ids in the code, a made-up funder with
ids of its own gets every rule, the register's columns and the memo right."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml
from conftest import ROOT

PACKAGE = ROOT / "socinv_docs"
SCHEMAS = ROOT / "schemas"


def _template_ids() -> set[str]:
    """Every id the shipped schemas give a kind, profile, field, section, table, column or criterion."""
    ids: set[str] = set()
    for path in (SCHEMAS / "kinds").glob("*.yaml"):
        kind = yaml.safe_load(path.read_text(encoding="utf-8"))
        ids.add(kind["id"])
        ids.update(f["id"] for f in kind.get("fields", []))
        ids.update(s["id"] for s in kind.get("sections", []))
        for table in kind.get("tables", []):
            ids.add(table["id"])
            ids.update(table["columns"])
        ids.update((kind.get("grid") or {}).get("columns", {}))
        ids.update(c["id"] for c in (kind.get("criteria") or {}).get("items", []))
        if kind.get("signatures"):
            ids.add(kind["signatures"]["id"])
    for path in (SCHEMAS / "profiles").glob("*.yaml"):
        ids.add(yaml.safe_load(path.read_text(encoding="utf-8"))["id"])
    return ids


# Words that are the tool's own vocabulary as well as some template's id: the role `period`,
# the memo variable `assessment.forslag` (the group's Förslag till beslut, README), and `year`
# (of a report period, {"period": "helar", "year": 2027}, ExpectedReport.year, and the type
# of a calendar-year cell).
TOOL_WORDS = {"period", "forslag", "year"}


def test_no_template_id_in_the_code():
    ids = _template_ids() - TOOL_WORDS
    assert {"namnder", "civila_aktorer", "sokt_belopp", "kostnader", "underskrifter", "orebro-2020"} <= ids
    found = []
    for path in PACKAGE.rglob("*.py"):
        if path.parent.name == "messages":
            continue  # words for people; their keys are checked below
        for literal in _code_strings(path):
            if re.fullmatch(r"[\w.-]+", literal) and literal in ids:
                found.append(f"{path.relative_to(ROOT)}: {literal!r}")
    from socinv_docs import messages
    from socinv_docs.rules.registry import RULES

    keys = [*messages.CATALOGUE, *(key for rule in RULES.values() for key in rule.words)]
    found += [f"words: {key!r}" for key in keys if set(key.split(".")) & ids]
    assert not found, "\n".join(found)


def _code_strings(path: Path) -> list[str]:
    """The string literals of a module, less the words for people a rule keeps beside its
    check (Text(...) and explanation(...)): a Swedish word may also be some template's id."""
    import ast

    words = set()
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") in ("Text", "explanation"):
            words.update(id(n) for n in ast.walk(node))
        if isinstance(node, ast.Assign) and any(getattr(t, "id", "").endswith(("_WHY", "_SEVERITY"))
                                                for t in node.targets):
            words.update(id(n) for n in ast.walk(node.value))  # explanation parts shared by codes
    return [n.value for n in ast.walk(tree)
            if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in words]


# -- a made-up funder with ids of its own ----------------------------------------------------

TOY_KIND = """
id: stod
title: "Ansökan om stöd ur Exempelregionens fond för tidiga insatser"
name: {sv: "Stödansökan", en: "Grant application"}
format: docx
detect: {phrases: ["Exempelregionens fond för tidiga insatser"], min_score: 4}
fields:
  - {id: projekt, label: "Projektets namn"}
  - {id: huvudman, label: "Huvudman"}
  - {id: kontakt, label: "Kontakt"}
  - {id: medverkande, label: "Medverkande organisationer", type: lines}
  - {id: projekttid, label: "Projekttid", type: period}
  - {id: belopp, label: "Belopp från fonden", type: amount}
sections:
  - {id: syfte, heading: "1. Syfte"}
  - {id: budgetavsnitt, heading: "2. Budget"}
  - {id: vinster, heading: "3. Ekonomiska vinster"}
  - {id: egen_insats, heading: "4. Egen insats"}
boundaries: ["Tillstyrkan"]
tables:
  - {id: budgettabell, section: budgetavsnitt, row_label_column: period,
     columns: {period: "Period", lon: "Lön", hyra: "Hyra", tot: "Totalt per år", fond: "Från fonden"},
     required_columns: [lon, tot], types: {lon: amount, hyra: amount, tot: amount, fond: amount}}
  - {id: vinsttabell, section: vinster, row_label_column: vem,
     columns: {vem: "Verksamhet", per_ar: "Vinst per år", antal: "Antal år"}, required_columns: [per_ar, antal],
     types: {per_ar: amount, antal: duration}}
  - {id: insats, section: egen_insats, row_label_column: org,
     columns: {org: "Organisation", pengar: "Kontant", tid: "Timmar"}, required_columns: [pengar, tid],
     types: {pengar: amount, tid: hours}}
signatures: {id: tillstyrkan, heading: "Tillstyrkan", columns: ["Organisation", "Behörig chef", "Datum"]}
roles:
  title: projekt
  applicant: huvudman
  contact: kontakt
  parties: [{field: huvudman, category: auto}, {field: medverkande, category: auto}]
  period: projekttid
  amount: belopp
  budget: {table: budgettabell, components: [lon, hyra], total: tot, fund: fond, total_row: ["Summa"]}
  savings: {table: vinsttabell, party: vem, per_year: per_ar, years: antal}
  cofinancing: {table: insats, party: org, cash: pengar, hours: tid}
"""

TOY_PROFILE = """
id: exempel-2027
funder: "Exempelregionen"
kinds: [stod]
economics: {kinds: [stod], horizon_years: 5, hour_rate: 400, rate_schedule: [{until_year: 2, rate: 0.05}, {rate: 0.0}]}
rules:
  sections: {}
  fields: {}
  duration: {kinds: [stod], max_years: 3, source: "högst tre år"}
  parties: {kinds: [stod], any_of: [{total: 2}], for_profit: refuse}
  costs: {kinds: [stod]}
  savings: {kinds: [stod]}
  payback: {kinds: [stod], max_years: 3}
  cost_ceiling: {kinds: [stod], max_per_year: 500000}
  cofinancing: {kinds: [stod], max_fund_share: 0.5, min_own_share: 0.2}
  signatures: {kinds: [stod], per_party: true}
"""

GOOD = {
    "medverkande": "Exempels kommun – Socialtjänsten",
    "projekttid": "2027-01-01 – 2029-12-31",
    "belopp": "500 000 kr",
    "budget": [["År 1", "400 000", "100 000", "500 000", "250 000"],
               ["År 2", "400 000", "100 000", "500 000", "250 000"],
               ["Summa", "800 000", "200 000", "1 000 000", "500 000"]],
    "vinster": [["Socialtjänsten", "600 000", "3"]],
    "insats": [["Region Exempel", "150 000", "200"]],
    "signed": [["Region Exempel", "Eva Ek", "2026-11-01"], ["Exempels kommun", "Per Ås", "2026-11-02"]],
}
BAD = {
    "medverkande": "Exempels kommun – Socialtjänsten\nBygg & Fix AB",
    "projekttid": "2027-01-01 – 2030-12-31",
    "belopp": "900 000 kr",
    "budget": [["År 1", "400 000", "100 000", "500 000", "300 000"],
               ["År 2", "500 000", "100 000", "600 000", "600 000"],
               ["Summa", "900 000", "200 000", "1 100 000", "900 000"]],
    "vinster": [["Socialtjänsten", "200 000", "4"], ["Skolan", "50 000", "7"]],
    "insats": [["Region Exempel", "100 000", "200"]],
    "signed": [["Region Exempel", "Eva Ek", "2026-11-01"]],
}


def toy_schemas(tmp_path: Path) -> Path:
    root = tmp_path / "schemas"
    shutil.copytree(SCHEMAS, root)
    (root / "kinds" / "stod.yaml").write_text(TOY_KIND, encoding="utf-8")
    (root / "profiles" / "exempel-2027.yaml").write_text(TOY_PROFILE, encoding="utf-8")
    return root


def toy_application(path: Path, values: dict) -> Path:
    import docx

    d = docx.Document()
    d.add_heading("Ansökan om stöd ur Exempelregionens fond för tidiga insatser", 0)
    fields = [("Projektets namn", "Språkvänner i Exempelby"), ("Huvudman", "Region Exempel – Hälsovalet"),
              ("Kontakt", "Eva Ek"), ("Medverkande organisationer", values["medverkande"]),
              ("Projekttid", values["projekttid"]), ("Belopp från fonden", values["belopp"])]
    table = d.add_table(rows=len(fields), cols=2)
    for row, (label, value) in zip(table.rows, fields):
        row.cells[0].text, row.cells[1].text = label, value

    def grid(header: list[str], rows: list[list[str]]) -> None:
        t = d.add_table(rows=1 + len(rows), cols=len(header))
        for cells, texts in zip(t.rows, [header, *rows]):
            for cell, text in zip(cells.cells, texts):
                cell.text = text

    d.add_heading("1. Syfte", 1)
    d.add_paragraph("Fler nyanlända barn ska klara skolan genom språkvänner i förskolan.")
    d.add_heading("2. Budget", 1)
    d.add_paragraph("Budget per år.")
    grid(["Period", "Lön", "Hyra", "Totalt per år", "Från fonden"], values["budget"])
    d.add_heading("3. Ekonomiska vinster", 1)
    d.add_paragraph("Minskade kostnader för stödinsatser.")
    grid(["Verksamhet", "Vinst per år", "Antal år"], values["vinster"])
    d.add_heading("4. Egen insats", 1)
    d.add_paragraph("Huvudmannens egen insats.")
    grid(["Organisation", "Kontant", "Timmar"], values["insats"])
    d.add_heading("Tillstyrkan", 1)
    grid(["Organisation", "Behörig chef", "Datum"], values["signed"])
    d.save(path)
    return path


def test_a_made_up_funder_gets_every_rule(tmp_path):
    from socinv_docs.codes import Code
    from socinv_docs.loading import load_schemas
    from socinv_docs.pipeline import check_document

    schemas = load_schemas(toy_schemas(tmp_path))
    good = check_document(toy_application(tmp_path / "bra.docx", GOOD), schemas)
    assert (good.kind, good.profile) == ("stod", "exempel-2027")
    assert [f.code for f in good.findings] == []
    econ = good.economics
    # By hand: cost 1 000 000, sought 500 000 (50 %), own 150 000 + 200 h × 400 = 230 000
    # (23 %); savings 600 000 × 3 = 1 800 000 within 5 years, paid back in year 2.
    assert (econ.cost, econ.requested, econ.shares.own_contribution) == (1_000_000, 500_000, 230_000)
    assert (econ.shares.fund_share, econ.shares.own_share, econ.savings_total) == (0.5, 0.23, 1_800_000)
    assert econ.payback_years_after_end == 2 and econ.payback_year == 2031
    # Present value, 5 % in years 1–2 then 0 %: 600 000/1.05 + 600 000/1.05² + 600 000/1.05².
    assert econ.present_value.savings == round(600_000 / 1.05 + 2 * 600_000 / 1.05 ** 2)
    assert [p.category for p in good.facts.parties] == ["region", "kommun"]

    bad = check_document(toy_application(tmp_path / "dalig.docx", BAD), schemas)
    assert sorted(f.code.value for f in bad.findings) == sorted([
        "PARTY_FOR_PROFIT", "DURATION_OUT_OF_RANGE", "COST_CEILING_EXCEEDED", "FUND_SHARE_TOO_HIGH",
        "OWN_SHARE_TOO_LOW", "SAVINGS_HORIZON_EXCEEDED", "SAVINGS_BELOW_COST", "PAYBACK_TOO_LONG",
        "SIGNATURE_MISSING"])
    by_code = {f.code: f for f in bad.findings}
    assert by_code[Code.COST_CEILING_EXCEEDED].params["amount"] == 600_000  # År 2 from the fund
    assert by_code[Code.FUND_SHARE_TOO_HIGH].params["share"] == round(900_000 / 1_100_000, 4)
    assert by_code[Code.OWN_SHARE_TOO_LOW].params["own"] == 100_000 + 200 * 400
    assert by_code[Code.SIGNATURE_MISSING].params == {**by_code[Code.SIGNATURE_MISSING].params, "found": 1,
                                                      "needed": 3}
    assert by_code[Code.PARTY_FOR_PROFIT].params["party"] == "Bygg & Fix AB"
    for f in bad.findings:  # every message worded in both languages
        for lang in ("sv", "en"):
            assert "{" not in f.message_in(lang) + f.hint_in(lang), (f.code, lang)


def party_word(schemas, category: str, lang: str) -> str:
    """A party category's name in the schema's words, as a label ("Nämnd")."""
    name = schemas.common.party_categories[category].name(lang, 1)
    return name[:1].upper() + name[1:]


@pytest.mark.parametrize("category", ["region", "auto"])
def test_savings_parties_are_named_in_the_funders_own_terms(tmp_path, category):
    """The savings rows' parties are what the funder's savings role says they are, in its
    own words: Örebro's are nämnder; another funder's are not called "Nämnd" (issue 19)."""
    from socinv_docs.loading import load_schemas
    from socinv_docs.pipeline import check_document
    from socinv_docs.schema import Names

    root = toy_schemas(tmp_path)
    if category != "auto":
        kind = root / "kinds" / "stod.yaml"
        kind.write_text(kind.read_text(encoding="utf-8").replace(
            "years: antal}", f"years: antal, category: {category}}}"), encoding="utf-8")
    schemas = load_schemas(root)
    econ = check_document(toy_application(tmp_path / "bra.docx", GOOD), schemas).economics
    # With `auto`, each party's name tells its category: "Socialtjänsten" tells none.
    expected = category if category != "auto" else schemas.common.default_party_category
    assert econ.party_label == Names(sv=party_word(schemas, expected, "sv"), en=party_word(schemas, expected, "en"))
    assert [(p.party, p.category) for p in econ.savings_per_party] == [("Socialtjänsten", expected)]
    orebro = check_document(ROOT / "samples" / "ansokan-komplett" / "ansokan.docx", schemas).economics
    assert orebro.party_label == Names(sv=party_word(schemas, "namnd", "sv"), en=party_word(schemas, "namnd", "en"))


def test_the_budget_by_year_and_component_with_the_funds_part(schemas):
    """The economics keep the budget as typed lines, year by component, with the part sought
    from the fund: what the follow-up stage's plan compares utfall with."""
    from socinv_docs.pipeline import check_document

    budget = ROOT / "samples" / "gavleborg-komplett" / "bilaga-2-3-budget-och-medfinansiering.xlsx"
    econ = check_document(budget, schemas).economics
    kind = schemas.kinds["budget_och_medfinansiering"]
    years = econ.budget.years
    assert [(y.label, y.project_year) for y in years] == [("År 1", 1), ("År 2", 2), ("År 3", 3)]
    assert [y.fund for y in years] == [410_000] * 3 and sum(y.fund for y in years) == econ.requested
    assert sum(y.total for y in years) == econ.cost
    assert [line.component for line in years[0].lines] == kind.roles.budget.components
    for year in years:  # each year's components add up to its total
        assert sum(line.amount or 0 for line in year.lines) == year.total
    assert len(list(econ.budget.lines())) == 3 * len(kind.roles.budget.components)


def test_a_made_up_funder_in_the_register_and_the_memo(tmp_path, monkeypatch, cli):
    import openpyxl

    from socinv_docs.loading import load_schemas

    monkeypatch.setenv("SOCINV_SCHEMAS", str(toy_schemas(tmp_path)))
    load_schemas.cache_clear()
    inbox = tmp_path / "inkomna"
    inbox.mkdir()
    toy_application(inbox / "sprakvanner.docx", GOOD)
    try:
        result = cli("validate", inbox, "--register", tmp_path / "register.xlsx")
        assert result.exit_code == 0, result.output
        memo = cli("memo", inbox, "-o", tmp_path / "underlag.md", "--format", "md")
        assert memo.exit_code == 0, memo.output
    finally:
        load_schemas.cache_clear()
    ws = openpyxl.load_workbook(tmp_path / "register.xlsx")["Ansökningar"]
    head = [c.value for c in ws[1]]
    row = {h: c.value for h, c in zip(head, ws[2])}
    assert row["Satsningens namn"] == "Språkvänner i Exempelby"
    assert row["Mall"] == "Stödansökan"
    assert "Region Exempel – Hälsovalet" in row["Sökande/nämnder"] and "Exempels kommun" in row["Sökande/nämnder"]
    assert (row["Sökt belopp"], row["Kostnad"], row["Besparing inom horisonten"]) == (500_000, 1_000_000, 1_800_000)
    text = (tmp_path / "underlag.md").read_text(encoding="utf-8")
    assert "Språkvänner i Exempelby" in text and "Region Exempel – Hälsovalet" in text and "Eva Ek" in text
    # Its savings rows are headed by what its parties are in its own terms (`auto`: told by
    # their names), never by Örebro's "Nämnd" (issue 19).
    schemas = load_schemas(toy_schemas(tmp_path / "again"))
    lines = text.splitlines()
    savings_row = next(i for i, line in enumerate(lines) if line.startswith("| Socialtjänsten |"))
    header = lines[savings_row - 2]  # above the |---| line
    own, orebro = (party_word(schemas, c, "sv") for c in (schemas.common.default_party_category, "namnd"))
    assert header.startswith(f"| {own} |") and own != orebro


def test_profiles_command_lists_funders_and_every_rule_in_force(cli):
    listing = cli("profiles")
    assert listing.exit_code == 0
    assert "orebro-2020" in listing.stdout and "molndal-2018" in listing.stdout
    detail = cli("profiles", "orebro-2020", "--lang", "en")
    assert detail.exit_code == 0
    for rule in ("sections", "parties", "duration", "savings", "attachments", "signatures"):
        assert f"  {rule}  (" in detail.stdout
    assert "min_percent: 25.0" in detail.stdout and "horizon_years: 10" in detail.stdout
    assert cli("profiles", "finns-inte").exit_code == 2


def test_one_kind_can_serve_two_funders(tmp_path, official):
    """A funder reusing Örebro's idéprövning with other numbers: told apart by its phrases."""
    from docbuilder import WordDraft

    from socinv_docs.loading import load_schemas
    from socinv_docs.pipeline import check_document

    root = toy_schemas(tmp_path)
    (root / "profiles" / "annanstad-2027.yaml").write_text("""
id: annanstad-2027
funder: "Annanstads kommun"
kinds: [ideprovning]
detect: {phrases: ["Annanstads kommun"]}
rules:
  sections: {}
  parties: {kinds: [ideprovning], any_of: [{total: 1}]}
""", encoding="utf-8")
    schemas = load_schemas(root)
    draft = WordDraft(official / "ideprovning.docx")
    draft.fill_field("Medverkande nämnder", "Socialnämnden")
    orebro = check_document(draft.save(tmp_path / "orebro.docx"), schemas)
    draft.fill_field("Satsningens namn", "Läxhjälp – Annanstads kommun")
    other = check_document(draft.save(tmp_path / "annanstad.docx"), schemas)
    assert orebro.profile == "orebro-2020" and other.profile == "annanstad-2027"
    # Örebro needs two nämnder from different areas; Annanstad one party of any kind.
    assert "PARTIES_INSUFFICIENT" in {f.code.value for f in orebro.findings}
    assert "PARTIES_INSUFFICIENT" not in {f.code.value for f in other.findings}
    assert "CRITERION_UNANSWERED" not in {f.code.value for f in other.findings}  # not enabled there


def test_economics_say_only_what_the_template_counts(schemas):
    """A budget bilaga has no savings table: its economics give no savings (null, not 0 kr)
    and the text shows the fund's and the applicants' shares instead."""
    from socinv_docs import messages
    from socinv_docs.pipeline import check_document
    from socinv_docs.render.text import economics_outline

    budget = ROOT / "samples" / "gavleborg-komplett" / "bilaga-2-3-budget-och-medfinansiering.xlsx"
    report = check_document(budget, schemas)
    econ = report.economics
    assert econ.savings_total is None and econ.ratio is None and econ.payback_years_after_end is None
    assert econ.shares.fund_share is not None and econ.shares.own_contribution is not None
    lines = [line.text for line in economics_outline(econ, "sv")]
    assert messages.text("econ.fund_share", "sv", requested=econ.requested, share=econ.shares.fund_share) in lines
    assert not any(line.startswith(messages.text("econ.savings", "sv", horizon=10, total=0)[:10]) for line in lines)
    orebro = check_document(ROOT / "samples" / "ansokan-komplett" / "ansokan.docx", schemas).economics
    assert orebro.savings_total == 6_100_000 and "fund_share" not in orebro.to_json()


def test_funder_shares_point_at_the_budget_cell_and_signatures_follow_the_profile(schemas):
    from socinv_docs.codes import Code, Severity
    from socinv_docs.pipeline import check_document

    folder = ROOT / "samples" / "gavleborg-luckor"
    findings = [f for path in sorted(folder.iterdir()) for f in check_document(path, schemas).findings]
    share = next(f for f in findings if f.code is Code.FUND_SHARE_TOO_HIGH)
    assert share.where.sheet and share.where.cell  # the total row's Sökta medel cell, not "dokumentet"
    unsigned = next(f for f in findings if f.code is Code.SIGNATURE_MISSING)
    assert unsigned.severity is Severity.ERROR  # Gävleborg: severity: error in its profile
    orebro = check_document(ROOT / "samples" / "ansokan-luckor" / "ansokan.docx", schemas).findings
    assert next(f for f in orebro if f.code is Code.SIGNATURE_MISSING).severity is Severity.WARNING


def test_socinv_rules_explains_the_funders_own_values(tmp_path, monkeypatch, cli):
    """`socinv rules` is made from the loaded profiles (issue 19): a funder whose horizon is
    five years never reads Örebro's ten, a funder asking for two parties of any kind is not
    explained with Örebro's nämnder, and a maximum alone is "at most", not a range from 0."""
    from socinv_docs.loading import load_schemas

    monkeypatch.setenv("SOCINV_SCHEMAS", str(toy_schemas(tmp_path)))
    load_schemas.cache_clear()
    try:
        runs = {(code, lang): cli("rules", code, "--format", "json", "--lang", lang, "--profile", "exempel-2027")
                for code in ("SAVINGS_HORIZON_EXCEEDED", "PARTIES_INSUFFICIENT", "DURATION_OUT_OF_RANGE")
                for lang in ("sv", "en")}
        every = cli("rules", "SAVINGS_HORIZON_EXCEEDED", "--format", "json")
        listing = cli("rules", "--profile", "exempel-2027", "--format", "json")
        unknown = cli("rules", "--profile", "exempel-2026")
    finally:
        load_schemas.cache_clear()
    assert all(r.exit_code == 0 for r in runs.values()) and every.exit_code == 0
    for (code, lang), run in runs.items():
        (funder,) = run.json["profiles"]
        assert funder["profile"] == "exempel-2027" and funder["kinds"] and funder["demands"], (code, lang)
        words = " ".join([run.json["what"], run.json["why"], run.json["example"], *funder["demands"]]).lower()
        assert "örebro" not in words, (code, lang)
        if code == "SAVINGS_HORIZON_EXCEEDED":
            assert "5" in funder["demands"][0] and not re.search(r"\b(10|tio|ten)\b", words)
        if code == "PARTIES_INSUFFICIENT":
            assert funder["options"]["any_of"] == [{"min": {}, "total": 2, "distinct_areas": False}]
            assert "2" in funder["demands"][0] and not re.search("nämnd|committee", funder["demands"][0])
        if code == "DURATION_OUT_OF_RANGE":
            assert funder["options"]["min_years"] is None and "3" in funder["demands"][0]
            assert "0" not in funder["demands"][0] and "–" not in funder["demands"][0]
    # Without --profile, every loaded funder in its own terms: the toy's 5 years beside Örebro's 10.
    demands = {p["profile"]: p["demands"][0] for p in every.json["profiles"]}
    assert set(demands) == {"exempel-2027", "orebro-2020"}
    assert "5" in demands["exempel-2027"] and "10" not in demands["exempel-2027"] and "10" in demands["orebro-2020"]
    # --profile: one funder's demands only; a profile that is not loaded is a usage error.
    assert listing.exit_code == 0
    assert {p["profile"] for r in listing.json["rules"] for p in r.get("profiles", [])} == {"exempel-2027"}
    assert unknown.exit_code == 2

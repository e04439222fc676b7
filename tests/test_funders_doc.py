"""docs/funders.md works as written (issue 22): its YAML blocks, written to a folder of one's
own, make two new funds that load beside the shipped ones, and applications of each shape
are checked as the page says: a fund with two tracks (70 % and 85 %), and co-financing with
own work valued in kronor. The page also names every key of the format."""

from __future__ import annotations

import dataclasses
import re
import shutil
import typing

import docx
import openpyxl
import pytest
from conftest import ROOT
from test_register import rows_by_key

from socinv_docs import schema
from socinv_docs.codes import Code
from socinv_docs.loading import load_schemas, schema_folders, schemas_dir
from socinv_docs.pipeline import check_document
from socinv_docs.rules.registry import RULES

DOC = ROOT / "docs" / "funders.md"
BLOCK = re.compile(r"```yaml\n# file: (?P<path>\S+)\n(?P<body>.*?)```", re.S)


def doc_files() -> dict[str, str]:
    """The page's YAML blocks that are files: path in the folder -> text."""
    return {m["path"]: m["body"] for m in BLOCK.finditer(DOC.read_text(encoding="utf-8"))}


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    root = tmp_path_factory.mktemp("egna-fonder")
    for path, text in doc_files().items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(text, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def loaded(folder):
    load_schemas.cache_clear()
    yield load_schemas(folder)
    load_schemas.cache_clear()


def form(path, title: str, fields: list[tuple[str, str]], sections: list[tuple[str, str, list]]):
    """A filled-in form as an applicant saves it: the title, a table of fields, and each
    section's heading with its text and tables (rows of cells, the header first)."""
    document = docx.Document()
    document.add_heading(title, 0)
    table = document.add_table(rows=0, cols=2)
    for label, value in fields:
        cells = table.add_row().cells
        cells[0].text, cells[1].text = label, value
    for heading, text, tables in sections:
        document.add_heading(heading, 1)
        if text:
            document.add_paragraph(text)
        for rows in tables:
            grid = document.add_table(rows=0, cols=len(rows[0]))
            for row in rows:
                for cell, value in zip(grid.add_row().cells, row, strict=True):
                    cell.text = value
    document.save(path)
    return path


def development(path, track: str, sought: int, text: str = "Fler unga ska gå vidare till arbete eller studier."):
    """Exempelstad's form: a cost of 1 000 000 kr over two years, `sought` of it from the fund."""
    half = f"{sought // 2:,}".replace(",", " ")
    whole = f"{sought:,}".replace(",", " ")
    return form(path, "Ansökan ur fonden för social utveckling", [
        ("Satsningens namn", "Unga till jobb"), ("Sökande förvaltning", "Arbetsmarknadsförvaltningen"),
        ("Spår (A eller B)", track), ("Period (ÅÅÅÅ-MM-DD – ÅÅÅÅ-MM-DD)", "2027-01-01 – 2028-12-31"),
        ("Sökt belopp (kr)", whole)],
        [("1. Syfte och målgrupp", text, []),
         ("2. Budget", "", [[["År", "Kostnad (kr)", "Söks ur fonden (kr)"], ["2027", "500 000", half],
                             ["2028", "500 000", half], ["Totalt", "1 000 000", whole]]])])


def partnership(path, parties: list[tuple[str, str, str]]):
    """Region Exempel's form: a cost of 1 000 000 kr, 650 000 kr sought; `parties`: each
    organisation with its money and its own work's value, the first the huvudsökande."""
    return form(path, "Ansökan om samverkansmedel – Region Exempel", [
        ("Satsningens namn", "Läxhjälp i hela länet"), ("Huvudsökande", parties[0][0]),
        ("Medsökande (en per rad)", "\n".join(p[0] for p in parties[1:])),
        ("Projektperiod (ÅÅÅÅ-MM-DD – ÅÅÅÅ-MM-DD)", "2027-01-01 – 2027-12-31"), ("Sökt belopp (kr)", "650 000")],
        [("1. Syfte", "Fler elever ska klara skolan, med läxhjälp i alla kommuner.", []),
         ("2. Budget och medfinansiering", "", [
             [["År", "Kostnad (kr)", "Söks från regionen (kr)"], ["2027", "1 000 000", "650 000"],
              ["Totalt", "1 000 000", "650 000"]],
             [["Organisation", "Pengar (kr)", "Eget arbete, värde (kr)"], *map(list, parties)]])])


def test_the_pages_folder_adds_two_funds_to_the_shipped_ones(folder, loaded):
    assert set(doc_files()) == {"kinds/utvecklingsansokan.yaml", "profiles/exempelstad-2026.yaml",
                                "kinds/samverkansansokan.yaml", "profiles/region-exempel-2026.yaml"}
    assert schema_folders(folder) == (schemas_dir(), folder)
    assert {"exempelstad-2026", "region-exempel-2026", "orebro-2020", "gavleborg-2019"} <= set(loaded.profiles)
    assert set(loaded.profiles["exempelstad-2026"].tracks) == {"A", "B"}


def test_the_blank_form_is_recognised_with_every_section_empty(loaded, tmp_path):
    """Step 5 of the page: the blank form itself is the fund's kind, every field missing and
    every section empty (its printed guidance and row labels are no answer)."""
    blank = form(tmp_path / "blank.docx", "Ansökan ur fonden för social utveckling",
                 [(label, "") for label in ("Satsningens namn", "Sökande förvaltning", "Spår (A eller B)",
                                            "Period (ÅÅÅÅ-MM-DD – ÅÅÅÅ-MM-DD)", "Sökt belopp (kr)")],
                 [("1. Syfte och målgrupp", "Beskriv vad satsningen ska åstadkomma, och för vilka.", []),
                  ("2. Budget", "Fyll i kostnaden per år och hur mycket av den som söks ur fonden.",
                   [[["År", "Kostnad (kr)", "Söks ur fonden (kr)"], ["År 1", "", ""], ["År 2", "", ""],
                     ["Totalt", "", ""]]])])
    report = check_document(blank, loaded)
    assert (report.kind, report.profile) == ("utvecklingsansokan", "exempelstad-2026")
    assert {(f.code, f.section) for f in report.findings if f.code is Code.SECTION_EMPTY} == {
        (Code.SECTION_EMPTY, "syfte"), (Code.SECTION_EMPTY, "budget")}
    assert {f.field for f in report.findings if f.code is Code.FIELD_MISSING} == {
        "namn", "sokande", "period", "sokt_belopp"}


@pytest.mark.parametrize("track,sought,expected_track,codes", [
    ("A", 700_000, "A", []),  # 70 % on track A: at the ceiling
    ("Spår A", 800_000, "A", [Code.FUND_SHARE_TOO_HIGH]),  # 80 % on track A
    ("spår b – implementering", 800_000, "B", []),  # 80 % on track B (≤ 85 %), the name folded
    ("Implementering", 900_000, "B", [Code.FUND_SHARE_TOO_HIGH]),  # 90 % on track B
    ("", 800_000, None, [Code.TRACK_UNKNOWN]),  # no track value: no ceiling guessed
    ("Utvekling", 800_000, None, [Code.TRACK_UNKNOWN]),  # misspelt: never the other track
    ("Spår C", 800_000, None, [Code.TRACK_UNKNOWN]),
])
def test_a_fund_with_two_tracks(loaded, tmp_path, track, sought, expected_track, codes):
    report = check_document(development(tmp_path / "ansokan.docx", track, sought), loaded)
    assert (report.kind, report.profile) == ("utvecklingsansokan", "exempelstad-2026")
    assert report.document.track == expected_track
    assert [f.code for f in report.findings] == codes
    if codes == [Code.FUND_SHARE_TOO_HIGH]:
        assert report.findings[0].params["maximum"] == {"A": 0.70, "B": 0.85}[expected_track]
    if codes == [Code.TRACK_UNKNOWN]:
        finding = report.findings[0]
        assert finding.field == "spar" and "FUND_SHARE_TOO_HIGH" in finding.params["codes"]
        assert finding.params.get("variant") == ("empty" if not track else None)
        assert finding.params["value"] == track


def test_a_track_named_in_passing_does_not_switch(loaded, tmp_path):
    """Track A in its field; "Spår B – implementering" in the text: track A's 70 % holds."""
    path = development(tmp_path / "ansokan.docx", "A", 800_000,
                       text="Vi bygger vidare på det vi lärt oss i Spår B – implementering, och på Spår B.")
    report = check_document(path, loaded)
    assert report.document.track == "A"
    assert [(f.code, f.params["maximum"]) for f in report.findings] == [(Code.FUND_SHARE_TOO_HIGH, 0.70)]


@pytest.mark.parametrize("parties,codes,own", [
    # 100 000 kr money + 250 000 kr own work = 35 % ≥ 30 %
    ([("Sandvikens kommun", "100 000", "150 000"), ("Föreningen Läxhjälpen", "0", "100 000")], [], 350_000),
    # 200 000 kr = 20 % < 30 %
    ([("Sandvikens kommun", "100 000", "50 000"), ("Föreningen Läxhjälpen", "0", "50 000")],
     [Code.OWN_SHARE_TOO_LOW], 200_000),
    # A company alone: a company by its form, though its name says "kommun"; one party
    ([("Kommunservice AB", "100 000", "250 000")], [Code.PARTY_FOR_PROFIT, Code.PARTIES_INSUFFICIENT], 350_000),
])
def test_co_financing_with_own_work_in_kronor(loaded, tmp_path, parties, codes, own):
    report = check_document(partnership(tmp_path / "ansokan.docx", parties), loaded)
    assert (report.kind, report.profile) == ("samverkansansokan", "region-exempel-2026")
    assert [f.code for f in report.findings] == codes
    shares = report.economics.shares
    assert (shares.own_contribution, shares.hour_rate, shares.own_words) == (own, None, "in_kind")
    if Code.OWN_SHARE_TOO_LOW in codes:
        # said as own work in kronor, never as hours
        assert report.findings[0].params["variant"] == "in_kind"


def test_a_folder_of_applications_into_register_and_memo(folder, tmp_path, cli):
    inkomna = tmp_path / "inkomna"
    inkomna.mkdir()
    development(inkomna / "utveckling.docx", "B", 800_000)
    partnership(inkomna / "samverkan.docx",
                [("Sandvikens kommun", "100 000", "150 000"), ("Föreningen Läxhjälpen", "0", "100 000")])
    load_schemas.cache_clear()
    result = cli("validate", inkomna, "--register", tmp_path / "register.xlsx", "--schemas", folder,
                 "--format", "json")
    assert result.exit_code == 0, result.output
    profiles = {d["profile"] for s in result.json["submissions"] for d in s["documents"]}
    assert profiles == {"exempelstad-2026", "region-exempel-2026"}
    # The register's columns for the fund's share, the own share and the track, where the fund has them.
    rows = rows_by_key(openpyxl.load_workbook(tmp_path / "register.xlsx")["Ansökningar"])
    development_row, partnership_row = rows["utveckling.docx"], rows["samverkan.docx"]
    assert (development_row["Fondens andel"].value, development_row["Egen andel"].value,
            development_row["Spår"].value) == (0.8, None, "Spår B – implementering")
    assert "%" in development_row["Fondens andel"].number_format
    assert (partnership_row["Fondens andel"].value, partnership_row["Egen andel"].value,
            partnership_row["Spår"].value) == (0.65, 0.35, None)
    memo = cli("memo", inkomna, "--output", tmp_path / "underlag.md", "--schemas", folder)
    assert memo.exit_code == 0, memo.output
    assert "Spår B – implementering" in (tmp_path / "underlag.md").read_text(encoding="utf-8")
    word = cli("memo", inkomna, "--output", tmp_path / "underlag.docx", "--schemas", folder)
    assert word.exit_code == 0, word.output
    cells = [cell.text for table in docx.Document(str(tmp_path / "underlag.docx")).tables
             for row in table.rows for cell in row.cells]
    assert "Spår B – implementering" in cells


# -- every key of the format is on the page --------------------------------------------------

def _specs(tp, seen: set) -> None:
    """Every Spec dataclass reachable from `tp` through its fields."""
    for arg in (typing.get_args(tp) or ()):
        _specs(arg, seen)
    if isinstance(tp, type) and dataclasses.is_dataclass(tp) and tp not in seen:
        seen.add(tp)
        for hint in typing.get_type_hints(tp).values():
            _specs(hint, seen)


def test_the_page_names_every_key_of_the_format():
    text = DOC.read_text(encoding="utf-8")
    specs: set = set()
    for root in (schema.KindSpec, schema.ProfileSpec, schema.CommonSpec):
        _specs(root, specs)
    for rule in RULES.values():
        _specs(rule.options, specs)
    keys = {(spec.__name__, f.name) for spec in specs for f in dataclasses.fields(spec)}
    missing = sorted((owner, key) for owner, key in keys if f"`{key}`" not in text)
    assert not missing, missing
    assert not [name for name in RULES if f"`{name}`" not in text]


# -- what the two funds also show about the format --------------------------------------------

def test_a_ceiling_on_the_cost_is_said_as_one_at_the_budgets_total(loaded, tmp_path):
    """COST_CEILING_EXCEEDED of `of: cost` is about the cost, not the amount sought (its
    variant), and stands at the budget's Totalt row, never at the amount sought."""
    from socinv_docs.rules import cost_ceiling

    profile = loaded.profiles["exempelstad-2026"]
    capped = dataclasses.replace(profile, rules={**profile.rules,
                                                 "cost_ceiling": cost_ceiling.Options(max_total=900_000, of="cost")})
    schemas = dataclasses.replace(loaded, profiles={**loaded.profiles, profile.id: capped})
    report = check_document(development(tmp_path / "ansokan.docx", "A", 700_000), schemas)
    (finding,) = [f for f in report.findings if f.code is Code.COST_CEILING_EXCEEDED]
    assert (finding.params["variant"], finding.params["amount"], finding.section) == ("cost", 1_000_000, "kostnader")
    assert finding.field is None and finding.where.row_label == "Totalt"
    # The table is named by the section it stands in, as people see it, never by its id.
    assert loaded.kinds["utvecklingsansokan"].label(section="kostnader") == "2. Budget"


def test_the_tracks_in_rules_and_profiles(loaded, folder, cli):
    """`socinv rules TRACK_UNKNOWN` names the loaded funds with tracks and what each track
    sets; `socinv rules OWN_SHARE_TOO_LOW` says own work in kronor where the form counts it."""
    load_schemas.cache_clear()
    track = cli("rules", "TRACK_UNKNOWN", "--schemas", folder, "--format", "json").json
    assert [(p["profile"], len(p["demands"])) for p in track["profiles"]] == [("exempelstad-2026", 2)]
    own = cli("rules", "OWN_SHARE_TOO_LOW", "--schemas", folder, "--format", "json").json
    (region,) = [p for p in own["profiles"] if p["profile"] == "region-exempel-2026"]
    assert region["demands"]
    from socinv_docs.rules.cofinancing import demands

    options = loaded.profiles["region-exempel-2026"].rules["cofinancing"]
    (said,) = demands(Code.OWN_SHARE_TOO_LOW, options, loaded.profiles["region-exempel-2026"], loaded)
    assert said["key"] == "cofinancing.own_share_in_kind"


def test_a_field_of_several_lines_is_text_people_read(loaded, tmp_path):
    """The applicant role on a `lines` field: one name a line, never a Python list."""
    from socinv_docs import roles

    kind = dataclasses.replace(loaded.kinds["samverkansansokan"],
                               roles=dataclasses.replace(loaded.kinds["samverkansansokan"].roles, applicant="medsokande"))
    report = check_document(partnership(tmp_path / "ansokan.docx", [
        ("Sandvikens kommun", "100 000", "150 000"), ("Föreningen Läxhjälpen", "0", "100 000"),
        ("Gävle kommun", "0", "50 000")]), loaded)
    assert roles.applicant(report.document, kind) == "Föreningen Läxhjälpen\nGävle kommun"
    assert roles.as_text([{"namnd": "Socialnämnden", "verksamhetsomrade": "Social välfärd"}]) == \
        "Socialnämnden – Social välfärd"


@pytest.mark.parametrize("file,old,new,where,key", [
    # Two tracks that could be written alike: which one a form is on would be a tie-break.
    ("profiles/exempelstad-2026.yaml", '["Implementering", "Spår B"]', '["Implementering", "Spår A"]',
     "tracks.B.words.1", "schema.track_words_clash"),
    # Tracks, but no kind of the fund says which one a form is on.
    ("kinds/utvecklingsansokan.yaml", "  track: spar ", "  contact: spar ", "tracks", "schema.tracks_no_field"),
    # A track's value written as a percentage.
    ("profiles/exempelstad-2026.yaml", "{max_fund_share: 0.85}", "{max_fund_share: 85}",
     "tracks.B.rules.cofinancing.max_fund_share", "schema.too_large"),
    # A track setting a rule that looks across a submission (it cannot know the track).
    ("profiles/exempelstad-2026.yaml", "rules: {cofinancing: {max_fund_share: 0.85}}",
     "rules: {cofinancing: {max_fund_share: 0.85}, consistency: {}}", "tracks.B.rules.consistency",
     "schema.track_submission_rule"),
])
def test_a_track_that_cannot_work_is_refused_with_its_line(folder, tmp_path, file, old, new, where, key):
    from conftest import schema_problem

    from socinv_docs.loading import SchemaError, read_schemas

    root = tmp_path / "egna"
    shutil.copytree(folder, root)
    path = root / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(SchemaError) as exc:
        read_schemas((schemas_dir(), root))
    found = schema_problem(exc.value, "exempelstad-2026.yaml", where, key)
    assert found.line is not None and found.column is not None


def test_the_web_page_checks_with_the_folders_funds(folder, tmp_path):
    """`serve --schemas DIR`: the page names the folder's funds, and its worker processes
    check with them (not with the shipped schemas alone)."""
    import httpx
    from web_support import LiveServer

    from socinv_docs.limits import Limits
    from socinv_docs.web.app import create_app
    from socinv_docs.web.settings import WebSettings

    settings = WebSettings(workers=1, limits=Limits(max_seconds=60), tmp_root=tmp_path / "web")
    (tmp_path / "web").mkdir()
    path = development(tmp_path / "ansokan.docx", "B", 800_000)
    with LiveServer(create_app(settings, schemas_folder=folder)) as live, \
            httpx.Client(base_url=live.url, timeout=60) as client:
        assert "Exempelstad, fonden för social utveckling" in client.get("/").text
        response = client.post("/check", files=[("files", (path.name, path.read_bytes()))],
                               headers={"accept": "application/json"})
    assert response.status_code == 200
    assert (response.json()["profile"], response.json()["track"]) == ("exempelstad-2026", "B")

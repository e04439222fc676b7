"""Drafts drift from the official templates (SPEC §2): headings renumbered, re-cased, reworded
or made bold, moved into table rows; answers typed in tables, content controls, text boxes,
with tracked changes left on; Excel answers typed beside or below "Skriv här:", rows and
columns inserted. Every test builds its draft from the official template with docbuilder
and asserts states, values and codes (never message wording).
"""

from __future__ import annotations

import shutil

import pytest
from docbuilder import ExcelDraft, WordDraft

from socinv_docs.pipeline import check_document

IDE_SECTIONS = {
    "behov": "1. Behov som utgör utgångspunkt för idén",
    "innehall": "2. Satsningens innehåll",
    "malgrupp": "3. Målgrupp",
    "effekter": "4. Förväntade effekter",
}
ANSWER = {
    "behov": "Fyrtio procent av eleverna i Vivalla saknar gymnasiebehörighet.",
    "innehall": "Läxhjälp tre eftermiddagar i veckan med lärare och volontärer.",
    "malgrupp": "Elever i årskurs sju till nio på Vivallaskolan.",
    "effekter": "Fler behöriga elever och färre placeringar inom socialtjänsten.",
}
CRITERIA = ["Finns ett reellt behov", "Innebär idén nya arbetssätt", "Är fler nämnder",
            "Förväntas idén generera", "Bidrar idén till övergripande"]


def ideprovning(official, answer_sections: bool = True, skip: tuple[str, ...] = ()) -> WordDraft:
    """An idéprövning with fields and criteria filled, and every section not in `skip` answered."""
    d = WordDraft(official / "ideprovning.docx")
    d.fill_field("Satsningens namn", "Läxhjälp i Vivalla")
    d.fill_field("Kontaktperson", "Sara Holm")
    d.fill_field("Medverkande nämnder",
                 "Socialnämnden – Social välfärd\nGrundskolenämnden – Förskola och skola")
    for q in CRITERIA:
        d.set_criterion(q, "Ja", "Se ovan.")
    if answer_sections:
        for sid, heading in IDE_SECTIONS.items():
            if sid not in skip:
                d.answer(heading, ANSWER[sid])
    return d


def check(draft, tmp_path, schemas, name="utkast"):
    suffix = ".docx" if isinstance(draft, WordDraft) else ".xlsx"
    return check_document(draft.save(tmp_path / f"{name}{suffix}"), schemas)


def states(report) -> dict[str, str]:
    return {sid: s.state.value for sid, s in report.document.sections.items()}


def codes(report) -> set[str]:
    return {f.code.value for f in report.findings}


def test_filled_ideprovning_is_complete(official, tmp_path, schemas):
    report = check(ideprovning(official), tmp_path, schemas)
    assert report.status == "complete", codes(report)
    assert set(states(report).values()) == {"ok"}


# -- headings --------------------------------------------------------------------------------

@pytest.mark.parametrize("sid, new", [
    ("behov", "BEHOV"),
    ("behov", "1. behov som utgör utgångspunkt för idén"),
    ("innehall", "Satsningens innehåll:"),
    ("innehall", "Avsnitt 2 – Satsningens innehåll"),
    ("malgrupp", "3 Målgruppen"),
    ("malgrupp", "5. Målgrupp"),
    ("effekter", "4. FÖRVÄNTADE EFFEKTER"),
    ("effekter", "Effekter"),
])
def test_renamed_heading_still_found(official, tmp_path, schemas, sid, new):
    d = ideprovning(official, skip=(sid,))
    d.rename_heading(IDE_SECTIONS[sid], new)
    d.answer(new, ANSWER[sid])
    report = check(d, tmp_path, schemas)
    section = report.document.sections[sid]
    assert section.state.value == "ok"
    assert section.heading == new
    assert section.text == ANSWER[sid]
    assert set(states(report).values()) == {"ok"}, states(report)


ANSOKAN_RENAMES = [
    ("evidens", "2. Evidens och forskning", "2 Evidens/forskning"),
    ("jamforelse", "6.1 Jämförelsealternativ och kontrollgrupp", "6.1 Jämförelsealternativ & kontrollgrupp"),
    ("malgrupp", "3. Målgrupp och avgränsning", "Målgrupp & avgränsning"),
    ("implementering", "9. Plan för implementering och uppskalning", "10. PLAN FÖR IMPLEMENTERING OCH UPPSKALNING"),
    ("basmatning", "6.2 Basmätning", "6.2 Basmätningar"),
]


@pytest.mark.parametrize("sid, old, new", ANSOKAN_RENAMES)
def test_renamed_ansokan_heading(official, tmp_path, schemas, sid, old, new):
    d = WordDraft(official / "ansokan.docx")
    d.rename_heading(old, new)
    d.answer(new, "Svar som sökanden har skrivit.")
    report = check(d, tmp_path, schemas)
    assert report.document.sections[sid].state.value == "ok"
    assert report.document.sections[sid].heading == new
    # every other section is still found (and still only has "Skriv här:")
    others = {k: v for k, v in states(report).items() if k != sid}
    assert set(others.values()) == {"placeholder"}, others


def test_bold_paragraphs_instead_of_heading_styles(official, tmp_path, schemas):
    d = ideprovning(official)
    for heading in IDE_SECTIONS.values():
        d.heading_as_bold(heading)
    report = check(d, tmp_path, schemas)
    assert set(states(report).values()) == {"ok"}
    assert report.document.sections["malgrupp"].text == ANSWER["malgrupp"]


def test_bold_heading_without_answer_is_placeholder(official, tmp_path, schemas):
    d = ideprovning(official, skip=("effekter",))
    d.heading_as_bold(IDE_SECTIONS["effekter"])
    report = check(d, tmp_path, schemas)
    assert states(report)["effekter"] == "placeholder"
    assert "SECTION_PLACEHOLDER" in codes(report)


def test_heading_as_first_cell_of_table_row(official, tmp_path, schemas):
    d = ideprovning(official, answer_sections=False)
    for sid, heading in IDE_SECTIONS.items():
        d.heading_in_table_row(heading, ANSWER[sid])
    report = check(d, tmp_path, schemas)
    assert report.status == "complete", codes(report)
    for sid in IDE_SECTIONS:
        assert report.document.sections[sid].text == ANSWER[sid]


def test_heading_row_with_placeholder_answer(official, tmp_path, schemas):
    d = ideprovning(official, skip=("malgrupp",))
    d.heading_in_table_row(IDE_SECTIONS["malgrupp"], "Skriv här:")
    report = check(d, tmp_path, schemas)
    assert states(report)["malgrupp"] == "placeholder"


def test_removed_section_is_missing(official, tmp_path, schemas):
    d = ideprovning(official, skip=("effekter",))
    d.remove_section(IDE_SECTIONS["effekter"])
    report = check(d, tmp_path, schemas)
    assert states(report)["effekter"] == "missing"
    assert [f.section for f in report.findings if f.code.value == "SECTION_MISSING"] == ["effekter"]
    assert states(report)["malgrupp"] == "ok"


# -- where answers are typed ----------------------------------------------------------------------

@pytest.mark.parametrize("label", [None, "Svar"])
def test_answer_in_table(official, tmp_path, schemas, label):
    d = ideprovning(official, skip=("innehall",))
    d.answer_in_table(IDE_SECTIONS["innehall"], ANSWER["innehall"], label=label)
    report = check(d, tmp_path, schemas)
    assert states(report)["innehall"] == "ok"
    assert ANSWER["innehall"] in report.document.sections["innehall"].text


@pytest.mark.parametrize("inline", [False, True])
def test_answer_in_content_control(official, tmp_path, schemas, inline):
    d = ideprovning(official, skip=("behov",))
    d.answer_in_content_control(IDE_SECTIONS["behov"], ANSWER["behov"], inline=inline)
    report = check(d, tmp_path, schemas)
    assert states(report)["behov"] == "ok"
    assert report.document.sections["behov"].text == ANSWER["behov"]


@pytest.mark.parametrize("inline", [False, True])
def test_content_control_showing_placeholder(official, tmp_path, schemas, inline):
    d = ideprovning(official, skip=("behov",))
    d.answer_in_content_control(IDE_SECTIONS["behov"], "", showing_placeholder=True, inline=inline)
    report = check(d, tmp_path, schemas)
    assert states(report)["behov"] == "placeholder"
    assert "SECTION_PLACEHOLDER" in codes(report)


def test_tracked_insertion_counts(official, tmp_path, schemas):
    d = ideprovning(official, skip=("malgrupp",))
    d.tracked_insertion(IDE_SECTIONS["malgrupp"], ANSWER["malgrupp"])
    report = check(d, tmp_path, schemas)
    assert states(report)["malgrupp"] == "ok"
    assert report.document.sections["malgrupp"].text == ANSWER["malgrupp"]


def test_tracked_deletion_is_gone(official, tmp_path, schemas):
    d = ideprovning(official, skip=("malgrupp",))
    d.tracked_deletion(IDE_SECTIONS["malgrupp"], ANSWER["malgrupp"])
    report = check(d, tmp_path, schemas)
    assert states(report)["malgrupp"] in ("empty", "placeholder")
    assert report.document.sections["malgrupp"].text == ""
    assert report.status == "incomplete"


def test_text_box_read_once(official, tmp_path, schemas):
    d = ideprovning(official, skip=("effekter",))
    d.answer_in_text_box(IDE_SECTIONS["effekter"], ANSWER["effekter"])
    report = check(d, tmp_path, schemas)
    section = report.document.sections["effekter"]
    assert section.state.value == "ok"
    assert section.text.count("placeringar") == 1


def test_vertically_merged_heading_cell_counted_once(official, tmp_path, schemas):
    d = ideprovning(official, skip=("effekter",))
    heading = IDE_SECTIONS["effekter"]
    d.heading_in_table_row(heading, "Fler behöriga elever.")
    row = d.table(heading).add_row()
    row.cells[1].text = "Färre placeringar."
    d.merge_vertically(heading, column=0, first_row=0, last_row=1)
    report = check(d, tmp_path, schemas)
    section = report.document.sections["effekter"]
    assert section.state.value == "ok"
    assert section.text.splitlines() == ["Fler behöriga elever.", "Färre placeringar."]


@pytest.mark.parametrize("text", [
    "Skriv här:", "skriv här", "xxx", "TODO", "[fyll i]", "Lorem ipsum dolor sit amet, consectetur adipiscing elit.",
    "Klicka eller tryck här för att ange text.",
])
def test_placeholder_left_in(official, tmp_path, schemas, text):
    d = ideprovning(official, skip=("behov",))
    d.answer(IDE_SECTIONS["behov"], text)
    report = check(d, tmp_path, schemas)
    assert states(report)["behov"] == "placeholder"
    assert report.status == "incomplete"


def test_guidance_kept_without_answer_is_not_ok(official, tmp_path, schemas):
    d = ideprovning(official, skip=("innehall",))
    d.answer(IDE_SECTIONS["innehall"], "")  # "Skriv här:" deleted, the italic guidance left
    report = check(d, tmp_path, schemas)
    assert states(report)["innehall"] in ("empty", "placeholder")
    assert "innehålla" not in report.document.sections["innehall"].text


def test_guidance_removed_answer_ok(official, tmp_path, schemas):
    d = ideprovning(official, skip=("innehall",))
    d.answer(IDE_SECTIONS["innehall"], ANSWER["innehall"], keep_guidance=False)
    report = check(d, tmp_path, schemas)
    assert states(report)["innehall"] == "ok"


def test_answer_typed_after_guidance_in_same_paragraph(official, tmp_path, schemas):
    d = ideprovning(official, skip=("behov",))
    d.answer(IDE_SECTIONS["behov"], ANSWER["behov"], after_guidance=True)
    report = check(d, tmp_path, schemas)
    assert states(report)["behov"] == "ok"
    assert report.document.sections["behov"].text == ANSWER["behov"]


def test_multiline_field_in_one_cell(official, tmp_path, schemas):
    report = check(ideprovning(official), tmp_path, schemas)
    namnder = report.document.fields["namnder"].value
    assert [n["namnd"] for n in namnder] == ["Socialnämnden", "Grundskolenämnden"]
    assert [n["verksamhetsomrade"] for n in namnder] == ["Social välfärd", "Förskola och skola"]


# -- Excel ------------------------------------------------------------------------------------

FORSLAG = {
    "Beskriv behovet": "Var fjärde elev saknar gymnasiebehörighet.",
    "Beskriv hur satsningen": "Läxhjälp och mentorskap på fritidsgården.",
    "Vilka olika aktiviteter": "Läxhjälp tre dagar i veckan och föräldraträffar.",
    "Under hur lång tid": "2 år",
    "Varför ses just dessa": "De angriper både kunskapsluckor och frånvaro.",
    "Finns vetenskapligt stöd": "Ja, IFAU har utvärderat liknande insatser.",
    "Identifiera satsningens huvudsakliga": "Elever i årskurs 7–9 med hög frånvaro.",
    "Identifiera även eventuella andra": "Elevernas föräldrar.",
    "Resonera även kring": "Elever i Lindome kan utgöra jämförelsegrupp.",
    "Redogör för samtliga nämnder": "Förskole- och grundskolenämnden, Social- och arbetsmarknadsnämnden.",
    "Beskriv bedömd kostnad": "Ungefär 1,4 mkr per år.",
    "Vilka effekter kommer": "Fler behöriga elever och ökad trygghet.",
    "Vilka ekonomiska effekter": "Minskade kostnader för placeringar, 1–2 mkr per år.",
}
FORSLAG_IDS = dict(zip(FORSLAG, ["behov", "innehall", "aktiviteter", "tidsperiod", "motivering",
                                  "vetenskapligt_stod", "malgrupp", "andra_malgrupper", "kontrollgrupp",
                                  "berorda_namnder", "kostnad", "effekter_individ", "effekter_ekonomi"]))


def forslag(official, where: str = "B", fields: bool = True) -> ExcelDraft:
    x = ExcelDraft(official / "forslag.xlsx")
    if fields:
        x.fill_field("Namn på satsningen:", "Läxhjälp i Bifrost")
        x.fill_field("Förvaltning som lämnar förslaget:", "Förskole- och grundskoleförvaltningen")
        x.fill_field("Kontaktperson:", "Johan Ekström")
    for prompt, text in FORSLAG.items():
        x.answer(prompt, text, where=where)
    return x


@pytest.mark.parametrize("where", ["B", "right", "below"])
def test_forslag_answers_where_typed(official, tmp_path, schemas, where):
    report = check(forslag(official, where), tmp_path, schemas)
    assert report.status == "complete", codes(report)
    for prompt, sid in FORSLAG_IDS.items():
        assert report.document.sections[sid].text == FORSLAG[prompt], sid
    assert report.document.fields["tidsperiod"].value == 2


def test_forslag_right_of_skriv_har_is_not_placeholder_when_empty(official, tmp_path, schemas):
    x = forslag(official)
    x.answer("Finns vetenskapligt stöd", "Skriv här:", where="B")
    report = check(x, tmp_path, schemas)
    assert states(report)["vetenskapligt_stod"] == "placeholder"


@pytest.mark.parametrize("idx", [1, 8, 13])
def test_forslag_inserted_rows(official, tmp_path, schemas, idx):
    x = forslag(official)
    x.insert_rows(idx, 2)
    report = check(x, tmp_path, schemas)
    assert report.status == "complete", codes(report)
    assert report.document.fields["namn"].value == "Läxhjälp i Bifrost"


@pytest.mark.parametrize("idx", [1, 2])
def test_forslag_inserted_columns(official, tmp_path, schemas, idx):
    x = forslag(official)
    x.insert_cols(idx, 1)
    report = check(x, tmp_path, schemas)
    assert report.status == "complete", codes(report)
    assert report.document.fields["kontaktperson"].value == "Johan Ekström"
    assert report.document.sections["behov"].text == FORSLAG["Beskriv behovet"]


def test_forslag_field_below_label(official, tmp_path, schemas):
    x = forslag(official, fields=False)
    x.fill_field("Namn på satsningen:", "Läxhjälp i Bifrost")
    x.fill_field("Förvaltning som lämnar förslaget:", "Förskole- och grundskoleförvaltningen")
    x.insert_rows(7)  # an empty row under "Kontaktperson:" to type in
    x.fill_field("Kontaktperson:", "Johan Ekström", where="below")
    report = check(x, tmp_path, schemas)
    assert report.document.fields["kontaktperson"].value == "Johan Ekström"
    assert "FIELD_MISSING" not in codes(report)


def test_forslag_merged_answer_counted_once(official, tmp_path, schemas):
    x = forslag(official)
    x.merge("B16:E16")
    report = check(x, tmp_path, schemas)
    assert report.document.sections["aktiviteter"].text == FORSLAG["Vilka olika aktiviteter"]


GRID = [
    ["Höjd måluppfyllelse", "Läxhjälp", "Antal elever", "Upplevd studiero", "", "Andel behöriga", "62 %"],
    [None, "Sommarskola", "Antal deltagare", "", "", "Betyg", "Betyg juni 2025"],
    ["Minskad frånvaro", "Mentorsamtal", "Antal samtal", "", "Färre placeringar", "Frånvaro", "14 %"],
    ["Ökat föräldraengagemang", "Föräldraträffar", "Antal föräldrar", "", "", "", "48 %"],
]


@pytest.mark.parametrize("merge_key", [True, False])
def test_grid_goal_over_two_rows_is_one_goal(official, tmp_path, schemas, merge_key):
    x = ExcelDraft(official / "utvarderingsschema.xlsx")
    x.grid_rows(GRID, merge_key=merge_key)
    report = check(x, tmp_path, schemas)
    assert report.status == "complete", codes(report)
    grid = report.document.grid
    assert [g.values["mal"] for g in grid] == ["Höjd måluppfyllelse", "Minskad frånvaro",
                                               "Ökat föräldraengagemang"]
    assert grid[0].values["aktiviteter"].splitlines() == ["Läxhjälp", "Sommarskola"]


def test_grid_with_inserted_column_and_rows(official, tmp_path, schemas):
    x = ExcelDraft(official / "utvarderingsschema.xlsx")
    x.insert_cols(1)
    x.insert_rows(3, 2)
    x.grid_rows(GRID)
    report = check(x, tmp_path, schemas)
    assert report.status == "complete", codes(report)
    assert len(report.document.grid) == 3


def test_grid_goal_without_basmatning(official, tmp_path, schemas):
    x = ExcelDraft(official / "utvarderingsschema.xlsx")
    x.grid_rows([*GRID[:3], ["Ökat föräldraengagemang", "Föräldraträffar", "Antal föräldrar", "", "", "", ""]])
    report = check(x, tmp_path, schemas)
    assert "SCHEMA_ROW_INCOMPLETE" in codes(report)


# -- kind detection -----------------------------------------------------------------------------

@pytest.mark.parametrize("template, kind, name", [
    ("ideprovning.docx", "ideprovning", "ansokan.docx"),
    ("ansokan.docx", "ansokan", "Dokument1.docx"),
    ("forslag.xlsx", "forslag", "utvarderingsschema.xlsx"),
    ("utvarderingsschema.xlsx", "utvarderingsschema", "Bok1.xlsx"),
])
def test_kind_from_content_not_file_name(official, tmp_path, cli, template, kind, name):
    path = tmp_path / name
    shutil.copy(official / template, path)
    assert cli("check", path, "--format", "json").json["kind"] == kind


def test_kind_of_renamed_filled_draft(official, tmp_path, schemas):
    path = ideprovning(official).save(tmp_path / "forslag_v2_slutlig.docx")
    report = check_document(path, schemas)
    assert report.kind == "ideprovning"
    assert report.status == "complete"


def test_kind_override(official, tmp_path, cli):
    path = ideprovning(official).save(tmp_path / "utkast.docx")
    result = cli("check", path, "--kind", "ansokan", "--format", "json")
    assert result.json["kind"] == "ansokan"
    assert result.json["status"] == "incomplete"
    assert result.exit_code == 1


def test_unknown_kind(tmp_path, cli):
    import docx

    doc = docx.Document()
    doc.add_paragraph("Inköpslista: mjölk, bröd och smör.")
    doc.save(tmp_path / "lista.docx")
    result = cli("check", tmp_path / "lista.docx", "--format", "json")
    assert result.exit_code == 2
    assert [f["code"] for f in result.json["findings"]] == ["KIND_UNKNOWN"]


# -- the generated samples ------------------------------------------------------------------------

@pytest.fixture(scope="module")
def samples(tmp_path_factory):
    import make_samples

    out = tmp_path_factory.mktemp("samples")
    make_samples.main(["make_samples.py", str(out)])
    return out


@pytest.mark.parametrize("name, status, expected", [
    ("ideprovning-komplett.docx", "complete", set()),
    ("ideprovning-luckor.docx", "incomplete",
     {"SECTION_PLACEHOLDER", "SECTION_MISSING", "CRITERION_UNANSWERED", "CRITERION_NOT_MET", "FIELD_MISSING"}),
    ("forslag-komplett.xlsx", "complete", set()),
    ("forslag-luckor.xlsx", "incomplete",
     {"SECTION_PLACEHOLDER", "FIELD_MISSING", "DURATION_OUT_OF_RANGE"}),
    ("ansokan-luckor/ansokan.docx", "incomplete",
     {"SECTION_PLACEHOLDER", "DURATION_OUT_OF_RANGE", "PROJECT_LEAD_TOO_LOW", "COSTS_INCONSISTENT",
      "PARTY_FOR_PROFIT", "SIGNATURE_MISSING"}),
])
def test_samples(samples, schemas, name, status, expected):
    report = check_document(samples / name, schemas)
    assert report.status == status, codes(report)
    assert expected <= codes(report)
    if status == "complete":
        assert not {f.code.value for f in report.findings if f.severity.value == "error"}


def test_sample_ansokan_submission_complete(samples, cli):
    folder = samples / "ansokan-komplett"
    result = cli("check", folder / "ansokan.docx", folder / "utvarderingsschema.xlsx", "--format", "json")
    assert result.exit_code == 0
    assert result.json["status"] == "complete"
    assert not result.json["findings"]
    for doc in result.json["documents"]:
        assert not doc["findings"], doc["file"]


def test_samples_are_deterministic(samples, tmp_path):
    import make_samples

    make_samples.main(["make_samples.py", str(tmp_path)])
    for path in sorted(samples.rglob("*.*x")):
        assert (tmp_path / path.relative_to(samples)).read_bytes() == path.read_bytes(), path.name

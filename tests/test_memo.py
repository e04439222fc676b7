"""Memos: rendered from editable templates in three formats, safe against hostile text."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest
from conftest import OFFICIAL, ROOT
from docbuilder import WordDraft

from socinv_docs import messages
from socinv_docs.location import Location
from socinv_docs.messages import msg
from socinv_docs.pipeline import check_document, check_submission
from socinv_docs.render.memo import (
    FORMATS,
    SUFFIXES,
    MemoError,
    default_template,
    export_templates,
    memo_context,
    read_assessments,
    render,
    safe_file_name,
    split_names,
    submission_context,
    templates_dir,
)
from socinv_docs.render.register.sheets.submissions import SHEET as ANS
from socinv_docs.report import RunReport

HOSTILE = '{{ 7*7 }} <script>alert(1)</script> ]]> & "x" {% raw %}'


def _docx_text(path: Path) -> str:
    d = docx.Document(str(path))
    parts = [p.text for p in d.paragraphs]
    for table in d.tables:
        for row in table.rows:
            parts.extend(c.text for c in row.cells)
    return "\n".join(parts)


@pytest.fixture
def run(schemas, tmp_path) -> RunReport:
    """Three submissions: a hostile-named idéprövning, a blank förslag, an unreadable file."""
    draft = WordDraft(OFFICIAL / "ideprovning.docx")
    draft.fill_field("Satsningens namn", HOSTILE)
    draft.fill_field("Kontaktperson", "Bo Lind")
    hostile = tmp_path / "hostile.docx"
    draft.save(hostile)
    broken = tmp_path / "trasig.docx"
    broken.write_bytes(b"not a zip at all")
    subs = []
    for path in (hostile, OFFICIAL / "forslag.xlsx", broken):
        report = check_document(path, schemas, display=path.name)
        subs.append(check_submission(path.name, [report], schemas))
    return RunReport(submissions=subs)


def test_context_has_what_a_memo_needs(run, schemas):
    ctx = memo_context(run, schemas, meeting="Beredningsgrupp 2026-12-03",
                       assessments={"hostile.docx": {"Bedömning": "Lovande", "Förslag till beslut": "Bifall",
                                                      "Egen kolumn": "Ja"}})
    first, blank, broken = ctx["submissions"]
    assert first["title"] == HOSTILE
    assert [c["id"] for c in first["criteria"]] == ["reellt_behov", "nya_arbetssatt", "samverkan",
                                                    "utfall_och_kostnad", "prioriteringar"]
    assert first["assessment"]["forslag"] == "Bifall"
    assert first["assessment"]["other"] == {"Egen kolumn": "Ja"}
    assert blank["status"] == "incomplete" and blank["findings"]
    assert broken["unreadable"] is True
    assert [f["code"] for f in broken["findings"]] == ["FILE_UNREADABLE"]
    assert ctx["totals"]["count"] == 3 and ctx["totals"]["unreadable"] == 1


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_a_finding_about_the_whole_file_names_no_place_in_the_memo(run, schemas, lang):
    """The memo leaves out "dokumentet" as a place, told from the finding's structured
    location (never by comparing the rendered words)."""
    whole = 0
    for sub in run.submissions:
        context = submission_context(sub, schemas, None, lang)
        findings = [*sub.findings, *(f for d in sub.documents for f in d.findings)]
        for row, f in zip(context["findings"], findings, strict=True):
            assert (row["location"] == "") is f.where.whole_document
            whole += f.where.whole_document
    assert 0 < whole < sum(len(s.all_findings) for s in run.submissions)  # both kinds are there


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("where", [
    Location(), Location(block=3), Location(sheet="Blad1"), Location(table=2), Location(heading="Syfte"),
    Location(label="Namn"), Location(paragraph=4), Location(table=2, row=3), Location(sheet="Blad1", row=5),
    Location(sheet="Blad1", cell="B4"), Location(position="after"), Location(heading="Syfte", position="before")])
def test_whole_document_is_the_place_described_as_the_document(where, lang):
    assert where.whole_document is (where.describe(lang) == messages.text("loc.document", lang))


@pytest.mark.parametrize("fmt", ["docx", "html", "md"])
def test_hostile_text_appears_literally(run, schemas, tmp_path, fmt):
    ctx = memo_context(run, schemas, meeting="Möte & <b>bold</b>")
    out = tmp_path / f"memo.{fmt}"
    render(ctx, fmt, out)
    if fmt == "docx":
        text = _docx_text(out)
        assert HOSTILE in text  # the XML was escaped, the text kept, nothing evaluated
        assert "Möte & <b>bold</b>" in text
        with zipfile.ZipFile(out) as z:
            assert "<script>" not in z.read("word/document.xml").decode()
    elif fmt == "html":
        html = out.read_text(encoding="utf-8")
        assert "{{ 7*7 }} &lt;script&gt;alert(1)&lt;/script&gt; ]]&gt; &amp; &#34;x&#34;" in html
        assert "<script>" not in html
        assert "Möte &amp; &lt;b&gt;bold&lt;/b&gt;" in html
    else:
        md = out.read_text(encoding="utf-8")
        assert "\\{\\{ 7\\*7 \\}\\} &lt;script&gt;" in md
        assert "<script>" not in md


def test_word_memo_uses_real_headings_and_tables(run, schemas, tmp_path):
    out = tmp_path / "memo.docx"
    render(memo_context(run, schemas, meeting="Styrgrupp"), "docx", out)
    d = docx.Document(str(out))
    styles = [(p.style.name, p.text) for p in d.paragraphs if p.text]
    assert styles[0][0] == "Title" and styles[1] == ("Subtitle", "Styrgrupp")
    headings = [t for s, t in styles if s == "Heading 1"]
    assert headings[0] == "Översikt"
    assert len([h for h in headings if h.startswith("Beredningsunderlag")]) == 3
    assert d.tables[0].style.name == "Light Grid Accent 1"
    overview = [[c.text for c in row.cells] for row in d.tables[0].rows]
    assert len(overview) == 1 + 3 + 1  # header, 3 rows, totals
    assert not any("{%" in t or "{{" in t for _, t in styles if HOSTILE not in t)
    assert d.core_properties.author == "socinv-docs"


def test_unreadable_submission_memo_says_so(run, schemas, tmp_path):
    out = tmp_path / "memo.md"
    render(memo_context(run, schemas), "md", out)
    broken_part = out.read_text(encoding="utf-8").split("trasig.docx")[-1]
    assert "FILE\\_UNREADABLE" not in broken_part  # codes are not shown, the message is
    assert "kunde inte läsas" in out.read_text(encoding="utf-8")


def test_edited_templates_change_the_output(run, schemas, tmp_path):
    exported = export_templates(tmp_path / "mallar")
    assert {p.name for p in exported} == {"memo.docx", "memo.html.j2", "memo.md.j2",
                                          "memo-en.docx", "memo-en.html.j2", "memo-en.md.j2",
                                          "uppfoljning.docx", "uppfoljning.html.j2", "uppfoljning.md.j2",
                                          "uppfoljning-en.docx", "uppfoljning-en.html.j2", "uppfoljning-en.md.j2"}
    html_template = tmp_path / "mallar" / "memo.html.j2"
    html_template.write_text(html_template.read_text(encoding="utf-8").replace("Översikt", "Överblick"),
                             encoding="utf-8")
    out = tmp_path / "memo.html"
    render(memo_context(run, schemas), "html", out, template=html_template)
    assert "Överblick" in out.read_text(encoding="utf-8")

    word_template = tmp_path / "mallar" / "memo.docx"
    d = docx.Document(str(word_template))
    heading = next(p for p in d.paragraphs if p.text == "Översikt")
    heading.runs[0].text = "Ärenden till mötet"
    d.save(str(word_template))
    out = tmp_path / "memo.docx"
    render(memo_context(run, schemas), "docx", out, template=word_template)
    assert "Ärenden till mötet" in _docx_text(out)
    # Exporting again never overwrites the secretary's edits.
    assert export_templates(tmp_path / "mallar") == []


A4_TWIPS = (11906, 16838)  # 210 × 297 mm in twentieths of a point, as Word writes it


def _page_sizes(path: Path) -> list[tuple[int, int]]:
    """(width, height) of every section of a .docx, in twips."""
    d = docx.Document(str(path))
    return [(round(s.page_width.twips), round(s.page_height.twips)) for s in d.sections]


def test_word_templates_and_memos_are_a4(run, schemas, tmp_path):
    shipped = [templates_dir() / name for name in ("memo.docx", "memo-en.docx", "uppfoljning.docx",
                                                   "uppfoljning-en.docx")]
    exported = [p for p in export_templates(tmp_path / "mallar") if p.suffix == ".docx"]
    assert len(exported) == 4
    for template in [*shipped, *exported]:
        assert _page_sizes(template) == [A4_TWIPS], template.name
        section = docx.Document(str(template)).sections[0]
        assert all(m.cm >= 1.5 for m in (section.left_margin, section.right_margin, section.top_margin,
                                         section.bottom_margin))
    out = tmp_path / "memo.docx"
    render(memo_context(run, schemas), "docx", out)
    assert set(_page_sizes(out)) == {A4_TWIPS}


def test_template_error_names_template_line_and_variable(run, schemas, tmp_path):
    template = tmp_path / "fel.html.j2"
    template.write_text("<h1>Möte</h1>\n{% for s in submissions %}\n<p>{{ s.titel }}</p>\n{% endfor %}\n",
                        encoding="utf-8")
    with pytest.raises(MemoError) as exc:
        render(memo_context(run, schemas), "html", tmp_path / "x.html", template=template)
    assert exc.value.key == "memo.template_error" and exc.value.params["variable"] == "titel"
    assert exc.value.params["where"] == msg("memo.where.line", template="fel.html.j2", line=3)
    assert not (tmp_path / "x.html").exists()  # nothing half-written


def test_syntax_error_and_sandbox(run, schemas, tmp_path):
    bad = tmp_path / "syntax.md.j2"
    bad.write_text("# Rubrik\n{% for s in submissions %}\n{{ s.title \n", encoding="utf-8")
    with pytest.raises(MemoError) as exc:
        render(memo_context(run, schemas), "md", tmp_path / "x.md", template=bad)
    assert exc.value.key == "memo.template_syntax"
    assert exc.value.params["where"]["params"]["template"] == "syntax.md.j2"
    escape = tmp_path / "escape.html.j2"
    escape.write_text("{{ ''.__class__.__mro__[1].__subclasses__() }}", encoding="utf-8")
    with pytest.raises(MemoError):
        render(memo_context(run, schemas), "html", tmp_path / "y.html", template=escape)


def test_default_templates_ship_with_the_package():
    names = {p.name for p in templates_dir().iterdir()}
    assert {"memo.docx", "memo.html.j2", "memo.md.j2", "memo-en.docx", "memo-en.html.j2", "memo-en.md.j2"} <= names


def test_memo_command_reads_the_groups_assessments_from_the_register(cli, tmp_path):
    """validate → the group types in the register → memo shows it (Excel-in)."""
    import shutil

    import openpyxl

    folder = tmp_path / "inkomna"
    folder.mkdir()
    shutil.copy(OFFICIAL / "forslag.xlsx", folder / "forslag.xlsx")
    shutil.copy(OFFICIAL / "ideprovning.docx", folder / "ide.docx")
    register = tmp_path / "register.xlsx"
    assert cli("validate", folder, "--register", register, "--jobs", "1").exit_code == 1
    wb = openpyxl.load_workbook(register)
    ws = wb["Ansökningar"]
    headers = [c.value for c in ws[1]]
    key = headers.index(ANS.header("submission", "sv"))
    row = next(r for r in ws.iter_rows(min_row=2) if r[key].value == "forslag.xlsx")
    row[headers.index("Bedömning")].value = "Behöver kompletteras"
    row[headers.index("Kommentar")].value = '=IF(1,"Avslås","")'  # a formula never computed
    row[headers.index("Förslag till beslut")].value = "Återremiss"
    ws.cell(row=1, column=len(headers) + 1, value="Handläggare")
    ws.cell(row=row[0].row, column=len(headers) + 1, value="Karin")
    wb.save(register)

    out = tmp_path / "underlag.md"
    result = cli("memo", folder, "--register", register, "--meeting", "Beredningsgrupp 2026-12-03", "-o", out)
    assert result.exit_code == 0, result.output
    md = out.read_text(encoding="utf-8")
    assert "Behöver kompletteras" in md and "Återremiss" in md and "Handläggare: Karin" in md
    assert "Kommentar: =IF(1,\"Avslås\",\"\")" in md  # no value was ever computed: the formula
    assert md.count("## Beredningsunderlag:") == 2
    # The memo is the tool's own output: a later validate of the folder skips it.
    (folder / "underlag.md").write_text(md, encoding="utf-8")
    again = cli("validate", folder, "--format", "json", "--jobs", "1").json
    assert len(again["submissions"]) == 2


def test_templates_export_command(cli, tmp_path):
    result = cli("templates", "export", tmp_path / "mallar")
    assert result.exit_code == 0
    assert sorted(p.name for p in (tmp_path / "mallar").iterdir()) == [
        "memo-en.docx", "memo-en.html.j2", "memo-en.md.j2", "memo.docx", "memo.html.j2", "memo.md.j2", "rapporter",
        "uppfoljning-en.docx", "uppfoljning-en.html.j2", "uppfoljning-en.md.j2", "uppfoljning.docx",
        "uppfoljning.html.j2", "uppfoljning.md.j2"]


def test_memo_refuses_a_template_of_another_format(cli, tmp_path):
    result = cli("memo", OFFICIAL / "forslag.xlsx", "--template", templates_dir() / "memo.md.j2",
                 "--format", "docx", "-o", tmp_path / "x.docx")
    assert result.exit_code == 2 and "Traceback" not in result.output


def test_memo_uses_the_value_excel_computed_for_a_formula(tmp_path):
    """Excel stores a formula and its last value; the memo shows the value."""
    import openpyxl

    from socinv_docs.render.register import read_group_values

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Ansökningar"
    ws.append(["Inskick", "Bedömning"])
    ws.append(["a.docx", '=IF(1,"Avslås","")'])
    path = tmp_path / "register.xlsx"
    wb.save(path)
    # Put the cached value in, as Excel does when it saves.
    import zipfile

    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"].decode()
    assert '<c r="B2"><f>' in sheet and "<v></v>" in sheet
    sheet = sheet.replace('<c r="B2"><f>', '<c r="B2" t="str"><f>', 1).replace("<v></v>", "<v>Avslås</v>", 1)
    parts["xl/worksheets/sheet1.xml"] = sheet.encode()
    with zipfile.ZipFile(path, "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)
    assert read_group_values(path) == {"a.docx": {"Bedömning": "Avslås"}}


def test_memo_refuses_an_output_name_of_another_format(cli, tmp_path):
    for name, extra in (("memo.pdf", []), ("x.docx", ["--format", "html"])):
        result = cli("memo", OFFICIAL / "forslag.xlsx", *extra, "-o", tmp_path / name)
        assert result.exit_code == 2
        assert not (tmp_path / name).exists()


# -- what a secretary hands out: kinds, files, tables, languages, one file per submission -----

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def samples_run(schemas) -> RunReport:
    from socinv_docs.validate import validate_folder

    return validate_folder(ROOT / "samples", schemas, jobs=1)


def test_kinds_are_labelled_as_what_they_are(samples_run, schemas):
    ctx = memo_context(samples_run, schemas)
    by_name = {s["name"]: s for s in ctx["submissions"]}
    expected = {"ansokan-komplett": "ansokan", "forslag-komplett.xlsx": "forslag",
                "ideprovning-komplett.docx": "ideprovning"}
    for name, kind in expected.items():
        assert by_name[name]["kind"] == kind
        assert by_name[name]["kind_label"] == schemas.kinds[kind].name.sv  # the kind's short name
    # A folder submission lists what it holds: the ansökan and its utvärderingsschema.
    assert by_name["ansokan-komplett"]["kinds"] == ", ".join(
        schemas.kinds[k].name.sv for k in ("ansokan", "utvarderingsschema"))
    english = memo_context(samples_run, schemas, lang="en")["submissions"]
    assert {s["kind_label"] for s in english} == {schemas.kinds[s["kind"]].name.en for s in english}
    assert {s["kind_label"] for s in english}.isdisjoint(s["kind_label"] for s in ctx["submissions"])


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_no_memo_shows_a_catalogue_key(samples_run, schemas, tmp_path, lang):
    """A word missing from the catalogue would show as its key ('register.kind.ansokan')."""
    import re

    from socinv_docs.rules.registry import RULES

    ctx = memo_context(samples_run, schemas, lang=lang)
    for fmt in FORMATS:
        out = render(ctx, fmt, tmp_path / f"memo{SUFFIXES[fmt]}", lang=lang)
        text = _docx_text(out) if fmt == "docx" else out.read_text(encoding="utf-8")
        keys_known = [*messages.CATALOGUE, *(key for rule in RULES.values() for key in rule.words)]
        prefixes = {key.split(".")[0] for key in keys_known if "." in key}
        keys = [k for k in re.findall(r"\b[a-z]+(?:\.[a-z_]+)+\b", text) if k.split(".")[0] in prefixes]
        assert not keys


def test_a_single_file_is_not_named_twice(samples_run, schemas, tmp_path):
    ctx = memo_context(samples_run, schemas)
    single = next(s for s in ctx["submissions"] if s["name"] == "ideprovning-luckor.docx")
    folder = next(s for s in ctx["submissions"] if s["name"] == "ansokan-komplett")
    assert single["folder"] is False and folder["folder"] is True
    # Where a problem is needs no file name when the submission is one file.
    assert single["findings"] and not any(f["where"].startswith(single["name"]) for f in single["findings"])
    for fmt in FORMATS:
        out = render(ctx, fmt, tmp_path / f"memo{SUFFIXES[fmt]}")
        text = _docx_text(out) if fmt == "docx" else out.read_text(encoding="utf-8")
        assert "ideprovning-luckor.docx (ideprovning-luckor.docx)" not in text
        assert "utvarderingsschema.xlsx" in text  # a folder's files are listed


def test_word_tables_keep_their_rows_together(samples_run, schemas, tmp_path):
    """No row is cut across pages, and every row but a table's last keeps with the next, so
    no table leaves a lone row on a page; a long table repeats its header row."""
    out = render(memo_context(samples_run, schemas), "docx", tmp_path / "memo.docx")
    d = docx.Document(str(out))
    assert len(d.tables) > 10
    for table in d.tables:
        rows = table._tbl.findall(f"{W}tr")
        for i, row in enumerate(rows):
            assert row.find(f"{W}trPr/{W}cantSplit") is not None
            kept = [p.find(f"{W}pPr/{W}keepNext") is not None for p in row.iter(f"{W}p")]
            assert all(kept) if i < len(rows) - 1 else not any(kept)
    loop_tables = [t for t in d.tables if t._tbl.find(f"{W}tr/{W}trPr/{W}tblHeader") is not None]
    assert len(loop_tables) >= 1 + len(samples_run.submissions)  # overview, findings or criteria, …


def test_word_memo_shows_savings_and_payback_where_there_are_savings(samples_run, schemas, tmp_path):
    """Örebro's ansökan has a savings table: its rows are in the Word memo (a funder
    without one, Gävleborg, gets its shares instead: test_gavleborg)."""
    ctx = memo_context(samples_run, schemas)
    with_savings = [s["economics"] for s in ctx["submissions"] if s["economics"] and s["economics"]["has_savings"]]
    assert with_savings
    text = _docx_text(render(ctx, "docx", tmp_path / "memo.docx"))
    for economics in with_savings:
        assert economics["savings"] in text and economics["ratio"] in text and economics["payback"] in text
    assert "{%" not in text and "{{" not in text


def test_each_memo_starts_on_a_new_page_in_the_word_file(samples_run, schemas, tmp_path):
    out = render(memo_context(samples_run, schemas), "docx", tmp_path / "memo.docx")
    assert _memo_starts(out) == [True] * len(samples_run.submissions)


def _memo_starts(path: Path) -> list[bool]:
    """For each beredningsunderlag heading: does a page break come right before it?"""
    body = docx.Document(str(path)).element.body
    paragraphs = list(body.iter(f"{W}p"))
    starts = []
    for i, p in enumerate(paragraphs):
        style = p.find(f"{W}pPr/{W}pStyle")
        if style is None or style.get(f"{W}val") != "Heading1" or i == 0:
            continue
        if "{{" in "".join(p.itertext()) or not _is_memo_heading(p):
            continue
        own = p.find(f"{W}pPr/{W}pageBreakBefore") is not None
        before = any(br.get(f"{W}type") == "page" for br in paragraphs[i - 1].iter(f"{W}br"))
        starts.append(own or before)
    return starts


def _is_memo_heading(p) -> bool:
    # The template's own first Heading 1 of the loop: every heading made from it has the same
    # words before the title; the overview heading has none of the submission's title.
    text = "".join(p.itertext())
    return ":" in text


def test_english_memos_use_the_english_templates(samples_run, schemas, cli, tmp_path):
    assert default_template("docx", "en").name == "memo-en.docx"
    for fmt in FORMATS:
        template = default_template(fmt, "en")
        assert template.is_file() and template != default_template(fmt, "sv")
        out = tmp_path / f"memo-en{SUFFIXES[fmt]}"
        result = cli("memo", OFFICIAL / "forslag.xlsx", "--lang", "en", "-o", out)
        assert result.exit_code == 0, result.output
        if fmt == "docx":
            assert docx.Document(str(out)).core_properties.language == "en-GB"
            heading = docx.Document(str(template)).paragraphs[1].text
            assert heading == docx.Document(str(out)).paragraphs[0].text  # the English title
        elif fmt == "html":
            assert '<html lang="en">' in out.read_text(encoding="utf-8")
        else:
            first = next(line for line in template.read_text(encoding="utf-8").splitlines()
                         if line.startswith("## ") and "{" not in line)
            assert first in out.read_text(encoding="utf-8")


def test_split_writes_one_memo_per_submission_beside_the_summary(cli, tmp_path):
    out, split = tmp_path / "underlag.docx", tmp_path / "diarium"
    result = cli("memo", ROOT / "samples", "-o", out, "--split", split, "--meeting", "Beredningsgrupp 2026-12-03")
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in split.iterdir())
    count = len(list((ROOT / "samples").iterdir()))  # a folder or a file: one submission each
    assert len(names) == count and all(n.endswith(".docx") for n in names)
    assert len({n.casefold() for n in names}) == count
    for stem in ("ansokan-komplett", "forslag-komplett", "ideprovning-luckor"):
        assert sum(stem in n for n in names) == 1  # named after the submission
    for path in split.iterdir():
        d = docx.Document(str(path))
        assert d.core_properties.author == "socinv-docs"
        assert [p.style.name for p in d.paragraphs if p.text][0] == "Heading 1"  # no summary, no blank page
        assert not any(br.get(f"{W}type") == "page" for br in d.element.body.iter(f"{W}br"))
        assert sum(p.style.name == "Heading 1" for p in d.paragraphs if p.text) == 1
    assert len(_memo_starts(out)) == count  # the meeting's memo is still whole


def _inkomna(tmp_path: Path) -> Path:
    """A folder of two submissions, as the group receives them."""
    import shutil

    folder = tmp_path / "inkomna"
    folder.mkdir()
    shutil.copy(OFFICIAL / "forslag.xlsx", folder / "forslag.xlsx")
    shutil.copy(OFFICIAL / "ideprovning.docx", folder / "Idé X.docx")
    return folder


@pytest.mark.parametrize("fmt", ["html", "md"])
def test_split_in_text_formats(cli, tmp_path, fmt):
    out, split = tmp_path / f"underlag.{fmt}", tmp_path / "diarium"
    assert cli("memo", _inkomna(tmp_path), "-o", out, "--split", split).exit_code == 0
    files = sorted(split.iterdir())
    assert len(files) == 2 and all(p.suffix == f".{fmt}" for p in files)
    whole = out.read_text(encoding="utf-8")
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert "socinv-docs" in text[:200]  # recognised as the tool's own by validate
        assert len(text) < len(whole)
        # One memo without the meeting summary (its title, the document's only top heading).
        assert "<h1>" not in text if fmt == "html" else not any(line.startswith("# ") for line in text.splitlines())


def test_split_never_overwrites_a_file_it_did_not_write(cli, tmp_path):
    split = tmp_path / "diarium"
    split.mkdir()
    out = tmp_path / "underlag.md"
    folder = _inkomna(tmp_path)
    assert cli("memo", folder, "-o", out, "--split", split).exit_code == 0
    assert cli("memo", folder, "-o", out, "--split", split).exit_code == 0  # our own memos are replaced
    victim = sorted(split.iterdir())[0]
    victim.write_text("the secretary's own notes", encoding="utf-8")  # no longer ours
    out.unlink()
    result = cli("memo", folder, "-o", out, "--split", split)
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert victim.read_text(encoding="utf-8") == "the secretary's own notes"
    assert not out.exists()  # nothing written at all


@pytest.mark.parametrize("name, expected", [
    ("Idé X.docx", "Idé X.docx"),
    ("a/b\\c:d*e?f\"g<h>i|j", "a_b_c_d_e_f_g_h_i_j"),
    ("Id\udce9 X", "Id\ufffd X"),  # a Latin-1 name read from an old share
    ("CON.docx", "_CON.docx"),
    (" . ", "_"),
    ("x" * 300, "x" * 120),
    ("rad\nett", "rad_ett"),
])
def test_safe_file_names(name, expected):
    assert safe_file_name(name) == expected


def test_split_names_are_unique():
    subs = [{"name": "a.docx", "folder": False}, {"name": "a.xlsx", "folder": False}, {"name": "a", "folder": True}]
    names = split_names(subs, "docx", "sv")
    assert len({n.casefold() for n in names}) == 3


def test_a_bad_register_is_the_memos_own_error(cli, tmp_path):
    """memo only reads the register: its error never speaks of overwriting it."""
    bad = tmp_path / "register.xlsx"
    bad.write_bytes(b"not a workbook")
    with pytest.raises(MemoError) as exc:
        read_assessments(bad)
    assert exc.value.key == "memo.register_unreadable"
    import openpyxl

    other = tmp_path / "annat.xlsx"
    openpyxl.Workbook().save(other)
    with pytest.raises(MemoError) as exc:
        read_assessments(other)
    assert exc.value.key == "memo.register_not_register"
    out = tmp_path / "x.md"
    for register in (bad, other):
        with pytest.raises(MemoError) as exc:
            read_assessments(register)
        result = cli("memo", OFFICIAL / "forslag.xlsx", "--register", register, "-o", out)
        assert result.exit_code == 2 and not out.exists()
        assert result.output.strip() == exc.value.text("sv")  # one line, the memo's own message

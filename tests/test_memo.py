"""Memos: rendered from editable templates in three formats, safe against hostile text."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest
from conftest import OFFICIAL
from docbuilder import WordDraft

from socinv_docs import messages
from socinv_docs.pipeline import check_document, check_submission
from socinv_docs.render.memo import MemoError, export_templates, memo_context, render, templates_dir
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
    assert styles[0] == ("Title", "Sammanställning – Styrgrupp")
    headings = [t for s, t in styles if s == "Heading 1"]
    assert headings[0] == "Översikt"
    assert len([h for h in headings if h.startswith("Beredningsunderlag")]) == 3
    assert d.tables[0].style.name == "Light Grid Accent 1"
    overview = [[c.text for c in row.cells] for row in d.tables[0].rows]
    assert overview[0][0] == "Ansökan" and len(overview) == 1 + 3 + 1  # header, 3 rows, totals
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
    assert {p.name for p in exported} == {"memo.docx", "memo.html.j2", "memo.md.j2"}
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


def test_template_error_names_template_line_and_variable(run, schemas, tmp_path):
    template = tmp_path / "fel.html.j2"
    template.write_text("<h1>Möte</h1>\n{% for s in submissions %}\n<p>{{ s.titel }}</p>\n{% endfor %}\n",
                        encoding="utf-8")
    with pytest.raises(MemoError) as exc:
        render(memo_context(run, schemas), "html", tmp_path / "x.html", template=template)
    assert "fel.html.j2:3" in str(exc.value) and "titel" in str(exc.value)
    assert not (tmp_path / "x.html").exists()  # nothing half-written


def test_syntax_error_and_sandbox(run, schemas, tmp_path):
    bad = tmp_path / "syntax.md.j2"
    bad.write_text("# Rubrik\n{% for s in submissions %}\n{{ s.title \n", encoding="utf-8")
    with pytest.raises(MemoError) as exc:
        render(memo_context(run, schemas), "md", tmp_path / "x.md", template=bad)
    assert "syntax.md.j2" in str(exc.value)
    escape = tmp_path / "escape.html.j2"
    escape.write_text("{{ ''.__class__.__mro__[1].__subclasses__() }}", encoding="utf-8")
    with pytest.raises(MemoError):
        render(memo_context(run, schemas), "html", tmp_path / "y.html", template=escape)


def test_default_templates_ship_with_the_package():
    names = {p.name for p in templates_dir().iterdir()}
    assert {"memo.docx", "memo.html.j2", "memo.md.j2"} <= names


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
    key = headers.index(messages.text("register.col.submission"))
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
    assert sorted(p.name for p in (tmp_path / "mallar").iterdir()) == ["memo.docx", "memo.html.j2", "memo.md.j2"]


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

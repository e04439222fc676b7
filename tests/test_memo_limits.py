"""Templates that go wrong: a syntax error is told in the template's own terms (in Word the
paragraph the secretary sees), and a template that divides by zero, loops for ever or builds a
gigabyte string is stopped with one line, exit 2 and nothing written. Asserts keys and
params, never wording."""

from __future__ import annotations

import time
from pathlib import Path

import docx
import pytest
from conftest import OFFICIAL

from socinv_docs.messages import msg
from socinv_docs.pipeline import check_document, check_submission
from socinv_docs.render.memo import MemoError, default_template, memo_context, render
from socinv_docs.report import RunReport


@pytest.fixture(scope="module")
def context(schemas) -> dict:
    report = check_document(OFFICIAL / "forslag.xlsx", schemas, display="forslag.xlsx")
    return memo_context(RunReport(submissions=[check_submission("forslag.xlsx", [report], schemas)]), schemas)


def _text_template(tmp_path: Path, body: str, fmt: str = "html") -> Path:
    path = tmp_path / f"mall.{fmt}.j2"
    path.write_text(body, encoding="utf-8")
    return path


def _docx_template(tmp_path: Path, paragraph: str, in_table: bool = False, footer: str | None = None) -> Path:
    """The default Word template with one paragraph (or table cell) added after the title."""
    d = docx.Document(str(default_template("docx")))
    anchor = d.paragraphs[1]
    if in_table:
        table = d.add_table(rows=1, cols=2)
        table.cell(0, 1).text = paragraph
        anchor._p.addnext(table._tbl)
    else:
        new = d.add_paragraph(paragraph)
        anchor._p.addnext(new._p)
    if footer is not None:
        d.sections[0].footer.paragraphs[0].text = footer
    path = tmp_path / "mall.docx"
    d.save(path)
    return path


def _error(context, template: Path, fmt: str, target: Path) -> MemoError:
    with pytest.raises(MemoError) as exc:
        render(context, fmt, target, template=template)
    assert not target.exists()  # nothing written, not even a part
    assert not list(target.parent.glob(f".{target.name}*"))  # nor a temporary file
    assert "\n" not in exc.value.text("sv") and "\n" not in exc.value.text("en")
    return exc.value


# -- syntax errors where the secretary sees them ----------------------------------------------

@pytest.mark.parametrize("source, problem", [
    ("<p>\n{% for s in submissions %}\n<p>{{ s.title }}</p>\n", msg("memo.syntax.unclosed_block", block="for")),
    ("<p>\n{{ s.title \n", None),
    ("<p>\n{% for s in submissions %}{% endif %}\n", None),
    ("<p>{% forr s in submissions %}</p>\n", msg("memo.syntax.unknown_tag", tag="forr")),
])
def test_syntax_errors_are_told_in_the_catalogues_words(context, tmp_path, source, problem):
    err = _error(context, _text_template(tmp_path, source), "html", tmp_path / "x.html")
    assert err.key == "memo.template_syntax"
    assert err.params["where"]["key"] == "memo.where.line"
    assert err.params["where"]["params"]["template"] == "mall.html.j2"
    assert err.params["problem"]["key"] != "memo.syntax.other"  # known: said in Swedish
    if problem is not None:
        assert err.params["problem"] == problem


@pytest.mark.parametrize("in_table", [False, True])
def test_a_word_template_error_names_the_paragraph_not_the_xml_line(context, tmp_path, in_table):
    template = _docx_template(tmp_path, "Möte: {{ meeting + }}", in_table=in_table)
    err = _error(context, template, "docx", tmp_path / "x.docx")
    assert err.key == "memo.template_syntax"
    assert err.params["where"] == msg("memo.where.paragraph", template="mall.docx", text="Möte: {{ meeting + }}")


def test_a_word_runtime_error_names_its_paragraph(context, tmp_path):
    template = _docx_template(tmp_path, "Andel: {{ totals.count / 0 }}")
    err = _error(context, template, "docx", tmp_path / "x.docx")
    assert err.key == "memo.template_zero_division"
    assert err.params["where"] == msg("memo.where.paragraph", template="mall.docx", text="Andel: {{ totals.count / 0 }}")


def test_an_error_in_the_footer_says_so(context, tmp_path):
    template = _docx_template(tmp_path, "", footer="Sida {{ sida }}")
    err = _error(context, template, "docx", tmp_path / "x.docx")
    assert err.key == "memo.template_error" and err.params["variable"] == "sida"
    assert err.params["where"]["key"] == "memo.where.footer"


# -- templates that misbehave: stopped, one line, exit 2, nothing written ---------------------

@pytest.mark.parametrize("source, key", [
    ("<p>\n{{ totals.count / 0 }}</p>", "memo.template_zero_division"),
    ("<p>\n{{ 1 // 0 }}</p>", "memo.template_zero_division"),
    ("<p>\n{% for i in range(10**9) %}.{% endfor %}</p>", "memo.template_range"),
    ("<p>\n{{ 'x' * 10**9 }}</p>", "memo.template_too_big"),
    ("<p>\n{{ ['x'] * 10**9 }}</p>", "memo.template_too_big"),
    ("<p>\n{{ 10 ** 100000000 }}</p>", "memo.template_too_big"),
    ("<p>\n{% set ns = namespace(s='x' * 9000000) %}{{ ns.s + ns.s }}</p>", "memo.template_too_big"),
    ("<p>\n{{ ''.__class__.__mro__ }}</p>", "memo.template_unsafe"),
    ("{% macro m() %}{{ m() }}{% endmacro %}\n{{ m() }}", "memo.template_recursion"),
])
def test_a_template_that_misbehaves_is_stopped_at_its_line(context, tmp_path, source, key):
    started = time.monotonic()
    err = _error(context, _text_template(tmp_path, source), "html", tmp_path / "x.html")
    assert err.key == key
    assert err.params["where"]["params"]["template"] == "mall.html.j2"
    assert time.monotonic() - started < 10


def test_a_gigabyte_string_hits_the_memory_ceiling(context, tmp_path, monkeypatch):
    # '~' joins strings without an operator the sandbox can watch: the child's memory cap stops it.
    monkeypatch.setenv("SOCINV_MAX_RENDER_MB", "300")
    source = "{% set ns = namespace(s='x') %}{% for i in range(40) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}{{ ns.s }}"
    err = _error(context, _text_template(tmp_path, source), "html", tmp_path / "x.html")
    assert err.key == "memo.template_memory" and err.params["limit_mb"] == 300


def test_a_template_that_loops_for_ever_is_stopped_in_time(context, tmp_path, monkeypatch):
    monkeypatch.setenv("SOCINV_MAX_RENDER_SECONDS", "0.5")
    source = "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}"
    started = time.monotonic()
    err = _error(context, _text_template(tmp_path, source), "html", tmp_path / "x.html")
    assert err.key == "memo.template_timeout" and err.params["seconds"] == 0.5
    assert time.monotonic() - started < 5


def test_the_command_says_it_in_one_line_and_exits_2(cli, tmp_path):
    template = _text_template(tmp_path, "<p>{{ 1 / 0 }}</p>")
    out, split = tmp_path / "underlag.html", tmp_path / "diarium"
    result = cli("memo", OFFICIAL / "forslag.xlsx", "--template", template, "-o", out, "--split", split)
    assert result.exit_code == 2
    assert len(result.output.strip().splitlines()) == 1 and "Traceback" not in result.output
    assert not out.exists() and not split.exists()


def test_normal_templates_render_within_the_limits(context, tmp_path):
    for fmt in ("docx", "html", "md"):
        started = time.monotonic()
        render(context, fmt, tmp_path / f"memo.{fmt}")
        assert time.monotonic() - started < 5

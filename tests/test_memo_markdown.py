"""Markdown memos: whatever an applicant wrote (newlines, a line that starts with '-', '+',
'1.', '#', '>' or '|') stays text. It never ends a table row, starts a list item, a heading or
a quote. The memo is parsed with a CommonMark parser (markdown-it-py, with GFM tables) and its
block structure compared with the same memo made from harmless text."""

from __future__ import annotations

import copy
from html import escape

import pytest
from conftest import OFFICIAL
from markdown_it import MarkdownIt

from socinv_docs.pipeline import check_document, check_submission
from socinv_docs.render.memo import memo_context, render
from socinv_docs.render.memo.markdown import md_escape
from socinv_docs.report import RunReport

HOSTILE = "första raden\n- ett listobjekt?\n+ ett till\n1. numrerat\n10) också\n# rubrik?\n> citat?\n| a | b |\n===\n---\nsista"
PARSER = MarkdownIt("commonmark").enable("table")


@pytest.fixture(scope="module")
def context(schemas) -> dict:
    subs = []
    for path in (OFFICIAL / "ideprovning.docx", OFFICIAL / "forslag.xlsx"):
        report = check_document(path, schemas, display=path.name)
        subs.append(check_submission(path.name, [report], schemas))
    return memo_context(RunReport(submissions=subs), schemas)


def _with_text(context: dict, text: str) -> dict:
    """Applicant text in every kind of place: a table cell (overview, criteria, findings), a
    list item (contact, the group's own columns), a heading (the title)."""
    ctx = copy.deepcopy(context)
    for sub in ctx["submissions"]:
        sub["title"] = sub["contact"] = sub["applicant"] = text
        sub["assessment"]["kommentar"] = text
        sub["assessment"]["other"] = {"Egen kolumn": text}
        for c in sub["criteria"]:
            c["motivation"] = text
        for f in sub["findings"]:
            f["message"] = text
    return ctx


def _blocks(md: str) -> list[tuple[str, str]]:
    """The memo's block structure: every block token (not the inline text inside them)."""
    return [(t.type, t.tag) for t in PARSER.parse(md) if t.type != "inline"]


def _texts(md: str) -> str:
    """The text a reader sees, line by line (escapes resolved, breaks as newlines)."""
    words = {"softbreak": "\n", "hardbreak": "\n"}
    return "\n".join("".join(words.get(c.type, c.content) for c in t.children or [])
                     for t in PARSER.parse(md) if t.type == "inline")


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_applicant_text_never_changes_the_memos_structure(context, tmp_path, lang):
    harmless = tmp_path / "harmless.md"
    hostile = tmp_path / "hostile.md"
    render(_with_text(context, "vanlig text"), "md", harmless, lang=lang)
    render(_with_text(context, HOSTILE), "md", hostile, lang=lang)
    md = hostile.read_text(encoding="utf-8")
    assert _blocks(md) == _blocks(harmless.read_text(encoding="utf-8"))
    # Every line of the applicant's text is still there, as text.
    shown = _texts(md)
    for line in HOSTILE.splitlines():
        assert line in shown


def test_newlines_become_breaks_in_tables_and_in_text(context, tmp_path):
    out = tmp_path / "memo.md"
    render(_with_text(context, "rad ett\nrad två"), "md", out)
    html = PARSER.render(out.read_text(encoding="utf-8"))
    assert "<td>rad ett<br>rad två</td>" in html  # a table cell: an HTML line break
    assert "rad ett<br />\nrad två" in html  # running text and list items: a hard line break
    assert "<h2>" in html and "rad ett rad två</h2>" in html  # a heading stays one line


@pytest.mark.parametrize("value", ["- x", "+ x", "1. x", "10) x", "# x", "> x", "| x |", "===", "---", "```", "~~~",
                                   "    kod", "*x*", "_x_", "`x`", "[a](b)", "![a](b)", "<b>x</b>", "&amp;", "\\", "a\\"])
def test_escaped_values_read_back_as_themselves(value):
    """Alone on a line, where it could start anything, an escaped value is one paragraph of
    exactly its own text."""
    html = PARSER.render(str(md_escape(value)))
    assert html == f"<p>{escape(value.strip(), quote=False)}</p>\n"


def test_the_private_newline_mark_cannot_be_forged(context, tmp_path):
    out = tmp_path / "memo.md"
    render(_with_text(context, "a\ue000| b |"), "md", out)
    assert "\ue000" not in out.read_text(encoding="utf-8")
    assert _blocks(out.read_text(encoding="utf-8")) == _blocks(
        render(_with_text(context, "vanlig text"), "md", tmp_path / "plain.md").read_text(encoding="utf-8"))

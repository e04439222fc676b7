"""Numbers for people (socinv_docs/fmt.py, through Babel): amounts in kronor never wrap, other
numbers follow the reader's language, counted words take the CLDR plural form. The formatted
number is the data under test here; message wording around it is never asserted."""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile

import pytest
from conftest import ROOT

from socinv_docs import fmt, messages

NBSP = "\u00a0"
# Two digit groups split by anything that may wrap (a plain or thin space): '1 250 000 kr'.
WRAPPABLE_AMOUNT = re.compile(r"\d[ \u2009\u202f]\d{3}(?!\d)|\d[ \u2009\u202f]kr\b")
AMOUNT = re.compile(r"\d{1,3}(?:\u00a0\d{3})+\u00a0kr")


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_kronor_are_swedish_style_with_no_break_spaces_in_both_languages(lang):
    assert fmt.kronor(1_250_000, lang) == f"1{NBSP}250{NBSP}000{NBSP}kr"
    assert fmt.kronor(999.6, lang) == f"1{NBSP}000{NBSP}kr"  # whole kronor
    assert fmt.kronor(0, lang) == f"0{NBSP}kr"
    assert fmt.kronor(None, lang) == "–"


def test_other_numbers_follow_the_language():
    assert fmt.number(2.5, lang="sv") == "2,5" and fmt.number(2.5, lang="en") == "2.5"
    assert fmt.number(1.456, lang="sv") == "1,46" and fmt.number(1.456, lang="en") == "1.46"
    assert fmt.number(12_000, lang="sv") == f"12{NBSP}000" and fmt.number(12_000, lang="en") == "12,000"
    assert fmt.number(3.0, lang="sv") == "3" and fmt.number(3, decimals=0, lang="en") == "3"
    assert fmt.number(None) == "–"
    assert fmt.percent(0.5, "sv") == f"50{NBSP}%" and fmt.percent(0.255, "en") == "25.5%"


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_counted_words_take_the_plural_form_cldr_gives(lang):
    one, other = (messages._entry("ui.word.warning", lang).message, messages._entry("ui.word.warning", lang).hint)
    assert fmt.plural_form(1, lang) == "one" and fmt.plural_form(0, lang) == fmt.plural_form(2, lang) == "other"
    assert messages.counts(0, 1, lang).endswith(f"1 {one}")
    assert messages.counts(0, 2, lang).endswith(f"2 {other}")
    assert messages.counts(0, 0, lang).endswith(f"0 {other}")
    assert messages.counts(0, 1000, lang).endswith(f"{fmt.number(1000, lang=lang)} {other}")


def test_catalogue_amounts_never_wrap():
    from socinv_docs.codes import Code
    from socinv_docs.rules.registry import owner

    savings = messages.catalogue(owner(Code.SAVINGS_BELOW_COST).words)  # a rule's words, beside its check
    fields = messages.catalogue(owner(Code.FIELD_INVALID).words)
    for lang in ("sv", "en"):
        text = savings.text("SAVINGS_BELOW_COST", lang, savings=4_000_000, horizon=10, cost=4_500_000)
        assert AMOUNT.search(text) and not WRAPPABLE_AMOUNT.search(text)
        example = fields.hint("type.amount", lang)
        assert not WRAPPABLE_AMOUNT.search(example)


def test_babel_is_not_imported_at_start_up():
    """`socinv --help` and a check that formats no number do not pay for Babel's import."""
    code = "import sys, socinv_docs.cli, socinv_docs.messages; assert 'babel' not in sys.modules, 'babel'"
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


def _no_wrappable_amount(text: str) -> str:
    bad = WRAPPABLE_AMOUNT.findall(text)
    assert not bad, bad
    return text


def test_amounts_in_every_output_use_no_break_spaces(cli, tmp_path):
    """ansokan-luckor's costs do not add up: its COSTS_INCONSISTENT message holds amounts.
    Console text, JSON messages, the register's text cells, the annotated copy and the memo
    all print them with no-break spaces."""
    import openpyxl

    source = ROOT / "samples" / "ansokan-luckor" / "ansokan.docx"
    text = cli("check", source).stdout
    assert AMOUNT.search(text)
    _no_wrappable_amount(text)
    report = cli("check", source, "--format", "json", "--lang", "en").json
    costs = [f for f in report["findings"] if f["code"] == "COSTS_INCONSISTENT"]
    assert costs and all(AMOUNT.search(f["message"]) for f in costs)
    _no_wrappable_amount("\n".join(f["message"] + f["hint"] for f in report["findings"]))

    copy = tmp_path / "granskad.docx"
    cli("check", source, "--annotate", copy)
    with zipfile.ZipFile(copy) as z:
        comments = z.read("word/comments.xml").decode()
    assert AMOUNT.search(comments)
    _no_wrappable_amount(comments)

    folder = tmp_path / "inkomna"
    folder.mkdir()
    (folder / "ansokan.docx").write_bytes(source.read_bytes())
    register = tmp_path / "register.xlsx"
    cli("validate", folder, "--register", register, "--jobs", "1")
    wb = openpyxl.load_workbook(register)
    cells = [str(c.value) for row in wb["Brister"].iter_rows() for c in row if isinstance(c.value, str)]
    assert any(AMOUNT.search(c) for c in cells)
    _no_wrappable_amount("\n".join(cells))

    memo = tmp_path / "memo.md"
    cli("memo", source, "-o", memo)
    md = memo.read_text(encoding="utf-8")
    assert AMOUNT.search(md)
    _no_wrappable_amount(md)

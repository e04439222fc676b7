"""Word memos as people get them: from a template a secretary opened and saved in LibreOffice
Writer, printed (converted to PDF by LibreOffice and read back with poppler's pdftotext).

Run where LibreOffice (soffice) and poppler (pdftotext) are installed, as on the developers'
machines and in CI where they can be installed (.ci/run); skipped with the reason elsewhere.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from conftest import ROOT
from test_memo import _memo_starts

from socinv_docs.render.memo import default_template, memo_context, render

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
PDFTOTEXT = shutil.which("pdftotext")
pytestmark = [pytest.mark.libreoffice, pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")]
needs_pdftotext = pytest.mark.skipif(PDFTOTEXT is None, reason="poppler's pdftotext is not installed")

MEETING = "Beredningsgrupp för sociala investeringar 2026-12-03"  # long, to test the footer


@pytest.fixture(scope="module")
def office(tmp_path_factory):
    """soffice --headless --convert-to, with a profile of its own (other LibreOffice runs on
    the machine, a developer's or another test's, must not share or lock it). Several files
    go in one call: each start of LibreOffice costs seconds."""
    profile = tmp_path_factory.mktemp("lo-profile")

    def convert(sources: list[Path], to: str, outdir: Path) -> list[Path]:
        outdir.mkdir(parents=True, exist_ok=True)
        subprocess.run([SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", to,
                        "--outdir", str(outdir), *map(str, sources)], check=True, capture_output=True, timeout=300)
        results = [outdir / f"{source.stem}.{to}" for source in sources]
        for result in results:
            assert result.is_file(), f"LibreOffice wrote no {result.name}"
        return results

    return convert


def _old_template(target: Path) -> Path:
    """The default template as it was before the break moved out of the heading: 'page break
    before' on the memo heading, right after the {%p for %} paragraph."""
    d = docx.Document(str(default_template("docx")))
    paragraphs = d.paragraphs
    i = next(i for i, p in enumerate(paragraphs) if p.text.startswith("{%p for s in submissions"))
    breaker, heading = paragraphs[i + 1], paragraphs[i + 2]
    breaker._p.getparent().remove(breaker._p)
    heading.paragraph_format.page_break_before = True
    d.save(target)
    return target


@pytest.fixture(scope="module")
def memos(office, schemas, tmp_path_factory) -> dict[str, Path]:
    """Today's default template and an old one, each opened and saved in LibreOffice (no
    edits), and a memo of the samples from each; then the first memo printed to PDF."""
    from socinv_docs.validate import validate_folder

    work = tmp_path_factory.mktemp("resaved")
    run = validate_folder(ROOT / "samples", schemas, jobs=1)
    context = memo_context(run, schemas, meeting=MEETING)
    today, old = office([default_template("docx"), _old_template(work / "gammal.docx")], "docx", work / "saved")
    out = {"count": len(run.submissions),
           "today": render(context, "docx", work / "memo.docx", template=today),
           "old": render(context, "docx", work / "memo-old.docx", template=old)}
    if PDFTOTEXT:
        out["pdf"] = office([out["today"]], "pdf", work / "pdf")[0]
    return out


def _pages(pdf: Path) -> list[list[str]]:
    text = subprocess.run([PDFTOTEXT, "-layout", str(pdf), "-"], check=True, capture_output=True,
                          timeout=60).stdout.decode("utf-8")
    return [[line.strip() for line in page.splitlines() if line.strip()] for page in text.split("\f") if page.strip()]


def _memo_headings(path: Path) -> list[str]:
    d = docx.Document(str(path))
    return [p.text for p in d.paragraphs if p.style.name == "Heading 1" and ":" in p.text]


def test_page_breaks_survive_a_template_saved_in_libreoffice(memos):
    assert _memo_starts(memos["today"]) == [True] * memos["count"]


def test_an_old_template_saved_in_libreoffice_keeps_its_breaks(memos):
    """Templates exported before the break moved out of the heading: LibreOffice put the
    heading's 'page break before' into the {%p for %} paragraph. The memo still breaks."""
    assert _memo_starts(memos["old"]) == [True] * memos["count"]


@needs_pdftotext
def test_each_memo_starts_on_its_own_page_when_printed(memos):
    pages = _pages(memos["pdf"])
    headings = _memo_headings(memos["today"])
    assert len(headings) == memos["count"]
    starts = [i for i, page in enumerate(pages) if any(page[0].startswith(h[:40]) for h in headings)]
    assert len(starts) == len(headings)  # every memo's heading opens a page
    assert starts[0] == 1  # right after the meeting summary


@needs_pdftotext
def test_the_footer_is_one_line_with_the_meeting_and_the_page(memos):
    pages = _pages(memos["pdf"])
    for number, page in enumerate(pages, start=1):
        footer = page[-1]
        assert MEETING in footer, footer
        assert re.search(rf"\b{number}\b\D+\b{len(pages)}\s*$", footer), footer

"""Legacy Office files: some funders still publish .xls forms.

A .xls is read with xlrd into the same blocks as an .xlsx. The files here are real: the
official templates and samples saved by LibreOffice itself (`soffice --headless
--convert-to xls`), so the module is skipped where LibreOffice is not installed.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from socinv_docs.pipeline import check_document

ROOT = Path(__file__).resolve().parent.parent
OFFICIAL = ROOT / "tests" / "data" / "official"
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed: it makes the "
                                                        ".xls files")
# The official templates, and a filled sample of each format with gaps (LibreOffice's start
# is most of the time here: each file more costs little, but the suite must stay fast).
WORKBOOKS = sorted([*OFFICIAL.glob("*.xlsx"), ROOT / "samples" / "forslag-luckor.xlsx",
                    ROOT / "samples" / "ansokan-komplett" / "utvarderingsschema.xlsx"])


def _name(path: Path) -> str:
    return f"{path.parent.name}-{path.stem}"


def _save_as(sources: list[Path], suffix: str, out: Path, profile: Path) -> None:
    subprocess.run([SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
                    "--convert-to", suffix, "--outdir", str(out), *map(str, sources)],
                   stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=300,
                   check=True)


@pytest.fixture(scope="module")
def legacy_files():
    """{source: its .xls}, made once by LibreOffice."""
    with tempfile.TemporaryDirectory(prefix="socinv-legacy-test-") as tmp:
        tmp = Path(tmp)
        staged = tmp / "in"
        staged.mkdir()
        workbooks = {src: shutil.copyfile(src, staged / f"{_name(src)}.xlsx") for src in WORKBOOKS}
        out = tmp / "out"
        _save_as(list(workbooks.values()), "xls", out, tmp / "profil")
        made = {src: out / f"{_name(src)}.xls" for src in WORKBOOKS}
        assert all(p.is_file() for p in made.values()), "LibreOffice did not write every file"
        yield made


def outcome(report) -> tuple:
    sections = {sid: s.state.value for sid, s in report.document.sections.items()} if report.document else {}
    fields = {fid: f.value for fid, f in report.document.fields.items()} if report.document else {}
    return report.kind, report.status.value, sections, fields, sorted(f.key for f in report.findings)


@pytest.mark.parametrize("source", WORKBOOKS, ids=_name)
def test_xls_gives_the_findings_of_the_xlsx(schemas, legacy_files, source):
    xls = legacy_files[source]
    with xls.open("rb") as fh:
        assert fh.read(8) == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # a real BIFF workbook in an OLE container
    report = check_document(xls, schemas)
    assert report.kind is not None
    assert outcome(report) == outcome(check_document(source, schemas))


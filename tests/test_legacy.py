"""Legacy Office files: some funders still publish .xls forms, and applicants still save .doc.

A .xls is read with xlrd into the same blocks as an .xlsx; a .doc is read where LibreOffice
is installed, after it converts a copy to .docx, and the report says so. The files here are
real: the official templates and the samples saved by LibreOffice itself
(`soffice --headless --convert-to xls` / `doc`), so the module is skipped where LibreOffice
is not installed.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path

import pytest
from conftest import ole_file

from socinv_docs import messages
from socinv_docs.pipeline import check_document

ROOT = Path(__file__).resolve().parent.parent
OFFICIAL = ROOT / "tests" / "data" / "official"
FOREIGN = ROOT / "tests" / "data" / "foreign"
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = [pytest.mark.libreoffice,
              pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed: it makes the "
                                                         ".xls/.doc files and converts .doc")]
# The official templates, and a filled sample of each format with gaps (LibreOffice's start
# is most of the time here: each file more costs little, but the suite must stay fast).
WORKBOOKS = sorted([*OFFICIAL.glob("*.xlsx"), ROOT / "samples" / "forslag-luckor.xlsx",
                    ROOT / "samples" / "ansokan-komplett" / "utvarderingsschema.xlsx"])
DOCUMENTS = sorted([*OFFICIAL.glob("*.docx"), ROOT / "samples" / "ideprovning-luckor.docx"])


def _name(path: Path) -> str:
    return f"{path.parent.name}-{path.stem}"


def _save_as(sources: list[Path], suffix: str, out: Path, profile: Path) -> None:
    subprocess.run([SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
                    "--convert-to", suffix, "--outdir", str(out), *map(str, sources)],
                   stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=300,
                   check=True)


def _ending_with_a_paragraph(source: Path, dest: Path) -> Path:
    """`source` with an empty paragraph after its last table, as Word always writes a body.
    The templates end with a table; LibreOffice's Word 97 export turns such a last table into
    one paragraph of run-together text, which no Word-made .doc holds."""
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename == "word/document.xml":
                end = data.rfind(b"<w:sectPr")
                data = data[:end] + b"<w:p/>" + data[end:]
            zout.writestr(info, data)
    return dest


@pytest.fixture(scope="module")
def legacy_files():
    """{source: its .xls or .doc}, made once by LibreOffice (two runs of soffice)."""
    with tempfile.TemporaryDirectory(prefix="socinv-legacy-test-") as tmp:
        tmp = Path(tmp)
        staged = tmp / "in"
        staged.mkdir()
        workbooks = {src: shutil.copyfile(src, staged / f"{_name(src)}.xlsx") for src in WORKBOOKS}
        documents = {src: _ending_with_a_paragraph(src, staged / f"{_name(src)}.docx") for src in DOCUMENTS}
        out = tmp / "out"
        _save_as(list(workbooks.values()), "xls", out, tmp / "profil")
        _save_as(list(documents.values()), "doc", out, tmp / "profil")
        made = {src: out / f"{_name(src)}.xls" for src in WORKBOOKS}
        made |= {src: out / f"{_name(src)}.doc" for src in DOCUMENTS}
        made |= {("docx", src): docx for src, docx in documents.items()}
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
    assert report.converted is None  # read as it is, nothing converted


def test_doc_read_after_libreoffice_converts_it(schemas, legacy_files, tmp_path):
    """One .doc through the conversion (a few seconds): the findings of the .docx it was
    made from, the report saying so (JSON key, a line in the text report), the input
    untouched, nothing left behind."""
    from socinv_docs.render.text import document_text

    source = ROOT / "samples" / "ideprovning-luckor.docx"
    doc = tmp_path / "ideprovning.doc"
    shutil.copyfile(legacy_files[source], doc)
    before = hashlib.sha256(doc.read_bytes()).hexdigest()
    leftovers = set(Path(tempfile.gettempdir()).glob("socinv-doc-*"))
    report = check_document(doc, schemas)
    assert outcome(report) == outcome(check_document(legacy_files[("docx", source)], schemas))
    assert report.status.value == "incomplete"  # the sample's gaps are found in the .doc too
    assert report.converted == "libreoffice"
    assert report.to_json()["converted"] == "libreoffice"
    assert messages.text("ui.converted.libreoffice", "sv") in document_text(report, schemas, "sv").splitlines()
    assert hashlib.sha256(doc.read_bytes()).hexdigest() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ideprovning.doc"]  # no lock file beside it
    assert set(Path(tempfile.gettempdir()).glob("socinv-doc-*")) == leftovers


def test_doc_without_libreoffice_is_legacy(schemas, legacy_files, monkeypatch):
    """Where LibreOffice is not installed a .doc stays unreadable, with how to save it as .docx."""
    from socinv_docs.readers import legacy

    monkeypatch.setattr(legacy, "libreoffice", lambda: None)
    report = check_document(legacy_files[OFFICIAL / "ideprovning.docx"], schemas)
    (finding,) = report.findings
    assert finding.params["reason_key"] == "unreadable.legacy"
    assert finding.params["legacy"] == "doc"


def test_doc_libreoffice_cannot_read_is_reported(schemas, tmp_path):
    """A container with a WordDocument stream that holds no Word document: LibreOffice writes
    nothing, and the report says the conversion failed."""
    path = ole_file(tmp_path / "trasig.doc", {"WordDocument": b"inget Word-dokument"})
    (finding,) = check_document(path, schemas).findings
    assert finding.params["reason_key"] == "unreadable.conversion_failed"


def test_doc_with_its_stream_named_in_lower_case_is_read(schemas):
    """OLE names ignore case: a .doc whose stream is "worddocument" (apache/poi's 47950_lower.doc)
    is a .doc like any other, converted and read, not "legacy, not read here"."""
    report = check_document(FOREIGN / "apache+poi__47950_lower.doc", schemas)
    assert report.converted == "libreoffice"
    assert [f.code.value for f in report.findings] == ["KIND_UNKNOWN"]  # read; not one of our templates


def test_legacy_files_cannot_be_annotated(cli, legacy_files, tmp_path):
    """A copy with comments is written into the file's own package; a .xls has none: the
    command says so (exit as for the check) rather than failing with a traceback."""
    xls = legacy_files[OFFICIAL / "forslag.xlsx"]
    result = cli("check", xls, "--annotate", tmp_path / "granskad.xls")
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    assert not (tmp_path / "granskad.xls").exists()

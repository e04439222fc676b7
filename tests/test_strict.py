"""ISO Strict Open XML: Word's "Strict Open XML Document" and Excel's "Strict Open XML
Spreadsheet" are the same markup under other namespace names. A municipality may have Word
save Strict by policy, so a Strict draft must give the same findings as the transitional
one. LibreOffice cannot save Strict, so the Strict files are made here the way Word and
Excel write them: every transitional namespace and relationship type renamed to its Strict
name (ECMA-376 Part 1), the package's own names (OPC) left as they are.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest

from socinv_docs.pipeline import check_document

ROOT = Path(__file__).resolve().parent.parent
FILES = sorted([*(ROOT / "tests" / "data" / "official").glob("*.*x"), *(ROOT / "samples").rglob("*.*x")])
# http://schemas.openxmlformats.org/<area>/2006/<name>  ->  http://purl.oclc.org/ooxml/<area>/<name>
# (relationship types keep their last segment: .../officeDocument/relationships/worksheet).
_TRANSITIONAL = re.compile(rb"http://schemas\.openxmlformats\.org/(?!package/)([A-Za-z]+)/2006/([A-Za-z]+)")


def strict_copy(source: Path, dest: Path) -> Path:
    """`source` as Word or Excel would save it in Strict Open XML."""
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename.endswith((".xml", ".rels")):
                data = _TRANSITIONAL.sub(rb"http://purl.oclc.org/ooxml/\1/\2", data)
            zout.writestr(info, data)
    return dest


def outcome(report) -> tuple:
    """What a check says, as data: kind, status, section states, field values, findings."""
    sections = {sid: s.state.value for sid, s in report.document.sections.items()} if report.document else {}
    fields = {fid: f.value for fid, f in report.document.fields.items()} if report.document else {}
    return report.kind, report.status.value, sections, fields, sorted(f.key for f in report.findings)


@pytest.mark.parametrize("source", FILES, ids=[f.name for f in FILES])
def test_strict_file_gives_the_same_findings(schemas, tmp_path, source):
    strict = strict_copy(source, tmp_path / f"strikt-{source.name}")
    with zipfile.ZipFile(strict) as z:  # it really is Strict: no transitional name left in the main parts
        main = "word/document.xml" if source.suffix == ".docx" else "xl/workbook.xml"
        assert b"purl.oclc.org/ooxml" in z.read(main)
        assert b"schemas.openxmlformats.org/wordprocessingml" not in z.read(main)
        assert b"schemas.openxmlformats.org/spreadsheetml" not in z.read(main)
    expected = check_document(source, schemas)
    assert expected.kind is not None
    assert outcome(check_document(strict, schemas)) == outcome(expected)


def test_strict_file_is_never_read_as_empty(schemas, tmp_path):
    """With --kind, a Strict förslag was called one with every section missing (0 cells read)."""
    source = ROOT / "samples" / "forslag-komplett.xlsx"
    strict = strict_copy(source, tmp_path / "strikt.xlsx")
    report = check_document(strict, schemas, kind="forslag")
    assert report.status.value == "complete"
    assert not any(s.state.value == "missing" for s in report.document.sections.values())


def test_strict_annotated_word_copy_finds_its_blocks(schemas, tmp_path):
    """The Word annotator parses the body as the reader does (docx_reader.parse_xml), so the
    blocks a finding points at are found in a Strict document too."""
    from socinv_docs.readers.docx_reader import parse_xml, walk_body
    from socinv_docs.readers.xlsx_reader import S  # noqa: F401  (the readers import cleanly)

    source = ROOT / "samples" / "ideprovning-luckor.docx"
    strict = strict_copy(source, tmp_path / "strikt.docx")
    with zipfile.ZipFile(source) as a, zipfile.ZipFile(strict) as b:
        plain = walk_body(parse_xml(a.read("word/document.xml")).find(
            "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}body"))
        mapped = walk_body(parse_xml(b.read("word/document.xml")).find(
            "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}body"))
    assert [x.text for x in mapped] == [x.text for x in plain] and plain

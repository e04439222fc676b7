"""Each limit in socinv_docs/limits.py is enforced, and each can be changed through its
environment variable (a beredningsgrupp with unusually large attachments raises a limit
without a code change). Files are built small in tmp_path; the limits are lowered to meet
them rather than the files grown to meet the defaults.
"""

from __future__ import annotations

import dataclasses
import time
import zipfile
from pathlib import Path

import pytest

from socinv_docs.limits import Limits
from socinv_docs.pipeline import check_document

OFFICIAL = Path(__file__).resolve().parent / "data" / "official"
DOCX = OFFICIAL / "ansokan.docx"
XLSX = OFFICIAL / "utvarderingsschema.xlsx"

ENV = {
    "max_file_bytes": "SOCINV_MAX_FILE_BYTES",
    "max_inflated_bytes": "SOCINV_MAX_INFLATED_BYTES",
    "max_xml_part_bytes": "SOCINV_MAX_XML_PART_BYTES",
    "max_members": "SOCINV_MAX_MEMBERS",
    "max_ratio": "SOCINV_MAX_RATIO",
    "max_cells": "SOCINV_MAX_CELLS",
    "max_seconds": "SOCINV_MAX_SECONDS",
    "max_xml_depth": "SOCINV_MAX_XML_DEPTH",
    "max_text_chars": "SOCINV_MAX_TEXT_CHARS",
}


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch):
    for name in ENV.values():
        monkeypatch.delenv(name, raising=False)


def reason(path: Path, schemas, limits: Limits | None = None) -> str | None:
    """The FILE_UNREADABLE reason key, or None when the file was read."""
    report = check_document(path, schemas, limits=limits)
    for finding in report.findings:
        if finding.code.value == "FILE_UNREADABLE":
            return finding.params["reason_key"]
    return None


def with_member(tmp_path: Path, name: str, data: bytes, template: Path = DOCX) -> Path:
    dest = tmp_path / f"med_{Path(name).name}{template.suffix}"
    with zipfile.ZipFile(template) as zin, zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zout.writestr(info.filename, zin.read(info.filename))
        zout.writestr(name, data)
    return dest


def test_every_limit_has_an_environment_variable():
    assert {f.name for f in dataclasses.fields(Limits)} == set(ENV)


@pytest.mark.parametrize("field", sorted(ENV))
def test_environment_overrides_each_limit(monkeypatch, field):
    default = getattr(Limits(), field)
    monkeypatch.setenv(ENV[field], "7")
    assert getattr(Limits.from_env(), field) == 7
    for bad in ("", "många", "0", "-5"):  # a typo never turns a limit off, nor to zero
        monkeypatch.setenv(ENV[field], bad)
        assert getattr(Limits.from_env(), field) == default
    monkeypatch.setenv(ENV[field], "1_000")
    assert getattr(Limits.from_env(), field) == 1000


def test_seconds_may_be_fractional(monkeypatch):
    monkeypatch.setenv("SOCINV_MAX_SECONDS", "2.5")
    assert Limits.from_env().max_seconds == 2.5


def test_defaults_read_the_official_templates(schemas):
    for template in OFFICIAL.iterdir():
        assert reason(template, schemas) is None, template.name


def test_max_file_bytes(schemas, tmp_path, monkeypatch):
    size = DOCX.stat().st_size
    assert reason(DOCX, schemas, Limits(max_file_bytes=size - 1)) == "unreadable.too_large"
    assert reason(DOCX, schemas, Limits(max_file_bytes=size)) is None
    monkeypatch.setenv("SOCINV_MAX_FILE_BYTES", str(size - 1))
    assert reason(DOCX, schemas) == "unreadable.too_large"


def test_max_inflated_bytes(schemas, tmp_path, monkeypatch):
    path = with_member(tmp_path, "word/media/blob.bin", b"\0" * 2_000_000)
    assert reason(path, schemas) is None
    monkeypatch.setenv("SOCINV_MAX_INFLATED_BYTES", "1500000")
    assert reason(path, schemas) == "unreadable.zip_bomb"


def test_max_xml_part_bytes(schemas, tmp_path, monkeypatch):
    # Padding inside a part that is never parsed still counts: it looks like XML.
    path = with_member(tmp_path, "customXml/item9.xml", b"<a>" + b" " * 300_000 + b"</a>")
    assert reason(path, schemas) is None
    monkeypatch.setenv("SOCINV_MAX_XML_PART_BYTES", "200000")
    assert reason(path, schemas) == "unreadable.part_too_large"


def test_max_members(schemas, tmp_path, monkeypatch):
    with zipfile.ZipFile(DOCX) as z:
        members = len(z.infolist())
    assert reason(DOCX, schemas, Limits(max_members=members - 1)) == "unreadable.too_many_parts"
    assert reason(DOCX, schemas, Limits(max_members=members)) is None
    monkeypatch.setenv("SOCINV_MAX_MEMBERS", str(members - 1))
    assert reason(DOCX, schemas) == "unreadable.too_many_parts"


def test_max_ratio(schemas, tmp_path, monkeypatch):
    # 11 MB of zeros deflates about 1000:1, above the default 200:1 for a member over 10 MB.
    path = with_member(tmp_path, "word/media/blob.bin", b"\0" * 11_000_000)
    assert reason(path, schemas) == "unreadable.zip_ratio"  # the ratio's own reason, naming the part
    report = check_document(path, schemas)
    assert report.findings[0].params["part"] == "word/media/blob.bin"
    assert report.findings[0].params["limit"] == 200
    monkeypatch.setenv("SOCINV_MAX_RATIO", "5000")
    assert reason(path, schemas) is None


def test_max_cells(schemas, tmp_path, monkeypatch):
    # The blank utvärderingsschema has 9 written cells and no merged ranges.
    assert reason(XLSX, schemas) is None
    assert reason(XLSX, schemas, Limits(max_cells=9)) is None
    assert reason(XLSX, schemas, Limits(max_cells=8)) == "unreadable.too_many_cells"
    monkeypatch.setenv("SOCINV_MAX_CELLS", "8")
    assert reason(XLSX, schemas) == "unreadable.too_many_cells"
    report = check_document(XLSX, schemas)
    assert report.findings[0].params["limit"] == 8


def test_max_seconds_in_validate(schemas, tmp_path, monkeypatch):
    """validate stops a file after max_seconds (SOCINV_MAX_SECONDS) and goes on."""
    from socinv_docs import validate as V

    real = V.check_file

    def slow(path, schemas, **kw):
        if path.name.startswith("sover"):
            time.sleep(30)
        return real(path, schemas, **kw)

    monkeypatch.setattr(V, "check_file", slow)
    monkeypatch.setattr(V, "GRACE_SECONDS", 0.3)
    monkeypatch.setenv("SOCINV_MAX_SECONDS", "0.5")
    (tmp_path / "sover.docx").write_bytes(DOCX.read_bytes())
    tasks = [(tmp_path / "sover.docx", "sover.docx"), (XLSX, XLSX.name)]
    started = time.monotonic()
    results = dict(V.check_files(tasks, schemas, jobs=2))  # limits from the environment
    assert time.monotonic() - started < 6
    (finding,) = results[0].findings
    assert finding.params["reason_key"] == "unreadable.timeout"
    assert results[1].kind == "utvarderingsschema"


def _nested(template: Path, tmp_path: Path, depth: int) -> Path:
    """The template with `depth` extra levels of harmless nesting in its main part."""
    if template.suffix == ".docx":
        part = "word/document.xml"
        wrap = ("<w:customXml>", "</w:customXml>", "<w:body>", "</w:body>")
    else:
        part = "xl/worksheets/sheet1.xml"
        wrap = ("<extLst>", "</extLst>", "</sheetData>", "</sheetData>")
    with zipfile.ZipFile(template) as z:
        xml = z.read(part).decode()
    opening, closing, after, before = wrap
    head, sep, rest = xml.partition(after)
    if template.suffix == ".docx":
        body, sep2, tail = rest.rpartition(before)
        xml = head + sep + opening * depth + body + closing * depth + sep2 + tail
    else:
        xml = head + sep + "<x>" * depth + "</x>" * depth + rest
    dest = tmp_path / f"nastlad{depth}{template.suffix}"
    with zipfile.ZipFile(template) as zin, zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zout.writestr(info.filename, xml.encode() if info.filename == part else zin.read(info.filename))
    return dest


@pytest.mark.parametrize("template", [DOCX, XLSX], ids=["docx", "xlsx"])
def test_max_xml_depth(schemas, tmp_path, monkeypatch, template):
    path = _nested(template, tmp_path, 40)
    assert reason(path, schemas) is None  # 40 extra levels: still an ordinary document
    assert reason(path, schemas, Limits(max_xml_depth=30)) == "unreadable.too_deep"
    monkeypatch.setenv("SOCINV_MAX_XML_DEPTH", "30")
    report = check_document(path, schemas)
    assert report.findings[0].params["reason_key"] == "unreadable.too_deep"
    assert report.findings[0].params["limit"] == 30


def test_max_xml_depth_above_the_parsers_ceiling(schemas, tmp_path):
    """A setting above what the XML parser allows at all reports the parser's ceiling."""
    from socinv_docs.limits import XML_DEPTH_CEILING

    path = _nested(DOCX, tmp_path, 300)
    report = check_document(path, schemas, limits=Limits(max_xml_depth=10_000))
    assert report.findings[0].params["reason_key"] == "unreadable.too_deep"
    assert report.findings[0].params["limit"] == XML_DEPTH_CEILING


def test_max_seconds_in_check(schemas, monkeypatch, cli):
    """`socinv check` stops a file after max_seconds too, and says so (exit 2)."""
    from socinv_docs import pipeline

    real = pipeline.check_document

    def slow(path, schemas, **kw):
        time.sleep(30)
        return real(path, schemas, **kw)

    monkeypatch.setattr(pipeline, "check_document", slow)
    monkeypatch.setenv("SOCINV_MAX_SECONDS", "0.3")
    started = time.monotonic()
    result = cli("check", DOCX, "--format", "json")
    assert time.monotonic() - started < 5
    assert result.exit_code == 2
    (finding,) = result.json["findings"]
    assert finding["code"] == "FILE_UNREADABLE" and "0,3 s" in finding["message"] + str(finding)


@pytest.mark.parametrize("template", [DOCX, XLSX], ids=["docx", "xlsx"])
def test_max_text_chars(schemas, monkeypatch, template):
    """The text the blocks may hold (SOCINV_MAX_TEXT_CHARS): the official templates hold a few
    thousand characters."""
    assert reason(template, schemas) is None
    assert reason(template, schemas, Limits(max_text_chars=100)) == "unreadable.too_much_text"
    monkeypatch.setenv("SOCINV_MAX_TEXT_CHARS", "100")
    report = check_document(template, schemas)
    assert report.findings[0].params["reason_key"] == "unreadable.too_much_text"
    assert report.findings[0].params["limit"] == 100


# -- the memory ceiling: `check` has the one a `validate` worker has -------------------------


def test_check_runs_under_the_worker_memory_ceiling(schemas, monkeypatch):
    """check_document_in_time (what `socinv check` runs) caps the address space with the
    same function as a validate worker (limits.limit_memory, SOCINV_MAX_WORKER_MB) while it
    reads and judges a file, and gives the process its old limit back afterwards."""
    import resource

    from socinv_docs import pipeline, validate

    before = resource.getrlimit(resource.RLIMIT_AS)
    seen = []
    real = pipeline.check_document

    def spy(path, schemas, **kw):
        seen.append(resource.getrlimit(resource.RLIMIT_AS)[0])
        return real(path, schemas, **kw)

    monkeypatch.setattr(pipeline, "check_document", spy)
    monkeypatch.setenv("SOCINV_MAX_WORKER_MB", "8192")
    report = pipeline.check_document_in_time(DOCX, schemas)
    assert report.kind == "ansokan"
    cap = 8192 * 1024 * 1024
    if before[1] != resource.RLIM_INFINITY:
        cap = min(cap, before[1])
    if before[0] != resource.RLIM_INFINITY:
        cap = min(cap, before[0])  # a lower limit already set is kept
    assert seen == [cap]
    assert resource.getrlimit(resource.RLIMIT_AS) == before

    # A validate worker checks its files under the same ceiling (it keeps it for its life).
    def report_ceiling(path, schemas, **kw):
        from socinv_docs.report import DocumentReport

        return DocumentReport(file=str(resource.getrlimit(resource.RLIMIT_AS)[0]))

    monkeypatch.setattr(validate, "check_file", report_ceiling)
    ((_, worker),) = list(validate.check_files([(DOCX, "a.docx")], schemas, jobs=1))
    assert int(worker.file) == cap


def test_file_past_the_memory_ceiling_is_reported_not_fatal(tmp_path):
    """A check that needs more memory than the ceiling ends as FILE_UNREADABLE (exit 2), not
    as a traceback or a machine out of memory. The ceiling here (1 MB) is below what the
    process already holds, so reading an ansökan with 8 MB of text needs memory it cannot
    get. (A small file may well be read from memory the process had already mapped.)"""
    import json
    import os
    import subprocess
    import sys

    big = tmp_path / "lang-ansokan.docx"
    with zipfile.ZipFile(DOCX) as source, zipfile.ZipFile(big, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "word/document.xml":
                filler = b"<w:p><w:r><w:t>" + b"Beskrivning av satsningen. " * 30 + b"</w:t></w:r></w:p>"
                data = data.replace(b"</w:body>", filler * 10_000 + b"</w:body>")
            target.writestr(info, data)
    env = {**os.environ, "SOCINV_MAX_WORKER_MB": "1"}
    proc = subprocess.run([sys.executable, "-m", "socinv_docs", "check", str(big), "--format", "json"],
                          capture_output=True, text=True, env=env, timeout=60)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr, proc.stderr
    (finding,) = json.loads(proc.stdout)["findings"]
    assert finding["params"] == {"reason_key": "unreadable.crashed", "detail": "MemoryError"}

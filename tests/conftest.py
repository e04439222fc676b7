"""Shared test helpers. Test files are built from copies of the official templates in
tests/data/official (identical to ../shared/official-templates; test_official_copies
checks that), so the suite runs anywhere.
"""

from __future__ import annotations

import atexit
import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
OFFICIAL = ROOT / "tests" / "data" / "official"
sys.path.insert(0, str(ROOT / "tools"))
# Our own bugs must fail the tests, not hide as "unreadable.internal" (pipeline.check_document).
os.environ.setdefault("SOCINV_DEBUG", "1")
# Without --lang the command line speaks the locale's language (clilang): the tests run in
# the tool's default language whatever this machine's locale is.
for _name in ("LC_ALL", "LC_MESSAGES"):
    os.environ.pop(_name, None)
os.environ["LANG"] = "C.UTF-8"
# The checked-schema cache (socinv_docs/schema_cache.py) of the tests stays out of the
# home folder; subprocesses (the CLI, the web service) inherit it.
os.environ["SOCINV_CACHE_DIR"] = tempfile.mkdtemp(prefix="socinv-test-cache-")
atexit.register(shutil.rmtree, os.environ["SOCINV_CACHE_DIR"], ignore_errors=True)


# A funder of one's own, the smallest that loads: a folder added to the shipped ones (no
# common.yaml), for the tests of schema folders and schema errors.
OWN_KIND = """\
id: stod
title: "Ansökan om stöd ur Exempelkommunens fond"
format: docx
detect: {phrases: ["Ansökan om stöd ur Exempelkommunens fond"], min_score: 3}
fields:
  - {id: namn, label: "Projektets namn"}
  - {id: organisationer, label: "Organisationer", type: lines, required: "no"}
sections:
  - {id: syfte, heading: "1. Syfte", guidance: ["Beskriv syftet med satsningen."]}
  - {id: mal, heading: "2. Mål"}
roles:
  title: namn
  parties: [{field: organisationer, category: auto}]
"""

OWN_PROFILE = """\
id: stod-2026
funder: "Exempelkommun"
kinds: [stod]
rules:
  sections: {}
  fields: {}
"""


@pytest.fixture
def own(tmp_path):
    """A folder of one's own funder (added to the shipped ones: no common.yaml)."""
    root = tmp_path / "egna"
    (root / "kinds").mkdir(parents=True)
    (root / "profiles").mkdir()
    (root / "kinds" / "stod.yaml").write_text(OWN_KIND, encoding="utf-8")
    (root / "profiles" / "stod-2026.yaml").write_text(OWN_PROFILE, encoding="utf-8")
    return root


@pytest.fixture(scope="session")
def soffice() -> str:
    """LibreOffice's soffice, for the tests that round-trip files through it as people's files
    are; skipped with this reason where it is not installed (.ci/run installs it where apt can)."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        pytest.skip("LibreOffice (soffice) is not installed: .ci/run installs it where apt is available")
    return found


def pytest_collection_modifyitems(items):
    # Tests that drive LibreOffice or Chromium take seconds each by nature; they are marked by
    # the fixture they ask for, so the unit suite runs without them (README, "Tests").
    for item in items:
        names = getattr(item, "fixturenames", ())
        if "soffice" in names:
            item.add_marker(pytest.mark.libreoffice)
        if "browser" in names or "browser_without_js" in names:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def schemas():
    from socinv_docs.loading import load_schemas

    return load_schemas()


def schema_problem(error, file: str, where: str, key: str | None = None, *, line: bool = True):
    """The problem of a SchemaError in the file named `file` at the key path `where` (or
    below it), of the catalogue key `key`, with the line it stands on: tests assert a schema
    error's data, never its words."""
    found = [p for p in error.problems if Path(p.file).name == file and p.where.startswith(where)
             and (key is None or p.key == key)]
    assert found, "\n".join(f"{Path(p.file).name} line {p.line} {p.where}: {p.key}" for p in error.problems)
    assert not line or found[0].line is not None, found[0]
    return found[0]


@pytest.fixture
def official() -> Path:
    return OFFICIAL


class CliResult:
    def __init__(self, result) -> None:
        self.exit_code = result.exit_code
        self.output = result.output  # stdout and stderr, as a user sees them
        self.stdout = result.stdout
        self.stderr = getattr(result, "stderr", "")
        self.exception = result.exception

    @property
    def json(self) -> dict:
        return json.loads(self.stdout)


def run_cli(*args: object) -> CliResult:
    from socinv_docs.cli import main

    runner = CliRunner()
    result = runner.invoke(main, [str(a) for a in args], catch_exceptions=True)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return CliResult(result)


@pytest.fixture
def cli():
    return run_cli


# -- OLE compound files (the container of Office 97–2003 files) -------------------------------

OLE_SECTOR = 512
_OLE_FREE, _OLE_END, _OLE_FAT, _OLE_NONE = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF


def ole_file(dest: Path, streams: dict[str, bytes] | list[str]) -> Path:
    """A valid OLE compound file holding `streams` (name: bytes, or names of empty ones) at
    its root, as Office writes and olefile reads it: version 3, 512-byte sectors, one FAT
    sector. Each stream is padded to 4 096 bytes, the size from which a stream lives in
    ordinary sectors (smaller ones would need the mini stream, which nothing here tests)."""
    import struct

    if not isinstance(streams, dict):
        streams = {name: b"" for name in streams}
    data = [content.ljust(4096, b"\x00") for content in streams.values()]
    data = [d.ljust(-(-len(d) // OLE_SECTOR) * OLE_SECTOR, b"\x00") for d in data]
    entries = 1 + len(streams)
    directory_sectors = -(-entries // 4)
    fat = [_OLE_FAT]
    fat += [*range(2, 1 + directory_sectors), _OLE_END]  # the directory: sectors 1…
    starts = []
    for stream in data:
        first, count = len(fat), len(stream) // OLE_SECTOR
        starts.append(first)
        fat += [*range(first + 1, first + count), _OLE_END]
    assert len(fat) <= OLE_SECTOR // 4, "too much for one FAT sector"
    fat += [_OLE_FREE] * (OLE_SECTOR // 4 - len(fat))

    def entry(name: str, kind: int, right: int, child: int, start: int, size: int) -> bytes:
        encoded = name.encode("utf-16-le") + b"\x00\x00"
        return (encoded.ljust(64, b"\x00") + struct.pack("<HBB3I", len(encoded), kind, 1, _OLE_NONE, right, child)
                + b"\x00" * 36 + struct.pack("<IQ", start, size))

    names = list(streams)
    directory = entry("Root Entry", 5, _OLE_NONE, 1 if names else _OLE_NONE, _OLE_END, 0)
    for i, (name, start) in enumerate(zip(names, starts)):
        right = i + 2 if i + 1 < len(names) else _OLE_NONE  # each entry's sibling is the next
        directory += entry(name, 2, right, _OLE_NONE, start, len(data[i]))
    empty = b"\x00" * 64 + struct.pack("<HBB3I", 0, 0, 0, _OLE_NONE, _OLE_NONE, _OLE_NONE) + b"\x00" * 48
    directory += empty * (directory_sectors * 4 - entries)
    header = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 16
              + struct.pack("<HHHHH6xIIIIIIIII", 0x3E, 3, 0xFFFE, 9, 6, 0, 1, 1, 0, 4096, _OLE_END, 0, _OLE_END, 0)
              + struct.pack("<I", 0) + struct.pack("<I", _OLE_FREE) * 108)
    assert len(header) == OLE_SECTOR
    dest.write_bytes(header + struct.pack(f"<{len(fat)}I", *fat) + directory + b"".join(data))
    return dest

"""Bad input never crashes the checker: every class of broken, foreign or hostile file
becomes FILE_UNREADABLE (or KIND_UNKNOWN) with a stable reason key, exit code 2, no
traceback, in bounded time and memory, and the input file is left untouched.

Every hostile file is built here in tmp_path from the official templates or from scratch;
limits are made small through environment variables or a Limits object, so the whole
module runs in a few seconds.
"""

from __future__ import annotations

import hashlib
import json
import re
import resource
import struct
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from conftest import ole_file

from socinv_docs import messages
from socinv_docs.limits import Limits
from socinv_docs.pipeline import check_document

ROOT = Path(__file__).resolve().parent.parent
OFFICIAL = ROOT / "tests" / "data" / "official"
DOCX = OFFICIAL / "ansokan.docx"
XLSX = OFFICIAL / "utvarderingsschema.xlsx"

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
S_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
ENV_LIMITS = ("SOCINV_MAX_FILE_BYTES", "SOCINV_MAX_INFLATED_BYTES", "SOCINV_MAX_XML_PART_BYTES",
              "SOCINV_MAX_MEMBERS", "SOCINV_MAX_RATIO", "SOCINV_MAX_SECONDS", "SOCINV_MAX_RANGE_CELLS",
              "SOCINV_MAX_CELLS", "SOCINV_MAX_TEXT_CHARS")
SECONDS_PER_FILE = 5.0  # generous for a slow CI box; every case here takes well under a second
MAX_RSS_GROWTH_MB = 400  # an expanded bomb would take gigabytes


@pytest.fixture(autouse=True)
def _default_limits(monkeypatch):
    # A developer's shell may have raised a limit; the tests assume the defaults.
    for name in ENV_LIMITS:
        monkeypatch.delenv(name, raising=False)


# -- builders ---------------------------------------------------------------------------


def rezip(src: Path, dest: Path, *, replace: dict[str, bytes | None] | None = None,
          add: dict[str, bytes] | None = None, compression: int = zipfile.ZIP_DEFLATED) -> Path:
    """Copy a package, replacing (bytes) or dropping (None) members and adding new ones."""
    replace = replace or {}
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dest, "w", compression) as zout:
        for info in zin.infolist():
            if info.filename in replace:
                if replace[info.filename] is not None:
                    zout.writestr(info.filename, replace[info.filename])
                continue
            zout.writestr(info.filename, zin.read(info.filename))
        for name, data in (add or {}).items():
            zout.writestr(name, data)
    return dest


def make_zip(dest: Path, members: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> Path:
    with zipfile.ZipFile(dest, "w", compression) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return dest


def billion_laughs(root: str, ns: str, body: str) -> bytes:
    entities = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{i} "{("&lol%d;" % (i - 1)) * 10}">' for i in range(1, 10)]
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<!DOCTYPE {root} [{"".join(entities)}]>\n'
            f'<{root} xmlns:w="{ns}" xmlns="{ns}">{body.replace("PAYLOAD", "&lol9;")}</{root}>').encode()


DOCX_BODY = "<w:body><w:p><w:r><w:t>PAYLOAD</w:t></w:r></w:p></w:body>"
XLSX_BODY = '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>PAYLOAD</t></is></c></row></sheetData>'


def xxe(root: str, ns: str, body: str) -> bytes:
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<!DOCTYPE {root} [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
            f'<{root} xmlns:w="{ns}" xmlns="{ns}">{body.replace("PAYLOAD", "&xxe;")}</{root}>').encode()


def flip_member_bytes(path: Path, name: str, *, at: float = 0.5, count: int = 16) -> Path:
    """Flip bytes inside the stored data of one member, leaving headers intact."""
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as z:
        info = z.getinfo(name)
    name_len, extra_len = struct.unpack("<HH", data[info.header_offset + 26: info.header_offset + 30])
    start = info.header_offset + 30 + name_len + extra_len
    pos = start + int(info.compress_size * at)
    for i in range(pos, min(pos + count, start + info.compress_size)):
        data[i] ^= 0xFF
    path.write_bytes(bytes(data))
    return path


def lie_about_size(path: Path, name: str, declared: int) -> Path:
    """Patch a member's uncompressed size in its local and central headers."""
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as z:
        info = z.getinfo(name)
    struct.pack_into("<I", data, info.header_offset + 22, declared)
    pos = data.find(b"PK\x01\x02")
    while pos != -1:
        n_len = struct.unpack_from("<H", data, pos + 28)[0]
        if data[pos + 46: pos + 46 + n_len] == name.encode():
            struct.pack_into("<I", data, pos + 24, declared)
        pos = data.find(b"PK\x01\x02", pos + 4)
    path.write_bytes(bytes(data))
    return path


def nested_document(depth: int) -> bytes:
    return (f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W_NS}"><w:body>'
            + "<w:customXml>" * depth + "<w:p><w:r><w:t>djup</w:t></w:r></w:p>" + "</w:customXml>" * depth
            + "</w:body></w:document>").encode()


def nested_sheet(depth: int) -> bytes:
    return (f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{S_NS}"><sheetData>'
            + '<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>'
            + "<x>" * depth + "</x>" * depth + "</sheetData></worksheet>").encode()


def sheet_with(extra_after_sheetdata: str) -> bytes:
    return (f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{S_NS}" '
            f'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetData>'
            f'<row r="1"><c r="A1" t="inlineStr"><is><t>Mål</t></is></c></row></sheetData>'
            f'{extra_after_sheetdata}</worksheet>').encode()


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# -- assertions -------------------------------------------------------------------------


def reason_of_json(finding: dict) -> str | None:
    """The reason key of a FILE_UNREADABLE finding in the JSON output.

    Uses a "reason" key when the report exposes one; otherwise maps the message back to
    the catalogue entry it was rendered from (so the test never depends on wording)."""
    for key in ("reason_key", "reason"):
        if str(finding.get(key) or "").startswith("unreadable."):
            return finding[key]
    matches = set()
    for key, entry in messages.CATALOGUE.items():
        if key.startswith("unreadable."):
            for lang in messages.LANGS:
                outer = messages.CATALOGUE["FILE_UNREADABLE"][lang].message
                if re.fullmatch(_pattern(outer.replace("{reason_key:key}", entry[lang].message)), finding["message"],
                                flags=re.S):
                    matches.add(key)
    return matches.pop() if len(matches) == 1 else None


def _pattern(template: str) -> str:
    """A message template as a regular expression: literal text, every {parameter} a wildcard."""
    return "(.*)".join(re.escape(part) for part in re.split(r"\{\w+(?::\w+)?\}", template))


def assert_unreadable(cli, schemas, path: Path, reason: str | tuple[str, ...], *, limits: Limits | None = None,
                      env_note: str = "") -> dict:
    """check_document and the CLI agree: FILE_UNREADABLE with `reason`, exit 2, file untouched."""
    reasons = (reason,) if isinstance(reason, str) else reason
    before = sha(path) if path.is_file() else None
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

    started = time.perf_counter()
    report = check_document(path, schemas, limits=limits)
    elapsed = time.perf_counter() - started
    assert elapsed < SECONDS_PER_FILE, f"{path.name}: {elapsed:.1f} s {env_note}"
    assert report.status.value == "unreadable"
    assert [f.code.value for f in report.findings] == ["FILE_UNREADABLE"], report.findings
    finding = report.findings[0]
    assert finding.params.get("reason_key") in reasons, finding.params
    for lang in ("sv", "en"):
        text = finding.message_in(lang)
        assert "\n" not in text and text.strip()
        assert "{" not in text, text  # every parameter was filled in

    if limits is None:  # the CLI reads limits from the environment only
        started = time.perf_counter()
        result = cli("check", path, "--format", "json")
        assert time.perf_counter() - started < SECONDS_PER_FILE
        assert result.exit_code == 2, result.output
        assert "Traceback" not in result.output and "Traceback" not in (result.stderr or "")
        data = result.json
        assert data["status"] == "unreadable"
        assert [f["code"] for f in data["findings"]] == ["FILE_UNREADABLE"]
        assert reason_of_json(data["findings"][0]) in reasons, data["findings"][0]
        text = cli("check", path)  # the text report, too
        assert text.exit_code == 2 and "Traceback" not in text.output

    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss_before) / 1024
    assert grown_mb < MAX_RSS_GROWTH_MB, f"{path.name}: peak memory grew {grown_mb:.0f} MB"
    if before is not None:
        assert sha(path) == before, "the input file was modified"
    return finding.params


# -- the classes of bad input ------------------------------------------------------------


def test_empty_file(cli, schemas, tmp_path):
    path = tmp_path / "tom.docx"
    path.write_bytes(b"")
    assert_unreadable(cli, schemas, path, "unreadable.empty")


@pytest.mark.parametrize("template", [DOCX, XLSX], ids=["docx", "xlsx"])
def test_truncated_package(cli, schemas, tmp_path, template):
    data = template.read_bytes()
    path = tmp_path / f"avkortad{template.suffix}"
    path.write_bytes(data[: len(data) // 2])
    assert_unreadable(cli, schemas, path, "unreadable.corrupt")


def test_random_bytes_with_docx_name(cli, schemas, tmp_path):
    import random

    rng = random.Random(20240601)
    data = bytes(rng.getrandbits(8) for _ in range(4096))
    assert not data.startswith((b"PK", b"\xd0\xcf", b"%PDF"))
    path = tmp_path / "slump.docx"
    path.write_bytes(data)
    assert_unreadable(cli, schemas, path, "unreadable.not_office")


@pytest.mark.parametrize("compression", [zipfile.ZIP_DEFLATED, zipfile.ZIP_STORED], ids=["deflated", "stored"])
@pytest.mark.parametrize("at", [0.1, 0.5, 0.95])
def test_corrupt_member_data(cli, schemas, tmp_path, compression, at):
    # Deflated: the inflater fails (zlib.error) or the CRC does; stored: only the CRC can tell.
    path = rezip(DOCX, tmp_path / "trasig.docx", compression=compression)
    flip_member_bytes(path, "word/document.xml", at=at)
    assert_unreadable(cli, schemas, path, "unreadable.corrupt")


def test_corrupt_worksheet_data(cli, schemas, tmp_path):
    path = rezip(XLSX, tmp_path / "trasig.xlsx")
    flip_member_bytes(path, "xl/worksheets/sheet1.xml", at=0.5, count=32)
    assert_unreadable(cli, schemas, path, "unreadable.corrupt")


@pytest.mark.parametrize("name", ["gammal.doc", "gammal.xls", "gammal_med_fel_namn.docx"])
@pytest.mark.parametrize("stream", ["WordDocument", "worddocument"])
def test_legacy_ole_file(cli, schemas, tmp_path, monkeypatch, name, stream):
    """A Word 97-2003 file where LibreOffice is not installed (tests/test_legacy.py: where it is),
    whatever its name and however its stream's name is written (OLE names ignore case)."""
    from socinv_docs.readers import legacy

    monkeypatch.setattr(legacy, "libreoffice", lambda: None)
    path = ole_file(tmp_path / name, [stream])
    assert assert_unreadable(cli, schemas, path, "unreadable.legacy")["legacy"] == "doc"


@pytest.mark.parametrize("stream", ["Workbook", "Book", "BOOK", "WORKBOOK", "workbook"])
def test_ole_workbook_goes_to_the_xls_reader(cli, schemas, tmp_path, stream):
    """Excel 97-2003 names its stream Workbook, Excel 5/95 Book, and some writers in capitals:
    each is a workbook for xlrd, whose refusal (an empty stream is no workbook) is told as a
    .xls that could not be read, in xlrd's words, never as legacy or as XML."""
    path = ole_file(tmp_path / "gammal.xls", [stream])
    params = assert_unreadable(cli, schemas, path, "unreadable.xls_failed")
    assert 0 < len(params["detail"]) <= 80


def test_other_ole_file_is_legacy(cli, schemas, tmp_path):
    """An OLE container that is neither Word nor Excel (PowerPoint 97-2003) stays legacy."""
    path = ole_file(tmp_path / "bilder.doc", ["PowerPoint Document"])
    assert "legacy" not in assert_unreadable(cli, schemas, path, "unreadable.legacy")


def test_ole_file_whose_directory_cannot_be_read_is_corrupt(cli, schemas, tmp_path):
    """The OLE magic, then names where no directory sector is: not a container olefile can
    read, so nothing can be said of its format."""
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 16 + struct.pack("<HH", 0x3E, 3)
    names = b"".join((n.encode("utf-16-le") + b"\x00\x00").ljust(128, b"\x00") for n in ("Root Entry", "Workbook"))
    path = tmp_path / "trasig.xls"
    path.write_bytes(header.ljust(512, b"\x00") + names.ljust(1024, b"\x00"))
    assert_unreadable(cli, schemas, path, "unreadable.corrupt")


def word_97_fib(*, encrypted: bool) -> bytes:
    """The start of a WordDocument stream: wIdent, nFib, then the flags with fEncrypted."""
    return struct.pack("<HHHHHH", 0xA5EC, 193, 0, 0, 0, 0x0100 if encrypted else 0)


def test_password_protected_doc_is_encrypted(cli, schemas, tmp_path, monkeypatch):
    """A .doc with a password says so in its FIB; it is never given to LibreOffice, which
    would only write nothing (it was "conversion failed (no output)")."""
    from socinv_docs.readers import legacy

    def no_conversion(*args, **kwargs):
        raise AssertionError("a password-protected .doc was given to LibreOffice")

    monkeypatch.setattr(legacy, "convert", no_conversion)
    path = ole_file(tmp_path / "hemlig.doc", {"WordDocument": word_97_fib(encrypted=True), "1Table": b""})
    assert_unreadable(cli, schemas, path, "unreadable.encrypted")


def test_encrypted_names_in_the_content_do_not_make_a_protected_file(cli, schemas, tmp_path, monkeypatch):
    """Only the streams at the root say what the file is: a .doc whose bytes merely hold the
    name EncryptedPackage (an attachment's name, text) is a .doc, not a protected package."""
    from socinv_docs.readers import legacy

    monkeypatch.setattr(legacy, "libreoffice", lambda: None)
    text = "EncryptedPackage EncryptionInfo".encode("utf-16-le")
    path = ole_file(tmp_path / "vanlig.doc", {"WordDocument": word_97_fib(encrypted=False) + text})
    assert assert_unreadable(cli, schemas, path, "unreadable.legacy")["legacy"] == "doc"


@pytest.mark.parametrize("name", ["hemlig.docx", "hemlig.xlsx"])
def test_encrypted_office_file(cli, schemas, tmp_path, name):
    path = ole_file(tmp_path / name, ["EncryptionInfo", "EncryptedPackage"])
    assert_unreadable(cli, schemas, path, "unreadable.encrypted")
    result = cli("check", path, "--format", "json")
    assert result.json["findings"][0]["reason"] == "unreadable.encrypted"
    # SPEC §7: say protected, not broken; and the reason's own fix (remove the password).
    assert "lösenordsskyddad" in messages.CATALOGUE["unreadable.encrypted"]["sv"].message
    finding = check_document(path, schemas).findings[0]
    assert finding.hint_in("sv") == messages.hint("unreadable.encrypted", "sv")
    assert finding.hint_in("en") == messages.hint("unreadable.encrypted", "en")


def test_encrypted_zip_member(cli, schemas, tmp_path):
    # A zip-level password (general purpose flag bit 0) is also "protected", not "broken".
    path = rezip(DOCX, tmp_path / "zipkrypterad.docx")
    data = bytearray(path.read_bytes())
    pos = data.find(b"PK\x01\x02")
    while pos != -1:
        data[pos + 8] |= 0x1
        pos = data.find(b"PK\x01\x02", pos + 4)
    path.write_bytes(bytes(data))
    assert_unreadable(cli, schemas, path, "unreadable.encrypted")


def test_pdf_renamed_docx(cli, schemas, tmp_path):
    path = tmp_path / "ansokan.docx"
    path.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<<>>\n%%EOF\n")
    assert_unreadable(cli, schemas, path, "unreadable.pdf")


def test_zip_without_content_types(cli, schemas, tmp_path):
    path = rezip(DOCX, tmp_path / "utan_innehallstyper.docx", replace={"[Content_Types].xml": None})
    assert_unreadable(cli, schemas, path, "unreadable.not_office")


# -- hostile XML -------------------------------------------------------------------------


@pytest.mark.parametrize("template,part,root,ns,body", [
    (DOCX, "word/document.xml", "w:document", W_NS, DOCX_BODY),
    (XLSX, "xl/worksheets/sheet1.xml", "worksheet", S_NS, XLSX_BODY),
], ids=["docx", "xlsx"])
@pytest.mark.parametrize("attack", ["billion_laughs", "xxe"])
def test_entity_attacks(cli, schemas, tmp_path, template, part, root, ns, body, attack):
    xml = (billion_laughs if attack == "billion_laughs" else xxe)(root, ns, body)
    path = rezip(template, tmp_path / f"{attack}{template.suffix}", replace={part: xml})
    params = assert_unreadable(cli, schemas, path, "unreadable.hostile_xml")
    assert params.get("part") == part
    report = check_document(path, schemas)
    assert "root:" not in json.dumps(report.to_json())  # nothing of /etc/passwd leaks


def _docx_with_main_part(tmp_path: Path, name: str, main_name: str, xml: bytes) -> Path:
    """The ansökan with its main part moved to `main_name` (rels and content types follow)."""
    with zipfile.ZipFile(DOCX) as z:
        rels = z.read("_rels/.rels").replace(b"word/document.xml", main_name.encode())
        types = z.read("[Content_Types].xml").replace(b"/word/document.xml", b"/" + main_name.encode())
    return rezip(DOCX, tmp_path / name, replace={"word/document.xml": None, "_rels/.rels": rels,
                                                 "[Content_Types].xml": types}, add={main_name: xml})


@pytest.mark.parametrize("variant", ["utf16_bom", "utf16_no_bom", "utf16be_no_bom", "utf8_bom",
                                     "leading_space", "comment_before", "long_comment_before",
                                     "odd_name", "lowercase_doctype", "utf32"])
def test_entity_attacks_in_disguise(cli, schemas, tmp_path, variant):
    """The DTD refusal must not be dodged by encoding, padding or part naming."""
    xml = billion_laughs("w:document", W_NS, DOCX_BODY).decode()
    part = "word/document.xml"
    if variant == "utf16_bom":
        data = xml.replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16")
    elif variant == "utf16_no_bom":
        data = xml.replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16-le")
    elif variant == "utf16be_no_bom":
        data = xml.replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16-be")
    elif variant == "utf8_bom":
        data = b"\xef\xbb\xbf" + xml.encode()
    elif variant == "leading_space":
        data = ("  \n" + xml.split("\n", 1)[1]).encode()  # no declaration, whitespace first
    elif variant == "comment_before":
        data = (xml.replace('encoding="UTF-8"', 'encoding="UTF-16"')
                .replace("\n<!DOCTYPE", "\n<!-- \u613c --><?pi <a?><!DOCTYPE").encode("utf-16"))
    elif variant == "long_comment_before":
        data = xml.replace("\n<!DOCTYPE", "\n<!--" + "x" * 70_000 + "--><!DOCTYPE").encode()
    elif variant == "lowercase_doctype":  # not well-formed, but must still be refused or fail cleanly
        data = xml.replace("<!DOCTYPE", "<!doctype").encode()
    elif variant == "utf32":  # an encoding the scan cannot read is refused as such
        data = xml.replace('encoding="UTF-8"', 'encoding="UTF-32"').encode("utf-32")
    else:  # odd_name: the main part is not called *.xml, so a name-based check would skip it
        part = "word/main.bin"
        data = xml.encode()
    if part == "word/document.xml":
        path = rezip(DOCX, tmp_path / f"{variant}.docx", replace={part: data})
    else:
        path = _docx_with_main_part(tmp_path, f"{variant}.docx", part, data)
    expected = "unreadable.xml_encoding" if variant == "utf32" else "unreadable.hostile_xml"
    assert_unreadable(cli, schemas, path, expected)


def test_unsupported_xml_encoding_is_refused(cli, schemas, tmp_path):
    # UTF-7 could spell "<!DOCTYPE" without a literal "<"; Office writes only UTF-8/UTF-16.
    xml = ('<?xml version="1.0" encoding="UTF-7"?>+ADw-!DOCTYPE w:document +AFs-+ADw-!ENTITY a '
           f'"b"+AD4AXQA+-<w:document xmlns:w="{W_NS}"><w:body/></w:document>').encode()
    path = rezip(DOCX, tmp_path / "utf7.docx", replace={"word/document.xml": xml})
    assert_unreadable(cli, schemas, path, "unreadable.xml_encoding")


# -- zip limits --------------------------------------------------------------------------


def test_zip_bomb_declared_size(cli, schemas, tmp_path, monkeypatch):
    monkeypatch.setenv("SOCINV_MAX_INFLATED_BYTES", "1500000")
    path = rezip(DOCX, tmp_path / "bomb.docx", add={"word/media/blob.bin": b"\0" * 3_000_000})
    assert path.stat().st_size < 100_000  # tiny on disk
    assert_unreadable(cli, schemas, path, "unreadable.zip_bomb")


def test_zip_bomb_ratio(cli, schemas, tmp_path):
    # One member of 12 MB zeros: under the total limit, but a 1000:1 ratio.
    path = rezip(DOCX, tmp_path / "kvot.docx", add={"word/media/blob.bin": b"\0" * 12_000_000})
    assert_unreadable(cli, schemas, path, "unreadable.zip_ratio")


def test_zip_member_lying_about_its_size(cli, schemas, tmp_path):
    """A member that declares 2 KB but inflates to 20 MB is read only to 2 KB, then fails its CRC."""
    big = nested_document(0).replace(b"</w:body>", b" " * 20_000_000 + b"</w:body>")
    path = rezip(DOCX, tmp_path / "ljuger.docx", replace={"word/document.xml": big})
    lie_about_size(path, "word/document.xml", 2048)
    assert_unreadable(cli, schemas, path, "unreadable.corrupt")


def test_too_many_members(cli, schemas, tmp_path, monkeypatch):
    monkeypatch.setenv("SOCINV_MAX_MEMBERS", "40")
    path = rezip(DOCX, tmp_path / "manga.docx", add={f"word/media/m{i}.bin": b"x" for i in range(50)})
    assert_unreadable(cli, schemas, path, "unreadable.too_many_parts")


def test_too_many_members_default_limit(cli, schemas, tmp_path):
    path = make_zip(tmp_path / "manga.docx", {"[Content_Types].xml": b"<Types/>",
                                              **{f"word/m{i}": b"" for i in range(2100)}},
                    compression=zipfile.ZIP_STORED)
    assert_unreadable(cli, schemas, path, "unreadable.too_many_parts")


def test_central_directory_lying_about_count(cli, schemas, tmp_path, monkeypatch):
    """The count in the end record may lie; the directory's size may not be ignored."""
    monkeypatch.setenv("SOCINV_MAX_MEMBERS", "40")
    path = make_zip(tmp_path / "doljer.docx", {"[Content_Types].xml": b"<Types/>",
                                               **{f"word/m{i}": b"" for i in range(500)}},
                    compression=zipfile.ZIP_STORED)
    data = bytearray(path.read_bytes())
    end = data.rfind(b"PK\x05\x06")
    struct.pack_into("<HH", data, end + 8, 3, 3)
    path.write_bytes(bytes(data))
    assert_unreadable(cli, schemas, path, "unreadable.too_many_parts")


def test_file_above_size_limit(cli, schemas, tmp_path, monkeypatch):
    path = tmp_path / "stor.docx"
    path.write_bytes(DOCX.read_bytes())
    params = assert_unreadable(cli, schemas, path, "unreadable.too_large", limits=Limits(max_file_bytes=1000))
    assert params["reason_key"] == "unreadable.too_large"
    monkeypatch.setenv("SOCINV_MAX_FILE_BYTES", "1000")
    assert_unreadable(cli, schemas, path, "unreadable.too_large")


def test_xml_part_above_limit(cli, schemas, tmp_path, monkeypatch):
    monkeypatch.setenv("SOCINV_MAX_XML_PART_BYTES", "100000")
    big = nested_document(0).replace(b"</w:body>", b" " * 200_000 + b"</w:body>")
    path = rezip(DOCX, tmp_path / "storxml.docx", replace={"word/document.xml": big})
    assert_unreadable(cli, schemas, path, "unreadable.part_too_large")


# -- structure ---------------------------------------------------------------------------


def test_deeply_nested_docx(cli, schemas, tmp_path):
    path = rezip(DOCX, tmp_path / "djup.docx", replace={"word/document.xml": nested_document(100_000)})
    assert_unreadable(cli, schemas, path, "unreadable.too_deep")  # lxml's depth limit, not Python's


def test_deeply_nested_xlsx(cli, schemas, tmp_path):
    # lxml's depth limit refuses it before openpyxl (whose expat parser would not mind).
    path = rezip(XLSX, tmp_path / "djup.xlsx", replace={"xl/worksheets/sheet1.xml": nested_sheet(100_000)})
    assert_unreadable(cli, schemas, path, "unreadable.too_deep")


@pytest.mark.parametrize("depth", [150, 240, 260])
def test_moderately_nested_docx_is_read(cli, schemas, tmp_path, depth):
    """Nesting the parser accepts must not blow Python's recursion: read, or refused cleanly."""
    path = rezip(DOCX, tmp_path / "nastlad.docx", replace={"word/document.xml": nested_document(depth)})
    report = check_document(path, schemas)
    assert report.status.value == "unreadable"  # no template headings left (or past lxml's depth limit)
    assert report.findings[0].code.value in ("KIND_UNKNOWN", "FILE_UNREADABLE")
    assert report.findings[0].params.get("detail") != "RecursionError"
    result = cli("check", path, "--format", "json")
    assert result.exit_code == 2


def test_nested_tables_in_cells(cli, schemas, tmp_path):
    inner = "<w:p><w:r><w:t>x</w:t></w:r></w:p>"
    for _ in range(80):  # tbl/tr/tc: 3 XML levels and several Python frames per level
        inner = f"<w:tbl><w:tr><w:tc>{inner}</w:tc><w:tc><w:p/></w:tc></w:tr></w:tbl><w:p/>"
    xml = f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W_NS}"><w:body>{inner}</w:body></w:document>'
    path = rezip(DOCX, tmp_path / "tabeller.docx", replace={"word/document.xml": xml.encode()})
    report = check_document(path, schemas)
    assert report.status.value == "unreadable"
    assert cli("check", path, "--format", "json").exit_code == 2


def test_docx_without_document_xml(cli, schemas, tmp_path):
    path = rezip(DOCX, tmp_path / "utan_dokument.docx", replace={"word/document.xml": None})
    params = assert_unreadable(cli, schemas, path, "unreadable.missing_part")
    assert params.get("part") == "word/document.xml"


def test_docx_without_body(cli, schemas, tmp_path):
    xml = f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W_NS}"/>'.encode()
    path = rezip(DOCX, tmp_path / "utan_body.docx", replace={"word/document.xml": xml})
    assert_unreadable(cli, schemas, path, "unreadable.missing_part")


def test_docx_with_malformed_xml(cli, schemas, tmp_path):
    path = rezip(DOCX, tmp_path / "felxml.docx", replace={"word/document.xml": b"<w:document><w:body>"})
    assert_unreadable(cli, schemas, path, "unreadable.bad_content")


def test_xlsx_without_workbook(cli, schemas, tmp_path):
    path = rezip(XLSX, tmp_path / "utan_arbetsbok.xlsx", replace={"xl/workbook.xml": None})
    assert_unreadable(cli, schemas, path, "unreadable.missing_part")


@pytest.mark.parametrize("members", [
    {"[Content_Types].xml": b'<?xml version="1.0"?><Types/>', "ppt/presentation.xml": b"<p/>"},
    {"readme.txt": b"hej"},
], ids=["powerpoint_like", "plain_zip"])
def test_zip_neither_word_nor_excel(cli, schemas, tmp_path, members):
    path = make_zip(tmp_path / "annat.docx", members)
    assert_unreadable(cli, schemas, path, "unreadable.not_office")


# -- Excel-specific bombs (a few bytes of XML that make openpyxl build millions of cells) ----


PREFIXED_MERGE = f"<x:mergeCell xmlns:x='{S_NS}' ref='C1:ZZ500000'/>"
# Each link points at the covered half of a merged pair: openpyxl then scans every range per link.
MANY_MERGES = "".join(f'<mergeCell ref="A{r}:B{r}"/>' for r in range(2, 3002))
MANY_LINKS = "".join(f'<hyperlink ref="B{r}" location="Blad1!A1"/>' for r in range(2, 3002))


@pytest.mark.parametrize("extra", [
    '<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>',
    f'<mergeCells count="2"><mergeCell ref="B2:B3"/>{PREFIXED_MERGE}</mergeCells>',
    '<mergeCells count="1"><mergeCell ref="C:D"/></mergeCells>',
    '<hyperlinks><hyperlink ref="A1:XFD1048576" location="Blad1!A1"/></hyperlinks>',
    f"<mergeCells>{MANY_MERGES}</mergeCells><hyperlinks>{MANY_LINKS}</hyperlinks>",
], ids=["merge_whole_sheet", "merge_prefixed", "merge_whole_columns", "hyperlink_range", "links_times_merges"])
def test_xlsx_range_bombs(cli, schemas, tmp_path, extra):
    path = rezip(XLSX, tmp_path / "omrade.xlsx", replace={"xl/worksheets/sheet1.xml": sheet_with(extra)})
    assert_unreadable(cli, schemas, path, "unreadable.too_many_cells")


def test_xlsx_ordinary_merges_still_read(cli, schemas, tmp_path):
    # The official utvärderingsschema merges cells; the range limit must leave that alone.
    path = rezip(XLSX, tmp_path / "vanlig.xlsx")
    report = check_document(path, schemas)
    assert report.kind == "utvarderingsschema"


# -- paths and kinds ---------------------------------------------------------------------


def test_directory_given_to_check(cli, schemas, tmp_path):
    folder = tmp_path / "mapp.docx"
    folder.mkdir()
    assert_unreadable(cli, schemas, folder, "unreadable.is_directory")


def test_nonexistent_path(cli, schemas, tmp_path):
    assert_unreadable(cli, schemas, tmp_path / "finns_inte.docx", "unreadable.not_found")


def test_readable_docx_matching_no_template(cli, schemas, tmp_path):
    import docx

    document = docx.Document()
    document.add_heading("Inköpslista", level=1)
    document.add_paragraph("Mjölk, bröd och ost.")
    document.add_paragraph("Hämta paketet på posten.")
    path = tmp_path / "annat.docx"
    document.save(path)
    before = sha(path)
    report = check_document(path, schemas)
    assert report.status.value == "unreadable"
    assert [f.code.value for f in report.findings] == ["KIND_UNKNOWN"]
    result = cli("check", path, "--format", "json")
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert result.json["status"] == "unreadable"
    assert [f["code"] for f in result.json["findings"]] == ["KIND_UNKNOWN"]
    assert sha(path) == before


def test_several_files_one_broken(cli, schemas, tmp_path):
    good = tmp_path / "ansokan.docx"
    good.write_bytes(DOCX.read_bytes())
    attachment = tmp_path / "utvarderingsschema.xlsx"
    attachment.write_bytes(XLSX.read_bytes())
    broken = tmp_path / "trasig.docx"
    broken.write_bytes(DOCX.read_bytes()[:5000])
    result = cli("check", good, broken, attachment, "--format", "json")
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    data = result.json
    assert data["status"] == "unreadable"
    by_file = {Path(d["file"]).name: d for d in data["documents"]}
    assert set(by_file) == {"ansokan.docx", "trasig.docx", "utvarderingsschema.xlsx"}
    assert by_file["trasig.docx"]["status"] == "unreadable"
    assert reason_of_json(by_file["trasig.docx"]["findings"][0]) == "unreadable.corrupt"
    assert by_file["ansokan.docx"]["kind"] == "ansokan"  # the others are still checked
    assert by_file["utvarderingsschema.xlsx"]["kind"] == "utvarderingsschema"
    assert by_file["ansokan.docx"]["status"] in ("incomplete", "complete")


def test_unknown_kind_option_is_a_usage_error(cli, tmp_path):
    path = tmp_path / "ansokan.docx"
    path.write_bytes(DOCX.read_bytes())
    result = cli("check", path, "--kind", "nonsense")
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert "nonsense" in result.output


def test_unreadable_reasons_have_swedish_and_english_one_liners():
    for key, entry in messages.CATALOGUE.items():
        if key.startswith("unreadable."):
            assert set(entry) >= {"sv", "en"}, key
            for lang in ("sv", "en"):
                assert entry[lang].message and "\n" not in entry[lang].message, (key, lang)


def test_json_output_is_valid_for_every_bad_file(cli, tmp_path):
    """The JSON contract holds for unreadable files: the keys are all there."""
    path = tmp_path / "tom.xlsx"
    path.write_bytes(b"")
    data = json.loads(cli("check", path, "--format", "json").output)
    assert {"file", "kind", "profile", "status", "sections", "fields", "findings"} <= set(data)
    assert data["kind"] is None and data["sections"] == {} and data["fields"] == {}


# -- zip members whose compressed stream lies about its size ---------------------------------


_ZEROS_MB = 400  # what a lying stream inflates to past its declared end (old code: all of it)


@pytest.fixture(scope="module")
def deflated_zeros() -> bytes:
    """Raw deflate blocks of _ZEROS_MB of zeros, ending the stream (about 2 MB)."""
    import zlib

    packer = zlib.compressobj(1, zlib.DEFLATED, -15)
    chunk = b"\0" * (1 << 20)
    return b"".join(packer.compress(chunk) for _ in range(_ZEROS_MB)) + packer.flush()


def lying_member(src: Path, dest: Path, name: str, tail: bytes, *, declared: bytes | None = None) -> Path:
    """A copy of `src` whose member `name` is one deflate stream: the member's real bytes,
    then `tail` (more raw deflate blocks, ending the stream). Its headers declare the size and
    CRC of `declared` (default: the real bytes), so zipfile, which stops at the declared size
    and checks the CRC of what it kept, takes it for valid."""
    import zlib

    with zipfile.ZipFile(src) as z:
        real = z.read(name)
    declared = real if declared is None else declared
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    stream = packer.compress(real) + packer.flush(zlib.Z_FULL_FLUSH) + tail
    # Written stored, so the archive holds `stream` as is; then the headers are made to say
    # "deflated, inflates to len(declared) bytes with CRC crc32(declared)".
    rezip(src, dest, replace={name: None}, add={name: stream}, compression=zipfile.ZIP_STORED)
    data = bytearray(dest.read_bytes())
    with zipfile.ZipFile(dest) as z:
        info = z.getinfo(name)
    crc, size = zlib.crc32(declared), len(declared)
    struct.pack_into("<H", data, info.header_offset + 8, zipfile.ZIP_DEFLATED)
    struct.pack_into("<II", data, info.header_offset + 14, crc, len(stream))
    struct.pack_into("<I", data, info.header_offset + 22, size)
    pos = data.find(b"PK\x01\x02")
    while pos != -1:
        n_len = struct.unpack_from("<H", data, pos + 28)[0]
        if data[pos + 46: pos + 46 + n_len] == name.encode():
            struct.pack_into("<H", data, pos + 10, zipfile.ZIP_DEFLATED)
            struct.pack_into("<III", data, pos + 16, crc, len(stream), size)
        pos = data.find(b"PK\x01\x02", pos + 4)
    dest.write_bytes(bytes(data))
    return dest


# Every part a reader or the safety pass reads, of a Word and an Excel file.
LYING_PARTS = [(DOCX, "word/document.xml"), (DOCX, "word/styles.xml"), (DOCX, "_rels/.rels"),
               (DOCX, "[Content_Types].xml"), (XLSX, "xl/worksheets/sheet1.xml"), (XLSX, "xl/workbook.xml"),
               (XLSX, "xl/styles.xml"), (XLSX, "xl/_rels/workbook.xml.rels")]


@pytest.mark.parametrize("template,part", LYING_PARTS, ids=[f"{t.suffix[1:]}:{p}" for t, p in LYING_PARTS])
def test_stream_running_past_its_declared_size(cli, schemas, tmp_path, deflated_zeros, template, part):
    """A member that declares its real size and CRC but whose stream inflates 400 MB more
    was read as valid (zipfile keeps the declared bytes) after inflating all of it in one
    call: gigabytes per worker. Now it is inflated in bounded chunks and refused as soon as
    it runs past its size, without the memory (assert_unreadable bounds the growth)."""
    path = lying_member(template, tmp_path / f"ljuger{template.suffix}", part, deflated_zeros)
    started = time.perf_counter()
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    report = check_document(path, schemas)
    assert (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss_before) / 1024 < 100
    assert time.perf_counter() - started < 2
    assert report.findings[0].params.get("reason_key") == "unreadable.corrupt", report.findings[0].params
    assert_unreadable(cli, schemas, path, "unreadable.corrupt")


@pytest.mark.parametrize("template,part", [(DOCX, "word/document.xml"), (XLSX, "xl/worksheets/sheet1.xml")],
                         ids=["docx", "xlsx"])
def test_stream_ending_before_its_declared_size(cli, schemas, tmp_path, template, part):
    """The other lie: the stream ends early, with the CRC of what it holds; the header claims
    more (padding the declared bytes with spaces after the real ones)."""
    with zipfile.ZipFile(template) as z:
        real = z.read(part)
    import zlib

    path = tmp_path / f"kort{template.suffix}"
    lying_member(template, path, part, zlib.compressobj(9, zlib.DEFLATED, -15).flush(), declared=real)
    # Now make the header claim 100 bytes more than the stream holds (CRC of the real bytes).
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as z:
        info = z.getinfo(part)
    struct.pack_into("<I", data, info.header_offset + 22, len(real) + 100)
    pos = data.find(b"PK\x01\x02")
    while pos != -1:
        n_len = struct.unpack_from("<H", data, pos + 28)[0]
        if data[pos + 46: pos + 46 + n_len] == part.encode():
            struct.pack_into("<I", data, pos + 24, len(real) + 100)
        pos = data.find(b"PK\x01\x02", pos + 4)
    path.write_bytes(bytes(data))
    assert_unreadable(cli, schemas, path, "unreadable.corrupt")


def test_lying_member_is_one_zipfile_accepts(schemas, tmp_path):
    """What the tests above build: zipfile reads the lying member as the real part (it keeps
    the declared bytes and their CRC matches). And the builder is not itself what is refused:
    the same member without the extra tail reads as the template it is."""
    import zlib

    part = "xl/worksheets/sheet1.xml"
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    path = lying_member(XLSX, tmp_path / "ljuger.xlsx", part, packer.compress(b"\0" * 1_000_000) + packer.flush())
    with zipfile.ZipFile(path) as z, zipfile.ZipFile(XLSX) as original:
        assert z.read(part) == original.read(part)
    honest = lying_member(XLSX, tmp_path / "arlig.xlsx", part, zlib.compressobj(9, zlib.DEFLATED, -15).flush())
    assert check_document(honest, schemas).kind == "utvarderingsschema"


# -- parts nothing parses, parts in a vocabulary we do not know ---------------------------------

# A form button's legacy drawing as Excel writes it (an unclosed <br>: not well-formed XML),
# and a custom property stored as UTF-16 under a utf-8 declaration (POI's 61034.xlsx).
UNCLOSED_VML = (b'<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:x="urn:schemas-microsoft-com:office:excel">'
                b'<v:shape><v:textbox><div>Knapp<br></div></v:textbox><x:ClientData/></v:shape></xml>')
UTF16_PROPERTY = '<?xml version="1.0" encoding="utf-8"?><egenskap>värde</egenskap>'.encode("utf-16")
DTD_IN_VML = b'<?xml version="1.0"?><!DOCTYPE xml [<!ENTITY a "b">]><xml>&a;</xml>'


@pytest.mark.parametrize("template,name,data", [
    (XLSX, "xl/drawings/vmlDrawing1.vml", UNCLOSED_VML),
    (XLSX, "xl/customProperty1.bin", UTF16_PROPERTY),
    (XLSX, "xl/drawings/vmlDrawing2.vml", DTD_IN_VML),
    (DOCX, "word/customProperty1.bin", UTF16_PROPERTY),
], ids=["unclosed_vml", "utf16_bin", "dtd_in_vml", "docx_utf16_bin"])
def test_parts_nothing_parses_count_only_towards_zip_limits(schemas, tmp_path, template, name, data):
    """The XML limits apply to the parts the tool (and openpyxl, for the register and the
    annotator) parses; VML drawings and binary parts only count towards size and ratio. Excel
    files with a form button were refused as 'bad content' while they open everywhere."""
    from socinv_docs.readers.safety import check_file
    from socinv_docs.readers.xlsx_reader import check_workbook

    path = rezip(template, tmp_path / f"med_del{template.suffix}", add={name: data})
    expected = check_document(template, schemas)
    report = check_document(path, schemas)
    assert report.kind == expected.kind
    assert [f.key for f in report.findings] == [f.key for f in expected.findings]
    if template == XLSX:  # the guard before openpyxl lets it through too
        with check_file(path, Limits()) as archive:
            check_workbook(archive, Limits())


def test_dtd_in_a_part_a_reader_parses_under_any_name_is_still_refused(cli, schemas, tmp_path):
    """The other side: the sheet itself, whatever its name, gets the XML limits."""
    with zipfile.ZipFile(XLSX) as z:
        rels = z.read("xl/_rels/workbook.xml.rels").replace(b"worksheets/sheet1.xml", b"worksheets/blad.vml")
    xml = billion_laughs("worksheet", S_NS, XLSX_BODY)
    path = rezip(XLSX, tmp_path / "blad.xlsx", replace={"xl/worksheets/sheet1.xml": None,
                                                        "xl/_rels/workbook.xml.rels": rels},
                 add={"xl/worksheets/blad.vml": xml})
    params = assert_unreadable(cli, schemas, path, "unreadable.hostile_xml")
    assert params["part"] == "xl/worksheets/blad.vml"


@pytest.mark.parametrize("template,part,root", [
    (DOCX, "word/document.xml", '<w:document xmlns:w="urn:example:annat"><w:body><w:p/></w:body></w:document>'),
    (XLSX, "xl/workbook.xml", '<workbook xmlns="urn:example:annat"><sheets/></workbook>'),
    (XLSX, "xl/worksheets/sheet1.xml", '<worksheet xmlns="urn:example:annat"><sheetData/></worksheet>'),
], ids=["docx", "xlsx_workbook", "xlsx_sheet"])
def test_unknown_vocabulary_is_never_read_as_empty(cli, schemas, tmp_path, template, part, root):
    """A main part in a namespace the readers do not know (what a Strict file was before
    Strict was read) is refused with its own reason, not read as an empty document whose
    every section is 'missing'."""
    path = rezip(template, tmp_path / f"okand{template.suffix}", replace={part: root.encode()})
    assert_unreadable(cli, schemas, path, "unreadable.unknown_xml")


def test_range_bomb_names_the_tab(schemas, tmp_path):
    """A limit hit names the sheet as the applicant sees it (its tab), not the zip part."""
    extra = '<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>'
    path = rezip(XLSX, tmp_path / "omrade.xlsx", replace={"xl/worksheets/sheet1.xml": sheet_with(extra)})
    finding = check_document(path, schemas).findings[0]
    assert finding.params["reason_key"] == "unreadable.too_many_cells"
    assert finding.params["sheet"] == "Utvärderingsschema"
    from socinv_docs.readers.safety import check_file
    from socinv_docs.readers.xlsx_reader import check_workbook

    with check_file(path, Limits()) as archive, pytest.raises(Exception) as raised:
        check_workbook(archive, Limits())  # the guard before openpyxl says the same
    assert raised.value.params["sheet"] == "Utvärderingsschema"


# -- size and time: every cell walked once, text collected in linear time ------------------------


def single_cell_tables(depth: int, text: str = "djupt inne") -> bytes:
    """A paragraph inside `depth` tables of one cell each (people wrap whole forms in one)."""
    inner = f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"
    for _ in range(depth):
        inner = f"<w:tbl><w:tr><w:tc>{inner}</w:tc></w:tr></w:tbl><w:p/>"
    return (f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W_NS}"><w:body>'
            f"<w:p><w:r><w:t>Före</w:t></w:r></w:p>{inner}</w:body></w:document>").encode()


@pytest.mark.parametrize("depth", [18, 60])
def test_tables_nested_in_single_cell_tables_walked_once(schemas, tmp_path, depth):
    """Each level of single-cell tables doubled the work (the cell's text was built, then the
    cell walked again as layout): 18 levels took 11 s, 60 never finished (a 39 KB file)."""
    from socinv_docs.pipeline import read_raw

    path = rezip(DOCX, tmp_path / "lager.docx", replace={"word/document.xml": single_cell_tables(depth)})
    started = time.perf_counter()
    raw = read_raw(path, Limits())
    assert time.perf_counter() - started < 1
    assert [b.text for b in raw.blocks] == ["Före", "djupt inne"]  # read once, as ordinary blocks
    assert check_document(path, schemas).status.value == "unreadable"  # no template: KIND_UNKNOWN


def _forslag_with_answer(tmp_path: Path, answer: str, name: str = "lang.xlsx") -> Path:
    """The förslag with `answer` in the first section's answer cell. Written into the sheet's
    XML: Excel and openpyxl cut a cell at 32 767 characters, other programs do not."""
    from docbuilder import ExcelDraft

    draft = ExcelDraft(OFFICIAL / "forslag.xlsx")
    draft.answer("1. Behov", "SVARET")
    path = draft.save(tmp_path / name)
    with zipfile.ZipFile(path) as z:
        sheet = z.read("xl/worksheets/sheet1.xml")
    escaped = answer.replace("&", "&amp;").replace("<", "&lt;").encode()
    assert sheet.count(b">SVARET<") == 1
    return rezip(path, tmp_path / f"x{name}", replace={"xl/worksheets/sheet1.xml": sheet.replace(b">SVARET<", b">" + escaped + b"<")})


def test_large_answer_collected_in_linear_time(schemas, tmp_path):
    """An answer was collected by concatenating line after line (quadratic): a workbook within
    every limit never finished. An answer of 100 000 lines (3.5 MB) took 10 s of processor
    time; now a second or two (mostly folding each line once), and it is all there."""
    lines = [f"Rad {n} om behovet i stadsdelen" for n in range(100_000)]
    path = _forslag_with_answer(tmp_path, "\n".join(lines))
    started = time.process_time()
    report = check_document(path, schemas)
    assert time.process_time() - started < 4
    section = report.document.sections["behov"]
    assert section.state.value == "ok"
    assert section.text.splitlines() == lines


def _inline(ref: str, text: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def test_long_goal_collected_in_linear_time(schemas, tmp_path):
    """The same for a goal of the utvärderingsschema continued over many rows: each row's
    text was added to the goal's by copying it, after searching it for the new text. 4 900
    rows took 2.8 s of processor time, now 1 s (measured as processor time: other
    processes on the machine do not count)."""
    # 48 words a row: too long to be a heading candidate, so matching costs nothing here.
    rows = [f'<row r="5">{_inline("A5", "Mål A")}{_inline("B5", "Start")}{_inline("G5", "Bas")}</row>']
    rows += [f'<row r="{r}">{_inline(f"B{r}", f"Aktivitet {r}: " + "mycket text " * 23)}</row>'
             for r in range(6, 4906)]
    rows.append(f'<row r="4906">{_inline("B4906", "Start")}</row>')  # a text the goal already has: once
    with zipfile.ZipFile(XLSX) as z:
        sheet = z.read("xl/worksheets/sheet1.xml").decode()
    sheet = sheet.replace("</sheetData>", "".join(rows) + "</sheetData>")
    path = rezip(XLSX, tmp_path / "lang_mal.xlsx", replace={"xl/worksheets/sheet1.xml": sheet.encode()})
    started = time.process_time()
    report = check_document(path, schemas)
    assert time.process_time() - started < 2
    (goal,) = report.document.grid
    texts = goal.values["aktiviteter"].splitlines()
    assert len(texts) == 4901 and texts[0] == "Start" and texts[-1].startswith("Aktivitet 4905:")


def test_one_shared_string_in_many_cells_is_counted_each_time(cli, schemas, tmp_path):
    """12 000 cells showing one 1 MB shared string drove `check` to 12.6 GB (a row's text was
    built from them). Reading counts each cell's text against Limits.max_text_chars and stops
    at the limit: refused at once, in little memory, with the same reason every time."""
    big = "Långt svar " * 100_000  # 1.1 MB
    strings = (f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{S_NS}" count="1" uniqueCount="1">'
               f"<si><t>{big}</t></si></sst>").encode()
    cells = "".join(f'<row r="{r}">' + "".join(f'<c r="{col}{r}" t="s"><v>0</v></c>' for col in "ABCDEF") + "</row>"
                    for r in range(5, 2005))
    sheet = f'<worksheet xmlns="{S_NS}"><sheetData>{cells}</sheetData></worksheet>'.encode()
    with zipfile.ZipFile(XLSX) as z:
        types = z.read("[Content_Types].xml").replace(
            b"</Types>", b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
                         b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
        rels = z.read("xl/_rels/workbook.xml.rels").replace(
            b"</Relationships>", b'<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/'
                                 b'2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>')
    path = rezip(XLSX, tmp_path / "delad.xlsx", replace={"xl/worksheets/sheet1.xml": sheet, "[Content_Types].xml": types,
                                                       "xl/_rels/workbook.xml.rels": rels},
                 add={"xl/sharedStrings.xml": strings})
    params = assert_unreadable(cli, schemas, path, "unreadable.too_much_text")
    assert params["limit"] == Limits().max_text_chars
    assert {check_document(path, schemas).findings[0].params["reason_key"] for _ in range(3)} == \
        {"unreadable.too_much_text"}


def test_guard_before_openpyxl_checks_every_member_stream(tmp_path, deflated_zeros):
    """openpyxl (the register, annotated copies) reads members with zipfile, which inflates a
    lying stream whole: the guard it runs first drains every member it does not parse, an
    image too, through the bounded reader."""
    from socinv_docs.readers.safety import UnreadableFile, check_file
    from socinv_docs.readers.xlsx_reader import check_workbook

    with_image = rezip(XLSX, tmp_path / "bild.xlsx", add={"xl/media/image1.png": b"\x89PNG" + b"bild" * 500})
    with check_file(with_image, Limits()) as archive:
        check_workbook(archive, Limits())  # an honest image passes
    path = lying_member(with_image, tmp_path / "ljugande_bild.xlsx", "xl/media/image1.png", deflated_zeros)
    with check_file(path, Limits()) as archive, pytest.raises(UnreadableFile) as refused:
        check_workbook(archive, Limits())
    assert refused.value.reason == "unreadable.corrupt"


# -- standard output is the command's own ----------------------------------------------------

# Runs the command with a reader that talks on standard output as libraries do (xlrd printed
# its diagnostics there), from Python and, in a validate worker, from C (straight to fd 1).
_TALKING_READER = """
import multiprocessing, os, sys
import socinv_docs.pipeline as pipeline
from socinv_docs.cli import main

read_raw = pipeline.read_raw

def talking(*args, **kwargs):
    print("a library talking")
    if multiprocessing.current_process().name != "MainProcess":
        os.write(1, b"a C library talking\\n")
    return read_raw(*args, **kwargs)

pipeline.read_raw = talking
main(sys.argv[1:], prog_name="socinv")
"""


@pytest.mark.parametrize("command", ["check", "validate"])
def test_what_a_library_prints_never_reaches_stdout(tmp_path, command):
    """`--format json`: standard output holds the JSON and nothing else, whatever a library
    prints while the files are read, in the main process (`check`) or in the workers
    (`validate`); what it printed goes to standard error."""
    (tmp_path / "ideprovning.docx").write_bytes((OFFICIAL / "ideprovning.docx").read_bytes())
    target = tmp_path / "ideprovning.docx" if command == "check" else tmp_path
    done = subprocess.run([sys.executable, "-c", _TALKING_READER, command, str(target), "--format", "json",
                           *(["--jobs", "2"] if command == "validate" else [])],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert "Traceback" not in done.stderr, done.stderr
    assert json.loads(done.stdout)  # the JSON and nothing else
    assert "a library talking" in done.stderr

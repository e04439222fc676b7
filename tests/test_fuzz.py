"""Fuzzing: no input can crash, hang or change anything.

Valid .docx/.xlsx files (the official templates and the samples) are mutated the ways
files break in the wild and the ways an attacker would break them: truncated, bytes
flipped (in the zip and inside the XML), zip members dropped, duplicated, renamed or
replaced by garbage, XML corrupted, cells made huge, blocks multiplied, elements nested
deep, DTDs and odd encodings declared. For every case:

- check_document returns (no exception escapes) with status complete, incomplete or
  unreadable, and an unreadable reason is one the message catalogue knows;
- it takes less than SECONDS_PER_FILE;
- the input file is byte-for-byte unchanged;
- for a sample of cases, `socinv check --format json` prints valid JSON, exits with the
  SPEC §5 code for that status and never shows a traceback.

A small deterministic slice runs with the suite; the big run is marked slow:

    python3 -m pytest -q -m slow tests/test_fuzz.py
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import random
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from socinv_docs import messages
from socinv_docs.pipeline import check_document

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted([*(ROOT / "tests" / "data" / "official").glob("*.*x"), *(ROOT / "samples").rglob("*.*x")])
SECONDS_PER_FILE = 5.0
EXIT_CODES = {"complete": 0, "incomplete": 1, "unreadable": 2}
XML_SUFFIXES = (".xml", ".rels")
MAIN_PARTS = ("word/document.xml", "xl/worksheets/sheet1.xml")

# Cached per process: (member name, bytes) of each seed, in zip order.
_MEMBERS: dict[Path, list[tuple[str, bytes]]] = {}


def members(seed: Path) -> list[tuple[str, bytes]]:
    if seed not in _MEMBERS:
        with zipfile.ZipFile(seed) as z:
            _MEMBERS[seed] = [(i.filename, z.read(i)) for i in z.infolist()]
    return _MEMBERS[seed]


def pack(items: list[tuple[str, bytes]], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression) as z:
        for name, data in items:
            info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
            info.compress_type = compression  # a ZipInfo's own type wins over the archive's
            z.writestr(info, data)
    return out.getvalue()


# -- choosing: the same mutators run under hypothesis and with a seeded random ---------------


class HypothesisPick:
    def __init__(self, data) -> None:
        self.data = data

    def integer(self, lo: int, hi: int) -> int:
        return self.data.draw(st.integers(lo, hi))

    def choice(self, seq):
        return self.data.draw(st.sampled_from(list(seq)))

    def text(self, max_size: int) -> str:
        return self.data.draw(st.text(max_size=max_size))


class RandomPick:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def integer(self, lo: int, hi: int) -> int:
        return self.rng.randint(lo, hi)

    def choice(self, seq):
        return self.rng.choice(list(seq))

    def text(self, max_size: int) -> str:
        return "".join(chr(self.rng.choice([self.rng.randint(32, 126), self.rng.randint(0, 0x2FFF)]))
                       for _ in range(self.rng.randint(0, max_size)))


# -- mutators: (pick, seed) -> bytes of the mutated file --------------------------------------

SNIPPETS = ["<", ">", "&", "&amp;", "&#0;", "&#xD800;", "</w:p>", "<w:p>", "<w:tbl>", "</w:tc>", "<w:tr>",
            "<c r=\"A1\">", "</row>", "<row r=\"0\">", "<mergeCell ref=\"A1:B9\"/>", "]]>", "<![CDATA[",
            "<?xml version=\"1.0\"?>", "\x00", "\ufeff", "<w:t>Skriv här</w:t>", "<!-- ", "<w:vMerge/>",
            "<w:gridSpan w:val=\"-3\"/>", "<w:gridSpan w:val=\"99999999\"/>", "<w:outlineLvl w:val=\"-1\"/>",
            " r=\"XFD1048577\"", " t=\"n\"", "<v>1e999</v>", "<v>nan</v>", "<w:sdtPr><w:showingPlcHdr/></w:sdtPr>"]


def _xml_member(pick, items: list[tuple[str, bytes]]) -> int:
    xml = [i for i, (name, _) in enumerate(items) if name.endswith(XML_SUFFIXES)]
    main = [i for i in xml if items[i][0] in MAIN_PARTS]
    # The main part half of the time: that is where the readers spend their effort.
    return pick.choice(main) if main and pick.integer(0, 1) else pick.choice(xml)


def truncate(pick, seed: Path) -> bytes:
    data = seed.read_bytes()
    return data[: pick.integer(0, len(data) - 1)]


def flip_bytes(pick, seed: Path) -> bytes:
    data = bytearray(seed.read_bytes())
    for _ in range(pick.integer(1, 16)):
        data[pick.integer(0, len(data) - 1)] ^= pick.integer(1, 255)
    return bytes(data)


def flip_in_xml(pick, seed: Path) -> bytes:
    """Bytes flipped inside a part's XML, re-zipped with valid CRCs: the parser sees them."""
    items = list(members(seed))
    i = _xml_member(pick, items)
    data = bytearray(items[i][1])
    for _ in range(pick.integer(1, 8)):
        data[pick.integer(0, len(data) - 1)] ^= pick.integer(1, 255)
    items[i] = (items[i][0], bytes(data))
    return pack(items)


def drop_member(pick, seed: Path) -> bytes:
    items = list(members(seed))
    for _ in range(pick.integer(1, 3)):
        if items:
            items.pop(pick.integer(0, len(items) - 1))
    return pack(items)


def duplicate_member(pick, seed: Path) -> bytes:
    items = list(members(seed))
    i = pick.integer(0, len(items) - 1)
    name, data = items[i]
    copy = data[: pick.integer(0, len(data))] if pick.integer(0, 1) else data
    items.insert(pick.integer(0, len(items)), (name, copy))
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns about the duplicate name: that is the point
        return pack(items)


def rename_member(pick, seed: Path) -> bytes:
    items = list(members(seed))
    i = pick.integer(0, len(items) - 1)
    name, data = items[i]
    new = pick.choice([name.upper(), name + ".bak", "/" + name, name.replace("/", "\\"), "../" + name,
                       name.replace(".xml", ".bin"), pick.text(20) or "x"])
    items[i] = (new, data)
    return pack(items)


def garbage_member(pick, seed: Path) -> bytes:
    items = list(members(seed))
    i = _xml_member(pick, items)
    rng = random.Random(pick.integer(0, 2**32))
    size = pick.choice([0, 1, 7, 100, 5000])
    items[i] = (items[i][0], bytes(rng.getrandbits(8) for _ in range(size)))
    return pack(items)


def corrupt_xml(pick, seed: Path) -> bytes:
    items = list(members(seed))
    i = _xml_member(pick, items)
    text = items[i][1].decode("utf-8", "replace")
    for _ in range(pick.integer(1, 4)):
        at = pick.integer(0, len(text))
        op = pick.choice(["insert", "delete", "truncate", "text", "swap"])
        if op == "insert":
            text = text[:at] + pick.choice(SNIPPETS) + text[at:]
        elif op == "delete":
            text = text[:at] + text[at + pick.integer(1, 200):]
        elif op == "truncate":
            text = text[:at]
        elif op == "text":
            text = text[:at] + pick.text(30) + text[at:]
        else:  # move a chunk: unbalanced but plausible-looking markup
            end = min(len(text), at + pick.integer(1, 300))
            chunk, text = text[at:end], text[:at] + text[end:]
            to = pick.integer(0, len(text))
            text = text[:to] + chunk + text[to:]
    items[i] = (items[i][0], text.encode("utf-8", "surrogatepass"))
    return pack(items)


def _main_index(items: list[tuple[str, bytes]]) -> int | None:
    return next((i for i, (name, _) in enumerate(items) if name in MAIN_PARTS), None)


def _inject(items, xml: str, after: str, content: str) -> str:
    head, sep, tail = xml.partition(after)
    return head + sep + content + tail if sep else xml


def huge_cell(pick, seed: Path) -> bytes:
    """One paragraph or cell holding a very long text (words or one unbroken string)."""
    items = list(members(seed))
    i = _main_index(items)
    if i is None:
        return pack(items)
    size = pick.choice([10_000, 100_000, 1_000_000])
    unit = pick.choice(["ord ", "x", "Behov ", "å"])
    text = (unit * (size // len(unit) + 1))[:size]
    name, data = items[i]
    xml = data.decode()
    if name.startswith("word/"):
        xml = _inject(items, xml, "<w:body>", f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>")
    else:
        xml = _inject(items, xml, "<sheetData>",
                      f'<row r="1"><c r="C1" t="inlineStr"><is><t>{text}</t></is></c></row>')
    items[i] = (name, xml.encode())
    return pack(items)


def many_blocks(pick, seed: Path) -> bytes:
    """Thousands of short paragraphs or rows: the matcher compares each with every heading."""
    items = list(members(seed))
    i = _main_index(items)
    if i is None:
        return pack(items)
    count = pick.choice([100, 1000, 3000])
    name, data = items[i]
    xml = data.decode()
    if name.startswith("word/"):
        blocks = "".join(f"<w:p><w:r><w:t>Rad {n} om behov och målgrupp</w:t></w:r></w:p>" for n in range(count))
        xml = _inject(items, xml, "<w:body>", blocks)
    else:
        # Rows past the template's own (rows must ascend for openpyxl to keep them).
        rows = "".join(f'<row r="{1000 + n}"><c r="A{1000 + n}" t="inlineStr"><is><t>Rad {n} behov</t></is></c></row>'
                       for n in range(count))
        xml = xml.replace("</sheetData>", rows + "</sheetData>", 1)
    items[i] = (name, xml.encode())
    return pack(items)


def deep_nesting(pick, seed: Path) -> bytes:
    items = list(members(seed))
    i = _main_index(items)
    if i is None:
        return pack(items)
    depth = pick.choice([10, 100, 199, 200, 255, 256, 257, 1000, 5000])
    name, data = items[i]
    xml = data.decode()
    if name.startswith("word/"):
        opening, closing = pick.choice([("<w:customXml>", "</w:customXml>"),
                                        ("<w:sdt><w:sdtContent>", "</w:sdtContent></w:sdt>"),
                                        ("<w:tbl><w:tr><w:tc>", "<w:p/></w:tc></w:tr></w:tbl>"),
                                        ("<w:ins>", "</w:ins>")])
        inner = "<w:p><w:r><w:t>djupt</w:t></w:r></w:p>"
        xml = _inject(items, xml, "<w:body>", opening * depth + inner + closing * depth)
    else:
        xml = xml.replace("</sheetData>", "</sheetData>" + "<x>" * depth + "</x>" * depth, 1)
    items[i] = (name, xml.encode())
    return pack(items)


def declare(pick, seed: Path) -> bytes:
    """A DTD, an entity or an unexpected encoding declared in a part."""
    items = list(members(seed))
    i = _xml_member(pick, items)
    name, data = items[i]
    body = data.split(b"?>", 1)[1] if data.startswith(b"<?xml") else data
    prologue = pick.choice([
        b'<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]>',
        b'<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE x SYSTEM "file:///etc/passwd">',
        b'<?xml version="1.0" encoding="UTF-7"?>',
        b'<?xml version="1.0" encoding="ISO-8859-1"?>',
        b'<?xml version="1.0" encoding="nonsense"?>',
        b'<?xml version="1.1"?>',
        b"\xef\xbb\xbf",
        b"",
    ])
    items[i] = (name, prologue + body)
    return pack(items)


def stored_zip(pick, seed: Path) -> bytes:
    """The same members, uncompressed, then flipped: stored data reaches the parser unchecked
    by zlib (only the CRC guards it)."""
    data = bytearray(pack(members(seed), zipfile.ZIP_STORED))
    for _ in range(pick.integer(1, 8)):
        data[pick.integer(0, len(data) - 1)] ^= pick.integer(1, 255)
    return bytes(data)


def size_lie(pick, seed: Path) -> bytes:
    """A member whose deflate stream does not end at its declared size: it runs on for up to
    50 MB of zeros, or ends early. Its headers carry the declared bytes' own CRC, so zipfile
    (which stops at the declared size) takes it for valid."""
    import struct
    import zlib

    items = list(members(seed))
    i = pick.integer(0, len(items) - 1)
    name, data = items[i]
    packer = zlib.compressobj(1, zlib.DEFLATED, -15)
    stream = packer.compress(data) + packer.flush(zlib.Z_FULL_FLUSH)
    tail = zlib.compressobj(1, zlib.DEFLATED, -15)
    extra = pick.choice([0, 1, 1000, 1 << 20, 50 << 20])
    stream += b"".join(tail.compress(b"\0" * min(1 << 20, extra - n)) for n in range(0, extra, 1 << 20)) + tail.flush()
    declared = len(data) + (pick.choice([1, 100, 1 << 20]) if extra == 0 else 0)  # 0 extra: claim more instead
    out = bytearray(pack([*items[:i], (name, stream), *items[i + 1:]], zipfile.ZIP_STORED))
    with zipfile.ZipFile(io.BytesIO(bytes(out))) as z:
        info = z.getinfo(name)
    crc = zlib.crc32(data)
    struct.pack_into("<H", out, info.header_offset + 8, zipfile.ZIP_DEFLATED)
    struct.pack_into("<I", out, info.header_offset + 14, crc)
    struct.pack_into("<I", out, info.header_offset + 22, declared)
    pos = out.find(b"PK\x01\x02")
    while pos != -1:
        n_len = struct.unpack_from("<H", out, pos + 28)[0]
        if out[pos + 46: pos + 46 + n_len] == name.encode():
            struct.pack_into("<H", out, pos + 10, zipfile.ZIP_DEFLATED)
            struct.pack_into("<I", out, pos + 16, crc)
            struct.pack_into("<I", out, pos + 24, declared)
        pos = out.find(b"PK\x01\x02", pos + 4)
    return bytes(out)


def single_cell_tables(pick, seed: Path) -> bytes:
    """The body of a Word file wrapped in tables of one cell, many levels deep (people wrap
    whole forms in one; each level once doubled the reading time)."""
    items = list(members(seed))
    i = _main_index(items)
    if i is None or not items[i][0].startswith("word/"):
        return pack(items)
    name, data = items[i]
    xml = data.decode()
    head, sep, rest = xml.partition("<w:body>")
    body, sep2, tail = rest.rpartition("<w:sectPr")
    if not sep or not sep2:
        return pack(items)
    depth = pick.choice([1, 5, 18, 40, 60, 80, 100])
    xml = head + sep + "<w:tbl><w:tr><w:tc>" * depth + body + "<w:p/></w:tc></w:tr></w:tbl>" * depth + sep2 + tail
    items[i] = (name, xml.encode())
    return pack(items)


MUTATORS = [truncate, flip_bytes, flip_in_xml, drop_member, duplicate_member, rename_member, garbage_member,
            corrupt_xml, huge_cell, many_blocks, deep_nesting, declare, stored_zip, size_lie, single_cell_tables]


# -- the property -----------------------------------------------------------------------------


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def check_case(schemas, path: Path) -> str:
    """Run check_document on one mutated file and assert the contract; returns the status."""
    before = sha(path)
    started = time.perf_counter()
    report = check_document(path, schemas)  # any exception fails the test with its traceback
    elapsed = time.perf_counter() - started
    assert sha(path) == before, "the input was modified"
    assert elapsed < SECONDS_PER_FILE, f"{elapsed:.1f} s"
    status = report.status.value
    assert status in EXIT_CODES
    json.dumps(report.to_json(), ensure_ascii=False)  # the JSON contract holds for any input
    for finding in report.findings:
        key = finding.params.get("reason_key")
        if key is not None:
            assert key in messages.CATALOGUE, key
            # "crashed" is what a worker says about a bug; check_document itself must never need it.
            assert key != "unreadable.crashed", finding.params
    if status == "unreadable":
        assert report.findings[0].code.value in ("FILE_UNREADABLE", "KIND_UNKNOWN")
    return status


def check_cli(cli, path: Path, status: str) -> None:
    """`socinv check --format json` (in-process): JSON, exit code per SPEC §5, no traceback."""
    before = sha(path)
    result = cli("check", path, "--format", "json")
    assert "Traceback" not in result.output
    data = json.loads(result.output)
    assert data["status"] == status
    assert result.exit_code == EXIT_CODES[status]
    assert sha(path) == before


def write_case(directory: Path, seed: Path, data: bytes, n: int = 0) -> Path:
    path = directory / f"fall{n}{seed.suffix}"
    path.write_bytes(data)
    return path


@pytest.fixture(scope="module")
def workdir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


def _property(schemas, workdir, cli, data, with_cli: bool) -> None:
    pick = HypothesisPick(data)
    seed = pick.choice(SEEDS)
    mutator = pick.choice(MUTATORS)
    path = write_case(workdir, seed, mutator(pick, seed))
    status = check_case(schemas, path)
    if with_cli:
        check_cli(cli, path, status)


FAST = settings(max_examples=40, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                       HealthCheck.function_scoped_fixture])
SLOW = settings(max_examples=int(os.environ.get("SOCINV_FUZZ_EXAMPLES", "3000")), deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                       HealthCheck.function_scoped_fixture])


@FAST
@given(data=st.data())
def test_fuzz_slice(schemas, workdir, cli, data):
    """The always-on slice: a few dozen deterministic cases, with the CLI."""
    _property(schemas, workdir, cli, data, with_cli=True)


@pytest.mark.parametrize("mutator", MUTATORS, ids=[m.__name__ for m in MUTATORS])
def test_every_mutator_once(schemas, workdir, cli, mutator):
    """Each kind of damage at least once per run, on a Word and an Excel seed."""
    for n, seed in enumerate(s for s in SEEDS if s.parent.name == "official"):
        path = write_case(workdir, seed, mutator(RandomPick(random.Random(n)), seed), n)
        status = check_case(schemas, path)
        if n == 0:
            check_cli(cli, path, status)


@pytest.mark.slow
@SLOW
@given(data=st.data())
def test_fuzz_many(schemas, workdir, cli, data):
    """The big run: thousands of cases (SOCINV_FUZZ_EXAMPLES), a tenth through the CLI."""
    _property(schemas, workdir, cli, data, with_cli=data.draw(st.integers(0, 9)) == 0)


@pytest.mark.slow
def test_fuzz_real_command_line(schemas, tmp_path):
    """The installed command as a user runs it (a real process): exit codes and no traceback."""
    rng = random.Random(2026)
    for n in range(40):
        seed = rng.choice(SEEDS)
        mutator = MUTATORS[n % len(MUTATORS)]
        path = write_case(tmp_path, seed, mutator(RandomPick(rng), seed), n)
        before = sha(path)
        proc = subprocess.run([sys.executable, "-m", "socinv_docs", "check", str(path), "--format", "json"],
                              cwd=ROOT, capture_output=True, text=True, timeout=60)
        assert "Traceback" not in proc.stderr + proc.stdout, proc.stderr
        data = json.loads(proc.stdout)
        assert proc.returncode == EXIT_CODES[data["status"]], (mutator.__name__, data)
        assert sha(path) == before


@pytest.mark.slow
def test_fuzz_validate_folder(schemas, tmp_path):
    """A folder of broken files through validate's workers: every file reported, none as a
    crash or a timeout (those would hide a bug behind the worker's safety net)."""
    from socinv_docs.validate import validate_folder

    rng = random.Random(7)
    inbox = tmp_path / "inkomna"
    inbox.mkdir()
    hashes = {}
    for n in range(300):
        seed = rng.choice(SEEDS)
        path = write_case(inbox, seed, rng.choice(MUTATORS)(RandomPick(rng), seed), n)
        hashes[path] = sha(path)
    run = validate_folder(inbox, schemas, jobs=2)
    docs = [d for s in run.submissions for d in s.documents]
    assert len(docs) == 300
    for doc in docs:
        for finding in doc.findings:
            assert finding.params.get("reason_key") not in ("unreadable.crashed", "unreadable.timeout"), \
                (doc.file, finding.params)
    assert all(sha(p) == h for p, h in hashes.items())


# -- regressions found by the fuzzing ---------------------------------------------------------


def _damage_deflated(data: bytes, member: str) -> bytes:
    """The package with the deflated stream of one member replaced by an invalid block type
    (0xFF): reading it raises zlib.error, not BadZipFile."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        info = z.getinfo(member)
    out = bytearray(data)
    name_len, extra_len = int.from_bytes(out[info.header_offset + 26:info.header_offset + 28], "little"), \
        int.from_bytes(out[info.header_offset + 28:info.header_offset + 30], "little")
    start = info.header_offset + 30 + name_len + extra_len
    out[start:start + min(info.compress_size, 8)] = b"\xff" * min(info.compress_size, 8)
    return bytes(out)


def test_validate_survives_damaged_core_properties(cli, schemas, tmp_path):
    """validate reads docProps/core.xml of every file to skip its own outputs; a damaged
    deflate stream there raised zlib.error out of the discovery (a traceback, no register)."""
    inbox = tmp_path / "inkomna"
    inbox.mkdir()
    seed = ROOT / "samples" / "ideprovning-komplett.docx"
    data = pack(members(seed))  # deflated, so the damage is a zlib error
    path = inbox / "skadad.docx"
    path.write_bytes(_damage_deflated(data, "docProps/core.xml"))
    result = cli("validate", inbox, "--format", "json")
    assert result.exit_code in (0, 1, 2)
    assert [d["file"] for s in result.json["submissions"] for d in s["documents"]] == ["skadad.docx"]


# -- folders: names that are not UTF-8, and links that loop ---------------------------------

def _odd_name(rng: random.Random, suffix: str | bytes) -> bytes:
    """A file name as bytes: Latin-1 or CP-1252 Swedish (what an old Windows share or a zip
    unpacked without its encoding gives), stray continuation bytes, or plain UTF-8."""
    words = ["ansökan", "förslag", "idéprövning", "utvärdering", "Örebro", "Mölndal", "bilaga"]
    stem = rng.choice(words) + f"-{rng.randrange(10**6)}"
    encoded = rng.choice([stem.encode("latin-1"), stem.encode("cp1252"), stem.encode() + b"\x80\xff",
                          b"\xe5\xe4\xf6-" + stem.encode(), stem.encode()])
    return encoded + (suffix if isinstance(suffix, bytes) else suffix.encode())


def _odd_folder(rng: random.Random, root: Path, outside: Path, n: int) -> int:
    """Fill `root` with n random entries: fuzzed files under odd names, sub-folders, and
    links that loop (to themselves, in pairs, up to a parent), dangle, or leave the folder.
    Returns how many entries are regular files to be checked."""
    broot = os.fsencode(root)
    files = 0
    for i in range(n):
        shape = rng.choice(["file", "file", "folder", "self", "pair", "parent", "dangling", "outside"])
        if shape == "file":
            seed = rng.choice(SEEDS)
            data = rng.choice(MUTATORS)(RandomPick(rng), seed) if rng.random() < 0.5 else seed.read_bytes()
            with open(os.path.join(broot, _odd_name(rng, seed.suffix)), "xb") as fh:
                fh.write(data)
            files += 1
        elif shape == "folder":  # a submission folder with a file and a link back up inside
            folder = os.path.join(broot, _odd_name(rng, b""))
            os.mkdir(folder)
            seed = rng.choice(SEEDS)
            with open(os.path.join(folder, _odd_name(rng, seed.suffix)), "xb") as fh:
                fh.write(seed.read_bytes())
            files += 1
            os.symlink(b"..", os.path.join(folder, b"upp"))
        elif shape == "self":
            os.symlink(b"slinga-%d" % i, os.path.join(broot, b"slinga-%d" % i))
        elif shape == "pair":
            os.symlink(b"b-%d" % i, os.path.join(broot, b"a-%d" % i))
            os.symlink(b"a-%d" % i, os.path.join(broot, b"b-%d" % i))
        elif shape == "parent":
            os.symlink(b".", os.path.join(broot, b"har-%d" % i))
        elif shape == "dangling":
            os.symlink(b"finns-inte-%d.docx" % i, os.path.join(broot, _odd_name(rng, b".docx")))
        else:
            os.symlink(os.fsencode(outside), os.path.join(broot, b"ut-%d" % i))
    return files


@pytest.mark.slow
@pytest.mark.parametrize("seed", range(5))
def test_fuzz_folders_of_odd_names_and_link_loops(tmp_path, seed):
    """validate over folders of non-UTF-8 names and symlink loops (issue 10): it ends, exit 2
    or less, no traceback, every regular file checked exactly once, links reported as
    skipped rather than followed, and the register written with a row per submission."""
    import openpyxl

    rng = random.Random(seed)
    root, outside = tmp_path / "inkomna", tmp_path / "utanfor"
    root.mkdir()
    outside.mkdir()
    (outside / "annan.xlsx").write_bytes((ROOT / "samples" / "forslag-komplett.xlsx").read_bytes())
    files = _odd_folder(rng, root, outside, 40)
    register = tmp_path / "register.xlsx"
    proc = subprocess.run([sys.executable, "-m", "socinv_docs", "validate", str(root), "--format", "json",
                           "--register", str(register)],
                          cwd=ROOT, capture_output=True, timeout=300)
    stderr = proc.stderr.decode("utf-8", "replace")
    assert proc.returncode in (0, 1, 2) and "Traceback" not in stderr, stderr[-2000:]
    data = json.loads(proc.stdout)
    documents = [d for s in data["submissions"] for d in s["documents"]]
    assert len(documents) == files  # nothing outside, nothing twice through a loop
    assert all(entry["reason"].startswith("skipped.link") or entry["reason"] == "skipped.not_regular"
               for entry in data["skipped"]), data["skipped"]
    workbook = openpyxl.load_workbook(register, read_only=True)
    rows = sum(1 for row in workbook["Ansökningar"].iter_rows(min_row=2, values_only=True) if any(row))
    assert rows >= len(data["submissions"])

"""Open an Office file only after it has shown it is safe to parse.

Checks are cheap and run before python-docx/openpyxl touch the file: size, magic bytes
(OLE = legacy or password-protected, PDF, not a zip), the size of the zip's central
directory (before zipfile parses it), zip members (count, declared inflated size,
compression ratio) and XML prologues (Office XML never has a DOCTYPE, so any DTD is
hostile: entity expansion, external entities).

Why the declared sizes are enough: zipfile stops reading a member at its declared
size and checks the CRC, so a member cannot inflate past what its header says.

Why every member is looked at, not only *.xml: a package's relationships may point its
main part at any name ("word/main.bin"), and the parser does not care about the name.
So every member whose first bytes look like XML gets the size limit and the DTD check.
"""

from __future__ import annotations

import codecs
import re
import zipfile
import zlib
from functools import lru_cache
from pathlib import Path

from socinv_docs.limits import XML_DEPTH_CEILING, Limits

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
PDF_MAGIC = b"%PDF"
# The stream names Office uses inside an OLE container for an encrypted OOXML package.
ENCRYPTED_MARKERS = ("EncryptedPackage".encode("utf-16-le"), "EncryptionInfo".encode("utf-16-le"))
# Reading a damaged member can fail in any of these ways; all of them mean "corrupt".
# zlib.error is not an OSError: without it a flipped byte in deflated data escapes as a traceback.
ZIP_READ_ERRORS = (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError, NotImplementedError,
                   RuntimeError, zipfile.LargeZipFile)
# A central-directory entry is 46 bytes plus its name and extra field; Office names are short.
# Used to bound the directory *before* zipfile parses it (its cost grows with the directory).
DIRECTORY_BYTES_PER_MEMBER = 512


class UnreadableFile(Exception):
    """A file that cannot be read. `reason` is a key in the message catalogue."""

    def __init__(self, reason: str, **params: object) -> None:
        super().__init__(reason)
        self.reason = reason
        self.params = params


def check_file(path: Path, limits: Limits) -> zipfile.ZipFile:
    """Return an open ZipFile for a file that passed every check, or raise UnreadableFile."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise UnreadableFile("unreadable.os_error", error=exc.strerror or str(exc)) from None
    if size == 0:
        raise UnreadableFile("unreadable.empty")
    if size > limits.max_file_bytes:
        raise UnreadableFile("unreadable.too_large", size_mb=round(size / 1_048_576, 1),
                             limit_mb=_mb(limits.max_file_bytes))
    try:
        with path.open("rb") as fh:
            head = fh.read(8)
    except OSError as exc:
        raise UnreadableFile("unreadable.os_error", error=exc.strerror or str(exc)) from None

    if head.startswith(OLE_MAGIC):
        data = path.read_bytes()
        if any(marker in data for marker in ENCRYPTED_MARKERS):
            raise UnreadableFile("unreadable.encrypted")
        raise UnreadableFile("unreadable.legacy")
    if head.startswith(PDF_MAGIC):
        raise UnreadableFile("unreadable.pdf")
    if not head.startswith(ZIP_MAGIC):
        raise UnreadableFile("unreadable.not_office")

    _check_directory(path, limits)
    try:
        archive = zipfile.ZipFile(path)
    except ZIP_READ_ERRORS:
        raise UnreadableFile("unreadable.corrupt") from None
    try:
        _check_members(archive, limits)
    except BaseException:
        archive.close()
        raise
    return archive


def _check_directory(path: Path, limits: Limits) -> None:
    """Refuse a zip whose central directory is too big before zipfile parses all of it.

    zipfile builds one ZipInfo per entry up front: a 50 MB file made only of directory
    entries would cost a million objects before the member count below could refuse it.
    The entry count in the end record may lie, but zipfile reads exactly the directory
    size the end record states, so that size bounds the work. _EndRecData is the very
    function zipfile uses to find the end record, so we see what it will see.
    """
    find_end = getattr(zipfile, "_EndRecData", None)
    if find_end is None:  # a future Python without it: the member count check still applies
        return
    try:
        with path.open("rb") as fh:
            end = find_end(fh)
    except (OSError, ValueError, EOFError, zipfile.BadZipFile, IndexError):
        return  # zipfile.ZipFile reports it as corrupt
    if not end:
        return
    entries, directory_bytes = end[zipfile._ECD_ENTRIES_TOTAL], end[zipfile._ECD_SIZE]
    if entries > limits.max_members or directory_bytes > limits.max_members * DIRECTORY_BYTES_PER_MEMBER:
        count = max(entries, directory_bytes // DIRECTORY_BYTES_PER_MEMBER)
        raise UnreadableFile("unreadable.too_many_parts", count=count, limit=limits.max_members)


def _check_members(archive: zipfile.ZipFile, limits: Limits) -> None:
    infos = archive.infolist()
    if len(infos) > limits.max_members:
        raise UnreadableFile("unreadable.too_many_parts", count=len(infos), limit=limits.max_members)
    inflated = sum(i.file_size for i in infos)
    if inflated > limits.max_inflated_bytes:
        raise UnreadableFile("unreadable.zip_bomb", limit_mb=_mb(limits.max_inflated_bytes))
    for info in infos:
        # A tiny member that claims to inflate enormously is a bomb even under the total.
        if info.file_size > 10_000_000 and info.file_size > limits.max_ratio * max(info.compress_size, 1):
            raise UnreadableFile("unreadable.zip_bomb", limit_mb=_mb(limits.max_inflated_bytes))
        if _is_xml_name(info.filename) and info.file_size > limits.max_xml_part_bytes:
            raise UnreadableFile("unreadable.part_too_large", part=info.filename,
                                 limit_mb=_mb(limits.max_xml_part_bytes))
        if info.flag_bits & 0x1:
            raise UnreadableFile("unreadable.encrypted")
    names = {i.filename for i in infos}
    if "[Content_Types].xml" not in names:
        if "mimetype" in names and _read_head(archive, archive.getinfo("mimetype")).startswith(
                b"application/vnd.oasis.opendocument"):
            raise UnreadableFile("unreadable.opendocument")  # an .odt/.ods renamed .docx/.xlsx
        raise UnreadableFile("unreadable.not_office")
    for info in infos:
        if info.is_dir() or info.filename.lower().endswith(_HTML_SUFFIXES):
            continue
        head = _read_head(archive, info)
        text = xml_head_text(head, info.filename)
        if text is None:
            continue  # not XML (images, fonts, vbaProject.bin): no parser will read it as XML
        if info.file_size > limits.max_xml_part_bytes:
            raise UnreadableFile("unreadable.part_too_large", part=info.filename,
                                 limit_mb=_mb(limits.max_xml_part_bytes))
        check_prologue(text, info.filename, truncated=len(head) == PROLOGUE_MAX)


def too_deep(part: str, limits: Limits) -> UnreadableFile:
    return UnreadableFile("unreadable.too_deep", part=part, limit=limits.xml_depth)


def is_depth_error(exc: BaseException) -> bool:
    """Whether lxml refused a part for its nesting (libxml2's own ceiling, past any setting)."""
    return "Excessive depth" in str(exc)


def check_depth(root, part: str, limits: Limits) -> None:
    """Refuse a parsed part nested deeper than Limits.xml_depth (an element exists at
    depth limit + 1). One XPath over the tree in C: each level's elements are visited once,
    a fraction of a millisecond for a real document."""
    if limits.xml_depth >= XML_DEPTH_CEILING:
        return  # the parser has refused anything deeper already
    if _depth_probe(limits.xml_depth)(root):
        raise too_deep(part, limits)


@lru_cache(maxsize=8)
def _depth_probe(depth: int):
    from lxml import etree

    return etree.XPath("boolean(" + "/".join(["*"] * depth) + ")")


def _mb(n: int) -> float | int:
    """Megabytes for a message: whole when large, one decimal when a small limit is set."""
    value = n / 1_048_576
    return round(value) if value >= 10 else round(value, 1)


def _is_xml_name(name: str) -> bool:
    return name.lower().endswith((".xml", ".rels", ".vml"))


# An HTML chunk embedded with w:altChunk may carry "<!DOCTYPE html>"; it is never parsed
# as XML by the readers, so the DTD check leaves it alone (its size still counts above).
_HTML_SUFFIXES = (".htm", ".html", ".mht", ".mhtml")
PROLOGUE_MAX = 65536


def _read_head(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    try:
        with archive.open(info) as fh:
            return fh.read(PROLOGUE_MAX)
    except ZIP_READ_ERRORS:
        raise UnreadableFile("unreadable.corrupt") from None


# Encodings Office (and LibreOffice, Google Sheets, openpyxl...) write, all of which a plain
# text scan can read: ASCII-compatible 8-bit ones and UTF-16. Anything else (UTF-7, UTF-32,
# EBCDIC) could spell "<!DOCTYPE" in bytes the scan does not recognise, so it is refused.
_EIGHT_BIT = re.compile(r"^(utf-?8|(us-)?ascii|iso[-_]?8859[-_]\d{1,2}|latin-?1|(windows|cp)-?125\d)$", re.I)
_SIXTEEN_BIT = re.compile(r"^utf-?16([-_]?(le|be))?$", re.I)
_DECLARED = re.compile(r"""^\s*<\?xml\s[^>]*?encoding\s*=\s*["']([^"']*)["']""")
_UCS4_STARTS = (b"\x00\x00\xfe\xff", b"\xff\xfe\x00\x00", b"\x00\x00\x00<", b"<\x00\x00\x00",
                b"\x00\x00<\x00", b"\x00<\x00\x00")
_EBCDIC_START = b"\x4c\x6f\xa7\x94"  # "<?xm" in EBCDIC


def xml_head_text(head: bytes, part: str) -> str | None:
    """The start of a part decoded the way an XML parser would, or None if it is not XML.

    Mirrors the parser's encoding detection (byte order mark, then the first bytes, then
    the declaration) so the DTD check reads the same characters the parser will.
    """
    if head.startswith(_UCS4_STARTS) or head.startswith(_EBCDIC_START):
        raise UnreadableFile("unreadable.xml_encoding", part=part, encoding="UCS-4/EBCDIC")
    if head.startswith(codecs.BOM_UTF8):
        encoding, sixteen, head = "utf-8", False, head[3:]
    elif head.startswith(codecs.BOM_UTF16_LE):
        encoding, sixteen, head = "utf-16-le", True, head[2:]
    elif head.startswith(codecs.BOM_UTF16_BE):
        encoding, sixteen, head = "utf-16-be", True, head[2:]
    elif head.startswith(b"<\x00"):
        encoding, sixteen = "utf-16-le", True
    elif head.startswith(b"\x00<"):
        encoding, sixteen = "utf-16-be", True
    else:
        encoding, sixteen = "utf-8", False
    text = head.decode(encoding, errors="replace")
    if not text.lstrip(" \t\r\n").startswith("<"):
        return None  # a parser would fail on the first byte: not XML, nothing to expand
    declared = _DECLARED.match(text)
    if declared:
        name = declared.group(1).strip()
        expected = _SIXTEEN_BIT if sixteen else _EIGHT_BIT
        if not expected.match(name):
            # Unknown encoding, or one that contradicts the bytes (a UTF-16 declaration on
            # 8-bit bytes): the parser might read other characters than we scanned.
            raise UnreadableFile("unreadable.xml_encoding", part=part, encoding=name[:40] or "?")
    return text


_ROOT_START = re.compile(r"<[^?!]")
_COMMENT_OR_PI = re.compile(r"<!--.*?(?:-->|\Z)|<\?.*?(?:\?>|\Z)", re.S)


def check_prologue(text: str, part: str, *, truncated: bool = False) -> None:
    """Refuse any DTD before the root element (a DTD is only legal there).

    `text` is the decoded start of the part (xml_head_text). A root element not found in
    the first PROLOGUE_MAX bytes means a prologue padded to hide something: refused too.
    """
    # Comments and processing instructions may hold anything, including "<a" that looks
    # like a root element: skip them (an unterminated one runs to the end of what we read).
    scan = _COMMENT_OR_PI.sub("", text)
    root = _ROOT_START.search(scan)
    prologue = (scan if root is None else scan[: root.start()]).lower()
    if "<!doctype" in prologue or "<!entity" in prologue or "\x00" in prologue:
        raise UnreadableFile("unreadable.hostile_xml", part=part)
    if root is None and truncated:
        raise UnreadableFile("unreadable.hostile_xml", part=part)


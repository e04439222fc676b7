"""Open an Office file only after it has shown it is safe to parse, and read its parts
only through bounded, checked paths.

Checks are cheap and run before any part is parsed: size, magic bytes (OLE = legacy or
password-protected, told apart by the streams in its directory; PDF; not a zip), the size
of the zip's central directory (before
zipfile parses it), zip members (count, declared inflated size, compression ratio) and
the prologues of the package's XML parts (Office XML never has a DOCTYPE, so any DTD is
hostile: entity expansion, external entities).

Every read of a member goes through MemberStream: it inflates in bounded chunks and
refuses a stream that does not end exactly at its declared size (or fails its CRC).
zipfile alone inflates a member in one call up to 2 GiB and keeps only the declared
size: a stream that runs far past its header cost gigabytes and still read as valid.

Every part a reader parses goes through parse_part/iterparse_part: the XML limits (part
size, prologue, encoding, nesting) are applied to exactly the parts the tool parses.
Parts nothing parses (VML drawings, customProperty*.bin, images) only count towards the
zip limits (size, compression ratio): a form button's VML that is not well-formed XML, or
a UTF-16 custom property, is no reason to refuse a workbook.
"""

from __future__ import annotations

import codecs
import contextlib
import copy
import io
import re
import zipfile
import zlib
from functools import lru_cache
from pathlib import Path

from socinv_docs.limits import XML_DEPTH_CEILING, Limits
from socinv_docs.readers.strict import to_transitional

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
PDF_MAGIC = b"%PDF"
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
        legacy = _legacy_format(path)
        raise UnreadableFile("unreadable.legacy", **({"legacy": legacy} if legacy else {}))
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


# What an OLE container (the Office 97–2003 formats) holds is told by the streams at the
# root of its directory. Names there are case-insensitive: a .xls may name its stream BOOK
# or WORKBOOK, a .doc worddocument. Only the root counts: a workbook with an embedded Word
# object keeps that object's WordDocument stream in a storage of its own (ObjectPool, MBD…),
# and is still a workbook.
_WORD_STREAM = "WordDocument"
_EXCEL_STREAMS = ("Workbook", "Book")  # Excel 97–2003; Excel 5/95
_ENCRYPTED_PACKAGE_STREAMS = ("EncryptionInfo", "EncryptedPackage")  # a .docx/.xlsx with a password
# A .doc's WordDocument stream starts with its FIB: wIdent (Word 97–2003 0xA5EC, Word 6/95
# 0xA5DC), then a flags word at offset 10 whose fEncrypted bit is set when the document is
# password-protected (LibreOffice, asked to convert one, just writes nothing).
_FIB_IDENTS = (0xA5EC, 0xA5DC)
_FIB_ENCRYPTED = 0x0100


def _legacy_format(path: Path) -> str | None:
    """"doc", "xls" or None (PowerPoint, anything else) for an OLE container, read from its
    directory with olefile. Raises UnreadableFile: "encrypted" for a password-protected
    .doc/.docx/.xlsx, "corrupt" when the directory cannot be read."""
    import olefile

    try:
        with olefile.OleFileIO(str(path)) as ole:

            def has_stream(name: str) -> bool:
                return ole.exists(name) and ole.get_type(name) == olefile.STGTY_STREAM

            if any(has_stream(name) for name in _ENCRYPTED_PACKAGE_STREAMS):
                raise UnreadableFile("unreadable.encrypted")
            if has_stream(_WORD_STREAM):
                fib = ole.openstream(_WORD_STREAM).read(12)
                if len(fib) == 12 and int.from_bytes(fib[:2], "little") in _FIB_IDENTS \
                        and int.from_bytes(fib[10:12], "little") & _FIB_ENCRYPTED:
                    raise UnreadableFile("unreadable.encrypted")
                return "doc"
            if any(has_stream(name) for name in _EXCEL_STREAMS):
                return "xls"
            return None
    except (UnreadableFile, MemoryError):
        raise
    except Exception:  # olefile on a broken container: OleFileError, and struct/Index/ValueError
        raise UnreadableFile("unreadable.corrupt") from None


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
        if info.file_size > RATIO_CHECKED_ABOVE and info.file_size > limits.max_ratio * max(info.compress_size, 1):
            raise UnreadableFile("unreadable.zip_ratio", part=info.filename, limit=limits.max_ratio,
                                 ratio=info.file_size // max(info.compress_size, 1))
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
        # The package's own XML parts, by name: what Office, the annotators and openpyxl parse.
        # Parts under other names are checked when a reader parses them (parse_part); VML and
        # binary parts nothing parses are left to the zip limits above.
        if info.is_dir() or not info.filename.lower().endswith(_PACKAGE_XML_SUFFIXES):
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


# The names of a package's XML parts. (An HTML chunk embedded with w:altChunk may carry
# "<!DOCTYPE html>"; it is never parsed as XML, and its name is not one of these.)
_PACKAGE_XML_SUFFIXES = (".xml", ".rels")
PROLOGUE_MAX = 65536
# The compression ratio is checked for members larger than this: small parts of repeated
# markup legitimately compress far better than 200:1.
RATIO_CHECKED_ABOVE = 10_000_000


def _read_head(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    with MemberStream(archive, info) as fh:
        return fh.read(PROLOGUE_MAX)


# -- reading members: bounded inflation ---------------------------------------------------

# Inflated bytes produced per step: memory per read is bounded by this, whatever the stream.
INFLATE_CHUNK = 1 << 18


class MemberStream(io.RawIOBase):
    """One zip member, inflated in bounded chunks and checked against its header.

    The member's raw (compressed) bytes are read through zipfile (which parses the local
    header) and inflated here, at most INFLATE_CHUNK bytes per step. The stream must end
    exactly at the declared size: more output than declared, an early end, or a CRC that
    does not match is "unreadable.corrupt", raised as soon as it is seen (for the "more"
    case before inflating more than one chunk past the declared size).
    """

    def __init__(self, archive: zipfile.ZipFile, info: zipfile.ZipInfo | str) -> None:
        super().__init__()
        if isinstance(info, str):
            info = archive.getinfo(info)
        self.info = info
        self.name = info.filename
        self._produced = 0
        self._crc = 0
        self._ended = False
        self._inflater = None
        try:
            if info.compress_type in (zipfile.ZIP_DEFLATED, zipfile.ZIP_STORED):
                self._source = raw_member(archive, info)
                if info.compress_type == zipfile.ZIP_DEFLATED:
                    self._inflater = zlib.decompressobj(-zlib.MAX_WBITS)
                self._own = True
            else:  # bzip2/LZMA, which Office never writes: zipfile's own reader, read in steps
                self._source = archive.open(info)
                self._own = False
        except ZIP_READ_ERRORS:
            raise UnreadableFile("unreadable.corrupt", part=info.filename) from None

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        data = self.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)

    def read(self, size: int = -1) -> bytes:
        if size is None or size < 0:
            parts = []
            while chunk := self._step(INFLATE_CHUNK):
                parts.append(chunk)
            return b"".join(parts)
        return self._step(min(size, INFLATE_CHUNK)) if size else b""

    def _step(self, size: int) -> bytes:
        try:
            while not self._ended:
                if self._inflater is None:
                    data = self._source.read(size)
                    if not data:
                        self._finish()
                        break
                elif self._inflater.eof:
                    self._finish()
                    break
                else:
                    pending = self._inflater.unconsumed_tail or self._source.read(INFLATE_CHUNK)
                    if not pending:  # the compressed bytes ended inside the deflate stream
                        raise UnreadableFile("unreadable.corrupt", part=self.name)
                    data = self._inflater.decompress(pending, size)
                    if not data:
                        continue
                self._produced += len(data)
                if self._produced > self.info.file_size:  # runs past its declared size
                    raise UnreadableFile("unreadable.corrupt", part=self.name)
                if self._own:
                    self._crc = zlib.crc32(data, self._crc)
                return data
        except ZIP_READ_ERRORS:
            raise UnreadableFile("unreadable.corrupt", part=self.name) from None
        return b""

    def _finish(self) -> None:
        self._ended = True
        if self._produced != self.info.file_size or (self._own and self._crc != self.info.CRC):
            raise UnreadableFile("unreadable.corrupt", part=self.name)

    def close(self) -> None:
        if not self.closed:
            self._source.close()
        super().close()


def raw_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> zipfile.ZipExtFile:
    """A member's bytes as they are stored in the archive (still compressed): zipfile is
    told the member is stored, so it reads exactly its compress_size bytes after the local
    header and inflates nothing. The CRC is of the inflated bytes, so it is not checked here
    (MemberStream checks it)."""
    raw = copy.copy(info)
    raw.compress_type = zipfile.ZIP_STORED
    raw.file_size = info.compress_size
    del raw.CRC
    return archive.open(raw)


def drain_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo | str) -> None:
    """Inflate a member through MemberStream and keep nothing: it must end exactly at its
    declared size with its CRC (UnreadableFile otherwise), at most INFLATE_CHUNK bytes held."""
    with MemberStream(archive, info) as stream:
        while stream.read(INFLATE_CHUNK):
            pass


def read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo | str) -> bytes:
    """A member's bytes, read through MemberStream (the caller has bounded its declared size)."""
    with MemberStream(archive, info) as fh:
        return fh.read()


# -- parsing parts: the XML limits --------------------------------------------------------


@lru_cache(maxsize=1)
def _parser():
    from lxml import etree

    # resolve_entities=False and no DTD loading: a DTD is refused by the prologue check
    # before this parser sees it; this is the second wall.
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
                           remove_comments=True, remove_pis=True)


def checked_xml(archive: zipfile.ZipFile, name: str, limits: Limits) -> bytes:
    """The bytes of a part about to be parsed as XML, after the XML limits: its size, its
    encoding and a prologue without DTD. Strict OOXML namespaces are mapped to the
    transitional ones (strict.to_transitional), so a reader needs to know only one set."""
    try:
        info = archive.getinfo(name)
    except KeyError:
        raise UnreadableFile("unreadable.missing_part", part=name) from None
    if info.file_size > limits.max_xml_part_bytes:
        raise UnreadableFile("unreadable.part_too_large", part=name, limit_mb=_mb(limits.max_xml_part_bytes))
    data = read_member(archive, info)
    text = xml_head_text(data[:PROLOGUE_MAX], name)
    if text is not None:
        check_prologue(text, name, truncated=len(data) > PROLOGUE_MAX)
    return to_transitional(data)


def parse_part(archive: zipfile.ZipFile, name: str, limits: Limits):
    """Parse a part into a tree with the hardened parser: the XML limits first (checked_xml),
    then nesting (Limits.xml_depth), so the readers' recursive walks never meet more."""
    from lxml import etree

    data = checked_xml(archive, name, limits)
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as exc:
        if is_depth_error(exc):
            raise too_deep(name, limits) from None
        raise
    if root is None:
        raise UnreadableFile("unreadable.bad_content", detail="XMLSyntaxError")
    check_depth(root, name, limits)
    return root


def iterparse_part(archive: zipfile.ZipFile, name: str, limits: Limits):
    """Stream a part's ("start", element) and ("end", element) events, for parts too big to
    keep as a tree (sheets, shared strings). The XML limits apply as in parse_part and the
    nesting is counted as the events arrive. The caller clears what it has used."""
    depth, limit = 0, limits.xml_depth
    with xml_events(archive, name, limits) as events:
        for event, element in events:
            if event == "start":
                depth += 1
                if depth > limit:
                    raise too_deep(name, limits)
            else:
                depth -= 1
            yield event, element


@contextlib.contextmanager
def xml_events(archive: zipfile.ZipFile, name: str, limits: Limits):
    """lxml's ("start", "end") events over a part that passed the XML limits (checked_xml),
    with libxml2's own nesting refusal reported as too_deep. A caller that counts nesting
    itself (the sheet reader's hot loop) uses this directly."""
    from lxml import etree

    data = checked_xml(archive, name, limits)
    events = etree.iterparse(io.BytesIO(data), events=("start", "end"), resolve_entities=False,
                             load_dtd=False, no_network=True, huge_tree=False, remove_comments=True,
                             remove_pis=True)
    try:
        yield events
    except etree.XMLSyntaxError as exc:
        if is_depth_error(exc):
            raise too_deep(name, limits) from None
        raise


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


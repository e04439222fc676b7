"""Open an Office file only after it has shown it is safe to parse.

Checks are cheap and run before python-docx/openpyxl touch the file: size, magic bytes
(OLE = legacy or password-protected, PDF, not a zip), zip directory (member count,
declared inflated size, compression ratio) and XML prologues (Office XML never has a
DOCTYPE, so any DTD is hostile: entity expansion, external entities).

Why the declared sizes are enough: zipfile stops reading a member at its declared
size and checks the CRC, so a member cannot inflate past what its header says.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from socinv_docs.limits import Limits

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
PDF_MAGIC = b"%PDF"
# The stream names Office uses inside an OLE container for an encrypted OOXML package.
ENCRYPTED_MARKERS = ("EncryptedPackage".encode("utf-16-le"), "EncryptionInfo".encode("utf-16-le"))


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
                             limit_mb=round(limits.max_file_bytes / 1_048_576))
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

    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise UnreadableFile("unreadable.corrupt") from None
    try:
        _check_members(archive, limits)
    except BaseException:
        archive.close()
        raise
    return archive


def _check_members(archive: zipfile.ZipFile, limits: Limits) -> None:
    infos = archive.infolist()
    if len(infos) > limits.max_members:
        raise UnreadableFile("unreadable.too_many_parts", count=len(infos), limit=limits.max_members)
    inflated = sum(i.file_size for i in infos)
    if inflated > limits.max_inflated_bytes:
        raise UnreadableFile("unreadable.zip_bomb", limit_mb=round(limits.max_inflated_bytes / 1_048_576))
    for info in infos:
        # A tiny member that claims to inflate enormously is a bomb even under the total.
        if info.file_size > 10_000_000 and info.file_size > limits.max_ratio * max(info.compress_size, 1):
            raise UnreadableFile("unreadable.zip_bomb", limit_mb=round(limits.max_inflated_bytes / 1_048_576))
        if info.filename.endswith((".xml", ".rels")) and info.file_size > limits.max_xml_part_bytes:
            raise UnreadableFile("unreadable.part_too_large", part=info.filename,
                                 limit_mb=round(limits.max_xml_part_bytes / 1_048_576))
        if info.flag_bits & 0x1:
            raise UnreadableFile("unreadable.encrypted")
    names = {i.filename for i in infos}
    if "[Content_Types].xml" not in names:
        raise UnreadableFile("unreadable.not_office")
    for info in infos:
        if info.filename.endswith((".xml", ".rels")):
            _check_prologue(archive, info)


_ROOT_START = re.compile(rb"<[A-Za-z_]")
PROLOGUE_MAX = 65536


def _check_prologue(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> None:
    """Refuse any DTD before the root element (a DTD is only legal there)."""
    try:
        with archive.open(info) as fh:
            head = fh.read(PROLOGUE_MAX)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError, RuntimeError):
        raise UnreadableFile("unreadable.corrupt") from None
    if head[:2] in (b"\xff\xfe", b"\xfe\xff"):  # UTF-16 part: look at it as text
        head = head.decode("utf-16", errors="replace").encode("utf-8")
    root = _ROOT_START.search(head)
    prologue = head if root is None else head[: root.start()]
    if b"<!doctype" in prologue.lower() or b"<!entity" in prologue.lower():
        raise UnreadableFile("unreadable.hostile_xml", part=info.filename)
    if root is None and len(head) == PROLOGUE_MAX:
        raise UnreadableFile("unreadable.hostile_xml", part=info.filename)

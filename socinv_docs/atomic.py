"""Writing outputs atomically (SPEC §6: "Outputs are written atomically").

Every file the tool writes (register, memos, annotated copies) goes to a hidden temporary
file in the target's own directory, is flushed to disk, and only then replaces the target
with os.replace. A crash, a full disk or a permission error leaves the old file as it was;
a reader (Excel, a colleague on the share) never sees half a file.

The temporary files are hidden ('.name.xxxx.tmp'), so `validate` never takes one for a
submission. Files the tool generates from scratch (register, memos) carry
TOOL_CREATOR as their author so that `validate` can skip them when they sit in the folder
it reads (an annotated copy is the applicant's file and keeps the applicant's author).
"""

from __future__ import annotations

import os
import re
import stat
import tempfile
import zipfile
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

TOOL_CREATOR = "socinv-docs"
_CREATOR_RE = re.compile(rb"<(?:\w+:)?creator\b[^>]*>\s*" + re.escape(TOOL_CREATOR.encode()) + rb"\s*</(?:\w+:)?creator>")
_CORE_MAX_BYTES = 64 * 1024
# HTML/Markdown outputs have no author: they carry this comment near the top instead.
TEXT_MARKER = "<!-- socinv-docs -->"
TEXT_SUFFIXES = {".html", ".htm", ".md"}


def _fsync_dir(directory: Path) -> None:
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return  # not possible on every platform (Windows); the rename is still atomic
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _mode_for(target: Path) -> int:
    """Keep an existing file's permissions; a new file gets the usual 0666 minus umask."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


@contextmanager
def atomic_path(target: str | os.PathLike) -> Iterator[Path]:
    """Yield a temporary path beside `target`; on success it replaces `target`.

    Raises OSError (PermissionError, FileNotFoundError, …) when the directory cannot be
    written; the target is then untouched and no temporary file is left behind.
    """
    target = Path(target)
    directory = target.parent if str(target.parent) else Path(".")
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.chmod(tmp, _mode_for(target))
        os.replace(tmp, target)
    except BaseException:
        try:
            tmp.unlink()
        except OSError:
            pass
        raise
    _fsync_dir(directory)


def write_with(target: str | os.PathLike, writer: Callable[[Path], object]) -> Path:
    """Call writer(temp_path) and move the result into place atomically."""
    with atomic_path(target) as tmp:
        writer(tmp)
    return Path(target)


def write_bytes(target: str | os.PathLike, data: bytes) -> Path:
    return write_with(target, lambda tmp: tmp.write_bytes(data))


def write_text(target: str | os.PathLike, text: str, encoding: str = "utf-8") -> Path:
    return write_bytes(target, text.encode(encoding))


def save_workbook(workbook, target: str | os.PathLike) -> Path:
    """openpyxl Workbook.save, atomically."""
    return write_with(target, lambda tmp: workbook.save(str(tmp)))


def save_document(document, target: str | os.PathLike) -> Path:
    """python-docx Document.save, atomically."""
    return write_with(target, lambda tmp: document.save(str(tmp)))


def is_tool_output(path: str | os.PathLike) -> bool:
    """True for an Office file this tool generated (its author is TOOL_CREATOR).

    Reads at most the small docProps/core.xml part (HTML/Markdown: the first 4 KB, looking
    for TEXT_MARKER); anything odd means "no" (the file is then checked like any other and
    reported if broken).
    """
    if Path(path).suffix.lower() in TEXT_SUFFIXES:
        try:
            with open(path, "rb") as fh:
                return TEXT_MARKER.encode() in fh.read(4096)
        except OSError:
            return False
    try:
        with zipfile.ZipFile(path) as archive:
            info = archive.getinfo("docProps/core.xml")
            if info.file_size > _CORE_MAX_BYTES:
                return False
            with archive.open(info) as fh:
                data = fh.read(_CORE_MAX_BYTES)
    # zlib.error (not an OSError) is what damaged deflated data raises: without it a broken
    # docProps/core.xml ended `socinv validate` with a traceback while finding the files.
    except (OSError, KeyError, zipfile.BadZipFile, RuntimeError, ValueError, EOFError, NotImplementedError,
            zlib.error, zipfile.LargeZipFile):
        return False
    return bool(_CREATOR_RE.search(data))

"""Writing outputs atomically (SPEC §6: "Outputs are written atomically").

Every file the tool writes (register, memos, annotated copies) goes to a hidden temporary
file in the target's own directory, is flushed to disk, and only then replaces the target
with os.replace. A crash, a full disk or a permission error leaves the old file as it was;
a reader (Excel, a colleague on the share) never sees half a file.

The temporary files are hidden ('.name.xxxx.tmp'), so `validate` never takes one for a
submission. Files the tool generates from scratch (register, memos) carry
TOOL_CREATOR as their author so that `validate` can skip them when they sit in the folder
it reads (an annotated copy is the applicant's file and keeps the applicant's author).

exclusive() is the lock of our own around a read–merge–write (the register), so that two
runs at once never both read the old file and the second write drop the first's.
"""

from __future__ import annotations

import errno
import gc
import os
import re
import shutil
import stat
import sys
import tempfile
import time
import traceback
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
    except BaseException as exc:  # a full disk, a file size limit, Ctrl-C: nothing half-written stays
        _release_quietly(exc)
        try:
            tmp.unlink()
        except OSError:
            pass
        raise
    _fsync_dir(directory)


def _release_quietly(exc: BaseException) -> None:
    """Let go, here and silently, of what a failed writer left half-open. openpyxl's and
    python-docx's zip writers stay referenced by the traceback's frames; their finaliser
    would otherwise run later, fail again on the same full disk and print a traceback of
    its own ("Exception ignored in: ZipFile.__del__") under the user's one-line message.

    Every exception of the chain counts: when a member's write fails, zipfile's own close of
    that member fails again, and the first error (the __context__ of the one raised) holds
    the frames that still reference the archive."""
    hook = sys.unraisablehook
    sys.unraisablehook = lambda unraisable: None
    try:
        for each in _chain(exc):
            traceback.clear_frames(each.__traceback__)
        gc.collect()
    finally:
        sys.unraisablehook = hook


def _chain(exc: BaseException) -> Iterator[BaseException]:
    """`exc` and every exception it was raised from or during (__cause__, __context__)."""
    seen: set[int] = set()
    pending = [exc]
    while pending:
        each = pending.pop()
        if each is None or id(each) in seen:
            continue
        seen.add(id(each))
        yield each
        pending += [each.__cause__, each.__context__]


def write_with(target: str | os.PathLike, writer: Callable[[Path], object]) -> Path:
    """Call writer(temp_path) and move the result into place atomically."""
    with atomic_path(target) as tmp:
        writer(tmp)
    return Path(target)


def write_bytes(target: str | os.PathLike, data: bytes) -> Path:
    return write_with(target, lambda tmp: tmp.write_bytes(data))


def write_text(target: str | os.PathLike, text: str, encoding: str = "utf-8") -> Path:
    return write_bytes(target, text.encode(encoding))


def copy_file(source: str | os.PathLike, target: str | os.PathLike) -> Path:
    """shutil.copyfile, atomically: a copy cut short leaves no partial file."""
    return write_with(target, lambda tmp: shutil.copyfile(source, tmp))


def save_workbook(workbook, target: str | os.PathLike) -> Path:
    """openpyxl Workbook.save, atomically. A full disk or a file size limit is an OSError
    here like everywhere else: openpyxl writes each sheet through lxml into a temporary
    file of its own, and lxml reports a failed write as SerialisationError("IO_EFBIG")."""
    from lxml import etree

    try:
        return write_with(target, lambda tmp: workbook.save(str(tmp)))
    except etree.SerialisationError as exc:
        name = str(exc).removeprefix("IO_")
        code = getattr(errno, name, errno.EIO)
        raise OSError(code, os.strerror(code)) from exc


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


# -- a lock of our own ------------------------------------------------------------------------


class Busy(Exception):
    """Another run holds the lock on `target` (its lock file is `lock`)."""

    def __init__(self, target: Path, lock: Path) -> None:
        super().__init__(str(lock))
        self.target = target
        self.lock = lock


def lock_path(target: str | os.PathLike) -> Path:
    """The lock file beside `target`: hidden, so `validate` never takes it for a submission."""
    target = Path(target)
    return target.parent / f".{target.name}.socinv-lock"


@contextmanager
def exclusive(target: str | os.PathLike, *, wait: float = 30.0) -> Iterator[Path]:
    """Hold an exclusive lock for `target` while the block runs; raise Busy when another
    run holds it for longer than `wait` seconds.

    flock(2) on a lock file beside the target: the kernel lets go of it when the process
    ends in any way (a crash or kill -9 leaves no stale lock), and the file is removed on
    the way out. Where flock does not exist (Windows) runs are not serialised.
    """
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        yield lock_path(target)
        return
    lock = lock_path(target)
    deadline = time.monotonic() + wait
    while True:
        fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            if time.monotonic() >= deadline:
                raise Busy(Path(target), lock) from None
            time.sleep(0.1)
            continue
        # The run before us may have removed the file between our open and our lock: then
        # we hold a lock nobody else can see. Only a lock on the file now at `lock` counts.
        try:
            current = os.stat(lock)
        except FileNotFoundError:
            current = None
        if current is not None and os.path.samestat(os.fstat(fd), current):
            break
        os.close(fd)
    try:
        yield lock
    finally:
        try:
            os.unlink(lock)  # while still held: a waiting run then sees a new file (above)
        except OSError:
            pass
        os.close(fd)

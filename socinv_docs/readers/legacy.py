"""Legacy Office files (Word and Excel 97–2003, OLE containers): .xls is read with xlrd
(readers.xls_reader); .doc is read only where LibreOffice is installed, after converting a
copy to .docx in a temporary directory, and the report says so (RawDocument.converted).
Without LibreOffice a .doc stays "unreadable.legacy", with how to save it as .docx.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from socinv_docs.limits import Limits
from socinv_docs.readers.blocks import RawDocument
from socinv_docs.readers.docx_reader import read_docx
from socinv_docs.readers.safety import UnreadableFile, check_file
from socinv_docs.readers.xls_reader import read_xls

CONVERTED_BY = "libreoffice"


def libreoffice() -> str | None:
    """The LibreOffice command on PATH, if any."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def read_legacy(path: Path, limits: Limits, legacy: str | None, *, rows: int | None = None) -> RawDocument:
    """Read a legacy file check_file recognised (`legacy`: "xls", "doc" or None), or raise
    "unreadable.legacy" as before when it cannot be read."""
    if legacy == "xls":
        return read_xls(path, limits, rows=rows)
    if legacy == "doc" and libreoffice():
        return _read_converted_doc(path, limits)
    raise UnreadableFile("unreadable.legacy", **({"legacy": legacy} if legacy else {}))


def _read_converted_doc(path: Path, limits: Limits) -> RawDocument:
    with tempfile.TemporaryDirectory(prefix="socinv-doc-") as tmp:
        converted = convert(path, "docx", Path(tmp), limits.max_seconds)
        # The converted file is a file like any other: the same checks before it is read.
        with check_file(converted, limits) as archive:
            raw = read_docx(str(path), archive, limits)
    raw.converted = CONVERTED_BY
    return raw


def convert(path: Path, suffix: str, workdir: Path, seconds: float) -> Path:
    """`path` converted by LibreOffice to `suffix` inside `workdir`. The input is copied
    first (LibreOffice leaves lock files beside what it opens; inputs are never touched),
    LibreOffice gets a profile of its own there (no clash with a running LibreOffice or
    another worker's conversion), and it is stopped, with every process it started, after
    `seconds` or when this process is interrupted."""
    source = workdir / f"dokument{path.suffix.lower()}"
    shutil.copyfile(path, source)
    command = [libreoffice() or "soffice", f"-env:UserInstallation={(workdir / 'profil').as_uri()}", "--headless",
               "--norestore", "--nologo", "--convert-to", suffix, "--outdir", str(workdir / "ut"), str(source)]
    process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        process.wait(timeout=seconds)
    except subprocess.TimeoutExpired:
        _stop(process)
        raise UnreadableFile("unreadable.conversion_failed", detail="timeout") from None
    except BaseException:  # the file's time limit, Ctrl-C: LibreOffice must not live on
        _stop(process)
        raise
    _stop(process)  # soffice may leave its soffice.bin child behind
    result = workdir / "ut" / f"dokument.{suffix}"
    if process.returncode != 0:
        raise UnreadableFile("unreadable.conversion_failed", detail=f"exit {process.returncode}")
    if not result.is_file():  # LibreOffice could not read it: it says so only by writing nothing
        raise UnreadableFile("unreadable.conversion_failed", detail="no output")
    return result


def _stop(process: subprocess.Popen) -> None:
    try:
        os.killpg(process.pid, signal.SIGKILL)  # the session started for it: soffice and soffice.bin
    except AttributeError:  # no process groups (Windows)
        process.kill()
    except OSError:  # already gone
        pass
    try:
        process.wait(timeout=5)
    except subprocess.TimeoutExpired:
        pass

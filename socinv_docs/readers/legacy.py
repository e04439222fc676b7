"""Legacy Office files (Word and Excel 97–2003, OLE containers): .xls is read with xlrd
(readers.xls_reader); anything else stays "unreadable.legacy", with how to save it anew.
"""

from __future__ import annotations

from pathlib import Path

from socinv_docs.limits import Limits
from socinv_docs.readers.blocks import RawDocument
from socinv_docs.readers.safety import UnreadableFile


def read_legacy(path: Path, limits: Limits, legacy: str | None, *, rows: int | None = None) -> RawDocument:
    """Read a legacy file check_file recognised (`legacy`: "xls", "doc" or None), or raise
    "unreadable.legacy" as before when it cannot be read."""
    if legacy == "xls":
        from socinv_docs.readers.xls_reader import read_xls

        return read_xls(path, limits, rows=rows)
    raise UnreadableFile("unreadable.legacy", **({"legacy": legacy} if legacy else {}))

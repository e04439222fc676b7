"""Cells as the tool writes them: text that stays text, typed values, links to files.

Text from outside (an applicant's name, a file name) is always stored as text (data type
's'): '=HYPERLINK(…)', '+46 70…', '-5' or '@SUM(A1)' never becomes a formula or a number.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any
from urllib.parse import quote

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

MAX_CELL_CHARS = 32767  # Excel's limit for the text of one cell


def clean(text: str) -> str:
    """Text a cell can hold: no control characters XML forbids, at most MAX_CELL_CHARS."""
    text = ILLEGAL_CHARACTERS_RE.sub("", text)
    if len(text) > MAX_CELL_CHARS:
        text = text[: MAX_CELL_CHARS - 1] + "…"
    return text


def put_text(cell, value: object) -> None:
    """Store text as text, whatever it starts with ('=', '+', '-', '@')."""
    if value is None or value == "":
        cell.value = None
        return
    # Set directly, as openpyxl's own reader does: its `value` setter would guess a type
    # ('=…' a formula) and scan the text for illegal characters again after clean, a
    # fifth of the time it took to write a register of 1 000 submissions.
    cell._value = clean(str(value))
    cell.data_type = "s"


def number(value) -> int | float | None:
    """A number for a numeric cell; anything else (a truth value, text, None) is no number."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, float)):
        return value
    return None


def put_value(cell, type_: str, value: Any) -> None:
    """A tool cell's value by its column's type (its format comes with the column's style)."""
    if type_ == "text":
        put_text(cell, value)
    elif type_ in ("date", "day"):
        cell.value = value if isinstance(value, (dt.datetime, dt.date)) else None
    else:
        cell.value = number(value)


def link_target(file: Path, base: Path) -> str | None:
    """A link to `file` from a workbook in `base`: relative, every byte of the real name
    percent-encoded (a newline, an escape, a Latin-1 byte that is not UTF-8 all stay the
    file's own). None when no link can lead there: no link rather than a wrong one."""
    try:
        rel = os.path.relpath(file, base)
    except ValueError:  # another drive (Windows): an absolute link
        try:
            return file.resolve().as_uri()
        except (OSError, ValueError):
            return None
    try:
        return quote(os.fsencode(Path(rel).as_posix()), safe="/")
    except UnicodeError:  # a name the file system could not give back as bytes
        return None

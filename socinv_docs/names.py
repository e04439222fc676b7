"""File names made safe to show.

A name on a share can hold bytes that are not UTF-8 (old Latin-1 names: Python hands them
over as lone surrogates, os.fsdecode(b"ans\\xf6kan.docx") == "ans\\udcf6kan.docx"), and
characters that are not text at all: a newline, a carriage return or an ANSI escape in a
name would start a new line or repaint the terminal, so that a file could forge a status
line of its own in `validate`'s output. Every name the tool shows (console, JSON, register,
memo, annotated copy) goes through printable(): an undecodable byte becomes U+FFFD (�), a
control character its escape (\\n, \\x1b, \\u2028). The result is the same for the same
name on every run, so it can key a register row. The file itself is still opened by its
real path.

Names the tool makes for files it writes (a memo per submission, a pre-filled report per
satsning) go through safe_file_name(): one that every system and share accepts.
"""

from __future__ import annotations

import os
import re
import unicodedata

_SURROGATE = re.compile("[\ud800-\udfff]")
# Characters that move the cursor, end a line or reorder text: C0/C1 controls and DEL
# (category Cc), the Unicode line and paragraph separators, and the bidirectional
# overrides and isolates that can make a name read backwards.
_BIDI = set("\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(ch: str) -> str:
    if ch in _NAMED:
        return _NAMED[ch]
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def _unsafe(ch: str) -> bool:
    return ch in _BIDI or unicodedata.category(ch) in ("Cc", "Zl", "Zp")


def printable(name: str | os.PathLike) -> str:
    """`name` as it can be shown on one line in any output (see the module docstring)."""
    text = _SURROGATE.sub("\ufffd", os.fspath(name))
    if text.isprintable():  # the usual case, quickly (space is printable, controls are not)
        return text
    return "".join(_escape(ch) if _unsafe(ch) else ch for ch in text)


_UNSAFE_IN_NAME = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]+')
_WINDOWS_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(10)), *(f"LPT{i}" for i in range(10))}


def safe_file_name(text: str, limit: int = 120) -> str:
    """A file name that every system and share accepts, as close to `text` as it can be:
    no path separators, control or reserved characters, no undecodable bytes (a Latin-1
    name on a share), no trailing dot or space, not a reserved Windows device name."""
    text = "".join("\ufffd" if 0xD800 <= ord(c) <= 0xDFFF else c for c in text)
    name = _UNSAFE_IN_NAME.sub("_", text).strip(" .")[:limit].strip(" .")
    if not name:
        return "_"
    return "_" + name if name.split(".")[0].upper() in _WINDOWS_RESERVED else name

"""A satsning's beslut.yaml: the decision the processledare writes down beside the approved
files (beviljat belopp, beslutsdatum, diarienummer, start, slut), read as plain data.

Read like every file the tool is given: a size limit first, then YAML's safe loader (no
objects, no tags), and it must be a mapping. What the values mean (an amount in kronor, an
ISO date) is approved.py's (`beslut_of`); here a file that cannot be read raises
UnreadableFile with a "beslut.*" reason.
"""

from __future__ import annotations

from pathlib import Path

from socinv_docs.readers.safety import UnreadableFile

# A beslut is five lines; anything near this is not one.
MAX_BYTES = 64 * 1024


def read_beslut_file(path: Path) -> dict[str, object]:
    """The mapping in `path` ({} for an empty file). UnreadableFile("beslut.*") otherwise."""
    import yaml  # only where a follow-up reads a beslut: never for a `check`

    try:
        with open(path, "rb") as fh:
            data = fh.read(MAX_BYTES + 1)
    except OSError as exc:
        raise UnreadableFile("beslut.os_error", error=exc.strerror or type(exc).__name__) from None
    if len(data) > MAX_BYTES:
        raise UnreadableFile("beslut.too_large", limit_kb=MAX_BYTES // 1024)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UnreadableFile("beslut.not_text") from None
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        loaded = yaml.load(text, Loader=loader)  # noqa: S506 (a safe loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise UnreadableFile("beslut.not_yaml", line=mark.line + 1 if mark else None) from None
    if loaded is None:
        return {}
    if not isinstance(loaded, dict) or not all(isinstance(k, str) for k in loaded):
        raise UnreadableFile("beslut.not_mapping")
    return loaded

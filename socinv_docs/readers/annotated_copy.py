"""Whether a file is an annotated copy this tool wrote (`check --annotate`), and of which kind.

The proof is a custom document property the annotator writes into the copy's
docProps/custom.xml: PROPERTY, whose value is the kind of package ("docx" or "xlsx"). Word,
Excel and LibreOffice keep a document's custom properties when they save it (LibreOffice:
tests/test_trust.py saves a copy through it), and nothing else writes this one.

Copies written before the property existed are recognised only where that is still
provable from what the annotator wrote: in Word, its summary comment (a comment by AUTHOR
whose first line is the summary title, "Granskning av … (socinv-docs)"); in Excel, its
review sheet (the code name REVIEW_SHEET_CODENAME, or, where LibreOffice dropped it, the
title in A1 and the column headers in row 5). A register (whose hidden key column is named
"socinv-docs: …"), a memo, or a workbook with "socinv-docs" typed in a cell is none of these.

Used wherever the tool must know: the --annotate guard (only our own copy of the same kind
may be replaced), the annotator's re-run (what to take away), the report's note that a
checked file is our copy (send the corrected original instead) and the download's name.
Reads go through the readers' bounded machinery; anything odd means "not ours".
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from lxml import etree

from socinv_docs import messages
from socinv_docs.atomic import TOOL_CREATOR
from socinv_docs.limits import Limits
from socinv_docs.readers.ooxml import main_part, relationships
from socinv_docs.readers.safety import (
    PROLOGUE_MAX,
    ZIP_READ_ERRORS,
    MemberStream,
    UnreadableFile,
    check_file,
    parse_part,
)
from socinv_docs.readers.xlsx_reader import REVIEW_SHEET_CODENAME, _workbook, read_xlsx

# The custom document property that names a file as our annotated copy; its value is the kind.
PROPERTY = "socinv-docs annotated copy"
# The author of the annotator's Word comments and Excel notes.
AUTHOR = TOOL_CREATOR
REVIEW_HEADER_ROW = 5
REVIEW_HEADER_KEYS = ("severity", "code", "location", "message", "hint")
_LANGS = ("sv", "en")
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def package_kind(names: list[str] | set[str]) -> str | None:
    """"docx" for a Word package, "xlsx" for an Excel one (as the readers tell them), else None."""
    if any(n.startswith("word/") for n in names):
        return "docx"
    if any(n.startswith("xl/") for n in names):
        return "xlsx"
    return None


def annotated_copy_kind(archive: zipfile.ZipFile, limits: Limits) -> str | None:
    """The kind ("docx"/"xlsx") of an annotated copy we wrote, or None for any other file."""
    kind = package_kind(archive.namelist())
    if kind is None:
        return None
    try:
        marked = _marked_kind(archive, limits)
        if marked is not None:
            return kind if marked == kind else None
        earlier = _has_summary_comment if kind == "docx" else _has_review_sheet
        return kind if earlier(archive, limits) else None
    except (UnreadableFile, etree.XMLSyntaxError, KeyError, ValueError, *ZIP_READ_ERRORS):
        return None


def annotated_copy_kind_of(path: str | Path, limits: Limits | None = None) -> str | None:
    """annotated_copy_kind of the file at `path`, opened as the readers open a file."""
    limits = limits or Limits.from_env()
    try:
        with check_file(Path(path), limits) as archive:
            return annotated_copy_kind(archive, limits)
    except (UnreadableFile, *ZIP_READ_ERRORS):
        return None


def file_kind(path: str | Path, limits: Limits | None = None) -> str | None:
    """The package kind of a file (package_kind), or None when it is no package the readers
    would open."""
    try:
        with check_file(Path(path), limits or Limits.from_env()) as archive:
            return package_kind(archive.namelist())
    except (UnreadableFile, *ZIP_READ_ERRORS):
        return None


def is_summary_title(text: str) -> bool:
    """Whether a line is the annotator's summary title, in either language."""
    for lang in _LANGS:
        before, after = messages.text("annotate.summary_title", lang, file="\x00").split("\x00")
        if text.startswith(before) and text.endswith(after) and len(text) >= len(before) + len(after):
            return True
    return False


def review_headers(lang: str) -> list[str]:
    return [messages.text(f"annotate.col.{key}", lang) for key in REVIEW_HEADER_KEYS]


def is_review_content(title: str, headers: list[str]) -> bool:
    """Whether a sheet whose A1 holds `title` and whose header row holds `headers` is our
    review sheet (after LibreOffice dropped its code name)."""
    return is_summary_title(title) and any(headers == review_headers(lang) for lang in _LANGS)


# -- the proof ------------------------------------------------------------------------------

def _marked_kind(archive: zipfile.ZipFile, limits: Limits) -> str | None:
    """The value of PROPERTY in the package's custom properties, if it has it."""
    for rel_type, part in relationships(archive, "", limits).values():
        if rel_type not in ("custom-properties", "customProperties"):  # transitional, Strict
            continue
        for prop in parse_part(archive, part, limits):
            if _local(prop) == "property" and prop.get("name") == PROPERTY:
                return "".join(prop.itertext()).strip()
    return None


# -- copies of earlier versions -----------------------------------------------------------------

def _has_summary_comment(archive: zipfile.ZipFile, limits: Limits) -> bool:
    document = main_part(archive, limits, "word/document.xml")
    if document is None:
        return False
    for rel_type, part in relationships(archive, document, limits).values():
        if rel_type != "comments":
            continue
        for comment in parse_part(archive, part, limits).iter(_W + "comment"):
            if comment.get(_W + "author") != AUTHOR:
                continue
            first = next(comment.iter(_W + "p"), None)
            if first is not None and is_summary_title("".join(t.text or "" for t in first.iter(_W + "t"))):
                return True
    return False


_CODENAME = re.compile(rb'<(?:\w+:)?sheetPr\b[^>]*\bcodeName="' + REVIEW_SHEET_CODENAME.encode() + b'"')


def _has_review_sheet(archive: zipfile.ZipFile, limits: Limits) -> bool:
    """A worksheet named like our review sheet that has its code name, or its title and
    headers (read with the xlsx reader, only for such a sheet)."""
    workbook = main_part(archive, limits, "xl/workbook.xml")
    if workbook is None or workbook.lower().endswith(".bin"):
        return False
    sheets, _ = _workbook(archive, workbook, relationships(archive, workbook, limits), limits)
    names = tuple(messages.text("annotate.sheet", lang) for lang in _LANGS)
    candidates = [s for s in sheets if s.name.startswith(names)]
    for sheet in candidates:
        with MemberStream(archive, sheet.part) as stream:
            if _CODENAME.search(stream.read(PROLOGUE_MAX)):
                return True
    if not candidates:
        return False
    rows = {}
    for block in read_xlsx("", archive, limits, rows=REVIEW_HEADER_ROW).blocks:
        if block.location.sheet in {s.name for s in candidates}:
            rows[(block.location.sheet, block.location.row)] = {c.column: c.text for c in block.cells}
    for sheet in candidates:
        title = rows.get((sheet.name, 1), {}).get(0, "")
        header = rows.get((sheet.name, REVIEW_HEADER_ROW), {})
        if is_review_content(title, [header.get(i, "") for i in range(len(REVIEW_HEADER_KEYS))]):
            return True
    return False


def _local(el) -> str | None:
    tag = el.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else None

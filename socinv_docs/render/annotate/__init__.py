"""Annotated copies: the applicant's own file with a comment at every problem (SPEC §6).

A renderer of the report like the others: it never reads text to find problems, it places
each Finding where its structured location (Finding.where, Document.anchors) points.

Word (.docx/.docm/.dotx): the copy is written zip member by zip member. Only the main
document part, the comments parts, their relationships and [Content_Types].xml are
rewritten; every other member (styles, numbering, settings, media, headers, custom XML)
is copied byte for byte, so images, content controls and tracked changes survive. The
main part is parsed with the reader's own parser and walked with the reader's own walker
(readers.docx_reader.walk_body), so Location.block of a finding is the same block here.
Each finding becomes a real Word comment (author AUTHOR, initials INITIALS) anchored on
its heading, paragraph or table cell; a summary comment sits on the first paragraph.

Excel (.xlsx/.xlsm/.xltx/.xltm): written the same way, by adding to the original package
(excel.py has the list of what changes; xlsx/ does the SpreadsheetML edits). Each problem
cell gets a note (author AUTHOR) and a light fill, drawn with a conditional format so the
cell's own fill (the template's yellow answer cells) is untouched; the fill's formula looks
at the cell, so it goes away when the cell is answered. A sheet "Granskning" (code name
REVIEW_SHEET_CODENAME, skipped by the reader; review_sheet.py) holds the status and one
row per finding.
Images, charts, drawings, form controls, embedded objects, pivot tables, threaded comments
and VBA are kept as they were, byte for byte.

The annotator runs under the check's own limits (Limits.max_seconds and a validate worker's
memory cap): a file it cannot finish in time gets no copy and no temporary file is left.

Re-running on an annotated copy first removes everything of the previous run (comments by
AUTHOR with their range marks and reference runs; in Excel our notes, conditional formats and
review sheet, recognised by content because LibreOffice drops the author and the code name)
and then adds fresh ones: comments never stack, and other people's comments stay.
Every copy carries a custom document property naming it our annotated copy of its kind
(package.mark_annotated_copy); readers/annotated_copy.py reads it (and recognises copies of
earlier versions) for whoever must know whether a file is ours.
The input file is only read; the copy is written atomically.
"""

from __future__ import annotations

import datetime as dt
import os
import zipfile
from collections.abc import Sequence
from pathlib import Path

from socinv_docs.codes import Code
from socinv_docs.limits import Limits
from socinv_docs.readers.annotated_copy import package_kind
from socinv_docs.readers.safety import UnreadableFile, check_file
from socinv_docs.render.annotate.common import AUTHOR, INITIALS, AnnotateResult
from socinv_docs.render.annotate.errors import AnnotateError, bounded
from socinv_docs.render.annotate.excel import MARK, annotate_xlsx
from socinv_docs.render.annotate.word import _annotate_docx
from socinv_docs.report import DocumentReport, Finding

__all__ = ["AUTHOR", "INITIALS", "MARK", "AnnotateError", "AnnotateResult", "annotate", "can_annotate",
           "same_file"]


def same_file(a: str | os.PathLike, b: str | os.PathLike) -> bool:
    """True when writing to `b` would overwrite `a` (same path, link or hard link)."""
    pa, pb = Path(a), Path(b)
    try:
        if pa.resolve() == pb.resolve():
            return True
    except OSError:
        pass
    try:
        return pb.exists() and os.path.samefile(pa, pb)
    except OSError:
        return False


def can_annotate(report: DocumentReport) -> bool:
    """Only files that could be read at all get a copy (not FILE_UNREADABLE)."""
    return not any(f.code is Code.FILE_UNREADABLE for f in report.findings)


def annotate(report: DocumentReport, source: str | os.PathLike, target: str | os.PathLike, *,
             lang: str = "sv", extra: Sequence[Finding] = (), now: dt.datetime | None = None,
             limits: Limits | None = None) -> AnnotateResult:
    """Write `target`: a copy of `source` with the report's findings as comments.

    `extra` are findings of the submission (ATTACHMENT_MISSING) shown in the summary.
    `limits` (default: from the environment, as the check) bound the time and memory it takes.
    Raises AnnotateError (same file, unreadable, unsupported type, out of time or memory) or
    OSError (writing); either way `target` is untouched and nothing else is left behind.
    """
    source, target = Path(source), Path(target)
    if same_file(source, target):
        raise AnnotateError("annotate.same_file", path=str(source))
    if not can_annotate(report):
        raise AnnotateError("annotate.unreadable", file=str(source))
    now = now or dt.datetime.now(dt.timezone.utc)
    limits = limits or Limits.from_env()
    # Opened as the readers open a file (readers.safety.check_file): the same checks of its
    # size, members and XML prologues, and every member then read through the bounded stream
    # (what they refuse is "annotate.damaged", see errors.bounded).
    with bounded(limits, str(source)), _open(source, limits) as archive:
        # What the source file is, not what it was read as: a legacy .xls (read with xlrd) or
        # .doc (read after LibreOffice converted it) has no package a copy could be written from.
        fmt = package_kind(archive.namelist())
        if fmt == "docx":
            return _annotate_docx(report, list(extra), archive, source, target, lang, now, limits)
        if fmt == "xlsx":
            return annotate_xlsx(report, list(extra), archive, source, target, lang, now, limits)
        raise AnnotateError("annotate.unsupported", file=str(source))


# What check_file says of a file that is no Office package at all.
_NO_PACKAGE = {"unreadable.legacy", "unreadable.pdf", "unreadable.not_office", "unreadable.opendocument"}


def _open(source: Path, limits: Limits) -> zipfile.ZipFile:
    try:
        return check_file(source, limits)
    except UnreadableFile as exc:
        if exc.reason in _NO_PACKAGE:
            raise AnnotateError("annotate.unsupported", file=str(source)) from None
        raise


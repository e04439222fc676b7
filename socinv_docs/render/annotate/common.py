"""What the Word and Excel annotators share: who writes the comments and the texts."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from socinv_docs import messages
from socinv_docs.codes import Code, Severity
from socinv_docs.fmt import number
from socinv_docs.limits import Limits, OutOfTime, memory_ceiling, time_limit
from socinv_docs.model import Document, SectionState
from socinv_docs.readers import annotated_copy
from socinv_docs.readers.safety import UnreadableFile
from socinv_docs.report import (
    DocumentReport,
    Finding,
    count,
    in_document_order,
    missing_attachments,
    shown_status_of,
)

AUTHOR = annotated_copy.AUTHOR  # of every comment and note we write ("socinv-docs")
INITIALS = "SI"

class AnnotateError(messages.CatalogueError):
    """The copy cannot be made; `key` is a message-catalogue key ("annotate.*")."""


@dataclass(slots=True)
class AnnotateResult:
    target: Path
    comments: int  # comments (Word) or notes (Excel) we wrote, the summary included
    placed: int  # findings shown at a place in the file
    unplaced: int  # findings only in the summary
    removed: int  # our comments from an earlier run that were taken away


_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


# -- texts ---------------------------------------------------------------------------------

def _clean(text: str) -> str:
    return _XML_ILLEGAL.sub("", text or "")


def _finding_lines(f: Finding, lang: str, note: str | None = None) -> list[str]:
    label = messages.text(f"ui.severity.{f.severity.value}", lang)
    lines = [f"{label}: {f.message_in(lang)}"]
    if note:
        lines.append(note)
    if f.hint_in(lang):
        lines.append(f"{messages.text('ui.fix', lang)}: {f.hint_in(lang)}")
    lines.append(f"[{f.code.value}]")
    return lines


def _status_line(findings: list[Finding], lang: str) -> str:
    """'Status: KOMPLETT – 0 fel, 1 varning'; never complete while a mandatory attachment is
    missing, and then which one is to be sent with it."""
    status = shown_status_of(findings)
    errors, warnings = count(findings, Severity.ERROR), count(findings, Severity.WARNING)
    line = messages.text("annotate.summary_status", lang, status=messages.text(f"ui.status.{status.value}", lang),
                         counts=messages.counts(errors, warnings, lang))
    missing = missing_attachments(findings)
    if missing:
        line += ". " + messages.text("ui.missing_attachments", lang, attachments=[a["name"] for a in missing])
    return line


def _summary_lines(report: DocumentReport, findings: list[Finding], unplaced: list[Finding], lang: str,
                   placed: int) -> list[str]:
    lines = [messages.text("annotate.summary_title", lang, file=Path(report.file).name),
             _status_line(findings, lang)]
    if not findings:
        lines.append(messages.text("ui.no_findings", lang))
    if placed:
        lines.append(messages.text("annotate.summary_placed", lang, count=placed))
    if unplaced:
        lines.append(messages.text("annotate.summary_unplaced", lang))
        for f in unplaced:
            label = messages.text(f"ui.severity.{f.severity.value}", lang)
            hint = f" {messages.text('ui.fix', lang)}: {f.hint_in(lang)}" if f.hint_in(lang) else ""
            lines.append(f"• {label}: {f.message_in(lang)}{hint} [{f.code.value}]")
    lines.append(messages.text("annotate.summary_rerun", lang))
    return lines


def _ordered(findings: Iterable[Finding]) -> list[Finding]:
    return in_document_order(findings)


def _is_missing(f: Finding, doc: Document | None) -> bool:
    # A missing section whose finding sits *at* a place (the heading the applicant wrote and
    # we did not recognise) is noted there, like any other finding.
    return f.code is Code.SECTION_MISSING and doc is not None and f.section in doc.sections \
        and doc.sections[f.section].state is SectionState.MISSING and f.where.position != "at"


# =========================================================================================
# Word
# =========================================================================================


def place_all(findings: Iterable[Finding], extra: Iterable[Finding], place) -> tuple[list, list[Finding]]:
    """([(finding, place(finding))], unplaced) in reading order: a finding `place` cannot
    put anywhere (None), and every submission-level `extra`, goes to the summary."""
    placed: list = []
    unplaced: list[Finding] = []
    for f in _ordered(findings):
        spot = place(f)
        if spot is None:
            unplaced.append(f)
        else:
            placed.append((f, spot))
    return placed, [*unplaced, *_ordered(extra)]


# -- the package: members copied as they were, new ones dated now ----------------------------

def _copy_info(info: zipfile.ZipInfo) -> zipfile.ZipInfo:
    new = zipfile.ZipInfo(info.filename, date_time=info.date_time)
    new.compress_type = zipfile.ZIP_DEFLATED if info.compress_type != zipfile.ZIP_STORED else zipfile.ZIP_STORED
    new.external_attr = info.external_attr
    new.create_system = info.create_system
    return new


def _new_info(name: str, now: dt.datetime) -> zipfile.ZipInfo:
    local = now.astimezone()
    new = zipfile.ZipInfo(name, date_time=(max(local.year, 1980), local.month, local.day, local.hour,
                                           local.minute, local.second))
    new.compress_type = zipfile.ZIP_DEFLATED
    return new


# -- the check's limits hold for the annotator too -------------------------------------------

@contextmanager
def bounded(limits: Limits, file: str) -> Iterator[None]:
    """Run the annotator under the check's limits: Limits.max_seconds and the worker's
    memory cap (limits.time_limit, limits.memory_ceiling, as pipeline.check_document_in_time).
    Running out of either raises AnnotateError; the write in progress is then abandoned by
    atomic.atomic_path, which removes its temporary file. So does a member the readers'
    bounded stream refuses (UnreadableFile: a stream that lies about its size, a bad CRC):
    "annotate.damaged", with the reader's reason."""
    try:
        with memory_ceiling(), time_limit(limits.max_seconds):
            yield
    except OutOfTime:
        raise AnnotateError("annotate.timeout", file=file, seconds=number(limits.max_seconds, 1)) from None
    except MemoryError:
        raise AnnotateError("annotate.too_big", file=file) from None
    except UnreadableFile as exc:
        raise AnnotateError("annotate.damaged", file=file, reason=messages.msg(exc.reason, **exc.params)) from None

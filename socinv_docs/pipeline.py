"""One-way flow for a file: safe open → read blocks → detect kind → extract → rules → report.

Nothing here raises for a bad file: every failure becomes a FILE_UNREADABLE or
KIND_UNKNOWN finding in the file's report, so a run over a folder always goes on.
"""

from __future__ import annotations

import os
import time
import zipfile
import zlib
from pathlib import Path

from socinv_docs import economics, roles
from socinv_docs.codes import Code, Severity
from socinv_docs.figures import Economics
from socinv_docs.limits import Limits, OutOfTime, memory_ceiling, time_limit
from socinv_docs.messages import msg
from socinv_docs.plan import FORMAT as PLAN_FORMAT
from socinv_docs.plan import Plan
from socinv_docs.readers.safety import UnreadableFile, check_file
from socinv_docs.report import DocumentReport, Finding, SubmissionReport
from socinv_docs.rules.base import RuleContext, SubmissionContext, make_finding, runs_on
from socinv_docs.rules.registry import RULES, document_rules, owner, submission_rules
from socinv_docs.schema import SchemaSet

LEGACY_SUFFIXES = {".doc", ".xls", ".dot", ".xlt"}


def unreadable_report(path: str, reason: str, **params) -> DocumentReport:
    """A report of one file that could not be read: FILE_UNREADABLE with the reason's key
    (messages "unreadable.*", which may carry its own fix) and the reason's parameters."""
    # Names make_finding itself takes are never passed through as parameters.
    reserved = {"reason_key", "severity", "where", "section", "field", "criterion"}
    extra = {k: v for k, v in params.items() if k not in reserved}
    return DocumentReport(file=path, findings=[make_finding(Code.FILE_UNREADABLE, **extra, reason_key=reason)])


# Deciding whether a file can be one of our templates at all needs only its start: the first
# rows of each sheet, the first blocks of a document. A file with no trace of any template
# there (no phrase, no sheet name, no section heading) is not read or matched further: a
# workbook of 20 000 rows of figures is answered in a fraction of a second. Our templates
# have every heading well within this (the förslag 42 rows, the ansökan ~150 blocks).
HEAD_ROWS = 200
HEAD_BLOCKS = 200


def read_raw(path: Path, limits: Limits, *, head_rows: int | None = None):
    """Safe open and read into blocks. Raises UnreadableFile for anything not readable.
    `head_rows`: of a workbook, read only the first rows of each sheet (RawDocument.complete)."""
    # The readers (lxml, xlrd) on the first file, not when a front end imports this module
    # for check_submission alone: the web page's own process never reads a file (its RSS of
    # ~51 MB, README); `check` imports them before it lowers its memory ceiling
    # (_import_what_a_check_needs).
    from socinv_docs.readers.annotated_copy import annotated_copy_kind, package_kind
    from socinv_docs.readers.carried_plan import carried_plan
    from socinv_docs.readers.docx_reader import read_docx
    from socinv_docs.readers.legacy import read_legacy
    from socinv_docs.readers.xlsx_reader import read_xlsx

    archive = legacy = None
    try:
        archive = check_file(path, limits)
    except UnreadableFile as exc:
        if exc.reason != "unreadable.legacy":
            raise
        legacy = exc  # .xls (xlrd), or .doc where LibreOffice can convert it: read below
    try:
        try:
            if archive is None:
                return read_legacy(path, limits, legacy.params.get("legacy"), rows=head_rows)
            kind = package_kind(archive.namelist())
            if kind is not None:
                raw = read_docx(str(path), archive, limits) if kind == "docx" else \
                    read_xlsx(str(path), archive, limits, rows=head_rows)
                # Our own annotated copy sent back: the report says to send the original.
                raw.annotated_copy = annotated_copy_kind(archive, limits) is not None
                if kind == "docx":  # a pre-filled report carries its satsning's plan
                    raw.carried_plan = carried_plan(archive, limits)
                return raw
        except UnreadableFile:
            raise
        # zlib.error is what a flipped byte in deflated data raises; it is not an OSError.
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, zipfile.LargeZipFile) as exc:
            raise UnreadableFile("unreadable.corrupt") from exc
        except MemoryError as exc:  # limits should prevent it; if not, one file must not end the run
            raise UnreadableFile("unreadable.crashed", detail="MemoryError") from exc
        except Exception as exc:  # lxml, xlrd and KeyError on broken parts: all "bad content"
            raise UnreadableFile("unreadable.bad_content", detail=type(exc).__name__) from exc
        raise UnreadableFile("unreadable.not_office")
    finally:
        if archive is not None:
            archive.close()


def check_document(path: Path, schemas: SchemaSet, *, kind: str | None = None,
                   profile: str | None = None, limits: Limits | None = None, display: str | None = None,
                   plan: Plan | None = None) -> DocumentReport:
    """One file's report. `plan`: the satsning's approved plan, for a follow-up report that
    the rules compare with it (the follow-up run knows it); None for everything else."""
    started = time.perf_counter()
    shown = display or str(path)
    limits = limits or Limits.from_env()
    try:
        if path.is_dir():
            return unreadable_report(shown, "unreadable.is_directory")
        if not path.exists():
            return unreadable_report(shown, "unreadable.not_found")
    except OSError as exc:  # a name too long, a broken mount: exists() does not swallow these
        return unreadable_report(shown, "unreadable.os_error", error=exc.strerror or type(exc).__name__)
    suffix = path.suffix.lower()

    def read(head_rows: int | None = None):
        raw = read_raw(path, limits, head_rows=head_rows)
        raw.path = shown
        return raw

    try:
        # Without --kind the start of a workbook is read first (HEAD_ROWS): enough to tell
        # a file that is clearly none of our templates; _judge reads the rest if needed.
        raw = read(None if kind else HEAD_ROWS)
        if kind in schemas.kinds and schemas.kinds[kind].format != raw.format:
            return _kind_mismatch(shown, kind, raw.format, schemas)
        report = _judge(raw, shown, schemas, kind=kind, profile=profile, started=started, read_all=read, plan=plan)
        report.converted = raw.converted  # a legacy .doc read after LibreOffice converted it
        report.annotated_copy = raw.annotated_copy
        return report
    except UnreadableFile as exc:
        if exc.reason == "unreadable.not_office" and suffix in LEGACY_SUFFIXES:
            return unreadable_report(shown, "unreadable.legacy")
        return unreadable_report(shown, exc.reason, **exc.params)
    except RecursionError:
        return unreadable_report(shown, "unreadable.bad_content", detail="RecursionError")
    except MemoryError:  # past the process's memory ceiling: this file only, as in a worker
        return unreadable_report(shown, "unreadable.crashed", detail="MemoryError")
    except Exception as exc:
        # A bug of ours must not end a beredningsgrupp's run with a traceback: the file is
        # reported and the run goes on. SOCINV_DEBUG=1 (set by the tests) lets it surface.
        if os.environ.get("SOCINV_DEBUG"):
            raise
        return unreadable_report(shown, "unreadable.internal", detail=type(exc).__name__)


def _kind_mismatch(shown: str, kind: str, file_format: str, schemas: SchemaSet) -> DocumentReport:
    """--kind names a Word template for an Excel file or the other way round: no finding of
    that template's rules could mean anything, so the file is reported as not readable as
    that kind (exit 2), with the kinds that would fit."""
    choices = sorted(k for k, spec in schemas.kinds.items() if spec.format == file_format)
    return unreadable_report(shown, "unreadable.kind_mismatch", kind=kind, file_format=msg(f"format.{file_format}"),
                             kind_format=msg(f"format.{schemas.kinds[kind].format}"), choices=choices)


def _judge(raw, shown: str, schemas: SchemaSet, *, kind: str | None, profile: str | None,
           started: float, read_all=None, plan: Plan | None = None) -> DocumentReport:
    """Detect the kind (and, where several funders use it, the funder), extract the
    Document and run the rules the funder's profile enables. `read_all()` reads the whole
    file when `raw` is only its start (RawDocument.complete)."""
    from dataclasses import replace

    # Extraction (rapidfuzz) on the first file, as the readers in read_raw.
    from socinv_docs.extract.detect import any_trace, detect_kind, detect_profile
    from socinv_docs.extract.document import extract

    # With --profile, only that funder's templates count: an idéprövning checked with
    # Mölndal's profile is no Mölndal document, rather than one judged by the wrong rules.
    among = schemas.profiles[profile].kinds if profile in schemas.profiles else None
    matched: dict[str, list] = {}  # detection's heading matches, reused by extraction
    kind_id = kind
    if kind_id is None:
        head = replace(raw, blocks=raw.blocks[:HEAD_BLOCKS])
        if any_trace(head, schemas, among):  # some trace of a template: look closer
            if not raw.complete and read_all is not None:
                raw = read_all()
            kind_id = detect_kind(raw, schemas, among, matched)
    # From here `raw` is the whole file: with --kind it was read whole, and a start showing
    # a template was read again whole before detection.
    if kind_id is None or kind_id not in schemas.kinds:
        report = DocumentReport(file=shown, findings=[make_finding(
            Code.KIND_UNKNOWN, known=sorted(among or schemas.kinds))])
        report.seconds = time.perf_counter() - started
        return report
    kind_spec = schemas.kinds[kind_id]
    profile_spec = schemas.profiles.get(profile) if profile else detect_profile(raw, schemas, kind_id)
    if profile_spec is None:
        raise KeyError(f"no profile for kind {kind_id!r}")  # the CLI validates --profile first
    carried, note = _carried(raw.carried_plan)
    plan = plan or carried  # the follow-up run's plan for the satsning, else the one the report carries
    document = extract(raw, kind_spec, profile_spec, schemas.common, matched.get(kind_id),
                       prefilled=plan.prefilled_texts() if plan is not None and kind_spec.report else ())
    findings, econ = evaluate(document, schemas, plan=plan)
    report = DocumentReport(file=shown, kind=kind_id, profile=profile_spec.id, findings=findings,
                            document=document, economics=econ,
                            facts=roles.facts(document, kind_spec, schemas.common),
                            plan=plan, carried_plan=carried, plan_note=note)
    report.seconds = time.perf_counter() - started
    return report


def _carried(found) -> tuple[Plan | None, dict | None]:
    """The Plan a file carries (readers.carried_plan gives its JSON), checked value by value
    (Plan.from_json), or a note why the one it carries is not used."""
    if found is None:
        return None, None
    if found.data is None:
        return None, found.note
    if found.data.get("format") != PLAN_FORMAT:
        return None, msg("plan.carried.other_format", found=str(found.data.get("format")))
    try:
        return Plan.from_json(found.data), None
    except ValueError:
        return None, msg("plan.carried.unreadable")


def evaluate(document, schemas: SchemaSet, *, plan: Plan | None = None) -> tuple[list, Economics | None]:
    """Run the document rules the profile enables for this kind: (findings, the economics,
    made once here for the rules and every output). `plan`: the approved plan a follow-up
    report is compared with."""
    kind_spec = schemas.kinds[document.kind]
    profile_spec = schemas.profiles[document.profile]
    econ = _economics(document, kind_spec, profile_spec, schemas)
    findings, unchecked = [], set()
    if profile_spec.tracks and kind_spec.roles.track:
        if document.track in profile_spec.tracks:
            profile_spec = profile_spec.on_track(document.track)  # the track's options, never a tie-break
        else:
            unchecked = set(profile_spec.track_rules())
            findings.append(track_unknown(document, kind_spec, profile_spec))
    for rule_ in document_rules():
        options = runs_on(rule_, profile_spec, kind_spec)
        if options is None or rule_.name in unchecked:
            continue
        ctx = RuleContext(kind=kind_spec, profile=profile_spec, schemas=schemas, options=options, economics=econ,
                          plan=plan, words=rule_.words)
        findings.extend(rule_.check(document, ctx))
    return findings, econ


def track_unknown(document, kind, profile) -> Finding:
    """TRACK_UNKNOWN: the form of a fund with tracks names none of them (its track field is
    empty, or says something no track is called). The rules whose options depend on the
    track are not run (the profile's own options would judge it by a track it may not be
    on); the finding names what they check. Made here, not by a rule a profile enables:
    tracks are the profile's structure, and a form that cannot say its track must be told
    whichever rules the funder set."""
    told = document.fields.get(kind.roles.track)
    spec = next(f for f in kind.fields if f.id == kind.roles.track)
    codes = [code.value for name in profile.track_rules() for code in RULES[name].codes
             if owner(code) is RULES[name]]
    raw = told.raw if told is not None else ""
    return make_finding(Code.TRACK_UNKNOWN, field=spec.id, where=told.location if told is not None else None,
                        label=spec.label.rstrip(":"), value=raw[:80],
                        known=[t.shown(tid) for tid, t in profile.tracks.items()], codes=codes,
                        **({} if raw.strip() else {"variant": "empty"}))


def _economics(document, kind, profile, schemas: SchemaSet) -> Economics | None:
    spec = profile.economics
    if spec is None or document.kind not in spec.kinds:
        return None
    return economics.of(document, kind, spec, schemas.common)


def check_submission(name: str, documents: list[DocumentReport], schemas: SchemaSet, *,
                     alone: bool = False, unlinked: Severity | None = Severity.WARNING) -> SubmissionReport:
    """Submission-level rules (attachments) over documents already checked, each with the
    options of the profiles its documents belong to; and, first, FUNDERS_MIXED when those
    are several, and REPORT_UNLINKED (of severity `unlinked`) for each report compared with
    no plan. `check` and `validate` know no satsningar, so there it is a warning; the
    follow-up run links reports to satsningar itself (unlinked=None) and says it as an error
    where none matches (`report_unlinked`)."""
    profiles = [schemas.profiles[p] for p in dict.fromkeys(d.profile for d in documents if d.profile)
                if p in schemas.profiles]
    findings = _funders_mixed(name, documents, profiles)
    if unlinked is not None:
        findings += [report_unlinked(d, unlinked, variant="alone") for d in documents
                     if is_report(d, schemas) and d.plan is None]
    for rule_ in submission_rules():
        for profile_spec in profiles:
            options = profile_spec.options(rule_.name)
            if options is None:
                continue
            ctx = SubmissionContext(schemas=schemas, alone=alone, options=options, profile=profile_spec,
                                    name=name, words=rule_.words)
            findings.extend(rule_.check(documents, ctx))
    return SubmissionReport(submission=name, documents=documents, findings=findings)


def is_report(doc: DocumentReport, schemas: SchemaSet) -> bool:
    """Whether a document is a report on a granted satsning (its kind's `report` flag), which
    is compared with the satsning's plan."""
    return doc.kind in schemas.kinds and schemas.kinds[doc.kind].report


def report_unlinked(doc: DocumentReport, severity: Severity = Severity.ERROR, **params) -> Finding:
    """REPORT_UNLINKED for a report no satsning's plan is known for (SPEC §9): an error in a
    follow-up run, where no satsning matches it; `variant="alone"` for a report checked alone
    that carries no plan (a warning). Made here and not by a rule: it is a fact about how the
    report reached the tool, whatever its funder's profile enables."""
    return make_finding(Code.REPORT_UNLINKED, severity=severity, file=doc.file, kind=doc.kind, **params)


def _funders_mixed(name: str, documents: list[DocumentReport], profiles: list) -> list:
    """FUNDERS_MIXED when one submission holds documents of several funders' profiles.

    Made here, not by a rule a profile enables: it is no funder's requirement (no options,
    no source words) but a fact about how the files were put together; it concerns several
    profiles at once, where a profile's rule would say it once per profile; and it must be
    said whichever profiles are installed, so a new funder's profile cannot leave it out."""
    if len(profiles) < 2:
        return []
    prefix = name + "/"

    def shown(file: str) -> str:  # the name inside the submission's folder
        return file[len(prefix):] if file.startswith(prefix) else file

    funders = [msg("ui.funder_files", funder=p.funder, profile=p.id,
                   files=[shown(d.file) for d in documents if d.profile == p.id]) for p in profiles]
    return [make_finding(Code.FUNDERS_MIXED, submission=name, funders=funders, profiles=[p.id for p in profiles])]


def _import_what_a_check_needs() -> None:
    """What check_document imports on first use, imported before the memory ceiling is
    lowered: under a low ceiling, mapping a shared library (lxml's) fails with ImportError,
    not MemoryError, and that was a traceback instead of a FILE_UNREADABLE."""
    # What read_raw and _judge import on first use (see there), imported here on purpose.
    import socinv_docs.extract.detect  # noqa: F401
    import socinv_docs.extract.document  # noqa: F401
    import socinv_docs.readers.carried_plan  # noqa: F401
    import socinv_docs.readers.docx_reader  # noqa: F401
    import socinv_docs.readers.legacy  # noqa: F401
    import socinv_docs.readers.xlsx_reader  # noqa: F401


def check_document_in_time(path: Path, schemas: SchemaSet, *, limits: Limits | None = None,
                           **kwargs) -> DocumentReport:
    """check_document stopped after Limits.max_seconds and held under the same memory
    ceiling as a `validate` worker (limits.time_limit, limits.memory_ceiling), for `socinv
    check` at the prompt."""
    limits = limits or Limits.from_env()
    shown = kwargs.get("display") or str(path)
    _import_what_a_check_needs()
    try:
        with memory_ceiling(), time_limit(limits.max_seconds):
            return check_document(path, schemas, limits=limits, **kwargs)
    except OutOfTime:
        return unreadable_report(shown, "unreadable.timeout", seconds=limits.max_seconds)
    except MemoryError:
        return unreadable_report(shown, "unreadable.crashed", detail="MemoryError")

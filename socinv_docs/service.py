"""The use cases, once: what `socinv` (cli.py), the web page (web/app.py) and the follow-up
commands to come do with files, in the order they do it. A front end keeps only its own
concerns: reading its arguments or its request, showing progress, printing or answering,
exit codes or HTTP statuses.

- "Check these files as one submission" (`check`, the web page, `memo` on files): open and
  check each file (pipeline), run the submission rules over them, optionally annotate a
  copy of each, and give the report: of the one file checked alone (which then carries what
  the submission rules said), or of the submission. `check_files`, `Checked`,
  `annotate_targets`, `annotate_copies`.
- "Validate this folder" (`validate`, `memo` on a folder): scan it, check its files in
  worker processes, judge each submission as its last file comes in, write the register
  under its lock, and give the run's report. `FolderValidation`.

A request that cannot be carried out as asked (a copy that would replace someone's
document, a register that is locked, ...) raises `Refused`: a message from the catalogue,
which the front end shows in its language before it stops.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from socinv_docs import messages
from socinv_docs.atomic import Busy, exclusive, is_tool_output
from socinv_docs.names import printable
from socinv_docs.pipeline import check_document_in_time, check_submission, is_report
from socinv_docs.report import DocumentReport, Finding, RunReport, SkippedEntry, Status, SubmissionReport
from socinv_docs.schema import SchemaSet
from socinv_docs.summary import main_first

# How long a run waits for another run's register update before it gives up (seconds).
REGISTER_WAIT_SECONDS = 30.0


class Refused(messages.CatalogueError):
    """What was asked cannot be done (nothing was written): `key` and `params` name the
    message in the catalogue; an OSError behind it is said in the reader's language too."""

    def __init__(self, key: str, cause: OSError | None = None, **params: object) -> None:
        super().__init__(key, **params)
        self.cause = cause

    def text(self, lang: str = "sv") -> str:
        params = dict(self.params)
        if self.cause is not None:
            params["error"] = messages.os_error(self.cause, lang)
        return messages.text(self.key, lang, **params)


def _resolved(path: Path) -> Path:
    try:
        return Path(path).resolve()
    except (OSError, RuntimeError):  # RuntimeError: a symlink loop (Python < 3.13)
        return Path(os.path.abspath(path))


# -- check these files as one submission ------------------------------------------------------


def submission_name(files: Sequence[Path], reports: list[DocumentReport]) -> str:
    """What files checked together are called: their folder's name, like a sub-folder in
    `validate`; when they are in the current folder ('.') or in several, the stem of the
    main document (the ansökan rather than its utvärderingsschema)."""
    parents = {Path(f).parent for f in files}
    if len(parents) == 1:
        parent = parents.pop()
        name = _resolved(parent).name if str(parent) != "." else ""
        if name:
            return printable(name)
    main = main_first(SubmissionReport(submission="", documents=reports))[0]
    return Path(main.file).stem or main.file


def check_files(files: Sequence[Path], schemas: SchemaSet, *, kind: str | None = None, profile: str | None = None,
                display: Callable[[Path], str] = printable, name: str | None = None) -> SubmissionReport:
    """Each file checked (within the time and memory limits of a check) and the submission
    rules run over them. One file alone may still be sent with its attachments later: a
    missing attachment is then a warning. `display` gives the name each file is shown by
    (printable: a newline in a name must not forge a line of output); `name` the
    submission's, by default the file's own or `submission_name`."""
    reports = [check_document_in_time(f, schemas, kind=kind, profile=profile, display=display(f)) for f in files]
    if name is None:
        name = reports[0].file if len(reports) == 1 else submission_name(files, reports)
    return check_submission(name, reports, schemas, alone=len(reports) == 1)


def judge(name: str, reports: list[DocumentReport], schemas: SchemaSet) -> SubmissionReport:
    """The submission rules over files already checked (the web page checks them in its own
    workers), as `check_files` runs them."""
    return check_submission(name, reports, schemas, alone=len(reports) == 1)


@dataclass
class Checked:
    """Files checked as one submission, as `check` and the web page report them: one file
    alone is reported as the file, and what the submission rules said about it (a missing
    attachment) belongs to it: its report lists it and its annotated copy comments it."""

    submission: SubmissionReport

    @classmethod
    def of(cls, sub: SubmissionReport) -> Checked:
        if len(sub.documents) == 1:
            doc = sub.documents[0]
            doc.findings = [*sub.findings, *doc.findings]
            sub.findings = []
        return cls(sub)

    @property
    def alone(self) -> DocumentReport | None:
        """The one file checked alone, or None for several."""
        return self.submission.documents[0] if len(self.submission.documents) == 1 else None

    @property
    def report(self) -> DocumentReport | SubmissionReport:
        return self.alone or self.submission

    @property
    def status(self) -> Status:
        return self.report.status

    @property
    def extra(self) -> list[Finding]:
        """What each file's annotated copy says beside its own findings: the submission's."""
        return self.submission.findings

    def to_json(self, lang: str = "sv") -> dict:
        """SPEC §5: the object of the one file, or the submission object."""
        return self.report.to_json(lang)


def annotate_targets(files: Sequence[Path], annotate: Path | None, annotate_dir: Path | None) -> list[Path]:
    """Where the annotated copies go (one per file), checked before any work is done.
    Someone's document is never replaced by a copy; only what is provably an annotated copy
    an earlier run wrote, of the same kind of file, may be (re-running after fixing the draft
    is the usual way of working): a register, a memo, a workbook that merely mentions
    socinv-docs is refused."""
    if annotate is None and annotate_dir is None:
        return []
    # start-up: only when a copy is asked for does `check` load the annotator (python-docx,
    # 180 ms, cli.py's docstring); and the web page's own process, which imports this module
    # but never reads a file, stays free of the readers (its RSS, README).
    from socinv_docs.render.annotate import same_file

    if annotate is not None and annotate_dir is not None:
        raise Refused("annotate.both")
    if annotate is not None:
        if len(files) != 1:
            raise Refused("annotate.one_file")
        targets = [annotate]
    else:
        names = [f.name for f in files]
        clash = next((n for n in names if names.count(n) > 1), None)
        if clash:
            raise Refused("annotate.name_clash", name=clash)
        targets = [annotate_dir / f.name for f in files]
    for source, target in zip(files, targets):
        if same_file(source, target):
            raise Refused("annotate.same_file", path=printable(source))
        if target.suffix.lower() != source.suffix.lower():
            raise Refused("annotate.wrong_suffix", path=printable(target), suffix=printable(source.suffix))
        never_over(target, lambda found, source=source: _copy_of(found, source), "annotate.exists")
    return targets


def _copy_of(found: Path, source: Path) -> bool:
    """Whether `found` is an annotated copy an earlier run wrote, of the same kind of file as `source`."""
    from socinv_docs.readers.annotated_copy import annotated_copy_kind_of, file_kind  # start-up: annotate_targets

    kind = file_kind(source)
    return kind is not None and annotated_copy_kind_of(found) == kind


def never_over(target: Path, ours: Callable[[Path], bool], key: str) -> None:
    """Someone's file is never replaced: a `target` that is there (or a link) must be
    provably one of the tool's own that may be (`ours`), else Refused(`key`). The annotated
    copies and the pre-filled reports (followup_templates) are guarded so."""
    if (target.exists() or target.is_symlink()) and not ours(target):
        raise Refused(key, path=printable(target))


@dataclass(frozen=True)
class AnnotatedCopy:
    """What became of one annotated copy: written, not made (a file that could not be
    read has nothing to annotate), or failed, and why."""

    source: Path
    target: Path
    written: bool
    problem: messages.CatalogueError | None = None  # why it failed; None when written or not made

    @property
    def failed(self) -> bool:
        return self.problem is not None

    def text(self, lang: str = "sv") -> str:
        if self.problem is not None:
            return self.problem.text(lang)
        if self.written:
            return messages.text("annotate.written", lang, path=printable(self.target))
        return messages.text("annotate.unreadable", lang, file=printable(self.source))


def annotate_copies(checked: Checked, files: Sequence[Path], targets: Sequence[Path],
                    lang: str = "sv") -> list[AnnotatedCopy]:
    """Write a copy of each file with a comment at each finding, in `lang`."""
    if not targets:
        return []
    from socinv_docs.render.annotate import AnnotateError, annotate, can_annotate  # start-up: see annotate_targets

    done = []
    for source, target, report in zip(files, targets, checked.submission.documents):
        if not can_annotate(report):
            done.append(AnnotatedCopy(source, target, written=False))
            continue
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            annotate(report, source, target, lang=lang, extra=checked.extra)
        except AnnotateError as exc:
            done.append(AnnotatedCopy(source, target, written=False, problem=exc))
        except OSError as exc:
            done.append(AnnotatedCopy(source, target, written=False,
                                      problem=Refused("annotate.write_failed", exc, path=printable(target))))
        else:
            done.append(AnnotatedCopy(source, target, written=True))
    return done


# -- validate this folder -----------------------------------------------------------------------


class FolderValidation:
    """`validate DIR [--register R]`, step by step, so that a front end can show progress
    while the files are checked and print the run before the register is written:

        job = FolderValidation(directory, schemas, register=...)
        job.prepare()               # Refused: the register cannot be written; the folder scanned
        run = job.run(on_file=...)  # every file checked; the register's rows made meanwhile
        job.write_register(run)     # Refused: locked, or it could not be written
    """

    def __init__(self, directory: Path, schemas: SchemaSet, *, register: Path | None = None, kind: str | None = None,
                 profile: str | None = None, jobs: int | None = None, force: bool = False,
                 follow_links: bool = False, lang: str = "sv") -> None:
        self.directory, self.schemas, self.register = directory, schemas, register
        self.kind, self.profile, self.jobs, self.force = kind, profile, jobs, force
        self.follow_links, self.lang = follow_links, lang
        self.found = None  # the scan (validate.Scan), once prepared
        self.rows = None  # the register's rows, made while the workers check the rest

    def prepare(self) -> int:
        """Refuse a register that cannot be written before the long run, not after; scan
        the folder. Returns the number of files to check."""
        # start-up: the worker pool and the folder walk only where a folder is validated,
        # never for `check` (validate 250 ms, cli.py's docstring)
        from socinv_docs.validate import scan

        if looks_like_followup(self.directory):
            # Its sub-folders are granted satsningar: their reports are not applications and
            # their beslut.yaml no form; `socinv followup` is the command for them.
            raise Refused("ui.validate.followup_folder", dir=printable(self.directory))
        if self.register is None:
            self.found = scan(self.directory, follow_links=self.follow_links)
            return sum(len(s.files) for s in self.found.submissions)
        self._refuse_register_onto_input()
        # start-up: the register (openpyxl, 115 ms) only for `validate --register`
        from socinv_docs.render.register import RegisterError, RegisterRows, check_writable

        try:
            check_writable(self.register, force=self.force)
        except RegisterError as exc:
            raise book_refusal(exc) from None
        self.found = scan(self.directory, skip=[self.register], follow_links=self.follow_links)
        self.rows = RegisterRows(root=self.directory, register=self.register, schemas=self.schemas, lang=self.lang)
        return sum(len(s.files) for s in self.found.submissions)

    def _refuse_register_onto_input(self) -> None:
        """A register inside the folder being checked may be the tool's own register (it
        is skipped there), never one of the documents: those are the applicants'."""
        register = self.register
        if not (register.exists() or register.is_symlink()):
            return
        inside = _resolved(register).is_relative_to(_resolved(self.directory))
        if inside and not is_tool_output(register):
            raise Refused("ui.register.is_input", path=printable(register))

    def run(self, on_file: Callable[[DocumentReport | None], None] | None = None) -> RunReport:
        """Check every file in worker processes (`on_file` as each comes in: None for a file
        the tool wrote itself); each submission is judged, and its register row made, as its
        last file comes in."""
        from socinv_docs.validate import validate_folder  # start-up: see prepare

        if self.found is None:
            self.prepare()
        return validate_folder(self.directory, self.schemas, kind=self.kind, profile=self.profile, jobs=self.jobs,
                               found=self.found, on_file=on_file,
                               on_submission=self.rows.add if self.rows is not None else None)

    def write_register(self, run: RunReport):
        """The register's read–merge–write under a lock of our own: two runs at once take
        turns, so the second merges what the first wrote instead of dropping it."""
        from socinv_docs.render.register import RegisterError, write_register  # start-up: see prepare

        try:
            with exclusive(self.register, wait=REGISTER_WAIT_SECONDS):
                return write_register(self.register, run, root=self.directory, schemas=self.schemas, lang=self.lang,
                                      force=self.force, rows=self.rows)
        except Busy as exc:
            raise Refused("ui.register.busy", path=printable(self.register), lock=printable(exc.lock.name)) from None
        except RegisterError as exc:
            raise book_refusal(exc) from None
        except OSError as exc:  # the lock file itself cannot be made (a read-only or full folder)
            raise Refused("ui.register.write_failed", exc, path=printable(self.register)) from None


def book_refusal(exc) -> Refused:
    """A workbook's error (the register's, the follow-up workbook's) in the user's words: the program holding a lock file by name, a
    system error (a full disk, a file size limit) in the reader's language."""
    params = dict(exc.params)
    if "path" in params:
        params["path"] = printable(str(params["path"]))
    if "lock" in params:
        lock = str(params["lock"])
        params["program"] = messages.msg("ui.lock.libreoffice" if lock.startswith(".~lock.") else "ui.lock.office")
        params["lock"] = printable(lock)
    cause = exc.__cause__ if isinstance(exc.__cause__, OSError) else None
    return Refused(exc.key, cause, **params)


# -- what a memo is made from -----------------------------------------------------------------


def memo_run(inputs: Sequence[Path], schemas: SchemaSet, *, jobs: int | None = None, follow_links: bool = False,
             skip: Sequence[Path] = ()) -> RunReport:
    """The submissions a memo is about: each folder validated as `validate` does it (a
    submission per sub-folder; `skip`: the memo's own output and register), the files given
    together as one submission, and what is neither a file nor a folder (a FIFO, a device:
    opening it could wait for ever) noted as not checked."""
    from socinv_docs.validate import validate_folder  # start-up: see FolderValidation.prepare

    run = RunReport()
    files = [p for p in inputs if p.is_file()]
    for directory in (p for p in inputs if p.is_dir()):
        part = validate_folder(directory, schemas, jobs=jobs, follow_links=follow_links, skip=list(skip))
        run.submissions += part.submissions
        run.skipped += part.skipped
    run.skipped += [SkippedEntry(path=printable(p), reason="skipped.not_regular")
                    for p in inputs if not p.is_file() and not p.is_dir()]
    if files:
        run.submissions.append(check_files(files, schemas, display=lambda f: printable(f.name)))
    return run


def refuse_memo_options(inputs: Sequence[Path], *, register: Path | None, workbook: Path | None,
                        date: object = None, since: object = None) -> None:
    """Which memo is asked for: with `workbook` the follow-up memo of one follow-up folder
    (never with the review group's register); without it the beredningsunderlag, which
    takes neither --date nor --since, and is not made of a follow-up folder (a sub-folder
    with a beslut.yaml: its reports would be read as submissions)."""
    if workbook is not None:
        if register is not None:
            raise Refused("memo.fu.register_and_workbook")
        if len(inputs) != 1 or not inputs[0].is_dir():
            raise Refused("memo.fu.only_one_folder")
        return
    for option, value in (("--date", date), ("--since", since)):
        if value is not None:
            raise Refused("memo.fu.followup_only", option=option)
    for folder in (p for p in inputs if p.is_dir()):
        if looks_like_followup(folder):
            raise Refused("memo.fu.looks_like_followup", dir=printable(folder))


def looks_like_followup(folder: Path) -> bool:
    """Whether a folder holds satsningar in follow-up (a sub-folder with a beslut.yaml) rather
    than submissions; a folder that cannot be listed is not (the run says what it cannot read)."""
    try:
        return any((sub / "beslut.yaml").is_file() for sub in folder.iterdir() if sub.is_dir())
    except OSError:
        return False


def refuse_reports_in_memo(run: RunReport, schemas: SchemaSet) -> None:
    """A follow-up report (a redovisning, a slutrapport) is not a submission to review: its
    memo compares it with its satsning's plan and proposes a payment, which only the follow-up
    run knows (what earlier reports were paid), so `memo DIR --workbook W` makes it. A
    beredningsunderlag of a report (with a 'Sökt belopp') would look right and be wrong."""
    for submission in run.submissions:
        for doc in submission.documents:
            if is_report(doc, schemas):
                raise Refused("memo.fu.report_not_submission", path=doc.path or "")


def refuse_memo_onto_input(output: Path, inputs: Sequence[Path], others: Sequence[Path]) -> None:
    """The memo never replaces what it is made from: an input, the register or the
    template (`others`), nor an existing file inside an input folder (or beside an input
    file) unless that file is an earlier memo of the tool's own."""
    target = _resolved(output)
    if any(_resolved(p) == target for p in (*inputs, *others)):
        raise Refused("memo.output_is_input", path=printable(output))
    if not (output.exists() or output.is_symlink()) or is_tool_output(output):
        return
    for folder in {p if p.is_dir() else p.parent for p in inputs}:
        if target.is_relative_to(_resolved(folder)):
            raise Refused("memo.output_in_input", path=printable(output), dir=printable(folder))

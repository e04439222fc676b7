"""Bulk validation of a folder (SPEC §3): find the submissions, check every file in
parallel with a per-file time limit, then run the submission rules.

- A sub-folder of DIR is one submission (files in nested folders belong to it); a file
  directly in DIR is a submission of its own. Office lock files (`~$…`, `.~lock…#`),
  hidden files, Windows/macOS folder litter and the tool's own outputs are skipped. The
  outputs (a register, a memo: atomic.is_tool_output; an annotated copy is the applicant's
  document and is checked like any other, README) are recognised by
  the workers, not while finding the files: opening 1 200 files one after the other to read
  their author took a quarter of a second before any checking began. A submission whose
  every file is the tool's is no submission.
- Nothing outside DIR is read unless asked (`follow_links`). Every other entry that is not
  checked — a link out of DIR, in a loop or to nothing, a FIFO or device, a folder that
  cannot be listed — is reported with its reason (RunReport.skipped), never dropped.
- Names are shown printable (names.printable): not UTF-8, or with a newline or an escape.
- Files are checked by worker processes. Each worker loads nothing per file: it gets the
  schema set once when it starts. A worker stops a file after Limits.max_seconds itself
  (SIGALRM); a worker that does not answer shortly after that (stuck in C code), dies
  (crash, memory) or exceeds its memory cap is replaced, and the file becomes a
  FILE_UNREADABLE finding ("unreadable.timeout" / "unreadable.crashed"). One bad file never
  stops the run.
- Results stream back as they finish; a submission is judged as soon as its last file is
  in, so the parent holds only reports, never file contents.
- Workers die with the run: on Ctrl-C the parent stops them; on kill -9 of the parent the
  kernel kills them (Linux, PR_SET_PDEATHSIG), elsewhere a watcher thread in each worker.
"""

from __future__ import annotations

import errno
import multiprocessing
import os
import signal
import stat
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import closing
from dataclasses import dataclass, field
from multiprocessing.connection import wait
from pathlib import Path

from socinv_docs import messages
from socinv_docs.atomic import is_tool_output
from socinv_docs.codes import UNREADABLE_CODES
from socinv_docs.limits import Limits, OutOfTime, exit_detail, limit_memory, time_limit
from socinv_docs.loading import load_schemas
from socinv_docs.names import printable
from socinv_docs.pipeline import check_document, check_submission
from socinv_docs.pipeline import unreadable_report as pipeline_unreadable_report
from socinv_docs.report import DocumentReport, RunReport, SkippedEntry, SubmissionReport
from socinv_docs.schema import SchemaSet

# Files a file manager leaves in folders; never a submission.
TOOL_OUTPUT_SUFFIXES = {".xlsx", ".docx", ".xlsm", ".docm", ".html", ".htm", ".md"}
SYSTEM_FILES = {"thumbs.db", "desktop.ini", "ehthumbs.db", "icon\r"}
# A worker whose file should have stopped at max_seconds is killed this much later.
GRACE_SECONDS = 2.0


@dataclass
class Submission:
    name: str  # relative to DIR, '/'-separated, printable (the register's key)
    path: Path  # the sub-folder or the file
    files: list[tuple[Path, str]] = field(default_factory=list)  # (path, name shown: relative to DIR)


@dataclass
class Scan:
    """What is in a folder: the submissions to check, and every entry that is not checked
    with the reason (SkippedEntry). Lock files, hidden files and folder litter are neither:
    they are passed over without a word (SPEC §3), as the tool's own outputs are once a
    worker has seen one (is_tool_output_file)."""

    submissions: list[Submission] = field(default_factory=list)
    skipped: list[SkippedEntry] = field(default_factory=list)


def _skipped(name: str) -> bool:
    low = name.lower()
    # '~$x.docx' Office lock, '.~lock.x#' LibreOffice lock, '~WRL0001.tmp' Word's save file
    return name.startswith(("~$", ".")) or low in SYSTEM_FILES or (low.startswith("~") and low.endswith(".tmp"))


def sort_key(name: str) -> tuple:
    return (name.casefold(), name)


def discover(root: Path, *, skip: Iterable[Path] = (), follow_links: bool = False) -> list[Submission]:
    """The submissions in `root`, in name order. `skip`: paths never to take (the register)."""
    return scan(root, skip=skip, follow_links=follow_links).submissions


def scan(root: Path, *, skip: Iterable[Path] = (), follow_links: bool = False) -> Scan:
    """The submissions in `root` and the entries not checked, in name order.

    Nothing outside `root` is read unless `follow_links`: a link whose target lies outside
    is reported, not followed. A link in a loop (to itself, or to a folder it sits in), a
    link to nothing, a FIFO or device (opening one could block for ever) and a folder that
    cannot be listed are reported too. Links that stay inside `root` are followed.
    """
    root = Path(root)
    root_real = _resolved(root)
    never = {_resolved(p) for p in skip}
    found = Scan()

    def shown(path: Path) -> str:
        return printable(path.relative_to(root).as_posix()) if path != root else "."

    def note(path: Path, reason: str, exc: OSError | None = None) -> None:
        found.skipped.append(SkippedEntry(path=shown(path), reason=reason, error=_errno_name(exc)))

    def classify(path: Path, ancestors: frozenset) -> tuple[str, tuple[int, int]] | None:
        """("dir" | "file", identity) for an entry to go on with; None (noted) otherwise."""
        try:
            st = os.lstat(path)
            if stat.S_ISLNK(st.st_mode):
                try:
                    st = os.stat(path)
                except OSError as exc:
                    if exc.errno == errno.ELOOP:
                        note(path, "skipped.link_loop")
                    elif exc.errno in (errno.ENOENT, errno.ENOTDIR):
                        note(path, "skipped.link_broken")
                    else:
                        note(path, "skipped.unreadable", exc)
                    return None
                if not follow_links and not _resolved(path).is_relative_to(root_real):
                    note(path, "skipped.link_outside")
                    return None
        except OSError as exc:
            note(path, "skipped.unreadable", exc)
            return None
        identity = (st.st_dev, st.st_ino)
        if stat.S_ISDIR(st.st_mode):
            if identity in ancestors:  # a link back to a folder it sits in: endless
                note(path, "skipped.link_loop")
                return None
            return "dir", identity
        if stat.S_ISREG(st.st_mode):
            return "file", identity
        note(path, "skipped.not_regular")
        return None

    def take(path: Path) -> bool:
        return not (never and _resolved(path) in never)

    def entries(folder: Path) -> list[os.DirEntry] | None:
        try:
            with os.scandir(folder) as it:
                return sorted((e for e in it if not _skipped(e.name)), key=lambda e: sort_key(e.name))
        except OSError as exc:
            note(folder, "skipped.unreadable", exc)
            return None

    def files_in(folder: Path, ancestors: frozenset) -> list[Path]:
        """Every file under `folder`, a folder's own files before its sub-folders' (an explicit
        stack: a hostile tree thousands of levels deep must not hit the recursion limit)."""
        files: list[Path] = []
        stack = [(folder, ancestors)]
        while stack:
            current, above = stack.pop()
            subfolders = []
            for entry in entries(current) or []:
                path = Path(entry.path)
                what = classify(path, above)
                if what is None:
                    continue
                if what[0] == "dir":
                    subfolders.append((path, above | {what[1]}))
                elif take(path):
                    files.append(path)
            stack.extend(reversed(subfolders))
        return files

    try:
        root_stat = os.stat(root)
    except OSError as exc:
        note(root, "skipped.unreadable", exc)
        return found
    top = frozenset({(root_stat.st_dev, root_stat.st_ino)})
    for entry in entries(root) or []:
        path = Path(entry.path)
        what = classify(path, top)
        if what is None:
            continue
        if what[0] == "dir":
            files = files_in(path, top | {what[1]})
            if files:  # an empty folder (or only lock files) is not a submission
                found.submissions.append(Submission(printable(entry.name), path, [(f, shown(f)) for f in files]))
        elif take(path):
            found.submissions.append(Submission(printable(entry.name), path, [(path, printable(entry.name))]))
    return found


def _errno_name(exc: OSError | None) -> str:
    """'EACCES' for an OSError: the reason as data, put into words by messages.os_error."""
    if exc is None:
        return ""
    return errno.errorcode.get(exc.errno or 0, "") or type(exc).__name__


def _resolved(path: Path) -> Path:
    try:
        return Path(path).resolve()
    except (OSError, RuntimeError):  # RuntimeError: a symlink loop (Python < 3.13)
        return Path(os.path.abspath(path))


# -- one file ----------------------------------------------------------------------------


def is_tool_output_file(path: Path) -> bool:
    """A register, memo or annotated copy this tool wrote: never a submission's document."""
    return path.suffix.lower() in TOOL_OUTPUT_SUFFIXES and is_tool_output(path)


def check_file(path: Path, schemas: SchemaSet, *, kind: str | None, profile: str | None,
               limits: Limits, display: str) -> DocumentReport:
    """What a worker runs for one file (a seam for tests)."""
    return check_document(path, schemas, kind=kind, profile=profile, limits=limits, display=display)


def unreadable_report(display: str, reason: str, **params) -> DocumentReport:
    return pipeline_unreadable_report(display, reason, **params)


def _warm_up() -> None:
    """Import what checking a file needs, once: in the parent before workers fork (they
    inherit it), in a spawned worker before its first file. A file's time limit is then
    spent on the file, not on imports."""
    # What the pipeline imports on a first file (pipeline.read_raw, _judge), here on purpose.
    import socinv_docs.extract.detect  # noqa: F401
    import socinv_docs.extract.document  # noqa: F401
    import socinv_docs.readers.docx_reader  # noqa: F401
    import socinv_docs.readers.xlsx_reader  # noqa: F401

    # openpyxl too (read_xlsx imports it lazily for `check`): otherwise every forked worker,
    # and every replacement worker, imported it again on its first .xlsx (~0.1 s each).
    socinv_docs.readers.xlsx_reader.import_openpyxl()


# prctl(2) option: the signal the kernel sends this process when its parent dies (Linux).
PR_SET_PDEATHSIG = 1
# How often a worker without prctl looks whether its parent is still there (seconds).
PARENT_POLL_SECONDS = 0.5


def _die_with_parent(parent: int) -> None:
    """Make sure this worker never outlives the run that started it. Without this, kill -9
    of `socinv validate` left its workers checking on, holding the caller's pipe open.

    On Linux the kernel itself kills the worker when the parent dies (PR_SET_PDEATHSIG),
    even while it is stuck in C code. Elsewhere a daemon thread looks every
    PARENT_POLL_SECONDS whether the parent is still the parent, and ends the process when
    it is not (the pipe to the parent cannot tell: later workers inherit its other end)."""
    if not _set_parent_death_signal():
        _watch_parent(parent)
    if os.getppid() != parent:  # the parent died before we were ready to notice
        os._exit(1)


def _set_parent_death_signal() -> bool:
    if not sys.platform.startswith("linux"):
        return False
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def _watch_parent(parent: int) -> None:
    import threading

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_POLL_SECONDS)
        os._exit(1)

    # The watcher must never take the worker's SIGALRM (the per-file limit): a thread is
    # born with its creator's signal mask, so block it around the start.
    alarm = {signal.SIGALRM} if hasattr(signal, "SIGALRM") and hasattr(signal, "pthread_sigmask") else set()
    if alarm:
        old = signal.pthread_sigmask(signal.SIG_BLOCK, alarm)
    try:
        threading.Thread(target=watch, name="socinv-parent-watch", daemon=True).start()
    finally:
        if alarm:
            signal.pthread_sigmask(signal.SIG_SETMASK, old)


def _keep_off_stdout() -> None:
    """A worker sends its reports through its pipe and never writes on standard output,
    which is the parent's (the JSON of `validate --format json`): whatever a library prints,
    from Python or from C, goes to standard error instead."""
    sys.stdout = sys.stderr
    try:
        os.dup2(2, 1)
    except OSError:  # no standard error to point at: leave the descriptor as it is
        pass


def _worker(conn, schemas: SchemaSet, kind: str | None, profile: str | None,
            limits: Limits, parent: int) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not the parent's unwinding (cli.Terminated): just end
    _keep_off_stdout()
    _die_with_parent(parent)
    limit_memory()  # the same ceiling as `socinv check` (SOCINV_MAX_WORKER_MB)
    _warm_up()
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        index, path, display = task
        try:
            with time_limit(limits.max_seconds):  # a file stuck in Python code; the parent's watchdog for C
                if is_tool_output_file(Path(path)):
                    report = None  # the tool's own: passed over (validate_folder)
                else:
                    report = check_file(Path(path), schemas, kind=kind, profile=profile, limits=limits,
                                        display=display)
        except OutOfTime:
            report = unreadable_report(display, "unreadable.timeout", seconds=limits.max_seconds)
        except MemoryError:
            report = unreadable_report(display, "unreadable.crashed", detail="MemoryError")
        except Exception as exc:  # a bug in a reader or rule: this file only
            report = unreadable_report(display, "unreadable.crashed", detail=type(exc).__name__)
        try:
            conn.send((index, report))
        except Exception as exc:  # an unpicklable report: say so rather than hang
            conn.send((index, unreadable_report(display, "unreadable.crashed", detail=type(exc).__name__)))


# Tasks a worker holds at once: the one it checks and the next, so that it never waits for
# the main process to take a result and send more (with one, 2 workers on 2 cores were idle
# while the main process unpickled reports: 1.55x where the floor got 2.27x).
IN_FLIGHT = 2


@dataclass
class _Slot:
    process: multiprocessing.process.BaseProcess
    conn: object
    tasks: deque = field(default_factory=deque)  # (index, path, display); the first is being checked
    deadline: float = 0.0  # for the first task


def _context():
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def check_files(tasks: list[tuple[Path, str]], schemas: SchemaSet, *, kind: str | None = None,
                profile: str | None = None, jobs: int | None = None, limits: Limits | None = None
                ) -> Iterator[tuple[int, DocumentReport | None]]:
    """Check files in worker processes; yield (index into tasks, report) as each finishes;
    the report is None for a file the tool wrote itself (is_tool_output_file).

    Each worker holds up to IN_FLIGHT tasks. When one dies or overruns its time on a file,
    that file is reported and the tasks it held after it go to its replacement."""
    limits = limits or Limits.from_env()
    if not tasks:
        return
    jobs = max(1, min(jobs or default_jobs(), len(tasks)))
    ctx = _context()
    _warm_up()
    # Forked workers inherit the set; spawned ones get it pickled (it is made to pickle: the
    # cache), never loaded afresh from default folders that may not be the run's (--schemas).
    inherit = schemas
    pending = deque((index, str(path), display) for index, (path, display) in enumerate(tasks))
    slots: list[_Slot] = []

    def start() -> _Slot:
        parent, child = ctx.Pipe()
        proc = ctx.Process(target=_worker, args=(child, inherit, kind, profile, limits, os.getpid()),
                           daemon=True)
        proc.start()
        child.close()
        return _Slot(proc, parent)

    def stop(slot: _Slot, kill: bool) -> None:
        if kill and slot.process.is_alive():
            slot.process.kill()
        slot.process.join(timeout=5)
        try:
            slot.conn.close()
        except OSError:
            pass

    def restart_clock(slot: _Slot) -> None:
        slot.deadline = time.monotonic() + limits.max_seconds + GRACE_SECONDS

    def feed(slot: _Slot) -> None:
        while pending and len(slot.tasks) < IN_FLIGHT:
            task = pending.popleft()
            slot.tasks.append(task)
            if len(slot.tasks) == 1:
                restart_clock(slot)
            try:
                slot.conn.send(task)
            except (OSError, EOFError):
                return  # dead already; the wait loop sees EOF and reports it

    def replace(slot: _Slot, kill: bool) -> None:
        """A fresh worker in this one's place; the tasks it held after the failed one first."""
        stop(slot, kill=kill)
        pending.extendleft(reversed(list(slot.tasks)[1:]))
        slots.remove(slot)
        if pending:
            new = start()
            slots.append(new)
            feed(new)

    try:
        for _ in range(jobs):
            slot = start()
            slots.append(slot)
            feed(slot)
        while any(s.tasks for s in slots):
            busy = [s for s in slots if s.tasks]
            timeout = max(0.0, min(s.deadline for s in busy) - time.monotonic())
            ready = wait([s.conn for s in busy], timeout=timeout)
            for slot in busy:
                index, _, display = slot.tasks[0]
                if slot.conn in ready:
                    try:
                        done, report = slot.conn.recv()
                    except (EOFError, OSError):  # the worker died on this file
                        slot.process.join(timeout=5)
                        yield index, unreadable_report(display, "unreadable.crashed",
                                                       detail=exit_detail(slot.process.exitcode))
                        replace(slot, kill=True)
                        continue
                    slot.tasks.popleft()
                    restart_clock(slot)
                    feed(slot)
                    yield done, report
                elif time.monotonic() >= slot.deadline:  # stuck where SIGALRM cannot reach
                    yield index, unreadable_report(display, "unreadable.timeout", seconds=limits.max_seconds)
                    replace(slot, kill=True)
    finally:
        for slot in slots:
            try:
                if not slot.tasks and slot.process.is_alive():
                    slot.conn.send(None)
            except (OSError, EOFError):
                pass
        for slot in slots:
            stop(slot, kill=bool(slot.tasks))
            if slot.process.is_alive():
                stop(slot, kill=True)


# -- a folder ----------------------------------------------------------------------------


def validate_folder(root: Path, schemas: SchemaSet, *, kind: str | None = None,
                    profile: str | None = None, jobs: int | None = None, limits: Limits | None = None,
                    skip: Iterable[Path] = (), found: Scan | None = None, follow_links: bool = False,
                    on_file: Callable[[DocumentReport | None], None] | None = None,
                    on_submission: Callable[[SubmissionReport], None] | None = None) -> RunReport:
    """Check every submission in `root` (or in `found`, a scan already made); the RunReport
    lists them in name order, and the entries that were not checked. `on_file` and
    `on_submission` are called as each file and each judged submission comes in (a
    progress bar; the register's rows, made while the workers check the rest); on_file
    gets None for a file the tool wrote itself."""
    started = time.perf_counter()
    found = found if found is not None else scan(root, skip=skip, follow_links=follow_links)
    subs = found.submissions
    tasks: list[tuple[Path, str]] = []
    owner: list[int] = []  # task index -> submission index
    for i, sub in enumerate(subs):
        for item in sub.files:
            tasks.append(item)
            owner.append(i)
    remaining = [len(s.files) for s in subs]
    docs: list[dict[int, DocumentReport]] = [{} for _ in subs]
    results: list[SubmissionReport | None] = [None] * len(subs)
    used_jobs = max(1, min(jobs or default_jobs(), len(tasks) or 1))
    # closing(): on Ctrl-C between two results the pool still stops its workers at once.
    with closing(check_files(tasks, schemas, kind=kind, profile=profile, jobs=used_jobs,
                             limits=limits)) as finished:
        for index, report in finished:
            i = owner[index]
            remaining[i] -= 1
            if report is not None:
                report.path = str(tasks[index][0])  # the real name: `file` is the one shown
                docs[i][index] = report
            if on_file:
                on_file(report)
            if remaining[i] == 0 and docs[i]:  # none: every file of it was the tool's own
                ordered = [docs[i][k] for k in sorted(docs[i])]
                docs[i] = {}
                results[i] = check_submission(subs[i].name, ordered, schemas, alone=False)
                if on_submission:
                    on_submission(results[i])
    run = RunReport(submissions=[r for r in results if r is not None], skipped=list(found.skipped), jobs=used_jobs)
    run.seconds = time.perf_counter() - started
    return run


def summary_line(run: RunReport, lang: str = "sv") -> str:
    stats = run.stats()
    line = messages.text("ui.validate.summary", lang, submissions=stats["submissions"],
                         documents=stats["documents"], complete=stats["complete"],
                         incomplete=stats["incomplete"], unreadable=stats["unreadable"],
                         seconds=round(stats["seconds"], 1))
    if run.skipped:
        line += messages.text("ui.validate.skipped", lang, skipped=len(run.skipped))
    return line


def submission_line(sub: SubmissionReport, lang: str = "sv") -> str:
    """One line per submission; an unreadable one says why (per file, in a folder)."""
    status = messages.text(f"ui.status.{sub.status.value}", lang)
    counts = messages.counts(sub.errors, sub.warnings, lang)
    line = f"{status:<16} {sub.submission}  ({counts})"
    reasons = []
    for doc in sub.documents:
        for f in doc.findings:
            if f.code in UNREADABLE_CODES:
                own = doc.file == sub.submission  # a file directly in DIR: its name is on the line already
                reasons.append(_reason(f, lang) if own else f"{Path(doc.file).name}: {_reason(f, lang)}")
    return f"{line}: {'; '.join(reasons)}" if reasons else line


def _reason(f, lang: str) -> str:
    """Why a file could not be read, in one line: the reason itself (FILE_UNREADABLE's
    reason key), or the finding's message (KIND_UNKNOWN)."""
    key = f.params.get("reason_key")
    words = messages.text(key, lang, **f.params) if key else f.message_in(lang)
    return " ".join(words.split())


def skipped_line(entry: SkippedEntry, lang: str = "sv") -> str:
    """One line for an entry of the folder that was not checked, saying why."""
    status = messages.text("ui.status.skipped", lang)
    return f"{status:<16} {entry.path}: {entry.message_in(lang)}"


if __name__ == "__main__":  # pragma: no cover - manual smoke run
    result = validate_folder(Path(sys.argv[1]), load_schemas())
    print(summary_line(result))

"""Bulk validation of a folder (SPEC §3): find the submissions, check every file in
parallel with a per-file time limit, then run the submission rules.

- A sub-folder of DIR is one submission (files in nested folders belong to it); a file
  directly in DIR is a submission of its own. Office lock files (`~$…`, `.~lock…#`),
  hidden files, Windows/macOS folder litter and the tool's own outputs are skipped.
- Files are checked by worker processes. Each worker loads nothing per file: it gets the
  schema set once when it starts. A worker stops a file after Limits.max_seconds itself
  (SIGALRM); a worker that does not answer shortly after that (stuck in C code), dies
  (crash, memory) or exceeds its memory cap is replaced, and the file becomes a
  FILE_UNREADABLE finding ("unreadable.timeout" / "unreadable.crashed"). One bad file never
  stops the run.
- Results stream back as they finish; a submission is judged as soon as its last file is
  in, so the parent holds only reports, never file contents.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import wait
from pathlib import Path

from socinv_docs import messages
from socinv_docs.atomic import is_tool_output
from socinv_docs.limits import Limits
from socinv_docs.report import DocumentReport, RunReport, SubmissionReport
from socinv_docs.schema import SchemaSet

# Files a file manager leaves in folders; never a submission.
TOOL_OUTPUT_SUFFIXES = {".xlsx", ".docx", ".xlsm", ".docm", ".html", ".htm", ".md"}
SYSTEM_FILES = {"thumbs.db", "desktop.ini", "ehthumbs.db", "icon\r"}
# A worker whose file should have stopped at max_seconds is killed this much later.
GRACE_SECONDS = 2.0
# Address-space cap per worker (MB); 0 switches it off. A file that makes a worker grow
# past it ends as "unreadable.crashed" instead of taking the machine down.
MAX_WORKER_MB = int(os.environ.get("SOCINV_MAX_WORKER_MB", "3072") or 0)


@dataclass
class Submission:
    name: str  # relative to DIR, '/'-separated (the register's key)
    path: Path  # the sub-folder or the file
    files: list[tuple[Path, str]] = field(default_factory=list)  # (path, name shown: relative to DIR)


def _skipped(name: str) -> bool:
    low = name.lower()
    # '~$x.docx' Office lock, '.~lock.x#' LibreOffice lock, '~WRL0001.tmp' Word's save file
    return name.startswith(("~$", ".")) or low in SYSTEM_FILES or (low.startswith("~") and low.endswith(".tmp"))


def _sort_key(name: str) -> tuple:
    return (name.casefold(), name)


def discover(root: Path, *, skip: Iterable[Path] = ()) -> list[Submission]:
    """The submissions in `root`, in name order. `skip`: paths never to take (the register)."""
    root = Path(root)
    skipped = {_resolved(p) for p in skip}

    def take(path: Path) -> bool:
        if _skipped(path.name) or _resolved(path) in skipped:
            return False
        if path.suffix.lower() in TOOL_OUTPUT_SUFFIXES and is_tool_output(path):
            return False
        return True

    subs: list[Submission] = []
    for entry in sorted(os.scandir(root), key=lambda e: _sort_key(e.name)):
        path = Path(entry.path)
        if _skipped(entry.name):
            continue
        if entry.is_dir():
            files = []
            for dirpath, dirnames, filenames in os.walk(path):
                dirnames[:] = sorted((d for d in dirnames if not _skipped(d)), key=_sort_key)
                for name in sorted(filenames, key=_sort_key):
                    f = Path(dirpath) / name
                    if f.is_file() and take(f):
                        files.append((f, f.relative_to(root).as_posix()))
            if files:  # an empty folder (or only lock files) is not a submission
                subs.append(Submission(entry.name, path, files))
        elif entry.is_file() and take(path):
            subs.append(Submission(entry.name, path, [(path, entry.name)]))
    return subs


def _resolved(path: Path) -> Path:
    try:
        return Path(path).resolve()
    except OSError:
        return Path(os.path.abspath(path))


# -- one file ----------------------------------------------------------------------------


def check_file(path: Path, schemas: SchemaSet, *, kind: str | None, profile: str | None,
               limits: Limits, display: str) -> DocumentReport:
    """What a worker runs for one file (a seam for tests)."""
    from socinv_docs.pipeline import check_document

    return check_document(path, schemas, kind=kind, profile=profile, limits=limits, display=display)


def unreadable_report(display: str, reason: str, **params) -> DocumentReport:
    from socinv_docs.pipeline import unreadable_report as report

    return report(display, reason, **params)


def _warm_up() -> None:
    """Import what checking a file needs, once: in the parent before workers fork (they
    inherit it), in a spawned worker before its first file. A file's time limit is then
    spent on the file, not on imports."""
    import socinv_docs.extract.detect  # noqa: F401
    import socinv_docs.extract.document  # noqa: F401
    import socinv_docs.pipeline  # noqa: F401
    import socinv_docs.readers.docx_reader  # noqa: F401
    import socinv_docs.readers.xlsx_reader  # noqa: F401

    # openpyxl too (read_xlsx imports it lazily for `check`): otherwise every forked worker,
    # and every replacement worker, imported it again on its first .xlsx (~0.1 s each).
    socinv_docs.readers.xlsx_reader.import_openpyxl()


class _Timeout(BaseException):
    """Raised by SIGALRM in a worker. A BaseException, so no `except Exception` in the
    readers can swallow it and call the file merely 'bad content'."""


def _on_alarm(signum, frame):
    raise _Timeout


def _arm(seconds: float) -> None:
    # No SIGALRM on Windows: there the parent's watchdog alone stops a file.
    if hasattr(signal, "setitimer"):
        signal.setitimer(signal.ITIMER_REAL, seconds)


def _limit_memory() -> None:
    if MAX_WORKER_MB <= 0:
        return
    try:
        import resource

        cap = MAX_WORKER_MB * 1024 * 1024
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard != resource.RLIM_INFINITY:
            cap = min(cap, hard)
        resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    except (ImportError, ValueError, OSError):
        pass


def _worker(conn, schemas: SchemaSet | None, kind: str | None, profile: str | None,
            limits: Limits) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    if hasattr(signal, "SIGALRM"):
        signal.signal(signal.SIGALRM, _on_alarm)
    _limit_memory()
    if schemas is None:  # spawn start method: load once per worker, never per file
        from socinv_docs.schema import load_schemas

        schemas = load_schemas()
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
            _arm(max(limits.max_seconds, 0.001))
            try:
                report = check_file(Path(path), schemas, kind=kind, profile=profile, limits=limits,
                                    display=display)
            finally:
                _arm(0)
        except _Timeout:
            report = unreadable_report(display, "unreadable.timeout", seconds=limits.max_seconds)
        except MemoryError:
            report = unreadable_report(display, "unreadable.crashed", detail="MemoryError")
        except Exception as exc:  # a bug in a reader or rule: this file only
            report = unreadable_report(display, "unreadable.crashed", detail=type(exc).__name__)
        try:
            conn.send((index, report))
        except Exception as exc:  # an unpicklable report: say so rather than hang
            conn.send((index, unreadable_report(display, "unreadable.crashed", detail=type(exc).__name__)))


@dataclass
class _Slot:
    process: multiprocessing.process.BaseProcess
    conn: object
    task: tuple[int, str, str] | None = None
    deadline: float = 0.0


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
                ) -> Iterator[tuple[int, DocumentReport]]:
    """Check files in worker processes; yield (index into tasks, report) as each finishes."""
    limits = limits or Limits.from_env()
    if not tasks:
        return
    jobs = max(1, min(jobs or default_jobs(), len(tasks)))
    ctx = _context()
    _warm_up()
    inherit = schemas if ctx.get_start_method() == "fork" else None
    queue = iter(enumerate(tasks))
    slots: list[_Slot] = []

    def start() -> _Slot:
        parent, child = ctx.Pipe()
        proc = ctx.Process(target=_worker, args=(child, inherit, kind, profile, limits), daemon=True)
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

    def feed(slot: _Slot) -> bool:
        for index, (path, display) in queue:
            slot.task = (index, str(path), display)
            slot.deadline = time.monotonic() + limits.max_seconds + GRACE_SECONDS
            try:
                slot.conn.send(slot.task)
            except (OSError, EOFError):
                return True  # dead already; the wait loop sees EOF and reports it
            return True
        slot.task = None
        return False

    try:
        for _ in range(jobs):
            slot = start()
            slots.append(slot)
            feed(slot)
        while any(s.task for s in slots):
            busy = [s for s in slots if s.task]
            timeout = max(0.0, min(s.deadline for s in busy) - time.monotonic())
            ready = wait([s.conn for s in busy], timeout=timeout)
            for slot in busy:
                if slot.conn in ready:
                    try:
                        index, report = slot.conn.recv()
                    except (EOFError, OSError):  # the worker died on this file
                        index, display = slot.task[0], slot.task[2]
                        slot.process.join(timeout=5)
                        report = unreadable_report(display, "unreadable.crashed", detail=_exit_detail(slot.process.exitcode))
                        yield index, report
                        _replace(slots, slot, start, stop, feed, kill=True)
                        continue
                    yield index, report
                    feed(slot)
                elif time.monotonic() >= slot.deadline:  # stuck where SIGALRM cannot reach
                    index, display = slot.task[0], slot.task[2]
                    yield index, unreadable_report(display, "unreadable.timeout", seconds=limits.max_seconds)
                    _replace(slots, slot, start, stop, feed, kill=True)
    finally:
        for slot in slots:
            try:
                if slot.task is None and slot.process.is_alive():
                    slot.conn.send(None)
            except (OSError, EOFError):
                pass
        for slot in slots:
            stop(slot, kill=slot.task is not None)
            if slot.process.is_alive():
                stop(slot, kill=True)


def _replace(slots: list[_Slot], slot: _Slot, start, stop, feed, kill: bool) -> None:
    stop(slot, kill=kill)
    slot.task = None
    new = start()
    slots[slots.index(slot)] = new
    if not feed(new):  # nothing left for it: let it go at once
        try:
            new.conn.send(None)
        except (OSError, EOFError):
            pass
        stop(new, kill=False)
        slots.remove(new)


def _exit_detail(code: int | None) -> str:
    if code is None:
        return "?"
    if code < 0:
        try:
            return signal.Signals(-code).name
        except ValueError:
            return f"signal {-code}"
    return f"exit {code}"


# -- a folder ----------------------------------------------------------------------------


def validate_folder(root: Path, schemas: SchemaSet, *, kind: str | None = None,
                    profile: str | None = None, jobs: int | None = None, limits: Limits | None = None,
                    skip: Iterable[Path] = (), submissions: list[Submission] | None = None,
                    on_file: Callable[[DocumentReport], None] | None = None) -> RunReport:
    """Check every submission in `root`; the RunReport lists them in name order."""
    from socinv_docs.pipeline import check_submission

    started = time.perf_counter()
    subs = submissions if submissions is not None else discover(root, skip=skip)
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
    for index, report in check_files(tasks, schemas, kind=kind, profile=profile, jobs=used_jobs,
                                     limits=limits):
        i = owner[index]
        docs[i][index] = report
        remaining[i] -= 1
        if on_file:
            on_file(report)
        if remaining[i] == 0:
            ordered = [docs[i][k] for k in sorted(docs[i])]
            docs[i] = {}
            results[i] = check_submission(subs[i].name, ordered, schemas, alone=False)
    run = RunReport(submissions=[r for r in results if r is not None], jobs=used_jobs)
    run.seconds = time.perf_counter() - started
    return run


def summary_line(run: RunReport, lang: str = "sv") -> str:
    stats = run.stats()
    return messages.text("ui.validate.summary", lang, submissions=stats["submissions"],
                         documents=stats["documents"], complete=stats["complete"],
                         incomplete=stats["incomplete"], unreadable=stats["unreadable"],
                         seconds=round(stats["seconds"], 1))


def submission_line(sub: SubmissionReport, lang: str = "sv") -> str:
    status = messages.text(f"ui.status.{sub.status.value}", lang)
    counts = messages.counts(sub.errors, sub.warnings, lang)
    return f"{status:<16} {sub.submission}  ({counts})"


if __name__ == "__main__":  # pragma: no cover - manual smoke run
    from socinv_docs.schema import load_schemas

    result = validate_folder(Path(sys.argv[1]), load_schemas())
    print(summary_line(result))

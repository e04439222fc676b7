"""The worker processes that check and annotate uploaded files, never the event loop.

pebble's ProcessPool keeps N workers, queues tasks beyond them, stops a task that runs past
its timeout by killing its worker and starts a new one; a worker that dies (a crash, its
memory cap) fails only its own task. On top of that, each worker holds the same limits as
`validate`'s workers: an address-space cap (SOCINV_MAX_WORKER_MB) and SIGALRM after
Limits.max_seconds, which stops a file stuck in Python code without losing the worker; the
pool's timeout, a little later, is for a file stuck where SIGALRM cannot reach.

Workers start from a forkserver that has imported the readers, rules and annotator once,
so a replacement worker is ready in milliseconds and never inherits the server's threads.
(validate.py keeps its own pool for now; the two can share this code later.)

If the pool itself breaks (its forkserver killed, say: pebble then counts every worker as
dead and stops), the next task or health check starts a new pool; the old workers do not
linger on as orphans, because each dies with its parent (as validate's workers do).
"""

from __future__ import annotations

import asyncio
import base64
import logging
import multiprocessing
import os
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from socinv_docs.limits import Limits, OutOfTime, exit_detail, limit_memory, max_process_mb, time_limit
from socinv_docs.report import DocumentReport, Finding

log = logging.getLogger("socinv.web")

# A broken pool is started again at most this often: one that cannot start (no forkserver,
# say) must not be retried, and logged, at every request.
RESTART_SECONDS = 5.0
# The pool kills a worker this long after a file should have stopped by SIGALRM.
GRACE_SECONDS = 2.0
# Imported once in the forkserver; every worker starts with them.
PRELOAD = [
    "socinv_docs.pipeline",
    "socinv_docs.extract.detect",
    "socinv_docs.extract.document",
    "socinv_docs.readers.docx_reader",
    "socinv_docs.readers.xlsx_reader",
    "socinv_docs.render.annotate",
    "socinv_docs.validate",  # _die_with_parent, for _init_worker
    "socinv_docs.web.pool",
]

_schemas = None  # the worker's schema set, loaded once by _init_worker


def _init_worker(max_mb: int, schemas_folder: Path | None = None) -> None:
    global _schemas
    # In the workers only, as every import of the checking code below: the server's own
    # process never reads a file (its RSS of ~51 MB, README) and stays free of the readers.
    from socinv_docs.loading import load_schemas
    from socinv_docs.readers.xlsx_reader import import_openpyxl
    from socinv_docs.validate import _die_with_parent

    _die_with_parent(os.getppid())  # the forkserver: if it dies, the pool is gone, and so are we
    limit_memory(max_mb)  # the same ceiling as `socinv check` and validate's workers
    _schemas = load_schemas(schemas_folder)  # the server's folder of funders (`serve --schemas`)
    import_openpyxl()  # once per worker, not on its first .xlsx


def check_document(path: str, display: str, limits: Limits) -> DocumentReport:
    """What a worker runs for one uploaded file (the default `check` of CheckPool, a seam
    for tests)."""
    from socinv_docs.pipeline import check_document as check  # in the worker only (see _init_worker)

    return check(Path(path), _schemas, limits=limits, display=display)


def _unreadable(display: str, reason: str, **params) -> DocumentReport:
    from socinv_docs.pipeline import unreadable_report  # in the worker only (see _init_worker)

    return unreadable_report(display, reason, **params)


def _check_task(check: Callable, path: str, display: str, limits: Limits) -> DocumentReport:
    try:
        with time_limit(limits.max_seconds):
            return check(path, display, limits)
    except OutOfTime:
        return _unreadable(display, "unreadable.timeout", seconds=limits.max_seconds)
    except MemoryError:
        return _unreadable(display, "unreadable.crashed", detail="MemoryError")
    except Exception as exc:  # a bug of ours on this file: this file only, no traceback
        return _unreadable(display, "unreadable.crashed", detail=type(exc).__name__)


def _annotate_task(report: DocumentReport, source: str, target: str, lang: str, extra: list[Finding],
                   seconds: float) -> str | None:
    """The annotated copy as base64 (it travels in the page, see app.py), or None when it
    could not be made; the copy itself is written in the request's temporary directory."""
    from socinv_docs.render.annotate import annotate, can_annotate  # in the worker only (see _init_worker)

    if not can_annotate(report):
        return None
    try:
        with time_limit(seconds):
            annotate(report, source, target, lang=lang, extra=extra)
        return base64.b64encode(Path(target).read_bytes()).decode("ascii")
    except (OutOfTime, MemoryError, Exception):  # no copy is better than no report
        return None


def _ping() -> int:
    return os.getpid() if _schemas is not None else 0


def _context():
    methods = multiprocessing.get_all_start_methods()
    ctx = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    if ctx.get_start_method() == "forkserver":
        ctx.set_forkserver_preload(PRELOAD)
    return ctx


class CheckPool:
    """Checks and annotations as awaitables, run in worker processes."""

    def __init__(self, workers: int, limits: Limits, *, check: Callable = check_document,
                 schemas_folder: Path | None = None) -> None:
        self.workers = workers
        self.limits = limits
        self.schemas_folder = schemas_folder
        self._check = check
        self._pool = None
        self._closed = True  # not started, or closed on purpose (shutdown): no tasks
        self._restarting = asyncio.Lock()
        self._restarted = float("-inf")  # when the pool was last started again (monotonic)
        self.restarts = 0  # pools started again after one broke
        self.in_flight = 0  # tasks scheduled and not yet answered (running or queued)

    def start(self) -> None:
        from pebble import ProcessPool

        self._closed = False
        self._pool = ProcessPool(max_workers=self.workers, initializer=_init_worker,
                                 initargs=(max_process_mb(), self.schemas_folder), context=_context())

    def close(self) -> None:
        self._closed = True
        if self._pool is not None:
            _stop(self._pool)
            self._pool = None

    @property
    def active(self) -> bool:
        return self._pool is not None and _active(self._pool)

    async def _running(self):
        """The pool, started again if it broke; PoolClosed after close() or before start()."""
        if self._closed:
            raise PoolClosed
        if self.active:
            return self._pool
        async with self._restarting:
            if self._closed:
                raise PoolClosed
            if not self.active:  # not started again while this task waited for the lock
                if time.monotonic() - self._restarted < RESTART_SECONDS:
                    raise PoolClosed
                log.warning("the checking workers stopped; starting them again")
                self._restarted = time.monotonic()
                broken, self._pool = self._pool, None
                if broken is not None:
                    await asyncio.to_thread(_stop, broken)
                self.start()
                self.restarts += 1
        return self._pool

    async def _run(self, function: Callable, args: Sequence, timeout: float):
        pool = await self._running()
        future = pool.schedule(function, args=list(args), timeout=timeout)
        self.in_flight += 1
        try:
            return await asyncio.wrap_future(future)
        finally:
            self.in_flight -= 1

    async def check(self, path: Path, display: str) -> DocumentReport:
        from concurrent.futures import TimeoutError as FutureTimeout

        from pebble import ProcessExpired

        seconds = self.limits.max_seconds
        try:
            return await self._run(_check_task, (self._check, str(path), display, self.limits),
                                   seconds + GRACE_SECONDS)
        except (FutureTimeout, TimeoutError):  # stuck where SIGALRM cannot reach: worker killed
            return _unreadable(display, "unreadable.timeout", seconds=seconds)
        except ProcessExpired as exc:  # the worker died on this file (memory, a crash)
            return _unreadable(display, "unreadable.crashed", detail=exit_detail(exc.exitcode))
        except PoolClosed:
            raise
        except Exception as exc:  # a report the pipe could not carry, say: this file only
            return _unreadable(display, "unreadable.crashed", detail=type(exc).__name__)

    async def annotate(self, report: DocumentReport, source: Path, target: Path, lang: str,
                       extra: Sequence[Finding] = ()) -> str | None:
        seconds = self.limits.max_seconds
        try:
            return await self._run(_annotate_task, (report, str(source), str(target), lang, list(extra), seconds),
                                   seconds + GRACE_SECONDS)
        except PoolClosed:
            raise
        except Exception:  # killed, crashed: the report stands without its copy
            return None

    async def ping(self, timeout: float) -> bool:
        """True when a worker answers within `timeout` seconds."""
        try:
            return bool(await asyncio.wait_for(self._run(_ping, (), timeout), timeout))
        except Exception:
            return False


def _active(pool) -> bool:
    try:
        return pool.active  # pebble starts its workers here the first time, and may fail to
    except Exception:
        return False


def _stop(pool) -> None:
    pool.stop()
    try:
        pool.join(timeout=10)
    except Exception:  # a broken pool's own error: its workers die with their parent anyway
        pass


class PoolClosed(Exception):
    """The pool is not running (shutting down, or never started)."""



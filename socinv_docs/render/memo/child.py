"""Limits for filling in templates: a forked child process with a clock and a memory
ceiling, so a template that loops for ever or builds a gigabyte string is stopped and
nothing is written."""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
from collections.abc import Callable
from pathlib import Path

from socinv_docs.limits import limit_memory
from socinv_docs.render.memo.errors import MemoError


def _env_number(name: str, default: float) -> float:
    try:
        value = float(os.environ.get(name, default))
    except ValueError:
        return default
    return value if value > 0 else default


def render_seconds() -> float:
    """Wall-clock limit for filling in a template: the meeting's memo, or one of --split."""
    return _env_number("SOCINV_MAX_RENDER_SECONDS", 60.0)


def render_megabytes() -> int:
    """Memory a render may use on top of what the program already holds."""
    return int(_env_number("SOCINV_MAX_RENDER_MB", 1024))


def _child(conn, tasks: list[Callable[[], bytes]], megabytes: int, template: str) -> None:
    """Do the tasks one by one and send each result as it is done (the parent times each)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not the parent's unwinding (cli.Terminated): just end
    limit_memory(megabytes, beyond_current=True)  # what it holds now plus `megabytes`
    for task in tasks:
        try:
            result = ("ok", task())
        except MemoError as exc:
            result = ("error", exc.key, exc.params)
        except MemoryError:
            result = ("error", "memo.template_memory", {"template": template, "limit_mb": megabytes})
        except BaseException as exc:  # our own bug: one line, never a traceback from a child
            result = ("error", "memo.template_crashed", {"template": template, "detail": type(exc).__name__})
        try:
            conn.send(result)
        except MemoryError:
            result = ("error", "memo.template_memory", {"template": template, "limit_mb": megabytes})
            conn.send(result)
        if result[0] != "ok":
            break
    conn.close()


def run_limited(tasks: list[Callable[[], bytes]], template: Path, lang: str) -> list[bytes]:
    """Run the tasks (one memo each) in a forked child: each within render_seconds(), all
    within render_megabytes() of memory more than this process holds. Where there is no
    fork (Windows), in this process with the sandbox's caps only."""
    if "fork" not in multiprocessing.get_all_start_methods():
        return [task() for task in tasks]
    seconds, megabytes = render_seconds(), render_megabytes()
    for stream in (sys.stdout, sys.stderr):  # else the child would print what is buffered again
        stream.flush()
    ctx = multiprocessing.get_context("fork")
    receive, send = ctx.Pipe(duplex=False)
    child = ctx.Process(target=_child, args=(send, tasks, megabytes, template.name), daemon=True)
    child.start()
    send.close()
    results = []
    try:
        for _ in tasks:
            if not receive.poll(seconds):
                raise MemoError("memo.template_timeout", lang, template=template.name, seconds=seconds)
            try:
                result = receive.recv()
            except (EOFError, OSError):  # the child died without a word: killed, or out of memory in C
                child.join(5)
                raise MemoError("memo.template_crashed", lang, template=template.name,
                                detail=f"exit {child.exitcode}") from None
            if result[0] != "ok":
                _, key, params = result
                raise MemoError(key, lang, **params)
            results.append(result[1])
    finally:
        if child.is_alive():
            child.kill()
        child.join()
        receive.close()
    return results

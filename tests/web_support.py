"""Helpers for the web tests: a live server on a free port (in this process, so tests can give
it a seam and read its logs), and checks run by the workers through a seam.

The seam functions run in the pool's worker processes, which import this module by name:
keep them at module level."""

from __future__ import annotations

import os
import signal
import socket
import threading
import time
from pathlib import Path

from socinv_docs.web.pool import check_document


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def seam_check(path: str, display: str, limits):
    """The default check, unless the file's content asks for trouble:
    HANG sleeps in Python (SIGALRM stops it), STUCK sleeps with SIGALRM blocked (only the
    pool's kill stops it), CRASH kills the worker, RAISE raises with the file's text in the
    message, SLEEP1 takes one second."""
    data = Path(path).read_bytes()
    if data.startswith(b"HANG"):
        time.sleep(3600)
    if data.startswith(b"STUCK"):
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
        time.sleep(3600)
    if data.startswith(b"CRASH"):
        os.kill(os.getpid(), signal.SIGKILL)
    if data.startswith(b"RAISE"):
        raise ValueError(data.decode("utf-8", "replace") + " " + display)
    if data.startswith(b"SLEEP1"):
        time.sleep(1.0)
    return check_document(path, display, limits)


class LiveServer:
    """uvicorn serving `app` on a free port in a thread of this process."""

    def __init__(self, app, limit_concurrency: int | None = None) -> None:
        import uvicorn

        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(app, host="127.0.0.1", port=self.port, log_config=None, lifespan="on",
                                limit_concurrency=limit_concurrency)
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> "LiveServer":
        self.thread.start()
        deadline = time.monotonic() + 60
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the test server did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=30)

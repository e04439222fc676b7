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


def serving(url: str, proc, seconds: float = 60) -> bool:
    """Wait until `socinv serve` at `url` answers /healthz (True), or its process has ended
    or `seconds` have passed (False)."""
    import httpx

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            if httpx.get(url + "/healthz", timeout=2).status_code == 200:
                return True
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    return False


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


SLEEP_SECONDS = 0.8  # under the test server's time limit per file (1 s)


def seam_check(path: str, display: str, limits):
    """The default check, unless the file's content asks for trouble:
    HANG sleeps in Python (SIGALRM stops it), STUCK sleeps with SIGALRM blocked (only the
    pool's kill stops it), CRASH kills the worker, RAISE raises with the file's text in the
    message, UNPICKLABLE returns what cannot go back through the pipe, SLEEP takes SLEEP_SECONDS and notes when it ran."""
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
    if data.startswith(b"UNPICKLABLE"):
        return threading.Lock()  # a result the pipe back to the server cannot carry (TypeError)
    if data.startswith(b"SLEEP "):  # "SLEEP <folder>\n": note when this check ran, there
        started = time.time()
        time.sleep(SLEEP_SECONDS)
        folder = Path(data[6:].split(b"\n", 1)[0].decode())
        (folder / f"{os.getpid()}-{started}").write_text(f"{started} {time.time()}")
    return check_document(path, display, limits)


class LiveServer:
    """uvicorn serving `app` on a free port in a thread of this process, configured as
    `socinv serve` configures it (protocol, limits, trusted proxies)."""

    def __init__(self, app) -> None:
        import uvicorn

        from socinv_docs.web.server import uvicorn_config

        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.server = uvicorn.Server(uvicorn_config(app, "127.0.0.1", self.port, log_config=None, lifespan="on"))
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


# -- raw clients and `socinv serve` as a process, for the tests of slow and many clients ----


def raw_request(port: int, head: bytes, timeout: float = 10) -> socket.socket:
    """A connection that has sent `head` (a request line and headers, perhaps some body)."""
    sock = socket.create_connection(("127.0.0.1", port), timeout=timeout)
    if head:
        sock.sendall(head)
    return sock


def upload_head(length: int, forwarded_for: str | None = None) -> bytes:
    """The headers of a multipart upload of `length` bytes (boundary B), answered in JSON."""
    forwarded = f"X-Forwarded-For: {forwarded_for}\r\n" if forwarded_for else ""
    return (f"POST /check HTTP/1.1\r\nHost: x\r\n{forwarded}Accept: application/json\r\n"
            f"Content-Type: multipart/form-data; boundary=B\r\nContent-Length: {length}\r\n\r\n").encode()


def until_closed(sock: socket.socket, seconds: float, drip: bytes = b"", every: float = 0.2
                 ) -> tuple[float | None, bytes]:
    """Read from `sock` (sending `drip` every `every` seconds meanwhile) until the server
    closes it: (seconds it took, or None if still open after `seconds`; what it answered)."""
    started = time.monotonic()
    answer = b""
    sock.settimeout(every)
    while time.monotonic() - started < seconds:
        try:
            data = sock.recv(65536)
        except TimeoutError:
            try:
                if drip:
                    sock.sendall(drip)
            except (BrokenPipeError, ConnectionResetError):
                return time.monotonic() - started, answer
            continue
        except ConnectionResetError:
            return time.monotonic() - started, answer
        if not data:
            return time.monotonic() - started, answer
        answer += data
    return None, answer


def children(pid: int) -> list[int]:
    """The processes whose parent is `pid` (Linux /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def alive(pid: int) -> bool:
    """Running (not a zombie waiting for its parent)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


class Served:
    """`socinv serve` in its own process (as a municipality runs it), with `env` on top of
    this one's; its output lines collected as they come."""

    def __init__(self, env: dict[str, str], workers: int = 1) -> None:
        import subprocess
        import sys

        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.lines: list[str] = []
        self.proc = subprocess.Popen([sys.executable, "-m", "socinv_docs", "serve", "--port", str(self.port),
                                      "--workers", str(workers)], env={**os.environ, **env},
                                     stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        for line in self.proc.stdout:
            self.lines.append(line)

    def __enter__(self) -> "Served":
        if not serving(self.url, self.proc):
            self.stop()
            raise RuntimeError("socinv serve did not start:\n" + "".join(self.lines))
        return self

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
        self.proc.wait(timeout=60)
        self._reader.join(timeout=10)

    def __exit__(self, *exc) -> None:
        self.stop()

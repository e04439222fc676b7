"""The web service under slow and many clients, with its pool broken, and its temporary files
after a kill (issue 24): limits made small so each case takes a second or two. In-process
servers (web_support.LiveServer, configured as `socinv serve` is) for the mechanisms;
`socinv serve` itself, as a process, for the scenarios of the issue."""

from __future__ import annotations

import json
import os
import signal
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
from conftest import ROOT
from web_support import LiveServer, Served, alive, children, raw_request, seam_check, until_closed, upload_head

from socinv_docs.limits import Limits
from socinv_docs.web.app import create_app
from socinv_docs.web.settings import WebSettings
from socinv_docs.web.workdir import WorkDir

# The service as a real process under slow and many clients: seconds of waiting by design.
pytestmark = [pytest.mark.integration,
              pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux /proc")]

LUCKOR = ROOT / "samples" / "ansokan-luckor" / "ansokan.docx"
JSON = {"accept": "application/json"}
HEADER = 1.0  # seconds for a request's headers, in these tests
GRACE = 1.0  # seconds an upload may fall behind the minimum rate
RATE = 2000  # bytes per second an upload must keep up with
TOTAL = 2.5  # seconds for a whole upload
SLACK = 3.0  # a busy machine's delay on top of a limit
PART = b'--B\r\nContent-Disposition: form-data; name="files"; filename="a.docx"\r\n\r\n'


def status_of(answer: bytes) -> int | None:
    return int(answer.split(b" ", 2)[1]) if answer.startswith(b"HTTP/1.1 ") else None


def json_of(answer: bytes) -> dict:
    return json.loads(answer.split(b"\r\n\r\n", 1)[1])


def upload(client: httpx.Client, headers: dict | None = None) -> httpx.Response:
    return client.post("/check", files=[("files", (LUCKOR.name, LUCKOR.read_bytes()))],
                       headers={**JSON, **(headers or {})})


@pytest.fixture(scope="module")
def guarded(tmp_path_factory):
    """Clients straight from the internet (no trusted proxy): 3 connections per address."""
    settings = WebSettings(workers=1, header_seconds=HEADER, upload_grace_seconds=GRACE, upload_min_rate=RATE,
                           upload_seconds=TOTAL, max_client_connections=3, trusted_proxies=(),
                           limits=Limits(max_seconds=60), tmp_root=tmp_path_factory.mktemp("guarded"))
    with LiveServer(create_app(settings, check=seam_check)) as live:
        yield live


@pytest.fixture(scope="module")
def proxied(tmp_path_factory):
    """Behind a reverse proxy on 127.0.0.1: 4 requests at once, 2 per forwarded client;
    uploads may wait long, so that the tests can hold them open."""
    settings = WebSettings(workers=1, header_seconds=HEADER, upload_grace_seconds=60, max_connections=4,
                           max_client_connections=2, trusted_proxies=("127.0.0.1",), limits=Limits(max_seconds=60),
                           tmp_root=tmp_path_factory.mktemp("proxied"))
    app = create_app(settings, check=seam_check)
    with LiveServer(app) as live:
        live.load = app.state.load
        yield live


def hold_uploads(port: int, clients: list[str | None]) -> list:
    """Uploads that have sent their headers and the start of a file, and wait: one per
    entry of `clients` (the X-Forwarded-For it carries, or None)."""
    return [raw_request(port, upload_head(100_000, client) + PART + b"PK") for client in clients]


def wait_for(condition, seconds: float = 10) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


# -- time limits ------------------------------------------------------------------------


@pytest.mark.parametrize("before", [b"", b"GET / HTTP/1.1\r\nHost: x\r\n"], ids=["idle", "dripping"])
def test_a_connection_without_its_headers_is_closed_at_the_header_time_limit(guarded, before):
    sock = raw_request(guarded.port, before)
    with sock:
        took, answer = until_closed(sock, HEADER + SLACK, drip=b"X-a: b\r\n" if before else b"")
    assert took is not None, "still open"
    assert HEADER * 0.8 <= took < HEADER + SLACK and answer == b""


def test_a_kept_alive_connection_dripping_its_next_request_is_closed(guarded):
    """The header limit counts again from the first byte of the next request (uvicorn's
    keep-alive timeout, 5 s, is reset by every byte)."""
    with raw_request(guarded.port, b"HEAD /static/site.css HTTP/1.1\r\nHost: x\r\n\r\n") as sock:
        sock.settimeout(10)
        assert sock.recv(65536).startswith(b"HTTP/1.1 200")
        sock.sendall(b"GET / HTTP/1.1\r\n")
        took, answer = until_closed(sock, HEADER + SLACK, drip=b"X-a: b\r\n")
    assert took is not None and took < HEADER + SLACK and answer == b""


@pytest.mark.parametrize("chunk, every", [(b"P", 0.2), (b"K" * 1000, 0.2)], ids=["dripping", "steady-but-long"])
def test_an_upload_that_arrives_too_slowly_is_refused_408(guarded, chunk, every):
    """A byte now and then falls behind the minimum rate after GRACE; 5 kB/s keeps up with
    it, but not with the limit on the whole upload (TOTAL)."""
    with raw_request(guarded.port, upload_head(1_000_000) + PART) as sock:
        took, answer = until_closed(sock, TOTAL + SLACK + 2, drip=chunk, every=every)
    assert status_of(answer) == 408, answer[:200]
    assert json_of(answer)["error"] == "too_slow"
    limit = GRACE if len(chunk) == 1 else TOTAL
    assert took is not None and limit * 0.8 <= took < limit + HEADER + SLACK


def test_a_client_cannot_keep_a_refused_upload_open_by_dripping_its_body(guarded):
    """Refused from its Content-Length; the service reads what still comes for HEADER
    seconds (so the client can read the answer) and closes, dripping or not."""
    with raw_request(guarded.port, upload_head(10_000_000_000)) as sock:
        took, answer = until_closed(sock, HEADER + SLACK + 2, drip=b"x")
    assert status_of(answer) == 413
    assert took is not None and took < HEADER + SLACK


# -- connections per client -------------------------------------------------------------


def test_one_client_address_holds_at_most_its_connections(guarded):
    held = [raw_request(guarded.port, b"GET / HTTP/1.1\r\n") for _ in range(3)]
    try:
        with raw_request(guarded.port, b"") as extra:
            took, _ = until_closed(extra, HEADER)
        assert took is not None and took < HEADER / 2, "the fourth connection was not closed at once"
    finally:
        for sock in held:
            sock.close()
    assert wait_for(lambda: httpx.get(guarded.url + "/healthz", timeout=10).status_code == 200)


def test_a_client_behind_the_proxy_is_limited_by_its_forwarded_address(proxied):
    held = hold_uploads(proxied.port, ["203.0.113.9", "203.0.113.9"])
    try:
        assert wait_for(lambda: proxied.load.requests == 2)
        with httpx.Client(base_url=proxied.url, timeout=30) as c:
            third = upload(c, {"x-forwarded-for": "203.0.113.9"})
            assert third.status_code == 429 and third.json()["error"] == "client_busy"
            assert int(third.headers["retry-after"]) > 0
            assert c.get("/", headers={"x-forwarded-for": "198.51.100.4"}).status_code == 200
            assert c.get("/healthz").json()["status"] == "ok"
    finally:
        for sock in held:
            sock.close()
    assert wait_for(lambda: proxied.load.requests == 0)


def test_at_its_limit_the_service_answers_busy_and_healthz_says_so(proxied):
    """Four uploads at once is the limit: a fifth is refused 503 "busy" (a page a person
    can act on), /healthz still answers, 200 with "busy" (not down: do not restart it);
    when they end, uploads are taken again."""
    held = hold_uploads(proxied.port, [f"192.0.2.{i}" for i in range(4)])
    try:
        assert wait_for(lambda: proxied.load.requests == 4)
        with httpx.Client(base_url=proxied.url, timeout=30) as c:
            refused = upload(c)
            assert refused.status_code == 503 and refused.json()["error"] == "busy"
            assert int(refused.headers["retry-after"]) > 0
            page = c.get("/")
            assert page.status_code == 503 and "<h1>" in page.text
            health = c.get("/healthz")
            assert health.status_code == 200
            assert (health.json()["status"], health.json()["requests"], health.json()["max_requests"]) == \
                ("busy", 4, 4)
    finally:
        for sock in held:
            sock.close()
    assert wait_for(lambda: proxied.load.requests == 0)
    with httpx.Client(base_url=proxied.url, timeout=60) as c:
        assert upload(c).status_code == 200


# -- `socinv serve` itself ----------------------------------------------------------------


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    env = {"SOCINV_WEB_MAX_CONNECTIONS": "5", "SOCINV_WEB_HEADER_SECONDS": str(HEADER),
           "SOCINV_WEB_UPLOAD_GRACE_SECONDS": "60", "TMPDIR": str(tmp_path_factory.mktemp("served"))}
    with Served(env) as served:
        yield served


def drip_headers(port: int, until: float, closed: list) -> None:
    """A client that keeps a connection dripping a header line, and opens another when the
    service closes it (as an attacker would), until `until`."""
    while time.monotonic() < until:
        try:
            with raw_request(port, b"GET / HTTP/1.1\r\nHost: x\r\n") as sock:
                took, _ = until_closed(sock, until - time.monotonic(), drip=b"X-a: b\r\n", every=0.5)
                closed.append(took is not None)
        except OSError:
            closed.append(True)


def test_serve_answers_everyone_while_many_slow_clients_drip_their_headers(served):
    """The issue's scenario, at a smaller scale: eight times more dripping connections than
    requests allowed at once; /healthz and a real upload answer throughout."""
    closed: list[bool] = []
    until = time.monotonic() + 4 * HEADER
    drippers = [threading.Thread(target=drip_headers, args=(served.port, until, closed)) for _ in range(40)]
    for t in drippers:
        t.start()
    try:
        time.sleep(0.5)
        with httpx.Client(base_url=served.url, timeout=60) as c:
            probes = []
            while time.monotonic() < until - 0.5:
                probes.append(c.get("/healthz"))
                assert upload(c).status_code == 200
            assert probes and all(p.status_code == 200 and p.json()["status"] == "ok" for p in probes)
    finally:
        for t in drippers:
            t.join()
    assert sum(closed) >= 40  # the service closed them (each at least once), not the clients


def test_serve_at_its_limit_keeps_healthz_and_logs_a_line_per_interval_not_per_refusal(served):
    held = hold_uploads(served.port, [None] * 5)
    try:
        with httpx.Client(base_url=served.url, timeout=30) as c:
            assert wait_for(lambda: c.get("/healthz").json()["requests"] == 5)
            time.sleep(0.3)
            before = len(served.lines)
            with ThreadPoolExecutor(8) as ex:
                statuses = list(ex.map(lambda _: c.get("/").status_code, range(300)))
            probes = [c.get("/healthz") for _ in range(15)]
            time.sleep(0.5)  # the log lines through the pipe
            logged = served.lines[before:]
    finally:
        for sock in held:
            sock.close()
    assert statuses == [503] * 300
    assert [p.status_code for p in probes] == [200] * 15 and {p.json()["status"] for p in probes} == {"busy"}
    # The probes' access lines and a summary line per kind and 10 s (a slow machine may take
    # a minute over this), not a line or two per refusal (600 before).
    assert len(logged) <= 15 + 15, "".join(logged)


def _forkserver(pid: int) -> int:
    (server,) = [c for c in children(pid) if b"forkserver" in Path(f"/proc/{c}/cmdline").read_bytes()]
    return server


def test_serve_starts_its_workers_again_when_the_pool_process_dies(served):
    """kill -9 of the forkserver the workers come from: pebble counts them all dead and
    stops; the next request starts a new pool, and the old workers die with their parent."""
    old_server = _forkserver(served.proc.pid)
    old_workers = children(old_server)
    assert old_workers
    os.kill(old_server, signal.SIGKILL)
    with httpx.Client(base_url=served.url, timeout=60) as c:
        assert wait_for(lambda: c.get("/healthz").status_code == 200, 30)
        assert upload(c).status_code == 200
    assert wait_for(lambda: not any(alive(w) for w in old_workers), 10), "the old workers live on"
    assert _forkserver(served.proc.pid) != old_server


# -- temporary files ------------------------------------------------------------------------


@pytest.fixture
def short_tmp():
    """A TMPDIR with a short path, as /tmp or /run/socinv are (pytest's tmp_path is long)."""
    import shutil
    import tempfile

    path = Path(tempfile.mkdtemp(prefix="t-", dir="/tmp"))
    yield path
    shutil.rmtree(path, ignore_errors=True)


def test_what_a_killed_service_left_is_removed_at_the_next_start_and_a_stop_leaves_nothing(short_tmp):
    tmp = short_tmp
    running = WorkDir.create(tmp)  # another service's, still running: not to be touched
    other = tmp / "pymp-of-another-program"
    other.mkdir()
    try:
        with Served({"TMPDIR": str(tmp)}) as first:
            sock = raw_request(first.port, upload_head(200_000) + PART + b"PK" + b"\0" * 50_000)
            assert wait_for(lambda: any(tmp.glob("socinv-serve-*/request-*/0.docx")))
            first.proc.kill()  # mid-upload, as a power cut or the OOM killer would
            first.proc.wait(timeout=30)
            sock.close()
        (left,) = tmp.glob("socinv-serve-*/request-*/0.docx")
        with Served({"TMPDIR": str(tmp)}):
            assert not left.exists()
            assert running.path.exists() and other.exists()
            assert len(list(tmp.iterdir())) == 3  # and the new service's own
        assert sorted(tmp.iterdir()) == sorted([running.path, other])  # no pymp-* of ours, no request files
    finally:
        running.remove()


def test_serve_starts_in_a_temporary_directory_of_a_longer_path(short_tmp):
    """multiprocessing's socket goes into the service's directory only where its path fits
    (a TMPDIR of 65 characters leaves it room in TMPDIR, not in socinv-serve-XXXXXXXX/)."""
    tmp = short_tmp / ("x" * (64 - len(str(short_tmp))))
    assert len(str(tmp)) == 65
    tmp.mkdir()
    with Served({"TMPDIR": str(tmp)}) as served, httpx.Client(base_url=served.url, timeout=60) as c:
        assert upload(c).status_code == 200
    assert [p.name for p in tmp.iterdir() if not p.name.startswith("pymp-")] == []


# -- settings -------------------------------------------------------------------------------


def test_the_new_limits_come_from_the_environment(monkeypatch):
    for name, value in {"SOCINV_WEB_MAX_CLIENT_CONNECTIONS": "4", "SOCINV_WEB_HEADER_SECONDS": "2.5",
                        "SOCINV_WEB_UPLOAD_SECONDS": "120", "SOCINV_WEB_UPLOAD_MIN_RATE": "5000",
                        "SOCINV_WEB_UPLOAD_GRACE_SECONDS": "3",
                        "SOCINV_WEB_TRUSTED_PROXIES": "10.0.0.0/8, 192.0.2.1, not-an-address"}.items():
        monkeypatch.setenv(name, value)
    settings = WebSettings.from_env()
    assert (settings.max_client_connections, settings.header_seconds, settings.upload_seconds,
            settings.upload_min_rate, settings.upload_grace_seconds) == (4, 2.5, 120, 5000, 3)
    assert settings.trusted_proxies == ("10.0.0.0/8", "192.0.2.1")
    assert settings.is_trusted_proxy("10.20.30.40") and settings.is_trusted_proxy("192.0.2.1")
    assert not settings.is_trusted_proxy("127.0.0.1") and not settings.is_trusted_proxy("junk")
    monkeypatch.setenv("SOCINV_WEB_TRUSTED_PROXIES", "")
    assert WebSettings.from_env().trusted_proxies == ()  # none: every address is a client
    monkeypatch.delenv("SOCINV_WEB_TRUSTED_PROXIES")
    assert WebSettings.from_env().is_trusted_proxy("127.0.0.1")

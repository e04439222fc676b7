"""The web service as a process (issue 24): its pool broken, its temporary files after a
kill and a stop. `socinv serve` itself, as a municipality runs it."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import httpx
import pytest
from conftest import ROOT
from web_support import Served, alive, children, raw_request, upload_head

from socinv_docs.web.workdir import WorkDir

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux /proc")

LUCKOR = ROOT / "samples" / "ansokan-luckor" / "ansokan.docx"
JSON = {"accept": "application/json"}
PART = b'--B\r\nContent-Disposition: form-data; name="files"; filename="a.docx"\r\n\r\n'


def upload(client: httpx.Client, headers: dict | None = None) -> httpx.Response:
    return client.post("/check", files=[("files", (LUCKOR.name, LUCKOR.read_bytes()))],
                       headers={**JSON, **(headers or {})})


def wait_for(condition, seconds: float = 10) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


# -- `socinv serve` itself ----------------------------------------------------------------


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    with Served({"TMPDIR": str(tmp_path_factory.mktemp("served"))}) as served:
        yield served


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

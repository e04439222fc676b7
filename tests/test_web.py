"""The web service (SPEC §8, issue 13) over real HTTP: a uvicorn server on a free port in
this process, checks in its worker processes, small limits so refusals are cheap to reach.
Browser tests (Chromium, axe-core) are in test_web_browser.py."""

from __future__ import annotations

import base64
import io
import logging
import re
import socket
import subprocess
import sys
import time
import zipfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
from conftest import ROOT, run_cli
from web_support import LiveServer, seam_check

from socinv_docs import messages
from socinv_docs.limits import Limits
from socinv_docs.web.app import create_app
from socinv_docs.web.settings import WebSettings

SAMPLES = ROOT / "samples"
LUCKOR = SAMPLES / "ansokan-luckor" / "ansokan.docx"
KOMPLETT = SAMPLES / "ansokan-komplett"
MAX_FILE = 300_000
MAX_REQUEST = 700_000
MAX_FILES = 3
SECONDS = 1.0  # the time limit per file of the `tight` server, for files that hang
JSON = {"accept": "application/json"}


@pytest.fixture(scope="module")
def tmp_root(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("web-tmp")


@pytest.fixture(scope="module")
def server(tmp_root):
    # A generous time limit: on a busy machine a real check must not time out.
    settings = WebSettings(max_file_bytes=MAX_FILE, max_request_bytes=MAX_REQUEST, max_files=MAX_FILES, workers=2,
                           limits=Limits(max_seconds=60), tmp_root=tmp_root)
    app = create_app(settings, check=seam_check)
    with LiveServer(app) as live:
        yield live


@pytest.fixture(scope="module")
def tight(tmp_path_factory):
    """A server whose files stop after SECONDS, for the files that hang."""
    settings = WebSettings(workers=2, limits=Limits(max_seconds=SECONDS), tmp_root=tmp_path_factory.mktemp("tight"))
    with LiveServer(create_app(settings, check=seam_check)) as live, \
            httpx.Client(base_url=live.url, timeout=60) as c:
        yield c


@pytest.fixture
def client(server):
    with httpx.Client(base_url=server.url, timeout=30) as c:
        yield c


def upload(client, *files: Path | tuple[str, bytes], headers=None, lang: str | None = None):
    parts = []
    for f in files:
        name, data = (f.name, f.read_bytes()) if isinstance(f, Path) else f
        parts.append(("files", (name, data)))
    return client.post("/check" + (f"?lang={lang}" if lang else ""), files=parts, headers=headers or {})


def docx_bytes(path: Path = LUCKOR) -> bytes:
    return path.read_bytes()


# -- the start page ----------------------------------------------------------------------


def test_start_page_names_every_funder_and_kind_from_the_schemas(client, schemas):
    page = client.get("/")
    assert page.status_code == 200
    assert '<html lang="sv">' in page.text
    for profile in schemas.profiles.values():
        assert profile.funder in page.text
        for kind in profile.kinds:
            assert schemas.kinds[kind].title in page.text
    assert re.search(r'<input type="file" id="files" name="files" multiple', page.text)
    assert 'enctype="multipart/form-data"' in page.text and 'method="post"' in page.text
    assert 'href="/?lang=en"' in page.text and 'lang="en"' in page.text  # the switch, in its own language


def test_english_start_page(client):
    page = client.get("/?lang=en")
    assert '<html lang="en">' in page.text
    assert 'action="/check?lang=en"' in page.text
    assert 'href="/?lang=sv"' in page.text


def test_pages_carry_security_headers_and_static_files_are_served(client):
    page = client.get("/")
    assert "frame-ancestors 'none'" in page.headers["content-security-policy"]
    assert page.headers["x-content-type-options"] == "nosniff"
    assert client.get("/static/site.css").status_code == 200
    assert client.get("/static/drop.js").status_code == 200


# -- checking ----------------------------------------------------------------------------


def test_one_file_as_json_is_the_spec_object_the_cli_gives(client):
    response = upload(client, LUCKOR, headers=JSON)
    assert response.status_code == 200
    data = response.json()
    cli = run_cli("check", LUCKOR, "--format", "json").json
    assert data["file"] == "ansokan.docx"
    assert (data["kind"], data["profile"], data["status"]) == (cli["kind"], cli["profile"], cli["status"])
    assert data["sections"] == cli["sections"]
    assert [(f["code"], f["severity"], f["params"].get("reason_key")) for f in data["findings"]] == \
        [(f["code"], f["severity"], f["params"].get("reason_key")) for f in cli["findings"]]
    assert all(f["where"]["file"] == "ansokan.docx" for f in data["findings"] if f["code"] != "ATTACHMENT_MISSING")
    assert data["economics"] == cli["economics"]


def test_several_files_are_one_submission(client):
    response = upload(client, KOMPLETT / "ansokan.docx", KOMPLETT / "utvarderingsschema.xlsx", headers=JSON)
    assert response.status_code == 200
    data = response.json()
    assert data["status"] == "complete"
    assert [d["kind"] for d in data["documents"]] == ["ansokan", "utvarderingsschema"]
    assert data["findings"] == []


def test_json_in_english(client):
    english = upload(client, LUCKOR, headers=JSON, lang="en").json()
    swedish = upload(client, LUCKOR, headers=JSON).json()
    assert [f["code"] for f in english["findings"]] == [f["code"] for f in swedish["findings"]]
    assert [f["message"] for f in english["findings"]] != [f["message"] for f in swedish["findings"]]


def test_report_page_shows_status_findings_sections_economics_and_an_annotated_copy(client):
    response = upload(client, LUCKOR)
    assert response.status_code == 200
    assert response.headers["cache-control"] == "no-store"
    html = response.text
    data = upload(client, LUCKOR, headers=JSON).json()
    assert 'class="summary status-incomplete"' in html
    for finding in data["findings"]:
        assert f"<code>{finding['code']}</code>" in html
    assert html.count('class="finding sev-') == len(data["findings"])
    assert html.count("<tr class=\"state-") == len(data["sections"])
    assert 'class="economics"' in html
    # Each party's savings nested under the savings line: from the economics' own rows, not
    # from the text report's indentation (issue 19).
    economics = html.split('<ul class="economics">', 1)[1].split("</section>", 1)[0]
    nested = re.findall(r"<ul>(.*?)</ul>", economics, flags=re.S)
    assert [item.count("<li>") for item in nested] == [len(data["economics"]["savings_per_namnd"])]
    links = re.findall(r'href="data:([^;]+);base64,([^"]+)" download="([^"]+)"', html)
    assert len(links) == 1
    mime, payload, name = links[0]
    assert name == "ansokan-granskad.docx" and "wordprocessingml" in mime
    copy = zipfile.ZipFile(io.BytesIO(base64.b64decode(payload)))
    comments = copy.read("word/comments.xml").decode("utf-8")
    assert comments.count("<w:comment ") >= len(data["findings"])


def test_a_re_uploaded_annotated_copy_says_so_and_keeps_its_name(client):
    """The annotated copy sent back downloads as ...-granskad.docx once, not
    ...-granskad-granskad.docx, and the page tells the applicant to send the original."""
    links = r'href="data:[^;]+;base64,([^"]+)" download="([^"]+)"'
    payload, name = re.findall(links, upload(client, LUCKOR).text)[0]
    assert name == "ansokan-granskad.docx"
    again = upload(client, (name, base64.b64decode(payload)))
    assert [n for _, n in re.findall(links, again.text)] == ["ansokan-granskad.docx"]
    assert again.text.count('class="file-note"') == 1
    assert upload(client, (name, base64.b64decode(payload)), headers=JSON).json()["annotated_copy"] is True
    english = upload(client, (name, base64.b64decode(payload)), lang="en").text
    assert [n for _, n in re.findall(links, english)] == ["ansokan-reviewed.docx"]
    assert "annotated_copy" not in upload(client, LUCKOR, headers=JSON).json()
    assert 'class="file-note"' not in upload(client, LUCKOR).text


def test_a_complete_file_has_no_copy_to_download(client):
    html = upload(client, KOMPLETT / "ansokan.docx", KOMPLETT / "utvarderingsschema.xlsx").text
    assert 'class="summary status-complete"' in html
    assert "download=" not in html


def test_an_ansokan_without_its_schema_is_never_shown_complete_and_the_page_says_what_to_send(client):
    alone = KOMPLETT / "ansokan.docx"
    data = upload(client, alone, headers=JSON).json()
    assert data["status"] == "complete" and data["missing_attachments"] == ["utvarderingsschema"]  # SPEC §5
    html = upload(client, alone).text
    assert 'class="summary status-incomplete"' in html and "status-complete" not in html
    summary = re.search(r'<div class="summary[^>]*>(.*?)</div>', html, re.S).group(1)
    assert "✓" not in summary and "Utvärderingsschema" in summary  # the kind's name in its schema


def test_an_unreadable_file_is_checked_and_says_why(client):
    broken = ("trasig.docx", docx_bytes()[:3000])
    response = upload(client, broken, headers=JSON)
    assert response.status_code == 200
    assert response.json()["status"] == "unreadable"
    assert response.json()["findings"][0]["reason"] == "unreadable.corrupt"
    page = upload(client, broken)
    assert page.status_code == 200 and 'class="summary status-unreadable"' in page.text
    assert "download=" not in page.text  # no copy of a file that cannot be read


def test_a_zip_bomb_is_unreadable_and_the_server_goes_on(client):
    bomb = io.BytesIO()
    with zipfile.ZipFile(LUCKOR) as zin, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zout.writestr(info.filename, zin.read(info.filename))
        with zout.open("word/media/bomb.bin", "w") as member:
            for _ in range(40):
                member.write(b"\0" * 1_000_000)
    assert len(bomb.getvalue()) < MAX_FILE
    response = upload(client, ("bomb.docx", bomb.getvalue()), headers=JSON)
    assert response.status_code == 200
    # One member packed 1000:1: the compression-ratio limit, whose reason names it.
    assert response.json()["findings"][0]["reason"] == "unreadable.zip_ratio"
    assert upload(client, LUCKOR, headers=JSON).json()["status"] == "incomplete"


@pytest.mark.parametrize("marker, reason", [("HANG", "unreadable.timeout"), ("STUCK", "unreadable.timeout"),
                                            ("CRASH", "unreadable.crashed"), ("RAISE", "unreadable.crashed"),
                                            ("UNPICKLABLE", "unreadable.crashed")])
def test_a_file_that_hangs_or_crashes_its_worker_is_reported_and_the_pool_recovers(tight, marker, reason):
    started = time.monotonic()
    response = upload(tight, ("x.docx", marker.encode() + b" data"), headers=JSON)
    assert response.status_code == 200
    assert response.json()["findings"][0]["reason"] == reason
    assert time.monotonic() - started < SECONDS + 10
    assert tight.get("/healthz").status_code == 200
    # The workers still check files (one that is quick even on a busy machine).
    again = upload(tight, ("y.docx", b"not an Office file"), headers=JSON).json()
    assert again["findings"][0]["reason"] == "unreadable.not_office"


# -- refusals and status codes -------------------------------------------------------------


def refused(response, status: int, error: str) -> None:
    assert response.status_code == status, response.text
    assert response.json()["error"] == error


def test_no_file_is_422(client):
    refused(client.post("/check", files=[("other", ("a.txt", b"x"))], headers=JSON), 422, "no_file")
    # A browser's empty file input: a part with filename="" and no bytes.
    refused(client.post("/check", files=[("files", ("", b""))], headers=JSON), 422, "no_file")


def test_not_a_form_is_415_and_garbage_multipart_is_400(client):
    refused(client.post("/check", data={"files": "x"}, headers=JSON), 415, "not_form")
    garbage = client.post("/check", content=b"\x00\xffnot multipart at all" * 100,
                          headers={**JSON, "content-type": "multipart/form-data; boundary=XYZ"})
    refused(garbage, 400, "malformed")
    refused(client.post("/check", content=b"--x\r\n", headers={**JSON, "content-type": "multipart/form-data"}),
            400, "malformed")


def test_a_body_cut_off_is_400(client):
    body = (b"--B\r\nContent-Disposition: form-data; name=\"files\"; filename=\"a.docx\"\r\n\r\n"
            + docx_bytes()[:5000])
    refused(client.post("/check", content=body, headers={**JSON, "content-type": "multipart/form-data; boundary=B"}),
            400, "malformed")


def test_too_many_files_is_413(client):
    files = [(f"f{i}.docx", b"x") for i in range(MAX_FILES + 1)]
    refused(upload(client, *files, headers=JSON), 413, "too_many_files")


def test_a_file_over_the_limit_is_413(client):
    refused(upload(client, ("stor.docx", b"\0" * (MAX_FILE + 1)), headers=JSON), 413, "file_too_large")
    page = upload(client, ("stor.docx", b"\0" * (MAX_FILE + 1)))
    assert page.status_code == 413 and '<html lang="sv">' in page.text and "<h1>" in page.text


def test_a_request_over_the_limit_is_413_before_its_body_is_read(server):
    # Content-Length alone decides: the server answers without waiting for a byte of body.
    with socket.create_connection(("127.0.0.1", server.port), timeout=10) as sock:
        sock.sendall(b"POST /check HTTP/1.1\r\nHost: x\r\nAccept: application/json\r\n"
                     b"Content-Type: multipart/form-data; boundary=B\r\nContent-Length: 10000000000\r\n\r\n")
        head = sock.recv(65536)
    assert head.startswith(b"HTTP/1.1 413")


def test_a_streamed_upload_is_refused_while_streaming(server):
    """Chunked, no length: the server counts as bytes arrive and answers 413 long before the
    client has sent everything (here it would send 100 MB)."""
    chunk = b"\0" * 65536
    sent = 0
    with socket.create_connection(("127.0.0.1", server.port), timeout=10) as sock:
        sock.sendall(b"POST /check HTTP/1.1\r\nHost: x\r\nAccept: application/json\r\n"
                     b"Content-Type: multipart/form-data; boundary=B\r\nTransfer-Encoding: chunked\r\n\r\n")
        first = b"--B\r\nContent-Disposition: form-data; name=\"files\"; filename=\"big.docx\"\r\n\r\n"
        sock.sendall(b"%x\r\n%s\r\n" % (len(first), first))
        try:
            while sent < 100_000_000:
                sock.sendall(b"%x\r\n%s\r\n" % (len(chunk), chunk))
                sent += len(chunk)
                sock.setblocking(False)
                try:
                    if sock.recv(1, socket.MSG_PEEK):
                        break
                except BlockingIOError:
                    pass
                finally:
                    sock.setblocking(True)
        except (BrokenPipeError, ConnectionResetError):
            pass
        sock.settimeout(10)
        head = sock.recv(65536)
    assert head.startswith(b"HTTP/1.1 413")
    assert sent < MAX_FILE * 20  # refused at the limit, give or take the socket buffers


def test_unknown_pages_and_get_check(client):
    assert client.get("/nope").status_code == 404
    assert "<h1>" in client.get("/nope").text
    again = client.get("/check?lang=en", follow_redirects=False)
    assert again.status_code == 303 and again.headers["location"] == "/?lang=en"
    assert client.put("/check").status_code == 405


@pytest.mark.parametrize("method, path, allowed", [("PUT", "/check", {"GET", "HEAD", "POST"}),
                                                   ("POST", "/", {"GET", "HEAD"}),
                                                   ("DELETE", "/healthz", {"GET", "HEAD"})])
def test_a_method_not_allowed_is_405_with_the_methods_that_are(client, method, path, allowed):
    response = client.request(method, path, headers=JSON)
    refused(response, 405, "method")
    assert {m.strip() for m in response.headers["allow"].split(",")} == allowed


def test_no_redirect_goes_to_the_host_the_client_named(client):
    """/static would redirect to /static/ at an absolute URL built from the Host header."""
    for path in ("/static", "/check/", "/healthz/"):
        response = client.get(path, headers={"host": "evil.example"}, follow_redirects=False)
        assert response.status_code == 404 and "location" not in response.headers, path
    assert client.get("/static/site.css", headers={"host": "evil.example"}).status_code == 200


def test_a_form_of_many_tiny_fields_is_refused_at_the_limit_of_parts(client):
    """883 000 fields took the event loop 7.7 s to parse: a form has at most the files and
    ten other parts."""
    fields = b"".join(b'--B\r\nContent-Disposition: form-data; name="f%d"\r\n\r\n1\r\n' % i for i in range(10_000))
    body = fields + b'--B\r\nContent-Disposition: form-data; name="files"; filename="a.docx"\r\n\r\nx\r\n--B--\r\n'
    assert len(body) < MAX_REQUEST
    response = client.post("/check", content=body, headers={**JSON, "content-type": "multipart/form-data; boundary=B"})
    refused(response, 413, "too_many_parts")
    # The page's own form (files only, up to the limit) is far from it.
    assert upload(client, *[(f"f{i}.docx", b"x") for i in range(MAX_FILES)], headers=JSON).status_code == 200


def test_an_internal_error_is_a_page_not_a_traceback(client, monkeypatch, caplog):
    from socinv_docs.web import pages

    def broken(*args, **kwargs):
        raise RuntimeError("Läxhjälp i Vivalla")  # a message that quotes the applicant

    monkeypatch.setattr(pages, "report_view", broken)
    with caplog.at_level(logging.DEBUG):
        response = upload(client, LUCKOR)
    assert response.status_code == 500
    assert "<h1>" in response.text and "Traceback" not in response.text
    assert "Vivalla" not in caplog.text and "Traceback" not in caplog.text
    assert "RuntimeError" in caplog.text


# -- privacy ----------------------------------------------------------------------------


def test_no_applicant_text_in_the_logs_and_nothing_left_on_disk(client, tmp_root, caplog, capfd):
    marker = "Hemligt-7f3a9"
    with zipfile.ZipFile(LUCKOR) as zin:
        document = zin.read("word/document.xml").decode("utf-8").replace("Läxhjälp i Vivalla", marker)
        copy = io.BytesIO()
        with zipfile.ZipFile(copy, "w", zipfile.ZIP_DEFLATED) as zout:
            for info in zin.infolist():
                zout.writestr(info.filename, document if info.filename == "word/document.xml" else zin.read(info))
    named = f"{marker}.docx"
    with caplog.at_level(logging.DEBUG):
        report = upload(client, (named, copy.getvalue()))
        assert marker in report.text  # it was read, named and quoted in the page
        upload(client, (named, copy.getvalue()), headers=JSON)
        upload(client, (named, f"RAISE {marker}".encode()), headers=JSON)  # an exception quoting it
        upload(client, (named, b"\0" * (MAX_FILE + 1)), headers=JSON)  # refused mid-stream
        upload(client, (named, docx_bytes()[:2000]), headers=JSON)  # unreadable
        client.post("/check", content=f"--B\r\nContent-Disposition: form-data; name=\"files\"; filename=\"{named}\""
                    .encode(), headers={"content-type": "multipart/form-data; boundary=B"})
    out, err = capfd.readouterr()
    logged = caplog.text + out + err
    assert "checked 1 file(s)" in logged  # the service does log, just not what applicants sent
    assert marker not in logged and "Vivalla" not in logged
    # While the service runs, its own temporary directory holds its lock and no request's files.
    (service,) = tmp_root.iterdir()
    assert service.name.startswith("socinv-serve-") and [p.name for p in service.iterdir()] == [".lock"]


# -- the pool -----------------------------------------------------------------------------


def test_uploads_run_in_parallel_up_to_the_pool_and_queue_beyond_it(client, server, tmp_path):
    """Two workers, four uploads at once of a file that takes 0.8 s: the checks ran two at a
    time, never more (the workers note when they ran); and the event loop stays free:
    /healthz answers at once meanwhile."""
    def one(i: int) -> int:
        with httpx.Client(base_url=server.url, timeout=60) as c:
            return upload(c, (f"s{i}.docx", f"SLEEP {tmp_path}\n".encode()), headers=JSON).status_code

    with ThreadPoolExecutor(4) as ex:
        futures = [ex.submit(one, i) for i in range(4)]
        busy, pings = 0, []
        while not all(f.done() for f in futures):
            ping_started = time.monotonic()
            health = client.get("/healthz")
            pings.append(time.monotonic() - ping_started)
            assert health.status_code == 200
            busy = max(busy, health.json()["in_flight"])
            time.sleep(0.05)
        statuses = [f.result() for f in futures]
    assert statuses == [200] * 4
    assert busy >= 2 and max(pings) < 1.0, (busy, pings)
    spans = [tuple(map(float, p.read_text().split())) for p in tmp_path.iterdir()]
    assert len(spans) == 4
    overlap = max(sum(1 for s, e in spans if s <= t < e) for t, _ in spans)
    assert overlap == 2, spans


def test_healthz_is_503_when_the_pool_is_down(tmp_path):
    settings = WebSettings(workers=1, tmp_root=tmp_path)
    app = create_app(settings)
    with LiveServer(app) as live, httpx.Client(base_url=live.url, timeout=30) as c:
        assert c.get("/healthz").status_code == 200
        assert c.get("/healthz").json()["status"] == "ok"
        app.state.pool.close()
        assert c.get("/healthz").status_code == 503
        refused(upload(c, LUCKOR, headers=JSON), 503, "unavailable")


# -- the command --------------------------------------------------------------------------


def test_serve_is_a_command_with_host_port_and_workers():
    result = run_cli("serve", "--help")
    assert result.exit_code == 0
    for option in ("--host", "--port", "--workers"):
        assert option in result.output


def test_check_does_not_import_the_web_stack(tmp_path):
    code = ("import sys, runpy; sys.argv = ['socinv', 'check', %r]\n"
            "try:\n    runpy.run_module('socinv_docs', run_name='__main__')\n"
            "except SystemExit:\n    pass\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in "
            "('starlette', 'uvicorn', 'python_multipart', 'pebble', 'anyio') or m.startswith('socinv_docs.web')))")
    result = subprocess.run([sys.executable, "-c", code % str(LUCKOR)], capture_output=True, text=True, timeout=60,
                            cwd=tmp_path)
    assert result.stdout.strip().splitlines()[-1] == "[]", result.stdout + result.stderr


def test_serve_starts_from_the_installed_package(tmp_path):
    """`socinv serve` of a plain install (not a checkout): it answers /healthz, shows the
    form and checks a file with the templates and static files the wheel ships."""
    script = Path(sys.executable).parent / "socinv"
    if not script.exists():
        pytest.skip("no installed socinv next to this interpreter (source checkout without install)")
    from web_support import free_port, serving

    port = free_port()
    proc = subprocess.Popen([str(script), "serve", "--port", str(port), "--workers", "1"], cwd=tmp_path,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        url = f"http://127.0.0.1:{port}"
        assert serving(url, proc), "socinv serve did not start"
        assert httpx.get(url + "/static/site.css").status_code == 200
        assert "<form" in httpx.get(url + "/").text
        result = httpx.post(url + "/check", files=[("files", (LUCKOR.name, LUCKOR.read_bytes()))], headers=JSON,
                            timeout=60)
        assert result.status_code == 200 and result.json()["kind"] == "ansokan"
    finally:
        proc.terminate()
        out, _ = proc.communicate(timeout=30)
    assert "Traceback" not in out


# -- a report on a granted satsning (issue 21: the projektledare checks it before sending) -----


REDOVISNING = ROOT / "samples-uppfoljning" / "laxhjalp-vivalla" / "rapporter" / "Redovisning delår 2 2027.docx"


def test_a_pre_filled_report_is_compared_with_the_plan_it_carries(client):
    """The sample's delår 2 is typed over a pre-filled form (tools/make_followup_samples.py)
    with measures left without utfall and the fund's column empty: findings only its plan
    can give, the same as `socinv check`, and the plan it was compared with named."""
    data = upload(client, REDOVISNING, headers=JSON).json()
    cli = run_cli("check", REDOVISNING, "--format", "json").json
    assert (data["kind"], data["profile"], data["status"]) == ("redovisning", "orebro-2020", "incomplete")
    assert data["plan"] == {"satsning": "laxhjalp-vivalla", "version": 1, "title": "Läxhjälp i Vivalla",
                            "carried": True}
    codes = [(f["code"], f["severity"]) for f in data["findings"]]
    assert codes == [(f["code"], f["severity"]) for f in cli["findings"]]
    assert {("MEASURE_NOT_REPORTED", "warning"), ("FUND_COSTS_NOT_SHOWN", "error")} <= set(codes)
    assert "REPORT_UNLINKED" not in {code for code, _ in codes}
    html = upload(client, REDOVISNING).text
    assert 'class="summary status-incomplete"' in html
    for code, _ in codes:
        assert f"<code>{code}</code>" in html
    # The plan it was compared with, and its project years as calendar years, said on the page.
    assert html.count('class="file-note"') == 2 and "Läxhjälp i Vivalla" in html


def test_a_report_written_in_the_blank_form_says_it_was_compared_with_no_plan(client, tmp_path):
    from followup_support import OREBRO_REDOVISNING, write

    blank = write(OREBRO_REDOVISNING, tmp_path / "Redovisning helår 2026.docx")
    data = upload(client, blank, headers=JSON).json()
    assert data["kind"] == "redovisning" and "plan" not in data
    unlinked = [f for f in data["findings"] if f["code"] == "REPORT_UNLINKED"]
    assert [(f["severity"], f["params"]["variant"]) for f in unlinked] == [("warning", "alone")]
    assert unlinked[0]["hint"]  # what to do: write it in the pre-filled form the processledare sends
    assert not {f["code"] for f in data["findings"]} & {"MEASURE_NOT_REPORTED", "COST_TOTAL_EXCEEDED"}
    html = upload(client, blank).text
    assert "<code>REPORT_UNLINKED</code>" in html and 'class="finding sev-warning' in html
    # Filled in, not compared: the summary says so rather than only "no errors".
    assert data["status"] == "complete"
    assert messages.text("web.summary.complete_without_plan", "sv") in html
    assert messages.text("web.summary.complete_warnings", "sv") not in html

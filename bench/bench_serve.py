"""Benchmark of `socinv serve`: concurrent clients uploading a mix of samples.

    python3 bench/bench_serve.py [--submissions 200] [--uploads 1000] [--workers CORES]

1. Generates submissions from samples/ as bench/bench.py does (every kind, complete and with
   gaps, an ansökan with its utvärderingsschema as one upload, 2 % broken files; each copy
   distinct bytes).
2. Starts `python3 -m socinv_docs serve --workers W` on a free port of 127.0.0.1 (nothing
   else is ever a target) and waits for /healthz.
3. For 1, 4 and 16 concurrent clients (threads, one keep-alive connection each), uploads
   the submissions in turn with Accept: application/json (check only, as `validate`) and
   reports uploads/s, files checked/s and p50/p95/p99 latency per upload; once more at 4
   clients as browsers do (the HTML report with the annotated copies).
4. Memory: the RSS of the server process and of its workers after a warm-up, after
   --uploads uploads, and after as many again: no growth.
5. The baseline: `socinv validate --jobs W --format json` on the same files (the faster of
   a run before and one after the server's); the ratio of the server's files/s (best
   level) to validate's.

Prints a table (Markdown, for the README). Not part of the test suite; bounded in count and
time, and it stops its server itself.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import platform
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench import child_env, generate  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
LEVELS = (1, 4, 16)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def bodies(root: Path) -> list[tuple[bytes, str, int]]:
    """One multipart body per submission (a folder's files together): (body, boundary, files)."""
    out = []
    for entry in sorted(root.iterdir()):
        files = sorted(entry.iterdir()) if entry.is_dir() else [entry]
        boundary = uuid.uuid4().hex
        parts = []
        for f in files:
            parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="files"; filename="{f.name}"\r\n'
                         f"Content-Type: application/octet-stream\r\n\r\n".encode() + f.read_bytes() + b"\r\n")
        out.append((b"".join(parts) + f"--{boundary}--\r\n".encode(), boundary, len(files)))
    return out


def rss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def descendants(pid: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
        except (OSError, IndexError, ValueError):
            continue
    out, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            out.append(child)
            todo.append(child)
    return out


def memory(pid: int) -> tuple[float, float]:
    """(server process MB, its workers and forkserver together MB)."""
    return rss_kb(pid) / 1024, sum(rss_kb(p) for p in descendants(pid)) / 1024


def run_level(port: int, uploads: list, clients: int, count: int, html: bool = False) -> dict:
    """`count` uploads by `clients` threads; latency of each and the wall clock."""
    latencies: list[float] = []
    files = 0
    errors = 0
    lock = threading.Lock()
    counter = iter(range(count))

    def client() -> None:
        nonlocal files, errors
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        for i in counter:
            body, boundary, n = uploads[i % len(uploads)]
            headers = {"Content-Type": f"multipart/form-data; boundary={boundary}",
                       "Accept": "text/html" if html else "application/json"}
            started = time.perf_counter()
            try:
                conn.request("POST", "/check", body=body, headers=headers)
                response = conn.getresponse()
                response.read()
                ok = response.status == 200
            except (OSError, http.client.HTTPException):
                ok = False
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
            elapsed = time.perf_counter() - started
            with lock:
                latencies.append(elapsed)
                files += n
                errors += not ok
        conn.close()

    started = time.perf_counter()
    threads = [threading.Thread(target=client) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - started
    q = statistics.quantiles(latencies, n=100, method="inclusive")
    return {"clients": clients, "uploads": len(latencies), "files": files, "errors": errors, "seconds": wall,
            "uploads_per_s": len(latencies) / wall, "files_per_s": files / wall,
            "p50": q[49], "p95": q[94], "p99": q[98]}


def run_validate(folder: Path, jobs: int, work: Path) -> dict:
    cmd = [PY, "-m", "socinv_docs", "validate", str(folder), "--jobs", str(jobs), "--format", "json"]
    started = time.perf_counter()
    result = subprocess.run(cmd, capture_output=True, text=True, env=child_env(work), cwd=ROOT)
    wall = time.perf_counter() - started
    stats = json.loads(result.stdout)["stats"]
    # Its own clock (the run, without the interpreter's start), as the server's figures are
    # without the server's start.
    return {"files": stats["documents"], "seconds": stats["seconds"], "wall": wall,
            "files_per_s": stats["documents"] / stats["seconds"]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--submissions", type=int, default=200, help="distinct submissions to upload")
    parser.add_argument("--per-level", type=int, default=300, help="uploads at each concurrency level")
    parser.add_argument("--uploads", type=int, default=1000, help="uploads in all, for the memory check")
    parser.add_argument("--workers", type=int, default=len(os.sched_getaffinity(0)))
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="socinv-bench-serve-") as tmp:
        work = Path(tmp)
        folder = work / "inskick"
        counts = generate(folder, args.submissions)
        uploads = bodies(folder)
        first = run_validate(folder, args.workers, work)
        port = free_port()
        env = {**child_env(work), "SOCINV_WEB_MAX_CONNECTIONS": "1000", "TMPDIR": str(work)}
        server = subprocess.Popen([PY, "-m", "socinv_docs", "serve", "--port", str(port), "--workers",
                                   str(args.workers)], cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                                  stderr=subprocess.DEVNULL)
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
                    conn.request("GET", "/healthz")
                    if conn.getresponse().status == 200:
                        break
                except OSError:
                    pass
                if time.monotonic() > deadline:
                    raise SystemExit("the server did not start")
                time.sleep(0.2)
            # Warm-up: every worker has read every kind, and the pages have been rendered once.
            run_level(port, uploads, 2, 80)
            run_level(port, uploads, 2, 20, html=True)
            before = memory(server.pid)
            done = 0
            rows = []
            for clients in LEVELS:
                rows.append(run_level(port, uploads, clients, args.per_level))
                done += args.per_level
            html = run_level(port, uploads, 4, args.per_level // 2, html=True)
            done += args.per_level // 2
            if done < args.uploads:
                run_level(port, uploads, 4, args.uploads - done)
                done = args.uploads
            after = memory(server.pid)
            run_level(port, uploads, 4, args.uploads)  # and as many again: flat, not creeping
            later = memory(server.pid)
        finally:
            server.terminate()
            server.wait(timeout=30)
        # The faster of a run before the server's and one after: on a shared machine the
        # baseline should not look slow by bad luck.
        baseline = max(first, run_validate(folder, args.workers, work), key=lambda r: r["files_per_s"])

    best = max(rows, key=lambda r: r["files_per_s"])
    print(f"`socinv serve --workers {args.workers}`, measured {date.today().isoformat()} on "
          f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores, CPython {platform.python_version()}; "
          f"{counts['submissions']} submissions ({counts['files']} files, {counts['broken']} broken) uploaded in "
          f"turn, JSON reports unless noted.\n")
    print("| clients | uploads | files/s (checks/s) | uploads/s | p50 | p95 | p99 | failed |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for r in [*rows, {**html, "clients": "4, HTML + annotated copies"}]:
        print(f"| {r['clients']} | {r['uploads']} | {r['files_per_s']:.1f} | {r['uploads_per_s']:.1f} | "
              f"{r['p50'] * 1000:.0f} ms | {r['p95'] * 1000:.0f} ms | {r['p99'] * 1000:.0f} ms | {r['errors']} |")
    print()
    print("| measure | figure |\n| --- | --- |")
    print(f"| `socinv validate --jobs {args.workers}`, same files | {baseline['files_per_s']:.1f} files/s "
          f"({baseline['files']} files in {baseline['seconds']:.1f} s; {baseline['wall']:.1f} s with the "
          f"interpreter's start) |")
    print(f"| server / validate | **{best['files_per_s'] / baseline['files_per_s']:.2f}** "
          f"(best level: {best['clients']} clients) |")
    print(f"| server process RSS: after warm-up → {done} uploads later → {done} more | "
          f"{before[0]:.0f} MB → {after[0]:.0f} MB → {later[0]:.0f} MB |")
    print(f"| its {args.workers} workers and the forkserver together, same | "
          f"{before[1]:.0f} MB → {after[1]:.0f} MB → {later[1]:.0f} MB |")
    return 0


if __name__ == "__main__":
    sys.exit(main())

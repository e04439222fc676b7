"""Benchmark: `socinv validate` against the parsing floor, `socinv check` latency, memory.

    python3 bench/bench.py [--n 1000] [--out bench/out] [--jobs CORES] [--reps 3]

1. Generates N submissions from samples/ (mixed kinds: idéprövning, förslag, ansökan with
   and without its utvärderingsschema; complete and with gaps; about 2 % broken files).
   Each copy gets its own name and a cheap change of content (a number in the project
   name), so no two files are the same bytes.
2. Times `python3 -m socinv_docs validate DIR --register R.xlsx --jobs 1` and `--jobs CORES`
   as subprocesses (wall clock, files per second, CPU time and peak RSS of the main
   process, peak RSS of the largest worker), and the same without --register (the checking
   alone). Each is run --reps times, interleaved, and the fastest run counts: on a shared
   VM the same run varies by 10-20 %, and the fastest is the one least disturbed.
3. The floor: the same files unzipped and every .xml/.rels member parsed with
   lxml.etree.fromstring, nothing else; on 1 core in this process and with a process pool
   on all cores.
4. `socinv check` on one .docx and one .xlsx against `python3 -c pass` (median of runs).
5. Memory growth: the main process's peak RSS validating N/4 submissions against N.

Prints a table and the ratios. Not part of the test suite.
"""

from __future__ import annotations

import argparse
import io
import json
import multiprocessing
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
PY = sys.executable

# (unit, weight): a unit is a sample file or folder copied as one submission.
UNITS = [
    ("ideprovning-komplett.docx", 3),
    ("ideprovning-luckor.docx", 2),
    ("forslag-komplett.xlsx", 3),
    ("forslag-luckor.xlsx", 2),
    ("ansokan-komplett", 3),
    ("ansokan-luckor", 2),
]
BROKEN_EVERY = 50  # every 50th submission is a broken file (truncated or not Office at all)

# Runs the CLI in this wrapper process and, on exit, writes the wrapper's own peak RSS
# (the validate main process) and the largest waited-for child's (a worker) to a file.
WRAPPER = r"""
import atexit, json, resource, runpy, sys
out = sys.argv[1]
def report():
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    with open(out, "w") as fh:
        json.dump({"self_kb": me.ru_maxrss, "children_kb": kids, "self_cpu": me.ru_utime + me.ru_stime}, fh)
atexit.register(report)
sys.argv = ["socinv", *sys.argv[2:]]
runpy.run_module("socinv_docs", run_name="__main__")
"""


# -- generating the submissions -----------------------------------------------------------


def _vary(data: bytes, number: int) -> bytes:
    """The same package with the project name numbered in its main part (cheap, distinct bytes)."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info)
            if info.filename in ("word/document.xml", "xl/worksheets/sheet1.xml"):
                body = body.replace(b"Vivalla", b"Vivalla %d" % number)
            dst.writestr(info, body)
    return out.getvalue()


def _write_file(src: Path, dest: Path, number: int) -> None:
    dest.write_bytes(_vary(src.read_bytes(), number))


def generate(root: Path, n: int) -> dict:
    """N submissions in root; returns counts."""
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    cycle = [unit for unit, weight in UNITS for _ in range(weight)]
    files = broken = 0
    for i in range(n):
        if i % BROKEN_EVERY == BROKEN_EVERY - 1:
            name = root / f"{i:05d}-trasig.docx"
            if (i // BROKEN_EVERY) % 2:
                name.write_bytes((SAMPLES / "ideprovning-komplett.docx").read_bytes()[:20_000])  # truncated
            else:
                name.write_bytes(b"inte ett Word-dokument\n" * 100)
            files += 1
            broken += 1
            continue
        unit = SAMPLES / cycle[i % len(cycle)]
        if unit.is_dir():
            folder = root / f"{i:05d}-{unit.name}"
            folder.mkdir()
            for f in sorted(unit.iterdir()):
                _write_file(f, folder / f.name, i)
                files += 1
        else:
            _write_file(unit, root / f"{i:05d}-{unit.name}", i)
            files += 1
    return {"submissions": n, "files": files, "broken": broken}


def subset(src: Path, dest: Path, count: int) -> None:
    """The first `count` submissions of src, hard-linked (no copying)."""
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    for entry in sorted(src.iterdir())[:count]:
        if entry.is_dir():
            (dest / entry.name).mkdir()
            for f in entry.iterdir():
                os.link(f, dest / entry.name / f.name)
        else:
            os.link(entry, dest / entry.name)


def all_files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file())


# -- measuring ----------------------------------------------------------------------------


def child_env(work: Path) -> dict:
    """The environment for the measured commands: bytecode and checked schemas cached (as
    after `pip install` and a first run), but in the working folder. Without it, a checkout run with
    PYTHONDONTWRITEBYTECODE compiles every module of ours on every start."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(work / "pycache")
    env["SOCINV_CACHE_DIR"] = str(work / "cache")  # the checked schemas, as after a first run
    return env


ENV: dict = {}


def run_validate(folder: Path, register: Path | None, jobs: int, work: Path) -> dict:
    """One `socinv validate` run; register None: without --register (checking only)."""
    if register is not None and register.exists():
        register.unlink()
    rss_file = work / "rss.json"
    cmd = [PY, "-c", WRAPPER, str(rss_file), "validate", str(folder), "--jobs", str(jobs)]
    if register is not None:
        cmd += ["--register", str(register)]
    started = time.perf_counter()
    proc = subprocess.run(cmd, cwd=ROOT, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - started
    if proc.returncode not in (0, 1, 2) or "Traceback" in proc.stderr:
        raise SystemExit(f"validate failed ({proc.returncode}):\n{proc.stderr[-2000:]}")
    rss = json.loads(rss_file.read_text())
    return {"wall": wall, "self_mb": rss["self_kb"] / 1024, "worker_mb": rss["children_kb"] / 1024,
            "self_cpu": rss["self_cpu"], "exit": proc.returncode}


def floor_one(path: str) -> int:
    """Unzip a file and parse its XML parts with lxml, nothing else. Returns parts parsed."""
    from lxml import etree

    parsed = 0
    try:
        with zipfile.ZipFile(path) as zf:
            for name in zf.namelist():
                if name.endswith((".xml", ".rels")):
                    etree.fromstring(zf.read(name))
                    parsed += 1
    except Exception:  # a broken file costs what it costs to find out
        pass
    return parsed


def run_floor(files: list[Path], jobs: int) -> float:
    names = [str(f) for f in files]
    started = time.perf_counter()
    if jobs == 1:
        for f in names:
            floor_one(f)
    else:
        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            for _ in pool.imap_unordered(floor_one, names, chunksize=16):
                pass
    return time.perf_counter() - started


def median_run(cmd: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(cmd, cwd=ROOT, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


# -- the run ------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=1000, help="submissions to generate (default 1000)")
    parser.add_argument("--out", type=Path, default=None, help="working folder (default: a temporary one)")
    parser.add_argument("--jobs", type=int, default=None, help="'all cores' (default: the CPUs available)")
    parser.add_argument("--runs", type=int, default=7, help="runs for the check latency median")
    parser.add_argument("--reps", type=int, default=3, help="runs of each validate; the fastest counts")
    args = parser.parse_args(argv)
    cores = args.jobs or (len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()) or 1

    work = args.out or Path(tempfile.mkdtemp(prefix="socinv-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    inbox, small = work / "inkomna", work / "inkomna-kvart"
    print(f"socinv bench — {date.today().isoformat()}, {platform.python_implementation()} "
          f"{platform.python_version()}, {cores} cores, N={args.n}, validate: fastest of {args.reps} runs, "
          f"in {work}", flush=True)

    counts = generate(inbox, args.n)
    files = all_files(inbox)
    subset(inbox, small, max(1, args.n // 4))
    small_files = len(all_files(small))
    print(f"generated {counts['submissions']} submissions, {counts['files']} files "
          f"({counts['broken']} broken)", flush=True)

    # Warm the page cache and the bytecode cache once, so no measured run pays for them.
    ENV.update(child_env(work))
    for f in files:
        f.read_bytes()
    for sample in ("ideprovning-komplett.docx", "forslag-komplett.xlsx"):
        subprocess.run([PY, "-m", "socinv_docs", "check", str(SAMPLES / sample)], cwd=ROOT, env=ENV,
                       stdout=subprocess.DEVNULL)
    run_validate(small, work / "register-kvart.xlsx", 1, work)  # imports the register writer too

    rows = []
    fastest: dict[tuple, dict | float] = {}

    def keep(key: tuple, result):
        wall = result["wall"] if isinstance(result, dict) else result
        best = fastest.get(key)
        if best is None or wall < (best["wall"] if isinstance(best, dict) else best):
            fastest[key] = result

    for rep in range(1, args.reps + 1):
        for jobs in sorted({1, cores}):
            print(f"run {rep}/{args.reps}: validate --jobs {jobs}, with and without the register; the floor …",
                  flush=True)
            keep(("validate", jobs), run_validate(inbox, work / "register.xlsx", jobs, work))
            # Without the register: how much of the run is checking, and how well that scales.
            keep(("bare", jobs), run_validate(inbox, None, jobs, work))
            keep(("floor", jobs), run_floor(files, jobs))
    results = {}
    for jobs in sorted({1, cores}):
        v, bare, fl = fastest[("validate", jobs)], fastest[("bare", jobs)], fastest[("floor", jobs)]
        results[jobs] = (v, fl, bare)
        rows.append((f"validate --jobs {jobs}", f"{v['wall']:.1f} s", f"{len(files) / v['wall']:.0f} files/s",
                     f"main {v['self_mb']:.0f} MB, {v['self_cpu']:.1f} s CPU; worker {v['worker_mb']:.0f} MB"))
        rows.append((f"validate --jobs {jobs}, no register", f"{bare['wall']:.1f} s",
                     f"{len(files) / bare['wall']:.0f} files/s", f"main {bare['self_cpu']:.1f} s CPU"))
        rows.append((f"floor, {jobs} core(s)", f"{fl:.1f} s", f"{len(files) / fl:.0f} files/s", ""))

    print("memory growth: validate N/4 …", flush=True)
    quarter = run_validate(small, work / "register-kvart.xlsx", cores, work)
    full = results[cores][0]
    rows.append((f"validate N/4 ({small_files} files), --jobs {cores}", f"{quarter['wall']:.1f} s",
                 f"{small_files / quarter['wall']:.0f} files/s",
                 f"main {quarter['self_mb']:.0f} MB, worker {quarter['worker_mb']:.0f} MB"))

    print("check latency …", flush=True)
    base = median_run([PY, "-c", "pass"], args.runs)
    docx = SAMPLES / "ideprovning-komplett.docx"
    xlsx = SAMPLES / "forslag-komplett.xlsx"
    check_docx = median_run([PY, "-m", "socinv_docs", "check", str(docx)], args.runs)
    check_xlsx = median_run([PY, "-m", "socinv_docs", "check", str(xlsx)], args.runs)
    rows.append(("python3 -c pass", f"{base:.3f} s", "", f"median of {args.runs}"))
    rows.append(("socinv check (.docx)", f"{check_docx:.3f} s", f"+{check_docx - base:.3f} s", ""))
    rows.append(("socinv check (.xlsx)", f"{check_xlsx:.3f} s", f"+{check_xlsx - base:.3f} s", ""))

    width = [max(len(r[i]) for r in rows) for i in range(4)]
    print()
    print(f"{len(files)} files in {args.n} submissions; {cores} cores")
    for r in rows:
        print("  ".join(cell.ljust(width[i]) for i, cell in enumerate(r)).rstrip())
    print()
    print("ratios")
    for jobs in sorted(results):
        v, fl, bare = results[jobs]
        print(f"  validate/floor, {jobs} core(s): {v['wall'] / fl:.2f}× with the register, "
              f"{bare['wall'] / fl:.2f}× without   (target ≤ 1.2×)")
    if cores > 1:
        one, all_ = results[1], results[cores]
        print(f"  speed-up 1 → {cores} cores: validate {one[0]['wall'] / all_[0]['wall']:.2f}× with the register, "
              f"{one[2]['wall'] / all_[2]['wall']:.2f}× without; floor {one[1] / all_[1]:.2f}×   (target ≥ 1.9×)")
    print(f"  check over interpreter start: .docx +{check_docx - base:.2f} s, .xlsx +{check_xlsx - base:.2f} s"
          f"   (target ≤ 0.2 s)")
    print(f"  main-process peak RSS N vs N/4: {full['self_mb']:.0f} MB / {quarter['self_mb']:.0f} MB = "
          f"{full['self_mb'] / quarter['self_mb']:.2f}×   (flat ≈ 1×)")
    print(f"  worker peak RSS N vs N/4: {full['worker_mb']:.0f} MB / {quarter['worker_mb']:.0f} MB")
    if args.out is None:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

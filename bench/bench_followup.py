"""Benchmark: `socinv followup` over a fund's whole portfolio against `socinv validate` over
the same files (issue 21).

    python3 bench/bench_followup.py [--n 300] [--out DIR] [--jobs CORES] [--reps 2]

1. Makes N satsningar of Örebro's with tools/make_portfolio.py (their approved files,
   beslut.yaml and every report due by MADE_ON: three-year periods, so about ten reports
   each) into OUT/satsningar, or reuses the portfolio already there when it was made with
   the same N (making 300 takes a while: each report is pre-filled and typed in).
2. Times, as subprocesses (wall clock, the fastest of --reps, interleaved):
   - `socinv followup DIR --workbook W --date MADE_ON` on a new workbook (the first run
     freezes every plan into the workbook),
   - the same again on that workbook (the run a processledare makes every month: plans read
     back from the workbook, what they typed merged),
   - `socinv validate DIR --register R` and `socinv validate DIR` over the same Word and
     Excel files (every satsning a submission: its ansökan, schema and reports checked as
     documents). validate refuses a follow-up folder, so it is given a mirror of the
     portfolio without the beslut.yaml files (hard links: the same files, nothing copied).
3. Prints the figures, the ratios follow-up / validate, and the machine.

Not part of the test suite.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

import make_portfolio  # noqa: E402

PY = sys.executable
MADE_ON = dt.date(2033, 1, 1)  # every report of a satsning started 2024–2027 is due by then


def portfolio(out: Path, n: int) -> dict:
    """The portfolio in out/satsningar, made unless the one there has the same N."""
    folder, facts = out / "satsningar", out / "portfolio.json"
    if facts.is_file() and folder.is_dir():
        known = json.loads(facts.read_text(encoding="utf-8"))
        if known.get("n") == n and known.get("made_on") == MADE_ON.isoformat():
            return known
    started = time.perf_counter()
    made = make_portfolio.make(folder, n, made_on=MADE_ON, funders=(make_portfolio.OREBRO,))
    known = {"n": n, "made_on": MADE_ON.isoformat(), "reports": sum(len(s.reports) for s in made.satsningar),
             "files": made.files, "seconds_to_make": round(time.perf_counter() - started, 1)}
    facts.write_text(json.dumps(known), encoding="utf-8")
    return known


def as_submissions(folder: Path, mirror: Path) -> Path:
    """`folder`'s Word and Excel files, hard-linked into `mirror` in the same sub-folders: what
    validate checks, without the beslut.yaml that make it a follow-up folder. Made afresh:
    the portfolio may have been made again."""
    shutil.rmtree(mirror, ignore_errors=True)
    for path in sorted(folder.rglob("*")):
        if path.is_file() and path.suffix in (".docx", ".xlsx"):
            target = mirror / path.relative_to(folder)
            target.parent.mkdir(parents=True, exist_ok=True)
            os.link(path, target)
    return mirror


def timed(args: list[str], ok: tuple[int, ...] = (0, 1)) -> float:
    """Seconds of `socinv ARGS` as a subprocess; an exit code not in `ok` stops the bench."""
    started = time.perf_counter()
    result = subprocess.run([PY, "-m", "socinv_docs", *args], cwd=ROOT, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if result.returncode not in ok:
        sys.exit(f"socinv {' '.join(args)} failed ({result.returncode}):\n{result.stderr[-2000:]}")
    return seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=300, help="satsningar (default 300)")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out-followup")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--reps", type=int, default=2)
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    made = portfolio(args.out, args.n)
    folder = args.out / "satsningar"
    submissions = as_submissions(folder, args.out / "as-submissions")
    jobs = ["--jobs", str(args.jobs)]
    day = ["--date", MADE_ON.isoformat()]
    book, register = args.out / "uppfoljning.xlsx", args.out / "register.xlsx"
    runs: dict[str, list[float]] = {"followup, first run (plans frozen)": [], "followup, next run (plans stored)": [],
                                    "validate --register": [], "validate": []}
    for _ in range(args.reps):
        for path in (book, register):
            path.unlink(missing_ok=True)
        names = iter(runs)
        runs[next(names)].append(timed(["followup", str(folder), "--workbook", str(book), *day, *jobs]))
        runs[next(names)].append(timed(["followup", str(folder), "--workbook", str(book), *day, *jobs]))
        runs[next(names)].append(timed(["validate", str(submissions), "--register", str(register), *jobs]))
        runs[next(names)].append(timed(["validate", str(submissions), *jobs]))
    best = {name: min(seconds) for name, seconds in runs.items()}
    print(f"{args.n} satsningar, {made['reports']} reports, {made['files']} files "
          f"(made in {made.get('seconds_to_make', '?')} s); --jobs {args.jobs}, fastest of {args.reps}")
    print(f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}, load average {os.getloadavg()[0]:.1f}")
    for name, seconds in best.items():
        print(f"  {name:<38} {seconds:6.1f} s")
    for name in ("followup, first run (plans frozen)", "followup, next run (plans stored)"):
        print(f"  {name} / validate --register: {best[name] / best['validate --register']:.2f}×; "
              f"/ validate: {best[name] / best['validate']:.2f}×")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Snapshot every output of the `socinv` command over the whole corpus, and compare two snapshots.

    python3 tools/output_snapshot.py snapshot OUTDIR [--socinv PATH] [--corpus ROOT] [--only GLOB]...
    python3 tools/output_snapshot.py compare A B [--lines N]

Made for refactors that must not change behaviour (issue 19): take a snapshot before, one
after, and `compare` lists every output that changed. `snapshot` runs the CLI as a
subprocess (`--socinv`, default: this checkout's .venv/bin/socinv), so any checkout's venv
can be measured, an older commit's included, with this one script.

What is recorded, one directory per command run (`command.txt`, `exit.txt` — the exit code
or "timeout" —, `stdout.json` or `stdout.txt`, `stderr.txt`, and `files/` with every file
the run wrote):

- `check/<file>/`: for every file under samples/ and tests/data/ (the hostile ones too):
  `check --format json` and `check` in sv and en, and `check --annotate` for the Office
  packages (sv and en);
- `check-submission/<folder>/`: the files of each folder submission checked together (json
  and text, sv and en; `--annotate-dir`);
- `validate/<folder>/`: samples/ and each folder of tests/data/, json with `--register`
  and text, sv and en;
- `memo/samples/`: docx, html and md, sv and en, with `--register` (a register of samples/
  with the group's columns filled in, as a beredningsgrupp would) and `--split`; and
  `validate` again onto that register (a re-run keeps the group's work);
- `rules/`, `profiles/`, `help/`, `templates/`: every rule code, every profile, `--help` of
  every command and sub-command, the exported memo templates; `usage/`: usage errors and
  options.

Normalised so that two runs of the same code are identical: JSON parsed and printed with
sorted keys; timings (`seconds`, `files_per_second`, "Tid: 0,9 s") replaced; absolute
paths of the run's temporary folders replaced by <OUT>/<WORK>/<TMP>; the date and time of
the run (ISO dates and times on the run's days, Excel date serials within the run) replaced
by <RUN-DATE>/<RUN-TIME>/<RUN-SERIAL>. The CLI has no option for a fixed date; what we can
fix is fixed: the corpus is copied into a temporary folder with one fixed modification
time (the register records it), the environment is fixed (TZ=UTC, LANG=C.UTF-8, COLUMNS,
PYTHONHASHSEED=0, no SOCINV_* overrides, a fresh schema cache), and the meeting is named.
(`--hash-seed random` gives each process its own hash seed: two snapshots taken so differ
where output follows the iteration order of a set.) An Office file is
stored part by part: `_zip.txt` lists the members in archive order with compression, size
and SHA-256 of the normalised bytes (so a byte changed anywhere shows), text parts are
stored with a newline between tags for readable diffs, binary parts by their hash only.

The project's own limits apply (a hostile file is stopped after 60 s; a legacy .doc is
converted by LibreOffice where it is installed); each command also has a timeout of its own
(`--timeout`, default 180 s) and is then recorded as "timeout". Commands run in a small
pool (`--threads`, default 2): about 420 commands, 1.5-2.5 minutes on 2 busy cores.
`--only GLOB` takes the runs whose key (the folder they are recorded in) matches. Standard
library only.
"""

from __future__ import annotations

import argparse
import concurrent.futures as cf
import dataclasses
import datetime as dt
import difflib
import fnmatch
import hashlib
import json
import os
import platform
import re
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
CORPUS_DIRS = ("samples", "tests/data")
# Folders `validate` runs over: the samples and each folder of tests/data (a folder of
# templates, of foreign files, of Gävleborg's blank forms: every file its own submission).
VALIDATE_DIRS = ("samples", "tests/data/official", "tests/data/foreign", "tests/data/gavleborg")
# Office packages: the ones `check --annotate` is asked for (it refuses the unreadable).
PACKAGE_SUFFIXES = {".docx", ".docm", ".dotx", ".dotm", ".xlsx", ".xlsm", ".xltx", ".xltm"}
MEETING = "Beredningsgrupp 2026-12-03"
FIXED_MTIME = 1_700_000_000  # 2023-11-14: every corpus file's modification time
LANGS = ("sv", "en")
META = "meta.json"
# JSON keys whose values are timings of the run.
TIMING_KEYS = {"seconds", "files_per_second"}
MAX_MEMBER_BYTES = 64 * 1024 * 1024  # a larger part of an output is recorded by its CRC only
MAX_SHOWN_BYTES = 2 * 1024 * 1024  # a larger text part is recorded by its hash only (no diff)
EXCEL_EPOCH = dt.datetime(1899, 12, 30, tzinfo=dt.timezone.utc)


# -- tasks --------------------------------------------------------------------------------


@dataclasses.dataclass
class Result:
    exit: str  # the exit code, or "timeout"
    stdout: str
    stderr: str
    outdir: Path


@dataclasses.dataclass
class Task:
    """One run of the CLI: `key` is where it is recorded (group/run, e.g.
    check/samples/x.docx/json-sv); `then` makes follow-up tasks from its result."""

    key: str
    args: list[str]
    json_out: bool = False
    record: bool = True
    prepare: Callable[[Path], None] | None = None  # gets the run's output folder first
    then: Callable[[Result], list["Task"]] | None = None
    argv_shown: list[str] | None = None  # the command as recorded, when args hold a path of the run


class Snapshot:
    def __init__(self, out: Path, socinv: Path, corpus: Path, only: list[str], timeout: float,
                 threads: int, hash_seed: str):
        self.out = out
        self.socinv = socinv
        self.corpus = corpus
        self.only = only
        self.timeout = timeout
        self.threads = threads
        self.tmp = Path(tempfile.mkdtemp(prefix="socinv-snapshot-")).resolve()
        self.work = self.tmp / "work"  # the corpus copy, the commands' working folder
        self.started = dt.datetime.now(dt.timezone.utc)
        self.timeouts: list[str] = []
        self.env = _environment(self.tmp, hash_seed)

    # -- selection

    def selected(self, key: str) -> bool:
        """Whether a run is asked for: no --only, or a pattern that matches its key or a
        folder of it ('validate/samples' selects validate/samples/json-sv)."""
        return not self.only or any(fnmatch.fnmatchcase(key, p) or key.startswith(p.rstrip("/") + "/")
                                    for p in self.only)

    def wanted(self, top: str) -> bool:
        """Whether any run under `top` (rules, help, ...) can be asked for: only then are
        they discovered."""
        return not self.only or any(fnmatch.fnmatchcase(top, p.split("/")[0]) for p in self.only)

    # -- running

    def run(self, task: Task) -> Result:
        outdir = self.tmp / "out" / hashlib.sha1(task.key.encode()).hexdigest()[:12]
        outdir.mkdir(parents=True)
        if task.prepare:
            task.prepare(outdir)
        args = [a.replace("{OUT}", str(outdir)) for a in task.args]
        proc = subprocess.Popen([str(self.socinv), *args], cwd=self.work, env=self.env,
                                stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, start_new_session=True)
        try:
            out, err = proc.communicate(timeout=self.timeout)
            code = str(proc.returncode)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)  # its own session: the command and its workers
            out, err = proc.communicate()
            code = "timeout"
            self.timeouts.append(task.key)
        result = Result(code, out.decode("utf-8", "backslashreplace"),
                        err.decode("utf-8", "backslashreplace"), outdir)
        if task.record:
            self.write(task, result)
        return result

    def write(self, task: Task, result: Result) -> None:
        norm = Normaliser(self, result.outdir)
        target = self.out / task.key
        target.mkdir(parents=True, exist_ok=True)
        shown = task.argv_shown or task.args
        _write_text(target / "command.txt", norm.text("socinv " + shlex.join(shown)) + "\n")
        _write_text(target / "exit.txt", result.exit + "\n")
        stdout_json = norm.json_text(result.stdout) if task.json_out else None
        if stdout_json is not None:
            _write_text(target / "stdout.json", stdout_json)
        else:
            _write_text(target / "stdout.txt", norm.text(result.stdout))
        _write_text(target / "stderr.txt", norm.text(result.stderr))
        for path in sorted(result.outdir.rglob("*")):
            if path.is_file() and not path.is_symlink():
                norm.dump_file(path, target / "files" / path.relative_to(result.outdir))

    def take(self) -> dict:
        _copy_corpus(self.corpus, self.work)
        tasks = self.plan()
        count = 0
        with cf.ThreadPoolExecutor(max_workers=self.threads) as pool:
            pending = {pool.submit(self.run, t): t for t in tasks}
            while pending:
                done, _ = cf.wait(pending, return_when=cf.FIRST_COMPLETED)
                for future in done:
                    task = pending.pop(future)
                    result = future.result()
                    count += task.record
                    for follow in self.admitted(task.then(result) if task.then else []):
                        pending[pool.submit(self.run, follow)] = follow
        return {"commands": count, "timeouts": sorted(self.timeouts)}

    # -- the plan

    def corpus_files(self) -> list[str]:
        files = []
        for top in CORPUS_DIRS:
            for path in sorted((self.work / top).rglob("*")):
                if path.is_file() or path.is_symlink():
                    files.append(path.relative_to(self.work).as_posix())
        return files

    def submission_folders(self) -> list[str]:
        """Folders whose files are one submission: folders of samples/ with more than one
        file, and Gävleborg's forms."""
        folders = [p for p in sorted((self.work / "samples").rglob("*")) if p.is_dir()]
        folders.append(self.work / "tests/data/gavleborg")
        return [p.relative_to(self.work).as_posix() for p in folders
                if sum(1 for f in p.iterdir() if f.is_file()) > 1]

    def plan(self) -> list[Task]:
        tasks: list[Task] = []
        if self.wanted("memo"):
            tasks.append(self.memo_preparation())
        for folder in VALIDATE_DIRS:
            for lang in LANGS:
                tasks.append(Task(f"validate/{folder}/json-{lang}",
                                  ["validate", folder, "--register", "{OUT}/register.xlsx",
                                   "--format", "json", "--jobs", "2", "--lang", lang], json_out=True))
                tasks.append(Task(f"validate/{folder}/text-{lang}",
                                  ["validate", folder, "--jobs", "2", "--lang", lang]))
        for folder in self.submission_folders():
            files = sorted(p.relative_to(self.work).as_posix()
                           for p in (self.work / folder).iterdir() if p.is_file())
            tasks += self.check_tasks(f"check-submission/{folder}", files, annotate_dir=True)
        for name in self.corpus_files():
            tasks += self.check_tasks(f"check/{name}", [name],
                                      annotate=Path(name).suffix.lower() in PACKAGE_SUFFIXES)
        tasks += self.usage_tasks()
        if self.wanted("rules"):
            tasks += [Task(f"rules/all/json-{lang}", ["rules", "--format", "json", "--lang", lang],
                           json_out=True, then=self.rule_codes if lang == "en" else None)
                      for lang in LANGS]
            tasks += [Task(f"rules/all/text-{lang}", ["rules", "--lang", lang]) for lang in LANGS]
        if self.wanted("profiles"):
            tasks += [Task(f"profiles/all/{lang}", ["profiles", "--lang", lang],
                           then=self.profile_names if lang == "en" else None) for lang in LANGS]
        if self.wanted("help"):
            tasks += self.help_tasks([])
        tasks.append(Task("templates/export", ["templates", "export", "{OUT}/mallar"]))
        return self.admitted(tasks)

    def admitted(self, tasks: list[Task]) -> list[Task]:
        """The tasks --only asks for; a task that discovers others (rule codes, commands) also
        runs when only what it discovers is asked for, unrecorded."""
        kept = []
        for task in tasks:
            if task.record and not self.selected(task.key):
                if not task.then:
                    continue
                task.record = False
            kept.append(task)
        return kept

    def check_tasks(self, group: str, files: list[str], *, annotate: bool = False,
                    annotate_dir: bool = False) -> list[Task]:
        tasks = []
        for lang in LANGS:
            tasks.append(Task(f"{group}/json-{lang}", ["check", *files, "--format", "json", "--lang", lang],
                              json_out=True))
            tasks.append(Task(f"{group}/text-{lang}", ["check", *files, "--lang", lang]))
            if annotate:
                tasks.append(Task(f"{group}/annotate-{lang}",
                                  ["check", *files, "--annotate", "{OUT}/" + Path(files[0]).name,
                                   "--lang", lang]))
        if annotate_dir:
            tasks.append(Task(f"{group}/annotate-dir-sv",
                              ["check", *files, "--annotate-dir", "{OUT}/granskade"]))
        return tasks

    def usage_tasks(self) -> list[Task]:
        """Usage errors and options: click's messages and our own."""
        runs = [
            ("no-files", ["check"]),
            ("no-such-file", ["check", "saknas.docx"]),
            ("unknown-kind", ["check", "samples/ideprovning-komplett.docx", "--kind", "nonesuch"]),
            ("kind-of-other-format", ["check", "samples/forslag-komplett.xlsx", "--kind", "ideprovning",
                                      "--format", "json"]),
            ("kind-given", ["check", "samples/ideprovning-luckor.docx", "--kind", "ideprovning",
                            "--format", "json"]),
            ("profile-given", ["check", "samples/ansokan-komplett/ansokan.docx", "--profile", "molndal-2018",
                               "--format", "json"]),
            ("annotate-onto-input", ["check", "samples/ideprovning-luckor.docx", "--annotate",
                                     "samples/ideprovning-luckor.docx"]),
            ("unknown-rule", ["rules", "NO_SUCH_CODE"]),
            ("unknown-profile", ["profiles", "nonesuch"]),
            ("no-such-folder", ["validate", "saknas"]),
            ("validate-kind", ["validate", "samples", "--kind", "forslag", "--format", "json", "--jobs", "2"]),
            ("memo-unknown-format", ["memo", "samples/ideprovning-komplett.docx", "-o", "{OUT}/underlag.pdf"]),
        ]
        tasks = [Task(f"usage/{name}/{lang}", [*args, "--lang", lang], json_out="json" in args)
                 for name, args in runs for lang in LANGS]
        # --lang before the command (the only place for an unknown command's message)
        tasks += [Task(f"usage/unknown-command/{lang}", ["--lang", lang, "nonesuch"]) for lang in LANGS]
        tasks.append(Task("usage/lang-before-command/en", ["--lang", "en", "check", "samples/forslag-luckor.xlsx"]))
        return tasks

    # -- discovered: rule codes, profiles, commands

    def rule_codes(self, result: Result) -> list[Task]:
        try:
            codes = [r["code"] for r in json.loads(result.stdout)["rules"]]
        except (ValueError, KeyError, TypeError):
            return []
        return [Task(f"rules/{code}/{lang}", ["rules", code, "--lang", lang]) for code in codes for lang in LANGS]

    def profile_names(self, result: Result) -> list[Task]:
        # `profiles` lists one profile a line, its name first and flush left.
        names = re.findall(r"^([a-z0-9][a-z0-9_-]*)  ", result.stdout, re.M)
        return [Task(f"profiles/{name}/{lang}", ["profiles", name, "--lang", lang])
                for name in names for lang in LANGS]

    def help_tasks(self, path: list[str]) -> list[Task]:
        group = "help/" + ("/".join(["socinv", *path]))
        return [Task(f"{group}/{lang}", ["--lang", lang, *path, "--help"],
                     then=(lambda r, p=path: self.subcommands(p, r)) if lang == "en" else None)
                for lang in LANGS]

    def subcommands(self, path: list[str], result: Result) -> list[Task]:
        listing = re.search(r"^Commands:\n((?:  .*\n?)+)", result.stdout, re.M)
        names = re.findall(r"^  (\S+)", listing.group(1), re.M) if listing else []
        return [t for name in names for t in self.help_tasks([*path, name])]

    # -- memos: over a register the group has worked in

    def memo_preparation(self) -> Task:
        """`validate samples --register` (not recorded: validate/samples has it), the group's
        columns then filled in; over that register the memos, and validate again onto a copy
        of it (a re-run keeps what the group typed)."""
        def memo(fmt: str, lang: str, worked: Path, split: bool = False) -> Task:
            args = ["memo", "samples", "--register", "REGISTER", "-o", f"{{OUT}}/underlag.{fmt}",
                    *(["--split", "{OUT}/diarium"] if split else []), "--meeting", MEETING, "--jobs", "2",
                    "--lang", lang]
            return Task(f"memo/samples/{fmt}-{lang}{'-split' if split else ''}",
                        [str(worked) if a == "REGISTER" else a for a in args],
                        argv_shown=["worked-register.xlsx" if a == "REGISTER" else a for a in args])

        def then(result: Result) -> list[Task]:
            worked = result.outdir / "worked-register.xlsx"
            note = fill_group_columns(result.outdir / "register.xlsx", worked)
            if self.selected("memo/samples/worked-register"):
                self.record_input("memo/samples/worked-register", worked, note)
            tasks = [memo(fmt, lang, worked) for fmt in ("docx", "html", "md") for lang in LANGS]
            tasks.append(memo("docx", "sv", worked, split=True))
            tasks.append(Task("memo/samples/validate-rerun-sv",
                              ["validate", "samples", "--register", "{OUT}/register.xlsx", "--jobs", "2"],
                              prepare=lambda out: shutil.copy(worked, out / "register.xlsx")))
            return tasks

        return Task("memo/samples/prepare", ["validate", "samples", "--register", "{OUT}/register.xlsx",
                                             "--jobs", "2"], record=False, then=then)

    def record_input(self, key: str, path: Path, note: str) -> None:
        """A file the snapshot made as an input of later runs, recorded like a run's output."""
        target = self.out / key
        _write_text(target / "command.txt", f"(input of the runs beside it, not a command: {note})\n")
        Normaliser(self, path.parent).dump_file(path, target / "files" / path.name)


# -- normalising --------------------------------------------------------------------------


_ISO = re.compile(r"(?<![\d-])(\d{4}-\d{2}-\d{2})(?:([T ])(\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?))?(?![\d-])")
_SUMMARY_SECONDS = re.compile(r"\b(Tid|Time): \d+(?:[.,]\d+)? s\b")  # validate's summary line
_SERIAL = re.compile(r"<v>(\d{5}\.\d+)</v>")


class Normaliser:
    """Replaces what differs from run to run: the run's folders, dates, times and timings."""

    def __init__(self, snap: Snapshot, outdir: Path):
        now = dt.datetime.now(dt.timezone.utc)
        day = dt.timedelta(days=1)
        self.days = {(snap.started + i * day).date().isoformat()
                     for i in range((now.date() - snap.started.date()).days + 1)}
        margin = dt.timedelta(minutes=2)
        self.serials = (_serial(snap.started - margin), _serial(now + margin))
        paths = [(outdir, "<OUT>"), (snap.work, "<WORK>"), (snap.tmp, "<TMP>")]
        self.paths = []
        for path, name in paths:  # the longest first: <OUT> is inside <TMP>
            for form in {str(path), os.path.realpath(path)}:
                self.paths.append((form, name))

    def text(self, s: str) -> str:
        for form, name in self.paths:
            s = s.replace(form, name)
        s = _ISO.sub(self._date, s)
        return _SUMMARY_SECONDS.sub(r"\1: <SECONDS> s", s)

    def _date(self, m: re.Match) -> str:
        if m.group(1) not in self.days:
            return m.group(0)
        return "<RUN-DATE>" + (m.group(2) + "<RUN-TIME>" if m.group(3) else "")

    def xml(self, s: str) -> str:
        """An XML part: text normalised, and the run's time where a cell holds it as a
        date serial."""
        return _SERIAL.sub(lambda m: "<v><RUN-SERIAL></v>" if self.serials[0] <= float(m.group(1)) <= self.serials[1]
                           else m.group(0), self.text(s))

    def json_text(self, s: str) -> str | None:
        try:
            data = json.loads(s)
        except ValueError:
            return None
        return json.dumps(self._json(data), ensure_ascii=False, indent=2, sort_keys=True) + "\n"

    def _json(self, value):
        if isinstance(value, dict):
            return {k: ("<SECONDS>" if k in TIMING_KEYS and isinstance(v, (int, float)) else self._json(v))
                    for k, v in value.items()}
        if isinstance(value, list):
            return [self._json(v) for v in value]
        if isinstance(value, str):
            return self.text(value)
        return value

    def dump_file(self, path: Path, target: Path) -> None:
        """An output file: a zip part by part, text normalised, anything else by its hash."""
        target.parent.mkdir(parents=True, exist_ok=True)
        if zipfile.is_zipfile(path):
            try:
                self.dump_zip(path, target)
                return
            except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError, RuntimeError, ValueError) as exc:
                shutil.rmtree(target, ignore_errors=True)
                target.parent.mkdir(parents=True, exist_ok=True)
                _write_text(Path(str(target) + ".error.txt"), f"not readable as a zip: {type(exc).__name__}\n")
        data = path.read_bytes()
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            _write_text(Path(str(target) + ".sha256.txt"), _hash_line(data))
            return
        _write_text(target, self.text(text))

    def dump_zip(self, path: Path, target: Path) -> None:
        index = []
        used: set[str] = set()
        with zipfile.ZipFile(path) as zf:
            for info in zf.infolist():
                line = f"{info.filename}\tcompress={info.compress_type}"
                if info.file_size > MAX_MEMBER_BYTES:
                    index.append(f"{line}\tsize={info.file_size}\tcrc={info.CRC:08x}")
                    continue
                data = zf.read(info)
                try:
                    text = data.decode("utf-8")
                except UnicodeDecodeError:
                    text = None
                is_xml = text is not None and text.lstrip("\ufeff \r\n\t").startswith("<")
                if text is not None:
                    text = self.xml(text) if is_xml else self.text(text)
                    data = text.encode("utf-8")
                index.append(f"{line}\t{_hash_line(data).strip()}")  # the bytes as they are: any change shows
                if text is not None and not info.is_dir() and len(data) <= MAX_SHOWN_BYTES:
                    shown = text.replace("><", ">\n<") if is_xml else text  # one tag a line: readable diffs
                    _write_text(target / _safe_member(info.filename, used), shown)
        _write_text(target / "_zip.txt", "\n".join(index) + "\n")


def _serial(moment: dt.datetime) -> float:
    """Excel's date serial of a moment (the register writes the time of the run as one)."""
    return (moment - EXCEL_EPOCH).total_seconds() / 86400


def _hash_line(data: bytes) -> str:
    return f"size={len(data)}\tsha256={hashlib.sha256(data).hexdigest()}\n"


def _safe_member(name: str, used: set[str]) -> str:
    """A zip member's name as a path inside the dump: never outside it, never twice."""
    parts = [p if p not in ("", ".", "..") else p.replace(".", "%2E") or "%" for p in name.split("/")]
    safe = "/".join(parts).strip("/") or "%"
    candidate, n = safe, 1
    while candidate.lower() in used or any(u.startswith(candidate.lower() + "/") or
                                           candidate.lower().startswith(u + "/") for u in used):
        n += 1
        candidate = f"{safe}~{n}"
    used.add(candidate.lower())
    return candidate


def _write_text(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(text)


def _environment(tmp: Path, hash_seed: str) -> dict[str, str]:
    """The commands' environment: ours without locale, Python and SOCINV_* settings, fixed
    where output depends on it. A fixed hash seed makes output that follows the iteration
    order of a set of strings the same in every run (the Excel annotator's new parts did, at
    9d24c95); `random` leaves Python to pick one per process, to find such output."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("SOCINV_", "LC_", "LANG", "PYTHON"))}
    env.update(LANG="C.UTF-8", TZ="UTC", COLUMNS="100", LINES="50", PYTHONIOENCODING="utf-8",
               SOCINV_CACHE_DIR=str(tmp / "schema-cache"),
               PYTHONPYCACHEPREFIX=str(tmp / "pycache"))  # nothing is written into the checkout measured
    if hash_seed != "random":
        env["PYTHONHASHSEED"] = hash_seed
    return env


def _copy_corpus(root: Path, work: Path) -> None:
    """The corpus into the working folder, every file and folder with one fixed
    modification time (the register records the files' times)."""
    for top in CORPUS_DIRS:
        shutil.copytree(root / top, work / top, symlinks=True)
    for path in sorted(work.rglob("*"), reverse=True):
        os.utime(path, (FIXED_MTIME, FIXED_MTIME), follow_symlinks=False)


# -- the group's work in a register -------------------------------------------------------


GROUP_VALUES = {  # defined name of the column -> the text typed into each data row
    "socinv_ans_bedomning": "Uppfyller kriterierna (rad {row})",
    "socinv_ans_kommentar": "Beredningsgruppens kommentar till rad {row}",
    "socinv_ans_beslut": "Bifall",
    "socinv_bri_kommentar": "Åtgärdas före beslut (rad {row})",
}


def fill_group_columns(src: Path, dst: Path) -> str:
    """Copy a register with text typed into the group's columns of every row, as a
    beredningsgrupp does between runs; the columns are found by the names the tool gives
    their header cells. Returns a note of what was filled in."""
    filled = []
    with zipfile.ZipFile(src) as zin:
        parts = {info.filename: zin.read(info) for info in zin.infolist()}
        infos = zin.infolist()
    try:
        workbook = parts["xl/workbook.xml"].decode("utf-8")
        rels = parts["xl/_rels/workbook.xml.rels"].decode("utf-8")
    except KeyError:
        shutil.copy(src, dst)
        return "not filled in: no xl/workbook.xml"
    sheet_part = {}
    for name, rid in re.findall(r'<sheet\b[^>]*\bname="([^"]+)"[^>]*\br:id="([^"]+)"', workbook):
        target = re.search(rf'<Relationship\b[^>]*\bTarget="([^"]+)"[^>]*\bId="{rid}"', rels) or \
            re.search(rf'<Relationship\b[^>]*\bId="{rid}"[^>]*\bTarget="([^"]+)"', rels)
        if target:
            t = target.group(1)
            sheet_part[_unescape(name)] = t.lstrip("/") if t.startswith("/") else "xl/" + t
    for defined, template in GROUP_VALUES.items():
        m = re.search(rf'<definedName name="{defined}">\'?([^\'!<]+)\'?!\$([A-Z]+)\$\d+</definedName>', workbook)
        part = sheet_part.get(_unescape(m.group(1))) if m else None
        if part not in parts:
            continue
        column = m.group(2)
        xml = parts[part].decode("utf-8")
        data_rows = {int(r) for r in re.findall(r'<c r="A(\d+)"[^>]*?(?<!/)><(?:is|v)>', xml) if int(r) > 1}

        def typed(cell: re.Match) -> str:
            row = int(cell.group(1))
            if row not in data_rows:
                return cell.group(0)
            text = template.format(row=row).replace("&", "&amp;").replace("<", "&lt;")
            style = re.search(r'\bs="\d+"', cell.group(2))
            return (f'<c r="{column}{row}"{" " + style.group(0) if style else ""} t="inlineStr">'
                    f"<is><t>{text}</t></is></c>")

        xml, n = re.subn(rf'<c r="{column}(\d+)"([^>]*?)(?:/>|>.*?</c>)', typed, xml)
        parts[part] = xml.encode("utf-8")
        filled.append(f"{defined} ({column}): {len(data_rows)} rows")
    with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in infos:
            zout.writestr(zipfile.ZipInfo(info.filename, date_time=(2023, 11, 14, 0, 0, 0)),
                          parts[info.filename], compress_type=zipfile.ZIP_DEFLATED)
    return "filled in: " + "; ".join(filled) if filled else "not filled in: no group columns found"


def _unescape(s: str) -> str:
    return s.replace("&amp;", "&").replace("&apos;", "'").replace("&quot;", '"')


# -- comparing ----------------------------------------------------------------------------


def compare(a: Path, b: Path, lines: int = 30, out=sys.stdout) -> int:
    """Print every difference between two snapshots, grouped by input and output; returns
    the number of outputs that differ."""
    files_a, files_b = _files(a), _files(b)
    for side, root in (("A", a), ("B", b)):
        meta = _read_meta(root)
        print(f"{side}: {root}  commit {meta.get('commit') or '?'}{' (dirty)' if meta.get('dirty') else ''}"
              f"  {meta.get('socinv_version', '')}  hash seed {meta.get('hash_seed', '?')}"
              f"  taken {meta.get('taken', '?')}", file=out)
    by_group: dict[str, list[str]] = {}
    differing = 0
    for path in sorted(files_a | files_b):
        run = _run_dir(path, a, b)
        group, _, name = run.rpartition("/")
        kind = name + path[len(run):]
        whole_run = f"{run}/command.txt" not in files_a or f"{run}/command.txt" not in files_b
        if whole_run:  # a run only one snapshot has (a new input, a new command): one line for it
            report = [f"  {name}: only in {'B' if path in files_b else 'A'}"] \
                if path == f"{run}/command.txt" else []
        elif path not in files_b:
            report = [f"  {kind}: only in A"]
        elif path not in files_a:
            report = [f"  {kind}: only in B"]
        else:
            text_a, text_b = (root.joinpath(path).read_text("utf-8") for root in (a, b))
            if text_a == text_b:
                continue
            if path.endswith("/exit.txt"):
                report = [f"  {kind}: exit {text_a.strip()} -> {text_b.strip()}"]
            else:
                diff = list(difflib.unified_diff(text_a.splitlines(), text_b.splitlines(),
                                                 "A/" + path, "B/" + path, n=2, lineterm=""))
                report = [f"  {kind}: differs"] + ["    " + line for line in diff[:lines]]
                if len(diff) > lines:
                    report.append(f"    ... {len(diff) - lines} more lines of diff")
        differing += 1
        if report:
            by_group.setdefault(group, []).extend(report)
    for group, report in by_group.items():
        print(f"\n{group}", file=out)
        print("\n".join(report), file=out)
    only_a, only_b = len(files_a - files_b), len(files_b - files_a)
    print(f"\n{differing} differing output file(s) in {len(by_group)} input(s) "
          f"({only_a} only in A, {only_b} only in B, {differing - only_a - only_b} changed); "
          f"{len(files_a | files_b) - differing} identical.", file=out)
    return differing


def _files(root: Path) -> set[str]:
    """Every recorded file of a snapshot but its metadata."""
    return {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()} - {META}


def _run_dir(path: str, a: Path, b: Path) -> str:
    """The command run a recorded file belongs to: the nearest folder with a command.txt."""
    parts = path.split("/")
    for i in range(len(parts) - 1, 0, -1):
        run = "/".join(parts[:i])
        if (a / run / "command.txt").is_file() or (b / run / "command.txt").is_file():
            return run
    return "/".join(parts[:-1])


def _read_meta(root: Path) -> dict:
    try:
        return json.loads((root / META).read_text("utf-8"))
    except (OSError, ValueError):
        return {}


# -- the command line ---------------------------------------------------------------------


def checkout_of(socinv: Path) -> dict:
    """The checkout a socinv executable runs: its package folder, git commit and state."""
    python = None
    try:
        first = socinv.read_text("utf-8", "replace").splitlines()[0]
        if first.startswith("#!"):
            python = shlex.split(first[2:])[0]
    except (OSError, IndexError, ValueError):
        pass
    python = python or str(socinv.parent / "python")
    info: dict = {"python_executable": python}
    with tempfile.TemporaryDirectory() as neutral:  # not a checkout: cwd must not shadow the install
        try:
            package = subprocess.run([python, "-c", "import os, socinv_docs, platform; "
                                      "print(os.path.dirname(socinv_docs.__file__)); print(platform.python_version())"],
                                     cwd=neutral, capture_output=True, text=True, timeout=60).stdout.split("\n")
            info["package_dir"], info["python_version"] = package[0], package[1]
        except (OSError, subprocess.SubprocessError, IndexError):
            return info
    git = ["git", "-C", info["package_dir"]]
    git_env = {**os.environ, "GIT_OPTIONAL_LOCKS": "0"}  # `git status` must not refresh its index
    head = subprocess.run([*git, "rev-parse", "HEAD"], capture_output=True, text=True, env=git_env)
    if head.returncode == 0:
        info["commit"] = head.stdout.strip()
        status = subprocess.run([*git, "status", "--porcelain", "--untracked-files=no"],
                                capture_output=True, text=True, env=git_env)
        info["dirty"] = bool(status.stdout.strip())
        info["checkout"] = subprocess.run([*git, "rev-parse", "--show-toplevel"], capture_output=True,
                                          text=True).stdout.strip()
    return info


def take_snapshot(out: Path, socinv: Path, corpus: Path = ROOT, only: list[str] | None = None,
                  timeout: float = 180, threads: int = 2, hash_seed: str = "0") -> dict:
    if out.exists() and any(out.iterdir()):
        raise SystemExit(f"{out} exists and is not empty: a snapshot goes into a new folder")
    out.mkdir(parents=True, exist_ok=True)
    snap = Snapshot(out, socinv, corpus, only or [], timeout, threads, hash_seed)
    began = time.monotonic()
    try:
        outcome = snap.take()
        version = subprocess.run([str(socinv), "--version"], capture_output=True, text=True, env=snap.env,
                                 cwd=snap.tmp).stdout
    finally:
        shutil.rmtree(snap.tmp, ignore_errors=True)
    corpus_head = subprocess.run(["git", "-C", str(corpus), "rev-parse", "HEAD"], capture_output=True, text=True)
    meta = {"taken": snap.started.isoformat(timespec="seconds"), "seconds": round(time.monotonic() - began, 1),
            "socinv": str(socinv), "socinv_version": version.strip(), **checkout_of(socinv),
            "corpus": str(corpus), "corpus_commit": corpus_head.stdout.strip() or None,
            "only": only or [], "hash_seed": hash_seed, "host": platform.node(), **outcome}
    _write_text(out / META, json.dumps(meta, indent=2, ensure_ascii=False) + "\n")
    return meta


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    snap = sub.add_parser("snapshot", help="record every output of socinv over the corpus into OUTDIR")
    snap.add_argument("outdir", type=Path)
    snap.add_argument("--socinv", type=Path, default=ROOT / ".venv" / "bin" / "socinv",
                      help="the socinv executable to run (default: this checkout's .venv)")
    snap.add_argument("--corpus", type=Path, default=ROOT,
                      help="the checkout whose samples/ and tests/data/ are the inputs (default: this one)")
    snap.add_argument("--only", action="append", default=[], metavar="GLOB",
                      help="only the runs whose key matches, e.g. 'check/samples/*' or 'validate/samples/json-sv'")
    snap.add_argument("--timeout", type=float, default=180, help="seconds per command (default 180)")
    snap.add_argument("--threads", type=int, default=2, help="commands run at once (default 2)")
    snap.add_argument("--hash-seed", default="0", help="PYTHONHASHSEED of the commands (default 0; "
                      "'random': a new one per process, to find output that depends on it)")
    cmp_ = sub.add_parser("compare", help="list every difference between two snapshots; exit 1 if any")
    cmp_.add_argument("a", type=Path)
    cmp_.add_argument("b", type=Path)
    cmp_.add_argument("--lines", type=int, default=30, help="lines of diff shown per output (default 30)")
    args = parser.parse_args(argv)
    if args.command == "snapshot":
        socinv = args.socinv.absolute()
        if not os.access(socinv, os.X_OK):
            parser.error(f"no socinv executable at {socinv}")
        if args.hash_seed != "random" and not args.hash_seed.isdigit():
            parser.error("--hash-seed is a number or 'random'")
        meta = take_snapshot(args.outdir, socinv, args.corpus.resolve(), args.only, args.timeout, args.threads,
                             args.hash_seed)
        print(f"{meta['commands']} commands recorded in {args.outdir} in {meta['seconds']} s "
              f"(commit {meta.get('commit') or '?'}{', dirty' if meta.get('dirty') else ''}); "
              f"timeouts: {', '.join(meta['timeouts']) or 'none'}")
        return 0
    for root in (args.a, args.b):
        if not (root / META).is_file():
            parser.error(f"{root} is not a snapshot (no {META})")
    return 1 if compare(args.a, args.b, args.lines) else 0


if __name__ == "__main__":
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # `compare A B | head` ends quietly
    sys.exit(main())

"""Trust: nothing lost, nothing overwritten, no traceback (issue 10), and what the command
line says (issue 11).

Outputs never replace an input; odd names (not UTF-8, with a newline or an escape) are
shown safely; every entry of a folder that is not checked gets a line; a failing disk,
Ctrl-C and kill -9 leave nothing behind; two runs on one register take turns.

Processes are real where the behaviour is about processes (signals, kill -9, a file size
limit): the command runs in a subprocess with a slow check patched in by a small script.
Assertions are on exit codes, reason keys, files and data, never on message wording.
"""

from __future__ import annotations

import base64
import errno
import gc
import io
import json
import os
import random
import resource
import shutil
import signal
import stat
import subprocess
import sys
import threading
import time
import zipfile
from pathlib import Path
from urllib.parse import unquote_to_bytes

import openpyxl
import pytest
from conftest import OFFICIAL
from test_validate import filled_forslag, filled_ideprovning

from socinv_docs import messages
from socinv_docs import validate as V
from socinv_docs.atomic import Busy, exclusive, lock_path
from socinv_docs.names import printable
from socinv_docs.render.register.sheets.submissions import SHEET as ANS


def run_cli(*args: object):
    from click.testing import CliRunner

    from socinv_docs.cli import main

    result = CliRunner().invoke(main, [os.fspath(a) if isinstance(a, Path) else str(a) for a in args],
                                catch_exceptions=True)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result


def leftovers(*folders: Path) -> list[str]:
    """Temporary or lock files a run left behind."""
    return sorted(p.name for d in folders if d.is_dir() for p in d.iterdir()
                  if p.name.endswith((".tmp", ".socinv-lock")))


# -- 1. outputs never replace an input ------------------------------------------------------


@pytest.fixture
def inbox(tmp_path) -> Path:
    folder = tmp_path / "inkomna"
    folder.mkdir()
    filled_ideprovning(folder / "ideprovning.docx")
    filled_forslag(folder / "forslag.xlsx")
    return folder


def test_memo_never_replaces_a_file_in_an_input_folder(inbox):
    victim = inbox / "ideprovning.docx"
    before = victim.read_bytes()
    result = run_cli("memo", inbox, "-o", victim)
    assert result.exit_code == 2
    assert victim.read_bytes() == before
    assert leftovers(inbox) == []


def test_memo_never_replaces_an_input_file_or_the_template(inbox, tmp_path):
    source = inbox / "ideprovning.docx"
    before = source.read_bytes()
    assert run_cli("memo", source, "-o", source).exit_code == 2
    assert source.read_bytes() == before
    template = tmp_path / "mall.docx"
    shutil.copy(Path(__file__).parent.parent / "templates" / "memo.docx", template)
    kept = template.read_bytes()
    assert run_cli("memo", inbox, "--template", template, "-o", template).exit_code == 2
    assert template.read_bytes() == kept


def test_memo_may_write_a_new_file_into_an_input_folder_and_replace_its_own(inbox):
    memo = inbox / "underlag.docx"
    assert run_cli("memo", inbox, "-o", memo).exit_code == 0
    first = memo.read_bytes()
    assert run_cli("memo", inbox, "-o", memo, "--meeting", "Möte 2").exit_code == 0  # an earlier memo: replaced
    assert memo.read_bytes() != first


def test_annotate_never_replaces_another_file(inbox, tmp_path):
    other = inbox / "forslag.xlsx"
    before = other.read_bytes()
    draft = tmp_path / "utkast.xlsx"
    shutil.copy(OFFICIAL / "forslag.xlsx", draft)
    assert run_cli("check", draft, "--annotate", other).exit_code == 2
    assert other.read_bytes() == before
    shutil.copy(OFFICIAL / "forslag.xlsx", tmp_path / "forslag.xlsx")
    assert run_cli("check", tmp_path / "forslag.xlsx", "--annotate-dir", inbox).exit_code == 2
    assert other.read_bytes() == before


@pytest.mark.parametrize("template", ["ideprovning.docx", "forslag.xlsx"])
def test_annotate_replaces_its_own_earlier_copy(tmp_path, template):
    draft = tmp_path / template
    shutil.copy(OFFICIAL / template, draft)
    copy = tmp_path / ("granskad" + draft.suffix)
    assert run_cli("check", draft, "--annotate", copy).exit_code == 1
    first = copy.read_bytes()
    assert run_cli("check", draft, "--annotate", copy, "--lang", "en").exit_code == 1
    assert copy.read_bytes() != first


# Only what is provably the tool's own annotated copy, of the same kind of file, may be
# replaced by --annotate (issue 24): the proof is the copy's custom document property; copies
# of earlier versions are recognised by their summary comment or review sheet.

def _without_mark(path: Path) -> Path:
    """The copy as an earlier version wrote it: no custom properties naming it ours."""
    import re
    import zipfile

    with zipfile.ZipFile(path) as z:
        parts = {i.filename: z.read(i) for i in z.infolist() if i.filename != "docProps/custom.xml"}
    parts["_rels/.rels"] = re.sub(rb'<Relationship [^>]*Target="docProps/custom.xml"/>', b"", parts["_rels/.rels"])
    parts["[Content_Types].xml"] = re.sub(rb'<Override PartName="/docProps/custom.xml"[^>]*/>', b"",
                                          parts["[Content_Types].xml"])
    old = path.with_name("tidigare-" + path.name)
    with zipfile.ZipFile(old, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return old


def _docx_with_a_comment_by(path: Path, author: str) -> Path:
    import docx

    d = docx.Document()
    p = d.add_paragraph("Vår egen anteckning")
    d.add_comment(p.runs, text="Kolla detta innan socinv-docs körs", author=author)
    d.save(str(path))
    return path


def test_annotate_never_replaces_the_register(inbox, tmp_path):
    """The register has a column named "socinv-docs: radens nyckel": it was taken for an
    annotated copy and replaced, with all the group's notes."""
    register = tmp_path / "register.xlsx"
    assert run_cli("validate", inbox, "--register", register).exit_code in (0, 1)
    before = register.read_bytes()
    assert run_cli("check", inbox / "forslag.xlsx", "--annotate", register).exit_code == 2
    assert register.read_bytes() == before


@pytest.mark.parametrize("made", ["typed_in_a_cell", "memo", "comment_by_our_name"])
def test_annotate_never_replaces_a_file_that_only_mentions_socinv_docs(inbox, tmp_path, made):
    if made == "typed_in_a_cell":
        wb = openpyxl.Workbook()
        wb.active["A1"] = "socinv-docs"
        wb.active["A5"] = "Granskning av forslag.xlsx (socinv-docs)"
        target = tmp_path / "anteckningar.xlsx"
        wb.save(target)
        source = inbox / "forslag.xlsx"
    elif made == "memo":
        target = tmp_path / "underlag.docx"
        assert run_cli("memo", inbox, "-o", target).exit_code == 0
        source = inbox / "ideprovning.docx"
    else:  # a comment whose author someone named socinv-docs, but no summary comment of ours
        target = _docx_with_a_comment_by(tmp_path / "egen.docx", "socinv-docs")
        source = inbox / "ideprovning.docx"
    before = target.read_bytes()
    assert run_cli("check", source, "--annotate", target).exit_code == 2
    assert target.read_bytes() == before


@pytest.mark.parametrize("template", ["ideprovning.docx", "forslag.xlsx"])
def test_annotate_replaces_a_copy_of_an_earlier_version(tmp_path, template):
    draft = tmp_path / template
    shutil.copy(OFFICIAL / template, draft)
    copy = tmp_path / ("granskad" + draft.suffix)
    assert run_cli("check", draft, "--annotate", copy).exit_code == 1
    earlier = _without_mark(copy)
    before = earlier.read_bytes()
    assert run_cli("check", draft, "--annotate", earlier).exit_code == 1
    assert earlier.read_bytes() != before


def test_annotate_never_replaces_a_copy_of_another_kind(tmp_path):
    """A Word copy under an .xlsx name is our copy, but not of a workbook: refused."""
    from socinv_docs.readers.annotated_copy import annotated_copy_kind_of

    word = tmp_path / "ideprovning.docx"
    shutil.copy(OFFICIAL / "ideprovning.docx", word)
    copy = tmp_path / "granskad.docx"
    assert run_cli("check", word, "--annotate", copy).exit_code == 1
    assert annotated_copy_kind_of(copy) == "docx"
    target = tmp_path / "granskad.xlsx"
    copy.rename(target)
    before = target.read_bytes()
    assert run_cli("check", OFFICIAL / "forslag.xlsx", "--annotate", target).exit_code == 2
    assert target.read_bytes() == before


def test_copies_saved_by_libreoffice_are_still_ours(tmp_path, soffice):
    """The proof survives LibreOffice opening and saving the copy (it keeps custom document
    properties): the saved copy is still recognised, and replaced by a re-run."""
    from test_annotate_excel import _convert

    from socinv_docs.readers.annotated_copy import annotated_copy_kind_of

    saved = tmp_path / "sparad"
    for template in ("ideprovning.docx", "forslag.xlsx"):
        draft = tmp_path / template
        shutil.copy(OFFICIAL / template, draft)
        copy = tmp_path / ("granskad" + draft.suffix)
        assert run_cli("check", draft, "--annotate", copy).exit_code == 1
        _convert([copy], draft.suffix[1:], saved, tmp_path / "lo-profile")
        resaved = saved / copy.name
        assert resaved.exists() and resaved.read_bytes() != copy.read_bytes()
        assert annotated_copy_kind_of(resaved) == draft.suffix[1:]
        before = resaved.read_bytes()
        assert run_cli("check", draft, "--annotate", resaved).exit_code == 1
        assert resaved.read_bytes() != before


def test_register_never_replaces_a_document_in_the_folder(inbox):
    # An applicant's workbook that happens to have a sheet named like the register's.
    wb = openpyxl.Workbook()
    wb.active.title = "Ansökningar"
    wb.active["A1"] = "Inskick"
    victim = inbox / "budget.xlsx"
    wb.save(victim)
    before = victim.read_bytes()
    result = run_cli("validate", inbox, "--register", victim, "--jobs", "1")
    assert result.exit_code == 2
    assert victim.read_bytes() == before
    # The tool's own register in the folder is skipped there and may be updated.
    victim.unlink()
    register = inbox / "register.xlsx"
    assert run_cli("validate", inbox, "--register", register, "--jobs", "1").exit_code == 0
    assert run_cli("validate", inbox, "--register", register, "--jobs", "1").exit_code == 0


# -- 2. names that are not UTF-8 ------------------------------------------------------------

LATIN1 = os.fsdecode(b"ans\xf6kan.docx")


@pytest.fixture
def latin1_inbox(tmp_path) -> Path:
    folder = tmp_path / "inkomna"
    folder.mkdir()
    try:
        filled_ideprovning(folder / LATIN1)
    except (OSError, UnicodeEncodeError) as exc:  # macOS (APFS) refuses such names outright
        pytest.skip(f"this file system does not take a name that is not UTF-8: {exc}")
    return folder


def test_non_utf8_name_in_validate_json_and_register(latin1_inbox, tmp_path):
    shown = printable(LATIN1)
    assert "\ufffd" in shown
    register = tmp_path / "register.xlsx"
    result = run_cli("validate", latin1_inbox, "--register", register, "--format", "json", "--jobs", "1")
    assert result.exit_code == 0
    (sub,) = json.loads(result.stdout)["submissions"]
    assert sub["submission"] == shown and sub["status"] == "complete"
    assert openpyxl.load_workbook(register)["Ansökningar"]["A2"].value == shown


@pytest.mark.parametrize("suffix", [".html", ".md", ".docx"])
def test_non_utf8_name_in_memos(latin1_inbox, tmp_path, suffix):
    memo = tmp_path / f"underlag{suffix}"
    assert run_cli("memo", latin1_inbox, "-o", memo).exit_code == 0
    assert memo.stat().st_size > 0


def test_non_utf8_name_in_check_and_annotate(latin1_inbox, tmp_path):
    out = tmp_path / "granskade"
    result = run_cli("check", latin1_inbox / LATIN1, "--annotate-dir", out, "--format", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["file"].endswith(printable(LATIN1))
    assert (out / LATIN1).stat().st_size > 0


# -- 3. links, loops, FIFOs, devices, unreadable folders -----------------------------------


@pytest.fixture
def odd_folder(tmp_path) -> Path:
    """A folder with every kind of entry that is not a plain file, beside one real submission."""
    root = tmp_path / "inkomna"
    root.mkdir()
    filled_forslag(root / "forslag.xlsx")
    outside = tmp_path / "utanfor"
    outside.mkdir()
    filled_forslag(outside / "annan.xlsx")
    (root / "loop-a").symlink_to("loop-b")
    (root / "loop-b").symlink_to("loop-a")
    (root / "sig-själv").symlink_to("sig-själv")
    (root / "utanfor.xlsx").symlink_to(outside / "annan.xlsx")
    (root / "utanfor-mapp").symlink_to(outside)
    (root / "inuti.xlsx").symlink_to("forslag.xlsx")  # stays inside: followed
    (root / "dinglar.docx").symlink_to("finns-inte.docx")
    os.mkfifo(root / "ror.docx")
    sub = root / "Läxhjälp"
    sub.mkdir()
    shutil.copy(OFFICIAL / "ideprovning.docx", sub / "ideprovning.docx")
    (sub / "upp").symlink_to("..")  # a folder link back to where it sits
    os.mkfifo(sub / "ror.xlsx")
    return root


ODD_REASONS = {
    "loop-a": "skipped.link_loop",
    "loop-b": "skipped.link_loop",
    "sig-själv": "skipped.link_loop",
    "utanfor.xlsx": "skipped.link_outside",
    "utanfor-mapp": "skipped.link_outside",
    "dinglar.docx": "skipped.link_broken",
    "ror.docx": "skipped.not_regular",
    "Läxhjälp/upp": "skipped.link_loop",
    "Läxhjälp/ror.xlsx": "skipped.not_regular",
}


def test_scan_reports_every_entry_it_does_not_check(odd_folder):
    found = V.scan(odd_folder)
    assert {e.path: e.reason for e in found.skipped} == ODD_REASONS
    assert [s.name for s in found.submissions] == ["forslag.xlsx", "inuti.xlsx", "Läxhjälp"]
    assert [d for _, d in found.submissions[2].files] == ["Läxhjälp/ideprovning.docx"]


def test_follow_links_reads_outside_the_folder_when_asked(odd_folder):
    found = V.scan(odd_folder, follow_links=True)
    reasons = {e.path: e.reason for e in found.skipped}
    assert "utanfor.xlsx" not in reasons and "utanfor-mapp" not in reasons
    names = [s.name for s in found.submissions]
    assert "utanfor.xlsx" in names and "utanfor-mapp" in names
    assert reasons["loop-a"] == "skipped.link_loop"  # a loop is never followed


def test_validate_and_memo_on_the_odd_folder(odd_folder, tmp_path):
    result = run_cli("validate", odd_folder, "--format", "json", "--jobs", "2")
    assert result.exit_code == 2  # entries were not checked: the run is not complete
    data = json.loads(result.stdout)
    assert {e["path"]: e["reason"] for e in data["skipped"]} == ODD_REASONS
    assert data["stats"]["skipped"] == len(ODD_REASONS)
    assert {s["submission"]: s["status"] for s in data["submissions"]} == {
        "forslag.xlsx": "complete", "inuti.xlsx": "complete", "Läxhjälp": "incomplete"}
    text = run_cli("validate", odd_folder, "--jobs", "2")
    lines = text.stdout.splitlines()
    assert len(lines) == len(ODD_REASONS) + 3 + 2  # a line per entry not checked and per submission
    memo = tmp_path / "underlag.md"
    assert run_cli("memo", odd_folder, "-o", memo).exit_code == 0


def test_unreadable_subfolder_and_device_are_reported(tmp_path, monkeypatch):
    root = tmp_path / "inkomna"
    root.mkdir()
    locked = root / "Låst"
    locked.mkdir()
    shutil.copy(OFFICIAL / "ideprovning.docx", locked / "ideprovning.docx")
    if os.geteuid() != 0:
        locked.chmod(0)
    else:  # root reads any folder: make listing this one fail as it would for anyone else
        real = os.scandir

        def scandir(path="."):
            if Path(path) == locked:
                raise PermissionError(errno.EACCES, "Permission denied", str(path))
            return real(path)

        monkeypatch.setattr(V.os, "scandir", scandir)
    try:
        os.mknod(root / "enhet.docx", 0o600 | stat.S_IFCHR, os.makedev(1, 3))
        device = "enhet.docx"
    except (PermissionError, OSError):  # no CAP_MKNOD here: a link to a device, followed on request
        (root / "null.docx").symlink_to(os.devnull)
        device = "null.docx"
    try:
        found = V.scan(root, follow_links=True)
    finally:
        locked.chmod(0o755)
    reasons = {e.path: (e.reason, e.error) for e in found.skipped}
    assert reasons == {"Låst": ("skipped.unreadable", "EACCES"), device: ("skipped.not_regular", "")}
    assert found.submissions == []


# -- 4. a full disk or a file size limit --------------------------------------------------

SOCINV = "import sys; from socinv_docs.cli import main; sys.argv[0] = 'socinv'; main()"


def run_limited(args: list, cwd: Path, max_bytes: int) -> subprocess.CompletedProcess:
    """`socinv ARGS` with files limited to max_bytes (ulimit -f): writing past it fails with
    EFBIG (Python ignores SIGXFSZ). Works as root too, unlike a read-only folder."""
    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (max_bytes, max_bytes))

    return subprocess.run([sys.executable, "-c", SOCINV, *map(str, args)], cwd=cwd, preexec_fn=limit,
                          capture_output=True, text=True, timeout=60)


def one_line_no_traceback(stderr: str) -> None:
    assert "Traceback" not in stderr and "Exception ignored" not in stderr
    assert len(stderr.strip().splitlines()) == 1


def test_register_beyond_the_file_size_limit(inbox, tmp_path):
    register = tmp_path / "register.xlsx"
    result = run_limited(["validate", inbox, "--register", register, "--jobs", "1"], tmp_path, 4096)
    assert result.returncode == 2
    one_line_no_traceback(result.stderr)
    assert not register.exists()
    assert leftovers(tmp_path) == []


def test_register_on_a_full_disk_keeps_the_old_one(inbox, tmp_path, monkeypatch):
    register = tmp_path / "register.xlsx"
    assert run_cli("validate", inbox, "--register", register, "--jobs", "1").exit_code == 0
    before = register.read_bytes()

    def full(self, filename):  # half a file, then the disk is full
        Path(filename).write_bytes(b"PK\x03\x04 half")
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(openpyxl.Workbook, "save", full)
    result = run_cli("validate", inbox, "--register", register, "--jobs", "1")
    assert result.exit_code == 2
    assert messages.os_error(OSError(errno.ENOSPC, "x"), "sv") in result.stderr  # in Swedish, not the OS's
    assert register.read_bytes() == before
    assert leftovers(tmp_path) == []


class FullDisk(io.FileIO):
    """A file on a disk with `room` bytes left: a write that does not fit fails with
    ENOSPC, and so does every write after it (the disk stays full)."""

    def __init__(self, path, room: int) -> None:
        super().__init__(path, "w+")
        self.room = room

    def write(self, data) -> int:
        if len(data) > self.room:
            self.room = 0
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        self.room -= len(data)
        return super().write(data)


def test_register_on_a_disk_that_fills_while_zipping(inbox, tmp_path, monkeypatch):
    """The disk fills up inside zipfile, in the middle of a large sheet (the group's notes):
    the member's write fails, then zipfile's own close of the member fails again. Still one
    line; the half-written archive is let go before that line, never after it by its
    finaliser ("Exception ignored in: ZipFile.__del__")."""
    import openpyxl.writer.excel

    register = tmp_path / "register.xlsx"
    assert run_cli("validate", inbox, "--register", register, "--jobs", "1").exit_code == 0
    wb = openpyxl.load_workbook(register)
    notes = wb.create_sheet("Anteckningar")
    noise = random.Random(24)
    for row in range(1, 101):  # text that does not compress: zipfile writes it out as it goes
        notes.cell(row, 1, base64.b64encode(noise.randbytes(1500)).decode())
    wb.save(register)
    before = register.read_bytes()
    real = openpyxl.writer.excel.ZipFile
    monkeypatch.setattr(openpyxl.writer.excel, "ZipFile",
                        lambda file, *args, **kwargs: real(FullDisk(file, room=len(before) // 2), *args, **kwargs))
    unraisable = []
    monkeypatch.setattr(sys, "unraisablehook", unraisable.append)
    result = run_cli("validate", inbox, "--register", register, "--jobs", "1")
    code, stderr = result.exit_code, result.stderr
    del result  # it holds the error, as the process does until it ends
    gc.collect()
    assert unraisable == []
    assert code == 2
    assert messages.os_error(OSError(errno.ENOSPC, "x"), "sv") in stderr
    assert len(stderr.strip().splitlines()) == 1
    assert register.read_bytes() == before and leftovers(tmp_path) == []


def test_a_failed_writer_is_let_go_with_its_whole_chain(tmp_path, monkeypatch):
    """atomic.write_with, for every writer (register, memo, annotated copy): an archive
    referenced only from the error a failing write was raised during is closed there."""
    from socinv_docs.atomic import write_with

    def writer(tmp: Path) -> None:
        archive = zipfile.ZipFile(FullDisk(tmp, room=1_000), "w")
        archive.writestr("xl/worksheets/sheet1.xml", b"<row/>" * 1_000)  # fails, and so does its close

    unraisable = []
    monkeypatch.setattr(sys, "unraisablehook", unraisable.append)
    try:
        write_with(tmp_path / "out.xlsx", writer)
    except OSError as exc:
        assert exc.errno == errno.ENOSPC and isinstance(exc.__context__, OSError)
    gc.collect()
    assert unraisable == []
    assert list(tmp_path.iterdir()) == []


def test_memo_beyond_the_file_size_limit(inbox, tmp_path):
    memo = tmp_path / "underlag.docx"
    result = run_limited(["memo", inbox, "-o", memo], tmp_path, 4096)
    assert result.returncode == 2
    one_line_no_traceback(result.stderr)
    assert not memo.exists() and leftovers(tmp_path) == []


def test_templates_export_that_fails_leaves_nothing_it_made(tmp_path):
    """The folders it made are removed again; the line names the template being written
    (the target), not its source inside the installed package."""
    from socinv_docs.render.memo import templates_dir

    target = tmp_path / "mallar" / "2026"
    result = run_limited(["templates", "export", target], tmp_path, 4096)
    assert result.returncode == 2
    one_line_no_traceback(result.stderr)
    assert printable(target / "memo.docx") in result.stderr
    assert str(templates_dir()) not in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_templates_export_that_fails_keeps_what_was_there(tmp_path):
    """Into a folder that holds the secretary's own memo.docx: the templates written before
    the one that did not fit (memo.html.j2, memo.md.j2) are removed again, hers is untouched."""
    target = tmp_path / "mallar"
    target.mkdir()
    (target / "memo.docx").write_bytes(b"her own template")
    result = run_limited(["templates", "export", target], tmp_path, 16 * 1024)  # the .j2 fit, memo-en.docx not
    assert result.returncode == 2
    one_line_no_traceback(result.stderr)
    assert printable(target / "memo-en.docx") in result.stderr
    assert [p.name for p in target.iterdir()] == ["memo.docx"]
    assert (target / "memo.docx").read_bytes() == b"her own template"


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into a read-only folder; the file size limit "
                                              "test above covers the failure path")
def test_templates_into_a_read_only_folder(tmp_path):
    target = tmp_path / "mallar"
    target.mkdir()
    target.chmod(0o555)
    try:
        result = run_cli("templates", "export", target)
    finally:
        target.chmod(0o755)
    assert result.exit_code == 2
    assert list(target.iterdir()) == []


# -- 5 and 6. Ctrl-C and kill -9 ----------------------------------------------------------

# `socinv` with a slow check patched in: each file announces its process in MARKS, then
# sleeps, so a test can act while files are being checked.
SLOW = """
import os, sys, time
from pathlib import Path
marks = Path(os.environ["MARKS"])
def slow(*args, **kwargs):
    (marks / f"pid-{os.getpid()}").write_text("")
    time.sleep(60)
import socinv_docs.pipeline, socinv_docs.validate as V
if not os.environ.get("SLOW_SAVE") and not os.environ.get("SLOW_WRITE"):
    socinv_docs.pipeline.check_document = slow  # check (in the main process)
    V.check_file = slow  # validate and memo (in the workers)
if os.environ.get("NO_PRCTL"):
    V._set_parent_death_signal = lambda: False
    V.PARENT_POLL_SECONDS = 0.1
if os.environ.get("SLOW_SAVE"):  # the register: half written, then slow
    import openpyxl
    def save(self, filename):
        Path(filename).write_bytes(b"PK half a register")
        (marks / "saving").write_text("")
        time.sleep(60)
    openpyxl.Workbook.save = save
if os.environ.get("SLOW_WRITE"):  # a memo: its temporary file half written, then slow
    write_bytes = Path.write_bytes
    def slow_write(self, data):
        if self.name.startswith(".") and self.name.endswith(".tmp"):
            write_bytes(self, data[: len(data) // 2])
            (marks / "saving").write_text("")
            time.sleep(60)
        return write_bytes(self, data)
    Path.write_bytes = slow_write
from socinv_docs.cli import main
sys.argv[0] = "socinv"
main()
"""


def start_slow(args: list, marks: Path, **env) -> subprocess.Popen:
    marks.mkdir(exist_ok=True)
    return subprocess.Popen([sys.executable, "-c", SLOW, *map(str, args)], env={**os.environ, "MARKS": str(marks),
                            **env}, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)


def wait_for(marks: Path, count: int, name: str = "pid-") -> list[int]:
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        found = [p.name for p in marks.iterdir() if p.name.startswith(name)]
        if len(found) >= count:
            return [int(n.split("-")[1]) for n in found if n.startswith("pid-")]
        time.sleep(0.05)
    raise AssertionError(f"the command never got to {name!r}")


def gone(pid: int) -> bool:
    """The process has ended (a zombie nobody reaped yet counts as ended)."""
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] == "Z"
    except FileNotFoundError:
        return True
    except OSError:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        return False


def all_gone(pids: list[int], within: float) -> bool:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        if all(gone(p) for p in pids):
            return True
        time.sleep(0.05)
    return all(gone(p) for p in pids)


@pytest.fixture
def reaper():
    """Processes a test started: any still alive at the end (a failing test) are killed, so
    that a regression never leaves workers behind on the machine."""
    started: list[int] = []
    yield started
    for pid in started:
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as fh:
                ours = b"MARKS" in fh.read()
        except OSError:
            ours = not gone(pid)
        if ours and not gone(pid):
            os.kill(pid, signal.SIGKILL)


# How a run is stopped, and the exit code that says so (128 + the signal, the shell's way):
# Ctrl-C reaches the whole process group, as a terminal sends it; SIGTERM the run alone, as
# `kill PID`, a scheduler or a service manager sends it.
STOPS = {"ctrl-c": (signal.SIGINT, True, 130), "sigterm": (signal.SIGTERM, False, 143)}


def stop(proc: subprocess.Popen, how: str) -> tuple[int, str]:
    signum, group, expected = STOPS[how]
    if group:
        os.killpg(proc.pid, signum)
    else:
        os.kill(proc.pid, signum)
    _, err = proc.communicate(timeout=20)
    assert proc.returncode == expected, err.decode()
    return proc.returncode, err.decode()


@pytest.fixture
def two_files(tmp_path) -> Path:
    folder = tmp_path / "inkomna"
    folder.mkdir()
    for name in ("a.xlsx", "b.xlsx", "c.xlsx"):
        shutil.copy(OFFICIAL / "forslag.xlsx", folder / name)
    return folder


@pytest.mark.parametrize("how", STOPS)
def test_stopped_in_validate_with_workers_running(two_files, tmp_path, reaper, how):
    register = tmp_path / "register.xlsx"
    proc = start_slow(["validate", two_files, "--register", register, "--jobs", "2"], tmp_path / "marks")
    reaper.append(proc.pid)
    workers = wait_for(tmp_path / "marks", 2)
    reaper += workers
    _, err = stop(proc, how)
    assert "Traceback" not in err
    assert all_gone(workers, 5)
    assert not register.exists() and leftovers(tmp_path, two_files) == []


@pytest.mark.parametrize("how", STOPS)
def test_stopped_while_the_register_is_saved(two_files, tmp_path, reaper, how):
    register = tmp_path / "register.xlsx"
    assert run_cli("validate", two_files, "--register", register, "--jobs", "1").exit_code == 1
    before = register.read_bytes()
    shutil.copy(OFFICIAL / "forslag.xlsx", two_files / "d.xlsx")
    marks = tmp_path / "marks"
    proc = start_slow(["validate", two_files, "--register", register, "--jobs", "1"], marks, SLOW_SAVE="1")
    reaper.append(proc.pid)
    wait_for(marks, 1, "saving")
    assert leftovers(tmp_path) != []  # caught in the act: its temporary file and the lock are there
    _, err = stop(proc, how)
    assert "Traceback" not in err
    assert register.read_bytes() == before  # no half register
    assert leftovers(tmp_path) == []  # neither its temporary file nor the lock


@pytest.mark.parametrize("how", STOPS)
def test_stopped_while_the_memo_is_written(tmp_path, reaper, how):
    folder = tmp_path / "inkomna"
    folder.mkdir()
    shutil.copy(OFFICIAL / "forslag.xlsx", folder / "a.xlsx")
    memo = tmp_path / "underlag.md"
    marks = tmp_path / "marks"
    proc = start_slow(["memo", folder, "-o", memo, "--jobs", "1"], marks, SLOW_WRITE="1")
    reaper.append(proc.pid)
    wait_for(marks, 1, "saving")
    assert leftovers(tmp_path) != []
    _, err = stop(proc, how)
    assert "Traceback" not in err
    assert not memo.exists() and leftovers(tmp_path) == []


@pytest.mark.parametrize("how", STOPS)
def test_stopped_in_check_and_memo(tmp_path, reaper, how):
    draft = tmp_path / "utkast.xlsx"
    shutil.copy(OFFICIAL / "forslag.xlsx", draft)
    proc = start_slow(["check", draft, "--annotate-dir", tmp_path / "kopior"], tmp_path / "marks")
    reaper.append(proc.pid)
    wait_for(tmp_path / "marks", 1)
    _, err = stop(proc, how)
    assert "Traceback" not in err
    assert not (tmp_path / "kopior").exists()
    folder = tmp_path / "inkomna"
    folder.mkdir()
    shutil.copy(draft, folder / "a.xlsx")
    memo = tmp_path / "underlag.docx"
    proc = start_slow(["memo", folder, "-o", memo, "--jobs", "1"], tmp_path / "marks2")
    reaper.append(proc.pid)
    workers = wait_for(tmp_path / "marks2", 1)
    reaper += workers
    _, err = stop(proc, how)
    assert "Traceback" not in err
    assert all_gone(workers, 5)
    assert not memo.exists() and leftovers(tmp_path) == []


@pytest.mark.parametrize("no_prctl", ["", "1"], ids=["prctl", "watcher-thread"])
def test_workers_die_with_their_parent(two_files, tmp_path, no_prctl, reaper):
    proc = start_slow(["validate", two_files, "--jobs", "2"], tmp_path / "marks", NO_PRCTL=no_prctl)
    workers = wait_for(tmp_path / "marks", 2)
    reaper += workers
    assert proc.pid not in workers
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=10)
    assert all_gone(workers, 3)
    # Nobody holds the caller's pipe any more: reading it ends.
    reader = threading.Thread(target=proc.stdout.read, daemon=True)
    reader.start()
    reader.join(timeout=3)
    assert not reader.is_alive()
    proc.stdout.close()
    proc.stderr.close()


# -- 7. names that would forge a line ------------------------------------------------------

FORGING = ["ny\nKOMPLETT         falsk.xlsx", "\x1b[2J\x1b[Hrensad.xlsx", "retur\rKOMPLETT.xlsx"]


@pytest.fixture
def forging_folder(tmp_path) -> Path:
    folder = tmp_path / "inkomna"
    folder.mkdir()
    for name in FORGING:
        shutil.copy(OFFICIAL / "forslag.xlsx", folder / name)
    return folder


def test_validate_lines_cannot_be_forged(forging_folder):
    result = run_cli("validate", forging_folder, "--jobs", "2")
    assert result.exit_code == 1
    out = result.stdout
    assert "\x1b" not in out and "\r" not in out
    lines = out.splitlines()
    assert len(lines) == len(FORGING) + 2  # one per submission, a blank line, the summary
    incomplete = messages.text("ui.status.incomplete", "sv")
    assert all(line.startswith(incomplete) for line in lines[:len(FORGING)])
    assert sorted(printable(n) in out for n in FORGING) == [True] * len(FORGING)


def test_check_header_cannot_be_forged(forging_folder):
    path = forging_folder / FORGING[0]
    result = run_cli("check", path)
    first = result.stdout.splitlines()[0]
    assert printable(path) in first
    assert messages.text("ui.status.incomplete", "sv") in first


@pytest.fixture
def odd_names_folder(forging_folder) -> Path:
    """The forging names, a name that is not UTF-8, and a sub-folder whose name and files
    hold control characters: each file a blank förslag (findings, so Brister links it)."""
    try:
        shutil.copy(OFFICIAL / "forslag.xlsx", forging_folder / os.fsdecode(b"\xf6vrigt.xlsx"))
    except (OSError, UnicodeEncodeError) as exc:
        pytest.skip(f"this file system does not take a name that is not UTF-8: {exc}")
    sub = forging_folder / "mapp\x1b[31m\nrad"
    sub.mkdir()
    for name in ("a\tb.xlsx", "c#d%20e.xlsx"):
        shutil.copy(OFFICIAL / "forslag.xlsx", sub / name)
    return forging_folder


def register_links(register: Path) -> set[Path]:
    """Every file a link in the register leads to, resolved as Excel does: relative to the
    register, percent-decoded to the bytes of the name."""
    wb = openpyxl.load_workbook(register)
    targets = {c.hyperlink.target for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.hyperlink}
    return {register.parent / os.fsdecode(unquote_to_bytes(t)) for t in targets}


def test_register_links_lead_to_the_files_by_their_real_names(odd_names_folder, tmp_path):
    """Names are shown escaped (\\n, \\x1b, the replacement character); a link must still
    lead to the file itself, never to an escaped name no file has."""
    register = tmp_path / "register.xlsx"
    assert run_cli("validate", odd_names_folder, "--register", register, "--jobs", "1").exit_code == 1
    files = {p for p in odd_names_folder.rglob("*") if p.is_file()}
    assert len(files) == len(FORGING) + 3
    assert register_links(register) == files


def test_register_sees_a_change_in_a_file_with_an_odd_name(forging_folder, tmp_path):
    """"Ny / ändrad" compares the file's content by its real name, as the links do."""
    register = tmp_path / "register.xlsx"
    assert run_cli("validate", forging_folder, "--register", register, "--jobs", "1").exit_code == 1
    changed = forging_folder / FORGING[0]
    wb = openpyxl.load_workbook(changed)
    wb.properties.title = "sparad igen"  # another content, the same findings
    wb.save(changed)
    assert run_cli("validate", forging_folder, "--register", register, "--jobs", "1").exit_code == 1
    ws = openpyxl.load_workbook(register)["Ansökningar"]
    head = [c.value for c in ws[1]]
    key, column = head.index(ANS.header("submission", "sv")), head.index(ANS.header("changed", "sv"))
    changes = {row[key].value: row[column].value and row[column].value.casefold() for row in ws.iter_rows(min_row=2)}
    shown = printable(changed.name)
    assert changes == {**{printable(n): None for n in FORGING},
                       shown: ANS.text("register.change.file_changed", file=shown).casefold()}


def test_printable():
    assert printable("a\nb\x1b[0m\u202ec\td") == "a\\nb\\x1b[0m\\u202ec\\td"
    assert printable(os.fsdecode(b"\xe5\xe4\xf6.docx")) == "\ufffd\ufffd\ufffd.docx"
    assert printable("Läxhjälp i Örebro – 2026.docx") == "Läxhjälp i Örebro – 2026.docx"


# -- 8. one register, two runs -------------------------------------------------------------


def test_exclusive_lock_is_held_released_and_removed(tmp_path):
    target = tmp_path / "register.xlsx"
    with exclusive(target):
        assert lock_path(target).exists()
        with pytest.raises(Busy):
            with exclusive(target, wait=0.2):
                pass
    assert not lock_path(target).exists()
    with exclusive(target, wait=0):
        pass


def test_exclusive_lets_runs_take_turns(tmp_path):
    target = tmp_path / "register.xlsx"
    inside = []
    most = []

    def run() -> None:
        with exclusive(target, wait=10):
            inside.append(1)
            most.append(len(inside))
            time.sleep(0.05)
            inside.pop()

    threads = [threading.Thread(target=run) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(most) == 6 and max(most) == 1


def test_exclusive_after_a_crash_is_free(tmp_path):
    target = tmp_path / "register.xlsx"
    holder = subprocess.Popen([sys.executable, "-c", (
        "import sys, time; from socinv_docs.atomic import exclusive\n"
        f"with exclusive({str(target)!r}):\n    print('held', flush=True); time.sleep(60)")],
        stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "held"
    with pytest.raises(Busy):
        with exclusive(target, wait=0.1):
            pass
    holder.kill()
    holder.wait()
    holder.stdout.close()
    with exclusive(target, wait=0):  # the kernel let go with the process: no stale lock
        pass


def test_validate_waits_for_another_run_then_gives_up(inbox, tmp_path, monkeypatch):
    from socinv_docs import service

    monkeypatch.setattr(service, "REGISTER_WAIT_SECONDS", 0.2)
    register = tmp_path / "register.xlsx"
    assert run_cli("validate", inbox, "--register", register, "--jobs", "1").exit_code == 0
    before = register.read_bytes()
    with exclusive(register):  # another run is merging right now
        result = run_cli("validate", inbox, "--register", register, "--jobs", "1")
    assert result.exit_code == 2
    assert register.read_bytes() == before
    assert run_cli("validate", inbox, "--register", register, "--jobs", "1").exit_code == 0


# -- issue 11: what the command line says --------------------------------------------------


def test_unreadable_line_gives_its_reason(tmp_path):
    (tmp_path / "tom.docx").write_bytes(b"")
    folder = tmp_path / "Mapp"
    folder.mkdir()
    (folder / "brus.xlsx").write_bytes(b"not a zip")
    data = json.loads(run_cli("validate", tmp_path, "--jobs", "1", "--format", "json").stdout)
    reasons = {s["submission"]: s["documents"][0]["findings"][0]["reason"] for s in data["submissions"]}
    result = run_cli("validate", tmp_path, "--jobs", "1")
    assert result.exit_code == 2
    lines = result.stdout.splitlines()
    unreadable = messages.text("ui.status.unreadable", "sv")
    assert any(line.startswith(unreadable) and "tom.docx" in line
               and line.endswith(messages.text(reasons["tom.docx"], "sv")) for line in lines)
    assert any(line.startswith(unreadable) and "Mapp" in line
               and line.endswith(f"brus.xlsx: {messages.text(reasons['Mapp'], 'sv')}") for line in lines)


@pytest.mark.parametrize("content", ["empty", "nothing-checkable"])
def test_folder_without_submissions_exits_2_without_a_register(tmp_path, content):
    folder = tmp_path / "inkomna"
    folder.mkdir()
    if content == "nothing-checkable":
        (folder / "slinga").symlink_to("slinga")
        (folder / "~$lås.docx").write_bytes(b"\x00")
        (folder / "tom-mapp").mkdir()
    register = tmp_path / "register.xlsx"
    result = run_cli("validate", folder, "--register", register, "--format", "json")
    assert result.exit_code == 2
    assert json.loads(result.stdout)["submissions"] == []
    assert not register.exists()


def test_check_names_the_submission(tmp_path, monkeypatch):
    folder = tmp_path / "Läxhjälp Vivalla"
    folder.mkdir()
    shutil.copy(OFFICIAL / "ansokan.docx", folder / "ansokan.docx")
    shutil.copy(OFFICIAL / "utvarderingsschema.xlsx", folder / "schema.xlsx")
    result = run_cli("check", folder / "schema.xlsx", folder / "ansokan.docx", "--format", "json")
    assert json.loads(result.stdout)["submission"] == "Läxhjälp Vivalla"
    monkeypatch.chdir(folder)
    result = run_cli("check", "schema.xlsx", "ansokan.docx", "--format", "json")
    assert json.loads(result.stdout)["submission"] == "ansokan"  # the main document's stem, not "."


@pytest.mark.parametrize("template, kind", [("ideprovning.docx", "forslag"), ("forslag.xlsx", "ansokan"),
                                            ("utvarderingsschema.xlsx", "ideprovning")])
def test_kind_that_contradicts_the_file(tmp_path, template, kind):
    path = tmp_path / template
    shutil.copy(OFFICIAL / template, path)
    result = run_cli("check", path, "--kind", kind, "--format", "json")
    assert result.exit_code == 2
    (finding,) = json.loads(result.stdout)["findings"]
    assert (finding["code"], finding["reason"]) == ("FILE_UNREADABLE", "unreadable.kind_mismatch")


def test_kind_that_fits_the_format_is_still_used(tmp_path):
    path = tmp_path / "utkast.docx"
    shutil.copy(OFFICIAL / "ideprovning.docx", path)
    result = run_cli("check", path, "--kind", "ansokan", "--format", "json")
    assert json.loads(result.stdout)["kind"] == "ansokan"


@pytest.mark.parametrize("lock, program", [("~$register.xlsx", "ui.lock.office"),
                                           (".~lock.register.xlsx#", "ui.lock.libreoffice")])
def test_lock_message_names_the_program(inbox, tmp_path, lock, program):
    register = tmp_path / "register.xlsx"
    (tmp_path / lock).write_text("user")
    result = run_cli("validate", inbox, "--register", register)
    assert result.exit_code == 2
    assert messages.text(program, "sv") in result.stderr
    assert not register.exists()

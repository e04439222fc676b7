"""`socinv validate DIR`: submissions per SPEC §3, parallel checking with a per-file limit,
JSON per SPEC §5, exit codes, and the register written beside it.

Inputs are copies of the official templates (blank → incomplete), copies filled in here
(complete) and broken files. Assertions are on codes, statuses and cell values, never on
message wording.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path

import docx
import openpyxl
import pytest
from conftest import OFFICIAL, ROOT

from socinv_docs import validate as V
from socinv_docs.limits import Limits

FORMULA_NAME = '=HYPERLINK("http://x","y")'


class Result:
    def __init__(self, result) -> None:
        self.exit_code = result.exit_code
        self.stdout = result.stdout  # click >= 8.2 mixes stderr into .output
        self.stderr = result.stderr

    @property
    def json(self) -> dict:
        return json.loads(self.stdout)


def run_cli(*args: object) -> Result:
    from click.testing import CliRunner

    from socinv_docs.cli import main

    result = CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=True)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return Result(result)


# -- inputs -----------------------------------------------------------------------------------


def filled_forslag(path: Path, name: str = FORMULA_NAME) -> Path:
    wb = openpyxl.load_workbook(OFFICIAL / "forslag.xlsx")
    ws = wb["Förslag"]
    ws["B4"] = name
    ws["B4"].data_type = "s"  # typed as text by the applicant, not a formula
    ws["B5"] = "Social- och arbetsmarknadsförvaltningen"
    ws["B6"] = "Anna Svensson"
    for row in ws.iter_rows():
        for cell in row:
            if isinstance(cell.value, str) and cell.value.lower().startswith("skriv här"):
                cell.value = "Ett riktigt svar med flera ord om satsningen och dess innehåll."
    ws["B18"] = "3 år"
    wb.save(path)
    return path


def filled_ideprovning(path: Path) -> Path:
    d = docx.Document(str(OFFICIAL / "ideprovning.docx"))
    for p in d.paragraphs:
        if p.text.lower().startswith("skriv här"):
            for run in p.runs[1:]:
                run.text = ""
            p.runs[0].text = "Ett utförligt svar om behovet, innehållet och effekterna av satsningen."
    values = ["Läxhjälp i Vivalla", "Anna Svensson", "Socialnämnden – Vård och omsorg\nFörskolenämnden – Förskola",
              "Vivalla IF", ""]
    for row, value in zip(d.tables[0].rows, values):
        cell = row.cells[1]
        for p in cell.paragraphs[1:]:
            p._p.getparent().remove(p._p)
        p = cell.paragraphs[0]
        for run in p.runs[1:]:
            run.text = ""
        if p.runs:
            p.runs[0].text = value
        else:
            p.add_run(value)
    for row in d.tables[1].rows[1:]:
        row.cells[1].text = "Ja"
        row.cells[2].text = "Motiveringen finns här."
    d.save(str(path))
    return path


def make_folder(root: Path) -> Path:
    """Complete, incomplete and broken submissions, plus files that must be skipped."""
    root.mkdir(parents=True, exist_ok=True)
    filled_forslag(root / "forslag-komplett.xlsx")
    filled_ideprovning(root / "ideprovning-komplett.docx")
    shutil.copy(OFFICIAL / "ideprovning.docx", root / "ideprovning-tom.docx")
    folder = root / "Läxhjälp Vivalla"
    folder.mkdir()
    shutil.copy(OFFICIAL / "ansokan.docx", folder / "ansokan.docx")
    shutil.copy(OFFICIAL / "utvarderingsschema.xlsx", folder / "utvarderingsschema.xlsx")
    (folder / "~$ansokan.docx").write_bytes(b"\x00lock")
    (root / "tom.docx").write_bytes(b"")
    (root / "brus.docx").write_bytes(os.urandom(3000))
    (root / "~$ideprovning-tom.docx").write_bytes(b"\x00lock")
    (root / ".DS_Store").write_bytes(b"\x00")
    (root / "Thumbs.db").write_bytes(b"\x00")
    (root / "tomt").mkdir()
    return root


EXPECTED = {
    "forslag-komplett.xlsx": "complete",
    "ideprovning-komplett.docx": "complete",
    "ideprovning-tom.docx": "incomplete",
    "Läxhjälp Vivalla": "incomplete",
    "tom.docx": "unreadable",
    "brus.docx": "unreadable",
}


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    return make_folder(tmp_path_factory.mktemp("inkomna") / "inkomna")


@pytest.fixture(scope="module")
def run(folder, schemas):
    return V.validate_folder(folder, schemas, jobs=2)


# -- discovery --------------------------------------------------------------------------------


def test_discover_submissions_and_skips(folder):
    subs = V.discover(folder)
    assert sorted(s.name for s in subs) == sorted(EXPECTED)
    by_name = {s.name: s for s in subs}
    assert [d for _, d in by_name["Läxhjälp Vivalla"].files] == ["Läxhjälp Vivalla/ansokan.docx",
                                                                 "Läxhjälp Vivalla/utvarderingsschema.xlsx"]
    assert [d for _, d in by_name["tom.docx"].files] == ["tom.docx"]


@pytest.mark.parametrize("jobs", [1, 2])
def test_the_register_and_the_tools_own_outputs_are_passed_over(tmp_path, schemas, jobs):
    root = tmp_path / "in"
    root.mkdir()
    filled_forslag(root / "a.xlsx")
    register = root / "register.xlsx"
    run = V.validate_folder(root, schemas, jobs=1)
    from socinv_docs.render.register import write_register

    write_register(register, run, root=root, schemas=schemas)
    shutil.copy(register, root / "register-kopia.xlsx")  # author says it is ours
    (root / ".register.xlsx.abc.tmp").write_bytes(b"half")
    (root / "memo.md").write_text("<!-- socinv-docs -->\n# Promemoria\n", encoding="utf-8")
    (root / "bara-utdata").mkdir()  # a folder holding only the tool's outputs is no submission
    shutil.copy(register, root / "bara-utdata" / "register.xlsx")
    (root / "med-kopia").mkdir()  # a draft beside the tool's copy of it: the draft is checked
    filled_forslag(root / "med-kopia" / "forslag.xlsx")
    shutil.copy(register, root / "med-kopia" / "register.xlsx")
    # Finding the files opens none of them: the workers recognise the tool's outputs.
    assert [s.name for s in V.discover(root, skip=[register])] == ["a.xlsx", "bara-utdata", "med-kopia",
                                                                   "memo.md", "register-kopia.xlsx"]
    seen = []
    run = V.validate_folder(root, schemas, jobs=jobs, skip=[register], on_file=seen.append)
    assert [s.submission for s in run.submissions] == ["a.xlsx", "med-kopia"]
    assert [d.file for d in run.submissions[1].documents] == ["med-kopia/forslag.xlsx"]
    assert all(s.status.value == "complete" for s in run.submissions)
    assert len(seen) == 6 and seen.count(None) == 4  # the progress bar counts every file


# -- the run ----------------------------------------------------------------------------------


def test_each_judged_submission_is_handed_on_as_it_comes_in(folder, schemas):
    seen = []
    run = V.validate_folder(folder, schemas, jobs=2, on_submission=seen.append)
    assert sorted(map(id, seen)) == sorted(map(id, run.submissions))
    assert len(seen) == len(EXPECTED)


def test_statuses_per_submission(run):
    assert {s.submission: s.status.value for s in run.submissions} == EXPECTED
    assert [s.submission for s in run.submissions] == sorted(EXPECTED, key=str.casefold)
    stats = run.stats()
    assert (stats["submissions"], stats["documents"]) == (6, 7)
    assert (stats["complete"], stats["incomplete"], stats["unreadable"]) == (2, 2, 2)
    assert run.status.exit_code == 2


def test_broken_files_are_unreadable_rows(run):
    by_name = {s.submission: s for s in run.submissions}
    for name in ("tom.docx", "brus.docx"):
        codes = [f.code.value for f in by_name[name].all_findings]
        assert codes == ["FILE_UNREADABLE"]
    assert by_name["tom.docx"].documents[0].findings[0].params["reason_key"] == "unreadable.empty"
    folder_docs = by_name["Läxhjälp Vivalla"].documents
    assert [d.file for d in folder_docs] == ["Läxhjälp Vivalla/ansokan.docx", "Läxhjälp Vivalla/utvarderingsschema.xlsx"]
    assert [d.kind for d in folder_docs] == ["ansokan", "utvarderingsschema"]


# -- the per-file limit -----------------------------------------------------------------------


def _fake_check(real):
    def check(path, schemas, **kw):
        name = Path(path).name
        if name.startswith("sover"):  # interruptible: the worker's own alarm stops it
            time.sleep(30)
        if name.startswith("fast"):  # deaf to the alarm, like a hang inside C code
            import signal

            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
            time.sleep(30)
        if name.startswith("krasch"):
            os._exit(3)
        if name.startswith("fel"):
            raise ValueError("bug")
        if name.startswith("snabb"):  # the pool, not the pipeline, is under test here
            from socinv_docs.report import DocumentReport

            return DocumentReport(file=kw["display"], kind="forslag")
        return real(path, schemas, **kw)

    return check


@pytest.mark.parametrize("jobs", [1, 2])  # each worker holds the next file too (IN_FLIGHT): it must not be lost
def test_hanging_crashing_files_do_not_stop_the_run(tmp_path, schemas, monkeypatch, jobs):
    monkeypatch.setattr(V, "check_file", _fake_check(V.check_file))
    monkeypatch.setattr(V, "GRACE_SECONDS", 0.3)
    names = ["sover.docx", "fast.docx", "krasch.docx", "fel.docx", "snabb1.xlsx", "snabb2.xlsx"]
    for name in names:
        (tmp_path / name).write_bytes(b"x")
    tasks = [(tmp_path / n, n) for n in names]
    started = time.monotonic()
    results = dict(V.check_files(tasks, schemas, jobs=jobs, limits=Limits(max_seconds=0.4)))
    assert time.monotonic() - started < 6
    reports = {names[i]: r for i, r in results.items()}
    assert sorted(reports) == sorted(names)

    def reason(name):
        (f,) = reports[name].findings
        assert f.code.value == "FILE_UNREADABLE"
        return f.params["reason_key"]

    assert reason("sover.docx") == "unreadable.timeout"
    assert reason("fast.docx") == "unreadable.timeout"
    assert reason("krasch.docx") == "unreadable.crashed"
    assert reason("fel.docx") == "unreadable.crashed"
    assert reports["snabb1.xlsx"].status.value == "complete"
    assert reports["snabb2.xlsx"].status.value == "complete"


def test_env_time_limit_in_cli(tmp_path, monkeypatch):
    monkeypatch.setattr(V, "check_file", _fake_check(V.check_file))
    monkeypatch.setattr(V, "GRACE_SECONDS", 0.3)
    monkeypatch.setenv("SOCINV_MAX_SECONDS", "1")
    (tmp_path / "sover.docx").write_bytes(b"x")
    filled_forslag(tmp_path / "ok.xlsx")
    result = run_cli("validate", tmp_path, "--format", "json", "--jobs", "2")
    assert result.exit_code == 2
    subs = {s["submission"]: s for s in result.json["submissions"]}
    assert subs["sover.docx"]["status"] == "unreadable"
    assert subs["sover.docx"]["documents"][0]["findings"][0]["code"] == "FILE_UNREADABLE"
    assert subs["ok.xlsx"]["status"] == "complete"


# -- the command ------------------------------------------------------------------------------


def test_cli_json_contract_and_exit_code(folder, tmp_path):
    register = tmp_path / "register.xlsx"
    result = run_cli("validate", folder, "--register", register, "--format", "json", "--jobs", "2")
    assert result.exit_code == 2
    data = result.json
    assert set(data) == {"submissions", "skipped", "stats"}
    assert data["skipped"] == []  # lock files, hidden files and litter are passed over without a line
    assert {s["submission"]: s["status"] for s in data["submissions"]} == EXPECTED
    sub = next(s for s in data["submissions"] if s["submission"] == "Läxhjälp Vivalla")
    assert set(sub) >= {"submission", "status", "documents", "findings"}
    assert [d["file"] for d in sub["documents"]] == ["Läxhjälp Vivalla/ansokan.docx",
                                                     "Läxhjälp Vivalla/utvarderingsschema.xlsx"]
    assert all({"file", "kind", "profile", "status", "sections", "fields", "findings"} <= set(d)
               for d in sub["documents"])
    assert data["stats"]["submissions"] == 6 and data["stats"]["unreadable"] == 2
    assert register.exists()
    wb = openpyxl.load_workbook(register)
    assert wb["Ansökningar"].max_row == 7


@pytest.mark.parametrize("names, code", [(["forslag-komplett.xlsx"], 0),
                                         (["forslag-komplett.xlsx", "ideprovning-tom.docx"], 1)])
def test_exit_code_is_worst_status(folder, tmp_path, names, code):
    for name in names:
        shutil.copy(folder / name, tmp_path / name)
    result = run_cli("validate", tmp_path, "--jobs", "2", "--lang", "en")
    assert result.exit_code == code
    assert result.stdout.strip()


def test_register_locked_by_excel(folder, tmp_path):
    register = tmp_path / "register.xlsx"
    register.write_bytes(b"old contents")
    (tmp_path / "~$register.xlsx").write_bytes(b"\x00")
    result = run_cli("validate", folder, "--register", register, "--jobs", "2")
    assert result.exit_code == 2
    assert "register.xlsx" in result.stderr
    assert register.read_bytes() == b"old contents"


def test_force_overrides_the_lock(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    filled_forslag(src / "a.xlsx")
    register = tmp_path / "register.xlsx"
    (tmp_path / "~$register.xlsx").write_bytes(b"\x00")
    result = run_cli("validate", src, "--register", register, "--jobs", "1", "--force")
    assert result.exit_code == 0
    assert openpyxl.load_workbook(register)["Ansökningar"]["A2"].value == "a.xlsx"


def test_unwritable_register_keeps_old_file(tmp_path, monkeypatch):
    src = tmp_path / "in"
    src.mkdir()
    filled_forslag(src / "a.xlsx")
    register = tmp_path / "register.xlsx"
    assert run_cli("validate", src, "--register", register, "--jobs", "1").exit_code == 0
    before = register.read_bytes()

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    filled_forslag(src / "b.xlsx")
    result = run_cli("validate", src, "--register", register, "--jobs", "1")
    assert result.exit_code == 2
    assert "register.xlsx" in result.stderr
    assert register.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_unreadable_existing_register_is_not_overwritten(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    filled_forslag(src / "a.xlsx")
    register = tmp_path / "register.xlsx"
    register.write_bytes(b"not a workbook")
    result = run_cli("validate", src, "--register", register, "--jobs", "1")
    assert result.exit_code == 2
    assert register.read_bytes() == b"not a workbook"
    other = tmp_path / "annan.xlsx"
    wb = openpyxl.Workbook()
    wb.active.title = "Budget"
    wb.save(other)
    before = other.read_bytes()
    assert run_cli("validate", src, "--register", other, "--jobs", "1").exit_code == 2
    assert other.read_bytes() == before


def test_progress_bar_quiet_when_not_a_tty(tmp_path):
    filled_forslag(tmp_path / "a.xlsx")
    result = run_cli("validate", tmp_path, "--format", "json", "--jobs", "1")
    assert result.exit_code == 0
    json.loads(result.stdout)  # nothing but the JSON on stdout
    assert "█" not in result.stderr and "#" not in result.stderr


# -- one submission, several funders ------------------------------------------------------------


@pytest.fixture
def mixed(tmp_path) -> Path:
    """An Örebro ansökan with its utvärderingsschema and a Mölndal förslag in one sub-folder,
    and beside it a folder of Örebro's files only."""
    root = tmp_path / "inkomna"
    for name, files in (("blandat", ["ansokan-komplett/ansokan.docx", "ansokan-komplett/utvarderingsschema.xlsx",
                                     "forslag-komplett.xlsx"]),
                        ("orebro", ["ansokan-komplett/ansokan.docx", "ansokan-komplett/utvarderingsschema.xlsx"])):
        (root / name).mkdir(parents=True)
        for file in files:
            shutil.copy(ROOT / "samples" / file, root / name)
    return root


def test_files_of_different_funders_in_one_submission_are_said_to_be(mixed):
    result = run_cli("validate", mixed, "--format", "json", "--jobs", "1")
    assert result.exit_code == 0  # a warning: each file was judged by its own funder, all complete
    subs = {s["submission"]: s for s in result.json["submissions"]}
    (finding,) = subs["blandat"]["findings"]
    assert (finding["code"], finding["severity"]) == ("FUNDERS_MIXED", "warning")
    assert finding["params"]["profiles"] == ["orebro-2020", "molndal-2018"]
    assert [part["params"]["files"] for part in finding["params"]["funders"]] == [
        ["ansokan.docx", "utvarderingsschema.xlsx"], ["forslag-komplett.xlsx"]]
    assert {d["profile"] for d in subs["blandat"]["documents"]} == {"orebro-2020", "molndal-2018"}
    assert subs["orebro"]["findings"] == []


def test_files_of_different_funders_checked_together(mixed):
    folder = mixed / "blandat"
    result = run_cli("check", folder / "ansokan.docx", folder / "forslag-komplett.xlsx", "--format", "json")
    assert [f["code"] for f in result.json["findings"]] == ["FUNDERS_MIXED", "ATTACHMENT_MISSING"]
    result = run_cli("check", folder / "ansokan.docx", folder / "utvarderingsschema.xlsx", "--format", "json")
    assert result.json["findings"] == []


def test_a_follow_up_folder_is_refused_with_the_command_for_it(tmp_path):
    """Satsningar with a beslut.yaml are followed up, not validated: their reports are no
    applications and beslut.yaml no form. Refused (exit 2), no register written, the way on named."""
    folder = tmp_path / "uppfoljning"
    shutil.copytree(ROOT / "samples-uppfoljning", folder)
    register = tmp_path / "register.xlsx"
    result = run_cli("validate", folder, "--register", register)
    assert result.exit_code == 2 and not register.exists()
    assert "socinv followup" in result.stderr  # the command to use, not wording
    assert run_cli("validate", folder).exit_code == 2
    (folder / "laxhjalp-vivalla" / "beslut.yaml").unlink()
    (folder / "unga-sandviken" / "beslut.yaml").unlink()
    assert run_cli("validate", folder).exit_code in (0, 1)  # without beslut: submissions again

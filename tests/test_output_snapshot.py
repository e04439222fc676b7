"""tools/output_snapshot.py: the before/after snapshot of every output for refactors.

The full corpus takes minutes; these run the same machinery on one sample file and the memo
(a register the group has typed in, a run date in it), so the tool does not rot: two runs
must be identical (the normalisation is complete), and a change must be reported.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import shutil
import sys
import tempfile
import types
from pathlib import Path

import output_snapshot as snapshot
import pytest

ROOT = Path(__file__).resolve().parent.parent
SOCINV = Path(sys.executable).parent / "socinv"
ONLY = ["check/samples/ideprovning-luckor.docx/json-sv", "check/samples/ideprovning-luckor.docx/annotate-sv",
        "memo/samples/md-sv", "memo/samples/worked-register"]


@pytest.fixture(scope="module")
def two_snapshots(tmp_path_factory):
    if not SOCINV.exists():
        pytest.skip("no installed socinv next to this interpreter (source checkout without install)")
    root = tmp_path_factory.mktemp("snapshots")
    scratch = tmp_path_factory.mktemp("scratch")
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(tempfile, "tempdir", str(scratch))
        for name in ("a", "b"):
            meta = snapshot.take_snapshot(root / name, SOCINV, ROOT, only=ONLY)
            assert meta["timeouts"] == []
    assert list(scratch.iterdir()) == []  # its working folder (corpus copy, outputs) is gone
    return root / "a", root / "b"


def test_two_snapshots_of_the_same_code_are_identical(two_snapshots):
    a, b = two_snapshots
    assert snapshot.compare(a, b, out=io.StringIO()) == 0
    assert snapshot.main(["compare", str(a), str(b)]) == 0


def test_snapshot_records_the_runs_with_the_volatile_parts_replaced(two_snapshots):
    a, _ = two_snapshots
    check = a / "check/samples/ideprovning-luckor.docx"
    assert (check / "json-sv/exit.txt").read_text() == "1\n"
    report = json.loads((check / "json-sv/stdout.json").read_text("utf-8"))
    assert report["status"] == "incomplete"
    assert "FIELD_MISSING" in {f["code"] for f in report["findings"]}
    # the annotated copy, part by part, with the comments' dates replaced
    copy = check / "annotate-sv/files/ideprovning-luckor.docx"
    assert "word/comments.xml" in (copy / "_zip.txt").read_text()
    assert 'w:date="<RUN-DATE>T<RUN-TIME>Z"' in (copy / "word/comments.xml").read_text("utf-8")
    # the register the memo read: the group's columns typed in, the check time a placeholder
    register = a / "memo/samples/worked-register/files/worked-register.xlsx"
    sheet = (register / "xl/worksheets/sheet1.xml").read_text("utf-8")
    assert "<RUN-SERIAL>" in sheet and "Bifall" in sheet
    assert "Bifall" in (a / "memo/samples/md-sv/files/underlag.md").read_text("utf-8")
    assert not (a / "memo/samples/prepare").exists()  # the register's run itself is not recorded
    # nothing of this run is left: no date of today, no temporary folder
    today = dt.datetime.now(dt.timezone.utc).date().isoformat()
    for path in a.rglob("*"):
        if path.is_file() and path.name != snapshot.META:
            text = path.read_text("utf-8")
            assert today not in text, path
            assert tempfile.gettempdir() + "/socinv-snapshot-" not in text, path
    # --only: exactly the runs asked for
    assert {p.parent.relative_to(a).as_posix() for p in a.rglob("command.txt")} == set(ONLY)


def test_compare_reports_a_changed_output_by_input_and_kind(two_snapshots, tmp_path):
    a, _ = two_snapshots
    changed = tmp_path / "changed"
    shutil.copytree(a, changed)
    (changed / "check/samples/ideprovning-luckor.docx/json-sv/exit.txt").write_text("2\n")
    comments = changed / "check/samples/ideprovning-luckor.docx/annotate-sv/files/ideprovning-luckor.docx/word"
    (comments / "comments.xml").unlink()
    out = io.StringIO()
    assert snapshot.compare(a, changed, out=out) == 2
    assert "\ncheck/samples/ideprovning-luckor.docx\n" in out.getvalue()
    assert "json-sv/exit.txt: exit 1 -> 2" in out.getvalue()
    assert "annotate-sv/files/ideprovning-luckor.docx/word/comments.xml: only in A" in out.getvalue()
    assert snapshot.main(["compare", str(a), str(changed)]) == 1


def test_normaliser_replaces_only_the_runs_dates_times_and_paths(tmp_path):
    started = dt.datetime.now(dt.timezone.utc)
    run = types.SimpleNamespace(started=started, work=tmp_path / "work", tmp=tmp_path)
    norm = snapshot.Normaliser(run, tmp_path / "out" / "x")
    today = started.date().isoformat()
    assert norm.text(f"Skapad {today}. Period 2026-01-01 – 2028-12-31") == \
        "Skapad <RUN-DATE>. Period 2026-01-01 – 2028-12-31"
    assert norm.text(f"Kontrollerad {today} 19:09, {today}T19:09:48Z") == \
        "Kontrollerad <RUN-DATE> <RUN-TIME>, <RUN-DATE>T<RUN-TIME>Z"
    assert norm.text(f"sparad: {tmp_path}/out/x/a.docx, läst {tmp_path}/work/samples") == \
        "sparad: <OUT>/a.docx, läst <WORK>/samples"
    assert norm.text("Kompletta: 4. Tid: 0,9 s.") == "Kompletta: 4. Tid: <SECONDS> s."
    now = f"{snapshot._serial(started):.11f}"
    assert norm.xml(f"<c><v>{now}</v></c><c><v>46000.5</v></c><c><v>4200000</v></c>") == \
        "<c><v><RUN-SERIAL></v></c><c><v>46000.5</v></c><c><v>4200000</v></c>"
    assert json.loads(norm.json_text('{"stats": {"seconds": 0.47, "jobs": 2}}')) == \
        {"stats": {"seconds": "<SECONDS>", "jobs": 2}}

"""The use cases (socinv_docs/service.py) that every front end calls: check these files as
one submission, validate this folder. The CLI and the web page only show what they give."""

from __future__ import annotations

import ast
import shutil
from pathlib import Path

import pytest
from conftest import OFFICIAL, ROOT

from socinv_docs import service
from socinv_docs.codes import Code

PACKAGE = ROOT / "socinv_docs"
SAMPLES = ROOT / "samples"


def test_one_file_alone_carries_what_the_submission_rules_said(schemas):
    checked = service.Checked.of(service.check_files([OFFICIAL / "ansokan.docx"], schemas))
    alone = checked.alone
    # The utvärderingsschema may still be sent separately: a warning, and it belongs to the file.
    assert Code.ATTACHMENT_MISSING in {f.code for f in alone.findings}
    assert checked.submission.findings == [] and checked.extra == []
    assert checked.to_json() == alone.to_json() and checked.status is alone.status


def test_several_files_are_reported_as_their_submission(schemas):
    files = [SAMPLES / "ansokan-komplett" / "ansokan.docx", SAMPLES / "ansokan-komplett" / "utvarderingsschema.xlsx"]
    checked = service.Checked.of(service.check_files(files, schemas))
    assert checked.alone is None
    assert checked.submission.submission == "ansokan-komplett"  # their folder's name, as in validate
    assert checked.to_json()["documents"] == [d.to_json() for d in checked.submission.documents]


def test_the_web_page_and_the_command_give_the_same_report(schemas):
    """The web page checks in its own workers, then judges as `check` does: the same use case."""
    from socinv_docs.pipeline import check_document

    path = SAMPLES / "ansokan-luckor" / "ansokan.docx"
    web = service.Checked.of(service.judge("ansokan.docx", [check_document(path, schemas, display="ansokan.docx")],
                                           schemas))
    cli = service.Checked.of(service.check_files([path], schemas, display=lambda f: f.name))
    assert [f.key for f in web.report.findings] == [f.key for f in cli.report.findings]
    assert web.to_json()["economics"] == cli.to_json()["economics"]


def test_a_copy_never_replaces_someones_document(tmp_path):
    draft = tmp_path / "ansokan.docx"
    shutil.copy(OFFICIAL / "ansokan.docx", draft)
    other = tmp_path / "other.docx"
    shutil.copy(OFFICIAL / "ideprovning.docx", other)
    with pytest.raises(service.Refused) as same:
        service.annotate_targets([draft], draft, None)
    with pytest.raises(service.Refused) as exists:
        service.annotate_targets([draft], other, None)
    with pytest.raises(service.Refused) as both:
        service.annotate_targets([draft], tmp_path / "a.docx", tmp_path / "copies")
    assert (same.value.key, exists.value.key, both.value.key) == ("annotate.same_file", "annotate.exists",
                                                                   "annotate.both")
    assert service.annotate_targets([draft], None, tmp_path / "copies") == [tmp_path / "copies" / "ansokan.docx"]


def test_annotated_copies_say_what_became_of_each(schemas, tmp_path):
    files = [OFFICIAL / "ansokan.docx", tmp_path / "trasig.docx"]
    files[1].write_bytes(b"not a zip")
    checked = service.Checked.of(service.check_files(files, schemas))
    targets = service.annotate_targets(files, None, tmp_path / "copies")
    copies = service.annotate_copies(checked, files, targets, "sv")
    assert [(c.written, c.failed) for c in copies] == [(True, False), (False, False)]  # nothing to annotate
    assert targets[0].is_file() and not targets[1].exists()


def test_validating_a_folder_step_by_step(schemas, tmp_path):
    inbox = tmp_path / "inkomna"
    shutil.copytree(SAMPLES / "ansokan-komplett", inbox / "ansokan-komplett")
    register = tmp_path / "register.xlsx"
    job = service.FolderValidation(inbox, schemas, register=register, jobs=1)
    assert job.prepare() == 2
    seen = []
    run = job.run(on_file=seen.append)
    assert len(seen) == 2 and [s.submission for s in run.submissions] == ["ansokan-komplett"]
    assert job.write_register(run).rows == 1 and register.is_file()


def test_a_register_among_the_applicants_files_is_refused(schemas, tmp_path):
    inbox = tmp_path / "inkomna"
    inbox.mkdir()
    shutil.copy(OFFICIAL / "utvarderingsschema.xlsx", inbox / "register.xlsx")  # an applicant's workbook
    with pytest.raises(service.Refused) as refused:
        service.FolderValidation(inbox, schemas, register=inbox / "register.xlsx").prepare()
    assert refused.value.key == "ui.register.is_input"


def _own_imports(path: Path) -> set[str]:
    """The package's own modules a file imports (at the top or inside functions)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("socinv_docs"):
            found.update(f"{node.module}.{a.name}" for a in node.names)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("socinv_docs"))
    return found


@pytest.mark.parametrize("front_end", ["cli.py", "web/app.py"])
def test_front_ends_leave_checking_to_the_service(front_end):
    """A front end neither runs the pipeline's steps nor the submission rules itself: it
    calls the use cases (issue 19), so a third front end does not copy them again. (The web
    page's workers, web/pool.py, run the one-file check in a process of their own.)"""
    imports = _own_imports(PACKAGE / front_end)
    assert not {i for i in imports if i.startswith(("socinv_docs.pipeline", "socinv_docs.validate.validate_folder",
                                                    "socinv_docs.validate.scan", "socinv_docs.render.annotate",
                                                    "socinv_docs.render.register"))}, imports

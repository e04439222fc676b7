"""Annotated copies (render/annotate.py, `socinv check --annotate`): the applicant's own file
with a comment at every problem. Asserts codes, counts and anchors, never message wording."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import zipfile
import zlib
from pathlib import Path

import pytest
from conftest import OFFICIAL, ROOT
from lxml import etree

from socinv_docs.codes import Code
from socinv_docs.location import Location
from socinv_docs.pipeline import check_document
from socinv_docs.render.annotate import AUTHOR, INITIALS, AnnotateError, annotate

SAMPLES = ROOT / "samples"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W = "{" + W + "}"
# The members an annotated Word copy may change; every other one is byte-identical. The
# package's custom properties (and their relationship) name the copy as ours.
MAY_CHANGE = {"word/document.xml", "word/comments.xml", "word/commentsExtended.xml", "word/commentsIds.xml",
              "word/commentsExtensible.xml", "[Content_Types].xml", "word/_rels/document.xml.rels",
              "docProps/custom.xml", "_rels/.rels"}


def _sample(name: str) -> Path:
    path = SAMPLES / name
    if not path.exists():
        pytest.skip(f"{path} not generated (python3 tools/make_samples.py)")
    return path


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _copy_annotated(tmp_path: Path, source: Path, schemas, name: str | None = None, **kw):
    report = check_document(source, schemas)
    target = tmp_path / (name or f"annotated-{source.name}")
    result = annotate(report, source, target, **kw)
    return report, target, result


# -- reading a Word copy back ----------------------------------------------------------

def _text(el) -> str:
    return "".join(t.text or "" for t in el.iter(_W + "t"))


def _ancestor(el, tag: str):
    while el is not None and el.tag != _W + tag:
        el = el.getparent()
    return el


def _comments(path: Path, author: str | None = AUTHOR) -> list[dict]:
    """Each comment (by `author`, or all): id, author, code, text and where it is anchored."""
    with zipfile.ZipFile(path) as z:
        names = set(z.namelist())
        if "word/comments.xml" not in names:
            return []
        comments = etree.fromstring(z.read("word/comments.xml"))
        document = etree.fromstring(z.read("word/document.xml"))
    starts = {el.get(_W + "id"): el for el in document.iter(_W + "commentRangeStart")}
    ends = {el.get(_W + "id") for el in document.iter(_W + "commentRangeEnd")}
    refs = {el.get(_W + "id") for el in document.iter(_W + "commentReference")}
    out = []
    for c in comments.iter(_W + "comment"):
        if author is not None and c.get(_W + "author") != author:
            continue
        cid = c.get(_W + "id")
        assert cid in starts and cid in ends and cid in refs, f"comment {cid} is not anchored"
        text = "\n".join(_text(p) for p in c.iter(_W + "p"))
        codes = re.findall(r"\[([A-Z_]+)\]", text)
        p = _ancestor(starts[cid], "p")
        tr = _ancestor(p, "tr")
        row, cell = None, None
        if tr is not None:
            cells = [tc for tc in tr.iter(_W + "tc")]
            row = [_text(tc) for tc in cells]
            cell = cells.index(_ancestor(p, "tc"))
        out.append({"id": cid, "author": c.get(_W + "author"), "initials": c.get(_W + "initials"),
                    "text": text, "code": codes[-1] if codes else None, "codes": codes,
                    "paragraph": _text(p), "p": p, "row": row, "cell": cell, "body": document})
    return out


def _body_paragraph_texts(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as z:
        document = etree.fromstring(z.read("word/document.xml"))
    return [_text(p) for p in document.find(_W + "body").iter(_W + "p")]


def _placed(report) -> int:
    return sum(1 for f in report.findings if f.where != Location())


# -- Word -------------------------------------------------------------------------------

def test_blank_ansokan_gets_a_comment_per_problem_and_a_summary(tmp_path, schemas):
    source = OFFICIAL / "ansokan.docx"
    before = _sha(source)
    report, target, result = _copy_annotated(tmp_path, source, schemas)
    assert _sha(source) == before
    ours = _comments(target)
    assert len(ours) == 1 + _placed(report) == result.comments
    assert all(c["initials"] == INITIALS for c in ours)
    anchors = {(c["code"], c["paragraph"]) for c in ours}
    assert ("SECTION_PLACEHOLDER", "2. Evidens och forskning") in anchors
    assert ("SECTION_PLACEHOLDER", "9. Plan för implementering och uppskalning") in anchors
    # A field's comment sits in the answer cell of the field's row.
    namn = next(c for c in ours if c["code"] == "FIELD_MISSING" and c["row"] and c["row"][0] == "Satsningens namn")
    assert namn["cell"] == 1
    # The summary is on the first paragraph; SIGNATURE_MISSING has its own place, the
    # Underskrifter heading.
    summary = next(c for c in ours if c["paragraph"] == _body_paragraph_texts(target)[0])
    assert "SIGNATURE_MISSING" not in summary["codes"]
    assert ("SIGNATURE_MISSING", "Underskrifter") in anchors
    assert sum(c["code"] == "FIELD_MISSING" for c in ours) == sum(
        f.code is Code.FIELD_MISSING for f in report.findings)


def test_gap_sample_anchors_and_missing_section_after_previous(tmp_path, schemas):
    source = _sample("ideprovning-luckor.docx")
    report, target, _ = _copy_annotated(tmp_path, source, schemas)
    ours = _comments(target)
    assert len(ours) == 1 + _placed(report)
    assert {c["code"] for c in ours} - {None} >= {f.code.value for f in report.findings}
    assert ("SECTION_PLACEHOLDER", "2. Satsningens innehåll") in {(c["code"], c["paragraph"]) for c in ours}
    # "4. Förväntade effekter" was deleted and is the last section: its comment goes right after
    # the answer of "3. Målgrupp", before the criteria heading (not on the last row of the file).
    missing = next(c for c in ours if c["code"] == "SECTION_MISSING")
    texts = _body_paragraph_texts(target)
    at = texts.index(missing["paragraph"])
    assert texts.index("3. Målgrupp") < at < texts.index("Kriterier för idéprövning")
    assert missing["row"] is None
    # Criteria comments sit in the Ja/Nej cell of their row.
    crit = [c for c in ours if c["code"] == "CRITERION_UNANSWERED"]
    assert crit and all(c["cell"] == 1 for c in crit)


def test_gap_ansokan_evidens_and_row_findings(tmp_path, schemas):
    source = _sample("ansokan-luckor/ansokan.docx")
    report, target, _ = _copy_annotated(tmp_path, source, schemas)
    ours = _comments(target)
    assert len(ours) == 1 + _placed(report)
    by_code = {c["code"]: c for c in ours}
    assert by_code["SECTION_PLACEHOLDER"]["paragraph"] == "2. Evidens och forskning"
    assert by_code["PROJECT_LEAD_TOO_LOW"]["row"][0].startswith("Projektledare")
    assert by_code["PROJECT_LEAD_TOO_LOW"]["cell"] == 1
    assert by_code["COSTS_INCONSISTENT"]["row"][0] == "Totalt"


def _drifted_draft(tmp_path: Path) -> Path:
    """An ansökan with a deleted section, a content control, tracked changes, a text box, an
    image and a comment by a person."""
    from docbuilder import WordDraft

    png = tmp_path / "dot.png"
    raw = b"\x00\xff\x00\x00"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
                    + _chunk(b"IDAT", zlib.compress(raw)) + _chunk(b"IEND", b""))
    draft = WordDraft(OFFICIAL / "ansokan.docx")
    draft.fill_field("Satsningens namn", "Läxhjälp i Vivalla")
    draft.remove_section("3. Målgrupp och avgränsning")
    draft.answer_in_content_control("1. Problemformulering och nulägesbeskrivning", "Många elever saknar behörighet.")
    draft.tracked_insertion("4. Metod och bemanning", "Två lärare och en projektledare.")
    draft.answer_in_text_box("5. Tid för genomförande", "2026-01-01 – 2028-12-31")
    draft.doc.add_picture(str(png))
    title = draft.doc.paragraphs[0]
    draft.doc.add_comment(title.runs, text="Glöm inte bilagan!", author="Anna Andersson", initials="AA")
    return draft.save(tmp_path / "utkast.docx")


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def test_copy_keeps_everything_else_and_others_comments(tmp_path, schemas):
    source = _drifted_draft(tmp_path)
    before = _sha(source)
    report, target, _ = _copy_annotated(tmp_path, source, schemas, name="granskad.docx")
    assert _sha(source) == before
    with zipfile.ZipFile(source) as a, zipfile.ZipFile(target) as b:
        old = {n: a.read(n) for n in a.namelist()}
        new = {n: b.read(n) for n in b.namelist()}
    assert set(old) <= set(new) and set(new) - set(old) <= MAY_CHANGE
    assert any(n.startswith("word/media/") for n in old)
    for name in old:
        if name not in MAY_CHANGE:
            assert new[name] == old[name], name
    # Content controls, tracked changes and the text box are still there.
    document = new["word/document.xml"]
    for tag in (rb"<w:sdt[ >]", rb"<w:ins ", rb"<w:txbxContent[ >]", rb"<w:drawing[ >]"):
        assert len(re.findall(tag, document)) == len(re.findall(tag, old["word/document.xml"])) > 0, tag
    # The person's comment survives, anchored as before.
    theirs = _comments(target, author="Anna Andersson")
    assert len(theirs) == 1 and theirs[0]["paragraph"] == "Ansökan – social investering"
    # The missing section's comment is where it belongs: on the next heading found.
    missing = next(c for c in _comments(target) if c["code"] == "SECTION_MISSING")
    assert missing["paragraph"] == "4. Metod och bemanning"
    # Checking the copy finds exactly what checking the original found.
    again = check_document(target, schemas)
    assert [(f.code, f.section, f.field, f.where) for f in again.findings] == \
           [(f.code, f.section, f.field, f.where) for f in report.findings]


def test_rerun_on_annotated_copy_does_not_stack(tmp_path, schemas):
    source = _drifted_draft(tmp_path)
    _, first, _ = _copy_annotated(tmp_path, source, schemas, name="first.docx")
    report, second, result = _copy_annotated(tmp_path, first, schemas, name="second.docx")
    assert result.removed == len(_comments(first))
    ours1, ours2 = _comments(first), _comments(second)
    assert len(ours2) == len(ours1) == 1 + _placed(report)
    assert sorted(str((c["code"], c["paragraph"])) for c in ours2) == \
        sorted(str((c["code"], c["paragraph"])) for c in ours1)
    assert len(_comments(second, author="Anna Andersson")) == 1
    with zipfile.ZipFile(second) as z:
        document = z.read("word/document.xml")
    # Every mark in the document belongs to a comment that exists (nothing dangling).
    ids = {c["id"] for c in _comments(second, author=None)}
    marks = set(re.findall(rb'<w:comment(?:RangeStart|RangeEnd|Reference) w:id="(\d+)"', document))
    assert {m.decode() for m in marks} == ids
    # Annotating in place of the copy itself (re-run onto a third name) stays stable too.
    _, third, _ = _copy_annotated(tmp_path, second, schemas, name="third.docx")
    assert len(_comments(third)) == len(ours1)


def test_refuses_to_overwrite_the_input(tmp_path, schemas):
    source = tmp_path / "utkast.docx"
    shutil.copy(OFFICIAL / "ideprovning.docx", source)
    before = _sha(source)
    report = check_document(source, schemas)
    with pytest.raises(AnnotateError):
        annotate(report, source, source)
    with pytest.raises(AnnotateError):
        annotate(report, source, tmp_path / "." / "utkast.docx")
    assert _sha(source) == before


def test_english_copy_uses_the_same_places(tmp_path, schemas):
    source = OFFICIAL / "ideprovning.docx"
    report = check_document(source, schemas)
    target = tmp_path / "en.docx"
    annotate(report, source, target, lang="en")
    assert len(_comments(target)) == 1 + _placed(report)


# -- Excel ------------------------------------------------------------------------------

def _notes(path: Path, author: str | None = AUTHOR) -> dict[str, str]:
    import openpyxl

    from socinv_docs.readers.xlsx_reader import is_review_sheet

    wb = openpyxl.load_workbook(path)
    out = {}
    for ws in wb.worksheets:
        if is_review_sheet(ws):
            continue
        for row in ws.iter_rows():
            for cell in row:
                if cell.comment is not None and (author is None or cell.comment.author == author):
                    out[f"{ws.title}!{cell.coordinate}"] = cell.comment.text
    return out


def _review(path: Path):
    import openpyxl

    from socinv_docs.readers.xlsx_reader import is_review_sheet

    wb = openpyxl.load_workbook(path)
    sheets = [ws for ws in wb.worksheets if is_review_sheet(ws)]
    return wb, sheets


def _marked_cells(path: Path) -> set[str]:
    import openpyxl

    from socinv_docs.render.annotate import MARK

    wb = openpyxl.load_workbook(path)
    cells = set()
    for ws in wb.worksheets:
        for cf in ws.conditional_formatting:
            if any(MARK in f for r in cf.rules for f in r.formula or []):
                cells.update(f"{ws.title}!{c}" for c in str(cf.sqref).split())
    return cells


def _codes(text: str) -> list[str]:
    return re.findall(r"\[([A-Z_]+)\]", text)


def test_blank_forslag_notes_on_answer_cells(tmp_path, schemas):
    source = OFFICIAL / "forslag.xlsx"
    before = _sha(source)
    report, target, result = _copy_annotated(tmp_path, source, schemas)
    assert _sha(source) == before
    notes = _notes(target)
    assert len(notes) == result.comments == len(report.findings)  # one answer cell each
    assert _codes(notes["Förslag!B6"]) == ["FIELD_MISSING"]  # Kontaktperson
    assert _codes(notes["Förslag!B10"]) == ["SECTION_PLACEHOLDER"]  # behov: the "Skriv här" under the prompt
    assert _codes(notes["Förslag!B16"]) == ["SECTION_PLACEHOLDER"]  # aktiviteter: right of the prompt
    assert _marked_cells(target) == set(notes)
    wb, review = _review(target)
    assert len(review) == 1 and wb.active is review[0] and wb.sheetnames[0] == review[0].title
    rows = [r for r in review[0].iter_rows(min_row=6, values_only=True) if any(r)]
    assert sorted(r[1] for r in rows) == sorted(f.code.value for f in report.findings)
    assert all(c.data_type == "s" for row in review[0].iter_rows() for c in row if c.value is not None)
    # The template's own yellow answer fill is untouched (the mark is a conditional format).
    import openpyxl

    orig = openpyxl.load_workbook(source)["Förslag"]["B10"].fill.fgColor.rgb
    assert openpyxl.load_workbook(target)["Förslag"]["B10"].fill.fgColor.rgb == orig


def test_blank_utvarderingsschema_notes_under_the_headers(tmp_path, schemas):
    source = OFFICIAL / "utvarderingsschema.xlsx"
    report, target, _ = _copy_annotated(tmp_path, source, schemas)
    notes = _notes(target)
    assert set(notes) == {f"Utvärderingsschema!{c}5" for c in "ABCDEFG"}
    assert all(_codes(t) == ["SECTION_EMPTY"] for t in notes.values())


def test_gap_forslag_rerun_and_others_notes(tmp_path, schemas):
    import openpyxl
    from openpyxl.comments import Comment

    source = tmp_path / "forslag.xlsx"
    shutil.copy(_sample("forslag-luckor.xlsx"), source)
    wb = openpyxl.load_workbook(source)
    wb["Förslag"]["A1"].comment = Comment("Ring Kalle om detta", "Kalle Karlsson")
    wb["Förslag"]["B22"].comment = Comment("Jag letar källor", "Kalle Karlsson")  # a problem cell
    wb.save(source)
    before = _sha(source)
    report, first, _ = _copy_annotated(tmp_path, source, schemas, name="first.xlsx")
    assert _sha(source) == before
    notes = _notes(first)
    assert _codes(notes["Förslag!B18"]) == ["DURATION_OUT_OF_RANGE"]  # "fem år"
    assert _codes(notes["Förslag!B10"]) == ["SECTION_PLACEHOLDER"]  # "TODO"
    assert "Förslag!B22" not in notes  # Kalle's note is kept, ours is on the review sheet
    assert _notes(first, author="Kalle Karlsson") == {"Förslag!A1": "Ring Kalle om detta",
                                                      "Förslag!B22": "Jag letar källor"}
    # Checking the copy (review sheet and all) finds the same as checking the original.
    again = check_document(first, schemas)
    assert [(f.code, f.where) for f in again.findings] == [(f.code, f.where) for f in report.findings]
    _, second, _ = _copy_annotated(tmp_path, first, schemas, name="second.xlsx")
    assert _notes(second) == notes
    assert _notes(second, author="Kalle Karlsson") == _notes(first, author="Kalle Karlsson")
    assert _marked_cells(second) == _marked_cells(first)
    _, review = _review(second)
    assert len(review) == 1


def test_a_complete_workbook_has_only_a_review_sheet(tmp_path, schemas):
    from test_validate import filled_forslag

    # Every answer over its "Skriv här:" (the sample answers beside some, which is a warning).
    complete = filled_forslag(tmp_path / "forslag.xlsx", name="Läxhjälp i Bifrost")
    report, target, result = _copy_annotated(tmp_path, complete, schemas)
    assert not report.findings and result.comments == 0 and not _notes(target)
    _, review = _review(target)
    assert len(review) == 1


# -- the command ------------------------------------------------------------------------

def test_cli_annotate_dir_writes_one_copy_per_file(tmp_path, cli):
    sources = [_sample("ansokan-luckor/ansokan.docx"), _sample("forslag-luckor.xlsx")]
    hashes = [_sha(s) for s in sources]
    out = tmp_path / "granskade"
    result = cli("check", *sources, "--annotate-dir", out, "--format", "json")
    assert result.exit_code == 1
    assert sorted(p.name for p in out.iterdir()) == sorted(s.name for s in sources)
    assert [_sha(s) for s in sources] == hashes
    # The submission's own finding (no utvärderingsschema) is in the Word copy's summary.
    summary = _comments(out / "ansokan.docx")
    assert any("ATTACHMENT_MISSING" in c["codes"] for c in summary)
    assert _notes(out / "forslag-luckor.xlsx")


def test_cli_annotate_single_and_refusals(tmp_path, cli):
    source = tmp_path / "utkast.docx"
    shutil.copy(OFFICIAL / "ideprovning.docx", source)
    before = _sha(source)
    out = tmp_path / "utkast-granskad.docx"
    assert cli("check", source, "--annotate", out).exit_code == 1
    assert len(_comments(out)) > 1
    # Never over the input itself, never several files into one --annotate.
    assert cli("check", source, "--annotate", source).exit_code == 2
    assert cli("check", source, "--annotate-dir", tmp_path).exit_code == 2
    assert cli("check", source, OFFICIAL / "forslag.xlsx", "--annotate", tmp_path / "x.docx").exit_code == 2
    assert _sha(source) == before
    # Re-running onto the same output replaces it without stacking.
    assert cli("check", source, "--annotate", out).exit_code == 1
    assert len(_comments(out)) == len(_comments(tmp_path / "utkast-granskad.docx"))


@pytest.mark.parametrize("template", ["ideprovning.docx", "forslag.xlsx"])
def test_checking_our_own_copy_says_to_send_the_original(tmp_path, cli, template):
    """An applicant who sends the annotated copy back is told to send the corrected original
    (a note on the report, JSON "annotated_copy"); the findings are those of the original."""
    from socinv_docs import messages

    draft = tmp_path / template
    shutil.copy(OFFICIAL / template, draft)
    copy = tmp_path / f"{draft.stem}-granskad{draft.suffix}"
    assert cli("check", draft, "--annotate", copy).exit_code == 1
    original, again = cli("check", draft, "--format", "json").json, cli("check", copy, "--format", "json").json
    assert again["annotated_copy"] is True and "annotated_copy" not in original
    assert [f["code"] for f in again["findings"]] == [f["code"] for f in original["findings"]]
    for lang in ("sv", "en"):
        assert messages.text("ui.annotated_copy", lang) in cli("check", copy, "--lang", lang).output.splitlines()
        assert messages.text("ui.annotated_copy", lang) not in cli("check", draft, "--lang", lang).output
    # --annotate-dir names each copy as its source: the copy of a copy gets no second suffix.
    out = tmp_path / "igen"
    assert cli("check", copy, "--annotate-dir", out).exit_code == 1
    assert [p.name for p in out.iterdir()] == [copy.name]


def test_cli_unreadable_file_gets_no_copy(tmp_path, cli):
    bad = tmp_path / "trasig.docx"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    out = tmp_path / "out"
    result = cli("check", bad, "--annotate-dir", out)
    assert result.exit_code == 2
    assert not out.exists() or not any(out.iterdir())


# -- members that lie about their size, or fail their CRC ------------------------------------

# Runs `socinv check` as its only child (under SOCINV_MAX_SECONDS from the environment) and
# reports the child's exit code, output, processor time and peak memory.
_PROBE = """
import json, resource, subprocess, sys
done = subprocess.run([sys.executable, "-m", "socinv_docs", "check", *sys.argv[1:]], capture_output=True, text=True)
use = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"code": done.returncode, "err": done.stderr, "kb": use.ru_maxrss,
                  "cpu": use.ru_utime + use.ru_stime}))
"""
_TWO_GIB_MB = 2048


@pytest.fixture(scope="module")
def two_gib_of_zeros() -> bytes:
    """Raw deflate blocks that inflate to 2 GiB of zeros, ending the stream (about 2 MB).
    One block of 1 MiB ends with a full flush, so it stands alone and can simply repeat."""
    block = zlib.compressobj(9, zlib.DEFLATED, -15)
    one = block.compress(b"\0" * (1 << 20)) + block.flush(zlib.Z_FULL_FLUSH)
    return one * _TWO_GIB_MB + zlib.compressobj(9, zlib.DEFLATED, -15).flush()


def _lying(tmp_path: Path, source: Path, part: str, tail: bytes) -> Path:
    from test_bad_input import lying_member

    return lying_member(source, tmp_path / f"ljuger{source.suffix}", part, tail)


# Word: a member the check never reads whole (the thumbnail), so `check` answers and only the
# copy meets the lie. Excel: the check drains every member, so it refuses the file itself.
HOSTILE = [(OFFICIAL / "ideprovning.docx", "docProps/thumbnail.jpeg"), (OFFICIAL / "forslag.xlsx", "docProps/app.xml")]


@pytest.mark.parametrize("source,part", HOSTILE, ids=["docx", "xlsx"])
def test_copy_of_a_member_running_on_for_2_gib_stays_small(tmp_path, two_gib_of_zeros, source, part):
    """A member that declares its true size but whose stream runs on for 2 GiB: the Word
    annotator read every member with zipfile (which inflates it whole) and peaked at 2.1 GB,
    7.6 s, past a 2 s limit. Now the copy stops at the first chunk past the declared size."""
    path = _lying(tmp_path, source, part, two_gib_of_zeros)
    assert path.stat().st_size < 4 << 20
    target = tmp_path / f"granskad{source.suffix}"
    env = {**os.environ, "SOCINV_MAX_SECONDS": "2"}
    proc = subprocess.run([sys.executable, "-c", _PROBE, str(path), "--annotate", str(target)], capture_output=True,
                          text=True, cwd=ROOT, env=env, timeout=120)
    result = json.loads(proc.stdout)
    assert result["code"] == 2 and "Traceback" not in result["err"], result["err"]
    assert result["kb"] / 1024 < 400, f"{result['kb'] / 1024:.0f} MB"
    assert result["cpu"] < 2.0, result["cpu"]
    assert not target.exists() and sorted(p.name for p in tmp_path.iterdir()) == [path.name]


@pytest.mark.parametrize("source,part", [(OFFICIAL / "ideprovning.docx", "docProps/thumbnail.jpeg"),
                                         (OFFICIAL / "ideprovning.docx", "word/styles.xml"),
                                         (OFFICIAL / "forslag.xlsx", "xl/workbook.xml"),
                                         (OFFICIAL / "forslag.xlsx", "docProps/app.xml")],
                         ids=["docx-copied", "docx-read", "xlsx-read", "xlsx-copied"])
def test_annotator_refuses_a_lying_member_it_reads_or_copies(tmp_path, schemas, two_gib_of_zeros, source, part):
    """The annotators themselves, given the report of the honest file (as if the file had
    changed since the check): a member they parse and a member they copy both go through
    the readers' bounded stream, and the refusal names the reader's reason."""
    report = check_document(source, schemas)
    path = _lying(tmp_path, source, part, two_gib_of_zeros)
    target = tmp_path / f"granskad{source.suffix}"
    with pytest.raises(AnnotateError) as refused:
        annotate(report, path, target)
    assert refused.value.key == "annotate.damaged"
    assert refused.value.params["reason"]["key"] == "unreadable.corrupt"
    assert not target.exists()


def _stored(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    """A member's bytes as stored (compressed), read past its local header."""
    archive.fp.seek(info.header_offset + 26)
    name_len, extra_len = struct.unpack("<HH", archive.fp.read(4))
    archive.fp.seek(info.header_offset + 30 + name_len + extra_len)
    return archive.fp.read(info.compress_size)


@pytest.mark.parametrize("template", [OFFICIAL / "ideprovning.docx", OFFICIAL / "forslag.xlsx"])
def test_members_not_rewritten_are_copied_as_stored(tmp_path, schemas, template):
    """Copied without inflating and deflating again: the same compressed bytes, CRC and sizes
    (the source is deflated at level 1, so deflating again at zipfile's level would differ)."""
    source = tmp_path / f"snabb{template.suffix}"
    with zipfile.ZipFile(template) as a, zipfile.ZipFile(source, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as b:
        for info in a.infolist():
            b.writestr(info.filename, a.read(info))
    report, target, _ = _copy_annotated(tmp_path, source, schemas)
    with zipfile.ZipFile(source) as a, zipfile.ZipFile(target) as b:
        assert b.testzip() is None
        rewritten = set()
        kept = 0
        for info in a.infolist():
            copy = b.getinfo(info.filename)
            if copy.CRC != info.CRC:
                rewritten.add(info.filename)
                continue
            kept += 1
            assert (copy.compress_type, copy.compress_size, copy.file_size) == \
                (info.compress_type, info.compress_size, info.file_size), info.filename
            assert _stored(a, info) == _stored(b, copy), info.filename
    assert kept >= 3 and rewritten

"""Kind detection: the same kind as scoring every kind, at the cost of matching (about) one.

Matching headings compares every block of a file with every heading of a kind; on a long
file that is what detection costs. A new funder's kinds must not make every other funder's
files slower to detect, so kinds that cannot win are never matched.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import OFFICIAL, ROOT

from socinv_docs.extract import detect
from socinv_docs.extract.matching import TargetKind, match
from socinv_docs.extract.text import fold
from socinv_docs.limits import Limits
from socinv_docs.loading import load_schemas
from socinv_docs.pipeline import read_raw

FILES = sorted([*OFFICIAL.glob("*.*x"), *(ROOT / "samples").rglob("*.*x")])


def every_kind_scored(raw, schemas, among=None) -> str | None:
    """The reference: every kind of the file's format matched and scored."""
    head = f"{fold(raw.title)} \n " + " \n ".join(fold(b.text) for b in raw.blocks[:detect.LOOK_AT_BLOCKS])
    sheets = {fold(s) for s in raw.sheet_names}
    best = None
    for kind in schemas.kinds.values():
        if kind.format != raw.format or (among is not None and kind.id not in among):
            continue
        score = sum(detect.PHRASE_POINTS for p in kind.detect.phrases if fold(p) in head)
        score += sum(detect.SHEET_POINTS for s in kind.detect.sheet_names if fold(s) in sheets)
        score += sum(1 for m in match(kind, raw.blocks, schemas.common.match_threshold)
                     if m.target.kind is TargetKind.SECTION)
        if score >= kind.detect.min_score and (best is None or score > best[0]):
            best = (score, kind.id)
    return best[1] if best else None


@pytest.fixture
def counted(monkeypatch):
    """The kinds detection matched, in order."""
    calls: list[str] = []

    def counting(kind, blocks, threshold):
        calls.append(kind.id)
        return match(kind, blocks, threshold)

    monkeypatch.setattr(detect, "match", counting)
    return calls


@pytest.mark.parametrize("path", FILES, ids=[str(p.relative_to(ROOT)) for p in FILES])
def test_the_kind_of_every_file_is_matched_alone(path, schemas, counted):
    raw = read_raw(path, Limits.from_env())
    kind = detect.detect_kind(raw, schemas)
    assert kind == every_kind_scored(raw, schemas)
    assert counted == [kind]


def test_among_a_profiles_kinds_and_unknown_files(schemas, counted, tmp_path):
    import docx

    raw = read_raw(OFFICIAL / "ideprovning.docx", Limits.from_env())
    among = schemas.profiles["molndal-2018"].kinds
    assert detect.detect_kind(raw, schemas, among) is None
    assert every_kind_scored(raw, schemas, among) is None
    assert counted == []  # Mölndal's only kind is an Excel form
    d = docx.Document()
    d.add_heading("Protokoll", 0)
    for n in range(30):
        d.add_paragraph(f"Rad {n} om behov och målgrupp")
    d.save(tmp_path / "protokoll.docx")
    raw = read_raw(tmp_path / "protokoll.docx", Limits.from_env())
    assert detect.detect_kind(raw, schemas) is None
    assert every_kind_scored(raw, schemas) is None


@pytest.mark.parametrize("copy", ["aa_kopia", "zz_kopia"])
def test_a_tie_goes_to_the_first_kind_in_name_order(copy, tmp_path):
    root = tmp_path / "schemas"
    shutil.copytree(ROOT / "schemas", root)
    text = (root / "kinds" / "ideprovning.yaml").read_text(encoding="utf-8")
    (root / "kinds" / f"{copy}.yaml").write_text(text.replace("id: ideprovning", f"id: {copy}"), encoding="utf-8")
    schemas = load_schemas(Path(root))
    raw = read_raw(OFFICIAL / "ideprovning.docx", Limits.from_env())
    expected = "aa_kopia" if copy == "aa_kopia" else "ideprovning"
    assert detect.detect_kind(raw, schemas) == expected == every_kind_scored(raw, schemas)

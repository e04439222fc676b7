"""A report carries its satsning's plan (SPEC §9): written as a custom XML part, kept through a
LibreOffice save, read back through the readers' bounded reads and checked value by value; a
part that is ours but bad, too big or of another format is passed over with a note, never a
crash; and a report checked with no plan at all is REPORT_UNLINKED, a warning for `check`.

Until the report kinds are in, the application kinds stand in: what is tested is the part and
how a check uses it, not a report's own rules."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import zipfile
from dataclasses import replace
from pathlib import Path

import docx
import pytest
from conftest import ROOT
from test_annotate_excel import _convert

from socinv_docs.approved import ApprovedFile, plan_of, sha256_of
from socinv_docs.codes import Code, Severity
from socinv_docs.pipeline import check_document, check_submission, report_unlinked
from socinv_docs.plan import FORMAT, Beslut, Plan
from socinv_docs.readers.carried_plan import MAX_BYTES
from socinv_docs.render.prefill import carry_plan, save
from socinv_docs.render.text import file_notes
from socinv_docs.service import Checked, check_files

SAMPLE = ROOT / "samples" / "ansokan-komplett"
DAY = dt.date(2026, 3, 1)


@pytest.fixture(scope="module")
def plan(schemas) -> Plan:
    files = [ApprovedFile(p.name, sha256_of(p), check_document(p, schemas)) for p in sorted(SAMPLE.iterdir())]
    return plan_of("laxhjalp-vivalla", files, schemas, frozen_on=DAY,
                   beslut=Beslut(beviljat_belopp=3_900_000, diarienummer="KS 2025/812", source="beslut.yaml"))


def carrying(plan: Plan, target: Path, source: Path = SAMPLE / "ansokan.docx") -> Path:
    document = docx.Document(str(source))
    carry_plan(document, plan)
    return save(document, target, plan.frozen_on)


def _ours(path: Path) -> str:
    with zipfile.ZipFile(path) as archive:
        return next(n for n in archive.namelist()
                    if n.startswith("customXml/item") and b"urn:socinv-docs:plan" in archive.read(n)[:4096]
                    and "Props" not in n)


def with_part(path: Path, target: Path, data: bytes, name: str | None = None) -> Path:
    """A copy of `path` with its carried plan's part replaced by `data`."""
    name = name or _ours(path)
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            out.writestr(info, data if info.filename == name else src.read(info))
    return target


def test_a_carried_plan_is_read_back_exactly_and_used_by_the_check(plan, schemas, tmp_path):
    path = carrying(plan, tmp_path / "rapport.docx")
    report = check_document(path, schemas)
    assert report.carried_plan == plan and report.plan is report.carried_plan and report.plan_note is None
    assert report.to_json()["plan"] == {"satsning": "laxhjalp-vivalla", "version": 1, "title": "Läxhjälp i Vivalla",
                                        "carried": True}
    # Said beside the findings: the plan it was compared with, and how its project years
    # became calendar years (shown, never hidden).
    assert plan.conversion and len(file_notes(report)) == 2
    assert len(file_notes(replace(report, plan=None, carried_plan=None))) == 0
    # The python-docx template's own custom XML (a bibliography) is still there beside ours.
    with zipfile.ZipFile(path) as archive:
        assert sum(n.startswith("customXml/itemProps") for n in archive.namelist()) == 2


def test_a_plan_the_follow_up_run_gives_wins_over_the_carried_one_which_stays_visible(plan, schemas, tmp_path):
    path = carrying(plan, tmp_path / "rapport.docx")
    stored = replace(plan, version=2)
    report = check_document(path, schemas, plan=stored)
    assert report.plan is stored and report.carried_plan == plan  # the run can tell PLAN_CHANGED


def test_the_same_plan_gives_the_same_bytes_and_a_new_plan_replaces_the_old(plan, tmp_path):
    one, two = carrying(plan, tmp_path / "a.docx"), carrying(plan, tmp_path / "b.docx")
    assert one.read_bytes() == two.read_bytes()
    again = carrying(replace(plan, version=2), tmp_path / "c.docx", source=one)
    with zipfile.ZipFile(again) as archive:
        ours = [n for n in archive.namelist() if n.startswith("customXml/item") and "Props" not in n
                and b"urn:socinv-docs:plan" in archive.read(n)[:4096]]
    assert len(ours) == 1


def test_a_carried_plan_survives_a_libreoffice_save(plan, schemas, tmp_path, soffice):
    path = carrying(plan, tmp_path / "rapport.docx")
    _convert([path], "docx", tmp_path / "sparad", tmp_path / "lo-profile")
    saved = tmp_path / "sparad" / "rapport.docx"
    assert saved.exists() and saved.read_bytes() != path.read_bytes()
    report = check_document(saved, schemas)
    assert report.carried_plan == plan and report.plan_note is None


def _note(path: Path, schemas) -> str | None:
    report = check_document(path, schemas)
    assert report.plan is None and report.document is not None  # the file itself is checked as ever
    return report.plan_note["key"] if report.plan_note else None


@pytest.mark.parametrize("data,note", [
    (b"<plan xmlns='urn:socinv-docs:plan:1'>{not json</plan>", "plan.carried.unreadable"),
    (b"<plan xmlns='urn:socinv-docs:plan:1'>[1, 2]</plan>", "plan.carried.unreadable"),
    (b"<plan xmlns='urn:socinv-docs:plan:1'><unclosed></plan>", "plan.carried.unreadable"),
    (b"<plan xmlns='urn:socinv-docs:plan:2'>{}</plan>", "plan.carried.other_format"),
    (b"<plan xmlns='urn:socinv-docs:plan:1'>" + b"[" * 100_000 + b"</plan>", "plan.carried.unreadable"),
    (b"<sources xmlns='http://schemas.openxmlformats.org/officeDocument/2006/bibliography'/>", None),
])
def test_a_bad_carried_part_is_passed_over_with_a_note(plan, schemas, tmp_path, data, note):
    path = with_part(carrying(plan, tmp_path / "rapport.docx"), tmp_path / "trasig.docx", data)
    assert _note(path, schemas) == note


def test_a_carried_part_with_a_dtd_makes_the_file_unreadable_as_any_part_would(plan, schemas, tmp_path):
    data = b"<?xml version='1.0'?><!DOCTYPE plan [<!ENTITY x 'y'>]><plan xmlns='urn:socinv-docs:plan:1'>&x;</plan>"
    path = with_part(carrying(plan, tmp_path / "rapport.docx"), tmp_path / "dtd.docx", data)
    report = check_document(path, schemas)
    assert [f.code for f in report.findings] == [Code.FILE_UNREADABLE] and report.plan is None


def test_an_oversized_carried_part_is_not_read(plan, schemas, tmp_path):
    padding = b" " * (MAX_BYTES + 1)
    data = b"<plan xmlns='urn:socinv-docs:plan:1'>{}" + padding + b"</plan>"
    path = with_part(carrying(plan, tmp_path / "rapport.docx"), tmp_path / "stor.docx", data)
    assert _note(path, schemas) == "plan.carried.too_large"


@pytest.mark.parametrize("change,note", [
    (lambda d: {**d, "format": FORMAT + 1}, "plan.carried.other_format"),
    (lambda d: {**d, "version": "1"}, "plan.carried.unreadable"),
    (lambda d: {**d, "budget": [{"calendar_year": 2026, "component": "x", "label": "x", "amount": "1 mkr"}]},
     "plan.carried.unreadable"),
    (lambda d: {k: v for k, v in d.items() if k != "title"}, "plan.carried.unreadable"),
    (lambda d: {**d, "goals": "g1"}, "plan.carried.unreadable"),
])
def test_a_carried_plan_is_checked_value_by_value(plan, schemas, tmp_path, change, note):
    data = change(plan.to_json())
    xml = b"<plan xmlns='urn:socinv-docs:plan:1'>" + json.dumps(data).replace("&", "&amp;").replace(
        "<", "&lt;").encode() + b"</plan>"
    path = with_part(carrying(plan, tmp_path / "rapport.docx"), tmp_path / "fel.docx", xml)
    assert _note(path, schemas) == note


def test_two_different_carried_plans_are_neither_used(plan, schemas, tmp_path):
    first = carrying(plan, tmp_path / "rapport.docx")
    document = docx.Document(str(first))
    other = replace(plan, satsning="en-annan")
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    from socinv_docs.render.prefill import _props_xml, plan_xml  # a second part beside the first, as a hand might

    item = Part(PackURI("/customXml/item9.xml"), "application/xml", plan_xml(other), document.part.package)
    item.relate_to(Part(PackURI("/customXml/itemProps9.xml"), "application/vnd.openxmlformats-officedocument."
                        "customXmlProperties+xml", _props_xml(other), document.part.package), RT.CUSTOM_XML_PROPS)
    document.part.relate_to(item, RT.CUSTOM_XML)
    path = save(document, tmp_path / "tva.docx", DAY)
    assert _note(path, schemas) == "plan.carried.several"


# -- REPORT_UNLINKED --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def as_report(schemas):
    """The schemas with the ansökan standing in for a report kind (`report: true`)."""
    kind = replace(schemas.kinds["ansokan"], report=True)
    return replace(schemas, kinds={**schemas.kinds, "ansokan": kind})


def test_a_report_checked_alone_without_a_plan_is_unlinked_as_a_warning(as_report, tmp_path):
    shutil.copy(SAMPLE / "ansokan.docx", tmp_path / "rapport.docx")
    checked = Checked.of(check_files([tmp_path / "rapport.docx"], as_report))
    unlinked = [f for f in checked.report.findings if f.code is Code.REPORT_UNLINKED]
    assert [(f.severity, f.params["variant"]) for f in unlinked] == [(Severity.WARNING, "alone")]


def test_a_report_that_carries_its_plan_is_linked(plan, as_report, tmp_path):
    path = carrying(plan, tmp_path / "rapport.docx")
    checked = Checked.of(check_files([path], as_report))
    assert Code.REPORT_UNLINKED not in {f.code for f in checked.report.findings}
    assert checked.report.plan == plan


def test_the_follow_up_run_says_unlinked_itself_as_an_error(as_report, schemas, tmp_path):
    shutil.copy(SAMPLE / "ansokan.docx", tmp_path / "rapport.docx")
    doc = check_document(tmp_path / "rapport.docx", as_report)
    def codes(sub):
        return {f.code for f in sub.findings}

    assert Code.REPORT_UNLINKED in codes(check_submission("s", [doc], as_report))
    assert Code.REPORT_UNLINKED not in codes(check_submission("s", [doc], as_report, unlinked=None))
    finding = report_unlinked(doc, dnr="KS 2025/812", title="Läxhjälp i Vivalla")
    assert (finding.code, finding.severity, finding.params["file"]) == (Code.REPORT_UNLINKED, Severity.ERROR,
                                                                       doc.file)
    # A kind that is no report (the shipped ansökan) is never unlinked.
    assert Code.REPORT_UNLINKED not in codes(check_submission("s", [check_document(tmp_path / "rapport.docx", schemas)],
                                                              schemas))


def test_check_of_a_carried_report_says_which_plan_in_json(plan, cli, tmp_path):
    path = carrying(plan, tmp_path / "rapport.docx")
    data = cli("check", path, "--format", "json").json
    assert data["plan"]["satsning"] == "laxhjalp-vivalla" and data["plan"]["carried"] is True
    broken = with_part(path, tmp_path / "trasig.docx", b"<plan xmlns='urn:socinv-docs:plan:1'>{</plan>")
    data = cli("check", broken, "--format", "json").json
    assert "plan" not in data and data["plan_note"] == "plan.carried.unreadable"

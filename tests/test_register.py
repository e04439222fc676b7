"""The register (SPEC §6): sheets, Excel conventions, text never a formula, and Excel-in —
the group's own columns survive re-runs, matched by submission.

Reports are built directly (no parsing), so these tests are fast. Assertions are on cell
values, types and structure, never on message wording.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from openpyxl.worksheet.datavalidation import DataValidation

from socinv_docs.codes import Code, Severity
from socinv_docs.model import Document, FieldValue, Section, SectionState
from socinv_docs.render import register as R
from socinv_docs.report import DocumentReport, Facts, Finding, PartyFact, RunReport, SubmissionReport

NOW = dt.datetime(2026, 3, 1, 10, 0)
HOSTILE = ['=HYPERLINK("http://x","y")', "+46 70 123 45 67", "-5", "@SUM(A1)", "=1+1"]


def finding(code: Code, severity: Severity = Severity.ERROR, section: str | None = None) -> Finding:
    return Finding(code=code, severity=severity, message=f"m {code.value}", hint="h", location="rubrik 'x'",
                   section=section)


def doc_report(file: str, *, kind: str = "ansokan", namn: str | None = "Läxhjälp", findings=(), sections=None,
               namnder=None, forvaltning=None, sokt=None, economics=None, unreadable=False) -> DocumentReport:
    if unreadable:
        return DocumentReport(file=file, findings=[finding(Code.FILE_UNREADABLE)])
    fields = {"namn": FieldValue(id="namn", raw=namn or "", value=namn)}
    if namnder is not None:
        fields["namnder"] = FieldValue(id="namnder", value=namnder)
    if forvaltning is not None:
        fields["forvaltning"] = FieldValue(id="forvaltning", value=forvaltning)
    if sokt is not None:
        fields["sokt_belopp"] = FieldValue(id="sokt_belopp", value=sokt)
    secs = {sid: Section(id=sid, state=SectionState(state)) for sid, state in (sections or {"behov": "ok"}).items()}
    document = Document(file=file, kind=kind, profile="orebro-2020", format="docx", sections=secs, fields=fields)
    facts = Facts(title=namn or "", applicant=forvaltning or "", amount=sokt,
                  parties=[PartyFact(name=n["namnd"], category="namnd", area=n["verksamhetsomrade"])
                           for n in namnder or []], attachment=kind == "utvarderingsschema")
    return DocumentReport(file=file, kind=kind, profile="orebro-2020", findings=list(findings), document=document,
                          economics=economics, facts=facts)


def make_run(*subs: SubmissionReport) -> RunReport:
    return RunReport(submissions=list(subs), seconds=1.0, jobs=1)


def standard_run() -> RunReport:
    a = SubmissionReport(submission="Läxhjälp Vivalla", documents=[
        doc_report("Läxhjälp Vivalla/ansokan.docx", namn=HOSTILE[0],
                   namnder=[{"namnd": "Socialnämnden", "verksamhetsomrade": "Vård och omsorg"},
                            {"namnd": "+46 70", "verksamhetsomrade": "-5"}],
                   sokt=3_600_000,
                   economics={"cost": 3_600_000, "savings_total": 5_250_000, "horizon_years": 10, "ratio": 1.46,
                              "payback_year": 7}),
        doc_report("Läxhjälp Vivalla/utvarderingsschema.xlsx", kind="utvarderingsschema", namn=None)])
    b = SubmissionReport(submission="@SUM(A1).docx", documents=[
        doc_report("@SUM(A1).docx", kind="ideprovning", namn="-5",
                   sections={"behov": "ok", "innehall": "placeholder", "malgrupp": "missing"},
                   findings=[finding(Code.SECTION_PLACEHOLDER, section="innehall"),
                             finding(Code.SECTION_MISSING, section="malgrupp"),
                             finding(Code.CRITERION_NOT_MET, Severity.WARNING)])])
    c = SubmissionReport(submission="trasig.docx", documents=[doc_report("trasig.docx", unreadable=True)])
    d = SubmissionReport(submission="forslag.xlsx", documents=[
        doc_report("forslag.xlsx", kind="forslag", namn="+46 70 123 45 67", forvaltning="Stadsledningsförvaltningen")])
    return make_run(a, b, c, d)


def write(tmp_path: Path, run: RunReport, **kw) -> Path:
    path = tmp_path / "register.xlsx"
    R.write_register(path, run, root=tmp_path / "inkomna", now=NOW, **kw)
    return path


def headers(ws) -> list[str]:
    return [c.value for c in ws[1]]


def rows_by_key(ws) -> dict[str, dict[str, openpyxl.cell.cell.Cell]]:
    head = headers(ws)
    return {row[0].value: dict(zip(head, row)) for row in ws.iter_rows(min_row=2) if row[0].value is not None}


@pytest.fixture
def register(tmp_path) -> Path:
    return write(tmp_path, standard_run())


# -- the new register -------------------------------------------------------------------------


def test_sheets_table_filter_frozen_header(register):
    wb = openpyxl.load_workbook(register)
    assert wb.sheetnames[:2] == ["Ansökningar", "Brister"]
    for name in ("Ansökningar", "Brister"):
        ws = wb[name]
        assert ws.freeze_panes == "B2"
        (table,) = ws.tables.values()
        assert table.ref.startswith("A1:")
        assert table.autoFilter is not None
        assert [c.name for c in table.tableColumns] == headers(ws)
        assert len(set(headers(ws))) == len(headers(ws))
        assert all(ws.column_dimensions[c.column_letter].width >= 8 for c in ws[1])
    ws = wb["Ansökningar"]
    assert headers(ws)[-3:] == ["Bedömning", "Kommentar", "Förslag till beslut"]
    assert ws.tables["Ansokningar"].ref == f"A1:{ws.cell(row=1, column=ws.max_column).column_letter}5"
    assert wb.properties.creator == "socinv-docs"


def test_rows_values_and_types(register):
    ws = openpyxl.load_workbook(register)["Ansökningar"]
    rows = rows_by_key(ws)
    assert list(rows) == ["Läxhjälp Vivalla", "@SUM(A1).docx", "trasig.docx", "forslag.xlsx"]
    a = rows["Läxhjälp Vivalla"]
    assert a["Satsningens namn"].value == HOSTILE[0]
    assert a["Satsningens namn"].data_type == "s"
    assert "Socialnämnden" in a["Sökande/nämnder"].value and a["Sökande/nämnder"].data_type == "s"
    assert a["Fel"].value == 0 and a["Fel"].data_type == "n"
    assert a["Sökt belopp"].value == 3_600_000 and a["Sökt belopp"].data_type == "n"
    assert "kr" in a["Sökt belopp"].number_format and "0" in a["Sökt belopp"].number_format
    assert a["Kostnad"].value == 3_600_000
    assert a["Besparing inom horisonten"].value == 5_250_000 and "kr" in a["Besparing inom horisonten"].number_format
    assert a["Besparing/kostnad"].value == pytest.approx(1.46)
    assert a["Kontrollerad"].value == NOW
    assert a["Fil(er)"].hyperlink is not None
    assert a["Fil(er)"].hyperlink.target == "inkomna/L%C3%A4xhj%C3%A4lp%20Vivalla/ansokan.docx"
    b = rows["@SUM(A1).docx"]
    assert b["Inskick"].data_type == "s"
    assert b["Satsningens namn"].value == "-5" and b["Satsningens namn"].data_type == "s"
    assert (b["Fel"].value, b["Varningar"].value) == (2, 1)
    assert b["Avsnitt som saknas/ej ifyllda"].value.split(", ") == ["innehall", "malgrupp"]
    assert b["Sökt belopp"].value is None and b["Besparing/kostnad"].value is None
    c = rows["trasig.docx"]
    assert c["Satsningens namn"].value is None and c["Mall"].value is None
    d = rows["forslag.xlsx"]
    assert d["Satsningens namn"].value == "+46 70 123 45 67" and d["Satsningens namn"].data_type == "s"
    assert d["Sökande/nämnder"].value == "Stadsledningsförvaltningen"
    statuses = {k: r["Status"].value for k, r in rows.items()}
    assert len(set(statuses.values())) == 3  # complete, incomplete, unreadable differ
    assert statuses["Läxhjälp Vivalla"] == statuses["forslag.xlsx"]


def test_no_formula_anywhere(register):
    wb = openpyxl.load_workbook(register)
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", cell.coordinate
    raw = _sheet_xml(register)
    assert "<f>" not in raw and "<f " not in raw


def _sheet_xml(path: Path) -> str:
    import zipfile

    with zipfile.ZipFile(path) as z:
        return "".join(z.read(n).decode() for n in z.namelist() if n.startswith("xl/worksheets/sheet"))


def test_status_colours(register):
    ws = openpyxl.load_workbook(register)["Ansökningar"]
    status_letter = next(c.column_letter for c in ws[1] if c.value == "Status")
    ranges = [str(cf.sqref) for cf in ws.conditional_formatting]
    assert any(r.startswith(f"{status_letter}2:") for r in ranges)
    rules = [rule for cf in ws.conditional_formatting for rule in cf.rules]
    words = {r.formula[0].strip('"') for r in rules}
    statuses = {c.value for c in ws[status_letter][1:]}
    assert statuses <= words
    fills = {r.dxf.fill.fgColor.rgb[-6:] for r in rules}
    assert {"C6EFCE", "FFEB9C", "FFC7CE"} <= fills


def test_findings_sheet(register):
    ws = openpyxl.load_workbook(register)["Brister"]
    head = headers(ws)
    assert head == ["Inskick", "Fil", "Avsnitt/uppgift", "Kod", "Allvarlighet", "Brist", "Åtgärd", "Plats"]
    rows = [dict(zip(head, (c.value for c in row))) for row in ws.iter_rows(min_row=2)]
    assert [r["Kod"] for r in rows] == ["SECTION_PLACEHOLDER", "SECTION_MISSING", "CRITERION_NOT_MET",
                                        "FILE_UNREADABLE"]
    assert rows[0]["Inskick"] == "@SUM(A1).docx" and rows[0]["Avsnitt/uppgift"] == "innehall"
    assert ws["B2"].hyperlink.target == "inkomna/%40SUM%28A1%29.docx"


def test_empty_run_still_a_valid_table(tmp_path):
    path = write(tmp_path, make_run())
    wb = openpyxl.load_workbook(path)
    assert wb["Ansökningar"].tables["Ansokningar"].ref.endswith("2")


def test_illegal_characters_and_long_text(tmp_path):
    run = make_run(SubmissionReport(submission="x.docx", documents=[
        doc_report("x.docx", namn="Namn\x0bmed\x01kontrolltecken" + "a" * 40000)]))
    ws = openpyxl.load_workbook(write(tmp_path, run))["Ansökningar"]
    value = rows_by_key(ws)["x.docx"]["Satsningens namn"].value
    assert value.startswith("Namnmedkontrolltecken") and len(value) <= 32767


# -- Excel-in: the group's columns survive -----------------------------------------------------


def _type_into(path: Path) -> None:
    """What the beredningsgrupp does in Excel: fill their columns, add one of their own
    (between tool columns and at the end), widen a column, add a drop-down."""
    wb = openpyxl.load_workbook(path)
    ws = wb["Ansökningar"]
    rows = rows_by_key(ws)
    rows["Läxhjälp Vivalla"]["Bedömning"].value = "Bifall"
    rows["@SUM(A1).docx"]["Kommentar"].value = "=HYPERLINK(\"http://x\",\"y\")"
    rows["@SUM(A1).docx"]["Kommentar"].data_type = "s"
    rows["trasig.docx"]["Förslag till beslut"].value = "Begär ny fil"
    rows["forslag.xlsx"]["Kommentar"].value = "=1+1"  # a formula they typed themselves
    ws.insert_cols(3)  # their own column between Fil(er) and Mall
    ws["C1"] = "Handläggare"
    ws.cell(row=2, column=3, value="Eva")
    last = ws.max_column + 1
    ws.cell(row=1, column=last, value="Prioritet")
    ws.cell(row=3, column=last, value=2)
    ws.cell(row=4, column=last, value=dt.date(2026, 4, 1)).number_format = "yyyy-mm-dd"
    letter = ws.cell(row=1, column=last).column_letter
    ws.column_dimensions[letter].width = 33
    bed = next(c.column_letter for c in ws[1] if c.value == "Bedömning")
    dv = DataValidation(type="list", formula1='"Bifall,Avslag,Komplettering"')
    dv.add(f"{bed}2:{bed}200")
    ws.add_data_validation(dv)
    del ws.tables["Ansokningar"]  # their edits changed the table's columns; Excel would adjust it
    wb.create_sheet("Anteckningar")["A1"] = "Möte 12 mars"
    wb.save(path)


def test_group_columns_survive_two_reruns(tmp_path):
    path = write(tmp_path, standard_run())
    _type_into(path)
    run = standard_run()
    removed = run.submissions.pop(2)  # trasig.docx is no longer in the folder
    assert removed.submission == "trasig.docx"
    run.submissions[1].documents[0].findings.pop()  # one warning fixed
    run.submissions.append(SubmissionReport(submission="ny.docx", documents=[doc_report("ny.docx")]))
    write(tmp_path, run)
    write(tmp_path, run, lang="en")  # second re-run, other language
    wb = openpyxl.load_workbook(path)
    ws = wb["Ansökningar"]
    head = headers(ws)
    assert head[2] == "Handläggare" and head[-1] == "Prioritet"
    assert {"Bedömning", "Kommentar", "Förslag till beslut"} <= set(head)
    assert "Status" in head and "Submission" in head  # the tool's columns now in English
    rows = {r[0].value: dict(zip(head, r)) for r in ws.iter_rows(min_row=2)}
    assert list(rows) == ["Läxhjälp Vivalla", "@SUM(A1).docx", "trasig.docx", "forslag.xlsx", "ny.docx"]
    assert rows["Läxhjälp Vivalla"]["Bedömning"].value == "Bifall"
    assert rows["Läxhjälp Vivalla"]["Handläggare"].value == "Eva"
    assert rows["@SUM(A1).docx"]["Kommentar"].value == '=HYPERLINK("http://x","y")'
    assert rows["@SUM(A1).docx"]["Kommentar"].data_type == "s"
    assert rows["@SUM(A1).docx"]["Prioritet"].value == 2
    assert rows["@SUM(A1).docx"]["Warnings"].value == 0  # the tool's columns are updated
    assert rows["forslag.xlsx"]["Kommentar"].data_type == "f"  # their formula stays theirs
    assert rows["trasig.docx"]["Förslag till beslut"].value == "Begär ny fil"
    assert rows["trasig.docx"]["Prioritet"].value.date() == dt.date(2026, 4, 1)
    assert rows["trasig.docx"]["Status"].value == R.messages.text("register.status.removed", "en")
    assert rows["trasig.docx"]["Errors"].value == 1  # its last values are kept
    assert rows["ny.docx"]["Bedömning"].value is None
    prio = next(c.column_letter for c in ws[1] if c.value == "Prioritet")
    assert ws.column_dimensions[prio].width == 33
    bed = next(c.column_letter for c in ws[1] if c.value == "Bedömning")
    assert any(str(dv.sqref) == f"{bed}2:{bed}200" for dv in ws.data_validations.dataValidation)
    (table,) = ws.tables.values()
    assert [c.name for c in table.tableColumns] == head
    assert wb["Anteckningar"]["A1"].value == "Möte 12 mars"
    assert wb.sheetnames[:2] == ["Ansökningar", "Brister"]


def test_findings_sheet_keeps_group_notes(tmp_path):
    path = write(tmp_path, standard_run())
    wb = openpyxl.load_workbook(path)
    ws = wb["Brister"]
    ws.cell(row=1, column=9, value="Svar från sökande")
    ws.cell(row=2, column=9, value="Kompletteras")  # SECTION_PLACEHOLDER innehall
    ws.cell(row=4, column=9, value="Ok enligt mötet")  # CRITERION_NOT_MET, fixed below
    del ws.tables["Brister"]
    wb.save(path)
    run = standard_run()
    run.submissions[1].documents[0].findings.pop()
    write(tmp_path, run)
    ws = openpyxl.load_workbook(path)["Brister"]
    head = headers(ws)
    assert head[-1] == "Svar från sökande"
    rows = [dict(zip(head, (c.value for c in r))) for r in ws.iter_rows(min_row=2)]
    by_code = {r["Kod"]: r for r in rows}
    assert by_code["SECTION_PLACEHOLDER"]["Svar från sökande"] == "Kompletteras"
    assert by_code["CRITERION_NOT_MET"]["Svar från sökande"] == "Ok enligt mötet"
    assert by_code["CRITERION_NOT_MET"]["Allvarlighet"] == R.messages.text("register.status.removed", "sv")
    assert len(rows) == 4


def test_unreadable_or_foreign_register_refused(tmp_path):
    bad = tmp_path / "register.xlsx"
    bad.write_bytes(b"PK\x03\x04 not really")
    with pytest.raises(R.RegisterError) as err:
        R.write_register(bad, standard_run(), root=tmp_path)
    assert err.value.key == "ui.register.unreadable"
    assert bad.read_bytes() == b"PK\x03\x04 not really"
    with pytest.raises(R.RegisterError) as err:
        R.write_register(tmp_path / "register.csv", standard_run(), root=tmp_path)
    assert err.value.key == "ui.register.not_xlsx"


def test_lock_file_variants(tmp_path):
    path = tmp_path / "register.xlsx"
    assert R.lock_file(path) is None
    (tmp_path / ".~lock.register.xlsx#").write_text("x")
    assert R.lock_file(path) is not None
    with pytest.raises(R.RegisterError) as err:
        R.check_writable(path)
    assert err.value.key == "ui.register.locked"
    R.check_writable(path, force=True)


def test_atomic_write_leaves_no_temp_on_failure(tmp_path):
    from socinv_docs import atomic

    target = tmp_path / "out.bin"
    target.write_bytes(b"old")

    def boom(tmp):
        tmp.write_bytes(b"half")
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError):
        atomic.write_with(target, boom)
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.bin"]
    atomic.write_bytes(target, b"new")
    assert target.read_bytes() == b"new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.bin"]


def test_register_names_sections_and_fields_as_people_do(tmp_path):
    """'Behov och utmaning', 'Kontaktperson' – not the ids behov, kontaktperson."""
    import shutil

    import openpyxl
    from click.testing import CliRunner
    from conftest import OFFICIAL

    from socinv_docs import messages
    from socinv_docs.cli import main

    folder = tmp_path / "inkomna"
    folder.mkdir()
    shutil.copy(OFFICIAL / "forslag.xlsx", folder / "forslag.xlsx")
    register = tmp_path / "register.xlsx"
    CliRunner().invoke(main, ["validate", str(folder), "--register", str(register), "--jobs", "1"])
    wb = openpyxl.load_workbook(register)
    ws = wb["Ansökningar"]
    headers = [c.value for c in ws[1]]
    missing = ws.cell(row=2, column=headers.index(messages.text("register.col.missing")) + 1).value
    assert "Behov och utmaning" in missing and "vetenskapligt_stod" not in missing
    brister = wb["Brister"]
    subject_col = [c.value for c in brister[1]].index(messages.text("register.col.section"))
    subjects = {row[subject_col].value for row in brister.iter_rows(min_row=2)}
    assert "Kontaktperson" in subjects and "kontaktperson" not in subjects


# -- moving the group's references (render/sheet_refs.py) ----------------------------------------


def test_references_move_like_excel_moves_them():
    from socinv_docs.render.sheet_refs import AxisMap, remap_formula, remap_sqref

    # Old rows 2-5 are the table, 6 empty, 7 a total. New: old row 4 gone (a fixed
    # finding), two new rows (4 and 6), the total at 8. Column C moved to D.
    rows = AxisMap({1: 1, 2: 2, 3: 3, 5: 5, 7: 8}, first=(2, 2), last=(5, 6))
    cols = AxisMap({1: 1, 2: 2, 3: 4, 4: 5})

    def move(formula, **kw):
        return remap_formula(formula, sheet="Ansökningar", in_sheet=kw.pop("in_sheet", True), rows=rows, cols=cols,
                             table="Ansokningar", headers=kw.pop("headers", {}))

    assert move("=SUBTOTAL(9,C2:C5)") == "=SUBTOTAL(9,D2:D6)"  # grows with the table
    assert move("=$C$7*2") == "=$D$8*2"  # absolute references move too (as on insert)
    assert move("=C4") == "=#REF!"  # its row is gone
    assert move("=SUM(C3:C4)") == "=SUM(D3:D3)"  # a range over a gone row shrinks
    assert move("=COUNTA(C:C)+COUNTA(2:2)") == "=COUNTA(D:D)+COUNTA(2:2)"
    assert move('=IF(C2="C2",1,0)') == '=IF(D2="C2",1,0)'  # text stays text
    assert move("=Brister!C2+socinv_ans_key") == "=Brister!C2+socinv_ans_key"  # other sheets, names
    assert move("=C2", in_sheet=False) == "=C2"  # on another sheet, C2 is that sheet's
    assert move("='Ansökningar'!C2", in_sheet=False) == "='Ansökningar'!D2"
    assert move("=SUBTOTAL(109,Ansokningar[Sökt belopp])", headers={"Sökt belopp": "Amount applied for"}) \
        == "=SUBTOTAL(109,Ansokningar[Amount applied for])"
    assert move("=[@Fel]*2+Annan[Fel]", headers={"Fel": "Errors"}) == "=[@Errors]*2+Annan[Fel]"
    assert move("C2>1") == "D2>1"  # a conditional format's formula has no '='
    assert remap_sqref("C2:C200 A1", rows, cols) == "D2:D201 A1"  # past the end: the same distance
    assert move('="unclosed') == '="unclosed'  # what openpyxl cannot read is left as it is

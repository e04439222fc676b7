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

from socinv_docs import messages
from socinv_docs.codes import Code, Severity
from socinv_docs.figures import Economics
from socinv_docs.location import Location
from socinv_docs.model import Document, FieldValue, Section, SectionState
from socinv_docs.render import register as R
from socinv_docs.render.register.sheets import lists as list_sheet
from socinv_docs.render.register.sheets.findings import SHEET as BRI
from socinv_docs.render.register.sheets.submissions import SHEET as ANS
from socinv_docs.render.register.sheets.submissions import STATUS_COLOURS
from socinv_docs.render.workbook.merge import Slot
from socinv_docs.render.workbook.spec import NAME_PREFIX
from socinv_docs.render.workbook.table import LINE_HEIGHT, MAX_LINES, estimated_scale
from socinv_docs.report import DocumentReport, Facts, Finding, PartyFact, RunReport, SubmissionReport
from socinv_docs.rules.base import make_finding

NOW = dt.datetime(2026, 3, 1, 10, 0)
HOSTILE = ['=HYPERLINK("http://x","y")', "+46 70 123 45 67", "-5", "@SUM(A1)", "=1+1"]


def finding(code: Code, severity: Severity = Severity.ERROR, section: str | None = None, *,
            where: Location | None = None, **params) -> Finding:
    """A finding as the rules make it: data, with a structured place."""
    where = where or Location(heading=f"Rubrik {section}" if section else None)
    return make_finding(code, severity=severity, section=section, where=where, heading=section, **params)


def doc_report(file: str, *, kind: str = "ansokan", namn: str | None = "Läxhjälp", findings=(), sections=None,
               namnder=None, forvaltning=None, sokt=None, economics=None, unreadable=False) -> DocumentReport:
    if unreadable:
        from socinv_docs.pipeline import unreadable_report

        return unreadable_report(file, "unreadable.corrupt")
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
                   economics=Economics(cost=3_600_000, requested=None, savings_per_party=(),
                                       savings_total=5_250_000, horizon_years=10, ratio=1.46,
                                       payback_years_after_end=None, payback_year=7, discount_rate=0.0)),
        doc_report("Läxhjälp Vivalla/utvarderingsschema.xlsx", kind="utvarderingsschema", namn=None)])
    b = SubmissionReport(submission="@SUM(A1).docx", documents=[
        doc_report("@SUM(A1).docx", kind="ideprovning", namn="-5",
                   sections={"behov": "ok", "innehall": "placeholder", "malgrupp": "missing"},
                   findings=[finding(Code.SECTION_PLACEHOLDER, section="innehall"),
                             finding(Code.SECTION_MISSING, section="malgrupp",
                                     where=Location(heading="Rubrik behov", position="after")),
                             finding(Code.CRITERION_NOT_MET, Severity.WARNING,
                                     where=Location(table=2, row=3))])])
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


KEY_HEADER = ANS.header("key", "sv")


def col_of(ws, header: str) -> int:
    """1-based column of a header."""
    return headers(ws).index(header) + 1


def letter_of(ws, header: str) -> str:
    return openpyxl.utils.get_column_letter(col_of(ws, header))


def tool_rows(ws) -> list[dict[str, openpyxl.cell.cell.Cell]]:
    """The rows the tool keeps (those with a row key), as header -> cell."""
    head = headers(ws)
    key = next(k for k, h in enumerate(head) if h in {ANS.header("key", lang) for lang in messages.LANGS})
    return [dict(zip(head, row)) for row in ws.iter_rows(min_row=2) if row[key].value not in (None, "")]


def shift_names(wb, title: str, at: int, delta: int) -> None:
    """What Excel and LibreOffice do to defined names when a column is inserted (delta 1) or
    deleted (delta -1) at `at`: openpyxl's insert_cols/delete_cols do not."""
    from openpyxl.utils import column_index_from_string, get_column_letter

    for dn in wb.defined_names.values():
        text = dn.attr_text or ""
        prefix, _, ref = text.rpartition("!")
        if prefix.strip("'") != title or not ref.startswith("$") or ref.count("$") != 2:
            continue
        letters, row = ref[1:].split("$")
        col = column_index_from_string(letters)
        if delta < 0 and col == at:
            dn.attr_text = "#REF!"
        elif col >= at:
            dn.attr_text = f"{prefix}!${get_column_letter(col + delta)}${row}"


def excel_insert_col(wb, ws, at: int) -> None:
    ws.insert_cols(at)
    shift_names(wb, ws.title, at, 1)
    ws.tables.clear()  # Excel would widen the table; the tool makes it anew anyway


def excel_delete_col(wb, ws, at: int) -> None:
    ws.delete_cols(at)
    shift_names(wb, ws.title, at, -1)
    ws.tables.clear()


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
        assert all(ws.column_dimensions[c.column_letter].width >= 6 for c in ws[1])
        # The row key sits hidden at the far right (with Ansökningar's last-run state).
        assert KEY_HEADER in headers(ws)[-2:]
        assert all(ws.column_dimensions[letter_of(ws, h)].hidden for h in headers(ws)[-2:] if "socinv" in h)
    ws = wb["Ansökningar"]
    group = [col_of(ws, h) for h in ("Bedömning", "Kommentar", "Förslag till beslut")]
    assert group == list(range(group[0], group[0] + 3))
    assert ws.tables["Ansokningar"].ref == f"A1:{ws.cell(row=1, column=ws.max_column).column_letter}5"
    assert headers(wb["Brister"])[-4] == "Kommentar"  # the group's notes column on findings
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
    assert head == ["Inskick", "Avsnitt/uppgift", "Allvarlighet", "Brist", "Åtgärd", "Plats", "Kommentar", "Fil",
                    "Kod", KEY_HEADER]
    rows = [dict(zip(head, (c.value for c in row))) for row in ws.iter_rows(min_row=2)]
    assert [r["Kod"] for r in rows] == ["SECTION_PLACEHOLDER", "SECTION_MISSING", "CRITERION_NOT_MET",
                                        "FILE_UNREADABLE"]
    assert rows[0]["Inskick"] == "@SUM(A1).docx" and rows[0]["Avsnitt/uppgift"] == "innehall"
    assert ws.cell(row=2, column=col_of(ws, "Fil")).hyperlink.target == "inkomna/%40SUM%28A1%29.docx"


def test_a_name_no_link_can_hold_gets_no_link(tmp_path):
    """A real name that cannot be written as bytes (a lone surrogate, from no file system):
    the row is there, without a link, rather than a wrong link or a failed register."""
    doc = doc_report("bad.docx", kind="ideprovning", findings=[finding(Code.SECTION_MISSING, section="behov")])
    doc.path = str(tmp_path / "inkomna" / "bad\ud800.docx")
    path = write(tmp_path, make_run(SubmissionReport(submission="bad.docx", documents=[doc])))
    wb = openpyxl.load_workbook(path)
    assert rows_by_key(wb["Ansökningar"])["bad.docx"]["Fil(er)"].hyperlink is None
    assert wb["Brister"].cell(row=2, column=col_of(wb["Brister"], "Fil")).hyperlink is None


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
    assert rows["trasig.docx"]["Status"].value == messages.text("register.status.removed", "en")
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
    own = ws.max_column + 1
    ws.cell(row=1, column=own, value="Svar från sökande")
    ws.cell(row=2, column=own, value="Kompletteras")  # SECTION_PLACEHOLDER innehall
    ws.cell(row=4, column=col_of(ws, "Kommentar"), value="Ok enligt mötet")  # CRITERION_NOT_MET, fixed below
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
    assert by_code["CRITERION_NOT_MET"]["Kommentar"] == "Ok enligt mötet"
    assert by_code["CRITERION_NOT_MET"]["Allvarlighet"] == messages.text("register.status.removed", "sv")
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

    from socinv_docs.cli import main

    folder = tmp_path / "inkomna"
    folder.mkdir()
    shutil.copy(OFFICIAL / "forslag.xlsx", folder / "forslag.xlsx")
    register = tmp_path / "register.xlsx"
    CliRunner().invoke(main, ["validate", str(folder), "--register", str(register), "--jobs", "1"])
    wb = openpyxl.load_workbook(register)
    ws = wb["Ansökningar"]
    headers = [c.value for c in ws[1]]
    missing = ws.cell(row=2, column=headers.index(ANS.header("missing", "sv")) + 1).value
    assert "Behov och utmaning" in missing and "vetenskapligt_stod" not in missing
    brister = wb["Brister"]
    subject_col = [c.value for c in brister[1]].index(BRI.header("section", "sv"))
    subjects = {row[subject_col].value for row in brister.iter_rows(min_row=2)}
    assert "Kontaktperson" in subjects and "kontaktperson" not in subjects


# -- a row's identity is data (issue 10) --------------------------------------------------------


def _note_every_finding(path: Path) -> dict[str, str]:
    """The group types a note on every finding in Brister's Kommentar; returns code -> note."""
    wb = openpyxl.load_workbook(path)
    ws = wb["Brister"]
    notes = {}
    for row in tool_rows(ws):
        note = f"Noterat: {row['Kod'].value}"
        row["Kommentar"].value = note
        notes[row["Kod"].value] = note
    wb.save(path)
    return notes


def _findings_by_code(ws) -> dict[str, dict[str, object]]:
    head = headers(ws)
    code = head.index(BRI.header("code", "en") if "Code" in head else "Kod")
    return {row[code].value: dict(zip(head, (c.value for c in row))) for row in ws.iter_rows(min_row=2)
            if row[code].value}


def test_notes_on_findings_survive_a_language_change(tmp_path):
    """Swedish run, notes in Brister, English run: the same rows, every note on its finding."""
    path = write(tmp_path, standard_run())
    notes = _note_every_finding(path)
    assert len(notes) == 4
    write(tmp_path, standard_run(), lang="en")
    ws = openpyxl.load_workbook(path)["Brister"]
    assert len(tool_rows(ws)) == 4
    rows = _findings_by_code(ws)
    assert {code: r["Kommentar"] for code, r in rows.items()} == notes
    removed = {messages.text("register.status.removed", lang) for lang in messages.LANGS}
    assert not removed & {r["Severity"] for r in rows.values()}
    assert rows["SECTION_MISSING"]["Location"] == Location(heading="Rubrik behov", position="after").describe("en")


def test_notes_fall_back_to_visible_cells_when_the_key_column_is_deleted(tmp_path):
    path = write(tmp_path, standard_run())
    notes = _note_every_finding(path)
    wb = openpyxl.load_workbook(path)
    ws = wb["Brister"]
    excel_delete_col(wb, ws, col_of(ws, KEY_HEADER))
    wb.save(path)
    write(tmp_path, standard_run())  # the visible cells still say which finding a row is
    rows = _findings_by_code(openpyxl.load_workbook(path)["Brister"])
    assert {code: r["Kommentar"] for code, r in rows.items()} == notes
    wb = openpyxl.load_workbook(path)
    ws = wb["Brister"]
    assert len(tool_rows(ws)) == 4  # the key is back
    excel_delete_col(wb, ws, col_of(ws, KEY_HEADER))
    wb.save(path)
    write(tmp_path, standard_run(), lang="en")  # other words: code and section decide
    ws = openpyxl.load_workbook(path)["Brister"]
    rows = _findings_by_code(ws)
    assert {code: r["Kommentar"] for code, r in rows.items()} == notes
    assert ws.max_row == 5


def test_a_fixed_finding_does_not_lend_its_note_to_a_new_one(tmp_path):
    """Two findings of one code and section at different places: the note stays with its place."""
    def run(places):
        doc = doc_report("a.docx", findings=[finding(Code.SECTION_TOO_SHORT, section="behov",
                                                     where=Location(sheet="Blad1", cell=cell)) for cell in places])
        return make_run(SubmissionReport(submission="a.docx", documents=[doc]))

    path = write(tmp_path, run(["B4", "B9"]))
    wb = openpyxl.load_workbook(path)
    ws = wb["Brister"]
    row = next(r for r in tool_rows(ws) if r["Plats"].value == "Blad1!B9")
    row["Kommentar"].value = "B9 ok"
    wb.save(path)
    write(tmp_path, run(["B4", "C12"]))  # B9 fixed, a new one at C12
    ws = openpyxl.load_workbook(path)["Brister"]
    by_place = {r["Plats"].value: r for r in tool_rows(ws)}
    assert by_place["Blad1!B9"]["Kommentar"].value == "B9 ok"
    assert by_place["Blad1!B9"]["Allvarlighet"].value == messages.text("register.status.removed")
    assert by_place["Blad1!C12"]["Kommentar"].value is None


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_renamed_tool_headers_keep_their_rows_and_their_new_names(tmp_path, lang):
    path = write(tmp_path, standard_run())
    wb = openpyxl.load_workbook(path)
    ws = wb["Ansökningar"]
    renames = {"Inskick": "Ärende", "Status": "Läge", "Sökt belopp": "Belopp", "Fel": "Antal fel",
               KEY_HEADER: "Nyckel"}
    for old, new in renames.items():
        ws.cell(row=1, column=col_of(ws, old), value=new)
    rows_by_key(ws)["trasig.docx"]["Kommentar"].value = "Be om ny fil"
    ws.tables.clear()
    wb.save(path)
    write(tmp_path, standard_run(), lang=lang)
    ws = openpyxl.load_workbook(path)["Ansökningar"]
    head = headers(ws)
    assert set(renames.values()) <= set(head)
    assert not {"Inskick", "Submission", "Status", "Sökt belopp", "Amount applied for"} & set(head)
    rows = [dict(zip(head, r)) for r in ws.iter_rows(min_row=2)]
    assert [r["Ärende"].value for r in rows] == ["Läxhjälp Vivalla", "@SUM(A1).docx", "trasig.docx", "forslag.xlsx"]
    by_key = {r["Ärende"].value: r for r in rows}
    assert by_key["trasig.docx"]["Läge"].value == messages.text("register.status.unreadable", lang)
    assert by_key["trasig.docx"]["Kommentar"].value == "Be om ny fil"
    assert by_key["Läxhjälp Vivalla"]["Belopp"].value == 3_600_000
    assert by_key["@SUM(A1).docx"]["Antal fel"].value == 2


def _as_an_older_version_wrote_it(path: Path) -> None:
    """A register from before the row key: no names, no key or state column."""
    wb = openpyxl.load_workbook(path)
    for name in list(wb.defined_names):
        del wb.defined_names[name]
    for ws in (wb["Ansökningar"], wb["Brister"]):
        for header in [h for h in headers(ws) if h and h.startswith("socinv-docs:")]:
            ws.delete_cols(col_of(ws, header))
        ws.tables.clear()
    del wb["Listor"]
    wb.save(path)


def test_an_older_register_with_a_renamed_submission_header_is_not_doubled(tmp_path):
    path = write(tmp_path, standard_run())
    _as_an_older_version_wrote_it(path)
    wb = openpyxl.load_workbook(path)
    ws = wb["Ansökningar"]
    ws.cell(row=1, column=col_of(ws, "Inskick"), value="Ärende")
    ws.cell(row=1, column=col_of(ws, "Orsak"), value="Bakgrund")
    own = ws.max_column + 1
    ws.cell(row=1, column=own, value="Orsak")  # the group's own column, named like the new tool column
    ws.cell(row=3, column=own, value="Eget")
    rows_by_key(ws)["forslag.xlsx"]["Kommentar"].value = "Bra"
    wb.save(path)
    write(tmp_path, standard_run())
    ws = openpyxl.load_workbook(path)["Ansökningar"]
    assert len(tool_rows(ws)) == 4 and ws.max_row == 5
    rows = {r["Ärende"].value: r for r in tool_rows(ws)}
    assert rows["forslag.xlsx"]["Kommentar"].value == "Bra"
    assert rows["@SUM(A1).docx"]["Orsak"].value == "Eget"  # theirs, untouched
    assert headers(ws).count("Orsak") == 1 and "Orsak (2)" in headers(ws)


def test_a_total_under_the_table_stays_the_groups(tmp_path):
    """'Summa' with =SUBTOTAL two rows under the table: not a submission, its formula kept and
    still covering the whole column after new submissions and a new language."""
    from openpyxl.styles import Font

    path = write(tmp_path, standard_run())
    wb = openpyxl.load_workbook(path)
    ws = wb["Ansökningar"]
    belopp = letter_of(ws, "Sökt belopp")
    ws.cell(row=7, column=1, value="Summa").font = Font(bold=True)
    total = ws[f"{belopp}7"]
    total.value = f"=SUBTOTAL(9,{belopp}2:{belopp}5)"
    total.font = Font(bold=True)
    total.number_format = '#,##0 "kr"'
    ws.cell(row=8, column=col_of(ws, "Kostnad"), value="=SUBTOTAL(109,Ansokningar[Kostnad])")
    ws.row_dimensions[7].height = 30
    wb.save(path)
    run = standard_run()
    run.submissions.insert(0, SubmissionReport(submission="A ny.docx", documents=[doc_report("A ny.docx")]))
    write(tmp_path, run)
    write(tmp_path, run, lang="en")
    ws = openpyxl.load_workbook(path)["Ansökningar"]
    assert [r["Submission"].value for r in tool_rows(ws)] == ["Läxhjälp Vivalla", "@SUM(A1).docx", "trasig.docx",
                                                             "forslag.xlsx", "A ny.docx"]
    assert ws.cell(row=7, column=1).value is None  # the empty row between table and total stays
    assert ws["A8"].value == "Summa" and ws["A8"].font.b
    belopp = letter_of(ws, "Amount applied for")
    assert ws[f"{belopp}8"].value == f"=SUBTOTAL(9,{belopp}2:{belopp}6)"
    assert ws[f"{belopp}8"].font.b and ws[f"{belopp}8"].number_format == '#,##0 "kr"'
    assert ws.cell(row=9, column=col_of(ws, "Cost")).value == "=SUBTOTAL(109,Ansokningar[Cost])"
    assert ws.row_dimensions[8].height == 30
    assert ws.tables["Ansokningar"].ref.endswith("6")
    assert ws.max_row == 9


def test_a_total_inside_the_table_stays_last_in_it(tmp_path):
    """Excel takes a row typed right under a table into it: it stays the table's last row."""
    path = write(tmp_path, standard_run())
    wb = openpyxl.load_workbook(path)
    ws = wb["Ansökningar"]
    ws["A6"] = "Summa"
    fel = letter_of(ws, "Fel")
    ws[f"{fel}6"] = f"=SUM({fel}2:{fel}5)"
    table = ws.tables["Ansokningar"]
    table.ref = table.ref[:-1] + "6"
    table.autoFilter.ref = table.ref
    wb.save(path)
    run = standard_run()
    run.submissions.append(SubmissionReport(submission="ny.docx", documents=[doc_report("ny.docx")]))
    write(tmp_path, run)
    ws = openpyxl.load_workbook(path)["Ansökningar"]
    assert ws["A6"].value == "ny.docx" and ws["A7"].value == "Summa"
    assert ws[f"{fel}7"].value == f"=SUM({fel}2:{fel}6)"
    assert ws.tables["Ansokningar"].ref.endswith("7")
    assert len(tool_rows(ws)) == 5


def test_the_groups_formats_and_validations_move_with_their_cells(tmp_path):
    from openpyxl.formatting.rule import CellIsRule
    from openpyxl.styles import PatternFill

    path = write(tmp_path, standard_run())
    wb = openpyxl.load_workbook(path)
    ws = wb["Ansökningar"]
    excel_insert_col(wb, ws, 2)  # their column "Handläggare" after Inskick
    ws["B1"] = "Handläggare"
    kvot = letter_of(ws, "Besparing/kostnad")
    ws.conditional_formatting.add(f"{kvot}2:{kvot}5", CellIsRule(operator="greaterThan", formula=["1"],
                                                                  fill=PatternFill("solid", bgColor="00FF00")))
    dv = DataValidation(type="list", formula1='"Eva,Karin"')
    dv.add("B2:B50")
    ws.add_data_validation(dv)
    wb.save(path)
    write(tmp_path, standard_run())
    ws = openpyxl.load_workbook(path)["Ansökningar"]
    kvot = letter_of(ws, "Besparing/kostnad")
    rules = {str(cf.sqref): [r.operator for r in cf.rules] for cf in ws.conditional_formatting}
    assert rules[f"{kvot}2:{kvot}5"] == ["greaterThan"]
    assert any(str(v.sqref) == "B2:B50" and v.formula1 == '"Eva,Karin"' for v in ws.data_validations.dataValidation)
    # The tool's status colours are made afresh, not piled up run after run.
    status = letter_of(ws, "Status")
    write(tmp_path, standard_run())
    ws = openpyxl.load_workbook(path)["Ansökningar"]
    colours = [cf for cf in ws.conditional_formatting if str(cf.sqref).startswith(status)]
    assert len(colours) == 1 and len(colours[0].rules) == len({messages.text(f"register.status.{s}", lang)
                                                               for s in STATUS_COLOURS for lang in messages.LANGS})


def test_formulas_elsewhere_follow_the_register(tmp_path):
    """A summary sheet of the group's counting a tool column keeps counting it when the tool
    adds a column before it."""
    path = write(tmp_path, standard_run())
    _as_an_older_version_wrote_it(path)  # an older register: no Orsak, no changes column yet
    wb = openpyxl.load_workbook(path)
    status = letter_of(wb["Ansökningar"], "Status")
    fel = letter_of(wb["Ansökningar"], "Fel")
    wb.create_sheet("Sammanställning")["A1"] = f"=SUM('Ansökningar'!{fel}2:{fel}5)"
    wb.save(path)
    write(tmp_path, standard_run())
    wb = openpyxl.load_workbook(path)
    assert letter_of(wb["Ansökningar"], "Status") == status
    fel_now = letter_of(wb["Ansökningar"], "Fel")
    assert fel_now != fel
    assert wb["Sammanställning"]["A1"].value == f"=SUM('Ansökningar'!{fel_now}2:{fel_now}5)"


# -- working in it (issue 11) -------------------------------------------------------------------


def _list_validation(ws, header: str):
    letter = letter_of(ws, header)
    found = [dv for dv in ws.data_validations.dataValidation if str(dv.sqref).startswith(letter)
             and "Listor" in str(dv.formula1)]
    assert len(found) == 1, found
    return found[0]


def test_drop_downs_come_from_the_lists_sheet_the_group_edits(tmp_path):
    path = write(tmp_path, standard_run())
    wb = openpyxl.load_workbook(path)
    lists = wb["Listor"]
    assert [c.value for c in lists["A"] if c.value][1:] == \
        messages.catalogue(list_sheet.WORDS).text("register.list.beslut").split("\n")
    assert lists["A1"].value == "Förslag till beslut" and lists["B1"].value == "Bedömning"
    ws = wb["Ansökningar"]
    for header in ("Förslag till beslut", "Bedömning"):
        dv = _list_validation(ws, header)
        letter = letter_of(ws, header)
        assert str(dv.sqref) == f"{letter}2:{letter}5"
        assert dv.type == "list" and dv.errorStyle == "warning" and dv.showErrorMessage
    assert "$A$2" in _list_validation(ws, "Förslag till beslut").formula1
    # The group edits the lists; new submissions come; two more runs.
    lists["A2"] = "Bifall med villkor"
    lists["A6"] = "Vilande"
    wb.save(path)
    run = standard_run()
    run.submissions.append(SubmissionReport(submission="ny.docx", documents=[doc_report("ny.docx")]))
    write(tmp_path, run)
    write(tmp_path, run, lang="en")
    wb = openpyxl.load_workbook(path)
    assert [c.value for c in wb["Listor"]["A"] if c.value] == ["Förslag till beslut", "Bifall med villkor",
                                                               "Avslag", "Återremiss", "Bordläggs", "Vilande"]
    ws = wb["Ansökningar"]
    for header in ("Förslag till beslut", "Bedömning"):
        letter = letter_of(ws, header)
        assert str(_list_validation(ws, header).sqref) == f"{letter}2:{letter}6"


def test_the_groups_own_validation_on_their_column_wins(tmp_path):
    path = write(tmp_path, standard_run())
    wb = openpyxl.load_workbook(path)
    ws = wb["Ansökningar"]
    bed = letter_of(ws, "Bedömning")
    ws.data_validations.dataValidation = [dv for dv in ws.data_validations.dataValidation
                                          if not str(dv.sqref).startswith(bed)]
    dv = DataValidation(type="list", formula1='"Ja,Nej"')
    dv.add(f"{bed}2:{bed}100")
    ws.add_data_validation(dv)
    wb.save(path)
    write(tmp_path, standard_run())
    ws = openpyxl.load_workbook(path)["Ansökningar"]
    on_bed = [dv for dv in ws.data_validations.dataValidation if bed in str(dv.sqref)]
    assert [dv.formula1 for dv in on_bed] == ['"Ja,Nej"']


def test_reason_column_for_unreadable_rows(tmp_path):
    from socinv_docs.pipeline import unreadable_report

    def run():
        locked = unreadable_report("lösen.docx", "unreadable.encrypted")
        big = unreadable_report("Mapp/stor.xlsx", "unreadable.too_large", size_mb=80, limit_mb=50)
        unknown = DocumentReport(file="Mapp/okand.docx", findings=[make_finding(Code.KIND_UNKNOWN, known="x")])
        return make_run(SubmissionReport(submission="lösen.docx", documents=[locked]),
                        SubmissionReport(submission="Mapp", documents=[big, unknown]),
                        SubmissionReport(submission="ok.docx", documents=[doc_report("ok.docx")]))

    for lang in ("sv", "en"):
        ws = openpyxl.load_workbook(write(tmp_path, run(), lang=lang))["Ansökningar"]
        reason = ANS.header("reason", lang)
        rows = {r[ANS.header("submission", lang)].value: r[reason].value for r in tool_rows(ws)}
        assert rows["lösen.docx"] == messages.text("unreadable.encrypted", lang)
        assert rows["Mapp"].split("\n") == [
            ANS.text("register.reason.in_file", lang, file="stor.xlsx",
                          reason=messages.text("unreadable.too_large", lang, size_mb=80, limit_mb=50)),
            ANS.text("register.reason.in_file", lang, file="okand.docx",
                          reason=ANS.text("register.reason.kind_unknown", lang))]
        assert rows["ok.docx"] is None


def _files_run(root: Path, *, extra_error: bool = False, with_bilaga: bool = True, new: bool = False) -> RunReport:
    mapp = [doc_report("Mapp/ansokan.docx")]
    if with_bilaga:
        mapp.append(doc_report("Mapp/bilaga.xlsx", kind="utvarderingsschema", namn=None))
    a = doc_report("a.docx", findings=[finding(Code.SECTION_MISSING, section="behov")] if extra_error else [])
    subs = [SubmissionReport(submission="Mapp", documents=mapp), SubmissionReport(submission="a.docx", documents=[a]),
            SubmissionReport(submission="b.docx", documents=[doc_report("b.docx")])]
    if new:
        subs.append(SubmissionReport(submission="ny.docx", documents=[doc_report("ny.docx")]))
    return make_run(*subs)


def _changes(path: Path) -> dict[str, str | None]:
    ws = openpyxl.load_workbook(path)["Ansökningar"]
    lang = "sv" if "Inskick" in headers(ws) else "en"
    return {r[ANS.header("submission", lang)].value: r[ANS.header("changed", lang)].value
            for r in tool_rows(ws)}


def test_new_and_changed_since_the_last_run(tmp_path):
    import os

    root = tmp_path / "inkomna"
    (root / "Mapp").mkdir(parents=True)
    for name in ("Mapp/ansokan.docx", "Mapp/bilaga.xlsx", "a.docx", "b.docx", "ny.docx"):
        (root / name).write_bytes(name.encode())
    path = write(tmp_path, _files_run(root))
    assert set(_changes(path).values()) == {None}  # a first run has nothing to compare with
    (root / "Mapp/ansokan.docx").write_bytes(b"a new version")
    os.utime(root / "b.docx", ns=(1, 1))  # saved again, same content: not a change
    write(tmp_path, _files_run(root, extra_error=True, with_bilaga=False, new=True))
    changes = _changes(path)
    assert changes["Mapp"].casefold().split("; ") == [
        ANS.text("register.change.file_changed", file="ansokan.docx").casefold(),
        ANS.text("register.change.file_removed", file="bilaga.xlsx").casefold()]
    assert changes["a.docx"].casefold() == ANS.text("register.change.status", old=messages.text("register.status.complete"),
        new=messages.text("register.status.incomplete")).casefold()
    assert changes["b.docx"] is None
    assert changes["ny.docx"] == ANS.text("register.change.new")
    write(tmp_path, _files_run(root, extra_error=True, with_bilaga=False, new=True), lang="en")
    assert set(_changes(path).values()) == {None}  # nothing changed since
    (root / "ny.docx").unlink()
    write(tmp_path, _files_run(root, extra_error=True, with_bilaga=False))
    assert _changes(path)["ny.docx"].casefold() == ANS.text("register.change.status", old=messages.text("register.status.complete"),
        new=messages.text("register.status.removed")).casefold()
    write(tmp_path, _files_run(root, extra_error=True, with_bilaga=False))
    assert _changes(path)["ny.docx"] is None  # gone before this run too: no news


def test_print_setup_on_both_sheets(register):
    from openpyxl.utils import range_boundaries

    wb = openpyxl.load_workbook(register)
    last_printed = {"Ansökningar": "Förslag till beslut", "Brister": "Kommentar"}
    for name, last in last_printed.items():
        ws = wb[name]
        assert ws.page_setup.orientation == "landscape" and ws.page_setup.fitToWidth == 1
        assert ws.print_title_rows.replace("$", "") == "1:1"
        assert "&P" in ws.oddFooter.center.text and "&N" in ws.oddFooter.center.text
        assert ws.oddHeader.left.text and "2026-03-01" in ws.oddHeader.right.text
        area = str(ws.print_area).split("!")[-1].replace("$", "")
        assert range_boundaries(area)[2] == col_of(ws, last)  # files, date checked and the key: screen only
        slots = [Slot(None, None, h, ws.column_dimensions[c.column_letter].width) for h, c in zip(headers(ws), ws[1])]
        slots = slots[:col_of(ws, last)]
        paper = "A4" if ws.page_setup.paperSize == ws.PAPERSIZE_A4 else "A3"
        assert estimated_scale(slots, paper) >= 0.7  # printed at 7.7 pt or more
    ws = wb["Ansökningar"]
    for header in ("Fel", "Varningar", "Sökt belopp", "Besparing/kostnad"):
        cell = ws.cell(row=2, column=col_of(ws, header))
        assert cell.alignment.horizontal == "right" and cell.number_format.endswith("_)")  # a space after


def test_the_groups_columns_are_aligned_like_the_tools(register):
    ws = openpyxl.load_workbook(register)["Ansökningar"]
    for header in ("Bedömning", "Kommentar", "Förslag till beslut"):
        assert ws.column_dimensions[letter_of(ws, header)].width >= 16
        for row in tool_rows(ws):
            assert row[header].alignment.vertical == "top" and row[header].alignment.wrap_text


def test_rows_are_as_high_as_their_longest_wrapped_text(tmp_path):
    long = " ".join(["ord"] * 400)  # far more than MAX_LINES lines in any column
    run = make_run(
        SubmissionReport(submission="kort.docx", documents=[doc_report("kort.docx", namn="Kort")]),
        SubmissionReport(submission="lang.docx", documents=[doc_report("lang.docx", namn=long)]),
        SubmissionReport(submission="tre.docx", documents=[doc_report("tre.docx", namn="a\nb\nc")]))
    ws = openpyxl.load_workbook(write(tmp_path, run))["Ansökningar"]
    height = {row["Inskick"].value: ws.row_dimensions[row["Inskick"].row].height for row in tool_rows(ws)}
    assert height["kort.docx"] is None  # one line: the default height
    assert height["lang.docx"] == LINE_HEIGHT * MAX_LINES + 3
    assert height["tre.docx"] == LINE_HEIGHT * 3 + 3
    assert ws.row_dimensions[1].height >= 2 * LINE_HEIGHT  # the header: two or three lines


def test_cells_that_share_a_style_keep_their_own_look(register):
    """Body cells of a kind share one style; a link's font stays on linked cells only."""
    wb = openpyxl.load_workbook(register)
    rows = rows_by_key(wb["Ansökningar"])
    linked, unlinked = rows["Läxhjälp Vivalla"], rows["trasig.docx"]
    assert linked["Fil(er)"].hyperlink is not None and linked["Fil(er)"].font.underline == "single"
    assert linked["Satsningens namn"].font.underline is None
    assert linked["Fel"].alignment.horizontal == "right" and linked["Inskick"].alignment.horizontal is None
    assert "kr" in unlinked["Sökt belopp"].number_format and "kr" not in unlinked["Fel"].number_format


def test_rows_made_during_the_run_give_the_same_register(tmp_path):
    """validate makes each submission's rows as it comes in (RegisterRows); the register is
    the one made from the finished run, on a first run and on a re-run."""

    def sheets(path: Path) -> list:
        wb = openpyxl.load_workbook(path)
        return [[[(c.value, c.style_id, c.hyperlink.target if c.hyperlink else None) for c in row]
                 for row in wb[name].iter_rows()] for name in ("Ansökningar", "Brister")]

    run = standard_run()
    for folder in ("after", "during"):
        (tmp_path / folder).mkdir()
    for _ in range(2):
        R.write_register(tmp_path / "after" / "register.xlsx", run, root=tmp_path / "inkomna", now=NOW)
        made = R.RegisterRows(root=tmp_path / "inkomna", register=tmp_path / "during" / "register.xlsx", now=NOW)
        for sub in run.submissions:
            made.add(sub)
        R.write_register(tmp_path / "during" / "register.xlsx", run, root=tmp_path / "inkomna", rows=made)
        assert sheets(tmp_path / "during" / "register.xlsx") == sheets(tmp_path / "after" / "register.xlsx")


def test_memo_reads_the_groups_columns_not_their_total_row(tmp_path):
    path = write(tmp_path, standard_run())
    wb = openpyxl.load_workbook(path)
    ws = wb["Ansökningar"]
    rows_by_key(ws)["forslag.xlsx"]["Bedömning"].value = "Inte komplett"
    ws["A8"] = "Summa"
    wb.save(path)
    values = R.read_group_values(path)
    assert set(values) == {"Läxhjälp Vivalla", "@SUM(A1).docx", "trasig.docx", "forslag.xlsx"}
    assert values["forslag.xlsx"] == {"Bedömning": "Inte komplett"}


def test_a_register_saved_by_libreoffice_calc_keeps_working(tmp_path, soffice):
    """The group opens the register in Calc, saves it, types notes and a total; re-run."""
    import subprocess

    path = write(tmp_path, standard_run())
    out = tmp_path / "calc"
    subprocess.run([soffice, f"-env:UserInstallation=file://{tmp_path}/lo-profile", "--headless",
                    "--convert-to", "xlsx", "--outdir", str(out), str(path)], check=True, capture_output=True,
                   timeout=120)
    (out / "register.xlsx").replace(path)
    wb = openpyxl.load_workbook(path)
    assert any(n.startswith(NAME_PREFIX) for n in wb.defined_names)  # Calc kept the names
    ws = wb["Ansökningar"]
    rows_by_key(ws)["trasig.docx"]["Kommentar"].value = "Be om ny fil"
    rows_by_key(ws)["Läxhjälp Vivalla"]["Förslag till beslut"].value = "Bifall"
    ws.cell(row=1, column=col_of(ws, "Inskick"), value="Ärende")
    ws["A7"] = "Summa"
    ws.tables.clear()
    brister = wb["Brister"]
    notes = {}
    for row in tool_rows(brister):
        row["Kommentar"].value = notes[row["Kod"].value] = f"Sett {row['Kod'].value}"
    wb.save(path)
    write(tmp_path, standard_run(), lang="en")
    wb = openpyxl.load_workbook(path)
    ws = wb["Ansökningar"]
    rows = {r["Ärende"].value: r for r in tool_rows(ws)}
    assert list(rows) == ["Läxhjälp Vivalla", "@SUM(A1).docx", "trasig.docx", "forslag.xlsx"]
    assert rows["trasig.docx"]["Kommentar"].value == "Be om ny fil"
    assert rows["Läxhjälp Vivalla"]["Förslag till beslut"].value == "Bifall"
    assert ws["A7"].value == "Summa" and ws.max_row == 7
    assert {code: r["Kommentar"] for code, r in _findings_by_code(wb["Brister"]).items()} == notes
    assert len(tool_rows(wb["Brister"])) == 4
    assert len([dv for dv in ws.data_validations.dataValidation if "Listor" in str(dv.formula1)]) == 2


# -- moving the group's references (render/workbook/refs.py) ----------------------------------------


def test_references_move_like_excel_moves_them():
    from socinv_docs.render.workbook.refs import AxisMap, remap_formula, remap_sqref

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


def test_entries_not_checked_are_rows_with_their_reason(tmp_path):
    """A symlink loop, a FIFO, an unreadable folder: the group sees them, and why."""
    from socinv_docs.report import SkippedEntry

    skipped = [SkippedEntry(path="slinga", reason="skipped.link_loop"),
               SkippedEntry(path="Mapp/kö", reason="skipped.not_regular"),
               SkippedEntry(path="Låst", reason="skipped.unreadable", error="EACCES")]
    run = standard_run()
    run.skipped = skipped
    for lang in ("sv", "en"):
        ws = openpyxl.load_workbook(write(tmp_path, run, lang=lang))["Ansökningar"]
        col = {k: ANS.header(k, lang) for k in ("submission", "status", "reason")}
        rows = {r[col["submission"]].value: r for r in tool_rows(ws)}
        for entry in skipped:
            assert rows[entry.path][col["status"]].value == messages.text("register.status.skipped", lang)
            assert rows[entry.path][col["reason"]].value == entry.message_in(lang)
        status = letter_of(ws, col["status"])
        words = {r.formula[0].strip('"') for cf in ws.conditional_formatting if str(cf.sqref).startswith(status)
                 for r in cf.rules}
        assert messages.text("register.status.skipped", lang) in words
    result = R.write_register(tmp_path / "register.xlsx", run, root=tmp_path, now=NOW)
    assert result.rows == 4  # submissions; the entries not checked are not counted as such
    # A submission's folder that can no longer be read: its row goes on, saying so.
    before = standard_run()
    before.submissions[0].submission = "Låst"
    (tmp_path / "register.xlsx").unlink()
    write(tmp_path, before)
    write(tmp_path, run)
    ws = openpyxl.load_workbook(tmp_path / "register.xlsx")["Ansökningar"]
    row = next(r for r in tool_rows(ws) if r["Inskick"].value == "Låst")
    assert row["Status"].value == messages.text("register.status.skipped")

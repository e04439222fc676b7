"""Annotated Excel copies written into the original package (render/annotate/excel.py):
everything the applicant put in survives byte for byte, the copy opens in openpyxl and in
LibreOffice, re-checks find the same, re-runs (also after LibreOffice saved the copy)
replace our notes instead of stacking them, the fill clears when a cell is answered, and
the annotator stops within the check's limits. Asserts codes, parts and cells, never wording.
"""

from __future__ import annotations

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

from socinv_docs.codes import Code, Severity
from socinv_docs.limits import Limits
from socinv_docs.location import Location
from socinv_docs.pipeline import check_document
from socinv_docs.render.annotate import AUTHOR, MARK, AnnotateError, annotate
from socinv_docs.report import DocumentReport, Finding

FOREIGN = ROOT / "tests" / "data" / "foreign"
SAMPLES = ROOT / "samples"
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
STRICT_MAIN = "http://purl.oclc.org/ooxml/spreadsheetml/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
SHEET_ORDER = ("sheetPr", "dimension", "sheetViews", "sheetFormatPr", "cols", "sheetData", "sheetCalcPr",
               "sheetProtection", "protectedRanges", "scenarios", "autoFilter", "sortState", "dataConsolidate",
               "customSheetViews", "mergeCells", "phoneticPr", "conditionalFormatting", "dataValidations",
               "hyperlinks", "printOptions", "pageMargins", "pageSetup", "headerFooter", "rowBreaks", "colBreaks",
               "customProperties", "cellWatches", "ignoredErrors", "smartTags", "drawing", "legacyDrawing",
               "legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts",
               "extLst")


# -- reading packages ----------------------------------------------------------------------

def _parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in z.namelist()}


def _local(el) -> str | None:
    return el.tag.rsplit("}", 1)[-1] if isinstance(el.tag, str) else None


def _rels(parts: dict[str, bytes], part: str) -> list[etree._Element]:
    name = _rels_name(part) if part else "_rels/.rels"  # "": the package's own
    if name not in parts:
        return []
    return [r for r in etree.fromstring(parts[name]) if _local(r) == "Relationship"]


def _resolve(source: str, target: str) -> str:
    import posixpath

    return target.lstrip("/") if target.startswith("/") else \
        posixpath.normpath(posixpath.join(posixpath.dirname(source), target))


def _sheets(parts: dict[str, bytes]) -> dict[str, tuple[str, str]]:
    """Tab name -> (part, kind) from workbook.xml and its relationships."""
    wb_part = next(_resolve("", r.get("Target")) for r in _rels(parts, "")
                   if r.get("Type").endswith("/officeDocument"))
    wb = etree.fromstring(parts[wb_part])
    rels = {r.get("Id"): r for r in _rels(parts, wb_part)}
    out = {}
    for sheet in wb.iter():
        if _local(sheet) == "sheet":
            rid = next(v for k, v in sheet.attrib.items() if k.endswith("}id"))
            rel = rels[rid]
            out[sheet.get("name")] = (_resolve(wb_part, rel.get("Target")), rel.get("Type").rsplit("/", 1)[-1])
    return out


def _related(parts: dict[str, bytes], part: str, kind: str) -> list[str]:
    return [_resolve(part, r.get("Target")) for r in _rels(parts, part) if r.get("Type").endswith("/" + kind)]


def _assert_package_kept(source: Path, target: Path, annotated: set[str]) -> dict[str, bytes]:
    """Every part of `source` is in `target`, byte for byte, except the ones annotating must
    change: the annotated sheets (their XML, relationships, comments and VML), a sheet that
    was selected (it loses tabSelected), workbook.xml, its relationships, styles.xml, the
    content types and the custom properties that name the copy as ours (with the package's
    relationships). Returns the copy's parts."""
    old, new = _parts(source), _parts(target)
    assert set(old) <= set(new), sorted(set(old) - set(new))
    sheets = _sheets(old)
    wb_part = next(_resolve("", r.get("Target")) for r in _rels(old, "")
                   if r.get("Type").endswith("/officeDocument"))
    allowed = {"[Content_Types].xml", wb_part, _rels_name(wb_part), *_related(old, wb_part, "styles"),
               "_rels/.rels", *_related(old, "", "custom-properties"), *_related(old, "", "customProperties")}
    for name in annotated:
        part = sheets[name][0]
        allowed |= {part, _rels_name(part), *_related(old, part, "comments"), *_related(old, part, "vmlDrawing")}
    allowed |= {part for part, _ in sheets.values() if b"tabSelected" in old[part]}
    changed = {n for n in old if old[n] != new[n]}
    assert changed <= allowed, sorted(changed - allowed)
    for name, data in new.items():  # every relationships part: unique ids, targets that exist
        if name.endswith(".rels"):
            rels = [r for r in etree.fromstring(data) if _local(r) == "Relationship"]
            ids = [r.get("Id") for r in rels]
            assert len(ids) == len(set(ids)), name
            source_part = name.replace("_rels/", "")[:-5]
            for r in rels:
                if r.get("TargetMode") != "External" and name in {_rels_name(p) for p in allowed}:
                    assert _resolve(source_part, r.get("Target")) in new, (name, r.get("Target"))
    return new


def _rels_name(part: str) -> str:
    d, b = part.rsplit("/", 1) if "/" in part else ("", part)
    return f"{d}/_rels/{b}.rels" if d else f"_rels/{b}.rels"


def _assert_sheet_order(xml: bytes) -> None:
    """The worksheet's children in CT_Worksheet's order (mc:AlternateContent counts as what it holds)."""
    ranks = []
    for child in etree.fromstring(xml):
        name = _local(child)
        if name == "AlternateContent":
            name = _local(next(c for c in child[0] if _local(c)))
        if name in SHEET_ORDER:
            ranks.append(SHEET_ORDER.index(name))
    assert ranks == sorted(ranks)


def _notes(parts: dict[str, bytes], sheet: str) -> dict[str, tuple[str, str]]:
    """cell -> (author, text) of the legacy notes of one sheet, read from its comments part."""
    part = _sheets(parts)[sheet][0]
    out = {}
    for name in _related(parts, part, "comments"):
        root = etree.fromstring(parts[name])
        authors = [a.text or "" for a in root.iter() if _local(a) == "author"]
        for c in root.iter():
            if _local(c) == "comment":
                text = "".join(t.text or "" for t in c.iter() if _local(t) == "t")
                out[c.get("ref")] = (authors[int(c.get("authorId"))], text)
    return out


def _vml_note_cells(parts: dict[str, bytes], sheet: str) -> list[tuple[int, int]]:
    part = _sheets(parts)[sheet][0]
    cells = []
    for name in _related(parts, part, "vmlDrawing"):
        text = parts[name].decode("latin-1")
        for shape in re.findall(r"<v:shape\b.*?</v:shape>", text, re.S):
            if 'ObjectType="Note"' in shape:
                row = int(re.search(r"<x:Row>(\d+)<", shape).group(1))
                col = int(re.search(r"<x:Column>(\d+)<", shape).group(1))
                cells.append((row, col))
    return cells


def _codes(text: str) -> list[str]:
    return re.findall(r"\[([A-Z_]+)\]", text)


def _cell(coord: str) -> tuple[int, int]:
    """0-based (row, column) of "B14", as VML counts."""
    m = re.fullmatch(r"([A-Z]+)(\d+)", coord)
    col = 0
    for ch in m.group(1):
        col = col * 26 + ord(ch) - 64
    return int(m.group(2)) - 1, col - 1


def _synthetic(path: Path, cells: list[tuple[str, str]]) -> DocumentReport:
    """A report with one finding at each (sheet, cell): for files the check cannot place
    findings in yet (foreign workbooks, Strict files), so the annotator's own work is tested."""
    findings = [Finding(code=Code.FIELD_MISSING, severity=Severity.ERROR, where=Location(sheet=s, cell=c))
                for s, c in cells]
    return DocumentReport(file=str(path), findings=findings)


def _foreign(name: str) -> Path:
    path = FOREIGN / name
    assert path.exists(), f"{path} missing (copied from ../shared/foreign-files, see MANIFEST.tsv)"
    return path


# -- LibreOffice -----------------------------------------------------------------------------

def _soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if not found:
        pytest.skip("LibreOffice (soffice) is not installed; .ci/run installs it where apt is available")
    return found


def _convert(files: list[Path], fmt: str, outdir: Path, profile: Path) -> None:
    """soffice --headless --convert-to FMT, with a profile of its own (other runs may have
    LibreOffice open)."""
    outdir.mkdir(parents=True, exist_ok=True)
    subprocess.run([_soffice(), f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", fmt,
                    "--outdir", str(outdir), *map(str, files)], check=False, timeout=240,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


@pytest.fixture(scope="module")
def lo_profile(tmp_path_factory, soffice) -> Path:
    return tmp_path_factory.mktemp("lo-profile")


# LibreOffice takes seconds to start: the copies these tests look at are made first (module
# fixtures below) and converted in two runs, one to PDF and one back to .xlsx.

# -- a workbook with a picture, a chart and a form button ----------------------------------------

def _png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    raw = b"".join(b"\x00" + b"\x20\x60\xc0" * 16 for _ in range(16))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 16, 16, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


# A form button as Excel writes it: a VML shape (ObjectType "Button"), its control part and
# a <controls> entry in the sheet. (Excel leaves <br> unclosed in such labels; that variant is
# tested with a real Excel file, apache+poi__BrNotClosed.xlsx, below.)
_BUTTON_VML = b"""<xml xmlns:v="urn:schemas-microsoft-com:vml"
 xmlns:o="urn:schemas-microsoft-com:office:office"
 xmlns:x="urn:schemas-microsoft-com:office:excel">
 <o:shapelayout v:ext="edit">
  <o:idmap v:ext="edit" data="1"/>
 </o:shapelayout><v:shapetype id="_x0000_t201" coordsize="21600,21600" o:spt="201"
  path="m,l,21600r21600,l21600,xe">
  <v:stroke joinstyle="miter"/>
  <v:path shadowok="f" o:extrusionok="f" strokeok="f" fillok="f" o:connecttype="rect"/>
  <o:lock v:ext="edit" shapetype="t"/>
 </v:shapetype><v:shape id="_x0000_s1025" type="#_x0000_t201" style='position:absolute;
  margin-left:600pt;margin-top:20pt;width:80pt;height:24pt;z-index:1;
  mso-wrap-style:tight' o:button="t" fillcolor="buttonFace [67]" strokecolor="windowText [64]"
  o:insetmode="auto">
  <v:fill color2="buttonFace [67]" o:detectmouseclick="t"/>
  <o:lock v:ext="edit" rotation="t"/>
  <v:textbox style='mso-direction-alt:auto' o:singleclick="f">
   <div style='text-align:center'><font face="Calibri" size="220" color="#000000">Skicka</font></div>
  </v:textbox>
  <x:ClientData ObjectType="Button">
   <x:Anchor>
    3, 10, 1, 5, 4, 40, 2, 10</x:Anchor>
   <x:PrintObject>False</x:PrintObject>
   <x:AutoFill>False</x:AutoFill>
   <x:TextHAlign>Center</x:TextHAlign>
   <x:TextVAlign>Center</x:TextVAlign>
  </x:ClientData>
 </v:shape></xml>"""

_CONTROLS = (f'<mc:AlternateContent xmlns:mc="{MC}"><mc:Choice Requires="x14"><controls>'
             f'<mc:AlternateContent xmlns:mc="{MC}"><mc:Choice Requires="x14">'
             '<control shapeId="1025" r:id="{rid}" name="Button 1"><controlPr defaultSize="0" print="0" '
             'autoFill="0" autoPict="0"><anchor moveWithCells="1"><from><xdr:col>3</xdr:col><xdr:colOff>10</xdr:colOff>'
             '<xdr:row>1</xdr:row><xdr:rowOff>5</xdr:rowOff></from><to><xdr:col>4</xdr:col><xdr:colOff>40</xdr:colOff>'
             '<xdr:row>2</xdr:row><xdr:rowOff>10</xdr:rowOff></to></anchor></controlPr></control>'
             '</mc:Choice></mc:AlternateContent></controls></mc:Choice></mc:AlternateContent>')

_PICTURE = ('<xdr:oneCellAnchor xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" '
            'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><xdr:from><xdr:col>3</xdr:col>'
            '<xdr:colOff>0</xdr:colOff><xdr:row>30</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>'
            '<xdr:ext cx="952500" cy="952500"/><xdr:pic><xdr:nvPicPr><xdr:cNvPr id="10" name="Bild 1"/>'
            '<xdr:cNvPicPr/></xdr:nvPicPr><xdr:blipFill><a:blip xmlns:r="' + REL + '" r:embed="{rid}"/>'
            '<a:stretch><a:fillRect/></a:stretch></xdr:blipFill><xdr:spPr><a:prstGeom prst="rect"><a:avLst/>'
            '</a:prstGeom></xdr:spPr></xdr:pic><xdr:clientData/></xdr:oneCellAnchor>')


def _add_rel(parts: dict[str, bytes], rels_name: str, rel_type: str, target: str) -> str:
    root = etree.fromstring(parts[rels_name]) if rels_name in parts else \
        etree.Element(f"{{{PKG_REL}}}Relationships", nsmap={None: PKG_REL})
    ids = {r.get("Id") for r in root}
    rid = next(f"rId{n}" for n in range(1, 999) if f"rId{n}" not in ids)
    etree.SubElement(root, f"{{{PKG_REL}}}Relationship", {"Id": rid, "Type": rel_type, "Target": target})
    parts[rels_name] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return rid


def _workbook_with_objects(tmp_path: Path) -> Path:
    """The official förslag template with a chart (openpyxl), a picture and a form button
    (added to the package by hand, as Excel stores them)."""
    import openpyxl
    from openpyxl.chart import BarChart, Reference

    wb = openpyxl.load_workbook(OFFICIAL / "forslag.xlsx")
    data = wb.create_sheet("Diagramdata")
    for i, (label, value) in enumerate([("2026", 3), ("2027", 5), ("2028", 2)], start=1):
        data.cell(row=i, column=1, value=label)
        data.cell(row=i, column=2, value=value)
    chart = BarChart()
    chart.add_data(Reference(data, min_col=2, min_row=1, max_row=3))
    chart.set_categories(Reference(data, min_col=1, min_row=1, max_row=3))
    wb["Förslag"].add_chart(chart, "D4")
    staged = tmp_path / "staged.xlsx"
    wb.save(staged)

    parts = _parts(staged)
    sheet = _sheets(parts)["Förslag"][0]
    drawing = _related(parts, sheet, "drawing")[0]
    parts["xl/media/image1.png"] = _png()
    rid = _add_rel(parts, _rels_name(drawing), REL + "/image", "../media/image1.png")
    root = etree.fromstring(parts[drawing])
    root.append(etree.fromstring(_PICTURE.replace("{rid}", rid)))
    parts[drawing] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)

    parts["xl/drawings/vmlDrawing1.vml"] = _BUTTON_VML
    parts["xl/ctrlProps/ctrlProp1.xml"] = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                                           b'<formControlPr xmlns="http://schemas.microsoft.com/office/spreadsheetml/'
                                           b'2009/9/main" objectType="Button" lockText="1"/>')
    vml_rid = _add_rel(parts, _rels_name(sheet), REL + "/vmlDrawing", "../drawings/vmlDrawing1.vml")
    ctrl_rid = _add_rel(parts, _rels_name(sheet), REL + "/ctrlProp", "../ctrlProps/ctrlProp1.xml")
    xml = parts[sheet].decode()
    root_tag = re.search(r"<worksheet\b[^>]*>", xml).group(0)
    for prefix, uri in (("r", REL), ("xdr", "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing")):
        if f"xmlns:{prefix}=" not in root_tag:
            xml = xml.replace("<worksheet ", f'<worksheet xmlns:{prefix}="{uri}" ', 1)
    drawing_el = re.search(r"<drawing [^>]*/>", xml).group(0)
    xml = xml.replace(drawing_el, drawing_el + f'<legacyDrawing r:id="{vml_rid}"/>'
                      + _CONTROLS.replace("{rid}", ctrl_rid))
    parts[sheet] = xml.encode()
    types = parts["[Content_Types].xml"].decode()
    types = types.replace("</Types>", '<Default Extension="png" ContentType="image/png"/>'
                          '<Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.'
                          'vmlDrawing"/><Override PartName="/xl/ctrlProps/ctrlProp1.xml" '
                          'ContentType="application/vnd.ms-excel.controlproperties+xml"/></Types>')
    parts["[Content_Types].xml"] = types.encode()
    path = tmp_path / "utkast-med-bild.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in parts.items():
            out.writestr(name, data)
    return path


def test_picture_chart_and_form_button_survive(tmp_path, schemas):
    source = _workbook_with_objects(tmp_path)
    report = check_document(source, schemas)
    assert report.kind == "forslag" and report.findings
    target = tmp_path / "granskad.xlsx"
    result = annotate(report, source, target)
    new = _assert_package_kept(source, target, {"Förslag"})
    old = _parts(source)
    # The picture, the chart and the form button are all still there, untouched.
    assert new["xl/media/image1.png"] == old["xl/media/image1.png"]
    assert any(n.startswith("xl/charts/chart") for n in new)
    assert all(new[n] == old[n] for n in old if n.startswith(("xl/charts/", "xl/drawings/drawing", "xl/ctrlProps/",
                                                              "xl/media/")))
    sheet = _sheets(new)["Förslag"][0]
    xml = new[sheet]
    _assert_sheet_order(xml)
    assert xml.count(b"<drawing ") == 1 and xml.count(b"<legacyDrawing ") == 1 and b"<controls>" in xml
    # Our notes went into the button's own VML drawing, which keeps the button byte for byte.
    vml = new["xl/drawings/vmlDrawing1.vml"].decode("latin-1")
    button = re.search(r"<v:shape id=\"_x0000_s1025\".*?</v:shape>", _BUTTON_VML.decode(), re.S).group(0)
    assert button in vml
    notes = _notes(new, "Förslag")
    assert len(notes) == result.comments == len(report.findings)
    assert all(author == AUTHOR for author, _ in notes.values())
    assert sorted(_vml_note_cells(new, "Förslag")) == sorted(_cell(c) for c in notes)
    ids = re.findall(r'id="_x0000_s(\d+)"', vml)
    assert len(ids) == len(set(ids)) == 1 + len(notes)
    # The copy opens in openpyxl and checks the same.
    import openpyxl

    wb = openpyxl.load_workbook(target)
    assert wb.sheetnames == ["Granskning", "Förslag", "Diagramdata"]
    assert {c for c, ws in ((c, wb["Förslag"]) for c in notes) if ws[c].comment is not None} == set(notes)
    again = check_document(target, schemas)
    assert [(f.code, f.where) for f in again.findings] == [(f.code, f.where) for f in report.findings]


# -- foreign workbooks: every part kept, notes merged with theirs ------------------------------

FOREIGN_CASES = {
    # file: the (sheet, cell)s of the synthetic findings
    "PHPOffice+PhpSpreadsheet__formscomments.xlsx": [("FormsComments", "C3"), ("FormsComments", "A1"),
                                                     ("Forms", "F8"), ("NoFormNoComment", "B2")],
    "apache+poi__BrNotClosed.xlsx": [("Sheet1", "B2"), ("Sheet2", "A1")],
    "ClosedXML+ClosedXML__TemplateWithTableSourcePivotTables.xlsx": [("Input", "B2"), ("Final liability", "C3")],
    "apache+poi__stress024.xlsx": [("Intro", "B2"), ("Sell", "C3")],
    "dotnet+Open-XML-SDK__IntegratedMarketingCampaign DataAnalysis_TP10186504.xltm": [("Summary", "B2")],
    # No styles part at all: the copy adds one (test_foreign checks that openpyxl reads it).
    "PHPOffice+PhpSpreadsheet__issue.2246a.xlsx": [("Licitaciones", "B2")],
}


@pytest.mark.parametrize("name", sorted(FOREIGN_CASES))
def test_foreign_workbook_keeps_every_part(tmp_path, name):
    source = _foreign(name)
    cells = FOREIGN_CASES[name]
    target = tmp_path / ("copy" + source.suffix)
    before = _parts(source)
    theirs = {s: {c: n for c, n in _notes(before, s).items()} for s, _ in cells}
    result = annotate(_synthetic(source, cells), source, target)
    assert _parts(source) == before
    new = _assert_package_kept(source, target, {s for s, _ in cells})
    for sheet, cell in cells:
        notes = _notes(new, sheet)
        for c, note in theirs[sheet].items():  # everyone else's notes stay as they were
            assert notes[c] == note
        if cell in theirs[sheet]:
            continue  # their note keeps the cell; ours is on the review sheet
        assert notes[cell][0] == AUTHOR and _codes(notes[cell][1]) == ["FIELD_MISSING"]
        assert _cell(cell) in _vml_note_cells(new, sheet)
        _assert_sheet_order(new[_sheets(new)[sheet][0]])
    assert result.comments == sum(1 for s, c in cells if c not in theirs[s])
    # The workbook's own kind (a macro template stays one) and the review sheet first.
    ct = etree.fromstring(new["[Content_Types].xml"])
    old_ct = etree.fromstring(before["[Content_Types].xml"])
    main = {o.get("PartName"): o.get("ContentType") for o in old_ct if o.get("PartName")}
    assert {o.get("PartName"): o.get("ContentType") for o in ct if o.get("PartName")}.items() >= main.items()
    assert list(_sheets(new))[0] == "Granskning"
    import warnings

    import openpyxl

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        wb = openpyxl.load_workbook(target, keep_vba=True)
    assert wb.sheetnames[0] == "Granskning"
    # Annotating the copy again replaces ours, keeps theirs and the review sheet stays one.
    second = tmp_path / ("second" + source.suffix)
    again = annotate(_synthetic(target, cells), target, second)
    assert again.removed == result.comments
    newer = _parts(second)
    assert list(_sheets(newer)).count("Granskning") == 1 and len(_sheets(newer)) == len(_sheets(new))
    for sheet, _ in cells:
        assert _notes(newer, sheet) == _notes(new, sheet)
        assert sorted(_vml_note_cells(newer, sheet)) == sorted(_vml_note_cells(new, sheet))


def test_form_button_vml_that_is_not_xml_is_kept(tmp_path):
    """Excel's VML is not XML (a button label's <br> is never closed): ours is added as text
    and every byte of theirs stays."""
    source = _foreign("apache+poi__BrNotClosed.xlsx")
    old = _parts(source)
    vml_name = _related(old, _sheets(old)["Sheet1"][0], "vmlDrawing")[0]
    with pytest.raises(etree.XMLSyntaxError):
        etree.fromstring(old[vml_name])
    target = tmp_path / "copy.xlsx"
    annotate(_synthetic(source, [("Sheet1", "B2")]), source, target)
    vml = _parts(target)[vml_name]
    end = old[vml_name].rfind(b"</xml>")
    assert vml.startswith(old[vml_name][:end]) and vml.rstrip().endswith(b"</xml>")


# -- Strict OOXML ----------------------------------------------------------------------------------

_TO_STRICT = {
    MAIN: STRICT_MAIN,
    REL: "http://purl.oclc.org/ooxml/officeDocument/relationships",
    "http://schemas.openxmlformats.org/drawingml/2006/main": "http://purl.oclc.org/ooxml/drawingml/main",
    "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties":
        "http://purl.oclc.org/ooxml/officeDocument/extendedProperties",
}


def _strict_copy(source: Path, target: Path) -> Path:
    """`source` saved as Strict OOXML: the transitional namespaces and relationship types
    mapped to their purl.oclc.org equivalents, as Excel's "Strict Open XML" does."""
    with zipfile.ZipFile(source) as z, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for name in z.namelist():
            data = z.read(name)
            if name.endswith((".xml", ".rels")):
                for old, new in _TO_STRICT.items():
                    data = data.replace(old.encode(), new.encode())
                if name == "xl/workbook.xml":
                    data = data.replace(b"<workbook ", b'<workbook conformance="strict" ', 1)
            out.writestr(name, data)
    return target


def _strict_annotated(tmp_path: Path, schemas) -> tuple[DocumentReport, Path, Path]:
    """The official förslag template saved as Strict and annotated with the findings of its
    transitional twin (the reader cannot place findings in a Strict file yet)."""
    original = OFFICIAL / "forslag.xlsx"
    report = check_document(original, schemas)
    source = _strict_copy(original, tmp_path / "strikt.xlsx")
    report.file = str(source)
    target = tmp_path / "strikt-granskad.xlsx"
    result = annotate(report, source, target)
    assert result.comments == len(report.findings)
    return report, source, target


def test_strict_workbook_is_annotated_in_its_own_namespaces(tmp_path, schemas):
    report, source, target = _strict_annotated(tmp_path, schemas)
    new = _assert_package_kept(source, target, {"Förslag"})
    sheet = _sheets(new)["Förslag"][0]
    comments = _related(new, sheet, "comments")[0]
    # Everything we wrote speaks Strict (the VML relationship is transitional, as Excel writes it).
    assert etree.QName(etree.fromstring(new[comments])).namespace == STRICT_MAIN
    review = _sheets(new)["Granskning"][0]
    assert etree.QName(etree.fromstring(new[review])).namespace == STRICT_MAIN
    for name in ("xl/workbook.xml", sheet, review, comments, "xl/styles.xml"):
        assert MAIN.encode() not in new[name] and REL.encode() not in new[name], name
    legacy = [el for el in etree.fromstring(new[sheet]).iter(f"{{{STRICT_MAIN}}}legacyDrawing")]
    assert len(legacy) == 1 and _local(legacy[0].getparent()) == "Choice"
    assert set(_notes(new, "Förslag")) == {f.where.cell for f in report.findings}
    _assert_sheet_order(new[sheet])


def test_libreoffice_reads_the_strict_copy(lo_resaved):
    """Saved again by LibreOffice as a normal .xlsx, the Strict copy's notes are all there."""
    import openpyxl

    report, resaved = lo_resaved["strict"]
    assert resaved.exists(), "LibreOffice could not open the Strict copy"
    ws = openpyxl.load_workbook(resaved)["Förslag"]
    assert {f.where.cell for f in report.findings} <= {c.coordinate for row in ws.iter_rows() for c in row
                                                       if c.comment is not None}


@pytest.mark.parametrize("name", ["ClosedXML+ClosedXML__universal-content-strict.xlsx",
                                  "PHPOffice+PhpSpreadsheet__namespacepurl.xlsx", "apache+poi__57914.xlsx"])
def test_foreign_strict_workbook_keeps_its_content(tmp_path, name):
    source = _foreign(name)
    first = next(iter(_sheets(_parts(source))))
    target = tmp_path / "copy.xlsx"
    annotate(_synthetic(source, [(first, "D4")]), source, target)
    new = _assert_package_kept(source, target, {first})
    assert _notes(new, first)["D4"][0] == AUTHOR
    assert list(_sheets(new)) == ["Granskning", *_sheets(_parts(source))]


# -- the fill clears when the cell is answered ------------------------------------------------------

def _rules(path: Path) -> dict[str, list[str]]:
    """cell -> formulas of our conditional formats on it."""
    import openpyxl

    out: dict[str, list[str]] = {}
    for ws in openpyxl.load_workbook(path).worksheets:
        for cf in ws.conditional_formatting:
            for rule in cf.rules:
                for formula in rule.formula or []:
                    if MARK in formula:
                        for cell in str(cf.sqref).split():
                            out.setdefault(f"{ws.title}!{cell}", []).append(formula)
    return out


def test_fill_formula_looks_at_the_cell_itself(tmp_path, schemas):
    source = SAMPLES / "forslag-luckor.xlsx"
    if not source.exists():
        pytest.skip(f"{source} not generated (python3 tools/make_samples.py)")
    report = check_document(source, schemas)
    target = tmp_path / "granskad.xlsx"
    annotate(report, source, target)
    rules = _rules(target)
    assert set(rules) == {f"{f.where.sheet}!{f.where.cell}" for f in report.findings}
    for where, formulas in rules.items():
        cell = where.split("!")[1]
        assert len(formulas) == 1
        # Only the cell itself is referenced: the fill follows what is typed there.
        assert set(re.findall(r"\b[A-Z]{1,3}[0-9]+\b", formulas[0])) == {cell}, formulas[0]
        assert f"LEN(TRIM({cell}))=0" in formulas[0]
    # "fem år" (B18) is what the check saw there: marked while it is still 6 characters long
    # with the same first, middle and last character codes.
    assert "IF(LEN(B18)=6,AND(CODE(MID(B18,1,1))=102,CODE(MID(B18,3,1))=109,CODE(MID(B18,6,1))=114),FALSE)" \
        in rules["Förslag!B18"][0]
    # No applicant text ends up in a formula.
    assert not any("fem år" in f or "TODO" in f for fs in rules.values() for f in fs)


def _pink_pixels(pdf: Path, tmp_path: Path) -> list[int]:
    """Per page: pixels in the problem fill's colour (#F4CCCC), rendered by poppler."""
    if not shutil.which("pdftoppm"):
        pytest.skip("poppler (pdftoppm) is not installed")
    prefix = tmp_path / pdf.stem
    subprocess.run(["pdftoppm", "-r", "30", str(pdf), str(prefix)], check=True, timeout=60)
    counts = []
    for page in sorted(tmp_path.glob(f"{pdf.stem}-*.ppm")):
        data = page.read_bytes()
        header = data.split(b"\n", 3)  # P6, width height, maxval, pixels
        pixels = header[3]
        n = 0
        for i in range(0, len(pixels) - 2, 3):
            r, g, b = pixels[i], pixels[i + 1], pixels[i + 2]
            if abs(r - 0xF4) < 8 and abs(g - 0xCC) < 8 and abs(b - 0xCC) < 8:
                n += 1
        counts.append(n)
    return counts


def test_fill_goes_away_when_answered_in_libreoffice(lo_pdf, tmp_path):
    """Rendered by LibreOffice: an annotated draft shows the fill; the same copy with every
    problem cell answered shows none, also where the new answer is as long as the old one
    ("fem år" -> "tre år")."""
    marked = _pink_pixels(lo_pdf["marked"], tmp_path)
    cleared = _pink_pixels(lo_pdf["answered"], tmp_path)
    assert sum(marked) > 0 and sum(cleared) == 0, (marked, cleared)


# -- re-checking a copy that LibreOffice Calc saved ----------------------------------------------

def _with_someone_elses_note(tmp_path: Path) -> Path:
    import openpyxl
    from openpyxl.comments import Comment

    sample = SAMPLES / "forslag-luckor.xlsx"
    if not sample.exists():
        pytest.skip(f"{sample} not generated (python3 tools/make_samples.py)")
    source = tmp_path / "forslag.xlsx"
    wb = openpyxl.load_workbook(sample)
    wb["Förslag"]["A1"].comment = Comment("Ring Kalle om detta", "Kalle Karlsson")
    wb.save(source)
    return source


def test_rerun_after_libreoffice_saved_the_copy(lo_resaved, tmp_path, schemas):
    report, saved = lo_resaved["rerun"]
    assert saved.exists(), "LibreOffice did not save the annotated copy"
    parts = _parts(saved)
    # What makes this a real test: Calc dropped the author of our notes and the code name.
    lo_notes = _notes(parts, "Förslag")
    assert not any(author == AUTHOR for author, _ in lo_notes.values())
    assert b"socinvReview" not in parts[_sheets(parts)["Granskning"][0]]

    # The same findings in the same cells. (Not the same Location.block: the reader knows our
    # review sheet by its code name only, so it reads Calc's copy of it as rows too.)
    again = check_document(saved, schemas)
    assert [(f.code, f.where.sheet, f.where.cell) for f in again.findings] == \
        [(f.code, f.where.sheet, f.where.cell) for f in report.findings]
    second = tmp_path / "igen.xlsx"
    result = annotate(again, saved, second)
    assert result.removed == len(report.findings)
    new = _parts(second)
    assert [n for n in _sheets(new) if n.startswith("Granskning")] == ["Granskning"]
    notes = _notes(new, "Förslag")
    ours = {c: t for c, (a, t) in notes.items() if a == AUTHOR}
    assert set(ours) == {f.where.cell for f in report.findings}
    assert all(len(_codes(t)) == 1 for t in ours.values())
    assert notes["A1"][1] == "Ring Kalle om detta"  # Kalle's note stays
    assert sorted(_vml_note_cells(new, "Förslag")) == sorted(_cell(c) for c in notes)
    assert set(_rules(second)) == {f"Förslag!{c}" for c in ours}
    assert all(len(v) == 1 for v in _rules(second).values())


# -- bounded: time and memory -------------------------------------------------------------------

def _big_workbook(tmp_path: Path, rows: int) -> Path:
    """The official förslag template with `rows` more rows of numbers below the form."""
    parts = _parts(OFFICIAL / "forslag.xlsx")
    sheet = _sheets(parts)["Förslag"][0]
    filler = "".join(f'<row r="{r}"><c r="D{r}"><v>{r}</v></c><c r="E{r}"><v>{r * 7}</v></c></row>'
                     for r in range(100, 100 + rows))
    parts[sheet] = parts[sheet].replace(b"</sheetData>", filler.encode() + b"</sheetData>")
    path = tmp_path / "stor" / "stor.xlsx"
    path.parent.mkdir()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in parts.items():
            out.writestr(name, data)
    return path


def test_stops_at_the_time_limit_and_leaves_nothing(tmp_path, schemas):
    report = check_document(OFFICIAL / "forslag.xlsx", schemas)
    source = _big_workbook(tmp_path, 100_000)
    before = sorted(p.name for p in source.parent.iterdir())
    with pytest.raises(AnnotateError) as caught:
        annotate(report, source, source.parent / "granskad.xlsx", limits=Limits(max_seconds=0.05))
    assert caught.value.key == "annotate.timeout"
    assert sorted(p.name for p in source.parent.iterdir()) == before  # no copy, no hidden temp file


def test_stops_at_the_memory_cap_and_leaves_nothing(tmp_path):
    """In a process of its own: the cap is the one a validate worker has (here set low)."""
    if sys.platform != "linux":
        pytest.skip("the address-space cap (RLIMIT_AS) is measured here on Linux only")
    source = _big_workbook(tmp_path, 300_000)
    before = sorted(p.name for p in source.parent.iterdir())
    script = f"""
import os
import sys
from pathlib import Path
from socinv_docs.pipeline import check_document
from socinv_docs.render.annotate import AnnotateError, annotate
from socinv_docs.loading import load_schemas
report = check_document(Path({str(OFFICIAL / "forslag.xlsx")!r}), load_schemas())
size = int(open("/proc/self/statm").read().split()[0]) * 4096
os.environ["SOCINV_MAX_WORKER_MB"] = str(size // 2**20 + 60)  # what the process holds now, and 60 MB more
try:
    annotate(report, {str(source)!r}, {str(source.parent / "granskad.xlsx")!r})
except AnnotateError as exc:
    print(exc.key)
"""
    env = {**os.environ, "SOCINV_MAX_SECONDS": "120"}
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=180, env=env)
    assert out.stdout.strip() == "annotate.too_big", out.stdout + out.stderr
    assert sorted(p.name for p in source.parent.iterdir()) == before


# -- LibreOffice opens every copy --------------------------------------------------------------------

LO_FOREIGN = ("apache+poi__stress024.xlsx", "dotnet+Open-XML-SDK__IntegratedMarketingCampaign DataAnalysis_TP10186504.xltm",
              "PHPOffice+PhpSpreadsheet__formscomments.xlsx", "PHPOffice+PhpSpreadsheet__issue.2246a.xlsx")


@pytest.fixture(scope="module")
def lo_pdf(tmp_path_factory, schemas, lo_profile) -> dict[str, Path]:
    """Copies rendered to PDF by LibreOffice in one run: the workbook with a picture, a chart
    and a button, foreign workbooks (chartsheets, a macro template, forms and notes), and an
    annotated draft, as it is and with every problem cell answered."""
    import openpyxl

    work = tmp_path_factory.mktemp("lo-pdf")
    copies: dict[str, Path] = {}
    source = _workbook_with_objects(work)
    copies["objects"] = work / "objects.xlsx"
    annotate(check_document(source, schemas), source, copies["objects"])
    for n, name in enumerate(LO_FOREIGN):
        source = _foreign(name)
        copies[name] = work / f"foreign{n}{source.suffix}"
        annotate(_synthetic(source, FOREIGN_CASES[name]), source, copies[name])
    draft = SAMPLES / "forslag-luckor.xlsx"
    if not draft.exists():
        pytest.skip(f"{draft} not generated (python3 tools/make_samples.py)")
    report = check_document(draft, schemas)
    copies["marked"] = work / "marked.xlsx"
    annotate(report, draft, copies["marked"])
    wb = openpyxl.load_workbook(copies["marked"])
    for f in report.findings:
        cell = wb[f.where.sheet][f.where.cell]
        cell.value = "tre år" if cell.value == "fem år" else "Vårt svar, skrivet i cellen."
    copies["answered"] = work / "answered.xlsx"
    wb.save(copies["answered"])
    _convert(list(copies.values()), "pdf", work / "pdf", lo_profile)
    return {key: work / "pdf" / (path.stem + ".pdf") for key, path in copies.items()}


@pytest.fixture(scope="module")
def lo_resaved(tmp_path_factory, schemas, lo_profile) -> dict[str, tuple[DocumentReport, Path]]:
    """Copies opened and saved as .xlsx by LibreOffice Calc in one run: an annotated draft
    with someone else's note, and the Strict copy."""
    work = tmp_path_factory.mktemp("lo-xlsx")
    source = _with_someone_elses_note(work)
    report = check_document(source, schemas)
    annotate(report, source, work / "granskad.xlsx")
    strict_report, _, strict = _strict_annotated(work, schemas)
    _convert([work / "granskad.xlsx", strict], "xlsx", work / "lo", lo_profile)
    return {"rerun": (report, work / "lo" / "granskad.xlsx"), "strict": (strict_report, work / "lo" / strict.name)}


def test_copies_open_in_libreoffice(lo_pdf):
    missing = [key for key, pdf in lo_pdf.items() if not pdf.exists() or pdf.stat().st_size == 0]
    assert not missing


def test_rerun_removes_marks_written_with_escaped_quotes(tmp_path, schemas):
    """LibreOffice writes the formula's quotes as &quot;, and a person may have deleted every
    note: our fills are still found and replaced, never doubled."""
    source = OFFICIAL / "forslag.xlsx"
    report = check_document(source, schemas)
    first = tmp_path / "granskad.xlsx"
    annotate(report, source, first)
    parts = _parts(first)
    sheet = _sheets(parts)["Förslag"][0]
    xml = parts[sheet]
    xml = re.sub(rb"<legacyDrawing [^>]*/>", b"", xml)  # every note deleted
    xml = re.sub(rb"(<formula>[^<]*)\"socinv-docs\"", rb"\1&quot;socinv-docs&quot;", xml)
    assert b"&quot;socinv-docs&quot;" in xml
    parts[sheet] = xml
    parts[_rels_name(sheet)] = re.sub(rb"<Relationship [^>]*(comments|vmlDrawing)\"[^>]*/>", b"",
                                      parts[_rels_name(sheet)])
    edited = tmp_path / "utan-noter.xlsx"
    with zipfile.ZipFile(edited, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in parts.items():
            out.writestr(name, data)
    second = tmp_path / "igen.xlsx"
    annotate(report, edited, second)
    rules = _rules(second)
    assert set(rules) == {f"Förslag!{f.where.cell}" for f in report.findings}
    assert all(len(v) == 1 for v in rules.values()), rules


def test_copy_of_a_complete_workbook_can_be_replaced(tmp_path, cli):
    """No findings, so no notes: the review sheet alone tells that the target is our copy,
    which a re-run may replace (any other file it must not)."""
    from test_validate import filled_forslag

    # Every answer over its "Skriv här:" (the sample answers beside some, which is a warning).
    source = filled_forslag(tmp_path / "forslag.xlsx", name="Läxhjälp i Bifrost")
    target = tmp_path / "granskad.xlsx"
    assert cli("check", source, "--annotate", target).exit_code == 0
    assert not any(_notes(_parts(target), s) for s, (_, kind) in _sheets(_parts(target)).items()
                   if kind == "worksheet")
    assert cli("check", source, "--annotate", target).exit_code == 0
    assert list(_sheets(_parts(target))).count("Granskning") == 1


def test_copy_does_not_depend_on_the_hash_seed(tmp_path):
    """The same workbook annotated under two interpreter hash seeds gives the same parts in
    the same order (new parts were written in the order of a set)."""
    copies = []
    for seed in ("1", "2"):
        target = tmp_path / f"granskad-{seed}.xlsx"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run([sys.executable, "-m", "socinv_docs", "check", str(SAMPLES / "forslag-luckor.xlsx"),
                               "--annotate", str(target)], capture_output=True, text=True, env=env, timeout=120)
        assert done.returncode == 1, done.stderr
        with zipfile.ZipFile(target) as z:
            copies.append([(i.filename, z.read(i)) for i in z.infolist() if i.filename != "docProps/core.xml"])
    assert [name for name, _ in copies[0]] == [name for name, _ in copies[1]]
    assert copies[0] == copies[1]

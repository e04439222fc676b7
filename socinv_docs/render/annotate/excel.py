"""Annotated Excel copies, written by adding to the applicant's own package.

What the copy gets (and nothing else changes):
- a note (a legacy comment: the sheet's comments part and the VML drawing that shows it) on
  each problem cell, merged into the sheet's own comments and VML when it has some (their
  notes, form buttons and check boxes stay as they were, byte for byte);
- a light fill on each problem cell: a conditional format (sheet XML) with a dxf style
  (styles.xml), so the cell's own fill is untouched. Its formula looks at the cell itself:
  the fill shows while the cell is empty or still holds what the check saw (_mark_formula),
  so typing an answer takes it away;
- a sheet "Granskning" (a new worksheet part, first and active) with the status and every
  finding, in inline strings (sharedStrings.xml is not touched).
The parts changed for that are the problem sheets' XML and relationships, their comments and
VML, workbook.xml and its relationships, styles.xml, [Content_Types].xml, the custom
properties that name the copy as ours (package.mark_annotated_copy), and the XML of a
sheet that was selected (it loses tabSelected, so Excel does not open the sheets grouped).
Every other member (images, charts, drawings, embedded objects, pivot caches, tables,
threaded comments, customXml, VBA, printer settings) is streamed through unchanged.

Strict OOXML workbooks (purl.oclc.org namespaces) are annotated in their own namespaces,
as Excel itself writes them (VML keeps its transitional relationship and its legacyDrawing
sits in an mc:AlternateContent).

A re-run removes what an earlier run added before adding anew, and recognises it by
content, since LibreOffice Calc drops the note author and the sheet code name on saving:
our notes begin with "socinv-docs:" and end with a "[CODE]" line; our conditional formats
carry the string "socinv-docs" in their formula; our review sheet has the code name
REVIEW_SHEET_CODENAME or our title in A1 and our column headers in row 5.
"""

from __future__ import annotations

import copy
import datetime as dt
import posixpath
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from socinv_docs import messages
from socinv_docs.atomic import write_with
from socinv_docs.limits import Limits
from socinv_docs.location import column_letter
from socinv_docs.model import Document
from socinv_docs.readers.annotated_copy import (
    REVIEW_HEADER_KEYS,
    REVIEW_HEADER_ROW,
    is_review_content,
    review_headers,
)
from socinv_docs.readers.safety import MemberStream
from socinv_docs.readers.xlsx_reader import REVIEW_SHEET_CODENAME
from socinv_docs.render.annotate.common import (
    AUTHOR,
    AnnotateError,
    AnnotateResult,
    _clean,
    _finding_lines,
    _is_missing,
    _ordered,
    _status_line,
    place_all,
)
from socinv_docs.render.annotate.package import (
    ContentTypes,
    Package,
    Relationships,
    insert_in_order,
    local_name,
    mark_annotated_copy,
    rels_name,
    serialize,
)
from socinv_docs.report import DocumentReport, Finding

# The string every formula of our conditional formats carries: how a re-run finds them.
MARK = '"socinv-docs"'
_MARK_TEST = f"ISTEXT({MARK})"  # always true; the formula is AND(_MARK_TEST, <the cell's test>)
_FILL_RGB = "FFF4CCCC"  # the light red of a problem cell
_HEADER_RGB = "FFDDEBF7"  # the review sheet's header row
_NOTE_WIDTH_PX = 330
_NOTE_CHARS_PER_LINE = 52
_NOTE_LINE_PX = 13
_MAX_CELL_CHARS = 32767  # Excel's limit for the text of one cell

MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
VML_V = "urn:schemas-microsoft-com:vml"
VML_O = "urn:schemas-microsoft-com:office:office"
VML_X = "urn:schemas-microsoft-com:office:excel"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"

CT_WORKSHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
CT_COMMENTS = "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"
CT_VML = "application/vnd.openxmlformats-officedocument.vmlDrawing"
CT_STYLES = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"


@dataclass(frozen=True)
class _Flavour:
    """The namespaces of a workbook: transitional (what Excel saves by default) or Strict."""
    main: str  # SpreadsheetML
    rels: str  # r:id attributes and the base of relationship types

    def tag(self, name: str) -> str:
        return f"{{{self.main}}}{name}"

    @property
    def rid(self) -> str:
        return f"{{{self.rels}}}id"

    def rel_type(self, kind: str) -> str:
        return f"{self.rels}/{kind}"

    @property
    def strict(self) -> bool:
        return self is STRICT


TRANSITIONAL = _Flavour("http://schemas.openxmlformats.org/spreadsheetml/2006/main",
                        "http://schemas.openxmlformats.org/officeDocument/2006/relationships")
STRICT = _Flavour("http://purl.oclc.org/ooxml/spreadsheetml/main",
                  "http://purl.oclc.org/ooxml/officeDocument/relationships")
# VML is not part of Strict: Excel's own Strict files keep the transitional type for it.
REL_VML = TRANSITIONAL.rel_type("vmlDrawing")

# Child order of the elements we insert into (ECMA-376 CT_Worksheet, CT_Workbook, CT_Stylesheet).
_SHEET_ORDER = ("sheetPr", "dimension", "sheetViews", "sheetFormatPr", "cols", "sheetData", "sheetCalcPr",
                "sheetProtection", "protectedRanges", "scenarios", "autoFilter", "sortState", "dataConsolidate",
                "customSheetViews", "mergeCells", "phoneticPr", "conditionalFormatting", "dataValidations",
                "hyperlinks", "printOptions", "pageMargins", "pageSetup", "headerFooter", "rowBreaks", "colBreaks",
                "customProperties", "cellWatches", "ignoredErrors", "smartTags", "drawing", "legacyDrawing",
                "legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts",
                "extLst")
_BOOK_ORDER = ("fileVersion", "fileSharing", "workbookPr", "workbookProtection", "bookViews", "sheets",
               "functionGroups", "externalReferences", "definedNames", "calcPr", "oleSize", "customWorkbookViews",
               "pivotCaches", "smartTagPr", "smartTagTypes", "webPublishing", "fileRecoveryPr", "webPublishObjects",
               "extLst")
_STYLE_ORDER = ("numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs",
                "tableStyles", "colors", "extLst")

# =========================================================================================
# The annotator
# =========================================================================================

def _annotate_xlsx(report: DocumentReport, extra: list[Finding], archive: zipfile.ZipFile, source: Path,
                   target: Path, lang: str, now: dt.datetime, limits: Limits) -> AnnotateResult:
    book = _Book(Package(archive, limits, str(source)))
    removed = book.remove_ours()
    doc = report.document
    findings = list(report.findings)
    placed, unplaced = place_all(findings, extra, lambda f: _spot(f, doc, book, lang))
    by_cell: dict[tuple[str, str], list[tuple[Finding, str | None]]] = {}
    for f, (sheet, coord, note) in placed:
        by_cell.setdefault((sheet, coord), []).append((f, note))

    notes = 0
    marked: dict[str, list[str]] = {}
    # Cells fixed by emptying them: a placeholder left beside an answer ("Skriv här:" in
    # B16, the answer in C16). Their fill goes when the cell is emptied, not only changed.
    to_empty: dict[str, set[str]] = {}
    for (sheet_name, coord), items in by_cell.items():
        sheet = book.worksheet(sheet_name)
        marked.setdefault(sheet_name, []).append(coord)
        if all(f.params.get("variant") == "leftover_cell" for f, _ in items):
            to_empty.setdefault(sheet_name, set()).add(coord)
        lines = [f"{AUTHOR}:"]
        for f, note in items:
            lines.extend(_finding_lines(f, lang, note))
        # A cell with someone else's note keeps it; ours is then on the review sheet only.
        if sheet.add_note(coord, lines):
            notes += 1
    for sheet_name, coords in marked.items():
        book.worksheet(sheet_name).mark(coords, to_empty.get(sheet_name, set()))
    book.add_review_sheet(_review_rows(report, findings + extra, by_cell, lang, now), lang)
    book.finish()
    mark_annotated_copy(book.pkg, "xlsx")
    write_with(target, lambda tmp: book.pkg.write(tmp, now))
    return AnnotateResult(target=target, comments=notes, placed=sum(len(v) for v in by_cell.values()),
                          unplaced=len(unplaced), removed=removed)


def _spot(f: Finding, doc: Document | None, book: _Book, lang: str) -> tuple[str, str, str | None] | None:
    """(sheet, cell, note) where a finding's note goes, or None for the summary only."""
    w = f.where
    if not w.sheet:
        return None
    sheet = book.worksheet(w.sheet)
    if sheet is None:
        return None
    note = None
    if _is_missing(f, doc):
        note = messages.text("annotate.missing_after" if w.position == "after" else "annotate.missing_before", lang)
    coord = w.cell or (f"A{w.row}" if w.row else None)
    if coord is None or _cell_index(coord) is None:
        return None
    return w.sheet, sheet.top_left(coord.upper()), note


def _child(parent: etree._Element, flavour: _Flavour, name: str, order: tuple[str, ...]) -> etree._Element:
    el = parent.find(flavour.tag(name))
    if el is None:
        el = etree.Element(flavour.tag(name))
        insert_in_order(parent, el, order)
    return el


# =========================================================================================
# The workbook
# =========================================================================================

@dataclass
class _SheetRef:
    el: etree._Element  # its <sheet> in workbook.xml
    name: str
    rid: str | None
    part: str | None
    kind: str  # the relationship's kind: worksheet, chartsheet, dialogsheet, …


class _Book:
    def __init__(self, pkg: Package) -> None:
        self.pkg = pkg
        if not pkg.has("[Content_Types].xml"):
            raise AnnotateError("annotate.unreadable", file=pkg.file)
        main = Relationships(pkg, "").of_kind("officeDocument")  # the package's own _rels/.rels
        self.part = main[0][1] if main else "xl/workbook.xml"
        if not pkg.has(self.part):
            raise AnnotateError("annotate.unreadable", file=pkg.file)
        self.root = pkg.tree(self.part)
        namespace = etree.QName(self.root).namespace
        self.flavour = {TRANSITIONAL.main: TRANSITIONAL, STRICT.main: STRICT}.get(namespace)
        if self.flavour is None or local_name(self.root) != "workbook":
            raise AnnotateError("annotate.unsupported", file=pkg.file)
        self.rels = Relationships(pkg, self.part)
        self.types = ContentTypes(pkg)
        self.sheets_el = _child(self.root, self.flavour, "sheets", _BOOK_ORDER)
        self._sheets: dict[str, _Sheet] = {}
        self._refs: list[_SheetRef] | None = None
        self.vmls: dict[str, _Vml] = {}  # the drawings being edited, by part name
        self._strings: list[str] | None = None
        self._styles: _Styles | None = None

    # -- sheets --------------------------------------------------------------------------
    def refs(self) -> list[_SheetRef]:
        """The sheets in workbook order (kept until the list of sheets changes)."""
        if self._refs is None:
            rels = {rel.get("Id"): rel for rel in self.rels._all() if rel.get("TargetMode") != "External"}
            self._refs = []
            for el in self.sheets_el.findall(self.flavour.tag("sheet")):
                rid = el.get(self.flavour.rid)
                rel = rels.get(rid)
                part = self.rels.resolve(rel.get("Target") or "") if rel is not None else None
                kind = (rel.get("Type") or "").rsplit("/", 1)[-1] if rel is not None else ""
                self._refs.append(_SheetRef(el, el.get("name") or "", rid,
                                            part if part and self.pkg.has(part) else None, kind))
        return self._refs

    def worksheet(self, name: str) -> _Sheet | None:
        ref = next((r for r in self.refs() if r.name == name and r.kind == "worksheet" and r.part), None)
        if ref is None:
            return None
        if ref.part not in self._sheets:
            self._sheets[ref.part] = _Sheet(self, ref.part)
        return self._sheets[ref.part]

    def strings(self) -> list[str]:
        """The shared strings (read once, when a cell needs one)."""
        if self._strings is None:
            self._strings = []
            for _, part in self.rels.of_kind("sharedStrings")[:1]:
                if self.pkg.has(part):
                    root = self.pkg.tree(part)
                    self._strings = [_rich_text(si, self.flavour) for si in root.findall(self.flavour.tag("si"))]
        return self._strings

    def styles(self) -> _Styles:
        if self._styles is None:
            self._styles = _Styles(self)
        return self._styles

    def vml_blocks(self) -> set[int]:
        """The shape-id blocks (o:idmap) every VML drawing of the workbook uses."""
        used: set[int] = set()
        for name in {*self.pkg.names(".vml"), *self.vmls}:
            try:
                used.update((self.vmls.get(name) or _Vml(self.pkg, name)).blocks())
            except AnnotateError:
                continue
        return used

    # -- removing an earlier run -----------------------------------------------------------
    def remove_ours(self) -> int:
        removed = 0
        for ref in self.refs():
            if ref.kind == "worksheet" and ref.part and self._is_review(ref):
                self._remove_sheet(ref)
        for ref in self.refs():
            if ref.kind == "worksheet" and ref.part:
                removed += self.worksheet(ref.name).remove_ours()
        return removed

    def _is_review(self, ref: _SheetRef) -> bool:
        head = _head(self.pkg, ref.part)
        if re.search(rb'<(?:\w+:)?sheetPr\b[^>]*\bcodeName="' + REVIEW_SHEET_CODENAME.encode() + b'"', head):
            return True
        # LibreOffice drops the code name: our title in A1 and our headers in row 5 then tell.
        cells = _first_cells(self, ref.part, rows=REVIEW_HEADER_ROW)
        headers = [cells.get(f"{column_letter(c)}{REVIEW_HEADER_ROW}", "")
                   for c in range(1, len(REVIEW_HEADER_KEYS) + 1)]
        return is_review_content(cells.get("A1", ""), headers)

    def _remove_sheet(self, ref: _SheetRef) -> None:
        index = list(self.sheets_el.findall(self.flavour.tag("sheet"))).index(ref.el)
        self.sheets_el.remove(ref.el)
        self._refs = None
        self._shift_sheet_indices(index, -1)
        if ref.rid:
            self.rels.remove(ref.rid)
        self.pkg.drop(ref.part)
        if self.pkg.has(rels_name(ref.part)):
            self.pkg.drop(rels_name(ref.part))
        self.types.remove(ref.part)
        self.pkg.touch(self.part)

    def _shift_sheet_indices(self, at: int, by: int) -> None:
        """Sheet positions in workbook.xml after a sheet is added (+1) or removed (-1) at `at`:
        names local to a sheet (localSheetId) and the active and first tab."""
        names = self.root.find(self.flavour.tag("definedNames"))
        if names is not None:
            for dn in list(names):
                local = _int(dn.get("localSheetId"))
                if local is None:
                    continue
                if by < 0 and local == at:
                    names.remove(dn)
                elif local >= at:
                    dn.set("localSheetId", str(local + by))
            if not len(names):
                self.root.remove(names)
        views = self.root.find(self.flavour.tag("bookViews"))
        for view in views if views is not None else []:
            for attr in ("activeTab", "firstSheet"):
                value = _int(view.get(attr))
                if value is not None and value >= at and (by > 0 or value > at):
                    view.set(attr, str(max(value + by, 0)))

    # -- the review sheet --------------------------------------------------------------------
    def add_review_sheet(self, rows: _ReviewRows, lang: str) -> None:
        f = self.flavour
        taken = {r.name.casefold() for r in self.refs()}
        title = messages.text("annotate.sheet", lang)
        if title.casefold() in taken:
            title = f"{title} ({AUTHOR})"
        n = 2
        while title.casefold() in taken:
            title = f"{messages.text('annotate.sheet', lang)} ({n})"
            n += 1
        folder = next((posixpath.dirname(r.part) for r in self.refs() if r.kind == "worksheet" and r.part),
                      posixpath.join(posixpath.dirname(self.part), "worksheets"))
        part = self.pkg.free_name(posixpath.join(folder, "sheet{}.xml"))
        styles = self.styles().review()
        self.pkg.new_tree(part, _review_sheet(f, rows, styles))
        self.types.override(part, CT_WORKSHEET)
        rid = self.rels.add(f.rel_type("worksheet"), part)
        ids = [_int(s.get("sheetId")) or 0 for s in self.sheets_el.findall(f.tag("sheet"))]
        sheet = etree.Element(f.tag("sheet"), {"name": title, "sheetId": str(max(ids, default=0) + 1)})
        sheet.set(f.rid, rid)
        self.sheets_el.insert(0, sheet)
        self._refs = None
        self._shift_sheet_indices(0, +1)
        # It opens first: the active tab, the only one selected (several selected tabs are
        # "grouped" in Excel, and typing would then change every one of them).
        views = self.root.find(f.tag("bookViews"))
        if views is None:
            views = etree.Element(f.tag("bookViews"))
            insert_in_order(self.root, views, _BOOK_ORDER)
        if not len(views):
            etree.SubElement(views, f.tag("workbookView"))
        for view in views:
            view.set("activeTab", "0")
            if "firstSheet" in view.attrib:
                view.set("firstSheet", "0")
        for ref in self.refs()[1:]:
            if ref.part:
                self._unselect(ref.part)
        names = _child(self.root, f, "definedNames", _BOOK_ORDER)
        quoted = "'" + title.replace("'", "''") + "'"
        titles = etree.Element(f.tag("definedName"), {"name": "_xlnm.Print_Titles", "localSheetId": "0"})
        titles.text = f"{quoted}!${rows.header_row}:${rows.header_row}"
        names.insert(0, titles)
        self.pkg.touch(self.part)

    def _unselect(self, part: str) -> None:
        if part in self.pkg.trees:
            root = self.pkg.tree(part)
            for view in root.iter(self.flavour.tag("sheetView")):
                if "tabSelected" in view.attrib:
                    del view.attrib["tabSelected"]
                    self.pkg.touch(part)
            return
        if not _SELECTED.search(_head(self.pkg, part)):
            return
        data = self.pkg.read(part)
        self.pkg.put(part, _SELECTED.sub(rb"\1", data))

    def finish(self) -> None:
        for sheet in self._sheets.values():
            sheet.finish()


# A selected tab in a sheet's XML (only sheetView start tags carry it).
_SELECTED = re.compile(rb'(<(?:\w+:)?sheetView\b[^>]*?)\s+tabSelected="(?:1|true)"')


def _head(pkg: Package, part: str, size: int = 65536) -> bytes:
    """The first bytes of a part (its sheetPr and sheetViews), without reading all of it."""
    actual = pkg._actual(part)
    if actual in pkg.data:
        return pkg.data[actual][:size]
    if actual in pkg.trees:
        return serialize(pkg.trees[actual])[:size]
    with MemberStream(pkg.archive, pkg.infos[actual]) as fh:
        return fh.read(size)


def _first_cells(book: _Book, part: str, rows: int) -> dict[str, str]:
    """The texts of the cells in the first `rows` rows of a sheet, read as a stream."""
    f = book.flavour
    out: dict[str, str] = {}
    actual = book.pkg._actual(part)
    if actual not in book.pkg.infos or actual in book.pkg.data or actual in book.pkg.trees:
        return out
    try:
        with MemberStream(book.pkg.archive, book.pkg.infos[actual]) as source:
            row_number = 0
            for _, row in etree.iterparse(source, events=("end",), tag=f.tag("row"), resolve_entities=False,
                                          no_network=True, load_dtd=False, huge_tree=False):
                row_number = _int(row.get("r")) or row_number + 1
                if row_number > rows:
                    break
                col = 0
                for c in row.findall(f.tag("c")):
                    index = _cell_index(c.get("r") or "") if c.get("r") else None
                    col = index[1] if index else col + 1
                    out[f"{column_letter(col)}{row_number}"] = _cell_text(c, book)
                row.clear()
    except etree.XMLSyntaxError:  # not a sheet we could have written: not ours
        return {}
    return out


def _cell_text(c: etree._Element, book: _Book) -> str:
    f = book.flavour
    kind = c.get("t")
    if kind == "inlineStr":
        is_ = c.find(f.tag("is"))
        return _rich_text(is_, f) if is_ is not None else ""
    v = c.find(f.tag("v"))
    if v is None or v.text is None:
        return ""
    if kind == "s":
        strings = book.strings()
        i = _int(v.text)
        return strings[i] if i is not None and 0 <= i < len(strings) else ""
    return v.text


_ESCAPED = re.compile(r"_x([0-9A-Fa-f]{4})_")


def _rich_text(si: etree._Element, f: _Flavour) -> str:
    """The text of a shared or inline string: its t, or its runs' t (not the phonetic rPh)."""
    parts = []
    for child in si:
        name = local_name(child)
        if name == "t":
            parts.append(child.text or "")
        elif name == "r":
            t = child.find(f.tag("t"))
            parts.append(t.text or "" if t is not None else "")
    return _ESCAPED.sub(lambda m: chr(int(m.group(1), 16)), "".join(parts))


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


_COORD = re.compile(r"^\$?([A-Za-z]{1,3})\$?(\d{1,7})$")


def _cell_index(coord: str) -> tuple[int, int] | None:
    """(row, column), both 1-based, of an address like "B14"."""
    m = _COORD.match(coord.strip())
    if not m:
        return None
    col = 0
    for ch in m.group(1).upper():
        col = col * 26 + ord(ch) - 64
    return int(m.group(2)), col


# =========================================================================================
# One worksheet: its notes and its marks
# =========================================================================================

class _Sheet:
    def __init__(self, book: _Book, part: str) -> None:
        self.book = book
        self.pkg = book.pkg
        self.f = book.flavour
        self.part = part
        self._rels: Relationships | None = None
        self._comments: _Comments | None = None
        self._vml: _Vml | None = None
        self.notes_broken = False  # a comments part or VML we cannot add to
        self.notes_changed = False

    @property
    def root(self) -> etree._Element:
        return self.pkg.tree(self.part)

    @property
    def rels(self) -> Relationships:
        if self._rels is None:
            self._rels = Relationships(self.pkg, self.part)
        return self._rels

    def top_left(self, coord: str) -> str:
        """The cell that shows a merged range's content: where its note and fill belong."""
        index = _cell_index(coord)
        merged = self.root.find(self.f.tag("mergeCells"))
        if index is None or merged is None:
            return coord
        row, col = index
        for mc in merged.findall(self.f.tag("mergeCell")):
            ref = (mc.get("ref") or "").split(":")
            if len(ref) != 2:
                continue
            a, b = _cell_index(ref[0]), _cell_index(ref[1])
            if a and b and a[0] <= row <= b[0] and a[1] <= col <= b[1]:
                return f"{column_letter(a[1])}{a[0]}"
        return coord

    # -- the comments part and the VML drawing -------------------------------------------------
    def _legacy_rid(self) -> str | None:
        for el in self.root.iter(self.f.tag("legacyDrawing")):
            return el.get(self.f.rid)
        return None

    def comments(self, create: bool = False) -> _Comments | None:
        if self._comments is None and not self.notes_broken:
            found = self.rels.of_kind("comments")
            try:
                if found and self.pkg.has(found[0][1]):
                    self._comments = _Comments(self, found[0][0], found[0][1])
                elif create:
                    name = self.pkg.free_name(posixpath.join(posixpath.dirname(posixpath.dirname(self.part)) or "xl",
                                                             "comments{}.xml"))
                    root = etree.Element(self.f.tag("comments"), nsmap={None: self.f.main})
                    etree.SubElement(root, self.f.tag("authors"))
                    etree.SubElement(root, self.f.tag("commentList"))
                    self.pkg.new_tree(name, root)
                    rid = self.rels.add(self.f.rel_type("comments"), name)
                    self.book.types.override(name, CT_COMMENTS)
                    self._comments = _Comments(self, rid, name)
            except AnnotateError as exc:
                if exc.key != "annotate.unreadable":
                    raise  # out of memory or too big: the whole copy stops
                self.notes_broken = True  # damaged: this sheet's findings go to the review sheet
        return self._comments

    def vml(self, create: bool = False) -> _Vml | None:
        if self._vml is None and not self.notes_broken:
            rid = self._legacy_rid()
            name = self.rels.target(rid) if rid else None
            try:
                if name and self.pkg.has(name):
                    self._vml = self.book.vmls.setdefault(name, _Vml(self.pkg, name))
                    self._vml.rid = rid
                elif create:
                    name = self.pkg.free_name(posixpath.join(posixpath.dirname(posixpath.dirname(self.part)) or "xl",
                                                             "drawings", "vmlDrawing{}.vml"))
                    block = max(self.book.vml_blocks(), default=0) + 1
                    self.pkg.put(name, _new_vml(block))
                    self.book.types.override(name, CT_VML)
                    new_rid = self.rels.add(REL_VML, name)
                    self._set_legacy_drawing(new_rid)
                    self._vml = self.book.vmls.setdefault(name, _Vml(self.pkg, name))
                    self._vml.rid = new_rid
            except AnnotateError as exc:
                if exc.key != "annotate.unreadable":
                    raise
                self.notes_broken = True
        return self._vml

    def _set_legacy_drawing(self, rid: str) -> None:
        existing = next(self.root.iter(self.f.tag("legacyDrawing")), None)
        if existing is not None:  # pointing at nothing that exists: point it at ours
            existing.set(self.f.rid, rid)
        else:
            el = etree.Element(self.f.tag("legacyDrawing"))
            el.set(self.f.rid, rid)
            if self.f.strict:  # as Excel writes it in a Strict file: VML is an extension there
                wrapper = etree.Element(f"{{{MC}}}AlternateContent", nsmap={"mc": MC, "v": VML_V})
                etree.SubElement(wrapper, f"{{{MC}}}Choice", {"Requires": "v"}).append(el)
                el = wrapper
            insert_in_order(self.root, el, _SHEET_ORDER, "legacyDrawing")
        self.pkg.touch(self.part)

    def _drop_legacy_drawing(self) -> None:
        for el in list(self.root.iter(self.f.tag("legacyDrawing"))):
            parent = el.getparent()
            parent.remove(el)
            if local_name(parent) == "Choice" and not len(parent):
                alternate = parent.getparent()
                if alternate is not None and alternate.getparent() is not None:
                    alternate.getparent().remove(alternate)
        self.pkg.touch(self.part)

    # -- removing an earlier run -----------------------------------------------------------------
    def remove_ours(self) -> int:
        removed = 0
        if self.rels.of_kind("comments"):
            comments = self.comments()
            if comments is not None:
                cells = comments.remove_ours()
                if cells:
                    removed = len(cells)
                    self.notes_changed = True
                    vml = self.vml()
                    if vml is not None:
                        vml.remove_notes({(r - 1, c - 1) for r, c in (_cell_index(x) or (0, 0) for x in cells)})
        # Only a sheet that mentions us is parsed for its conditional formats (its quotes may
        # be written &quot;, so the bytes are searched for the name alone).
        if self.part in self.pkg.trees or b"socinv-docs" in self.pkg.read(self.part):
            self._remove_marks()
        return removed

    def _remove_marks(self) -> None:
        root = self.root
        for cf in list(root.findall(self.f.tag("conditionalFormatting"))):
            for rule in cf.findall(self.f.tag("cfRule")):
                if any(MARK in (fm.text or "") for fm in rule.findall(self.f.tag("formula"))):
                    cf.remove(rule)
                    self.pkg.touch(self.part)
            if cf.find(self.f.tag("cfRule")) is None:
                root.remove(cf)

    # -- adding ----------------------------------------------------------------------------------
    def add_note(self, coord: str, lines: list[str]) -> bool:
        """Our note on `coord`; False when the cell has someone else's note (theirs stays)
        or the sheet's comments cannot be added to."""
        comments = self.comments()
        if comments is not None and coord in comments.cells():
            return False
        self.notes_changed = True  # from here on finish() tidies what we create
        vml = self.vml(create=True)
        if vml is None or not vml.can_add():
            return False
        comments = self.comments(create=True)
        if comments is None:
            return False
        row, col = _cell_index(coord)
        vml.add_note(row - 1, col - 1, _Geometry(self).note_box(row - 1, col - 1, _note_height(lines)), self.book)
        comments.add(coord, lines)
        return True

    def mark(self, coords: list[str], to_empty: set[str] = frozenset()) -> None:
        """The light fill on each problem cell, while it is empty or unchanged since the check
        (a cell in `to_empty`: only while unchanged, as emptying it is the fix)."""
        root = self.root
        dxf = self.book.styles().dxf()
        priorities = [_int(el.get("priority")) or 0 for el in root.iter() if local_name(el) == "cfRule"]
        priority = max(priorities, default=0)
        values = self._values(set(coords))
        for coord in sorted(set(coords), key=lambda c: _cell_index(c) or (0, 0)):
            priority += 1
            cf = etree.Element(self.f.tag("conditionalFormatting"), {"sqref": coord})
            rule = etree.SubElement(cf, self.f.tag("cfRule"), {"type": "expression", "dxfId": str(dxf),
                                                                "priority": str(priority)})
            etree.SubElement(rule, self.f.tag("formula")).text = _mark_formula(coord, values.get(coord),
                                                                               empty=coord not in to_empty)
            insert_in_order(root, cf, _SHEET_ORDER)
        self.pkg.touch(self.part)

    def _values(self, coords: set[str]) -> dict[str, tuple[str, str]]:
        """(type, value) of the cells asked for, as the check saw them."""
        out = {}
        data = self.root.find(self.f.tag("sheetData"))
        if data is None:
            return out
        row_number = 0
        for row in data.iterfind(self.f.tag("row")):
            row_number = _int(row.get("r")) or row_number + 1
            col = 0
            for c in row.iterfind(self.f.tag("c")):
                index = _cell_index(c.get("r")) if c.get("r") else None
                col = index[1] if index else col + 1
                coord = f"{column_letter(col)}{row_number}"
                if coord not in coords:
                    continue
                kind = c.get("t") or "n"
                if kind in ("s", "inlineStr", "str"):
                    out[coord] = ("text", _cell_text(c, self.book))
                elif kind in ("n", "b"):
                    v = c.find(self.f.tag("v"))
                    if v is not None and v.text:
                        out[coord] = (kind, v.text.strip())
        return out

    def finish(self) -> None:
        """Drop a comments part and VML we emptied (an earlier run's, with nothing new)."""
        if not self.notes_changed:
            return
        comments, vml = self._comments, self._vml
        if comments is not None and not comments.cells():
            self.rels.remove(comments.rid)
            self.pkg.drop(comments.name)
            self.book.types.remove(comments.name)
            self._comments = None
        if vml is not None:
            vml.save()
            if not vml.has_shapes():
                if vml.rid:
                    self.rels.remove(vml.rid)
                self.pkg.drop(vml.name)
                self.book.types.remove(vml.name)
                self._drop_legacy_drawing()


def _mark_formula(coord: str, value: tuple[str, str] | None, empty: bool = True) -> str:
    """True while the cell is empty (unless `empty` is False) or still holds what the check
    saw; relative references only, so the rule follows the cell.

    What the check saw is never written into the formula as text (applicant text must not
    become part of a formula): a text is recognised by its length and the character codes
    of its first, middle and last characters, a number or truth value by itself. The codes
    are tested only when the length matches (IF is lazy), so no test ever gives an error,
    which would hide the fill."""
    tests = [f"LEN(TRIM({coord}))=0"] if empty or value is None else []
    if value is not None:
        kind, v = value
        if kind == "text" and v.strip():
            tests.append(_text_test(coord, v))
        elif kind == "n" and re.fullmatch(r"-?\d+(\.\d+)?([Ee][-+]?\d+)?", v):
            tests.append(f"{coord}={v}")
        elif kind == "b" and v in ("0", "1"):
            tests.append(f"{coord}={'TRUE' if v == '1' else 'FALSE'}")
    if not tests:  # nothing the check saw can be recognised: shown while empty, as before
        tests.append(f"LEN(TRIM({coord}))=0")
    return f"AND({_MARK_TEST},OR({','.join(tests)}))"


def _text_test(coord: str, text: str) -> str:
    length = len(text.encode("utf-16-le")) // 2  # LEN counts UTF-16 units
    if length != len(text):  # characters outside the BMP: positions would not line up
        return f"LEN({coord})={length}"
    codes = []
    for pos in sorted({1, (length + 1) // 2, length}):
        ch = text[pos - 1]
        if " " <= ch <= "~":  # printable ASCII: CODE gives the same number in Excel and LibreOffice
            codes.append(f"CODE(MID({coord},{pos},1))={ord(ch)}")
    if not codes:
        return f"LEN({coord})={length}"
    return f"IF(LEN({coord})={length},AND({','.join(codes)}),FALSE)"


def _note_height(lines: list[str]) -> int:
    wrapped = sum(1 + len(line) // _NOTE_CHARS_PER_LINE for line in "\n".join(lines).split("\n"))
    return min(max(60, _NOTE_LINE_PX * wrapped + 12), 560)


class _Geometry:
    """Column widths and row heights in pixels, to anchor a note of a given size."""

    def __init__(self, sheet: _Sheet) -> None:
        f, root = sheet.f, sheet.root
        fmt = root.find(f.tag("sheetFormatPr"))
        attr = fmt.attrib if fmt is not None else {}
        # Excel's default: 8 characters plus padding, at 7 pixels a character (Calibri 11).
        self.default_width = _float(attr.get("defaultColWidth")) or (_float(attr.get("baseColWidth")) or 8) + 0.71
        self.default_height = _float(attr.get("defaultRowHeight")) or 15.0
        self.widths: dict[int, float] = {}
        cols = root.find(f.tag("cols"))
        for col in cols.findall(f.tag("col")) if cols is not None else []:
            lo, hi = _int(col.get("min")) or 1, _int(col.get("max")) or 1
            width = 0.0 if col.get("hidden") in ("1", "true") else (_float(col.get("width")) or self.default_width)
            for c in range(lo, min(hi, lo + 200) + 1):
                self.widths[c] = width
        self.heights: dict[int, float] = {}
        data = root.find(f.tag("sheetData"))
        n = 0
        for row in data.iterfind(f.tag("row")) if data is not None else []:
            n = _int(row.get("r")) or n + 1
            if row.get("hidden") in ("1", "true"):
                self.heights[n] = 0.0
            elif row.get("ht"):
                self.heights[n] = _float(row.get("ht")) or self.default_height

    def col_px(self, col0: int) -> int:
        return int(self.widths.get(col0 + 1, self.default_width) * 7 + 0.5)

    def row_px(self, row0: int) -> int:
        return round(self.heights.get(row0 + 1, self.default_height) * 4 / 3)

    def note_box(self, row0: int, col0: int, height_px: int) -> _NoteBox:
        """Where a note shows, right of its cell as Excel puts it: x:Anchor (columns, rows,
        pixel offsets), which Excel and LibreOffice go by, and the same box in points."""
        left_col, left_off = col0 + 1, 15
        top_row, top_off = max(row0 - 1, 0), 10
        right_col, right_off = _walk(self.col_px, left_col, left_off + _NOTE_WIDTH_PX)
        bottom_row, bottom_off = _walk(self.row_px, top_row, top_off + height_px)
        left = sum(self.col_px(c) for c in range(min(left_col, 2000))) + left_off
        top = sum(self.row_px(r) for r in range(min(top_row, 100_000))) + top_off
        return _NoteBox(f"{left_col}, {left_off}, {top_row}, {top_off}, {right_col}, {right_off}, {bottom_row}, "
                        f"{bottom_off}", left * 0.75, top * 0.75, _NOTE_WIDTH_PX * 0.75, height_px * 0.75)


@dataclass(frozen=True)
class _NoteBox:
    anchor: str
    left_pt: float
    top_pt: float
    width_pt: float
    height_pt: float


def _walk(size, start: int, px: int) -> tuple[int, int]:
    """The column (or row) and offset `px` pixels from the start of `start`."""
    index = start
    for _ in range(2000):
        step = size(index)
        if px < step or step <= 0 and px <= 0:
            return index, px
        px -= step
        index += 1
    return index, 0


def _float(value: str | None) -> float | None:
    try:
        return float(value) if value is not None else None
    except ValueError:
        return None


# -- the comments part -------------------------------------------------------------------

class _Comments:
    def __init__(self, sheet: _Sheet, rid: str, name: str) -> None:
        self.sheet = sheet
        self.f = sheet.f
        self.pkg = sheet.pkg
        self.rid = rid
        self.name = name
        self.root = self.pkg.tree(name)

    def _list(self) -> etree._Element:
        return _child(self.root, self.f, "commentList", ("authors", "commentList", "extLst"))

    def _authors(self) -> list[str]:
        authors = self.root.find(self.f.tag("authors"))
        return [a.text or "" for a in authors.findall(self.f.tag("author"))] if authors is not None else []

    def cells(self) -> set[str]:
        return {(c.get("ref") or "").upper() for c in self._list().findall(self.f.tag("comment"))}

    def remove_ours(self) -> list[str]:
        authors = self._authors()
        cells = []
        for c in list(self._list().findall(self.f.tag("comment"))):
            author_id = _int(c.get("authorId"))
            author = authors[author_id] if author_id is not None and 0 <= author_id < len(authors) else ""
            if author == AUTHOR or _looks_like_ours(_rich_text(c.find(self.f.tag("text")), self.f)
                                                    if c.find(self.f.tag("text")) is not None else ""):
                c.getparent().remove(c)
                cells.append((c.get("ref") or "").upper())
        if cells:
            self.pkg.touch(self.name)
        return cells

    def add(self, coord: str, lines: list[str]) -> None:
        f = self.f
        authors = _child(self.root, f, "authors", ("authors", "commentList", "extLst"))
        names = [a.text or "" for a in authors.findall(f.tag("author"))]
        if AUTHOR in names:
            author_id = names.index(AUTHOR)
        else:
            etree.SubElement(authors, f.tag("author")).text = AUTHOR
            author_id = len(names)
        comment = etree.SubElement(self._list(), f.tag("comment"), {"ref": coord, "authorId": str(author_id)})
        text = etree.SubElement(comment, f.tag("text"))
        first, rest = lines[0], "\n".join(_clean(line) for line in lines[1:])
        for i, chunk in enumerate((first, "\n" + rest if rest else "")):
            if not chunk:
                continue
            run = etree.SubElement(text, f.tag("r"))
            rpr = etree.SubElement(run, f.tag("rPr"))
            if i == 0:
                etree.SubElement(rpr, f.tag("b"))
            etree.SubElement(rpr, f.tag("sz"), {"val": "9"})
            etree.SubElement(rpr, f.tag("color"), {"indexed": "81"})
            etree.SubElement(rpr, f.tag("rFont"), {"val": "Tahoma"})
            etree.SubElement(rpr, f.tag("family"), {"val": "2"})
            t = etree.SubElement(run, f.tag("t"))
            t.text = chunk[:_MAX_CELL_CHARS]
            t.set(XML_SPACE, "preserve")
        self.pkg.touch(self.name)


_CODE_LINE = re.compile(r"\[[A-Z][A-Z0-9_]*\]")


def _looks_like_ours(text: str) -> bool:
    """The layout our notes always have: "socinv-docs:" first, a "[CODE]" line last."""
    lines = [line.strip() for line in text.strip().split("\n")]
    return len(lines) >= 2 and lines[0] == f"{AUTHOR}:" and bool(_CODE_LINE.fullmatch(lines[-1]))


# -- the VML drawing ---------------------------------------------------------------------
#
# Excel's VML is not XML (a form button's label holds an unclosed <br>), so it is edited as
# text: our shapes are added before the closing </xml> and removed as the exact spans we
# recognise; every other byte stays. What we add is ASCII, so the file's own encoding holds.

_SHAPE = re.compile(r"<(?P<p>[\w.-]+:)?shape(?=[\s/>])[^>]*?(?:/>|>.*?</(?P=p)shape\s*>)", re.DOTALL)
_END = re.compile(r"</xml\s*>", re.IGNORECASE)
_IDMAP = re.compile(r"(<(?:[\w.-]+:)?idmap\b[^>]*?\bdata=)([\"'])([^\"']*)\2")
_SHAPE_ID = re.compile(r"_x0000_s(\d+)")


def _new_vml(block: int) -> bytes:
    return (f'<xml xmlns:v="{VML_V}"\n xmlns:o="{VML_O}"\n xmlns:x="{VML_X}">\n'
            f' <o:shapelayout v:ext="edit">\n  <o:idmap v:ext="edit" data="{block}"/>\n </o:shapelayout>'
            '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202"\n'
            '  path="m,l,21600r21600,l21600,xe">\n  <v:stroke joinstyle="miter"/>\n'
            '  <v:path gradientshapeok="t" o:connecttype="rect"/>\n </v:shapetype>\n</xml>\n').encode("ascii")


_SHAPETYPE_202 = ('<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202"\n'
                  '  path="m,l,21600r21600,l21600,xe">\n  <v:stroke joinstyle="miter"/>\n'
                  '  <v:path gradientshapeok="t" o:connecttype="rect"/>\n </v:shapetype>')


class _Vml:
    def __init__(self, pkg: Package, name: str) -> None:
        self.pkg = pkg
        self.name = name
        self.rid: str | None = None
        data = pkg.read(name)
        self.utf16 = data[:2] in (b"\xff\xfe", b"\xfe\xff")
        try:  # latin-1 maps every byte to one character and back: the rest stays byte for byte
            self.text = data.decode("utf-16") if self.utf16 else data.decode("latin-1")
        except UnicodeDecodeError:
            raise AnnotateError("annotate.unreadable", file=pkg.file) from None
        self.changed = False

    def save(self) -> None:
        if self.changed:
            self.pkg.put(self.name, self.text.encode("utf-16") if self.utf16 else self.text.encode("latin-1"))

    def blocks(self) -> list[int]:
        out = []
        for m in _IDMAP.finditer(self.text):
            out.extend(int(x) for x in re.findall(r"\d+", m.group(3)))
        return out

    def has_shapes(self) -> bool:
        return bool(_SHAPE.search(self.text))

    def can_add(self) -> bool:
        if not _END.search(self.text):
            return False
        root = re.search(r"<xml\b[^>]*>", self.text)
        if root is None:
            return False
        for prefix, uri in (("v", VML_V), ("o", VML_O), ("x", VML_X)):
            bound = re.search(rf'xmlns:{prefix}\s*=\s*["\']([^"\']*)["\']', root.group(0))
            if bound is not None and bound.group(1) != uri:
                return False  # our prefixes mean something else here: leave it alone
        return True

    def remove_notes(self, cells: set[tuple[int, int]]) -> None:
        """Take away the note shapes of these cells (0-based row, column); keep the rest."""
        def keep(m: re.Match) -> str:
            shape = m.group(0)
            if not re.search(r"ObjectType\s*=\s*[\"']Note[\"']", shape):
                return shape
            row = re.search(r"<(?:[\w.-]+:)?Row>\s*(\d+)\s*<", shape)
            col = re.search(r"<(?:[\w.-]+:)?Column>\s*(\d+)\s*<", shape)
            if row and col and (int(row.group(1)), int(col.group(1))) in cells:
                self.changed = True
                return ""
            return shape

        self.text = _SHAPE.sub(keep, self.text)

    def add_note(self, row0: int, col0: int, box: _NoteBox, book: _Book) -> None:
        root = re.search(r"<xml\b[^>]*>", self.text)
        declare = "".join(f' xmlns:{p}="{uri}"' for p, uri in (("v", VML_V), ("o", VML_O), ("x", VML_X))
                          if not re.search(rf"xmlns:{p}\s*=", root.group(0)))
        if declare:
            end = root.end() - (2 if root.group(0).endswith("/>") else 1)
            self.text = self.text[:end] + declare + self.text[end:]
        shape_id = self._next_id(book)
        insert = ""
        if "_x0000_t202" not in self.text:
            insert += _SHAPETYPE_202
        insert += (
            f'<v:shape id="_x0000_s{shape_id}" type="#_x0000_t202" style=\'position:absolute;\n'
            f'  margin-left:{box.left_pt:g}pt;margin-top:{box.top_pt:g}pt;width:{box.width_pt:g}pt;'
            f'height:{box.height_pt:g}pt;z-index:{shape_id % 1024};\n'
            "  visibility:hidden' fillcolor=\"#ffffe1\" o:insetmode=\"auto\">\n"
            '  <v:fill color2="#ffffe1"/>\n  <v:shadow color="black" obscured="t"/>\n'
            '  <v:path o:connecttype="none"/>\n'
            "  <v:textbox style='mso-direction-alt:auto'>\n   <div style='text-align:left'></div>\n"
            "  </v:textbox>\n"
            '  <x:ClientData ObjectType="Note">\n   <x:MoveWithCells/>\n   <x:SizeWithCells/>\n'
            f"   <x:Anchor>\n    {box.anchor}</x:Anchor>\n   <x:AutoFill>False</x:AutoFill>\n"
            f"   <x:Row>{row0}</x:Row>\n   <x:Column>{col0}</x:Column>\n  </x:ClientData>\n </v:shape>")
        end = list(_END.finditer(self.text))[-1]
        self.text = self.text[:end.start()] + insert + "\n" + self.text[end.start():]
        self.changed = True

    def _next_id(self, book: _Book) -> int:
        """A shape id in this drawing's o:idmap block(s), above every id it already uses."""
        used = [int(x) for x in _SHAPE_ID.findall(self.text)]
        blocks = self.blocks()
        if not blocks:  # LibreOffice writes none: give the drawing a block of its own
            block = max(book.vml_blocks(), default=0) + 1
            layout = f'<o:shapelayout v:ext="edit">\n  <o:idmap v:ext="edit" data="{block}"/>\n </o:shapelayout>'
            root = re.search(r"<xml\b[^>]*>", self.text)
            self.text = self.text[:root.end()] + "\n " + layout + self.text[root.end():]
            blocks = [block]
        candidate = max([*used, min(blocks) * 1024]) + 1
        if candidate // 1024 not in blocks:  # the block is full: add another to the idmap
            block = max([*book.vml_blocks(), *blocks]) + 1
            m = _IDMAP.search(self.text)
            self.text = self.text[:m.start(3)] + m.group(3) + f",{block}" + self.text[m.end(3):]
            candidate = block * 1024 + 1
        return candidate


# =========================================================================================
# styles.xml: the fill of a problem cell and the review sheet's styles
# =========================================================================================

class _Styles:
    def __init__(self, book: _Book) -> None:
        self.book = book
        self.f = book.flavour
        found = book.rels.of_kind("styles")
        if found and book.pkg.has(found[0][1]):
            self.name = found[0][1]
            self.root = book.pkg.tree(self.name)
        else:  # a workbook without styles (some generators): a minimal one, related and typed
            # under the name Excel itself uses, which is also the one openpyxl reads (it looks
            # for xl/styles.xml by name, not through the relationship).
            folder = posixpath.dirname(book.part)
            self.name = posixpath.join(folder, "styles.xml")
            if book.pkg.has(self.name):  # taken by a part nothing relates as styles: keep it
                self.name = book.pkg.free_name(posixpath.join(folder, "styles{}.xml"))
            self.root = _minimal_styles(self.f)
            book.pkg.new_tree(self.name, self.root)
            book.rels.add(self.f.rel_type("styles"), self.name)
            book.types.override(self.name, CT_STYLES)
        self._review: dict[str, int] | None = None

    def _add(self, list_name: str, item: etree._Element) -> int:
        """The index of `item` in a style list, appended unless an equal one is there."""
        parent = _child(self.root, self.f, list_name, _STYLE_ORDER)
        items = [el for el in parent if local_name(el)]
        wanted = _signature(item)
        for i, el in enumerate(items):
            if _signature(el) == wanted:
                return i
        parent.append(item)
        parent.set("count", str(len(items) + 1))
        self.book.pkg.touch(self.name)
        return len(items)

    def dxf(self) -> int:
        f = self.f
        dxf = etree.Element(f.tag("dxf"))
        pattern = etree.SubElement(etree.SubElement(dxf, f.tag("fill")), f.tag("patternFill"),
                                   {"patternType": "solid"})
        etree.SubElement(pattern, f.tag("fgColor"), {"rgb": _FILL_RGB})
        etree.SubElement(pattern, f.tag("bgColor"), {"rgb": _FILL_RGB})
        return self._add("dxfs", dxf)

    def review(self) -> dict[str, int]:
        """Cell formats (cellXfs indices) of the review sheet: title, bold, header, wrapped text."""
        if self._review is not None:
            return self._review
        f = self.f
        fonts = self.root.find(f.tag("fonts"))
        base = next((el for el in fonts if local_name(el) == "font"), None) if fonts is not None else None

        def font(size: int | None) -> int:
            """The workbook's default font, bold (and in `size`)."""
            el = copy.deepcopy(base) if base is not None else etree.Element(f.tag("font"))
            for child in list(el):
                if local_name(child) == "b" or (size and local_name(child) == "sz"):
                    el.remove(child)
            el.insert(0, etree.Element(f.tag("b")))
            if size:
                el.insert(1, etree.Element(f.tag("sz"), {"val": str(size)}))
            return self._add("fonts", el)

        fill = etree.Element(f.tag("fill"))
        pattern = etree.SubElement(fill, f.tag("patternFill"), {"patternType": "solid"})
        etree.SubElement(pattern, f.tag("fgColor"), {"rgb": _HEADER_RGB})
        etree.SubElement(pattern, f.tag("bgColor"), {"indexed": "64"})
        title_font, bold_font, fill_id = font(14), font(None), self._add("fills", fill)

        def xf(font_id: int = 0, fill_id: int = 0, wrap: bool = False) -> int:
            el = etree.Element(f.tag("xf"), {"numFmtId": "0", "fontId": str(font_id), "fillId": str(fill_id),
                                             "borderId": "0", "xfId": "0"})
            if font_id:
                el.set("applyFont", "1")
            if fill_id:
                el.set("applyFill", "1")
            if wrap:
                el.set("applyAlignment", "1")
                etree.SubElement(el, f.tag("alignment"), {"vertical": "top", "wrapText": "1"})
            return self._add("cellXfs", el)

        self._review = {"title": xf(title_font), "bold": xf(bold_font),
                        "header": xf(bold_font, fill_id, wrap=True), "wrap": xf(wrap=True)}
        return self._review


def _signature(el: etree._Element) -> tuple:
    return (local_name(el), tuple(sorted(el.attrib.items())), (el.text or "").strip(),
            tuple(_signature(c) for c in el if local_name(c)))


def _minimal_styles(f: _Flavour) -> etree._Element:
    root = etree.fromstring(
        f'<styleSheet xmlns="{f.main}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/>'
        '<family val="2"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill>'
        '<fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/>'
        '<top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" '
        'fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" '
        'borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" '
        'builtinId="0"/></cellStyles></styleSheet>')
    return root


# =========================================================================================
# The review sheet
# =========================================================================================

_WIDTHS = (12, 26, 24, 70, 60)
@dataclass
class _ReviewRows:
    title: str
    status: str
    note: str
    headers: list[str]
    rows: list[list[str]]  # one per finding; empty: the "no findings" line instead
    no_findings: str
    header_row: int = REVIEW_HEADER_ROW


def _texts(f: Finding, lang: str) -> tuple[str, str, str]:
    """(message, hint, location) of a finding in `lang`: the one place this module reads them."""
    return f.message_in(lang), f.hint_in(lang), f.location_in(lang)


def _review_rows(report: DocumentReport, findings: list[Finding], by_cell: dict, lang: str,
                 now: dt.datetime) -> _ReviewRows:
    where_of = {id(f): f"{sheet}!{coord}" for (sheet, coord), items in by_cell.items() for f, _ in items}
    rows = []
    for f in _ordered(findings):
        message, hint, location = _texts(f, lang)
        rows.append([messages.text(f"ui.severity.{f.severity.value}", lang), f.code.value,
                     where_of.get(id(f)) or location, message, hint])
    return _ReviewRows(
        title=messages.text("annotate.summary_title", lang, file=Path(report.file).name),
        status=_status_line(findings, lang),
        note=messages.text("annotate.sheet_note", lang, date=now.astimezone().date().isoformat()),
        headers=review_headers(lang), rows=rows, no_findings=messages.text("ui.no_findings", lang))


def _review_sheet(f: _Flavour, content: _ReviewRows, styles: dict[str, int]) -> etree._Element:
    """The review sheet's XML: inline strings (text that stays text, and sharedStrings.xml
    untouched), frozen header, wrapped columns, landscape one page wide, code name ours."""
    root = etree.Element(f.tag("worksheet"), nsmap={None: f.main, "r": f.rels})
    pr = etree.SubElement(root, f.tag("sheetPr"), {"codeName": REVIEW_SHEET_CODENAME})
    etree.SubElement(pr, f.tag("pageSetUpPr"), {"fitToPage": "1"})
    header_row = content.header_row
    last_row = header_row + max(len(content.rows), 1)
    etree.SubElement(root, f.tag("dimension"), {"ref": f"A1:E{last_row}"})
    view = etree.SubElement(etree.SubElement(root, f.tag("sheetViews")), f.tag("sheetView"),
                            {"tabSelected": "1", "workbookViewId": "0"})
    first = f"A{header_row + 1}"
    etree.SubElement(view, f.tag("pane"), {"ySplit": str(header_row), "topLeftCell": first,
                                           "activePane": "bottomLeft", "state": "frozen"})
    etree.SubElement(view, f.tag("selection"), {"pane": "bottomLeft", "activeCell": first, "sqref": first})
    etree.SubElement(root, f.tag("sheetFormatPr"), {"defaultRowHeight": "15"})
    cols = etree.SubElement(root, f.tag("cols"))
    for i, width in enumerate(_WIDTHS, start=1):
        etree.SubElement(cols, f.tag("col"), {"min": str(i), "max": str(i), "width": str(width),
                                              "customWidth": "1"})
    data = etree.SubElement(root, f.tag("sheetData"))

    def row(number: int, values: list[str], style: int, height: float | None = None) -> None:
        el = etree.SubElement(data, f.tag("row"), {"r": str(number)})
        if height:
            el.set("ht", str(height))
            el.set("customHeight", "1")
        for col, value in enumerate(values, start=1):
            c = etree.SubElement(el, f.tag("c"), {"r": f"{column_letter(col)}{number}", "s": str(style),
                                                  "t": "inlineStr"})
            t = etree.SubElement(etree.SubElement(c, f.tag("is")), f.tag("t"))
            t.text = _clean(value or "")[:_MAX_CELL_CHARS]
            t.set(XML_SPACE, "preserve")

    row(1, [content.title], styles["title"], 21)
    row(2, [content.status], styles["bold"])
    row(3, [content.note], styles["wrap"], 15 * _lines(content.note, sum(_WIDTHS)))
    row(header_row, content.headers, styles["header"])
    if not content.rows:
        row(header_row + 1, [content.no_findings], styles["wrap"])
    for i, values in enumerate(content.rows, start=header_row + 1):
        # Neither Excel nor LibreOffice grows a row for wrapped text written by a program.
        row(i, values, styles["wrap"], 15 * max(_lines(v, w) for v, w in zip(values, _WIDTHS)))
    merge = etree.SubElement(root, f.tag("mergeCells"), {"count": "1"})
    etree.SubElement(merge, f.tag("mergeCell"), {"ref": "A3:E3"})
    etree.SubElement(root, f.tag("pageMargins"), {"left": "0.5", "right": "0.5", "top": "0.75", "bottom": "0.75",
                                                  "header": "0.3", "footer": "0.3"})
    etree.SubElement(root, f.tag("pageSetup"), {"orientation": "landscape", "fitToWidth": "1", "fitToHeight": "0"})
    return root


def _lines(value: str | None, width: int) -> int:
    """Lines a wrapped text needs in a column `width` characters wide (a generous guess)."""
    chars = max(int(width * 1.1) - 1, 1)
    return max(1, sum(1 + len(part) // chars for part in (value or "").split("\n")))

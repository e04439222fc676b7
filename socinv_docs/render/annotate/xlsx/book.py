"""The workbook part of a copy: its sheets (found, added first, removed), its shared
strings, styles and VML drawings, and a part's first bytes or cells read without parsing
all of it."""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass

from lxml import etree

from socinv_docs.location import column_letter
from socinv_docs.readers.safety import MemberStream
from socinv_docs.render.annotate.errors import AnnotateError
from socinv_docs.render.annotate.package import (
    ContentTypes,
    Package,
    Relationships,
    insert_in_order,
    local_name,
    rels_name,
    serialize,
)
from socinv_docs.render.annotate.xlsx.base import (
    BOOK_ORDER,
    CT_WORKSHEET,
    STRICT,
    TRANSITIONAL,
    cell_index,
    cell_text,
    child,
    rich_text,
    to_int,
)
from socinv_docs.render.annotate.xlsx.notes import Vml
from socinv_docs.render.annotate.xlsx.sheet import Sheet
from socinv_docs.render.annotate.xlsx.styles import Styles


@dataclass
class SheetRef:
    el: etree._Element  # its <sheet> in workbook.xml
    name: str
    rid: str | None
    part: str | None
    kind: str  # the relationship's kind: worksheet, chartsheet, dialogsheet, …


class Book:
    """The workbook of the package `pkg` (either flavour); AnnotateError when it has none."""

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
        self.sheets_el = child(self.root, self.flavour, "sheets", BOOK_ORDER)
        self._sheets: dict[str, Sheet] = {}
        self._refs: list[SheetRef] | None = None
        self.vmls: dict[str, Vml] = {}  # the drawings being edited, by part name
        self._strings: list[str] | None = None
        self._styles: Styles | None = None

    # -- sheets --------------------------------------------------------------------------
    def refs(self) -> list[SheetRef]:
        """The sheets in workbook order (kept until the list of sheets changes)."""
        if self._refs is None:
            rels = {rel.get("Id"): rel for rel in self.rels._all() if rel.get("TargetMode") != "External"}
            self._refs = []
            for el in self.sheets_el.findall(self.flavour.tag("sheet")):
                rid = el.get(self.flavour.rid)
                rel = rels.get(rid)
                part = self.rels.resolve(rel.get("Target") or "") if rel is not None else None
                kind = (rel.get("Type") or "").rsplit("/", 1)[-1] if rel is not None else ""
                self._refs.append(SheetRef(el, el.get("name") or "", rid,
                                           part if part and self.pkg.has(part) else None, kind))
        return self._refs

    def worksheet(self, name: str) -> Sheet | None:
        ref = next((r for r in self.refs() if r.name == name and r.kind == "worksheet" and r.part), None)
        if ref is None:
            return None
        if ref.part not in self._sheets:
            self._sheets[ref.part] = Sheet(self, ref.part)
        return self._sheets[ref.part]

    def strings(self) -> list[str]:
        """The shared strings (read once, when a cell needs one)."""
        if self._strings is None:
            self._strings = []
            for _, part in self.rels.of_kind("sharedStrings")[:1]:
                if self.pkg.has(part):
                    root = self.pkg.tree(part)
                    self._strings = [rich_text(si, self.flavour) for si in root.findall(self.flavour.tag("si"))]
        return self._strings

    def styles(self) -> Styles:
        if self._styles is None:
            self._styles = Styles(self.pkg, self.flavour, self.part, self.rels, self.types)
        return self._styles

    def vml_blocks(self) -> set[int]:
        """The shape-id blocks (o:idmap) every VML drawing of the workbook uses."""
        used: set[int] = set()
        for name in {*self.pkg.names(".vml"), *self.vmls}:
            try:
                used.update((self.vmls.get(name) or Vml(self.pkg, name)).blocks())
            except AnnotateError:
                continue
        return used

    # -- removing and adding sheets --------------------------------------------------------------
    def remove_sheet(self, ref: SheetRef) -> None:
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
                local = to_int(dn.get("localSheetId"))
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
                value = to_int(view.get(attr))
                if value is not None and value >= at and (by > 0 or value > at):
                    view.set(attr, str(max(value + by, 0)))

    def add_first_sheet(self, title: str, root: etree._Element, title_row: int) -> None:
        """A new worksheet (its XML `root`) named `title`, first and active: it opens first,
        the only tab selected (several selected tabs are "grouped" in Excel, and typing would
        then change every one of them). Row `title_row` is printed on every page."""
        f = self.flavour
        folder = next((posixpath.dirname(r.part) for r in self.refs() if r.kind == "worksheet" and r.part),
                      posixpath.join(posixpath.dirname(self.part), "worksheets"))
        part = self.pkg.free_name(posixpath.join(folder, "sheet{}.xml"))
        self.pkg.new_tree(part, root)
        self.types.override(part, CT_WORKSHEET)
        rid = self.rels.add(f.rel_type("worksheet"), part)
        ids = [to_int(s.get("sheetId")) or 0 for s in self.sheets_el.findall(f.tag("sheet"))]
        sheet = etree.Element(f.tag("sheet"), {"name": title, "sheetId": str(max(ids, default=0) + 1)})
        sheet.set(f.rid, rid)
        self.sheets_el.insert(0, sheet)
        self._refs = None
        self._shift_sheet_indices(0, +1)
        views = self.root.find(f.tag("bookViews"))
        if views is None:
            views = etree.Element(f.tag("bookViews"))
            insert_in_order(self.root, views, BOOK_ORDER)
        if not len(views):
            etree.SubElement(views, f.tag("workbookView"))
        for view in views:
            view.set("activeTab", "0")
            if "firstSheet" in view.attrib:
                view.set("firstSheet", "0")
        for ref in self.refs()[1:]:
            if ref.part:
                self._unselect(ref.part)
        names = child(self.root, f, "definedNames", BOOK_ORDER)
        quoted = "'" + title.replace("'", "''") + "'"
        titles = etree.Element(f.tag("definedName"), {"name": "_xlnm.Print_Titles", "localSheetId": "0"})
        titles.text = f"{quoted}!${title_row}:${title_row}"
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
        if not _SELECTED.search(head(self.pkg, part)):
            return
        data = self.pkg.read(part)
        self.pkg.put(part, _SELECTED.sub(rb"\1", data))

    def finish(self) -> None:
        for sheet in self._sheets.values():
            sheet.finish()


# A selected tab in a sheet's XML (only sheetView start tags carry it).
_SELECTED = re.compile(rb'(<(?:\w+:)?sheetView\b[^>]*?)\s+tabSelected="(?:1|true)"')


def head(pkg: Package, part: str, size: int = 65536) -> bytes:
    """The first bytes of a part (its sheetPr and sheetViews), without reading all of it."""
    actual = pkg._actual(part)
    if actual in pkg.data:
        return pkg.data[actual][:size]
    if actual in pkg.trees:
        return serialize(pkg.trees[actual])[:size]
    with MemberStream(pkg.archive, pkg.infos[actual]) as fh:
        return fh.read(size)


def first_cells(book: Book, part: str, rows: int) -> dict[str, str]:
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
                row_number = to_int(row.get("r")) or row_number + 1
                if row_number > rows:
                    break
                col = 0
                for c in row.findall(f.tag("c")):
                    index = cell_index(c.get("r") or "") if c.get("r") else None
                    col = index[1] if index else col + 1
                    out[f"{column_letter(col)}{row_number}"] = cell_text(c, f, book.strings)
                row.clear()
    except etree.XMLSyntaxError:  # not a sheet we could have written: not ours
        return {}
    return out

"""One worksheet of a copy: its merged cells and values read, notes added and removed
(wired to its comments part and VML drawing), conditional formats added and removed."""

from __future__ import annotations

import posixpath
from collections.abc import Callable

from lxml import etree

from socinv_docs.location import column_letter
from socinv_docs.render.annotate.errors import AnnotateError
from socinv_docs.render.annotate.package import Relationships, insert_in_order, local_name
from socinv_docs.render.annotate.xlsx.base import (
    CT_COMMENTS,
    CT_VML,
    MC,
    REL_VML,
    SHEET_ORDER,
    VML_V,
    cell_index,
    cell_text,
    to_float,
    to_int,
)
from socinv_docs.render.annotate.xlsx.notes import Comments, NoteBox, Vml, new_vml

_NOTE_WIDTH_PX = 330
_NOTE_CHARS_PER_LINE = 52
_NOTE_LINE_PX = 13


class Sheet:
    """The worksheet `part` of `book` (a book.Book: its package, flavour, content types,
    shared strings and VML drawings)."""

    def __init__(self, book, part: str) -> None:
        self.book = book
        self.pkg = book.pkg
        self.f = book.flavour
        self.part = part
        self._rels: Relationships | None = None
        self._comments: Comments | None = None
        self._vml: Vml | None = None
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
        index = cell_index(coord)
        merged = self.root.find(self.f.tag("mergeCells"))
        if index is None or merged is None:
            return coord
        row, col = index
        for mc in merged.findall(self.f.tag("mergeCell")):
            ref = (mc.get("ref") or "").split(":")
            if len(ref) != 2:
                continue
            a, b = cell_index(ref[0]), cell_index(ref[1])
            if a and b and a[0] <= row <= b[0] and a[1] <= col <= b[1]:
                return f"{column_letter(a[1])}{a[0]}"
        return coord

    # -- the comments part and the VML drawing -------------------------------------------------
    def _legacy_rid(self) -> str | None:
        for el in self.root.iter(self.f.tag("legacyDrawing")):
            return el.get(self.f.rid)
        return None

    def comments(self, create: bool = False) -> Comments | None:
        if self._comments is None and not self.notes_broken:
            found = self.rels.of_kind("comments")
            try:
                if found and self.pkg.has(found[0][1]):
                    self._comments = Comments(self.pkg, self.f, found[0][0], found[0][1])
                elif create:
                    name = self.pkg.free_name(posixpath.join(posixpath.dirname(posixpath.dirname(self.part)) or "xl",
                                                             "comments{}.xml"))
                    root = etree.Element(self.f.tag("comments"), nsmap={None: self.f.main})
                    etree.SubElement(root, self.f.tag("authors"))
                    etree.SubElement(root, self.f.tag("commentList"))
                    self.pkg.new_tree(name, root)
                    rid = self.rels.add(self.f.rel_type("comments"), name)
                    self.book.types.override(name, CT_COMMENTS)
                    self._comments = Comments(self.pkg, self.f, rid, name)
            except AnnotateError as exc:
                if exc.key != "annotate.unreadable":
                    raise  # out of memory or too big: the whole copy stops
                self.notes_broken = True  # damaged: this sheet's findings go to the review sheet
        return self._comments

    def vml(self, create: bool = False) -> Vml | None:
        if self._vml is None and not self.notes_broken:
            rid = self._legacy_rid()
            name = self.rels.target(rid) if rid else None
            try:
                if name and self.pkg.has(name):
                    self._vml = self.book.vmls.setdefault(name, Vml(self.pkg, name))
                    self._vml.rid = rid
                elif create:
                    name = self.pkg.free_name(posixpath.join(posixpath.dirname(posixpath.dirname(self.part)) or "xl",
                                                             "drawings", "vmlDrawing{}.vml"))
                    block = max(self.book.vml_blocks(), default=0) + 1
                    self.pkg.put(name, new_vml(block))
                    self.book.types.override(name, CT_VML)
                    new_rid = self.rels.add(REL_VML, name)
                    self._set_legacy_drawing(new_rid)
                    self._vml = self.book.vmls.setdefault(name, Vml(self.pkg, name))
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
            insert_in_order(self.root, el, SHEET_ORDER, "legacyDrawing")
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
    def remove_notes(self, author: str, written_by: Callable[[str], bool]) -> int:
        """Take away the notes of `author` and those whose text `written_by` knows, with
        their shapes; how many."""
        removed = 0
        if self.rels.of_kind("comments"):
            comments = self.comments()
            if comments is not None:
                cells = comments.remove_by(author, written_by)
                if cells:
                    removed = len(cells)
                    self.notes_changed = True
                    vml = self.vml()
                    if vml is not None:
                        vml.remove_notes({(r - 1, c - 1) for r, c in (cell_index(x) or (0, 0) for x in cells)})
        return removed

    def remove_formats(self, mark: str) -> None:
        """Take away the conditional format rules whose formula holds `mark` (a string in
        quotes). Only a sheet that holds it is parsed (its quotes may be written &quot;, so
        the bytes are searched for the text alone)."""
        if not (self.part in self.pkg.trees or mark.strip('"').encode() in self.pkg.read(self.part)):
            return
        root = self.root
        for cf in list(root.findall(self.f.tag("conditionalFormatting"))):
            for rule in cf.findall(self.f.tag("cfRule")):
                if any(mark in (fm.text or "") for fm in rule.findall(self.f.tag("formula"))):
                    cf.remove(rule)
                    self.pkg.touch(self.part)
            if cf.find(self.f.tag("cfRule")) is None:
                root.remove(cf)

    # -- adding ----------------------------------------------------------------------------------
    def add_note(self, coord: str, lines: list[str], author: str) -> bool:
        """A note of `author` on `coord`; False when the cell has someone else's note (theirs
        stays) or the sheet's comments cannot be added to."""
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
        row, col = cell_index(coord)
        vml.add_note(row - 1, col - 1, _Geometry(self).note_box(row - 1, col - 1, _note_height(lines)),
                     self.book.vml_blocks)
        comments.add(coord, lines, author)
        return True

    def add_formats(self, formulas: dict[str, str], dxf: int) -> None:
        """A conditional format on each cell: the differential format `dxf` while the cell's
        formula (relative to the cell) is true. In cell order, after the sheet's own rules."""
        root = self.root
        priorities = [to_int(el.get("priority")) or 0 for el in root.iter() if local_name(el) == "cfRule"]
        priority = max(priorities, default=0)
        for coord in sorted(formulas, key=lambda c: cell_index(c) or (0, 0)):
            priority += 1
            cf = etree.Element(self.f.tag("conditionalFormatting"), {"sqref": coord})
            rule = etree.SubElement(cf, self.f.tag("cfRule"), {"type": "expression", "dxfId": str(dxf),
                                                                "priority": str(priority)})
            etree.SubElement(rule, self.f.tag("formula")).text = formulas[coord]
            insert_in_order(root, cf, SHEET_ORDER)
        self.pkg.touch(self.part)

    def values(self, coords: set[str]) -> dict[str, tuple[str, str]]:
        """(type, value) of the cells asked for, as the check saw them."""
        out = {}
        data = self.root.find(self.f.tag("sheetData"))
        if data is None:
            return out
        row_number = 0
        for row in data.iterfind(self.f.tag("row")):
            row_number = to_int(row.get("r")) or row_number + 1
            col = 0
            for c in row.iterfind(self.f.tag("c")):
                index = cell_index(c.get("r")) if c.get("r") else None
                col = index[1] if index else col + 1
                coord = f"{column_letter(col)}{row_number}"
                if coord not in coords:
                    continue
                kind = c.get("t") or "n"
                if kind in ("s", "inlineStr", "str"):
                    out[coord] = ("text", cell_text(c, self.f, self.book.strings))
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


def _note_height(lines: list[str]) -> int:
    wrapped = sum(1 + len(line) // _NOTE_CHARS_PER_LINE for line in "\n".join(lines).split("\n"))
    return min(max(60, _NOTE_LINE_PX * wrapped + 12), 560)


class _Geometry:
    """Column widths and row heights in pixels, to anchor a note of a given size."""

    def __init__(self, sheet: Sheet) -> None:
        f, root = sheet.f, sheet.root
        fmt = root.find(f.tag("sheetFormatPr"))
        attr = fmt.attrib if fmt is not None else {}
        # Excel's default: 8 characters plus padding, at 7 pixels a character (Calibri 11).
        base_width = to_float(attr.get("baseColWidth")) or 8
        self.default_width = to_float(attr.get("defaultColWidth")) or base_width + 0.71
        self.default_height = to_float(attr.get("defaultRowHeight")) or 15.0
        self.widths: dict[int, float] = {}
        cols = root.find(f.tag("cols"))
        for col in cols.findall(f.tag("col")) if cols is not None else []:
            lo, hi = to_int(col.get("min")) or 1, to_int(col.get("max")) or 1
            width = 0.0 if col.get("hidden") in ("1", "true") else (to_float(col.get("width")) or self.default_width)
            for c in range(lo, min(hi, lo + 200) + 1):
                self.widths[c] = width
        self.heights: dict[int, float] = {}
        data = root.find(f.tag("sheetData"))
        n = 0
        for row in data.iterfind(f.tag("row")) if data is not None else []:
            n = to_int(row.get("r")) or n + 1
            if row.get("hidden") in ("1", "true"):
                self.heights[n] = 0.0
            elif row.get("ht"):
                self.heights[n] = to_float(row.get("ht")) or self.default_height

    def col_px(self, col0: int) -> int:
        return int(self.widths.get(col0 + 1, self.default_width) * 7 + 0.5)

    def row_px(self, row0: int) -> int:
        return round(self.heights.get(row0 + 1, self.default_height) * 4 / 3)

    def note_box(self, row0: int, col0: int, height_px: int) -> NoteBox:
        """Where a note shows, right of its cell as Excel puts it: x:Anchor (columns, rows,
        pixel offsets), which Excel and LibreOffice go by, and the same box in points."""
        left_col, left_off = col0 + 1, 15
        top_row, top_off = max(row0 - 1, 0), 10
        right_col, right_off = _walk(self.col_px, left_col, left_off + _NOTE_WIDTH_PX)
        bottom_row, bottom_off = _walk(self.row_px, top_row, top_off + height_px)
        left = sum(self.col_px(c) for c in range(min(left_col, 2000))) + left_off
        top = sum(self.row_px(r) for r in range(min(top_row, 100_000))) + top_off
        return NoteBox(f"{left_col}, {left_off}, {top_row}, {top_off}, {right_col}, {right_off}, {bottom_row}, "
                       f"{bottom_off}", left * 0.75, top * 0.75, _NOTE_WIDTH_PX * 0.75, height_px * 0.75)


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

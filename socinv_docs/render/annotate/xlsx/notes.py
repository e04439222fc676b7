"""A worksheet's notes: the comments part (the notes' text) and the VML drawing (how each
shows), merged into the sheet's own when it has some: their notes, form buttons and check
boxes stay as they were, byte for byte."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from lxml import etree

from socinv_docs.render.annotate.errors import AnnotateError
from socinv_docs.render.annotate.package import Package, xml_text
from socinv_docs.render.annotate.xlsx.base import (
    MAX_CELL_CHARS,
    VML_O,
    VML_V,
    VML_X,
    XML_SPACE,
    Flavour,
    child,
    rich_text,
    to_int,
)


@dataclass(frozen=True)
class NoteBox:
    """Where a note shows: x:Anchor (columns, rows, pixel offsets), which Excel and
    LibreOffice go by, and the same box in points."""
    anchor: str
    left_pt: float
    top_pt: float
    width_pt: float
    height_pt: float


# -- the comments part -------------------------------------------------------------------

class Comments:
    """A sheet's comments part (`name`, related as `rid`)."""

    def __init__(self, pkg: Package, f: Flavour, rid: str, name: str) -> None:
        self.f = f
        self.pkg = pkg
        self.rid = rid
        self.name = name
        self.root = self.pkg.tree(name)

    def _list(self) -> etree._Element:
        return child(self.root, self.f, "commentList", ("authors", "commentList", "extLst"))

    def _authors(self) -> list[str]:
        authors = self.root.find(self.f.tag("authors"))
        return [a.text or "" for a in authors.findall(self.f.tag("author"))] if authors is not None else []

    def cells(self) -> set[str]:
        return {(c.get("ref") or "").upper() for c in self._list().findall(self.f.tag("comment"))}

    def remove_by(self, author_name: str, written_by: Callable[[str], bool]) -> list[str]:
        """Take away the comments of `author_name`, and those whose text `written_by` knows
        (LibreOffice drops the author); the cells they were on."""
        authors = self._authors()
        cells = []
        for c in list(self._list().findall(self.f.tag("comment"))):
            author_id = to_int(c.get("authorId"))
            author = authors[author_id] if author_id is not None and 0 <= author_id < len(authors) else ""
            text = c.find(self.f.tag("text"))
            if author == author_name or written_by(rich_text(text, self.f) if text is not None else ""):
                c.getparent().remove(c)
                cells.append((c.get("ref") or "").upper())
        if cells:
            self.pkg.touch(self.name)
        return cells

    def add(self, coord: str, lines: list[str], author: str) -> None:
        """A note as Excel writes one: the first line (the author's) bold, Tahoma 9."""
        f = self.f
        authors = child(self.root, f, "authors", ("authors", "commentList", "extLst"))
        names = [a.text or "" for a in authors.findall(f.tag("author"))]
        if author in names:
            author_id = names.index(author)
        else:
            etree.SubElement(authors, f.tag("author")).text = author
            author_id = len(names)
        comment = etree.SubElement(self._list(), f.tag("comment"), {"ref": coord, "authorId": str(author_id)})
        text = etree.SubElement(comment, f.tag("text"))
        first, rest = lines[0], "\n".join(xml_text(line) for line in lines[1:])
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
            t.text = chunk[:MAX_CELL_CHARS]
            t.set(XML_SPACE, "preserve")
        self.pkg.touch(self.name)


# -- the VML drawing ---------------------------------------------------------------------
#
# Excel's VML is not XML (a form button's label holds an unclosed <br>), so it is edited as
# text: our shapes are added before the closing </xml> and removed as the exact spans we
# recognise; every other byte stays. What we add is ASCII, so the file's own encoding holds.

_SHAPE = re.compile(r"<(?P<p>[\w.-]+:)?shape(?=[\s/>])[^>]*?(?:/>|>.*?</(?P=p)shape\s*>)", re.DOTALL)
_END = re.compile(r"</xml\s*>", re.IGNORECASE)
_IDMAP = re.compile(r"(<(?:[\w.-]+:)?idmap\b[^>]*?\bdata=)([\"'])([^\"']*)\2")
_SHAPE_ID = re.compile(r"_x0000_s(\d+)")


def new_vml(block: int) -> bytes:
    """An empty VML drawing whose shapes take ids in `block` (o:idmap)."""
    return (f'<xml xmlns:v="{VML_V}"\n xmlns:o="{VML_O}"\n xmlns:x="{VML_X}">\n'
            f' <o:shapelayout v:ext="edit">\n  <o:idmap v:ext="edit" data="{block}"/>\n </o:shapelayout>'
            '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202"\n'
            '  path="m,l,21600r21600,l21600,xe">\n  <v:stroke joinstyle="miter"/>\n'
            '  <v:path gradientshapeok="t" o:connecttype="rect"/>\n </v:shapetype>\n</xml>\n').encode("ascii")


_SHAPETYPE_202 = ('<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202"\n'
                  '  path="m,l,21600r21600,l21600,xe">\n  <v:stroke joinstyle="miter"/>\n'
                  '  <v:path gradientshapeok="t" o:connecttype="rect"/>\n </v:shapetype>')


class Vml:
    """A VML drawing (`name`), edited as text; related from its sheet as `rid`."""

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

    def add_note(self, row0: int, col0: int, box: NoteBox, blocks_in_use: Callable[[], set[int]]) -> None:
        """A note's shape on the cell (0-based row, column). `blocks_in_use()`: the shape-id
        blocks every VML drawing of the workbook uses (a new block must be free in all)."""
        root = re.search(r"<xml\b[^>]*>", self.text)
        declare = "".join(f' xmlns:{p}="{uri}"' for p, uri in (("v", VML_V), ("o", VML_O), ("x", VML_X))
                          if not re.search(rf"xmlns:{p}\s*=", root.group(0)))
        if declare:
            end = root.end() - (2 if root.group(0).endswith("/>") else 1)
            self.text = self.text[:end] + declare + self.text[end:]
        shape_id = self._next_id(blocks_in_use)
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

    def _next_id(self, blocks_in_use: Callable[[], set[int]]) -> int:
        """A shape id in this drawing's o:idmap block(s), above every id it already uses."""
        used = [int(x) for x in _SHAPE_ID.findall(self.text)]
        blocks = self.blocks()
        if not blocks:  # LibreOffice writes none: give the drawing a block of its own
            block = max(blocks_in_use(), default=0) + 1
            layout = f'<o:shapelayout v:ext="edit">\n  <o:idmap v:ext="edit" data="{block}"/>\n </o:shapelayout>'
            root = re.search(r"<xml\b[^>]*>", self.text)
            self.text = self.text[:root.end()] + "\n " + layout + self.text[root.end():]
            blocks = [block]
        candidate = max([*used, min(blocks) * 1024]) + 1
        if candidate // 1024 not in blocks:  # the block is full: add another to the idmap
            block = max([*blocks_in_use(), *blocks]) + 1
            m = _IDMAP.search(self.text)
            self.text = self.text[:m.start(3)] + m.group(3) + f",{block}" + self.text[m.end(3):]
            candidate = block * 1024 + 1
        return candidate

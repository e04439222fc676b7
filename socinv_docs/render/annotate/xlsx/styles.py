"""styles.xml: the formats a copy adds (a differential fill for conditional formats, cell
formats for a new sheet), each appended only when an equal one is not there already."""

from __future__ import annotations

import copy
import posixpath

from lxml import etree

from socinv_docs.render.annotate.package import ContentTypes, Package, Relationships, local_name
from socinv_docs.render.annotate.xlsx.base import CT_STYLES, STYLE_ORDER, Flavour, child


class Styles:
    """The workbook's styles part (`book_part`'s, related in `rels`)."""

    def __init__(self, pkg: Package, f: Flavour, book_part: str, rels: Relationships, types: ContentTypes) -> None:
        self.pkg = pkg
        self.f = f
        found = rels.of_kind("styles")
        if found and pkg.has(found[0][1]):
            self.name = found[0][1]
            self.root = pkg.tree(self.name)
        else:  # a workbook without styles (some generators): a minimal one, related and typed
            # under the name Excel itself uses, which is also the one openpyxl reads (it looks
            # for xl/styles.xml by name, not through the relationship).
            folder = posixpath.dirname(book_part)
            self.name = posixpath.join(folder, "styles.xml")
            if pkg.has(self.name):  # taken by a part nothing relates as styles: keep it
                self.name = pkg.free_name(posixpath.join(folder, "styles{}.xml"))
            self.root = _minimal_styles(f)
            pkg.new_tree(self.name, self.root)
            rels.add(f.rel_type("styles"), self.name)
            types.override(self.name, CT_STYLES)

    def add(self, list_name: str, item: etree._Element) -> int:
        """The index of `item` in a style list, appended unless an equal one is there."""
        parent = child(self.root, self.f, list_name, STYLE_ORDER)
        items = [el for el in parent if local_name(el)]
        wanted = _signature(item)
        for i, el in enumerate(items):
            if _signature(el) == wanted:
                return i
        parent.append(item)
        parent.set("count", str(len(items) + 1))
        self.pkg.touch(self.name)
        return len(items)

    def dxf_fill(self, rgb: str) -> int:
        """A differential format (for a conditional format) that fills the cell with `rgb`."""
        f = self.f
        dxf = etree.Element(f.tag("dxf"))
        pattern = etree.SubElement(etree.SubElement(dxf, f.tag("fill")), f.tag("patternFill"),
                                   {"patternType": "solid"})
        etree.SubElement(pattern, f.tag("fgColor"), {"rgb": rgb})
        etree.SubElement(pattern, f.tag("bgColor"), {"rgb": rgb})
        return self.add("dxfs", dxf)

    def default_font(self) -> etree._Element | None:
        """The workbook's default font (the first one), if it has any."""
        fonts = self.root.find(self.f.tag("fonts"))
        return next((el for el in fonts if local_name(el) == "font"), None) if fonts is not None else None

    def bold_font(self, base: etree._Element | None, size: int | None = None) -> int:
        """`base` (a default_font), bold and in `size`."""
        f = self.f
        el = copy.deepcopy(base) if base is not None else etree.Element(f.tag("font"))
        for item in list(el):
            if local_name(item) == "b" or (size and local_name(item) == "sz"):
                el.remove(item)
        el.insert(0, etree.Element(f.tag("b")))
        if size:
            el.insert(1, etree.Element(f.tag("sz"), {"val": str(size)}))
        return self.add("fonts", el)

    def solid_fill(self, rgb: str) -> int:
        f = self.f
        fill = etree.Element(f.tag("fill"))
        pattern = etree.SubElement(fill, f.tag("patternFill"), {"patternType": "solid"})
        etree.SubElement(pattern, f.tag("fgColor"), {"rgb": rgb})
        etree.SubElement(pattern, f.tag("bgColor"), {"indexed": "64"})
        return self.add("fills", fill)

    def cell_format(self, font_id: int = 0, fill_id: int = 0, wrap: bool = False) -> int:
        """A cell format (a cellXfs index) with a font and a fill, wrapped at the top or not."""
        f = self.f
        el = etree.Element(f.tag("xf"), {"numFmtId": "0", "fontId": str(font_id), "fillId": str(fill_id),
                                         "borderId": "0", "xfId": "0"})
        if font_id:
            el.set("applyFont", "1")
        if fill_id:
            el.set("applyFill", "1")
        if wrap:
            el.set("applyAlignment", "1")
            etree.SubElement(el, f.tag("alignment"), {"vertical": "top", "wrapText": "1"})
        return self.add("cellXfs", el)


def _signature(el: etree._Element) -> tuple:
    return (local_name(el), tuple(sorted(el.attrib.items())), (el.text or "").strip(),
            tuple(_signature(c) for c in el if local_name(c)))


def _minimal_styles(f: Flavour) -> etree._Element:
    root = etree.fromstring(
        f'<styleSheet xmlns="{f.main}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/>'
        '<family val="2"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill>'
        '<fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/>'
        '<top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" '
        'fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" '
        'borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" '
        'builtinId="0"/></cellStyles></styleSheet>')
    return root

"""SpreadsheetML's vocabulary: the two flavours' namespaces, content types, the schema's
element order, and reading cell addresses and texts."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from lxml import etree

from socinv_docs.render.annotate.package import insert_in_order, local_name

MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
VML_V = "urn:schemas-microsoft-com:vml"
VML_O = "urn:schemas-microsoft-com:office:office"
VML_X = "urn:schemas-microsoft-com:office:excel"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
MAX_CELL_CHARS = 32767  # Excel's limit for the text of one cell

CT_WORKSHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
CT_COMMENTS = "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"
CT_VML = "application/vnd.openxmlformats-officedocument.vmlDrawing"
CT_STYLES = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"


@dataclass(frozen=True)
class Flavour:
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


TRANSITIONAL = Flavour("http://schemas.openxmlformats.org/spreadsheetml/2006/main",
                       "http://schemas.openxmlformats.org/officeDocument/2006/relationships")
STRICT = Flavour("http://purl.oclc.org/ooxml/spreadsheetml/main",
                 "http://purl.oclc.org/ooxml/officeDocument/relationships")
# VML is not part of Strict: Excel's own Strict files keep the transitional type for it.
REL_VML = TRANSITIONAL.rel_type("vmlDrawing")

# Child order of the elements we insert into (ECMA-376 CT_Worksheet, CT_Workbook, CT_Stylesheet).
SHEET_ORDER = ("sheetPr", "dimension", "sheetViews", "sheetFormatPr", "cols", "sheetData", "sheetCalcPr",
               "sheetProtection", "protectedRanges", "scenarios", "autoFilter", "sortState", "dataConsolidate",
               "customSheetViews", "mergeCells", "phoneticPr", "conditionalFormatting", "dataValidations",
               "hyperlinks", "printOptions", "pageMargins", "pageSetup", "headerFooter", "rowBreaks", "colBreaks",
               "customProperties", "cellWatches", "ignoredErrors", "smartTags", "drawing", "legacyDrawing",
               "legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts",
               "extLst")
BOOK_ORDER = ("fileVersion", "fileSharing", "workbookPr", "workbookProtection", "bookViews", "sheets",
              "functionGroups", "externalReferences", "definedNames", "calcPr", "oleSize", "customWorkbookViews",
              "pivotCaches", "smartTagPr", "smartTagTypes", "webPublishing", "fileRecoveryPr", "webPublishObjects",
              "extLst")
STYLE_ORDER = ("numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs",
               "tableStyles", "colors", "extLst")


def child(parent: etree._Element, flavour: Flavour, name: str, order: tuple[str, ...]) -> etree._Element:
    """`parent`'s child `name`, made in its place in `order` when there is none."""
    el = parent.find(flavour.tag(name))
    if el is None:
        el = etree.Element(flavour.tag(name))
        insert_in_order(parent, el, order)
    return el


def to_int(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


def to_float(value: str | None) -> float | None:
    try:
        return float(value) if value is not None else None
    except ValueError:
        return None


_COORD = re.compile(r"^\$?([A-Za-z]{1,3})\$?(\d{1,7})$")


def cell_index(coord: str) -> tuple[int, int] | None:
    """(row, column), both 1-based, of an address like "B14"."""
    m = _COORD.match(coord.strip())
    if not m:
        return None
    col = 0
    for ch in m.group(1).upper():
        col = col * 26 + ord(ch) - 64
    return int(m.group(2)), col


_ESCAPED = re.compile(r"_x([0-9A-Fa-f]{4})_")


def rich_text(si: etree._Element, f: Flavour) -> str:
    """The text of a shared or inline string: its t, or its runs' t (not the phonetic rPh)."""
    parts = []
    for el in si:
        name = local_name(el)
        if name == "t":
            parts.append(el.text or "")
        elif name == "r":
            t = el.find(f.tag("t"))
            parts.append(t.text or "" if t is not None else "")
    return _ESCAPED.sub(lambda m: chr(int(m.group(1), 16)), "".join(parts))


def cell_text(c: etree._Element, f: Flavour, strings: Callable[[], list[str]]) -> str:
    """The text a cell shows; `strings()` gives the workbook's shared strings when it needs them."""
    kind = c.get("t")
    if kind == "inlineStr":
        is_ = c.find(f.tag("is"))
        return rich_text(is_, f) if is_ is not None else ""
    v = c.find(f.tag("v"))
    if v is None or v.text is None:
        return ""
    if kind == "s":
        shared = strings()
        i = to_int(v.text)
        return shared[i] if i is not None and 0 <= i < len(shared) else ""
    return v.text

"""Walk a Word body in document order and return paragraphs and table rows as blocks.

We read the XML of word/document.xml and word/styles.xml with lxml rather than through
python-docx's object API, because the API is blind to exactly what real drafts contain:
content controls (and whether they still show their placeholder), tracked insertions and
deletions, text boxes, and rows inside content controls. Going to the XML once is also
several times faster than building python-docx's objects for every file in a folder.

What the walk guarantees:
- tracked deletions (w:del, w:moveFrom) are dropped; insertions (w:ins, w:moveTo) count;
- a content control still showing its placeholder contributes no text, only a flag;
- a text box is read once (the VML fallback copy in mc:Fallback is skipped);
- a vertically merged cell is counted once; a table of one column is a layout table and
  its content is walked as ordinary blocks (people wrap whole forms in one);
- every element is walked once, however deeply tables nest in tables;
- the text it builds is counted (Limits.max_text_chars): a cell's text includes the tables
  nested in it, so nesting multiplies text, and the count says so before memory does.

Strict OOXML documents are read like transitional ones: their namespaces are mapped on
the way in (readers.ooxml).
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass

from lxml import etree

from socinv_docs.limits import Limits
from socinv_docs.location import Location
from socinv_docs.readers.blocks import Block, BlockKind, Cell, RawDocument
from socinv_docs.readers.safety import UnreadableFile, parse_part, read_member
from socinv_docs.readers.strict import to_transitional

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_W = "{" + W + "}"
_MC = "{" + MC + "}"

# resolve_entities=False and no DTD loading: hostile XML is also refused earlier
# (readers.safety), this is the second wall.
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
                          remove_comments=True, remove_pis=True)

_HEADING_STYLE = re.compile(r"^(?:heading|rubrik|überschrift|titre)\s*(\d)$", re.IGNORECASE)
_SKIP_IN_PARAGRAPH = {_W + "pPr", _W + "rPr", _W + "del", _W + "moveFrom", _W + "instrText",
                      _W + "delText", _W + "fldData", _W + "commentReference", _W + "footnoteReference"}


@dataclass(slots=True)
class _Style:
    name: str
    based_on: str | None
    outline: int | None
    bold: bool | None
    italic: bool | None


class _Styles:
    """The styles of styles.xml, each read only when a paragraph or run first uses it.

    Word's styles.xml holds hundreds of styles (the official templates' is 350 kB) of which
    a form uses a handful; reading all of them up front was a tenth of the time per file.
    """

    def __init__(self, root: etree._Element | None) -> None:
        self._elements: dict[str, etree._Element] = {}
        self._read: dict[str, _Style] = {}
        self.default_paragraph: str | None = None
        if root is None:
            return
        for st in root.iter(_W + "style"):
            sid = st.get(_W + "styleId")
            if not sid:
                continue
            self._elements[sid] = st  # a repeated id: the last definition wins
            if st.get(_W + "type") == "paragraph" and st.get(_W + "default") in ("1", "true"):
                self.default_paragraph = sid

    def _get(self, sid: str) -> _Style | None:
        style = self._read.get(sid)
        if style is None:
            st = self._elements.get(sid)
            if st is None:
                return None
            name_el = st.find(_W + "name")
            based = st.find(_W + "basedOn")
            outline = st.find(f"{_W}pPr/{_W}outlineLvl")
            rpr = st.find(_W + "rPr")
            style = self._read[sid] = _Style(
                name=name_el.get(_W + "val", sid) if name_el is not None else sid,
                based_on=based.get(_W + "val") if based is not None else None,
                outline=_int(outline.get(_W + "val")) if outline is not None else None,
                bold=_flag(rpr, "b"),
                italic=_flag(rpr, "i"),
            )
        return style

    def _chain(self, sid: str | None):
        seen = set()
        while sid and sid not in seen:
            style = self._get(sid)
            if style is None:
                return
            seen.add(sid)
            yield sid, style
            sid = style.based_on

    def heading_level(self, sid: str | None) -> int | None:
        for style_id, st in self._chain(sid):
            m = _HEADING_STYLE.match(st.name) or _HEADING_STYLE.match(style_id)
            if m:
                return int(m.group(1))
            if st.outline is not None and st.outline < 9:
                return st.outline + 1
        return None

    def is_title(self, sid: str | None) -> bool:
        return any(st.name.lower() in ("title", "rubrik") or style_id.lower() in ("title", "rubrik")
                   for style_id, st in self._chain(sid))

    def is_caption(self, sid: str | None) -> bool:
        """Word's Caption style: a table's caption. Word names its built-in styles in English
        in styles.xml ("caption"); the id is the local name ("Beskrivning" in Swedish Word)."""
        return any(st.name.lower() == "caption" or style_id in ("Caption", "Beskrivning")
                   for style_id, st in self._chain(sid))

    def prop(self, sid: str | None, attr: str) -> bool:
        for _, st in self._chain(sid):
            value = getattr(st, attr)
            if value is not None:
                return value
        return False


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


def _flag(rpr: etree._Element | None, tag: str) -> bool | None:
    """A toggle property (w:b, w:i): None when not set here."""
    if rpr is None:
        return None
    el = rpr.find(_W + tag)
    if el is None:
        return None
    return el.get(_W + "val", "true").lower() not in ("0", "false", "off")


def _showing_placeholder(sdt: etree._Element) -> bool:
    pr = sdt.find(_W + "sdtPr")
    return pr is not None and pr.find(_W + "showingPlcHdr") is not None


class _ParagraphText:
    """Collects one paragraph's visible text and how it is formatted."""

    def __init__(self, styles: _Styles, para_style: str | None) -> None:
        self.styles = styles
        self.para_style = para_style
        self.parts: list[str] = []
        self.placeholder = False
        self.all_bold = True
        self.all_italic = True
        self.visible = False
        self.text_boxes: list[etree._Element] = []

    def walk(self, el: etree._Element) -> None:
        for child in el:
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIP_IN_PARAGRAPH:
                continue
            if tag == _W + "r":
                self._run(child)
            elif tag == _W + "sdt":
                if _showing_placeholder(child):
                    self.placeholder = True
                else:
                    content = child.find(_W + "sdtContent")
                    if content is not None:
                        self.walk(content)
            elif tag == _MC + "AlternateContent":
                choice = child.find(_MC + "Choice")
                if choice is not None:
                    self.walk(choice)
            else:  # w:ins, w:moveTo, w:hyperlink, w:smartTag, w:customXml, w:fldSimple, ...
                self.walk(child)

    def _run(self, run: etree._Element) -> None:
        rpr = run.find(_W + "rPr")
        char_style = None
        if rpr is not None:
            rs = rpr.find(_W + "rStyle")
            char_style = rs.get(_W + "val") if rs is not None else None
        bold = self._effective(rpr, char_style, "b", "bold")
        italic = self._effective(rpr, char_style, "i", "italic")
        for child in run:
            tag = child.tag
            if tag == _W + "t":
                txt = child.text or ""
                if txt.strip():
                    self.visible = True
                    self.all_bold &= bold
                    self.all_italic &= italic
                self.parts.append(txt)
            elif tag == _W + "tab":
                self.parts.append("\t")
            elif tag in (_W + "br", _W + "cr"):
                self.parts.append("\n")
            elif tag == _W + "noBreakHyphen":
                self.parts.append("-")
            elif tag in (_W + "drawing", _W + "pict", _MC + "AlternateContent"):
                self._collect_text_boxes(child)

    def _effective(self, rpr, char_style, tag: str, attr: str) -> bool:
        direct = _flag(rpr, tag)
        if direct is not None:
            return direct
        if char_style and self.styles.prop(char_style, attr):
            return True
        return self.styles.prop(self.para_style, attr)

    def _collect_text_boxes(self, el: etree._Element) -> None:
        if el.tag == _MC + "AlternateContent":
            choice = el.find(_MC + "Choice")
            el = choice if choice is not None else el.find(_MC + "Fallback")
            if el is None:
                return
        for box in el.iter(_W + "txbxContent"):
            # A text box inside a text box is reached through its parent's walk.
            parent = box.getparent()
            while parent is not None and parent is not el and parent.tag != _W + "txbxContent":
                parent = parent.getparent()
            if parent is None or parent is el:
                self.text_boxes.append(box)

    @property
    def text(self) -> str:
        return "".join(self.parts).strip()


def row_cells(tr: etree._Element):
    """A table row's cells, including cells wrapped in content controls or custom XML."""
    for child in tr:
        if child.tag == _W + "tc":
            yield child
        elif child.tag in (_W + "sdt", _W + "customXml"):
            inner = child.find(_W + "sdtContent") if child.tag == _W + "sdt" else child
            if inner is not None:
                yield from row_cells(inner)


class _TextBudget:
    """Characters of text built so far for one document (Limits.max_text_chars)."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.used = 0

    def spend(self, chars: int) -> None:
        self.used += chars
        if self.used > self.limit:
            raise UnreadableFile("unreadable.too_much_text", limit=self.limit)


class _BodyWalker:
    def __init__(self, styles: _Styles, budget: _TextBudget) -> None:
        self.styles = styles
        self.budget = budget
        self.blocks: list[Block] = []
        self.paragraph_no = 0
        self.table_no = 0
        self.title = ""
        # What names the next table for a person (_table_name): the heading last seen above
        # it, and a caption paragraph just before it.
        self.last_heading: str | None = None
        self.caption: str | None = None

    # -- block level -------------------------------------------------------------------
    def walk(self, container: etree._Element, in_placeholder: bool = False) -> None:
        for child in container:
            tag = child.tag
            if tag == _W + "p":
                self._paragraph(child, in_placeholder)
            elif tag == _W + "tbl":
                self._table(child)
            elif tag == _W + "sdt":
                content = child.find(_W + "sdtContent")
                if content is not None:
                    self.walk(content, in_placeholder or _showing_placeholder(child))
            elif tag == _MC + "AlternateContent":
                choice = child.find(_MC + "Choice")
                if choice is not None:
                    self.walk(choice, in_placeholder)
            elif tag in (_W + "ins", _W + "moveTo", _W + "customXml", _W + "smartTag"):
                self.walk(child, in_placeholder)
            # w:del, w:moveFrom, w:sectPr, bookmarks: nothing to read

    def _paragraph(self, p: etree._Element, in_placeholder: bool) -> None:
        self.paragraph_no += 1
        ppr = p.find(_W + "pPr")
        style = None
        outline = None
        if ppr is not None:
            ps = ppr.find(_W + "pStyle")
            style = ps.get(_W + "val") if ps is not None else None
            ol = ppr.find(_W + "outlineLvl")
            outline = _int(ol.get(_W + "val")) if ol is not None else None
            # A paragraph whose mark is a tracked deletion was merged away: its text
            # still shows in the next paragraph, so keep going as normal.
        style = style or self.styles.default_paragraph
        collector = _ParagraphText(self.styles, style)
        collector.walk(p)
        text = collector.text
        level = outline + 1 if outline is not None and outline < 9 else self.styles.heading_level(style)
        placeholder = collector.placeholder or (in_placeholder and bool(text))
        if in_placeholder:
            text = ""
        self.budget.spend(len(text))
        if text:
            is_title = self.styles.is_title(style)
            self.caption = text if self.styles.is_caption(style) else None
            bold = collector.visible and collector.all_bold
            if level is not None or is_title or (bold and len(text) <= _SHORT_HEADING):
                self.last_heading = text
        if text or placeholder:
            if not self.title and self.styles.is_title(style) and text:
                self.title = text
            self.blocks.append(Block(
                kind=BlockKind.PARAGRAPH,
                text=text,
                location=Location(paragraph=self.paragraph_no, block=len(self.blocks)),
                heading_level=level,
                bold=collector.visible and collector.all_bold,
                italic=collector.visible and collector.all_italic,
                placeholder=placeholder,
                element=p,
            ))
        for box in collector.text_boxes:
            self.walk(box, in_placeholder)

    def _rows(self, tbl: etree._Element):
        for child in tbl:
            if child.tag == _W + "tr":
                yield child
            elif child.tag in (_W + "sdt", _W + "customXml", _W + "ins"):
                inner = child.find(_W + "sdtContent") if child.tag == _W + "sdt" else child
                if inner is not None:
                    yield from self._rows(inner)

    def _table(self, tbl: etree._Element) -> None:
        self.table_no += 1
        table_no = self.table_no
        table_name = _short(self.caption or self.last_heading)
        self.caption = None
        header: dict[int, str] = {}  # grid column -> the text of the table's first row there
        for row_no, tr in enumerate(self._rows(tbl), start=1):
            trpr = tr.find(_W + "trPr")
            if trpr is not None and trpr.find(_W + "del") is not None:
                continue  # a deleted row
            raw_cells: list[tuple[etree._Element, int]] = []  # (cell, its first grid column)
            col = 0
            for tc in row_cells(tr):
                tcpr = tc.find(_W + "tcPr")
                span = 1
                continuation = False
                if tcpr is not None:
                    gs = tcpr.find(_W + "gridSpan")
                    span = _int(gs.get(_W + "val")) or 1 if gs is not None else 1
                    vm = tcpr.find(_W + "vMerge")
                    continuation = vm is not None and vm.get(_W + "val", "continue") != "restart"
                col += 1
                if not continuation:  # the merged cell was read where it starts
                    raw_cells.append((tc, col))
                col += span - 1
            if len(raw_cells) == 1 and col <= 1:
                # A one-column table is layout: read its content as ordinary blocks. Decided
                # before any cell text is built: reading the cell's text first and then walking
                # it again doubled the work at each level of tables nested in one-cell tables.
                self.walk(raw_cells[0][0])
                continue
            texts = [self._cell_text(tc) for tc, _ in raw_cells]
            if table_name is None:  # no caption or heading above: its header cells name it
                table_name = _short(" | ".join(t[0] for t in texts if t[0])) if any(t[0] for t in texts) else None
            first_row = not header
            if first_row:
                header = {column: _short(t[0]) for (_, column), t in zip(raw_cells, texts) if t[0]}
            row_label = next((_short(t[0]) for t in texts if t[0]), None)
            cells: list[Cell] = []
            for (_, column), (text, placeholder, bold, italic) in zip(raw_cells, texts):
                cells.append(Cell(text=text, column=column - 1, placeholder=placeholder, bold=bold, italic=italic,
                                  location=Location(table=table_no, row=row_no, column=column, table_name=table_name,
                                                    row_label=row_label,
                                                    column_name=None if first_row else header.get(column))))
            if not any(c.text or c.placeholder for c in cells):
                continue
            self.blocks.append(Block(
                kind=BlockKind.ROW,
                text="\t".join(c.text for c in cells),
                location=Location(table=table_no, row=row_no, block=len(self.blocks), table_name=table_name,
                                  row_label=row_label),
                cells=cells,
                bold=bool(cells) and cells[0].bold,
                placeholder=any(c.placeholder for c in cells),
                table=table_no,
                row=row_no,
                element=tr,
            ))

    def _cell_text(self, tc: etree._Element) -> tuple[str, bool, bool, bool]:
        """A cell's text (nested tables included), and whether it shows a placeholder."""
        sub = _BodyWalker(self.styles, self.budget)
        sub.table_no = 0
        sub.walk(tc)
        lines = [b.text for b in sub.blocks if b.text]
        placeholder = any(b.placeholder for b in sub.blocks)
        visible = [b for b in sub.blocks if b.text]
        bold = bool(visible) and all(b.bold for b in visible)
        italic = bool(visible) and all(b.italic for b in visible)
        return "\n".join(lines), placeholder, bold, italic


_SHORT_HEADING = 80  # a bold paragraph this short reads as a heading above a table
_NAME_CHARS = 60  # a table's, row's or column's name as quoted in a location


def _short(text: str | None) -> str | None:
    """A name to quote in a location: one line, at most _NAME_CHARS characters."""
    if not text:
        return None
    line = " ".join(text.split())
    return line if len(line) <= _NAME_CHARS else line[:_NAME_CHARS - 1] + "…"


def parse_xml(data: bytes) -> etree._Element:
    """Parse a part of a .docx exactly as the reader does (same hardened parser, Strict
    namespaces mapped to the transitional ones)."""
    return etree.fromstring(to_transitional(data), _PARSER)


def _walk(body: etree._Element, styles_root: etree._Element | None, limits: Limits) -> _BodyWalker:
    walker = _BodyWalker(_Styles(styles_root), _TextBudget(limits.max_text_chars))
    walker.walk(body)
    return walker


def walk_body(body: etree._Element, styles_root: etree._Element | None = None,
              limits: Limits | None = None) -> list[Block]:
    """The blocks of a w:body in document order, each with its XML element.

    The same walk read_docx does, so block indices (Location.block) match: an annotated
    copy finds the element a finding points at by walking its own parse of the body.
    """
    return _walk(body, styles_root, limits or Limits.from_env()).blocks


def read_docx(path: str, archive: zipfile.ZipFile, limits: Limits | None = None) -> RawDocument:
    """Read an already safety-checked .docx. Raises on malformed content (caller reports)."""
    limits = limits or Limits.from_env()
    names = set(archive.namelist())
    try:
        doc_part = main_part(archive, names)
    except ValueError:  # a package without its text: say which part, not "cannot interpret"
        raise UnreadableFile("unreadable.missing_part", part="word/document.xml") from None
    # parse_part: the XML limits, the nesting limit (the walk recurses) and Strict names mapped.
    root = parse_part(archive, doc_part, limits)
    styles_root = None
    if "word/styles.xml" in names:
        styles_root = parse_part(archive, "word/styles.xml", limits)
    if root.tag != _W + "document":
        # Not WordprocessingML as we know it (no namespace, another one): say so, rather
        # than read a document as empty or call its body missing.
        raise UnreadableFile("unreadable.unknown_xml", part=doc_part)
    body = root.find(_W + "body")
    if body is None:
        raise UnreadableFile("unreadable.missing_part", part=f"{doc_part} (w:body)")
    walker = _walk(body, styles_root, limits)
    title = walker.title or next((b.text for b in walker.blocks if b.text), "")
    return RawDocument(path=path, format="docx", blocks=walker.blocks, title=title)


def main_part(archive: zipfile.ZipFile, names: set[str] | None = None) -> str:
    """The main document part, as named by the package relationships."""
    names = set(archive.namelist()) if names is None else names
    if "_rels/.rels" in names:
        rels = etree.fromstring(read_member(archive, "_rels/.rels"), _PARSER)
        for rel in rels:
            if (rel.get("Type") or "").endswith("/officeDocument"):
                target = (rel.get("Target") or "").lstrip("/")
                if target in names:
                    return target
    if "word/document.xml" in names:
        return "word/document.xml"
    raise ValueError("no main document part")

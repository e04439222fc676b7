"""Annotated Word copies: a real comment at each problem, every other part kept byte for byte."""

from __future__ import annotations

import datetime as dt
import posixpath
import zipfile
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from socinv_docs import messages
from socinv_docs.atomic import write_with
from socinv_docs.codes import Code
from socinv_docs.limits import Limits
from socinv_docs.location import Location
from socinv_docs.model import Document
from socinv_docs.readers.docx_reader import main_part, parse_xml, row_cells, walk_body
from socinv_docs.render.annotate.common import (
    AUTHOR,
    INITIALS,
    AnnotateResult,
    _finding_lines,
    _is_missing,
    _summary_lines,
    place_all,
)
from socinv_docs.render.annotate.errors import AnnotateError
from socinv_docs.render.annotate.package import Package, mark_annotated_copy, xml_text
from socinv_docs.report import DocumentReport, Finding

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W = "{" + W + "}"
W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
W15 = "http://schemas.microsoft.com/office/word/2012/wordml"
W16CID = "http://schemas.microsoft.com/office/word/2016/wordml/cid"
W16CEX = "http://schemas.microsoft.com/office/word/2018/wordml/cex"
PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT = "http://schemas.openxmlformats.org/package/2006/content-types"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"

REL_COMMENTS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
REL_EXTENDED = "http://schemas.microsoft.com/office/2011/relationships/commentsExtended"
REL_IDS = "http://schemas.microsoft.com/office/2016/09/relationships/commentsIds"
REL_EXTENSIBLE = "http://schemas.microsoft.com/office/2018/08/relationships/commentsExtensible"
CT_COMMENTS = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"

# Findings about the answer of a labelled row: their comment goes on the answer cell (the
# cell right of the label), not on the label.
_ANSWER_CODES = {Code.FIELD_MISSING, Code.FIELD_INVALID, Code.CRITERION_UNANSWERED, Code.CRITERION_NOT_MET,
                 Code.DURATION_OUT_OF_RANGE, Code.PARTIES_INSUFFICIENT, Code.PARTY_FOR_PROFIT,
                 Code.PROJECT_LEAD_TOO_LOW}


@dataclass(slots=True)
class _Placement:
    first: etree._Element  # the w:p where the comment range starts
    last: etree._Element  # the w:p where it ends (and the reference run goes)
    note: str | None = None


def _annotate_docx(report: DocumentReport, extra: list[Finding], archive: zipfile.ZipFile, source: Path,
                   target: Path, lang: str, now: dt.datetime, limits: Limits) -> AnnotateResult:
    pkg = Package(archive, limits, str(source))
    doc_name = main_part(archive, set(pkg.infos))
    root = parse_xml(pkg.read(doc_name))
    body = root.find(_W + "body")
    if body is None:
        raise AnnotateError("annotate.unreadable", file=str(source))
    styles_root = parse_xml(pkg.read("word/styles.xml")) if pkg.has("word/styles.xml") else None
    blocks = walk_body(body, styles_root)

    package = _Package(pkg, doc_name)
    removed = package.remove_ours(root)

    doc = report.document
    findings = list(report.findings)
    placements, unplaced = place_all(findings, extra, lambda f: _place_word(f, doc, blocks, lang))

    date = now.astimezone(dt.timezone.utc).replace(microsecond=0, tzinfo=None).isoformat() + "Z"
    summary_p = _summary_paragraph(body, blocks)
    summary = _summary_lines(report, findings + extra, unplaced, lang, len(placements))
    package.add_comment(summary, summary_p, summary_p, date, bold_first=True)
    for f, pl in placements:
        package.add_comment(_finding_lines(f, lang, pl.note), pl.first, pl.last, date, bold_first=False)

    pkg.put(doc_name, etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))
    package.flush()
    mark_annotated_copy(pkg, "docx")
    # Every member the annotator did not rewrite is copied as it is stored (package.copy_member).
    write_with(target, lambda tmp: pkg.write(tmp, now))
    return AnnotateResult(target=target, comments=1 + len(placements), placed=len(placements),
                          unplaced=len(unplaced), removed=removed)


# -- where a finding goes ----------------------------------------------------------------

def _block_for(where: Location, blocks: list) -> int | None:
    """The block a location names: its index, checked against the other coordinates."""
    def agrees(b) -> bool:
        loc = b.location
        if where.paragraph is not None and loc.paragraph is not None and where.paragraph != loc.paragraph:
            return False
        if where.table is not None and where.row is not None and (loc.table, loc.row) != (where.table, where.row):
            return False
        return True

    if where.block is not None and 0 <= where.block < len(blocks) and agrees(blocks[where.block]):
        return where.block
    for i, b in enumerate(blocks):  # the index does not fit (another version of the file): search
        loc = b.location
        if where.table is not None and where.row is not None and (loc.table, loc.row) == (where.table, where.row):
            return i
        if where.table is None and where.paragraph is not None and loc.paragraph == where.paragraph:
            return i
    return None


def _missing_block(f: Finding, doc: Document, blocks: list) -> tuple[int | None, bool]:
    """(block, after) for a missing section, from where extraction says it belongs."""
    anchor = doc.anchors.get(f.section) or f.where
    return _block_for(anchor, blocks), anchor.position == "after"


def _place_word(f: Finding, doc: Document | None, blocks: list, lang: str) -> _Placement | None:
    note = None
    if _is_missing(f, doc):
        index, after = _missing_block(f, doc, blocks)
        note = messages.text("annotate.missing_after" if after else "annotate.missing_before", lang)
    else:
        if f.where == Location():
            return None
        index = _block_for(f.where, blocks)
    if index is None:
        return None
    block = blocks[index]
    el = block.element
    if el is None:
        return None
    if el.tag == _W + "tr":
        cells = [tc for tc in row_cells(el)]
        if not cells:
            return None
        wanted = 1 if f.code in _ANSWER_CODES and len(cells) > 1 else 0
        if f.where.column and not _is_missing(f, doc):
            wanted = min(max(f.where.column - 1, 0), len(cells) - 1)
        paragraphs = _cell_paragraphs(cells[wanted])
        if not paragraphs:
            return None
        return _Placement(_outer_paragraph(paragraphs[0]), _outer_paragraph(paragraphs[-1]), note)
    p = _outer_paragraph(el)
    return _Placement(p, p, note)




def _cell_paragraphs(tc: etree._Element) -> list[etree._Element]:
    """The cell's own paragraphs (not those of a nested table), through content controls."""
    out = []

    def walk(el):
        for child in el:
            if child.tag == _W + "p":
                out.append(child)
            elif child.tag == _W + "sdt":
                content = child.find(_W + "sdtContent")
                if content is not None:
                    walk(content)
            elif child.tag in (_W + "customXml", _W + "ins", _W + "moveTo"):
                walk(child)

    walk(tc)
    if not out:
        out = list(tc.iter(_W + "p"))[:1]
    return out


def _outer_paragraph(p: etree._Element) -> etree._Element:
    """A paragraph inside a text box cannot carry a comment: use the paragraph holding the box."""
    outer = p
    node = p.getparent()
    while node is not None:
        if node.tag == _W + "txbxContent":
            anc = node.getparent()
            while anc is not None and anc.tag != _W + "p":
                anc = anc.getparent()
            if anc is not None:
                outer = anc
                node = anc
        node = node.getparent()
    return outer


def _summary_paragraph(body: etree._Element, blocks: list) -> etree._Element:
    first = next((b.element for b in blocks if b.element is not None and b.element.tag == _W + "p"), None)
    if first is not None:
        return _outer_paragraph(first)
    first = next(body.iter(_W + "p"), None)
    if first is not None:
        return first
    p = etree.Element(_W + "p")
    body.insert(0, p)
    return p


# -- the package: comments parts, relationships, content types ---------------------------

class _Package:
    def __init__(self, pkg: Package, doc_name: str) -> None:
        self.parse = parse_xml
        self.pkg = pkg
        self.doc_dir = posixpath.dirname(doc_name)
        self.rels_name = posixpath.join(self.doc_dir, "_rels", posixpath.basename(doc_name) + ".rels")
        self.rels = self.parse(pkg.read(self.rels_name)) if pkg.has(self.rels_name) else None
        self.rels_changed = False
        self.parts: dict[str, str | None] = {t: self._target(t) for t in
                                             (REL_COMMENTS, REL_EXTENDED, REL_IDS, REL_EXTENSIBLE)}
        name = self.parts[REL_COMMENTS]
        self.comments_name = name
        self.comments = self.parse(pkg.read(name)) if name and pkg.has(name) else None
        self.comments_changed = False
        self.next_id = 0
        if self.comments is not None:
            ids = [_int(c.get(_W + "id")) for c in self.comments.iter(_W + "comment")]
            self.next_id = max([i for i in ids if i is not None], default=-1) + 1

    def _target(self, rel_type: str) -> str | None:
        if self.rels is None:
            return None
        for rel in self.rels:
            if rel.get("Type") == rel_type and rel.get("TargetMode") != "External":
                target = rel.get("Target") or ""
                if target.startswith("/"):
                    return target.lstrip("/")
                return posixpath.normpath(posixpath.join(self.doc_dir, target))
        return None

    # -- removing the previous run --------------------------------------------------------
    def remove_ours(self, root: etree._Element) -> int:
        if self.comments is None:
            return 0
        ours: set[str] = set()
        para_ids: set[str] = set()
        for c in list(self.comments.iter(_W + "comment")):
            if c.get(_W + "author") != AUTHOR:
                continue
            ours.add(c.get(_W + "id"))
            para_ids.update(p.get(f"{{{W14}}}paraId") for p in c.iter(_W + "p") if p.get(f"{{{W14}}}paraId"))
            _drop(c)
        if not ours:
            return 0
        self.comments_changed = True
        for el in list(root.iter(_W + "commentRangeStart", _W + "commentRangeEnd")):
            if el.get(_W + "id") in ours:
                _drop(el)
        for ref in list(root.iter(_W + "commentReference")):
            if ref.get(_W + "id") not in ours:
                continue
            run = ref.getparent()
            _drop(ref)
            if run is not None and run.tag == _W + "r" and all(ch.tag == _W + "rPr" for ch in run):
                _drop(run)
        self._clean_extended(para_ids)
        return len(ours)

    def _clean_extended(self, para_ids: set[str]) -> None:
        """Word's companion parts (replies, resolved state, durable ids) of removed comments."""
        durable: set[str] = set()
        name = self.parts[REL_IDS]
        if name and self.pkg.has(name):
            tree = self.parse(self.pkg.read(name))
            for el in list(tree.iter(f"{{{W16CID}}}commentId")):
                if el.get(f"{{{W16CID}}}paraId") in para_ids:
                    durable.add(el.get(f"{{{W16CID}}}durableId"))
                    _drop(el)
            self.pkg.put(name, _serialize(tree))
        name = self.parts[REL_EXTENDED]
        if name and self.pkg.has(name):
            tree = self.parse(self.pkg.read(name))
            for el in list(tree.iter(f"{{{W15}}}commentEx")):
                if el.get(f"{{{W15}}}paraId") in para_ids:
                    _drop(el)
                elif el.get(f"{{{W15}}}paraIdParent") in para_ids:  # a reply to ours stays, on its own
                    del el.attrib[f"{{{W15}}}paraIdParent"]
            self.pkg.put(name, _serialize(tree))
        name = self.parts[REL_EXTENSIBLE]
        if name and self.pkg.has(name) and durable:
            tree = self.parse(self.pkg.read(name))
            for el in list(tree.iter(f"{{{W16CEX}}}commentExtensible")):
                if el.get(f"{{{W16CEX}}}durableId") in durable:
                    _drop(el)
            self.pkg.put(name, _serialize(tree))

    # -- adding ----------------------------------------------------------------------------
    def _ensure_comments(self) -> etree._Element:
        if self.comments is None:
            self.comments = etree.Element(_W + "comments", nsmap={"w": W})
            name = posixpath.join(self.doc_dir, "comments.xml")
            n = 1
            while self.pkg.has(name):
                n += 1
                name = posixpath.join(self.doc_dir, f"comments{n}.xml")
            self.comments_name = name
            self._add_relationship(posixpath.basename(name))
            self._add_content_type("/" + name)
        return self.comments

    def _add_relationship(self, target: str) -> None:
        if self.rels is None:
            self.rels = etree.Element(f"{{{PKG_RELS}}}Relationships", nsmap={None: PKG_RELS})
        ids = {rel.get("Id") for rel in self.rels}
        n = 1
        while f"rId{n}" in ids:
            n += 1
        etree.SubElement(self.rels, f"{{{PKG_RELS}}}Relationship",
                         {"Id": f"rId{n}", "Type": REL_COMMENTS, "Target": target})
        self.rels_changed = True

    def _add_content_type(self, part: str) -> None:
        types = self.parse(self.pkg.read("[Content_Types].xml"))
        if not any(o.get("PartName") == part for o in types.iter(f"{{{CT}}}Override")):
            etree.SubElement(types, f"{{{CT}}}Override", {"PartName": part, "ContentType": CT_COMMENTS})
            self.pkg.put("[Content_Types].xml", _serialize(types))

    def add_comment(self, lines: list[str], first: etree._Element, last: etree._Element, date: str,
                    bold_first: bool) -> None:
        comments = self._ensure_comments()
        self.comments_changed = True
        cid = str(self.next_id)
        self.next_id += 1
        comment = etree.SubElement(comments, _W + "comment",
                                   {_W + "id": cid, _W + "author": AUTHOR, _W + "date": date,
                                    _W + "initials": INITIALS})
        for i, line in enumerate(lines):
            p = etree.SubElement(comment, _W + "p")
            if i == 0:
                ref = etree.SubElement(p, _W + "r")
                etree.SubElement(ref, _W + "annotationRef")
            r = etree.SubElement(p, _W + "r")
            if i == 0 and bold_first:
                etree.SubElement(etree.SubElement(r, _W + "rPr"), _W + "b")
            t = etree.SubElement(r, _W + "t")
            t.text = xml_text(line)
            t.set(XML_SPACE, "preserve")
        start = etree.Element(_W + "commentRangeStart", {_W + "id": cid})
        ppr = first.find(_W + "pPr")
        first.insert(first.index(ppr) + 1 if ppr is not None else 0, start)
        last.append(etree.Element(_W + "commentRangeEnd", {_W + "id": cid}))
        run = etree.SubElement(last, _W + "r")
        etree.SubElement(run, _W + "commentReference", {_W + "id": cid})

    def flush(self) -> None:
        if self.comments is not None and self.comments_changed:
            self.pkg.put(self.comments_name, _serialize(self.comments))
        if self.rels is not None and self.rels_changed:
            self.pkg.put(self.rels_name, _serialize(self.rels))


def _serialize(el: etree._Element) -> bytes:
    return etree.tostring(el, xml_declaration=True, encoding="UTF-8", standalone=True)


def _drop(el: etree._Element) -> None:
    parent = el.getparent()
    if parent is None:
        return
    if el.tail:  # never lose text that followed the element
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + el.tail
        else:
            parent.text = (parent.text or "") + el.tail
    parent.remove(el)


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None

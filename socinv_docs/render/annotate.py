"""Annotated copies: the applicant's own file with a comment at every problem (SPEC §6).

A renderer of the report like the others: it never reads text to find problems, it places
each Finding where its structured location (Finding.where, Document.anchors) points.

Word (.docx/.docm/.dotx): the copy is written zip member by zip member. Only the main
document part, the comments parts, their relationships and [Content_Types].xml are
rewritten; every other member (styles, numbering, settings, media, headers, custom XML)
is copied byte for byte, so images, content controls and tracked changes survive. The
main part is parsed with the reader's own parser and walked with the reader's own walker
(readers.docx_reader.walk_body), so Location.block of a finding is the same block here.
Each finding becomes a real Word comment (author AUTHOR, initials INITIALS) anchored on
its heading, paragraph or table cell; a summary comment sits on the first paragraph.

Excel (.xlsx/.xlsm): the copy is loaded and saved with openpyxl. Each problem cell gets a
note (author AUTHOR) and a light fill, drawn with a conditional format so the cell's own
fill (the template's yellow answer cells) is untouched and the mark can be taken away
again; a sheet "Granskning" (code name REVIEW_SHEET_CODENAME, skipped by the reader) holds
the status and one row per finding. LIMITATION: openpyxl does not keep images, charts,
shapes, form controls, slicers or threaded (modern) comments of a workbook, so an
annotated Excel copy loses those; the applicant's values, formulas, styles, merged
cells, data validation and legacy notes are kept.

Re-running on an annotated copy first removes everything of the previous run (comments by
AUTHOR with their range marks and reference runs, our conditional formats, our review
sheet) and then adds fresh ones: comments never stack, and other people's comments stay.
The input file is only read; the copy is written atomically.
"""

from __future__ import annotations

import datetime as dt
import os
import posixpath
import re
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from socinv_docs import messages
from socinv_docs.atomic import save_workbook, write_with
from socinv_docs.codes import Code, Severity
from socinv_docs.location import Location
from socinv_docs.readers.docx_reader import row_cells
from socinv_docs.model import Document, SectionState
from socinv_docs.report import DocumentReport, Finding, status_of

AUTHOR = "socinv-docs"
INITIALS = "SI"

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

WORD_SUFFIXES = {".docx", ".docm", ".dotx", ".dotm"}
EXCEL_SUFFIXES = {".xlsx", ".xlsm", ".xltx", ".xltm"}

# Findings about the answer of a labelled row: their comment goes on the answer cell (the
# cell right of the label), not on the label.
_ANSWER_CODES = {Code.FIELD_MISSING, Code.FIELD_INVALID, Code.CRITERION_UNANSWERED, Code.CRITERION_NOT_MET,
                 Code.DURATION_OUT_OF_RANGE, Code.PARTIES_INSUFFICIENT, Code.PARTY_FOR_PROFIT,
                 Code.PROJECT_LEAD_TOO_LOW}

# The light fill of problem cells (Excel) and the formula that marks our conditional
# format (always true; its text is how a re-run recognises and removes it).
_FILL_RGB = "FFF4CCCC"
_MARK_FORMULA = 'ISTEXT("socinv-docs")'

# How far from a prompt its answer is looked for (Excel): a form answer is never further.

_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


class AnnotateError(messages.CatalogueError):
    """The copy cannot be made; `key` is a message-catalogue key ("annotate.*")."""


@dataclass(slots=True)
class AnnotateResult:
    target: Path
    comments: int  # comments (Word) or notes (Excel) we wrote, the summary included
    placed: int  # findings shown at a place in the file
    unplaced: int  # findings only in the summary
    removed: int  # our comments from an earlier run that were taken away


def same_file(a: str | os.PathLike, b: str | os.PathLike) -> bool:
    """True when writing to `b` would overwrite `a` (same path, link or hard link)."""
    pa, pb = Path(a), Path(b)
    try:
        if pa.resolve() == pb.resolve():
            return True
    except OSError:
        pass
    try:
        return pb.exists() and os.path.samefile(pa, pb)
    except OSError:
        return False


def can_annotate(report: DocumentReport) -> bool:
    """Only files that could be read at all get a copy (not FILE_UNREADABLE)."""
    return not any(f.code is Code.FILE_UNREADABLE for f in report.findings)


def annotate(report: DocumentReport, source: str | os.PathLike, target: str | os.PathLike, *,
             lang: str = "sv", extra: Sequence[Finding] = (), now: dt.datetime | None = None) -> AnnotateResult:
    """Write `target`: a copy of `source` with the report's findings as comments.

    `extra` are findings of the submission (ATTACHMENT_MISSING) shown in the summary.
    Raises AnnotateError (same file, unreadable, unsupported type) or OSError (writing).
    """
    source, target = Path(source), Path(target)
    if same_file(source, target):
        raise AnnotateError("annotate.same_file", path=str(source))
    if not can_annotate(report):
        raise AnnotateError("annotate.unreadable", file=str(source))
    now = now or dt.datetime.now(dt.timezone.utc)
    fmt = report.document.format if report.document is not None else _sniff(source)
    if fmt == "docx":
        return _annotate_docx(report, list(extra), source, target, lang, now)
    if fmt == "xlsx":
        return _annotate_xlsx(report, list(extra), source, target, lang, now)
    raise AnnotateError("annotate.unsupported", file=str(source))


def _sniff(path: Path) -> str | None:
    try:
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
    except (OSError, zipfile.BadZipFile):
        return None
    if any(n.startswith("word/") for n in names):
        return "docx"
    if any(n.startswith("xl/") for n in names):
        return "xlsx"
    return None


# -- texts ---------------------------------------------------------------------------------

def _clean(text: str) -> str:
    return _XML_ILLEGAL.sub("", text or "")


def _finding_lines(f: Finding, lang: str, note: str | None = None) -> list[str]:
    label = messages.text(f"ui.severity.{f.severity.value}", lang)
    lines = [f"{label}: {f.message}"]
    if note:
        lines.append(note)
    if f.hint:
        lines.append(f"{messages.text('ui.fix', lang)}: {f.hint}")
    lines.append(f"[{f.code.value}]")
    return lines


def _summary_lines(report: DocumentReport, findings: list[Finding], unplaced: list[Finding], lang: str,
                   placed: int) -> list[str]:
    status = status_of(findings)
    errors = sum(1 for f in findings if f.severity is Severity.ERROR)
    warnings = len(findings) - errors
    lines = [messages.text("annotate.summary_title", lang, file=Path(report.file).name),
             messages.text("annotate.summary_status", lang, status=messages.text(f"ui.status.{status.value}", lang),
                           counts=messages.counts(errors, warnings, lang))]
    if not findings:
        lines.append(messages.text("ui.no_findings", lang))
    if placed:
        lines.append(messages.text("annotate.summary_placed", lang, count=placed))
    if unplaced:
        lines.append(messages.text("annotate.summary_unplaced", lang))
        for f in unplaced:
            label = messages.text(f"ui.severity.{f.severity.value}", lang)
            hint = f" {messages.text('ui.fix', lang)}: {f.hint}" if f.hint else ""
            lines.append(f"• {label}: {f.message}{hint} [{f.code.value}]")
    lines.append(messages.text("annotate.summary_rerun", lang))
    return lines


def _ordered(findings: Iterable[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda f: f.severity is not Severity.ERROR)


def _is_missing(f: Finding, doc: Document | None) -> bool:
    return f.code is Code.SECTION_MISSING and doc is not None and f.section in doc.sections \
        and doc.sections[f.section].state is SectionState.MISSING


# =========================================================================================
# Word
# =========================================================================================

@dataclass(slots=True)
class _Placement:
    first: etree._Element  # the w:p where the comment range starts
    last: etree._Element  # the w:p where it ends (and the reference run goes)
    note: str | None = None


def _annotate_docx(report: DocumentReport, extra: list[Finding], source: Path, target: Path, lang: str,
                   now: dt.datetime) -> AnnotateResult:
    from socinv_docs.readers.docx_reader import main_part, parse_xml, walk_body

    with zipfile.ZipFile(source) as archive:
        infos = archive.infolist()
        members = {i.filename: archive.read(i) for i in infos}
        doc_name = main_part(archive, set(members))
    root = parse_xml(members[doc_name])
    body = root.find(_W + "body")
    if body is None:
        raise AnnotateError("annotate.unreadable", file=str(source))
    styles_root = parse_xml(members["word/styles.xml"]) if "word/styles.xml" in members else None
    blocks = walk_body(body, styles_root)

    package = _Package(members, doc_name)
    removed = package.remove_ours(root)

    doc = report.document
    findings = list(report.findings)
    placements: list[tuple[Finding, _Placement]] = []
    unplaced: list[Finding] = []
    for f in _ordered(findings):
        placement = _place_word(f, doc, blocks, lang)
        if placement is None:
            unplaced.append(f)
        else:
            placements.append((f, placement))
    unplaced.extend(_ordered(extra))

    date = now.astimezone(dt.timezone.utc).replace(microsecond=0, tzinfo=None).isoformat() + "Z"
    summary_p = _summary_paragraph(body, blocks)
    summary = _summary_lines(report, findings + extra, unplaced, lang, len(placements))
    package.add_comment(summary, summary_p, summary_p, date, bold_first=True)
    for f, pl in placements:
        package.add_comment(_finding_lines(f, lang, pl.note), pl.first, pl.last, date, bold_first=False)

    members[doc_name] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    package.flush()

    def write(tmp: Path) -> None:
        with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as out:
            done = set()
            for info in infos:
                if info.filename in done or info.filename not in members:
                    continue
                done.add(info.filename)
                out.writestr(_copy_info(info), members[info.filename])
            for name, data in members.items():
                if name not in done:
                    out.writestr(_new_info(name, now), data)

    write_with(target, write)
    return AnnotateResult(target=target, comments=1 + len(placements), placed=len(placements),
                          unplaced=len(unplaced), removed=removed)


def _copy_info(info: zipfile.ZipInfo) -> zipfile.ZipInfo:
    new = zipfile.ZipInfo(info.filename, date_time=info.date_time)
    new.compress_type = zipfile.ZIP_DEFLATED if info.compress_type != zipfile.ZIP_STORED else zipfile.ZIP_STORED
    new.external_attr = info.external_attr
    new.create_system = info.create_system
    return new


def _new_info(name: str, now: dt.datetime) -> zipfile.ZipInfo:
    local = now.astimezone()
    new = zipfile.ZipInfo(name, date_time=(max(local.year, 1980), local.month, local.day, local.hour,
                                           local.minute, local.second))
    new.compress_type = zipfile.ZIP_DEFLATED
    return new


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
    def __init__(self, members: dict[str, bytes], doc_name: str) -> None:
        from socinv_docs.readers.docx_reader import parse_xml

        self.parse = parse_xml
        self.members = members
        self.doc_dir = posixpath.dirname(doc_name)
        self.rels_name = posixpath.join(self.doc_dir, "_rels", posixpath.basename(doc_name) + ".rels")
        self.rels = self.parse(members[self.rels_name]) if self.rels_name in members else None
        self.rels_changed = False
        self.parts: dict[str, str | None] = {t: self._target(t) for t in
                                             (REL_COMMENTS, REL_EXTENDED, REL_IDS, REL_EXTENSIBLE)}
        name = self.parts[REL_COMMENTS]
        self.comments_name = name
        self.comments = self.parse(members[name]) if name and name in members else None
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
        if name and name in self.members:
            tree = self.parse(self.members[name])
            for el in list(tree.iter(f"{{{W16CID}}}commentId")):
                if el.get(f"{{{W16CID}}}paraId") in para_ids:
                    durable.add(el.get(f"{{{W16CID}}}durableId"))
                    _drop(el)
            self.members[name] = _serialize(tree)
        name = self.parts[REL_EXTENDED]
        if name and name in self.members:
            tree = self.parse(self.members[name])
            for el in list(tree.iter(f"{{{W15}}}commentEx")):
                if el.get(f"{{{W15}}}paraId") in para_ids:
                    _drop(el)
                elif el.get(f"{{{W15}}}paraIdParent") in para_ids:  # a reply to ours stays, on its own
                    del el.attrib[f"{{{W15}}}paraIdParent"]
            self.members[name] = _serialize(tree)
        name = self.parts[REL_EXTENSIBLE]
        if name and name in self.members and durable:
            tree = self.parse(self.members[name])
            for el in list(tree.iter(f"{{{W16CEX}}}commentExtensible")):
                if el.get(f"{{{W16CEX}}}durableId") in durable:
                    _drop(el)
            self.members[name] = _serialize(tree)

    # -- adding ----------------------------------------------------------------------------
    def _ensure_comments(self) -> etree._Element:
        if self.comments is None:
            self.comments = etree.Element(_W + "comments", nsmap={"w": W})
            name = posixpath.join(self.doc_dir, "comments.xml")
            n = 1
            while name in self.members:
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
        types = self.parse(self.members["[Content_Types].xml"])
        if not any(o.get("PartName") == part for o in types.iter(f"{{{CT}}}Override")):
            etree.SubElement(types, f"{{{CT}}}Override", {"PartName": part, "ContentType": CT_COMMENTS})
            self.members["[Content_Types].xml"] = _serialize(types)

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
            t.text = _clean(line)
            t.set(XML_SPACE, "preserve")
        start = etree.Element(_W + "commentRangeStart", {_W + "id": cid})
        ppr = first.find(_W + "pPr")
        first.insert(first.index(ppr) + 1 if ppr is not None else 0, start)
        last.append(etree.Element(_W + "commentRangeEnd", {_W + "id": cid}))
        run = etree.SubElement(last, _W + "r")
        etree.SubElement(run, _W + "commentReference", {_W + "id": cid})

    def flush(self) -> None:
        if self.comments is not None and self.comments_changed:
            self.members[self.comments_name] = _serialize(self.comments)
        if self.rels is not None and self.rels_changed:
            self.members[self.rels_name] = _serialize(self.rels)


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


# =========================================================================================
# Excel
# =========================================================================================

def _annotate_xlsx(report: DocumentReport, extra: list[Finding], source: Path, target: Path, lang: str,
                   now: dt.datetime) -> AnnotateResult:
    import warnings

    import openpyxl

    suffix = source.suffix.lower()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        wb = openpyxl.load_workbook(source, keep_vba=suffix in (".xlsm", ".xltm"), keep_links=True,
                                    rich_text=True)
    if suffix in (".xltx", ".xltm"):
        wb.template = True
    try:
        removed = _xlsx_remove_ours(wb)
        doc = report.document
        findings = list(report.findings)
        by_cell: dict[tuple[str, str], list[tuple[Finding, str | None]]] = {}
        unplaced: list[Finding] = []
        for f in _ordered(findings):
            spot = _xlsx_spot(f, doc, wb, lang)
            if spot is None:
                unplaced.append(f)
            else:
                sheet, coord, note = spot
                by_cell.setdefault((sheet, coord), []).append((f, note))
        unplaced.extend(_ordered(extra))

        notes = 0
        marked: dict[str, list[str]] = {}
        kept_elsewhere: list[Finding] = []
        for (sheet, coord), items in by_cell.items():
            ws = wb[sheet]
            cell = ws[coord]
            marked.setdefault(sheet, []).append(coord)
            if cell.comment is not None:  # someone else's note: keep it, ours is on the review sheet
                kept_elsewhere.extend(f for f, _ in items)
                continue
            lines = [f"{AUTHOR}:"]
            for f, note in items:
                lines.extend(_finding_lines(f, lang, note))
            _set_note(cell, lines)
            notes += 1
        for sheet, coords in marked.items():
            _xlsx_mark(wb[sheet], coords)
        placed = sum(len(v) for v in by_cell.values())
        _review_sheet(wb, report, findings + extra, by_cell, lang, now)
        save_workbook(wb, target)
    finally:
        wb.close()
    return AnnotateResult(target=target, comments=notes, placed=placed, unplaced=len(unplaced), removed=removed)


def _set_note(cell, lines: list[str]) -> None:
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.comments import Comment

    text = ILLEGAL_CHARACTERS_RE.sub("", "\n".join(lines))
    comment = Comment(text, AUTHOR)
    wrapped = sum(1 + len(line) // 55 for line in lines)
    comment.width = 330
    comment.height = min(max(60, 15 * wrapped + 10), 420)
    cell.comment = comment


def _xlsx_remove_ours(wb) -> int:
    from openpyxl.formatting.formatting import ConditionalFormattingList

    from socinv_docs.readers.xlsx_reader import is_review_sheet

    removed = 0
    for ws in list(wb.worksheets):
        if is_review_sheet(ws):
            wb.remove(ws)
            continue
        # The cells that exist, not the sheet's claimed dimension (which may be a million rows).
        for cell in list(getattr(ws, "_cells", {}).values()):
            comment = getattr(cell, "comment", None)
            if comment is not None and comment.author == AUTHOR:
                cell.comment = None
                removed += 1
        old = ws.conditional_formatting
        if any(_is_our_rule(rule) for cf in old for rule in cf.rules):
            fresh = ConditionalFormattingList()
            for cf in old:
                for rule in cf.rules:
                    if not _is_our_rule(rule):
                        fresh.add(str(cf.sqref), rule)
            ws.conditional_formatting = fresh
    return removed


def _is_our_rule(rule) -> bool:
    return rule.type == "expression" and list(rule.formula or []) == [_MARK_FORMULA]


def _xlsx_mark(ws, coords: list[str]) -> None:
    from openpyxl.formatting.rule import FormulaRule
    from openpyxl.styles import PatternFill

    fill = PatternFill(fill_type="solid", start_color=_FILL_RGB, end_color=_FILL_RGB)
    ws.conditional_formatting.add(" ".join(sorted(set(coords))),
                                  FormulaRule(formula=[_MARK_FORMULA], fill=fill, stopIfTrue=False))


def _xlsx_spot(f: Finding, doc: Document | None, wb, lang: str) -> tuple[str, str, str | None] | None:
    """(sheet, cell, note) where a finding's note goes, or None for the summary only."""
    w = f.where
    if not w.sheet or w.sheet not in wb.sheetnames:
        return None
    ws = wb[w.sheet]
    if _is_missing(f, doc):
        coord = w.cell or (f"A{w.row}" if w.row else None)
        if coord is None:
            return None
        note = messages.text("annotate.missing_after" if w.position == "after" else "annotate.missing_before", lang)
        return w.sheet, _top_left(ws, coord), note
    if w.cell:
        return w.sheet, _top_left(ws, w.cell), None
    if w.row:
        return w.sheet, _top_left(ws, f"A{w.row}"), None
    return None


def _top_left(ws, coord: str) -> str:
    for rng in ws.merged_cells.ranges:
        if coord in rng:
            return rng.start_cell.coordinate
    return coord


def _review_sheet(wb, report: DocumentReport, findings: list[Finding], by_cell: dict, lang: str,
                  now: dt.datetime) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill

    from socinv_docs.readers.xlsx_reader import REVIEW_SHEET_CODENAME

    where_of = {id(f): f"{sheet}!{coord}" for (sheet, coord), items in by_cell.items() for f, _ in items}
    title = messages.text("annotate.sheet", lang)
    ws = wb.create_sheet(title if title not in wb.sheetnames else f"{title} ({AUTHOR})", 0)
    ws.sheet_properties.codeName = REVIEW_SHEET_CODENAME
    status = status_of(findings)
    errors = sum(1 for f in findings if f.severity is Severity.ERROR)
    warnings = len(findings) - errors
    _text(ws, 1, 1, messages.text("annotate.summary_title", lang, file=Path(report.file).name)).font = \
        Font(bold=True, size=14)
    _text(ws, 2, 1, messages.text("annotate.summary_status", lang,
                                  status=messages.text(f"ui.status.{status.value}", lang),
                                  counts=messages.counts(errors, warnings, lang))
          ).font = Font(bold=True)
    _text(ws, 3, 1, messages.text("annotate.sheet_note", lang, date=now.astimezone().date().isoformat()))
    headers = ["severity", "code", "location", "message", "hint"]
    header_row = 5
    for c, key in enumerate(headers, start=1):
        cell = _text(ws, header_row, c, messages.text(f"annotate.col.{key}", lang))
        cell.font = Font(bold=True)
        cell.fill = PatternFill(fill_type="solid", start_color="FFDDEBF7", end_color="FFDDEBF7")
    if not findings:
        _text(ws, header_row + 1, 1, messages.text("ui.no_findings", lang))
    wrap = Alignment(wrap_text=True, vertical="top")
    widths = (12, 26, 24, 70, 60)
    for r, f in enumerate(_ordered(findings), start=header_row + 1):
        values = [messages.text(f"ui.severity.{f.severity.value}", lang), f.code.value,
                  where_of.get(id(f)) or f.location, f.message, f.hint]
        for c, value in enumerate(values, start=1):
            _text(ws, r, c, value).alignment = wrap
        # Neither Excel nor LibreOffice grows a row for wrapped text written by a program.
        ws.row_dimensions[r].height = 15 * max(_lines(v, w) for v, w in zip(values, widths))
    for letter, width in zip("ABCDE", widths):
        ws.column_dimensions[letter].width = width
    ws.merge_cells(start_row=3, start_column=1, end_row=3, end_column=len(headers))
    ws.cell(row=3, column=1).alignment = wrap
    ws.row_dimensions[3].height = 15 * _lines(ws.cell(row=3, column=1).value, sum(widths))
    ws.freeze_panes = f"A{header_row + 1}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = f"{header_row}:{header_row}"
    for other in wb.worksheets:
        other.sheet_view.tabSelected = False
    ws.sheet_view.tabSelected = True
    wb.active = ws


def _lines(value: str | None, width: int) -> int:
    """Lines a wrapped text needs in a column `width` characters wide (a generous guess)."""
    chars = max(int(width * 1.1) - 1, 1)
    return max(1, sum(1 + len(part) // chars for part in (value or "").split("\n")))


def _text(ws, row: int, col: int, value: str):
    """A text cell that stays text: applicant text is never read as a formula."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    cell = ws.cell(row=row, column=col)
    cell.value = ILLEGAL_CHARACTERS_RE.sub("", value or "")
    cell.data_type = "s"
    return cell

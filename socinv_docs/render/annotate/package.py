"""The package of an Office file (a zip of parts) as the annotators change it.

Parts are read when needed; the ones changed (parsed and edited, or replaced) are kept until
the copy is written; every other member is copied from the original as it is stored there
(copy_member), so the copy holds the original's bytes for everything the annotator does not
touch. Every read goes through the readers' bounded stream (readers.safety.MemberStream): a
member whose stream runs past its declared size, ends early or fails its CRC stops the copy
(UnreadableFile, which the annotator reports as "annotate.damaged") after at most one chunk
of inflating, never after gigabytes.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
import shutil
import zipfile
import zlib
from pathlib import Path
from urllib.parse import quote, unquote

from lxml import etree

from socinv_docs.limits import Limits
from socinv_docs.readers import annotated_copy
from socinv_docs.readers.safety import drain_member, raw_member, read_member
from socinv_docs.render.annotate.errors import AnnotateError

PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT = "http://schemas.openxmlformats.org/package/2006/content-types"

_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_XML_ERR_NO_MEMORY = 2  # libxml2's error code for a failed allocation
# Kept parts' comments and processing instructions stay; no DTD, no entities, no network.
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


def local_name(el) -> str | None:
    tag = el.tag
    if not isinstance(tag, str):
        return None  # a comment or processing instruction
    return tag.rsplit("}", 1)[-1]


def serialize(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def xml_text(text: str | None) -> str:
    """Text an XML part can hold: the control characters XML 1.0 forbids taken out."""
    return _XML_ILLEGAL.sub("", text or "")


# -- members copied as they were, new ones dated now ------------------------------------------

def copy_info(info: zipfile.ZipInfo) -> zipfile.ZipInfo:
    new = zipfile.ZipInfo(info.filename, date_time=info.date_time)
    new.compress_type = zipfile.ZIP_DEFLATED if info.compress_type != zipfile.ZIP_STORED else zipfile.ZIP_STORED
    new.external_attr = info.external_attr
    new.create_system = info.create_system
    return new


def new_info(name: str, now: dt.datetime) -> zipfile.ZipInfo:
    local = now.astimezone()
    new = zipfile.ZipInfo(name, date_time=(max(local.year, 1980), local.month, local.day, local.hour,
                                           local.minute, local.second))
    new.compress_type = zipfile.ZIP_DEFLATED
    return new


class Package:
    """The parts of one zip: `read` and `tree` (parsed, hardened) on demand; `touch` marks a
    parsed part to be written again, `put` replaces a part's bytes, `drop` leaves it out."""

    def __init__(self, archive: zipfile.ZipFile, limits: Limits, file: str) -> None:
        self.archive = archive
        self.limits = limits
        self.file = file
        self.infos: dict[str, zipfile.ZipInfo] = {}
        for info in archive.infolist():
            self.infos.setdefault(info.filename, info)  # a duplicate name: the first one counts
        self.data: dict[str, bytes] = {}  # new or rewritten parts
        self.trees: dict[str, etree._Element] = {}
        self.dirty: set[str] = set()  # parsed parts to serialise again
        self.gone: set[str] = set()
        # OPC part names are case-insensitive: lower-cased name -> the name as stored.
        self._lower = {n.lower(): n for n in self.infos}

    def has(self, name: str) -> bool:
        return name.lower() in self._lower

    def _actual(self, name: str) -> str | None:
        return self._lower.get(name.lower())

    def _add_name(self, name: str) -> None:
        self.gone.discard(name)
        self._lower.setdefault(name.lower(), name)

    def read(self, name: str) -> bytes:
        actual = self._actual(name)
        if actual is None:
            raise KeyError(name)
        if actual in self.data:
            return self.data[actual]
        info = self.infos[actual]
        if info.file_size > self.limits.max_xml_part_bytes:
            raise AnnotateError("annotate.too_big", file=self.file)
        return read_member(self.archive, info)

    def tree(self, name: str) -> etree._Element:
        actual = self._actual(name) or name
        if actual not in self.trees:
            try:
                self.trees[actual] = etree.fromstring(self.read(actual), _PARSER)
            except etree.XMLSyntaxError as exc:
                # libxml2 reports running out of memory (the memory cap) as a parse error.
                key = "annotate.too_big" if exc.code == _XML_ERR_NO_MEMORY else "annotate.unreadable"
                raise AnnotateError(key, file=self.file) from None
            except ValueError:
                raise AnnotateError("annotate.unreadable", file=self.file) from None
        return self.trees[actual]

    def new_tree(self, name: str, root: etree._Element) -> None:
        self._add_name(name)
        self.trees[name] = root
        self.dirty.add(name)

    def touch(self, name: str) -> None:
        self.dirty.add(self._actual(name) or name)

    def put(self, name: str, data: bytes) -> None:
        name = self._actual(name) or name
        self._add_name(name)
        self.trees.pop(name, None)
        self.dirty.discard(name)
        self.data[name] = data

    def drop(self, name: str) -> None:
        name = self._actual(name) or name
        self.gone.add(name)
        self._lower.pop(name.lower(), None)
        self.dirty.discard(name)
        self.data.pop(name, None)
        self.trees.pop(name, None)

    def free_name(self, pattern: str) -> str:
        n = 1
        while self.has(pattern.format(n)):
            n += 1
        return pattern.format(n)

    def names(self, suffix: str) -> list[str]:
        return [n for n in (*self.infos, *self.data) if n.lower().endswith(suffix) and n not in self.gone]

    def write(self, tmp: Path, now: dt.datetime) -> None:
        # Sorted: new parts are written in this order, and a copy must not depend on the
        # interpreter's hash seed (the same input gives the same bytes).
        for name in sorted(self.dirty):
            self.data[name] = serialize(self.trees[name])
        try:
            with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as out:
                for name, info in self.infos.items():
                    if name in self.gone:
                        continue
                    if name in self.data:
                        out.writestr(copy_info(info), self.data[name])
                    else:
                        copy_member(self.archive, info, out)
                for name, data in self.data.items():
                    if name not in self.infos:
                        out.writestr(new_info(name, now), data)
        # A damaged member of the original (reading it); an OSError is the write failing (disk
        # full, permissions), which the caller reports as such.
        except (zipfile.BadZipFile, zlib.error, EOFError, RuntimeError, NotImplementedError, ValueError) as exc:
            raise AnnotateError("annotate.unreadable", file=self.file) from exc


def copy_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, out: zipfile.ZipFile) -> None:
    """Copy one member into `out` as it is stored: its compressed bytes, CRC and sizes.

    First the member must show that it inflates to exactly what its header declares
    (drain_member: bounded, and refused as soon as the stream runs past its size, ends early
    or fails its CRC), so the copy never carries a stream that lies. Then its stored bytes
    are copied without inflating them again: zipfile is given them as a stored member, and
    the local header is then rewritten to say what they are (zipfile has no public way to
    add compressed bytes as they are). Bytes after the end of the deflate stream but within
    the member's compressed size are copied along; Office and zipfile stop at the stream's
    end, as they do in the original."""
    drain_member(archive, info)
    entry = copy_info(info)
    entry.compress_type = zipfile.ZIP_STORED  # zipfile writes the bytes as they come
    zip64 = max(info.file_size, info.compress_size) > zipfile.ZIP64_LIMIT
    with raw_member(archive, info) as src, out.open(entry, "w", force_zip64=zip64) as dst:
        shutil.copyfileobj(src, dst, 1 << 20)
    entry.compress_type, entry.CRC, entry.file_size = info.compress_type, info.CRC, info.file_size
    end = out.fp.tell()
    out.fp.seek(entry.header_offset)
    out.fp.write(entry.FileHeader(zip64))  # the same length: same name, no extra, same zip64
    out.fp.seek(end)


def rels_name(part: str) -> str:
    directory, base = posixpath.split(part)
    return posixpath.join(directory, "_rels", base + ".rels")


class Relationships:
    """The relationships of one part ("" for the package's own _rels/.rels)."""

    def __init__(self, pkg: Package, part: str) -> None:
        self.pkg = pkg
        self.part = part
        self.name = rels_name(part)
        self.root = pkg.tree(self.name) if pkg.has(self.name) else None

    def _all(self) -> list[etree._Element]:
        if self.root is None:
            return []
        return [el for el in self.root if local_name(el) == "Relationship"]

    def resolve(self, target: str) -> str:
        target = unquote(target)
        if target.startswith("/"):
            return target.lstrip("/")
        return posixpath.normpath(posixpath.join(posixpath.dirname(self.part), target))

    def of_kind(self, kind: str) -> list[tuple[str, str]]:
        """(rId, part) of the internal relationships whose type ends in /kind (either flavour)."""
        out = []
        for rel in self._all():
            if (rel.get("Type") or "").rsplit("/", 1)[-1] == kind and rel.get("TargetMode") != "External":
                out.append((rel.get("Id"), self.resolve(rel.get("Target") or "")))
        return out

    def target(self, rid: str | None) -> str | None:
        for rel in self._all():
            if rel.get("Id") == rid and rel.get("TargetMode") != "External":
                return self.resolve(rel.get("Target") or "")
        return None

    def add(self, rel_type: str, part: str) -> str:
        if self.root is None:
            self.root = etree.Element(f"{{{PKG_RELS}}}Relationships", nsmap={None: PKG_RELS})
            self.pkg.new_tree(self.name, self.root)
        ids = {rel.get("Id") for rel in self._all()}
        n = 1
        while f"rId{n}" in ids:
            n += 1
        target = posixpath.relpath(part, posixpath.dirname(self.part) or ".")
        etree.SubElement(self.root, f"{{{PKG_RELS}}}Relationship",
                         {"Id": f"rId{n}", "Type": rel_type, "Target": quote(target, safe="/.-_")})
        self.pkg.touch(self.name)
        return f"rId{n}"

    def remove(self, rid: str) -> None:
        for rel in self._all():
            if rel.get("Id") == rid:
                self.root.remove(rel)
                self.pkg.touch(self.name)
        if self.root is not None and not self._all():
            self.pkg.drop(self.name)
            self.root = None


class ContentTypes:
    def __init__(self, pkg: Package) -> None:
        self.pkg = pkg
        self.root = pkg.tree("[Content_Types].xml")

    def override(self, part: str, content_type: str) -> None:
        name = "/" + part
        for el in self.root:
            if local_name(el) == "Override" and (el.get("PartName") or "").lower() == name.lower():
                el.set("ContentType", content_type)
                break
        else:
            etree.SubElement(self.root, f"{{{CT}}}Override", {"PartName": name, "ContentType": content_type})
        self.pkg.touch("[Content_Types].xml")

    def remove(self, part: str) -> None:
        name = "/" + part
        for el in list(self.root):
            if local_name(el) == "Override" and (el.get("PartName") or "").lower() == name.lower():
                self.root.remove(el)
                self.pkg.touch("[Content_Types].xml")


# -- the proof that a copy is ours ----------------------------------------------------------

CT_CUSTOM = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
_CUSTOM_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"  # the property set of user-defined properties
# (properties namespace, value types namespace, relationship type) of either flavour
_CUSTOM = {False: ("http://schemas.openxmlformats.org/officeDocument/2006/custom-properties",
                   "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes",
                   "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties"),
           True: ("http://purl.oclc.org/ooxml/officeDocument/customProperties",
                  "http://purl.oclc.org/ooxml/officeDocument/docPropsVTypes",
                  "http://purl.oclc.org/ooxml/officeDocument/relationships/customProperties")}


def mark_annotated_copy(pkg: Package, kind: str) -> None:
    """Name the copy as our annotated copy of a `kind` package: the custom document property
    readers.annotated_copy.PROPERTY, added to the package's custom properties (a part of its
    own when there are none; the applicant's own properties stay). What may replace an
    existing file is decided by it (readers.annotated_copy)."""
    rels = Relationships(pkg, "")
    strict = any((rel.get("Type") or "").startswith("http://purl.oclc.org/") for rel in rels._all())
    found = [part for kind_name in ("custom-properties", "customProperties") for _, part in rels.of_kind(kind_name)
             if pkg.has(part)]
    if found:
        root = pkg.tree(found[0])
        name = found[0]
    else:
        main, types, rel_type = _CUSTOM[strict]
        name = "docProps/custom.xml" if not pkg.has("docProps/custom.xml") else pkg.free_name("docProps/custom{}.xml")
        root = etree.Element(f"{{{main}}}Properties", nsmap={None: main, "vt": types})
        pkg.new_tree(name, root)
        rels.add(rel_type, name)
        ContentTypes(pkg).override(name, CT_CUSTOM)
    main = etree.QName(root).namespace
    types = root.nsmap.get("vt") or _CUSTOM[main == _CUSTOM[True][0]][1]
    props = [el for el in root if local_name(el) == "property"]
    ours = next((el for el in props if el.get("name") == annotated_copy.PROPERTY), None)
    if ours is None:
        pids = [int(p) for p in (el.get("pid") for el in props) if p and p.isdigit()]
        ours = etree.SubElement(root, f"{{{main}}}property", {
            "fmtid": _CUSTOM_FMTID, "pid": str(max(pids, default=1) + 1), "name": annotated_copy.PROPERTY})
    for child in list(ours):
        ours.remove(child)
    etree.SubElement(ours, f"{{{types}}}lpwstr").text = kind
    pkg.touch(name)


def insert_in_order(parent: etree._Element, el: etree._Element, order: tuple[str, ...],
                     name: str | None = None) -> None:
    """Insert `el` where the schema's sequence puts an element called `name` (el's own name):
    before the first child that comes later in `order`, so after its own kind."""
    rank = order.index(name or local_name(el))
    for i, child in enumerate(parent):
        other = _rank(child, order)
        if other is not None and other > rank:
            parent.insert(i, el)
            return
    parent.append(el)


def _rank(el: etree._Element, order: tuple[str, ...]) -> int | None:
    name = local_name(el)
    if name == "AlternateContent":  # ranked as what it holds (legacyDrawing, controls, …)
        choice = next(iter(el), None)
        inner = next((c for c in choice if local_name(c)), None) if choice is not None else None
        name = local_name(inner) if inner is not None else None
    return order.index(name) if name in order else None

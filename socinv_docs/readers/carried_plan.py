"""The plan a pre-filled report carries (SPEC §9), read from the file as data.

A report pre-filled from a satsning's plan (render/prefill.py) holds the plan as a custom XML
part of its package: `customXml/itemN.xml`, related from the main document, whose root is
`<plan xmlns="urn:socinv-docs:plan:1">` with the plan's JSON as its text (and its itemProps
part naming the same namespace). Word and LibreOffice keep custom XML parts when they save a
document (tests/test_carried_plan.py saves one through LibreOffice), so the plan travels
with the report however it was filled in.

The report is the applicant's file: the part is read like any other part (the readers'
bounded zip stream, the hardened XML parser, the XML limits) and only up to MAX_BYTES; what
is found is returned as JSON data for the pipeline to make a Plan of (Plan.from_json checks
every value). A part that is ours but too big, unreadable, of another format, or several
different ones, is not used and is said in a note; another program's custom XML is none of
ours and is passed over. Nothing here raises for what a file holds.
"""

from __future__ import annotations

import json
import zipfile
from dataclasses import dataclass

from lxml import etree

from socinv_docs.limits import Limits
from socinv_docs.messages import msg
from socinv_docs.readers.ooxml import main_part, relationships
from socinv_docs.readers.safety import ZIP_READ_ERRORS, MemberStream, UnreadableFile, parse_part

NAMESPACE = "urn:socinv-docs:plan:1"
NAMESPACE_STEM = "urn:socinv-docs:plan:"  # any format of ours, this one or another
ROOT = f"{{{NAMESPACE}}}plan"
# A plan of a satsning with many goals is some tens of kB; anything far above is not one.
MAX_BYTES = 1024 * 1024
_HEAD = 4096  # enough of a part to see its root's namespace


@dataclass(frozen=True)
class CarriedPlan:
    """What a file carries: the plan's JSON (`data`), or a note (a message as data: why the
    plan it carries is not used) when it carries one that cannot be."""

    data: dict | None = None
    note: dict | None = None


def carried_plan(archive: zipfile.ZipFile, limits: Limits) -> CarriedPlan | None:
    """The plan the package carries, a note on the one it cannot use, or None (none of ours)."""
    try:
        document = main_part(archive, limits, "word/document.xml")
        if document is None:
            return None
        parts = [part for rel_type, part in relationships(archive, document, limits).values()
                 if rel_type == "customXml"]
    except (UnreadableFile, etree.XMLSyntaxError, ValueError, *ZIP_READ_ERRORS):
        return None  # the document's own relationships: the readers report that file as they read it
    found: list[dict] = []
    notes: list[dict] = []
    for part in dict.fromkeys(parts):
        data, note = _read(archive, part, limits)
        if data is not None:
            found.append(data)
        elif note is not None:
            notes.append(note)
    distinct = [d for i, d in enumerate(found) if d not in found[:i]]
    if len(distinct) == 1:
        return CarriedPlan(data=distinct[0])
    if len(distinct) > 1:
        return CarriedPlan(note=msg("plan.carried.several"))
    return CarriedPlan(note=notes[0]) if notes else None


def _read(archive: zipfile.ZipFile, part: str, limits: Limits) -> tuple[dict | None, dict | None]:
    """(the plan's JSON, None), (None, a note) for a part of ours that cannot be used, or
    (None, None) for another program's custom XML."""
    try:
        info = archive.getinfo(part)
        with MemberStream(archive, info) as stream:
            head = stream.read(_HEAD)
    except (UnreadableFile, KeyError, *ZIP_READ_ERRORS):
        return None, None
    if NAMESPACE_STEM.encode() not in head:
        return None, None  # not ours (a bibliography, another add-in's data)
    if info.file_size > MAX_BYTES:
        return None, msg("plan.carried.too_large", limit_kb=MAX_BYTES // 1024)
    try:
        root = parse_part(archive, part, limits)
    except (UnreadableFile, etree.XMLSyntaxError, ValueError, *ZIP_READ_ERRORS):
        return None, msg("plan.carried.unreadable")
    namespace = etree.QName(root).namespace or ""
    if not namespace.startswith(NAMESPACE_STEM):
        return None, None
    if root.tag != ROOT:
        return None, msg("plan.carried.other_format", found=namespace)
    try:
        data = json.loads(root.text or "")
    except (ValueError, RecursionError):
        return None, msg("plan.carried.unreadable")
    if not isinstance(data, dict):
        return None, msg("plan.carried.unreadable")
    return data, None

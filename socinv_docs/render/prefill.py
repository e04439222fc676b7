"""Reports pre-filled from a satsning's plan (SPEC §9), carrying the plan inside them.

`carry_plan` puts the plan into a Word document as a custom XML part — `customXml/itemN.xml`
with its `itemPropsN.xml`, related from the main document — whose root is
`<plan xmlns="urn:socinv-docs:plan:1" satsning="…" version="N">` holding the plan's JSON
(Plan.to_json, with its format number) as text. Word and LibreOffice keep custom XML parts
when they save (tests/test_carried_plan.py proves LibreOffice's), so a report written in a
pre-filled form carries its plan to `socinv check` and the web page, which compare it with the
plan before it is sent (readers/carried_plan.py reads it back).

`save` writes the document atomically with the same bytes for the same inputs: every zip
entry dated from the plan, not from the clock.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import uuid
import zipfile
from pathlib import Path

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from lxml import etree

from socinv_docs.atomic import write_bytes
from socinv_docs.plan import Plan
from socinv_docs.readers.carried_plan import NAMESPACE, NAMESPACE_STEM

CT_ITEM = "application/xml"
CT_ITEM_PROPS = "application/vnd.openxmlformats-officedocument.customXmlProperties+xml"
DS = "http://schemas.openxmlformats.org/officeDocument/2006/customXml"


def plan_xml(plan: Plan) -> bytes:
    """The custom XML part holding `plan`: its JSON as the root's text (lxml escapes it)."""
    root = etree.Element(f"{{{NAMESPACE}}}plan", nsmap={None: NAMESPACE})
    root.set("satsning", plan.satsning)
    root.set("version", str(plan.version))
    root.text = json.dumps(plan.to_json(), ensure_ascii=False, sort_keys=True)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _props_xml(plan: Plan) -> bytes:
    """The item's properties part: its id (the same for the same plan and version) and the
    namespace it holds, as Word writes them."""
    item_id = uuid.uuid5(uuid.NAMESPACE_URL, f"{NAMESPACE}/{plan.satsning}/{plan.version}")
    root = etree.Element(f"{{{DS}}}datastoreItem", nsmap={"ds": DS})
    root.set(f"{{{DS}}}itemID", "{" + str(item_id).upper() + "}")
    refs = etree.SubElement(root, f"{{{DS}}}schemaRefs")
    etree.SubElement(refs, f"{{{DS}}}schemaRef").set(f"{{{DS}}}uri", NAMESPACE)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=False)


def _carries(part: Part) -> bool:
    return NAMESPACE_STEM.encode() in part.blob[:4096]


def carry_plan(document, plan: Plan) -> None:
    """Put `plan` into the python-docx `document` as a custom XML part (replacing a plan of
    ours it already carries)."""
    main = document.part
    for rid, rel in list(main.rels.items()):
        if rel.reltype == RT.CUSTOM_XML and not rel.is_external and _carries(rel.target_part):
            del main.rels[rid]  # the part goes with its last relationship
    package = main.package
    taken = {str(part.partname).lower() for part in package.iter_parts()}
    n = next(n for n in range(1, len(taken) + 2)
             if f"/customxml/item{n}.xml" not in taken and f"/customxml/itemprops{n}.xml" not in taken)
    item = Part(PackURI(f"/customXml/item{n}.xml"), CT_ITEM, plan_xml(plan), package)
    props = Part(PackURI(f"/customXml/itemProps{n}.xml"), CT_ITEM_PROPS, _props_xml(plan), package)
    item.relate_to(props, RT.CUSTOM_XML_PROPS)
    main.relate_to(item, RT.CUSTOM_XML)


def save(document, target: Path, day: dt.date) -> Path:
    """Write `document` to `target` atomically, every zip entry dated `day`: the same inputs
    give the same bytes (python-docx dates entries by the clock)."""
    written = io.BytesIO()
    document.save(written)
    stamp = (max(day.year, 1980), day.month, day.day, 0, 0, 0)
    out = io.BytesIO()
    with zipfile.ZipFile(written) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as copy:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o600 << 16
            copy.writestr(entry, source.read(info))
    return write_bytes(target, out.getvalue())

"""Reports pre-filled from a satsning's plan (SPEC §9), carrying the plan inside them.

`prefill(plan, expected, form_path, target)` writes a copy of the funder's blank report form
(the profile's `forms:`) with what the plan knows, so that the projektledare types only the
utfall: the fields (the satsning's name, diarienummer, projektägare, projektledare, the
report period "Delår 2 2027", the period it covers, the parties one per line), the Mått
table (a row per measure: goal, measure, basmätning, and målvärde and tidpunkt where the
form has those columns), the Aktiviteter table (a row per planned activity) and the Ekonomi
table (a row per calendar year × component with its budget, and the Totalt row's budget;
utfall, varav fonden and prognos are left as the form has them). Which field and table is
which comes from the report kind's roles, never a template's ids. Everything the plan holds
is written as text into cells with python-docx: no template engine ever sees it.

`carry_plan` puts the plan into the document as a custom XML part — `customXml/itemN.xml`
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
import re
import uuid
import zipfile
from copy import deepcopy
from pathlib import Path

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.exceptions import PackageNotFoundError
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml.ns import qn
from docx.table import Table, _Row
from lxml import etree

from socinv_docs.atomic import write_bytes
from socinv_docs.extract.text import fold
from socinv_docs.loading import load_schemas
from socinv_docs.messages import CatalogueError
from socinv_docs.plan import ExpectedReport, Plan, amount_text
from socinv_docs.readers.carried_plan import NAMESPACE, NAMESPACE_STEM
from socinv_docs.schema import KindSpec, ProfileSpec, SchemaSet, TableSpec

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
    return write_bytes(target, package_bytes(document, day))


def package_bytes(document, day: dt.date) -> bytes:
    """The bytes of `document`'s package, every zip entry dated `day`."""
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
    return out.getvalue()


# -- the pre-filled report ------------------------------------------------------------------------


class PrefillError(CatalogueError):
    """The form cannot be read or the report cannot be written: `key` ("prefill.*") says why."""


def prefill(plan: Plan, expected: ExpectedReport, form_path: Path, target: Path, *,
            schemas: SchemaSet | None = None) -> Path:
    """Write to `target` (atomically) the form at `form_path` pre-filled from `plan` for the
    `expected` report (its kind, period and year, the period it covers), carrying the plan.
    The same inputs give the same bytes; the form is only read."""
    data = prefilled_bytes(plan, expected, form_path, schemas=schemas)
    try:
        return write_bytes(target, data)
    except OSError as exc:
        raise PrefillError("prefill.not_written", file=str(target), error=exc.strerror or type(exc).__name__) from None


def prefilled_bytes(plan: Plan, expected: ExpectedReport, form_path: Path, *,
                    schemas: SchemaSet | None = None) -> bytes:
    """What `prefill` writes, as bytes (the same inputs, the same bytes): also how a file
    already there is told to be one of ours that nobody has filled in (followup templates)."""
    return package_bytes(prefilled_document(plan, expected, form_path, schemas=schemas), plan.frozen_on)


def prefilled_document(plan: Plan, expected: ExpectedReport, form_path: Path, *,
                       schemas: SchemaSet | None = None):
    """The pre-filled report as an open python-docx Document, carrying the plan, not yet
    saved: what `prefilled_bytes` writes (tools/make_portfolio.py types the utfall into it
    before it is saved once, instead of saving and opening it again)."""
    schemas = schemas or load_schemas()
    kind = schemas.kinds[expected.kind]
    try:
        document = docx.Document(str(form_path))
    except (OSError, PackageNotFoundError, KeyError, ValueError, etree.XMLSyntaxError) as exc:
        raise PrefillError("prefill.form_unreadable", file=str(form_path), error=type(exc).__name__) from None
    _fill_fields(document, kind, field_values(plan, expected, kind, schemas.profiles.get(plan.profile)))
    _fill_measures(document, kind, plan)
    _fill_activities(document, kind, plan)
    _fill_costs(document, kind, plan)
    carry_plan(document, plan)
    return document


def period_label(expected: ExpectedReport, profile: ProfileSpec | None, lang: str = "sv") -> str:
    """What a recurring report's period is called in the funder's schedule, with its year
    ("Delår 2 2027", as the report_period field reads it); "" for a report after the end."""
    if not expected.period:
        return ""
    scheduled = next((r for r in (profile.followup.reports if profile and profile.followup else ())
                      if r.kind == expected.kind and r.period == expected.period), None)
    label = scheduled.label.get(lang) if scheduled is not None and scheduled.label is not None else expected.period
    return f"{label} {expected.year}"


def field_values(plan: Plan, expected: ExpectedReport, kind: KindSpec, profile: ProfileSpec | None) -> dict[str, str]:
    """The report's field id → the text the plan gives it (by the kind's roles)."""
    by_role = {
        kind.roles.title: plan.title,
        kind.roles.dnr: plan.dnr,
        kind.roles.applicant: plan.projektagare,
        kind.roles.contact: plan.contact,
        kind.roles.report_period: period_label(expected, profile),
        kind.roles.period: f"{expected.covers_from.isoformat()} – {expected.covers_to.isoformat()}",
    }
    for party_field in kind.roles.parties:
        by_role[party_field.field] = "\n".join(p.name for p in plan.parties)
    return {field: text for field, text in by_role.items() if field and text}


# -- writing into the form ------------------------------------------------------------------------


def _tables(document) -> list[Table]:
    return [Table(tbl, document._body) for tbl in document.element.body.iter(qn("w:tbl"))]


def _same(text: str, names: list[str]) -> bool:
    found = fold(text.rstrip(": "))
    return bool(found) and any(found == fold(name.rstrip(": ")) for name in names if name)


def _fill_fields(document, kind: KindSpec, values: dict[str, str]) -> None:
    """Each field's answer cell (the cell beside its label) gets its value."""
    specs = [f for f in kind.fields if f.id in values]
    for table in _tables(document):
        for row in table.rows:
            cells = row.cells
            if len(cells) < 2:
                continue
            spec = next((f for f in specs if _same(cells[0].text, [f.label, *f.aliases])), None)
            if spec is not None:
                _write(cells[1], values[spec.id])


def _find(document, kind: KindSpec, table_id: str) -> tuple[Table, dict[str, int]] | None:
    """The form's table of `table_id` and where each of its columns is, by the header row."""
    spec: TableSpec | None = next((t for t in kind.tables if t.id == table_id), None)
    if spec is None:
        return None
    for table in _tables(document):
        if not table.rows:
            continue
        header = [cell.text for cell in table.rows[0].cells]
        columns = {}
        for column, name in spec.columns.items():
            names = [name, *spec.aliases.get(column, [])]
            index = next((i for i, text in enumerate(header) if _same(text, names)), None)
            if index is not None:
                columns[column] = index
        if columns and all(c in columns for c in spec.required_columns):
            return table, columns
    return None


def _is_total(row: _Row, labels: list[str]) -> bool:
    first = fold(row.cells[0].text) if row.cells else ""
    return bool(first) and any(first.startswith(fold(label)) for label in labels)


def _fill_rows(table: Table, columns: dict[str, int], rows: list[dict[str, str]],
               total_labels: list[str] = ()) -> _Row | None:
    """The table's empty rows replaced by `rows` (column id → text), before its total row if
    it has one; returns the total row. A form's row with anything in it stays as it is."""
    body = list(table.rows)[1:]
    total = next((r for r in body if total_labels and _is_total(r, list(total_labels))), None)
    empty = [r for r in body if r is not total and not "".join(c.text for c in r.cells).strip()]
    if not rows or not empty:
        return total
    template = deepcopy(empty[0]._tr)
    for row in empty:
        row._tr.getparent().remove(row._tr)
    for values in rows:
        tr = deepcopy(template)
        if total is not None:
            total._tr.addprevious(tr)
        else:
            table._tbl.append(tr)
        cells = _Row(tr, table).cells
        for column, text in values.items():
            if column in columns and text:
                _write(cells[columns[column]], text)
    return total


def _fill_measures(document, kind: KindSpec, plan: Plan) -> None:
    role = kind.roles.measures
    found = _find(document, kind, role.table) if role is not None else None
    if found is None:
        return
    rows = []
    for goal in plan.goals:
        for n, measure in enumerate(goal.measures):
            rows.append({role.goal: goal.text if n == 0 else "", role.measure: measure.name,
                         role.baseline: measure.basmatning, role.target: measure.malvarde or "",
                         role.due: measure.tidpunkt or ""})
    _fill_rows(*found, [{k: v for k, v in row.items() if k} for row in rows])


def _fill_activities(document, kind: KindSpec, plan: Plan) -> None:
    role = kind.roles.activities
    found = _find(document, kind, role.table) if role is not None else None
    if found is not None:
        _fill_rows(*found, [{role.activity: name} for name in plan.planned_activities()])


def _fill_costs(document, kind: KindSpec, plan: Plan) -> None:
    role = kind.roles.report_costs
    found = _find(document, kind, role.table) if role is not None else None
    if found is None or not plan.budget:
        return
    table, columns = found
    rows = [{role.year: str(line.calendar_year), role.component: line.label, role.budget: amount_text(line.amount)}
            for line in plan.budget]
    total = _fill_rows(table, columns, rows, role.total_row)
    if total is not None and role.budget in columns:
        _write(total.cells[columns[role.budget]], amount_text(sum(line.amount for line in plan.budget)))


def _write(cell, text: str) -> None:
    """A cell's text, one paragraph per line, in the cell's first run's formatting without its
    colour (a placeholder's grey is not the answer's)."""
    paragraphs = cell.paragraphs
    first = paragraphs[0]
    for extra in paragraphs[1:]:
        extra._p.getparent().remove(extra._p)
    run = first._p.find(qn("w:r"))
    properties = deepcopy(run.find(qn("w:rPr"))) if run is not None and run.find(qn("w:rPr")) is not None else None
    if properties is not None:
        for colour in properties.findall(qn("w:color")):
            properties.remove(colour)
    lines = text.split("\n")
    template = deepcopy(first._p)
    for child in list(template):
        if child.tag != qn("w:pPr"):
            template.remove(child)
    _set_runs(first._p, lines[0], properties)
    anchor = first._p
    for line in lines[1:]:
        paragraph = deepcopy(template)
        _set_runs(paragraph, line, properties)
        anchor.addnext(paragraph)
        anchor = paragraph


def _set_runs(paragraph, text: str, properties) -> None:
    for child in list(paragraph):
        if child.tag != qn("w:pPr"):
            paragraph.remove(child)
    if not text:
        return
    run = etree.SubElement(paragraph, qn("w:r"))
    if properties is not None:
        run.append(deepcopy(properties))
    t = etree.SubElement(run, qn("w:t"))
    t.text = _xml_safe(text)
    if t.text != t.text.strip():
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")


_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _xml_safe(text: str) -> str:
    """Text a Word part can hold: the characters XML 1.0 forbids left out."""
    return _XML_ILLEGAL.sub("", text)

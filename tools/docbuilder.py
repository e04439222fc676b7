"""Build realistic filled-in drafts from the official templates.

Tests and sample generation need drafts that look like what applicants really send: the
official template, opened and filled in the many ways people do it — answers typed over
"Skriv här:", in tables, in content controls, in text boxes, with tracked changes left on,
headings renumbered, made bold instead of styled, or moved into a table; in Excel answers
typed in column B, further right, or in the row beneath, and rows or columns inserted.

    draft = WordDraft("tests/data/official/ideprovning.docx")
    draft.fill_field("Satsningens namn", "Läxhjälp i Vivalla")
    draft.answer("1. Behov som utgör utgångspunkt för idén", "Många elever …")
    draft.save(tmp_path / "utkast.docx")

The template file is only read, never written. Headings, labels and prompts are found by
their text (exact, else as a prefix, case and spacing ignored), so a builder step still works
after an earlier step renamed or moved things. python-docx is used where it can see what we
change; where it is blind (content controls, tracked changes, text boxes) we write the
WordprocessingML ourselves with lxml, the way Word writes it.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path

import docx
from docx.document import Document as DocxDocument
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

PLACEHOLDER_PREFIX = "skriv här"
CONTROL_PLACEHOLDER = "Klicka eller tryck här för att ange text."
AUTHOR = "Anna Lindqvist"
CHANGE_DATE = "2025-03-14T09:30:00Z"
FIXED_ZIP_TIME = (2025, 3, 14, 9, 30, 0)  # every saved part gets this time: stable bytes

_NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
       'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
       'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
       'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
       'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
       'xmlns:v="urn:schemas-microsoft-com:vml" '
       'xmlns:o="urn:schemas-microsoft-com:office:office"')


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def _same(found: str, wanted: str) -> bool:
    """Exact (case and spacing ignored), or `wanted` is a prefix of `found` ("Skriv här")."""
    f, w = _norm(found), _norm(wanted)
    return bool(w) and (f == w or f.startswith(w))


def _first(items, text: str, get_text):
    """The item whose text is `text` exactly, else the first that starts with it."""
    items = list(items)
    exact = [i for i in items if _norm(get_text(i)) == _norm(text)]
    return exact[0] if exact else next((i for i in items if _same(get_text(i), text)), None)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _lines(text: str) -> list[str]:
    return text.split("\n") if text else [""]


def normalise_zip(path: Path) -> None:
    """Rewrite an Office zip with fixed timestamps and a fixed 'modified' date, so that the
    same content always gives the same bytes."""
    with zipfile.ZipFile(path) as z:
        parts = [(info, z.read(info.filename)) for info in z.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for info, data in parts:
            if info.filename == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*(<)", rb"\g<1>2025-03-14T09:30:00Z\2", data)
            fixed = zipfile.ZipInfo(info.filename, FIXED_ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o600 << 16
            z.writestr(fixed, data)


# ---------------------------------------------------------------------------------------
# Word
# ---------------------------------------------------------------------------------------

class WordDraft:
    """An official Word template being filled in."""

    def __init__(self, template_path: str | Path | DocxDocument) -> None:
        # A python-docx Document already open (a pre-filled report not yet saved) is filled in
        # as it is; a path is opened.
        self.doc = template_path if isinstance(template_path, DocxDocument) else docx.Document(str(template_path))
        self.body = self.doc.element.body
        self._next_id = 100  # w:id of tracked changes, content controls and shapes
        self._row_tables: list = []  # tables made by heading_in_table_row, to append rows to

    # -- finding things ------------------------------------------------------------------
    def _new_id(self) -> str:
        self._next_id += 1
        return str(self._next_id)

    def _paragraph(self, p) -> Paragraph:
        return Paragraph(p, self.doc._body)

    @staticmethod
    def _is_heading(el) -> bool:
        if el.tag != qn("w:p"):
            return False
        style = el.find(qn("w:pPr") + "/" + qn("w:pStyle"))
        return style is not None and style.get(qn("w:val"), "").lower().startswith(("heading", "rubrik"))

    def heading(self, text: str):
        """The w:p of a heading (any top-level paragraph with that text)."""
        found = _first(self.body.iterchildren(qn("w:p")), text, lambda el: self._paragraph(el).text)
        if found is None:
            raise KeyError(f"heading not found: {text!r}")
        return found

    def section(self, heading: str) -> list:
        """The body elements after a heading, up to the next heading (or the end)."""
        found = []
        for el in self.heading(heading).itersiblings():
            if self._is_heading(el) or el.tag == qn("w:sectPr"):
                break
            found.append(el)
        return found

    def _guidance(self, heading: str):
        """The italic guidance paragraph right after a heading, if still there."""
        for el in self.section(heading):
            if el.tag == qn("w:p") and self._paragraph(el).text.strip():
                runs = self._paragraph(el).runs
                return el if runs and all(r.italic for r in runs) else None
        return None

    def _prompt(self, heading: str):
        """The 'Skriv här:' paragraph of a section."""
        for el in self.section(heading):
            if el.tag == qn("w:p") and _same(self._paragraph(el).text, PLACEHOLDER_PREFIX):
                return el
        raise KeyError(f"no 'Skriv här:' under {heading!r}")

    def table(self, first_cell: str) -> Table:
        """A table whose first cell reads `first_cell`."""
        for tbl in self.body.iter(qn("w:tbl")):
            table = Table(tbl, self.doc._body)
            if table.rows and _same(table.rows[0].cells[0].text, first_cell):
                return table
        raise KeyError(f"table not found: {first_cell!r}")

    # -- writing text ----------------------------------------------------------------------
    @staticmethod
    def _set_paragraph_text(paragraph: Paragraph, text: str, bold: bool | None = None) -> None:
        for r in list(paragraph._p.iterchildren(qn("w:r"), qn("w:ins"), qn("w:del"), qn("w:sdt"))):
            paragraph._p.remove(r)
        if text:
            paragraph.add_run(text).bold = bold

    def _new_paragraph(self, text: str = "", style: str | None = None, bold: bool | None = None):
        p = OxmlElement("w:p")
        para = self._paragraph(p)
        if style:
            para.style = self.doc.styles[style]
        if text:
            para.add_run(text).bold = bold
        return p

    def _replace(self, old, new_elements: list) -> None:
        for el in reversed(new_elements):
            old.addnext(el)
        old.getparent().remove(old)

    def _set_cell(self, cell, value: str) -> None:
        """A cell's text; several lines become separate paragraphs."""
        paragraphs = cell.paragraphs
        for extra in paragraphs[1:]:
            extra._p.getparent().remove(extra._p)
        lines = _lines(str(value))
        self._set_paragraph_text(paragraphs[0], lines[0])
        for line in lines[1:]:
            cell.add_paragraph(line)

    # -- metadata and tables ---------------------------------------------------------------
    def fill_field(self, label: str, value: str) -> None:
        """The answer cell of a metadata row 'label | Skriv här:'."""
        for tbl in self.body.iter(qn("w:tbl")):
            for row in Table(tbl, self.doc._body).rows:
                cells = row.cells
                if len(cells) >= 2 and _same(cells[0].text, label):
                    self._set_cell(cells[1], value)
                    return
        raise KeyError(f"field not found: {label!r}")

    def set_criterion(self, question: str, answer: str, motivation: str = "", header: str = "Kriterium") -> None:
        """A row of a criteria table: Kriterium | Ja/Nej | Motivering (the first header cell
        `header`: "Förutsättning" in the follow-up reports)."""
        table = self.table(header)
        for row in table.rows[1:]:
            if _same(row.cells[0].text, question):
                self._set_cell(row.cells[1], answer)
                self._set_cell(row.cells[2], motivation)
                return
        raise KeyError(f"criterion not found: {question!r}")

    def fill_table(self, header_first_cell: str, rows: list[list[object]]) -> None:
        """Fill a table below its header row. A row whose first value is already a row label
        of the template ("År 1", "Totalt") goes there; other rows fill the next empty row,
        and rows are added when the template has too few."""
        table = self.table(header_first_cell)
        used: set[int] = set()
        for values in rows:
            values = ["" if v is None else str(v) for v in values]
            body_rows = list(table.rows)[1:]
            target = next((i for i, r in enumerate(body_rows, 1)
                           if r.cells[0].text.strip() and _norm(r.cells[0].text) == _norm(values[0])), None)
            if target is None:
                target = next((i for i, r in enumerate(body_rows, 1)
                               if i not in used and not "".join(c.text for c in r.cells).strip()), None)
            if target is None:
                table.add_row()
                target = len(table.rows) - 1
            used.add(target)
            cells = table.rows[target].cells
            for cell, value in zip(cells, values):
                self._set_cell(cell, value)

    def sign(self, rows: list[list[str]]) -> None:
        """The 'Underskrifter' table: Förvaltningschef | Namn | Datum."""
        self.fill_table("Förvaltningschef", rows)

    def merge_vertically(self, header_first_cell: str, column: int, first_row: int, last_row: int) -> None:
        """Merge a column's cells over rows first_row..last_row (0 = header row)."""
        table = self.table(header_first_cell)
        table.cell(first_row, column).merge(table.cell(last_row, column))

    # -- sections ------------------------------------------------------------------------------
    def answer(self, heading: str, text: str, keep_guidance: bool = True, after_guidance: bool = False) -> None:
        """Type the answer over 'Skriv här:' (several lines → several paragraphs).
        keep_guidance=False deletes the italic guidance line; after_guidance=True types the
        answer at the end of the guidance paragraph instead (and deletes 'Skriv här:')."""
        prompt = self._prompt(heading)
        guidance = self._guidance(heading)
        if after_guidance and guidance is not None:
            self._paragraph(guidance).add_run(" " + text.replace("\n", " "))
            prompt.getparent().remove(prompt)
            return
        self._replace(prompt, [self._new_paragraph(line) for line in _lines(text)])
        if not keep_guidance and guidance is not None:
            guidance.getparent().remove(guidance)

    def answer_below_prompt(self, heading: str, text: str) -> None:
        """The answer typed on new lines under 'Skriv här:', which is left as it is."""
        prompt = self._prompt(heading)
        for paragraph in reversed([self._new_paragraph(line) for line in _lines(text)]):
            prompt.addnext(paragraph)

    def rename_heading(self, old: str, new: str) -> None:
        """The heading reworded (its style kept): "1 Problem och nuläge" for "1. Problemformulering …"."""
        self._set_paragraph_text(self._paragraph(self.heading(old)), new)

    def answer_with_subheading(self, heading: str, subheading: str, text: str) -> None:
        """An answer that opens with a bold subheading of the applicant's own ("Bakgrund")."""
        prompt = self._prompt(heading)
        self._replace(prompt, [self._new_paragraph(subheading, bold=True),
                               *(self._new_paragraph(line) for line in _lines(text))])

    def heading_as_bold(self, heading: str) -> None:
        """Normal style and a bold run instead of a heading style."""
        para = self._paragraph(self.heading(heading))
        text = para.text
        para.style = self.doc.styles["Normal"]
        self._set_paragraph_text(para, text, bold=True)

    def remove_section(self, heading: str) -> None:
        """The heading and everything up to the next heading."""
        head = self.heading(heading)
        for el in [head, *self.section(heading)]:
            el.getparent().remove(el)

    def _insert_table_after(self, anchor, rows: list[list[str]]) -> Table:
        table = self.doc.add_table(rows=len(rows), cols=max(len(r) for r in rows))
        table.style = self.doc.styles["Table Grid"]
        for row, values in zip(table.rows, rows):
            for cell, value in zip(row.cells, values):
                self._set_cell(cell, value)
        anchor.addnext(table._tbl)
        return table

    def answer_in_table(self, heading: str, text: str, label: str | None = None) -> None:
        """The answer typed into a 1x1 table under the heading, or a 2-column one
        'label | answer' when a label is given. 'Skriv här:' is deleted."""
        prompt = self._prompt(heading)
        anchor = prompt.getprevious()
        prompt.getparent().remove(prompt)
        self._insert_table_after(anchor, [[label, text] if label else [text]])

    def heading_in_table_row(self, heading: str, text: str) -> None:
        """The heading becomes the first cell of a table row, the answer the second cell.
        Consecutive sections moved this way share one table, like a form built as a table."""
        head = self.heading(heading)
        heading_text = self._paragraph(head).text
        before = head.getprevious()
        for el in [head, *self.section(heading)]:
            el.getparent().remove(el)
        if before is not None and before.tag == qn("w:tbl") and before in self._row_tables:
            row = Table(before, self.doc._body).add_row()
            self._set_cell(row.cells[0], heading_text)
            self._set_cell(row.cells[1], text)
        else:
            table = self._insert_table_after(before, [[heading_text, text]])
            self._row_tables.append(table._tbl)

    def answer_in_content_control(self, heading: str, text: str, showing_placeholder: bool = False,
                                  inline: bool = False) -> None:
        """The answer inside a content control (w:sdt), block-level or inline in the
        paragraph. showing_placeholder=True: the control still shows Word's placeholder
        text and carries w:showingPlcHdr (`text` is then ignored)."""
        prompt = self._prompt(heading)
        flag = "<w:showingPlcHdr/>" if showing_placeholder else ""
        shown = [CONTROL_PLACEHOLDER] if showing_placeholder else _lines(text)
        rpr = '<w:rPr><w:rStyle w:val="PlaceholderText"/></w:rPr>' if showing_placeholder else ""
        runs = [f'<w:r>{rpr}<w:t xml:space="preserve">{_escape(line)}</w:t></w:r>' for line in shown]
        props = (f'<w:sdtPr><w:alias w:val="Svar"/><w:tag w:val="svar"/><w:id w:val="{self._new_id()}"/>'
                 f'{flag}<w:text w:multiLine="1"/></w:sdtPr>')
        if inline:
            sdt = f"<w:sdt>{props}<w:sdtContent>{'<w:r><w:br/></w:r>'.join(runs)}</w:sdtContent></w:sdt>"
            new = parse_xml(f"<w:p {_NS}>{sdt}</w:p>")
        else:
            paragraphs = "".join(f"<w:p>{r}</w:p>" for r in runs)
            new = parse_xml(f"<w:sdt {_NS}>{props}<w:sdtContent>{paragraphs}</w:sdtContent></w:sdt>")
        self._replace(prompt, [new])

    def _tracked(self, heading: str, text: str, tag: str) -> None:
        prompt = self._prompt(heading)
        t = "w:delText" if tag == "w:del" else "w:t"
        run = f'<w:r><{t} xml:space="preserve">{_escape(text)}</{t}></w:r>'
        change = f'<{tag} w:id="{self._new_id()}" w:author="{AUTHOR}" w:date="{CHANGE_DATE}">{run}</{tag}>'
        self._replace(prompt, [parse_xml(f"<w:p {_NS}>{change}</w:p>")])

    def tracked_insertion(self, heading: str, text: str) -> None:
        """The answer typed with Spåra ändringar on: inside w:ins (it counts)."""
        self._tracked(heading, text, "w:ins")

    def tracked_deletion(self, heading: str, text: str) -> None:
        """An answer that was deleted with Spåra ändringar on: only w:del/w:delText remains
        where 'Skriv här:' was (the section has no answer)."""
        self._tracked(heading, text, "w:del")

    def answer_in_text_box(self, heading: str, text: str) -> None:
        """The answer in a floating text box, written as Word does: a DrawingML shape
        (mc:Choice, wps:txbx) and the same text again in a VML fallback (mc:Fallback)."""
        prompt = self._prompt(heading)
        inner = "".join(f'<w:p><w:r><w:t xml:space="preserve">{_escape(line)}</w:t></w:r></w:p>'
                        for line in _lines(text))
        shape_id = self._new_id()
        xml = f"""<w:p {_NS}><w:r><mc:AlternateContent>
<mc:Choice Requires="wps"><w:drawing><wp:anchor distT="0" distB="0" distL="114300" distR="114300"
 simplePos="0" relativeHeight="251659264" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">
<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH>
<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>
<wp:extent cx="5400000" cy="1200000"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapTopAndBottom/>
<wp:docPr id="{shape_id}" name="Textruta {shape_id}"/><wp:cNvGraphicFramePr/>
<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">
<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="5400000" cy="1200000"/></a:xfrm>
<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></wps:spPr>
<wps:txbx><w:txbxContent>{inner}</w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp>
</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>
<mc:Fallback><w:pict><v:shape id="Textruta{shape_id}" type="#_x0000_t202" style="width:425pt;height:94pt">
<v:textbox><w:txbxContent>{inner}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>
</mc:AlternateContent></w:r></w:p>"""
        self._replace(prompt, [parse_xml(xml)])

    # -- saving --------------------------------------------------------------------------------
    def save(self, path: str | Path) -> Path:
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        self.doc.core_properties.author = AUTHOR
        self.doc.core_properties.modified = dt.datetime(2025, 3, 14, 9, 30)
        self.doc.save(str(path))
        normalise_zip(path)
        return path


class ReportDraft(WordDraft):
    """A follow-up report (redovisning, slutrapport, uppföljande utvärdering) being filled in by
    a projektledare: from a form pre-filled from the plan (render/prefill.py), or a blank one.
    Its tables are found by their header cells and their columns by name, so the same steps
    fill Örebro's and Region Gävleborg's forms."""

    def _column(self, table: Table, name: str) -> int:
        """The index of the header cell starting with `name` ("Utfall", "varav")."""
        for i, cell in enumerate(table.rows[0].cells):
            if _same(cell.text, name):
                return i
        raise KeyError(f"column not found: {name!r}")

    def sections(self, texts: dict[str, str] | None = None, *, leave: tuple[str, ...] = (),
                 default: str = "Under perioden har arbetet gått enligt planen.") -> None:
        """Every numbered section typed over its 'Skriv här' (`texts` by heading prefix, else
        `default`), except those starting with a heading in `leave` (left as the form has them)."""
        texts = texts or {}
        for p in list(self.body.iterchildren(qn("w:p"))):
            if not self._is_heading(p):
                continue
            heading = self._paragraph(p).text
            if not heading[:1].isdigit() or any(_same(heading, h) for h in leave):
                continue
            text = next((t for h, t in texts.items() if _same(heading, h)), default)
            # The section's 'Skriv här:' found from its own heading (answer() would look the
            # heading up again by its text: a report has a dozen sections).
            for el in p.itersiblings():
                if self._is_heading(el) or el.tag == qn("w:sectPr"):
                    break  # a section that is only its table (Ekonomi, Förutsättningar)
                if el.tag == qn("w:p") and _same(self._paragraph(el).text, PLACEHOLDER_PREFIX):
                    self._replace(el, [self._new_paragraph(line) for line in _lines(text)])
                    break

    def outcomes(self, outcome) -> None:
        """The Mått table's Utfall: `outcome(goal, measure)` → the text, or None to leave it."""
        table = self.table("Mål")
        at = self._column(table, "Utfall")
        goal = ""
        for row in table.rows[1:]:
            goal = row.cells[0].text.strip() or goal
            text = outcome(goal, row.cells[1].text.strip())
            if text is not None:
                self._set_cell(row.cells[at], text)

    def activities(self, done, extra: list[tuple[str, str, str]] = ()) -> None:
        """The Aktiviteter table's Genomförd: `done(activity)` → Ja/Delvis/Nej (and a comment
        after a '|'), or None to leave it; `extra` rows (activity, done, comment) added."""
        table = self.table("Aktivitet")
        for row in table.rows[1:]:
            answer = done(row.cells[0].text.strip())
            if answer is not None:
                value, _, comment = answer.partition("|")
                self._set_cell(row.cells[1], value.strip())
                if comment:
                    self._set_cell(row.cells[2], comment.strip())
        for values in extra:
            row = table.add_row()
            for cell, value in zip(row.cells, values):
                self._set_cell(cell, value)

    def costs(self, fill) -> None:
        """The Ekonomi table: `fill(year, component)` → (utfall, varav fonden, prognos) as
        people type them ("1,1 mkr", "350 tkr", "95 000 kr", "" to leave a cell), or None to
        leave the row; a row without a year continues the year above."""
        table = self.table("Kalenderår")
        columns = [self._column(table, name) for name in ("Utfall", "varav", "Prognos")]
        year = ""
        for row in table.rows[1:]:
            year = row.cells[0].text.strip() or year
            component = row.cells[1].text.strip()
            if not component or _same(row.cells[0].text, "Totalt"):
                continue
            values = fill(year, component)
            for at, value in zip(columns, values or ()):
                if value:
                    self._set_cell(row.cells[at], value)

    def prerequisites(self, answer: str = "Ja", motivation: str = "Det gäller fortfarande.",
                      answers: dict[str, tuple[str, str]] | None = None) -> None:
        """The five förutsättningar: `answers` by question prefix, else `answer`, `motivation`."""
        table = self.table("Förutsättning")
        for row in table.rows[1:]:
            question = row.cells[0].text
            value, why = next((a for q, a in (answers or {}).items() if _same(question, q)), (answer, motivation))
            self.set_criterion(question, value, why, header="Förutsättning")


# ---------------------------------------------------------------------------------------
# Excel
# ---------------------------------------------------------------------------------------

class ExcelDraft:
    """An official Excel template being filled in (first sheet unless told otherwise)."""

    def __init__(self, template_path: str | Path, sheet: str | None = None) -> None:
        import openpyxl

        self.wb = openpyxl.load_workbook(str(template_path))
        self.ws = self.wb[sheet] if sheet else self.wb.worksheets[0]

    def use_sheet(self, name: str) -> None:
        """Fill in another sheet of the workbook from now on (a form whose parts are sheets)."""
        self.ws = self.wb[name]

    def find(self, text: str):
        """The first cell (row by row) whose text is `text` or starts with it."""
        cells = (c for row in self.ws.iter_rows() for c in row if isinstance(c.value, str))
        found = _first(cells, text, lambda c: c.value)
        if found is None:
            raise KeyError(f"cell not found: {text!r}")
        return found

    def fill_field(self, label: str, value: object, where: str = "right") -> None:
        """A metadata answer to the right of its label, or in the cell beneath it."""
        cell = self.find(label)
        row, col = (cell.row, cell.column + 1) if where == "right" else (cell.row + 1, cell.column)
        self.ws.cell(row, col, value)

    def answer(self, prompt_text: str, text: object, where: str = "B") -> None:
        """The answer to a prompt in column A:
        "B"     – typed over "Skriv här:" in the next column;
        "right" – typed two columns right of the prompt, "Skriv här:" left as it is;
        "below" – typed in the row beneath, under "Skriv här:"."""
        cell = self.find(prompt_text)
        row, col = {"B": (cell.row, cell.column + 1), "right": (cell.row, cell.column + 2),
                    "below": (cell.row + 1, cell.column + 1)}[where]
        self.ws.cell(row, col, text)

    def clear(self, prompt_text: str, where: str = "B") -> None:
        """Empty the answer cell of a prompt ("Skriv här:" deleted, nothing typed); `where` as
        in answer()."""
        cell = self.find(prompt_text)
        row, col = {"B": (cell.row, cell.column + 1), "right": (cell.row, cell.column + 2),
                    "below": (cell.row + 1, cell.column + 1)}[where]
        self.ws.cell(row, col).value = None

    def rename(self, text: str, new: str) -> None:
        """Reword a cell (a prompt or heading), keeping its formatting."""
        self.find(text).value = new

    def merge(self, cell_range: str) -> None:
        self.ws.merge_cells(cell_range)

    def insert_rows(self, idx: int, amount: int = 1) -> None:
        """Insert rows before row idx; everything below (merged ranges too) moves down."""
        self.ws.insert_rows(idx, amount)
        for rng in self.ws.merged_cells.ranges:
            if rng.min_row >= idx:
                rng.shift(row_shift=amount)

    def insert_cols(self, idx: int, amount: int = 1) -> None:
        """Insert columns before column idx (1 = A); everything right of it moves."""
        self.ws.insert_cols(idx, amount)
        for rng in self.ws.merged_cells.ranges:
            if rng.min_col >= idx:
                rng.shift(col_shift=amount)

    def grid_rows(self, rows: list[list[object]], merge_key: bool = True, header: str = "Mål") -> None:
        """Rows under the utvärderingsschema header (Mål | Aktiviteter | … | Basmätning).
        A row whose first value is None continues the goal above: its Mål cell is merged
        with the goal's (merge_key=True) or left blank (merge_key=False)."""
        head = self.find(header)
        first_col = head.column
        start = None
        for offset, values in enumerate(rows, start=1):
            r = head.row + offset
            for i, value in enumerate(values):
                if value is not None:
                    self.ws.cell(r, first_col + i, value)
            if values[0] is not None:
                start = r
            elif merge_key and start is not None:
                self._merge_down(first_col, start, r)

    def _merge_down(self, col: int, top: int, bottom: int) -> None:
        from openpyxl.utils import get_column_letter

        letter = get_column_letter(col)
        for rng in list(self.ws.merged_cells.ranges):
            if rng.min_col == col and rng.min_row == top:
                self.ws.unmerge_cells(str(rng))
        self.ws.merge_cells(f"{letter}{top}:{letter}{bottom}")

    def save(self, path: str | Path) -> Path:
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        fixed = dt.datetime(2025, 3, 14, 9, 30)
        self.wb.properties.creator = AUTHOR
        self.wb.properties.created = fixed
        self.wb.save(str(path))  # openpyxl stamps 'modified' itself; normalise_zip fixes it
        normalise_zip(path)
        return path


def copy_template(template_path: str | Path, path: str | Path) -> Path:
    """An untouched copy of a template (a draft nobody has started on)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(Path(template_path).read_bytes())
    return path


__all__ = ["WordDraft", "ExcelDraft", "copy_template", "normalise_zip", "CONTROL_PLACEHOLDER"]

"""Read every sheet of a workbook into rows of cells, merged ranges resolved.

A merged range's value lives in its top-left cell; the covered cells get the same text
with `merged_into` set, so a reader of rows (the utvärderingsschema) sees a goal merged
over several rows on each of them, while a reader of text counts it once.

The workbook is streamed with lxml (workbook.xml, its relationships, styles, shared
strings and each sheet) rather than loaded with openpyxl, which builds an object per cell
and style of every sheet before we can look at any of them:
- only what the blocks need is kept: the values of the first MAX_ROWS × MAX_COLUMNS
  cells of each sheet, their bold/italic, the merged ranges;
- limits are counted as the XML streams past: the cells a sheet covers
  (Limits.max_cells, as openpyxl would build them) and the text the blocks would hold
  (Limits.max_text_chars, counted per cell, so 12 000 cells showing one 1 MB shared
  string are 12 000 MB of text, refused, not built);
- ISO Strict workbooks are read like any other (their namespaces are mapped on the way in);
- several times faster than openpyxl for `socinv check`.
The blocks are the ones openpyxl's values gave (`data_only`: cached results of formulas,
numbers with a date format as dates); tests/test_xlsx_reader.py compares the two.
openpyxl is still what writes workbooks (the register, annotated copies).
"""

from __future__ import annotations

import datetime as dt
import re
import sys
import zipfile
from dataclasses import dataclass, field
from functools import lru_cache

from socinv_docs.limits import Limits
from socinv_docs.location import Location, column_letter
from socinv_docs.readers.blocks import Block, BlockKind, Cell, RawDocument
from socinv_docs.readers.ooxml import RELATIONSHIP_NS, main_part, relationships
from socinv_docs.readers.safety import (
    UnreadableFile,
    drain_member,
    iterparse_part,
    parse_part,
    too_deep,
    xml_events,
)

MAX_ROWS = 5000  # a form never has more; a sheet claiming a million rows is not read past this
MAX_COLUMNS = 60
# The code name of the review sheet an annotated copy carries (render/annotate.py). It is
# our summary of the findings, not the applicant's answer: never read it back as content,
# so checking an annotated copy gives the same findings as checking the original.
REVIEW_SHEET_CODENAME = "socinvReview"

S = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_S = "{" + S + "}"
_R_ID = "{" + RELATIONSHIP_NS + "}id"
_FULL_ROWS, _FULL_COLUMNS = 1_048_576, 16_384
# openpyxl looks a hyperlink to a merged cell up by scanning every merged range, so links
# times ranges is work too; past this many comparisons per allowed cell it is refused.
_LINK_LOOKUPS_PER_CELL = 5


def is_review_sheet(ws) -> bool:
    """Whether an openpyxl worksheet is our review sheet (for the annotator)."""
    return getattr(ws.sheet_properties, "codeName", None) == REVIEW_SHEET_CODENAME


def import_openpyxl():
    """Import openpyxl (only where a workbook is written: the register, annotated copies),
    and without numpy.

    openpyxl imports numpy, when it is installed, only to accept numpy numbers as cell
    values; nothing here writes any. numpy was almost half of openpyxl's import time (~70 ms).
    Hiding it during openpyxl's first import skips it; numpy stays importable afterwards.
    """
    if "openpyxl" not in sys.modules and "numpy" not in sys.modules:
        sys.modules["numpy"] = None  # type: ignore[assignment]  # `import numpy` → ImportError
        try:
            import openpyxl  # noqa: F401
        finally:
            if "numpy" in sys.modules and sys.modules["numpy"] is None:
                del sys.modules["numpy"]
    import openpyxl

    return openpyxl


# -- the workbook ---------------------------------------------------------------------------


@dataclass(slots=True)
class _Sheet:
    name: str  # the tab
    part: str  # the zip member


@dataclass(slots=True)
class _Styles:
    fonts: list[tuple[bool, bool]] = field(default_factory=list)  # (bold, italic) per font
    xf_fonts: list[int] = field(default_factory=list)  # font of each cell format (cellXfs)
    dates: set[int] = field(default_factory=set)  # cell formats that show a number as a date
    durations: set[int] = field(default_factory=set)  # … as a duration ([h]:mm)

    def font(self, style: int) -> tuple[bool, bool]:
        if 0 <= style < len(self.xf_fonts) and 0 <= self.xf_fonts[style] < len(self.fonts):
            return self.fonts[self.xf_fonts[style]]
        return False, False


class CellBudget:
    """What reading may build: cells covered (as openpyxl would create them) and text.
    The limit is over the whole workbook; a refusal names the sheet when that sheet alone
    holds more than the limit, else the workbook, each with its own count."""

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.cells = self.links = self.ranges = 0
        self.text = 0
        self._sheet: str | None = None
        self._sheet_starts_at = 0  # the workbook's count when the sheet being read began

    def add_cells(self, count: int, sheet: str, *, link: bool = False, merge: bool = False) -> None:
        if sheet != self._sheet:  # each reader goes through the sheets one after another
            self._sheet, self._sheet_starts_at = sheet, self.cells
        self.cells += count
        self.links += link
        self.ranges += merge
        limit = self.limits.max_cells
        if self.cells > limit or self.links * self.ranges > limit * _LINK_LOOKUPS_PER_CELL:
            own = self.cells - self._sheet_starts_at
            if self.cells > limit and own <= limit:  # the sheets together, none alone
                raise UnreadableFile("unreadable.too_many_cells_workbook", count=self.cells, limit=limit)
            raise UnreadableFile("unreadable.too_many_cells", sheet=sheet, count=own, limit=limit)

    def add_text(self, chars: int) -> None:
        self.text += chars
        if self.text > self.limits.max_text_chars:
            raise UnreadableFile("unreadable.too_much_text", limit=self.limits.max_text_chars)


def read_xlsx(path: str, archive: zipfile.ZipFile, limits: Limits | None = None, *,
              rows: int | None = None) -> RawDocument:
    """Read an already safety-checked .xlsx (or .xlsm, .xltx, Strict). Raises UnreadableFile
    for what it refuses, other exceptions on malformed content (the caller reports them).

    `rows`: read only the first rows of each sheet (RawDocument.complete tells whether that
    was all); merged ranges, listed after the rows, are then not resolved."""
    limits = limits or Limits.from_env()
    workbook = main_part(archive, limits, "xl/workbook.xml")
    if workbook is None:
        if any(n.lower().endswith("workbook.bin") for n in archive.namelist()):
            raise UnreadableFile("unreadable.xlsb")
        raise UnreadableFile("unreadable.missing_part", part="xl/workbook.xml")
    if workbook.lower().endswith(".bin"):
        raise UnreadableFile("unreadable.xlsb")  # Excel's binary workbook (.xlsb)
    rels = relationships(archive, workbook, limits)
    sheets, date1904 = _workbook(archive, workbook, rels, limits)
    by_type = {rel_type: target for rel_type, target in rels.values()}
    styles = _read_styles(archive, by_type.get("styles"), limits)
    strings = _read_shared_strings(archive, by_type.get("sharedStrings"), limits)
    epoch = MAC_EPOCH if date1904 else WINDOWS_EPOCH
    budget = CellBudget(limits)
    blocks: list[Block] = []
    read: list[str] = []
    complete = True
    for sheet in sheets:
        found = _read_sheet(archive, sheet, styles, strings, epoch, budget, limits, rows)
        if found is None:
            continue  # our own review sheet
        values, merges, whole = found
        complete &= whole
        read.append(sheet.name)
        rows_to_blocks(sheet.name, values, merges, blocks, budget)
    title = next((b.cells[0].text for b in blocks if b.cells), "")
    return RawDocument(path=path, format="xlsx", blocks=blocks, title=title, sheet_names=read, complete=complete)


def _workbook(archive, part: str, rels: dict[str, tuple[str, str]], limits: Limits) -> tuple[list[_Sheet], bool]:
    """The sheets in tab order (chartsheets have no cells) and whether dates count from 1904."""
    root = parse_part(archive, part, limits)
    if root.tag != _S + "workbook":
        raise UnreadableFile("unreadable.unknown_xml", part=part)
    props = root.find(_S + "workbookPr")
    date1904 = props is not None and _bool(props.get("date1904"), False)
    sheets = []
    container = root.find(_S + "sheets")
    for el in container if container is not None else ():
        rel = rels.get(el.get(_R_ID) or "")
        if el.tag != _S + "sheet" or rel is None or rel[0] == "chartsheet":
            continue
        sheets.append(_Sheet(name=el.get("name") or "", part=rel[1]))
    return sheets, date1904


def _bool(value: str | None, default: bool) -> bool:
    """An OOXML boolean as openpyxl reads it: absent → default; 'false', 'f', '0' → False."""
    if value is None:
        return default
    return value not in ("false", "f", "0")


def _int(value: str | None, default: int = 0) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


# -- styles: bold, italic, date formats ---------------------------------------------------


def _read_styles(archive, part: str | None, limits: Limits) -> _Styles:
    styles = _Styles()
    if part is None:
        part = "xl/styles.xml" if "xl/styles.xml" in set(archive.namelist()) else None
    if part is None:
        return styles
    formats: dict[int, str] = {}
    xf_formats: list[int] = []
    for event, el in iterparse_part(archive, part, limits):
        if event != "end":
            continue
        parent = el.getparent()
        where = parent.tag if parent is not None else None
        if el.tag == _S + "font" and where == _S + "fonts":
            b, i = el.find(_S + "b"), el.find(_S + "i")
            styles.fonts.append((b is not None and _bool(b.get("val"), True),
                                 i is not None and _bool(i.get("val"), True)))
        elif el.tag == _S + "xf" and where == _S + "cellXfs":
            styles.xf_fonts.append(_int(el.get("fontId")))
            xf_formats.append(_int(el.get("numFmtId")))
        elif el.tag == _S + "numFmt" and where == _S + "numFmts":
            formats[_int(el.get("numFmtId"), -1)] = el.get("formatCode") or ""
        else:
            continue
        _drop(el)
    for index, fmt_id in enumerate(xf_formats):
        fmt = formats.get(fmt_id, BUILTIN_FORMATS.get(fmt_id))
        if _is_date_format(fmt):
            styles.dates.add(index)
        if is_duration_format(fmt):
            styles.durations.add(index)
    return styles


def _drop(el) -> None:
    """Free an element already used, and its finished siblings: no tree is kept."""
    el.clear(keep_tail=False)
    parent = el.getparent()
    if parent is not None:
        while el.getprevious() is not None:
            del parent[0]


# Built-in number formats that show a date or time (ids of the standard formats Excel does
# not write out; the same table openpyxl uses).
BUILTIN_FORMATS = {14: "mm-dd-yy", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy", 18: "h:mm AM/PM",
                   19: "h:mm:ss AM/PM", 20: "h:mm", 21: "h:mm:ss", 22: "m/d/yy h:mm", 45: "mm:ss",
                   46: "[h]:mm:ss", 47: "mmss.0"}
_QUOTED_OR_LOCALE = re.compile(r'".*?"|\[(?!hh?\]|mm?\]|ss?\])[^\]]*\]')
_DATE_CODE = re.compile(r"(?<![_\\])[dmhysDMHYS]")
_DURATION = re.compile(r"\[hh?\](:mm(:ss(\.0*)?)?)?|\[mm?\](:ss(\.0*)?)?|\[ss?\](\.0*)?", re.I)


def _is_date_format(fmt: str | None) -> bool:
    if not fmt:
        return False
    return _DATE_CODE.search(_QUOTED_OR_LOCALE.sub("", fmt.split(";")[0])) is not None


def is_duration_format(fmt: str | None) -> bool:
    return bool(fmt) and _DURATION.search(fmt.split(";")[0]) is not None


# -- shared strings -------------------------------------------------------------------------


def _read_shared_strings(archive, part: str | None, limits: Limits) -> list[str]:
    if part is None:
        return []
    strings: list[str] = []
    for event, el in iterparse_part(archive, part, limits):
        if event == "end" and el.tag == _S + "si":
            # Excel escapes "_x" in text as "_x005F_x"; openpyxl drops the escape, so do we.
            # Stripped here, once: stripping per cell made a copy of the text for each cell.
            strings.append(_rich_text(el).replace("x005F_", "").strip())
            _drop(el)
    return strings


def _rich_text(el) -> str:
    """The text of a string item (<si>, <is>): its <t>, or its runs' <t>; phonetic guides
    (<rPh>) are not part of the text."""
    parts = []
    for child in el:
        if child.tag == _S + "t":
            parts.append(child.text or "")
        elif child.tag == _S + "r":
            t = child.find(_S + "t")
            if t is not None and t.text:
                parts.append(t.text)
    return "".join(parts)


# -- one sheet ------------------------------------------------------------------------------

_COORDINATE = re.compile(r"^\$?([A-Za-z]{1,3})\$?(\d+)$")
# A cell kept for the blocks: (text, bold, italic).
CellValue = tuple[str, bool, bool]


def _read_sheet(archive, sheet: _Sheet, styles: _Styles, strings: list[str], epoch: dt.datetime,
                budget: CellBudget, limits: Limits, rows: int | None):
    """({(row, col): value} for the cells in the window, [merged ranges], whether the whole
    sheet was read), or None for our review sheet. Every <c> of the sheet counts towards
    Limits.max_cells (openpyxl would build them all), but only the window is kept; with
    `rows`, reading stops at the first row past it. The hot loop of reading a workbook:
    the nesting is counted here rather than through another generator, and a row's cells
    are freed with their row."""
    cell_tag, row_tag, merge_tag, link_tag, props_tag = _S + "c", _S + "row", _S + "mergeCell", _S + "hyperlink", \
        _S + "sheetPr"
    values: dict[tuple[int, int], CellValue] = {}
    merges: list[tuple[int, int, int, int]] = []
    row = column = 0  # where a cell without a reference ("r") is: after the previous one
    depth, deepest = 0, limits.xml_depth
    with xml_events(archive, sheet.part, limits) as events:
        for event, el in events:
            tag = el.tag
            if event == "start":
                depth += 1
                if depth > deepest:
                    raise too_deep(sheet.part, limits)
                if tag == row_tag:
                    row = _int(el.get("r"), row + 1)
                    column = 0
                    if rows is not None and row > rows:
                        return values, merges, False
                elif depth == 1:
                    if isinstance(tag, str) and tag.endswith("}worksheet") and not tag.startswith(_S):
                        # A worksheet in a namespace we do not know: never read it as empty.
                        raise UnreadableFile("unreadable.unknown_xml", part=sheet.name)
                elif tag == props_tag and el.get("codeName") == REVIEW_SHEET_CODENAME:
                    return None
                continue
            depth -= 1
            if tag == cell_tag:
                budget.add_cells(1, sheet.name)
                ref = _COORDINATE.match(el.get("r") or "")
                if ref:
                    cell_row, column = int(ref.group(2)), _column_index(ref.group(1))
                else:
                    cell_row, column = row, column + 1
                if 0 < cell_row <= MAX_ROWS and 0 < column <= MAX_COLUMNS:
                    value = _cell_value(el, styles, strings, epoch)
                    if value is not None:
                        budget.add_text(len(value[0]))  # counted as it is kept, before anything is built of it
                        values[(cell_row, column)] = value
                    else:
                        values.pop((cell_row, column), None)
            elif tag == row_tag:
                _drop(el)
            elif tag == merge_tag:
                ref = el.get("ref") or ""
                budget.add_cells(_cells_in(ref), sheet.name, merge=True)
                area = _range(ref)
                if area is not None:
                    merges.append(area)
                _drop(el)
            elif tag == link_tag:
                budget.add_cells(_cells_in(el.get("ref") or ""), sheet.name, link=True)
                _drop(el)
    return values, merges, True


@lru_cache(maxsize=4096)
def _column_index(letters: str) -> int:
    index = 0
    for ch in letters.upper():
        index = index * 26 + ord(ch) - 64
    return index


def _range(ref: str) -> tuple[int, int, int, int] | None:
    """(min_row, min_col, max_row, max_col) of "A1:C3", "A:B" (whole columns), "1:2" (whole
    rows) or "B4"; None when it is no range (openpyxl would refuse it)."""
    ref = ref.replace("$", "").strip()
    if not ref or " " in ref:
        return None
    start, _, end = ref.partition(":")
    end = end or start
    bounds = []
    for part in (start, end):
        m = re.fullmatch(r"([A-Za-z]{0,3})(\d*)", part)
        if m is None or not (m.group(1) or m.group(2)):
            return None
        bounds.append((int(m.group(2)) if m.group(2) else None, _column_index(m.group(1)) if m.group(1) else None))
    (r1, c1), (r2, c2) = bounds
    r1, r2 = r1 or 1, r2 or _FULL_ROWS
    c1, c2 = c1 or 1, c2 or _FULL_COLUMNS
    return min(r1, r2), min(c1, c2), max(r1, r2), max(c1, c2)


def _cells_in(ref: str) -> int:
    """Cells a reference covers ("A1:C3"; several may be space-separated)."""
    total = 0
    for part in ref.split() or [""]:
        area = _range(part)
        if area is None:
            total += 1  # openpyxl refuses it itself; count it as one cell
            continue
        r1, c1, r2, c2 = area
        total += (r2 - r1 + 1) * (c2 - c1 + 1)
    return total


def _cell_value(el, styles: _Styles, strings: list[str], epoch: dt.datetime) -> CellValue | None:
    """A cell's text as openpyxl's value would read (data_only: a formula's cached result),
    with its font's bold and italic; None when the cell holds no value."""
    kind = el.get("t", "n")
    style = _int(el.get("s"))
    if kind == "inlineStr":
        inline = el.find(_S + "is")
        text = _rich_text(inline).strip() if inline is not None else None
    else:
        raw = el.findtext(_S + "v") or None
        if raw is None:
            return None
        text = _text_of(raw, kind, style, styles, strings, epoch)
    if text is None:
        return None
    return (text, *styles.font(style))


def _text_of(raw: str, kind: str, style: int, styles: _Styles, strings: list[str], epoch: dt.datetime) -> str:
    try:
        if kind == "s":
            index = int(raw)
            return strings[index] if 0 <= index < len(strings) else ""  # stripped when read
        if kind == "n":
            number = float(raw) if ("." in raw or "E" in raw or "e" in raw) else int(raw)
            if style in styles.dates:
                try:
                    return shown(from_excel(number, epoch, style in styles.durations))
                except (OverflowError, ValueError):
                    return "#VALUE!"
            return shown(number)
        if kind == "b":
            return shown(bool(int(raw)))
        if kind == "d":
            return shown(_from_iso(raw))
    except (ValueError, OverflowError):
        pass  # a value its type does not allow: shown as written
    return raw.strip()  # "str" (a formula's text), "e" (an error such as #N/A), unknown types


def shown(value: object) -> str:
    """A value as the blocks show it (numbers without a needless .0, dates as ISO)."""
    if isinstance(value, bool):
        return "Ja" if value else "Nej"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (dt.datetime, dt.date)):
        if isinstance(value, dt.datetime) and value.time() == dt.time(0):
            return value.date().isoformat()
        return value.isoformat()
    return str(value).strip()


# Excel's serial dates, as openpyxl converts them (openpyxl.utils.datetime.from_excel).
WINDOWS_EPOCH = dt.datetime(1899, 12, 30)
MAC_EPOCH = dt.datetime(1904, 1, 1)


def from_excel(value: float, epoch: dt.datetime, duration: bool):
    if duration:
        td = dt.timedelta(days=value)
        if td.microseconds:
            td = dt.timedelta(seconds=td.total_seconds() // 1, microseconds=round(td.microseconds, -3))
        return td
    day, fraction = divmod(value, 1)
    diff = dt.timedelta(milliseconds=round(fraction * 86400 * 1000))
    if 0 <= value < 1 and diff.days == 0:
        minutes, seconds = divmod(diff.seconds, 60)
        hours, minutes = divmod(minutes, 60)
        return dt.time(hours, minutes, seconds, diff.microseconds)
    if 0 < value < 60 and epoch == WINDOWS_EPOCH:
        day += 1  # Excel's 1900-02-29, which never was
    return epoch + dt.timedelta(days=day) + diff


_ISO = re.compile(r"(?:(\d{4})-(\d{2})-(\d{2}))?T?(?:(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,3})?)?)?Z?")


def _from_iso(text: str):
    """A t="d" cell (ISO 8601, which Strict workbooks use for dates), as openpyxl reads it."""
    m = _ISO.match(text)
    if not m or not any(m.groups()):
        raise ValueError(text)
    year, month, day, hour, minute, second, fraction = m.groups()
    clock = (int(hour or 0), int(minute or 0), int(second or 0), int(float(fraction) * 1_000_000) if fraction else 0)
    if year is None:
        return dt.time(*clock)
    if hour is None:
        return dt.date(int(year), int(month), int(day))
    return dt.datetime(int(year), int(month), int(day), *clock)


# -- rows into blocks -----------------------------------------------------------------------


def rows_to_blocks(sheet: str, values: dict[tuple[int, int], CellValue], merges: list[tuple[int, int, int, int]],
                   blocks: list[Block], budget: CellBudget) -> None:
    """The sheet's rows as blocks: every cell with text, in column order; a cell a merged
    range covers shows the range's text (once per covered cell, marked merged_into)."""
    origin_of: dict[tuple[int, int], tuple[int, int]] = {}
    for r1, c1, r2, c2 in merges:
        for r in range(r1, min(r2, MAX_ROWS) + 1):
            for c in range(c1, min(c2, MAX_COLUMNS) + 1):
                if (r, c) != (r1, c1):
                    origin_of[(r, c)] = (r1, c1)  # a later range wins, as in openpyxl
    by_row: dict[int, dict[int, tuple[int, int] | None]] = {}
    for (r, c) in values:
        if (r, c) not in origin_of:
            by_row.setdefault(r, {})[c] = None
    for (r, c), origin in origin_of.items():
        if origin in values:
            by_row.setdefault(r, {})[c] = origin
    for r in sorted(by_row):
        cells: list[Cell] = []
        row = by_row[r]
        for col in sorted(row):
            origin = row[col]
            text, bold, italic = values[origin or (r, col)]
            if not text:
                continue
            if origin:  # the range's text once more, for each cell it covers
                budget.add_text(len(text))
            cells.append(Cell(
                text=text,
                column=col - 1,
                location=Location(sheet=sheet, cell=f"{column_letter(col)}{r}", row=r, column=col),
                merged_into=f"{column_letter(origin[1])}{origin[0]}" if origin else None,
                bold=bold,
                italic=italic,
            ))
        if cells:
            blocks.append(Block(
                kind=BlockKind.ROW,
                text="\t".join(c.text for c in cells if c.merged_into is None),
                location=Location(sheet=sheet, cell=cells[0].location.cell, row=r, block=len(blocks)),
                cells=cells,
                bold=cells[0].bold,
                italic=cells[0].italic,
                sheet=sheet,
                row=r,
            ))


# -- before openpyxl loads a workbook (the register, annotated copies) ------------------------
#
# openpyxl (in the normal, not read-only, mode) creates one object per cell a merged range
# covers and one per cell a hyperlink range covers. `<mergeCell ref="A1:XFD1048576"/>` is 60
# bytes of XML and 17 billion objects: no size limit on the file catches it. So before
# openpyxl opens a workbook, its sheets are counted with the same streaming parse the reader
# uses, and the parts openpyxl parses get the XML limits.

# Parts openpyxl never parses as XML: legacy drawings (VML, often not well-formed: Excel
# writes an unclosed <br> in form buttons) and binary parts.
_NOT_PARSED_BY_OPENPYXL = (".vml", ".bin")


def check_workbook(archive: zipfile.ZipFile, limits: Limits) -> None:
    """Raise UnreadableFile when openpyxl would build too many cells, a part it parses breaks
    an XML limit, a member's stream does not end at its declared size (openpyxl reads them
    with zipfile, in one call), or the workbook part is missing. A limit hit names the
    sheet's tab."""
    workbook = main_part(archive, limits, "xl/workbook.xml")
    if workbook is None or workbook.lower().endswith(".bin"):
        raise UnreadableFile("unreadable.xlsb" if workbook else "unreadable.missing_part", part="xl/workbook.xml")
    rels = relationships(archive, workbook, limits)
    sheets, _ = _workbook(archive, workbook, rels, limits)
    tabs = {s.part: s.name for s in sheets}
    budget = CellBudget(limits)
    for info in archive.infolist():
        name = info.filename
        if info.is_dir():
            continue
        if name not in tabs and (name.lower().endswith(_NOT_PARSED_BY_OPENPYXL)
                                 or not name.lower().endswith((".xml", ".rels"))):
            drain_member(archive, info)  # images, fonts, VML: only the stream's size
            continue
        tab = tabs.get(name)
        # Every part: the XML limits (size, prologue, nesting) and well-formedness; sheets:
        # the cells openpyxl would create.
        for event, el in iterparse_part(archive, name, limits):
            if event != "end":
                continue
            if tab is not None:
                if el.tag == _S + "c":
                    budget.add_cells(1, tab)
                elif el.tag == _S + "mergeCell":
                    budget.add_cells(_cells_in(el.get("ref") or ""), tab, merge=True)
                elif el.tag == _S + "hyperlink":
                    budget.add_cells(_cells_in(el.get("ref") or ""), tab, link=True)
            _drop(el)

"""Read every sheet of a workbook into rows of cells, merged ranges resolved.

A merged range's value lives in its top-left cell; the covered cells get the same text
with `merged_into` set, so a reader of rows (the utvärderingsschema) sees a goal merged
over several rows on each of them, while a reader of text counts it once.
"""

from __future__ import annotations

import datetime as dt
import sys
import warnings
import zipfile
from pathlib import Path

from socinv_docs.limits import Limits
from socinv_docs.location import Location, column_letter
from socinv_docs.readers.blocks import Block, BlockKind, Cell, RawDocument

MAX_ROWS = 5000  # a form never has more; a sheet claiming a million rows is not read past this
MAX_COLUMNS = 60
# The code name of the review sheet an annotated copy carries (render/annotate.py). It is
# our summary of the findings, not the applicant's answer: never read it back as content,
# so checking an annotated copy gives the same findings as checking the original.
REVIEW_SHEET_CODENAME = "socinvReview"


def is_review_sheet(ws) -> bool:
    return getattr(ws.sheet_properties, "codeName", None) == REVIEW_SHEET_CODENAME


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Ja" if value else "Nej"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (dt.datetime, dt.date)):
        if isinstance(value, dt.datetime) and value.time() == dt.time(0):
            return value.date().isoformat()
        return value.isoformat()
    return str(value).strip()


def import_openpyxl():
    """Import openpyxl (here, not at the top: `socinv check x.docx` never pays for it), and
    without numpy.

    openpyxl imports numpy, when it is installed, only to accept numpy numbers as cell
    values; nothing here writes any. numpy was almost half of openpyxl's import time (~70 ms
    of every `socinv check` on an .xlsx). Hiding it during openpyxl's first import skips
    it; numpy stays importable for anything else afterwards.
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


def read_xlsx(path: str) -> RawDocument:
    """Read an already safety-checked .xlsx. Raises on malformed content (caller reports)."""
    openpyxl = import_openpyxl()

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # openpyxl warns about unknown extensions, data validation
        wb = openpyxl.load_workbook(Path(path), data_only=True, read_only=False)
    try:
        blocks: list[Block] = []
        sheets = [ws for ws in wb.worksheets if not is_review_sheet(ws)]
        for ws in sheets:
            merged: dict[tuple[int, int], tuple[int, int]] = {}
            for rng in ws.merged_cells.ranges:
                for r in range(rng.min_row, min(rng.max_row, MAX_ROWS) + 1):
                    for c in range(rng.min_col, min(rng.max_col, MAX_COLUMNS) + 1):
                        if (r, c) != (rng.min_row, rng.min_col):
                            merged[(r, c)] = (rng.min_row, rng.min_col)
            max_row = min(ws.max_row or 0, MAX_ROWS)
            max_col = min(ws.max_column or 0, MAX_COLUMNS)
            values: dict[tuple[int, int], object] = {}
            for row in ws.iter_rows(min_row=1, max_row=max_row, max_col=max_col):
                for c in row:
                    if getattr(c, "value", None) is not None:
                        values[(c.row, c.column)] = c
            for r in range(1, max_row + 1):
                cells: list[Cell] = []
                for col in range(1, max_col + 1):
                    origin = merged.get((r, col))
                    source = values.get(origin or (r, col))
                    if source is None:
                        continue
                    text = _cell_text(source.value)
                    if not text:
                        continue
                    font = source.font
                    address = f"{column_letter(col)}{r}"
                    cells.append(Cell(
                        text=text,
                        column=col - 1,
                        location=Location(sheet=ws.title, cell=address, row=r, column=col),
                        merged_into=f"{column_letter(origin[1])}{origin[0]}" if origin else None,
                        bold=bool(font and font.b),
                        italic=bool(font and font.i),
                    ))
                if cells:
                    blocks.append(Block(
                        kind=BlockKind.ROW,
                        text="\t".join(c.text for c in cells if c.merged_into is None),
                        location=Location(sheet=ws.title, cell=cells[0].location.cell, row=r,
                                          block=len(blocks)),
                        cells=cells,
                        bold=cells[0].bold,
                        italic=cells[0].italic,
                        sheet=ws.title,
                        row=r,
                    ))
        title = next((b.cells[0].text for b in blocks if b.cells), "")
        return RawDocument(path=path, format="xlsx", blocks=blocks, title=title,
                           sheet_names=[ws.title for ws in sheets])
    finally:
        wb.close()


# -- before openpyxl: cells it would create ------------------------------------------------
#
# openpyxl (in the normal, not read-only, mode we need for merged cells) creates one object
# per cell a merged range covers (a MergedCell, then formats its borders) and one per cell a
# hyperlink range covers. `<mergeCell ref="A1:XFD1048576"/>` is 60 bytes of XML and 17
# billion objects: no size limit on the file catches it. So the sheets are counted first,
# with a streaming parse that keeps no tree, and refused past Limits.max_cells.

_SHEET_NAMESPACES = ("http://schemas.openxmlformats.org/spreadsheetml/2006/main",
                     "http://purl.oclc.org/ooxml/spreadsheetml/main")
_FULL_ROWS, _FULL_COLUMNS = 1_048_576, 16_384
# openpyxl looks a hyperlink to a merged cell up by scanning every merged range, so links
# times ranges is work too; past this many comparisons per allowed cell it is refused.
_LINK_LOOKUPS_PER_CELL = 5


def _area(ref: str) -> int:
    """Cells covered by a reference like "A1:C3" (several may be space-separated)."""
    from openpyxl.utils.cell import range_boundaries

    total = 0
    for part in ref.split():
        try:
            min_col, min_row, max_col, max_row = range_boundaries(part.replace("$", ""))
        except (ValueError, TypeError):
            total += 1  # openpyxl will refuse it itself; count it as one cell
            continue
        # A whole-column ("A:A") or whole-row ("1:1") reference has open ends.
        rows = (max_row or _FULL_ROWS) - (min_row or 1) + 1
        cols = (max_col or _FULL_COLUMNS) - (min_col or 1) + 1
        total += max(rows, 1) * max(cols, 1)
    return total


def check_workbook(archive: zipfile.ZipFile, limits: Limits) -> None:
    """Raise UnreadableFile when openpyxl would build too many cells, or a part is missing.

    Every member that looks like XML is scanned (relationships may give a sheet any name);
    only SpreadsheetML elements are counted, so drawings and charts add nothing.
    """
    from lxml import etree

    from socinv_docs.readers.safety import (
        PROLOGUE_MAX,
        ZIP_READ_ERRORS,
        UnreadableFile,
        is_depth_error,
        too_deep,
        xml_head_text,
    )

    names = set(archive.namelist())
    if "xl/workbook.xml" not in names and not any(n.endswith("workbook.xml") for n in names):
        raise UnreadableFile("unreadable.missing_part", part="xl/workbook.xml")
    cells = links = ranges = 0
    for info in archive.infolist():
        if info.is_dir():
            continue
        try:
            with archive.open(info) as fh:
                if xml_head_text(fh.read(PROLOGUE_MAX), info.filename) is None:
                    continue
            with archive.open(info) as fh:
                # Same hardening as the readers: no DTD, no entities, no network, depth limit.
                events = etree.iterparse(fh, events=("start", "end"), resolve_entities=False, load_dtd=False,
                                         no_network=True, huge_tree=False, remove_comments=True)
                depth = 0
                for event, el in events:
                    # Nesting is counted here, while streaming: openpyxl's parser has no depth
                    # limit and its readers recurse (Limits.max_xml_depth).
                    if event == "start":
                        depth += 1
                        if depth > limits.xml_depth:
                            raise too_deep(info.filename, limits)
                        continue
                    depth -= 1
                    tag = el.tag if isinstance(el.tag, str) else ""
                    ns, _, local = tag[1:].partition("}")
                    if ns in _SHEET_NAMESPACES:
                        if local == "c":
                            cells += 1
                        elif local == "mergeCell":
                            cells += _area(el.get("ref") or "")
                            ranges += 1
                        elif local == "hyperlink":
                            cells += _area(el.get("ref") or "")
                            links += 1
                    if cells > limits.max_cells or links * ranges > limits.max_cells * _LINK_LOOKUPS_PER_CELL:
                        raise UnreadableFile("unreadable.too_many_cells", sheet=info.filename,
                                             count=cells, limit=limits.max_cells)
                    # Keep no tree: drop each element once seen (and its finished siblings).
                    el.clear(keep_tail=False)
                    parent = el.getparent()
                    if parent is not None:
                        while el.getprevious() is not None:
                            del parent[0]
        except ZIP_READ_ERRORS:
            raise UnreadableFile("unreadable.corrupt") from None
        except etree.XMLSyntaxError as exc:
            if is_depth_error(exc):
                raise too_deep(info.filename, limits) from None
            raise

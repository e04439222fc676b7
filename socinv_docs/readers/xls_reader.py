"""Read a legacy Excel workbook (.xls, Excel 97–2003) into the same blocks as an .xlsx.

Some funders still publish their forms as .xls. xlrd (a well-kept reader of the binary
BIFF format, which we would not parse ourselves) loads it; the cells are turned into
blocks by the .xlsx reader's own code (xlsx_reader.rows_to_blocks), with the same window
(MAX_ROWS × MAX_COLUMNS), the same limits (cells covered, text kept) and values shown the
same way, so a form saved as .xls gives the findings it gives as .xlsx.
"""

from __future__ import annotations

import io
from pathlib import Path

from socinv_docs.limits import Limits
from socinv_docs.readers import xlsx_reader
from socinv_docs.readers.blocks import Block, RawDocument
from socinv_docs.readers.safety import UnreadableFile
from socinv_docs.readers.xlsx_reader import (
    MAC_EPOCH,
    WINDOWS_EPOCH,
    CellBudget,
    CellValue,
    from_excel,
    is_duration_format,
    rows_to_blocks,
    shown,
)

# BOLD in a FONT record's weight; xlrd's own `bold` flag is the deprecated option bit.
_BOLD_WEIGHT = 700
# What xlrd says about a file it cannot read, at most this long in the reason.
_SAID_CHARS = 80


class _Discard(io.TextIOBase):
    """Where xlrd's diagnostics go. It prints them ("WARNING *** file size … not 512 +
    multiple of sector size", "_locate_stream(Workbook): seen" and a dump of sectors) to
    its `logfile`, by default our standard output, where they broke `--format json`."""

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        return len(text)


def read_xls(path: str | Path, limits: Limits | None = None, *, rows: int | None = None) -> RawDocument:
    """Read a .xls (the file passed check_file's size limit). Raises UnreadableFile: what
    xlrd cannot read is "unreadable.xls_failed" with its own words (a binary file, no XML)."""
    import xlrd

    try:
        return _read(xlrd, path, limits or Limits.from_env(), rows)
    except (UnreadableFile, MemoryError):
        raise
    except Exception as exc:  # XLRDError, and xlrd's own checks (CompDocError, assert) on a damaged file
        if isinstance(exc, xlrd.XLRDError) and "encrypt" in str(exc).lower():
            raise UnreadableFile("unreadable.encrypted") from None
        raise UnreadableFile("unreadable.xls_failed", detail=_what_xlrd_said(exc)) from None


def _what_xlrd_said(exc: Exception) -> str:
    """xlrd's message, short: its first clause ("Unsupported format, or corrupt file:
    Expected BOF record", without the bytes it found), or the kind of error where it says
    nothing (an assertion inside xlrd)."""
    said = " ".join(str(exc).split()).split("; ")[0]
    if not said:
        return type(exc).__name__
    return said if len(said) <= _SAID_CHARS else said[: _SAID_CHARS - 1] + "…"


def _read(xlrd, path: str | Path, limits: Limits, rows: int | None) -> RawDocument:
    # formatting_info: merged ranges and fonts; on_demand: one sheet in memory at a time.
    # ignore_workbook_corruption: some writers (PhpSpreadsheet) let the root's short-stream
    # chain run on into the Workbook stream's sectors; Excel and LibreOffice open such a
    # file, xlrd refuses it unless told ("Workbook corruption: seen[3] == 4"). xlrd still
    # reads no more of a stream than its declared size.
    book = xlrd.open_workbook(str(path), formatting_info=True, on_demand=True, logfile=_Discard(), verbosity=0,
                              ignore_workbook_corruption=True)
    try:
        epoch = MAC_EPOCH if book.datemode == 1 else WINDOWS_EPOCH
        budget = CellBudget(limits)
        blocks: list[Block] = []
        complete = True
        for index, name in enumerate(book.sheet_names()):
            sheet = book.sheet_by_index(index)
            values, merges, whole = _sheet(book, sheet, epoch, budget, rows)
            complete &= whole
            rows_to_blocks(name, values, merges, blocks, budget)
            book.unload_sheet(index)
        title = next((b.cells[0].text for b in blocks if b.cells), "")
        return RawDocument(path=str(path), format="xlsx", blocks=blocks, title=title,
                           sheet_names=list(book.sheet_names()), complete=complete)
    finally:
        book.release_resources()


def _sheet(book, sheet, epoch, budget: CellBudget, rows: int | None):
    """({(row, col): value} in the window, merged ranges, whether every row was read), rows
    and columns 1-based as in an .xlsx."""
    import xlrd

    name = sheet.name
    budget.add_cells(sum(sheet.row_len(r) for r in range(sheet.nrows)), name)
    merges = []
    for rlo, rhi, clo, chi in sheet.merged_cells:  # 0-based, ends exclusive
        budget.add_cells((rhi - rlo) * (chi - clo), name, merge=True)
        merges.append((rlo + 1, clo + 1, rhi, chi))
    last_row = min(sheet.nrows, xlsx_reader.MAX_ROWS, rows if rows is not None else sheet.nrows)
    values: dict[tuple[int, int], CellValue] = {}
    for r in range(last_row):
        for c in range(min(sheet.row_len(r), xlsx_reader.MAX_COLUMNS)):
            cell = sheet.cell(r, c)
            if cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
                continue
            xf = book.xf_list[cell.xf_index] if cell.xf_index is not None else None
            text = _text(book, cell, xf, epoch)
            budget.add_text(len(text))
            font = book.font_list[xf.font_index] if xf is not None and xf.font_index < len(book.font_list) else None
            bold = font is not None and (font.weight >= _BOLD_WEIGHT or bool(font.bold))
            italic = font is not None and bool(font.italic)
            values[(r + 1, c + 1)] = (text, bold, italic)
    return values, merges, last_row >= min(sheet.nrows, xlsx_reader.MAX_ROWS)


def _text(book, cell, xf, epoch) -> str:
    import xlrd

    if cell.ctype == xlrd.XL_CELL_TEXT:
        return str(cell.value).strip()
    if cell.ctype == xlrd.XL_CELL_BOOLEAN:
        return shown(bool(cell.value))
    if cell.ctype == xlrd.XL_CELL_ERROR:
        return xlrd.error_text_from_code.get(cell.value, "#VALUE!")
    if cell.ctype == xlrd.XL_CELL_DATE:
        fmt = book.format_map.get(xf.format_key) if xf is not None else None
        try:
            return shown(from_excel(cell.value, epoch, is_duration_format(fmt.format_str if fmt else None)))
        except (OverflowError, ValueError):
            return "#VALUE!"
    return shown(cell.value)  # a number

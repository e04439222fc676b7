"""The look of the tool's sheets: number formats, the header, body cells, shared styles.

Setting a style through openpyxl costs a lookup per attribute and cell, so each kind of
body cell is styled once and the others share that style (SharedStyles).
"""

from __future__ import annotations

from collections.abc import Callable
from copy import copy
from typing import Any

from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

from socinv_docs.render.workbook.spec import Colour, Column

# Numbers are right-aligned; '_)' leaves a space after them (Excel's and Calc's own way;
# Calc ignores an indent on right-aligned cells), so that a count never runs into the next
# column's text.
KRONOR_FORMAT = '#,##0 "kr"_)'  # shown '1 250 000 kr' by a Swedish Excel
RATIO_FORMAT = "0.00_)"
COUNT_FORMAT = "0_)"
PERCENT_FORMAT = "0 %_)"
DATE_FORMAT = "yyyy-mm-dd hh:mm"
DAY_FORMAT = "yyyy-mm-dd"
NUMBER_FORMATS = {"kr": KRONOR_FORMAT, "ratio": RATIO_FORMAT, "pct": PERCENT_FORMAT, "int": COUNT_FORMAT,
                  "date": DATE_FORMAT, "day": DAY_FORMAT}
NUMERIC = ("int", "kr", "ratio", "pct")

HEADER_FILL = "1F4E78"
HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_BACKGROUND = PatternFill("solid", fgColor=HEADER_FILL)
_HEADER_ALIGN = Alignment(wrap_text=True, vertical="center")
_HEADER_EDGE = Border(bottom=Side(style="thin", color="FFFFFF"))
TOP = Alignment(vertical="top")
TOP_WRAP = Alignment(vertical="top", wrap_text=True)
_NUMBER_ALIGN = Alignment(horizontal="right", vertical="top")
_QUIET = Font(color="808080", size=8)  # the tool's hidden bookkeeping, if someone shows it
_LINK = Font(color="0563C1", underline="single")
NOTE_FONT = Font(italic=True, color="595959")  # a note of the tool's beside a table

# Status colours, as Excel's own cell styles Good, Neutral and Bad; grey for a row whose
# thing is gone.
GOOD = Colour("C6EFCE", "006100")
NEUTRAL = Colour("FFEB9C", "9C5700")
BAD = Colour("FFC7CE", "9C0006")
GONE = Colour("D9D9D9", "595959", bold=False)


def style_header(cell) -> None:
    """A header cell of a table: white bold on dark blue, wrapped, a thin white line under it."""
    cell.font = HEADER_FONT
    cell.fill = HEADER_BACKGROUND
    cell.alignment = _HEADER_ALIGN
    cell.border = _HEADER_EDGE


class SharedStyles:
    """Body cells of one kind share one style array.

    Shared, not copied (a copy per cell was a tenth of the build): openpyxl changes a cell's
    style array in place when one attribute is set, so nothing may set a font, fill or
    alignment on a body cell after it got a shared style (a sheet is written once, then saved)."""

    def __init__(self) -> None:
        self._styles: dict[tuple, Any] = {}

    def apply(self, cell, key: tuple, make: Callable[[Any], None]) -> None:
        """Give `cell` the style of kind `key`, made by `make(cell)` the first time."""
        if key in self._styles:
            cell._style = self._styles[key]
        else:
            make(cell)
            self._styles[key] = copy(cell._style)


def column_style(col: Column, link: bool) -> Callable[[Any], None]:
    """How a tool cell of `col` looks: its number format and alignment, a link's blue."""
    def make(cell) -> None:
        if col.type in NUMBER_FORMATS:
            cell.number_format = NUMBER_FORMATS[col.type]
        cell.alignment = _NUMBER_ALIGN if col.type in NUMERIC else (TOP_WRAP if col.wrap else TOP)
        if col.hidden:
            cell.font = _QUIET
        if link:
            cell.font = _LINK
    return make


def align_with_row(cell) -> None:
    """A cell people typed without a format: at the top and wrapped like the tool's cells."""
    cell.alignment = Alignment(horizontal=cell.alignment.horizontal, vertical="top", wrap_text=True,
                               indent=cell.alignment.indent)


def their_style(col: Column | None) -> Callable[[Any], None]:
    """An empty cell of people's own on a tool row: wrapped at the top; in a typed column
    of theirs (the processledare's Beviljat belopp, Start) with its number format, so that
    what they type shows as kronor or a date."""
    def make(cell) -> None:
        if col is not None and col.type in NUMBER_FORMATS:
            cell.number_format = NUMBER_FORMATS[col.type]
            cell.alignment = _NUMBER_ALIGN if col.type in NUMERIC else TOP
        else:
            cell.alignment = TOP_WRAP
    return make

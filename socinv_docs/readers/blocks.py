"""What readers return: blocks of text in document order, each with a human location.

A Word body becomes paragraphs and table rows; an Excel sheet becomes rows of cells.
Extraction works on these alone, so it never needs to know which format it came from.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING

from socinv_docs.location import Location

if TYPE_CHECKING:  # a type name only: carried_plan.py reads parts with what builds on this module
    from socinv_docs.readers.carried_plan import CarriedPlan


class BlockKind(StrEnum):
    PARAGRAPH = "paragraph"
    ROW = "row"  # a table row (Word) or a sheet row (Excel)


@dataclass(slots=True)
class Cell:
    text: str
    location: Location
    column: int  # 0-based
    placeholder: bool = False  # a content control still showing its placeholder
    merged_into: str | None = None  # set on the covered cells of a merged range (Excel)
    bold: bool = False
    italic: bool = False


@dataclass(slots=True)
class Block:
    kind: BlockKind
    text: str  # a paragraph's text; for a row, its cells' texts joined by tabs
    location: Location
    cells: list[Cell] = field(default_factory=list)
    heading_level: int | None = None  # from the style or outline level (Word)
    bold: bool = False  # every visible character is bold
    italic: bool = False  # every visible character is italic
    placeholder: bool = False  # contains a content control showing its placeholder
    sheet: str | None = None  # Excel sheet name
    row: int | None = None  # 1-based Excel row, or 0-based row inside a Word table
    table: int | None = None  # 1-based Word table number
    element: object = None  # the XML element (Word) or None; for annotated copies


@dataclass(slots=True)
class RawDocument:
    """Everything a reader saw: the blocks plus what kind detection needs."""

    path: str
    format: str  # "docx" or "xlsx"
    blocks: list[Block]
    title: str = ""
    sheet_names: list[str] = field(default_factory=list)
    # False when the reader was asked for the start only (the first rows of each sheet) and
    # stopped before the end: enough to see whether the file can be a template at all.
    complete: bool = True
    # How the file was made readable, when it was not read as it is: "libreoffice" for a
    # legacy .doc converted to .docx first (readers.legacy). The report says so.
    converted: str | None = None
    # The file is an annotated copy this tool wrote (readers.annotated_copy).
    annotated_copy: bool = False
    # The plan a pre-filled report carries, or a note on one it carries but cannot be used
    # (readers.carried_plan); None: it carries none.
    carried_plan: CarriedPlan | None = None

"""Where something is in a file, kept structured so every output can say it its own way:
text reports print "rubrik '3. Målgrupp'", annotated copies anchor a comment there.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from socinv_docs.messages import text


@dataclass(frozen=True, slots=True)
class Location:
    heading: str | None = None  # a heading's text as the applicant wrote it
    paragraph: int | None = None  # 1-based paragraph number in the body (Word)
    table: int | None = None  # 1-based table number (Word)
    row: int | None = None  # 1-based row (Word table row, or Excel row)
    column: int | None = None  # 1-based column
    sheet: str | None = None  # Excel sheet
    cell: str | None = None  # Excel address, e.g. "B14"
    label: str | None = None  # a field label or criterion text as found
    block: int | None = None  # index into the reader's block list (for annotation)
    # For something missing: it belongs "before" or "after" the place named here.
    position: str = "at"
    # A Word table as a person sees it (the numbers above count every table and row, the
    # form's field table and header rows included): the table's caption, else the heading
    # above it, else its header cells; the row's first cell; the column's header cell.
    table_name: str | None = None
    row_label: str | None = None
    column_name: str | None = None

    def __reduce__(self):
        # Positional, for pickling: a validate worker sends ~40 Locations per report, and the
        # dataclass default (a __setstate__ looking up the fields each time) took half of the
        # main process's unpickling.
        return (Location, tuple(getattr(self, name) for name in self.__slots__))

    def to_json(self) -> dict:
        """The fields that are set, for the JSON `where` object (SPEC §5). `block` is the
        reader's internal index and not part of the contract."""
        data = {name: getattr(self, name) for name in
                ("sheet", "cell", "paragraph", "table", "row", "column", "heading", "label", "table_name",
                 "row_label", "column_name")
                if getattr(self, name) is not None}
        if self.position != "at":
            data["position"] = self.position
        return data

    @property
    def whole_document(self) -> bool:
        """It names no place narrower than the file: describe() says "the document"."""
        return self.position == "at" and not (
            (self.sheet and self.cell) or self.heading or self.label
            or (self.table is not None and self.row is not None) or (self.sheet and self.row is not None)
            or self.paragraph is not None)

    def describe(self, lang: str = "sv") -> str:
        if self.position in ("before", "after"):
            inner = replace(self, position="at").describe(lang)
            return text(f"loc.missing_{self.position}", lang, where=inner)
        if self.sheet and self.cell:
            return f"{self.sheet}!{self.cell}"
        if self.heading:
            return text("loc.heading", lang, heading=self.heading)
        if self.label:
            return text("loc.label", lang, label=self.label)
        if self.table is not None and self.row is not None:
            return self._table_place(lang)
        if self.sheet and self.row is not None:  # a table's header row in Excel
            return text("loc.sheet_row", lang, sheet=self.sheet, row=self.row)
        if self.paragraph is not None:
            return text("loc.paragraph", lang, n=self.paragraph)
        return text("loc.document", lang)


    def _table_place(self, lang: str) -> str:
        """'tabellen '7. Kostnader för genomförande', raden 'Totalt'' (a Word table row or
        cell), by names where the reader found them, else by number."""
        parts = [text("loc.table_named", lang, name=self.table_name) if self.table_name
                 else text("loc.table_number", lang, n=self.table),
                 text("loc.row_named", lang, name=self.row_label) if self.row_label
                 else text("loc.row_number", lang, n=self.row)]
        if self.column is not None:
            parts.append(text("loc.column_named", lang, name=self.column_name) if self.column_name
                         else text("loc.column_number", lang, n=self.column))
        return ", ".join(parts)


def column_letter(col: int) -> str:
    """Excel's column name for a 1-based column number: 1 → 'A', 28 → 'AB'."""
    letters = ""
    while col:
        col, rem = divmod(col - 1, 26)
        letters = chr(65 + rem) + letters
    return letters

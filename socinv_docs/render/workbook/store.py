"""A sheet the tool keeps its own records on, out of people's way.

The follow-up workbook keeps what must never change once made (a satsning's frozen plan,
the due dates computed for it) inside the workbook itself, so that the file people keep is
the whole record. The sheet is very hidden (not listed by Excel's Unhide; LibreOffice shows
it as hidden): a record is a row of key cells and its text split over cells of at most
CHUNK characters (a cell holds 32 767). Everything is written as text, never a formula,
whatever it starts with.
"""

from __future__ import annotations

from socinv_docs.render.workbook.cells import put_text

CHUNK = 30_000


def write_store(wb, title: str, header: tuple[str, ...], records: list[tuple[tuple[str, ...], str]]) -> None:
    """The store sheet `title` anew at the end of the workbook: `header` in its first row
    (key columns, then the text's), one row per record (keys, then the text in chunks)."""
    if title in wb.sheetnames:
        wb.remove(wb[title])
    ws = wb.create_sheet(title)
    for c, text in enumerate(header, start=1):
        put_text(ws.cell(row=1, column=c), text)
    keys = len(header) - 1
    for r, (key, text) in enumerate(records, start=2):
        for c, part in enumerate(key, start=1):
            put_text(ws.cell(row=r, column=c), part)
        chunks = [text[i:i + CHUNK] for i in range(0, len(text), CHUNK)] or [""]
        for c, chunk in enumerate(chunks, start=keys + 1):
            put_text(ws.cell(row=r, column=c), chunk)
    ws.sheet_state = "veryHidden"


def read_store(wb, title: str, keys: int) -> list[tuple[tuple[str, ...], str]]:
    """The records of the store sheet `title` (none when there is no such sheet): each row's
    `keys` key cells and its text put together again. A row whose cells are not text (someone
    typed there) is no record."""
    if title not in wb.sheetnames:
        return []
    out = []
    for row in wb[title].iter_rows(min_row=2, values_only=True):
        if not row or row[0] is None:
            continue
        key, parts = row[:keys], [v for v in row[keys:] if v is not None]
        if not all(isinstance(v, str) for v in (*key, *parts)):
            continue
        out.append((tuple(key), "".join(parts)))
    return out

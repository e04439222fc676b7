"""The register's sheet Listor: the group's drop-down choices, and the drop-downs on
Ansökningar that use them. Made once, then the group's: they keep as many choices there as
they like, and a run never writes it again."""

from __future__ import annotations

from openpyxl.utils import get_column_letter, quote_sheetname, range_boundaries
from openpyxl.worksheet.datavalidation import DataValidation

from socinv_docs import messages
from socinv_docs.render.register.sheets import submissions
from socinv_docs.render.workbook.cells import put_text
from socinv_docs.render.workbook.merge import Row, Slot
from socinv_docs.render.workbook.read import norm
from socinv_docs.render.workbook.spec import both
from socinv_docs.render.workbook.styles import HEADER_BACKGROUND, HEADER_FONT, NOTE_FONT
from socinv_docs.render.workbook.table import row_ranges

SHEET_KEY = "register.sheet.lists"  # "Listor"
# Columns of Ansökningar with a drop-down list, in Listor's order: column id -> its choices.
LISTS = {"beslut": "register.list.beslut", "bedomning": "register.list.bedomning"}

# The drop-down lists of the group's columns live on a sheet the group edits. Their choices
# are the group's words (Swedish in both languages, like the columns); Bedömning uses the
# guidelines' own: "bedömer om idéprövningen uppfyller uppsatta kriterier", "bedömer om den
# är komplett och därmed kan hanteras vidare" (Örebro), "begära in kompletterande underlag"
# (Mölndal).
WORDS = {
    SHEET_KEY: both("Listor", "Listor"),
    "register.list.beslut": both("Bifall\nAvslag\nÅterremiss\nBordläggs", "Bifall\nAvslag\nÅterremiss\nBordläggs"),
    "register.list.bedomning": both(
        "Uppfyller kriterierna\nUppfyller inte kriterierna\nKomplett, kan hanteras vidare\nInte komplett\n"
        "Kompletterande underlag begärs",
        "Uppfyller kriterierna\nUppfyller inte kriterierna\nKomplett, kan hanteras vidare\nInte komplett\n"
        "Kompletterande underlag begärs"),
    "register.lists.note": both(  # one line per row beside the lists
        "Listorna ger valen i rullgardinsmenyerna på bladet Ansökningar.\n"
        "Lägg till, ändra eller ta bort val här: ett per rad, under rubriken, utan tomma rader.\n"
        "socinv-docs skriver aldrig över det här bladet.",
        "These lists give the choices of the drop-down menus on the sheet Ansökningar.\n"
        "Add, change or remove choices here: one per row, under the heading, without empty rows.\n"
        "socinv-docs never overwrites this sheet."),
    "register.list.not_listed": both(
        "Inte i listan", "Not in the list", "Värdet finns inte i listan på bladet Listor. Vill du använda det ändå?",
        "The value is not in the list on the sheet Listor. Use it anyway?"),
}
_WORDS = messages.catalogue(WORDS)


def title() -> str:
    return _WORDS.text(SHEET_KEY, "sv")  # fixed, the same in every language


def lists_sheet(wb, lang: str):
    """The sheet Listor with the drop-down choices: made once, then the group's."""
    name = title()
    if name in wb.sheetnames:
        return wb[name]
    ws = wb.create_sheet(name)
    for c, col_id in enumerate(LISTS, start=1):
        col = submissions.SHEET.by_id[col_id]
        head = ws.cell(row=1, column=c, value=submissions.SHEET.header(col, lang))
        head.font = HEADER_FONT
        head.fill = HEADER_BACKGROUND
        for r, choice in enumerate(_WORDS.text(LISTS[col_id], lang).split("\n"), start=2):
            put_text(ws.cell(row=r, column=c), choice)
        ws.column_dimensions[head.column_letter].width = 32
    for r, line in enumerate(_WORDS.text("register.lists.note", lang).split("\n"), start=1):
        note = ws.cell(row=r, column=len(LISTS) + 2)
        put_text(note, line)
        note.font = NOTE_FONT
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    return ws


def list_validations(ws, slots: list[Slot], rows: list[Row], lists, lang: str) -> None:
    """Drop-downs on Bedömning and Förslag till beslut, on every row of the tool's. The
    choices come from the sheet Listor (as many as the group keeps there); other values are
    allowed after a warning, for the cases no list foresees."""
    tool_rows = row_ranges([n for n, row in enumerate(rows, start=2) if row.values is not None])
    if not tool_rows:
        return
    # A column where the group made a validation of their own keeps only theirs.
    theirs = set()
    for dv in ws.data_validations.dataValidation:
        for ref in str(dv.sqref).split():
            min_col, _, max_col, _ = range_boundaries(ref if ":" in ref else f"{ref}:{ref}")
            theirs.update(range(min_col or 1, (max_col or 16384) + 1))
    list_cols = {norm(c.value): c.column_letter for c in lists[1] if c.value not in (None, "")}
    sheet = quote_sheetname(lists.title)
    title_, text = _WORDS.text("register.list.not_listed", lang), _WORDS.hint("register.list.not_listed", lang)
    for k, slot in enumerate(slots, start=1):
        if slot.col is None or slot.col.id not in LISTS or k in theirs:
            continue
        letter = list_cols.get(norm(submissions.SHEET.header(slot.col, lang))) or list_cols.get(norm(slot.header))
        if letter is None:
            continue  # the group removed that list
        source = (f"OFFSET({sheet}!${letter}$2,0,0,MAX(1,COUNTA({sheet}!${letter}$2:${letter}$500)),1)")
        dv = DataValidation(type="list", formula1=source, allow_blank=True, showErrorMessage=True,
                            errorStyle="warning", errorTitle=title_, error=text)
        col = get_column_letter(k)
        dv.sqref = " ".join(f"{col}{a}:{col}{b}" for a, b in tool_rows)
        ws.add_data_validation(dv)

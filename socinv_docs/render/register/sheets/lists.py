"""The register's sheet Listor: the group's drop-down choices, and the drop-downs on
Ansökningar that use them. Made once, then the group's: they keep as many choices there as
they like, and a run never writes it again."""

from __future__ import annotations

from socinv_docs import messages
from socinv_docs.render.register.sheets import submissions
from socinv_docs.render.workbook.lists import ChoiceList
from socinv_docs.render.workbook.lists import list_validations as make_list_validations
from socinv_docs.render.workbook.lists import lists_sheet as make_lists_sheet
from socinv_docs.render.workbook.merge import Row, Slot
from socinv_docs.render.workbook.spec import both

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
    lists = [ChoiceList(submissions.SHEET.header(col_id, lang), _WORDS.text(key, lang).split("\n"))
             for col_id, key in LISTS.items()]
    return make_lists_sheet(wb, title(), lists, _WORDS.text("register.lists.note", lang).split("\n"))


def list_validations(ws, slots: list[Slot], rows: list[Row], lists, lang: str) -> None:
    """Drop-downs on Bedömning and Förslag till beslut, on every row of the tool's, from the
    sheet Listor."""
    headers = {col_id: [submissions.SHEET.header(col_id, lang)] for col_id in LISTS}
    make_list_validations(ws, slots, rows, lists, headers,
                          (_WORDS.text("register.list.not_listed", lang), _WORDS.hint("register.list.not_listed", lang)))

"""The follow-up workbook's sheet Listor: the processledare's drop-down choices — the status
only they set on Satsningar (Avbruten, Implementerad), Överhoppad and Förslag till beslut on
Rapporter — made once, then theirs."""

from __future__ import annotations

from socinv_docs import messages
from socinv_docs.followup_report import Decision
from socinv_docs.render.followup.sheets import rapporter, satsningar
from socinv_docs.render.workbook.lists import ChoiceList
from socinv_docs.render.workbook.lists import list_validations as make_list_validations
from socinv_docs.render.workbook.lists import lists_sheet as make_lists_sheet
from socinv_docs.render.workbook.merge import Row, Slot

SHEET_KEY = "followup.sheet.lists"

WORDS = {
    SHEET_KEY: {"sv": messages.Text("Listor"), "en": messages.Text("Listor")},
    "followup.lists.note": {
        "sv": messages.Text("Listorna ger valen i rullgardinsmenyerna på bladen Satsningar (Status) och Rapporter "
                            "(Överhoppad, Förslag till beslut).\nLägg till, ändra eller ta bort val här: ett per rad, "
                            "under rubriken, utan tomma rader.\nsocinv-docs skriver aldrig över det här bladet."),
        "en": messages.Text("These lists give the choices of the drop-down menus on the sheets Satsningar (Status) "
                            "and Rapporter (Överhoppad, Förslag till beslut).\nAdd, change or remove choices here: one "
                            "per row, under the heading, without empty rows.\nsocinv-docs never overwrites this sheet.")},
    "followup.lists.not_listed": {
        "sv": messages.Text("Inte i listan", "Värdet finns inte i listan på bladet Listor. Vill du använda det ändå?"),
        "en": messages.Text("Not in the list", "The value is not in the list on the sheet Listor. Use it anyway?")},
}
_WORDS = messages.catalogue(WORDS)


def title() -> str:
    return _WORDS.text(SHEET_KEY, "sv")


def _lists(lang: str) -> list[tuple[object, str, ChoiceList]]:
    """(sheet, column id, its list) of every drop-down."""
    manual = [satsningar.SHEET.text(f"followup.sat.state.{state}", lang) for state in satsningar.MANUAL]
    skip = [rapporter.SHEET.text("followup.rap.skip_yes", lang)]
    decisions = [rapporter.SHEET.text(f"followup.rap.decision.{d.value}", lang) for d in Decision]
    return [(satsningar.SHEET, satsningar.MANUAL_COLUMN,
             ChoiceList(satsningar.SHEET.header(satsningar.MANUAL_COLUMN, lang), manual)),
            (rapporter.SHEET, "overhoppad", ChoiceList(rapporter.SHEET.header("overhoppad", lang), skip)),
            (rapporter.SHEET, rapporter.DECISION_COLUMN,
             ChoiceList(rapporter.SHEET.header(rapporter.DECISION_COLUMN, lang), decisions))]


def lists_sheet(wb, lang: str):
    return make_lists_sheet(wb, title(), [choice for _, _, choice in _lists(lang)],
                            _WORDS.text("followup.lists.note", lang).split("\n"))


def list_validations(spec, ws, slots: list[Slot], rows: list[Row], lists, lang: str) -> None:
    """The drop-downs of `spec`'s sheet, from Listor."""
    headers = {col_id: [choice.header] for sheet, col_id, choice in _lists(lang) if sheet is spec}
    make_list_validations(ws, slots, rows, lists, headers,
                          (_WORDS.text("followup.lists.not_listed", lang), _WORDS.hint("followup.lists.not_listed", lang)))

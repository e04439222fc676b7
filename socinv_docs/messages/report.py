"""The words of every report: statuses, section states, severities, counts, the economics
block, locations, and the parts every finding's words share (lists, the funder's source)."""

from __future__ import annotations

from socinv_docs.messages.core import Text

WORDS: dict[str, dict[str, Text]] = {
    # -- what every message may use: lists, and the funder's own words a rule rests on ----------
    "ui.and": {"sv": Text("och"), "en": Text("and")},
    "ui.or": {"sv": Text("eller"), "en": Text("or")},
    "ui.source": {"sv": Text("Enligt {funder}: ”{source}”"), "en": Text("{funder}'s rule: “{source}”")},
    # -- locations ------------------------------------------------------------------------
    "loc.heading": {"sv": Text("rubrik '{heading}'"), "en": Text("heading '{heading}'")},
    "loc.label": {"sv": Text("rad '{label}'"), "en": Text("row '{label}'")},
    # A Word table, row and column: by what a person sees (caption or heading, the row's
    # first cell, the column's header) where the reader found it, else by number.
    "loc.table_named": {"sv": Text("tabellen '{name}'"), "en": Text("the table '{name}'")},
    "loc.table_number": {"sv": Text("tabell {n}"), "en": Text("table {n}")},
    "loc.row_named": {"sv": Text("raden '{name}'"), "en": Text("row '{name}'")},
    "loc.row_number": {"sv": Text("rad {n}"), "en": Text("row {n}")},
    "loc.column_named": {"sv": Text("kolumnen '{name}'"), "en": Text("column '{name}'")},
    "loc.column_number": {"sv": Text("kolumn {n}"), "en": Text("column {n}")},
    "loc.sheet_row": {"sv": Text("bladet {sheet}, rad {row}"), "en": Text("sheet {sheet}, row {row}")},
    "loc.paragraph": {"sv": Text("stycke {n}"), "en": Text("paragraph {n}")},
    "loc.document": {"sv": Text("dokumentet"), "en": Text("the document")},
    "loc.missing_before": {"sv": Text("saknas (hör hemma före {where})"), "en": Text("missing (belongs before {where})")},
    "loc.missing_after": {"sv": Text("saknas (hör hemma efter avsnittet under {where})"),
                          "en": Text("missing (belongs after the section under {where})")},
    # -- report words ---------------------------------------------------------------------
    "ui.status.complete": {"sv": Text("KOMPLETT"), "en": Text("COMPLETE")},
    "ui.status.incomplete": {"sv": Text("OFULLSTÄNDIG"), "en": Text("INCOMPLETE")},
    "ui.status.unreadable": {"sv": Text("KAN INTE LÄSAS"), "en": Text("UNREADABLE")},
    "ui.status.skipped": {"sv": Text("EJ KONTROLLERAD"), "en": Text("NOT CHECKED")},
    # A submission without a mandatory attachment is never called complete, also where
    # checking the document alone makes that a warning (report.missing_attachments).
    "ui.missing_attachments": {"sv": Text("Inte komplett förrän den skickas tillsammans med {attachments:and}."),
                               "en": Text("Not complete until it is sent together with the {attachments:and}.")},
    "ui.state.ok": {"sv": Text("ifyllt"), "en": Text("filled in")},
    "ui.state.missing": {"sv": Text("saknas"), "en": Text("missing")},
    "ui.state.empty": {"sv": Text("tomt"), "en": Text("empty")},
    "ui.state.placeholder": {"sv": Text("platshållartext kvar"), "en": Text("placeholder left")},
    "ui.state.too_short": {"sv": Text("för kort"), "en": Text("too short")},
    "ui.state.unanswered": {"sv": Text("inte besvarat (frivilligt)"), "en": Text("not answered (optional)")},
    "ui.severity.error": {"sv": Text("FEL"), "en": Text("ERROR")},
    "ui.severity.warning": {"sv": Text("VARNING"), "en": Text("WARNING")},
    "ui.counts": {"sv": Text("{errors:num} {error_word}, {warnings:num} {warning_word}"),
                  "en": Text("{errors:num} {error_word}, {warnings:num} {warning_word}")},
    # A word that counts: Text(CLDR plural form 'one', form 'other'); messages.counts chooses.
    "ui.word.error": {"sv": Text("fel", "fel"), "en": Text("error", "errors")},
    "ui.word.warning": {"sv": Text("varning", "varningar"), "en": Text("warning", "warnings")},
    "ui.sections": {"sv": Text("Avsnitt"), "en": Text("Sections")},
    "ui.findings": {"sv": Text("Brister"), "en": Text("Problems")},
    "ui.no_findings": {"sv": Text("Inga brister hittades."), "en": Text("No problems found.")},
    "ui.submission": {"sv": Text("Ansökan (inskick)"), "en": Text("Submission")},
    "ui.converted.libreoffice": {"sv": Text("Obs: filen har det äldre Word-formatet .doc och lästes efter att LibreOffice konverterat en kopia till .docx; spara den som .docx för att vara säker på resultatet."),
                                 "en": Text("Note: the file is in the old Word format .doc and was read after LibreOffice converted a copy to .docx; save it as .docx to be sure of the result.")},
    "ui.annotated_copy": {"sv": Text("Obs: filen är en kommenterad kopia från socinv-docs. Rätta i ert original och "
                                     "skicka in det, inte den kommenterade kopian."),
                          "en": Text("Note: the file is an annotated copy made by socinv-docs. Make the corrections "
                                     "in your original and send that, not the annotated copy.")},
    "ui.unknown_kind": {"sv": Text("okänd mall"), "en": Text("unknown template")},
    "ui.track": {"sv": Text("{label}: {name}"), "en": Text("{label}: {name}")},
    "ui.economics": {"sv": Text("Ekonomi"), "en": Text("Economics")},
    "econ.cost": {"sv": Text("Kostnad: {cost:kr} (sökt belopp {requested:kr})"),
                  "en": Text("Cost: {cost:kr} (amount applied for {requested:kr})")},
    "econ.fund_share": {"sv": Text("Sökt ur fonden: {requested:kr}, {share:pct} av kostnaden"),
                        "en": Text("Sought from the fund: {requested:kr}, {share:pct} of the cost")},
    "econ.own_share": {"sv": Text("Egen insats (pengar och arbetstid): {own:kr}, {share:pct} av kostnaden"),
                       "en": Text("Own contribution (money and working time): {own:kr}, {share:pct} of the cost")},
    "econ.own_share.in_kind": {"sv": Text("Egen insats (pengar och värdet av eget arbete): {own:kr}, {share:pct} av "
                                          "kostnaden"),
                               "en": Text("Own contribution (money and the value of own work): {own:kr}, {share:pct} "
                                          "of the cost")},
    "econ.own_share.cash": {"sv": Text("Egen insats (pengar): {own:kr}, {share:pct} av kostnaden"),
                            "en": Text("Own contribution (money): {own:kr}, {share:pct} of the cost")},
    "econ.savings": {"sv": Text("Besparingar inom {horizon} år efter avslut: {total:kr}"),
                     "en": Text("Savings within {horizon} years after the end: {total:kr}")},
    "econ.savings_row": {"sv": Text("{namnd}: {per_year:kr}/år × {years:num} år = {total:kr}"),
                         "en": Text("{namnd}: {per_year:kr}/year × {years:num} years = {total:kr}")},
    "econ.ratio": {"sv": Text("Besparing/kostnad: {ratio:num}"), "en": Text("Savings/cost: {ratio:num}")},
    "econ.payback_no_year": {"sv": Text("Återbetald: år {years} efter avslut"),
                             "en": Text("Paid back: year {years} after the end")},
    "econ.payback": {"sv": Text("Återbetald: år {years} efter avslut ({year})"),
                     "en": Text("Paid back: year {years} after the end ({year})")},
    "econ.no_payback": {"sv": Text("Återbetald: inte inom {horizon} år"),
                        "en": Text("Paid back: not within {horizon} years")},
    "econ.present_value": {"sv": Text("Nuvärde av besparingarna ({rate:num} % diskonteringsränta): {pv:kr}, kvot {ratio:num}"),
                           "en": Text("Present value of the savings ({rate:num} % discount rate): {pv:kr}, ratio {ratio:num}")},
    "ui.fix": {"sv": Text("Åtgärd"), "en": Text("Fix")},
}

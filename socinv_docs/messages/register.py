"""The register (render/register.py, SPEC §6) and what `socinv validate` says about it."""

from __future__ import annotations

from socinv_docs.messages.core import Text

WORDS: dict[str, dict[str, Text]] = {
    # -- the register (render/register.py, SPEC §6) -------------------------------------------
    # Sheet names and the group's columns are fixed Swedish in both languages (SPEC §6), so
    # a register stays the same file whichever --lang the last run used.
    "register.sheet.submissions": {"sv": Text("Ansökningar"), "en": Text("Ansökningar")},
    "register.sheet.findings": {"sv": Text("Brister"), "en": Text("Brister")},
    "register.title": {"sv": Text("Register över ansökningar om sociala investeringar"),
                       "en": Text("Register of social investment applications")},
    "register.col.submission": {"sv": Text("Inskick"), "en": Text("Submission")},
    "register.col.files": {"sv": Text("Fil(er)"), "en": Text("File(s)")},
    "register.col.kind": {"sv": Text("Mall"), "en": Text("Template")},
    "register.col.title": {"sv": Text("Satsningens namn"), "en": Text("Name of the initiative")},
    "register.col.sokande": {"sv": Text("Sökande/nämnder"), "en": Text("Applicants/committees")},
    "register.col.status": {"sv": Text("Status"), "en": Text("Status")},
    "register.col.errors": {"sv": Text("Fel"), "en": Text("Errors")},
    "register.col.warnings": {"sv": Text("Varningar"), "en": Text("Warnings")},
    "register.col.missing": {"sv": Text("Avsnitt som saknas/ej ifyllda"), "en": Text("Sections missing/not filled in")},
    "register.col.amount": {"sv": Text("Sökt belopp"), "en": Text("Amount applied for")},
    "register.col.cost": {"sv": Text("Kostnad"), "en": Text("Cost")},
    "register.col.savings": {"sv": Text("Besparing inom horisonten"), "en": Text("Savings within horizon")},
    "register.col.ratio": {"sv": Text("Besparing/kostnad"), "en": Text("Savings/cost")},
    "register.col.checked": {"sv": Text("Kontrollerad"), "en": Text("Checked")},
    "register.col.bedomning": {"sv": Text("Bedömning"), "en": Text("Bedömning")},
    "register.col.kommentar": {"sv": Text("Kommentar"), "en": Text("Kommentar")},
    "register.col.beslut": {"sv": Text("Förslag till beslut"), "en": Text("Förslag till beslut")},
    "register.col.file": {"sv": Text("Fil"), "en": Text("File")},
    "register.col.section": {"sv": Text("Avsnitt/uppgift"), "en": Text("Section/field")},
    "register.col.code": {"sv": Text("Kod"), "en": Text("Code")},
    "register.col.severity": {"sv": Text("Allvarlighet"), "en": Text("Severity")},
    "register.col.message": {"sv": Text("Brist"), "en": Text("Problem")},
    "register.col.hint": {"sv": Text("Åtgärd"), "en": Text("Fix")},
    "register.col.location": {"sv": Text("Plats"), "en": Text("Location")},
    "register.col.unnamed": {"sv": Text("Kolumn {n}"), "en": Text("Column {n}")},
    "register.col.reason": {"sv": Text("Orsak"), "en": Text("Reason")},
    "register.col.changed": {"sv": Text("Ny / ändrad sedan förra körningen"),
                             "en": Text("New / changed since the last run")},
    # The tool's bookkeeping, in hidden columns: the row's identity and what the next run
    # compares with. Their headers say so to anyone who unhides them.
    "register.col.key": {"sv": Text("socinv-docs: radens nyckel (ändra inte)"),
                         "en": Text("socinv-docs: row key (do not edit)")},
    "register.col.state": {"sv": Text("socinv-docs: förra körningen (ändra inte)"),
                           "en": Text("socinv-docs: last run (do not edit)")},
    "register.reason.kind_unknown": {"sv": Text("liknar ingen av de kända mallarna"),
                                     "en": Text("matches none of the known templates")},
    "register.reason.in_file": {"sv": Text("{file}: {reason}"), "en": Text("{file}: {reason}")},
    "register.change.new": {"sv": Text("Ny"), "en": Text("New")},
    "register.change.file_new": {"sv": Text("ny fil: {file}"), "en": Text("new file: {file}")},
    "register.change.file_changed": {"sv": Text("ändrad fil: {file}"), "en": Text("changed file: {file}")},
    "register.change.file_removed": {"sv": Text("fil borttagen: {file}"), "en": Text("file removed: {file}")},
    "register.change.status": {"sv": Text("status: {old} → {new}"), "en": Text("status: {old} → {new}")},
    # The drop-down lists of the group's columns live on a sheet the group edits. Their
    # choices are the group's words (Swedish in both languages, like the columns); Bedömning
    # uses the guidelines' own: "bedömer om idéprövningen uppfyller uppsatta kriterier",
    # "bedömer om den är komplett och därmed kan hanteras vidare" (Örebro), "begära in
    # kompletterande underlag" (Mölndal).
    "register.sheet.lists": {"sv": Text("Listor"), "en": Text("Listor")},
    "register.list.beslut": {"sv": Text("Bifall\nAvslag\nÅterremiss\nBordläggs"),
                             "en": Text("Bifall\nAvslag\nÅterremiss\nBordläggs")},
    "register.list.bedomning": {
        "sv": Text("Uppfyller kriterierna\nUppfyller inte kriterierna\nKomplett, kan hanteras vidare\n"
                   "Inte komplett\nKompletterande underlag begärs"),
        "en": Text("Uppfyller kriterierna\nUppfyller inte kriterierna\nKomplett, kan hanteras vidare\n"
                   "Inte komplett\nKompletterande underlag begärs")},
    "register.lists.note": {  # one line per row beside the lists
        "sv": Text("Listorna ger valen i rullgardinsmenyerna på bladet Ansökningar.\n"
                   "Lägg till, ändra eller ta bort val här: ett per rad, under rubriken, utan tomma rader.\n"
                   "socinv-docs skriver aldrig över det här bladet."),
        "en": Text("These lists give the choices of the drop-down menus on the sheet Ansökningar.\n"
                   "Add, change or remove choices here: one per row, under the heading, without empty rows.\n"
                   "socinv-docs never overwrites this sheet.")},
    "register.list.not_listed": {
        "sv": Text("Inte i listan", "Värdet finns inte i listan på bladet Listor. Vill du använda det ändå?"),
        "en": Text("Not in the list", "The value is not in the list on the sheet Listor. Use it anyway?")},
    # Print header and footer; &P, &N and &D are Excel's page, pages and print date.
    "register.print.checked": {"sv": Text("Kontrollerad {date}"), "en": Text("Checked {date}")},
    "register.print.page": {"sv": Text("Sida &P av &N"), "en": Text("Page &P of &N")},
    "register.print.printed": {"sv": Text("Utskriven &D"), "en": Text("Printed &D")},
    "register.status.complete": {"sv": Text("Komplett"), "en": Text("Complete")},
    "register.status.incomplete": {"sv": Text("Ofullständig"), "en": Text("Incomplete")},
    "register.status.unreadable": {"sv": Text("Kan inte läsas"), "en": Text("Unreadable")},
    "register.status.removed": {"sv": Text("Finns ej längre"), "en": Text("No longer in folder")},
    # An entry of the folder validate did not check (a link not followed, a FIFO, an
    # unreadable folder): a row of its own, the reason in Orsak.
    "register.status.skipped": {"sv": Text("Kontrollerades inte"), "en": Text("Not checked")},
    "register.severity.error": {"sv": Text("Fel"), "en": Text("Error")},
    "register.severity.warning": {"sv": Text("Varning"), "en": Text("Warning")},
    # -- validate (validate.py, cli.py) --------------------------------------------------------
    "ui.validate.summary": {
        "sv": Text("Inskick: {submissions} (filer: {documents}). Kompletta: {complete}, ofullständiga: "
                   "{incomplete}, kan inte läsas: {unreadable}. Tid: {seconds:num} s."),
        "en": Text("Submissions: {submissions} (files: {documents}). Complete: {complete}, incomplete: "
                   "{incomplete}, unreadable: {unreadable}. Time: {seconds:num} s.")},
    "ui.validate.skipped": {"sv": Text(" Ej kontrollerade: {skipped} (se raderna ovan)."),
                            "en": Text(" Not checked: {skipped} (see the lines above).")},
    "ui.validate.none": {"sv": Text("Inga inskick hittades i {dir}."), "en": Text("No submissions found in {dir}.")},
    "ui.validate.progress": {"sv": Text("Kontrollerar"), "en": Text("Checking")},
    "ui.validate.not_dir": {"sv": Text("{dir} är ingen mapp."), "en": Text("{dir} is not a folder.")},
    "ui.register.written": {"sv": Text("Registret sparades: {path} ({rows} inskick, {removed} finns ej längre i mappen)"),
                            "en": Text("Register saved: {path} ({rows} submissions, {removed} no longer in the folder)")},
    "ui.register.locked": {
        "sv": Text("Registret {path} verkar vara öppet i {program} (låsfilen {lock} finns). Registret har inte "
                   "skrivits över. Stäng filen och kör igen, eller använd --force om ingen har den öppen."),
        "en": Text("The register {path} seems to be open in {program} (the lock file {lock} exists). It was not "
                   "overwritten. Close it and run again, or use --force if nobody has it open.")},
    # the program a lock file beside the register belongs to (cli: ~$… / .~lock…#)
    "ui.lock.office": {"sv": Text("Excel"), "en": Text("Excel")},
    "ui.lock.libreoffice": {"sv": Text("LibreOffice"), "en": Text("LibreOffice")},
    "ui.register.busy": {
        "sv": Text("Registret {path} uppdateras just nu av en annan körning av socinv (låset {lock}); registret har "
                   "inte ändrats. Vänta tills den körningen är klar och kör igen."),
        "en": Text("The register {path} is being updated by another run of socinv (the lock {lock}); it was not "
                   "changed. Wait until that run is done and run again.")},
    "ui.register.is_input": {
        "sv": Text("{path} ligger i mappen som kontrolleras och är en av handlingarna där, inget register som "
                   "socinv har skrivit; den skrivs inte över. Ange ett register utanför mappen med --register."),
        "en": Text("{path} lies in the folder being checked and is one of the documents there, not a register "
                   "socinv wrote; it is not overwritten. Give a register outside the folder with --register.")},
    "ui.register.unreadable": {
        "sv": Text("Det befintliga registret {path} kan inte läsas ({error}) och har inte skrivits över. Flytta "
                   "undan filen eller ange ett annat namn med --register."),
        "en": Text("The existing register {path} cannot be read ({error}) and was not overwritten. Move the file "
                   "away or give another name with --register.")},
    "ui.register.not_register": {
        "sv": Text("{path} är inget register (bladet '{sheet}' saknas) och har inte skrivits över. Ange ett annat "
                   "namn med --register."),
        "en": Text("{path} is not a register (the sheet '{sheet}' is missing) and was not overwritten. Give "
                   "another name with --register.")},
    "ui.register.not_xlsx": {"sv": Text("Registret måste vara en .xlsx-fil: {path}"),
                             "en": Text("The register must be an .xlsx file: {path}")},
    "ui.register.write_failed": {
        "sv": Text("Registret {path} kunde inte sparas ({error}). Den tidigare versionen är oförändrad."),
        "en": Text("The register {path} could not be saved ({error}). The previous version is unchanged.")},
    "ui.register.no_dir": {"sv": Text("mappen finns inte"), "en": Text("the folder does not exist")},
}

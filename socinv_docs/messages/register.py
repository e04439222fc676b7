"""The register (render/register.py, SPEC §6) and what `socinv validate` says about it."""

from __future__ import annotations

from socinv_docs.messages.core import Text

WORDS: dict[str, dict[str, Text]] = {
    # -- the register (render/register.py, SPEC §6) -------------------------------------------
    # The register's sheets hold their own words (render/register/sheets/): names, headers,
    # lists. Here: what the whole register and other outputs say.
    "register.title": {"sv": Text("Register över ansökningar om sociala investeringar"),
                       "en": Text("Register of social investment applications")},
    "register.col.unnamed": {"sv": Text("Kolumn {n}"), "en": Text("Column {n}")},
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
    "ui.validate.followup_folder": {
        "sv": Text("{dir} ser ut som en uppföljningsmapp (satsningar med beslut.yaml), inte en mapp med inskick: "
                   "följ upp satsningarna och deras rapporter med socinv followup {dir} --workbook uppfoljning.xlsx."),
        "en": Text("{dir} looks like a follow-up folder (satsningar with a beslut.yaml), not a folder of submissions: "
                   "follow up the satsningar and their reports with socinv followup {dir} --workbook uppfoljning.xlsx.")},
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

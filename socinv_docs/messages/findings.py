"""The pipeline's own codes: a file that cannot be read (FILE_UNREADABLE), a file like no
template (KIND_UNKNOWN) and a submission of several funders (FUNDERS_MIXED). No rule
makes them (pipeline.py does), so their words, and their explanations for `socinv
rules`, are here; every rule's words are beside its check in rules/."""

from __future__ import annotations

from socinv_docs.messages.core import Text, explanation

WORDS: dict[str, dict[str, Text]] = {
    # -- the pipeline's codes (SPEC §4) ------------------------------------------------------
    "FILE_UNREADABLE": {
        "sv": Text("Filen kan inte läsas: {reason_key:key}", "Spara filen på nytt som .docx eller .xlsx och försök igen."),
        "en": Text("The file cannot be read: {reason_key:key}", "Save the file again as .docx or .xlsx and retry."),
    },
    "KIND_UNKNOWN": {
        "sv": Text("Filen liknar ingen av de kända mallarna ({known:list}).",
                   "Använd kommunens mall, eller ange mall med --kind."),
        "en": Text("The file matches none of the known templates ({known:list}).",
                   "Use the municipality's template, or name it with --kind."),
    },
    "FUNDERS_MIXED": {
        "sv": Text("Inskicket '{submission}' innehåller filer för olika finansiärer: {funders:and}.",
                   "Varje fil har kontrollerats mot sin egen finansiärs regler. Hör filerna inte till samma ansökan, "
                   "lägg dem i var sin mapp."),
        "en": Text("The submission '{submission}' holds files for different funders: {funders:and}.",
                   "Each file was checked against its own funder's rules. If the files are not one application, "
                   "put them in folders of their own."),
    },
    "ui.funder_files": {"sv": Text("{funder} ({files:list})"), "en": Text("{funder} ({files:list})")},
    # -- their explanations (`socinv rules`) --------------------------------------------------
    **explanation("FILE_UNREADABLE",
                  ("Att filen går att läsa som Word (.docx) eller Excel (.xlsx): inte trasig, avkortad, "
                   "lösenordsskyddad, i det äldre formatet .doc/.xls, tom, för stor eller med otillåten XML.",
                   "That the file can be read as Word (.docx) or Excel (.xlsx): not corrupt, truncated, "
                   "password-protected, in the old .doc/.xls format, empty, too large or with disallowed XML."),
                  ("En fil som inte kan läsas kan inte kontrolleras. Ansökan görs i finansiärens mall, i Word eller "
                   "Excel.",
                   "A file that cannot be read cannot be checked. The application is made in the funder's "
                   "template, in Word or Excel."),
                  ("En ansökan sparad som PDF, eller en .docx som kom avkortad i e-posten.",
                   "An application saved as a PDF, or a .docx that arrived truncated by e-mail.")),
    **explanation("KIND_UNKNOWN",
                  ("Att filen liknar någon av de kända mallarna ({known:list}).",
                   "That the file resembles one of the known templates ({known:list})."),
                  ("Kontrollen bygger på mallens rubriker: varje finansiär ger ut mallar som ansökan ska göras i, "
                   "och en fil som inte liknar någon av dem kan inte kontrolleras mot dem.",
                   "The check is built on the template's headings: each funder publishes the templates an "
                   "application is made in, and a file that resembles none of them cannot be checked against "
                   "them."),
                  ("Ett fritt skrivet Word-dokument utan mallens rubriker.",
                   "A free-form Word document without the template's headings.")),
    **explanation("FUNDERS_MIXED",
            ("Att filerna i ett inskick hör till samma finansiär. Ett inskick med filer för olika finansiärer slås "
             "inte ihop i tysthet: varje fil kontrolleras mot sin egen finansiärs regler, och inskicket får den här "
             "varningen.",
             "That the files of one submission belong to the same funder. A submission with files for different "
             "funders is not merged in silence: each file is checked against its own funder's rules, and the "
             "submission gets this warning."),
            ("Ingen finansiärs regel utan verktygets egen upplysning: ett inskick är en ansökan med sina bilagor (en "
             "undermapp, eller filerna i en och samma `socinv check`), och filer för olika finansiärer är troligen olika "
             "ansökningar i samma mapp. Den ges alltid, vilka profiler som än finns.",
             "No funder's rule but the tool's own notice: a submission is one application with its attachments (a "
             "sub-folder, or the files of one `socinv check`), and files for different funders are likely different "
             "applications in one folder. It is always given, whichever profiles are installed."),
            ("En mapp med ansokan.docx och utvarderingsschema.xlsx (Örebro) och forslag.xlsx (Mölndal).",
             "A folder with ansokan.docx and utvarderingsschema.xlsx (Örebro) and forslag.xlsx (Mölndal).")),
}

"""The pipeline's own codes: a file that cannot be read (FILE_UNREADABLE), a file like no
template (KIND_UNKNOWN), a submission of several funders (FUNDERS_MIXED), a form that names
none of its fund's tracks (TRACK_UNKNOWN) and a report no satsning's plan is known for
(REPORT_UNLINKED). No rule makes them (pipeline.py and the
follow-up run do), so their words, and their explanations for `socinv rules`, are here;
every rule's words are beside its check in rules/."""

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
    # A fund with tracks (profile `tracks`): the form's track field names none of them.
    "TRACK_UNKNOWN": {
        "sv": Text("'{value}' under '{label}' är inget av finansiärens spår ({known:or}).",
                   "Skriv ett av {known:or} under '{label}'. Det som beror på spåret ({codes:list}) kontrolleras "
                   "när spåret är angivet."),
        "en": Text("'{value}' under '{label}' is none of the funder's tracks ({known:or}).",
                   "Write one of {known:or} under '{label}'. What depends on the track ({codes:list}) is checked "
                   "once the track is given."),
    },
    "TRACK_UNKNOWN.empty": {
        "sv": Text("'{label}' är inte ifyllt: det avgör vilket av finansiärens spår ({known:or}) ansökan gäller.",
                   "Skriv ett av {known:or} under '{label}'. Det som beror på spåret ({codes:list}) kontrolleras "
                   "när spåret är angivet."),
        "en": Text("'{label}' is not filled in: it decides which of the funder's tracks ({known:or}) the application "
                   "is for.",
                   "Write one of {known:or} under '{label}'. What depends on the track ({codes:list}) is checked "
                   "once the track is given."),
    },
    # SPEC §9: a report no plan is known for. The follow-up run's words (no satsning matches),
    # and `check`'s (a report alone that carries no plan).
    "REPORT_UNLINKED": {
        "sv": Text("Rapporten '{file}' hör inte till någon satsning i uppföljningen: varken diarienummer eller namn "
                   "stämmer med någon satsnings plan.",
                   "Skriv satsningens diarienummer och namn som i beslutet, och lägg rapporten i satsningens mapp."),
        "en": Text("The report '{file}' belongs to no satsning in the follow-up: neither its diarienummer nor its "
                   "name matches a satsning's plan.",
                   "Write the satsning's diarienummer and name as in the decision, and put the report in the "
                   "satsning's folder."),
    },
    "REPORT_UNLINKED.alone": {
        "sv": Text("Rapporten '{file}' jämförs inte med någon plan: den bär ingen, och ensam kan den inte kopplas "
                   "till sin satsning.",
                   "Skriv rapporten i den förifyllda mall som processledaren skickar: den bär satsningens plan, så "
                   "att rapporten jämförs med den redan här. I uppföljningen kopplas den till sin satsning."),
        "en": Text("The report '{file}' is compared with no plan: it carries none, and alone it cannot be linked to "
                   "its satsning.",
                   "Write the report in the pre-filled template the processledare sends: it carries the satsning's "
                   "plan, so the report is compared with it already here. In the follow-up it is linked to its "
                   "satsning."),
    },
    # -- their explanations (`socinv rules`) --------------------------------------------------
    **explanation("FILE_UNREADABLE",
                  ("Att filen går att läsa som Word eller Excel: inte trasig, avkortad, lösenordsskyddad, tom, för "
                   "stor eller med otillåten XML. Det äldre formatet .xls läses; .doc läses där LibreOffice finns "
                   "installerat (en kopia görs om till .docx), annars inte.",
                   "That the file can be read as Word or Excel: not corrupt, truncated, password-protected, empty, "
                   "too large or with disallowed XML. The old .xls format is read; .doc is read where LibreOffice "
                   "is installed (a copy is converted to .docx), else not."),
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
    **explanation("TRACK_UNKNOWN",
            ("Att en ansökan till en fond med spår anger ett av spåren i den uppgift mallen har för det (t.ex. "
             "\"Spår\": A eller B). Spåret avgör finansiärens värden, t.ex. hur stor andel fonden står för.",
             "That an application to a fund with tracks names one of them in the field the form has for it (e.g. "
             "\"Spår\": A or B). The track decides the funder's values, e.g. what share the fund pays."),
            ("Verktyget väljer aldrig spår själv: inte efter ord någon annanstans i dokumentet, inte efter vad som "
             "liknar mest. En ansökan som inte säger sitt spår kan inte bedömas efter spårets villkor, så de "
             "kontrollerna görs först när spåret är angivet.",
             "The tool never picks a track itself: not by words elsewhere in the document, not by what is most "
             "alike. An application that does not say its track cannot be judged by the track's conditions, so "
             "those checks are made once the track is given."),
            ("\"Spår: C\" när fonden har spåren A och B, eller en tom rad för spåret.",
             "\"Spår: C\" where the fund has the tracks A and B, or an empty line for the track.")),
    **explanation("REPORT_UNLINKED",
            ("Att en rapport om en beviljad satsning (redovisning, slutrapport, uppföljande utvärdering) kan kopplas "
             "till sin satsnings plan: i uppföljningen genom satsningens mapp, diarienummer och namn; när rapporten "
             "kontrolleras ensam genom planen som en förifylld rapport bär med sig.",
             "That a report on a granted satsning (progress report, final report, follow-up evaluation) can be "
             "linked to its satsning's plan: in the follow-up by the satsning's folder, diarienummer and name; when "
             "the report is checked alone by the plan a pre-filled report carries."),
            ("Varje rapport jämförs med det som beviljades och beslutades. Riktlinjerna: \"Redovisning sker i avsedd "
             "mall\" och \"Projektledaren ansvarar för att redovisningen inkommer till processledaren.\" En rapport som "
             "inte kan kopplas till sin satsning jämförs inte med någon plan, och verktyget gissar inte vilken.",
             "Every report is compared with what was granted and decided. The guidelines: \"Redovisning sker i "
             "avsedd mall\" (the report is made in the intended template) and \"Projektledaren ansvarar för att "
             "redovisningen inkommer till processledaren.\" A report that cannot be linked to its satsning is "
             "compared with no plan, and the tool does not guess which."),
            ("En redovisning skriven i en tom mall och kontrollerad med socinv check; i uppföljningen, en redovisning "
             "vars diarienummer ingen satsning har.",
             "A progress report written in a blank template and checked with socinv check; in the follow-up, a "
             "report whose diarienummer no satsning has."),
            ("fel i en uppföljning (ingen satsning matchar); en varning när en rapport utan plan kontrolleras ensam "
             "(socinv check, webbsidan), som en saknad bilaga när en ansökan kontrolleras ensam",
             "an error in a follow-up (no satsning matches); a warning when a report without a plan is checked alone "
             "(socinv check, the web page), as a missing attachment is when an application is checked alone")),
}

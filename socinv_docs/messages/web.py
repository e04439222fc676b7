"""The web page (`socinv serve`, web/)."""

from __future__ import annotations

from socinv_docs.messages.core import Text

WORDS: dict[str, dict[str, Text]] = {
    # -- the web page (socinv serve, web/) -----------------------------------------------------
    "web.service": {"sv": Text("Kontroll av ansökan – sociala investeringar"),
                    "en": Text("Application check – social investments")},
    "web.skip": {"sv": Text("Hoppa till innehållet"), "en": Text("Skip to content")},
    "web.lang_nav": {"sv": Text("Språk"), "en": Text("Language")},
    "web.lang_switch": {"sv": Text("In English"), "en": Text("På svenska")},
    "web.footer": {"sv": Text("Kontrollen är ett stöd innan du skickar in. Beredningsgruppen gör den slutliga "
                              "bedömningen."),
                   "en": Text("The check helps you before you submit. The review group makes the final assessment.")},
    "web.title.start": {"sv": Text("Kontrollera ditt utkast"), "en": Text("Check your draft")},
    "web.title.report": {"sv": Text("Resultat av kontrollen"), "en": Text("Result of the check")},
    "web.start.heading": {"sv": Text("Kontrollera ditt utkast innan du skickar in det"),
                          "en": Text("Check your draft before you submit it")},
    "web.start.lead": {"sv": Text("Ladda upp din ansökan, ifylld i kommunens Word- eller Excelmall. Du får direkt veta "
                                  "vad som saknas, var i dokumentet det är och hur du rättar det, och en kopia av "
                                  "din fil med en kommentar vid varje brist."),
                       "en": Text("Upload your application, filled in on the municipality's Word or Excel template. "
                                  "You see at once what is missing, where it is in the document and how to fix it, "
                                  "and get a copy of your file with a comment at each problem.")},
    "web.form.label": {"sv": Text("Välj filer att kontrollera"), "en": Text("Choose files to check")},
    "web.form.hint": {"sv": Text("Word (.docx) eller Excel (.xlsx), högst {max_files} filer och {max_mb:num} MB per "
                                 "fil. Välj en ansökan och dess utvärderingsschema tillsammans, så kontrolleras de "
                                 "som ett inskick."),
                      "en": Text("Word (.docx) or Excel (.xlsx), at most {max_files} files and {max_mb:num} MB per "
                                 "file. Choose an application and its evaluation schema together to check them as "
                                 "one submission.")},
    "web.form.drop": {"sv": Text("Du kan också dra filerna hit."), "en": Text("You can also drag the files here.")},
    "web.form.submit": {"sv": Text("Kontrollera"), "en": Text("Check")},
    "web.form.checking": {"sv": Text("Kontrollerar …"), "en": Text("Checking …")},
    "web.form.too_many": {"sv": Text("Välj högst {limit} filer."), "en": Text("Choose at most {limit} files.")},
    "web.form.too_large": {"sv": Text("större än {limit_mb:num} MB, som är gränsen per fil."),
                           "en": Text("larger than {limit_mb:num} MB, the limit per file.")},
    "web.start.what": {"sv": Text("Det här kontrolleras"), "en": Text("What is checked")},
    "web.start.what_lead": {"sv": Text("Sidan känner igen mallarna för:"),
                            "en": Text("The page recognises the templates of:")},
    "web.start.together": {"sv": Text("Laddar du upp en ansökan och dess utvärderingsschema tillsammans kontrolleras "
                                      "också att den obligatoriska bilagan finns med."),
                           "en": Text("Upload an application together with its evaluation schema to also check that "
                                      "the mandatory attachment is there.")},
    "web.format.docx": {"sv": Text("Word"), "en": Text("Word")},
    "web.format.xlsx": {"sv": Text("Excel"), "en": Text("Excel")},
    "web.privacy.heading": {"sv": Text("Dina uppgifter"), "en": Text("Your data")},
    "web.privacy.text": {"sv": Text("Filerna används bara för den här kontrollen och sparas inte: de raderas från "
                                    "servern så snart du har fått resultatet, och varken filnamn eller innehåll "
                                    "skrivs i någon logg. Den kommenterade kopian finns bara i resultatsidan i din "
                                    "webbläsare."),
                         "en": Text("Your files are used for this check only and are not kept: they are deleted from "
                                    "the server as soon as you have the result, and neither file names nor contents "
                                    "are written to any log. The annotated copy exists only in the result page in "
                                    "your browser.")},
    "web.report.heading": {"sv": Text("Resultat av kontrollen"), "en": Text("Result of the check")},
    "web.status.complete": {"sv": Text("Komplett"), "en": Text("Complete")},
    "web.status.incomplete": {"sv": Text("Inte komplett"), "en": Text("Not complete")},
    "web.status.unreadable": {"sv": Text("Kunde inte läsas"), "en": Text("Could not be read")},
    "web.summary.complete": {"sv": Text("Inga brister hittades. Utkastet följer mallen och kan skickas in."),
                             "en": Text("No problems found. The draft follows the template and can be submitted.")},
    "web.summary.complete_warnings": {"sv": Text("Inga fel hittades. Läs gärna varningarna nedan innan du skickar in."),
                                      "en": Text("No errors found. Do read the warnings below before you submit.")},
    "web.summary.missing_attachments": {
        "sv": Text("Inga fel hittades i filen, men inskicket är inte komplett förrän du skickar det tillsammans med "
                   "{attachments:and}. Ladda upp filerna tillsammans för att kontrollera hela inskicket."),
        "en": Text("No errors were found in the file, but the submission is not complete until you send it together "
                   "with the {attachments:and}. Upload the files together to check the whole submission.")},
    "web.summary.incomplete": {"sv": Text("Rätta felen nedan innan du skickar in ansökan. Vid varje brist står var "
                                          "den finns och hur du rättar den."),
                               "en": Text("Fix the errors below before you submit the application. Each problem "
                                          "says where it is and how to fix it.")},
    "web.summary.unreadable": {"sv": Text("Minst en fil kunde inte läsas. Nedan står varför och vad du kan göra."),
                               "en": Text("At least one file could not be read. Below is why and what you can do.")},
    "web.report.submission": {"sv": Text("Gäller hela inskicket"), "en": Text("About the whole submission")},
    "web.report.download": {"sv": Text("Ladda ner {name}"), "en": Text("Download {name}")},
    "web.report.download_hint": {"sv": Text("En kopia av din fil med en kommentar vid varje brist. Din egen fil är "
                                            "oförändrad."),
                                 "en": Text("A copy of your file with a comment at each problem. Your own file is "
                                            "unchanged.")},
    "web.download.filename": {"sv": Text("{stem}-granskad{suffix}"), "en": Text("{stem}-reviewed{suffix}")},
    "web.report.findings": {"sv": Text("Brister"), "en": Text("Problems")},
    "web.report.errors_heading": {"sv": Text("Fel att rätta ({count})"), "en": Text("Errors to fix ({count})")},
    "web.report.warnings_heading": {"sv": Text("Varningar ({count})"), "en": Text("Warnings ({count})")},
    "web.report.no_findings": {"sv": Text("Inga brister hittades i filen."), "en": Text("No problems found in the file.")},
    "web.report.where": {"sv": Text("Var"), "en": Text("Where")},
    "web.report.fix": {"sv": Text("Så rättar du"), "en": Text("How to fix")},
    "web.report.code": {"sv": Text("Kod"), "en": Text("Code")},
    "web.report.sections": {"sv": Text("Avsnitt"), "en": Text("Sections")},
    "web.report.sections_caption": {"sv": Text("Avsnitten i {name}"), "en": Text("The sections of {name}")},
    "web.report.section": {"sv": Text("Avsnitt"), "en": Text("Section")},
    "web.report.state": {"sv": Text("Status"), "en": Text("Status")},
    "web.report.economics": {"sv": Text("Ekonomi"), "en": Text("Economics")},
    "web.report.again": {"sv": Text("Kontrollera en ny fil"), "en": Text("Check another file")},
    "web.report.privacy": {"sv": Text("Filerna är redan raderade från servern."),
                           "en": Text("The files are already deleted from the server.")},
    "web.report.privacy_copy": {"sv": Text("Filerna är redan raderade från servern. Spara den kommenterade kopian nu "
                                           "om du vill ha den: den finns bara på den här sidan."),
                                "en": Text("The files are already deleted from the server. Save the annotated copy "
                                           "now if you want it: it exists only on this page.")},
    "web.counts.none": {"sv": Text("inga brister"), "en": Text("no problems")},
    "web.severity.error": {"sv": Text("Fel"), "en": Text("Error")},
    "web.severity.warning": {"sv": Text("Varning"), "en": Text("Warning")},
    "web.error.back": {"sv": Text("Tillbaka till startsidan"), "en": Text("Back to the start page")},
    # Refused uploads: the message and what to do; ".title" is the page's heading.
    "web.refused.not_form": {"sv": Text("Sidan tar bara emot filer som skickas med formuläret.",
                                        "Gå till startsidan och välj filerna där."),
                             "en": Text("The page only accepts files sent with its form.",
                                        "Go to the start page and choose the files there.")},
    "web.refused.not_form.title": {"sv": Text("Fel sorts förfrågan"), "en": Text("Wrong kind of request")},
    "web.refused.malformed": {"sv": Text("Uppladdningen kom inte fram hel och kunde inte läsas.",
                                         "Försök igen. Händer det igen, prova en annan webbläsare."),
                              "en": Text("The upload did not arrive whole and could not be read.",
                                         "Try again. If it happens again, try another browser.")},
    "web.refused.malformed.title": {"sv": Text("Uppladdningen avbröts"), "en": Text("The upload was cut off")},
    "web.refused.request_too_large": {
        "sv": Text("Filerna är tillsammans större än {limit_mb:num} MB, som är gränsen för en uppladdning.",
                   "Ladda upp färre filer åt gången, eller gör filerna mindre (till exempel bilderna)."),
        "en": Text("Together the files are larger than {limit_mb:num} MB, the limit for one upload.",
                   "Upload fewer files at a time, or make the files smaller (the pictures, for example).")},
    "web.refused.request_too_large.title": {"sv": Text("För stor uppladdning"), "en": Text("Upload too large")},
    "web.refused.file_too_large": {
        "sv": Text("En av filerna är större än {limit_mb:num} MB, som är gränsen per fil.",
                   "Gör filen mindre, till exempel genom att komprimera bilderna (i Word: Arkiv > Komprimera "
                   "bilder), och försök igen."),
        "en": Text("One of the files is larger than {limit_mb:num} MB, the limit per file.",
                   "Make the file smaller, for example by compressing its pictures (in Word: File > Compress "
                   "Pictures), and try again.")},
    "web.refused.file_too_large.title": {"sv": Text("Filen är för stor"), "en": Text("The file is too large")},
    "web.refused.too_many_files": {"sv": Text("Du kan ladda upp högst {limit} filer åt gången.",
                                              "Välj färre filer: en ansökan och dess bilagor."),
                                   "en": Text("You can upload at most {limit} files at a time.",
                                              "Choose fewer files: one application and its attachments.")},
    "web.refused.too_many_files.title": {"sv": Text("För många filer"), "en": Text("Too many files")},
    "web.refused.too_many_parts": {"sv": Text("Formuläret innehöll fler än {limit} delar och togs inte emot.",
                                              "Använd formuläret på startsidan för att ladda upp filerna."),
                                   "en": Text("The form had more than {limit} parts and was not accepted.",
                                              "Use the form on the start page to upload the files.")},
    "web.refused.too_many_parts.title": {"sv": Text("För många fält"), "en": Text("Too many fields")},
    "web.refused.too_slow": {"sv": Text("Uppladdningen gick för långsamt och avbröts.",
                                        "Försök igen när anslutningen är bättre, eller ladda upp färre eller "
                                        "mindre filer åt gången."),
                             "en": Text("The upload was too slow and was stopped.",
                                        "Try again on a better connection, or upload fewer or smaller files at a "
                                        "time.")},
    "web.refused.too_slow.title": {"sv": Text("Uppladdningen tog för lång tid"), "en": Text("The upload took too long")},
    "web.refused.no_file": {"sv": Text("Ingen fil valdes.",
                                       "Välj en eller flera filer (Word eller Excel) och tryck på Kontrollera."),
                            "en": Text("No file was chosen.",
                                       "Choose one or more files (Word or Excel) and press Check.")},
    "web.refused.no_file.title": {"sv": Text("Ingen fil vald"), "en": Text("No file chosen")},
    "web.refused.unavailable": {"sv": Text("Kontrolltjänsten startar om eller stängs av just nu.",
                                           "Vänta en stund och försök igen."),
                                "en": Text("The checking service is restarting or shutting down.",
                                           "Wait a moment and try again.")},
    "web.refused.unavailable.title": {"sv": Text("Tjänsten är inte tillgänglig"),
                                      "en": Text("The service is not available")},
    "web.refused.busy": {"sv": Text("Just nu kontrolleras många filer och tjänsten tar inte emot fler.",
                                    "Vänta en halv minut och försök igen."),
                         "en": Text("Many files are being checked right now and the service takes no more.",
                                    "Wait half a minute and try again.")},
    "web.refused.busy.title": {"sv": Text("Tjänsten är upptagen"), "en": Text("The service is busy")},
    "web.refused.client_busy": {"sv": Text("Från din anslutning pågår redan många uppladdningar samtidigt.",
                                           "Vänta tills de är klara och försök igen."),
                                "en": Text("Many uploads from your connection are already in progress.",
                                           "Wait until they are done and try again.")},
    "web.refused.client_busy.title": {"sv": Text("För många samtidiga uppladdningar"),
                                      "en": Text("Too many uploads at once")},
    "web.refused.not_found": {"sv": Text("Sidan finns inte.", "Gå till startsidan för att kontrollera en fil."),
                              "en": Text("The page does not exist.", "Go to the start page to check a file.")},
    "web.refused.not_found.title": {"sv": Text("Sidan finns inte"), "en": Text("Page not found")},
    "web.refused.method": {"sv": Text("Sidan kan inte användas på det sättet.",
                                      "Gå till startsidan för att kontrollera en fil."),
                           "en": Text("The page cannot be used that way.", "Go to the start page to check a file.")},
    "web.refused.method.title": {"sv": Text("Sidan finns inte"), "en": Text("Page not found")},
    "web.refused.internal": {"sv": Text("Ett fel i tjänsten stoppade kontrollen. Inget av det du laddade upp har "
                                        "sparats.", "Försök igen om en stund. Kvarstår felet, kontakta kommunen."),
                             "en": Text("An error in the service stopped the check. Nothing you uploaded was kept.",
                                        "Try again in a while. If the error remains, contact the municipality.")},
    "web.refused.internal.title": {"sv": Text("Något gick fel"), "en": Text("Something went wrong")},
}

"""The web page (`socinv serve`, web/)."""

from __future__ import annotations

from socinv_docs.messages.core import Text

WORDS: dict[str, dict[str, Text]] = {
    # -- the web page (socinv serve, web/) -----------------------------------------------------
    # Neutral: the page checks idéprövningar, ansökningar and rapporter alike.
    "web.service": {"sv": Text("Kontroll av underlag – sociala investeringar"),
                    "en": Text("Document check – social investments")},
    "web.skip": {"sv": Text("Hoppa till innehållet"), "en": Text("Skip to content")},
    "web.lang_nav": {"sv": Text("Språk"), "en": Text("Language")},
    "web.lang_switch": {"sv": Text("In English"), "en": Text("På svenska")},
    "web.footer": {"sv": Text("Kontrollen är ett stöd innan du skickar in. Beredningsgruppen gör den slutliga "
                              "bedömningen."),
                   "en": Text("The check helps you before you submit. The review group makes the final assessment.")},
    "web.title.start": {"sv": Text("Kontrollera ditt utkast"), "en": Text("Check your draft")},
    "web.title.report": {"sv": Text("Resultat av kontrollen"), "en": Text("Result of the check")},
    # A soft hyphen: on a phone the long word breaks there, hyphenated, not at any letter.
    "web.title.accessibility": {"sv": Text("Tillgänglighets\u00adredogörelse"), "en": Text("Accessibility statement")},
    "web.title.privacy": {"sv": Text("Personuppgifter och integritet"), "en": Text("Personal data and privacy")},
    "web.contact": {"sv": Text("Kontakt"), "en": Text("Contact")},
    "web.start.heading": {"sv": Text("Kontrollera ditt utkast innan du skickar in det"),
                          "en": Text("Check your draft before you submit it")},
    "web.start.lead": {"sv": Text("Ladda upp ditt utkast, ifyllt i mallen i Word eller Excel. Du får direkt veta vad "
                                  "som saknas, var i dokumentet det är och hur du rättar det, och en kopia av din fil "
                                  "med en kommentar vid varje brist."),
                       "en": Text("Upload your draft, filled in on the Word or Excel template. You see at once what "
                                  "is missing, where it is in the document and how to fix it, and get a copy of your "
                                  "file with a comment at each problem.")},
    "web.form.label": {"sv": Text("Välj filer att kontrollera"), "en": Text("Choose files to check")},
    "web.form.hint": {"sv": Text("Word (.docx) eller Excel (.xlsx), högst {max_files} filer och {max_mb:num} MB per "
                                 "fil. Välj ett dokument och dess bilagor tillsammans, så kontrolleras de som ett "
                                 "inskick."),
                      "en": Text("Word (.docx) or Excel (.xlsx), at most {max_files} files and {max_mb:num} MB per "
                                 "file. Choose a document and its attachments together to check them as one "
                                 "submission.")},
    "web.form.drop": {"sv": Text("Du kan också dra filerna hit."), "en": Text("You can also drag the files here.")},
    "web.form.submit": {"sv": Text("Kontrollera"), "en": Text("Check")},
    "web.form.checking": {"sv": Text("Kontrollerar …"), "en": Text("Checking …")},
    "web.form.too_many": {"sv": Text("Välj högst {limit} filer."), "en": Text("Choose at most {limit} files.")},
    "web.form.too_large": {"sv": Text("större än {limit_mb:num} MB, som är gränsen per fil."),
                           "en": Text("larger than {limit_mb:num} MB, the limit per file.")},
    "web.form.wrong_type": {"sv": Text("inte en Word- eller Excelfil. Välj filen som .docx eller .xlsx."),
                            "en": Text("not a Word or Excel file. Choose the file as .docx or .xlsx.")},
    # The error summary (GOV.UK's and Designsystemet's pattern): on top of the form, each
    # problem a link to its field; the page's title begins with the prefix.
    "web.errors.title": {"sv": Text("Det finns ett problem"), "en": Text("There is a problem")},
    "web.errors.title_prefix": {"sv": Text("Fel:"), "en": Text("Error:")},
    "web.errors.prefix": {"sv": Text("Fel:"), "en": Text("Error:")},
    "web.start.what": {"sv": Text("Det här kontrolleras"), "en": Text("What is checked")},
    "web.start.what_lead": {"sv": Text("Sidan känner igen mallarna för:"),
                            "en": Text("The page recognises the templates of:")},
    "web.start.together": {"sv": Text("Laddar du upp ett dokument och dess bilagor tillsammans (till exempel en ansökan "
                                      "och dess utvärderingsschema) kontrolleras också att de obligatoriska bilagorna "
                                      "finns med."),
                           "en": Text("Upload a document together with its attachments (an application and its "
                                      "evaluation schema, say) to also check that the mandatory attachments are "
                                      "there.")},
    "web.start.templates": {"sv": Text("Mallar att fylla i"), "en": Text("Templates to fill in")},
    "web.forms.served": {"sv": Text("{kind} – {funder}"), "en": Text("{kind} – {funder}")},
    "web.format.docx": {"sv": Text("Word"), "en": Text("Word")},
    "web.format.xlsx": {"sv": Text("Excel"), "en": Text("Excel")},
    "web.privacy.heading": {"sv": Text("Dina uppgifter"), "en": Text("Your data")},
    "web.privacy.more": {"sv": Text("Läs mer om personuppgifter och integritet."),
                         "en": Text("Read more about personal data and privacy.")},
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
    "web.summary.complete_without_plan": {
        "sv": Text("Inga fel hittades i det som står i rapporten, men den har inte jämförts med satsningens "
                   "beviljade plan: skriv rapporten i den förifyllda mallen du får av processledaren, så "
                   "jämförs pengarna, måtten och aktiviteterna med planen innan du skickar in."),
        "en": Text("No errors were found in what the report says, but it has not been compared with the "
                   "satsning's approved plan: write the report in the pre-filled form the processledare sends "
                   "you, and the money, measures and activities are compared with the plan before you submit.")},
    "web.summary.missing_attachments": {
        "sv": Text("Inga fel hittades i filen, men inskicket är inte komplett förrän du skickar det tillsammans med "
                   "{attachments:and}. Ladda upp filerna tillsammans för att kontrollera hela inskicket."),
        "en": Text("No errors were found in the file, but the submission is not complete until you send it together "
                   "with the {attachments:and}. Upload the files together to check the whole submission.")},
    # {documents}: the kinds' own names (schemas), never "ansökan" for an idéprövning.
    "web.summary.incomplete": {"sv": Text("Rätta felen nedan innan du skickar in {documents:and}. Vid varje brist står "
                                          "var den finns och hur du rättar den."),
                               "en": Text("Fix the errors below before you submit the {documents:and}. Each problem "
                                          "says where it is and how to fix it.")},
    "web.summary.the_document": {"sv": Text("dokumentet"), "en": Text("document")},
    "web.summary.unreadable": {"sv": Text("Minst en fil kunde inte läsas. Nedan står varför och vad du kan göra."),
                               "en": Text("At least one file could not be read. Below is why and what you can do.")},
    "web.report.submission": {"sv": Text("Gäller hela inskicket"), "en": Text("About the whole submission")},
    "web.report.download": {"sv": Text("Ladda ner {name}"), "en": Text("Download {name}")},
    "web.report.download_hint": {"sv": Text("En kopia av din fil med en kommentar vid varje brist. Din egen fil är "
                                            "oförändrad. Spara kopian innan du byter språk: den följer inte med."),
                                 "en": Text("A copy of your file with a comment at each problem. Your own file is "
                                            "unchanged. Save the copy before you switch language: it does not come "
                                            "along.")},
    "web.report.download_gone": {"sv": Text("Den kommenterade kopian ({name}) fanns på sidan före språkbytet och följer "
                                            "inte med. Kontrollera filen igen för att få en kopia."),
                                 "en": Text("The annotated copy ({name}) was on the page before the language switch and "
                                            "does not come along. Check the file again to get a copy.")},
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
        "sv": Text("{name} är större än {limit_mb:num} MB, som är gränsen per fil.",
                   "Gör filen mindre, till exempel genom att komprimera bilderna (i Word: Arkiv > Komprimera "
                   "bilder), och försök igen."),
        "en": Text("{name} is larger than {limit_mb:num} MB, the limit per file.",
                   "Make the file smaller, for example by compressing its pictures (in Word: File > Compress "
                   "Pictures), and try again.")},
    "web.refused.file_too_large.title": {"sv": Text("Filen är för stor"), "en": Text("The file is too large")},
    "web.refused.too_many_files": {"sv": Text("Du kan ladda upp högst {limit} filer åt gången.",
                                              "Välj färre filer: ett dokument och dess bilagor."),
                                   "en": Text("You can upload at most {limit} files at a time.",
                                              "Choose fewer files: one document and its attachments.")},
    "web.refused.too_many_files.title": {"sv": Text("För många filer"), "en": Text("Too many files")},
    "web.refused.wrong_type": {"sv": Text("{name} är inte en Word- eller Excelfil.",
                                          "Öppna filen i Word eller Excel, spara den som .docx eller .xlsx och ladda "
                                          "upp den igen."),
                               "en": Text("{name} is not a Word or Excel file.",
                                          "Open the file in Word or Excel, save it as .docx or .xlsx and upload it "
                                          "again.")},
    "web.refused.wrong_type.title": {"sv": Text("Fel filtyp"), "en": Text("Wrong file type")},
    "web.refused.funder": {"sv": Text("{name} är en mall från {funder}. Den här sidan kontrollerar bara underlag till "
                                      "{accepted:and}.",
                                      "Använd den mall som finansiären har gett dig, eller kontakta den som driver "
                                      "sidan."),
                           "en": Text("{name} is a template of {funder}. This page only checks documents for "
                                      "{accepted:and}.",
                                      "Use the template the funder gave you, or contact whoever runs the page.")},
    "web.refused.funder.title": {"sv": Text("Fel finansiär"), "en": Text("Wrong funder")},
    "web.refused.result_gone": {"sv": Text("Resultatet kan inte visas igen: sidan är för gammal, eller tjänsten har "
                                           "startats om sedan kontrollen.",
                                           "Inget sparas på servern. Kontrollera filerna igen."),
                                "en": Text("The result cannot be shown again: the page is too old, or the service has "
                                           "restarted since the check.",
                                           "Nothing is kept on the server. Check the files again.")},
    "web.refused.result_gone.title": {"sv": Text("Resultatet finns inte längre"),
                                      "en": Text("The result is no longer there")},
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

    # -- the accessibility statement (/tillganglighet), in the order of DIGG's model ----------
    "web.a11y.intro_org": {
        "sv": Text("{organisation} står bakom tjänsten {service}. Vi vill att så många som möjligt ska kunna använda "
                   "den. Här beskriver vi hur tjänsten uppfyller lagen (2018:1937) om tillgänglighet till digital "
                   "offentlig service, vilka kända brister den har och hur du kan meddela oss problem, så att vi kan "
                   "åtgärda dem."),
        "en": Text("{organisation} is responsible for the service {service}. We want as many people as possible to be "
                   "able to use it. This statement describes how the service meets the Swedish act on accessibility "
                   "of digital public services (lagen (2018:1937) om tillgänglighet till digital offentlig service), "
                   "its known shortcomings, and how to tell us about problems so that we can fix them.")},
    "web.a11y.intro": {
        "sv": Text("Tjänsten {service} ska kunna användas av så många som möjligt. Här beskrivs hur tjänsten uppfyller "
                   "lagen (2018:1937) om tillgänglighet till digital offentlig service, vilka kända brister den har "
                   "och hur du kan meddela problem, så att de kan åtgärdas."),
        "en": Text("The service {service} should be usable by as many people as possible. This statement describes "
                   "how the service meets the Swedish act on accessibility of digital public services (lagen "
                   "(2018:1937) om tillgänglighet till digital offentlig service), its known shortcomings, and how to "
                   "report problems so that they can be fixed.")},
    "web.a11y.how.heading": {"sv": Text("Hur tillgänglig är tjänsten?"), "en": Text("How accessible is the service?")},
    "web.a11y.how.partial": {"sv": Text("Vi vet att delar av tjänsten inte är helt tillgängliga. De beskrivs under "
                                        "”Innehåll som inte är tillgängligt” nedan."),
                             "en": Text("We know that parts of the service are not fully accessible. They are "
                                        "described under “Content that is not accessible” below.")},
    "web.a11y.how.full": {"sv": Text("Tjänsten uppfyller kraven, så långt våra tester visar."),
                          "en": Text("The service meets the requirements, as far as our tests show.")},
    "web.a11y.cannot.heading": {"sv": Text("Vad kan du göra om du inte kan använda delar av tjänsten?"),
                                "en": Text("What can you do if you cannot use parts of the service?")},
    "web.a11y.cannot.text": {"sv": Text("Resultatet av kontrollen finns alltid som text på resultatsidan, med var "
                                        "varje brist finns och hur du rättar den. Behöver du innehåll i en annan form, "
                                        "kontakta oss så ger vi dig det på ett sätt som fungerar för dig."),
                             "en": Text("The result of the check is always on the result page as text, with where "
                                        "each problem is and how to fix it. If you need content in another form, "
                                        "contact us and we will give it to you in a way that works for you.")},
    "web.a11y.contact_email": {"sv": Text("E-post:"), "en": Text("E-mail:")},
    "web.a11y.contact_none": {"sv": Text("Kontakta den organisation som driver tjänsten (den som länkade hit)."),
                              "en": Text("Contact the organisation that runs the service (whoever linked to it).")},
    "web.a11y.report.heading": {"sv": Text("Rapportera brister i tjänstens tillgänglighet"),
                                "en": Text("Reporting accessibility problems")},
    "web.a11y.report.text": {"sv": Text("Vi strävar efter att förbättra tjänstens tillgänglighet. Om du upptäcker "
                                        "problem som inte beskrivs på den här sidan, eller om du anser att vi inte "
                                        "uppfyller lagens krav, meddela oss så att vi får veta att problemet finns."),
                             "en": Text("We keep working to improve the service's accessibility. If you find a "
                                        "problem that is not described on this page, or think that we do not meet "
                                        "the requirements of the law, tell us so that we know about it.")},
    "web.a11y.enforcement.heading": {"sv": Text("Tillsyn"), "en": Text("Enforcement procedure")},
    "web.a11y.enforcement.text": {
        "sv": Text("Myndigheten för digital förvaltning (Digg) har ansvaret för tillsyn över lagen om tillgänglighet "
                   "till digital offentlig service. Om du inte är nöjd med hur vi hanterar dina synpunkter kan du "
                   "kontakta Digg och påtala det."),
        "en": Text("The Agency for Digital Government (Myndigheten för digital förvaltning, Digg) is responsible for "
                   "enforcing the act on accessibility of digital public services. If you are not satisfied with how "
                   "we handle your comments, you can contact Digg and report it.")},
    "web.a11y.enforcement.link": {"sv": Text("Anmäl bristande tillgänglighet till Digg"),
                                  "en": Text("Anmäl bristande tillgänglighet till Digg (report to Digg, in Swedish)")},
    "web.a11y.technical.heading": {"sv": Text("Teknisk information om tjänstens tillgänglighet"),
                                   "en": Text("Technical information about the service's accessibility")},
    "web.a11y.technical.partial": {"sv": Text("Tjänsten är delvis förenlig med lagen om tillgänglighet till digital "
                                              "offentlig service, på grund av de brister som beskrivs nedan."),
                                   "en": Text("The service is partially compliant with the act on accessibility of "
                                              "digital public services, because of the shortcomings described below.")},
    "web.a11y.technical.full": {"sv": Text("Tjänsten är helt förenlig med lagen om tillgänglighet till digital "
                                           "offentlig service."),
                                "en": Text("The service is fully compliant with the act on accessibility of digital "
                                           "public services.")},
    "web.a11y.shortcomings.heading": {"sv": Text("Innehåll som inte är tillgängligt"),
                                      "en": Text("Content that is not accessible")},
    "web.a11y.shortcomings.lead": {"sv": Text("Bristande förenlighet med lagkraven:"),
                                   "en": Text("Non-compliance with the requirements:")},
    "web.a11y.known.annotated_copy": {
        "sv": Text("Den kommenterade kopian är din egen Word- eller Excelfil med kommentarer tillagda (Word-kommentarer, "
                   "anteckningar i Excel). Dess tillgänglighet – rubriker, alternativtexter, tabellrubriker – är "
                   "densamma som i filen du laddade upp: tjänsten kan inte göra den mer tillgänglig (kraven för "
                   "dokument, EN 301 549 kapitel 10). Samma brister, med var de finns och hur du rättar dem, står "
                   "som text på resultatsidan."),
        "en": Text("The annotated copy is your own Word or Excel file with comments added (Word comments, notes in "
                   "Excel). Its accessibility – headings, alternative text, table headers – is that of the file you "
                   "uploaded: the service cannot make it more accessible (the requirements for documents, EN 301 549 "
                   "chapter 10). The same problems, with where they are and how to fix them, are on the result page "
                   "as text.")},
    "web.a11y.known.forms": {
        "sv": Text("Rapportmallarna i Word som går att ladda ner här har rubriker, dokumenttitel och svenska som språk, "
                   "men de är inte granskade mot kraven för dokument (EN 301 549 kapitel 10) eller med skärmläsare."),
        "en": Text("The Word report templates you can download here have headings, a document title and Swedish set "
                   "as their language, but they have not been reviewed against the requirements for documents (EN 301 "
                   "549 chapter 10) or with a screen reader.")},
    "web.a11y.no_media": {"sv": Text("Tjänsten har inga PDF-filer, filmer eller ljud."),
                          "en": Text("The service has no PDF files, video or audio.")},
    "web.a11y.tested.heading": {"sv": Text("Hur vi testat tjänsten"), "en": Text("How we tested the service")},
    "web.a11y.tested.automated": {
        "sv": Text("Tjänstens sidor testas automatiskt varje gång programmet ändras: axe-core letar efter brister mot "
                   "WCAG 2.1 nivå A och AA på startsidan, resultatsidorna, felsidorna, den här sidan och sidan om "
                   "personuppgifter, i webbläsaren Chromium i 1280 och 320 pixlars bredd och med 200 och 400 procents "
                   "förstoring. Testerna kontrollerar också att inget innehåll behöver rullas i sidled eller blir "
                   "avskuret, och att hela flödet – välja fil, skicka, läsa resultatet och ladda ner kopian – går att "
                   "göra med bara tangentbordet."),
        "en": Text("The service's pages are tested automatically every time the program changes: axe-core looks for "
                   "failures of WCAG 2.1 level A and AA on the start page, the result pages, the error pages, this "
                   "page and the privacy page, in the Chromium browser at 1280 and 320 pixels wide and at 200 and "
                   "400 percent zoom. The tests also check that no content needs scrolling sideways or is cut off, and "
                   "that the whole flow – choosing a file, sending it, reading the result and downloading the copy – "
                   "works with the keyboard alone.")},
    "web.a11y.tested.date": {"sv": Text("De automatiska testerna gjordes senast den {date}."),
                             "en": Text("The automated tests were last run on {date}.")},
    "web.a11y.tested.assessed": {"sv": Text("{organisation} granskade tjänsten själv (självskattning) den {date}."),
                                 "en": Text("{organisation} reviewed the service itself (self-assessment) on {date}.")},
    "web.a11y.the_organisation": {"sv": Text("Organisationen som driver tjänsten"),
                                  "en": Text("The organisation that runs the service")},
    "web.a11y.updated": {"sv": Text("Redogörelsen uppdaterades senast den {date}."),
                         "en": Text("The statement was last updated on {date}.")},
    # -- personal data and privacy (/integritet): what this service does, true by how it is built
    "web.privacy.page.intro_org": {
        "sv": Text("{organisation} driver tjänsten. Utkast till ansökningar och rapporter kan innehålla personuppgifter, "
                   "till exempel namn på kontaktpersoner. Så här hanteras det du laddar upp."),
        "en": Text("{organisation} runs the service. Drafts of applications and reports can contain personal data, "
                   "such as the names of contact persons. This is what happens to what you upload.")},
    "web.privacy.page.intro": {
        "sv": Text("Utkast till ansökningar och rapporter kan innehålla personuppgifter, till exempel namn på "
                   "kontaktpersoner. Så här hanteras det du laddar upp."),
        "en": Text("Drafts of applications and reports can contain personal data, such as the names of contact "
                   "persons. This is what happens to what you upload.")},
    "web.privacy.page.upload_heading": {"sv": Text("Det här händer med filerna du laddar upp"),
                                        "en": Text("What happens to the files you upload")},
    "web.privacy.page.folder": {
        "sv": Text("Varje uppladdning får en egen tillfällig mapp på servern. Filerna sparas där under neutrala namn "
                   "(som 0.docx), kontrolleras och får kommentarer, och mappen raderas innan du får svaret."),
        "en": Text("Each upload gets a temporary folder of its own on the server. The files are stored there under "
                   "neutral names (such as 0.docx), checked and annotated, and the folder is deleted before you get "
                   "the answer.")},
    "web.privacy.page.nothing_kept": {
        "sv": Text("Inget av det du laddar upp sparas: inte filerna, inte resultatet och inte den kommenterade kopian."),
        "en": Text("Nothing you upload is kept: not the files, not the result and not the annotated copy.")},
    "web.privacy.page.copy": {
        "sv": Text("Den kommenterade kopian finns bara i resultatsidan i din webbläsare. Laddar du om sidan eller "
                   "stänger den är kopian borta, så spara den om du vill ha den."),
        "en": Text("The annotated copy exists only in the result page in your browser. If you reload or close the "
                   "page it is gone, so save it if you want it.")},
    "web.privacy.page.language": {
        "sv": Text("Byter du språk på resultatsidan skickar din webbläsare tillbaka resultatet (inte filerna) till "
                   "servern, som visar det på det andra språket utan att spara något."),
        "en": Text("If you switch language on the result page, your browser sends the result (not the files) back to "
                   "the server, which shows it in the other language without keeping anything.")},
    "web.privacy.page.logs_heading": {"sv": Text("Loggar och kakor"), "en": Text("Logs and cookies")},
    "web.privacy.page.logs": {
        "sv": Text("Tjänsten skriver inga filnamn och inget innehåll i sina loggar, bara antal filer, storlek, "
                   "resultat (komplett eller inte) och tid för varje kontroll."),
        "en": Text("The service writes no file names and no content in its logs, only the number of files, their "
                   "size, the result (complete or not) and the time of each check.")},
    "web.privacy.page.access_log": {
        "sv": Text("Webbserverns åtkomstlogg innehåller din IP-adress, sidans adress och svarskoden, men aldrig "
                   "filnamn: de skickas inte i adressen."),
        "en": Text("The web server's access log holds your IP address, the page's address and the status code, but "
                   "never file names: they are not sent in the address.")},
    "web.privacy.page.no_cookies": {
        "sv": Text("Tjänsten använder inga kakor och hämtar inget från andra webbplatser (inga typsnitt, ingen "
                   "statistik)."),
        "en": Text("The service uses no cookies and loads nothing from other websites (no fonts, no statistics).")},
    "web.privacy.page.questions_heading": {"sv": Text("Frågor"), "en": Text("Questions")},
    "web.privacy.page.questions": {"sv": Text("Frågor om personuppgifter i tjänsten:"),
                                   "en": Text("Questions about personal data in the service:")},
    "web.privacy.page.questions_none": {"sv": Text("Kontakta den organisation som driver tjänsten."),
                                        "en": Text("Contact the organisation that runs the service.")},
    # -- the settings file (`socinv serve --settings kommun.toml`, web/site.py); {where} is the
    # file and, where known, its line.
    "web.settings.where": {"sv": Text("{file}"), "en": Text("{file}")},
    "web.settings.where_line": {"sv": Text("{file}, rad {line}"), "en": Text("{file}, line {line}")},
    "web.settings.unreadable": {"sv": Text("{where}: inställningsfilen kan inte läsas ({error})."),
                                "en": Text("{where}: the settings file cannot be read ({error}).")},
    "web.settings.not_utf8": {"sv": Text("{where}: filen är inte sparad som UTF-8; spara den som UTF-8 och försök igen."),
                              "en": Text("{where}: the file is not saved as UTF-8; save it as UTF-8 and try again.")},
    "web.settings.syntax": {"sv": Text("{where}: filen är inte giltig TOML ({detail}). Se exemplet i README."),
                            "en": Text("{where}: the file is not valid TOML ({detail}). See the example in the "
                                       "README.")},
    "web.settings.unknown_key": {"sv": Text("{where}: okänd inställning '{name}'.{suggestion} Kända: {known:list}."),
                                 "en": Text("{where}: unknown setting '{name}'.{suggestion} Known: {known:list}.")},
    "web.settings.did_you_mean": {"sv": Text(" Menade du '{value}'?"), "en": Text(" Did you mean '{value}'?")},
    "web.settings.not_text": {"sv": Text("{where}: '{name}' ska vara en text inom citattecken."),
                              "en": Text("{where}: '{name}' must be a text in quotes.")},
    "web.settings.not_localized": {
        "sv": Text("{where}: '{name}' ska vara en text inom citattecken, eller en tabell med sv = \"…\" (och en = "
                   "\"…\")."),
        "en": Text("{where}: '{name}' must be a text in quotes, or a table with sv = \"…\" (and en = \"…\").")},
    "web.settings.not_date": {"sv": Text("{where}: '{name}' ska vara ett datum, till exempel 2026-05-01 (utan "
                                         "citattecken)."),
                              "en": Text("{where}: '{name}' must be a date, for example 2026-05-01 (without quotes).")},
    "web.settings.not_email": {"sv": Text("{where}: '{name}' ska vara en e-postadress, inte '{value}'."),
                               "en": Text("{where}: '{name}' must be an e-mail address, not '{value}'.")},
    "web.settings.not_bool": {"sv": Text("{where}: '{name}' ska vara true eller false."),
                              "en": Text("{where}: '{name}' must be true or false.")},
    "web.settings.not_table": {"sv": Text("{where}: '{name}' ska vara en tabell, [{name}]."),
                               "en": Text("{where}: '{name}' must be a table, [{name}].")},
    "web.settings.not_list": {"sv": Text("{where}: '{name}' ska vara en lista, [\"…\", \"…\"]."),
                              "en": Text("{where}: '{name}' must be a list, [\"…\", \"…\"].")},
    "web.settings.funders_list": {"sv": Text("{where}: 'funders' ska vara en lista med minst en av {known:list}."),
                                  "en": Text("{where}: 'funders' must be a list of at least one of {known:list}.")},
    "web.settings.unknown_funder": {"sv": Text("{where}: okänd finansiär {value:list} i 'funders'. Kända: {known:list}."),
                                    "en": Text("{where}: unknown funder {value:list} in 'funders'. Known: "
                                               "{known:list}.")},
    "web.settings.templates_list": {"sv": Text("{where}: varje mall skrivs som [[templates]] med title och url."),
                                    "en": Text("{where}: each template is written as [[templates]] with title and "
                                               "url.")},
    "web.settings.not_url": {"sv": Text("{where}: '{name}' ska vara en webbadress (https://…) eller en sökväg på "
                                        "sidan (/…), inte '{value}'."),
                             "en": Text("{where}: '{name}' must be a web address (https://…) or a path on the site "
                                        "(/…), not '{value}'.")},
    "web.settings.logo_type": {"sv": Text("{where}: logotypen '{value}' ska vara en av {known:list}."),
                               "en": Text("{where}: the logo '{value}' must be one of {known:list}.")},
    "web.settings.logo_too_large": {"sv": Text("{where}: logotypen '{value}' är {size_kb:num} kB; högst {limit_kb} kB."),
                                    "en": Text("{where}: the logo '{value}' is {size_kb:num} kB; at most {limit_kb} "
                                               "kB.")},
    "web.settings.logo_unreadable": {"sv": Text("{where}: logotypen '{value}' kan inte läsas ({error})."),
                                     "en": Text("{where}: the logo '{value}' cannot be read ({error}).")},
    "web.settings.logo_content": {"sv": Text("{where}: logotypen '{value}' är inte den bildtyp som filnamnet säger."),
                                  "en": Text("{where}: the logo '{value}' is not the kind of picture its name says.")},
}

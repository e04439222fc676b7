"""The message catalogue: every text a user reads, in Swedish (default) and English.

Keys are rule codes (message and hint), FILE_UNREADABLE reasons ("unreadable.*"),
locations ("loc.*") and the words of the reports ("ui.*"). Parameters use str.format
names; a missing parameter shows as {name} rather than failing. No other module holds
user-facing text.
"""

from __future__ import annotations

from string import Formatter
from typing import NamedTuple


class Text(NamedTuple):
    message: str
    hint: str = ""


CATALOGUE: dict[str, dict[str, Text]] = {
    # -- rule codes (SPEC §4) ------------------------------------------------------------
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
    # Section findings: {name} is what the section table calls the section (the short name
    # where the template's heading is a long question), {heading} the template's heading.
    # Variants (Finding.params["variant"]) word the cases that need other words.
    "SECTION_MISSING": {
        "sv": Text("Avsnittet '{name}' saknas.",
                   "Lägg till rubriken '{heading}' och besvara den enligt mallen."),
        "en": Text("The section '{name}' is missing.",
                   "Add the heading '{heading}' and answer it as the template asks."),
    },
    "SECTION_MISSING.unrecognised": {  # a heading was there, but matched no section well enough
        "sv": Text("Hittade rubriken '{found}' men kände inte igen den som '{heading}'.",
                   "Skriv rubriken som i mallen, '{heading}', så att avsnittet känns igen."),
        "en": Text("Found the heading '{found}' but did not recognise it as '{heading}'.",
                   "Write the heading as the template does, '{heading}', so that the section is recognised."),
    },
    "SECTION_EMPTY": {
        "sv": Text("Avsnittet '{name}' är tomt.", "Skriv svaret under rubriken."),
        "en": Text("The section '{name}' is empty.", "Write the answer under the heading."),
    },
    "SECTION_EMPTY.cell": {  # Excel: the answer has a cell
        "sv": Text("", "Skriv svaret i cell {cell}."),
        "en": Text("", "Write the answer in cell {cell}."),
    },
    # The utvärderingsschema: each "section" is a column of a grid with a row per goal (or
    # activity); {column} is the column's header, {row_name} the header of the column that
    # names each row (Mål), both from the kind's schema.
    "SECTION_EMPTY.column": {
        "sv": Text("Kolumnen '{name}' är tom.",
                   "Fyll i kolumnen '{column}' på raden för varje '{row_name}', med början i cell {cell}."),
        "en": Text("The column '{name}' is empty.",
                   "Fill in the column '{column}' on the row of each '{row_name}', starting in cell {cell}."),
    },
    "SECTION_EMPTY.key_column": {
        "sv": Text("Kolumnen '{name}' är tom.",
                   "Fyll i kolumnen '{column}', en rad för var och en, med början i cell {cell}."),
        "en": Text("The column '{name}' is empty.",
                   "Fill in the column '{column}', one row for each, starting in cell {cell}."),
    },
    "SECTION_PLACEHOLDER": {
        "sv": Text("Avsnittet '{name}' innehåller bara platshållartexten '{placeholder}'.",
                   "Ersätt '{placeholder}' med ert svar."),
        "en": Text("The section '{name}' only holds the placeholder text '{placeholder}'.",
                   "Replace '{placeholder}' with your answer."),
    },
    "SECTION_PLACEHOLDER.cell": {  # Excel: the placeholder is in the answer's cell
        "sv": Text("", "Skriv ert svar i cell {cell} i stället för '{placeholder}'."),
        "en": Text("", "Type your answer in cell {cell} instead of '{placeholder}'."),
    },
    "SECTION_PLACEHOLDER.control": {  # Word: a content control still showing its placeholder
        "sv": Text("Avsnittet '{name}' innehåller bara mallens platshållartext.",
                   "Klicka i textfältet under rubriken och skriv ert svar där."),
        "en": Text("The section '{name}' only holds the template's placeholder text.",
                   "Click the text field under the heading and type your answer there."),
    },
    # An answered section with a placeholder left beside the answer: the answer counts
    # (SPEC §2.4), a warning points at what is left (rules/sections.py, _leftover).
    "SECTION_PLACEHOLDER.leftover": {
        "sv": Text("Avsnittet '{name}' är besvarat, men platshållartexten '{placeholder}' står kvar.",
                   "Ta bort '{placeholder}' så att bara ert svar står kvar."),
        "en": Text("The section '{name}' is answered, but the placeholder text '{placeholder}' is still there.",
                   "Delete '{placeholder}' so that only your answer is left."),
    },
    "SECTION_PLACEHOLDER.leftover_cell": {  # Excel: the answer typed beside or beneath the answer cell
        "sv": Text("Avsnittet '{name}' är besvarat i cell {answer_cell}, men platshållartexten '{placeholder}' står "
                   "kvar i cell {cell}.",
                   "Ta bort '{placeholder}' ur cell {cell}, eller flytta ert svar dit."),
        "en": Text("The section '{name}' is answered in cell {answer_cell}, but the placeholder text '{placeholder}' "
                   "is still in cell {cell}.",
                   "Delete '{placeholder}' from cell {cell}, or move your answer there."),
    },
    "SECTION_PLACEHOLDER.leftover_control": {  # Word: an unused content control beside the answer
        "sv": Text("Avsnittet '{name}' är besvarat, men ett textfält visar fortfarande mallens platshållartext.",
                   "Ta bort det tomma textfältet under rubriken, eller skriv ert svar i det."),
        "en": Text("The section '{name}' is answered, but a text field still shows the template's placeholder.",
                   "Delete the empty text field under the heading, or type your answer in it."),
    },
    "SECTION_TOO_SHORT": {
        "sv": Text("Avsnittet '{name}' är kort: {words} ord, minst {minimum} förväntas.",
                   "Utveckla svaret så att beredningsgruppen kan bedöma det."),
        "en": Text("The section '{name}' is short: {words} words, at least {minimum} expected.",
                   "Expand the answer so that the review group can assess it."),
    },
    "FIELD_MISSING": {
        "sv": Text("Uppgiften '{label}' är inte ifylld.", "Fyll i '{label}' i mallen."),
        "en": Text("The field '{label}' is not filled in.", "Fill in '{label}' in the template."),
    },
    "FIELD_MISSING.cell": {  # Excel: the answer has a cell
        "sv": Text("", "Skriv det i cell {cell}."),
        "en": Text("", "Type it in cell {cell}."),
    },
    "FIELD_INVALID": {
        "sv": Text("Uppgiften '{label}' går inte att läsa som {type}: '{raw}'.", "Skriv till exempel: {type:hint}."),
        "en": Text("The field '{label}' cannot be read as {type}: '{raw}'.", "Write for example: {type:hint}."),
    },
    "CRITERION_UNANSWERED": {
        "sv": Text("Kriteriet '{question}' är inte besvarat med Ja eller Nej.",
                   "Skriv Ja eller Nej i kolumnen Ja/Nej och motivera."),
        "en": Text("The criterion '{question}' is not answered Yes or No.",
                   "Write Ja or Nej in the Ja/Nej column and give a reason."),
    },
    "CRITERION_NOT_MET": {
        "sv": Text("Kriteriet '{question}' är besvarat med Nej.",
                   "Idén bedöms mot alla kriterier; motivera varför den ändå bör prövas."),
        "en": Text("The criterion '{question}' is answered No.",
                   "The idea is assessed against every criterion; explain why it should still be tried."),
    },
    "CRITERION_UNCLEAR": {
        "sv": Text("Kriteriet '{question}' är besvarat med '{answer}', som varken är Ja eller Nej.",
                   "Skriv Ja eller Nej i kolumnen Ja/Nej, och förklara '{answer}' under Motivering."),
        "en": Text("The criterion '{question}' is answered '{answer}', which is neither Ja (yes) nor Nej (no).",
                   "Write Ja or Nej in the Ja/Nej column, and explain '{answer}' under Motivering."),
    },
    "CRITERION_UNMOTIVATED": {
        "sv": Text("Kriteriet '{question}' är besvarat ('{answer}') men saknar motivering.",
                   "Skriv i kolumnen Motivering varför ni svarar så; mallen ber om en motivering för varje kriterium."),
        "en": Text("The criterion '{question}' is answered ('{answer}') but has no motivation.",
                   "Write in the Motivering column why you answer so; the template asks for a reason for each "
                   "criterion."),
    },
    "DURATION_OUT_OF_RANGE": {
        "sv": Text("Tiden för genomförande är {years:num} år; den ska vara {min:num}–{max:num} år.",
                   "Anpassa tidsplanen till {min:num}–{max:num} år."),
        "en": Text("The duration is {years:num} years; it must be {min:num}–{max:num} years.",
                   "Adjust the schedule to {min:num}–{max:num} years."),
    },
    "PARTIES_INSUFFICIENT": {
        "sv": Text("Samverkan räcker inte: {found:and} medverkar.", "Det krävs {required:or}."),
        "en": Text("Not enough partners. Taking part: {found:and}.", "What is required: {required:or}."),
    },
    "PARTY_FOR_PROFIT": {
        "sv": Text("'{party}' ser ut att vara ett vinstdrivande företag.",
                   "Vinstdrivande företag kan inte vara part här; ta bort det eller ange vilken sorts organisation det är."),
        "en": Text("'{party}' looks like a for-profit company.",
                   "For-profit companies cannot be partners here; remove it or say what kind of organisation it is."),
    },
    "PROJECT_LEAD_TOO_LOW": {
        "sv": Text("Projektledaren har {percent:num} % av heltid; minst {minimum:num} % krävs.",
                   "Avsätt en projektledare om minst {minimum:num} procent."),
        "en": Text("The project lead has {percent:num} % of full time; at least {minimum:num} % is required.",
                   "Assign a project lead of at least {minimum:num} percent."),
    },
    "COSTS_INCONSISTENT": {
        "sv": Text("Kostnaderna går inte ihop: {detail}.", "Kontrollera summorna i kostnadstabellen."),
        "en": Text("The costs do not add up: {detail}.", "Check the sums in the cost table."),
    },
    "SAVINGS_BELOW_COST": {
        "sv": Text("Förväntade besparingar ({savings:kr}) inom {horizon} år efter avslut täcker inte kostnaden ({cost:kr}).",
                   "Besparingarna ska vara minst lika stora som kostnaden."),
        "en": Text("Expected savings ({savings:kr}) within {horizon} years after the end do not cover the cost ({cost:kr}).",
                   "Savings must be at least as large as the cost."),
    },
    "SAVINGS_HORIZON_EXCEEDED": {
        "sv": Text("Besparingar för '{namnd}' räknas i {years:num} år; högst {horizon} år efter avslut räknas.",
                   "Ange högst {horizon} år."),
        "en": Text("Savings for '{namnd}' are claimed for {years:num} years; at most {horizon} years count.",
                   "Claim at most {horizon} years."),
    },
    "ATTACHMENT_MISSING": {
        "sv": Text("Inskicket '{submission}' saknar bilagan {attachment}.",
                   "Skicka med {attachment} tillsammans med {document}."),
        "en": Text("The submission '{submission}' lacks the attachment {attachment}.",
                   "Send the {attachment} together with the {document}."),
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
    "SCHEMA_ROW_INCOMPLETE": {
        "sv": Text("Målet '{goal}' saknar {missing:list}.", "Varje mål ska ha minst en aktivitet, ett mått och en basmätning."),
        "en": Text("The goal '{goal}' lacks {missing:list}.", "Every goal needs an activity, a measure and a baseline."),
    },
    "SCHEMA_ROW_INCOMPLETE.cells": {  # the empty cells are known
        "sv": Text("", "Fyll i det som saknas i {cells:list}; varje mål ska ha minst en aktivitet, ett mått och en "
                       "basmätning."),
        "en": Text("", "Fill in what is missing in {cells:list}; every goal needs an activity, a measure and a "
                       "baseline."),
    },
    # {heading}: the signature block's heading ("Underskrifter"), {columns}: its columns, both
    # from the kind's schema; the rows people see, never a count of table rows.
    "SIGNATURE_MISSING": {
        "sv": Text("Under '{heading}' är {found} av de {needed} underskrifter som behövs ifyllda.",
                   "Fyll i {columns:and} på en rad för var och en som ska skriva under."),
        "en": Text("Under '{heading}', {found} of the {needed} signatures needed are filled in.",
                   "Fill in {columns:and} on a row for each person who is to sign."),
    },
    "SIGNATURE_MISSING.none": {
        "sv": Text("Ingen har skrivit under: inget är ifyllt under '{heading}'.",
                   "Den som skriver under fyller i {columns:and} på en rad under '{heading}'."),
        "en": Text("Nobody has signed: nothing is filled in under '{heading}'.",
                   "Whoever signs fills in {columns:and} on a row under '{heading}'."),
    },
    "SIGNATURE_MISSING.per_party": {
        "sv": Text("Under '{heading}' har {found} av {needed} parter skrivit under.",
                   "Varje part skriver under: fyll i {columns:and} på en rad per part."),
        "en": Text("Under '{heading}', {found} of {needed} parties have signed.",
                   "Every party signs: fill in {columns:and} on a row for each."),
    },
    "SIGNATURE_MISSING.row": {  # a row begun but not finished: a name without a date
        "sv": Text("Underskriften på raden '{row}' under '{heading}' saknar {missing:and}.",
                   "Fyll i {missing:and} på raden '{row}'."),
        "en": Text("The signature on the row '{row}' under '{heading}' lacks {missing:and}.",
                   "Fill in {missing:and} on the row '{row}'."),
    },
    "COST_CEILING_EXCEEDED": {
        "sv": Text("{what} är {amount:kr}; högst {ceiling:kr} kan beviljas.",
                   "Minska det sökta beloppet till högst {ceiling:kr}."),
        "en": Text("{what} is {amount:kr}; at most {ceiling:kr} can be granted.",
                   "Reduce the amount applied for to at most {ceiling:kr}."),
    },
    "FUND_SHARE_TOO_HIGH": {
        "sv": Text("Det sökta beloppet ({requested:kr}) är {share:pct} av kostnaden ({cost:kr}); fonden står "
                   "för högst {maximum:pct}.",
                   "Öka medfinansieringen eller minska det sökta beloppet."),
        "en": Text("The amount applied for ({requested:kr}) is {share:pct} of the cost ({cost:kr}); the fund pays "
                   "at most {maximum:pct}.",
                   "Increase the co-financing or reduce the amount applied for."),
    },
    "OWN_SHARE_TOO_LOW": {
        "sv": Text("Medfinansieringen ({own:kr}) är {share:pct} av kostnaden ({cost:kr}); minst {minimum:pct} krävs.",
                   "Redovisa sökandes egna insatser i pengar eller arbetstid."),
        "en": Text("The co-financing ({own:kr}) is {share:pct} of the cost ({cost:kr}); at least {minimum:pct} is "
                   "required.",
                   "Show the applicants' own contribution in money or working hours."),
    },
    "PAYBACK_TOO_LONG": {
        "sv": Text("Satsningen betalar sig {when}; högst {maximum} år efter avslut godtas.",
                   "Visa hur besparingarna täcker kostnaden inom {maximum} år."),
        "en": Text("The satsning pays for itself {when}; at most {maximum} years after the end are accepted.",
                   "Show how the savings cover the cost within {maximum} years."),
    },
    # -- parts of PARTIES_INSUFFICIENT, COST_CEILING_EXCEEDED, PAYBACK_TOO_LONG ------------------
    "parties.count": {"sv": Text("{n} {name}"), "en": Text("{n} {name}")},
    "parties.total": {"sv": Text("{n} parter sammanlagt"), "en": Text("{n} parties in all")},
    "parties.none": {"sv": Text("ingen part"), "en": Text("no party")},
    "parties.alternative": {"sv": Text("minst {parts:and}"), "en": Text("at least {parts:and}")},
    "parties.alternative_areas": {"sv": Text("minst {parts:and} från olika verksamhetsområden"),
                                  "en": Text("at least {parts:and} from different areas")},
    "ceiling.per_year": {"sv": Text("Sökt belopp för {year}"), "en": Text("The amount applied for in {year}")},
    "ceiling.total": {"sv": Text("Sökt belopp totalt"), "en": Text("The total amount applied for")},
    "ceiling.cost_per_year": {"sv": Text("Kostnaden för {year}"), "en": Text("The cost in {year}")},
    "ceiling.cost_total": {"sv": Text("Den totala kostnaden"), "en": Text("The total cost")},
    "payback.after": {"sv": Text("år {years} efter avslut"), "en": Text("in year {years} after the end")},
    "payback.never": {"sv": Text("inte inom {horizon} år"), "en": Text("not within {horizon} years")},
    "ui.and": {"sv": Text("och"), "en": Text("and")},
    "ui.or": {"sv": Text("eller"), "en": Text("or")},
    "ui.source": {"sv": Text("Enligt {funder}: ”{source}”"), "en": Text("{funder}'s rule: “{source}”")},
    # -- details of COSTS_INCONSISTENT ------------------------------------------------------
    "costs.row": {"sv": Text("raden '{row}' summerar till {parts:kr} men {column} är {summa:kr}"),
                  "en": Text("the row '{row}' adds up to {parts:kr} but {column} says {summa:kr}")},
    "costs.total": {"sv": Text("åren summerar till {years:kr} men {row} är {total:kr}"),
                    "en": Text("the years add up to {years:kr} but {row} says {total:kr}")},
    "costs.requested_fund": {"sv": Text("{column} är totalt {total:kr} men sökt belopp är {requested:kr}"),
                             "en": Text("{column} totals {total:kr} but the amount applied for is {requested:kr}")},
    "costs.requested": {"sv": Text("kostnaderna är totalt {total:kr} men sökt belopp är {requested:kr}"),
                        "en": Text("the costs total {total:kr} but the amount applied for is {requested:kr}")},
    # -- why a file is unreadable ------------------------------------------------------------
    "unreadable.empty": {"sv": Text("filen är tom (0 byte)",
                   "Filen är tom: spara dokumentet på nytt och skicka det igen."), "en": Text("the file is empty (0 bytes)",
                   "The file is empty: save the document again and resend it.")},
    "unreadable.too_large": {"sv": Text("filen är för stor ({size_mb:num} MB, gränsen är {limit_mb:num} MB)",
                   "Minska filen (till exempel bilder) eller höj gränsen SOCINV_MAX_FILE_BYTES."),
                             "en": Text("the file is too large ({size_mb:num} MB, the limit is {limit_mb:num} MB)",
                   "Make the file smaller (e.g. images) or raise SOCINV_MAX_FILE_BYTES.")},
    "unreadable.encrypted": {"sv": Text("filen är lösenordsskyddad; spara en kopia utan lösenord",
                   "Ta bort lösenordet (Arkiv > Info > Skydda dokument) och spara en ny kopia."),
                             "en": Text("the file is password-protected; save a copy without a password",
                   "Remove the password (File > Info > Protect Document) and save a new copy.")},
    "unreadable.legacy": {"sv": Text("filen har ett äldre Office-format (som Word 97–2003, .doc) som inte läses här; spara den som .docx eller .xlsx",
                   "Öppna filen i Word eller Excel och välj Spara som .docx eller .xlsx. (Där LibreOffice är installerat läses .doc direkt.)"),
                          "en": Text("the file is in an old Office format (such as Word 97–2003, .doc) that is not read here; save it as .docx or .xlsx",
                   "Open the file in Word or Excel and Save As .docx or .xlsx. (Where LibreOffice is installed, .doc is read directly.)")},
    "unreadable.xlsb": {"sv": Text("filen är en binär Excel-arbetsbok (.xlsb), som verktyget inte läser",
                   "Öppna filen i Excel och välj Arkiv > Spara som > Excel-arbetsbok (.xlsx)."),
                        "en": Text("the file is a binary Excel workbook (.xlsb), which the tool does not read",
                   "Open it in Excel and choose File > Save As > Excel Workbook (.xlsx).")},
    "unreadable.conversion_failed": {"sv": Text("filen har det äldre formatet .doc och LibreOffice kunde inte konvertera den ({detail})",
                   "Öppna filen i Word eller LibreOffice och välj Spara som Word-dokument (.docx)."),
                                     "en": Text("the file is in the old .doc format and LibreOffice could not convert it ({detail})",
                   "Open it in Word or LibreOffice and Save As Word Document (.docx).")},
    # what xlrd said about a .xls it could not read (readers/xls_reader.py): a binary file, no XML
    "unreadable.xls_failed": {"sv": Text("filen har det äldre Excel-formatet (.xls) och kunde inte läsas ({detail})",
                   "Öppna filen i Excel eller LibreOffice och välj Spara som Excel-arbetsbok (.xlsx)."),
                              "en": Text("the file is in the old Excel format (.xls) and could not be read ({detail})",
                   "Open it in Excel or LibreOffice and Save As Excel Workbook (.xlsx).")},
    "unreadable.pdf": {"sv": Text("filen är en PDF, inte ett Word- eller Excel-dokument",
                   "Skicka Word- eller Excel-filen som mallen är gjord i, inte en PDF."),
                       "en": Text("the file is a PDF, not a Word or Excel document",
                   "Send the Word or Excel file of the template, not a PDF.")},
    "unreadable.opendocument": {"sv": Text("filen är ett OpenDocument-dokument (LibreOffice/OpenOffice), inte Word eller Excel",
                                           "Öppna filen och välj Spara som Word (.docx) eller Excel (.xlsx)."),
                                "en": Text("the file is an OpenDocument file (LibreOffice/OpenOffice), not Word or Excel",
                                           "Open it and Save As Word (.docx) or Excel (.xlsx).")},
    "unreadable.not_office": {"sv": Text("filen är inte ett Word- eller Excel-dokument"),
                              "en": Text("the file is not a Word or Excel document")},
    "unreadable.corrupt": {"sv": Text("filen är trasig eller ofullständig (avkortad?)"),
                           "en": Text("the file is corrupt or incomplete (truncated?)")},
    "unreadable.zip_bomb": {"sv": Text("filen packas upp till mer än {limit_mb:num} MB (misstänkt zip-bomb)",
                   "Spara en ny kopia direkt från Word eller Excel och skicka den."),
                            "en": Text("the file unpacks to more than {limit_mb:num} MB (suspected zip bomb)",
                   "Save a new copy straight from Word or Excel and send that.")},
    "unreadable.zip_ratio": {"sv": Text("en del av filen ({part}) är packad {ratio:num} gånger, mer än gränsen {limit:num} (misstänkt zip-bomb)",
                   "Spara en ny kopia direkt från Word eller Excel och skicka den; höj vid behov SOCINV_MAX_RATIO."),
                             "en": Text("a part of the file ({part}) is compressed {ratio:num} to 1, more than the limit of {limit:num} (suspected zip bomb)",
                   "Save a new copy straight from Word or Excel and send that; raise SOCINV_MAX_RATIO if needed.")},
    "unreadable.part_too_large": {"sv": Text("en del av filen ({part}) är större än {limit_mb:num} MB uppackad"),
                                  "en": Text("a part of the file ({part}) is larger than {limit_mb:num} MB unpacked")},
    "unreadable.too_many_parts": {"sv": Text("filen har för många delar ({count:num}, gränsen är {limit:num})"),
                                  "en": Text("the file has too many parts ({count:num}, the limit is {limit:num})")},
    "unreadable.hostile_xml": {"sv": Text("filen innehåller otillåten XML (DTD/entiteter i {part})",
                   "Spara en ny kopia direkt från Word eller Excel och skicka den."),
                               "en": Text("the file contains disallowed XML (DTD/entities in {part})",
                   "Save a new copy straight from Word or Excel and send that.")},
    "unreadable.bad_content": {"sv": Text("filens innehåll kan inte tolkas (trasig eller ovanlig XML)"),
                               "en": Text("the file's content cannot be interpreted ({detail})")},
    "unreadable.wrong_extension": {"sv": Text("filtypen {suffix} stöds inte; använd .docx eller .xlsx"),
                                   "en": Text("the file type {suffix} is not supported; use .docx or .xlsx")},
    "unreadable.os_error": {"sv": Text("filen kunde inte öppnas ({error})"),
                            "en": Text("the file could not be opened ({error})")},
    "unreadable.not_found": {"sv": Text("filen finns inte",
                   "Kontrollera sökvägen och filnamnet."), "en": Text("the file does not exist",
                   "Check the path and the file name.")},
    "unreadable.timeout": {"sv": Text("läsningen tog längre än {seconds:num} s och avbröts",
                   "Spara en ny kopia av filen; höj vid behov SOCINV_MAX_SECONDS."),
                           "en": Text("reading took longer than {seconds:num} s and was stopped",
                   "Save a new copy of the file; raise SOCINV_MAX_SECONDS if needed.")},
    "unreadable.internal": {"sv": Text("ett internt fel i socinv-docs stoppade kontrollen ({detail})",
                                       "Skicka gärna filen till den som förvaltar verktyget."),
                            "en": Text("an internal error in socinv-docs stopped the check ({detail})",
                                       "Please send the file to whoever maintains the tool.")},
    "unreadable.crashed": {"sv": Text("läsningen avbröts oväntat ({detail})"),
                           "en": Text("reading stopped unexpectedly ({detail})")},
    "unreadable.xml_encoding": {"sv": Text("en del av filen ({part}) har en teckenkodning som inte stöds ({encoding})"),
                                "en": Text("a part of the file ({part}) uses an unsupported character encoding ({encoding})")},
    "unreadable.missing_part": {"sv": Text("filen saknar en nödvändig del ({part}); spara om den i Word eller Excel"),
                                "en": Text("the file lacks a required part ({part}); save it again in Word or Excel")},
    "unreadable.is_directory": {"sv": Text("sökvägen är en mapp, inte en fil; använd 'socinv validate' för mappar",
                   "Ange en fil, eller kör socinv validate på mappen."),
                                "en": Text("the path is a folder, not a file; use 'socinv validate' for folders",
                   "Name a file, or run socinv validate on the folder.")},
    "unreadable.too_many_cells": {"sv": Text("kalkylbladet {sheet} täcker för många celler ({count:num}, gränsen är {limit:num})"),
                                  "en": Text("the sheet {sheet} covers too many cells ({count:num}, the limit is {limit:num})")},
    # the limit is over the whole workbook: no one sheet holds that many
    "unreadable.too_many_cells_workbook": {
        "sv": Text("arbetsboken täcker för många celler ({count:num}, gränsen är {limit:num})"),
        "en": Text("the workbook covers too many cells ({count:num}, the limit is {limit:num})")},
    "unreadable.too_much_text": {"sv": Text("filen innehåller mer text än gränsen {limit:num} tecken (en text som visas i många celler räknas varje gång)",
                   "Korta texten, eller höj gränsen SOCINV_MAX_TEXT_CHARS."),
                                 "en": Text("the file holds more text than the limit of {limit:num} characters (a text shown in many cells counts each time)",
                   "Shorten the text, or raise SOCINV_MAX_TEXT_CHARS.")},
    "unreadable.unknown_xml": {"sv": Text("en del av filen ({part}) är skriven i ett XML-format som verktyget inte känner igen",
                   "Spara filen på nytt i Word eller Excel som .docx eller .xlsx."),
                               "en": Text("a part of the file ({part}) is written in an XML vocabulary the tool does not know",
                   "Save the file again in Word or Excel as .docx or .xlsx.")},
    "unreadable.too_deep": {"sv": Text("en del av filen ({part}) är nästlad i fler än {limit} nivåer"),
                            "en": Text("a part of the file ({part}) is nested more than {limit} levels deep")},
    # --kind names a template of the other format (pipeline.check_document)
    "unreadable.kind_mismatch": {
        "sv": Text("filen är {file_format}, men --kind {kind} är en mall för {kind_format:hint}",
                   "Ange en mall för {file_format:hint} med --kind ({choices:or}), eller utelämna --kind så känns "
                   "mallen igen."),
        "en": Text("the file is {file_format}, but --kind {kind} is a template for {kind_format:hint}",
                   "Name a template for {file_format:hint} with --kind ({choices:or}), or leave --kind out to "
                   "detect it.")},
    # a file format in words (message) and its program (hint)
    "format.docx": {"sv": Text("ett Word-dokument", "Word"), "en": Text("a Word document", "Word")},
    "format.xlsx": {"sv": Text("en Excel-arbetsbok", "Excel"), "en": Text("an Excel workbook", "Excel")},
    # -- entries of a folder that are not checked (validate.scan) ----------------------------
    "skipped.link_outside": {
        "sv": Text("länken leder utanför mappen och följdes inte; --follow-links följer den"),
        "en": Text("the link leads out of the folder and was not followed; --follow-links follows it")},
    "skipped.link_loop": {"sv": Text("länken går i en slinga och följdes inte"),
                          "en": Text("the link goes round in a loop and was not followed")},
    "skipped.link_broken": {"sv": Text("länken leder till något som inte finns"),
                            "en": Text("the link leads to something that does not exist")},
    "skipped.not_regular": {"sv": Text("ingen vanlig fil – en FIFO, en enhetsfil eller en socket – och lästes inte"),
                            "en": Text("not a regular file – a FIFO, a device or a socket – and was not read")},
    "skipped.unreadable": {"sv": Text("kan inte läsas ({error})"), "en": Text("cannot be read ({error})")},
    # -- what the operating system said, in words (os_error) ---------------------------------
    "oserror.EACCES": {"sv": Text("åtkomst nekad"), "en": Text("permission denied")},
    "oserror.EPERM": {"sv": Text("åtgärden är inte tillåten"), "en": Text("operation not permitted")},
    "oserror.ENOSPC": {"sv": Text("disken är full"), "en": Text("the disk is full")},
    "oserror.EDQUOT": {"sv": Text("diskkvoten är slut"), "en": Text("the disk quota is used up")},
    "oserror.EFBIG": {"sv": Text("filen blev större än den tillåtna filstorleken, ulimit -f"),
                      "en": Text("the file grew beyond the allowed file size, ulimit -f")},
    "oserror.EROFS": {"sv": Text("filsystemet är skrivskyddat"), "en": Text("the file system is read-only")},
    "oserror.ENOENT": {"sv": Text("finns inte"), "en": Text("does not exist")},
    "oserror.ENOTDIR": {"sv": Text("en del av sökvägen är ingen mapp"), "en": Text("part of the path is not a folder")},
    "oserror.EISDIR": {"sv": Text("är en mapp"), "en": Text("is a folder")},
    "oserror.EIO": {"sv": Text("läs- eller skrivfel på disken"), "en": Text("input/output error on the disk")},
    "oserror.ENAMETOOLONG": {"sv": Text("namnet är för långt"), "en": Text("the name is too long")},
    "oserror.ELOOP": {"sv": Text("för många länkar i rad"), "en": Text("too many levels of links")},
    # -- field types, for FIELD_INVALID ---------------------------------------------------
    "type.period": {"sv": Text("period", "2026-01-01 – 2028-12-31"), "en": Text("period", "2026-01-01 – 2028-12-31")},
    "type.percent": {"sv": Text("procent", "50 %"), "en": Text("percent", "50 %")},
    "type.amount": {"sv": Text("belopp", "3\u00a0600\u00a0000\u00a0kr"),
                    "en": Text("amount", "3\u00a0600\u00a0000\u00a0kr")},
    "type.hours": {"sv": Text("antal timmar", "120 timmar"), "en": Text("number of hours", "120 timmar")},
    "type.duration": {"sv": Text("tidsperiod", "3 år, 24 månader eller 2026–2028"),
                      "en": Text("duration", "3 år, 24 månader or 2026–2028")},
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
    # -- annotated copies (render/annotate.py) ---------------------------------------------
    "annotate.summary_title": {"sv": Text("Granskning av {file} (socinv-docs)"),
                               "en": Text("Review of {file} (socinv-docs)")},
    "annotate.summary_status": {"sv": Text("Status: {status} – {counts}"), "en": Text("Status: {status} – {counts}")},
    "annotate.summary_placed": {"sv": Text("{count} brister har en egen kommentar där de finns i dokumentet."),
                                "en": Text("{count} problems have a comment of their own where they are in the document.")},
    "annotate.summary_unplaced": {"sv": Text("Brister som gäller hela dokumentet eller inskicket:"),
                                  "en": Text("Problems that concern the whole document or submission:")},
    "annotate.summary_rerun": {"sv": Text("Kommentarer och markeringar från socinv-docs ersätts när kontrollen körs igen; "
                                          "andras kommentarer lämnas kvar."),
                               "en": Text("Comments and marks by socinv-docs are replaced when the check is run again; "
                                          "other people's comments are kept.")},
    "annotate.missing_before": {"sv": Text("Det saknade avsnittet hör hemma här, före denna rubrik."),
                                "en": Text("The missing section belongs here, before this heading.")},
    "annotate.missing_after": {"sv": Text("Det saknade avsnittet hör hemma direkt efter detta."),
                               "en": Text("The missing section belongs right after this.")},
    "annotate.sheet": {"sv": Text("Granskning"), "en": Text("Review")},
    "annotate.sheet_note": {"sv": Text("Skapad av socinv-docs {date}. Kommentarerna och de rosa markeringarna i "
                                       "formuläret visar var bristerna finns. En markering försvinner när cellen "
                                       "fylls i; allt ersätts när kontrollen körs igen."),
                            "en": Text("Made by socinv-docs on {date}. The notes and pink marks in the form show "
                                       "where the problems are. A mark goes away when its cell is filled in; all "
                                       "of it is replaced when the check is run again.")},
    "annotate.col.severity": {"sv": Text("Allvarlighet"), "en": Text("Severity")},
    "annotate.col.code": {"sv": Text("Kod"), "en": Text("Code")},
    "annotate.col.location": {"sv": Text("Plats"), "en": Text("Location")},
    "annotate.col.message": {"sv": Text("Brist"), "en": Text("Problem")},
    "annotate.col.hint": {"sv": Text("Åtgärd"), "en": Text("Fix")},
    "annotate.written": {"sv": Text("Kommenterad kopia sparad: {path}"), "en": Text("Annotated copy saved: {path}")},
    "annotate.same_file": {"sv": Text("Den kommenterade kopian får inte skrivas över originalfilen {path}. "
                                      "Ange ett annat filnamn eller en annan mapp."),
                           "en": Text("The annotated copy must not overwrite the original file {path}. "
                                      "Give another file name or folder.")},
    "annotate.unreadable": {"sv": Text("Ingen kommenterad kopia av {file}: filen kan inte läsas."),
                            "en": Text("No annotated copy of {file}: the file cannot be read.")},
    # A part the check did not need to read, refused when the copy reads it (readers.safety).
    "annotate.damaged": {"sv": Text("Ingen kommenterad kopia av {file}: {reason}. Ingenting sparades; spara filen "
                                    "på nytt i Word eller Excel och försök igen."),
                         "en": Text("No annotated copy of {file}: {reason}. Nothing was saved; save the file again "
                                    "in Word or Excel and retry.")},
    "annotate.unsupported": {"sv": Text("Ingen kommenterad kopia av {file}: filtypen stöds inte."),
                             "en": Text("No annotated copy of {file}: the file type is not supported.")},
    "annotate.timeout": {"sv": Text("Ingen kommenterad kopia av {file}: den tog längre tid än gränsen på {seconds} s "
                                    "(SOCINV_MAX_SECONDS). Ingenting sparades."),
                         "en": Text("No annotated copy of {file}: it took longer than the limit of {seconds} s "
                                    "(SOCINV_MAX_SECONDS). Nothing was saved.")},
    "annotate.too_big": {"sv": Text("Ingen kommenterad kopia av {file}: filen är för stor för att kopieras inom "
                                    "gränserna för minne och storlek. Ingenting sparades."),
                         "en": Text("No annotated copy of {file}: the file is too large to copy within the memory "
                                    "and size limits. Nothing was saved.")},
    "annotate.write_failed": {"sv": Text("Den kommenterade kopian {path} kunde inte sparas ({error})."),
                              "en": Text("The annotated copy {path} could not be saved ({error}).")},
    "annotate.one_file": {"sv": Text("--annotate gäller en fil; använd --annotate-dir MAPP för flera filer."),
                          "en": Text("--annotate takes one file; use --annotate-dir DIR for several files.")},
    "annotate.both": {"sv": Text("Ange antingen --annotate eller --annotate-dir, inte båda."),
                      "en": Text("Give either --annotate or --annotate-dir, not both.")},
    "annotate.name_clash": {"sv": Text("Flera filer heter {name}; deras kopior kan inte sparas i samma mapp."),
                            "en": Text("Several files are named {name}; their copies cannot share one folder.")},
    "annotate.exists": {"sv": Text("{path} finns redan och är ingen kommenterad kopia från socinv-docs; den skrivs "
                                   "inte över. Välj ett annat namn eller flytta undan filen."),
                        "en": Text("{path} already exists and is no annotated copy made by socinv-docs; it is not "
                                   "overwritten. Choose another name or move the file away.")},
    "annotate.wrong_suffix": {"sv": Text("Kopian {path} måste ha samma filtyp som originalet ({suffix})."),
                              "en": Text("The copy {path} must have the original's file type ({suffix}).")},
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
    "ui.economics": {"sv": Text("Ekonomi"), "en": Text("Economics")},
    "econ.cost": {"sv": Text("Kostnad: {cost:kr} (sökt belopp {requested:kr})"),
                  "en": Text("Cost: {cost:kr} (amount applied for {requested:kr})")},
    "econ.fund_share": {"sv": Text("Sökt ur fonden: {requested:kr}, {share:pct} av kostnaden"),
                        "en": Text("Sought from the fund: {requested:kr}, {share:pct} of the cost")},
    "econ.own_share": {"sv": Text("Egen insats (pengar och arbetstid): {own:kr}, {share:pct} av kostnaden"),
                       "en": Text("Own contribution (money and working time): {own:kr}, {share:pct} of the cost")},
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
    "memo.yes": {"sv": Text("Ja"), "en": Text("Yes")},
    "memo.no": {"sv": Text("Nej"), "en": Text("No")},
    "memo.unanswered": {"sv": Text("Ej besvarat"), "en": Text("Not answered")},
    "memo.payback": {"sv": Text("år {years} efter avslut ({year})"), "en": Text("year {years} after the end ({year})")},
    "memo.no_payback": {"sv": Text("inte inom {horizon} år"), "en": Text("not within {horizon} years")},
    "memo.years": {"sv": Text("{n} år"), "en": Text("{n} years")},
    # The status of a submission without a mandatory attachment (report.missing_attachments).
    "memo.status.missing_attachments": {"sv": Text("Ofullständig: {attachments:and} saknas"),
                                        "en": Text("Incomplete: {attachments:and} missing")},
    "memo.totals": {"sv": Text("Inskick: {count} (kompletta: {complete}, ofullständiga: {incomplete}, "
                               "kan inte läsas: {unreadable})"),
                    "en": Text("Submissions: {count} (complete: {complete}, incomplete: {incomplete}, "
                               "unreadable: {unreadable})")},
    "memo.written": {"sv": Text("Skrev {path} (inskick: {count})"), "en": Text("Wrote {path} (submissions: {count})")},
    "memo.split_written": {"sv": Text("Skrev ett beredningsunderlag per inskick i {path} ({count} filer)"),
                           "en": Text("Wrote one review memo per submission in {path} ({count} files)")},
    "memo.split_name": {"sv": Text("Beredningsunderlag {name}"), "en": Text("Review memo {name}")},
    "memo.split_exists": {"sv": Text("{path} finns redan och är inte skriven av socinv-docs; den skrivs inte över. "
                                     "Välj en annan mapp för --split. Ingen promemoria skrevs."),
                          "en": Text("{path} already exists and was not written by socinv-docs; it is not "
                                     "overwritten. Choose another folder for --split. No memo was written.")},
    "memo.wrong_suffix": {"sv": Text("Utfilen {path} passar inte formatet {format}; använd ändelsen {suffix}."),
                          "en": Text("The output {path} does not fit the format {format}; use the ending {suffix}.")},
    "memo.exported": {"sv": Text("Mallarna finns i {path} (nya: {count}; befintliga filer lämnades orörda)."),
                      "en": Text("The templates are in {path} (new: {count}; existing files were left as they were).")},
    "memo.register_unreadable": {
        "sv": Text("Registret {path} kan inte läsas ({error}); ingen promemoria skrevs. Ange registret som "
                   "socinv validate skrev, sparat som .xlsx."),
        "en": Text("The register {path} cannot be read ({error}); no memo was written. Give the register that "
                   "socinv validate wrote, saved as .xlsx.")},
    "memo.register_not_register": {
        "sv": Text("{path} är inget register (bladet '{sheet}' saknas); ingen promemoria skrevs. Ange registret "
                   "som socinv validate skrev."),
        "en": Text("{path} is not a register (the sheet '{sheet}' is missing); no memo was written. Give the "
                   "register that socinv validate wrote.")},
    # Template errors: one line, '{where}' is one of memo.where.* (the template and its line,
    # in Word the paragraph's text as the secretary sees it).
    "memo.where.template": {"sv": Text("{template}"), "en": Text("{template}")},
    "memo.where.line": {"sv": Text("{template}, rad {line}"), "en": Text("{template}, line {line}")},
    "memo.where.paragraph": {"sv": Text("{template}, i stycket ”{text}”"),
                             "en": Text("{template}, in the paragraph “{text}”")},
    "memo.where.footer": {"sv": Text("{template}, i sidfoten ”{text}”"), "en": Text("{template}, in the footer “{text}”")},
    "memo.where.header": {"sv": Text("{template}, i sidhuvudet ”{text}”"),
                          "en": Text("{template}, in the header “{text}”")},
    "memo.template_error": {"sv": Text("Fel i mallen {where}: variabeln '{variable}' finns inte "
                                       "(README listar variablerna)."),
                            "en": Text("Error in the template {where}: there is no variable '{variable}' "
                                       "(the README lists the variables).")},
    "memo.template_syntax": {"sv": Text("Fel i mallen {where}: {problem}."),
                             "en": Text("Error in the template {where}: {problem}.")},
    "memo.syntax.unclosed_block": {"sv": Text("'{{% {block} %}}' avslutas aldrig med '{{% end{block} %}}'"),
                                   "en": Text("'{{% {block} %}}' is never closed with '{{% end{block} %}}'")},
    "memo.syntax.unclosed_tag": {"sv": Text("en tagg stängs aldrig ('}}}}' eller '%}}' saknas)"),
                                 "en": Text("a tag is never closed ('}}}}' or '%}}' is missing)")},
    "memo.syntax.wrong_end": {"sv": Text("'{{% {tag} %}}' kommer innan '{{% {block} %}}' har avslutats med "
                                         "'{{% end{block} %}}'"),
                              "en": Text("'{{% {tag} %}}' comes before '{{% {block} %}}' is closed with "
                                         "'{{% end{block} %}}'")},
    "memo.syntax.unknown_tag": {"sv": Text("okänd tagg '{tag}'"), "en": Text("unknown tag '{tag}'")},
    "memo.syntax.unknown_filter": {"sv": Text("okänt filter '{name}' (se README för de filter som finns)"),
                                   "en": Text("unknown filter '{name}' (the README lists the filters)")},
    "memo.syntax.unexpected": {"sv": Text("'{token}' hör inte hemma där i taggen"),
                               "en": Text("'{token}' does not belong there in the tag")},
    "memo.syntax.other": {"sv": Text("taggen kan inte tolkas (Jinja: {detail})"),
                          "en": Text("the tag cannot be read (Jinja: {detail})")},
    "memo.template_zero_division": {"sv": Text("Fel i mallen {where}: division med noll."),
                                    "en": Text("Error in the template {where}: division by zero.")},
    "memo.template_too_big": {"sv": Text("Fel i mallen {where}: mallen bygger en text eller lista med mer än "
                                         "{limit:num} tecken eller element."),
                              "en": Text("Error in the template {where}: the template builds a text or list of "
                                         "more than {limit:num} characters or items.")},
    "memo.template_range": {"sv": Text("Fel i mallen {where}: range() över fler än {limit:num} värden."),
                            "en": Text("Error in the template {where}: range() over more than {limit:num} values.")},
    "memo.template_unsafe": {"sv": Text("Fel i mallen {where}: '{detail}' får en mall inte använda."),
                             "en": Text("Error in the template {where}: a template may not use '{detail}'.")},
    "memo.template_recursion": {"sv": Text("Fel i mallen {where}: ett makro anropar sig självt utan slut."),
                                "en": Text("Error in the template {where}: a macro calls itself without end.")},
    "memo.template_failed": {"sv": Text("Fel i mallen {where}: uttrycket går inte att beräkna ({detail})."),
                             "en": Text("Error in the template {where}: the expression cannot be computed ({detail}).")},
    "memo.template_timeout": {"sv": Text("Mallen {template} tog längre än {seconds:num} s att fylla i och stoppades "
                                         "(gränsen SOCINV_MAX_RENDER_SECONDS); ingen promemoria skrevs."),
                              "en": Text("Filling in the template {template} took longer than {seconds:num} s and "
                                         "was stopped (limit SOCINV_MAX_RENDER_SECONDS); no memo was written.")},
    "memo.template_memory": {"sv": Text("Mallen {template} behövde mer än {limit_mb:num} MB minne och stoppades "
                                        "(gränsen SOCINV_MAX_RENDER_MB); ingen promemoria skrevs."),
                             "en": Text("The template {template} needed more than {limit_mb:num} MB of memory and "
                                        "was stopped (limit SOCINV_MAX_RENDER_MB); no memo was written.")},
    "memo.template_crashed": {"sv": Text("Mallen {template} kunde inte fyllas i: arbetet avbröts oväntat ({detail}); "
                                         "ingen promemoria skrevs."),
                              "en": Text("The template {template} could not be filled in: the work stopped "
                                         "unexpectedly ({detail}); no memo was written.")},
    "ui.write_failed": {"sv": Text("Kunde inte skriva {path} ({error}); inget ändrades."),
                        "en": Text("Could not write {path} ({error}); nothing was changed.")},
    "ui.interrupted": {"sv": Text("Avbröts (Ctrl-C). Inga halvfärdiga filer lämnades kvar."),
                       "en": Text("Interrupted (Ctrl-C). No half-written files were left behind.")},
    "ui.terminated": {"sv": Text("Avbröts (SIGTERM). Inga halvfärdiga filer lämnades kvar."),
                      "en": Text("Stopped (SIGTERM). No half-written files were left behind.")},
    "memo.output_is_input": {
        "sv": Text("Promemorian skrivs inte till {path}: det är en av filerna som promemorian görs av. "
                   "Välj ett annat namn med -o."),
        "en": Text("The memo is not written to {path}: it is one of the files the memo is made from. "
                   "Choose another name with -o.")},
    "memo.output_in_input": {
        "sv": Text("Promemorian skrivs inte till {path}: filen finns redan i mappen {dir}, som läses in, och är "
                   "ingen tidigare promemoria. Välj ett namn som inte finns där, eller en annan mapp."),
        "en": Text("The memo is not written to {path}: the file already exists in the folder {dir}, which is read "
                   "as input, and is no earlier memo. Choose a name not used there, or another folder.")},
    "ui.no_goal": {"sv": Text("(mål saknas, rad {row})"), "en": Text("(no goal, row {row})")},
    "ui.fix": {"sv": Text("Åtgärd"), "en": Text("Fix")},
    "ui.usage_error": {"sv": Text("Fel i kommandot: {detail}"), "en": Text("Usage error: {detail}")},
    "ui.schema_error": {"sv": Text("Fel i schemafil: {detail}"), "en": Text("Error in a schema file: {detail}")},
    # -- socinv profiles (render/profiles.py) ---------------------------------------------------
    "profiles.source": {"sv": Text("Källa"), "en": Text("Source")},
    "profiles.kinds": {"sv": Text("Mallar"), "en": Text("Templates")},
    "profiles.rules": {"sv": Text("Regler"), "en": Text("Rules")},
    "profiles.detect": {"sv": Text("Känns igen på"), "en": Text("Recognised by")},
    "profiles.economics": {"sv": Text("Ekonomi"), "en": Text("Economics")},
    "profiles.rule_source": {"sv": Text("Enligt"), "en": Text("Source")},
    "profiles.more": {"sv": Text("Alla regler och värden för en profil: socinv profiles NAMN"),
                      "en": Text("Every rule and value of a profile: socinv profiles NAME")},
    "profiles.unknown": {"sv": Text("Profilen {name} finns inte. Kända profiler: {known}."),
                         "en": Text("There is no profile {name}. Known profiles: {known}.")},
    # -- the command line (cli.py, clilang.py): help in one language per screen ---------------
    # "cli.<command>.doc", "cli.<command>.<param>" (else "cli.opt.<param>"), "cli.metavar.<param>".
    "cli.main.doc": {
        "sv": Text("socinv — kontroll av ansökningar om sociala investeringar.\n\n"
                   "Kontrollera ett utkast: socinv check utkast.docx\n\n"
                   "Hjälp för ett kommando: socinv check -h. På engelska: --lang en."),
        "en": Text("socinv — checks applications for social investment funds.\n\n"
                   "Check a draft: socinv check draft.docx --lang en\n\n"
                   "Help on a command: socinv check -h --lang en. In Swedish: --lang sv.")},
    "cli.check.doc": {
        "sv": Text("Kontrollera att en ansökan är komplett (FILER: .docx/.xlsx).\n\n"
                   "Flera filer kontrolleras som ett inskick (ansökan med bilagor). Med --annotate "
                   "(--annotate-dir för flera filer) sparas en kopia med en kommentar vid varje brist."),
        "en": Text("Check that an application is complete (FILES: .docx/.xlsx).\n\n"
                   "Several files are checked as one submission (an application with its attachments). With "
                   "--annotate (--annotate-dir for several files) a copy is saved with a comment at each problem.")},
    "cli.validate.doc": {
        "sv": Text("Kontrollera alla inskick i en mapp och skriv registret (MAPP).\n\n"
                   "Varje undermapp är ett inskick (ansökan med bilagor); varje fil direkt i mappen är ett eget "
                   "inskick. Exempel: socinv validate inkomna/ --register register.xlsx"),
        "en": Text("Check every submission in a folder and write the register (DIRECTORY).\n\n"
                   "Each sub-folder is one submission (an application with its attachments); each file directly "
                   "in the folder is a submission of its own. Example: socinv validate inbox/ --register "
                   "register.xlsx")},
    "cli.memo.doc": {
        "sv": Text("Skriv beredningsunderlag och mötessammanställning (INDATA: mapp eller filer).\n\n"
                   "En mapp ger ett underlag per inskick; filer tillsammans är ett inskick. "
                   "Exempel: socinv memo inkomna/ --register register.xlsx -o underlag.docx"),
        "en": Text("Write review memos and a meeting summary (INPUTS: a folder or files).\n\n"
                   "A folder gives one memo per submission; files together are one submission. "
                   "Example: socinv memo inbox/ --register register.xlsx -o memos.docx")},
    "cli.templates.doc": {"sv": Text("Mallarna för promemorior: kopiera ut dem för att redigera."),
                           "en": Text("The memo templates: copy them out to edit them.")},
    "cli.templates.export.doc": {
        "sv": Text("Kopiera standardmallarna till MAPP (befintliga filer skrivs aldrig över)."),
        "en": Text("Copy the default templates to DIRECTORY (existing files are never overwritten).")},
    "cli.rules.doc": {
        "sv": Text("Visa reglerna: varje kod med allvarlighet, vad den kontrollerar, varför och ett exempel.\n\n"
                   "Med en KOD förklaras den regeln, t.ex. socinv rules CRITERION_UNCLEAR."),
        "en": Text("Show the rules: every code with its severity, what it checks, why and an example.\n\n"
                   "With a CODE, that rule is explained, e.g. socinv rules CRITERION_UNCLEAR --lang en.")},
    "cli.check.short": {"sv": Text("Kontrollera ett utkast (Word/Excel) före inskick."),
                        "en": Text("Check a draft (Word/Excel) before sending it.")},
    "cli.validate.short": {"sv": Text("Kontrollera en mapp med inskick och skriv registret."),
                           "en": Text("Check a folder of submissions and write the register.")},
    "cli.memo.short": {"sv": Text("Skriv beredningsunderlag och mötessammanställning."),
                       "en": Text("Write review memos and a meeting summary.")},
    "cli.templates.short": {"sv": Text("Kopiera ut memomallarna för att redigera dem."),
                            "en": Text("Copy out the memo templates to edit them.")},
    "cli.rules.short": {"sv": Text("Förklara reglerna: vad varje kod kontrollerar och varför."),
                        "en": Text("Explain the rules: what each code checks and why.")},
    "cli.profiles.doc": {
        "sv": Text("Visa finansiärernas profiler; med NAMN varje regel och värde som gäller."),
        "en": Text("Show the funders' profiles; with a NAME every rule and value in force.")},
    "cli.profiles.short": {"sv": Text("Visa finansiärernas profiler och deras regler."),
                           "en": Text("Show the funders' profiles and their rules.")},
    "cli.opt.follow_links": {
        "sv": Text("Följ länkar som leder utanför mappen (annars rapporteras de men läses inte)."),
        "en": Text("Follow links that lead out of the folder (else they are reported, not read).")},
    "cli.metavar.name": {"sv": Text("[NAMN]"), "en": Text("[NAME]")},
    "cli.serve.doc": {
        "sv": Text("Starta webbsidan där sökande kontrollerar sina utkast (se README: bakom kommunens omvända proxy)."),
        "en": Text("Start the web page where applicants check their drafts (see README: behind the municipality's "
                   "reverse proxy).")},
    "cli.serve.short": {"sv": Text("Starta webbsidan där sökande lämnar utkast."),
                        "en": Text("Start the web page where applicants drop drafts.")},
    "cli.serve.host": {"sv": Text("Adressen att lyssna på (127.0.0.1: bara denna dator, bakom en omvänd proxy)."),
                       "en": Text("The address to listen on (127.0.0.1: this computer only, behind a reverse proxy).")},
    "cli.serve.port": {"sv": Text("Porten."), "en": Text("The port.")},
    "cli.serve.workers": {"sv": Text("Antal processer som kontrollerar filer (standard: alla kärnor)."),
                          "en": Text("Number of processes that check files (default: every core).")},
    "cli.metavar.host": {"sv": Text("ADRESS"), "en": Text("ADDRESS")},
    "cli.metavar.port": {"sv": Text("PORT"), "en": Text("PORT")},
    "cli.metavar.workers": {"sv": Text("ANTAL"), "en": Text("N")},
    "cli.opt.help": {"sv": Text("Visa hjälpen och avsluta."), "en": Text("Show this help and exit.")},
    "cli.opt.version": {"sv": Text("Visa versionen och avsluta."), "en": Text("Show the version and exit.")},
    "cli.opt.lang": {"sv": Text("Språk för meddelanden och hjälp. Utan --lang: miljöns språk (LANG) om det är "
                                "sv eller en, annars sv."),
                     "en": Text("Language of messages and help. Without --lang: the locale (LANG) if it is sv or "
                                "en, else sv.")},
    "cli.opt.fmt": {"sv": Text("Utdataformat."), "en": Text("Output format.")},
    "cli.opt.kind": {"sv": Text("Mall: ideprovning, ansokan, utvarderingsschema, forslag (annars känns den igen)."),
                     "en": Text("Template: ideprovning, ansokan, utvarderingsschema, forslag (else recognised).")},
    "cli.opt.profile": {"sv": Text("Kommunens profil: orebro-2020, molndal-2018."),
                        "en": Text("The municipality's profile: orebro-2020, molndal-2018.")},
    "cli.opt.jobs": {"sv": Text("Antal parallella processer (standard: alla kärnor)."),
                     "en": Text("Parallel processes (default: all cores).")},
    "cli.check.annotate": {
        "sv": Text("Spara en kopia av filen med en kommentar vid varje brist, t.ex. utkast-granskad.docx."),
        "en": Text("Save a copy of the file with a comment at each problem, e.g. draft-reviewed.docx.")},
    "cli.check.annotate_dir": {
        "sv": Text("Spara en kommenterad kopia av varje fil (samma filnamn) i denna mapp."),
        "en": Text("Save an annotated copy of each file (same file name) in this folder.")},
    "cli.validate.register": {"sv": Text("Excelregistret som skapas eller uppdateras, t.ex. register.xlsx."),
                              "en": Text("The Excel register to create or update, e.g. register.xlsx.")},
    "cli.validate.kind": {"sv": Text("Mall för alla filer: ideprovning, ansokan, utvarderingsschema, forslag."),
                          "en": Text("Template of every file: ideprovning, ansokan, utvarderingsschema, forslag.")},
    "cli.validate.force": {"sv": Text("Skriv registret även om det verkar vara öppet i Excel."),
                           "en": Text("Write the register even if it seems to be open in Excel.")},
    "cli.memo.output": {"sv": Text("Promemorian som skrivs (.docx, .html eller .md)."),
                        "en": Text("The memo to write (.docx, .html or .md).")},
    "cli.memo.register": {"sv": Text("Registret med beredningsgruppens bedömningar."),
                          "en": Text("The register with the review group's assessments.")},
    "cli.memo.meeting": {"sv": Text('Mötet, t.ex. "Beredningsgrupp 2026-12-03".'),
                         "en": Text('The meeting, e.g. "Beredningsgrupp 2026-12-03".')},
    "cli.memo.fmt": {"sv": Text("Format (standard: efter mallens eller utfilens ändelse, annars docx)."),
                     "en": Text("Format (default: from the template's or the output's ending, else docx).")},
    "cli.memo.template": {"sv": Text("En egen mall (se socinv templates export)."),
                          "en": Text("A template of your own (see socinv templates export).")},
    "cli.memo.split": {"sv": Text("Skriv också ett beredningsunderlag per inskick i denna mapp (för diariet)."),
                       "en": Text("Also write one review memo per submission into this folder (for the registry).")},
    "cli.metavar.options": {"sv": Text("[ALTERNATIV]"), "en": Text("[OPTIONS]")},
    "cli.metavar.subcommand": {"sv": Text("KOMMANDO [ARGUMENT]..."), "en": Text("COMMAND [ARGS]...")},
    "cli.metavar.files": {"sv": Text("FILER..."), "en": Text("FILES...")},
    "cli.metavar.inputs": {"sv": Text("INDATA..."), "en": Text("INPUTS...")},
    "cli.metavar.directory": {"sv": Text("MAPP"), "en": Text("DIRECTORY")},
    "cli.metavar.annotate": {"sv": Text("FIL"), "en": Text("FILE")},
    "cli.metavar.annotate_dir": {"sv": Text("MAPP"), "en": Text("DIRECTORY")},
    "cli.metavar.register": {"sv": Text("FIL"), "en": Text("FILE")},
    "cli.metavar.output": {"sv": Text("FIL"), "en": Text("FILE")},
    "cli.metavar.template": {"sv": Text("FIL"), "en": Text("FILE")},
    "cli.metavar.split": {"sv": Text("MAPP"), "en": Text("DIRECTORY")},
    "cli.metavar.kind": {"sv": Text("MALL"), "en": Text("KIND")},
    "cli.metavar.profile": {"sv": Text("PROFIL"), "en": Text("PROFILE")},
    "cli.metavar.jobs": {"sv": Text("ANTAL"), "en": Text("N")},
    "cli.metavar.meeting": {"sv": Text("TEXT"), "en": Text("TEXT")},
    "cli.metavar.code": {"sv": Text("[KOD]"), "en": Text("[CODE]")},
    "cli.unknown_kind": {"sv": Text("'{value}' är ingen känd mall; välj bland {known:list}."),
                         "en": Text("'{value}' is no known template; choose from {known:list}.")},
    "cli.unknown_profile": {"sv": Text("'{value}' är ingen känd profil; välj bland {known:list}."),
                            "en": Text("'{value}' is no known profile; choose from {known:list}.")},
    "cli.kind_not_in_profile": {"sv": Text("mallen '{kind}' hör inte till profilen '{value}' ({known:list})."),
                                "en": Text("the template '{kind}' is not part of the profile '{value}' "
                                           "({known:list}).")},
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


# -- rule explanations (`socinv rules`, render/rules.py) ---------------------------------------
# Per code: what it checks, why (the source's own words: seed 000, Örebros riktlinjer 2020; seed 001,
# Mölndals arbetsmodell 2018; quoted in Swedish, translated in English) and an example. "severity" only
# where the severity is not simply the code's default.
def _rule(code: str, what: tuple[str, str], why: tuple[str, str], example: tuple[str, str],
          severity: tuple[str, str] | None = None) -> dict[str, dict[str, Text]]:
    parts = {"what": what, "why": why, "example": example, **({"severity": severity} if severity else {})}
    return {f"rules.{code}.{part}": {"sv": Text(sv), "en": Text(en)} for part, (sv, en) in parts.items()}


_SECTIONS_WHY = ('Beredningsgruppen kan inte bedöma en ansökan där en del fattas. Örebros riktlinjer (2020), "Innehåll – ska finnas '
                 'med i ansökan": "Problemformulering och nulägesbeskrivning, Evidens och forskning, Målgrupp och '
                 'avgränsning, Metod och bemanning, Tid för genomförande (2–4 år), …"; Mölndals arbetsmodell (2018), bilaga 2: mallen '
                 'för förslag på insats.',
                 'The review group cannot assess an application with a part left out. The Örebro guidelines (2020), "Content – must '
                 'be in the application" (translated): "Problem statement and current situation, Evidence and '
                 'research, Target group, Method and staffing, Time for implementation (2–4 years), …"; the Mölndal working model (2018), '
                 'appendix 2: the template for proposals.')
_SECTION_SEVERITY = ("fel; varning för avsnitt som mallen bara rekommenderar (t.ex. 6.1 Jämförelsealternativ)",
                     "error; a warning for sections the template only recommends (e.g. 6.1 Jämförelsealternativ)")
_CRITERIA_WHY = ('Örebros riktlinjer (2020), "Kriterier för idéprövning": beredningsgruppen "bedömer om idéprövningen uppfyller '
                 'uppsatta kriterier".',
                 'The Örebro guidelines (2020), "Criteria for idea review" (translated): the review group "assesses whether the idea '
                 'review meets the criteria set".')

CATALOGUE.update({
    **_rule("FILE_UNREADABLE",
            ("Att filen går att läsa som Word (.docx) eller Excel (.xlsx): inte trasig, avkortad, lösenordsskyddad, "
             "i det äldre formatet .doc/.xls, tom, för stor eller med otillåten XML.",
             "That the file can be read as Word (.docx) or Excel (.xlsx): not corrupt, truncated, "
             "password-protected, in the old .doc/.xls format, empty, too large or with disallowed XML."),
            ("En fil som inte kan läsas kan inte kontrolleras. Ansökan görs i kommunens mall (Örebros riktlinjer (2020): \"Mall för "
             "ansökan inklusive obligatorisk bilaga för utvärderingsschema finns på orebro.se\").",
             "A file that cannot be read cannot be checked. The application is made in the municipality's "
             "template (the Örebro guidelines (2020, translated): \"The template for the application, including the mandatory "
             "evaluation schema, is on orebro.se\")."),
            ("En ansökan sparad som PDF, eller en .docx som kom avkortad i e-posten.",
             "An application saved as a PDF, or a .docx that arrived truncated by e-mail.")),
    **_rule("KIND_UNKNOWN",
            ("Att filen liknar någon av de kända mallarna (idéprövning, ansökan, utvärderingsschema, förslag på "
             "insats).",
             "That the file resembles one of the known templates (idea review, application, evaluation schema, "
             "proposal)."),
            ("Kontrollen bygger på mallens rubriker. Örebros riktlinjer (2020): \"Mall för idéprövning finns på "
             "orebro.se/socialainvesteringar\"; Mölndals arbetsmodell (2018): \"Förslaget ska lämnas med hjälp av mall, bilaga 2.\"",
             "The check is built on the template's headings. The Örebro guidelines (2020, translated): \"The template for idea "
             "review is on orebro.se/socialainvesteringar\"; the Mölndal working model (2018): \"The proposal is to be made with the "
             "template, appendix 2.\""),
            ("Ett fritt skrivet Word-dokument utan mallens rubriker.",
             "A free-form Word document without the template's headings.")),
    **_rule("SECTION_MISSING",
            ("Att varje avsnitt i mallen finns: rubriken hittas, även omnumrerad, med annat skiftläge eller lätt "
             "omformulerad. En rubrik som inte känns igen citeras.",
             "That every section of the template is there: its heading is found, also renumbered, re-cased or "
             "slightly reworded. A heading that is not recognised is quoted."),
            _SECTIONS_WHY,
            ("Rubriken \"2. Evidens och forskning\" är borttagen, eller skriven \"1 Problem och nuläge\" så att "
             "den inte känns igen som \"1. Problemformulering och nulägesbeskrivning\".",
             "The heading \"2. Evidens och forskning\" was removed, or written \"1 Problem och nuläge\" so that "
             "it is not recognised as \"1. Problemformulering och nulägesbeskrivning\"."),
            _SECTION_SEVERITY),
    **_rule("SECTION_EMPTY",
            ("Att rubriken följs av ett svar.", "That the heading is followed by an answer."),
            _SECTIONS_WHY,
            ("\"3. Målgrupp\" följs direkt av nästa rubrik; i Excel: svarscellen är tom.",
             "\"3. Målgrupp\" is followed straight by the next heading; in Excel: the answer cell is empty."),
            _SECTION_SEVERITY),
    **_rule("SECTION_PLACEHOLDER",
            ("Att svaret är mer än mallens platshållare (\"Skriv här\", \"TODO\", \"xxx\", lorem ipsum, ett "
             "textfält som fortfarande visar sin platshållare). Platshållaren citeras. En platshållare som står "
             "kvar bredvid ett svar (\"Skriv här:\" i B16, svaret skrivet i C16) är en varning i cellen där den "
             "står; svaret räknas.",
             "That the answer is more than the template's placeholder (\"Skriv här\", \"TODO\", \"xxx\", "
             "lorem ipsum, a text field still showing its placeholder). The placeholder is quoted. A "
             "placeholder left beside an answer (\"Skriv här:\" in B16, the answer typed in C16) is a "
             "warning on the cell that holds it; the answer counts."),
            _SECTIONS_WHY,
            ("\"2. Evidens och forskning\" följd av bara \"TODO\".",
             "\"2. Evidens och forskning\" followed only by \"TODO\"."),
            _SECTION_SEVERITY),
    **_rule("SECTION_TOO_SHORT",
            ("Att svaret har minst så många ord som profilen anger (Örebros och Mölndals profiler anger inget).",
             "That the answer has at least as many words as the profile sets (Örebro's and Mölndal's set none)."),
            ("Beredningsgruppen ska kunna bedöma avsnittet; en kommun kan ange ett minsta omfång i sin profil.",
             "The review group must be able to assess the section; a municipality may set a minimum in its "
             "profile."),
            ("Med minst 50 ord för problemformuleringen: ett svar på 12 ord.",
             "With at least 50 words for the problem statement: an answer of 12 words.")),
    **_rule("FIELD_MISSING",
            ("Att de obligatoriska uppgifterna är ifyllda: satsningens namn, kontaktperson, medverkande nämnder, "
             "period, sökt belopp med flera.",
             "That the required details are filled in: the initiative's name, contact person, committees taking "
             "part, period, amount applied for and so on."),
            ("Registret och beredningsunderlagen byggs av dem, och reglerna om tid, parter och ekonomi behöver "
             "dem (Örebros riktlinjer (2020), \"Steg 3 – Ansökan\").",
             "The register and the review memos are built from them, and the rules on time, partners and "
             "economics need them (the Örebro guidelines (2020), \"Step 3 – Application\")."),
            ("\"Kontaktperson | Skriv här:\".", "\"Kontaktperson | Skriv här:\".")),
    **_rule("FIELD_INVALID",
            ("Att uppgifter av en viss typ går att läsa: period (datum – datum), procent, belopp i kronor, tid.",
             "That typed details can be read: a period (date – date), a percentage, an amount in kronor, a "
             "duration."),
            ("Siffrorna används av reglerna om tid, projektledning och ekonomi (Örebros riktlinjer (2020): \"Tid för genomförande "
             "(2–4 år)\").",
             "The figures are used by the rules on time, project lead and economics (the Örebro guidelines (2020, translated): "
             "\"Time for implementation (2–4 years)\")."),
            ("\"Sökt belopp (kr) | ungefär tre miljoner\".", "\"Sökt belopp (kr) | ungefär tre miljoner\"."),
            ("fel; varning för en tid som skrivits i fritext (Mölndal)",
             "error; a warning for a duration written as free text (Mölndal)")),
    **_rule("CRITERION_UNANSWERED",
            ("Att varje kriterium i idéprövningen är besvarat med Ja eller Nej.",
             "That every criterion of the idea review is answered Ja (yes) or Nej (no)."),
            _CRITERIA_WHY,
            ("\"Innebär idén nya arbetssätt och metoder? | (tomt)\".",
             "\"Innebär idén nya arbetssätt och metoder? | (empty)\".")),
    **_rule("CRITERION_NOT_MET",
            ("Ett kriterium besvarat med Nej: en varning, idén kan ändå prövas.",
             "A criterion answered Nej (no): a warning, the idea may still be tried."),
            _CRITERIA_WHY,
            ("\"Förväntas idén generera ett bättre utfall för målgruppen …? | Nej\".",
             "\"Förväntas idén generera ett bättre utfall för målgruppen …? | Nej\".")),
    **_rule("CRITERION_UNCLEAR",
            ("Ett kriterium besvarat med något annat än Ja eller Nej (\"Delvis\", \"Vet ej\", \"?\"). Svaret "
             "citeras som det skrevs och tolkas inte som Nej.",
             "A criterion answered with something other than Ja or Nej (\"Delvis\", \"Vet ej\", \"?\"). The "
             "answer is quoted as written, never read as Nej."),
            ('Kriterierna är ja/nej-frågor: Örebros riktlinjer (2020), "Kriterier för idéprövning": "Är idén genomförbar som en '
             'social investering?" följt av fem frågor.',
             'The criteria are yes/no questions: the Örebro guidelines (2020), "Criteria for idea review" (translated): "Is the idea '
             'feasible as a social investment?" followed by five questions.'),
            ("\"Innebär idén nya arbetssätt och metoder? | Delvis\".",
             "\"Innebär idén nya arbetssätt och metoder? | Delvis\".")),
    **_rule("CRITERION_UNMOTIVATED",
            ("Att ett besvarat kriterium har en motivering.", "That an answered criterion has a motivation."),
            ("Mallens tabell \"Kriterier för idéprövning\" har kolumnen Motivering för varje kriterium; gruppen "
             "bedömer svaret utifrån den.",
             "The template's table \"Kriterier för idéprövning\" has a Motivering (motivation) column for each "
             "criterion; the group assesses the answer by it."),
            ("\"Är fler nämnder … involverade i genomförandet? | Ja | (tomt)\".",
             "\"Är fler nämnder … involverade i genomförandet? | Ja | (empty)\".")),
    **_rule("DURATION_OUT_OF_RANGE",
            ("Att tiden för genomförandet ligger inom profilens gränser: ansökan 2–4 år (Örebro), förslag 1–3 år "
             "(Mölndal).",
             "That the time for carrying out the initiative is within the profile's range: application 2–4 "
             "years (Örebro), proposal 1–3 years (Mölndal)."),
            ("Örebros riktlinjer (2020): \"Tid för genomförande (2–4 år)\"; Mölndals arbetsmodell (2018): \"Tidsperioden för insatserna ska vara "
             "mellan ett och tre år.\"",
             "The Örebro guidelines (2020, translated): \"Time for implementation (2–4 years)\"; the Mölndal working model (2018): \"The period of the "
             "measures is to be between one and three years.\""),
            ("Perioden 2026-01-01 – 2026-12-31 (1 år) i en ansökan.",
             "The period 2026-01-01 – 2026-12-31 (1 year) in an application.")),
    **_rule("PARTIES_INSUFFICIENT",
            ("Att minst två nämnder från olika verksamhetsområden medverkar, eller en aktör från civila samhället "
             "tillsammans med minst en nämnd.",
             "That at least two committees from different areas take part, or one civil-society actor together "
             "with at least one committee."),
            ('Örebros riktlinjer (2020), "Vem kan ansöka?": "Kravet är att minst två kommunala nämnder från olika '
             'verksamhetsområden ska medverka i satsningen, alternativt en aktör från civila samhället i '
             'samverkan med minst en kommunal nämnd."',
             'The Örebro guidelines (2020), "Who can apply?" (translated): "The requirement is that at least two municipal '
             'committees from different areas take part in the initiative, or else a civil-society actor '
             'together with at least one municipal committee."'),
            ("Bara \"Socialnämnden – Social välfärd\" och ingen aktör från civila samhället.",
             "Only \"Socialnämnden – Social välfärd\" and no civil-society actor.")),
    **_rule("PARTY_FOR_PROFIT",
            ("Att ingen part är ett vinstdrivande företag (AB, HB, KB, aktiebolag), utom kommunala bolag som "
             "kommunen äger till största delen.",
             "That no partner is a for-profit company (AB, HB, KB, aktiebolag), except municipal companies the "
             "municipality owns for the most part."),
            ('Örebros riktlinjer (2020), "Vem kan ansöka?": "Vinstdrivande företag ingår inte i denna definition. Satsningar kan '
             'även genomföras tillsammans med kommunala bolag som är majoritetsägda."',
             'The Örebro guidelines (2020), "Who can apply?" (translated): "For-profit companies are not included in this '
             'definition. Initiatives may also be carried out with majority-owned municipal companies."'),
            ("Aktören \"Läxhjälpen Sverige AB\".", "The actor \"Läxhjälpen Sverige AB\".")),
    **_rule("PROJECT_LEAD_TOO_LOW",
            ("Att projektledaren har minst profilens andel av heltid (Örebro: 25 %).",
             "That the project lead has at least the profile's share of full time (Örebro: 25 %)."),
            ('Örebros riktlinjer (2020), "Projektledning": "Till alla satsningar ska en projektledare om 25 procent finnas".',
             'The Örebro guidelines (2020), "Project management" (translated): "Every initiative is to have a project lead of 25 '
             'percent".'),
            ("\"Projektledare, andel av heltid (%) | 20 %\".", "\"Projektledare, andel av heltid (%) | 20 %\".")),
    **_rule("COSTS_INCONSISTENT",
            ("Att kostnadstabellen går ihop: varje års delar summerar till Summa, åren till Totalt, och Totalt är "
             "lika med sökt belopp.",
             "That the cost table adds up: each year's parts to its Summa, the years to Totalt, and Totalt "
             "equals the amount applied for."),
            ('Örebros riktlinjer (2020): "I samband med ansökan tas en budget för satsningens genomförande fram, där det tydligt '
             'ska framgå vilka kostnader som kommer belasta fonden."',
             'The Örebro guidelines (2020, translated): "With the application, a budget for carrying out the initiative is made, '
             'which clearly shows which costs will be charged to the fund."'),
            ("År 1–4 summerar till 3 500 000 kr men Totalt är 3 600 000 kr.",
             "Years 1–4 add up to 3 500 000 kr but Totalt says 3 600 000 kr.")),
    **_rule("SAVINGS_BELOW_COST",
            ("Att de förväntade besparingarna, räknade högst tio år efter avslut, är minst lika stora som "
             "kostnaden.",
             "That the expected savings, counted at most ten years after the end, are at least as large as the "
             "cost."),
            ('Örebros riktlinjer (2020): "För att en ansökan ska godkännas krävs att antaganden kan göras om att satsningen kommer '
             'generera minst lika stora kostnadsbesparande effekter som satsningen kostar att genomföra."',
             'The Örebro guidelines (2020, translated): "For an application to be approved, it must be possible to assume that the '
             'initiative will generate cost-saving effects at least as large as it costs to carry out."'),
            ("Kostnad 3 600 000 kr; besparing 300 000 kr/år × 10 år = 3 000 000 kr.",
             "Cost 3 600 000 kr; savings 300 000 kr/year × 10 years = 3 000 000 kr.")),
    **_rule("SAVINGS_HORIZON_EXCEEDED",
            ("Besparingar räknade för fler än tio år efter avslut: bara tio år räknas.",
             "Savings claimed for more than ten years after the end: only ten years count."),
            ('Örebros riktlinjer (2020): "Beräkningen av förväntade kostnadsbesparingar begränsas till en period på tio år, från '
             'och med att satsningen avslutats."',
             'The Örebro guidelines (2020, translated): "The calculation of expected savings is limited to a period of ten years '
             'from the end of the initiative."'),
            ("\"Socialnämnden | 300 000 | 12\" i tabellen över ekonomiska effekter.",
             "\"Socialnämnden | 300 000 | 12\" in the table of economic effects.")),
    **_rule("ATTACHMENT_MISSING",
            ("Att ansökan skickas med sin obligatoriska bilaga, utvärderingsschemat.",
             "That the application is sent with its mandatory attachment, the evaluation schema."),
            ('Örebros riktlinjer (2020), "Utvärderingsschema": "Ett utvärderingsschema tas fram i samarbete med det centrala '
             'utvärderingsteamet och ska finnas med i ansökan för att den ska anses komplett."',
             'The Örebro guidelines (2020), "Evaluation schema" (translated): "An evaluation schema is made together with the central '
             'evaluation team and must be part of the application for it to be complete."'),
            ("En mapp med bara ansokan.docx.", "A folder with ansokan.docx only."),
            ("fel i ett inskick; varning när en ansökan kontrolleras ensam (bilagan kan komma separat)",
             "error in a submission; a warning when an application is checked alone (it may come separately)")),
    **_rule("FUNDERS_MIXED",
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
    **_rule("SCHEMA_ROW_INCOMPLETE",
            ("Att varje mål i utvärderingsschemat har minst en aktivitet, ett mått och en basmätning.",
             "That every goal of the evaluation schema has at least one activity, a measure and a baseline."),
            ('Mallens egen anvisning: "Varje mål ska ha minst en aktivitet, mått och en basmätning"; Örebros riktlinjer (2020): '
             '"Vid ansökan tas en basmätning fram för alla parametrar som ska följas upp."',
             'The template\'s own note (translated): "Every goal needs at least one activity, a measure and a '
             'baseline"; the Örebro guidelines (2020): "With the application, a baseline is measured for every parameter to be '
             'followed up."'),
            ("Målet \"Ökad skolnärvaro\" med aktivitet och mått men utan basmätning.",
             "The goal \"Ökad skolnärvaro\" with an activity and a measure but no baseline.")),
    **_rule("SIGNATURE_MISSING",
            ("Att underskrifterna är ifyllda: minst en förvaltningschef (eller en per part, där finansiären kräver "
             "det), och att varje påbörjad rad har alla kolumner, namn och datum, ifyllda.",
             "That the signatures are filled in: at least one head of administration (or one per party, where the "
             "funder asks for it), and every row begun has all its columns, name and date, filled in."),
            ('Örebros riktlinjer (2020), "Steg 4 – Beredning och beslut": "Ansökan undertecknas och godkänns av berörda '
             'förvaltningschefer".',
             'The Örebro guidelines (2020), "Step 4 – Preparation and decision" (translated): "The application is signed and '
             'approved by the heads of the administrations concerned".'),
            ("Mallens tomma rader Förvaltningschef | Namn | Datum.",
             "The template's empty rows Förvaltningschef | Namn | Datum.")),
    # Rules a funder's profile may enable (none of them in Örebro's or Mölndal's profile).
    **_rule("COST_CEILING_EXCEEDED",
            ("Att det sökta beloppet håller sig under finansiärens tak, per år och totalt. Gäller där profilen "
             "anger det (socinv profiles NAMN).",
             "That the amount sought stays under the funder's ceilings, per year and in total. Applies where "
             "the profile sets it (socinv profiles NAME)."),
            ("Finansiärer begränsar vad en satsning kan få, t.ex. Region Gävleborgs sociala investeringsmedel: "
             "\"högst 500 000 kronor per år\". Profilen citerar finansiärens egna ord.",
             "Funders cap what one initiative may get, e.g. Region Gävleborg's social investment funds "
             "(translated): \"at most 500 000 kronor a year\". The profile quotes the funder's own words."),
            ("År 2 söker 650 000 kr när taket är 500 000 kr per år.",
             "Year 2 seeks 650 000 kr where the ceiling is 500 000 kr a year.")),
    **_rule("FUND_SHARE_TOO_HIGH",
            ("Att fonden står för högst finansiärens andel av kostnaden. Gäller där profilen anger det.",
             "That the fund pays at most the funder's share of the cost. Applies where the profile sets it."),
            ("Finansiärer som kräver medfinansiering, t.ex. Region Gävleborg: \"sociala investeringsmedel kan "
             "finansiera högst 50 procent av kostnaden\".",
             "Funders that require co-financing, e.g. Region Gävleborg (translated): \"social investment funds "
             "may finance at most 50 percent of the cost\"."),
            ("Kostnad 1 200 000 kr och sökt belopp 800 000 kr när fonden står för högst 50 %.",
             "Cost 1 200 000 kr and 800 000 kr sought where the fund pays at most 50 %.")),
    **_rule("OWN_SHARE_TOO_LOW",
            ("Att de sökande själva står för minst finansiärens andel av kostnaden, i pengar eller arbetstid "
             "räknad till profilens timpris. Gäller där profilen anger det.",
             "That the applicants themselves put in at least the funder's share of the cost, in money or in "
             "working hours at the profile's rate. Applies where the profile sets it."),
            ("Finansiärer som kräver en egen insats av de sökande; profilen citerar villkoret.",
             "Funders that require the applicants' own contribution; the profile quotes the condition."),
            ("Medfinansiering 100 000 kr av en kostnad på 1 000 000 kr när minst 20 % krävs.",
             "Co-financing of 100 000 kr on a cost of 1 000 000 kr where at least 20 % is required.")),
    **_rule("PAYBACK_TOO_LONG",
            ("Att satsningen betalar sig (besparingarna efter avslut når kostnaden) inom finansiärens längsta "
             "tid. Gäller där profilen anger det.",
             "That the initiative pays for itself (the savings after the end reach the cost) within the "
             "funder's longest time. Applies where the profile sets it."),
            ("Finansiärer som anger en återbetalningstid i stället för en horisont, t.ex. \"återbetalningstiden "
             "får vara högst sju år\".",
             "Funders that set a pay-back time instead of a horizon, e.g. (translated) \"the pay-back time may "
             "be at most seven years\"."),
            ("Kostnad 4 000 000 kr och besparing 500 000 kr per år: betald år 8 efter avslut, högst 7 godtas.",
             "Cost 4 000 000 kr and savings of 500 000 kr a year: paid back in year 8 after the end, at most 7 "
             "allowed.")),
    "rules.title": {"sv": Text("Regler ({count} koder). En regel i taget: socinv rules KOD"),
                    "en": Text("Rules ({count} codes). One rule at a time: socinv rules CODE")},
    "rules.what": {"sv": Text("Kontrollerar"), "en": Text("Checks")},
    "rules.why": {"sv": Text("Varför"), "en": Text("Why")},
    "rules.example": {"sv": Text("Exempel"), "en": Text("Example")},
    "rules.unknown": {"sv": Text("Okänd kod '{code}'. {suggestion}Alla koder: socinv rules"),
                      "en": Text("Unknown code '{code}'. {suggestion}Every code: socinv rules")},
    "rules.did_you_mean": {"sv": Text("Menade du {codes:list}? "), "en": Text("Did you mean {codes:list}? ")},
})

LANGS = ("sv", "en")

# click's own words (usage line, section titles, errors), by click's English message id, in
# Swedish. English is the id itself. Used by clilang.install; an id missing here (a new
# click version's) is shown in English. The braces are click's own, filled in by click.
CLICK: dict[str, str] = {
    "Usage:": "Användning:",
    "Options": "Alternativ",
    "Commands": "Kommandon",
    "Positional arguments": "Argument",
    "Show this message and exit.": "Visa hjälpen och avsluta.",
    "Show the version and exit.": "Visa versionen och avsluta.",
    "Error: {message}": "Fel: {message}",
    "Try '{command} {option}' for help.": "Skriv '{command} {option}' för hjälp.",
    "Invalid value: {message}": "Ogiltigt värde: {message}",
    "Invalid value for {param_hint}: {message}": "Ogiltigt värde för {param_hint}: {message}",
    "Missing argument": "Argument saknas:",
    "Missing option": "Alternativ saknas:",
    "Missing parameter": "Parameter saknas:",
    "Missing {param_type}": "Saknas ({param_type}):",
    "Missing parameter: {param_name}": "Parameter saknas: {param_name}",
    "Missing command.": "Kommando saknas.",
    "No such option {name!r}.": "Alternativet {name!r} finns inte.",
    "No such option: {name}": "Alternativet {name} finns inte.",
    "No such command {name!r}.": "Kommandot {name!r} finns inte.",
    "Did you mean {possibility}?": "Menade du {possibility}?",
    "(Did you mean one of: {possibilities}?)": "(Menade du något av: {possibilities}?)",
    "Option {name!r} requires an argument.": "Alternativet {name!r} behöver ett värde.",
    "Option {name!r} requires {nargs} arguments.": "Alternativet {name!r} behöver {nargs} värden.",
    "Option {name!r} does not take a value.": "Alternativet {name!r} tar inget värde.",
    "Got unexpected extra argument ({args})": "Oväntat extra argument ({args})",
    "Got unexpected extra arguments ({args})": "Oväntade extra argument ({args})",
    "{value!r} is not {choice}.": "{value!r} är inte {choice}.",
    "{value!r} is not one of {choices}.": "{value!r} är inte något av {choices}.",
    "{value!r} is not a valid {number_type}.": "{value!r} är inte ett giltigt tal.",
    "{value} is not in the range {range}.": "{value} ligger inte inom {range}.",
    "{name} {filename!r} does not exist.": "{filename!r} finns inte.",
    "{name} {filename!r} is a file.": "{filename!r} är en fil, inte en mapp.",
    "{name} {filename!r} is a directory.": "{filename!r} är en mapp, inte en fil.",
    "{name} {filename!r} is not readable.": "{filename!r} går inte att läsa.",
    "{name} {filename!r} is not writable.": "{filename!r} går inte att skriva till.",
    "{name} {filename!r} is not executable.": "{filename!r} går inte att köra.",
    "Could not open file {filename!r}: {message}": "Kunde inte öppna filen {filename!r}: {message}",
    "unknown error": "okänt fel",
    "default: {default}": "standard: {default}",
    "required": "krävs",
    "env var: {var}": "miljövariabel: {var}",
    "Aborted!": "Avbrutet!",
}


class _Formatter(Formatter):
    """str.format with the catalogue's own format specs, so that a finding's parameters stay
    data (numbers, ids, lists) and become words only here, in the reader's language:

    - ``{cost:kr}`` an amount in kronor ('1 250 000 kr'); ``{years:num}`` a number ('2,5');
      ``{share:pct}`` a share as a percentage (0.5 -> '50 %');
    - ``{missing:list}`` a list joined with commas;
    - a value that is itself a message, ``{"key": "type.amount", "params": {...}}`` (see
      ``msg``), is rendered in the same language: ``{type}``, or ``{type:hint}`` for its hint;
    - ``{reason_key:key}`` a catalogue key, rendered with this message's own parameters;
    - ``{items:and}``, ``{items:or}`` a list joined with "och"/"and", "eller"/"or";
    - a value ``{"text": {"sv": ..., "en": ...}}`` (see ``literal``): a schema's own words.

    A missing parameter shows as ``{name}`` rather than failing: a message is never lost
    because one parameter is."""

    def __init__(self, lang: str, params: dict) -> None:
        super().__init__()
        self.lang = lang
        self.params = params

    def get_value(self, key, args, kwargs):
        if isinstance(key, str) and key not in kwargs:
            return _Missing(key)
        return super().get_value(key, args, kwargs)

    def format_field(self, value, format_spec: str) -> str:
        from socinv_docs import fmt

        if isinstance(value, _Missing):
            return "{" + value.name + "}"
        if isinstance(value, dict) and "key" in value:  # a nested message
            nested = value.get("params") or {}
            render = hint if format_spec == "hint" else text
            return render(str(value["key"]), self.lang, **nested)
        if isinstance(value, dict) and "text" in value:  # words from a schema, in each language
            words = value["text"]
            return str(words.get(self.lang) or words.get("sv") or "")
        if format_spec in ("list", "and", "or") and isinstance(value, (list, tuple)):
            items = [self.format_field(v, "") for v in value]
            if format_spec == "list" or len(items) < 2:
                return ", ".join(items)
            word = text(f"ui.{format_spec}", self.lang)
            return f"{', '.join(items[:-1])} {word} {items[-1]}"
        if format_spec == "key":  # a catalogue key, rendered with this message's own params
            return text(str(value), self.lang, **self.params)
        if format_spec == "kr":
            return fmt.kronor(value, self.lang)
        if format_spec == "num":
            return fmt.number(value, lang=self.lang)
        if format_spec == "pct":  # a share: 0.5 -> "50 %"
            return fmt.percent(value, lang=self.lang)
        if format_spec in ("list", "and", "or"):
            return str(value)
        if value is None:
            return "–"
        return str(value) if not format_spec else super().format_field(value, format_spec)


class _Missing:
    def __init__(self, name: str) -> None:
        self.name = name


def msg(key: str, **params: object) -> dict:
    """A message as data, to be a parameter of another message (rendered with it, in its
    language): ``msg("type.amount")``, ``msg("costs.row", row="År 1", parts=100, summa=90)``."""
    return {"key": key, "params": params} if params else {"key": key}


def literal(**words: str) -> dict:
    """Words that come from a schema (a party category, a kind's name) in each language,
    as a parameter: ``literal(sv="nämnder", en="committees")``."""
    return {"text": {lang: w for lang, w in words.items() if w}}


def _format(template: str, params: dict, lang: str = "sv") -> str:
    try:
        return _Formatter(lang, params).vformat(template, (), params)
    except (ValueError, IndexError, KeyError, AttributeError, TypeError):
        return template


def _entry(key: str, lang: str) -> Text:
    entry = CATALOGUE.get(key)
    if entry is None:
        return Text(key)
    return entry.get(lang) or entry["sv"]


def counts(errors: int, warnings: int, lang: str = "sv") -> str:
    """'1 fel, 2 varningar' / '1 error, 1 warning': the count with the word in the number form
    the language's CLDR plural rules give it (through Babel)."""
    from socinv_docs.fmt import plural_form

    def word(key: str, n: int) -> str:
        entry = _entry(key, lang)
        return entry.message if plural_form(n, lang) == "one" else entry.hint

    return text("ui.counts", lang, errors=errors, warnings=warnings, error_word=word("ui.word.error", errors),
                warning_word=word("ui.word.warning", warnings))


class CatalogueError(Exception):
    """An error for the user: `key` names its message here, `params` fill it in.
    The CLI shows `text(lang)` and exits 2."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params

    def text(self, lang: str = "sv") -> str:
        return text(self.key, lang, **self.params)


def has(key: str, part: str = "message") -> bool:
    """Whether the catalogue has `key` with a non-empty message (or hint)."""
    entry = CATALOGUE.get(key)
    return entry is not None and bool(getattr(entry["sv"], part))


def text(key: str, lang: str = "sv", **params: object) -> str:
    return _format(_entry(key, lang).message, params, lang)


def os_error(error: OSError | str, lang: str = "sv") -> str:
    """What the operating system said, in words: an OSError or its errno name ('ENOSPC').
    An error without words of our own falls back to the system's (English) text."""
    import errno

    if isinstance(error, OSError):
        name = errno.errorcode.get(error.errno or 0, "")
        fallback = error.strerror or type(error).__name__
    else:
        name = fallback = str(error)
    key = f"oserror.{name}"
    return text(key, lang) if key in CATALOGUE else fallback


def hint(key: str, lang: str = "sv", **params: object) -> str:
    return _format(_entry(key, lang).hint, params, lang)

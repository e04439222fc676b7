"""The memos (render/memo.py, `socinv memo`, `socinv templates export`)."""

from __future__ import annotations

from socinv_docs.messages.core import Text

WORDS: dict[str, dict[str, Text]] = {
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
    "memo.exported_reports": {
        "sv": Text("Rapportmallarna (redovisning, slutrapport, uppföljande utvärdering) finns i {path}, en mapp "
                   "per finansiär: {profiles:list}."),
        "en": Text("The report forms (progress report, final report, follow-up evaluation) are in {path}, a "
                   "folder per funder: {profiles:list}.")},
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
}

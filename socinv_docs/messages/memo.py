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
    # -- the follow-up memo (`memo DIR --workbook W`: render/followup/memo.py) --------------------
    # The proposed decision on a report (proposal.propose), as the memo says it.
    "memo.fu.decision.payment": {"sv": Text("Godkänns som underlag för utbetalning"),
                                 "en": Text("Approved as the basis for payment")},
    "memo.fu.decision.supplement": {"sv": Text("Komplettering begärs"), "en": Text("A supplement is requested")},
    "memo.fu.decision.stop_review": {"sv": Text("Underlag för avbrytandeprövning"),
                                     "en": Text("Basis for considering whether to stop the satsning")},
    "memo.fu.decision.approved": {"sv": Text("Godkänns"), "en": Text("Approved")},
    "memo.fu.why.payment": {
        "sv": Text("Fonden betalar i efterskott utifrån förbrukning: fondens utfall för perioden enligt "
                   "rapporten, minus det som tidigare rapporter redan var underlag för."),
        "en": Text("The fund pays in arrears by what was spent: the fund's costs of the period as reported, less "
                   "what earlier reports were already the basis of.")},
    "memo.fu.why.year": {"sv": Text("{year}: fondens utfall {fund:kr}, tidigare underlag {paid:kr}, att betala "
                                    "{due:kr}"),
                         "en": Text("{year}: the fund's costs {fund:kr}, earlier basis {paid:kr}, to pay {due:kr}")},
    "memo.fu.why.year_not_shown": {"sv": Text("{year}: rapporten visar inte fondens del (varav fonden)"),
                                   "en": Text("{year}: the report does not show the fund's part")},
    "memo.fu.why.supplement": {"sv": Text("Rapporten har fel som behöver rättas: {codes:list}. Se bristerna nedan."),
                               "en": Text("The report has errors to be put right: {codes:list}. See the problems "
                                          "below.")},
    "memo.fu.why.stop_review": {
        "sv": Text("Rapporten svarar Nej på förutsättningar för att nå önskat resultat: {criteria:and}. Enligt "
                   "riktlinjerna tar projektägaren då ställning till om satsningen ska avbrytas, och "
                   "kommunstyrelsen beslutar."),
        "en": Text("The report answers No to prerequisites for the intended result: {criteria:and}. By the "
                   "guidelines the project owner then decides whether to propose stopping the satsning, and the "
                   "municipal executive board decides.")},
    "memo.fu.why.approved": {"sv": Text("Rapporten avser tiden efter satsningens slut; inget betalas ut på den."),
                             "en": Text("The report concerns the time after the satsning ended; nothing is paid "
                                        "on it.")},
    "memo.fu.overruled": {"sv": Text("Processledarens förslag i uppföljningsboken: {typed}. Verktygets förslag var: "
                                     "{proposed}."),
                          "en": Text("The process lead's proposal in the follow-up workbook: {typed}. The tool "
                                     "proposed: {proposed}.")},
    "memo.fu.typed": {"sv": Text("Processledarens anteckning i uppföljningsboken: {typed}"),
                      "en": Text("The process lead's note in the follow-up workbook: {typed}")},
    # The traffic light of a satsning in the portfolio: a symbol of its own shape and a word.
    "memo.fu.light.green": {"sv": Text("Enligt plan"), "en": Text("On track")},
    "memo.fu.light.yellow": {"sv": Text("Bevaka"), "en": Text("Watch")},
    "memo.fu.light.red": {"sv": Text("Åtgärd krävs"), "en": Text("Action needed")},
    "memo.fu.light.grey": {"sv": Text("Avslutad"), "en": Text("Closed")},
    "memo.fu.reason.late": {"sv": Text("{report} försenad {days} dagar"), "en": Text("{report} {days} days late")},
    "memo.fu.reason.supplement": {"sv": Text("{report}: komplettering begärs"),
                                  "en": Text("{report}: a supplement is requested")},
    "memo.fu.reason.stop_review": {"sv": Text("{report}: Nej på en förutsättning"),
                                   "en": Text("{report}: No to a prerequisite")},
    "memo.fu.reason.no_plan": {"sv": Text("ingen plan kunde göras"), "en": Text("no plan could be made")},
    "memo.fu.reason.overspent": {"sv": Text("beviljat belopp överskridet med {amount:kr}"),
                                 "en": Text("the grant exceeded by {amount:kr}")},
    "memo.fu.reason.no_beslut": {"sv": Text("beslut saknas"), "en": Text("no decision yet")},
    "memo.fu.reason.no_implementation": {"sv": Text("sista året utan plan för implementering"),
                                         "en": Text("last year without an implementation plan")},
    "memo.fu.reason.ahead": {"sv": Text("{used:pct} av beviljat använt efter {time:pct} av tiden"),
                             "en": Text("{used:pct} of the grant used after {time:pct} of the time")},
    "memo.fu.reason.warnings": {"sv": Text("{report}: {count} varningar"), "en": Text("{report}: {count} warnings")},
    "memo.fu.reason.manual": {"sv": Text("{state} enligt processledaren"), "en": Text("{state}, per the process lead")},
    # Why a satsning in its last year is listed as without an implementation plan.
    "memo.fu.implementation.missing": {"sv": Text("{report}: inget under förberedelse för implementering"),
                                       "en": Text("{report}: nothing on preparing the implementation")},
    "memo.fu.implementation.no_report": {"sv": Text("ingen rapport har kommit in under sista året"),
                                         "en": Text("no report has come in during the last year")},
    "memo.fu.costs.months_share": {
        "sv": Text("{year}: rapporten ger ingen prognos för året, så utfallet t.o.m. {end} jämförs med planens del "
                   "för {passed} av årets {months} månader."),
        "en": Text("{year}: the report gives no forecast for the year, so the costs to {end} are compared with the "
                   "plan's part for {passed} of the year's {months} months.")},
    "memo.fu.conversion.share": {"sv": Text("{year}: {months} mån"), "en": Text("{year}: {months} months")},
    "memo.fu.days_left": {"sv": Text("om {days} dagar"), "en": Text("in {days} days")},
    "memo.fu.days_late": {"sv": Text("{days} dagar sen"), "en": Text("{days} days late")},
    "memo.fu.time_and_grant": {"sv": Text("{time:pct} av tiden, {used:pct} av beviljat"),
                               "en": Text("{time:pct} of the time, {used:pct} of the grant")},
    # The chart of plan against utfall per satsning (a text alternative beside it).
    "memo.fu.chart.title": {"sv": Text("Plan och utfall per satsning"), "en": Text("Plan and costs per satsning")},
    "memo.fu.chart.plan": {"sv": Text("Plan"), "en": Text("Plan")},
    "memo.fu.chart.actual": {"sv": Text("Utfall"), "en": Text("Costs")},
    "memo.fu.chart.alt": {"sv": Text("Stapeldiagram över planerad kostnad och utfall för varje satsning, till och "
                                     "med den senaste rapportens period: {rows:list}."),
                          "en": Text("Bar chart of the planned cost and the costs of each satsning, up to the end "
                                     "of its latest report's period: {rows:list}.")},
    "memo.fu.chart.alt_row": {"sv": Text("{title} (t.o.m. {as_of}) plan {plan:kr}, utfall {actual:kr}"),
                              "en": Text("{title} (to {as_of}) plan {plan:kr}, costs {actual:kr}")},
    "memo.fu.chart.category": {"sv": Text("{title} (t.o.m. {as_of})"), "en": Text("{title} (to {as_of})")},
    "memo.fu.written": {"sv": Text("Skrev {path} (satsningar: {satsningar}, rapporter: {reports})"),
                        "en": Text("Wrote {path} (satsningar: {satsningar}, reports: {reports})")},
    "memo.fu.split_written": {"sv": Text("Skrev en promemoria per rapport i {path} ({count} filer)"),
                              "en": Text("Wrote one memo per report in {path} ({count} files)")},
    "memo.fu.split_name": {"sv": Text("Rapport {satsning} {report}"), "en": Text("Report {satsning} {report}")},
    "memo.fu.only_one_folder": {
        "sv": Text("Med --workbook ges en uppföljningsmapp (en undermapp per satsning), inga andra filer eller "
                   "mappar; ingen promemoria skrevs."),
        "en": Text("With --workbook give one follow-up folder (a sub-folder per satsning), no other files or "
                   "folders; no memo was written.")},
    "memo.fu.register_and_workbook": {
        "sv": Text("--register (beredningsgruppens register) och --workbook (uppföljningsboken) hör till olika "
                   "promemorior; ange en av dem."),
        "en": Text("--register (the review group's register) and --workbook (the follow-up workbook) belong to "
                   "different memos; give one of them.")},
    "memo.fu.followup_only": {
        "sv": Text("{option} gäller uppföljningens promemoria: ange också --workbook uppfoljning.xlsx."),
        "en": Text("{option} is for the follow-up memo: also give --workbook uppfoljning.xlsx.")},
    "memo.fu.looks_like_followup": {
        "sv": Text("{dir} ser ut som en uppföljningsmapp (satsningar med beslut.yaml): för promemorian om "
                   "satsningarna och deras rapporter, ange --workbook uppfoljning.xlsx."),
        "en": Text("{dir} looks like a follow-up folder (satsningar with a beslut.yaml): for the memo on the "
                   "satsningar and their reports, give --workbook uppfoljning.xlsx.")},
    "memo.fu.report_not_submission": {
        "sv": Text("{path} är en uppföljningsrapport, inte ett inskick att bereda. Promemorian om en rapport "
                   "(planen mot utfallet, förslag till beslut) görs av uppföljningen: socinv memo MAPP "
                   "--workbook uppfoljning.xlsx, där MAPP har en mapp per satsning."),
        "en": Text("{path} is a follow-up report, not a submission to review. The memo on a report (the plan "
                   "against the outcome, a proposed decision) is made by the follow-up: socinv memo FOLDER "
                   "--workbook uppfoljning.xlsx, where FOLDER has a folder per satsning.")},
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

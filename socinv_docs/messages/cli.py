"""The command line (cli.py, clilang.py): help in one language per screen, its errors, and
the words of `socinv profiles` and `socinv rules`; click's own words in Swedish (CLICK)."""

from __future__ import annotations

from socinv_docs.messages.core import Text

WORDS: dict[str, dict[str, Text]] = {
    # -- what a command says when it cannot go on, or is stopped ---------------------------------
    "ui.write_failed": {"sv": Text("Kunde inte skriva {path} ({error}); inget ändrades."),
                        "en": Text("Could not write {path} ({error}); nothing was changed.")},
    "ui.interrupted": {"sv": Text("Avbröts (Ctrl-C). Inga halvfärdiga filer lämnades kvar."),
                       "en": Text("Interrupted (Ctrl-C). No half-written files were left behind.")},
    "ui.terminated": {"sv": Text("Avbröts (SIGTERM). Inga halvfärdiga filer lämnades kvar."),
                      "en": Text("Stopped (SIGTERM). No half-written files were left behind.")},
    "ui.usage_error": {"sv": Text("Fel i kommandot: {detail}"), "en": Text("Usage error: {detail}")},
    "ui.schema_error": {"sv": Text("Fel i schemafil: {detail}"), "en": Text("Error in a schema file: {detail}")},
    # -- socinv profiles (render/profiles.py) ---------------------------------------------------
    "profiles.source": {"sv": Text("Källa"), "en": Text("Source")},
    "profiles.kinds": {"sv": Text("Mallar"), "en": Text("Templates")},
    "profiles.rules": {"sv": Text("Regler"), "en": Text("Rules")},
    "profiles.detect": {"sv": Text("Känns igen på"), "en": Text("Recognised by")},
    "profiles.forms": {"sv": Text("Rapportmallar (socinv templates export)"),
                       "en": Text("Report forms (socinv templates export)")},
    "profiles.economics": {"sv": Text("Ekonomi"), "en": Text("Economics")},
    "profiles.rule_source": {"sv": Text("Enligt"), "en": Text("Source")},
    "profiles.tracks": {"sv": Text("Spår (det ansökan anger, och värdena som skiljer sig)"),
                        "en": Text("Tracks (what the application says, and the values that differ)")},
    "profiles.track_words": {"sv": Text("skrivs"), "en": Text("written")},
    "profiles.origin_shipped": {"sv": Text("Fil: {path} (medföljer verktyget)"),
                                "en": Text("File: {path} (shipped with the tool)")},
    "profiles.origin_own": {"sv": Text("Fil: {path} (egen mapp: --schemas eller SOCINV_SCHEMAS)"),
                            "en": Text("File: {path} (a folder of one's own: --schemas or SOCINV_SCHEMAS)")},
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
                   "Exempel: socinv memo inkomna/ --register register.xlsx -o underlag.docx\n\n"
                   "Med --workbook är INDATA en uppföljningsmapp: portföljen (alla satsningar med läge, rapporter "
                   "som ska in, försenade, fondens belopp) och en promemoria per inkommen rapport med plan mot "
                   "utfall och förslag till beslut. Exempel: socinv memo satsningar/ --workbook uppfoljning.xlsx "
                   "--date 2028-02-15 -o uppfoljning.docx"),
        "en": Text("Write review memos and a meeting summary (INPUTS: a folder or files).\n\n"
                   "A folder gives one memo per submission; files together are one submission. "
                   "Example: socinv memo inbox/ --register register.xlsx -o memos.docx\n\n"
                   "With --workbook INPUTS is a follow-up folder: the portfolio (every satsning with its state, "
                   "reports due, late ones, the fund's amounts) and a memo per report received with plan against "
                   "costs and a proposed decision. Example: socinv memo satsningar/ --workbook uppfoljning.xlsx "
                   "--date 2028-02-15 -o uppfoljning.docx")},
    "cli.templates.doc": {"sv": Text("Mallarna för promemorior och rapporter: kopiera ut dem för att redigera."),
                           "en": Text("The memo templates and report forms: copy them out to edit them.")},
    "cli.templates.export.doc": {
        "sv": Text("Kopiera standardmallarna till MAPP (befintliga filer skrivs aldrig över): promemoriemallarna, "
                   "och finansiärernas tomma rapportmallar i MAPP/rapporter/<profil>/."),
        "en": Text("Copy the default templates to DIRECTORY (existing files are never overwritten): the memo "
                   "templates, and the funders' blank report forms in DIRECTORY/rapporter/<profile>/.")},
    "cli.rules.doc": {
        "sv": Text("Visa reglerna: varje kod med allvarlighet, vad den kontrollerar, varför och ett exempel, och vad "
                   "varje finansiär kräver enligt sin profil.\n\n"
                   "Med en KOD förklaras den regeln, t.ex. socinv rules CRITERION_UNCLEAR; med --profile bara den "
                   "finansiärens krav."),
        "en": Text("Show the rules: every code with its severity, what it checks, why and an example, and what each "
                   "funder demands by its profile.\n\n"
                   "With a CODE, that rule is explained, e.g. socinv rules CRITERION_UNCLEAR --lang en; with "
                   "--profile, only that funder's demands.")},
    "cli.check.short": {"sv": Text("Kontrollera ett utkast (Word/Excel) före inskick."),
                        "en": Text("Check a draft (Word/Excel) before sending it.")},
    "cli.validate.short": {"sv": Text("Kontrollera en mapp med inskick och skriv registret."),
                           "en": Text("Check a folder of submissions and write the register.")},
    "cli.memo.short": {"sv": Text("Skriv beredningsunderlag och mötessammanställning."),
                       "en": Text("Write review memos and a meeting summary.")},
    "cli.templates.short": {"sv": Text("Kopiera ut memo- och rapportmallarna för att redigera dem."),
                            "en": Text("Copy out the memo templates and report forms to edit them.")},
    "cli.rules.short": {"sv": Text("Förklara reglerna: vad varje kod kontrollerar och varför."),
                        "en": Text("Explain the rules: what each code checks and why.")},
    "cli.profiles.doc": {
        "sv": Text("Visa finansiärernas profiler; med NAMN varje regel och värde som gäller."),
        "en": Text("Show the funders' profiles; with a NAME every rule and value in force.")},
    "cli.profiles.short": {"sv": Text("Visa finansiärernas profiler och deras regler."),
                           "en": Text("Show the funders' profiles and their rules.")},
    "cli.followup.doc": {
        "sv": Text("Följ upp beviljade satsningar: planer, rapporter, förseningar (MAPP).\n\n"
                   "socinv followup MAPP --workbook uppfoljning.xlsx: varje undermapp i MAPP är en satsning med sina "
                   "godkända filer (ansökan med bilagor) och de rapporter som kommit in för den, var som helst i "
                   "mappen. Planen fryses i uppföljningsboken första gången; processledaren skriver beslutet (Beviljat "
                   "belopp, Beslutsdatum, Diarienummer, Start, Slut) på bladet Satsningar. Alla alternativ: socinv "
                   "followup MAPP -h. En mapp som heter templates anges ./templates."),
        "en": Text("Follow up granted satsningar: plans, reports, delays (DIRECTORY).\n\n"
                   "socinv followup DIRECTORY --workbook uppfoljning.xlsx: each sub-folder of DIRECTORY is a satsning "
                   "with its approved files (the application and its attachments) and the reports received for it, "
                   "anywhere in the folder. The plan is frozen in the follow-up workbook the first time; the "
                   "processledare types the decision (Beviljat belopp, Beslutsdatum, Diarienummer, Start, Slut) on "
                   "the sheet Satsningar. Every option: socinv followup DIRECTORY -h. A folder named templates is "
                   "given as ./templates.")},
    "cli.followup.short": {"sv": Text("Följ upp beviljade satsningar och deras rapporter."),
                           "en": Text("Follow up granted satsningar and their reports.")},
    "cli.followup.run.doc": {
        "sv": Text("Följ upp satsningarna i MAPP och skriv uppföljningsboken.\n\n"
                   "Exempel: socinv followup satsningar/ --workbook uppfoljning.xlsx --calendar rapporter.ics"),
        "en": Text("Follow up the satsningar in DIRECTORY and write the follow-up workbook.\n\n"
                   "Example: socinv followup satsningar/ --workbook uppfoljning.xlsx --calendar rapporter.ics")},
    "cli.followup.run.workbook": {
        "sv": Text("Uppföljningsboken (.xlsx) som skapas eller uppdateras; processledarens kolumner behålls."),
        "en": Text("The follow-up workbook (.xlsx) created or updated; the processledare's columns are kept.")},
    "cli.followup.run.date": {
        "sv": Text("Dagen som lägena gäller (ÅÅÅÅ-MM-DD; standard: i dag), t.ex. inför ett möte."),
        "en": Text("The day the statuses are for (YYYY-MM-DD; default: today), e.g. before a meeting.")},
    "cli.followup.run.calendar": {
        "sv": Text("Skriv också en kalenderfil (.ics) med rapporternas sista dagar, som Outlook öppnar."),
        "en": Text("Also write a calendar file (.ics) with the reports' due dates, which Outlook opens.")},
    "cli.followup.run.reminder_days": {
        "sv": Text("Påminnelse så här många dagar före sista dagen i kalenderfilen (standard 14)."),
        "en": Text("A reminder this many days before the due date in the calendar file (default 14).")},
    "cli.followup.run.force": {"sv": Text("Skriv uppföljningsboken även om den verkar vara öppen i Excel."),
                               "en": Text("Write the follow-up workbook even if it seems to be open in Excel.")},
    "cli.followup.templates.doc": {
        "sv": Text("Skriv förifyllda rapporter för det satsningarna ska lämna härnäst (MAPP).\n\n"
                   "För varje satsning i uppföljningsboken: nästa rapport som inte har kommit in (--all: alla), "
                   "förifylld från den frysta planen med mål, mått med basmätning, aktiviteter och budget per "
                   "kalenderår, som MAPP/<satsning>/<slag>-<period>-<år>.docx. Projektledaren fyller bara i "
                   "utfallet; rapporten bär planen, så socinv check jämför den med planen redan innan den skickas. "
                   "En fil som redan finns skrivs bara över om den är en orörd förifylld rapport härifrån.\n\n"
                   "Exempel: socinv followup templates --workbook uppfoljning.xlsx -o rapporter/"),
        "en": Text("Write pre-filled reports for what the satsningar owe next (DIRECTORY).\n\n"
                   "For each satsning in the follow-up workbook: the next report that has not come in (--all: every "
                   "one), pre-filled from the frozen plan with goals, measures with baseline, activities and the "
                   "budget per calendar year, as DIRECTORY/<satsning>/<kind>-<period>-<year>.docx. The project "
                   "manager fills in only the outcome; the report carries its plan, so socinv check compares it with "
                   "the plan before it is sent. A file already there is only replaced when it is an untouched "
                   "pre-filled report from here.\n\n"
                   "Example: socinv followup templates --workbook uppfoljning.xlsx -o rapporter/")},
    "cli.followup.templates.short": {"sv": Text("Skriv förifyllda rapporter från de frysta planerna."),
                                     "en": Text("Write pre-filled reports from the frozen plans.")},
    "cli.followup.templates.workbook": {
        "sv": Text("Uppföljningsboken som socinv followup har skrivit (läses, ändras inte)."),
        "en": Text("The follow-up workbook socinv followup wrote (read, not changed).")},
    "cli.followup.templates.output_dir": {"sv": Text("Mappen som rapporterna skrivs i (en undermapp per satsning)."),
                                      "en": Text("The folder the reports are written to (a sub-folder per satsning).")},
    "cli.followup.templates.date": {
        "sv": Text("Bara rapporter som ska ha kommit in senast den dagen (ÅÅÅÅ-MM-DD), t.ex. inför nästa period."),
        "en": Text("Only reports due by that day (YYYY-MM-DD), e.g. before the next period.")},
    "cli.followup.templates.every": {
        "sv": Text("Alla rapporter som inte har kommit in, inte bara nästa per satsning."),
        "en": Text("Every report that has not come in, not only the next one per satsning.")},
    "cli.metavar.output_dir": {"sv": Text("MAPP"), "en": Text("DIRECTORY")},
    "cli.metavar.workbook": {"sv": Text("FIL"), "en": Text("FILE")},
    "cli.metavar.calendar": {"sv": Text("FIL"), "en": Text("FILE")},
    "cli.metavar.date": {"sv": Text("ÅÅÅÅ-MM-DD"), "en": Text("YYYY-MM-DD")},
    "cli.metavar.since": {"sv": Text("ÅÅÅÅ-MM-DD"), "en": Text("YYYY-MM-DD")},
    "cli.metavar.reminder_days": {"sv": Text("DAGAR"), "en": Text("DAYS")},
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
    "cli.serve.settings_file": {"sv": Text("Kommunens inställningar (TOML): namn, kontakt, finansiärer, mallar, logotyp, "
                                           "integritetstext (se README)."),
                                "en": Text("The municipality's settings (TOML): name, contact, funders, templates, logo, "
                                           "privacy text (see the README).")},
    "cli.metavar.host": {"sv": Text("ADRESS"), "en": Text("ADDRESS")},
    "cli.metavar.port": {"sv": Text("PORT"), "en": Text("PORT")},
    "cli.metavar.workers": {"sv": Text("ANTAL"), "en": Text("N")},
    "cli.metavar.settings_file": {"sv": Text("FIL.toml"), "en": Text("FILE.toml")},
    "cli.opt.help": {"sv": Text("Visa hjälpen och avsluta."), "en": Text("Show this help and exit.")},
    "cli.opt.version": {"sv": Text("Visa versionen och avsluta."), "en": Text("Show the version and exit.")},
    "cli.opt.lang": {"sv": Text("Språk för meddelanden och hjälp. Utan --lang: miljöns språk (LANG) om det är "
                                "sv eller en, annars sv."),
                     "en": Text("Language of messages and help. Without --lang: the locale (LANG) if it is sv or "
                                "en, else sv.")},
    "cli.opt.fmt": {"sv": Text("Utdataformat."), "en": Text("Output format.")},
    # {kinds} and {profiles}: the loaded schemas' (clilang.localise, when help is shown).
    "cli.opt.kind": {"sv": Text("Mall: {kinds:list} (annars känns den igen)."),
                     "en": Text("Template: {kinds:list} (else recognised).")},
    "cli.opt.profile": {"sv": Text("Finansiärens profil: {profiles:list}."),
                        "en": Text("The funder's profile: {profiles:list}.")},
    "cli.see_profiles": {"sv": Text("se socinv profiles"), "en": Text("see socinv profiles")},
    "cli.opt.schemas_folder": {
        "sv": Text("En mapp med egna finansiärer (kinds/, profiles/, forms/): de läggs till de medföljande. En mapp "
                   "med en egen common.yaml ersätter dem i stället. Utan flaggan: SOCINV_SCHEMAS."),
        "en": Text("A folder of funders of your own (kinds/, profiles/, forms/): added to the shipped ones. A folder "
                   "with a common.yaml of its own replaces them instead. Without the option: SOCINV_SCHEMAS.")},
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
    "cli.validate.kind": {"sv": Text("Mall för alla filer: {kinds:list}."),
                          "en": Text("Template of every file: {kinds:list}.")},
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
    "cli.memo.workbook": {
        "sv": Text("Uppföljningsboken: då är INDATA en uppföljningsmapp, och promemorian är portföljen och en "
                   "promemoria per rapport (boken läses, ändras inte)."),
        "en": Text("The follow-up workbook: INPUTS is then a follow-up folder, and the memo is the portfolio and a "
                   "memo per report (the workbook is read, not changed).")},
    "cli.memo.date": {
        "sv": Text("Med --workbook: dagen som lägena gäller (ÅÅÅÅ-MM-DD; standard: i dag), t.ex. mötesdagen."),
        "en": Text("With --workbook: the day the statuses are for (YYYY-MM-DD; default: today), e.g. the meeting.")},
    "cli.memo.since": {
        "sv": Text("Med --workbook: promemorior bara för rapporter som kommit in från och med den dagen."),
        "en": Text("With --workbook: memos only for reports that came in on or after that day.")},
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
    "cli.metavar.schemas_folder": {"sv": Text("MAPP"), "en": Text("DIRECTORY")},
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
    # -- socinv rules (render/rules.py); each code's own explanation is beside its words --------
    "rules.title": {"sv": Text("Regler ({count} koder). En regel i taget: socinv rules KOD"),
                    "en": Text("Rules ({count} codes). One rule at a time: socinv rules CODE")},
    "rules.what": {"sv": Text("Kontrollerar"), "en": Text("Checks")},
    "rules.why": {"sv": Text("Varför"), "en": Text("Why")},
    "rules.example": {"sv": Text("Exempel"), "en": Text("Example")},
    "rules.unknown": {"sv": Text("Okänd kod '{code}'. {suggestion}Alla koder: socinv rules"),
                      "en": Text("Unknown code '{code}'. {suggestion}Every code: socinv rules")},
    "rules.did_you_mean": {"sv": Text("Menade du {codes:list}? "), "en": Text("Did you mean {codes:list}? ")},
    # What each loaded funder demands by a code, from its profile (render/rules.py).
    "rules.by_funder": {"sv": Text("Hos finansiärerna"), "en": Text("By funder")},
    "rules.funder_line": {"sv": Text("{funder} ({profile}), {kinds:list}"),
                          "en": Text("{funder} ({profile}), {kinds:list}")},
    "rules.every_funder": {"sv": Text("Gäller för alla finansiärer: verktyget säger det själv, ingen profil styr det."),
                           "en": Text("Applies to every funder: the tool says it itself, no profile sets it.")},
    "rules.followup_run": {
        "sv": Text("Gäller i uppföljningen (socinv followup) för varje finansiär med ett rapportschema (profilens "
                   "followup); verktyget säger det själv, ingen profil slår på det."),
        "en": Text("Applies in the follow-up (socinv followup) to every funder with a report schedule (the "
                   "profile's followup); the tool says it itself, no profile turns it on.")},
    "rules.no_profile": {"sv": Text("Ingen av de inlästa profilerna använder regeln (socinv profiles)."),
                         "en": Text("None of the loaded profiles uses the rule (socinv profiles).")},
    "rules.not_in_profile": {"sv": Text("Profilen {profile} använder inte regeln."),
                             "en": Text("The profile {profile} does not use the rule.")},
}

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

"""The follow-up run (followup.py, `socinv followup`, SPEC §9): the codes it makes over a
satsning's reports and schedule, their explanations for `socinv rules`, and what the
command says. The follow-up workbook's own words are beside its sheets
(render/followup/sheets/)."""

from __future__ import annotations

from socinv_docs.messages.core import Text, explanation

_SEED_REPORTING = ("Skriftlig redovisning av beviljade satsningar ska ske två gånger per år i samband med "
                   "ordinarie redovisning av delår 2 och helår.")

WORDS: dict[str, dict[str, Text]] = {
    # -- the run's codes ---------------------------------------------------------------------
    "REPORT_PERIOD_INVALID": {
        "sv": Text("Rapporten avser {period}, som inte är en av rapporterna satsningen '{satsning}' ska lämna "
                   "({expected:list}).",
                   "Kontrollera rapportperioden i rapporten (till exempel Delår 2 2027 eller Helår 2027) mot "
                   "satsningens beslutade period."),
        "en": Text("The report is for {period}, which is not one of the reports the satsning '{satsning}' owes "
                   "({expected:list}).",
                   "Check the report's period (for example Delår 2 2027 or Helår 2027) against the satsning's "
                   "decided period.")},
    "REPORT_PERIOD_INVALID.already": {
        "sv": Text("{period} för satsningen '{satsning}' har redan kommit in ({other}).",
                   "Är det en rättad version: ersätt den tidigare filen i satsningens mapp i stället för att lägga "
                   "båda där."),
        "en": Text("{period} of the satsning '{satsning}' has already come in ({other}).",
                   "If it is a corrected version, replace the earlier file in the satsning's folder instead of "
                   "keeping both there.")},
    "REPORT_PERIOD_INVALID.no_beslut": {
        "sv": Text("Satsningen '{satsning}' väntar inga rapporter ännu: beviljat belopp är inte inskrivet, så inget "
                   "beslut är känt.",
                   "Skriv in beslutet (Beviljat belopp, Start, Slut) på bladet Satsningar i uppföljningsboken eller i "
                   "satsningens beslut.yaml."),
        "en": Text("The satsning '{satsning}' expects no reports yet: no granted amount has been entered, so no "
                   "decision is known.",
                   "Enter the decision (Beviljat belopp, Start, Slut) on the sheet Satsningar of the follow-up "
                   "workbook or in the satsning's beslut.yaml.")},
    "REPORT_OVERDUE": {
        "sv": Text("{period} för satsningen '{satsning}' skulle ha kommit in senast {due} och är {days} dagar "
                   "försenad.",
                   "Påminn projektledaren, eller markera rapporten som överhoppad med ett skäl på bladet Rapporter."),
        "en": Text("{period} of the satsning '{satsning}' was due by {due} and is {days} days late.",
                   "Remind the project manager, or mark the report as skipped with a reason on the sheet "
                   "Rapporter.")},
    "REPORT_OVERDUE.one_day": {
        "sv": Text("{period} för satsningen '{satsning}' skulle ha kommit in senast {due} och är en dag försenad."),
        "en": Text("{period} of the satsning '{satsning}' was due by {due} and is one day late.")},
    "PLAN_CHANGED": {
        "sv": Text("De godkända filerna för satsningen '{satsning}' har ändrats sedan planen frystes {frozen_on}: "
                   "{files:list}. Rapporterna jämförs fortfarande med den frysta planen (version {version}).",
                   "Är ändringen beslutad: skriv in det nya beslutet på bladet Satsningar, så görs en ny version av "
                   "planen. Annars: lägg tillbaka de godkända filerna."),
        "en": Text("The approved files of the satsning '{satsning}' have changed since the plan was frozen on "
                   "{frozen_on}: {files:list}. The reports are still compared with the frozen plan (version "
                   "{version}).",
                   "If the change was decided, type the new decision on the sheet Satsningar and a new version of "
                   "the plan is made. Otherwise put the approved files back.")},
    "PLAN_CHANGED.carried": {
        "sv": Text("Rapporten bär en annan plan för satsningen '{satsning}' (version {carried}, fryst "
                   "{carried_on}) än den som gäller (version {version}); den jämförs med den som gäller.",
                   "Skriv nästa rapport i en förifylld mall från den gällande planen (socinv followup templates)."),
        "en": Text("The report carries another plan of the satsning '{satsning}' (version {carried}, frozen "
                   "{carried_on}) than the one in force (version {version}); it is compared with the one in force.",
                   "Write the next report in a pre-filled form from the plan in force (socinv followup "
                   "templates).")},
    "followup.file.changed": {"sv": Text("{file} (ändrad)"), "en": Text("{file} (changed)")},
    "followup.file.added": {"sv": Text("{file} (ny)"), "en": Text("{file} (new)")},
    "followup.file.removed": {"sv": Text("{file} (borttagen)"), "en": Text("{file} (removed)")},
    # What the changed files would change, where a plan can be made from them as they are now.
    "followup.change.total": {"sv": Text("budgeten totalt {before:kr} → {now:kr}"),
                              "en": Text("the budget's total {before:kr} → {now:kr}")},
    "followup.change.goal_added": {"sv": Text("nytt mål: {goal}"), "en": Text("a new goal: {goal}")},
    "followup.change.goal_removed": {"sv": Text("mål borttaget: {goal}"), "en": Text("a goal removed: {goal}")},
    # -- the run (followup.py) and what `socinv followup` says -----------------------------------
    # A schedule's period without a label of the funder's own (profile followup.reports.label).
    "followup.period.delar2": {"sv": Text("Delår 2"), "en": Text("Interim (August)")},
    "followup.period.helar": {"sv": Text("Helår"), "en": Text("Full year")},
    "followup.skipped.loose": {
        "sv": Text("ligger direkt i mappen och hör inte till någon satsning (varje satsning är en undermapp)"),
        "en": Text("lies directly in the folder and belongs to no satsning (each satsning is a sub-folder)")},
    "followup.no_satsning": {
        "sv": Text("{dir} har ingen undermapp med filer: varje satsning är en undermapp med sina godkända filer "
                   "och rapporter."),
        "en": Text("{dir} has no sub-folder with files: each satsning is a sub-folder with its approved files and "
                   "reports.")},
    "followup.workbook_is_input": {
        "sv": Text("{path} ligger i mappen som följs upp och är en av handlingarna där, ingen uppföljningsbok som "
                   "socinv har skrivit; den skrivs inte över. Ange en uppföljningsbok utanför mappen med --workbook."),
        "en": Text("{path} lies in the folder being followed up and is one of the documents there, not a follow-up "
                   "workbook socinv wrote; it is not overwritten. Give a workbook outside the folder with "
                   "--workbook.")},
    "followup.bad_date": {"sv": Text("'{value}' är inget datum (ÅÅÅÅ-MM-DD)."),
                          "en": Text("'{value}' is not a date (YYYY-MM-DD).")},
    "followup.line.no_plan": {"sv": Text("Ingen plan: {problem}"), "en": Text("No plan: {problem}")},
    "followup.line.next": {"sv": Text("nästa: {report}, senast {due}"), "en": Text("next: {report}, due {due}")},
    "followup.line.late": {"sv": Text("försenade rapporter: {count}"), "en": Text("late reports: {count}")},
    "followup.summary": {
        "sv": Text("Satsningar: {satsningar} (rapporter: {reports}, utan plan: {without_plan}). Väntade rapporter: "
                   "{expected}, varav försenade {late}, kompletta {complete}, ofullständiga {incomplete}. "
                   "Läget {date}. Tid: {seconds:num} s."),
        "en": Text("Satsningar: {satsningar} (reports: {reports}, without a plan: {without_plan}). Expected reports: "
                   "{expected}, of which late {late}, complete {complete}, incomplete {incomplete}. As of {date}. "
                   "Time: {seconds:num} s.")},
    "followup.written": {"sv": Text("Uppföljningsboken sparades: {path} ({satsningar} satsningar, {reports} "
                                    "väntade rapporter)."),
                         "en": Text("Follow-up workbook saved: {path} ({satsningar} satsningar, {reports} expected "
                                    "reports).")},
    "followup.calendar_written": {"sv": Text("Kalenderfilen sparades: {path} ({count} rapporter)."),
                                  "en": Text("Calendar file saved: {path} ({count} reports).")},
    # -- the pre-filled reports (followup_templates.py, `socinv followup templates`) -------------
    "followup.templates.no_workbook": {
        "sv": Text("Uppföljningsboken {path} finns inte. Kör först socinv followup MAPP --workbook {path}, så fryses "
                   "satsningarnas planer i den."),
        "en": Text("The follow-up workbook {path} does not exist. First run socinv followup DIRECTORY --workbook "
                   "{path}, which freezes the satsningar's plans in it.")},
    "followup.templates.exists": {
        "sv": Text("{path} finns redan och är ingen orörd förifylld rapport från socinv-docs (den kan ha börjat "
                   "fyllas i); den skrivs inte över och inga rapporter har skrivits. Välj en annan mapp med -o, "
                   "eller flytta undan filen."),
        "en": Text("{path} already exists and is no untouched pre-filled report from socinv-docs (someone may have "
                   "begun to fill it in); it is not overwritten and no reports were written. Choose another folder "
                   "with -o, or move the file away.")},
    "followup.templates.write_failed": {
        "sv": Text("Den förifyllda rapporten {path} kunde inte sparas ({error})."),
        "en": Text("The pre-filled report {path} could not be saved ({error}).")},
    "followup.templates.line": {"sv": Text("{path}: {report}, {satsning} ({when})"),
                                "en": Text("{path}: {report}, {satsning} ({when})")},
    "followup.templates.line.due": {"sv": Text("senast {due}"), "en": Text("due {due}")},
    "followup.templates.line.late": {"sv": Text("senast {due}, försenad {days} dagar"),
                                     "en": Text("due {due}, {days} days late")},
    "followup.templates.no_form": {
        "sv": Text("{satsning}: finansiären har ingen mall för {kind}; ingen förifylld rapport."),
        "en": Text("{satsning}: the funder has no form for {kind}; no pre-filled report.")},
    "followup.templates.summary": {
        "sv": Text("{count} förifyllda rapporter i {path}."),
        "en": Text("{count} pre-filled reports in {path}.")},
    # -- the follow-up workbook (render/followup/book.py); its sheets' words are beside them -----
    "followup.book.title": {"sv": Text("Uppföljning av sociala investeringar"),
                            "en": Text("Follow-up of social investments")},
    "followup.book.print.date": {"sv": Text("Läget {date}"), "en": Text("As of {date}")},
    "followup.book.not_xlsx": {"sv": Text("Uppföljningsboken måste vara en .xlsx-fil: {path}"),
                               "en": Text("The follow-up workbook must be an .xlsx file: {path}")},
    "followup.book.locked": {
        "sv": Text("Uppföljningsboken {path} verkar vara öppen i {program} (låsfilen {lock} finns). Den har inte "
                   "skrivits över. Stäng filen och kör igen, eller använd --force om ingen har den öppen."),
        "en": Text("The follow-up workbook {path} seems to be open in {program} (the lock file {lock} exists). It "
                   "was not overwritten. Close it and run again, or use --force if nobody has it open.")},
    "followup.book.busy": {
        "sv": Text("Uppföljningsboken {path} uppdateras just nu av en annan körning av socinv (låset {lock}); den har "
                   "inte ändrats. Vänta tills den körningen är klar och kör igen."),
        "en": Text("The follow-up workbook {path} is being updated by another run of socinv (the lock {lock}); it "
                   "was not changed. Wait until that run is done and run again.")},
    "followup.book.unreadable": {
        "sv": Text("Den befintliga uppföljningsboken {path} kan inte läsas ({error}) och har inte skrivits över. "
                   "Öppna den i Excel och spara den igen, eller ta fram en tidigare kopia."),
        "en": Text("The existing follow-up workbook {path} cannot be read ({error}) and was not overwritten. Open "
                   "it in Excel and save it again, or take an earlier copy.")},
    "followup.book.not_register": {
        "sv": Text("{path} är ingen uppföljningsbok (bladet '{sheet}' saknas) och har inte skrivits över. Ange en "
                   "annan fil med --workbook, eller ett nytt namn för en ny uppföljningsbok."),
        "en": Text("{path} is not a follow-up workbook (the sheet '{sheet}' is missing) and was not overwritten. "
                   "Give another file with --workbook, or a new name for a new follow-up workbook.")},
    "followup.book.store_unreadable": {
        "sv": Text("Uppföljningsboken {path} har en fryst plan (satsningen '{satsning}') som inte går att läsa "
                   "({error}); boken har inte skrivits över. Ta fram en tidigare kopia av boken, eller kör med en "
                   "nyare version av socinv om den skrevs av en sådan."),
        "en": Text("The follow-up workbook {path} holds a frozen plan (the satsning '{satsning}') that cannot be "
                   "read ({error}); the workbook was not overwritten. Take an earlier copy of it, or run a newer "
                   "version of socinv if one wrote it.")},
    "followup.book.store_missing": {
        "sv": Text("Uppföljningsboken {path} har satsningar men inte det dolda bladet '{sheet}' med deras frysta "
                   "planer; boken har inte skrivits över, eftersom planerna annars skulle frysas på nytt från "
                   "dagens filer. Ta fram en tidigare kopia av boken."),
        "en": Text("The follow-up workbook {path} has satsningar but not the hidden sheet '{sheet}' with their "
                   "frozen plans; it was not overwritten, since the plans would otherwise be frozen anew from "
                   "today's files. Take an earlier copy of the workbook.")},
    "followup.book.write_failed": {
        "sv": Text("Uppföljningsboken {path} kunde inte sparas ({error}). Den tidigare versionen är oförändrad."),
        "en": Text("The follow-up workbook {path} could not be saved ({error}). The previous version is unchanged.")},
    "followup.book.no_dir": {"sv": Text("mappen finns inte"), "en": Text("the folder does not exist")},
    # -- the report calendar (render/followup/calendar.py) ------------------------------------
    "followup.ics.name": {"sv": Text("Rapporter – sociala investeringar"), "en": Text("Reports – social investments")},
    "followup.ics.category": {"sv": Text("Sociala investeringar"), "en": Text("Social investments")},
    "followup.ics.summary": {"sv": Text("{kind} {period}: {satsning}"), "en": Text("{kind} {period}: {satsning}")},
    "followup.ics.description": {
        "sv": Text("{kind} {period} för satsningen {title} (mappen {satsning}) ska ha kommit in senast {due}. "
                   "Den avser {start} – {end}.\nLäge: {status}."),
        "en": Text("{kind} {period} of the satsning {title} (the folder {satsning}) is due by {due}. It covers "
                   "{start} – {end}.\nState: {status}.")},
    "followup.ics.state.expected": {"sv": Text("väntas"), "en": Text("expected")},
    "followup.ics.state.received": {"sv": Text("inkommen"), "en": Text("received")},
    "followup.ics.state.complete": {"sv": Text("inkommen, komplett"), "en": Text("received, complete")},
    "followup.ics.state.incomplete": {"sv": Text("inkommen, ofullständig"), "en": Text("received, incomplete")},
    "followup.ics.state.late": {"sv": Text("försenad {days} dagar"), "en": Text("{days} days late")},
    "followup.ics.state.skipped": {"sv": Text("överhoppad"), "en": Text("skipped")},
    "followup.ics.state.void": {"sv": Text("utgår"), "en": Text("void")},
    # -- their explanations (`socinv rules`), with the seed's words -------------------------------
    **explanation(
        "REPORT_PERIOD_INVALID",
        ("Att en rapport gäller en period som satsningens plan väntar (en redovisning vid delår 2 eller helår ett "
         "år som satsningen pågår, slutrapporten, den uppföljande utvärderingen), och att samma rapport inte "
         "kommer in två gånger.",
         "That a report is for a period the satsning's plan expects (a redovisning at delår 2 or helår of a year "
         "the satsning runs, the slutrapport, the uppföljande utvärdering), and that the same report does not come "
         "in twice."),
        (f"Örebro kommuns riktlinjer: \"{_SEED_REPORTING}\" Vilka rapporter en satsning ska lämna följer av dess "
         "beslutade period och finansiärens rapportschema; en rapport för en annan period kan inte jämföras med "
         "planen för rätt år, och två rapporter för samma period gör det oklart vilken som gäller.",
         f"Örebro's guidelines: \"{_SEED_REPORTING}\" (a written report twice a year, with the municipality's "
         "accounts at delår 2 and helår). Which reports a satsning owes follows from its decided period and the "
         "funder's schedule; a report for another period cannot be compared with the plan of the right year, and "
         "two reports for one period leave it unclear which one holds."),
        ("En redovisning för Delår 2 2026 från en satsning som startade i september 2026; eller två filer som båda "
         "är Helår 2027.",
         "A redovisning for Delår 2 2026 from a satsning that began in September 2026; or two files that are both "
         "Helår 2027.")),
    **explanation(
        "REPORT_OVERDUE",
        ("Att varje rapport satsningen ska lämna har kommit in senast det datum finansiärens rapportschema anger, "
         "på det datum körningen gäller (--date, annars i dag). En rapport som processledaren markerat som "
         "överhoppad, med ett skäl, är inte försenad.",
         "That every report the satsning owes has come in by the date the funder's schedule sets, on the date of "
         "the run (--date, else today). A report the processledare marked as skipped, with a reason, is not late."),
        ("Örebro kommuns riktlinjer: \"Projektledaren ansvarar för att redovisningen inkommer till "
         "processledaren.\" Medlen betalas \"i efterskott utifrån förbrukning\" i samband med delår och "
         "årsbokslut, så en rapport som dröjer håller också inne utbetalningen.",
         "Örebro's guidelines: the project manager is responsible for the report reaching the processledare "
         "(\"Projektledaren ansvarar för att redovisningen inkommer till processledaren\"). The money is paid in "
         "arrears on spending at delår and the annual accounts, so a late report also holds up the payment."),
        ("Helår 2027 skulle ha kommit in senast 2028-01-31; körningen den 2028-02-10 säger att den är 10 dagar "
         "försenad.",
         "Helår 2027 was due by 2028-01-31; the run on 2028-02-10 says it is 10 days late.")),
    **explanation(
        "PLAN_CHANGED",
        ("Att de godkända filerna (ansökan med bilagor) är desamma som när satsningens plan frystes, och att en "
         "rapport som bär en plan bär den som gäller. Planen fryses första gången satsningen körs i uppföljningen; "
         "ett ändrat beslut ger en ny version av planen, men ändrade filer används aldrig i tysthet.",
         "That the approved files (the application and its attachments) are the ones the satsning's plan was "
         "frozen from, and that a report carrying a plan carries the one in force. The plan is frozen the first "
         "time the satsning is run in follow-up; a changed decision makes a new version of the plan, but changed "
         "files are never used in silence."),
        ("Varje rapport jämförs med det som godkändes: Örebro kommuns riktlinjer låter utvärderingsteamet bedöma om "
         "satsningen \"inte löper enligt plan\", och \"de förutsättningar som gällde vid godkännande av ansökan\" "
         "är måttstocken. En plan som ändras i efterhand, utan beslut, flyttar den måttstocken.",
         "Every report is compared with what was approved: Örebro's guidelines let the evaluation team judge "
         "whether the satsning is not running to plan (\"inte löper enligt plan\"), against the conditions that "
         "held when the application was approved. A plan changed afterwards, without a decision, moves that "
         "yardstick."),
        ("Någon har sparat om ansokan.docx i satsningens mapp med en ny budget efter beslutet; eller en "
         "redovisning skrevs i en förifylld mall från planens version 1 när version 2 gäller.",
         "Someone saved ansokan.docx again in the satsning's folder with a new budget after the decision; or a "
         "report was written in a form pre-filled from version 1 of the plan while version 2 is in force.")),
}

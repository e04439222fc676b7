"""The plan of a satsning in follow-up (SPEC §9): why no plan could be made ("plan.*", the
reasons of approved.NoPlan), what is wrong with a beslut.yaml ("beslut.*"), and what a report
says about the plan it carries ("ui.plan.*", the carried plan's notes "plan.carried.*")."""

from __future__ import annotations

from socinv_docs.messages.core import Text

WORDS: dict[str, dict[str, Text]] = {
    # -- no plan: approved.NoPlan ------------------------------------------------------------
    "plan.no_main": {
        "sv": Text("Satsningens mapp har ingen läsbar {kinds:or}: utan den godkända ansökan görs ingen plan.",
                   "Lägg den godkända ansökan i satsningens mapp."),
        "en": Text("The satsning's folder holds no readable {kinds:or}: without the approved application there "
                   "is no plan.", "Put the approved application in the satsning's folder."),
    },
    "plan.no_main_unreadable": {
        "sv": Text("Satsningens mapp har ingen läsbar {kinds:or}; de här filerna kunde inte läsas: {files:list}.",
                   "Spara den godkända ansökan på nytt som .docx (eller .xlsx) i satsningens mapp."),
        "en": Text("The satsning's folder holds no readable {kinds:or}; these files could not be read: {files:list}.",
                   "Save the approved application again as .docx (or .xlsx) in the satsning's folder."),
    },
    "plan.several": {
        "sv": Text("Satsningens mapp har flera filer av slaget {kind}: {files:list}. Planen görs av den godkända "
                   "versionen, och verktyget gissar inte vilken det är.",
                   "Låt bara den godkända versionen ligga kvar i satsningens mapp."),
        "en": Text("The satsning's folder holds several files of the kind {kind}: {files:list}. The plan is made "
                   "from the approved version, and the tool does not guess which one that is.",
                   "Leave only the approved version in the satsning's folder."),
    },
    "plan.no_period": {
        "sv": Text("Satsningens period (start och slut) framgår varken av beslutet eller av {file}.",
                   "Skriv beslutad start och slut (ÅÅÅÅ-MM-DD) i uppföljningsboken eller i beslut.yaml."),
        "en": Text("The satsning's period (start and end) is given neither by the decision nor by {file}.",
                   "Write the decided start and end (YYYY-MM-DD) in the follow-up workbook or in beslut.yaml."),
    },
    # -- the beslut.yaml ---------------------------------------------------------------------
    "plan.beslut_unreadable": {
        "sv": Text("{file} kan inte läsas: {problem}.",
                   "Skriv beslutet som nycklar och värden, en per rad: beviljat_belopp: 1 250 000 kr"),
        "en": Text("{file} cannot be read: {problem}.",
                   "Write the decision as keys and values, one per line: beviljat_belopp: 1 250 000 kr"),
    },
    "plan.beslut_key": {
        "sv": Text("{file} har nycklar som inte hör till ett beslut: {keys:list}.", "Nycklarna är {known:list}."),
        "en": Text("{file} has keys that are not part of a decision: {keys:list}.", "The keys are {known:list}."),
    },
    "plan.beslut_value": {
        "sv": Text("{file}: {name} är '{value}', vilket inte är {expected}.",
                   "Skriv beviljat belopp i kronor (1 250 000 kr, 1,2 mkr eller 350 tkr), aldrig i en annan valuta "
                   "eller enhet, och datum som ÅÅÅÅ-MM-DD."),
        "en": Text("{file}: {name} is '{value}', which is not {expected}.",
                   "Write the granted amount in kronor (1 250 000 kr, 1,2 mkr or 350 tkr), never in another currency "
                   "or unit, and dates as YYYY-MM-DD."),
    },
    "plan.beslut_period": {
        "sv": Text("{file}: slut {slut} ligger före start {start}.", "Rätta start eller slut i beslutet."),
        "en": Text("{file}: the end {slut} lies before the start {start}.", "Correct the decision's start or end."),
    },
    "plan.expect.amount": {"sv": Text("ett belopp i kronor"), "en": Text("an amount in kronor")},
    "plan.expect.date": {"sv": Text("ett datum (ÅÅÅÅ-MM-DD)"), "en": Text("a date (YYYY-MM-DD)")},
    "beslut.os_error": {"sv": Text("{error}"), "en": Text("{error}")},
    "beslut.too_large": {"sv": Text("filen är större än {limit_kb} kB"), "en": Text("the file is larger than {limit_kb} kB")},
    "beslut.not_text": {"sv": Text("filen är inte text (UTF-8)"), "en": Text("the file is not text (UTF-8)")},
    "beslut.not_yaml": {"sv": Text("filen är inte skriven som YAML (rad {line})"),
                        "en": Text("the file is not written as YAML (line {line})")},
    "beslut.not_mapping": {"sv": Text("filen är inte nycklar med värden"), "en": Text("the file is not keys with values")},
    # -- a pre-filled report: render/prefill.py ----------------------------------------------
    "prefill.form_unreadable": {
        "sv": Text("Rapportmallen {file} kan inte läsas ({error}).",
                   "Skriv ut mallarna på nytt med socinv templates export, eller rätta finansiärens forms: i profilen."),
        "en": Text("The report form {file} cannot be read ({error}).",
                   "Write the forms again with socinv templates export, or correct the funder's forms: in its profile."),
    },
    "prefill.not_written": {
        "sv": Text("Den förifyllda rapporten {file} kunde inte skrivas: {error}.",
                   "Kontrollera att mappen finns och att du får skriva där."),
        "en": Text("The pre-filled report {file} could not be written: {error}.",
                   "Check that the folder exists and that you may write there."),
    },
    # -- a report's carried plan -------------------------------------------------------------
    "ui.plan.carried": {
        "sv": Text("Jämförd med planen för satsningen {title} (version {version}, {frozen_on}), som följer med "
                   "rapporten."),
        "en": Text("Compared with the plan of the satsning {title} (version {version}, {frozen_on}), which the "
                   "report carries."),
    },
    "ui.plan.conversion": {
        "sv": Text("Budgeten per projektår är omräknad till kalenderår: {years}."),
        "en": Text("The budget by project year is converted to calendar years: {years}."),
    },
    "ui.plan.conversion_year": {"sv": Text("År {k} ({start} – {end}) → {parts:list}"),
                                "en": Text("Year {k} ({start} – {end}) → {parts:list}")},
    "ui.plan.conversion_part": {"sv": Text("{year} {months} mån"), "en": Text("{year} {months} mo")},
    "ui.plan.carried_ignored": {
        "sv": Text("Obs: rapporten bär en plan som inte används, eftersom {reason_key:key}."),
        "en": Text("Note: the report carries a plan that is not used, because {reason_key:key}."),
    },
    "plan.carried.too_large": {"sv": Text("den är större än {limit_kb} kB"),
                               "en": Text("it is larger than {limit_kb} kB")},
    "plan.carried.unreadable": {"sv": Text("den inte går att läsa"), "en": Text("it cannot be read")},
    "plan.carried.other_format": {"sv": Text("den har ett format ({found}) som den här versionen av verktyget inte läser"),
                                  "en": Text("it is in a format ({found}) this version of the tool does not read")},
    "plan.carried.several": {"sv": Text("den finns i flera olika versioner i filen"),
                             "en": Text("the file holds several different ones")},
}

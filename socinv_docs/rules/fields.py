"""FIELD_MISSING, FIELD_INVALID.

What: required metadata fields (namn, kontaktperson, nämnder, period, …) are filled in, and
typed ones can be read as their type (period, percent, amount, duration, report period,
date); an amount in another currency or unit ("350 EUR") names the unit.
Why: the register and the memos are built from them, and the number rules need them.
Example: "Sökt belopp (kr) | ungefär tre miljoner" → FIELD_INVALID; "Kontaktperson |
Skriv här:" → FIELD_MISSING.
"""

from socinv_docs import messages
from socinv_docs.codes import Code, Severity
from socinv_docs.extract.values import foreign_unit
from socinv_docs.location import Location
from socinv_docs.messages import RuleWords, Text, explanation
from socinv_docs.report import Finding
from socinv_docs.rules.base import Rule, RuleContext, severity_for


def check(doc, ctx):
    for spec in ctx.kind.fields:
        value = doc.fields.get(spec.id)
        if value is None:
            continue
        if not value.raw:
            if spec.id == ctx.kind.roles.track and ctx.profile.tracks:
                continue  # an empty track field is TRACK_UNKNOWN, which says what depends on it
            # A field read from a section is reported by the section rule instead.
            severity = severity_for(spec.required)
            if severity is not None and spec.source == "label":
                # Excel: name the cell to type in
                cell = {"variant": "cell", "cell": value.location.cell} if value.location.cell else {}
                yield ctx.finding(Code.FIELD_MISSING, severity=severity, field=spec.id, where=value.location,
                                  label=spec.label.rstrip(":"), **cell)
        elif value.invalid:
            yield ctx.finding(Code.FIELD_INVALID, severity=Severity(spec.invalid_severity), field=spec.id,
                              section=spec.id if spec.source == "section" else None, where=value.location,
                              label=spec.label.rstrip(":"), raw=value.raw[:80], type=messages.msg(f"type.{spec.type}"),
                              **unit_params(f"type.{spec.type}", value.raw))


def invalid_table_cell(ctx: RuleContext, table_id: str, row_label: str, column: str, raw: str,
                       type_key: str, where: Location) -> Finding:
    """FIELD_INVALID for a table cell that cannot be read as its type (the cost, effects and
    co-financing tables, read by their own rules): made here, with this module's words, since
    FIELD_INVALID is this rule's code whichever rule found the cell. An amount in another
    currency or unit ("350 EUR", "40 timmar") names the unit."""
    return ctx.finding(Code.FIELD_INVALID, wording=WORDS, field=table_id, section=table_id, where=where,
                       label=f"{row_label} / {column}", raw=raw[:80], type=messages.msg(type_key),
                       **unit_params(type_key, raw))


def unit_params(type_key: str, raw: str) -> dict:
    """FIELD_INVALID's `variant` "unit" and the `unit` as written, for an amount that is a
    number in another currency or unit; nothing otherwise."""
    unit = foreign_unit(raw) if type_key == "type.amount" else None
    return {"variant": "unit", "unit": unit} if unit else {}


# -- its words: what its findings say, and what `socinv rules` says about its codes ----------
WORDS = RuleWords(__name__, {
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
    "FIELD_INVALID.unit": {  # an amount in another currency or unit: never read as kronor
        "sv": Text("Uppgiften '{label}' är angiven i '{unit}', inte i kronor: '{raw}'.",
                   "Räkna om beloppet till kronor och skriv till exempel: {type:hint}."),
        "en": Text("The field '{label}' is given in '{unit}', not in kronor: '{raw}'.",
                   "Convert the amount to kronor and write for example: {type:hint}."),
    },
    # -- field types, for FIELD_INVALID (also of table cells: invalid_table_cell) -----------
    "type.period": {"sv": Text("period", "2026-01-01 – 2028-12-31"), "en": Text("period", "2026-01-01 – 2028-12-31")},
    "type.percent": {"sv": Text("procent", "50 %"), "en": Text("percent", "50 %")},
    "type.amount": {"sv": Text("belopp", "3\u00a0600\u00a0000\u00a0kr"),
                    "en": Text("amount", "3\u00a0600\u00a0000\u00a0kr")},
    "type.hours": {"sv": Text("antal timmar", "120 timmar"), "en": Text("number of hours", "120 timmar")},
    "type.duration": {"sv": Text("tidsperiod", "3 år, 24 månader eller 2026–2028"),
                      "en": Text("duration", "3 år, 24 månader or 2026–2028")},
    "type.report_period": {"sv": Text("rapportperiod", "Delår 2 2027 eller Helår 2027"),
                           "en": Text("reporting period", "Delår 2 2027 (interim, August) or Helår 2027 (full year)")},
    "type.date": {"sv": Text("datum", "2027-09-15"), "en": Text("date", "2027-09-15")},
    "type.year": {"sv": Text("kalenderår", "2027"), "en": Text("calendar year", "2027")},
    **explanation("FIELD_MISSING",
            ("Att de obligatoriska uppgifterna är ifyllda: satsningens namn, kontaktperson, medverkande nämnder, "
             "period, sökt belopp med flera.",
             "That the required details are filled in: the initiative's name, contact person, committees taking "
             "part, period, amount applied for and so on."),
            ("Registret och beredningsunderlagen byggs av dem, och reglerna om tid, parter och ekonomi behöver "
             "dem (Örebros riktlinjer (2020), \"Steg 3 – Ansökan\").",
             "The register and the review memos are built from them, and the rules on time, partners and "
             "economics need them (the Örebro guidelines (2020), \"Step 3 – Application\")."),
            ("\"Kontaktperson | Skriv här:\".", "\"Kontaktperson | Skriv här:\".")),
    **explanation("FIELD_INVALID",
            ("Att uppgifter av en viss typ går att läsa: period (datum – datum), procent, belopp i kronor, tid, "
             "rapportperiod (Delår 2 2027, Helår 2027), datum. Ett belopp i en annan valuta eller enhet (\"350 EUR\", "
             "\"40 timmar\") läses aldrig som kronor; enheten nämns.",
             "That typed details can be read: a period (date – date), a percentage, an amount in kronor, a "
             "duration, a reporting period (Delår 2 2027, Helår 2027), a date. An amount in another currency or "
             "unit (\"350 EUR\", \"40 timmar\") is never read as kronor; the unit is named."),
            ("Siffrorna används av reglerna om tid, projektledning och ekonomi (Örebros riktlinjer (2020): \"Tid för genomförande "
             "(2–4 år)\").",
             "The figures are used by the rules on time, project lead and economics (the Örebro guidelines (2020, translated): "
             "\"Time for implementation (2–4 years)\")."),
            ("\"Sökt belopp (kr) | ungefär tre miljoner\".", "\"Sökt belopp (kr) | ungefär tre miljoner\"."),
            ("fel; varning för en tid som skrivits i fritext (Mölndal)",
             "error; a warning for a duration written as free text (Mölndal)")),
})


RULE = Rule("fields", (Code.FIELD_MISSING, Code.FIELD_INVALID), check, needs=("fields",), words=WORDS)

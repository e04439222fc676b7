"""PARTIES_CHANGED: the plan's medverkande nämnder and aktörer still among a report's parties.

What: every party of the plan (the approved ansökan's nämnder and aktörer) is among the
parties the report lists, matched leniently (against_plan.same_party): case and accents
folded, a verksamhetsområde after a dash or a part in brackets left out, a word more or less
("Socialnämnden – IFO" is "Socialnämnden"; "Vivalla IF" is "Föreningen Vivalla IF"). A party
of the plan the report does not list is gone: one finding each, on the parties field. A report
that lists no party at all is FIELD_MISSING's, not this rule's; a party the report adds is no
finding (more parties take nothing away).
Why: seed 000, "Steg 1"/"Steg 4": the satsning was approved as a collaboration ("minst två
kommunala nämnder från olika verksamhetsområden ... alternativt en aktör från civila
samhället i samverkan med minst en kommunal nämnd"), "förankras med de verksamheter och chefer
som blir berörda"; a party that leaves may change the conditions the approval rested on
("Kriterier för att avbryta": "De förutsättningar som gällde vid godkännande av ansökan ...
kan ha förändrats").
Example: the plan's "Föreningen Läxhjälpen" not among the report's parties → PARTIES_CHANGED
naming it.
Needs the plan. Reads the role `parties`.
"""

from socinv_docs import roles
from socinv_docs.codes import Code
from socinv_docs.messages import RuleWords, Text, explanation
from socinv_docs.rules import against_plan
from socinv_docs.rules.base import Rule


def check(doc, ctx):
    plan = ctx.plan
    if plan is None or not plan.parties:
        return
    listed = roles.parties(doc, ctx.kind, ctx.schemas.common)
    if not listed:
        return
    names = [p.label for p in listed]
    where = listed[0].location
    for party in plan.parties:
        if not any(against_plan.same_party(party.name, p.name) or against_plan.same_party(party.name, p.label)
                   for p in listed):
            yield ctx.finding(Code.PARTIES_CHANGED, field=listed[0].field, where=where, party=party.name,
                              category=party.category, listed=names)


# -- its words: what its findings say, and what `socinv rules` says about its codes ----------
WORDS = RuleWords(__name__, {
    "PARTIES_CHANGED": {
        "sv": Text("'{party}' medverkar enligt planen men finns inte bland rapportens parter ({listed:list}).",
                   "Lägg till parten om den fortfarande medverkar; annars beskriv förändringen och vad den "
                   "betyder för satsningen under Avvikelser."),
        "en": Text("'{party}' takes part according to the plan but is not among the report's parties "
                   "({listed:list}).",
                   "Add the party if it still takes part; otherwise describe the change and what it means for "
                   "the initiative under Deviations."),
    },
    **explanation("PARTIES_CHANGED",
                  ("Att varje nämnd och aktör som medverkar enligt den godkända planen finns bland rapportens "
                   "parter. Namnen jämförs förlåtande: \"Socialnämnden – IFO\" är \"Socialnämnden\".",
                   "That every committee and actor taking part according to the approved plan is among the "
                   "report's parties. Names are compared leniently: \"Socialnämnden – IFO\" is "
                   "\"Socialnämnden\"."),
                  ("Satsningen godkändes som en samverkan; en part som lämnar kan ändra förutsättningarna som "
                   "godkännandet vilade på.",
                   "The initiative was approved as a collaboration; a party that leaves may change the "
                   "conditions the approval rested on."),
                  ("Planens \"Föreningen Läxhjälpen\" saknas bland rapportens medverkande.",
                   "The plan's \"Föreningen Läxhjälpen\" is missing among the report's parties.")),
})


RULE = Rule("report_parties", (Code.PARTIES_CHANGED,), check, needs=("parties",), words=WORDS)

"""PARTIES_INSUFFICIENT, PARTY_FOR_PROFIT.

What: the parties taking part meet one of the funder's alternatives (counts per category:
nämnd, civil-society actor, region unit, kommun, ...; or a total of any kind), and, where
the funder refuses them, no partner is a for-profit company, except companies it allows
(municipal companies majority-owned by the municipality).
Why: seed 000, "Vem kan ansöka?": "minst två kommunala nämnder från olika
verksamhetsområden ... alternativt en aktör från civila samhället i samverkan med minst en
kommunal nämnd"; "Vinstdrivande företag ingår inte"; "kommunala bolag som är
majoritetsägda". Other funders: "minst två organisationer" (Region Gävleborg).
Example: nämnder "Socialnämnden – Social välfärd" only, no civil actor →
PARTIES_INSUFFICIENT; civil actor "Läxhjälpen Sverige AB" → PARTY_FOR_PROFIT.
Options: `any_of` (alternatives: `min` per category, `total`, `distinct_areas`),
`for_profit` (refuse | allow), `allowed_companies`. Reads the role `parties`.
"""

import re
from typing import Literal

from socinv_docs import roles
from socinv_docs.codes import Code
from socinv_docs.extract.text import fold
from socinv_docs.messages import RuleWords, Text, explanation, literal, msg
from socinv_docs.rules.base import Rule, RuleOptions
from socinv_docs.schema import SchemaProblem, Spec


class Alternative(Spec):
    """One way to have enough parties: at least `min[c]` distinct parties of each category
    c (with `distinct_areas`, also that many distinct verksamhetsområden among them), and
    at least `total` distinct parties counted together."""

    min: dict[str, int] = {}
    total: int = 0
    distinct_areas: bool = False


class Options(RuleOptions):
    any_of: list[Alternative] = []
    for_profit: Literal["refuse", "allow"] = "refuse"
    allowed_companies: list[str] = []

    def check_against(self, profile, kinds, common) -> None:
        for i, alternative in enumerate(self.any_of):
            for category in alternative.min:
                if category not in common.party_categories:
                    raise SchemaProblem("schema.unknown_category", "any_of", i, "min", category, category=category,
                                        known=list(common.party_categories))


def is_for_profit(name: str, markers: list[str], allowed: list[str]) -> bool:
    folded = fold(name)
    if any(fold(a) and re.search(rf"\b{re.escape(fold(a))}\b", folded) for a in allowed):
        return False
    for marker in markers:
        if marker.isupper():  # "AB", "HB", "KB": case matters, "ab" is not a company form
            if re.search(rf"(?<![\wÅÄÖåäö]){re.escape(marker)}(?![\wÅÄÖåäö])", name):
                return True
        elif re.search(rf"\b{re.escape(fold(marker))}\b", folded):
            return True
    return False


def _met(alternative: Alternative, parties: list[roles.Party]) -> bool:
    for category, needed in alternative.min.items():
        mine = [p for p in parties if p.category == category]
        if len({fold(p.name) for p in mine}) < needed:
            return False
        # A party without a stated area counts as an area of its own.
        if alternative.distinct_areas and len({fold(p.area or p.name) for p in mine}) < needed:
            return False
    return len({fold(p.name) for p in parties}) >= alternative.total


def _category_name(common, category: str, count: int) -> dict:
    spec = common.party_categories.get(category)
    if spec is None:
        return literal(sv=category, en=category)
    return literal(sv=spec.name("sv", count), en=spec.name("en", count))


def check(doc, ctx):
    common = ctx.schemas.common
    options = ctx.options
    parties = roles.parties(doc, ctx.kind, common)
    markers = [w for c in common.party_categories.values() if c.for_profit for w in c.words]
    counted = []
    for party in parties:
        if options.for_profit == "refuse" and is_for_profit(party.name, markers, options.allowed_companies):
            yield ctx.finding(Code.PARTY_FOR_PROFIT, field=party.field, where=party.location, party=party.name)
        else:
            counted.append(party)
    if not parties or not options.any_of:
        return  # nothing filled in: FIELD_MISSING says so
    if any(_met(alternative, counted) for alternative in options.any_of):
        return
    categories = list(dict.fromkeys(p.category for p in counted))
    found = [msg("parties.count", n=n, name=_category_name(common, c, n))
             for c in categories for n in [len({fold(p.name) for p in counted if p.category == c})]]
    required = _required(options, common)
    # Reported on the first parties field (the nämnder, in Örebro's forms): where a party is added.
    first = ctx.kind.roles.parties[0].field
    where = doc.fields[first].location if first in doc.fields else None
    yield ctx.finding(Code.PARTIES_INSUFFICIENT, field=first, where=where, found=found or [msg("parties.none")],
                      required=required, parties=len({fold(p.name) for p in counted}))



def _required(options: Options, common) -> list[dict]:
    """The funder's alternatives, as messages: "minst 2 nämnder från olika verksamhetsområden"."""
    return [msg("parties.alternative_areas" if alternative.distinct_areas else "parties.alternative",
                parts=[msg("parties.count", n=n, name=_category_name(common, c, n)) for c, n in alternative.min.items()]
                + ([msg("parties.total", n=alternative.total)] if alternative.total else []))
            for alternative in options.any_of]


def demands(code, options, profile, schemas) -> list[dict]:
    if code is Code.PARTIES_INSUFFICIENT:
        return [msg("parties.required", required=_required(options, schemas.common))] if options.any_of else []
    if options.for_profit == "allow":
        return [msg("parties.for_profit_allowed")]
    if options.allowed_companies:
        return [msg("parties.for_profit_refused_except", companies=options.allowed_companies)]
    return [msg("parties.for_profit_refused")]

# -- its words: what its findings say, and what `socinv rules` says about its codes ----------
WORDS = RuleWords(__name__, {
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
    # -- parts of its messages ---------------------------------------------------------------
    "parties.count": {"sv": Text("{n} {name}"), "en": Text("{n} {name}")},
    "parties.total": {"sv": Text("{n} parter sammanlagt"), "en": Text("{n} parties in all")},
    "parties.none": {"sv": Text("ingen part"), "en": Text("no party")},
    "parties.alternative": {"sv": Text("minst {parts:and}"), "en": Text("at least {parts:and}")},
    "parties.alternative_areas": {"sv": Text("minst {parts:and} från olika verksamhetsområden"),
                                  "en": Text("at least {parts:and} from different areas")},
    **explanation("PARTIES_INSUFFICIENT",
                  ("Att de parter som medverkar uppfyller något av finansiärens krav på samverkan: ett antal "
                   "parter av ett slag (nämnder, aktörer från civila samhället, kommuner …), eller sammanlagt.",
                   "That the parties taking part meet one of the funder's requirements on collaboration: a "
                   "number of parties of a kind (committees, civil-society actors, municipalities …), or in all."),
                  ("En social investering görs i samverkan; hur många parter, och vilka, bestämmer varje "
                   "finansiär. Kraven och finansiärens egna ord står nedan.",
                   "A social investment is made together; how many parties, and which, each funder decides. "
                   "The requirements and the funder's own words are below."),
                  ("En enda part där finansiären kräver minst två.",
                   "A single party where the funder requires at least two.")),
    **explanation("PARTY_FOR_PROFIT",
                  ("Att ingen part är ett vinstdrivande företag (AB, HB, KB, aktiebolag) där finansiären inte "
                   "godtar det, utom de bolag profilen undantar.",
                   "That no partner is a for-profit company (AB, HB, KB, aktiebolag) where the funder does not "
                   "accept one, except the companies the profile exempts."),
                  ("Finansiärer som ger medel till offentliga och ideella parter; undantagen (som kommunala bolag) "
                   "står i profilen.",
                   "Funders that give to public and non-profit parties; the exceptions (such as municipal "
                   "companies) are in the profile."),
                  ("Aktören \"Läxhjälpen Sverige AB\".", "The actor \"Läxhjälpen Sverige AB\".")),
    # what a profile demands (`socinv rules`, demands)
    "parties.required": {"sv": Text("{required:or}"), "en": Text("{required:or}")},
    "parties.for_profit_refused": {"sv": Text("vinstdrivande företag godtas inte som parter"),
                                   "en": Text("for-profit companies are not accepted as parties")},
    "parties.for_profit_refused_except": {
        "sv": Text("vinstdrivande företag godtas inte som parter, utom {companies:list}"),
        "en": Text("for-profit companies are not accepted as parties, except {companies:list}")},
    "parties.for_profit_allowed": {"sv": Text("vinstdrivande företag får vara parter"),
                                   "en": Text("for-profit companies may be parties")},
})


RULE = Rule("parties", (Code.PARTIES_INSUFFICIENT, Code.PARTY_FOR_PROFIT), check,
            options=Options, needs=("parties",), words=WORDS, demands=demands)

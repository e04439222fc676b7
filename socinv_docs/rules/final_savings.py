"""EFTERKALKYL_BELOW_COST, EFTERKALKYL_DEVIATION: the slutrapport's efterkalkyl against the actual
cost and against the ansökan's förkalkyl.

What: the efterkalkyl (the slutrapport's table of savings per nämnd: Besparing per år × Antal
år efter avslut, the ansökan's shape) is counted exactly as the ansökan's savings were
(economics.py: at most the funder's horizon after the end, as present values where the funder
discounts):
- EFTERKALKYL_BELOW_COST: those savings are below the satsning's actual total cost (the
  slutrapport's Faktisk total kostnad, else the Ekonomi's utfall to date). Needs no plan.
- EFTERKALKYL_DEVIATION: per party of the förkalkyl (the approved ansökan's savings, in the
  plan), its savings within the horizon in the efterkalkyl differ from the förkalkyl's by more
  than the funder's threshold (a party of the förkalkyl the efterkalkyl leaves out: all of it,
  variant "missing"); and the whole: savings / cost of the efterkalkyl against the förkalkyl's
  ratio (variant "ratio"). A party only the efterkalkyl names has nothing to deviate from and
  is no finding. Needs the plan's förkalkyl (per party: its savings; the ratio: its ratio).
An efterkalkyl with no rows is no finding: the section rules say it is empty.
Why: seed 000, "Finansiering, effekthemtagning och implementering": "För att en ansökan ska
godkännas krävs att antaganden kan göras om att satsningen kommer generera minst lika stora
kostnadsbesparande effekter som satsningen kostar att genomföra. Beräkningen av förväntade
kostnadsbesparingar begränsas till en period på tio år, från och med att satsningen
avslutats"; the slutrapport "visar positiva effekter för både satsningens målgrupp och
kommunens ekonomi" before implementering. The efterkalkyl tests the förkalkyl's assumption.
Example: actual cost 3 450 000 kr, efterkalkyl 250 000 kr/år × 10 år = 2 500 000 kr →
EFTERKALKYL_BELOW_COST. Förkalkyl Socialnämnden 400 000 kr × 10 år, efterkalkyl 250 000 kr ×
10 år: −37,5 % > 25 % → EFTERKALKYL_DEVIATION for Socialnämnden.
Options: `threshold` (a share: 0.25 is 25 %). Needs the profile's `economics` (its horizon and
discounting). Reads the roles `savings`, `actual_cost` and `report_costs`.
"""

from typing import Annotated

from annotated_types import Interval

from socinv_docs import economics, roles
from socinv_docs.codes import Code
from socinv_docs.messages import RuleWords, Text, explanation, msg
from socinv_docs.rules import against_plan
from socinv_docs.rules.base import Rule, RuleOptions
from socinv_docs.schema import SchemaProblem


class Options(RuleOptions):
    threshold: Annotated[float, Interval(gt=0)] = 0.25

    def check_against(self, profile, kinds, common) -> None:
        if profile.economics is None:  # the efterkalkyl is counted by the economics' horizon
            raise SchemaProblem("schema.needs_economics", rule="final_savings")


def check(doc, ctx):
    role = ctx.kind.roles.savings
    rows = roles.savings_rows(doc, ctx.kind)
    if not rows:
        return
    spec = ctx.profile.economics
    horizon = spec.horizon_years
    counted = economics.counted_savings(rows, horizon)
    savings = economics.present_value(rows, spec) if spec.discounted else counted
    cost = actual_cost(doc, ctx.kind)
    section = against_plan.table_section(ctx.kind, role.table)
    table = against_plan.table_where(doc, ctx.kind, role.table)
    if cost is not None and savings < cost:
        yield ctx.finding(Code.EFTERKALKYL_BELOW_COST, section=section, where=table, savings=savings, cost=cost,
                          horizon=horizon)
    forkalkyl = ctx.plan.forkalkyl if ctx.plan is not None else None
    if forkalkyl is None:
        return
    threshold = ctx.options.threshold
    found = against_plan.match_rows([s.party for s in forkalkyl.savings], [r.party for r in rows])
    for i, planned in enumerate(forkalkyl.savings):
        before = int(round((planned.per_year or 0) * min(planned.years or 0.0, float(forkalkyl.horizon_years))))
        row = rows[found[i]] if i in found else None
        after = int(round((row.per_year or 0) * economics.counted_years(row, horizon))) if row is not None else 0
        if not before or abs(after - before) / before <= threshold + 1e-9:
            continue
        where = row.cells.get(role.per_year, row.location) if row is not None else table
        yield ctx.finding(Code.EFTERKALKYL_DEVIATION, section=section, where=where, party=planned.party,
                          before=before, after=after, share=round((after - before) / before, 4), threshold=threshold,
                          **({"variant": "missing"} if row is None else {}))
    if cost and forkalkyl.ratio:
        ratio = counted / cost
        share = (ratio - forkalkyl.ratio) / forkalkyl.ratio
        if abs(share) > threshold + 1e-9:
            yield ctx.finding(Code.EFTERKALKYL_DEVIATION, section=section, where=table, variant="ratio",
                              before=round(forkalkyl.ratio, 4), after=round(ratio, 4), share=round(share, 4),
                              threshold=threshold)


def actual_cost(doc, kind) -> int | None:
    """The satsning's actual total cost: the slutrapport's own figure, else the Ekonomi's utfall."""
    stated = roles.value_of(doc, kind.roles.actual_cost)
    if isinstance(stated, int) and not isinstance(stated, bool):
        return stated
    return against_plan.report_costs(doc, kind).to_date("actual") if kind.roles.report_costs else None


def demands(code, options, profile, schemas) -> list[dict]:
    horizon = profile.economics.horizon_years
    if code is Code.EFTERKALKYL_BELOW_COST:
        return [msg("final_savings.cover", horizon=horizon)]
    return [msg("final_savings.threshold", threshold=options.threshold)]


# -- its words: what its findings say, and what `socinv rules` says about its codes ----------
WORDS = RuleWords(__name__, {
    "EFTERKALKYL_BELOW_COST": {
        "sv": Text("Efterkalkylens besparingar ({savings:kr}) inom {horizon} år efter avslut är mindre än "
                   "satsningens faktiska kostnad ({cost:kr}).",
                   "Beskriv i efterkalkylen vad som ger den lägre besparingen, och om fler effekter väntas."),
        "en": Text("The savings of the final calculation ({savings:kr}) within {horizon} years after the end are "
                   "less than the initiative's actual cost ({cost:kr}).",
                   "Describe in the final calculation what makes the savings lower, and whether more effects "
                   "are expected."),
    },
    # {before}, {after}: savings within the horizon in the förkalkyl and the efterkalkyl.
    "EFTERKALKYL_DEVIATION": {
        "sv": Text("Efterkalkylens besparing för '{party}' ({after:kr}) avviker {share:pct} från ansökans "
                   "förkalkyl ({before:kr}), mer än gränsen på {threshold:pct}.",
                   "Förklara skillnaden mot förkalkylen i efterkalkylen."),
        "en": Text("The final calculation's savings for '{party}' ({after:kr}) differ by {share:pct} from the "
                   "application's calculation ({before:kr}), more than the limit of {threshold:pct}.",
                   "Explain the difference from the application's calculation in the final calculation."),
    },
    "EFTERKALKYL_DEVIATION.missing": {
        "sv": Text("'{party}' hade en besparing på {before:kr} i ansökans förkalkyl men saknas i efterkalkylen.",
                   "Lägg till parten i efterkalkylen, med 0 kr om besparingen uteblev, och förklara varför."),
        "en": Text("'{party}' had savings of {before:kr} in the application's calculation but is missing from "
                   "the final calculation.",
                   "Add the party to the final calculation, at 0 kr if the savings did not come, and explain "
                   "why."),
    },
    "EFTERKALKYL_DEVIATION.ratio": {
        "sv": Text("Efterkalkylens kvot mellan besparingar och kostnad ({after:num}) avviker {share:pct} från "
                   "förkalkylens ({before:num}), mer än gränsen på {threshold:pct}.",
                   "Förklara i efterkalkylen vad som skiljer utfallet från ansökans antaganden."),
        "en": Text("The final calculation's ratio of savings to cost ({after:num}) differs by {share:pct} from "
                   "the application's ({before:num}), more than the limit of {threshold:pct}.",
                   "Explain in the final calculation what sets the outcome apart from the application's "
                   "assumptions."),
    },
    **explanation("EFTERKALKYL_BELOW_COST",
                  ("Att slutrapportens efterkalkyl, räknad som ansökans förväntade besparingar (högst "
                   "finansiärens horisont efter avslut), täcker satsningens faktiska kostnad.",
                   "That the final report's calculation of savings, counted as the application's expected "
                   "savings were (at most the funder's horizon after the end), covers the initiative's actual "
                   "cost."),
                  ("Satsningen godkändes på antagandet att besparingarna blir minst lika stora som kostnaden; "
                   "efterkalkylen prövar antagandet inför beslutet om implementering.",
                   "The initiative was approved on the assumption that the savings would be at least as large "
                   "as the cost; the final calculation tests it before the decision on implementation."),
                  ("Faktisk kostnad 3 450 000 kr och besparingar på 250 000 kr per år i 10 år.",
                   "An actual cost of 3 450 000 kr and savings of 250 000 kr a year for 10 years.")),
    **explanation("EFTERKALKYL_DEVIATION",
                  ("Att efterkalkylens besparing för varje part i ansökans förkalkyl, och kvoten mellan "
                   "besparingar och kostnad, ligger inom finansiärens gräns från förkalkylens.",
                   "That the final calculation's savings for each party of the application's calculation, and "
                   "the ratio of savings to cost, stay within the funder's limit of the application's."),
                  ("En stor skillnad mot förkalkylen behöver förklaras: den säger något om antagandena bakom "
                   "beslutet och om vad en implementering kan ge.",
                   "A large difference from the application's calculation needs explaining: it says something "
                   "about the assumptions behind the decision and what an implementation may give."),
                  ("Förkalkylen räknade med 400 000 kr per år för Socialnämnden, efterkalkylen med 250 000 kr.",
                   "The application counted on 400 000 kr a year for Socialnämnden, the final calculation on "
                   "250 000 kr.")),
    # what a profile demands (`socinv rules`, demands)
    "final_savings.cover": {"sv": Text("besparingarna inom {horizon} år efter avslut ska täcka den faktiska kostnaden"),
                            "en": Text("the savings within {horizon} years after the end should cover the actual cost")},
    "final_savings.threshold": {"sv": Text("en avvikelse på mer än {threshold:pct} från förkalkylen ska förklaras"),
                                "en": Text("a deviation of more than {threshold:pct} from the application's "
                                           "calculation must be explained")},
})


RULE = Rule("final_savings", (Code.EFTERKALKYL_BELOW_COST, Code.EFTERKALKYL_DEVIATION), check, options=Options,
            needs=("savings",), words=WORDS, demands=demands)

"""PAYBACK_TOO_LONG.

What: the satsning pays for itself (cumulative savings after the end reach the cost) within
the funder's maximum number of years.
Why: funders that state a pay-back time rather than a horizon ("återbetalningstiden får
vara högst sju år").
Example: cost 4 000 000 kr, savings 500 000 kr a year → paid back in year 8 after the end;
with `max_years: 7` → PAYBACK_TOO_LONG.
Options: `max_years`. Reads the role `savings`; needs the profile's `economics`.
"""

from socinv_docs.codes import Code
from socinv_docs.messages import msg
from socinv_docs.rules.base import Rule
from socinv_docs.rules.savings import Options as SavingsOptions


class Options(SavingsOptions):
    max_years: int


def check(doc, ctx):
    summary = ctx.economics
    if not summary or not summary.get("cost"):
        return
    years = summary.get("payback_years_after_end")
    if years is not None and years <= ctx.options.max_years:
        return
    when = msg("payback.after", years=years) if years else msg("payback.never", horizon=summary["horizon_years"])
    table = doc.tables.get(ctx.kind.roles.savings.table)
    yield ctx.finding(Code.PAYBACK_TOO_LONG, section=ctx.kind.roles.savings.table,
                      where=table.location if table else None, when=when, years=years,
                      maximum=ctx.options.max_years)


RULE = Rule("payback", (Code.PAYBACK_TOO_LONG,), check, options=Options, needs=("savings",))

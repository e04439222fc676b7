"""The registry of rule codes (SPEC §4). Codes are stable: users' scripts depend on them.

Every finding carries one of these; no code is ever written as a loose string elsewhere.
"""

from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


class Code(StrEnum):
    FILE_UNREADABLE = "FILE_UNREADABLE"
    KIND_UNKNOWN = "KIND_UNKNOWN"
    SECTION_MISSING = "SECTION_MISSING"
    SECTION_EMPTY = "SECTION_EMPTY"
    SECTION_PLACEHOLDER = "SECTION_PLACEHOLDER"
    SECTION_TOO_SHORT = "SECTION_TOO_SHORT"
    FIELD_MISSING = "FIELD_MISSING"
    FIELD_INVALID = "FIELD_INVALID"
    CRITERION_UNANSWERED = "CRITERION_UNANSWERED"
    CRITERION_NOT_MET = "CRITERION_NOT_MET"
    CRITERION_UNCLEAR = "CRITERION_UNCLEAR"
    CRITERION_UNMOTIVATED = "CRITERION_UNMOTIVATED"
    DURATION_OUT_OF_RANGE = "DURATION_OUT_OF_RANGE"
    PARTIES_INSUFFICIENT = "PARTIES_INSUFFICIENT"
    PARTY_FOR_PROFIT = "PARTY_FOR_PROFIT"
    PROJECT_LEAD_TOO_LOW = "PROJECT_LEAD_TOO_LOW"
    COSTS_INCONSISTENT = "COSTS_INCONSISTENT"
    SAVINGS_BELOW_COST = "SAVINGS_BELOW_COST"
    SAVINGS_HORIZON_EXCEEDED = "SAVINGS_HORIZON_EXCEEDED"
    ATTACHMENT_MISSING = "ATTACHMENT_MISSING"
    SCHEMA_ROW_INCOMPLETE = "SCHEMA_ROW_INCOMPLETE"
    SIGNATURE_MISSING = "SIGNATURE_MISSING"
    # Rules other funders need (issue 12): not in SPEC §4's table, which covers Örebro and Mölndal.
    COST_CEILING_EXCEEDED = "COST_CEILING_EXCEEDED"
    FUND_SHARE_TOO_HIGH = "FUND_SHARE_TOO_HIGH"
    OWN_SHARE_TOO_LOW = "OWN_SHARE_TOO_LOW"
    PAYBACK_TOO_LONG = "PAYBACK_TOO_LONG"
    # The tool's own (issue 24): no funder's rule, a fact about how files were put together.
    FUNDERS_MIXED = "FUNDERS_MIXED"
    # The tool's own (issue 22): a form of a fund with tracks that names none of them.
    TRACK_UNKNOWN = "TRACK_UNKNOWN"
    # The follow-up stage (SPEC §9).
    REPORT_UNLINKED = "REPORT_UNLINKED"
    # A follow-up report compared with its satsning's plan (SPEC §9): the document rules.
    COST_TOTAL_EXCEEDED = "COST_TOTAL_EXCEEDED"
    COST_FORECAST_EXCEEDED = "COST_FORECAST_EXCEEDED"
    COST_YEAR_OVER_PLAN = "COST_YEAR_OVER_PLAN"
    COST_COMPONENT_DEVIATION = "COST_COMPONENT_DEVIATION"
    FUND_COSTS_NOT_SHOWN = "FUND_COSTS_NOT_SHOWN"
    DEVIATION_UNEXPLAINED = "DEVIATION_UNEXPLAINED"
    MEASURE_NOT_REPORTED = "MEASURE_NOT_REPORTED"
    BASELINE_MISSING = "BASELINE_MISSING"
    ACTIVITY_NOT_REPORTED = "ACTIVITY_NOT_REPORTED"
    TARGET_NOT_MET = "TARGET_NOT_MET"
    PARTIES_CHANGED = "PARTIES_CHANGED"
    PERIOD_CHANGED = "PERIOD_CHANGED"
    IMPLEMENTATION_PLAN_MISSING = "IMPLEMENTATION_PLAN_MISSING"
    GOAL_WITHOUT_RESULT = "GOAL_WITHOUT_RESULT"
    COMPARISON_MISSING = "COMPARISON_MISSING"
    EFTERKALKYL_BELOW_COST = "EFTERKALKYL_BELOW_COST"
    EFTERKALKYL_DEVIATION = "EFTERKALKYL_DEVIATION"
    # The follow-up run's own: made by followup.py over a satsning's reports and schedule,
    # not by a rule over one document.
    REPORT_PERIOD_INVALID = "REPORT_PERIOD_INVALID"
    REPORT_OVERDUE = "REPORT_OVERDUE"
    PLAN_CHANGED = "PLAN_CHANGED"


# Default severity of each code. Section codes take the section's `required` level
# from the schema instead; ATTACHMENT_MISSING depends on how the file was checked.
DEFAULT_SEVERITY: dict[Code, Severity] = {
    Code.FILE_UNREADABLE: Severity.ERROR,
    Code.KIND_UNKNOWN: Severity.ERROR,
    Code.SECTION_MISSING: Severity.ERROR,
    Code.SECTION_EMPTY: Severity.ERROR,
    Code.SECTION_PLACEHOLDER: Severity.ERROR,
    Code.SECTION_TOO_SHORT: Severity.WARNING,
    Code.FIELD_MISSING: Severity.ERROR,
    Code.FIELD_INVALID: Severity.ERROR,
    Code.CRITERION_UNANSWERED: Severity.ERROR,
    Code.CRITERION_NOT_MET: Severity.WARNING,
    Code.CRITERION_UNCLEAR: Severity.WARNING,
    Code.CRITERION_UNMOTIVATED: Severity.WARNING,
    Code.DURATION_OUT_OF_RANGE: Severity.ERROR,
    Code.PARTIES_INSUFFICIENT: Severity.ERROR,
    Code.PARTY_FOR_PROFIT: Severity.ERROR,
    Code.PROJECT_LEAD_TOO_LOW: Severity.ERROR,
    Code.COSTS_INCONSISTENT: Severity.WARNING,
    Code.SAVINGS_BELOW_COST: Severity.ERROR,
    Code.SAVINGS_HORIZON_EXCEEDED: Severity.WARNING,
    Code.ATTACHMENT_MISSING: Severity.ERROR,
    Code.SCHEMA_ROW_INCOMPLETE: Severity.ERROR,
    Code.SIGNATURE_MISSING: Severity.WARNING,
    Code.COST_CEILING_EXCEEDED: Severity.ERROR,
    Code.FUND_SHARE_TOO_HIGH: Severity.ERROR,
    Code.OWN_SHARE_TOO_LOW: Severity.ERROR,
    Code.PAYBACK_TOO_LONG: Severity.ERROR,
    Code.FUNDERS_MIXED: Severity.WARNING,
    Code.TRACK_UNKNOWN: Severity.ERROR,
    # An error in a follow-up run; a warning for a report checked alone (pipeline.check_submission).
    Code.REPORT_UNLINKED: Severity.ERROR,
    # SPEC §9. COST_YEAR_OVER_PLAN is an error where the funder caps a year, and
    # MEASURE_NOT_REPORTED and BASELINE_MISSING in the slutrapport: the profile's options say so.
    Code.COST_TOTAL_EXCEEDED: Severity.ERROR,
    Code.COST_FORECAST_EXCEEDED: Severity.WARNING,
    Code.COST_YEAR_OVER_PLAN: Severity.WARNING,
    Code.COST_COMPONENT_DEVIATION: Severity.WARNING,
    Code.FUND_COSTS_NOT_SHOWN: Severity.ERROR,
    Code.DEVIATION_UNEXPLAINED: Severity.WARNING,
    Code.MEASURE_NOT_REPORTED: Severity.WARNING,
    Code.BASELINE_MISSING: Severity.WARNING,
    Code.ACTIVITY_NOT_REPORTED: Severity.WARNING,
    Code.TARGET_NOT_MET: Severity.WARNING,
    Code.PARTIES_CHANGED: Severity.WARNING,
    Code.PERIOD_CHANGED: Severity.WARNING,
    Code.IMPLEMENTATION_PLAN_MISSING: Severity.WARNING,
    Code.GOAL_WITHOUT_RESULT: Severity.ERROR,
    Code.COMPARISON_MISSING: Severity.WARNING,
    Code.EFTERKALKYL_BELOW_COST: Severity.WARNING,
    Code.EFTERKALKYL_DEVIATION: Severity.WARNING,
    Code.REPORT_PERIOD_INVALID: Severity.ERROR,
    Code.REPORT_OVERDUE: Severity.WARNING,
    Code.PLAN_CHANGED: Severity.WARNING,
}

# Codes the follow-up run makes over a satsning (followup.py), worded in messages/followup.py.
FOLLOWUP_RUN_CODES = frozenset({Code.REPORT_PERIOD_INVALID, Code.REPORT_OVERDUE, Code.PLAN_CHANGED})

# Codes that make a document `unreadable` rather than `incomplete`.
UNREADABLE_CODES = frozenset({Code.FILE_UNREADABLE, Code.KIND_UNKNOWN})

"""What every rule shares: the context it runs in and how it makes a finding."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from socinv_docs import messages
from socinv_docs.codes import DEFAULT_SEVERITY, Code, Severity
from socinv_docs.location import Location
from socinv_docs.model import Document
from socinv_docs.report import DocumentReport, Finding
from socinv_docs.schema import KindSpec, ProfileSpec, SchemaSet


def make_finding(code: Code, *, severity: Severity | None = None, where: Location | None = None,
                 section: str | None = None, field: str | None = None, criterion: str | None = None,
                 **params: object) -> Finding:
    """A finding as data. `params` are the values its message is made from: numbers as
    numbers, ids, the applicant's words, nested messages (messages.msg); never text in a
    language."""
    return Finding(code=code, severity=severity or DEFAULT_SEVERITY[code], section=section, field=field,
                   criterion=criterion, where=where or Location(), params=params)


@dataclass
class RuleContext:
    kind: KindSpec
    profile: ProfileSpec
    schemas: SchemaSet
    economics: dict | None = None  # the economics block, when the profile counts it

    def finding(self, code: Code, **kwargs) -> Finding:
        return make_finding(code, **kwargs)


@dataclass
class SubmissionContext:
    schemas: SchemaSet
    alone: bool = False  # `check` on one file: a missing attachment may still come separately

    def finding(self, code: Code, **kwargs) -> Finding:
        return make_finding(code, **kwargs)


DocumentCheck = Callable[[Document, RuleContext], Iterable[Finding]]
SubmissionCheck = Callable[[list[DocumentReport], SubmissionContext], Iterable[Finding]]


@dataclass(frozen=True)
class Rule:
    name: str
    codes: tuple[Code, ...]
    check: Callable
    scope: str = "document"  # or "submission"


REGISTRY: list[Rule] = []


def rule(*codes: Code, scope: str = "document") -> Callable:
    """Register a rule function under the codes it may emit."""

    def register(fn: Callable) -> Callable:
        REGISTRY.append(Rule(name=fn.__module__.rsplit(".", 1)[-1], codes=codes, check=fn, scope=scope))
        return fn

    return register


def invalid_table_cell(ctx: "RuleContext", table_id: str, row_label: str, column: str, raw: str,
                       type_key: str, where: Location) -> Finding:
    """FIELD_INVALID for a table cell that cannot be read as its type (cost and effects tables)."""
    return ctx.finding(Code.FIELD_INVALID, field=table_id, section=table_id, where=where,
                       label=f"{row_label} / {column}", raw=raw[:80], type=messages.msg(type_key))


def severity_for(required: object) -> Severity | None:
    """The severity a schema's `required` level gives (None: optional, no finding)."""
    return {"error": Severity.ERROR, "warning": Severity.WARNING}.get(str(required))

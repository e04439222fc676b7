"""The sandbox a template runs in: Jinja's (no attribute escapes, range() capped), with caps
on what one operator may build, and the memo's filters."""

from __future__ import annotations

import math
from pathlib import Path

from jinja2 import FileSystemLoader, StrictUndefined
from jinja2.sandbox import SandboxedEnvironment, SecurityError
from markupsafe import Markup, escape

from socinv_docs.fmt import kronor, number
from socinv_docs.render.memo.markdown import md_escape

# What a template may build with one operator: a string or list this long is never a memo's
# text, and refusing it at once gives a clear message before the memory ceiling is reached.
MAX_SEQUENCE = 10_000_000
MAX_POWER_BITS = 100_000


class TooBig(SecurityError):
    """A template tried to build a string, list or number past MAX_SEQUENCE / MAX_POWER_BITS."""


class _MemoSandbox(SandboxedEnvironment):
    """Jinja's sandbox (no attribute escapes; range() capped at MAX_RANGE) that also refuses
    to multiply, add or raise to a power past a size a memo could ever need."""

    intercepted_binops = frozenset({"*", "+", "**"})

    def from_string(self, source, globals=None, template_class=None):
        # docxtpl compiles each part of the .docx from a string on every render; one memo per
        # submission (--split) would compile the same template hundreds of times.
        if globals or template_class or not isinstance(source, str):
            return super().from_string(source, globals, template_class)
        cache = self.__dict__.setdefault("_compiled", {})
        if source not in cache:
            cache[source] = super().from_string(source)
        return cache[source]

    def call_binop(self, context, operator, left, right):
        if operator == "**" and isinstance(left, (int, float)) and isinstance(right, (int, float)):
            if abs(left) > 1 and right > 0 and right * math.log2(abs(left)) > MAX_POWER_BITS:
                raise TooBig(operator)
        elif operator == "*":
            for seq, times in ((left, right), (right, left)):
                if isinstance(seq, (str, list, tuple)) and isinstance(times, int) and len(seq) * times > MAX_SEQUENCE:
                    raise TooBig(operator)
        elif operator == "+" and isinstance(left, (str, list, tuple)) and isinstance(right, (str, list, tuple)):
            if len(left) + len(right) > MAX_SEQUENCE:
                raise TooBig(operator)
        return super().call_binop(context, operator, left, right)


def environment(fmt: str, loader_dir: Path | None = None) -> SandboxedEnvironment:
    """The environment templates of `fmt` are filled in; `loader_dir`: where {% include %} looks."""
    env = _MemoSandbox(
        autoescape=fmt in ("html", "docx"),
        undefined=StrictUndefined,
        loader=FileSystemLoader(str(loader_dir)) if loader_dir else None,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    if fmt == "md":
        # Every value printed in a Markdown template is escaped; `|safe` opts out.
        env.finalize = lambda v: v if isinstance(v, Markup) else md_escape(v) if v is not None else ""
    env.filters["kronor"] = kronor
    env.filters["nummer"] = number
    env.filters["md"] = md_escape
    env.filters["e"] = escape
    return env

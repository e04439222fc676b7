"""When a memo cannot be made: MemoError, and a template's error said in the secretary's
terms (which template, which line or Word paragraph, what went wrong)."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

from jinja2 import TemplateError, TemplateSyntaxError, UndefinedError
from jinja2.sandbox import MAX_RANGE, SecurityError

from socinv_docs import messages
from socinv_docs.messages import msg
from socinv_docs.render.memo.sandbox import MAX_SEQUENCE, TooBig


class MemoError(messages.CatalogueError):
    """A memo that cannot be made: a template error, a limit, an unreadable register. `key`
    and `params` name a message in the catalogue; the CLI shows it and exits 2."""

    def __init__(self, key: str, lang: str = "sv", **params: object) -> None:
        super().__init__(key, **params)
        self.lang = lang

    def __str__(self) -> str:
        return self.text(self.lang)


def _template_line(exc: BaseException, filenames: tuple[str, ...]) -> int | None:
    """The template line Jinja reports, or the innermost traceback frame it rewrote to one."""
    line = getattr(exc, "lineno", None)
    tb = exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename in filenames:
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def text_where(exc: BaseException, template: Path) -> dict:
    line = _template_line(exc, (str(template), template.name))
    if line:
        return msg("memo.where.line", template=template.name, line=line)
    return msg("memo.where.template", template=template.name)


def docx_where(exc: BaseException, template: Path, tpl) -> dict:
    """In Word the line Jinja counts is a line of XML; the secretary sees paragraphs. docxtpl
    puts each paragraph on a line of its own before Jinja reads it, so the line gives the
    paragraph, and its text (tags and all) is what the secretary can search for in Word."""
    line = _template_line(exc, ("<template>",))
    try:
        part = tpl.current_rendering_part
        body = part is tpl.docx._part
        xml = tpl.get_xml() if body else tpl.get_part_xml(part)
        source = re.sub(r"<w:p([ >])", r"\n<w:p\1", tpl.patch_xml(xml)).splitlines()
        text = _paragraph_text(source[line - 1]) if line else ""
    except Exception:  # docxtpl's internals moved: name the template without the paragraph
        return msg("memo.where.template", template=template.name)
    if not text:
        return msg("memo.where.template", template=template.name)
    text = text if len(text) <= 80 else text[:79] + "…"
    name = str(getattr(part, "partname", ""))
    key = ("memo.where.paragraph" if body else "memo.where.footer" if "footer" in name
           else "memo.where.header" if "header" in name else "memo.where.paragraph")
    return msg(key, template=template.name, text=text)


def _paragraph_text(line: str) -> str:
    """The text of the paragraph a line of docxtpl's source holds. The tags of {%p %}
    paragraphs that docxtpl removed trail after it on the same line: the paragraph is named
    when it holds a tag itself, else the first such tag."""
    end = line.find("</w:p>")
    own, trailing = (line, "") if end < 0 else (line[:end], line[end:])
    own = " ".join(unescape(re.sub(r"<[^>]+>", "", own)).split())
    if "{{" in own or "{%" in own or "{#" in own:
        return own
    tag = re.search(r"\{%.*?%\}", unescape(re.sub(r"<[^>]+>", "", trailing)))
    return tag.group(0) if tag else own


_SYNTAX = (
    (re.compile(r"Unexpected end of template\. Jinja was looking for the following tags: .*"
                r"The innermost block that needs to be closed is '(?P<block>\w+)'", re.S), "memo.syntax.unclosed_block"),
    (re.compile(r"unexpected end of template", re.I), "memo.syntax.unclosed_tag"),
    (re.compile(r"Encountered unknown tag '(?P<tag>\w+)'\. Jinja was looking for .*"
                r"The innermost block that needs to be closed is '(?P<block>\w+)'", re.S), "memo.syntax.wrong_end"),
    (re.compile(r"Encountered unknown tag '(?P<tag>\w+)'"), "memo.syntax.unknown_tag"),
    (re.compile(r"No (?:filter|test) named '(?P<name>[^']+)'"), "memo.syntax.unknown_filter"),
    (re.compile(r"expected token '[^']+', got '(?P<token>[^']+)'"), "memo.syntax.unexpected"),
    (re.compile(r"unexpected char '(?P<token>.)'"), "memo.syntax.unexpected"),
    (re.compile(r"unexpected '(?P<token>[^']+)'"), "memo.syntax.unexpected"),
)


# How Jinja names the tokens it did not expect, and what the secretary typed.
_TOKENS = {"end of print statement": "}}", "end of statement block": "%}", "begin of print statement": "{{",
           "begin of statement block": "{%", "end of template": "…"}


def _syntax_problem(exc: TemplateSyntaxError) -> dict:
    """Jinja's English syntax message, said in the catalogue's words where we know it."""
    detail = str(exc.message or exc)
    for pattern, key in _SYNTAX:
        m = pattern.search(detail)
        if m:
            params = m.groupdict()
            if "token" in params:
                params["token"] = _TOKENS.get(params["token"], params["token"])
            return msg(key, **params)
    return msg("memo.syntax.other", detail=detail)


def template_error(exc: BaseException, where: dict, lang: str) -> MemoError:
    if isinstance(exc, TemplateSyntaxError):
        return MemoError("memo.template_syntax", lang, where=where, problem=_syntax_problem(exc))
    if isinstance(exc, UndefinedError):
        m = re.search(r"'([^']+)' is undefined|has no attribute '([^']+)'", str(exc))
        variable = (m.group(1) or m.group(2)) if m else str(exc)
        return MemoError("memo.template_error", lang, where=where, variable=variable)
    if isinstance(exc, ZeroDivisionError):
        return MemoError("memo.template_zero_division", lang, where=where)
    if isinstance(exc, TooBig):
        return MemoError("memo.template_too_big", lang, where=where, limit=MAX_SEQUENCE)
    if isinstance(exc, OverflowError) and "MAX_RANGE" in str(exc):
        return MemoError("memo.template_range", lang, where=where, limit=MAX_RANGE)
    if isinstance(exc, SecurityError):
        m = re.search(r"attribute '([^']+)'", str(exc))
        return MemoError("memo.template_unsafe", lang, where=where, detail=m.group(1) if m else str(exc))
    if isinstance(exc, RecursionError):
        return MemoError("memo.template_recursion", lang, where=where)
    return MemoError("memo.template_failed", lang, where=where, detail=f"{type(exc).__name__}: {exc}"[:200])


# Errors a template can cause while it is filled in; anything else is our own bug.
TEMPLATE_ERRORS = (TemplateError, TypeError, ValueError, AttributeError, KeyError, IndexError, ArithmeticError,
                    RecursionError, UnicodeError)

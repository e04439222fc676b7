"""Markdown, escaped for where a value stands: applicant text in a Markdown memo is only
ever text, in a table cell or in running text."""

from __future__ import annotations

import re

from markupsafe import Markup

# Characters with a meaning anywhere in a line. '&', '<' and '>' become entities; the rest get a
# backslash, which CommonMark and GitHub render as the character itself.
_MD_INLINE = re.compile(r"([\\`*_{}\[\]#|!~])")
# What makes a line something else when it starts it: a list item ('- ', '+ ', '1. ', '1) '),
# a heading underline or rule ('===', '---'). '#', '>', '|', '*', '`' and '~' are escaped
# wherever they stand (above), so they can start nothing either.
_MD_LINE_START = re.compile(r"^([ \t]*)(?:([-+])(?=[ \t]|$)|(\d{1,9})(?=[.)](?:[ \t]|$))|([-=])(?=[-= \t]*$))")
# Newlines in a value are kept apart from the template's own until the whole memo is
# rendered; only then is it known whether the value stands in a table row or in text.
_NEWLINE = "\ue000"
_TABLE_ROW = re.compile(r"^\s*\|")
_HEADING = re.compile(r"^\s{0,3}#")


def _md_line_start(m: re.Match) -> str:
    indent, bullet, digits, rule = m.groups()
    return indent + (digits + "\\" if digits else "\\" + (bullet or rule))


def md_escape(value: object) -> Markup:
    text = str(value).replace(_NEWLINE, "")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = []
    for line in text.split("\n"):
        line = line.lstrip()  # four spaces would start a code block; indentation means nothing here
        line = line.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        line = _MD_INLINE.sub(r"\\\1", line)
        lines.append(_MD_LINE_START.sub(_md_line_start, line, count=1))
    return Markup(_NEWLINE.join(lines))


def md_newlines(text: str) -> str:
    """The values' own line breaks, per context: '<br>' inside a table row (a real newline
    would end the row), a hard line break (backslash) in running text, indented so that a
    list item goes on."""
    if _NEWLINE not in text:
        return text
    out = []
    for line in text.split("\n"):
        if _NEWLINE in line:
            if _TABLE_ROW.match(line):
                line = line.replace(_NEWLINE, "<br>")
            elif _HEADING.match(line):  # a heading is one line
                line = line.replace(_NEWLINE, " ")
            else:
                item = re.match(r"^(\s*(?:[-+*]|\d{1,9}[.)])\s+|\s*)", line)
                indent = " " * len(item.group(1))
                line = line.replace(_NEWLINE, "\\\n" + indent)
        out.append(line)
    return "\n".join(out)

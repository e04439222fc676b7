"""ISO Strict Open XML, read as the transitional vocabulary.

Word and Excel can save "Strict Open XML" (ISO/IEC 29500 Strict), the same markup under
other namespace names (http://purl.oclc.org/ooxml/...). A municipality may have Word save
Strict by policy. Rather than teach every reader two names for each element, a part's
namespace declarations are mapped to the transitional names on the way in
(to_transitional): the readers then see one vocabulary.

A module of its own, below both safety.py (which maps every part it hands out for
parsing) and ooxml.py (which parses relationships through safety.py): the mapping is pure
bytes and needs neither.
"""

from __future__ import annotations

import re

# Strict names follow one pattern (ECMA-376 Part 1, Strict vs transitional):
#   http://purl.oclc.org/ooxml/<area>/<name>  ->  http://schemas.openxmlformats.org/<area>/2006/<name>
# Only namespace declarations are rewritten; text and attribute values are left alone.
_STRICT_DECLARATION = re.compile(
    rb"""(\sxmlns(?::[\w.-]+)?\s*=\s*["'])http://purl\.oclc\.org/ooxml/([A-Za-z]+)/([A-Za-z]+)(["'])""")
_STRICT_MARK = b"purl.oclc.org/ooxml/"


def to_transitional(data: bytes) -> bytes:
    """The part with Strict namespace declarations renamed to the transitional ones."""
    if _STRICT_MARK not in data:
        return data
    return _STRICT_DECLARATION.sub(rb"\1http://schemas.openxmlformats.org/\2/2006/\3\4", data)

"""The package side of Office Open XML: relationships, main parts, and ISO Strict.

Word and Excel can save "Strict Open XML" (ISO/IEC 29500 Strict), the same markup under
other namespace names (http://purl.oclc.org/ooxml/...). A municipality may have Word save
Strict by policy. Rather than teach every reader two names for each element, a part's
namespace declarations are mapped to the transitional names on the way in
(to_transitional): the readers then see one vocabulary. Relationship types are matched by
their last segment ("/worksheet"), which is the same in both.
"""

from __future__ import annotations

import posixpath
import re
import zipfile

from socinv_docs.limits import Limits

# Strict names follow one pattern (ECMA-376 Part 1, Strict vs transitional):
#   http://purl.oclc.org/ooxml/<area>/<name>  ->  http://schemas.openxmlformats.org/<area>/2006/<name>
# Only namespace declarations are rewritten; text and attribute values are left alone.
_STRICT_DECLARATION = re.compile(
    rb"""(\sxmlns(?::[\w.-]+)?\s*=\s*["'])http://purl\.oclc\.org/ooxml/([A-Za-z]+)/([A-Za-z]+)(["'])""")
_STRICT_MARK = b"purl.oclc.org/ooxml/"

PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
RELATIONSHIP_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def to_transitional(data: bytes) -> bytes:
    """The part with Strict namespace declarations renamed to the transitional ones."""
    if _STRICT_MARK not in data:
        return data
    return _STRICT_DECLARATION.sub(rb"\1http://schemas.openxmlformats.org/\2/2006/\3\4", data)


def relationships(archive: zipfile.ZipFile, source: str, limits: Limits) -> dict[str, tuple[str, str]]:
    """The internal relationships of part `source` ("" for the package): id -> (type's last
    segment, target part name). Missing or external targets are left out."""
    from socinv_docs.readers.safety import parse_part

    folder, base = posixpath.split(source)
    rels_name = posixpath.join(folder, "_rels", f"{base}.rels")
    names = set(archive.namelist())
    if rels_name not in names:
        return {}
    found: dict[str, tuple[str, str]] = {}
    for rel in parse_part(archive, rels_name, limits).iter(f"{{{PACKAGE_RELS}}}Relationship"):
        if (rel.get("TargetMode") or "").lower() == "external":
            continue
        target = resolve(folder, rel.get("Target") or "")
        if target in names:
            found[rel.get("Id") or ""] = ((rel.get("Type") or "").rsplit("/", 1)[-1], target)
    return found


def resolve(folder: str, target: str) -> str:
    """A relationship target as a zip member name ("/xl/a.xml" is from the package root)."""
    target = target.replace("\\", "/")
    path = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
    return posixpath.normpath(path).lstrip("/") if path else path


def main_part(archive: zipfile.ZipFile, limits: Limits, default: str) -> str | None:
    """The package's main part as its relationships name it (officeDocument), else `default`
    if it exists, else None."""
    for rel_type, target in relationships(archive, "", limits).values():
        if rel_type == "officeDocument":
            return target
    return default if default in set(archive.namelist()) else None

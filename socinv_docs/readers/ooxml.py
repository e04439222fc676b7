"""The package side of Office Open XML: relationships and main parts.

Parts are parsed through safety.py (the XML limits), which also maps ISO Strict namespaces
to the transitional ones (strict.py). Relationship types are matched by their last segment
("/worksheet"), which is the same in Strict and transitional packages.
"""

from __future__ import annotations

import posixpath
import zipfile

from socinv_docs.limits import Limits
from socinv_docs.readers.safety import parse_part

PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
RELATIONSHIP_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def relationships(archive: zipfile.ZipFile, source: str, limits: Limits) -> dict[str, tuple[str, str]]:
    """The internal relationships of part `source` ("" for the package): id -> (type's last
    segment, target part name). Missing or external targets are left out."""
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

"""What a municipality puts on its page (`socinv serve --settings kommun.toml`, README "The
web page"): its name, a contact, the funders the page accepts, links to the blank forms, a
logo, the privacy text and the facts of its accessibility statement. The limits stay in the
environment (settings.py): these are words and files, not how the service holds its load.

The file is TOML, read with the standard library's tomllib. A mistake in it is a SiteError
(a message of the catalogue, "web.settings.*") naming the key and its line; `socinv serve`
says it in Swedish (English with --lang en) and exits 2 before it listens. Without a file the
defaults hold, and they say nothing untrue: no organisation named, every funder accepted,
the report forms the tool ships served, the privacy text of what this service does.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from socinv_docs import messages
from socinv_docs.schema import SchemaSet

# A logo is a few kilobytes; it is held in memory and sent with every page's first view.
MAX_LOGO_BYTES = 512 * 1024
LOGO_TYPES = {".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".webp": "image/webp",
              ".svg": "image/svg+xml"}
# What the page's own tests checked last (tests/test_web_browser.py): the accessibility
# statement's date of the automated checks. Change it when the pages change and those
# tests are run again.
TESTED = dt.date(2026, 12, 5)
_EMAIL = re.compile(r"^[^@\s<>\"']+@[^@\s<>\"']+\.[A-Za-z]{2,}$")
_URL = re.compile(r"^(https?://[^\s<>\"]+|/[^\s<>\"]*)$")


class SiteError(messages.CatalogueError):
    """A settings file that cannot be used: `key` a message "web.settings.*", with the
    file, the setting (`name`) and its line where known; an OSError behind it said in the
    reader's language."""

    def __init__(self, key: str, cause: OSError | None = None, **params: object) -> None:
        super().__init__(key, **params)
        self.cause = cause

    def text(self, lang: str = "sv") -> str:
        params = dict(self.params)
        line = params.pop("line", None)
        params["where"] = messages.msg("web.settings.where_line" if line else "web.settings.where",
                                       file=params.pop("file"), line=line)
        if self.cause is not None:
            params["error"] = messages.os_error(self.cause, lang)
        return messages.text(self.key, lang, **params)


@dataclass(frozen=True)
class Localized:
    """Words a municipality writes: Swedish, and English if it gives them. On the English
    page Swedish words given alone are shown as they are, marked as Swedish (lang)."""

    sv: str
    en: str | None = None

    def get(self, lang: str) -> str:
        return (self.en if lang == "en" and self.en else self.sv)

    def paragraphs(self, lang: str) -> list[str]:
        """The words in paragraphs (a blank line between two in the settings file)."""
        return [p.strip() for p in re.split(r"\n\s*\n", self.get(lang)) if p.strip()]

    def lang_of(self, lang: str) -> str:
        """The language the words shown on a page in `lang` are in."""
        return "en" if lang == "en" and self.en else "sv"


@dataclass(frozen=True)
class TemplateLink:
    title: Localized
    url: str


@dataclass(frozen=True)
class Logo:
    data: bytes
    content_type: str


@dataclass(frozen=True)
class Site:
    organisation: str | None = None
    contact: str | None = None  # an e-mail address
    funders: tuple[str, ...] | None = None  # the profiles whose documents the page checks; None: all
    templates: tuple[TemplateLink, ...] = ()
    serve_forms: bool = True  # the blank report forms the tool ships (profiles' `forms:`), at /mallar/
    logo: Logo | None = None
    privacy: Localized | None = None  # the organisation's own words, above what the service does
    assessed: dt.date | None = None  # the organisation's own review of the page's accessibility
    updated: dt.date | None = None  # the statement's last update (default: TESTED or assessed)
    shortcomings: tuple[Localized, ...] = ()  # further known shortcomings, the organisation's own

    def accepts(self, profile: str | None) -> bool:
        return self.funders is None or profile is None or profile in self.funders

    @property
    def statement_updated(self) -> dt.date:
        return self.updated or max(d for d in (TESTED, self.assessed) if d is not None)


KEYS = ("organisation", "contact", "funders", "templates", "serve_forms", "logo", "privacy", "accessibility")
TEMPLATE_KEYS = ("title", "url")
ACCESSIBILITY_KEYS = ("assessed", "updated", "shortcomings")


def read_site(path: Path, schemas: SchemaSet) -> Site:
    """The settings in `path` (its logo read now, relative to the file's folder), checked
    against the loaded schemas. Raises SiteError."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise SiteError("web.settings.unreadable", exc, file=str(path)) from None
    try:
        text = raw.decode("utf-8")
        data = tomllib.loads(text)
    except UnicodeDecodeError:
        raise SiteError("web.settings.not_utf8", file=str(path)) from None
    except tomllib.TOMLDecodeError as exc:
        # tomllib's words are English and end "(at line 3, column 5)": the line is ours to say.
        where = re.search(r"\(at line (\d+), column (\d+)\)$", str(exc))
        detail = str(exc)[: where.start()].strip() if where else str(exc)
        raise SiteError("web.settings.syntax", file=str(path), line=int(where.group(1)) if where else None,
                        detail=detail) from None
    return _Reader(path, text, schemas).site(data)


class _Reader:
    def __init__(self, path: Path, text: str, schemas: SchemaSet) -> None:
        self.path = path
        self.lines = text.splitlines()
        self.schemas = schemas

    def error(self, key: str, name: str, cause: OSError | None = None, **params) -> SiteError:
        return SiteError(key, cause, file=str(self.path), name=name, line=self.line_of(name), **params)

    def line_of(self, name: str) -> int | None:
        """The line a setting is on ("accessibility.assessed": `assessed = …` under
        [accessibility]), for the message; None when it cannot be told."""
        *tables, key = name.split(".")
        table = ".".join(tables)
        current = ""
        pattern = re.compile(rf'^\s*("{re.escape(key)}"|{re.escape(key)})\s*=')
        for number, line in enumerate(self.lines, 1):
            header = re.match(r"^\s*\[\[?\s*([^\]]+?)\s*\]\]?", line)
            if header:
                current = header.group(1)
                continue
            if current == table and pattern.match(line):
                return number
        return None

    def unknown(self, data: dict, allowed: tuple[str, ...], prefix: str = "") -> None:
        for key in data:
            if key not in allowed:
                close = difflib.get_close_matches(key, allowed, n=1)
                raise self.error("web.settings.unknown_key", prefix + key, known=list(allowed),
                                 suggestion=messages.msg("web.settings.did_you_mean", value=close[0]) if close else "")

    def string(self, data: dict, name: str, key: str | None = None) -> str | None:
        value = data.get(key or name.rsplit(".", 1)[-1])
        if value is None:
            return None
        if not isinstance(value, str) or not value.strip():
            raise self.error("web.settings.not_text", name)
        return value.strip()

    def localized(self, value, name: str) -> Localized:
        if isinstance(value, str) and value.strip():
            return Localized(value.strip())
        if isinstance(value, dict) and isinstance(value.get("sv"), str) and value["sv"].strip() \
                and set(value) <= {"sv", "en"} and isinstance(value.get("en", ""), str):
            return Localized(value["sv"].strip(), (value.get("en") or "").strip() or None)
        raise self.error("web.settings.not_localized", name)

    def date(self, data: dict, name: str) -> dt.date | None:
        value = data.get(name.rsplit(".", 1)[-1])
        if value is None:
            return None
        if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
            raise self.error("web.settings.not_date", name)
        return value

    def site(self, data: dict) -> Site:
        self.unknown(data, KEYS)
        contact = self.string(data, "contact")
        if contact is not None and not _EMAIL.match(contact):
            raise self.error("web.settings.not_email", "contact", value=contact)
        serve_forms = data.get("serve_forms", True)
        if not isinstance(serve_forms, bool):
            raise self.error("web.settings.not_bool", "serve_forms")
        accessibility = data.get("accessibility", {})
        if not isinstance(accessibility, dict):
            raise self.error("web.settings.not_table", "accessibility")
        self.unknown(accessibility, ACCESSIBILITY_KEYS, "accessibility.")
        shortcomings = accessibility.get("shortcomings", [])
        if not isinstance(shortcomings, list):
            raise self.error("web.settings.not_list", "accessibility.shortcomings")
        privacy = data.get("privacy")
        return Site(
            organisation=self.string(data, "organisation"), contact=contact, funders=self.funders(data),
            templates=self.templates(data), serve_forms=serve_forms, logo=self.logo(data),
            privacy=self.localized(privacy, "privacy") if privacy is not None else None,
            assessed=self.date(accessibility, "accessibility.assessed"),
            updated=self.date(accessibility, "accessibility.updated"),
            shortcomings=tuple(self.localized(s, "accessibility.shortcomings") for s in shortcomings))

    def funders(self, data: dict) -> tuple[str, ...] | None:
        value = data.get("funders")
        if value is None:
            return None
        known = sorted(self.schemas.profiles)
        if not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value):
            raise self.error("web.settings.funders_list", "funders", known=known)
        unknown = [v for v in value if v not in self.schemas.profiles]
        if unknown:
            raise self.error("web.settings.unknown_funder", "funders", value=unknown, known=known)
        return tuple(dict.fromkeys(value))

    def templates(self, data: dict) -> tuple[TemplateLink, ...]:
        value = data.get("templates", [])
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            raise self.error("web.settings.templates_list", "templates")
        links = []
        for entry in value:
            self.unknown(entry, TEMPLATE_KEYS, "templates.")
            if "title" not in entry or "url" not in entry:
                raise self.error("web.settings.templates_list", "templates")
            url = entry["url"]
            # Only web addresses: a javascript: or data: link on the municipality's page would
            # run whatever it holds.
            if not isinstance(url, str) or not _URL.match(url.strip()):
                raise self.error("web.settings.not_url", "templates.url", value=str(url))
            links.append(TemplateLink(self.localized(entry["title"], "templates.title"), url.strip()))
        return tuple(links)

    def logo(self, data: dict) -> Logo | None:
        value = self.string(data, "logo")
        if value is None:
            return None
        path = (self.path.parent / value).expanduser()
        content_type = LOGO_TYPES.get(path.suffix.lower())
        if content_type is None:
            raise self.error("web.settings.logo_type", "logo", value=value, known=sorted(LOGO_TYPES))
        try:
            size = path.stat().st_size
            if size > MAX_LOGO_BYTES:
                raise self.error("web.settings.logo_too_large", "logo", value=value, size_kb=size / 1024,
                                 limit_kb=MAX_LOGO_BYTES // 1024)
            logo = path.read_bytes()[: MAX_LOGO_BYTES + 1]
        except OSError as exc:
            raise self.error("web.settings.logo_unreadable", "logo", exc, value=value) from None
        if len(logo) > MAX_LOGO_BYTES:  # grown since it was measured
            raise self.error("web.settings.logo_too_large", "logo", value=value, size_kb=len(logo) / 1024,
                             limit_kb=MAX_LOGO_BYTES // 1024)
        if sniff_image(logo) != content_type:
            raise self.error("web.settings.logo_content", "logo", value=value)
        return Logo(logo, content_type)


def sniff_image(data: bytes) -> str | None:
    """The image type the bytes are, by their first bytes (an SVG: an <svg> element near the
    start), or None. A file is served as what it is, never as what its name says."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith((b"<?xml", b"<svg", b"<!--", b"<!DOCTYPE svg")) and b"<svg" in head:
        return "image/svg+xml"
    return None

"""Receiving the uploaded files: the multipart body is parsed as it streams in (python-
multipart) and each file written straight into the request's temporary directory, counting
bytes as they come. A file or request over its limit is refused (413) at the first byte
too many, never after buffering the whole body; nothing is spooled anywhere else.

Files are stored under neutral names (0.docx, 1.xlsx, …): the applicant's file name is kept
only for the report and the download, never in a path, an error or a log line.

A body must also arrive in time (408 otherwise): within `upload_seconds` in all, and never
more than `upload_grace_seconds` behind `upload_min_rate` bytes per second, so a client
dripping a byte now and then holds its place for seconds, not for as long as it likes. And
a form has at most MAX_OTHER_PARTS parts besides its files: parsing 883 000 tiny fields
took the event loop 7.7 s.
"""

from __future__ import annotations

import asyncio
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO
from urllib.parse import parse_qsl

from python_multipart.multipart import MultipartParser, parse_options_header

from socinv_docs.web.settings import WebSettings, megabytes

FIELD = "files"
# What the page checks, by the name's ending: Word and Excel, their macro and template
# variants, and the legacy .doc/.xls (read or explained: "save it as .docx"). A file named
# as anything else (.pdf, .odt, .jpg) is refused before it is stored (422, "wrong_type");
# one with no such ending is checked, and its content tells what it is.
ACCEPTED_SUFFIXES = (".docx", ".xlsx", ".docm", ".xlsm", ".dotx", ".xltx", ".doc", ".xls")
_TYPE_SUFFIX = re.compile(r"^\.[a-z]{2,5}$")
# Suffixes kept for the stored copy: the readers tell legacy and Office files by content,
# but a .doc/.xls suffix gives a better reason ("save as .docx").
_SUFFIX = re.compile(r"^\.[a-z0-9]{1,5}$")
MAX_PART_HEADER_BYTES = 16 * 1024
# Parts of a form besides its files: the page's form sends none, a script perhaps a few.
MAX_OTHER_PARTS = 10


class UploadRefused(Exception):
    """An upload the service does not take: `status` is the HTTP status, `reason` a key of
    messages "web.refused.*" (the page says why and what to do)."""

    def __init__(self, status: int, reason: str, **params: object) -> None:
        super().__init__(reason)
        self.status = status
        self.reason = reason
        self.params = params


@dataclass
class Upload:
    name: str  # the applicant's file name, for the page only
    path: Path  # where its bytes are, inside the request's temporary directory
    size: int = 0


@dataclass
class _Part:
    headers: dict[bytes, bytes] = field(default_factory=dict)
    header_bytes: int = 0
    upload: Upload | None = None
    out: BinaryIO | None = None


def display_name(raw: str, index: int) -> str:
    """The file name as the applicant's computer sent it, made safe to show: no folders (old
    browsers send C:\\Users\\…), no control characters, not absurdly long."""
    name = raw.replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(c for c in unicodedata.normalize("NFC", name) if unicodedata.category(c)[0] != "C").strip()
    if len(name) > 120:
        stem, dot, suffix = name.rpartition(".")
        name = (stem[:110] + "…." + suffix) if dot and len(suffix) <= 5 else name[:120]
    return name or f"fil-{index + 1}"


def _stored_suffix(name: str) -> str:
    suffix = Path(name).suffix.lower()
    return suffix if _SUFFIX.match(suffix) else ".bin"


async def receive_files(request, folder: Path, settings: WebSettings) -> list[Upload]:
    """The uploaded files of field `files`, written into `folder`. Raises UploadRefused."""
    content_type, options = parse_options_header(request.headers.get("content-type", ""))
    if content_type != b"multipart/form-data":
        raise UploadRefused(415, "web.refused.not_form")
    boundary = options.get(b"boundary")
    if not boundary or len(boundary) > 200:
        raise UploadRefused(400, "web.refused.malformed")
    declared = request.headers.get("content-length")
    if declared is not None:
        try:
            declared_bytes = int(declared)
        except ValueError:
            raise UploadRefused(400, "web.refused.malformed") from None
        if declared_bytes > settings.max_request_bytes:  # refused before a byte is read
            raise UploadRefused(413, "web.refused.request_too_large",
                                    limit_mb=megabytes(settings.max_request_bytes))

    uploads: list[Upload] = []
    part = _Part()
    pending: list[tuple[BinaryIO, bytes]] = []
    name_bytes = bytearray()
    ended: list[bool] = []  # the closing boundary was seen
    value_bytes = bytearray()

    max_parts = settings.max_files + MAX_OTHER_PARTS
    parts = 0

    def on_part_begin() -> None:
        nonlocal part, parts
        parts += 1
        if parts > max_parts:
            raise UploadRefused(413, "web.refused.too_many_parts", limit=max_parts)
        part = _Part()

    def on_header_field(data: bytes, start: int, end: int) -> None:
        name_bytes.extend(data[start:end])
        _count_header(end - start)

    def on_header_value(data: bytes, start: int, end: int) -> None:
        value_bytes.extend(data[start:end])
        _count_header(end - start)

    def _count_header(n: int) -> None:
        part.header_bytes += n
        if part.header_bytes > MAX_PART_HEADER_BYTES:
            raise UploadRefused(400, "web.refused.malformed")

    def on_header_end() -> None:
        part.headers[bytes(name_bytes).lower()] = bytes(value_bytes)
        name_bytes.clear()
        value_bytes.clear()

    def on_headers_finished() -> None:
        _, disposition = parse_options_header(part.headers.get(b"content-disposition", b""))
        if disposition.get(b"name") != FIELD.encode() or b"filename" not in disposition:
            return  # another field (the language, a button): its bytes count, nothing is kept
        raw = disposition[b"filename"].decode("utf-8", "replace")
        if not raw:
            return  # a file input left empty: the browser sends a part with no name
        if len(uploads) >= settings.max_files:
            raise UploadRefused(413, "web.refused.too_many_files", limit=settings.max_files)
        index = len(uploads)
        name = display_name(raw, index)
        suffix = Path(name).suffix.lower()
        if _TYPE_SUFFIX.match(suffix) and suffix not in ACCEPTED_SUFFIXES:
            raise UploadRefused(422, "web.refused.wrong_type", name=name, suffix=suffix)
        upload = Upload(name, folder / f"{index}{_stored_suffix(raw)}")
        part.upload = upload
        part.out = open(upload.path, "xb")  # noqa: SIM115 (closed in on_part_end or below)
        uploads.append(upload)

    def on_part_data(data: bytes, start: int, end: int) -> None:
        if part.upload is None:
            return
        part.upload.size += end - start
        if part.upload.size > settings.max_file_bytes:
            raise UploadRefused(413, "web.refused.file_too_large", name=part.upload.name,
                                limit_mb=megabytes(settings.max_file_bytes))
        pending.append((part.out, data[start:end]))

    def on_part_end() -> None:
        if part.out is not None:
            _flush()
            part.out.close()
            part.out = None

    def on_end() -> None:
        ended.append(True)

    def _flush() -> None:
        for out, chunk in pending:
            out.write(chunk)
        pending.clear()

    parser = MultipartParser(boundary, {
        "on_part_begin": on_part_begin, "on_part_data": on_part_data, "on_part_end": on_part_end,
        "on_header_field": on_header_field, "on_header_value": on_header_value,
        "on_header_end": on_header_end, "on_headers_finished": on_headers_finished, "on_end": on_end,
    })
    received = 0
    started = asyncio.get_running_loop().time()
    try:
        async for chunk in _in_time(request.stream(), started, settings):
            received += len(chunk)
            if received > settings.max_request_bytes:
                raise UploadRefused(413, "web.refused.request_too_large",
                                    limit_mb=megabytes(settings.max_request_bytes))
            try:
                parser.write(chunk)
            except UploadRefused:
                raise
            except Exception:  # python-multipart's parse errors: not a form a browser sends
                raise UploadRefused(400, "web.refused.malformed") from None
            _flush()
        parser.finalize()
        if not ended:  # cut off before the closing boundary: the last file is incomplete
            raise UploadRefused(400, "web.refused.malformed")
    finally:
        if part.out is not None:
            part.out.close()
    if not uploads:
        raise UploadRefused(422, "web.refused.no_file")
    return uploads


async def receive_form(request, settings: WebSettings, limit: int) -> dict[str, str]:
    """A small form of fields (application/x-www-form-urlencoded, the language switch's),
    at most `limit` bytes, arriving in time as an upload must. Raises UploadRefused."""
    content_type, _ = parse_options_header(request.headers.get("content-type", ""))
    if content_type != b"application/x-www-form-urlencoded":
        raise UploadRefused(415, "web.refused.not_form")
    body = bytearray()
    async for chunk in _in_time(request.stream(), asyncio.get_running_loop().time(), settings):
        body += chunk
        if len(body) > limit:
            raise UploadRefused(413, "web.refused.request_too_large", limit_mb=megabytes(limit))
    try:
        return dict(parse_qsl(body.decode("ascii"), max_num_fields=MAX_OTHER_PARTS))
    except (UnicodeDecodeError, ValueError):
        raise UploadRefused(400, "web.refused.malformed") from None


async def _in_time(chunks, started: float, settings: WebSettings):
    """The body's chunks as they come, or UploadRefused (408) when the next one is late: see
    the module's docstring. `started` is the loop's time when the headers were read."""
    stream = aiter(chunks)
    received = 0
    while True:
        deadline = min(started + settings.upload_seconds,
                       started + settings.upload_grace_seconds + received / settings.upload_min_rate)
        try:
            async with asyncio.timeout_at(deadline):
                chunk = await anext(stream)
        except StopAsyncIteration:
            return
        except TimeoutError:
            raise UploadRefused(408, "web.refused.too_slow") from None
        received += len(chunk)
        yield chunk

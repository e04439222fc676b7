"""The result carried in its own page, so that switching language keeps it without the
server keeping anything (README "Privacy"): the report page holds its views in both
languages, sealed, in a hidden field of the language switch's form; posting it back
(POST /result) shows the other language from them.

Sealed: compressed JSON with an HMAC under a key this process made at start. The server
shows only what it made itself, and not for ever: a forged or edited result, one older
than MAX_AGE_SECONDS, or one from before a restart is refused (the applicant checks the
file again). The annotated copies do not travel: they are files in the check's language,
as large as the uploads; the page says so before and after the switch.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
import time
import zlib

MAX_AGE_SECONDS = 24 * 3600
# A sealed result is a few kilobytes (the views' words, compressed); a form larger than
# this is not one of ours.
MAX_FORM_BYTES = 1024 * 1024
_MAC_BYTES = 32


class Seal:
    def __init__(self, key: bytes | None = None) -> None:
        self._key = key or secrets.token_bytes(32)

    def seal(self, views: dict, now: float | None = None) -> str:
        body = zlib.compress(json.dumps({"t": int(now if now is not None else time.time()), "views": views},
                                        ensure_ascii=False, separators=(",", ":")).encode("utf-8"), 9)
        return base64.urlsafe_b64encode(self._mac(body) + body).decode("ascii")

    def open(self, token: str, now: float | None = None) -> dict | None:
        """The views sealed in `token`, or None: not ours, edited, or too old."""
        try:
            raw = base64.urlsafe_b64decode(token.encode("ascii"))
        except (ValueError, UnicodeEncodeError):
            return None
        mac, body = raw[:_MAC_BYTES], raw[_MAC_BYTES:]
        if len(mac) != _MAC_BYTES or not hmac.compare_digest(mac, self._mac(body)):
            return None
        try:
            data = json.loads(zlib.decompress(body))
        except (zlib.error, ValueError):
            return None
        age = (now if now is not None else time.time()) - data.get("t", 0)
        return data.get("views") if 0 <= age <= MAX_AGE_SECONDS else None

    def _mac(self, body: bytes) -> bytes:
        return hmac.new(self._key, body, hashlib.sha256).digest()

"""Single-file saved pages (``.mhtml``/``.mht``, "Save page as single file"): the HTML part.

An MHTML file is a MIME message (``multipart/related``): the page's HTML is one part, encoded
quoted-printable or base64, next to its images and style sheets, which are not needed here.
"""

from __future__ import annotations

import email
import email.policy
from dataclasses import dataclass
from email.message import Message


class NotMhtmlError(ValueError):
    """The bytes are not a saved page with an HTML part; ``str()`` says why in plain words."""


@dataclass
class HtmlPart:
    html: bytes | str  # str when the part names its charset, else the raw bytes
    location: str | None  # the page's address (Content-Location / Snapshot-Content-Location)


def _root_part(message: Message) -> Message | None:
    """The HTML part: the one the ``start`` parameter names, else the first ``text/html`` one."""
    if not message.is_multipart():
        return message if message.get_content_type() in ("text/html", "application/xhtml+xml") else None
    parts = [part for part in message.walk() if not part.is_multipart()]
    start = (message.get_param("start") or "").strip("<>")
    if start:
        for part in parts:
            if (part.get("Content-ID") or "").strip().strip("<>") == start:
                return part
    for part in parts:
        if part.get_content_type() in ("text/html", "application/xhtml+xml"):
            return part
    return None


def html_part(data: bytes) -> HtmlPart:
    """The page's HTML in an MHTML file; raise :class:`NotMhtmlError` if there is none."""
    head = data[:4096].lower()
    if b"mime-version" not in head and b"content-type" not in head:
        raise NotMhtmlError("is not a saved web page (no MIME header)")
    message = email.message_from_bytes(data, policy=email.policy.compat32)
    part = _root_part(message)
    if part is None:
        raise NotMhtmlError("holds no HTML part")
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes) or not payload.strip():
        raise NotMhtmlError("its HTML part is empty")
    location = (part.get("Content-Location") or message.get("Snapshot-Content-Location")
                or message.get("Content-Location"))
    location = str(location).strip() if location else None
    charset = part.get_content_charset()
    if charset:
        try:
            return HtmlPart(payload.decode(charset).replace("\r\n", "\n").replace("\r", "\n"), location)
        except (LookupError, UnicodeDecodeError):
            pass
    return HtmlPart(payload, location)

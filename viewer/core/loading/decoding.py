"""Bytes to text, as the SPEC defines an article's text.

UTF-8 is tried first (a leading BOM dropped), then UTF-16/UTF-32 when a BOM
says so (or, without one, when every other byte is NUL), then a detected legacy
encoding. UTF-8 damaged in a few places stays UTF-8: the damaged bytes become
U+FFFD and :class:`Decoded` counts them, so the list can flag the article
instead of reading all of it wrongly as cp1252. Line ends, and the vertical tab
a word processor writes for a manual line break, become ``\\n``.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from charset_normalizer import from_bytes


class NotTextError(ValueError):
    """The bytes are not text in any encoding we can recognise."""


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Characters that Western news text in cp1252/latin-1 actually contains. When a
# legacy decoding produces only these, it beats the detector's guess: on short
# texts charset-normalizer often names cp1250 or cp775 for plain cp1252 prose
# (seen on the Clough-Stevenson corpus), which garbles accented letters.
_WESTERN = re.compile(
    "[\u00a0-\u00ff\u2018\u2019\u201a\u201c\u201d\u201e\u2013\u2014\u2026"
    "\u2022\u20ac\u2122\u2020\u2021\u2030\u0152\u0153\u0160\u0161\u0178\u017d\u017e"
    "\u02c6\u02dc\u2039\u203a\u0192]"
)
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
# Control characters that never occur in text files (tab, LF, VT, FF, CR allowed).
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
# UTF-8 with at most this many damaged places (or one in ten of its non-ASCII characters,
# if more) is damaged UTF-8, not a legacy encoding.
MAX_DAMAGED_UTF8 = 3


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    damaged: int = 0  # places where invalid bytes were replaced by U+FFFD


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\x0b", "\n")


def _looks_binary(text: str) -> bool:
    if not text:
        return False
    controls = len(_CONTROL.findall(text[:65536]))
    return controls > 0 and controls / min(len(text), 65536) > 0.001 or "\x00" in text


def _western_legacy(data: bytes) -> tuple[str, str] | None:
    for encoding in ("cp1252", "latin-1"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if all(_WESTERN.match(ch) for ch in set(_NON_ASCII.findall(text))):
            return text, encoding
    return None


def _damaged_utf8(data: bytes) -> tuple[str, int] | None:
    """``(text, damaged places)`` when ``data`` is UTF-8 but for a few bytes, else None."""
    text = data.decode("utf-8", errors="replace")
    damaged = text.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    intact = len(_NON_ASCII.findall(text)) - text.count("\ufffd")
    truncated_end = False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        truncated_end = exc.reason == "unexpected end of data" and damaged == 1
    if damaged <= max(MAX_DAMAGED_UTF8, intact // 10) and (intact >= damaged or truncated_end):
        return text, damaged
    return None


def _utf16_without_bom(data: bytes) -> str | None:
    """The byte order of UTF-16 text without a BOM: NUL in (nearly) every other byte."""
    head = data[:8192]
    even, odd = head[0::2], head[1::2]
    if len(head) < 4:
        return None
    nul_even, nul_odd = even.count(0) / len(even), odd.count(0) / max(1, len(odd))
    if nul_odd > 0.3 and nul_even < 0.02:
        return "utf-16-le"
    if nul_even > 0.3 and nul_odd < 0.02:
        return "utf-16-be"
    return None


def decode_text(data: bytes) -> tuple[str, str]:
    """Return ``(text, encoding_name)``; raise :class:`NotTextError` for binary data."""
    decoded = decode(data)
    return decoded.text, decoded.encoding


def decode(data: bytes) -> Decoded:
    """The text in ``data`` and how it was read; raise :class:`NotTextError` for binary data."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise NotTextError(f"invalid {encoding} after its byte-order mark") from exc
            text = text.lstrip("\ufeff")
            return Decoded(normalise_newlines(text), encoding.replace("-sig", ""))
    damaged = 0
    if b"\x00" in data[:8192]:
        wide = _utf16_without_bom(data)
        if wide is None:
            raise NotTextError("binary data (NUL bytes)")
        try:
            text = data.decode(wide)
        except UnicodeDecodeError:
            raise NotTextError("binary data (NUL bytes)") from None
        if _looks_binary(text):
            raise NotTextError("binary data (control characters)")
        return Decoded(normalise_newlines(text), wide)
    try:
        text, encoding = data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        nearly = _damaged_utf8(data)
        legacy = _western_legacy(data) if nearly is None else None
        if nearly is not None:
            (text, damaged), encoding = nearly, "utf-8"
        elif legacy is not None:
            text, encoding = legacy
        else:
            best = from_bytes(data).best()
            if best is None:
                raise NotTextError("not text in any known encoding") from None
            text, encoding = str(best), best.encoding
    if _looks_binary(text):
        raise NotTextError("binary data (control characters)")
    return Decoded(normalise_newlines(text), encoding, damaged)

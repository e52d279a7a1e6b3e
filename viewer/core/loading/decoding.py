"""Bytes to text, as the SPEC defines an article's text.

UTF-8 is tried first (a leading BOM dropped), then UTF-16/UTF-32 when a BOM
says so, then a detected legacy encoding. Line ends become ``\\n``.
"""

from __future__ import annotations

import codecs
import re

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
# Control characters that never occur in text files (tab, LF, FF, CR allowed).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


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


def decode_text(data: bytes) -> tuple[str, str]:
    """Return ``(text, encoding_name)``; raise :class:`NotTextError` for binary data."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise NotTextError(f"invalid {encoding} after its byte-order mark") from exc
            text = text.lstrip("\ufeff")
            return normalise_newlines(text), encoding.replace("-sig", "")
    if b"\x00" in data[:8192]:
        raise NotTextError("binary data (NUL bytes)")
    try:
        text, encoding = data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        legacy = _western_legacy(data)
        if legacy is not None:
            text, encoding = legacy
        else:
            best = from_bytes(data).best()
            if best is None:
                raise NotTextError("not text in any known encoding") from None
            text, encoding = str(best), best.encoding
    if _looks_binary(text):
        raise NotTextError("binary data (control characters)")
    return normalise_newlines(text), encoding

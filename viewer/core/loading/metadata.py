"""Title, date and outlet read from an article's own text."""

from __future__ import annotations

import re
from datetime import datetime

_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))

# A ` date 2022-02-07` line (two seeds carry one), "Published: 7 February 2022", ...
_DATE_LINE = re.compile(
    r"^\s*(?:date|published|posted|updated|dateline)\s*:?\s*(?P<date>[^\n]{6,40}?)(?=\s|$)",
    re.I | re.M,
)
_ISO = re.compile(r"(?P<y>(?:19|20)\d\d)-(?P<m>[01]?\d)-(?P<d>[0-3]?\d)")
_YEAR = r"(?P<y>(?:19|20)\d\d)"
_DAY = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?"
_DAY_MONTH_YEAR = re.compile(rf"\b{_DAY}\s+(?P<m>{_MONTH})\.?,?\s+{_YEAR}\b", re.I)
_MONTH_DAY_YEAR = re.compile(rf"\b(?P<m>{_MONTH})\.?\s+{_DAY},?\s+{_YEAR}\b", re.I)

# Closing credit lines such as "-RT/Reuters", "— AP", "(Reuters)".
_CREDIT = re.compile(r"^\s*(?:[-\u2013\u2014]+\s*|\()(?P<outlet>[A-Z][\w&.'/ -]{1,40}?)\)?\s*$")
# Datelines such as "LONDON (Reuters) -" at the start of the story.
_DATELINE = re.compile(r"^[A-Z][A-Z .,'-]{2,40}\((?P<outlet>[A-Z][\w&./ -]{1,30})\)\s*[-\u2013\u2014]", re.M)
_SOURCE_LINE = re.compile(r"^\s*(?:source|outlet|publisher)\s*:\s*(?P<outlet>[^\n]{2,60}?)\s*$", re.I | re.M)


def parse_date(value: str | None) -> str | None:
    """A date in ISO form (``YYYY-MM-DD``) from the common ways news writes one."""
    if not value:
        return None
    for pattern in (_ISO, _DAY_MONTH_YEAR, _MONTH_DAY_YEAR):
        match = pattern.search(value)
        if not match:
            continue
        month = match.group("m")
        month_number = int(month) if month.isdigit() else _MONTHS[month.lower().rstrip(".")]
        try:
            return datetime(int(match.group("y")), month_number, int(match.group("d"))).date().isoformat()
        except ValueError:
            continue
    return None


# An ISO 8601 date with a time of day ("2022-02-07T09:30", "2022-02-07 09:30:00+01:00").
_ISO_TIME = re.compile(
    r"(?P<date>(?:19|20)\d\d-[01]\d-[0-3]\d)[T ](?P<time>[0-2]\d:[0-5]\d(?::[0-5]\d)?)(?:\.\d+)?"
    r"(?P<zone>Z|[+-][01]\d:?[0-5]\d)?"
)


def parse_datetime(value: str | None) -> str | None:
    """The ISO 8601 date and time of day in ``value`` (``YYYY-MM-DDTHH:MM[:SS][zone]``), if it has one.

    Wire copy and its rewrites often share a day: the time of day is what orders them.
    """
    match = _ISO_TIME.search(value or "")
    if not match:
        return None
    zone = match.group("zone") or ""
    if zone not in ("", "Z") and ":" not in zone:
        zone = f"{zone[:3]}:{zone[3:]}"
    try:
        datetime.fromisoformat(f"{match.group('date')}T{match.group('time')}")
    except ValueError:
        return None
    return f"{match.group('date')}T{match.group('time')}{zone}"


def time_of_day(value: str | None, date: str | None) -> str | None:
    """``HH:MM`` of the date-time in ``value`` when it is on ``date`` (front matter, a date line)."""
    stamp = parse_datetime(value)
    return stamp[11:16] if stamp and date and stamp[:10] == date else None


def find_date_line(text: str) -> str | None:
    """The rest of the first date line near the top that holds a date (see :func:`find_date`)."""
    head = text[:2000]
    for match in _DATE_LINE.finditer(head):
        if parse_date(match.group("date")):
            end = head.find("\n", match.start("date"))
            return head[match.start("date"):end if end >= 0 else len(head)]
    return None


def find_date(text: str) -> str | None:
    head = text[:2000]
    for match in _DATE_LINE.finditer(head):
        date = parse_date(match.group("date"))
        if date:
            return date
    return None


def find_outlet(text: str) -> str | None:
    lines = [line for line in text[-600:].split("\n") if line.strip()]
    if lines:
        match = _CREDIT.match(lines[-1])
        if match and len(match.group("outlet").split()) <= 4:
            return match.group("outlet").strip()
    for pattern in (_SOURCE_LINE, _DATELINE):
        match = pattern.search(text[:3000])
        if match:
            return match.group("outlet").strip()
    return None


def _shorten(text: str, limit: int = 90) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + "\u2026"


def find_title(text: str) -> str:
    """The headline line, or else the first sentence shortened."""
    for raw in text.split("\n"):
        line = _DATE_LINE.sub("", raw, count=1).strip() if _DATE_LINE.match(raw) else raw.strip()
        if not line:
            continue
        if line.startswith("#"):
            return _shorten(line.lstrip("#").strip())
        if len(line) <= 160 and not line.endswith((".", ":", ";", ",")):
            return _shorten(line, 160)
        sentence = re.split(r"(?<=[.!?])\s+(?=[A-Z\u201c\"])", line, maxsplit=1)[0]
        return _shorten(sentence)
    return ""


def count_words(text: str) -> int:
    return len(re.findall(r"\w+(?:['\u2019]\w+)*", text))

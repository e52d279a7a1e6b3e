"""Speaker corrections: the user has the last word on who said a quotation.

A correction belongs to a quotation occurrence - the article (its resolved path, as the
store names articles) and the quote's start and end in code points - whether or not the
quote is tagged in a quote set. It wins over detection from then on: every occurrence
read from the store at those offsets carries the corrected speaker with
``speaker_source == "edited"``, and the Quotes panel shows it over what detection found.

A correction keeps its quote's text, context and article digest, as a tagged occurrence
does, so re-anchoring moves it with the quote when the article is edited. Changes are
made through :class:`SpeakerCorrections`, which :class:`~viewer.core.store.workspace.Workspace`
inherits: each is one committed transaction returning an undoable ``Edit``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from pathlib import Path

from viewer.core.store.anchoring import quote_context
from viewer.core.store.model import Occurrence, OffsetError, QuoteLocation, SpeakerCorrection

# What the export carries around a quote (SPEC: up to 200 characters each side).
EXPORT_CONTEXT_CHARS = 200

_CORRECTION_COLUMNS = ("id", "article", "sha256", "start", "end", "text", "prefix", "suffix", "speaker",
                       "detected", "detached", "created", "modified")


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def clean_speaker(speaker: str | None) -> str | None:
    """A name with its spaces tidied; None for no name."""
    if speaker is None:
        return None
    return " ".join(str(speaker).split()) or None


def export_context(text: str, start: int, end: int) -> tuple[str, str]:
    """Up to :data:`EXPORT_CONTEXT_CHARS` characters of ``text`` before and after the quote."""
    return quote_context(text, start, end, EXPORT_CONTEXT_CHARS)


def short_context(occurrence: Occurrence, length: int) -> bool:
    """True when the article (``length`` long) holds more context than the occurrence keeps."""
    wanted_before = min(EXPORT_CONTEXT_CHARS, occurrence.start)
    wanted_after = min(EXPORT_CONTEXT_CHARS, max(0, length - occurrence.end))
    return len(occurrence.context_before) < wanted_before or len(occurrence.context_after) < wanted_after


def location_of(item) -> QuoteLocation:
    """The span of a stored or new occurrence."""
    return QuoteLocation(item.article, item.sha256, item.start, item.end, item.text, item.prefix, item.suffix)


def quote_location(article, start: int, end: int) -> QuoteLocation:
    """The span of ``article.text[start:end]`` (an :class:`~viewer.core.loading.articles.Article`)."""
    length = len(article.text)
    if not (0 <= start < end <= length):
        raise OffsetError(f"{article.path}: offsets {start}..{end} are not inside the text (0..{length}, start < end)")
    prefix, suffix = quote_context(article.text, start, end)
    return QuoteLocation(str(Path(article.path).resolve()), article.sha256, start, end, article.text[start:end],
                     prefix, suffix)


def occurrence_query(columns: Sequence[str]) -> str:
    """SELECT of occurrences (as ``o``) with the correction at their offsets, if any (as ``c``)."""
    return ("SELECT " + ", ".join(f'o."{c}"' for c in columns) + ", c.id, c.speaker FROM occurrence o "
            'LEFT JOIN speaker_correction c ON c.article = o.article AND c.start = o.start AND c."end" = o."end"')


def occurrence_from_row(columns: Sequence[str], row: Sequence[object]) -> Occurrence:
    """An occurrence from an :func:`occurrence_query` row: the correction's speaker wins."""
    *values, correction_id, corrected = row
    fields = dict(zip(columns, values, strict=True))
    fields["detached"] = bool(fields["detached"])
    fields["detected_speaker"] = fields["speaker"]
    if correction_id is not None:
        fields["speaker"], fields["speaker_source"] = corrected, "edited"
    return Occurrence(**fields)  # type: ignore[arg-type]


def _correction(row: Sequence[object]) -> SpeakerCorrection:
    values = dict(zip(_CORRECTION_COLUMNS, row, strict=True))
    values["detached"] = bool(values["detached"])
    return SpeakerCorrection(**values)  # type: ignore[arg-type]


class SpeakerCorrections:
    """The workspace's speaker corrections (a part of :class:`~viewer.core.store.workspace.Workspace`)."""

    def speaker_corrections(self, article: str | None = None) -> list[SpeakerCorrection]:
        """Every correction, or those of one article (a path; resolved here), by article and place."""
        columns = ", ".join(f'"{c}"' for c in _CORRECTION_COLUMNS)
        if article is None:
            rows = self._db.execute(f"SELECT {columns} FROM speaker_correction ORDER BY article, start, id")
        else:
            rows = self._db.execute(f"SELECT {columns} FROM speaker_correction WHERE article = ? ORDER BY start, id",
                                    (str(Path(article).resolve()),))
        return [_correction(row) for row in rows.fetchall()]

    def correct_speaker(self, location: QuoteLocation, speaker: str | None, *, detected: str | None,
                        keep_same: bool = False):
        """Say who spoke the quote at ``location`` (None: nobody named). Returns the ``Edit``.

        A speaker equal to ``detected`` drops the correction (detection is right again),
        unless ``keep_same`` (a person stated it: it is kept as edited).
        """
        speaker = clean_speaker(speaker)
        with self._change() as change:
            self._put_correction(change, location, speaker, detected, keep_same=keep_same)
        label = f"Speaker: {speaker}" if speaker else "Speaker: nobody named"
        if speaker == detected and not keep_same:
            label = "Speaker as detected"
        return change.edit(label, self._correction_at(location))

    def correct_speakers(self, quotes: Sequence[tuple[QuoteLocation, str | None]], speaker: str | None):
        """Say who spoke every quote in ``quotes`` ((location, detected speaker) pairs), in one edit.

        For a cluster of one quotation across articles. Where ``speaker`` equals what
        detection found for a quote, that quote's correction is dropped.
        """
        speaker = clean_speaker(speaker)
        with self._change() as change:
            for location, detected in quotes:
                self._put_correction(change, location, speaker, detected, keep_same=False)
        label = f"Speaker of {len(quotes)} quotes: {speaker or 'nobody named'}"
        return change.edit(label, [self._correction_at(location) for location, _ in quotes])

    def correct_occurrence_speaker(self, occurrence_id: int, speaker: str | None):
        """Correct the speaker of a tagged occurrence (and of every quote at its offsets)."""
        return self.update_occurrence(occurrence_id, speaker=speaker)

    def sets_quoting(self, locations: Iterable[tuple[str, int, int]]) -> frozenset[int]:
        """The sets holding an occurrence at any of these (article, start, end)."""
        found: set[int] = set()
        for article, start, end in locations:
            rows = self._db.execute('SELECT set_id FROM occurrence WHERE article = ? AND start = ? AND "end" = ?',
                                    (article, start, end))
            found.update(row[0] for row in rows.fetchall())
        return frozenset(found)

    # -- inside a change -------------------------------------------------------------------
    def _correction_at(self, span: QuoteLocation) -> SpeakerCorrection | None:
        columns = ", ".join(f'"{c}"' for c in _CORRECTION_COLUMNS)
        row = self._db.execute(
            f'SELECT {columns} FROM speaker_correction WHERE article = ? AND start = ? AND "end" = ?',
            (span.article, span.start, span.end)).fetchone()
        return None if row is None else _correction(row)

    def _put_correction(self, change, span: QuoteLocation, speaker: str | None, detected: str | None, *,
                        keep_same: bool) -> None:
        existing = self._correction_at(span)
        if existing is not None:
            change.touch("speaker_correction", existing.id)
        if speaker == detected and not keep_same:
            if existing is not None:
                self._db.execute("DELETE FROM speaker_correction WHERE id = ?", (existing.id,))
            return
        now = _now()
        if existing is not None:
            self._db.execute("UPDATE speaker_correction SET speaker = ?, detected = ?, modified = ? WHERE id = ?",
                             (speaker, detected, now, existing.id))
            return
        cursor = self._db.execute(
            'INSERT INTO speaker_correction(article, sha256, start, "end", text, prefix, suffix, speaker, detected, '
            "detached, created, modified) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)",
            (span.article, span.sha256, span.start, span.end, span.text, span.prefix, span.suffix, speaker,
             detected, now, now))
        change.new("speaker_correction", int(cursor.lastrowid))

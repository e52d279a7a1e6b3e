"""The similarity of every pair in a folder of articles, kept on disk so reopening is fast.

A :class:`CorpusIndex` aligns the *candidate* pairs of a corpus (pairs sharing an anchor
shingle, as ``corpus_similarity.candidate_pairs`` defines them: no other pair can share
a passage) and stores every result in SQLite, keyed by the two texts' SHA-256 and the
alignment settings. So:

- reopening the same folder reads the stored result and aligns nothing;
- a changed file has a new hash, and only the candidate pairs that involve it are aligned;
- an interrupted run (cancel, crash) keeps the pairs done so far.

What is cached is results, not profiles: a profile's word keys are small integers
interned per process (``align.py``), so they mean nothing to the next process, and
rebuilding a profile (~0.5 ms) costs about what reading one back would.

The result, :class:`CorpusSimilarity`, is sparse: only pairs with a non-zero similarity
and their passages (10,000 articles have 50 million pairs, a few thousand of which
share anything). It also gives an order of the articles that puts related ones together
(:func:`cluster_order`), the most similar pairs, each article's neighbours, and which
other articles carry each passage of a pair ("reused in N titles").

The cache is invalidated as a whole when the alignment engine's source changes
(:func:`engine_fingerprint`), so a tuned aligner never serves stale similarities.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import struct
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from viewer.core.alignment import align as _align_module
from viewer.core.alignment import chains as _chains_module
from viewer.core.alignment import emptiness as _emptiness_module
from viewer.core.alignment import model as _model_module
from viewer.core.alignment import profile as _profile_module
from viewer.core.alignment import runs as _runs_module
from viewer.core.alignment.align import AlignSettings, Passage, TextProfile, align_profiles, profile_text
from viewer.core.alignment.model import mirror_passages
from viewer.core.corpus import candidates as _candidates_module
from viewer.core.corpus.cache import CacheUnusable, discard, is_damage, open_cache, verified_entry
from viewer.core.corpus.candidates import MAX_SHINGLE_HOLDERS, codes_of_shingles, rows_of_codes
from viewer.core.corpus.ordering import cluster_order
from viewer.core.corpus.result import CorpusSimilarity
from viewer.core.corpus.shingles import profile_shingles
from viewer.core.errors import Cancelled
from viewer.core.tasks.child_process import run_in_child
from viewer.core.tasks.spawning import process_pool
from viewer.core.tasks.task import TaskState
from viewer.core.text import normalize as _normalize_module
from viewer.core.text import stopwords as _stopwords_module
from viewer.core.text import synonyms as _synonyms_module

__all__ = ["CACHE_FORMAT", "CorpusIndex", "IndexedArticle", "build_in_process", "engine_fingerprint"]

CACHE_FORMAT = 1  # bump when the tables or the passage encoding change
# Profiles whose seed indexes stay built while aligning (the rest are rebuilt on demand):
# bounds memory at 10,000 articles, where every profile's seed dicts would take gigabytes.
WARM_PROFILES = 2048
# A pool worker keeps every profile it made up to this many (~60 KB each): partners of a
# chunk's pairs come from all over the corpus, and profiling them again cost half the time.
WORKER_PROFILES = 16384
# New pair results are written in batches of this many (one transaction each).
WRITE_BATCH = 2000

_PASSAGE = struct.Struct("<iiiif")
_DEFAULT_SETTINGS = AlignSettings()


class IndexedArticle(Protocol):
    """What the index reads of an article (``articles.Article`` has it)."""

    path: str
    text: str
    title: str

    @property
    def sha256(self) -> str: ...


def engine_fingerprint() -> str:
    """A hash of the alignment engine's source: any change there invalidates the cache."""
    digest = hashlib.sha256(f"corpus-index-{CACHE_FORMAT}".encode())
    for module in (_align_module, _chains_module, _emptiness_module, _model_module, _profile_module, _runs_module,
                   _candidates_module, _normalize_module, _stopwords_module, _synonyms_module):
        try:
            digest.update(Path(module.__file__ or "").read_bytes())
        except OSError:  # a frozen build without sources: its version string stands in
            digest.update(module.__name__.encode())
    digest.update(_synonyms_module.TABLE_SHA256.encode())  # the synonym groups' data file
    return digest.hexdigest()[:32]


def _settings_key(settings: AlignSettings) -> str:
    return f"w{settings.min_words}g{settings.max_gap}m{settings.min_match!r}s{int(settings.synonyms)}"


def _pack(passages: Sequence[Passage]) -> bytes:
    return b"".join(_PASSAGE.pack(p.a_start, p.a_end, p.b_start, p.b_end, p.score) for p in passages)


def _unpack(blob: bytes | None, mirrored: bool = False) -> list[Passage]:
    if not blob:
        return []
    found = [Passage(a0, a1, b0, b1, round(s, 4)) for a0, a1, b0, b1, s in _PASSAGE.iter_unpack(blob)]
    return mirror_passages(found) if mirrored else found


# --- aligning the candidate pairs ----------------------------------------------------------

POOL_CHUNK = 400  # pairs per task handed to a pool worker
POOL_MIN_PAIRS = 3000  # fewer pairs than this: starting workers costs more than it saves


class _WarmProfiles:
    """Profiles whose seed indexes stay built, the least recently used dropped first."""

    def __init__(self, profiles: Sequence[TextProfile] | Callable[[int], TextProfile], size: int = 0) -> None:
        self.profile = profiles if callable(profiles) else profiles.__getitem__
        self.size = size or WARM_PROFILES
        self.warm: OrderedDict[int, TextProfile] = OrderedDict()

    def get(self, number: int) -> TextProfile:
        found = self.warm.get(number)
        if found is not None:
            self.warm.move_to_end(number)
            return found
        p = self.profile(number)
        # A fresh copy: the seed indexes it builds go when it leaves the warm set.
        found = TextProfile(p.text, p.tokens, p.keys, p.anchor_starts)
        self.warm[number] = found
        if len(self.warm) > self.size:
            self.warm.popitem(last=False)
        return found


# A pool worker's texts and settings, set once when it starts (see ``_align_pairs``).
_WORKER: dict[str, object] = {}


def _start_worker(texts: Sequence[str], settings: AlignSettings) -> None:
    # Word keys are interned per process: a worker profiles the texts it aligns itself.
    _WORKER["settings"] = settings
    _WORKER["warm"] = _WarmProfiles(lambda number: profile_text(texts[number], settings.synonyms), WORKER_PROFILES)


def _align_chunk(jobs: list[tuple[int, int]]) -> list[tuple[int, int, float, list[Passage]]]:
    settings = _WORKER["settings"]
    warm = _WORKER["warm"]
    out = []
    for x, y in jobs:
        alignment = align_profiles(warm.get(x), warm.get(y), settings)
        out.append((x, y, alignment.similarity, alignment.passages))
    return out


def _align_pairs(profiles: Sequence[TextProfile] | Sequence[str], jobs: list[tuple[int, int]],
                 settings: AlignSettings, poll: Callable[[], None], workers: int):
    """Yield ``(x, y, similarity, passages)`` for each job, A = x, in job order.

    ``profiles`` may be the texts themselves: they are then profiled when first aligned.
    """
    texts = [p if isinstance(p, str) else p.text for p in profiles]
    if workers > 1 and len(jobs) >= POOL_MIN_PAIRS:
        chunks = [jobs[k : k + POOL_CHUNK] for k in range(0, len(jobs), POOL_CHUNK)]
        with process_pool(workers, _start_worker, (texts, settings)) as pool:  # exiting terminates it
            for batch in pool.imap(_align_chunk, chunks):
                poll()
                yield from batch
        return
    if texts and profiles[0] is texts[0]:
        warm = _WarmProfiles(lambda number: profile_text(texts[number], settings.synonyms))
    else:
        warm = _WarmProfiles(profiles)  # type: ignore[arg-type]
    for x, y in jobs:
        alignment = align_profiles(warm.get(x), warm.get(y), settings, poll)
        yield x, y, alignment.similarity, alignment.passages


# --- the on-disk index --------------------------------------------------------------------


class CorpusIndex:
    """Pair results of many corpora in one SQLite file (``paths.cache_dir()`` in the app).

    Each :meth:`build` opens its own connection, so a background thread may build while
    the caller's thread holds other ``CorpusIndex`` objects on the same file.
    """

    def __init__(self, cache_path: str | Path) -> None:
        self.cache_path = Path(cache_path)
        self.fingerprint = engine_fingerprint()
        self.notes: list[str] = []  # what was wrong with the cache file and what was done
        self._lengths: dict[int, int] = {}  # text id -> characters, to check stored entries

    def _rebuild_cache(self, why: str) -> sqlite3.Connection:
        discard(self.cache_path)
        self.notes.append(f"The corpus cache was discarded and is being rebuilt: {why}")
        return open_cache(self.cache_path)

    # -- storage --------------------------------------------------------------------
    def _connect(self) -> sqlite3.Connection:
        self.cache_path.parent.mkdir(parents=True, exist_ok=True)
        try:
            conn = open_cache(self.cache_path)
        except CacheUnusable as exc:
            conn = self._rebuild_cache(str(exc))
        row = conn.execute("SELECT value FROM meta WHERE key = 'engine'").fetchone()
        if row is None or row[0] != self.fingerprint:
            # The aligner changed: every stored similarity may be wrong.
            with conn:
                conn.execute("DELETE FROM pairs")
                conn.execute("DELETE FROM corpora")
                conn.execute("DELETE FROM texts")
                conn.execute("INSERT OR REPLACE INTO meta VALUES ('engine', ?)", (self.fingerprint,))
        return conn

    @staticmethod
    def _text_ids(conn: sqlite3.Connection, shas: Sequence[str]) -> dict[str, int]:
        unique = sorted(set(shas))
        with conn:
            conn.executemany("INSERT OR IGNORE INTO texts (sha) VALUES (?)", ((s,) for s in unique))
        ids: dict[str, int] = {}
        for start in range(0, len(unique), 500):
            chunk = unique[start : start + 500]
            marks = ",".join("?" * len(chunk))
            ids.update((sha, ident) for ident, sha in conn.execute(
                f"SELECT id, sha FROM texts WHERE sha IN ({marks})", chunk))
        return ids

    @staticmethod
    def _stored_pairs(conn: sqlite3.Connection, ids: Iterable[int], settings: str, nonzero_only: bool):
        conn.execute("CREATE TEMP TABLE IF NOT EXISTS current_texts (id INTEGER PRIMARY KEY)")
        conn.execute("DELETE FROM temp.current_texts")
        conn.executemany("INSERT OR IGNORE INTO temp.current_texts VALUES (?)", ((i,) for i in ids))
        # Written as a join: with "a IN (...) AND b IN (...)" SQLite seeks every (a, b)
        # combination, 100 million of them for 10,000 texts (27 s instead of 0.1 s).
        query = (
            "SELECT p.a, p.b, p.similarity, p.passages FROM temp.current_texts AS t "
            "JOIN pairs AS p ON p.settings = ? AND p.a = t.id "
            "WHERE p.b IN (SELECT id FROM temp.current_texts)"
        )
        if nonzero_only:
            query += " AND p.similarity > 0"
        return conn.execute(query, (settings,))

    @staticmethod
    def corpus_key(shas: Iterable[str]) -> str:
        return hashlib.sha256("\n".join(sorted(set(shas))).encode()).hexdigest()

    def clear(self) -> None:
        """Forget every stored result (the next build aligns everything)."""
        conn = self._connect()
        try:
            with conn:
                conn.execute("DELETE FROM pairs")
                conn.execute("DELETE FROM corpora")
        finally:
            conn.close()

    # -- building -------------------------------------------------------------------
    def build(
        self,
        articles: Sequence[IndexedArticle],
        settings: AlignSettings = _DEFAULT_SETTINGS,
        progress: Callable[[int, int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
        phase: Callable[[str], None] | None = None,
        workers: int = 1,
    ) -> CorpusSimilarity:
        """Similarity of every pair of ``articles``, from the cache where it can.

        ``workers`` > 1 aligns in that many forked processes (POSIX; never pass it from a
        process running Qt threads: use :func:`build_in_process`, whose child does).

        ``progress(done, total)`` counts articles profiled, then candidate pairs resolved
        (total grows once the candidates are known); ``phase(text)`` names the step.
        Raises ``align.Cancelled`` when ``cancelled()`` returns True; pairs aligned until
        then stay in the cache.
        """

        def poll() -> None:
            if cancelled is not None and cancelled():
                raise Cancelled()

        def say(text: str) -> None:
            if phase is not None:
                phase(text)

        started = time.perf_counter()
        count = len(articles)
        say("Checking the cache")
        shas = []
        for number, article in enumerate(articles):
            if not number % 256:
                poll()
            shas.append(article.sha256)
        result = CorpusSimilarity(
            paths=[a.path for a in articles], titles=[a.title for a in articles], shas=shas,
            settings=settings, pairs={}, passages={},
        )
        try:
            self._build_from(articles, result, shas, settings, progress, poll, say, workers)
        except sqlite3.DatabaseError as exc:
            if not is_damage(exc):
                raise
            self._rebuild_cache(str(exc)).close()  # damaged mid-read: once more on a fresh file
            result.pairs.clear()
            result.passages.clear()
            result.from_cache = False
            self._build_from(articles, result, shas, settings, progress, poll, say, workers)
        result.notes = list(self.notes)
        for note in self.notes:
            say(note)
        say("Ordering")
        poll()
        result.order = cluster_order(count, result.pairs)
        if progress is not None:
            progress(1, 1)
        say(f"Indexed in {time.perf_counter() - started:.1f} s")
        return result

    def _build_from(self, articles, result: CorpusSimilarity, shas: list[str], settings: AlignSettings,
                    progress, poll: Callable[[], None], say: Callable[[str], None], workers: int) -> None:
        settings_key = _settings_key(settings)
        corpus_key = self.corpus_key(shas)
        conn = self._connect()
        try:
            ids = self._text_ids(conn, shas)
            rows_of: dict[int, list[int]] = {}
            for number, sha in enumerate(shas):
                rows_of.setdefault(ids[sha], []).append(number)
            known = conn.execute(
                "SELECT 1 FROM corpora WHERE corpus = ? AND settings = ?", (corpus_key, settings_key)).fetchone()
            self._lengths = {ident: len(articles[rows[0]].text) for ident, rows in rows_of.items()}
            if known is not None and self._fill_from_cache(conn, result, rows_of, settings_key, poll):
                result.from_cache = True
            else:
                self._index(conn, articles, result, ids, rows_of, settings, settings_key, corpus_key,
                            progress, poll, say, workers)
            self._place_copies(result, articles, rows_of)
        finally:
            conn.close()

    def _fill_from_cache(self, conn, result: CorpusSimilarity, rows_of: dict[int, list[int]],
                         settings_key: str, poll: Callable[[], None]) -> bool:
        """Place the stored results; False (and the bad rows deleted) if any fails its check."""
        bad = []
        for count, (a, b, value, blob) in enumerate(self._stored_pairs(conn, rows_of, settings_key, True)):
            if not count & 0x3FF:
                poll()
            if not self._place(result, rows_of, a, b, value, blob):
                bad.append((settings_key, a, b))
        if not bad:
            return True
        self._drop_entries(conn, bad)
        result.pairs.clear()
        result.passages.clear()
        return False

    def _drop_entries(self, conn, bad: list[tuple[str, int, int]]) -> None:
        with conn:
            conn.executemany("DELETE FROM pairs WHERE settings = ? AND a = ? AND b = ?", bad)
            conn.execute("DELETE FROM corpora")
        self.notes.append(f"{len(bad)} corpus cache entr{'y' if len(bad) == 1 else 'ies'} did not match "
                          "the articles (damaged or forged): aligned again")

    def _place(self, result: CorpusSimilarity, rows_of, a: int, b: int, value: float, blob: bytes | None) -> bool:
        """Put a pair result in place for every copy of the two texts; False if it fails its check."""
        if not verified_entry(value, blob, self._lengths.get(a, -1), self._lengths.get(b, -1)):
            return False
        if value <= 0:
            return True
        for i in rows_of.get(a, ()):
            for j in rows_of.get(b, ()):
                if i == j:
                    continue
                key, mirrored = ((i, j), False) if i < j else ((j, i), True)
                result.pairs[key] = value
                result.passages[key] = _unpack(blob, mirrored)
        return True

    @staticmethod
    def _place_copies(result: CorpusSimilarity, articles: Sequence[IndexedArticle], rows_of) -> None:
        """Copies of one text (same hash, two files) are identical: one passage, all of it."""
        for numbers in rows_of.values():
            for position, i in enumerate(numbers):
                whole = len(articles[i].text)
                for j in numbers[position + 1 :]:
                    result.pairs[(i, j)] = 1.0
                    result.passages[(i, j)] = [Passage(0, whole, 0, whole, 1.0)]

    def _index(self, conn, articles, result: CorpusSimilarity, ids: dict[str, int], rows_of: dict[int, list[int]],
               settings: AlignSettings, settings_key: str, corpus_key: str,
               progress, poll: Callable[[], None], say: Callable[[str], None], workers: int) -> None:
        # One profile per distinct text: copies of a file are aligned once.
        say("Reading the articles")
        distinct = sorted(rows_of)  # text ids
        first_row = [rows_of[ident][0] for ident in distinct]
        total = len(distinct)
        texts = [articles[row].text for row in first_row]
        # With workers, this process keeps only each text's shingles: the workers profile
        # what they align (10,000 profiles held here took about 400 MB).
        profiles: list[TextProfile] = []
        shingles = []
        if progress is not None:
            progress(0, total)
        for number, text in enumerate(texts, start=1):
            if not number % 32:
                poll()
                if progress is not None:
                    progress(number, total)
            profile = profile_text(text, settings.synonyms)
            shingles.append(profile_shingles(profile))
            if workers <= 1:
                profiles.append(profile)
        say("Finding candidate pairs")
        boilerplate: list[int] = []
        candidates = rows_of_codes(codes_of_shingles(shingles, MAX_SHINGLE_HOLDERS, boilerplate), len(shingles))
        del shingles
        if boilerplate[0]:
            self.notes.append(f"{boilerplate[0]} boilerplate passage shingle(s), each in more than "
                              f"{MAX_SHINGLE_HOLDERS} articles, were not compared")
        pair_total = sum(len(row) for row in candidates)
        result.candidates = pair_total
        say("Reading stored pairs")
        stored: dict[tuple[int, int], tuple[float, bytes | None]] = {}
        for count, (a, b, value, blob) in enumerate(self._stored_pairs(conn, distinct, settings_key, False)):
            if not count & 0x3FF:
                poll()
            stored[(a, b)] = (value, blob)
        total = len(distinct) + pair_total
        done = len(distinct)
        if progress is not None:
            progress(done, total)
        say("Aligning candidate pairs")
        # What the cache does not hold yet, row by row (keeps each row's profile warm).
        jobs: list[tuple[int, int]] = []
        forged: list[tuple[str, int, int]] = []
        for x, partners in enumerate(candidates):
            if not x & 0xFF:
                poll()
            id_x = distinct[x]
            for y in partners:
                id_y = distinct[y]
                key = (id_x, id_y) if id_x < id_y else (id_y, id_x)
                hit = stored.get(key)
                if hit is not None and self._place(result, rows_of, key[0], key[1], *hit):
                    continue
                if hit is not None:
                    forged.append((settings_key, key[0], key[1]))
                jobs.append((x, y))
        if forged:
            self._drop_entries(conn, forged)
        done += pair_total - len(jobs)
        pending: list[tuple[int, int, str, float, bytes | None]] = []

        def flush() -> None:
            if pending:
                with conn:
                    conn.executemany("INSERT OR REPLACE INTO pairs VALUES (?, ?, ?, ?, ?)", pending)
                pending.clear()

        try:
            for x, y, similarity, passages in _align_pairs(profiles or texts, jobs, settings, poll, workers):
                done += 1
                if not done & 0x3F:
                    poll()
                    if progress is not None:
                        progress(done, total)
                id_x, id_y = distinct[x], distinct[y]
                # Stored with the smaller text id as A.
                low, high = (id_x, id_y) if id_x < id_y else (id_y, id_x)
                if low != id_x:
                    passages = mirror_passages(passages)
                blob = _pack(passages) if similarity > 0 else None
                pending.append((low, high, settings_key, similarity, blob))
                result.aligned += 1
                self._place(result, rows_of, low, high, similarity, blob)
                if len(pending) >= WRITE_BATCH:
                    flush()
            flush()
        except Cancelled:
            flush()  # keep what was aligned: the next build resumes from there
            raise
        with conn:
            conn.execute("INSERT OR REPLACE INTO corpora VALUES (?, ?, ?)", (corpus_key, settings_key, time.time()))


# --- building in a child process -----------------------------------------------------------


@dataclass
class _Text:
    """An article as the child process gets it (its hash computed once, at load)."""

    path: str
    text: str
    title: str
    sha256: str


def _build_job(payload, state: TaskState) -> CorpusSimilarity:
    """The corpus build as a child-process job (see :mod:`viewer.core.tasks.child_process`)."""
    (cache_path, settings, workers), texts = payload
    articles = [_Text(*item) for item in texts]
    result = CorpusIndex(cache_path).build(articles, settings, state.progress, state.cancelled, phase=state.phase,
                                           workers=workers)
    result.neighbours(0, 1)  # the adjacency lists travel with the result
    return result


def build_in_process(
    cache_path: str | Path,
    articles: Sequence[IndexedArticle],
    settings: AlignSettings = _DEFAULT_SETTINGS,
    state: TaskState | None = None,
) -> CorpusSimilarity:
    """:meth:`CorpusIndex.build` in a child Python process (same result; ``state`` reports and cancels).

    A thread of a GUI program calls this instead of ``build``: the alignment then holds
    the child's interpreter lock, not the window's (see :mod:`viewer.core.tasks.child_process`).
    """
    texts = [(a.path, a.text, a.title, a.sha256) for a in articles]
    workers = min(2, os.cpu_count() or 1)
    return run_in_child("viewer.core.corpus.index:_build_job", texts, state,
                        extra=(str(cache_path), settings, workers))



"""The corpus index on disk as Parquet (the SPEC's ``index`` files), read and written.

``DIR/articles.parquet`` (id, path, title, outlet, published, chars, sha256),
``DIR/pairs.parquet`` (a, b, similarity: pairs sharing a passage, a < b),
``DIR/passages.parquet`` (a, b, a_start, a_end, b_start, b_end, score; A = article a),
and ``DIR/candidates.parquet`` (a, b: every pair that was aligned, with or without a
result), which lets a later run with more articles reuse every pair of unchanged texts.
The engine fingerprint, the settings and the posting cap are stored in the schema
metadata of ``pairs.parquet``: a run with other ones reuses nothing.

Needs pyarrow only (the window opens an index without Dask).
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from viewer.core.alignment.model import Alignment, AlignSettings, Passage
from viewer.core.corpus.ordering import cluster_order
from viewer.core.corpus.result import CorpusSimilarity

ARTICLES, PAIRS, PASSAGES, CANDIDATES = "articles.parquet", "pairs.parquet", "passages.parquet", "candidates.parquet"
FORMAT = 1


@dataclass
class ArticleRow:
    path: str
    title: str
    outlet: str | None
    published: str | None
    chars: int
    sha256: str


@dataclass
class IndexTables:
    """One index folder in memory; pair arrays are parallel numpy columns."""

    articles: list[ArticleRow]
    pair_a: np.ndarray
    pair_b: np.ndarray
    similarity: np.ndarray
    passages: np.ndarray  # int64 rows: a, b, a_start, a_end, b_start, b_end
    scores: np.ndarray  # float, one per passage row
    cand_a: np.ndarray
    cand_b: np.ndarray
    meta: dict

    def passages_of(self) -> dict[tuple[int, int], list[Passage]]:
        out: dict[tuple[int, int], list[Passage]] = {}
        for row, score in zip(self.passages.tolist(), self.scores.tolist(), strict=True):
            out.setdefault((row[0], row[1]), []).append(Passage(row[2], row[3], row[4], row[5], round(score, 4)))
        for found in out.values():
            found.sort(key=lambda p: (p.a_start, p.b_start))
        return out


def settings_meta(settings: AlignSettings, max_posting: int | None, fingerprint: str) -> dict:
    return {"format": FORMAT, "engine": fingerprint, "max_posting": max_posting,
            "settings": {"min_words": settings.min_words, "max_gap": settings.max_gap,
                         "min_match": settings.min_match, "synonyms": settings.synonyms}}


def _pa():
    import pyarrow as pa
    import pyarrow.parquet as pq

    return pa, pq


def write_index(out_dir: str | Path, tables: IndexTables) -> None:
    """Write the four files; each goes to a temporary name first, then into place."""
    pa, pq = _pa()
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    rows = tables.articles
    articles = pa.table({
        "id": pa.array(range(len(rows)), pa.int64()),
        "path": pa.array([r.path for r in rows], pa.string()),
        "title": pa.array([r.title for r in rows], pa.string()),
        "outlet": pa.array([r.outlet for r in rows], pa.string()),
        "published": pa.array([r.published for r in rows], pa.string()),
        "chars": pa.array([r.chars for r in rows], pa.int64()),
        "sha256": pa.array([r.sha256 for r in rows], pa.string()),
    })
    pairs = pa.table({"a": tables.pair_a.astype(np.int64), "b": tables.pair_b.astype(np.int64),
                      "similarity": tables.similarity.astype(np.float64)})
    pairs = pairs.replace_schema_metadata({"article_viewer": json.dumps(tables.meta)})
    rows6 = tables.passages.reshape(-1, 6).astype(np.int64)
    passages = pa.table({name: rows6[:, k] for k, name in enumerate(("a", "b", "a_start", "a_end", "b_start", "b_end"))}
                        | {"score": tables.scores.astype(np.float64)})
    candidates = pa.table({"a": tables.cand_a.astype(np.int64), "b": tables.cand_b.astype(np.int64)})
    for name, table in ((ARTICLES, articles), (PASSAGES, passages), (CANDIDATES, candidates), (PAIRS, pairs)):
        temporary = out / f".{name}.tmp"
        pq.write_table(table, temporary)
        os.replace(temporary, out / name)


def is_index_dir(folder: str | Path) -> bool:
    folder = Path(folder)
    return all((folder / name).is_file() for name in (ARTICLES, PAIRS, PASSAGES))


def read_index(folder: str | Path) -> IndexTables:
    """An index folder's tables (``candidates.parquet`` may be missing: then none)."""
    _pa_mod, pq = _pa()
    folder = Path(folder)
    articles = pq.read_table(folder / ARTICLES).to_pydict()
    order = np.argsort(np.asarray(articles["id"], dtype=np.int64), kind="stable")
    rows = [ArticleRow(articles["path"][k], articles["title"][k], articles["outlet"][k], articles["published"][k],
                       int(articles["chars"][k]), articles["sha256"][k]) for k in order.tolist()]
    pairs = pq.read_table(folder / PAIRS)
    raw_meta = (pairs.schema.metadata or {}).get(b"article_viewer")
    meta = json.loads(raw_meta) if raw_meta else {}
    passages = pq.read_table(folder / PASSAGES)
    columns = [passages.column(name).to_numpy() for name in ("a", "b", "a_start", "a_end", "b_start", "b_end")]
    stacked = np.stack(columns, axis=1).astype(np.int64) if len(passages) else np.zeros((0, 6), dtype=np.int64)
    if (folder / CANDIDATES).is_file():
        cands = pq.read_table(folder / CANDIDATES)
        cand_a, cand_b = cands.column("a").to_numpy(), cands.column("b").to_numpy()
    else:
        cand_a = cand_b = np.zeros(0, dtype=np.int64)
    return IndexTables(
        rows, pairs.column("a").to_numpy().astype(np.int64), pairs.column("b").to_numpy().astype(np.int64),
        pairs.column("similarity").to_numpy().astype(np.float64), stacked,
        passages.column("score").to_numpy().astype(np.float64), cand_a.astype(np.int64), cand_b.astype(np.int64), meta,
    )


@dataclass
class Reusable:
    """What a previous index offers a new run: results of pairs of unchanged texts, in new ids."""

    codes: np.ndarray  # sorted pair codes a * count + b (new ids, a < b) aligned before
    similarity: dict[int, float]  # code -> similarity > 0
    passages: dict[int, list[tuple[int, int, int, int, float]]]  # code -> passages, A = new a


def reusable(previous: IndexTables | None, shas: Sequence[str], meta: dict) -> Reusable | None:
    """The previous run's pairs that a run over ``shas`` can take as they are.

    A pair is reusable when the previous run aligned a pair with the same two texts (by
    SHA-256) with the same engine, settings and posting cap. Copies of one text under two
    paths map to every path.
    """
    if previous is None or not len(previous.cand_a) or previous.meta != meta:
        return None
    count = len(shas)
    new_ids: dict[str, list[int]] = {}
    for number, sha in enumerate(shas):
        new_ids.setdefault(sha, []).append(number)
    old_to_new = [new_ids.get(row.sha256, []) for row in previous.articles]

    def mapped(a: int, b: int):
        for x in old_to_new[a]:
            for y in old_to_new[b]:
                if x != y:
                    yield (x, y, False) if x < y else (y, x, True)

    codes = [x * count + y for a, b in zip(previous.cand_a.tolist(), previous.cand_b.tolist(), strict=True)
             for x, y, _flip in mapped(a, b)]
    similarity: dict[int, float] = {}
    for a, b, value in zip(previous.pair_a.tolist(), previous.pair_b.tolist(), previous.similarity.tolist(),
                           strict=True):
        for x, y, _flip in mapped(a, b):
            similarity[x * count + y] = value
    passages: dict[int, list[tuple[int, int, int, int, float]]] = {}
    for row, score in zip(previous.passages.tolist(), previous.scores.tolist(), strict=True):
        for x, y, flip in mapped(row[0], row[1]):
            found = (row[4], row[5], row[2], row[3], score) if flip else (row[2], row[3], row[4], row[5], score)
            passages.setdefault(x * count + y, []).append(found)
    for found in passages.values():
        found.sort(key=lambda p: (p[0], p[2]))
    return Reusable(np.unique(np.asarray(codes, dtype=np.int64)), similarity, passages)


def to_corpus_similarity(tables: IndexTables) -> CorpusSimilarity:
    """An index folder as the corpus overview's result: similarities, passages, cluster order."""
    stored = tables.meta.get("settings") or {}
    settings = AlignSettings(**stored) if stored else AlignSettings()
    pairs = {(a, b): value for a, b, value in zip(tables.pair_a.tolist(), tables.pair_b.tolist(),
                                                  tables.similarity.tolist(), strict=True)}
    result = CorpusSimilarity(
        paths=[row.path for row in tables.articles], titles=[row.title for row in tables.articles],
        shas=[row.sha256 for row in tables.articles], settings=settings, pairs=pairs,
        passages=tables.passages_of(), candidates=len(tables.cand_a), from_cache=True,
    )
    result.order = cluster_order(len(result.paths), pairs)
    return result


def stored_alignment(result: CorpusSimilarity, a_path: str, a_sha: str, b_path: str, b_sha: str) -> Alignment | None:
    """The stored alignment of two articles of an index (A first), or None when either is not
    in it or its text changed since (then only aligning again can say)."""
    i, j = result.index_of(a_path), result.index_of(b_path)
    if i < 0 or j < 0 or i == j or result.shas[i] != a_sha or result.shas[j] != b_sha:
        return None
    return Alignment(result.passages_between(i, j), result.similarity(i, j))

"""Who borrowed text from whom: the corpus's shared passages ordered by publication date.

Every pair of articles that shares passages (what the corpus index already aligned: no
text is aligned again here) becomes an edge. When both articles carry a date and the
dates differ, the edge points from the earlier one (``source``) to the later one
(``target``) and is *directed*; otherwise nothing says who copied whom, and the edge is
undirected, its ends in list order. Undated articles are never guessed into an order.

- ``share`` of an edge: the share of the target's characters inside passages it shares
  with the source.
- ``borrowed_share`` of an article: the share of its characters inside passages it
  shares with any article published before it (the union over its directed in-edges,
  so text found in three earlier articles counts once); ``original_share`` = 1 - that.

Dates compare as ISO 8601 (the loader keeps a time of day when the source gives one):
two dates, or a date and a date-time, on the same day are "the same date" unless both
carry a time of day, and those times differ.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol

from viewer.core.text.spans import covered_chars

__all__ = [
    "Edge", "OutletNode", "Provenance", "ProvenanceArticle", "compare_published", "outlet_graph",
    "provenance", "provenance_of_similarity",
]


class _Span(Protocol):
    a_start: int
    a_end: int
    b_start: int
    b_end: int


@dataclass(frozen=True)
class ProvenanceArticle:
    path: str
    title: str
    outlet: str | None
    published: str | None  # ISO 8601 date or date-time, or None
    chars: int


@dataclass(frozen=True)
class Edge:
    source: int  # article indexes
    target: int
    share: float  # of the target's characters, in passages shared with the source
    directed: bool
    source_share: float = 0.0  # the same for the source's characters (for tooltips and graphs)
    target_spans: tuple[tuple[int, int], ...] = field(default=(), repr=False, compare=False)


@dataclass
class Provenance:
    articles: list[ProvenanceArticle]
    edges: list[Edge]
    borrowed: list[float] = field(default_factory=list)  # borrowed_share per article
    _links: dict[int, tuple[list[Edge], list[Edge], list[Edge]]] | None = field(default=None, repr=False)

    def borrowed_share(self, index: int) -> float:
        return self.borrowed[index]

    def original_share(self, index: int) -> float:
        return round(1.0 - self.borrowed[index], 4)

    def _by_article(self) -> dict[int, tuple[list[Edge], list[Edge], list[Edge]]]:
        """Article -> (directed edges in, directed edges out, undirected edges), sorted, built once."""
        if self._links is None:
            links: dict[int, tuple[list[Edge], list[Edge], list[Edge]]] = {}
            for edge in self.edges:
                source = links.setdefault(edge.source, ([], [], []))
                target = links.setdefault(edge.target, ([], [], []))
                if edge.directed:
                    target[0].append(edge)
                    source[1].append(edge)
                else:
                    source[2].append(edge)
                    target[2].append(edge)
            for into, out, _undirected in links.values():
                into.sort(key=lambda e: (-e.share, e.source))
                out.sort(key=lambda e: (-e.share, e.target))
            self._links = links
        return self._links

    def sources_of(self, index: int) -> list[Edge]:
        """The directed edges into ``index`` (the earlier articles it borrows from), largest share first."""
        return list(self._by_article().get(index, ([], [], []))[0])

    def borrowers_of(self, index: int) -> list[Edge]:
        """The directed edges out of ``index`` (later articles that carry its text)."""
        return list(self._by_article().get(index, ([], [], []))[1])

    def undated_links(self, index: int) -> list[Edge]:
        """Undirected edges touching ``index``: shared text whose order no date tells."""
        return list(self._by_article().get(index, ([], [], []))[2])

    def to_json(self) -> dict:
        """The SPEC's ``provenance --json`` document."""
        return {
            "articles": [
                {"path": a.path, "title": a.title, "outlet": a.outlet, "published": a.published,
                 "borrowed_share": round(self.borrowed[n], 4), "original_share": self.original_share(n)}
                for n, a in enumerate(self.articles)
            ],
            "edges": [
                {"source": self.articles[e.source].path, "target": self.articles[e.target].path,
                 "share": round(e.share, 4), "directed": e.directed}
                for e in self.edges
            ],
        }


def _split(published: str) -> tuple[str, str | None]:
    """``YYYY-MM-DD`` and the rest after it (the time of day and zone) or None."""
    value = published.strip()
    day, rest = value[:10], value[11:] if len(value) > 11 and value[10] in "T " else ""
    return day, rest or None


def _moment(day: str, rest: str) -> datetime | None:
    try:
        return datetime.fromisoformat(f"{day}T{rest.replace('Z', '+00:00')}")
    except ValueError:
        return None


def compare_published(first: str | None, second: str | None) -> int | None:
    """-1 when ``first`` was published before ``second``, 1 after, 0 the same, None unknown.

    Two dates on the same day are the same date unless both carry a time of day; times
    with zones compare as instants (a day apart locally can then be the same instant), a
    time with a zone and one without compare by their clocks.
    """
    if not first or not second:
        return None
    day_a, rest_a = _split(first)
    day_b, rest_b = _split(second)
    if rest_a is not None and rest_b is not None:
        moment_a, moment_b = _moment(day_a, rest_a), _moment(day_b, rest_b)
        if moment_a is not None and moment_b is not None:
            if (moment_a.tzinfo is None) != (moment_b.tzinfo is None):
                moment_a, moment_b = moment_a.replace(tzinfo=None), moment_b.replace(tzinfo=None)
            return (moment_a > moment_b) - (moment_a < moment_b)
    if day_a != day_b:
        return -1 if day_a < day_b else 1
    return 0


def _share(spans: Sequence[tuple[int, int]], chars: int) -> float:
    return min(1.0, covered_chars(spans) / chars) if chars else 0.0


def provenance(
    articles: Sequence[ProvenanceArticle], passages: Mapping[tuple[int, int], Sequence[_Span]]
) -> Provenance:
    """Edges and shares from ``passages[(i, j)]`` (i < j, A = article i) of the sharing pairs."""
    edges: list[Edge] = []
    borrowed_spans: list[list[tuple[int, int]]] = [[] for _ in articles]
    for (i, j) in sorted(passages):
        found = passages[(i, j)]
        if not found or i == j:
            continue
        spans_i = [(p.a_start, p.a_end) for p in found]
        spans_j = [(p.b_start, p.b_end) for p in found]
        order = compare_published(articles[i].published, articles[j].published)
        if order == 1:  # j is earlier: it is the source
            source, target, source_spans, target_spans = j, i, spans_j, spans_i
        else:
            source, target, source_spans, target_spans = i, j, spans_i, spans_j
        directed = order in (-1, 1)
        edges.append(Edge(
            source, target, round(_share(target_spans, articles[target].chars), 4), directed,
            round(_share(source_spans, articles[source].chars), 4), tuple(target_spans),
        ))
        if directed:
            borrowed_spans[target].extend(target_spans)
    borrowed = [round(_share(spans, a.chars), 4) for spans, a in zip(borrowed_spans, articles, strict=True)]
    return Provenance(list(articles), edges, borrowed)


class _Loaded(Protocol):
    path: str
    title: str
    text: str
    outlet: str | None
    date: str | None
    published: str | None  # the date with its time of day when known


def provenance_of_similarity(result, articles: Sequence[_Loaded]) -> Provenance:
    """Provenance of a corpus index result (``CorpusSimilarity``) over the same ``articles``.

    ``articles[n]`` must be the article at index ``n`` of ``result`` (its path is checked).
    """
    if [a.path for a in articles] != list(result.paths):
        raise ValueError("the articles are not the ones the corpus index was built on")
    described = [
        ProvenanceArticle(a.path, a.title, a.outlet, a.published or a.date, len(a.text)) for a in articles
    ]
    return provenance(described, result.passages)


# --- outlets -------------------------------------------------------------------------------


@dataclass(frozen=True)
class OutletNode:
    """The articles of one outlet; an article with no known outlet is a node of its own."""

    name: str
    articles: tuple[int, ...]
    chars: int
    published: str | None  # its earliest dated article, None when none is dated


def outlet_graph(found: Provenance) -> tuple[list[OutletNode], list[Edge]]:
    """Outlets as nodes; an edge's share is of the target outlet's characters (union per article).

    Directed edges between outlets come from directed article edges, undirected ones from
    undirected article edges; text an outlet shares with itself is left out.
    """
    members: dict[str, list[int]] = {}
    for number, article in enumerate(found.articles):
        name = article.outlet or f"{article.title or article.path} (outlet unknown)"
        members.setdefault(name, []).append(number)
    nodes: list[OutletNode] = []
    node_of: dict[int, int] = {}
    for name, numbers in members.items():
        dates = sorted(found.articles[n].published for n in numbers if found.articles[n].published)
        for n in numbers:
            node_of[n] = len(nodes)
        nodes.append(OutletNode(name, tuple(numbers), sum(found.articles[n].chars for n in numbers),
                                dates[0] if dates else None))
    # (source node, target node, directed) -> target article -> its spans
    spans: dict[tuple[int, int, bool], dict[int, list[tuple[int, int]]]] = {}
    for edge in found.edges:
        source, target = node_of[edge.source], node_of[edge.target]
        if source == target:
            continue
        key = (source, target, edge.directed)
        if not edge.directed and (target, source, False) in spans:
            key = (target, source, False)
        spans.setdefault(key, {}).setdefault(edge.target, []).extend(edge.target_spans)
    edges = []
    for (source, target, directed), by_article in sorted(spans.items()):
        chars = nodes[target].chars
        inside = sum(covered_chars(found_spans) for found_spans in by_article.values())
        edges.append(Edge(source, target, round(min(1.0, inside / chars), 4) if chars else 0.0, directed))
    return nodes, edges

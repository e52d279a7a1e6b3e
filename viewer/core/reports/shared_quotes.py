"""The quotations two articles share, and how the wording of one differs from the other's.

Each shared quotation (a cluster of ``quotes.clusters`` with an occurrence on both sides)
is compared the way ``quotes --json`` compares a cluster's occurrences
(``quotes.fidelity``): the *reference* is the earlier-published occurrence (the longer one
when no date orders them), and the other occurrence's words are aligned with it. A trimmed
extract is not an alteration; a word changed, added or dropped inside the stretch it
quotes is.
"""

from __future__ import annotations

from dataclasses import dataclass

from viewer.core.loading.articles import Article
from viewer.core.quotes.clusters import cluster_quotes
from viewer.core.quotes.fidelity import Change, compare, pick_reference
from viewer.core.quotes.finder import Quote, find_quotes

# The quotes of each side carry these keys as their ``article``: A and B may be one file.
SIDE_A, SIDE_B = "A", "B"


@dataclass(frozen=True)
class QuoteComparison:
    """One occurrence of a shared quotation on each side, and how their words differ."""

    speaker: str | None
    a: Quote
    b: Quote
    reference_side: str  # "A" or "B": the version the other is compared with
    altered: bool
    a_marks: tuple[tuple[int, int], ...]  # changed words on A's side (absolute code points)
    b_marks: tuple[tuple[int, int], ...]
    verdict: str  # a sentence saying whether and how the wording differs


def shared_quotes(a: Article, b: Article) -> list[QuoteComparison]:
    """The quotations both articles carry, in A's order."""
    quotes = find_quotes(a.text, SIDE_A) + find_quotes(b.text, SIDE_B)
    dates = {SIDE_A: a.published or a.date, SIDE_B: b.published or b.date}
    found: list[QuoteComparison] = []
    for cluster in cluster_quotes(quotes):
        side_a = [q for q in cluster.quotes if q.article == SIDE_A]
        side_b = [q for q in cluster.quotes if q.article == SIDE_B]
        if not side_a or not side_b:
            continue
        # The longest occurrence of each side stands for it (an article may repeat a fragment).
        qa = max(side_a, key=lambda q: (len(q.text), -q.start))
        qb = max(side_b, key=lambda q: (len(q.text), -q.start))
        found.append(compare_pair(qa, qb, dates, cluster.speaker))
    found.sort(key=lambda c: c.a.start)
    return found


def compare_pair(qa: Quote, qb: Quote, dates: dict[str, str | None], speaker: str | None) -> QuoteComparison:
    reference = pick_reference([qa, qb], dates)
    other = qb if reference is qa else qa
    variant = compare(reference, other)
    changes = [c for c in variant.changes if not c.edge]
    reference_marks = tuple((c.reference_start, c.reference_end) for c in changes
                            if c.reference_end > c.reference_start)
    other_marks = tuple((c.start, c.end) for c in changes if c.end > c.start)
    reference_side = SIDE_A if reference is qa else SIDE_B
    other_side = SIDE_B if reference is qa else SIDE_A
    if variant.altered:
        listed = "; ".join(_describe(c) for c in changes[:6]) + ("; \u2026" if len(changes) > 6 else "")
        verdict = f"{other_side}'s version alters {reference_side}'s: {listed}."
    elif variant.partial or any(c.edge for c in variant.changes):  # edge words: the reference is the extract
        verdict = "Same words; one version quotes a shorter extract of the other: not an alteration."
    else:
        verdict = "Same words (differences of case, punctuation and quotation marks aside)."
    a_marks, b_marks = (reference_marks, other_marks) if reference is qa else (other_marks, reference_marks)
    return QuoteComparison(speaker, qa, qb, reference_side, variant.altered, a_marks, b_marks, verdict)


def _describe(change: Change) -> str:
    if change.op == "replace":
        return f"\u201c{change.text}\u201d for \u201c{change.reference}\u201d"
    if change.op == "delete":
        return f"\u201c{change.reference}\u201d dropped"
    return f"\u201c{change.text}\u201d added"


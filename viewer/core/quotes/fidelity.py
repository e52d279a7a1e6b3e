"""Quote fidelity: how each occurrence of a shared quotation differs from the earliest one.

Every cluster of a shared quotation gets a *reference* occurrence: the earliest-published
one (occurrences without a date count as later than dated ones; among equals the longest
wins). Every other occurrence is compared with it word by word:

- words compare in a normalised form (case folded, quote styles and apostrophes unified;
  "build-up", "build up" and "buildup" agree), so case, punctuation, quotation-mark style
  and whitespace never count;
- the occurrence may quote any stretch of the reference: the reference's words left out
  before and after that stretch are a trimmed fragment, not a change;
- an ellipsis (``...``, ``…``) in the occurrence stands for reference words it skips, and
  one in the reference for words the reference itself left out: neither is a change;
- words the occurrence quotes beyond either end of the reference are listed as ``insert``
  changes marked ``edge`` (the later outlet quoted more of the speech), which do not make
  it *altered*; a word changed, added or dropped inside the stretch it quotes does.

The comparison is an alignment with free end gaps on the reference (dynamic programming
over words, small for quotations); a fragment found verbatim is settled before it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from viewer.core.quotes.finder import Quote
from viewer.core.text.normalize import normalize_word

# A word: letters/digits (with combining marks), joined by in-word apostrophes (hyphens split words);
# or an ellipsis (three dots, the ellipsis character, spaced dots), which stands for words left out.
_TOKEN = re.compile(
    r"(?P<ellipsis>\.\s?\.(?:\s?\.)+|\u2026)"
    r"|(?P<word>[^\W_](?:[\w\u0300-\u036f]|['\u2019\u02bc](?=\w))*)",
    re.UNICODE,
)
ELLIPSIS = "\u2026"  # the form of an ellipsis token (never a word's form)

# Alignment costs. A kept word is worth more than dropping a couple of words to reach it
# ("new order today" against "new order of security today" drops two words rather than
# replacing "of" with "today"); replacing one word is cheaper than dropping it and adding
# another; adding a word costs more than replacing, so a word at the edge of a trimmed
# stretch reads as a replacement of the reference word there rather than as an addition.
MATCH = -4
SUBSTITUTE = 2
DELETE = 1
INSERT = 3
# Above this many cells the alignment runs on the stretch of the reference around the
# occurrence's longest verbatim run, and past it on difflib's matching blocks.
MAX_CELLS = 400_000


@dataclass(frozen=True)
class Token:
    form: str  # normalised word, or ELLIPSIS
    start: int  # code points, relative to the quote's text
    end: int


def tokens(text: str) -> list[Token]:
    """The words and ellipses of a quotation, in their comparison form."""
    found = []
    for match in _TOKEN.finditer(text):
        if match.group("ellipsis"):
            found.append(Token(ELLIPSIS, match.start(), match.end()))
        else:
            found.append(Token(normalize_word(match.group()), match.start(), match.end()))
    return found


@dataclass(frozen=True)
class Change:
    """One word-level difference; offsets are absolute, in each article's text."""

    op: str  # "replace", "delete" (reference words missing) or "insert" (words added)
    reference: str  # the reference's words as written ("" for an insert)
    text: str  # the occurrence's words as written ("" for a delete)
    reference_start: int  # in the reference's article; an empty range for an insert
    reference_end: int
    start: int  # in the occurrence's article; an empty range for a delete
    end: int
    edge: bool = False  # words quoted beyond either end of the reference: not an alteration

    def to_json(self) -> dict:
        found = {"op": self.op, "reference": self.reference, "text": self.text,
                 "reference_start": self.reference_start, "reference_end": self.reference_end,
                 "start": self.start, "end": self.end}
        if self.edge:
            found["edge"] = True
        return found


@dataclass(frozen=True)
class Variant:
    quote: Quote
    altered: bool
    changes: tuple[Change, ...]
    # The stretch of the reference the occurrence quotes (absolute offsets in its article).
    reference_start: int
    reference_end: int
    kept: float  # words both have unchanged, as a share of both stretches' words (Dice)
    partial: bool = False  # quotes only part of the reference (a trimmed fragment, or with ellipses)

    @property
    def alterations(self) -> tuple[Change, ...]:
        return tuple(c for c in self.changes if not c.edge)


@dataclass(frozen=True)
class Fidelity:
    reference: Quote
    variants: tuple[Variant, ...] = field(default=())

    @property
    def altered(self) -> bool:
        return any(v.altered for v in self.variants)

    def variant_of(self, quote: Quote) -> Variant | None:
        return next((v for v in self.variants if v.quote == quote), None)


# -- the reference -----------------------------------------------------------------------


def _date_parts(value: str | None) -> tuple[str, str] | None:
    """``(date, time)`` of an ISO 8601 value ("" time for a bare date); None when undated."""
    if not value:
        return None
    value = value.strip()
    date, _sep, time = value.replace(" ", "T", 1).partition("T")
    return (date, time) if date else None


def _length(quote: Quote) -> tuple[int, int]:
    return sum(1 for t in tokens(quote.text) if t.form != ELLIPSIS), len(quote.text)


def pick_reference(quotes: Sequence[Quote], dates: Mapping[str, str | None]) -> Quote:
    """The earliest-published occurrence; undated ones count as later; ties go to the longest.

    ``dates`` maps an article path to its publication date (ISO 8601, or None). Two
    occurrences published the same day tie unless both carry a time of day.
    """
    if not quotes:
        raise ValueError("no quotes to choose a reference from")
    dated = [(q, _date_parts(dates.get(q.article))) for q in quotes]
    known = [(q, parts) for q, parts in dated if parts is not None]
    if known:
        first_day = min(parts[0] for _q, parts in known)
        candidates = [(q, parts) for q, parts in known if parts[0] == first_day]
        if all(parts[1] for _q, parts in candidates):
            first_time = min(parts[1] for _q, parts in candidates)
            candidates = [(q, parts) for q, parts in candidates if parts[1] == first_time]
        pool = [q for q, _parts in candidates]
    else:
        pool = list(quotes)
    # max() keeps the first of equals, so the cluster's own order settles exact ties.
    return max(pool, key=_length)


# -- the alignment -----------------------------------------------------------------------

# Moves of the alignment path.
_MATCH, _SUB, _DEL, _INS, _START, _SKIP_REF, _SKIP_OCC = range(7)


def _align(occ: list[str], ref: list[str]) -> list[tuple[int, int, int]]:
    """The cheapest path as ``(move, i, j)`` steps: occurrence word ``i``, reference word ``j``.

    Reference words before the start and after the end of the path are free (a trimmed
    fragment); occurrence words before the first and after the last aligned word are
    inserts. ``_SKIP_REF`` is a reference word passed over by an occurrence ellipsis (or a
    reference ellipsis itself), ``_SKIP_OCC`` an occurrence word inside a reference ellipsis
    (or an occurrence ellipsis itself). A reference ellipsis stands for left-out words only
    right after a word both share.
    """
    m, n = len(occ), len(ref)
    big = 1 << 60
    insert, delete, substitute = INSERT, DELETE, SUBSTITUTE
    # pre[i]: occurrence words [:i] all inserted before the stretch starts.
    pre = [0] * (m + 1)
    for i in range(1, m + 1):
        pre[i] = pre[i - 1] + (0 if occ[i - 1] == ELLIPSIS else insert)
    # cost[i][j]: occurrence words [:i] against the stretch ending at reference word j - 1,
    # with at least one word aligned (matched or replaced).
    cost = [[big] * (n + 1) for _ in range(m + 1)]
    back: list[list[tuple[int, int, int]]] = [[(-1, -1, -1)] * (n + 1) for _ in range(m + 1)]
    for i in range(1, m + 1):
        row, brow, prev = cost[i], back[i], cost[i - 1]
        occ_word = occ[i - 1]
        running, running_at = big, 0  # min of prev[:j + 1], for an occurrence ellipsis
        for j in range(n + 1):
            best, step = big, (-1, -1, -1)
            if prev[j] < running:
                running, running_at = prev[j], j
            if occ_word == ELLIPSIS:
                if running < best:
                    best, step = running, (_SKIP_REF, i - 1, running_at)
            elif prev[j] + insert < best and back[i - 1][j][0] != _SKIP_OCC:
                best, step = prev[j] + insert, (_INS, i - 1, j)
            if j:
                ref_word = ref[j - 1]
                if ref_word == ELLIPSIS:
                    # Passes over any number of occurrence words (none included), right
                    # after a word both share: after a replaced word it would excuse anything.
                    for k in range(i, 0, -1):
                        if cost[k][j - 1] < best and back[k][j - 1][0] in (_MATCH, _START * 10 + _MATCH):
                            best, step = cost[k][j - 1], (_SKIP_OCC, k, j - 1)
                else:
                    # A reference ellipsis ends where both share a word again (or at the end).
                    if row[j - 1] + delete < best and brow[j - 1][0] != _SKIP_OCC:
                        best, step = row[j - 1] + delete, (_DEL, i, j - 1)
                    if occ_word != ELLIPSIS:
                        same = occ_word == ref_word
                        price = MATCH if same else substitute
                        move = _MATCH if same else _SUB
                        # Continue the stretch, or start it here (the reference before it trimmed).
                        after_gap = back[i - 1][j - 1][0] == _SKIP_OCC
                        if prev[j - 1] + price < best and (same or not after_gap):
                            best, step = prev[j - 1] + price, (move, i - 1, j - 1)
                        if pre[i - 1] + price < best:
                            best, step = pre[i - 1] + price, (_START * 10 + move, i - 1, j - 1)
            row[j], brow[j] = best, step
    # The end: trailing occurrence words inserted, trailing reference words free.
    end_cost, end_i, end_j = pre[m], 0, -1
    for i in range(1, m + 1):
        ends = [j for j in range(n + 1) if back[i][j][0] != _SKIP_OCC or j == n]
        if not ends:
            continue
        j = min(ends, key=cost[i].__getitem__)
        total = cost[i][j] + pre[m] - pre[i]
        if total < end_cost:
            end_cost, end_i, end_j = total, i, j
    if end_j < 0:
        return [(_SKIP_OCC if occ[k] == ELLIPSIS else _INS, k, 0) for k in range(m)]
    path = [(_SKIP_OCC if occ[k] == ELLIPSIS else _INS, k, end_j) for k in range(m - 1, end_i - 1, -1)]
    i, j = end_i, end_j
    while True:
        move, pi, pj = back[i][j]
        if move >= _START * 10:  # the first aligned word: everything before it was inserted
            path.append((move - _START * 10, pi, pj))
            path.extend((_SKIP_OCC if occ[k] == ELLIPSIS else _INS, k, pj) for k in range(pi - 1, -1, -1))
            break
        if move == _SKIP_REF:  # occurrence ellipsis pi over reference words pj..j
            path.extend((_SKIP_REF, pi, k) for k in range(j - 1, pj - 1, -1))
            path.append((_SKIP_OCC, pi, pj))
            i, j = pi, pj
            continue
        if move == _SKIP_OCC:  # reference ellipsis pj over occurrence words pi..i
            path.extend((_SKIP_OCC, k, pj) for k in range(i - 1, pi - 1, -1))
            path.append((_SKIP_REF, pi, pj))
            i, j = pi, pj
            continue
        path.append((move, pi, pj))
        i, j = (pi, pj) if move in (_MATCH, _SUB) else ((i, pj) if move == _DEL else (pi, j))
    path.reverse()
    return path


def _align_large(occ: list[str], ref: list[str]) -> list[tuple[int, int, int]]:
    """The alignment of a long quotation: on the reference's stretch around its longest shared run."""
    matcher = SequenceMatcher(None, occ, ref, autojunk=False)
    block = matcher.find_longest_match(0, len(occ), 0, len(ref))
    margin = max(len(occ) // 4, 10)
    lo = max(0, block.b - block.a - margin)
    hi = min(len(ref), block.b + (len(occ) - block.a) + margin)
    if len(occ) * (hi - lo) <= MAX_CELLS:
        return [(move, i, j + lo) for move, i, j in _align(occ, ref[lo:hi])]
    # Past that, difflib's matching blocks; the reference's ends outside them are trimmed.
    path: list[tuple[int, int, int]] = []
    opcodes = SequenceMatcher(None, occ, ref, autojunk=False).get_opcodes()
    while opcodes and opcodes[0][0] == "delete":
        opcodes.pop(0)
    while opcodes and opcodes[-1][0] == "delete":
        opcodes.pop()
    for tag, i1, i2, j1, j2 in opcodes:
        if tag == "equal":
            path.extend((_MATCH, i1 + k, j1 + k) for k in range(i2 - i1))
        elif tag == "delete":
            path.extend((_DEL, i1, j) for j in range(j1, j2))
        elif tag == "insert":
            path.extend((_INS, i, j1) for i in range(i1, i2))
        else:
            pairs = min(i2 - i1, j2 - j1)
            path.extend((_SUB, i1 + k, j1 + k) for k in range(pairs))
            path.extend((_DEL, i1 + pairs, j) for j in range(j1 + pairs, j2))
            path.extend((_INS, i, j1 + pairs) for i in range(i1 + pairs, i2))
    return path


def _fragment_at(occ: list[str], ref: list[str]) -> tuple[int, int] | None:
    """First and last reference word of the occurrence's words found verbatim, in order, in the reference.

    The occurrence's ellipses split it into pieces that may skip reference words between them.
    """
    pieces: list[list[str]] = [[]]
    for form in occ:
        if form == ELLIPSIS:
            pieces.append([])
        else:
            pieces[-1].append(form)
    pieces = [p for p in pieces if p]
    if not pieces or ELLIPSIS in ref:
        return None
    at, first = 0, -1
    for piece in pieces:
        size = len(piece)
        found = next((k for k in range(at, len(ref) - size + 1) if ref[k:k + size] == piece), None)
        if found is None:
            return None
        first = found if first < 0 else first
        at = found + size
    return first, at - 1


# -- comparing one occurrence -----------------------------------------------------------


def compare(reference: Quote, occurrence: Quote) -> Variant:
    """How ``occurrence`` differs from ``reference``, word by word."""
    ref_tokens, occ_tokens = tokens(reference.text), tokens(occurrence.text)
    ref, occ = [t.form for t in ref_tokens], [t.form for t in occ_tokens]
    fragment = _fragment_at(occ, ref)
    if fragment is not None:
        whole = fragment == (0, len(ref) - 1) and ELLIPSIS not in occ
        return Variant(occurrence, False, (), reference.start + ref_tokens[fragment[0]].start,
                       reference.start + ref_tokens[fragment[1]].end, 1.0, not whole)
    path = _align(occ, ref) if len(occ) * len(ref) <= MAX_CELLS else _align_large(occ, ref)
    changes = _changes(path, reference, ref_tokens, occurrence, occ_tokens)
    aligned = [j for move, _i, j in path if move in (_MATCH, _SUB, _DEL, _SKIP_REF)]
    if aligned:
        ref_start = reference.start + ref_tokens[min(aligned)].start
        ref_end = reference.start + ref_tokens[max(aligned)].end
    else:
        ref_start = ref_end = reference.start
    spelled = [c for c in changes if _same_letters(c)]
    changes = [c for c in changes if c not in spelled]
    # The words both keep, as a share of the words each has in the stretch (edges and
    # the words inside an ellipsis left out): 1 for the same words, near 0 for a rewrite.
    matched = sum(1 for move, _i, _j in path if move == _MATCH)
    matched += sum(len(tokens(c.reference)) + len(tokens(c.text)) for c in spelled) / 2
    ref_words = sum(1 for move, _i, _j in path if move in (_MATCH, _SUB, _DEL))
    occ_words = sum(1 for move, _i, _j in path if move in (_MATCH, _SUB, _INS))
    occ_words -= sum(len(tokens(c.text)) for c in changes if c.edge)
    kept = 2 * matched / (ref_words + occ_words) if ref_words + occ_words else 0.0
    skipped = any(move == _SKIP_REF and ref[j] != ELLIPSIS for move, _i, j in path)
    partial = not aligned or min(aligned) > 0 or max(aligned) < len(ref) - 1 or skipped
    return Variant(occurrence, any(not c.edge for c in changes), tuple(changes), ref_start, ref_end, kept, partial)


def _same_letters(change: Change) -> bool:
    """A change of spacing or hyphenation only: the same words written together or apart."""
    joined = "".join(t.form for t in tokens(change.reference))
    return bool(joined) and joined == "".join(t.form for t in tokens(change.text))


def _changes(path, reference: Quote, ref_tokens: list[Token], occurrence: Quote,
             occ_tokens: list[Token]) -> list[Change]:
    """Runs of non-matching steps grouped into changes; inserts outside the aligned words are edges."""
    anchored = [k for k, (move, _i, _j) in enumerate(path) if move in (_MATCH, _SUB, _DEL)]
    first_anchor = anchored[0] if anchored else len(path)
    last_anchor = anchored[-1] if anchored else -1
    changes: list[Change] = []
    group: list[tuple[int, int, int]] = []
    group_edge = False

    def flush() -> None:
        if group:
            changes.append(_change(group, group_edge, path, reference, ref_tokens, occurrence, occ_tokens))
            group.clear()

    for k, step in enumerate(path):
        move = step[0]
        if move in (_MATCH, _SKIP_REF, _SKIP_OCC):
            flush()
            continue
        edge = move == _INS and (k < first_anchor or k > last_anchor)
        # Words added next to a replaced or dropped one belong to that change ("EU" ->
        # "European Union"); a run is an edge only when all of it lies outside the stretch.
        group_edge = edge if not group else (group_edge and edge)
        group.append(step)
    flush()
    return changes


def _change(group, edge: bool, path, reference: Quote, ref_tokens: list[Token], occurrence: Quote,
            occ_tokens: list[Token]) -> Change:
    ref_idx = sorted({j for move, _i, j in group if move in (_SUB, _DEL)})
    occ_idx = sorted({i for move, i, _j in group if move in (_SUB, _INS)})
    if ref_idx:
        r0, r1 = ref_tokens[ref_idx[0]].start, ref_tokens[ref_idx[-1]].end
    else:
        r0 = r1 = _insertion_point(group[0][2], ref_tokens, len(reference.text))
    if occ_idx:
        o0, o1 = occ_tokens[occ_idx[0]].start, occ_tokens[occ_idx[-1]].end
    else:
        o0 = o1 = _insertion_point(group[0][1], occ_tokens, len(occurrence.text))
    op = "replace" if ref_idx and occ_idx else ("delete" if ref_idx else "insert")
    return Change(op, reference.text[r0:r1], occurrence.text[o0:o1], reference.start + r0, reference.start + r1,
                  occurrence.start + o0, occurrence.start + o1, edge)


def _insertion_point(index: int, found: list[Token], length: int) -> int:
    """Where a change sits on the side that has no words in it: just after the word before."""
    if index <= 0:
        return found[0].start if found else 0
    return found[index - 1].end if index - 1 < len(found) else length


def cluster_fidelity(quotes: Sequence[Quote], dates: Mapping[str, str | None]) -> Fidelity:
    """The reference of one cluster's occurrences and every other occurrence's changes."""
    reference = pick_reference(quotes, dates)
    return Fidelity(reference, tuple(compare(reference, q) for q in quotes if q is not reference))


def fidelity_json(fidelity: Fidelity, ids: Mapping[int, str]) -> dict:
    """The SPEC's ``reference`` and ``variants`` of one cluster; ``ids`` maps ``id(quote)`` to "q1"..."""
    return {
        "reference": ids[id(fidelity.reference)],
        "variants": [
            {"quote": ids[id(v.quote)], "altered": v.altered, "kept": round(v.kept, 3),
             "reference_start": v.reference_start, "reference_end": v.reference_end, "partial": v.partial,
             "changes": [c.to_json() for c in v.changes]}
            for v in fidelity.variants
        ],
    }

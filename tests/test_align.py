"""The alignment engine: properties that must hold for any text, and passages a reader finds by eye."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from viewer.core.alignment.align import (
    Alignment,
    AlignSettings,
    Cancelled,
    Passage,
    align_texts,
)
from viewer.core.alignment.output import alignment_to_json
from viewer.core.loading.articles import bundled_seeds_dir, load_article

SEEDS = bundled_seeds_dir()
DATA = Path(__file__).parent / "data" / "align"

# Two vocabularies with no word (nor five-letter prefix) in common.
_LATIN = ["harbour", "whale", "lantern", "captain", "rigging", "compass", "tide", "anchor", "mast", "sailor",
          "the", "of", "and", "a", "to", "in", "was", "ocean", "storm", "deck", "voyage", "island", "pilot"]
_OTHER = ["quantum", "zebra", "violin", "meadow", "pixel", "tulip", "glacier", "nebula", "orchid", "falcon",
          "kettle", "velvet", "jigsaw", "cobalt", "marble", "saffron", "walnut", "yodel"]
_SEPARATORS = [" ", " ", " ", ", ", ". ", "\n\n", " \u201c", "\u201d ", " \u2014 ", " 😀 ", " e\u0301 "]


def _text(vocabulary: list[str], min_size: int = 1) -> st.SearchStrategy[str]:
    word = st.sampled_from(vocabulary)
    piece = st.tuples(word, st.sampled_from(_SEPARATORS)).map("".join)
    return st.lists(piece, min_size=min_size, max_size=80).map("".join)


def _article(text: str, name: str):
    from viewer.core.loading.articles import article_from_text

    return article_from_text(name, text)


def _check_offsets(a: str, b: str, alignment: Alignment) -> None:
    result = alignment_to_json(_article(a, "a.txt"), _article(b, "b.txt"), alignment)
    for item, passage in zip(result["passages"], alignment.passages, strict=True):
        assert 0 <= passage.a_start < passage.a_end <= len(a)
        assert 0 <= passage.b_start < passage.b_end <= len(b)
        assert item["a_text"] == a[passage.a_start : passage.a_end]
        assert item["b_text"] == b[passage.b_start : passage.b_end]
        assert 0.0 <= passage.score <= 1.0
    assert 0.0 <= alignment.similarity <= 1.0
    starts = [p.a_start for p in alignment.passages]
    assert starts == sorted(starts)


def _no_overlaps(spans: list[tuple[int, int]]) -> bool:
    spans = sorted(spans)
    return all(left[1] <= right[0] for left, right in zip(spans, spans[1:], strict=False))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_text(_LATIN), _text(_LATIN), st.data())
def test_offsets_in_bounds_slices_exact_and_mirrored(a, b, data):
    # Give the pair something to share most of the time: a slice of A inside B.
    if data.draw(st.booleans()):
        cut = data.draw(st.integers(0, len(a)))
        b = b[: len(b) // 2] + a[cut:] + b[len(b) // 2 :]
    forward = align_texts(a, b)
    backward = align_texts(b, a)
    _check_offsets(a, b, forward)
    _check_offsets(b, a, backward)
    mirrored = sorted((p.b_start, p.b_end, p.a_start, p.a_end, p.score) for p in backward.passages)
    assert sorted((p.a_start, p.a_end, p.b_start, p.b_end, p.score) for p in forward.passages) == mirrored
    assert forward.similarity == backward.similarity
    assert _no_overlaps([(p.a_start, p.a_end) for p in forward.passages])
    assert _no_overlaps([(p.b_start, p.b_end) for p in forward.passages])


@settings(max_examples=40, deadline=None)
@given(_text(_LATIN + _OTHER))
def test_text_against_itself_is_one_full_passage(text):
    alignment = align_texts(text, text)
    words = [w for w in text.split() if any(c.isalnum() for c in w)]
    if not words:
        assert alignment.passages == []
        return
    assert len(alignment.passages) == 1
    passage = alignment.passages[0]
    assert passage.a_start == passage.b_start and passage.a_end == passage.b_end
    assert text[: passage.a_start].strip(" ,.\n\u201c\u201d\u2014😀") == ""
    assert text[passage.a_end :].strip(" ,.\n\u201c\u201d\u2014😀") == ""
    assert passage.score == 1.0


@settings(max_examples=40, deadline=None)
@given(_text(_LATIN), _text(_OTHER))
def test_unrelated_texts_share_nothing(a, b):
    alignment = align_texts(a, b)
    assert alignment.passages == []
    assert alignment.similarity == 0.0


def _seed(prefix: str) -> str:
    return load_article(next(SEEDS.glob(f"{prefix}_*.txt"))).text


def _passage_with(alignment: Alignment, a: str, b: str, a_phrase: str, b_phrase: str) -> Passage | None:
    a_at, b_at = a.index(a_phrase), b.index(b_phrase)
    for p in alignment.passages:
        if p.a_start <= a_at < p.a_end and p.b_start <= b_at < p.b_end:
            return p
    return None


def test_seed_000_and_001_share_the_journal_du_dimanche_and_white_house_passages():
    a, b = _seed("000"), _seed("001")
    alignment = align_texts(a, b)
    # Found by eye: the same Journal du Dimanche quote and the White House read-out of the
    # Biden call (its two halves swapped in 001), each one passage.
    assert _passage_with(alignment, a, b, "clarification of the rules", "clarification of the rules")
    white_house = _passage_with(alignment, a, b, "diplomatic and deterrence", "diplomatic and deterrence")
    assert white_house is not None
    assert white_house.a_start <= a.index("sovereignty and territorial") < white_house.a_end
    assert white_house.b_start <= b.index("sovereignty and territorial") < white_house.b_end
    assert _passage_with(alignment, a, b, "contemporary traumas", "contemporary traumas")
    assert 0.1 < alignment.similarity < 0.5


def test_spun_seed_004_still_aligns_with_000():
    # 004 is machine-spun: "military" became "navy", "needed" became "it will want".
    a, b = _seed("000"), _seed("004")
    alignment = align_texts(a, b)
    assert _passage_with(alignment, a, b, "full-scale invasion", "full-scale invasion")


def test_spun_copy_of_a_paragraph_is_one_passage():
    source = (
        "The Kremlin continues to push for security guarantees that the US and NATO have called non-starters, "
        "and US officials said they still do not know whether the military will launch an attack, based on "
        "the latest intelligence estimates shared with allies on Monday."
    )
    spun = (
        "The Kremlin continues to push for safety ensures that the US and NATO have referred to as non-starters, "
        "and US officers stated they nonetheless do not know whether the navy will launch an assault, primarily "
        "based on the newest intelligence estimates shared with allies on Monday."
    )
    a = "Unrelated opening about harbour lanterns and whales.\n\n" + source + "\n\nA closing line on tulips."
    b = "Meadow pixels and violins first.\n\n" + spun + "\n\nThen glaciers."
    passages = align_texts(a, b).passages
    assert len(passages) == 1
    p = passages[0]
    assert a[p.a_start : p.a_end] == source
    assert b[p.b_start : p.b_end] == spun
    # Without the synonym table the spun words count as differences.
    plain = align_texts(a, b, AlignSettings(synonyms=False)).passages
    assert plain and plain[0].score < p.score


def test_reordered_paragraphs_give_crossing_passages():
    paragraphs = [
        "Officials in the harbour town said the new lighthouse would open in the spring after years of delay, "
        "and that the keepers' cottage beside it would become a small museum about the wrecks along the coast.",
        "Fishermen have long complained that the old lamp was too dim to guide boats through the winter storms, "
        "and several crews said they had stopped leaving port after dark once the autumn gales began to blow.",
        "The council approved the final budget on Tuesday, ending a dispute that had lasted almost a decade "
        "between the town, the county and the national agency that owns the rocks on which the tower stands.",
    ]
    a = "\n\n".join(paragraphs)
    b = "\n\n".join([paragraphs[2], paragraphs[0], paragraphs[1].replace("long", "often")])
    alignment = align_texts(a, b)
    _check_offsets(a, b, alignment)
    found = {a[p.a_start : p.a_end]: b[p.b_start : p.b_end] for p in alignment.passages}
    assert found.get(paragraphs[2]) == paragraphs[2]
    # 0 and 1 keep their order in B, so they may come out as one passage; 2 crosses them.
    covered_a = sum(p.a_end - p.a_start for p in alignment.passages)
    assert covered_a >= len(a) - 4
    assert any(p.b_start > q.b_start and p.a_start < q.a_start for p in alignment.passages for q in alignment.passages)


def test_emoji_and_combining_accents_before_a_passage_keep_offsets():
    shared = "the minister said the agreement would protect fishing rights for another twenty years"
    a = "Caf\u00e9 r\u00e9sum\u00e9 😀🇫🇷 na\u0131\u0308ve. " + shared + "."
    b = "e\u0301te\u0301 👩‍👩‍👧 \u201cquote\u201d. " + shared.replace("minister", "Minister") + "!"
    (passage,) = align_texts(a, b).passages
    assert a[passage.a_start : passage.a_end] == shared + "."
    assert b[passage.b_start : passage.b_end] == shared.replace("minister", "Minister") + "!"


def test_settings_change_what_counts():
    a = "The committee voted to approve the harbour plan on Friday evening after a long debate."
    b = "Elsewhere: the committee voted to approve the harbour plan, officials confirmed."
    assert align_texts(a, b).passages
    assert not align_texts(a, b, AlignSettings(min_words=20)).passages
    assert AlignSettings() == AlignSettings() and hash(AlignSettings()) == hash(AlignSettings())


def test_cancel_raises():
    text = _seed("001")
    with pytest.raises(Cancelled):
        align_texts(text, text + " more", cancelled=lambda: True)


def test_similarity_is_the_share_of_characters_inside_passages():
    a, b = _seed("002"), _seed("003")
    alignment = align_texts(a, b)
    inside = sum(p.a_end - p.a_start + p.b_end - p.b_start for p in alignment.passages)
    assert alignment.similarity == pytest.approx(inside / (len(a) + len(b)), abs=1e-5)


def test_sample_pair_verbatim_passage_inside_other_article():
    a = (DATA / "source.txt").read_text(encoding="utf-8")
    b = (DATA / "reuse.txt").read_text(encoding="utf-8")
    alignment = align_texts(a, b)
    _check_offsets(a, b, alignment)
    assert len(alignment.passages) == 2
    texts = sorted(b[p.b_start : p.b_end] for p in alignment.passages)
    assert all(len(t.split()) >= 15 for t in texts)


def test_reordered_paragraphs_with_other_text_between_stay_separate():
    # B holds four of A's paragraphs in another order, with unrelated paragraphs between.
    data = Path(__file__).parent / "data" / "pair"
    a = (data / "original.txt").read_text(encoding="utf-8")
    b = (data / "reordered_copy.txt").read_text(encoding="utf-8")
    alignment = align_texts(a, b)
    found = {a[p.a_start:p.a_end].split()[0] for p in alignment.passages}
    paragraphs = [p for p in a.split("\n\n")[1:] if p.strip()]
    moved = [paragraphs[i] for i in (0, 1, 3, 4)]
    assert len(alignment.passages) == 4
    for paragraph in moved:
        # Every moved paragraph is (mostly) inside exactly one passage on the A side.
        start = a.index(paragraph)
        holders = [p for p in alignment.passages if p.a_start < start + len(paragraph) and start < p.a_end]
        assert len(holders) == 1, paragraph[:40]
        covered = min(holders[0].a_end, start + len(paragraph)) - max(holders[0].a_start, start)
        assert covered >= 0.75 * len(paragraph)
    assert "unrelated" not in " ".join(b[p.b_start:p.b_end] for p in alignment.passages)
    # Verbatim paragraphs: no passage reaches into the next paragraph on either side.
    assert all(p.score == 1.0 for p in alignment.passages)
    assert all("\n" not in a[p.a_start:p.a_end].strip() for p in alignment.passages)
    assert found


def test_synonym_table_words_are_single_tokens_and_keep_test_vocabularies_apart():
    from viewer.core.text.normalize import tokenize
    from viewer.core.text.synonyms import _GROUPS, synonym_key

    assert len(_GROUPS) > 300  # the data file was read
    for group in _GROUPS:
        for word in group:
            assert tokenize(word).words == [word], word
    latin = {synonym_key(w)[:5] for w in _LATIN}
    assert not latin & {synonym_key(w)[:5] for w in _OTHER}


def test_inflected_forms_fold_to_their_group():
    from viewer.core.text.synonyms import synonym_key

    assert synonym_key("assisted") == synonym_key("helping") == synonym_key("help")
    assert synonym_key("supplies") == synonym_key("provide")
    assert synonym_key("halting") == synonym_key("stopped") == synonym_key("cease")
    assert synonym_key("harbour") == "harbour"  # unlisted words stay themselves
    assert synonym_key("used") == synonym_key("utilised")  # listed forms win over stripping
    assert synonym_key("bus") == "bus"  # stems shorter than three letters are not looked up


def test_thesaurus_spun_sentence_is_one_passage():
    source = (
        "The firm's bosses warned on Tuesday that annual profits would fall sharply, blaming a shortage "
        "of skilled workers and rising fuel costs across the industry in recent months."
    )
    spun = (
        "The company's managers cautioned on Tuesday that annual earnings would drop sharply, blaming a scarcity "
        "of skilled employees and mounting petrol expenses across the sector in latest months."
    )
    a = "Harbour lanterns and whales.\n\n" + source + "\n\nTulips at the end."
    b = "Violins and meadows.\n\n" + spun + "\n\nGlaciers at the end."
    passages = align_texts(a, b).passages
    assert len(passages) == 1
    assert a[passages[0].a_start : passages[0].a_end] == source
    assert b[passages[0].b_start : passages[0].b_end] == spun
    plain = align_texts(a, b, AlignSettings(synonyms=False)).passages
    assert not plain or plain[0].score < passages[0].score - 0.2

"""Quote fidelity: the reference occurrence of a cluster and each other occurrence's word changes."""

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import viewer.core.quotes.fidelity as fidelity_module
from viewer.cli import main
from viewer.core.loading.articles import bundled_seeds_dir, load_article
from viewer.core.quotes.clusters import find_and_cluster, quotes_report
from viewer.core.quotes.fidelity import ELLIPSIS, cluster_fidelity, compare, pick_reference, tokens
from viewer.core.quotes.finder import Quote
from viewer.core.tasks.child_process import run_in_child


def q(article: str, text: str, start: int = 0) -> Quote:
    return Quote(article, start, start + len(text), text, "speech", None)


def words(text: str) -> list[str]:
    return [t.form for t in tokens(text) if t.form != ELLIPSIS]


# -- the reference ------------------------------------------------------------------------


def test_reference_is_the_earliest_dated_then_the_longest():
    early = q("a", "short words here")
    later = q("b", "a much longer version of the short words here")
    undated = q("c", "the longest version of them all with many more of the short words here")
    dates = {"a": "2022-02-07", "b": "2022-02-08", "c": None}
    assert pick_reference([later, undated, early], dates) is early
    # Same day: the longest wins; undated ones only count when nothing is dated.
    same_day = {"a": "2022-02-07", "b": "2022-02-07", "c": None}
    assert pick_reference([early, later, undated], same_day) is later
    assert pick_reference([early, later, undated], {}) is undated


def test_reference_times_break_a_same_day_tie_only_when_all_have_one():
    a = q("a", "one two three")
    b = q("b", "one two three four five")
    assert pick_reference([a, b], {"a": "2022-02-07T08:00", "b": "2022-02-07T09:30"}) is a
    # A bare date and a date with a time on the same day tie: the longest wins.
    assert pick_reference([a, b], {"a": "2022-02-07T08:00", "b": "2022-02-07"}) is b
    assert pick_reference([a, b], {"a": "2022-02-08", "b": "2022-02-07T23:59"}) is b


def test_reference_of_no_quotes_is_an_error():
    with pytest.raises(ValueError):
        pick_reference([], {})


# -- changes --------------------------------------------------------------------------------

REF = "This must be done while respecting Russia and understanding the contemporary traumas of this great people"


def test_one_word_changed_inside_a_trimmed_stretch():
    ref = q("r", REF, start=100)
    occ = q("o", "respecting Russia and understanding the contemporary traumas of these great people", start=40)
    variant = compare(ref, occ)
    assert variant.altered
    (change,) = variant.changes
    assert (change.op, change.reference, change.text) == ("replace", "this", "these")
    # Offsets are absolute, in each article's text.
    assert (change.reference_start - 100, change.reference_end - 100) == (REF.rindex("this"), REF.rindex("this") + 4)
    assert occ.text[change.start - 40:change.end - 40] == "these"
    assert REF[variant.reference_start - 100:variant.reference_end - 100].startswith("respecting")


@pytest.mark.parametrize("text", [
    "respecting Russia and understanding",
    "RESPECTING russia, and understanding!",
    "\u201crespecting Russia\u201d and   understanding",
    "This must be done",
    "great people",
    "This must be done... the contemporary traumas",
    "while respecting Russia \u2026 great people",
    REF,
])
def test_trimmed_fragments_are_not_altered(text):
    variant = compare(q("r", REF), q("o", text))
    assert not variant.altered and variant.changes == () and variant.kept == 1.0
    assert variant.partial == (text != REF)


def test_case_punctuation_quote_marks_and_spaces_are_not_changes():
    ref = q("r", "We\u2019re ready, and we\u2019ll \u201cde-escalate\u201d now.")
    occ = q("o", "we're READY and we'll 'de\u2013escalate'   now")
    assert compare(ref, occ).changes == ()


def test_hyphenation_and_spacing_of_one_word_are_not_changes():
    ref = q("r", "the military build-up on the border")
    occ = q("o", "the military buildup on the border")
    variant = compare(ref, occ)
    assert not variant.altered and variant.changes == ()


def test_dropped_and_added_words_inside_the_stretch():
    ref = q("r", "we must protect our European brothers by proposing a new balance")
    dropped = compare(ref, q("o", "protect our brothers by proposing"))
    assert dropped.altered
    assert [(c.op, c.reference, c.text) for c in dropped.changes] == [("delete", "European", "")]
    added = compare(ref, q("o", "protect our dear European brothers"))
    assert [(c.op, c.reference, c.text) for c in added.changes] == [("insert", "", "dear")]
    assert added.altered


def test_words_beyond_the_reference_are_edges_not_alterations():
    ref = q("r", "ongoing diplomatic and deterrence efforts")
    longer = compare(ref, q("o", "discussed ongoing diplomatic and deterrence efforts in Europe"))
    assert not longer.altered and not longer.partial
    assert [(c.op, c.text, c.edge) for c in longer.changes] == [("insert", "discussed", True),
                                                                 ("insert", "in Europe", True)]
    assert longer.alterations == ()


def test_words_added_next_to_a_replaced_word_belong_to_that_change():
    ref = q("r", "with NATO and the EU")
    variant = compare(ref, q("o", "with NATO and the European Union"))
    assert [(c.op, c.reference, c.text, c.edge) for c in variant.changes] == [
        ("replace", "EU", "European Union", False)]


def test_a_dropped_word_at_the_end_is_a_delete_not_a_replacement():
    ref = q("r", "not Ukraine, but a clarification of the rules... with Nato and the EU")
    variant = compare(ref, q("o", "clarification of the rules... with NATO and EU"))
    assert [(c.op, c.reference) for c in variant.changes] == [("delete", "the")]


def test_a_reference_ellipsis_leaves_out_words_without_excusing_the_rest():
    ref = q("r", "not Ukraine, but a clarification of the rules... with Nato and the EU")
    filled = compare(ref, q("o", "not Ukraine, but a clarification of the rules of cohabitation with NATO and the EU"))
    assert not filled.altered
    translated = compare(ref, q("o", "The geopolitical objective of Russia today is clearly not Ukraine, but to "
                                     "clarify the rules of cohabitation with NATO and the European Union"))
    assert translated.altered
    ops = [(c.reference, c.text) for c in translated.alterations]
    assert ("EU", "European Union") in ops
    assert any("clarification" in r and "clarify" in t for r, t in ops)


def test_an_unrelated_wording_is_heavily_altered():
    ref = q("r", "political correctness")
    variant = compare(ref, q("o", "politically correct"))
    assert variant.altered and variant.kept == 0.0


def test_long_quotes_use_the_window_around_the_longest_shared_run(monkeypatch):
    body = " ".join(f"word{n}" for n in range(300))
    ref = q("r", "intro words " + body + " outro words")
    occ = q("o", body.replace("word150", "changed"))
    expected = compare(ref, occ)
    monkeypatch.setattr(fidelity_module, "MAX_CELLS", 50_000)
    windowed = compare(ref, occ)
    monkeypatch.setattr(fidelity_module, "MAX_CELLS", 100)
    matched = compare(ref, occ)
    for variant in (expected, windowed, matched):
        assert [(c.op, c.reference, c.text) for c in variant.changes] == [("replace", "word150", "changed")]


# -- properties -------------------------------------------------------------------------

VOCAB = ["the", "a", "of", "Russia", "peace", "balance", "new", "we", "must", "protect", "great", "people", "this"]
word_lists = st.lists(st.sampled_from(VOCAB), min_size=1, max_size=14)


def _render(forms: list[str], styles: list[int]) -> str:
    """Words written with assorted case, punctuation, quote marks and spacing."""
    out = []
    for word, style in zip(forms, styles, strict=False):
        word = (word.upper(), word.capitalize(), word, f"\u201c{word}\u201d", f"{word},", f"'{word}'.")[style % 6]
        out.append(word + ("  " if style % 4 == 0 else " "))
    return "".join(out).strip()


@settings(max_examples=150, deadline=None)
@given(word_lists, st.data())
def test_a_fragment_is_never_altered(ref_words, data):
    start = data.draw(st.integers(0, len(ref_words) - 1))
    end = data.draw(st.integers(start + 1, len(ref_words)))
    piece = ref_words[start:end]
    # Optionally an ellipsis in place of some inner words.
    if len(piece) > 2 and data.draw(st.booleans()):
        cut = data.draw(st.integers(1, len(piece) - 2))
        gap = data.draw(st.integers(0, len(piece) - 1 - cut))
        piece = piece[:cut] + ["..."] + piece[cut + gap:]
    styles = data.draw(st.lists(st.integers(0, 11), min_size=len(piece), max_size=len(piece)))
    ref = q("r", " ".join(ref_words))
    occ = q("o", _render(piece, styles).replace("\u201c...\u201d", "...").replace("'...'.", "..."))
    variant = compare(ref, occ)
    assert not variant.altered
    assert variant.changes == ()


def _rebuild(ref: Quote, occ: Quote, variant) -> list[str]:
    """The reference's stretch with the variant's changes applied (edges at either end)."""
    ref_tokens = [t for t in tokens(ref.text) if variant.reference_start <= ref.start + t.start
                  and ref.start + t.end <= variant.reference_end]
    inner = [c for c in variant.changes if not c.edge]
    first_word = tokens(occ.text)[0].start + occ.start
    leading = [c for c in variant.changes if c.edge and c.start == first_word]
    trailing = [c for c in variant.changes if c.edge and c not in leading]
    out = [w for c in leading for w in words(c.text)]
    for token in ref_tokens:
        at, end = ref.start + token.start, ref.start + token.end
        covering = next((c for c in inner if c.reference_start <= at and end <= c.reference_end
                         and c.reference_end > c.reference_start), None)
        if covering is None:
            out.append(token.form)
        elif covering.reference_start == at:
            out.extend(words(covering.text))
        out.extend(w for c in inner if c.op == "insert" and c.reference_start == end for w in words(c.text))
    out.extend(w for c in trailing for w in words(c.text))
    return out


edits = st.lists(st.tuples(st.sampled_from(["keep", "keep", "replace", "delete", "insert"]),
                           st.sampled_from(VOCAB + ["Ukraine", "balances"])), min_size=1, max_size=14)


@settings(max_examples=200, deadline=None)
@given(word_lists, edits, st.data())
def test_changes_applied_to_the_reference_give_the_occurrence(ref_words, script, data):
    start = data.draw(st.integers(0, len(ref_words) - 1))
    occ_words: list[str] = []
    position = start
    for op, word in script:
        if op == "insert":
            occ_words.append(word)
        elif position < len(ref_words):
            if op == "keep":
                occ_words.append(ref_words[position])
            elif op == "replace":
                occ_words.append(word)
            position += 1
    if data.draw(st.booleans()):
        occ_words = ["Moscow", *occ_words]
    if not occ_words:
        occ_words = ["Moscow"]
    ref = q("r", " ".join(ref_words), start=7)
    occ = q("o", "\u201c" + ", ".join(occ_words) + "\u201d", start=3)
    variant = compare(ref, occ)
    assert _rebuild(ref, occ, variant) == words(occ.text)
    # Altered exactly when something changed inside the stretch.
    assert variant.altered == bool(variant.alterations)
    for change in variant.changes:
        assert ref.text[change.reference_start - 7:change.reference_end - 7] == change.reference
        assert occ.text[change.start - 3:change.end - 3] == change.text


# -- clusters, seeds and the JSON ------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_findings():
    articles = [load_article(p) for p in sorted(bundled_seeds_dir().glob("*.txt"))]
    quotes, clusters = find_and_cluster([(a.path, a.text) for a in articles])
    return articles, clusters


def _cluster_with(clusters, fragment):
    return next(c for c in clusters if any(fragment in x.text for x in c.quotes))


def test_seed_contemporary_traumas_reports_these_for_this(seed_findings):
    articles, clusters = seed_findings
    dates = {a.path: a.date for a in articles}
    cluster = _cluster_with(clusters, "contemporary traumas")
    fidelity = cluster_fidelity(cluster.quotes, dates)
    assert "this great people" in fidelity.reference.text  # 001 is dated, 000 is not
    (variant,) = fidelity.variants
    assert variant.altered and fidelity.altered
    assert [(c.op, c.reference, c.text) for c in variant.changes] == [("replace", "this", "these")]


def test_seed_european_brothers_fragments_are_not_altered(seed_findings):
    articles, clusters = seed_findings
    dates = {a.path: a.date for a in articles}
    fidelity = cluster_fidelity(_cluster_with(clusters, "European brothers").quotes, dates)
    assert fidelity.reference.text.startswith("We must protect our European brothers")
    assert len(fidelity.variants) >= 3
    assert not fidelity.altered
    assert all(v.changes == () for v in fidelity.variants)


def test_seed_translations_are_altered_variants_of_one_cluster(seed_findings):
    articles, clusters = seed_findings
    dates = {a.path: a.date for a in articles}
    cluster = _cluster_with(clusters, "clearly not Ukraine")
    fidelity = cluster_fidelity(cluster.quotes, dates)
    translations = [v for v in fidelity.variants if "geopolitical" in v.quote.text]
    assert len(translations) == 2
    assert all(v.altered and v.kept < 0.9 for v in translations)


def test_quotes_json_carries_reference_and_variants(seed_findings):
    articles, _clusters = seed_findings
    report = quotes_report(articles)
    quotes = {x["id"]: x for x in report["quotes"]}
    texts = {a.path: a.text for a in articles}
    for cluster in report["clusters"]:
        assert cluster["reference"] in cluster["quotes"]
        variant_ids = [v["quote"] for v in cluster["variants"]]
        assert sorted(variant_ids + [cluster["reference"]]) == sorted(cluster["quotes"])
        reference = quotes[cluster["reference"]]
        for variant in cluster["variants"]:
            occurrence = quotes[variant["quote"]]
            assert variant["altered"] == any(not c.get("edge") for c in variant["changes"])
            for change in variant["changes"]:
                assert change["op"] in {"replace", "delete", "insert"}
                ref_text = texts[reference["article"]]
                assert ref_text[change["reference_start"]:change["reference_end"]] == change["reference"]
                assert texts[occurrence["article"]][change["start"]:change["end"]] == change["text"]


def test_quotes_command_json(capsys):
    seeds = sorted(str(p) for p in bundled_seeds_dir().glob("*.txt"))
    assert main(["quotes", *seeds, "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    traumas = next(c for c in report["clusters"] if "contemporary traumas" in c["label"])
    (variant,) = traumas["variants"]
    assert variant["altered"] is True
    assert [(c["op"], c["reference"], c["text"]) for c in variant["changes"]] == [("replace", "this", "these")]


def test_the_child_process_job_compares_too(seed_findings):
    articles, clusters = seed_findings
    dates = {a.path: a.date for a in articles}
    texts = [(a.path, a.text) for a in articles]
    quotes, found, fidelity = run_in_child("viewer.core.quotes.clusters:find_and_compare_job", texts, extra=dates)
    assert [c.quotes for c in found] == [c.quotes for c in clusters]
    for cluster in found:
        expected = cluster_fidelity(cluster.quotes, dates)
        got = fidelity[cluster.id]
        assert got == expected
        # The reference is one of the cluster's own quote objects (the window compares by identity).
        assert any(got.reference is q for q in cluster.quotes)


def test_quotes_command_summary_lists_the_alterations(capsys):
    seeds = sorted(str(p) for p in bundled_seeds_dir().glob("*.txt"))
    assert main(["quotes", *seeds]) == 0
    out = capsys.readouterr().out
    traumas = next(line for line in out.splitlines() if "contemporary traumas" in line)
    assert traumas.endswith("(2 articles, 1 altered)")
    assert "\u201cthis\u201d \u2192 \u201cthese\u201d" in out
    brothers = next(line for line in out.splitlines() if "European brothers" in line)
    assert "altered" not in brothers

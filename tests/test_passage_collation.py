"""One passage across many articles: its versions, earliest first, and their differences."""

import random

import pytest
from corpus_samples import _sentence, _vocabulary

from viewer.core.alignment.model import Passage
from viewer.core.corpus.collation import collate, collate_passage, map_through, stretch_in
from viewer.core.corpus.index import CorpusIndex
from viewer.core.loading.articles import Article

# A BBC paragraph (politics/001), as four outlets carry it.
PARAGRAPH = (
    "Maternity pay for new mothers is to rise by 1,400 pounds as part of new proposals announced by the Trade and "
    "Industry Secretary Patricia Hewitt. It would mean paid leave would be increased to nine months by 2007, Ms Hewitt "
    "told GMTV's Sunday programme. Other plans include letting maternity pay be given to fathers and extending rights "
    "to parents of older children."
)
EXTRA = (" The Tories dismissed the maternity pay plan as desperate, while the Liberal Democrats said it was "
         "misdirected.")
VERSIONS = [
    PARAGRAPH,
    PARAGRAPH.replace("nine months", "nine full months"),
    PARAGRAPH.replace("Sunday programme", "Sunday show").replace("older ", ""),
    PARAGRAPH + EXTRA,  # carries the paragraph inside a longer shared passage
]
DATES = ["2005-01-03", "2005-01-02", None, "2005-01-04"]


def _articles() -> list[Article]:
    rng = random.Random(3)
    vocabulary = _vocabulary(rng)
    found = []
    for number, (version, date) in enumerate(zip(VERSIONS, DATES, strict=True)):
        paragraphs = [" ".join(_sentence(rng, vocabulary) for _ in range(3)) for _ in range(4)]
        paragraphs.insert(number % 3 + 1, version)
        text = f"Story {number}\n\n" + "\n\n".join(paragraphs) + "\n"
        found.append(Article(path=f"/corpus/{number}.txt", text=text, title=f"Story {number}",
                             outlet=f"Outlet {number}", date=date))
    unrelated = "Other story\n\n" + " ".join(_sentence(rng, vocabulary) for _ in range(20)) + "\n"
    found.append(Article(path="/corpus/other.txt", text=unrelated, title="Other story"))
    return found


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    articles = _articles()
    result = CorpusIndex(tmp_path_factory.mktemp("index") / "corpus-index.sqlite3").build(articles)
    return articles, result


def test_every_carrier_is_collated_earliest_first(corpus):
    articles, result = corpus
    (passage,) = result.passages_between(0, 1)
    collation = collate_passage(articles[0], articles[1], passage, result, {a.path: a for a in articles})
    paths = [v.article.path for v in collation.versions]
    # Dated by date (02, 03, 04), the undated one last; the unrelated article is not there.
    assert paths == ["/corpus/1.txt", "/corpus/0.txt", "/corpus/3.txt", "/corpus/2.txt"]
    texts = {v.article.path: v.text for v in collation.versions}
    assert texts["/corpus/1.txt"] == VERSIONS[1]
    assert texts["/corpus/0.txt"] == PARAGRAPH
    assert texts["/corpus/2.txt"] == VERSIONS[2]
    # The fourth article shares a longer passage: only the paragraph's part is its version.
    assert texts["/corpus/3.txt"] == PARAGRAPH


def test_versions_differ_from_the_base_word_by_word(corpus):
    articles, result = corpus
    (passage,) = result.passages_between(0, 1)
    collation = collate_passage(articles[0], articles[1], passage, result, {a.path: a for a in articles})
    base = collation.base
    assert base.spans == () and base.kept_share(base) == 1.0
    by_path = {v.article.path: v for v in collation.versions}

    def changed(version):
        return [version.article.text[s:e].strip() for s, e in version.changed]

    def dropped(version):
        return [base.article.text[s:e].strip() for s, e in version.dropped]

    assert changed(by_path["/corpus/0.txt"]) == [] and dropped(by_path["/corpus/0.txt"]) == ["full"]
    undated = by_path["/corpus/2.txt"]
    assert changed(undated) == ["show"]
    assert dropped(undated) == ["full", "programme", "older"]
    assert 0.9 < undated.kept_share(base) < 1.0
    # The heat map: "full" was dropped by all three later versions, "programme" by one.
    heat = {base.article.text[s:e]: count for s, e, count in collation.variance if count}
    assert heat == {"full": 3, "programme": 1, "older": 1}


def test_without_an_index_the_pair_alone_is_collated():
    articles = _articles()
    a, b = articles[0], articles[1]
    start_a, start_b = a.text.index(PARAGRAPH), b.text.index(VERSIONS[1])
    passage = Passage(start_a, start_a + len(PARAGRAPH), start_b, start_b + len(VERSIONS[1]), 0.98)
    collation = collate_passage(a, b, passage)
    assert [v.article.path for v in collation.versions] == [b.path, a.path]


def test_undated_versions_keep_the_order_given():
    articles = [Article(path=f"/x/{n}", text=f"the same words here {n}", title=str(n)) for n in range(3)]
    collation = collate([(articles[2], 0, 19), (articles[0], 0, 19), (articles[1], 0, 19)])
    assert [v.article.path for v in collation.versions] == ["/x/2", "/x/0", "/x/1"]
    with pytest.raises(ValueError):
        collate([])


def test_map_through_maps_part_of_a_passage():
    source = "Intro. The quick brown fox jumps over the lazy dog today. Outro."
    target = "Start here. The quick red fox jumps over the lazy dog today! End."
    s0, t0 = source.index("The quick"), target.index("The quick")
    passage = Passage(s0, source.index(" Outro"), t0, target.index(" End"), 0.9)
    start = source.index("jumps")
    end = source.index(" the lazy")
    mapped = map_through(source, target, passage, start, end)
    assert mapped is not None and target[mapped[0]:mapped[1]] == "jumps over"
    whole = map_through(source, target, passage, s0, passage.a_end)
    assert target[whole[0]:whole[1]] == "The quick red fox jumps over the lazy dog today!"
    assert map_through(source, target, passage, 0, 5) is None  # outside the passage


def test_stretch_in_is_none_where_nothing_is_shared(corpus):
    articles, result = corpus
    texts = {a.path: a.text for a in articles}
    (passage,) = result.passages_between(0, 1)
    assert stretch_in(result, texts, 0, passage.a_start, passage.a_end, len(articles) - 1) is None


def test_versions_too_long_to_diff_are_listed_uncompared():
    articles = _articles()
    stretches = [(articles[0], 0, 200), (articles[1], 0, 300)]
    collation = collate(stretches, max_chars=250)
    later = collation.versions[1]
    assert not later.compared and later.spans == ()
    assert later.kept_share(collation.base) != later.kept_share(collation.base)  # NaN: not measured
    assert collate(stretches).versions[1].compared

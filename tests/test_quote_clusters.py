"""Shared quotes across articles, the seeds' clusters, and the ``quotes`` command."""

import json

import pytest

from viewer.cli import main
from viewer.core.loading.articles import bundled_seeds_dir, load_article
from viewer.core.quotes.clusters import cluster_quotes, quotes_report
from viewer.core.quotes.finder import Quote, find_quotes


def q(article: str, text: str, speaker: str | None = "Emmanuel Macron", kind: str = "speech") -> Quote:
    return Quote(article, 0, len(text), text, kind, speaker)


def test_identical_and_fragment_cluster_together():
    full = q("a", "We must protect our European brothers by proposing a new balance capable of preserving peace")
    fragment = q("b", "a new balance capable of preserving peace")
    other = q("c", "The weather in Moscow was cold and grey all week long", speaker="Someone Else")
    clusters = cluster_quotes([full, fragment, other])
    assert len(clusters) == 1
    assert {x.article for x in clusters[0].quotes} == {"a", "b"}
    assert clusters[0].speaker == "Emmanuel Macron" and clusters[0].id == "c1"


def test_translations_cluster():
    a = q("a", "Russia\u2019s geopolitical objective today is clearly not Ukraine, but the clarification of the "
               "rules of cohabitation with NATO and the European Union")
    b = q("b", "The geopolitical objective of Russia today is clearly not Ukraine, but to clarify the rules of "
               "cohabitation with NATO and the EU")
    c = q("c", "clarification of the rules... with NATO and EU", speaker=None)
    (cluster,) = cluster_quotes([a, b, c])
    assert len(cluster.quotes) == 3


def test_same_article_only_is_not_a_cluster():
    assert cluster_quotes([q("a", "any day now Russia could act"), q("a", "any day now Russia could act")]) == []


def test_unrelated_quotes_sharing_common_words_stay_apart():
    a = q("a", "dialogue with Russia and de-escalation.")
    b = q("b", "The intensity of the dialogue we have had with Russia and this visit to Moscow are likely "
               "to prevent a military operation. Then we will discuss the modalities of de-escalation")
    assert cluster_quotes([a, b]) == []


def test_two_word_fragments_need_agreeing_speakers():
    long = q("a", "We are in the window. Any day now, Russia could take military action", speaker="Jake Sullivan")
    short = q("b", "any day", speaker="Gordon Brown")
    assert cluster_quotes([long, short]) == []


def test_seed_clusters():
    seeds = bundled_seeds_dir()
    quotes = []
    for path in sorted(seeds.glob("*.txt")):
        quotes.extend(find_quotes(load_article(path).text, path.name))
    clusters = cluster_quotes(quotes)
    by_text = {c.label: c for c in clusters}

    def cluster_of(fragment: str) -> set[str]:
        for c in clusters:
            if any(fragment in x.text for x in c.quotes):
                return {x.article[:3] for x in c.quotes}
        return set()

    assert cluster_of("clearly not Ukraine") == {"000", "001", "002", "003"}
    assert cluster_of("ongoing diplomatic and deterrence") == {"000", "001", "002", "003"}
    assert cluster_of("Any day now") == {"000", "001"}
    assert len(by_text) == len(clusters)


def test_report_shape():
    seeds = bundled_seeds_dir()
    articles = [load_article(p) for p in sorted(seeds.glob("*.txt"))]
    report = quotes_report(articles)
    assert set(report) == {"articles", "quotes", "clusters"}
    ids = {x["id"] for x in report["quotes"]}
    texts = {a.path: a.text for a in articles}
    for x in report["quotes"]:
        assert texts[x["article"]][x["start"]:x["end"]] == x["text"]
        assert x["kind"] in ("speech", "scare")
    for c in report["clusters"]:
        assert c["id"].startswith("c") and set(c["quotes"]) <= ids
        assert len({next(x["article"] for x in report["quotes"] if x["id"] == i) for i in c["quotes"]}) >= 2


def test_cli_json(capsys):
    assert main(["quotes", str(bundled_seeds_dir()), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["quotes"][0]["id"] == "q1" and report["clusters"][0]["id"] == "c1"
    assert any(c["speaker"] == "Emmanuel Macron" for c in report["clusters"])


def test_cli_bad_file_exits_2_with_one_line(tmp_path, capsys):
    bad = tmp_path / "broken.txt"
    bad.write_bytes(b"\x00\x01\x02" * 100)
    assert main(["quotes", str(bad), "--json"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "broken.txt" in err[0]


@pytest.mark.skipif(not (bundled_seeds_dir().parent.parent / "shared" / "corpora" / "bbc").is_dir(),
                    reason="BBC corpus not available")
def test_hand_annotated_sample_scores():
    from benchmarks.eval_quotes import DATA, score  # noqa: PLC0415

    gold = json.loads((DATA / "bbc_annotations.json").read_text(encoding="utf-8"))
    result = score(gold, bundled_seeds_dir().parent.parent / "shared" / "corpora" / "bbc")
    assert result["f1"] >= 0.9 and result["speaker_accuracy"] >= 0.75

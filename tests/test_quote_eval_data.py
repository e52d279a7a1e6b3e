"""The hand-annotated web sets resolve to the stored article texts, and score without the shared corpora."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "quotes"


def _eval_module():
    spec = importlib.util.spec_from_file_location("eval_quotes", ROOT / "benchmarks" / "eval_quotes.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(("name", "articles"), [("web_dev", 49), ("web_test", 20), ("web_dev2", 32), ("web_dev3", 14),
                                                  ("web_test2", 15), ("web_dev4", 17), ("web_dev5", 18),
                                                  ("web_test3", 13), ("web_dev6", 1)])
def test_web_annotations_match_the_stored_texts(name, articles):
    gold = json.loads((DATA / f"{name}.json").read_text(encoding="utf-8"))
    assert len(gold) == articles
    for entry in gold:
        text = (DATA / entry["path"]).read_text(encoding="utf-8")
        for q in entry["quotes"]:
            assert text[q["start"]:q["end"]] == q["text"]
            assert q["kind"] in {"speech", "scare"}


def test_web_sources_resolve_to_the_stored_offsets():
    module = _eval_module()
    for name in ("web_dev", "web_test", "web_dev2", "web_dev3", "web_test2", "web_dev4", "web_dev5",
                 "web_test3", "web_dev6"):
        resolved = module.resolve(module.parse_source(DATA / f"{name}_src.txt"), DATA)
        stored = json.loads((DATA / f"{name}.json").read_text(encoding="utf-8"))
        assert resolved == stored


def test_web_sets_score_from_the_stored_texts():
    module = _eval_module()
    gold = json.loads((DATA / "web_dev.json").read_text(encoding="utf-8"))
    result = module.score(gold, DATA)
    assert result["gold_speech"] == 448
    assert result["f1"] >= 0.94
    assert result["speaker_accuracy"] >= 0.93


def test_web_test3_texts_are_what_the_app_extracts_from_a_stored_text():
    """The stored texts load back unchanged, so the offsets hold when the app reads them."""
    from viewer.core.loading.articles import load_article

    gold = json.loads((DATA / "web_test3.json").read_text(encoding="utf-8"))
    speech = [q for entry in gold for q in entry["quotes"] if q["kind"] == "speech"]
    assert len(speech) == 171
    for entry in gold:
        path = DATA / entry["path"]
        assert load_article(path).text == path.read_text(encoding="utf-8")


def test_the_held_out_web_test3_shares_no_page_with_any_other_set():
    module = _eval_module()
    test3 = {entry["path"] for entry in module.parse_source(DATA / "web_test3_src.txt")}
    for source in DATA.glob("*_src.txt"):
        if source.name != "web_test3_src.txt":
            assert not test3 & {entry["path"] for entry in module.parse_source(source)}, source.name


def test_a_quotes_first_words_never_resolve_to_the_texts_very_start():
    """A one-word quote that also opens the headline resolves to the quoted occurrence."""
    module = _eval_module()
    text = 'Dirty Den bows out\n\nMore than 14 million saw "Dirty" Den killed off.'
    assert module._find_quoted(text, "Dirty", 0) == text.index('"Dirty"') + 1

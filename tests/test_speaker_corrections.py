"""The user has the last word on speakers: corrections kept in the workspace (schema 2).

A correction belongs to a quotation occurrence (the article's resolved path, start, end),
whether or not it is tagged in a quote set; it wins over detection wherever the quote
shows, survives closing the file, is undoable, and follows the quote when its article
is edited.
"""

import shutil
import sqlite3
from pathlib import Path

import pytest

from viewer.core.loading.articles import load_article
from viewer.core.store.corrections import quote_location
from viewer.core.store.workspace import SCHEMA_VERSION, Workspace, new_occurrence

DATA = Path(__file__).parent / "data" / "workspace"
CRITICS = "We were not consulted, and the noise will be unbearable"
MAYOR = "Nobody gets everything they want, but the streets belong to everyone"


@pytest.fixture
def article_path(tmp_path):
    path = tmp_path / "article.txt"
    shutil.copy(DATA / "article.txt", path)
    return path


@pytest.fixture
def workspace(tmp_path):
    with Workspace.open(tmp_path / "ws.sqlite3") as ws:
        yield ws


def _span(path, quote):
    text = load_article(path).text
    start = text.index(quote)
    return start, start + len(quote)


def test_schema_is_version_2():
    assert SCHEMA_VERSION == 2


def test_a_version_1_workspace_is_migrated_and_keeps_everything(tmp_path):
    path = tmp_path / "old.sqlite3"
    shutil.copy(DATA / "schema-v1.sqlite3", path)
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == 1
        before = db.execute('SELECT id, start, "end", text, prefix, suffix, speaker, note FROM occurrence').fetchall()
    with Workspace.open(path) as ws:
        assert ws._db.execute("PRAGMA user_version").fetchone()[0] == 2
        [quote_set] = ws.sets()
        assert (quote_set.name, quote_set.tags) == ("Terraces", ("zurich",))
        items = ws.occurrences(quote_set.id)
        assert [(o.id, o.start, o.end, o.text, o.prefix, o.suffix, o.speaker, o.note) for o in items] == before
        # What a version 1 file knew: the speaker as tagged (detected), 32 characters of context.
        assert [o.speaker_source for o in items] == ["detected", "detected"]
        assert [o.detected_speaker for o in items] == [None, "Corine Mauch"]
        assert all(o.context_before == o.prefix and o.context_after == o.suffix for o in items)
        assert all(o.url is None for o in items)
        # And it takes corrections at once.
        edit = ws.correct_occurrence_speaker(items[0].id, "Residents' group")
        assert ws.get_occurrence(items[0].id).speaker == "Residents' group"
        ws.undo(edit)
        assert ws.get_occurrence(items[0].id).speaker is None
        ws.redo(edit)
    with Workspace.open(path) as ws:  # opened again: no second migration, the correction kept
        assert ws.get_occurrence(1).speaker == "Residents' group"
        assert ws.get_occurrence(1).speaker_source == "edited"


def test_correcting_a_tagged_quote_wins_over_detection_and_undoes(workspace, article_path):
    article = load_article(article_path)
    start, end = _span(article_path, MAYOR)
    quote_set = workspace.create_set(
        "S", occurrences=[new_occurrence(article, start, end, speaker="Kraus")]).result
    [occurrence] = workspace.occurrences(quote_set.id)
    assert (occurrence.speaker, occurrence.speaker_source) == ("Kraus", "detected")
    revision = workspace.revision

    edit = workspace.correct_occurrence_speaker(occurrence.id, "  Corine   Mauch ")
    corrected = workspace.get_occurrence(occurrence.id)
    assert (corrected.speaker, corrected.speaker_source, corrected.detected_speaker) == (
        "Corine Mauch", "edited", "Kraus")
    assert workspace.revision == revision + 1
    assert [c.speaker for c in workspace.speaker_corrections()] == ["Corine Mauch"]
    assert workspace.occurrences_in(article_path)[0].speaker == "Corine Mauch"

    workspace.undo(edit)
    assert workspace.get_occurrence(occurrence.id).speaker == "Kraus"
    assert workspace.get_occurrence(occurrence.id).speaker_source == "detected"
    assert workspace.speaker_corrections() == []
    workspace.redo(edit)
    assert workspace.get_occurrence(occurrence.id).speaker == "Corine Mauch"


def test_a_correction_can_say_nobody_is_named_and_going_back_to_detection_removes_it(workspace, article_path):
    article = load_article(article_path)
    start, end = _span(article_path, MAYOR)
    quote_set = workspace.create_set("S", occurrences=[new_occurrence(article, start, end, speaker="Kraus")]).result
    [occurrence] = workspace.occurrences(quote_set.id)
    workspace.correct_occurrence_speaker(occurrence.id, "")
    cleared = workspace.get_occurrence(occurrence.id)
    assert (cleared.speaker, cleared.speaker_source) == (None, "edited")
    edit = workspace.correct_occurrence_speaker(occurrence.id, "Kraus")  # the detected name again
    assert workspace.get_occurrence(occurrence.id).speaker_source == "detected"
    assert workspace.speaker_corrections() == []
    workspace.undo(edit)
    assert workspace.get_occurrence(occurrence.id).speaker_source == "edited"


def test_a_correction_made_before_tagging_applies_to_the_tagged_quote_in_every_set(workspace, article_path):
    article = load_article(article_path)
    start, end = _span(article_path, CRITICS)
    workspace.correct_speaker(quote_location(article, start, end), "Residents' group", detected=None)
    [correction] = workspace.speaker_corrections(article.path)
    assert (correction.article, correction.start, correction.end) == (str(article_path.resolve()), start, end)
    assert (correction.speaker, correction.detected) == ("Residents' group", None)
    assert correction.text == CRITICS
    first = workspace.create_set("A", occurrences=[new_occurrence(article, start, end)]).result
    second = workspace.create_set("B", occurrences=[new_occurrence(article, start, end, speaker="Kraus")]).result
    for set_id in (first.id, second.id):
        [occurrence] = workspace.occurrences(set_id)
        assert (occurrence.speaker, occurrence.speaker_source) == ("Residents' group", "edited")
    # A quote elsewhere in the same article is not affected.
    m_start, m_end = _span(article_path, MAYOR)
    workspace.add_occurrence(first.id, new_occurrence(article, m_start, m_end, speaker="Corine Mauch"))
    assert workspace.occurrences(first.id)[1].speaker_source == "detected"


def test_tagging_with_an_edited_speaker_is_one_undoable_edit(workspace, article_path):
    article = load_article(article_path)
    start, end = _span(article_path, CRITICS)
    item = new_occurrence(article, start, end, speaker="Kraus", edited_speaker="Residents' group")
    edit = workspace.create_set("S", occurrences=[item])
    [occurrence] = workspace.occurrences(edit.result.id)
    assert (occurrence.speaker, occurrence.detected_speaker, occurrence.speaker_source) == (
        "Residents' group", "Kraus", "edited")
    workspace.undo(edit)
    assert workspace.sets() == [] and workspace.speaker_corrections() == []
    workspace.redo(edit)
    assert workspace.occurrences()[0].speaker == "Residents' group"


def test_new_occurrences_keep_200_characters_of_context_and_the_url(workspace, article_path):
    article = load_article(article_path)
    article.url = "https://example.org/zurich-terraces"
    start, end = _span(article_path, MAYOR)
    quote_set = workspace.create_set("S", occurrences=[new_occurrence(article, start, end)]).result
    [occurrence] = workspace.occurrences(quote_set.id)
    assert occurrence.context_before == article.text[start - 200 : start]
    assert occurrence.context_after == article.text[end : end + 200]
    assert len(occurrence.prefix) == 32  # anchoring keeps its own, shorter context
    assert occurrence.url == "https://example.org/zurich-terraces"


def test_corrections_and_contexts_follow_an_edited_article(workspace, article_path):
    article = load_article(article_path)
    start, end = _span(article_path, CRITICS)
    quote_set = workspace.create_set("S", occurrences=[new_occurrence(article, start, end, speaker="Kraus")]).result
    [occurrence] = workspace.occurrences(quote_set.id)
    workspace.correct_occurrence_speaker(occurrence.id, "Residents' group")
    text = article_path.read_text(encoding="utf-8")
    text = text.replace("Critics were", "Update 🎉: minutes on Friday.\n\nCritics were")
    article_path.write_text(text, encoding="utf-8")
    report = workspace.reanchor()
    assert report.methods == {occurrence.id: "exact"}
    moved = workspace.get_occurrence(occurrence.id)
    current = load_article(article_path).text
    assert current[moved.start : moved.end] == CRITICS and moved.start > start
    assert (moved.speaker, moved.speaker_source) == ("Residents' group", "edited")
    [correction] = workspace.speaker_corrections()
    assert (correction.start, correction.end) == (moved.start, moved.end)
    assert moved.context_before == current[max(0, moved.start - 200) : moved.start]


def test_reanchoring_fills_the_longer_context_of_migrated_rows(tmp_path, article_path):
    path = tmp_path / "old.sqlite3"
    shutil.copy(DATA / "schema-v1.sqlite3", path)
    with sqlite3.connect(path) as db:
        db.execute("UPDATE occurrence SET article = ?", (str(article_path.resolve()),))
    with Workspace.open(path) as ws:
        assert len(ws.occurrences()[1].context_before) == 32
        ws.reanchor()
        text = load_article(article_path).text
        occurrence = ws.occurrences()[1]
        assert occurrence.context_before == text[max(0, occurrence.start - 200) : occurrence.start]
        assert occurrence.context_after == text[occurrence.end : occurrence.end + 200]


def test_undo_of_a_correction_refuses_when_another_window_changed_it(tmp_path, article_path):
    from viewer.core.store.workspace import WorkspaceConflict

    path = tmp_path / "ws.sqlite3"
    article = load_article(article_path)
    start, end = _span(article_path, CRITICS)
    with Workspace.open(path) as first, Workspace.open(path) as second:
        edit = first.correct_speaker(quote_location(article, start, end), "A", detected=None)
        second.correct_speaker(quote_location(article, start, end), "B", detected=None)
        with pytest.raises(WorkspaceConflict):
            first.undo(edit)
        assert [c.speaker for c in first.speaker_corrections()] == ["B"]


def test_one_speaker_for_several_quotes_is_one_edit(workspace, article_path):
    article = load_article(article_path)
    critics, mayor = _span(article_path, CRITICS), _span(article_path, MAYOR)
    quotes = [(quote_location(article, *critics), None), (quote_location(article, *mayor), "Corine Mauch")]
    edit = workspace.correct_speakers(quotes, "Corine Mauch")
    # The mayor's quote was detected right: no correction is kept for it.
    assert [(c.start, c.speaker) for c in workspace.speaker_corrections()] == [(critics[0], "Corine Mauch")]
    workspace.undo(edit)
    assert workspace.speaker_corrections() == []
    workspace.redo(edit)
    assert len(workspace.speaker_corrections()) == 1

"""The workspace store: schema, refusing foreign files, undo/redo, re-anchoring, other windows."""

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest

from viewer.core.loading.articles import load_article
from viewer.core.paths import default_workspace_path
from viewer.core.store.model import OffsetError, WorkspaceConflict, WorkspaceError, WorkspaceReadOnly
from viewer.core.store.schema import APPLICATION_ID, SCHEMA_VERSION
from viewer.core.store.workspace import Workspace, new_occurrence

DATA = Path(__file__).parent / "data" / "workspace"
CRITICS = "We were not consulted, and the noise will be unbearable"


@pytest.fixture
def article_path(tmp_path):
    path = tmp_path / "article.txt"
    shutil.copy(DATA / "article.txt", path)
    return path


@pytest.fixture
def workspace(tmp_path):
    with Workspace.open(tmp_path / "ws.sqlite3") as ws:
        yield ws


def _occurrence(path, quote, note=""):
    article = load_article(path)
    start = article.text.index(quote)
    return new_occurrence(article, start, start + len(quote), note=note)


def _digest(path):
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def test_new_workspace_has_schema_wal_and_foreign_keys(tmp_path):
    path = tmp_path / "ws.sqlite3"
    Workspace.open(path).close()
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    db.close()
    with Workspace.open(path) as ws:
        assert ws._db.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_default_workspace_lives_in_the_data_folder():
    with Workspace.open() as ws:
        assert ws.path == default_workspace_path()
    assert default_workspace_path().is_file()


def test_occurrence_keeps_article_offsets_text_and_context(workspace, article_path):
    item = _occurrence(article_path, CRITICS, note="first")
    quote_set = workspace.create_set("Terraces", tags=["zurich", "cafés"], occurrences=[item]).result
    [stored] = workspace.occurrences(quote_set.id)
    text = load_article(article_path).text
    assert stored.text == CRITICS == text[stored.start : stored.end]
    assert stored.prefix == text[stored.start - 32 : stored.start]
    assert stored.suffix == text[stored.end : stored.end + 32]
    assert stored.sha256 == hashlib.sha256(text.encode()).hexdigest()
    assert stored.article == str(article_path.resolve())
    assert stored.title.startswith("Café owners")
    assert (stored.note, stored.detached) == ("first", False)
    assert workspace.get_set(quote_set.id).tags == ("zurich", "cafés")


def test_bad_offsets_are_refused(article_path):
    article = load_article(article_path)
    for start, end in ((-1, 5), (5, 5), (7, 3), (0, len(article.text) + 1)):
        with pytest.raises(OffsetError, match="article.txt"):
            new_occurrence(article, start, end)


# -- refusing files that are not ours -------------------------------------------------


def _foreign_database(path):
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE contacts (name TEXT, phone TEXT)")
    db.execute("INSERT INTO contacts VALUES ('Ann', '123')")
    db.commit()
    db.close()


def _newer_workspace(path):
    Workspace.open(path).close()
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.commit()
    db.close()


def _random_bytes(path):
    path.write_bytes(bytes(range(256)) * 40)


def _damaged_workspace(path):
    Workspace.open(path).close()
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # keep the header, wreck the schema page
    path.write_bytes(bytes(data))


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (_random_bytes, "not an SQLite file"),
        (_foreign_database, "another application"),
        (_newer_workspace, "newer article-viewer"),
        (_damaged_workspace, "damaged"),
    ],
)
def test_foreign_or_damaged_files_are_refused_and_left_untouched(tmp_path, make, reason):
    path = tmp_path / "thing.db"
    make(path)
    before = _digest(path)
    with pytest.raises(WorkspaceError, match=reason) as caught:
        Workspace.open(path)
    assert str(path) in str(caught.value)
    assert _digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["thing.db"]


def test_missing_folder_is_refused(tmp_path):
    with pytest.raises(WorkspaceError, match="does not exist"):
        Workspace.open(tmp_path / "nowhere" / "ws.sqlite3")
    assert not (tmp_path / "nowhere").exists()


def test_empty_sqlite_file_becomes_a_workspace(tmp_path):
    path = tmp_path / "empty.db"
    path.touch()
    with Workspace.open(path) as ws:
        ws.create_set("A")
    with Workspace.open(path) as ws:
        assert [s.name for s in ws.sets()] == ["A"]


def test_old_schema_is_migrated(tmp_path):
    path = tmp_path / "v0.db"
    sqlite3.connect(path).close()  # a database at user_version 0, as before any schema
    with Workspace.open(path) as ws:
        assert ws._db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert ws.revision == 0


# -- undo / redo -----------------------------------------------------------------------


def _rows(ws):
    return [*ws.sets()], [*ws.occurrences()]


def test_delete_then_restore_an_occurrence_exactly(workspace, article_path):
    quote_set = workspace.create_set("S", occurrences=[_occurrence(article_path, CRITICS, "n")]).result
    [original] = workspace.occurrences(quote_set.id)
    edit = workspace.delete_occurrence(original.id)
    assert workspace.occurrences() == []
    workspace.undo(edit)
    assert workspace.occurrences() == [original]
    workspace.redo(edit)
    assert workspace.occurrences() == []


def test_rename_set_and_back(workspace):
    original = workspace.create_set("Old name", tags=["a"], note="n").result
    edit = workspace.rename_set(original.id, "New  name ")
    assert workspace.get_set(original.id).name == "New name"
    workspace.undo(edit)
    assert workspace.get_set(original.id) == original
    workspace.redo(edit)
    assert workspace.get_set(original.id).name == "New name"


def test_every_change_undoes_to_the_state_before(workspace, article_path):
    first = workspace.create_set("A", tags=["x"], occurrences=[_occurrence(article_path, CRITICS)]).result
    second = workspace.create_set("B", tags=["y"]).result
    victory = _occurrence(article_path, "This is a victory")
    steps = [
        lambda: workspace.add_occurrence(second.id, victory),
        lambda: workspace.update_set(first.id, colour="#123456", note="about terraces", tags=["x", "z"]),
        lambda: workspace.move_occurrence(workspace.occurrences(first.id)[0].id, second.id),
        lambda: workspace.update_occurrence(workspace.occurrences(second.id)[0].id, note="n", speaker="Kraus"),
        lambda: workspace.merge_sets(second.id, first.id),
        lambda: workspace.delete_set(first.id),
        lambda: workspace.create_set("C", occurrences=[victory]),
    ]
    states, edits = [_rows(workspace)], []
    for step in steps:
        edits.append(step())
        states.append(_rows(workspace))
    assert states[-2][0] == []  # everything deleted before "C" was made
    for edit, state in zip(reversed(edits), reversed(states[:-1]), strict=True):
        workspace.undo(edit)
        assert _rows(workspace) == state, edit.label
    for edit, state in zip(edits, states[1:], strict=True):
        workspace.redo(edit)
        assert _rows(workspace) == state, edit.label


def test_merge_unions_tags_and_moves_occurrences(workspace, article_path):
    a = workspace.create_set("A", tags=["x", "y"], occurrences=[_occurrence(article_path, CRITICS)]).result
    b = workspace.create_set("B", tags=["y", "z"], occurrences=[_occurrence(article_path, "Nobody gets")]).result
    workspace.merge_sets(a.id, b.id)
    assert [s.name for s in workspace.sets()] == ["B"]
    assert workspace.get_set(b.id).tags == ("y", "z", "x")
    assert len(workspace.occurrences(b.id)) == 2


def test_undo_refuses_when_another_window_changed_the_rows(tmp_path):
    path = tmp_path / "ws.sqlite3"
    with Workspace.open(path) as first, Workspace.open(path) as second:
        quote_set = first.create_set("A").result
        edit = first.rename_set(quote_set.id, "B")
        second.rename_set(quote_set.id, "C")
        with pytest.raises(WorkspaceConflict):
            first.undo(edit)
        assert first.get_set(quote_set.id).name == "C"


def test_duplicate_set_names_are_refused(workspace):
    workspace.create_set("A")
    with pytest.raises(ValueError, match="already exists"):
        workspace.create_set("A")
    other = workspace.create_set("B").result
    with pytest.raises(ValueError, match="already exists"):
        workspace.rename_set(other.id, "A")
    assert [s.name for s in workspace.sets()] == ["A", "B"]


def test_failed_change_leaves_nothing_behind(workspace, article_path):
    good = _occurrence(article_path, CRITICS)
    bad = good.__class__(**{**good.__dict__, "start": 10, "end": 4})  # violates the CHECK
    with pytest.raises(sqlite3.IntegrityError):
        workspace.create_set("A", occurrences=[good, bad])
    assert workspace.sets() == [] and workspace.occurrences() == []


# -- two windows -------------------------------------------------------------------------


def test_second_window_sees_the_first_windows_changes(tmp_path):
    path = tmp_path / "ws.sqlite3"
    with Workspace.open(path) as first, Workspace.open(path) as second:
        assert not second.changed_elsewhere()
        first.create_set("From the first window")
        assert second.changed_elsewhere()
        assert not second.changed_elsewhere()  # reported once
        assert [s.name for s in second.sets()] == ["From the first window"]
        second.create_set("From the second")
        assert not second.changed_elsewhere()  # its own change is not news to it
        assert first.changed_elsewhere()
        assert first.revision == second.revision == 2


def test_read_only_workspace_refuses_changes(tmp_path):
    path = tmp_path / "ws.sqlite3"
    with Workspace.open(path) as ws:
        ws.create_set("A")
    with Workspace.open(path, read_only=True) as ws:
        assert ws.read_only
        assert [s.name for s in ws.sets()] == ["A"]
        with pytest.raises(WorkspaceReadOnly):
            ws.create_set("B")


# -- re-anchoring --------------------------------------------------------------------------


def test_reanchor_follows_edits_and_keeps_detached_occurrences(workspace, article_path):
    items = [_occurrence(article_path, CRITICS), _occurrence(article_path, "Nobody gets everything they want")]
    quote_set = workspace.create_set("S", occurrences=items).result
    critics, mayor = workspace.occurrences(quote_set.id)
    text = article_path.read_text(encoding="utf-8")
    assert workspace.reanchor().methods == {critics.id: "unchanged", mayor.id: "unchanged"}

    # An inserted paragraph moves both quotes; the mayor's quote is also deleted.
    text = text.replace("Critics were", "Update 🎉: minutes on Friday.\n\nCritics were")
    text = text.replace('"Nobody gets everything they want, but the streets belong to everyone," she', "She")
    article_path.write_text(text, encoding="utf-8")
    report = workspace.reanchor()
    assert report.methods == {critics.id: "exact", mayor.id: "detached"}
    moved, detached = workspace.occurrences(quote_set.id)
    current = load_article(article_path).text
    assert current[moved.start : moved.end] == CRITICS and not moved.detached
    assert moved.sha256 == hashlib.sha256(current.encode()).hexdigest()
    assert detached.detached and detached.text == mayor.text and detached.start == mayor.start
    assert workspace.reanchor().methods == {critics.id: "unchanged", mayor.id: "detached"}


def test_reanchor_reports_a_missing_article_and_keeps_its_occurrences(workspace, article_path):
    workspace.create_set("S", occurrences=[_occurrence(article_path, CRITICS)])
    article_path.unlink()
    report = workspace.reanchor()
    assert list(report.missing) == [workspace.occurrences()[0].id]
    assert not workspace.occurrences()[0].detached


def test_store_and_commands_import_without_qt():
    import subprocess
    import sys

    code = (
        "import sys; sys.modules['PySide6'] = None\n"
        "import viewer.core.store.workspace, viewer.core.store.anchoring, viewer.core.store.csv_export\n"
        "import viewer.commands.tag, viewer.commands.export\n"
        "assert not any(m.startswith('PySide6.') for m in sys.modules)"
    )
    root = Path(__file__).resolve().parent.parent
    result = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr

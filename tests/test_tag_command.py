"""The ``tag add``, ``tag list --json`` and ``export`` commands, through the real dispatcher."""

import csv
import hashlib
import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from viewer.cli import main
from viewer.core.paths import default_workspace_path
from viewer.core.store.schema import SCHEMA_VERSION
from viewer.core.store.workspace import Workspace

DATA = Path(__file__).parent / "data" / "workspace"
CRITICS = "We were not consulted, and the noise will be unbearable"
MAYOR = "Nobody gets everything they want, but the streets belong to everyone"


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "article.txt"
    shutil.copy(DATA / "article.txt", path)
    return path


def _span(path, quote):
    text = path.read_text(encoding="utf-8")
    start = text.index(quote)
    return start, start + len(quote)


def _tag(db, article, quote, set_name="Terraces", *extra):
    start, end = _span(article, quote)
    return main(["tag", "add", "--db", str(db), "--set", set_name, "--article", str(article),
                 "--start", str(start), "--end", str(end), *extra])


def _list(db, capsys):
    capsys.readouterr()
    assert main(["tag", "list", "--db", str(db), "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def _one_line_error(capsys):
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    return err


def test_add_then_list(tmp_path, article, capsys):
    db = tmp_path / "ws.sqlite3"
    assert _tag(db, article, CRITICS, "Terraces", "--tags", "zurich, council", "--note", "from the residents") == 0
    assert _tag(db, article, MAYOR, "Terraces", "--tags", "mayor") == 0
    assert _tag(db, article, "This is a victory", "Business") == 0
    listing = _list(db, capsys)
    assert [s["name"] for s in listing["sets"]] == ["Terraces", "Business"]
    terraces = listing["sets"][0]
    assert terraces["tags"] == ["zurich", "council", "mayor"]
    first = terraces["occurrences"][0]
    assert (first["start"], first["end"]) == _span(article, CRITICS)
    assert first["text"] == CRITICS and first["note"] == "from the residents"
    assert first["article"] == str(article.resolve())
    assert first["title"].startswith("Café owners")
    assert first["sha256"] == hashlib.sha256(article.read_text(encoding="utf-8").encode()).hexdigest()
    assert len(first["prefix"]) == len(first["suffix"]) == 32
    assert first["detached"] is False and first["anchor"] == "unchanged"
    assert set(first) >= {"id", "outlet", "published", "speaker", "created", "modified"}


def test_list_reanchors_edited_articles_and_shows_detached_ones(tmp_path, article, capsys):
    db = tmp_path / "ws.sqlite3"
    _tag(db, article, CRITICS)
    _tag(db, article, MAYOR)
    text = article.read_text(encoding="utf-8")
    text = "Correction appended 🎉.\n" + text.replace(f'"{MAYOR}," she told reporters.', "")
    article.write_text(text, encoding="utf-8")
    critics, mayor = _list(db, capsys)["sets"][0]["occurrences"]
    assert critics["anchor"] == "exact" and not critics["detached"]
    assert text[critics["start"] : critics["end"]] == CRITICS
    assert mayor["anchor"] == "detached" and mayor["detached"] and mayor["text"] == MAYOR


@pytest.mark.parametrize("offsets", [("5", "5"), ("-1", "4"), ("10", "100000"), ("9", "3")])
def test_bad_offsets_exit_2_with_one_line(tmp_path, article, capsys, offsets):
    db = tmp_path / "ws.sqlite3"
    code = main(["tag", "add", "--db", str(db), "--set", "S", "--article", str(article),
                 "--start", offsets[0], "--end", offsets[1]])
    assert code == 2
    assert "article.txt" in _one_line_error(capsys)
    assert not db.exists()


def test_missing_article_exits_2(tmp_path, capsys):
    code = main(["tag", "add", "--db", str(tmp_path / "ws.db"), "--set", "S", "--article",
                 str(tmp_path / "gone.txt"), "--start", "0", "--end", "3"])
    assert code == 2 and "gone.txt" in _one_line_error(capsys)


def _newer(path):
    Workspace.open(path).close()
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    db.commit()
    db.close()


@pytest.mark.parametrize(
    "make",
    [
        lambda p: p.write_bytes(b"not a database at all\n" * 50),
        lambda p: sqlite3.connect(p).execute("CREATE TABLE other (x)").connection.commit(),
        _newer,
    ],
    ids=["text file", "other app", "newer schema"],
)
@pytest.mark.parametrize("command", ["add", "list", "export"])
def test_bad_db_exits_2_and_is_left_untouched(tmp_path, article, capsys, make, command):
    db = tmp_path / "thing.db"
    make(db)
    before = db.read_bytes()
    if command == "add":
        code = _tag(db, article, CRITICS)
    elif command == "list":
        code = main(["tag", "list", "--db", str(db), "--json"])
    else:
        code = main(["export", "--db", str(db), "--csv", str(tmp_path / "out.csv")])
    assert code == 2
    assert str(db) in _one_line_error(capsys)
    assert db.read_bytes() == before
    assert not (tmp_path / "out.csv").exists()


def test_db_in_missing_folder_exits_2(tmp_path, article, capsys):
    assert _tag(tmp_path / "no" / "ws.db", article, CRITICS) == 2
    assert "does not exist" in _one_line_error(capsys)


def test_default_db_is_in_the_data_folder(article, capsys):
    start, end = _span(article, CRITICS)
    assert main(["tag", "add", "--set", "S", "--article", str(article), "--start", str(start), "--end", str(end)]) == 0
    assert default_workspace_path().is_file()
    capsys.readouterr()
    assert main(["tag", "list", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["sets"][0]["occurrences"][0]["text"] == CRITICS


def test_export_selected_sets_to_file_and_stdout(tmp_path, article, capsys):
    db = tmp_path / "ws.sqlite3"
    _tag(db, article, CRITICS, "Residents", "--note", "=1+2")
    _tag(db, article, MAYOR, "Mayor")
    out = tmp_path / "sets.csv"
    assert main(["export", "--db", str(db), "--csv", str(out), "--set", "Mayor", "--bom"]) == 0
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [(r["quote_set"], r["text"]) for r in rows] == [("Mayor", MAYOR)]

    capsys.readouterr()
    assert main(["export", "--db", str(db), "--csv", "-"]) == 0
    rows = list(csv.DictReader(capsys.readouterr().out.splitlines()))
    assert [r["quote_set"] for r in rows] == ["Residents", "Mayor"]
    assert rows[0]["note"] == "'=1+2"
    assert main(["export", "--db", str(db), "--csv", "-", "--raw"]) == 0
    assert list(csv.DictReader(capsys.readouterr().out.splitlines()))[0]["note"] == "=1+2"


def test_export_unknown_set_exits_2(tmp_path, article, capsys):
    db = tmp_path / "ws.sqlite3"
    _tag(db, article, CRITICS)
    capsys.readouterr()
    assert main(["export", "--db", str(db), "--csv", "-", "--set", "Nope"]) == 2
    assert "Nope" in _one_line_error(capsys)


def test_export_into_missing_folder_exits_2(tmp_path, article, capsys):
    db = tmp_path / "ws.sqlite3"
    _tag(db, article, CRITICS)
    capsys.readouterr()
    assert main(["export", "--db", str(db), "--csv", str(tmp_path / "no" / "out.csv")]) == 2
    assert "out.csv" in _one_line_error(capsys)


def test_speaker_is_filled_from_the_quote_finder_when_it_knows(tmp_path, article, capsys):
    db = tmp_path / "ws.sqlite3"
    _tag(db, article, MAYOR, "S", "--json")
    capsys.readouterr()
    _tag(db, article, CRITICS, "S", "--speaker", "Residents' group")
    occurrences = _list(db, capsys)["sets"][0]["occurrences"]
    assert occurrences[1]["speaker"] == "Residents' group"
    # Whatever the finder says, a speaker, when given, is a name from the text.
    assert occurrences[0]["speaker"] is None or occurrences[0]["speaker"] in article.read_text(encoding="utf-8")

"""``tag add --speaker`` and the CSV columns after ``note``: speaker_source, url, context_before/after."""

import csv
import io
import json
import shutil
from pathlib import Path

import pytest

from viewer.cli import main
from viewer.core.store.csv_export import COLUMNS, SPEAKER_COLUMNS

DATA = Path(__file__).parent / "data" / "workspace"
CRITICS = "We were not consulted, and the noise will be unbearable"
MAYOR = "Nobody gets everything they want, but the streets belong to everyone"


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "article.txt"
    shutil.copy(DATA / "article.txt", path)
    return path


def _tag(db, article, quote, *extra):
    text = article.read_text(encoding="utf-8")
    start = text.index(quote)
    return main(["tag", "add", "--db", str(db), "--set", "Terraces", "--article", str(article),
                 "--start", str(start), "--end", str(start + len(quote)), *extra])


def _export(db, capsys, *extra):
    capsys.readouterr()
    assert main(["export", "--db", str(db), "--csv", "-", *extra]) == 0
    return list(csv.reader(io.StringIO(capsys.readouterr().out, newline="")))


def test_csv_has_the_new_columns_after_the_spec_ones_in_order():
    assert COLUMNS == ("quote_set", "tags", "article", "title", "source", "published", "start", "end",
                       "text", "speaker", "note")
    assert SPEAKER_COLUMNS == ("speaker_source", "url", "context_before", "context_after")


def test_tag_add_speaker_is_an_edit_and_exports_as_edited(tmp_path, article, capsys):
    db = tmp_path / "ws.sqlite3"
    assert _tag(db, article, MAYOR) == 0
    assert _tag(db, article, CRITICS, "--speaker", "=Residents' group") == 0
    capsys.readouterr()
    assert main(["tag", "list", "--db", str(db), "--json"]) == 0
    mayor, critics = json.loads(capsys.readouterr().out)["sets"][0]["occurrences"]
    assert mayor["speaker_source"] == "detected"
    assert mayor["speaker"] == mayor["detected_speaker"]
    assert (critics["speaker"], critics["speaker_source"]) == ("=Residents' group", "edited")
    assert critics["context_before"].endswith("Critics were less pleased. \"")
    assert critics["url"] is None

    header, *rows = _export(db, capsys)
    assert header[: len(COLUMNS) + len(SPEAKER_COLUMNS)] == [*COLUMNS, *SPEAKER_COLUMNS]
    records = [dict(zip(header, row, strict=True)) for row in rows]
    assert [r["speaker_source"] for r in records] == ["detected", "edited"]
    assert records[1]["speaker"] == "'=Residents' group"  # neutralised, as every cell
    text = article.read_text(encoding="utf-8")
    start, end = text.index(CRITICS), text.index(CRITICS) + len(CRITICS)
    assert records[1]["context_before"] == text[max(0, start - 200) : start]
    assert records[1]["context_after"] == text[end : end + 200]
    assert records[1]["url"] == ""


def test_a_leading_formula_in_context_is_neutralised(tmp_path, capsys):
    path = tmp_path / "formula.txt"
    path.write_text('=cmd "a quote here" said Someone', encoding="utf-8")
    db = tmp_path / "ws.sqlite3"
    text = path.read_text(encoding="utf-8")
    start = text.index("a quote here")
    assert main(["tag", "add", "--db", str(db), "--set", "S", "--article", str(path),
                 "--start", str(start), "--end", str(start + 12), "--speaker", "Someone"]) == 0
    header, row = _export(db, capsys)
    record = dict(zip(header, row, strict=True))
    assert record["context_before"] == "'=cmd \""
    assert record["speaker_source"] == "edited"
    header, row = _export(db, capsys, "--raw")
    assert dict(zip(header, row, strict=True))["context_before"] == '=cmd "'

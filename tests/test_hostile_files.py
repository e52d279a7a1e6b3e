"""Special files, damaged text and unprintable names (issue 15, parts 2-4).

Only regular files are read: FIFOs, devices and sockets are refused with one line when
they are opened, in every command and in re-anchoring. Damaged UTF-8 stays UTF-8 (flagged),
UTF-16 without a BOM is read, a vertical tab is a line break, and every message is one
line with control characters escaped.
"""

from __future__ import annotations

import os
import socket
import sqlite3
import stat

import pytest

from viewer.cli import main
from viewer.core.errors import escape_controls
from viewer.core.loading.articles import ArticleError, expand_paths, load_article, load_articles
from viewer.core.loading.decoding import decode
from viewer.core.store.workspace import Workspace, WorkspaceError, new_occurrence

QUOTED = 'The mayor said "we will rebuild the bridge" on Monday.\n'


def _one_error_line(capsys) -> str:
    err = capsys.readouterr().err
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert not any(ord(ch) < 0x20 or 0x7F <= ord(ch) < 0xA0 for ch in lines[0])
    return lines[0]


@pytest.fixture
def fifo(tmp_path):
    path = tmp_path / "pipe.txt"
    os.mkfifo(path)
    return path


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "quoted.txt"
    path.write_text(QUOTED)
    return path


# --- special files ------------------------------------------------------------------------

def test_a_fifo_is_refused_at_open_time(fifo):
    with pytest.raises(ArticleError, match=r"named pipe \(FIFO\), not a regular file"):
        load_article(fifo)
    result = load_articles([fifo])
    assert not result.articles and "named pipe" in result.problems[0].reason


def test_a_device_is_refused_without_being_read():
    with pytest.raises(ArticleError, match="character device, not a regular file"):
        load_article("/dev/zero")


def test_a_socket_is_refused(tmp_path):
    path = tmp_path / "s.txt"
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(path))
        with pytest.raises(ArticleError, match="socket, not a regular file"):
            load_article(path)
    finally:
        server.close()


def test_folders_list_only_regular_files(tmp_path, fifo, article):
    files, problems = expand_paths([tmp_path])
    assert files == [article] and not problems


@pytest.mark.parametrize("command", ["quotes", "align", "tag-add", "tag-list", "export-db", "export-csv"])
def test_every_command_refuses_a_fifo_in_one_line(tmp_path, fifo, article, capsys, command):
    db = tmp_path / "work.sqlite"
    argv = {
        "quotes": ["quotes", str(fifo)],
        "align": ["align", str(fifo), str(article)],
        "tag-add": ["tag", "add", "--db", str(db), "--set", "s", "--article", str(fifo), "--start", "0", "--end", "3"],
        "tag-list": ["tag", "list", "--db", str(fifo)],
        "export-db": ["export", "--db", str(fifo), "--csv", str(tmp_path / "out.csv")],
        "export-csv": ["export", "--db", str(db), "--csv", str(fifo)],
    }[command]
    if command == "export-csv":
        assert main(["tag", "add", "--db", str(db), "--set", "s", "--article", str(article), "--start", "16",
                     "--end", "42"]) == 0
        capsys.readouterr()
    assert main(argv) == 2
    line = _one_error_line(capsys)
    assert "named pipe" in line and str(fifo) in line
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)  # never replaced


def test_a_tagged_article_that_became_a_fifo_is_reported_missing(tmp_path, article):
    with Workspace.open(tmp_path / "w.sqlite") as workspace:
        text = article.read_text()
        start = text.index("we will")
        workspace.create_set("s", occurrences=[new_occurrence(load_article(article), start, start + 10)])
        article.unlink()
        os.mkfifo(article)
        report = workspace.reanchor()
        assert ["named pipe" in reason for reason in report.missing.values()] == [True]
        assert len(workspace.occurrences()) == 1  # kept, not dropped


# --- decoding ---------------------------------------------------------------------------------

def test_utf8_with_one_cp1252_byte_stays_utf8_and_is_flagged(tmp_path):
    path = tmp_path / "damaged.txt"
    path.write_bytes("Déjà vu in Zürich … said the mayor.\n".encode() * 3 + b"caf\xe9 ends here.\n")
    article = load_article(path)
    assert article.encoding == "utf-8"
    assert "Déjà vu in Zürich" in article.text and "Ã" not in article.text
    assert "caf\ufffd ends" in article.text
    assert "not valid UTF-8 in 1 damaged place" in article.note


def test_utf8_with_a_truncated_last_character_stays_utf8(tmp_path):
    path = tmp_path / "cut.txt"
    path.write_bytes(b"Plain words then a cut euro sign \xe2\x82")
    article = load_article(path)
    assert article.encoding == "utf-8" and article.text.endswith("sign \ufffd") and article.note


def test_real_cp1252_is_still_read_as_cp1252(tmp_path):
    path = tmp_path / "legacy.txt"
    path.write_bytes("Café déjà vu, naïve façade.\n".encode("cp1252"))
    article = load_article(path)
    assert article.encoding == "cp1252" and article.text.startswith("Café déjà vu") and not article.note


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_detected(tmp_path, codec):
    path = tmp_path / "wide.txt"
    path.write_bytes('Zürich: "we will rebuild", he said.\r\nSecond line.\r\n'.encode(codec))
    article = load_article(path)
    assert article.encoding == codec
    assert article.text == 'Zürich: "we will rebuild", he said.\nSecond line.\n'


def test_binary_with_nul_bytes_is_still_refused():
    with pytest.raises(ValueError, match="binary"):
        decode(bytes(range(256)) * 4)


def test_vertical_tab_is_a_line_break(tmp_path):
    path = tmp_path / "word.txt"
    path.write_bytes(b"First line\x0bSecond line said \"so\".\x0bThird.\n")
    article = load_article(path)
    assert article.text == 'First line\nSecond line said "so".\nThird.\n'


# --- messages -----------------------------------------------------------------------------------

def test_one_line_escapes_control_characters():
    hostile = "a\x1b]0;pwned\x07\x1b[2J\nb\rc\x9bd\u2028e"
    assert escape_controls(hostile) == "a\\x1b]0;pwned\\x07\\x1b[2J\\nb\\rc\\x9bd\\u2028e"


def test_a_file_name_with_escape_sequences_is_printed_escaped(tmp_path, capsys):
    name = tmp_path / "\x1b]0;pwned\x07\x1b[2J\nname.txt"
    assert main(["quotes", str(name)]) == 2
    line = _one_error_line(capsys)
    assert "\\x1b]0;pwned\\x07\\x1b[2J\\nname.txt" in line and "no such file" in line


def test_an_unreadable_folder_says_so(tmp_path, monkeypatch):
    folder = tmp_path / "locked"
    folder.mkdir()
    real_scandir = os.scandir

    def scandir(path="."):
        if os.fspath(path) == str(folder):
            raise PermissionError(13, "Permission denied", str(folder))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    files, problems = expand_paths([folder])
    assert not files and "cannot be read: Permission denied" in problems[0].reason


def test_a_path_behind_an_unenterable_folder_says_permission_denied(tmp_path, monkeypatch):
    target = tmp_path / "locked" / "a.txt"
    real_stat = os.stat

    def deny(path, *args, **kwargs):
        if os.fspath(path) == str(target):
            raise PermissionError(13, "Permission denied")
        return real_stat(path, *args, **kwargs)

    monkeypatch.setattr(os, "stat", deny)
    _files, problems = expand_paths([target])
    assert "permission denied" in problems[0].reason


def test_a_full_disk_is_reported_as_a_full_disk(tmp_path, article):
    with Workspace.open(tmp_path / "w.sqlite") as workspace:
        pages = workspace._db.execute("PRAGMA page_count").fetchone()[0]
        workspace._db.execute(f"PRAGMA max_page_count = {pages}")  # SQLite's own "disk is full"
        item = new_occurrence(load_article(article), 16, 42, note="x" * 20_000)
        with pytest.raises(WorkspaceError, match="the disk is full; nothing was changed"):
            workspace.create_set("s", occurrences=[item] * 5)
        assert workspace.sets() == []


def test_sqlite_errors_are_described_by_what_happened():
    from viewer.core.store.schema import describe_sqlite_error

    full = sqlite3.OperationalError("database or disk is full")
    full.sqlite_errorname = "SQLITE_FULL"
    assert describe_sqlite_error(full) == "the disk is full"

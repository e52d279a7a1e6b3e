"""CSV export: RFC 4180 round trip, formula neutralising, BOM, safe replacement."""

import csv
import io
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from viewer.core.loading.articles import article_from_text
from viewer.core.store import csv_export
from viewer.core.store.csv_export import COLUMNS, csv_rows, neutralise, write_csv
from viewer.core.store.workspace import Workspace, new_occurrence

# Cells a spreadsheet or a naive CSV reader gets wrong.
AWKWARD = [
    'He said: "No, never."\nThen, after a pause:\r\n"Maybe."',
    "=HYPERLINK(\"http://evil.example\",\"click\")",
    "commas, commas, commas",
    "emoji 🎉👩‍👩‍👧 and e\u0301 accents",
    "-1 is not a formula here",
    "+44 20 7946 0000",
    "@SUM(A1:A2)",
    "\tleading tab",
]


def _article_text():
    return "Headline\n\n" + "\n\n".join(f"Paragraph {i}: {cell} end." for i, cell in enumerate(AWKWARD))


@pytest.fixture
def workspace_with_awkward_quotes(tmp_path):
    text = _article_text()
    article = article_from_text(str(tmp_path / "awkward.txt"), text)
    (tmp_path / "awkward.txt").write_text(text, encoding="utf-8")
    items = []
    for cell in AWKWARD:
        start = text.index(cell)
        items.append(new_occurrence(article, start, start + len(cell), speaker="=cmd|' /C calc'!A0", note=cell))
    ws = Workspace.open(tmp_path / "ws.sqlite3")
    ws.create_set("=Set, \"quoted\"", tags=["one", "two words"], note="set note", occurrences=items)
    yield ws
    ws.close()


def _listing(ws):
    return [(s, ws.occurrences(s.id)) for s in ws.sets()]


def _read(path, encoding="utf-8"):
    with open(path, encoding=encoding, newline="") as handle:
        return list(csv.reader(handle))


def test_round_trip_keeps_exact_text_and_neutralises_formulas(tmp_path, workspace_with_awkward_quotes):
    out = tmp_path / "out.csv"
    write_csv(csv_rows(_listing(workspace_with_awkward_quotes)), out)
    header, *rows = _read(out)
    assert header[: len(COLUMNS)] == list(COLUMNS)
    assert len(rows) == len(AWKWARD)
    for row, cell in zip(rows, AWKWARD, strict=True):
        record = dict(zip(header, row, strict=True))
        expected = "'" + cell if cell[0] in "=+-@\t\r" else cell
        assert record["text"] == expected
        assert record["note"] == expected
        assert record["quote_set"] == "'=Set, \"quoted\""
        assert record["tags"] == "one;two words"
        assert record["speaker"] == "'=cmd|' /C calc'!A0"
        start, end = int(record["start"]), int(record["end"])
        assert _article_text()[start:end] == cell
    assert out.read_bytes().count(b"\r\n") >= len(AWKWARD) + 1  # RFC 4180 record separator


def test_raw_keeps_cells_exactly(tmp_path, workspace_with_awkward_quotes):
    out = tmp_path / "raw.csv"
    write_csv(csv_rows(_listing(workspace_with_awkward_quotes), raw=True), out)
    header, *rows = _read(out)
    assert [row[header.index("text")] for row in rows] == AWKWARD
    assert rows[0][header.index("quote_set")] == '=Set, "quoted"'


def test_bom_only_when_asked(tmp_path, workspace_with_awkward_quotes):
    rows = csv_rows(_listing(workspace_with_awkward_quotes))
    write_csv(rows, tmp_path / "bom.csv", bom=True)
    write_csv(rows, tmp_path / "plain.csv")
    assert (tmp_path / "bom.csv").read_bytes().startswith(b"\xef\xbb\xbfquote_set,")
    assert (tmp_path / "plain.csv").read_bytes().startswith(b"quote_set,")
    assert _read(tmp_path / "bom.csv", "utf-8-sig") == _read(tmp_path / "plain.csv")


@pytest.mark.parametrize("cell", ["=1+1", "+1", "-1", "@x", "\tx", "\rx"])
def test_neutralise_formula_starts(cell):
    assert neutralise(cell) == "'" + cell
    assert neutralise("a" + cell) == "a" + cell


def test_failed_export_keeps_the_earlier_file_and_leaves_no_temp(tmp_path, monkeypatch):
    out = tmp_path / "out.csv"
    out.write_text("earlier export\r\n", encoding="utf-8")

    def broken_fsync(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(csv_export.os, "fsync", broken_fsync)
    with pytest.raises(OSError, match="No space"):
        write_csv([["a"], ["b"]], out)
    assert out.read_bytes() == b"earlier export\r\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.csv"]


def test_export_replaces_an_earlier_file_with_ordinary_permissions(tmp_path):
    out = tmp_path / "out.csv"
    write_csv([["x"]], out)
    assert out.stat().st_mode & 0o777 == 0o666 & ~_umask()
    write_csv([["y"]], out)
    assert _read(out) == [["y"]]


def _umask():
    mask = os.umask(0)
    os.umask(mask)
    return mask


_ODS = {
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
}


def _paragraph_text(element) -> str:
    parts = [element.text or ""]
    for child in element:
        tag = child.tag.split("}")[1]
        if tag == "s":
            parts.append(" " * int(child.get(f"{{{_ODS['text']}}}c", "1")))
        elif tag == "tab":
            parts.append("\t")
        elif tag == "line-break":
            parts.append("\n")
        else:
            parts.append(_paragraph_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _ods_cells(path):
    """Rows of (text, is_formula) from the first sheet of an ODS file."""
    import xml.etree.ElementTree as ET
    import zipfile

    root = ET.fromstring(zipfile.ZipFile(path).read("content.xml"))
    table = root.find(".//table:table", _ODS)
    rows = []
    for row in table.iter(f"{{{_ODS['table']}}}table-row"):
        cells = []
        for cell in row.iter(f"{{{_ODS['table']}}}table-cell"):
            text = "\n".join(_paragraph_text(p) for p in cell.findall("text:p", _ODS))
            formula = cell.get(f"{{{_ODS['table']}}}formula") is not None
            cells.extend([(text, formula)] * int(cell.get(f"{{{_ODS['table']}}}number-columns-repeated", "1")))
        while cells and cells[-1] == ("", False):
            cells.pop()
        if cells:
            rows.append(cells)
    return rows


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_opens_the_export_with_every_cell_intact(tmp_path, workspace_with_awkward_quotes):
    """Headless LibreOffice imports the CSV as a user would (UTF-8, comma, standard columns)."""
    listing = _listing(workspace_with_awkward_quotes)
    write_csv(csv_rows(listing), tmp_path / "safe.csv", bom=True)
    write_csv(csv_rows(listing, raw=True), tmp_path / "raw.csv", bom=True)
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless", "--norestore",
         "--infilter=CSV:44,34,76,1", "--convert-to", "ods", "--outdir", str(tmp_path / "ods"),
         str(tmp_path / "safe.csv"), str(tmp_path / "raw.csv")],
        check=True, capture_output=True, timeout=300,
    )
    safe = _ods_cells(tmp_path / "ods" / "safe.ods")
    expected = [[cell.replace("\r\n", "\n") for cell in row] for row in _read(tmp_path / "safe.csv", "utf-8-sig")]
    # Calc drops empty cells at the end of a row; pad them back before comparing every cell.
    got = [[text for text, _ in row] + [""] * (len(want) - len(row)) for row, want in zip(safe, expected, strict=True)]
    assert got == expected
    assert all(not formula for row in safe for _, formula in row)
    texts = [row[COLUMNS.index("text")][0] for row in safe[1:]]
    assert texts == [("'" + c if c[0] in "=+-@\t" else c).replace("\r\n", "\n") for c in AWKWARD]
    # Without neutralising, Calc runs the cell: the check above is what keeps it text.
    raw = _ods_cells(tmp_path / "ods" / "raw.ods")
    hyperlink = raw[1 + 1][COLUMNS.index("text")]  # AWKWARD[1] is the =HYPERLINK cell
    assert hyperlink == ("click", True)


def test_csv_text_is_rfc4180():
    data = csv_export.csv_text([["a", 'b "c"', "d,e", "f\ng"]])
    assert data == 'a,"b ""c""","d,e","f\ng"\r\n'
    assert list(csv.reader(io.StringIO(data, newline=""))) == [["a", 'b "c"', "d,e", "f\ng"]]


def test_stdout_export_is_exact_bytes(capfdbinary):
    write_csv([["é", "x\ny"]], "-", bom=True)
    assert capfdbinary.readouterr().out == '\ufeffé,"x\ny"\r\n'.encode()


def test_data_folder_for_tests_is_present():
    assert (Path(__file__).parent / "data" / "workspace" / "article.txt").is_file()

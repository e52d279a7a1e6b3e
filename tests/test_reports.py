"""Evidence reports: pair and quote-set reports as self-contained HTML and as PDF."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import unicodedata
from html.parser import HTMLParser
from pathlib import Path

import pytest

from viewer.core.loading.articles import article_from_text, load_article
from viewer.core.reports.pair import build_pair_report, pair_report_html
from viewer.core.reports.quote_sets import contexts_for, quote_sets_report_html
from viewer.core.store.workspace import Workspace, new_occurrence

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
PROVENANCE = Path(__file__).parent / "data" / "provenance"


class _Cells(HTMLParser):
    """The text of every element with an ``id`` (``<br/>`` read back as a line break)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.cells: dict[str, str] = {}
        self.marks: dict[str, list[tuple[str, str]]] = {}  # id -> (class, text) of marked spans
        self._open: list[tuple[str, str | None]] = []  # (tag, id) of open elements
        self._span: list[str | None] = []

    def _current(self) -> str | None:
        return next((ident for _tag, ident in reversed(self._open) if ident), None)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "br":
            if self._current():
                self.cells[self._current()] += "\n"
            return
        if tag == "span":
            self._span.append(attrs.get("class"))
            if self._current() and attrs.get("class") in ("del", "ins"):
                self.marks.setdefault(self._current(), []).append((attrs["class"], ""))
        self._open.append((tag, attrs.get("id")))
        if attrs.get("id"):
            self.cells[attrs["id"]] = ""

    def handle_endtag(self, tag):
        if tag == "br":
            return
        if tag == "span" and self._span:
            self._span.pop()
        while self._open:
            if self._open.pop()[0] == tag:
                break

    def handle_data(self, data):
        ident = self._current()
        if ident:
            self.cells[ident] += data
            if self._span and self._span[-1] in ("del", "ins"):
                kind, text = self.marks[ident][-1]
                self.marks[ident][-1] = (kind, text + data)


def _cells(document: str) -> _Cells:
    parser = _Cells()
    parser.feed(document)
    return parser


@pytest.fixture(scope="module")
def seed_report():
    a, b = load_article(SEEDS[0]), load_article(SEEDS[1])
    report = build_pair_report(a, b)
    return report, pair_report_html(report)


def test_every_passage_appears_on_both_sides(seed_report):
    report, document = seed_report
    assert len(report.alignment.passages) >= 3
    cells = _cells(document).cells
    for number, passage in enumerate(report.alignment.passages, start=1):
        assert cells[f"passage-{number}-a"] == report.a.text[passage.a_start:passage.a_end]
        assert cells[f"passage-{number}-b"] == report.b.text[passage.b_start:passage.b_end]


def test_pair_report_names_the_articles_and_the_similarity(seed_report):
    report, document = seed_report
    text = html.unescape(re.sub(r"<[^>]+>", " ", document))
    for article in (report.a, report.b):
        assert article.title in text
        assert article.path in text
    assert "2022-02-07" in text and "no date found" in text  # 001 is dated, 000 is not
    assert f"Similarity {report.alignment.similarity:.0%}" in " ".join(text.split())
    assert "does not say which article came first" in text


def test_shared_quotations_show_the_changed_word(seed_report):
    report, document = seed_report
    parsed = _cells(document)
    traumas = [n for n, q in enumerate(report.quotes, start=1) if "contemporary traumas" in q.a.text]
    assert traumas, [q.a.text for q in report.quotes]
    number = traumas[0]
    marks = parsed.marks
    assert [text for _kind, text in marks[f"quote-{number}-a"]] == ["these"]
    assert [text for _kind, text in marks[f"quote-{number}-b"]] == ["this"]
    item = report.quotes[number - 1]
    assert item.altered
    # 001 is dated and 000 is not, so B's version is the reference, its changed word struck.
    assert item.reference_side == "B"
    assert [kind for kind, _text in marks[f"quote-{number}-b"]] == ["del"]
    assert "\u201cthese\u201d for \u201cthis\u201d" in item.verdict
    # A trimmed extract of the same words is not marked as altered.
    macron = [q for q in report.quotes if "European brothers" in q.b.text][0]
    assert not macron.altered and not macron.a_marks and not macron.b_marks and "shorter extract" in macron.verdict


def test_html_is_self_contained(seed_report):
    _report, document = seed_report
    assert document.startswith("<!DOCTYPE html>")
    lowered = document.lower()
    for loader in ("<script", "<link", "<img", "<iframe", "@import", "url(", "src="):
        assert loader not in lowered


def test_a_pair_that_shares_nothing_says_so():
    a = article_from_text("a.txt", "First headline\n\nNothing here is shared with the other one at all.")
    b = article_from_text("b.txt", "Second headline\n\nEntirely different words appear in this article.")
    document = pair_report_html(build_pair_report(a, b))
    assert "share no passage" in document and "share no quotation" in document


def test_offsets_in_the_report_are_code_points():
    shared = "The minister said the plan 🎉 would cut waiting lists for every hospital in the region by March."
    a = article_from_text("a.txt", "Héadline e\u0301 👩‍👩‍👧\n\nIntro text.\n\n" + shared)
    b = article_from_text("b.txt", "Other\n\n" + shared + "\n\nMore text.")
    report = build_pair_report(a, b)
    cells = _cells(pair_report_html(report)).cells
    passage = report.alignment.passages[0]
    assert cells["passage-1-a"] == a.text[passage.a_start:passage.a_end]
    assert "🎉" in cells["passage-1-a"]


# --- quote sets -------------------------------------------------------------------------


@pytest.fixture
def workspace(tmp_path):
    source = PROVENANCE / "wire.md"
    copy = tmp_path / "wire.md"
    shutil.copy(source, copy)
    article = load_article(copy)
    start = article.text.index("once in a while")
    other = load_article(PROVENANCE / "courier.md")
    other_start = other.text.index("once in a while")
    ws = Workspace.open(tmp_path / "ws.sqlite3")
    ws.create_set("Drink remark", tags=["scotland", "alcohol"], note="who quoted it first", occurrences=[
        new_occurrence(article, start, start + len("once in a while"), speaker="Jack McConnell", note="wire"),
        new_occurrence(other, other_start, other_start + len("once in a while")),
    ])
    ws.create_set("Empty set")
    yield ws, copy
    ws.close()


def test_quote_set_report_shows_every_occurrence_in_context(workspace):
    ws, _copy = workspace
    listing = [(s, ws.occurrences(s.id)) for s in ws.sets()]
    contexts = contexts_for(listing)
    document = quote_sets_report_html(listing, contexts, "ws.sqlite3")
    cells = _cells(document).cells
    for _quote_set, occurrences in listing:
        for occurrence in occurrences:
            shown = cells[f"occurrence-{occurrence.id}"]
            article = load_article(occurrence.article)
            around = article.text[max(0, occurrence.start - 60):occurrence.end + 60]
            assert around in shown
            assert contexts[occurrence.id].source == "article"
    assert "Drink remark" in document and "scotland, alcohol" in document and "who quoted it first" in document
    assert "Jack McConnell" in document and "2005-02-07" in document and "Daily Courier" in document
    assert "This set holds no occurrence." in document


def test_quote_set_report_marks_a_corrected_speaker(workspace):
    ws, _copy = workspace
    occurrence = ws.occurrences(ws.find_set("Drink remark").id)[1]
    ws.update_occurrence(occurrence.id, speaker="Jack McConnell")
    listing = [(s, ws.occurrences(s.id)) for s in ws.sets()]
    document = quote_sets_report_html(listing, contexts_for(listing))
    assert "Jack McConnell (corrected by hand)" in document


def test_quote_set_report_falls_back_to_the_stored_context(workspace):
    ws, copy = workspace
    copy.unlink()  # the article is gone: the report shows what was recorded with the quote
    listing = [(s, ws.occurrences(s.id)) for s in ws.sets()]
    contexts = contexts_for(listing)
    gone = [o for o in listing[0][1] if o.article == str(copy.resolve())][0]
    assert contexts[gone.id].source == "stored"
    document = quote_sets_report_html(listing, contexts)
    shown = _cells(document).cells[f"occurrence-{gone.id}"]
    assert gone.prefix + gone.text + gone.suffix in shown
    assert len(shown) > len(gone.prefix + gone.text + gone.suffix) + 100  # the 200 characters stored at tagging
    assert "Context as recorded with the quote" in document


# --- PDF --------------------------------------------------------------------------------


def _pdf_text(path: Path) -> str | None:
    if not shutil.which("pdftotext"):
        return None
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def test_pdf_report_renders(qapp, tmp_path, seed_report):
    from viewer.reports_pdf import html_to_pdf_bytes, pdf_page_count

    report, document = seed_report
    out = tmp_path / "pair.pdf"
    data, pages = html_to_pdf_bytes(document, "Evidence report")
    out.write_bytes(data)
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    assert pages == pdf_page_count(data) >= 2  # six passages and five quotations do not fit one A4 page
    if shutil.which("pdfinfo"):
        info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True).stdout
        assert re.search(rf"^Pages:\s+{pages}$", info, re.M)
    text = _pdf_text(out)
    if text is None:
        pytest.skip("pdftotext is not installed: the PDF's structure was checked, not its text")
    flat = " ".join(text.split())
    assert "Evidence report" in flat and "Passage 6 of 6" in flat
    # Each passage's opening words, on both sides (columns wrap: the first two words only).
    words_in_pdf = " ".join(re.findall(r"\w+", unicodedata.normalize("NFKC", text)))  # the fi ligature
    for passage in report.alignment.passages:
        for side, start, end in (("a", passage.a_start, passage.a_end), ("b", passage.b_start, passage.b_end)):
            words = re.findall(r"\w+", (report.a.text if side == "a" else report.b.text)[start:end])[:2]
            assert " ".join(words) in words_in_pdf, (side, words)


def test_report_command_writes_html_and_pdf(qapp, tmp_path, workspace, capsys):
    from viewer.cli import main

    out = tmp_path / "pair.html"
    assert main(["report", str(SEEDS[0]), str(SEEDS[1]), "--out", str(out)]) == 0
    assert "Shared passages" in out.read_text(encoding="utf-8")
    ws, _copy = workspace
    sets_pdf = tmp_path / "sets.pdf"
    assert main(["report", "--db", str(ws.path), "--set", "Drink remark", "--out", str(sets_pdf)]) == 0
    assert sets_pdf.read_bytes().startswith(b"%PDF-")
    assert "wrote" in capsys.readouterr().err


@pytest.mark.parametrize(("argv", "message"), [
    (["a.txt", "b.txt", "c.txt", "--out", "x.html"], "two articles"),
    (["--out", "x.docx"], ".html or .pdf"),
    (["--db", "{db}", "--set", "Nope", "--out", "{tmp}/x.html"], "no quote set named 'Nope'"),
    ([str(SEEDS[0]), str(SEEDS[1]), "--out", "{tmp}/no/such/folder/x.html"], "does not exist"),
])
def test_report_command_refuses_bad_input(tmp_path, workspace, capsys, argv, message):
    from viewer.cli import main

    ws, _copy = workspace
    argv = [arg.format(db=ws.path, tmp=tmp_path) for arg in argv]
    assert main(["report", *argv]) == 2
    error = capsys.readouterr().err
    assert message in error and "Traceback" not in error


def test_the_address_is_the_url_when_the_article_has_one():
    shared = "The minister said the plan would cut waiting lists for every hospital in the region by March."
    a = article_from_text("a.html", "First\n\n" + shared)
    b = article_from_text("b.txt", "Second\n\n" + shared)
    a.url = "https://news.example/a?x=1&y=2"  # web pages carry their address
    document = pair_report_html(build_pair_report(a, b))
    assert '<a href="https://news.example/a?x=1&amp;y=2">' in document
    assert "b.txt" in document  # no address: the path

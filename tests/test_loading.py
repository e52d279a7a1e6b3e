"""Reading articles: encodings, line ends, formats, metadata and bad input."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from viewer.core.loading.articles import (
    MAX_ARTICLE_BYTES,
    ArticleError,
    bundled_seeds_dir,
    expand_paths,
    load_article,
    load_articles,
)
from viewer.core.loading.decoding import NotTextError, decode_text

DATA = Path(__file__).parent / "data"
SHARED = Path(__file__).resolve().parents[2] / "shared"
TEXT = "Café “quoted” — naïve e\u0301 👍🏽 done.\nSecond line."


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    "encoded",
    [
        TEXT.encode("utf-8"),
        codecs.BOM_UTF8 + TEXT.encode("utf-8"),
        codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
        codecs.BOM_UTF32_LE + TEXT.encode("utf-32-le"),
    ],
    ids=["utf8", "utf8-bom", "utf16le-bom", "utf16be-bom", "utf32-bom"],
)
def test_unicode_encodings_decode_exactly(tmp_path, encoded):
    article = load_article(write(tmp_path, "a.txt", encoded))
    assert article.text == TEXT  # BOM dropped, emoji and combining accent kept as they are


def test_cp1252_smart_quotes_and_accents(tmp_path):
    text = "Macron said: \u201cIt\u2019s d\u00e9j\u00e0 vu\u201d \u2013 na\u00efve \u20ac5 \u2026 the end."
    article = load_article(write(tmp_path, "a.txt", text.encode("cp1252")))
    assert article.text == text
    assert article.encoding == "cp1252"


def test_latin1_bytes_undefined_in_cp1252(tmp_path):
    # 0x81 is undefined in cp1252; the text is latin-1 (the control char is dropped by nothing).
    data = "caf\u00e9 cr\u00e8me br\u00fbl\u00e9e".encode("latin-1")
    article = load_article(write(tmp_path, "a.txt", data))
    assert article.text == "caf\u00e9 cr\u00e8me br\u00fbl\u00e9e"


@pytest.mark.parametrize("newline", [b"\r\n", b"\r", b"\n"])
def test_line_ends_become_newlines(tmp_path, newline):
    article = load_article(write(tmp_path, "a.txt", newline.join([b"Title", b"", b"Body text here."])))
    assert article.text == "Title\n\nBody text here."


def test_mixed_line_ends(tmp_path):
    article = load_article(write(tmp_path, "a.txt", b"one\r\ntwo\rthree\nfour"))
    assert article.text == "one\ntwo\nthree\nfour"


def test_clough_samples_cp1252_with_crlf():
    for path in sorted((DATA / "encodings").glob("clough_*.txt")):
        article = load_article(path)
        assert "\r" not in article.text
        assert "\ufffd" not in article.text
        assert any(ch in article.text for ch in "\u2019\u201c\u201d\u2014")  # smart punctuation decoded
        assert article.encoding == "cp1252"


@pytest.mark.skipif(not (SHARED / "corpora" / "clough-stevenson").is_dir(), reason="shared corpora not present")
def test_every_clough_stevenson_file_loads():
    result = load_articles([SHARED / "corpora" / "clough-stevenson"])
    assert result.problems == []
    assert len(result.articles) >= 96
    for article in result.articles:
        assert "\r" not in article.text and "\ufffd" not in article.text


def test_markdown_is_rendered_with_title_and_styles(tmp_path):
    source = ("---\ndate: 2022-02-07\nsource: Example Post\n---\n"
              "# Big *news* today\n\nSome **bold** words.\n\n> quoted\n")
    article = load_article(write(tmp_path, "a.md", source.encode()))
    assert article.text == "Big news today\n\nSome bold words.\n\nquoted"
    assert article.title == "Big news today"
    assert article.date == "2022-02-07"
    assert article.outlet == "Example Post"
    styles = {(article.text[s:e], style) for s, e, style in article.styles}
    assert ("Big news today", "h1") in styles
    assert ("bold", "bold") in styles
    assert ("news", "italic") in styles


def test_html_is_reduced_to_what_a_reader_sees(tmp_path):
    html = """<!doctype html><html><head><title>Page title | Site</title>
    <meta property="og:site_name" content="The Daily Example">
    <meta property="article:published_time" content="2022-02-07T09:30:00Z">
    <style>p { color: red }</style><script>var hidden = "script text";</script></head>
    <body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
    <article><h1>Macron meets Putin</h1><p>First &amp; <b>bold</b> paragraph.</p>
    <p>Second<br>line 👍</p><ul><li>one</li><li>two</li></ul></article>
    <footer>Copyright footer</footer></body></html>"""
    article = load_article(write(tmp_path, "a.html", html.encode()))
    assert article.title == "Macron meets Putin"
    assert article.outlet == "The Daily Example"
    assert article.date == "2022-02-07"
    assert "script text" not in article.text and "color" not in article.text
    assert "Home" not in article.text and "Copyright" not in article.text
    assert article.text.startswith("Macron meets Putin\n\nFirst & bold paragraph.\n\nSecond\nline 👍")
    assert "\u2022 one\n\u2022 two" in article.text
    bold = [article.text[s:e] for s, e, style in article.styles if style == "bold"]
    assert bold == ["bold"]
    assert article.time == "09:30" and article.published == "2022-02-07T09:30"


def test_seed_metadata():
    articles = {a.name[:3]: a for a in load_articles([bundled_seeds_dir()]).articles}
    assert len(articles) == 5
    assert articles["000"].title.startswith("Macron Heads To Meet Putin in Russia")
    assert articles["001"].date == "2022-02-07"
    assert articles["001"].title.startswith("French president Emmanuel Macron is set to hold talks")
    assert articles["003"].outlet == "RT/Reuters"
    assert articles["002"].title == "Macron to meet Putin to try to defuse Ukrainian tensions | Ukraine-Russia crisis"
    assert all(a.words > 300 for a in articles.values())


def test_bundled_seeds_are_the_shared_seeds_byte_for_byte():
    seeds = sorted(bundled_seeds_dir().glob("*.txt"))
    assert [p.name for p in seeds] == [
        "000_58809129abae67b4.txt", "001_93bd544375469710.txt", "002_446af7bba89d6e33.txt",
        "003_65462875d1232ebb.txt", "004_6de5e90b01bdfb12.txt",
    ]
    if (SHARED / "seeds").is_dir():
        for path in seeds:
            assert path.read_bytes() == (SHARED / "seeds" / path.name).read_bytes()


# -- bad input -------------------------------------------------------------

def test_binary_file_is_refused(tmp_path):
    path = write(tmp_path, "photo.txt", bytes(range(256)) * 40)
    with pytest.raises(ArticleError, match="not a text file") as info:
        load_article(path)
    assert str(path) in str(info.value)


def test_png_bytes_are_refused():
    with pytest.raises(NotTextError):
        decode_text(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(100))


def test_empty_and_blank_files_are_refused(tmp_path):
    for name, data in (("empty.txt", b""), ("blank.txt", b"  \n\n \t")):
        with pytest.raises(ArticleError, match="empty"):
            load_article(write(tmp_path, name, data))


def test_missing_path_is_named(tmp_path):
    with pytest.raises(ArticleError, match="no such file") as info:
        load_article(tmp_path / "gone.txt")
    assert "gone.txt" in str(info.value)


def test_unreadable_file(tmp_path, monkeypatch):
    path = write(tmp_path, "secret.txt", b"text")

    def deny(*_args):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("viewer.core.files.os.open", deny)
    with pytest.raises(ArticleError, match="permission denied"):
        load_article(path)


def test_huge_file_is_refused_without_reading_it(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: 50 MB on paper, nothing on disk
    assert path.stat().st_size > MAX_ARTICLE_BYTES
    with pytest.raises(ArticleError, match="too large"):
        load_article(path)


def test_folder_expansion_is_recursive_sorted_and_filtered(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "a.txt").write_text("alpha text")
    (tmp_path / "b" / "c.md").write_text("# gamma")
    (tmp_path / "b" / "d.html").write_text("<p>delta</p>")
    (tmp_path / "b" / "e.pdf").write_bytes(b"%PDF")
    (tmp_path / ".hidden.txt").write_text("hidden")
    (tmp_path / "README.TXT").write_text("About this data set")
    files, problems = expand_paths([tmp_path])
    assert [p.relative_to(tmp_path).as_posix() for p in files] == ["a.txt", "b/c.md", "b/d.html"]
    assert problems == []
    # A README named on its own is still read: only folder expansion passes it over.
    assert expand_paths([tmp_path / "README.TXT"])[0] == [tmp_path / "README.TXT"]


def test_folder_without_articles_is_a_problem(tmp_path):
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    result = load_articles([tmp_path])
    assert result.articles == []
    assert len(result.problems) == 1 and "no .txt, .md or .html" in result.problems[0].reason


def test_load_articles_collects_problems_and_keeps_going(tmp_path):
    write(tmp_path, "good.txt", b"A good article with words.")
    write(tmp_path, "bad.txt", bytes(range(256)) * 10)
    write(tmp_path, "empty.txt", b"")
    result = load_articles([tmp_path, tmp_path / "missing.txt"])
    assert [a.name for a in result.articles] == ["good.txt"]
    reasons = sorted(Path(p.path).name for p in result.problems)
    assert reasons == ["bad.txt", "empty.txt", "missing.txt"]


def test_load_articles_can_be_cancelled(tmp_path):
    for i in range(5):
        write(tmp_path, f"{i}.txt", b"words words")
    seen = []
    result = load_articles([tmp_path], progress=lambda done, total: (seen.append(done), done < 2)[1])
    assert seen == [1, 2] and len(result.articles) == 2

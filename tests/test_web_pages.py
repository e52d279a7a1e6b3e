"""Saved web pages: the article without the page around it, metadata, fallbacks, MHTML, pasting."""

from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest

from viewer.core.errors import ArticleError
from viewer.core.loading import fetch, markup
from viewer.core.loading.articles import (
    SUMMARY_NOTE,
    WHOLE_PAGE_NOTE,
    article_from_bytes,
    expand_paths,
    load_article,
    load_articles,
)
from viewer.core.loading.html import decode_html, extract_page

WEB = Path(__file__).parent / "data" / "web"
STORY = ("<p>The harbour ferry went back into service on Thursday morning after eleven weeks in the shipyard, "
         "where its engines were replaced and its hull repainted by a crew of forty.</p>\n"
         "<p>Commuters who had been taking the long bus route around the bay were back on board for the first "
         "crossing at seven o'clock, and the operator said every sailing that day was full.</p>\n"
         "<p>The repairs cost the municipality just under four million crowns, slightly less than the budget "
         "agreed in the autumn, and the old engines will be sold for parts to a yard in the north.</p>\n")


def _check_offsets(article) -> None:
    for start, end, _style in article.styles:
        assert 0 <= start < end <= len(article.text)


# -- the three pages the hand-written reduction read as empty ---------------------------------

@pytest.mark.parametrize("name", ["aspnet_form.html", "doubled_head.html", "stray_endif.html"])
def test_broken_pages_that_used_to_come_back_empty(name):
    path = WEB / name
    assert markup.html_to_text(path.read_text()).text == ""  # what the old reduction made of them
    article = load_article(path)
    assert article.note is None  # the extractor found the article itself
    paragraphs = article.text.split("\n\n")
    assert len(paragraphs) >= 4 and all(len(p) > 60 for p in paragraphs[-4:])
    assert "All rights reserved" not in article.text and "Front page" not in article.text
    assert "Most read" not in article.text and "Politics" not in article.text
    assert "__VIEWSTATE" not in article.text
    _check_offsets(article)


def test_metadata_of_the_broken_pages():
    form = load_article(WEB / "aspnet_form.html")
    assert form.title == "Stock exchange liquidity rises sharply in three months"
    assert form.authors == ["Sara Karimi"]
    assert form.url == "https://news.example.org/en/news/50123"
    head = load_article(WEB / "doubled_head.html")
    assert (head.title, head.outlet) == ("Thieves take luxury goods from princess's Paris flat", "Beirut Observer")
    assert (head.date, head.time, head.published) == ("2020-11-09", "14:05", "2020-11-09T14:05")
    assert head.url == "https://observer.example.com/2020/11/09/paris-flat-theft/"
    endif = load_article(WEB / "stray_endif.html")
    assert (endif.outlet, endif.date, endif.time) == ("Coastal Courier", "2020-01-02", "10:21")
    assert endif.authors == ["Mette Jensen"]
    assert endif.title == "Harbour ferry returns after winter repairs"


# -- text contract --------------------------------------------------------------------------

def test_headings_and_paragraphs_stay_separate_with_styles():
    html = (f"<html><head><title>Ferry back</title></head><body><nav><a href='/'>Home</a></nav><article>"
            f"<h1>Ferry back in service</h1>{STORY}<h2>What it cost 👍🏽</h2>"
            f"<p>The <b>engines</b> alone cost two million crowns, the yard said in a statement on Friday "
            f"that also gave the cost of the hull work, and the caf\u00e9 on board reopened as well.</p>"
            f"</article><footer>Copyright</footer></body></html>")
    article = article_from_bytes("ferry.html", html.encode("utf-8"))
    assert "\n\nWhat it cost 👍🏽\n\nThe engines alone" in article.text
    styles = {(article.text[s:e], style) for s, e, style in article.styles}
    assert ("What it cost 👍🏽", "h2") in styles
    assert ("engines", "bold") in styles
    assert "Home" not in article.text and "Copyright" not in article.text
    _check_offsets(article)


def test_declared_legacy_charset_is_honoured():
    html = ('<html><head><meta charset="windows-1252"><title>Caf\u00e9</title></head><body><article>'
            + STORY.replace("crew", "\u201ccrew\u201d of caf\u00e9 workers, a") + "</article></body></html>")
    text, encoding = decode_html(html.encode("cp1252"))
    assert encoding == "cp1252" and "\u201ccrew\u201d of caf\u00e9" in text
    article = article_from_bytes("cafe.html", html.encode("cp1252"))
    assert "\u201ccrew\u201d of caf\u00e9 workers" in article.text


def test_address_from_a_browsers_saved_from_line():
    page = ("<!-- saved from url=(0031)https://example.org/ferry-news -->\n<html><body><article>"
            + STORY + "</article></body></html>")
    assert extract_page(page.encode()).url == "https://example.org/ferry-news"


# -- fallbacks -------------------------------------------------------------------------------

def test_no_article_found_falls_back_to_the_visible_text_and_says_so():
    page = ("<html><head><title>Opening times</title></head><body><nav><a href='/'>Home</a></nav>"
            "<div><span>Open daily</span><br><span>9 to 5</span></div><footer>Footer</footer></body></html>")
    article = article_from_bytes("times.html", page.encode())
    assert article.note == WHOLE_PAGE_NOTE
    assert "Open daily\n9 to 5" in article.text
    assert "Home" not in article.text  # navigation is still left out when there is other text


def test_page_with_only_navigation_keeps_it_rather_than_refusing():
    page = "<html><body><nav><a href='/a'>Archive</a> <a href='/b'>Contact</a></nav></body></html>"
    article = article_from_bytes("nav.html", page.encode())
    assert article.text == "Archive Contact"


def test_script_drawn_page_shows_its_title_and_description():
    page = ('<html><head><title>Lam should study Tsai</title><meta name="description" '
            'content="While both faced a hard year, one of them capitalised on it."></head>'
            '<body><div id="app"></div><script>render()</script></body></html>')
    article = article_from_bytes("app.html", page.encode())
    assert article.note == SUMMARY_NOTE
    assert article.text == "Lam should study Tsai\n\nWhile both faced a hard year, one of them capitalised on it."


@pytest.mark.parametrize("page", [
    "<html><head><script>var x = 1;</script></head><body></body></html>",
    '<html><head><meta name="robots" content="noindex"></head><body>\n</body></html>',
])
def test_page_with_no_text_at_all_is_refused(page):
    with pytest.raises(ArticleError, match="no readable text"):
        article_from_bytes("empty.html", page.encode())


# -- MHTML ----------------------------------------------------------------------------------

def test_mhtml_reads_the_quoted_printable_html_part():
    article = load_article(WEB / "saved_page.mhtml")
    assert article.kind == "mhtml"
    assert "\u201cdesigner\u201d bags" in article.text and "(\u20ac590,000)" in article.text
    assert article.url == "https://observer.example.com/2020/11/09/paris-flat-theft/"
    assert article.title == "Thieves take luxury goods from princess's Paris flat"
    assert "font-family" not in article.text  # the style sheet part is not the article


def test_mhtml_base64_part_and_folder_expansion(tmp_path):
    import base64
    html = f"<html><body><article><h1>Ferry</h1>{STORY}</article></body></html>".encode()
    body = base64.encodebytes(html).decode()
    message = ("MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"B\"\r\n\r\n--B\r\n"
               "Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n"
               f"Content-Location: https://example.org/ferry\r\n\r\n{body}\r\n--B--\r\n")
    (tmp_path / "ferry.mht").write_bytes(message.encode())
    (tmp_path / "notes.mhtml").write_bytes(b"just some words, no MIME at all")
    files, _ = expand_paths([tmp_path])
    assert sorted(p.name for p in files) == ["ferry.mht", "notes.mhtml"]
    result = load_articles([tmp_path])
    assert [a.name for a in result.articles] == ["ferry.mht"]
    assert "eleven weeks in the shipyard" in result.articles[0].text
    assert result.articles[0].url == "https://example.org/ferry"
    assert [Path(p.path).name for p in result.problems] == ["notes.mhtml"]
    assert "not a saved web page" in result.problems[0].reason


# -- a pure function, safe in a worker process -------------------------------------------------

def test_extraction_runs_in_a_spawned_worker_process():
    data = (WEB / "doubled_head.html").read_bytes()
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
        remote = pool.submit(article_from_bytes, "doubled_head.html", data).result()
    local = article_from_bytes("doubled_head.html", data)
    assert remote == local


# -- pasting -----------------------------------------------------------------------------------

def test_pasted_html_is_all_article_and_survives_as_a_file(tmp_path):
    selection = ("<h1>Ferry back</h1><p>Short <i>pasted</i> text about the ferry.</p>"
                 "<ul><li>one</li><li>two</li></ul>")
    path = fetch.save_pasted(selection, "Ferry back\nShort pasted text", tmp_path)
    assert path.parent == tmp_path and path.suffix == ".html"
    article = load_article(path)
    assert article.text == "Ferry back\n\nShort pasted text about the ferry.\n\n\u2022 one\n\u2022 two"
    assert article.title == "Ferry back" and article.note is None
    assert ("pasted", "italic") in {(article.text[s:e], st) for s, e, st in article.styles}


def test_pasted_plain_text_and_empty_clipboard(tmp_path):
    path = fetch.save_pasted(None, "Ferry returns\r\n\r\nThe ferry is back.", tmp_path)
    assert path.suffix == ".txt"
    assert load_article(path).text == "Ferry returns\n\nThe ferry is back."
    second = fetch.save_pasted(None, "Ferry returns\n\nAgain.", tmp_path)
    assert second != path  # never overwrites an earlier paste
    with pytest.raises(fetch.FetchError, match="no text"):
        fetch.save_pasted("   ", "  ", tmp_path)


def test_page_nested_deeper_than_the_html_parser_allows_is_still_read():
    # libxml2 drops everything below 256 levels; the article after such a block is still text.
    page = "<html><body>" + "<div>" * 1000 + "<p>Deep words.</p>" + "</div>" * 1000 + STORY + "</body></html>"
    article = article_from_bytes("deep.html", page.encode())
    assert "Deep words." in article.text and "eleven weeks in the shipyard" in article.text

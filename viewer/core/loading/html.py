"""Saved web pages: the article and nothing else, with its title, outlet, authors, date and address.

The article's text comes from trafilatura (boilerplate, menus, adverts and comments left out), its
publication date from htmldate (through trafilatura's metadata). When trafilatura finds no article
the page's whole visible text is kept instead, and :attr:`WebPage.whole_page` says so.

Everything here is a pure function of the page's bytes: safe to run in a worker process.
"""

from __future__ import annotations

import codecs
import contextlib
import json
import logging
import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from lxml import etree

from viewer.core.loading import markup
from viewer.core.loading.decoding import decode_text, normalise_newlines
from viewer.core.loading.render import render

# trafilatura logs every page it discards at WARNING: the app says so itself (whole_page).
# (It is imported on first use: it takes about half a second, which commands reading only
# text files need not pay.)
logging.getLogger("trafilatura").setLevel(logging.ERROR)
logging.getLogger("htmldate").setLevel(logging.ERROR)

# Chosen on the development half of the evaluation pages (benchmarks/eval_html.py): comments are
# not the article; tables often are (results, figures).
EXTRACTION_OPTIONS: dict[str, object] = {
    "include_comments": False,
    "include_tables": True,
    "favor_precision": False,
    "favor_recall": True,
}


@dataclass
class WebPage:
    """What a saved page holds for the article list; ``text``/``styles`` as the window shows them."""

    text: str
    styles: list[tuple[int, int, str]] = field(default_factory=list)
    title: str | None = None
    outlet: str | None = None
    authors: list[str] = field(default_factory=list)
    date: str | None = None  # YYYY-MM-DD
    time: str | None = None  # HH:MM, when the page gives the time of publication
    url: str | None = None
    encoding: str = "utf-8"
    whole_page: bool = False  # no article found: the text is the whole page's visible text
    summary_only: bool = False  # no text on the page at all: its title and description


# -- bytes to text ------------------------------------------------------------

_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)
# What browsers actually decode these labels as (the WHATWG encoding standard).
_BROWSER_ALIASES = {"iso-8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252", "us-ascii": "cp1252",
                    "ascii": "cp1252", "iso8859-1": "cp1252", "x-sjis": "shift_jis", "gb2312": "gb18030",
                    "gbk": "gb18030"}


def decode_html(data: bytes) -> tuple[str, str]:
    """A page's text: a byte-order mark, else valid UTF-8, else its declared charset, else detected."""
    if data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return decode_text(data)
    try:
        return normalise_newlines(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError:
        pass
    match = _META_CHARSET.search(data[:16384])
    if match:
        label = match.group(1).decode("ascii", "replace").lower()
        label = _BROWSER_ALIASES.get(label, label)
        try:
            return normalise_newlines(data.decode(label)), codecs.lookup(label).name
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_text(data)


# -- metadata -------------------------------------------------------------------

_TIME_KEYS = {
    "article:published_time", "og:published_time", "datepublished", "date", "pubdate", "publishdate",
    "dc.date", "dc.date.issued", "dcterms.created", "dcterms.issued", "sailthru.date", "parsely-pub-date",
    "publish-date", "article.published", "date.available",
}
_STAMP = re.compile(r"(\d{4}-\d\d-\d\d)[T ](\d\d:\d\d)")
_LD_PUBLISHED = re.compile(r'"datePublished"\s*:\s*"([^"]+)"')


def _published_stamps(tree: etree._Element) -> list[str]:
    """Date-time values the page gives for its publication, in the page's order of authority."""
    stamps: list[str] = []
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        if key in _TIME_KEYS and meta.get("content"):
            stamps.append(meta.get("content"))
    for script in tree.iter("script"):
        if (script.get("type") or "").lower() == "application/ld+json" and script.text:
            stamps.extend(_LD_PUBLISHED.findall(script.text))
    for element in tree.iter("time"):
        if element.get("datetime"):
            stamps.append(element.get("datetime"))
    return stamps


def time_of_publication(tree: etree._Element, date: str | None) -> str | None:
    """``HH:MM`` from the first date-time the page gives for ``date``, if it gives one."""
    if not date:
        return None
    for stamp in _published_stamps(tree):
        match = _STAMP.search(stamp)
        if match and match.group(1) == date:
            return match.group(2)
    return None


def split_authors(value: str | None) -> list[str]:
    authors: list[str] = []
    for name in re.split(r"\s*;\s*", value or ""):
        name = name.strip()
        if name and name.casefold() not in {a.casefold() for a in authors}:
            authors.append(name)
    return authors


_LD_HEADLINE = re.compile(r'"headline"\s*:\s*"((?:[^"\\]|\\.){3,300})"')
_TITLE_PARTS = re.compile(r"\s+(?:[|\u2013\u2014\u00b7\u00bb:_]|-{1,2}|::)\s+")


def _squash(text: str | None) -> str:
    return re.sub(r"\s+", " ", text or "").strip().casefold()


def _declared_titles(tree: etree._Element) -> list[str]:
    """Headlines the page declares for itself: schema.org headline, Open Graph and Twitter titles,
    and the longest part of its ``<title>`` (the rest is usually the site's name)."""
    found: list[str] = []
    for script in tree.iter("script"):
        if (script.get("type") or "").lower() == "application/ld+json" and script.text:
            match = _LD_HEADLINE.search(script.text)
            if match:
                with contextlib.suppress(ValueError):  # not a valid JSON string: not a headline
                    found.append(json.loads(f'"{match.group(1)}"'))
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or "").lower()
        if key in ("og:title", "twitter:title") and meta.get("content"):
            found.append(meta.get("content"))
    title = tree.find(".//title")
    if title is not None and title.text_content().strip():
        found.append(max(_TITLE_PARTS.split(title.text_content().strip()), key=len))
    return [re.sub(r"\s+", " ", text).strip() for text in found if text and text.strip()]


def choose_title(tree: etree._Element, found: str | None, headings: tuple[str, ...] = ()) -> str | None:
    """trafilatura's title, unless neither the article's headings nor the page's declarations
    mention it.

    trafilatura takes a lone ``<h1>`` for the headline; on some pages that is a section heading
    ("Information and Resources") or a banner, which no ``<title>`` or ``og:title`` repeats.
    """
    if found and _squash(found) in {_squash(heading) for heading in headings}:
        return found
    declared = _declared_titles(tree)
    if not declared or (found and any(_squash(found) in _squash(text) or _squash(text) in _squash(found)
                                      for text in declared)):
        return found
    return declared[0]


def _outlet(sitename: str | None, hostname: str | None) -> str | None:
    if sitename and not sitename.startswith(("http:", "https:")):
        return sitename.strip()
    if hostname:
        host = hostname.lower()
        return host[4:] if host.startswith("www.") else host
    return None


def _address(found: str | None, given: str | None) -> str | None:
    for candidate in (found, given):
        if candidate and urlsplit(candidate).scheme in ("http", "https") and urlsplit(candidate).netloc:
            return candidate
    return None


def _ld_json_safe(tree: etree._Element) -> None:
    """Drop JSON-LD blocks that are not JSON at all (some pages put HTML there)."""
    for script in list(tree.iter("script")):
        if (script.get("type") or "").lower() == "application/ld+json" and script.text:
            try:
                json.loads(script.text)
            except ValueError:
                script.text = ""


# -- the article ------------------------------------------------------------------

def parse_html(source: str) -> etree._Element | None:
    """The page as an lxml tree (tolerant of the broken markup real pages carry), or None."""
    from trafilatura.utils import load_html

    return load_html(source)


def visible_text(tree: etree._Element | None, furniture: bool = False) -> tuple[str, list[tuple[int, int, str]]]:
    """The text a reader sees on the page; navigation, side bars and page header/footer only with
    ``furniture`` (or when the page has nothing else)."""
    if tree is None:
        return "", []
    body = tree.find(".//body")
    root = body if body is not None else tree
    text, styles = render(root, page=True, furniture=furniture)
    if not text.strip() and not furniture:
        text, styles = render(root, page=True, furniture=True)
    return text, styles


def _is_baseline(body: etree._Element) -> bool:
    """trafilatura's last resort ("baseline"): text runs one per line in bare paragraphs.

    Its own extraction never leaves a newline inside a paragraph.
    """
    return all(child.tag == "p" and len(child) == 0 for child in body) and any(
        "\n" in (child.text or "") for child in body)


def _split_lines(body: etree._Element) -> etree._Element:
    """A baseline result with each of its lines a paragraph, as the window shows paragraphs."""
    split = etree.Element("body")
    for child in body:
        for line in (child.text or "").split("\n"):
            if line.strip():
                etree.SubElement(split, "p").text = line.strip()
    return split


# A baseline result holding this share of the page's visible text is the page, not an article.
PAGE_DUMP_SHARE = 0.8


_SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d+\)(\S+?)\s*-->", re.I)


def saved_from(source: str) -> str | None:
    """The address in a browser's ``<!-- saved from url=(0042)https://... -->`` line, if any."""
    match = _SAVED_FROM.search(source[:4096])
    return match.group(1) if match else None


def _is_pasted(tree: etree._Element) -> bool:
    return any(meta.get("name") == "article-viewer-source" and meta.get("content") == "clipboard"
               for meta in tree.iter("meta"))


def _pasted(tree: etree._Element, encoding: str) -> WebPage:
    """HTML a person pasted: all of it is the article, formatting kept."""
    text, styles = visible_text(tree, furniture=True)
    heading = next((text[s:e] for s, e, style in styles if style in ("h1", "h2")), None)
    return WebPage(text=text, styles=styles, title=heading, encoding=encoding)


def extract_page(data: bytes | str, url: str | None = None) -> WebPage:
    """The article in a saved page; ``url`` is where the page came from, when known."""
    if isinstance(data, bytes):
        source, encoding = decode_html(data)
    else:
        source, encoding = data, "utf-8"
    url = url or saved_from(source)
    tree = parse_html(source)
    if tree is None:
        return WebPage(text="", encoding=encoding, whole_page=True)
    if _is_pasted(tree):
        return _pasted(tree, encoding)
    _ld_json_safe(tree)
    import trafilatura
    from trafilatura.metadata import extract_metadata

    try:
        document = trafilatura.bare_extraction(tree, url=url, with_metadata=True, include_formatting=True,
                                               **EXTRACTION_OPTIONS)
    except (ValueError, TypeError, AttributeError, IndexError, KeyError, etree.LxmlError):
        document = None  # trafilatura gave up on this page: the visible text below
    body = document.body if document is not None else None
    if body is not None and _is_baseline(body):
        lines = _split_lines(body)
        page_length = len(visible_text(tree)[0])
        body = None if len("".join(lines.itertext())) >= PAGE_DUMP_SHARE * page_length else lines
    text, styles = render(body) if body is not None else ("", [])
    whole_page = not text.strip()
    if whole_page:
        text, styles = visible_text(tree)
        if not text.strip():
            # libxml2 stops at 256 levels of nesting; Python's own parser reads past it.
            reduced = markup.html_to_text(source)
            text, styles = reduced.text, reduced.spans
        if document is None:
            try:
                document = extract_metadata(tree, default_url=url)
            except (ValueError, TypeError, AttributeError, IndexError, KeyError, etree.LxmlError):
                document = None
    meta = document
    summary = False
    if not text.strip() and meta is not None:
        # Nothing visible (a page drawn by scripts): its headline and description, if it has them.
        parts = [(getattr(meta, "title", None) or "").strip(), (getattr(meta, "description", None) or "").strip()]
        text = "\n\n".join(part for part in dict.fromkeys(parts) if part)
        styles = [(0, len(parts[0]), "h1")] if parts[0] and text else []
        summary = bool(text)
    date = getattr(meta, "date", None)  # htmldate's, through trafilatura
    date = date[:10] if date and re.match(r"\d{4}-\d\d-\d\d", date) else None
    return WebPage(
        text=text, styles=styles,
        title=choose_title(tree, (getattr(meta, "title", None) or "").strip() or None,
                           tuple(text[s:e] for s, e, style in styles if style in ("h1", "h2"))),
        outlet=_outlet(getattr(meta, "sitename", None), getattr(meta, "hostname", None)),
        authors=split_authors(getattr(meta, "author", None)),
        date=date, time=time_of_publication(tree, date),
        url=_address(getattr(meta, "url", None), url),
        encoding=encoding, whole_page=whole_page and not summary, summary_only=summary,
    )

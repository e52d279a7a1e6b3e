"""An lxml tree reduced to the text a reader sees, with its formatting.

Two kinds of tree come here: trafilatura's extracted article (its own XML: ``p``, ``head``,
``list``/``item``, ``quote``, ``hi``, ``lb``, ``row``/``cell`` ...) and, when no article is found,
a whole HTML page. Paragraphs and headings are separated by a blank line, list items and table
rows by one newline; style spans ``(start, end, style)`` are code-point offsets into the text.
"""

from __future__ import annotations

import re

from lxml import etree

# Never shown to a reader.
SKIPPED = frozenset({
    "head", "title", "script", "style", "noscript", "template", "svg", "math", "iframe", "object",
    "embed", "canvas", "select", "option", "datalist", "button", "input", "textarea", "meta", "link",
    "audio", "video", "map", "picture", "source", "img", "graphic",
})
# Blocks: two newlines before and after (one for the "line" blocks).
_PARAGRAPHS = frozenset({
    "p", "div", "section", "article", "main", "header", "footer", "nav", "aside", "form", "fieldset",
    "blockquote", "quote", "pre", "code", "figure", "figcaption", "address", "details", "summary",
    "h1", "h2", "h3", "h4", "h5", "h6", "head", "table", "ul", "ol", "dl", "list", "hr", "center",
    "body", "html", "doc", "caption", "legend", "menu", "dialog",
})
_LINES = frozenset({"li", "item", "tr", "row", "dt", "dd", "option"})
_CELLS = frozenset({"td", "th", "cell"})
_BREAKS = frozenset({"br", "lb"})
_INLINE_STYLES = {
    "b": "bold", "strong": "bold", "i": "italic", "em": "italic", "cite": "italic", "q": "italic",
    "a": "link", "ref": "link", "code": "code", "tt": "code", "del": "strikeout", "s": "strikeout",
}
_HI_STYLES = {"#b": "bold", "#i": "italic", "#u": "underline", "#t": "code", "#sub": "sub", "#sup": "sup"}
_BLOCK_STYLES = {
    "h1": "h1", "h2": "h2", "h3": "h3", "h4": "h4", "h5": "h5", "h6": "h6", "blockquote": "blockquote",
    "quote": "blockquote", "pre": "code", "li": "listitem", "item": "listitem",
}
# Page furniture, left out of a whole page's text unless it sits inside the article.
_FURNITURE = frozenset({"nav", "aside", "menu", "dialog"})
_FURNITURE_OUTSIDE_ARTICLE = frozenset({"header", "footer"})
_FURNITURE_ROLES = frozenset({"navigation", "banner", "contentinfo", "complementary", "search", "dialog"})
_SPACES = re.compile(r"\s+")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)


def _style_of(element: etree._Element, tag: str) -> str | None:
    if tag == "head":  # trafilatura's heading: <head rend="h2"> (a page's <head> never gets here)
        rend = element.get("rend") or "h2"
        return rend if rend in _BLOCK_STYLES else "h2"
    if tag == "hi":
        return _HI_STYLES.get(element.get("rend") or "")
    if tag == "code" and element.getparent() is not None and element.getparent().tag in ("body", "doc", "main"):
        return "code"  # a code block in trafilatura's output
    return _BLOCK_STYLES.get(tag) or _INLINE_STYLES.get(tag)


def is_hidden(element: etree._Element) -> bool:
    """Hidden from a reader by the page itself (``hidden``, ``aria-hidden``, ``display: none``)."""
    return (element.get("hidden") is not None or element.get("aria-hidden") == "true"
            or bool(_HIDDEN_STYLE.search(element.get("style") or "")))


class _Writer:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.pending = 0  # newlines owed before the next visible text
        self.spans: list[tuple[int, int, str]] = []
        self.open: list[list] = []  # [start or None, style]
        self.pre = 0

    def _last(self) -> str:
        return self.parts[-1][-1] if self.parts else ""

    def _trim_spaces(self) -> None:
        while self.parts and self.parts[-1].endswith((" ", "\t")):
            kept = self.parts[-1].rstrip(" \t")
            self.length -= len(self.parts[-1]) - len(kept)
            if kept:
                self.parts[-1] = kept
            else:
                self.parts.pop()
        self.spans = [(s, min(e, self.length), st) for s, e, st in self.spans if min(e, self.length) > s]
        for entry in self.open:
            if entry[0] is not None and entry[0] >= self.length:
                entry[0] = None  # began on a space just trimmed: begins at the next text

    def brk(self, lines: int) -> None:
        self.pending = max(self.pending, lines)

    def emit(self, text: str) -> None:
        if not text:
            return
        if self.pending and self.length:
            self._trim_spaces()
            gap = "\n" * self.pending
            self.parts.append(gap)
            self.length += len(gap)
        self.pending = 0
        for entry in self.open:
            if entry[0] is None:
                entry[0] = self.length
        self.parts.append(text)
        self.length += len(text)

    def data(self, text: str | None) -> None:
        if not text:
            return
        if self.pre:
            self.emit(text)
            return
        text = _SPACES.sub(" ", text)
        if not text.strip():
            if self.length and not self.pending and self._last() not in (" ", "\n", "\t", ""):
                self.emit(" ")
            return
        if self.pending or self._last() in ("\n", "", "\t"):
            text = text.lstrip()
        elif self._last() == " ":
            text = text.lstrip(" ")
        self.emit(text)

    def line_break(self) -> None:
        if self.length and not self.pending:
            self._trim_spaces()
            self.parts.append("\n")
            self.length += 1

    def push(self, style: str) -> None:
        self.open.append([None, style])

    def pop(self) -> None:
        start, style = self.open.pop()
        if start is not None and self.length > start:
            self.spans.append((start, self.length, style))

    def result(self) -> tuple[str, list[tuple[int, int, str]]]:
        self._trim_spaces()
        text = "".join(self.parts)
        stripped = text.rstrip()
        spans = sorted((s, min(e, len(stripped)), st) for s, e, st in self.spans if min(e, len(stripped)) > s)
        return stripped, spans


def _is_furniture(element: etree._Element, tag: str, in_article: bool) -> bool:
    return (tag in _FURNITURE or (tag in _FURNITURE_OUTSIDE_ARTICLE and not in_article)
            or (element.get("role") or "").lower() in _FURNITURE_ROLES)


def _walk(element: etree._Element, writer: _Writer, page: bool, furniture: bool = True,
          in_article: bool = False) -> None:
    tag = element.tag if isinstance(element.tag, str) else None
    if tag is not None:
        tag = tag.lower()
        if (tag in SKIPPED and (page or tag != "head")) or (page and is_hidden(element)) or (
                not furniture and _is_furniture(element, tag, in_article)):
            writer.data(element.tail)
            return
        in_article = in_article or tag in ("article", "main")
        if tag in _BREAKS:
            writer.line_break()
            writer.data(element.tail)
            return
        lines = 2 if tag in _PARAGRAPHS else 1 if tag in _LINES else 0
        if tag == "code" and not page and element.getparent() is not None and element.getparent().tag != "body":
            lines = 0  # inline code inside a paragraph
        if lines:
            writer.brk(lines)
        if tag in _CELLS and writer._last() not in ("", "\n") and not writer.pending:
            writer.emit("\t")
        style = _style_of(element, tag)
        if style:
            writer.push(style)
        if tag in ("li", "item"):
            writer.emit("\u2022 ")
        is_pre = tag == "pre" or (lines and tag == "code")
        writer.pre += is_pre
        writer.data(element.text)
        for child in element:
            _walk(child, writer, page, furniture, in_article)
        writer.pre -= is_pre
        if style:
            writer.pop()
        if lines:
            writer.brk(lines)
    writer.data(element.tail)


def render(root: etree._Element | None, page: bool = False,
           furniture: bool = True) -> tuple[str, list[tuple[int, int, str]]]:
    """Text and style spans of ``root``.

    ``page`` for a whole HTML page (honours hidden elements); ``furniture=False`` leaves out
    navigation, side bars, and headers and footers outside the article.
    """
    writer = _Writer()
    if root is not None:
        tail, root.tail = root.tail, None
        try:
            _walk(root, writer, page, furniture)
        finally:
            root.tail = tail
    return writer.result()

"""HTML and Markdown reduced to the text a reader sees, with its formatting.

The plain text is the article's text (all offsets point into it); the style
spans let the window show headings, emphasis and quotes formatted without
changing a single offset.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

import markdown as markdown_lib

# Elements whose content a reader never sees as article text.
_HIDDEN = {
    "script", "style", "noscript", "template", "nav", "aside", "form", "svg",
    "iframe", "button", "select", "textarea", "object", "embed", "canvas", "head",
    "menu", "dialog",
}
# Page furniture: hidden unless it sits inside the article itself.
_FURNITURE = {"header", "footer"}
_VOID = {"br", "img", "hr", "meta", "link", "input", "source", "wbr", "area", "base", "col", "track"}
_BLOCK = {
    "p", "div", "section", "article", "main", "blockquote", "pre", "ul", "ol", "li", "dl", "dt",
    "dd", "h1", "h2", "h3", "h4", "h5", "h6", "table", "tr", "figure", "figcaption", "address",
    "header", "footer", "body", "html", "hr", "caption",
}
_INLINE_STYLES = {
    "b": "bold", "strong": "bold", "i": "italic", "em": "italic", "cite": "italic",
    "a": "link", "code": "code", "q": "italic",
}
_BLOCK_STYLES = {
    "h1": "h1", "h2": "h2", "h3": "h3", "h4": "h4", "h5": "h5", "h6": "h6",
    "blockquote": "blockquote", "pre": "code", "li": "listitem",
}
_DATE_META = (
    "article:published_time", "datepublished", "date", "dc.date", "dc.date.issued",
    "pubdate", "publishdate", "og:published_time", "sailthru.date", "parsely-pub-date",
)
_SITE_META = ("og:site_name", "application-name", "publisher", "dc.publisher", "article:publisher")
# Formatting deeper than this many open styled elements is not tracked (the text still is):
# closing a tag searches the open styles, so an unbounded stack made ``<b>``x100k followed
# by ``</i>``x100k quadratic. Real pages nest a handful.
MAX_OPEN_STYLES = 64
# An unterminated comment, tag or declaration longer than this at the end of a page runs to
# the end, as in a browser. (``HTMLParser.close`` re-scans such a tail once per ``<`` in it,
# which made 80 KB of ``<!--`` take seconds and 1 MB hours.)
MAX_UNTERMINATED_TAIL = 4096


@dataclass
class Rendered:
    """Plain text plus formatting spans ``(start, end, style)`` in code points."""

    text: str
    spans: list[tuple[int, int, str]] = field(default_factory=list)
    title: str | None = None
    site_name: str | None = None
    date: str | None = None
    note: str | None = None  # how the source was not rendered as written (shown in the list)


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.length = 0
        self.spans: list[tuple[int, int, str]] = []
        # [tag, start, style]; start is None until the element's first visible text.
        self.open_styles: list[list] = []
        self.hidden_depth = 0
        self.hidden_stack: list[str] = []
        self.hidden_counts: dict[str, int] = {}  # tag -> times in hidden_stack (no list scans)
        self.pre_depth = 0
        self.article_depth = 0
        self.pending_break = 0  # newlines owed before the next visible text
        self.meta: dict[str, str] = {}
        self.in_title = False
        self.html_title = ""
        self.h1_text: str | None = None
        self.time_datetime: str | None = None
        self.ld_json: list[str] = []
        self.in_ld_json = False

    # -- helpers -------------------------------------------------------
    def _last_char(self) -> str:
        return self.parts[-1][-1] if self.parts and self.parts[-1] else ""

    def _emit(self, text: str) -> None:
        if not text:
            return
        if self.pending_break and self.length:
            gap = "\n" * self.pending_break
            self.parts.append(gap)
            self.length += len(gap)
        self.pending_break = 0
        for entry in self.open_styles:
            if entry[1] is None:
                entry[1] = self.length
        self.parts.append(text)
        self.length += len(text)

    def _request_break(self, lines: int) -> None:
        self.pending_break = max(self.pending_break, lines)

    # -- parser callbacks ----------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            key = (attributes.get("property") or attributes.get("name") or attributes.get("itemprop") or "").lower()
            if key and attributes.get("content"):
                self.meta.setdefault(key, attributes["content"].strip())
            return
        if tag == "script" and attributes.get("type", "").lower() == "application/ld+json":
            self.in_ld_json = True
        if tag == "title":
            self.in_title = True
        if tag == "time" and attributes.get("datetime") and self.time_datetime is None:
            self.time_datetime = attributes["datetime"]
        if tag in _VOID:
            if tag == "br" and not self.hidden_depth:
                self._emit("\n")
            elif tag == "hr" and not self.hidden_depth:
                self._request_break(2)
            return
        hidden = tag in _HIDDEN or (tag in _FURNITURE and not self.article_depth)
        hidden = hidden or attributes.get("role", "") in ("navigation", "banner", "contentinfo")
        hidden = hidden or "hidden" in attributes or attributes.get("aria-hidden") == "true"
        if self.hidden_depth or hidden:
            self.hidden_depth += 1
            self.hidden_stack.append(tag)
            self.hidden_counts[tag] = self.hidden_counts.get(tag, 0) + 1
            return
        if tag in ("article", "main"):
            self.article_depth += 1
        if tag == "pre":
            self.pre_depth += 1
        if tag in _BLOCK:
            self._request_break(1 if tag in ("li", "tr", "dt", "dd") else 2)
        if tag == "li":
            self._emit("\u2022 ")
        style = _BLOCK_STYLES.get(tag) or _INLINE_STYLES.get(tag)
        if style and len(self.open_styles) < MAX_OPEN_STYLES:
            self.open_styles.append([tag, None, style])
        if tag in ("td", "th") and self._last_char() not in ("", "\n"):
            self._emit("\t")

    def handle_endtag(self, tag: str) -> None:
        if self.in_ld_json and tag == "script":
            self.in_ld_json = False
        if tag == "title":
            self.in_title = False
        if self.hidden_depth:
            # Close the innermost matching hidden element (tolerates bad nesting).
            if self.hidden_counts.get(tag):
                while self.hidden_stack:
                    self.hidden_depth -= 1
                    popped = self.hidden_stack.pop()
                    self.hidden_counts[popped] -= 1
                    if popped == tag:
                        break
            return
        if tag in ("article", "main") and self.article_depth:
            self.article_depth -= 1
        if tag == "pre" and self.pre_depth:
            self.pre_depth -= 1
        for index in range(len(self.open_styles) - 1, -1, -1):
            open_tag, start, style = self.open_styles[index]
            if open_tag == tag:
                del self.open_styles[index]
                if start is not None and self.length > start:
                    self.spans.append((start, self.length, style))
                    if style == "h1" and self.h1_text is None:
                        self.h1_text = "".join(self.parts)[start:self.length].strip()
                break
        if tag in _BLOCK:
            self._request_break(1 if tag in ("li", "tr", "dt", "dd") else 2)

    def handle_data(self, data: str) -> None:
        if self.in_ld_json:
            self.ld_json.append(data)
            return
        if self.in_title:
            self.html_title += data
            return
        if self.hidden_depth:
            return
        if self.pre_depth:
            self._emit(data)
            return
        text = re.sub(r"\s+", " ", data)
        if not text.strip():
            # Whitespace between inline elements is one space; between blocks, nothing.
            if self.length and not self.pending_break and self._last_char() not in (" ", "\n", ""):
                self._emit(" ")
            return
        if self.pending_break or self._last_char() in ("\n", ""):
            text = text.lstrip()
        elif self._last_char() == " ":
            text = text.lstrip(" ")
        self._emit(text)


def _strip_trailing_spaces(text: str, spans: list[tuple[int, int, str]]) -> tuple[str, list[tuple[int, int, str]]]:
    """Drop spaces before newlines and at the end, keeping spans in step."""
    keep = [True] * len(text)
    for match in re.finditer(r"[ \t]+(?=\n)|[ \t\n]+$", text):
        for i in range(match.start(), match.end()):
            keep[i] = False
    new_index = []
    count = 0
    for flag in keep:
        new_index.append(count)
        count += flag
    new_index.append(count)
    new_text = "".join(ch for ch, flag in zip(text, keep, strict=True) if flag)
    new_spans = [(new_index[s], new_index[e], style) for s, e, style in spans if new_index[e] > new_index[s]]
    return new_text, new_spans


def _ld_json_date(blobs: list[str]) -> str | None:
    match = re.search(r'"datePublished"\s*:\s*"([^"]+)"', " ".join(blobs))
    return match.group(1) if match else None


def html_to_text(html: str) -> Rendered:
    """The text a reader sees in an HTML page, with metadata and formatting."""
    parser = _TextExtractor()
    parser.feed(html)
    if len(parser.rawdata) > MAX_UNTERMINATED_TAIL and parser.rawdata.startswith("<"):
        parser.rawdata = ""  # what is left is one unterminated construct: hidden, like a browser does
    parser.close()
    # Styles still open at the end (unclosed tags) run to the end.
    for _tag, start, style in parser.open_styles:
        if start is not None and parser.length > start:
            parser.spans.append((start, parser.length, style))
    text, spans = _strip_trailing_spaces("".join(parser.parts), parser.spans)
    meta = parser.meta
    title = (meta.get("og:title") or parser.h1_text or re.sub(r"\s+", " ", parser.html_title).strip()) or None
    site = next((meta[k] for k in _SITE_META if meta.get(k) and not meta[k].startswith("http")), None)
    date = next((meta[k] for k in _DATE_META if meta.get(k)), None) or _ld_json_date(parser.ld_json)
    date = date or parser.time_datetime
    return Rendered(text=text, spans=sorted(spans), title=title, site_name=site, date=date)


_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n(?:---|\.\.\.)\n", re.S)


def split_front_matter(source: str) -> tuple[dict[str, str], str]:
    """``key: value`` front matter (YAML-style) at the top of a Markdown file."""
    match = _FRONT_MATTER.match(source)
    if not match:
        return {}, source
    fields: dict[str, str] = {}
    for line in match.group(1).splitlines():
        key, sep, value = line.partition(":")
        if sep and key.strip():
            fields[key.strip().lower()] = value.strip().strip("\"'")
    return fields, source[match.end():]


# Shapes on which the ``markdown`` package's time grows with the square (or worse) of a
# paragraph: nested brackets, many links or emphasis marks in one paragraph, deep lists.
# Past these bounds the file is shown as plain text, with a note; articles come nowhere near.
MAX_BRACKET_DEPTH = 16
MAX_BRACKETS_PER_BLOCK = 256
MAX_MARKS_PER_BLOCK = 2000  # * _ ` < in one paragraph
MAX_LIST_INDENT = 64  # columns before a list marker (16 levels)
MAX_MARKDOWN_CHARS = 4_000_000

_LIST_ITEM = re.compile(r"^([ \t]*)(?:[-*+]|\d{1,9}[.)])[ \t]", re.M)
_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def markdown_trouble(body: str) -> str | None:
    """Why ``body`` would take the Markdown renderer too long, or None. One linear pass."""
    if len(body) > MAX_MARKDOWN_CHARS:
        return f"too long to render as Markdown ({len(body):,} characters)"
    for match in _LIST_ITEM.finditer(body):
        if len(match.group(1).expandtabs(4)) > MAX_LIST_INDENT:
            return f"lists nested deeper than {MAX_LIST_INDENT // 4} levels"
    for block in _BLANK_LINE.split(body):
        brackets = block.count("[")
        if brackets > MAX_BRACKETS_PER_BLOCK:
            return f"{brackets:,} brackets in one paragraph"
        marks = sum(block.count(ch) for ch in "*_`<")
        if marks > MAX_MARKS_PER_BLOCK:
            return f"{marks:,} formatting marks in one paragraph"
        if brackets > MAX_BRACKET_DEPTH:
            depth = deepest = 0
            for ch in re.findall(r"[\[\]]", block):
                depth = depth + 1 if ch == "[" else max(0, depth - 1)
                deepest = max(deepest, depth)
            if deepest > MAX_BRACKET_DEPTH:
                return f"brackets nested {deepest} deep"
    return None


def markdown_to_text(source: str) -> Rendered:
    """Render Markdown with the ``markdown`` package, then reduce it like HTML.

    A file shaped to make the renderer crawl (:func:`markdown_trouble`) is shown as plain
    text instead, with a note saying why.
    """
    fields, body = split_front_matter(source)
    trouble = markdown_trouble(body)
    if trouble is not None:
        text = "\n".join(line.rstrip() for line in body.strip("\n").split("\n"))
        rendered = Rendered(text=text, note=f"shown as plain text: {trouble}")
    else:
        html = markdown_lib.markdown(body, extensions=["extra", "sane_lists"], output_format="html")
        rendered = html_to_text(html)
    rendered.title = fields.get("title") or rendered.title
    rendered.site_name = fields.get("source") or fields.get("outlet") or fields.get("publisher") or rendered.site_name
    rendered.date = fields.get("date") or fields.get("published") or rendered.date
    return rendered

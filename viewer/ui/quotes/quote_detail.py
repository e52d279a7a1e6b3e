"""The reading pane of the Quotes panel: whole quotations, wrapped, with who said them where and when.

The trees above it show one line per quotation; this pane shows the one chosen (or every
quotation of a chosen cluster) in full, with the speaker and each article's title,
outlet, date and file name.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtWidgets import QTextBrowser

from viewer.core.loading.articles import Article


def source_line(path: str, articles: dict[str, Article]) -> str:
    """"Title - Outlet - 2022-02-07 - file.txt" for an article path (what is known of it)."""
    article = articles.get(path)
    if article is None:
        return Path(path).name
    parts = [article.title, article.outlet, article.date, Path(article.path).name]
    return " \u00b7 ".join(p for p in parts if p)


class QuoteDetail(QTextBrowser):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("quoteDetail")
        self.setOpenLinks(False)
        self.setPlaceholderText("Choose a quotation above to read it here in full.")

    def show_quotes(self, quotes: list, articles: dict[str, Article], speaker: str | None = None) -> None:
        """Show ``quotes`` (one, or a cluster's) in full."""
        if not quotes:
            self.clear()
            return
        parts = []
        if speaker is not None or len(quotes) == 1:
            who = speaker if speaker is not None else quotes[0].speaker
            parts.append(f"<p><b>{escape(who or 'Speaker not named')}</b>"
                         + (f" \u2014 {len(quotes)} articles" if len(quotes) > 1 else "") + "</p>")
        for quote in quotes:
            said = "" if speaker is not None or len(quotes) == 1 else \
                f"<b>{escape(quote.speaker or 'Speaker not named')}</b>: "
            parts.append(f"<p>{said}\u201c{escape(' '.join(quote.text.split()))}\u201d<br>"
                         f"<small>{escape(source_line(quote.article, articles))}"
                         f"{' (scare quote)' if quote.kind == 'scare' else ''}</small></p>")
        self.setHtml("".join(parts))

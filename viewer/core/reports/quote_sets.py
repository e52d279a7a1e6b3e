"""The evidence report of quote sets: every recorded occurrence, in its article's words around it.

Per set: its name, tags and note; per occurrence: the article's title, outlet, date and
address, the speaker (and whether a person corrected it), the user's note, and the quoted
words highlighted inside up to ``CONTEXT_CHARS`` characters of the article on each side.
The context comes from the article as it is now when its text still matches the stored
hash; otherwise from the context stored with the occurrence, and the report says so.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from viewer import __version__
from viewer.core.errors import ArticleError
from viewer.core.loading.articles import Article, load_article
from viewer.core.reports.html import escape, facts_table, page
from viewer.core.store.model import Occurrence, QuoteSet
from viewer.core.store.workspace import Workspace

CONTEXT_CHARS = 200


class UnknownQuoteSet(ValueError):
    """A set asked for by name that the workspace does not hold."""


def quote_sets_report(
    db: str | os.PathLike[str] | None,
    *,
    set_ids: Sequence[int] | None = None,
    set_names: Sequence[str] | None = None,
    load: Callable[[str], Article] = load_article,
    read_only: bool = False,
) -> tuple[str, str]:
    """The report of workspace ``db``'s sets (all, or those named / numbered): (HTML, title).

    Occurrences are re-anchored first, as the CSV export does, so each is shown where its
    words are now. The window and the ``report`` command both call this. Raises
    ``WorkspaceError`` for a workspace that cannot be used and :class:`UnknownQuoteSet`.
    """
    with Workspace.open(db, read_only=read_only) as workspace:
        workspace.reanchor(load)
        sets = workspace.sets()
        if set_names:
            unknown = [name for name in set_names if name not in {s.name for s in sets}]
            if unknown:
                raise UnknownQuoteSet(f"{workspace.path}: no quote set named {unknown[0]!r}")
            sets = [s for s in sets if s.name in set_names]
        if set_ids:
            sets = [s for s in sets if s.id in set(set_ids)]
        listing = [(s, workspace.occurrences(s.id)) for s in sets]
        name = Path(workspace.path).name
    html = quote_sets_report_html(listing, contexts_for(listing, load), name)
    return html, "Evidence report: " + (", ".join(s.name for s, _ in listing) or "quote sets")


@dataclass(frozen=True)
class Context:
    before: str
    after: str
    source: str  # "article" (read now) or "stored" (the article changed or is missing)
    url: str | None = None


def occurrence_context(occurrence: Occurrence, article: Article | None, chars: int = CONTEXT_CHARS) -> Context:
    """The words around ``occurrence``, from ``article`` when its text is the one tagged."""
    if article is not None and article.sha256 == occurrence.sha256 and not occurrence.detached:
        text = article.text
        before = text[max(0, occurrence.start - chars):occurrence.start]
        after = text[occurrence.end:occurrence.end + chars]
        return Context(before, after, "article", article.url)
    # The context stored at tagging time (200 characters; older workspaces: the anchor's 32).
    return Context(occurrence.context_before or occurrence.prefix, occurrence.context_after or occurrence.suffix,
                   "stored", article.url if article else None)


def contexts_for(
    listing: Sequence[tuple[QuoteSet, Sequence[Occurrence]]],
    load: Callable[[str], Article] = load_article,
) -> dict[int, Context]:
    """Occurrence id -> its context; each article is read once, an unreadable one is skipped."""
    articles: dict[str, Article | None] = {}
    found: dict[int, Context] = {}
    for _quote_set, occurrences in listing:
        for occurrence in occurrences:
            if occurrence.article not in articles:
                try:
                    articles[occurrence.article] = load(occurrence.article)
                except (ArticleError, OSError):
                    articles[occurrence.article] = None
            found[occurrence.id] = occurrence_context(occurrence, articles[occurrence.article])
    return found


def _trimmed(before: str, after: str) -> tuple[str, str]:
    """Context cut at word boundaries, with an ellipsis where it was cut."""
    if len(before) >= CONTEXT_CHARS and " " in before:
        before = "\u2026" + before.split(" ", 1)[1]
    if len(after) >= CONTEXT_CHARS and " " in after:
        after = after.rsplit(" ", 1)[0] + "\u2026"
    return before, after


def quote_sets_report_html(
    listing: Sequence[tuple[QuoteSet, Sequence[Occurrence]]],
    contexts: dict[int, Context],
    workspace_name: str = "",
    generated: str | None = None,
) -> str:
    generated = generated or datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    count = sum(len(items) for _s, items in listing)
    body = [
        "<h1>Evidence report: quote sets</h1>",
        f'<p class="meta">Generated {escape(generated)} by Article Viewer {escape(__version__)}'
        f"{' from ' + escape(workspace_name) if workspace_name else ''}: "
        f"{len(listing)} set{'s' if len(listing) != 1 else ''}, {count} occurrence{'s' if count != 1 else ''}. "
        "Quoted words are highlighted inside the article's text around them. "
        "Character offsets count Unicode code points from 0.</p>",
    ]
    if not listing:
        body.append("<p>The workspace holds no quote set.</p>")
    for quote_set, occurrences in listing:
        body.append(f"<h2>{escape(quote_set.name)}</h2>")
        facts = []
        if quote_set.tags:
            facts.append(f"Tags: {escape(', '.join(quote_set.tags))}")
        if quote_set.note:
            facts.append(f'Note: <span class="note">{escape(quote_set.note)}</span>')
        facts.append(f"{len(occurrences)} occurrence{'s' if len(occurrences) != 1 else ''}, "
                     f"created {escape(quote_set.created[:10])}")
        body.append('<p class="meta">' + " \u00b7 ".join(facts) + "</p>")
        if not occurrences:
            body.append("<p>This set holds no occurrence.</p>")
        ordered = sorted(occurrences, key=lambda o: (o.published is None, o.published or "", o.article, o.start))
        for number, occurrence in enumerate(ordered, start=1):
            body.extend(_occurrence(number, occurrence, contexts.get(occurrence.id)))
    return page("Evidence report: " + ", ".join(s.name for s, _ in listing), body)


def _occurrence(number: int, occurrence: Occurrence, context: Context | None) -> list[str]:
    if context is None:
        context = occurrence_context(occurrence, None)
    speaker = escape(occurrence.speaker) if occurrence.speaker else "not named in the text"
    if occurrence.speaker and occurrence.speaker_source == "edited":
        speaker += " (corrected by hand)"
    url = context.url or occurrence.url
    address = escape(url) if url else escape(occurrence.article)
    rows = [
        ("Article", escape(occurrence.title)),
        ("Outlet", escape(occurrence.outlet or "unknown")),
        ("Published", escape(occurrence.published or "no date found")),
        ("Address", address),
        ("Speaker", speaker),
        ("Characters", f"{occurrence.start:,}\u2013{occurrence.end:,}"),
    ]
    if occurrence.note:
        rows.append(("Note", f'<span class="note">{escape(occurrence.note)}</span>'))
    if occurrence.detached:
        rows.append(("Status", '<span class="altered">detached: the article changed and the quote was not '
                                "found in it again; shown as recorded</span>"))
    before, after = _trimmed(context.before, context.after)
    source = "" if context.source == "article" else (
        '<p class="meta">Context as recorded with the quote (the article is missing or changed).</p>')
    return [
        f"<h3>{number}. {escape(occurrence.title)}</h3>",
        facts_table(rows),
        f'<p id="occurrence-{occurrence.id}"><span class="context">{escape(before)}</span>'
        f'<span class="quote">{escape(occurrence.text)}</span><span class="context">{escape(after)}</span></p>',
        source,
    ]

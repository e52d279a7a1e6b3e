"""The Quotes panel: shared clusters of the seeds, and choosing one opens the pair."""

from __future__ import annotations

from qt_helpers import open_window, wait_idle

from viewer.core.loading.articles import bundled_seeds_dir
from viewer.ui.quotes.quotes_panel import ClusterRole, QuoteRole


def test_shared_quotes_open_the_pair_highlighted(qtbot):
    window = open_window(qtbot, [bundled_seeds_dir()])
    panel = window.quotes_panel
    qtbot.waitUntil(lambda: not panel.busy and bool(panel.findings.clusters), timeout=20_000)
    model = panel.shared_proxy
    assert model.rowCount() == len(panel.findings.clusters) >= 2
    labels = [model.index(r, 1).data() for r in range(model.rowCount())]
    assert any("any day" in label.lower() for label in labels)
    # Choose the first occurrence of the first cluster.
    head = model.index(0, 0)
    cluster = head.data(ClusterRole)
    child = model.index(0, 1, head)
    quote = child.data(QuoteRole)
    panel.shared_view.setCurrentIndex(child)
    panel._on_activated(child)
    wait_idle(qtbot, window)
    view = window.pair_view
    assert view.a.path == quote.article
    other_articles = {q.article for q in cluster.quotes} - {quote.article}
    assert view.b.path in other_articles
    (marked_a,) = view.pane_a.layer("quote")
    (marked_b,) = view.pane_b.layer("quote")
    assert view.a.text[marked_a.start:marked_a.end] == quote.text
    counterpart = next(q for q in cluster.quotes if q.article == view.b.path)
    assert view.b.text[marked_b.start:marked_b.end] == counterpart.text


def test_by_article_tab_lists_every_article_and_filters(qtbot):
    window = open_window(qtbot, [bundled_seeds_dir()])
    panel = window.quotes_panel
    qtbot.waitUntil(lambda: not panel.busy and bool(panel.findings.quotes), timeout=20_000)
    assert panel.article_proxy.rowCount() == 5
    total = sum(panel.article_proxy.rowCount(panel.article_proxy.index(r, 0)) for r in range(5))
    assert total == len(panel.findings.quotes)
    qtbot.keyClicks(panel.filter_edit, "Sullivan")
    assert 0 < panel.shared_proxy.rowCount() < len(panel.findings.clusters) or panel.shared_proxy.rowCount() == 0
    assert "Quotation" not in panel.summary.text()

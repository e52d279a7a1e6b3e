"""The provenance table and graph of the corpus overview, on the wire story with rewrites."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt

from viewer.core.corpus.index import CorpusIndex
from viewer.core.corpus.provenance import provenance_of_similarity
from viewer.core.loading.articles import load_articles
from viewer.ui.corpus.provenance_graph import EdgeItem
from viewer.ui.corpus.provenance_view import ProvenanceView

DATA = Path(__file__).parent / "data" / "provenance"


@pytest.fixture(scope="module")
def wire_provenance(tmp_path_factory):
    articles = load_articles([DATA]).articles
    result = CorpusIndex(tmp_path_factory.mktemp("cache") / "index.sqlite3").build(articles)
    return provenance_of_similarity(result, articles)


@pytest.fixture
def view(qtbot, wire_provenance):
    widget = ProvenanceView()
    qtbot.addWidget(widget)
    widget.resize(1100, 760)
    widget.set_provenance(wire_provenance)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _name(found, number: int) -> str:
    return Path(found.articles[number].path).name


def test_table_lists_articles_by_date_with_undated_last(view, wire_provenance):
    model = view.model
    found = wire_provenance
    names = [_name(found, model.article_at(row)) for row in range(model.rowCount())]
    assert names[-1] == "blog.md"
    assert names.index("courier.md") < names.index("post.md")
    dates = [model.index(row, 0).data() for row in range(model.rowCount())]
    assert dates == ["2005-02-07", "2005-02-07", "2005-02-08", "2005-02-09", "undated"]
    post = names.index("post.md")
    assert model.index(post, 3).data() == f"{found.original_share(model.article_at(post)):.0%}"
    sources = model.index(post, 4).data()
    assert sources.startswith("Drink remark row grows (54%)") and "(28%)" in sources
    assert "order unknown" in model.index(names.index("blog.md"), 4).data()
    assert "3 of 5 articles" not in view.summary.text()
    assert "<b>2</b> of 5 articles borrow" in view.summary.text()


def test_graph_draws_arrows_from_earlier_to_later(view, wire_provenance):
    graph = view.graph
    assert graph.column_titles() == ["2005-02-07", "2005-02-08", "2005-02-09", "undated"]
    assert len(graph.nodes) == 5 and len(graph.edges) == 5
    for item in graph.edges:
        source = graph.nodes[item.edge.source].sceneBoundingRect()
        target = graph.nodes[item.edge.target].sceneBoundingRect()
        if item.edge.directed:
            assert item.head is not None
            assert source.right() < target.left()  # every arrow points rightwards, to the later day
        else:
            assert item.head is None and item.pen().style() == Qt.PenStyle.DashLine
    blog = next(k for k in graph.nodes if _name(wire_provenance, k) == "blog.md")
    assert graph.nodes[blog].pen().style() == Qt.PenStyle.DashLine  # undated: a dashed frame
    assert graph.nodes[blog].sceneBoundingRect().left() == max(n.sceneBoundingRect().left()
                                                                for n in graph.nodes.values())


def test_selecting_an_article_highlights_it_in_the_graph(view, qtbot, wire_provenance):
    post = next(n for n in range(5) if _name(wire_provenance, n) == "post.md")
    view.table.selectRow(view.model.row_of(post))
    assert view.graph.selected == post
    highlighted = [item for item in view.graph.edges if item.pen().color() != item._pen.color()]
    assert {(e.edge.source, e.edge.target) for e in highlighted} == {
        (e.source, e.target) for e in wire_provenance.edges if post in (e.source, e.target)}


def test_double_click_on_a_link_opens_the_pair(view, qtbot, wire_provenance):
    graph = view.graph
    # A point on a directed link that no other link crosses.
    item, point = next((i, graph.mapFromScene(i.path().pointAtPercent(t))) for i in graph.edges if i.edge.directed
                       for t in (0.3, 0.5, 0.7) if graph.item_at(graph.mapFromScene(i.path().pointAtPercent(t))) is i)
    with qtbot.waitSignal(view.pairRequested) as signal:
        qtbot.mouseDClick(view.graph.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(point))
    assert signal.args == [wire_provenance.articles[item.edge.source].path,
                           wire_provenance.articles[item.edge.target].path]


def test_double_click_on_an_article_opens_it_beside_its_main_source(view, qtbot, wire_provenance):
    post = next(n for n in range(5) if _name(wire_provenance, n) == "post.md")
    courier = next(n for n in range(5) if _name(wire_provenance, n) == "courier.md")
    with qtbot.waitSignal(view.pairRequested) as signal:
        view.open_with_main_source(post)
    assert signal.args == [wire_provenance.articles[courier].path, wire_provenance.articles[post].path]


def test_outlet_mode_draws_one_box_per_outlet(view, wire_provenance):
    view.mode.setCurrentIndex(1)
    graph = view.graph
    assert graph.mode == "outlets"
    titles = sorted(item.node.title for item in graph.nodes.values())
    assert titles == ["A Blog", "Daily Courier", "Evening Post", "Morning Agency", "Scottish Wire"]
    assert sum(1 for item in graph.edges if item.edge.directed) == 3


def test_screenshot(view, tmp_path):
    image = view.grab()
    assert not image.isNull()
    image.save(str(tmp_path / "provenance.png"))


def test_empty_view(qtbot):
    widget = ProvenanceView()
    qtbot.addWidget(widget)
    widget.set_provenance(None)
    assert widget.model.rowCount() == 0 and not widget.graph.nodes
    assert isinstance(EdgeItem, type)


def test_the_window_shows_the_provenance_of_the_open_articles(qtbot, tmp_path):
    from tests.qt_helpers import open_window

    window = open_window(qtbot, [DATA])
    qtbot.waitUntil(lambda: window.corpus.result is not None and not window.corpus.busy, timeout=20_000)
    tab = window.corpus.provenance
    assert tab.view.provenance is None  # worked out when it shows, not on every index
    tab.show()
    found = tab.view.provenance
    assert found is not None and len(found.articles) == 5
    names = {Path(a.path).name: n for n, a in enumerate(found.articles)}
    assert found.original_share(names["wire.md"]) == 1.0
    # A double-click on the Post opens it beside its main source, the Courier.
    with qtbot.waitSignal(window.pair_view.alignmentReady, timeout=20_000):
        tab.view.open_with_main_source(names["post.md"])
    assert Path(window.pair_view.a.path).name == "courier.md"
    assert Path(window.pair_view.b.path).name == "post.md"
    window.grab().save(str(tmp_path / "window-provenance.png"))


def test_a_crowded_column_wraps_under_one_title(qtbot):
    from viewer.core.corpus.provenance import Edge, Provenance, ProvenanceArticle
    from viewer.ui.corpus.provenance_graph import MAX_ROWS

    articles = [ProvenanceArticle(f"{n}.txt", f"Story {n}", None, None, 100) for n in range(30)]
    edges = [Edge(n, n + 1, 0.5, False) for n in range(29)]
    widget = ProvenanceView()
    qtbot.addWidget(widget)
    widget.set_provenance(Provenance(articles, edges, [0.0] * 30))
    graph = widget.graph
    assert graph.column_titles() == ["undated"]
    lefts = sorted({item.sceneBoundingRect().left() for item in graph.nodes.values()})
    assert len(lefts) == 3  # 30 boxes, MAX_ROWS to a column
    tops = {item.sceneBoundingRect().top() for item in graph.nodes.values()}
    assert len(tops) == MAX_ROWS

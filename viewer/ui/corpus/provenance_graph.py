"""Who borrows from whom, drawn: articles (or outlets) as boxes, arrows from earlier to later.

Boxes stand in columns, one per publication day, oldest on the left, so every arrow of
a dated pair points rightwards (a same-day arrow, ordered by time of day, curls inside
its column). Undated articles have a column of their own at the far right, drawn with
dashed frames; their links are dashed lines without heads: nothing says who copied whom.
An arrow's width and label are its share: how much of the later article's text is in
passages it shares with the earlier one. Only articles that share text are drawn, and
of a big corpus only the ``MAX_EDGES`` strongest links.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
)

from viewer.core.corpus.provenance import Edge, Provenance, outlet_graph

MAX_EDGES = 300
NODE_W, NODE_H = 200.0, 58.0
GAP_X, GAP_Y = 90.0, 22.0
HEADER_H = 28.0
MAX_ROWS = 12  # boxes in one column before a day's column wraps
LABELLED_EDGES = 80  # past this many links, shares show in tooltips only
ARROW = QColor(40, 80, 160)
UNDIRECTED = QColor(120, 120, 120)
SELECTED = QColor(220, 120, 0)


@dataclass(frozen=True)
class GraphNode:
    key: int  # article index (articles mode) or outlet index (outlets mode)
    title: str
    lines: tuple[str, ...]
    published: str | None
    tooltip: str


def _day(published: str | None) -> str | None:
    return published[:10] if published else None


def _elide(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


class NodeItem(QGraphicsRectItem):
    def __init__(self, node: GraphNode) -> None:
        super().__init__(0, 0, NODE_W, NODE_H)
        self.node = node
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, True)
        self.setToolTip(node.tooltip)
        self.setBrush(QBrush(QColor(248, 248, 244) if node.published else QColor(236, 236, 236)))
        self._pen = QPen(QColor(60, 60, 60), 1.2, Qt.PenStyle.SolidLine if node.published else Qt.PenStyle.DashLine)
        self.setPen(self._pen)
        bold = QFont()
        bold.setBold(True)
        y = 4.0
        for number, line in enumerate((node.title, *node.lines)):
            text = QGraphicsSimpleTextItem(_elide(line, 34), self)
            if number == 0:
                text.setFont(bold)
            text.setPos(6, y)
            y += 17

    def set_highlighted(self, on: bool) -> None:
        self.setPen(QPen(SELECTED, 3) if on else self._pen)


class EdgeItem(QGraphicsPathItem):
    def __init__(self, edge: Edge, path: QPainterPath, head: QPolygonF | None, tooltip: str) -> None:
        super().__init__(path)
        self.edge = edge
        self.head = head
        width = 1.0 + 6.0 * edge.share
        colour = QColor(ARROW if edge.directed else UNDIRECTED)
        colour.setAlpha(110 + int(145 * min(1.0, edge.share * 2)))
        self._pen = QPen(colour, width, Qt.PenStyle.SolidLine if edge.directed else Qt.PenStyle.DashLine,
                         Qt.PenCapStyle.FlatCap)
        self.setPen(self._pen)
        self.setToolTip(tooltip)
        self.setZValue(-1)

    def set_highlighted(self, on: bool) -> None:
        pen = QPen(self._pen)
        if on:
            pen.setColor(SELECTED)
        self.setPen(pen)
        self.update()

    def shape(self) -> QPainterPath:  # easier to hover and double-click than a hairline
        from PySide6.QtGui import QPainterPathStroker

        stroker = QPainterPathStroker()
        stroker.setWidth(max(8.0, self.pen().widthF() + 4))
        return stroker.createStroke(self.path())

    def paint(self, painter: QPainter, option, widget=None) -> None:
        super().paint(painter, option, widget)
        if self.head is not None:
            painter.setBrush(self.pen().color())
            painter.setPen(Qt.PenStyle.NoPen)
            painter.drawPolygon(self.head)

    def boundingRect(self) -> QRectF:
        rect = super().boundingRect()
        return rect.united(self.head.boundingRect()) if self.head is not None else rect


class ProvenanceGraph(QGraphicsView):
    """The graph; ``nodeActivated(key)`` on a click, ``edgeActivated(source, target)`` on a double-click."""

    nodeActivated = Signal(int)
    edgeActivated = Signal(int, int)  # article indexes (articles mode only)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("provenanceGraph")
        self.setScene(QGraphicsScene(self))
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.provenance: Provenance | None = None
        self.mode = "articles"
        self.nodes: dict[int, NodeItem] = {}
        self.edges: list[EdgeItem] = []
        self.hidden_edges = 0
        self.selected = -1
        self._column_titles: list[tuple[float, str]] = []  # (x, the day or "undated")
        self._ports: dict[int, tuple[float, float]] = {}

    # -- building --------------------------------------------------------------
    def set_provenance(self, found: Provenance | None, mode: str | None = None) -> None:
        self.provenance = found
        if mode is not None:
            self.mode = mode
        self.rebuild()

    def set_mode(self, mode: str) -> None:
        if mode != self.mode:
            self.mode = mode
            self.rebuild()

    def rebuild(self) -> None:
        scene = self.scene()
        scene.clear()
        self.nodes, self.edges, self.selected, self._column_titles = {}, [], -1, []
        found = self.provenance
        if found is None:
            return
        if self.mode == "outlets":
            graph_nodes, all_edges = self._outlet_nodes(found)
        else:
            all_edges = found.edges
        strongest = sorted(all_edges, key=lambda e: (-e.share, e.source, e.target))[:MAX_EDGES]
        self.hidden_edges = len(all_edges) - len(strongest)
        shown = {k for e in strongest for k in (e.source, e.target)}
        if self.mode != "outlets":
            graph_nodes = self._article_nodes(found, shown)
        placed = self._place([graph_nodes[k] for k in sorted(shown)], strongest)
        for key, (x, y) in placed.items():
            item = NodeItem(graph_nodes[key])
            item.setPos(x, y)
            scene.addItem(item)
            self.nodes[key] = item
        self._ports = self._spread_ports(strongest)
        for edge in strongest:
            self._add_edge(edge, graph_nodes, len(strongest) <= LABELLED_EDGES)
        bounds = scene.itemsBoundingRect()
        scene.setSceneRect(QRectF(-20, 0, bounds.right() + 40, bounds.bottom() + 20))  # with the column titles

    def _article_nodes(self, found: Provenance, shown: set[int]) -> dict[int, GraphNode]:
        nodes = {}
        for number in sorted(shown):
            article = found.articles[number]
            sources = found.sources_of(number)
            lines = (f"{article.outlet or 'outlet unknown'} \u00b7 {article.published or 'undated'}",
                     f"own text {found.original_share(number):.0%}"
                     + (f", borrows from {len(sources)}" if sources else ""))
            tip = [f"<b>{_html(article.title)}</b>", _html(article.path),
                   f"{article.outlet or 'outlet unknown'}, {article.published or 'no publication date'}",
                   f"Own text: {found.original_share(number):.0%}"]
            tip += [f"Borrows {e.share:.0%} from {_html(found.articles[e.source].title)}" for e in sources]
            nodes[number] = GraphNode(number, article.title, lines, article.published, "<br>".join(tip))
        return nodes

    def _outlet_nodes(self, found: Provenance) -> tuple[dict[int, GraphNode], list[Edge]]:
        outlets, edges = outlet_graph(found)
        nodes = {}
        for number, outlet in enumerate(outlets):
            count = len(outlet.articles)
            lines = (f"{count} article{'s' if count != 1 else ''}",
                     f"first {outlet.published}" if outlet.published else "undated")
            tip = "<br>".join([f"<b>{_html(outlet.name)}</b>"]
                              + [_html(found.articles[n].title) for n in outlet.articles[:12]])
            nodes[number] = GraphNode(number, outlet.name, lines, outlet.published, tip)
        return nodes, edges

    def _place(self, nodes: list[GraphNode], edges: list[Edge]) -> dict[int, tuple[float, float]]:
        """Columns by day (undated last); within a column, near the nodes they borrow from."""
        days = sorted({_day(n.published) for n in nodes if n.published})
        columns: list[list[GraphNode]] = [[n for n in nodes if _day(n.published) == day] for day in days]
        undated = [n for n in nodes if not n.published]
        if undated:
            columns.append(undated)
        placed: dict[int, tuple[float, float]] = {}
        row_of: dict[int, float] = {}
        neighbours: dict[int, list[int]] = {}
        for edge in edges:
            neighbours.setdefault(edge.source, []).append(edge.target)
            neighbours.setdefault(edge.target, []).append(edge.source)
        titles = [*days, *(["undated"] if undated else [])]
        x = 0.0
        self._column_titles = []
        for title, column in zip(titles, columns, strict=True):
            def weight(node: GraphNode) -> tuple[float, int]:
                rows = [row_of[k] for k in neighbours.get(node.key, ()) if k in row_of]
                return (sum(rows) / len(rows) if rows else float(len(row_of)), node.key)

            column.sort(key=weight)
            # A crowded day (or the undated) wraps into several columns under one title.
            self._column_titles.append((x, title))
            for row, node in enumerate(column):
                wrap, line = divmod(row, MAX_ROWS)
                row_of[node.key] = line
                placed[node.key] = (x + wrap * (NODE_W + GAP_X), HEADER_H + line * (NODE_H + GAP_Y))
            x += (len(column) - 1) // MAX_ROWS * (NODE_W + GAP_X) + NODE_W + GAP_X
        return placed

    def _spread_ports(self, edges: list[Edge]) -> dict[int, tuple[float, float]]:
        """Where each link between columns leaves and enters its boxes: spread down their sides.

        Links into one box enter at different heights, ordered by where they come from, so
        their arrowheads and labels do not pile up on one point. ``id(edge)`` -> (y on the
        left box's right side, y on the right box's left side).
        """
        sides: dict[tuple[int, str], list[tuple[float, int, Edge]]] = {}
        for edge in edges:
            a, b = self.nodes[edge.source].sceneBoundingRect(), self.nodes[edge.target].sceneBoundingRect()
            if abs(a.left() - b.left()) < 1:
                continue
            left, right = (edge.source, edge.target) if a.left() < b.left() else (edge.target, edge.source)
            left_rect, right_rect = self.nodes[left].sceneBoundingRect(), self.nodes[right].sceneBoundingRect()
            sides.setdefault((left, "out"), []).append((right_rect.center().y(), right, edge))
            sides.setdefault((right, "in"), []).append((left_rect.center().y(), left, edge))
        ports: dict[int, list[float]] = {}
        for (key, side), items in sides.items():
            rect = self.nodes[key].sceneBoundingRect()
            items.sort(key=lambda t: (t[0], t[1]))
            for number, (_y, _other, edge) in enumerate(items):
                y = rect.top() + rect.height() * (number + 1) / (len(items) + 1)
                ports.setdefault(id(edge), [0.0, 0.0])[0 if side == "out" else 1] = y
        return {ident: (ys[0], ys[1]) for ident, ys in ports.items()}

    def _add_edge(self, edge: Edge, nodes: dict[int, GraphNode], labelled: bool) -> None:
        source, target = self.nodes[edge.source], self.nodes[edge.target]
        a, b = source.sceneBoundingRect(), target.sceneBoundingRect()
        path = QPainterPath()
        curl = abs(a.left() - b.left()) < 1
        if curl:  # one column: a curl on its right side
            start, end = QPointF(a.right(), a.center().y()), QPointF(b.right(), b.center().y())
            bulge = 40 + 0.15 * abs(end.y() - start.y())
            path.moveTo(start)
            path.cubicTo(start + QPointF(bulge, 0), end + QPointF(bulge, 0), end)
            head_direction = QPointF(-1, 0)
        else:
            left, right = (a, b) if a.left() < b.left() else (b, a)
            left_y, right_y = self._ports.get(id(edge), (left.center().y(), right.center().y()))
            start, end = QPointF(left.right(), left_y), QPointF(right.left(), right_y)
            if a.left() > b.left():
                start, end = end, start
            middle = (start.x() + end.x()) / 2
            path.moveTo(start)
            path.cubicTo(QPointF(middle, start.y()), QPointF(middle, end.y()), end)
            head_direction = QPointF(1 if end.x() > start.x() else -1, 0)
        head = None
        if edge.directed:
            size = 8 + 4 * edge.share
            tip = path.pointAtPercent(1.0)
            back = tip - head_direction * size * 1.6
            normal = QPointF(0, size * 0.8)
            head = QPolygonF([tip, back + normal, back - normal])
        src, dst = nodes[edge.source], nodes[edge.target]
        if edge.directed:
            tooltip = f"{_html(dst.title)}<br>borrows {edge.share:.0%} of its text from<br>{_html(src.title)}"
        else:
            tooltip = (f"{_html(src.title)}<br>and {_html(dst.title)} share text ({edge.share:.0%} of the second)"
                       "<br>No order: a date is missing, or both carry the same one")
        item = EdgeItem(edge, path, head, tooltip)
        self.scene().addItem(item)
        self.edges.append(item)
        if labelled:
            # Near the target end (where links of one source fan out), on a white patch.
            label = QGraphicsSimpleTextItem(f"{edge.share:.0%}")
            label.setBrush(QColor(ARROW if edge.directed else UNDIRECTED))
            box = label.boundingRect().adjusted(-2, -1, 2, 1)
            patch = QGraphicsRectItem(box)
            patch.setBrush(QColor(255, 255, 255, 220))
            patch.setPen(Qt.PenStyle.NoPen)
            label.setParentItem(patch)
            long_link = abs(a.left() - b.left()) > NODE_W + GAP_X + 1  # passes other columns
            point = path.pointAtPercent(0.5 if curl else 0.88 if long_link else 0.6)
            patch.setPos(point.x() + (4 if curl else -box.width() / 2), point.y() - box.height() / 2)
            self.scene().addItem(patch)

    # -- interaction -----------------------------------------------------------
    def select(self, key: int) -> None:
        """Highlight ``key`` and its links, and bring it into view."""
        self.selected = key
        for node_key, item in self.nodes.items():
            item.set_highlighted(node_key == key)
        for item in self.edges:
            item.set_highlighted(key in (item.edge.source, item.edge.target))
        if key in self.nodes:
            self.ensureVisible(self.nodes[key], 40, 40)

    def item_at(self, point) -> QGraphicsItem | None:
        for item in self.items(point):
            while item is not None and not isinstance(item, NodeItem | EdgeItem):
                item = item.parentItem()
            if item is not None:
                return item
        return None

    def mousePressEvent(self, event) -> None:
        item = self.item_at(event.position().toPoint())
        if isinstance(item, NodeItem):
            self.select(item.node.key)
            self.nodeActivated.emit(item.node.key)
        super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event) -> None:
        item = self.item_at(event.position().toPoint())
        if isinstance(item, EdgeItem) and self.mode == "articles":
            self.edgeActivated.emit(item.edge.source, item.edge.target)
            return
        super().mouseDoubleClickEvent(event)

    def drawBackground(self, painter: QPainter, rect: QRectF) -> None:
        super().drawBackground(painter, rect)
        painter.setPen(QColor(90, 90, 90))
        for x, title in self._column_titles:
            painter.drawText(QRectF(x, 0, NODE_W, HEADER_H - 6), Qt.AlignmentFlag.AlignCenter, title)

    def column_titles(self) -> list[str]:
        return [title for _x, title in self._column_titles]


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

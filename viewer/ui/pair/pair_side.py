"""One side of the pair view: the article chooser and its details above an overview strip and a pane."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from viewer.core.loading.articles import Article
from viewer.ui.pair.article_pane import ArticlePane
from viewer.ui.pair.overview_strip import OverviewStrip


class PaneSide(QWidget):
    """Header (article chooser and details) above an overview strip and a pane."""

    def __init__(self, name: str, strip_on_left: bool, parent=None) -> None:
        super().__init__(parent)
        self.chooser = QComboBox()
        self.chooser.setObjectName(f"chooser{name}")
        self.chooser.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.chooser.setMinimumContentsLength(20)
        self.chooser.setToolTip(f"The article shown in pane {name}")
        self.details = QLabel()
        self.details.setObjectName(f"details{name}")
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.details.setStyleSheet("color: palette(mid);")
        # A long file name must not widen the window: the label is cut instead.
        self.details.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.pane = ArticlePane()
        self.pane.setObjectName(f"pane{name}")
        self.strip = OverviewStrip()
        self.strip.setObjectName(f"strip{name}")
        header = QHBoxLayout()
        label = QLabel(f"<b>{name}</b>")
        header.addWidget(label)
        header.addWidget(self.chooser, 1)
        body = QHBoxLayout()
        body.setSpacing(0)
        if strip_on_left:
            body.addWidget(self.strip)
            body.addWidget(self.pane, 1)
        else:
            body.addWidget(self.pane, 1)
            body.addWidget(self.strip)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(3)
        layout.addLayout(header)
        layout.addWidget(self.details)
        layout.addLayout(body, 1)

    def show_details(self, article: Article | None) -> None:
        if article is None:
            self.details.setText("")
            return
        when = f"{article.date} {article.time}" if article.date and article.time else article.date
        parts = [article.outlet, ", ".join(article.authors), when, f"{article.words:,} words", article.name,
                 article.note]
        self.details.setText(" \u00b7 ".join(p for p in parts if p))
        self.details.setToolTip("\n".join(p for p in (article.path, article.url) if p))

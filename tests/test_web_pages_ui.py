"""The window's Paste as New Article (Ctrl+Shift+V) and Open Address… (fetched off the GUI thread)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QGuiApplication
from qt_helpers import open_window, wait_idle
from test_fetch import _closed_port, server  # noqa: F401 - the local HTTP server fixture

from viewer.core import paths
from viewer.core.loading.articles import WHOLE_PAGE_NOTE, load_article
from viewer.ui.articles.article_table_model import ArticleTableModel

WEB = Path(__file__).parent / "data" / "web"


def _paths(window) -> list[str]:
    return [a.path for a in window.model.articles]


def test_menus_carry_the_two_actions(qtbot):
    window = open_window(qtbot, [WEB / "doubled_head.html"])
    paste = window.action("paste_article")
    assert paste in window.menu("edit").actions()
    assert paste.shortcut().toString() == "Ctrl+Shift+V"
    assert window.action("open_address") in window.menu("file").actions()


def test_paste_html_becomes_a_stored_article_in_the_list(qtbot):
    window = open_window(qtbot, [WEB / "doubled_head.html"])
    mime = QMimeData()
    mime.setHtml("<h2>Ferry back</h2><p>A <b>pasted</b> paragraph about the ferry.</p>")
    mime.setText("Ferry back\nA pasted paragraph about the ferry.")
    QGuiApplication.clipboard().setMimeData(mime)
    window.action("paste_article").trigger()
    qtbot.waitUntil(lambda: len(window.model.articles) == 2, timeout=20_000)
    wait_idle(qtbot, window)
    pasted = window.model.articles[1]
    assert Path(pasted.path).parent == paths.saved_articles_dir()
    assert pasted.text == "Ferry back\n\nA pasted paragraph about the ferry."
    assert pasted.title == "Ferry back"
    # A file in the data folder: it reads the same after a restart.
    assert load_article(pasted.path).text == pasted.text


def test_paste_plain_text(qtbot):
    window = open_window(qtbot, [WEB / "doubled_head.html"])
    QGuiApplication.clipboard().setText("Harbour news\n\nThe ferry is back in service.")
    window.action("paste_article").trigger()
    qtbot.waitUntil(lambda: len(window.model.articles) == 2, timeout=20_000)
    wait_idle(qtbot, window)
    assert window.model.articles[1].path.endswith(".txt")
    assert window.model.articles[1].title == "Harbour news"


def test_open_address_fetches_in_the_background_and_lists_the_page(qtbot, server):  # noqa: F811
    window = open_window(qtbot, [WEB / "doubled_head.html"])
    with qtbot.waitSignal(window.web_pages.saved, timeout=20_000) as saved:
        window.web_pages.open_address(f"{server}/stray_endif.html")
    assert Path(saved.args[0]).parent == paths.saved_articles_dir()
    qtbot.waitUntil(lambda: len(window.model.articles) == 2, timeout=20_000)
    wait_idle(qtbot, window)
    article = window.model.articles[1]
    assert article.url == f"{server}/stray_endif.html"
    row = window.model.row_of(article.path)
    columns = ArticleTableModel.COLUMNS
    assert window.model.index(row, columns.index("Address")).data() == article.url
    assert window.model.index(row, columns.index("Authors")).data() == "Mette Jensen"
    assert window.model.index(row, columns.index("Date")).data() == "2020-01-02 10:21"


def test_open_address_failure_is_one_line_in_a_box(qtbot):
    window = open_window(qtbot, [WEB / "doubled_head.html"])
    with qtbot.waitSignal(window.web_pages.fetchFailed, timeout=20_000) as failed:
        window.web_pages.open_address(f"http://127.0.0.1:{_closed_port()}/page.html")
    assert "connection was refused" in failed.args[0] and "\n" not in failed.args[0]
    box = window.web_pages.message_box
    assert box is not None and box.isVisible() and box.text() == failed.args[0]
    box.close()
    assert len(window.model.articles) == 1


def test_list_says_when_the_whole_page_was_kept(qtbot, tmp_path):
    page = tmp_path / "times.html"
    page.write_text("<html><head><title>Opening times</title></head><body><nav><a href='/'>Home</a></nav>"
                    "<div><span>Open daily</span><br><span>9 to 5</span></div><footer>Footer</footer></body></html>")
    window = open_window(qtbot, [page, WEB / "doubled_head.html"])
    row = window.model.row_of(str(page))
    note = window.model.index(row, ArticleTableModel.COLUMNS.index("Note"))
    assert note.data() == WHOLE_PAGE_NOTE
    assert WHOLE_PAGE_NOTE in window.model.index(row, 0).data(Qt.ItemDataRole.ToolTipRole)


def test_pane_headers_show_authors_and_time(qtbot):
    window = open_window(qtbot, [WEB / "stray_endif.html", WEB / "doubled_head.html"])
    headers = {window.pair_view.side_a.details.text(), window.pair_view.side_b.details.text()}
    dot = " \u00b7 "
    assert any(text.startswith(f"Coastal Courier{dot}Mette Jensen{dot}2020-01-02 10:21{dot}") for text in headers)
    assert any(text.startswith(f"Beirut Observer{dot}2020-11-09 14:05{dot}") for text in headers)

"""Open Address: pages fetched from a local HTTP server on 127.0.0.1 (the suite never leaves the machine)."""

from __future__ import annotations

import functools
import socket
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from viewer.core.loading import fetch
from viewer.core.loading.articles import load_article

WEB = Path(__file__).parent / "data" / "web"


class _Handler(SimpleHTTPRequestHandler):
    release: threading.Event  # set on the class by the fixture

    def do_GET(self):  # noqa: N802 - http.server's name
        if self.path == "/slow":
            self.release.wait(30)  # answers only when the test lets it
            self.send_error(503)
            return
        if self.path == "/legacy":  # the charset only in the header, as old news sites do
            body = ("<html><body><article>" + "<p>Caf\u00e9 \u201cprices\u201d rose by \u20ac2 in Cr\u00e9teil "
                    "this week, the owners said, blaming the cost of coffee beans and of rent.</p>" * 4
                    + "</article></body></html>").encode("cp1252")
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=windows-1252")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        if self.path == "/moved":
            self.send_response(302)
            self.send_header("Location", "/stray_endif.html")
            self.end_headers()
            return
        super().do_GET()

    def log_message(self, *args):  # quiet
        pass


@pytest.fixture
def server():
    """A local server for tests/data/web, started in a thread and stopped after the test."""
    release = threading.Event()
    handler = functools.partial(type("Handler", (_Handler,), {"release": release}), directory=str(WEB))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        release.set()
        httpd.shutdown()
        httpd.server_close()
        thread.join()


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_fetched_page_is_stored_and_opens_with_its_address(server, tmp_path):
    path = fetch.fetch_to_file(f"{server}/stray_endif.html", tmp_path)
    assert path.parent == tmp_path and path.suffix == ".html"
    assert path.read_bytes().endswith((WEB / "stray_endif.html").read_bytes())  # stored as served
    article = load_article(path)
    assert article.url == f"{server}/stray_endif.html"  # from the saved-from line: the page names none
    assert article.title == "Harbour ferry returns after winter repairs"
    assert "eleven weeks in the shipyard" in article.text


def test_page_naming_its_canonical_address_keeps_it(server, tmp_path):
    article = load_article(fetch.fetch_to_file(f"{server}/doubled_head.html", tmp_path))
    assert article.url == "https://observer.example.com/2020/11/09/paris-flat-theft/"


def test_redirect_is_followed_and_the_final_address_kept(server, tmp_path):
    article = load_article(fetch.fetch_to_file(f"{server}/moved", tmp_path))
    assert article.url == f"{server}/stray_endif.html"


def test_charset_named_only_by_the_server_is_kept_with_the_file(server, tmp_path):
    article = load_article(fetch.fetch_to_file(f"{server}/legacy", tmp_path))
    assert "Caf\u00e9 \u201cprices\u201d rose by \u20ac2 in Cr\u00e9teil" in article.text
    assert article.encoding == "cp1252"


def test_default_folder_is_the_users_data_folder(server):
    from viewer.core import paths
    path = fetch.fetch_to_file(f"{server}/aspnet_form.html")
    assert path.parent == paths.saved_articles_dir()


@pytest.mark.parametrize(("address", "message"), [
    ("/missing.html", "the server answered 404"),
    ("/saved_page.mhtml", "Not a web page"),
])
def test_server_answers_that_are_not_pages(server, tmp_path, address, message):
    with pytest.raises(fetch.FetchError, match=message) as info:
        fetch.fetch_to_file(server + address, tmp_path)
    assert "\n" not in str(info.value)
    assert list(tmp_path.iterdir()) == []


def test_size_limit(server, tmp_path):
    with pytest.raises(fetch.FetchError, match="larger than 1 KB"):
        fetch.fetch_to_file(f"{server}/stray_endif.html", tmp_path, max_bytes=1024)
    assert list(tmp_path.iterdir()) == []


def test_refused_connection_is_one_plain_line(tmp_path):
    with pytest.raises(fetch.FetchError, match="connection was refused") as info:
        fetch.fetch_to_file(f"http://127.0.0.1:{_closed_port()}/page.html", tmp_path)
    assert str(info.value).startswith("Could not fetch http://127.0.0.1:")


def test_time_out(server, tmp_path):
    with pytest.raises(fetch.FetchError, match="no answer in time"):
        fetch.fetch_to_file(f"{server}/slow", tmp_path, timeout=0.3)


@pytest.mark.parametrize("address", ["", "ftp://example.org/x", "file:///etc/passwd", "https://"])
def test_addresses_that_are_not_web_addresses(address):
    with pytest.raises(fetch.FetchError):
        fetch.normalise_address(address)


def test_bare_host_gets_https():
    assert fetch.normalise_address(" example.org/news ") == "https://example.org/news"

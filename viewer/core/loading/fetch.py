"""Pages fetched by address and articles pasted from the clipboard, kept as files.

Both are stored in the user's data folder (``paths.saved_articles_dir()``) so that they open
again after a restart and can be tagged like any article file. A fetched page is saved as the
server sent it, behind the ``<!-- saved from url=(N)ADDRESS -->`` line browsers write, which
tells the extractor its address. Nothing here touches Qt: the window runs :func:`fetch_page` on a
worker thread.
"""

from __future__ import annotations

import os
import re
import socket
import ssl
import tempfile
import unicodedata
import urllib.error
import urllib.request
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit

from viewer import __version__
from viewer.core import paths
from viewer.core.loading import markup

TIMEOUT_S = 20.0
MAX_PAGE_BYTES = 10 * 1024 * 1024
USER_AGENT = f"ArticleViewer/{__version__} (desktop article reader)"
# What a browser's "save page" writes first; html.py reads the address back from it.
SAVED_FROM = "<!-- saved from url=({length:04d}){url} -->\n"
# Marks HTML that a person pasted: all of it is the article (see html.py).
PASTED_MARK = '<meta name="article-viewer-source" content="clipboard">'
_HTML_TYPES = ("text/html", "application/xhtml+xml")


class FetchError(Exception):
    """A page that could not be fetched; ``str()`` is one plain line for the user."""


def normalise_address(address: str) -> str:
    """``example.com/x`` -> ``https://example.com/x``; refuse what is not a web address."""
    address = address.strip()
    if not address:
        raise FetchError("No address given")
    if "://" not in address:
        address = "https://" + address
    parts = urlsplit(address)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchError(f"Not a web address: {address} (it must start with http:// or https://)")
    return address


def _reason(exc: BaseException) -> str:
    reason = getattr(exc, "reason", exc)
    if isinstance(reason, socket.timeout | TimeoutError):
        return "no answer in time"
    if isinstance(reason, ConnectionRefusedError):
        return "the connection was refused"
    if isinstance(reason, socket.gaierror):
        return "the server's name cannot be found (offline, or a wrong address)"
    if isinstance(reason, ssl.SSLError):
        return f"the secure connection failed ({getattr(reason, 'reason', None) or reason})"
    if isinstance(reason, OSError) and reason.strerror:
        return reason.strerror[0].lower() + reason.strerror[1:]
    return str(reason) or type(reason).__name__


def fetch_page(address: str, timeout: float = TIMEOUT_S,
               max_bytes: int = MAX_PAGE_BYTES) -> tuple[bytes, str, str | None]:
    """The page's bytes, its final address (after redirects) and the charset its server named;
    raise :class:`FetchError`."""
    url = normalise_address(address)
    request = urllib.request.Request(url, headers={
        "User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 - http(s) only, checked
            final = response.geturl() or url
            kind = (response.headers.get_content_type() or "").lower()
            charset = response.headers.get_content_charset()
            if response.headers.get("Content-Type") and kind not in _HTML_TYPES:
                raise FetchError(f"Not a web page: {final} is {kind}")
            data = response.read(max_bytes + 1)
    except FetchError:
        raise
    except urllib.error.HTTPError as exc:
        raise FetchError(f"Could not fetch {url}: the server answered {exc.code} {exc.reason}") from None
    except (urllib.error.URLError, OSError) as exc:
        raise FetchError(f"Could not fetch {url}: {_reason(exc)}") from None
    if len(data) > max_bytes:
        raise FetchError(f"Not fetched: {url} is larger than {_size(max_bytes)}, the limit for a page")
    if not data.strip():
        raise FetchError(f"Not fetched: {url} sent an empty page")
    if kind not in _HTML_TYPES and b"<" not in data[:1024]:
        raise FetchError(f"Not a web page: {final}")
    return data, final, charset


def _size(count: int) -> str:
    return f"{count / (1024 * 1024):.0f} MB" if count >= 1024 * 1024 else f"{max(1, count // 1024)} KB"


# -- storing ----------------------------------------------------------------------

def _slug(text: str, limit: int = 60) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = re.sub(r"[^\w\s-]", "", text.encode("ascii", "ignore").decode()).strip().lower()
    return re.sub(r"[\s_-]+", "-", text)[:limit].strip("-") or "article"


def store(data: bytes, hint: str, suffix: str, folder: Path | None = None) -> Path:
    """Write ``data`` to a new file named after ``hint`` in ``folder`` (the data folder by default)."""
    folder = Path(folder) if folder is not None else paths.saved_articles_dir()
    folder.mkdir(parents=True, exist_ok=True)
    stem = f"{datetime.now():%Y-%m-%d_%H%M%S}_{_slug(hint)}"
    target = folder / f"{stem}{suffix}"
    counter = 2
    while target.exists():
        target = folder / f"{stem}-{counter}{suffix}"
        counter += 1
    handle, temp = tempfile.mkstemp(dir=folder, prefix=".saving-", suffix=suffix)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return target


def save_fetched(data: bytes, url: str, folder: Path | None = None, charset: str | None = None) -> Path:
    """Store a fetched page behind its saved-from line; a charset only the server's header named
    is written into the file too, so that the page still decodes when read from disk."""
    parts = urlsplit(url)
    hint = f"{parts.hostname or ''} {Path(parts.path).stem or ''}"
    marker = SAVED_FROM.format(length=len(url), url=url.replace("--", "%2D%2D"))
    if charset and re.fullmatch(r"[A-Za-z0-9._:-]{1,40}", charset) and not re.search(
            rb"<meta[^>]{0,200}charset", data[:16384], re.I):
        marker += f'<meta charset="{charset}">\n'
    return store(marker.encode("ascii", "replace") + data, hint, ".html", folder)


def fetch_to_file(address: str, folder: Path | None = None, timeout: float = TIMEOUT_S,
                  max_bytes: int = MAX_PAGE_BYTES) -> Path:
    """Fetch a page and save it as ``.html`` in ``folder``; the saved file's path."""
    data, final, charset = fetch_page(address, timeout=timeout, max_bytes=max_bytes)
    return save_fetched(data, final, folder, charset)


def save_pasted(html_source: str | None, text: str | None, folder: Path | None = None) -> Path:
    """Clipboard content as an article file: HTML as ``.html`` (all of it is the article), else ``.txt``."""
    if html_source and html_source.strip():
        shown = text if text and text.strip() else markup.html_to_text(html_source).text
        hint = shown.strip().split("\n", 1)[0][:80]
        page = (f"<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">{PASTED_MARK}</head>\n"
                f"<body>\n{html_source}\n</body></html>\n")
        return store(page.encode("utf-8"), f"pasted {hint}", ".html", folder)
    if text and text.strip():
        return store(text.replace("\r\n", "\n").encode("utf-8"), f"pasted {text.strip().splitlines()[0][:80]}",
                     ".txt", folder)
    raise FetchError("The clipboard holds no text")

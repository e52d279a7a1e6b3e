"""Articles: finding them on disk, reading them, and what the list shows of them."""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from viewer.core.errors import ArticleError
from viewer.core.files import NotRegularFileError, TooLargeError, read_regular
from viewer.core.loading import html as web
from viewer.core.loading import markup, metadata, mhtml
from viewer.core.loading.decoding import NotTextError, decode

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".mhtml", ".mht")
# Said in the list when a page had no article that the extractor could find.
WHOLE_PAGE_NOTE = "no article found: the whole page's text"
SUMMARY_NOTE = "no text in the page: its title and description only"
# Past this a file is refused rather than read: nobody reads a 50 MB article,
# and aligning one would hold the window for minutes.
MAX_ARTICLE_BYTES = 20 * 1024 * 1024


@dataclass
class Article:
    path: str
    text: str
    title: str
    outlet: str | None = None
    date: str | None = None
    words: int = 0
    kind: str = "txt"  # txt, md, html or mhtml
    encoding: str = "utf-8"
    # Formatting of Markdown and HTML articles, in code points of ``text``.
    styles: list[tuple[int, int, str]] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    time: str | None = None  # HH:MM of publication, when the source gives it (page, front matter, date line)
    url: str | None = None  # the page's address (canonical or og:url), when known
    note: str | None = None  # how the text was got, when the list should say so (WHOLE_PAGE_NOTE)

    @property
    def published(self) -> str | None:
        """ISO 8601 publication date, with the time of day when known."""
        if self.date and self.time:
            return f"{self.date}T{self.time}"
        return self.date

    @property
    def name(self) -> str:
        return Path(self.path).name

    @cached_property
    def sha256(self) -> str:
        """Of the text, computed once (an article's text does not change once loaded)."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


@dataclass
class LoadResult:
    articles: list[Article] = field(default_factory=list)
    problems: list[ArticleError] = field(default_factory=list)


def bundled_seeds_dir() -> Path:
    """The seed articles shipped with the app (in the wheel, or the source tree)."""
    package_dir = Path(__file__).resolve().parent.parent.parent
    for candidate in (package_dir / "seeds", package_dir.parent / "seeds"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("the bundled seed articles are missing from this installation")


# A data folder's own notes are not articles (the BBC corpus ships a README.TXT).
_NOT_ARTICLES = {"readme", "license", "licence", "copying", "changelog", "notice", "authors"}


def _is_article_file(path: Path) -> bool:
    """An article found in a folder: a known suffix, not hidden, not the folder's README."""
    return (path.suffix.lower() in ARTICLE_SUFFIXES and not path.name.startswith(".")
            and path.stem.lower() not in _NOT_ARTICLES)


def expand_paths(paths: Iterable[str | os.PathLike[str]]) -> tuple[list[Path], list[ArticleError]]:
    """Files as given, folders expanded recursively to their article files, sorted by path."""
    files: list[Path] = []
    problems: list[ArticleError] = []
    seen: set[Path] = set()
    for raw in paths:
        path = Path(raw)
        if _is_dir(path):
            unreadable: list[OSError] = []
            found = sorted(p for p in _walk_files(path, unreadable) if _is_article_file(p))
            if not found and unreadable:
                first = unreadable[0]
                where = "" if first.filename in (None, str(path)) else f" ({first.filename})"
                problems.append(ArticleError(path, f"folder cannot be read: {first.strerror or first}{where}"))
            elif not found:
                problems.append(ArticleError(path, "folder holds no .txt, .md or .html articles"))
            for item in found:
                real = item.resolve()
                if real not in seen:
                    seen.add(real)
                    files.append(item)
        elif _exists(path, problems) and (real := path.resolve()) not in seen:
            seen.add(real)
            files.append(path)
    return files, problems


def _is_dir(path: Path) -> bool:
    try:
        return stat.S_ISDIR(os.stat(path).st_mode)
    except OSError:  # unreachable (permission denied...): _exists says why
        return False


def _exists(path: Path, problems: list[ArticleError]) -> bool:
    """Whether ``path`` is there; if not, why not goes into ``problems``."""
    try:
        os.stat(path)
        return True
    except FileNotFoundError:
        problems.append(ArticleError(path, "no such file or folder"))
    except PermissionError:
        problems.append(ArticleError(path, "permission denied (a folder on the way cannot be entered)"))
    except OSError as exc:
        problems.append(ArticleError(path, f"cannot be read ({exc.strerror or exc})"))
    return False


def _walk_files(folder: Path, unreadable: list[OSError]) -> Iterable[Path]:
    """Regular files under ``folder`` (as ``rglob``: symlinked folders not entered); folders
    that cannot be listed are collected in ``unreadable`` instead of silently skipped."""
    for root, _dirs, names in os.walk(folder, onerror=unreadable.append):
        for name in names:
            candidate = Path(root, name)
            if candidate.is_file():  # FIFOs, devices and sockets are not listed
                yield candidate


def _read_bytes(path: Path) -> bytes:
    try:
        return read_regular(path, MAX_ARTICLE_BYTES)
    except TooLargeError as exc:
        raise ArticleError(
            path, f"too large to be an article ({exc.size / 1e6:.1f} MB; the limit is {MAX_ARTICLE_BYTES / 1e6:.0f} MB)"
        ) from None
    except NotRegularFileError as exc:
        raise ArticleError(path, exc.reason) from None
    except PermissionError:
        raise ArticleError(path, "permission denied") from None
    except IsADirectoryError:
        raise ArticleError(path, "is a folder, not a file") from None
    except FileNotFoundError:
        raise ArticleError(path, "no such file or folder") from None
    except OSError as exc:
        raise ArticleError(path, f"cannot be read ({exc.strerror or exc})") from None


def article_from_text(path: str, source: str, kind: str = "txt", encoding: str = "utf-8") -> Article:
    """Build an article from decoded source (plain text, Markdown or HTML)."""
    if kind in ("html", "mhtml"):
        page = web.extract_page(source)
        page.encoding = encoding
        return article_from_page(path, page, kind)
    if kind == "txt":
        text, styles = source, []
        title = metadata.find_title(text)
        outlet = metadata.find_outlet(text)
        date = metadata.find_date(text)
        stamp = metadata.find_date_line(text)
        note = None
    else:
        rendered = markup.markdown_to_text(source)
        text, styles = rendered.text, rendered.spans
        title = rendered.title or metadata.find_title(text)
        outlet = rendered.site_name or metadata.find_outlet(text)
        date = metadata.parse_date(rendered.date) or metadata.find_date(text)
        stamp = rendered.date
        note = rendered.note
    return Article(
        path=path, text=text, title=title or Path(path).stem, outlet=outlet, date=date,
        words=metadata.count_words(text), kind=kind, encoding=encoding, styles=styles,
        time=metadata.time_of_day(stamp, date), note=note,
    )


def kind_of(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in (".md", ".markdown"):
        return "md"
    if suffix in (".html", ".htm"):
        return "html"
    if suffix in (".mhtml", ".mht"):
        return "mhtml"
    return "txt"


def article_from_page(path: str, page: web.WebPage, kind: str = "html") -> Article:
    return Article(
        path=path, text=page.text, title=page.title or metadata.find_title(page.text) or Path(path).stem,
        outlet=page.outlet, date=page.date, words=metadata.count_words(page.text), kind=kind,
        encoding=page.encoding, styles=page.styles, authors=page.authors, time=page.time, url=page.url,
        note=WHOLE_PAGE_NOTE if page.whole_page else SUMMARY_NOTE if page.summary_only else None,
    )


def article_from_bytes(path: str | os.PathLike[str], data: bytes) -> Article:
    """The article in a file's bytes (its kind from the name); a pure function, safe in a worker process.

    Raises :class:`ArticleError` when the bytes hold no readable text.
    """
    path = Path(path)
    if not data.strip():
        raise ArticleError(path, "is empty")
    kind = kind_of(path)
    try:
        if kind == "mhtml":
            part = mhtml.html_part(data)
            article = article_from_page(str(path), web.extract_page(part.html, url=part.location), kind)
        elif kind == "html":
            article = article_from_page(str(path), web.extract_page(data), kind)
        else:
            decoded = decode(data)
            article = article_from_text(str(path), decoded.text, kind, decoded.encoding)
            if decoded.damaged:
                # Damaged UTF-8 stays UTF-8 (never re-read as cp1252); the list says so.
                places = "1 damaged place" if decoded.damaged == 1 else f"{decoded.damaged} damaged places"
                damage = f"not valid UTF-8 in {places}, shown as \ufffd"
                article.note = f"{damage}; {article.note}" if article.note else damage
    except NotTextError as exc:
        raise ArticleError(path, f"is not a text file: {exc}") from None
    except mhtml.NotMhtmlError as exc:
        raise ArticleError(path, str(exc)) from None
    if not article.text.strip():
        raise ArticleError(path, "has no readable text")
    return article


def load_article(path: str | os.PathLike[str]) -> Article:
    """Read one article; raise :class:`ArticleError` with a plain reason if it cannot be."""
    path = Path(path)
    if _is_dir(path):
        raise ArticleError(path, "is a folder, not a file")
    return article_from_bytes(path, _read_bytes(path))


def load_articles(
    paths: Iterable[str | os.PathLike[str]],
    progress: Callable[[int, int], bool | None] | None = None,
) -> LoadResult:
    """Load every article under ``paths``; problems are collected, never raised.

    ``progress(done, total)`` is called after each file; returning ``False`` cancels.
    """
    files, problems = expand_paths(paths)
    result = LoadResult(problems=problems)
    for index, file in enumerate(files, start=1):
        try:
            result.articles.append(load_article(file))
        except ArticleError as exc:
            result.problems.append(exc)
        if progress is not None and progress(index, len(files)) is False:
            break
    return result

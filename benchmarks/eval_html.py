"""How well saved web pages are read: article body, title and publication date against human ground truth.

Run: ``.venv/bin/python benchmarks/eval_html.py`` (``make eval-html``). Needs
``../shared/corpora/web-pages`` (its README describes the three sets); says so and exits 0 without it.

- Body: the Scrapinghub article-extraction benchmark's metric (4-token shingles of ``\\w+`` tokens,
  per-page precision and recall as shares of matched shingles, averaged over pages, F1 of the two
  means). Checked first against the benchmark's stored outputs of other extractors.
- Title: the Readability.js test pages of at least 20 kB. A title counts as right when it equals
  the expected one after normalising case, quotes and spaces, or when one of the two is the other
  with the site's name before or after a separator (" | ", " - ", ...): the expectations keep the
  site suffix on some pages and not on others ("Title | Site", "Title _Section _Site", "Title [Site]").
- Date: the htmldate pages whose ground truth has a date (YYYY-MM-DD equality).

Every page is read the way the app reads it (``article_from_bytes``). Each set is split in two
halves by a hash of the page's name: ``dev`` (options were chosen on it) and ``test`` (held out).
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import re
import statistics
import sys
import time
import unicodedata
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from viewer.core.errors import ArticleError  # noqa: E402
from viewer.core.loading import html as web  # noqa: E402
from viewer.core.loading.articles import article_from_bytes  # noqa: E402

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "web-pages"
REFERENCE_F1 = {"trafilatura": 0.958, "readability": 0.922, "justext": 0.804, "html-text": 0.665}
MIN_TITLE_PAGE_BYTES = 20_000


def split_of(name: str) -> str:
    """``dev`` or ``test``: a stable half of each set, by the page's name."""
    return "dev" if hashlib.sha256(name.encode()).digest()[0] < 128 else "test"


# -- the body metric -----------------------------------------------------------

_TOKEN = re.compile(r"\w+")


def shingles(text: str, n: int = 4) -> Counter:
    tokens = _TOKEN.findall(text or "")
    return Counter(tuple(tokens[i:i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i:i + n])


def page_counts(truth: str, predicted: str) -> tuple[float, float, float]:
    """Matched, extra and missed shingles of one page, as shares of their sum."""
    expected, got = shingles(truth), shingles(predicted)
    tp = sum((expected & got).values())
    fp = sum((got - expected).values())
    fn = sum((expected - got).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def body_scores(counts: list[tuple[float, float, float]]) -> tuple[float, float, float]:
    """(precision, recall, F1) over pages, as the benchmark computes them."""
    def precision(tp, fp, fn):
        return 1.0 if fp == fn == 0 else 0.0 if tp == fp == 0 else tp / (tp + fp)

    def recall(tp, fp, fn):
        return 1.0 if fp == fn == 0 else 0.0 if tp == fn == 0 else tp / (tp + fn)

    p = statistics.mean(precision(*c) for c in counts if c[0] + c[1] > 0)
    r = statistics.mean(recall(*c) for c in counts if c[0] + c[2] > 0)
    return p, r, 2 * p * r / (p + r)


# -- titles -----------------------------------------------------------------------

_SEPARATORS = re.compile(r"\s+[|\-\u2013\u2014:\u00b7\u2022\u00bb/_]+\s*|\s+(?=\[[^\]]+\]$)")


def _norm(title: str | None) -> str:
    title = unicodedata.normalize("NFKC", title or "").casefold()
    title = title.translate(str.maketrans("\u2018\u2019\u201c\u201d\u00a0", "''\"\" "))
    return re.sub(r"\s+", " ", title).strip(" .")


def title_matches(found: str | None, expected: str | None) -> bool:
    a, b = _norm(found), _norm(expected)
    if not a or not b:
        return a == b
    if a == b:
        return True
    for longer, shorter in ((a, b), (b, a)):
        parts = [part.strip("[] ") for part in _SEPARATORS.split(longer)]
        if len(parts) > 1 and (" ".join(parts[:-1]) == shorter or " ".join(parts[1:]) == shorter
                               or shorter in (parts[0], parts[-1])):
            return True
    return False


# -- reading pages ---------------------------------------------------------------------

# Pages refused because they hold no text at all (a bot check, an empty body): not an error.
REFUSED: list[str] = []


def read(name: str, data: bytes, timings: list[float], errors: list[str]):
    start = time.perf_counter()
    try:
        article = article_from_bytes(f"{name}.html", data)
    except ArticleError as exc:
        article = None
        (REFUSED if exc.reason == "has no readable text" else errors).append(f"{name}: {exc.reason}")
    except Exception as exc:  # noqa: BLE001 - an evaluation counts every failure
        article = None
        errors.append(f"{name}: {type(exc).__name__}: {exc}")
    timings.append(time.perf_counter() - start)
    return article


def check_metric(corpus: Path) -> None:
    truth = json.loads((corpus / "scrapinghub" / "ground-truth.json").read_text())
    for name, expected in REFERENCE_F1.items():
        stored = json.loads((corpus / "scrapinghub" / "reference-output" / f"{name}.json").read_text())
        stored = stored.get("output", stored)
        counts = [page_counts(truth[k].get("articleBody", ""), stored[k].get("articleBody", "")) for k in truth]
        f1 = body_scores(counts)[2]
        status = "ok" if abs(f1 - expected) < 0.0005 else "MISMATCH"
        print(f"  metric check: stored {name} output scores F1 {f1:.3f} (published {expected:.3f}) {status}")


def eval_body(corpus: Path, timings, errors, report) -> dict[str, dict]:
    folder = corpus / "scrapinghub"
    truth = json.loads((folder / "ground-truth.json").read_text())
    per_split: dict[str, list] = {"dev": [], "test": []}
    empty, whole = [], []
    for name, entry in sorted(truth.items()):
        article = read(name, gzip.decompress((folder / "html" / f"{name}.html.gz").read_bytes()), timings, errors)
        text = article.text if article else ""
        if entry.get("articleBody", "").strip() and not text.strip():
            empty.append(name)
        if article is not None and article.note:
            whole.append(name)
        counts = page_counts(entry.get("articleBody", ""), text)
        per_split[split_of(name)].append(counts)
        report.append({"set": "body", "page": name, "split": split_of(name), "tp_fp_fn": counts,
                       "note": article.note if article else None})
    result = {}
    for split, counts in (*per_split.items(), ("all", per_split["dev"] + per_split["test"])):
        p, r, f1 = body_scores(counts)
        result[split] = {"pages": len(counts), "precision": p, "recall": r, "f1": f1}
    result["empty"], result["whole_page"] = empty, whole
    return result


def eval_titles(corpus: Path, timings, errors, report) -> dict[str, dict]:
    folder = corpus / "readability_js"
    expected = json.loads((folder / "expected-metadata.json").read_text())
    scores: dict[str, list[bool]] = {"dev": [], "test": []}
    outlets: list[bool] = []
    for name, meta in sorted(expected.items()):
        path = folder / "pages" / f"{name}.html.gz"
        data = gzip.decompress(path.read_bytes())
        if len(data) < MIN_TITLE_PAGE_BYTES:
            continue
        article = read(name, data, timings, errors)
        found = article.title if article else None
        right = title_matches(found, meta.get("title"))
        scores[split_of(name)].append(right)
        if meta.get("siteName"):
            outlets.append(_norm(article.outlet if article else None) == _norm(meta["siteName"]))
        report.append({"set": "title", "page": name, "split": split_of(name), "found": found,
                       "expected": meta.get("title"), "right": right})
    result = {split: {"pages": len(v), "right": sum(v)} for split, v in scores.items()}
    result["all"] = {"pages": sum(len(v) for v in scores.values()), "right": sum(sum(v) for v in scores.values())}
    result["outlet"] = {"pages": len(outlets), "right": sum(outlets)}
    return result


def eval_dates(corpus: Path, timings, errors, report) -> dict[str, dict]:
    folder = corpus / "htmldate"
    truth = json.loads((folder / "ground-truth.json").read_text())
    scores: dict[str, list[bool]] = {"dev": [], "test": []}
    for name, entry in sorted(truth.items()):
        article = read(name, gzip.decompress((folder / "pages" / f"{name}.html.gz").read_bytes()), timings, errors)
        expected = entry.get("date")
        if not isinstance(expected, str) or not re.fullmatch(r"\d{4}-\d\d-\d\d", expected):
            continue  # NaN in the ground truth: read for robustness, not scored
        found = article.date if article else None
        scores[split_of(name)].append(found == expected)
        report.append({"set": "date", "page": name, "split": split_of(name), "found": found,
                       "expected": expected, "right": found == expected})
    result = {split: {"pages": len(v), "right": sum(v)} for split, v in scores.items()}
    result["all"] = {"pages": sum(len(v) for v in scores.values()), "right": sum(sum(v) for v in scores.values())}
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--sets", default="body,title,date", help="comma-separated: body, title, date")
    parser.add_argument("--option", action="append", default=[], metavar="NAME=true|false",
                        help="override one of viewer.core.loading.html.EXTRACTION_OPTIONS (for tuning on dev)")
    parser.add_argument("--report", type=Path, help="write per-page results as JSON here")
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"The web-page corpora are not here ({args.corpus}): nothing to evaluate.")
        return 0
    for option in args.option:
        key, _, value = option.partition("=")
        web.EXTRACTION_OPTIONS[key] = value.lower() in ("1", "true", "yes")
    print(f"Extraction options: {web.EXTRACTION_OPTIONS}")
    sets = set(args.sets.split(","))
    timings: list[float] = []
    errors: list[str] = []
    report: list[dict] = []
    ok = True
    if "body" in sets:
        check_metric(args.corpus)
        body = eval_body(args.corpus, timings, errors, report)
        for split in ("dev", "test", "all"):
            b = body[split]
            print(f"Body ({split}, {b['pages']} pages): precision {b['precision']:.3f}, recall {b['recall']:.3f},"
                  f" F1 {b['f1']:.3f}")
        print(f"  empty where the ground truth has an article: {len(body['empty'])} {body['empty'][:5]}")
        print(f"  whole-page fallback: {len(body['whole_page'])} {body['whole_page'][:5]}")
        ok &= body["all"]["f1"] >= 0.95 and not body["empty"]
    if "title" in sets:
        titles = eval_titles(args.corpus, timings, errors, report)
        for split in ("dev", "test", "all"):
            t = titles[split]
            print(f"Title ({split}): {t['right']}/{t['pages']} = {t['right'] / max(1, t['pages']):.3f}")
        o = titles["outlet"]
        print(f"  outlet equals siteName: {o['right']}/{o['pages']} = {o['right'] / max(1, o['pages']):.3f}")
        ok &= titles["all"]["right"] / max(1, titles["all"]["pages"]) >= 0.85
    if "date" in sets:
        dates = eval_dates(args.corpus, timings, errors, report)
        for split in ("dev", "test", "all"):
            d = dates[split]
            print(f"Date ({split}): {d['right']}/{d['pages']} = {d['right'] / max(1, d['pages']):.3f}")
        ok &= dates["all"]["right"] / max(1, dates["all"]["pages"]) >= 0.90
    print(f"Pages read: {len(timings)}, errors: {len(errors)}, refused as holding no text: {len(REFUSED)}")
    for error in errors[:10] + REFUSED[:10]:
        print(f"  {error}")
    if timings:
        print(f"Time per page: median {statistics.median(timings) * 1000:.0f} ms,"
              f" 90th percentile {sorted(timings)[int(0.9 * len(timings))] * 1000:.0f} ms, total {sum(timings):.1f} s")
    print("Targets (body F1 >= 0.95, title >= 0.85, date >= 0.90, no error, no empty result):",
          "met" if ok and not errors else "NOT met")
    if args.report:
        args.report.write_text(json.dumps(report, indent=1, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())

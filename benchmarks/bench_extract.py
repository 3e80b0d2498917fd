"""Extraction benchmark: body F1, field accuracy and cost on ``tests/eval``, beside trafilatura.

Run: ``.venv/bin/python -m benchmarks.bench_extract [--repeat N]``

Body F1 is the common shingle metric: bodies are split into word tokens (CJK characters count
one each), overlapping 4-token shingles are compared as multisets, precision and recall are
computed per page, averaged over pages, and F1 is taken of the two averages. Title is exact after
whitespace normalisation, authors are compared as sets, the publication day (UTC) comes from
``wirecrawl.dates`` choosing among our candidates, attribution needs the original source's name
(case/"the"-insensitive) and, where the truth has one, its URL; a page without attribution
must get none. trafilatura runs with its defaults (``extract`` for the body, ``bare_extraction``
with metadata for the fields) on the same decoded text.

Cost: each page is timed ``--repeat`` times (the best time counts) for a plain parse (parsel
parse + ``<title>`` + all body text), for ``extract`` and for trafilatura; ratios are totals over
the pages whose body came from structured data or selectors, and over the pages that needed the
generic extractor. The last line printed is one JSON object with every figure.
"""

from __future__ import annotations

import argparse
import json
import re
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import Any

EVAL_DIR = Path(__file__).resolve().parent.parent / "tests" / "eval" / "pages"
STRUCTURED_RULES = frozenset({"selectors", "jsonld+page", "jsonld"})
_TOKEN_RE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]|\w+", re.UNICODE)


@dataclass
class Case:
    """One evaluation page: its bytes and its truth."""

    name: str
    data: bytes
    truth: dict[str, Any]


def load_cases(directory: Path = EVAL_DIR) -> list[Case]:
    """Every ``<name>.json`` truth with its ``<name>.html`` or ``<name>.html.gz`` page, by name."""
    cases = []
    for truth_path in sorted(directory.glob("*.json")):
        name = truth_path.stem
        page = directory / f"{name}.html"
        if not page.exists():
            page = directory / f"{name}.html.gz"
        cases.append(Case(name, page.read_bytes(), json.loads(truth_path.read_text("utf-8"))))
    return cases


def tokens(text: str) -> list[str]:
    """Word tokens of a body; each CJK character is a token."""
    return _TOKEN_RE.findall(text.casefold())


def shingles(items: list[str], n: int = 4) -> Counter[tuple[str, ...]]:
    """Multiset of overlapping ``n``-token shingles (the whole text when shorter than ``n``)."""
    if not items:
        return Counter()
    if len(items) < n:
        return Counter([tuple(items)])
    return Counter(tuple(items[i : i + n]) for i in range(len(items) - n + 1))


def precision_recall(predicted: str, true: str) -> tuple[float, float]:
    """Shingle precision and recall of one page (an empty prediction scores 0, 0)."""
    pred, gold = shingles(tokens(predicted)), shingles(tokens(true))
    if not gold:
        return (1.0, 1.0) if not pred else (0.0, 1.0)
    if not pred:
        return 0.0, 0.0
    overlap = sum((pred & gold).values())
    return overlap / sum(pred.values()), overlap / sum(gold.values())


def body_scores(pairs: Iterable[tuple[str, str]]) -> dict[str, float]:
    """Average precision, average recall and the F1 of those averages over (predicted, true)."""
    scores = [precision_recall(p, t) for p, t in pairs]
    if not scores:
        return {"precision": 0.0, "recall": 0.0, "f1": 0.0}
    precision = sum(p for p, _ in scores) / len(scores)
    recall = sum(r for _, r in scores) / len(scores)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


def norm_space(text: str | None) -> str:
    """Whitespace-collapsed text ("" for None)."""
    return " ".join((text or "").split())


def norm_name(text: str | None) -> str:
    """An outlet name compared without case, punctuation or a leading "the"."""
    key = re.sub(r"[^\w]+", " ", (text or "").casefold()).strip()
    return re.sub(r"^the\s+", "", key)


def source_of(truth: dict[str, Any]) -> Any:
    """The Source a truth file declares (for pages that need selectors), else None."""
    if not truth.get("source"):
        return None
    from wirecrawl.sources import build_source

    return build_source(truth["source"], "eval", {})


def fetched_at(truth: dict[str, Any]) -> datetime:
    """The truth's fetch time (fixed, so date choices never depend on the wall clock)."""
    value = datetime.fromisoformat(truth.get("fetched_at") or "2026-12-01T00:00:00+00:00")
    return value if value.tzinfo else value.replace(tzinfo=UTC)


@dataclass
class Outcome:
    """What one system made of one page."""

    body: str = ""
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    original_source: str | None = None
    original_url: str | None = None
    rule: str = ""


def run_ours(case: Case) -> Outcome:
    """Our extraction, cleaning and date choice for one page."""
    from wirecrawl.dates import DateNormaliser
    from wirecrawl.extract import extract

    source = source_of(case.truth)
    found = extract(case.data, case.truth["url"], source=source)
    choice = DateNormaliser().choose(
        found.date_candidates,
        fetched_at(case.truth),
        timezone=source.timezone if source else "UTC",
        languages=list(source.languages) if source else None,
        date_order=source.date_order if source else None,
    )
    published = choice.result.published_at
    return Outcome(
        body="\n\n".join(found.body),
        title=found.title,
        authors=list(found.authors),
        published=published.astimezone(UTC).date().isoformat() if published else None,
        original_source=found.original_source,
        original_url=found.original_url,
        rule=found.evidence.get("body", ""),
    )


def decoded(case: Case) -> str:
    """The page's text as our decoder reads it (what trafilatura and the baseline get)."""
    from wirecrawl.extract.decode import decode_page

    return decode_page(case.data).text


def run_trafilatura(case: Case) -> Outcome:
    """trafilatura with its defaults: ``extract`` for the body, metadata for the fields."""
    import trafilatura

    text = decoded(case)
    body = trafilatura.extract(text, url=case.truth["url"]) or ""
    meta = trafilatura.bare_extraction(text, url=case.truth["url"], with_metadata=True)
    authors = [a.strip() for a in (getattr(meta, "author", None) or "").split(";") if a.strip()]
    return Outcome(
        body=body,
        title=getattr(meta, "title", None),
        authors=authors,
        published=getattr(meta, "date", None),
    )


def field_hits(case: Case, outcome: Outcome) -> dict[str, bool | None]:
    """Per-field correctness (None where the truth has nothing to check)."""
    truth = case.truth
    hits: dict[str, bool | None] = {
        "title": norm_space(outcome.title) == norm_space(truth["title"]),
        "authors": {norm_space(a) for a in outcome.authors}
        == {norm_space(a) for a in truth["authors"]},
        "published": (outcome.published == truth["published"]) if truth.get("published") else None,
    }
    expected = truth.get("original_source")
    if expected:
        name_ok = norm_name(outcome.original_source) == norm_name(expected)
        url_ok = not truth.get("original_url") or outcome.original_url == truth["original_url"]
        hits["attribution"] = name_ok and url_ok
    else:
        hits["attribution"] = outcome.original_source is None
    return hits


def accuracy(rows: list[dict[str, bool | None]], name: str) -> float:
    """Share of pages where ``name`` was right, among pages where it can be checked."""
    checked = [row[name] for row in rows if row[name] is not None]
    return sum(1 for ok in checked if ok) / len(checked) if checked else 0.0


def best_time(func: Callable[[], object], repeat: int) -> float:
    """The fastest of ``repeat`` runs, in seconds."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        best = min(best, time.perf_counter() - start)
    return best


def plain_parse(text: str) -> tuple[str | None, str]:
    """The cost reference: parsel parse, the ``<title>`` and all body text."""
    from parsel import Selector

    selector = Selector(text=text)
    return selector.css("title::text").get(), " ".join(selector.xpath("//body//text()").getall())


def timings(cases: list[Case], rules: dict[str, str], repeat: int) -> dict[str, Any]:
    """Cost ratios of extract and trafilatura to a plain parse, by kind of page."""
    import trafilatura

    from wirecrawl.extract import extract

    totals: dict[str, dict[str, float]] = {
        kind: {"plain": 0.0, "ours": 0.0, "trafilatura": 0.0} for kind in ("structured", "generic")
    }
    for case in cases:
        text = decoded(case)
        url = case.truth["url"]
        source = source_of(case.truth)
        kind = "structured" if rules[case.name] in STRUCTURED_RULES else "generic"
        totals[kind]["plain"] += best_time(partial(plain_parse, text), repeat)
        totals[kind]["ours"] += best_time(partial(extract, text, url, source=source), repeat)
        totals[kind]["trafilatura"] += best_time(
            partial(trafilatura.extract, text, url=url), repeat
        )
    counts = Counter("structured" if r in STRUCTURED_RULES else "generic" for r in rules.values())
    out: dict[str, Any] = {}
    for kind, total in totals.items():
        plain = total["plain"] or 1e-9
        out[kind] = {
            "pages": counts[kind],
            "plain_ms": 1000 * total["plain"] / max(1, counts[kind]),
            "ours_ms": 1000 * total["ours"] / max(1, counts[kind]),
            "ours_ratio": total["ours"] / plain,
            "trafilatura_ratio": total["trafilatura"] / plain,
        }
    return out


def evaluate(cases: list[Case], with_trafilatura: bool = True) -> dict[str, Any]:
    """Quality figures for our extraction (and trafilatura's), plus per-page details."""
    ours: list[Outcome] = [run_ours(case) for case in cases]
    report: dict[str, Any] = {"pages": len(cases)}
    systems = {"wirecrawl": ours}
    if with_trafilatura:
        systems["trafilatura"] = [run_trafilatura(case) for case in cases]
    for name, outcomes in systems.items():
        rows = [field_hits(c, o) for c, o in zip(cases, outcomes, strict=True)]
        scores = body_scores(
            (o.body, "\n\n".join(c.truth["body"])) for c, o in zip(cases, outcomes, strict=True)
        )
        report[name] = {
            "body": scores,
            "title": accuracy(rows, "title"),
            "authors": accuracy(rows, "authors"),
            "published": accuracy(rows, "published"),
            "attribution": accuracy(rows, "attribution"),
        }
    report["per_page"] = {
        c.name: {
            "rule": o.rule,
            "body": precision_recall(o.body, "\n\n".join(c.truth["body"])),
            **field_hits(c, o),
        }
        for c, o in zip(cases, ours, strict=True)
    }
    return report


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="timing runs per page (best counts)")
    parser.add_argument("--pages", action="store_true", help="print a line per page")
    args = parser.parse_args(argv)
    cases = load_cases()
    report = evaluate(cases)
    rules = {name: row["rule"] for name, row in report["per_page"].items()}
    report["cost"] = timings(cases, rules, args.repeat)
    if args.pages:
        for name, row in report["per_page"].items():
            p, r = row["body"]
            flags = " ".join(
                k for k in ("title", "authors", "published", "attribution") if row[k] is False
            )
            print(f"{name:38} {row['rule']:14} P={p:.3f} R={r:.3f} {flags}")
    print(f"{'metric':22} {'wirecrawl':>10} {'trafilatura':>12}")
    for key in ("precision", "recall", "f1"):
        print(
            f"{'body ' + key:22} {report['wirecrawl']['body'][key]:>10.3f} "
            f"{report['trafilatura']['body'][key]:>12.3f}"
        )
    for key in ("title", "authors", "published", "attribution"):
        print(f"{key:22} {report['wirecrawl'][key]:>10.3f} {report['trafilatura'][key]:>12.3f}")
    for kind, row in report["cost"].items():
        print(
            f"cost {kind:17} {row['ours_ratio']:>9.2f}x {row['trafilatura_ratio']:>11.2f}x"
            f"  ({row['pages']} pages, plain parse {row['plain_ms']:.2f} ms,"
            f" extract {row['ours_ms']:.2f} ms)"
        )
    summary = {k: v for k, v in report.items() if k != "per_page"}
    print(json.dumps(summary, sort_keys=True))


if __name__ == "__main__":
    main()

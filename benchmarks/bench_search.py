"""Search and export benchmark: latency of ``store.search_stories`` on a large database.

A seeded generator invents stories from made-up words (syllables drawn into a Zipf-distributed
vocabulary, so a few words are everywhere and most are rare), a tenth of them in Persian and
Arabic letters with variant letter forms, diacritics and Persian digits. Every fifth story is a
copy of an earlier one in another outlet, grouped into its cluster as deduplication would.
Stories go in through ``store.write_stories`` (the crawler's own path, full-text index included)
in batches of several thousand per transaction.

Reported: build rate, search latency (median and p99 over a fixed query set, each run several
times), export rates for JSON lines and Atom, and the file size per 100,000 stories, as a table
and then one JSON line.

Run: ``.venv/bin/python -m benchmarks.bench_search`` (``--help`` for sizes).
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np

from wirecrawl import feeds, store
from wirecrawl.cli.output import emit
from wirecrawl.items import Story

NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)
SOURCES = ("meridian", "globalwire", "sahar", "alwaha", "northstar", "coastline")
SYLLABLES = [
    "ka",
    "ro",
    "min",
    "tal",
    "ve",
    "dor",
    "sa",
    "lun",
    "pe",
    "ri",
    "bax",
    "tor",
    "qua",
    "ne",
    "lim",
    "fa",
    "dru",
    "sel",
    "o",
    "hin",
    "mar",
    "bo",
    "tes",
    "ku",
    "ran",
    "zi",
    "pol",
    "ae",
    "gur",
    "nav",
    "shi",
    "lo",
    "te",
    "wen",
    "dak",
    "il",
    "mu",
    "cor",
    "fen",
    "ya",
]
PERSIAN = [
    "ب",
    "پ",
    "ت",
    "ج",
    "چ",
    "د",
    "ر",
    "ز",
    "س",
    "ش",
    "ف",
    "ک",
    "گ",
    "ل",
    "م",
    "ن",
    "و",
    "ه",
    "ی",
    "ا",
]
FOLDS = {"ی": "ي", "ک": "ك", "ه": "ة"}
HARAKAT = ("\u064e", "\u0650", "\u064f")
DIGITS = "۰۱۲۳۴۵۶۷۸۹"
SEARCH_LIMIT = 20


def invented_words(rng: np.random.Generator, count: int) -> list[str]:
    """``count`` distinct made-up words of two to four syllables."""
    words: dict[str, None] = {}
    while len(words) < count:
        parts = rng.choice(SYLLABLES, size=int(rng.integers(2, 5)))
        words["".join(parts)] = None
    return list(words)


def persian_words(rng: np.random.Generator, count: int) -> list[str]:
    """``count`` distinct made-up words in Persian letters."""
    words: dict[str, None] = {}
    while len(words) < count:
        words["".join(rng.choice(PERSIAN, size=int(rng.integers(3, 7))))] = None
    return list(words)


def arabic_spelling(word: str, rng: np.random.Generator) -> str:
    """The same word as an Arabic keyboard might write it, sometimes with a diacritic."""
    text = "".join(FOLDS.get(c, c) for c in word)
    if rng.random() < 0.3:
        text = text[0] + HARAKAT[int(rng.integers(0, 3))] + text[1:]
    return text


class Pool:
    """Zipf-distributed word ranks (exponent 1.07), drawn a million at a time."""

    def __init__(self, rng: np.random.Generator, size: int) -> None:
        weights = 1.0 / np.arange(1, size + 1) ** 1.07
        self.rng = rng
        self.cumulative = np.cumsum(weights / weights.sum())
        self.ranks = np.empty(0, dtype=np.int64)
        self.at = 0

    def take(self, count: int) -> np.ndarray:
        if self.at + count > len(self.ranks):
            draws = self.rng.random(max(count, 1_000_000))
            self.ranks = np.minimum(
                np.searchsorted(self.cumulative, draws), len(self.cumulative) - 1
            )
            self.at = 0
        self.at += count
        return self.ranks[self.at - count : self.at]


class Generator:
    """Seeded invented stories; ``queries`` are the fixed searches timed against them."""

    def __init__(self, seed: int, vocabulary: int = 30_000) -> None:
        self.rng = np.random.default_rng(seed)
        self.words = np.array(invented_words(self.rng, vocabulary), dtype=object)
        self.persian = np.array(persian_words(self.rng, 3_000), dtype=object)
        self._pools = {False: Pool(self.rng, len(self.words)), True: Pool(self.rng, 3_000)}

    def _text(self, count: int, persian: bool) -> list[str]:
        picked = (self.persian if persian else self.words)[self._pools[persian].take(count)]
        if not persian:
            return list(picked)
        return [arabic_spelling(w, self.rng) if self.rng.random() < 0.3 else w for w in picked]

    def story(self, number: int) -> Story:
        """Story ``number``: source, title, 2-5 paragraphs, a date within the last year."""
        persian = number % 10 == 1  # never a copy (every fifth story)
        paragraphs = []
        for _ in range(int(self.rng.integers(2, 6))):
            words = self._text(int(self.rng.integers(25, 80)), persian)
            if persian and self.rng.random() < 0.5:
                words.append("".join(self.rng.choice(list(DIGITS), size=4)))
            paragraphs.append(" ".join(words).capitalize() + ".")
        title = " ".join(self._text(int(self.rng.integers(5, 11)), persian)).capitalize()
        source = SOURCES[2 + number % 2] if persian else SOURCES[number % len(SOURCES)]
        published = NOW - timedelta(minutes=int(self.rng.integers(0, 365 * 24 * 60)))
        url = f"https://{source}.example/news/{number}"
        return Story(
            source=source,
            url=url,
            canonical_url=url,
            fetched_at=published + timedelta(minutes=5),
            published_at=published if number % 17 else None,
            title=title,
            body="\n\n".join(paragraphs),
            authors=[f"Reporter {number % 97}"],
            tags=[str(self.words[number % 50])],
            publisher=source.title(),
            language="fa" if persian else "en",
            content_hash=f"h{number}",
        )

    def queries(self) -> list[tuple[str, dict[str, object]]]:
        """Fixed searches: common, middling and rare words, pairs, a prefix, Persian, filters."""
        w = self.words
        common, middling, rare = str(w[3]), str(w[300]), str(w[8000])
        persian = str(self.persian[40])
        return [
            (common, {}),
            (str(w[20]), {}),
            (middling, {}),
            (str(w[900]), {}),
            (rare, {}),
            (str(w[15000]), {}),
            (f"{common} {middling}", {}),
            (f"{middling} {rare}", {}),
            (f"{w[30]} {w[60]} {w[120]}", {}),
            (str(w[500])[:5] + "*", {}),
            (persian, {}),
            (arabic_spelling(persian, self.rng), {}),
            (f"{persian} {self.persian[400]}", {}),
            (middling, {"source": ("meridian",)}),
            (common, {"since": NOW - timedelta(days=7)}),
            (f'"{middling}" OR {rare}', {"raw": True}),
        ]


def batches(generator: Generator, total: int, size: int) -> Iterator[list[Story]]:
    """Stories in write batches; every fifth is a copy of the previous story in another outlet."""
    batch: list[Story] = []
    previous: Story | None = None
    for number in range(1, total + 1):
        if number % 5 == 0 and previous is not None:
            url = f"https://copies.example/{number}"
            story = Story(
                **{
                    **vars(previous),
                    "source": "globalwire",
                    "url": url,
                    "canonical_url": url,
                    "publisher": "Globalwire",
                    "content_hash": f"h{number}",
                }
            )
        else:
            story = generator.story(number)
        previous = story
        batch.append(story)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def build(path: Path, total: int, seed: int, batch_size: int) -> tuple[Generator, float]:
    """Write ``total`` stories into a new database at ``path``; returns (generator, seconds)."""
    generator = Generator(seed)
    db = store.open_db(path)
    started = time.perf_counter()
    for batch in batches(generator, total, batch_size):
        result = store.write_stories(db, batch, keep_raw=False)
        # Story ids follow story numbers in a new database: copy n joins the cluster of n - 1.
        span = [min(result.ids), max(result.ids)]
        with store.transaction(db) as conn:
            conn.execute(
                "UPDATE stories SET cluster_id = id - 1, is_original = 0 "
                "WHERE id % 5 = 0 AND id BETWEEN ? AND ?",
                span,
            )
            conn.execute("DELETE FROM clusters WHERE id % 5 = 0 AND id BETWEEN ? AND ?", span)
            conn.execute(
                "UPDATE clusters SET size = 2 WHERE id % 5 = 4 AND id BETWEEN ? AND ?", span
            )
    seconds = time.perf_counter() - started
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.conn.close()
    return generator, seconds


def time_searches(path: Path, generator: Generator, repeats: int) -> list[float]:
    """Milliseconds per search, every query ``repeats`` times (first run of each discarded)."""
    samples: list[float] = []
    with store.opened(path, readonly=True) as db:
        for text, options in generator.queries():
            store.search_stories(db, text, limit=SEARCH_LIMIT, **options)  # type: ignore[arg-type]
            for _ in range(repeats):
                started = time.perf_counter()
                store.search_stories(db, text, limit=SEARCH_LIMIT, **options)  # type: ignore[arg-type]
                samples.append((time.perf_counter() - started) * 1000)
    return samples


def time_exports(path: Path, scratch: Path) -> dict[str, float]:
    """Stories per second exported as JSON lines and as an Atom feed (every story)."""
    rates: dict[str, float] = {}
    with store.opened(path, readonly=True) as db:
        columns = [*store.story_columns(db), "aliases"]
        started = time.perf_counter()
        with scratch.open("w", encoding="utf-8") as out:
            count = emit(store.export_stories(db), columns, "nl", out=out)
        rates["jsonl"] = count / (time.perf_counter() - started)
        info = feeds.FeedInfo(
            title="bench", feed_id="tag:wirecrawl.invalid,2025:bench", updated=NOW
        )
        started = time.perf_counter()
        with scratch.open("wb") as binary:
            count = feeds.write_atom(store.export_stories(db, originals=True), binary, info)
        rates["atom"] = count / (time.perf_counter() - started)
    return rates


def index_bytes(path: Path) -> int:
    """Bytes of the full-text index tables (dbstat), or -1 when dbstat is not compiled in."""
    with store.opened(path, readonly=True) as db:
        try:
            row = db.execute(
                "SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'stories_fts%'"
            ).fetchone()
        except Exception:
            return -1
    return int(row[0] or 0)


def percentile(values: list[float], share: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


def main(argv: list[str] | None = None) -> dict[str, object]:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--stories", type=int, default=100_000, help="stories to generate")
    parser.add_argument("--batch", type=int, default=5_000, help="stories per write transaction")
    parser.add_argument("--repeats", type=int, default=15, help="timed runs of each query")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--keep", type=Path, default=None, help="keep the database at this path")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        path = args.keep or Path(folder) / "bench.db"
        if path.exists():
            parser.error(f"{path} exists")
        generator, build_seconds = build(path, args.stories, args.seed, args.batch)
        size = path.stat().st_size
        fts = index_bytes(path)
        samples = time_searches(path, generator, args.repeats)
        rates = time_exports(path, Path(folder) / "export.out")
    per_100k = 100_000 / args.stories
    report: dict[str, object] = {
        "stories": args.stories,
        "build_stories_per_s": round(args.stories / build_seconds),
        "search_ms_median": round(statistics.median(samples), 2),
        "search_ms_p99": round(percentile(samples, 0.99), 2),
        "search_samples": len(samples),
        "export_jsonl_stories_per_s": round(rates["jsonl"]),
        "export_atom_stories_per_s": round(rates["atom"]),
        "mb_per_100k_stories": round(size * per_100k / 1e6, 1),
        "fts_mb_per_100k_stories": round(fts * per_100k / 1e6, 1) if fts >= 0 else None,
    }
    width = max(len(k) for k in report)
    print(f"{'measure':<{width}}  value")
    for key, value in report.items():
        print(f"{key:<{width}}  {value}")
    target = "met" if float(report["search_ms_median"]) < 50 else "MISSED"  # type: ignore[arg-type]
    print(f"target: search median under 50 ms at 100,000 stories: {target}")
    print(json.dumps(report))
    return report


if __name__ == "__main__":
    main()

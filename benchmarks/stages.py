"""Each per-page stage of a crawl on its own, over the same rendered pages, and growth figures.

``pages``: the article files of a slice go one by one through the crawl's own per-page
functions (``wirecrawl.process``), each stage timed in CPU seconds (``time.process_time``):

- parse: a plain parsel parse taking title and body text (the baseline's work per page);
- extract: ``story_from_page`` (decode, parse, structured data, body, attribution);
- clean: the clean pipeline's work (boilerplate learner, then ``clean_story``);
- dates: ``date_story`` with one shared ``DateNormaliser``;
- urls: ``canonical_story`` and ``attribute_story`` (canonical URL, aliases, content hash);
- dedup: the MinHash signature (dedup pipeline), then ``store.link_story`` for each new story
  (exact, near-duplicate and credit links, cluster merge, original chosen again);
- store: ``store.write_stories`` in batches of ``WIRECRAWL_BATCH_SIZE`` into a fresh file
  (without linking: the crawl's store pipeline does both in one transaction).

A few other pages go through every stage first, untimed, so one-off costs (imports, dateparser's
locale tables) are reported apart as ``warmup_cpu_s``.

``growth``: the near-duplicate check with 1,000 and 100,000 stories stored
(``benchmarks.bench_dedup``, in its own process) and search latency at 100,000 stories
(``benchmarks.bench_search``); both keep their databases in a cache folder and reuse them.

Run: ``.venv/bin/python -m benchmarks.stages pages --site DIR --pages N --out F`` or
``... growth --folder DIR --out F``; each writes one JSON object.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

STAGES = ("parse", "extract", "clean", "dates", "urls", "dedup", "store")
WARMUP_PAGES = 12
SEARCH_SEED = 7


@dataclass(frozen=True)
class PageCase:
    """One article page as the crawl receives it."""

    site: str
    url: str
    body: bytes


def load_pages(site_dir: Path, pages: int) -> list[PageCase]:
    """The slice's article pages, read from the rendered files, interleaved across sites."""
    from benchmarks.site import load_site, slice_paths

    site = load_site(site_dir)
    chosen = slice_paths(site, pages)
    by_site = [
        [PageCase(name, site.url(name, p), site.file(name, p).read_bytes()) for p in paths]
        for name, paths in chosen.items()
    ]
    mixed = [case for group in zip(*by_site, strict=False) for case in group]
    return mixed[:pages]


class StageClock:
    """Accumulates CPU seconds and wall seconds per stage name."""

    def __init__(self) -> None:
        self.cpu: dict[str, float] = dict.fromkeys(STAGES, 0.0)
        self.wall: dict[str, float] = dict.fromkeys(STAGES, 0.0)

    def run(self, stage: str, func: Callable[[], Any]) -> Any:
        """Call ``func`` and add its CPU and wall time to ``stage``."""
        cpu, wall = time.process_time(), time.perf_counter()
        try:
            return func()
        finally:
            self.cpu[stage] += time.process_time() - cpu
            self.wall[stage] += time.perf_counter() - wall


class Pipeline:
    """The crawl's per-page path with state as a crawl keeps it (learner, normaliser, store)."""

    def __init__(self, db_path: Path, port: int) -> None:
        from benchmarks.site import sample_sources
        from wirecrawl import store
        from wirecrawl.dates import DateNormaliser
        from wirecrawl.dedup import DedupConfig, NearDupIndex
        from wirecrawl.extract.boilerplate import BoilerplateLearner
        from wirecrawl.settings import WIRECRAWL_BATCH_SIZE
        from wirecrawl.sources import load_sources

        self.sources = sample_sources(port)
        self.registry = load_sources(sample_port=port)
        self.learner = BoilerplateLearner()
        self.normaliser = DateNormaliser()
        self.db = store.open_db(db_path)
        self.index = NearDupIndex(self.db, DedupConfig())
        self.batch_size = int(WIRECRAWL_BATCH_SIZE)
        self.buffer: list[Any] = []

    def page(self, case: PageCase, clock: StageClock, fetched_at: Any) -> None:
        """Take one page through every stage, timing each."""
        from benchmarks.bench_extract import plain_parse
        from wirecrawl.process import (
            attribute_story,
            canonical_story,
            clean_story,
            date_story,
            story_from_page,
        )

        source = self.sources[case.site]
        clock.run("parse", lambda: plain_parse(case.body.decode("utf-8", "replace")))
        learned = frozenset(self.learner.learned(source.name))
        story = clock.run(
            "extract",
            lambda: story_from_page(
                case.body,
                case.url,
                source=source,
                fetched_at=fetched_at,
                headers={"Content-Type": "text/html"},
                learned=learned,
            ),
        )

        def clean() -> None:
            paragraphs = [p for p in (story.body or "").split("\n\n") if p.strip()]
            self.learner.observe(source.name, paragraphs)
            clean_story(story, source, self.learner.learned(source.name))

        clock.run("clean", clean)
        clock.run("dates", lambda: date_story(story, source, self.normaliser))
        clock.run("urls", lambda: attribute_story(canonical_story(story), self.registry))
        clock.run("dedup", lambda: self._dedup(story))
        self.buffer.append(story)
        if len(self.buffer) >= self.batch_size:
            self.flush(clock)

    def _dedup(self, story: Any) -> None:
        """The dedup pipeline's work: the MinHash signature of the cleaned body."""
        from wirecrawl.dedup import minhash, shingle_hashes

        config = self.index.config
        signature = minhash(shingle_hashes(story.body or "", config.shingle), config.num_perm)
        story.signature = signature.astype("<u4").tobytes()

    def _dedup_link(self, stories: list[Any], ids: list[int]) -> None:
        """The store's linking of new stories into clusters (``store.link_story``), in one
        transaction per batch as the store pipeline does it."""
        from wirecrawl import store

        link = getattr(store, "link_story", None)
        with store.transaction(self.db) as conn:
            for story, story_id in zip(stories, ids, strict=True):
                if link is not None:
                    link(conn, story_id, story, self.index)
                else:
                    self.index.query(story.signature)
                    self.index.add(story_id, story.signature)

    def _write(self) -> list[int]:
        from wirecrawl import store

        return list(store.write_stories(self.db, self.buffer, keep_raw=True).ids)

    def flush(self, clock: StageClock) -> None:
        """Write the buffered stories in one transaction (the store pipeline's batch), then
        link them into clusters in another (the crawl does both in one)."""
        if self.buffer:
            ids = clock.run("store", self._write)
            stories = list(self.buffer)
            self.buffer.clear()
            clock.run("dedup", lambda: self._dedup_link(stories, ids))

    def close(self, clock: StageClock) -> None:
        """Write what is left and close the database."""
        self.flush(clock)
        self.db.conn.close()


def run_pages(site_dir: Path, pages: int, budget: float | None = None) -> dict[str, Any]:
    """CPU per stage over ``pages`` article pages, plus the one-off warm-up cost.

    With ``budget`` (wall seconds), pages stop being fed once it is spent: the figures then
    cover the pages done so far and ``truncated`` is true.
    """
    from benchmarks.site import NOW, load_site

    port = load_site(site_dir).port
    cases = load_pages(site_dir, pages + WARMUP_PAGES)
    warmup, measured = cases[:WARMUP_PAGES], cases[WARMUP_PAGES:]
    with tempfile.TemporaryDirectory(prefix="wirecrawl-stages-") as scratch:
        started = time.process_time()
        pipeline = Pipeline(Path(scratch) / "warmup.db", port)
        for case in warmup:
            pipeline.page(case, StageClock(), NOW)
        pipeline.close(StageClock())
        warmup_cpu = time.process_time() - started
        clock = StageClock()
        db_path = Path(scratch) / "stages.db"
        pipeline = Pipeline(db_path, port)
        deadline = None if budget is None else time.perf_counter() + budget
        count = 0
        for case in measured:
            if deadline is not None and time.perf_counter() > deadline:
                break
            pipeline.page(case, clock, NOW)
            count += 1
        pipeline.close(clock)
        db_bytes = sum(p.stat().st_size for p in db_path.parent.glob("stages.db*"))
    crawl_stages = sum(v for k, v in clock.cpu.items() if k != "parse")
    return {
        "pages": count,
        "truncated": count < len(measured),
        "warmup_cpu_s": round(warmup_cpu, 2),
        "pipeline_cpu_s": round(crawl_stages, 2),
        "db_bytes": db_bytes,
        "stages": {
            name: stage_figures(cpu, clock.wall[name], count) for name, cpu in clock.cpu.items()
        },
    }


def stage_figures(cpu_s: float, wall_s: float, pages: int) -> dict[str, float]:
    """CPU and wall seconds, CPU microseconds per page and pages per CPU second of a stage."""
    return {
        "cpu_s": round(cpu_s, 3),
        "wall_s": round(wall_s, 3),
        "us_per_page": round(1e6 * cpu_s / pages, 1) if pages else 0.0,
        "pages_per_s": round(pages / cpu_s, 1) if cpu_s > 0 else 0.0,
    }


# ---------------------------------------------------------------- growth


def last_json_line(text: str) -> dict[str, Any]:
    """The last line of ``text`` that parses as a JSON object (benchmarks print it last)."""
    for line in reversed(text.splitlines()):
        line = line.strip()
        if line.startswith("{"):
            try:
                value = json.loads(line)
            except ValueError:
                continue
            if isinstance(value, dict):
                return value
    raise ValueError("no JSON object in the output")


def dedup_growth(folder: Path, small: int, large: int, probes: int, rounds: int) -> dict[str, Any]:
    """``benchmarks.bench_dedup`` with its databases kept (and reused) in ``folder``."""
    command = [sys.executable, "-m", "benchmarks.bench_dedup", "--small", str(small)]
    command += ["--large", str(large), "--probes", str(probes), "--rounds", str(rounds)]
    command += ["--keep", str(folder), "--reuse"]
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        tail = done.stderr.strip().splitlines()[-3:]
        return {"error": "bench_dedup failed: " + " | ".join(tail)}
    figures = last_json_line(done.stdout)
    small_us, large_us = figures["per_story_us"]
    check = [r["sign"] + r["query"] for r in (small_us, large_us)]
    return {
        "stored": figures["stored"],
        "check_us": check,
        "add_us": [small_us["add"], large_us["add"]],
        "check_ratio": round(check[1] / check[0], 2) if check[0] else None,
        "peak_rss_mb": figures.get("peak_rss_mb"),
        "disk_bytes": figures.get("disk_bytes"),
    }


def search_growth(folder: Path, stories: int, repeats: int) -> dict[str, Any]:
    """Search latency (median, p99) and file size at ``stories`` stored, database cached."""
    from benchmarks.bench_search import Generator, build, percentile, time_searches

    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"search-{stories}-seed{SEARCH_SEED}.db"
    built_s = None
    if not path.exists():
        partial = path.with_suffix(".partial")
        for stale in folder.glob(partial.name + "*"):
            stale.unlink()
        _, built_s = build(partial, stories, SEARCH_SEED, 5_000)
        partial.rename(path)
    # A new generator for the queries, so a cached database gets the same searches as a new one.
    samples = time_searches(path, Generator(SEARCH_SEED), repeats)
    size = path.stat().st_size
    return {
        "stories": stories,
        "build_s": round(built_s, 1) if built_s is not None else None,
        "median_ms": round(statistics.median(samples), 2),
        "p99_ms": round(percentile(samples, 0.99), 2),
        "samples": len(samples),
        "mb_per_100k": round(size * 100_000 / stories / 1e6, 1),
    }


def run_growth(folder: Path, large: int, probes: int, rounds: int, repeats: int) -> dict[str, Any]:
    """Dedup check growth (1,000 vs ``large``) and search at ``large`` stories."""
    return {
        "dedup": dedup_growth(folder, 1_000, large, probes, rounds),
        "search": search_growth(folder, large, repeats),
    }


def main(argv: Sequence[str] | None = None) -> dict[str, Any]:
    """Run one of the two measurements and write its JSON to ``--out``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    pages = commands.add_parser("pages", help="CPU per stage over the slice's pages")
    pages.add_argument("--site", type=Path, required=True, help="rendered site folder")
    pages.add_argument("--pages", type=int, default=5_000)
    pages.add_argument("--budget", type=float, default=None, help="stop after this many seconds")
    pages.add_argument("--out", type=Path, required=True)
    growth = commands.add_parser("growth", help="dedup and search cost at 100,000 stories")
    growth.add_argument("--folder", type=Path, required=True, help="cache for the databases")
    growth.add_argument("--large", type=int, default=100_000)
    growth.add_argument("--probes", type=int, default=300)
    growth.add_argument("--rounds", type=int, default=5)
    growth.add_argument("--repeats", type=int, default=15)
    growth.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    if args.command == "pages":
        result = run_pages(args.site, args.pages, args.budget)
    else:
        result = run_growth(args.folder, args.large, args.probes, args.rounds, args.repeats)
    args.out.write_text(json.dumps(result, indent=1))
    return result


if __name__ == "__main__":
    main()

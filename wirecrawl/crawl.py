"""Running crawls in this process: settings from the Config, one run row per source, progress.

Twisted's reactor cannot be restarted, so :func:`run_crawl` runs once per process; the
scheduler starts each crawl as its own process.
"""

from __future__ import annotations

import gc
import logging
import os
import sys
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from wirecrawl import store
from wirecrawl.allocator import in_use
from wirecrawl.config import Config
from wirecrawl.sources import Source

logger = logging.getLogger(__name__)

# Stats key holding why a source's crawler could not run at all (it raised while starting).
FAILURE_KEY = "wirecrawl/failure"
ALLOCATOR_KEY = "wirecrawl/allocator"  # "jemalloc" or "system": see wirecrawl.allocator


@dataclass
class RunSummary:
    """What one source's crawl did, for the end-of-run summary and the ``runs`` table."""

    source: str
    run_id: int
    outcome: str
    pages: int = 0
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    dropped: dict[str, int] = field(default_factory=dict)
    errors: dict[str, int] = field(default_factory=dict)
    dates_missing: dict[str, int] = field(default_factory=dict)
    failure: str | None = None  # why the crawler could not run, when it could not


def scrapy_settings(
    config: Config,
    *,
    now: datetime | None = None,
    log_level: str = "WARNING",
    full: bool = False,
    writer_thread: bool | None = None,
) -> Any:
    """Scrapy Settings for a run: the project's settings module, overridden by ``config``.

    ``writer_thread``: whether the store pipeline writes from a thread of its own (see
    :mod:`wirecrawl.pipelines.store`); None keeps ``WIRECRAWL_WRITER_THREAD``.
    """
    from scrapy.settings import Settings

    settings = Settings()
    settings.setmodule("wirecrawl.settings", priority="project")
    overrides = {
        "WIRECRAWL_DB": str(config.db_path),
        "WIRECRAWL_KEEP_RAW": config.keep_raw,
        "USER_AGENT": config.user_agent,
        "DOWNLOAD_DELAY": config.download_delay,
        "CONCURRENT_REQUESTS_PER_DOMAIN": config.concurrency,
        "LOG_LEVEL": log_level,
        "WIRECRAWL_INCREMENTAL": not full,
        "WIRECRAWL_DEDUP_THRESHOLD": config.dedup_threshold,
        "WIRECRAWL_SOURCES": str(config.sources_file) if config.sources_file else "",
        "WIRECRAWL_SAMPLE_PORT": config.sample_port,
    }
    if writer_thread is not None:
        overrides["WIRECRAWL_WRITER_THREAD"] = writer_thread
    if now is not None:
        overrides["WIRECRAWL_NOW"] = now.isoformat()
    settings.setdict(overrides, priority="cmdline")
    return settings


def outcome_of(stats: dict[str, Any]) -> str:
    """ "ok", "failed" (nothing fetched and errors seen, e.g. robots.txt unreachable) or the
    Scrapy finish reason when the crawl stopped early ("shutdown" on SIGTERM)."""
    reason = stats.get("finish_reason", "finished")
    if reason != "finished":
        return str(reason)
    fetched = int(stats.get("downloader/response_count", 0))
    errors = int(stats.get("log_count/ERROR", 0)) + int(stats.get("downloader/exception_count", 0))
    errors += sum(int(v) for k, v in stats.items() if k.startswith("wirecrawl/errors/"))
    articles = int(stats.get("wirecrawl/pages/article", 0))
    bad = sum(
        int(v) for k, v in stats.items() if k.startswith("downloader/response_status_count/5")
    )
    if articles == 0 and (errors or bad or fetched == 0 or stats.get("robotstxt/forbidden")):
        return "failed"
    return "ok"


def summarise(source: str, run_id: int, stats: dict[str, Any]) -> RunSummary:
    """Fold a crawler's stats into a RunSummary."""

    def prefixed(prefix: str) -> dict[str, int]:
        return {k[len(prefix) :]: int(v) for k, v in sorted(stats.items()) if k.startswith(prefix)}

    return RunSummary(
        source=source,
        run_id=run_id,
        outcome=outcome_of(stats),
        pages=int(stats.get("wirecrawl/pages/article", 0)),
        added=int(stats.get("wirecrawl/store/added", 0)),
        updated=int(stats.get("wirecrawl/store/updated", 0)),
        unchanged=int(stats.get("wirecrawl/store/unchanged", 0)),
        dropped=prefixed("wirecrawl/dropped/"),
        errors=prefixed("wirecrawl/errors/"),
        dates_missing=prefixed("wirecrawl/dates/missing/"),
        failure=str(stats[FAILURE_KEY]) if stats.get(FAILURE_KEY) else None,
    )


def partition(
    sources: Sequence[Source], workers: int, weights: Mapping[str, float] | None = None
) -> list[list[Source]]:
    """Split sources into at most ``workers`` groups, none empty.

    With ``weights`` (each source's expected work: the article pages its last run fetched), the
    heaviest source goes first, each to the group with the least work so far (longest
    processing time first), so that one process is not left crawling long after the others.
    A source without a weight counts as the median of those known. Without weights: round robin.
    """
    groups: list[list[Source]] = [[] for _ in range(max(1, min(workers, len(sources))))]
    weights = weights or {}
    known = sorted(w for s in sources if (w := weights.get(s.name)) is not None)
    if not known:
        for i, source in enumerate(sources):
            groups[i % len(groups)].append(source)
        return groups
    middle = known[len(known) // 2]
    load = [0.0] * len(groups)
    work = {s.name: weights.get(s.name, middle) for s in sources}
    for source in sorted(sources, key=lambda s: -work[s.name]):  # stable: ties keep their order
        lightest = min(range(len(groups)), key=lambda g: (load[g], len(groups[g]), g))
        groups[lightest].append(source)
        load[lightest] += work[source.name]
    return groups


def last_pages(db: Any) -> dict[str, float]:
    """Article pages each source's newest finished run fetched (plus one for its feeds and
    sitemaps), as :func:`partition` weights; empty for a new database."""
    return {
        name: float(row["pages_fetched"] or 0) + 1.0
        for name, row in store.latest_runs(db).items()
        if row.get("outcome") not in (None, "running")
    }


def children_write_inline(children: int, cores: int | None) -> bool:
    """True when the crawl processes fill every core: a writer thread per process would then
    only contend for Python's lock with its own crawl and hold the database's write lock longer
    while the other processes wait for it (measured: --workers 2 on 2 cores, 227 -> 244
    pages/s writing inline)."""
    return children >= (cores or 1)


def run_parallel(
    sources: Sequence[Source], config: Config, workers: int, child_args: Sequence[str]
) -> list[RunSummary]:
    """Crawl the sources in ``workers`` child processes (``wirecrawl crawl`` each), so a crawl of
    several sources uses every core; Twisted runs one reactor per process. Each child takes its
    own locks and writes its own runs; the summaries are read back from the ``runs`` table.
    A child's output goes to a temporary file (a pipe could fill and stall it) and its last
    lines are shown when it failed or left a source without a run."""
    import json
    import subprocess
    import tempfile

    # Opening it here creates and migrates a new file once, not in children starting together.
    with store.opened(config.db_path) as db:
        groups = partition(sources, workers, last_pages(db))
    if children_write_inline(len(groups), os.cpu_count()):
        child_args = [*child_args, "--write-inline"]
    with tempfile.TemporaryDirectory(prefix="wirecrawl-workers-") as folder:
        procs = []
        for n, group in enumerate(groups):
            command = [sys.executable, "-m", "wirecrawl", "crawl", *(s.name for s in group)]
            command += ["--db", str(config.db_path), "--quiet", "--workers", "0", *child_args]
            log = open(Path(folder) / f"worker-{n}.log", "w+")  # noqa: SIM115 (closed below)
            procs.append((group, subprocess.Popen(command, stderr=log, stdout=log, text=True), log))
        summaries: list[RunSummary] = []
        for group, proc, log in procs:
            proc.wait()
            with store.opened(config.db_path) as db:
                rows = list(
                    db.query("SELECT id, source, stats FROM runs WHERE pid = ?", [proc.pid])
                )
            found = [summarise(r["source"], r["id"], json.loads(r["stats"])) for r in rows]
            missing = [s.name for s in group if s.name not in {f.source for f in found}]
            outcome = "busy" if proc.returncode == 3 else "crashed"
            found += [RunSummary(source=name, run_id=0, outcome=outcome) for name in missing]
            log.seek(0)
            tail = log.read().strip().splitlines()[-6:]
            log.close()
            if proc.returncode not in (0, 1, 3) or (missing and outcome == "crashed"):
                sys.stderr.write(
                    f"crawl process for {', '.join(s.name for s in group)} exited "
                    f"{proc.returncode}:\n  " + "\n  ".join(tail) + "\n"
                )
            summaries.extend(found)
    return sorted(summaries, key=lambda s: s.source)


def stats_of(crawler: Any) -> dict[str, Any]:
    """A copy of the crawler's stats; empty for a crawler that never started (Scrapy raises on
    ``crawler.stats`` until the crawl starts)."""
    try:
        stats = crawler.stats
    except RuntimeError:
        return {}
    return dict(stats.get_stats()) if stats else {}


def _crawler_failed(failure: Any, name: str, failures: dict[str, str]) -> None:
    """A crawler that raised while starting (a broken extension, middleware or spider): the
    reason goes to the run's record and the summary, the traceback to the log; the other
    sources' crawls go on."""
    failures[name] = f"{failure.type.__name__}: {failure.getErrorMessage()}"
    logger.error(
        "crawl of %s could not run: %s",
        name,
        failures[name],
        exc_info=(failure.type, failure.value, failure.getTracebackObject()),
    )


@contextmanager
def crawl_gc() -> Iterator[None]:
    """Python's garbage collector tuned for a crawl, and put back afterwards.

    A crawl makes short-lived reference cycles by the thousand (Deferreds, coroutines, request
    callbacks), so the collector runs often, and each older-generation pass re-scans every
    long-lived object: modules, settings, the source registry, caches. Freezing what exists when
    the crawl starts takes those out of every pass, and a larger young generation runs the
    collector less often; garbage is still collected. On the 1,000-page benchmark slice this cut
    collection time from 0.7-1.3 s to under 0.05 s, with the same peak memory.
    """
    threshold = gc.get_threshold()
    gc.collect()
    gc.freeze()
    gc.set_threshold(10_000, 20, 20)
    try:
        yield
    finally:
        gc.set_threshold(*threshold)
        gc.unfreeze()


@contextmanager
def unlogged_records_skipped() -> Iterator[None]:
    """Scrapy's loggers set to the least level any root handler shows, and put back afterwards.

    Scrapy sets the root logger to NOTSET and filters in its handler, so each page's "Crawled"
    and "Scraped from" DEBUG messages are built as log records and then thrown away unless the
    log level is DEBUG: about 1% of a crawl's CPU. With the level on the loggers, ``Logger.log``
    stops at its first check; what any handler shows stays the same (a handler that takes every
    level, such as a test's log capture, keeps them all).
    """
    floor = min((h.level for h in logging.root.handlers), default=logging.NOTSET)
    scrapy_logger = logging.getLogger("scrapy")
    before = scrapy_logger.level
    if floor > scrapy_logger.getEffectiveLevel():
        scrapy_logger.setLevel(floor)
    try:
        yield
    finally:
        scrapy_logger.setLevel(before)


def run_crawl(sources: Sequence[Source], config: Config, **options: Any) -> list[RunSummary]:
    """Crawl ``sources``, each under its lock: a source another process is crawling is skipped
    with a message and reported with outcome "busy"."""
    from wirecrawl.schedule import busy_message, crawl_locks

    with crawl_locks(config.db_path, [s.name for s in sources]) as busy:
        for lock in busy.values():
            sys.stderr.write(busy_message(lock) + "\n")
        free = [s for s in sources if s.name not in busy]
        summaries = crawl_unlocked(free, config, **options) if free else []
    return [*summaries, *(RunSummary(source=name, run_id=0, outcome="busy") for name in busy)]


def crawl_unlocked(
    sources: Sequence[Source],
    config: Config,
    *,
    now: datetime | None = None,
    progress: Any = None,
    log_level: str = "WARNING",
    full: bool = False,
    writer_thread: bool | None = None,
) -> list[RunSummary]:
    """Crawl ``sources`` together in this process and record one run per source.

    ``progress`` is an optional callable given ``{source: stats}`` about once a second.
    """
    from scrapy.crawler import CrawlerProcess
    from twisted.internet import task

    from wirecrawl.spiders.sources import spider_class

    clock = (lambda: now) if now is not None else (lambda: datetime.now(UTC))
    with store.opened(config.db_path) as db:
        run_ids = {s.name: store.start_run(db, s.name, clock(), pid=os.getpid()) for s in sources}
    process = CrawlerProcess(
        scrapy_settings(
            config, now=now, log_level=log_level, full=full, writer_thread=writer_thread
        )
    )
    crawlers = {}
    failures: dict[str, str] = {}
    for source in sources:
        crawler = process.create_crawler(spider_class(source))
        crawlers[source.name] = crawler
        process.crawl(crawler).addErrback(_crawler_failed, source.name, failures)
    loop = None
    if progress is not None:

        def tick() -> None:
            progress({name: stats_of(c) for name, c in crawlers.items()})

        loop = task.LoopingCall(tick)
        loop.start(1.0, now=False)
    try:
        with crawl_gc(), unlogged_records_skipped():
            process.start()
    finally:
        if loop is not None and loop.running:
            loop.stop()
    summaries = []
    allocator = in_use()
    with store.opened(config.db_path) as db:
        for name, crawler in crawlers.items():
            stats = stats_of(crawler)
            stats[ALLOCATOR_KEY] = allocator
            if name in failures:
                stats["wirecrawl/errors/crawler-failed"] = 1
                stats[FAILURE_KEY] = failures[name]
            summary = summarise(name, run_ids[name], stats)
            store.finish_run(db, run_ids[name], clock(), summary.outcome, stats)
            summaries.append(summary)
    return summaries

"""Store stories in SQLite in batched transactions, in a writer thread; count added, updated and
unchanged.

Every database call of the pipeline (open, write, close) runs in one writer thread, one batch
at a time. SQLite's own work (the insert, the full-text index, the commit) and the raw page's
compression run outside Python's global lock, so they overlap with the next pages' download and
extraction instead of stopping the crawl; and a commit that waits for another crawl process's
write lock no longer freezes the reactor while it waits. At most one batch is in flight: the
next one waits for it (back-pressure, so memory stays bounded). A batch that cannot be written
is logged with its size and the reason and counted in ``wirecrawl/errors/store-failed``; the
crawl goes on, and what was stored before stays stored.
"""

from __future__ import annotations

import logging
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from wirecrawl import store
from wirecrawl.items import Story
from wirecrawl.pipelines import CountingPipeline

logger = logging.getLogger(__name__)


class StorePipeline(CountingPipeline):
    """Buffers items and writes them ``WIRECRAWL_BATCH_SIZE`` at a time (and on close)."""

    component = "store"

    def __init__(self, crawler: Any) -> None:
        super().__init__(crawler)
        settings = crawler.settings
        self.db_path = settings.get("WIRECRAWL_DB")
        self.batch_size = settings.getint("WIRECRAWL_BATCH_SIZE", 100)
        self.keep_raw = settings.getbool("WIRECRAWL_KEEP_RAW", True)
        from wirecrawl.dedup import DedupConfig

        self.threshold = settings.getfloat("WIRECRAWL_DEDUP_THRESHOLD", DedupConfig.threshold)
        self.buffer: list[Story] = []
        self.db: Any = None
        self.index: Any = None
        self.writer: ThreadPoolExecutor | None = None
        self.pending: tuple[int, Future[store.WriteResult]] | None = None

    def open_spider(self) -> None:
        self.writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="wirecrawl-store")
        self.writer.submit(self._open).result()
        assert self.crawler.stats is not None
        for key in ("items", "complete"):  # present even at zero, for source health
            self.crawler.stats.set_value(f"wirecrawl/coverage/{key}", 0)

    def _open(self) -> None:
        """(writer thread) Open the database and the near-duplicate index on it."""
        from wirecrawl.dedup import DedupConfig, NearDupIndex

        self.db = store.open_db(self.db_path)
        self.index = NearDupIndex(self.db, DedupConfig(threshold=self.threshold))

    def process_item(self, item: Story) -> Story:
        assert self.crawler.stats is not None
        self.crawler.stats.inc_value("wirecrawl/coverage/items")
        if item.title and item.body and item.published_at:
            self.crawler.stats.inc_value("wirecrawl/coverage/complete")
        self.buffer.append(item)
        if len(self.buffer) >= self.batch_size:
            self.flush()
        return item

    def flush(self) -> None:
        """Hand the buffered stories to the writer thread (one transaction), after the batch
        before them is written."""
        if not self.buffer:
            return
        batch, self.buffer = self.buffer, []
        self.drain()
        assert self.writer is not None
        self.pending = (len(batch), self.writer.submit(self._write, batch))

    def _write(self, batch: list[Story]) -> store.WriteResult:
        """(writer thread) Write one batch, linking new stories into clusters."""
        return store.write_stories(self.db, batch, keep_raw=self.keep_raw, dedup=self.index)

    def drain(self) -> None:
        """Wait for the batch in flight and count what it did (or that it failed)."""
        if self.pending is None:
            return
        size, future = self.pending
        self.pending = None
        try:
            result = future.result()
        except Exception as exc:
            assert self.crawler.stats is not None
            self.crawler.stats.inc_value("wirecrawl/errors/store-failed", size)
            logger.error(
                "could not store a batch of %d stories in %s: %s: %s",
                size,
                self.db_path,
                type(exc).__name__,
                exc,
            )
            return
        for event in ("added", "updated", "unchanged"):
            if getattr(result, event):
                self.count(event, getattr(result, event))
        for reason, n in result.linked.items():
            self.count(f"linked/{reason}", n)

    def _close(self) -> None:
        """(writer thread) Close the database."""
        if self.db is not None:
            self.db.conn.close()
            self.db = None

    def close_spider(self) -> None:
        if self.writer is None:
            return
        try:
            self.flush()
            self.drain()
        finally:
            self.writer.submit(self._close).result()
            self.writer.shutdown(wait=True)
            self.writer = None

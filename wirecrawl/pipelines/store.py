"""Store stories in SQLite in batched transactions; count added, updated and unchanged."""

from __future__ import annotations

from typing import Any

from wirecrawl import store
from wirecrawl.items import Story
from wirecrawl.pipelines import CountingPipeline


class StorePipeline(CountingPipeline):
    """Buffers items and writes them ``WIRECRAWL_BATCH_SIZE`` at a time (and on close)."""

    component = "store"

    def __init__(self, crawler: Any) -> None:
        super().__init__(crawler)
        settings = crawler.settings
        self.db_path = settings.get("WIRECRAWL_DB")
        self.batch_size = settings.getint("WIRECRAWL_BATCH_SIZE", 100)
        self.keep_raw = settings.getbool("WIRECRAWL_KEEP_RAW", True)
        self.buffer: list[Story] = []
        self.db: Any = None

    def open_spider(self) -> None:
        from wirecrawl.dedup import DedupConfig, NearDupIndex

        self.db = store.open_db(self.db_path)
        threshold = self.crawler.settings.getfloat(
            "WIRECRAWL_DEDUP_THRESHOLD", DedupConfig.threshold
        )
        self.index = NearDupIndex(self.db, DedupConfig(threshold=threshold))
        assert self.crawler.stats is not None
        for key in ("items", "complete"):  # present even at zero, for source health
            self.crawler.stats.set_value(f"wirecrawl/coverage/{key}", 0)

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
        """Write the buffered stories in one transaction."""
        if not self.buffer:
            return
        result = store.write_stories(self.db, self.buffer, keep_raw=self.keep_raw, dedup=self.index)
        self.buffer.clear()
        for event in ("added", "updated", "unchanged"):
            if getattr(result, event):
                self.count(event, getattr(result, event))
        for reason, n in result.linked.items():
            self.count(f"linked/{reason}", n)

    def close_spider(self) -> None:
        try:
            self.flush()
        finally:
            if self.db is not None:
                self.db.conn.close()

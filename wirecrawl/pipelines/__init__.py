"""Item pipelines: one concern per module, settings read in ``from_crawler``, outcomes counted.

Order (``ITEM_PIPELINES`` in :mod:`wirecrawl.settings`, with gaps for later stages):
100 clean text, 200 normalise timestamps, 300 canonical URL and content hash, 400 near-duplicate
signature, 500 store (which links clusters in its transaction).
"""

from __future__ import annotations

from typing import Any

from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem

from wirecrawl.sources import Source


class CountingPipeline:
    """Base for wirecrawl pipelines: holds the crawler, counts events, drops with a reason."""

    component = "pipeline"

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Any:
        return cls(crawler)

    @property
    def source(self) -> Source:
        """The registry entry of the spider being run (pipelines read fields, never names)."""
        spider = self.crawler.spider
        assert spider is not None
        return spider.source  # type: ignore[attr-defined]

    def count(self, event: str, n: int = 1) -> None:
        """Increment ``wirecrawl/<component>/<event>``."""
        assert self.crawler.stats is not None
        self.crawler.stats.inc_value(f"wirecrawl/{self.component}/{event}", n)

    def drop(self, reason: str) -> DropItem:
        """Count ``wirecrawl/dropped/<reason>`` and return the DropItem to raise."""
        assert self.crawler.stats is not None
        self.crawler.stats.inc_value(f"wirecrawl/dropped/{reason}")
        return DropItem(reason)

"""Clean text: whitespace, broken encodings, boilerplate (named by the source or learned)."""

from __future__ import annotations

import asyncio
from typing import Any

from wirecrawl.items import Story
from wirecrawl.pipelines import CountingPipeline
from wirecrawl.process import clean_story

LEARN_EVERY = 5  # pages between recounts of a source's repeated paragraphs


class CleanTextPipeline(CountingPipeline):
    """Cleans title and body; learns text repeated across a source's pages as boilerplate."""

    component = "clean"

    def __init__(self, crawler: Any) -> None:
        super().__init__(crawler)
        from wirecrawl.extract.boilerplate import BoilerplateLearner

        self.learner = BoilerplateLearner()
        self.db_path = crawler.settings.get("WIRECRAWL_DB")
        self.learned: frozenset[str] = frozenset()

    def open_spider(self) -> None:
        from wirecrawl import store

        if self.db_path:
            with store.opened(self.db_path) as db:
                self.learner.from_rows(store.load_boilerplate(db))
        self._publish()

    async def close_spider(self) -> None:
        """Save what was learned, in a thread: the save waits for SQLite's write lock while the
        store's writer finishes its last batches (0.4 s per source was seen), and waiting on the
        crawl's thread stalled every other source crawled in the process."""
        if self.db_path:
            await asyncio.to_thread(_save, self.db_path, self.learner.to_rows())

    def _publish(self) -> None:
        """Let the spider's extraction strip what has been learned so far."""
        self.learned = frozenset(self.learner.learned(self.source.name))
        spider = self.crawler.spider
        spider._learned_boilerplate = self.learned  # type: ignore[union-attr]

    def process_item(self, item: Story) -> Story:
        paragraphs = [p for p in (item.body or "").split("\n\n") if p.strip()]
        self.learner.observe(self.source.name, paragraphs)
        before = len(self.learned)
        if self.learner.pages(self.source.name) % LEARN_EVERY == 0:
            self._publish()  # recounting is not free: every few pages is soon enough
            if len(self.learned) > before:
                self.count("learned-boilerplate", len(self.learned) - before)
        clean_story(item, self.source, self.learned)
        removed = len(paragraphs) - len((item.body or "").split("\n\n") if item.body else [])
        if removed:
            self.count("paragraphs-removed", removed)
        if not item.title and not item.body:
            raise self.drop("no-content")
        self.count("items")
        return item


def _save(db_path: str, rows: list[tuple[str, str, str, int]]) -> None:
    from wirecrawl import store

    with store.opened(db_path) as db:
        store.save_boilerplate(db, rows)

"""Clean text: whitespace, broken encodings, boilerplate (named by the source or learned)."""

from __future__ import annotations

from typing import Any

from wirecrawl.items import Story
from wirecrawl.pipelines import CountingPipeline
from wirecrawl.process import clean_story


class CleanTextPipeline(CountingPipeline):
    """Cleans title and body; learns text repeated across a source's pages as boilerplate."""

    component = "clean"

    def __init__(self, crawler: Any) -> None:
        super().__init__(crawler)
        from wirecrawl.extract.boilerplate import BoilerplateLearner

        self.learner = BoilerplateLearner()
        self.db_path = crawler.settings.get("WIRECRAWL_DB")

    def open_spider(self) -> None:
        from wirecrawl import store

        if self.db_path:
            with store.opened(self.db_path) as db:
                self.learner.from_rows(store.load_boilerplate(db))
        self._publish()

    def close_spider(self) -> None:
        from wirecrawl import store

        if self.db_path:
            with store.opened(self.db_path) as db:
                store.save_boilerplate(db, self.learner.to_rows())

    def _publish(self) -> None:
        """Let the spider's extraction strip what has been learned so far."""
        spider = self.crawler.spider
        spider._learned_boilerplate = frozenset(self.learner.learned(self.source.name))  # type: ignore[union-attr]

    def process_item(self, item: Story) -> Story:
        name = self.source.name
        paragraphs = [p for p in (item.body or "").split("\n\n") if p.strip()]
        before = len(self.learner.learned(name))
        self.learner.observe(name, paragraphs)
        learned = self.learner.learned(name)
        if len(learned) != before:
            self._publish()
            self.count("learned-boilerplate", len(learned) - before)
        clean_story(item, self.source, learned)
        removed = len(paragraphs) - len((item.body or "").split("\n\n") if item.body else [])
        if removed:
            self.count("paragraphs-removed", removed)
        if not item.title and not item.body:
            raise self.drop("no-content")
        self.count("items")
        return item

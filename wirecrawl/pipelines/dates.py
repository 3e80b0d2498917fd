"""Normalise timestamps: choose among a story's date candidates and resolve it to UTC."""

from __future__ import annotations

from typing import Any

from wirecrawl.items import Story
from wirecrawl.pipelines import CountingPipeline
from wirecrawl.process import date_story


class DatesPipeline(CountingPipeline):
    """Sets ``published_*`` against ``fetched_at``; a date that cannot be trusted stays null."""

    component = "dates"

    def __init__(self, crawler: Any) -> None:
        super().__init__(crawler)
        from wirecrawl.dates import DateNormaliser

        self.normaliser = DateNormaliser()

    def process_item(self, item: Story) -> Story:
        date_story(item, self.source, self.normaliser)
        if item.date_reason is None:
            origin = item.evidence.get("published_at", "none").split(":", 1)[0]
            self.count(f"chosen/{origin}")
        else:
            self.count(f"missing/{item.date_reason}")
        return item

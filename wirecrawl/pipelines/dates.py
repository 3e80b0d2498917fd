"""Normalise timestamps: choose among a story's date candidates and resolve it to UTC."""

from __future__ import annotations

from typing import Any

from wirecrawl.items import Story
from wirecrawl.pipelines import CountingPipeline


class DatesPipeline(CountingPipeline):
    """Sets ``published_*`` from the candidates against ``fetched_at``; untrusted dates stay null."""

    component = "dates"

    def __init__(self, crawler: Any) -> None:
        super().__init__(crawler)
        from wirecrawl.dates import DateNormaliser

        self.normaliser = DateNormaliser()

    def process_item(self, item: Story) -> Story:
        from wirecrawl.dates import DateCandidate

        source = self.source
        timezone, date_order = source.timezone, source.date_order
        languages = list(source.languages) or None
        candidates = [
            DateCandidate(c["text"], c["origin"], c.get("detail", "")) for c in item.date_candidates
        ]
        choice = self.normaliser.choose(
            candidates,
            item.fetched_at,
            timezone=timezone,
            languages=languages,
            date_order=date_order,
        )
        result = choice.result
        item.date_evidence = choice.evidence
        item.published_raw = choice.candidate.text if choice.candidate else result.raw or None
        if result.reason is None:
            item.published_at = result.published_at
            item.published_precision = result.precision
            item.published_earliest = result.earliest
            item.published_latest = result.latest
            item.date_reason = None
            self.count(f"chosen/{choice.candidate.origin if choice.candidate else 'none'}")
        else:
            item.published_at = None
            item.date_reason = result.reason
            self.count(f"missing/{result.reason}")
        if item.modified_raw:
            modified = self.normaliser.parse(
                item.modified_raw,
                item.fetched_at,
                timezone=timezone,
                languages=languages,
                date_order=date_order,
            )
            item.modified_at = modified.published_at if modified.reason is None else None
        return item

"""Canonical URL and content hash: one row per canonical URL, other spellings kept as aliases."""

from __future__ import annotations

from typing import Any

from wirecrawl.items import Story
from wirecrawl.pipelines import CountingPipeline
from wirecrawl.process import attribute_story, canonical_story


class CanonicalUrlPipeline(CountingPipeline):
    """Same-site ``rel=canonical`` wins; a cross-site one becomes attribution evidence."""

    component = "urls"

    def __init__(self, crawler: Any) -> None:
        super().__init__(crawler)
        from wirecrawl.sources import load_sources

        settings = crawler.settings
        sources_file = settings.get("WIRECRAWL_SOURCES")
        self.registry = load_sources(
            sources_file or None, sample_port=settings.getint("WIRECRAWL_SAMPLE_PORT", 8451)
        )

    def process_item(self, item: Story) -> Story:
        had_original = item.original_url
        written = item.original_source
        attribute_story(canonical_story(item), self.registry)
        if item.original_source != written:
            self.count("original-named-by-registry")
        if item.aliases:
            self.count("aliased")
        if item.original_url and not had_original:
            self.count("cross-site-canonical")
        return item

"""Canonical URL and content hash: one row per canonical URL, other spellings kept as aliases."""

from __future__ import annotations

from wirecrawl.items import Story
from wirecrawl.pipelines import CountingPipeline


class CanonicalUrlPipeline(CountingPipeline):
    """Same-site ``rel=canonical`` wins; a cross-site one becomes attribution evidence."""

    component = "urls"

    def process_item(self, item: Story) -> Story:
        from wirecrawl.dedup import content_hash
        from wirecrawl.urls import canonicalize, choose_canonical

        canonical, cross_site = choose_canonical(item.url, item.canonical_url)
        if cross_site:
            self.count("cross-site-canonical")
            item.attribution_evidence = [
                *item.attribution_evidence,
                f"cross-site canonical: {cross_site}",
            ]
            if not item.original_url:
                item.original_url = cross_site
        spellings = {item.url, *item.aliases, *(a for a in [item.canonical_url] if a)}
        item.canonical_url = canonical
        item.aliases = sorted(u for u in spellings if u != canonical)
        if canonicalize(item.url) != canonical or item.url != canonical:
            self.count("aliased")
        item.content_hash = content_hash(f"{item.title or ''}\n{item.body or ''}")
        return item

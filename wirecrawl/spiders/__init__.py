"""Spiders. One per registry source, generated in :mod:`wirecrawl.spiders.sources`."""

"""The item that flows from spiders through the pipelines into storage."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any


@dataclass
class Story:
    """One article as crawled: what the page said (``*_raw``) beside what we made of it.

    Spiders fill ``source``, ``url``, ``fetched_at``, the extracted fields and ``date_candidates``;
    the pipelines fill the normalised fields (``published_at`` and its window, ``canonical_url``,
    ``content_hash``) and may drop the item with a counted reason.
    """

    source: str
    url: str
    fetched_at: datetime
    title: str | None = None
    body: str | None = None
    authors: list[str] = field(default_factory=list)
    section: str | None = None
    tags: list[str] = field(default_factory=list)
    language: str | None = None
    canonical_url: str | None = None
    lead_image: str | None = None
    publisher: str | None = None
    original_source: str | None = None
    original_url: str | None = None
    attribution_evidence: list[str] = field(default_factory=list)
    evidence: dict[str, str] = field(default_factory=dict)
    date_candidates: list[dict[str, str]] = field(default_factory=list)
    published_raw: str | None = None
    published_at: datetime | None = None
    published_precision: str | None = None
    published_earliest: datetime | None = None
    published_latest: datetime | None = None
    date_reason: str | None = None
    date_evidence: list[dict[str, Any]] = field(default_factory=list)
    modified_raw: str | None = None
    modified_at: datetime | None = None
    aliases: list[str] = field(default_factory=list)
    content_hash: str | None = None
    raw_html: bytes | None = None
    signature: bytes | None = None  # MinHash of the cleaned body, set by the dedup pipeline

"""Request fingerprints on canonical URLs, so one story under many spellings is fetched once."""

from __future__ import annotations

import hashlib
from typing import Any

from scrapy import Request


class CanonicalFingerprinter:
    """Like Scrapy's default fingerprinter, but on :func:`wirecrawl.urls.canonicalize` of the URL."""

    @classmethod
    def from_crawler(cls, crawler: Any) -> CanonicalFingerprinter:
        return cls()

    def fingerprint(self, request: Request) -> bytes:
        from wirecrawl.urls import canonicalize

        key = f"{request.method} {canonicalize(request.url)}".encode()
        return hashlib.sha1(key + b"\0" + (request.body or b"")).digest()

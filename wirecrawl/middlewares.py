"""Downloader middlewares for polite, incremental crawling.

- :class:`StrictRobotsTxtMiddleware`: robots.txt obeyed; a 4xx robots.txt allows everything, a
  5xx or unreachable one means not crawling that site this run.
- :class:`ConditionalRequestMiddleware`: feeds, sitemaps and listing pages are fetched with
  ``If-None-Match``/``If-Modified-Since`` and compared by body hash; validators are saved only
  when a crawl finishes, so a killed run never hides articles from the next one.
- :class:`RetryAfterMiddleware`: a 429 or 503 with ``Retry-After`` slows that site down for the
  rest of the run (up to ``WIRECRAWL_MAX_RETRY_AFTER`` seconds), before Scrapy's retry.
- :class:`MetaRefreshMiddleware`: Scrapy's ``<meta http-equiv="refresh">`` redirects, with the
  pages that cannot hold one ruled out in their bytes instead of decoded first.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

from scrapy import Request, signals
from scrapy.crawler import Crawler
from scrapy.downloadermiddlewares.redirect import (
    MetaRefreshMiddleware as ScrapyMetaRefreshMiddleware,
)
from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware
from scrapy.exceptions import IgnoreRequest
from scrapy.http import HtmlResponse, Response
from scrapy.utils.httpobj import urlparse_cached

VALIDATED_KINDS = ("feed", "sitemap", "listing")


def _inc(crawler: Crawler, key: str, n: int = 1) -> None:
    assert crawler.stats is not None
    crawler.stats.inc_value(f"wirecrawl/{key}", n)


class StrictRobotsTxtMiddleware(RobotsTxtMiddleware):
    """Scrapy's robots.txt middleware with the failure rules of RFC 9309.

    Overrides Scrapy's ``_parse_robots`` and ``_robots_error`` hooks (private in Scrapy 2.x; the
    tests exercise both paths on a real server, so an upstream change shows at once).
    """

    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)
        self.unavailable: set[str] = set()

    async def _parse_robots(self, response: Response, netloc: str, request: Request) -> None:
        if response.status >= 500:
            self._block(netloc, f"robots.txt answered {response.status}")
            super()._robots_error(IgnoreRequest("robots.txt unavailable"), netloc)
            return
        if 400 <= response.status < 500:
            response = response.replace(body=b"")  # RFC 9309: unavailable means allowed
        await super()._parse_robots(response, netloc, request)

    def _robots_error(self, exc: Exception, netloc: str) -> None:
        self._block(netloc, f"robots.txt unreachable: {exc}")
        super()._robots_error(exc, netloc)

    def _block(self, netloc: str, why: str) -> None:
        self.unavailable.add(netloc)
        _inc(self.crawler, "errors/robots-unavailable")
        assert self.crawler.spider is not None
        self.crawler.spider.logger.error("not crawling %s this run: %s", netloc, why)

    def process_request_2(self, rp: Any, request: Request) -> None:
        if urlparse_cached(request).netloc in self.unavailable:
            _inc(self.crawler, "discovery/robots-unavailable-skipped")
            raise IgnoreRequest("robots.txt unavailable this run")
        super().process_request_2(rp, request)


class ConditionalRequestMiddleware:
    """Skips unchanged feeds, sitemaps and listings (ETag, Last-Modified, body hash)."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.db_path = crawler.settings.get("WIRECRAWL_DB")
        self.enabled = crawler.settings.getbool("WIRECRAWL_INCREMENTAL", True)
        self.pending: dict[str, tuple[str | None, str | None, str]] = {}
        self.db: Any = None
        crawler.signals.connect(self.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ConditionalRequestMiddleware:
        return cls(crawler)

    def spider_opened(self) -> None:
        from wirecrawl import store

        if self.enabled and self.db_path:
            self.db = store.open_db(self.db_path)

    def spider_closed(self, reason: str) -> None:
        from wirecrawl import store

        if self.db is None:
            return
        try:
            unusable: set[str] = getattr(self.crawler.spider, "unusable", set())
            for url in unusable:
                self.pending.pop(url, None)
            if reason == "finished" and self.pending:
                now = datetime.now(UTC).isoformat(timespec="seconds")
                rows = [
                    (url, etag, modified, digest, now)
                    for url, (etag, modified, digest) in self.pending.items()
                ]
                store.save_validators(self.db, rows)
        finally:
            self.db.conn.close()
            self.db = None

    def process_request(self, request: Request) -> None:
        if self.db is None or request.meta.get("kind") not in VALIDATED_KINDS:
            return
        from wirecrawl import store

        known = store.get_validators(self.db, request.url)
        if known is None:
            return
        etag, modified, digest = known
        request.meta["wirecrawl_body_hash"] = digest
        if etag:
            request.headers.setdefault(b"If-None-Match", etag.encode("latin-1"))
        if modified:
            request.headers.setdefault(b"If-Modified-Since", modified.encode("latin-1"))

    def process_response(self, request: Request, response: Response) -> Response:
        if self.db is None or request.meta.get("kind") not in VALIDATED_KINDS:
            return response
        if response.status == 304:
            _inc(self.crawler, "incremental/not-modified")
            raise IgnoreRequest(f"not modified: {request.url}")
        if response.status != 200:
            return response
        digest = hashlib.blake2b(response.body, digest_size=16).hexdigest()
        if digest == request.meta.get("wirecrawl_body_hash"):
            _inc(self.crawler, "incremental/unchanged-body")
            raise IgnoreRequest(f"unchanged: {request.url}")
        header = response.headers.get
        etag = header(b"ETag")
        modified = header(b"Last-Modified")
        self.pending[request.url] = (
            etag.decode("latin-1") if etag else None,
            modified.decode("latin-1") if modified else None,
            digest,
        )
        return response


def retry_after_seconds(value: bytes | str | None, now: datetime) -> float | None:
    """Seconds a ``Retry-After`` header asks for: delta-seconds or an HTTP date; None if absent or bad."""
    if value is None:
        return None
    text = value.decode("latin-1") if isinstance(value, bytes) else value
    text = text.strip()
    if text.isdigit():
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - now).total_seconds())


class RetryAfterMiddleware:
    """On 429/503 with ``Retry-After``, raise the site's download delay to that many seconds."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.cap = crawler.settings.getfloat("WIRECRAWL_MAX_RETRY_AFTER", 600.0)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RetryAfterMiddleware:
        return cls(crawler)

    def process_response(self, request: Request, response: Response) -> Response:
        if response.status not in (429, 503):
            return response
        seconds = retry_after_seconds(response.headers.get(b"Retry-After"), datetime.now(UTC))
        if seconds is None:
            return response
        if seconds > self.cap:
            _inc(self.crawler, "errors/retry-after-too-long")
            raise IgnoreRequest(f"{request.url} asks to wait {seconds:.0f}s (cap {self.cap:.0f}s)")
        assert self.crawler.engine is not None
        downloader = self.crawler.engine.downloader
        key = downloader.get_slot_key(request)
        slot = downloader.slots.get(key)
        if slot is not None and slot.delay < seconds:
            slot.delay = seconds
            _inc(self.crawler, "politeness/retry-after-honoured")
        return response


# Scrapy looks for a refresh in a page's first 4,096 characters; no ASCII-compatible encoding
# spends more than 4 bytes on a character.
_REFRESH_SCAN_BYTES = 4 * 4096


def may_refresh(body: bytes) -> bool:
    """False when ``body`` cannot hold a meta refresh that Scrapy would find.

    Scrapy finds one only where a tag's attributes spell "refresh" in the decoded text, which in
    an ASCII-compatible encoding are those bytes. Text with NUL bytes near the start (UTF-16 or
    UTF-32, or junk) cannot be ruled out this way, so it is left to Scrapy.
    """
    head = body[:_REFRESH_SCAN_BYTES]
    # bytes.lower() and a substring test: 7 us on 16 KiB, a case-blind regex search 47 us
    return b"\x00" in head[:1024] or b"refresh" in head.lower()


class MetaRefreshMiddleware(ScrapyMetaRefreshMiddleware):
    """Scrapy's meta-refresh redirects, without decoding the pages that have none.

    Scrapy decodes every HTML response to look for a refresh (``response.text``, about 30 us a
    page of 50 KB), and extraction decodes the page again from its bytes; here a page whose
    first bytes cannot spell "refresh" is passed on at once, the rest as Scrapy does it.
    """

    def process_response(self, request: Request, response: Response) -> Request | Response:  # type: ignore[override]
        if isinstance(response, HtmlResponse) and not may_refresh(response.body):
            return response
        return super().process_response(request, response)

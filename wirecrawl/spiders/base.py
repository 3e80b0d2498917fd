"""The strategy spiders: discovery from feeds, sitemaps and listing pages, then extraction.

A source entry says where its feeds, sitemaps and listings are; ``SourceSpider`` crawls them.
Spiders only crawl: they hand every article response to :func:`wirecrawl.extract.extract` and
pass along, uninterpreted, what they saw of a story elsewhere (a feed's ``pubDate``, a sitemap's
``publication_date``, a listing's "11 hours ago"); the pipelines normalise it.

Override hooks (on a subclass for a site the entry fields cannot describe):
``article_links(response)`` for unusual listing markup and ``build_story(response, seen)`` for
pages that need extra fields.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime
from typing import Any, ClassVar

import scrapy
from lxml import etree
from scrapy.http import Response

from wirecrawl.items import Story
from wirecrawl.sources import Source

SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
NEWS_NS = "{http://www.google.com/schemas/sitemap-news/0.9}"
_STAMP_HINT = re.compile(r"date|time|ago|posted|published|meta", re.I)
_LISTING_CONTAINERS = ("li", "article", "tr", "div", "section")
_XML_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, recover=True, huge_tree=False
)


def now_utc() -> datetime:
    """The wall clock in UTC; the crawl's clock unless the WIRECRAWL_NOW setting fixes it."""
    return datetime.now(UTC)


class SourceSpider(scrapy.Spider):
    """Crawls one registry source: feeds, sitemaps and listing pages lead to article pages."""

    source: ClassVar[Source]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.allowed_domains = list(self.source.domains)
        self.scheduled = 0
        # feeds and sitemaps that could not be read: their validators must not be saved
        self.unusable: set[str] = set()
        # canonical URL -> (spellings seen, what discovery saw of it, known in the store)
        self.sightings: dict[str, tuple[set[str], dict[str, str], bool]] = {}
        self._state_db: Any = None

    # --- clock --------------------------------------------------------------------------------

    def clock(self) -> datetime:
        """The crawl's notion of now: the WIRECRAWL_NOW setting (ISO 8601) when set, for tests."""
        fixed = self.settings.get("WIRECRAWL_NOW")
        if fixed:
            value = datetime.fromisoformat(str(fixed))
            return value if value.tzinfo else value.replace(tzinfo=UTC)
        return now_utc()

    # --- discovery ------------------------------------------------------------------------------

    async def start(self) -> AsyncIterator[Any]:
        for url in self.source.feeds:
            yield scrapy.Request(url, callback=self.parse_feed, meta={"kind": "feed"})
        for url in self.source.sitemaps:
            yield scrapy.Request(url, callback=self.parse_sitemap, meta={"kind": "sitemap"})
        for url in self.source.listings:
            yield scrapy.Request(
                url, callback=self.parse_listing, meta={"kind": "listing", "listing_depth": 0}
            )

    def _count(self, key: str, n: int = 1) -> None:
        assert self.crawler.stats is not None
        self.crawler.stats.inc_value(f"wirecrawl/{key}", n)

    # --- incremental crawling -----------------------------------------------------------------

    def state_db(self) -> Any:
        """A connection to the story database, for "already stored?" checks (None: crawl all)."""
        if self._state_db is None and self.settings.getbool("WIRECRAWL_INCREMENTAL", True):
            path = self.settings.get("WIRECRAWL_DB")
            if path:
                from wirecrawl import store

                self._state_db = store.open_db(path)
        return self._state_db

    def closed(self, reason: str) -> None:
        if self._state_db is not None:
            self._state_db.conn.close()
            self._state_db = None

    def is_due(self, url: str, canonical: str, updated: str | None = None) -> bool:
        """Whether an article URL should be fetched this run.

        New URLs always are. A stored story is fetched again when discovery gives its
        modification time (a sitemap ``lastmod``, a feed entry's date) and that is after we last
        saw it. Without such a signal, a story younger than the source's ``revisit`` window
        (age from its publication, else from when we first saw it) is rechecked with a growing
        gap: once at least max(``interval``, age / 2) has passed since we last saw it, which is
        about log2(revisit / interval) rechecks in all.
        """
        db = self.state_db()
        if db is None:
            return True
        from wirecrawl import store

        seen = store.seen_story(db, canonical) or store.seen_story(db, url)
        if seen is None:
            return True
        first_seen, last_seen, published_at = seen
        changed = _instant(updated)
        if changed is not None:
            if changed > last_seen:
                self._count("incremental/changed")
                return True
            self._count("incremental/known-skipped")
            return False
        now = self.clock()
        age = now - (published_at or first_seen)
        if age < self.source.revisit and now - last_seen >= max(self.source.interval, age / 2):
            self._count("incremental/recheck")
            return True
        self._count("incremental/known-skipped")
        return False

    def within_budget(self) -> bool:
        """Count one more page against the source's ``max_pages``; False once it is spent."""
        if self.scheduled >= self.source.max_pages:
            self._count("discovery/budget-exhausted")
            return False
        self.scheduled += 1
        return True

    def sight(
        self, url: str, seen: dict[str, str], referer: Response, updated: str | None = None
    ) -> tuple[scrapy.Request | None, bool]:
        """Note an article link found by discovery: (request or None, already stored?).

        A story met again under another spelling, or on another listing, adds what that
        sighting saw (a feed date, a listing stamp) to the request already made for it.
        """
        url = referer.urljoin(url.strip())
        if not self.source.matches_article(url):
            self._count("discovery/not-article")
            return None, False
        from wirecrawl.urls import canonicalize

        key = canonicalize(url)
        if key in self.sightings:
            spellings, first_seen_info, due = self.sightings[key]
            spellings.add(url)
            for origin, text in seen.items():
                first_seen_info.setdefault(origin, text)
            return None, not due
        due = self.is_due(url, key, updated)
        self.sightings[key] = ({url}, seen, due)
        if not due or not self.within_budget():
            return None, not due
        request = scrapy.Request(
            url,
            callback=self.parse_article,
            cb_kwargs={"seen": seen},
            meta={"kind": "article"},
        )
        return request, False

    def article_request(
        self, url: str, seen: dict[str, str], referer: Response, updated: str | None = None
    ) -> scrapy.Request | None:
        """A request for an article URL found on a feed or sitemap, or None to skip it."""
        return self.sight(url, seen, referer, updated)[0]

    def parse_feed(self, response: Response) -> Iterator[Any]:
        """RSS and Atom feeds, read with feedparser (it survives the malformed feeds real sites serve)."""
        import feedparser

        self._count("pages/feed")
        headers = {"content-location": response.url}
        content_type = response.headers.get(b"Content-Type")
        if content_type:
            headers["content-type"] = content_type.decode("latin-1")
        parsed = feedparser.parse(response.body, response_headers=headers)
        if parsed.bozo and not parsed.entries:
            self._count("errors/feed-unreadable")
            self.unusable.add(response.url)
            self.logger.warning(
                "feed %s could not be read: %s", response.url, parsed.get("bozo_exception")
            )
            return
        if parsed.bozo:
            self._count("errors/feed-malformed")
        for entry in parsed.entries:
            link = entry.get("link")
            if not link:
                self._count("dropped/feed-entry-without-link")
                continue
            seen = {}
            raw = entry.get("published") or entry.get("updated") or entry.get("dc_date")
            if raw:
                seen["feed"] = str(raw)
            updated = entry.get("updated") or entry.get("published")
            request = self.article_request(link, seen, response, str(updated) if updated else None)
            if request is not None:
                yield request

    def parse_sitemap(self, response: Response) -> Iterator[Any]:
        """XML sitemaps, sitemap indexes and news sitemaps (``news:publication_date`` kept)."""
        self._count("pages/sitemap")
        try:
            root = etree.fromstring(response.body, parser=_XML_PARSER)
        except etree.XMLSyntaxError:
            root = None
        if root is None:
            self._count("errors/sitemap-unreadable")
            self.unusable.add(response.url)
            self.logger.warning("sitemap %s is not XML", response.url)
            return
        if root.tag == f"{SITEMAP_NS}sitemapindex":
            for loc in root.iter(f"{SITEMAP_NS}loc"):
                if loc.text:
                    yield response.follow(
                        loc.text.strip(), callback=self.parse_sitemap, meta={"kind": "sitemap"}
                    )
            return
        for url in root.iter(f"{SITEMAP_NS}url"):
            loc = url.findtext(f"{SITEMAP_NS}loc")
            if not loc:
                continue
            seen = {}
            published = url.findtext(f"{NEWS_NS}news/{NEWS_NS}publication_date")
            if published:
                seen["sitemap"] = published.strip()
            request = self.article_request(
                loc, seen, response, url.findtext(f"{SITEMAP_NS}lastmod")
            )
            if request is not None:
                yield request

    def article_links(self, response: Response) -> Iterator[tuple[str, str | None]]:
        """(href, stamp as written) for each article link on a listing page.

        With ``selectors.listing_item`` the source names each entry's element (and
        ``selectors.listing_date`` its stamp); otherwise each article link's nearest enclosing
        entry element is searched for a ``<time>`` or a date-like class.
        """
        selectors = self.source.selectors
        if selectors.listing_item:
            for item in response.css(selectors.listing_item):
                for href in item.css("a::attr(href)").getall():
                    if self.source.matches_article(response.urljoin(href)):
                        stamp = None
                        if selectors.listing_date:
                            stamp = " ".join(
                                t.strip() for t in item.css(selectors.listing_date).getall()
                            ).strip()
                        yield href, stamp or None
                        break
            return
        seen: set[str] = set()
        for link in response.css("a[href]"):
            href = link.attrib["href"]
            absolute = response.urljoin(href)
            if absolute in seen or not self.source.matches_article(absolute):
                continue
            seen.add(absolute)
            yield href, _listing_stamp(link)

    def parse_listing(self, response: Response) -> Iterator[Any]:
        """A listing page: every article link (with its stamp) and the next page, within budget."""
        self._count("pages/listing")
        links = known = 0
        for href, stamp in self.article_links(response):
            request, stored = self.sight(href, {"listing": stamp} if stamp else {}, response)
            links += 1
            known += stored
            if request is not None:
                yield request
        if links and known == links:
            self._count("incremental/pagination-stopped")
            return
        depth = int(response.meta.get("listing_depth", 0))
        if depth + 1 >= self.source.max_depth or not self.within_budget():
            self._count("discovery/pagination-budget-reached")
            return
        next_page = _next_page(response, self.source.selectors.next_page)
        if next_page:
            yield response.follow(
                next_page,
                callback=self.parse_listing,
                meta={"kind": "listing", "listing_depth": depth + 1},
            )

    # --- articles -------------------------------------------------------------------------------

    def parse_article(self, response: Response, seen: dict[str, str]) -> Iterator[Story]:
        """Hand the page to extraction; a page that cannot be read is dropped and counted."""
        self._count("pages/article")
        story = self.build_story(response, seen)
        if story is not None:
            yield story

    def build_story(self, response: Response, seen: dict[str, str]) -> Story | None:
        """Extract one article page into a Story (override to add site-specific fields)."""
        from wirecrawl.dates import fetch_time
        from wirecrawl.extract import ExtractError
        from wirecrawl.process import story_from_page
        from wirecrawl.urls import canonicalize

        key = canonicalize(response.url)
        spellings = set(self.sightings[key][0]) if key in self.sightings else set()
        spellings |= set(response.meta.get("redirect_urls", []))
        headers = {
            k.decode("latin-1"): v[0].decode("latin-1") for k, v in response.headers.items() if v
        }
        try:
            return story_from_page(
                response.body,
                response.url,
                source=self.source,
                fetched_at=fetch_time(response.headers.get("Date"), self.clock()),
                headers=headers,
                seen=seen,
                aliases=spellings,
                learned=self.learned_boilerplate(),
                keep_raw=self.settings.getbool("WIRECRAWL_KEEP_RAW", True),
            )
        except ExtractError as exc:
            self._count("dropped/unreadable-page")
            self.logger.warning("dropped %s: %s", response.url, exc)
            return None

    def learned_boilerplate(self) -> frozenset[str]:
        """Boilerplate paragraphs learned for this source in earlier crawls (set by the pipeline)."""
        return getattr(self, "_learned_boilerplate", frozenset())


def _instant(text: str | None) -> datetime | None:
    """A sitemap ``lastmod`` (W3C datetime) or feed date (RFC 822) as aware UTC, else None."""
    if not text:
        return None
    from email.utils import parsedate_to_datetime

    text = text.strip()
    try:
        value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        try:
            value = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            return None
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def _listing_stamp(link: Any) -> str | None:
    """The stamp printed beside a listing link ("11 hours ago"), as written, or None."""
    node = link
    for _ in range(4):
        parents = node.xpath("..")
        if not parents:
            return None
        node = parents[0]
        tag = node.root.tag if isinstance(node.root.tag, str) else ""
        if tag not in _LISTING_CONTAINERS:
            continue
        stamp = (
            node.xpath(".//time/@datetime").get() or node.xpath("normalize-space(.//time)").get()
        )
        if stamp:
            return stamp
        for element in node.xpath(".//*[@class]"):
            if _STAMP_HINT.search(element.attrib.get("class", "")) and not element.xpath(".//a"):
                text = element.xpath("normalize-space(.)").get()
                if text and len(text) <= 80:
                    return text
        if len(node.xpath(".//a[@href]")) > 3:
            return None
    return None


def _next_page(response: Response, selector: str | None) -> str | None:
    """The listing's next-page link: the source's selector, else rel=next or a "next" class."""
    if selector:
        return response.css(selector).attrib.get("href") if response.css(selector) else None
    for query in (
        'link[rel="next"]::attr(href)',
        'a[rel~="next"]::attr(href)',
        "a.next::attr(href)",
        ".pagination a.next::attr(href)",
    ):
        found = response.css(query).get()
        if found:
            return found
    return None

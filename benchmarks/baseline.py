"""The baseline: a plain Scrapy spider over the same sitemaps, parsing title and body text only.

No pipelines, no storage, no extraction rules: each article page is parsed once by parsel (as
Scrapy does for any response) and the ``<title>`` and all body text are taken, as
``benchmarks.bench_extract.plain_parse`` does offline. Politeness and concurrency settings are
the ones wirecrawl runs with (robots.txt obeyed by both, delay 0, AutoThrottle off, asyncio
reactor), so the only difference left is what happens to a page after it is downloaded.

Run (by ``benchmarks.run``, one process per measurement):
``.venv/bin/python -m benchmarks.baseline --sitemap URL [--sitemap URL ...] --stats-out F``.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from scrapy.http import Response
from scrapy.spiders import SitemapSpider

# Settings whose value the baseline takes from a wirecrawl crawl's resolved settings.
SHARED_SETTINGS = (
    "TWISTED_REACTOR",
    "USER_AGENT",
    "DOWNLOAD_DELAY",
    "CONCURRENT_REQUESTS_PER_DOMAIN",
    "ROBOTSTXT_OBEY",
    "CONCURRENT_REQUESTS",
    "CONCURRENT_ITEMS",
    "DOWNLOAD_TIMEOUT",
    "RETRY_TIMES",
    "COOKIES_ENABLED",
    "TELNETCONSOLE_ENABLED",
)


class BaselineSpider(SitemapSpider):
    """Follows the given sitemaps; yields ``{"url", "title", "chars"}`` for every page."""

    name = "baseline"

    def __init__(self, sitemaps: Sequence[str] = (), **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.sitemap_urls = list(sitemaps)

    def parse(self, response: Response) -> Iterator[dict[str, Any]]:
        title = response.css("title::text").get()
        body = " ".join(response.xpath("//body//text()").getall())
        yield {"url": response.url, "title": title, "chars": len(body)}


def baseline_settings(concurrency: int, log_level: str = "WARNING") -> dict[str, Any]:
    """Scrapy settings for the baseline: what ``wirecrawl crawl --delay 0 --concurrency N``
    resolves for the shared keys, AutoThrottle off, and nothing of wirecrawl's own components."""
    from wirecrawl.config import load_config
    from wirecrawl.crawl import scrapy_settings

    resolved = scrapy_settings(load_config(download_delay=0, concurrency=concurrency))
    settings = {key: resolved.get(key) for key in SHARED_SETTINGS}
    settings.update({"AUTOTHROTTLE_ENABLED": False, "LOG_LEVEL": log_level})
    return settings


def crawl_figures(stats: dict[str, Any]) -> dict[str, Any]:
    """Pages, seconds between the engine's start and finish, and the finish reason."""
    start, finish = stats.get("start_time"), stats.get("finish_time")
    elapsed = (finish - start).total_seconds() if start and finish else None
    return {
        "pages": int(stats.get("item_scraped_count", 0)),
        "responses": int(stats.get("downloader/response_count", 0)),
        "elapsed_s": elapsed,
        "finish_reason": stats.get("finish_reason"),
    }


def main(argv: Sequence[str] | None = None) -> dict[str, Any]:
    """Crawl, then write the figures as JSON to ``--stats-out`` (and return them)."""
    from scrapy.crawler import CrawlerProcess

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sitemap", action="append", required=True, help="a sitemap URL")
    parser.add_argument("--concurrency", type=int, default=16, help="requests per site")
    parser.add_argument("--stats-out", type=Path, required=True, help="JSON file for figures")
    args = parser.parse_args(argv)
    process = CrawlerProcess(baseline_settings(args.concurrency), install_root_handler=True)
    crawler = process.create_crawler(BaselineSpider)
    process.crawl(crawler, sitemaps=args.sitemap)
    process.start()
    figures = crawl_figures(crawler.stats.get_stats() if crawler.stats else {})
    args.stats_out.write_text(json.dumps(figures))
    return figures


if __name__ == "__main__":
    main()

"""The crawl's stats collector keeps Scrapy's behaviour without the per-access shim."""

import scrapy
from scrapy.settings import Settings
from scrapy.statscollectors import MemoryStatsCollector
from scrapy.utils.test import get_crawler

from wirecrawl.stats import CrawlStats


class _Spider(scrapy.Spider):
    name = "stats-check"


def _project_settings():
    settings = Settings()
    settings.setmodule("wirecrawl.settings", priority="project")
    return settings


def test_crawls_count_with_the_crawl_stats_class():
    from scrapy.utils.misc import load_object

    assert load_object(_project_settings()["STATS_CLASS"]) is CrawlStats
    assert issubclass(CrawlStats, MemoryStatsCollector)


def test_counts_as_scrapy_does_and_keeps_the_last_run_per_spider():
    crawler = get_crawler(_Spider)
    crawler.spider = _Spider()
    ours, scrapys = CrawlStats(crawler), MemoryStatsCollector(crawler)
    for stats in (ours, scrapys):
        stats.inc_value("pages")
        stats.inc_value("pages", 2)
        stats.inc_value("bytes", 10, start=5)
        stats.max_value("largest", 3)
        stats.max_value("largest", 1)
        stats.min_value("smallest", 3)
        stats.min_value("smallest", 1)
        stats.set_value("reason", "finished")
    ours.inc_value("old-style", spider=crawler.spider)  # still served (Scrapy's warns)
    scrapys.inc_value("old-style")
    assert (
        ours.get_stats()
        == scrapys.get_stats()
        == {
            "pages": 3,
            "bytes": 15,
            "largest": 3,
            "smallest": 1,
            "reason": "finished",
            "old-style": 1,
        }
    )
    assert ours.get_value("missing", 7) == 7
    ours.close_spider(reason="finished")
    assert ours.spider_stats["stats-check"]["pages"] == 3


def test_attribute_reads_go_through_no_python_level_hook():
    # Scrapy's collector runs a Python __getattribute__ on every read (about 1.7 us a count)
    assert CrawlStats.__getattribute__ is object.__getattribute__

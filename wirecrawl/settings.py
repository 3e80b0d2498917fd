"""Scrapy settings for wirecrawl (``scrapy.cfg`` points here).

wirecrawl's own settings (database path, user agent, politeness, sources file) come from
:mod:`wirecrawl.config`, so ``scrapy crawl`` and ``wirecrawl crawl`` agree; the CLI overrides
them per run.
"""

from wirecrawl.config import load_config

_config = load_config()

BOT_NAME = "wirecrawl"
SPIDER_MODULES = ["wirecrawl.spiders"]
NEWSPIDER_MODULE = "wirecrawl.spiders"

USER_AGENT = _config.user_agent
ROBOTSTXT_OBEY = True
DOWNLOAD_DELAY = _config.download_delay
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = _config.concurrency
# Scrapy's default of 100 parallel items costs CPU per page with no gain for our sync pipelines.
CONCURRENT_ITEMS = 16
DOWNLOAD_TIMEOUT = 30
RETRY_TIMES = 2
COOKIES_ENABLED = False
TELNETCONSOLE_ENABLED = False
LOG_LEVEL = "INFO"
REQUEST_FINGERPRINTER_CLASS = "wirecrawl.fingerprint.CanonicalFingerprinter"
STATS_CLASS = "wirecrawl.stats.CrawlStats"  # see wirecrawl.stats: no per-access shim
FEED_EXPORT_ENCODING = "utf-8"

# Every middleware costs each page a step through Scrapy's chain whether it acts or not, so those
# with nothing to do here are off: sources carry no HTTP credentials (HttpAuth); listing depth
# is bounded by each source's ``max_depth`` (Depth); our spiders never copy a response's meta
# (MetaCopy). With our meta refresh check (wirecrawl.middlewares), 0.1-0.15 ms of CPU a page
# in six interleaved pairs of crawls with extraction stubbed out.
DOWNLOADER_MIDDLEWARES = {
    "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
    "wirecrawl.middlewares.StrictRobotsTxtMiddleware": 100,
    "scrapy.downloadermiddlewares.httpauth.HttpAuthMiddleware": None,
    "wirecrawl.middlewares.RetryAfterMiddleware": 555,
    "wirecrawl.middlewares.ConditionalRequestMiddleware": 560,
    "scrapy.downloadermiddlewares.redirect.MetaRefreshMiddleware": None,
    "wirecrawl.middlewares.MetaRefreshMiddleware": 580,
}
SPIDER_MIDDLEWARES = {
    "scrapy.spidermiddlewares.depth.DepthMiddleware": None,
    "scrapy.spidermiddlewares.metacopy.MetaCopyDetectionMiddleware": None,
}
ITEM_PIPELINES = {
    "wirecrawl.pipelines.clean.CleanTextPipeline": 100,
    "wirecrawl.pipelines.dates.DatesPipeline": 200,
    "wirecrawl.pipelines.urls.CanonicalUrlPipeline": 300,
    "wirecrawl.pipelines.dedup.DedupSignaturePipeline": 400,
    "wirecrawl.pipelines.store.StorePipeline": 500,
}

WIRECRAWL_DB = str(_config.db_path)
WIRECRAWL_KEEP_RAW = _config.keep_raw
WIRECRAWL_SOURCES = str(_config.sources_file) if _config.sources_file else ""
WIRECRAWL_SAMPLE_PORT = _config.sample_port
WIRECRAWL_BATCH_SIZE = 100
# Write from the crawl's own thread (see wirecrawl.pipelines.store for the measurements);
# True writes from a thread of its own, for a database on storage slow enough to stall the crawl.
WIRECRAWL_WRITER_THREAD = False
WIRECRAWL_DEDUP_THRESHOLD = _config.dedup_threshold
WIRECRAWL_INCREMENTAL = True
WIRECRAWL_MAX_RETRY_AFTER = 600.0

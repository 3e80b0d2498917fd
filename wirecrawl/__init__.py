"""wirecrawl: crawl news sites into attributed, deduplicated stories in SQLite."""

__version__ = "0.1.0"

"""One spider class per registry source, so ``scrapy list`` and ``scrapy crawl NAME`` work.

Classes are generated with ``type()``; each sets ``__module__`` to this module, which Scrapy's
spider loader scans (without it they vanish from ``scrapy list``).
"""

from __future__ import annotations

from wirecrawl.config import load_config
from wirecrawl.sources import Source, load_sources
from wirecrawl.spiders.base import SourceSpider


def spider_class(source: Source) -> type[SourceSpider]:
    """The spider class for one source, named after it."""
    class_name = "".join(part.title() for part in source.name.split("_")) + "Spider"
    return type(
        class_name, (SourceSpider,), {"name": source.name, "source": source, "__module__": __name__}
    )


def _register() -> list[str]:
    config = load_config()
    names = []
    for source in load_sources(config.sources_file, sample_port=config.sample_port):
        cls = spider_class(source)
        globals()[cls.__name__] = cls
        names.append(cls.__name__)
    return names


SPIDER_CLASSES = _register()

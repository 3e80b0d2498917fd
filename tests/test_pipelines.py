"""Each item pipeline on its own, with a real Scrapy crawler's settings and stats."""

import asyncio
import threading
from datetime import UTC, datetime

import pytest
from scrapy.exceptions import DropItem
from scrapy.utils.test import get_crawler

from wirecrawl import store
from wirecrawl.items import Story
from wirecrawl.pipelines.clean import CleanTextPipeline
from wirecrawl.pipelines.dates import DatesPipeline
from wirecrawl.pipelines.dedup import DedupSignaturePipeline
from wirecrawl.pipelines.store import StorePipeline
from wirecrawl.pipelines.urls import CanonicalUrlPipeline
from wirecrawl.sources import get_source, load_sources
from wirecrawl.spiders.sources import spider_class

NOW = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)
SOURCE = get_source(load_sources(), "globalwire")
URL = "http://127.0.0.2:8451/2026/11/27/harbour-bridge-reopens/"


@pytest.fixture
def crawler(tmp_path):
    crawler = get_crawler(
        spider_class(SOURCE),
        settings_dict={"WIRECRAWL_DB": str(tmp_path / "p.db"), "WIRECRAWL_BATCH_SIZE": 2},
    )
    crawler.spider = crawler.spidercls.from_crawler(crawler)
    return crawler


def loop_ticks_while(close) -> int:
    """Run ``close()`` (a coroutine function) on an event loop ticking every 10 ms; how many
    ticks ran before it finished (about none if it blocked the loop)."""

    async def ticking() -> int:
        ticks = 0
        closing = asyncio.ensure_future(close())
        while not closing.done():
            await asyncio.sleep(0.01)
            ticks += 1
        await closing
        return ticks

    return asyncio.run(ticking())


def stats(crawler):
    return {k: v for k, v in crawler.stats.get_stats().items() if k.startswith("wirecrawl/")}


def story(**fields):
    values = {
        "source": "globalwire",
        "url": URL,
        "fetched_at": NOW,
        "title": " Bridge  reopens ",
        "body": "The bridge reopened on Friday.\n\nTraffic was light.",
    }
    values.update(fields)
    return Story(**values)


def test_clean_strips_named_boilerplate_and_drops_empty_items_with_a_reason(crawler):
    pipeline = CleanTextPipeline(crawler)
    pipeline.open_spider()
    disclaimer = "Global Wire Digest republishes this content from partner agencies."
    item = pipeline.process_item(story(body=f"The bridge reopened.\n\n{disclaimer}"))
    assert item.title == "Bridge reopens" and item.body == "The bridge reopened."
    with pytest.raises(DropItem, match="no-content"):
        pipeline.process_item(story(title="", body="   "))
    counted = stats(crawler)
    assert counted["wirecrawl/dropped/no-content"] == 1
    assert counted["wirecrawl/clean/paragraphs-removed"] == 1


def test_clean_learns_text_repeated_across_pages_and_remembers_it(crawler):
    pipeline = CleanTextPipeline(crawler)
    pipeline.open_spider()
    sidebar = "Subscribe to the Harbour Letter for the week's shipping news in your inbox."
    for n in range(8):
        pipeline.process_item(story(body=f"Story number {n} about the harbour.\n\n{sidebar}"))
    later = pipeline.process_item(story(body=f"A later story.\n\n{sidebar}"))
    assert later.body == "A later story."
    asyncio.run(pipeline.close_spider())
    db = store.open_db(crawler.settings["WIRECRAWL_DB"])
    assert any(text == sidebar for _, _, text, _ in store.load_boilerplate(db))


def test_clean_saves_what_it_learned_without_stalling_the_event_loop(crawler):
    """While another connection holds the write lock, the save waits in a thread: the event loop
    (every other source crawled in the process) keeps running, and the rows land afterwards."""
    pipeline = CleanTextPipeline(crawler)
    pipeline.open_spider()
    sidebar = "Read the Harbour Letter every Friday for the week's shipping news."
    for n in range(6):
        pipeline.process_item(story(body=f"Story {n} about the harbour.\n\n{sidebar}"))
    holder = store.open_db(crawler.settings["WIRECRAWL_DB"])
    holder.execute("BEGIN IMMEDIATE")
    release = threading.Timer(0.4, holder.conn.commit)
    release.start()
    try:
        ticks = loop_ticks_while(pipeline.close_spider)
    finally:
        release.join()
    assert ticks >= 10  # the loop ran while the save waited about 0.4 s for the lock
    db = store.open_db(crawler.settings["WIRECRAWL_DB"])
    assert any(text == sidebar for _, _, text, _ in store.load_boilerplate(db))


def test_dates_resolves_relative_stamps_and_counts_missing_dates(crawler):
    pipeline = DatesPipeline(crawler)
    item = pipeline.process_item(
        story(date_candidates=[{"text": "11 hours ago", "origin": "listing", "detail": ""}])
    )
    assert item.published_at == datetime(2026, 11, 28, 1, 0, tzinfo=UTC)
    assert item.published_precision == "hour" and item.published_raw == "11 hours ago"
    undated = pipeline.process_item(story(date_candidates=[{"text": "Friday", "origin": "byline"}]))
    assert undated.published_at is None and undated.date_reason
    counted = stats(crawler)
    assert counted["wirecrawl/dates/chosen/listing"] == 1
    assert counted[f"wirecrawl/dates/missing/{undated.date_reason}"] == 1


def test_urls_keeps_spellings_as_aliases_and_credits_cross_site_canonicals(crawler):
    pipeline = CanonicalUrlPipeline(crawler)
    item = pipeline.process_item(
        story(url=URL + "?utm_source=rss", aliases=[URL + "amp/"], canonical_url=URL)
    )
    assert item.canonical_url == URL.rstrip("/")
    assert set(item.aliases) == {URL, URL + "?utm_source=rss", URL + "amp/"}
    crossed = pipeline.process_item(story(canonical_url="http://127.0.0.3:8451/news/world/7-x"))
    assert crossed.original_url == "http://127.0.0.3:8451/news/world/7-x"
    assert crossed.original_source == "Meridian Press Agency"  # the registry knows that host
    assert stats(crawler)["wirecrawl/urls/cross-site-canonical"] == 1


def test_store_batches_writes_links_clusters_and_flushes_on_close(crawler):
    dedup = DedupSignaturePipeline(crawler)
    pipeline = StorePipeline(crawler)
    pipeline.open_spider()
    body = "The harbour bridge reopened on Friday after two years of repairs to its span."
    items = [
        story(
            url=f"http://127.0.0.2:8451/a/{n}",
            canonical_url=f"http://127.0.0.2:8451/a/{n}",
            body=body,
            content_hash="same",
            published_at=NOW,
        )
        for n in range(3)
    ]
    for item in items:
        pipeline.process_item(dedup.process_item(item))
    asyncio.run(pipeline.drain())  # the writer thread has written the first batch
    db = store.open_db(crawler.settings["WIRECRAWL_DB"])
    assert db.execute("SELECT count(*) FROM stories").fetchone()[0] == 2  # one batch of two
    asyncio.run(pipeline.close_spider())
    assert db.execute("SELECT count(DISTINCT cluster_id) FROM stories").fetchone()[0] == 1
    counted = stats(crawler)
    assert counted["wirecrawl/store/added"] == 3
    assert counted["wirecrawl/store/linked/exact"] == 2
    assert counted["wirecrawl/coverage/items"] == 3 and counted["wirecrawl/coverage/complete"] == 3


def test_store_counts_and_logs_a_batch_it_cannot_write_and_keeps_going(crawler, caplog):
    pipeline = StorePipeline(crawler)
    pipeline.open_spider()
    good = [
        story(url=f"http://127.0.0.2:8451/b/{n}", canonical_url=f"http://127.0.0.2:8451/b/{n}")
        for n in range(2)
    ]
    broken = story(url="http://127.0.0.2:8451/b/x", canonical_url=None)  # never canonicalised
    later = [
        story(url=f"http://127.0.0.2:8451/c/{n}", canonical_url=f"http://127.0.0.2:8451/c/{n}")
        for n in range(2)
    ]
    for item in [*good, broken, later[0], *later[1:]]:
        pipeline.process_item(item)
        assert pipeline.writer is not None
        pipeline.writer.settle()  # batches of two: none waits for a COMMIT still running
    asyncio.run(pipeline.close_spider())
    db = store.open_db(crawler.settings["WIRECRAWL_DB"])
    urls = {r[0] for r in db.execute("SELECT url FROM stories")}
    assert urls == {good[0].url, good[1].url, later[1].url}  # the failed batch only is lost
    counted = stats(crawler)
    assert counted["wirecrawl/errors/store-failed"] == 2
    assert counted["wirecrawl/store/added"] == 3
    assert "could not store a batch of 2 stories" in caplog.text


def test_store_pipelines_of_one_process_share_one_writer_and_the_last_closes_it(tmp_path):
    from wirecrawl.pipelines.store import Writer

    settings = {"WIRECRAWL_DB": str(tmp_path / "shared.db"), "WIRECRAWL_BATCH_SIZE": 1}
    pipelines = []
    for name in ("globalwire", "meridian"):
        crawler = get_crawler(spider_class(get_source(load_sources(), name)), settings)
        crawler.spider = crawler.spidercls.from_crawler(crawler)
        pipeline = StorePipeline(crawler)
        pipeline.open_spider()
        pipelines.append(pipeline)
    first, second = pipelines
    assert first.writer is second.writer  # one thread, one connection: no lock contention
    first.process_item(
        story(url="http://127.0.0.2:8451/s/1", canonical_url="http://127.0.0.2:8451/s/1")
    )
    asyncio.run(first.close_spider())
    assert second.writer is not None and second.writer.db is not None  # still open for the other
    second.process_item(
        story(
            source="meridian",
            url="http://127.0.0.3:8451/news/world/2-x",
            canonical_url="http://127.0.0.3:8451/news/world/2-x",
        )
    )
    asyncio.run(second.close_spider())
    assert not Writer._open  # the last one closed it
    db = store.open_db(settings["WIRECRAWL_DB"])
    assert db.execute("SELECT count(*) FROM stories").fetchone()[0] == 2


def test_store_writes_inline_by_default_and_in_a_thread_when_told_to(tmp_path):
    from wirecrawl.config import load_config
    from wirecrawl.crawl import scrapy_settings

    assert scrapy_settings(load_config()).getbool("WIRECRAWL_WRITER_THREAD") is False
    threaded = get_crawler(
        spider_class(SOURCE),
        {"WIRECRAWL_DB": str(tmp_path / "threaded.db"), "WIRECRAWL_WRITER_THREAD": True},
    )
    threaded.spider = threaded.spidercls.from_crawler(threaded)
    pipeline = StorePipeline(threaded)
    pipeline.open_spider()
    assert pipeline.writer is not None and pipeline.writer.executor is not None
    asyncio.run(pipeline.close_spider())

    settings = {"WIRECRAWL_DB": str(tmp_path / "inline.db"), "WIRECRAWL_BATCH_SIZE": 2}
    crawler = get_crawler(spider_class(SOURCE), settings)
    crawler.spider = crawler.spidercls.from_crawler(crawler)
    pipeline = StorePipeline(crawler)
    pipeline.open_spider()
    assert pipeline.writer is not None and pipeline.writer.executor is None
    for n in range(2):
        url = f"http://127.0.0.2:8451/i/{n}"
        pipeline.process_item(story(url=url, canonical_url=url))
    pipeline.writer.settle()  # the batch was written here; its COMMIT runs in another thread
    db = store.open_db(settings["WIRECRAWL_DB"])
    assert db.execute("SELECT count(*) FROM stories").fetchone()[0] == 2
    asyncio.run(pipeline.close_spider())
    assert stats(crawler)["wirecrawl/store/added"] == 2


def test_inline_store_commits_in_a_thread_and_counts_a_commit_that_fails(
    tmp_path, monkeypatch, caplog
):
    """The crawl's thread writes a batch, the committer thread ends its transaction; a COMMIT
    that fails loses that batch only (rolled back, counted, logged) and the next one is stored."""
    import sqlite3

    commit = store.commit
    threads, sabotage = [], threading.Event()

    def watched_commit(db, pages=(), search=()):
        threads.append(threading.current_thread().name)
        if sabotage.is_set():  # a foreign key checked only at COMMIT: a real failure there
            db.conn.execute("PRAGMA defer_foreign_keys = ON")
            db.conn.execute("INSERT INTO aliases VALUES ('http://x.test/', -1, '2026-11-29')")
        commit(db, pages, search)

    monkeypatch.setattr(store, "commit", watched_commit)
    settings = {"WIRECRAWL_DB": str(tmp_path / "commit.db"), "WIRECRAWL_BATCH_SIZE": 2}
    crawler = get_crawler(spider_class(SOURCE), settings)
    crawler.spider = crawler.spidercls.from_crawler(crawler)
    pipeline = StorePipeline(crawler)
    pipeline.open_spider()
    batches = [[f"http://127.0.0.2:8451/k/{b}/{n}" for n in range(2)] for b in range(3)]
    for number, urls in enumerate(batches):
        if number == 1:
            sabotage.set()
        elif number == 2:
            sabotage.clear()
        for url in urls:
            pipeline.process_item(story(url=url, canonical_url=url, raw_html=url.encode()))
        assert pipeline.writer is not None
        pipeline.writer.settle()
    asyncio.run(pipeline.close_spider())
    assert threads and all(name.startswith("wirecrawl-commit") for name in threads)
    db = sqlite3.connect(settings["WIRECRAWL_DB"])
    stored = {row[0] for row in db.execute("SELECT url FROM stories")}
    assert stored == {*batches[0], *batches[2]}
    pages = db.execute("SELECT s.url, r.html FROM raw_pages r JOIN stories s ON s.id = r.story_id")
    assert {url: store.decompress_page(html) for url, html in pages} == {
        url: url.encode() for url in stored
    }  # compressed and kept by the committer thread, none of the failed batch's
    indexed = {row[0] for row in db.execute("SELECT rowid FROM stories_fts")}
    assert indexed == {row[0] for row in db.execute("SELECT id FROM stories")}  # searchable too
    assert db.execute("SELECT count(*) FROM aliases WHERE story_id = -1").fetchone()[0] == 0
    counted = stats(crawler)
    assert counted["wirecrawl/errors/store-failed"] == 2
    assert counted["wirecrawl/store/added"] == 4
    assert "could not store a batch of 2 stories" in caplog.text
    assert "FOREIGN KEY constraint failed" in caplog.text


def inline_store(path, batch: int):
    """A store pipeline writing inline (with its committer thread) into ``path``, opened, and
    a ``feed(count)`` giving it that many new stories; returns (crawler, pipeline, feed, fed)."""
    settings = {"WIRECRAWL_DB": str(path), "WIRECRAWL_BATCH_SIZE": batch}
    crawler = get_crawler(spider_class(SOURCE), {**settings, "WIRECRAWL_WRITER_THREAD": False})
    crawler.spider = crawler.spidercls.from_crawler(crawler)
    pipeline = StorePipeline(crawler)
    pipeline.open_spider()
    urls = iter(f"http://127.0.0.2:8451/{path.stem}/{n}" for n in range(1000))
    fed: list[str] = []

    def feed(count: int) -> None:
        for _ in range(count):
            fed.append(next(urls))
            pipeline.process_item(story(url=fed[-1], canonical_url=fed[-1]))

    return crawler, pipeline, feed, fed


def test_inline_store_crawls_on_while_another_process_holds_the_write_lock(tmp_path):
    """A --workers child writing inline does not sleep on its sibling's write lock: the batch
    stays buffered and is tried again after a few more items; at DEFER_LIMIT batches it waits."""
    import sqlite3
    import time

    from wirecrawl.pipelines.store import DEFER_LIMIT, RETRY_AFTER

    batch = 2 * RETRY_AFTER
    path = tmp_path / "busy.db"
    crawler, pipeline, feed, _ = inline_store(path, batch)
    db = store.open_db(path)
    stored = lambda: db.execute("SELECT count(*) FROM stories").fetchone()[0]  # noqa: E731
    other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")  # another crawl process writing
    started = time.monotonic()
    feed(batch)
    assert time.monotonic() - started < 2  # no wait for the lock (the busy timeout is 10 s)
    assert stats(crawler)["wirecrawl/store/deferred"] == 1
    assert len(pipeline.buffer) == batch and stored() == 0
    other.execute("ROLLBACK")
    feed(RETRY_AFTER - 1)
    assert stored() == 0  # not tried again yet
    feed(1)
    pipeline.writer.settle()
    assert stored() == batch + RETRY_AFTER and not pipeline.buffer  # one transaction for all

    other.execute("BEGIN IMMEDIATE")
    threading.Timer(0.5, lambda: other.execute("ROLLBACK")).start()
    started = time.monotonic()
    feed(DEFER_LIMIT * batch)  # tried every RETRY_AFTER items; at the limit it waits
    assert time.monotonic() - started >= 0.4
    pipeline.writer.settle()
    assert stored() == batch + RETRY_AFTER + DEFER_LIMIT * batch and not pipeline.buffer
    tries = (DEFER_LIMIT * batch - batch) // RETRY_AFTER  # at batch, batch + 10, ... < limit
    assert stats(crawler)["wirecrawl/store/deferred"] == 1 + tries
    asyncio.run(pipeline.close_spider())
    assert stats(crawler)["wirecrawl/store/added"] == stored()
    other.close()


def test_inline_store_crawls_on_while_its_previous_commit_runs(tmp_path, monkeypatch):
    """A batch that fills while the committer thread is still committing the one before stays
    buffered (the crawl does not wait for the thread) and goes with a later item, in order and
    whole; at DEFER_LIMIT batches it waits for the COMMIT."""
    import sqlite3
    import time

    from wirecrawl.pipelines.store import AFTER_COMMIT, DEFER_LIMIT, Writer

    commit = Writer._commit
    release = threading.Event()

    def slow_commit(self, result):
        release.wait(10)
        return commit(self, result)

    monkeypatch.setattr(Writer, "_commit", slow_commit)
    batch = 5
    path = tmp_path / "slow-commit.db"
    crawler, pipeline, feed, fed = inline_store(path, batch)
    feed(batch)  # the first batch is written; its COMMIT hangs in the committer thread
    assert not pipeline.buffer and pipeline.writer.committing_now()
    started = time.monotonic()
    feed(batch + AFTER_COMMIT)  # full, then looked at again: still committing, so buffered
    assert time.monotonic() - started < 2
    assert len(pipeline.buffer) == batch + AFTER_COMMIT
    release.set()
    pipeline.writer.settle()
    feed(AFTER_COMMIT - 1)
    assert len(pipeline.buffer) == batch + 2 * AFTER_COMMIT - 1  # not looked at again yet
    feed(1)
    assert not pipeline.buffer  # handed over in one batch
    release.clear()
    threading.Timer(0.5, release.set).start()
    started = time.monotonic()
    feed(DEFER_LIMIT * batch)  # buffered while the COMMIT hangs, until the limit: then it waits
    assert time.monotonic() - started >= 0.4
    asyncio.run(pipeline.close_spider())
    db = sqlite3.connect(path)
    assert [row[0] for row in db.execute("SELECT url FROM stories ORDER BY id")] == fed
    assert stats(crawler)["wirecrawl/store/added"] == len(fed)
    assert "wirecrawl/store/deferred" not in stats(crawler)  # no other process held the lock


def test_worker_children_write_inline_only_when_they_fill_the_cores():
    from wirecrawl.crawl import children_write_inline

    assert children_write_inline(2, 2)
    assert children_write_inline(4, 2)
    assert not children_write_inline(2, 8)
    assert children_write_inline(1, None)


def test_store_that_cannot_open_its_database_says_so_and_leaves_no_thread(tmp_path):
    from wirecrawl.pipelines.store import Writer

    folder = tmp_path / "a-folder"
    folder.mkdir()
    crawler = get_crawler(spider_class(SOURCE), {"WIRECRAWL_DB": str(folder)})
    crawler.spider = crawler.spidercls.from_crawler(crawler)
    pipeline = StorePipeline(crawler)
    before = {t.name for t in threading.enumerate()}
    with pytest.raises(Exception, match="unable to open database"):
        pipeline.open_spider()
    assert not Writer._open
    left = {t.name for t in threading.enumerate()} - before
    assert not [name for name in left if name.startswith("wirecrawl-store")]


def test_store_close_waits_for_its_batches_without_blocking_the_event_loop(tmp_path, monkeypatch):
    """A source that finishes must not stall the others crawled in the same reactor while the
    writer thread catches up: its close awaits the batches in flight."""
    import time

    from wirecrawl.pipelines.store import Writer

    write = Writer._write
    writing = threading.Event()

    def slow_write(self, batch, keep_raw, wait):
        writing.set()
        time.sleep(0.4)
        return write(self, batch, keep_raw, wait)

    monkeypatch.setattr(Writer, "_write", slow_write)
    settings = {
        "WIRECRAWL_DB": str(tmp_path / "slow.db"),
        "WIRECRAWL_BATCH_SIZE": 1,
        "WIRECRAWL_WRITER_THREAD": True,
    }
    crawler = get_crawler(spider_class(SOURCE), settings)
    crawler.spider = crawler.spidercls.from_crawler(crawler)
    pipeline = StorePipeline(crawler)
    pipeline.open_spider()
    for n in range(2):
        url = f"http://127.0.0.2:8451/slow/{n}"
        pipeline.process_item(story(url=url, canonical_url=url))
    assert writing.wait(5)
    ticks = loop_ticks_while(pipeline.close_spider)
    assert ticks >= 10  # the loop kept running for the ~0.4-0.8 s the writes took
    assert stats(crawler)["wirecrawl/store/added"] == 2
    db = store.open_db(settings["WIRECRAWL_DB"])
    assert db.execute("SELECT count(*) FROM stories").fetchone()[0] == 2

"""Store stories in SQLite in batched transactions; count added, updated and unchanged.

Every database call of the pipeline (open, write, close) goes through one ``Writer`` per
database file and process, shared by the crawlers of all sources crawled together, so their
batches are written one after another on one connection instead of contending for SQLite's write
lock (a waiting writer sleeps in growing steps).

By default the writer runs in the crawl's own thread. A writer thread of its own
(``WIRECRAWL_WRITER_THREAD``) was the default until it was measured alone: SQLite's work and the
raw page's compression run outside Python's global lock, but the crawl holds that lock about 80%
of the time, so the thread finished its batches only in the gaps and the crawl waited for it
15-20% of the time. On the 5,000-page benchmark slice, eight interleaved pairs, writing inline
gave 8% more pages per second (median of the pairs) and took 20% less CPU (6.3-8.4 against
7.3-9.2 ms a page). The thread is still there for a database on storage slow enough that a
commit would stall the crawl.

An inline writer still hands the end of each batch to a thread: compressing its raw pages (one
zstd call for the batch), storing them (one statement per 200), indexing the batch for search
(FTS5 tokenises in C) and the COMMIT (the batch's pages
copied into the WAL with their checksums, a checkpoint now and then) are a few long calls that
run outside Python's global lock, so they overlap the crawl instead of interrupting it, and the
thread needs the lock only between them. Writing the 5,000 benchmark stories with Python work
between batches, three interleaved pairs each: the COMMIT in the thread took the crawl thread's
CPU from 0.77-0.87 to 0.69-0.74 ms a story, and the raw pages with it from 0.72-0.89 to
0.62-0.70 (on a busier minute). The next batch waits for that COMMIT before it begins, so
batches still land one at a time and in order; a batch counts as stored (and is counted) when
its COMMIT is done, and a COMMIT that fails rolls its batch back and is counted like any other
failed batch.

Nor does an inline writer wait for its own previous COMMIT: a batch that fills while the
committer thread is still committing the one before stays buffered and is handed over
``AFTER_COMMIT`` items later (the same bound, ``DEFER_LIMIT`` batches, applies). On the
5,000-page slice the crawl thread had waited for the committer 0.4 s of 24 (19 of 50 batches).

An inline writer does not sleep on another process's write lock (a ``--workers`` sibling, a
scheduled crawl): a batch that finds the lock taken stays buffered (counted in
``wirecrawl/store/deferred``) and is tried again after ``RETRY_AFTER`` more items, and only a
buffer of ``DEFER_LIMIT`` batches waits for the lock. Measured with ``--workers 2`` on the
5,000-page slice: each child waited 0.5-1.9 s on the lock before, 0.04-0.3 s after.

With a writer thread, each pipeline has at most ``IN_FLIGHT`` batches queued or being written;
the next one waits for the oldest (back-pressure, so memory stays bounded).

A batch that cannot be written is logged with its size and the reason and counted in
``wirecrawl/errors/store-failed``; the crawl goes on, and what was stored before stays stored.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import wait as wait_for
from typing import Any, ClassVar

from wirecrawl import store
from wirecrawl.items import Story
from wirecrawl.pipelines import CountingPipeline

logger = logging.getLogger(__name__)

# Batches a pipeline may have queued or being written before its next one waits.
IN_FLIGHT = 2
# Inline writers: items between attempts on a write lock held by another process, and the
# buffer, in batches, at which the pipeline waits for the lock instead (memory stays bounded).
RETRY_AFTER = 10
DEFER_LIMIT = 3
# Inline writers: items between looks at a COMMIT still running in the committer thread (a
# COMMIT takes about as long as a few pages do).
AFTER_COMMIT = 4


class Writer:
    """One connection and one near-duplicate index on a database file, shared by the store
    pipelines of a process (counted: the last to leave closes it).

    Its calls run in the caller's thread, one batch at a time, or with ``threaded=True`` in a
    thread of its own (see the module docstring).
    """

    _open: ClassVar[dict[tuple[str, float, bool], Writer]] = {}
    _guard: ClassVar[threading.Lock] = threading.Lock()

    def __init__(self, db_path: str, threshold: float, threaded: bool = False) -> None:
        self.key = (db_path, threshold, threaded)
        self.users = 0
        self.executor = (
            ThreadPoolExecutor(max_workers=1, thread_name_prefix="wirecrawl-store")
            if threaded
            else None
        )
        # Inline, the end of a batch (raw pages, COMMIT) runs in this thread (see ``submit``).
        self.committer = (
            None
            if threaded
            else ThreadPoolExecutor(max_workers=1, thread_name_prefix="wirecrawl-commit")
        )
        self.committing: Future[store.WriteResult] | None = None
        self.db: Any = None
        self.index: Any = None
        try:
            self._run(self._connect, db_path, threshold).result()
        except BaseException:
            for executor in (self.executor, self.committer):
                if executor is not None:
                    executor.shutdown(wait=True)  # no thread left behind a failed open
            raise

    def _run(self, call: Callable[..., Any], *args: Any) -> Future[Any]:
        if self.executor is not None:
            return self.executor.submit(call, *args)
        done: Future[Any] = Future()
        try:
            done.set_result(call(*args))
        except Exception as exc:
            done.set_exception(exc)
        return done

    def _connect(self, db_path: str, threshold: float) -> None:
        from wirecrawl.dedup import DedupConfig, NearDupIndex

        self.db = store.open_db(db_path)
        self.index = NearDupIndex(self.db, DedupConfig(threshold=threshold))

    @classmethod
    def acquire(cls, db_path: str, threshold: float, threaded: bool = False) -> Writer:
        """The writer for ``db_path`` in this process, opened on first use."""
        with cls._guard:
            key = (db_path, threshold, threaded)
            writer = cls._open.get(key)
            if writer is None:
                writer = cls._open[key] = cls(db_path, threshold, threaded)
            writer.users += 1
            return writer

    def release(self) -> None:
        """Leave; the last user's departure closes the connection and ends the thread."""
        with self._guard:
            self.users -= 1
            if self.users > 0:
                return
            del self._open[self.key]
        self._run(self._close).result()
        for executor in (self.executor, self.committer):
            if executor is not None:
                executor.shutdown(wait=True)

    def committing_now(self) -> bool:
        """True while the last batch's COMMIT is still running (a write would wait for it)."""
        return self.committing is not None and not self.committing.done()

    def settle(self) -> None:
        """Wait for the last batch's COMMIT (its outcome goes to whoever submitted it)."""
        if self.committing is not None:
            wait_for([self.committing])
            self.committing = None
            if self.db is not None and self.db.conn.in_transaction:
                self.db.conn.execute("ROLLBACK")  # left open by a commit that failed early

    def _close(self) -> None:
        self.settle()
        if self.db is not None:
            self.db.conn.close()
            self.db = None

    def submit(
        self, batch: list[Story], keep_raw: bool, wait: bool = True
    ) -> Future[store.WriteResult]:
        """Write ``batch`` in one transaction (clusters linked inside it), in the writer's
        thread if it has one; ``wait=False``: fail with :class:`wirecrawl.store.StoreBusy` if
        the lock is taken.

        Inline, the batch is written in the caller's thread and its raw pages and COMMIT handed
        to the committer thread: the future is done when the batch is stored (or failed to be). The
        next batch waits for that COMMIT before it begins.
        """
        if self.committer is None:
            return self._run(self._write, batch, keep_raw, wait)
        written = self._run(self._write, batch, keep_raw, wait, False)
        if written.exception() is not None:
            return written
        self.committing = self.committer.submit(self._commit, written.result())
        return self.committing

    def _write(
        self, batch: list[Story], keep_raw: bool, wait: bool, commit: bool = True
    ) -> store.WriteResult:
        self.settle()
        return store.write_stories(
            self.db, batch, keep_raw=keep_raw, dedup=self.index, wait=wait, commit=commit
        )

    def _commit(self, result: store.WriteResult) -> store.WriteResult:
        # The batch's raw pages (about 7 ms to compress a batch of 100), its search rows (FTS5
        # tokenising) and its COMMIT (about 15 ms) run outside Python's global lock, so here
        # they overlap the crawl.
        pages, result.pages = result.pages, []
        search, result.search = result.search, []
        store.commit(self.db, pages, search)
        return result


class StorePipeline(CountingPipeline):
    """Buffers items and writes them ``WIRECRAWL_BATCH_SIZE`` at a time (and on close)."""

    component = "store"

    def __init__(self, crawler: Any) -> None:
        super().__init__(crawler)
        from wirecrawl.dedup import DedupConfig

        settings = crawler.settings
        self.db_path = settings.get("WIRECRAWL_DB")
        self.batch_size = settings.getint("WIRECRAWL_BATCH_SIZE", 100)
        self.keep_raw = settings.getbool("WIRECRAWL_KEEP_RAW", True)
        self.threshold = settings.getfloat("WIRECRAWL_DEDUP_THRESHOLD", DedupConfig.threshold)
        self.threaded = settings.getbool("WIRECRAWL_WRITER_THREAD", False)
        self.buffer: list[Story] = []
        self.next_flush = self.batch_size
        self.writer: Writer | None = None
        self.pending: deque[tuple[int, Future[store.WriteResult]]] = deque()

    def open_spider(self) -> None:
        self.writer = Writer.acquire(str(self.db_path), self.threshold, self.threaded)
        assert self.crawler.stats is not None
        for key in ("items", "complete"):  # present even at zero, for source health
            self.crawler.stats.set_value(f"wirecrawl/coverage/{key}", 0)

    def process_item(self, item: Story) -> Story:
        assert self.crawler.stats is not None
        self.crawler.stats.inc_value("wirecrawl/coverage/items")
        if item.title and item.body and item.published_at:
            self.crawler.stats.inc_value("wirecrawl/coverage/complete")
        self.buffer.append(item)
        limit = DEFER_LIMIT * self.batch_size
        if len(self.buffer) >= min(self.next_flush, limit):
            # Inline, a batch whose write lock another crawl process holds, or whose previous
            # COMMIT is still running, waits for later pages instead of sleeping; at
            # DEFER_LIMIT batches it waits.
            self.flush(wait=len(self.buffer) >= limit)
        return item

    def flush(self, wait: bool = True) -> None:
        """Hand the buffered stories to the writer (one transaction), after this pipeline's
        batch before them is written.

        ``wait=False`` (ignored with a writer thread): if another process holds the write
        lock, keep the stories buffered, count ``store/deferred`` and try again after
        ``RETRY_AFTER`` more items, so the crawl goes on instead of sleeping on the lock; and
        while this process's previous COMMIT is still running, try again ``AFTER_COMMIT`` items
        later instead of waiting for it.
        """
        if not self.buffer:
            return
        assert self.writer is not None
        if not wait and self.writer.committing_now():
            self.next_flush = len(self.buffer) + AFTER_COMMIT  # crawl on; the thread finishes
            return
        while len(self.pending) >= IN_FLIGHT:
            self._collect()
        future = self.writer.submit(self.buffer, self.keep_raw, wait=wait or self.threaded)
        if future.done() and isinstance(future.exception(), store.StoreBusy):
            self.count("deferred")
            self.next_flush = len(self.buffer) + RETRY_AFTER
            return
        self.pending.append((len(self.buffer), future))
        self.buffer = []
        self.next_flush = self.batch_size

    def _collect(self) -> None:
        """Wait for the oldest batch in flight and count what it did (or that it failed)."""
        size, future = self.pending.popleft()
        try:
            result = future.result()
        except Exception as exc:
            assert self.crawler.stats is not None
            self.crawler.stats.inc_value("wirecrawl/errors/store-failed", size)
            logger.error(
                "could not store a batch of %d stories in %s: %s: %s",
                size,
                self.db_path,
                type(exc).__name__,
                exc,
            )
            return
        for event in ("added", "updated", "unchanged"):
            if getattr(result, event):
                self.count(event, getattr(result, event))
        for reason, n in result.linked.items():
            self.count(f"linked/{reason}", n)

    async def drain(self, keep: int = 0) -> None:
        """Wait, letting the event loop run, until at most ``keep`` batches are in flight,
        counting what each finished batch did (or that it failed)."""
        while len(self.pending) > keep:
            await _settled(self.pending[0][1])
            self._collect()

    async def close_spider(self) -> None:
        """Write what is buffered and wait for this source's batches, without blocking the
        reactor: the other sources crawled in this process go on meanwhile (a blocking wait
        stalled them all while the writer caught up, up to a second per source at close)."""
        if self.writer is None:
            return
        try:
            if self.buffer:
                await self.drain(keep=IN_FLIGHT - 1)  # so that flush() does not block
            self.flush()
            await self.drain()
        finally:
            self.writer.release()
            self.writer = None


async def _settled(future: Future[Any]) -> None:
    """Wait until ``future`` is done, whatever its outcome, letting the event loop run."""
    if not future.done():
        await asyncio.wait([asyncio.wrap_future(future)])

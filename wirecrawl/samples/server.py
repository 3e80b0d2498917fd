"""Serve a `World` over HTTP: one ThreadingHTTPServer per sample host, all on the same port.

Run `python -m wirecrawl.samples.server --port 8451 --stories 12` to browse the sites.
"""

from __future__ import annotations

import argparse
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType

from wirecrawl.samples import DEFAULT_PORT, SAMPLE_HOSTS, SITE_NAMES
from wirecrawl.samples.dates import http_date
from wirecrawl.samples.render import error_page
from wirecrawl.samples.world import Page, World

_SERVER_HEADERS = {
    "globalwire": "Apache/2.4.58 (Ubuntu)",
    "meridian": "nginx",
    "sahar": "nginx/1.22.1",
    "alwaha": "Microsoft-IIS/8.5",
}


@dataclass(frozen=True)
class RequestRecord:
    """One request as the sample server saw it; `at` is the world clock, not the wall clock."""

    site: str
    method: str
    path: str
    status: int
    if_none_match: str | None
    if_modified_since: str | None
    user_agent: str | None
    at: datetime


def _opaque(tag: str) -> str:
    return tag.strip().removeprefix("W/")


def not_modified(page: Page, if_none_match: str | None, if_modified_since: str | None) -> bool:
    """RFC 9110 conditional GET: If-None-Match (weak comparison) wins over If-Modified-Since."""
    if page.status != 200:
        return False
    if if_none_match is not None:
        if page.etag is None:
            return False
        tags = {_opaque(t) for t in if_none_match.split(",")}
        return "*" in tags or _opaque(page.etag) in tags
    if if_modified_since and page.last_modified is not None:
        try:
            since = parsedate_to_datetime(if_modified_since)
        except (TypeError, ValueError, IndexError):
            return False
        if since.tzinfo is None:
            since = since.replace(tzinfo=UTC)
        return page.last_modified.replace(microsecond=0) <= since
    return False


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 128


class SampleSites:
    """The four sample sites served on loopback; use as a context manager.

    With port 0 the OS picks a free port on the first host and the other hosts bind the same
    number (retrying a few times if another process holds it there). The world is told the
    actual port and hosts before serving, so every absolute URL it renders is reachable.
    """

    def __init__(
        self,
        world: World,
        *,
        port: int = DEFAULT_PORT,
        hosts: dict[str, str] = SAMPLE_HOSTS,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        self.world = world
        self.hosts = dict(hosts)
        self.port = port
        self.request_log: list[RequestRecord] = []
        self._requested_port = port
        self.clock = clock
        self._log_lock = threading.Lock()
        self._servers: list[_Server] = []
        self._threads: list[threading.Thread] = []

    def __enter__(self) -> SampleSites:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    def url(self, site: str, path: str = "/") -> str:
        """Absolute URL of `path` on a site at the bound port."""
        return f"http://{self.hosts[site]}:{self.port}{path}"

    def requests(self, site: str | None = None) -> list[RequestRecord]:
        """A copy of the request log, optionally for one site."""
        with self._log_lock:
            return [r for r in self.request_log if site is None or r.site == site]

    def clear_log(self) -> None:
        """Forget every recorded request."""
        with self._log_lock:
            self.request_log.clear()

    def record(self, record: RequestRecord) -> None:
        """Append one request to the log (called by the handler threads)."""
        with self._log_lock:
            self.request_log.append(record)

    def start(self) -> None:
        """Bind every host and serve in daemon threads; OSError if the port cannot be had."""
        if self._servers:
            return
        self._servers, self.port = self._bind()
        self.world.hosts = dict(self.hosts)
        self.world.port = self.port
        for server in self._servers:
            thread = threading.Thread(
                target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
            )
            thread.start()
            self._threads.append(thread)

    def stop(self) -> None:
        """Stop serving and close the sockets; safe to call twice."""
        for server in self._servers:
            server.shutdown()
            server.server_close()
        for thread in self._threads:
            thread.join(timeout=5)
        self._servers, self._threads = [], []

    def _bind(self) -> tuple[list[_Server], int]:
        attempts = 8 if self._requested_port == 0 else 1
        for attempt in range(attempts):
            servers: list[_Server] = []
            port = self._requested_port
            try:
                for site, host in self.hosts.items():
                    server = _Server((host, port), self._handler(site))
                    servers.append(server)
                    port = server.server_address[1]
                return servers, port
            except OSError:
                for server in servers:
                    server.server_close()
                if attempt == attempts - 1:
                    raise
        raise OSError("no port could be bound on every sample host")

    def _handler(self, site: str) -> type[BaseHTTPRequestHandler]:
        owner = self

        class Handler(_Handler):
            pass

        Handler.site = site
        Handler.owner = owner
        Handler.server_version = _SERVER_HEADERS.get(site, "nginx")
        return Handler


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    sys_version = ""
    timeout = 10
    site: str
    owner: SampleSites

    def log_message(self, format: str, *args: object) -> None:
        """Stay quiet: the request log replaces per-request stderr lines."""

    def date_time_string(self, timestamp: float | None = None) -> str:
        """The Date header comes from the world clock."""
        return http_date(self.owner.world.now)

    def do_GET(self) -> None:
        self._serve(send_body=True)

    def do_HEAD(self) -> None:
        self._serve(send_body=False)

    def _serve(self, *, send_body: bool) -> None:
        owner = self.owner
        world = owner.world
        if owner.clock is not None:
            world.now = owner.clock()
        page = world.render(self.site, self.path)
        if page is None:
            page = Page(404, "text/html; charset=UTF-8", error_page(404).encode())
        inm = self.headers.get("If-None-Match")
        ims = self.headers.get("If-Modified-Since")
        status = 304 if not_modified(page, inm, ims) else page.status
        owner.record(
            RequestRecord(
                site=self.site,
                method=self.command,
                path=self.path,
                status=status,
                if_none_match=inm,
                if_modified_since=ims,
                user_agent=self.headers.get("User-Agent"),
                at=world.now,
            )
        )
        self.send_response(status)
        if status != 304:
            self.send_header("Content-Type", page.content_type)
            self.send_header("Content-Length", str(len(page.body)))
        if page.last_modified is not None:
            self.send_header("Last-Modified", http_date(page.last_modified))
        if page.etag is not None:
            self.send_header("ETag", page.etag)
        for name, value in page.headers.items():
            self.send_header(name, value)
        self.end_headers()
        if send_body and status != 304:
            self.wfile.write(page.body)


def serve_forever(
    port: int = DEFAULT_PORT, stories: int = 12, seed: int = 7, now: datetime | None = None
) -> None:
    """Serve the sample sites until Ctrl-C, printing each address; a None `now` follows the wall clock."""
    clock = None if now is not None else (lambda: datetime.now(UTC).replace(microsecond=0))
    world = World(seed=seed, stories=stories, now=now or datetime.now(UTC))
    with SampleSites(world, port=port, clock=clock) as sites:
        for site in sites.hosts:
            print(f"{SITE_NAMES[site]:<24} {sites.url(site)}", flush=True)
        print("Serving; press Ctrl-C to stop.", flush=True)
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            print("Stopped.", flush=True)


def main(argv: list[str] | None = None) -> None:
    """Command-line entry point for `python -m wirecrawl.samples.server`."""
    parser = argparse.ArgumentParser(
        description="Serve wirecrawl's invented news sites on loopback."
    )
    parser.add_argument("--port", type=int, default=DEFAULT_PORT, help="port shared by all hosts")
    parser.add_argument("--stories", type=int, default=12, help="stories per site")
    parser.add_argument("--seed", type=int, default=7, help="generator seed")
    args = parser.parse_args(argv)
    serve_forever(args.port, args.stories, args.seed)


if __name__ == "__main__":
    main()

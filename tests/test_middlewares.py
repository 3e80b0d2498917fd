from datetime import UTC, datetime

import pytest
from scrapy import Request
from scrapy.exceptions import IgnoreRequest
from scrapy.http import HtmlResponse
from scrapy.utils.test import get_crawler

from wirecrawl.middlewares import RetryAfterMiddleware, retry_after_seconds

NOW = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (b"120", 120.0),
        ("0", 0.0),
        ("Sat, 28 Nov 2026 12:02:00 GMT", 120.0),
        ("Sat, 28 Nov 2026 11:00:00 GMT", 0.0),  # a date in the past means "now"
        ("soon", None),
        (None, None),
        ("", None),
    ],
)
def test_retry_after_seconds(value, expected):
    assert retry_after_seconds(value, NOW) == expected


class FakeSlot:
    def __init__(self, delay):
        self.delay = delay


class FakeDownloader:
    def __init__(self):
        self.slots = {"127.0.0.3": FakeSlot(0.5)}

    def get_slot_key(self, request):
        return "127.0.0.3"


class FakeEngine:
    def __init__(self):
        self.downloader = FakeDownloader()


def middleware(cap=600.0):
    crawler = get_crawler(settings_dict={"WIRECRAWL_MAX_RETRY_AFTER": cap})
    crawler.engine = FakeEngine()
    return RetryAfterMiddleware(crawler), crawler


def response(status, headers):
    request = Request("http://127.0.0.3:8451/news/")
    return request, HtmlResponse(
        request.url, status=status, headers=headers, body=b"", request=request
    )


def test_retry_after_raises_the_site_delay():
    mw, crawler = middleware()
    request, resp = response(429, {"Retry-After": "30"})
    assert mw.process_response(request, resp) is resp  # Scrapy's retry then reschedules it
    assert crawler.engine.downloader.slots["127.0.0.3"].delay == 30.0


def test_retry_after_never_lowers_a_delay_and_ignores_other_statuses():
    mw, crawler = middleware()
    crawler.engine.downloader.slots["127.0.0.3"].delay = 60.0
    request, resp = response(503, {"Retry-After": "5"})
    mw.process_response(request, resp)
    assert crawler.engine.downloader.slots["127.0.0.3"].delay == 60.0
    request, resp = response(500, {"Retry-After": "500"})
    mw.process_response(request, resp)
    assert crawler.engine.downloader.slots["127.0.0.3"].delay == 60.0


def test_retry_after_beyond_the_cap_gives_up_on_the_request():
    mw, crawler = middleware(cap=60)
    request, resp = response(429, {"Retry-After": "3600"})
    with pytest.raises(IgnoreRequest, match="cap"):
        mw.process_response(request, resp)
    assert crawler.engine.downloader.slots["127.0.0.3"].delay == 0.5


# ---------------------------------------------------------------- meta refresh


def refresh_page(body, headers=None):
    request = Request("http://127.0.0.3:8451/old/")
    return request, HtmlResponse(
        request.url,
        body=body,
        headers=headers or {"Content-Type": "text/html; charset=utf-8"},
        request=request,
    )


REFRESH_HTML = (
    '<html><head><META HTTP-EQUIV="Refresh" content="0; url=/new/"></head>'
    "<body><p>Moved.</p></body></html>"
)


def refresh_middleware():
    from wirecrawl.middlewares import MetaRefreshMiddleware

    return MetaRefreshMiddleware.from_crawler(get_crawler())


def test_meta_refresh_still_redirects():
    request, resp = refresh_page(REFRESH_HTML.encode())
    result = refresh_middleware().process_response(request, resp)
    assert isinstance(result, Request) and result.url == "http://127.0.0.3:8451/new/"


def test_meta_refresh_in_utf16_is_left_to_scrapy_and_found():
    body = REFRESH_HTML.encode("utf-16")
    request, resp = refresh_page(body, {"Content-Type": "text/html; charset=utf-16"})
    result = refresh_middleware().process_response(request, resp)
    assert isinstance(result, Request) and result.url == "http://127.0.0.3:8451/new/"


def test_a_page_without_refresh_is_not_decoded():
    body = ("<html><head><title>Café</title></head><body>" + "<p>text é</p>" * 2000).encode()
    request, resp = refresh_page(body + b"</body></html>")
    assert refresh_middleware().process_response(request, resp) is resp
    assert resp._cached_ubody is None  # Scrapy's decoded text was never built


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (b"<html><head></head><body>plain</body></html>", False),
        (b'<meta http-equiv="REFRESH" content="5">', True),
        ("<p>".encode("utf-16-le") + b"\x00", True),  # NUL bytes: cannot rule it out
        # "refresh" beyond what 4,096 characters of any ASCII-compatible encoding can span
        (b"<p>" + b"x" * 20000 + b'<meta http-equiv="refresh" content="0">', False),
        # within 4,096 characters of 4-byte UTF-8 (a page of emoji before its head ends)
        ("\U0001f600".encode() * 4000 + b'<meta http-equiv="refresh" content="0">', True),
    ],
)
def test_may_refresh(body, expected):
    from wirecrawl.middlewares import may_refresh

    assert may_refresh(body) is expected


def test_crawls_use_our_meta_refresh_and_drop_idle_middlewares():
    from scrapy.utils.project import get_project_settings

    settings = get_project_settings()
    downloader = settings.getdict("DOWNLOADER_MIDDLEWARES")
    assert downloader["scrapy.downloadermiddlewares.redirect.MetaRefreshMiddleware"] is None
    assert downloader["wirecrawl.middlewares.MetaRefreshMiddleware"] == 580
    assert downloader["scrapy.downloadermiddlewares.httpauth.HttpAuthMiddleware"] is None
    spider = settings.getdict("SPIDER_MIDDLEWARES")
    assert spider["scrapy.spidermiddlewares.depth.DepthMiddleware"] is None

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

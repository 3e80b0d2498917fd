"""Choosing the allocator a crawl runs on (``wirecrawl.allocator``)."""

import pytest

from wirecrawl import allocator
from wirecrawl.allocator import AllocatorError

LIB = "/usr/lib/x86_64-linux-gnu/libjemalloc.so.2"


@pytest.fixture
def jemalloc_found(monkeypatch):
    monkeypatch.setattr(allocator, "jemalloc_library", lambda: LIB)
    monkeypatch.setattr(allocator, "in_use", lambda: "system")


def test_choice_defaults_to_auto_and_names_a_bad_value():
    assert allocator.choice({}) == "auto"
    assert allocator.choice({"WIRECRAWL_ALLOCATOR": " System "}) == "system"
    with pytest.raises(AllocatorError, match=r"WIRECRAWL_ALLOCATOR='tcmalloc' is not one of"):
        allocator.choice({"WIRECRAWL_ALLOCATOR": "tcmalloc"})


def test_command_of_skips_options():
    assert allocator.command_of(["wirecrawl", "crawl", "--all"]) == "crawl"
    assert allocator.command_of(["wirecrawl", "--version"]) is None
    assert allocator.command_of(["wirecrawl", "-h", "stories"]) == "stories"


def test_preload_goes_first_and_keeps_what_was_preloaded():
    env = allocator.preloaded_environ({"LD_PRELOAD": "/opt/a.so /opt/b.so", "X": "1"}, LIB)
    assert env["LD_PRELOAD"] == f"{LIB}:/opt/a.so:/opt/b.so"
    assert env[allocator.STARTED] == LIB and env["X"] == "1"
    again = allocator.preloaded_environ({"LD_PRELOAD": LIB}, LIB)
    assert again["LD_PRELOAD"] == LIB


def test_a_crawl_starts_again_on_jemalloc_when_it_is_installed(jemalloc_found):
    env = allocator.restart_environ(["wirecrawl", "crawl", "--all"], {"PATH": "/bin"})
    assert env is not None and env["LD_PRELOAD"] == LIB and env["PATH"] == "/bin"
    # once started again (or asked not to, or for a short command) it goes on as it is
    assert allocator.restart_environ(["wirecrawl", "crawl"], env) is None
    system = {"WIRECRAWL_ALLOCATOR": "system"}
    assert allocator.restart_environ(["wirecrawl", "crawl"], system) is None
    assert allocator.restart_environ(["wirecrawl", "stories", "--search", "x"], {}) is None


def test_a_process_already_on_jemalloc_is_not_started_again(monkeypatch):
    monkeypatch.setattr(allocator, "jemalloc_library", lambda: LIB)
    monkeypatch.setattr(allocator, "in_use", lambda: "jemalloc")
    assert allocator.restart_environ(["wirecrawl", "crawl"], {}) is None


def test_missing_jemalloc_is_an_error_only_when_asked_for(monkeypatch):
    monkeypatch.setattr(allocator, "jemalloc_library", lambda: None)
    assert allocator.restart_environ(["wirecrawl", "crawl"], {}) is None
    with pytest.raises(AllocatorError, match=r"no libjemalloc\.so\.2 was found"):
        allocator.restart_environ(["wirecrawl", "crawl"], {"WIRECRAWL_ALLOCATOR": "jemalloc"})


def test_in_use_reads_this_process_maps():
    assert allocator.in_use() in ("jemalloc", "system")
    with open("/proc/self/maps", encoding="utf-8") as maps:
        loaded = "libjemalloc" in maps.read()
    assert (allocator.in_use() == "jemalloc") == loaded

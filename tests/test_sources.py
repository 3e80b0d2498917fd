import subprocess
import sys
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest

from wirecrawl.sources import (
    BUILTIN_FILE,
    SourceError,
    get_source,
    load_file,
    load_sources,
    parse_duration,
)

GOOD = """
[[source]]
name = "example_news"
display_name = "Example News"
homepage = "https://news.example.org/"
feeds = ["https://news.example.org/rss"]
languages = ["en", "de"]
timezone = "Europe/Berlin"
date_order = "DMY"
interval = "6h"

[source.selectors]
title = "h1.headline::text"
body = "div.story p"
"""


def write(tmp_path: Path, text: str, name: str = "sources.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_builtin_registry_loads_and_sample_urls_follow_the_port():
    sources = load_sources(sample_port=9999)
    names = [s.name for s in sources]
    assert {"globalwire", "meridian", "sahar", "alwaha", "ifpnews"} <= set(names)
    globalwire = get_source(sources, "globalwire")
    assert globalwire.homepage == "http://127.0.0.2:9999/"
    assert all(
        ":9999/" in url for url in globalwire.feeds + globalwire.sitemaps + globalwire.listings
    )
    assert get_source(sources, "ifpnews").live_only
    assert not any(s.live_only for s in sources if s.sample)


def test_user_file_adds_to_builtins(tmp_path):
    sources = load_sources(write(tmp_path, GOOD))
    entry = get_source(sources, "example_news")
    assert entry.interval == timedelta(hours=6)
    assert entry.languages == ("en", "de")
    assert entry.selectors.title == "h1.headline::text"
    assert entry.domains == ("news.example.org",)
    assert len(sources) == len(load_sources()) + 1


@pytest.mark.parametrize(
    ("replace", "by", "field"),
    [
        ('interval = "6h"', 'interval = "often"', "field 'interval'"),
        ('interval = "6h"', "interval = 6", "field 'interval'"),
        ('timezone = "Europe/Berlin"', 'timezone = "Mars/Olympus"', "field 'timezone'"),
        ('date_order = "DMY"', 'date_order = "DDM"', "field 'date_order'"),
        (
            'homepage = "https://news.example.org/"',
            'homepage = "news.example.org"',
            "field 'homepage'",
        ),
        (
            'feeds = ["https://news.example.org/rss"]',
            'feeds = "https://x.org/rss"',
            "field 'feeds'",
        ),
        ('languages = ["en", "de"]', 'languages = ["English"]', "field 'languages'"),
        ('name = "example_news"', 'name = "Example News"', "field 'name'"),
        ('title = "h1.headline::text"', 'title = "h1[[["', "field 'selectors.title'"),
        ('title = "h1.headline::text"', 'headline = "h1"', "unknown selector"),
        ('display_name = "Example News"', 'display_name = ""', "field 'display_name'"),
        ('interval = "6h"', 'interval = "6h"\ncolour = "red"', "unknown field(s) colour"),
    ],
)
def test_bad_entries_name_file_entry_and_field(tmp_path, replace, by, field):
    assert replace in GOOD
    path = write(tmp_path, GOOD.replace(replace, by))
    with pytest.raises(SourceError) as info:
        load_file(path, {})
    message = str(info.value)
    assert str(path) in message
    assert "entry 1" in message
    assert field in message


def test_entry_without_discovery_is_an_error(tmp_path):
    text = GOOD.replace('feeds = ["https://news.example.org/rss"]\n', "")
    with pytest.raises(SourceError, match="at least one of 'feeds', 'sitemaps' or 'listings'"):
        load_file(write(tmp_path, text), {})


def test_duplicate_name_names_both_places(tmp_path):
    path = write(tmp_path, GOOD + GOOD.replace("[source.selectors]", "[source.selectors]"))
    with pytest.raises(SourceError) as info:
        load_file(path, {})
    assert "entry 1" in str(info.value) and "entry 2" in str(info.value)
    clash = write(tmp_path, GOOD.replace("example_news", "meridian"), "clash.toml")
    with pytest.raises(SourceError) as info:
        load_sources(clash)
    assert str(BUILTIN_FILE) in str(info.value) and str(clash) in str(info.value)


def test_missing_and_broken_files(tmp_path):
    with pytest.raises(SourceError, match="not found"):
        load_file(tmp_path / "nope.toml", {})
    with pytest.raises(SourceError, match="not valid TOML"):
        load_file(write(tmp_path, "[[source]\nname="), {})
    with pytest.raises(SourceError, match="unknown top-level"):
        load_file(write(tmp_path, "[site]\nname = 'x'"), {})


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("30m", timedelta(minutes=30)),
        ("6h", timedelta(hours=6)),
        ("2d", timedelta(days=2)),
        ("1w", timedelta(weeks=1)),
        ("45s", timedelta(seconds=45)),
        (" 6h ", timedelta(hours=6)),
    ],
)
def test_parse_duration(text, expected):
    assert parse_duration(text) == expected


@pytest.mark.parametrize("text", ["", "6", "0h", "6 hours", "h6", "-1h", "1.5h"])
def test_parse_duration_rejects(text):
    with pytest.raises(ValueError):
        parse_duration(text)


def test_article_pattern_matches_path_and_query():
    source = get_source(load_sources(), "globalwire")
    assert source.matches_article("http://127.0.0.2:8451/2026/11/27/a-story/")
    assert source.matches_article("http://127.0.0.2:8451/2026/11/27/a-story/amp/")
    assert not source.matches_article("http://127.0.0.2:8451/category/media-wire/")
    # tracking parameters from a feed do not hide an article path
    assert source.matches_article("http://127.0.0.2:8451/2026/11/27/a-story/?utm_source=rss")
    query_pattern = replace(source, article_pattern=r"^/story\?id=\d+$")
    assert query_pattern.matches_article("http://x.org/story?id=42")
    assert not query_pattern.matches_article("http://x.org/story?id=abc")


def test_scrapy_list_shows_every_source():
    """Spider classes made with type() must be visible to Scrapy's loader (STYLE pitfall)."""
    root = Path(__file__).resolve().parents[1]
    out = subprocess.run(
        [sys.executable, "-m", "scrapy", "list"],
        cwd=root,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert sorted(out) == sorted(s.name for s in load_sources())

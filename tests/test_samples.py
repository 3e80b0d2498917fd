"""The bundled sample sites: determinism, parseable pages that match the ground truth, the
server's HTTP behaviour, world changes, and the static export."""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
import sys
import urllib.error
import urllib.request
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from pathlib import Path
from urllib.parse import urljoin, urlsplit
from zoneinfo import ZoneInfo

import feedparser
import jdatetime
import pytest
from hijridate import Hijri
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree
from parsel import Selector

from wirecrawl.samples import DEFAULT_PORT, SAMPLE_HOSTS, base_url
from wirecrawl.samples import dates as D
from wirecrawl.samples.render import GW_DISCLAIMER
from wirecrawl.samples.server import SampleSites, not_modified
from wirecrawl.samples.world import (
    SITES,
    Page,
    StoryTruth,
    World,
    nginx_conf,
    static_file_name,
)

NOW = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)
NY, TEHRAN, RIYADH = ZoneInfo("America/New_York"), ZoneInfo("Asia/Tehran"), ZoneInfo("Asia/Riyadh")
SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"


@pytest.fixture(scope="module")
def world() -> World:
    return World(seed=7, stories=12, now=NOW)


@pytest.fixture(scope="module")
def wide() -> World:
    """Enough stories for every listing to have more than one page."""
    return World(seed=3, stories=25, now=NOW)


def get(world: World, site: str, path: str) -> Page:
    page = world.render(site, path)
    assert page is not None, (site, path)
    return page


def html(world: World, site: str, path: str) -> Selector:
    page = get(world, site, path)
    assert page.status == 200, (site, path)
    charset = page.content_type.rsplit("charset=", 1)[-1]
    return Selector(text=page.body.decode(charset))


def text(node: Selector) -> str:
    return " ".join("".join(node.xpath(".//text()").getall()).split())


def local_path(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


# ---------------------------------------------------------------- parsing helpers (the "scraper")

EN_MONTH = {m: i for i, m in enumerate(D.EN_MONTHS, 1)} | {
    m[:3]: i for i, m in enumerate(D.EN_MONTHS, 1)
}


def parse_wordpress(stamp: str) -> datetime:
    """'November 27, 2026 at 3:14 pm' or 'Nov 27, 2026 - 3:14 PM' in New York time, to UTC."""
    m = re.search(
        r"([A-Z][a-z]+) (\d{1,2}), (\d{4})(?: at| -) (\d{1,2}):(\d\d) ([ap]m)", stamp, re.I
    )
    assert m, stamp
    month, day, year, hour, minute, half = m.groups()
    hour24 = int(hour) % 12 + (12 if half.lower() == "pm" else 0)
    wall = datetime(int(year), EN_MONTH[month], int(day), hour24, int(minute))
    return wall.replace(tzinfo=NY).astimezone(UTC)


def ascii_digits(value: str) -> str:
    return value.translate(str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789"))


def parse_jalali(stamp: str) -> datetime:
    """'۷ آذر ۱۴۰۵ - ۱۴:۲۰' in Tehran time, to UTC."""
    day, month, year, _, clock = ascii_digits(stamp).split()
    hour, minute = clock.split(":")
    j = jdatetime.datetime(
        int(year), D.FA_MONTHS.index(month) + 1, int(day), int(hour), int(minute)
    )
    return j.togregorian().replace(tzinfo=TEHRAN).astimezone(UTC)


def parse_hijri(date_text: str, time_text: str) -> datetime:
    """Hijri date (checked against the Gregorian one beside it) plus a ص/م clock, to UTC."""
    plain = ascii_digits(date_text)
    m = re.search(r"(\d+) (.+?) (\d{4}) هـ - الموافق (\d+) (\S+) (\d{4})", plain)
    assert m, date_text
    hday, hmonth, hyear, gday, gmonth, gyear = m.groups()
    greg = Hijri(int(hyear), D.HIJRI_MONTHS.index(hmonth) + 1, int(hday)).to_gregorian()
    assert (greg.year, greg.month, greg.day) == (
        int(gyear),
        D.AR_MONTHS.index(gmonth) + 1,
        int(gday),
    )
    clock, half = ascii_digits(time_text).split()
    hour, minute = (int(x) for x in clock.split(":"))
    hour = hour % 12 + (12 if half == "م" else 0)
    wall = datetime(greg.year, greg.month, greg.day, hour, minute)
    return wall.replace(tzinfo=RIYADH).astimezone(UTC)


_UNITS = {
    "minute": 1,
    "hour": 60,
    "day": 1440,
    "دقیقه": 1,
    "ساعت": 60,
    "روز": 1440,
}
_AR_UNITS = {
    "دقيقة": (1, 1),
    "دقيقتين": (1, 2),
    "دقائق": (1, 0),
    "ساعة": (60, 1),
    "ساعتين": (60, 2),
    "ساعات": (60, 0),
    "يوم": (1440, 1),
    "يومين": (1440, 2),
    "أيام": (1440, 0),
    "يومًا": (1440, 0),
}


def parse_relative(stamp: str) -> tuple[int, int]:
    """(count, minutes per unit) of an English, Persian or Arabic relative stamp."""
    plain = ascii_digits(stamp)
    if m := re.fullmatch(r"(\d+) (minute|hour|day)s? ago", plain):
        return int(m.group(1)), _UNITS[m.group(2)]
    if m := re.fullmatch(r"(\d+) (\S+) پیش", plain):
        return int(m.group(1)), _UNITS[m.group(2)]
    if m := re.fullmatch(r"منذ (?:(\d+) )?(\S+)", plain):
        unit, implied = _AR_UNITS[m.group(2)]
        return (int(m.group(1)) if m.group(1) else implied), unit
    raise AssertionError(f"unparsed relative stamp {stamp!r}")


def assert_relative(stamp: str, published: datetime, now: datetime) -> None:
    count, unit = parse_relative(stamp)
    age = (now - published).total_seconds() / 60
    assert count * unit <= age < (count + 1) * unit, (stamp, published, now)


def gw_body(sel: Selector, truth: StoryTruth, container: str) -> list[str]:
    """Story paragraphs as the registry will take them: direct <p> children minus credit lines,
    the disclaimer, the dateline prefix and the trailing outlet name."""
    paras = [text(p) for p in sel.css(f"{container} > p")]
    paras = [
        p
        for p in paras
        if p != GW_DISCLAIMER and not p.startswith(("This story was first published by", "Source:"))
    ]
    if paras and (m := re.match(r"\([A-Z]{2,4}\) — ", paras[0])):
        paras[0] = paras[0][m.end() :]
    if paras and truth.original_source:
        paras[-1] = paras[-1].removesuffix(f" — {truth.original_source}")
    return paras


# ---------------------------------------------------------------- determinism


def digest(world: World) -> str:
    h = hashlib.sha256()
    for site in SITES:
        for path in world.paths(site):
            page = world.render(site, path)
            assert page is not None
            h.update(f"{site}{path}{page.status}{page.etag}".encode() + page.body)
    return h.hexdigest()


def test_same_seed_gives_same_bytes_and_other_seeds_differ() -> None:
    first = digest(World(seed=11, stories=6, now=NOW))
    assert first == digest(World(seed=11, stories=6, now=NOW))
    assert first != digest(World(seed=12, stories=6, now=NOW))
    assert first != digest(World(seed=11, stories=6, now=NOW + timedelta(hours=1)))


def test_bytes_do_not_depend_on_hash_randomisation() -> None:
    code = (
        "from datetime import datetime, UTC\n"
        "from tests.test_samples import digest\n"
        "from wirecrawl.samples.world import World\n"
        "print(digest(World(seed=11, stories=6, now=datetime(2026, 11, 28, 12, tzinfo=UTC))))"
    )
    root = Path(__file__).resolve().parents[1]
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=root,
        env={"PYTHONHASHSEED": "12345", "PATH": "/usr/bin:/bin"},
    )
    assert out.stdout.strip() == digest(World(seed=11, stories=6, now=NOW))


# ---------------------------------------------------------------- ground truth shape


def test_truth_covers_every_site_with_the_advertised_mix(world: World) -> None:
    truth = world.truth()
    assert {t.site for t in truth} == set(SITES)
    assert all(len(world.truth(site)) == 12 for site in SITES)
    gw = world.truth("globalwire")
    assert sum(t.published_at is None for t in truth) == 1
    assert [t.site for t in truth if t.published_at is None] == ["globalwire"]
    assert {t.template for t in gw} == {"wp-new", "wp-old"}
    assert {t.credit_style for t in gw} >= {
        "first-published",
        "source-label",
        "wire-footer",
        "dateline",
        "trailing",
    }
    wire = [t for t in gw if t.original_source]
    assert {t.original_source for t in wire} >= {"Meridian Press Agency"}
    assert any(t.original_source != "Meridian Press Agency" for t in wire)
    assert {t.template for t in world.truth("meridian")} == {
        "jsonld",
        "jsonld-truncated",
        "graph",
        "graph-truncated",
    }
    assert [t.template for t in world.truth("alwaha")].count("legacy-cp1256") == 1
    assert any(t.original_url for t in world.truth("sahar"))
    for t in truth:
        assert t.url == base_url(t.site) + t.path
        assert t.paragraphs and all(p.strip() == p for p in t.paragraphs)
        assert not any("republishes this content" in p for p in t.paragraphs)
        if t.published_at:
            assert t.published_at.tzinfo is not None
            assert NOW - timedelta(days=31) < t.published_at <= NOW
            assert t.modified_at is not None and t.modified_at >= t.published_at
    assert sum(NOW - t.published_at < timedelta(hours=24) for t in truth if t.published_at) >= 4


def test_globalwire_copies_are_lightly_edited_meridian_stories(world: World) -> None:
    originals = {t.url: t for t in world.truth("meridian")}
    copies = [t for t in world.truth("globalwire") if t.original_url in originals]
    assert copies
    for copy in copies:
        original = originals[str(copy.original_url)]
        assert copy.title != original.title
        assert len(copy.paragraphs) == len(original.paragraphs) - 1
        changed = set(copy.paragraphs) - set(original.paragraphs)
        assert len(changed) == 1
        assert copy.published_at and original.published_at
        assert copy.published_at > original.published_at


def test_persian_text_uses_persian_digits(world: World) -> None:
    for t in world.truth("sahar"):
        body = " ".join(t.paragraphs)
        assert not re.search(r"[0-9]", body + t.title)
        assert re.search(r"[۰-۹]", body)


# ---------------------------------------------------------------- every page parses


@pytest.mark.parametrize("stories", [0, 1, 3])
def test_tiny_worlds_still_serve_every_path(stories: int) -> None:
    tiny = World(stories=stories, now=NOW)
    for site in SITES:
        assert len(tiny.truth(site)) == stories
        for path in tiny.paths(site):
            assert get(tiny, site, path).status in (200, 301, 302)


def test_every_listed_path_is_served(world: World) -> None:
    for site in SITES:
        paths = world.paths(site)
        assert len(paths) == len(set(paths))
        for path in paths:
            page = world.render(site, path)
            assert page is not None and page.status in (200, 301, 302), (site, path)
        assert world.render(site, "/no/such/page") is None


def test_globalwire_articles_match_truth(world: World) -> None:
    for t in world.truth("globalwire"):
        sel = html(world, "globalwire", t.path)
        new = t.template == "wp-new"
        assert text(sel.css("h1.entry-title" if new else "h1.post-title")[0]) == t.title
        container = "div.entry-content" if new else "div.post-body"
        assert gw_body(sel, t, container) == t.paragraphs
        byline = text(sel.css("div.entry-meta span.byline" if new else "span.meta")[0])
        assert all(name in byline for name in t.authors)
        canonical = sel.css('link[rel="canonical"]::attr(href)').get()
        assert canonical == (t.url if new else None)
        if t.published_at is None:
            months = "|".join(m[:3] for m in D.EN_MONTHS)
            dated = rf"\b({months})[a-z]* \d{{1,2}}, 20\d\d|\d:\d\d ?[ap]m|\bago\b|\bjust now\b"
            assert not re.search(dated, text(sel), re.I)
            assert "datetime=" not in sel.get()
            continue
        stamp = text(sel.css("span.posted-on" if new else "span.meta")[0])
        assert parse_wordpress(stamp) == t.published_at
        machine = sel.css("time.entry-date::attr(datetime)").get()
        if machine:
            assert datetime.fromisoformat(machine) == t.published_at
        content = str(sel.css(container).get())
        if t.original_source:
            assert content.count(GW_DISCLAIMER) == 1
            if t.credit_style in ("first-published", "source-label", "wire-footer"):
                assert f'href="{t.original_url}"' in content
        else:
            assert GW_DISCLAIMER not in content


def test_globalwire_templates_differ_in_markup(world: World) -> None:
    pages = {t.template: html(world, "globalwire", t.path) for t in world.truth("globalwire")}
    assert not pages["wp-old"].css("h1.entry-title, div.entry-content")
    assert not pages["wp-new"].css("h1.post-title, div.post-body")
    machine = {
        bool(html(world, "globalwire", t.path).css("time.entry-date[datetime]"))
        for t in world.truth("globalwire")
        if t.published_at and t.template == "wp-new"
    }
    assert machine == {True, False}


def test_globalwire_amp_and_utm_aliases_serve_the_same_story(world: World) -> None:
    for t in world.truth("globalwire"):
        amp_path, utm_path = (local_path(a) for a in t.aliases)
        amp = html(world, "globalwire", amp_path)
        assert amp.css('link[rel="canonical"]::attr(href)').get() == t.url
        assert text(amp.css("h1.amp-wp-title")[0]) == t.title
        assert gw_body(amp, t, "div.amp-wp-article-content") == t.paragraphs
        stamp = amp.css("div.amp-wp-posted-on time")
        if t.published_at:
            assert_relative(text(stamp[0]), t.published_at, NOW)
        else:
            assert not stamp
        utm = world.render("globalwire", utm_path)
        normal = world.render("globalwire", t.path)
        assert utm is not None and normal is not None and utm.body == normal.body


def test_globalwire_sidebar_has_relative_times_only(world: World) -> None:
    t = next(t for t in world.truth("globalwire") if t.published_at)
    sel = html(world, "globalwire", t.path)
    items = sel.css("#recent-posts-2 li")
    assert 5 <= len(items) <= 8
    by_url = {x.url: x for x in world.truth("globalwire")}
    for item in items:
        url = item.css("a::attr(href)").get()
        assert url != t.url
        stamp = item.css("span.post-date::text").get()
        published = by_url[str(url)].published_at
        if published is None:
            assert stamp is None
        else:
            assert stamp is not None
            assert_relative(stamp, published, NOW)


def test_meridian_structured_data_matches_truth(world: World) -> None:
    for t in world.truth("meridian"):
        sel = html(world, "meridian", t.path)
        data = json.loads(str(sel.css('script[type="application/ld+json"]::text').get()))
        if "@graph" in data:
            assert t.template.startswith("graph")
            data = next(node for node in data["@graph"] if node["@type"] == "NewsArticle")
        assert data["headline"] == t.title
        assert datetime.fromisoformat(data["datePublished"]) == t.published_at
        assert data["datePublished"].endswith("+00:00")
        assert datetime.fromisoformat(data["dateModified"]) == t.modified_at
        assert [a["name"] for a in data["author"]] == t.authors
        body = "\n\n".join(t.paragraphs)
        if t.template == "jsonld":
            assert data["articleBody"] == body
        elif t.template.endswith("truncated"):
            assert data["articleBody"].endswith("…")
            assert body.startswith(data["articleBody"][:-1])
        else:
            assert "articleBody" not in data
        assert text(sel.css("article h1.headline")[0]) == t.title
        assert [text(p) for p in sel.css("div.article-body > p")] == t.paragraphs
        assert (
            sel.css('meta[property="article:published_time"]::attr(content)').get()
            == (data["datePublished"])
        )
        assert sel.css("aside.related-coverage h2::text").get() == "Related coverage"
        published = sel.css("time.published::attr(datetime)").get()
        assert datetime.fromisoformat(str(published)) == t.published_at


def test_sahar_pages_carry_jalali_dates_and_credits(world: World) -> None:
    meridian = {t.url for t in world.truth("meridian")}
    for t in world.truth("sahar"):
        sel = html(world, "sahar", t.path)
        assert sel.xpath("/html/@lang").get() == "fa" and sel.xpath("/html/@dir").get() == "rtl"
        assert text(sel.css("h1.item-title")[0]) == t.title
        assert [text(p) for p in sel.css("div.item-text > p")] == t.paragraphs
        assert t.published_at is not None
        assert parse_jalali(text(sel.css("span.item-date")[0])) == t.published_at
        source = sel.css("div.news-source")
        if t.original_url:
            assert t.original_url in meridian
            assert text(source[0]) == "منبع: خبرگزاری مریدین"
            assert source.css("a::attr(href)").get() == t.original_url
        else:
            assert not source


def test_alwaha_pages_carry_hijri_and_gregorian_dates(world: World) -> None:
    for t in world.truth("alwaha"):
        page = world.render("alwaha", t.path)
        assert page is not None
        legacy = t.template == "legacy-cp1256"
        assert page.content_type.endswith("windows-1256" if legacy else "UTF-8")
        decoded = page.body.decode("cp1256" if legacy else "utf-8")
        if legacy:
            assert 'charset=windows-1256"' in decoded
            assert "&#" not in decoded
        sel = Selector(text=decoded)
        assert sel.xpath("/html/@lang").get() == "ar"
        assert text(sel.css("h1.article-title")[0]) == t.title
        assert [text(p) for p in sel.css("#article-content > p")] == t.paragraphs
        date = text(sel.css("span.post-date")[0])
        assert bool(re.search("[٠-٩]", date)) is not legacy
        assert t.published_at == parse_hijri(date, text(sel.css("span.post-time")[0]))


# ---------------------------------------------------------------- feeds and sitemaps


def test_feeds_parse_and_match_truth(world: World) -> None:
    cases = [
        ("globalwire", "/feed/", "application/rss+xml"),
        ("meridian", "/feeds/all.atom", "application/atom+xml"),
        ("sahar", "/fa/rss.xml", "application/rss+xml"),
    ]
    for site, path, mime in cases:
        page = world.render(site, path)
        assert page is not None and page.content_type.startswith(mime)
        feed = feedparser.parse(page.body)
        assert not feed.bozo, (site, feed.get("bozo_exception"))
        by_url = {t.url: t for t in world.truth(site)}
        newest = sorted(by_url.values(), key=lambda t: (t.published_at or NOW, t.id))[::-1]
        assert len(feed.entries) == min(20, len(by_url))
        for entry in feed.entries:
            url = entry.link.split("?")[0]
            truth = by_url[url]
            assert entry.title == truth.title
            if truth.published_at is None:
                assert "published_parsed" not in entry
                continue
            stamp = datetime(*entry.published_parsed[:6]).replace(tzinfo=UTC)
            assert stamp == truth.published_at
        if site == "globalwire":
            assert all(e.link.endswith("?utm_source=rss&utm_medium=feed") for e in feed.entries)
            assert all(e.get("author") for e in feed.entries)
        assert {e.link.split("?")[0] for e in feed.entries} == {t.url for t in newest[:20]}
    assert b"+0330</pubDate>" in get(world, "sahar", "/fa/rss.xml").body


def xml(world: World, site: str, path: str) -> etree._Element:
    page = world.render(site, path)
    assert page is not None and page.status == 200
    return etree.fromstring(page.body)


def test_sitemaps_list_every_story_with_its_dates(world: World) -> None:
    index = xml(world, "globalwire", "/sitemap_index.xml")
    urls: dict[str, str | None] = {}
    for loc in index.iter(f"{SM}loc"):
        child = xml(world, "globalwire", local_path(str(loc.text)))
        for url in child.iter(f"{SM}url"):
            lastmod = url.find(f"{SM}lastmod")
            urls[str(url.findtext(f"{SM}loc"))] = None if lastmod is None else lastmod.text
    for t in world.truth("globalwire"):
        stamp = urls[t.url]
        assert (datetime.fromisoformat(stamp) if stamp else None) == t.modified_at

    news = xml(world, "meridian", "/sitemap-news.xml")
    seen = {}
    for url in news.iter(f"{SM}url"):
        published = url.findtext(f"{NEWS}news/{NEWS}publication_date")
        seen[url.findtext(f"{SM}loc")] = (published, url.findtext(f"{NEWS}news/{NEWS}title"))
        assert url.findtext(f"{NEWS}news/{NEWS}publication/{NEWS}language") == "en"
    for t in world.truth("meridian"):
        published, title = seen[t.url]
        assert datetime.fromisoformat(str(published)) == t.published_at and title == t.title

    plain = xml(world, "alwaha", "/sitemap.xml")
    stamps = {u.findtext(f"{SM}loc"): u.findtext(f"{SM}lastmod") for u in plain.iter(f"{SM}url")}
    for t in world.truth("alwaha"):
        assert str(stamps[t.url]).endswith("+03:00")
        assert datetime.fromisoformat(str(stamps[t.url])) == t.modified_at


def test_globalwire_post_sitemaps_split_every_thousand_urls() -> None:
    big = World(seed=1, stories=2100, now=NOW)
    index = xml(big, "globalwire", "/sitemap_index.xml")
    locs = [str(loc.text) for loc in index.iter(f"{SM}loc")]
    assert [local_path(u) for u in locs] == [
        "/post-sitemap.xml",
        "/post-sitemap2.xml",
        "/post-sitemap3.xml",
    ]
    sizes = [len(list(xml(big, "globalwire", local_path(u)).iter(f"{SM}url"))) for u in locs]
    assert sizes == [1000, 1000, 100]


# ---------------------------------------------------------------- listings and pagination

LISTINGS = {
    "globalwire": ("/", "article h2.entry-title a", "a.next.page-numbers[rel=next]"),
    "meridian": ("/news/", "li.story-item h2 a", "nav.pager a[rel=next]"),
    "sahar": ("/fa/archive", "li.news-entry a.title", "ul.pagination li.next a"),
    "alwaha": ("/ar/latest/", "div.news-card h2 a", "ul.pagination li.next a"),
}
STAMPS = {
    "globalwire": "span.posted-on",
    "sahar": "span.time",
    "alwaha": "span.ago",
}


def walk(world: World, site: str, start: str, link: str, following: str) -> Iterator[Selector]:
    path: str | None = start
    seen = set()
    while path:
        assert path not in seen
        seen.add(path)
        sel = html(world, site, path)
        yield sel
        nxt = sel.css(f"{following}::attr(href)").get()
        path = local_path(urljoin(world.base_url(site) + path, nxt)) if nxt else None


@pytest.mark.parametrize("site", SITES)
def test_pagination_reaches_every_story(wide: World, site: str) -> None:
    start, link, following = LISTINGS[site]
    pages = list(walk(wide, site, start, link, following))
    assert len(pages) >= 2
    found = [
        urljoin(wide.base_url(site), h)
        for sel in pages
        for h in sel.css(f"{link}::attr(href)").getall()
    ]
    assert sorted(found) == sorted(t.url for t in wide.truth(site))


def test_media_wire_category_paginates_with_rel_next(wide: World) -> None:
    pages = list(walk(wide, "globalwire", "/category/media-wire/", "", "a.next[rel=next]"))
    found = {h for sel in pages for h in sel.css("h2.entry-title a::attr(href)").getall()}
    expected = {t.url for t in wide.truth("globalwire") if t.section == "Media Wire"}
    assert len(pages) == 2 and found == expected


@pytest.mark.parametrize("site", ["globalwire", "sahar", "alwaha"])
def test_listing_relative_times_follow_the_clock(site: str) -> None:
    world = World(seed=5, stories=20, now=NOW)
    start, link, _ = LISTINGS[site]
    by_url = {t.url: t for t in world.truth(site)}
    for now in (NOW, NOW + timedelta(hours=7, minutes=13), NOW + timedelta(days=3)):
        world.now = now
        sel = html(world, site, start)
        entries = sel.css(link)
        assert entries
        for anchor in entries:
            truth = by_url[urljoin(world.base_url(site), anchor.attrib["href"])]
            entry = anchor.xpath("ancestor::*[self::article or self::li or self::div][1]")[0]
            stamp = entry.css(STAMPS[site])
            if truth.published_at is None:
                assert not stamp
            else:
                assert_relative(text(stamp[0]), truth.published_at, now)


def test_meridian_listing_shows_absolute_times(wide: World) -> None:
    sel = html(wide, "meridian", "/news/?page=2")
    by_url = {t.url: t for t in wide.truth("meridian")}
    for item in sel.css("li.story-item"):
        url = urljoin(wide.base_url("meridian"), item.css("h2 a::attr(href)").get())
        stamp = item.css("time::attr(datetime)").get()
        assert datetime.fromisoformat(str(stamp)) == by_url[url].published_at
    assert wide.render("meridian", "/news/?page=99") is None


# ---------------------------------------------------------------- relative-time wording


@given(st.integers(min_value=0, max_value=60 * 24 * 60))
def test_relative_stamps_round_trip_in_every_language(minutes: int) -> None:
    delta = timedelta(minutes=minutes, seconds=30)
    for wording in (D.relative_en, D.relative_fa, D.relative_ar):
        stamp = wording(delta)
        if minutes == 0:
            assert stamp in ("just now", "لحظاتی پیش", "الآن")
            continue
        count, unit = parse_relative(stamp)
        assert count * unit <= minutes < (count + 1) * unit


@pytest.mark.parametrize(
    ("minutes", "expected"),
    [
        (60, "منذ ساعة"),
        (120, "منذ ساعتين"),
        (180, "منذ ٣ ساعات"),
        (11 * 60, "منذ ١١ ساعة"),
        (3 * 1440, "منذ ٣ أيام"),
        (12 * 1440, "منذ ١٢ يومًا"),
        (45, "منذ ٤٥ دقيقة"),
    ],
)
def test_arabic_relative_stamps_agree_with_their_count(minutes: int, expected: str) -> None:
    assert D.relative_ar(timedelta(minutes=minutes)) == expected


@pytest.mark.parametrize(
    ("minutes", "en", "fa"),
    [
        (45, "45 minutes ago", "۴۵ دقیقه پیش"),
        (60, "1 hour ago", "۱ ساعت پیش"),
        (11 * 60 + 59, "11 hours ago", "۱۱ ساعت پیش"),
        (2 * 1440, "2 days ago", "۲ روز پیش"),
    ],
)
def test_english_and_persian_relative_stamps(minutes: int, en: str, fa: str) -> None:
    delta = timedelta(minutes=minutes)
    assert (D.relative_en(delta), D.relative_fa(delta)) == (en, fa)


@pytest.mark.parametrize(
    ("instant", "jalali", "hijri"),
    [
        (datetime(2026, 11, 28, 10, 50, tzinfo=UTC), "۷ آذر ۱۴۰۵ - ۱۴:۲۰", "١٨ جمادى الآخرة ١٤٤٨"),
        (datetime(2026, 3, 20, 21, 0, tzinfo=UTC), "۱ فروردین ۱۴۰۵ - ۰۰:۳۰", "٢ شوال ١٤٤٧"),
    ],
)
def test_calendar_conversions(instant: datetime, jalali: str, hijri: str) -> None:
    assert D.jalali_date(instant.astimezone(TEHRAN)) == jalali
    assert hijri in D.hijri_date(instant.astimezone(RIYADH))
    assert parse_jalali(jalali) == instant


# ---------------------------------------------------------------- changes to the world


def test_add_story_is_newest_everywhere() -> None:
    world = World(seed=2, stories=8, now=NOW)
    world.now = NOW + timedelta(minutes=30)
    added = {site: world.add_story(site) for site in SITES}
    for site, truth in added.items():
        assert truth.published_at == world.now
        assert world.truth(site)[-1] == truth
        start, link, _ = LISTINGS[site]
        first = html(world, site, start).css(f"{link}::attr(href)").get()
        assert urljoin(world.base_url(site), first) == truth.url
        assert world.render(site, truth.path) is not None
    feed = feedparser.parse(get(world, "meridian", "/feeds/all.atom").body)
    assert feed.entries[0].link == added["meridian"].url
    news = xml(world, "meridian", "/sitemap-news.xml")
    assert added["meridian"].url in {u.text for u in news.iter(f"{SM}loc")}
    copy = world.add_story("globalwire", republish=added["meridian"].id, title="Copied story")
    assert copy.original_url == added["meridian"].url and copy.title == "Copied story"
    assert len(copy.paragraphs) == len(added["meridian"].paragraphs) - 1
    assert len(set(copy.paragraphs) - set(added["meridian"].paragraphs)) == 1
    with pytest.raises(ValueError, match="republish"):
        world.add_story("alwaha", republish=added["meridian"].id)
    written = world.add_story("alwaha", title="عنوان", paragraphs=["فقرة أولى.", "فقرة ثانية."])
    sel = html(world, "alwaha", written.path)
    assert [text(p) for p in sel.css("#article-content > p")] == ["فقرة أولى.", "فقرة ثانية."]


def test_change_story_updates_page_validators_and_feeds() -> None:
    world = World(seed=2, stories=8, now=NOW)
    original = world.truth("meridian")[-2]
    copies = [t for t in world.truth("globalwire") if t.original_url == original.url]
    before = world.render("meridian", original.path)
    world.now = NOW + timedelta(hours=2)
    changed = world.change_story(
        "meridian", original.id, title="A new headline", paragraphs=["Only."]
    )
    after = world.render("meridian", original.path)
    assert before is not None and after is not None
    assert changed.modified_at == world.now and changed.published_at == original.published_at
    assert after.etag != before.etag and after.last_modified == world.now
    sel = Selector(text=after.body.decode())
    assert text(sel.css("h1.headline")[0]) == "A new headline"
    assert [text(p) for p in sel.css("div.article-body > p")] == ["Only."]
    feed = feedparser.parse(get(world, "meridian", "/feeds/all.atom").body)
    entry = next(e for e in feed.entries if e.link == original.url)
    assert entry.title == "A new headline"
    assert datetime(*entry.updated_parsed[:6]).replace(tzinfo=UTC) == world.now
    for copy in copies:
        assert world.story("globalwire", copy.id).paragraphs == copy.paragraphs


@pytest.mark.parametrize("site", SITES)
def test_break_site_modes(site: str) -> None:
    world = World(seed=2, stories=6, now=NOW)
    article = world.truth(site)[-1]
    world.break_site(site, "500")
    assert all(get(world, site, p).status == 500 for p in ("/robots.txt", article.path))
    world.break_site(site, "robots_500")
    assert get(world, site, "/robots.txt").status == 500
    assert get(world, site, article.path).status == 200
    world.break_site(site, "empty")
    page = world.render(site, article.path)
    assert page is not None and (page.status, page.body) == (200, b"")
    world.break_site(site, "layout")
    page = world.render(site, article.path)
    assert page is not None and page.status == 200
    sel = Selector(text=page.body.decode())
    assert not sel.css("h1, p, script[type='application/ld+json']")
    assert article.paragraphs[0] in text(sel)
    world.break_site(site, "ok")
    assert html(world, site, article.path).css("h1")
    with pytest.raises(ValueError, match="mode"):
        world.break_site(site, "on fire")


# ---------------------------------------------------------------- HTTP server


@pytest.fixture(scope="module")
def served() -> Iterator[SampleSites]:
    with SampleSites(World(seed=4, stories=8, now=NOW), port=0) as sites:
        yield sites


OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def fetch(url: str, method: str = "GET", **headers: str) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, method=method, headers=headers)
    try:
        with OPENER.open(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def test_port_zero_binds_every_host_on_one_port(served: SampleSites) -> None:
    assert served.port not in (0, DEFAULT_PORT)
    assert served.world.port == served.port
    for site, host in SAMPLE_HOSTS.items():
        status, headers, body = fetch(served.url(site, "/robots.txt"))
        assert status == 200 and headers["Date"] == "Sat, 28 Nov 2026 12:00:00 GMT"
        assert f"{host}:{served.port}".encode() in body or site == "sahar"
    status, _, body = fetch(served.url("globalwire", "/feed/"))
    assert status == 200 and f"127.0.0.2:{served.port}/".encode() in body


def test_conditional_requests_get_304(served: SampleSites) -> None:
    story = served.world.truth("alwaha")[0]
    status, headers, body = fetch(story.url)
    assert status == 200 and body
    etag, modified = headers["ETag"], headers["Last-Modified"]
    assert parsedate_to_datetime(modified) == story.modified_at
    assert fetch(story.url, **{"If-None-Match": etag})[0] == 304
    assert fetch(story.url, **{"If-Modified-Since": modified})[0] == 304
    older = D.http_date(parsedate_to_datetime(modified) - timedelta(seconds=1))
    assert fetch(story.url, **{"If-Modified-Since": older})[0] == 200
    assert fetch(story.url, **{"If-None-Match": '"other"', "If-Modified-Since": modified})[0] == 200
    feed = served.url("sahar", "/fa/rss.xml")
    _, feed_headers, _ = fetch(feed)
    assert fetch(feed, **{"If-None-Match": feed_headers["ETag"]})[0] == 304


def test_head_404_redirect_encoding_and_request_log(served: SampleSites) -> None:
    served.clear_log()
    story = served.world.truth("meridian")[0]
    status, headers, body = fetch(story.url, "HEAD", **{"User-Agent": "wirecrawl-test/1"})
    assert status == 200 and body == b"" and int(headers["Content-Length"]) > 1000
    assert fetch(served.url("meridian", "/nowhere"))[0] == 404
    status, _, _ = fetch(served.url("sahar", "/"))
    assert status == 200  # urllib followed the 301 to /fa/
    legacy = next(t for t in served.world.truth("alwaha") if t.template == "legacy-cp1256")
    _, headers, body = fetch(legacy.url)
    assert headers["Content-Type"] == "text/html; charset=windows-1256"
    assert legacy.title in body.decode("cp1256")
    log = served.requests()
    assert [(r.site, r.method, r.status) for r in log[:3]] == [
        ("meridian", "HEAD", 200),
        ("meridian", "GET", 404),
        ("sahar", "GET", 301),
    ]
    assert log[0].user_agent == "wirecrawl-test/1" and log[0].path == story.path
    assert log[0].at == served.world.now
    assert served.requests("sahar")[-1].path == "/fa/"


def test_not_modified_rules() -> None:
    page = Page(200, "text/html", b"x", NOW, 'W/"a"')
    stamp = D.http_date(NOW)
    assert not_modified(page, '"a"', None)
    assert not_modified(page, '"b", W/"a"', None)
    assert not_modified(page, "*", None)
    assert not not_modified(page, '"b"', stamp)
    assert not_modified(page, None, stamp)
    assert not not_modified(page, None, "not a date")
    assert not not_modified(Page(404, "text/html", b""), "*", None)


# ---------------------------------------------------------------- static export


@pytest.mark.parametrize(
    ("path", "content_type", "expected"),
    [
        ("/", "text/html; charset=UTF-8", "index.html"),
        ("/news/?page=2", "text/html", "news/index@page-2.html"),
        ("/fa/archive?page=3", "text/html", "fa/archive@page-3.html"),
        ("/fa/archive", "text/html", "fa/archive.html"),
        ("/feed/", "application/rss+xml", "feed/index.xml"),
        ("/news/world/48213-a-slug", "text/html", "news/world/48213-a-slug.html"),
        ("/2026/11/27/a-slug/amp/", "text/html", "2026/11/27/a-slug/amp/index.html"),
        ("/ar/article/90301.html", "text/html", "ar/article/90301.html"),
        ("/robots.txt", "text/plain", "robots.txt"),
        ("/feeds/all.atom", "application/atom+xml", "feeds/all.atom"),
        ("/wp-login.php", "text/html", "wp-login.php.html"),
    ],
)
def test_static_file_names(path: str, content_type: str, expected: str) -> None:
    assert static_file_name(path, content_type) == expected


def test_render_to_dir_writes_every_page(tmp_path: Path) -> None:
    world = World(seed=9, stories=6, now=NOW, port=8080)
    count = world.render_to_dir(tmp_path)
    expected = 0
    for site in SITES:
        for path in world.paths(site):
            page = world.render(site, path)
            assert page is not None
            if page.status != 200:
                continue
            expected += 1
            file = tmp_path / SAMPLE_HOSTS[site] / static_file_name(path, page.content_type)
            assert file.read_bytes() == page.body
            if page.last_modified:
                assert file.stat().st_mtime == page.last_modified.timestamp()
    assert count == expected
    conf = nginx_conf(tmp_path, 8080)
    assert conf.count("server {") == 4 and "listen 127.0.0.5:8080;" in conf
    assert "location = / { return 301 /fa/; }" in conf
    legacy = next(t for t in world.truth("alwaha") if t.template == "legacy-cp1256")
    assert f"location = {legacy.path} {{ charset windows-1256;" in conf


_SEEN: list[Path] = []  # where _report_sigterm writes, set before the pool forks


def _report_sigterm(chunk: object) -> tuple[int, dict[str, object], dict[str, object]]:
    """A render worker's job for the test below: say whether SIGTERM has its default action."""
    import signal

    with _SEEN[0].open("a") as out:
        out.write(f"{signal.getsignal(signal.SIGTERM) is signal.SIG_DFL}\n")
    return 0, {}, {}


def test_render_workers_end_on_the_default_sigterm_not_the_callers_handler(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The pool's close sends SIGTERM to forked workers still running; a handler the caller
    installed (``make bench`` has one, which reported a stop) must not run in them."""
    import signal

    from wirecrawl.samples import world as world_module

    def handler(signum: int, frame: object) -> None:
        raise SystemExit("the caller's handler ran in a render worker")

    monkeypatch.setattr(world_module, "_export_chunk", _report_sigterm)
    _SEEN[:] = [tmp_path / "seen"]
    (tmp_path / "out").mkdir()
    previous = signal.signal(signal.SIGTERM, handler)
    try:
        World(seed=9, stories=6, now=NOW, port=8080).render_to_dir(tmp_path / "out", workers=2)
    finally:
        signal.signal(signal.SIGTERM, previous)
        seen, _SEEN[:] = _SEEN[0], []
    answers = seen.read_text().split()
    assert answers and set(answers) == {"True"}


def test_bulky_article_pages_weigh_40_to_80_kb() -> None:
    world = World(seed=6, stories=6, now=NOW, bulky=True)
    plain = World(seed=6, stories=6, now=NOW)
    for t in world.truth():
        page = get(world, t.site, t.path)
        assert 40_000 <= len(page.body) <= 80_000, (t.site, len(page.body))
        assert len(get(plain, t.site, t.path).body) < 20_000
        assert Selector(text=page.body.decode("cp1256" if "1256" in page.content_type else "utf-8"))

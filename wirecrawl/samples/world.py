"""The seeded world behind the sample sites: stories, their ground truth, and page routing.

Everything is a function of (seed, stories, now): the same triple gives the same bytes. Story
times are fixed at construction from the initial clock; moving `World.now` afterwards only
changes the relative stamps ("11 hours ago") and the Date header.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import random
import re
import signal
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from wirecrawl.samples import DEFAULT_PORT, SAMPLE_HOSTS, SITE_LANGUAGES, SITE_NAMES, SITE_TIMEZONES
from wirecrawl.samples import render as R
from wirecrawl.samples import text as T
from wirecrawl.samples.dates import local

SITES = tuple(SAMPLE_HOSTS)
MODES = ("ok", "500", "layout", "robots_500", "empty")

HTML = "text/html; charset=UTF-8"
XML = "application/xml; charset=UTF-8"

_GW_CATEGORIES = {"media-wire": "Media Wire", "world": "World", "business": "Business"}
_GW_KIND_CATEGORY = {
    "transport": "world",
    "weather": "world",
    "research": "world",
    "football": "world",
    "trade": "business",
    "energy": "business",
}
_SECTION_KEYS = {
    "transport": "world",
    "weather": "world",
    "trade": "business",
    "energy": "business",
    "research": "science",
    "football": "sport",
}
_MPA_LABELS = {"world": "World", "business": "Business", "science": "Science", "sport": "Sport"}
_FA_LABELS = {"world": "بین‌الملل", "business": "اقتصادی", "science": "علمی", "sport": "ورزشی"}
_AR_LABELS = {"world": "دولي", "business": "اقتصاد", "science": "علوم", "sport": "رياضة"}

_MPA_AUTHORS = (
    "Harriet Voss",
    "Samuel Okonjo",
    "Priyanka Dale",
    "Martin Ashgrove",
    "Lucia Benedetti",
    "Owen Carrick",
    "Freya Lindholm",
    "Jonah Estevez",
    "Amara Quinn",
    "Victor Halden",
)
_MPA_PHOTOGRAPHERS = ("Ines Calloway", "Bram Oduya", "Kit Moreau", "Selma Hart")
_GW_AUTHORS = ("Dana Whitlock", "Marcus Rell", "Rhea Castellano", "Tobias Wren")
_OUTLET_AUTHORS = ("Nell Farraday", "Corbin Ashe", "Wren Maddox")
_FA_AUTHORS = ("مریم رضوانی", "علی شاکری", "نگار حسینی‌فر", "حمید نوروزی", "سارا کاظمیان")
_AR_AUTHORS = ("سارة المطيري", "خالد الحربي", "نورة الشهري", "فيصل القحطاني", "ريم العنزي")

PAGE_SIZES = {"globalwire": 10, "meridian": 20, "sahar": 20, "alwaha": 15}
GW_SITEMAP_CHUNK = 1000
NEWS_SITEMAP_LIMIT = 1000
FEED_SIZE = 20
UTM = "?utm_source=rss&utm_medium=feed"


@dataclass(frozen=True, slots=True)
class Outlet:
    """A publication Global Wire Digest republishes from but that is not crawled."""

    name: str
    domain: str
    short: str


OUTLETS = (
    Outlet("Harbourlight Times", "harbourlight-times.example", "HT"),
    Outlet("Eastmere Ledger", "eastmere-ledger.example", "EL"),
    Outlet("The Valdoria Courier", "valdoria-courier.example", "VC"),
)


@dataclass
class StoryTruth:
    """What a perfect scraper would extract from one story's page.

    Times are aware UTC at minute precision; `modified_at` equals `published_at` for a story
    never updated, and both are None for the one globalwire story that shows no date (its URL
    still holds a /Y/M/D/ path, as every WordPress permalink does). `paragraphs` is the clean
    body: no credit line, disclaimer, dateline prefix or trailing outlet name. `credit_style`
    says how a republished globalwire story credits its source: "first-published",
    "source-label" and "wire-footer" link `original_url`; "dateline" ("(MPA) — " before the
    first paragraph) and "trailing" (" — Meridian Press Agency" after the last) name it only.
    """

    site: str
    id: int
    url: str
    path: str
    title: str
    paragraphs: list[str]
    authors: list[str]
    published_at: datetime | None
    modified_at: datetime | None
    section: str
    tags: list[str]
    language: str
    original_source: str | None
    original_url: str | None
    template: str
    aliases: list[str]
    credit_style: str | None = None


@dataclass(frozen=True)
class Page:
    """One HTTP answer: status, body bytes, and the validators the server sends."""

    status: int
    content_type: str
    body: bytes
    last_modified: datetime | None = None
    etag: str | None = None
    headers: dict[str, str] = field(default_factory=dict)


@dataclass(slots=True, eq=False)
class _Story:
    site: str
    id: int
    path: str
    time: datetime
    modified: datetime
    dated: bool
    section_key: str
    event: T.Event
    seed: str
    template: str
    title: str
    summary: str
    authors: tuple[str, ...]
    tags: tuple[str, ...]
    credit_style: str | None = None
    origin: _Story | None = None
    outlet: Outlet | None = None
    outlet_url: str | None = None
    body: list[str] | None = None
    revision: int = 0
    machine_time: bool = True
    recent: int = 6
    comments: int = 0


@dataclass(slots=True)
class _Index:
    newest: list[_Story]
    groups: dict[str, list[_Story]]
    position: dict[int, int]
    group_position: dict[tuple[str, int], int]


def _minute(instant: datetime) -> datetime:
    return instant.astimezone(UTC).replace(second=0, microsecond=0)


def _spread_times(rng: random.Random, n: int, now: datetime) -> list[datetime]:
    """n minute-aligned instants in the 30 days before `now`, at least two in the last 24 h."""
    recent = min(n, max(2, n // 8))
    minutes = [rng.randint(3, 24 * 60 if i < recent else 30 * 24 * 60) for i in range(n)]
    return sorted(now - timedelta(minutes=m) for m in minutes)


def _spread(rng: random.Random, options: tuple[object, ...], n: int) -> list[object]:
    """n picks that use every option about equally often, in shuffled order."""
    picks = [options[i % len(options)] for i in range(n)]
    rng.shuffle(picks)
    return picks


def _modified(rng: random.Random, published: datetime, now: datetime) -> datetime:
    if rng.random() >= 0.35:
        return published
    updated = published + timedelta(minutes=rng.randint(10, 600))
    return max(published, min(updated, now - timedelta(minutes=1)))


def _edit_copy(
    original: list[list[T.Sentence]], event: T.Event, seed: str
) -> list[list[T.Sentence]]:
    """A republished copy: one inner paragraph dropped and one sentence reworded."""
    paragraphs = [list(p) for p in original]
    rng = random.Random(seed + ":edit")
    if len(paragraphs) >= 3:
        del paragraphs[rng.randrange(1, len(paragraphs) - 1)]
    para = rng.randrange(len(paragraphs))
    index = rng.randrange(len(paragraphs[para]))
    role, old = paragraphs[para][index]
    paragraphs[para][index] = (role, T.reword(event, T.EN, role, old, rng))
    return paragraphs


def _slug_words(title: str, limit: int = 12) -> str:
    return "-".join(R.slugify(title.replace("'s ", "s ")).split("-")[:limit])


class World:
    """Four invented news sites generated from a seed, a story count and a clock."""

    def __init__(
        self,
        *,
        seed: int = 7,
        stories: int = 12,
        now: datetime,
        port: int = DEFAULT_PORT,
        bulky: bool = False,
        hosts: dict[str, str] | None = None,
    ) -> None:
        if now.tzinfo is None:
            raise ValueError("World(now=...) must be timezone-aware")
        if stories < 0:
            raise ValueError("World(stories=...) must not be negative")
        self.seed = seed
        self.stories = stories
        self.bulky = bulky
        self._hosts = dict(hosts or SAMPLE_HOSTS)
        self._now = now.astimezone(UTC)
        self._port = port
        self._origin = _minute(now)
        self._lock = threading.RLock()
        self._version = 0
        self._modes = dict.fromkeys(SITES, "ok")
        self._stories: dict[str, list[_Story]] = {s: [] for s in SITES}
        self._by_id: dict[str, dict[int, _Story]] = {s: {} for s in SITES}
        self._by_path: dict[str, dict[str, _Story]] = {s: {} for s in SITES}
        self._sentences: OrderedDict[tuple[str, int], list[list[T.Sentence]]] = OrderedDict()
        self._pages: OrderedDict[tuple[object, ...], Page] = OrderedDict()
        self._indexes: dict[str, tuple[int, _Index]] = {}
        self._teasers: dict[tuple[str, int], tuple[int, R.Teaser]] = {}
        self._build_meridian(stories)
        self._build_globalwire(stories)
        self._build_sahar(stories)
        self._build_alwaha(stories)

    # ------------------------------------------------------------ clock, port, state

    @property
    def now(self) -> datetime:
        """The world clock (aware UTC); relative stamps and the Date header use it."""
        return self._now

    @now.setter
    def now(self, value: datetime) -> None:
        if value.tzinfo is None:
            raise ValueError("World.now must be timezone-aware")
        with self._lock:
            self._now = value.astimezone(UTC)

    @property
    def port(self) -> int:
        """The port written into absolute URLs (set by the server after it binds)."""
        return self._port

    @port.setter
    def port(self, value: int) -> None:
        with self._lock:
            self._port = value
            self._touch()

    @property
    def hosts(self) -> dict[str, str]:
        """Loopback address of each site, written into absolute URLs."""
        return self._hosts

    @hosts.setter
    def hosts(self, value: dict[str, str]) -> None:
        with self._lock:
            self._hosts = dict(value)
            self._touch()

    def _touch(self) -> None:
        self._version += 1
        self._pages.clear()

    def base_url(self, site: str) -> str:
        """http://host:port of a site as this world renders it."""
        return f"http://{self._hosts[self._site(site)]}:{self._port}"

    def mode(self, site: str) -> str:
        """The failure mode set by `break_site` ("ok" when healthy)."""
        return self._modes[self._site(site)]

    @staticmethod
    def _site(site: str) -> str:
        if site not in SAMPLE_HOSTS:
            raise KeyError(f"unknown sample site {site!r}; expected one of {', '.join(SITES)}")
        return site

    def _rng(self, site: str) -> random.Random:
        return random.Random(f"wirecrawl-samples:{self.seed}:{self.stories}:{site}")

    def _insert(self, story: _Story) -> None:
        self._stories[story.site].append(story)
        self._by_id[story.site][story.id] = story
        self._by_path[story.site][story.path] = story

    # ------------------------------------------------------------ generation

    def _story_seed(self, site: str, story_id: int) -> str:
        return f"{self.seed}:{site}:{story_id}"

    @staticmethod
    def _variant(story: _Story, rng: random.Random) -> None:
        story.recent = rng.randint(5, 8)
        if story.site == "globalwire" and rng.random() < 0.45:
            story.comments = rng.randint(1, 4)

    def _build_meridian(self, n: int) -> None:
        rng = self._rng("meridian")
        templates = _spread(rng, ("jsonld", "jsonld-truncated", "graph", "graph-truncated"), n)
        story_id = 48200
        for when, template in zip(_spread_times(rng, n, self._origin), templates, strict=True):
            story_id += rng.randint(1, 9)
            kind = rng.choice(T.KINDS)
            event = T.new_event(rng, kind, when.weekday())
            title = T.headline(event, T.EN)
            key = _SECTION_KEYS[kind]
            seed = self._story_seed("meridian", story_id)
            story = _Story(
                site="meridian",
                id=story_id,
                path=f"/news/{key}/{story_id}-{_slug_words(title)}",
                time=when,
                modified=_modified(rng, when, self._origin),
                dated=True,
                section_key=key,
                event=event,
                seed=seed,
                template=str(template),
                title=title,
                summary=T.summary(event, T.EN, rng),
                authors=tuple(rng.sample(_MPA_AUTHORS, 1 if rng.random() < 0.75 else 2)),
                tags=tuple(T.tags(event, T.EN)),
            )
            self._variant(story, rng)
            self._insert(story)

    def _eligible_originals(self, age: timedelta) -> list[_Story]:
        return [s for s in self._stories["meridian"] if s.time <= self._origin - age]

    def _later(self, rng: random.Random, original: _Story, low: int, high: int) -> datetime:
        when = original.time + timedelta(minutes=rng.randint(low, high))
        return min(when, self._origin - timedelta(minutes=rng.randint(2, 20)))

    def _build_globalwire(self, n: int) -> None:
        rng = self._rng("globalwire")
        eligible = self._eligible_originals(timedelta(hours=1))
        n_wire = min(round(n * 0.5), len(eligible))
        n_other = min(round(n * 0.15), n - n_wire)
        plans: list[tuple[datetime, str, _Story | None]] = []
        for source in sorted(rng.sample(eligible, n_wire), key=lambda s: s.time):
            plans.append((self._later(rng, source, 30, 18 * 60), "copy", source))
        plans += [(t, "other", None) for t in _spread_times(rng, n_other, self._origin)]
        plans += [(t, "own", None) for t in _spread_times(rng, n - n_wire - n_other, self._origin)]
        plans.sort(key=lambda plan: plan[0])
        styles = iter(_spread(rng, R.CREDIT_STYLES, n_wire + n_other))
        templates = _spread(rng, ("wp-new", "wp-old"), n)
        machine = iter(_spread(rng, (True, False), templates.count("wp-new")))
        slugs: set[str] = set()
        post_id = 18250
        for (when, what, original), template in zip(plans, templates, strict=True):
            post_id += rng.randint(2, 40)
            wall = local(when, SITE_TIMEZONES["globalwire"])
            outlet, outlet_url, credit = None, None, None
            if original is not None:
                event = original.event
                title = T.headline(event, T.EN, alternative=True)
                authors = original.authors
                category = "media-wire"
                credit = str(next(styles))
            else:
                event = T.new_event(rng, rng.choice(T.KINDS), wall.weekday())
                title = T.headline(event, T.EN)
                if what == "other":
                    outlet = rng.choice(OUTLETS)
                    authors = (rng.choice(_OUTLET_AUTHORS),)
                    category = "media-wire"
                    credit = str(next(styles))
                else:
                    authors = (rng.choice(_GW_AUTHORS),)
                    category = _GW_KIND_CATEGORY[event.kind]
            slug = _slug_words(title)
            base_slug, k = slug, 2
            while slug in slugs:
                slug, k = f"{base_slug}-{k}", k + 1
            slugs.add(slug)
            if outlet is not None:
                outlet_url = f"https://{outlet.domain}/{wall:%Y/%m}/{slug}"
            seed = self._story_seed("globalwire", post_id)
            story = _Story(
                site="globalwire",
                id=post_id,
                path=f"/{wall:%Y/%m/%d}/{slug}/",
                time=when,
                modified=_modified(rng, when, self._origin),
                dated=True,
                section_key=category,
                event=event,
                seed=seed,
                template=str(template),
                title=title,
                summary=T.summary(event, T.EN, rng),
                authors=authors,
                tags=tuple(T.tags(event, T.EN)),
                credit_style=credit,
                origin=original,
                outlet=outlet,
                outlet_url=outlet_url,
                machine_time=template == "wp-new" and bool(next(machine)),
            )
            self._variant(story, rng)
            self._insert(story)
        own = [s for s in self._stories["globalwire"] if s.credit_style is None]
        if own:
            older = [s for s in own if s.time <= self._origin - timedelta(hours=24)]
            undated = (older or own)[-1]
            undated.dated = False
            undated.comments = 0

    def _build_sahar(self, n: int) -> None:
        rng = self._rng("sahar")
        eligible = self._eligible_originals(timedelta(hours=2))
        n_translated = min(round(n * 0.25), len(eligible))
        plans: list[tuple[datetime, _Story | None]] = [
            (self._later(rng, original, 60, 30 * 60), original)
            for original in rng.sample(eligible, n_translated)
        ]
        plans += [(t, None) for t in _spread_times(rng, n - n_translated, self._origin)]
        plans.sort(key=lambda plan: plan[0])
        story_id = 231400
        for when, original in plans:
            story_id += rng.randint(1, 25)
            wall = local(when, SITE_TIMEZONES["sahar"])
            event = (
                original.event
                if original
                else T.new_event(rng, rng.choice(T.KINDS), wall.weekday())
            )
            seed = self._story_seed("sahar", story_id)
            story = _Story(
                site="sahar",
                id=story_id,
                path=f"/fa/news/{story_id}/",
                time=when,
                modified=when,
                dated=True,
                section_key=_SECTION_KEYS[event.kind],
                event=event,
                seed=seed,
                template="translation" if original else "standard",
                title=T.headline(event, T.FA),
                summary=T.summary(event, T.FA, rng),
                authors=(rng.choice(_FA_AUTHORS),) if rng.random() < 0.7 else (),
                tags=tuple(T.tags(event, T.FA)),
                origin=original,
            )
            self._variant(story, rng)
            self._insert(story)

    def _build_alwaha(self, n: int) -> None:
        rng = self._rng("alwaha")
        story_id = 90300
        for i, when in enumerate(_spread_times(rng, n, self._origin)):
            story_id += rng.randint(1, 12)
            wall = local(when, SITE_TIMEZONES["alwaha"])
            event = T.new_event(rng, rng.choice(T.KINDS), wall.weekday())
            seed = self._story_seed("alwaha", story_id)
            story = _Story(
                site="alwaha",
                id=story_id,
                path=f"/ar/article/{story_id}.html",
                time=when,
                modified=when,
                dated=True,
                section_key=_SECTION_KEYS[event.kind],
                event=event,
                seed=seed,
                template="legacy-cp1256" if i == n // 2 else "standard",
                title=T.headline(event, T.AR),
                summary=T.summary(event, T.AR, rng),
                authors=(rng.choice(_AR_AUTHORS),) if rng.random() < 0.8 else (),
                tags=tuple(T.tags(event, T.AR)),
            )
            self._variant(story, rng)
            self._insert(story)

    # ------------------------------------------------------------ story text

    def _generated(self, story: _Story) -> list[list[T.Sentence]]:
        """The generated (role, sentence) paragraphs of a story, ignoring later edits; cached."""
        key = (story.site, story.id)
        with self._lock:
            cached = self._sentences.get(key)
            if cached is not None:
                self._sentences.move_to_end(key)
                return cached
        if story.site == "globalwire" and story.origin is not None:
            paragraphs = _edit_copy(self._generated(story.origin), story.event, story.seed)
        else:
            language = T.LANGUAGES[SITE_LANGUAGES[story.site]]
            paragraphs = T.compose(story.event, language, random.Random(story.seed + ":body"))
        with self._lock:
            self._sentences[key] = paragraphs
            while len(self._sentences) > 4096:
                self._sentences.popitem(last=False)
        return paragraphs

    def _paragraphs(self, story: _Story) -> list[str]:
        if story.body is not None:
            return list(story.body)
        return T.join(self._generated(story))

    def _original(self, story: _Story) -> tuple[str | None, str | None, str | None]:
        """(outlet name, original URL, dateline abbreviation) of a republished story."""
        if story.origin is not None:
            return SITE_NAMES["meridian"], self.base_url("meridian") + story.origin.path, "MPA"
        if story.outlet is not None:
            return story.outlet.name, story.outlet_url, story.outlet.short
        return None, None, None

    def _section_label(self, story: _Story) -> str:
        labels = {
            "globalwire": _GW_CATEGORIES,
            "meridian": _MPA_LABELS,
            "sahar": _FA_LABELS,
            "alwaha": _AR_LABELS,
        }[story.site]
        return labels[story.section_key]

    def _truth(self, story: _Story) -> StoryTruth:
        url = self.base_url(story.site) + story.path
        source, original_url, _ = self._original(story)
        aliases = [url + "amp/", url + UTM] if story.site == "globalwire" else []
        return StoryTruth(
            site=story.site,
            id=story.id,
            url=url,
            path=story.path,
            title=story.title,
            paragraphs=self._paragraphs(story),
            authors=list(story.authors),
            published_at=story.time if story.dated else None,
            modified_at=story.modified if story.dated else None,
            section=self._section_label(story),
            tags=list(story.tags),
            language=SITE_LANGUAGES[story.site],
            original_source=source,
            original_url=original_url,
            template=story.template,
            aliases=aliases,
            credit_style=story.credit_style,
        )

    def truth(self, site: str | None = None) -> list[StoryTruth]:
        """Ground truth of every story (of one site, or all four), oldest first within a site."""
        sites = SITES if site is None else (self._site(site),)
        with self._lock:
            stories = [s for name in sites for s in self._stories[name]]
        return [self._truth(s) for s in stories]

    def story(self, site: str, story_id: int) -> StoryTruth:
        """Ground truth of one story; KeyError if the site has no such id."""
        return self._truth(self._by_id[self._site(site)][story_id])

    # ------------------------------------------------------------ changes

    def add_story(
        self,
        site: str,
        *,
        title: str | None = None,
        paragraphs: list[str] | None = None,
        authors: list[str] | None = None,
        tags: list[str] | None = None,
        published_at: datetime | None = None,
        kind: str | None = None,
        republish: int | None = None,
    ) -> StoryTruth:
        """Publish a new story, by default the newest (published at the world clock).

        Omitted fields are generated; `kind` is one of text.KINDS; `republish` (globalwire and
        sahar only) names a meridian story id to copy with a credit line or to translate.
        """
        site = self._site(site)
        if published_at is not None and published_at.tzinfo is None:
            raise ValueError("add_story(published_at=...) must be timezone-aware")
        when = (published_at or self._now).astimezone(UTC)
        if kind is not None and kind not in T.KINDS:
            raise ValueError(f"add_story(kind={kind!r}) must be one of {', '.join(T.KINDS)}")
        if republish is not None and site not in ("globalwire", "sahar"):
            raise ValueError("only globalwire and sahar republish meridian stories")
        with self._lock:
            original = self._by_id["meridian"][republish] if republish is not None else None
            story_id = max(self._by_id[site], default=1000) + 7
            seed = self._story_seed(site, story_id)
            rng = random.Random(seed + ":add")
            weekday = local(when, SITE_TIMEZONES[site]).weekday()
            event = (
                original.event
                if original
                else T.new_event(rng, kind or rng.choice(T.KINDS), weekday)
            )
            language = T.LANGUAGES[SITE_LANGUAGES[site]]
            title = title or T.headline(event, language, alternative=original is not None)
            path, section, template = self._new_location(
                site, story_id, title, event, original, when
            )
            if original is not None and site == "globalwire" and paragraphs is None:
                base = (
                    self._generated(original)
                    if original.body is None
                    else [[("detail", p)] for p in original.body]
                )
                paragraphs = T.join(_edit_copy(base, event, seed))
            default_authors: tuple[str, ...] = {
                "globalwire": original.authors if original else ("Global Wire Staff",),
                "meridian": ("MPA Newsdesk",),
            }.get(site, ())
            story = _Story(
                site=site,
                id=story_id,
                path=path,
                time=when,
                modified=when,
                dated=True,
                section_key=section,
                event=event,
                seed=seed,
                template=template,
                title=title,
                summary=T.summary(event, language, rng),
                authors=tuple(authors) if authors is not None else default_authors,
                tags=tuple(tags) if tags is not None else tuple(T.tags(event, language)),
                credit_style="first-published" if original and site == "globalwire" else None,
                origin=original,
                body=list(paragraphs) if paragraphs is not None else None,
            )
            self._variant(story, rng)
            story.comments = 0
            self._insert(story)
            self._stories[site].sort(key=lambda s: (s.time, s.id))
            self._touch()
            return self._truth(story)

    def _new_location(
        self,
        site: str,
        story_id: int,
        title: str,
        event: T.Event,
        original: _Story | None,
        when: datetime,
    ) -> tuple[str, str, str]:
        """(path, section key, template) of a story added after construction."""
        section = _SECTION_KEYS[event.kind]
        if site == "globalwire":
            slug = _slug_words(title) or f"post-{story_id}"
            if any(s.path.endswith(f"/{slug}/") for s in self._stories[site]):
                slug = f"{slug}-{story_id}"
            day = local(when, SITE_TIMEZONES[site])
            category = "media-wire" if original else _GW_KIND_CATEGORY[event.kind]
            return f"/{day:%Y/%m/%d}/{slug}/", category, "wp-new"
        if site == "meridian":
            return f"/news/{section}/{story_id}-{_slug_words(title) or 'story'}", section, "jsonld"
        if site == "sahar":
            return f"/fa/news/{story_id}/", section, "translation" if original else "standard"
        return f"/ar/article/{story_id}.html", section, "standard"

    def change_story(
        self,
        site: str,
        story_id: int,
        *,
        title: str | None = None,
        paragraphs: list[str] | None = None,
    ) -> StoryTruth:
        """Edit a story's headline and/or body; its modified time becomes the world clock."""
        site = self._site(site)
        with self._lock:
            story = self._by_id[site][story_id]
            if title is not None:
                story.title = title
            if paragraphs is not None:
                story.body = list(paragraphs)
            story.modified = max(self._now, story.time)
            story.revision += 1
            self._touch()
            return self._truth(story)

    def break_site(self, site: str, mode: str) -> None:
        """Make a site misbehave: "500", "layout", "robots_500", "empty"; "ok" restores it."""
        site = self._site(site)
        if mode not in MODES:
            raise ValueError(f"break_site mode {mode!r} must be one of {', '.join(MODES)}")
        with self._lock:
            self._modes[site] = mode
            self._touch()

    # ------------------------------------------------------------ indexes and views

    def _index(self, site: str) -> _Index:
        with self._lock:
            cached = self._indexes.get(site)
            if cached and cached[0] == self._version:
                return cached[1]
            newest = sorted(self._stories[site], key=lambda s: (s.time, s.id), reverse=True)
            groups: dict[str, list[_Story]] = {}
            for s in newest:
                groups.setdefault(f"section:{s.section_key}", []).append(s)
                if site == "globalwire":
                    for tag in s.tags:
                        groups.setdefault(f"tag:{R.slugify(tag)}", []).append(s)
                    for author in s.authors:
                        groups.setdefault(f"author:{R.slugify(author)}", []).append(s)
            group_position = {
                (name, s.id): i
                for name, members in groups.items()
                if name.startswith("section:")
                for i, s in enumerate(members)
            }
            index = _Index(
                newest=newest,
                groups=groups,
                position={s.id: i for i, s in enumerate(newest)},
                group_position=group_position,
            )
            self._indexes[site] = (self._version, index)
            return index

    def _ctx(self, site: str) -> R.Ctx:
        return R.Ctx(site=site, base=self.base_url(site), now=self._now, bulky=self.bulky)

    def _section_url(self, story: _Story) -> str:
        base = self.base_url(story.site)
        return {
            "globalwire": f"{base}/category/{story.section_key}/",
            "meridian": f"{base}/news/{story.section_key}/",
            "sahar": f"{base}/fa/archive",
            "alwaha": f"{base}/ar/latest/",
        }[story.site]

    def _teaser(self, story: _Story) -> R.Teaser:
        key = (story.site, story.id)
        cached = self._teasers.get(key)
        if cached is not None and cached[0] == self._version:
            return cached[1]
        teaser = self._make_teaser(story)
        self._teasers[key] = (self._version, teaser)
        return teaser

    def _make_teaser(self, story: _Story) -> R.Teaser:
        return R.Teaser(
            id=story.id,
            url=self.base_url(story.site) + story.path,
            title=story.title,
            summary=story.summary,
            published=story.time if story.dated else None,
            modified=story.modified if story.dated else None,
            authors=story.authors,
            section=self._section_label(story),
            section_url=self._section_url(story),
            tags=story.tags,
        )

    def _comments(self, story: _Story) -> tuple[R.Comment, ...]:
        if not story.comments:
            return ()
        rng = random.Random(story.seed + ":comments")
        room = int((self._origin - story.time).total_seconds() // 60)
        if room < 20:
            return ()
        stamps = sorted(
            story.time + timedelta(minutes=rng.randint(20, min(room, 3 * 24 * 60)))
            for _ in range(story.comments)
        )
        texts = rng.sample(T.EN_COMMENTS, len(stamps))
        return tuple(
            R.Comment(author=rng.choice(T.EN_COMMENTERS), text=text, at=at)
            for text, at in zip(texts, stamps, strict=True)
        )

    def _article_view(self, story: _Story) -> R.ArticleView:
        index = self._index(story.site)
        language = T.LANGUAGES[SITE_LANGUAGES[story.site]]
        rng = random.Random(story.seed + ":view")
        others = [s for s in index.newest[: story.recent + 1] if s is not story][: story.recent]
        group = index.groups[f"section:{story.section_key}"]
        where = index.group_position.get((f"section:{story.section_key}", story.id), 0)
        related = [s for s in group[max(0, where - 2) : where + 3] if s is not story][:3]
        related += [s for s in index.newest[:5] if s is not story and s not in related]
        related = related[:3]
        position = index.position[story.id]
        newer = index.newest[position - 1] if position > 0 else None
        older = index.newest[position + 1] if position + 1 < len(index.newest) else None
        source, original_url, short = self._original(story)
        return R.ArticleView(
            ctx=self._ctx(story.site),
            story=self._teaser(story),
            paragraphs=tuple(self._paragraphs(story)),
            template=story.template,
            caption=T.caption(story.event, language, rng),
            image=f"{R.slugify(story.title)[:40] or 'photo'}-{story.id}",
            credit_style=story.credit_style,
            original_source=source,
            original_url=original_url,
            original_short=short,
            recent=tuple(self._teaser(s) for s in others),
            related=tuple(self._teaser(s) for s in related),
            previous=self._teaser(older) if older else None,
            following=self._teaser(newer) if newer else None,
            comments=self._comments(story),
            machine_time=story.machine_time,
            photographer=rng.choice(_MPA_PHOTOGRAPHERS),
        )

    def _listing(
        self,
        site: str,
        stories: list[_Story],
        heading: str,
        page: int,
        url_of: Callable[[int], str],
        size: int | None = None,
    ) -> R.ListingView | None:
        size = size or PAGE_SIZES[site]
        count = max(1, -(-len(stories) // size))
        if page < 1 or page > count:
            return None
        index = self._index(site)
        return R.ListingView(
            ctx=self._ctx(site),
            url=self.base_url(site) + url_of(page),
            heading=heading,
            entries=tuple(self._teaser(s) for s in stories[(page - 1) * size : page * size]),
            page=page,
            count=count,
            pages=tuple(
                (n, url_of(n))
                for n in sorted({1, count, *range(max(1, page - 4), min(count, page + 4) + 1)})
            ),
            recent=tuple(self._teaser(s) for s in index.newest[:6]),
        )

    # ------------------------------------------------------------ rendering

    def render(self, site: str, path_and_query: str) -> Page | None:
        """The page at a path (query string included), or None for 404; honours break_site."""
        site = self._site(site)
        mode = self._modes[site]
        if mode == "500":
            return _page(500, HTML, R.error_page(500))
        if mode == "empty":
            return Page(200, HTML, b"")
        key = (site, path_and_query, self._version, self._now)
        with self._lock:
            cached = self._pages.get(key)
            if cached is not None:
                self._pages.move_to_end(key)
                return cached
        page = self._route(site, path_and_query)
        if page is not None:
            with self._lock:
                self._pages[key] = page
                while len(self._pages) > 256:
                    self._pages.popitem(last=False)
        return page

    def _route(self, site: str, path_and_query: str) -> Page | None:
        parts = urlsplit(path_and_query)
        path = parts.path or "/"
        query = parse_qs(parts.query)
        if path == "/robots.txt":
            if self._modes[site] == "robots_500":
                return _page(500, HTML, R.error_page(500))
            return _page(200, "text/plain; charset=utf-8", R.robots(self._ctx(site)))
        route: Callable[[str, dict[str, list[str]]], Page | None] = {
            "globalwire": self._route_globalwire,
            "meridian": self._route_meridian,
            "sahar": self._route_sahar,
            "alwaha": self._route_alwaha,
        }[site]
        return route(path, query)

    def _article_page(self, story: _Story, *, amp: bool = False) -> Page:
        view = self._article_view(story)
        language = SITE_LANGUAGES[story.site]
        if self._modes[story.site] == "layout":
            text = R.redesigned_article(view, language)
        elif amp:
            text = R.globalwire_amp(view)
        else:
            text = {
                "globalwire": R.globalwire_article,
                "meridian": R.meridian_article,
                "sahar": R.sahar_article,
                "alwaha": R.alwaha_article,
            }[story.site](view)
        mode = self._modes[story.site]
        tag = hashlib.sha1(f"{self._port}:{mode}:{amp}".encode()).hexdigest()[:8]
        etag = f'W/"{story.site}-{story.id}-r{story.revision}-{tag}"'
        modified = story.modified if story.dated else None
        headers = {"Cache-Control": "max-age=300"}
        if story.site == "globalwire":
            headers["Link"] = f"<{self.base_url(story.site)}/?p={story.id}>; rel=shortlink"
        if story.template == "legacy-cp1256" and mode != "layout":
            body = text.encode("cp1256", errors="xmlcharrefreplace")
            return Page(200, "text/html; charset=windows-1256", body, modified, etag, headers)
        return Page(200, HTML, text.encode(), modified, etag, headers)

    def _redirect(self, site: str, target: str, status: int = 301) -> Page:
        location = target if target.startswith("http") else self.base_url(site) + target
        return Page(status, HTML, b"", headers={"Location": location})

    def _newest_modified(self, stories: list[_Story]) -> datetime | None:
        stamps = [s.modified for s in stories if s.dated]
        return max(stamps) if stamps else None

    def _listing_page(
        self,
        view: R.ListingView | None,
        render: Callable[[R.ListingView], str],
        stories: list[_Story],
    ) -> Page | None:
        if view is None:
            return None
        size = len(view.entries)
        first = (view.page - 1) * PAGE_SIZES[view.ctx.site]
        shown = stories[first : first + size]
        return _page(200, HTML, render(view), self._newest_modified(shown))

    def _route_globalwire(self, path: str, query: dict[str, list[str]]) -> Page | None:
        site = "globalwire"
        if path == "/" and "p" in query:
            story = self._by_id[site].get(_int(query["p"][0]) or -1)
            return self._redirect(site, story.path) if story else None
        if m := re.fullmatch(r"(/\d{4}/\d{2}/\d{2}/[a-z0-9-]+/)(amp/)?", path):
            story = self._by_path[site].get(m.group(1))
            return self._article_page(story, amp=bool(m.group(2))) if story else None
        if re.fullmatch(r"/\d{4}/\d{2}/\d{2}/[a-z0-9-]+", path):
            return self._redirect(site, path + "/") if path + "/" in self._by_path[site] else None
        if path == "/wp-admin/":
            return self._redirect(site, "/wp-login.php?redirect_to=%2Fwp-admin%2F", 302)
        if path == "/wp-login.php":
            return _page(200, HTML, R.globalwire_login(self._ctx(site)))
        if path in ("/feed/", "/sitemap_index.xml") or path.startswith("/post-sitemap"):
            return self._gw_xml(path)
        return self._gw_archive(path)

    def _gw_xml(self, path: str) -> Page | None:
        """The RSS feed, the sitemap index and the post sitemaps of Global Wire Digest."""
        site = "globalwire"
        ctx = self._ctx(site)
        if path == "/feed/":
            latest = self._index(site).newest[:FEED_SIZE]
            text = R.globalwire_rss(ctx, [self._article_view(s) for s in latest])
            return _page(
                200, "application/rss+xml; charset=UTF-8", text, self._newest_modified(latest)
            )
        chunks = self._gw_sitemap_chunks()
        if path == "/sitemap_index.xml":
            entries = [
                (ctx.base + _gw_sitemap_name(i), self._newest_modified(chunk))
                for i, chunk in enumerate(chunks)
            ]
            return _page(200, XML, R.sitemap_index(ctx, entries))
        m = re.fullmatch(r"/post-sitemap([2-9]|[1-9]\d+)?\.xml", path)
        number = int(m.group(1) or "1") if m else 0
        if not 1 <= number <= len(chunks):
            return None
        chunk = chunks[number - 1]
        urls = [(ctx.base + s.path, s.modified if s.dated else None) for s in chunk]
        return _page(200, XML, R.urlset(urls), self._newest_modified(chunk))

    def _gw_archive(self, path: str) -> Page | None:
        """Home, category, tag and author archives (WordPress /page/N/ pagination)."""
        site = "globalwire"
        index = self._index(site)
        if m := re.fullmatch(r"/(?:category/([a-z-]+)/)?(?:page/([2-9]|[1-9]\d+)/)?", path):
            key, number = m.group(1), int(m.group(2) or "1")
            if key is not None and key not in _GW_CATEGORIES:
                return None
            members = index.groups.get(f"section:{key}", []) if key else index.newest
            prefix = f"/category/{key}/" if key else "/"
            heading = _GW_CATEGORIES[key] if key else "Latest news"
            view = self._listing(
                site, members, heading, number, lambda n: prefix if n == 1 else f"{prefix}page/{n}/"
            )
            return self._listing_page(view, R.globalwire_listing, members)
        if m := re.fullmatch(r"/(tag|author)/([a-z0-9-]+)/", path):
            kind, slug = m.groups()
            tagged = index.groups.get(f"{kind}:{slug}")
            if not tagged:
                return None
            names = tagged[0].tags if kind == "tag" else tagged[0].authors
            heading = next((n for n in names if R.slugify(n) == slug), slug)
            view = self._listing(site, tagged[: PAGE_SIZES[site]], heading, 1, lambda n: path)
            return self._listing_page(view, R.globalwire_listing, tagged)
        return None

    def _gw_sitemap_chunks(self) -> list[list[_Story]]:
        oldest = list(reversed(self._index("globalwire").newest))
        return [
            oldest[i : i + GW_SITEMAP_CHUNK] for i in range(0, len(oldest), GW_SITEMAP_CHUNK)
        ] or [[]]

    def _route_meridian(self, path: str, query: dict[str, list[str]]) -> Page | None:
        site = "meridian"
        index = self._index(site)
        page = _int(query["page"][0]) if "page" in query else 1
        if path == "/":
            view = self._listing(site, index.newest[:12], "Meridian Press Agency", 1, lambda n: "/")
            return self._listing_page(view, R.meridian_listing, index.newest)
        if path == "/news/" and page is not None:
            view = self._listing(
                site,
                index.newest,
                "Latest news",
                page,
                lambda n: "/news/" if n == 1 else f"/news/?page={n}",
            )
            return self._listing_page(view, R.meridian_listing, index.newest)
        if (m := re.fullmatch(r"/news/([a-z]+)/", path)) and m.group(1) in _MPA_LABELS and page:
            key = m.group(1)
            members = index.groups.get(f"section:{key}", [])
            view = self._listing(
                site,
                members,
                _MPA_LABELS[key],
                page,
                lambda n: f"/news/{key}/" if n == 1 else f"/news/{key}/?page={n}",
            )
            return self._listing_page(view, R.meridian_listing, members)
        if m := re.fullmatch(r"/news/([a-z]+)/(\d+)-[a-z0-9-]*", path):
            story = self._by_id[site].get(int(m.group(2)))
            if story is None:
                return None
            if story.path != path:
                return self._redirect(site, story.path)
            return self._article_page(story)
        if path == "/feeds/all.atom":
            items = [self._teaser(s) for s in index.newest[:FEED_SIZE]]
            text = R.meridian_atom(self._ctx(site), items)
            modified = self._newest_modified(index.newest[:FEED_SIZE])
            return _page(200, "application/atom+xml; charset=utf-8", text, modified)
        if path == "/sitemap-news.xml":
            items = [self._teaser(s) for s in index.newest[:NEWS_SITEMAP_LIMIT]]
            text = R.meridian_news_sitemap(self._ctx(site), items)
            return _page(200, XML, text, self._newest_modified(index.newest[:NEWS_SITEMAP_LIMIT]))
        if path == "/private/":
            return _page(200, HTML, R.meridian_private(self._ctx(site)))
        return None

    def _route_sahar(self, path: str, query: dict[str, list[str]]) -> Page | None:
        site = "sahar"
        index = self._index(site)
        page = _int(query["page"][0]) if "page" in query else 1
        if path == "/":
            return self._redirect(site, "/fa/")
        if path == "/fa/":
            view = self._listing(site, index.newest[:15], "آخرین اخبار", 1, lambda n: "/fa/")
            return self._listing_page(view, R.sahar_listing, index.newest)
        if path == "/fa/archive" and page is not None:
            view = self._listing(
                site,
                index.newest,
                "آرشیو اخبار",
                page,
                lambda n: "/fa/archive" if n == 1 else f"/fa/archive?page={n}",
            )
            return self._listing_page(view, R.sahar_listing, index.newest)
        if m := re.fullmatch(r"/fa/news/(\d+)/?", path):
            story = self._by_id[site].get(int(m.group(1)))
            if story is None:
                return None
            return (
                self._article_page(story)
                if path.endswith("/")
                else self._redirect(site, story.path)
            )
        if path == "/fa/rss.xml":
            items = [self._teaser(s) for s in index.newest[:FEED_SIZE]]
            text = R.sahar_rss(self._ctx(site), items)
            modified = self._newest_modified(index.newest[:FEED_SIZE])
            return _page(200, "application/rss+xml; charset=utf-8", text, modified)
        return None

    def _route_alwaha(self, path: str, query: dict[str, list[str]]) -> Page | None:
        site = "alwaha"
        index = self._index(site)
        page = _int(query["page"][0]) if "page" in query else 1
        if path == "/":
            return self._redirect(site, "/ar/")
        if path == "/ar/":
            view = self._listing(site, index.newest[:12], "الواحة", 1, lambda n: "/ar/")
            return self._listing_page(view, R.alwaha_listing, index.newest)
        if path == "/ar/latest/" and page is not None:
            view = self._listing(
                site,
                index.newest,
                "آخر الأخبار",
                page,
                lambda n: "/ar/latest/" if n == 1 else f"/ar/latest/?page={n}",
            )
            return self._listing_page(view, R.alwaha_listing, index.newest)
        if m := re.fullmatch(r"/ar/article/(\d+)\.html", path):
            story = self._by_id[site].get(int(m.group(1)))
            return self._article_page(story) if story else None
        if path == "/sitemap.xml":
            base = self.base_url(site)
            entries: list[tuple[str, datetime | None]] = [
                (base + "/ar/", None),
                (base + "/ar/latest/", None),
            ]
            entries += [(base + s.path, s.modified) for s in reversed(index.newest)]
            text = R.urlset(entries, SITE_TIMEZONES[site])
            return _page(200, XML, text, self._newest_modified(index.newest))
        return None

    # ------------------------------------------------------------ enumeration and export

    def paths(self, site: str) -> list[str]:
        """Every path (with query) the site serves: robots, feeds, sitemaps, listings, articles."""
        site = self._site(site)
        index = self._index(site)
        size = PAGE_SIZES[site]

        def pages(count: int) -> range:
            return range(2, max(1, -(-count // size)) + 1)

        out = ["/robots.txt", "/"]
        if site == "globalwire":
            out += [f"/page/{n}/" for n in pages(len(index.newest))]
            out += ["/feed/", "/sitemap_index.xml", "/wp-admin/", "/wp-login.php"]
            out += [_gw_sitemap_name(i) for i in range(len(self._gw_sitemap_chunks()))]
            for key in _GW_CATEGORIES:
                members = index.groups.get(f"section:{key}", [])
                out.append(f"/category/{key}/")
                out += [f"/category/{key}/page/{n}/" for n in pages(len(members))]
            out += [
                f"/{name.replace(':', '/')}/"
                for name in index.groups
                if name.startswith(("tag:", "author:"))
            ]
            for s in reversed(index.newest):
                out += [s.path, s.path + "amp/"]
        elif site == "meridian":
            out += ["/news/", "/feeds/all.atom", "/sitemap-news.xml", "/private/"]
            out += [f"/news/?page={n}" for n in pages(len(index.newest))]
            for key in _MPA_LABELS:
                members = index.groups.get(f"section:{key}", [])
                out.append(f"/news/{key}/")
                out += [f"/news/{key}/?page={n}" for n in pages(len(members))]
            out += [s.path for s in reversed(index.newest)]
        elif site == "sahar":
            out += ["/fa/", "/fa/archive", "/fa/rss.xml"]
            out += [f"/fa/archive?page={n}" for n in pages(len(index.newest))]
            out += [s.path for s in reversed(index.newest)]
        else:
            out += ["/ar/", "/ar/latest/", "/sitemap.xml"]
            out += [f"/ar/latest/?page={n}" for n in pages(len(index.newest))]
            out += [s.path for s in reversed(index.newest)]
        return out

    def render_to_dir(self, out_dir: Path, *, workers: int | None = None) -> int:
        """Write every 200 page to <out_dir>/<host>/<file> for a static server; returns the count.

        File names follow `static_file_name`; redirects and the windows-1256 page's charset go to
        <out_dir>/wirecrawl-samples.json, which `nginx_conf` reads. File mtimes are the pages'
        Last-Modified. Absolute URLs use this world's current port: set it to nginx's port first.
        Large exports fork `workers` processes where the platform can fork (default: up to 4).
        """
        out_dir = Path(out_dir)
        jobs = [(site, path) for site in SITES for path in self.paths(site)]
        if workers is None:
            workers = min(os.cpu_count() or 1, 4) if len(jobs) > 4000 else 1
        if workers > 1 and "fork" in multiprocessing.get_all_start_methods():
            size = -(-len(jobs) // (workers * 4))
            chunks = [jobs[i : i + size] for i in range(0, len(jobs), size)]
            global _EXPORTING
            _EXPORTING = (self, out_dir)
            try:
                # Workers end on the default SIGTERM, not a handler the caller installed (the
                # pool's close sends one to each, and `make bench` reported it as its own stop).
                with multiprocessing.get_context("fork").Pool(
                    workers, initializer=signal.signal, initargs=(signal.SIGTERM, signal.SIG_DFL)
                ) as pool:
                    results = pool.map(_export_chunk, chunks)
            finally:
                _EXPORTING = None
        else:
            results = [self._export(out_dir, jobs)]
        redirects: dict[str, dict[str, list[object]]] = {}
        charsets: dict[str, dict[str, str]] = {}
        for _, moved, encoded in results:
            for host, rules in moved.items():
                redirects.setdefault(host, {}).update(rules)
            for host, paths in encoded.items():
                charsets.setdefault(host, {}).update(paths)
        manifest = {
            "port": self._port,
            "hosts": dict(self.hosts),
            "redirects": redirects,
            "charsets": charsets,
        }
        (out_dir / MANIFEST).write_text(json.dumps(manifest, indent=1, sort_keys=True))
        return sum(count for count, _, _ in results)

    def _export(self, out_dir: Path, jobs: list[tuple[str, str]]) -> _Exported:
        redirects: dict[str, dict[str, list[object]]] = {}
        charsets: dict[str, dict[str, str]] = {}
        count = 0
        made: set[Path] = set()
        for site, path in jobs:
            host = self.hosts[site]
            page = self._route_for_export(site, path)
            if page is None:
                continue
            if page.status in (301, 302):
                target = urlsplit(page.headers["Location"])
                location = target.path + (f"?{target.query}" if target.query else "")
                redirects.setdefault(host, {})[path] = [page.status, location]
                continue
            if page.status != 200:
                continue
            file = out_dir / host / static_file_name(path, page.content_type)
            if file.parent not in made:
                file.parent.mkdir(parents=True, exist_ok=True)
                made.add(file.parent)
            file.write_bytes(page.body)
            if page.last_modified is not None:
                stamp = page.last_modified.timestamp()
                os.utime(file, (stamp, stamp))
            if "charset=windows-1256" in page.content_type:
                charsets.setdefault(host, {})[path] = "windows-1256"
            count += 1
        return count, redirects, charsets

    def _route_for_export(self, site: str, path: str) -> Page | None:
        """Render without touching the page cache (exports visit every page once)."""
        mode = self._modes[site]
        if mode == "500":
            return _page(500, HTML, R.error_page(500))
        if mode == "empty":
            return Page(200, HTML, b"")
        return self._route(site, path)


MANIFEST = "wirecrawl-samples.json"
_Exported = tuple[int, dict[str, dict[str, list[object]]], dict[str, dict[str, str]]]
_EXPORTING: tuple[World, Path] | None = None


def _export_chunk(jobs: list[tuple[str, str]]) -> _Exported:
    """Worker side of a forked `render_to_dir`: the world arrives by fork, the jobs by pickle."""
    if _EXPORTING is None:
        raise RuntimeError("_export_chunk runs only inside World.render_to_dir")
    world, out_dir = _EXPORTING
    return world._export(out_dir, jobs)


def _int(text: str) -> int | None:
    return int(text) if text.isdigit() else None


def _gw_sitemap_name(i: int) -> str:
    return "/post-sitemap.xml" if i == 0 else f"/post-sitemap{i + 1}.xml"


def _page(status: int, content_type: str, text: str, modified: datetime | None = None) -> Page:
    body = text.encode()
    etag = '"' + hashlib.sha1(body).hexdigest()[:20] + '"'
    return Page(status, content_type, body, modified, etag if status == 200 else None)


def static_file_name(path_and_query: str, content_type: str) -> str:
    """File (relative to the host directory) that holds a page when pre-rendered for nginx.

    The path keeps its directories; a path ending in "/" gets "index"; a `?page=N` query adds
    "@page-N"; then ".html" (HTML) or ".xml" (feeds, sitemaps) is appended unless the name
    already ends in a known extension. So "/news/?page=2" -> "news/index@page-2.html",
    "/fa/archive?page=3" -> "fa/archive@page-3.html", "/feed/" -> "feed/index.xml",
    "/news/world/48213-slug" -> "news/world/48213-slug.html", "/robots.txt" -> "robots.txt".
    """
    parts = urlsplit(path_and_query)
    name = parts.path.lstrip("/")
    if not name or name.endswith("/"):
        name += "index"
    page = parse_qs(parts.query).get("page")
    if page:
        name += f"@page-{page[0]}"
    if not name.endswith((".html", ".xml", ".atom", ".txt")) or page:
        name += ".html" if content_type.startswith("text/html") else ".xml"
    return name


def nginx_conf(out_dir: Path, port: int) -> str:
    """nginx server blocks that serve a `render_to_dir` tree on each sample host at `port`.

    Query strings other than `page=N` are ignored (so utm-tagged links serve the article),
    redirects recorded in the manifest become `return` rules, and the windows-1256 page gets
    its charset in the Content-Type header.
    """
    out_dir = Path(out_dir).resolve()
    manifest = json.loads((out_dir / MANIFEST).read_text())
    blocks = []
    for host in manifest["hosts"].values():
        exact = []
        for path, (status, location) in sorted(manifest["redirects"].get(host, {}).items()):
            exact.append(f"    location = {path} {{ return {status} {location}; }}\n")
        for path in sorted(manifest["charsets"].get(host, {})):
            exact.append(
                f"    location = {path} {{ charset windows-1256; source_charset windows-1256; "
                "try_files $uri =404; }\n"
            )
        blocks.append(
            "server {\n"
            f"    listen {host}:{port};\n"
            f"    root {out_dir / host};\n"
            "    default_type text/html;\n"
            "    charset utf-8;\n"
            "    charset_types text/html application/xml application/rss+xml application/atom+xml;\n"
            "    types { text/html html; application/xml xml; application/atom+xml atom; "
            "text/plain txt; }\n"
            '    set $page_suffix "";\n'
            '    if ($arg_page ~ "^[0-9]+$") { set $page_suffix "@page-$arg_page"; }\n'
            + "".join(exact)
            + "    location / {\n"
            "        try_files $uri$page_suffix.html ${uri}index$page_suffix.html "
            "${uri}index.xml $uri.xml $uri =404;\n"
            "    }\n"
            "}\n"
        )
    return "".join(blocks)

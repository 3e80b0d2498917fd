"""The source registry: every site wirecrawl crawls is one typed, validated entry of data.

Built-in entries live in ``builtin.toml`` beside this module; users add their own in a TOML file
passed with ``--sources FILE`` (or ``WIRECRAWL_SOURCES``). A file is a list of ``[[source]]``
tables; every error names the file, the entry and the field.
"""

from __future__ import annotations

import re
import tomllib
import zoneinfo
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

BUILTIN_FILE = Path(__file__).with_name("builtin.toml")
NAME_RE = re.compile(r"^[a-z][a-z0-9_]{1,39}$")
DATE_ORDERS = ("DMY", "MDY", "YMD")
_DURATION_RE = re.compile(r"^\s*(\d+)\s*(s|m|h|d|w)\s*$")
_DURATION_UNITS = {"s": "seconds", "m": "minutes", "h": "hours", "d": "days", "w": "weeks"}


class SourceError(ValueError):
    """A sources file or entry is invalid; the message names the file, the entry and the field."""


def parse_duration(text: str) -> timedelta:
    """Parse "30m", "6h", "2d", "1w", "45s"; raises ValueError on anything else (no bare numbers)."""
    match = _DURATION_RE.match(str(text))
    if not match or int(match.group(1)) == 0:
        raise ValueError(f"{text!r} is not a duration like '30m', '6h' or '2d'")
    return timedelta(**{_DURATION_UNITS[match.group(2)]: int(match.group(1))})


@dataclass(frozen=True)
class Selectors:
    """Optional per-source CSS selectors (``::text``/``::attr()`` allowed) used before generic rules."""

    title: str | None = None
    body: str | None = None
    authors: str | None = None
    published: str | None = None
    modified: str | None = None
    section: str | None = None
    tags: str | None = None
    credit: str | None = None
    listing_item: str | None = None
    listing_date: str | None = None
    next_page: str | None = None


@dataclass(frozen=True)
class Source:
    name: str
    display_name: str
    homepage: str
    feeds: tuple[str, ...] = ()
    sitemaps: tuple[str, ...] = ()
    listings: tuple[str, ...] = ()
    article_pattern: str | None = None
    languages: tuple[str, ...] = ("en",)
    timezone: str = "UTC"
    date_order: str | None = None
    interval: timedelta = timedelta(hours=1)
    selectors: Selectors = field(default_factory=Selectors)
    boilerplate: tuple[str, ...] = ()
    boilerplate_selectors: tuple[str, ...] = ()
    allowed_domains: tuple[str, ...] = ()
    max_pages: int = 2000
    max_depth: int = 5
    revisit: timedelta = timedelta(days=2)
    live_only: bool = False
    sample: bool = False
    origin: str = ""

    @property
    def domains(self) -> tuple[str, ...]:
        """Hosts this source may be crawled on: ``allowed_domains`` or the homepage's host."""
        return self.allowed_domains or (urlsplit(self.homepage).hostname or "",)

    def matches_article(self, url: str) -> bool:
        """True if ``url`` looks like one of this source's article pages (any URL if no pattern).

        The pattern is searched in the URL's path, then in path and query together.
        """
        if not self.article_pattern:
            return True
        parts = urlsplit(url)
        if re.search(self.article_pattern, parts.path):
            return True
        # a pattern may name the query too (``\?id=\d+``); tracking parameters must not hide a path
        return (
            bool(parts.query)
            and re.search(self.article_pattern, f"{parts.path}?{parts.query}") is not None
        )


_LIST_FIELDS = (
    "feeds",
    "sitemaps",
    "listings",
    "languages",
    "boilerplate",
    "boilerplate_selectors",
    "allowed_domains",
)
_URL_FIELDS = ("feeds", "sitemaps", "listings")
_KNOWN = {f for f in Source.__dataclass_fields__ if f != "origin"}


def _check_url(value: str, where: str) -> None:
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise SourceError(f"{where}: {value!r} is not an http(s) URL")


def _substitute(value: Any, variables: Mapping[str, Any]) -> Any:
    if isinstance(value, str):
        for key, replacement in variables.items():
            value = value.replace("{" + key + "}", str(replacement))
        return value
    if isinstance(value, list):
        return [_substitute(v, variables) for v in value]
    if isinstance(value, dict):
        return {k: _substitute(v, variables) for k, v in value.items()}
    return value


def build_source(raw: Mapping[str, Any], where: str, variables: Mapping[str, Any]) -> Source:
    """Validate one raw ``[[source]]`` table; ``where`` is "FILE, entry N" for error messages."""
    if not isinstance(raw, Mapping):
        raise SourceError(f"{where}: each [[source]] must be a table")
    name = raw.get("name")
    if not isinstance(name, str) or not NAME_RE.match(name):
        raise SourceError(
            f"{where}, field 'name': {name!r} must be 2-40 characters of a-z, 0-9 and _, "
            "starting with a letter"
        )
    where = f"{where} ({name})"
    unknown = set(raw) - _KNOWN
    if unknown:
        raise SourceError(f"{where}: unknown field(s) {', '.join(sorted(unknown))}")
    raw = _substitute(dict(raw), variables)
    values: dict[str, Any] = {"name": name}
    for key in ("display_name", "homepage"):
        if not isinstance(raw.get(key), str) or not raw[key].strip():
            raise SourceError(f"{where}, field '{key}': required text is missing")
        values[key] = raw[key].strip()
    _check_url(values["homepage"], f"{where}, field 'homepage'")
    for key in _LIST_FIELDS:
        if key in raw:
            items = raw[key]
            if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
                raise SourceError(f"{where}, field '{key}': must be a list of strings")
            if key in _URL_FIELDS:
                for item in items:
                    _check_url(item, f"{where}, field '{key}'")
            values[key] = tuple(items)
    if not (values.get("feeds") or values.get("sitemaps") or values.get("listings")):
        raise SourceError(f"{where}: give at least one of 'feeds', 'sitemaps' or 'listings'")
    if "article_pattern" in raw:
        try:
            re.compile(raw["article_pattern"])
        except (re.error, TypeError) as exc:
            raise SourceError(f"{where}, field 'article_pattern': not a regex: {exc}") from None
        values["article_pattern"] = raw["article_pattern"]
    if "timezone" in raw:
        try:
            zoneinfo.ZoneInfo(str(raw["timezone"]))
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            raise SourceError(
                f"{where}, field 'timezone': {raw['timezone']!r} is not an IANA zone "
                "such as 'UTC' or 'Asia/Tehran'"
            ) from None
        values["timezone"] = raw["timezone"]
    if "date_order" in raw:
        if raw["date_order"] not in DATE_ORDERS:
            raise SourceError(
                f"{where}, field 'date_order': must be one of {', '.join(DATE_ORDERS)}"
            )
        values["date_order"] = raw["date_order"]
    for key in ("interval", "revisit"):
        if key in raw:
            try:
                values[key] = parse_duration(raw[key])
            except ValueError as exc:
                raise SourceError(f"{where}, field '{key}': {exc}") from None
    for key in ("max_pages", "max_depth"):
        if key in raw:
            if not isinstance(raw[key], int) or isinstance(raw[key], bool) or raw[key] < 1:
                raise SourceError(f"{where}, field '{key}': must be a whole number >= 1")
            values[key] = raw[key]
    for key in ("live_only", "sample"):
        if key in raw:
            if not isinstance(raw[key], bool):
                raise SourceError(f"{where}, field '{key}': must be true or false")
            values[key] = raw[key]
    if "selectors" in raw:
        sel = raw["selectors"]
        if not isinstance(sel, Mapping):
            raise SourceError(f"{where}, field 'selectors': must be a table")
        known = set(Selectors.__dataclass_fields__)
        bad = set(sel) - known
        if bad:
            raise SourceError(
                f"{where}, field 'selectors': unknown selector(s) {', '.join(sorted(bad))} "
                f"(known: {', '.join(sorted(known))})"
            )
        for key, value in sel.items():
            if not isinstance(value, str) or not value.strip():
                raise SourceError(f"{where}, field 'selectors.{key}': must be a CSS selector")
            _check_selector(value, f"{where}, field 'selectors.{key}'")
        values["selectors"] = Selectors(**sel)
    for value in values.get("boilerplate_selectors", ()):
        _check_selector(value, f"{where}, field 'boilerplate_selectors'")
    languages = values.get("languages", ("en",))
    for lang in languages:
        if not re.fullmatch(r"[a-z]{2,3}", lang):
            raise SourceError(f"{where}, field 'languages': {lang!r} is not an ISO 639-1 code")
    return Source(**values, origin=where)


def _check_selector(value: str, where: str) -> None:
    from parsel import Selector

    try:
        Selector(text="<html></html>").css(value)
    except Exception as exc:  # cssselect raises several error types for bad syntax
        raise SourceError(f"{where}: {value!r} is not a valid CSS selector: {exc}") from None


def load_file(path: Path, variables: Mapping[str, Any]) -> list[Source]:
    """Load and validate one sources file; duplicate names inside it are an error naming both."""
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise SourceError(f"{path}: sources file not found") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise SourceError(f"{path}: not valid TOML: {exc}") from None
    unknown = set(data) - {"source"}
    if unknown:
        raise SourceError(
            f"{path}: unknown top-level key(s) {', '.join(sorted(unknown))}; "
            "write each source as a [[source]] table"
        )
    entries = data.get("source", [])
    if not isinstance(entries, list):
        raise SourceError(f"{path}: 'source' must be a list of [[source]] tables")
    sources = [
        build_source(raw, f"{path}, entry {i}", variables) for i, raw in enumerate(entries, 1)
    ]
    return merge([], sources)


def merge(base: Iterable[Source], extra: Iterable[Source]) -> list[Source]:
    """Concatenate registries; a name defined twice is an error naming both places."""
    seen: dict[str, Source] = {}
    for source in [*base, *extra]:
        if source.name in seen:
            raise SourceError(
                f"source name {source.name!r} is defined twice: {seen[source.name].origin} "
                f"and {source.origin}"
            )
        seen[source.name] = source
    return list(seen.values())


def load_sources(sources_file: Path | None = None, *, sample_port: int = 8451) -> list[Source]:
    """The built-in sources plus those of ``sources_file``; sample entries follow ``sample_port``."""
    variables = {"sample_port": sample_port}
    sources = load_file(BUILTIN_FILE, variables)
    if sources_file is not None:
        sources = merge(sources, load_file(sources_file, variables))
    return sources


def get_source(sources: Iterable[Source], name: str) -> Source:
    """Look up a source by name; the error lists the names that exist."""
    by_name = {s.name: s for s in sources}
    if name not in by_name:
        raise SourceError(f"unknown source {name!r}; known sources: {', '.join(sorted(by_name))}")
    return by_name[name]

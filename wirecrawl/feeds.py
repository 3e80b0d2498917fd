"""Atom (RFC 4287) and RSS 2.0 feeds of stored stories, streamed with lxml's incremental writer.

Stories come in as the dicts ``store.export_stories`` yields (``originals=True`` adds the
cluster's original, which each entry names as its source). Text is escaped by the XML writer and
stripped of characters XML 1.0 forbids; only http(s) links are written, others are dropped.
Entry ids are the story's canonical URL, or a ``tag:`` URI derived from it, so they are stable
across exports and databases.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import format_datetime
from typing import IO, Any
from urllib.parse import urlsplit

from lxml import etree

ATOM_NS = "http://www.w3.org/2005/Atom"
DC_NS = "http://purl.org/dc/elements/1.1/"
TAG_AUTHORITY = "tag:wirecrawl.invalid,2025:"
DEFAULT_LINK = "http://127.0.0.1:8001/wirecrawl"
SUMMARY_CHARS = 400

_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_NOT_IN_URL = re.compile(r"[\s\x00-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


@dataclass(frozen=True)
class FeedInfo:
    """Feed-level metadata. ``updated`` is passed in: nothing here reads the clock."""

    title: str
    feed_id: str
    updated: datetime
    link: str = DEFAULT_LINK
    self_link: str | None = None
    subtitle: str | None = None
    generator: str = "wirecrawl"


def xml_text(value: Any) -> str:
    """``value`` as text XML 1.0 can hold: None is empty, forbidden control characters dropped."""
    return "" if value is None else _NOT_XML.sub("", str(value))


def http_url(value: Any) -> str | None:
    """``value`` if it is an absolute http(s) URL without spaces or control characters, else None."""
    if not isinstance(value, str) or not value or _NOT_IN_URL.search(value):
        return None
    try:
        parts = urlsplit(value)
    except ValueError:
        return None
    return value if parts.scheme in ("http", "https") and parts.hostname else None


def _tag(kind: str, key: str) -> str:
    return f"{TAG_AUTHORITY}{kind}:{hashlib.blake2b(key.encode('utf-8', 'replace'), digest_size=12).hexdigest()}"


def entry_id(story: Mapping[str, Any]) -> str:
    """A stable entry id: the canonical URL when it is http(s), else a tag: URI hashed from it."""
    canonical = story.get("canonical_url") or story.get("url") or str(story.get("id"))
    return http_url(canonical) or _tag("story", str(canonical))


def original_outlet(story: Mapping[str, Any]) -> tuple[str, str | None]:
    """(name, http(s) link or None) of the outlet that first ran a story.

    The cluster's original story (``story["original"]``) if known, else the story itself; a
    credited ``original_source``/``original_url`` on that story wins over its own publisher.
    """
    first = story.get("original") or story
    name = first.get("original_source") or first.get("publisher") or first.get("source") or ""
    link = http_url(first.get("original_url")) or http_url(first.get("canonical_url"))
    return xml_text(name).strip() or "unknown outlet", link


def _moment(value: Any) -> datetime | None:
    if isinstance(value, datetime):
        return value if value.tzinfo else None
    try:
        moment = datetime.fromisoformat(str(value)) if value else None
    except ValueError:
        return None
    return moment if moment is not None and moment.tzinfo else None


def _updated(story: Mapping[str, Any], fallback: datetime) -> datetime:
    for name in ("modified_at", "published_at", "fetched_at"):
        if moment := _moment(story.get(name)):
            return moment
    return fallback


def _rfc3339(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def _summary(body: str) -> str:
    first = next((p.strip() for p in body.split("\n") if p.strip()), "")
    return first if len(first) <= SUMMARY_CHARS else first[: SUMMARY_CHARS - 1].rstrip() + "…"


def _atom(name: str) -> str:
    return f"{{{ATOM_NS}}}{name}"


def _sub(parent: Any, name: str, text: str | None = None, **attributes: str) -> Any:
    """A child element; ``attributes`` must already be XML-safe (URLs from ``http_url``)."""
    element = etree.SubElement(parent, name, attributes)
    if text is not None:
        element.text = xml_text(text)
    return element


def _atom_entry(story: Mapping[str, Any], fallback: datetime) -> Any:
    entry = etree.Element(_atom("entry"), nsmap={None: ATOM_NS})
    updated = _updated(story, fallback)
    _sub(entry, _atom("id"), entry_id(story))
    _sub(entry, _atom("title"), xml_text(story.get("title")).strip() or "(untitled)", type="text")
    _sub(entry, _atom("updated"), _rfc3339(updated))
    if published := _moment(story.get("published_at")):
        _sub(entry, _atom("published"), _rfc3339(published))
    if link := http_url(story.get("canonical_url")):
        _sub(entry, _atom("link"), rel="alternate", type="text/html", href=link)
    authors = [xml_text(a).strip() for a in story.get("authors") or [] if isinstance(a, str)]
    for name in [a for a in authors if a] or [xml_text(story.get("publisher") or "").strip()]:
        if name:
            _sub(_sub(entry, _atom("author")), _atom("name"), name)
    for term in [story.get("section"), *(story.get("tags") or [])]:
        if isinstance(term, str) and xml_text(term).strip():
            _sub(entry, _atom("category"), term=xml_text(term).strip())
    body = xml_text(story.get("body"))
    if body.strip():
        _sub(entry, _atom("summary"), _summary(body), type="text")
        _sub(entry, _atom("content"), body, type="text")
    name, outlet_link = original_outlet(story)
    source = _sub(entry, _atom("source"))
    _sub(source, _atom("id"), outlet_link or _tag("outlet", name))
    _sub(source, _atom("title"), name, type="text")
    if outlet_link:
        _sub(source, _atom("link"), rel="alternate", type="text/html", href=outlet_link)
    _sub(source, _atom("updated"), _rfc3339(updated))
    return entry


def _leaf(xf: Any, name: str, text: str, **attributes: str) -> None:
    """Write ``<name attributes>text</name>`` in the writer's current namespace context."""
    with xf.element(name, {k: xml_text(v) for k, v in attributes.items()}):
        xf.write(xml_text(text))
    xf.write("\n")


def write_atom(stories: Iterable[Mapping[str, Any]], out: IO[bytes], info: FeedInfo) -> int:
    """Write an Atom feed of ``stories`` to a binary stream; returns the number of entries.

    The feed has an author (wirecrawl), so entries without authors stay valid; each entry's
    ``source`` names the original outlet.
    """
    count = 0
    with etree.xmlfile(out, encoding="utf-8") as xf:
        xf.write_declaration()
        with xf.element(_atom("feed"), nsmap={None: ATOM_NS}):
            xf.write("\n")
            _leaf(xf, _atom("id"), info.feed_id)
            _leaf(xf, _atom("title"), info.title, type="text")
            if info.subtitle:
                _leaf(xf, _atom("subtitle"), info.subtitle, type="text")
            _leaf(xf, _atom("updated"), _rfc3339(info.updated))
            with xf.element(_atom("author")):
                _leaf(xf, _atom("name"), info.generator)
            _leaf(xf, _atom("generator"), info.generator)
            if link := http_url(info.link):
                _leaf(xf, _atom("link"), "", rel="alternate", type="text/html", href=link)
            if self_link := http_url(info.self_link):
                _leaf(
                    xf, _atom("link"), "", rel="self", type="application/atom+xml", href=self_link
                )
            for story in stories:
                xf.write(_atom_entry(story, info.updated), "\n")
                count += 1
    return count


def _rss_item(story: Mapping[str, Any]) -> Any:
    item = etree.Element("item", nsmap={"dc": DC_NS})
    _sub(item, "title", xml_text(story.get("title")).strip() or "(untitled)")
    link = http_url(story.get("canonical_url"))
    if link:
        _sub(item, "link", link)
    _sub(item, "guid", entry_id(story), isPermaLink="true" if entry_id(story) == link else "false")
    moment = _moment(story.get("published_at")) or _moment(story.get("fetched_at"))
    if moment:
        _sub(item, "pubDate", format_datetime(moment.astimezone(UTC), usegmt=True))
    body = xml_text(story.get("body"))
    if body.strip():
        _sub(item, "description", body)
    for author in story.get("authors") or []:
        if isinstance(author, str) and xml_text(author).strip():
            _sub(item, f"{{{DC_NS}}}creator", xml_text(author).strip())
    for term in [story.get("section"), *(story.get("tags") or [])]:
        if isinstance(term, str) and xml_text(term).strip():
            _sub(item, "category", xml_text(term).strip())
    name, outlet_link = original_outlet(story)
    if outlet_link:
        _sub(item, "source", name, url=outlet_link)
    return item


def write_rss(stories: Iterable[Mapping[str, Any]], out: IO[bytes], info: FeedInfo) -> int:
    """Write an RSS 2.0 feed of ``stories`` to a binary stream; returns the number of items.

    Each item's ``<source url="...">`` names the original outlet (omitted without an http(s)
    link, since RSS requires the url attribute); authors go in ``dc:creator``.
    """
    count = 0
    with etree.xmlfile(out, encoding="utf-8") as xf:
        xf.write_declaration()
        rss = xf.element("rss", version="2.0", nsmap={"dc": DC_NS, "atom": ATOM_NS})
        with rss, xf.element("channel"):
            xf.write("\n")
            _leaf(xf, "title", info.title)
            _leaf(xf, "link", http_url(info.link) or DEFAULT_LINK)
            _leaf(xf, "description", info.subtitle or info.title)
            _leaf(xf, "lastBuildDate", format_datetime(info.updated.astimezone(UTC), usegmt=True))
            _leaf(xf, "generator", info.generator)
            if self_link := http_url(info.self_link):
                _leaf(xf, _atom("link"), "", rel="self", type="application/rss+xml", href=self_link)
            for story in stories:
                xf.write(_rss_item(story), "\n")
                count += 1
    return count

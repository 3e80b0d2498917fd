"""What happens to one page, as pure functions: the single definition shared by the crawl's
pipelines, ``wirecrawl extract``, ``wirecrawl fixture``, ``wirecrawl reextract`` and the
saved-page tests, so they cannot drift apart.

``story_from_page`` extracts a Story; ``clean_story``, ``date_story`` and ``canonical_story``
are the pure helpers of the clean, dates and URL pipelines; ``process_page`` runs them all.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from wirecrawl.items import Story
from wirecrawl.sources import Source


def story_from_page(
    page: bytes | str,
    url: str,
    *,
    source: Source | None,
    fetched_at: datetime,
    headers: Mapping[str, str] | None = None,
    seen: Mapping[str, str] | None = None,
    aliases: Collection[str] = (),
    learned: Collection[str] = (),
    keep_raw: bool = True,
) -> Story:
    """Extract a page into a Story; ``seen`` is what discovery saw of it (origin -> stamp).

    Raises ``wirecrawl.extract.ExtractError`` for bytes that are not a page at all.
    """
    from wirecrawl.extract import extract

    found = extract(page, url, source=source, headers=headers, learned_boilerplate=learned)
    candidates = [
        {"text": c.text, "origin": c.origin, "detail": c.detail} for c in found.date_candidates
    ]
    for origin, text in (seen or {}).items():
        candidates.append({"text": text, "origin": origin, "detail": "discovery"})
    raw = page.encode("utf-8") if isinstance(page, str) else page
    return Story(
        source=source.name if source else "",
        url=url,
        fetched_at=fetched_at,
        title=found.title,
        body="\n\n".join(found.body) if found.body else None,
        authors=list(found.authors),
        section=found.section,
        tags=list(found.tags),
        language=found.language,
        canonical_url=found.canonical_url,
        lead_image=found.lead_image,
        publisher=found.publisher or (source.display_name if source else None),
        original_source=found.original_source,
        original_url=found.original_url,
        attribution_evidence=list(found.attribution_evidence),
        evidence=dict(found.evidence),
        date_candidates=candidates,
        modified_raw=found.modified_candidates[0].text if found.modified_candidates else None,
        aliases=sorted(set(aliases) - {url}),
        raw_html=raw if keep_raw else None,
    )


def clean_story(story: Story, source: Source | None, learned: Collection[str] = ()) -> Story:
    """Clean title, authors and body paragraphs (generic rules, source patterns, ``learned``)."""
    from wirecrawl.extract.text import clean_paragraphs, clean_text

    paragraphs = [p for p in (story.body or "").split("\n\n") if p.strip()]
    story.body = "\n\n".join(clean_paragraphs(paragraphs, source, learned)) or None
    story.title = clean_text(story.title) or None
    story.authors = [a for a in (clean_text(a) for a in story.authors) if a]
    return story


def date_options(source: Source | None) -> dict[str, Any]:
    """The date settings a source implies (UTC and detected languages without one)."""
    if source is None:
        return {"timezone": "UTC", "languages": None, "date_order": None}
    return {
        "timezone": source.timezone,
        "languages": list(source.languages) or None,
        "date_order": source.date_order,
    }


def date_story(story: Story, source: Source | None, normaliser: Any) -> Story:
    """Choose and normalise the publication time among the candidates; untrusted means null.

    ``normaliser`` is a :class:`wirecrawl.dates.DateNormaliser` (shared, for its cache).
    """
    from wirecrawl.dates import DateCandidate

    options = date_options(source)
    candidates = [
        DateCandidate(c["text"], c["origin"], c.get("detail", "")) for c in story.date_candidates
    ]
    choice = normaliser.choose(candidates, story.fetched_at, **options)
    result = choice.result
    story.date_evidence = list(choice.evidence)
    story.published_raw = choice.candidate.text if choice.candidate else (result.raw or None)
    ok = result.reason is None
    story.published_at = result.published_at if ok else None
    story.published_precision = result.precision if ok else None
    story.published_earliest = result.earliest if ok else None
    story.published_latest = result.latest if ok else None
    story.date_reason = None if ok else result.reason
    if ok and choice.candidate is not None:
        story.evidence["published_at"] = (
            f"{choice.candidate.origin}:{choice.candidate.detail} ({result.rule}, {result.precision})"
        )
    else:
        story.evidence["published_at"] = f"none ({result.reason})"
    story.modified_at = None
    if story.modified_raw:
        modified = normaliser.parse(story.modified_raw, story.fetched_at, **options)
        story.modified_at = modified.published_at if modified.reason is None else None
    return story


def canonical_story(story: Story) -> Story:
    """Canonical URL (same-site rel=canonical wins; cross-site becomes attribution evidence),
    every other spelling kept as an alias, and the content hash of the normalised body (a
    headline change is a revision too, but it does not make a different text)."""
    from wirecrawl.dedup import content_hash
    from wirecrawl.urls import canonicalize, choose_canonical

    if story.url.startswith("file:"):
        # a saved page read without its URL: its own canonical link is the best address we have
        declared = story.canonical_url
        canonical = canonicalize(declared) if declared and "://" in declared else story.url
        cross_site = None
    else:
        canonical, cross_site = choose_canonical(story.url, story.canonical_url)
    if cross_site:
        story.attribution_evidence = [
            *story.attribution_evidence,
            f"cross-site canonical: {cross_site}",
        ]
        if not story.original_url:
            story.original_url = cross_site
    spellings = {story.url, *story.aliases, *([story.canonical_url] if story.canonical_url else [])}
    story.canonical_url = canonical
    story.aliases = sorted(u for u in spellings if u != canonical)
    story.content_hash = content_hash(story.body or "")
    return story


def attribute_story(story: Story, registry: Sequence[Source]) -> Story:
    """Name the original outlet as the registry does when its URL is on a site we know.

    A Persian translation crediting "خبرگزاری مریدین" with a link to meridian's site is from
    "Meridian Press Agency": the written name is kept in the evidence. The site crawled is never
    its own original source.
    """
    if not story.original_url or not registry:
        return story
    from urllib.parse import urlsplit

    host = (urlsplit(story.original_url).hostname or "").lower()
    for source in registry:
        if source.name != story.source and host and host in source.domains:
            if story.original_source != source.display_name:
                story.attribution_evidence = [
                    *story.attribution_evidence,
                    f"original source named by the registry ({source.name}); "
                    f"the page wrote {story.original_source!r}",
                ]
                story.original_source = source.display_name
            break
    return story


def process_page(
    page: bytes | str,
    url: str,
    *,
    source: Source | None,
    fetched_at: datetime | None = None,
    normaliser: Any = None,
    headers: Mapping[str, str] | None = None,
    learned: Collection[str] = (),
    registry: Sequence[Source] = (),
) -> Story:
    """The whole per-page path of a crawl, without the engine or the database."""
    from wirecrawl.dates import DateNormaliser

    story = story_from_page(
        page,
        url,
        source=source,
        fetched_at=fetched_at or datetime.now(UTC),
        headers=headers,
        learned=learned,
    )
    clean_story(story, source, learned)
    date_story(story, source, normaliser or DateNormaliser())
    return attribute_story(canonical_story(story), registry)


def _iso(value: datetime | None) -> str | None:
    return value.astimezone(UTC).isoformat() if value else None


def story_record(story: Story, path: str) -> dict[str, Any]:
    """The ``extract --json`` object for one story (its key set is a documented contract)."""
    evidence = dict(story.evidence)
    evidence["date_candidates"] = "; ".join(
        f"{e['origin']}:{e['detail']}={e['raw']} -> "
        f"{e.get('published_at') or e.get('reason')}{' [chosen]' if e.get('chosen') else ''}"
        for e in story.date_evidence
    )
    return {
        "path": path,
        "title": story.title,
        "body": story.body or "",
        "authors": list(story.authors),
        "published_raw": story.published_raw,
        "published_at": _iso(story.published_at),
        "modified_at": _iso(story.modified_at),
        "language": story.language,
        "section": story.section,
        "tags": list(story.tags),
        "canonical_url": story.canonical_url,
        "publisher": story.publisher,
        "original_source": story.original_source,
        "original_url": story.original_url,
        "evidence": evidence,
    }

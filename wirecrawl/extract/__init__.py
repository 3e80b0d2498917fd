"""Article extraction: ``extract(page, url, source=...) -> Extracted``, pure and offline.

The page is decoded (``decode``) and parsed once; each layer reads the same tree:

1. ``structured`` - JSON-LD (with ``@graph`` and ``@id`` references), microdata, meta tags;
2. ``selectors`` - the source's own CSS selectors, when it has them;
3. ``content`` - the generic main-content extractor (guided by a structured ``articleBody``
   when there is one, so a truncated ``articleBody`` never replaces the full page text), with
   trafilatura as a fallback for pages where it finds next to nothing.

Attribution (``attribution``) is read before boilerplate is stripped, except a closing
"— Outlet", read off the last paragraph of the finished body; paragraphs are then cleaned
(``text.clean_paragraphs``: generic, per-source and learned boilerplate). Every field records
in ``evidence`` the layer/rule it came from. Publication times are returned as written
(``date_candidates``); choosing and normalising them is ``wirecrawl.dates``' job.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from wirecrawl.extract.boilerplate import (
    BoilerplateLearner,
    learned_key_set,
    paragraph_key,
    source_rule,
)
from wirecrawl.extract.decode import ExtractError, decode_page, header

if TYPE_CHECKING:
    from lxml.html import HtmlElement

    from wirecrawl.dates import DateCandidate
    from wirecrawl.extract.content import Block, Selection
    from wirecrawl.extract.dom import HintIndex
    from wirecrawl.extract.selectors import SelectorFields
    from wirecrawl.extract.structured import Structured
    from wirecrawl.sources import Source

__all__ = ["BoilerplateLearner", "ExtractError", "Extracted", "extract"]

_SHORT_BODY = 150
_TAG_SPLIT_RE = re.compile(r"\s*[,;،؛|]\s*")
_CREDIT_HINT_RE = re.compile(
    r"(?:^|[-_\s])(?:source|sources|credit|credits|origin|original|republish\w*|syndicat\w*"
    r"|news-source|article-source|story-source|manba|masdar)(?:$|[-_\s])"
)


@dataclass
class Extracted:
    """What one page says about its story; ``evidence`` names the layer/rule of each field."""

    title: str | None = None
    body: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    date_candidates: list[DateCandidate] = field(default_factory=list)
    modified_candidates: list[DateCandidate] = field(default_factory=list)
    language: str | None = None
    section: str | None = None
    tags: list[str] = field(default_factory=list)
    canonical_url: str | None = None
    lead_image: str | None = None
    publisher: str | None = None
    original_source: str | None = None
    original_url: str | None = None
    attribution_evidence: list[str] = field(default_factory=list)
    evidence: dict[str, str] = field(default_factory=dict)
    boilerplate_removed: list[str] = field(default_factory=list)


_SELECTOR_FIELDS = (
    "title",
    "body",
    "authors",
    "published",
    "modified",
    "section",
    "tags",
    "credit",
)


def _has_selectors(source: Source) -> bool:
    return any(getattr(source.selectors, name) for name in _SELECTOR_FIELDS)


def _skip_elements(
    root: HtmlElement, source: Source | None, removed: list[str]
) -> list[HtmlElement]:
    """Elements matched by the source's ``boilerplate_selectors`` (their text is recorded)."""
    if source is None or not source.boilerplate_selectors:
        return []
    from lxml.html import HtmlElement as Element
    from parsel import Selector

    selector = Selector(root=root, type="html")
    elements: list[HtmlElement] = []
    for query in source.boilerplate_selectors:
        try:
            matches = selector.css(query)
        except Exception:  # a selector cssselect cannot run is skipped, not fatal
            continue
        for match in matches:
            if isinstance(match.root, Element):
                elements.append(match.root)
                text = " ".join(match.root.text_content().split())
                if text:
                    removed.append(text)
    return elements


def _host_label(url: str) -> str | None:
    host = (urlsplit(url).hostname or "").lower()
    labels = [p for p in host.split(".") if p not in ("www", "m", "amp", "mobile")]
    return labels[0] if len(labels) >= 2 else None


def _site_names(found: Structured, source: Source | None, url: str) -> list[str]:
    """Every name the site goes by: display name, og:site_name, publisher, host label."""
    from wirecrawl.extract.structured import jsonld_text, types_of

    publisher = found.resolve((found.article or {}).get("publisher"))
    names = [
        source.display_name if source else None,
        found.first_meta("og:site_name"),
        found.first_meta("application-name", "apple-mobile-web-app-title", "twitter:site"),
        jsonld_text(publisher),
        _host_label(url),
    ]
    for node in found.nodes:
        if {"organization", "newsmediaorganization", "website"} & types_of(node):
            names.append(jsonld_text(node.get("name")))
    return [n.lstrip("@") for n in names if n]


def _publisher(found: Structured, source: Source | None) -> tuple[str | None, str]:
    from wirecrawl.extract.structured import jsonld_text

    if source is not None:
        return source.display_name, "source"
    site = found.first_meta("og:site_name")
    if site:
        return site, "meta:og:site_name"
    publisher = found.resolve((found.article or {}).get("publisher"))
    name = jsonld_text(publisher)
    if name:
        return name, "jsonld:publisher"
    return None, "none"


def _title(
    h1s: list[HtmlElement],
    found: Structured,
    selected: SelectorFields | None,
    site_names: list[str],
) -> tuple[str | None, str]:
    from wirecrawl.extract.structured import jsonld_text, microdata_value
    from wirecrawl.extract.text import clean_text
    from wirecrawl.extract.title import choose_title

    if selected is not None and selected.title:
        return clean_text(selected.title), "selectors"
    article = found.article or {}
    candidates: list[tuple[str, str]] = []
    for key in ("headline", "name", "alternativeHeadline"):
        text = jsonld_text(article.get(key))
        if text:
            candidates.append((text, f"jsonld:{key}"))
            break
    for el in found.microdata.get("headline", [])[:1]:
        candidates.append((microdata_value(el), "microdata"))
    for name in (
        "og:title",
        "twitter:title",
        "parsely-title",
        "sailthru.title",
        "dc.title",
        "title",
    ):
        value = found.first_meta(name)
        if value:
            candidates.append((value, f"meta:{name}"))
    return choose_title(candidates, h1s, found.title_tag, site_names)


def _authors(
    region: HtmlElement,
    index: HintIndex,
    found: Structured,
    selected: SelectorFields | None,
    site_names: list[str],
    body_bylines: list[str],
) -> tuple[list[str], str]:
    """Authors from the first layer that names a person: selectors, JSON-LD, microdata, meta,
    the byline element, a "By ..." line in the body; the site itself only if it is the byline."""
    from wirecrawl.extract.authors import byline_texts, clean_names
    from wirecrawl.extract.structured import jsonld_people, microdata_value

    if selected is not None and selected.authors:
        names = clean_names(selected.authors)
        if names:
            return names, "selectors"
    article = found.article or {}
    people = jsonld_people(found, article.get("author") or article.get("creator"))
    persons = [name for name, is_org in people if not is_org]
    if persons:
        names = clean_names(persons, site_names)
        if names:
            return names, "jsonld:author"
    micro = []
    for el in found.microdata.get("author", []) + found.microdata.get("creator", []):
        inner = [n for n in el.iter() if n is not el and (n.get("itemprop") or "") == "name"]
        micro.append(microdata_value(inner[0]) if inner else microdata_value(el))
    names = clean_names([m for m in micro if m and "://" not in m], site_names)
    if names:
        return names, "microdata:author"
    for key in (
        "author",
        "article:author",
        "parsely-author",
        "sailthru.author",
        "dc.creator",
        "citation_author",
        "byl",
        "dcterms.creator",
    ):
        values = [v for v in found.all_meta(key) if "://" not in v]
        names = clean_names(values, site_names)
        if names:
            return names, f"meta:{key}"
    bylines = byline_texts(region, index)
    names = clean_names(bylines, site_names)
    if names:
        return names, "byline"
    names = clean_names(body_bylines, site_names)
    if names:
        return names, "byline:text"
    organisations = clean_names([name for name, is_org in people if is_org] + bylines)
    if organisations and bylines:
        return organisations[:1], "byline:site"
    return [], "none"


def _section_and_tags(
    found: Structured, selected: SelectorFields | None
) -> tuple[str | None, list[str], dict[str, str]]:
    from wirecrawl.extract.structured import jsonld_list, jsonld_text
    from wirecrawl.extract.text import clean_text

    evidence: dict[str, str] = {}
    article = found.article or {}
    section = None
    if selected is not None and selected.section:
        section, evidence["section"] = selected.section, "selectors"
    if not section:
        section = jsonld_text(article.get("articleSection"))
        evidence["section"] = "jsonld:articleSection"
    if not section:
        section = found.first_meta("article:section", "parsely-section", "section", "og:section")
        evidence["section"] = "meta"
    tags: list[str] = []
    if selected is not None and selected.tags:
        tags, evidence["tags"] = list(selected.tags), "selectors"
    if not tags:
        tags, evidence["tags"] = found.all_meta("article:tag"), "meta:article:tag"
    if not tags:
        raw = [t for t in (jsonld_text(v) for v in jsonld_list(article.get("keywords"))) if t]
        tags, evidence["tags"] = raw, "jsonld:keywords"
    if not tags:
        tags = found.all_meta("news_keywords", "parsely-tags", "sailthru.tags", "keywords")
        evidence["tags"] = "meta:keywords"
    split: list[str] = []
    for value in tags:
        for tag in _TAG_SPLIT_RE.split(value):
            tag = clean_text(tag)
            if tag and len(tag) <= 80 and tag.casefold() not in {t.casefold() for t in split}:
                split.append(tag)
    section = clean_text(section) or None if section else None
    if not section:
        evidence.pop("section", None)
    if not split:
        evidence.pop("tags", None)
    return section, split[:50], evidence


def _lead_image(
    found: Structured, base: str, containers: list[HtmlElement]
) -> tuple[str | None, str]:
    from wirecrawl.extract.dom import absolute
    from wirecrawl.extract.structured import jsonld_url, microdata_value

    value = found.first_meta(
        "og:image", "og:image:url", "og:image:secure_url", "twitter:image", "twitter:image:src"
    )
    origin = "meta"
    if not value:
        value, origin = jsonld_url((found.article or {}).get("image")), "jsonld"
    if not value:
        images = found.microdata.get("image", [])
        value, origin = (microdata_value(images[0]) if images else None), "microdata"
    if not value:
        for container in containers:
            img = next(container.iter("img"), None)
            if img is not None:
                value, origin = img.get("src") or img.get("data-src"), "content"
                break
    url = absolute(value, base) if value else None
    return url, origin if url else "none"


def _language(
    found: Structured, headers: Mapping[str, str] | None, sample: str
) -> tuple[str | None, str]:
    from wirecrawl.extract.language import choose_language
    from wirecrawl.extract.structured import jsonld_text

    declared = [
        jsonld_text((found.article or {}).get("inLanguage")),
        found.html_lang,
        found.first_meta("og:locale"),
        found.first_meta("content-language", "language", "dc.language", "dcterms.language"),
        header(headers, "content-language"),
    ]
    return choose_language(declared, sample)


def _selector_body(
    selected: SelectorFields, skip: list[HtmlElement]
) -> tuple[list[Block], list[Block]]:
    from wirecrawl.extract.content import Block, element_blocks, split_furniture

    if selected.body_elements:
        return split_furniture(element_blocks(selected.body_elements, skip))
    texts = [
        Block(
            text=t, tag="p", path=(), link_chars=0, links=[], negatives=(), anonymous=False, index=i
        )
        for i, t in enumerate(selected.body_texts)
    ]
    return texts, []


def _credit_blocks(
    region: HtmlElement, index: HintIndex, selected: SelectorFields | None
) -> list[Block]:
    from wirecrawl.extract.content import Block, element_blocks
    from wirecrawl.extract.dom import hint_text

    elements = list(selected.credit_elements) if selected is not None else []
    for el in index.find(_CREDIT_HINT_RE, region)[:20]:
        hint = hint_text(el)
        if "image" not in hint and "photo" not in hint and el.tag not in ("img", "meta", "link"):
            elements.append(el)
    blocks = element_blocks(elements)
    if selected is not None:
        blocks += [
            Block(text=t, tag="p", path=(), link_chars=0, links=[], negatives=(), anonymous=False)
            for t in selected.credit_texts
        ]
    return blocks


def _body(
    root: HtmlElement,
    selected: SelectorFields | None,
    skip: list[HtmlElement],
    index: HintIndex,
    headline: HtmlElement | None,
    guide: str | None,
) -> tuple[list[Block], list[Block], list[HtmlElement], str]:
    """The body blocks before cleaning, furniture blocks inside it, containers, and the rule."""
    from wirecrawl.extract.content import select_main

    if selected is not None and (selected.body_elements or selected.body_texts):
        kept, excluded = _selector_body(selected, skip)
        if kept:
            return kept, excluded, list(selected.body_elements), "selectors"
    selection: Selection = select_main(root, guide=guide, skip=skip, index=index, headline=headline)
    rule = {
        "guided": "jsonld+page",
        "named": "content:named",
        "score": "content:score",
        "short": "content:short",
    }.get(selection.rule, "none")
    return selection.blocks, selection.excluded, selection.containers, rule


_DENSE_SCRIPT_RE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


def _weight(paragraphs: list[str]) -> int:
    """Text length, a CJK character counting as three (it carries a word's worth of text)."""
    return sum(len(p) + 2 * len(_DENSE_SCRIPT_RE.findall(p)) for p in paragraphs)


def _assemble_body(
    kept_texts: list[str],
    guide: str | None,
    found: Structured,
    root: HtmlElement,
    url: str,
    rule: str,
    source: Source | None,
    learned: Collection[str],
) -> tuple[list[str], str]:
    """Compare the page body with the structured one and the fallbacks; keep the best."""
    from wirecrawl.extract.fallback import embedded_paragraphs, trafilatura_paragraphs
    from wirecrawl.extract.text import clean_paragraphs

    body = clean_paragraphs(kept_texts, source, learned)
    length = _weight(body)
    if guide and rule != "selectors":
        guide_paragraphs = clean_paragraphs(guide.split("\n"), source, learned)
        guide_length = _weight(guide_paragraphs)
        if guide_length > 0 and length < 0.6 * guide_length:
            return guide_paragraphs, "jsonld"
    if length >= _SHORT_BODY or rule == "selectors":
        return body, rule
    fallback = clean_paragraphs(trafilatura_paragraphs(root, url), source, learned)
    if _weight(fallback) > 2 * max(length, 40):
        return fallback, "trafilatura"
    if not body and found.embedded is not None:
        embedded = clean_paragraphs(embedded_paragraphs(found.embedded), source, learned)
        if embedded:
            return embedded, "embedded"
    return body, rule


def extract(
    page: bytes | str,
    url: str,
    *,
    source: Source | None = None,
    headers: Mapping[str, str] | None = None,
    learned_boilerplate: Collection[str] = (),
) -> Extracted:
    """Extract one article page; never raises on a malformed page, only ExtractError for bytes
    that cannot be read at all (empty, corrupt gzip, binary)."""
    decoded = decode_page(page, headers)
    return _extract_text(
        decoded.text, url, decoded.evidence, source, headers, learned_boilerplate, decoded.utf8
    )


def _extract_text(
    text: str,
    url: str,
    encoding_evidence: str,
    source: Source | None,
    headers: Mapping[str, str] | None,
    learned: Collection[str],
    utf8: bytes | None = None,
) -> Extracted:
    from wirecrawl.dates import DateCandidate
    from wirecrawl.extract.attribution import closing_credit, find_attribution, site_for
    from wirecrawl.extract.candidates import find_dates
    from wirecrawl.extract.content import story_region
    from wirecrawl.extract.dom import HintIndex, base_url, parse_html
    from wirecrawl.extract.selectors import apply_selectors
    from wirecrawl.extract.structured import article_body, read_structured
    from wirecrawl.extract.title import h1_candidates, headline_element

    out = Extracted(evidence={"encoding": encoding_evidence})
    root = parse_html(text, utf8)
    index = HintIndex(root)  # one walk of the page, shared by every layer below
    found = read_structured(root, url, index.microdata)
    url = _web_url(found, url)
    base = base_url(root, url)
    selected = None
    if source is not None and _has_selectors(source):
        selected = apply_selectors(root, source.selectors)
    if selected is not None and selected.errors:
        out.evidence["selector_errors"] = "; ".join(selected.errors)
    site_names = _site_names(found, source, url)
    out.publisher, out.evidence["publisher"] = _publisher(found, source)
    cross_site = _canonical(out, found, url, base)

    h1s = h1_candidates(root)  # the title's evidence, then where the headline is
    out.title, out.evidence["title"] = _title(h1s, found, selected, site_names)
    headline = headline_element(root, out.title, h1s)
    skip = _skip_elements(root, source, out.boilerplate_removed)
    guide = article_body(found.article) if found.article else None
    kept, excluded, containers, rule = _body(root, selected, skip, index, headline, guide)
    region = story_region(root, containers, headline)

    dates = find_dates(root, region, index, found, url, selected)
    out.date_candidates = [DateCandidate(t, o, d) for t, o, d in dates.published]
    out.modified_candidates = [DateCandidate(t, o, d) for t, o, d in dates.modified]
    if dates.published:
        out.evidence["published"] = f"{dates.published[0][1]}:{dates.published[0][2]}"

    story_blocks = sorted([*kept, *excluded], key=lambda b: b.index)
    site = site_for(site_names, url, base)
    attribution = find_attribution(
        story_blocks, _credit_blocks(region, index, selected), found, site, cross_site
    )

    body_bylines: list[str] = []
    out.boilerplate_removed.extend(b.text for b in excluded)
    texts = _filter_body(
        kept, attribution.credit_lines, source, learned, out.boilerplate_removed, body_bylines
    )
    out.body, out.evidence["body"] = _assemble_body(
        texts, guide, found, root, url, rule, source, learned
    )
    closing_credit(attribution, out.body, site)
    out.original_source, out.original_url = attribution.source, attribution.url
    out.attribution_evidence = attribution.evidence
    if attribution.rule:
        out.evidence["original_source"] = attribution.rule
    _strip_markers(out.body, attribution.strip_prefix, attribution.strip_suffix)
    if out.title and out.body and paragraph_key(out.body[0]) == paragraph_key(out.title):
        out.body = out.body[1:]
    out.authors, out.evidence["authors"] = _authors(
        region, index, found, selected, site_names, body_bylines
    )
    if out.authors and out.body and _is_byline_of(out.body[0], out.authors):
        out.boilerplate_removed.append(out.body.pop(0))
    out.section, out.tags, tag_evidence = _section_and_tags(found, selected)
    out.evidence.update(tag_evidence)
    out.lead_image, out.evidence["lead_image"] = _lead_image(found, base, containers)
    sample = " ".join([out.title or "", *out.body[:6]])
    out.language, out.evidence["language"] = _language(found, headers, sample)
    out.evidence = {k: v for k, v in out.evidence.items() if v and v != "none"}
    return out


def _filter_body(
    kept: list[Block],
    credit_lines: set[str],
    source: Source | None,
    learned: Collection[str],
    removed: list[str],
    bylines: list[str],
) -> list[str]:
    """The body blocks' texts without credit lines, boilerplate (generic, the source's, learned)
    and byline/date lines; what is left out goes to ``removed``, byline lines also to ``bylines``."""
    from wirecrawl.extract.content import filter_blocks

    learned_keys = learned_key_set(learned)
    credit_keys = {paragraph_key(t) for t in credit_lines}
    entries = source.boilerplate if source is not None else ()

    def extra(text: str) -> bool:
        key = paragraph_key(text)
        return key in credit_keys or key in learned_keys or source_rule(text, entries)

    filtered = filter_blocks(kept, is_extra_boilerplate=extra, removed=removed, bylines=bylines)
    return [b.text for b in filtered]


def _strip_markers(body: list[str], prefix: str | None, suffix: str | None) -> None:
    """Take a bare agency opening ("(MPA) — ") and a closing "— Outlet" off the body's ends."""
    if body and prefix and body[0].startswith(prefix.strip()):
        body[0] = body[0][len(prefix.strip()) :].strip()
    if body and suffix and body[-1].endswith(suffix.strip()):
        body[-1] = body[-1][: -len(suffix.strip())].rstrip()
    if body and not body[-1]:
        body.pop()
    if body and not body[0]:
        body.pop(0)


def _web_url(found: Structured, url: str) -> str:
    """The page's web address: ``url`` itself, or for a saved file (``file://``, no URL given)
    the absolute http(s) canonical or og:url it declares, so the site is known."""
    if urlsplit(url).scheme in ("http", "https"):
        return url
    for link in (*found.links.get("canonical", []), found.first_meta("og:url") or ""):
        link = link.strip()
        if urlsplit(link).scheme in ("http", "https") and urlsplit(link).hostname:
            return link
    return url


def _is_byline_of(paragraph: str, authors: list[str]) -> bool:
    return len(paragraph) <= 120 and all(a.casefold() in paragraph.casefold() for a in authors)


def _canonical(out: Extracted, found: Structured, url: str, base: str) -> str | None:
    """Set the declared same-site canonical URL; return a cross-site one (attribution evidence).

    ``rel=canonical`` then ``og:url``, made absolute; a link to the site's home page from an
    article is ignored. Spelling is left as declared: the URL pipeline canonicalises it.
    """
    from wirecrawl.extract.attribution import same_site
    from wirecrawl.extract.dom import absolute

    cross_site = None
    declared = [
        (absolute(next(iter(found.links.get("canonical", [])), None), base), "rel=canonical"),
        (absolute(found.first_meta("og:url"), base), "og:url"),
    ]
    page_path = urlsplit(url).path.strip("/")
    for link, origin in declared:
        if not link or not link.startswith(("http://", "https://")):
            continue
        if not same_site(link, url):
            cross_site = cross_site or link
        elif out.canonical_url is None and (urlsplit(link).path.strip("/") or not page_path):
            out.canonical_url = link
            out.evidence["canonical_url"] = origin
    return cross_site

"""Publication and modification time candidates, as written, for ``wirecrawl.dates`` to choose.

Origins follow the ranks of ``wirecrawl.dates.choose``: ``jsonld``, ``microdata``, ``meta``
(structured), ``time`` (a ``<time datetime>`` or a selector's attribute value), ``byline``
(visible date text near the byline, or a selector's text), ``embedded`` (an app state such as
``__NEXT_DATA__``) and ``url`` (the page URL, when its path holds a date). ``<time>`` elements
inside furniture (related lists, sidebars, comments) are skipped, since the chooser takes the
earliest of disagreeing candidates of one rank. Each text appears once, at its best origin.

Visible date text is read without the names in it: an author element inside a byline/meta block
("<span class=author>بقلم: ...</span> <span class=post-date>...</span>") is left out, and a clock
alone in the element right after (or before) the date ("<span class=post-time>٠٦:١٤ م</span>")
is joined to it, so the date keeps its time of day.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from lxml.html import HtmlElement

from wirecrawl.extract.authors import BY_START_RE, BYLINE_HINT_RE
from wirecrawl.extract.dom import SKIP_TAGS, HintIndex, hint_matches, hint_text, within_element
from wirecrawl.extract.selectors import SelectorFields
from wirecrawl.extract.structured import (
    Structured,
    embedded_dates,
    embedded_modified,
    jsonld_text,
    microdata_value,
)

PUBLISHED_META = (
    "article:published_time",
    "og:article:published_time",
    "og:published_time",
    "article:published",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "published_time",
    "published-date",
    "date_published",
    "sailthru.date",
    "parsely-pub-date",
    "article.published",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "dcterms.date",
    "dc.date.created",
    "dcterms.created",
    "citation_publication_date",
    "citation_date",
    "cxenseparse:recs:publishtime",
    "originalpublicationdate",
    "date",
    "release_date",
)
MODIFIED_META = (
    "article:modified_time",
    "og:updated_time",
    "article:modified",
    "datemodified",
    "dcterms.modified",
    "dc.date.modified",
    "last-modified",
    "lastmod",
    "revised",
    "updated_time",
)
_FURNITURE_RE = re.compile(
    r"related|recommend|sidebar|comment|widget|popular|trending|teaser|more-|latest|recent"
    r"|promo|footer|nav|menu|card|list-item|feed"
)
_MODIFIED_HINT_RE = re.compile(r"updated|modified|last-?mod|edited|revised|بروز|به‌روز|تحديث")
_DATE_HINT_RE = re.compile(
    r"(?:^|[-_\s])(?:date|dateline|time|timestamp|published|publish|pubdate|posted|post-date"
    r"|entry-date|article-date|story-date|byline|meta|info|tarikh|zaman)(?:$|[-_\s])"
)
_DIGIT_RE = re.compile(r"\d|[\u06f0-\u06f9\u0660-\u0669]")
# A clock already in a date text: "14:20", "٠٦:١٤" (Python's \d takes Arabic-Indic digits too).
_CLOCK_IN_TEXT_RE = re.compile(r"\d{1,2}[:：]\d{2}")
_SEPARATOR_RE = re.compile(r"[\s|,،\-–—/·•]*")


@dataclass
class Found:
    """Candidates in priority order as ``(text, origin, detail)``."""

    published: list[tuple[str, str, str]] = field(default_factory=list)
    modified: list[tuple[str, str, str]] = field(default_factory=list)

    def add(
        self, target: list[tuple[str, str, str]], text: str | None, origin: str, detail: str
    ) -> None:
        """Append a candidate unless empty, overlong or already in ``target``."""
        if not text:
            return
        text = " ".join(str(text).split())
        if not text or len(text) > 200:
            return
        if any(t == text for t, _, _ in target):
            return
        target.append((text, origin, detail))


def _in_furniture(el: HtmlElement) -> bool:
    for ancestor in el.iterancestors():
        if ancestor.tag in ("aside", "nav", "footer") and not _inside_article(ancestor):
            return True
        if ancestor.tag in SKIP_TAGS and ancestor.tag not in ("header", "footer"):
            return True
        hint = hint_text(ancestor)
        if hint and hint_matches(_FURNITURE_RE, hint):
            return True
    return False


def _inside_article(el: HtmlElement) -> bool:
    return any(a.tag in ("article", "main") for a in el.iterancestors())


def _structured(found: Structured, out: Found) -> None:
    article = found.article or {}
    published = jsonld_text(article.get("datePublished"))
    out.add(out.published, published, "jsonld", "datePublished")
    if not published:
        for key in ("dateCreated", "uploadDate", "coverageStartTime"):
            out.add(out.published, jsonld_text(article.get(key)), "jsonld", key)
    out.add(out.modified, jsonld_text(article.get("dateModified")), "jsonld", "dateModified")
    scope = found.microdata_scope
    for prop, target in (("datePublished", out.published), ("dateModified", out.modified)):
        for el in found.microdata.get(prop, []):
            if el.tag == "meta" and prop.lower() in found.meta and scope is None:
                continue
            out.add(target, microdata_value(el), "microdata", prop)
    for name in PUBLISHED_META:
        for value in found.meta.get(name, []):
            out.add(out.published, value, "meta", name)
    for value in found.meta.get("parsely-page", []):
        try:
            data = json.loads(value)
        except ValueError:
            continue
        if isinstance(data, dict):
            out.add(out.published, jsonld_text(data.get("pub_date")), "meta", "parsely-page")
    for name in MODIFIED_META:
        for value in found.meta.get(name, []):
            out.add(out.modified, value, "meta", name)


def _times(root: HtmlElement, region: HtmlElement, out: Found) -> None:
    kept = 0
    for el in root.iter("time"):
        if kept >= 3:
            break
        if not within_element(region, el) or _in_furniture(el):
            continue
        value = (el.get("datetime") or "").strip()
        text = " ".join(el.text_content().split())
        hint = f"{hint_text(el)} {(el.get('itemprop') or '').lower()}"
        parent = el.getparent()
        context = hint + (" " + hint_text(parent) if parent is not None else "")
        target = out.modified if _MODIFIED_HINT_RE.search(context) else out.published
        if value:
            out.add(target, value, "time", "time[datetime]")
        elif text and _DIGIT_RE.search(text):
            out.add(target, _with_clock(el, text), "byline", "time")
        kept += 1


def _is_name_element(el: HtmlElement) -> bool:
    """An author element without digits (named so, or its text starting "By"): never a date."""
    if not isinstance(el.tag, str):
        return False
    text = el.text_content()
    if _DIGIT_RE.search(text):
        return False
    return (
        el.get("rel") == "author"
        or (el.get("itemprop") or "").lower() in ("author", "creator")
        or BYLINE_HINT_RE.search(hint_text(el)) is not None
        or BY_START_RE.match(text) is not None
    )


def _text_without_names(el: HtmlElement) -> str:
    """The element's text, collapsed, leaving out author elements inside it."""
    parts: list[str] = []

    def walk(node: HtmlElement) -> None:
        parts.append(node.text or "")
        for child in node:
            if not _is_name_element(child):
                walk(child)
            parts.append(child.tail or "")

    walk(el)
    return " ".join("".join(parts).split())


def _clock_text(el: HtmlElement | None) -> str | None:
    """The text of an element that holds a clock alone ("٠٦:١٤ م", "14:20"), else None."""
    from wirecrawl.dates import clock_only

    if el is None or not isinstance(el.tag, str):
        return None
    text = " ".join(el.text_content().split())
    return text if text and len(text) <= 30 and clock_only(text) else None


def _with_clock(el: HtmlElement, text: str) -> str:
    """``text`` with the clock of the element right after (or before) ``el`` joined to it.

    "<span>... ٢٠٢٦</span> <span>٠٦:١٤ م</span>" -> "... ٢٠٢٦ ٠٦:١٤ م"; the two may be apart by
    spaces or a separator ("|", "-", ",", "،"). A text that has a clock already is unchanged.
    """
    if _CLOCK_IN_TEXT_RE.search(text):
        return text
    if _SEPARATOR_RE.fullmatch(el.tail or ""):
        after = _clock_text(el.getnext())
        if after:
            return f"{text} {after}"
    before = el.getprevious()
    if before is not None and _SEPARATOR_RE.fullmatch(before.tail or ""):
        clock = _clock_text(before)
        if clock:
            return f"{clock} {text}"
    return text


def _byline_dates(region: HtmlElement, index: HintIndex, out: Found) -> None:
    seen = 0
    for el in index.find(_DATE_HINT_RE, region):
        if seen >= 2 or not isinstance(el.tag, str) or (el.tag in SKIP_TAGS and el.tag != "header"):
            continue
        hint = hint_text(el)
        if _in_furniture(el):
            continue
        if el.tag == "time" or next(el.iter("time"), None) is not None:
            continue
        raw = el.text_content()
        if len(raw) > 400 or not _DIGIT_RE.search(raw):
            continue
        text = _text_without_names(el)
        if not text or len(text) > 120 or not _DIGIT_RE.search(text) or _clock_text(el):
            continue  # a clock alone is read with the date beside it
        text = _with_clock(el, text)
        target = (
            out.modified if _MODIFIED_HINT_RE.search(hint + " " + text.lower()) else out.published
        )
        out.add(target, text, "byline", "text")
        seen += 1


def find_dates(
    root: HtmlElement,
    region: HtmlElement,
    index: HintIndex,
    found: Structured,
    page_url: str,
    selected: SelectorFields | None,
) -> Found:
    """Every publication/modification candidate of the page, best origins first.

    ``<time>`` elements are read inside ``region`` (the story's part of the page); visible date
    text near the byline only when nothing machine-readable was found.
    """
    out = Found()
    _structured(found, out)
    if selected is not None:
        for value in selected.published:
            out.add(out.published, value, _selector_origin(value), "selector:published")
        for value in selected.modified:
            out.add(out.modified, value, _selector_origin(value), "selector:modified")
    _times(root, region, out)
    if not out.published:
        _byline_dates(region, index, out)
    if found.embedded is not None:
        for key, value in embedded_dates(found.embedded)[:1]:
            out.add(out.published, value, "embedded", key)
        for key, value in embedded_modified(found.embedded)[:1]:
            out.add(out.modified, value, "embedded", key)
    from wirecrawl.dates.choose import url_date_text

    if page_url and url_date_text(page_url):
        out.add(out.published, page_url, "url", "path")
    return out


def _selector_origin(value: str) -> str:
    """A selector's machine-readable value ranks like ``<time datetime>``, visible text like a byline."""
    return "time" if re.match(r"^\d{4}-\d{2}-\d{2}", value) else "byline"

"""Structured data: JSON-LD (arrays, ``@graph``, ``@id`` references), microdata, meta tags.

``read_structured`` walks the ``<head>`` tags and scripts of the shared tree once and keeps what
later layers ask for: the article node of the JSON-LD (NewsArticle, Article, BlogPosting,
LiveBlogPosting, ReportageNewsArticle...), the microdata article's properties, every ``<meta>``
by lower-cased name/property, ``<link rel>`` targets, ``<html lang>``, the ``<title>`` and an
embedded app state (Next.js ``__NEXT_DATA__``, Arc ``Fusion.globalContent``). Broken JSON is
repaired where cheap (comments, CDATA, trailing commas, several objects in one script) and
otherwise skipped.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from lxml import etree
from lxml.html import HtmlElement

ARTICLE_TYPES = frozenset(
    {
        "newsarticle",
        "article",
        "reportagenewsarticle",
        "analysisnewsarticle",
        "opinionnewsarticle",
        "backgroundnewsarticle",
        "reviewnewsarticle",
        "askpublicnewsarticle",
        "satiricalarticle",
        "advertisercontentarticle",
        "blogposting",
        "liveblogposting",
        "socialmediaposting",
        "report",
        "scholarlyarticle",
        "techarticle",
        "medicalscholarlyarticle",
    }
)
_PAGE_TYPES = frozenset({"webpage", "itempage", "collectionpage", "mediaobject", "videoobject"})
_TRAILING_COMMA_RE = re.compile(r",\s*([}\]])")
_WRAPPER_RE = re.compile(
    r"^\s*(?:<!--|(?://\s*|/\*\s*)?<!\[CDATA\[(?:\s*\*/)?)"
    r"|(?:-->|(?://\s*|/\*\s*)?\]\]>(?:\s*\*/)?)\s*$"
)
_BAD_ESCAPE_RE = re.compile(r"\\(?![\"\\/bfnrtu])")
_FUSION_RE = re.compile(r"Fusion\.globalContent\s*=\s*({.*?});\s*Fusion\.", re.S)
_MAX_WALK = 20000


@dataclass
class Structured:
    """What the page declares about itself, gathered in one pass over head tags and scripts."""

    article: dict[str, Any] | None = None
    ids: dict[str, dict[str, Any]] = field(default_factory=dict)
    nodes: list[dict[str, Any]] = field(default_factory=list)
    meta: dict[str, list[str]] = field(default_factory=dict)
    links: dict[str, list[str]] = field(default_factory=dict)
    microdata: dict[str, list[HtmlElement]] = field(default_factory=dict)
    microdata_scope: HtmlElement | None = None
    html_lang: str | None = None
    title_tag: str | None = None
    embedded: Any = None

    def first_meta(self, *names: str) -> str | None:
        """The first non-blank content among the ``<meta>`` names given, in the order given.

        Returned unstripped: cleaning (``text.clean_text``) must see a trailing no-break space
        that belongs to a mis-decoded character.
        """
        for name in names:
            for value in self.meta.get(name, ()):
                if value.strip():
                    return value
        return None

    def all_meta(self, *names: str) -> list[str]:
        """Every non-empty content of the ``<meta>`` names given, in that order."""
        return [v for name in names for v in self.meta.get(name, ()) if v.strip()]

    def resolve(self, value: Any) -> Any:
        """Follow a JSON-LD ``{"@id": ...}`` reference to its node in the page, if known."""
        if isinstance(value, dict) and set(value) <= {"@id", "@type"} and "@id" in value:
            return self.ids.get(str(value["@id"]), value)
        return value


def types_of(node: dict[str, Any]) -> set[str]:
    """Lower-case short ``@type`` names of a JSON-LD node (``schema:NewsArticle`` -> newsarticle)."""
    raw = node.get("@type")
    items = raw if isinstance(raw, list) else [raw]
    return {str(t).rsplit("/", 1)[-1].rsplit(":", 1)[-1].lower() for t in items if t}


def _unwrap(text: str) -> str:
    """The script's text without an HTML comment or CDATA wrapper around it, stripped."""
    text = text.strip()
    # Plain JSON, nearly all of it, opens and closes as JSON and has no wrapper: the pattern
    # would try each position of it for a closing one (60 us on a large script).
    if text.startswith(("{", "[")) and text.endswith(("}", "]")):
        return text
    return _WRAPPER_RE.sub("", text).strip()


def load_json(text: str) -> Any:
    """Parse one script's JSON, repairing HTML comments, CDATA, trailing commas, concatenation."""
    text = _unwrap(text)
    if not text:
        return None
    try:
        return json.loads(text, strict=False)
    except ValueError:
        pass
    text = _TRAILING_COMMA_RE.sub(r"\1", _BAD_ESCAPE_RE.sub("", text))
    decoder = json.JSONDecoder(strict=False)
    found: list[Any] = []
    index = 0
    while index < len(text):
        while index < len(text) and text[index] in " \t\r\n;,":
            index += 1
        if index >= len(text):
            break
        try:
            value, index = decoder.raw_decode(text, index)
        except ValueError:
            break
        found.append(value)
    if not found:
        return None
    return found[0] if len(found) == 1 else found


def _top_nodes(data: Any) -> Iterator[dict[str, Any]]:
    """Top-level nodes: array members, ``@graph`` members and a page's ``mainEntity``."""
    if isinstance(data, list):
        for item in data:
            yield from _top_nodes(item)
    elif isinstance(data, dict):
        if "@graph" in data:
            yield from _top_nodes(data["@graph"])
        if "@type" in data or "headline" in data:
            yield data
        main = data.get("mainEntity")
        if isinstance(main, (dict, list)) and types_of(data) & _PAGE_TYPES:
            yield from _top_nodes(main)


def _index_ids(data: Any, ids: dict[str, dict[str, Any]]) -> None:
    stack = [data]
    seen = 0
    while stack and seen < _MAX_WALK:
        item = stack.pop()
        seen += 1
        if isinstance(item, dict):
            ident = item.get("@id")
            if isinstance(ident, str) and len(item) > 2:
                ids.setdefault(ident, item)
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)


def _norm_url(url: str) -> str:
    url = url.split("#", 1)[0].split("?", 1)[0].rstrip("/")
    return re.sub(r"^https?://(www\.)?", "", url)


def _article_score(node: dict[str, Any], page_url: str) -> int:
    score = 0
    if node.get("articleBody") or node.get("text"):
        score += 4
    if node.get("headline"):
        score += 2
    if node.get("datePublished"):
        score += 1
    own = node.get("url") or node.get("mainEntityOfPage")
    if isinstance(own, dict):
        own = own.get("@id") or own.get("url")
    if isinstance(own, str) and page_url and _norm_url(own) == _norm_url(page_url):
        score += 3
    return score


def choose_article(nodes: list[dict[str, Any]], page_url: str) -> dict[str, Any] | None:
    """The article node that describes this page (best filled, matching URL, first on ties)."""
    articles = [n for n in nodes if types_of(n) & ARTICLE_TYPES]
    if not articles:
        articles = [n for n in nodes if types_of(n) & _PAGE_TYPES and n.get("headline")]
    if not articles:
        return None
    return max(articles, key=lambda n: _article_score(n, page_url))


_MICRODATA = etree.XPath("//*[@itemprop or @itemscope]")


def _is_article_scope(el: HtmlElement) -> bool:
    if el.get("itemscope") is None:
        return False
    kind = el.get("itemtype") or ""
    return "Article" in kind or "Posting" in kind or "article" in kind


def _read_microdata(root: HtmlElement, found: Structured, marked: list[HtmlElement] | None) -> None:
    if marked is None:
        marked = _MICRODATA(root)
    elements = [el for el in marked if el.get("itemprop") is not None]
    if not elements:
        return
    found.microdata_scope = next((el for el in marked if _is_article_scope(el)), None)
    for el in elements:
        for prop in (el.get("itemprop") or "").split():
            name = prop.rsplit("/", 1)[-1]
            found.microdata.setdefault(name, []).append(el)


def microdata_value(el: HtmlElement) -> str:
    """A microdata property's value: ``content``/``datetime``/``href``/``src`` or its text."""
    for attr in ("content", "datetime"):
        value = el.get(attr)
        if value and value.strip():
            return value.strip()
    if el.tag in ("a", "link", "area"):
        return (el.get("href") or "").strip()
    if el.tag in ("img", "amp-img", "source"):
        return (el.get("src") or "").strip()
    return " ".join((el.text_content() or "").split())


def _read_head(root: HtmlElement, found: Structured) -> None:
    for el in root.iter("meta", "link", "title"):
        tag = el.tag
        if tag == "meta":
            key = el.get("property") or el.get("name") or el.get("itemprop")
            key = key or el.get("http-equiv")
            content = el.get("content")
            if key and content is not None:
                for name in key.lower().split():
                    found.meta.setdefault(name, []).append(content)
        elif tag == "link":
            href = el.get("href")
            if href:
                for rel in (el.get("rel") or "").lower().split():
                    found.links.setdefault(rel, []).append(href.strip())
        elif found.title_tag is None:
            parent = el.getparent()
            if parent is not None and parent.tag in ("head", "html"):
                found.title_tag = " ".join((el.text_content() or "").split()) or None
    lang = root.get("lang") or root.get("xml:lang")
    lang = lang or root.get("{http://www.w3.org/XML/1998/namespace}lang")
    if lang and lang.strip():
        found.html_lang = lang.strip()


def _read_scripts(root: HtmlElement, found: Structured) -> list[Any]:
    blobs: list[Any] = []
    for script in root.iter("script"):
        kind = (script.get("type") or "").lower()
        text = script.text or ""
        if "ld+json" in kind:
            data = load_json(text)
            if data is not None:
                blobs.append(data)
        elif script.get("id") == "__NEXT_DATA__" and found.embedded is None:
            found.embedded = load_json(text)
        elif "Fusion.globalContent" in text and found.embedded is None:
            match = _FUSION_RE.search(text)
            if match:
                found.embedded = load_json(match.group(1))
    return blobs


def read_structured(
    root: HtmlElement, page_url: str, microdata: list[HtmlElement] | None = None
) -> Structured:
    """Everything the page declares about itself; tolerant of broken or missing pieces.

    ``microdata``: the page's elements with ``itemprop`` or ``itemscope`` in page order, when
    the caller already walked the tree (``HintIndex.microdata``); otherwise found here.
    """
    found = Structured()
    _read_head(root, found)
    blobs = _read_scripts(root, found)
    for data in blobs:
        found.nodes.extend(_top_nodes(data))
        _index_ids(data, found.ids)
    found.article = choose_article(found.nodes, page_url)
    _read_microdata(root, found, microdata)
    return found


def jsonld_text(value: Any) -> str | None:
    """A JSON-LD value as text: a string, a node's name/``@value``, or a list's first such."""
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, dict):
        for key in ("name", "@value", "text", "headline", "alternateName"):
            text = jsonld_text(value.get(key))
            if text:
                return text
        return None
    if isinstance(value, list):
        for item in value:
            text = jsonld_text(item)
            if text:
                return text
    return None


def jsonld_list(value: Any) -> list[Any]:
    """A JSON-LD value as a list (a single value or None become a one- or zero-item list)."""
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def jsonld_url(value: Any) -> str | None:
    """A JSON-LD image/URL value: a string, a node's url/contentUrl/@id, or a list's first."""
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, dict):
        for key in ("url", "contentUrl", "@id"):
            url = jsonld_url(value.get(key))
            if url:
                return url
    if isinstance(value, list):
        for item in value:
            url = jsonld_url(item)
            if url:
                return url
    return None


def jsonld_people(found: Structured, value: Any) -> list[tuple[str, bool]]:
    """``(name, is_organization)`` for each author/creator in a JSON-LD value."""
    people: list[tuple[str, bool]] = []
    for item in jsonld_list(value):
        item = found.resolve(item)
        if isinstance(item, str):
            people.append((item, False))
        elif isinstance(item, dict):
            name = jsonld_text(item.get("name"))
            if not name:
                given = jsonld_text(item.get("givenName")) or ""
                family = jsonld_text(item.get("familyName")) or ""
                name = f"{given} {family}".strip() or None
            if name:
                people.append(
                    (
                        name,
                        "organization" in types_of(item)
                        or "newsmediaorganization" in types_of(item),
                    )
                )
    return people


def _plain(text: str) -> str:
    """Body text without the markup some CMSs leave in ``articleBody`` (paragraphs kept)."""
    if "<" not in text or ">" not in text:
        return text
    import lxml.html

    try:
        fragment = lxml.html.fragment_fromstring(text, create_parent="div")
    except (ValueError, TypeError):
        return re.sub(r"<[^>]{0,200}>", " ", text)
    for el in fragment.iter("p", "br", "h2", "h3", "h4", "li", "div", "blockquote"):
        el.tail = "\n" + (el.tail or "")
    for el in list(fragment.iter("script", "style", "figure", "figcaption")):
        el.drop_tree()
    return fragment.text_content()


def article_body(article: dict[str, Any]) -> str | None:
    """The JSON-LD body text (markup removed); a live blog's updates joined after its own text."""
    parts = [jsonld_text(article.get("articleBody")) or jsonld_text(article.get("text")) or ""]
    for update in jsonld_list(article.get("liveBlogUpdate")):
        if isinstance(update, dict):
            parts.append(jsonld_text(update.get("headline")) or "")
            parts.append(
                jsonld_text(update.get("articleBody")) or jsonld_text(update.get("text")) or ""
            )
    text = "\n\n".join(p for p in parts if p)
    return _plain(text) if text else None


_EMBEDDED_DATE_KEYS = (
    "datePublished",
    "firstPublished",
    "first_publish_date",
    "publishedAt",
    "published_at",
    "publishDate",
    "publish_date",
    "publishedDate",
    "publicationDate",
    "display_date",
)
_EMBEDDED_MODIFIED_KEYS = (
    "dateModified",
    "lastModified",
    "last_updated_date",
    "updatedAt",
    "updated_at",
)


def embedded_dates(data: Any, keys: tuple[str, ...] = _EMBEDDED_DATE_KEYS) -> list[tuple[str, str]]:
    """``(key, value)`` for date-like keys in an embedded app state, nearest the top first."""
    found: list[tuple[str, str]] = []
    queue = [data]
    seen = 0
    wanted = set(keys)
    while queue and seen < _MAX_WALK and len(found) < 3:
        item = queue.pop(0)
        seen += 1
        if isinstance(item, dict):
            for key, value in item.items():
                if key in wanted and isinstance(value, (str, int)) and str(value).strip():
                    found.append((key, str(value).strip()))
                elif isinstance(value, (dict, list)):
                    queue.append(value)
        elif isinstance(item, list):
            queue.extend(item[:200])
    return found


def embedded_modified(data: Any) -> list[tuple[str, str]]:
    """``(key, value)`` for modification-date keys in an embedded app state."""
    return embedded_dates(data, _EMBEDDED_MODIFIED_KEYS)


def embedded_texts(data: Any) -> list[str]:
    """Long strings of an embedded app state in document order (a body when the HTML has none)."""
    texts: list[str] = []
    stack = [data]
    seen = 0
    while stack and seen < _MAX_WALK:
        item = stack.pop()
        seen += 1
        if isinstance(item, str):
            if len(item) >= 60 and " " in item and not item.startswith(("http", "{", "[")):
                texts.append(item)
        elif isinstance(item, dict):
            stack.extend(reversed(list(item.values())))
        elif isinstance(item, list):
            stack.extend(reversed(item))
    return texts

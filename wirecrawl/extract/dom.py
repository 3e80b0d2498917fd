"""The one parse of a page and the small DOM helpers every layer shares.

``parse_html`` builds the lxml tree once (comments and processing instructions dropped); the
class/id hints say whether an element looks like article text (``article-body``,
``entry-content``...) or like page furniture (comments, sidebars, related links, share widgets,
newsletter boxes, captions, ads). WordPress post classes such as ``tag-share`` or
``category-comment`` name the post's tags, not the element, and are ignored.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any
from urllib.parse import urljoin

import lxml.html
from lxml import etree
from lxml.html import HtmlElement

# No table of id attributes either (``collect_ids``): nothing here looks an element up by its
# id through libxml2, and building the table cost about 3% of the parse.
_PARSER = lxml.html.HTMLParser(
    remove_comments=True,
    remove_pis=True,
    encoding="utf-8",
    default_doctype=False,
    collect_ids=False,
)
# Every element is a plain HtmlElement, chosen in C. lxml.html's own lookup asks a Python method
# for each element the code touches (to hand out FormElement, InputElement...), which doubles
# the cost of walking a page; extraction uses none of those classes.
_PARSER.set_element_class_lookup(
    etree.ElementDefaultClassLookup(
        element=HtmlElement,
        comment=lxml.html.HtmlComment,
        pi=lxml.html.HtmlProcessingInstruction,
        entity=lxml.html.HtmlEntity,
    )
)
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
# the same characters, for ``in`` tests: one memchr-like scan each is far quicker than the regex
_CONTROL_CHARS = tuple(chr(c) for c in [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20)])
_CONTROL_BYTES = tuple(ord(c) for c in _CONTROL_CHARS)
_XML_DECLARATION_RE = re.compile(r"^\s*<\?xml[^>]{0,200}\?>")
_EMPTY_DOC = b"<html><head></head><body></body></html>"

# Elements whose content is never article text.
SKIP_TAGS = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "svg",
        "math",
        "iframe",
        "object",
        "embed",
        "canvas",
        "video",
        "audio",
        "picture",
        "source",
        "img",
        "figure",
        "figcaption",
        "nav",
        "aside",
        "footer",
        "header",
        "button",
        "select",
        "option",
        "input",
        "textarea",
        "label",
        "dialog",
        "menu",
        "head",
        "title",
        "meta",
        "link",
        "map",
    }
)
BLOCK_TAGS = frozenset(
    {
        "html",
        "body",
        "main",
        "article",
        "section",
        "div",
        "p",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "ul",
        "ol",
        "li",
        "dl",
        "dt",
        "dd",
        "blockquote",
        "pre",
        "table",
        "thead",
        "tbody",
        "tfoot",
        "tr",
        "td",
        "th",
        "caption",
        "form",
        "fieldset",
        "address",
        "center",
        "details",
        "summary",
        "hgroup",
        "hr",
        "legend",
        "amp-fit-text",
    }
)
HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})

# Class/id words that mark page furniture (matched anywhere in a class name); such elements are
# left out of the body.
_NEGATIVE_WORDS = (
    "comment|disqus|sidebar|side-bar|related|recommend|more-stories|morestories|also-read"
    "|alsoread|read-more|readmore|read-next|readnext|most-read|mostread|most-popular|trending"
    "|newsletter|subscri|signup|sign-up|advert|sponsor|promo|outbrain|taboola|dfp-|gpt-ad|adslot"
    "|ad-slot|ad-container|ad-wrapper|adunit|ad-unit|adsbygoogle|social|share|sharing|sharer"
    "|breadcrumb|cookie|consent|gdpr|popup|modal|overlay|lightbox|footer|masthead|navbar"
    "|navigation|nav-|menu|pagination|pager|caption|credit|byline|author-bio|authorbio|author-box"
    "|authorbox|about-author|author-info|author-card|tag-list|taglist|tags-|post-tags"
    "|article-tags|entry-tags|keywords|toolbar|toolbox|jump-link|skip-link|skiplink"
    "|visually-hidden|sr-only|screen-reader|print-only|embed|twitter-tweet|instagram|tiktok"
    "|video|player|gallery|slideshow|carousel|slider|ticker|login|signin|paywall-prompt"
    "|recirc|pullquote|pull-quote|disclaimer|timestamp|published-date|post-date|entry-date"
    "|entry-meta|post-meta|article-meta|posted-on|list-related|next-post|prev-post|previous-post"
    "|post-nav|wp-block-latest|yarpp|jp-relatedposts|sharedaddy|addtoany|a2a_|heateor"
    "|crp_related|subscription|donate|donation|podcast-promo|app-promo"
)
_NEGATIVE_RE = re.compile(_NEGATIVE_WORDS)
# Short furniture words that must stand alone as a class-name part ("ad", not "header").
_NEGATIVE_TOKEN_RE = re.compile(
    r"(?:^|[-_\s])(?:ad|ads|adv|advt|nav|tags?|bio|share|social|topics|outbrain|subnav|dropdown"
    r"|signup|popular|latest|recent|search|searchform)(?:$|[-_\s\d])"
)
# Words that lower a container's score without excluding it (a framework's "widget" wrapper
# can hold the article; "header" can hold the standfirst).
_WEAK_NEGATIVE_RE = re.compile(
    r"widget|(?:^|[-_\s])(?:meta|metadata|extra|tools|print|rail|aside|banner|teaser|card|cards"
    r"|links|more|header|hdr|ftr|foot|logo|brand|site-title|alert|notice|cta|callout|infobox"
    r"|rating|list-inline|sticky)(?:$|[-_\s\d])"
)
_POSITIVE_RE = re.compile(
    r"article|story|entry|post|content|body|text|main|news|blog|single|detail|prose|rich"
)
STRONG_BODY_RE = re.compile(
    r"(?:article|story|entry|post|news|blog|item|single|node|main|page|detail|content)"
    r"[-_]{0,2}(?:body|content|text|copy|entry|inner|main|detail)"
    r"|(?:body|rich|main)[-_]?text|articlebody|storybody|field-+name-+body|field-+body"
    r"|td-post-content|post_content|entry_content"
)
_WP_POST_CLASS_RE = re.compile(
    r"\b(?:tag|category|categories|format|status|type|post|author|postid|page-id|topic|section)"
    r"-[\w-]+"
)
_POST_ID_RE = re.compile(r"\bpost-\d+\b")


def parse_html(text: str, utf8: bytes | None = None) -> HtmlElement:
    """Parse a decoded page into an lxml tree; never raises (junk gives an empty document).

    ``utf8``, when given, is ``text`` as UTF-8 bytes (the page as fetched, when it was valid
    UTF-8): parsed as it is, it spares encoding the text again.
    """
    if utf8 is not None and any(c in utf8 for c in _CONTROL_BYTES):
        utf8 = None
    if utf8 is None and any(c in text for c in _CONTROL_CHARS):
        text = _CONTROL_RE.sub("", text)
    if text.lstrip().startswith("<?xml"):
        text = _XML_DECLARATION_RE.sub("", text, count=1)
        utf8 = None
    data = utf8 if utf8 is not None else text.encode("utf-8", errors="replace")
    try:
        root = lxml.html.document_fromstring(data, parser=_PARSER)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        root = None
    if root is None or not isinstance(root.tag, str):
        root = lxml.html.document_fromstring(_EMPTY_DOC, parser=_PARSER)
    return root


def hint_text(el: HtmlElement) -> str:
    """The element's class and id, lower-cased, without WordPress post-class noise."""
    ident = el.get("id")
    if ident is None:
        return class_hint(el.get("class"))
    cls = el.get("class")
    if not cls and not ident:
        return ""
    key = (cls, ident)
    hint = _HINT_CACHE.get(key)
    return _remember(_HINT_CACHE, key, cls, ident) if hint is None else hint


def class_hint(cls: str | None) -> str:
    """:func:`hint_text` of an element with this class and no id."""
    if not cls:
        return ""
    hint = _CLASS_HINTS.get(cls)
    return _remember(_CLASS_HINTS, cls, cls, None) if hint is None else hint


def _remember(cache: dict[Any, str], key: Any, cls: str | None, ident: str | None) -> str:
    if len(cache) >= _HINT_CACHE_SIZE:
        cache.clear()
    hint = cache[key] = _hint(cls, ident)
    return hint


# A page repeats its class names (menu items, list entries) and a site repeats them across
# pages, so hints are remembered by (class, id), and by class alone for the many elements
# without an id (no key tuple to build and hash); each cleared whole when full.
_HINT_CACHE: dict[tuple[str | None, str | None], str] = {}
_CLASS_HINTS: dict[str, str] = {}
_HINT_CACHE_SIZE = 50_000


def _hint(cls: str | None, ident: str | None) -> str:
    text = f"{cls or ''} {ident or ''}".lower()
    if cls and "-" in text:
        text = _WP_POST_CLASS_RE.sub(" ", text) if _looks_like_post_classes(cls) else text
    return text.strip()


def _looks_like_post_classes(cls: str) -> bool:
    """WordPress ``post_class()`` output: ``post-123 post type-post status-publish ...``."""
    return (
        "type-" in cls or "status-" in cls or "hentry" in cls or _POST_ID_RE.search(cls) is not None
    )


def strong_body(el: HtmlElement) -> bool:
    """True for an element named as the article body (itemprop or a body-like class/id)."""
    if (el.get("itemprop") or "").lower() == "articlebody":
        return True
    hint = hint_text(el)
    return bool(hint) and hint_matches(STRONG_BODY_RE, hint)


def _negative_hint(hint: str) -> bool:
    return hint_matches(_NEGATIVE_RE, hint) or hint_matches(_NEGATIVE_TOKEN_RE, hint)


def is_negative(el: HtmlElement) -> bool:
    """True when the class/id names page furniture and nothing marks it as the article body."""
    hint = hint_text(el)
    if not hint or not _negative_hint(hint):
        return False
    return not strong_body(el)


def class_weight(el: HtmlElement) -> int:
    """Score from the element's name: 50 named body, 15 body-ish, -25 furniture, -10 weak."""
    if strong_body(el):
        return 50
    hint = hint_text(el)
    if not hint:
        return 0
    if _negative_hint(hint):
        return -25
    weak = hint_matches(_WEAK_NEGATIVE_RE, hint)
    if hint_matches(_POSITIVE_RE, hint):
        return 5 if weak else 15
    return -10 if weak else 0


class HintIndex:
    """Every element with a class or id and its :func:`hint_text`, gathered once per page.

    Each layer scanning the page for itself (an XPath ``contains(@class, ...)`` or a walk per
    search) would cost more than the parse; this index walks the page once, on first use (the
    extractor asks for its microdata list right after parsing) and groups the elements by
    hint, and every later search goes over the groups; the same walk lists the microdata
    elements and those with a ``rel``.
    Whether a hint matches a pattern is remembered across pages (a site repeats its class
    names; :func:`hint_matches`), so a search mostly looks answers up. A search inside one
    element before the index exists walks that element only.
    """

    def __init__(self, root: HtmlElement) -> None:
        self.root = root
        self._microdata: list[HtmlElement] = []
        self._linked: list[HtmlElement] = []
        self._groups: dict[str, list[tuple[int, HtmlElement]]] | None = None

    def _walk(self) -> dict[str, list[tuple[int, HtmlElement]]]:
        """The one walk: hinted elements grouped by hint, with microdata and rel elements."""
        groups: dict[str, list[tuple[int, HtmlElement]]] = {}
        microdata: list[HtmlElement] = []
        linked: list[HtmlElement] = []
        # hint_text's lookups, inlined, and an attribute read only when the element has it (a
        # missing one is searched for too); the groups filled here, not in a second pass
        by_class, by_both = _CLASS_HINTS.get, _HINT_CACHE.get
        position = 0
        for el in self.root.iter(etree.Element):
            names = el.keys()  # one call; most elements have no attributes at all
            if not names:
                continue
            hint = None
            if "id" in names:
                hint = by_both((el.get("class"), el.get("id")))
                if hint is None:
                    hint = hint_text(el)
            elif "class" in names:
                cls = el.get("class")
                hint = by_class(cls)
                if hint is None:
                    hint = class_hint(cls)
            if hint:
                members = groups.get(hint)
                if members is None:
                    groups[hint] = [(position, el)]
                else:
                    members.append((position, el))
                position += 1
            if hint is None or len(names) > 1:  # anything besides the class or id
                if "itemprop" in names or "itemscope" in names:
                    microdata.append(el)
                if "rel" in names:
                    linked.append(el)
        self._groups, self._microdata, self._linked = groups, microdata, linked
        return groups

    @property
    def items(self) -> list[tuple[HtmlElement, str]]:
        """Every element with a hint, and its hint, in page order: a view of the groups for
        inspection (searches go over the groups themselves)."""
        ordered = sorted(
            (position, el, hint)
            for hint, members in self.groups.items()
            for position, el in members
        )
        return [(el, hint) for _, el, hint in ordered]

    @property
    def microdata(self) -> list[HtmlElement]:
        """Elements with ``itemprop`` or ``itemscope``, in page order (found in the same walk)."""
        self.groups  # noqa: B018 (builds the index)
        return self._microdata

    def with_rel(self, value: str, within: HtmlElement) -> list[HtmlElement]:
        """Elements below ``within`` whose ``rel`` is ``value`` exactly, in page order (found
        in the index's walk: an XPath for them scanned the region again, 34 us a page)."""
        self.groups  # noqa: B018 (builds the index)
        return [
            el
            for el in self._linked
            if el.get("rel") == value and el is not within and within_element(within, el)
        ]

    def with_itemprop(self, *names: str) -> list[HtmlElement]:
        """Elements whose ``itemprop`` is exactly one of ``names``, in page order."""
        return [el for el in self.microdata if el.get("itemprop") in names]

    @property
    def groups(self) -> dict[str, list[tuple[int, HtmlElement]]]:
        """The index's elements by hint, each with its position in page order (a page repeats
        its class names: about 45 distinct hints for 200 hinted elements here)."""
        return self._walk() if self._groups is None else self._groups

    def find(
        self, pattern: re.Pattern[str], within: HtmlElement | None = None, tags: Iterable[str] = ()
    ) -> list[HtmlElement]:
        """Elements whose hint matches ``pattern``, inside ``within`` and of ``tags`` if given,
        in page order."""
        wanted = frozenset(tags)
        memo = _memo(pattern)
        inside = within
        if self._groups is None and within is not None:
            candidates = [
                el for el, hint in _hinted(within.iter(etree.Element)) if _hit(memo, pattern, hint)
            ]
            inside = None  # found by walking inside it
        else:
            hits: list[tuple[int, HtmlElement]] = []
            matched = 0
            known = memo.get
            for hint, members in self.groups.items():
                hit = known(hint)  # _hit, inlined: this loop runs over every hint of the page
                if hit is None:
                    hit = memo[hint] = pattern.search(hint) is not None
                if hit:
                    hits.extend(members)
                    matched += 1
            if matched > 1:
                hits.sort(key=_position)
            candidates = [el for _, el in hits]
        return [
            el
            for el in candidates
            if (not wanted or el.tag in wanted) and (inside is None or within_element(inside, el))
        ]


def hint_matches(pattern: re.Pattern[str], hint: str) -> bool:
    """Whether ``pattern`` is found in ``hint``, remembered per pattern and hint: a site repeats
    its class names on every page, and the furniture and body patterns are long alternations
    (1-5 us a search)."""
    return _hit(_memo(pattern), pattern, hint)


def _memo(pattern: re.Pattern[str]) -> dict[str, bool]:
    memo = _MATCHES.get(pattern)
    if memo is None or len(memo) >= _HINT_CACHE_SIZE:
        memo = _MATCHES[pattern] = {}
    return memo


def _hit(memo: dict[str, bool], pattern: re.Pattern[str], hint: str) -> bool:
    hit = memo.get(hint)
    if hit is None:
        hit = memo[hint] = pattern.search(hint) is not None
    return hit


def _position(entry: tuple[int, HtmlElement]) -> int:
    return entry[0]


# pattern -> hint -> does it match (cleared per pattern when full)
_MATCHES: dict[re.Pattern[str], dict[str, bool]] = {}


def _hinted(elements: Iterable[HtmlElement]) -> list[tuple[HtmlElement, str]]:
    return [(el, hint) for el in elements if (hint := hint_text(el))]


def within_element(ancestor: HtmlElement, el: HtmlElement) -> bool:
    """True if ``el`` is ``ancestor`` or inside it."""
    return el is ancestor or any(a is ancestor for a in el.iterancestors())


def is_hidden(el: HtmlElement) -> bool:
    """True for ``hidden``, ``aria-hidden="true"`` or an inline ``display:none``/``visibility:hidden``."""
    if el.get("hidden") is not None or el.get("aria-hidden") == "true":
        return True
    style = el.get("style")
    if style:
        compact = style.replace(" ", "").lower()
        return "display:none" in compact or "visibility:hidden" in compact
    return False


def base_url(root: HtmlElement, page_url: str) -> str:
    """The URL relative links resolve against: ``<base href>`` if present, else the page URL."""
    for base in root.iter("base"):
        href = (base.get("href") or "").strip()
        if href:
            return urljoin(page_url, href)
    return page_url


def absolute(url: str | None, base: str) -> str | None:
    """``url`` made absolute against ``base``; None for empty, ``javascript:`` or ``data:`` links."""
    if not url:
        return None
    url = url.strip()
    if not url or url.startswith(("javascript:", "data:", "mailto:", "#")):
        return None
    try:
        return urljoin(base, url)
    except ValueError:
        return None


def text_of(el: HtmlElement) -> str:
    """All text inside ``el`` with whitespace collapsed (scripts and styles included as-is)."""
    return " ".join((el.text_content() or "").split())

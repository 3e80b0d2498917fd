"""Author names: cleaning a byline into a list of names, and finding the byline on the page.

``split_names("By Jane Doe and John Roe | 27 Nov 2026")`` gives ``["Jane Doe", "John Roe"]``:
prefixes ("By", "Written by", "Von", "Par", Persian "نویسنده:", Arabic "بقلم"/"كتب") are dropped,
the text is cut at a date or a separator, split on "and"/"&"/","/"و"/"،", and parts that are
URLs, e-mail addresses, handles, roles ("Staff Writer"), wire services or sentences are dropped.
The date is never part of a name: the text stops at its first digit, and a weekday or month
name (or "on", "at") just before it goes too ("Jane Doe, Friday, Nov 27" -> "Jane Doe").

The byline on the page is an element named as one (byline, author, writer, posted-by, rel or
itemprop author), or a meta-like element (meta, info, details, dateline, posted, submitted)
whose text starts with a "By"-like word ("By Dana Whitlock | Nov 27, 2026 - 3:14 PM | Media
Wire" -> "Dana Whitlock").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from lxml.html import HtmlElement

from wirecrawl.dates.calendars import MONTHS
from wirecrawl.dates.text import fold
from wirecrawl.dates.words import WEEKDAYS
from wirecrawl.extract.dom import SKIP_TAGS, HintIndex, hint_text, is_negative

_PREFIX_RE = re.compile(
    r"^\s*(?:(?:written|reported|posted|published|story|text|words|photos?|compiled|edited)\s+by"
    r"|by|from|von|par|por|di|door|av|af|autor(?:es)?|auteur|author(?:s)?|writer|reporter"
    r"|نویسنده(?:گان)?|نوشته|به قلم|گزارش|خبرنگار|بقلم|كتب|كتبت|كتبه|تحرير|إعداد|اعداد|الكاتب)"
    r"\s*[:：\-–—]?\s+",
    re.IGNORECASE,
)
_CUT_RE = re.compile(
    r"\s*(?:[|•·\n]|\s[-–—]\s|\bupdated\b|\bpublished\b|\bposted\b|\bon\s+(?:mon|tue|wed|thu|fri"
    r"|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}"
    r"|\b\d{1,2}:\d{2}\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b"
    r"|\b\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\bemail\b|\bfollow\b"
    r"|\s+for\s+(?=\S)|\s+in\s+(?=[A-Z])|\s+on\s+(?=\S)"
    r"|تاریخ|ساعت|تاريخ|الساعة)",
    re.IGNORECASE,
)
_SPLIT_RE = re.compile(r"\s*(?:,|;|،|&|\s(?:and|und|et|y|e|و)\s)\s*", re.IGNORECASE)
_ROLE_RE = re.compile(
    r"^(?:staff|staff writer|staff reporter|reporter|correspondent|senior \w+|chief \w+|editor"
    r"|editors|contributor|contributing \w+|columnist|special correspondent|the editorial board"
    r"|editorial board|desk|news desk|web desk|online desk|agencies|agency|wire|wires|guest"
    r"|guest author|admin|administrator|editorial|newsroom|team|news|mehr|irna|isna|tasnim)$"
    r"|\b(?:correspondent|reporter|editor|writer|columnist|contributor|bureau chief)\b",
    re.IGNORECASE,
)
_WIRE_RE = re.compile(
    r"^(?:the )?(?:associated press|ap|afp|agence france-presse|reuters|upi|dpa|xinhua|efe|ansa)$",
    re.IGNORECASE,
)
BYLINE_HINT_RE = re.compile(
    r"(?:^|[-_\s])(?:byline|by-line|author|authors|author-name|writer|autor|auteur|reporter"
    r"|journalist|contributor|posted-by|article-author|story-author|creator)(?:$|[-_\s])"
)
# Elements that hold a byline among other things: read only when the text starts "By ...".
_META_HINT_RE = re.compile(
    r"(?:^|[-_\s])(?:meta|metadata|info|details|dateline|posted|posted-on|submitted|credits?-line"
    r"|story-info|post-info|entry-info)(?:$|[-_\s])"
)
BY_START_RE = re.compile(
    r"^\s*(?:(?:written|reported|posted|story|text|words)\s+by|by|von|par|por|di|door|av|af"
    r"|autor(?:es)?|auteur|authors?|writer|reporter"
    r"|نویسنده(?:گان)?|نوشته|به قلم|خبرنگار|بقلم|كتب|كتبت|كتبه|تحرير|الكاتب)"
    r"(?:\s*[:：]\s*|\s+)(?=[^\W\d_])",
    re.IGNORECASE,
)
# Words that belong to a date when they come just before its first digit.
_DATE_WORDS = frozenset(
    {fold(w) for w in (*WEEKDAYS, *MONTHS) if " " not in w}
    | {"on", "at", "am", "le", "el", "den", "vom", "du", "del", "de", "در", "روز", "في", "يوم"}
)
_NOT_BYLINE_RE = re.compile(r"bio|box|avatar|image|img|photo|pic|thumb|about|social|follow|more")
_AUTHOR_HREF_RE = re.compile(
    r"/(?:author|authors|autor|auteur|people|person|profile|profiles|staff|writers?|journalists?"
    r"|reporters?|by|contributors?|columnists?|team|nevisande|kotab|user)/",
    re.IGNORECASE,
)


def _is_name(part: str) -> bool:
    if not part or len(part) > 60 or len(part.split()) > 6:
        return False
    if "@" in part or "://" in part or part.startswith("www.") or "/" in part:
        return False
    if _ROLE_RE.search(part) or _WIRE_RE.match(part) or fold(part) in WEEKDAYS:
        return False
    if not any(c.isalpha() for c in part):
        return False
    return not part.endswith((".", "!", "?")) or len(part.split()) <= 3


def _before_date(text: str) -> str:
    """``text`` up to its first digit, without the weekday/month words that start the date.

    Words are dropped back to a separator ("Theresa May | Nov 27" keeps "May").
    """
    digit = re.search(r"\d", text)
    if digit is None:
        return text
    words = text[: digit.start()].split()
    while words:
        word = fold(words[-1].strip(",.:،؛()"))
        if word and word not in _DATE_WORDS:
            break
        words.pop()
    return " ".join(words)


def split_names(text: str) -> list[str]:
    """Names in a byline text, in order, without prefixes, dates, roles or duplicates."""
    text = " ".join(text.split())
    text = _PREFIX_RE.sub("", text, count=1)
    text = _PREFIX_RE.sub("", text, count=1)
    text = _CUT_RE.split(_before_date(text), maxsplit=1)[0]
    names: list[str] = []
    for part in _SPLIT_RE.split(text):
        part = _PREFIX_RE.sub("", " " + part.strip() + " ").strip()
        part = part.strip(" \t:：-–—()[]\"'“”«»")
        if _is_name(part) and part.casefold() not in {n.casefold() for n in names}:
            names.append(part)
    return names


def clean_names(values: Iterable[str], site_names: Iterable[str] = ()) -> list[str]:
    """Split and merge several author values; names equal to the site's name are dropped."""
    own = {" ".join(n.casefold().split()) for n in site_names if n}
    names: list[str] = []
    for value in values:
        for name in split_names(value):
            key = " ".join(name.casefold().split())
            if key in own or key in {n.casefold() for n in names}:
                continue
            names.append(name)
    return names


def _outside_furniture(el: HtmlElement) -> bool:
    for ancestor in el.iterancestors():
        if ancestor.tag in ("aside", "nav") or (
            ancestor.tag in SKIP_TAGS and ancestor.tag != "header"
        ):
            return False
        hint = hint_text(ancestor)
        if hint and ("comment" in hint or "related" in hint or "sidebar" in hint):
            return False
    return True


def _meta_byline(el: HtmlElement, hint: str) -> bool:
    """A meta-like element whose text starts with a "By"-like word: it holds the byline."""
    if not _META_HINT_RE.search(hint) or _NOT_BYLINE_RE.search(hint):
        return False
    return BY_START_RE.match(el.text_content()) is not None


def byline_texts(region: HtmlElement, index: HintIndex) -> list[str]:
    """Texts of the story's byline: author links inside a byline element, else its text.

    Elements named as bylines come first, then ``rel=author`` links, then meta-like elements
    whose text starts with a "By"-like word (see the module docstring).
    """
    found: list[str] = []
    candidates = (
        index.find(BYLINE_HINT_RE, region)
        + index.with_rel("author", region)
        + index.find(_META_HINT_RE, region)
    )
    seen: set[HtmlElement] = set()
    for el in candidates:
        if (el.tag in SKIP_TAGS and el.tag != "header") or not isinstance(el.tag, str):
            continue
        if el in seen:
            continue
        seen.add(el)
        hint = hint_text(el)
        named = el.get("rel") == "author" or (
            BYLINE_HINT_RE.search(hint) is not None and not _NOT_BYLINE_RE.search(hint)
        )
        if named and is_negative(el) and "byline" not in hint and "author" not in hint:
            named = False
        if not (named or _meta_byline(el, hint)) or not _outside_furniture(el):
            continue
        links = [
            " ".join(a.text_content().split())
            for a in el.iter("a")
            if _AUTHOR_HREF_RE.search(a.get("href") or "")
        ]
        text = ", ".join(t for t in links if t) if links else " ".join(el.text_content().split())
        if text and len(text) <= 200:
            found.append(text)
        if len(found) >= 3:
            break
    return found

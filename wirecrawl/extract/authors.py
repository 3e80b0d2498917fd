"""Author names: cleaning a byline into a list of names, and finding the byline on the page.

``split_names("By Jane Doe and John Roe | 27 Nov 2026")`` gives ``["Jane Doe", "John Roe"]``:
prefixes ("By", "Written by", "Von", "Par", Persian "نویسنده:", Arabic "بقلم"/"كتب") are dropped,
the text is cut at a date or a separator, split on "and"/"&"/","/"و"/"،", and parts that are
URLs, e-mail addresses, handles, roles ("Staff Writer"), wire services or sentences are dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from lxml.html import HtmlElement

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
    r"|\s+for\s+(?=\S)|\s+in\s+(?=[A-Z])"
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
_BYLINE_HINT_RE = re.compile(
    r"(?:^|[-_\s])(?:byline|by-line|author|authors|author-name|writer|autor|auteur|reporter"
    r"|journalist|contributor|posted-by|article-author|story-author|creator)(?:$|[-_\s])"
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
    if _ROLE_RE.search(part) or _WIRE_RE.match(part):
        return False
    if not any(c.isalpha() for c in part):
        return False
    return not part.endswith((".", "!", "?")) or len(part.split()) <= 3


def split_names(text: str) -> list[str]:
    """Names in a byline text, in order, without prefixes, dates, roles or duplicates."""
    text = " ".join(text.split())
    text = _PREFIX_RE.sub("", text, count=1)
    text = _PREFIX_RE.sub("", text, count=1)
    text = _CUT_RE.split(text, maxsplit=1)[0]
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


def byline_texts(region: HtmlElement, index: HintIndex) -> list[str]:
    """Texts of the story's byline: author links inside a byline element, else its text."""
    found: list[str] = []
    candidates = index.find(_BYLINE_HINT_RE, region) + region.xpath(".//*[@rel='author']")
    for el in candidates:
        if (el.tag in SKIP_TAGS and el.tag != "header") or not isinstance(el.tag, str):
            continue
        hint = hint_text(el)
        if el.get("rel") != "author" and (
            not _BYLINE_HINT_RE.search(hint) or _NOT_BYLINE_RE.search(hint)
        ):
            continue
        if is_negative(el) and "byline" not in hint and "author" not in hint:
            continue
        if not _outside_furniture(el):
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

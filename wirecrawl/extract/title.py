"""The headline: agreement between the page's ``<h1>`` and its metadata, without site suffixes.

Candidates are the source's selector, JSON-LD ``headline``, ``og:title``/``twitter:title``/
``parsely-title``, the ``<h1>`` and the ``<title>`` element. Metadata titles lose a site-name
part (" | Site", " - Site", "Site: "), recognised by the site's known names or, failing that, by
agreement with another candidate. The visible ``<h1>`` wins when a metadata title confirms it
(equal, or one a truncation of the other); otherwise the first clean metadata title, then the
``<h1>``, then the ``<title>``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from lxml.html import HtmlElement

from wirecrawl.extract.dom import hint_text
from wirecrawl.extract.text import clean_text

_SEPARATORS_RE = re.compile(r"\s+(?:[|·•»«~:/]|::|[-–—]{1,2})\s+|(?<=\w):\s+")
_SITE_H1_RE = re.compile(r"logo|brand|site-?(?:title|name)|masthead|navbar|header__title|identity")


def _key(text: str) -> str:
    return re.sub(r"[\W_]+", " ", text.casefold()).strip()


def _is_site(part: str, site_keys: set[str]) -> bool:
    key = _key(part)
    if not key:
        return True
    compact = key.replace(" ", "")
    for site in site_keys:
        site_compact = site.replace(" ", "")
        if key == site or compact == site_compact:
            return True
        if len(site_compact) >= 4 and (site_compact in compact or compact in site_compact):
            return len(compact) <= len(site_compact) + 12
    return False


def strip_site_name(title: str, site_names: Iterable[str], others: Iterable[str] = ()) -> str:
    """``title`` without a leading or trailing site-name part ("Headline | Site" -> "Headline")."""
    title = clean_text(title)
    parts = _SEPARATORS_RE.split(title)
    if len(parts) < 2:
        return title
    site_keys = {_key(n) for n in site_names if n and _key(n)}
    other_keys = {_key(o) for o in others if o}
    seps = _SEPARATORS_RE.findall(title)
    # Drop site parts from the ends; keep the inner separators as written.
    start, end = 0, len(parts)
    while end - start > 1 and _is_site(parts[end - 1], site_keys):
        end -= 1
    while end - start > 1 and _is_site(parts[start], site_keys):
        start += 1
    if (start, end) == (0, len(parts)):
        for cut in range(len(parts) - 1, 0, -1):
            head = parts[0] + "".join(seps[i] + parts[i + 1] for i in range(cut - 1))
            if _key(head) in other_keys:
                return head
        return title
    return parts[start] + "".join(seps[i] + parts[i + 1] for i in range(start, end - 1))


def agrees(a: str, b: str) -> bool:
    """True when two headlines are the same story's: equal, one truncating the other, or one
    a separator-delimited part of the other ("Asia-pacific - Headline" and "Headline")."""
    ka, kb = _key(a), _key(b)
    if not ka or not kb:
        return False
    if ka == kb:
        return True
    shorter, longer = (ka, kb) if len(ka) <= len(kb) else (kb, ka)
    if len(shorter) >= 0.5 * len(longer) and longer.startswith(shorter.rstrip(" .…")):
        return True
    raw_longer = a if len(ka) > len(kb) else b
    parts = [_key(p) for p in _SEPARATORS_RE.split(raw_longer)]
    for start in range(len(parts)):
        for end in range(start + 1, len(parts) + 1):
            if (start, end) != (0, len(parts)) and " ".join(parts[start:end]) == shorter:
                return len(shorter) >= 0.4 * len(longer)
    return False


def is_site_heading(h1: HtmlElement) -> bool:
    """True for an ``<h1>`` that holds the site's name or logo, not a headline."""
    el: HtmlElement | None = h1
    for _ in range(3):
        if el is None:
            break
        if _SITE_H1_RE.search(hint_text(el)) or el.tag in ("nav", "footer"):
            return True
        el = el.getparent()
    return any(a.tag in ("nav", "footer") for a in h1.iterancestors())


def h1_candidates(root: HtmlElement) -> list[HtmlElement]:
    """The page's ``<h1>`` headings that are not a logo or site name."""
    return [h1 for h1 in root.iter("h1") if not is_site_heading(h1)]


def headline_element(
    root: HtmlElement, title: str | None, h1s: list[HtmlElement] | None = None
) -> HtmlElement | None:
    """The ``<h1>`` (else ``<h2>``) whose text is the chosen title; else the first non-logo h1.

    ``h1s``: the page's :func:`h1_candidates`, when the caller has them already."""
    if h1s is None:
        h1s = h1_candidates(root)
    if title:
        for heading in [*h1s, *root.iter("h2")]:
            if agrees(clean_text(heading.text_content()), title):
                return heading
    return h1s[0] if h1s else None


def choose_title(
    candidates: list[tuple[str, str]],
    headings: list[HtmlElement],
    title_tag: str | None,
    site_names: list[str],
) -> tuple[str | None, str]:
    """``(title, evidence)`` from metadata candidates ``(text, origin)``, ``<h1>`` elements and
    the ``<title>``."""
    h1s = [t for t in (clean_text(h.text_content()) for h in headings) if t and len(t) <= 400]
    others = [t for t, _ in candidates] + h1s
    raw = [(clean_text(text), origin) for text, origin in candidates if text and text.strip()]
    meta = [(strip_site_name(text, site_names, others), origin) for text, origin in raw]
    meta = [(t, o) for t, o in meta if t]
    for h1 in h1s:
        for text, origin in [*meta, *raw]:
            if agrees(h1, text):
                return h1, f"h1+{origin}"
    if title_tag:
        stripped = strip_site_name(title_tag, site_names, others)
        for h1 in h1s:
            if agrees(h1, stripped):
                return h1, "h1+title"
    if meta:
        return meta[0]
    if len(h1s) == 1 or (h1s and not title_tag):
        return h1s[0], "h1"
    if title_tag:
        return strip_site_name(title_tag, site_names, others), "title"
    return (h1s[0], "h1") if h1s else (None, "none")

"""Attribution: which outlet a republished story came from, found before boilerplate is stripped.

Rules, strongest first (each records an evidence string ``rule: text``):

- ``credit-line:*`` a whole paragraph naming the origin: "Source: X", "This story was first
  published by X", "Originally published at X", "Republished with permission from X",
  "Copyright 2026 The Associated Press", a lone "— Reuters"; Persian "منبع:", "منتشر شده در",
  "به نقل از"; Arabic "المصدر:", "نقلا عن". These paragraphs are removed from the body.
- ``jsonld:*`` the article's ``isBasedOn``/``isBasedOnUrl``, ``sourceOrganization``, ``citation``.
- ``dateline:agency`` "TEHRAN (IRNA) —" / "(AP) —" at the start of the story; ``trailing-agency``
  "... — Reuters" closing it; ``inline:*`` Persian "به نقل از X،" and Arabic "نقلا عن X" or
  "وكالة ... للأنباء" in the opening paragraphs.

  The closing name is read off the LAST paragraph of the finished body (``closing_credit``, after
  boilerplate is gone): " — Name", " – Name" or " - Name" ending it, Name being 1-6 words with
  no sentence punctuation, title-cased (or in Arabic script), and either a wire service
  (``AGENCIES``), a registered source's display name, or a name with an outlet word ("Agency",
  "News", "Press", "Times", "Herald", ..., "خبرگزاری", "وكالة", "صحيفة"). An outlet-word name
  also needs a finished sentence before the dash, so "... signed by two rivals — Harbour Times
  and Coastal Courier" stays a sentence; "— said the minister", "— and more" and a quoted
  person's name never match. The name leaves the body when it is the original source.
- ``foot-link`` a short closing paragraph that is mostly a link to another outlet.
- ``canonical:cross-site`` a rel=canonical on another site.

The site's own names and links are never the original source.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from urllib.parse import urlsplit

from wirecrawl.extract.content import Block
from wirecrawl.extract.dom import absolute
from wirecrawl.extract.structured import Structured, jsonld_list, jsonld_text, jsonld_url, types_of

#: Wire-service abbreviations as printed in datelines and footers, and the name we store.
AGENCIES: dict[str, str] = {
    "ap": "Associated Press",
    "the associated press": "Associated Press",
    "associated press": "Associated Press",
    "afp": "Agence France-Presse",
    "agence france-presse": "Agence France-Presse",
    "reuters": "Reuters",
    "upi": "United Press International",
    "dpa": "Deutsche Presse-Agentur",
    "ansa": "ANSA",
    "efe": "EFE",
    "xinhua": "Xinhua",
    "tass": "TASS",
    "ria": "RIA Novosti",
    "anadolu": "Anadolu Agency",
    "aa": "Anadolu Agency",
    "pti": "Press Trust of India",
    "ians": "IANS",
    "ani": "ANI",
    "kyodo": "Kyodo News",
    "yonhap": "Yonhap",
    "bernama": "Bernama",
    "irna": "IRNA",
    "isna": "ISNA",
    "mehr": "Mehr News Agency",
    "mna": "Mehr News Agency",
    "tasnim": "Tasnim News Agency",
    "fars": "Fars News Agency",
    "ilna": "ILNA",
    "wafa": "WAFA",
    "spa": "Saudi Press Agency",
    "kuna": "Kuwait News Agency",
    "qna": "Qatar News Agency",
    "wam": "WAM",
    "mena": "MENA",
    "petra": "Petra",
    "sana": "SANA",
    "ina": "Iraqi News Agency",
    "bna": "Bahrain News Agency",
    "ona": "Oman News Agency",
    "aps": "Algeria Press Service",
    "map": "Maghreb Arabe Presse",
    "nna": "National News Agency",
    "ایرنا": "IRNA",
    "ایسنا": "ISNA",
    "مهر": "Mehr News Agency",
    "تسنیم": "Tasnim News Agency",
    "فارس": "Fars News Agency",
    "ایلنا": "ILNA",
    "رويترز": "Reuters",
    "رویترز": "Reuters",
    "أ ف ب": "Agence France-Presse",
    "ا ف ب": "Agence France-Presse",
    "فرانس برس": "Agence France-Presse",
    "واس": "Saudi Press Agency",
    "كونا": "Kuwait News Agency",
    "قنا": "Qatar News Agency",
    "وفا": "WAFA",
    "وام": "WAM",
    "بترا": "Petra",
    "سانا": "SANA",
}
_SOCIAL_DOMAINS = (
    "facebook.",
    "twitter.",
    "x.com",
    "t.me",
    "telegram.",
    "instagram.",
    "youtube.",
    "youtu.be",
    "linkedin.",
    "whatsapp.",
    "wa.me",
    "pinterest.",
    "reddit.",
    "tiktok.",
    "google.",
    "apple.com",
    "flipboard.",
    "mailto:",
    "addtoany.",
)

_NAME_STOP_RE = re.compile(
    r"\s*(?:[;|،؛]|\.(?:\s|$)|\s[-–—]\s|\s(?:on|at)\s+(?:\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct"
    r"|nov|dec|monday|tuesday|wednesday|thursday|friday|saturday|sunday)|\s(?:and|which|where)"
    r"\s+(?:is|was|has|are|were)\b|\sunder\s|\swith permission|\sas part of|\sand (?:is|was)"
    r"\s+(?:re)?published|\sand reprinted|,\s+(?:and|which|where|a|an|the)\b|\(|\s+در تاریخ"
    r"|\s+بتاريخ|\s+و\s+(?:است|بود))",
    re.IGNORECASE,
)

# (rule, pattern) for whole-paragraph credit lines; group "name" holds the outlet.
_CREDIT_LINES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (rule, re.compile(pattern, re.IGNORECASE))
    for rule, pattern in (
        (
            "credit-line:source",
            r"^(?:sources?|credit|courtesy(?: of)?|via|original(?: source)?|origin|from)\s*[:：]\s*"
            r"(?P<name>.+)$",
        ),
        (
            "credit-line:first-published-by",
            r"^(?:this|the|a version of this) (?:story|article|report|piece|post|content|interview"
            r"|feature|column|op-ed|analysis|commentary|news story|item)(?: \w+){0,4}? (?:was|is"
            r"|has been|were|first|originally)(?: \w+){0,3}? (?:published|posted|produced|reported"
            r"|appeared|written|distributed|reprinted|republished|shared)(?: \w+){0,3}? (?:by|in|on"
            r"|at|with|from)\s+(?P<name>.+)$",
        ),
        (
            "credit-line:originally-published",
            r"^(?:it was |this was )?(?:originally|first) (?:published|posted|appeared|ran|reported)"
            r"(?: \w+){0,2}? (?:by|in|on|at)\s+(?P<name>.+)$",
        ),
        (
            "credit-line:republished",
            r"^(?:re-?published|reprinted|reposted|shared|used|posted)(?: here)?(?: with"
            r"(?: the)? (?:kind )?permission)?(?: (?:of|from|by|courtesy of))\s+(?P<name>.+)$",
        ),
        (
            "credit-line:read-original",
            r"^(?:read|see|view) (?:the )?(?:original|full) (?:article|story|report|post|version)?"
            r"\s*(?:at|on|in|here)?\s*[:：]?\s*(?P<name>.*)$",
        ),
        (
            "credit-line:copyright",
            r"^(?:©|copyright|\(c\))\s*(?:©\s*)?(?:\d{4}\s*,?\s*)?(?P<name>[^.]+?)\.?"
            r"(?:\s*all rights reserved\.?)?$",
        ),
        ("credit-line:agency", r"^[—–-]{0,2}\s*\(?(?P<name>[A-Za-z][A-Za-z .'-]{1,30}?)\)?\s*$"),
        ("credit-line:fa:source", r"^(?:منبع|مأخذ|ماخذ)\s*[:：]\s*(?P<name>.+)$"),
        (
            "credit-line:fa:published-in",
            r"^(?:این (?:خبر|گزارش|مطلب|مقاله|یادداشت) )?(?:نخستین بار |ابتدا )?"
            r"(?:منتشر شده در|منتشرشده در|انتشار یافته در|به نقل از)\s+(?P<name>.+)$",
        ),
        ("credit-line:ar:source", r"^(?:المصدر|المصادر|مصدر الخبر)\s*[:：]\s*(?P<name>.+)$"),
        (
            "credit-line:ar:quoted-from",
            r"^(?:نقلا|نقلاً|نقلًا) عن\s+(?P<name>.+)$"
            r"|^(?:نشر|نُشر) (?:هذا )?(?:المقال|التقرير|الخبر)? ?(?:أولا|أولاً|لأول مرة)? ?في\s+"
            r"(?P<name2>.+)$",
        ),
    )
)
# Whether any credit-line rule matches, in one search: most paragraphs are not credit lines,
# and trying the eleven rules one by one cost ten more calls a paragraph.
_ANY_CREDIT_LINE = re.compile(
    "|".join(f"(?:{re.sub(r'[(][?]P<[a-z0-9]+>', '(?:', p.pattern)})" for _, p in _CREDIT_LINES),
    re.IGNORECASE,
)
_DATELINE_RE = re.compile(
    r"^(?P<place>[^()\n]{0,60}?)\s*\((?P<abbr>[A-Za-z][A-Za-z. ]{0,14}(?:/[A-Za-z][A-Za-z. ]{0,14})?"
    r"|[\u0600-\u06ff ]{2,16})\)\s*[-–—:]{1,2}\s*\S"
)
_TRAILING_RE = re.compile(
    r"(?:[-–—]{1,2}\s*|\()(?P<abbr>Reuters|AP|AFP|UPI|dpa|ANSA|EFE|Xinhua|IRNA|ISNA|TASS|Kyodo"
    r"|Yonhap|Bernama|Anadolu|WAFA|SPA|KUNA|QNA|WAM|MENA)\)?\s*\.?$"
)
_FA_REPORTED_RE = re.compile(r"^به گزارش\s+(?P<name>[^،,.:؛()]{2,40}?)\s*[،,]")
_FA_QUOTING_RE = re.compile(r"به نقل از\s+(?P<name>[^،,.:؛()]{2,60}?)\s*[،,.:؛]")
_AR_QUOTING_RE = re.compile(r"(?:نقلا|نقلاً|نقلًا) عن\s+(?P<name>[^،,.:؛()]{2,60}?)\s*[،,.:؛]")
_AR_AGENCY_RE = re.compile(
    r"(?P<name>وكالة\s+(?:[^\s،,.:()]+\s+){0,3}?للأنباء|وكالة الأنباء\s+[^\s،,.:()]+"
    r"(?:\s+[^\s،,.:()]+)?)"
)
_BARE_DATELINE_RE = re.compile(r"^\((?P<abbr>[A-Za-z][A-Za-z.]{0,14})\)\s*[-–—:]{1,2}\s*")
# An Arabic-script letter (or mark, or ZWNJ): no digits, no "،" "؛" "؟" "۔".
_AR_LETTER = "[\u0620-\u065f\u066e-\u06d3\u06d5\u06fa-\u06fc\u200c]"
_TRAILING_NAME_RE = re.compile(
    r"(?:(?<!\w)[—–]{1,2}|(?<!\S)-{1,2}(?=\s))\s*"
    r"(?P<name>[A-Z][\w.'&-]*(?:\s+(?:of|the|and|for|on|de|du|des|la|le|al-|[A-Z][\w.'&-]*)){0,5}"
    rf"|{_AR_LETTER}+(?:\s+{_AR_LETTER}+){{0,5}})"
    r"\s*\.?$"
)
_OUTLET_WORDS_RE = re.compile(
    r"(?:agency|news|press|times|post|herald|ledger|courier|gazette|wire|daily|journal|tribune"
    r"|chronicle|observer|review|telegraph|dispatch|bulletin|standard|mail|express|record|today"
    r"|network|media|service|digest|weekly|monitor|reuters)$",
    re.IGNORECASE,
)
# Arabic-script names that start with an outlet word: agency, newspaper, weekly, site, network.
_OUTLET_START_RE = re.compile(
    r"^(?:خبرگزاری|روزنامه|هفته‌?نامه|هفته نامه|پایگاه|وكالة|وکالة|صحيفة|جريدة|شبكة|موقع|قناة)\s"
)
# Section and link labels built like outlet names ("More News", "Latest Headlines"): never one.
_FURNITURE_NAME_RE = re.compile(
    r"^(?:more|latest|top|breaking|related|other|all|our|your|recent|popular|trending|home|read"
    r"|see|view|next|previous|back|follow|subscribe)\b",
    re.IGNORECASE,
)
_SENTENCE_END_RE = re.compile(r"(?:^|[.!?؟…:;\"'”’»)\]])\s*$")
# Rules a closing "— Name" outranks (the docstring's order); stronger ones keep their source.
_WEAKER_THAN_CLOSING = ("inline:", "foot-link", "canonical:")
_FOOT_WORDS_RE = re.compile(
    r"source|via|original|published|credit|courtesy|read|منبع|به نقل|منتشر|المصدر|نقلا|نشر",
    re.IGNORECASE,
)
_BAD_NAMES = re.compile(
    r"^(?:here|link|this link|click here|the original|original|website|site"
    r"|اینجا|هنا|المصدر)$",
    re.IGNORECASE,
)


@dataclass
class Attribution:
    """The original outlet of a republished story and the evidence for it."""

    source: str | None = None
    url: str | None = None
    evidence: list[str] = field(default_factory=list)
    rule: str | None = None
    credit_lines: set[str] = field(default_factory=set)
    strip_prefix: str | None = None
    strip_suffix: str | None = None


@dataclass(frozen=True)
class Site:
    """What identifies the page's own site: its names, and a same-site test for URLs."""

    names: frozenset[str]
    is_own_url: Callable[[str], bool]
    base: str

    def is_own_name(self, name: str) -> bool:
        key = _name_key(name)
        if not key:
            return True
        return any(key == n or (len(n) > 3 and (n in key or key in n)) for n in self.names)


def _name_key(name: str) -> str:
    key = re.sub(r"[^\w]+", " ", name.casefold()).strip()
    return re.sub(r"^the\s+", "", key)


_AGENCY_WORDS_RE = re.compile(
    r"^(?:the\s+)|^(?:خبرگزاری|وکالت|وكالة|وكالة أنباء)\s+|\s+(?:news agency|agency|خبرگزاری)$"
)


def agency_name(text: str) -> str | None:
    """Our stored name for a wire service's abbreviation or name ("AP" -> "Associated Press")."""
    key = " ".join(text.replace(".", " ").split()).casefold()
    for candidate in (key, key.replace(" ", ""), _AGENCY_WORDS_RE.sub("", key)):
        if candidate in AGENCIES:
            return AGENCIES[candidate]
    return None


@lru_cache(maxsize=1)
def _registry_initials() -> dict[str, str]:
    """Initials of the built-in sources' names ("MPA" -> "Meridian Press Agency")."""
    from wirecrawl.sources import SourceError, load_sources

    try:
        sources = load_sources()
    except (SourceError, OSError):
        return {}
    initials: dict[str, str] = {}
    for source in sources:
        words = [
            w for w in re.split(r"[\s-]+", source.display_name) if w.lower() not in ("the", "of")
        ]
        key = "".join(w[0] for w in words if w).upper()
        if len(key) >= 2:
            initials.setdefault(key, source.display_name)
    return initials


def outlet_for_abbreviation(abbr: str) -> str | None:
    """The name behind a dateline abbreviation: a wire service, else a known source's initials."""
    return agency_name(abbr) or _registry_initials().get(abbr.replace(".", "").upper())


def _clean_name(raw: str) -> str:
    name = _NAME_STOP_RE.split(raw, maxsplit=1)[0]
    name = re.sub(r"^(?:the website of|the site|website|site)\s+(?=\S)", "", name, flags=re.I)
    return name.strip(" \t\"'“”«»:：,.،")


def _external_links(block: Block, site: Site) -> list[tuple[str, str]]:
    found = []
    for href, label in block.links:
        url = absolute(href, site.base)
        if not url or not url.startswith(("http://", "https://")):
            continue
        if any(d in url for d in _SOCIAL_DOMAINS) or site.is_own_url(url):
            continue
        found.append((url, label))
    return found


def _looks_like_url(text: str) -> bool:
    text = text.strip()
    return bool(
        re.match(r"^(?:https?://|www\.)\S+$", text, re.IGNORECASE)
        or re.match(r"^[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?:/\S*)?$", text, re.IGNORECASE)
    )


def _name_from_url(url: str) -> str:
    host = re.sub(r"^https?://", "", url).split("/", 1)[0].split(":", 1)[0]
    return re.sub(r"^(?:www|m|amp)\.", "", host)


def _resolve(name: str, block: Block, site: Site) -> tuple[str | None, str | None]:
    """The outlet's name and URL from a credit line's text and its links."""
    name = _clean_name(name)
    url = None
    for link_url, label in _external_links(block, site):
        label = label.strip()
        if label and (label in name or name in label or _looks_like_url(name)):
            url = link_url
            if label and not _looks_like_url(label) and not _BAD_NAMES.match(label):
                name = _clean_name(label) if len(label) <= len(name) or not name else name
            break
        url = url or link_url
    if _looks_like_url(name):
        url = url or (name if name.startswith("http") else f"https://{name}")
        name = _name_from_url(url)
    if not name or _BAD_NAMES.match(name) or len(name) > 80:
        name = _name_from_url(url) if url else ""
    return (agency_name(name) or name or None), url


def _credit_line(block: Block, site: Site) -> tuple[str, str | None, str | None] | None:
    text = block.text.strip()
    if len(text) > 300 or not _ANY_CREDIT_LINE.match(text):
        return None
    for rule, pattern in _CREDIT_LINES:
        match = pattern.match(text)
        if not match:
            continue
        raw = next((v for v in match.groupdict().values() if v), "")
        if rule == "credit-line:agency":  # "— Reuters"; "— Harbour Times" needs its dash
            name = agency_name(raw)
            if name is None and text.startswith(("—", "–", "-")):
                name = _outlet_name(raw.strip(), after_sentence=True)
            if name and not site.is_own_name(name):
                return rule, name, None
            continue
        if rule == "credit-line:copyright":
            name = agency_name(_clean_name(raw))
            if name and not site.is_own_name(name):
                return rule, name, None
            continue
        if rule == "credit-line:read-original" and not _external_links(block, site):
            continue
        name, url = _resolve(raw, block, site)
        if name and not site.is_own_name(name) and not (url and site.is_own_url(url)):
            return rule, name, url
    return None


def _jsonld(found: Structured, site: Site) -> tuple[str, str | None, str | None] | None:
    article = found.article or {}
    for key in ("isBasedOn", "isBasedOnUrl", "sourceOrganization", "citation"):
        for value in jsonld_list(article.get(key)):
            value = found.resolve(value)
            url = jsonld_url(value) if not isinstance(value, dict) or "url" in value else None
            name = None
            if isinstance(value, dict):
                publisher = found.resolve(value.get("publisher"))
                name = jsonld_text(publisher) if publisher else None
                if not name and types_of(value) & {"organization", "newsmediaorganization"}:
                    name = jsonld_text(value.get("name"))
            if url:
                url = absolute(url, site.base)
            if url and site.is_own_url(url):
                continue
            if name and site.is_own_name(name):
                name = None
            if name or url:
                return f"jsonld:{key}", name or (_name_from_url(url) if url else None), url
    return None


def _inline(blocks: list[Block], site: Site) -> tuple[str, str | None, str | None] | None:
    opening = [b.text for b in blocks[:2]]
    for text in opening:
        match = _DATELINE_RE.match(text)
        if match:
            abbr = match.group("abbr").strip()
            name = outlet_for_abbreviation(abbr.split("/")[0])
            if name is None and abbr.isupper() and len(abbr) <= 6:
                place = match.group("place").strip()
                first = place.split(" ", 1)[0].strip(",") if place else ""
                if not place or (first.isupper() and len(first) > 1):
                    name = abbr
            if name and not site.is_own_name(name) and not site.is_own_name(abbr):
                return "dateline:agency", name, None
    for text in opening:
        for rule, pattern in (
            ("inline:fa:quoting", _FA_QUOTING_RE),
            ("inline:ar:quoting", _AR_QUOTING_RE),
            ("inline:ar:agency", _AR_AGENCY_RE),
        ):
            match = pattern.search(text)
            if match:
                name = _clean_name(match.group("name"))
                name = agency_name(name) or name
                if name and not site.is_own_name(name):
                    return rule, name, None
        match = _FA_REPORTED_RE.match(text)
        if match:
            name = agency_name(_clean_name(match.group("name")))
            if name and not site.is_own_name(name):
                return "inline:fa:reported-by", name, None
    return None


@lru_cache(maxsize=1)
def _registry_names() -> dict[str, str]:
    """The built-in sources' display names by their name key ("meridian press agency" -> ...)."""
    from wirecrawl.sources import SourceError, load_sources

    try:
        sources = load_sources()
    except (SourceError, OSError):
        return {}
    return {_name_key(s.display_name): s.display_name for s in sources if _name_key(s.display_name)}


def _outlet_name(name: str, after_sentence: bool) -> str | None:
    """The outlet a closing name stands for, or None for a person, a phrase or a clause."""
    words = name.split()
    if len(words) == 1 and name.isascii():  # "— AP", "— MPA", "— Reuters"; not "— Sana"
        known = agency_name(name) or outlet_for_abbreviation(name)
        return known if known and (name.isupper() or known.startswith(name)) else None
    known = agency_name(name) or _registry_names().get(_name_key(name))
    if known:
        return known
    if not after_sentence or len(words) < 2:
        return None
    if name.isascii():
        if _FURNITURE_NAME_RE.match(name):
            return None
        parts = re.split(r"\s+(?:of|for|on|de|du|des)\s+", name, maxsplit=1)
        if len(parts) == 2 and len(parts[1].split()) > 2:
            return None
        return name if _OUTLET_WORDS_RE.match(parts[0].split()[-1]) else None
    return name if _OUTLET_START_RE.match(name) else None


def trailing_outlet(text: str) -> tuple[str | None, str | None]:
    """``(outlet, suffix as written)`` for a paragraph closing "... — Reuters" or "— Harbour Times".

    ``(None, None)`` when the paragraph ends otherwise (see the module docstring for the rule).
    """
    match = _TRAILING_RE.search(text)
    if match:
        return agency_name(match.group("abbr")), match.group(0)
    match = _TRAILING_NAME_RE.search(text)
    if match:
        before = text[: match.start()].rstrip()
        name = match.group("name").strip().rstrip(".")
        outlet = _outlet_name(name, bool(_SENTENCE_END_RE.search(before)))
        if outlet:
            return outlet, text[len(before) :]
    return None, None


def closing_credit(result: Attribution, body: list[str], site: Site) -> None:
    """Read a closing "— Outlet" off the finished body's last paragraph into ``result``.

    It names the original source unless a stronger rule already did; the suffix is marked for
    removal when its outlet is the source. The site's own name is never taken.
    """
    if not body:
        return
    name, suffix = trailing_outlet(body[-1])
    if not name or site.is_own_name(name):
        return
    result.evidence.append(f"trailing-agency: {name}")
    if result.source is None or (result.rule or "").startswith(_WEAKER_THAN_CLOSING):
        result.source, result.rule = name, "trailing-agency"
    if name == result.source:
        result.strip_suffix = suffix


def _markers(story: list[Block], result: Attribution) -> None:
    """Record the bare "(MPA) — " opening, which leaves the body."""
    if not story:
        return
    match = _BARE_DATELINE_RE.match(story[0].text)
    if match and result.rule == "dateline:agency":
        result.strip_prefix = match.group(0)


def _foot_link(blocks: list[Block], site: Site) -> tuple[str, str | None, str | None] | None:
    for block in reversed(blocks[-3:]):
        if len(block.text.split()) > 40:
            continue
        links = _external_links(block, site)
        if not links:
            continue
        if block.link_density < 0.6 and not _FOOT_WORDS_RE.search(block.text):
            continue
        url, label = links[0]
        name = label if label and not _looks_like_url(label) and not _BAD_NAMES.match(label) else ""
        name = _clean_name(name) or _name_from_url(url)
        if not site.is_own_name(name):
            return "foot-link", agency_name(name) or name, url
    return None


def find_attribution(
    blocks: Iterable[Block],
    credit_blocks: Iterable[Block],
    found: Structured,
    site: Site,
    cross_site_canonical: str | None = None,
) -> Attribution:
    """Apply the rules of the module docstring to the story's blocks (before boilerplate removal).

    ``blocks`` are the main content's blocks in order (furniture inside it included);
    ``credit_blocks`` are blocks of credit-like elements elsewhere on the page.
    """
    story = list(blocks)
    result = Attribution()
    hits: list[tuple[str, str | None, str | None, str]] = []
    for block in [*story, *credit_blocks]:
        hit = _credit_line(block, site)
        if hit:
            result.credit_lines.add(block.text)
            hits.append((*hit, block.text))
    for hit in (_jsonld(found, site), _inline(story, site), _foot_link(story, site)):
        if hit:
            hits.append((*hit, ""))
    if cross_site_canonical and not site.is_own_url(cross_site_canonical):
        hits.append(("canonical:cross-site", None, cross_site_canonical, ""))
    for rule, name, url, text in hits:
        result.evidence.append(f"{rule}: {text or name or url}"[:300])
    for rule, name, url, _ in hits:
        if name and result.source is None:
            result.source, result.rule = name, rule
            result.url = url
        if url and result.url is None and result.source is not None:
            result.url = url
    if result.source is None:
        for rule, _, url, _ in hits:
            if url:
                result.source, result.url, result.rule = _name_from_url(url), url, rule
                break
    _markers(story, result)
    return result


@lru_cache(maxsize=4096)
def _domain(host: str) -> str:
    """``urls.registrable_domain`` of a host, cached (a page asks about the same hosts often)."""
    from wirecrawl.urls import registrable_domain

    try:
        return registrable_domain(f"http://{host}/")
    except ValueError:
        return host


def same_site(a: str, b: str) -> bool:
    """True when two absolute URLs share a registrable domain; False for a URL without a host."""
    try:
        host_a = (urlsplit(a).hostname or "").lower().rstrip(".")
        host_b = (urlsplit(b).hostname or "").lower().rstrip(".")
    except ValueError:
        return False
    if not host_a or not host_b:
        return False
    return host_a == host_b or _domain(host_a) == _domain(host_b)


def site_for(names: Iterable[str | None], page_url: str, base: str) -> Site:
    """The page's own site: its names (display name, og:site_name...) and host."""
    keys = frozenset(k for k in (_name_key(n) for n in names if n) if k)
    return Site(keys, lambda url: same_site(url, page_url), base)

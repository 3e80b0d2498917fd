"""Boilerplate paragraphs: generic rules, a source's own patterns, and texts learned per source.

A paragraph is boilerplate when it matches a generic rule (share widgets, "Read more", newsletter
prompts, advertisement labels, copyright lines, photo credits, end-of-story markers in English,
Persian, Arabic and a few European languages), one of ``source.boilerplate`` (an entry with regex
characters is a regex searched case-insensitively; plain text must equal the paragraph or start
it), or a text the crawl learned as repeated across many of the source's pages.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from wirecrawl.sources import Source

_TRIM = " \t\n.:;!|·•>»«›‹-–—()[]\u061b\u060c\u06d4"


@lru_cache(maxsize=4096)  # pure; asked about three times a paragraph (body filter, rules, learner)
def paragraph_key(text: str) -> str:
    """Case- and space-insensitive key used to compare paragraphs (also the learner's key)."""
    return " ".join(text.split()).casefold()


# Whole-paragraph rules: (name, longest paragraph they may match, pattern matched in full against
# the case-folded paragraph with its surrounding punctuation trimmed).
_RULES: tuple[tuple[str, int, str], ...] = (
    (
        "advertisement",
        60,
        r"(advertisement|advertising|advertisment|ad|sponsored( content)?|paid (post|content)"
        r"|anzeige|werbung|publicit[ée]|publicidad|pubblicit[àa]|reklam[ae]?|reclame"
        r"|إعلان|اعلان|تبلیغات|آگهی|广告|広告|광고)"
        r"( - (story|article) continues below)?",
    ),
    (
        "continues-below",
        80,
        r"((advertisement|ad)\W*)?(the )?(story|article|text) continues below.*"
        r"|continue reading( (below|the (main )?story))?.*",
    ),
    (
        "share",
        120,
        r"((share|share this( article| story| post| page)?|share on|share via|tweet|email|e-mail"
        r"|print|copy( the)? link|link copied|copied|whatsapp|facebook|twitter|x|linkedin"
        r"|telegram|reddit|pinterest|messenger|flipboard|comments?|save|bookmark|gift( this)? article"
        r"|partager|teilen|compartir|condividi|مشاركة|شارك|اشتراک‌?گذاری|اشتراک گذاری|کپی شد"
        r"|کپی لینک)[\s|/·•,:]*)+",
    ),
    (
        "read-more",
        220,
        r"((read|see) (more|also)|also read|more( reading)?|related( articles| stories| content"
        r"| posts| news| coverage)?|recommended( for you| reading| stories)?"
        r"|you (may|might) (also )?(like|be interested in)|don'?t miss|must read|top stories"
        r"|most (read|popular|viewed|shared)|trending( now| stories)?|recent posts|popular posts"
        r"|latest (news|stories|posts)|more (stories|news|from|on)|editor'?s picks?"
        r"|lire aussi|à lire aussi|voir aussi|lesen sie auch|mehr zum thema|auch interessant"
        r"|lee también|leer más|te puede interesar|ver también|leggi anche"
        r"|بیشتر بخوانید|بخوانید|اخبار مرتبط|مطالب مرتبط|خبرهای مرتبط|پربازدیدترین"
        r"|اقرأ أيضا|اقرأ أيضاً|اقرأ ايضا|اقرأ المزيد|مواضيع ذات صلة|أخبار ذات صلة|الأكثر قراءة"
        r"|اخترنا لك)(\s*[:：|»›>-].*)?",
    ),
    (
        "newsletter",
        300,
        r".{0,120}\b(sign up|subscribe)\b.{0,120}\b(newsletters?|inbox)\b.*"
        r"|(get|receive) (our|the) .{0,60}(newsletter|in your inbox).*"
        r"|subscribe( now| today| here| to (our|the) .{0,60})?"
        r"|اشترك في (النشرة|نشرتنا).*|عضویت در خبرنامه.*",
    ),
    (
        "follow-us",
        160,
        r"(follow|like|join) us on .*|join our (telegram|whatsapp|facebook) .*"
        r"|(تابعونا|تابعوا) .*|ما را در .{1,40} دنبال کنید.*",
    ),
    (
        "copyright",
        220,
        r"(©|\(c\)|copyright\s*(©|\(c\)|\d{4})).*|.*\ball rights reserved\b.*|.*(جميع|كافة) الحقوق محفوظة.*"
        r"|.*(تمامی|کلیه) حقوق .{0,80}محفوظ .*",
    ),
    (
        "photo-credit",
        160,
        r"((file )?(photo|photograph|image|picture|foto|illustration|video)s?( credit)?"
        r"|(photo|image) by|credit|عکس|صورة|الصورة)\s*[:/|©].*"
        r"|[\w .'-]{2,40}/(ap|afp|reuters|getty images|epa|epa-efe|shutterstock|bloomberg|dpa"
        r"|anadolu|xinhua|sipa|ap photo)",
    ),
    (
        "comments",
        80,
        r"\d* ?comments?|leave a (comment|reply)|post a comment|add (a )?comment|show comments"
        r"|view comments|join the (conversation|discussion)|comments are closed"
        r"|نظرات|ارسال نظر|التعليقات|أضف تعليق",
    ),
    (
        "page-chrome",
        90,
        r"skip to (main )?content|back to top|click here.{0,60}|loading(\.\.\.|…)?"
        r"|please enable javascript.*|(this|our) (site|website) uses cookies.*|accept( all)? cookies"
        r"|download (our|the) app.*|listen to (this|the) (article|story).*|\d+ min(ute)?s? read"
        r"|report an? (error|typo|correction)|print this (page|article)",
    ),
    (
        "tags",
        200,
        r"(tags?|topics?|keywords?|filed under|categories|برچسب‌?ها|کلیدواژه‌?ها|الكلمات المفتاحية"
        r"|كلمات مفتاحية|الوسوم)\s*[:：].*",
    ),
    (
        "end-of-story",
        60,
        r"(انتهای پیام|پایان پیام|/?انتهای خبر|کد خبر\s*[:：]?\s*\d+|لینک کوتاه.*|short link.*"
        r"|end of story|\(?end\)?|-+ ?30 ?-+|###)",
    ),
    (
        "credit-line",
        260,
        r"(\(?(additional )?(reporting|writing|editing|compiled|translation|translated)"
        r"( and \w+)? by\b.*\)?|\(?(editing|edited) by\b.*\)?)",
    ),
)
# Words without which a rule cannot match: the rules that look for a phrase anywhere in the
# paragraph (".*all rights reserved.*") make the regex engine try each position of it, 7 us a
# paragraph for "copyright" alone; a substring test first rules out nearly every paragraph.
_NEEDLES: dict[str, tuple[str, ...]] = {
    "copyright": ("©", "(c)", "copyright", "all rights reserved", "حقوق"),
    "newsletter": ("subscribe", "newsletter", "inbox", "اشترك", "خبرنامه"),
}
_COMPILED = tuple(
    sorted(
        (
            (name, limit, re.compile(pattern), _NEEDLES.get(name, ()))
            for name, limit, pattern in _RULES
        ),
        key=lambda rule: -rule[1],
    )
)


def generic_rule(text: str) -> str | None:
    """Name of the generic rule a whole paragraph matches ("share", "read-more"...), or None."""
    if len(text) > 300:
        return None
    return _generic_rule(text)


@lru_cache(maxsize=8192)  # pure; a site's furniture repeats on every page
def _generic_rule(text: str) -> str | None:
    folded = paragraph_key(text).strip(_TRIM)
    if not folded:
        return "empty"
    for name, limit, pattern, needles in _COMPILED:
        if len(folded) > limit:
            break
        if needles and not any(needle in folded for needle in needles):
            continue
        if pattern.fullmatch(folded):
            return name
    return None


_REGEX_CHARS = set("^$*+?[]\\|{}")


@lru_cache(maxsize=256)
def _source_matchers(entries: tuple[str, ...]) -> tuple[tuple[str, re.Pattern[str] | None], ...]:
    matchers: list[tuple[str, re.Pattern[str] | None]] = []
    for entry in entries:
        pattern = None
        if _REGEX_CHARS & set(entry):
            try:
                pattern = re.compile(entry, re.IGNORECASE)
            except re.error:
                pattern = None
        matchers.append((paragraph_key(entry), pattern))
    return tuple(matchers)


def source_rule(text: str, entries: tuple[str, ...]) -> bool:
    """True if ``text`` matches one of a source's boilerplate entries (regex or leading text)."""
    if not entries:
        return False
    key = paragraph_key(text)
    for plain, pattern in _source_matchers(entries):
        if pattern is not None:
            if pattern.search(text):
                return True
        elif plain and key.startswith(plain):
            return True
    return False


def learned_key_set(learned: Collection[str]) -> frozenset[str]:
    """The :func:`paragraph_key` of each learned text (cached for the frozensets a crawl
    publishes, which are asked for on every page until the next recount)."""
    if isinstance(learned, frozenset):
        return _learned_keys(learned)
    return frozenset(paragraph_key(t) for t in learned)


@lru_cache(maxsize=64)
def _learned_keys(learned: frozenset[str]) -> frozenset[str]:
    return frozenset(paragraph_key(t) for t in learned)


def boilerplate_rule(
    text: str, source: Source | None = None, learned_keys: Collection[str] = ()
) -> str | None:
    """Why a paragraph is boilerplate ("generic:share", "source", "learned"), or None if it is not.

    ``learned_keys`` are :func:`paragraph_key` values of learned texts.
    """
    if learned_keys and paragraph_key(text) in learned_keys:
        return "learned"
    if source is not None and source_rule(text, source.boilerplate):
        return "source"
    rule = generic_rule(text)
    return f"generic:{rule}" if rule else None


def text_hash(text: str) -> str:
    """Stable short hash of a paragraph's key (the learner's row id)."""
    return hashlib.sha1(paragraph_key(text).encode("utf-8")).hexdigest()[:16]


@dataclass
class _SourceCounts:
    pages: int = 0
    seen: Counter[str] = field(default_factory=Counter)
    texts: dict[str, str] = field(default_factory=dict)
    # keys seen on at least ``min_pages`` pages: the only ones that can be learned, so
    # ``learned`` looks at these few instead of every paragraph ever counted
    frequent: set[str] = field(default_factory=set)


class BoilerplateLearner:
    """Learns paragraphs repeated across a source's pages; pure, persisted as rows.

    A paragraph is learned once it appeared on at least ``min_pages`` pages of the source and on
    at least ``share`` of the pages observed. Only paragraphs up to ``max_length`` characters are
    counted, and a source keeps at most ``max_texts`` texts (texts seen once are forgotten first).
    ``to_rows`` gives ``(source, text_hash, text, pages_seen)``; the row with an empty hash and
    text carries the number of pages observed.
    """

    def __init__(
        self,
        min_pages: int = 5,
        share: float = 0.3,
        *,
        max_length: int = 1000,
        max_texts: int = 20000,
    ) -> None:
        self.min_pages = min_pages
        self.share = share
        self.max_length = max_length
        self.max_texts = max_texts
        self._sources: dict[str, _SourceCounts] = {}

    def observe(self, source_name: str, paragraphs: Iterable[str]) -> None:
        """Count one page's paragraphs (each distinct paragraph once per page)."""
        counts = self._sources.setdefault(source_name, _SourceCounts())
        counts.pages += 1
        keys: dict[str, str] = {}
        for paragraph in paragraphs:
            text = " ".join(paragraph.split())
            if text and len(text) <= self.max_length:
                keys.setdefault(text_hash(text), text)
        for key, text in keys.items():
            counts.seen[key] += 1
            counts.texts.setdefault(key, text)
            if counts.seen[key] >= self.min_pages:
                counts.frequent.add(key)
        if len(counts.texts) > self.max_texts:
            self._forget_rare(counts)

    @staticmethod
    def _forget_rare(counts: _SourceCounts) -> None:
        for key in [k for k, n in counts.seen.items() if n <= 1]:
            del counts.seen[key]
            counts.texts.pop(key, None)
            counts.frequent.discard(key)

    def pages(self, source_name: str) -> int:
        """Pages observed for ``source_name`` so far (learned rows included)."""
        counts = self._sources.get(source_name)
        return counts.pages if counts is not None else 0

    def learned(self, source_name: str) -> set[str]:
        """Texts learned as boilerplate for ``source_name`` (empty for an unknown source)."""
        counts = self._sources.get(source_name)
        if counts is None or counts.pages < self.min_pages:
            return set()
        floor = max(self.min_pages, self.share * counts.pages)
        return {counts.texts[k] for k in counts.frequent if counts.seen[k] >= floor}

    def to_rows(self) -> list[tuple[str, str, str, int]]:
        """Rows ``(source, text_hash, text, pages_seen)``, a page-count row first per source."""
        rows: list[tuple[str, str, str, int]] = []
        for name, counts in sorted(self._sources.items()):
            rows.append((name, "", "", counts.pages))
            for key, n in sorted(counts.seen.items()):
                rows.append((name, key, counts.texts[key], n))
        return rows

    def from_rows(self, rows: Iterable[tuple[str, str, str, int]]) -> BoilerplateLearner:
        """Load rows written by :meth:`to_rows` into this learner (adding up); returns self."""
        for name, key, text, pages_seen in rows:
            counts = self._sources.setdefault(name, _SourceCounts())
            if not key:
                counts.pages = max(counts.pages, int(pages_seen))
                continue
            counts.seen[key] = max(counts.seen[key], int(pages_seen))
            counts.texts[key] = text
            if counts.seen[key] >= self.min_pages:
                counts.frequent.add(key)
        return self

"""Generic main-content extraction over the shared lxml tree.

One walk turns the page into text blocks (a ``<p>``, a heading, a list item, a run of text
directly inside a ``<div>``; ``<br><br>`` splits a block). Scripts, forms, figures and captions,
``nav``/``aside``/``header``/``footer`` and hidden elements are never walked; elements whose
class/id names furniture (comments, sidebars, related links, share and newsletter boxes, ads)
are remembered, and their blocks are left out unless that element wraps most of the page.

The container is chosen in this order: the element holding most of a structured-data body
(``guide``, e.g. JSON-LD ``articleBody``), an element named as the body (``itemprop=articleBody``,
``entry-content``, ``article-body``...), else the element with the best text score
(readability-style: paragraph length and commas credited to parent and grandparent, weighted by
class hints and link density), with sibling sections that score alike. Its blocks are then
filtered: link lists, generic boilerplate, datelines and bylines, pull quotes repeating a
paragraph, headings with no text after them, label-like leftovers at either end.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from lxml.html import HtmlElement

from wirecrawl.extract.boilerplate import generic_rule, paragraph_key
from wirecrawl.extract.dom import (
    BLOCK_TAGS,
    HEADING_TAGS,
    SKIP_TAGS,
    STRONG_BODY_RE,
    HintIndex,
    class_weight,
    is_hidden,
    is_negative,
    strong_body,
    within_element,
)

_BR = "\x00"
_BR_SPLIT_RE = re.compile(r"\x00[\s\x00]*")
_COMMA_RE = re.compile(r"[,،，、]")
_SENTENCE_END = tuple(".!?…\"'”’»)]؟。！？؛:;*।॥")
_INLINE_NEGATIVE_TAGS = frozenset({"span", "ins", "small", "font", "div", "section"})
_SCORED_TAGS = frozenset(
    {
        "p",
        "div",
        "section",
        "article",
        "main",
        "td",
        "pre",
        "blockquote",
        "dd",
        "center",
        "font",
        "span",
        "body",
        "form",
    }
)
_TAG_BASE = {
    "div": 5,
    "article": 10,
    "main": 5,
    "section": 3,
    "pre": 3,
    "td": 3,
    "blockquote": 3,
    "form": -3,
    "ol": -3,
    "ul": -3,
    "li": -3,
    "dl": -3,
    "dd": -3,
    "h1": -5,
    "h2": -5,
    "h3": -5,
    "h4": -5,
    "h5": -5,
    "h6": -5,
    "th": -5,
    "body": -10,
}
_MAX_DEPTH = 400
_MONTHS_RE = re.compile(
    r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\b"
    r"|\b(am|pm|gmt|utc|est|edt|cet|cest|bst|ist|irst|ast)\b"
    r"|ژانویه|فوریه|مارس|آوریل|مه|ژوئن|ژوئیه|اوت|سپتامبر|اکتبر|نوامبر|دسامبر"
    r"|فروردین|اردیبهشت|خرداد|تیر|مرداد|شهریور|مهر|آبان|آذر|دی|بهمن|اسفند"
    r"|يناير|فبراير|مارس|أبريل|ابريل|مايو|يونيو|يوليو|أغسطس|سبتمبر|أكتوبر|نوفمبر|ديسمبر"
    r"|كانون|شباط|آذار|نيسان|أيار|حزيران|تموز|آب|أيلول|تشرين"
)
_DATE_WORDS_RE = re.compile(
    r"\b(published|updated|posted|last updated|modified|date|on|at|by|the|ساعت|تاریخ انتشار"
    r"|انتشار|بروزرسانی|به‌روزرسانی|تاريخ النشر|نشر في|آخر تحديث|تحديث|الساعة|في)\b|[:|,·•\-–—/]"
)
_BYLINE_RE = re.compile(
    r"^(?:by|from|von|par|por|di|door|av|af|written by|reporting by|words by|posted by|author"
    r"|نویسنده|به قلم|بقلم|كتب|كتبت|تحرير|إعداد)\b[\s:：]*(?P<rest>\S.{0,60})$",
    re.IGNORECASE,
)


@dataclass(eq=False)
class Block:
    """One paragraph-like run of text and where it sits in the tree."""

    text: str
    tag: str
    path: tuple[HtmlElement, ...]
    link_chars: int
    links: list[tuple[str, str]]
    negatives: tuple[HtmlElement, ...]
    anonymous: bool
    index: int = 0

    @property
    def link_density(self) -> float:
        """Share of the block's characters inside links."""
        return min(1.0, self.link_chars / max(1, len(self.text)))


@dataclass
class _Buffer:
    parts: list[tuple[str, bool]] = field(default_factory=list)
    links: list[tuple[str, str]] = field(default_factory=list)


class _Walker:
    """Turns a tree into blocks in document order (see the module docstring)."""

    def __init__(
        self, skip: set[HtmlElement], p_total: int = 0, keep: Iterable[HtmlElement] = ()
    ) -> None:
        self.skip = skip
        self.blocks: list[Block] = []
        self.p_total = p_total
        self.keep = tuple(keep)

    def _prunable(self, el: HtmlElement) -> bool:
        """A furniture-named element holding under half of the ``<p>`` elements and no named
        body is skipped unwalked (comments, related lists, footers are most of a page's nodes)."""
        if self.p_total < 3 or any(within_element(el, k) for k in self.keep):
            return False
        return sum(1 for _ in el.iter("p")) < 0.5 * self.p_total

    def walk(
        self,
        el: HtmlElement,
        path: tuple[HtmlElement, ...],
        negs: tuple[HtmlElement, ...],
        in_link: bool,
        depth: int,
    ) -> None:
        buffer = _Buffer()
        self._content(el, path, negs, in_link, buffer, depth)
        self._flush(buffer, path, negs, anonymous=False)

    def _content(
        self,
        el: HtmlElement,
        path: tuple[HtmlElement, ...],
        negs: tuple[HtmlElement, ...],
        in_link: bool,
        buffer: _Buffer,
        depth: int,
    ) -> None:
        if el.text:
            buffer.parts.append((el.text, in_link))
        if depth > _MAX_DEPTH:
            buffer.parts.append((" ".join(el.text_content().split()), in_link))
            return
        for child in el:
            tag = child.tag
            if not isinstance(tag, str):
                pass
            elif tag == "br":
                buffer.parts.append((_BR, in_link))
            elif (
                tag in SKIP_TAGS
                or (tag.startswith("amp-") and tag != "amp-fit-text")
                or child in self.skip
                or is_hidden(child)
            ):
                pass
            elif tag in BLOCK_TAGS:
                self._flush(buffer, path, negs, anonymous=True)
                if is_negative(child):
                    if not self._prunable(child):
                        self.walk(child, (*path, child), (*negs, child), in_link, depth + 1)
                else:
                    self.walk(child, (*path, child), negs, in_link, depth + 1)
            elif tag in _INLINE_NEGATIVE_TAGS and is_negative(child):
                pass
            else:
                if tag == "a":
                    href = child.get("href")
                    if href:
                        buffer.links.append((href, " ".join(child.text_content().split())))
                self._content(child, path, negs, in_link or tag == "a", buffer, depth + 1)
            if child.tail:
                buffer.parts.append((child.tail, in_link))

    def _flush(
        self,
        buffer: _Buffer,
        path: tuple[HtmlElement, ...],
        negs: tuple[HtmlElement, ...],
        anonymous: bool,
    ) -> None:
        if not buffer.parts:
            return
        raw = "".join(text for text, _ in buffer.parts)
        if not raw.strip(" \t\n\r\x00"):
            buffer.parts.clear()
            buffer.links.clear()
            return
        link_chars = sum(len(text.strip()) for text, linked in buffer.parts if linked)
        segments = [s for s in _BR_SPLIT_RE.split(raw) if s.strip(" \t\n\r\x00")]
        split = len(segments) > 1
        total = max(1, len(raw))
        owner = path[-1]
        for segment in segments:
            text = " ".join(segment.replace(_BR, " ").split())
            if not text:
                continue
            share = len(segment) / total
            self.blocks.append(
                Block(
                    text=text,
                    tag=owner.tag if isinstance(owner.tag, str) else "div",
                    path=path,
                    link_chars=round(link_chars * share),
                    links=list(buffer.links) if not split else _links_in(buffer.links, text),
                    negatives=negs,
                    anonymous=anonymous or split,
                    index=len(self.blocks),
                )
            )
        buffer.parts.clear()
        buffer.links.clear()


def _links_in(links: list[tuple[str, str]], text: str) -> list[tuple[str, str]]:
    return [(href, label) for href, label in links if label and label in text]


def page_blocks(
    root: HtmlElement, skip: Iterable[HtmlElement] = (), keep: Iterable[HtmlElement] = ()
) -> list[Block]:
    """Every text block of the page's ``<body>`` in document order (``skip``: subtrees to leave,
    ``keep``: elements whose furniture-named wrappers must still be walked)."""
    body = root.find("body")
    if body is None:
        body = root
    walker = _Walker(set(skip), sum(1 for _ in body.iter("p")), keep)
    walker.walk(body, (body,), (), False, 0)
    return walker.blocks


def element_blocks(
    elements: Iterable[HtmlElement], skip: Iterable[HtmlElement] = ()
) -> list[Block]:
    """Blocks inside the given elements (a source's body selector), nested matches once."""
    chosen = list(elements)
    chosen_set = set(chosen)
    walker = _Walker(set(skip), sum(1 for el in chosen for _ in el.iter("p")))
    for el in chosen:
        if any(a in chosen_set for a in el.iterancestors()):
            continue
        if not isinstance(el.tag, str) or el.tag in SKIP_TAGS:
            continue
        walker.walk(el, (el,), (), False, 0)
    return walker.blocks


def _commas(text: str) -> int:
    return len(_COMMA_RE.findall(text))


def _is_paragraph_like(block: Block) -> bool:
    return block.tag in _SCORED_TAGS or block.anonymous


@dataclass
class Selection:
    """The chosen main content: its blocks in order, the containers, and how it was chosen.

    ``excluded`` holds the blocks inside the containers that sat in furniture (a share box, a
    credit line styled as a caption): left out of the body, still read for attribution.
    """

    blocks: list[Block]
    containers: list[HtmlElement]
    rule: str
    excluded: list[Block] = field(default_factory=list)


class _Scorer:
    """Container scores and text totals over one set of blocks (memoised per element)."""

    def __init__(self, blocks: list[Block]) -> None:
        self.blocks = blocks
        self._weights: dict[HtmlElement, int] = {}
        self._strong: dict[HtmlElement, bool] = {}
        self.text_total: dict[HtmlElement, int] = {}
        self.link_total: dict[HtmlElement, int] = {}
        self.first_text: dict[HtmlElement, str] = {}
        total = 0
        for block in blocks:
            total += len(block.text)
            for el in block.path:
                self.text_total[el] = self.text_total.get(el, 0) + len(block.text)
                self.link_total[el] = self.link_total.get(el, 0) + block.link_chars
                if el not in self.first_text:
                    self.first_text[el] = block.text
        self.page_total = max(1, total)
        self.real_negatives = self._real_negatives()

    def strong(self, el: HtmlElement) -> bool:
        if el not in self._strong:
            self._strong[el] = strong_body(el)
        return self._strong[el]

    def weight(self, el: HtmlElement) -> int:
        if el not in self._weights:
            base = _TAG_BASE.get(el.tag if isinstance(el.tag, str) else "", 0)
            self._weights[el] = base + class_weight(el)
        return self._weights[el]

    def _real_negatives(self) -> set[HtmlElement]:
        """Negative-named elements that are furniture, not a wrapper of the article body."""
        wrappers: set[HtmlElement] = set()
        candidates: set[HtmlElement] = set()
        for block in self.blocks:
            if not block.negatives:
                continue
            candidates.update(block.negatives)
            for i, el in enumerate(block.path):
                if self.strong(el):
                    wrappers.update(n for n in block.negatives if n in block.path[:i])
                    break
        return {
            el
            for el in candidates
            if el not in wrappers and self.text_total.get(el, 0) < 0.5 * self.page_total
        }

    def excluded(self, block: Block) -> bool:
        return any(n in self.real_negatives for n in block.negatives)

    def link_density(self, el: HtmlElement) -> float:
        return self.link_total.get(el, 0) / max(1, self.text_total.get(el, 0))

    def list_like(self, el: HtmlElement) -> bool:
        """True for a list of look-alike entries that each open with a short line and go on
        (comments, reader letters, teasers: a name or headline, then text), unlike a body."""
        signatures: Counter[tuple[str, str]] = Counter(
            (child.tag, child.get("class") or "")
            for child in el
            if isinstance(child.tag, str) and child.tag not in ("p", "br")
        )
        if not signatures:
            return False
        signature, count = signatures.most_common(1)[0]
        if count < 3:
            return False
        items = [
            c for c in el if isinstance(c.tag, str) and (c.tag, c.get("class") or "") == signature
        ]
        openers = 0
        for item in items:
            first = self.first_text.get(item, "")
            if first and len(first) < 40 and self.text_total.get(item, 0) > len(first) + 60:
                openers += 1
        return openers >= 0.6 * len(items)


def _good(block: Block) -> bool:
    return len(block.text) >= 25 and block.link_density < 0.35


def _deepest_covering(matched: dict[HtmlElement, int], total: int) -> HtmlElement | None:
    """The deepest element whose matched characters reach 80% of ``total``."""
    best: HtmlElement | None = None
    best_depth = -1
    for el, chars in matched.items():
        if chars >= 0.8 * total:
            depth = sum(1 for _ in el.iterancestors())
            if depth > best_depth:
                best, best_depth = el, depth
    return best


def _guided_by_paragraphs(root: HtmlElement, guide_key: str) -> HtmlElement | None:
    """Fast path: the element holding the ``<p>`` elements whose text the guide contains."""
    matched: dict[HtmlElement, int] = {}
    total = 0
    for p in root.iter("p"):
        text = " ".join(p.text_content().split())
        if len(text) < 20 or paragraph_key(text) not in guide_key:
            continue
        total += len(text)
        for el in p.iterancestors():
            matched[el] = matched.get(el, 0) + len(text)
    if total == 0 or total < 0.3 * len(guide_key):
        return None
    return _deepest_covering(matched, total)


def _guided_by_blocks(scorer: _Scorer, guide_key: str) -> HtmlElement | None:
    """The element holding the blocks whose text the guide contains (any block markup)."""
    matched: dict[HtmlElement, int] = {}
    total = 0
    for block in scorer.blocks:
        if len(block.text) < 20 or scorer.excluded(block):
            continue
        if paragraph_key(block.text) in guide_key:
            total += len(block.text)
            for el in block.path:
                matched[el] = matched.get(el, 0) + len(block.text)
    if total == 0 or total < 0.3 * len(guide_key):
        return None
    return _deepest_covering(matched, total)


_CONTAINER_TAGS = ("div", "section", "article", "main", "td", "span")


def _named_elements(root: HtmlElement, index: HintIndex) -> list[HtmlElement]:
    named = index.find(STRONG_BODY_RE, tags=_CONTAINER_TAGS)
    for el in index.with_itemprop("articleBody", "articlebody")[:1]:
        if el not in named:
            named.append(el)
    return named


def _named_candidates(named: list[HtmlElement], skip: set[HtmlElement]) -> list[HtmlElement]:
    """Elements named as the article body, outside furniture, biggest text first."""
    sized: list[tuple[int, int, HtmlElement]] = []
    for el in named:
        if el in skip:
            continue
        lineage = list(el.iterancestors())
        if any(a in skip or a.tag in SKIP_TAGS or is_negative(a) for a in lineage):
            continue
        chars = sum(len(" ".join(p.text_content().split())) for p in el.iter("p"))
        if chars < 200:
            chars += len(" ".join(el.text_content().split())) // 2
        if chars >= 200:
            sized.append((chars, len(lineage), el))
    if not sized:
        return []
    most = max(chars for chars, _, _ in sized)
    # The innermost element still holding most of the text: "article-body" inside
    # "article-content", not the wrapper around title, byline and body.
    inner = [t for t in sized if t[0] >= 0.7 * most]
    _, _, primary = max(inner, key=lambda t: (t[1], t[0]))
    parent = primary.getparent()
    siblings = [el for _, _, el in sized if el is not primary and el.getparent() is parent]
    return [primary, *siblings]


def _scored_container(
    scorer: _Scorer, headline: HtmlElement | None
) -> tuple[HtmlElement | None, dict[HtmlElement, float]]:
    scores: dict[HtmlElement, float] = {}
    for block in scorer.blocks:
        if not _is_paragraph_like(block) or not _good(block) or scorer.excluded(block):
            continue
        points = 1 + _commas(block.text) + min(len(block.text) // 100, 3)
        ancestors = block.path if block.anonymous else block.path[:-1]
        for level, el in enumerate(reversed(ancestors[-4:])):
            if el not in scores:
                scores[el] = float(scorer.weight(el))
            divider = 1 if level == 0 else 2 if level == 1 else level * 3
            scores[el] += points / divider
    if not scores:
        return None, scores
    final = {el: s * (1 - scorer.link_density(el)) for el, s in scores.items()}
    for el in sorted(final, key=lambda e: -final[e])[:10]:
        if scorer.list_like(el):
            final[el] *= 0.3
    if headline is not None:
        _favour_near_headline(final, headline)
    best = max(final, key=lambda el: final[el])
    return _widen(best, final), final


def _tree_distance(a: HtmlElement, b: HtmlElement) -> int:
    lineage = {el: i for i, el in enumerate((a, *a.iterancestors()))}
    for j, el in enumerate((b, *b.iterancestors())):
        if el in lineage:
            return lineage[el] + j
    return 1000


def _favour_near_headline(final: dict[HtmlElement, float], headline: HtmlElement) -> None:
    """Among the strong candidates, those closest to the headline in the tree score 1.5 times:
    the story follows its headline; comments and reader letters sit further away."""
    top = max(final.values())
    strong = [el for el, score in final.items() if score >= 0.4 * top]
    if len(strong) < 2:
        return
    distances = {el: _tree_distance(headline, el) for el in strong}
    nearest = min(distances.values())
    for el, distance in distances.items():
        if distance == nearest:
            final[el] *= 1.5


def _widen(best: HtmlElement, final: dict[HtmlElement, float]) -> HtmlElement:
    """Climb from an only child to its parent, and to the ancestor that several near-best
    candidates share with it (a body split into sibling sections)."""
    score = final[best]
    rivals = [el for el, s in final.items() if s >= 0.75 * score and el is not best]
    shared: dict[HtmlElement, int] = {}
    for rival in sorted(rivals, key=lambda el: -final[el])[:5]:
        if within_element(best, rival) or within_element(rival, best):
            continue
        lineage = set(best.iterancestors())
        for ancestor in rival.iterancestors():
            if ancestor in lineage:
                shared[ancestor] = shared.get(ancestor, 0) + 1
                break
    for ancestor, count in shared.items():
        if count >= 2 and ancestor.tag not in ("body", "html"):
            best = ancestor
            break
    while True:
        parent = best.getparent()
        if parent is None or parent.tag in ("body", "html"):
            return best
        if sum(1 for child in parent if isinstance(child.tag, str)) != 1:
            return best
        best = parent


def _siblings(
    best: HtmlElement, final: dict[HtmlElement, float], scorer: _Scorer
) -> list[HtmlElement]:
    """The best container plus sibling sections that score or read like it."""
    parent = best.getparent()
    if parent is None:
        return [best]
    threshold = max(10.0, final.get(best, 0) * 0.2)
    chosen = []
    for sibling in parent:
        if sibling is best:
            chosen.append(sibling)
        elif (
            not isinstance(sibling.tag, str)
            or sibling not in scorer.text_total
            or scorer.weight(sibling) < 0
            or scorer.list_like(sibling)
        ):
            continue
        elif final.get(sibling, 0) >= threshold or (
            sibling.tag == "p"
            and scorer.link_density(sibling) < 0.25
            and scorer.text_total.get(sibling, 0) > 80
        ):
            chosen.append(sibling)
    return chosen


def _selection(
    blocks: list[Block], scorer: _Scorer, containers: list[HtmlElement], rule: str
) -> Selection:
    chosen = set(containers)
    inside = [b for b in blocks if any(el in chosen for el in b.path)]
    return Selection(
        [b for b in inside if not scorer.excluded(b)],
        containers,
        rule,
        [b for b in inside if scorer.excluded(b)],
    )


def split_furniture(blocks: list[Block]) -> tuple[list[Block], list[Block]]:
    """``(kept, excluded)``: blocks outside and inside furniture-named elements of their own set."""
    scorer = _Scorer(blocks)
    kept = [b for b in blocks if not scorer.excluded(b)]
    return kept, [b for b in blocks if scorer.excluded(b)]


def _from_containers(containers: list[HtmlElement], skip: set[HtmlElement], rule: str) -> Selection:
    blocks = element_blocks(containers, skip)
    return _selection(blocks, _Scorer(blocks), containers, rule)


def select_main(
    root: HtmlElement,
    *,
    guide: str | None = None,
    skip: Iterable[HtmlElement] = (),
    index: HintIndex | None = None,
    headline: HtmlElement | None = None,
) -> Selection:
    """Choose the main content's container(s) and return its blocks (order in module docstring);
    ``headline`` is the page's headline element, which the story follows."""
    index = index or HintIndex(root)
    skip_set = set(skip)
    guide_key = paragraph_key(guide) if guide and len(guide) >= 80 else ""
    if guide_key:
        guided = _guided_by_paragraphs(root, guide_key)
        if guided is not None and guided.tag not in ("html", "body"):
            return _from_containers([guided], skip_set, "guided")
    named_elements = _named_elements(root, index)
    named = _named_candidates(named_elements, skip_set)
    if named:
        return _from_containers(named, skip_set, "named")
    blocks = page_blocks(root, skip_set, named_elements)
    if not blocks:
        return Selection([], [], "none")
    scorer = _Scorer(blocks)
    if guide_key:
        guided = _guided_by_blocks(scorer, guide_key)
        if guided is not None:
            return _selection(blocks, scorer, [guided], "guided")
    best, final = _scored_container(scorer, headline)
    if best is None:
        # Nothing reads like a paragraph: a very short page; its blocks are all there is.
        return _selection(blocks, scorer, [blocks[0].path[0]], "short")
    return _selection(blocks, scorer, _siblings(best, final, scorer), "score")


def _common_ancestor(a: HtmlElement, b: HtmlElement) -> HtmlElement:
    lineage = {a, *a.iterancestors()}
    for el in (b, *b.iterancestors()):
        if el in lineage:
            return el
    return a.getroottree().getroot()


def story_region(
    root: HtmlElement, containers: list[HtmlElement], headline: HtmlElement | None
) -> HtmlElement:
    """The part of the page holding the story: headline, byline, body and its credits.

    The nearest ``<article>``/``<main>`` around the body (else its grandparent), widened to
    take in the ``headline`` element; the whole ``<body>`` when there is no body container.
    """
    body = root.find("body")
    if body is None:
        body = root
    if not containers:
        return body
    first = containers[0]
    region = next(
        (el for el in (first, *first.iterancestors()) if el.tag in ("article", "main")), None
    )
    if region is None:
        ancestors = list(first.iterancestors())
        region = ancestors[1] if len(ancestors) > 2 else body
    if headline is not None and not within_element(region, headline):
        region = _common_ancestor(region, headline)
    return region


def looks_like_dateline(text: str) -> bool:
    """True for a short line that only states a date/time ("Published 27 Nov 2026, 10:45")."""
    if len(text) > 90 or not any(c.isdigit() for c in text):
        return False
    rest = _MONTHS_RE.sub(" ", text.lower())
    rest = _DATE_WORDS_RE.sub(" ", rest)
    rest = re.sub(r"\d+(st|nd|rd|th)?", " ", rest)
    return len(rest.split()) <= 1


def looks_like_byline(text: str) -> bool:
    """True for a short "By Jane Doe" / "نویسنده: ..." line (not "By the end of the week...")."""
    match = _BYLINE_RE.match(text) if len(text) <= 80 else None
    if match is None:
        return False
    rest = match.group("rest").strip()
    if rest.endswith((".", "!", "?", "؟")) or len(rest.split()) > 8:
        return False
    return not (rest[0].isascii() and rest[0].islower())


def _ends_sentence(text: str) -> bool:
    return text.rstrip().endswith(_SENTENCE_END)


def _drop_dangling_headings(blocks: list[Block]) -> list[Block]:
    kept: list[Block] = []
    for i, block in enumerate(blocks):
        if block.tag in HEADING_TAGS:
            nxt = blocks[i + 1] if i + 1 < len(blocks) else None
            if nxt is None or nxt.tag in HEADING_TAGS:
                continue
        kept.append(block)
    return kept


def _trim_edges(blocks: list[Block]) -> list[Block]:
    """Drop label-like blocks (short, no sentence end) before the first and after the last paragraph."""

    def solid(block: Block) -> bool:
        return block.tag not in HEADING_TAGS and (
            len(block.text) >= 100 or _ends_sentence(block.text)
        )

    def leading_heading(i: int) -> bool:
        return blocks[i].tag in HEADING_TAGS and i + 1 < len(blocks) and solid(blocks[i + 1])

    start = 0
    while (
        start < len(blocks)
        and not solid(blocks[start])
        and len(blocks[start].text) < 60
        and not leading_heading(start)
    ):
        start += 1
    end = len(blocks)
    while end > start and not solid(blocks[end - 1]) and len(blocks[end - 1].text) < 60:
        end -= 1
    return blocks[start:end]


def _drop_repeats(blocks: list[Block]) -> list[Block]:
    """Drop repeated blocks and short ones repeating part of a longer one (pull quotes)."""
    keys = [paragraph_key(b.text) for b in blocks]
    kept: list[Block] = []
    seen: set[str] = set()
    for i, block in enumerate(blocks):
        key = keys[i]
        if key in seen:
            continue
        if len(key) < 300 and any(
            j != i and len(keys[j]) > len(key) and key in keys[j] for j in range(len(blocks))
        ):
            continue
        seen.add(key)
        kept.append(block)
    return kept


def filter_blocks(
    blocks: list[Block],
    *,
    is_extra_boilerplate: Callable[[str], bool] = lambda text: False,
    removed: list[str] | None = None,
    bylines: list[str] | None = None,
) -> list[Block]:
    """Keep the article paragraphs of a container's blocks (rules in the module docstring).

    Texts left out are appended to ``removed``, byline-like ones also to ``bylines``.
    """
    kept: list[Block] = []
    for block in blocks:
        text = block.text
        reason = None
        if block.tag == "h1":
            reason = "title"
        elif block.link_density > 0.5 and not (len(text) > 200 and block.link_density < 0.7):
            reason = "links"
        elif len(text) < 2 or not any(c.isalnum() for c in text):
            reason = "empty"
        elif generic_rule(text) or is_extra_boilerplate(text):
            reason = "boilerplate"
        elif looks_like_dateline(text):
            reason = "meta"
        elif looks_like_byline(text):
            reason = "meta"
            if bylines is not None:
                bylines.append(text)
        if reason is None:
            kept.append(block)
        elif removed is not None and reason not in ("empty", "title"):
            removed.append(text)
    kept = _drop_repeats(kept)
    kept = _drop_dangling_headings(kept)
    return _trim_edges(kept)

"""The body: structured guide, source selectors, generic extractor, boilerplate layers."""

from __future__ import annotations

import json

import pytest

from wirecrawl.extract import extract
from wirecrawl.extract.content import looks_like_byline, looks_like_dateline
from wirecrawl.sources import Selectors, Source

URL = "https://news.example/story/1"
PARAS = [
    "The harbour board met on Thursday to discuss the new ferry timetable, which commuters "
    "have criticised for months.",
    "Board chair Ilse Varga said the changes would take effect in January, after a short "
    "consultation with passengers and crew.",
    "Ferry crews said they had not been consulted on the earlier draft, which cut two evening "
    "sailings without notice.",
    "The board will publish the final timetable on its website before the end of the month.",
]


def paragraphs(items: list[str] = PARAS) -> str:
    return "".join(f"<p>{p}</p>" for p in items)


def page(body: str, head: str = "") -> str:
    return (
        f"<html><head>{head}</head><body><nav><a href='/'>Home</a><a href='/n'>News</a></nav>"
        f"{body}<footer><p>About us: an independent newsroom since 1998, owned by readers.</p>"
        "</footer></body></html>"
    )


def test_generic_extractor_skips_furniture() -> None:
    comment = (
        "<div class='comment'><p>I have taken this ferry for twenty years and it has never been "
        "this bad, to be honest with everyone here.</p></div>"
    )
    body = (
        "<div class='wrap has-sidebar'><main><article><h1>Ferry timetable changes</h1>"
        f"<div class='content'><p>{PARAS[0]}</p><figure><img src='a.jpg'><figcaption>Crew at "
        f"work on the quay this morning.</figcaption></figure><p>{PARAS[1]}</p>"
        f"<div class='ad-slot'>Advertisement</div><p>{PARAS[2]}</p><aside class='pullquote'>"
        f"The board will publish</aside><p>{PARAS[3]}</p><div class='share-tools'>"
        "<a href='#'>Share</a></div></div></article><section class='comments'><h2>Comments</h2>"
        + comment
        * 6
        + "</section></main><div class='sidebar'><h3>Most read</h3><p>Another story about the "
        "weather that everyone is reading today, again and again.</p></div></div>"
    )
    found = extract(page(body), URL)
    assert found.body == PARAS
    assert found.title == "Ferry timetable changes"


def test_br_separated_paragraphs_and_div_paragraphs() -> None:
    text = "<br><br>".join(PARAS)
    found = extract(page(f"<h1>Headline</h1><div class='post-body'>{text}</div>"), URL)
    assert found.body == PARAS
    divs = "".join(f"<div class='para'>{p}</div>" for p in PARAS)
    assert extract(page(f"<h1>Headline</h1><div id='story'>{divs}</div>"), URL).body == PARAS


def test_hidden_and_script_content_is_ignored() -> None:
    body = (
        f"<div class='article-body'>{paragraphs()}<p style='display: none'>Hidden promo text "
        "that nobody should ever see on the page at all.</p><p hidden>Also hidden from every "
        "reader of the page.</p><script>var x = 'script text that is long enough';</script></div>"
    )
    assert extract(page(body), URL).body == PARAS


def test_pull_quote_repeating_a_paragraph_is_dropped() -> None:
    quote = "<blockquote>which commuters have criticised for months</blockquote>"
    body = f"<div class='article-body'><p>{PARAS[0]}</p>{quote}{paragraphs(PARAS[1:])}</div>"
    assert extract(page(body), URL).body == PARAS


def test_dangling_heading_and_labels_at_the_edges_are_dropped() -> None:
    body = (
        f"<div class='article-body'><p>Exclusive</p>{paragraphs()}<h3>Related</h3>"
        "<ul><li><a href='/x'>Another story</a></li><li><a href='/y'>And another</a></li></ul>"
        "<p>Topics</p></div>"
    )
    assert extract(page(body), URL).body == PARAS


def test_lists_and_subheadings_inside_the_story_are_kept() -> None:
    body = (
        f"<div class='entry-content'><p>{PARAS[0]}</p><h2>What changes</h2><p>{PARAS[1]}</p>"
        "<ul><li>Two evening sailings are cut.</li><li>Weekend fares rise by a euro.</li></ul>"
        f"<p>{PARAS[3]}</p></div>"
    )
    assert extract(page(body), URL).body == [
        PARAS[0],
        "What changes",
        PARAS[1],
        "Two evening sailings are cut.",
        "Weekend fares rise by a euro.",
        PARAS[3],
    ]


def test_bylines_and_datelines_inside_the_body_are_not_paragraphs() -> None:
    body = (
        f"<div class='article-body'><p>By Jane Doe</p><p>Published 27 Nov 2026, 10:45</p>"
        f"{paragraphs()}</div>"
    )
    found = extract(page(body), URL)
    assert found.body == PARAS
    assert found.authors == ["Jane Doe"]


@pytest.mark.parametrize(
    ("text", "dateline"),
    [
        ("Published 27 Nov 2026, 10:45", True),
        ("November 27, 2026", True),
        ("Updated: 14:20 GMT", True),
        ("۵ آذر ۱۴۰۵ - ۱۰:۱۵", True),
        ("The council met on 27 November 2026 to vote.", False),
    ],
)
def test_looks_like_dateline(text: str, dateline: bool) -> None:
    assert looks_like_dateline(text) is dateline


def test_looks_like_byline() -> None:
    assert looks_like_byline("By Jane Doe")
    assert looks_like_byline("نویسنده: سارا محمدی")
    assert not looks_like_byline("By the end of the week, the river had fallen by a metre.")


def test_truncated_jsonld_body_does_not_replace_the_page() -> None:
    ld = {"@type": "NewsArticle", "headline": "H", "articleBody": " ".join(PARAS)[:150] + "…"}
    head = f'<script type="application/ld+json">{json.dumps(ld)}</script>'
    found = extract(page(f"<div class='text'>{paragraphs()}</div>", head), URL)
    assert found.body == PARAS
    assert found.evidence["body"] == "jsonld+page"


def test_jsonld_body_is_used_when_the_page_has_none() -> None:
    ld = {"@type": "NewsArticle", "headline": "H", "articleBody": "\n".join(PARAS)}
    head = f'<script type="application/ld+json">{json.dumps(ld)}</script>'
    found = extract(page("<div id='app'>Loading…</div>", head), URL)
    assert found.body == PARAS
    assert found.evidence["body"] == "jsonld"


def test_jsonld_body_with_markup_guides_the_page() -> None:
    markup = "".join(f"<p>{p}</p>" for p in PARAS)
    ld = {"@type": "NewsArticle", "headline": "H", "articleBody": markup}
    head = f'<script type="application/ld+json">{json.dumps(ld)}</script>'
    body = (
        f"<div class='x'>{paragraphs()}</div><div class='y'><p>{'Unrelated text. ' * 20}</p></div>"
    )
    assert extract(page(body, head), URL).body == PARAS


def test_next_data_body_when_nothing_is_rendered() -> None:
    data = {"props": {"pageProps": {"story": {"body": [{"text": p} for p in PARAS]}}}}
    head = f'<script id="__NEXT_DATA__" type="application/json">{json.dumps(data)}</script>'
    found = extract(page("<div id='__next'></div>", head), URL)
    assert found.body == PARAS and found.evidence["body"] == "embedded"


def source(**kw: object) -> Source:
    return Source(name="site", display_name="Site News", homepage="https://news.example/", **kw)  # type: ignore[arg-type]


def test_source_selectors_win_for_their_fields() -> None:
    body = (
        "<div class='hdl'>Ferry timetable changes</div><span class='by'>By Ilse Varga</span>"
        "<span class='stamp' data-ts='2026-11-27T08:00:00+01:00'>Fri</span><span class='kick'>"
        "Transport</span><a class='tg'>Ferries</a><a class='tg'>Harbour</a><div class='copy'>"
        + "".join(f"<div class='para'>{p}</div>" for p in PARAS)
        + "<div class='para'>Subscribe for unlimited access</div></div>"
    )
    selectors = Selectors(
        title=".hdl",
        body=".copy .para",
        authors=".by",
        published=".stamp::attr(data-ts)",
        section=".kick",
        tags=".tg",
    )
    found = extract(
        page(body),
        URL,
        source=source(selectors=selectors, boilerplate=("Subscribe for unlimited access",)),
    )
    assert found.title == "Ferry timetable changes"
    assert found.body == PARAS
    assert found.authors == ["Ilse Varga"]
    assert (found.date_candidates[0].text, found.date_candidates[0].detail) == (
        "2026-11-27T08:00:00+01:00",
        "selector:published",
    )
    assert found.section == "Transport" and found.tags == ["Ferries", "Harbour"]
    assert found.publisher == "Site News"
    assert {found.evidence[k] for k in ("title", "body", "authors")} == {"selectors"}


def test_a_selector_that_matches_nothing_falls_back_to_generic() -> None:
    found = extract(
        page(f"<div class='article-body'>{paragraphs()}</div>"),
        URL,
        source=source(selectors=Selectors(body=".missing")),
    )
    assert found.body == PARAS


def test_broken_selector_is_reported_not_raised() -> None:
    found = extract(
        page(f"<div class='article-body'>{paragraphs()}</div>"),
        URL,
        source=source(selectors=Selectors(title="h1:nth-child(")),
    )
    assert "title" in found.evidence["selector_errors"]
    assert found.body == PARAS


def test_source_boilerplate_selectors_patterns_and_learned_texts() -> None:
    body = (
        f"<div class='article-body'>{paragraphs()}<div class='support'><p>Support local news "
        "today and become a member of our club.</p></div><p>Site News republishes this story "
        "under licence.</p><p>Tips? Write to the newsroom at any time of day.</p></div>"
    )
    found = extract(
        page(body),
        URL,
        source=source(boilerplate=("^Site News republishes",), boilerplate_selectors=(".support",)),
        learned_boilerplate={"Tips? Write to the newsroom at any time of day."},
    )
    assert found.body == PARAS
    assert "Support local news today and become a member of our club." in found.boilerplate_removed

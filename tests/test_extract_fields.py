"""Structured data, titles, authors, dates as written, language, canonical URL and publisher."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wirecrawl.dates import choose_date, clock_only
from wirecrawl.extract import extract
from wirecrawl.extract.authors import split_names
from wirecrawl.extract.dom import parse_html
from wirecrawl.extract.language import choose_language, normalise_code, script_language
from wirecrawl.extract.structured import choose_article, load_json, read_structured
from wirecrawl.extract.title import agrees, strip_site_name

URL = "https://news.example/2026/11/27/harbour-story/"
FETCHED = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)
BODY = (
    "<p>The harbour board met on Thursday to discuss the new ferry timetable, which has been "
    "criticised by commuters.</p><p>Board chair Ilse Varga said changes would take effect in "
    "January, after a consultation with passengers and crew.</p>"
)


def ld(data: Any) -> str:
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


def html(head: str = "", body: str = "", lang: str = "") -> str:
    attr = f' lang="{lang}"' if lang else ""
    return f"<html{attr}><head>{head}</head><body>{body}</body></html>"


def test_jsonld_graph_with_id_references() -> None:
    data = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebPage", "@id": URL},
            {"@type": "Person", "@id": "#p1", "name": "Mara Lindqvist"},
            {"@type": "Organization", "@id": "#org", "name": "Harbour News"},
            {
                "@type": "NewsArticle",
                "headline": "Ferry timetable changes",
                "author": {"@id": "#p1"},
                "publisher": {"@id": "#org"},
                "datePublished": "2026-11-27T08:00:00+01:00",
                "dateModified": "2026-11-27T10:00:00+01:00",
                "articleSection": ["Local", "Transport"],
                "keywords": "ferries, harbour",
                "inLanguage": "en-GB",
            },
        ],
    }
    found = extract(html(ld(data), "<h1>Ferry timetable changes</h1>" + BODY), URL)
    assert found.title == "Ferry timetable changes"
    assert found.authors == ["Mara Lindqvist"]
    assert found.publisher == "Harbour News"
    assert found.section == "Local"
    assert found.tags == ["ferries", "harbour"]
    assert found.language == "en"
    assert (found.date_candidates[0].text, found.date_candidates[0].origin) == (
        "2026-11-27T08:00:00+01:00",
        "jsonld",
    )
    assert found.modified_candidates[0].text == "2026-11-27T10:00:00+01:00"
    assert found.evidence["authors"] == "jsonld:author"


@pytest.mark.parametrize(
    "script",
    [
        '<![CDATA[ {"@type": "NewsArticle", "headline": "H"} ]]>',
        '//<![CDATA[\n{"@type": "NewsArticle", "headline": "H"}\n//]]>',
        '<!-- {"@type": "NewsArticle", "headline": "H",} -->',
        '{"@type": "NewsArticle", "headline": "H", "x": "it\\\'s"}',
        '{"@type": "WebSite", "name": "S"}{"@type": "NewsArticle", "headline": "H"}',
        '[{"@type": ["NewsArticle", "Article"], "headline": "H"}]',
        '{"@type": "WebPage", "mainEntity": {"@type": "schema:ReportageNewsArticle", "headline": "H"}}',
    ],
)
def test_jsonld_repairs_and_shapes(script: str) -> None:
    root = parse_html(html(f'<script type="application/ld+json">{script}</script>'))
    found = read_structured(root, URL)
    assert found.article is not None and found.article["headline"] == "H"


def test_choose_article_prefers_the_page_own_node() -> None:
    nodes = [
        {"@type": "NewsArticle", "headline": "Related", "url": "https://news.example/other"},
        {"@type": "NewsArticle", "headline": "Mine", "url": URL},
    ]
    assert choose_article(nodes, URL)["headline"] == "Mine"  # type: ignore[index]


def test_load_json_gives_none_for_junk() -> None:
    assert load_json("{not json at all") is None
    assert load_json("   ") is None


def test_microdata_only_page() -> None:
    body = (
        '<div itemscope itemtype="https://schema.org/NewsArticle"><h1 itemprop="headline">'
        'Ferry timetable changes</h1><span itemprop="author" itemscope itemtype="https://schema.org/'
        'Person"><span itemprop="name">Daniel Okafor</span></span> <time itemprop="datePublished" '
        'datetime="2026-11-25T07:45:00+02:00">25 Nov</time><div itemprop="articleBody">'
        f"{BODY}</div></div>"
    )
    found = extract(html(body=body), URL)
    assert found.title == "Ferry timetable changes"
    assert found.authors == ["Daniel Okafor"]
    assert found.date_candidates[0].origin == "microdata"
    assert len(found.body) == 2 and found.evidence["body"] == "content:named"


def test_meta_tags_give_dates_authors_and_tags() -> None:
    head = (
        '<meta property="article:published_time" content="2026-11-27T09:00:00Z">'
        '<meta name="parsely-pub-date" content="2026-11-27T09:00:01Z">'
        '<meta name="sailthru.date" content="Fri, 27 Nov 2026 09:00:00 +0000">'
        '<meta property="article:modified_time" content="2026-11-28T09:00:00Z">'
        '<meta name="author" content="Priya Raman and Hugo Castellan">'
        '<meta property="article:tag" content="Ferries"><meta property="article:tag" content="Harbour">'
        '<meta property="article:section" content="Local">'
    )
    found = extract(html(head, BODY), URL)
    assert [(c.origin, c.detail) for c in found.date_candidates[:3]] == [
        ("meta", "article:published_time"),
        ("meta", "sailthru.date"),
        ("meta", "parsely-pub-date"),
    ]
    assert found.date_candidates[-1].origin == "url"
    assert found.modified_candidates[0].text == "2026-11-28T09:00:00Z"
    assert found.authors == ["Priya Raman", "Hugo Castellan"]
    assert found.tags == ["Ferries", "Harbour"] and found.section == "Local"


def test_time_elements_outside_furniture_and_byline_text() -> None:
    body = (
        "<article><h1>Headline here</h1><div class='byline'><time datetime='2026-11-26T10:00:00Z'>"
        "Nov 26</time></div>" + BODY + "</article><div class='related-posts'><time "
        "datetime='2020-01-01T00:00:00Z'>old</time></div>"
    )
    found = extract(html(body=body), "https://news.example/a")
    assert [c.text for c in found.date_candidates] == ["2026-11-26T10:00:00Z"]
    visible = extract(
        html(body="<h1>Headline here</h1><div class='post-date'>27 November 2026</div>" + BODY),
        "https://news.example/a",
    )
    assert [(c.text, c.origin) for c in visible.date_candidates] == [("27 November 2026", "byline")]


@pytest.mark.parametrize(
    ("title", "sites", "expected"),
    [
        ("Ferry changes | Harbour News", ["Harbour News"], "Ferry changes"),
        ("Ferry changes - Harbour News", ["harbournews"], "Ferry changes"),
        ("Harbour News: Ferry changes", ["Harbour News"], "Ferry changes"),
        ("Ferry changes – Local – Harbour News", ["Harbour News"], "Ferry changes – Local"),
        ("Ferries: what changes in January", ["Harbour News"], "Ferries: what changes in January"),
        ("Ferry changes", ["Harbour News"], "Ferry changes"),
    ],
)
def test_strip_site_name(title: str, sites: list[str], expected: str) -> None:
    assert strip_site_name(title, sites) == expected


def test_agrees() -> None:
    assert agrees("Ferry timetable changes", "Ferry timetable changes | Harbour News")
    assert agrees("Third blogger killed in city", "Asia-pacific - Third blogger killed in city")
    assert agrees("A long headline that was cut short by the", "A long headline that was cut short")
    assert not agrees("Ferry timetable changes", "Council budget passes")


def test_title_prefers_the_confirmed_h1_over_a_social_title() -> None:
    head = (
        '<meta property="og:title" content="You will not believe the ferry news | Harbour">'
        "<title>Ferry timetable changes | Harbour News</title>"
        '<meta property="og:site_name" content="Harbour News">'
    )
    found = extract(
        html(
            head, "<h1 class='site-title'>Harbour News</h1><h1>Ferry timetable changes</h1>" + BODY
        ),
        URL,
    )
    assert found.title == "Ferry timetable changes"
    assert found.evidence["title"] == "h1+title"


@pytest.mark.parametrize(
    ("byline", "names"),
    [
        ("By Jane Doe and John Roe | 27 Nov 2026", ["Jane Doe", "John Roe"]),
        ("By JANE DOE, Associated Press", ["JANE DOE"]),
        ("Written by Ana Ribeiro, Staff Writer", ["Ana Ribeiro"]),
        ("Jane Doe & John Roe", ["Jane Doe", "John Roe"]),
        ("Von Jonas Weber und Katrin Vogel", ["Jonas Weber", "Katrin Vogel"]),
        ("Par Claire Dubois et Marc Petit", ["Claire Dubois", "Marc Petit"]),
        ("نویسنده: سارا محمدی", ["سارا محمدی"]),
        ("بقلم: أحمد الخطيب", ["أحمد الخطيب"]),
        ("مریم احمدی، علی رضایی", ["مریم احمدی", "علی رضایی"]),
        ("By Jane Doe for The Ledger", ["Jane Doe"]),
        ("By Dana Whitlock | Nov 27, 2026 - 3:14 PM | Media Wire", ["Dana Whitlock"]),
        ("By Dana Whitlock, Friday, Nov 27, 2026", ["Dana Whitlock"]),
        ("By Jane Doe on 27 November 2026", ["Jane Doe"]),
        ("By Jane Doe May 27, 2026", ["Jane Doe"]),
        ("By Theresa May | Nov 27", ["Theresa May"]),
        ("By Theresa May", ["Theresa May"]),
        ("By Jane Doe in Politics", ["Jane Doe"]),
        ("Von Jonas Weber am 27. November 2026", ["Jonas Weber"]),
        ("Par Claire Dubois le 27 novembre 2026", ["Claire Dubois"]),
        ("بقلم: خالد الحربي الجمعة ١٩ جمادى الأولى ١٤٤٨ هـ", ["خالد الحربي"]),
        ("نویسنده: سارا محمدی ۷ آذر ۱۴۰۵", ["سارا محمدی"]),
        ("كتب: محمد رجب - 23 نوفمبر 2026", ["محمد رجب"]),
        ("https://facebook.com/janedoe", []),
        ("Staff", []),
        ("Reuters", []),
    ],
)
def test_split_names(byline: str, names: list[str]) -> None:
    assert split_names(byline) == names


def test_site_name_is_not_an_author_unless_it_is_the_byline() -> None:
    head = (
        '<meta property="og:site_name" content="Harbour News">'
        '<meta name="author" content="Harbour News">'
    )
    assert extract(html(head, "<h1>Ferry timetable changes</h1>" + BODY), URL).authors == []
    byline = "<div class='byline'>By Harbour News</div>"
    found = extract(html(head, "<h1>Ferry timetable changes</h1>" + byline + BODY), URL)
    assert found.authors == ["Harbour News"]


@pytest.mark.parametrize(
    ("declared", "text", "expected"),
    [
        (["fa-IR"], "متن فارسی", "fa"),
        ([None, "en-US"], "این یک متن فارسی است که گزارش می‌دهد و چگونگی را بررسی می‌کند.", "fa"),
        ([None], "هذا نص عربي عن الميناء والسفن التي وصلت إلى المدينة يوم الجمعة الماضية", "ar"),
        ([None], "A plain English text about the harbour and the ships that arrived.", None),
        (["es_ES"], "Texto en español sobre el puerto y los barcos que llegaron.", "es"),
        (["fa"], "A page declared Persian whose text is entirely in English, about ships.", None),
        (
            [None],
            "港町で秋の灯籠祭りが三年ぶりに開催された。会場には約二千個の灯籠が並んだ。",
            "ja",
        ),
        (["Persian"], "", "fa"),
    ],
)
def test_choose_language(declared: list[str | None], text: str, expected: str | None) -> None:
    assert choose_language(declared, text)[0] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A plain English text about the harbour and the ships.", "latin"),
        ("Short text", None),  # fewer than 20 letters
        ("1234567890 ,.;:!? 2026-06-01 — 12:30" * 5, None),  # no letters at all
        ("Le port a rouvert après les travaux, a déclaré le maire vendredi.", "latin"),
        ("این یک متن فارسی است که گزارش می‌دهد و چگونگی را بررسی می‌کند.", "fa"),
        ("هذا نص عربي عن الميناء والسفن التي وصلت إلى المدينة يوم الجمعة", "ar"),
        ("یہ بندرگاہ کے بارے میں ایک خبر ہے جو جمعے کو شائع ہوئی تھی اور پڑھی گئی", "ur"),
        ("港町で秋の灯籠祭りが三年ぶりに開催された。会場には灯籠が並んだ。", "ja"),
        ("港口城市的秋季灯笼节时隔三年再次举行会场上摆放了约两千个灯笼", "zh"),
        ("Порт знову відкрили після ремонту, повідомив мер у пʼятницю ввечері.", "uk"),
        ("Порт снова открыли после ремонта, сообщил мэр в пятницу вечером.", "ru"),
        ("Το λιμάνι άνοιξε ξανά μετά τις εργασίες, δήλωσε ο δήμαρχος την Παρασκευή.", "el"),
        # mixed: Latin letters beside a minority of Arabic ones stay Latin
        ("Harbour reopens after repairs, mayor says on Friday evening الميناء", "latin"),
        # mixed: neither script is 80% of the letters
        ("Harbour reopens after the works الميناء يفتح من جديد", None),
    ],
)
def test_script_language(text: str, expected: str | None) -> None:
    assert script_language(text) == expected


def test_normalise_code() -> None:
    assert [normalise_code(v) for v in ("fa-IR", "en_US", "ARA", "x", None)] == [
        "fa",
        "en",
        "ar",
        None,
        None,
    ]


def test_canonical_publisher_and_image() -> None:
    head = (
        '<link rel="canonical" href="/2026/11/27/harbour-story/">'
        '<meta property="og:image" content="/img/lead.jpg">'
        '<meta property="og:site_name" content="Harbour News">'
    )
    found = extract(html(head, BODY), URL)
    assert found.canonical_url == URL
    assert found.lead_image == "https://news.example/img/lead.jpg"
    assert found.publisher == "Harbour News"
    assert found.original_source is None


def test_saved_file_uses_its_declared_canonical_as_site() -> None:
    head = '<link rel="canonical" href="https://news.example/a/story">'
    found = extract(html(head, BODY), "file:///tmp/story.html")
    assert found.canonical_url == "https://news.example/a/story"
    assert found.original_source is None


def _byline_page(meta: str) -> str:
    return html(body="<article><h1>Ferry timetable changes</h1>" + meta + BODY + "</article>")


@pytest.mark.parametrize(
    ("meta", "authors"),
    [
        (
            "<span class='meta'>By Dana Whitlock | Nov 27, 2026 - 3:14 PM | "
            "<a href='/category/media-wire/'>Media Wire</a></span>",
            ["Dana Whitlock"],
        ),
        ("<div class='post-info'>نویسنده: سارا محمدی | ۷ آذر ۱۴۰۵</div>", ["سارا محمدی"]),
        ("<p class='story-meta'>Von Jonas Weber · 27.11.2026</p>", ["Jonas Weber"]),
        (
            "<div class='entry-meta'>Posted by Ana Ribeiro on November 27, 2026</div>",
            ["Ana Ribeiro"],
        ),
        # negatives: a meta block that does not start with a "By"-like word names nobody
        ("<span class='meta'>Posted in Media Wire | Nov 27, 2026</span>", []),
        ("<span class='meta'>Nov 27, 2026 | By the numbers</span>", []),
        ("<div class='meta'>Bylaws 2026 | Nov 27</div>", []),
        ("<div class='meta-photo'>Photo by Jane Doe</div>", []),
    ],
)
def test_author_from_a_meta_block_that_starts_with_by(meta: str, authors: list[str]) -> None:
    found = extract(_byline_page(meta), "https://news.example/a")
    assert found.authors == authors
    assert not any("Nov" in a or "Wire" in a for a in found.authors)


@pytest.mark.parametrize(
    ("meta", "candidate"),
    [
        (  # the author element is left out, the clock beside the date is joined to it
            "<div class='story-meta'><span class='writer'>بقلم: خالد الحربي</span> "
            "<span class='date'>الجمعة ٣٠ أكتوبر ٢٠٢٦</span> <span class='clock'>٠٦:١٤ م</span></div>",
            "الجمعة ٣٠ أكتوبر ٢٠٢٦ ٠٦:١٤ م",
        ),
        (
            "<p class='dateline'><span>Nov 27, 2026</span> | <span>3:14 PM</span></p>",
            "Nov 27, 2026 | 3:14 PM",
        ),
        (
            "<div class='info'><span class='time'>14:20</span> - <span class='date'>27.11.2026"
            "</span></div>",
            "14:20 - 27.11.2026",
        ),
        (
            "<div><span class='date'>27 November 2026</span> <span class='clock'>14:20</span></div>",
            "27 November 2026 14:20",
        ),
        (
            "<div><span class='date'>27 November 2026</span> <span class='clock'>ساعت ۱۴:۲۰</span>"
            "</div>",
            "27 November 2026 ساعت ۱۴:۲۰",
        ),
        (
            "<div class='byline'><time>27 November 2026</time> <span>14:20</span></div>",
            "27 November 2026 14:20",
        ),
        # negatives: a sibling that is not a clock alone, or not right beside the date
        (
            "<div><span class='date'>27 November 2026</span> <span class='views'>1204</span></div>",
            "27 November 2026",
        ),
        (
            "<div><span class='date'>27 November 2026</span> updated at <span>14:20</span></div>",
            "27 November 2026",
        ),
        (
            "<div><span class='date'>27 November 2026, 09:00</span> <span>14:20</span></div>",
            "27 November 2026, 09:00",
        ),
    ],
)
def test_byline_date_keeps_the_clock_beside_it(meta: str, candidate: str) -> None:
    found = extract(_byline_page(meta), "https://news.example/a")
    texts = [c.text for c in found.date_candidates if c.origin == "byline"]
    assert texts[0] == candidate
    assert not any(clock_only(t) for t in texts), "a clock alone is never its own candidate"


def test_byline_date_with_its_clock_is_chosen_to_the_minute() -> None:
    meta = (
        "<div class='article-info'><span class='by'>بقلم: خالد الحربي</span> <span class='pub-date'>"
        "الجمعة ١٩ جمادى الأولى ١٤٤٨ هـ - الموافق ٣٠ أكتوبر ٢٠٢٦</span> <span class='pub-time'>"
        "٠٦:١٤ م</span></div>"
    )
    found = extract(_byline_page(meta), "https://news.example/a")
    choice = choose_date(found.date_candidates, FETCHED, timezone="Asia/Riyadh", languages=["ar"])
    assert choice.result.published_at == datetime(2026, 10, 30, 15, 14, tzinfo=UTC)
    assert choice.candidate is not None and "خالد" not in choice.candidate.text


@given(st.text(alphabet=st.sampled_from("abc پچژکیةيكى ٹے аб漢かな1_.\n"), max_size=300))
@settings(max_examples=200)
def test_script_counts_are_the_characters_the_runs_cover(text):
    from wirecrawl.extract import language

    patterns = [language._ARABIC_RE, language._PERSIAN_RE, language._URDU_RE]
    patterns += [language._ARABIC_ONLY_RE, language._KANA_RE, language._HAN_RE]
    patterns += [language._CYRILLIC_RE] + [p for _, p in language._OTHER_SCRIPTS]
    for pattern in patterns:
        assert language._count(pattern, text) == sum(len(run) for run in pattern.findall(text))


def _script_language_counting_letters_first(text: str) -> str | None:
    """script_language as it was before the Arabic-script shortcut: every letter counted."""
    from wirecrawl.extract import language

    count, letters_of = language._count, language._letters
    sample = text[:3000]
    if sample.isascii():
        return language.script_language(text)
    letters = letters_of(sample)
    if letters < 20:
        return None
    arabic = count(language._ARABIC_RE, sample)
    if arabic > 0.4 * letters:
        return language._arabic_language(sample, arabic)
    if count(language._KANA_RE, sample) > 0.05 * letters:
        return "ja"
    if count(language._HAN_RE, sample) > 0.4 * letters:
        return "zh"
    if count(language._CYRILLIC_RE, sample) > 0.4 * letters:
        return "uk" if language._UKRAINIAN_RE.search(sample) else "ru"
    for code, pattern in language._OTHER_SCRIPTS:
        if count(pattern, sample) > 0.4 * letters:
            return code
    latin = letters_of(language._NON_LATIN_RE.sub("", sample))
    return "latin" if latin > 0.8 * letters else None


@given(
    st.lists(
        st.sampled_from(["سلام", "پژوهش", "كتاب", "ٹے", "۱۲۳", "٤٥", "َ", "،", "؟"]), max_size=900
    ),
    st.lists(st.sampled_from([" ", "ab", "Жж", "1", ".", "é"]), max_size=900),
    st.randoms(use_true_random=False),
)
@settings(max_examples=500, deadline=None)
def test_script_language_shortcut_for_arabic_script_decides_as_counting_every_letter(
    arabic, other, random
):
    """Arabic script over 40% of all characters, with 20 letters in the first 200, gives the
    same language as counting every letter (digits, marks and punctuation of the Arabic block
    are not letters; texts near the 40% line and past 3,000 characters included)."""
    words = arabic + other
    random.shuffle(words)
    text = "".join(words)
    assert script_language(text) == _script_language_counting_letters_first(text)


@pytest.mark.parametrize("share", [n / 100 for n in range(20, 62, 2)])
@pytest.mark.parametrize("filler", ["harbour ", "۱۲۳ ", "، "])
def test_script_language_shortcut_near_the_40_percent_line(share, filler):
    """Texts whose Arabic-script share crosses 40% of the characters, beside Latin letters
    or beside Arabic-block digits and punctuation (in the block but not letters)."""
    for length in (150, 1000, 4000):
        arabic = int(length * share) // 5
        text = ("سلام " * arabic + filler * ((length - 5 * arabic) // len(filler)))[:length]
        mixed = " ".join(sorted(text.split(" "), key=len))  # and runs in another order
        for sample in (text, mixed):
            assert script_language(sample) == _script_language_counting_letters_first(sample)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "{",
                "}",
                "[",
                "]",
                " ",
                "\n",
                "<!--",
                "-->",
                "<![CDATA[",
                "]]>",
                "//",
                "/*",
                "*/",
                '"a"',
                ":",
                "1",
                ",",
            ]
        ),
        max_size=12,
    ).map("".join)
)
def test_unwrapping_a_script_cuts_what_the_wrapper_pattern_cuts(text: str) -> None:
    from wirecrawl.extract.structured import _WRAPPER_RE, _unwrap

    assert _unwrap(text) == _WRAPPER_RE.sub("", text.strip()).strip()

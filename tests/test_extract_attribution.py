"""Attribution: credit lines, datelines, wire footers, structured hints, cross-site canonicals."""

from __future__ import annotations

import json

import lxml.html
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wirecrawl.extract import extract
from wirecrawl.extract.attribution import agency_name, trailing_outlet

URL = "https://aggregator.example/news/story-1"
PARAS = [
    "The harbour board met on Thursday to discuss the new ferry timetable, which commuters "
    "have criticised for months.",
    "Board chair Ilse Varga said the changes would take effect in January, after a short "
    "consultation with passengers and crew.",
    "The board will publish the final timetable on its website before the end of the month.",
]
FA = [
    "شورای شهر روز پنجشنبه برنامه تازه کشتی‌ها را بررسی کرد و قرار شد تغییرات از دی ماه اجرا شود.",
    "رئیس هیئت مدیره گفت نظر مسافران و خدمه پیش از اجرای برنامه جدید گرفته خواهد شد.",
]
AR = [
    "ناقش مجلس الميناء يوم الخميس جدول الرحلات الجديد الذي انتقده الركاب منذ أشهر طويلة.",
    "وقالت رئيسة المجلس إن التغييرات ستدخل حيز التنفيذ في يناير بعد استشارة الركاب والطواقم.",
]


def page(paragraphs: list[str], extra_head: str = "", site: str = "Aggregator") -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f'<html><head><meta property="og:site_name" content="{site}">{extra_head}</head><body>'
        f"<h1>Ferry timetable changes</h1><div class='article-body'>{body}</div></body></html>"
    )


CREDIT_LINES = [
    (
        "Source: <a href='https://tehrandispatch.example/x'>Tehran Dispatch</a>",
        "Tehran Dispatch",
        "https://tehrandispatch.example/x",
        "credit-line:source",
    ),
    (
        "This story was first published by <a href='https://ledger.example/a'>The Ledger</a>.",
        "The Ledger",
        "https://ledger.example/a",
        "credit-line:first-published-by",
    ),
    (
        "This article originally appeared in The Prairie Post on November 3, 2026.",
        "The Prairie Post",
        None,
        "credit-line:first-published-by",
    ),
    (
        "Originally published at <a href='https://coastal.example/b'>Coastal Courier</a>",
        "Coastal Courier",
        "https://coastal.example/b",
        "credit-line:originally-published",
    ),
    (
        "Republished with permission from <a href='https://kb.example/c'>Kellan Bay Courier</a>.",
        "Kellan Bay Courier",
        "https://kb.example/c",
        "credit-line:republished",
    ),
    (
        "Read the original article at <a href='https://orig.example/d'>orig.example</a>",
        "orig.example",
        "https://orig.example/d",
        "credit-line:read-original",
    ),
    (
        "Copyright 2026 The Associated Press. All rights reserved.",
        "Associated Press",
        None,
        "credit-line:copyright",
    ),
    ("— Reuters", "Reuters", None, "credit-line:agency"),
    (
        "منبع: <a href='https://isna.example/n'>خبرگزاری ایسنا</a>",
        "ISNA",
        "https://isna.example/n",
        "credit-line:fa:source",
    ),
    (
        "منتشر شده در روزنامه شهروند امروز",
        "روزنامه شهروند امروز",
        None,
        "credit-line:fa:published-in",
    ),
    ("به نقل از هفته‌نامه نگاه", "هفته‌نامه نگاه", None, "credit-line:fa:published-in"),
    ("المصدر: صحيفة الأفق", "صحيفة الأفق", None, "credit-line:ar:source"),
    ("نقلا عن موقع الخليج اليوم", "موقع الخليج اليوم", None, "credit-line:ar:quoted-from"),
]


_CREDIT_WORDS = [
    "Source",
    "source:",
    ": ",
    "Reuters",
    "— ",
    "-",
    "(",
    ")",
    "©",
    "2026",
    ".",
    " ",
    "this",
    "story",
    "was",
    "first",
    "published",
    "by",
    "in",
    "Republished",
    "with",
    "permission",
    "from",
    "read",
    "the",
    "original",
    "article",
    "at",
    "all rights reserved",
    "منبع",
    "به",
    "نقل",
    "از",
    "المصدر",
    "نقلا",
    "عن",
    "نشر",
    "في",
    "\n",
    "Harbour Times",
    "x" * 40,
]


@given(st.lists(st.sampled_from(_CREDIT_WORDS), max_size=40))
@settings(max_examples=400, deadline=None)
def test_one_search_for_any_credit_line_agrees_with_the_rules(words):
    """The one-search check is true exactly when some credit-line rule matches."""
    from wirecrawl.extract import attribution

    for text in ("".join(words), " ".join(words)):
        each = any(p.match(text) for _, p in attribution._CREDIT_LINES)
        assert (attribution._ANY_CREDIT_LINE.match(text) is not None) == each, text


@pytest.mark.parametrize("line", [c[0] for c in CREDIT_LINES])
def test_one_search_for_any_credit_line_finds_each_example(line):
    from wirecrawl.extract import attribution

    text = lxml.html.fromstring(f"<p>{line}</p>").text_content()
    assert attribution._ANY_CREDIT_LINE.match(text)


@pytest.mark.parametrize(("line", "name", "url", "rule"), CREDIT_LINES)
def test_credit_lines(line: str, name: str, url: str | None, rule: str) -> None:
    found = extract(page([*PARAS, line]), URL)
    assert found.original_source == name
    assert found.original_url == url
    assert found.evidence["original_source"] == rule
    assert found.body == PARAS, "the credit line leaves the body"
    assert any(e.startswith(rule) for e in found.attribution_evidence)


@pytest.mark.parametrize(
    ("first", "name", "rule"),
    [
        ("WASHINGTON (AP) — " + PARAS[0], "Associated Press", "dateline:agency"),
        ("LONDON, Nov 27 (Reuters) - " + PARAS[0], "Reuters", "dateline:agency"),
        ("TEHRAN (IRNA) -- " + PARAS[0], "IRNA", "dateline:agency"),
        ("PARIS (AFP) – " + PARAS[0], "Agence France-Presse", "dateline:agency"),
    ],
)
def test_agency_datelines(first: str, name: str, rule: str) -> None:
    found = extract(page([first, *PARAS[1:]]), URL)
    assert (found.original_source, found.evidence["original_source"]) == (name, rule)
    assert found.body[0] == first, "a dateline stays in the story"


@pytest.mark.parametrize(
    ("first", "name"),
    [("(MPA) — ", "Meridian Press Agency"), ("(XYZ) — ", "XYZ"), ("(Reuters) - ", "Reuters")],
)
def test_bare_agency_opening_leaves_the_body(first: str, name: str) -> None:
    found = extract(page([first + PARAS[0], *PARAS[1:]]), URL)
    assert (found.original_source, found.evidence["original_source"]) == (name, "dateline:agency")
    assert found.body == PARAS


def test_organisation_in_parentheses_is_not_an_agency() -> None:
    first = "The World Health Organization (WHO) — which met on Monday — said cases fell."
    assert extract(page([first, *PARAS]), URL).original_source is None


def test_trailing_agency() -> None:
    found = extract(page([*PARAS[:-1], PARAS[-1] + " — Reuters"]), URL)
    assert (found.original_source, found.evidence["original_source"]) == (
        "Reuters",
        "trailing-agency",
    )


@pytest.mark.parametrize(
    ("paragraphs", "name", "rule"),
    [
        (
            ["به گزارش سحر به نقل از خبرگزاری مهر، " + FA[0], FA[1]],
            "Mehr News Agency",
            "inline:fa:quoting",
        ),
        (
            ["به گزارش خبرگزاری تسنیم، " + FA[0], FA[1]],
            "Tasnim News Agency",
            "inline:fa:reported-by",
        ),
        (
            [AR[0].rstrip(".") + "، حسبما ذكرت وكالة الشرق للأنباء.", AR[1]],
            "وكالة الشرق للأنباء",
            "inline:ar:agency",
        ),
        (["الرياض (واس) - " + AR[0], AR[1]], "Saudi Press Agency", "dateline:agency"),
        (["ذكرت الصحيفة نقلا عن مصادر مطلعة، " + AR[0], AR[1]], "مصادر مطلعة", "inline:ar:quoting"),
    ],
)
def test_persian_and_arabic_inline_attribution(paragraphs: list[str], name: str, rule: str) -> None:
    found = extract(page(paragraphs), URL)
    assert (found.original_source, found.evidence["original_source"]) == (name, rule)
    assert found.body == paragraphs


def test_own_site_is_never_the_original_source() -> None:
    own = [
        "Source: <a href='https://aggregator.example/about'>Aggregator</a>",
        "This story was first published by Aggregator.",
        "Read the original article at <a href='https://www.aggregator.example/x'>our archive</a>",
    ]
    for line in own:
        assert extract(page([*PARAS, line]), URL).original_source is None, line
    persian = extract(page(["به گزارش خبرنامه، " + FA[0], FA[1]], site="خبرنامه"), URL)
    assert persian.original_source is None


def test_jsonld_is_based_on() -> None:
    ld = {
        "@type": "NewsArticle",
        "headline": "Ferry timetable changes",
        "isBasedOn": {
            "@type": "NewsArticle",
            "url": "https://gazette.example/ferry",
            "publisher": {"@type": "Organization", "name": "Maritime Gazette"},
        },
    }
    head = f'<script type="application/ld+json">{json.dumps(ld)}</script>'
    found = extract(page(PARAS, head), URL)
    assert (found.original_source, found.original_url) == (
        "Maritime Gazette",
        "https://gazette.example/ferry",
    )
    assert found.evidence["original_source"] == "jsonld:isBasedOn"


def test_cross_site_canonical() -> None:
    head = '<link rel="canonical" href="https://northernledger.example/politics/ferry">'
    found = extract(page(PARAS, head), URL)
    assert (found.original_source, found.original_url) == (
        "northernledger.example",
        "https://northernledger.example/politics/ferry",
    )
    assert found.canonical_url is None


def test_foot_link_to_another_outlet() -> None:
    line = "<a href='https://riverside-herald.example/story/9'>Riverside Herald</a>"
    found = extract(page([*PARAS, line]), URL)
    assert (found.original_source, found.original_url) == (
        "Riverside Herald",
        "https://riverside-herald.example/story/9",
    )


def test_credit_element_outside_the_body() -> None:
    markup = page(PARAS).replace("<h1>", "<div class='news-source'>منبع: خبرگزاری فارس</div><h1>")
    found = extract(markup, URL)
    assert found.original_source == "Fars News Agency"


def test_no_attribution_on_an_ordinary_story() -> None:
    found = extract(page(PARAS), URL)
    assert (found.original_source, found.original_url, found.attribution_evidence) == (
        None,
        None,
        [],
    )


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("AP", "Associated Press"),
        ("The Associated Press", "Associated Press"),
        ("dpa", "Deutsche Presse-Agentur"),
        ("خبرگزاری ایسنا", "ISNA"),
        ("Mehr news agency", "Mehr News Agency"),
        ("كونا", "Kuwait News Agency"),
        ("Harbour Times", None),
    ],
)
def test_agency_name(text: str, name: str | None) -> None:
    assert agency_name(text) == name


LAST = PARAS[-1]


@pytest.mark.parametrize(
    ("last", "name"),
    [
        (LAST + " — Meridian Press Agency", "Meridian Press Agency"),
        (LAST + " – Harbour Times", "Harbour Times"),
        (LAST + " - The Coastal Courier", "The Coastal Courier"),
        (LAST + " -- Daily Ledger.", "Daily Ledger"),
        (LAST + "—Northern Gazette", "Northern Gazette"),
        (LAST + " — Times of Ostrin", "Times of Ostrin"),
        (LAST + " — MPA", "Meridian Press Agency"),  # a registered source's initials
        (LAST + " — AFP", "Agence France-Presse"),
        (LAST.rstrip(".") + " — Sahar News", "Sahar News"),  # registered: no sentence end needed
        (FA[-1] + " - خبرگزاری مهر", "Mehr News Agency"),
        (AR[-1] + " - وكالة الأنباء الأردنية", "وكالة الأنباء الأردنية"),
    ],
)
def test_trailing_outlet_names_the_original_and_leaves_the_body(last: str, name: str) -> None:
    found = extract(page([*PARAS[:-1], last]), URL)
    assert (found.original_source, found.evidence["original_source"]) == (name, "trailing-agency")
    assert found.body[:-1] == PARAS[:-1]
    assert name not in found.body[-1] if found.body else True
    assert trailing_outlet(last)[0] == name


@pytest.mark.parametrize(
    "last",
    [
        LAST.rstrip(".") + " — said the minister.",
        LAST.rstrip(".") + " — and more",
        '"We will rebuild the harbour before the winter," she said. — Ilse Varga',
        "The deal was signed by two rivals — Harbour Times and Coastal Courier",
        LAST + " — Press Secretary Jane Doe",
        LAST + " — Sana",
        LAST + " — Ministry of Transport and Public Works of the Republic",
        LAST + " — Jane Doe, Harbour Times",
        AR[-1] + " — قال المتحدث",
    ],
)
def test_a_closing_dash_clause_is_not_an_outlet(last: str) -> None:
    found = extract(page([*PARAS[:-1], last]), URL)
    assert found.original_source is None
    assert found.body[-1] == last
    assert trailing_outlet(last) == (None, None)


@pytest.mark.parametrize(
    ("line", "name"),
    [("— Meridian Press Agency", "Meridian Press Agency"), ("– Harbour Times", "Harbour Times")],
)
def test_a_lone_dash_and_outlet_line_is_a_credit_line(line: str, name: str) -> None:
    found = extract(page([*PARAS, line]), URL)
    assert (found.original_source, found.evidence["original_source"]) == (
        name,
        "credit-line:agency",
    )
    assert found.body == PARAS
    for line in ("Harbour Times", "— More News", "— Latest News"):
        assert extract(page([*PARAS, line]), URL).original_source is None, line


def test_trailing_outlet_is_read_after_boilerplate_is_gone() -> None:
    disclaimer = "Aggregator republishes this content from partner agencies and publications."
    found = extract(
        page([*PARAS[:-1], LAST + " — Meridian Press Agency", disclaimer]),
        URL,
        learned_boilerplate={disclaimer},
    )
    assert found.original_source == "Meridian Press Agency"
    assert found.body == PARAS


def test_own_name_closing_the_story_is_not_a_source() -> None:
    found = extract(page([*PARAS[:-1], LAST + " — Harbour Times"], site="Harbour Times"), URL)
    assert found.original_source is None
    assert found.body[-1] == LAST + " — Harbour Times"


@pytest.mark.parametrize(
    ("paragraphs", "name", "rule"),
    [
        (
            ["WASHINGTON (AP) — " + PARAS[0], PARAS[1], LAST + " — Reuters"],
            "Associated Press",
            "dateline:agency",
        ),
        (
            [*PARAS[:-1], LAST + " — Harbour Times", "Source: Tehran Dispatch"],
            "Tehran Dispatch",
            "credit-line:source",
        ),
    ],
)
def test_a_stronger_rule_keeps_its_source_and_the_closing_name(
    paragraphs: list[str], name: str, rule: str
) -> None:
    found = extract(page(paragraphs), URL)
    assert (found.original_source, found.evidence["original_source"]) == (name, rule)
    assert any(e.startswith("trailing-agency:") for e in found.attribution_evidence)
    assert found.body[-1] == paragraphs[2], "a closing name that is not the source stays"

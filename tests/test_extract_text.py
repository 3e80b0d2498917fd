"""Text cleaning, boilerplate rules and the boilerplate learner."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wirecrawl.extract.boilerplate import (
    BoilerplateLearner,
    boilerplate_rule,
    generic_rule,
    paragraph_key,
    source_rule,
    text_hash,
)
from wirecrawl.extract.text import clean_paragraphs, clean_text, fix_mojibake
from wirecrawl.sources import Source

ZWNJ = "\u200c"


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("  two   spaces\n\tand tabs ", "two spaces and tabs"),
        ("no\u00a0break\u2009thin", "no break thin"),
        ("soft\u00adhy\u00adphen", "softhyphen"),
        ("zero\u200bwidth\ufeff", "zerowidth"),
        ("Tom &amp; Jerry &#8217;s &quot;x&quot;", 'Tom & Jerry ’s "x"'),
        ("AT&T and R&D stay", "AT&T and R&D stay"),
        ("&amp;amp; twice", "& twice"),
        ("Cafe\u0301", "Café"),
        ("CafÃ© dÃ©jÃ\u00a0 vu", "Café déjà vu"),
        ("itâ€™s â€œquotedâ€\x9d", "it’s “quoted”"),
        ("Ø§Ù„Ù…ØµØ¯Ø±", "المصدر"),
        (f"می{ZWNJ}شود", f"می{ZWNJ}شود"),
        (f"word{ZWNJ} {ZWNJ}word", "word word"),
        ("\u200fمرحبا\u200e", "مرحبا"),
        ("été »", "été »"),
        ("SÃO PAULO", "SÃO PAULO"),
        (None, ""),
    ],
)
def test_clean_text(raw: str | None, clean: str) -> None:
    assert clean_text(raw) == clean


def test_fix_mojibake_leaves_real_text_alone() -> None:
    for text in ("Ãcole", "naïve café", "Â", "déjà », dit-il", "MÜNCHEN’S"):
        assert fix_mojibake(text) == text


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=80))
def test_clean_text_is_idempotent(text: str) -> None:
    once = clean_text(text)
    assert clean_text(once) == once


_PIECES = st.sampled_from(
    [
        "Advertisement",
        "Share this article",
        "  ",
        "Read more: x",
        "The mayor spoke.",
        "&amp;",
        "Ã©",
        "انتهای پیام",
        "اقرأ أيضا",
        "\u200c",
        "\u00ad",
        "Copyright 2026 Site. All rights reserved.",
    ]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.text(max_size=40), _PIECES), max_size=12))
def test_clean_paragraphs_is_idempotent(paragraphs: list[str]) -> None:
    source = Source(
        name="site",
        display_name="Site",
        homepage="https://site.example/",
        boilerplate=("^Support us", "Subscribe to the print edition"),
    )
    once = clean_paragraphs(paragraphs, source, {"Learned footer text"})
    assert clean_paragraphs(once, source, {"Learned footer text"}) == once


def test_clean_paragraphs_drops_empty_repeated_and_boilerplate() -> None:
    kept = clean_paragraphs(
        ["First paragraph.", " ", "Advertisement", "First  paragraph.", "Learned line", "Second."],
        learned={"learned line"},
    )
    assert kept == ["First paragraph.", "Second."]


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("Advertisement", "advertisement"),
        ("ADVERTISEMENT - story continues below", "continues-below"),
        ("Story continues below advertisement", "continues-below"),
        ("Share this article", "share"),
        ("Facebook Twitter WhatsApp Email", "share"),
        ("Read more: Council approves budget", "read-more"),
        ("RELATED: Storm hits the coast", "read-more"),
        ("You may also like", "read-more"),
        ("Sign up for our free newsletter and get the news in your inbox.", "newsletter"),
        ("Follow us on Twitter", "follow-us"),
        ("Copyright 2026 Harbor Light. All rights reserved.", "copyright"),
        ("© 2026 Example News", "copyright"),
        ("Photo: Jane Doe/AP", "photo-credit"),
        ("Jane Doe/Getty Images", "photo-credit"),
        ("12 comments", "comments"),
        ("Leave a reply", "comments"),
        ("Tags: budget, council", "tags"),
        ("(Reporting by Jane Doe; Editing by John Roe)", "credit-line"),
        ("Lire aussi : un autre titre", "read-more"),
        ("Mehr zum Thema: Bahn", "read-more"),
        ("بیشتر بخوانید: خبر دیگر", "read-more"),
        ("انتهای پیام", "end-of-story"),
        ("کد خبر: ۱۲۳۴", "end-of-story"),
        ("برچسب‌ها: مترو", "tags"),
        ("اقرأ أيضا: عنوان آخر", "read-more"),
        ("جميع الحقوق محفوظة © 2026", "copyright"),
        ("تابعونا على تويتر", "follow-us"),
        ("إعلان", "advertisement"),
    ],
)
def test_generic_rules(text: str, rule: str) -> None:
    assert generic_rule(text) == rule


@pytest.mark.parametrize(
    "text",
    [
        "More than 300 people were evacuated on Friday.",
        "Copyright law is changing, the minister said on Tuesday.",
        "Residents can register for flood alerts through the city website.",
        "Research by the university shows the river rose faster than predicted.",
        "The share price fell by four percent after the announcement.",
        "Comments from the mayor were welcomed by traders, who said the plan was overdue.",
        "شارك آلاف الأشخاص في المسيرة يوم الجمعة.",
    ],
)
def test_generic_rules_keep_story_sentences(text: str) -> None:
    assert generic_rule(text) is None


def test_source_rules_regex_and_leading_text() -> None:
    entries = ("^Global Wire Digest republishes", "Support our journalism")
    assert source_rule("Global Wire Digest republishes this content with permission.", entries)
    assert source_rule("support our  journalism today!", entries)
    assert not source_rule("We support our journalism", entries)
    assert not source_rule("Anything else.", ())


def test_boilerplate_rule_names_its_reason() -> None:
    source = Source(
        name="s",
        display_name="S",
        homepage="https://s.example/",
        boilerplate=("Support our journalism",),
    )
    learned = {paragraph_key("Known footer")}
    assert boilerplate_rule("Known  FOOTER", source, learned) == "learned"
    assert boilerplate_rule("Support our journalism now", source, learned) == "source"
    assert boilerplate_rule("Advertisement", source, learned) == "generic:advertisement"
    assert boilerplate_rule("A real sentence about the port.", source, learned) is None


def test_learner_learns_repeated_paragraphs() -> None:
    learner = BoilerplateLearner(min_pages=3, share=0.5)
    for i in range(4):
        learner.observe(
            "site", [f"Story {i} text.", "Our footer line.", "Shared sometimes."[: 8 + i]]
        )
    assert learner.learned("site") == {"Our footer line."}
    assert learner.learned("other") == set()


def test_learner_needs_min_pages_and_share() -> None:
    learner = BoilerplateLearner(min_pages=5, share=0.3)
    for _ in range(4):
        learner.observe("site", ["Footer"])
    assert learner.learned("site") == set()
    learner.observe("site", ["Footer"])
    assert learner.learned("site") == {"Footer"}
    for i in range(20):
        learner.observe("site", [f"unique {i}"])
    assert learner.learned("site") == set()


def test_learner_counts_a_paragraph_once_per_page() -> None:
    learner = BoilerplateLearner(min_pages=2, share=0.1)
    learner.observe("site", ["Again", "Again", "Again"])
    assert learner.learned("site") == set()


def test_learner_rows_round_trip() -> None:
    learner = BoilerplateLearner(min_pages=2, share=0.5)
    for _ in range(3):
        learner.observe("a", ["Footer A", "x"])
    learner.observe("b", ["Footer B"])
    rows = learner.to_rows()
    assert ("a", "", "", 3) in rows
    assert ("a", text_hash("Footer A"), "Footer A", 3) in rows
    restored = BoilerplateLearner(min_pages=2, share=0.5).from_rows(rows)
    assert restored.learned("a") == learner.learned("a") == {"Footer A", "x"}
    assert restored.to_rows() == rows


def test_learner_forgets_rare_texts_over_its_limit() -> None:
    learner = BoilerplateLearner(min_pages=2, share=0.1, max_texts=10)
    for i in range(30):
        learner.observe("site", [f"once {i}", "always"])
    assert len([r for r in learner.to_rows() if r[1]]) <= 11
    assert "always" in learner.learned("site")


_RULE_WORDS = [
    "sign up", "subscribe", "subscribe now", "newsletter", "newsletters", "inbox", "in your inbox",
    "get", "receive", "our", "the", "to", "for", "free", "news", "daily", "copyright", "©", "(c)",
    "2026", "all", "rights", "reserved", "all rights reserved", "جميع", "كافة", "الحقوق",
    "محفوظة", "تمامی", "کلیه", "حقوق", "این", "سایت", "محفوظ", "اشترك", "في", "النشرة",
    "نشرتنا", "عضویت", "در", "خبرنامه", "harbor", "light", ".", ",",
]  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_RULE_WORDS), min_size=1, max_size=12).map(" ".join))
def test_a_rules_needles_never_rule_out_a_paragraph_it_matches(text: str) -> None:
    from wirecrawl.extract.boilerplate import _COMPILED, _TRIM, paragraph_key

    folded = paragraph_key(text).strip(_TRIM)
    for name, _, pattern, needles in _COMPILED:
        if needles and pattern.fullmatch(folded):
            assert any(needle in folded for needle in needles), (name, folded)


@pytest.mark.parametrize(
    "text",
    [
        "Subscribe to our newsletter",
        "Subscribe",
        "Get our morning newsletter delivered free",
        "Sign up and the best stories land in your inbox",
        "Copyright (c) 2026 Harbor Light",
        "Harbor Light 2026, all rights reserved",
        "تمامی حقوق این سایت محفوظ است.",
        "عضویت در خبرنامه",
        "اشترك في النشرة اليومية",
    ],
)
def test_rules_with_needles_still_match(text: str) -> None:
    assert generic_rule(text) in ("newsletter", "copyright")


@settings(max_examples=300, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(
            " a\t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2028\u2029\u202f\u205f\u3000\u200b\u200cب"
        )
    )
)
def test_whitespace_is_what_the_regex_engine_calls_whitespace(text: str) -> None:
    import re

    assert " ".join(text.split()) == re.sub(r"\s+", " ", text).strip()


@settings(max_examples=300, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from("ab ب\xad\u200b\u200e\u202a\u2060\ufeff\x01\x7f\x85\x9f\t\n\u200c")
    )
)
def test_the_invisible_scan_finds_what_the_table_drops(text: str) -> None:
    from wirecrawl.extract.text import _INVISIBLE, _INVISIBLE_RE

    assert (_INVISIBLE_RE.search(text) is not None) == (text.translate(_INVISIBLE) != text)

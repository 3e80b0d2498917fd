"""The shared page index: elements by class/id hint, found in page order."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from wirecrawl.extract.dom import HintIndex, hint_text, parse_html

PAGE = """<html><body>
<div class="byline top" id="a">By Mira Holt</div>
<article class="story">
  <p class="byline">By Tomas Reyes</p>
  <span class="meta date">5 March 2026</span>
  <div class="byline top" id="b">Staff</div>
  <p>Text.</p>
</article>
<aside class="meta">Related</aside>
<section itemscope itemtype="https://schema.org/Person"><span itemprop="name">X</span></section>
</body></html>"""

BYLINE = re.compile("byline")
META = re.compile(r"\bmeta\b")


def names(elements: list) -> list[str]:
    return [" ".join((el.text_content() or "").split()) for el in elements]


def test_find_returns_page_order_across_distinct_hints() -> None:
    index = HintIndex(parse_html(PAGE))
    # three elements under two different hints ("byline top a", "byline", "byline top b")
    assert names(index.find(BYLINE)) == ["By Mira Holt", "By Tomas Reyes", "Staff"]
    assert names(index.find(META)) == ["5 March 2026", "Related"]


def test_find_within_and_tags() -> None:
    root = parse_html(PAGE)
    index = HintIndex(root)
    article = next(root.iter("article"))
    assert names(index.find(BYLINE, article)) == ["By Tomas Reyes", "Staff"]
    assert names(index.find(BYLINE, tags=("p",))) == ["By Tomas Reyes"]
    assert names(index.find(META, article, tags=("span", "div"))) == ["5 March 2026"]


def test_find_inside_an_element_before_the_index_is_built() -> None:
    root = parse_html(PAGE)
    article = next(root.iter("article"))
    index = HintIndex(root)
    assert names(index.find(BYLINE, article)) == ["By Tomas Reyes", "Staff"]
    assert index.find(re.compile("nothing-like-this"), article) == []


def test_microdata_and_elements_without_attributes() -> None:
    index = HintIndex(parse_html(PAGE))
    assert [el.tag for el in index.microdata] == ["section", "span"]
    assert names(index.with_itemprop("name")) == ["X"]
    # the <p> with no attributes is not indexed; the hinted ones are
    assert all(el.get("class") or el.get("id") for el, _ in index.items)
    assert len(index.items) == 6


def test_with_rel_finds_what_an_xpath_below_the_region_finds() -> None:
    root = parse_html(
        "<html><head><link rel='author' href='/a'></head><body>"
        "<div id='story' rel='author'><p>By <a rel='author' href='/w'>Wren</a> and "
        "<a rel='author nofollow' href='/x'>Xan</a>, <span rel='author'>Yara</span></p></div>"
        "<aside><a rel='author' href='/z'>Zed</a></aside></body></html>"
    )
    index = HintIndex(root)
    story = root.get_element_by_id("story")
    found = index.with_rel("author", story)
    assert found == story.xpath(".//*[@rel='author']")  # below the region, exact value, in order
    assert [el.text for el in found] == ["Wren", "Yara"]
    assert index.with_rel("author", root) == root.xpath(".//*[@rel='author']")
    assert len(index.with_rel("author", root)) == 5


_ATTRIBUTES = [
    'class="byline"',
    'class=""',
    'class="Post-Body main"',
    'id="story"',
    'id=""',
    'itemprop="author"',
    "itemscope",
    'rel="author"',
    'style="x"',
    'class="post-12 type-post status-publish tag-share"',
]


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["div", "p", "span", "a"]),
            st.lists(st.sampled_from(_ATTRIBUTES), max_size=4, unique=True),
        ),
        max_size=30,
    )
)
@settings(max_examples=200, deadline=None)
def test_index_walk_lists_what_each_element_says(elements):
    """The one walk lists every element with a hint (its hint_text), every microdata element
    and every element with a rel, in page order, whatever else the element carries."""
    body = "".join(f"<{tag} {' '.join(attrs)}>t</{tag}>" for tag, attrs in elements)
    root = parse_html(f"<html><body>{body}</body></html>")
    index = HintIndex(root)
    everything = list(root.iter(etree.Element))
    assert index.items == [(el, hint_text(el)) for el in everything if hint_text(el)]
    assert index.microdata == [
        el for el in everything if el.get("itemprop") is not None or el.get("itemscope") is not None
    ]
    assert index._linked == [el for el in everything if el.get("rel") is not None]
    for el, hint in index.items:  # the hint is what the class and id say, whichever is there
        expected = " ".join(filter(None, [el.get("class"), el.get("id")])).lower()
        assert hint.split() == [w for w in expected.split() if w] or "post-" in expected

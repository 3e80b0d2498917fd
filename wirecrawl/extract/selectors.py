"""A source's own CSS selectors, applied with parsel to the shared tree.

A selector may end in ``::text`` or ``::attr(name)`` (then its strings are used as they are) or
select elements (then their text is used; a body selector's elements are walked into paragraphs
by the content layer, so furniture inside them is still left out). A selector that fails at run
time is skipped and named in ``errors`` rather than raised.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml.html import HtmlElement

from wirecrawl.sources import Selectors


@dataclass
class SelectorFields:
    """What a source's selectors found; empty fields mean the selector was absent or matched nothing."""

    title: str | None = None
    body_texts: list[str] = field(default_factory=list)
    body_elements: list[HtmlElement] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    published: list[str] = field(default_factory=list)
    modified: list[str] = field(default_factory=list)
    section: str | None = None
    tags: list[str] = field(default_factory=list)
    credit_elements: list[HtmlElement] = field(default_factory=list)
    credit_texts: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def _strings_and_elements(
    root: HtmlElement, query: str | None, errors: list[str], name: str
) -> tuple[list[str], list[HtmlElement]]:
    if not query:
        return [], []
    from parsel import Selector

    try:
        matches = Selector(root=root, type="html").css(query)
    except Exception as exc:  # cssselect raises several error types for unsupported syntax
        errors.append(f"{name}: {exc}")
        return [], []
    strings: list[str] = []
    elements: list[HtmlElement] = []
    for match in matches:
        value = match.root
        if isinstance(value, str):
            text = " ".join(value.split())
            if text:
                strings.append(text)
        elif isinstance(value, HtmlElement):
            elements.append(value)
    return strings, elements


def _element_value(el: HtmlElement) -> str:
    for attr in ("datetime", "content"):
        value = el.get(attr)
        if value and value.strip():
            return value.strip()
    return " ".join(el.text_content().split())


def _texts(strings: list[str], elements: list[HtmlElement], attrs: bool = False) -> list[str]:
    values = list(strings)
    for el in elements:
        text = _element_value(el) if attrs else " ".join(el.text_content().split())
        if text:
            values.append(text)
    return values


def apply_selectors(root: HtmlElement, selectors: Selectors) -> SelectorFields:
    """Run every selector the source defines over the tree."""
    out = SelectorFields()
    errors = out.errors
    strings, elements = _strings_and_elements(root, selectors.title, errors, "title")
    titles = _texts(strings, elements)
    out.title = titles[0] if titles else None
    out.body_texts, out.body_elements = _strings_and_elements(root, selectors.body, errors, "body")
    strings, elements = _strings_and_elements(root, selectors.authors, errors, "authors")
    out.authors = _texts(strings, elements)
    strings, elements = _strings_and_elements(root, selectors.published, errors, "published")
    out.published = _texts(strings, elements, attrs=True)
    strings, elements = _strings_and_elements(root, selectors.modified, errors, "modified")
    out.modified = _texts(strings, elements, attrs=True)
    strings, elements = _strings_and_elements(root, selectors.section, errors, "section")
    sections = _texts(strings, elements)
    out.section = sections[0] if sections else None
    strings, elements = _strings_and_elements(root, selectors.tags, errors, "tags")
    out.tags = _texts(strings, elements)
    out.credit_texts, out.credit_elements = _strings_and_elements(
        root, selectors.credit, errors, "credit"
    )
    return out

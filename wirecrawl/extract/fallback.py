"""Last-resort body sources: trafilatura on the shared tree, and an app state's long strings.

Used only when the page's own layers found no body or a very short one; trafilatura copies the
tree before it prunes it, so the shared tree is left as it was.
"""

from __future__ import annotations

import logging
from typing import Any

from lxml.html import HtmlElement

from wirecrawl.extract.structured import embedded_texts


def trafilatura_paragraphs(root: HtmlElement, url: str) -> list[str]:
    """trafilatura's main text as paragraphs (without comments); [] when it finds nothing."""
    import trafilatura

    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    try:
        document = trafilatura.bare_extraction(
            root, url=url, include_comments=False, include_tables=True, with_metadata=False
        )
    except Exception:  # trafilatura raises assorted errors on pathological trees
        return []
    text = getattr(document, "text", None) if document is not None else None
    if not isinstance(text, str):
        return []
    return [line.strip() for line in text.split("\n") if line.strip()]


def embedded_paragraphs(data: Any) -> list[str]:
    """Paragraph-like strings of an embedded app state (``__NEXT_DATA__``), markup stripped."""
    import lxml.html

    paragraphs: list[str] = []
    for text in embedded_texts(data):
        if "<" in text and ">" in text:
            try:
                fragment = lxml.html.fragment_fromstring(text, create_parent="div")
            except (ValueError, TypeError):
                continue
            parts = [" ".join(p.text_content().split()) for p in fragment.iter("p")]
            paragraphs.extend(p for p in parts if p)
            if not parts:
                paragraphs.append(" ".join(fragment.text_content().split()))
        else:
            paragraphs.append(" ".join(text.split()))
    return paragraphs

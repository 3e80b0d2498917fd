"""Build the extraction evaluation set: invented news pages modelled on real site builds.

Run ``.venv/bin/python tests/eval/make_eval.py`` to (re)write ``tests/eval/pages/``: for each
page ``<name>.html`` (or ``.html.gz``) and ``<name>.json`` with the true ``title``, ``body``
(paragraphs), ``authors``, ``published`` (UTC day or null), ``original_source``,
``original_url``, ``url`` and ``language``; a page that needs source selectors also carries a
``source`` table. Output is deterministic (seeded), so the files can be committed.
"""

from __future__ import annotations

import gzip
import html
import json
import sys
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

from texts import (
    ARABIC_STORIES,
    FRENCH_STORY,
    GERMAN_STORY,
    JAPANESE_STORY,
    PERSIAN_STORIES,
    SPANISH_STORY,
    TURKISH_STORY,
    Story,
    english_story,
    teaser_texts,
)

OUT = Path(__file__).parent / "pages"


def esc(text: str) -> str:
    return html.escape(text, quote=True)


def utc_day(iso: str | None) -> str | None:
    if not iso:
        return None
    return datetime.fromisoformat(iso).astimezone(UTC).date().isoformat()


# --- page furniture -----------------------------------------------------------------------------

SECTIONS = ["World", "Politics", "Business", "Science", "Sport", "Culture", "Opinion", "Weather"]


def menu(cls: str = "main-navigation", tag: str = "nav") -> str:
    items = "".join(f'<li class="menu-item"><a href="/{s.lower()}/">{s}</a></li>' for s in SECTIONS)
    return f'<{tag} class="{cls}"><ul class="menu">{items}</ul></{tag}>'


def share_bar(cls: str = "share-buttons") -> str:
    links = "".join(
        f'<li><a href="https://{n.lower()}.example/share" class="share-{n.lower()}">{n}</a></li>'
        for n in ("Facebook", "Twitter", "WhatsApp", "Email")
    )
    return f'<div class="{cls}"><span>Share this article</span><ul>{links}</ul></div>'


def related(
    seed: int,
    heading: str = "Related stories",
    cls: str = "related-posts",
    count: int = 4,
    excerpts: bool = True,
) -> str:
    items = []
    for title, excerpt in teaser_texts(seed, count):
        extra = f"<p>{esc(excerpt)}</p>" if excerpts else ""
        items.append(
            f'<article class="teaser"><h3><a href="/story/{zlib.crc32(title.encode()) % 9999}">'
            f"{esc(title)}</a></h3>{extra}</article>"
        )
    return f'<section class="{cls}"><h2>{heading}</h2>{"".join(items)}</section>'


def sidebar_widgets(seed: int, tag: str = "aside", cls: str = "sidebar") -> str:
    recent = "".join(
        f'<li><a href="/r/{i}">{esc(t)}</a></li>'
        for i, (t, _) in enumerate(teaser_texts(seed + 50, 5))
    )
    popular = "".join(
        f'<div class="popular-item"><a href="/p/{i}">{esc(t)}</a><p>{esc(e)}</p></div>'
        for i, (t, e) in enumerate(teaser_texts(seed + 60, 3))
    )
    return (
        f'<{tag} class="{cls}"><section class="widget widget_recent_entries">'
        f'<h2 class="widget-title">Recent Posts</h2><ul>{recent}</ul></section>'
        f'<section class="widget widget_popular"><h2 class="widget-title">Most read</h2>{popular}'
        f'</section><section class="widget widget_newsletter"><h2>Newsletter</h2>'
        f"<p>Get our morning briefing delivered to your inbox every weekday.</p>"
        f'<form><input type="email"><button>Subscribe</button></form></section></{tag}>'
    )


def comments(seed: int, count: int, cls: str = "comments-area") -> str:
    lines = teaser_texts(seed + 500, count * 2)
    items = []
    for i in range(count):
        body = esc(lines[2 * i][1]) + " " + esc(lines[2 * i + 1][1])
        items.append(
            f'<li id="comment-{i}" class="comment even depth-1"><article class="comment-body">'
            f'<footer class="comment-meta"><b class="fn">Reader{i}</b> '
            f'<time datetime="2026-11-2{i % 9}T10:00:00+00:00">November 2{i % 9}, 2026</time>'
            f'</footer><div class="comment-content"><p>{body}</p>'
            f"<p>I have lived here for twenty years and I have never seen anything like it, "
            f"to be honest.</p></div></article></li>"
        )
    return (
        f'<div id="comments" class="{cls}"><h2 class="comments-title">{count} thoughts</h2>'
        f'<ol class="comment-list">{"".join(items)}</ol><div id="respond" class="comment-respond">'
        f'<h3 class="comment-reply-title">Leave a Reply</h3><form><textarea></textarea>'
        f"<p>Your email address will not be published.</p></form></div></div>"
    )


def site_footer(site: str, cls: str = "site-footer", tag: str = "footer") -> str:
    return (
        f'<{tag} class="{cls}"><div class="footer-about"><p>{esc(site)} is an independent '
        f"newsroom covering the coast and the valley since 1998. Our reporters work from four "
        f'bureaus and answer to readers, not owners.</p></div><ul class="footer-links">'
        f'<li><a href="/about">About us</a></li><li><a href="/contact">Contact</a></li>'
        f'<li><a href="/privacy">Privacy</a></li></ul><p class="copyright">© 2026 {esc(site)}. '
        f"All rights reserved.</p></{tag}>"
    )


def cookie_banner() -> str:
    return (
        '<div class="cookie-consent" role="dialog"><p>We use cookies to improve your '
        "experience. By continuing to browse you agree to our use of cookies.</p>"
        "<button>Accept</button></div>"
    )


def newsletter_box() -> str:
    return (
        '<div class="newsletter-signup inline-newsletter"><h4>Morning Briefing</h4>'
        "<p>Sign up for our free newsletter and get the day's top stories in your inbox.</p>"
        '<form><input type="email" placeholder="Email"><button>Sign up</button></form></div>'
    )


def ad(cls: str = "ad-slot", label: str = "Advertisement") -> str:
    return f'<div class="{cls}"><span class="ad-label">{label}</span><div id="div-gpt-ad-1"></div></div>'


def figure(caption: str) -> str:
    return (
        f'<figure class="wp-block-image"><img src="/images/photo.jpg" alt="">'
        f"<figcaption>{esc(caption)} (Photo: Staff Photographer)</figcaption></figure>"
    )


def pull_quote(text: str) -> str:
    return f'<aside class="pullquote"><blockquote><p>{esc(text)}</p></blockquote></aside>'


def read_more(seed: int, label: str = "Read more:") -> str:
    title = teaser_texts(seed + 900, 1)[0][0]
    return f'<p><strong>{label}</strong> <a href="/story/{seed}">{esc(title)}</a></p>'


# --- structured data ----------------------------------------------------------------------------


def person_list(names: list[str]) -> list[dict[str, str]]:
    return [{"@type": "Person", "name": n} for n in names]


def jsonld_article(
    story: Story,
    url: str,
    site: str,
    *,
    kind: str = "NewsArticle",
    body: str | None = "full",
    graph: bool = False,
    extra: dict[str, Any] | None = None,
) -> str:
    node: dict[str, Any] = {
        "@type": kind,
        "headline": story.title,
        "datePublished": story.published,
        "dateModified": story.modified or story.published,
        "author": person_list(story.authors),
        "publisher": {
            "@type": "Organization",
            "name": site,
            "logo": {"@type": "ImageObject", "url": "https://cdn.example/logo.png"},
        },
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "image": {"@type": "ImageObject", "url": "https://cdn.example/lead.jpg"},
        "articleSection": story.section,
        "keywords": story.tags,
        "inLanguage": story.lang,
    }
    if body == "full":
        node["articleBody"] = " ".join(story.paragraphs)
    elif body == "truncated":
        node["articleBody"] = " ".join(story.paragraphs)[:220] + "…"
    if extra:
        node.update(extra)
    if graph:
        person_ids = []
        people = []
        for i, name in enumerate(story.authors):
            pid = f"{url}#/schema/person/{i}"
            person_ids.append({"@id": pid})
            people.append({"@type": "Person", "@id": pid, "name": name})
        node["author"] = person_ids if len(person_ids) > 1 else person_ids[0]
        node["publisher"] = {"@id": f"{url}#organization"}
        data: Any = {
            "@context": "https://schema.org",
            "@graph": [
                {"@type": "WebSite", "@id": f"{url}#website", "name": site},
                {"@type": "Organization", "@id": f"{url}#organization", "name": site},
                {"@type": "WebPage", "@id": url, "name": story.title},
                {
                    "@type": "BreadcrumbList",
                    "itemListElement": [
                        {"@type": "ListItem", "position": 1, "name": "Home"},
                        {"@type": "ListItem", "position": 2, "name": story.section},
                    ],
                },
                node,
                *people,
            ],
        }
    else:
        data = {"@context": "https://schema.org", **node}
    text = json.dumps(data, ensure_ascii=False, indent=1)
    return f'<script type="application/ld+json">{text}</script>'


def head(
    story: Story,
    url: str,
    site: str,
    *,
    title_tag: str | None = None,
    og: bool = True,
    ld: str = "",
    charset: str = "utf-8",
    extra: str = "",
    published_meta: bool = True,
) -> str:
    parts = [
        f'<meta charset="{charset}">' if charset else "",
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{esc(title_tag or f'{story.title} | {site}')}</title>",
        f'<link rel="canonical" href="{esc(url)}">',
    ]
    if og:
        parts += [
            f'<meta property="og:title" content="{esc(story.title)}">',
            f'<meta property="og:site_name" content="{esc(site)}">',
            f'<meta property="og:url" content="{esc(url)}">',
            '<meta property="og:type" content="article">',
            '<meta property="og:image" content="https://cdn.example/lead.jpg">',
        ]
    if published_meta:
        parts.append(f'<meta property="article:published_time" content="{story.published}">')
    parts += [
        extra,
        ld,
        '<link rel="stylesheet" href="/style.css">',
        "<script>window.dataLayer=window.dataLayer||[];</script>",
    ]
    return "<head>" + "".join(p for p in parts if p) + "</head>"


# --- body rendering -----------------------------------------------------------------------------


def body_html(
    story: Story,
    *,
    p_class: str = "",
    heading: str = "h2",
    inserts: dict[int, str] | None = None,
    para_tag: str = "p",
) -> str:
    inserts = inserts or {}
    cls = f' class="{p_class}"' if p_class else ""
    out = []
    for i, text in enumerate(story.paragraphs):
        if i in inserts:
            out.append(inserts[i])
        if i in story.subheads:
            out.append(f"<{heading}>{esc(text)}</{heading}>")
        else:
            out.append(f"<{para_tag}{cls}>{esc(text)}</{para_tag}>")
    if len(story.paragraphs) in inserts:
        out.append(inserts[len(story.paragraphs)])
    return "\n".join(out)


def byline_html(story: Story, date_text: str) -> str:
    links = " and ".join(
        f'<a href="/author/{n.lower().replace(" ", "-")}/" rel="author">{esc(n)}</a>'
        for n in story.authors
    )
    return (
        f'<div class="byline">By {links} <span class="sep">|</span> '
        f'<time datetime="{story.published}">{esc(date_text)}</time></div>'
    )


# --- templates ----------------------------------------------------------------------------------


@dataclass
class Page:
    """One page to write: its markup builder's result and the truth overrides."""

    name: str
    story: Story
    url: str
    site: str
    html: str = ""
    encoding: str = "utf-8"
    gz: bool = False
    original_source: str | None = None
    original_url: str | None = None
    body: list[str] | None = None
    title: str | None = None
    authors: list[str] | None = None
    published: str | None = "story"
    language: str | None = "story"
    source: dict[str, Any] | None = None
    bom: bool = False
    extra_truth: dict[str, Any] = field(default_factory=dict)


def wp_classic(
    page: Page,
    *,
    seed: int,
    comments_n: int = 3,
    inserts: dict[int, str] | None = None,
    ld: str = "graph",
    credit: str = "",
    lead: str = "",
    after: str = "",
) -> str:
    s = page.story
    ld_html = (
        jsonld_article(s, page.url, page.site, graph=True, body=None)
        if ld == "graph"
        else (jsonld_article(s, page.url, page.site) if ld == "plain" else "")
    )
    return f"""<!DOCTYPE html>
<html lang="{s.lang}-US">{head(s, page.url, page.site, ld=ld_html)}
<body class="post-template-default single single-post postid-{seed} single-format-standard has-sidebar">
<div id="page" class="site"><a class="skip-link screen-reader-text" href="#content">Skip to content</a>
<header id="masthead" class="site-header"><div class="site-branding"><p class="site-title"><a href="/">{esc(page.site)}</a></p>
<p class="site-description">News from the coast and the valley</p></div>{menu()}</header>
{cookie_banner()}
<div id="content" class="site-content"><div id="primary" class="content-area"><main id="main" class="site-main">
<article id="post-{seed}" class="post-{seed} post type-post status-publish format-standard hentry category-news tag-share tag-comments">
<header class="entry-header"><h1 class="entry-title">{esc(s.title)}</h1>
<div class="entry-meta"><span class="posted-on">Posted on <a href="{page.url}" rel="bookmark"><time class="entry-date published" datetime="{s.published}">November 27, 2026</time></a></span>
<span class="byline"> by <span class="author vcard"><a class="url fn n" href="/author/{s.authors[0].split()[0].lower()}/">{esc(s.authors[0])}</a></span></span></div></header>
<div class="entry-content">
{lead}{body_html(s, inserts=inserts)}
{credit}
{share_bar("sharedaddy sd-sharing-enabled")}
<div id="jp-relatedposts" class="jp-relatedposts"><h3 class="jp-relatedposts-headline">Related</h3>{related(seed, cls="jp-related-list")}</div>
</div>
<footer class="entry-footer"><span class="cat-links">Posted in <a href="/news/">News</a></span>
<span class="tags-links">Tagged <a href="/tag/a/" rel="tag">{esc(s.tags[0])}</a></span></footer>
</article>{after}
<nav class="navigation post-navigation"><div class="nav-links"><div class="nav-previous"><a href="/prev">{esc(teaser_texts(seed, 1)[0][0])}</a></div></div></nav>
{comments(seed, comments_n) if comments_n else ""}
</main></div>{sidebar_widgets(seed, tag="aside", cls="widget-area")}</div>
{site_footer(page.site)}</div></body></html>"""


def wp_newspaper(
    page: Page,
    *,
    seed: int,
    inserts: dict[int, str] | None = None,
    credit: str = "",
    ld: bool = True,
) -> str:
    s = page.story
    ld_html = jsonld_article(s, page.url, page.site, body="full", graph=True) if ld else ""
    return f"""<!doctype html><html lang="en-US">{head(s, page.url, page.site, ld=ld_html)}
<body class="post-template-default single single-post td-standard-pack">
<div class="td-header-wrap">{menu("td-header-menu-wrap", "div")}</div>
<div class="td-main-content-wrap td-container-wrap"><div class="td-container"><div class="td-pb-row">
<div class="td-pb-span8 td-main-content" role="main"><div class="td-ss-main-content">
<article id="post-{seed}" class="post-{seed} post type-post status-publish" itemscope itemtype="https://schema.org/Article">
<div class="td-post-header"><ul class="td-category"><li class="entry-category"><a href="/c/">{esc(s.section)}</a></li></ul>
<header class="td-post-title"><h1 class="entry-title">{esc(s.title)}</h1>
<div class="td-module-meta-info"><div class="td-post-author-name"><div class="td-author-by">By</div> <a href="/author/x/">{esc(s.authors[0])}</a><div class="td-author-line"> - </div></div>
<span class="td-post-date"><time class="entry-date updated td-module-date" datetime="{s.published}">November 26, 2026</time></span></div></header></div>
<div class="td-post-sharing-top">{share_bar("td-post-sharing")}</div>
<div class="td-post-content tagdiv-type">
<div class="td-post-featured-image"><img src="/img/lead.jpg"></div>
{body_html(s, inserts=inserts)}
{credit}
</div>
<footer><div class="td-post-source-tags"><ul class="td-tags td-post-small-box clearfix"><li><span>TAGS</span></li><li><a href="/tag/x/">{esc(s.tags[0])}</a></li></ul></div>
<div class="td-author-name vcard author"><div class="td-author-description">{esc(s.authors[0])} has covered regional politics for the paper since 2014 and previously reported from the capital.</div></div></footer>
<div class="td_block_wrap td_block_related_posts"><h4 class="td-related-title">RELATED ARTICLES</h4>{related(seed, cls="td_block_inner")}</div>
</article></div></div>
<div class="td-pb-span4 td-main-sidebar" role="complementary">{sidebar_widgets(seed, tag="div", cls="td-ss-main-sidebar")}</div>
</div></div></div>{site_footer(page.site, "td-footer-wrapper", "div")}</body></html>"""


def wp_blocks(page: Page, *, seed: int, list_items: list[str] | None = None) -> str:
    s = page.story
    quote = s.paragraphs[2].split(". ")[0].strip(".") + "."
    inserts = {
        2: figure("Workers on the site on Tuesday."),
        3: f'<figure class="wp-block-pullquote"><blockquote><p>{esc(quote)}</p><cite>{esc(s.authors[0])}</cite></blockquote></figure>',
        4: newsletter_box(),
    }
    body = body_html(s, inserts=inserts)
    if list_items:
        items = "".join(f"<li>{esc(t)}</li>" for t in list_items)
        body += f'\n<ul class="wp-block-list">{items}</ul>'
    ld_html = jsonld_article(s, page.url, page.site, body="truncated")
    return f"""<!DOCTYPE html><html lang="en-GB">{head(s, page.url, page.site, ld=ld_html)}
<body class="wp-singular post-template-default single wp-theme-twentytwentyfive">
<div class="wp-site-blocks"><header class="wp-block-template-part"><div class="wp-block-group"><p class="wp-block-site-title"><a href="/">{esc(page.site)}</a></p>{menu("wp-block-navigation")}</div></header>
<main class="wp-block-group"><div class="wp-block-group">
<h1 class="wp-block-post-title">{esc(s.title)}</h1>
<div class="wp-block-post-date"><time datetime="{s.published}">27/11/2026</time></div>
<div class="wp-block-post-author"><div class="wp-block-post-author__content"><p class="wp-block-post-author__name">{esc(s.authors[0])}</p></div></div>
<div class="entry-content wp-block-post-content is-layout-constrained">
{body}
</div>
<div class="taxonomy-post_tag wp-block-post-terms"><a href="/tag/t/" rel="tag">{esc(s.tags[0])}</a></div>
<div class="wp-block-group"><h2 class="wp-block-heading">More posts</h2><ul class="wp-block-latest-posts__list wp-block-latest-posts">{"".join(f'<li><a href="/x{i}">{esc(t)}</a><div class="wp-block-latest-posts__post-excerpt">{esc(e)}</div></li>' for i, (t, e) in enumerate(teaser_texts(seed, 3)))}</ul></div>
</div></main>{site_footer(page.site, "wp-block-template-part", "footer")}</div></body></html>"""


def elementor(page: Page, *, seed: int) -> str:
    s = page.story
    ld_html = jsonld_article(s, page.url, page.site, body=None, graph=True)
    widgets = "".join(
        f'<div class="elementor-post"><div class="elementor-post__text"><h3 class="elementor-post__title"><a href="/e{i}">{esc(t)}</a></h3><div class="elementor-post__excerpt"><p>{esc(e)}</p></div></div></div>'
        for i, (t, e) in enumerate(teaser_texts(seed, 4))
    )
    return f"""<!DOCTYPE html><html lang="en-US">{head(s, page.url, page.site, ld=ld_html)}
<body class="post-template single elementor-default elementor-template-full-width">
<div data-elementor-type="header" class="elementor elementor-location-header">{menu("elementor-nav-menu--main", "nav")}</div>
<div data-elementor-type="single-post" class="elementor elementor-location-single post-{seed} post type-post">
<section class="elementor-section elementor-top-section"><div class="elementor-container"><div class="elementor-column elementor-col-66"><div class="elementor-widget-wrap">
<div class="elementor-element elementor-widget elementor-widget-theme-post-title elementor-page-title elementor-widget-heading"><div class="elementor-widget-container"><h1 class="elementor-heading-title">{esc(s.title)}</h1></div></div>
<div class="elementor-element elementor-widget elementor-widget-post-info"><div class="elementor-widget-container"><ul class="elementor-inline-items elementor-icon-list-items elementor-post-info">
<li class="elementor-icon-list-item"><span class="elementor-icon-list-text elementor-post-info__item elementor-post-info__item--type-author">{esc(s.authors[0])}</span></li>
<li class="elementor-icon-list-item"><span class="elementor-post-info__item elementor-post-info__item--type-date"><time>November 25, 2026</time></span></li></ul></div></div>
<div class="elementor-element elementor-widget elementor-widget-theme-post-content"><div class="elementor-widget-container">
{body_html(s, inserts={3: ad("elementor-ad")})}
</div></div>
<div class="elementor-element elementor-widget elementor-widget-share-buttons"><div class="elementor-widget-container">{share_bar("elementor-share-buttons")}</div></div>
<div class="elementor-element elementor-widget elementor-widget-posts"><div class="elementor-widget-container"><h2>You may also like</h2><div class="elementor-posts-container elementor-posts">{widgets}</div></div></div>
</div></div></div></section></div>
<div data-elementor-type="footer" class="elementor elementor-location-footer">{site_footer(page.site, "elementor-footer", "div")}</div></body></html>"""


def drupal(page: Page, *, seed: int) -> str:
    s = page.story
    teasers = "".join(
        f'<div class="views-row"><div class="views-field views-field-title"><span class="field-content"><a href="/node/{i}">{esc(t)}</a></span></div><div class="views-field views-field-body"><div class="field-content"><p>{esc(e)}</p></div></div></div>'
        for i, (t, e) in enumerate(teaser_texts(seed, 4))
    )
    return f"""<!DOCTYPE html><html lang="en" dir="ltr">{head(s, page.url, page.site, title_tag=f"{s.title} | {page.site}", extra=f'<meta name="dcterms.date" content="{s.published}"><meta name="author" content="{esc(", ".join(s.authors))}">', published_meta=False)}
<body class="path-node page-node-type-article"><a href="#main-content" class="visually-hidden focusable skip-link">Skip to main content</a>
<div class="dialog-off-canvas-main-canvas"><div class="layout-container">
<header role="banner"><div class="region region-header"><div id="block-site-branding"><a href="/" rel="home">{esc(page.site)}</a></div></div>{menu("region-primary-menu")}</header>
<div class="region region-breadcrumb"><nav class="breadcrumb" role="navigation"><ol><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ol></nav></div>
<main role="main"><a id="main-content" tabindex="-1"></a><div class="layout-content">
<div class="region region-content"><div id="block-mainpagecontent" class="block block-system block-system-main-block">
<article role="article" about="/node/{seed}" class="node node--type-article node--promoted node--view-mode-full">
<h1 class="page-title"><span class="field field--name-title">{esc(s.title)}</span></h1>
<footer class="node__meta"><div class="node__submitted">Submitted by <span class="field field--name-uid"><span lang="" typeof="schema:Person">{esc(", ".join(s.authors))}</span></span> on <span class="field field--name-created">Thu, 11/26/2026 - 18:05</span></div></footer>
<div class="node__content">
<div class="clearfix text-formatted field field--name-body field--type-text-with-summary field--label-hidden field__item">{body_html(s)}</div>
<div class="field field--name-field-tags field--type-entity-reference field--label-above"><div class="field__label">Tags</div><div class="field__items"><div class="field__item"><a href="/taxonomy/term/1">{esc(s.tags[0])}</a></div></div></div>
</div></article></div></div>
<div class="region region-content-bottom"><div class="views-element-container block block-views"><h2>Latest news</h2><div class="view view-frontpage">{teasers}</div></div></div>
</div></main>{site_footer(page.site, "site-footer", "footer")}</div></div></body></html>"""


def microdata_page(page: Page, *, seed: int) -> str:
    s = page.story
    authors = "".join(
        f'<span itemprop="author" itemscope itemtype="https://schema.org/Person"><span itemprop="name">{esc(a)}</span></span>'
        for a in s.authors
    )
    return f"""<!DOCTYPE html><html>{head(s, page.url, page.site, og=False, published_meta=False, title_tag=f"{page.site}: {s.title}")}
<body><div id="wrapper"><div id="top-bar">{menu("topnav", "div")}</div>
<div id="container"><div id="left-col">
<div class="story" itemscope itemtype="https://schema.org/NewsArticle">
<h1 itemprop="headline">{esc(s.title)}</h1>
<p class="story-meta">{authors} &middot; <time itemprop="datePublished" datetime="{s.published}">Wednesday 25 November 2026</time></p>
<meta itemprop="dateModified" content="{s.published}">
<div itemprop="articleBody">{body_html(s, inserts={2: ad("box-ad", "ADVERTISEMENT")})}</div>
</div>
<div class="more-from"><h3>More from {esc(page.site)}</h3>{related(seed, cls="more-list", heading="")}</div>
</div><div id="right-col">{sidebar_widgets(seed, tag="div", cls="right-widgets")}</div></div>
<div id="bottom">{site_footer(page.site, "bottom-inner", "div")}</div></div></body></html>"""


def arc_like(page: Page, *, seed: int, dateline: str = "", credit_end: str = "") -> str:
    s = page.story
    paragraphs = list(s.paragraphs)
    if dateline:
        paragraphs[0] = dateline + paragraphs[0]
    story = replace(s, paragraphs=paragraphs)
    content = [{"type": "text", "content": p} for p in paragraphs]
    fusion = json.dumps(
        {
            "_id": "ABC123",
            "headlines": {"basic": s.title},
            "display_date": s.published,
            "first_publish_date": s.published,
            "content_elements": content,
        }
    )
    ld_html = jsonld_article(story, page.url, page.site, body="full")
    body = body_html(story, p_class="c-paragraph", inserts={3: read_more(seed, "RELATED:")})
    if credit_end:
        body += f'\n<p class="c-paragraph">{credit_end}</p>'
    return f"""<!DOCTYPE html><html lang="en">{head(s, page.url, page.site, ld=ld_html)}
<body><div id="fusion-app" class="layout-section"><div class="b-header-nav-chain">{menu("c-nav", "nav")}</div>
<main class="b-single-column-regular"><div class="b-headline"><h1 class="c-heading">{esc(s.title)}</h1></div>
<div class="b-subheadline"><h2 class="c-heading">{esc(s.dek)}</h2></div>
<div class="b-byline"><span class="c-attribution">By <a href="/people/x/">{esc(s.authors[0])}</a></span> <span class="c-date"><time datetime="{s.published}">Nov. 26, 2026 at 4:05 p.m.</time></span></div>
<article class="b-article-body">{body}</article>
<div class="b-card-list"><h2>More stories</h2>{related(seed, cls="c-stack", heading="")}</div>
</main>{site_footer(page.site, "b-footer", "footer")}</div>
<script>window.Fusion=window.Fusion||{{}};Fusion.globalContent={fusion};Fusion.globalContentConfig={{}};</script></body></html>"""


def nextjs_emotion(page: Page, *, seed: int) -> str:
    s = page.story
    data = {
        "props": {
            "pageProps": {
                "article": {
                    "headline": s.title,
                    "publishedAt": s.published,
                    "body": [{"type": "paragraph", "text": p} for p in s.paragraphs],
                }
            }
        },
        "page": "/[section]/[slug]",
        "buildId": "x1",
    }
    teasers = "".join(
        f'<a class="css-1cbhzfb e1y8 r{i}" href="/n/{i}"><div class="css-9b0p"><h3 class="css-yq4r">{esc(t)}</h3><p class="css-1b6t">{esc(e)}</p></div></a>'
        for i, (t, e) in enumerate(teaser_texts(seed, 4))
    )
    body = "".join(f'<p class="css-at9mc1 evys1bk0">{esc(p)}</p>' for p in s.paragraphs)
    ld_html = jsonld_article(s, page.url, page.site, body=None)
    return f"""<!DOCTYPE html><html lang="en">{head(s, page.url, page.site, ld=ld_html)}
<body><div id="__next"><div class="css-k008qs"><header class="css-1x9a">{menu("css-nav1", "nav")}</header>
<div class="css-1ra0k4e"><div class="css-1vxc2sl"><span class="css-kick">{esc(s.section)}</span><h1 class="css-1j8f">{esc(s.title)}</h1>
<p class="css-dek">{esc(s.dek)}</p><div class="css-auth"><span>By <a href="/by/x">{esc(s.authors[0])}</a></span><time datetime="{s.published}">Nov 24, 2026</time></div></div>
<div class="css-53u6y8">{body}</div><div class="css-recirc"><h2 class="css-h2">Read next</h2>{teasers}</div></div>
<div class="css-foot">{site_footer(page.site, "css-f1", "div")}</div></div></div>
<script id="__NEXT_DATA__" type="application/json">{json.dumps(data)}</script></body></html>"""


def amp_page(page: Page, *, seed: int) -> str:
    s = page.story
    ld_html = jsonld_article(s, page.url, page.site, body="full")
    return f"""<!doctype html><html ⚡ lang="en"><head><meta charset="utf-8"><title>{esc(s.title)} - {esc(page.site)}</title>
<link rel="canonical" href="{page.url.replace("/amp/", "/")}"><meta name="viewport" content="width=device-width">
<script async src="https://cdn.ampproject.org/v0.js"></script>{ld_html}<style amp-custom>body{{color:#222}}</style></head>
<body><amp-sidebar id="sidebar" layout="nodisplay">{menu("amp-menu")}</amp-sidebar>
<header class="amp-header"><a href="/">{esc(page.site)}</a></header>
<article class="amp-article"><h1 class="amp-title">{esc(s.title)}</h1>
<div class="amp-meta"><span class="amp-author">{esc(s.authors[0])}</span> <span class="amp-date">November 27, 2026</span></div>
<amp-img src="/lead.jpg" width="600" height="400" layout="responsive" alt="Lead"></amp-img>
<div class="amp-content">{body_html(s, inserts={2: '<amp-ad width="300" height="250" type="doubleclick" data-slot="/1/x"><div placeholder>Loading ad</div></amp-ad>', 4: '<amp-social-share type="twitter"></amp-social-share><amp-social-share type="facebook"></amp-social-share>'})}</div>
</article>{related(seed, cls="amp-related")}<footer class="amp-footer"><p>© 2026 {esc(page.site)}</p></footer></body></html>"""


def brief_minimal(page: Page, *, date_text: str) -> str:
    s = page.story
    return f"""<html><head><title>{esc(s.title)}</title><meta name="author" content="{esc(s.authors[0])}"></head>
<body><div id="top"><a href="/">Home</a> | <a href="/news">News</a> | <a href="/sport">Sport</a> | <a href="/contact">Contact</a></div>
<h1>{esc(s.title)}</h1><div class="date">{esc(date_text)}</div>
{body_html(s)}
<div id="foot"><a href="/">Back to front page</a> &middot; <a href="/archive">Archive</a></div></body></html>"""


def liveblog(page: Page, *, seed: int, updates: list[tuple[str, str, str]]) -> str:
    s = page.story
    blocks = []
    ld_updates = []
    for stamp, headline, text in updates:
        blocks.append(
            f'<div class="live-update" id="u-{stamp[11:16].replace(":", "")}"><div class="live-update__time"><time datetime="{stamp}">{stamp[11:16]}</time></div>'
            f'<h2 class="live-update__title">{esc(headline)}</h2><div class="live-update__body"><p>{esc(text)}</p></div>{share_bar("live-share")}</div>'
        )
        ld_updates.append(
            {
                "@type": "BlogPosting",
                "headline": headline,
                "datePublished": stamp,
                "articleBody": text,
            }
        )
    ld = {
        "@context": "https://schema.org",
        "@type": "LiveBlogPosting",
        "headline": s.title,
        "datePublished": s.published,
        "coverageStartTime": s.published,
        "author": person_list(s.authors),
        "liveBlogUpdate": ld_updates,
        "publisher": {"@type": "Organization", "name": page.site},
    }
    ld_html = f'<script type="application/ld+json">{json.dumps(ld)}</script>'
    return f"""<!DOCTYPE html><html lang="en-GB">{head(s, page.url, page.site, ld=ld_html)}
<body><header class="masthead">{menu()}</header><main id="main"><div class="live-header"><span class="live-badge">LIVE</span><h1>{esc(s.title)}</h1>
<p class="byline">By {esc(s.authors[0])}</p></div>
<div class="live-blog">{"".join(blocks)}</div>
<aside class="live-key-events"><h3>Key events</h3><ul>{"".join(f'<li><a href="#u">{esc(h)}</a></li>' for _, h, _ in updates)}</ul></aside>
</main>{site_footer(page.site)}</body></html>"""


def persian_agency(
    page: Page,
    *,
    seed: int,
    ld: bool,
    lead_prefix: str = "",
    credit: str = "",
    lang_attr: str = "fa",
    date_text: str = "",
) -> str:
    s = page.story
    paragraphs = list(s.paragraphs)
    if lead_prefix:
        paragraphs[0] = lead_prefix + paragraphs[0]
    story = replace(s, paragraphs=paragraphs)
    ld_html = jsonld_article(story, page.url, page.site, body="full") if ld else ""
    rel = "".join(
        f'<li><a href="/fa/news/{i}/">{t}</a></li>'
        for i, t in enumerate(
            [
                "افزایش ساعت کار کتابخانه‌های عمومی در زمستان",
                "برگزاری جشنواره فیلم کوتاه در شهرستان",
                "آغاز ثبت‌نام مسابقات ورزشی دانش‌آموزی",
            ]
        )
    )
    end = f"<p>{credit}</p>" if credit else ""
    author_line = "" if ld else f'<div class="news-author">نویسنده: {esc(s.authors[0])}</div>'
    return f"""<!DOCTYPE html><html lang="{lang_attr}" dir="rtl">{head(s, page.url, page.site, ld=ld_html, published_meta=ld)}
<body class="rtl"><div class="header">{menu("main-menu", "div")}</div>
<div class="container"><div class="row"><div class="col-md-8 main-col">
<div class="news-box"><div class="news-info"><span class="news-code">کد خبر: {seed}۴۵۲۱</span> <span class="news-date">{date_text}</span></div>
<h1 class="title">{esc(s.title)}</h1>{author_line}<div class="lead">{esc(s.dek or "خلاصه خبر در یک جمله برای خوانندگان.")}</div>
<div class="news-body">{body_html(story, inserts={2: '<p><strong>بیشتر بخوانید:</strong> <a href="/fa/news/9/">نمایشگاه صنایع دستی در مرکز استان</a></p>'})}
{end}<p>انتهای پیام</p></div>
<div class="tags"><span>برچسب‌ها:</span> {"".join(f'<a href="/fa/tag/{t}">{t}</a>' for t in s.tags)}</div>
<div class="short-link">لینک کوتاه: <input value="https://s.example/x{seed}"></div></div>
<div class="related-news"><h3>اخبار مرتبط</h3><ul>{rel}</ul></div>
<div class="comments-box"><h3>نظرات</h3><div class="comment"><p>بسیار خوب بود، امیدوارم ادامه داشته باشد و مسئولان به وعده‌های خود عمل کنند.</p></div></div>
</div><div class="col-md-4 side-col"><div class="most-visited"><h3>پربازدیدترین</h3><ul>{rel}</ul></div></div></div></div>
<div class="footer"><p>تمامی حقوق این سایت محفوظ است.</p></div></body></html>"""


def arabic_news(
    page: Page, *, seed: int, charset: str, dateline: str = "", credit: str = "", ld: bool = True
) -> str:
    s = page.story
    paragraphs = list(s.paragraphs)
    if dateline:
        paragraphs[0] = dateline + paragraphs[0]
    story = replace(s, paragraphs=paragraphs)
    ld_html = jsonld_article(story, page.url, page.site, body=None) if ld else ""
    meta = f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">'
    end = f'<p class="source-line">{credit}</p>' if credit else ""
    return f"""<!DOCTYPE html><html lang="ar" dir="rtl"><head>{meta}<title>{esc(s.title)} - {esc(page.site)}</title>
<meta property="og:title" content="{esc(s.title)}"><meta property="og:site_name" content="{esc(page.site)}">
<meta name="pubdate" content="{s.published}">{ld_html}</head>
<body><div id="header">{menu("nav-main", "div")}</div><div id="main"><div class="article-page">
<h1 class="article-title">{esc(s.title)}</h1><div class="article-info"><span class="writer">بقلم: {esc(s.authors[0])}</span> <span class="date">{s.published[:10]}</span></div>
<div class="article-content">{body_html(story, inserts={2: ad("adv-box", "إعلان")})}{end}</div>
<div class="share-box">شارك: <a href="https://facebook.example/s">فيسبوك</a> <a href="https://twitter.example/s">تويتر</a></div>
<div class="related"><h3>اقرأ أيضا</h3><ul><li><a href="/ar/1">ارتفاع أسعار الخضار في الأسواق المحلية</a></li><li><a href="/ar/2">افتتاح مدرسة جديدة في الحي الشمالي</a></li></ul></div>
</div></div><div id="footer"><p>جميع الحقوق محفوظة © 2026</p></div></body></html>"""


def european(
    page: Page, *, seed: int, charset: str, read_also: str, ad_label: str, ld: bool = True
) -> str:
    s = page.story
    ld_html = jsonld_article(s, page.url, page.site, body="full") if ld else ""
    return f"""<!DOCTYPE html><html lang="{s.lang}">{head(s, page.url, page.site, ld=ld_html, charset=charset)}
<body><header class="header">{menu("nav")}</header><main class="main"><article class="article">
<p class="article__kicker">{esc(s.section)}</p><h1 class="article__title">{esc(s.title)}</h1>
<p class="article__author">{esc(" et ".join(s.authors) if s.lang == "fr" else ", ".join(s.authors))}</p>
<div class="article__content">{body_html(s, inserts={2: f'<p class="read-also">{read_also} <a href="/x">Un autre titre de la rubrique régionale</a></p>', 3: ad("pub", ad_label)})}</div>
</article><section class="more">{related(seed, cls="more-articles", heading="Plus")}</section></main>
{site_footer(page.site)}</body></html>"""


def japanese(page: Page) -> str:
    s = page.story
    return f"""<!DOCTYPE html><html lang="ja"><head><meta charset="Shift_JIS"><title>{esc(s.title)}｜{esc(page.site)}</title>
<meta property="og:title" content="{esc(s.title)}"><meta property="og:site_name" content="{esc(page.site)}">
<meta name="author" content="{esc(s.authors[0])}"><meta property="article:published_time" content="{s.published}"></head>
<body><div id="gnav">{menu("g-nav", "div")}</div><div id="contents"><div class="article-main">
<h1 class="article-title">{esc(s.title)}</h1><p class="article-date">2026年11月22日 20時00分</p>
<div class="article-body">{body_html(s)}</div><div class="sns-share"><a href="#">シェア</a><a href="#">ツイート</a></div>
<div class="ranking"><h2>アクセスランキング</h2><ol><li><a href="/1">市内で新しい図書館が開館</a></li><li><a href="/2">秋の紅葉が見頃に</a></li></ol></div>
</div></div><div id="footer"><p>Copyright 2026 {esc(page.site)}</p></div></body></html>"""


def table_layout(page: Page, *, seed: int) -> str:
    s = page.story
    text = "<br><br>\n".join(esc(p) for p in s.paragraphs)
    return f"""<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"><title>{esc(page.site)} - {esc(s.title)}</title>
<meta name="date" content="{s.published}"></head>
<body bgcolor="#ffffff"><table width="100%"><tr><td colspan="2"><img src="/logo.gif"><br><font size="1"><a href="/">Home</a> | <a href="/news">News</a> | <a href="/weather">Weather</a></font></td></tr>
<tr><td width="160" valign="top"><font size="1"><b>Sections</b><br><a href="/a">Local</a><br><a href="/b">Sport</a><br><a href="/c">Obituaries</a><br><a href="/d">Classifieds</a></font></td>
<td valign="top"><font face="Arial" size="4"><b>{esc(s.title)}</b></font><br><font size="2"><i>By {esc(s.authors[0])}, Staff Writer</i></font><br><br>
<font face="Arial" size="2">{text}</font><br><br><font size="1">Posted 11/25/2026</font></td></tr>
<tr><td colspan="2"><font size="1">Copyright 2026 {esc(page.site)}. All rights reserved.</font></td></tr></table></body></html>"""


def reader_voices(page: Page, *, seed: int) -> str:
    s = page.story
    voices = "".join(
        f'<div class="voice"><span class="voice-name">Reader {i}</span><p>{esc(a)} {esc(b)}</p><p>{esc(a)}</p></div>'
        for i, ((_, a), (_, b)) in enumerate(
            zip(teaser_texts(seed + 1, 6), teaser_texts(seed + 2, 6), strict=True)
        )
    )
    return f"""<!DOCTYPE html><html lang="en">{head(s, page.url, page.site, ld="")}
<body><div class="page"><div class="top">{menu("top-nav", "div")}</div>
<div class="story"><h1>{esc(s.title)}</h1><div class="story-byline">By {esc(s.authors[0])}</div>
<div class="txt-area">{body_html(s)}</div></div>
<section class="reader-voices"><h2>Your views</h2>{voices}</section></div>{site_footer(page.site)}</body></html>"""


def generic_page(
    page: Page,
    *,
    seed: int,
    body_open: str,
    body_close: str = "</div>",
    p_class: str = "",
    para_tag: str = "p",
    ld: str = "plain",
    head_extra: str = "",
    title_html: str = "",
    inserts: dict[int, str] | None = None,
    tail: str = "",
    lang: str | None = None,
    title_tag: str | None = None,
    before: str = "",
    side_tag: str = "aside",
) -> str:
    s = page.story
    ld_html = {
        "plain": jsonld_article(s, page.url, page.site),
        "nobody": jsonld_article(s, page.url, page.site, body=None),
        "truncated": jsonld_article(s, page.url, page.site, body="truncated"),
        "": "",
    }[ld]
    title_html = title_html or f'<h1 class="headline">{esc(s.title)}</h1>'
    return f"""<!DOCTYPE html><html lang="{lang or s.lang}">{head(s, page.url, page.site, ld=ld_html, extra=head_extra, title_tag=title_tag)}
<body><div class="wrap">{menu()}<div class="main">{title_html}{byline_html(s, "November 26, 2026")}{before}
{body_open}{body_html(s, p_class=p_class, para_tag=para_tag, inserts=inserts)}{tail}{body_close}
{related(seed)}</div>{sidebar_widgets(seed, tag=side_tag, cls="side-col")}</div>{site_footer(page.site)}</body></html>"""


# --- the set ------------------------------------------------------------------------------------

DEFAULT_FETCH = "2026-12-01T00:00:00+00:00"


def en(seed: int, topic: str, **kw: Any) -> Story:
    return english_story(seed, topic, **kw)


def build_pages() -> list[Page]:
    pages: list[Page] = []

    def add(page: Page, builder: Callable[..., str], **kw: Any) -> None:
        page.html = builder(page, **kw)
        pages.append(page)

    s = en(1, "flood", paragraphs=7, published="2026-11-27T08:15:00+00:00")
    add(
        Page(
            "wp_classic_comments",
            s,
            "https://harborlight.example/2026/11/27/flood-barriers/",
            "Harbor Light News",
        ),
        wp_classic,
        seed=1,
        comments_n=6,
        inserts={3: ad()},
    )
    s = en(2, "budget", paragraphs=8, subheads=2, published="2026-11-26T23:30:00-05:00", authors=2)
    add(
        Page(
            "wp_newspaper_subheads",
            s,
            "https://valleyledger.example/news/council-budget-passes/",
            "Valley Ledger",
        ),
        wp_newspaper,
        seed=2,
        inserts={2: read_more(2), 5: ad("td-a-rec td-a-rec-id-content_inline")},
    )
    s = en(3, "transit", paragraphs=6)
    add(
        Page(
            "wp_blocks_pullquote",
            s,
            "https://coastpost.example/2026/11/tram-strike/",
            "The Coast Post",
            body=[
                *s.paragraphs,
                "Services will run every 20 minutes on the main line.",
                "Night trams are cancelled for the duration of the strike.",
            ],
        ),
        wp_blocks,
        seed=3,
        list_items=[
            "Services will run every 20 minutes on the main line.",
            "Night trams are cancelled for the duration of the strike.",
        ],
    )
    s = en(4, "science", paragraphs=6, published="2026-11-25T14:00:00+01:00")
    add(
        Page(
            "elementor_no_body_ld",
            s,
            "https://northstarnews.example/science/deep-sea-vents/",
            "Northstar News",
        ),
        elementor,
        seed=4,
    )
    s = en(5, "court", paragraphs=7, published="2026-11-26T18:05:00+00:00", authors=2)
    add(
        Page("drupal_field_body", s, "https://civicrecord.example/node/5521", "The Civic Record"),
        drupal,
        seed=5,
    )
    s = en(6, "health", paragraphs=6, published="2026-11-25T07:45:00+02:00", authors=2)
    add(
        Page(
            "microdata_only",
            s,
            "https://eveningstar.example/health/maternity-wing.html",
            "Evening Star",
        ),
        microdata_page,
        seed=6,
    )
    s = en(7, "economy", paragraphs=7, published="2026-11-26T16:05:00-05:00")
    add(
        Page(
            "arc_like_fusion",
            s,
            "https://metroherald.example/business/2026/11/26/port-record/",
            "Metro Herald",
        ),
        arc_like,
        seed=7,
    )
    s = en(8, "football", paragraphs=6, published="2026-11-24T21:50:00+00:00")
    add(
        Page(
            "nextjs_hashed_classes",
            s,
            "https://sportsdesk.example/football/rovers-derby",
            "Sports Desk",
        ),
        nextjs_emotion,
        seed=8,
    )
    s = en(9, "wildfire", paragraphs=6, published="2026-11-27T05:20:00-08:00")
    add(
        Page(
            "amp_article",
            s,
            "https://pacificdispatch.example/amp/news/hillside-fire/",
            "Pacific Dispatch",
        ),
        amp_page,
        seed=9,
    )
    s = en(10, "energy", paragraphs=2, published="2026-11-23T12:00:00+00:00")
    add(
        Page("brief_two_paragraphs", s, "https://towncrier.example/news/1234.html", "Town Crier"),
        brief_minimal,
        date_text="23 November 2026",
    )
    s = en(11, "flood", paragraphs=1, published="2026-11-27T06:00:00+00:00")
    s = replace(s, title="Storm live: rivers rise across the valley")
    updates = [
        (
            "2026-11-27T11:40:00+00:00",
            "Bridge closed to traffic",
            "Police have closed the old bridge after water reached the deck. Drivers are being sent "
            "north along the ring road.",
        ),
        (
            "2026-11-27T10:15:00+00:00",
            "Schools shut",
            "All primary schools in the lower valley will stay closed today, the education office "
            "said in a statement shortly after nine.",
        ),
        (
            "2026-11-27T08:05:00+00:00",
            "Rain gauge records",
            "The gauge at the upper dam recorded 61 millimetres in twelve hours, the highest reading "
            "since records began there.",
        ),
    ]
    add(
        Page(
            "liveblog_updates",
            s,
            "https://valleywire.example/live/storm-2026-11-27",
            "Valley Wire",
            body=[x for _, h, t in updates for x in (h, t)],
        ),
        liveblog,
        seed=11,
        updates=updates,
    )

    fa1, fa2, fa3 = PERSIAN_STORIES
    add(
        Page(
            "fa_agency_jsonld_source",
            fa1,
            "https://khabarnama.example/fa/news/81234/",
            "خبرنامه",
            original_source="ISNA",
            body=[*fa1.paragraphs],
        ),
        persian_agency,
        seed=12,
        ld=True,
        credit="منبع: خبرگزاری ایسنا",
        date_text="۵ آذر ۱۴۰۵ - ۱۰:۱۵",
    )
    add(
        Page(
            "fa_no_ld_latin_lang_attr",
            fa2,
            "https://sedayeshahr.example/fa/news/5512/",
            "صدای شهر",
            original_source="Mehr News Agency",
            body=[
                "به گزارش صدای شهر به نقل از خبرگزاری مهر، " + fa2.paragraphs[0],
                *fa2.paragraphs[1:],
            ],
        ),
        persian_agency,
        seed=13,
        ld=False,
        lead_prefix="به گزارش صدای شهر به نقل از خبرگزاری مهر، ",
        lang_attr="en",
        date_text="۴ آذر ۱۴۰۵ ساعت ۲۲:۴۰",
    )
    add(
        Page(
            "fa_published_in_credit",
            fa3,
            "https://rahenow.example/fa/news/3301/",
            "راه نو",
            original_source="روزنامه شهروند امروز",
        ),
        persian_agency,
        seed=14,
        ld=True,
        credit="منتشر شده در روزنامه شهروند امروز",
        date_text="۳ آذر ۱۴۰۵",
    )

    ar1, ar2, ar3 = ARABIC_STORIES
    add(
        Page(
            "ar_windows1256_dateline",
            ar1,
            "https://alsahil.example/ar/article/5521.html",
            "الساحل",
            encoding="cp1256",
            original_source="Saudi Press Agency",
            body=["الرياض (واس) - " + ar1.paragraphs[0], *ar1.paragraphs[1:]],
        ),
        arabic_news,
        seed=15,
        charset="windows-1256",
        dateline="الرياض (واس) - ",
    )
    add(
        Page(
            "ar_source_line",
            ar2,
            "https://alnahar-aljadid.example/ar/culture/221.html",
            "النهار الجديد",
            original_source="صحيفة الأفق",
        ),
        arabic_news,
        seed=16,
        charset="utf-8",
        credit="المصدر: صحيفة الأفق",
    )
    add(
        Page(
            "ar_agency_inline",
            ar3,
            "https://albawaba-news.example/ar/eco/77.html",
            "بوابة الأخبار",
            original_source="وكالة الشرق للأنباء",
            body=[
                ar3.paragraphs[0].rstrip(".") + "، حسبما ذكرت وكالة الشرق للأنباء.",
                *ar3.paragraphs[1:],
            ],
        ),
        arabic_news,
        seed=17,
        charset="utf-8",
        ld=False,
    )
    pages[-1].story = replace(ar3, paragraphs=pages[-1].body or [])
    pages[-1].html = arabic_news(pages[-1], seed=17, charset="utf-8", ld=False)

    add(
        Page(
            "fr_latin1_lire_aussi",
            FRENCH_STORY,
            "https://lecourrier-rochebelle.example/societe/piste-cyclable",
            "Le Courrier de Rochebelle",
            encoding="latin-1",
        ),
        european,
        seed=18,
        charset="iso-8859-1",
        read_also="Lire aussi :",
        ad_label="Publicité",
    )
    add(
        Page(
            "de_cp1252_gzip",
            GERMAN_STORY,
            "https://talbote.example/region/regionalbahn-talheim",
            "Der Talbote",
            encoding="cp1252",
            gz=True,
        ),
        european,
        seed=19,
        charset="windows-1252",
        read_also="Mehr zum Thema:",
        ad_label="Anzeige",
    )
    add(
        Page(
            "es_utf16_bom",
            SPANISH_STORY,
            "https://diariovaldeluz.example/economia/cosecha-record",
            "Diario de Valdeluz",
            encoding="utf-16",
            bom=True,
        ),
        european,
        seed=20,
        charset="",
        read_also="Lee también:",
        ad_label="Publicidad",
    )
    add(
        Page(
            "ja_shift_jis",
            JAPANESE_STORY,
            "https://shiomi-shimbun.example/news/20261122/festival.html",
            "汐見新聞",
            encoding="shift_jis",
        ),
        lambda p: japanese(p),
    )
    add(
        Page(
            "tr_cp1254",
            TURKISH_STORY,
            "https://deniztepehaber.example/kultur/kutuphane",
            "Deniztepe Haber",
            encoding="cp1254",
        ),
        european,
        seed=21,
        charset="windows-1254",
        read_also="İlgili haber:",
        ad_label="Reklam",
    )

    s = en(22, "culture", paragraphs=6, published="2026-11-25T15:10:00+00:00")
    add(
        Page(
            "table_layout_br",
            s,
            "http://oldtownnews.example/stories/2026/1125museum.htm",
            "Old Town News",
            encoding="latin-1",
        ),
        table_layout,
        seed=22,
    )
    s = en(23, "education", paragraphs=5, published="2026-11-24T10:00:00+00:00")
    add(
        Page(
            "reader_voices_unnamed",
            s,
            "https://lakesidegazette.example/education/exam-results",
            "Lakeside Gazette",
        ),
        reader_voices,
        seed=23,
    )
    s = en(24, "science", paragraphs=7, published="2026-11-26T09:00:00+00:00")
    add(
        Page(
            "truncated_ld_body",
            s,
            "https://thebulletin.example/science/water-filters",
            "The Bulletin",
        ),
        generic_page,
        seed=24,
        body_open='<div class="article-text">',
        ld="truncated",
    )
    s = en(25, "economy", paragraphs=8, published="2026-11-25T11:30:00+00:00")
    add(
        Page(
            "split_body_ads",
            s,
            "https://marketwatcher.example/economy/factory-orders",
            "Market Watcher",
        ),
        generic_page,
        seed=25,
        body_open='<div class="article-body">',
        ld="nobody",
        inserts={
            3: '</div><div class="inline-ad">' + ad() + '</div><div class="article-body">',
            6: '</div><div class="newsletter-promo">'
            + newsletter_box()
            + '</div><div class="article-body">',
        },
    )

    s = en(26, "court", paragraphs=5, published="2026-11-26T19:15:00-05:00")
    s = replace(s, paragraphs=["WASHINGTON (AP) — " + s.paragraphs[0], *s.paragraphs[1:]])
    add(
        Page(
            "ap_dateline_copyright",
            s,
            "https://riverbendtimes.example/nation/market-hall-ruling",
            "Riverbend Times",
            original_source="Associated Press",
        ),
        generic_page,
        seed=26,
        body_open='<div class="story-body">',
        ld="nobody",
        tail='<p class="copyright-line">Copyright 2026 The Associated Press. All rights reserved.</p>',
    )
    s = en(27, "economy", paragraphs=5, published="2026-11-27T07:00:00+00:00")
    s = replace(s, paragraphs=["LONDON, Nov 27 (Reuters) - " + s.paragraphs[0], *s.paragraphs[1:]])
    add(
        Page(
            "reuters_dateline_reporting_by",
            s,
            "https://globalmarkets.example/markets/port-traffic",
            "Global Markets Daily",
            original_source="Reuters",
        ),
        generic_page,
        seed=27,
        body_open='<div class="content-body">',
        ld="plain",
        tail="<p>(Reporting by Jane Marlowe; Editing by Peter Ashgrove)</p>",
    )
    s = en(28, "energy", paragraphs=5, published="2026-11-25T13:00:00+00:00")
    add(
        Page(
            "originally_published_at",
            s,
            "https://greenvalley.example/2026/11/25/solar-farm/",
            "Green Valley Voice",
            original_source="The Prairie Ledger",
            original_url="https://prairieledger.example/news/solar-farm-airfield",
        ),
        wp_classic,
        seed=28,
        comments_n=0,
        credit='<p><em>This article was originally published at <a href="https://prairieledger.example/news/solar-farm-airfield">The Prairie Ledger</a>.</em></p>',
    )
    s = en(29, "health", paragraphs=5, published="2026-11-24T09:30:00+00:00")
    add(
        Page(
            "republished_with_permission",
            s,
            "https://communityhealthnews.example/clinic-hours",
            "Community Health News",
            original_source="Kellan Bay Courier",
            original_url="https://kellanbaycourier.example/clinic",
        ),
        generic_page,
        seed=29,
        body_open='<div class="entry-content">',
        ld="nobody",
        before='<p class="republish-note"><i>Republished with permission from <a href="https://kellanbaycourier.example/clinic">Kellan Bay Courier</a>.</i></p>',
    )
    s = en(30, "transit", paragraphs=5, published="2026-11-26T12:00:00+00:00")
    shown = replace(s, paragraphs=["(MPA) — " + s.paragraphs[0], *s.paragraphs[1:]])
    add(
        Page(
            "mpa_registry_abbreviation",
            shown,
            "https://globalwire.example/2026/11/26/rail-strike/",
            "Global Wire Digest",
            original_source="Meridian Press Agency",
            body=list(s.paragraphs),
        ),
        wp_classic,
        seed=30,
        comments_n=0,
    )
    s = en(31, "culture", paragraphs=5, published="2026-11-23T16:00:00+00:00")
    add(
        Page(
            "jsonld_is_based_on",
            s,
            "https://artsweekly.example/museum-figureheads",
            "Arts Weekly",
            original_source="Maritime Gazette",
            original_url="https://maritimegazette.example/figureheads",
        ),
        generic_page,
        seed=31,
        body_open='<div class="post-body">',
        ld="",
        head_extra=jsonld_article(
            s,
            "https://artsweekly.example/museum-figureheads",
            "Arts Weekly",
            extra={
                "isBasedOn": {
                    "@type": "NewsArticle",
                    "url": "https://maritimegazette.example/figureheads",
                    "publisher": {"@type": "Organization", "name": "Maritime Gazette"},
                }
            },
        ),
    )
    s = en(32, "budget", paragraphs=5, published="2026-11-22T10:00:00+00:00")
    cross = "https://northernledger.example/politics/council-budget"
    page = Page(
        "cross_site_canonical",
        s,
        "https://aggregatorhub.example/p/88231",
        "Aggregator Hub",
        original_source="northernledger.example",
        original_url=cross,
    )
    page.html = generic_page(page, seed=32, body_open='<div class="entry">', ld="nobody").replace(
        f'<link rel="canonical" href="{page.url}">', f'<link rel="canonical" href="{cross}">'
    )
    pages.append(page)
    s = en(33, "flood", paragraphs=5, published="2026-11-26T07:00:00+03:30")
    add(
        Page(
            "media_wire_source_line",
            s,
            "https://ifpwire.example/media-wire/river-crest/",
            "IFP Wire",
            original_source="Tehran Dispatch",
            original_url="https://tehrandispatch.example/news/river-crest",
        ),
        wp_classic,
        seed=33,
        comments_n=0,
        credit='<p><strong>Source:</strong> <a href="https://tehrandispatch.example/news/river-crest" target="_blank">Tehran Dispatch</a></p>',
    )
    s = en(34, "education", paragraphs=5, published="2026-11-21T08:00:00+00:00")
    add(
        Page(
            "first_published_by_footer",
            s,
            "https://schoolsnet.example/news/exam-results-best",
            "SchoolsNet",
            original_source="The Ashcombe Observer",
            original_url="https://ashcombeobserver.example/exams",
        ),
        generic_page,
        seed=34,
        body_open='<div class="article-content">',
        ld="plain",
        tail='<p>This story was first published by <a href="https://ashcombeobserver.example/exams">The Ashcombe Observer</a>.</p>',
    )
    s = en(35, "wildfire", paragraphs=5, published="2026-11-20T19:00:00+00:00")
    shown = replace(s, paragraphs=[*s.paragraphs[:-1], s.paragraphs[-1] + " — Reuters"])
    add(
        Page(
            "trailing_reuters",
            shown,
            "https://worldbrief.example/world/fire-contained",
            "World Brief",
            original_source="Reuters",
            body=list(s.paragraphs),
        ),
        generic_page,
        seed=35,
        body_open='<div class="article-text">',
        ld="nobody",
    )
    s = en(49, "transit", paragraphs=4, published="2026-11-07T09:00:00+00:00")
    shown = replace(s, paragraphs=[*s.paragraphs[:-1], s.paragraphs[-1] + " — Harbourlight Times"])
    add(
        Page(
            "trailing_outlet_name",
            shown,
            "https://globalwire.example/2026/11/07/ferry/",
            "Global Wire Digest",
            original_source="Harbourlight Times",
            body=list(s.paragraphs),
        ),
        wp_classic,
        seed=49,
        comments_n=0,
    )

    s = en(36, "science", paragraphs=6, published="2026-11-19T12:00:00+00:00")
    add(
        Page(
            "blogspot_br_paragraphs",
            s,
            "https://coastalnotes.example/2026/11/comet-tail.html",
            "Coastal Notes",
        ),
        generic_page,
        seed=36,
        body_open='<div class="post-body entry-content" id="post-body-8812">',
        ld="",
        para_tag="span",
    )
    pages[-1].html = pages[-1].html.replace("</span>\n<span>", "</span><br /><br />\n<span>")
    s = en(37, "culture", paragraphs=6, published="2026-11-18T12:00:00+00:00")
    add(
        Page(
            "ghost_gh_content", s, "https://slowjournal.example/opera-revival/", "The Slow Journal"
        ),
        generic_page,
        seed=37,
        body_open='<section class="gh-content gh-canvas">',
        body_close="</section>",
        ld="nobody",
    )
    s = en(38, "economy", paragraphs=6, published="2026-11-17T12:00:00+00:00")
    blocks = {
        2: '</div></div><div class="sqs-block image-block sqs-block-image"><div class="sqs-block-content"><img src="/a.jpg"><p class="image-caption">The harbour at dawn.</p></div></div><div class="sqs-block html-block sqs-block-html"><div class="sqs-block-content">',
        4: '</div></div><div class="sqs-block html-block sqs-block-html"><div class="sqs-block-content">',
    }
    add(
        Page(
            "squarespace_blocks",
            s,
            "https://harbourletters.example/blog/record-traffic",
            "Harbour Letters",
        ),
        generic_page,
        seed=38,
        body_open='<div class="sqs-layout"><div class="sqs-block html-block sqs-block-html"><div class="sqs-block-content">',
        body_close="</div></div></div>",
        ld="",
        inserts=blocks,
    )
    s = en(39, "football", paragraphs=5, published="2026-11-16T20:00:00+00:00")
    add(
        Page(
            "h1_logo_h2_headline",
            s,
            "https://matchday.example/reports/united-penalty",
            "Matchday",
            title=s.title,
        ),
        generic_page,
        seed=39,
        body_open='<div class="report">',
        ld="",
        title_html=f'<h1 class="logo"><a href="/">Matchday</a></h1><h2 class="headline">{esc(s.title)}</h2>',
        title_tag=f"{s.title} | Matchday",
    )
    s = en(40, "energy", paragraphs=6, published="2026-11-15T09:00:00+00:00")
    add(
        Page("div_paragraphs", s, "https://gridtoday.example/a/power-restored", "Grid Today"),
        generic_page,
        seed=40,
        body_open='<div id="article">',
        ld="nobody",
        para_tag="div",
        p_class="text-block",
    )
    s = en(41, "transit", paragraphs=6, published="2026-11-14T09:00:00+00:00")
    tweet = (
        '<blockquote class="twitter-tweet"><p lang="en">Trams are back on the main line from '
        "tomorrow morning, the operator says.</p>&mdash; Transit Watch (@transitwatch) "
        '<a href="https://x.example/t/1">November 14, 2026</a></blockquote>'
    )
    add(
        Page(
            "tweet_pullquote_related",
            s,
            "https://cityscope.example/transit/strike-update",
            "CityScope",
        ),
        generic_page,
        seed=41,
        body_open='<div class="story-content">',
        ld="plain",
        inserts={
            2: tweet,
            3: pull_quote(s.paragraphs[3].split(". ")[0].strip(".") + "."),
            4: read_more(41, "Related:"),
        },
    )
    mojibake_story = replace(
        FRENCH_STORY,
        slug="fr-mojibake",
        title="Rochebelle : la piste cyclable express séduit déjà",
        published="2026-11-22T08:00:00+01:00",
    )
    page = Page(
        "mojibake_double_utf8",
        mojibake_story,
        "https://rochebelle-info.example/velo-express",
        "Rochebelle Info",
    )
    page.html = european(
        page, seed=42, charset="utf-8", read_also="Lire aussi :", ad_label="Publicité", ld=False
    )
    page.extra_truth["mojibake"] = True
    pages.append(page)
    s = en(43, "health", paragraphs=6, published="2026-11-13T09:00:00+00:00")
    add(
        Page(
            "newsletter_continue_below",
            s,
            "https://wellbeingdaily.example/clinics/evening-hours",
            "Wellbeing Daily",
        ),
        generic_page,
        seed=43,
        body_open='<div class="body-copy">',
        ld="nobody",
        inserts={
            2: '<p class="continue">Story continues below advertisement</p>' + ad(),
            4: newsletter_box(),
        },
    )
    s = en(44, "budget", paragraphs=5, published="2026-11-12T09:00:00+00:00", authors=2)
    array_ld = json.dumps(
        [
            {"@context": "https://schema.org", "@type": "BreadcrumbList", "itemListElement": []},
            {
                "@context": "https://schema.org",
                "@type": ["NewsArticle", "Article"],
                "headline": s.title,
                "datePublished": s.published,
                "author": [
                    {"@type": "Person", "name": "By " + s.authors[0]},
                    {"@type": "Person", "name": s.authors[1]},
                ],
                "articleBody": "\n\n".join(s.paragraphs),
            },
            {"@context": "https://schema.org", "@type": "Organization", "name": "Metro Daily"},
        ]
    )
    add(
        Page(
            "jsonld_array_by_prefix",
            s,
            "https://metrodaily.example/politics/budget-narrow",
            "Metro Daily",
        ),
        generic_page,
        seed=44,
        body_open='<div class="txt">',
        ld="",
        head_extra=f'<script type="application/ld+json">{array_ld}</script>',
    )
    s = en(45, "court", paragraphs=5, published="2026-11-11T09:00:00+00:00")
    sel_html = f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{esc(s.title)}</title></head>
<body><div class="shell">{menu("m", "div")}<div class="hdl">{esc(s.title)}</div><div class="by">{esc(s.authors[0])}</div>
<div class="stamp" data-ts="{s.published}">Wed 11.11.</div>
<div class="story-copy">{"".join(f"<div class='para'>{esc(p)}</div>" for p in s.paragraphs)}<div class="para promo-line">Subscribe for unlimited access</div></div>
<div class="teasers">{related(45)}</div></div></body></html>"""
    page = Page(
        "source_selectors",
        s,
        "https://selectorsite.example/n/45",
        "Selector Site",
        source={
            "name": "selectorsite",
            "display_name": "Selector Site",
            "homepage": "https://selectorsite.example/",
            "listings": ["https://selectorsite.example/"],
            "boilerplate": ["Subscribe for unlimited access"],
            "selectors": {
                "title": ".hdl",
                "body": ".story-copy .para",
                "authors": ".by",
                "published": ".stamp::attr(data-ts)",
            },
        },
    )
    page.html = sel_html
    pages.append(page)
    s = en(46, "flood", paragraphs=6, published="2026-11-10T09:00:00+00:00")
    add(
        Page(
            "wp_gzip_plain_ld",
            s,
            "https://estuarytimes.example/2026/11/10/quay/",
            "Estuary Times",
            gz=True,
        ),
        wp_classic,
        seed=46,
        comments_n=2,
        ld="plain",
    )
    s = en(47, "science", paragraphs=6, published="2026-11-09T09:00:00+00:00")
    add(
        Page(
            "sidebar_lure_no_aside", s, "https://labnotes.example/research/telescope", "Lab Notes"
        ),
        generic_page,
        seed=47,
        body_open='<div class="article">',
        ld="",
        side_tag="div",
    )
    s = en(48, "education", paragraphs=5, published="2026-11-08T09:00:00+00:00")
    add(
        Page(
            "originally_appeared_read_original",
            s,
            "https://edwire.example/stories/college-opens",
            "EdWire",
            original_source="The Linden Falls Tribune",
            original_url="https://lindenfallstribune.example/college",
        ),
        generic_page,
        seed=48,
        body_open='<div class="entry-content">',
        ld="nobody",
        tail="<p>This article originally appeared in The Linden Falls Tribune on November 7, 2026. "
        '<a href="https://lindenfallstribune.example/college">Read the original article</a>.</p>',
    )
    return pages


def bulk_head(seed: int) -> str:
    """What real pages carry besides the story: inline CSS and scripts (about 60 KB)."""
    rules = "".join(
        f".c{seed}-{i}{{margin:{i % 7}px {i % 5}px;padding:{i % 3}px;color:#{(i * 2654435761) % 0xFFFFFF:06x};"
        f"font:{12 + i % 6}px/1.{i % 9} sans-serif;display:{'flex' if i % 2 else 'block'}}}\n"
        for i in range(500)
    )
    config = json.dumps(
        {
            "ads": [
                {
                    "slot": f"/1234/site/slot{i}",
                    "sizes": [[300, 250], [728, 90]],
                    "targeting": {"pos": i, "kw": ["news", "local", "weather"]},
                }
                for i in range(60)
            ],
            "experiments": {f"exp{i}": i % 3 for i in range(200)},
        }
    )
    script = "".join(f"function f{i}(a,b){{return a*{i}+b-{i % 13};}}\n" for i in range(300))
    return (
        f"<style>{rules}</style><script>window.__CONFIG__={config};</script>"
        f"<script>{script}</script>"
    )


def bulk_body_top(seed: int) -> str:
    """An SVG icon sprite and a mega menu with about 150 links."""
    icons = "".join(
        f'<symbol id="i{i}" viewBox="0 0 24 24"><path d="M{i % 24} {i % 17}L{(i * 7) % 24} {(i * 3) % 24}'
        f'Z m2 2h{i % 9}v{i % 5}z"/></symbol>'
        for i in range(60)
    )
    groups = "".join(
        f'<li class="mega-group"><span>{section}</span><ul>'
        + "".join(
            f'<li><a href="/{section.lower()}/topic-{j}/">{section} topic {j}</a></li>'
            for j in range(18)
        )
        + "</ul></li>"
        for section in SECTIONS
    )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" style="display:none">{icons}</svg>'
        f'<div class="mega-menu" hidden><ul>{groups}</ul></div>'
    )


def bulk_body_end(seed: int) -> str:
    """Footer link lists and trailing scripts."""
    columns = "".join(
        f'<ul class="footer-col">{"".join(f"<li><a href=/{c}/{j}/>{c.title()} page {j}</a></li>" for j in range(12))}</ul>'
        for c in ("about", "services", "sections", "apps", "legal", "partners")
    )
    tail = "".join(
        f"<script>window.q{i}=window.q{i}||[];q{i}.push({{t:{i}}});</script>" for i in range(40)
    )
    return f'<div class="footer-columns">{columns}</div>{tail}'


def add_bulk(page: Page) -> str:
    """The page's markup with the usual non-story bulk of a real site added."""
    seed = zlib.crc32(page.name.encode()) % 1000
    text = page.html
    at = text.find("</head>")
    if at >= 0:
        text = text[:at] + bulk_head(seed) + text[at:]
    body = text.find("<body")
    if body >= 0:
        close = text.find(">", body) + 1
        text = text[:close] + bulk_body_top(seed) + text[close:]
    end = text.rfind("</body>")
    if end >= 0:
        text = text[:end] + bulk_body_end(seed) + text[end:]
    return text


def finish_mojibake(page: Page) -> bytes:
    text = page.html
    return text.encode("utf-8").decode("latin-1").encode("utf-8")


def truth(page: Page) -> dict[str, Any]:
    s = page.story
    body = page.body if page.body is not None else list(s.paragraphs)
    data: dict[str, Any] = {
        "url": page.url,
        "title": page.title or s.title,
        "body": body,
        "authors": page.authors if page.authors is not None else list(s.authors),
        "published": utc_day(s.published) if page.published == "story" else page.published,
        "language": s.lang if page.language == "story" else page.language,
        "original_source": page.original_source,
        "original_url": page.original_url,
        "fetched_at": DEFAULT_FETCH,
    }
    if page.source:
        data["source"] = page.source
    return data


def encode(page: Page) -> bytes:
    page.html = add_bulk(page)
    if page.extra_truth.get("mojibake"):
        data = finish_mojibake(page)
    elif page.bom:
        data = page.html.encode("utf-16")
    else:
        data = page.html.encode(page.encoding, errors="xmlcharrefreplace")
    return gzip.compress(data, mtime=0) if page.gz else data


def main() -> None:
    OUT.mkdir(exist_ok=True)
    for old in OUT.iterdir():
        old.unlink()
    pages = build_pages()
    for page in pages:
        suffix = ".html.gz" if page.gz else ".html"
        (OUT / f"{page.name}{suffix}").write_bytes(encode(page))
        (OUT / f"{page.name}.json").write_text(
            json.dumps(truth(page), ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )
    print(f"wrote {len(pages)} pages to {OUT}")


if __name__ == "__main__":
    main()

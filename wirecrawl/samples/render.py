"""Page templates of the four sample sites: view objects in, HTML or XML text out.

Every function here is pure: the clock and the site's base URL arrive in `Ctx`, so the same view
always renders the same text.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache
from html import escape
from urllib.parse import quote

from wirecrawl.samples import SITE_NAMES, SITE_TIMEZONES
from wirecrawl.samples import dates as D

NY, TEHRAN, RIYADH = SITE_TIMEZONES["globalwire"], SITE_TIMEZONES["sahar"], SITE_TIMEZONES["alwaha"]

GW_DISCLAIMER = (
    "Global Wire Digest republishes this content from partner agencies and publications. The "
    "views expressed are those of the original authors and do not necessarily reflect the "
    "position of Global Wire Digest."
)
SAHAR_NAME = "خبرگزاری سحر"
ALWAHA_NAME = "الواحة"
MERIDIAN_FA = "خبرگزاری مریدین"
CREDIT_STYLES = ("first-published", "source-label", "wire-footer", "dateline", "trailing")


@dataclass(frozen=True, slots=True)
class Ctx:
    """What every page of a site needs: its base URL, the clock, and whether to pad pages."""

    site: str
    base: str
    now: datetime
    bulky: bool = False


@dataclass(frozen=True, slots=True)
class Teaser:
    """A story as listings, sidebars, feeds and sitemaps show it (no body)."""

    id: int
    url: str
    title: str
    summary: str
    published: datetime | None
    modified: datetime | None
    authors: tuple[str, ...]
    section: str
    section_url: str
    tags: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Comment:
    """A reader comment under a Global Wire Digest article."""

    author: str
    text: str
    at: datetime


@dataclass(frozen=True, slots=True)
class ArticleView:
    """Everything an article template shows; `paragraphs` is the true body, nothing else."""

    ctx: Ctx
    story: Teaser
    paragraphs: tuple[str, ...]
    template: str
    caption: str
    image: str
    credit_style: str | None = None
    original_source: str | None = None
    original_url: str | None = None
    original_short: str | None = None
    recent: tuple[Teaser, ...] = ()
    related: tuple[Teaser, ...] = ()
    previous: Teaser | None = None
    following: Teaser | None = None
    comments: tuple[Comment, ...] = ()
    machine_time: bool = True
    photographer: str = ""


@dataclass(frozen=True, slots=True)
class ListingView:
    """One page of a story list of `count` pages; `pages` holds (number, url) of the first,
    the last and the nearby pages (those a pager links to)."""

    ctx: Ctx
    url: str
    heading: str
    entries: tuple[Teaser, ...]
    page: int = 1
    count: int = 1
    pages: tuple[tuple[int, str], ...] = ()
    recent: tuple[Teaser, ...] = ()

    def neighbour(self, step: int) -> str | None:
        """URL of the page `step` away, or None past either end."""
        for number, url in self.pages:
            if number == self.page + step:
                return url
        return None


def e(text: str) -> str:
    """HTML-escape text content (quotes stay as typed, as CMSs print them)."""
    return escape(text, quote=False)


def attr(text: str) -> str:
    """HTML-escape an attribute value, quotes included."""
    return escape(text, quote=True)


def _ago(ctx: Ctx, when: datetime | None, lang: str = "en") -> str:
    return "" if when is None else D.RELATIVE[lang](ctx.now - when)


def _json(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")


def _cdata(text: str) -> str:
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


# ---------------------------------------------------------------- bulky padding (benchmarks)

_COMPONENTS = (
    "header", "nav", "menu", "card", "teaser", "byline", "share", "footer", "widget", "sidebar",
    "pagination", "breadcrumb", "newsletter", "ad-slot", "cookie", "search", "hero", "gallery",
    "figure", "caption", "tag", "button", "modal", "ticker", "badge", "grid", "column", "promo",
    "comments", "related", "author", "video", "poll", "weather", "markets", "live",
)  # fmt: skip
_MODIFIERS = (
    "", "--compact", "--wide", "--dark", "--featured", "--sticky", "__title", "__meta", "__item",
    "__link", "__icon", "__inner", "__media", "__label",
)  # fmt: skip


def _css(rng: random.Random, prefix: str, size: int) -> str:
    parts: list[str] = []
    total = 0
    while total < size:
        comp = rng.choice(_COMPONENTS)
        mod = rng.choice(_MODIFIERS)
        rule = (
            f".{prefix}-{comp}{mod}{{display:{rng.choice(('block', 'flex', 'grid', 'inline-block'))};"
            f"margin:{rng.randint(0, 32)}px {rng.randint(0, 24)}px;padding:{rng.randint(0, 20)}px;"
            f"color:#{rng.randrange(0x1000000):06x};background:#{rng.randrange(0x1000000):06x};"
            f"font-size:{rng.randint(7, 24) / 10}rem;line-height:1.{rng.randint(1, 8)}}}"
        )
        if rng.random() < 0.15:
            rule = f"@media (min-width:{rng.choice((480, 768, 1024, 1280))}px){{{rule}}}"
        parts.append(rule)
        total += len(rule)
    return "\n".join(parts)


def _js(rng: random.Random, prefix: str, size: int) -> str:
    slots = [
        {"id": f"{prefix}-slot-{i}", "sizes": [[300, 250], [728, 90]], "lazy": rng.random() < 0.5}
        for i in range(12)
    ]
    parts = [f"window.__{prefix}Config={json.dumps({'slots': slots, 'v': rng.randint(100, 999)})};"]
    total = len(parts[0])
    n = 0
    while total < size:
        n += 1
        name = f"{prefix}{rng.choice(_COMPONENTS).replace('-', '')}{n}"
        body = (
            f"(function(w,d){{var q=w.{name}=w.{name}||[];function t(e,k){{var s=d.createElement"
            f"('div');s.className='{prefix}-'+k;s.setAttribute('data-n',{rng.randint(1, 99)});"
            f"e&&e.appendChild(s);return s}}q.push(function(){{var n=d.querySelectorAll('.{prefix}-"
            f"{rng.choice(_COMPONENTS)}');for(var i=0;i<n.length;i++){{t(n[i],'{rng.choice(_COMPONENTS)}"
            f"')}}}});w.addEventListener('load',function(){{for(var i=0;i<q.length;i++)q[i]()}})"
            f"}})(window,document);"
        )
        parts.append(body)
        total += len(body)
    return "\n".join(parts)


def _mega_menu(rng: random.Random, labels: tuple[str, ...], href: str, size: int) -> str:
    parts = ['<nav class="mega-menu" aria-label="sections">']
    total = 0
    while total < size:
        heading = rng.choice(labels)
        items = "".join(
            f'<li class="mega-item"><a href="{href}">{e(rng.choice(labels))}</a></li>'
            for _ in range(rng.randint(6, 12))
        )
        block = f'<div class="mega-col"><h4 class="mega-heading">{e(heading)}</h4><ul>{items}</ul></div>'
        parts.append(block)
        total += len(block)
    parts.append("</nav>")
    return "\n".join(parts)


_PAD_LABELS = {
    "globalwire": (("World", "Business", "Media Wire", "Markets", "Travel", "Opinion"), "/"),
    "meridian": (("World", "Business", "Science", "Sport", "Analysis", "Photos"), "/news/"),
    "sahar": (("سیاسی", "اقتصادی", "بین‌الملل", "ورزشی", "فرهنگی", "عکس"), "/fa/archive"),
    "alwaha": (("محليات", "دولي", "اقتصاد", "رياضة", "ثقافة", "صور"), "/ar/latest/"),
}


@lru_cache(maxsize=8)
def padding(site: str) -> tuple[str, str, str]:
    """Inline CSS, a mega menu and inline JS (about 40 KB together) for bulky article pages."""
    rng = random.Random(f"wirecrawl-padding:{site}")
    prefix = {"globalwire": "gwd", "meridian": "mpa", "sahar": "shr", "alwaha": "wha"}[site]
    labels, href = _PAD_LABELS[site]
    css = f'<style id="{prefix}-theme-inline-css">\n{_css(rng, prefix, 22_000)}\n</style>'
    menu = _mega_menu(rng, labels, href, 8_000)
    js = f'<script id="{prefix}-bundle">\n{_js(rng, prefix, 12_000)}\n</script>'
    return css, menu, js


def _pad(ctx: Ctx) -> tuple[str, str, str]:
    return padding(ctx.site) if ctx.bulky else ("", "", "")


# ---------------------------------------------------------------- robots.txt


def robots(ctx: Ctx) -> str:
    """robots.txt of a site, naming its sitemap where it has one."""
    rules = {
        "globalwire": (
            "User-agent: *\nDisallow: /wp-admin/\nAllow: /wp-admin/admin-ajax.php\n"
            f"Disallow: /?s=\n\nSitemap: {ctx.base}/sitemap_index.xml\n"
        ),
        "meridian": (
            "User-agent: *\nDisallow: /private/\nDisallow: /search\n\n"
            "User-agent: ArchiveHoarder\nDisallow: /\n\n"
            f"Sitemap: {ctx.base}/sitemap-news.xml\n"
        ),
        "sahar": "User-agent: *\nDisallow: /fa/search\nDisallow: /admin/\n",
        "alwaha": (
            "User-agent: *\nDisallow: /ar/search/\nDisallow: /cgi-bin/\n\n"
            f"Sitemap: {ctx.base}/sitemap.xml\n"
        ),
    }
    return rules[ctx.site]


# ---------------------------------------------------------------- Global Wire Digest

_GW_MENU = (
    ("Home", "/"),
    ("World", "/category/world/"),
    ("Business", "/category/business/"),
    ("Media Wire", "/category/media-wire/"),
)


def _gw_head(ctx: Ctx, title: str, extra: str = "") -> str:
    css, _, _ = _pad(ctx)
    site = {
        "@context": "https://schema.org",
        "@type": "WebSite",
        "name": SITE_NAMES["globalwire"],
        "url": ctx.base + "/",
        "potentialAction": {
            "@type": "SearchAction",
            "target": ctx.base + "/?s={search_term_string}",
            "query-input": "required name=search_term_string",
        },
    }
    return (
        '<!DOCTYPE html>\n<html lang="en-US">\n<head>\n<meta charset="UTF-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{e(title)}</title>\n"
        '<meta name="generator" content="WordPress 6.4.2">\n'
        f'<link rel="alternate" type="application/rss+xml" title="Global Wire Digest &raquo; Feed" '
        f'href="{ctx.base}/feed/">\n'
        f'<link rel="https://api.w.org/" href="{ctx.base}/wp-json/">\n'
        f"{extra}"
        '<link rel="stylesheet" id="gwd-style-css" href="/wp-content/themes/gwd/style.css?ver=2.3.1" '
        'media="all">\n'
        f'<script type="application/ld+json" class="yoast-schema-graph">{_json(site)}</script>\n'
        f"{css}\n</head>\n"
    )


def _gw_header(ctx: Ctx, body_class: str, *, dated: bool = True) -> str:
    _, menu, _ = _pad(ctx)
    items = "".join(
        f'<li class="menu-item menu-item-type-taxonomy"><a href="{href}">{label}</a></li>'
        for label, href in _GW_MENU
    )
    today = D.long_en_date(D.local(ctx.now, NY)) if dated else ""
    return (
        f'<body class="{body_class}">\n<div id="page" class="site">\n'
        '<a class="skip-link screen-reader-text" href="#content">Skip to content</a>\n'
        f'<div class="top-bar"><span class="today-date">{today}</span>'
        '<ul class="social-links"><li><a href="https://www.facebook.com/globalwiredigest.example">'
        'Facebook</a></li><li><a href="https://x.com/gwdigest_example">X</a></li></ul></div>\n'
        '<header id="masthead" class="site-header">\n<div class="site-branding">'
        '<p class="site-title"><a href="/" rel="home">Global Wire Digest</a></p>'
        '<p class="site-description">News from everywhere, every hour</p></div>\n'
        '<nav id="site-navigation" class="main-navigation"><button class="menu-toggle" '
        f'aria-controls="primary-menu">Menu</button><ul id="primary-menu" class="menu">{items}</ul>'
        f"</nav>\n{menu}\n"
        '<form role="search" class="search-form" action="/"><label><span class="screen-reader-text">'
        'Search for:</span><input type="search" class="search-field" name="s"></label>'
        '<input type="submit" class="search-submit" value="Search"></form>\n</header>\n'
        '<div class="ad-slot ad-leaderboard" data-slot="gwd-top">Advertisement</div>\n'
        '<div id="content" class="site-content">\n'
    )


def _gw_sidebar(ctx: Ctx, recent: Iterable[Teaser], *, dated: bool = True) -> str:
    items = "".join(
        f'<li><a href="{t.url}">{e(t.title)}</a>'
        + (
            f' <span class="post-date">{_ago(ctx, t.published)}</span>'
            if t.published and dated
            else ""
        )
        + "</li>"
        for t in recent
    )
    cats = "".join(
        f'<li class="cat-item"><a href="{href}">{label}</a></li>' for label, href in _GW_MENU[1:]
    )
    return (
        '<aside id="secondary" class="widget-area">\n'
        '<section id="search-2" class="widget widget_search"><form role="search" action="/">'
        '<input type="search" name="s" placeholder="Search &hellip;"></form></section>\n'
        '<section id="recent-posts-2" class="widget widget_recent_entries">'
        f'<h2 class="widget-title">Recent Posts</h2><ul>{items}</ul></section>\n'
        '<section id="categories-2" class="widget widget_categories">'
        f'<h2 class="widget-title">Categories</h2><ul>{cats}</ul></section>\n'
        '<section id="custom_html-3" class="widget widget_custom_html"><div class="ad-slot" '
        'data-slot="gwd-side">Advertisement</div></section>\n</aside>\n'
    )


def _gw_footer(ctx: Ctx) -> str:
    _, _, js = _pad(ctx)
    year = D.local(ctx.now, NY).year
    return (
        '</div><!-- #content -->\n<footer id="colophon" class="site-footer">\n'
        '<div class="footer-widgets"><ul class="footer-links"><li><a href="/">About us</a></li>'
        '<li><a href="/">Advertise</a></li><li><a href="/">Privacy policy</a></li>'
        '<li><a href="/wp-admin/">Log in</a></li></ul></div>\n'
        f'<div class="site-info">&copy; {year} Global Wire Digest. Proudly powered by WordPress.'
        "</div>\n</footer>\n</div><!-- #page -->\n"
        '<div id="cookie-notice" role="dialog">We use cookies to improve your experience. '
        '<a href="/" class="cn-accept">Accept</a></div>\n'
        '<script src="/wp-includes/js/jquery/jquery.min.js?ver=3.7.1" id="jquery-core-js"></script>\n'
        '<script id="gwd-analytics">window.dataLayer=window.dataLayer||[];'
        "dataLayer.push({'event':'pageview','site':'gwd'});</script>\n"
        f"{js}\n</body>\n</html>\n"
    )


def _gw_credit(a: ArticleView) -> tuple[str, str, str]:
    """(first-paragraph prefix, last-paragraph suffix, credit block) for a republished story."""
    name = e(a.original_source or "")
    url = attr(a.original_url or "")
    style = a.credit_style
    if style == "dateline":
        return f"({e(a.original_short or '')}) &mdash; ", "", ""
    if style == "trailing":
        return "", f" &mdash; {name}", ""
    if style == "first-published":
        return "", "", f'<p>This story was first published by <a href="{url}">{name}</a>.</p>\n'
    if style == "source-label":
        return (
            "",
            "",
            f'<p><strong>Source:</strong> {name} &mdash; <a href="{url}">original</a></p>\n',
        )
    if style == "wire-footer":
        return (
            "",
            "",
            (
                f'<div class="wire-source">Original source: <a href="{url}" rel="nofollow">{name}</a>'
                "</div>\n"
            ),
        )
    return "", "", ""


def gw_content(a: ArticleView, *, figure: str = "", inline: str = "") -> str:
    """Inner HTML of the story content: paragraphs, credit line and disclaimer (also for the feed)."""
    prefix, suffix, credit = _gw_credit(a)
    paras = [e(p) for p in a.paragraphs]
    if paras:
        paras[0] = prefix + paras[0]
        paras[-1] = paras[-1] + suffix
    out: list[str] = []
    for i, para in enumerate(paras):
        out.append(f"<p>{para}</p>\n")
        if i == 1 and figure:
            out.append(figure)
        if i == 2 and inline:
            out.append(inline)
    if a.credit_style:
        out.append(credit)
        cls = ' class="republish-note"' if a.template == "wp-new" else ""
        out.append(f"<p{cls}><em>{e(GW_DISCLAIMER)}</em></p>\n")
    return "".join(out)


def _gw_share(url: str, title: str, old: bool) -> str:
    cls = "share-buttons" if old else "sharedaddy sd-sharing-enabled"
    return (
        f'<div class="{cls}"><h3 class="sd-title">Share this:</h3><ul>'
        f'<li><a class="share-facebook" href="https://www.facebook.com/sharer/sharer.php?u={attr(url)}" '
        'target="_blank">Share on Facebook</a></li>'
        f'<li><a class="share-twitter" href="https://x.com/intent/tweet?url={attr(url)}&amp;text='
        f'{quote(title)}" target="_blank">Tweet</a></li>'
        f'<li><a class="share-whatsapp" href="https://wa.me/?text={attr(url)}">WhatsApp</a></li>'
        f'<li><button class="share-copy" data-url="{attr(url)}">Copy link</button></li></ul></div>\n'
    )


_GW_NEWSLETTER = (
    '<div class="newsletter-inline"><h4>Get the Morning Digest</h4><p>The day&rsquo;s top wire '
    "stories in your inbox before breakfast. Free, and you can unsubscribe at any time.</p>"
    '<form class="newsletter-form" action="/"><input type="email" name="email" '
    'placeholder="Your email address"><button type="submit">Sign up</button></form></div>\n'
)


def _gw_comments(a: ArticleView, old: bool) -> str:
    shown = [c for c in a.comments if c.at <= a.ctx.now]
    if not shown:
        return (
            '<div id="respond" class="comment-respond"><h3 class="comment-reply-title">Leave a Reply'
            '</h3><form class="comment-form" action="/"><textarea name="comment"></textarea>'
            '<input type="submit" value="Post Comment"></form></div>\n'
        )
    items = []
    for c in shown:
        wall = D.local(c.at, NY)
        stamp = D.old_theme_date(wall) if old else D.wordpress_date(wall)
        items.append(
            '<li class="comment"><article class="comment-body"><footer class="comment-meta">'
            f'<b class="fn">{e(c.author)}</b> <span class="says">says:</span> '
            f'<span class="comment-metadata">{stamp}</span></footer>'
            f'<div class="comment-content"><p>{e(c.text)}</p></div></article></li>'
        )
    noun = "thought" if len(shown) == 1 else "thoughts"
    return (
        f'<div id="comments" class="comments-area"><h2 class="comments-title">{len(shown)} {noun} '
        f'on &ldquo;{e(a.story.title)}&rdquo;</h2><ol class="comment-list">{"".join(items)}</ol>'
        '<div id="respond" class="comment-respond"><h3 class="comment-reply-title">Leave a Reply</h3>'
        "</div></div>\n"
    )


def _gw_byline_names(authors: tuple[str, ...], linked: bool) -> str:
    def one(name: str) -> str:
        if not linked:
            return e(name)
        slug = "-".join(name.lower().split())
        return (
            f'<span class="author vcard"><a class="url fn n" href="/author/{slug}/">{e(name)}</a>'
            "</span>"
        )

    names = [one(n) for n in authors]
    return " and ".join(names) if len(names) <= 2 else ", ".join(names[:-1]) + " and " + names[-1]


def globalwire_article(a: ArticleView) -> str:
    """A Global Wire Digest post in the new ("wp-new") or old ("wp-old") theme."""
    s = a.story
    old = a.template == "wp-old"
    wall = D.local(s.published, NY) if s.published else None
    canonical = "" if old else f'<link rel="canonical" href="{s.url}">\n'
    head = _gw_head(
        a.ctx,
        f"{s.title} - Global Wire Digest",
        canonical
        + f'<link rel="shortlink" href="{a.ctx.base}/?p={s.id}">\n'
        + f'<link rel="amphtml" href="{s.url}amp/">\n'
        + f'<meta property="og:title" content="{attr(s.title)}">\n'
        + f'<meta property="og:url" content="{s.url}">\n<meta property="og:type" content="article">\n',
    )
    tags = ", ".join(f'<a href="/tag/{slugify(t)}/" rel="tag">{e(t)}</a>' for t in s.tags)
    folder = f"{wall.year}/{wall.month:02d}/" if wall else ""
    img = f"/wp-content/uploads/{folder}{a.image}-1024x683.jpg"
    if old:
        figure = (
            f'<figure class="wp-caption aligncenter"><img src="{img}" alt="" width="1024" '
            f'height="683"><figcaption class="wp-caption-text">{e(a.caption)}</figcaption></figure>\n'
        )
        date = f" | {D.old_theme_date(wall)}" if wall else ""
        article = (
            f'<div id="container"><div id="left-col">\n<div class="post" id="post-{s.id}">\n'
            f'<div class="breadcrumbs"><a href="/">Home</a> &raquo; <a href="{s.section_url}">'
            f"{e(s.section)}</a></div>\n"
            f'<h1 class="post-title">{e(s.title)}</h1>\n'
            f'<span class="meta">By {_gw_byline_names(s.authors, False)}{date} | '
            f'<a href="{s.section_url}">{e(s.section)}</a></span>\n'
            f'<div class="post-body">\n{gw_content(a, figure=figure)}'
            f"{_gw_share(s.url, s.title, True)}</div>\n"
            f'<div class="post-tags">Tags: {tags}</div>\n'
            '<div class="subscribe-box"><p>Like what you read? Get our free Morning Digest '
            'newsletter.</p><a class="button" href="/">Subscribe</a></div>\n'
            f"{_gw_comments(a, True)}</div>\n</div>\n"
            f'<div id="sidebar">{_gw_sidebar(a.ctx, a.recent, dated=bool(wall))}</div></div>\n'
        )
        body_class = f"single postid-{s.id} theme-classic"
    else:
        figure = (
            f'<figure class="wp-block-image size-large"><img src="{img}" alt="" width="1024" '
            f'height="683" loading="lazy"><figcaption class="wp-element-caption">{e(a.caption)}'
            "</figcaption></figure>\n"
        )
        if wall is None:
            posted = ""
        elif a.machine_time:
            posted = (
                '<span class="posted-on"><time class="entry-date published" '
                f'datetime="{D.iso(D.local(s.published, NY)) if s.published else ""}">'
                f"{D.wordpress_date(wall)}</time></span>"
            )
        else:
            posted = f'<span class="posted-on"><span class="entry-date">{D.wordpress_date(wall)}</span></span>'
        if wall and s.modified and s.published and s.modified > s.published:
            posted += f' <span class="updated-on">Updated: {D.wordpress_date(D.local(s.modified, NY))}</span>'
        nav = ""
        if a.previous or a.following:
            prev = (
                f'<div class="nav-previous"><a href="{a.previous.url}" rel="prev">'
                f"{e(a.previous.title)}</a></div>"
                if a.previous
                else ""
            )
            nxt = (
                f'<div class="nav-next"><a href="{a.following.url}" rel="next">'
                f"{e(a.following.title)}</a></div>"
                if a.following
                else ""
            )
            nav = f'<nav class="navigation post-navigation"><div class="nav-links">{prev}{nxt}</div></nav>\n'
        article = (
            '<div id="primary" class="content-area"><main id="main" class="site-main">\n'
            f'<nav class="breadcrumbs"><a href="/">Home</a> &raquo; <a href="{s.section_url}">'
            f"{e(s.section)}</a> &raquo; <span>{e(s.title)}</span></nav>\n"
            f'<article id="post-{s.id}" class="post-{s.id} post type-post status-publish '
            'format-standard has-post-thumbnail hentry">\n<header class="entry-header">\n'
            f'<span class="cat-links"><a href="{s.section_url}" rel="category tag">{e(s.section)}'
            "</a></span>\n"
            f'<h1 class="entry-title">{e(s.title)}</h1>\n'
            f'<div class="entry-meta"><span class="byline"> By {_gw_byline_names(s.authors, True)}'
            f"</span> {posted}</div>\n</header>\n"
            f'<div class="entry-content">\n{gw_content(a, figure=figure, inline=_GW_NEWSLETTER)}'
            f"{_gw_share(s.url, s.title, False)}</div>\n"
            f'<footer class="entry-footer"><span class="tags-links">Tagged {tags}</span></footer>\n'
            f"</article>\n{nav}{_gw_comments(a, False)}</main></div>\n"
            f"{_gw_sidebar(a.ctx, a.recent, dated=bool(wall))}"
        )
        body_class = (
            f"post-template-default single single-post postid-{s.id} single-format-standard"
        )
    return head + _gw_header(a.ctx, body_class, dated=bool(wall)) + article + _gw_footer(a.ctx)


def globalwire_amp(a: ArticleView) -> str:
    """The AMP view of a post: canonical link to the normal URL, relative time in the header."""
    s = a.story
    when = ""
    if s.published:
        when = (
            '<div class="amp-wp-meta amp-wp-posted-on">'
            f'<time datetime="{D.iso(s.published.astimezone(UTC))}">{_ago(a.ctx, s.published)}</time>'
            "</div>"
        )
    img = f"/wp-content/uploads/amp/{a.image}-1024x683.jpg"
    figure = (
        f'<figure class="amp-wp-inline"><amp-img src="{img}" width="1024" height="683" '
        f'layout="responsive"></amp-img><figcaption>{e(a.caption)}</figcaption></figure>\n'
    )
    return (
        '<!doctype html>\n<html amp lang="en-US">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width,minimum-scale=1,initial-scale=1">\n'
        f"<title>{e(s.title)} &#8211; Global Wire Digest</title>\n"
        f'<link rel="canonical" href="{s.url}">\n'
        '<script async src="https://cdn.ampproject.org/v0.js"></script>\n'
        "<style amp-custom>body{font-family:Georgia,serif;color:#222}.amp-wp-header{background:#0a3d62}"
        ".amp-wp-title{font-size:1.9em}.amp-wp-meta{color:#666;font-size:.85em}</style>\n</head>\n"
        '<body class="single-post amp-mode">\n<header id="top" class="amp-wp-header"><div>'
        '<a href="/">Global Wire Digest</a></div></header>\n'
        '<article class="amp-wp-article">\n<header class="amp-wp-article-header">\n'
        f'<h1 class="amp-wp-title">{e(s.title)}</h1>\n'
        '<div class="amp-wp-meta amp-wp-byline"><span class="amp-wp-author author vcard">'
        f"{_gw_byline_names(s.authors, False)}</span></div>\n{when}\n</header>\n"
        f'<div class="amp-wp-article-content">\n{gw_content(a, figure=figure)}</div>\n'
        '<footer class="amp-wp-article-footer"><div class="amp-wp-meta amp-wp-tax-category">'
        f'Categories: <a href="{s.section_url}">{e(s.section)}</a></div>'
        f'<div class="amp-wp-meta amp-wp-comments-link"><a href="{s.url}#respond">Leave a Comment'
        "</a></div></footer>\n</article>\n"
        '<footer class="amp-wp-footer"><p>&copy; Global Wire Digest</p>'
        '<a href="#top" class="back-to-top">Back to top</a></footer>\n</body>\n</html>\n'
    )


def _gw_pagination(v: ListingView) -> str:
    if v.count <= 1:
        return ""
    parts = []
    prev = v.neighbour(-1)
    if prev:
        parts.append(f'<a class="prev page-numbers" href="{prev}">&laquo; Previous</a>')
    for number, url in v.pages:
        if number == v.page:
            parts.append(f'<span aria-current="page" class="page-numbers current">{number}</span>')
        elif abs(number - v.page) <= 2 or number in (1, v.count):
            parts.append(f'<a class="page-numbers" href="{url}">{number}</a>')
        elif abs(number - v.page) == 3:
            parts.append('<span class="page-numbers dots">&hellip;</span>')
    nxt = v.neighbour(1)
    if nxt:
        parts.append(f'<a class="next page-numbers" rel="next" href="{nxt}">Next &raquo;</a>')
    return (
        '<nav class="navigation pagination" aria-label="Posts"><h2 class="screen-reader-text">'
        f'Posts navigation</h2><div class="nav-links">{"".join(parts)}</div></nav>\n'
    )


def globalwire_listing(v: ListingView) -> str:
    """Home, category, tag or author archive page with relative times only."""
    entries = []
    for t in v.entries:
        when = f'<span class="posted-on">{_ago(v.ctx, t.published)}</span> ' if t.published else ""
        entries.append(
            f'<article id="post-{t.id}" class="post-{t.id} post type-post hentry">'
            f'<header class="entry-header"><h2 class="entry-title"><a href="{t.url}" rel="bookmark">'
            f'{e(t.title)}</a></h2><div class="entry-meta">{when}<span class="byline">by '
            f"{_gw_byline_names(t.authors, False)}</span></div></header>"
            f'<div class="entry-summary"><p>{e(t.summary)} [&hellip;]</p></div>'
            f'<a class="more-link" href="{t.url}">Continue reading</a></article>\n'
        )
    title = v.heading if v.page == 1 else f"{v.heading} - Page {v.page}"
    head = _gw_head(v.ctx, f"{title} - Global Wire Digest")
    body = (
        '<div id="primary" class="content-area"><main id="main" class="site-main">\n'
        f'<header class="page-header"><h1 class="page-title">{e(v.heading)}</h1></header>\n'
        f"{''.join(entries)}{_gw_pagination(v)}</main></div>\n{_gw_sidebar(v.ctx, v.recent)}"
    )
    return head + _gw_header(v.ctx, "archive category") + body + _gw_footer(v.ctx)


def globalwire_login(ctx: Ctx) -> str:
    """The WordPress login form that /wp-admin/ redirects to."""
    return (
        '<!DOCTYPE html>\n<html lang="en-US"><head><meta charset="UTF-8"><title>Log In &lsaquo; '
        'Global Wire Digest &#8212; WordPress</title><meta name="robots" content="noindex, nofollow">'
        '</head><body class="login"><div id="login"><h1><a href="/">Global Wire Digest</a></h1>'
        '<form name="loginform" id="loginform" action="/wp-login.php" method="post">'
        '<p><label for="user_login">Username or Email Address</label><input type="text" name="log" '
        'id="user_login"></p><p><label for="user_pass">Password</label><input type="password" '
        'name="pwd" id="user_pass"></p><p class="submit"><input type="submit" value="Log In"></p>'
        "</form></div></body></html>\n"
    )


def globalwire_rss(ctx: Ctx, items: Iterable[ArticleView]) -> str:
    """WordPress RSS 2.0 feed; utm-tagged links, pubDate in +0000, full content:encoded."""
    out = []
    latest: datetime | None = None
    for a in items:
        s = a.story
        link = f"{s.url}?utm_source=rss&amp;utm_medium=feed"
        pub = ""
        if s.published:
            pub = f"<pubDate>{D.rfc822(s.published.astimezone(UTC))}</pubDate>\n"
            latest = max(latest, s.published) if latest else s.published
        cats = "".join(f"<category>{_cdata(c)}</category>" for c in (s.section, *s.tags))
        creator = " and ".join(s.authors)
        out.append(
            f"<item>\n<title>{e(s.title)}</title>\n<link>{link}</link>\n"
            f"<comments>{s.url}#respond</comments>\n"
            f"<dc:creator>{_cdata(creator)}</dc:creator>\n{pub}{cats}\n"
            f'<guid isPermaLink="false">{ctx.base}/?p={s.id}</guid>\n'
            f"<description>{_cdata(e(s.summary) + ' [&#8230;]')}</description>\n"
            f"<content:encoded>{_cdata(gw_content(a))}</content:encoded>\n"
            f"<slash:comments>{len([c for c in a.comments if c.at <= ctx.now])}</slash:comments>\n"
            "</item>\n"
        )
    build = f"<lastBuildDate>{D.rfc822(latest.astimezone(UTC))}</lastBuildDate>\n" if latest else ""
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"\n'
        '\txmlns:content="http://purl.org/rss/1.0/modules/content/"\n'
        '\txmlns:wfw="http://wellformedweb.org/CommentAPI/"\n'
        '\txmlns:dc="http://purl.org/dc/elements/1.1/"\n'
        '\txmlns:atom="http://www.w3.org/2005/Atom"\n'
        '\txmlns:sy="http://purl.org/rss/1.0/modules/syndication/"\n'
        '\txmlns:slash="http://purl.org/rss/1.0/modules/slash/"\n>\n<channel>\n'
        "<title>Global Wire Digest</title>\n"
        f'<atom:link href="{ctx.base}/feed/" rel="self" type="application/rss+xml" />\n'
        f"<link>{ctx.base}</link>\n<description>News from everywhere, every hour</description>\n"
        f"{build}<language>en-US</language>\n<sy:updatePeriod>hourly</sy:updatePeriod>\n"
        "<sy:updateFrequency>1</sy:updateFrequency>\n"
        "<generator>https://wordpress.org/?v=6.4.2</generator>\n"
        f"{''.join(out)}</channel>\n</rss>\n"
    )


def sitemap_index(ctx: Ctx, entries: Iterable[tuple[str, datetime | None]]) -> str:
    """Yoast-style sitemap index."""
    rows = "".join(
        f"\t<sitemap>\n\t\t<loc>{loc}</loc>\n"
        + (f"\t\t<lastmod>{D.iso(mod.astimezone(UTC))}</lastmod>\n" if mod else "")
        + "\t</sitemap>\n"
        for loc, mod in entries
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><?xml-stylesheet type="text/xsl" '
        f'href="{ctx.base}/main-sitemap.xsl"?>\n'
        '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        f"{rows}</sitemapindex>\n"
    )


def urlset(entries: Iterable[tuple[str, datetime | None]], tz: str = "UTC", extra: str = "") -> str:
    """Plain sitemap urlset; lastmod written in the zone `tz`, omitted when unknown."""
    rows = "".join(
        f"\t<url>\n\t\t<loc>{loc}</loc>\n"
        + (f"\t\t<lastmod>{D.iso(D.local(mod, tz))}</lastmod>\n" if mod else "")
        + extra
        + "\t</url>\n"
        for loc, mod in entries
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        'xmlns:image="http://www.google.com/schemas/sitemap-image/1.1" '
        'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        f"{rows}</urlset>\n"
    )


# ---------------------------------------------------------------- Meridian Press Agency

_MPA_SECTIONS = (
    ("World", "world"),
    ("Business", "business"),
    ("Science", "science"),
    ("Sport", "sport"),
)


def _mpa_top(ctx: Ctx, title: str, head_extra: str, body_class: str) -> str:
    css, menu, _ = _pad(ctx)
    nav = "".join(f'<li><a href="/news/{key}/">{label}</a></li>' for label, key in _MPA_SECTIONS)
    return (
        '<!DOCTYPE html>\n<html lang="en-GB">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{e(title)}</title>\n"
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"{head_extra}"
        '<link rel="alternate" type="application/atom+xml" title="Meridian Press Agency" '
        'href="/feeds/all.atom">\n'
        "<style>body{font-family:Helvetica,Arial,sans-serif;margin:0}.masthead{border-bottom:4px "
        "solid #b3122e}.headline{font-size:2.2rem}.standfirst{font-size:1.2rem;color:#444}</style>\n"
        f'{css}\n</head>\n<body class="{body_class}">\n'
        '<div class="cookie-banner" role="dialog"><p>We use cookies to measure audiences. '
        '<button class="cookie-accept">Accept</button></p></div>\n'
        '<header class="masthead"><a class="logo" href="/">Meridian Press Agency</a>'
        f'<nav class="primary-nav"><ul><li><a href="/news/">Latest</a></li>{nav}</ul></nav>'
        '<form class="search" action="/search"><input name="q" type="search"></form>'
        f'<a class="subscribe" href="/">Licensing</a></header>\n{menu}\n'
    )


def _mpa_bottom(ctx: Ctx) -> str:
    _, _, js = _pad(ctx)
    return (
        '<footer class="site-footer"><ul><li><a href="/">About MPA</a></li>'
        '<li><a href="/">Contact the newsdesk</a></li><li><a href="/">Licensing</a></li>'
        '<li><a href="/private/">Staff area</a></li><li><a href="/feeds/all.atom">Atom feed</a></li>'
        f"</ul><p>&copy; {ctx.now.astimezone(UTC).year} Meridian Press Agency</p></footer>\n"
        "<script>window.mpa={env:'prod',edition:'intl'};</script>\n"
        f"{js}\n</body>\n</html>\n"
    )


def _byline_en(authors: tuple[str, ...]) -> str:
    names = [f'<a rel="author" class="author-name">{e(n)}</a>' for n in authors]
    return " and ".join(names) if len(names) <= 2 else ", ".join(names[:-1]) + " and " + names[-1]


def _truncate(text: str, limit: int = 400) -> str:
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + "…"


def _mpa_jsonld(a: ArticleView) -> str:
    s = a.story
    published = D.iso(s.published.astimezone(UTC)) if s.published else None
    modified = D.iso((s.modified or s.published or a.ctx.now).astimezone(UTC))
    authors = [{"@type": "Person", "name": n} for n in s.authors]
    image = f"{a.ctx.base}/media/photos/{a.image}.jpg"
    body = "\n\n".join(a.paragraphs)
    if a.template.endswith("truncated"):
        body = _truncate(body)
    publisher = {
        "@type": "Organization",
        "name": "Meridian Press Agency",
        "logo": {"@type": "ImageObject", "url": f"{a.ctx.base}/static/mpa-logo.png"},
    }
    if a.template.startswith("graph"):
        article: dict[str, object] = {
            "@type": "NewsArticle",
            "@id": f"{s.url}#article",
            "isPartOf": {"@id": s.url},
            "headline": s.title,
            "datePublished": published,
            "dateModified": modified,
            "author": authors,
            "publisher": {"@id": f"{a.ctx.base}/#organization"},
            "articleSection": [s.section],
            "keywords": list(s.tags),
            "image": {"@id": f"{s.url}#primaryimage"},
            "mainEntityOfPage": {"@id": s.url},
            "inLanguage": "en-GB",
        }
        if a.template == "graph-truncated":
            article["articleBody"] = body
        graph = [
            {
                "@type": "WebPage",
                "@id": s.url,
                "url": s.url,
                "name": s.title,
                "datePublished": published,
                "dateModified": modified,
                "breadcrumb": {"@id": f"{s.url}#breadcrumb"},
            },
            article,
            {
                "@type": "BreadcrumbList",
                "@id": f"{s.url}#breadcrumb",
                "itemListElement": [
                    {"@type": "ListItem", "position": 1, "name": "Home", "item": a.ctx.base + "/"},
                    {"@type": "ListItem", "position": 2, "name": s.section, "item": s.section_url},
                    {"@type": "ListItem", "position": 3, "name": s.title},
                ],
            },
            {**publisher, "@id": f"{a.ctx.base}/#organization"},
            {"@type": "ImageObject", "@id": f"{s.url}#primaryimage", "url": image},
        ]
        data: dict[str, object] = {"@context": "https://schema.org", "@graph": graph}
    else:
        data = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": s.title,
            "description": s.summary,
            "datePublished": published,
            "dateModified": modified,
            "author": authors,
            "publisher": publisher,
            "articleSection": s.section,
            "keywords": ", ".join(s.tags),
            "image": [image],
            "mainEntityOfPage": {"@type": "WebPage", "@id": s.url},
            "articleBody": body,
        }
    return f'<script type="application/ld+json">{_json(data)}</script>\n'


def meridian_article(a: ArticleView) -> str:
    """A Meridian story: JSON-LD (flat or @graph), OpenGraph, div.article-body paragraphs."""
    s = a.story
    published = s.published or a.ctx.now
    modified = s.modified or published
    meta = (
        f'<meta name="description" content="{attr(s.summary)}">\n'
        f'<link rel="canonical" href="{s.url}">\n'
        '<meta property="og:type" content="article">\n'
        f'<meta property="og:title" content="{attr(s.title)}">\n'
        f'<meta property="og:description" content="{attr(s.summary)}">\n'
        f'<meta property="og:url" content="{s.url}">\n'
        f'<meta property="og:image" content="{a.ctx.base}/media/photos/{a.image}.jpg">\n'
        '<meta property="og:site_name" content="Meridian Press Agency">\n'
        f'<meta property="article:published_time" content="{D.iso(published.astimezone(UTC))}">\n'
        f'<meta property="article:modified_time" content="{D.iso(modified.astimezone(UTC))}">\n'
        f'<meta property="article:section" content="{attr(s.section)}">\n'
        + "".join(f'<meta property="article:tag" content="{attr(t)}">\n' for t in s.tags)
        + '<meta name="twitter:card" content="summary_large_image">\n'
        + _mpa_jsonld(a)
    )
    related = "".join(
        f'<li><a href="{t.url}">{e(t.title)}</a> '
        f'<time datetime="{D.iso((t.published or published).astimezone(UTC))}">'
        f"{D.agency_short_date(t.published or published)}</time></li>"
        for t in a.related
    )
    aside = (
        f'<aside class="related-coverage"><h2>Related coverage</h2><ul>{related}</ul></aside>\n'
        if related
        else ""
    )
    paras = []
    for i, p in enumerate(a.paragraphs):
        paras.append(f"<p>{e(p)}</p>\n")
        if i == 2:
            paras.append(aside)
    if len(a.paragraphs) < 3:
        paras.append(aside)
    updated = ""
    if modified > published:
        updated = (
            f' <span class="updated">Updated <time datetime="{D.iso(modified.astimezone(UTC))}">'
            f"{D.agency_date(modified)}</time></span>"
        )
    most_read = "".join(f'<li><a href="{t.url}">{e(t.title)}</a></li>' for t in a.recent)
    byline = f'<p class="byline">By {_byline_en(s.authors)}</p>' if s.authors else ""
    body = (
        '<nav class="breadcrumbs" aria-label="Breadcrumb"><ol><li><a href="/">Home</a></li>'
        f'<li><a href="/news/">News</a></li><li><a href="{s.section_url}">{e(s.section)}</a></li>'
        '</ol></nav>\n<main id="main">\n'
        f'<article class="story" data-story-id="{s.id}">\n<header class="story-header">\n'
        f'<a class="kicker" href="{s.section_url}">{e(s.section)}</a>\n'
        f'<h1 class="headline">{e(s.title)}</h1>\n<p class="standfirst">{e(s.summary)}</p>\n'
        f'<div class="story-meta">{byline}'
        f'<time class="published" datetime="{D.iso(published.astimezone(UTC))}">'
        f"{D.agency_date(published)}</time>{updated}</div>\n</header>\n"
        f'<figure class="lead-image"><img src="/media/photos/{a.image}.jpg" alt="{attr(a.caption)}" '
        f'width="1200" height="800"><figcaption>{e(a.caption)} <span class="photo-credit">Photo: '
        f"{e(a.photographer)}/MPA</span></figcaption></figure>\n"
        f'<div class="article-body">\n{"".join(paras)}</div>\n'
        '<footer class="story-footer"><ul class="topics">'
        + "".join(f'<li class="topic">{e(t)}</li>' for t in s.tags)
        + '</ul>\n<p class="rights">&copy; Meridian Press Agency. All rights reserved. '
        "Republication requires a licence.</p></footer>\n</article>\n"
        f'<aside class="rail"><section class="most-read"><h2>Most read</h2><ol>{most_read}</ol>'
        "</section></aside>\n</main>\n"
    )
    top = _mpa_top(
        a.ctx,
        f"{s.title} | Meridian Press Agency",
        meta,
        f"article-page section-{slugify(s.section)}",
    )
    return top + body + _mpa_bottom(a.ctx)


def meridian_listing(v: ListingView) -> str:
    """/news/ and section lists: absolute <time datetime> stamps, rel=next/prev pager."""
    items = "".join(
        f'<li class="story-item"><article><h2 class="story-title"><a href="{t.url}">{e(t.title)}'
        f'</a></h2><p class="standfirst">{e(t.summary)}</p><p class="meta"><span class="section">'
        f"{e(t.section)}</span> &middot; "
        + (
            f'<time datetime="{D.iso(t.published.astimezone(UTC))}">'
            f"{D.agency_short_date(t.published)}</time>"
            if t.published
            else ""
        )
        + "</p></article></li>\n"
        for t in v.entries
    )
    pager = []
    prev, nxt = v.neighbour(-1), v.neighbour(1)
    if prev:
        pager.append(f'<a rel="prev" href="{prev}">&laquo; Newer</a>')
    if v.count > 1:
        pager.append(f'<span class="page-count">Page {v.page} of {v.count}</span>')
    if nxt:
        pager.append(f'<a rel="next" href="{nxt}">Older &raquo;</a>')
    head = (
        f'<link rel="canonical" href="{v.url}">\n'
        + (f'<link rel="next" href="{nxt}">\n' if nxt else "")
        + (f'<link rel="prev" href="{prev}">\n' if prev else "")
    )
    body = (
        f'<main id="main" class="listing"><h1>{e(v.heading)}</h1>\n<ul class="story-list">\n'
        f'{items}</ul>\n<nav class="pager">{" ".join(pager)}</nav>\n</main>\n'
    )
    return (
        _mpa_top(v.ctx, f"{v.heading} | Meridian Press Agency", head, "listing-page")
        + body
        + _mpa_bottom(v.ctx)
    )


def meridian_private(ctx: Ctx) -> str:
    """The staff-only page that robots.txt disallows (a crawler reaching it ignored robots)."""
    return (
        _mpa_top(
            ctx,
            "Staff area | Meridian Press Agency",
            '<meta name="robots" content="noindex">\n',
            "private",
        )
        + '<main id="main"><h1>Staff area</h1><p>Internal drafts and rota. Sign in with your '
        "newsroom account.</p></main>\n" + _mpa_bottom(ctx)
    )


def meridian_atom(ctx: Ctx, items: Iterable[Teaser]) -> str:
    """Atom 1.0 feed with published and updated stamps in UTC (Z)."""
    entries = []
    updated: datetime | None = None
    for t in items:
        if t.published is None:
            continue
        mod = t.modified or t.published
        updated = max(updated, mod) if updated else mod
        authors = "".join(f"<author><name>{e(n)}</name></author>" for n in t.authors)
        entries.append(
            f"<entry>\n<title>{e(t.title)}</title>\n"
            f'<link rel="alternate" type="text/html" href="{t.url}"/>\n'
            f"<id>tag:meridian-press.example,{t.published:%Y-%m-%d}:story/{t.id}</id>\n"
            f"<published>{D.iso_z(t.published)}</published>\n<updated>{D.iso_z(mod)}</updated>\n"
            f'{authors}\n<category term="{attr(t.section)}"/>\n'
            f'<summary type="html">{e(t.summary)}</summary>\n</entry>\n'
        )
    stamp = f"<updated>{D.iso_z(updated)}</updated>\n" if updated else ""
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en-GB">\n'
        "<title>Meridian Press Agency</title>\n<subtitle>Latest stories from the wire</subtitle>\n"
        f'<link rel="self" type="application/atom+xml" href="{ctx.base}/feeds/all.atom"/>\n'
        f'<link rel="alternate" type="text/html" href="{ctx.base}/"/>\n'
        "<id>tag:meridian-press.example,2019:feeds/all</id>\n"
        f"{stamp}{''.join(entries)}</feed>\n"
    )


def meridian_news_sitemap(ctx: Ctx, items: Iterable[Teaser]) -> str:
    """Google News sitemap: publication name/language, publication_date with offset, title."""
    rows = []
    for t in items:
        if t.published is None:
            continue
        rows.append(
            f"<url>\n<loc>{t.url}</loc>\n"
            f"<lastmod>{D.iso((t.modified or t.published).astimezone(UTC))}</lastmod>\n"
            "<news:news>\n<news:publication>\n<news:name>Meridian Press Agency</news:name>\n"
            "<news:language>en</news:language>\n</news:publication>\n"
            f"<news:publication_date>{D.iso(t.published.astimezone(UTC))}</news:publication_date>\n"
            f"<news:title>{e(t.title)}</news:title>\n"
            f"<news:keywords>{e(', '.join(t.tags))}</news:keywords>\n</news:news>\n</url>\n"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">\n'
        f"{''.join(rows)}</urlset>\n"
    )


# ---------------------------------------------------------------- Sahar News (Persian)


def _fa_top(ctx: Ctx, title: str, head_extra: str) -> str:
    css, menu, _ = _pad(ctx)
    today = D.jalali_day(D.local(ctx.now, TEHRAN))
    services = "".join(
        f'<li><a href="/fa/archive">{name}</a></li>'
        for name in ("سیاسی", "اقتصادی", "بین‌الملل", "علمی", "ورزشی")
    )
    return (
        '<!DOCTYPE html>\n<html lang="fa" dir="rtl">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{e(title)}</title>\n"
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"{head_extra}"
        '<link rel="alternate" type="application/rss+xml" title="خبرگزاری سحر" href="/fa/rss.xml">\n'
        "<style>body{font-family:Vazirmatn,Tahoma,sans-serif;direction:rtl}.item-title"
        "{font-size:1.8rem}.item-summary{background:#f3f3f3;padding:8px}</style>\n"
        f'{css}\n</head>\n<body class="rtl">\n'
        f'<div class="top-bar"><span class="today">{today}</span> '
        '<a href="/fa/">صفحه اصلی</a> | <a href="/fa/archive">آرشیو</a> | '
        '<a href="/fa/rss.xml">آر اس اس</a></div>\n'
        f'<header class="site-header"><a class="logo" href="/fa/">{SAHAR_NAME}</a>'
        '<span class="en-name" lang="en" dir="ltr">Sahar News</span>'
        f'<nav class="services"><ul>{services}</ul></nav></header>\n{menu}\n'
    )


def _fa_bottom(ctx: Ctx) -> str:
    _, _, js = _pad(ctx)
    year = D.persian_digits(str(D.jalali_year(D.local(ctx.now, TEHRAN))))
    return (
        '<footer class="site-footer"><ul><li><a href="/fa/">درباره ما</a></li>'
        '<li><a href="/fa/">تماس با ما</a></li><li><a href="/fa/rss.xml">خبرخوان</a></li></ul>'
        f"<p>کلیه حقوق این سایت متعلق به {SAHAR_NAME} است. © {year}</p></footer>\n"
        "<script>var shr={lang:'fa',svc:0};</script>\n"
        f"{js}\n</body>\n</html>\n"
    )


def sahar_article(a: ArticleView) -> str:
    """A Sahar story: Jalali stamp in div.item-header, body in div.item-text, optional source."""
    s = a.story
    date = D.jalali_date(D.local(s.published, TEHRAN)) if s.published else ""
    head = (
        f'<meta name="description" content="{attr(s.summary)}">\n'
        f'<meta property="og:title" content="{attr(s.title)}">\n'
        f'<meta property="og:url" content="{s.url}">\n'
        f'<meta property="og:site_name" content="{SAHAR_NAME}">\n'
        f'<link rel="canonical" href="{s.url}">\n'
    )
    source = ""
    if a.original_url:
        source = (
            f'<div class="news-source">منبع: <a href="{a.original_url}" target="_blank" '
            f'rel="nofollow">{MERIDIAN_FA}</a></div>\n'
        )
    author = (
        f'<div class="item-author">خبرنگار: {"، ".join(e(n) for n in s.authors)}</div>\n'
        if s.authors
        else ""
    )
    tags = " ".join(f'<span class="tag">{e(t)}</span>' for t in s.tags)
    related = "".join(
        f'<li><a href="{t.url}">{e(t.title)}</a> <span class="time">{_ago(a.ctx, t.published, "fa")}'
        "</span></li>"
        for t in a.related
    )
    popular = "".join(
        f'<li><a href="{t.url}">{e(t.title)}</a> <span class="time">{_ago(a.ctx, t.published, "fa")}'
        "</span></li>"
        for t in a.recent
    )
    paras = "".join(f"<p>{e(p)}</p>\n" for p in a.paragraphs)
    body = (
        f'<main class="container">\n<div class="news-item" id="news-{s.id}">\n'
        f'<div class="breadcrumb"><a href="/fa/">خانه</a> » <span>{e(s.section)}</span></div>\n'
        f'<div class="item-header"><span class="news-code">کد خبر: {D.persian_digits(str(s.id))}'
        f'</span> <span class="item-date">{date}</span> <span class="service">سرویس: '
        f"{e(s.section)}</span></div>\n"
        f'<h1 class="item-title">{e(s.title)}</h1>\n<p class="item-summary">{e(s.summary)}</p>\n'
        f'<figure class="item-img"><img src="/files/fa/news/{a.image}.jpg" alt="{attr(s.title)}">'
        f"<figcaption>{e(a.caption)}</figcaption></figure>\n"
        f'<div class="item-text">\n{paras}</div>\n{source}{author}'
        f'<div class="tags">برچسب‌ها: {tags}</div>\n'
        f'<div class="short-link">لینک کوتاه: <input type="text" readonly value="{a.ctx.base}/x/'
        f'{s.id:x}"></div>\n'
        f'<div class="related"><h3>اخبار مرتبط</h3><ul>{related}</ul></div>\n</div>\n'
        f'<aside class="sidebar"><h3>پربازدیدترین‌ها</h3><ul>{popular}</ul></aside>\n</main>\n'
    )
    return _fa_top(a.ctx, f"{s.title} - {SAHAR_NAME}", head) + body + _fa_bottom(a.ctx)


def _numbered_pager(v: ListingView, digits: str, next_label: str, prev_label: str) -> str:
    def num(n: int) -> str:
        return D.persian_digits(str(n)) if digits == "fa" else D.arabic_digits(str(n))

    parts = []
    prev = v.neighbour(-1)
    if prev:
        parts.append(f'<li class="prev"><a href="{prev}">{prev_label}</a></li>')
    for number, url in v.pages:
        if number == v.page:
            parts.append(f'<li class="active"><span>{num(number)}</span></li>')
        elif abs(number - v.page) <= 3 or number == v.count:
            parts.append(f'<li><a href="{url}">{num(number)}</a></li>')
    nxt = v.neighbour(1)
    if nxt:
        parts.append(f'<li class="next"><a href="{nxt}">{next_label}</a></li>')
    return f'<ul class="pagination">{"".join(parts)}</ul>\n' if v.count > 1 else ""


def sahar_listing(v: ListingView) -> str:
    """Archive and home lists with Persian relative times ("۱۱ ساعت پیش")."""
    items = "".join(
        f'<li class="news-entry"><a class="title" href="{t.url}">{e(t.title)}</a>'
        f'<p class="lead">{e(t.summary)}</p><span class="time">{_ago(v.ctx, t.published, "fa")}'
        "</span></li>\n"
        for t in v.entries
    )
    body = (
        f'<main class="container archive"><h1>{e(v.heading)}</h1>\n<ul class="news-list">\n{items}'
        f"</ul>\n{_numbered_pager(v, 'fa', 'صفحه بعد', 'صفحه قبل')}</main>\n"
    )
    return _fa_top(v.ctx, f"{v.heading} - {SAHAR_NAME}", "") + body + _fa_bottom(v.ctx)


def sahar_rss(ctx: Ctx, items: Iterable[Teaser]) -> str:
    """RSS 2.0 with Gregorian RFC 822 pubDate in Tehran's +0330 offset."""
    rows = []
    latest: datetime | None = None
    for t in items:
        if t.published is None:
            continue
        latest = max(latest, t.published) if latest else t.published
        rows.append(
            f"<item>\n<title>{e(t.title)}</title>\n<link>{t.url}</link>\n"
            f'<guid isPermaLink="true">{t.url}</guid>\n<description>{e(t.summary)}</description>\n'
            f"<pubDate>{D.rfc822(D.local(t.published, TEHRAN))}</pubDate>\n"
            f"<category>{e(t.section)}</category>\n</item>\n"
        )
    build = (
        f"<lastBuildDate>{D.rfc822(D.local(latest, TEHRAN))}</lastBuildDate>\n" if latest else ""
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0" '
        'xmlns:atom="http://www.w3.org/2005/Atom">\n<channel>\n'
        f"<title>{SAHAR_NAME}</title>\n<link>{ctx.base}/fa/</link>\n"
        f'<atom:link href="{ctx.base}/fa/rss.xml" rel="self" type="application/rss+xml"/>\n'
        f"<description>آخرین اخبار {SAHAR_NAME}</description>\n<language>fa</language>\n"
        f"{build}{''.join(rows)}</channel>\n</rss>\n"
    )


# ---------------------------------------------------------------- Al-Waha Daily (Arabic)


def _ar_top(ctx: Ctx, title: str, head_extra: str, *, legacy: bool = False) -> str:
    css, menu, _ = _pad(ctx)
    wall = D.local(ctx.now, RIYADH)
    indic = not legacy
    today = f"{D.hijri_date(wall, indic=indic)} | {D.arabic_gregorian_date(wall, indic=indic)}"
    charset = (
        '<meta http-equiv="Content-Type" content="text/html; charset=windows-1256">\n'
        if legacy
        else '<meta charset="utf-8">\n'
    )
    return (
        f'<!DOCTYPE html>\n<html lang="ar" dir="rtl">\n<head>\n{charset}'
        f"<title>{e(title)}</title>\n"
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"{head_extra}"
        "<style>body{font-family:'Noto Naskh Arabic',Tahoma,sans-serif;direction:rtl}"
        ".article-title{font-size:2rem}.post-date,.post-time{color:#777}</style>\n"
        f"{css}\n</head>\n<body>\n"
        f'<div class="topbar"><span class="date-today">{today}</span></div>\n'
        f'<header id="header"><a href="/ar/" class="logo">{ALWAHA_NAME}</a>'
        '<span class="tagline" lang="en" dir="ltr">Al-Waha Daily</span>'
        '<nav class="main-nav"><ul><li><a href="/ar/">الرئيسية</a></li>'
        '<li><a href="/ar/latest/">آخر الأخبار</a></li></ul></nav></header>\n'
        f"{menu}\n"
    )


def _ar_bottom(ctx: Ctx, *, legacy: bool = False) -> str:
    _, _, js = _pad(ctx)
    year = D.hijri_year(D.local(ctx.now, RIYADH))
    shown = str(year) if legacy else D.arabic_digits(str(year))
    return (
        '<footer id="footer"><ul class="footer-links"><li><a href="/ar/">من نحن</a></li>'
        '<li><a href="/ar/">اتصل بنا</a></li><li><a href="/sitemap.xml">خريطة الموقع</a></li></ul>'
        f"<p>جميع الحقوق محفوظة © {ALWAHA_NAME} {shown}هـ</p></footer>\n"
        "<script>var wh={ed:'sa'};</script>\n"
        f"{js}\n</body>\n</html>\n"
    )


def alwaha_article(a: ArticleView) -> str:
    """An Al-Waha article: Hijri plus Gregorian date, 12-hour time, body in div#article-content."""
    s = a.story
    legacy = a.template == "legacy-cp1256"
    indic = not legacy
    stamp = ""
    if s.published:
        wall = D.local(s.published, RIYADH)
        stamp = (
            f'<span class="post-date">{D.hijri_date(wall, indic=indic)} - الموافق '
            f"{D.arabic_gregorian_date(wall, indic=indic)}</span> "
            f'<span class="post-time">{D.arabic_time(wall, indic=indic)}</span>'
        )
    author = (
        f'<span class="author">بقلم: {"، ".join(e(n) for n in s.authors)}</span> '
        if s.authors
        else ""
    )
    head = (
        f'<meta name="description" content="{attr(s.summary)}">\n'
        f'<meta property="og:title" content="{attr(s.title)}">\n'
        f'<meta property="og:url" content="{s.url}">\n'
        f'<meta property="og:image" content="{a.ctx.base}/ar/images/{a.image}.jpg">\n'
    )
    popular = "".join(
        f'<li><a href="{t.url}">{e(t.title)}</a> <span class="ago">'
        f"{D.relative_ar(a.ctx.now - t.published, indic=indic) if t.published else ''}</span></li>"
        for t in a.recent
    )
    tags = " ".join(f'<a class="tag" href="/ar/latest/">{e(t)}</a>' for t in s.tags)
    paras = "".join(f"<p>{e(p)}</p>\n" for p in a.paragraphs)
    body = (
        f'<div class="container">\n<article class="article-page" id="article-{s.id}">\n'
        '<ol class="breadcrumb"><li><a href="/ar/">الرئيسية</a></li><li><a href="/ar/latest/">'
        f'آخر الأخبار</a></li><li class="active">{e(s.section)}</li></ol>\n'
        f'<h1 class="article-title">{e(s.title)}</h1>\n'
        f'<div class="article-meta">{author}{stamp}</div>\n'
        f'<div class="article-image"><img src="/ar/images/{a.image}.jpg" alt="{attr(a.caption)}">'
        f'<p class="caption">{e(a.caption)}</p></div>\n'
        f'<div id="article-content" class="article-content">\n{paras}</div>\n'
        f'<div class="article-tags"><span>الكلمات المفتاحية:</span> {tags}</div>\n'
        '<div class="share-box"><span>شارك:</span> <a href="https://wa.me/?text='
        f'{attr(s.url)}">واتساب</a> <a href="https://x.com/intent/tweet?url={attr(s.url)}">إكس</a></div>\n'
        f'<section class="most-read"><h3>الأكثر قراءة</h3><ul>{popular}</ul></section>\n'
        "</article>\n</div>\n"
    )
    return (
        _ar_top(a.ctx, f"{s.title} | {ALWAHA_NAME}", head, legacy=legacy)
        + body
        + _ar_bottom(a.ctx, legacy=legacy)
    )


def alwaha_listing(v: ListingView) -> str:
    """Latest-news list with Arabic relative times ("منذ ٣ ساعات")."""
    items = "".join(
        f'<div class="news-card"><h2><a href="{t.url}">{e(t.title)}</a></h2>'
        f'<p class="excerpt">{e(t.summary)}</p><span class="ago">{_ago(v.ctx, t.published, "ar")}'
        "</span></div>\n"
        for t in v.entries
    )
    body = (
        f'<div class="container"><h1 class="page-title">{e(v.heading)}</h1>\n'
        f'<div class="news-list">\n{items}</div>\n{_numbered_pager(v, "ar", "التالي ›", "‹ السابق")}'
        "</div>\n"
    )
    return _ar_top(v.ctx, f"{v.heading} | {ALWAHA_NAME}", "") + body + _ar_bottom(v.ctx)


# ---------------------------------------------------------------- broken layout (redesign)


def redesigned_article(a: ArticleView, lang: str) -> str:
    """A redesign the registry's selectors do not know: no h1, no <p>, no structured data."""
    s = a.story
    direction = "rtl" if lang in ("fa", "ar") else "ltr"
    copy = "".join(f'<div class="rd-para">{e(p)}</div>\n' for p in a.paragraphs)
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}" dir="{direction}">\n<head><meta charset="utf-8">'
        f'<title>{e(s.title)}</title></head>\n<body class="rd-2027">\n'
        f'<div class="rd-shell"><div class="rd-hd"><span class="rd-title-text">{e(s.title)}</span>'
        f'</div>\n<section class="rd-copy">\n{copy}</section></div>\n</body>\n</html>\n'
    )


def error_page(status: int) -> str:
    """Bare error page a misbehaving origin would send."""
    return (
        f"<!DOCTYPE html>\n<html><head><title>{status} Error</title></head><body>"
        f"<h1>{status}</h1><p>The server could not complete your request.</p></body></html>\n"
    )


def slugify(text: str) -> str:
    """Lower-case words joined by hyphens; every non-alphanumeric character separates words."""
    return "-".join(_NON_WORD.split(text.lower())).strip("-")


_NON_WORD = re.compile(r"[\W_]+")

"""``wirecrawl export``: JSON lines and CSV with every field, Atom and RSS feeds a strict parser takes."""

import csv
import io
import json
from datetime import UTC, datetime, timedelta

import feedparser
import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from wirecrawl import feeds, store
from wirecrawl.cli import cli
from wirecrawl.items import Story

NOW = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)
ATOM = "{http://www.w3.org/2005/Atom}"


def story(n: int, **fields) -> Story:
    url = f"https://meridian.example/news/{n}"
    values = {
        "source": "meridian",
        "url": url,
        "canonical_url": url,
        "fetched_at": NOW,
        "published_at": NOW - timedelta(hours=n),
        "title": f"Story {n} about the reservoir",
        "body": f"First paragraph of story {n}.\n\nSecond paragraph.",
        "authors": ["Ana Ruiz"],
        "tags": ["water"],
        "publisher": "Meridian Press Agency",
        "evidence": {"title": "og:title"},
        "content_hash": f"hash-{n}",
    }
    values.update(fields)
    return Story(**values)


@pytest.fixture
def db_path(tmp_path):
    path = tmp_path / "e.db"
    db = store.open_db(path)
    store.write_stories(
        db,
        [
            story(1, aliases=["https://meridian.example/news/1?utm_source=x"]),
            story(
                2,
                source="globalwire",
                url="https://globalwire.example/2",
                canonical_url="https://globalwire.example/2",
                publisher="Global Wire Digest",
                title='Copy: <script>alert("x")</script> & "quotes"',
                body="Control \x00\x0b chars and \ufffe, then the reservoir text.",
                lead_image="javascript:alert(1)",
            ),
            story(
                3,
                source="sahar",
                url="https://sahar.example/fa/3",
                canonical_url="https://sahar.example/fa/3",
                title="گزارش سد كرج",
                body="متن فارسی با ۱۴۰۲",
                authors=[],
                publisher="Sahar News",
                original_source="Meridian Press Agency",
                original_url="ftp://meridian.example/original",
                published_at=None,
                fetched_at=NOW - timedelta(hours=5),
            ),
        ],
    )
    with store.transaction(db) as conn:  # story 2 is a copy of story 1
        conn.execute("UPDATE stories SET cluster_id = 1, is_original = 0 WHERE id = 2")
        conn.execute("DELETE FROM clusters WHERE id = 2")
        conn.execute("UPDATE clusters SET size = 2 WHERE id = 1")
    db.conn.close()
    return path


def export(db_path, *args: str, code: int = 0):
    result = CliRunner().invoke(
        cli, ["export", "--db", str(db_path), *args], catch_exceptions=False
    )
    assert result.exit_code == code, result.output
    return result.output


def test_jsonl_has_every_stored_field(db_path):
    rows = [json.loads(line) for line in export(db_path).splitlines()]
    with store.opened(db_path, readonly=True) as db:
        columns = store.story_columns(db)
    assert [r["id"] for r in rows] == [1, 2, 3]  # newest first; 3 is undated (fetch time)
    for row in rows:
        assert set(row) == {*columns, "aliases"}
        assert isinstance(row["is_original"], bool)
        assert isinstance(row["authors"], list) and isinstance(row["evidence"], dict)
    first = rows[0]
    assert first["aliases"] == ["https://meridian.example/news/1?utm_source=x"]
    assert first["first_seen"] == first["last_seen"] == "2026-11-28T12:00:00+00:00"
    assert (first["cluster_id"], first["is_original"]) == (1, True)
    assert (rows[1]["cluster_id"], rows[1]["is_original"]) == (1, False)
    assert rows[1]["title"] == 'Copy: <script>alert("x")</script> & "quotes"'
    assert rows[2]["title"] == "گزارش سد كرج"


def test_csv_writes_lists_and_objects_as_json(db_path):
    rows = list(csv.DictReader(io.StringIO(export(db_path, "--format", "csv"))))
    assert len(rows) == 3
    assert json.loads(rows[0]["authors"]) == ["Ana Ruiz"]
    assert json.loads(rows[0]["evidence"]) == {"title": "og:title"}
    assert json.loads(rows[0]["aliases"]) == ["https://meridian.example/news/1?utm_source=x"]
    assert rows[0]["is_original"] == "true" and rows[1]["is_original"] == "false"
    assert rows[2]["published_at"] == ""


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--unique"], [1, 3]),
        (["--source", "sahar"], [3]),
        (["--query", "reservoir"], [1, 2]),
        (["--query", "کرج"], [3]),
        (["--query", "reservoir OR سد", "--raw"], [1, 2, 3]),
        (["--since", "2026-11-28T10:30:00+00:00"], [1]),
        (["--until", "2026-11-28T10:30:00+00:00"], [2]),
        (["--limit", "1"], [1]),
    ],
)
def test_export_filters(db_path, args, expected):
    assert [json.loads(x)["id"] for x in export(db_path, *args).splitlines()] == expected


def test_unique_adds_outlets_and_copies(db_path):
    first = json.loads(export(db_path, "--unique").splitlines()[0])
    assert (first["id"], first["outlets"], first["copies"]) == (1, 2, 2)


def test_output_file_and_bad_query(db_path, tmp_path):
    out = tmp_path / "stories.jsonl"
    result = CliRunner().invoke(cli, ["export", "--db", str(db_path), "-o", str(out)])
    assert result.exit_code == 0 and "Wrote 3 stories" in result.output
    assert len(out.read_text(encoding="utf-8").splitlines()) == 3
    bad = tmp_path / "bad.atom"
    output = export(db_path, "-f", "atom", "--query", "(", "--raw", "-o", str(bad), code=2)
    assert "bad query" in output and not bad.exists()
    assert not list(tmp_path.glob(".*partial"))


# --- feeds --------------------------------------------------------------------------------------


def parse_strictly(data: bytes):
    """Well-formed XML (lxml, no recovery) that feedparser reads without complaint."""
    root = etree.fromstring(data, etree.XMLParser(recover=False, resolve_entities=False))
    parsed = feedparser.parse(data)
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    return root, parsed


def assert_rfc4287(root) -> None:
    """The elements RFC 4287 requires: feed and entries with one id, title and updated each,
    and an author on every entry unless the feed has one."""
    assert root.tag == f"{ATOM}feed"
    for name in ("id", "title", "updated"):
        assert len(root.findall(f"{ATOM}{name}")) == 1, name
    feed_author = root.find(f"{ATOM}author/{ATOM}name") is not None
    for entry in root.findall(f"{ATOM}entry"):
        for name in ("id", "title", "updated"):
            assert len(entry.findall(f"{ATOM}{name}")) == 1, name
        assert feed_author or entry.find(f"{ATOM}author/{ATOM}name") is not None
        for moment in entry.iter(f"{ATOM}updated", f"{ATOM}published"):
            datetime.fromisoformat(moment.text.replace("Z", "+00:00"))
        for link in entry.iter(f"{ATOM}link"):
            assert link.get("href").startswith(("http://", "https://"))


def test_atom_feed(db_path):
    data = export(db_path, "--format", "atom").encode()
    root, parsed = parse_strictly(data)
    assert_rfc4287(root)
    assert [e.id for e in parsed.entries] == [
        "https://meridian.example/news/1",
        "https://globalwire.example/2",
        "https://sahar.example/fa/3",
    ]
    copy = parsed.entries[1]
    assert copy.title == 'Copy: <script>alert("x")</script> & "quotes"'
    assert copy.link == "https://globalwire.example/2"
    # the copy names the original outlet of its cluster, with the original's link
    assert copy.source.title == "Meridian Press Agency"
    assert copy.source.link == "https://meridian.example/news/1"
    assert "\x00" not in copy.content[0].value and "reservoir" in copy.content[0].value
    credited = parsed.entries[2]
    assert credited.source.title == "Meridian Press Agency"  # credited outlet named
    assert credited.source.link == "https://sahar.example/fa/3"  # its ftp link dropped
    assert credited.title == "گزارش سد كرج" and credited.author == "Sahar News"
    again = feedparser.parse(export(db_path, "--format", "atom").encode())
    assert [e.id for e in again.entries] == [e.id for e in parsed.entries]
    assert parsed.feed.id == again.feed.id


def test_rss_feed(db_path):
    root, parsed = parse_strictly(export(db_path, "--format", "rss", "--unique").encode())
    assert root.tag == "rss" and root.get("version") == "2.0"
    channel = root.find("channel")
    for name in ("title", "link", "description"):
        assert channel.find(name) is not None
    items = root.findall("channel/item")
    assert [i.findtext("guid") for i in items] == [
        "https://meridian.example/news/1",
        "https://sahar.example/fa/3",
    ]
    source = items[0].find("source")
    assert source.text == "Meridian Press Agency"
    assert source.get("url") == "https://meridian.example/news/1"
    assert parsed.entries[0].author == "Ana Ruiz"  # dc:creator
    assert items[1].find("pubDate") is not None  # undated story: its fetch time


def test_feed_title_and_link_options(db_path):
    data = export(db_path, "-f", "atom", "--title", "Water & power", "--link", "https://x.example/")
    root, parsed = parse_strictly(data.encode())
    assert parsed.feed.title == "Water & power" and parsed.feed.link == "https://x.example/"
    data = export(db_path, "-f", "rss", "--link", "javascript:void(0)")
    root, _ = parse_strictly(data.encode())
    assert root.findtext("channel/link") == feeds.DEFAULT_LINK


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("https://a.example/x?y=1", "https://a.example/x?y=1"),
        ("http://127.0.0.1:8001/", "http://127.0.0.1:8001/"),
        ("javascript:alert(1)", None),
        ("ftp://a.example/", None),
        ("data:text/html,x", None),
        ("https://a.example/with space", None),
        ("https://a.example/\x00", None),
        ("//a.example/x", None),
        ("https://", None),
        (None, None),
    ],
)
def test_http_url(value, expected):
    assert feeds.http_url(value) == expected


TEXT = st.text(st.characters(codec="utf-8"), max_size=80)


@settings(max_examples=60, deadline=None)
@given(
    title=TEXT,
    body=TEXT,
    authors=st.lists(TEXT, max_size=3),
    tags=st.lists(TEXT, max_size=3),
    url=st.one_of(st.just("https://a.example/1"), TEXT),
)
def test_any_text_makes_valid_feeds(title, body, authors, tags, url):
    row = {
        "id": 1,
        "title": title,
        "body": body,
        "authors": authors,
        "tags": tags,
        "section": title,
        "canonical_url": url,
        "publisher": body,
        "published_at": "2026-11-28T12:00:00+00:00",
        "fetched_at": "2026-11-28T12:00:00+00:00",
    }
    info = feeds.FeedInfo(title=title or "t", feed_id="tag:wirecrawl.invalid,2025:t", updated=NOW)
    for writer in (feeds.write_atom, feeds.write_rss):
        out = io.BytesIO()
        assert writer([row], out, info) == 1
        root, parsed = parse_strictly(out.getvalue())
        assert len(parsed.entries) == 1
        if writer is feeds.write_atom:
            assert_rfc4287(root)
            shown = root.findtext(f"{ATOM}entry/{ATOM}title")
        else:
            shown = root.findtext("channel/item/title")
        assert shown == (feeds.xml_text(title).strip() or "(untitled)")

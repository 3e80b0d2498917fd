"""Full-text search (folding, queries, snippets, sync with writes) and the read commands."""

import contextlib
import io
import json
import sqlite3
from datetime import UTC, datetime, timedelta

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wirecrawl import store
from wirecrawl.cli import cli
from wirecrawl.cli.output import emit
from wirecrawl.items import Story

NOW = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)


def story(n: int, title: str = "", body: str = "", **fields) -> Story:
    url = f"http://127.0.0.3:8451/news/world/{n}-story"
    values = {
        "source": "meridian",
        "url": url,
        "canonical_url": url,
        "fetched_at": NOW,
        "published_at": NOW - timedelta(hours=n),
        "title": title or f"Headline number {n}",
        "body": body or f"Paragraph about item {n}.",
        "content_hash": f"hash-{n}-{hash((title, body))}",
    }
    values.update(fields)
    return Story(**values)


def join_cluster(db, original: int, copies: list[int]) -> None:
    """Group stories the way deduplication does: copies take the original's cluster."""
    with store.transaction(db) as conn:
        for copy in copies:
            conn.execute(
                "UPDATE stories SET cluster_id = ?, is_original = 0 WHERE id = ?", [original, copy]
            )
            conn.execute("DELETE FROM clusters WHERE id = ?", [copy])
        conn.execute("UPDATE clusters SET size = ? WHERE id = ?", [1 + len(copies), original])


@pytest.fixture
def db(tmp_path):
    database = store.open_db(tmp_path / "q.db")
    yield database
    database.conn.close()


def ids(rows) -> list[int]:
    return [row["id"] for row in rows]


# --- folding and query building ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("كتاب", "کتاب"),  # Arabic kaf
        ("رئيس", "رئیس"),  # Arabic yeh
        ("مصطفى", "مصطفی"),  # alef maksura
        ("مدرسة", "مدرسه"),  # teh marbuta
        ("خانۀ", "خانه"),  # heh with yeh above
        ("أحمد إيران آب", "احمد ایران اب"),  # hamza and madda forms of alef
        ("كِتَابٌ", "کتاب"),  # harakat
        ("كـــتاب", "کتاب"),  # tatweel
        ("می\u200cخواهم", "می خواهم"),  # ZWNJ is a word break
        ("a\u200fb\u200ec\u200d", "abc"),  # RLM, LRM, ZWJ dropped
        ("۱۴۰۲ ٢٠٢٤", "1402 2024"),  # Persian and Arabic-Indic digits
        ("۱٬۰۰۰٫۵", "1,000.5"),  # Arabic thousands and decimal separators
        ("ﻻ", "لا"),  # presentation form
        ("Hello, World!", "Hello, World!"),  # case and punctuation kept
        ("a\x00b\x1bc\nd", "a b c\nd"),
        ("", ""),
    ],
)
def test_fold_for_search(text, folded):
    assert store.fold_for_search(text) == folded


@given(st.text())
def test_folding_is_idempotent(text):
    once = store.fold_for_search(text)
    assert store.fold_for_search(once) == once


@pytest.mark.parametrize(
    ("typed", "expression"),
    [
        ("harbour strike", '"harbour" "strike"'),
        ('say "no"', '"say" """no"""'),
        ("NEAR( a OR b", '"NEAR(" "a" "OR" "b"'),
        ("-minus col:umn", '"-minus" "col:umn"'),
        ("harb*", '"harb"*'),
        ("كتاب", '"کتاب"'),
        ("* ( ) ...", None),
        ("   ", None),
    ],
)
def test_words_are_quoted(typed, expression):
    if expression is None:
        with pytest.raises(store.BadQuery):
            store.fts_query(typed)
    else:
        assert store.fts_query(typed) == expression


# --- search ------------------------------------------------------------------------------------

PERSIAN_CASES = [
    ("كتاب جديد", "کتاب"),
    ("رئيس الجمهورية", "رئیس"),
    ("مدرسة", "مدرسه"),
    ("مصطفى", "مصطفی"),
    ("أحمد", "احمد"),
    ("خانۀ ما", "خانه"),
    ("كِتَابٌ", "کتاب"),
    ("کتاب", "كِتاب"),
    ("كـــتاب", "کتاب"),
    ("می\u200cخواهم", "می خواهم"),
    ("می\u200cخواهم", "می\u200cخواهم"),
    ("سال ۱۴۰۲", "1402"),
    ("year 1402", "۱۴۰۲"),
    ("عام ٢٠٢٤", "2024"),
    ("café", "cafe"),
]


@pytest.mark.parametrize(("stored", "query"), PERSIAN_CASES)
def test_persian_and_arabic_variants_are_found(db, stored, query):
    store.write_stories(
        db,
        [story(1, body=f"مقدمه {stored} پایان"), story(2, title="Unrelated", body="Nothing here.")],
    )
    assert ids(store.search_stories(db, query)) == [1]


def test_a_different_word_is_not_found(db):
    store.write_stories(db, [story(1, body="کتاب")])
    assert store.search_stories(db, "کتب") == []


def test_snippet_shows_original_text_with_the_match_marked(db):
    body = "خبرگزاری گزارش داد که در سال ۱۴۰۲ قیمت‌ها افزایش یافت. " * 2 + "پایان " * 60
    store.write_stories(db, [story(1, title="گزارش اقتصادي", body=body)])
    [hit] = store.search_stories(db, "1402")
    assert "**۱۴۰۲**" in hit["snippet"]
    assert "قیمت\u200cها" in hit["snippet"]  # the page's own ZWNJ survives
    assert hit["snippet"].endswith("…")
    [hit] = store.search_stories(db, "اقتصادی")
    assert hit["title_marked"] == "گزارش **اقتصادي**"  # the stored Arabic yeh, not the query's


def test_snippet_keeps_diacritics_and_marks_the_whole_word(db):
    store.write_stories(db, [story(1, body="قرأ الطالبُ كِتَابَهُ الجديد")])
    assert store.search_stories(db, "کتابه")[0]["snippet"] == "قرأ الطالبُ **كِتَابَهُ** الجديد"


@pytest.mark.parametrize(
    ("original", "marked", "expected"),
    [
        ("Plain text here", "Plain \x02text\x03 here", "Plain **text** here"),
        ("x " * 3 + "word y", "\x04x \x02word\x03 y", "…x **word** y"),
        ("كِتَابٌ جديد", "\x02کتاب\x03 جدید", "**كِتَابٌ** جديد"),
        ("سال ۱۴۰۲ بود", "سال \x021402\x03\x04", "سال **۱۴۰۲**…"),
        ("stale", "\x02other\x03", "**other**"),  # not found in the text: folded fragment
        (None, "x", ""),
    ],
)
def test_restore_snippet(original, marked, expected):
    assert store.restore_snippet(original, marked) == expected


def test_title_matches_rank_above_body_matches(db):
    store.write_stories(
        db,
        [
            story(1, title="Weather report", body="The ferry strike continues; strike talks fail."),
            story(2, title="Ferry strike ends", body="Workers returned on Monday."),
            *(story(n, title="Other news", body="Nothing to see.") for n in range(3, 9)),
        ],
    )
    rows = store.search_stories(db, "strike")
    assert ids(rows) == [2, 1]
    assert rows[0]["score"] > rows[1]["score"] > 0
    assert rows[0]["title_marked"] == "Ferry **strike** ends"


def test_filters_and_prefix(db):
    store.write_stories(
        db,
        [
            story(1, body="harbour news", source="meridian", published_at=NOW - timedelta(days=3)),
            story(2, body="harbours news", source="sahar", published_at=NOW - timedelta(hours=1)),
            story(3, body="harbourmaster", source="sahar", published_at=None),
        ],
    )
    assert sorted(ids(store.search_stories(db, "harbour*"))) == [1, 2, 3]
    assert ids(store.search_stories(db, "harbour")) == [1]
    assert sorted(ids(store.search_stories(db, "harb*", source=["sahar"]))) == [2, 3]
    assert ids(store.search_stories(db, "harb*", since=NOW - timedelta(days=1))) == [2]
    assert ids(store.search_stories(db, "harb*", until=NOW - timedelta(days=1))) == [1]
    assert len(store.search_stories(db, "news", limit=1)) == 1


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("ferry OR harbour", [1, 2]),
        ('"ferry strike"', [1]),
        ("title:harbour", [2]),
        ("NEAR(ferry talks, 3)", [1]),
        ("ferry NOT talks", []),
    ],
)
def test_raw_fts5_syntax(db, query, found):
    store.write_stories(
        db,
        [
            story(1, title="Ferry strike", body="ferry strike talks"),
            story(2, title="Harbour", body="quiet day"),
        ],
    )
    assert sorted(ids(store.search_stories(db, query, raw=True))) == found


@pytest.mark.parametrize("query", ['"unbalanced', "a AND", "(", "NEAR(", "x:y", "*", "AND OR"])
def test_bad_raw_queries_raise_bad_query(db, query):
    store.write_stories(db, [story(1)])
    with pytest.raises(store.BadQuery):
        store.search_stories(db, query, raw=True)


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory):
    database = store.open_db(tmp_path_factory.mktemp("hostile") / "h.db")
    store.write_stories(
        database,
        [
            story(1, title="Ferry strike", body='A "quoted" (text) with OR and NEAR words.'),
            story(2, title="خبر فوری", body="كِتَابٌ جديد در سال ۱۴۰۲"),
        ],
    )
    yield database
    database.conn.close()


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.text(max_size=300), raw=st.booleans())
def test_any_text_searches_or_is_a_bad_query(hostile_db, text, raw):
    try:
        rows = store.search_stories(hostile_db, text, raw=raw)
    except store.BadQuery as exc:
        assert str(exc)
    else:
        assert all(isinstance(row["id"], int) for row in rows)


@pytest.mark.parametrize(
    "text",
    [
        "x" * 100_000,
        " ".join(["word"] * 5_000),
        " OR ".join(["w"] * 3_000),
        "\ud800 lone surrogate",
        "\x00\x01",
        '"' * 1001,
    ],
)
def test_very_long_and_odd_queries(hostile_db, text):
    for raw in (False, True):
        with contextlib.suppress(store.BadQuery):
            store.search_stories(hostile_db, text, raw=raw)


# --- the index follows the stories --------------------------------------------------------------


def indexed(db) -> dict[int, tuple[str, str]]:
    return {r[0]: (r[1], r[2]) for r in db.execute("SELECT rowid, title, body FROM stories_fts")}


def expected_index(db) -> dict[int, tuple[str, str]]:
    return {
        r[0]: (store.fold_for_search(r[1]), store.fold_for_search(r[2]))
        for r in db.execute("SELECT id, title, body FROM stories")
    }


def test_revision_replaces_the_indexed_text(db):
    store.write_stories(db, [story(1, title="Old headline", body="alpha words")])
    assert ids(store.search_stories(db, "alpha")) == [1]
    store.write_stories(db, [story(1, title="Old headline", body="alpha words")])  # unchanged
    assert ids(store.search_stories(db, "alpha")) == [1]
    revised = story(
        1, title="New headline", body="omega words", fetched_at=NOW + timedelta(hours=1)
    )
    assert store.write_stories(db, [revised]).updated == 1
    assert store.search_stories(db, "alpha") == []
    assert store.search_stories(db, "old") == []
    assert ids(store.search_stories(db, "omega")) == [1]
    assert ids(store.search_stories(db, "new headline")) == [1]
    assert indexed(db) == expected_index(db)


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    writes=st.lists(
        st.tuples(st.integers(1, 4), st.sampled_from(["a b", "كِتَاب", "۱۴۰۲", "x y z", ""])),
        min_size=1,
        max_size=12,
    )
)
def test_index_always_mirrors_the_stories(tmp_path_factory, writes):
    database = store.open_db(tmp_path_factory.mktemp("mirror") / "m.db")
    try:
        for n, body in writes:
            store.write_stories(database, [story(n, body=body, content_hash=f"{n}-{body}")])
        assert indexed(database) == expected_index(database)
    finally:
        database.conn.close()


def test_deleting_a_story_deletes_its_index_row(db):
    store.write_stories(db, [story(1, body="gamma"), story(2, body="gamma")])
    with store.transaction(db) as conn:
        conn.execute("DELETE FROM stories WHERE id = 1")
    assert ids(store.search_stories(db, "gamma")) == [2]
    assert set(indexed(db)) == {2}


def test_migration_3_backfills_an_older_database(db):
    store.write_stories(db, [story(1, body="كتاب قديم"), story(2, body="delta")])
    with store.transaction(db) as conn:  # back to the schema before migration 3
        for sql in (
            "DROP TABLE stories_fts",
            "DROP TRIGGER stories_fts_delete",
            "DROP INDEX idx_stories_when",
            "DROP INDEX idx_stories_source_when",
            "DROP INDEX idx_clusters_original",
            "DELETE FROM migrations WHERE number = 3",
        ):
            conn.execute(sql)
    assert not store.has_search_index(db)
    assert store.migrate(db) == [3]
    assert ids(store.search_stories(db, "کتاب")) == [1]
    assert indexed(db) == expected_index(db)
    assert store.rebuild_search_index(db) == 2
    assert indexed(db) == expected_index(db)


def test_query_indexes_are_used(db):
    plan = " ".join(
        str(r[3])
        for r in db.execute(
            "EXPLAIN QUERY PLAN SELECT id FROM stories "
            "ORDER BY coalesce(published_at, fetched_at) DESC, id DESC LIMIT 20"
        )
    )
    assert "idx_stories_when" in plan
    plan = " ".join(
        str(r[3])
        for r in db.execute("EXPLAIN QUERY PLAN SELECT id FROM clusters WHERE original_id = 1")
    )
    assert "idx_clusters_original" in plan


# --- unique stories, detail, stats ------------------------------------------------------------


@pytest.fixture
def clustered(db):
    store.write_stories(
        db,
        [
            story(1, title="Dam opens", source="meridian", publisher="Meridian Press Agency"),
            story(2, title="Dam opens (copy)", source="globalwire", published_at=NOW),
            story(3, title="Dam opens (another)", source="sahar", published_at=None),
            story(4, title="Lone story", source="sahar", aliases=["http://x.test/4?utm=1"]),
        ],
    )
    join_cluster(db, 1, [2, 3])
    revised = story(4, title="Lone story, revised", fetched_at=NOW + timedelta(hours=1))
    revised.aliases = ["http://x.test/4?utm=1"]
    store.write_stories(db, [revised])
    return db


def test_unique_gives_one_story_per_cluster(clustered):
    rows = list(store.export_stories(clustered, unique=True))
    assert ids(rows) == [1, 4]  # story 4 was published 4h ago, story 1 1h ago
    first = rows[0]
    assert (first["outlets"], first["copies"], first["is_original"]) == (3, 3, True)
    only_sahar = list(store.export_stories(clustered, unique=True, source=["sahar"]))
    assert ids(only_sahar) == [3, 4]  # the original is filtered out: its earliest sahar copy


def test_story_detail(clustered):
    detail = store.story_detail(clustered, 2)
    assert detail["title"] == "Dam opens (copy)" and detail["is_original"] is False
    assert [(m["id"], m["is_original"], m["this"]) for m in detail["cluster"]] == [
        (1, True, False),
        (2, False, True),
        (3, False, False),
    ]
    lone = store.story_detail(clustered, 4)
    assert lone["revisions"] == 1 and lone["aliases"] == ["http://x.test/4?utm=1"]
    assert [m["id"] for m in lone["cluster"]] == [4]
    assert store.story_detail(clustered, 99) is None


def test_stats(clustered):
    by_source = {r["source"]: r for r in store.story_stats(clustered, ["source"])}
    assert by_source["sahar"]["stories"] == 2 and by_source["sahar"]["dated"] == 1
    assert by_source["sahar"]["coverage"] == 0.5
    [total] = store.story_stats(clustered, [])
    assert (total["stories"], total["clusters"], total["duplicates"]) == (4, 2, 2)
    days = store.story_stats(clustered, ["day", "source"])
    assert {(r["day"], r["source"]) for r in days} >= {("2026-11-28", "globalwire")}
    assert sum(r["stories"] for r in days) == 4


# --- the commands ------------------------------------------------------------------------------


def run(*args: str):
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert "Traceback" not in result.output
    return result


def test_search_command_formats(clustered, tmp_path):
    path = str(tmp_path / "q.db")
    table = run("search", "dam", "--db", path)
    assert table.exit_code == 0 and "Dam opens" in table.output
    rows = json.loads(run("search", "dam", "--db", path, "--json").output)
    assert {r["id"] for r in rows} == {1, 2, 3}
    assert [r["score"] for r in rows] == sorted((r["score"] for r in rows), reverse=True)
    assert set(rows[0]) >= {"id", "score", "title", "snippet", "canonical_url"}
    lines = run("search", "dam", "--db", path, "--nl", "--source", "sahar").output.splitlines()
    assert [json.loads(x)["id"] for x in lines] == [3]
    csv_out = run("search", "dam", "--db", path, "--csv", "--limit", "1").output.splitlines()
    assert csv_out[0].startswith("id,score,source") and len(csv_out) == 2


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["* ( )"], "bad query: nothing to search for"),
        (["", "--raw"], "bad query: the query is empty"),
        (['"open', "--raw"], "bad query: unterminated string"),
        (["a AND", "--raw"], "--raw"),
        (["x:y", "--raw"], "bad query: no such column"),
    ],
)
def test_search_command_bad_query_exits_2(clustered, tmp_path, args, message):
    result = run("search", *args, "--db", str(tmp_path / "q.db"))
    assert result.exit_code == 2
    assert message in result.output


@pytest.mark.parametrize("text", ['"', "NEAR(", "OR", "-", ":", "((", "a" * 5000, "AND AND"])
def test_search_command_takes_any_text(clustered, tmp_path, text):
    result = run("search", text, "--db", str(tmp_path / "q.db"))
    assert result.exit_code in (0, 2), result.output


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.text(max_size=60), raw=st.booleans())
def test_search_command_never_raises(hostile_db, text, raw):
    path = hostile_db.execute("PRAGMA database_list").fetchone()[2]
    args = ["search", "--db", path, *(["--raw"] if raw else []), "--json", "--", text]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code in (0, 2), result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    if result.exit_code == 2:
        assert "bad query: " in result.output


@pytest.mark.parametrize(
    "command",
    ["search", "show", "stats", "export", "stories", "backup", "prune", "vacuum", "serve"],
)
def test_every_command_has_help_with_an_example(command):
    result = CliRunner().invoke(cli, [command, "--help"])
    assert result.exit_code == 0 and "Example: wirecrawl " + command in result.output
    assert "--db" in result.output


def test_search_command_needs_the_index(db, tmp_path):
    db.execute("DROP TABLE stories_fts")
    result = run("search", "x", "--db", str(tmp_path / "q.db"))
    assert result.exit_code == 1 and "wirecrawl vacuum" in result.output


def test_stories_unique_command(clustered, tmp_path):
    path = str(tmp_path / "q.db")
    rows = json.loads(run("stories", "--unique", "--db", path, "--json").output)
    assert [(r["id"], r["outlets"], r["copies"]) for r in rows] == [(1, 3, 3), (4, 1, 1)]
    assert "outlets" in run("stories", "--unique", "--db", path).output
    assert len(json.loads(run("stories", "--db", path, "--json").output)) == 4


def test_show_command(clustered, tmp_path):
    path = str(tmp_path / "q.db")
    detail = json.loads(run("show", "3", "--db", path, "--json").output)
    assert detail["id"] == 3 and detail["cluster_id"] == 1 and detail["is_original"] is False
    assert detail["cluster"][0]["canonical_url"].endswith("/1-story")
    table = run("show", "3", "--db", path).output
    assert "original" in table and "3 (this)" in table and "Cluster 1: 3 stories" in table
    assert json.loads(run("show", "4", "--db", path, "--nl").output)["revisions"] == 1
    assert run("show", "4", "--db", path, "--csv").output.startswith("id,source")
    missing = run("show", "99", "--db", path)
    assert missing.exit_code == 1 and "no story with id 99" in missing.output


def test_stats_command(clustered, tmp_path):
    path = str(tmp_path / "q.db")
    table = run("stats", "--db", path).output
    assert "(all)" in table and "50.0%" in table
    rows = json.loads(run("stats", "--by", "source-day", "--db", path, "--json").output)
    assert {"day", "source", "stories", "clusters", "coverage"} <= set(rows[0])
    nl = run("stats", "--by", "day", "--db", path, "--nl", "--since", "2026-11-28").output
    assert [json.loads(x)["day"] for x in nl.splitlines()] == ["2026-11-28"]


def test_read_commands_refuse_a_missing_database(tmp_path):
    for command in (["search", "x"], ["show", "1"], ["stats"], ["export"]):
        result = run(*command, "--db", str(tmp_path / "none.db"))
        assert result.exit_code == 1 and "no database at" in result.output


def test_read_only_open_cannot_write(clustered, tmp_path):
    with (
        store.opened(tmp_path / "q.db", readonly=True) as reader,
        pytest.raises(sqlite3.OperationalError, match="readonly"),
    ):
        reader.execute("DELETE FROM stories")


# --- output helpers ------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["json", "nl", "csv", "table"])
def test_emit_streams_every_format_and_never_reads_markup(fmt):
    rows = [
        {"id": 1, "title": "[/bold] [Video] **match** here", "tags": ["a"], "ok": True},
        {"id": 2, "title": None, "tags": [], "ok": False},
    ]
    out = io.StringIO()
    assert emit(iter(rows), ["id", "title", "tags", "ok"], fmt, out=out, highlight=["title"]) == 2
    text = out.getvalue()
    if fmt == "json":
        assert json.loads(text) == rows
    elif fmt == "nl":
        assert [json.loads(x) for x in text.splitlines()] == rows
    elif fmt == "csv":
        assert text.splitlines()[1:] == [
            '1,[/bold] [Video] **match** here,"[""a""]",true',
            "2,,[],false",
        ]
    else:
        assert "[/bold] [Video] match here" in text

"""Clusters in storage: exact, near and credited duplicates linked in the write transaction."""

from datetime import UTC, datetime, timedelta

import pytest

from wirecrawl import store
from wirecrawl.dedup import DedupConfig, NearDupIndex, content_hash
from wirecrawl.items import Story

NOW = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)

ORIGINAL = [
    "The harbour authority of Dunmere said on Thursday that the old swing bridge will reopen "
    "to traffic next spring after two years of repairs to its rusted central span.",
    "Engineers replaced more than four hundred rivets and the whole deck, and divers checked "
    "every pier below the waterline, the authority said in a statement.",
    "Local traders, who say the closure cost them a third of their trade, welcomed the news but "
    "asked for a firm date before the summer season begins.",
]
UNRELATED = [
    "The regional orchestra of Kestria will tour six coastal towns this winter, playing a new "
    "symphony written by a local composer about the fishing fleet.",
    "Tickets go on sale next week and school groups will be admitted free of charge at the "
    "afternoon concerts, the orchestra's director said.",
]


def story(n, source, paragraphs, **fields):
    body = "\n\n".join(paragraphs)
    values = {
        "source": source,
        "url": f"http://{source}.example/news/{n}",
        "canonical_url": f"http://{source}.example/news/{n}",
        "fetched_at": NOW,
        "title": f"Story {n}",
        "body": body,
        "content_hash": content_hash(body),
        "publisher": source.title(),
    }
    values.update(fields)
    return Story(**values)


@pytest.fixture
def path(tmp_path):
    return tmp_path / "c.db"


def write(path, *stories):
    db = store.open_db(path)
    try:
        return store.write_stories(db, list(stories), dedup=NearDupIndex(db, DedupConfig()))
    finally:
        db.conn.close()


def clusters(path):
    db = store.open_db(path)
    try:
        return {
            r["id"]: (r["cluster_id"], r["is_original"])
            for r in db.query("SELECT id, cluster_id, is_original FROM stories")
        }
    finally:
        db.conn.close()


def test_a_story_alone_is_its_own_original_cluster(path):
    write(path, story(1, "agency", ORIGINAL))
    assert clusters(path) == {1: (1, 1)}


def test_exact_copy_joins_and_the_earliest_is_original(path):
    write(path, story(1, "agency", ORIGINAL, published_at=NOW - timedelta(hours=5)))
    result = write(path, story(2, "wire", ORIGINAL, title="New headline", published_at=NOW))
    assert result.linked == {"exact": 1}
    assert clusters(path) == {1: (1, 1), 2: (1, 0)}


def test_light_edit_is_a_near_duplicate_and_unrelated_stays_apart(path):
    edited = [
        ORIGINAL[0].replace("Thursday", "Friday"),
        ORIGINAL[1],
        "Global Wire Digest republishes this content from partner agencies.",
    ]
    write(path, story(1, "agency", ORIGINAL), story(3, "other", UNRELATED))
    result = write(path, story(2, "wire", edited))
    assert result.linked == {"near": 1}
    # ids are given in insertion order: the unrelated story is 2, the edited copy 3
    assert clusters(path) == {1: (1, 1), 2: (2, 1), 3: (1, 0)}


def test_a_near_copy_written_in_the_same_batch_as_its_original_joins_it(path):
    edited = [ORIGINAL[0].replace("Thursday", "Friday"), ORIGINAL[1]]
    result = write(path, story(1, "agency", ORIGINAL), story(2, "wire", edited))
    assert result.linked == {"near": 1}  # the original's buckets were not written yet
    assert clusters(path) == {1: (1, 1), 2: (1, 0)}


def test_credit_line_links_even_when_texts_differ_and_names_the_original(path):
    write(path, story(1, "agency", ORIGINAL, published_at=NOW))
    # a translation: nothing in common with the text, but it credits the agency's URL
    copy = story(
        2,
        "sahar",
        UNRELATED,
        original_url="http://agency.example/news/1?utm_source=x",
        published_at=NOW - timedelta(hours=1),
    )
    assert write(path, copy).linked == {"credit": 1}
    # the agency is the original although the copy is dated earlier: attribution wins
    assert clusters(path) == {1: (1, 1), 2: (1, 0)}


def test_copy_stored_before_its_original_is_linked_when_the_original_arrives(path):
    copy = story(5, "sahar", UNRELATED, original_url="http://agency.example/news/9")
    write(path, copy)
    assert write(path, story(9, "agency", ORIGINAL)).linked == {"credited-by": 1}
    assert clusters(path) == {1: (1, 0), 2: (1, 1)}  # cluster 1 (older) survives


def test_merging_two_clusters_keeps_the_older_id(path):
    write(path, story(1, "agency", ORIGINAL))
    write(path, story(2, "other", UNRELATED))
    assert clusters(path)[2] == (2, 1)
    # a copy of the first story whose credit line names the second joins both clusters
    bridge = story(3, "wire", ORIGINAL, original_url="http://other.example/news/2")
    assert write(path, bridge).linked == {"credit": 1, "exact": 1}
    ids = clusters(path)
    assert {cluster for cluster, _ in ids.values()} == {1}
    assert sum(original for _, original in ids.values()) == 1


def test_clusters_across_runs_and_a_restart(path):
    """The index lives in the file: a story crawled today matches one stored last week."""
    write(path, story(1, "agency", ORIGINAL, fetched_at=NOW - timedelta(days=7)))
    # a new process: fresh connection, fresh index object
    later = story(2, "wire", [ORIGINAL[1], ORIGINAL[0], ORIGINAL[2]], fetched_at=NOW)
    assert write(path, later).linked == {"near": 1}
    assert clusters(path)[2] == (1, 0)


def test_unchanged_recrawl_links_nothing_new(path):
    write(path, story(1, "agency", ORIGINAL), story(2, "wire", ORIGINAL))
    again = write(path, story(1, "agency", ORIGINAL), story(2, "wire", ORIGINAL))
    assert again.unchanged == 2 and again.linked == {}
    db = store.open_db(path)
    assert db.execute("SELECT count(*) FROM clusters").fetchone()[0] == 1
    assert db.execute("SELECT size FROM clusters").fetchone()[0] == 2


def test_sample_world_clusters_exactly_the_republished_stories(path):
    """The default threshold on the sample sites' world: every copy with its original (by text
    or credit line), and distinct stories written from the same templates kept apart."""
    from wirecrawl.samples.world import World

    world = World(stories=40, now=NOW)
    truth = world.truth()
    stories = [
        Story(
            source=t.site,
            url=t.url,
            canonical_url=t.url,
            fetched_at=NOW,
            title=t.title,
            body="\n\n".join(t.paragraphs),
            content_hash=content_hash("\n\n".join(t.paragraphs)),
            original_url=t.original_url,
            published_at=t.published_at,
        )
        for t in truth
    ]
    write(path, *stories)
    db = store.open_db(path)
    cluster_of = {
        r["url"]: r["cluster_id"] for r in db.query("SELECT url, cluster_id FROM stories")
    }
    by_url = {t.url: t for t in truth}
    for t in truth:
        root = t.original_url if t.original_url in by_url else t.url
        expected = {u for u, s in by_url.items() if u == root or s.original_url == root}
        got = {u for u, c in cluster_of.items() if c == cluster_of[t.url]}
        assert got == expected, t.url

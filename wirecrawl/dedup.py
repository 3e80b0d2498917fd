"""Text fingerprints: exact duplicates by content hash, near duplicates by MinHash with LSH.

Exact duplicates: ``content_hash`` hashes ``normalise_text``, so copies that differ only in
spacing, punctuation, digit script or Arabic/Persian letter forms hash the same.

Near duplicates: 3-word shingles of the normalised text (shingles made only of very common words
left out), a 192-value MinHash signature, and LSH banding (64 bands of 3 rows) kept in SQLite
tables of our own (``dedup_`` prefix, created by ``ensure_schema``), so a story crawled today is
found against one stored last week, after a restart too. Candidates from the buckets are verified
on their full signatures.

Why a small numpy MinHash rather than ``datasketch`` (measured by ``benchmarks/bench_dedup.py``
on 480-word stories, same shingles and signature size, three runs): datasketch costs 1.3-1.5x ours
with permutations shared between objects (920 against 690 us a story on a busy machine) and
1.6-2.5x when each MinHash builds its own, because it hashes every shingle with sha1 in a Python
loop. Here every shingle hash comes from one vectorised polynomial hash over the UTF-8 bytes,
and the permutations are the multiply-shift family ``(a*x + b) mod 2**64 >> 32`` (the affine ``a*x + b mod p`` family with the modulus done by
integer overflow, 2.5x cheaper in numpy than an explicit ``% p``), whose constants are computed
once at import. The constants come from a fixed splitmix64 sequence, not from numpy's generators
or datasketch's defaults (which changed in datasketch 2.0), so signatures stored today stay
comparable after an upgrade; ``SCHEME`` is recorded in the database and checked.

Why these defaults (``DedupConfig``), from ``benchmarks/syndication.py`` and ``bench_dedup``:
with 5-20% of the words changed and paragraphs cut, a copy keeps a Jaccard similarity of 3-word
shingles of only 0.25-0.5 with its original, while unrelated stories on the same topic reach
0.15-0.2. Three rows per band keeps unrelated stories out of each other's buckets, so signing and
querying a story costs 1.3-1.5x as much with 100,000 stories stored as with 1,000; two rows, or 2-word shingles,
recall a little more but make the query 6-11x dearer at 100,000. 64 bands of 3 find a pair at
Jaccard 0.3 with probability 0.83 and at 0.45 with 0.998.

The default threshold, 0.35, is set by the sample sites' own world (``World(stories=500)``, two
million pairs): republished copies there score 0.53 and up, while distinct stories written from
the same templates reach 0.37. At 0.22 (the best threshold for the synthetic corpus alone:
precision 1.000, recall 0.971) they chained 1,700 unrelated stories into one cluster in a
20,000-page benchmark crawl; at 0.35 the sample world clusters with pair precision and recall
1.0, and the synthetic corpus, whose copies have up to 20% of their words changed, keeps
precision 1.000 at recall 0.81. Wrong clusters cost users more than a missed link; a credit line
naming the original links a copy whatever its similarity.
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from wirecrawl.urls import canonical_or_none

if TYPE_CHECKING:
    import sqlite_utils

#: Arabic-script letter variants folded to the Persian form, applied after NFKD (so hamza and
#: madda are already split off the letters that carry them and then dropped as marks).
LETTER_FOLDS: dict[str, str] = {
    "ي": "ی",  # Arabic yeh
    "ى": "ی",  # alef maksura, written for final yeh
    "ك": "ک",  # Arabic kaf
    "ة": "ه",  # teh marbuta
    "ە": "ه",  # ae: NFKD of heh with yeh above (ۀ) leaves it
    "ۀ": "ه",
    "ٱ": "ا",  # alef wasla
}

# The separator class comes first so the regex engine jumps from candidate to candidate; a
# lookbehind first made it try every position of the text (21 against 6 us on 900 characters).
_DIGIT_GROUP = re.compile(r"[,'’٬](?<=\d[,'’٬])(?=\d)")


class _FoldTable(dict[int, str | None]):
    """``str.translate`` table filled lazily per code point: folds, digits, deletions, spaces."""

    def __missing__(self, code: int) -> str | None:
        char = chr(code)
        category = unicodedata.category(char)
        result: str | None
        if char in LETTER_FOLDS:
            result = LETTER_FOLDS[char]
        elif category == "Nd":
            result = str(unicodedata.decimal(char))
        elif category in ("Mn", "Me", "Cf") or char == "\u0640":
            result = None  # marks (harakat, accents), format controls (ZWNJ, RLM, LRM), tatweel
        elif category[0] in "PSZ" or category == "Cc":
            result = " "
        else:
            result = char
        self[code] = result
        return result


_FOLD = _FoldTable()


@lru_cache(maxsize=64)  # a story's body is normalised for its content hash, then its shingles
def normalise_text(text: str) -> str:
    """Text reduced for hashing: NFKC, case-fold, letter variants, no marks, ASCII digits, no punct.

    Digit group separators between digits (``1,000``, ``۱٬۰۰۰``) are dropped, so the number
    hashes the same with or without them. Idempotent.
    """
    text = unicodedata.normalize("NFKC", text).casefold()
    text = _DIGIT_GROUP.sub("", unicodedata.normalize("NFKD", text))
    return " ".join(text.translate(_FOLD).split())


def content_hash(text: str) -> str:
    """Hex BLAKE2b (160 bits) of ``normalise_text(text)``: equal for exact duplicates."""
    return hashlib.blake2b(normalise_text(text).encode("utf-8"), digest_size=20).hexdigest()


# ---------------------------------------------------------------- MinHash signatures

Signature = npt.NDArray[np.uint32]
"""A MinHash signature: ``num_perm`` unsigned 32-bit minima."""

#: Bumped whenever the shingle hash or the permutations change; stored in ``dedup_meta``.
SCHEME = "wirecrawl-minhash-2"

_U64 = np.uint64
_MASK64 = (1 << 64) - 1
_BASE = 0x100000001B3  # odd, so it has an inverse modulo 2**64
_BASE_INV = pow(_BASE, -1, 1 << 64)
_EMPTY = 0xFFFFFFFF


def _splitmix64(state: int) -> tuple[int, int]:
    """One step of splitmix64: ``(new_state, output)`` as Python ints."""
    state = (state + 0x9E3779B97F4A7C15) & _MASK64
    z = state
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & _MASK64
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & _MASK64
    return state, z ^ (z >> 31)


def _constants(count: int, seed: int) -> npt.NDArray[np.uint64]:
    """``count`` fixed pseudo-random 64-bit constants, independent of numpy's generators."""
    out, state = [], seed
    for _ in range(count):
        state, value = _splitmix64(state)
        out.append(value)
    return np.array(out, dtype=_U64)


_MAX_PERM = 1024
#: Multipliers (odd) and offsets of the permutations, computed once for every signature size.
_PERM_A = _constants(_MAX_PERM, 0xA5A5) | _U64(1)
_PERM_B = _constants(_MAX_PERM, 0x5A5A)
_BAND_SEEDS = _constants(_MAX_PERM, 0xB00C)


def _mix64(x: npt.NDArray[np.uint64]) -> npt.NDArray[np.uint64]:
    """The splitmix64 finaliser, element-wise (wrapping uint64 arithmetic)."""
    x = x ^ (x >> _U64(30))
    x = x * _U64(0xBF58476D1CE4E5B9)
    x = x ^ (x >> _U64(27))
    x = x * _U64(0x94D049BB133111EB)
    return x ^ (x >> _U64(31))


class _Powers:
    """``_BASE**i`` and ``_BASE_INV**i`` modulo 2**64, grown on demand and shared."""

    def __init__(self) -> None:
        self.pow = np.ones(1, dtype=_U64)
        self.inv = np.ones(1, dtype=_U64)

    def upto(self, n: int) -> tuple[npt.NDArray[np.uint64], npt.NDArray[np.uint64]]:
        if len(self.pow) < n:
            size = max(n, 2 * len(self.pow), 1 << 14)
            self.pow = np.ones(size, dtype=_U64)
            self.pow[1:] = np.cumprod(np.full(size - 1, _BASE, dtype=_U64))
            self.inv = np.ones(size, dtype=_U64)
            self.inv[1:] = np.cumprod(np.full(size - 1, _BASE_INV, dtype=_U64))
        return self.pow[:n], self.inv[:n]


_POWERS = _Powers()


#: Words so common in news copy that a shingle made only of them ("said on thursday that",
#: "according to the", "روز دوشنبه گفت") says nothing about which story it is from. Such
#: shingles are the minimum of many stories at once and fill LSH buckets with unrelated stories,
#: so they are left out of signatures (unless a text has nothing else).
COMMON_WORDS: frozenset[str] = frozenset(
    " ".join(
        [
            # English function words
            "a about above after again against all also an and any are as at be because been",
            "before being below between both but by can could did do does doing down during each",
            "few for from further had has have having he her here hers him his how i if in into is",
            "it its itself just me more most my no nor not now of off on once only or other our out",
            "over own same she should so some such than that the their them then there these they",
            "this those through to too under until up very was we were what when where which while",
            "who whom why will with would you your may might must shall another every many much",
            "several whether",
            # English reporting and time words
            "said says say told tells wrote added according reported reports announced statement",
            "reporters monday tuesday wednesday thursday friday saturday sunday today yesterday",
            "tomorrow week weeks month months year years day days morning evening night earlier",
            "later last next ago since january february march april june july august september",
            "october november december",
            # Persian
            "و در به از که را با این آن برای تا یا اما هم نیز شد شده است بود بودند کرد کرده کند",
            "کنند گفت گفته گفتند روز سال ماه هفته پس پیش هنوز اینکه چه چون اگر باید خود ما او",
            "آنها یک بر همه هر نه اعلام گزارش گفته شنبه یکشنبه دوشنبه سه‌شنبه چهارشنبه پنجشنبه جمعه",
            # Arabic
            "في من إلى على أن إن عن مع هذا هذه التي الذي الذين كان كانت قد لم لن ما لا يوم بعد قبل",
            "قال وقال أضاف وأضاف أعلن وأعلن عام شهر أسبوع السبت الأحد الاثنين الثلاثاء الأربعاء",
            "الخميس الجمعة",
        ]
    ).split()
)


_COMMON = frozenset(normalise_text(" ".join(COMMON_WORDS)).split())


def _common_mask(tokens: Sequence[str]) -> npt.NDArray[np.bool_]:
    # map() over the set's own membership test: no Python frame per word, as a generator has
    return np.fromiter(map(_COMMON.__contains__, tokens), dtype=np.bool_, count=len(tokens))


def shingle_hashes(text: str, shingle: int = 3) -> npt.NDArray[np.uint64]:
    """64-bit hashes of the ``shingle``-word windows of ``normalise_text(text)``.

    Words are whatever the normalised text separates by spaces, so Persian and Arabic work as
    English does. Windows made only of ``COMMON_WORDS`` are left out unless nothing else is left.
    A text shorter than one window is one shingle; an empty text has none.
    """
    normalised = normalise_text(text)
    data = normalised.encode("utf-8")
    if not data:
        return np.zeros(0, dtype=_U64)
    raw = np.frombuffer(data, dtype=np.uint8)
    spaces = np.flatnonzero(raw == 0x20)
    starts = np.concatenate(([0], spaces + 1))
    ends = np.concatenate((spaces, [len(raw)]))
    if len(starts) <= shingle:
        left, right = starts[:1], ends[-1:]
    else:
        rare = np.concatenate(([0], np.cumsum(~_common_mask(normalised.split(" ")))))
        keep = rare[shingle:] > rare[:-shingle]
        if not keep.any():
            keep[:] = True
        left = starts[: len(starts) - shingle + 1][keep]
        right = ends[shingle - 1 :][keep]
    power, inverse = _POWERS.upto(len(raw))
    # prefix[i] = sum(byte[t] * BASE**-t for t < i); span(l, r) = BASE**(r-1) * (prefix[r]-prefix[l])
    prefix = np.zeros(len(raw) + 1, dtype=_U64)
    np.cumsum((raw.astype(_U64) + _U64(1)) * inverse, out=prefix[1:])
    return _mix64(power[right - 1] * (prefix[right] - prefix[left]))


def minhash(hashes: npt.NDArray[np.uint64], num_perm: int) -> Signature:
    """MinHash of a set of 64-bit shingle hashes; all ``0xFFFFFFFF`` for an empty set."""
    if not 0 < num_perm <= _MAX_PERM:
        raise ValueError(f"num_perm must be in 1..{_MAX_PERM}, got {num_perm}")
    a, b = _PERM_A[None, :num_perm], _PERM_B[None, :num_perm]
    sig = np.full(num_perm, _EMPTY, dtype=np.uint32)
    for start in range(0, len(hashes), 2048):
        # shingles down, permutations across: the minimum runs over rows, which numpy does
        # element-wise a row at a time (about 12% cheaper than reducing along each row)
        block = hashes[start : start + 2048, None] * a  # the one temporary, reused in place
        block += b
        # the shift keeps order, so it is taken after the minimum: on num_perm values, not on
        # every shingle's (one pass over the block fewer, about 10% of a signature)
        least = block.min(axis=0)
        least >>= _U64(32)
        np.minimum(sig, least.astype(np.uint32), out=sig)
    return sig


def estimate_jaccard(a: Signature, b: Signature) -> float:
    """Share of equal MinHash positions; 0.0 when either signature is of an empty text."""
    if is_empty(a) or is_empty(b):
        return 0.0
    return float(np.count_nonzero(a == b)) / len(a)


def is_empty(sig: Signature) -> bool:
    """True for the signature of a text with no words."""
    # A text's first value is all ones about once in 2**32 texts: the whole check (4 us, asked
    # twice a stored story) is then made only for the texts it is about.
    if len(sig) and int(sig[0]) != _EMPTY:
        return False
    return bool(np.all(sig == _EMPTY))


@dataclass(frozen=True)
class DedupConfig:
    """Near-duplicate settings. ``threshold`` may change freely; the rest are fixed per database.

    ``threshold`` is the least estimated Jaccard similarity (of ``shingle``-word shingles) that
    counts as a near duplicate. ``bands`` must divide ``num_perm``; each band holds
    ``num_perm // bands`` rows, and a pair with Jaccard ``s`` becomes a candidate with probability
    ``1 - (1 - s**rows)**bands``. The defaults and the measurements behind them are in the module
    docstring.
    """

    threshold: float = 0.35
    num_perm: int = 192
    bands: int = 64
    shingle: int = 3

    def __post_init__(self) -> None:
        if not 0.0 < self.threshold <= 1.0:
            raise ValueError(f"threshold must be in (0, 1], got {self.threshold}")
        if self.bands <= 0 or self.num_perm % self.bands:
            raise ValueError(f"bands ({self.bands}) must divide num_perm ({self.num_perm})")
        if self.shingle < 1:
            raise ValueError(f"shingle must be at least 1 word, got {self.shingle}")
        if self.num_perm > _MAX_PERM:
            raise ValueError(f"num_perm must be at most {_MAX_PERM}, got {self.num_perm}")

    @property
    def rows(self) -> int:
        """MinHash values per band."""
        return self.num_perm // self.bands


def band_buckets(sig: Signature, bands: int) -> npt.NDArray[np.int64]:
    """One signed 32-bit bucket per band: a hash of the band's values and its number."""
    rows = sig.reshape(bands, -1).astype(_U64)
    h = _BAND_SEEDS[:bands].copy()
    for column in range(rows.shape[1]):
        h = _mix64(h ^ rows[:, column])
    return (h >> _U64(32)).astype(np.int64) - (1 << 31)


# ---------------------------------------------------------------- the persistent index

SCHEMA = """
CREATE TABLE IF NOT EXISTS dedup_meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS dedup_signatures (
    story_id INTEGER PRIMARY KEY,
    sig BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS dedup_bands (
    band INTEGER NOT NULL,
    bucket INTEGER NOT NULL,
    story_id INTEGER NOT NULL,
    PRIMARY KEY (band, bucket, story_id)
) WITHOUT ROWID;
"""


def _connection(conn: sqlite3.Connection | sqlite_utils.Database) -> sqlite3.Connection:
    """The sqlite3 connection behind ``conn`` (a connection or a sqlite_utils Database)."""
    return conn if isinstance(conn, sqlite3.Connection) else conn.conn


def ensure_schema(conn: sqlite3.Connection | sqlite_utils.Database) -> None:
    """Create the ``dedup_`` tables if missing; safe to call on every start. Does not commit.

    ``dedup_bands`` is a WITHOUT ROWID table whose primary key ``(band, bucket, story_id)`` is
    the index on ``(band, bucket)``: lookups read it directly and no second copy is stored.
    """
    db = _connection(conn)
    for statement in SCHEMA.split(";"):
        if statement.strip():
            db.execute(statement)


class NearDupIndex:
    """MinHash LSH over the ``dedup_`` tables of one SQLite database.

    Writes happen in the caller's transaction and are never committed here; opening and querying
    only read. The settings that shape stored data (``num_perm``, ``bands``, ``shingle``, hash
    scheme) are recorded in ``dedup_meta`` with the first ``add``; opening a database that holds
    data built with other settings raises ValueError.
    """

    def __init__(
        self, conn: sqlite3.Connection | sqlite_utils.Database, config: DedupConfig | None = None
    ) -> None:
        self.conn = _connection(conn)
        self.config = config or DedupConfig()
        self._last_buckets: tuple[bytes, list[int]] = (b"", [])
        ensure_schema(self.conn)
        self._check_meta()
        # One statement for all bands and the candidates' signatures: SQLite runs the bands as
        # one primary-key search each ("MULTI-INDEX OR"), about 4x cheaper than one execute()
        # per band, and hands back each candidate once (a story's copies share most of its 64
        # buckets: the bucket rows alone were about 50 a story, each a Python tuple).
        self._lookup = (
            "SELECT story_id, sig FROM dedup_signatures WHERE story_id IN "
            "(SELECT story_id FROM dedup_bands WHERE "
            + " OR ".join(["(band = ? AND bucket = ?)"] * self.config.bands)
            + ")"
        )

    def _settings(self) -> dict[str, str]:
        return {
            "scheme": SCHEME,
            "num_perm": str(self.config.num_perm),
            "bands": str(self.config.bands),
            "shingle": str(self.config.shingle),
        }

    def _check_meta(self) -> None:
        """Raise if the stored data were built with other settings."""
        have = dict(self.conn.execute("SELECT key, value FROM dedup_meta").fetchall())
        self._recorded = bool(have)
        wrong = [
            f"{k}={have.get(k)!r} (asked {v!r})"
            for k, v in self._settings().items()
            if have and have.get(k) != v
        ]
        if wrong:
            raise ValueError(
                "the near-duplicate index in this database was built with other settings: "
                + ", ".join(wrong)
                + "; rebuild it or open it with those settings"
            )

    def _record_meta(self) -> None:
        if not self._recorded:
            self.conn.executemany(
                "INSERT OR REPLACE INTO dedup_meta VALUES (?, ?)", self._settings().items()
            )
            self._recorded = True

    def signature(self, text: str) -> Signature:
        """MinHash signature of ``text`` under this index's settings."""
        return minhash(shingle_hashes(text, self.config.shingle), self.config.num_perm)

    def _as_signature(self, sig: Signature | bytes) -> Signature:
        value = np.frombuffer(sig, dtype="<u4") if isinstance(sig, bytes) else np.asarray(sig)
        if value.shape != (self.config.num_perm,):
            raise ValueError(
                f"signature has shape {value.shape}, expected ({self.config.num_perm},)"
            )
        return value.astype(np.uint32, copy=False)

    def _band_rows(self, story_id: int, sig: Signature) -> list[tuple[int, int, int]]:
        # A crawl queries a story's buckets, then adds them: the last ones are remembered.
        key = sig.tobytes()
        if self._last_buckets[0] != key:
            self._last_buckets = (key, band_buckets(sig, self.config.bands).tolist())
        return [(band, bucket, story_id) for band, bucket in enumerate(self._last_buckets[1])]

    def query(self, sig: Signature | bytes) -> list[tuple[int, float]]:
        """``(story_id, estimated Jaccard)`` of stored stories at or above the threshold, best first.

        Candidates come from the LSH buckets and are verified on their full signatures; ties are
        broken by the lower id. An empty text matches nothing. A story already added is found too.
        """
        value = self._as_signature(sig)
        if is_empty(value):
            return []
        params = [v for row in self._band_rows(0, value) for v in row[:2]]
        rows = self.conn.execute(self._lookup, params).fetchall()
        if not rows:
            return []
        matrix = np.frombuffer(b"".join(r[1] for r in rows), dtype="<u4").reshape(len(rows), -1)
        scores = np.count_nonzero(matrix == value[None, :], axis=1) / len(value)
        hits = [
            (int(row[0]), float(score))
            for row, score in zip(rows, scores, strict=True)
            if score >= self.config.threshold
        ]
        return sorted(hits, key=lambda hit: (-hit[1], hit[0]))

    def add(self, story_id: int, sig: Signature | bytes) -> None:
        """Store ``story_id``'s signature and buckets (replacing any earlier ones); no commit."""
        self.add_many([(story_id, sig)])

    def add_many(self, items: Iterable[tuple[int, Signature | bytes]]) -> None:
        """``add`` for many stories, one ``executemany`` per table (backfills); last one per id wins."""
        self._record_meta()
        signatures: list[tuple[int, bytes]] = []
        bands: list[tuple[int, int, int]] = []
        for story_id, sig in dict(items).items():
            value = self._as_signature(sig)
            self.remove(story_id)
            signatures.append((story_id, value.astype("<u4").tobytes()))
            if not is_empty(value):
                bands.extend(self._band_rows(story_id, value))
        self.conn.executemany("INSERT INTO dedup_signatures VALUES (?, ?)", signatures)
        bands.sort()  # inserting in key order keeps the B-tree writes local
        self.conn.executemany("INSERT INTO dedup_bands VALUES (?, ?, ?)", bands)

    def remove(self, story_id: int) -> None:
        """Forget ``story_id`` (no error if it was never added); no commit."""
        row = self.conn.execute(
            "SELECT sig FROM dedup_signatures WHERE story_id = ?", (story_id,)
        ).fetchone()
        if row is None:
            return
        value = self._as_signature(row[0])
        self.conn.executemany(
            "DELETE FROM dedup_bands WHERE band = ? AND bucket = ? AND story_id = ?",
            self._band_rows(story_id, value),
        )
        self.conn.execute("DELETE FROM dedup_signatures WHERE story_id = ?", (story_id,))

    def __len__(self) -> int:
        """Number of stories in the index."""
        return int(self.conn.execute("SELECT count(*) FROM dedup_signatures").fetchone()[0])


# ---------------------------------------------------------------- clusters


@dataclass(frozen=True)
class ClusterMember:
    """What choosing a cluster's original needs to know about one story.

    ``published_at`` is a datetime (naive means UTC) or an ISO 8601 string; ``original_url`` and
    ``original_source`` are the story's attribution ("originally published by ..."), ``publisher``
    its own display name.
    """

    story_id: int
    source: str
    url: str
    canonical_url: str
    published_at: datetime | str | None = None
    original_url: str | None = None
    original_source: str | None = None
    publisher: str | None = None


def _name_key(name: str | None) -> str:
    return " ".join((name or "").casefold().split())


def _published_key(member: ClusterMember) -> tuple[int, datetime]:
    """Sort key: dated members first, earliest first; an unreadable date counts as missing."""
    value = member.published_at
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value)
        except ValueError:
            value = None
    if value is None:
        return (1, datetime.min.replace(tzinfo=UTC))
    return (0, value if value.tzinfo else value.replace(tzinfo=UTC))


def _credits(members: Sequence[ClusterMember]) -> dict[int, set[int]]:
    """For each member, the ids of the other members its attribution names."""
    urls = {m.story_id: canonical_or_none(m.canonical_url) for m in members}
    names = {m.story_id: {_name_key(m.publisher), _name_key(m.source)} - {""} for m in members}
    credits: dict[int, set[int]] = {}
    for m in members:
        url, source = canonical_or_none(m.original_url), _name_key(m.original_source)
        credits[m.story_id] = {
            o.story_id
            for o in members
            if o.story_id != m.story_id
            and ((url is not None and url == urls[o.story_id]) or source in names[o.story_id])
        }
    return credits


def pick_original(members: Sequence[ClusterMember]) -> int:
    """The story id of a cluster's original.

    A member that another member's attribution names (its ``original_url`` canonicalised equals
    the member's canonical URL, or its ``original_source`` equals the member's publisher or
    source name, ignoring case and spacing) wins; among several, one that names no other member
    itself (the head of a chain of credits), then the earliest published (undated last), then the
    lowest id. With no attribution inside the cluster: earliest published, undated last, then
    lowest id. Raises ValueError for an empty cluster.
    """
    if not members:
        raise ValueError("pick_original needs at least one member")
    credits = _credits(members)
    named = set().union(*credits.values())
    pool = [m for m in members if m.story_id in named] or list(members)
    pool = [m for m in pool if not credits[m.story_id]] or pool
    return min(pool, key=lambda m: (_published_key(m), m.story_id)).story_id


def merge_cluster_ids(ids: Iterable[int]) -> int:
    """The cluster id that survives a merge: the oldest, i.e. the smallest. Raises on no ids."""
    values = list(ids)
    if not values:
        raise ValueError("merge_cluster_ids needs at least one id")
    return min(values)

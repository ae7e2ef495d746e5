"""Full-text search over names, aliases, statements' words and quoted evidence, ranked.

Every piece of text a record carries becomes one entry of an index: an
actor's or place's name and aliases, an event's label, description and
outcome, a statement's words, and each quote of its evidence (with the source
it is quoted from). The index is SQLite's FTS5 (in Python's standard
library): words are folded for case and accents, and entries are ranked by
BM25 over their words, those that hold the words given as one phrase first.
A record found through several entries counts once, by its best.

The entries are read from the store's triples, so search works on any store.
For an on-disk store the index is kept beside it, in
``STORE/search-index.sqlite``, and built again when the store's files change;
for a store in memory or an endpoint it is built on the fly.

Examples
--------
>>> from diplograph import load, bundled_data
>>> from diplograph.rdf.store import open_store
>>> store = open_store()
>>> _ = store.load(load(bundled_data()))
>>> hit = search(store, "virtuous cycle")[0]
>>> hit.kind, hit.id, hit.field, hit.source
('statement', 'lee-virtuous-cycle', 'quote', 'seoul-hopes-2019-07-01')
>>> hit.context
'strengthen its efforts to create a [virtuous cycle] between inter-Korean relations…'
"""

from __future__ import annotations

import math
import os
import re
import sqlite3
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ._atomic import atomic_path
from .errors import QueryError
from .kg import KnowledgeGraph

__all__ = ["INDEX_NAME", "Hit", "SearchIndex", "pieces_from_graph", "pieces_from_store", "search"]

INDEX_NAME = "search-index.sqlite"
"""The file, inside an on-disk store's folder, that keeps its search index."""

COMMON = 2000
"""A word held by more entries than this is common: its matches are not all scored."""

PHRASE_BONUS = 1000.0
"""Added to the score of an entry that holds the words given, in order, as one phrase.

BM25 scores stay far below it, so every entry holding the phrase ranks above
every entry holding only some of the words."""

Piece = tuple[str, str, str, str, str]
"""One entry: ``(kind, id, field, text, source id or "")``."""

_SCHEMA = """
CREATE VIRTUAL TABLE pieces USING fts5(
    text, kind UNINDEXED, id UNINDEXED, field UNINDEXED, source UNINDEXED,
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE VIRTUAL TABLE vocab USING fts5vocab(pieces, 'row');
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE names (kind TEXT, id TEXT, name TEXT, PRIMARY KEY (kind, id)) WITHOUT ROWID;
"""

_PIECES = """PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX schema: <https://schema.org/>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX dg: <https://w3id.org/diplograph/ontology#>
SELECT ?r ?id ?field ?text ?source WHERE {
  ?r dcterms:identifier ?id .
  { ?r rdfs:label ?text BIND ("name" AS ?field) }
  UNION { ?r skos:altLabel ?text BIND ("alias" AS ?field) }
  UNION { ?r dg:text ?text BIND ("words" AS ?field) }
  UNION { ?r schema:description ?text BIND ("description" AS ?field) }
  UNION { ?r dg:outcome ?text BIND ("outcome" AS ?field) }
  UNION { ?r dg:evidence ?ev . ?ev oa:hasSelector ?sel . ?sel oa:exact ?text .
          OPTIONAL { ?ev oa:hasSource ?src . ?src dcterms:identifier ?source }
          BIND ("quote" AS ?field) }
}"""

_KINDS = ("actor", "place", "event", "statement")


@dataclass(frozen=True, slots=True)
class Hit:
    """One record found: what it is, the entry that matched best, and where that comes from.

    ``score`` is the entry's BM25 score (higher is better). ``context`` is
    the matched entry with the matching words in ``[brackets]`` (long entries
    cut to the words around them, marked ``…``); ``source`` is
    the source a matched quote comes from (``None`` for a name or the words of
    a statement: the record's own sources are in its rows).
    """

    kind: str
    id: str
    name: str
    field: str
    context: str
    score: float
    source: str | None = None
    source_title: str | None = None
    phrase: bool = False
    """Whether the entry holds the words as one phrase (such entries rank first)."""


def words_of(text: str) -> list[str]:
    """The words of a query, as the index splits them (letters and digits).

    >>> words_of('Kim\\'s "summit" in Hanoi!')
    ['Kim', 's', 'summit', 'in', 'Hanoi']
    """
    return re.findall(r"\w+", text)


def _fold(word: str) -> str:
    """A word as the index keeps it: lower case, accents removed."""
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def _tokens(text: str) -> list[str]:
    if text.isascii():
        return re.findall(r"\w+", text.lower())
    return [_fold(w) for w in re.findall(r"\w+", text)]


# -- what goes into the index --------------------------------------------------------------------


def pieces_from_store(store: Any) -> Iterator[Piece]:
    """Every entry of the records in ``store``, read from its triples in one query."""
    for row in store.query(_PIECES):
        iri = str(row["r"].value)
        kind = iri.rsplit("/", 2)[-2] if iri.count("/") >= 2 else ""
        if kind not in _KINDS or "#" in iri:
            continue
        source = row.get("source")
        yield (
            kind,
            str(row["id"].value),
            str(row["field"].value),
            str(row["text"].value),
            str(source.value) if source is not None else "",
        )


def pieces_from_graph(kg: KnowledgeGraph) -> Iterator[Piece]:
    """Every entry of the records of ``kg`` (the same entries the store gives)."""
    for kind, table in (
        ("actor", kg.actors),
        ("place", kg.places),
        ("event", kg.events),
        ("statement", kg.statements),
    ):
        for r in table.values():
            name = getattr(r, "name", None) or getattr(r, "label", None)
            if name:
                yield (kind, r.id, "name", name, "")
            for alias in getattr(r, "aliases", ()):
                yield (kind, r.id, "alias", alias, "")
            for field, attr in (("words", "text"), ("description", "description")):
                if getattr(r, attr, None):
                    yield (kind, r.id, field, getattr(r, attr), "")
            outcome = getattr(r, "outcome", None)
            if outcome:
                yield (kind, r.id, "outcome", outcome, "")
            for ev in r.evidence:
                if ev.quote:
                    yield (kind, r.id, "quote", ev.quote, ev.source)


# -- the index -----------------------------------------------------------------------------


class SearchIndex:
    """An FTS5 index of entries, in memory or in a file.

    >>> index = SearchIndex.build([("actor", "kim", "name", "Kim Jong Un", "")])
    >>> [h.id for h in index.search("jong un")]
    ['kim']
    """

    def __init__(self, connection: sqlite3.Connection) -> None:
        self.db = connection

    @classmethod
    def build(
        cls, pieces: Iterable[Piece], path: Path | None = None, *, stamp: str = ""
    ) -> SearchIndex:
        """An index of ``pieces``: in memory, or written (atomically) to ``path``."""
        if path is None:
            db = sqlite3.connect(":memory:")
            cls._fill(db, pieces, stamp)
            return cls(db)
        with atomic_path(path) as tmp:
            db = sqlite3.connect(tmp)
            cls._fill(db, pieces, stamp)
            db.close()
        return cls(sqlite3.connect(f"file:{path}?mode=ro", uri=True))

    @staticmethod
    def _fill(db: sqlite3.Connection, pieces: Iterable[Piece], stamp: str) -> None:
        db.executescript(_SCHEMA)
        batch: list[Piece] = []
        # shortest entries first: the first rows holding a common word are its best (BM25
        # favours short entries), and FTS5 reads a word's rows in that order
        entries = words = 0
        for piece in sorted(pieces, key=lambda p: p[3].count(" ")):
            entries += 1
            words += len(_tokens(piece[3]))
            batch.append(piece)
            if len(batch) >= 50_000:
                SearchIndex._insert(db, batch)
                batch = []
        SearchIndex._insert(db, batch)
        db.execute("INSERT INTO meta VALUES ('stamp', ?)", (stamp,))
        db.execute("INSERT INTO meta VALUES ('entries', ?)", (str(entries),))
        db.execute("INSERT INTO meta VALUES ('words', ?)", (str(words),))
        db.execute("INSERT INTO pieces (pieces) VALUES ('optimize')")
        db.commit()

    @staticmethod
    def _insert(db: sqlite3.Connection, batch: list[Piece]) -> None:
        db.executemany(
            "INSERT INTO pieces (kind, id, field, text, source) VALUES (?, ?, ?, ?, ?)", batch
        )
        db.executemany(
            "INSERT OR IGNORE INTO names VALUES (?, ?, ?)",
            ((p[0], p[1], p[3]) for p in batch if p[2] == "name"),
        )

    @classmethod
    def open(cls, path: Path) -> SearchIndex:
        """The index kept in ``path`` (read only)."""
        return cls(sqlite3.connect(f"file:{path}?mode=ro", uri=True))

    @property
    def stamp(self) -> str:
        """What the index was built from (the store's files), to tell when it is stale."""
        row = self.db.execute("SELECT value FROM meta WHERE key = 'stamp'").fetchone()
        return str(row[0]) if row else ""

    def __len__(self) -> int:
        return int(self.db.execute("SELECT COUNT(*) FROM pieces").fetchone()[0])

    def search(self, text: str, *, limit: int = 10) -> list[Hit]:
        """The records best matching ``text``, best first, at most ``limit``.

        An entry matches when it holds any of the words; BM25 ranks them (rare
        words weigh more, short entries more than long ones), and entries
        holding all the words as one phrase come first (:data:`PHRASE_BONUS`).
        """
        words = words_of(text)
        if not words:
            raise QueryError(f"give words to search for (got {text!r})")
        best: dict[tuple[str, str], tuple[float, Any]] = {}
        phrase_rows = set()
        if len(words) > 1:
            phrase_rows = set(self._candidates(f'"{" ".join(words)}"', limit * 5, words))
        rows = set(phrase_rows)
        rare = [w for w in words if self._rows_holding(w) <= COMMON]
        if rare:
            rows.update(self._candidates(" OR ".join(f'"{w}"' for w in rare), limit * 5, rare))
        for w in words:
            if w not in rare:
                rows.update(self._candidates(f'"{w}"', limit * 5, [w]))
        for row in self._scored(words, rows):
            score = float(row[5]) + (PHRASE_BONUS if row[6] in phrase_rows else 0.0)
            key = (row[0], row[1])
            # of equal scores, a quote wins: it says which source holds the words
            held = best.get(key)
            if held is None or (score, row[2] == "quote") > (held[0], held[1][2] == "quote"):
                best[key] = (score, row)
        ranked = sorted(best.values(), key=lambda t: (-t[0], t[1][0], t[1][1]))[:limit]
        phrase = f'"{" ".join(words)}"'
        either = " OR ".join(f'"{w}"' for w in words)
        contexts = {
            r[6]: self._context(phrase if r[6] in phrase_rows else either, r[6]) for _, r in ranked
        }
        names = self._names([(r[0], r[1]) for _, r in ranked])
        return [
            Hit(
                kind=r[0],
                id=r[1],
                name=names.get((r[0], r[1]), r[1]),
                field=r[2],
                context=contexts[r[6]],
                score=round(score - PHRASE_BONUS if score >= PHRASE_BONUS / 2 else score, 3),
                source=r[3] or None,
                phrase=score >= PHRASE_BONUS / 2,
            )
            for score, r in ranked
        ]

    def _rows_holding(self, word: str) -> int:
        """How many entries hold ``word`` (folded as the index folds it)."""
        row = self.db.execute("SELECT doc FROM vocab WHERE term = ?", (_fold(word),)).fetchone()
        return int(row[0]) if row else 0

    def _meta(self, key: str) -> int:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return int(row[0]) if row else 0

    @staticmethod
    def _bm25(idf: dict[str, float], text: str, mean: float) -> float:
        """Okapi BM25 of an entry (k1 = 1.2, b = 0.75), given each query word's IDF."""
        tokens = _tokens(text)
        score = 0.0
        for w, weight in idf.items():
            tf = tokens.count(w)
            if tf:
                score += weight * tf * 2.2 / (tf + 1.2 * (0.25 + 0.75 * len(tokens) / mean))
        return score

    def _candidates(self, query: str, limit: int, words: list[str]) -> list[int]:
        """The rows that may rank best for ``query``: by BM25 when its words are rare.

        When one of ``words`` is common (held by more than :data:`COMMON`
        entries), scoring every entry would read them all: the shortest entries
        that match are taken instead (rows are stored shortest first), among
        the shortest :data:`COMMON` entries holding the rarest of the words.
        """
        counts = {w: self._rows_holding(w) for w in words}
        if all(n <= COMMON for n in counts.values()):
            found = self.db.execute(
                "SELECT rowid FROM pieces WHERE pieces MATCH ? ORDER BY bm25(pieces) LIMIT ?",
                (query, limit),
            ).fetchall()
            return [int(r[0]) for r in found]
        # only the rows up to the COMMON-th shortest holding the rarest word: a phrase of
        # common words then reads a bounded stretch of each word's rows, not all of them
        rarest = min(counts, key=lambda w: counts[w])
        bound = self.db.execute(
            "SELECT rowid FROM pieces WHERE pieces MATCH ? ORDER BY rowid LIMIT 1 OFFSET ?",
            (f'"{rarest}"', COMMON - 1),
        ).fetchone()
        found = self.db.execute(
            "SELECT rowid FROM pieces WHERE pieces MATCH ? AND rowid <= ? ORDER BY rowid LIMIT ?",
            (query, bound[0] if bound else 1 << 62, limit),
        ).fetchall()
        return [int(r[0]) for r in found]

    def _context(self, query: str, rowid: int) -> str:
        found = self.db.execute(
            "SELECT snippet(pieces, 0, '[', ']', '…', 12) FROM pieces "
            "WHERE pieces MATCH ? AND rowid = ?",
            (query, rowid),
        ).fetchone()
        return str(found[0])

    def _scored(self, words: list[str], rows: set[int]) -> list[Any]:
        """The entries ``rows``: kind, id, field, source, text, BM25 score, rowid."""
        entries = self._meta("entries")
        mean = max(1.0, self._meta("words") / max(1, entries))
        idf = {}
        for w in dict.fromkeys(_fold(w) for w in words):
            df = self._rows_holding(w)
            idf[w] = math.log((entries - df + 0.5) / (df + 0.5) + 1.0)
        out = []
        for rowid in sorted(rows):
            kind, rid, field, source, text = self.db.execute(
                "SELECT kind, id, field, source, text FROM pieces WHERE rowid = ?", (rowid,)
            ).fetchone()
            out.append((kind, rid, field, source, text, self._bm25(idf, text, mean), rowid))
        return out

    def _names(self, keys: list[tuple[str, str]]) -> dict[tuple[str, str], str]:
        out: dict[tuple[str, str], str] = {}
        for kind, rid in keys:
            row = self.db.execute(
                "SELECT name FROM names WHERE kind = ? AND id = ?", (kind, rid)
            ).fetchone()
            if row:
                out[(kind, rid)] = str(row[0])
        return out

    def close(self) -> None:
        """Close the index."""
        self.db.close()


def _stamp(folder: Path) -> str:
    """What an on-disk store's files say about its content: their names, sizes and times."""
    parts = []
    for f in sorted(folder.iterdir()):
        if f.is_file() and not f.name.startswith((INDEX_NAME, f".{INDEX_NAME}", "LOG", "LOCK")):
            st = f.stat()
            parts.append(f"{f.name}:{st.st_size}:{st.st_mtime_ns}")
    return "|".join(parts)


def index_for(store: Any) -> SearchIndex:
    """The search index of ``store``: kept beside an on-disk store (rebuilt when stale), else new.

    An on-disk store opened read only still gets its index written beside it
    when the folder may be written; otherwise the index is built in memory.
    """
    folder = getattr(store, "path", None)
    if folder is None:
        return SearchIndex.build(pieces_from_store(store))
    folder = Path(folder)
    path = folder / INDEX_NAME
    stamp = _stamp(folder)
    if path.is_file():
        kept = SearchIndex.open(path)
        if kept.stamp == stamp:
            return kept
        kept.close()
    if not os.access(folder, os.W_OK):
        return SearchIndex.build(pieces_from_store(store))
    return SearchIndex.build(pieces_from_store(store), path, stamp=stamp)


def search(store: Any, text: str, *, limit: int = 10) -> list[Hit]:
    """The records of ``store`` best matching ``text``, with their sources' titles.

    See :class:`SearchIndex` for the ranking and :func:`index_for` for where
    the index lives.
    """
    index = index_for(store)
    try:
        hits = index.search(text, limit=limit)
    finally:
        index.close()
    return _with_titles(store, hits)


def _with_titles(store: Any, hits: list[Hit]) -> list[Hit]:
    from dataclasses import replace

    import pyoxigraph as ox

    sources = sorted({h.source for h in hits if h.source})
    if not sources:
        return hits
    values = " ".join(str(ox.Literal(s)) for s in sources)
    answer = store.query(
        "PREFIX dcterms: <http://purl.org/dc/terms/>\n"
        f"SELECT ?id ?title WHERE {{ VALUES ?id {{ {values} }} "
        "?s dcterms:identifier ?id ; dcterms:title ?title }"
    )
    titles = {str(r["id"].value): str(r["title"].value) for r in answer}
    return [replace(h, source_title=titles.get(h.source or "")) for h in hits]

"""Where SPARQL runs: an embedded Oxigraph store (in memory or on disk) or a SPARQL 1.1 endpoint.

Both kinds of store answer the same :meth:`Store.query` with the same
:class:`Solutions`, so a query written once gives the same answer on a laptop
and on a server:

- :class:`EmbeddedStore` wraps a pyoxigraph store, in memory (``path=None``)
  or in a folder on disk, so a large graph is loaded once and queried many
  times. Loading into a folder uses pyoxigraph's bulk loader.
- :class:`RemoteStore` talks to any SPARQL 1.1 endpoint over HTTP: queries go
  through the SPARQL protocol, data goes in through the Graph Store protocol
  (one ``POST`` of N-Triples per named graph).

A store is a set of quads, so loading the same data twice adds nothing:
:meth:`Store.add` returns how many quads are new.

:meth:`Store.load` puts the triples of every record in the default graph,
and queries read the default graph, as every SPARQL server does without
configuration. (The per-source named graphs of the mapping are for export:
in a store, a record citing three sources would be in three graphs, and a
query over their union would see each of its triples three times; which
sources a record rests on stays in ``prov:wasDerivedFrom``.) ``union=True``
asks for the union of all graphs instead, for quads added with
:meth:`Store.add`: pyoxigraph's ``use_default_graph_as_union``, or the
``union-default-graph`` request parameter that the Oxigraph server
understands.

Examples
--------
>>> import pyoxigraph as ox
>>> store = open_store()
>>> quad = ox.Quad(ox.NamedNode("http://example.org/a"), ox.NamedNode("http://example.org/p"),
...                ox.Literal("x"), ox.NamedNode("http://example.org/g"))
>>> store.add([quad]), store.add([quad])
(1, 0)
>>> store.query("SELECT ?o WHERE { ?s ?p ?o }", union=True).values("o")
[<Literal value=x datatype=<NamedNode value=http://www.w3.org/2001/XMLSchema#string>>]
"""

from __future__ import annotations

import os
import queue
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from ..errors import QueryError
from ..safety import check_query
from ._base import Solutions, Store, Term, from_pyoxigraph, term_text
from .remote import RemoteStore

__all__ = [
    "EmbeddedStore",
    "RemoteStore",
    "Solutions",
    "Store",
    "Term",
    "open_store",
    "term_text",
]


class EmbeddedStore(Store):
    """A pyoxigraph store in memory (``path=None``) or in a folder on disk.

    Parameters
    ----------
    path
        Folder of an on-disk store, created when missing. ``None`` keeps the
        store in memory.
    read_only
        Open an existing on-disk store for reading only (several processes
        may read one folder at once).

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     with EmbeddedStore(Path(tmp) / "db") as store:
    ...         len(store)
    0
    """

    allow_service: tuple[str, ...] = ()
    """Endpoints a query's ``SERVICE`` clauses may call (:func:`~diplograph.safety.check_query`)."""

    reads_nquads = True
    """:meth:`add_ntriples` reads N-Quads too (for :mod:`~diplograph.rdf.dyad_index`)."""

    def __init__(self, path: Path | str | None = None, *, read_only: bool = False) -> None:
        self.path = Path(path) if path is not None else None
        self.read_only = read_only
        try:
            if self.path is None:
                self._store = ox.Store()
            elif read_only:
                if not self.path.is_dir():
                    raise QueryError(
                        f"no store at {self.path}; create it with "
                        f"'diplograph load --store {self.path}' (got {str(self.path)!r})"
                    )
                self._store = ox.Store.read_only(str(self.path))
            else:
                self._store = ox.Store(str(self.path))
        except OSError as e:
            raise QueryError(
                f"cannot open the store at {self.path}: {e}; is another process writing to it?"
            ) from e
        except RuntimeError as e:  # RocksDB reports a damaged folder this way
            raise QueryError(
                f"cannot open the store at {self.path}: {e}; the folder is damaged or not a "
                f"store: load the data again into a new folder"
            ) from e

    @property
    def native(self) -> ox.Store:
        """The underlying :class:`pyoxigraph.Store`."""
        return self._store

    def query(self, sparql: str, *, union: bool = False) -> Solutions:
        """Run a SPARQL query over the default graph (``union``: over all graphs).

        >>> EmbeddedStore().query("ASK { ?s ?p ?o }").boolean
        False
        >>> EmbeddedStore().query("SELECT ?x WHERE {")
        Traceback (most recent call last):
        ...
        diplograph.errors.QueryError: invalid SPARQL: ...
        """
        check_query(sparql, allow_service=self.allow_service)
        try:
            result = self._store.query(sparql, use_default_graph_as_union=union)
            return from_pyoxigraph(result)
        except SyntaxError as e:
            raise QueryError(f"invalid SPARQL: {e}") from e
        except (OSError, RuntimeError) as e:
            raise QueryError(f"the store could not answer: {e}") from e

    def triples(self) -> Iterable[ox.Triple]:
        """Every triple of the default graph, read straight from pyoxigraph."""
        return (
            q.triple for q in self._store.quads_for_pattern(None, None, None, ox.DefaultGraph())
        )

    def add(self, quads: Iterable[ox.Quad]) -> int:
        """Add quads (the bulk loader for an on-disk store); returns how many were new."""
        before = len(self._store)
        try:
            if self.path is None:
                self._store.extend(quads)
            else:
                self._store.bulk_extend(quads)
                self._store.flush()
        except OSError as e:
            raise QueryError(f"cannot write to the store at {self.path}: {e}") from e
        return len(self._store) - before

    def add_ntriples(self, pieces: Iterable[bytes]) -> None:
        """Load N-Quads text (N-Triples lines go to the default graph): the bulk loader on disk.

        On disk the loader reads every piece as one stream, from a pipe that a
        thread fills as the pieces are made, so making the text and loading it
        go on at once and the loader sorts and writes its files once (a load
        per piece costs about a third more); where there is no pipe to name
        (``/dev/fd``), each piece is loaded alone while the next is made.
        """
        try:
            if self.path is None:
                for piece in pieces:
                    self._store.load(piece, ox.RdfFormat.N_QUADS)
                return
            if _PIPES.is_dir():
                _bulk_load_piped(self._store, pieces)
            else:  # pragma: no cover - systems without /dev/fd
                for piece in _ahead(pieces):
                    self._store.bulk_load(piece, ox.RdfFormat.N_QUADS)
            self._store.flush()
        except OSError as e:
            raise QueryError(f"cannot write to the store at {self.path}: {e}") from e

    def __len__(self) -> int:
        return len(self._store)

    def close(self) -> None:
        """Flush an on-disk store and let it go; the folder stays and can be opened again.

        Letting go closes the database at once, with its background work, so a
        store opened next on the same folder (read only, in this process or
        another) sees it whole rather than files the old handle is still
        compacting away. A store in memory stays usable.
        """
        if self.path is None or "_store" not in vars(self):
            return
        if not self.read_only:
            self._store.flush()
        del self._store


_PIPES = Path("/dev/fd")
"""Where a pipe's end can be opened by name, for the bulk loader to read it without Python."""


def _bulk_load_piped(store: ox.Store, pieces: Iterable[bytes]) -> None:
    """Bulk-load the N-Triples ``pieces`` as one stream: a thread writes them into a pipe
    that the loader reads by name, so no Python runs on the loader's side.

    An error in making the pieces is raised once the loader has read what came before it;
    an error of the loader stops the thread at its next write.
    """
    read_end, write_end = os.pipe()
    failed: list[BaseException] = []

    def feed() -> None:
        try:
            with open(write_end, "wb") as out:
                for piece in pieces:
                    out.write(piece)
        except BrokenPipeError:
            pass  # the loader stopped; its own error is raised
        except BaseException as e:  # handed over to the caller, raised there
            failed.append(e)

    thread = threading.Thread(target=feed, name="diplograph-ntriples", daemon=True)
    thread.start()
    try:
        store.bulk_load(path=_PIPES / str(read_end), format=ox.RdfFormat.N_QUADS)
    finally:
        os.close(read_end)
        thread.join()
    if failed:
        raise failed[0]


def _ahead(pieces: Iterable[bytes]) -> Iterator[bytes]:
    """``pieces``, each made in a thread while the one before is used.

    An error in making them is raised here; if the caller stops early, the
    thread stops at its next piece.
    """
    ready: queue.Queue[tuple[bool, Any]] = queue.Queue(maxsize=1)
    stop = threading.Event()

    def put(item: tuple[bool, Any]) -> bool:
        while not stop.is_set():
            try:
                ready.put(item, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def make() -> None:
        try:
            for piece in pieces:
                if not put((True, piece)):
                    return
            put((False, None))
        except BaseException as e:  # handed over to the caller, raised there
            put((False, e))

    thread = threading.Thread(target=make, name="diplograph-ntriples", daemon=True)
    thread.start()
    try:
        while True:
            more, item = ready.get()
            if not more:
                if item is not None:
                    raise item
                return
            yield item
    finally:
        stop.set()
        thread.join()


def open_store(
    path: Path | str | None = None,
    *,
    endpoint: str | None = None,
    read_only: bool = False,
    graph_store: str | None = None,
) -> Store:
    """The store to use: a SPARQL ``endpoint``, an on-disk store at ``path``, or one in memory.

    ``graph_store`` is the endpoint's Graph Store protocol URL, where loads go,
    when it is not the sibling ``store`` of the query URL (Oxigraph's layout):
    ``http://127.0.0.1:3030/ds/data`` on Fuseki. It needs an ``endpoint``.

    >>> type(open_store()).__name__
    'EmbeddedStore'
    >>> open_store("db", endpoint="http://127.0.0.1:7878")
    Traceback (most recent call last):
    ...
    diplograph.errors.QueryError: give a store folder or an endpoint, not both (got ...)
    """
    if path is not None and endpoint is not None:
        raise QueryError(
            f"give a store folder or an endpoint, not both (got {str(path)!r} and {endpoint!r})"
        )
    if graph_store is not None and endpoint is None:
        raise QueryError(f"a Graph Store URL goes with an endpoint (got {graph_store!r} alone)")
    if endpoint is not None:
        return RemoteStore(endpoint, graph_store=graph_store)
    return EmbeddedStore(path, read_only=read_only)

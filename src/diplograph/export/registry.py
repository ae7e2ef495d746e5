"""One registry of export formats: every file diplograph writes for other tools, by name.

A format is a name, a writer (``writer(graph, path) -> path``, atomic), an
optional stream writer for standard output, and the file suffixes that
name it. Formats that write instance IRIs (the RDF ones) take a ``base``
for them too. The RDF formats, GraphML, GEXF and TimelineJS are registered
here; a new format is one :func:`register` call, and ``diplograph export
--format`` offers whatever is registered, in order.

Examples
--------
>>> formats()[:5]
['turtle', 'ntriples', 'nquads', 'trig', 'jsonld']
>>> format_for("korea.gexf")
'gexf'
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from ..errors import DiplographError

__all__ = [
    "ExportFormat",
    "format_for",
    "formats",
    "get_format",
    "register",
    "serialize",
    "unregister",
    "write",
]

Writer = Callable[..., Path]
"""``writer(graph, path)`` writes a graph to a path, atomically, and returns the path."""
Serializer = Callable[..., None]
"""``serializer(graph, stream)`` writes a graph to an open binary stream."""


@dataclass(frozen=True)
class ExportFormat:
    """A registered export format: its name, writers and file suffixes."""

    name: str
    writer: Writer
    serializer: Serializer | None = None
    suffixes: tuple[str, ...] = ()
    description: str = ""
    takes_base: bool = False
    """The writers take ``base=`` (the base of instance IRIs) as a keyword."""


_FORMATS: dict[str, ExportFormat] = {}


def register(
    name: str,
    writer: Writer,
    *,
    serializer: Serializer | None = None,
    suffixes: tuple[str, ...] = (),
    description: str = "",
    replace: bool = False,
    takes_base: bool = False,
) -> ExportFormat:
    """Add an export format; it is then offered by :func:`write` and ``diplograph export``.

    Parameters
    ----------
    name
        The format's name, as given to ``format=`` and ``--format``.
    writer
        ``writer(graph, path)`` writes the file atomically and returns its path.
    serializer
        ``serializer(graph, stream)`` writes to an open binary stream (standard
        output); without it the format can only be written to a file.
    suffixes
        File suffixes (``".ttl"``) by which :func:`format_for` recognises the format.
    description
        One line for listings.
    replace
        Allow replacing a format of the same name (else that is an error).
    takes_base
        The writers take ``base=`` (the base of instance IRIs) as a keyword.

    Examples
    --------
    >>> import csv, tempfile, pathlib
    >>> def write_ids(kg, path):
    ...     with open(path, "w", newline="") as fh:
    ...         csv.writer(fh).writerows([a] for a in sorted(kg.actors))
    ...     return path
    >>> _ = register("ids-csv", write_ids, suffixes=(".ids.csv",))
    >>> "ids-csv" in formats()
    True
    >>> from diplograph import load, bundled_data
    >>> out = write(load(bundled_data()), pathlib.Path(tempfile.mkdtemp()) / "a.ids.csv")
    >>> out.read_text().splitlines()[0]
    'alison-evans'
    >>> unregister("ids-csv")
    """
    if name in _FORMATS and not replace:
        raise DiplographError(f"export format {name!r} is already registered (got {name!r})")
    suffixes = tuple(s.lower() for s in suffixes)
    fmt = ExportFormat(name, writer, serializer, suffixes, description, takes_base)
    _FORMATS[name] = fmt
    return fmt


def unregister(name: str) -> None:
    """Remove a registered export format (for tests and plugins that replace one)."""
    _FORMATS.pop(name, None)


def formats() -> list[str]:
    """The names of the registered export formats, in the order they were registered."""
    return list(_FORMATS)


def get_format(name: str) -> ExportFormat:
    """The registered format ``name``.

    >>> get_format("turtle").suffixes
    ('.ttl',)
    >>> get_format("png")
    Traceback (most recent call last):
    ...
    diplograph.errors.DiplographError: unknown export format: expected one of ... (got 'png')
    """
    fmt = _FORMATS.get(name)
    if fmt is None:
        raise DiplographError(
            f"unknown export format: expected one of {', '.join(_FORMATS)} (got {name!r})"
        )
    return fmt


def format_for(path: str | os.PathLike[str]) -> str:
    """The format whose suffix ends the file name ``path`` (the longest suffix wins).

    >>> format_for("out/korea.trig")
    'trig'
    >>> format_for("korea.txt")
    Traceback (most recent call last):
    ...
    diplograph.errors.DiplographError: cannot tell the export format of 'korea.txt': ... '.txt')
    """
    name = Path(path).name.lower()
    best: tuple[int, str] | None = None
    for fmt in _FORMATS.values():
        for suffix in fmt.suffixes:
            if name.endswith(suffix) and (best is None or len(suffix) > best[0]):
                best = (len(suffix), fmt.name)
    if best is None:
        known = ", ".join(s for f in _FORMATS.values() for s in f.suffixes)
        raise DiplographError(
            f"cannot tell the export format of {str(path)!r}: give a format, or one of the "
            f"suffixes {known} (got {Path(path).suffix!r})"
        )
    return best[1]


def _options(fmt: ExportFormat, base: str | None) -> dict[str, Any]:
    if base is None:
        return {}
    if not fmt.takes_base:
        takes = ", ".join(f.name for f in _FORMATS.values() if f.takes_base)
        raise DiplographError(
            f"a base IRI applies to the formats that write instance IRIs ({takes}) "
            f"(got format {fmt.name!r})"
        )
    return {"base": base}


def write(
    graph: Any,
    path: str | os.PathLike[str],
    *,
    format: str | None = None,
    base: str | None = None,
) -> Path:
    """Write a knowledge graph (or a networkx graph, for graph formats) to ``path``, atomically.

    ``format`` defaults to the one whose suffix ends ``path``; ``base``, for
    the formats that take one, is the base of instance IRIs. Returns the path
    written.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from diplograph import load, bundled_data
    >>> from diplograph.rdf import read_rdf
    >>> kg = load(bundled_data())
    >>> out = write(kg, pathlib.Path(tempfile.mkdtemp()) / "korea.nq")
    >>> read_rdf(out) == kg
    True
    """
    fmt = get_format(format if format is not None else format_for(path))
    return fmt.writer(graph, Path(path), **_options(fmt, base))


def serialize(graph: Any, out: IO[bytes], *, format: str, base: str | None = None) -> None:
    """Write a graph to an open binary stream (``sys.stdout.buffer``) in a registered format.

    >>> import io
    >>> from diplograph import load, bundled_data
    >>> buf = io.BytesIO()
    >>> serialize(load(bundled_data()), buf, format="ntriples")
    >>> buf.getvalue().count(b"\\n") > 1000
    True
    """
    fmt = get_format(format)
    if fmt.serializer is None:
        raise DiplographError(
            f"the export format {format!r} writes only to a file: give a path (got a stream)"
        )
    fmt.serializer(graph, out, **_options(fmt, base))


# -- the formats diplograph ships ---------------------------------------------------------


def _rdf(name: str) -> tuple[Writer, Serializer]:
    from ..rdf.vocab import BASE

    def writer(graph: Any, path: Path, base: str = BASE) -> Path:
        from ..rdf.io import write_rdf

        return write_rdf(graph, path, format=name, base=base)

    def serializer(graph: Any, out: IO[bytes], base: str = BASE) -> None:
        from ..rdf.io import serialize_rdf

        serialize_rdf(graph, out, format=name, base=base)

    return writer, serializer


def _records_jsonld() -> tuple[Writer, Serializer]:
    from ..rdf.vocab import BASE

    def serializer(graph: Any, out: IO[bytes], base: str = BASE) -> None:
        from ..rdf.jsonld_records import write_jsonld_records

        write_jsonld_records(graph, out, base)

    def writer(graph: Any, path: Path, base: str = BASE) -> Path:
        from .._atomic import atomic_write

        with atomic_write(path) as fh:
            serializer(graph, fh, base)
        return path

    return writer, serializer


def _write_graphml(graph: Any, path: Path) -> Path:
    from .graphml import write_graphml

    return write_graphml(graph, path)


def _serialize_graphml(graph: Any, out: IO[bytes]) -> None:
    from .graphml import serialize_graphml

    serialize_graphml(graph, out)  # type: ignore[arg-type]


def _write_gexf(graph: Any, path: Path) -> Path:
    from .graphml import write_gexf

    return write_gexf(graph, path)


def _serialize_gexf(graph: Any, out: IO[bytes]) -> None:
    from .graphml import serialize_gexf

    serialize_gexf(graph, out)  # type: ignore[arg-type]


def _timeline_rows(graph: Any) -> tuple[Any, Any]:
    from ..rows import event_rows, statement_rows

    return event_rows(graph), statement_rows(graph)


def _write_timelinejs(graph: Any, path: Path) -> Path:
    from .timelinejs import write_timelinejs

    rows, sts = _timeline_rows(graph)
    return write_timelinejs(rows, path, statements=sts)


def _serialize_timelinejs(graph: Any, out: IO[bytes]) -> None:
    from .timelinejs import to_timelinejs

    rows, sts = _timeline_rows(graph)
    data = to_timelinejs(rows, statements=sts)
    out.write((json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n").encode())


_RDF = (
    ("turtle", (".ttl",), "Turtle"),
    ("ntriples", (".nt",), "N-Triples"),
    ("nquads", (".nq",), "N-Quads, one named graph per source"),
    ("trig", (".trig",), "TriG, one named graph per source"),
    ("jsonld", (".jsonld",), "compact JSON-LD, one named graph per source"),
    ("rdfxml", (".rdf",), "RDF/XML"),
)
for _name, _suffixes, _text in _RDF:
    _w, _s = _rdf(_name)
    register(_name, _w, serializer=_s, suffixes=_suffixes, description=_text, takes_base=True)
_w, _s = _records_jsonld()
register(
    "jsonld-records",
    _w,
    serializer=_s,
    suffixes=(".records.jsonld",),
    description="JSON-LD for web pages: one plain object per record, nested, no copy per source",
    takes_base=True,
)
register(
    "graphml",
    _write_graphml,
    serializer=_serialize_graphml,
    suffixes=(".graphml",),
    description="GraphML of the networkx view, for yEd, Cytoscape and networkx",
)
register(
    "gexf",
    _write_gexf,
    serializer=_serialize_gexf,
    suffixes=(".gexf",),
    description="GEXF 1.2 of the networkx view, for Gephi",
)
register(
    "timelinejs",
    _write_timelinejs,
    serializer=_serialize_timelinejs,
    suffixes=(".json",),
    description="TimelineJS3 JSON of every event and statement",
)

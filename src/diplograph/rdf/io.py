"""RDF files: a knowledge graph as Turtle, N-Triples, N-Quads, TriG, JSON-LD or RDF/XML, and back.

Writing streams record by record: the mapping's plain-string triples are
formatted as Turtle, TriG, N-Triples or N-Quads text directly (JSON-LD through
the compact writer of :mod:`diplograph.rdf.jsonld`), so neither an rdflib graph
nor a pyoxigraph object per triple is built.
Files are written atomically: to a temporary file beside the target, then
renamed over it.

Output is stable: records go out kind by kind (sources, actors, places,
events, statements), each kind sorted by id, every subject's triples
together, so the same records always give byte-identical files.

Examples
--------
>>> from diplograph import load, bundled_data
>>> kg = load(bundled_data())
>>> text = to_rdf(kg, format="turtle")
>>> text.splitlines()[0]
'@prefix dg: <https://w3id.org/diplograph/ontology#> .'
>>> parse_rdf(text, format="turtle") == kg
True
"""

from __future__ import annotations

import gc
import io
import json
import re
from collections.abc import Iterable, Iterator
from operator import attrgetter
from pathlib import Path
from typing import IO

import pyoxigraph as ox

from .._atomic import atomic_write
from .._files import file_problem
from ..errors import RDFError
from ..kg import KnowledgeGraph
from ..kinds import KINDS
from ..model import Record
from ..safety import load_json
from ._kinds import TURTLE
from ._text import Text
from ._turtle import Direct
from .jsonld import CONTEXT_URL, context, local_contexts, write_jsonld
from .mapping import PROFILES, from_rdf, graph_names, graph_rows, rows_of, to_triples
from .terms import Row
from .vocab import BASE, PREFIXES

__all__ = [
    "CONTEXT_URL",
    "FORMATS",
    "context",
    "guess_format",
    "ntriples_pieces",
    "parse_rdf",
    "read_rdf",
    "serialize_rdf",
    "to_rdf",
    "write_rdf",
]

FORMATS: dict[str, ox.RdfFormat] = {
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "nquads": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG,
    "jsonld": ox.RdfFormat.JSON_LD,
    "rdfxml": ox.RdfFormat.RDF_XML,
}
"""The RDF formats diplograph writes and reads, by name."""

_EXTENSIONS = {
    ".ttl": "turtle",
    ".nt": "ntriples",
    ".nq": "nquads",
    ".trig": "trig",
    ".jsonld": "jsonld",
    ".json": "jsonld",
    ".rdf": "rdfxml",
}

_KIND_SEGMENTS = tuple(k.singular for k in KINDS.values())


def guess_format(path: Path | str) -> str:
    """The format name for a file name's extension.

    Examples
    --------
    >>> guess_format("out/korea.ttl")
    'turtle'
    >>> guess_format("korea.xml")
    Traceback (most recent call last):
    ...
    diplograph.errors.RDFError: cannot tell the RDF format of 'korea.xml' from its extension; \
expected one of .ttl, .nt, .nq, .trig, .jsonld, .json, .rdf, or give the format
    """
    suffix = Path(path).suffix.lower()
    if suffix not in _EXTENSIONS:
        raise RDFError(
            f"cannot tell the RDF format of {str(path)!r} from its extension; expected one of "
            f"{', '.join(_EXTENSIONS)}, or give the format"
        )
    return _EXTENSIONS[suffix]


def _check_format(format: str) -> ox.RdfFormat:
    if format not in FORMATS:
        raise RDFError(f"format must be one of {', '.join(FORMATS)} (got {format!r})")
    return FORMATS[format]


def _prefixes(base: str) -> dict[str, str]:
    out = dict(PREFIXES)
    for kind in _KIND_SEGMENTS:
        out[kind] = f"{base}{kind}/"
    return out


def _ordered(records: KnowledgeGraph | Iterable[Record]) -> Iterable[Record]:
    if isinstance(records, KnowledgeGraph):
        return (
            r for kind in KINDS for r in sorted(getattr(records, kind).values(), key=lambda r: r.id)
        )
    return records


def _by_graph(
    records: KnowledgeGraph | Iterable[Record], base: str
) -> Iterator[tuple[str | None, Iterable[Record]]]:
    """Records by named graph: the default graph first, then each source's graph by id."""
    if not isinstance(records, KnowledgeGraph):
        for record in records:  # a stream: one record at a time, graphs may repeat
            names = graph_names(record, base=base)
            for name in names or [None]:  # type: ignore[list-item]
                yield name, (record,)
        return
    default: list[Record] = []
    graphs: dict[str, list[Record]] = {}
    for record in _ordered(records):
        names = graph_names(record, base=base)
        if not names:
            default.append(record)
        for name in names:
            graphs.setdefault(name, []).append(record)
    if default:
        yield None, default
    for name in sorted(graphs):
        yield name, graphs[name]


def _graph_parts(
    records: KnowledgeGraph | Iterable[Record], base: str, profile: str
) -> Iterator[tuple[str | None, list[Row]]]:
    """Each graph's triples, record by record: a source's graph gets only its own evidence."""
    for name, members in _by_graph(records, base):
        for record in members:
            for graph, rows in graph_rows(rows_of(record, base=base, profile=profile), base):
                if graph == name:
                    yield name, rows


def _write_text(
    records: KnowledgeGraph | Iterable[Record],
    out: IO[bytes],
    format: str,
    base: str,
    profile: str,
) -> None:
    # every object made here lives for one record and holds no cycle: over a collection the
    # cyclic collector would only walk the records being written, again and again. A stream
    # holds few objects (and makes its records as it goes), so its collector stays on.
    enabled = gc.isenabled()
    if isinstance(records, KnowledgeGraph):
        gc.disable()
    try:
        _write_text_unpaused(records, out, format, base, profile)
    finally:
        if enabled:
            gc.enable()


def _write_text_unpaused(
    records: KnowledgeGraph | Iterable[Record],
    out: IO[bytes],
    format: str,
    base: str,
    profile: str,
) -> None:
    prefixes = _prefixes(base)
    text = Text(prefixes, base, _KIND_SEGMENTS)
    if format == "turtle" and profile == "default":
        pieces = _direct_turtle(records, text, base)
    elif format in ("turtle", "ntriples"):
        write = text.turtle if format == "turtle" else text.ntriples
        pieces = _batches(
            write(rows_of(r, base=base, profile=profile).rows()) for r in _ordered(records)
        )
    elif format == "trig":
        pieces = _batches(
            text.trig(name, rows) for name, rows in _graph_parts(records, base, profile)
        )
    else:
        pieces = _batches(
            text.ntriples(rows, name) for name, rows in _graph_parts(records, base, profile)
        )
    # each piece is written as the next one is made, the last one held back to end the file
    last = "".join(f"@prefix {p}: <{iri}> .\n" for p, iri in prefixes.items()) + "\n"
    if format not in ("turtle", "trig"):
        last = ""
    for piece in pieces:
        out.write(last.encode("utf-8"))
        last = piece
    if last.endswith("\n\n"):  # a blank line between statements, none at the end
        last = last[:-1]
    out.write(last.encode("utf-8"))


_BATCH = 256
"""Records formatted per piece of output: a few hundred kilobytes, written at once."""
_PIECE = 1 << 18
"""Characters of text gathered before they are written."""


def _batches(texts: Iterable[str]) -> Iterator[str]:
    """Texts joined into pieces of about ``_PIECE`` characters."""
    batch: list[str] = []
    size = 0
    for piece in texts:
        batch.append(piece)
        size += len(piece)
        if size >= _PIECE:
            yield "".join(batch)
            batch = []
            size = 0
    if batch:
        yield "".join(batch)


def _direct_turtle(
    records: KnowledgeGraph | Iterable[Record], text: Text, base: str
) -> Iterator[str]:
    """Turtle formatted straight from each record (``rdf/_kinds/<kind>.turtle``), in pieces."""
    direct = Direct(text, base)
    writers = {model: make(direct) for model, make in TURTLE.items()}

    def generic(record: Record) -> str:  # a kind without its own, and what is not a record
        return text.turtle(rows_of(record, base=base).rows())

    if isinstance(records, KnowledgeGraph):
        for kind in KINDS:
            members = sorted(getattr(records, kind).values(), key=attrgetter("id"))
            write = writers.get(KINDS[kind].model, generic)
            for i in range(0, len(members), _BATCH):
                yield "".join(map(write, members[i : i + _BATCH]))
        return
    yield from _batches(writers.get(type(r), generic)(r) for r in records)  # as they come


def ntriples_pieces(
    records: Iterable[Record], *, base: str = BASE, size: int = 1 << 24
) -> Iterator[bytes]:
    """The N-Triples of ``records``, every triple in one graph, in pieces of about ``size`` bytes.

    What a store loads in batches (:meth:`~diplograph.rdf.store.Store.add_records`):
    text made straight from the mapping's plain-string triples, which a store's
    parser reads faster than Python builds a pyoxigraph term per triple.

    Examples
    --------
    >>> from diplograph import Actor
    >>> pieces = list(ntriples_pieces([Actor(id="a", kind="state", name="A")]))
    >>> len(pieces), pieces[0].count(b"\\n")
    (1, 6)
    """
    ntriples = Text({}, base, _KIND_SEGMENTS).ntriples
    chunk: list[str] = []
    held = 0
    for record in records:
        piece = ntriples(rows_of(record, base=base).rows())
        chunk.append(piece)
        held += len(piece)
        if held >= size:
            yield "".join(chunk).encode("utf-8")
            chunk.clear()
            held = 0
    if chunk:
        yield "".join(chunk).encode("utf-8")


def serialize_rdf(
    records: KnowledgeGraph | Iterable[Record],
    out: IO[bytes],
    *,
    format: str = "turtle",
    base: str = BASE,
    profile: str = "default",
) -> None:
    """Write records to a binary stream in one of :data:`FORMATS`.

    Parameters
    ----------
    records
        A knowledge graph (written in stable order) or any iterable of records
        (written as it comes, one record at a time).
    out
        A binary stream, e.g. ``open(path, "wb")`` or ``sys.stdout.buffer``.
    format
        ``turtle``, ``ntriples``, ``nquads``, ``trig``, ``jsonld`` or ``rdfxml``. The quad
        formats put each record in the named graph of every source it cites,
        with only that source's evidence.
    base
        Base of instance IRIs.
    profile
        ``default``, or ``owl-time`` to add each event's and statement's date
        as an OWL-Time interval (not for ``jsonld``).

    Examples
    --------
    >>> import io
    >>> from diplograph import Actor
    >>> buf = io.BytesIO()
    >>> serialize_rdf([Actor(id="kcna", kind="media", name="KCNA")], buf, format="ntriples")
    >>> buf.getvalue().splitlines()[0].decode()
    '<https://w3id.org/diplograph/id/actor/kcna> \
<http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://semanticweb.cs.vu.nl/2009/11/sem/Actor> .'
    """
    _check_format(format)
    if profile not in PROFILES:
        raise RDFError(f"profile must be one of {', '.join(PROFILES)} (got {profile!r})")
    if format == "jsonld":
        if profile != "default":
            raise RDFError(f"the {profile} profile is not written as jsonld; use trig or turtle")
        write_jsonld(_by_graph(records, base), out, base)
        return
    if format == "rdfxml":  # pyoxigraph's writer, from the triples of each record
        triples = (t for r in _ordered(records) for t in to_triples(r, base=base, profile=profile))
        ox.serialize(triples, out, _check_format(format), prefixes=_prefixes(base))
        return
    _write_text(records, out, format, base, profile)


def write_rdf(
    records: KnowledgeGraph | Iterable[Record],
    path: Path | str,
    *,
    format: str | None = None,
    base: str = BASE,
    profile: str = "default",
) -> Path:
    """Write records to ``path`` as RDF, atomically; the format defaults to the extension's.

    See :func:`serialize_rdf` for the parameters. Returns the path written.

    Examples
    --------
    >>> import tempfile
    >>> from diplograph import load, bundled_data
    >>> kg = load(bundled_data())
    >>> with tempfile.TemporaryDirectory() as d:
    ...     path = write_rdf(kg, f"{d}/korea.trig")
    ...     read_rdf(path) == kg
    True
    """
    target = Path(path)
    fmt = format or guess_format(target)
    _check_format(fmt)
    with atomic_write(target) as fh:
        serialize_rdf(records, fh, format=fmt, base=base, profile=profile)
    return target


def to_rdf(
    records: KnowledgeGraph | Iterable[Record],
    *,
    format: str = "turtle",
    base: str = BASE,
    profile: str = "default",
) -> str:
    """The RDF text of records in one of :data:`FORMATS`.

    Examples
    --------
    >>> from diplograph import Actor
    >>> print(to_rdf([Actor(id="kcna", kind="media", name="KCNA")]).split("\\n\\n")[1])
    actor:kcna a sem:Actor , schema:NewsMediaOrganization , foaf:Agent , org:Organization ;
        dcterms:identifier "kcna" ;
        rdfs:label "KCNA" .
    <BLANKLINE>
    """
    buf = io.BytesIO()
    serialize_rdf(records, buf, format=format, base=base, profile=profile)
    return buf.getvalue().decode("utf-8")


# -- reading --------------------------------------------------------------------------------


_EXTERNAL_ENTITY = re.compile(rb"<!ENTITY\s+(?:%\s+)?([^\s>]+)\s+(SYSTEM|PUBLIC)\s+([^>]*)>")


def _refuse_external_entities(data: bytes, where: str) -> None:
    """Refuse RDF/XML that declares an external entity: nothing is ever fetched or read.

    >>> doc = b'<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    >>> _refuse_external_entities(doc, "a.rdf")
    Traceback (most recent call last):
    ...
    diplograph.errors.RDFError: a.rdf:1: the RDF/XML declares the external entity 'x', \
which is never fetched or read (got SYSTEM "file:///etc/passwd"); put the text inline
    """
    m = _EXTERNAL_ENTITY.search(data)
    if m is not None:
        line = data.count(b"\n", 0, m.start()) + 1
        name, kind, target = (g.decode("utf-8", "replace").strip() for g in m.groups())
        raise RDFError(
            f"{where}:{line}: the RDF/XML declares the external entity {name!r}, which is "
            f"never fetched or read (got {kind} {target}); put the text inline"
        )


def _parse_quads(data: bytes, format: str, where: str) -> list[ox.Quad]:
    fmt = _check_format(format)
    if format == "rdfxml":
        _refuse_external_entities(data, where)
    if format == "jsonld":
        doc = load_json(data, where)
        data = json.dumps(local_contexts(doc, where)).encode("utf-8")
    try:
        return list(ox.parse(data, fmt, base_iri=BASE))
    except SyntaxError as e:
        line = f":{e.lineno}" if e.lineno else ""
        raise RDFError(
            f"{where}{line}: not valid {format}: {e.msg}",
            path=where,
            line=e.lineno or None,
            column=e.offset or None,
            expected=format,
        ) from None
    except ValueError as e:
        raise RDFError(f"{where}: not valid {format}: {e}") from None


def parse_rdf(
    text: str | bytes, *, format: str = "turtle", where: str = "<text>"
) -> KnowledgeGraph:
    """Read records from RDF text written by :func:`to_rdf` (or any RDF that fits the mapping).

    Raises :class:`~diplograph.errors.RDFError` for text that does not parse,
    or whose resources do not make valid records; ``where`` names the input in
    the message.

    Examples
    --------
    >>> parse_rdf('<x:a> <x:b> "c" .', format="ntriples")
    Traceback (most recent call last):
    ...
    diplograph.errors.RDFError: <text>: no diplograph records found: expected resources typed \
dg:Source, sem:Actor, sem:Place, sem:Event or dg:Statement
    >>> parse_rdf("<x:a> <x:b> .", format="turtle")
    Traceback (most recent call last):
    ...
    diplograph.errors.RDFError: <text>:1: not valid turtle: ...
    """
    data = text.encode("utf-8") if isinstance(text, str) else text
    quads = _parse_quads(data, format, where)
    try:
        kg = from_rdf(quads)
    except RDFError as e:
        raise RDFError(f"{where}: {e}") from None
    if len(kg) == 0:
        raise RDFError(
            f"{where}: no diplograph records found: expected resources typed dg:Source, "
            "sem:Actor, sem:Place, sem:Event or dg:Statement"
        )
    return kg


def read_rdf(path: Path | str, *, format: str | None = None) -> KnowledgeGraph:
    """Read a knowledge graph from an RDF file; the format defaults to the extension's.

    Examples
    --------
    >>> read_rdf("no/such/file.ttl")
    Traceback (most recent call last):
    ...
    FileNotFoundError: [Errno 2] No such file or directory: 'no/such/file.ttl'
    """
    p = Path(path)
    fmt = format or guess_format(p)
    why = file_problem(p)
    if why is not None:  # checked before opening: a FIFO would block
        raise RDFError(f"{p}: cannot be read: {why}")
    return parse_rdf(p.read_bytes(), format=fmt, where=str(p))

"""RDF files: a knowledge graph as Turtle, N-Triples, N-Quads, TriG, JSON-LD or RDF/XML, and back.

Writing streams record by record through pyoxigraph's serializers (JSON-LD
through the compact writer of :mod:`diplograph.rdf.jsonld`), so no rdflib
graph is ever built.
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

import io
import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

import pyoxigraph as ox

from .._atomic import atomic_write
from .._files import file_problem
from ..errors import RDFError
from ..kg import KnowledgeGraph
from ..kinds import KINDS
from ..model import Record
from ..safety import load_json
from .jsonld import CONTEXT_URL, context, local_contexts, write_jsonld
from .mapping import from_rdf, graph_names, spo_of, to_triples
from .vocab import BASE, PREFIXES

__all__ = [
    "CONTEXT_URL",
    "FORMATS",
    "context",
    "guess_format",
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


def _triples(records: Iterable[Record], base: str) -> Iterator[ox.Triple]:
    for record in records:
        yield from to_triples(record, base=base)


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


def _quads(records: KnowledgeGraph | Iterable[Record], base: str) -> Iterator[ox.Quad]:
    for name, members in _by_graph(records, base):
        graph: ox.NamedNode | ox.DefaultGraph = (
            ox.DefaultGraph() if name is None else ox.NamedNode(name)
        )
        for record in members:
            for s, p, o in spo_of(record, base=base):
                yield ox.Quad(s, p, o, graph)


_BLANK_AFTER = re.compile(rb"( \.|\})\n(?=[^}])")
"""The end of a statement or a graph, unless a graph closes next."""


class _Tidy(io.RawIOBase):
    """Pass pyoxigraph's Turtle/TriG to ``out``, tidied on the way.

    Drops its ``@prefix`` lines (ours are written first, in a fixed order) and
    puts a blank line after every statement and every graph. pyoxigraph
    escapes line breaks inside literals, so a raw line break always ends a
    line of syntax and a line ending in `` .`` or ``}`` ends a statement or a
    graph.
    """

    def __init__(self, out: IO[bytes]) -> None:
        self.out = out
        self.carry = b""
        self.at_start = True
        self.pending = False  # the last line written ended a statement or a graph

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        chunk = bytes(data)
        self._process(chunk, final=False)
        return len(chunk)

    def finish(self) -> None:
        self._process(b"", final=True)

    def _process(self, data: bytes, *, final: bool) -> None:
        buf = self.carry + data
        while self.at_start:
            end = buf.find(b"\n")
            if end < 0:
                if not final:
                    self.carry = buf
                    return
                break
            if not buf.startswith(b"@prefix "):
                self.at_start = False
                break
            buf = buf[end + 1 :]
        cut = len(buf) if final else buf.rfind(b"\n") + 1
        portion, self.carry = buf[:cut], buf[cut:]
        if not portion:
            return
        if self.pending and not portion.startswith(b"}"):
            self.out.write(b"\n")
        self.pending = portion.endswith((b" .\n", b"}\n"))
        tidy = _BLANK_AFTER.sub(rb"\1\n\n", portion)
        self.out.write(tidy)


def serialize_rdf(
    records: KnowledgeGraph | Iterable[Record],
    out: IO[bytes],
    *,
    format: str = "turtle",
    base: str = BASE,
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
        ``turtle``, ``ntriples``, ``nquads``, ``trig``, ``jsonld`` or ``rdfxml``.
        The quad formats put each record in the named graph of every source it cites.
    base
        Base of instance IRIs.

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
    fmt = _check_format(format)
    if format == "jsonld":
        write_jsonld(_by_graph(records, base), out, base)
        return
    if format in ("turtle", "trig"):
        prefixes = _prefixes(base)
        out.write("".join(f"@prefix {p}: <{iri}> .\n" for p, iri in prefixes.items()).encode())
        out.write(b"\n")
        tidy = _Tidy(out)
        data: Iterable[Any] = (
            _triples(_ordered(records), base) if format == "turtle" else _quads(records, base)
        )
        ox.serialize(data, tidy, fmt, prefixes=prefixes)  # type: ignore[arg-type]
        tidy.finish()
        return
    if format == "ntriples":
        ox.serialize(_triples(_ordered(records), base), out, fmt)
    elif format == "rdfxml":
        ox.serialize(_triples(_ordered(records), base), out, fmt, prefixes=_prefixes(base))
    else:
        ox.serialize(_quads(records, base), out, fmt)


def write_rdf(
    records: KnowledgeGraph | Iterable[Record],
    path: Path | str,
    *,
    format: str | None = None,
    base: str = BASE,
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
        serialize_rdf(records, fh, format=fmt, base=base)
    return target


def to_rdf(
    records: KnowledgeGraph | Iterable[Record], *, format: str = "turtle", base: str = BASE
) -> str:
    """The RDF text of records in one of :data:`FORMATS`.

    Examples
    --------
    >>> from diplograph import Actor
    >>> print(to_rdf([Actor(id="kcna", kind="media", name="KCNA")]).split("\\n\\n")[1])
    actor:kcna a sem:Actor , schema:NewsMediaOrganization ;
        dcterms:identifier "kcna" ;
        rdfs:label "KCNA" .
    <BLANKLINE>
    """
    buf = io.BytesIO()
    serialize_rdf(records, buf, format=format, base=base)
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

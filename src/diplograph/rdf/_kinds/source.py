"""The RDF of a source: written by :func:`write`, read back by :func:`read`."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ...model import (
    Source,
    SourceKind,
)
from .._dates import date_field
from .._out import PLAIN, Out, language
from .._read import Reader, labelled, read_language
from .._text import quoted
from .._turtle import END, Direct
from ..terms import (
    COMMENT,
    CREATIVE_WORK,
    ID,
    LABEL,
    SOURCE_CLASS,
    SOURCE_KINDS,
    XSD_ANYURI,
    XSD_INT,
    A,
    DCTERMS_Agent,
    DCTERMS_issued,
    DCTERMS_publisher,
    DCTERMS_title,
    DG_credibility,
    DG_file,
    DG_issuedEdtf,
    DG_reliability,
    DG_retrieved,
    DG_retrievedEdtf,
    DG_sha256,
    DG_Source,
    DG_sourceKind,
    PROV_Entity,
    SCHEMA_url,
    Term,
)
from ..vocab import (
    SOURCE_KIND,
)

__all__ = ["read", "turtle", "write"]


def write(out: Out, r: Source) -> str:
    s = out.node("source", r.id)
    out.add(s, A, PROV_Entity)
    out.add(s, A, DG_Source)
    out.add(s, A, SOURCE_CLASS.get(r.kind, CREATIVE_WORK))
    out.add(s, ID, (r.id, PLAIN))
    out.add(s, DCTERMS_title, (r.title, PLAIN))
    out.add(s, DG_sourceKind, SOURCE_KINDS[r.kind])
    if r.publisher is not None:
        publisher = f"{s}#publisher"
        out.add(s, DCTERMS_publisher, publisher)
        out.later.append((publisher, A, DCTERMS_Agent))
        out.later.append((publisher, LABEL, (r.publisher, PLAIN)))
    if r.url is not None:
        out.add(s, SCHEMA_url, (r.url, XSD_ANYURI))
    date_field(out, s, DCTERMS_issued, DG_issuedEdtf, r.published, out.triples)
    date_field(out, s, DG_retrieved, DG_retrievedEdtf, r.retrieved, out.triples)
    language(out, s, r.language)
    out.text(s, DG_file, r.file)
    out.text(s, DG_sha256, r.sha256)
    out.text(s, DG_reliability, r.reliability)
    if r.credibility is not None:
        out.add(s, DG_credibility, (str(r.credibility), XSD_INT))
    out.text(s, COMMENT, r.note)
    return s


def turtle(d: Direct) -> Callable[[Source], str]:
    """A function writing a source's Turtle straight from the record: what ``d.text.turtle``
    makes of :func:`write`'s triples, byte for byte (the tests hold the two equal)."""
    p, ref, own, name, obj, base = d.p, d.ref, d.own, d.name, d.text.obj, d.base
    a = d.text.verb(A)
    head = f" {a} {name(PROV_Entity)} , {name(DG_Source)} , "
    classes = {k: name(SOURCE_CLASS.get(k, CREATIVE_WORK)) for k in SOURCE_KINDS}
    kinds = {k: f"{p(DG_sourceKind)}{name(iri)}" for k, iri in SOURCE_KINDS.items()}
    agent = f" {a} {name(DCTERMS_Agent)}{p(LABEL)}"

    def write(r: Source) -> str:
        rid = r.id
        me, s = ref("source", rid), f"{base}source/{rid}"
        parts = [
            f"{me}{head}{classes[r.kind]}{p(ID)}{quoted(rid)}{p(DCTERMS_title)}{quoted(r.title)}"
            f"{kinds[r.kind]}"
        ]
        later = ""
        if r.publisher is not None:
            node = own(me, s, "publisher")
            parts.append(f"{p(DCTERMS_publisher)}{node}")
            later = f"{node}{agent}{quoted(r.publisher)}{END}"
        if r.url is not None:
            parts.append(f"{p(SCHEMA_url)}{obj((r.url, XSD_ANYURI))}")
        parts.append(d.date_field(DCTERMS_issued, DG_issuedEdtf, r.published))
        parts.append(d.date_field(DG_retrieved, DG_retrievedEdtf, r.retrieved))
        line, node_text = d.language(me, s, r.language)
        parts.append(line)
        for pred, value in (
            (DG_file, r.file), (DG_sha256, r.sha256), (DG_reliability, r.reliability)
        ):  # fmt: skip
            if value is not None:
                parts.append(f"{p(pred)}{quoted(value)}")
        if r.credibility is not None:
            parts.append(f"{p(DG_credibility)}{obj((str(r.credibility), XSD_INT))}")
        if r.note is not None:
            parts.append(f"{p(COMMENT)}{quoted(r.note)}")
        parts += (END, later, node_text)
        return "".join(parts)

    return write


def read(rd: Reader, s: Term) -> Source:
    ix = rd.ix
    kind = ix.one(s, DG_sourceKind)
    fields: dict[str, Any] = {
        "id": rd.ids[s],
        "title": ix.text(s, DCTERMS_title, required="the title"),
        "kind": None
        if kind is None
        else rd.concept(s, DG_sourceKind, SOURCE_KIND, SourceKind, "the source kind"),
        "publisher": labelled(rd, s, DCTERMS_publisher),
        "url": ix.text(s, SCHEMA_url),
        "published": rd.date_field(s, DCTERMS_issued, DG_issuedEdtf),
        "retrieved": rd.date_field(s, DG_retrieved, DG_retrievedEdtf),
        "language": read_language(rd, s),
        "file": ix.text(s, DG_file),
        "sha256": ix.text(s, DG_sha256),
        "reliability": ix.text(s, DG_reliability),
        "credibility": rd.integer(s, DG_credibility),
        "note": ix.text(s, COMMENT),
    }
    return rd.build(Source, s, fields)  # type: ignore[no-any-return]

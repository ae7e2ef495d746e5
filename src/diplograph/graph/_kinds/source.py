"""A source in the graph view: its node, its edges (``cites`` aside), and back."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ...model import Source
from .._base import (
    Edge,
    Edges,
    NodeKind,
    opt,
    set_attrs,
)
from .._window import date_attrs

__all__ = ["edges", "node", "record"]


def node(s: Source) -> dict[str, Any]:
    attrs = set_attrs(
        {"kind": NodeKind.SOURCE.value, "label": s.title, "source_kind": s.kind.value},
        publisher=s.publisher,
        url=s.url,
        retrieved=str(s.retrieved) if s.retrieved is not None else None,
        language=s.language,
        file=s.file,
        sha256=s.sha256,
        reliability=s.reliability,
        credibility=s.credibility,
        note=s.note,
    )
    if s.published is not None:
        attrs.update(date_attrs(s.published))
    return attrs


def edges(r: Any, u: str) -> Iterator[Edge]:
    return iter(())


def record(rid: str, a: dict[str, Any], out: Edges, into: Edges) -> Source:
    fields = opt(a, "publisher", "url", "retrieved", "language", "file", "sha256")
    fields.update(opt(a, "reliability", "credibility", "note"))
    if "date" in a:
        fields["published"] = a["date"]
    return Source(id=rid, title=a["label"], kind=a["source_kind"], **fields)

"""Merge accepted drafts into an analyst's data folder without overwriting curated records.

Merging is accepting: the evidence merged loses its ``draft`` marker (its
``confidence`` stays, as how sure the reading was), unless the merge is asked
to keep it for evidence no one has reviewed yet.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar, cast

from .._atomic import atomic_write
from ..errors import LoadError
from ..kg import KnowledgeGraph
from ..load import check_folder, dumps_kind, load
from ..model import RECORD_KINDS, Actor, Evidence, Record, Source
from ._common import IngestError

__all__ = ["MergeReport", "accept", "merge_drafts"]

_R = TypeVar("_R", bound=Record)


@dataclass
class MergeReport:
    """What a merge did: ``kind/id`` of the records added and of those given new evidence."""

    added: list[str] = field(default_factory=list)
    extended: list[str] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)
    accepted: int = 0
    """How many pieces of evidence lost their draft marker."""


def _key(e: Evidence) -> tuple[object, ...]:
    return (e.source, e.start, e.end, e.quote)


def _items(value: Any) -> list[dict[str, Any]]:
    """Every evidence item of a dumped record, its posts' included."""
    found: list[dict[str, Any]] = []
    if isinstance(value, dict):
        for k, v in value.items():
            if k == "evidence" and isinstance(v, list):
                found += [e for e in v if isinstance(e, dict)]
            else:
                found += _items(v)
    elif isinstance(value, list):
        for v in value:
            found += _items(v)
    return found


def _item_key(e: dict[str, Any]) -> tuple[object, ...]:
    return (e.get("source"), e.get("start"), e.get("end"), e.get("quote"))


def _cleared(data: Any, only: set[tuple[object, ...]] | None = None) -> int:
    """Drop ``draft`` from the evidence items of a dumped record (those keyed in ``only``, if
    given); how many were drafts."""
    items = [e for e in _items(data) if only is None or _item_key(e) in only]
    return sum(1 for e in items if e.pop("draft", False))


def accept(record: Record) -> tuple[Record, int]:
    """``record`` with the draft marker of all its evidence (its posts' too) cleared.

    Returns the record and how many pieces of evidence were drafts.

    >>> from diplograph.model import Place
    >>> ev = Evidence(source="s", quote="Hanoi", start=0, end=5, confidence=0.8, draft=True)
    >>> place, n = accept(Place(id="hanoi", name="Hanoi", evidence=[ev]))
    >>> n, place.evidence[0].draft, place.evidence[0].confidence
    (1, None, 0.8)
    """
    data = record.model_dump(mode="json", exclude_defaults=True)
    count = _cleared(data)
    return (type(record).model_validate(data), count) if count else (record, 0)


def _reviewed(old: _R, new: Record) -> _R:
    """``old`` with its drafts accepted where ``new`` has the same evidence accepted (drafts
    merged before with ``keep_draft``, accepted now)."""
    keys = {_item_key(e) for e in _items(new.model_dump(mode="json")) if not e.get("draft")}
    data = old.model_dump(mode="json", exclude_defaults=True)
    return cast(_R, old.model_validate(data)) if _cleared(data, keys) else old


def _extend(old: Record, new: Record) -> Record:
    if isinstance(old, Source) or isinstance(new, Source):
        return old  # a source the folder has stays as the analyst wrote it
    old = _reviewed(old, new)
    have = {_key(e) for e in old.evidence}
    extra = tuple(e for e in new.evidence if _key(e) not in have)
    update: dict[str, object] = {}
    if extra:
        update["evidence"] = (*old.evidence, *extra)
    if isinstance(old, Actor) and isinstance(new, Actor):
        posts = {p.post.casefold() for p in old.positions}
        more = tuple(p for p in new.positions if p.post.casefold() not in posts)
        if more:
            update["positions"] = (*old.positions, *more)
    return old.model_copy(update=update) if update else old


def merge_drafts(drafts: Path | str, into: Path | str, *, keep_draft: bool = False) -> MergeReport:
    """Add the records of the drafts folder to ``into``; a record ``into`` has gains evidence only.

    Merging accepts the drafts: their evidence loses its ``draft`` marker, unless
    ``keep_draft`` (merged, but still to be reviewed). The drafts must be valid
    (checked against the texts beside them); ``into`` must load, and must be a
    folder of one YAML file per record kind (as :func:`~diplograph.load.dump`
    writes), or a folder with no YAML yet, or none at all (a first merge makes
    it). Every file is computed before the first is replaced, and each is
    replaced atomically.
    """
    src, dst = Path(drafts), Path(into)
    try:
        new, problems = check_folder(src, texts=src)
    except LoadError as e:
        raise IngestError(str(e)) from e
    if problems:
        raise IngestError(f"the drafts have {len(problems)} problem(s); first: {problems[0]}")
    if dst.exists() and not dst.is_dir():
        raise IngestError(f"{dst}: merge writes into a folder (got a file)")
    fresh = not dst.exists() or not any(dst.rglob("*.yaml"))  # a first merge starts a folder
    try:
        old = KnowledgeGraph() if fresh else load(dst)
    except LoadError as e:
        raise IngestError(f"{dst}: cannot merge into a folder that does not load: {e}") from e
    canonical = {f"{k}.yaml" for k in RECORD_KINDS}
    others = sorted(
        p.name for p in dst.rglob("*.yaml") if p.name not in canonical or p.parent != dst
    )
    if others:
        raise IngestError(
            f"{dst}: merge writes one file per record kind, and this folder has others "
            f"(got {', '.join(others)})"
        )
    report = MergeReport()
    merged = KnowledgeGraph.from_records(old.records())
    for record in new.records():
        if not keep_draft:
            record, n = accept(record)
            report.accepted += n
        kind = next(k for k, c in RECORD_KINDS.items() if isinstance(record, c))
        table: dict[str, Record] = getattr(merged, kind)
        if record.id in table:
            updated = _extend(table[record.id], record)
            if updated != table[record.id]:
                table[record.id] = updated
                report.extended.append(f"{kind}/{record.id}")
        else:
            table[record.id] = record
            report.added.append(f"{kind}/{record.id}")
    dangling = merged.dangling()
    if dangling:
        raise IngestError(f"the merge would leave a dangling reference: {dangling[0]}")
    texts = {k: dumps_kind(merged, k) for k in RECORD_KINDS if getattr(merged, k)}
    dst.mkdir(parents=True, exist_ok=True)
    for kind, text in texts.items():
        path = dst / f"{kind}.yaml"
        with atomic_write(path, text=True) as fh:
            fh.write(text)
        report.written.append(path)
    return report

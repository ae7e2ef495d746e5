"""Merge accepted drafts into an analyst's data folder without overwriting curated records."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .._atomic import atomic_write
from ..errors import LoadError
from ..kg import KnowledgeGraph
from ..load import check_folder, dumps_kind, load
from ..model import RECORD_KINDS, Actor, Record, Source
from ._common import IngestError

__all__ = ["MergeReport", "merge_drafts"]


@dataclass
class MergeReport:
    """What a merge did: ``kind/id`` of the records added and of those given new evidence."""

    added: list[str] = field(default_factory=list)
    extended: list[str] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)


def _extend(old: Record, new: Record) -> Record:
    if isinstance(old, Source) or isinstance(new, Source):
        return old  # a source the folder has stays as the analyst wrote it
    have = {(e.source, e.start, e.end, e.quote) for e in old.evidence}
    extra = tuple(e for e in new.evidence if (e.source, e.start, e.end, e.quote) not in have)
    update: dict[str, object] = {}
    if extra:
        update["evidence"] = (*old.evidence, *extra)
    if isinstance(old, Actor) and isinstance(new, Actor):
        posts = {p.post.casefold() for p in old.positions}
        more = tuple(p for p in new.positions if p.post.casefold() not in posts)
        if more:
            update["positions"] = (*old.positions, *more)
    return old.model_copy(update=update) if update else old


def merge_drafts(drafts: Path | str, into: Path | str) -> MergeReport:
    """Add the records of the drafts folder to ``into``; a record ``into`` has gains evidence only.

    The drafts must be valid (checked against the texts beside them); ``into``
    must load, and must be a folder of one YAML file per record kind (as
    :func:`~diplograph.load.dump` writes). Every file is computed before the
    first is replaced, and each is replaced atomically.
    """
    src, dst = Path(drafts), Path(into)
    try:
        new, problems = check_folder(src, texts=src)
    except LoadError as e:
        raise IngestError(str(e)) from e
    if problems:
        raise IngestError(f"the drafts have {len(problems)} problem(s); first: {problems[0]}")
    try:
        old = load(dst)
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
    for kind, text in texts.items():
        path = dst / f"{kind}.yaml"
        with atomic_write(path, text=True) as fh:
            fh.write(text)
        report.written.append(path)
    return report

"""Write an import into a data folder: new actors and sources, reports, and what to review.

``actors.yaml`` and ``sources.yaml`` hold the records the graph lacked, in the
loader's format. ``reports.yaml`` holds the reports (a record kind: the folder,
copied beside the data it was reconciled with, loads and validates).
``import-review.json`` lists the proposed new events, the fuzzy or ambiguous
actor matches, the conflicts and the totals: things for a
person to check, which the loader never reads. Every file is written
atomically, and what the folder already holds is kept: records are merged by
id, so importing the same file again adds nothing.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import yaml

from .._atomic import atomic_write
from ..errors import LoadError, Problem
from ..model import Actor, Source
from .conflicts import Conflict
from .reconcile import Proposal
from .report import Report, Totals

__all__ = ["Written", "read_reports", "write_import"]

_Dumper: Any = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class Written:
    """How many records of each kind an import added to the folder (not counting known ones)."""

    def __init__(self) -> None:
        self.added: dict[str, int] = {}
        self.known: dict[str, int] = {}


def _plain(record: Any) -> dict[str, Any]:
    data: dict[str, Any] = record.model_dump(mode="json", exclude_none=True)
    return {k: v for k, v in data.items() if v != [] and v != ()}


def _merge(path: Path, key: str, records: Iterable[Any], written: Written) -> None:
    old: list[dict[str, Any]] = []
    if path.is_file():
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader) or {}
        old = list(data.get(key) or [])
    ids = {r["id"] for r in old}
    new = []
    for record in records:
        if record.id in ids:
            written.known[key] = written.known.get(key, 0) + 1
            continue
        ids.add(record.id)
        new.append(_plain(record))
    written.added[key] = len(new)
    if not new and path.is_file():
        return
    rows = sorted(old + new, key=lambda r: str(r["id"]))
    with atomic_write(path, text=True) as fh:
        yaml.dump({key: rows}, fh, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)


def write_import(
    folder: Path,
    reports: Sequence[Report],
    actors: Iterable[Actor],
    sources: Iterable[Source],
    *,
    proposals: Sequence[Proposal] = (),
    review: Sequence[str] = (),
    conflicts: Sequence[Conflict] = (),
    totals: Totals | None = None,
) -> Written:
    """Merge the import into ``folder`` (created when missing); returns what was added."""
    folder.mkdir(parents=True, exist_ok=True)
    written = Written()
    _merge(folder / "sources.yaml", "sources", sources, written)
    _merge(folder / "actors.yaml", "actors", actors, written)
    _merge(folder / "reports.yaml", "reports", reports, written)
    if totals is not None:
        totals.duplicates = written.known.get("reports", 0)
    review_path = folder / "import-review.json"
    old: dict[str, Any] = {}
    if review_path.is_file():
        old = json.loads(review_path.read_text(encoding="utf-8"))
    proposed = {p["id"]: p for p in old.get("proposed_events", [])}
    proposed.update({p.id: p.as_dict() for p in proposals})
    data = {
        "proposed_events": sorted(proposed.values(), key=lambda p: str(p["id"])),
        "actor_matches": sorted(set(old.get("actor_matches", [])) | set(review)),
        "conflicts": [c.lines() for c in conflicts],
        "last_import": None if totals is None else _totals(totals),
    }
    with atomic_write(review_path, text=True) as fh:
        json.dump(data, fh, indent=1, ensure_ascii=False)
        fh.write("\n")
    return written


def _totals(t: Totals) -> dict[str, Any]:
    return {
        "file": t.file,
        "rows": t.rows,
        "imported": t.imported,
        "already_known": t.duplicates,
        "skipped": dict(t.skipped),
        "problems": [str(p) for p in t.problems],
        "linked": t.linked,
        "proposed": t.proposed,
    }


def read_reports(path: Path) -> Iterator[Report]:
    """The reports of ``reports.yaml`` (or of that file in the folder ``path``), validated.

    Raises
    ------
    LoadError
        The file is missing, is not YAML, or holds a report that does not validate.
    """
    from pydantic import ValidationError

    file = path / "reports.yaml" if path.is_dir() else path
    try:
        data = yaml.load(file.read_text(encoding="utf-8"), Loader=_Loader) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as e:
        why = getattr(e, "strerror", None) or str(e).splitlines()[0]
        raise LoadError([Problem(str(file), 0, f"cannot read the reports: {why}")]) from None
    rows = data.get("reports") if isinstance(data, dict) else None
    if not isinstance(rows, list):
        raise LoadError([Problem(str(file), 0, "expected a list under 'reports' (got none)")])
    for i, row in enumerate(rows):
        try:
            yield Report.model_validate(row)
        except ValidationError as e:
            err = e.errors()[0]
            where = ".".join(str(x) for x in err["loc"])
            raise LoadError(
                [Problem(str(file), 0, f"reports[{i}]: {where}: {err['msg']}")]
            ) from None

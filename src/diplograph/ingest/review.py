"""The review report: every draft with its evidence in context, lowest confidence first."""

from __future__ import annotations

from typing import Any, Protocol

__all__ = ["render_review"]


class Drafts(Protocol):
    """What the review reads of :class:`diplograph.ingest.drafts.Drafts` (no import of it:
    ``drafts`` writes the review, so importing it back would make a cycle)."""

    notes: dict[str, dict[str, Any]]
    unattributed: list[dict[str, Any]]
    known: list[dict[str, Any]]


def render_review(drafts: Drafts) -> str:
    """Markdown an analyst reads before accepting drafts: least sure first.

    Each entry names the record (``kind/id``), whether it is new or adds evidence
    to a record of the graph, the confidence and rule, and each piece of evidence
    with the words around it, the quoted words in bold.
    """
    lines = ["# Drafts to review", ""]
    lines.append(
        "Lowest confidence first. Edit or delete records in the YAML files, then merge "
        "what is left with `diplograph ingest-merge DRAFTS --into FOLDER`."
    )
    lines.append("")
    entries = sorted(drafts.notes.items(), key=lambda kv: (kv[1]["confidence"], kv[0]))
    for key, note in entries:
        if not note.get("evidence"):
            continue
        status = "new draft" if note["new"] else "adds evidence to an existing record"
        mode = f", {note['mode']}" if "mode" in note else ""
        lines.append(f"## {key} ({status}{mode})")
        lines.append("")
        lines.append(f"confidence {note['confidence']:.2f}: {note['rule']}")
        lines.append("")
        for ev in note["evidence"]:
            where = f"{ev['source']} {ev['start']}:{ev['end']}"
            lines.append(f"- {where}: {ev.get('context', ev['quote'])}")
            if ev.get("note"):
                lines.append(f"  - {ev['note']}")
        lines.append("")
    if drafts.unattributed:
        lines += ["## Statements without a speaker (not written as records)", ""]
        for u in drafts.unattributed:
            lines.append(f"- {u['source']} {u['start']}:{u['end']} ({u['mode']}): {u['quote']}")
        lines.append("")
    if drafts.known:
        lines += ["## Statements the data already cites from these words (nothing to merge)", ""]
        for k in drafts.known:
            lines.append(f"- {k['record']} (at {k['start']}): {k['quote']}")
        lines.append("")
    return "\n".join(lines)

"""The web view as static files: open ``index.html`` from disk, no server, no network.

The data goes into ``data.js`` (the answers of the API for every event and
statement, embedded as one JavaScript object), beside the page, its script and
style, and the bundled libraries. The page filters the embedded data itself.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from .._atomic import atomic_write
from ..rdf.store import Store
from . import api
from .assets import static_dir, vendor_files

__all__ = ["write_report"]


def report_data(store: Store, texts: api.Texts = api.NO_TEXTS) -> dict[str, Any]:
    """Everything the static page needs: the facets, every item, and every item's detail."""
    every = api.window(store, max_items=10**9)
    details: dict[str, Any] = {}
    for e in every["events"]:
        details[f"event:{e['id']}"] = {
            **api.event_detail(store, e["id"], texts),
            "reports": api.event_reports(store, e["id"]),
        }
    for s in every["statements"]:
        details[f"statement:{s['id']}"] = api.statement_detail(store, s["id"], texts)
    return {
        "facets": api.facets(store),
        "events": every["events"],
        "statements": every["statements"],
        "details": details,
    }


def write_report(
    store: Store, out: Path, *, texts: api.Texts = api.NO_TEXTS, title: str = ""
) -> dict[str, int]:
    """Write the static view of ``store`` into the folder ``out``; returns what it holds.

    Raises :class:`~diplograph.errors.DiplographError` when the bundled
    libraries are missing.
    """
    vendor = vendor_files()
    data = report_data(store, texts)
    payload = json.dumps({"mode": "static", "title": title, "data": data}, ensure_ascii=False)
    # "</" never closes a script element early, whatever the data says
    payload = payload.replace("</", "<\\/")
    for name in ("index.html", "app.js", "app.css"):
        target = out / (name if name == "index.html" else f"static/{name}")
        with atomic_write(target) as fh:
            fh.write((static_dir() / name).read_bytes())
    for name, path in vendor.items():
        with atomic_write(out / "vendor" / name) as fh, path.open("rb") as src:
            shutil.copyfileobj(src, fh)
    with atomic_write(out / "data.js", text=True) as fh:
        fh.write(f"window.DIPLOGRAPH = {payload};\n")
    return {"events": len(data["events"]), "statements": len(data["statements"])}

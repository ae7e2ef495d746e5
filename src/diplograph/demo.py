"""The tour of the shipped dataset: validate, query with citations, export, draw.

:func:`run_demo` does what ``diplograph demo`` shows: it checks the records
(and their RDF against the SHACL shapes), loads them into an embedded SPARQL
store, answers three questions an analyst asks of the Korea 2018-2019 data,
each answer with the words it rests on, and writes the RDF, GraphML, chart and
TimelineJS files. The command line only renders what this returns.

Examples
--------
>>> import tempfile
>>> from diplograph import load, bundled_data
>>> with tempfile.TemporaryDirectory() as out:
...     result = run_demo(load(bundled_data()), out)
...     names = [p.name for p in result.files]
>>> names == list(DEMO_FILES)
True
>>> [m.ordinal_text for m in result.meetings]
['1st', '2nd', '3rd']
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import DiplographError
from .kg import KnowledgeGraph
from .rows import EventRow, StatementRow

if TYPE_CHECKING:
    from .query import MeetingRow
    from .rdf.store import Store

__all__ = ["DEMO_FILES", "DemoResult", "Step", "run_demo"]

DEMO_FILES = (
    "korea.ttl",
    "korea.jsonld",
    "korea.trig",
    "korea.graphml",
    "timeline.png",
    "timeline.svg",
    "timeline.json",
)
"""The files :func:`run_demo` writes, in order."""

STEPS = ("validate", "load", "ask", *DEMO_FILES)
"""The steps of the demo, as passed to the progress callback."""

Step = Callable[[str], None]
"""Called with each step's name as it starts."""

TRUMP, KIM, MOON = "donald-trump", "kim-jong-un", "moon-jae-in"
SOUTH_KOREA = "south-korea"
PANMUNJOM_2019 = "panmunjom-meeting-2019"
SINGAPORE_2018 = "singapore-summit-2018"
ERA = "Hanoi to Panmunjom:2019-02-28/2019-06-30"


@dataclass
class DemoResult:
    """What the demo found and wrote."""

    counts: dict[str, int]
    shacl_violations: int
    quads: int
    meetings: list[MeetingRow] = field(default_factory=list)
    seoul_said: list[StatementRow] = field(default_factory=list)
    brokered: list[tuple[EventRow, list[str]]] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)


def _seoul_speakers(kg: KnowledgeGraph) -> set[str]:
    """South Korea and every actor of South Korea (its ministries, officials, president)."""
    return {SOUTH_KOREA} | {a.id for a in kg.actors.values() if a.country == SOUTH_KOREA}


def _write_files(kg: KnowledgeGraph, store: Store, folder: Path, tell: Step) -> list[Path]:
    """Write the demo files into ``folder``: RDF, GraphML, the timeline and its TimelineJS."""
    from .export.graphml import write_graphml
    from .export.timelinejs import write_timelinejs
    from .query import events, statements
    from .rdf.io import write_rdf
    from .timeline import plot_timeline, save_figure

    files: list[Path] = []
    folder.mkdir(parents=True, exist_ok=True)
    for name, fmt in (("korea.ttl", "turtle"), ("korea.jsonld", "jsonld"), ("korea.trig", "trig")):
        tell(name)
        files.append(write_rdf(kg, folder / name, format=fmt))
    tell("korea.graphml")
    files.append(write_graphml(kg, folder / "korea.graphml"))

    rows = events(store, flat=True)  # the chart draws every event, parts too
    said = statements(store)
    title = "Korean peninsula diplomacy, 2018-2019"
    ax = plot_timeline(rows, statements=said, eras=[ERA], title=title)
    for name in ("timeline.png", "timeline.svg"):
        tell(name)
        files.append(save_figure(ax, folder / name))
    tell("timeline.json")
    files.append(
        write_timelinejs(rows, folder / "timeline.json", statements=said, eras=[ERA], title=title)
    )
    return files


def _check_needed(kg: KnowledgeGraph) -> None:
    """Raise unless ``kg`` holds the actors and events the demo questions are about."""
    for needed in (TRUMP, KIM, MOON, SOUTH_KOREA):
        if needed not in kg.actors:
            raise DiplographError(
                f"the demo needs the shipped dataset: no actor {needed!r}", value=needed
            )
    for needed in (PANMUNJOM_2019, SINGAPORE_2018):
        if needed not in kg.events:
            raise DiplographError(
                f"the demo needs the shipped dataset: no event {needed!r}", value=needed
            )


def run_demo(kg: KnowledgeGraph, out: Path | str, *, step: Step | None = None) -> DemoResult:
    """Validate ``kg``, answer the three demo questions and write the demo files into ``out``.

    Parameters
    ----------
    kg
        The shipped Korea dataset (or any graph holding the same actors and events).
    out
        Folder for the files; created when missing. Each file is written atomically.
    step
        Called with the name of each step as it starts (for a progress display).

    Returns
    -------
    DemoResult
        The answers, with their citations, and the paths written.

    Raises
    ------
    DiplographError
        When the records break the SHACL shapes, or the graph lacks the actors
        and events the questions are about.
    """
    from .query import events, meetings, statements
    from .rdf.shacl import check_shacl
    from .rdf.store import open_store

    def tell(name: str) -> None:
        if step is not None:
            step(name)

    _check_needed(kg)
    tell("validate")
    violations = check_shacl(kg)
    if violations:
        raise DiplographError(
            f"the RDF of the records breaks {len(violations)} SHACL constraint(s); "
            "diplograph.rdf.check_shacl lists them",
            value=len(violations),
        )

    tell("load")
    store = open_store()
    quads = store.load(kg)

    tell("ask")
    result = DemoResult(counts=kg.counts(), shacl_violations=0, quads=quads)
    result.meetings = meetings(store, TRUMP, KIM)
    panmunjom = kg.events[PANMUNJOM_2019]
    seoul = _seoul_speakers(kg)
    result.seoul_said = [
        row for row in statements(store, start=panmunjom.time.earliest) if row.speaker in seoul
    ]
    for row in events(store, place=kg.events[SINGAPORE_2018].place, flat=True):
        if row.id == SINGAPORE_2018:
            mediators = [p.name for p in row.participants if p.role == "mediator"]
            result.brokered.append((row, mediators))

    result.files = _write_files(kg, store, Path(out), tell)
    store.close()
    return result

"""Graph commands over the networkx view: path, ego, co-participation, centrality, network."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from ._base import (
    Context,
    F,
    _records,
    _store_options,
    _table,
    cli,
    fail,
    pass_ctx,
    print_json,
)
from ._output import note, table_mode, table_options

# -- graph: path, ego, network, centrality -------------------------------------------------

_NODE_KINDS = [
    "actor",
    "event",
    "statement",
    "place",
    "source",
    "report",
]  # diplograph.graph.NodeKind
_DEFAULT_THROUGH = ("actor", "event", "statement")  # diplograph.graph.DEFAULT_THROUGH


def _through_option(f: F) -> F:
    return click.option(
        "--through",
        type=click.Choice(_NODE_KINDS),
        multiple=True,
        help="Node kinds to walk through (repeatable). Default: actor, event and statement; "
        "sources and places join almost everything in one step.",
    )(f)


def _window_options(what: str) -> Callable[[F], F]:
    def decorate(f: F) -> F:
        f = click.option(
            "--to",
            "end",
            metavar="DATE",
            help=f"Only {what} that may be on or before DATE (any precision: 2019, 2019-06).",
        )(f)
        return click.option(
            "--from",
            "start",
            metavar="DATE",
            help=f"Only {what} that may be on or after DATE (any precision: 2019, 2019-06).",
        )(f)

    return decorate


def _node_text(kind: str, type_: str | None, date: str | None, label: str, rid: str) -> str:
    what = type_ if kind == "event" and type_ else kind
    words = f'"{label}"' if kind == "statement" else label
    return f"{what:<16} {(date or ''):<22} {words} [{rid}]"


@cli.command()
@click.argument("a")
@click.argument("b")
@_through_option
@click.option("--json", "as_json", is_flag=True, help="Print a JSON object.")
@table_options()
@_store_options
@pass_ctx
def path(
    ctx: Context,
    a: str,
    b: str,
    through: tuple[str, ...],
    as_json: bool,
    store_path: Path | None,
    endpoint: str | None,
) -> None:
    """The shortest connection between two actors or events, with the records along it.

    A and B are names, aliases or ids of actors, or words of an event's label.
    Each step names the record that links it to the one before: who said what,
    what it was about, who took part in what.
    """
    from .. import graph

    kg = _records(ctx, store_path, endpoint)
    steps = graph.path(kg, a, b, through=through or _DEFAULT_THROUGH)
    if as_json:
        print_json(
            {
                "from": steps[0].node,
                "to": steps[-1].node,
                "links": len(steps) - 1,
                "steps": [s.to_dict() for s in steps],
            }
        )
        return
    if table_mode() is not None:
        _table(
            ["STEP", "RELATION", "KIND", "DATE", "NAME", "ID"],
            [
                [str(i), s.arrow() if s.relation else "", s.kind, s.date or "", s.label, s.id]
                for i, s in enumerate(steps)
            ],
        )
        return
    links = len(steps) - 1
    click.echo(f"{steps[0].label} to {steps[-1].label}: {links} link{'s' * (links != 1)}")
    for step in steps:
        if step.relation is not None:
            click.echo(f"    {step.arrow()}")
        click.echo(_node_text(step.kind, step.type, step.date, step.label, step.id))
    sources = dict.fromkeys(s for step in steps[1:-1] or steps for s in step.sources)
    if sources:
        click.echo(f"sources: {', '.join(sources)}")


@cli.command()
@click.argument("name")
@click.option(
    "--radius", type=int, default=1, show_default=True, help="How many steps out from NAME."
)
@_through_option
@click.option("--json", "as_json", is_flag=True, help="Print a JSON object.")
@table_options()
@_store_options
@pass_ctx
def ego(
    ctx: Context,
    name: str,
    radius: int,
    through: tuple[str, ...],
    as_json: bool,
    store_path: Path | None,
    endpoint: str | None,
) -> None:
    """The ego network of an actor or event: everything within --radius steps of it."""
    from .. import graph

    kg = _records(ctx, store_path, endpoint)
    E = graph.ego(kg, name, radius=radius, through=through or _DEFAULT_THROUGH)
    nodes = sorted(
        E.nodes(data=True),
        key=lambda p: (p[1]["distance"], p[1]["kind"], p[1].get("earliest", ""), p[0]),
    )
    if as_json:
        print_json(
            {
                "center": E.graph["center"],
                "radius": radius,
                "nodes": [
                    {
                        "node": n,
                        "kind": d["kind"],
                        "label": d.get("text", d["label"]),
                        "date": d.get("date"),
                        "distance": d["distance"],
                    }
                    for n, d in nodes
                ],
                "edges": [
                    {"source": u, "target": v, "relation": d["relation"], "role": d.get("role")}
                    for u, v, d in E.edges(data=True)
                ],
            }
        )
        return
    center = E.nodes[E.graph["center"]]["label"]
    if table_mode() is None:
        click.echo(
            f"{center}, radius {radius}: {E.number_of_nodes()} nodes, {E.number_of_edges()} edges"
        )
    _table(
        ["STEPS", "KIND", "DATE", "NAME", "ID"],
        [
            [
                str(d["distance"]),
                d.get("event_type", d["kind"]),
                d.get("date", ""),
                d["label"],
                graph.split_key(n)[1],
            ]
            for n, d in nodes
        ],
    )


@cli.command("co-participation")
@_window_options("events")
@click.option(
    "--principal",
    is_flag=True,
    help="Count only principal roles (host, guest, attendee, signatory, agent), "
    "not mediators, escorts or observers.",
)
@click.option(
    "--min-weight",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Only pairs with at least this many shared events.",
)
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list of objects.")
@table_options()
@_store_options
@pass_ctx
def co_participation(
    ctx: Context,
    start: str | None,
    end: str | None,
    principal: bool,
    min_weight: int,
    as_json: bool,
    store_path: Path | None,
    endpoint: str | None,
) -> None:
    """Pairs of actors who took part in the same events, by how many.

    With --from/--to, an event counts when its dates may fall in the window;
    WITHIN says how many of those certainly do (an event of "February 2019"
    may fall after 15 February but is not sure to).
    """
    from .. import graph
    from ..model import PRINCIPAL_ROLES

    kg = _records(ctx, store_path, endpoint)
    C = graph.co_participation(
        kg, start=start, end=end, roles=PRINCIPAL_ROLES if principal else None
    )
    pairs = sorted(
        (
            (C.nodes[u]["label"], C.nodes[v]["label"], u, v, d)
            for u, v, d in C.edges(data=True)
            if d["weight"] >= min_weight
        ),
        key=lambda p: (-p[4]["weight"], *sorted((p[0], p[1]))),
    )
    rows = []
    for name_u, name_v, u, v, d in pairs:
        (name_a, a, name_b, b) = (
            (name_u, u, name_v, v) if name_u <= name_v else (name_v, v, name_u, u)
        )
        rows.append((name_a, a, name_b, b, d))
    if as_json:
        print_json(
            [
                {
                    "a": graph.split_key(a)[1],
                    "a_name": name_a,
                    "b": graph.split_key(b)[1],
                    "b_name": name_b,
                    "weight": d["weight"],
                    "within": d["within"],
                    "events": list(d["events"]),
                }
                for name_a, a, name_b, b, d in rows
            ]
        )
        return
    if not rows and table_mode() is None:
        click.echo("(no pairs)", err=True)
        return
    windowed = start is not None or end is not None
    headers = ["ACTOR", "ACTOR", "EVENTS", *(["WITHIN"] if windowed else []), "EVENT IDS"]
    _table(
        headers,
        [
            [
                name_a,
                name_b,
                str(d["weight"]),
                *([str(d["within"])] if windowed else []),
                ", ".join(d["events"]),
            ]
            for name_a, _, name_b, _, d in rows
        ],
    )


@cli.command()
@click.option(
    "--measure",
    type=click.Choice(["degree", "betweenness", "closeness", "eigenvector"]),
    default="degree",
    show_default=True,
    help="degree: how many distinct records link to it; betweenness: the share of shortest "
    "connections through it; closeness; eigenvector.",
)
@click.option(
    "--kind",
    "kinds",
    type=click.Choice(["actor", "event", "statement"]),
    multiple=True,
    help="What to rank (repeatable). Default: actor.",
)
@click.option("--top", type=click.IntRange(min=1), help="Only the first N.")
@_window_options("events and statements")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list of objects.")
@table_options()
@_store_options
@pass_ctx
def centrality(
    ctx: Context,
    measure: str,
    kinds: tuple[str, ...],
    top: int | None,
    start: str | None,
    end: str | None,
    as_json: bool,
    store_path: Path | None,
    endpoint: str | None,
) -> None:
    """Rank actors (or events, statements) by centrality in the graph of actors, events
    and statements."""
    from .. import graph

    ranks = graph.centrality(
        _records(ctx, store_path, endpoint),
        measure=measure,
        kinds=kinds or ("actor",),
        start=start,
        end=end,
        top=top,
    )
    if as_json:
        print_json([r.to_dict() for r in ranks])
        return
    if not ranks and table_mode() is None:
        click.echo("(nothing to rank)", err=True)
        return

    def score(value: float) -> str:
        return str(int(value)) if measure == "degree" else f"{value:.4f}"

    _table(
        ["RANK", measure.upper(), "KIND", "NAME", "ID"],
        [[str(r.rank), score(r.score), r.kind, r.label, r.id] for r in ranks],
    )


@cli.command()
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["graphml", "gexf"]),
    default="graphml",
    show_default=True,
    help="GraphML (Gephi, yEd, Cytoscape) or GEXF (Gephi).",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False, allow_dash=True),
    required=True,
    help="File to write (replaced atomically; folders are created); '-' for stdout.",
)
@click.option(
    "--co-participation",
    "co",
    is_flag=True,
    help="Write the actors' co-participation network (weighted) instead of the whole graph.",
)
@click.option(
    "--principal",
    is_flag=True,
    help="With --co-participation: count only principal roles.",
)
@_window_options("events and statements")
@_store_options
@click.option("--force", is_flag=True, help="Write even into the data folder being read.")
@pass_ctx
def network(
    ctx: Context,
    fmt: str,
    output: Path,
    co: bool,
    principal: bool,
    start: str | None,
    end: str | None,
    store_path: Path | None,
    endpoint: str | None,
    force: bool,
) -> None:
    """Write the graph for Gephi: every record a node, every link a typed edge.

    Dates keep their precision: each dated node has its EDTF date and its
    earliest and latest day.
    """
    import sys

    from .. import graph
    from ..export import registry
    from ..model import PRINCIPAL_ROLES

    if output is not None and str(output) != "-":
        from .._atomic import refuse_overwrite

        refuse_overwrite(output, [ctx.data_dir, *ctx.texts], force=force)
    kg = _records(ctx, store_path, endpoint)
    if co:
        G: Any = graph.co_participation(
            kg, start=start, end=end, roles=PRINCIPAL_ROLES if principal else None
        )
    else:
        if principal:
            fail("--principal goes with --co-participation (got --principal alone)")
        G = graph.to_networkx(kg, start=start, end=end)
    if str(output) == "-":
        registry.serialize(G, sys.stdout.buffer, format=fmt)
        sys.stdout.buffer.flush()
        return
    written = registry.write(G, output, format=fmt)
    note(f"wrote {written}: {G.number_of_nodes()} nodes, {G.number_of_edges()} edges")

"""Graph commands over the networkx view: path, ego, co-participation, centrality, network."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from .._atomic import refuse_overwrite
from ..kg import KnowledgeGraph
from ._base import Context, F, cli, exporter, fail, pass_ctx, print_json

# -- graph: path, ego, network, centrality -------------------------------------------------

_NODE_KINDS = ["actor", "event", "statement", "place", "source"]  # diplograph.graph.NodeKind
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


@exporter("graphml", "gexf")
def _export_graph(kg: KnowledgeGraph, fmt: str, out: Path | None) -> None:
    from ..export import graphml

    if out is None:
        serialize = graphml.serialize_graphml if fmt == "graphml" else graphml.serialize_gexf
        serialize(kg, sys.stdout.buffer)
        sys.stdout.buffer.flush()
    else:
        (graphml.write_graphml if fmt == "graphml" else graphml.write_gexf)(kg, out)


def _graph_table(headers: list[str], rows: list[list[str]]) -> None:
    """Aligned columns; the last one is not padded."""
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(headers)]
    for line in [headers, ["-" * w for w in widths], *rows]:
        cells = [c.ljust(w) for c, w in zip(line[:-1], widths, strict=False)] + [line[-1]]
        click.echo("  ".join(cells).rstrip())


def _node_text(kind: str, type_: str | None, date: str | None, label: str, rid: str) -> str:
    what = type_ if kind == "event" and type_ else kind
    words = f'"{label}"' if kind == "statement" else label
    return f"{what:<16} {(date or ''):<22} {words} [{rid}]"


@cli.command()
@click.argument("a")
@click.argument("b")
@_through_option
@click.option("--json", "as_json", is_flag=True, help="Print a JSON object.")
@pass_ctx
def path(ctx: Context, a: str, b: str, through: tuple[str, ...], as_json: bool) -> None:
    """The shortest connection between two actors or events, with the records along it.

    A and B are names, aliases or ids of actors, or words of an event's label.
    Each step names the record that links it to the one before: who said what,
    what it was about, who took part in what.
    """
    from .. import graph

    kg = ctx.kg()
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
@pass_ctx
def ego(ctx: Context, name: str, radius: int, through: tuple[str, ...], as_json: bool) -> None:
    """The ego network of an actor or event: everything within --radius steps of it."""
    from .. import graph

    kg = ctx.kg()
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
    click.echo(
        f"{center}, radius {radius}: {E.number_of_nodes()} nodes, {E.number_of_edges()} edges"
    )
    _graph_table(
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
@pass_ctx
def co_participation(
    ctx: Context,
    start: str | None,
    end: str | None,
    principal: bool,
    min_weight: int,
    as_json: bool,
) -> None:
    """Pairs of actors who took part in the same events, by how many.

    With --from/--to, an event counts when its dates may fall in the window;
    WITHIN says how many of those certainly do (an event of "February 2019"
    may fall after 15 February but is not sure to).
    """
    from .. import graph
    from ..model import PRINCIPAL_ROLES

    kg = ctx.kg()
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
    if not rows:
        click.echo("(no pairs)", err=True)
        return
    windowed = start is not None or end is not None
    headers = ["ACTOR", "ACTOR", "EVENTS", *(["WITHIN"] if windowed else []), "EVENT IDS"]
    _graph_table(
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
@pass_ctx
def centrality(
    ctx: Context,
    measure: str,
    kinds: tuple[str, ...],
    top: int | None,
    start: str | None,
    end: str | None,
    as_json: bool,
) -> None:
    """Rank actors (or events, statements) by centrality in the graph of actors, events
    and statements."""
    from .. import graph

    ranks = graph.centrality(
        ctx.kg(), measure=measure, kinds=kinds or ("actor",), start=start, end=end, top=top
    )
    if as_json:
        print_json([r.to_dict() for r in ranks])
        return
    if not ranks:
        click.echo("(nothing to rank)", err=True)
        return

    def score(value: float) -> str:
        return str(int(value)) if measure == "degree" else f"{value:.4f}"

    _graph_table(
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
    type=click.Path(path_type=Path, dir_okay=False),
    required=True,
    help="File to write (replaced atomically; folders are created).",
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
    force: bool,
) -> None:
    """Write the graph for Gephi: every record a node, every link a typed edge.

    Dates keep their precision: each dated node has its EDTF date and its
    earliest and latest day.
    """
    from .. import graph
    from ..export.graphml import write_gexf, write_graphml
    from ..model import PRINCIPAL_ROLES

    refuse_overwrite(output, [ctx.data_dir, *ctx.texts], force=force)
    kg = ctx.kg()
    if co:
        G: Any = graph.co_participation(
            kg, start=start, end=end, roles=PRINCIPAL_ROLES if principal else None
        )
    else:
        if principal:
            fail("--principal goes with --co-participation (got --principal alone)")
        G = graph.to_networkx(kg, start=start, end=end)
    write = write_graphml if fmt == "graphml" else write_gexf
    written = write(G, output)
    click.echo(f"wrote {written}: {G.number_of_nodes()} nodes, {G.number_of_edges()} edges")

"""The dyad command: reports between two actors per period, as a table, JSON, CSV or chart."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from ._base import Context, _open_store, _store_options, cli, fail, pass_ctx, print_json
from ._output import note, table, table_options

_BINS = ("day", "week", "month", "quarter", "year")

_SHORT = {
    "verbal_cooperation": "VCOOP",
    "material_cooperation": "MCOOP",
    "verbal_conflict": "VCONF",
    "material_conflict": "MCONF",
    "unclassified": "OTHER",
}


@cli.command()
@click.argument("a")
@click.argument("b")
@click.option(
    "--by",
    type=click.Choice(_BINS),
    default="month",
    show_default=True,
    help="The period of each row (weeks are ISO weeks, from Monday).",
)
@click.option("--from", "start", metavar="DATE", help="Count reports that may be on or after.")
@click.option("--to", "end", metavar="DATE", help="Count reports that may be on or before.")
@click.option(
    "--split",
    type=click.Choice(["quad", "root"]),
    default="quad",
    show_default=True,
    help="Split the counts by CAMEO quad class or by CAMEO root code.",
)
@click.option(
    "--side/--alone",
    default=True,
    show_default=True,
    help="Count the people and bodies acting for A and B with them (or only A and B).",
)
@click.option(
    "--reports",
    "report_files",
    multiple=True,
    type=click.Path(path_type=Path, exists=True),
    hidden=True,
    help="Deprecated: give the folder written by 'diplograph import' as a data layer "
    "(the global --data, repeatable).",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Also draw the chart to this file (.png, .svg or .pdf).",
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@table_options()
@_store_options
@pass_ctx
def dyad(
    ctx: Context,
    a: str,
    b: str,
    by: str,
    start: str | None,
    end: str | None,
    split: str,
    side: bool,
    report_files: tuple[Path, ...],
    output: Path | None,
    as_json: bool,
    store_path: Path | None,
    endpoint: str | None,
) -> None:
    """Reports between A and B per period: A→B, B→A and joint, by quad class, with Goldstein.

    A report is counted in a period only when all its possible days lie in
    it; one known only coarser (a month with --by week) is counted in the
    COARSER column of every period it may fall in. With --store or --endpoint
    the counting runs in the store, one query; else over the reports of the
    data folders (layer the folder 'diplograph import' writes with --data).
    """
    from ..query.dyad import dyad as compute

    if output is not None and output.suffix.lower() not in (".png", ".svg", ".pdf"):
        fail(f"the chart must be a .png, .svg or .pdf file (got {output.name!r})")
    source, kg = _source(ctx, report_files, store_path, endpoint)
    from ..names import Names

    names = Names(kg)
    first, second = names.actor(a), names.actor(b)
    if first.id == second.id:
        fail(f"a dyad needs two different actors (got {first.name!r} twice: {a!r} and {b!r})")
    if isinstance(source, list) and not source:
        fail(
            "no reports to count: layer a folder written by 'diplograph import' with "
            "--data (diplograph --data DATA --data IMPORTED dyad ...), or give --store/--endpoint "
            "holding reports"
        )
    side_a, side_b = _sides(source, kg, first, second, side)
    t = compute(
        source, side_a, side_b, by=by, start=start, end=end, split=split, marks=output is not None
    )
    if output is not None:
        _chart(t, output, kg)
    if t.reason:
        note(t.reason)
    if as_json:
        print_json(_json(t))
        return
    _print(t)


def _source(
    ctx: Context, report_files: tuple[Path, ...], store_path: Path | None, endpoint: str | None
) -> tuple[Any, Any]:
    """Where the reports are (a store or a list of records) and the records names come from."""
    if store_path is not None or endpoint is not None:
        if report_files:
            fail("--reports reads files; --store and --endpoint read a store (got both)")
        store = _open_store(ctx, store_path, endpoint)
        return store, store
    if report_files:
        folders = tuple(p if p.is_dir() else p.parent for p in report_files)
        layered = " ".join(f"--data {f}" for f in folders)
        note(
            f"--reports is deprecated: layer the folder on the data instead "
            f"(diplograph --data DATA {layered} dyad ...)"
        )
        ctx.data = (*ctx.data_dirs, *folders)
        ctx._kg = ctx._layers = None
    kg = ctx.kg()
    reports: list[Any] = list(getattr(kg, "reports", {}).values())
    return reports, kg


def _sides(source: Any, kg: Any, a: Any, b: Any, wanted: bool) -> tuple[Any, Any]:
    from ..query.sides import Side, side, side_in_store
    from ..rdf.store import Store

    if not wanted:
        return Side.alone(a.id, a.name), Side.alone(b.id, b.name)
    if isinstance(source, Store):
        return side_in_store(source, a.id, a.name), side_in_store(source, b.id, b.name)
    return side(kg, a.id), side(kg, b.id)


def _print(t: Any) -> None:
    classes = t.classes
    headers = ["PERIOD", "A→B", "B→A", "JOINT"]
    headers += [_SHORT.get(c, c) for c in classes] + ["COARSER", "GOLDSTEIN", "INTENSITY"]
    rows = []
    for r in t.rows:
        cells = [r.period, *(str(r.total(d)) for d in ("a_to_b", "b_to_a", "joint"))]
        cells += [str(r.by_class(c)) for c in classes]
        cells += [str(r.total_coarser()), _spread(r.goldstein), _spread(r.intensity)]
        rows.append(cells)
    table(headers, rows)


def _spread(s: Any) -> str:
    return f"{s.mean:+.2f} ± {s.sd:.2f} (n={s.n})" if s.n else ""


def _json(t: Any) -> dict[str, Any]:
    return {
        "a": {"id": t.a.id, "name": t.a.name, "members": sorted(t.a.members)},
        "b": {"id": t.b.id, "name": t.b.name, "members": sorted(t.b.members)},
        "by": t.by,
        "split": t.split,
        "reports": t.reports,
        "coarser_than_bin": t.coarser,
        "reason": t.reason,
        "sources": [
            {"source": c.source, "reports": c.reports, "first": c.first, "last": c.last}
            for c in t.sources
        ],
        "periods": [
            {
                "period": r.period,
                "start": r.start,
                "end": r.end,
                "counts": r.counts,
                "coarser": r.coarser,
                "goldstein": _json_spread(r.goldstein),
                "intensity": _json_spread(r.intensity),
            }
            for r in t.rows
        ],
    }


def _json_spread(s: Any) -> dict[str, Any] | None:
    return {"n": s.n, "mean": round(s.mean, 4), "sd": round(s.sd, 4)} if s.n else None


def _chart(t: Any, output: Path, kg: Any) -> None:
    from ..query.sides import pair_events
    from ..rdf.store import Store
    from ..rows import event_rows
    from ..timeline.dyad import plot_dyad
    from ..timeline.plot import save_figure

    if isinstance(kg, Store):
        from .. import query

        rows = query.events(kg)
    else:
        rows = event_rows(kg)
    ax = plot_dyad(t, pair_events(rows, t.a, t.b))
    save_figure(ax, output)
    note(f"wrote {output}")

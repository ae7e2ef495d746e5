"""Commands for an analyst's own layer: fill an evidence block, write the layer out."""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from ..errors import ModelError
from ._base import Context, cli, fail, pass_ctx

if TYPE_CHECKING:
    from ..layers import Layers


@cli.command()
@click.argument("source")
@click.argument("quote")
@click.option(
    "--texts",
    "more_texts",
    type=click.Path(path_type=Path, file_okay=False, exists=True),
    multiple=True,
    help="Folder of source texts (repeatable), besides the global --texts.",
)
@click.option(
    "--into",
    "into",
    metavar="RECORD_ID",
    help="Add the block to this record of the last --data folder (the analyst's layer); a "
    "record of an earlier folder gets it through that layer's additions.yaml.",
)
@click.option(
    "--context",
    type=click.IntRange(min=0),
    default=20,
    show_default=True,
    help="How many characters of prefix and suffix to keep.",
)
@pass_ctx
def evidence(
    ctx: Context,
    source: str,
    quote: str,
    more_texts: tuple[Path, ...],
    into: str | None,
    context: int,
) -> None:
    """Find QUOTE in the text of SOURCE and print its evidence block (or add it to a record).

    Offsets count Unicode code points from the first character of the text
    file. A quote found more than once is refused with every place listed.
    """
    from ..evidence import find_quote, load_texts, near_quotes, text_of
    from ..model import Evidence

    kg = ctx.kg()
    if source not in kg.sources:
        near = difflib.get_close_matches(source, sorted(kg.sources), n=3)
        hint = f"; did you mean {', '.join(near)}?" if near else ""
        fail(f"no source has id {source!r}{hint}")
    texts = (*ctx.texts, *more_texts)
    if not texts:
        fail("give the folder of source texts: diplograph evidence SOURCE QUOTE --texts DIR")
    by_name, by_hash = load_texts(texts)
    src = kg.sources[source]
    text = text_of(src, by_name, by_hash)
    if text is None:
        named = f"file {src.file!r}" if src.file else "no file name"
        fail(f"no text for source {source!r} in {', '.join(map(str, texts))} ({named})")
    found = find_quote(text, quote, context=context)
    if found is None:
        hint = "; ".join(f"start={at}: {words!r}" for at, words in near_quotes(text, quote))
        fail(
            f"quote not found in source {source!r} (got {quote!r})"
            + (f"; the text has it with other case, quotes or spacing at {hint}" if hint else "")
        )
    if isinstance(found, list):
        places = ", ".join(f"start={at} (line {text.count(chr(10), 0, at) + 1})" for at in found)
        fail(
            f"quote occurs {len(found)} times in source {source!r}: {places}; quote more "
            "words so that it occurs once"
        )
    ev = Evidence(
        source=source,
        quote=quote,
        start=found.start,
        end=found.end,
        prefix=found.prefix,
        suffix=found.suffix,
        note=None,
        confidence=None,
        draft=None,
    )
    block = ev.model_dump(mode="json", exclude_none=True)
    if into is None:
        click.echo(_yaml({"evidence": [block]}), nl=False)
        return
    path = _add_evidence(ctx.layers(), into, block)
    click.echo(f"added evidence (start={ev.start}, end={ev.end}) to {into!r} in {path}")


def _yaml(data: Any) -> str:
    from .. import _yaml as _yaml_text

    return _yaml_text.dump(data)


def _add_evidence(layers: Layers, rid: str, block: dict[str, Any]) -> Path:
    """Write ``block`` into record ``rid``: in its file when the last layer holds it, else
    into the last layer's additions.yaml. Returns the file written."""
    from .._atomic import atomic_write
    from ..layers import ADDITIONS_FILE, Addition, apply_addition, dumps_additions

    kinds = sorted(kind for (kind, key) in layers.origin if key == rid)
    if not kinds:
        fail(f"no record has id {rid!r}")
    if len(kinds) > 1:
        fail(f"several records have id {rid!r} ({', '.join(kinds)}); ids must differ to add to one")
    kind = kinds[0]
    record = getattr(layers.kg, kind)[rid]
    where = (block["source"], block["quote"], block["start"], block["end"])
    if any((ev.source, ev.quote, ev.start, ev.end) == where for ev in record.evidence):
        fail(f"{rid!r} already has this evidence")
    addition = Addition(kind, rid, {"evidence": [block]}, "", 0)
    try:
        apply_addition(record, addition)
    except ModelError as e:
        fail(f"{rid!r}: {e}")
    last = len(layers.folders) - 1
    if layers.origin[(kind, rid)] == last:
        return _into_file(Path(layers.where[(kind, rid)][0]), kind, rid, block)
    path = layers.folders[last] / ADDITIONS_FILE
    adds = [a for a in layers.additions[last] if not (a.kind == kind and a.id == rid)]
    mine = next((a for a in layers.additions[last] if a.kind == kind and a.id == rid), None)
    fields = dict(mine.fields) if mine else {}
    fields["evidence"] = [*fields.get("evidence", []), block]
    adds.append(Addition(kind, rid, fields, str(path), 0))
    with atomic_write(path, text=True) as fh:
        fh.write(dumps_additions(adds))
    return path


def _into_file(path: Path, kind: str, rid: str, block: dict[str, Any]) -> Path:
    from .._atomic import atomic_write
    from ..layers import read_yaml_plain

    doc = read_yaml_plain(path)
    for item in doc.get(kind) or []:
        if isinstance(item, dict) and item.get("id") == rid:
            item["evidence"] = _with_block(item.get("evidence") or [], block)
            break
    else:  # pragma: no cover - the record was read from this file
        fail(f"{path}: no {kind} record {rid!r} found to add to")
    with atomic_write(path, text=True) as fh:
        fh.write(_yaml(doc))
    return path


def _with_block(evidence: list[Any], block: dict[str, Any]) -> list[Any]:
    """``evidence`` with ``block`` added: it fills in the offsets of the same quote of the
    same source given without them, else it comes last."""
    for i, ev in enumerate(evidence):
        if (
            isinstance(ev, dict)
            and (ev.get("source"), ev.get("quote")) == (block["source"], block["quote"])
            and ev.get("start") is None
            and ev.get("end") is None
        ):
            return [*evidence[:i], {**ev, **block}, *evidence[i + 1 :]]
    return [*evidence, block]


@cli.command("dump")
@click.argument("folder", type=click.Path(path_type=Path, file_okay=False))
@pass_ctx
def dump_cmd(ctx: Context, folder: Path) -> None:
    """Write the analyst's layer (the last --data folder) to FOLDER as canonical YAML.

    Its own records go in one file per kind, its additions to records of
    earlier folders in additions.yaml; nothing of the earlier folders is written.
    """
    for path in ctx.layers().dump_layer(folder):
        click.echo(str(path))

"""Commands that turn news text into draft records and merge accepted drafts."""

from __future__ import annotations

from pathlib import Path

import click
from pydantic import ValidationError

from ..errors import DiplographError
from ._base import Context, cli, fail, pass_ctx


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "-o", "--out", "out", required=True, type=click.Path(path_type=Path), help="Drafts folder."
)
@click.option("--published", help="Publication date (EDTF, e.g. 2019-07-01).")
@click.option("--title", help="Title of the article.")
@click.option("--url", help="Where the article was published.")
@click.option("--publisher", help="Who published it.")
@pass_ctx
def ingest(
    ctx: Context,
    files: tuple[Path, ...],
    out: Path,
    published: str | None,
    title: str | None,
    url: str | None,
    publisher: str | None,
) -> None:
    """Read news articles (text or saved HTML) into draft records in OUT.

    Names, events and sources are resolved against --data. OUT receives the
    records (which `validate --texts OUT` accepts), the article texts,
    review.md (each draft with its evidence, least sure first) and ingest.json
    (confidence and rule of each draft). Nothing is written when an input is bad.
    """
    try:
        from ..ingest import ingest_files, write_drafts
    except ImportError as e:  # pragma: no cover - depends on the installed extras
        fail(f"ingest needs the ingest extra: pip install 'diplograph[ingest]' ({e})")
    try:
        drafts = ingest_files(
            files, ctx.kg(), published=published, title=title, url=url, publisher=publisher
        )
        write_drafts(drafts, out)
    except (DiplographError, ValidationError) as e:
        fail(str(e).splitlines()[0])
    new = sum(1 for n in drafts.notes.values() if n["draft"])
    linked = len(drafts.notes) - new
    click.echo(
        f"{new} draft record(s), {linked} existing record(s) with new evidence, "
        f"{len(drafts.unattributed)} statement(s) without a speaker; review {out / 'review.md'}"
    )


@cli.command("ingest-merge")
@click.argument("drafts", type=click.Path(path_type=Path))
@click.option("--into", required=True, type=click.Path(path_type=Path), help="Data folder.")
def ingest_merge(drafts: Path, into: Path) -> None:
    """Add the records left in DRAFTS to the data folder INTO.

    A record INTO already has is never overwritten: it gains the new evidence
    (and posts) only.
    """
    from ..ingest import merge_drafts

    try:
        report = merge_drafts(drafts, into)
    except DiplographError as e:
        fail(str(e).splitlines()[0])
    click.echo(
        f"added {len(report.added)} record(s), added evidence to {len(report.extended)} in {into}"
    )

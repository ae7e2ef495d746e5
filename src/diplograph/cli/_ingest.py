"""Commands that turn news text into draft records and merge accepted drafts."""

from __future__ import annotations

from pathlib import Path

import click

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
    (which records are new, and the rule that made each). Each piece of evidence
    read is marked `draft: true`, with its `confidence`, in the records
    themselves. Nothing is written when an input is bad.
    """
    from pydantic import ValidationError

    try:
        from ..ingest import ingest_files, write_drafts
    except ImportError as e:  # pragma: no cover - depends on the installed extras
        fail(f"ingest needs the ingest extra: pip install 'diplograph[ingest]' ({e})")
    missing = _missing_extra()
    if missing:
        fail(
            "ingest needs the ingest extra, which is not installed here (got no "
            f"{', '.join(missing)}): pip install 'diplograph[ingest]'"
        )
    try:
        drafts = ingest_files(
            files, ctx.kg(), published=published, title=title, url=url, publisher=publisher
        )
        write_drafts(drafts, out)
    except (DiplographError, ValidationError) as e:
        fail(str(e).splitlines()[0])
    new = sum(1 for n in drafts.notes.values() if n["new"])
    linked = len(drafts.notes) - new
    known = f", {len(drafts.known)} statement(s) already in the data" if drafts.known else ""
    click.echo(
        f"{new} draft record(s), {linked} existing record(s) with new evidence, "
        f"{len(drafts.unattributed)} statement(s) without a speaker{known}; "
        f"review {out / 'review.md'}"
    )


def _missing_extra() -> list[str]:
    """The modules of the ingest extra that cannot be imported (they load only when used)."""
    from importlib.util import find_spec

    from ..ingest.nlp import MODEL

    names = ("spacy", MODEL, "trafilatura", "htmldate", "pycountry")
    return [name for name in names if find_spec(name) is None]


@cli.command("ingest-merge")
@click.argument("drafts", type=click.Path(path_type=Path))
@click.option("--into", required=True, type=click.Path(path_type=Path), help="Data folder.")
@click.option(
    "--keep-draft",
    is_flag=True,
    help="Merge without accepting: the evidence stays marked draft (not yet reviewed).",
)
def ingest_merge(drafts: Path, into: Path, keep_draft: bool) -> None:
    """Add the records left in DRAFTS to the data folder INTO, accepting them.

    A record INTO already has is never overwritten: it gains the new evidence
    (and posts) only. Merging is accepting: the merged evidence loses its
    `draft: true` marker (its confidence stays), unless --keep-draft.
    """
    from ..ingest import merge_drafts

    try:
        report = merge_drafts(drafts, into, keep_draft=keep_draft)
    except DiplographError as e:
        fail(str(e).splitlines()[0])
    accepted = "kept marked draft" if keep_draft else f"accepted {report.accepted} draft evidence"
    click.echo(
        f"added {len(report.added)} record(s), added evidence to {len(report.extended)} "
        f"in {into}; {accepted}"
    )

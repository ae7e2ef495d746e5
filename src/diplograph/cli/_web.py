"""The web view: ``serve`` runs it on a local server, ``report`` writes it as static files."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from ._base import Context, cli, fail, pass_ctx

if TYPE_CHECKING:
    from ..rdf.store import Store
    from ..web.api import Texts

_STORE = click.option(
    "--store",
    "store_path",
    type=click.Path(path_type=Path, file_okay=False, exists=True),
    help="An on-disk store ('diplograph load --store DIR'), opened read-only. "
    "Default: the data folder, loaded in memory.",
)
_ENDPOINT = click.option(
    "--endpoint", metavar="URL", help="A SPARQL 1.1 endpoint to read instead of a store."
)


def _view_store(ctx: Context, store_path: Path | None, endpoint: str | None) -> Store:
    from ..rdf.store import open_store

    if store_path is not None and endpoint is not None:
        fail(f"give --store or --endpoint, not both (got {store_path} and {endpoint})")
    if store_path is not None or endpoint is not None:
        return open_store(store_path, endpoint=endpoint, read_only=True)
    store = open_store()
    store.load(ctx.kg())
    return store


def _texts(ctx: Context) -> Texts:
    from ..load import load_texts
    from ..web.api import Texts

    by_name, by_hash = load_texts(ctx.texts) if ctx.texts else ({}, {})
    return Texts(by_name, by_hash)


@cli.command()
@_STORE
@_ENDPOINT
@click.option("--port", type=click.IntRange(0, 65535), default=8765, show_default=True)
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on; another than 127.0.0.1 shows the view to the network.",
)
@click.option("--title", default="", help="Title above the view.")
@pass_ctx
def serve(
    ctx: Context,
    store_path: Path | None,
    endpoint: str | None,
    port: int,
    host: str,
    title: str,
) -> None:
    """Serve the web view: timeline, link chart and evidence, read-only.

    With neither --store nor --endpoint the data folder (--data) is loaded in
    memory. Source texts (--texts) show the quoted words in place.

    \b
    Example:
      diplograph --texts ../corpus serve --port 8765
    """
    import socket

    try:
        import uvicorn

        from ..web.app import create_app
    except ImportError as e:
        fail(f"serve needs starlette and uvicorn: pip install 'diplograph[web]' (got {e})")

    store, texts = _view_store(ctx, store_path, endpoint), _texts(ctx)
    app = create_app(store, texts=texts, title=title)
    try:
        sock = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
    except OSError as e:
        fail(f"cannot listen on {host}:{port}: {e.strerror or e} (got --port {port})")
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"diplograph web view on http://{shown}:{sock.getsockname()[1]}/ (Ctrl-C stops)")
    config = uvicorn.Config(app, log_level="warning", access_log=False)
    uvicorn.Server(config).run(sockets=[sock])


@cli.command()
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(path_type=Path, file_okay=False),
    help="Folder to write index.html, data.js and the bundled libraries into.",
)
@_STORE
@_ENDPOINT
@click.option("--title", default="", help="Title above the view.")
@pass_ctx
def report(
    ctx: Context, output: Path, store_path: Path | None, endpoint: str | None, title: str
) -> None:
    """Write the web view as static files that open from disk, without a server or network.

    \b
    Example:
      diplograph report -o out/web && xdg-open out/web/index.html
    """
    from ..web.report import write_report

    store, texts = _view_store(ctx, store_path, endpoint), _texts(ctx)
    counts = write_report(store, output, texts=texts, title=title)
    click.echo(
        f"wrote {output / 'index.html'}: {counts['events']} events, "
        f"{counts['statements']} statements",
        err=True,
    )

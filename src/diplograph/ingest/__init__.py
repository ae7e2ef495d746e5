"""Ingest news text: an article in, draft records with speakers, dates and evidence out.

The stages, one module each: :mod:`.html` reads the article (plain text, or
the article of a saved HTML page), :mod:`.nlp` parses it with spaCy,
:mod:`.actors` resolves names against a graph, :mod:`.quotes` finds who said
what, :mod:`.temporal` dates every temporal expression (with
:func:`diplograph._relative.resolve_relative`), :mod:`.events` links event
mentions, :mod:`.drafts` writes the drafts folder and :mod:`.review` its
report; :mod:`.merge` adds accepted drafts to a data folder. Needs the
``ingest`` extra (spaCy and its small English model, trafilatura, htmldate).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ..kg import KnowledgeGraph
from ._common import IngestError
from .drafts import Drafts, build_drafts, write_drafts
from .html import Article, read_article
from .merge import MergeReport, merge_drafts
from .nlp import parse_many
from .pipeline import Analysis, analyze

__all__ = [
    "Analysis",
    "Article",
    "Drafts",
    "IngestError",
    "MergeReport",
    "analyze",
    "build_drafts",
    "ingest_files",
    "merge_drafts",
    "read_article",
    "write_drafts",
]


def ingest_files(
    files: Sequence[Path | str],
    kg: KnowledgeGraph,
    *,
    published: str | None = None,
    title: str | None = None,
    url: str | None = None,
    publisher: str | None = None,
) -> Drafts:
    """Read and analyse every file, then build the drafts; nothing is written.

    Every article needs a publication date (``published``, or the date the
    HTML page gives): relative dates and statements are dated against it.
    """
    articles = []
    for f in files:
        article = read_article(f, published=published, title=title, url=url, publisher=publisher)
        if article.published is None:
            raise IngestError(
                f"{f}: no publication date to resolve its dates against: give --published DATE"
            )
        articles.append(article)
    docs = parse_many([a.body for a in articles])
    return build_drafts([analyze(a, kg, doc=d) for a, d in zip(articles, docs, strict=True)], kg)

"""Query templates from ``queries/*.rq`` and their safe binding.

Parameters never enter a query as text. A template marks where values go with
a comment line ``#@values ?var ...``; :func:`bind` replaces it with a
``VALUES`` block whose terms are RDF terms serialized by pyoxigraph (N-Triples
syntax, quotes and backslashes escaped), so a value with quotes, braces or
``#`` in it stays one value. A template with its markers left in is still a
valid query: ``diplograph sparql queries/events.rq`` runs it unbound.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Union

import pyoxigraph as ox

from ..errors import QueryError
from ..rdf.store import Solutions, Store, Term
from ..resources import shipped

__all__ = ["Value", "bind", "run", "template", "template_names"]

Value = Union[Term, None, Sequence[Term]]  # noqa: UP007 - runtime alias
"""What a template parameter is bound to: one term, ``None`` (unbound) or a list of terms."""

_MARKER = re.compile(
    r"^(?P<indent>[ \t]*)#@values(?P<vars>(?:[ \t]+\?[A-Za-z_][A-Za-z0-9_]*)+)"
    r"[ \t]*$",
    re.MULTILINE,
)


def template_names() -> list[str]:
    """The names of the shipped query templates (the ``queries/*.rq`` files).

    >>> "events" in template_names()
    True
    """
    return sorted(p.stem for p in shipped("queries").glob("*.rq"))


def template(name: str) -> str:
    """The text of the shipped template ``queries/{name}.rq``.

    >>> template("meetings").startswith("#")
    True
    """
    path = shipped("queries") / f"{name}.rq"
    if not path.is_file():
        raise QueryError(f"no query template {name!r}; expected one of {template_names()}")
    return path.read_text(encoding="utf-8")


def _term(value: object, var: str) -> str:
    if isinstance(value, ox.NamedNode | ox.BlankNode | ox.Literal):
        return str(value)
    raise QueryError(
        f"?{var} must be bound to an RDF term (NamedNode or Literal), not pasted text "
        f"(got {value!r})"
    )


def bind(text: str, **params: Value) -> str:
    """Fill the ``#@values ?var ...`` markers of a template with ``VALUES`` blocks of RDF terms.

    A marker with one variable takes a term, ``None`` (left unbound) or a list
    of terms (one solution each; an empty list matches nothing). A marker with
    several variables takes one term or ``None`` for each. Every marked
    variable must be given and every parameter must have a marker.

    Examples
    --------
    >>> q = "SELECT ?x WHERE {\\n  #@values ?x\\n}"
    >>> print(bind(q, x=ox.Literal('a "quoted" } # name')))
    SELECT ?x WHERE {
      VALUES ?x { "a \\"quoted\\" } # name" }
    }
    >>> bind(q, x='" } ; DROP ALL #')
    Traceback (most recent call last):
    ...
    diplograph.errors.QueryError: ?x must be bound to an RDF term ...
    """
    used: set[str] = set()

    def fill(m: re.Match[str]) -> str:
        names = m["vars"].split()
        keys = [n[1:] for n in names]
        missing = [k for k in keys if k not in params]
        if missing:
            raise QueryError(f"the template needs a value for ?{missing[0]} (got none)")
        used.update(keys)
        indent = m["indent"]
        if len(keys) == 1:
            value = params[keys[0]]
            if value is None:
                cells = "UNDEF"
            elif isinstance(value, ox.NamedNode | ox.BlankNode | ox.Literal):
                cells = _term(value, keys[0])
            elif isinstance(value, Sequence) and not isinstance(value, str):
                cells = " ".join(_term(v, keys[0]) for v in value)
            else:
                cells = _term(value, keys[0])
            return f"{indent}VALUES {names[0]} {{ {cells} }}"
        row = []
        for k in keys:
            value = params[k]
            row.append("UNDEF" if value is None else _term(value, k))
        return f"{indent}VALUES ({' '.join(names)}) {{ ({' '.join(row)}) }}"

    out = _MARKER.sub(fill, text)
    extra = sorted(set(params) - used)
    if extra:
        raise QueryError(f"the template has no marker for ?{extra[0]} (got a value for it)")
    return out


def run(store: Store, name: str, **params: Value) -> Solutions:
    """Run the shipped template ``name`` on ``store`` with ``params`` bound.

    >>> from diplograph.rdf.store import open_store
    >>> run(open_store(), "counterparts", actor=ox.NamedNode("https://example.org/a")).variables
    ('other', 'name', 'shared')
    """
    return store.query(bind(template(name), **params))


BATCH = 2_000
"""Items bound per query by :func:`run_each`: a query stays far below the length limit."""


def run_each(
    store: Store, name: str, key: str, items: Sequence[ox.NamedNode], **params: Value
) -> Solutions:
    """Run ``name`` with ``key`` bound to ``items``, :data:`BATCH` at a time, and join the rows.

    Only for templates whose answer is row by row per item (the details,
    participants or citations of each event or record), so that batches add
    up to the answer of one query; a question over a whole store names
    hundreds of thousands of items, more than one query may hold.

    >>> from diplograph.rdf.store import open_store
    >>> many = [ox.NamedNode(f"https://example.org/a{i}") for i in range(BATCH * 2 + 1)]
    >>> run_each(open_store(), "event-details", "event", many).rows
    []
    """
    answer: Solutions | None = None
    for start in range(0, max(len(items), 1), BATCH):
        bound = dict(params)
        bound[key] = list(items[start : start + BATCH])
        more = store.query(bind(template(name), **bound))
        if answer is None:
            answer = more
        else:
            answer.rows.extend(more.rows)
    assert answer is not None
    return answer

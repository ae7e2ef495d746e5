"""What a user's SPARQL query (or JSON-LD document) may be before it reaches the engine.

An embedded engine runs in this process: a query nested thousands of braces
deep overflows its stack, and a federated ``SERVICE`` clause makes it send
HTTP requests to any address the query names. :func:`check_query` reads the
query's tokens (comments, strings and IRIs are skipped as the SPARQL grammar
says, so ``"SERVICE"`` in a string or ``<http://x/SERVICE>`` counts for
nothing) and refuses, with one line:

- a query longer than :data:`MAX_QUERY_CHARS` characters,
- brackets (``{``, ``(``, ``[``) nested deeper than :data:`MAX_NESTING`,
- any ``SERVICE`` clause, unless its endpoint is an IRI the caller allows
  (``SERVICE ?var`` names no endpoint and is always refused).

Examples
--------
>>> check_query("SELECT * WHERE { ?s ?p 'SERVICE' } # SERVICE <http://x/>")
>>> check_query("SELECT * WHERE { SERVICE SILENT <http://127.0.0.1:1/sparql> { ?s ?p ?o } }")
Traceback (most recent call last):
...
diplograph.errors.QueryError: line 1: SERVICE <http://127.0.0.1:1/sparql> would query another \
server; federated queries run only with --allow-service URL naming that endpoint
>>> check_query("ASK { SERVICE <http://h/q> {} }", allow_service=["http://h/q"])
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from typing import Any

from .errors import QueryError, RDFError

__all__ = ["MAX_NESTING", "MAX_QUERY_CHARS", "check_query", "json_nesting", "load_json"]

MAX_QUERY_CHARS = 1_000_000
"""The longest query accepted, in characters."""

MAX_NESTING = 128
"""How deep braces, parentheses and brackets may nest in a query (or a JSON document)."""

# One token at a time. Order matters: long strings before short ones, IRIs before '<'.
_TOKEN = re.compile(
    r"""
    (?P<ws>\s+)
  | (?P<comment>\#[^\n\r]*)
  | (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
              |'(?:[^'\\\n\r]|\\.)*'|"(?:[^"\\\n\r]|\\.)*")
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<var>[?$][\w\u00b7\u0300-\u036f\u203f-\u2040]+)
  | (?P<pname>[\w.\-]*:[\w.\-:%\\]*)
  | (?P<word>[A-Za-z_]\w*)
  | (?P<open>[{(\[])
  | (?P<close>[})\]])
  | (?P<other>.)
    """,
    re.VERBOSE | re.DOTALL,
)


_ESCAPE = re.compile(r"\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8}")


def _unescape(escape: str) -> str:
    code = int(escape[2:], 16)
    return chr(code) if code <= 0x10FFFF else escape


def _tokens(text: str) -> Iterator[tuple[str, str, int]]:
    """(kind, text, line) of every token but white space and comments."""
    line = 1
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup or "other"
        if kind not in {"ws", "comment"}:
            yield kind, m.group(), line
        line += m.group().count("\n")


def check_query(text: str, *, allow_service: Iterable[str] = ()) -> None:
    """Refuse a query that is too long, nested too deep, or calls another server.

    Parameters
    ----------
    text
        The SPARQL query.
    allow_service
        Endpoint IRIs that ``SERVICE`` clauses may name (given with
        ``--allow-service``); any other endpoint is refused.

    Raises
    ------
    QueryError
        One line saying what is wrong and where.
    """
    if len(text) > MAX_QUERY_CHARS:
        raise QueryError(
            f"the query is too long: at most {MAX_QUERY_CHARS:,} characters (got {len(text):,})"
        )
    allowed = set(allow_service)
    # SPARQL undoes \\u and \\U escapes before it parses: so does this check
    text = _ESCAPE.sub(lambda m: _unescape(m.group()), text)
    prefixes: dict[str, str] = {}
    tokens = list(_tokens(text))
    depth = 0
    for i, (kind, tok, line) in enumerate(tokens):
        if kind == "open":
            depth += 1
            if depth > MAX_NESTING:
                raise QueryError(
                    f"line {line}: the query nests brackets more than {MAX_NESTING} deep"
                )
        elif kind == "close":
            depth = max(0, depth - 1)
        elif kind == "word" and tok.upper() == "PREFIX" and i + 2 < len(tokens):
            name, iri = tokens[i + 1][1], tokens[i + 2][1]
            if name.endswith(":") and iri.startswith("<"):
                prefixes[name[:-1]] = iri[1:-1]
        elif kind == "word" and tok.upper() == "SERVICE":
            _check_service(tokens[i + 1 : i + 3], line, prefixes, allowed)


def _check_service(
    after: list[tuple[str, str, int]], line: int, prefixes: dict[str, str], allowed: set[str]
) -> None:
    if after and after[0][0] == "word" and after[0][1].upper() == "SILENT":
        after = after[1:]
    kind, tok = (after[0][0], after[0][1]) if after else ("", "")
    endpoint: str | None = None
    if kind == "iri":
        endpoint = tok[1:-1]
    elif kind == "pname":
        prefix, _, local = tok.partition(":")
        if prefix in prefixes:
            endpoint = prefixes[prefix] + local
    if endpoint is not None and endpoint in allowed:
        return
    shown = f"<{endpoint}>" if endpoint is not None else (tok or "(nothing)")
    raise QueryError(
        f"line {line}: SERVICE {shown} would query another server; federated queries run "
        "only with --allow-service URL naming that endpoint"
        + ("" if endpoint is not None else " (a variable or unknown prefix names none)")
    )


def json_nesting(text: str) -> int:
    """How deep the arrays and objects of a JSON text nest (strings are skipped).

    >>> json_nesting('{"a": [1, {"b": "[[["}]}')
    3
    """
    depth = deepest = 0
    for m in _JSON_TOKEN.finditer(text):
        c = m.group()
        if c in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif c in "]}":
            depth -= 1
    return deepest


_JSON_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"?|[\[\]{}]', re.DOTALL)


def load_json(data: bytes, where: str) -> Any:
    """The JSON document of ``data``, refused with one line when it nests too deep or is not JSON.

    Arrays and objects may nest :data:`MAX_NESTING` deep (Python's reader
    would otherwise recurse past its limit), and an integer may have 1,000
    digits (past 4,300 Python refuses to convert it).

    >>> load_json(b'{"a": [1]}', "x.jsonld")
    {'a': [1]}
    >>> load_json(b"[" * 200 + b"]" * 200, "x.jsonld")
    Traceback (most recent call last):
    ...
    diplograph.errors.RDFError: x.jsonld: the JSON-LD nests arrays and objects more than 128 deep; \
diplograph's records need far fewer levels
    """
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise RDFError(f"{where}: not JSON: not UTF-8 text (byte {e.start})") from None
    if json_nesting(text) > MAX_NESTING:
        raise RDFError(
            f"{where}: the JSON-LD nests arrays and objects more than {MAX_NESTING} deep; "
            "diplograph's records need far fewer levels"
        )
    try:
        return json.loads(text, parse_int=_int)
    except json.JSONDecodeError as e:
        raise RDFError(f"{where}: not JSON: {e}") from None
    except ValueError as e:  # _int's
        raise RDFError(f"{where}: {e}") from None


def _int(digits: str) -> int:
    if len(digits.lstrip("-")) > 1000:
        raise ValueError(f"a JSON number has {len(digits):,} digits; at most 1,000 are read")
    return int(digits)

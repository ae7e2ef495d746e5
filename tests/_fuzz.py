"""Mutations of real inputs (the shipped YAML, a Turtle export) for the fuzz test and fuzz_run.py.

A mutation is a few edits at random places: bytes replaced or dropped, lines
deleted, doubled or re-indented, and snippets that mean something to a YAML or
Turtle parser (anchors, aliases, tags, deep brackets, control characters,
impossible dates, hostile IRIs) dropped in.
"""

from __future__ import annotations

import random

YAML_SNIPPETS = [
    "&a ",
    "*a",
    "<<: *a",
    "[",
    "]",
    "{",
    "}",
    ": ",
    "- ",
    "? ",
    "\t",
    "\x00",
    "\x01",
    "\x85",
    "\ufeff",
    "\u2028",
    "!!python/object/apply:os.system ['true']",
    "!!binary ",
    "|",
    ">-",
    "'",
    '"',
    "%YAML 1.1\n",
    "---\n",
    "...\n",
    "~",
    "null",
    "9999-12-31",
    "0001-01-01",
    "0000-00-00",
    "2019-02-30",
    "2019-13",
    "1e999",
    "-0",
    "0x1F",
    ".inf",
    "yes",
    "\\",
    "#",
    "[" * 300 + "]" * 300,
    "{a: " * 80 + "1" + "}" * 80,
    "x" * 5000,
    "1" * 5000,
    "id: summit-2018-06-12-singapore",
    "part_of: hanoi",
    "- id: hanoi\n  name: Hanoi\n",
]
TURTLE_SNIPPETS = [
    "<javascript:alert(1)>",
    "_:b0",
    "[]",
    "[",
    "]",
    "(",
    ")",
    ";",
    ",",
    ".",
    '"""',
    '"',
    "^^xsd:date",
    '"soon"^^xsd:date',
    '"2019-02-30"^^xsd:date',
    '"9999-12-31"^^xsd:date',
    "@prefix x: <http://a/> .\n",
    "@base <x:> .\n",
    "<http://127.0.0.1:1/x>",
    "a sem:Event",
    "[ " * 400 + "]" * 400,
    "( " * 400 + ")" * 400,
    "\\u0000",
    "\x00",
    "\xff",
    "1" * 5000,
    'dcterms:identifier "x"',
    "schema:containedInPlace place:hanoi",
    "sem:subEventOf event:x",
    "<<( <x:a> <x:b> <x:c> )>>",
    '@version "1.2" .',
    "'''",
    "#",
]


def mutate(data: bytes, rng: random.Random, snippets: list[str]) -> bytes:
    """``data`` after one to four random edits."""
    out = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        kind = rng.randrange(7)
        at = rng.randrange(len(out) + 1)
        if kind == 0:  # a snippet dropped in
            out[at:at] = rng.choice(snippets).encode("utf-8")
        elif kind == 1:  # random bytes over what was there
            n = rng.randint(1, 8)
            out[at : at + n] = bytes(rng.randrange(256) for _ in range(n))
        elif kind == 2:  # a span dropped
            del out[at : at + rng.randint(1, 200)]
        else:  # line edits
            lines = bytes(out).split(b"\n")
            i = rng.randrange(len(lines))
            if kind == 3:
                del lines[i]
            elif kind == 4:
                lines.insert(i, lines[rng.randrange(len(lines))])
            elif kind == 5:
                lines[i] = b" " * rng.choice([1, 2, 3, 4, 8]) + lines[i]
            else:
                j = rng.randrange(len(lines))
                lines[i], lines[j] = lines[j], lines[i]
            out = bytearray(b"\n".join(lines))
    return bytes(out)

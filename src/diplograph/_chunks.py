"""Planning a large YAML data file as chunks of list items, so each chunk is parsed alone.

PyYAML builds a node for every scalar of a document before a single record
can be made; for a file of a million events that is gigabytes. A file laid
out plainly (``kind:`` keys at the left margin, each over a block list) is cut
at its list items instead, and each chunk of items parsed as its own list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .kinds import KINDS

CHUNK_ITEMS = 500
"""How many top-level list items one YAML chunk holds: the nodes of one chunk at a time."""

_TOP_KEY = re.compile(rb"([a-z]+):[ ]*(#[^\r\n]*)?\n?")
ODD_BREAKS = (b"\r", b"\xc2\x85", b"\xe2\x80\xa8", b"\xe2\x80\xa9", b"\t")
"""Bytes that YAML reads as line breaks, or refuses where a chunk might start: such a file is
read whole, so every line number stays YAML's own."""


@dataclass
class Section:
    """One top-level ``kind:`` key of a file and the byte ranges of its items in chunks."""

    kind: str
    line: int
    chunks: list[tuple[int, int, int]]  # (start byte, end byte, line of the start)


_MARGIN = re.compile(rb"^[^ \n#][^\n]*", re.M)
_INDENT = re.compile(rb"(?:[ ]*(?:#[^\n]*)?\n)*( *)")


def plan(path: Path) -> list[Section] | None:
    """The sections of a plainly laid-out file, or None to read the file whole.

    Lists at the left margin (as :func:`~diplograph.load.dump` writes them) are
    cut by a search over the margin only; indented lists line by line.
    """
    data = path.read_bytes()
    if data.startswith(b"\xef\xbb\xbf") or any(b in data for b in ODD_BREAKS):
        return None  # YAML counts these as line breaks (or refuses them): read the file whole
    sections: list[Section] = []
    count = start = start_line = 0
    line = 1
    last = 0
    for m in _MARGIN.finditer(data):
        text, pos = m.group(), m.start()
        line += data.count(b"\n", last, pos)
        last = pos
        if sections and (text == b"-" or text.startswith(b"- ")):
            if count == 0:
                start, start_line = pos, line
            elif count == CHUNK_ITEMS:
                sections[-1].chunks.append((start, pos, start_line))
                count, start, start_line = 0, pos, line
            count += 1
            continue
        key = _TOP_KEY.fullmatch(text)
        if key is None or key.group(1).decode() not in KINDS:
            return None
        if any(s.kind == key.group(1).decode() for s in sections):
            return None
        if sections and count:
            sections[-1].chunks.append((start, pos, start_line))
        sections.append(Section(key.group(1).decode(), line, []))
        count = 0
        nxt = _INDENT.match(data, m.end() + 1)
        if nxt is not None and nxt.group(1) and data[nxt.end() : nxt.end() + 1] != b"#":
            return _plan_lines(path)  # an indented list
    if sections and count:
        sections[-1].chunks.append((start, len(data), start_line))
    return sections or None


def _plan_lines(path: Path) -> list[Section] | None:
    """The sections of a plainly laid-out file, or None to read the file whole.

    A plain file has only ``kind:`` keys at the left margin, each followed by a
    block list whose items all start at one indentation, and none of the line
    breaks or tabs that would make our line count differ from YAML's. Anything
    else (and any YAML error in a chunk) is read as one document, as before.
    """
    sections: list[Section] = []
    seen: set[str] = set()
    indent = -1
    count = 0
    pos = 0
    start = 0
    start_line = 0
    with path.open("rb") as fh:
        if fh.read(3) == b"\xef\xbb\xbf":
            return None
        fh.seek(0)
        for number, line in enumerate(fh, 1):
            body = line.lstrip(b" ")
            here = len(line) - len(body)
            if body[:1] in (b"\n", b"#", b""):
                if indent < 0 and b"\r" in line:  # between sections: chunks are checked whole
                    return None
                pos += len(line)
                continue
            dash = body[:1] == b"-" and body[1:2] in (b" ", b"\n")
            if indent < 0 and sections and dash:
                indent, count, start, start_line = here, 1, pos, number
            elif here == indent and dash:
                if count == CHUNK_ITEMS:
                    sections[-1].chunks.append((start, pos, start_line))
                    count, start, start_line = 0, pos, number
                count += 1
            elif here == 0:
                m = _TOP_KEY.fullmatch(line)
                if m is None:
                    return None
                kind = m.group(1).decode()
                if kind not in KINDS or kind in seen:
                    return None
                seen.add(kind)
                if sections and count:
                    sections[-1].chunks.append((start, pos, start_line))
                sections.append(Section(kind, number, []))
                indent, count = -1, 0
            elif indent < 0 or here <= indent:
                return None
            pos += len(line)
    if sections and count:
        sections[-1].chunks.append((start, pos, start_line))
    return sections if sections else None

"""Reading the YAML of a data file safely: no alias bombs, no runaway nesting, errors as one line.

A data file is written by people and read by every command, so it must not
be able to exhaust the machine or crash the reader:

- aliases (``*name``) are refused: nine levels of nine aliases expand to
  billions of values (an "alias bomb") as soon as anything walks the
  document, and records never need them;
- collections may nest at most :data:`MAX_DEPTH` deep (the reader would
  otherwise recurse once per level and fail with a RecursionError);
- every error of the YAML parser becomes a :class:`YAMLProblem` with the
  line of the file and a one-line message that names the column.

Examples
--------
>>> import yaml
>>> load("a: [1, 2]", yaml.SafeLoader)
{'a': [1, 2]}
>>> load("a: &x [1]\\nb: *x", yaml.SafeLoader)
Traceback (most recent call last):
...
diplograph._yaml.YAMLProblem: line 1: YAML aliases are not allowed in data files: the value \
anchored here (column 4) is used again by an alias; write it out in full
>>> load("a: 1\\nb: \\x01", yaml.SafeLoader)
Traceback (most recent call last):
...
diplograph._yaml.YAMLProblem: line 2: invalid YAML: control character 0x01 is not allowed \
(column 4); remove it or write it as an escape in a double-quoted string
"""

from __future__ import annotations

import re
from typing import Any

import yaml

__all__ = ["MAX_DEPTH", "YAMLProblem", "dump", "load"]

_CParser: type[Any] | None = getattr(yaml, "CParser", None)

MAX_DEPTH = 64
"""How deep mappings and sequences may nest in a data file (records need about six levels)."""


class YAMLProblem(Exception):
    """What is wrong with a YAML text, and on which line of it (1-based)."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(f"line {line}: {message}")
        self.line = line
        self.message = message


def load(text: str, loader: type[Any]) -> Any:
    """The one document of ``text``, read with ``loader`` (a PyYAML loader class).

    Raises :class:`YAMLProblem` for invalid YAML, aliases, or nesting deeper
    than :data:`MAX_DEPTH`. Exceptions the loader's own constructors raise
    pass through.
    """
    try:
        reader = loader(text)
        node = reader.get_single_node()
    except yaml.reader.ReaderError as e:
        in_bytes = _CParser is not None and issubclass(loader, _CParser)
        raise _reader_problem(text, e, in_bytes=in_bytes) from None
    except yaml.MarkedYAMLError as e:
        raise _marked_problem(e) from None
    try:
        if node is None:
            return None
        _check_tree(node)
        return reader.construct_document(node)
    except yaml.MarkedYAMLError as e:  # a constructor's: a bad !!binary, !!int, an unknown tag
        raise _marked_problem(e) from None
    finally:
        reader.dispose()


def _check_tree(root: yaml.Node) -> None:
    """Refuse a node reached twice (an alias) and nesting past MAX_DEPTH, without recursing."""
    if _plain_tree(root):
        return
    seen: set[int] = set()
    stack: list[tuple[yaml.Node, int]] = [(root, 1)]
    while stack:
        node, depth = stack.pop()
        if id(node) in seen:
            mark = node.start_mark
            raise YAMLProblem(
                mark.line + 1,
                "YAML aliases are not allowed in data files: the value anchored here "
                f"(column {mark.column + 1}) is used again by an alias; write it out in full",
            )
        seen.add(id(node))
        if isinstance(node, yaml.ScalarNode):
            continue
        if depth > MAX_DEPTH:
            raise YAMLProblem(
                node.start_mark.line + 1,
                f"lists and mappings nest more than {MAX_DEPTH} deep here; a record needs "
                "far fewer levels",
            )
        if isinstance(node, yaml.MappingNode):
            children = [n for pair in node.value for n in pair]
        else:
            children = list(node.value)
        stack.extend((child, depth + 1) for child in reversed(children))


def _plain_tree(root: yaml.Node) -> bool:
    """Whether no node is reached twice and none nests past MAX_DEPTH: the quick check, a level
    of the tree at a time, that leaves finding and wording a problem to :func:`_check_tree`."""
    seen: set[int] = set()
    count = 0
    level = [root]
    depth = 1
    scalar, mapping = yaml.ScalarNode, yaml.MappingNode
    while level:
        count += len(level)
        seen.update(map(id, level))
        if len(seen) != count:
            return False  # an alias (and perhaps a loop, which a level at a time never leaves)
        below: list[yaml.Node] = []
        for node in level:
            kind = type(node)
            if kind is scalar:
                continue
            if depth > MAX_DEPTH:
                return False
            if kind is mapping:
                for pair in node.value:
                    below.extend(pair)
            else:
                below.extend(node.value)
        level = below
        depth += 1
    return True


def _reader_problem(text: str, e: yaml.reader.ReaderError, *, in_bytes: bool) -> YAMLProblem:
    """A reader error (a character YAML does not allow), located by line and column.

    libyaml counts ``position`` in bytes of the UTF-8 text, PyYAML in characters.
    """
    if in_bytes:
        before = text.encode("utf-8")[: e.position].decode("utf-8", "replace")
    else:
        before = text[: e.position]
    line = before.count("\n") + 1
    column = len(before) - (before.rfind("\n") + 1) + 1
    char = e.character if isinstance(e.character, int) else ord(e.character or "\0")
    return YAMLProblem(
        line,
        f"invalid YAML: control character 0x{char:02x} is not allowed (column {column}); "
        "remove it or write it as an escape in a double-quoted string",
    )


def _marked_problem(e: yaml.MarkedYAMLError) -> YAMLProblem:
    """A scanner, parser or composer error as one line: what, the column, and the context."""
    mark = e.problem_mark or e.context_mark
    line = mark.line + 1 if mark is not None else 1
    column = f" (column {mark.column + 1})" if mark is not None else ""
    context = ""
    if e.context and e.context_mark is not None and e.context_mark is not mark:
        context = f" ({e.context} on line {e.context_mark.line + 1})"
    what = " ".join(str(e.problem or e.context or "cannot be read").split())
    return YAMLProblem(line, f"invalid YAML: {what}{column}{context}")


# -- writing: the canonical layout ----------------------------------------------------


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    """Block-style YAML with multi-line strings as literal blocks, written by libyaml's
    emitter when PyYAML was built with it (four to five times faster than PyYAML's own).

    Strings, dictionaries and lists, nearly all of what is written, are turned into nodes
    here without the representer's bookkeeping of anchors, which nothing written uses: the
    same nodes, twice as fast (the representer took most of the time of a dump).
    """

    def represent_data(self, data: Any) -> yaml.Node:
        kind = type(data)
        if kind is str:
            return _str_representer(self, data)
        if kind is dict:
            pairs = [(self.represent_data(k), self.represent_data(v)) for k, v in data.items()]
            return yaml.MappingNode(_MAP, pairs, flow_style=False)
        if kind is list:
            items = [self.represent_data(v) for v in data]
            return yaml.SequenceNode(_SEQ, items, flow_style=False)
        return super().represent_data(data)  # type: ignore[no-any-return]


_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"


_UNSAFE = re.compile("[\x85\u2028\u2029\r\ufeff\x00-\x08\x0b-\x1f]")


def _str_representer(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    if _UNSAFE.search(value):
        # YAML folds these line breaks and drops control characters unless they are escaped
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style='"')
    if "\n" in value and all(line == line.rstrip() for line in value.split("\n")):
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|")
    return dumper.represent_scalar("tag:yaml.org,2002:str", value)


_Dumper.add_representer(str, _str_representer)


def dump(data: Any) -> str:
    """``data`` as block-style YAML, keys in their order, 100 columns wide.

    libyaml and PyYAML's own emitter write the same text but for a closing
    ``...`` line after a ``|+`` block (libyaml writes it after any, PyYAML
    after a last one); it changes nothing a reader sees, and is never written.

    >>> print(dump({"a": [{"b": "x\\n\\n"}]}), end="")
    a:
    - b: |+
        x
    <BLANKLINE>
    """
    text = yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100, indent=2)
    return text[:-4] if text.endswith("\n...\n") else text

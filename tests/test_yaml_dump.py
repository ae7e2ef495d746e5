"""The canonical YAML is written by libyaml's emitter: the same text as PyYAML's own, but for
the closing "..." line the two write after a "|+" block in different cases (never written)."""

from __future__ import annotations

import pytest
import yaml

from diplograph import _yaml, bundled_data, load
from diplograph.kinds import KINDS
from diplograph.load import dumps_kind


class _PurePython(yaml.SafeDumper):
    """PyYAML's own emitter with the representer the canonical layout uses."""


_PurePython.add_representer(str, _yaml._str_representer)


def _pure(data: object) -> str:
    text = yaml.dump(
        data, Dumper=_PurePython, sort_keys=False, allow_unicode=True, width=100, indent=2
    )
    return text[:-4] if text.endswith("\n...\n") else text


def test_libyaml_writes_the_data():
    assert _yaml._Dumper.__mro__[1] is getattr(yaml, "CSafeDumper", yaml.SafeDumper)


@pytest.mark.parametrize("kind", [k for k in KINDS if k != "reports"])
def test_shipped_dataset_dumps_as_pure_python_pyyaml_does(kind):
    kg = load(bundled_data())
    if not getattr(kg, kind):
        pytest.skip(f"the shipped dataset has no {kind}")
    records = sorted(getattr(kg, kind).values(), key=KINDS[kind].sort_key)
    data = {kind: [r.model_dump(mode="json", exclude_defaults=True) for r in records]}
    assert dumps_kind(kg, kind) == _pure(data)


@pytest.mark.parametrize(
    "value",
    [
        "the military said.\n\n",  # a "|+" block: both emitters close the document with "..."
        "two\nlines",
        "ends with dots...",
        "tab\there and a \x85 next line",
        "“curly” ‘quotes’ and Kim Jong-un’s 김정은",
        " leading and trailing ",
        "x" * 250,
        "a: b # not a comment",
    ],
)
def test_awkward_strings_dump_as_pure_python_pyyaml_does(value):
    # a "|+" block before the last value: libyaml alone would close the document with "..."
    data = {"events": [{"id": "e", "evidence": [{"prefix": value, "suffix": value, "n": 1}]}]}
    text = _yaml.dump(data)
    assert text == _pure(data)
    assert yaml.safe_load(text) == data
    assert not text.endswith("...\n")


def test_every_kind_of_value_dumps_as_the_representer_does():
    # the dumper turns strings, dictionaries and lists into nodes itself; the rest goes
    # through PyYAML's representer: the text must be the same as the representer's alone
    data = {
        "records": [
            {"empty list": [], "empty map": {}, "none": None, "yes": True, "n": 3, "x": 0.5},
            {"nested": [[1, "a"], {"k": ["v", {"deep": "2019-07-01"}]}], "date-like": "2019"},
            {"keys": {1: "one", "two words": "2"}, "s": "yes", "t": "null"},
        ]
    }
    text = _yaml.dump(data)
    assert text == _pure(data)
    assert yaml.safe_load(text) == data

"""Turtle straight from records: the pieces every kind's direct writer shares.

:mod:`diplograph.rdf._text` formats the triples the writers of ``rdf/_kinds``
make. Each kind's module also has ``turtle(direct)``, which makes a function
writing the same text straight from a record, with no triple, term or row
made on the way: prefixed names and each predicate with its separator are made
once per writer, a day's date literals are one f-string, and a record is one
join. ``tests/test_rdf_direct.py`` holds the two byte for byte equal, and the
triples read back from the text equal to the mapping's.

The layout is :meth:`~diplograph.rdf._text.Text.turtle`'s: a subject's
predicates after ``" ;\\n\\t"``, objects of one predicate joined by ``" , "``,
``" .\\n\\n"`` after each subject.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from ..dates import PartialDate, When
from ..model import Evidence
from ._dates import exact, typed
from ._out import decimal, iso639
from ._text import Text, quoted
from .terms import (
    COMMENT,
    DERIVED,
    EVIDENCE,
    LABEL,
    SEQ,
    STAMPS,
    XSD_BOOLEAN,
    XSD_DATE,
    XSD_DECIMAL,
    XSD_NNI,
    A,
    DCTERMS_language,
    DCTERMS_LinguisticSystem,
    DG_confidence,
    DG_draft,
    DG_edtf,
    DG_Evidence,
    OA_end,
    OA_exact,
    OA_hasSelector,
    OA_hasSource,
    OA_prefix,
    OA_start,
    OA_suffix,
    OA_TextPositionSelector,
    OA_TextQuoteSelector,
    member,
)
from .vocab import LANGUAGE

__all__ = ["END", "SEP", "Direct"]

SEP = " ;\n\t"
"""Between two predicates of one subject."""
END = " .\n\n"
"""After a subject's last object."""
_TWO = [f"{i:02d}" for i in range(32)]


class Direct:
    """What the direct writers share for one :class:`~diplograph.rdf._text.Text` and base.

    Examples
    --------
    >>> from diplograph.rdf.io import _KIND_SEGMENTS, _prefixes
    >>> from diplograph.rdf.vocab import BASE
    >>> d = Direct(Text(_prefixes(BASE), BASE, _KIND_SEGMENTS), BASE)
    >>> d.ref("actor", "kim"), d.p(LABEL)
    ('actor:kim', ' ;\\n\\trdfs:label ')
    >>> d.dates(PartialDate(2019, 2, 27)).count("2019-02-27")
    5
    """

    def __init__(self, text: Text, base: str) -> None:
        self.text = text
        self.base = base
        self.name = text.name
        self._p: dict[str, str] = {}
        p = self.p
        self.words = {
            "evidence": p(EVIDENCE),
            "head": f" {text.verb(A)} {self.name(DG_Evidence)}{p(OA_hasSource)}",
            "derived": p(DERIVED),
            "selector": p(OA_hasSelector),
            "comment": p(COMMENT),
            "confidence": p(DG_confidence),
            "draft": p(DG_draft),
            "quote": f" {text.verb(A)} {self.name(OA_TextQuoteSelector)}",
            "exact": p(OA_exact),
            "prefix": p(OA_prefix),
            "suffix": p(OA_suffix),
            "position": f" {text.verb(A)} {self.name(OA_TextPositionSelector)}{p(OA_start)}",
            "end": p(OA_end),
            "seq": f" {text.verb(A)} {self.name(SEQ)}",
            "language": p(DCTERMS_language),
            "linguistic": f" {text.verb(A)} {self.name(DCTERMS_LinguisticSystem)}{p(LABEL)}",
        }
        self.dates = self._dates()
        self.node = self._node()

    def p(self, predicate: str) -> str:
        """A predicate with the separator before it and a space after: ``" ;\\n\\tdg:text "``."""
        text = self._p.get(predicate)
        if text is None:
            text = self._p[predicate] = f"{SEP}{self.text.verb(predicate)} "
        return text

    def ref(self, kind: str, rid: str) -> str:
        """The name of the record of ``kind`` with id ``rid``."""
        if rid[-1] != ".":  # ids are [a-z0-9][a-z0-9._-]*: a local name but for a final "."
            return f"{kind}:{rid}"
        return self.name(f"{self.base}{kind}/{rid}")

    def own(self, me: str, s: str, fragment: str) -> str:
        """The name of a node of the record ``s`` (named ``me``): ``{s}#{fragment}``."""
        if me[0] != "<":
            return f"{me}\\#{fragment}"
        return self.name(f"{s}#{fragment}")

    def _dates(self) -> Callable[[When], str]:
        p, other = self.p, self.text.dates
        begin, end = p(STAMPS["begin"]), p(STAMPS["end"])
        earliest, latest = p(STAMPS["earliest_begin"]), p(STAMPS["latest_end"])
        day = f'"^^{self.name(XSD_DATE)}'
        edtf, begin, end = f'{p(DG_edtf)}"', f'"{begin}"', f'{day}{end}"'
        earliest, latest = f'{day}{earliest}"', f'{day}{latest}"'
        known: dict[tuple[int, int | None, int | None, bool, bool], str] = {}

        def dates(when: When) -> str:
            """A date's stamps as predicate-object lines, as :mod:`~diplograph.rdf._dates` has
            them, made once per date."""
            if type(when) is not PartialDate:
                return other(when)
            key = (when.year, when.month, when.day, when.uncertain, when.approximate)
            text = known.get(key)
            if text is None:
                if len(known) > 1 << 16:
                    known.clear()
                if when.day is None or when.uncertain or when.approximate:
                    text = other(when)
                else:  # a certain day, most dates: its five literals at once
                    y = when.year
                    iso = f"{y if y > 999 else f'{y:04d}'}-{_TWO[when.month or 0]}-{_TWO[when.day]}"
                    text = f"{edtf}{iso}{begin}{iso}{end}{iso}{earliest}{iso}{latest}{iso}{day}"
                known[key] = text
            return text

        return dates

    def date_field(self, p: str, edtf: str, d: When | None) -> str:
        """A single date (a post's start, a source's issue): typed, and its EDTF where needed."""
        if d is None:
            return ""
        text = f"{self.p(p)}{self.text.obj(typed(d))}" if isinstance(d, PartialDate) else ""
        if not exact(d):
            text += f"{self.p(edtf)}{quoted(str(d))}"
        return text

    def links(
        self, me: str, s: str, p: str, order: str, fragment: str, objects: Iterable[str]
    ) -> tuple[str, str]:
        """Links to named ``objects`` (each once), and an ``rdf:Seq`` of them when two or more.

        Returns the predicate-object lines and the sequence node's statement.
        """
        objects = list(objects)
        if not objects:
            return "", ""
        line = f"{self.p(p)}{' , '.join(dict.fromkeys(objects))}"
        if len(objects) < 2:
            return line, ""
        node = self.own(me, s, fragment)
        return f"{line}{self.p(order)}{node}", self._seq(node, objects)

    def texts(
        self, me: str, s: str, p: str, order: str, fragment: str, values: Iterable[str]
    ) -> tuple[str, str]:
        """:meth:`links` for plain literals (aliases)."""
        return self.links(me, s, p, order, fragment, [quoted(v) for v in values])

    def _seq(self, node: str, objects: list[str]) -> str:
        p = self.p
        members = "".join(f"{p(member(i))}{o}" for i, o in enumerate(objects, 1))
        return f"{node}{self.words['seq']}{members}{END}"

    def language(self, me: str, s: str, tag: str | None) -> tuple[str, str]:
        """``dcterms:language``: an ISO 639-1 IRI, else a node of the record labelled with the tag.

        Returns the predicate-object line and the node's statement."""
        if tag is None:
            return "", ""
        w = self.words
        if iso639(tag):
            return f"{w['language']}{self.name(f'{LANGUAGE}{tag}')}", ""
        node = self.own(me, s, "language")
        return f"{w['language']}{node}", f"{node}{w['linguistic']}{quoted(tag)}{END}"

    def evidence(
        self, me: str, s: str, items: tuple[Evidence, ...], prefix: str = ""
    ) -> tuple[str, list[tuple[str, str]]]:
        """The ``dg:evidence`` line of ``s`` and each evidence node's text with its source id.

        ``me`` names ``s``'s record (the nodes hang off it, ``prefix`` before
        ``evidence-N``); :func:`grouped` orders the nodes as the mapping does.
        """
        if not items:
            return "", []
        names = [self.own(me, s, f"{prefix}evidence-{i}") for i in range(1, len(items) + 1)]
        link = f"{self.words['evidence']}{' , '.join(names)}"
        return link, [(ev.source, self.node(n, ev)) for n, ev in zip(names, items, strict=True)]

    def _node(self) -> Callable[[str, Evidence], str]:
        w, ref, full = self.words, self.ref, self._full_node
        head, derived, selector = w["head"], w["derived"], w["selector"]
        quote_head = f"{w['quote']}{w['exact']}"

        def node(node: str, ev: Evidence) -> str:
            """An evidence node's statements: the node, its quote and its position selectors."""
            f = ev.__dict__
            quote = f["quote"]
            if (
                quote is None or f["prefix"] is not None or f["suffix"] is not None
                or f["start"] is not None or f["note"] is not None or f["confidence"] is not None
                or f["draft"]
            ):  # fmt: skip
                return full(node, ev)
            source = f["source"]  # the usual evidence, a quote alone: at once
            source = f"source:{source}" if source[-1] != "." else ref("source", source)
            return (
                f"{node}{head}{source}{derived}{source}{selector}{node}-quote{END}"
                f"{node}-quote{quote_head}{quoted(quote)}{END}"
            )

        return node

    def _full_node(self, node: str, ev: Evidence) -> str:
        w = self.words
        source = self.ref("source", ev.source)
        quote = ev.quote
        text = f"{node}{w['head']}{source}{w['derived']}{source}"
        has_quote = quote is not None or ev.prefix is not None or ev.suffix is not None
        start = ev.start
        if has_quote:
            text += f"{w['selector']}{node}-quote"
            if start is not None:
                text += f" , {node}-position"
        elif start is not None:
            text += f"{w['selector']}{node}-position"
        if ev.note is not None:
            text += f"{w['comment']}{quoted(ev.note)}"
        if ev.confidence is not None:
            text += f"{w['confidence']}{self.text.obj((decimal(ev.confidence), XSD_DECIMAL))}"
        if ev.draft:
            text += f"{w['draft']}{self.text.obj(('true', XSD_BOOLEAN))}"
        text += END
        if has_quote:
            text += f"{node}-quote{w['quote']}"
            for key, value in (("exact", quote), ("prefix", ev.prefix), ("suffix", ev.suffix)):
                if value is not None:
                    text += f"{w[key]}{quoted(value)}"
            text += END
        if start is not None and ev.end is not None:
            obj = self.text.obj
            text += (
                f"{node}-position{w['position']}{obj((str(start), XSD_NNI))}"
                f"{w['end']}{obj((str(ev.end), XSD_NNI))}{END}"
            )
        return text


def grouped(nodes: list[tuple[str, str]]) -> str:
    """Evidence nodes grouped by the source they cite, in the order each source is first cited,
    as :func:`diplograph.rdf._out.evidence` lists them."""
    if len(nodes) < 2:
        return nodes[0][1] if nodes else ""
    by_source: dict[str, list[str]] = {}
    for source, text in nodes:
        by_source.setdefault(source, []).append(text)
    return "".join(text for texts in by_source.values() for text in texts)

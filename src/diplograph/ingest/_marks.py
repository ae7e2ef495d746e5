"""Where the quotation marks of a text are: paragraphs, the quoted words of each (curly,
straight, single or guillemets), and a quotation that goes on into the next paragraph."""

from __future__ import annotations

import re
from collections.abc import Iterator

__all__ = ["paragraphs", "quote_spans", "spans"]

_OPEN = '“"«'
_CLOSE = {"“": "”", '"': '"', "«": "»"}


def paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of each paragraph: text between blank lines, without outer spaces.

    >>> list(paragraphs("One.\\n\\n  Two.\\n"))
    [(0, 4), (8, 12)]
    """
    for m in re.finditer(r"\S(?:.*\S)?(?:\n[ \t]*\S.*)*", text):
        block = m.group()
        stripped = block.rstrip()
        yield m.start(), m.start() + len(stripped)


def quote_spans(text: str, start: int, end: int) -> Iterator[tuple[int, int, bool]]:
    """The quoted words in ``text[start:end]``: ``(start, end, closed)``, marks excluded.

    An unclosed quote runs to the paragraph's end (the next paragraph goes on). A
    straight mark glued to the word before it and not to the one after closes a
    quote; it never opens one.

    >>> t = 'He said “we will talk,” then “go'
    >>> [(t[a:b], c) for a, b, c in quote_spans(t, 0, len(t))]
    [('we will talk,', True), ('go', False)]
    >>> t = 'on "jobs" and trade". Then "more"'
    >>> [t[a:b] for a, b, _ in quote_spans(t, 0, len(t))]
    ['jobs', 'more']
    """
    i = start
    while i < end:
        ch = text[i]
        if ch == '"' and _closes_only(text, i, start, end):
            i += 1
        elif ch == "‘" and _opens_single(text, i, start, end):
            close = _single_close(text, i, end)
            stop = close if close >= 0 else end
            if stop > i + 1:
                yield i + 1, stop, close >= 0
            i = stop + 1
        elif ch in _OPEN or _opens_backwards(text, i, start, end):
            close = text.find(_CLOSE.get(ch, ch), i + 1, end)
            if ch == "“":  # some pages close with two apostrophes, or a straight mark
                twice = text.find("’’", i + 1, end if close < 0 else close)
                close = twice if twice >= 0 else _straight_close(text, i, end, close)
            closed = close >= 0
            stop = close if closed else end
            if stop > i + 1:
                yield i + 1, stop, closed
            i = stop + 1
        else:
            i += 1


def _opens_single(text: str, i: int, start: int, end: int) -> bool:
    """A single curly mark opens a quotation where a word follows it and none is glued to it
    before (not the "’" of "Korea’s", nor "‘90s" inside a word)."""
    before = text[i - 1] if i > start else " "
    return i + 1 < end and text[i + 1].isalnum() and not before.isalnum()


def _single_close(text: str, i: int, end: int) -> int:
    """Where a "‘" at ``i`` closes: the first "’" after a word or a stop and before a space, a
    stop or the end, that is no apostrophe ("Korea’s", "the leaders’ talks"); -1 if none.

    >>> t = '‘We will meet,’ he said of the leaders’ talks and Korea’s ‘push-the-line’ plan'
    >>> [t[a:b] for a, b, _ in quote_spans(t, 0, len(t))]
    ['We will meet,', 'push-the-line']
    """
    at = i
    while (at := text.find("’", at + 1, end)) >= 0:
        before = text[at - 1]
        after = text[at + 1] if at + 1 < end else " "
        if after.isalnum():
            continue  # "Korea’s"
        if before in ".,!?":
            return at
        plural = before == "s" and after == " " and text[at + 2 : at + 3].islower()
        if before.isalnum() and not plural:  # not "the leaders’ talks"
            return at
    return -1


def _straight_close(text: str, i: int, end: int, close: int) -> int:
    """Where a curly opening mark at ``i`` closes when no curly mark closes it before the
    next one opens: a straight mark after a word ("“This is nonsense," he said").

    >>> t = '“This is nonsense," he said. “Yes.”'
    >>> [t[a:b] for a, b, _ in quote_spans(t, 0, len(t))]
    ['This is nonsense,', 'Yes.']
    """
    following = text.find("“", i + 1, end)
    if close >= 0 and (following < 0 or close < following):
        return close
    for at in range(i + 1, end if following < 0 else following):
        if text[at] == '"' and _closes_only(text, at, i, end):
            return at
    return close


def _opens_backwards(text: str, i: int, start: int, end: int) -> bool:
    """A closing curly mark outside any quotation, glued to the word after it and not to a
    word before it, opens one (a typesetting slip: "exposed.”(Kim) did not have ...”).

    >>> t = 'exposed.”(Kim) did not,” a source said'
    >>> [t[a:b] for a, b, _ in quote_spans(t, 0, len(t))]
    ['(Kim) did not,']
    """
    if text[i] != "”" or i + 1 >= end or text.find("”", i + 1, end) < 0:
        return False
    before = text[i - 1] if i > start else " "
    return (before.isspace() or before in ".?!") and (text[i + 1].isalnum() or text[i + 1] in "(‘")


def _closes_only(text: str, i: int, start: int, end: int) -> bool:
    """A straight mark after a word and before a space or punctuation: a closing mark."""
    before = text[i - 1] if i > start else " "
    after = text[i + 1] if i + 1 < end else " "
    return (before.isalnum() or before in ".,?!") and not after.isalnum()


def spans(text: str) -> Iterator[tuple[tuple[int, int], int, int, int, bool]]:
    """The quoted words of each paragraph; a quotation left open at a paragraph's end goes on
    in the next one up to its closing mark, even when no mark opens it again there."""
    carry = ""  # the mark that closes the quotation the last paragraph left open
    for n, para in enumerate(paragraphs(text)):
        start = para[0]
        close = _carried(text, para, carry)
        if close >= 0:
            yield para, n, para[0], close, True
            start = close + 1
        carry = ""
        for a, b, closed in quote_spans(text, start, para[1]):
            yield para, n, a, b, closed
            carry = "" if closed else {"‘": "’", "“": "”"}.get(text[a - 1], "")


def _carried(text: str, para: tuple[int, int], carry: str) -> int:
    """Where a quotation left open by the paragraph before closes in ``para``, when the
    paragraph does not open it again with a mark of its own; -1 otherwise."""
    if not carry or text[para[0]] in '“‘"':
        return -1
    if carry == "’":
        close = _single_close(text, para[0] - 1, para[1])
    else:
        close = text.find(carry, para[0], para[1])
    opens = [text.find(m, para[0], para[1]) for m in "“‘"]
    if close < 0 or any(0 <= o < close for o in opens):
        return -1
    return close

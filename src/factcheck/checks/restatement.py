"""Whether two claims stand in the same wording: the test shared by the checks of restated statements.

A claim's context is the words on each side of its figure or date, as the claim graph stores them
(`left`, `right` of a figure claim or of the Restates edge of a date). Two claims are a restatement
when, read outward from each value, the words agree.
"""
from __future__ import annotations

import math
from typing import Protocol

from .registry import Params

# Each claim is compared with at most this many earlier claims of its subject (or its words), so a
# pathological text (thousands of copies of one sentence) is checked in linear time; an article's
# subject rarely has more than a handful.
COMPARED = 64


class RestatementParams(Params):
    # A restatement: the words around both values agree on at least this many words in all, and on
    # each side on at least `restated_side_words` (or all the words one of them has there: a value
    # that opens or closes its sentence has none).
    restated_words: int = 5
    restated_side_words: int = 2
    # Every word both contexts have must agree (a copy of the sentence with one value changed), not
    # just the words next to the value: dates in a chronology share their openings ("In 1992,
    # elements of the battalion took part in ...").
    whole_context: bool = False


class Worded(Protocol):
    """A claim with the words on each side of its value (a figure claim, or a Restates edge of a date)."""

    @property
    def left(self) -> str: ...

    @property
    def right(self) -> str: ...

    @property
    def cut(self) -> bool: ...  # its sentence starts cut off: its left side may go on


def restated(a: Worded, b: Worded, params: RestatementParams) -> bool:
    """Whether two claims stand in the same wording, read outward from each value.

    One side must agree strongly (all the words both have, at least three, or five words or more),
    neither side may disagree within its first words, and where the wording parts, two different
    figures mark a list of parallel figures ("1.992 ton sisa operasi ... 1.647 ton sisa operasi") and
    two different names parallel statements about two subjects ("Sébergué competed in the tenth heat",
    "Ndikert competed in the eighth heat"), not a restatement. Where both sentences go on in other
    words on one side ("funds for schools ... would be cut 20 percent to", "funds for clinics ... would
    be cut 20 percent to"), the other side must agree on `restated_words` words: a parallel sentence
    about another thing shares its frame, a restated one its whole wording. A sentence cut off at its
    start (`cut`) does not end where its words do: its left side may go on in other words.
    """
    total, strong = 0, False
    agreed: list[int] = []
    parted: list[bool] = []
    for side, (x, y) in enumerate(((a.left.split()[::-1], b.left.split()[::-1]),
                                   (a.right.split(), b.right.split()))):
        n = _common(x, y)
        shortest = min(len(x), len(y))
        if n < min(shortest, params.restated_side_words) or (params.whole_context and n < shortest):
            return False  # both claims have words on this side, and they differ
        if n < shortest and ((_figure(x[n]) and _figure(y[n])) or _other_name(x[n], y[n])):
            return False
        ends = min(_length(x, side == 0 and a.cut), _length(y, side == 0 and b.cut))
        strong = strong or (n == ends and n >= 3) or n >= params.restated_words
        total += n
        agreed.append(n)
        parted.append(n < ends)
    if any(parted[side] and agreed[1 - side] < params.restated_words for side in (0, 1)):
        return False
    return strong and total >= params.restated_words


def _length(words: list[str], cut_before: bool) -> float:
    """Where the words of a side end: nowhere known on the left of a sentence cut off at its start."""
    return math.inf if cut_before else len(words)


def _common(x: list[str], y: list[str]) -> int:
    n = 0
    for a, b in zip(x, y):
        if a.lower() != b.lower():
            break
        n += 1
    return n


def _figure(word: str) -> bool:
    return word[:1].isdigit()


def _other_name(a: str, b: str) -> bool:
    """Two different names; a name cut short by the sentence splitter ("U." of "U.S.") is the same."""
    if not (a[:1].isupper() and b[:1].isupper()):
        return False
    a, b = a.lower(), b.lower()
    return not (a.startswith(b) or b.startswith(a))

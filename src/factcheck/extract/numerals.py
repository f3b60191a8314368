"""Numbers written in words: `tiga puluh tujuh` (37), `seratus dua puluh` (120), `twenty-two` (22).

A number is a run of groups, each a number word with the multipliers after it (`dua puluh`, `tiga
belas`, `dua ratus`); each group must fit below the one before it, so `satu dua` ("one or two") reads
as `satu` only.
"""
from __future__ import annotations

import math
import re

from ..lexicon import Lexicon, alternation


class NumberWords:
    def __init__(self, lex: Lexicon):
        d = lex.data.numbers
        self.values = {k.lower(): v for k, v in d.words.items()}
        self.multipliers = {k.lower(): v for k, v in d.multipliers.items()}
        self.additions = {k.lower(): v for k, v in d.additions.items()}
        self.openers = [*self.values, *d.vague]  # the words a number written in words opens with
        word = alternation(self.openers)
        joined = alternation([*self.values, *self.multipliers, *self.additions])
        self.pattern = rf"(?:{word})(?:(?:\s+|-)(?:{joined})(?![\w-]))*" if word else "(?!)"
        self.token = re.compile(rf"(?:\s+|-)?({joined})(?!\w)", re.I) if joined else None

    def read(self, run: str) -> tuple[float, int] | None:
        """The value of the longest well-formed number at the start of `run`, and its length."""
        total, place, end = 0.0, math.inf, 0
        group, group_end = None, 0
        while self.token and (tok := self.token.match(run, group_end)):
            w = " ".join(tok.group(1).lower().split())
            if w in self.values:
                if group is not None:
                    if not self._fits(group, place):
                        break
                    total, place, end = total + group, _place(group), group_end
                group = self.values[w]
            elif group is not None and w in self.multipliers:
                group *= self.multipliers[w]
            elif group is not None and w in self.additions:
                group += self.additions[w]
            else:
                break
            group_end = tok.end()
        if group is not None and self._fits(group, place):
            total, end = total + group, group_end
        return (total, end) if end else None

    @staticmethod
    def _fits(group: float, place: float) -> bool:
        """A group follows a larger round one: 7 after 20, 20 after 100; not 2 after 1 or 11."""
        return place == math.inf or (0 < group < place)


def _place(value: float) -> float:
    """The place a following group must stay under: 10 after 20, 100 after 100, nothing after 11."""
    if value <= 0:
        return 0.0
    p = 10 ** math.floor(math.log10(value))
    return p if value % p == 0 else 0.0

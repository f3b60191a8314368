"""Whether a mention stands inside a quotation: the article's quotation marks are found once, so that each of its
mentions is answered by two binary searches, not by counting the marks in the text before it."""
from __future__ import annotations

import bisect
import re

from ..text import Sentence

PARAGRAPH_CHARS = 400  # how far before its sentence a quotation may open: earlier sentences of its paragraph
QUOTE_CHARS = 3000  # how far before a mention, far longer than any quotation (20 lines): a giant sentence costs no more
_MARK = re.compile(r'"|“|”|&ldquo;|&rdquo;')
_OPENING = ("“", "&ldquo;")
_CLOSING = ("”", "&rdquo;")


class Quotations:
    """The quotation marks of a text. A mention is inside a quotation when the text before it on its line (at
    most PARAGRAPH_CHARS before its sentence and QUOTE_CHARS before it) holds more opening marks than closing
    ones, or an odd number of straight quotes."""

    def __init__(self, text: str):
        self.text = text
        self.starts: list[int] = []  # where each mark starts, and ends
        self.ends: list[int] = []
        self.depth = [0]  # opening marks less closing ones before each mark (and after the last)
        self.straight = [0]  # straight quotes before each mark (and after the last)
        for m in _MARK.finditer(text):
            mark = m.group()
            self.starts.append(m.start())
            self.ends.append(m.end())
            self.depth.append(self.depth[-1] + (mark in _OPENING) - (mark in _CLOSING))
            self.straight.append(self.straight[-1] + (mark == '"'))

    def inside(self, sent: Sentence, start: int) -> bool:
        """Whether `start`, in `sent`, lies inside a quotation opened earlier in its sentence or paragraph."""
        lo = max(0, sent.start - PARAGRAPH_CHARS, start - QUOTE_CHARS)
        end = bisect.bisect_right(self.ends, start)  # past the last mark that ends by `start`
        if not end or self.starts[end - 1] < lo:
            return False  # no mark within reach (about half the mentions)
        lo = self.text.rfind("\n", lo, start) + 1 or lo  # from its line's start
        first = bisect.bisect_left(self.starts, lo)
        return self.depth[end] - self.depth[first] > 0 or (self.straight[end] - self.straight[first]) % 2 == 1

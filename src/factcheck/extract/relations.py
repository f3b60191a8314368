"""Relations between the figures of one sentence: a change with its endpoints, a total with its parts,
and a part of a whole with its share.

    naik 20 persen dari 100 menjadi 150        Change(direction=+1, amount=20 %, start=100, end=150)
    10 korban: 6 tewas dan 4 luka-luka         Breakdown(total=10, parts=(6, 4), exhaustive)
    three people: Ann and Bob                  Breakdown(total=3, items=(Ann, Bob), exhaustive)
    194,4 juta dari 285,1 juta (68,2 persen)   Ratio(part, whole, share)

Each finder is strict about the shape of the sentence: a figure that does not fit the shape is left
alone rather than guessed at.
"""
from __future__ import annotations

import re
from typing import Iterator, Optional

from ..lexicon import Lexicon, alternation
from ..models import Breakdown, Change, Marker, Quantity, Span
from ..text import Sentence, span
from .markers import MarkerIndex
from .quantities import parse_number

START_WORDS = 5  # "to 32 percent from a current statutory rate of 35 percent"
AMOUNT_WORDS = 2  # "naik sebesar 20 persen", "rose by 20%"
TOTAL_WORDS = 4  # "10 orang menjadi korban, yakni ..."
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*(?![\w.,]\d)")
_PERCENT = "percent"


def _words(fragment: str) -> int:
    return len(re.findall(r"\w+", fragment))


class RelationFinder:
    def __init__(self, lex: Lexicon):
        self.lex = lex
        d = lex.data
        self.start_word = re.compile(rf"(?<!\w)(?:{alternation(d.changes.start) or '(?!)'})(?!\w)", re.I)
        self.end_word = re.compile(rf"(?<!\w)(?:{alternation(d.changes.end) or '(?!)'})\s*$", re.I)
        self.fractions = {" ".join(k.lower().split()): v for k, v in d.changes.fractions.items()}
        self.fraction = re.compile(rf"(?<!\w)(?:{alternation(self.fractions) or '(?!)'})(?!\w)", re.I)
        self.opener = re.compile(rf"\s*(?:(?P<exhaustive>{alternation(d.breakdowns.exhaustive) or '(?!)'})"
                                 rf"|(?P<partial>{alternation(d.breakdowns.partial) or '(?!)'}))", re.I)
        join = "|".join(rf"\s*{re.escape(j)}\s*" if not j[0].isalnum() else rf"\s+{re.escape(j)}\s+"
                        for j in d.breakdowns.joins)
        self.join = re.compile(rf"(?:{join})+" if join else "(?!)", re.I)
        self.ratio = re.compile(rf"\s+(?:{alternation(d.ratio_words) or '(?!)'})\s+", re.I)
        self.share = re.compile(r"\s*\(\s*$")
        self.fmt = d.number_format

    # --- changes --------------------------------------------------------------------------------

    def changes(self, text: str, sent: Sentence, qs: list[Quantity], markers: MarkerIndex) -> Iterator[Change]:
        cues = markers.in_range(sent.start, sent.end, "change")
        for i, cue in enumerate(cues):
            limit = cues[i + 1].span.start if i + 1 < len(cues) else sent.end
            after = [q for q in qs if cue.span.end <= q.span.start and q.span.end <= limit]
            change = self._change(text, cue, after, limit)
            if change is not None:
                yield change

    def _change(self, text: str, cue: Marker, after: list[Quantity], limit: int) -> Optional[Change]:
        direction = 1 if cue.key == "up" else -1
        ranged = next((q for q in after if q.written_range and self._follows_start(text, cue.span.end, q)), None)
        if ranged is not None:  # "rose from 70 to 36 percent": one range, both endpoints
            first, second = ranged.written_range
            start = ranged.model_copy(update={"value": first, "lo": first, "hi": first, "written_range": None})
            end = ranged.model_copy(update={"value": second, "lo": second, "hi": second, "written_range": None})
        else:
            end = next((q for q in after if self.end_word.search(text[cue.span.end:q.span.start])), None)
            if end is None:
                return None
            start = next((q for q in after if q is not end and self._follows_start(text, cue.span.end, q)), None) \
                or self._bare_start(text, end, limit)
            if start is None or start.measure != end.measure:
                return None
        endpoints = {id(start), id(end), id(ranged)}
        amount = next((q for q in after if id(q) not in endpoints and q.span.start < min(start.span.start, end.span.start)
                       and _words(text[cue.span.end:q.span.start]) <= AMOUNT_WORDS), None)
        fraction = self.fraction.search(text, cue.span.end, min(start.span.start, end.span.start))
        if fraction and _words(text[cue.span.end:fraction.start()]) > AMOUNT_WORDS:
            fraction = None
        return Change(cue=cue.span, direction=direction, start=start, end=end, amount=amount,
                      fraction=self.fractions[" ".join(fraction.group().lower().split())] if fraction else None,
                      fraction_span=span(text, fraction.start(), fraction.end()) if fraction else None)

    def _follows_start(self, text: str, cue_end: int, q: Quantity) -> bool:
        """Whether a start word ("dari", "from") stands a few words before `q`, with no figure between."""
        before = text[cue_end:q.span.start]
        words = None
        for m in self.start_word.finditer(before):
            words = _words(before[m.end():])
        return words is not None and words <= START_WORDS and not _NUMBER.search(before[before.lower().rfind(" "):])

    def _bare_start(self, text: str, end: Quantity, limit: int) -> Optional[Quantity]:
        """A start written as a bare number after the end ("to 56 percent from 39"): it counts in the
        end's unit."""
        m = re.compile(rf"\s*(?:{self.start_word.pattern})\s+(?P<num>{_NUMBER.pattern})").match(text, end.span.end, limit)
        if m is None:
            return None
        value, place = parse_number(m.group("num"), self.fmt.decimal, self.fmt.group)
        sp = span(text, m.start("num"), m.end("num"))
        return Quantity(span=sp, value=value, lo=value, hi=value, measure=end.measure, number_span=sp, precision=place)

    # --- breakdowns -----------------------------------------------------------------------------

    def breakdowns(self, text: str, sent: Sentence, qs: list[Quantity]) -> Iterator[Breakdown]:
        for i, total in enumerate(qs):
            if total.measure in (_PERCENT, "ordinal"):
                continue
            rest = qs[i + 1:]
            limit = rest[0].span.start if rest else sent.end
            opener = self._opener(text, total.span.end, limit)
            if opener is None:
                continue
            end = _list_end(text, opener.end(), sent.end)
            parts = [q for q in rest if q.span.end <= end]
            exhaustive = opener.group("exhaustive") is not None
            opener_span = span(text, opener.start(opener.lastgroup), opener.end())
            if parts:
                if self._joined(text, parts) and all(p.measure == total.measure or p.generic for p in parts) \
                        and self._between_is_join(text, opener.end(), parts[0].span.start):
                    yield Breakdown(total=total, opener=opener_span, exhaustive=exhaustive, parts=tuple(parts))
            else:
                items = self._items(text, opener.end(), end)
                if items:
                    yield Breakdown(total=total, opener=opener_span, exhaustive=exhaustive, items=tuple(items))

    def _opener(self, text: str, start: int, limit: int) -> Optional[re.Match]:
        for m in self.opener.finditer(text, start, limit):
            if _words(text[start:m.start()]) <= TOTAL_WORDS:
                return m
        return None

    def _joined(self, text: str, parts: list[Quantity]) -> bool:
        """Consecutive parts are joined by a list separator ("6 tewas dan 4 luka-luka")."""
        return all(self.join.search(text, a.span.end, b.span.start) for a, b in zip(parts, parts[1:]))

    def _between_is_join(self, text: str, start: int, end: int) -> bool:
        return _words(text[start:end]) <= 1

    def _items(self, text: str, start: int, end: int) -> list[Span]:
        """Named items after the opener: each starts with a capital letter and holds no figure."""
        items, pos = [], start
        for sep in list(self.join.finditer(text, start, end)) + [None]:
            a, b = pos, sep.start() if sep else end
            while a < b and text[a].isspace():
                a += 1
            if a < b:
                if not text[a].isupper() or _NUMBER.search(text, a, b):
                    return []
                items.append(span(text, a, b))
            pos = sep.end() if sep else end
        return items

    # --- ratios ---------------------------------------------------------------------------------

    def ratios(self, text: str, qs: list[Quantity]) -> Iterator[tuple[Quantity, Quantity, Quantity]]:
        """`A dari B (P persen)`: a part, its whole and its stated share."""
        for part, whole, share in zip(qs, qs[1:], qs[2:]):
            if share.measure != _PERCENT or part.measure == _PERCENT or whole.measure not in (part.measure,):
                continue
            if self.ratio.fullmatch(text, part.span.end, whole.span.start) and self.share.fullmatch(text, whole.span.end, share.span.start):
                yield part, whole, share


def _list_end(text: str, start: int, limit: int) -> int:
    """A list ends at the end of its sentence or at a semicolon."""
    semi = text.find(";", start, limit)
    return semi if semi >= 0 else limit

"""Changes stated with their endpoints: `naik 20 persen dari 100 menjadi 150`, `to 56 percent from 39`,
`fell by half from 40 to 30`.

A change word (`naik`, `fell`) governs the figures shortly after it in its clause: an end after an
end word (`menjadi`, `to`), a start after a start word (`dari`, `from`), and an amount or a fraction
right after the change word. A figure that does not fit that shape is left alone.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from ..lexicon import Lexicon, alternation
from ..models import Change, Marker, Quantity
from ..text import Sentence, span
from .markers import MarkerIndex
from .quantities import NUMBER, bare_figure

START_WORDS = 5  # "to 32 percent from a current statutory rate of 35 percent"
AMOUNT_WORDS = 2  # "naik sebesar 20 persen", "rose by 20%"
CUE_WORDS = 8  # "slashing the top tax rate for high earners to 56 percent"
_NUMBER = re.compile(rf"(?<![\w.,]){NUMBER}(?![\w]|[.,]\d)")


def words(fragment: str) -> int:
    return len(re.findall(r"\w+", fragment))


def _key(phrase: str) -> str:
    return " ".join(phrase.lower().split())


class ChangeFinder:
    def __init__(self, lex: Lexicon):
        self.lex = lex
        d = lex.data.changes
        self.start_word = re.compile(rf"(?<!\w)(?:{alternation(d.start) or '(?!)'})(?!\w)", re.I)
        self.end_word = re.compile(rf"(?<!\w)(?:{alternation(d.end) or '(?!)'})\s*$", re.I)
        self.bare_start = re.compile(rf"(?:{self.start_word.pattern})\s+(?P<num>{NUMBER})(?![\w]|[.,]\d)", re.I)
        self.breaks = re.compile(rf"(?<!\w)(?:{alternation(d.breaks) or '(?!)'})(?!\w)", re.I)
        self.fractions = {_key(k): v for k, v in d.fractions.items()}
        self.fraction = re.compile(rf"(?<!\w)(?:{alternation(self.fractions) or '(?!)'})(?!\w)", re.I)

    def find(self, text: str, sent: Sentence, qs: list[Quantity], markers: MarkerIndex) -> Iterator[Change]:
        cues = markers.in_range(sent.start, sent.end, "change")
        for i, cue in enumerate(cues):
            if i and cues[i - 1].key != cue.key and words(text[cues[i - 1].span.end:cue.span.start]) <= CUE_WORDS:
                continue  # "memangkas perkiraan kenaikan ... dari 3 menjadi 1": which way is in doubt
            limit = cues[i + 1].span.start if i + 1 < len(cues) else sent.end
            after = [q for q in qs if cue.span.end <= q.span.start and q.span.end <= limit]
            change = self._change(text, cue, after, limit)
            if change is not None:
                yield change

    def _change(self, text: str, cue: Marker, after: list[Quantity], limit: int) -> Change | None:
        start, end = self._endpoints(text, cue, after, limit)
        if start is None or end is None or start.measure != end.measure:
            return None
        first = min(start.span.start, end.span.start)
        reach = text[cue.span.end:min([first] + [q.span.start for q in after])]
        if words(reach) > CUE_WORDS or self.breaks.search(reach):
            return None  # the figures belong to another clause
        amount = next((q for q in after if q.span.end <= first and q.span.start != start.span.start
                       and words(text[cue.span.end:q.span.start]) <= AMOUNT_WORDS), None)
        fraction = self.fraction.search(text, cue.span.end, first)
        if fraction and words(text[cue.span.end:fraction.start()]) > AMOUNT_WORDS:
            fraction = None
        return Change(cue=cue.span, direction=1 if cue.key == "up" else -1, start=start, end=end, amount=amount,
                      fraction=self.fractions[_key(fraction.group())] if fraction else None,
                      fraction_span=span(text, fraction.start(), fraction.end()) if fraction else None)

    def _endpoints(self, text: str, cue: Marker, after: list[Quantity],
                   limit: int) -> tuple[Quantity | None, Quantity | None]:
        """The start and end figures: "dari 100 menjadi 150", "to 56 percent from 39", or, with no end
        word, one range joined by a word for "to", "from 70 to 36 percent" (a range after "menjadi Rp 40 ribu
        dari Rp 25-30 ribu" is the start, and so is a range joined by a dash: "turun dari 30-40 ribu")."""
        end = next((q for q in after if self.end_word.search(text, cue.span.end, q.span.start)), None)
        if end is not None:
            start = next((q for q in after if q is not end and self._after_start_word(text, cue.span.end, q)), None)
            return start or self._bare_start(text, cue.span.end, limit, after, end), end
        for q in after:
            if q.written_range and q.range_to and self._after_start_word(text, cue.span.end, q):
                first, second = q.written_range
                return (q.model_copy(update={"value": first, "lo": first, "hi": first}),
                        q.model_copy(update={"value": second, "lo": second, "hi": second}))
        return None, None

    def _after_start_word(self, text: str, cue_end: int, q: Quantity) -> bool:
        """Whether a start word ("dari", "from") stands a few words before `q`, with no figure between."""
        starts = list(self.start_word.finditer(text, cue_end, q.span.start))
        if not starts:
            return False
        between = text[starts[-1].end():q.span.start]
        return words(between) <= START_WORDS and not _NUMBER.search(between)

    def _bare_start(self, text: str, start: int, limit: int, after: list[Quantity],
                    end: Quantity) -> Quantity | None:
        """A start written as a bare number ("dari 100 menjadi 150 orang", "to 56 percent from 39"),
        counted in the end's unit."""
        for m in self.bare_start.finditer(text, start, limit):
            if not any(q.span.start <= m.start("num") < q.span.end for q in after):
                return bare_figure(text, m.start("num"), m.end("num"), end.measure, self.lex)
        return None

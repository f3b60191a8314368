"""Changes stated with their endpoints: `naik 20 persen dari 100 menjadi 150`, `to 56 percent from 39`,
`fell by half from 40 to 30`.

A change word (`naik`, `fell`) governs the figures shortly after it in its clause (up to a word such as
`sedangkan` that starts another): an end after an end word (`menjadi`, `to`), a start after a start word
(`dari`, `from`), and an amount or a fraction right after the change word. A figure that does not fit that
shape is left alone, and so are changes whose direction the figures do not show: an exchange rate
(`rupiah melemah ... per dolar AS`), a rank (`from 10th to 3rd`), and the percentages of a change named by
a noun (`pertumbuhan ... dari 5,3 persen menjadi 5,0 persen`, its rates).
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
NEGATIVE_CHARS = 12  # the reach of a word for minus before a figure
CUE_WORDS = 8  # "slashing the top tax rate for high earners to 56 percent"
_NUMBER = re.compile(rf"(?<![\w.,]){NUMBER}(?![\w]|[.,]\d)")


def words(fragment: str) -> int:
    return len(re.findall(r"\w+", fragment))


def _key(phrase: str) -> str:
    return " ".join(phrase.lower().split())


def _level_before(text: str, sent_start: int, cue: Marker, qs: list[Quantity]) -> bool:
    """Whether the change word follows a comma and a figure of its sentence stands before it (`to $2.1 billion,
    down from ...`, `to yield 4.75%, or 50 basis points over Treasuries, down from ...`): the level the change
    reached is written before it, and the figures after it tell only where it came from."""
    i = cue.span.start
    while i > sent_start and text[i - 1].isspace():
        i -= 1
    return i > sent_start and text[i - 1] == "," and qs[0].span.end <= cue.span.start


class ChangeFinder:
    def __init__(self, lex: Lexicon):
        self.lex = lex
        d = lex.data.changes
        self.start_word = re.compile(rf"(?<!\w)(?:{alternation(d.start) or '(?!)'})(?!\w)", re.I)
        self.scales = {k.lower(): v for k, v in lex.data.numbers.scales.items()}
        # "from 2 million to 5 million units": a bare start keeps its scale
        self.bare_start = re.compile(rf"(?:{self.start_word.pattern})\s+(?P<num>{NUMBER})(?![\w]|[.,]\d)"
                                     rf"(?:\s*(?P<scale>{alternation(self.scales) or '(?!)'})(?!\w))?", re.I)
        # "naik menjadi Rp 200 triliun dari target Rp 300 triliun": the end is part of a whole, not a start
        self.whole = re.compile(rf"\s*(?:{alternation(d.wholes) or '(?!)'})(?!\w)", re.I)
        self.own_start = re.compile(rf"(?<!\w)(?:{alternation(d.own_start) or '(?!)'})\s*$", re.I)
        self.basis = re.compile(rf"(?<!\w)(?:{alternation(d.bases) or '(?!)'})(?!\w)", re.I)
        self.breaks = re.compile(rf"(?<!\w)(?:{alternation(d.breaks) or '(?!)'})(?!\w)", re.I)
        negative = alternation(d.negative) or "(?!)"
        self.negative = re.compile(rf"(?<!\w)(?:{negative})\s*$", re.I)
        self.end_word = re.compile(rf"(?<!\w)(?:{alternation(d.end) or '(?!)'})\s*(?:(?:{negative})\s*)?$", re.I)
        # "dropped from 35 to 40 degrees to below 30": an end after the range makes the range the start
        self.later_end = re.compile(rf"(?<!\w)(?:{alternation(d.end) or '(?!)'})\s+(?:[^\W\d]+\s+){{0,2}}\d", re.I)
        currency = alternation(d.currencies) or "(?!)"
        self.currency = re.compile(rf"(?<!\w)(?:{currency})(?!\w)", re.I)
        rate = alternation(lex.data.figure_scope.rate) or "(?!)"
        self.per_currency = re.compile(rf"(?<!\w)(?:{rate})\s*(?:{currency})(?!\w)", re.I)
        self.nouns = frozenset(_key(w) for w in d.nouns)
        self.fractions = {_key(k): v for k, v in d.fractions.items()}
        self.fraction = re.compile(rf"(?<!\w)(?:{alternation(self.fractions) or '(?!)'})(?!\w)", re.I)
        # a fraction of the change stands before its figures ("by half from 40 to 30"); one before a unit is
        # an amount ("by half a percentage point", "setengah persen")
        self.fraction_alone = re.compile(rf"\s*(?:[,;]|(?:{alternation([*d.start, *d.end]) or '(?!)'})(?!\w))", re.I)

    def find(self, text: str, sent: Sentence, qs: list[Quantity], markers: MarkerIndex) -> Iterator[Change]:
        cues = markers.in_range(sent.start, sent.end, "change")
        for i, cue in enumerate(cues):
            if i and cues[i - 1].key != cue.key and words(text[cues[i - 1].span.end:cue.span.start]) <= CUE_WORDS:
                continue  # "memangkas perkiraan kenaikan ... dari 3 menjadi 1": which way is in doubt
            limit = cues[i + 1].span.start if i + 1 < len(cues) else sent.end
            other_clause = self.breaks.search(text, cue.span.end, limit)
            if other_clause:  # "turun menjadi Rp 130.000, sedangkan daging ayam dari Rp 35.000": not its start
                limit = other_clause.start()
            after = [q for q in qs if cue.span.end <= q.span.start and q.span.end <= limit]
            if _level_before(text, sent.start, cue, qs) or self.basis.search(text, cue.span.end, limit):
                continue  # "to $2.1 billion, down from ..." (a range it fell from), "rose 8% on an organic basis to
            change = self._change(text, cue, after, limit)
            if change is not None and not self._exchange_rate(text, sent.start, cue, limit, qs):
                yield change

    def _exchange_rate(self, text: str, sent_start: int, cue: Marker, limit: int, qs: list[Quantity]) -> bool:
        """Whether a change's figures are an exchange rate: a currency named in its clause before the change
        word, outside a figure ("Rupiah melemah"), or after "per" ("Rp 16.200 per dolar AS"). Such a figure
        rises as the currency quoted weakens, so which way it goes tells nothing of the change word."""
        if self.per_currency.search(text, cue.span.end, limit):
            return True
        clause_start = max([sent_start] + [m.end() for m in self.breaks.finditer(text, sent_start, cue.span.start)])
        return any(not any(q.span.start <= m.start() < q.span.end for q in qs)
                   for m in self.currency.finditer(text, clause_start, cue.span.start))

    def _change(self, text: str, cue: Marker, after: list[Quantity], limit: int) -> Change | None:
        start, end = self._endpoints(text, cue, after, limit)
        if start is None or end is None or start.measure != end.measure or start.measure == "ordinal":
            return None  # a rank ("from 10th to 3rd") climbs as its number falls
        if start.measure == "percent" and _key(text[cue.span.start:cue.span.end]) in self.nouns:
            return None  # "pertumbuhan ... dari 5,3 persen menjadi 5,0 persen": rates of the change, not levels
        start = self._signed(text, start)
        if end.span != start.span:  # not the second figure of one range ("dari minus 5 hingga 3 persen")
            end = self._signed(text, end)
        first = min(start.span.start, end.span.start)
        if words(text[cue.span.end:min([first] + [q.span.start for q in after])]) > CUE_WORDS:
            return None  # the figures belong to another clause
        amount = next((q for q in after if q.span.end <= first and q.span.start != start.span.start
                       and words(text[cue.span.end:q.span.start]) <= AMOUNT_WORDS), None)
        fraction = self.fraction.search(text, cue.span.end, first)
        if fraction and (words(text[cue.span.end:fraction.start()]) > AMOUNT_WORDS
                         or not self.fraction_alone.match(text, fraction.end())):
            fraction = None
        return Change(cue=cue.span, direction=1 if cue.key == "up" else -1, start=start, end=end, amount=amount,
                      fraction=self.fractions[_key(fraction.group())] if fraction else None,
                      fraction_span=span(text, fraction.start(), fraction.end()) if fraction else None)

    def _endpoints(self, text: str, cue: Marker, after: list[Quantity],
                   limit: int) -> tuple[Quantity | None, Quantity | None]:
        """The start and end figures: "dari 100 menjadi 150", "to 56 percent from 39", or, with no end
        word, one range joined by a word for "to", "from 70 to 36 percent" (a range after "menjadi Rp 40 ribu
        dari Rp 25-30 ribu" is the start, and so is a range joined by a dash, "turun dari 30-40 ribu", or one
        that an end word and a figure follow, "from 35 to 40 degrees to below 30")."""
        ends = [q for q in after if self.end_word.search(text, cue.span.end, q.span.start)]
        if len(ends) > 1:
            return None, None  # "from 40% to 45% in earlier years to 32%": which "to" ends the change is in doubt
        end = ends[0] if ends else None
        if end is not None:
            start = next((q for q in after if q is not end and self._after_start_word(text, cue.span.end, q)), None)
            return start or self._bare_start(text, cue.span.end, limit, after, end), end
        for q in after:
            if q.written_range and q.range_to and self._after_start_word(text, cue.span.end, q) \
                    and not self.later_end.search(text, q.span.end, limit):
                first, second = q.written_range
                return (q.model_copy(update={"value": first, "lo": first, "hi": first}),
                        q.model_copy(update={"value": second, "lo": second, "hi": second}))
        return None, None

    def _signed(self, text: str, q: Quantity) -> Quantity:
        """`q`, below zero when a word for minus stands right before it ("menjadi minus 5,32 persen")."""
        if not self.negative.search(text, max(0, q.span.start - NEGATIVE_CHARS), q.span.start):
            return q
        return q.model_copy(update={"value": -q.value, "lo": -q.hi, "hi": -q.lo})

    def _after_start_word(self, text: str, cue_end: int, q: Quantity) -> bool:
        """Whether a start word ("dari", "from") stands a few words before `q`, with no figure between."""
        starts = list(self.start_word.finditer(text, cue_end, q.span.start))
        if not starts or self.own_start.search(text, cue_end, starts[-1].start()):
            return False
        between = text[starts[-1].end():q.span.start]
        return words(between) <= START_WORDS and not _NUMBER.search(between) and not self.whole.match(between)

    def _bare_start(self, text: str, start: int, limit: int, after: list[Quantity],
                    end: Quantity) -> Quantity | None:
        """A start written as a bare number ("dari 100 menjadi 150 orang", "to 56 percent from 39"),
        counted in the end's unit."""
        for m in self.bare_start.finditer(text, start, limit):
            if not any(q.span.start <= m.start("num") < q.span.end for q in after):
                scale = m.group("scale")
                return bare_figure(text, m.start("num"), m.end("num"), end.measure, self.lex,
                                   factor=self.scales[scale.lower()] if scale else 1.0, span_end=m.end())
        return None

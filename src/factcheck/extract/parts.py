"""Wholes and their parts in one sentence: a total with its parts, a part of a whole with its share,
shares of one whole.

    10 korban: 6 tewas dan 4 luka-luka         Breakdown(total=10, parts=(6, 4), exhaustive)
    three people: Ann and Bob                  Breakdown(total=3, items=(Ann, Bob), exhaustive)
    194,4 juta dari 285,1 juta (68,2 persen)   Ratio(part, whole, share)
    Jones 80 persen suara dan Moore 40 persen  Shares((80, 40), whole=suara)

Each finder is strict about the shape of the sentence: a figure that does not fit the shape is left
alone rather than guessed at.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import pairwise

from ..lexicon import Lexicon, alternation
from ..models import Breakdown, Quantity, Ratio, Shares, Span
from ..text import Sentence, span
from .changes import words
from .quantities import NUMBER, bare_figure

TOTAL_WORDS = 4  # "10 orang menjadi korban, yakni ..."
PART_GAP_WORDS = 4  # words between two parts of a list: "300 karung beras, 120 karung gula, dan 45 karung jagung"
ITEM_WORDS = 4  # a named item is a name: "Andi", "Jawa Barat", "Komisi Pemilihan Umum"
UNIT_WORDS = 2  # words between a figure of a ratio and the next word of its shape ("50 orang dari 200 orang")
NAME_WORDS = 3  # words between a share's name and its figure ("Jones potentially taking 80 percent")
_NAME = r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*"
_NUMBER = re.compile(rf"(?<![\w.,]){NUMBER}(?![\w]|[.,]\d)")


class PartFinder:
    def __init__(self, lex: Lexicon):
        self.lex = lex
        d = lex.data
        self.opener = re.compile(rf"(?P<exhaustive>{alternation(d.breakdowns.exhaustive) or '(?!)'})"
                                 rf"|(?<!\w)(?P<partial>{alternation(d.breakdowns.partial) or '(?!)'})(?!\w)", re.I)
        separators = [rf"\s*{re.escape(j)}\s*" if not j[0].isalnum() else rf"\s+{re.escape(j)}\s+"
                      for j in d.breakdowns.joins]
        self.join = re.compile(rf"(?:{'|'.join(separators)})+" if separators else "(?!)", re.I)
        self.remainder = re.compile(rf"\s*(?:{alternation(d.breakdowns.remainder) or '(?!)'})(?!\w)", re.I)
        self.scales = {k.lower(): v for k, v in d.numbers.scales.items()}
        percent = alternation(d.units["percent"].words) if "percent" in d.units else "%"
        # "80 persen suara", "80 percent of the vote": what the first share is a share of
        self.whole = re.compile(rf"\s+(?P<whole>(?:(?:{alternation(d.ratio_words) or '(?!)'})\s+)?"
                                rf"(?:(?:{alternation(lex.stopwords)})\s+)?(?P<noun>[^\W\d_A-Z][\w-]*))")
        joins = alternation([j for j in d.breakdowns.joins if j[0].isalnum()]) or "(?!)"
        # what shares of one whole divide: votes, a market (`wholes.nouns`); not a rating each name has
        # of its own ("75 persen kepuasan publik")
        self.wholes = frozenset(w.lower() for w in d.wholes.nouns)
        self.word_join = re.compile(rf"(?<!\w)(?:{joins})(?!\w)", re.I)
        self.next_share = re.compile(rf"(?:\s*,\s*|\s+(?:{joins})\s+)(?P<name>{_NAME})\s+$")
        self.named_before = re.compile(rf"{_NAME}(?:\s+\S+){{0,{NAME_WORDS}}}\s+$")
        self.share_end = re.compile(rf"\s*(?:[,.;)]|(?:{joins})(?!\w)|$)")
        self.ratio = re.compile(
            rf"(?<![\w.,]){self._figure_pattern('a')}\s+(?:{alternation(d.ratio_words) or '(?!)'})\s+"
            rf"{self._figure_pattern('b')}\s*\(\s*(?P<share>(?P<p>{NUMBER})\s*(?:{percent}))\s*\)", re.I)

    def _figure_pattern(self, name: str) -> str:
        """A number, its scale word and up to UNIT_WORDS words for what it counts."""
        return (rf"(?P<{name}>{NUMBER})(?:\s*(?P<{name}s>{alternation(self.scales) or '(?!)'}))?"
                rf"(?:\s+[^\W\d]+){{0,{UNIT_WORDS}}}?")

    # --- breakdowns -----------------------------------------------------------------------------

    def breakdowns(self, text: str, sent: Sentence, qs: list[Quantity]) -> Iterator[Breakdown]:
        for i, total in enumerate(qs):
            if total.measure in ("percent", "ordinal") or total.value == 1:
                continue  # one thing ("salah satu desa ..., yaitu ...") is named, not counted in parts
            opener = self._opener(text, total.span.end, qs[i + 1].span.start if i + 1 < len(qs) else sent.end)
            if opener is None:
                continue
            end = self._list_end(text, opener.end(), sent.end)
            # the figures after it up to the list's end, read no further: a sentence of thousands of
            # figures costs no more per figure (qs is in text order)
            parts = []
            for q in (qs[j] for j in range(i + 1, len(qs))):
                if q.span.start >= end:
                    break
                if q.span.end <= end:
                    parts.append(q)
            opener_span = span(text, opener.start(), opener.end())
            # "..., yakni 9.500 tilang dan 2.300 teguran. Sisanya ...": the next sentence tells of more
            exhaustive = opener.group("exhaustive") is not None and not self.remainder.match(text, sent.end)
            if not parts:
                items = self._items(text, opener.end(), end)
                if items:
                    yield Breakdown(total=total, opener=opener_span, exhaustive=exhaustive, items=tuple(items))
            elif self._is_list(text, opener.end(), end, parts, total, exhaustive):
                yield Breakdown(total=total, opener=opener_span, exhaustive=exhaustive, parts=tuple(parts))

    def _list_end(self, text: str, start: int, limit: int) -> int:
        """A list ends at the end of its sentence, at a semicolon, or where another list opens ("140
        laki-laki dan 110 perempuan, termasuk 20 peserta asing": those 20 are some of the 250, not a part)."""
        semi = text.find(";", start, limit)
        limit = semi if semi >= 0 else limit
        other = self.opener.search(text, start, limit)
        return other.start() if other else limit

    def _opener(self, text: str, start: int, limit: int) -> re.Match[str] | None:
        """The list opener shortly after the total, in the same phrase (no name between: "Tinggi: 186
        centimeter Pendidikan: ..." is a form, not a list)."""
        m = self.opener.search(text, start, limit)
        if m is None:
            return None
        gap = re.findall(r"\w+", text[start:m.start()])
        return m if len(gap) <= TOTAL_WORDS and not any(w != w.lower() for w in gap) else None

    def _is_list(self, text: str, start: int, end: int, parts: list[Quantity], total: Quantity,
                 exhaustive: bool) -> bool:
        """The parts follow the opener at once, are joined by one list separator each and a few words
        ("6 tewas dan 4 luka-luka"), make up the whole list (not "two drivers, a nurse and four
        children"), are more than one when they are all of the total (one is a description: "3 gedung
        yang terdiri dari 120 kamar"), and count what the total counts (or sort it: "10 korban: 6 tewas")."""
        return (words(text[start:parts[0].span.start]) <= 1 and not self.join.search(text, parts[-1].span.end, end)
                and (len(parts) > 1 or not exhaustive)
                and all(len(self.join.findall(text, a.span.end, b.span.start)) == 1
                        and words(text[a.span.end:b.span.start]) <= PART_GAP_WORDS for a, b in pairwise(parts))
                and self._closed_at_last([(a.span.end, b.span.start) for a, b in pairwise(parts)], text)
                and all(p.measure == total.measure or (p.generic and p.measure != "ordinal") for p in parts))

    def _closed_at_last(self, gaps: list[tuple[int, int]], text: str) -> bool:
        """Whether a list's word for "and" stands only in its last gap ("A, B, dan C"), as it does when the
        list is the whole of a total. One before ("3 pelaku dan 2 penadah, serta 1 saksi") closes the list
        early, or stands inside a name ("Procter and Gamble", "Riset, dan Teknologi")."""
        return not any(self.word_join.search(text, a, b) for a, b in gaps[:-1])

    def _items(self, text: str, start: int, end: int) -> list[Span]:
        """Two or more named items after the opener, each a short name with every word capitalised
        ("Andi, Budi, dan Citra"); anything else ("two problems: Trump doesn't ...") is no list of names."""
        if text.startswith(";", end):
            return []  # items may be split by semicolons ("Atlanta, Georgia; Denver, Colorado; and ...")
        seps = list(self.join.finditer(text, start, end))
        if not self._closed_at_last([(sep.start(), sep.end()) for sep in seps], text):
            return []
        items, pos = [], start
        for sep in [*seps, None]:
            a, b = pos, sep.start() if sep else end
            while a < b and text[a].isspace():
                a += 1
            while b > a and text[b - 1] in " .":
                b -= 1
            if a < b:
                words = text[a:b].split()
                if len(words) > ITEM_WORDS or not all(w[0].isupper() for w in words) or _NUMBER.search(text, a, b):
                    return []
                items.append(span(text, a, b))
            pos = sep.end() if sep else end
        return items if len(items) > 1 else []

    # --- ratios ---------------------------------------------------------------------------------

    def ratios(self, text: str, sent: Sentence) -> Iterator[Ratio]:
        """`A dari B (P persen)`: a part, its whole and the share the text gives."""
        if text.find("(", sent.start, sent.end) < 0:
            return  # the share is in brackets; most sentences have none, and the scan is not cheap
        for m in self.ratio.finditer(text, sent.start, sent.end):
            part, whole = self._figure(text, m, "a", "number"), self._figure(text, m, "b", "number")
            share = bare_figure(text, m.start("p"), m.end("p"), "percent", self.lex, span_end=m.end("share"))
            if part and whole and share:
                yield Ratio(part=part, whole=whole, share=share)

    # --- shares ---------------------------------------------------------------------------------

    def shares(self, text: str, sent: Sentence, qs: list[Quantity]) -> Iterator[Shares]:
        """`Jones 80 persen suara dan Moore 40 persen`: a first share with a name before it and its whole
        (one the lexicon lists) after it, then shares each given to a name alone, which must divide that
        same whole. Shares without that shape (survey answers, rates of several places, ratings such as
        "75 persen kepuasan") may well add up past 100."""
        percents = [q for q in qs if q.measure == "percent"]
        for i, first in enumerate(percents):
            whole = self.whole.match(text, first.span.end, sent.end)
            if whole is None or whole.group("noun").lower() not in self.wholes \
                    or not self.named_before.search(text, sent.start, first.span.start):
                continue
            shares, pos = [first], whole.end()
            for q in percents[i + 1:]:
                if not (self.next_share.search(text, pos, q.span.start)
                        and self.share_end.match(text, q.span.end, sent.end)):
                    break
                shares.append(q)
                pos = q.span.end
            if len(shares) > 1:
                yield Shares(shares=tuple(shares), whole=span(text, whole.start("whole"), whole.end()))

    def _figure(self, text: str, m: re.Match[str], group: str, measure: str) -> Quantity | None:
        scale = m.groupdict().get(group + "s")
        return bare_figure(text, m.start(group), m.end(group), measure, self.lex,
                           factor=self.scales[scale.lower()] if scale else 1.0,
                           span_end=m.end(group + "s") if scale else None)

"""The whole a percentage is a share of, when the words right after the figure name it: `120 persen
warga`, `45 percent of all voters`, `a 110 percent stake`.

Only the wholes the lexicon lists (`wholes.nouns`: people, votes, a market; things no part of can
be more than all of), and only on the figure's line and straight after it: a comma or a bracket between
starts something else (`naik 120 persen, warga mengeluh`), a possessive is what the whole owns
(`150 percent of workers' wages`), and a measure word after the noun makes it what is measured
(`130 percent of the market price`). A word right before the figure may make it something else measured
against the whole (`vaksin untuk 150 persen penduduk`, `doses for 500 percent of the population`).
"""
from __future__ import annotations

import re

from ..lexicon import Lexicon, alternation
from ..models import Quantity
from ..text import span

_GAP = r"[^\S\n]+"  # spaces within a line
READ_BACK = 30  # characters before a figure in which a word of `against` ends


class WholeFinder:
    def __init__(self, lex: Lexicon) -> None:
        w = lex.data.wholes
        of = alternation(lex.data.ratio_words) or "(?!)"
        det = alternation(w.determiners) or "(?!)"
        measure = rf"(?!{_GAP}(?:{alternation(w.measures)})(?!\w))" if w.measures else ""
        nouns = alternation(w.nouns)
        self.after = re.compile(rf"{_GAP}(?P<whole>(?:(?:{of}){_GAP})?(?:(?:{det}){_GAP}){{0,2}}(?:{nouns}))"
                                rf"(?![\w'’-]){measure}") if nouns else None
        self.against = re.compile(rf"(?<!\w)(?i:{alternation(w.against) or '(?!)'}){_GAP}\Z")

    def attach(self, text: str, quantities: list[Quantity]) -> list[Quantity]:
        """The quantities, each percentage followed by a whole with that whole."""
        if self.after is None:
            return quantities
        out = []
        for q in quantities:
            m = self.after.match(text, q.span.end) if q.measure == "percent" else None
            if m and not self.against.search(text, max(0, q.span.start - READ_BACK), q.span.start):
                q = q.model_copy(update={"whole": span(text, m.start("whole"), m.end("whole"))})
            out.append(q)
        return out

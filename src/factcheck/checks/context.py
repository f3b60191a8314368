"""What a check sees: the article, its claim graph, the language's words it compares with, and
language-aware formatting for its templates."""
from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass

from ..claims import ClaimGraph
from ..lexicon import Lexicon
from ..models import Article, TimeExpr


@dataclass
class Context:
    article: Article
    graph: ClaimGraph
    lex: Lexicon

    @property
    def published(self) -> dt.date | None:
        return self.article.published

    # --- the language's words --------------------------------------------------------------------

    @property
    def stopwords(self) -> frozenset[str]:
        """Its function words, lower case."""
        return self.lex.stopwords

    @functools.cached_property
    def change_start_words(self) -> frozenset[str]:
        """The words before a change's starting figure (`dari 50 hingga 30`), lower case."""
        return frozenset(w.lower() for w in self.lex.data.changes.start)

    @functools.cached_property
    def place_kinds(self) -> frozenset[str]:
        """Words for a kind of place written before its name (`Gunung`, `Lake`), lower case."""
        return frozenset(w.lower() for w in self.lex.data.place_kinds)

    @functools.cached_property
    def also_words(self) -> frozenset[str]:
        """Words that tell of one more (`juga`, `also`), lower case."""
        return frozenset(w.lower() for w in self.lex.data.also_words)

    @functools.cached_property
    def score_words(self) -> frozenset[str]:
        """Words of a contest, near which two figures are a score (`led 55 to 41 percent`), lower case."""
        return frozenset(w.lower() for w in self.lex.data.score_words)

    @functools.cached_property
    def ratio_words(self) -> tuple[str, ...]:
        """Words between a part and its whole (`50 dari 200`, `50 of 200`), lower case."""
        return tuple(w.lower() for w in self.lex.data.ratio_words)

    # --- formatting ----------------------------------------------------------------------------------

    def date(self, d: dt.date, weekday: bool = True) -> str:
        return self.lex.format_date(d, weekday)

    def weekday(self, i: int) -> str:
        return self.lex.weekday_display[i]

    def month(self, i: int) -> str:
        """Month `i` (1 to 12) as a message names it."""
        return self.lex.month_display[i]

    def number(self, v: float) -> str:
        if v == float("inf"):
            return "∞"
        fmt = self.lex.data.number_format
        whole = f"{v:,.0f}" if v == int(v) else f"{v:,.2f}".rstrip("0")
        separators: dict[str, str | int | None] = {",": fmt.group, ".": fmt.decimal}
        return whole.translate(str.maketrans(separators))

    def range(self, b: tuple[float, float], digits: int = 1) -> str:
        """An interval of values, rounded to `digits`: one number when both ends round alike."""
        lo, hi = round(b[0], digits), round(b[1], digits)
        return self.number(lo) if lo == hi else f"{self.number(lo)}–{self.number(hi)}"

    def measure(self, measure: str) -> str:
        """A measure as the lexicon writes it first (`persen`, `orang`); a noun counted as itself."""
        spec = self.lex.data.units.get(measure)
        words = (spec.words or spec.prefix) if spec else []
        return words[0] if words else measure.removeprefix("noun:")

    def unit(self, unit: str) -> str:
        """A unit of time as the lexicon writes it first (`tahun`, `years`)."""
        return next((w for w, u in self.lex.data.durations.units.items() if u == unit), unit)

    def period(self, lo: dt.date, hi: dt.date) -> str:
        if lo == hi:
            return self.date(lo)
        return f"{self.lex.format_date(lo, weekday=False)} – {self.lex.format_date(hi, weekday=False)}"

    def rewrite(self, expr: TimeExpr, *, weekday: int | None = None, day: int | None = None,
                month: int | None = None, year: int | None = None) -> str:
        """The expression's own text with some of its parts replaced: `Selasa (7/10/2024)` -> `Selasa (7/10/2025)`."""
        base = expr.span.start
        text = expr.span.text
        edits = []
        if weekday is not None and expr.weekday_span:
            name = self.weekday(weekday)
            edits.append((expr.weekday_span, name.upper() if expr.weekday_span.text.isupper() else name))
        if day is not None and expr.day_span:
            edits.append((expr.day_span, str(day)))
        if month is not None and expr.month_span:
            written = expr.month_span.text
            edits.append((expr.month_span, str(month) if written.isdigit() else self._month_like(month, written)))
        if year is not None and expr.year_span:
            edits.append((expr.year_span, str(year)))
        for sp, new in sorted(edits, key=lambda e: -e[0].start):
            text = text[:sp.start - base] + new + text[sp.end - base:]
        return text

    def _month_like(self, month: int, written: str) -> str:
        """Month `month` spelled like `written`: abbreviated (`Dec` -> `Nov`) or in full."""
        full = self.lex.month_display[month]
        short = full[:len(written)]
        return short if len(written) < len(full) and self.lex.month(short) == month else full

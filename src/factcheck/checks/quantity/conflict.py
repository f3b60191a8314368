"""quantity.conflict: figures for one subject and measure that cannot all be true.

Two figures conflict only when nothing places them apart (see `placed_apart`: another date, time of
day, list item, phase, trend, rate, names or row of a table), and only when they are not two of a
series of parallel statements in the same words."""
from __future__ import annotations

import math
import re
from collections.abc import Iterator, Sequence

from ...claims import ClaimGraph, FigureClaim
from ...claims.nodes import SentenceNode
from ...claims.queries import figures, paraphrases, quantity_claims, sentence_text, stated_times
from ...claims.scope import ScopeWords
from ...claims.words import content_word
from ..context import Context
from ..intervals import bounds, disagree, meet
from ..registry import Hit, check
from ..restatement import COMPARED, RestatementParams, restated

SERIES = 3  # statements in the same words that give this many different figures are a series, not a restatement
FAMILY = 16  # sentences of like words read per sentence to find a series: enough, and linear in a giant text


def _disjoint(a: FigureClaim, b: FigureClaim) -> bool:
    return not meet(bounds(a), bounds(b))


@check("conflict", RestatementParams, variants=("restated", "paraphrased"),
       fields=("subject", "first", "second", "first_range", "second_range"))
def conflict(ctx: Context, params: RestatementParams) -> Iterator[Hit]:
    """Two figures for one subject and measure whose intervals cannot both hold: one entity's count, a
    sentence restated in the same words, or a sentence restated in other words."""
    g = ctx.graph
    seen: set[tuple[int, int]] = set()
    hits: list[Hit] = []
    for subject, claims in quantity_claims(g):
        is_restatement = subject.startswith("phrase:")
        if is_restatement and _distinct(claims) >= SERIES:
            continue  # words that frame a series of figures (one per region, per bond, per hour)
        for i, b in enumerate(claims):
            for a in claims[max(0, i - COMPARED):i]:
                if a.start == b.start or (a.start, b.start) in seen:
                    continue
                if not _contradict(a, b, is_restatement) or (is_restatement and not restated(a, b, params)):
                    continue
                if placed_apart(g, a, b):
                    continue
                seen.add((a.start, b.start))
                hits.append(_hit(ctx, a, b, g.label(subject), ["restated"] if is_restatement else []))
                break
    hits += _paraphrased(ctx, seen)
    yield from sorted(hits, key=lambda h: h.evidence[1])


def _paraphrased(ctx: Context, seen: set[tuple[int, int]]) -> list[Hit]:
    """A figure of a sentence that restates another in other words, which none of the other sentence's
    figures of that measure allows. Sentences dated to different times state different things, and a
    figure whose clause lacks a name the restating sentence gives is about something else ("Xiaomi 13
    ... 999 euro" is not restated by "Xiaomi 13 Pro ... 1.299 euro"), and so is one whose clause says more
    than the other sentence ("Rumah rusak mencapai 500 unit" is not restated by "Rumah rusak berat mencapai
    120 unit", nor "200 siswa lulus" by "20 siswa tidak lulus"). Words that several sentences
    fill with three or more figures are a series, not a restatement."""
    g = ctx.graph
    hits: list[Hit] = []
    restating: dict[str, list[str]] = {}  # a sentence -> the sentences it says part of in other words
    linked: dict[str, list[str]] = {}  # a sentence -> those it says part of, or that say part of it
    for small, large in paraphrases(g):
        restating.setdefault(small, []).append(large)
        linked.setdefault(small, []).append(large)
        linked.setdefault(large, []).append(small)
    for small, larges in restating.items():
        names = g.node(small, SentenceNode).names
        family = {other for s in (small, *larges) for other in linked[s][:FAMILY]} - {small}
        for b in figures(g, small):
            if _series(g, b, family, names):
                continue  # its words fit a series of statements ("volume ... sebanyak # lot", per saham)
            for large in larges:
                said = figures(g, large)
                same = [a for a in said if a.measure == b.measure and names <= a.clause_names
                        and a.denials == b.denials and not _narrows(ctx, a, b)]
                # the other sentence may give the same number without its noun ("4,2 juta belum ...")
                if same and not any(meet(bounds(a), bounds(b)) for a in said) \
                        and not any(placed_apart(g, a, b) for a in same):
                    first, second = sorted((same[0], b), key=lambda c: c.start)
                    if (first.start, second.start) not in seen:
                        seen.add((first.start, second.start))
                        hits.append(_hit(ctx, first, second, g.label(small), ["paraphrased"]))
    return hits


def _narrows(ctx: Context, a: FigureClaim, b: FigureClaim) -> bool:
    """Whether the words on each side of `a` are those on that side of `b`, in their order, with another
    word among them, or between `a` and the words after it (what it counts): a qualifier that narrows what
    `a` counts ("Rumah rusak berat mencapai 120 unit" against "Rumah rusak mencapai 500 unit", "45% of
    female respondents" against "60% of respondents")."""
    def content(words: str) -> list[str]:
        return [w for w in (content_word(tok, ctx.lex) for tok in words.split()) if w]
    left = _inserted(content(a.left), content(b.left), after_figure=False)
    right = _inserted(content(a.right), content(b.right), after_figure=True)
    return left is not None and right is not None and bool(left or right)


def _inserted(ours: list[str], theirs: list[str], after_figure: bool) -> set[str] | None:
    """The words `ours` adds among `theirs` (and before them, `after_figure`), or None when `theirs` are not
    all in `ours` in their order."""
    matched, i = [], 0
    for j, w in enumerate(ours):
        if i < len(theirs) and w == theirs[i]:
            matched.append(j)
            i += 1
    if i < len(theirs):
        return None
    if not matched:
        return set()
    return set(ours[0 if after_figure else matched[0]:matched[-1]]) - set(theirs)


def _series(g: ClaimGraph, b: FigureClaim, family: set[str], names: frozenset[str]) -> bool:
    """Whether several sentences in the words of `b`'s sentence (those that say part of it or of what it
    restates, or that it says part of) give three or more figures of its measure."""
    said = [same for other in sorted(family) if (same := [a for a in figures(g, other)
                                                  if a.measure == b.measure and names <= a.clause_names])]
    return len(said) > 1 and _distinct([b, *(a for same in said for a in same)]) >= SERIES


def placed_apart(g: ClaimGraph, a: FigureClaim, b: FigureClaim) -> bool:
    """Whether two figure claims are placed apart by their scopes, so they count different things: each
    names dates (or times of day) and none of one's meets one of the other's; each sits in another list
    item or trend ("menguat", "melemah"); one is placed in a phase ("sebelumnya", "kini", "tahun depan") that
    the other is not, as an updated figure is; one is a rate ("per suara") and the other not, or of another thing;
    one is called the highest, lowest or average ("maksimum", "rata-rata") and the other not, or is
    narrowed by its sentence's opening to a group or place ("Among Republicans,", "Di perdesaan,");
    each clause names something the other does not ("28.500 tentara di Korea Selatan", "54.000 tentara di
    Jepang"); or the other figures of their sentences disagree in a measure, as two rows
    of a table ("dari Rp 120 miliar menjadi Rp 300 miliar" against "dari Rp 35 triliun menjadi Rp 42
    triliun"); each sentence numbers an item the other does not ("Game 1", "Game 2") or names a source of
    its own ("..., Kyiv says", "Russia says ..."); one counts parts the other does not ("$12 billion including
    debt"); or one is in a related link's title dated by a relative time, which is the linked article's
    ("Baca juga: Harga Emas Antam Hari Ini Rp 1.344.000")."""
    x, y = a.scope, b.scope
    return bool((x.dates and y.dates and not any(meet(d, e) for d in x.dates for e in y.dates))
            or _apart(x.moments, y.moments) or _apart(a.clause_names - b.clause_names, b.clause_names - a.clause_names)
            or any(p and q and p != q for p, q in ((x.item, y.item), (x.trend, y.trend)))
            or x.phase != y.phase or x.per != y.per or x.extreme != y.extreme or x.group != y.group
            or _other_rows(g, a, b) or _other_numbers(g, a, b) or _other_sources(g, a, b)
            or _including(g, a) != _including(g, b) or any(_link_of_its_own_day(g, c) for c in (a, b)))


def _link_of_its_own_day(g: ClaimGraph, c: FigureClaim) -> bool:
    """Whether the figure is in a related link's title that a relative time dates ("hari ini", "today"):
    that is the linked article's day, not this article's."""
    return c.segment == "related-link" and any(t.expr.relative for _, t in stated_times(g, c.sentence))


def _including(g: ClaimGraph, c: FigureClaim) -> bool:
    """Whether a word that adds parts (`including`, `termasuk`) follows the figure: "$12 billion including
    debt" counts more than "$10 billion" does."""
    right = f" {c.right.lower().lstrip(', ')} "
    return any(right.startswith(f" {w} ") for w in ScopeWords.of(g.lex).including)


def _other_numbers(g: ClaimGraph, a: FigureClaim, b: FigureClaim) -> bool:
    """Whether each sentence numbers an item (`figure_scope.numbered`) that the other does not: "32 points in
    Game 1" and "28 points in Game 2" are two games."""
    numbered = ScopeWords.of(g.lex).numbered
    ours, theirs = (frozenset(m.lower() for m in numbered.findall(sentence_text(g, c.sentence))) for c in (a, b))
    return bool(ours - theirs) and bool(theirs - ours)


def _other_sources(g: ClaimGraph, a: FigureClaim, b: FigureClaim) -> bool:
    """Whether the two figures' sentences name each its source, right by a word such as `says` or `menurut`,
    and no word of one source is in the other: two sources' counts, which news reports side by side ("Russia
    has about 500,000 troops in Ukraine, Kyiv says" against "Russia says it has 617,000 troops")."""
    ours, theirs = _sources(g, sentence_text(g, a.sentence)), _sources(g, sentence_text(g, b.sentence))
    return bool(ours and theirs) and ours.isdisjoint(theirs)


def _sources(g: ClaimGraph, sentence: str) -> frozenset[str]:
    """The words of the names of a sentence's sources: a name right before a source word ("Kyiv says"), or
    right after one that opens the sentence or follows a comma ("according to the Congressional Budget
    Office", "..., kata Kapolres Garut AKBP Budi"); a name after "Kyiv says" is what Kyiv speaks of."""
    words: set[str] = set()
    for m in ScopeWords.of(g.lex).sources.finditer(sentence):
        name = _NAME_BEFORE.search(sentence, 0, m.start())
        if name is None and _CLAUSE_OPENS.search(sentence, 0, m.start()):
            name = _NAME_AFTER.match(sentence, m.end())
        if name:
            words.update(w.lower().strip(".") for w in name.group("name").split())
    return frozenset(words)


_NAME = r"(?P<name>[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*)*)"
_NAME_BEFORE = re.compile(rf"(?<![\w'.-]){_NAME}\s+$")
_NAME_AFTER = re.compile(rf"\s+(?:the\s+)?{_NAME}")
_CLAUSE_OPENS = re.compile(r"(?:^|[,;:])\s*$")


def _apart(x: frozenset[str], y: frozenset[str]) -> bool:
    return bool(x and y) and x.isdisjoint(y)


def _other_rows(g: ClaimGraph, a: FigureClaim, b: FigureClaim) -> bool:
    """Whether the other figures of the two sentences disagree in a measure both give: none of one's meets
    one of the other's."""
    ours = [x for x in figures(g, a.sentence) if not _overlap(x, a) and not _overlap(x, b)]
    theirs = [y for y in figures(g, b.sentence) if not _overlap(y, a) and not _overlap(y, b)]
    return disagree(ours, theirs)


def _overlap(x: FigureClaim, y: FigureClaim) -> bool:
    """Whether two claims quote overlapping text: one figure, read twice ("berusia 71 tahun", "71 tahun")."""
    return x.start < y.end and y.start < x.end


def _distinct(claims: Sequence[FigureClaim]) -> int:
    """How many figures the claims give that differ as written (not counting the rounding their digits
    allow): the most of them whose intervals meet none of the others'."""
    n, reach = 0, -math.inf
    for hi, lo in sorted((c.hi, c.lo) for c in claims):
        if lo > reach:
            n, reach = n + 1, hi
    return n


def _hit(ctx: Context, a: FigureClaim, b: FigureClaim, subject: str, variants: list[str]) -> Hit:
    fields: dict[str, object] = {"subject": subject, "first": a.text, "second": b.text,
                                 "first_range": _range(ctx, a), "second_range": _range(ctx, b)}
    return Hit(evidence=[(a.start, a.end), (b.start, b.end)], fields=fields, variants=variants,
               in_quote=a.in_quote or b.in_quote)


def _contradict(a: FigureClaim, b: FigureClaim, is_restatement: bool) -> bool:
    """In the same wording with the same hedge, any other figure is a changed figure; otherwise
    ("more than 1,000" restated as "less than 100", or one subject's count) only figures that cannot
    both hold contradict."""
    if is_restatement and a.hedge == b.hedge:
        return (a.lo, a.hi) != (b.lo, b.hi)
    return _disjoint(a, b)


def _range(ctx: Context, c: FigureClaim) -> str:
    lo, hi = bounds(c)
    if lo == hi:
        return ctx.number(lo)
    return f"{ctx.number(max(lo, 0))}–{ctx.number(hi)}"

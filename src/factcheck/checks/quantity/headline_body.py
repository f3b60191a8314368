"""quantity.headline-body: a headline figure that no body figure supports, while one contradicts it."""
from __future__ import annotations

from collections.abc import Iterator

from ...claims import FigureClaim
from ..context import Context
from ..intervals import bounds, meet
from ..registry import Hit, Params, check


class HeadlineParams(Params):
    min_shared_word_length: int = 4  # a word the headline and the body share says they count the same thing


@check("headline_body", HeadlineParams, fields=("headline", "body", "headline_range", "body_range"))
def headline_body(ctx: Context, params: HeadlineParams) -> Iterator[Hit]:
    """A headline figure that no body figure of the same measure and subject supports, while one contradicts it."""
    figures = [c for _, _, c in ctx.graph.claims(FigureClaim) if not c.q.generic]
    body = [c for c in figures if c.segment == "body"]
    for h in (c for c in figures if c.segment == "headline"):
        words = _content(h, ctx, params)
        same = [b for b in body if b.measure == h.measure and words & _content(b, ctx, params)]
        if same and not any(meet(bounds(b), bounds(h)) for b in same):
            b = same[0]
            yield Hit(evidence=[(h.start, h.end), (b.start, b.end)],
                      fields={"headline": h.text, "body": b.text, "headline_range": ctx.range(bounds(h)),
                              "body_range": ctx.range(bounds(b))})


def _content(c: FigureClaim, ctx: Context, params: HeadlineParams) -> set[str]:
    """The content words around a figure, lower case."""
    words = (c.left + " " + c.right).lower().split()
    return {w for w in words if w.isalpha() and len(w) >= params.min_shared_word_length and w not in ctx.stopwords}

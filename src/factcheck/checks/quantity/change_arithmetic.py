"""quantity.change-arithmetic: a change whose direction or amount does not follow from its start and end
figures.

Every figure is an interval: its hedge ("sekitar") or, unhedged, the rounding its digits imply
(`68,2 persen` is 68.15-68.25), so only a result that no reading of the figures allows is reported.
"""
from __future__ import annotations

from collections.abc import Iterator

from ...claims import ChangeClaim
from ...claims.queries import changes
from ..context import Context
from ..intervals import Bounds, meet, written_bounds
from ..registry import Hit, Params, check


def _percent_change(start: Bounds, end: Bounds) -> Bounds:
    """How much `end` differs from `start`, in percent of `start` (start > 0)."""
    return (end[0] / start[1] - 1) * 100, (end[1] / start[0] - 1) * 100


@check("change_arithmetic", variants=("direction", "fraction"),
       fields=("cue", "start", "end", "amount", "actual", "stated"))
def change_arithmetic(ctx: Context, params: Params) -> Iterator[Hit]:
    """A change whose direction (`naik`, `fell`) or amount (`20 persen`, `by half`) does not follow from
    its start and end figures."""
    for change in changes(ctx.graph):
        node, start, end, by = change.node, change.start, change.end, change.by
        s, e = written_bounds(start), written_bounds(end)
        fields: dict[str, object] = {"cue": node.cue, "start": _endpoint(ctx, start, end),
                                     "end": _endpoint(ctx, end, start)}
        evidence = [(start.start, start.end), (end.start, end.end)]
        in_quote = start.in_quote or end.in_quote
        if (node.direction > 0 and e[1] < s[0]) or (node.direction < 0 and e[0] > s[1]):
            yield Hit(evidence=evidence, fields=fields, variants=["direction"], in_quote=in_quote)
        elif s[0] > 0 and node.fraction:
            stated = node.direction * node.fraction * 100
            percent = _percent_change(s, e)
            if not meet((stated, stated), percent):
                fields.update(amount=node.fraction_text, actual=_size(ctx, percent, "percent"),
                              stated=_size(ctx, (stated, stated), "percent"))
                yield Hit(evidence=evidence, fields=fields, variants=["fraction"], in_quote=in_quote)
        elif s[0] > 0 and by is not None:
            actual = _actual_change(by, start, s, e)
            lo, hi = sorted(node.direction * x for x in _stated_bounds(by))
            if actual is not None and not any(meet((lo, hi), a) for a in actual):
                fields.update(amount=by.text, actual=_size(ctx, actual[0], by.measure),
                              stated=_size(ctx, (by.lo, by.hi), by.measure))
                yield Hit(evidence=[(by.start, by.end), *evidence], fields=fields, in_quote=in_quote)


def _stated_bounds(by: ChangeClaim) -> Bounds:
    """The sizes an amount of change may state: its written bounds, and up to its next digit, as a size cut
    short rather than rounded says (`fallen 29%` for a fall of 29.6%)."""
    lo, hi = written_bounds(by)
    if by.hedge or hi == by.hi:  # a hedge, or a whole count, says how far it may be off
        return lo, hi
    return lo, hi + by.q.last_digit / 2


def _actual_change(by: ChangeClaim, start: ChangeClaim, s: Bounds, e: Bounds) -> list[Bounds] | None:
    """The changes an amount may state: a percentage a relative change (or, between two percentages,
    percentage points), an amount in the endpoints' own unit their difference. None: not judged."""
    difference = (e[0] - s[1], e[1] - s[0])
    if by.measure == "percent":
        return [_percent_change(s, e)] + ([difference] if start.measure == "percent" else [])
    return [difference] if by.measure == start.measure else None


def _endpoint(ctx: Context, c: ChangeClaim, other: ChangeClaim) -> str:
    """An endpoint as written, or as a number when one range holds both ("dari 40 hingga 30 juta")."""
    if c.start != other.start:
        return c.text
    return f"{ctx.number(c.value)} {ctx.measure(c.measure)}"


def _size(ctx: Context, b: Bounds, measure: str) -> str:
    """How large a change is, without its sign when the sign is not in doubt: `50 persen`."""
    if b[0] >= 0 or b[1] <= 0:
        lo, hi = sorted(abs(x) for x in b)
        b = lo, hi
    return f"{ctx.range(b)} {ctx.measure(measure)}"

"""Quantity check kinds that do arithmetic on the figures of one statement: a change against its
endpoints, a total against its parts, a share against its part and whole, a range written backwards.

Every figure is an interval: its hedge ("sekitar") or, unhedged, the rounding its digits imply
(`68,2 persen` is 68.15-68.25), so only a result that no reading of the figures allows is reported.
"""
from __future__ import annotations

from typing import Iterator

from ..graph import related
from .context import Context
from .intervals import Bounds, bounds, meet, written_bounds
from .registry import Hit, Params, check


def _range(ctx: Context, b: Bounds, digits: int = 1) -> str:
    lo, hi = round(b[0], digits), round(b[1], digits)
    return ctx.number(lo) if lo == hi else f"{ctx.number(lo)}–{ctx.number(hi)}"


def _percent_change(start: Bounds, end: Bounds) -> Bounds:
    """How much `end` differs from `start`, in percent of `start` (start > 0)."""
    return (end[0] / start[1] - 1) * 100, (end[1] / start[0] - 1) * 100


# --- change ----------------------------------------------------------------------------------------

@check("change_arithmetic", variants=("direction", "fraction"),
       fields=("cue", "start", "end", "amount", "actual", "stated"))
def change_arithmetic(ctx: Context, params: Params) -> Iterator[Hit]:
    """A change whose direction (`naik`, `fell`) or amount (`20 persen`, `by half`) does not follow from
    its start and end figures."""
    g = ctx.graph
    for node in g.of_kind("change"):
        ends, data = related(g, node), g.nodes[node]
        start, end = ends["from"][0], ends["to"][0]
        s, e = written_bounds(start), written_bounds(end)
        fields = {"cue": data["cue"], "start": _endpoint(ctx, start, end), "end": _endpoint(ctx, end, start)}
        evidence = [(start["start"], start["end"]), (end["start"], end["end"])]
        in_quote = start["in_quote"] or end["in_quote"]
        if data["direction"] > 0 and e[1] < s[0] or data["direction"] < 0 and e[0] > s[1]:
            yield Hit(evidence=evidence, fields=fields, variants=["direction"], in_quote=in_quote)
        elif s[0] > 0 and data["fraction"]:
            stated = data["direction"] * data["fraction"] * 100
            change = _percent_change(s, e)
            if not meet((stated, stated), change):
                fields.update(amount=data["fraction_text"], actual=_size(ctx, change, "percent"),
                              stated=_size(ctx, (stated, stated), "percent"))
                yield Hit(evidence=evidence, fields=fields, variants=["fraction"], in_quote=in_quote)
        elif s[0] > 0 and "by" in ends:
            by = ends["by"][0]
            actual = _actual_change(by, start, s, e)
            stated = tuple(sorted(data["direction"] * x for x in written_bounds(by)))
            if actual is not None and not any(meet(stated, a) for a in actual):
                fields.update(amount=by["text"], actual=_size(ctx, actual[0], by["measure"]),
                              stated=_size(ctx, (by["lo"], by["hi"]), by["measure"]))
                yield Hit(evidence=[(by["start"], by["end"])] + evidence, fields=fields, in_quote=in_quote)


def _actual_change(by: dict, start: dict, s: Bounds, e: Bounds) -> list[Bounds] | None:
    """The changes an amount may state: a percentage a relative change (or, between two percentages,
    percentage points), an amount in the endpoints' own unit their difference. None: not judged."""
    difference = (e[0] - s[1], e[1] - s[0])
    if by["measure"] == "percent":
        return [_percent_change(s, e)] + ([difference] if start["measure"] == "percent" else [])
    return [difference] if by["measure"] == start["measure"] else None


def _endpoint(ctx: Context, c: dict, other: dict) -> str:
    """An endpoint as written, or as a number when one range holds both ("dari 40 hingga 30 juta")."""
    if c["start"] != other["start"]:
        return c["text"]
    return f"{ctx.number(c['value'])} {ctx.measure(c['measure'])}"


def _size(ctx: Context, b: Bounds, measure: str) -> str:
    """How large a change is, without its sign when the sign is not in doubt: `50 persen`."""
    if b[0] >= 0 or b[1] <= 0:
        b = tuple(sorted(abs(x) for x in b))
    return f"{_range(ctx, b)} {ctx.measure(measure)}"


# --- totals and shares -----------------------------------------------------------------------------

@check("total_vs_parts", variants=("items", "partial"), fields=("total", "parts", "sum"))
def total_vs_parts(ctx: Context, params: Params) -> Iterator[Hit]:
    """A stated total that its listed parts (figures or named items) do not add up to; parts that are
    only some of the total ("di antaranya") may not exceed it."""
    g = ctx.graph
    for node in g.of_kind("breakdown"):
        ends, exhaustive = related(g, node), g.nodes[node]["exhaustive"]
        total = ends["total"][0]
        t = written_bounds(total)
        parts = ends.get("part") or ends.get("item")
        if "part" in ends:
            whole = (sum(written_bounds(p)[0] for p in parts), sum(written_bounds(p)[1] for p in parts))
            counted = " + ".join(p["text"] for p in parts)
        else:
            whole = (len(parts), len(parts))
            counted = ", ".join(p["text"] for p in parts)
        wrong = not meet(whole, t) if exhaustive else whole[0] > t[1]
        if wrong:
            variants = (["items"] if "item" in ends else []) + ([] if exhaustive else ["partial"])
            yield Hit(evidence=[(total["start"], total["end"])] + [(p["start"], p["end"]) for p in parts],
                      fields={"total": total["text"], "parts": counted, "sum": _range(ctx, whole, 2)},
                      variants=variants, in_quote=total["in_quote"])


@check("percent_sum", variants=("shares",), fields=("shares", "actual", "whole", "part", "share"))
def percent_sum(ctx: Context, params: Params) -> Iterator[Hit]:
    """A percentage that its own part and whole contradict (`50 dari 200 (40 persen)`), or shares of one
    whole that add up past 100 % (`Jones 80 persen suara dan Moore 40 persen`)."""
    g = ctx.graph
    for node in g.of_kind("shares"):
        shares = related(g, node)["share"]
        total = (sum(written_bounds(s)[0] for s in shares), sum(written_bounds(s)[1] for s in shares))
        if total[0] > 100:
            yield Hit(evidence=[(s["start"], s["end"]) for s in shares], variants=["shares"],
                      fields={"shares": " + ".join(f'"{s["text"]}"' for s in shares), "actual": ctx.number(sum(s["value"] for s in shares)),
                              "whole": g.nodes[node]["whole"]},
                      in_quote=shares[0]["in_quote"])
    for node in g.of_kind("ratio"):
        ends = related(g, node)
        part, whole, share = ends["part"][0], ends["whole"][0], ends["share"][0]
        p, w = written_bounds(part), written_bounds(whole)
        if w[0] <= 0:
            continue
        actual = (p[0] / w[1] * 100, p[1] / w[0] * 100)
        if not meet(actual, written_bounds(share)):
            yield Hit(evidence=[(part["start"], part["end"]), (whole["start"], whole["end"]), (share["start"], share["end"])],
                      fields={"part": part["text"], "whole": whole["text"], "share": share["text"],
                              "actual": _range(ctx, actual, 2)},
                      in_quote=share["in_quote"])


# --- ranges and headlines ----------------------------------------------------------------------------

@check("range_inverted", fields=("text", "first", "second"))
def range_inverted(ctx: Context, params: Params) -> Iterator[Hit]:
    """A range written high to low (`antara 50 hingga 30`) of a unit the lexicon knows; a change `dari 50
    hingga 30` is not a range, two figures before an unknown noun may be a record (`17–7 record`), and
    two figures near a word of a contest are its score (`led her rival 55 to 41 percent`)."""
    starts = {w.lower() for w in ctx.lex.data.changes.start}
    contest = {w.lower() for w in ctx.lex.data.score_words}
    for _, _, c in ctx.graph.claims("figure"):
        written = c["q"].written_range
        around = f'{c["left"]} {c["right"]}'.lower().split()
        if written and written[0] > written[1] and not c["q"].generic \
                and not (c["left"] and c["left"].split()[-1].lower() in starts) and contest.isdisjoint(around):
            yield Hit(evidence=[(c["start"], c["end"])], in_quote=c["in_quote"],
                      fields={"text": c["text"], "first": ctx.number(written[0]), "second": ctx.number(written[1])})


class HeadlineParams(Params):
    min_shared_word_length: int = 4  # a word the headline and the body share says they count the same thing


@check("headline_body", HeadlineParams, fields=("headline", "body", "headline_range", "body_range"))
def headline_body(ctx: Context, params: HeadlineParams) -> Iterator[Hit]:
    """A headline figure that no body figure of the same measure and subject supports, while one contradicts it."""
    figures = [c for _, _, c in ctx.graph.claims("figure") if not c["q"].generic]
    body = [c for c in figures if c["segment"] == "body"]
    for h in (c for c in figures if c["segment"] == "headline"):
        words = _content(h, ctx, params)
        same = [b for b in body if b["measure"] == h["measure"] and words & _content(b, ctx, params)]
        if same and not any(meet(bounds(b), bounds(h)) for b in same):
            b = same[0]
            yield Hit(evidence=[(h["start"], h["end"]), (b["start"], b["end"])],
                      fields={"headline": h["text"], "body": b["text"], "headline_range": _range(ctx, bounds(h)),
                              "body_range": _range(ctx, bounds(b))})


def _content(c: dict, ctx: Context, params: HeadlineParams) -> set[str]:
    """The content words around a figure, lower case."""
    words = (c["left"] + " " + c["right"]).lower().split()
    return {w for w in words if w.isalpha() and len(w) >= params.min_shared_word_length and w not in ctx.lex.stopwords}

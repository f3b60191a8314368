"""entity.title-conflict: one person given two roles one cannot hold at once, or one role in two places."""
from __future__ import annotations

from collections.abc import Iterator

from ...claims import TitleClaim
from ..context import Context
from ..registry import Hit, Params, check


def _people(names: set[str]) -> dict[str, str]:
    """Each name mapped to the person it stands for: a one-word name (`Biden`, `Anwar`) to the only
    longer name that ends or starts with it (`Joe Biden`, `Anwar Ibrahim`), every other name to itself."""
    full: dict[str, set[str]] = {}
    for n in names:
        words = n.split()
        if len(words) > 1:
            for w in (words[0], words[-1]):
                full.setdefault(w, set()).add(n)
    return {n: next(iter(full[n])) if len(n.split()) == 1 and len(full.get(n, ())) == 1 else n for n in names}


@check("title_conflict", variants=("jurisdiction",), fields=("person", "first", "second"))
def title_conflict(ctx: Context, params: Params) -> Iterator[Hit]:
    """One person given two roles one cannot hold at once (`Presiden ... Putin`, `Perdana Menteri Putin`)
    or one role in two places (`Presiden Rusia ...`, `Presiden Ukraina ...`)."""
    g = ctx.graph
    titles = [(person.removeprefix("entity:"), c) for person, _, c in g.claims(TitleClaim)]
    person_of = _people({name for name, _ in titles})
    first: dict[str, TitleClaim] = {}
    reported: set[str] = set()
    for name, c in titles:
        person = person_of[name]
        a = first.setdefault(person, c)
        if person in reported or a is c:
            continue
        if a.role != c.role:
            variants = []
        elif a.jurisdiction and c.jurisdiction and a.jurisdiction != c.jurisdiction:
            variants = ["jurisdiction"]
        else:
            continue
        reported.add(person)
        yield Hit(evidence=[(a.start, a.end), (c.start, c.end)], variants=variants,
                  fields={"person": person, "first": a.text, "second": c.text}, in_quote=a.in_quote or c.in_quote)

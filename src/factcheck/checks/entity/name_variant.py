"""entity.name-variant: one person's surname written two ways."""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from ...claims import MentionClaim
from ..context import Context
from ..registry import Hit, Params, check

SENTENCE_CHARS = 200  # read on for the rest of a name's sentence
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")
LIST_GAP = 7  # characters at most between two names of a list: `, `, ` dan `, `, and `, ` atau `


class VariantParams(Params):
    min_length: int = 6  # shorter names differ by one letter too often (Putra, Putri)
    # Endings that make one name from another: two words that differ only in these are two forms of one
    # name (`Koreas`, `Korean`; `Arabia`, `Arabic`), not a misspelling.
    name_endings: list[str] = []  # noqa: RUF012  (pydantic copies a default per model)


@check("name_variant", VariantParams, fields=("name", "variant", "count"))
def name_variant(ctx: Context, params: VariantParams) -> Iterator[Hit]:
    """One person's surname written two ways (`Jens Stoltenberg`, `Stoltenburg`): the rarer spelling is
    one letter away, and either follows the same first name or stands alone where the full name was
    given with the other spelling. Letter case, an ending (`Koreas`, `Korean`) and a common word written
    in another language inside a name (`Energi`, `Energy`) do not make a misspelling, nor does a name
    written with an age (`Rahmat (45)`): that introduces someone, where a misspelling refers back, nor a
    place written with its kind and told as one more (`Gunung Marapi ... juga erupsi`), nor
    a name listed next to the other spelling (`Polda Sumsel dan Polda Sulsel`): a list names two things."""
    mentions = [(entity, c, c.words) for _, entity, c in ctx.graph.claims(MentionClaim)]
    counts = Counter(w for _, _, words in mentions for w in words)

    def misspelt(word: str, surname: str) -> bool:
        if not one_edit(word, surname) or _derived(word, surname, params.name_endings):
            return False
        common = ctx.graph.lower_case_words  # read at the first near miss (most articles have none)
        return word.lower() not in common and surname.lower() not in common

    full_names = [words for _, _, words in mentions if len(words) > 1]
    # the spellings a variant may be of: surnames written more than once, long enough
    surnames = sorted(s for s in {w[-1] for w in full_names} if counts[s] > 1 and len(s) >= params.min_length)
    by_initial: dict[str, list[str]] = {}  # a variant keeps its surname's first letter (see one_edit)
    for s in surnames:
        by_initial.setdefault(s.lower()[0], []).append(s)
    reported: set[str] = set()
    for n, (entity, c, words) in enumerate(mentions):
        for word in words:
            if counts[word] != 1 or len(word) < params.min_length or not word.isalpha() or word in reported:
                continue
            twin = next((s for s in by_initial.get(word.lower()[0], ())
                         if misspelt(word, s) and _same_person(word, s, words, full_names)), None)
            if (twin is None or ctx.graph.out_links(entity, "age") or _listed_with(twin, n, mentions)
                    or _another_place(ctx, c, word)):
                continue
            reported.add(word)
            other = next(m for _, m, ws in mentions if twin in ws)
            # the variant first: that is the place to fix
            yield Hit(evidence=[(c.start, c.end), (other.start, other.end)],
                      fields={"name": twin, "variant": word, "count": counts[twin]}, in_quote=c.in_quote)


def _same_person(word: str, surname: str, name: tuple[str, ...], full_names: list[tuple[str, ...]]) -> bool:
    """The variant follows the same first name as the surname does, or stands alone as a surname does."""
    if len(name) == 1:
        return True
    return any(f[-1] == surname and f[:-1] == name[:name.index(word)] for f in full_names if len(f) == len(name))


def _another_place(ctx: Context, c: MentionClaim, word: str) -> bool:
    """Whether the name is a place written with its kind and told as one more in the rest of its sentence
    (`Gunung Marapi di Sumatera Barat juga erupsi`): another place of that kind, not a misspelling."""
    before = c.words[:c.words.index(word)]
    if not before or any(w.lower() not in ctx.place_kinds for w in before):
        return False
    rest = _SENTENCE_END.split(ctx.graph.text[c.end:c.end + SENTENCE_CHARS], maxsplit=1)[0]
    return any(w.lower() in ctx.also_words for w in re.findall(r"\w+", rest))


def _listed_with(twin: str, n: int, mentions: list[tuple[str, MentionClaim, tuple[str, ...]]]) -> bool:
    """Whether a mention next to mention `n`, with no more than a list's separator between them, names `twin`."""
    c = mentions[n][1]
    neighbours = mentions[max(n - 1, 0):n] + mentions[n + 1:n + 2]
    return any(twin in words and max(c.start - m.end, m.start - c.end) <= LIST_GAP for _, m, words in neighbours)


def _derived(a: str, b: str, endings: list[str]) -> bool:
    """Whether two words are one stem with two of `endings` (or none): `Koreas` and `Korean`."""
    forms = ["", *endings]
    return any(a.endswith(x) and b.endswith(y) and a[:len(a) - len(x)] == b[:len(b) - len(y)]
               for x in forms for y in forms)


def one_edit(a: str, b: str) -> bool:
    """Whether two words differ by one letter replaced, added, dropped or two neighbours swapped, whatever
    their case (`PowerBoat` is `Powerboat`); a word with an ending added (`Indonesia`, `Indonesian`) does
    not count."""
    a, b = a.lower(), b.lower()
    if a == b or a[0] != b[0] or a.startswith(b) or b.startswith(a):
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]]
                                  and a[diff[1]] == b[diff[0]])
    if abs(len(a) - len(b)) != 1:
        return False
    short, long_ = sorted((a, b), key=len)
    i = next((i for i in range(len(short)) if short[i] != long_[i]), len(short))
    return short[i:] == long_[i + 1:]

"""Titles: a role written before a person's name (`Presiden Rusia Vladimir Putin`, `Prime Minister
Boris Johnson`), with the jurisdiction between them when the gazetteer knows it. A role after a former
cue (`mantan Presiden`, `former President`) or followed by a qualifier (`Presiden Direktur`) is not a
role the person holds, and is skipped; so is a role followed by a place and no name (`Presiden Rusia`,
`Bupati Bangli` where the article also writes `Wakil Bupati Bangli I Wayan Diar`).
"""
from __future__ import annotations

import re

from ..lexicon import Lexicon, alternation
from ..models import Title
from ..text import span
from .openings import Openings

_WORD = re.compile(r"\S+")
_NAME = r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*"
FORMER_WORDS = 2  # a former cue stands at most this many words before the role ("former U.S. President")


class TitleExtractor:
    def __init__(self, lex: Lexicon, openings: Openings | None = None):
        self.lex = lex
        d = lex.data
        self.role_of = {" ".join(w.lower().split()): role for role, ws in d.roles.items() for w in ws}
        places = [a for a, name in lex.alias_of.items() if lex.entity_kind[name] != "person"]
        jurisdiction = rf"(?:\s+(?P<jur>{alternation(places)}))?" if places else ""
        roles = [w for ws in d.roles.values() for w in ws]
        self.pattern = (openings or Openings()).add(re.compile(
            rf"(?<![\w.])(?P<role>{alternation(roles, capitalised=True)}){jurisdiction}\s+(?P<name>{_NAME})"), roles) \
            if d.roles else None
        self.qualifiers = frozenset(q.lower() for q in d.role_qualifiers)
        self.not_names = frozenset(lex.weekday_names) | frozenset(lex.month_names) | lex.stopwords
        self.former = re.compile(
            rf"(?<!\w)(?:{alternation(d.former)})(?!\w)\W*(?:\S+\s+){{0,{FORMER_WORDS - 1}}}$", re.I) \
            if d.former else None

    def extract(self, text: str, ranges: list[tuple[int, int]]) -> list[Title]:
        if self.pattern is None:
            return []
        held = [(m, end) for s, e in ranges for m in self.pattern.finditer(text, s, e)
                if (end := self._held(text, s, m)) is not None]
        # the words after each role: a jurisdiction, if any, then the name
        after = [list(_WORD.finditer(text, m.start("jur") if m.group("jur") else m.start("name"), end))
                 for m, end in held]
        places = _places(after)
        out = []
        for (m, end), words in zip(held, after):
            jurisdiction, person = self._jurisdiction(words, places)
            if not person:  # a role with a place and no name: `Bupati Bangli`
                continue
            out.append(Title(span=span(text, m.start(), end),
                             role=self.role_of[" ".join(m.group("role").lower().split())],
                             jurisdiction=jurisdiction,
                             name=self._canonical(" ".join(w.group() for w in person)),
                             name_span=span(text, person[0].start(), end)))
        return out

    def _held(self, text: str, start: int, m: re.Match[str]) -> int | None:
        """Where the name of a role the person holds ends; None for a former role or another role."""
        name_end = self._name_end(text, m.start("name"), m.end("name"))
        name = text[m.start("name"):name_end]
        if not name or name.split()[0].lower() in self.qualifiers:
            return None
        if self.former and self.former.search(text[max(start, m.start() - 40):m.start()]):
            return None
        return name_end

    def _jurisdiction(self, words: list[re.Match[str]], places: set[str]) -> tuple[str | None, list[re.Match[str]]]:
        """The place the words after a role open with (the longest gazetteer place, else a word the article
        uses as a place) and the words of the person."""
        known, n = self._known_prefix([w.group() for w in words])
        if known and self.lex.entity_kind[known] != "person":
            return known, words[n:]
        if words[0].group() in places:  # not a gazetteer name: left out of jurisdiction comparisons
            return None, words[1:]
        return None, words

    def _name_end(self, text: str, start: int, end: int) -> int:
        """Where the name ends: before a capitalised weekday, month or function word ("Jokowi Senin")."""
        for w in _WORD.finditer(text[start:end]):
            if w.group().lower() in self.not_names:
                return start + len(text[start:start + w.start()].rstrip())
        return end

    def _canonical(self, name: str) -> str:
        """The gazetteer's name for the longest leading part of `name` it knows, else `name` as written."""
        return self._known_prefix(name.split())[0] or name

    def _known_prefix(self, words: list[str]) -> tuple[str | None, int]:
        """The gazetteer's name for the longest leading run of `words` it knows, and how many words that is."""
        for n in range(len(words), 0, -1):
            known = self.lex.alias_of.get(" ".join(words[:n]))
            if known:
                return known, n
        return None, 0


def _places(after: list[list[re.Match[str]]]) -> set[str]:
    """Words the article writes after a role both alone and before a full name of two words or more: a
    place, not a person (`Bupati Bangli` and `Wakil Bupati Bangli I Wayan Diar`). A first name written
    alone is written elsewhere before one more word, the surname (`Perdana Menteri Anwar` and
    `Presiden Anwar Ibrahim`)."""
    lengths: dict[str, set[int]] = {}  # each opening word -> how many words it opens: 1, 2 or more (3)
    for words in after:
        lengths.setdefault(words[0].group(), set()).add(min(len(words), 3))
    return {word for word, n in lengths.items() if n >= {1, 3} and 2 not in n}

"""Titles: a role written before a person's name (`Presiden Rusia Vladimir Putin`, `Prime Minister
Boris Johnson`), with the jurisdiction between them when the gazetteer knows it. A role after a former
cue (`mantan Presiden`, `former President`) or followed by a qualifier (`Presiden Direktur`) is not a
role the person holds, and is skipped.
"""
from __future__ import annotations

import re
from typing import Optional

from ..lexicon import Lexicon, alternation
from ..models import Title
from ..text import span
from .openings import Openings

_NAME = r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*"
FORMER_WORDS = 2  # a former cue stands at most this many words before the role ("former U.S. President")


class TitleExtractor:
    def __init__(self, lex: Lexicon, openings: Optional[Openings] = None):
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
        out = []
        for s, e in ranges:
            for m in self.pattern.finditer(text, s, e):
                name_end = self._name_end(text, m.start("name"), m.end("name"))
                name = text[m.start("name"):name_end]
                if not name or name.split()[0].lower() in self.qualifiers:
                    continue
                if self.former and self.former.search(text[max(s, m.start() - 40):m.start()]):
                    continue
                jur = m.groupdict().get("jur")
                out.append(Title(span=span(text, m.start(), name_end),
                                 role=self.role_of[" ".join(m.group("role").lower().split())],
                                 jurisdiction=self.lex.alias_of[jur] if jur else None,
                                 name=self._canonical(name), name_span=span(text, m.start("name"), name_end)))
        return out

    def _name_end(self, text: str, start: int, end: int) -> int:
        """Where the name ends: before a capitalised weekday, month or function word ("Jokowi Senin")."""
        for w in re.finditer(r"\S+", text[start:end]):
            if w.group().lower() in self.not_names:
                return start + len(text[start:start + w.start()].rstrip())
        return end

    def _canonical(self, name: str) -> str:
        """The gazetteer's name for the longest leading part of `name` it knows, else `name` as written."""
        words = name.split()
        for n in range(len(words), 0, -1):
            known = self.lex.alias_of.get(" ".join(words[:n]))
            if known:
                return known
        return name

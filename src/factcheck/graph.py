"""The claim graph of one article: what the rules reason on.

A directed multigraph: every node has `kind` and `label`; every edge has `kind`. The checks read it
as a ClaimGraph (plain dicts, with the look-ups they repeat indexed once); `factcheck graph` exports it
as the networkx MultiDiGraph of `to_networkx`, with the same nodes and edges in the same order.

Nodes
  article                  kind=article   title, published (ISO date or ""), lang; also stands for the
                                          publication date where a length of time ends "now"
  entity:<name>            kind=entity    a named thing; gazetteer names are canonical (Rusia -> Russia)
  phrase:<L|R>:<words>     kind=phrase    the words on one side of a figure or date, the subject of a
                                          statement made twice ("... sekitar # persen asam urat ...")
  sentence:<n>             kind=sentence  a sentence: words (the set of its content words, lower case,
                                          without endings such as "-nya"; empty for a sentence that
                                          states no figure or date, which cannot restate another's),
                                          names (the set of the words of its names), change (whether a
                                          change word such as "naik" is in it); an export writes each
                                          set sorted, space-separated
  event:<n>                kind=event     the clause around a time expression
  time:<lo>/<hi>           kind=time      a day interval; time:invalid:<text> for a date that cannot exist
  quantity:<measure>=<v>   kind=quantity  a value of a measure (ages have measure "age")
  duration:<n>             kind=duration  a stated length of time: value, unit, form (ago, length,
                                          anniversary, age)
  role:<role>              kind=role      a role a person holds (president, prime-minister, ...)
  change:<n>               kind=change    a change stated with its endpoints: direction (+1/-1)
  breakdown:<n>            kind=breakdown a total and its listed parts: exhaustive (all of it, or some)
  ratio:<n>                kind=ratio     a part of a whole with its stated share
  shares:<n>               kind=shares    percentages of one whole given to several names: whole
  referent:<noun>@<offset> kind=referent  a person named by a noun with an age ("seorang nenek berusia 71
                                          tahun") and pointed back to with an age again ("nenek 67 tahun
                                          itu"); offset is where the first age is stated

Edges. Claims carry `claim`, the evidence `start`/`end`/`text`, the `segment` kind it lies in and
`in_quote`.
  article -> event         kind=contains
  entity  -> event         kind=participant
  event   -> time          kind=time      claim="time": modality, cue, cue_start, cue_words (words from the cue
                                          to the time), planned_nearby (a planning cue in the clause
                                          or later in the sentence), superseded_in_sentence,
                                          grain, mod, weekday (stated, 0 = Monday), year_source,
                                          invalid, once (birth, founding, death or "") and once_cue
                                          (the word that says so), expr (the TimeExpr)
  phrase  -> event         kind=restates  left/right: the words around the event's date, without a
                                          preposition such as "pada" (a date restated in the same words)
  entity  -> event         kind=subject   once: the subject of an event that happens once to it
                                          (`Biden lahir 20 November 1942`)
  event   -> event         kind=order     claim="order": relation (before/after), evidence the order
                                          word; the first event's date lies before (after) the second's
  event   -> event         kind=names     claim="apposition": a relative time and the explicit date
                                          written right after it (`kemarin (4/12/2021)`), which name one day
  subject -> quantity      kind=quantity  claim="quantity": measure, value, lo, hi, hedge, basis
                                          ("entity", "restated" or "referent"), left/right (context words), q
                                          (the Quantity), and what places it (below); subject is an
                                          entity, a phrase or a referent node (basis "referent")
  sentence -> quantity     kind=figure    claim="figure": every figure of the sentence, with left/right,
                                          q and what places it (a headline's figures are set against the
                                          body's, and a sentence's against another that says the same in
                                          other words)
                                          Both claims also carry cut (its sentence starts in lower case:
                                          cut off, by a line run into it, from words it may have said)
                                          and are placed by: sentence (its sentence node, whose
                                          other figures are its row of a table), clause_names (the set of
                                          the words of the names in its clause, units such as "Rp" left
                                          out) and scope (a Scope: the dates and times of day its sentence
                                          names, "now" adding the publication day; the list item its
                                          sentence opens; the phase, "before" or "now"; the trend, "up"
                                          or "down"; what it is a rate of, "per suara"). Two figures placed
                                          apart count different things and are never compared.
  sentence -> event        kind=states    the dates the sentence gives
  sentence -> sentence     kind=paraphrases the first (shorter) says part of the second in other words:
                                          its content words (at least three) and names all appear in the
                                          second, which adds more than another name; neither reports a
                                          change ("naik", "bertambah menjadi" give a new value)
  article -> duration      kind=states    claim="elapsed": form, unit, lo, hi, hedge, duration (the
                                          Duration); the length it states
  entity  -> duration      kind=age       whose age it is
  duration -> time         kind=from/to   claim="endpoint": where the length starts and ends, with
                                          the evidence; no `to` edge: it ends on the publication date
  entity  -> role          kind=title     claim="title": role, jurisdiction, evidence
  article -> entity        kind=mentions  claim="mention": each place a name is written
  change  -> quantity      kind=from/to/by claim="change": evidence and q; the node holds direction,
                                          cue, fraction ("by half" = 0.5)
  breakdown -> quantity    kind=total/part claim="breakdown": evidence and q
  breakdown -> entity      kind=item      claim="breakdown": a named item counted as one part
  ratio   -> quantity      kind=part/whole/share claim="ratio": evidence and q
  shares  -> quantity      kind=share     claim="shares": evidence and q

A conflict is two quantity edges from one subject node with one measure, not placed apart, so an export
of this graph shows exactly what quantity.conflict compared. Objects (`expr`, `q`, `duration`) are
dropped from exports; a scope is exported as its text.
"""
from __future__ import annotations

import bisect
import functools
import json
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, Iterator, Optional

from .extract import Mentions
from .extract.quantities import bare_figure
from .lexicon import Lexicon, alternation
from .models import Article, Duration, Entity, Quantity, TimeExpr
from .report.escape import visible
from .text import TOKEN, Sentence, clause_bounds, in_quotation

if TYPE_CHECKING:  # networkx is imported only to export a graph: checking never needs it, and it is slow to load
    import networkx as nx

CONTEXT_WORDS = 10  # words kept each side of a figure, to tell a restatement from a parallel sentence
CONTEXT_CHARS = 400  # enough text for CONTEXT_WORDS words
KEY_WORDS = 3  # words next to a figure that key its phrase node
PARAPHRASE_WORDS = 3  # content words a sentence needs before it can restate another in other words
PARAPHRASE_TRIES = 200  # sentences tried, and linked at most, per sentence: a bound that keeps a text of
PARAPHRASE_LINKS = 4  # thousands of like sentences linear, far above what an article needs
PARALLEL_WORDS = 3  # a longer sentence that adds another name and fewer other words than this is parallel
CONTENT_WORDS_KEPT = 1 << 16  # tokens whose content word is remembered per language: the first met, most common
OBJECT_ATTRS = ("expr", "q", "duration")
RATE_REACH = 40  # characters after a figure in which its rate word ("per liter", "a share") stands
AGE_PRECISION = 0.0  # an age is a whole number of years, not rounded: "70 tahun" is not 65 to 75
AGE_NAME_GAP = 3  # words between a name and its age: "Basuki yang berusia 55 tahun", "Beard, a man of about 60"
ITEM_OPENING = 40  # characters at the start of a sentence where a list item's marker stands ("Sasaran kedua,")
UNIT_CHARS = 20  # how far before a name a figure may start that the name is written inside ("US$", "Rp")


Edge = tuple[str, str, dict]  # source, target, attributes


@dataclass(frozen=True)
class Scope:
    """Where and when a figure holds, as its sentence and clause place it (the `scope` of a quantity
    or figure claim). Figures of one subject and measure placed apart count different things."""
    dates: frozenset[tuple[str, str]] = frozenset()  # the days its sentence names, as ISO (lo, hi)
    moments: frozenset[str] = frozenset()  # the times of day its sentence names ("09.35", "morning")
    item: str = ""  # the list item its sentence opens: "2" for "2." or "Kedua,", "last" for "Terakhir,"
    phase: str = ""  # "before" or "now", as its clause or the opening of its sentence says ("sebelumnya", "kini")
    trend: str = ""  # "up" or "down", as the change words of its clause say ("menguat", "melemah")
    per: str = ""  # what it is a rate of: the word after "per" ("Rp 2.000 per liter")

    def __str__(self) -> str:
        dates = " ".join(sorted(lo if lo == hi else f"{lo}/{hi}" for lo, hi in self.dates))
        return (f"dates={dates}; moments={' '.join(sorted(self.moments))}; item={self.item}; phase={self.phase}; "
                f"trend={self.trend}; per={self.per}")


def build_graph(article: Article, mentions: Mentions, lex: Lexicon) -> ClaimGraph:
    return _Builder(article, mentions, lex).build()


class ClaimGraph:
    """The claim graph in plain dicts, far cheaper to build and to walk than a networkx graph.

    Nodes and edges iterate in networkx's order (nodes as added; edges by source, then by target as
    first linked from it), so checks that take the first of several claims see what they saw in a
    MultiDiGraph, and `to_networkx` exports the same graph. Not changed once built: the indexes the
    checks share are made on first use."""

    def __init__(self):
        self.nodes: dict[str, dict] = {}  # node -> its attributes
        self._succ: dict[str, dict[str, list[dict]]] = {}  # source -> target -> its edges' attributes

    def __contains__(self, node: str) -> bool:
        return node in self.nodes

    def add_node(self, node: str, **attrs) -> None:
        """A node, or more attributes for one already there (as networkx adds them)."""
        if node in self.nodes:
            self.nodes[node].update(attrs)
        else:
            self.nodes[node] = attrs
            self._succ[node] = {}

    def add_edge(self, source: str, target: str, **attrs) -> None:
        self._succ[source].setdefault(target, []).append(attrs)

    def edges(self) -> Iterator[Edge]:
        for source, targets in self._succ.items():
            for target, edges in targets.items():
                for e in edges:
                    yield source, target, e

    def to_networkx(self) -> nx.MultiDiGraph:
        import networkx as nx

        g = nx.MultiDiGraph()
        g.add_nodes_from((node, _words_as_text(d)) for node, d in self.nodes.items())
        g.add_edges_from((a, b, _words_as_text(e)) for a, b, e in self.edges())
        return g

    def of_kind(self, kind: str) -> list[str]:
        """The nodes of a kind."""
        return self._node_kinds.get(kind, [])

    def out(self, node: str) -> dict[str, list[tuple[str, dict]]]:
        """A node's edges by kind, as (target, attributes)."""
        out: dict[str, list[tuple[str, dict]]] = {}
        for target, edges in self._succ[node].items():
            for e in edges:
                out.setdefault(e["kind"], []).append((target, e))
        return out

    def out_edges(self, node: str, kind: str) -> list[tuple[str, dict]]:
        return [(target, e) for target, edges in self._succ[node].items() for e in edges if e["kind"] == kind]

    def edges_of(self, kind: str) -> list[Edge]:
        return self._index[0].get(kind, [])

    def by_source(self, kind: str) -> dict[str, list[tuple[str, dict]]]:
        """The edges of a kind by source node, as (target, attributes)."""
        out: dict[str, list[tuple[str, dict]]] = {}
        for source, target, e in self.edges_of(kind):
            out.setdefault(source, []).append((target, e))
        return out

    def claims(self, claim: str) -> list[Edge]:
        """Every edge carrying `claim`, in text order."""
        return self._index[1].get(claim, [])

    @functools.cached_property
    def _node_kinds(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for node, d in self.nodes.items():
            out.setdefault(d["kind"], []).append(node)
        return out

    @functools.cached_property
    def _index(self) -> tuple[dict[str, list[Edge]], dict[str, list[Edge]]]:
        """The edges by kind, and the claim edges by claim in text order: one pass serves every check."""
        by_kind: dict[str, list[Edge]] = {}
        by_claim: dict[str, list[Edge]] = {}
        for edge in self.edges():
            by_kind.setdefault(edge[2]["kind"], []).append(edge)
            if "claim" in edge[2]:
                by_claim.setdefault(edge[2]["claim"], []).append(edge)
        for edges in by_claim.values():
            edges.sort(key=lambda x: x[2]["start"])
        return by_kind, by_claim


class _Builder:
    def __init__(self, article: Article, mentions: Mentions, lex: Lexicon):
        self.text = article.text
        self.article = article
        self.m = mentions
        self.lex = lex
        self.g = ClaimGraph()
        self.event_of: dict[int, str] = {}  # index of a time in mentions.times -> its event node
        self.sentence_of: dict[int, str] = {}  # a sentence's start -> its node
        self.said: list[tuple[str, frozenset[str], frozenset[str]]] = []  # sentences without a change word: words, names
        self.entity_sentence: list[Optional[Sentence]] = [None] * len(mentions.entities)  # for their evidence
        self.entity_words = [[] if self._in_figure(e) else e.span.text.lower().split()  # lower case, read once
                             for e in mentions.entities]
        self.scope_words = _ScopeWords.of(lex)
        self.item_of: dict[int, tuple[str, int]] = {}  # a sentence's start -> its list item, where its own marker ends
        self.place_of: dict[int, tuple[frozenset, frozenset]] = {}  # a sentence's start -> its dates and moments

    def build(self) -> ClaimGraph:
        a = self.article
        self.g.add_node("article", kind="article", label=a.title or a.path,
                        published=a.published.isoformat() if a.published else "", lang=a.lang)
        for n, sent in enumerate(self.m.sentences):
            self._sentence(n, sent)
        self._paraphrases()
        for n, t in enumerate(self.m.times):
            self._time(n, t)
        self._time_links()
        for q in self.m.quantities:
            self._quantity(q)
        for e, sent in zip(self.m.entities, self.entity_sentence):
            self.g.add_edge("article", self._entity(e.name, e.span.text, e.kind), kind="mentions", claim="mention",
                            **self._evidence_in(sent, e.span.start, e.span.end))
        for t in self.m.titles:
            self._title(t)
        for n, d in enumerate(self.m.durations):
            self._duration(n, d)
        self._referents()
        self._relations()
        return self.g

    # --- helpers --------------------------------------------------------------------------------

    def _evidence(self, start: int, end: int) -> dict:
        return self._evidence_in(self.m.sentence_at(start), start, end)

    def _evidence_in(self, sent: Optional[Sentence], start: int, end: int) -> dict:
        """The evidence of a span that starts in `sent`."""
        return dict(start=start, end=end, text=self.text[start:end], segment=sent.segment if sent else "body",
                    in_quote=bool(sent) and in_quotation(self.text, sent, start))

    def _entity(self, name: str, label: str, kind: str = "name") -> str:
        """An entity's node, labelled with its first spelling in the article (`Rusia` for Russia)."""
        node = f"entity:{name}"
        if node not in self.g:
            self.g.add_node(node, kind="entity", label=label, entity_kind=kind)
        return node

    def _quantity_node(self, q: Quantity) -> str:
        node = f"quantity:{q.measure}={_fmt(q.value)}"
        self.g.add_node(node, kind="quantity", label=q.span.text, value=q.value, measure=q.measure)
        return node

    def _time_node(self, t: TimeExpr) -> str:
        node = f"time:invalid:{t.span.text}" if t.invalid else f"time:{t.lo}/{t.hi}" if t.lo else f"time:?:{t.span.text}"
        self.g.add_node(node, kind="time", label=t.span.text, lo=str(t.lo or ""), hi=str(t.hi or ""), grain=t.grain)
        return node

    def _context(self, sent: Sentence, start: int, end: int) -> tuple[list[str], list[str]]:
        """The words on each side, read from a bounded stretch so a giant sentence costs no more."""
        lo, hi = max(sent.start, start - CONTEXT_CHARS), min(sent.end, end + CONTEXT_CHARS)
        left, right = _words(self.text[lo:start]), _words(self.text[end:hi])
        if lo > sent.start:
            left = left[1:]  # the stretch may begin inside a word
        if hi < sent.end:
            right = right[:-1]
        return left[-CONTEXT_WORDS:], right[:CONTEXT_WORDS]

    def _phrases(self, left: list[str], right: list[str]) -> Iterator[str]:
        """The phrase nodes a statement is keyed by: the words right before and right after its value."""
        for side, words in (("L", left[-KEY_WORDS:]), ("R", right[:KEY_WORDS])):
            if len(words) == KEY_WORDS and any(w.isalpha() and w.lower() not in self.lex.stopwords for w in words):
                node = f"phrase:{side}:{' '.join(words).lower()}"
                if node not in self.g:
                    self.g.add_node(node, kind="phrase", label=" ".join(words).lower())
                yield node

    # --- sentences ------------------------------------------------------------------------------

    def _sentence(self, n: int, sent: Sentence) -> None:
        node = f"sentence:{n}"
        self.sentence_of[sent.start] = node
        self._item(n, sent)
        named = self.m.indices("entities", sent.start, sent.end)
        self.entity_sentence[named.start:named.stop] = [sent] * len(named)
        # only a sentence that states a figure or a date can restate another's, or be restated
        states = bool(self.m.indices("quantities", sent.start, sent.end)
                      or self.m.indices("times", sent.start, sent.end))
        words = frozenset(self._content_words(sent)) if states else frozenset()
        names = frozenset(self._name_words(sent.start, sent.end))
        change = bool(self.m.markers.in_range(sent.start, sent.end, "change"))
        self.g.add_node(node, kind="sentence", label=self.text[sent.start:sent.end][:80],
                        words=words, names=names, change=change)
        # one cut off at its start (in lower case) may have lost its date
        if states and not change and not self.text[sent.start].islower():
            self.said.append((node, words, names))

    def _item(self, n: int, sent: Sentence) -> None:
        """The list item a sentence is: a marker opening it ("2.", "Kedua,", "Sasaran kedua",
        "Terakhir,"), or one standing alone right before it on its line ("1." before "Bogor: ...").
        Later sentences of the item may state what holds for all items, so they are not placed in it."""
        item, length = self.scope_words.item(self.text[sent.start:min(sent.end, sent.start + ITEM_OPENING)])
        if item:
            self.item_of[sent.start] = item, sent.start + length
            return
        before = self.m.sentences[n - 1] if n else None
        bare = before is not None and "\n" not in self.text[before.start:sent.start] \
            and self.item_of[before.start][1] >= before.end - 1  # the sentence before was the marker alone
        self.item_of[sent.start] = (self.item_of[before.start][0] if bare else ""), -1

    def _rate_of(self, q: Quantity) -> str:
        """What a figure is a rate of ("share" of "$1.27 a share"), or ""."""
        return self.scope_words.per(self.text, q.span.end, min(len(self.text), q.span.end + RATE_REACH))

    def _scope(self, sent: Sentence, start: int, end: int) -> Scope:
        """The scope of the figure text[start:end]: its sentence's dates, times of day and list item, the
        phase and trend its clause names, and what it is a rate of; "now" also dates it to the
        publication day."""
        if sent.start not in self.place_of:
            times = self.m.within("times", sent.start, sent.end)
            dates = frozenset((str(t.lo), str(t.hi)) for t in times if t.lo is not None)
            self.place_of[sent.start] = dates, self.scope_words.moments(self.text[sent.start:sent.end])
        dates, moments = self.place_of[sent.start]
        cs, ce = clause_bounds(self.text, sent, start)
        phase = self.scope_words.phase(self.text[cs:ce])
        if not phase:  # an opening "Saat ini," or "Sebelumnya," places the whole sentence
            phase = self.scope_words.phase(self.text[sent.start:clause_bounds(self.text, sent, sent.start)[1]])
        trends = {m.key for m in self.m.markers.in_range(cs, ce, "change")}
        published = self.article.published
        if phase == "now" and published:
            dates = dates | {(str(published), str(published))}
        item, marker_end = self.item_of[sent.start]
        if start < marker_end:
            item = ""  # the figure is the marker itself ("Tahap kedua proyek")
        return Scope(dates=dates, moments=moments, item=item, phase=phase,
                     trend=trends.pop() if len(trends) == 1 else "", per=self.scope_words.per(self.text, end, ce))

    def _paraphrases(self) -> None:
        """Sentences that restate part of another in other words ("Suara yang dinyatakan sah berjumlah
        ..." restates "... 1.049.334 suara di antaranya dinyatakan sah, ..."). A longer sentence that
        adds little but another name is a parallel statement about another thing ("Xiaomi 13 mulai
        dari 999 euro", "Xiaomi 13 Pro mulai dari 1.299 euro")."""
        holding: dict[str, list[int]] = {}  # word -> the sentences that use it, in text order
        for i, (_, words, _) in enumerate(self.said):
            for w in words:
                holding.setdefault(w, []).append(i)
        uses = {w: len(held) for w, held in holding.items()}
        for i, (small, words, names) in enumerate(self.said):
            if len(words) < PARAPHRASE_WORDS:
                continue
            linked = 0
            # only sentences with its rarest word can hold all its words; the nearest are tried first
            for j in _nearest(holding[min(words, key=uses.__getitem__)], i, PARAPHRASE_TRIES):
                large, more_words, more_names = self.said[j]
                if len(more_words) < len(words) or (more_words == words and j > i):
                    continue  # the other holds fewer words, or is a copy linked from its own side
                if words <= more_words and names <= more_names \
                        and not (more_names - names and len(more_words - words - more_names) < PARALLEL_WORDS):
                    self.g.add_edge(small, large, kind="paraphrases")
                    linked += 1
                    if linked == PARAPHRASE_LINKS:
                        break

    def _in_figure(self, e: Entity) -> bool:
        """Whether a name is written inside a figure: a unit such as "Rp" names nothing."""
        inside = self.m.within("quantities", e.span.start - UNIT_CHARS, e.span.end)
        return any(q.span.start <= e.span.start and e.span.end <= q.span.end for q in inside)

    def _name_words(self, start: int, end: int) -> set[str]:
        found = self.m.indices("entities", start, end)
        return set().union(*self.entity_words[found.start:found.stop])

    def _content_words(self, sent: Sentence) -> set[str]:
        """The words that say what a sentence is about (see `_content_word`)."""
        tokens = set(TOKEN.findall(self.text, sent.start, sent.end))
        known = _known_content_words(self.lex)
        new = {tok: _content_word(tok, self.lex) for tok in tokens.difference(known)}
        if len(known) < CONTENT_WORDS_KEPT:
            known.update(new)
        words = {*map(known.get, tokens), *new.values()}
        words.difference_update(("", None))
        return words

    # --- times ----------------------------------------------------------------------------------

    def _time(self, n: int, t: TimeExpr) -> None:
        text, m = self.text, self.m
        sent = m.sentence_at(t.span.start)
        if sent is None:
            return
        cs, ce = clause_bounds(text, sent, t.span.start)
        event = f"event:{n}"
        self.event_of[n] = event
        self.g.add_node(event, kind="event", label=text[cs:ce][:80])
        self.g.add_edge("article", event, kind="contains")
        self.g.add_edge(self.sentence_of[sent.start], event, kind="states")
        for e in m.within("entities", cs, ce):  # its clause's: a bound that keeps a giant sentence linear
            self.g.add_edge(self._entity(e.name, e.span.text, e.kind), event, kind="participant")
        modality, cue = m.cues.modality(text, sent, t.span.start, t.span.end)
        once = m.links.once.get(n)
        self.g.add_edge(event, self._time_node(t), kind="time", claim="time", modality=modality,
                        cue=cue.span.text if cue else "", cue_start=cue.span.start if cue else -1,
                        grain=t.grain, mod=t.mod or "",
                        weekday=-1 if t.weekday is None else t.weekday, year_source=t.year_source,
                        invalid=t.invalid or "", expr=t, once=once[0].key if once else "",
                        once_cue=once[0].span.text if once else "",
                        cue_words=m.cues.words_between(text, cue, t.span.start),
                        planned_nearby=m.cues.any_of("planned", cs, ce) or m.cues.any_of("planned", t.span.end, sent.end),
                        superseded_in_sentence=m.cues.has(sent, "superseded"),
                        **self._evidence_in(sent, t.span.start, t.span.end))
        if once and once[1] is not None:
            self.g.add_edge(self._entity(once[1].name, once[1].span.text, once[1].kind), event, kind="subject",
                            once=once[0].key)
        if t.lo is not None and (not t.relative or bare_part(t)):  # a bare weekday: a restatement's too
            left, right = self._context(sent, t.span.start, t.span.end)
            while left and left[-1].lower() in self.lex.date_preposition_words:
                left.pop()
            for phrase in self._phrases(left, right):
                self.g.add_edge(phrase, event, kind="restates", left=" ".join(left), right=" ".join(right))

    def _time_links(self) -> None:
        links = self.m.links
        for a, b, word in links.orders:
            self.g.add_edge(self.event_of[a], self.event_of[b], kind="order", claim="order", relation=word.key,
                            **self._evidence(word.span.start, word.span.end))
        for a, b in links.appositions:
            self.g.add_edge(self.event_of[a], self.event_of[b], kind="names", claim="apposition",
                            **self._evidence(self.m.times[a].span.start, self.m.times[b].span.end))

    # --- quantities -----------------------------------------------------------------------------

    def _quantity(self, q: Quantity) -> None:
        sent = self.m.sentence_at(q.span.start)
        if sent is None:
            return
        left, right = self._context(sent, q.span.start, q.span.end)
        node = self._quantity_node(q)
        common = self._figure_claim(sent, q, left=" ".join(left), right=" ".join(right))
        self.g.add_edge(self.sentence_of[sent.start], node, kind="figure", claim="figure", **common)
        subjects = list(self._phrases(left, right))
        if q.measure in self.lex.subject_comparable:
            entity = self._counted_entity(sent, clause_bounds(self.text, sent, q.span.start)[0], q)
            if entity is not None:
                subjects.insert(0, self._entity(entity.name, entity.span.text, entity.kind))
        for subject in subjects:
            basis = "restated" if subject.startswith("phrase:") else "entity"
            self.g.add_edge(subject, node, kind="quantity", claim="quantity", basis=basis, **common)

    def _figure_claim(self, sent: Sentence, q: Quantity, left: str = "", right: str = "") -> dict:
        """The attributes of a claim of the figure `q` in `sent`: its values, context words, evidence and
        what places it."""
        cs, ce = clause_bounds(self.text, sent, q.span.start)
        return dict(measure=q.measure, value=q.value, lo=q.lo, hi=q.hi, hedge=q.hedge or "", left=left, right=right,
                    q=q, sentence=self.sentence_of[sent.start], clause_names=frozenset(self._name_words(cs, ce)),
                    scope=self._scope(sent, q.span.start, q.span.end), cut=self.text[sent.start].islower(),
                    **self._evidence_in(sent, q.span.start, q.span.end))

    def _counted_entity(self, sent: Sentence, clause_start: int, q: Quantity) -> Optional[Entity]:
        """The entity right after the counted noun (`70.000 tentara Rusia`), else the nearest before it in
        its clause (in another clause, "the Russian presence ..., choosing to leave 8,000 troops there", the
        name may own something else)."""
        after = self.m.within("entities", q.span.end, min(q.span.end + 3, sent.end))
        if after:
            return after[0]
        entities, before = self.m.entities, self.m.indices("entities", clause_start, q.span.start)
        return next((entities[i] for i in reversed(before) if entities[i].span.end <= q.span.start), None)

    # --- durations ------------------------------------------------------------------------------

    def _duration(self, n: int, d: Duration) -> None:
        ends = self.m.links.durations.get(n)
        if ends is None:
            return
        node = f"duration:{n}"
        self.g.add_node(node, kind="duration", label=d.span.text, value=d.value, unit=d.unit, form=d.form)
        self.g.add_edge("article", node, kind="states", claim="elapsed", form=d.form, unit=d.unit, lo=d.lo,
                        hi=d.hi, hedge=d.hedge or "", duration=d, **self._evidence(d.span.start, d.span.end))
        if ends.subject is not None:
            self._age(node, d, ends.subject)
        if d.form == "anniversary" and d.origin_year is not None:
            origin = f"time:{d.origin_year}-01-01/{d.origin_year}-12-31"
            self.g.add_node(origin, kind="time", label=d.origin.text, lo=f"{d.origin_year}-01-01",
                            hi=f"{d.origin_year}-12-31", grain="year")
            self.g.add_edge(node, origin, kind="from", claim="endpoint", **self._evidence(d.origin.start, d.origin.end))
        for kind, n_time in (("from", ends.start), ("to", ends.end)):
            if n_time is not None:
                t = self.m.times[n_time]
                self.g.add_edge(node, self._time_node(t), kind=kind, claim="endpoint",
                                **self._evidence(t.span.start, t.span.end))

    def _age(self, node: str, d: Duration, person: Entity) -> None:
        """Whose age, and for a current age (not one at an event) a figure of that person, so that two
        current ages of one person are compared as two counts of one subject. Only an age written next
        to the name is such a figure (one further off may be another's: "Andi ... bocah berusia 5 tahun"),
        and not when the name is an initial ("R (52)" and "R (17)" may be two people) or a word before
        it names another person ("ibu mertua Rina (58)", "the elder Smith, 90")."""
        entity = self._entity(person.name, person.span.text, person.kind)
        self.g.add_edge(entity, node, kind="age")
        sent = self.m.sentence_at(d.span.start)
        if d.at_event or sent is None or not self._next_to(person, d) or self._another_person(person):
            return
        q = self._age_figure(d)
        self.g.add_edge(entity, self._quantity_node(q), kind="quantity", claim="quantity", basis="entity",
                        **self._figure_claim(sent, q))

    def _referents(self) -> None:
        """A person named by a noun with an age, then pointed back to with an age again ("seorang nenek
        berusia 71 tahun" ... "nenek 67 tahun itu"): both ages are figures of one subject, a referent."""
        words = self.scope_words
        # where an age is pointed back to ("67 tahun itu"), found in one pass: most texts have none, and
        # the pattern itself, opening with any word, is tried at every character of the sentences it reads
        ages = [m.start() for m in words.anaphor_hint.finditer(self.text)]
        for n, sent in enumerate(self.m.sentences):
            i = bisect.bisect_left(ages, sent.start)
            if i == len(ages) or ages[i] >= sent.end:
                continue
            for m in words.anaphor_age.finditer(self.text, sent.start, sent.end):
                noun = m.group("noun").lower()
                if noun in self.lex.stopwords or noun in words.age_words:
                    continue
                first = words.antecedent(noun, self.text, self.m.sentences[:n + 1], m.start())
                if first is not None:
                    self._referent(noun, first, m)

    def _referent(self, noun: str, first: re.Match, again: re.Match) -> None:
        node = f"referent:{noun}@{first.start()}"
        self.g.add_node(node, kind="referent", label=noun)
        for m in (first, again):
            q = bare_figure(self.text, m.start("age"), m.end("age"), "age", self.lex, span_end=m.end("unit"))
            q = q.model_copy(update={"precision": AGE_PRECISION})
            self.g.add_edge(node, self._quantity_node(q), kind="quantity", claim="quantity", basis="referent",
                            **self._figure_claim(self.m.sentence_at(q.span.start), q))

    def _another_person(self, person: Entity) -> bool:
        """Whether a name may stand for someone else than one person: an initial, or a name after a word
        that names a relative or one of two namesakes ("ipar Rina", "the younger Smith")."""
        if len(person.span.text.replace(".", "").strip()) <= 2:
            return True
        before = self.text[max(0, person.span.start - UNIT_CHARS):person.span.start].split()
        return bool(before) and before[-1].lower() in self.scope_words.kin

    def _next_to(self, person: Entity, d: Duration) -> bool:
        """Whether an age is written next to the name: a few words between, in one clause, and no other
        figure ("Joko (58) terhadap bocah berusia 5 tahun")."""
        a, b = sorted((person.span, d.span), key=lambda sp: sp.start)
        gap = self.text[a.end:b.start]
        return len(gap.split()) <= AGE_NAME_GAP and not re.search(r"[;:.\d]", gap)

    def _age_figure(self, d: Duration) -> Quantity:
        """An age as a figure: the figure already read inside it (`79 tahun` of `berusia 79 tahun`, so
        one pair of figures is one finding), else the age itself (`(79)`)."""
        inside = next(iter(self.m.within("quantities", d.span.start, d.span.end)), None)
        figure = inside or Quantity(span=d.span, value=d.value, lo=d.lo, hi=d.hi, measure="age", hedge=d.hedge,
                                    number_span=d.span)
        return figure.model_copy(update={"measure": "age", "precision": AGE_PRECISION})

    # --- titles and relations -------------------------------------------------------------------

    def _title(self, t) -> None:
        role = f"role:{t.role}"
        self.g.add_node(role, kind="role", label=t.role)
        self.g.add_edge(self._entity(t.name, t.name_span.text, "person"), role, kind="title", claim="title",
                        role=t.role, jurisdiction=t.jurisdiction or "", **self._evidence(t.span.start, t.span.end))

    def _relations(self) -> None:
        g, m = self.g, self.m
        for n, c in enumerate(m.changes):
            node = f"change:{n}"
            g.add_node(node, kind="change", label=c.cue.text, direction=c.direction, cue=c.cue.text,
                       fraction=c.fraction or 0.0, fraction_text=c.fraction_span.text if c.fraction_span else "")
            for kind, q in (("from", c.start), ("to", c.end), ("by", c.amount)):
                if q is not None:
                    self._relation_edge(node, kind, "change", q)
        for n, b in enumerate(m.breakdowns):
            if len({self._rate_of(q) for q in (b.total, *b.parts)}) > 1:
                continue  # "$1.27 a share, including a $3.8 million gain": a rate is no total of amounts
            node = f"breakdown:{n}"
            g.add_node(node, kind="breakdown", label=b.opener.text, exhaustive=b.exhaustive)
            self._relation_edge(node, "total", "breakdown", b.total)
            for part in b.parts:
                self._relation_edge(node, "part", "breakdown", part)
            for item in b.items:
                g.add_edge(node, self._entity(item.text, item.text), kind="item", claim="breakdown",
                           **self._evidence(item.start, item.end))
        for n, r in enumerate(m.ratios):
            node = f"ratio:{n}"
            g.add_node(node, kind="ratio", label=r.share.span.text)
            for kind, q in (("part", r.part), ("whole", r.whole), ("share", r.share)):
                self._relation_edge(node, kind, "ratio", q)
        for n, sh in enumerate(m.shares):
            node = f"shares:{n}"
            g.add_node(node, kind="shares", label=sh.whole.text, whole=sh.whole.text)
            for q in sh.shares:
                self._relation_edge(node, "share", "shares", q)

    def _relation_edge(self, node: str, kind: str, claim: str, q: Quantity) -> None:
        self.g.add_edge(node, self._quantity_node(q), kind=kind, claim=claim, value=q.value, lo=q.lo, hi=q.hi,
                        measure=q.measure, hedge=q.hedge or "", q=q, **self._evidence(q.span.start, q.span.end))


@functools.cache
def _known_content_words(lex: Lexicon) -> dict[str, str]:
    """A language's content word of each token met so far, kept across articles: most tokens recur,
    and reading one costs a regular expression."""
    return {}


def _words_as_text(attrs: dict) -> dict:
    """Attributes with each set of words (a sentence's words and names, a clause's names) written out,
    sorted and space-separated, as an export shows them; the checks compare the sets themselves."""
    return {k: " ".join(sorted(v)) if isinstance(v, frozenset) else v for k, v in attrs.items()}


def _content_word(tok: str, lex: Lexicon) -> str:
    """The word a token gives a sentence's content words, or "": lower case, not a function word, hedge
    or number word, and without an ending that does not change the word ("jaraknya" is "jarak")."""
    w = tok.lower()
    if len(w) < 3 or not w[0].isalpha():  # an ending only shortens a word, and leaves its first letter
        return ""
    if lex.ending_pattern:
        w = lex.ending_pattern.sub("", w) or w
    return w if len(w) >= 3 and w not in lex.stopwords and w not in lex.number_words else ""


def _words(fragment: str) -> list[str]:
    """Words as compared between restatements: punctuation dropped, case kept (a differing name marks
    a parallel statement), other figures kept as written (a list of parallel figures differs in them;
    a restated sentence does not)."""
    return [tok for tok in TOKEN.findall(fragment) if tok[0].isalnum() or tok in "%$"]


def _fmt(v: float) -> str:
    return str(int(v)) if v == int(v) else repr(v)


def _any_word(words) -> str:
    """A pattern for any of `words`, as whole words."""
    return rf"(?<!\w)(?:{alternation(words) or '(?!)'})(?!\w)"


class _ScopeWords:
    """The lexicon's words that place a figure (`figure_scope`), compiled once per language."""

    def __init__(self, lex: Lexicon):
        d = lex.data.figure_scope
        word = _any_word
        self.now, self.before = re.compile(word(d.now), re.I), re.compile(word(d.before), re.I)
        self.day_part_of = {" ".join(k.lower().split()): v for k, v in d.day_parts.items()}
        self.day_part = re.compile(word(d.day_parts), re.I)
        self.rate = re.compile(rf"\s*(?:{alternation(d.rate) or '(?!)'})\s*([^\W\d_][\w-]*)", re.I)
        self.clock = re.compile(rf"{word(d.clock)}\s*(\d{{1,2}})[.:](\d{{2}})(?!\d)", re.I)
        self.stopwords = lex.stopwords
        self.kin = frozenset(w.lower() for w in d.kin)
        ages = lex.data.ages
        self.age_words = frozenset(w.lower() for w in ages.before)
        before, unit = alternation(ages.before) or "(?!)", alternation(ages.unit) or "(?!)"
        figure = rf"(?P<age>\d{{1,3}})\s+(?P<unit>{unit})"
        # "nenek 67 tahun itu", "pria berusia 38 tahun tersebut"
        self.anaphor_age = re.compile(
            rf"(?<![\w-])(?P<noun>[^\W\d_]+)\s+(?:(?:{before})\s+)?{figure}\s+{word(d.anaphors)}", re.I)
        # what every match of anaphor_age holds, from the last digit of its age on
        self.anaphor_hint = re.compile(rf"\d\s+(?:{unit})\s+(?:{alternation(d.anaphors) or '(?!)'})", re.I)
        self.stated_age = rf"(?:\s+[^\W\d_]+){{0,2}}?\s+(?:{before})\s+{figure}(?!\w)"  # "nenek berusia 71 tahun"
        ordinals = lex.data.numbers.ordinals
        self.ordinal_of = {k.lower(): str(v) for k, v in ordinals.items()}
        ordinal = alternation(ordinals) or "(?!)"
        self.marker = re.compile(
            rf"\s*(?:(?P<num>\d{{1,2}})[.)](?:\s|$)|(?P<ord>{ordinal})\s*,"
            rf"|(?P<noun>[A-Z][a-z]+)\s+(?P<nord>{ordinal})(?!\w)"
            rf"|(?P<last>{alternation(d.last_item) or '(?!)'})\s*,)", re.I)

    @staticmethod
    @functools.cache
    def of(lex: Lexicon) -> "_ScopeWords":
        return _ScopeWords(lex)

    def item(self, opening: str) -> tuple[str, int]:
        """The list item a sentence's opening marks ("2" for "2." or "Kedua,"; "last"), or "", and the
        length of its marker."""
        m = self.marker.match(opening)
        if m is None:
            return "", 0
        if m.group("last"):
            return "last", m.end()
        if m.group("nord") and (not m.group("nord").islower() or m.group("noun").lower() in self.stopwords):
            return "", 0  # "Perang Dunia Kedua" names a thing; "The second day" is no list
        return m.group("num") or self.ordinal_of[(m.group("ord") or m.group("nord")).lower()], m.end()

    def antecedent(self, noun: str, text: str, sentences: list[Sentence], end: int) -> Optional[re.Match]:
        """The last age stated for `noun` ("seorang nenek berusia 71 tahun") in the sentences before `end`."""
        pattern = re.compile(rf"(?<![\w-]){re.escape(noun)}{self.stated_age}", re.I)
        for sent in reversed(sentences):
            found = list(pattern.finditer(text, sent.start, min(sent.end, end)))
            if found:
                return found[-1]
        return None

    def per(self, text: str, end: int, limit: int) -> str:
        """What a figure ending at `end` is a rate of ("liter" of "Rp 2.000 per liter"), or ""."""
        m = self.rate.match(text, end, limit)
        return m.group(1).lower() if m else ""

    def moments(self, sentence: str) -> frozenset[str]:
        """The times of day a sentence names: clock times ("09.35") and parts of the day."""
        clocks = {f"{int(h):02d}.{mm}" for h, mm in self.clock.findall(sentence)}
        parts = {self.day_part_of[" ".join(m.lower().split())] for m in self.day_part.findall(sentence)}
        return frozenset(clocks | parts)

    def phase(self, clause: str) -> str:
        """ "now" or "before" when a clause says so (not both), else ""."""
        now, before = bool(self.now.search(clause)), bool(self.before.search(clause))
        return "now" if now and not before else "before" if before and not now else ""


# --- queries the checks use -----------------------------------------------------------------------

def quantity_claims(g: ClaimGraph) -> Iterator[tuple[str, list[dict]]]:
    """Per subject node and measure, its quantity claims in text order."""
    for subject, edges in g.by_source("quantity").items():
        by_measure: dict[str, list[dict]] = {}
        for _, e in edges:
            by_measure.setdefault(e["measure"], []).append(e)
        for claims in by_measure.values():
            if len(claims) > 1:
                yield subject, sorted(claims, key=lambda c: c["start"])


def bare_part(t: TimeExpr) -> Optional[str]:
    """What a time names when it is a weekday or a month alone: "weekday" (`pada Selasa`, `said Friday`),
    "month" (`pada Maret`), else None (`Selasa lalu`, `Selasa malam`, `awal Maret`, `bulan Maret`, and
    every date with digits). Its day or year is a guess from publication; the weekday or month is not."""
    if not t.relative:
        return None
    if t.weekday is not None and t.weekday_span == t.span:
        return "weekday"
    if t.grain == "month" and t.month and t.month_span == t.span and t.mod is None:
        return "month"
    return None


def time_claims(g: ClaimGraph) -> Iterator[dict]:
    return (e for _, _, e in g.claims("time"))


def time_of(g: ClaimGraph, event: str) -> dict:
    """The time claim of an event node."""
    return g.out_edges(event, "time")[0][1]


def _nearest(indices: list[int], i: int, limit: int) -> Iterator[int]:
    """Up to `limit` of the sorted `indices`, nearest to `i` first (except `i` itself)."""
    right = bisect.bisect_left(indices, i)
    left = right - 1
    if right < len(indices) and indices[right] == i:
        right += 1
    for _ in range(limit):
        if left >= 0 and (right >= len(indices) or i - indices[left] <= indices[right] - i):
            yield indices[left]
            left -= 1
        elif right < len(indices):
            yield indices[right]
            right += 1
        else:
            return


def paraphrases(g: ClaimGraph) -> list[tuple[str, str]]:
    """(shorter, longer) sentence pairs where the shorter restates part of the longer in other words."""
    return [(a, b) for a, b, _ in g.edges_of("paraphrases")]


def figures(g: ClaimGraph, sentence: str) -> list[dict]:
    """The figure claims of a sentence node, in text order."""
    return sorted((e for _, e in g.out_edges(sentence, "figure")), key=lambda c: c["start"])


def sentence_dates(g: ClaimGraph, sentence: str) -> list[TimeExpr]:
    """The dates (not relative, not invalid) a sentence node states, in text order."""
    dated = [time_of(g, event)["expr"] for event, _ in g.out_edges(sentence, "states")]
    return sorted((t for t in dated if t.lo is not None and not t.relative), key=lambda t: t.span.start)


def related(g: ClaimGraph, node: str) -> dict[str, list[dict]]:
    """A relation node's claims by edge kind (`from`, `to`, `part`...)."""
    return {kind: [e for _, e in edges] for kind, edges in g.out(node).items()}


# --- export ---------------------------------------------------------------------------------------

def exportable(g: nx.MultiDiGraph, clean: Callable[[str], str] = str) -> nx.MultiDiGraph:
    """A copy with only scalar attributes, for GraphML, DOT and JSON; `clean` rewrites every text (node
    names too) for a format that cannot hold some characters."""
    import networkx as nx

    def scalar(v):
        if isinstance(v, (int, float)):
            return "inf" if v == float("inf") else v
        return clean("" if v is None else str(v))

    out = nx.MultiDiGraph()
    for n, d in g.nodes(data=True):
        out.add_node(clean(n), **{k: scalar(v) for k, v in d.items()})
    for a, b, k, d in g.edges(keys=True, data=True):
        out.add_edge(clean(a), clean(b), key=k, **{x: scalar(v) for x, v in d.items() if x not in OBJECT_ATTRS})
    return out


def to_json(g: nx.MultiDiGraph) -> str:
    import networkx as nx

    return json.dumps(nx.node_link_data(exportable(g), edges="edges"), ensure_ascii=False, indent=2)


def to_graphml(g: nx.MultiDiGraph) -> str:
    import networkx as nx

    return "\n".join(nx.generate_graphml(exportable(g, visible)))  # XML 1.0 cannot hold control characters


def to_dot(g: nx.MultiDiGraph) -> str:
    """Graphviz DOT, written directly so pydot or pygraphviz are not needed."""
    shapes = {"article": "doubleoctagon", "entity": "box", "phrase": "note", "event": "ellipse",
              "time": "hexagon", "quantity": "diamond", "duration": "octagon", "role": "box", "sentence": "plain",
              "change": "component", "breakdown": "component", "ratio": "component", "shares": "component"}

    def q(s) -> str:
        return '"' + visible(str(s).replace("\n", " ")).replace("\\", "\\\\").replace('"', '\\"') + '"'

    lines = ["digraph claims {", "  rankdir=LR;", "  node [fontname=Helvetica fontsize=10];"]
    for n, d in g.nodes(data=True):
        lines.append(f"  {q(n)} [label={q(d.get('label', n))} shape={shapes.get(d['kind'], 'ellipse')}];")
    for a, b, d in g.edges(data=True):
        label = d["kind"] if d.get("claim") is None else (d.get("measure") or d.get("modality") or d["kind"])
        lines.append(f"  {q(a)} -> {q(b)} [label={q(label)}];")
    lines.append("}")
    return "\n".join(lines) + "\n"

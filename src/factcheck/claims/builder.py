"""Building the claim graph of one article from its mentions."""
from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from typing import cast

from ..extract import Mentions
from ..extract.quantities import bare_figure
from ..lexicon import Lexicon
from ..models import Article, Duration, Entity, Marker, Quantity, TimeExpr, Title
from ..text import Sentence, clause_bounds
from .edges import (
    AppositionClaim,
    BreakdownClaim,
    BreakdownItem,
    ChangeClaim,
    ElapsedClaim,
    EndpointClaim,
    FigureClaim,
    Link,
    MentionClaim,
    OrderClaim,
    QuantityClaim,
    RatioClaim,
    RelationClaim,
    Restates,
    SharesClaim,
    Subject,
    TimeClaim,
    TitleClaim,
)
from .graph import ClaimGraph
from .nodes import (
    ArticleNode,
    BreakdownNode,
    ChangeNode,
    DurationNode,
    EntityNode,
    EventNode,
    PhraseNode,
    QuantityNode,
    RatioNode,
    ReferentNode,
    RoleNode,
    SentenceNode,
    SharesNode,
    TimeNode,
)
from .queries import bare_part
from .quotes import Quotations
from .scope import Scope, ScopeWords
from .words import CONTENT_WORDS_KEPT, WORD_TOKEN, compared_words, content_word, known_content_words, nearest

CONTEXT_WORDS = 10  # words kept each side of a figure, to tell a restatement from a parallel sentence
CONTEXT_CHARS = 400  # enough text for CONTEXT_WORDS words
KEY_WORDS = 3  # words next to a figure that key its phrase node
PARAPHRASE_WORDS = 3  # content words a sentence needs before it can restate another in other words
PARAPHRASE_TRIES = 200  # sentences tried, and linked at most, per sentence: a bound that keeps a text of
PARAPHRASE_LINKS = 4  # thousands of like sentences linear, far above what an article needs
PARALLEL_WORDS = 3  # a longer sentence that adds another name and fewer other words than this is parallel
RATE_REACH = 40  # characters after a figure in which its rate word ("per liter", "a share") stands
AGE_PRECISION = 0.0  # an age is a whole number of years, not rounded: "70 tahun" is not 65 to 75
AGE_NAME_GAP = 3  # words between a name and its age: "Basuki yang berusia 55 tahun", "Beard, a man of about 60"
ITEM_OPENING = 40  # characters at the start of a sentence where a list item's marker stands ("Sasaran kedua,")
UNIT_CHARS = 20  # how far before a name a figure may start that the name is written inside ("US$", "Rp")


# a year written outside a date and a figure ("lolos SNBP 2024", "pada Pemilu 2019"), read as a word
# (opening with its digits, not with the look-behind, which `re` would try at every character)
YEAR_WORD = re.compile(r"(?:1[89]|20)(?<![\w.,]\d\d)\d\d(?!\w|[.,]\d)")
# The edges that state nothing, one of each kind: frozen, so every edge of a kind can share it.
LINKS = {kind: Link(kind) for kind in ("contains", "participant", "states", "paraphrases", "age")}


# The evidence fields every claim holds, in their order: start, end, text, segment, in_quote (a plain
# tuple, passed by position: a frozen claim is made fastest so).
Evidence = tuple[int, int, str, str, bool]


def build_graph(article: Article, mentions: Mentions, lex: Lexicon) -> ClaimGraph:
    return _Builder(article, mentions, lex).build()


class _Builder:
    def __init__(self, article: Article, mentions: Mentions, lex: Lexicon):
        self.text = article.text
        self.article = article
        self.m = mentions
        self.lex = lex
        self.g = ClaimGraph(article.text, lex)
        self.quotations = Quotations(article.text)
        self.event_of: dict[int, str] = {}  # index of a time in mentions.times -> its event node
        self.sentence_of: dict[int, str] = {}  # a sentence's start -> its node
        # sentences without a change word: node, words, names
        self.said: list[tuple[str, frozenset[str], frozenset[str]]] = []
        self.entity_sentence: list[Sentence | None] = [None] * len(mentions.entities)  # for their evidence
        in_figures = self._in_figures()
        self.entity_words = [[] if i in in_figures else e.span.text.lower().split()  # lower case, read once
                             for i, e in enumerate(mentions.entities)]
        self.scope_words = ScopeWords.of(lex)
        self.known_words = known_content_words(lex)  # the content word of each token, kept across articles
        self.item_of: dict[int, tuple[str, int]] = {}  # a sentence's start -> its list item, where its own marker ends
        self.sentence_starts = [s.start for s in mentions.sentences]
        # a sentence's start -> its dates and moments, and whether it may name a phase
        self.place_of: dict[int, tuple[frozenset[tuple[str, str]], frozenset[str], bool]] = {}
        self.since = tuple(w.lower() for w in lex.data.durations.since)
        # the change words ("naik"), and where each starts: every sentence asks whether it has one
        self.trends = [m for m in mentions.markers.markers if m.group == "change"]
        self.trend_starts = [m.span.start for m in self.trends]

    def build(self) -> ClaimGraph:
        a = self.article
        self.g.add_node("article", ArticleNode(label=a.title or a.path,
                                               published=a.published.isoformat() if a.published else "", lang=a.lang))
        # where figures and dates start: a sentence with one can restate another's
        stated = sorted([q.span.start for q in self.m.quantities] + [t.span.start for t in self.m.times])
        for n, sent in enumerate(self.m.sentences):
            i = bisect.bisect_left(stated, sent.start)
            self._sentence(n, sent, states=i < len(stated) and stated[i] < sent.end)
        self._paraphrases()
        for n, t in enumerate(self.m.times):
            self._time(n, t)
        self._time_links()
        for q in self.m.quantities:
            self._quantity(q)
        for e, at in zip(self.m.entities, self.entity_sentence):
            self.g.add_edge("article", self._entity(e.name, e.span.text, e.kind),
                            MentionClaim("mentions", *self._evidence_in(at, e.span.start, e.span.end)))
        for title in self.m.titles:
            self._title(title)
        for n, d in enumerate(self.m.durations):
            self._duration(n, d)
        self._referents()
        self._relations()
        return self.g

    # --- helpers --------------------------------------------------------------------------------

    def _evidence(self, start: int, end: int) -> Evidence:
        return self._evidence_in(self.m.sentence_at(start), start, end)

    def _evidence_in(self, sent: Sentence | None, start: int, end: int) -> Evidence:
        """The evidence of a span that starts in `sent`."""
        return (start, end, self.text[start:end], sent.segment if sent else "body",
                sent is not None and self.quotations.inside(sent, start))

    def _entity(self, name: str, label: str, kind: str = "name") -> str:
        """An entity's node, labelled with its first spelling in the article (`Rusia` for Russia)."""
        node = f"entity:{name}"
        if node not in self.g.nodes:
            self.g.add_node(node, EntityNode(label, kind))
        return node

    def _quantity_node(self, q: Quantity) -> str:
        node = f"quantity:{q.measure}={_fmt(q.value)}"
        self.g.add_node(node, QuantityNode(q.span.text, q.value, q.measure))
        return node

    def _time_node(self, t: TimeExpr) -> str:
        node = (f"time:invalid:{t.span.text}" if t.invalid else f"time:{t.lo}/{t.hi}" if t.lo
                else f"time:?:{t.span.text}")
        self.g.add_node(node, TimeNode(t.span.text, str(t.lo or ""), str(t.hi or ""), t.grain))
        return node

    def _context(self, sent: Sentence, start: int, end: int) -> tuple[list[str], list[str]]:
        """The words on each side, read from a bounded stretch so a giant sentence costs no more."""
        lo, hi = max(sent.start, start - CONTEXT_CHARS), min(sent.end, end + CONTEXT_CHARS)
        left, right = compared_words(self.text[lo:start]), compared_words(self.text[end:hi])
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
                if node not in self.g.nodes:
                    self.g.add_node(node, PhraseNode(" ".join(words).lower()))
                yield node

    # --- sentences ------------------------------------------------------------------------------

    def _sentence(self, n: int, sent: Sentence, states: bool) -> None:
        """A sentence's node; `states`: whether a figure or a date starts in it (only such a sentence can
        restate another's, or be restated)."""
        node = f"sentence:{n}"
        self.sentence_of[sent.start] = node
        named = self.m.indices("entities", sent.start, sent.end)
        self.entity_sentence[named.start:named.stop] = [sent] * len(named)
        words = frozenset(self._content_words(sent.start, sent.end) | self._years(sent)) if states else frozenset()
        names = self._names(named)
        change = bool(self._trends_in(sent.start, sent.end))
        self.g.add_node(node, SentenceNode(self.text[sent.start:min(sent.end, sent.start + 80)], words, names, change,
                                              sent.start, sent.end))
        # one cut off at its start (in lower case) may have lost its date
        if states and not change and not self.text[sent.start].islower():
            self.said.append((node, words, names))

    def _years(self, sent: Sentence) -> set[str]:
        """The years a sentence names outside its dates and figures ("Sebanyak 143.800 peserta lolos SNBP
        2023."): another year's sentence is about another time, so it restates none without that year."""
        years = list(YEAR_WORD.finditer(self.text, sent.start, sent.end))
        if not years:
            return set()
        m = self.m
        taken = [x.span for x in m.within("times", sent.start, sent.end)] \
            + [x.span for x in m.within("quantities", sent.start, sent.end)]
        return {y.group() for y in years if not any(sp.start <= y.start() < sp.end for sp in taken)}

    def _item(self, sent: Sentence) -> tuple[str, int]:
        """The list item a sentence is, and where its own marker ends (-1 without one): a marker opening it
        ("2.", "Kedua,", "Sasaran kedua", "Terakhir,"), or one standing alone right before it on its line
        ("1." before "Bogor: ..."). Later sentences of the item may state what holds for all items, so they
        are not placed in it. Read for the sentences of figures only."""
        found = self.item_of.get(sent.start)
        if found is None:
            found = self.item_of[sent.start] = self._read_item(sent)
        return found

    def _read_item(self, sent: Sentence) -> tuple[str, int]:
        item, length = self._marker(sent)
        if item:
            return item, sent.start + length
        n = bisect.bisect_left(self.sentence_starts, sent.start)
        before = self.m.sentences[n - 1] if n else None
        if before is not None and "\n" not in self.text[before.start:sent.start]:
            item, length = self._marker(before)
            if item and before.start + length >= before.end - 1:  # the sentence before was the marker alone
                return item, -1
        return "", -1

    def _marker(self, sent: Sentence) -> tuple[str, int]:
        """The list item the opening of a sentence marks, and the length of its marker."""
        return self.scope_words.item(self.text[sent.start:min(sent.end, sent.start + ITEM_OPENING)])

    def _trends_in(self, start: int, end: int) -> list[Marker]:
        """The change words that start in [start, end)."""
        starts = self.trend_starts
        return self.trends[bisect.bisect_left(starts, start):bisect.bisect_left(starts, end)]

    def _rate_of(self, q: Quantity) -> str:
        """What a figure is a rate of ("share" of "$1.27 a share"), or ""."""
        return self.scope_words.per(self.text, q.span.end, min(len(self.text), q.span.end + RATE_REACH))

    def _scope(self, sent: Sentence, start: int, end: int, clause: tuple[int, int]) -> Scope:
        """The scope of the figure text[start:end] in `clause`: its sentence's dates, times of day and list
        item, the phase and trend its clause names, and what it is a rate of; "now" also dates it to the
        publication day."""
        if sent.start not in self.place_of:
            times = self.m.within("times", sent.start, sent.end)
            dates = frozenset((str(t.lo), str(t.hi)) for t in times if t.lo is not None)
            sentence = self.text[sent.start:sent.end]
            placed = self.scope_words.may_place(sentence)  # most sentences name no phase nor time of day
            self.place_of[sent.start] = dates, self.scope_words.moments(sentence) if placed else frozenset(), placed
        dates, moments, placed = self.place_of[sent.start]
        cs, ce = clause
        phase = self.scope_words.phase(self.text[cs:ce]) if placed else ""
        extreme = self.scope_words.extreme(self.text[cs:start]) if placed else ""  # the words it qualifies go before it
        if not phase and placed:  # an opening "Saat ini," or "Sebelumnya," places the whole sentence
            opening = sent.start, clause_bounds(self.text, sent, sent.start)[1]
            if opening != clause:  # the figure's own clause was read just above
                phase = self.scope_words.phase(self.text[opening[0]:opening[1]])
        trends = {m.key for m in self._trends_in(cs, ce)}
        published = self.article.published
        if phase == "now" and published:
            dates = dates | {(str(published), str(published))}
        item, marker_end = self._item(sent)
        if start < marker_end:
            item = ""  # the figure is the marker itself ("Tahap kedua proyek")
        return Scope(dates=dates, moments=moments, item=item, phase=phase,
                     trend=trends.pop() if len(trends) == 1 else "", per=self.scope_words.per(self.text, end, ce),
                     extreme=extreme, group=self._group(sent, clause))

    def _group(self, sent: Sentence, clause: tuple[int, int]) -> str:
        """The opening phrase of a sentence, before the figure's clause, that narrows the figure to a group
        or place ("Among Republicans, 81% said ..."), unless it names a time (dates place figures apart)."""
        if not self.scope_words.group(self.text[sent.start:sent.end]):
            return ""  # most sentences open with no such phrase: their clauses need not be read
        start, end = sent.start, clause_bounds(self.text, sent, sent.start)[1]
        if (start, end) == clause or self.m.indices("times", start, end):
            return ""
        return self.scope_words.group(self.text[start:end])

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
            for j in nearest(holding[min(words, key=uses.__getitem__)], i, PARAPHRASE_TRIES):
                large, more_words, more_names = self.said[j]
                if len(more_words) < len(words) or (more_words == words and j > i):
                    continue  # the other holds fewer words, or is a copy linked from its own side
                if words <= more_words and names <= more_names \
                        and not (more_names - names and len(more_words - words - more_names) < PARALLEL_WORDS):
                    self.g.add_edge(small, large, LINKS["paraphrases"])
                    linked += 1
                    if linked == PARAPHRASE_LINKS:
                        break

    def _in_figures(self) -> set[int]:
        """The names (their places in mentions.entities) written inside a figure, at most UNIT_CHARS after
        its start: a unit such as "Rp" names nothing. Read from the figures, far fewer than the names."""
        entities, inside = self.m.entities, set()
        for q in self.m.quantities:
            for i in self.m.indices("entities", q.span.start, q.span.start + UNIT_CHARS + 1):
                if entities[i].span.end <= q.span.end:
                    inside.add(i)
        return inside

    def _names(self, found: range) -> frozenset[str]:
        """The words of the names `found` (places in mentions.entities)."""
        return frozenset().union(*self.entity_words[found.start:found.stop])

    def _denials(self, clause: tuple[int, int], q: Quantity) -> frozenset[str]:
        """The words that deny the clause of `q` ("tidak"), outside the figure (whose hedge may hold one:
        "tidak lebih dari 50 km")."""
        negations = self.scope_words.negations
        (cs, ce), text = clause, self.text
        lowered = text[cs:ce].lower()
        if not any(w in lowered for w in negations):  # most clauses deny nothing: no need to read their words
            return frozenset()
        words = {w.lower() for s, e in ((cs, q.span.start), (q.span.end, ce)) for w in WORD_TOKEN.findall(text, s, e)}
        return frozenset(words & negations)

    def _content_words(self, start: int, end: int) -> set[str]:
        """The words that say what text[start:end] is about (see `content_word`)."""
        tokens = set(WORD_TOKEN.findall(self.text, start, end))
        known = self.known_words
        new = {tok: content_word(tok, self.lex) for tok in tokens.difference(known)}
        if len(known) < CONTENT_WORDS_KEPT:
            known.update(new)
        words = {*map(known.get, tokens), *new.values()}
        words.difference_update(("", None))
        return cast("set[str]", words)  # None and "" removed

    # --- times ----------------------------------------------------------------------------------

    def _time(self, n: int, t: TimeExpr) -> None:
        text, m = self.text, self.m
        sent = m.sentence_at(t.span.start)
        if sent is None:
            return
        cs, ce = clause_bounds(text, sent, t.span.start)
        event = f"event:{n}"
        self.event_of[n] = event
        self.g.add_node(event, EventNode(text[cs:ce][:80]))
        self.g.add_edge("article", event, LINKS["contains"])
        self.g.add_edge(self.sentence_of[sent.start], event, LINKS["states"])
        for e in m.within("entities", cs, ce):  # its clause's: a bound that keeps a giant sentence linear
            self.g.add_edge(self._entity(e.name, e.span.text, e.kind), event, LINKS["participant"])
        modality, cue = m.cues.modality(text, sent, t.span.start, t.span.end)
        once = m.links.once.get(n)
        cue_words = m.cues.words_between(text, cue, t.span.start)
        claim = TimeClaim(
            "time", *self._evidence_in(sent, t.span.start, t.span.end), expr=t, modality=modality,
            cue=cue.span.text if cue else "", cue_start=cue.span.start if cue else -1, cue_words=cue_words,
            planned_nearby=m.cues.any_of("planned", cs, ce) or m.cues.any_of("planned", t.span.end, sent.end),
            superseded_in_sentence=m.cues.has(sent, "superseded"),
            once=once[0].key if once else "", once_cue=once[0].span.text if once else "",
            since=t.span.text.lower().startswith(self.since))
        self.g.add_edge(event, self._time_node(t), claim)
        if once and once[1] is not None:
            self.g.add_edge(self._entity(once[1].name, once[1].span.text, once[1].kind), event, Subject(once[0].key))
        if t.lo is not None and (not t.relative or bare_part(t)):  # a bare weekday: a restatement's too
            left, right = self._context(sent, t.span.start, t.span.end)
            while left and left[-1].lower() in self.lex.date_preposition_words:
                left.pop()
            for phrase in self._phrases(left, right):
                self.g.add_edge(phrase, event, Restates(left=" ".join(left), right=" ".join(right)))

    def _time_links(self) -> None:
        links, times = self.m.links, self.m.times
        for a, b, word in links.orders:
            self.g.add_edge(self.event_of[a], self.event_of[b],
                            OrderClaim("order", *self._evidence(word.span.start, word.span.end), relation=word.key))
        for a, b in links.appositions:
            self.g.add_edge(self.event_of[a], self.event_of[b],
                            AppositionClaim("names", *self._evidence(times[a].span.start, times[b].span.end)))

    # --- quantities -----------------------------------------------------------------------------

    def _quantity(self, q: Quantity) -> None:
        sent = self.m.sentence_at(q.span.start)
        if sent is None:
            return
        left, right = self._context(sent, q.span.start, q.span.end)
        node = self._quantity_node(q)
        figure = self._figure_claim(sent, q, left=" ".join(left), right=" ".join(right))
        self.g.add_edge(self.sentence_of[sent.start], node, figure)
        subjects = list(self._phrases(left, right))
        if q.measure in self.lex.subject_comparable:
            entity = self._counted_entity(sent, clause_bounds(self.text, sent, q.span.start)[0], q)
            if entity is not None:
                subjects.insert(0, self._entity(entity.name, entity.span.text, entity.kind))
        for subject in subjects:
            basis = "restated" if subject.startswith("phrase:") else "entity"
            self.g.add_edge(subject, node, _counted(figure, basis))

    def _figure_claim(self, sent: Sentence, q: Quantity, left: str = "", right: str = "") -> FigureClaim:
        """A claim of the figure `q` in `sent`: its value, context words, evidence and what places it."""
        cs, ce = clause_bounds(self.text, sent, q.span.start)
        names = self._names(self.m.indices("entities", cs, ce))
        return FigureClaim("figure", *self._evidence_in(sent, q.span.start, q.span.end), q=q, left=left, right=right,
                           sentence=self.sentence_of[sent.start], clause_names=names,
                           denials=self._denials((cs, ce), q),
                           scope=self._scope(sent, q.span.start, q.span.end, (cs, ce)),
                           cut=self.text[sent.start].islower())

    def _counted_entity(self, sent: Sentence, clause_start: int, q: Quantity) -> Entity | None:
        """The entity right after the counted noun (`70.000 tentara Rusia`), else the nearest before it in
        its clause (in another clause, "the Russian presence ..., choosing to leave 8,000 troops there", the
        name may own something else)."""
        after: list[Entity] = self.m.within("entities", q.span.end, min(q.span.end + 3, sent.end))
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
        self.g.add_node(node, DurationNode(label=d.span.text, value=d.value, unit=d.unit, form=d.form))
        self.g.add_edge("article", node,
                        ElapsedClaim("states", *self._evidence(d.span.start, d.span.end), duration=d))
        if ends.subject is not None:
            self._age(node, d, ends.subject)
        if d.form == "anniversary" and d.origin_year is not None and d.origin is not None:
            origin = f"time:{d.origin_year}-01-01/{d.origin_year}-12-31"
            self.g.add_node(origin, TimeNode(label=d.origin.text, lo=f"{d.origin_year}-01-01",
                                             hi=f"{d.origin_year}-12-31", grain="year"))
            self.g.add_edge(node, origin, EndpointClaim("from", *self._evidence(d.origin.start, d.origin.end)))
        for kind, n_time in (("from", ends.start), ("to", ends.end)):
            if n_time is not None:
                t = self.m.times[n_time]
                self.g.add_edge(node, self._time_node(t),
                                EndpointClaim(kind, *self._evidence(t.span.start, t.span.end)))

    def _age(self, node: str, d: Duration, person: Entity) -> None:
        """Whose age, and for a current age (not one at an event) a figure of that person, so that two
        current ages of one person are compared as two counts of one subject. Only an age written next
        to the name is such a figure (one further off may be another's: "Andi ... bocah berusia 5 tahun"),
        and not when the name is an initial ("R (52)" and "R (17)" may be two people) or a word before
        it names another person ("ibu mertua Rina (58)", "the elder Smith, 90")."""
        entity = self._entity(person.name, person.span.text, person.kind)
        self.g.add_edge(entity, node, LINKS["age"])
        sent = self.m.sentence_at(d.span.start)
        if d.at_event or sent is None or not self._next_to(person, d) or self._another_person(person):
            return
        q = self._age_figure(d)
        self.g.add_edge(entity, self._quantity_node(q), _counted(self._figure_claim(sent, q), "entity"))

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

    def _referent(self, noun: str, first: re.Match[str], again: re.Match[str]) -> None:
        node = f"referent:{noun}@{first.start()}"
        self.g.add_node(node, ReferentNode(label=noun))
        for m in (first, again):
            age = bare_figure(self.text, m.start("age"), m.end("age"), "age", self.lex, span_end=m.end("unit"))
            assert age is not None  # the pattern matched a number and its unit
            q = age.model_copy(update={"precision": AGE_PRECISION})
            sent = self.m.sentence_at(q.span.start)
            assert sent is not None  # the age was found inside a sentence
            self.g.add_edge(node, self._quantity_node(q), _counted(self._figure_claim(sent, q), "referent"))

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
        inside: Quantity | None = next(iter(self.m.within("quantities", d.span.start, d.span.end)), None)
        figure = inside or Quantity(span=d.span, value=d.value, lo=d.lo, hi=d.hi, measure="age", hedge=d.hedge,
                                    number_span=d.span)
        return figure.model_copy(update={"measure": "age", "precision": AGE_PRECISION})

    # --- titles and relations -------------------------------------------------------------------

    def _title(self, t: Title) -> None:
        role = f"role:{t.role}"
        self.g.add_node(role, RoleNode(label=t.role))
        self.g.add_edge(self._entity(t.name, t.name_span.text, "person"), role,
                        TitleClaim("title", *self._evidence(t.span.start, t.span.end), role=t.role,
                                   jurisdiction=t.jurisdiction or ""))

    def _relations(self) -> None:
        g, m = self.g, self.m
        for n, c in enumerate(m.changes):
            node = f"change:{n}"
            g.add_node(node, ChangeNode(label=c.cue.text, direction=c.direction, cue=c.cue.text,
                                        fraction=c.fraction or 0.0,
                                        fraction_text=c.fraction_span.text if c.fraction_span else ""))
            for kind, q in (("from", c.start), ("to", c.end), ("by", c.amount)):
                if q is not None:
                    self._relation_edge(node, ChangeClaim, kind, q)
        for n, b in enumerate(m.breakdowns):
            if len({self._rate_of(q) for q in (b.total, *b.parts)}) > 1:
                continue  # "$1.27 a share, including a $3.8 million gain": a rate is no total of amounts
            node = f"breakdown:{n}"
            g.add_node(node, BreakdownNode(label=b.opener.text, exhaustive=b.exhaustive))
            self._relation_edge(node, BreakdownClaim, "total", b.total)
            for part in b.parts:
                self._relation_edge(node, BreakdownClaim, "part", part)
            for item in b.items:
                g.add_edge(node, self._entity(item.text, item.text),
                           BreakdownItem("item", *self._evidence(item.start, item.end)))
        for n, r in enumerate(m.ratios):
            node = f"ratio:{n}"
            g.add_node(node, RatioNode(label=r.share.span.text))
            for kind, q in (("part", r.part), ("whole", r.whole), ("share", r.share)):
                self._relation_edge(node, RatioClaim, kind, q)
        for n, sh in enumerate(m.shares):
            node = f"shares:{n}"
            g.add_node(node, SharesNode(label=sh.whole.text, whole=sh.whole.text))
            for q in sh.shares:
                self._relation_edge(node, SharesClaim, "share", q)

    def _relation_edge(self, node: str, claim: type[RelationClaim], kind: str, q: Quantity) -> None:
        self.g.add_edge(node, self._quantity_node(q), claim(kind, *self._evidence(q.span.start, q.span.end), q=q))


def _counted(figure: FigureClaim, basis: str) -> QuantityClaim:
    """A figure as a count of a subject, on the `basis` that makes it one."""
    f = figure
    return QuantityClaim("quantity", f.start, f.end, f.text, f.segment, f.in_quote, f.q, f.left, f.right, f.sentence,
                         f.clause_names, f.denials, f.scope, f.cut, basis)


def _fmt(v: float) -> str:
    return str(int(v)) if v == int(v) else repr(v)

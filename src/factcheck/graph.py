"""The claim graph of one article: what the rules reason on.

A networkx MultiDiGraph. Every node has `kind` and `label`; every edge has `kind`.

Nodes
  article                  kind=article   title, published (ISO date or ""), lang
  entity:<name>            kind=entity    a named thing; gazetteer names are canonical (Rusia -> Russia)
  phrase:<L|R>:<words>     kind=phrase    the words on one side of a figure, the subject of a
                                          statement made twice ("... sekitar # persen asam urat ...")
  event:<n>                kind=event     the clause around a time expression
  time:<lo>/<hi>           kind=time      a day interval; time:invalid:<text> for a date that cannot exist
  quantity:<measure>=<v>   kind=quantity  a value of a measure

Edges (claims carry `claim`, the evidence `start`/`end`/`text`, the `segment` kind it lies in and
`in_quote`)
  article -> event         kind=contains
  entity  -> event         kind=participant
  event   -> time          kind=time      claim="time": modality, cue, cue_words (words from the cue
                                          to the time), planned_nearby (a planning cue in the clause
                                          or later in the sentence), superseded_in_sentence,
                                          grain, mod, weekday (stated, 0 = Monday), year_source,
                                          invalid, expr (the TimeExpr)
  subject -> quantity      kind=quantity  claim="quantity": measure, value, lo, hi, hedge, basis
                                          ("entity" or "restated"), left/right (context words), q
                                          (the Quantity); subject is an entity or a phrase node

A conflict is two quantity edges from one subject node with one measure, so an export of this graph
shows exactly what quantity.conflict compared. `expr` and `q` are dropped from exports.
"""
from __future__ import annotations

import json
from typing import Iterator

import networkx as nx

from .extract import Mentions
from .lexicon import Lexicon
from .models import Article, Quantity
from .text import TOKEN, Sentence, clause_bounds, in_quotation

CONTEXT_WORDS = 10  # words kept each side of a figure, to tell a restatement from a parallel sentence
KEY_WORDS = 3  # words next to a figure that key its phrase node


def build_graph(article: Article, mentions: Mentions, lex: Lexicon) -> nx.MultiDiGraph:
    text = article.text
    g = nx.MultiDiGraph()
    g.add_node("article", kind="article", label=article.title or article.path,
               published=article.published.isoformat() if article.published else "", lang=article.lang)
    for n, t in enumerate(mentions.times):
        sent = mentions.sentence_at(t.span.start)
        if sent is None:
            continue
        cs, ce = clause_bounds(text, sent, t.span.start)
        event = f"event:{n}"
        g.add_node(event, kind="event", label=text[cs:ce][:80])
        g.add_edge("article", event, kind="contains")
        for e in mentions.entities:
            if sent.start <= e.span.start < sent.end:
                _entity_node(g, e)
                g.add_edge(f"entity:{e.name}", event, kind="participant")
        time = f"time:invalid:{t.span.text}" if t.invalid else f"time:{t.lo}/{t.hi}" if t.lo else f"time:?:{t.span.text}"
        g.add_node(time, kind="time", label=t.span.text, lo=str(t.lo or ""), hi=str(t.hi or ""), grain=t.grain)
        modality, cue = mentions.cues.modality(text, sent, t.span.start, t.span.end)
        g.add_edge(event, time, kind="time", claim="time", modality=modality, cue=cue.span.text if cue else "",
                   grain=t.grain, mod=t.mod or "", weekday=-1 if t.weekday is None else t.weekday,
                   year_source=t.year_source, invalid=t.invalid or "", expr=t,
                   cue_words=mentions.cues.words_between(text, cue, t.span.start),
                   planned_nearby=any(c.modality == "planned" for c in mentions.cues.in_range(cs, ce))
                   or any(c.modality == "planned" for c in mentions.cues.in_range(t.span.end, sent.end)),
                   superseded_in_sentence=mentions.cues.has(sent, "superseded"),
                   **_evidence(text, sent, t.span.start, t.span.end))
    for q in mentions.quantities:
        sent = mentions.sentence_at(q.span.start)
        if sent is None:
            continue
        for subject, basis, left, right in _subjects(g, text, sent, q, mentions, lex):
            if subject not in g:
                g.add_node(subject, kind="phrase", label=" ".join(left if subject.startswith("phrase:L") else right).lower())
            node = f"quantity:{q.measure}={_fmt(q.value)}"
            g.add_node(node, kind="quantity", label=q.span.text, value=q.value, measure=q.measure)
            g.add_edge(subject, node, kind="quantity", claim="quantity", measure=q.measure, value=q.value,
                       lo=q.lo, hi=q.hi, hedge=q.hedge or "", basis=basis, left=" ".join(left),
                       right=" ".join(right), q=q, **_evidence(text, sent, q.span.start, q.span.end))
    return g


def _evidence(text: str, sent: Sentence, start: int, end: int) -> dict:
    return dict(start=start, end=end, text=text[start:end], segment=sent.segment,
                in_quote=in_quotation(text, sent, start))


def _entity_node(g: nx.MultiDiGraph, entity) -> str:
    """An entity's node, labelled with its first spelling in the article (`Rusia` for Russia)."""
    node = f"entity:{entity.name}"
    if node not in g:
        g.add_node(node, kind="entity", label=entity.span.text, entity_kind=entity.kind)
    return node


def _subjects(g, text: str, sent: Sentence, q: Quantity, mentions: Mentions, lex: Lexicon):
    """What a figure is about: the entity it counts for (for measures such as troops, where one
    subject's figures must agree) and the phrases around it (for a statement restated)."""
    left = _words(text[sent.start:q.span.start])[-CONTEXT_WORDS:]
    right = _words(text[q.span.end:sent.end])[:CONTEXT_WORDS]
    if q.measure in lex.subject_comparable:
        entity = _subject_entity(text, sent, q, mentions)
        if entity is not None:
            yield _entity_node(g, entity), "entity", left, right
    for side, words in (("L", left[-KEY_WORDS:]), ("R", right[:KEY_WORDS])):
        if len(words) == KEY_WORDS and any(w.isalpha() and w.lower() not in lex.stopwords for w in words):
            yield f"phrase:{side}:{' '.join(words).lower()}", "restated", left, right


def _subject_entity(text: str, sent: Sentence, q: Quantity, mentions: Mentions):
    """The entity right after the counted noun (`70.000 tentara Rusia`), else the nearest before it."""
    after = [e for e in mentions.entities if q.span.end <= e.span.start <= q.span.end + 2 and e.span.start < sent.end]
    if after:
        return after[0]
    before = [e for e in mentions.entities if sent.start <= e.span.start and e.span.end <= q.span.start]
    return before[-1] if before else None


def _words(fragment: str) -> list[str]:
    """Words as compared between restatements: punctuation dropped, case kept (a differing name marks
    a parallel statement), other figures kept as written (a list of parallel figures differs in them;
    a restated sentence does not)."""
    return [tok for tok in TOKEN.findall(fragment) if tok[0].isalnum() or tok in "%$"]


def _fmt(v: float) -> str:
    return str(int(v)) if v == int(v) else repr(v)


def quantity_claims(g: nx.MultiDiGraph) -> Iterator[tuple[str, list[dict]]]:
    """Per subject node and measure, its quantity claims in text order."""
    for node, data in g.nodes(data=True):
        if data["kind"] not in ("entity", "phrase"):
            continue
        by_measure: dict[str, list[dict]] = {}
        for _, _, e in g.out_edges(node, data=True):
            if e.get("claim") == "quantity":
                by_measure.setdefault(e["measure"], []).append(e)
        for measure, claims in by_measure.items():
            if len(claims) > 1:
                yield node, sorted(claims, key=lambda c: c["start"])


def time_claims(g: nx.MultiDiGraph) -> Iterator[dict]:
    claims = [e for _, _, e in g.edges(data=True) if e.get("claim") == "time"]
    return iter(sorted(claims, key=lambda c: c["start"]))


def exportable(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy with only scalar attributes, for GraphML, DOT and JSON."""
    out = nx.MultiDiGraph()
    for n, d in g.nodes(data=True):
        out.add_node(n, **{k: _scalar(v) for k, v in d.items()})
    for a, b, k, d in g.edges(keys=True, data=True):
        out.add_edge(a, b, key=k, **{x: _scalar(v) for x, v in d.items() if x not in ("expr", "q")})
    return out


def _scalar(v):
    if isinstance(v, (str, int, float, bool)):
        return "inf" if v == float("inf") else v
    return "" if v is None else str(v)


def to_json(g: nx.MultiDiGraph) -> str:
    return json.dumps(nx.node_link_data(exportable(g), edges="edges"), ensure_ascii=False, indent=2)


def to_graphml(g: nx.MultiDiGraph) -> str:
    return "\n".join(nx.generate_graphml(exportable(g)))


def to_dot(g: nx.MultiDiGraph) -> str:
    """Graphviz DOT, written directly so pydot or pygraphviz are not needed."""
    shapes = {"article": "doubleoctagon", "entity": "box", "phrase": "note", "event": "ellipse",
              "time": "hexagon", "quantity": "diamond"}

    def q(s) -> str:
        return '"' + str(s).replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'

    lines = ["digraph claims {", "  rankdir=LR;", "  node [fontname=Helvetica fontsize=10];"]
    for n, d in g.nodes(data=True):
        lines.append(f"  {q(n)} [label={q(d.get('label', n))} shape={shapes.get(d['kind'], 'ellipse')}];")
    for a, b, d in g.edges(data=True):
        label = d["kind"] if d.get("claim") is None else (d.get("measure") or d.get("modality"))
        lines.append(f"  {q(a)} -> {q(b)} [label={q(label)}];")
    lines.append("}")
    return "\n".join(lines) + "\n"

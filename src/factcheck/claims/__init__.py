"""The claim graph of one article: what the rules reason on.

A directed multigraph of typed, read-only nodes and edges (nodes.py, edges.py): every node has `kind` and
`label`; every edge has `kind`. The checks read it as a ClaimGraph (graph.py) through the look-ups of
queries.py; builder.py makes it from an article's mentions; `factcheck graph` exports it (export.py) as
the networkx MultiDiGraph of `to_networkx`, with the same nodes and edges in the same order, and as
JSON, GraphML or DOT. Below, each node and edge as an export writes it. Each node kind has its class
(kind=time: TimeNode), each claim too (claim=time: TimeClaim; claim=breakdown: BreakdownClaim, or
BreakdownItem for a named item); an edge without a claim is a Link, or a Restates or Subject edge.
A claim holds its model object (`expr`, `q`, `duration`) once and reads its values from it. What a
check needs beyond the export is a field or property (a time's `since`, a mention's `words`) or a query of
queries.py, which reads around a claim in the graph's text only when asked (`plan_governs`,
`dates_statement`, `labelled`, `opens_quote`).

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
                                          change word such as "naik" is in it), start/end (where it lies;
                                          the label holds its first 80 characters); an export writes
                                          each set sorted, space-separated
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
                                          out), denials (the words that deny its clause, "tidak", outside
                                          the figure) and scope (a Scope: the dates and times of day its
                                          sentence names, "now" adding the publication day; the list item its
                                          sentence opens; the phase, "before", "now" or "later"; the trend, "up"
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
from .builder import build_graph
from .edges import (
    AppositionClaim,
    BreakdownClaim,
    BreakdownItem,
    ChangeClaim,
    Claim,
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
from .export import exportable, to_dot, to_graphml, to_json, to_networkx
from .graph import ClaimGraph
from .scope import Scope

__all__ = [
                    "AppositionClaim",
                    "BreakdownClaim",
                    "BreakdownItem",
                    "ChangeClaim",
                    "Claim",
                    "ClaimGraph",
                    "ElapsedClaim",
                    "EndpointClaim",
                    "FigureClaim",
                    "Link",
                    "MentionClaim",
                    "OrderClaim",
                    "QuantityClaim",
                    "RatioClaim",
                    "RelationClaim",
                    "Restates",
                    "Scope",
                    "SharesClaim",
                    "Subject",
                    "TimeClaim",
                    "TitleClaim",
                    "build_graph",
                    "exportable",
                    "to_dot",
                    "to_graphml",
                    "to_json",
                    "to_networkx",
]

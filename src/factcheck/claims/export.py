"""The claim graph for export: a networkx MultiDiGraph with the same nodes and edges in the same order, and
its JSON, GraphML and DOT. Attributes become dicts here only; model objects (`expr`, `q`, `duration`)
are dropped from the text formats, and a scope is written as its text."""
from __future__ import annotations

import json
from collections.abc import Callable
from typing import TYPE_CHECKING

from ..text import visible
from .graph import ClaimGraph

if TYPE_CHECKING:  # networkx is imported only to export a graph: checking never needs it, and it is slow to load
    import networkx as nx

OBJECT_ATTRS = ("expr", "q", "duration")


def to_networkx(g: ClaimGraph) -> nx.MultiDiGraph[str]:
    import networkx as nx

    out: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    out.add_nodes_from((name, _words_as_text(node.attrs())) for name, node in g.nodes.items())
    out.add_edges_from((a, b, _words_as_text(e.attrs())) for a, b, e in g.edges())
    return out


def _words_as_text(attrs: dict[str, object]) -> dict[str, object]:
    """Attributes with each set of words (a sentence's words and names, a clause's names) written out,
    sorted and space-separated, as an export shows them; the checks compare the sets themselves."""
    return {k: " ".join(sorted(v)) if isinstance(v, frozenset) else v for k, v in attrs.items()}


def exportable(g: nx.MultiDiGraph[str], clean: Callable[[str], str] = str) -> nx.MultiDiGraph[str]:
    """A copy with only scalar attributes, for GraphML, DOT and JSON; `clean` rewrites every text (node
    names too) for a format that cannot hold some characters."""
    import networkx as nx

    def scalar(v: object) -> object:
        if isinstance(v, (int, float)):
            return "inf" if v == float("inf") else v
        return clean("" if v is None else str(v))

    out: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    for n, d in g.nodes(data=True):
        out.add_node(clean(n), **{k: scalar(v) for k, v in d.items()})
    for a, b, k, d in g.edges(keys=True, data=True):
        out.add_edge(clean(a), clean(b), key=k, **{x: scalar(v) for x, v in d.items() if x not in OBJECT_ATTRS})
    return out


def to_json(g: nx.MultiDiGraph[str]) -> str:
    import networkx as nx

    return json.dumps(nx.node_link_data(exportable(g), edges="edges"), ensure_ascii=False, indent=2)


def to_graphml(g: nx.MultiDiGraph[str]) -> str:
    import networkx as nx

    return "\n".join(nx.generate_graphml(exportable(g, visible)))  # XML 1.0 cannot hold control characters


def to_dot(g: nx.MultiDiGraph[str]) -> str:
    """Graphviz DOT, written directly so pydot or pygraphviz are not needed."""
    shapes = {"article": "doubleoctagon", "entity": "box", "phrase": "note", "event": "ellipse",
              "time": "hexagon", "quantity": "diamond", "duration": "octagon", "role": "box", "sentence": "plain",
              "change": "component", "breakdown": "component", "ratio": "component", "shares": "component"}

    def q(s: object) -> str:
        return '"' + visible(str(s).replace("\n", " ")).replace("\\", "\\\\").replace('"', '\\"') + '"'

    lines = ["digraph claims {", "  rankdir=LR;", "  node [fontname=Helvetica fontsize=10];"]
    for n, d in g.nodes(data=True):
        lines.append(f"  {q(n)} [label={q(d.get('label', n))} shape={shapes.get(d['kind'], 'ellipse')}];")
    for a, b, d in g.edges(data=True):
        label = d["kind"] if d.get("claim") is None else (d.get("measure") or d.get("modality") or d["kind"])
        lines.append(f"  {q(a)} -> {q(b)} [label={q(label)}];")
    lines.append("}")
    return "\n".join(lines) + "\n"

"""The ClaimGraph: a directed multigraph of typed nodes and edges, far cheaper to build and walk than networkx."""
from __future__ import annotations

import functools
from collections.abc import Iterator
from typing import TypeVar, cast

from ..lexicon import Lexicon
from .edges import Claim, Edge
from .nodes import Node
from .words import WORD

N = TypeVar("N", bound=Node)
E = TypeVar("E", bound=Edge)
C = TypeVar("C", bound=Claim)


class ClaimGraph:
    """Nodes and edges iterate in networkx's order (nodes as added; edges by source, then by target as
    first linked from it), so checks that take the first of several claims see what they saw in a
    MultiDiGraph, and an export is the same graph. Not changed once built: the indexes the checks share
    are made on first use."""

    def __init__(self, text: str, lex: Lexicon):
        self.text = text  # the article's text and its language's words: what the queries that read around
        self.lex = lex  # a claim read (rarely asked, so not read for every claim)
        self.nodes: dict[str, Node] = {}
        self._succ: dict[str, dict[str, list[Edge]]] = {}  # source -> target -> its edges
        self._claims: dict[type, list[tuple[str, str, Claim]]] = {}  # the claims of a type in text order, once asked

    def __contains__(self, node: str) -> bool:
        return node in self.nodes

    def add_node(self, name: str, node: Node) -> None:
        """A node, or a node of the same kind that replaces one already there, keeping its place."""
        if name not in self.nodes:
            self._succ[name] = {}
        self.nodes[name] = node

    def add_edge(self, source: str, target: str, edge: Edge) -> None:
        self._succ[source].setdefault(target, []).append(edge)

    def node(self, name: str, kind: type[N]) -> N:
        """The node `name`, which is of `kind`."""
        node = self.nodes[name]
        if not isinstance(node, kind):
            raise TypeError(f"{name} is a {node.kind} node, not {kind.kind}")
        return node

    def label(self, name: str) -> str:
        return self.nodes[name].label

    def edges(self) -> Iterator[tuple[str, str, Edge]]:
        for source, targets in self._succ.items():
            for target, edges in targets.items():
                for e in edges:
                    yield source, target, e

    def of_kind(self, kind: type[Node]) -> list[str]:
        """The nodes of a kind, in the order they were added."""
        return self._node_kinds.get(kind, [])

    def out_edges(self, node: str, kind: type[E]) -> list[tuple[str, E]]:
        """A node's edges of a type, as (target, edge)."""
        return [(target, e) for target, edges in self._succ[node].items() for e in edges if type(e) is kind]

    def out_links(self, node: str, kind: str) -> list[str]:
        """The targets of a node's edges of a kind (`states`, `from`...), one per edge."""
        return [target for target, edges in self._succ[node].items() for e in edges if e.kind == kind]

    def edges_of(self, kind: type[E]) -> list[tuple[str, str, E]]:
        """The edges of a type, in graph order."""
        return cast("list[tuple[str, str, E]]", self._index.get(kind, []))  # indexed by their own type

    def by_source(self, kind: type[E]) -> dict[str, list[tuple[str, E]]]:
        """The edges of a type by source node, as (target, edge)."""
        out: dict[str, list[tuple[str, E]]] = {}
        for source, target, e in self.edges_of(kind):
            out.setdefault(source, []).append((target, e))
        return out

    def claims(self, kind: type[C]) -> list[tuple[str, str, C]]:
        """Every claim of a type, in text order (sorted when first asked: some types no check asks)."""
        found = self._claims.get(kind)
        if found is None:
            found = self._claims[kind] = sorted(self.edges_of(kind), key=_start)
        return cast("list[tuple[str, str, C]]", found)

    @functools.cached_property
    def lower_case_words(self) -> frozenset[str]:
        """The words the article writes in lower case (a name spelt like one may be a common word),
        read on first use: most articles never need them."""
        return frozenset(w for w in WORD.findall(self.text) if w.islower())

    @functools.cached_property
    def _node_kinds(self) -> dict[type[Node], list[str]]:
        out: dict[type[Node], list[str]] = {}
        for name, node in self.nodes.items():
            out.setdefault(type(node), []).append(name)
        return out

    @functools.cached_property
    def _index(self) -> dict[type, list[tuple[str, str, Edge]]]:
        """The edges by type, in graph order: one pass serves every check."""
        out: dict[type, list[tuple[str, str, Edge]]] = {}
        for edge in self.edges():
            out.setdefault(type(edge[2]), []).append(edge)
        return out


def _start(edge: tuple[str, str, Claim]) -> int:
    return edge[2].start

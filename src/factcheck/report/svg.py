"""The claim graph drawn as SVG, for the HTML report and `factcheck graph --format svg`.

A layered layout in pure Python (graphviz and numpy are not needed): each node goes in the column of
its longest path from a source (entities and phrases, then events and quantities, then times), the
columns are ordered by barycentre sweeps starting from text order, and each node is then placed as
near its neighbours as the column allows. Shapes and colours tell the node kinds apart; claim edges
carry a label (modality and cue for a time, measure and hedge for a figure), and the claims a finding
rests on are drawn in the finding's colour.
"""
from __future__ import annotations

import re
import textwrap
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from html import escape as _escape

import networkx as nx

from ..models import SEVERITY_RANK, Finding
from ..text import visible

SEVERITY_COLOURS = {"error": "#c81e1e", "warning": "#b86200", "info": "#5b5bd6"}
# kind -> (fill, stroke); node text is dark grey on every fill.
KIND_COLOURS = {
    "article": ("#f4f4f5", "#3f3f46"),
    "entity": ("#dbeafe", "#1e40af"),
    "phrase": ("#f5f5f4", "#78716c"),
    "event": ("#f3e8ff", "#7e22ce"),
    "time": ("#dcfce7", "#15803d"),
    "quantity": ("#cffafe", "#0e7490"),
}
STRUCTURE_COLOUR, CLAIM_COLOUR = "#b8b8c0", "#52525b"

FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', sans-serif"
FONT_SIZE, CHAR_WIDTH, LINE_HEIGHT = 12, 7.0, 15  # CHAR_WIDTH: a wide sans-serif's average, so labels fit
LABEL_SIZE = 11  # edge labels
LABEL_SPOTS = (0.5, 0.35, 0.65, 0.22, 0.78)  # where along its edge a label may go, in order of preference
LABEL_CHARS, LABEL_LINES = 30, 2
PAD_X, PAD_Y = 12, 6
COLUMN_GAP, ROW_GAP, MARGIN, LEGEND_HEIGHT = 150, 10, 16, 44
SWEEPS = 4

# Characters XML does not allow (and HTML reads as errors), replaced so the markup stays well-formed.
_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def escape(s: object) -> str:
    """Text safe in element content and in quoted attributes, in both HTML and XML."""
    return _escape(_INVALID.sub("\ufffd", str(s)), quote=True)


@dataclass
class _Box:
    lines: list[str]
    w: float
    h: float
    x: float = 0.0  # left edge
    y: float = 0.0  # top edge

    @property
    def cy(self) -> float:
        return self.y + self.h / 2


def to_svg(g: nx.MultiDiGraph, findings: Iterable[Finding] = (), *, legend: bool = True,
           names: dict[str, str] | None = None) -> str:
    """The graph as a standalone SVG document, also valid inline in HTML. `names`: the words of the
    legend and title (node kinds, `claim`, `finding`, `title`), English by default."""
    names = {**NAMES, **(names or {})}
    boxes = _layout(g, top=MARGIN + LEGEND_HEIGHT if legend else MARGIN)
    marked = _finding_edges(g, findings)
    width = max((b.x + b.w for b in boxes.values()), default=0) + MARGIN
    if legend:
        width = max(width, _legend_width(names) + MARGIN)
    height = max((b.y + b.h for b in boxes.values()), default=0) + MARGIN
    title = f"{names['title']}: {g.nodes['article']['label']}" if "article" in g else names["title"]
    parts = [(f'<svg xmlns="http://www.w3.org/2000/svg" class="claim-graph" width="{width:.0f}" '
              f'height="{height:.0f}" viewBox="0 0 {width:.0f} {height:.0f}" role="img" '
              f'font-family="{escape(FONT)}" font-size="{FONT_SIZE}">'),
             f"<title>{escape(visible(title))}</title>", _legend(names) if legend else ""]
    drawn = [(a, b, d, marked.get((a, b, k))) for a, b, k, d in _drawn_edges(g)]
    parts.append('<g class="edges">')
    parts += (_edge(a, b, d, boxes, severity) for a, b, d, severity in drawn)
    parts.append('</g><g class="nodes">')
    # A node a finding's claim points to is outlined in that finding's colour (the worst one, if several).
    outlined = {edge[1]: sev for edge, sev in sorted(marked.items(), key=lambda x: SEVERITY_RANK[x[1]])}
    parts += (_node(n, d, boxes[n], outlined.get(n)) for n, d in g.nodes(data=True))
    # Claim labels go on top, so that a node an edge passes behind does not hide its label.
    parts.append('</g><g class="labels">')
    parts += _labels(drawn, boxes)
    parts.append("</g></svg>")
    return "\n".join(parts) + "\n"


def finding_claims(g: nx.MultiDiGraph, findings: Iterable[Finding]) -> nx.MultiDiGraph:
    """The part of the graph that findings rest on: their claims, the nodes at both ends, and the
    links between those nodes; empty when no claim holds a finding's evidence."""
    ends = {n for a, b, _ in _finding_edges(g, findings) for n in (a, b)}
    # In the graph's own order: a subgraph view of a few nodes iterates the set, whose order changes
    # from run to run, and so would the drawing.
    part: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    part.add_nodes_from((n, d) for n, d in g.nodes(data=True) if n in ends)
    for a, b, k, d in g.edges(keys=True, data=True):
        if a in ends and b in ends:
            part.add_edge(a, b, key=k, **d)
    return part


# --- layout -------------------------------------------------------------------------------------

def _layout(g: nx.MultiDiGraph, top: float) -> dict[str, _Box]:
    boxes = {n: _box(d.get("kind", ""), d.get("label", n)) for n, d in g.nodes(data=True)}
    layers = _layers(g)
    _order(g, layers)
    _place_columns(layers, boxes)
    _place_rows(g, layers, boxes, top)
    return boxes


def _box(kind: str, label: str) -> _Box:
    lines = textwrap.wrap(_clean(label), LABEL_CHARS, max_lines=LABEL_LINES, placeholder=" …") or [""]
    # Pointed and rounded shapes need room for their ends beside the text.
    extra = {"time": 16, "quantity": 12, "event": 12}.get(kind, 0)
    w = max(len(x) for x in lines) * CHAR_WIDTH + 2 * PAD_X + extra
    return _Box(lines, max(w, 48), len(lines) * LINE_HEIGHT + 2 * PAD_Y)


def _clean(label: str) -> str:
    """A label on one line: control and format characters (such as bidi overrides) dropped."""
    kept = "".join(" " if c.isspace() else c for c in str(label) if unicodedata.category(c) not in ("Cc", "Cf", "Cs"))
    return " ".join(kept.split())


def _layers(g: nx.MultiDiGraph) -> list[list[str]]:
    """Columns by longest path from a source; the claim graph is acyclic by construction."""
    depth: dict[str, int] = {}
    for n in nx.topological_sort(g):
        depth[n] = max((depth[p] + 1 for p in g.predecessors(n)), default=0)
    layers: list[list[str]] = [[] for _ in range(max(depth.values(), default=-1) + 1)]
    for n in sorted(g, key=lambda n: (_text_position(g, n), n)):
        layers[depth[n]].append(n)
    return layers


def _text_position(g: nx.MultiDiGraph, n: str) -> float:
    """Where a node first shows in the text (its earliest claim), so the picture reads top to bottom."""
    starts = [d["start"] for *_, d in g.in_edges(n, data=True) if "start" in d]
    starts += [d["start"] for *_, d in g.out_edges(n, data=True) if "start" in d]
    return min(starts, default=float("inf"))


def _order(g: nx.MultiDiGraph, layers: list[list[str]]) -> None:
    """Barycentre sweeps down and up the columns, to untangle edges; ties keep the previous order. The
    article, linked to every event, heads its column, so that its fan of edges crosses no claim."""
    undirected = g.to_undirected(as_view=True)
    for sweep in range(SWEEPS):
        indices = range(1, len(layers)) if sweep % 2 == 0 else range(len(layers) - 2, -1, -1)
        for i in indices:
            ref = layers[i - 1] if sweep % 2 == 0 else layers[i + 1]
            rank = {n: r for r, n in enumerate(ref)}
            current = {n: r for r, n in enumerate(layers[i])}
            across, size = len(ref), max(len(layers[i]), 1)

            def key(n: str, rank: dict[str, int] = rank, current: dict[str, int] = current, across: int = across,
                    size: int = size) -> tuple[bool, float, int]:  # bound now: the sort below calls it in this pass
                near = [rank[m] for m in undirected[n] if m in rank]
                return (n != "article", sum(near) / len(near) if near else current[n] * across / size, current[n])

            layers[i].sort(key=key)


def _place_columns(layers: list[list[str]], boxes: dict[str, _Box]) -> None:
    x: float = MARGIN
    for layer in layers:
        width = max(boxes[n].w for n in layer)
        for n in layer:
            boxes[n].x = x + (width - boxes[n].w) / 2
        x += width + COLUMN_GAP


def _place_rows(g: nx.MultiDiGraph, layers: list[list[str]], boxes: dict[str, _Box], top: float) -> None:
    """Stack the tallest column, then place the others outward from it, each node as close to the
    middle of its already placed neighbours as the order and the gaps allow."""
    undirected = g.to_undirected(as_view=True)
    anchor = max(range(len(layers)), key=lambda i: (len(layers[i]), -i), default=None)
    if anchor is None:
        return
    _stack(layers[anchor], boxes, dict.fromkeys(layers[anchor]))
    for i in sorted(range(len(layers)), key=lambda i: abs(i - anchor))[1:]:
        ref = set(layers[i + 1] if i < anchor else layers[i - 1])
        wanted = {}
        for n in layers[i]:
            near = [boxes[m].cy for m in undirected[n] if m in ref]
            wanted[n] = sum(near) / len(near) - boxes[n].h / 2 if near else None
        _stack(layers[i], boxes, wanted)
    highest = min(boxes[n].y for layer in layers for n in layer)
    for b in boxes.values():
        b.y += top - highest


def _stack(layer: list[str], boxes: dict[str, _Box], wanted: dict[str, float | None]) -> None:
    """Tops for a column in order, without overlaps: the mean of packing downward and packing upward
    from the wanted positions, which is as free of overlaps as either and not pushed to one side."""
    down: list[float] = []
    prev: float | None = None
    for n in layer:
        y = wanted[n]
        y = y if y is not None else (prev if prev is not None else 0.0)
        y = y if prev is None else max(y, prev)
        down.append(y)
        prev = y + boxes[n].h + ROW_GAP
    up: list[float] = [0.0] * len(layer)
    nxt: float | None = None
    for i in range(len(layer) - 1, -1, -1):
        n = layer[i]
        y = wanted[n]
        y = y if y is not None else down[i]
        y = y if nxt is None else min(y, nxt - ROW_GAP - boxes[n].h)
        up[i] = y
        nxt = y
    for n, a, b in zip(layer, down, up):
        boxes[n].y = (a + b) / 2


# --- findings -----------------------------------------------------------------------------------

def _finding_edges(g: nx.MultiDiGraph, findings: Iterable[Finding]) -> dict:
    """(source, target, key) -> severity, for the claims each finding rests on: the claim edges with
    its evidence spans, from the subject node that holds most of them (both figures of a conflict come
    from one subject; a phrase that holds only one of them was not compared)."""
    marked: dict = {}
    claims = [((a, b, k), (d["start"], d["end"])) for a, b, k, d in g.edges(keys=True, data=True) if d.get("claim")]
    for f in sorted(findings, key=lambda f: SEVERITY_RANK[f.severity]):  # the worst colour wins
        spans = {(e.start, e.end) for e in f.evidence}
        by_source: dict[str, list] = {}
        for edge, span in claims:
            if span in spans:
                by_source.setdefault(edge[0], []).append(edge)
        most = max((len(ks) for ks in by_source.values()), default=0)
        for ks in by_source.values():
            if len(ks) == most:
                marked.update(dict.fromkeys(ks, f.severity))
    return marked


# --- drawing ------------------------------------------------------------------------------------

def _drawn_edges(g: nx.MultiDiGraph):
    """Every claim, and each structural link once (an entity named twice in a clause is linked twice)."""
    seen = set()
    for a, b, k, d in g.edges(keys=True, data=True):
        if d.get("claim") is None:
            if (a, b, d["kind"]) in seen:
                continue
            seen.add((a, b, d["kind"]))
        yield a, b, k, d


def _ends(src: _Box, dst: _Box) -> tuple[float, float, float, float]:
    return src.x + src.w, src.cy, dst.x - 1, dst.cy


def _colour(d: dict, severity: str | None) -> str:
    return SEVERITY_COLOURS[severity] if severity else CLAIM_COLOUR if d.get("claim") else STRUCTURE_COLOUR


def _edge(a: str, b: str, d: dict, boxes: dict[str, _Box], severity: str | None) -> str:
    x1, y1, x2, y2 = _ends(boxes[a], boxes[b])
    bend = (x2 - x1) / 2
    path = f"M{x1:.1f},{y1:.1f} C{x1 + bend:.1f},{y1:.1f} {x2 - bend:.1f},{y2:.1f} {x2:.1f},{y2:.1f}"
    colour = _colour(d, severity)
    width = 2.5 if severity else 1.3 if d.get("claim") else 1
    cls = ("edge claim" if d.get("claim") else "edge") + (f" finding-{severity}" if severity else "")
    return (f'<g class="{cls}" data-source="{escape(a)}" data-target="{escape(b)}">'
            f'<title>{escape(_edge_title(a, b, d, boxes))}</title>'
            f'<path d="{path}" fill="none" stroke="{colour}" stroke-width="{width}"/>'
            f'<polygon points="{x2:.1f},{y2:.1f} {x2 - 7:.1f},{y2 - 3.5:.1f} {x2 - 7:.1f},{y2 + 3.5:.1f}" '
            f'fill="{colour}"/></g>')


def _labels(drawn: list, boxes: dict[str, _Box]) -> list[str]:
    """The claims' labels, each at the first point along its own edge, from the middle outward, where
    it overlaps no label placed before it (edges into or out of one node share their ends)."""
    placed: list[tuple[float, float, float]] = []  # centre x, baseline y, half width
    out = []
    for a, b, d, severity in drawn:
        if not d.get("claim"):
            continue
        x1, y1, x2, y2 = _ends(boxes[a], boxes[b])
        text = _clean(_claim_text(d))
        half = len(text) * CHAR_WIDTH * LABEL_SIZE / FONT_SIZE / 2
        spots = [(x1 + (x2 - x1) * _bezier(t, 0.5), y1 + (y2 - y1) * _bezier(t, 0.0) - 4) for t in LABEL_SPOTS]
        x, y = next((p for p in spots if not any(abs(p[0] - px) < half + ph and abs(p[1] - py) < LABEL_SIZE + 2
                                                 for px, py, ph in placed)), spots[0])
        placed.append((x, y, half))
        out.append(f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="middle" font-size="{LABEL_SIZE}" '
                   f'fill="{_colour(d, severity)}" stroke="#fff" stroke-width="3" paint-order="stroke">'
                   f'{escape(text)}</text>')
    return out


def _bezier(t: float, bend: float) -> float:
    """How far along (0 to 1) a point at `t` is, on a cubic from 0 to 1 whose control points sit at
    `bend` and 1 - `bend`."""
    return 3 * bend * (1 - t) ** 2 * t + 3 * (1 - bend) * (1 - t) * t ** 2 + t ** 3


def _claim_text(d: dict) -> str:
    """What a claim says: the modality and its cue for a time, the measure and hedge for a figure, the
    edge's kind for any other claim."""
    if d.get("claim") == "time":
        return f"{d['modality']} · {d['cue']}" if d.get("cue") else d["modality"]
    if d.get("claim") == "quantity":
        return f"{d['measure']} · {d['hedge']}" if d.get("hedge") else d["measure"]
    return d["kind"]


def _edge_title(a: str, b: str, d: dict, boxes: dict[str, _Box]) -> str:
    ends = f"{' '.join(boxes[a].lines)} → {' '.join(boxes[b].lines)}"
    if d.get("claim") == "quantity":
        return f"{ends}: “{d['text']}” = {_number(d['lo'])}–{_number(d['hi'])} {d['measure']}"
    if d.get("claim") == "time":
        return f"{ends}: “{d['text']}”, {d['modality']}"
    return f"{ends} ({d['kind']})"


def _number(v: float) -> str:
    return "∞" if v == float("inf") else f"{v:,.0f}" if v == int(v) else f"{v:,g}"


def _node(n: str, d: dict, box: _Box, severity: str | None) -> str:
    kind = d.get("kind", "")
    fill, stroke = KIND_COLOURS.get(kind, KIND_COLOURS["article"])
    if severity:
        stroke = SEVERITY_COLOURS[severity]
    out = [f'<g class="node {escape(kind)}" data-node="{escape(n)}">',
           f"<title>{escape(kind + ': ' + _clean(d.get('label', n)))}</title>",
           _shape(kind, box.x, box.y, box.w, box.h, fill, stroke, 2.5 if severity else 1.2)]
    top = box.cy - (len(box.lines) - 1) * LINE_HEIGHT / 2 + FONT_SIZE * 0.35
    for i, line in enumerate(box.lines):
        out.append(f'<text x="{box.x + box.w / 2:.1f}" y="{top + i * LINE_HEIGHT:.1f}" text-anchor="middle" '
                   f'fill="#1f2937">{escape(line)}</text>')
    out.append("</g>")
    return "".join(out)


def _shape(kind: str, x: float, y: float, w: float, h: float, fill: str, stroke: str, width: float) -> str:
    paint = f'fill="{fill}" stroke="{stroke}" stroke-width="{width}"'
    if kind == "event":  # a pill
        return f'<rect x="{x:.1f}" y="{y:.1f}" width="{w:.1f}" height="{h:.1f}" rx="{h / 2:.1f}" {paint}/>'
    if kind == "time":  # a hexagon, pointed at both ends
        pts = [(x, y + h / 2), (x + 9, y), (x + w - 9, y), (x + w, y + h / 2), (x + w - 9, y + h), (x + 9, y + h)]
    elif kind == "quantity":  # a parallelogram
        pts = [(x + 7, y), (x + w, y), (x + w - 7, y + h), (x, y + h)]
    elif kind == "phrase":  # a note with a folded corner, dashed: words, not a thing
        pts = [(x, y), (x + w - 8, y), (x + w, y + 8), (x + w, y + h), (x, y + h)]
        paint += ' stroke-dasharray="4 2"'
    elif kind == "article":  # a double frame
        return (f'<rect x="{x - 3:.1f}" y="{y - 3:.1f}" width="{w + 6:.1f}" height="{h + 6:.1f}" rx="3" fill="none" '
                f'stroke="{stroke}"/><rect x="{x:.1f}" y="{y:.1f}" width="{w:.1f}" height="{h:.1f}" rx="2" {paint}/>')
    else:  # an entity, or a kind this drawing does not know yet
        return f'<rect x="{x:.1f}" y="{y:.1f}" width="{w:.1f}" height="{h:.1f}" rx="4" {paint}/>'
    return f'<polygon points="{" ".join(f"{px:.1f},{py:.1f}" for px, py in pts)}" {paint}/>'


NAMES = {**{kind: kind for kind in KIND_COLOURS}, "claim": "claim", "finding": "finding", "title": "Claim graph"}
_LEGEND_LINES = (("claim", CLAIM_COLOUR, 1.3), ("finding", SEVERITY_COLOURS["warning"], 2.5))


def _legend_item(label: str) -> float:
    """The width of one legend entry: its swatch, its label and a gap."""
    return 36 + len(label) * CHAR_WIDTH * LABEL_SIZE / FONT_SIZE + 20


def _legend_width(names: dict[str, str]) -> float:
    return MARGIN + sum(_legend_item(names[k]) for k in [*KIND_COLOURS, *(k for k, *_ in _LEGEND_LINES)])


def _legend(names: dict[str, str]) -> str:
    """A key to the shapes and colours, not part of the graph (its groups are not `node`s)."""
    out = [f'<g class="legend" font-size="{LABEL_SIZE}" fill="#3f3f46">']
    x: float = MARGIN
    for kind, (fill, stroke) in KIND_COLOURS.items():
        out.append(_shape(kind, x + 3, MARGIN, 26, 16, fill, stroke, 1.2))
        out.append(f'<text x="{x + 36}" y="{MARGIN + 12}">{escape(names[kind])}</text>')
        x += _legend_item(names[kind])
    for key, colour, width in _LEGEND_LINES:
        out.append(f'<path d="M{x:.1f},{MARGIN + 8} h26" stroke="{colour}" stroke-width="{width}"/>')
        out.append(f'<text x="{x + 32:.1f}" y="{MARGIN + 12}">{escape(names[key])}</text>')
        x += _legend_item(names[key])
    out.append("</g>")
    return "".join(out)

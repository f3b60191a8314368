"""The claim graph as SVG: well-formed, one node element per graph node, the claims a finding rests on
in its colour, no overlapping nodes, and the same picture from `factcheck graph` as in the report."""
import re
import xml.etree.ElementTree as ET

import networkx as nx
import pytest

from conftest import SEED
from factcheck.cli import main
from factcheck.ingest import read_article
from factcheck.models import Evidence, Finding
from factcheck.report import renderer
from factcheck.report.svg import SEVERITY_COLOURS, finding_claims, to_svg

NS = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def seed(checker):
    _, g = checker.analyse(read_article(SEED))
    findings = checker.check_file(SEED).files[0].findings
    return g, findings, ET.fromstring(to_svg(g, findings))


def groups(svg: ET.Element, cls: str) -> list[ET.Element]:
    return [e for e in svg.iter(f"{NS}g") if cls in e.get("class", "").split()]


def attr(e: ET.Element, name: str) -> str:
    """An attribute the picture must give."""
    value = e.get(name)
    assert value is not None, f"{e.tag} without {name}"
    return value


def child(e: ET.Element, tag: str) -> ET.Element:
    """An element the picture must give."""
    found = e.find(tag)
    assert found is not None, f"{e.tag} without {tag}"
    return found


def bbox(group: ET.Element) -> tuple[float, float, float, float]:
    """The box around a node's shapes (rects, and polygons by their points)."""
    xs, ys = [], []
    for shape in group:
        if shape.tag == f"{NS}rect":
            x, y, w, h = (float(attr(shape, k)) for k in ("x", "y", "width", "height"))
            xs += [x, x + w]
            ys += [y, y + h]
        elif shape.tag == f"{NS}polygon":
            points = [tuple(map(float, p.split(","))) for p in attr(shape, "points").split()]
            xs += [p[0] for p in points]
            ys += [p[1] for p in points]
    return min(xs), min(ys), max(xs), max(ys)


def test_one_node_element_per_graph_node(seed):
    g, _, svg = seed
    nodes = [attr(e, "data-node") for e in groups(svg, "node")]
    assert sorted(nodes) == sorted(g.nodes) and len(nodes) == len(set(nodes))
    for e in groups(svg, "node"):
        assert g.nodes[attr(e, "data-node")]["kind"] in attr(e, "class").split()


def test_nodes_do_not_overlap_and_fit_the_picture(seed):
    _, _, svg = seed
    width, height = float(attr(svg, "width")), float(attr(svg, "height"))
    boxes = [bbox(e) for e in groups(svg, "node")]
    for i, (x1, y1, x2, y2) in enumerate(boxes):
        assert 0 <= x1 < x2 <= width and 0 <= y1 < y2 <= height
        for a1, b1, a2, b2 in boxes[i + 1:]:
            assert x2 <= a1 or a2 <= x1 or y2 <= b1 or b2 <= y1, "two nodes overlap"


def test_the_claims_a_finding_rests_on_are_in_its_colour(seed):
    g, findings, svg = seed
    coloured = {(e.get("data-source"), e.get("data-target")) for e in groups(svg, "finding-warning")}
    conflict = next(x for x in findings if x.rule == "quantity.conflict")
    figures = {(x.start, x.end) for x in conflict.evidence}
    compared = {(a, b) for a, b, d in g.edges(data=True)
                if d.get("claim") == "quantity" and (d["start"], d["end"]) in figures}
    # Both figures were compared as Russia's troops; the phrases around them hold one figure each.
    assert {(a, b) for a, b in compared if a == "entity:Russia"} <= coloured
    assert not {(a, b) for a, b in compared if a.startswith("phrase:")} & coloured
    planned = next(x for x in findings if x.rule == "temporal.planned-before-publication")
    (time_edge,) = [(a, b) for a, b, d in g.edges(data=True)
                    if d.get("claim") == "time" and d["start"] == planned.evidence[0].start]
    assert time_edge in coloured and len(coloured) == 3
    for e in groups(svg, "finding-warning"):
        assert child(e, f"{NS}path").get("stroke") == SEVERITY_COLOURS["warning"]


def test_claims_are_labelled(seed):
    g, _, svg = seed
    labels = [t.text for t in groups(svg, "labels")[0]]
    assert len(labels) == sum(1 for *_, d in g.edges(data=True) if d.get("claim"))
    assert "planned · secepat" in labels and "troops · approx" in labels


def test_odd_labels_are_escaped_and_cleaned():
    g: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    g.add_node("article", kind="article", label='</svg><script>alert(1)</script>')
    g.add_node("entity:x", kind="entity", label="a\x00b\u202ec\x1bd & \"e\"")
    g.add_node("event:0", kind="event", label="x" * 200)
    g.add_edge("article", "event:0", kind="contains")
    g.add_edge("entity:x", "event:0", kind="participant")
    svg = ET.fromstring(to_svg(g))
    assert not [e for e in svg.iter() if e.tag.endswith("script")]
    texts = {e.get("data-node"): " ".join(t.text or "" for t in e.iter(f"{NS}text")) for e in groups(svg, "node")}
    assert texts["entity:x"] == 'abcd & "e"'
    assert texts["article"].startswith("</svg><script>")
    assert texts["event:0"].endswith("…") and len(texts["event:0"]) < 80


def test_empty_graph_draws_the_article_alone():
    g: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    g.add_node("article", kind="article", label="Judul")
    assert [e.get("data-node") for e in groups(ET.fromstring(to_svg(g)), "node")] == ["article"]


def test_graph_command_writes_the_picture_of_the_report(tmp_path, capsys, checker):
    out = tmp_path / "graph.svg"
    assert main(["graph", str(SEED), "--format", "svg", "--output", str(out)]) == 0
    alone = out.read_text(encoding="utf-8")
    ET.fromstring(alone)
    html = renderer("html")(checker.check_file(SEED), report_lang="en", analyses=checker.analyser.recover)
    (inline,) = re.findall(r'<details class="full-graph">.*?(<svg.*?</svg>)', html, re.S)
    assert alone.strip() == inline.strip()


def test_the_claims_of_a_finding_are_drawn_alone_and_small(seed):
    g, findings, full = seed
    conflict = next(x for x in findings if x.rule == "quantity.conflict")
    part = finding_claims(g, [conflict])
    evidence = {(e.start, e.end) for e in conflict.evidence}
    assert set(part) == {"entity:Russia", *(b for a, b, d in g.edges(data=True) if a == "entity:Russia"
                                              and d.get("claim") == "quantity"
                                              and (d["start"], d["end"]) in evidence)}
    svg = ET.fromstring(to_svg(part, [conflict], legend=False))
    assert not groups(svg, "legend") and len(groups(svg, "node")) == 3
    assert len(groups(svg, "finding-warning")) == 2
    assert float(attr(svg, "width")) < 500 and float(attr(svg, "height")) < 150  # about a phone's width
    assert float(attr(full, "width")) > 1000  # the whole graph, for comparison


def test_the_claims_of_findings_keep_the_graph_order_so_the_drawing_is_the_same_every_run():
    # a subgraph view of a few nodes iterates a set, whose order follows the hash seed of the run
    g: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    g.add_node("article", kind="article", label="Judul")
    for n in range(60):  # nodes no finding rests on: the claims are a small part of the graph
        g.add_node(f"sentence:{n}", kind="sentence", label="")
    names = [f"entity:Nama{i}" for i in range(12)]
    for n, name in enumerate(names):
        g.add_node(name, kind="entity", label=name)
        g.add_node(f"quantity:count={n}", kind="quantity", label=str(n))
        g.add_edge(name, f"quantity:count={n}", kind="quantity", claim="quantity", start=10 * n, end=10 * n + 2)
    finding = Finding(rule="quantity.conflict", category="quantity", severity="warning", message="m",
                      evidence=tuple(Evidence(start=10 * n, end=10 * n + 2, line=1, column=1, text="x")
                                     for n in range(12)))
    part = finding_claims(g, [finding])
    assert list(part) == [n for n in g if n in part] and len(part) == 24
    assert list(part.edges(keys=True)) == [e for e in g.edges(keys=True) if e[0] in part]


def test_the_legend_and_title_speak_the_language_given():
    g: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    g.add_node("article", kind="article", label="Judul")
    names = {"entity": "entitas", "claim": "klaim", "title": "Graf klaim"}
    svg = ET.fromstring(to_svg(g, names=names))
    legend = [t.text for t in groups(svg, "legend")[0].iter(f"{NS}text")]
    assert "entitas" in legend and "klaim" in legend and "quantity" in legend  # a kind not named stays English
    assert child(svg, f"{NS}title").text == "Graf klaim: Judul"
    texts = groups(svg, "legend")[0].findall(f"{NS}text")
    xs = [float(attr(t, "x")) for t in texts]
    assert xs == sorted(xs) and float(attr(svg, "width")) >= xs[-1]

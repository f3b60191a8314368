"""The report an editor opens in a browser: self-contained HTML (inline CSS and SVG, no scripts, fonts or
other requests), readable without JavaScript, printable and usable on a phone, in the articles'
language (or `report_lang`).

A batch summary comes first: totals, filters by severity and rule, and the files with findings, most
severe first. Each such article follows with its text as checked (evidence highlighted by severity,
numbered notes beside it, links both ways between highlights and notes and between the spans of one
finding), a small drawing of the claims each note rests on, and the full claim graph folded away. A
rules legend at the end is what the rule ids link to. `render` makes one page; `pages` splits a large
batch into an index and one page per article.

The filters are checkboxes that CSS `:has()` reads, so they work without JavaScript; a browser without
`:has()` shows everything and no filters.

A Report carries findings but not the article text or graph: the engine gives each article's analysis
(`analyses`, such as the checker's `analyser.recover`; without it, the notes alone). When it
has none (a file gone or changed since it was checked) the notes are shown without the text. An HTML page
shows the text its view was made of, not its markup: evidence offsets point into the page source, so the
source outside the article's segments is left out and the entities inside them are shown decoded.
"""
from __future__ import annotations

import html as html_entities
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import networkx as nx

from ..analysis import Analysis
from ..checks import Rule, load_rules
from ..claims import to_networkx
from ..ingest.html import BLOCK_TAGS, HIDDEN_TAGS
from ..ingest.sources import HTML_SUFFIXES
from ..lexicon import load_lexicon
from ..models import SEVERITY_RANK, Article, FileReport, Finding, Report
from ..text import visible
from . import FLAGS
from .svg import SEVERITY_COLOURS, escape, finding_claims, to_svg
from .words import WORDS, count, report_language

SEVERITIES = sorted(SEVERITY_RANK, key=SEVERITY_RANK.__getitem__, reverse=True)  # worst first
SEVERITY_TINTS = {"error": "#fde2e2", "warning": "#fdebc4", "info": "#e8e8fb"}
UNDERLINES = {"error": "wavy", "warning": "solid", "info": "dotted"}  # told apart without colour too
INDEX = "index.html"
# Markup between two segments of a page that starts a new paragraph of its text.
_BLOCK = re.compile(rf"</?(?:{'|'.join(sorted(BLOCK_TAGS | HIDDEN_TAGS))})\b", re.IGNORECASE)
_SPACES = re.compile(r"\s+")

Piece = Callable[[str, int, int, bool], str]  # (text, start, end, inside a segment) -> escaped markup
Analyses = Callable[[FileReport], Analysis | None]  # a file's report -> its article's analysis, if any


def render(report: Report, rules: list[Rule] | None = None, report_lang: str | None = None,
           analyses: Analyses | None = None, **_) -> str:
    """One page. `rules`: the rules the report was checked with (default: the built-in ones), for the
    legend; `report_lang`: the language of the interface (default: the articles'); `analyses`: the
    analysis of each file's article (default: made again with the built-in lexicons)."""
    r = _Renderer(report, rules, report_lang, analyses)
    sections = "".join(r.section(i, f, r.analysed(f)) for i, f in r.ranked)
    return r.page(r.totals(), f"{r.summary(lambda i: f'#f{i}')}\n<main>\n{sections}</main>\n{r.legend()}\n")


def pages(report: Report, rules: list[Rule] | None = None, report_lang: str | None = None,
          analyses: Analyses | None = None, **_) -> dict[str, str]:
    """The report of a large batch as files of a folder: `index.html` (the summary, filters and rules
    legend) and `article-<n>.html` for each article with findings, linked to the previous and next one in
    the index's order, with its full claim graph beside it as `article-<n>-graph.svg`. Clean articles are
    named in the index only."""
    r = _Renderer(report, rules, report_lang, analyses)
    out = {INDEX: r.page(r.totals(), f"{r.summary(_page_name)}\n{r.legend()}\n")}
    for k, (i, f) in enumerate(r.ranked):
        nav = r.pager([n for n, _ in r.ranked[max(k - 1, 0):k]], [n for n, _ in r.ranked[k + 1:k + 2]])
        analysed = r.analysed(f)
        graph_file = f"article-{i}-graph.svg" if analysed else None
        section = r.section(i, f, analysed, rule_href=INDEX, graph_file=graph_file)
        out[_page_name(i)] = r.page(f"{f.path} · {r.words['title']}", f"{nav}\n<main>\n{section}</main>\n{nav}\n")
        if analysed and graph_file:
            out[graph_file] = r.full_graph(analysed[1], f.findings)
    return out


def _page_name(i: int) -> str:
    return f"article-{i}.html"


def _severity_order(f: FileReport) -> tuple:
    """Most errors first, then most warnings, then most infos, then by path."""
    return (*(-sum(x.severity == sev for x in f.findings) for sev in SEVERITIES), f.path)


def _is_page(path: str) -> bool:
    return Path(path).suffix.lower() in HTML_SUFFIXES


def _none(f: FileReport) -> Analysis | None:
    """No analysis to give: the renderer never reads or analyses an article itself."""
    return None


class _Renderer:
    """What every part of a report's pages needs: its words, its rules and the order of its files."""

    def __init__(self, report: Report, rules: list[Rule] | None, report_lang: str | None,
                 analyses: Analyses | None):
        self.report = report
        self.rules = load_rules() if rules is None else rules
        self.lang = report_language(report, report_lang)
        self.words = WORDS[self.lang]
        self.graph_names = {**self.words["kinds"], "title": self.words["graph_title"]}
        self.lex = load_lexicon(self.lang)
        self.analyses = analyses or _none
        self.ranked = sorted(((i, f) for i, f in enumerate(report.files, 1) if f.findings),
                             key=lambda x: _severity_order(x[1]))
        # each rule found gets a short key: the class of the elements it filters, and its checkbox's id
        self.keys = {rule: f"r{k}" for k, rule in enumerate(report.summary.by_rule, 1)}
        self.severity_of = {x.rule: x.severity for f in report.files for x in f.findings}

    def page(self, title: str, body: str) -> str:
        return (f'<!DOCTYPE html>\n<html lang="{self.lang}">\n<head>\n<meta charset="utf-8">\n'
                f'<meta name="generator" content="factcheck">\n'
                f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
                # Defence in depth: even markup that slipped through could neither run nor fetch anything.
                f'<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
                f'style-src \'unsafe-inline\'">\n'
                f"<title>{escape(title)}</title>\n<style>{self.css()}</style>\n</head>\n<body>\n{body}</body>\n</html>\n")

    def classes(self, findings) -> str:
        """The classes of an element the filters show only while one of these findings' rules is shown."""
        return " ".join(["fx", *sorted({self.keys[x.rule] for x in findings})])

    # --- the batch summary ----------------------------------------------------------------------

    def counts(self, by_severity: dict[str, int]) -> list[str]:
        return [count(self.words, by_severity[sev], sev) for sev in SEVERITIES if by_severity.get(sev)]

    def totals(self) -> str:
        s, w = self.report.summary, self.words
        text = w["checked"].format(files=count(w, s.files, "file"),
                                   counts=", ".join(self.counts(s.by_severity)) or w["no_findings"])
        return text + (", " + w["unreadable"].format(n=s.errors) if s.errors else "")

    def chips(self, by_severity: dict[str, int]) -> str:
        return " ".join(f'<span class="chip {sev}">{count(self.words, by_severity[sev], sev)}</span>'
                        for sev in SEVERITIES if by_severity.get(sev))

    def summary(self, link: Callable[[int], str]) -> str:
        """The totals, the filters and the files with findings (each linked by `link(i)`), the files that
        could not be read, and the clean files in one line."""
        w, files = self.words, self.report.files
        out = ['<header class="summary">', f"<h1>{escape(w['title'])}</h1>",
               f'<p class="totals">{escape(self.totals())}</p>']
        if self.ranked:
            out.append(self.filters())
            rows = "".join(f'<tr class="{self.classes(f.findings)}"><td><a href="{link(i)}">{escape(visible(f.path))}'
                           f"</a>" + (f'<br><span class="title">{escape(f.title)}</span>' if f.title else "")
                           + f"</td><td>{self.chips(Report.of([f]).summary.by_severity)}</td></tr>"
                           for i, f in self.ranked)
            out.append(f'<table class="files"><caption>{escape(w["files_with_findings"])}</caption>{rows}</table>')
        broken = "".join(f"<li><code>{escape(visible(f.path))}</code>: {escape(f.problem.said(FLAGS))}</li>"
                         for f in files if f.problem)
        if broken:
            out.append(f'<div class="broken"><h2>{escape(w["could_not_be_read"])}</h2><ul>{broken}</ul></div>')
        clean = ", ".join(f"<code>{escape(visible(f.path))}</code>" for f in files if not f.findings and not f.problem)
        if clean:
            out.append(f'<p class="clean"><b>{escape(w["clean"])}</b> {clean}</p>')
        out.append("</header>")
        return "\n".join(out)

    def filters(self) -> str:
        """Checkboxes, all ticked, that the style sheet reads (see `css`); the reset button ticks them all."""
        w, s = self.words, self.report.summary
        severities = "".join(f'<label class="chip {sev}"><input type="checkbox" id="show-{sev}" checked> '
                             f"{count(w, s.by_severity[sev], sev)}</label>"
                             for sev in SEVERITIES if s.by_severity.get(sev))
        rules = "".join(f'<label><input type="checkbox" id="show-{self.keys[rule]}" checked> '
                        f"<code>{escape(rule)}</code> {n}</label>" for rule, n in s.by_rule.items())
        return (f'<form class="filters" aria-label="{escape(w["filters"])}"><fieldset><legend>{escape(w["severity"])}'
                f"</legend>{severities}</fieldset><fieldset><legend>{escape(w['rule'])}</legend>{rules}</fieldset>"
                f'<button type="reset">{escape(w["show_all"])}</button></form>')

    def pager(self, previous: list[int], following: list[int]) -> str:
        w = self.words
        links = [f'<a href="{INDEX}">{escape(w["index"])}</a>']
        links += [f'<a href="{_page_name(i)}" rel="prev">← {escape(w["previous"])}</a>' for i in previous]
        links += [f'<a href="{_page_name(i)}" rel="next">{escape(w["next"])} →</a>' for i in following]
        return f'<nav class="pager">{" · ".join(links)}</nav>'

    # --- one article ----------------------------------------------------------------------------

    def section(self, i: int, f: FileReport, analysed: tuple[Article, nx.MultiDiGraph] | None,
                rule_href: str = "", graph_file: str | None = None) -> str:
        """Article `i` with `analysed`, its text and graph (None: the notes alone). Rule ids link into
        `rule_href`'s legend; the full graph is `graph_file`, or else folded into the section."""
        sid = f"f{i}"
        article, graph = analysed if analysed else (None, None)
        graphs = self.graphs(sid, graph, f.findings, graph_file) if graph else ""
        return (f'<section class="article {self.classes(f.findings)}" id="{sid}" aria-labelledby="{sid}-h">'
                f'<h2 id="{sid}-h"><code>{escape(visible(f.path))}</code></h2>{self.meta(f)}'
                f"{self.body(sid, f, article, rule_href)}{graphs}</section>\n")

    def analysed(self, f: FileReport) -> tuple[Article, nx.MultiDiGraph] | None:
        """The article and its claim graph as they were checked, or None if they cannot be shown."""
        analysis = self.analyses(f)
        return (analysis.article, to_networkx(analysis.claims)) if analysis else None

    def meta(self, f: FileReport) -> str:
        w = self.words
        if f.published:
            source = w["sources"].get(f.published_source or "") or w["source"].format(source=f.published_source)
            when = w["published"].format(
                date=f'<time datetime="{f.published.isoformat()}">{escape(self.lex.format_date(f.published))}</time>',
                source=escape(source))
        else:
            when = escape(w["no_date"])
        notes = "".join(f'<p class="file-note">{escape(n)}</p>' for n in f.notes)
        return f"<p class=\"meta\">{when} · {escape(w['language'])} <code>{escape(f.language or '?')}</code></p>{notes}"

    def body(self, sid: str, f: FileReport, article: Article | None, rule_href: str) -> str:
        if article is None:
            text = f'<p class="missing">{escape(self.words["missing"])}</p>'
        else:
            text = f'<div class="text" lang="{escape(article.lang)}">{self.marked_text(sid, article, f.findings)}</div>'
        notes = "".join(self.note(sid, n, x, article is not None, rule_href) for n, x in enumerate(f.findings, 1))
        return f'<div class="body">{text}<ol class="notes">{notes}</ol></div>'

    def note(self, sid: str, n: int, x: Finding, linked: bool, rule_href: str) -> str:
        w = self.words

        def where(j: int, e) -> str:
            pos = f"{e.line}:{e.column}"
            place = f'<a href="#{sid}-n{n}-e{j}">{pos}</a>' if linked else pos
            note = f' <span class="ev-note">({escape(e.note)})</span>' if e.note else ""
            return f"<li>{place} <q>{escape(e.text)}</q>{note}</li>"

        evidence = "".join(where(j, e) for j, e in enumerate(x.evidence, 1))
        why = f'<p class="why"><b>{escape(w["why"])}</b> {escape(x.reasoning)}</p>' if x.reasoning else ""
        fix = f'<p class="fix"><b>{escape(w["fix"])}</b> {escape(x.suggestion)}</p>' if x.suggestion else ""
        return (f'<li class="note {x.severity} {self.classes([x])}" id="{sid}-n{n}"><p class="head">'
                f'<span class="num">{n}</span> <span class="sev">{escape(w["counts"][x.severity][0])}</span></p>'
                f'<p class="msg">{escape(x.message)}</p>'
                f'<ul class="evidence">{evidence}</ul>{why}{fix}<p class="rule">{escape(w["rule_label"])} '
                f'<a href="{rule_href}#rule-{escape(x.rule)}">{escape(x.rule)}</a></p></li>')

    def graphs(self, sid: str, g: nx.MultiDiGraph, findings: tuple[Finding, ...], graph_file: str | None) -> str:
        """For each note, the claims it rests on; under them, a link to the whole graph in `graph_file`,
        or the whole graph folded (it is most of a page's weight)."""
        w = self.words
        figures = []
        for n, x in enumerate(findings, 1):
            part = finding_claims(g, [x])
            if len(part):
                figures.append(f'<figure class="claims {self.classes([x])}"><figcaption><a href="#{sid}-n{n}">'
                               f'{escape(w["note_graph"].format(n=n))}</a></figcaption>'
                               f"{to_svg(part, [x], legend=False, names=self.graph_names)}</figure>")
        claims = sum(1 for *_, d in g.edges(data=True) if d.get("claim"))
        label = escape(w["full_graph"].format(nodes=len(g), claims=claims))
        full = (f'<p class="full-graph"><a href="{graph_file}">{label}</a></p>' if graph_file else
                f'<details class="full-graph"><summary>{label}</summary><div class="scroll">'
                f"{self.full_graph(g, findings)}</div></details>")
        shown = (f'<p class="graph-h">{escape(w["graph"])}</p><div class="figures">{"".join(figures)}</div>'
                 if figures else "")
        return f'<div class="graph">{shown}{full}</div>'

    def full_graph(self, g: nx.MultiDiGraph, findings: tuple[Finding, ...]) -> str:
        return to_svg(g, findings, names=self.graph_names)

    # --- the marked-up text ---------------------------------------------------------------------

    def marked_text(self, sid: str, article: Article, findings: tuple[Finding, ...]) -> str:
        """The article's text with its segments and evidence marked. A page's text is its segments: the
        markup between them becomes a paragraph break or a space."""
        page = _is_page(article.path)
        titles = self.words["segments"]
        spans = [_Span(s.start, s.end, 0, f'<span class="seg {s.kind}" title="{escape(titles[s.kind])}">',
                       f'<span class="seg {s.kind}">', "</span>") if s.kind in titles else
                 _Span(s.start, s.end, 0, '<span class="seg">', '<span class="seg">', "</span>")
                 for s in article.segments if page or s.kind in titles]
        for n, x in enumerate(findings, 1):
            for j, e in enumerate(x.evidence, 1):
                tag = f'<mark class="hl {x.severity}"'
                spans.append(_Span(e.start, e.end, 1, f'{tag} id="{sid}-n{n}-e{j}" title="{escape(x.message)}">',
                                   f"{tag}>", "</mark>", self.refs(sid, n, j, x)))
        return _nest(article.text, spans, _page_piece if page else _text_piece)

    def refs(self, sid: str, n: int, j: int, x: Finding) -> str:
        """The note number after a highlight, and links to the finding's other spans (the other figure of
        a conflict), pointing up or down to where they are."""
        w = self.words
        others = "".join(
            f'<a class="pair" href="#{sid}-n{n}-e{k}" title="{escape(w["other_span"].format(n=n))}">'
            f'{"↓" if e.start > x.evidence[j - 1].start else "↑"}</a>'
            for k, e in enumerate(x.evidence, 1) if k != j)
        return (f'<sup class="ref {x.severity} {self.classes([x])}"><a href="#{sid}-n{n}" '
                f'title="{escape(w["note"].format(n=n))}">{n}</a>{others}</sup>')

    # --- the rules legend -----------------------------------------------------------------------

    def legend(self) -> str:
        """Every rule with its summary in the report's language; a finding of a rule not among them (such
        as factcheck's own notice of an unused suppression) still gets an entry to link to."""
        entries = [(r.id, r.severity, f"<dd>{escape(r.summary.get(self.lang))}</dd>") for r in self.rules]
        known = {r.id for r in self.rules}
        entries += [(rid, sev, "") for rid, sev in sorted(self.severity_of.items()) if rid not in known]
        items = "".join(f'<div id="rule-{escape(rid)}"><dt><code>{escape(rid)}</code> <span class="chip {sev}">'
                        f"{escape(self.words['counts'][sev][0])}</span></dt>{dd}</div>" for rid, sev, dd in entries)
        return f'<footer class="rules"><h2>{escape(self.words["rules"])}</h2><dl>{items}</dl></footer>'

    # --- style ----------------------------------------------------------------------------------

    def css(self) -> str:
        per_severity = "".join(
            f".hl.{s}{{background:{SEVERITY_TINTS[s]};text-decoration:underline {UNDERLINES[s]} {SEVERITY_COLOURS[s]};"
            f"text-decoration-thickness:2px;text-underline-offset:3px}}"
            f".chip.{s},.note.{s} .num{{background:{SEVERITY_COLOURS[s]};color:#fff}}"
            f".note.{s}{{border-left-color:{SEVERITY_COLOURS[s]}}}"
            f".note.{s} .sev,.ref.{s} a{{color:{SEVERITY_COLOURS[s]}}}"
            for s in SEVERITIES)
        # Where the page has filters, an element of the class `fx` shows only while the severity and the
        # rule of one of its findings are both ticked.
        shown = "".join(f"body:has(#show-{self.severity_of[rule]}:checked):has(#show-{key}:checked) .{key}"
                        f"{{display:revert}}" for rule, key in self.keys.items())
        filters = f"@supports selector(:has(*)){{body:has(.filters) .fx{{display:none}}{shown}}}"
        badge = f'.seg.related-link::before{{content:"{self.words["related_badge"]}"}}'
        return _CSS + per_severity + filters + badge


@dataclass(frozen=True)
class _Span:
    start: int
    end: int
    level: int  # 0 a segment, 1 a highlight; a highlight nests inside a segment
    open: str
    reopen: str  # the opening tag when a crossing span splits this one: the same, without the id
    close: str
    after: str = ""  # written once the span has ended, outside every highlight


def _text_piece(text: str, a: int, b: int, _: bool) -> str:
    return escape(text[a:b])


def _page_piece(text: str, a: int, b: int, in_segment: bool) -> str:
    """A piece of a page's source as its text reads: entities decoded and white space collapsed inside
    a segment; between segments, a paragraph break where block markup lies, else a space or nothing."""
    if in_segment:
        return escape(_SPACES.sub(" ", html_entities.unescape(text[a:b])))
    gap = text[a:b]
    if a == 0 or b == len(text):
        return ""
    return "\n\n" if _BLOCK.search(gap) else " " if _SPACES.search(gap) else ""


def _nest(text: str, spans: list[_Span], piece: Piece) -> str:
    """The text with spans as nested elements. Between each pair of boundaries the open elements are
    the spans covering that piece, outermost first; a span that crosses another's end is closed there
    and reopened, so the markup stays well-formed. A highlight's `after` waits until no highlight is
    open, so that every highlight's text is exactly its evidence."""
    order = sorted(range(len(spans)), key=lambda i: (spans[i].level, spans[i].start, -spans[i].end, i))
    cuts = sorted({0, len(text), *(s.start for s in spans), *(s.end for s in spans)})
    out: list[str] = []
    stack: list[int] = []
    opened: set[int] = set()
    pending: list[int] = []
    for a, b in itertools.pairwise(cuts):
        active = [i for i in order if spans[i].start <= a and b <= spans[i].end]
        keep = 0
        while keep < min(len(stack), len(active)) and stack[keep] == active[keep]:
            keep += 1
        _close(spans, stack, keep, a, out, pending)
        for i in active[keep:]:
            out.append(spans[i].reopen if i in opened else spans[i].open)
            opened.add(i)
            stack.append(i)
        out.append(piece(text, a, b, any(not spans[i].level for i in active)))
    _close(spans, stack, 0, len(text), out, pending)
    return "".join(out)


def _close(spans: list[_Span], stack: list[int], keep: int, at: int, out: list[str], pending: list[int]) -> None:
    while len(stack) > keep:
        i = stack.pop()
        out.append(spans[i].close)
        if spans[i].end == at and spans[i].after:
            pending.append(i)
    if not any(spans[i].level for i in stack):
        out.extend(spans[i].after for i in sorted(pending))  # in note order
        pending.clear()


_CSS = """
:root{color-scheme:light;--ink:#1f2937;--muted:#6b7280;--line:#e5e7eb}
*{box-sizing:border-box}
body{margin:0 auto;max-width:72rem;padding:1.5rem 2rem 3rem;font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,
"DejaVu Sans",sans-serif;color:var(--ink);background:#fff}
h1{font-size:1.6rem;margin:0 0 .25rem}
h2{font-size:1.3rem;line-height:1.3;margin:0 0 .3rem}
a{color:#1d4ed8}
code{font:.9em ui-monospace,"DejaVu Sans Mono",monospace}
.summary{border-bottom:1px solid var(--line);padding-bottom:1rem;margin-bottom:1.5rem}
.summary h2{font-size:1rem;margin:1rem 0 .3rem}
.totals{font-size:1.1rem;margin:0 0 .8rem}
.files{border-collapse:collapse;width:100%}
.files caption{text-align:left;font-weight:600;padding:.3rem 0}
.files td{border-top:1px solid var(--line);padding:.4rem .5rem .4rem 0;vertical-align:top}
.files td:last-child{text-align:right}
.files a,.article code,.broken code,.clean code{overflow-wrap:anywhere}
.title{color:var(--muted);font-size:.9em;unicode-bidi:isolate}
.by-rule ul,.broken ul{margin:0;padding-left:1.2rem}
.clean{color:var(--muted)}
.chip{display:inline-block;border-radius:999px;padding:0 .55em;font-size:.8rem;font-weight:600;white-space:nowrap}
.article{margin:0 0 2.5rem;padding-top:.5rem;border-top:3px solid var(--ink)}
.article h2,q,.msg,.why,.fix{unicode-bidi:isolate}
.meta{color:var(--muted);margin:0 0 .5rem;font-size:.9rem}
.file-note{margin:0 0 .5rem;font-size:.9rem;color:#92400e}
.missing{color:var(--muted);font-style:italic}
.body{display:flex;flex-direction:column;gap:1.5rem}
.notes{order:-1}
@media (min-width:60rem){.body{display:grid;grid-template-columns:minmax(0,42rem) 22rem;justify-content:space-between}
.notes{order:0;position:sticky;top:.5rem;max-height:calc(100vh - 1rem);overflow:auto;align-self:start}}
.text{white-space:pre-wrap;overflow-wrap:anywhere;unicode-bidi:isolate;font-family:Georgia,"DejaVu Serif",serif;
font-size:1.05rem;line-height:1.6}
.seg.headline{font:700 1.3rem/1.35 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif}
.seg.dateline,.seg.byline{color:var(--muted);font-size:.9em}
.seg.boilerplate,.seg.front-matter{color:#a1a1aa}
.seg.front-matter{font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-size:.85em}
.seg.related-link{background:#eef2ff;border-radius:3px;box-decoration-break:clone;-webkit-box-decoration-break:clone}
.seg.related-link::before{font:600 .65rem/1 system-ui,sans-serif;letter-spacing:.04em;
text-transform:uppercase;color:#4338ca;border:1px solid #a5b4fc;border-radius:3px;padding:.1em .3em;
margin:0 .4em 0 .1em;vertical-align:.15em}
mark.hl{color:inherit;border-radius:2px;unicode-bidi:isolate;scroll-margin-top:4rem}
.ref{font:700 .75rem/1 system-ui,sans-serif;margin-left:.1em;white-space:nowrap}
.ref a{text-decoration:none;padding:0 .1em}
:target{outline:3px solid #2563eb;outline-offset:2px}
.notes{list-style:none;margin:0;padding:0;font-size:.92rem}
.note{border-left:4px solid;padding:.5rem .75rem;margin:0 0 .8rem;background:#fafafa;border-radius:0 4px 4px 0;
scroll-margin-top:1rem;break-inside:avoid}
.note p{margin:.25rem 0}
.note .head{display:flex;gap:.5rem;align-items:center;margin-top:0}
.num{display:inline-grid;place-items:center;min-width:1.5rem;height:1.5rem;border-radius:999px;font-weight:700;
font-size:.8rem}
.note .sev{font-weight:600;text-transform:uppercase;font-size:.75rem;letter-spacing:.04em}
.note .rule{color:var(--muted);font-size:.8rem}.note .rule a{font:.8rem ui-monospace,"DejaVu Sans Mono",monospace}
.msg{font-weight:600}
.evidence{margin:.25rem 0;padding-left:1rem}
.ev-note,.why b,.fix b{color:var(--muted)}
.why b,.fix b{font-size:.75rem;text-transform:uppercase;letter-spacing:.04em;margin-right:.3em}
.graph{margin:1.5rem 0 0}
.graph-h{color:var(--muted);font-size:.9rem;margin:0 0 .4rem}
.figures{display:flex;flex-wrap:wrap;gap:.75rem;align-items:flex-start}
.claims{margin:0;border:1px solid var(--line);border-radius:4px;padding:.3rem;max-width:100%;break-inside:avoid}
.claims figcaption{font-size:.85rem;font-weight:600}
.claims svg{display:block;max-width:100%;height:auto}
.full-graph{margin-top:.75rem}.full-graph>summary{cursor:pointer;color:#1d4ed8}
.scroll{overflow-x:auto;border:1px solid var(--line);border-radius:4px;margin-top:.4rem}
.scroll svg{display:block}
.filters{display:flex;flex-wrap:wrap;gap:.3rem 1rem;align-items:center;margin:0 0 .8rem;font-size:.9rem}
.filters fieldset{border:0;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.3rem .6rem;align-items:center}
.filters legend{float:left;font-weight:600;margin-right:.2rem}
.filters label{white-space:nowrap;cursor:pointer}.filters label.chip{padding:.1em .6em .1em .3em}
.filters input{margin:0 .25em 0 0;vertical-align:-.1em}
.pager{display:flex;flex-wrap:wrap;gap:.5rem;margin:0 0 1rem;font-size:.95rem}
@supports not selector(:has(*)){.filters{display:none}}
.rules{border-top:1px solid var(--line);margin-top:2rem;padding-top:1rem;font-size:.92rem}
.rules dl{margin:0}.rules dt{margin-top:.6rem}.rules dd{margin:.1rem 0 0 1rem}
.rules div:target{outline-offset:4px}
@media (max-width:40rem){body{padding:1rem .85rem 2rem}h1{font-size:1.35rem}.text{font-size:1rem}}
@media print{body{max-width:none;padding:0}.notes{position:static;max-height:none;overflow:visible}
.scroll{overflow:visible;border:0}.scroll svg{max-width:100%;height:auto}.graph{break-inside:avoid}
.hl,.chip,.num,.seg.related-link{-webkit-print-color-adjust:exact;print-color-adjust:exact}
a{color:inherit}.filters,.pager,.full-graph{display:none}}
"""

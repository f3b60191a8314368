"""The report an editor opens in a browser: one self-contained HTML file (inline CSS and SVG, no
scripts, fonts or other requests), readable without JavaScript, printable and usable on a phone.

A batch summary comes first. Each article follows with its text marked up (evidence highlighted by
severity, numbered notes beside it, links both ways between highlights and notes and between the spans
of one finding), and its claim graph. A rules legend at the end is what the rule ids link to.

A Report carries findings but not the article text or graph, so each article is read again from its
path and analysed again. When that is impossible (standard input, a file gone or changed since it was
checked) the notes are shown without the text.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Optional

import networkx as nx

from ..checker import Checker
from ..checks import Rule, load_rules
from ..errors import FactcheckError
from ..ingest import article_from_text, read_article
from ..models import SEVERITY_RANK, Article, FileReport, Finding, Report
from .svg import SEVERITY_COLOURS, escape, to_svg

SEVERITIES = sorted(SEVERITY_RANK, key=SEVERITY_RANK.get, reverse=True)  # worst first
SEVERITY_TINTS = {"error": "#fde2e2", "warning": "#fdebc4", "info": "#e8e8fb"}
UNDERLINES = {"error": "wavy", "warning": "solid", "info": "dotted"}  # told apart without colour too
SEGMENT_TITLES = {"front-matter": "front matter", "headline": "headline", "dateline": "dateline",
                  "byline": "byline", "related-link": "related-link headline (checked)",
                  "boilerplate": "boilerplate (not checked)"}
DATE_SOURCES = {"option": "as given on the command line", "record": "from the corpus record"}


def render(report: Report, rules: Optional[list[Rule]] = None, **_) -> str:
    """`rules`: the rules the report was checked with (default: the built-in ones), for the legend."""
    rules = load_rules() if rules is None else rules
    checker = Checker(rules)
    sections = [_section(i, f, checker) for i, f in enumerate(report.files, 1) if not f.error]
    return (f'<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            # Defence in depth: even markup that slipped through could neither run nor fetch anything.
            f'<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'">\n'
            f"<title>factcheck report: {escape(_totals(report))}</title>\n<style>{_css()}</style>\n</head>\n<body>\n"
            f"{_summary(report)}\n<main>\n{''.join(sections)}</main>\n{_legend(report, rules)}\n</body>\n</html>\n")


# --- the batch summary --------------------------------------------------------------------------

def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _totals(report: Report) -> str:
    s = report.summary
    parts = [_plural(s.by_severity[sev], sev) for sev in SEVERITIES if s.by_severity.get(sev)]
    return (f"{_plural(s.files, 'file')} checked: {', '.join(parts) or 'no findings'}"
            + (f", {s.errors} could not be read" if s.errors else ""))


def _chips(counts: dict[str, int]) -> str:
    return " ".join(f'<span class="chip {sev}">{_plural(counts[sev], sev)}</span>'
                    for sev in SEVERITIES if counts.get(sev))


def _summary(report: Report) -> str:
    files = list(enumerate(report.files, 1))  # f<i> is the id of file i's section
    out = ['<header class="summary">', "<h1>factcheck report</h1>",
           f'<p class="totals">{escape(_totals(report))}</p>']
    rows = "".join(f'<tr><td><a href="#f{i}">{escape(f.path)}</a>'
                   + (f'<br><span class="title">{escape(f.title)}</span>' if f.title else "")
                   + f"</td><td>{_chips(Report.of([f]).summary.by_severity)}</td></tr>" for i, f in files if f.findings)
    if rows:
        out.append(f'<table class="files"><caption>Files with findings</caption>{rows}</table>')
        rules = "".join(f'<li><a href="#rule-{escape(r)}"><code>{escape(r)}</code></a> {n}</li>'
                        for r, n in report.summary.by_rule.items())
        out.append(f'<div class="by-rule"><h2>By rule</h2><ul>{rules}</ul></div>')
    broken = "".join(f"<li><code>{escape(f.path)}</code>: {escape(f.error.removeprefix(f'{f.path}: '))}</li>"
                     for _, f in files if f.error)
    if broken:
        out.append(f'<div class="broken"><h2>Could not be read</h2><ul>{broken}</ul></div>')
    clean = ", ".join(f'<a href="#f{i}">{escape(f.path)}</a>' for i, f in files if not f.findings and not f.error)
    if clean:
        out.append(f'<p class="clean"><b>No findings:</b> {clean}</p>')
    out.append("</header>")
    return "\n".join(out)


# --- one article --------------------------------------------------------------------------------

def _section(i: int, f: FileReport, checker: Checker) -> str:
    sid = f"f{i}"
    analysed = _reanalyse(f, checker)
    heading = f"<code>{escape(f.path)}</code>"
    body = _body(sid, f, analysed[0] if analysed else None)
    graph = _graph(analysed[1], f.findings) if analysed else ""
    if not f.findings:  # a clean article stays folded, so a large batch stays short
        return (f'<details class="article clean" id="{sid}"><summary><span class="h">{heading}</span> '
                f'<span class="none">no findings</span></summary>{_meta(f)}{body}{graph}</details>\n')
    return (f'<section class="article" id="{sid}" aria-labelledby="{sid}-h"><h2 id="{sid}-h">{heading}</h2>'
            f"{_meta(f)}{body}{graph}</section>\n")


def _reanalyse(f: FileReport, checker: Checker) -> Optional[tuple[Article, nx.MultiDiGraph]]:
    """The article and its claim graph as they were checked, or None if the file cannot show them."""
    try:
        if f.text is not None:  # standard input or an archive record, kept by the checker
            article = article_from_text(f.text, path=f.path, published=f.published, lang=f.language)
        elif Path(f.path).is_file():
            article = read_article(f.path, published=f.published, lang=f.language)
        else:
            return None
    except FactcheckError:
        return None
    if any(article.text[e.start:e.end] != e.text for x in f.findings for e in x.evidence):
        return None  # changed since it was checked: highlights would land on the wrong words
    return article, checker.analyse(article)[1]


def _meta(f: FileReport) -> str:
    if f.published:
        d = f.published
        source = DATE_SOURCES.get(f.published_source or "", f"from the {f.published_source}")
        when = (f'published <time datetime="{d.isoformat()}">{d:%A} {d.day} {d:%B %Y}</time> '
                f"({escape(source)})")
    else:
        when = "no publication date found"
    notes = "".join(f'<p class="file-note">{escape(n)}</p>' for n in f.notes)
    return f"<p class=\"meta\">{when} · language <code>{escape(f.language or '?')}</code></p>{notes}"


def _body(sid: str, f: FileReport, article: Optional[Article]) -> str:
    if article is None:
        text = ('<p class="missing">The text could not be read again from this path (standard input, or '
                "a file moved or changed since it was checked), so only the notes are shown.</p>")
    else:
        text = f'<div class="text" lang="{escape(article.lang)}">{_marked_text(sid, article, f.findings)}</div>'
    notes = "".join(_note(sid, n, x, linked=article is not None) for n, x in enumerate(f.findings, 1))
    return f'<div class="body">{text}' + (f'<ol class="notes">{notes}</ol>' if notes else "") + "</div>"


def _note(sid: str, n: int, x: Finding, linked: bool) -> str:
    def where(j: int, e) -> str:
        pos = f"{e.line}:{e.column}"
        place = f'<a href="#{sid}-n{n}-e{j}">{pos}</a>' if linked else pos
        note = f' <span class="ev-note">({escape(e.note)})</span>' if e.note else ""
        return f"<li>{place} <q>{escape(e.text)}</q>{note}</li>"

    evidence = "".join(where(j, e) for j, e in enumerate(x.evidence, 1))
    why = f'<p class="why"><b>why</b> {escape(x.reasoning)}</p>' if x.reasoning else ""
    fix = f'<p class="fix"><b>fix</b> {escape(x.suggestion)}</p>' if x.suggestion else ""
    return (f'<li class="note {x.severity}" id="{sid}-n{n}"><p class="head"><span class="num">{n}</span> '
            f'<span class="sev">{x.severity}</span></p><p class="msg">{escape(x.message)}</p>'
            f'<ul class="evidence">{evidence}</ul>{why}{fix}<p class="rule">rule '
            f'<a href="#rule-{escape(x.rule)}">{escape(x.rule)}</a></p></li>')


def _graph(g: nx.MultiDiGraph, findings: tuple[Finding, ...]) -> str:
    return ('<figure class="graph"><figcaption>What factcheck understood: the claims it read, drawn as a '
            "graph. Coloured edges are the claims a finding rests on. Pointing at a node or an edge shows "
            f'its full text.</figcaption><div class="scroll">{to_svg(g, findings)}</div></figure>')


# --- the marked-up text -------------------------------------------------------------------------

@dataclass(frozen=True)
class _Span:
    start: int
    end: int
    level: int  # 0 a segment, 1 a highlight; a highlight nests inside a segment
    open: str
    reopen: str  # the opening tag when a crossing span splits this one: the same, without the id
    close: str
    after: str = ""  # written once the span has ended, outside every highlight


def _marked_text(sid: str, article: Article, findings: tuple[Finding, ...]) -> str:
    spans = [_Span(s.start, s.end, 0, f'<span class="seg {s.kind}" title="{SEGMENT_TITLES[s.kind]}">',
                   f'<span class="seg {s.kind}">', "</span>")
             for s in article.segments if s.kind in SEGMENT_TITLES]
    for n, x in enumerate(findings, 1):
        for j, e in enumerate(x.evidence, 1):
            tag = f'<mark class="hl {x.severity}"'
            spans.append(_Span(e.start, e.end, 1, f'{tag} id="{sid}-n{n}-e{j}" title="{escape(x.message)}">',
                               f"{tag}>", "</mark>", _refs(sid, n, j, x)))
    return _nest(article.text, spans)


def _refs(sid: str, n: int, j: int, x: Finding) -> str:
    """The note number after a highlight, and links to the finding's other spans (the other figure of
    a conflict), pointing up or down to where they are."""
    others = "".join(
        f'<a class="pair" href="#{sid}-n{n}-e{k}" title="the other span of note {n}">'
        f'{"↓" if e.start > x.evidence[j - 1].start else "↑"}</a>'
        for k, e in enumerate(x.evidence, 1) if k != j)
    return f'<sup class="ref {x.severity}"><a href="#{sid}-n{n}" title="note {n}">{n}</a>{others}</sup>'


def _nest(text: str, spans: list[_Span]) -> str:
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
    for a, b in zip(cuts, cuts[1:]):
        active = [i for i in order if spans[i].start <= a and b <= spans[i].end]
        keep = 0
        while keep < min(len(stack), len(active)) and stack[keep] == active[keep]:
            keep += 1
        _close(spans, stack, keep, a, out, pending)
        for i in active[keep:]:
            out.append(spans[i].reopen if i in opened else spans[i].open)
            opened.add(i)
            stack.append(i)
        out.append(escape(text[a:b]))
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


# --- the rules legend ---------------------------------------------------------------------------

def _legend(report: Report, rules: list[Rule]) -> str:
    """Every rule with its summary in the articles' languages; a finding of a rule not among them (such
    as factcheck's own notice of an unused suppression) still gets an entry to link to."""
    langs = sorted({f.language for f in report.files if f.language in ("id", "en")}, reverse=True) or ["en"]  # id first
    entries = [(r.id, r.severity, "".join(f'<dd lang="{lang}">{escape(r.summary.get(lang))}</dd>' for lang in langs))
               for r in rules]
    known = {r.id for r in rules}
    extra = {x.rule: x.severity for f in report.files for x in f.findings if x.rule not in known}
    entries += [(rid, sev, "") for rid, sev in sorted(extra.items())]
    items = "".join(f'<div id="rule-{escape(rid)}"><dt><code>{escape(rid)}</code> <span class="chip {sev}">{sev}</span>'
                    f"</dt>{dd}</div>" for rid, sev, dd in entries)
    return f'<footer class="rules"><h2>Rules</h2><dl>{items}</dl></footer>'


# --- style --------------------------------------------------------------------------------------

def _css() -> str:
    per_severity = "".join(
        f".hl.{s}{{background:{SEVERITY_TINTS[s]};text-decoration:underline {UNDERLINES[s]} {SEVERITY_COLOURS[s]};"
        f"text-decoration-thickness:2px;text-underline-offset:3px}}"
        f".chip.{s},.note.{s} .num{{background:{SEVERITY_COLOURS[s]};color:#fff}}"
        f".note.{s}{{border-left-color:{SEVERITY_COLOURS[s]}}}.note.{s} .sev,.ref.{s} a{{color:{SEVERITY_COLOURS[s]}}}"
        for s in SEVERITIES)
    return _CSS + per_severity


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
.files a,.article code,.broken code,.clean a{overflow-wrap:anywhere}
.title{color:var(--muted);font-size:.9em;unicode-bidi:isolate}
.by-rule ul,.broken ul{margin:0;padding-left:1.2rem}
.clean{color:var(--muted)}
.chip{display:inline-block;border-radius:999px;padding:0 .55em;font-size:.8rem;font-weight:600;white-space:nowrap}
.article{margin:0 0 2.5rem;padding-top:.5rem;border-top:3px solid var(--ink)}
.article.clean{border-top:1px solid var(--line);margin-bottom:.5rem}
.article.clean>summary{cursor:pointer;padding:.4rem 0}
.article.clean .h{font-weight:600}
.none{color:var(--muted);font-size:.9em}
.article h2,.article .h,q,.msg,.why,.fix{unicode-bidi:isolate}
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
.seg.related-link::before{content:"related link";font:600 .65rem/1 system-ui,sans-serif;letter-spacing:.04em;
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
.graph figcaption{color:var(--muted);font-size:.9rem;margin-bottom:.4rem}
.scroll{overflow-x:auto;border:1px solid var(--line);border-radius:4px}
.scroll svg{display:block}
.rules{border-top:1px solid var(--line);margin-top:2rem;padding-top:1rem;font-size:.92rem}
.rules dl{margin:0}.rules dt{margin-top:.6rem}.rules dd{margin:.1rem 0 0 1rem}
.rules div:target{outline-offset:4px}
@media (max-width:40rem){body{padding:1rem .85rem 2rem}h1{font-size:1.35rem}.text{font-size:1rem}}
@media print{body{max-width:none;padding:0}.notes{position:static;max-height:none;overflow:visible}
.scroll{overflow:visible;border:0}.scroll svg{max-width:100%;height:auto}.graph{break-inside:avoid}
.hl,.chip,.num,.seg.related-link{-webkit-print-color-adjust:exact;print-color-adjust:exact}
a{color:inherit}details.article>summary{list-style:none}}
"""

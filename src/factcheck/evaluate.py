"""Scoring the checker on annotated corpora (JSON Lines; format in docs/evaluation.md), and the time
expressions it reads on TimeML gold (below).

A finding matches an expected item when the item lists its category and one of its evidence spans
overlaps an occurrence of one of the item's quotes. Findings overlapping a `neutral` quote count neither
way; every other finding (traps included) is a false positive.
precision = matched findings / counted findings; recall = matched items / expected items;
false-alarm rate = share of articles with no annotation at all that get any finding.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, Field

from .checker import Checker
from .errors import CheckCrash, ConfigError, InputError, stage
from .ingest import DEFAULT_MAX_SIZE, RecordFields
from .ingest.records import record_article, records
from .lexicon import validate
from .models import FileReport


class Passage(BaseModel):
    """An annotated passage: `quotes`, exact substrings of the text, and what counts as finding it."""
    quotes: list[str] = Field(min_length=1)
    categories: list[str] = []
    note: str | None = None


class Expected(Passage):
    categories: list[str] = Field(min_length=1)


class Annotations(BaseModel):
    """What a corpus record says the checker should find (`expected`), and what it may not (`traps`) or
    need not (`neutral`) flag; the record's other keys are its article."""
    expected: list[Expected] | None = None
    traps: list | None = None
    neutral: list[Passage] | None = None


@dataclass
class Tally:
    findings: int = 0
    matched_findings: int = 0
    expected: int = 0
    matched_expected: int = 0
    clean: int = 0
    clean_flagged: int = 0
    articles: int = 0

    def add(self, other: Tally) -> None:
        for k in self.__dataclass_fields__:
            setattr(self, k, getattr(self, k) + getattr(other, k))

    @property
    def precision(self) -> float | None:
        return self.matched_findings / self.findings if self.findings else None

    @property
    def recall(self) -> float | None:
        return self.matched_expected / self.expected if self.expected else None

    @property
    def false_alarm(self) -> float | None:
        return self.clean_flagged / self.clean if self.clean else None


@dataclass
class FileScore:
    path: str
    total: Tally = field(default_factory=Tally)
    by_category: dict[str, Tally] = field(default_factory=dict)
    by_rule: dict[str, list[int]] = field(default_factory=dict)  # rule -> [findings, matched]
    false_positives: list[str] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # articles the checker failed on

    def category(self, name: str) -> Tally:
        return self.by_category.setdefault(name, Tally())


def _occurrences(text: str, quote: str) -> list[tuple[int, int]]:
    out, i = [], text.find(quote)
    while quote and i >= 0:
        out.append((i, i + len(quote)))
        i = text.find(quote, i + 1)
    return out


def _overlaps(spans, evidence) -> bool:
    return any(a < e.end and e.start < b for a, b in spans for e in evidence)


def _annotations(record: object, where: str) -> Annotations:
    try:
        return validate(Annotations, record, where)
    except ConfigError as exc:
        raise ConfigError(f"{exc}; docs/evaluation.md describes the annotation format") from None


def score_file(path: Path, checker: Checker) -> FileScore:
    score = FileScore(str(path))
    fields = RecordFields()
    for line, rec, problem in records(path, DEFAULT_MAX_SIZE):
        if problem:
            raise problem.error(f"{path}:{line}" if line else str(path))
        notes = _annotations(rec, f"{path}:{line}")
        assert isinstance(rec, dict)  # _annotations read it as a JSON object
        rid = rec.get("id") or f"{path.name}:{line}"
        article = record_article(rid, rec, fields)
        text = article.text
        try:
            report = checker.check_article(article)
        except CheckCrash as exc:  # scored as an article with no findings, and listed
            score.errors.append(f"{rid}  {exc}")
            report = FileReport(path=rid)
        expected = notes.expected or []
        neutral = [s for item in notes.neutral or [] for q in item.quotes for s in _occurrences(text, q)]
        quotes = [[s for q in item.quotes for s in _occurrences(text, q)] for item in expected]
        hit = [False] * len(expected)
        tally = Tally(articles=1, expected=len(expected))
        is_clean = not (expected or notes.traps or notes.neutral)
        counted = 0
        for f in report.findings:
            if _overlaps(neutral, f.evidence):
                continue
            counted += 1
            rule = score.by_rule.setdefault(f.rule, [0, 0])
            rule[0] += 1
            cat = score.category(f.category)
            cat.findings += 1
            matched = [i for i, item in enumerate(expected)
                       if f.category in item.categories and _overlaps(quotes[i], f.evidence)]
            if matched:
                rule[1] += 1
                cat.matched_findings += 1
                tally.matched_findings += 1
                for i in matched:
                    hit[i] = True
            else:
                score.false_positives.append(f"{rid}  {f.rule}  \"{f.evidence[0].text}\"  {f.message}")
        tally.findings = counted
        tally.matched_expected = sum(hit)
        if is_clean:
            tally.clean = 1
            tally.clean_flagged = int(counted > 0)
        for i, item in enumerate(expected):
            cat = score.category(item.categories[0])
            cat.expected += 1
            cat.matched_expected += int(hit[i])
            if not hit[i]:
                score.misses.append(f"{rid}  {'/'.join(item.categories)}  {item.quotes[0]!r}  {item.note or ''}")
        score.total.add(tally)
    return score


def _pct(v: float | None) -> str:
    return "   -  " if v is None else f"{v:6.3f}"


def _rule_rows(by_rule: dict[str, list[int]]) -> list[str]:
    return [f"    {rule:<40} {n:>4} findings, {ok:>4} right, precision {ok / n:.3f}"
            for rule, (n, ok) in sorted(by_rule.items())]


def format_scores(scores: list[FileScore], show: bool = False) -> str:
    rows = [f"{'file':<24} {'articles':>8} {'findings':>8} {'precision':>9} {'recall':>8} {'false-alarm':>11}"]

    def row(name: str, t: Tally) -> str:
        fa = f"{_pct(t.false_alarm)} ({t.clean_flagged}/{t.clean})" if t.clean else "   -"
        articles = t.articles or ""  # category rows count findings, not articles
        return (f"{name:<24} {articles:>8} {t.findings:>8} {_pct(t.precision):>9} {_pct(t.recall):>8} "
                f"{fa:>11}  matched {t.matched_findings}/{t.findings} findings, "
                f"{t.matched_expected}/{t.expected} expected")

    total = Tally()
    for s in scores:
        rows.append(row(Path(s.path).name, s.total))
        for cat, t in sorted(s.by_category.items()):
            rows.append(row(f"  {cat}", t))
        rows.extend(_rule_rows(s.by_rule))
        total.add(s.total)
    if len(scores) > 1:
        rows.append(row("TOTAL", total))
        by_rule: dict[str, list[int]] = {}
        for s in scores:
            for rule, (n, ok) in s.by_rule.items():
                counts = by_rule.setdefault(rule, [0, 0])
                counts[0] += n
                counts[1] += ok
        rows.extend(_rule_rows(by_rule))
    for s in scores:  # always shown: a crash is a bug whatever the figures say
        rows.extend(f"  ERROR  {x}" for x in s.errors)
    if show:
        for s in scores:
            rows.append(f"\n== {Path(s.path).name}: {len(s.false_positives)} false positives")
            rows.extend(f"  FP  {x}" for x in s.false_positives)
            rows.append(f"== {Path(s.path).name}: {len(s.misses)} misses")
            rows.extend(f"  MISS  {x}" for x in s.misses)
    return "\n".join(rows) + "\n"


def total(scores: list[FileScore]) -> Tally:
    t = Tally()
    for s in scores:
        t.add(s.total)
    return t


# TimeML gold (a folder of .tml files, or .tml files): the time expressions `find_times` reads against
# the TIMEX3 of each document's TEXT, with its DCT as the publication date, scored as TempEval-3 does.
# A found and a gold expression match *relaxed* when their spans overlap (each matched once) and
# *strict* when the spans are equal; *value* counts the relaxed matches whose TimeML values agree.
# precision = matches / found, recall = matches / gold. The row of a type counts a match when both
# expressions have that type; the row of all types counts every match, whatever the types.
TIMEX_TYPES = ("DATE", "TIME", "DURATION", "SET")
ALL_TYPES = "all types"


@dataclass
class TimexTally:
    """Gold and found expressions, and the pairs that match strict, relaxed and with the same value."""
    gold: int = 0
    found: int = 0
    strict: int = 0
    relaxed: int = 0
    value: int = 0

    def add(self, other: TimexTally) -> None:
        for k in self.__dataclass_fields__:
            setattr(self, k, getattr(self, k) + getattr(other, k))

    def scores(self, matches: int) -> tuple[float | None, float | None, float | None]:
        """Precision, recall and F1 of this many matches."""
        p = matches / self.found if self.found else None
        r = matches / self.gold if self.gold else None
        f = 2 * matches / (self.found + self.gold) if self.found + self.gold else None
        return p, r, f

    def f1(self, kind: str) -> float | None:
        """F1 of the `kind` of match: "strict", "relaxed" or "value"."""
        return self.scores(getattr(self, kind))[2]


@dataclass
class TimexScore:
    """The scores of the TimeML documents of one argument, per type and for all types, and what --show lists."""
    path: str
    documents: int = 0
    by_type: dict[str, TimexTally] = field(default_factory=lambda: {t: TimexTally() for t in (*TIMEX_TYPES, ALL_TYPES)})
    misses: list[str] = field(default_factory=list)
    false_detections: list[str] = field(default_factory=list)
    wrong_values: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def add(self, other: TimexScore) -> None:
        self.documents += other.documents
        for t, tally in other.by_type.items():
            self.by_type[t].add(tally)


def timeml_files(path: Path) -> list[Path]:
    """The .tml files a path names: itself, or those in the folder (searched recursively)."""
    from .timeml import TIMEML_SUFFIXES

    if path.is_dir():
        found = sorted(p for p in path.rglob("*") if p.suffix.lower() in TIMEML_SUFFIXES and p.is_file())
        if not found:
            raise InputError(str(path), "a folder without TimeML files (.tml)", code="input.no-articles",
                             hint="name the folder that holds them, or annotated JSON Lines corpora")
        return found
    return [path]


def is_timeml(path: Path) -> bool:
    from .timeml import TIMEML_SUFFIXES

    return path.is_dir() or path.suffix.lower() in TIMEML_SUFFIXES


def score_timeml(path: Path, lang: str | None = None) -> TimexScore:
    """The time expressions of the TimeML documents at `path` (a .tml file or a folder of them) scored
    against their TIMEX3; `lang` is the documents' language, detected when not given."""
    from .timeml import read_timeml
    from .timex import find_times

    score = TimexScore(str(path))
    for file in timeml_files(path):
        doc = read_timeml(file, DEFAULT_MAX_SIZE)
        score.documents += 1
        try:
            with stage("reading time expressions"):
                found = find_times(doc.text, published=doc.dct, lang=lang)
        except CheckCrash as exc:  # scored as a document with nothing found, and listed
            score.errors.append(f"{doc.name}  {exc}")
            found = []
        _score_document(score, doc, found)
    return score


# Two notations of one value in TimeML gold: a decade or century with its unwritten year digits as X
# (`199X` is `199`, the 1990s; `19XX` is `19`) and a week number without its leading zero (`W7` is `W07`).
_DECADE_XS = re.compile(r"^(\d{2,3})X+$")
_SHORT_WEEK = re.compile(r"-W(\d)(?!\d)")


def same_value(gold: str | None, found: str | None) -> bool:
    """Whether two TimeML values mean the same, written in either notation; nothing else is forgiven."""
    return gold == found or (gold is not None and found is not None and _notation(gold) == _notation(found))


def _notation(value: str) -> str:
    value = _SHORT_WEEK.sub(r"-W0\1", value)
    decade = _DECADE_XS.match(value)
    return decade[1] if decade and len(value) == 4 else value


def _score_document(score: TimexScore, doc, found: list) -> None:
    gold = list(doc.timexes)
    pairs, taken, j = [], [False] * len(found), 0
    for g in gold:  # both in order, neither overlapping itself: the first free overlap is the best match
        while j < len(found) and (taken[j] or found[j].end <= g.start):
            j += 1
        if j < len(found) and found[j].start < g.end:
            taken[j] = True
            pairs.append((g, found[j]))
    paired = {id(g) for g, _ in pairs}
    for t in (*TIMEX_TYPES, ALL_TYPES):
        tally = score.by_type[t]
        mine = [(g, s) for g, s in pairs if t == ALL_TYPES or g.type == s.type == t]
        tally.gold += sum(1 for g in gold if t in (ALL_TYPES, g.type))
        tally.found += sum(1 for s in found if t in (ALL_TYPES, s.type))
        tally.relaxed += len(mine)
        tally.strict += sum(1 for g, s in mine if (g.start, g.end) == (s.start, s.end))
        tally.value += sum(1 for g, s in mine if same_value(g.value, s.value))

    def shown(x) -> str:
        return f"{x.type} {x.value}  \"{' '.join(doc.text[x.start:x.end].split())}\""

    score.misses.extend(f"{doc.name}  {shown(g)}" for g in gold if id(g) not in paired)
    score.false_detections.extend(f"{doc.name}  {shown(s)}" for i, s in enumerate(found) if not taken[i])
    score.wrong_values.extend(f"{doc.name}  gold {shown(g)}  found {shown(s)}" for g, s in pairs
                              if not same_value(g.value, s.value))


def timex_total(scores: list[TimexScore]) -> TimexScore:
    whole = TimexScore("TOTAL")
    for s in scores:
        whole.add(s)
    return whole


def format_timex_scores(scores: list[TimexScore], show: bool = False) -> str:
    prf = "     P      R     F1"
    rows = [f"{'':<44}{'strict':<22}{'relaxed':<22}value",
            f"{'TimeML':<24} {'docs':>5} {'gold':>5} {'found':>6}{prf}  {prf}  {prf}"]

    def row(name: str, docs, t: TimexTally) -> str:
        cells = "  ".join(" ".join(_pct(x) for x in t.scores(getattr(t, kind)))
                          for kind in ("strict", "relaxed", "value"))
        return f"{name:<24} {docs:>5} {t.gold:>5} {t.found:>6} {cells}"

    def block(name: str, s: TimexScore) -> None:
        rows.append(row(name, s.documents, s.by_type[ALL_TYPES]))
        rows.extend(row(f"  {t}", "", s.by_type[t]) for t in TIMEX_TYPES)

    for s in scores:
        block(Path(s.path).name, s)
    if len(scores) > 1:
        block("TOTAL", timex_total(scores))
    for s in scores:
        rows.extend(f"  ERROR  {x}" for x in s.errors)
    if show:
        for s in scores:
            name = Path(s.path).name
            rows.append(f"\n== {name}: {len(s.misses)} misses")
            rows.extend(f"  MISS  {x}" for x in s.misses)
            rows.append(f"== {name}: {len(s.false_detections)} false detections")
            rows.extend(f"  FALSE  {x}" for x in s.false_detections)
            rows.append(f"== {name}: {len(s.wrong_values)} wrong values")
            rows.extend(f"  VALUE  {x}" for x in s.wrong_values)
    return "\n".join(rows) + "\n"


__all__ = [
    "ALL_TYPES",
    "TIMEX_TYPES",
    "FileScore",
    "Tally",
    "TimexScore",
    "TimexTally",
    "format_scores",
    "format_timex_scores",
    "is_timeml",
    "score_file",
    "score_timeml",
    "timeml_files",
    "timex_total",
    "total",
]

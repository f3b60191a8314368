"""Scoring the checker on annotated corpora (JSON Lines; format in docs/evaluation.md).

A finding matches an expected item when the item lists its category and one of its evidence spans
overlaps an occurrence of one of the item's quotes. Findings overlapping a `neutral` quote count neither
way; every other finding (traps included) is a false positive.
precision = matched findings / counted findings; recall = matched items / expected items;
false-alarm rate = share of articles with no annotation at all that get any finding.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from pydantic import BaseModel, Field

from .checker import Checker
from .errors import CheckCrash, ConfigError, InputError
from .ingest import DEFAULT_MAX_SIZE, RecordFields
from .ingest.records import record_article, records
from .lexicon import validate
from .models import FileReport


class Passage(BaseModel):
    """An annotated passage: `quotes`, exact substrings of the text, and what counts as finding it."""
    quotes: list[str] = Field(min_length=1)
    categories: list[str] = []
    note: Optional[str] = None


class Expected(Passage):
    categories: list[str] = Field(min_length=1)


class Annotations(BaseModel):
    """What a corpus record says the checker should find (`expected`), and what it may not (`traps`) or
    need not (`neutral`) flag; the record's other keys are its article."""
    expected: Optional[list[Expected]] = None
    traps: Optional[list] = None
    neutral: Optional[list[Passage]] = None


@dataclass
class Tally:
    findings: int = 0
    matched_findings: int = 0
    expected: int = 0
    matched_expected: int = 0
    clean: int = 0
    clean_flagged: int = 0
    articles: int = 0

    def add(self, other: "Tally") -> None:
        for k in self.__dataclass_fields__:
            setattr(self, k, getattr(self, k) + getattr(other, k))

    @property
    def precision(self) -> Optional[float]:
        return self.matched_findings / self.findings if self.findings else None

    @property
    def recall(self) -> Optional[float]:
        return self.matched_expected / self.expected if self.expected else None

    @property
    def false_alarm(self) -> Optional[float]:
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
            raise InputError(f"{path}:{line}: {problem}" if line else f"{path}: {problem}")
        notes = _annotations(rec, f"{path}:{line}")
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
            matched = [i for i, item in enumerate(expected) if f.category in item.categories and _overlaps(quotes[i], f.evidence)]
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


def _pct(v: Optional[float]) -> str:
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
                f"{fa:>11}  matched {t.matched_findings}/{t.findings} findings, {t.matched_expected}/{t.expected} expected")

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


__all__ = ["score_file", "format_scores", "total", "FileScore", "Tally"]

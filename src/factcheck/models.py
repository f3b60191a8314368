"""The pydantic models at the boundaries of the pipeline, and the plain classes of what extraction finds
by the hundred per article (Span, Entity, Cue, Marker: slotted dataclasses, made in half the time).

    source --ingest--> Article --extract--> Mentions --graph--> claim graph --checks--> Finding --> Report

Every span is a pair of character offsets into `Article.text`, the file's text as read (front matter
included), and `text[start:end] == span.text` holds everywhere.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, computed_field, model_validator

SegmentKind = Literal["front-matter", "headline", "dateline", "byline", "body", "related-link", "boilerplate"]
Severity = Literal["error", "warning", "info"]
Category = Literal["temporal", "quantity", "entity", "meta"]  # meta: about factcheck itself (suppressions)
Modality = Literal["planned", "past", "reported", "conditional", "superseded", "unknown"]
Grain = Literal["day", "week", "month", "quarter", "season", "half", "year", "decade", "century"]
MarkerGroup = Literal["once", "order", "change"]

SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}

_SURROGATE = re.compile("[\ud800-\udfff]")


def without_surrogates(text: str) -> str:
    """`text` with each lone surrogate (a JSON `"\\ud800"`, a file name's byte that is not UTF-8) made
    U+FFFD, one character for one, so that offsets still hold and every report can encode it."""
    try:
        text.encode()  # at C speed, where the pattern costs 2 ns a character: almost no text has one
    except UnicodeEncodeError:
        return _SURROGATE.sub("\ufffd", text)
    return text


# A text read from an article, a record or a file name: without lone surrogates.
Text = Annotated[str, AfterValidator(without_surrogates)]


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the article: character offsets [start, end) into `Article.text`, and the text there."""

    start: int
    end: int
    text: str


class Segment(_Model):
    """A part of the article by role (headline, dateline, body, related link, boilerplate...)."""

    start: int
    end: int
    kind: SegmentKind


class Article(_Model):
    """One article as read: its text, where it came from, and what ingest learned about it."""

    path: Text = "<text>"
    text: Text
    published: dt.date | None = None
    published_source: str | None = None  # "dateline", "front matter", "option", "record"...
    lang: str = "id"
    lang_source: str = "detected"
    title: Text | None = None
    segments: tuple[Segment, ...] = ()
    disabled: tuple[str, ...] = ()  # rules the article's front matter turns off (factcheck: {disable: [...]})


class TimeExpr(_Model):
    """A time expression read as an interval of days [lo, hi].

    `invalid` says why a date cannot exist ("month", "day", "leap" or "year"), or "slash" for one written
    without the slash before its year ("18/102025"); lo/hi are then None.
    `year_source` says how the year was found: "stated", "publication" (a year-less date close to the
    publication date), "weekday" (a year-less date placed in the year where its weekday fits),
    "article" (the same day and month given with a year elsewhere), "relative" (counted from the
    publication date: `kemarin`, a bare weekday or month placed nearest it) or "anchor" (counted from
    the time written before it: `sebulan kemudian`, `a year earlier`) or "bare" (a year written without
    a preposition, `the 2010 target`, which may name a thing rather than date the clause).
    `type` and `timeml` are its TimeML type and value (`2021-12-05`, `2021-Q1`, `197`, `PRESENT_REF`,
    `2021-12-05TMO`, `XXXX-12`); a time with no interval of days (`kini`, `pukul 19.00`) has lo/hi None.
    """

    span: Span
    lo: dt.date | None = None
    hi: dt.date | None = None
    grain: Grain = "day"
    mod: str | None = None  # start, mid, end, first-half, second-half, q1..q4
    weekday: int | None = None  # the weekday the text states, Monday = 0
    weekday_span: Span | None = None
    year_source: str = "stated"
    relative: bool = False
    invalid: str | None = None
    # The expression's own parts, used to phrase a repair: day, month, year as written.
    day: int | None = None
    month: int | None = None
    year: int | None = None
    day_span: Span | None = None
    month_span: Span | None = None
    year_span: Span | None = None
    type: Literal["DATE", "TIME", "SET"] = "DATE"
    timeml: str | None = None


class Quantity(_Model):
    """A figure of a counted thing, as the interval of values its wording allows."""

    span: Span
    value: float
    lo: float
    hi: float
    measure: str
    hedge: str | None = None
    number_span: Span
    # The rounding the figure's own digits allow: 175.000 is given to the thousand, 1,5 juta to 100.000.
    precision: float = 0.0
    generic: bool = False  # the counted noun is not in the lexicon (compared only within a restatement)
    written_range: tuple[float, float] | None = None  # a range's two figures as written ("50 hingga 30")
    # its two figures joined by a word for "to" (`hingga`, `to`), as a change's start and end may be too: a dash
    # joins only a range of values ("turun dari 30-40 ribu" fell from that level)
    range_to: bool = False
    last_digit: float = 1.0  # the place of the last digit written: 100.000 to the unit, 1,5 juta to 100.000
    whole: Span | None = None  # what a percentage is a share of, named right after it: "warga", "of the market"


@dataclass(frozen=True, slots=True)
class Entity:
    """A name in the text: a person, place or organisation, with its canonical form."""

    span: Span
    name: str  # canonical name
    kind: str = "name"
    known: bool = False  # from the gazetteer


@dataclass(frozen=True, slots=True)
class Cue:
    """A word that says how a time is meant: planned (`akan`, `will`), past, reported (`kata`, `said`)..."""

    span: Span
    modality: Modality


@dataclass(frozen=True, slots=True)
class Marker:
    """A lexicon word that marks a relation between mentions: an event that happens once (`lahir`),
    an order word (`sebelum`), a change (`naik`)."""

    span: Span
    group: MarkerGroup
    key: str  # birth|founding|death, before|after, up|down


class Duration(_Model):
    """A stated length of time, read as an interval of `unit`s.

    `form` says what it measures: "ago" (`tiga tahun lalu`: from then to publication), "length"
    (`selama dua tahun`), "anniversary" (`the 10th anniversary of the 2012 attack`) or "age"
    (`Biden (79)`, `berusia 79 tahun`); "timex" is a length read only for TimeML (`tiga tahun`,
    `the past two weeks`, `24 jam`, `sepekan lalu`), which the rules do not read.
    `type` and `timeml` are its TimeML type and value: DURATION `P3Y`, `PT24H`, `PXM` (a count not
    given), or DATE for a length back from publication (`three years ago`: `2018` in an article of
    2021); `timeml` is None for what TimeML does not tag (an age, an anniversary). `timeml_span` is
    the part TimeML tags when it is less than `span` (`dua tahun` of `selama dua tahun`).
    """

    span: Span
    value: float  # for a count not given (`beberapa bulan`, `years`), the least it can be
    lo: float
    hi: float
    unit: Literal["second", "minute", "hour", "day", "week", "month", "quarter", "year", "decade", "century"] = "year"
    form: Literal["ago", "length", "anniversary", "age", "timex"]
    hedge: str | None = None
    at_event: bool = False  # an age at an event ("pada usia 77 tahun"), not on the publication date
    origin: Span | None = None  # the year an anniversary counts from
    origin_year: int | None = None
    type: Literal["DATE", "DURATION"] = "DURATION"
    timeml: str | None = None
    timeml_span: Span | None = None


class Title(_Model):
    """A role written before a name: `Presiden Rusia Vladimir Putin`, `Prime Minister Boris Johnson`."""

    span: Span  # the role through the name
    role: str  # canonical role from the lexicon
    jurisdiction: str | None = None  # a gazetteer name between role and name (canonical)
    name: str  # the person, canonical when the gazetteer knows the name
    name_span: Span


class Change(_Model):
    """A change stated with its endpoints: `naik 20 persen dari 100 menjadi 150`, `to 56 percent from 39`."""

    cue: Span
    direction: int  # +1 up, -1 down
    start: Quantity
    end: Quantity
    amount: Quantity | None = None  # "20 persen", "by 5,000"
    fraction: float | None = None  # "by half": 0.5
    fraction_span: Span | None = None


class Breakdown(_Model):
    """A total followed by its parts: `10 korban: 6 tewas dan 4 luka-luka`, `three people: A and B`."""

    total: Quantity
    opener: Span
    exhaustive: bool  # the parts are the whole total ("yakni", ":"), not some of it ("di antaranya")
    parts: tuple[Quantity, ...] = ()
    items: tuple[Span, ...] = ()  # named items, when the parts are names


class Shares(_Model):
    """Percentages of one whole given to several names: `Jones 80 persen suara dan Moore 40 persen`."""

    shares: tuple[Quantity, ...]
    whole: Span  # what they are shares of ("suara", "of the vote")


class Ratio(_Model):
    """A part of a whole with its share: `194,4 juta dari 285,1 juta (68,2 persen)`."""

    part: Quantity
    whole: Quantity
    share: Quantity


class Evidence(_Model):
    """A passage a finding rests on: offsets into the file's text as read (front matter included; for an
    archive record, into its text), line and column from 1, the exact text, and an optional note (a figure
    that comes from a related-link headline)."""

    start: int
    end: int
    line: int
    column: int
    text: str
    note: str | None = None


class Finding(_Model):
    """One inconsistency: the rule that found it, what is wrong (`message`), why (`reasoning`), what to do
    (`suggestion`), and the evidence, first the passage to fix."""

    rule: str
    category: Category
    severity: Severity
    message: str
    suggestion: str | None = None
    reasoning: str | None = None
    evidence: tuple[Evidence, ...]
    in_quote: bool = False
    fingerprint: str = ""  # rule + normalised evidence text: stable across edits elsewhere in the file
    # Texts that would repair the first evidence span as the suggestion says, best first (none inside a
    # direct quote): what SARIF fixes and editor quick fixes apply.
    replacements: tuple[str, ...] = ()

    @property
    def position(self) -> tuple[int, int]:
        """The offsets of the first evidence, by which findings are ordered."""
        return (self.evidence[0].start, self.evidence[0].end) if self.evidence else (0, 0)


class SourceRef(_Model):
    """Where an article comes from: its file (`<stdin>`, `<text>` for what has none) and, for a record of an
    archive export, the record's id and the line of the export it starts on."""

    file: Text
    record: Text | None = None
    line: int | None = None

    @property
    def name(self) -> str:
        """How reports name it: FILE#ID for a record with an id, FILE:LINE for one without, else FILE."""
        if self.record is not None:
            return f"{self.file}#{self.record}"
        return f"{self.file}:{self.line}" if self.line else self.file


def name_setting(text: str, option: str, names: Mapping[str, str]) -> str:
    """`text`, which says `the <option> setting` in neutral words, with the setting named as `names` says
    (a setting to the words a front end uses for it: {"max_size": "--max-size"})."""
    return text.replace(f"the {option} setting", names[option]) if option in names else text


# Problems not named after their source: a crash is factcheck's own failure, not the article's, a
# configuration error names its own file, and a problem read back from a JSON report is only its text.
_UNNAMED = {"check.crash", "config.invalid", "report.error"}


class Problem(_Model):
    """What kept an article from being checked: a `code` to act on ("input.too-large", "input.encoding",
    "input.bad-record", "check.crash"...), what is wrong (`message`), where (`source`), and what to do
    (`hint`). A message or hint that mentions a setting says `the <option> setting` in neutral words; a
    front end names it its own way (the CLI by its flag) through `text(names)`."""

    code: str
    message: Text
    source: SourceRef
    hint: str | None = None
    option: str | None = None  # the setting the message or hint mentions: "max_size", "published"...

    def text(self, names: Mapping[str, str] | None = None) -> str:
        """The problem in one line, as reports print it, the setting named as `names` says (a setting to
        the words a front end uses for it: {"max_size": "--max-size"}), else in neutral words."""
        said = self.said(names)
        return said if self.code in _UNNAMED else f"{self.source.name}: {said}"

    def said(self, names: Mapping[str, str] | None = None) -> str:
        """What is wrong and what to do, without the source's name (see `text`)."""
        named = self.named(names) if names else self
        if not named.hint:
            return named.message
        return f"{named.message}{'. ' if self.code == 'check.crash' else '; '}{named.hint}"

    def named(self, names: Mapping[str, str]) -> Problem:
        """The problem with its setting named as `names` says (a setting to a front end's words for it)."""
        option = self.option
        if option is None or option not in names:
            return self
        return self.model_copy(update={"message": name_setting(self.message, option, names),
                                       "hint": self.hint and name_setting(self.hint, option, names)})


class FileReport(_Model):
    """The result for one file or archive record: what was read (language, publication date and where it
    came from, title), the findings, notes from reading it, or the problem that kept it from being checked
    (printed as `error`)."""

    path: Text
    language: str | None = None
    published: dt.date | None = None
    published_source: str | None = None
    title: Text | None = None
    findings: tuple[Finding, ...] = ()
    notes: tuple[Text, ...] = ()
    problem: Problem | None = Field(default=None, exclude=True)
    # The file and record the report is of; None for a report made by hand, of the file `path`.
    source: SourceRef | None = Field(default=None, exclude=True)
    # The text as checked, kept only when a renderer needs it (the HTML report of standard input or an
    # archive record); never part of the JSON contract.
    text: str | None = Field(default=None, exclude=True)

    @model_validator(mode="before")
    @classmethod
    def _read_error(cls, data: Any) -> Any:
        """A report read back from JSON, where the problem is only its text (`error`)."""
        if not isinstance(data, dict) or "error" not in data:
            return data
        data = dict(data)
        error = data.pop("error")
        if error is not None and data.get("problem") is None:
            data["problem"] = Problem(code="report.error", message=error, source=SourceRef(file=data.get("path", "")))
        return data

    @computed_field  # type: ignore[prop-decorator]
    @property
    def error(self) -> str | None:
        """The problem as the JSON contract gives it, one line; None when the article was checked."""
        return self.problem.text() if self.problem else None

    @property
    def origin(self) -> SourceRef:
        """The file and record the report is of; for a report made by hand, or renamed since (a copy with
        another `path`), the file `path` names."""
        return self.source if self.source and self.source.name == self.path else SourceRef(file=self.path)

    def named(self, names: Mapping[str, str]) -> FileReport:
        """The report with its problem's setting named as `names` says (see `Problem.named`)."""
        if self.problem is None or self.problem.option not in names:
            return self
        return self.model_copy(update={"problem": self.problem.named(names)})


class Summary(_Model):
    """Counts over a report: files, findings, files with errors, findings by severity and by rule."""

    files: int
    findings: int
    errors: int
    by_severity: dict[str, int] = Field(default_factory=dict)
    by_rule: dict[str, int] = Field(default_factory=dict)


class Report(_Model):
    """What `Checker.check_*` returns and `--format json` prints: a report per file, and the summary."""

    files: tuple[FileReport, ...]
    summary: Summary

    @classmethod
    def of(cls, files: list[FileReport]) -> Report:
        """The report of these files, with its summary counted."""
        by_sev: dict[str, int] = {}
        by_rule: dict[str, int] = {}
        for f in files:
            for x in f.findings:
                by_sev[x.severity] = by_sev.get(x.severity, 0) + 1
                by_rule[x.rule] = by_rule.get(x.rule, 0) + 1
        summary = Summary(
            files=len(files),
            findings=sum(by_sev.values()),
            errors=sum(1 for f in files if f.problem),
            by_severity=dict(sorted(by_sev.items())),
            by_rule=dict(sorted(by_rule.items())),
        )
        return cls(files=tuple(files), summary=summary)

    def named(self, names: Mapping[str, str]) -> Report:
        """The report with its problems' settings named as `names` says (see `Problem.named`)."""
        return self.model_copy(update={"files": tuple(f.named(names) for f in self.files)})

    def at_least(self, severity: str) -> Report:
        """The report with only the findings at or above `severity` (what `--min-severity` shows)."""
        floor = SEVERITY_RANK[severity]
        return Report.of([f.model_copy(update={"findings": tuple(x for x in f.findings
                                                                 if SEVERITY_RANK[x.severity] >= floor)})
                          for f in self.files])

    def worst(self) -> str | None:
        """The highest severity among the findings, or None without findings."""
        ranks = [SEVERITY_RANK[x.severity] for f in self.files for x in f.findings]
        if not ranks:
            return None
        return {v: k for k, v in SEVERITY_RANK.items()}[max(ranks)]

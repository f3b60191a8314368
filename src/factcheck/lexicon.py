"""Lexicons: the per-language word lists in rules/lexicon/, validated and compiled once.

A Lexicon is built once per (rules folder, language) and shared by every article a Checker reads, so
no YAML is loaded and no pattern is compiled per article.
"""
from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Iterator, Literal, Optional

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .errors import ConfigError
from .files import DEFAULT_MAX_SIZE, TooLarge, read_regular
from .text import per_text


# The safe loader (no tags that build Python objects), in its C build when PyYAML has one: rule and
# lexicon files are read at every start, and libyaml reads them several times faster.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def rules_root() -> Path:
    """The built-in rules folder: inside the installed wheel, else the checkout's `rules/`."""
    here = Path(__file__).resolve().parent
    packaged = here / "_rules"
    return packaged if packaged.is_dir() else here.parents[1] / "rules"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class NumberFormat(_Strict):
    decimal: str
    group: str


class Numbers(_Strict):
    words: dict[str, float] = {}
    scales: dict[str, float] = {}
    vague: dict[str, tuple[float, float]] = {}
    multipliers: dict[str, float] = {}  # "dua puluh" (x 10), "dua ratus" (x 100)
    additions: dict[str, float] = {}  # "tiga belas" (+ 10)
    ordinals: dict[str, int] = {}  # pertama, kedua; first, second
    ordinal_prefix: list[str] = []  # ke-2
    ordinal_suffix: list[str] = []  # 2nd
    indefinite: list[str] = []  # counts without a figure: "beberapa tahun lalu" is not "tahun lalu"
    between: list[str] = []  # "antara 30 dan 50 orang": a range whose two figures are joined by a list word
    between_joins: list[str] = []


class UnitSpec(_Strict):
    words: list[str] = []
    prefix: list[str] = []
    subject_comparable: bool = False


class Boilerplate(_Strict):
    lines: list[str] = []
    inline: list[str] = []


TimeUnit = Literal["day", "week", "month", "year"]
TimexUnit = Literal["second", "minute", "hour", "day", "week", "month", "quarter", "year", "decade", "century"]


class Durations(_Strict):
    """Lengths of time: `tiga tahun lalu`, `selama dua tahun`, `HUT ke-76`, `the 10th anniversary`."""
    units: dict[str, TimeUnit] = {}
    ago: list[str] = []  # after a length: it ended at publication ("tiga tahun lalu")
    length: list[str] = []  # before a length: how long something lasted ("selama dua tahun")
    since: list[str] = []  # before the start of a length ("sejak 2019 atau selama dua tahun")
    anniversary_before: list[str] = []  # before an ordinal: "HUT ke-76"
    anniversary_after: list[str] = []  # after an ordinal: "10th anniversary"
    # Read only for TimeML (find_times), never by the rules: more units, and the words of a length that
    # stands alone ("tiga tahun", "the past three years", "setengah jam", "several months").
    more_units: dict[str, TimexUnit] = {}  # "jam": hour, "decade": decade
    counts: dict[str, float] = {}  # counts that are no number words elsewhere: "a year", "a couple of years"
    one_prefix: list[str] = []  # one, glued to the unit: "setahun", "sepekan"
    count_words: list[str] = []  # between a count and its unit: "two more weeks", "an additional year"
    half: list[str] = []  # a half between a count and its unit, or alone: "satu setengah tahun", "half an hour"
    half_after: list[str] = []  # after the unit: "an hour and a half"
    before_length: list[str] = []  # TimeML's span opens with them: "the past three years" (not "for")
    before_count: list[str] = []  # the same, only before a count: "the nine months" (not "the days")
    ended: list[str] = []  # after "the year": one unit that ends on a date ("the fiscal year ended June 30")
    period_words: list[str] = []  # between "the" and that unit: "the fiscal year"
    after_length: list[str] = []  # TimeML's span ends with them: "tiga tahun terakhir"
    ahead: list[str] = []  # after a length: it ends that long after publication ("dua tahun lagi")
    suffixes: list[str] = []  # glued to a unit, make it a length before a noun: "day-long", "decades-long"
    plural_units: list[str] = []  # units that stand without a count after a before_length or length word
    vague_lengths: dict[str, TimexUnit] = {}  # a length without a figure: "bertahun-tahun" (PXY)


class Sets(_Strict):
    """Times that recur (TimeML SET): `setiap Senin`, `every year`, `daily`, `dua kali setahun`, `$5 a day`."""
    every: list[str] = []  # before a unit, weekday or month: "setiap", "every"
    weekday_before: list[str] = []  # between that word and a weekday: "setiap hari Rabu"
    adverbs: dict[str, TimexUnit] = {}  # "daily": day
    per: list[str] = []  # before a unit: "per hari"
    per_after_figure: list[str] = []  # the same, only after a figure: "$5 a day", "twice a year"
    times: list[str] = []  # after a count, before a per-unit: "dua kali seminggu", "three times a year"
    once: list[str] = []  # a count of times in one word: "twice a year", "sekali sebulan"
    more_units: dict[str, TimexUnit] = {}  # units only a set counts in: "every quarter" (not "a quarter of")
    dated_after: list[str] = []  # after a per-unit, they make it a date: "a year earlier", "a month ago"


class Ages(_Strict):
    """How an age is written next to a person: `berusia 79 tahun`, `aged 77`, `79-year-old`, `Biden (79)`."""
    before: list[str] = []
    after: list[str] = []  # "-year-old", "years old"
    unit: list[str] = []  # an optional word after the figure: "berusia 79 tahun"
    at: list[str] = []  # an age at an event rather than at publication: "pada usia 77", "at the age of 77"
    before_at: list[str] = []  # a word before an age that dates it to an event: "saat berusia", "when aged"
    in_brackets: bool = False  # "Basuki (55)"
    in_commas: bool = False  # "Kim, 55, said"


class Changes(_Strict):
    """A change stated with its endpoints: `naik 20 persen dari 100 menjadi 150`, `fell by half from 40 to 30`."""
    up: list[str] = []
    down: list[str] = []
    start: list[str] = []  # "dari", "from"
    end: list[str] = []  # "menjadi", "to"
    fractions: dict[str, float] = {}  # "separuh": 0.5, "half": 0.5
    breaks: list[str] = []  # between a change word and figures, these start another clause ("karena")


class PlanScope(_Strict):
    """What takes a date out of the reach of a planning cue before it (see checks/temporal.py)."""
    after_date: list[str] = []  # cues that qualify the date written right before them ("mendatang")
    breaks: list[str] = []  # between cue and date, these open another clause: "yang", "karena", "than"
    as_of: list[str] = []  # right before a date: the date a figure stands at ("per", "as of")
    baseline: list[str] = []  # before a figure: the figure and its date are a baseline ("dari", "from")
    past_tense: list[str] = []  # before the cue in its clause: the plan is told as past ("was", "had")
    participle_endings: list[str] = []  # a participle between cue and date heads a clause of its own...
    auxiliaries: list[str] = []  # ...unless one of these stands before it ("will be completed in 2020")


class FigureScope(_Strict):
    """Words that place a figure: two figures of one subject placed apart count different things (see
    the `scope` of a quantity claim in graph.py)."""
    now: list[str] = []  # "kini", "now": the figure stands at the publication date
    before: list[str] = []  # "sebelumnya", "previously": an earlier figure than one given now
    day_parts: dict[str, str] = {}  # "pagi ini" -> morning: the time of day a reading was taken
    clock: list[str] = []  # "pukul", "at": a clock time follows ("pukul 09.35")
    last_item: list[str] = []  # "Terakhir,", "Lastly,": opens the last item of a list
    rate: list[str] = []  # "per", "/": a figure per something is a rate ("Rp 2.000 per liter")
    # Right before a name, these make an age written next to it another person's: a relative ("ibu
    # mertua Rina (58)") or one of two people of one name ("the elder Smith, 90").
    kin: list[str] = []
    # After "<noun> <age>", these point back to the one that noun named before with an age ("seorang
    # nenek berusia 71 tahun" ... "nenek 67 tahun itu"): one person given two ages.
    anaphors: list[str] = []


class Breakdowns(_Strict):
    """A total followed by its parts: `10 korban: 6 tewas dan 4 luka-luka`, `three people: A and B`."""
    exhaustive: list[str] = []  # the parts are all of the total ("yakni", ":")
    partial: list[str] = []  # the parts are some of it ("di antaranya", "including")
    joins: list[str] = []  # between parts ("dan", "and")


class TimeWords(_Strict):
    """Time words beyond dates with digits (TimeML's DATE and TIME classes; see extract/times.py)."""
    references: dict[str, Literal["PRESENT_REF", "PAST_REF", "FUTURE_REF"]] = {}  # "kini", "the past"
    not_references: list[str] = []  # idioms ending in such a word: "for now", "until now"
    month_before: list[str] = []  # before a year-less month, these make it a date: "pada Maret", "in May"
    month_words: list[str] = []  # "bulan Maret"
    month_range: list[str] = []  # between two months, the first takes the second's year: "Januari-Maret 2022"
    determiners: list[str] = []  # before a part of a year: "the third quarter"
    year_parts: dict[str, str] = {}  # a part of a year by itself: "kuartal I", "third-quarter" -> q3
    latest_parts: dict[str, str] = {}  # the part of a year just ended: "the quarter", "the latest quarter"
    fiscal: list[str] = []  # before a year: "fiscal 1989", "tahun fiskal 2021"
    year_before: list[str] = []  # before a bare four-digit number, these make it a year: "the 1996 Olympics"
    future_cues: list[str] = []  # besides the planning cues, before a bare weekday: "as soon as Tuesday"
    weekends: dict[str, int] = {}  # "the weekend", "last weekend": weeks from the nearest weekend
    seasons: dict[str, Literal["SP", "SU", "FA", "WI"]] = {}  # "last fall", "the summer of 1998"
    decade_endings: list[str] = []  # after a decade's first year: "1970s", "1970-an"
    century_before: list[str] = []  # before a century's number: "abad ke-20", "abad XXI"
    century_after: list[str] = []  # after a century's ordinal: "the 20th century"
    spelled_centuries: dict[str, int] = {}  # the first word of a year said aloud: "nineteen ninety-six"
    offsets: dict[str, int] = {}  # after a count and unit, from the time before: "kemudian", "later", "earlier"
    offsets_before: dict[str, int] = {}  # before a unit: "the next day", "the previous year"
    adjective_offsets: dict[str, int] = {}  # after a unit and a hyphen: "year-ago", "year-earlier"
    one: list[str] = []  # a count of one: "a year earlier"; glued in Indonesian ("sebulan kemudian")
    day_parts: dict[str, str] = {}  # after a weekday or day, TimeML's part of day: "pagi" -> MO
    day_part_times: dict[str, tuple[int, str]] = {}  # days from publication and part: "tadi malam" -> [-1, NI]
    clock_before: list[str] = []  # "pukul 19.00"
    clock_after: dict[str, int] = {}  # hours added after a clock time: "a.m." 0, "p.m." 12
    time_zones: list[str] = []  # "WIB", "EST": kept in a clock time's span
    outside: list[str] = []  # words TimeML leaves outside a time expression: "pada 2020" is tagged "2020"


class LexiconFile(_Strict):
    language: str
    name: str
    stopwords: list[str]
    number_format: NumberFormat
    date_order: str = Field(pattern="^(DMY|MDY)$")
    weekdays: dict[str, int]
    months: dict[str, int]
    period_modifiers: dict[str, str]
    year_words: list[str] = []
    relative_days: dict[str, int] = {}
    relative_units: dict[str, str] = {}
    relative_directions: dict[str, int] = {}
    relative_directions_before: dict[str, int] = {}
    weekday_directions: dict[str, int] = {}
    weekday_directions_before: dict[str, int] = {}
    year_prepositions: list[str] = []
    cues: dict[str, list[str]]
    numbers: Numbers
    hedges: dict[str, str]
    non_quantity_before: list[str] = []
    units: dict[str, UnitSpec]
    boilerplate: Boilerplate = Boilerplate()
    related_link: list[str] = []
    title_case_small_words: list[str] = []
    not_cues: list[str] = []
    byline_labels: list[str] = []
    datelines: list[str] = []
    abbreviations: list[str] = []
    date_format: str = "{day} {month} {year}"
    notes: dict[str, str] = {}
    # Words before a date that do not change what the date says ("pada", "on"): two restatements of a
    # date are compared without them.
    date_prepositions: list[str] = []
    # Endings that do not change which thing a word names ("jaraknya" is "jarak"), dropped when two
    # sentences are compared word by word.
    word_endings: list[str] = []
    durations: Durations = Durations()
    sets: Sets = Sets()
    ages: Ages = Ages()
    # Events that happen once to their subject: two dates for one person's birth cannot both be true.
    once_events: dict[Literal["birth", "founding", "death"], list[str]] = {}
    # Words that order two dated events in one sentence ("A pada t1 sebelum B pada t2": t1 <= t2).
    order_words: dict[Literal["before", "after"], list[str]] = {}
    changes: Changes = Changes()
    plan_scope: PlanScope = PlanScope()
    # Words before the number of a law or regulation: the year after it ("Nomor 10 Tahun 2009") is
    # part of the document's name, not a time.
    document_numbers: list[str] = []
    breakdowns: Breakdowns = Breakdowns()
    figure_scope: FigureScope = FigureScope()
    # Words of a contest: two figures near them written high to low are a score or a split of votes
    # ("led her rival 55 to 41 percent", "a 53-47 percent edge"), not a range written backwards.
    score_words: list[str] = []
    ratio_words: list[str] = []  # "50 dari 200", "50 of 200", "50 out of 200"
    # Roles written before a name (canonical role -> spellings); one person holds one of them at a time.
    roles: dict[str, list[str]] = {}
    role_qualifiers: list[str] = []  # "Presiden Direktur": a word after a role that makes it another role
    former: list[str] = []  # "mantan Presiden": a role held before, not a conflicting one
    timex: TimeWords = TimeWords()


class GazetteerEntry(_Strict):
    kind: str
    aliases: list[str]


class Gazetteer(_Strict):
    entities: dict[str, GazetteerEntry]


def alternation(words, *, capitalised: bool = False) -> str:
    """A regex alternation of `words`, longest first, any whitespace inside a phrase.

    With `capitalised`, each word matches only with its first letter upper case (or all upper case), so
    the month `Mei` or weekday `Sun` is not taken from ordinary lower-case prose.
    """
    forms: set[str] = set()
    for w in words:
        if capitalised:
            forms.update({w[:1].upper() + w[1:], w.upper(), w.title()})
        else:
            forms.add(w)
    ordered = sorted(forms, key=lambda w: (-len(w), w))
    return "|".join(r"\s+".join(re.escape(p) for p in w.split()) for w in ordered)


ALIAS_GROWTH = 10  # how many times its aliases may multiply what a YAML document writes out


class AliasBomb(yaml.YAMLError):
    """A YAML document whose aliases repeat it beyond `ALIAS_GROWTH` times (a "billion laughs")."""


class UnreadableValue(yaml.YAMLError):
    """A value YAML recognises but Python cannot hold: a date that does not exist (2021-02-30), an
    integer of thousands of digits."""


def safe_yaml(text: str):
    """The data of a YAML document, read with the safe loader. Aliases are bounded: a few lines of nested
    aliases stand for gigabytes once a program walks the data, so a document whose aliases repeat it
    more than `ALIAS_GROWTH` times, or refer to a node that holds them, is refused (`AliasBomb`)."""
    loader = SAFE_LOADER(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        written, expanded = _node_counts(node)
        if expanded > ALIAS_GROWTH * written + 1000:
            raise AliasBomb(f"aliases repeat this document about {expanded // written:,} times over; "
                            f"write the values out")
        try:
            return loader.construct_document(node)
        except ValueError as exc:
            raise UnreadableValue(f"a value that cannot be read ({exc}); write dates as YYYY-MM-DD and "
                                  f"put a very long number in quotes") from None
    finally:
        loader.dispose()


def _node_counts(root: yaml.Node) -> tuple[int, int]:
    """The nodes a document writes out, and the nodes it holds once each alias is replaced by what it
    names: counted with each shared node once, without expanding anything."""
    sizes: dict[int, int] = {}  # id of a node -> nodes under it, itself included, aliases expanded
    open_nodes: set[int] = set()
    stack = [root]
    while stack:
        node = stack[-1]
        if id(node) in sizes:  # also listed by another node, and counted there
            stack.pop()
            continue
        children = [c for pair in node.value for c in pair] if isinstance(node, yaml.MappingNode) else \
            node.value if isinstance(node, yaml.SequenceNode) else []
        waiting = [c for c in children if id(c) not in sizes]
        if id(node) in open_nodes and not waiting:
            open_nodes.discard(id(node))
            sizes[id(node)] = 1 + sum(sizes[id(c)] for c in children)
            stack.pop()
        elif any(id(c) in open_nodes for c in waiting):
            raise AliasBomb("an alias refers to a node that holds it; write the values out")
        else:
            open_nodes.add(id(node))
            stack.extend(waiting)
    return len(sizes), sizes[id(root)]


def load_yaml(path: Path):
    try:
        return safe_yaml(read_regular(path, DEFAULT_MAX_SIZE).decode("utf-8"))
    except TooLarge:
        raise ConfigError(f"{path}: larger than the {DEFAULT_MAX_SIZE:,}-byte limit of a rule or lexicon file; "
                          f"split it") from None
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: not UTF-8 text (byte {exc.start}); save it as UTF-8") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}:{mark.column + 1}" if mark else ""
        raise ConfigError(f"{path}{where}: not valid YAML: {getattr(exc, 'problem', exc)}") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror}") from None


def validate(model, data, path: Path):
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(p) for p in first["loc"]) or "(top level)"
        raise ConfigError(f"{path}: field '{field}': {first['msg']}") from None


class Lexicon:
    """One language's word lists and the patterns compiled from them."""

    def __init__(self, data: LexiconFile, gazetteer: Gazetteer):
        self.data = data
        self.lang = data.language
        self.gazetteer = gazetteer
        self.weekday_names = {k.lower(): v for k, v in data.weekdays.items()}
        self.month_names = {k.lower(): v for k, v in data.months.items()}
        self.stopwords = frozenset(w.lower() for w in data.stopwords)
        self.abbreviations = frozenset(a.lower() for a in data.abbreviations)
        self.unit_of: dict[str, str] = {}
        self.prefix_unit_of: dict[str, str] = {}
        for measure, spec in data.units.items():
            for w in spec.words:
                self.unit_of[_norm(w)] = measure
            for w in spec.prefix:
                self.prefix_unit_of[_norm(w)] = measure
        self.subject_comparable = frozenset(m for m, s in data.units.items() if s.subject_comparable)
        self.hedge_of = {_norm(k): v for k, v in data.hedges.items()}
        self.cue_of = {_norm(w): mod for mod, ws in data.cues.items() for w in ws}
        self.date_preposition_words = frozenset(w for p in data.date_prepositions for w in _norm(p).split())
        n = data.numbers
        # Words that say how many rather than what: a sentence's content words leave them out.
        self.number_words = frozenset(w for phrase in [*self.hedge_of, *n.words, *n.scales, *n.vague, *n.ordinals,
                                                       *n.multipliers, *n.additions] for w in _norm(phrase).split())
        self.relative_words = frozenset(_norm(w) for group in (
            data.relative_days, data.relative_directions, data.relative_directions_before,
            data.weekday_directions, data.weekday_directions_before) for w in group)
        # Display names: the first spelling listed for each weekday and month.
        self.weekday_display: dict[int, str] = {}
        for w, i in data.weekdays.items():
            self.weekday_display.setdefault(i, w[:1].upper() + w[1:])
        self.month_display: dict[int, str] = {}
        for w, i in data.months.items():
            self.month_display.setdefault(i, w[:1].upper() + w[1:])
        self.alias_of = {a: name for name, e in gazetteer.entities.items() for a in e.aliases}
        self.entity_kind = {name: e.kind for name, e in gazetteer.entities.items()}

        c = re.compile
        self.weekday_re = alternation(data.weekdays, capitalised=True)
        self.month_re = alternation(data.months, capitalised=True)
        self.modifier_re = alternation(data.period_modifiers)
        self.cues = PhraseMatcher(self.cue_of)
        self.not_cues = PhraseMatcher(data.not_cues)
        self.small_words = frozenset(w.lower() for w in data.title_case_small_words)
        self.hedge_pattern = c(rf"(?:(?<!\w)(?:{alternation(self.hedge_of)})\s*)$", re.I)
        self.non_quantity_pattern = c(rf"(?:(?<!\w)(?:{alternation(data.non_quantity_before)})\.?\s*)$", re.I)
        self.unit_pattern = c(rf"\s*(?:{alternation(self.unit_of)})(?!\w)", re.I)
        self.prefix_unit_pattern = c(rf"(?:(?<![\w$])(?:{alternation(self.prefix_unit_of)})\s*)$", re.I)
        self.alias_pattern = c(rf"(?<![\w.])(?:{alternation(self.alias_of)})(?![\w])")
        self.boilerplate_lines = [c(p) for p in data.boilerplate.lines]
        inline = "|".join(f"(?:{p})" for p in data.boilerplate.inline)
        self.boilerplate_inline = c(inline) if inline else None
        self.related_pattern = c(rf"(?:{alternation(data.related_link)})\s*:")
        self.byline_pattern = c(rf"(?:{alternation(data.byline_labels)})\b") if data.byline_labels else None
        self.datelines = [c(p, re.M) for p in data.datelines]
        self.ending_pattern = c(rf"(?:{alternation(data.word_endings)})$", re.I) if data.word_endings else None

    def format_date(self, d, weekday: bool = True) -> str:
        """A date written out in this language, e.g. `Selasa, 7 Desember 2021`."""
        body = self.data.date_format.format(day=d.day, month=self.month_display[d.month], year=d.year)
        return f"{self.weekday_display[d.weekday()]}, {body}" if weekday else body

    def month(self, word: str) -> Optional[int]:
        return self.month_names.get(word.lower().rstrip("."))

    def weekday(self, word: str) -> Optional[int]:
        return self.weekday_names.get(word.lower())


class PhraseMatcher:
    """Whole-word phrases found by looking each word of the text up, in any case: one pass over the
    words, where a regex alternation of many phrases would be tried at every character."""

    WORD = re.compile(r"\w+(?:['’-]\w+)*")  # a hyphenated compound is one word: `naik-turun` is not `naik`

    def __init__(self, phrases):
        self.by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for phrase in phrases:
            words = tuple(self.WORD.findall(phrase.lower()))
            if words:
                self.by_first.setdefault(words[0], []).append((words, phrase))
        for options in self.by_first.values():
            options.sort(key=lambda o: len(o[0]), reverse=True)  # the longest wins, as in a regex alternation

    def finditer(self, text: str, start: int, end: int) -> Iterator[tuple[int, int, str]]:
        """(start, end, phrase as listed) of each phrase in text[start:end], left to right, not overlapping;
        the words of a phrase may be apart only by white space."""
        where = words_of(text, start, end)
        # only where a word that opens a phrase stands, found by one set intersection
        firsts = sorted((p, w) for w in self.by_first.keys() & where.keys() for p in where[w])
        free = start  # where the last phrase found ends
        for pos, first in firsts:
            if pos < free:
                continue
            for option, phrase in self.by_first[first]:
                phrase_end = self._phrase_end(text, pos, end, option)
                if phrase_end:
                    yield pos, phrase_end, phrase
                    free = phrase_end
                    break

    def _phrase_end(self, text: str, pos: int, end: int, option: tuple[str, ...]) -> int:
        """Where the words of `option` end when they stand at `pos`, apart only by white space; 0 if not."""
        for i, word in enumerate(option):
            if i:
                while pos < end and text[pos].isspace():
                    pos += 1
            m = self.WORD.match(text, pos, end)
            if not m or m.group().lower() != word:
                return 0
            pos = m.end()
        return pos


@per_text
def words_of(text: str, start: int, end: int) -> dict[str, list[int]]:
    """Where each word of text[start:end] (lower case) starts; read once for all the phrase matchers and
    patterns that look at the same stretch."""
    where: dict[str, list[int]] = {}
    for m in PhraseMatcher.WORD.finditer(text, start, end):
        word = m.group().lower()
        if word in where:
            where[word].append(m.start())
        else:
            where[word] = [m.start()]
    return where


def _norm(phrase: str) -> str:
    return " ".join(phrase.lower().split())


@functools.lru_cache(maxsize=None)
def load_lexicon(lang: str, root: Optional[Path] = None) -> Lexicon:
    root = root or rules_root()
    folder = root / "lexicon"
    path = folder / f"{lang}.yaml"
    if not path.is_file():
        known = sorted(p.stem for p in folder.glob("*.yaml") if p.stem != "gazetteer")
        raise ConfigError(f"no lexicon for language '{lang}' in {folder} (have: {', '.join(known)})")
    data = validate(LexiconFile, load_yaml(path), path)
    gaz_path = folder / "gazetteer.yaml"
    gazetteer = validate(Gazetteer, load_yaml(gaz_path), gaz_path) if gaz_path.is_file() else Gazetteer(entities={})
    return Lexicon(data, gazetteer)


def languages(root: Optional[Path] = None) -> list[str]:
    folder = (root or rules_root()) / "lexicon"
    return sorted(p.stem for p in folder.glob("*.yaml") if p.stem != "gazetteer")

"""The schema of a lexicon file (rules/lexicon/<language>.yaml) and of the gazetteer, validated at load."""
from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from ..models import Grain, Modality


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
    nouns: list[str] = []  # of `up` and `down`, those that name a change: their percentages may be its rates
    start: list[str] = []  # "dari", "from"
    end: list[str] = []  # "menjadi", "to"
    fractions: dict[str, float] = {}  # "separuh": 0.5, "half": 0.5
    breaks: list[str] = []  # between a change word and figures, these start another clause ("karena")
    wholes: list[str] = []  # after a start word, a whole the end is part of ("dari target Rp 300 triliun")
    negative: list[str] = []  # right before a figure, these make it less than zero ("minus 5,32 persen")
    # a currency named before a change word or after "per": its figures are an exchange rate
    currencies: list[str] = []
    # in a change's clause, these measure the change on another basis than its figures ("secara riil", "on an
    # organic basis", "excluding acquisitions"): neither its size nor its direction follows from them
    bases: list[str] = []
    # right before a start word, a verb of its own that the start word belongs to ("rose 2% to $84, recovering
    # from a low of $80", "pulih dari"): not where the change started
    own_start: list[str] = []


class PlanScope(_Strict):
    """What takes a date out of the reach of a planning cue before it (see checks/temporal.py)."""
    after_date: list[str] = []  # cues that qualify the date written right before them ("mendatang")
    # between cue and date, these open another clause ("yang", "karena", "than") or date the plan's effect
    # back ("berlaku surut mulai Januari", "retroactively from January 1")
    breaks: list[str] = []
    as_of: list[str] = []  # right before a date: the date a figure stands at ("per", "as of")
    # right before a date: the date of a thing the plan is about, a document, an event, a period's
    # figures ("putusan tertanggal 2 Februari", "hasil rapat 10 Mei", "laba semester II", "the events of")
    qualified: list[str] = []
    baseline: list[str] = []  # before a figure: the figure and its date are a baseline ("dari", "from")
    past_tense: list[str] = []  # before the cue in its clause: the plan is told as past ("was", "had")
    participle_endings: list[str] = []  # a participle between cue and date heads a clause of its own...
    participles: list[str] = []  # ...and so does an irregular one ("purchases made in March 2024")...
    auxiliaries: list[str] = []  # ...unless one of these stands before it ("will be completed in 2020")
    determiners: list[str] = []  # before a date a noun follows, the date is the noun's: "the March 2024 floods"
    # after the date in its sentence, the plan is told against what came of it: "ditargetkan beroperasi
    # pada 2019, tetapi baru beroperasi Oktober 2023"
    outcome: list[str] = []
    # a target or a schedule ("ditargetkan", "dijadwalkan") whose next sentence opens with where it stands
    # now ("Hingga kini", "Saat ini") is told in hindsight; a plan told with "akan" is not
    targets: list[str] = []
    status: list[str] = []


class FigureScope(_Strict):
    """Words that place a figure: two figures of one subject placed apart count different things (see
    the `scope` of a quantity claim in graph.py)."""
    now: list[str] = []  # "kini", "now": the figure stands at the publication date
    before: list[str] = []  # "sebelumnya", "previously": an earlier figure than one given now
    later: list[str] = []  # "tahun depan", "next year": a figure ahead of one given now, as a forecast is
    day_parts: dict[str, str] = {}  # "pagi ini" -> morning: the time of day a reading was taken
    clock: list[str] = []  # "pukul", "at": a clock time follows ("pukul 09.35")
    last_item: list[str] = []  # "Terakhir,", "Lastly,": opens the last item of a list
    rate: list[str] = []  # "per", "/": a figure per something is a rate ("Rp 2.000 per liter")
    # "maksimum" -> max: a figure its clause calls the highest, lowest or average of its kind is not one
    # reading of it ("Kecepatan angin maksimum 40 km per jam" against "Kecepatan angin 20 km per jam").
    extremes: dict[str, str] = {}
    # Words that open a sentence's opening phrase narrowing its figures to a group or a place ("Among
    # Republicans,", "Di perdesaan,"): a figure so narrowed counts another thing than one without it.
    narrowing: list[str] = []
    # Right before a name, these make an age written next to it another person's: a relative ("ibu
    # mertua Rina (58)") or one of two people of one name ("the elder Smith, 90").
    kin: list[str] = []
    # After "<noun> <age>", these point back to the one that noun named before with an age ("seorang
    # nenek berusia 71 tahun" ... "nenek 67 tahun itu"): one person given two ages.
    anaphors: list[str] = []
    # Words that deny a clause ("tidak", "not"): a figure's clause with one counts something else than one
    # without ("20 siswa tidak lulus" against "200 siswa lulus").
    negations: list[str] = []
    # Words that say whose figure it is ("kata", "menurut", "says"): figures that two sentences give, each
    # from a source named right by such a word and different, are two sources' counts ("Kyiv says" against
    # "Russia says"), which news reports side by side.
    sources: list[str] = []
    including: list[str] = []  # right after a figure, it counts more: "$12 billion including debt"
    numbered: list[str] = []  # before a number, an item of a series ("Game 1", "Babak 2"): another number, another item


class Breakdowns(_Strict):
    """A total followed by its parts: `10 korban: 6 tewas dan 4 luka-luka`, `three people: A and B`."""
    exhaustive: list[str] = []  # the parts are all of the total ("yakni", ":")
    partial: list[str] = []  # the parts are some of it ("di antaranya", "including")
    joins: list[str] = []  # between parts ("dan", "and")
    remainder: list[str] = []  # opening the next sentence, the parts were some of it: "Sisanya ...", "The rest ..."


class Wholes(_Strict):
    """Wholes no part of can be more than all of (people, votes, a market), read right after a percentage:
    `120 persen warga`, `45 percent of all voters`."""
    nouns: list[str] = []
    determiners: list[str] = []  # between the ratio word and the noun: "dari seluruh warga", "of all the voters"
    # after the noun, they make it what is measured ("130 percent of the market price") or a reference that
    # may be passed: a target, a register, another period ("115 persen penduduk sasaran")
    measures: list[str] = []
    # right before the figure, they make it a measure against the whole: "vaksin untuk 150 persen penduduk"
    against: list[str] = []


class TimeWords(_Strict):
    """Time words beyond dates with digits (TimeML's DATE and TIME classes; see extract/times.py)."""
    references: dict[str, Literal["PRESENT_REF", "PAST_REF", "FUTURE_REF"]] = {}  # "kini", "the past"
    not_references: list[str] = []  # idioms ending in such a word: "for now", "until now"
    month_before: list[str] = []  # before a year-less month, these make it a date: "pada Maret", "in May"
    month_words: list[str] = []  # "bulan Maret"
    month_range: list[str] = []  # between two months, the first takes the second's year: "Januari-Maret 2022"
    day_range: list[str] = []  # besides a dash, between the first and last day of a span: "May 13 to 17"
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
    one: list[str] = []  # a count of one before a unit: "a year earlier" (glued, "sebulan": durations.one_prefix)
    day_parts: dict[str, str] = {}  # after a weekday or day, TimeML's part of day: "pagi" -> MO
    eve_before: list[str] = []  # right before a weekday, its eve: "malam Minggu" is Saturday night
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
    relative_units: dict[str, Grain] = {}
    relative_directions: dict[str, int] = {}
    relative_directions_before: dict[str, int] = {}
    weekday_directions: dict[str, int] = {}
    weekday_directions_before: dict[str, int] = {}
    year_prepositions: list[str] = []
    cues: dict[Modality, list[str]]
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
    # Words that tell another occurrence of an event told in the same words ("sidang berikutnya digelar",
    # "shares rose again"): two dates for the two are no conflict.
    recurrence_words: list[str] = []
    changes: Changes = Changes()
    plan_scope: PlanScope = PlanScope()
    # Words before the number of a law or regulation: the year after it ("Nomor 10 Tahun 2009") is
    # part of the document's name, not a time.
    document_numbers: list[str] = []
    # Right before a date (a date preposition aside), the day the article says it was updated on
    # ("Diperbarui Selasa, 21 Mei 2024", "This story was updated on May 21").
    update_words: list[str] = []
    breakdowns: Breakdowns = Breakdowns()
    figure_scope: FigureScope = FigureScope()
    # Words of a contest: two figures near them written high to low are a score or a split of votes
    # ("led her rival 55 to 41 percent", "a 53-47 percent edge"), not a range written backwards.
    score_words: list[str] = []
    # Before a place's name, its kind ("Gunung Merapi", "Lake Erie"); after it in its sentence, a word that
    # tells of one more ("juga", "also"): "Gunung Marapi ... juga erupsi" is another mountain than Merapi.
    place_kinds: list[str] = []
    also_words: list[str] = []
    ratio_words: list[str] = []  # "50 dari 200", "50 of 200", "50 out of 200"
    wholes: Wholes = Wholes()
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

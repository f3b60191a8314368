"""What keeps a long text linear, checked by structure rather than by timing (timings: bench/pathological.py):
each stretch's word index is read once per article however many lines it has, what is remembered is
what a fresh reading gives, a long article finds what its lines find alone, and a check keeps the garbage
collector out (it makes no reference cycles) and gives the thresholds back."""
import datetime as dt
import gc
import threading
from collections import Counter

import pytest

from conftest import SEED
from factcheck import Checker, lexicon
from factcheck import checker as checker_module
from factcheck.extract import openings
from factcheck.ingest import article_from_text
from factcheck.lexicon import PhraseMatcher
from factcheck.text import per_text

PUBLISHED = dt.date(2021, 12, 20)
WEEKDAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
SYLLABLES = ("Suka", "Maju", "Jaya", "Mulya", "Rejo", "Makmur", "Harjo", "Lestari")
LINES = 600  # far more lines than the LRU of 256 stretches the word index used to be


def village(i: int) -> str:
    return "".join(SYLLABLES[(i // 8 ** k) % 8].lower() for k in range(3)).title()


def line(i: int) -> str:
    """A sentence with a weekday that does not fit its date, in words no other line uses."""
    day = dt.date(2021, 12, 1 + i % 19)
    wrong = WEEKDAYS[(day.weekday() + 1) % 7]
    return f"Warga desa {village(i)} berkumpul pada {wrong} ({day.day}/12/2021)."


def long_article() -> str:
    return "\n".join(line(i) for i in range(LINES)) + "\n"


def test_per_text_reads_each_stretch_of_a_text_once_and_forgets_it_for_another():
    reads: Counter[tuple[str, int, int]] = Counter()

    @per_text
    def read(text, start, end):
        reads[text, start, end] += 1
        return [text[start:end]]

    text = "satu dua tiga"
    assert read(text, 0, 4) == ["satu"] and read(text, 0, 4) == ["satu"] and read(text, 5, 8) == ["dua"]
    assert reads == {(text, 0, 4): 1, (text, 5, 8): 1}
    other = "empat lima"
    assert read(other, 0, 5) == ["empat"]
    assert read(text, 0, 4) == ["satu"] and reads[text, 0, 4] == 2  # another text came between
    read.forget()
    assert read(text, 0, 4) == ["satu"] and reads[text, 0, 4] == 3


def test_per_text_never_answers_a_thread_with_another_texts_reading():
    @per_text
    def read(text, start, end):
        return text[start:end]

    texts = [f"{i:04d}" * 50 for i in range(40)]
    wrong = []

    def work(text):
        for _ in range(200):
            if read(text, 0, 4) != text[:4]:
                wrong.append(text)

    threads = [threading.Thread(target=work, args=(t,)) for t in texts]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not wrong


def test_each_stretch_of_a_long_article_is_read_for_words_once(checker, monkeypatch):
    reads: Counter[tuple[int, int | None]] = Counter()
    word = PhraseMatcher.WORD

    class Counting:
        def __getattr__(self, name):
            return getattr(word, name)

        def finditer(self, text, start=0, end=None):
            reads[start, end] += 1
            return word.finditer(text, start, end)

    monkeypatch.setattr(PhraseMatcher, "WORD", Counting())
    checker.check_article(article_from_text(long_article(), published=PUBLISHED, lang="id"))
    assert len(reads) >= LINES  # every line was read
    assert max(reads.values()) == 1


def unremembered(read):
    """`read` called afresh every time, with the `forget` of a remembered reading."""
    def fresh(*args):
        return read(*args)

    fresh.forget = lambda: None  # type: ignore[attr-defined]  # what a remembered reading has
    return fresh


def test_what_is_remembered_is_what_a_fresh_reading_gives(checker, monkeypatch):
    text = long_article()
    remembered = checker.analyse(article_from_text(text, published=PUBLISHED, lang="id"))[0]
    for module, name in ((lexicon.compiled, "words_of"), (openings, "words_of"), (openings, "_positions")):
        monkeypatch.setattr(module, name, unremembered(getattr(module, name).__wrapped__))
    fresh = checker.analyse(article_from_text(text, published=PUBLISHED, lang="id"))[0]
    for kind in ("times", "quantities", "entities", "durations"):
        assert getattr(remembered, kind) == getattr(fresh, kind), kind
    assert len(remembered.times) == LINES


def test_a_long_article_finds_what_its_lines_find_alone(checker):
    text = long_article()
    whole = checker.check_article(article_from_text(text, published=PUBLISHED, lang="id")).findings
    alone = []
    offset = 0
    for i in range(LINES):
        one = line(i) + "\n"
        for f in checker.check_article(article_from_text(one, published=PUBLISHED, lang="id")).findings:
            alone.append((f.rule, tuple((e.start + offset, e.text) for e in f.evidence)))
        offset += len(one)
    assert len(whole) == LINES
    assert sorted((f.rule, tuple((e.start, e.text) for e in f.evidence)) for f in whole) == sorted(alone)


@pytest.mark.parametrize("size", [2_000, 200_000])
def test_a_check_keeps_the_collector_out_and_gives_the_thresholds_back(checker, monkeypatch, size):
    before = gc.get_threshold()
    during = []
    check = checker_module.Checker._check_analysis

    def watched(self, analysis):
        during.append(gc.get_threshold())
        return check(self, analysis)

    monkeypatch.setattr(checker_module.Checker, "_check_analysis", watched)
    text = "Warga berkumpul di alun-alun sejak pagi.\n" * (size // 40 + 1)
    checker.check_article(article_from_text(text, published=PUBLISHED, lang="id"))
    assert during == [(0, *before[1:])]
    assert gc.get_threshold() == before


def test_the_thresholds_come_back_when_a_check_fails(monkeypatch):
    before = gc.get_threshold()

    def broken(self, analysis):
        raise RuntimeError("a bug")

    monkeypatch.setattr(checker_module.Checker, "_check_analysis", broken)
    with pytest.raises(RuntimeError):
        Checker().check_article(article_from_text("x " * 1000, published=PUBLISHED, lang="id"))
    assert gc.get_threshold() == before


def test_a_check_makes_no_reference_cycles(checker):
    """What keeping the collector out of a check rests on: every object a check makes is freed when its
    last reference goes, so there is nothing for a collector's pass to find. Every rule's examples, the seed
    and a long text, each with findings."""
    texts = [(e.text, e.lang) for rule in checker.rules for e in rule.examples]
    texts += [(SEED.read_text(encoding="utf-8"), "id"), (long_article(), "id")]
    articles = [article_from_text(text, published=PUBLISHED, lang=lang) for text, lang in texts]

    def check_all():
        return sum(len(checker.check_article(a).findings) for a in articles)

    check_all()  # patterns compiled and caches filled first: those live as long as the checker
    gc.collect()
    gc.disable()
    try:
        found = check_all()
        cycles = gc.collect()
    finally:
        gc.enable()
    assert found > len(checker.rules)
    assert cycles == 0

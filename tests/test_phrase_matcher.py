"""PhraseMatcher finds what reading the text's words one by one finds: at each word, left to right, the
phrase of the most words that stands there whole (its words apart only by white space), never two that
overlap; of two spellings of the same words, the first listed."""
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.lexicon import PhraseMatcher

WORD = re.compile(r"\w+(?:['’-]\w+)*")
# phrases that share their first words, run into a compound, or differ only in case or spacing
PHRASES = ["naik", "naik turun", "naik  tajam", "naik tajam sekali", "Naik tajam", "turun", "di antara",
           "di antara mereka", "di", "yang", "akan datang", "kurang-lebih", "tidak kurang dari", "lebih"]
VOCABULARY = sorted({w for p in PHRASES for w in p.split()} | {"Turun", "Kurang", "dari", "mereka", "x"})
WRITTEN = sorted({form for p in PHRASES for form in (p, p.upper(), p.title())})  # the phrases as a text has them
GLUE = [" ", " ", " ", "  ", "\n", "\t", "-", "'", "’", ", ", ".", "(", ""]  # mostly a space


def by_reading(phrases: list[str], text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """The phrases found word by word over text[start:end]: the reference."""
    words = [(m.start(), m.end(), m.group().lower()) for m in WORD.finditer(text, start, end)]
    listed: dict[tuple[str, ...], str] = {}
    for phrase in phrases:
        listed.setdefault(tuple(WORD.findall(phrase.lower())), phrase)
    found, i = [], 0
    while i < len(words):
        best = None
        for k in range(i + 1, len(words) + 1):
            if k > i + 1 and text[words[k - 2][1]:words[k - 1][0]].strip():
                break  # the next word is not apart by white space alone
            phrase = listed.get(tuple(w for _, _, w in words[i:k]))
            if phrase is not None:
                best = k, phrase
        if best:
            found.append((words[i][0], words[best[0] - 1][1], best[1]))
            i = best[0]
        else:
            i += 1
    return found


@settings(max_examples=400, deadline=None)
@given(phrases=st.lists(st.sampled_from(PHRASES), min_size=1, max_size=8, unique=True),
       pieces=st.lists(st.tuples(st.sampled_from(WRITTEN + VOCABULARY), st.sampled_from(GLUE)), max_size=10),
       data=st.data())
def test_phrases_found_are_those_read_word_by_word(phrases, pieces, data):
    text = "".join(word + glue for word, glue in pieces)
    start = data.draw(st.just(0) | st.integers(0, len(text)))  # the whole text, or a stretch of it
    end = data.draw(st.just(len(text)) | st.integers(start, len(text)))
    assert list(PhraseMatcher(phrases).finditer(text, start, end)) == by_reading(phrases, text, start, end)


def test_the_longest_phrase_wins_and_its_words_stand_whole():
    matcher = PhraseMatcher(["naik", "naik tajam", "naik tajam sekali", "di antara"])
    text = "Harga NAIK tajam,  naik\ntajam sekali; naik-turun di antaranya"
    assert list(matcher.finditer(text, 0, len(text))) == [(6, 16, "naik tajam"), (19, 36, "naik tajam sekali")]
    assert list(matcher.finditer(text, 0, 14)) == [(6, 10, "naik")]  # the phrase's end lies past the stretch
    assert list(PhraseMatcher(["naik  tajam", "Naik tajam"]).finditer(text, 0, 16)) == [(6, 16, "naik  tajam")]

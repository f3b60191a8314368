"""Whatever the text, checking it raises nothing and every evidence span is exact."""
import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import assert_exact

PIECES = ["Senin (", "7/12/2021", ")", " akan ", " secepat awal ", "2020", " sekitar ", "70.000",
          " tentara", " Rusia", " kata dia, ", "Rabu (20/20/2025)", "\n", "Baca juga: ", ". ", "“", "”",
          "1,5 juta orang", " pukul 19.00 WIB", " 2-1", " 7/10 responden", "Dec. 5, 2021", " about 70,000 troops"]

texts = st.one_of(
    st.text(max_size=300),
    st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=8)), max_size=40).map("".join),
)


@settings(max_examples=150, deadline=None)
@given(text=texts, published=st.one_of(st.none(), st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31))),
       lang=st.sampled_from([None, "id", "en"]))
def test_any_text_checks_cleanly_with_exact_spans(checker, text, published, lang):
    report = checker.check_text(text, published=published, lang=lang)
    (file,) = report.files
    assert file.error is None
    assert_exact(file, text)

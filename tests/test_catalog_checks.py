"""The catalog rules on the cases that make them cry wolf or go quiet, with their explanations."""
import datetime as dt

import pytest

D = dt.date


def found(checker, text, published=None, lang="id", rule=None):
    return [f for f in checker.check_text(text, published=published, lang=lang).files[0].findings
            if rule is None or f.rule == rule]


def one(checker, text, rule, published=None, lang="id"):
    (f,) = found(checker, text, published, lang, rule)
    return f


# --- temporal.event-date-conflict ---------------------------------------------------------------------

def test_a_restated_date_is_explained(checker):
    f = one(checker, "Pilkada serentak berlangsung pada 9 Desember 2020 di 270 daerah. Pilkada serentak "
                     "berlangsung pada 8 Desember 2020 di 270 daerah.", "temporal.event-date-conflict")
    assert [e.text for e in f.evidence] == ["9 Desember 2020", "8 Desember 2020"]
    assert "Rabu, 9 Desember 2020" in f.reasoning and "Selasa, 8 Desember 2020" in f.reasoning


@pytest.mark.parametrize("text,lang", [
    # A chronology opens its sentences alike; what follows differs.
    ("In 1992, the battalion took part in the battle of Kupres. In 1993, the battalion took part in "
     "Operation Maslenica.", "en"),
    ("PT Maju didirikan pada 1990 di Bandung. PT Jaya didirikan pada 1995 di Bandung.", "id"),
    ("Game Alpha bakal meluncur di PS5 pada 31 Agustus 2023 mendatang. Game Beta bakal meluncur di PS5 "
     "pada 26 Mei 2023 mendatang.", "id"),
])
def test_different_events_in_like_words(checker, text, lang):
    assert found(checker, text, D(2023, 3, 1), lang, "temporal.event-date-conflict") == []


def test_one_birth_two_dates(checker):
    f = one(checker, "Andi Wijaya lahir pada 1980 di Bandung. Sejak kecil, Andi Wijaya yang lahir pada 1982 "
                     "gemar membaca.", "temporal.event-date-conflict")
    assert "lahir" in f.message and "Andi Wijaya" in f.message


# --- temporal.relative-date-mismatch ------------------------------------------------------------------

def test_yesterday_with_the_wrong_date_suggests_the_right_one(checker):
    f = one(checker, "Polisi menangkap tersangka kemarin (4/12/2021).", "temporal.relative-date-mismatch",
            D(2021, 12, 6))
    assert '"kemarin"' in f.message and "5/12/2021" in f.suggestion


def test_relative_times_in_a_quote_count_from_when_they_were_said(checker):
    text = "“Besok (26/2/2023) saya bertemu Presiden,” ujar Edy."
    assert found(checker, text, D(2023, 2, 28), rule="temporal.relative-date-mismatch") == []


def test_last_tuesday_may_be_the_week_before(checker):
    text = "The governor signed the bill last Tuesday, Dec. 9, 2025."
    assert found(checker, text, D(2025, 12, 18), "en", "temporal.relative-date-mismatch") == []


def test_last_week_said_on_a_sunday_may_mean_the_last_seven_days(checker):
    text = "Rapat itu digelar pekan lalu, Senin (29/11/2021)."
    assert found(checker, text, D(2021, 12, 5), rule="temporal.relative-date-mismatch") == []
    assert found(checker, text, D(2021, 12, 20), rule="temporal.relative-date-mismatch") != []


# --- temporal.elapsed-time and temporal.age-birth-year --------------------------------------------------

def test_elapsed_time_explains_its_arithmetic(checker):
    f = one(checker, "Tiga tahun lalu, pada 2015, pabrik itu dibuka.", "temporal.elapsed-time", D(2021, 12, 5))
    assert "5–6 tahun" in f.reasoning and "bukan 3" in f.reasoning


@pytest.mark.parametrize("text,published", [
    ("Ini terendah sejak tahun 1990 atau 28 tahun.", D(2019, 1, 21)),  # 28 to 29 years: "28" fits
    ("The plant opened three years ago, in 2018.", D(2021, 12, 5)),
    ("Program itu berjalan sejak 2019 atau selama dua tahun.", D(2021, 6, 1)),
])
def test_lengths_that_fit(checker, text, published):
    lang = "en" if text.startswith("The") else "id"
    assert found(checker, text, published, lang, "temporal.elapsed-time") == []


@pytest.mark.parametrize("text,published,rule_fires", [
    ("Andi Wijaya (79) lahir pada 1942.", D(2021, 12, 5), False),  # 78 or 79 in late 2021
    ("Andi Wijaya (77) lahir pada 1942.", D(2021, 12, 5), True),
    ("Andi Wijaya lahir pada 1942. Ia wafat pada usia 77 tahun.", D(2021, 12, 5), False),  # no date of death
])
def test_age_against_birth_year(checker, text, published, rule_fires):
    assert bool(found(checker, text, published, rule="temporal.age-birth-year")) == rule_fires


def test_two_current_ages_of_one_person_conflict(checker):
    f = one(checker, "Korban bernama Basuki (55) ditemukan di sungai. Polisi memanggil Basuki (56) kemarin.",
            "quantity.conflict")
    assert [e.text for e in f.evidence] == ["(55)", "(56)"]


# --- temporal.sequence --------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Ia ditangkap Senin (6/12) setelah kabur Rabu (8/12).",  # year-less dates: placed by a guess
    "Ia ditangkap pada 6 Desember 2021 setelah polisi menerima laporan, kata Kapolres, Rabu (8/12/2021).",
])
def test_sequence_needs_two_event_dates_with_years(checker, text):
    assert found(checker, text, D(2021, 12, 9), rule="temporal.sequence") == []


# --- quantity rules -------------------------------------------------------------------------------------

@pytest.mark.parametrize("text,lang", [
    ("Suku bunga naik 2 persen dari 5 persen menjadi 7 persen.", "id"),  # percentage points
    ("Harga naik 20 persen dari Rp 1,5 juta menjadi Rp 1,8 juta.", "id"),
    ("Tingkat hunian turun dari 50 hingga 30 persen.", "id"),
    ("The rate was cut to 32 percent from 35 percent.", "en"),
])
def test_changes_that_add_up(checker, text, lang):
    assert [f.rule for f in found(checker, text, lang=lang) if f.rule.startswith("quantity.")] == []


def test_a_change_in_the_wrong_direction(checker):
    f = one(checker, "Jumlah pengunjung turun dari 400 orang menjadi 450 orang.", "quantity.change-arithmetic")
    assert f.message.startswith('"turun"')


def test_a_change_of_the_wrong_size_names_the_right_one(checker):
    f = one(checker, "Harga naik 20 persen dari Rp 100.000 menjadi Rp 150.000.", "quantity.change-arithmetic")
    assert "50 persen" in f.reasoning and [e.text for e in f.evidence][0] == "20 persen"


@pytest.mark.parametrize("text,fires", [
    ("Kecelakaan itu menimbulkan 10 korban: 6 tewas dan 4 luka-luka.", False),
    ("Kecelakaan itu menimbulkan 10 korban: 6 tewas dan 3 luka-luka.", True),
    ("Sebanyak 10 orang menjadi korban, di antaranya 6 tewas.", False),  # some of the total
    ("Sebanyak 10 orang menjadi korban, di antaranya 12 tewas.", True),
])
def test_totals_and_parts(checker, text, fires):
    assert bool(found(checker, text, rule="quantity.total-vs-parts")) == fires


@pytest.mark.parametrize("text,fires", [
    ("Sebanyak 194,4 juta dari 285,1 juta (68,2 persen) penduduk divaksin.", False),  # within rounding
    ("Sebanyak 194,4 juta dari 285,1 juta (62,8 persen) penduduk divaksin.", True),
    ("Andi meraih 55 persen suara dan Budi 45 persen.", False),
    ("Andi meraih 60 persen suara dan Budi 45 persen.", True),
])
def test_percentages(checker, text, fires):
    assert bool(found(checker, text, rule="quantity.percent-sum")) == fires


def test_a_record_is_not_a_range(checker):
    text = "The team finished the season with a 17-7 record."
    assert found(checker, text, lang="en", rule="quantity.range-inverted") == []


def test_a_headline_figure_supported_by_any_body_figure(checker):
    text = ("Banjir Rendam 120 Rumah di Garut\n\nBanjir merendam 120 rumah di Garut. "
            "Sehari kemudian banjir juga merendam 30 rumah di Tasikmalaya.")
    assert found(checker, text, rule="quantity.headline-body") == []


def test_a_statement_restated_in_other_words(checker):
    text = "Jarak kota ini ke Kota Padang hanya sekitar 64 km saja. Jarak kota ini ke Kota Padang tidak lebih dari 50 km."
    f = one(checker, text, "quantity.conflict")
    assert [e.text for e in f.evidence] == ["sekitar 64 km", "tidak lebih dari 50 km"]


def test_a_count_updated_with_a_change_word_is_no_restatement(checker):
    text = "Jumlah korban tewas banjir di Bogor mencapai 10 orang. Jumlah korban tewas banjir di Bogor bertambah menjadi 12 orang."
    assert found(checker, text, rule="quantity.conflict") == []


# --- entity rules ----------------------------------------------------------------------------------------

def test_a_short_name_is_the_same_person(checker):
    f = one(checker, "Presiden Anwar Ibrahim tiba. Perdana Menteri Anwar menyapa warga.", "entity.title-conflict")
    assert f.message.startswith("Anwar Ibrahim")


@pytest.mark.parametrize("text", [
    "Presiden Joko Widodo hadir. Wakil Presiden Ma'ruf Amin juga hadir.",
    "Presiden Joko Widodo hadir bersama mantan Wakil Presiden Joko Widodo.",
    "Presiden Direktur Budi Santoso hadir. Wakil Presiden Direktur Budi Santoso juga.",
])
def test_roles_that_do_not_conflict(checker, text):
    assert found(checker, text, rule="entity.title-conflict") == []


@pytest.mark.parametrize("text,lang", [
    ("Hillary Clinton spoke. The Clintons left. Clinton's aide said Clinton would return.", "en"),
    ("Andi Putra hadir. Andi Putri juga hadir. Menurut Putra, acara lancar.", "id"),  # short names
    ("Budi Wahyudi hadir bersama Sri Wahyuni. Kata Wahyuni, Sri Wahyuni senang.", "id"),  # other first name
])
def test_names_that_are_not_variants(checker, text, lang):
    assert found(checker, text, lang=lang, rule="entity.name-variant") == []

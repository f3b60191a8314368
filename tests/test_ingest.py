"""Ingest: publication date, language, title and segments of an article read from text or a file."""
from __future__ import annotations

import datetime as dt

import pytest

from factcheck.errors import InputError
from factcheck.ingest import article_from_text, find_dateline, read_article
from factcheck.ingest.language import detect_language
from factcheck.lexicon import load_lexicon

D = dt.date

KOMPAS = (
    "Rusia Siapkan Pasukan di Dekat Perbatasan Ukraina\n"
    "\n"
    "Kompas.com - 05/12/2021, 10:16 WIB\n"
    "Penulis: Andi Wijaya\n"
    "Editor: Budi Santoso\n"
    "\n"
    "MOSKWA, KOMPAS.com - Rusia disebut telah menyiapkan pasukan di dekat perbatasan negara itu.\n"
    "\n"
    "Baca juga: Putin dan Biden Akan Bicara Lewat Video\n"
    "\n"
    "Pertemuan kedua pemimpin akan digelar Selasa (7/12/2021) secara daring.\n"
    "\n"
    "Baca berita tanpa iklan. Gabung Kompas.com+\n"
    "\n"
    "SCROLL TO CONTINUE WITH CONTENT\n"
)


def segments(article):
    out = [(s.kind, article.text[s.start:s.end]) for s in article.segments]
    for s in article.segments:
        assert 0 <= s.start < s.end <= len(article.text)
    starts = [s.start for s in article.segments]
    assert starts == sorted(starts)
    for a, b in zip(article.segments, article.segments[1:]):
        assert a.end <= b.start  # segments do not overlap
    return out


# --- publication date from a dateline ---------------------------------------------------------------

def test_kompas_dateline():
    a = article_from_text(KOMPAS)
    assert a.published == D(2021, 12, 5)
    assert a.published_source == "dateline"
    assert a.lang == "id"


@pytest.mark.parametrize("lang, text, expected", [
    ("id", ("Warga Mengungsi Akibat Banjir\n\nKompas.com - 05/12/2021, 10:16 WIB\n\n"
            "Ribuan warga mengungsi karena banjir di kota itu sejak pagi.\n"), D(2021, 12, 5)),
    ("id", ("Warga Mengungsi Akibat Banjir\n\nSenin, 06 Des 2021 10:16 WIB\n\n"
            "Ribuan warga mengungsi karena banjir di kota itu sejak pagi.\n"), D(2021, 12, 6)),
    ("en", ("Leaders Plan a Video Call\n\nDec. 5, 2021, 10:16 AM\n\n"
            "The two leaders will talk on Tuesday about the border.\n"), D(2021, 12, 5)),
])
def test_datelines(lang, text, expected):
    a = article_from_text(text)
    assert a.lang == lang
    assert a.published == expected
    assert a.published_source == "dateline"
    kinds = segments(a)
    assert kinds[0][0] == "headline"
    assert kinds[1][0] == "dateline"
    assert a.title == kinds[0][1]


@pytest.mark.parametrize("lang, line, expected", [
    ("id", "Kompas.com - 05/12/2021, 10:16 WIB", D(2021, 12, 5)),
    ("id", "Senin, 06 Des 2021 10:16 WIB", D(2021, 12, 6)),
    ("id", "Selasa, 7 Desember 2021, pukul 09.30", D(2021, 12, 7)),
    ("en", "Dec. 5, 2021, 10:16 AM", D(2021, 12, 5)),
    ("en", "Updated December 5, 2021", D(2021, 12, 5)),
    ("id", "Rusia menyiapkan pasukan di perbatasan.", None),
])
def test_find_dateline(lang, line, expected):
    assert find_dateline(line, load_lexicon(lang)) == expected


@pytest.mark.parametrize("lang, value, expected", [
    ("id", "Redaksi\nSenin, 06 Des 2021 10:16 WIB", D(2021, 12, 6)),  # a line's start is a dateline's
    ("en", "By the desk\nUpdated December 5, 2021", D(2021, 12, 5)),
    ("id", "Redaksi, Senin, 06 Des 2021", None),  # inside a line is not
])
def test_find_dateline_in_a_value_of_several_lines(lang, value, expected):
    assert find_dateline(value, load_lexicon(lang)) == expected


def test_explicit_published_overrides_dateline():
    a = article_from_text(KOMPAS, published=D(2021, 12, 1))
    assert a.published == D(2021, 12, 1)
    assert a.published_source == "option"
    # the dateline is still recognised as a segment
    assert ("dateline", "Kompas.com - 05/12/2021, 10:16 WIB") in segments(a)


ODD_DATELINE = "Storm Hits the Coast\nDecember 5th, 2021\n\nThe storm reached the coast on Sunday night.\n"


def test_dateparser_reads_a_dateline_no_lexicon_pattern_reads():
    a = article_from_text(ODD_DATELINE, lang="en")
    assert (a.published, a.published_source) == (D(2021, 12, 5), "dateline")
    assert ("dateline", "December 5th, 2021") in segments(a)


def test_dateparser_is_not_consulted_when_the_date_is_known(monkeypatch):
    import factcheck.ingest.segments as seg

    def forbidden(*args):
        raise AssertionError("dateparser was consulted")

    monkeypatch.setattr(seg, "dateparser_date", forbidden)
    a = article_from_text(ODD_DATELINE, lang="en", published=D(2021, 12, 6))
    assert a.published == D(2021, 12, 6)
    # an odd dateline is then read as text, its date checked like any other
    assert ("body", "December 5th, 2021") in segments(a)
    # a dateline of the lexicon's patterns is still recognised without dateparser
    dated = segments(article_from_text(KOMPAS, published=D(2021, 12, 1)))
    assert ("dateline", "Kompas.com - 05/12/2021, 10:16 WIB") in dated


def test_no_date_anywhere():
    a = article_from_text("Hanya satu baris tanpa tanggal di sini.\n")
    assert a.published is None
    assert a.published_source is None


# --- front matter ---------------------------------------------------------------------------------

@pytest.mark.parametrize("key", ["date", "published"])
def test_front_matter_date_lang_title(key):
    text = (f"---\ntitle: Judul Uji Coba\n{key}: 2021-12-05\nlang: id\n---\n"
            "Rusia dan Ukraina bertemu di perbatasan pada hari ini.\n")
    a = article_from_text(text, markdown=True)
    assert a.published == D(2021, 12, 5)
    assert a.published_source == "front matter"
    assert a.lang == "id"
    assert a.lang_source == "front matter"
    assert a.title == "Judul Uji Coba"
    kinds = segments(a)
    assert kinds[0] == ("front-matter", text[:text.index("Rusia")])
    assert kinds[1] == ("body", "Rusia dan Ukraina bertemu di perbatasan pada hari ini.")


def test_front_matter_date_as_text():
    text = '---\ntitle: A Test Title\npublished: "Dec. 5, 2021"\n---\nThe leaders met on the border today.\n'
    a = article_from_text(text, markdown=True)
    assert a.published == D(2021, 12, 5)
    assert a.published_source == "front matter"
    assert a.lang == "en"
    assert a.lang_source == "detected"


def test_front_matter_lang_overrides_detection():
    text = "---\nlang: en\n---\nRusia dan Ukraina bertemu di perbatasan pada hari ini.\n"
    a = article_from_text(text, markdown=True)
    assert a.lang == "en"
    assert a.lang_source == "front matter"


def test_front_matter_date_wins_over_dateline():
    text = "---\ndate: 2021-12-05\n---\nKompas.com - 01/12/2021, 10:16 WIB\nWarga berkumpul di alun-alun kota.\n"
    a = article_from_text(text, markdown=True)
    assert a.published == D(2021, 12, 5)
    assert a.published_source == "front matter"


def test_option_overrides_front_matter():
    text = "---\ndate: 2021-12-05\nlang: id\ntitle: Judul\n---\nWarga berkumpul di alun-alun kota.\n"
    a = article_from_text(text, markdown=True, published=D(2020, 1, 2), lang="en", title="Other")
    assert (a.published, a.published_source) == (D(2020, 1, 2), "option")
    assert (a.lang, a.lang_source) == ("en", "option")
    assert a.title == "Other"


@pytest.mark.parametrize("front, message_part", [
    ("title: [unclosed\n", "malformed front matter"),
    ("- a\n- b\n", "must be a mapping"),
    ("date: bukan tanggal\n", "is not a date"),
])
def test_bad_front_matter_raises_input_error_naming_the_path(front, message_part):
    text = f"---\n{front}---\nIsi artikel di sini.\n"
    with pytest.raises(InputError) as exc:
        article_from_text(text, path="berita/uji.md", markdown=True)
    assert str(exc.value).startswith("berita/uji.md: ")
    assert message_part in str(exc.value)


def test_markdown_false_ignores_front_matter():
    text = "---\ndate: 2021-12-05\n---\nWarga berkumpul di alun-alun kota.\n"
    a = article_from_text(text, markdown=False)
    assert a.published_source != "front matter"
    assert "front-matter" not in [k for k, _ in segments(a)]


# --- reading files --------------------------------------------------------------------------------

def test_read_markdown_file(tmp_path):
    path = tmp_path / "berita.md"
    path.write_text("---\ndate: 2021-12-05\ntitle: Judul Berkas\n---\nWarga berkumpul di alun-alun kota.\n",
                    encoding="utf-8")
    a = read_article(path)
    assert a.path == str(path)
    assert a.published == D(2021, 12, 5)
    assert a.title == "Judul Berkas"


def test_read_markdown_file_with_bad_front_matter_names_the_path(tmp_path):
    path = tmp_path / "rusak.md"
    path.write_text("---\ntitle: [unclosed\n---\nIsi.\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"rusak\.md"):
        read_article(path)


def test_read_text_file_with_dateline(tmp_path):
    path = tmp_path / "berita.txt"
    path.write_text(KOMPAS, encoding="utf-8")
    a = read_article(path)
    assert a.published == D(2021, 12, 5)
    assert a.published_source == "dateline"
    assert a.text == KOMPAS


def test_read_strips_utf8_bom(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeff".encode() + KOMPAS.encode())
    assert read_article(path).text == KOMPAS


@pytest.mark.parametrize("make, message_part", [
    (lambda p: None, "no such file"),
    (lambda p: p.mkdir(), "is a folder"),
    (lambda p: p.write_bytes(b"Warga \x00\x01 berkumpul."), "binary data"),  # not UTF-8 is read as cp1252 now
])
def test_unreadable_files(tmp_path, make, message_part):
    path = tmp_path / "artikel.txt"
    make(path)
    with pytest.raises(InputError) as exc:
        read_article(path)
    assert str(path) in str(exc.value)
    assert message_part in str(exc.value)


# --- segments -------------------------------------------------------------------------------------

def test_segment_kinds_of_a_small_article():
    a = article_from_text(KOMPAS)
    assert segments(a) == [
        ("headline", "Rusia Siapkan Pasukan di Dekat Perbatasan Ukraina"),
        ("dateline", "Kompas.com - 05/12/2021, 10:16 WIB"),
        ("byline", "Penulis: Andi Wijaya"),
        ("byline", "Editor: Budi Santoso"),
        ("body", "MOSKWA, KOMPAS.com - Rusia disebut telah menyiapkan pasukan di dekat perbatasan negara itu."),
        ("related-link", "Baca juga: Putin dan Biden Akan Bicara Lewat Video"),
        ("body", "Pertemuan kedua pemimpin akan digelar Selasa (7/12/2021) secara daring."),
        ("boilerplate", "Baca berita tanpa iklan. Gabung Kompas.com+"),
        ("boilerplate", "SCROLL TO CONTINUE WITH CONTENT"),
    ]
    assert a.title == "Rusia Siapkan Pasukan di Dekat Perbatasan Ukraina"


def test_inline_boilerplate_is_cut_from_a_body_line():
    text = ("Judul Berita Uji Coba Hari Ini\n\nKompas.com - 05/12/2021, 10:16 WIB\n\n"
            "Warga berkumpul di alun-alun. SCROLL TO CONTINUE WITH CONTENT Mereka menunggu sejak pagi.\n")
    kinds = segments(article_from_text(text))
    assert kinds[2:] == [
        ("body", "Warga berkumpul di alun-alun."),
        ("boilerplate", "SCROLL TO CONTINUE WITH CONTENT"),
        ("body", "Mereka menunggu sejak pagi."),
    ]


def test_inline_related_link_ends_where_title_case_stops():
    body = ("Rusia menyiapkan pasukan di perbatasan Baca juga: Putin Siapkan Pasukan di Perbatasan Ukraina "
            "kemudian pasukan itu tiba kemarin di sana.")
    text = f"Judul Berita Uji Coba Hari Ini\n\nKompas.com - 05/12/2021, 10:16 WIB\n\n{body}\n"
    kinds = segments(article_from_text(text))
    assert [k for k, _ in kinds[2:]] == ["body", "related-link", "body"]
    assert kinds[2][1] == "Rusia menyiapkan pasukan di perbatasan"
    # the headline keeps its small lower-case words ("di") and stops at two ordinary lower-case words
    assert kinds[3][1].rstrip() == "Baca juga: Putin Siapkan Pasukan di Perbatasan Ukraina"
    assert kinds[4][1] == "kemudian pasukan itu tiba kemarin di sana."


def test_inline_related_link_ends_at_sentence_end():
    text = ("Judul Berita Uji Coba Hari Ini\n\nKompas.com - 05/12/2021, 10:16 WIB\n\n"
            "Rusia menyiapkan pasukan. Baca juga: Rusia Kerahkan Pasukan ke Perbatasan. Hal ini penting.\n")
    kinds = segments(article_from_text(text))
    related = [t for k, t in kinds if k == "related-link"]
    assert related == ["Baca juga: Rusia Kerahkan Pasukan ke Perbatasan"]
    assert "Hal ini penting." in kinds[-1][1]


def test_inline_related_link_cut_out_when_its_colon_ends_the_line():
    text = ("Judul Berita Uji Coba Hari Ini\n\nKompas.com - 05/12/2021, 10:16 WIB\n\n"
            "Rusia menyiapkan pasukan di dekat perbatasan sejak pekan lalu. Baca juga:\n"
            "Warga berkumpul: mereka menunggu.\n")
    kinds = segments(article_from_text(text))
    assert kinds[2:] == [("body", "Rusia menyiapkan pasukan di dekat perbatasan sejak pekan lalu."),
                         ("related-link", "Baca juga:"),
                         ("body", "Warga berkumpul: mereka menunggu.")]


def test_english_segments():
    text = ("Leaders Plan a Video Call\n\nDec. 5, 2021, 10:16 AM\nBy a staff writer\n\n"
            "The two leaders will talk on Tuesday about the border.\n\n"
            "Read more: Russia Moves Troops to the Border\n\nAdvertisement\n")
    assert segments(article_from_text(text)) == [
        ("headline", "Leaders Plan a Video Call"),
        ("dateline", "Dec. 5, 2021, 10:16 AM"),
        ("byline", "By a staff writer"),
        ("body", "The two leaders will talk on Tuesday about the border."),
        ("related-link", "Read more: Russia Moves Troops to the Border"),
        ("boilerplate", "Advertisement"),
    ]


def test_headline_without_dateline():
    text = "Warga Mengungsi Akibat Banjir\n\nRibuan warga mengungsi karena banjir di kota itu sejak pagi.\n"
    a = article_from_text(text)
    assert segments(a) == [
        ("headline", "Warga Mengungsi Akibat Banjir"),
        ("body", "Ribuan warga mengungsi karena banjir di kota itu sejak pagi."),
    ]
    assert a.title == "Warga Mengungsi Akibat Banjir"


def test_single_sentence_is_body_not_headline():
    a = article_from_text("Ribuan warga mengungsi karena banjir di kota itu.\n")
    assert [k for k, _ in segments(a)] == ["body"]
    assert a.title is None


# --- language -------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, lang", [
    ("Pasukan itu telah tiba di perbatasan dan akan tinggal di sana untuk beberapa hari.", "id"),
    ("Warga yang mengungsi dari desa itu kini tinggal di tenda, kata pejabat setempat.", "id"),
    ("The troops have arrived at the border and will stay there for a few days.", "en"),
    ("Officials said that the residents of the town were moved to a camp by the army.", "en"),
])
def test_detect_language(text, lang):
    assert detect_language(text) == lang
    a = article_from_text(text)
    assert (a.lang, a.lang_source) == (lang, "detected")


def test_detect_language_defaults_to_indonesian_without_clues():
    assert detect_language("12345 678") == "id"
    assert detect_language("12345 678", ["en"]) == "en"
    # a configuration's `languages` limits what detection may choose
    assert detect_language("The talks were held on Tuesday and the minister said yes.", ["id"]) == "id"


def test_language_option_overrides_detection():
    a = article_from_text("The troops have arrived at the border and will stay there.", lang="id")
    assert (a.lang, a.lang_source) == ("id", "option")

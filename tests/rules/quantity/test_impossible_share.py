"""quantity.impossible-share: a share of a whole past 100 percent."""
import pytest

from conftest import finding, rule_ids
from factcheck import Checker
from factcheck.settings import Settings

RULE = "quantity.impossible-share"


@pytest.mark.parametrize("text,lang,evidence", [
    ("Sebanyak 101 persen pemilih datang ke TPS.", "id", "101 persen pemilih"),
    ("Survei itu menyebut 150 persen dari seluruh siswa lulus.", "id", "150 persen dari seluruh siswa"),
    ("Perusahaan itu kini menguasai 120% pasar semen.", "id", "120% pasar"),
    ("The senator won 104 percent of the vote.", "en", "104 percent of the vote"),
    ("The fund bought a 110 percent stake in the mine.", "en", "110 percent stake"),
    # "up" is a change word, but "of" says the figure is a share
    ("Women make up 120 percent of workers at the plant.", "en", "120 percent of workers"),
])
def test_a_share_past_the_whole(checker, text, lang, evidence):
    f = finding(checker, text, lang=lang, rule=RULE)
    assert f.evidence[0].text == evidence


@pytest.mark.parametrize("text,lang", [
    ("Sebanyak 100 persen warga sudah divaksin.", "id"),  # all of them
    ("Kereta itu terisi 150 persen kursi.", "id"),  # seats are no whole: a train carries more
    ("Demand reached 150 percent of the shares offered.", "en"),  # nor shares: an offer draws more
    ("Sekitar 105 persen warga datang.", "id"),  # "sekitar" allows 94.5
    ("Capaian program itu 120 persen, warga pun senang.", "id"),  # a comma: the next clause
    ("Capaiannya 120 persen (warga desa) tahun ini.", "id"),  # a bracket between
    ("Harga beras naik 120 persen, warga pun mengeluh.", "id"),
    ("Terjadi kenaikan 120 persen pengguna tahun ini.", "id"),  # what rose, not a share
    ("Realisasi pajak mencapai 120 persen dari target.", "id"),  # not a whole of the lexicon's
    ("Pemerintah menyiapkan vaksin untuk 150 persen penduduk.", "id"),  # vaccines, measured against the whole
    ("Utang itu setara 132 persen PDB.", "id"),
    ("The bonds were sold for 130 percent of the market price.", "en"),  # a measure of the whole
    ("Public debt stands at 132 percent of GDP.", "en"),
    ("Canada has ordered enough doses for 500 percent of its population.", "en"),
    ("The quota was 110 percent, voters were told.", "en"),
    ("He paid 150 percent of workers' wages.", "en"),  # what the workers own
])
def test_no_share_past_a_whole(checker, text, lang):
    assert rule_ids(checker, text, lang=lang, rule=RULE) == []


ID_WHY = ('Sebuah bagian paling banyak 100 persen dari keseluruhannya; "120 persen warga" lebih banyak daripada '
          'seluruhnya.')
EN_WHY = 'A share is at most 100 percent of its whole; "120 percent of residents" counts more than there is.'


@pytest.mark.parametrize("text,lang,reasoning", [
    ("Sebanyak 120 persen warga puas.", "id", ID_WHY),
    ("In the poll, 120 percent of residents agreed.", "en", EN_WHY),
])
def test_the_reasoning_quotes_the_share_and_its_whole(checker, text, lang, reasoning):
    assert finding(checker, text, lang=lang, rule=RULE).reasoning == reasoning


def test_a_share_in_a_quote_says_so(checker):
    assert finding(checker, 'Ia berkata, "120 persen warga mendukung kami."', rule=RULE).in_quote


def test_a_newsroom_adds_a_whole_in_its_own_lexicon(tmp_path):
    (tmp_path / "id.yaml").write_text("wholes:\n  nouns: [jemaah]\n", encoding="utf-8")
    text = "Panitia menyebut 110 persen jemaah sudah tiba di Mekkah."
    assert rule_ids(Checker(), text, rule=RULE) == []
    assert rule_ids(Checker(Settings(lexicons=(tmp_path,))), text, rule=RULE) == [RULE]

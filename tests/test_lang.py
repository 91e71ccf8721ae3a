"""The language layer: codes, the tokenizer, normalisation, the lexicon and the language guess."""

from __future__ import annotations

import pytest

from termkit.errors import TermkitError
from termkit.lang import codes
from termkit.lang.detect import language_of
from termkit.lang.lexicon import english
from termkit.lang.normalise import APOSTROPHES, Keys, fold, keys, normalise
from termkit.lang.tokens import (NUMBER, PUNCT, WORD, is_word, joined_numbers, kinds, tokens,
                                 words)

# ---------------------------------------------------------------- codes


@pytest.mark.parametrize("code", ["fr", "fr_FR", "fr-FR", "FR", "fr-CA", "fra", "fre",
                                  "fr_FR.UTF-8", " fr "])
def test_every_spelling_of_french_is_fr(code):
    assert codes.base(code) == "fr"
    assert codes.supported(code) == "fr"
    assert codes.same(code, "fr")
    assert codes.other(code) == "en"


def test_base_of_other_and_empty_codes():
    assert codes.base("EN-gb") == "en" and codes.base("eng") == "en"
    assert codes.base("de_DE") == "de"
    assert codes.base(None) == "" and codes.base("") == ""
    assert not codes.same("", "") and not codes.same("fr", "en")


def test_pair_accepts_french_and_english_only():
    assert codes.pair("fr_FR", "EN-gb") == ("fr", "en")
    with pytest.raises(TermkitError, match=r"French and English.*fr→de"):
        codes.pair("fr", "de")
    with pytest.raises(TermkitError, match="both fr"):
        codes.pair("fr", "fr-CA")
    with pytest.raises(TermkitError, match="'de'"):
        codes.supported("de")


def test_tags_are_well_formed():
    assert codes.tag("fr_fr") == "fr-FR" and codes.tag("EN") == "en"
    assert codes.tag("zh_hant_tw") == "zh-Hant-TW"
    assert codes.tag("fr_FR@euro") == "fr-FR" and codes.tag("fr_FR.UTF-8@euro") == "fr-FR"
    assert codes.valid("en-GB") and not codes.valid("fr_FR") and not codes.valid("")
    with pytest.raises(TermkitError, match="not a language code"):
        codes.tag("français")


def test_normal_keeps_a_supported_tag_and_refuses_other_languages():
    assert codes.normal("fr_FR") == "fr-FR" and codes.normal("EN") == "en"
    assert codes.normal("fra") == "fr" and codes.normal("fr_CA.UTF-8") == "fr-CA"
    assert codes.normal("en-gb") == "en-GB"
    assert codes.normal("fr_FR@euro") == "fr-FR" and codes.base("fr_FR@euro") == "fr"
    with pytest.raises(TermkitError, match="French and English"):
        codes.normal("de-DE")


@pytest.mark.parametrize("text, pair", [
    ("fr-en", ("fr", "en")), ("fr_en", ("fr", "en")), ("fr_FR-en", ("fr_FR", "en")),
    ("en-GB_fr", ("en-GB", "fr")), ("fr-en-GB", ("fr", "en-GB")), ("fra-eng", ("fra", "eng")),
    ("fr-FR", None), ("fr-de", None), ("translate-fr_en-0_1", None), ("fr", None)])
def test_a_direction_written_as_one_word(text, pair):
    assert codes.direction(text) == pair


# ---------------------------------------------------------------- tokens


def test_words_without_marks_are_the_word_tokens():
    text = "l’ONUDC (2011) : lʼOIM, snake_case !"
    assert words(text, marks=False) == ["l", "ONUDC", "2011", "l", "OIM", "snake_case"]
    assert not is_word("ʼ") and not is_word("’") and is_word("_x")


def test_tokens_are_words_and_single_marks_with_offsets():
    text = "l’ONUDC, jour-là : 3,5 %"
    found = tokens(text)
    assert [m.group() for m in found] == ["l", "’", "ONUDC", ",", "jour", "là", ":", "3", ",",
                                          "5", "%"]
    assert all(text[m.start():m.end()] == m.group() for m in found)


def test_invisible_characters_and_accents_stay_inside_words():
    assert [m.group() for m in tokens("tra\u00adfic e\u0302tre mi\u2060grants")] == [
        "tra\u00adfic", "e\u0302tre", "mi\u2060grants"]
    # hyphens, the zero-width space and the BOM only separate; ʼ is an apostrophe
    assert [m.group() for m in tokens("a\u2011b\u200bc\ufeffd lʼUE")] == [
        "a", "b", "c", "d", "l", "ʼ", "UE"]
    assert [m.group() for m in tokens("G8 COVID19 5G")] == ["G8", "COVID19", "5G"]


def test_kinds_split_digits_from_letters_and_keep_numbers_whole():
    assert list(kinds("Le 7ème, 158,000 et 3.5.")) == [
        (WORD, "Le"), (NUMBER, "7"), (WORD, "ème"), (PUNCT, ","), (NUMBER, "158,000"),
        (WORD, "et"), (NUMBER, "3.5"), (PUNCT, ".")]
    assert list(kinds("« Oui ? »")) == [(PUNCT, "«"), (WORD, "Oui"), (PUNCT, "?"),
                                        (PUNCT, "»")]
    # underscores and combining marks cut a word into letter runs
    assert [t for k, t in kinds("foo_bar e\u0302tre") if k == WORD] == ["foo", "bar", "e", "tre"]


@pytest.mark.parametrize("text", ["Le 7ème jour, à 10 h.", "3 . 5 et 1, 2", "G8 x² ½ lʼUE"])
def test_without_joined_numbers_the_pieces_are_those_of_each_token(text):
    assert not joined_numbers(text)
    assert kinds(text) == [piece for token in words(text) for piece in kinds(token)]


def test_joined_numbers_are_digits_around_points_and_commas():
    assert joined_numbers("158,000 victims") and joined_numbers("v3.5") and joined_numbers("1.,2")
    assert not joined_numbers("En 2010, 12 pays.") and not joined_numbers("1. 2")


# ---------------------------------------------------------------- normalise


def test_french_keys_are_masculine_singular():
    assert normalise("Services chargés de l’application", "fr") == (
        "service chargé de l ' application")
    assert normalise("internationaux bureaux lieux", "fr") == "international bureau lieu"
    assert normalise("policières travailleuses", "fr_FR") == "policier travailleur"
    assert normalise("trafic des migrants", "fr") == normalise("trafic de migrants", "fr")
    assert normalise("pays fois", "fr") == "pays fois"        # invariable words stay


def test_english_keys_are_singular():
    assert normalise("agencies witnesses victims", "en") == "agency witness victim"
    assert normalise("children people news", "en-GB") == "child people news"
    assert normalise("victims", "en_GB") == "victim"            # any code of English


def test_keys_fold_case_apostrophes_and_compose_accents():
    keys = Keys("fr")
    assert keys("L’") == keys("l'") == keys("lʼ") == keys("l`") == "l'"
    assert keys("E\u0302TRE") == "être"
    assert keys("tra\u00adfic") == "trafic"
    assert Keys("de")("victims") == "victims"                   # no rules for other languages
    assert keys("Victimes") == "victime" and keys.memo["Victimes"] == "victime"
    found, joined, starts = keys.tokens("Les victimes")
    assert joined == " les victime " and [joined[s:s + 3] for s in starts[:2]] == ["les", "vic"]


def test_fold_strips_accents_for_the_anchors():
    assert fold("Été") == "ete" and fold("cœur") == "coeur" and fold("Noël") == "noel"


# ---------------------------------------------------------------- lexicon and detect


def test_lexicon_translates_folded_french_words_and_simple_inflections():
    assert english("maison") == english("maisons") == "house"
    assert english("grande") == "great" and english("xyz") is None


def test_language_guess_by_function_words():
    assert language_of(["Il était impossible de se promener ce jour-là, et la pluie."]) == "fr"
    assert language_of(["There was no possibility of taking a walk that day, and the rain."]) \
        == "en"
    assert language_of(["12 34", "OIM ONUDC"]) is None                  # too few words
    assert language_of(["le la les the of and"]) is None                # no clear majority
    assert language_of(["The cat.", "Le chat est ici et la souris dans le trou."],
                       sample=1) is None                                 # only the sample


# ---------------------------------------------------------------- elision, number


@pytest.mark.parametrize("word, rest", [("l’art", "art"), ("L'art", "art"), ("dʼabord", "abord"),
                                        ("qu’il", "il"), ("lorsqu’on", "on"), ("l’", ""),
                                        ("O’Brien", "O’Brien"), ("aujourd’hui", "aujourd’hui"),
                                        ("1200's", "1200's"), ("art", "art")])
def test_strip_elision_drops_an_elided_french_word(word, rest):
    from termkit.lang.articles import strip_elision

    assert strip_elision(word) == rest


def test_every_apostrophe_of_elision_is_read_alike():
    from termkit.lang.articles import unelide

    for mark in APOSTROPHES:
        assert unelide(f"contre l{mark}") == "contre le "
        assert normalise(f"l{mark}ONUDC", "fr") == "l ' onudc"


def test_the_splitter_reads_any_apostrophe_of_elision():
    from termkit.segment import split

    for mark in APOSTROPHES:
        assert split(f"Voir l{mark}art. 5 du code. Il dit.", "fr") == [
            f"Voir l{mark}art. 5 du code.", "Il dit."]
    assert split("Built in the 1200's. However, it fell.", "en") == [
        "Built in the 1200's.", "However, it fell."]


def test_one_shared_keys_per_language_serves_the_number_rules():
    from termkit.lang.inflect import is_plural, marked

    assert keys("fr_FR") is keys("fr") and keys("en-GB") is keys("en")
    assert keys("fr") is not keys("en")
    assert marked("policières", "fr-FR") is True and "policières" in keys("fr").memo
    assert is_plural("Les victimes (de traite) arrivent.", 4, 12, "fr")
    assert not is_plural("La victime arrive.", 3, 10, "fr")


def test_plain_folds_what_people_type_differently():
    from termkit.lang.normalise import plain

    assert plain("Trafic d'êtres  humains") == plain("trafic d’êtres humains") == \
        "trafic d'êtres humains"
    assert plain("lʼOIM") == "l'oim" and plain("victimes") == "victimes"

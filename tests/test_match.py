"""The glossary matcher: elision, inflection, case, acronyms, boundaries, offsets."""

from __future__ import annotations

import pytest

from termkit.glossary.index import Matcher
from termkit.lang.normalise import normalise
from termkit.glossary.model import Concept, Glossary, LangSec, Term


def concept(cid: str, fr: list[str] = (), en: list[str] = ()) -> Concept:
    langs = {}
    if fr:
        langs["fr"] = LangSec("fr", [Term(t) for t in fr])
    if en:
        langs["en"] = LangSec("en", [Term(t) for t in en])
    return Concept(cid, langs)


#: concept id | French terms | English terms (terms separated by ";")
TABLE = """
thb | traite des êtres humains; trafic d'êtres humains | trafficking in human beings
traite | traite |
being | être humain |
sm | trafic de migrants | migrant smuggling
iom | OIM | IOM
unodc | ONUDC | UNODC
un | ONU | UN
eu | UE | EU
osce | OSCE | OSCE
interpol | INTERPOL | INTERPOL
unwomen | ONU Femmes | UN Women
lea | service chargé de l'application de la loi | law enforcement agency
victim | victime | victim
child | enfant | child
sexwork | travailleur du sexe | sex worker
coop | coopération policière internationale | international police cooperation
women | | woman
"""


def table(rows: str) -> Glossary:
    concepts = []
    for row in rows.strip().splitlines():
        cid, fr, en = (cell.strip() for cell in row.split("|"))
        concepts.append(concept(cid, [t.strip() for t in fr.split(";") if t.strip()],
                                [t.strip() for t in en.split(";") if t.strip()]))
    return Glossary(concepts)


GLOSSARY = table(TABLE)


@pytest.fixture(scope="module")
def fr() -> Matcher:
    return Matcher(GLOSSARY, "fr")


@pytest.fixture(scope="module")
def en() -> Matcher:
    return Matcher(GLOSSARY, "en")


def found(matcher: Matcher, text: str) -> list[tuple[str, str]]:
    matches = matcher.find(text)
    for m in matches:
        assert text[m.start:m.end] == m.text          # offsets point at the surface form
    return [(m.text, m.concept.id) for m in matches]


@pytest.mark.parametrize("text, surface", [
    ("le rôle de l’OIM", "OIM"),
    ("L’OIM a dit", "OIM"),
    ("L'OIM a dit", "OIM"),
    ("de lʼOIM", "OIM"),
    ("avec l‘OIM", "OIM"),
])
def test_elided_acronym(fr, text, surface):
    assert found(fr, text) == [(surface, "iom")]


def test_elision_of_de_and_que(fr):
    assert found(fr, "les experts de l'ONUDC et qu’INTERPOL") == [
        ("ONUDC", "unodc"), ("INTERPOL", "interpol")]
    assert found(fr, "la lutte contre le trafic d’êtres humains") == [
        ("trafic d’êtres humains", "thb")]


def test_offsets_exact(fr):
    text = "Selon l’ONUDC, la traite des êtres humains augmente."
    (match,) = [m for m in fr.find(text) if m.concept.id == "thb"]
    assert (match.start, match.end) == (18, 42)
    assert match.term.text == "traite des êtres humains" and match.lang == "fr"
    assert [m.start for m in fr.find(text)] == sorted(m.start for m in fr.find(text))


@pytest.mark.parametrize("text", [
    "Trafic de migrants", "TRAFIC DE MIGRANTS", "trafic de migrants", "Le trafic des migrants"])
def test_case_and_article_variants(fr, text):
    assert [cid for _, cid in found(fr, text)] == ["sm"]


def test_plurals_french(fr):
    assert found(fr, "Les victimes et les enfants") == [
        ("victimes", "victim"), ("enfants", "child")]
    assert found(fr, "des travailleurs du sexe") == [("travailleurs du sexe", "sexwork")]
    assert found(fr, "les coopérations policières internationales") == [
        ("coopérations policières internationales", "coop")]
    assert found(fr, "aux services chargés de l’application de la loi") == [
        ("services chargés de l’application de la loi", "lea")]
    assert found(fr, "des êtres humains") == [("êtres humains", "being")]


def test_feminine_forms_french():
    glossary = Glossary([concept("sw", ["travailleur du sexe"]),
                         concept("pc", ["coopération policière"]),
                         concept("mig", ["migrant en situation irrégulière"])])
    matcher = Matcher(glossary, "fr")
    assert [m.concept.id for m in matcher.find(
        "les travailleuses du sexe, les coopérations policières, des migrantes en situation "
        "irrégulière")] == ["sw", "pc", "mig"]


def test_matches_are_hashable(fr):
    matches = fr.find("l’OIM et l’OIM")
    assert len(set(matches)) == 2 and matches[0] != matches[1]


def test_plurals_english(en):
    assert found(en, "Law enforcement agencies and children, victims") == [
        ("Law enforcement agencies", "lea"), ("children", "child"), ("victims", "victim")]
    assert found(en, "sex workers and women") == [("sex workers", "sexwork"), ("women", "women")]
    assert found(en, "law-enforcement agency") == [("law-enforcement agency", "lea")]
    assert found(en, "UNODC’s report") == [("UNODC", "unodc")]


def test_acronym_case_rule(fr, en):
    assert found(fr, "une rue, la oim, Oim, l'onu et l'Onu") == []
    assert found(fr, "l'UE et l'ONU") == [("UE", "eu"), ("ONU", "un")]
    assert found(fr, "LE RAPPORT DE L'OIM") == [("OIM", "iom")]
    assert found(en, "the UN said; the un-official; un") == [("UN", "un")]
    assert found(fr, "ONU Femmes et onu femmes") == [("ONU Femmes", "unwomen")]
    # long acronyms are also written as names
    assert found(fr, "Interpol et interpol") == [("Interpol", "interpol")]


def test_no_match_inside_words(fr):
    assert found(fr, "OSCEX, OSCE-X, rue, UEFA, ONUDCX") == [("OSCE", "osce")]
    assert found(fr, "maltraitement, traiteur") == []


def test_longest_match_wins(fr):
    assert found(fr, "la traite des êtres humains") == [("traite des êtres humains", "thb")]
    assert found(fr, "de la traite") == [("traite", "traite")]


def test_overlapping_terms_are_leftmost_then_longest():
    glossary = Glossary([concept("ab", en=["police cooperation"]),
                         concept("bc", en=["cooperation agreement"]),
                         concept("b", en=["cooperation"])])
    matcher = Matcher(glossary, "en")
    assert found(matcher, "a police cooperation agreement") == [("police cooperation", "ab")]
    assert found(matcher, "a cooperation agreement") == [("cooperation agreement", "bc")]


def test_spaces_and_hyphens_unified(fr, en):
    assert found(fr, "trafic\u00a0de  migrants") == [("trafic\u00a0de  migrants", "sm")]
    assert found(fr, "trafic\nde\u202fmigrants") == [("trafic\nde\u202fmigrants", "sm")]
    assert found(en, "migrant\u2011smuggling") == [("migrant\u2011smuggling", "sm")]


def test_invisible_characters_inside_words(fr):
    assert found(fr, "le tra\u00adfic de mi\u2060grants") == [
        ("tra\u00adfic de mi\u2060grants", "sm")]
    assert found(fr, "\ufeffl’OIM") == [("OIM", "iom")]
    # combining accents (NFD text) match composed ones
    assert found(fr, "des e\u0302tres humains") == [("e\u0302tres humains", "being")]


def test_plural_acronyms(en):
    glossary = Glossary([concept("ngo", en=["NGO"])])
    assert found(Matcher(glossary, "en"), "NGOs, the NGO’s staff, ngos") == [
        ("NGOs", "ngo"), ("NGO", "ngo")]


def test_accents_matter(fr):
    assert found(fr, "les etres humains") == []


def test_contains(fr, en):
    thb = GLOSSARY.get("thb").langs["fr"].terms[0]
    assert fr.contains("contre la Traite des êtres humains", thb)
    assert not fr.contains("contre la traite des humains", thb)
    iom = GLOSSARY.get("iom").langs["fr"].terms[0]
    assert fr.contains("le rapport de l’OIM", iom)
    assert not fr.contains("le rapport de l’oim", iom)
    # a term shadowed by a longer match is still contained
    assert fr.contains("la traite des êtres humains", Term("traite"))
    # terms outside the glossary work too
    assert en.contains("the children of migrants", Term("child of migrant"))
    assert not en.contains("", Term("child"))
    assert not en.contains("child", Term(" "))


def test_empty_glossary_and_text(fr):
    empty = Matcher(Glossary(), "fr")
    assert empty.find("la traite des êtres humains") == []
    assert fr.find("") == [] and fr.find("   \n ") == []


def test_other_language_sections_are_ignored():
    glossary = Glossary([Concept("x", {"en-GB": LangSec("en-GB", [Term("organ trafficking")]),
                                       "de": LangSec("de", [Term("Organhandel")])})])
    matches = Matcher(glossary, "en").find("Organ trafficking and Organhandel")
    assert [(m.text, m.lang) for m in matches] == [("Organ trafficking", "en-GB")]


def test_normalise_is_symmetric():
    assert normalise("Services chargés de l’application", "fr") == normalise(
        "service chargé de l'application", "fr")
    assert normalise("agencies", "en") == "agency"
    assert normalise("people", "en") == "people"
    assert normalise("internationaux bureaux", "fr") == "international bureau"


def test_large_glossary_and_text():
    glossary = Glossary([concept(f"c{i}", fr=[f"terme numéro {i} spécial"]) for i in range(2000)])
    matcher = Matcher(glossary, "fr")
    text = "Le terme numéro 17 spécial et la traite des êtres humains. " * 2000
    matches = matcher.find(text)
    assert [m.concept.id for m in matches[:2]] == ["c17", "c17"] and len(matches) == 2000

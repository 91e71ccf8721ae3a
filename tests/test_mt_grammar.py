"""Restoring target terms: masking, French elision and articles, plurals, a/an."""

from __future__ import annotations

import pytest

from mt_support import domain_glossary, number_glossary
from termkit.glossary.index import TermIndex
from termkit.glossary.model import Concept, Glossary, LangSec, Term
from termkit.mt.check import check, needs
from termkit.mt.enforce import mask, postedit, restore
from termkit.lang.articles import join_en, join_fr
from termkit.lang.inflect import countable, is_plural, plural

TRAITE = Term("traite des êtres humains", gender="feminine")
TRAFIC = Term("trafic de migrants", gender="masculine")
ONUDC = Term("ONUDC", gender="masculine")


@pytest.mark.parametrize("before, term, article, expected", [
    ("le ", ONUDC, True, "l’ONUDC"),
    ("Le ", ONUDC, True, "L’ONUDC"),
    ("contre ", TRAITE, True, "contre la traite des êtres humains"),
    ("de ", TRAFIC, True, "du trafic de migrants"),
    ("victimes de le ", TRAITE, True, "victimes de la traite des êtres humains"),
    ("besoin de le ", TRAFIC, True, "besoin du trafic de migrants"),
    ("l’", TRAFIC, True, "le trafic de migrants"),
    ("d’", TRAFIC, True, "de trafic de migrants"),
    ("de ", ONUDC, True, "de l’ONUDC"),
    ("de ", Term("INTERPOL"), False, "d’INTERPOL"),
    ("avec ", Term("INTERPOL"), False, "avec INTERPOL"),
    ("", TRAITE, True, "La traite des êtres humains"),
    ("une ", TRAITE, True, "une traite des êtres humains"),
    ("combattre ", TRAITE, True, "combattre la traite des êtres humains"),
    ("en ", TRAITE, True, "en traite des êtres humains"),
    ("12 ", Term("victimes", gender="feminine", number="plural"), True, "12 victimes"),
    ("aider ", Term("victimes", gender="feminine", number="plural"), True, "aider les victimes"),
])
def test_join_fr(before, term, article, expected):
    head, text = join_fr(before, term, article=article)
    assert head + text == expected


def test_join_en_and_plurals():
    assert "".join(join_en("is a ", Term("UNODC"))) == "is a UNODC"
    assert "".join(join_en("is a ", Term("IOM"))) == "is an IOM"
    assert "".join(join_en("an ", Term("smuggler"))) == "a smuggler"
    assert plural("victim", "en") == "victims" and plural("child", "en") == "children"
    assert plural("agency", "en") == "agencies" and plural("victime", "fr") == "victimes"
    assert plural("travailleur du sexe", "fr") == "travailleurs du sexe"


def test_mask_undoes_elision_and_avoids_names_in_text():
    glossary = domain_glossary()
    text = "Tom dit que l’ONUDC combat la traite d’êtres humains."
    found = needs(text, TermIndex(glossary), "fr", "en")
    masked = mask(text, found, "fr")
    assert "Tom" not in masked.slots
    assert masked.text == "Tom dit que le Jana combat la Nils."
    assert [n.term.text for n in masked.slots.values()] == ["UNODC",
                                                            "trafficking in human beings"]


def test_restore_case_plural_and_lost_placeholders():
    glossary = domain_glossary()
    text = "Les victimes et la traite des êtres humains."
    index = TermIndex(glossary)
    masked = mask(text, needs(text, index, "fr", "en"), "fr")
    out, lost = restore("Tom Tom and the Jana.", masked, "en")
    assert out == "Victims and the trafficking in human beings." and lost == []
    out, lost = restore("Tom and nothing.", masked, "en")
    assert [n.term.text for n in lost] == ["trafficking in human beings"]
    edited = postedit(out, lost[0], len(masked.text), index, "en")
    assert edited.count("trafficking in human beings") == 1


def test_postedit_replaces_rendering():
    glossary = domain_glossary()
    text = "Le trafic de migrants augmente."
    index = TermIndex(glossary)
    need = needs(text, index, "fr", "en")[0]
    out = postedit("The traffic of migrants rises.", need, len(text), index, "en",
                   rendering="traffic of migrants")
    assert out == "The migrant smuggling rises."
    assert postedit("Migrant trafficking rises.", need, len(text), index, "en") == \
        "Migrant smuggling rises."
    inserted = postedit("The victims of smuggling.", need, len(text), index, "en")
    assert inserted.lower().count("migrant smuggling") == 1 and "victims" in inserted


@pytest.mark.parametrize("term, lang, expected", [
    ("victim of trafficking", "en", "victims of trafficking"),
    ("member country", "en", "member countries"),
    ("law enforcement agency", "en", "law enforcement agencies"),
    ("child protection unit", "en", "child protection units"),
    ("NGO", "en", "NGOs"),
    ("non-governmental organization", "en", "non-governmental organizations"),
    ("child", "en", "children"),
    ("victime de la traite", "fr", "victimes de la traite"),
    ("service chargé de l’application de la loi", "fr",
     "services chargés de l’application de la loi"),
    ("organisation non gouvernementale", "fr", "organisations non gouvernementales"),
    ("pays membre", "fr", "pays membres"),
    ("migrant faisant l’objet d’un trafic illicite", "fr",
     "migrants faisant l’objet d’un trafic illicite"),
    ("bureau central", "fr", "bureaux centraux"),
    ("ONG", "fr", "ONG"),
    ("I-24/7", "en", "I-24/7"),
    ("recovery and reflection period", "en", "recovery and reflection periods"),
    ("travail forcé ou obligatoire", "fr", "travaux forcés ou obligatoires"),
    ("human rights", "en", "human rights"),
])
def test_plural_inflects_the_head_noun(term, lang, expected):
    assert plural(term, lang) == expected


@pytest.mark.parametrize("text, term, lang, expected", [
    ("les ONG de ses pays membres", "ONG", "fr", True),        # determiner: invariable noun
    ("les ONG de ses pays membres", "pays membres", "fr", True),
    ("avec ses pays", "pays", "fr", True),
    ("dans un pays membre", "pays membre", "fr", False),
    ("l’ONG agit", "ONG", "fr", False),
    ("d’autres ONG", "ONG", "fr", True),
    ("12 ONG", "ONG", "fr", True),
    ("les victimes de traite", "victimes de traite", "fr", True),
    ("la victime de la traite des êtres humains", "victime de la traite des êtres humains",
     "fr", False),                                               # plural complement only
    ("les services de la protection de l’enfance", "services de la protection de l’enfance",
     "fr", True),
    ("the victims of trafficking", "victims of trafficking", "en", True),
    ("trafficking in human beings", "trafficking in human beings", "en", False),
    ("NGOs and member countries", "NGOs", "en", True),
    ("NGOs and member countries", "member countries", "en", True),
    ("the NGO", "NGO", "en", False),
    ("several NGO", "NGO", "en", True),
    ("the children", "children", "en", True),
])
def test_is_plural_reads_endings_then_determiner(text, term, lang, expected):
    start = text.index(term)
    assert is_plural(text, start, start + len(term), lang) is expected


def test_countable_keeps_names_plurals_and_organisation_acronyms():
    assert countable(Term("NGO", part_of_speech="noun"))
    assert not countable(Term("UNODC", part_of_speech="properNoun"))
    assert not countable(Term("law enforcement agencies", number="plural"))
    assert not countable(Term("Frontex"))                        # capitalised, no POS: a name
    assert not countable(Term("UNODC"), ["United Nations Office on Drugs and Crime", "UNODC"])
    assert countable(Term("NGO"), ["non-governmental organization", "NGO"])
    assert countable(Term("victim of trafficking"))


def test_plural_articles_agree():
    many = Term("ONG", gender="feminine")
    assert "".join(join_fr("avec le ", many, article=True, plural=True)) == "avec les ONG"
    assert "".join(join_fr("l’", many, article=True, plural=True)) == "les ONG"
    assert "".join(join_fr("besoin de le ", Term("victime", gender="feminine"), article=True,
                           text="victimes", plural=True)) == "besoin des victimes"
    assert "".join(join_fr("aider ", Term("victime", gender="feminine"), article=True,
                           text="victimes", plural=True)) == "aider les victimes"
    assert "".join(join_fr("l’", many, article=True)) == "l’ONG"
    assert "".join(join_en("with a ", Term("NGO"), "NGOs", plural=True)) == "with NGOs"
    assert "".join(join_fr("notre ", Term("pays membre", gender="masculine"), article=True,
                           text="pays membres", plural=True)) == "nos pays membres"
    assert "".join(join_fr("Du ", many, article=True, plural=True)) == "Des ONG"
    assert "".join(join_en("This ", Term("NGO"), "NGOs", plural=True)) == "These NGOs"


def test_plural_wording_of_an_uncountable_concept_stays_singular():
    glossary = Glossary([Concept("irregular-migration", {
        "fr": LangSec("fr", [Term("migration irrégulière", part_of_speech="noun"),
                             Term("migrations illégales", number="plural", status="admitted",
                                  part_of_speech="noun")]),
        "en": LangSec("en", [Term("irregular migration", part_of_speech="noun")])})])
    index = TermIndex(glossary)
    assert [n.plural for n in needs("Les migrations illégales augmentent.", index, "fr",
                                    "en")] == [False]
    assert [n.plural for n in needs("Les services de la protection de l’enfance.",
                                    TermIndex(number_glossary()), "fr", "en")] == [True]


def test_restore_inflects_plural_sources_and_check_finds_them():
    glossary = number_glossary()
    index = TermIndex(glossary)
    text = ("Les services de la protection de l’enfance, les ONG de ses pays membres et les "
            "victimes de traite aident l’ONUDC contre la traite des êtres humains.")
    found = needs(text, index, "fr", "en")
    assert [n.plural for n in found] == [True, True, True, True, False, False]
    masked = mask(text, found, "fr")
    holders = list(masked.slots)
    engine_out = (f"The {holders[0]}, the {holders[1]} of its {holders[2]} and the {holders[3]} "
                  f"help the {holders[4]} against the {holders[5]}.")
    out, lost = restore(engine_out, masked, "en")
    assert out == ("The child protection units, the NGOs of its member countries and the victims "
                   "of trafficking help the UNODC against the trafficking in human beings.")
    assert lost == []
    verdict = check(text, out, index, "fr", "en")
    assert verdict.ok and len(verdict.found) == 6
    # the same sentence in the singular keeps every term as written
    single = "Le service de la protection de l’enfance et une ONG d’un pays membre."
    assert [n.plural for n in needs(single, index, "fr", "en")] == [False, False, False]


def test_postedit_and_forbidden_replacement_inflect():
    glossary = number_glossary()
    glossary.concepts.append(Concept("smuggler", {
        "fr": LangSec("fr", [Term("passeur", part_of_speech="noun")]),
        "en": LangSec("en", [Term("migrant smuggler", part_of_speech="noun"),
                             Term("coyote", status="deprecated", part_of_speech="noun")])}))
    index = TermIndex(glossary)
    text = "Les victimes de traite parlent."
    need = needs(text, index, "fr", "en")[0]
    edited = postedit("Victims of traite speak.", need, len(text), index, "en",
                      rendering="victims of traite")
    assert edited == "Victims of trafficking speak."
    from termkit.mt.enforce import fix_forbidden
    assert fix_forbidden("Two coyotes and a coyote.", index, "en") == \
        "Two migrant smugglers and a migrant smuggler."

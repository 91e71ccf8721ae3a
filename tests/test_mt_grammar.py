"""Restoring target terms: masking, French elision and articles, plurals, a/an."""

from __future__ import annotations

import pytest

from mt_support import domain_glossary
from termkit.glossary.match import Matcher
from termkit.glossary.model import Term
from termkit.mt.check import needs
from termkit.mt.enforce import mask, postedit, restore
from termkit.mt.grammar import is_plural, join_en, join_fr, plural

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
    assert is_plural("victimes", "victime", "fr") and not is_plural("OIM", "OIM", "fr")


def test_mask_undoes_elision_and_avoids_names_in_text():
    glossary = domain_glossary()
    text = "Tom dit que l’ONUDC combat la traite d’êtres humains."
    found = needs(text, Matcher(glossary, "fr"), "en")
    masked = mask(text, found, "fr")
    assert "Tom" not in masked.slots
    assert masked.text == "Tom dit que le Jana combat la Nils."
    assert [n.term.text for n in masked.slots.values()] == ["UNODC",
                                                            "trafficking in human beings"]


def test_restore_case_plural_and_lost_placeholders():
    glossary = domain_glossary()
    text = "Les victimes et la traite des êtres humains."
    masked = mask(text, needs(text, Matcher(glossary, "fr"), "en"), "fr")
    out, lost = restore("Tom Tom and the Jana.", masked, "en")
    assert out == "Victims and the trafficking in human beings." and lost == []
    out, lost = restore("Tom and nothing.", masked, "en")
    assert [n.term.text for n in lost] == ["trafficking in human beings"]
    edited = postedit(out, lost[0], len(masked.text), "en", Matcher(glossary, "en"))
    assert edited.count("trafficking in human beings") == 1


def test_postedit_replaces_rendering():
    glossary = domain_glossary()
    text = "Le trafic de migrants augmente."
    need = needs(text, Matcher(glossary, "fr"), "en")[0]
    en = Matcher(glossary, "en")
    out = postedit("The traffic of migrants rises.", need, len(text), "en", en,
                   rendering="traffic of migrants")
    assert out == "The migrant smuggling rises."
    assert postedit("Migrant trafficking rises.", need, len(text), "en", en) == \
        "Migrant smuggling rises."
    inserted = postedit("The victims of smuggling.", need, len(text), "en", en)
    assert inserted.lower().count("migrant smuggling") == 1 and "victims" in inserted

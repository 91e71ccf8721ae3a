"""The Apertium engine (skipped when Apertium and its fr-es / en-es pairs are not installed)."""

from __future__ import annotations

import pytest

from mt_support import domain_glossary, number_glossary
from termkit.mt import apertium
from termkit.mt.translate import translate

pytestmark = pytest.mark.skipif(not (apertium.available("fr", "en")
                                     and apertium.available("en", "fr")),
                                reason="apertium with fr-es and en-es is not installed")


def test_batch_keeps_one_line_per_sentence():
    engine = apertium.ApertiumEngine("fr", "en")
    out = engine.translate(["Le chat dort.", "", "Les victimes  sont\taidées."])
    assert len(out) == 3 and out[1] == ""
    assert "victims" in out[2].lower() and "*" not in out[2]


def test_works_under_a_locale_the_machine_lacks(monkeypatch):
    # a French user's LANG on a machine without that locale made Apertium print nothing
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    monkeypatch.setenv("LC_ALL", "xx_XX.UTF-8")
    out = apertium.ApertiumEngine("fr", "en").translate(["Les victimes sont aidées."])
    assert "victims" in out[0].lower()


def test_fr_en_enforcement_and_do_not_translate():
    results = translate(["La traite des êtres humains est un crime. L’ONUDC et INTERPOL "
                         "luttent contre le trafic de migrants.", "Les victimes de Frontex."],
                        "fr", "en", glossary=domain_glossary(), engine="apertium")
    text = " ".join(r.output for r in results)
    assert "Trafficking in human beings" in text and "UNODC" in text
    assert "INTERPOL" in text and "Frontex" in text and "migrant smuggling" in text
    assert "Victims" in results[1].output
    assert all(s.check.ok for r in results for s in r.segments)


def test_en_fr_elision_and_articles():
    results = translate(["The UNODC works against human trafficking.",
                         "Victims of migrant smuggling need help."],
                        "en", "fr", glossary=domain_glossary(), engine="apertium")
    assert results[0].output.startswith("L’ONUDC")
    assert "contre la traite des êtres humains" in results[0].output
    assert "victimes" in results[1].output.lower()
    assert "trafic de migrants" in results[1].output
    assert "de le " not in results[1].output
    assert all(s.check.ok for r in results for s in r.segments)


def test_without_glossary_marks_are_stripped():
    out = apertium.ApertiumEngine("fr", "en").translate(["Le zorglubisme de Xyzzq."])[0]
    assert "*" not in out and "Xyzzq" in out


def test_forbidden_target_term_never_appears():
    from termkit.glossary.model import Concept, Glossary, LangSec, Term

    glossary = Glossary([Concept("feline", {
        "fr": LangSec("fr", [Term("félin")]),
        "en": LangSec("en", [Term("feline", status="preferred"),
                             Term("cat", status="deprecated")])})])
    results = translate(["Le chat dort.", "Les chats dorment."], "fr", "en", glossary=glossary,
                        engine="apertium")
    assert [r.output for r in results] == ["The feline sleeps.", "The felines sleep."]
    assert all(not s.check.forbidden for r in results for s in r.segments)


def test_plural_sources_give_plural_target_terms():
    results = translate(["INTERPOL reconnaît le rôle des services de la protection de l’enfance "
                         "et des ONG de ses pays membres.",
                         "Les victimes de traite et l’ONUDC luttent contre la traite des êtres "
                         "humains.",
                         "Une ONG d’un pays membre aide une victime de traite."],
                        "fr", "en", glossary=number_glossary(), engine="apertium")
    plural, mixed, single = (r.output for r in results)
    assert "child protection units" in plural and "NGOs of" in plural
    assert "member countries" in plural
    assert "victims of trafficking" in mixed.lower() and "traffickings" not in mixed
    assert "UNODC" in mixed and "UNODCs" not in mixed
    assert "trafficking in human beings" in mixed
    assert "NGO " in single and "member country" in single and "victim of trafficking" in single
    assert all(s.check.ok for r in results for s in r.segments)


def test_plural_sources_en_fr_agree_articles():
    results = translate(["The NGOs help victims of trafficking in member countries.",
                         "An NGO helps a victim of trafficking."],
                        "en", "fr", glossary=number_glossary(), engine="apertium")
    plural, single = (r.output for r in results)
    assert "Les ONG" in plural and "victimes de traite" in plural and "pays membres" in plural
    assert "victime de traite" in single and "victimes" not in single
    assert all(s.check.ok for r in results for s in r.segments)

"""The Apertium engine (skipped when Apertium and its fr-es / en-es pairs are not installed)."""

from __future__ import annotations

import pytest

from mt_support import domain_glossary
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

"""Translation with the CTranslate2 engine (random-weight model) and glossary enforcement."""

from __future__ import annotations

import pytest

from mt_support import domain_glossary, number_glossary, package_path  # noqa: F401
from termkit.errors import TermkitError
from termkit.glossary.index import TermIndex
from termkit.glossary.model import Concept, Glossary, LangSec, Term
from termkit.mt.check import check
from termkit.mt.ct2 import CT2Engine
from termkit.mt.enforce import PLACEHOLDERS
from termkit.mt.package import read
from termkit.mt.translate import MAX_LINE, translate

SOURCES = [
    "La traite des êtres humains est un crime grave. L’ONUDC aide les victimes.",
    "",
    "INTERPOL et Frontex luttent contre le trafic de migrants et le travail forcé.",
    "Tom parle avec l’OIM.",
]


@pytest.fixture(scope="module")
def engine(package_path):
    return CT2Engine(read(package_path), beam_size=2)


def test_decode_batch_nbest_and_prefix(engine):
    tom = engine.tokenize(["Tom"])[0]
    hyps = engine.decode(["la traite des victimes .", "les enfants ."], num_hypotheses=2,
                         prefixes=[tom, None], attention=True)
    assert len(hyps) == 2 and all(len(h) == 2 for h in hyps)
    assert hyps[0][0].pieces[:len(tom)] == tom and hyps[0][0].text.startswith("Tom")
    assert "<2en>" not in hyps[1][0].pieces[:1]
    assert len(hyps[0][0].attention) == len(hyps[0][0].pieces)


def test_model_is_loaded_once(engine, package_path):
    again = CT2Engine(read(package_path), beam_size=2)
    assert again.translator is engine.translator


def test_underscore_survives_decoding(engine):
    pieces = engine.tokenize(["snake_case victims"])[0]
    assert engine.detokenize(pieces) == "snake_case victims"


def test_one_output_line_per_input_line(engine):
    results = translate(SOURCES, "fr", "en", engine=engine)
    assert len(results) == len(SOURCES)
    assert results[1].output == "" and results[1].segments == []
    assert [len(r.segments) for r in results] == [2, 0, 1, 1]
    assert all("\n" not in r.output for r in results)


def test_enforcement_finds_every_term(engine):
    glossary = domain_glossary()
    results = translate(SOURCES, "fr", "en", engine=engine, glossary=glossary)
    segments = [s for r in results for s in r.segments]
    required = [n.term.text for s in segments for n in s.check.required]
    assert {"trafficking in human beings", "UNODC", "INTERPOL", "Frontex", "migrant smuggling",
            "forced labour", "IOM"} <= set(required)
    assert all(s.check.ok for s in segments), [(s.output, s.check.missed) for s in segments]
    assert "INTERPOL" in results[2].output and "Frontex" in results[2].output
    for r in results:         # placeholders never leak (Tom was in the source itself)
        leaked = [p for p in PLACEHOLDERS if p in r.output.split() and p not in r.source]
        assert not leaked


def test_prefix_decoding_alone_guarantees_inclusion(engine):
    results = translate(SOURCES, "fr", "en", engine=engine, glossary=domain_glossary(),
                        method="mask+rerank+prefix")
    assert sum(r.missed for r in results) == 0


def test_without_enforcement_misses_are_reported(engine):
    results = translate(SOURCES, "fr", "en", engine=engine, glossary=domain_glossary(),
                        method="none")
    assert sum(r.missed for r in results) >= 3
    missed = [n.term.text for r in results for s in r.segments for n in s.check.missed]
    assert "trafficking in human beings" in missed


def test_forbidden_target_term_is_replaced():
    glossary = domain_glossary()
    index = TermIndex(glossary)
    result = check("Le trafic de migrants.", "Migrant trafficking.", index, "fr", "en")
    assert result.forbidden == ["Migrant trafficking"] and not result.ok
    from termkit.mt.enforce import fix_forbidden
    fixed = fix_forbidden("Migrant trafficking and trade in human beings.", index, "en")
    assert fixed == "Migrant smuggling and trafficking in human beings."
    assert check("Le trafic de migrants.", fixed, index, "fr", "en").ok


def test_check_counts_occurrences():
    glossary = domain_glossary()
    result = check("Les victimes et une victime.", "The victims.", TermIndex(glossary), "fr",
                   "en")
    assert len(result.required) == 2 and len(result.found) == 1 and len(result.missed) == 1
    assert result.as_dict()["missed"][0]["target"] == "victim"


def test_empty_target_term_is_an_error(engine):
    glossary = Glossary([Concept("c1", {"fr": LangSec("fr", [Term("passeur")]),
                                        "en": LangSec("en", [Term(" ")])})])
    with pytest.raises(TermkitError, match="concept c1: empty en term"):
        translate(["Un passeur."], "fr", "en", engine=engine, glossary=glossary)


def test_huge_line_is_an_error_long_sentence_is_cut(engine):
    with pytest.raises(TermkitError, match="in.txt: line 2: too long"):
        translate(["ok", "a" * (MAX_LINE + 1)], "fr", "en", engine=engine, name="in.txt")
    long = " ".join(["victimes"] * 400)
    result = translate([long], "fr", "en", engine=engine)[0]
    assert len(result.segments) >= 3 and result.output


def test_unknown_method(engine):
    with pytest.raises(TermkitError, match="unknown enforcement step"):
        translate(["x"], "fr", "en", engine=engine, glossary=domain_glossary(), method="magic")


def test_acronym_gives_acronym():
    from termkit.mt.check import needs

    unodc = Concept("unodc", {
        "fr": LangSec("fr", [Term("Office des Nations Unies contre la drogue et le crime",
                                  status="preferred", term_type="fullForm"),
                             Term("ONUDC", status="admitted", term_type="acronym")]),
        "en": LangSec("en", [Term("United Nations Office on Drugs and Crime",
                                  status="preferred", term_type="fullForm"),
                             Term("UNODC", status="admitted", term_type="acronym")])})
    index = TermIndex(Glossary([unodc]))
    text = "L’ONUDC, l’Office des Nations Unies contre la drogue et le crime."
    assert [n.term.text for n in needs(text, index, "fr", "en")] == [
        "UNODC", "United Nations Office on Drugs and Crime"]


def test_postedit_puts_plural_terms_in_model_output(engine):
    glossary = number_glossary()
    results = translate(["Les ONG aident les victimes de traite.",
                         "Une ONG aide une victime de traite."],
                        "fr", "en", engine=engine, glossary=glossary, method="postedit")
    plural, single = (r.output for r in results)
    assert "NGOs" in plural and "victims of trafficking" in plural.lower()
    assert "NGOs" not in single and "victim of trafficking" in single.lower()
    assert "victims" not in single.lower()
    assert all(s.check.ok for r in results for s in r.segments)


def test_sentences_the_model_would_truncate_are_cut(engine, monkeypatch):
    # CTranslate2 drops what is past the model's input limit: such a sentence is cut first
    monkeypatch.setattr(engine, "max_pieces", 30)
    sentence = "les victimes, " * 20 + "et Frontex coopère."
    results = translate([sentence], "fr", "en", engine=engine, method="none")
    sources = [s.source for s in results[0].segments]
    assert len(sources) > 1
    assert " ".join(sources) == " ".join(sentence.split())
    assert all(len(engine.tokenize([s])[0]) <= 30 for s in sources)


def _thb_glossary() -> Glossary:
    return Glossary([Concept("thb", {
        "fr": LangSec("fr", [Term("traite des êtres humains", gender="feminine")]),
        "en": LangSec("en", [Term("trafficking in human beings")])})])


def test_a_term_added_to_the_same_glossary_is_enforced_next_time(engine):
    glossary = _thb_glossary()
    text = ["Le passeur organise la traite des êtres humains."]
    first = translate(text, "fr", "en", engine=engine, glossary=glossary)
    assert [n.term.text for n in first[0].segments[0].check.required] == [
        "trafficking in human beings"]
    glossary.concepts.append(Concept("smuggler", {
        "fr": LangSec("fr", [Term("passeur", part_of_speech="noun")]),
        "en": LangSec("en", [Term("migrant smuggler", part_of_speech="noun")])}))
    again = translate(text, "fr", "en", engine=engine, glossary=glossary)
    verdict = again[0].segments[0].check
    assert [n.term.text for n in verdict.required] == ["migrant smuggler",
                                                       "trafficking in human beings"]
    assert verdict.ok and "migrant smuggler" in again[0].output


def test_a_term_index_serves_every_step(engine):
    index = TermIndex(_thb_glossary())
    results = translate(["La traite des êtres humains."], "fr", "en", engine=engine,
                        glossary=index, method="mask+rerank+prefix+postedit")
    assert results[0].segments[0].check.ok
    assert "trafficking in human beings" in results[0].output.lower()


def test_sentences_are_pairs_with_provenance(engine):
    results = translate(SOURCES, "fr-FR", "en_GB", engine=engine, name="in.txt")
    pairs = [s.pair for r in results for s in r.segments]
    assert [(p.source.lines, p.source.sentences) for p in pairs] == [
        ((1,), (0,)), ((1,), (1,)), ((3,), (2,)), ((4,), (3,))]
    first = pairs[0]
    assert (first.source.lang, first.target.lang) == ("fr-FR", "en-GB")
    assert first.source.doc == "in.txt" and first.source.text == SOURCES[0].split(". ")[0] + "."
    assert first.target.text == results[0].segments[0].output and first.target.text
    assert first.prop("x-termkit-model") == engine.id


def test_each_sentence_is_matched_once_for_enforcement_and_check(engine, monkeypatch):
    from termkit.mt import check as check_module
    from termkit.mt import translate as translate_module

    calls = []
    real = check_module.needs

    def counted(text, *args):
        calls.append(text)
        return real(text, *args)

    monkeypatch.setattr(check_module, "needs", counted)
    monkeypatch.setattr(translate_module, "needs", counted)
    results = translate(SOURCES, "fr", "en", engine=engine, glossary=domain_glossary())
    sentences = [s.source for r in results for s in r.segments]
    assert sorted(calls) == sorted(sentences)
    assert all(s.check is not None for r in results for s in r.segments)


def test_a_glossary_file_name_is_not_a_glossary(engine):
    with pytest.raises(TypeError, match="TermIndex or a Glossary"):
        translate(["La traite."], "fr", "en", engine=engine, glossary="glossaries/x.tbx")


def test_the_source_region_picks_its_glossary_section(engine):
    glossary = Glossary([Concept("mail", {
        "fr-FR": LangSec("fr-FR", [Term("mél")]), "fr-CA": LangSec("fr-CA", [Term("courriel")]),
        "en": LangSec("en", [Term("email")])})])
    text = ["Le courriel arrive."]
    canadian = translate(text, "fr_CA", "en", engine=engine, glossary=glossary)[0].segments[0]
    assert [n.source for n in canadian.check.required] == ["courriel"]
    assert canadian.check.ok and "email" in canadian.output.lower()
    french = translate(text, "fr-FR", "en", engine=engine, glossary=glossary)[0].segments[0]
    assert french.check.required == []

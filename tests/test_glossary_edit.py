"""Editing operations (add, set status, merge, save in place) and statistics."""

from __future__ import annotations

import copy

import pytest

from termkit.errors import TermkitError
from termkit.glossary import csv, edit, formats
from termkit.glossary.model import Concept, Glossary, LangSec, Term
from termkit.glossary.stats import stats


def sample() -> Glossary:
    thb = Concept("tk-009", subject_field="trafficking")
    thb.langs["fr"] = LangSec("fr", [Term("traite des êtres humains", "preferred"),
                                     Term("trafic d'êtres humains", "deprecated")])
    thb.langs["en"] = LangSec("en", [Term("trafficking in human beings", "preferred"),
                                     Term("human trafficking", "admitted")])
    iom = Concept("tk-010", {"fr": LangSec("fr", [Term("OIM", "preferred", term_type="acronym")]),
                             "en": LangSec("en", [Term("IOM", "preferred")])})
    victim = Concept("tk-011", {"fr": LangSec("fr", [Term("victime")])})
    return Glossary([thb, iom, victim])


def test_add_term_to_existing_concept():
    glossary = sample()
    concept = edit.add_term(glossary, "tk-011", "en", " victim ", "preferred",
                            part_of_speech="noun", definition="A person harmed.")
    assert concept.id == "tk-011"
    section = concept.langs["en"]
    assert section.terms == [Term("victim", "preferred", part_of_speech="noun")]
    assert section.definition == "A person harmed."
    assert len(glossary) == 3


def test_add_term_creates_a_concept_with_given_or_next_id():
    glossary = sample()
    edit.add_term(glossary, "unodc", "fr", "ONUDC", term_type="acronym", subject_field="orgs")
    assert glossary.get("unodc").langs["fr"].terms[0].term_type == "acronym"
    assert glossary.get("unodc").subject_field == "orgs"
    made = edit.add_term(glossary, None, "en", "migrant smuggling")
    assert made.id == "tk-012"
    assert glossary.concepts[-1] is made


def test_new_id_without_numbering_and_with_gaps():
    assert edit.new_id(Glossary()) == "c1"
    glossary = Glossary([Concept("alpha"), Concept("c2")])
    assert edit.new_id(glossary) == "c3"
    assert edit.new_id(Glossary([Concept("x"), Concept("y")])) == "c3"


def test_new_id_continues_a_numbering_only_when_most_ids_follow_it():
    named = Glossary([Concept(i) for i in ("thb", "sm", "iom", "directive-2011-36")])
    assert edit.new_id(named) == "c5"
    assert edit.add_term(named, None, "fr", "ONUDC").id == "c5"
    mostly = Glossary([Concept(i) for i in ("tk-001", "tk-007", "unodc")])
    assert edit.new_id(mostly) == "tk-008"
    half = Glossary([Concept(i) for i in ("tk-1", "iom")])
    assert edit.new_id(half) == "c3"


@pytest.mark.parametrize("kwargs,message", [
    ({"text": "traite des êtres humains", "lang": "fr"}, "already has"),
    ({"text": "  ", "lang": "fr"}, "empty term"),
    ({"text": "x", "lang": "french language"}, "invalid language code"),
    ({"text": "x", "lang": "fr", "status": "forbidden"}, "unknown status"),
])
def test_add_term_errors(kwargs, message):
    glossary = sample()
    before = copy.deepcopy(glossary)
    with pytest.raises(TermkitError, match=message):
        edit.add_term(glossary, "tk-009", **kwargs)
    assert glossary == before


@pytest.mark.parametrize("code,stored", [
    ("fr", "fr"), ("en-GB", "en-GB"), ("es-419", "es-419"), ("x-private", "x-private"),
    ("fr_FR", "fr-FR"), ("FR_fr", "fr-FR"), ("EN", "en"), ("fr_FR.UTF-8", "fr-FR"),
    ("en-a", None), ("fr-", None), ("", None)])
def test_add_term_takes_any_spelling_of_a_tag_and_stores_the_tag(code, stored):
    from termkit.glossary import checks

    glossary = sample()
    if stored is None:
        with pytest.raises(TermkitError, match="invalid language code"):
            edit.add_term(glossary, None, code, "x")
        return
    concept = edit.add_term(glossary, None, code, "x")
    assert list(concept.langs) == [stored] and concept.langs[stored].lang == stored
    # what is stored is a tag the validator accepts
    assert not list(checks.bad_languages(glossary, checks.Where(glossary)))


def test_validate_still_reports_a_section_spelt_fr_FR():
    from termkit.glossary import checks

    other = Glossary([Concept("c", {"fr_FR": LangSec("fr_FR", [Term("x")])})])
    assert list(checks.bad_languages(other, checks.Where(other)))


def test_add_and_set_status_find_the_section_of_any_spelling():
    glossary = sample()
    edit.add_term(glossary, "ca", "fr-CA", "victime de la traite")
    edit.add_term(glossary, "ca", "fr_ca", "personne victime")
    assert [t.text for t in glossary.get("ca").langs["fr-CA"].terms] == [
        "victime de la traite", "personne victime"]
    concept, term = edit.set_status(glossary, "personne victime", "FR_CA", "admitted")
    assert term.status == "admitted"
    with pytest.raises(TermkitError, match="invalid language code"):
        edit.set_status(glossary, "victime", "french language", "admitted")


def test_set_status_exact_and_case_insensitive():
    glossary = sample()
    concept, term = edit.set_status(glossary, "Human Trafficking", "en", "deprecated")
    assert concept.id == "tk-009" and term.text == "human trafficking"
    assert glossary.get("tk-009").langs["en"].terms[1].status == "deprecated"
    # making a term preferred does not demote the other one
    edit.set_status(glossary, "human trafficking", "en", "preferred")
    assert [t.status for t in glossary.get("tk-009").langs["en"].terms] == ["preferred"] * 2


def test_set_status_not_found_ambiguous_and_concept_choice():
    glossary = sample()
    with pytest.raises(TermkitError, match="no fr term 'absent'"):
        edit.set_status(glossary, "absent", "fr", "admitted")
    with pytest.raises(TermkitError, match="unknown status"):
        edit.set_status(glossary, "OIM", "fr", "banned")
    edit.add_term(glossary, "other", "fr", "OIM")
    with pytest.raises(TermkitError, match=r"several concepts \(tk-010, other\)"):
        edit.set_status(glossary, "OIM", "fr", "admitted")
    concept, term = edit.set_status(glossary, "OIM", "fr", "admitted", concept_id="other")
    assert concept.id == "other" and term.status == "admitted"
    assert glossary.get("tk-010").langs["fr"].terms[0].status == "preferred"
    with pytest.raises(TermkitError, match="no concept nope"):
        edit.set_status(glossary, "OIM", "fr", "admitted", concept_id="nope")


def test_merge_joins_by_id_fills_gaps_and_keeps_a_on_conflict():
    a, b = sample(), sample()
    b.concepts[0].subject_field = "crime"                           # conflict
    b.concepts[0].note = "from B"                                  # gap in A
    b.concepts[0].langs["en"].terms[1].status = "deprecated"       # term conflict
    b.concepts[0].langs["en"].terms.append(Term("THB", term_type="acronym"))  # new term
    b.concepts[1].langs["de"] = LangSec("de", [Term("IOM")])       # new language
    b.concepts.append(Concept("tk-100", {"en": LangSec("en", [Term("victim identification")])}))
    before_a, before_b = copy.deepcopy(a), copy.deepcopy(b)
    merged, report = edit.merge(a, b)
    assert (a, b) == (before_a, before_b)  # inputs untouched
    thb = merged.get("tk-009")
    assert thb.subject_field == "trafficking" and thb.note == "from B"
    assert [(t.text, t.status) for t in thb.langs["en"].terms] == [
        ("trafficking in human beings", "preferred"), ("human trafficking", "admitted"),
        ("THB", None)]
    assert merged.get("tk-010").langs["de"].terms[0].text == "IOM"
    assert [c.id for c in merged] == ["tk-009", "tk-010", "tk-011", "tk-100"]
    assert report.added == ["tk-100"] and report.joined == ["tk-009", "tk-010", "tk-011"]
    assert {(c.concept_id, c.where, c.field) for c in report.conflicts} == {
        ("tk-009", "concept", "subject_field"),
        ("tk-009", "en term 'human trafficking'", "status")}


def test_merge_replace_and_error():
    a, b = sample(), sample()
    b.concepts[0].subject_field = "crime"
    merged, report = edit.merge(a, b, on_conflict="replace")
    assert merged.get("tk-009").subject_field == "crime" and len(report.conflicts) == 1
    with pytest.raises(TermkitError, match="concept tk-009: concept subject_field differs"):
        edit.merge(a, b, on_conflict="error")
    with pytest.raises(TermkitError, match="conflict policy"):
        edit.merge(a, b, on_conflict="maybe")


def test_merge_reports_same_preferred_term_under_other_id():
    a = sample()
    b = Glossary([Concept("iom-2", {"en": LangSec("en-GB", [Term("iom", "preferred")])}),
                  Concept("fresh", {"fr": LangSec("fr", [Term("passeur", "preferred")])})])
    merged, report = edit.merge(a, b)
    assert report.duplicates == [("tk-010", "iom-2", "en", "iom")]
    assert [c.id for c in merged][-2:] == ["iom-2", "fresh"]  # reported, not joined


def test_find_concepts_and_equivalents():
    glossary = sample()
    assert [c.id for c in edit.find_concepts(glossary, "tk-010")] == ["tk-010"]
    assert [c.id for c in edit.find_concepts(glossary, "IOM")] == ["tk-010"]
    assert [c.id for c in edit.find_concepts(glossary, "humains")] == ["tk-009"]
    assert edit.find_concepts(glossary, "humains", "en") == []
    assert glossary.get("tk-009").equivalents("en-GB") == ["trafficking in human beings"]
    assert glossary.get("tk-011").equivalents("fr") == ["victime"]
    assert glossary.get("tk-011").equivalents("en") == []


def test_save_like_keeps_csv_layout_and_delimiter(tmp_path):
    path = tmp_path / "g.csv"
    csv.write(sample(), path, layout="wide", delimiter=";")
    glossary = csv.read(path)
    edit.add_term(glossary, "tk-011", "en", "victim", "preferred")
    formats.save_like(glossary, path)
    assert csv.sniff(path) == ("wide", ";")
    assert csv.read(path).get("tk-011").langs["en"].terms[0].text == "victim"


def test_save_like_keeps_tbx_version(tmp_path):
    from termkit.glossary import tbx

    for version, root in ((2, b"<martif"), (3, b"<tbx")):
        path = tmp_path / f"v{version}.tbx"
        tbx.write(sample(), path, version=version)
        glossary = tbx.read(path)
        edit.set_status(glossary, "victime", "fr", "preferred")
        formats.save_like(glossary, path)
        data = path.read_bytes()
        assert root in data and (b"<martif" in data) == (version == 2)
        assert tbx.read(path).get("tk-011").langs["fr"].terms[0].status == "preferred"


def test_save_like_keeps_tbx_v2_after_a_long_leading_comment(tmp_path):
    from termkit.glossary import tbx

    path = tmp_path / "v2.tbx"
    tbx.write(sample(), path, version=2)
    data = path.read_bytes()
    licence = b"<!-- " + b"licence text " * 1000 + b"-->\n"
    start = data.index(b"<martif")
    path.write_bytes(data[:start] + licence + data[start:])
    assert data.index(b"<martif") < 4096 < len(licence)
    glossary = tbx.read(path)
    edit.set_status(glossary, "victime", "fr", "preferred")
    formats.save_like(glossary, path)
    assert b"<martif" in path.read_bytes() and b"<tbx" not in path.read_bytes()


def test_stats_counts():
    glossary = sample()
    glossary.concepts.append(Concept("empty"))
    glossary.get("tk-009").langs["fr"].definition = "déf"
    result = stats(glossary)
    assert result["concepts"] == 4 and result["terms"] == 7
    assert result["languages"] == ["fr", "en"]
    assert result["terms_per_language"] == {"fr": 4, "en": 3}
    assert result["statuses"]["fr"] == {"preferred": 2, "deprecated": 1, "unspecified": 1}
    assert result["statuses"]["en"] == {"preferred": 2, "admitted": 1}
    assert result["term_types"]["fr"] == {"unspecified": 3, "acronym": 1}
    assert result["definitions"] == {"fr": 1, "en": 0}
    assert result["concepts_missing"] == {"fr": ["empty"], "en": ["tk-011", "empty"]}
    assert result["concepts_without_terms"] == 1


def test_terms_are_found_as_typed_with_a_straight_apostrophe():
    from termkit.glossary.edit import find_concepts, find_terms
    from termkit.glossary.model import Concept, Glossary, LangSec, Term

    glossary = Glossary([Concept("thb", {"fr": LangSec("fr", [
        Term("traite des êtres humains"), Term("trafic d’êtres humains", status="deprecated")])})])
    assert [t.text for _c, t in find_terms(glossary, "Trafic d'êtres  humains", "fr")] == \
        ["trafic d’êtres humains"]
    assert [c.id for c in find_concepts(glossary, "trafic d'êtres")] == ["thb"]
    assert find_terms(glossary, "trafic d'êtres humain", "fr") == []   # no inflection undone

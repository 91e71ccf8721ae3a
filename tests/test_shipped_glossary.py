"""The shipped domain glossary (glossaries/trafficking.csv, and its TBX conversion when present)."""

from __future__ import annotations

import csv
from itertools import groupby
from pathlib import Path

import pytest

from termkit.glossary import csv as glossary_csv
from termkit.glossary import formats
from termkit.glossary.index import Matcher
from termkit.glossary.model import STATUSES, TERM_TYPES, Concept, Glossary

ROOT = Path(__file__).resolve().parent.parent
CSV_PATH = ROOT / "glossaries" / "trafficking.csv"
TBX_PATH = ROOT / "glossaries" / "trafficking.tbx"

COLUMNS = ["concept_id", "lang", "term", "status", "part_of_speech", "term_type", "gender",
           "number", "context", "term_source", "term_note", "definition", "lang_note",
           "lang_source", "subject_field", "concept_note", "concept_source", "xrefs"]
LANG_FIELDS = ("definition", "lang_note", "lang_source")
CONCEPT_FIELDS = ("subject_field", "concept_note", "concept_source", "xrefs")
PARTS_OF_SPEECH = {"noun", "properNoun", "verb", "adjective", "adverb", "other"}
GENDERS = {"masculine", "feminine"}


def _fold(text: str) -> str:
    return text.replace("’", "'").casefold()


# ---------------------------------------------------------------- the file itself (csv module)

@pytest.fixture(scope="module")
def rows() -> list[dict[str, str]]:
    text = CSV_PATH.read_bytes().decode("utf-8")     # strict: fails on invalid UTF-8
    text = text.removeprefix("\ufeff")               # termkit writes a BOM for spreadsheets
    reader = csv.reader(text.splitlines(keepends=True))
    header = next(reader)
    assert header == COLUMNS
    body = list(reader)
    assert all(len(row) == len(COLUMNS) for row in body)
    return [dict(zip(COLUMNS, row)) for row in body]


def test_csv_rows_are_well_formed(rows):
    assert len(rows) > 200
    for row in rows:
        assert row["concept_id"] and row["term"], row
        assert row["lang"] in ("fr", "en"), row
        assert row["status"] in STATUSES, row
        assert row["term_type"] in TERM_TYPES, row
        assert row["part_of_speech"] in PARTS_OF_SPEECH, row
        assert row["term"] == row["term"].strip() and "  " not in row["term"], row
        if row["lang"] == "fr" and row["part_of_speech"] == "noun":
            assert row["gender"] in GENDERS, row
        if row["lang"] == "fr":
            assert "'" not in row["term"], f"use the typographic apostrophe ’: {row['term']}"


def test_csv_concepts_are_consecutive_and_fields_written_once(rows):
    ids = [key for key, _ in groupby(rows, key=lambda r: r["concept_id"])]
    assert len(ids) == len(set(ids)), "the rows of one concept must be consecutive"
    for _, group in groupby(rows, key=lambda r: r["concept_id"]):
        group = list(group)
        for field in CONCEPT_FIELDS:
            assert not any(r[field] for r in group[1:]), (group[0]["concept_id"], field)
        for _, lang_rows in groupby(group, key=lambda r: r["lang"]):
            lang_rows = list(lang_rows)
            for field in LANG_FIELDS:
                assert not any(r[field] for r in lang_rows[1:]), (lang_rows[0]["concept_id"], field)


# ---------------------------------------------------------------- through termkit's model

@pytest.fixture(scope="module")
def glossary() -> Glossary:
    return glossary_csv.read(CSV_PATH)


def test_shipped_csv_is_termkits_own_export(glossary, tmp_path):
    """Written by termkit's CSV writer, so a re-export (e.g. from the TBX) changes nothing."""
    out = tmp_path / "trafficking.csv"
    formats.save(glossary, out)
    assert out.read_bytes() == CSV_PATH.read_bytes()


def _concept(glossary: Glossary, lang: str, text: str) -> Concept:
    """The one concept holding ``text`` as a ``lang`` term (apostrophes and case folded)."""
    found = [c for c in glossary for _, t in c.terms(lang) if _fold(t.text) == _fold(text)]
    assert len(found) == 1, f"{text!r} ({lang}) is in {len(found)} concepts"
    return found[0]


def _term(concept: Concept, lang: str, text: str):
    for _, term in concept.terms(lang):
        if _fold(term.text) == _fold(text):
            return term
    raise AssertionError(f"{text!r} ({lang}) is not a term of {concept.id}")


def _preferred(concept: Concept, lang: str) -> str:
    section = concept.lang(lang)
    assert section is not None, f"{concept.id} has no {lang} section"
    term = section.preferred()
    assert term is not None and term.status == "preferred", f"{concept.id}: no preferred {lang} term"
    return term.text


def test_size_ids_and_cross_references(glossary):
    assert len(glossary) >= 60
    ids = [c.id for c in glossary]
    assert len(ids) == len(set(ids))
    assert all(c.id and c.id == c.id.strip().lower() and " " not in c.id for c in glossary)
    for concept in glossary:
        for ref in concept.xrefs:
            assert glossary.get(ref) is not None, f"{concept.id} refers to unknown {ref}"


def test_every_concept_has_french_english_definition_and_source(glossary):
    for concept in glossary:
        assert concept.subject_field, concept.id
        for lang in ("fr", "en"):
            _preferred(concept, lang)
        english = concept.lang("en")
        assert english.definition and english.source, f"{concept.id}: no sourced English definition"
        sources = [concept.source] + [s.source for s in concept.langs.values()]
        sources += [t.source for _, t in concept.terms()]
        assert any(sources), f"{concept.id} has no source"


def test_statuses_and_term_types_are_valid(glossary):
    for concept in glossary:
        for lang, term in concept.terms():
            assert term.status in STATUSES, (concept.id, term.text)
            assert term.term_type in TERM_TYPES, (concept.id, term.text)
            assert term.part_of_speech in PARTS_OF_SPEECH, (concept.id, term.text)


def test_no_term_text_in_two_concepts(glossary):
    seen: dict[tuple[str, str], str] = {}
    for concept in glossary:
        for lang, term in concept.terms():
            key = (lang, _fold(term.text))
            assert seen.setdefault(key, concept.id) == concept.id, (key, seen[key], concept.id)


def test_trafficking_in_human_beings(glossary):
    thb = _concept(glossary, "fr", "traite des êtres humains")
    assert _preferred(thb, "fr") == "traite des êtres humains"
    assert _preferred(thb, "en") == "trafficking in human beings"
    assert _term(thb, "fr", "traite d’êtres humains").status == "admitted"
    variant = _term(thb, "fr", "trafic d’êtres humains")
    assert variant.forbidden and variant.note
    for admitted in ("human trafficking", "trafficking in persons"):
        assert _term(thb, "en", admitted).status == "admitted"
    assert _concept(glossary, "fr", "trafic d'êtres humains") is thb   # straight apostrophe too


def test_migrant_smuggling_is_another_concept(glossary):
    smuggling = _concept(glossary, "fr", "trafic de migrants")
    assert smuggling is not _concept(glossary, "fr", "traite des êtres humains")
    assert _preferred(smuggling, "en") == "migrant smuggling"
    for admitted in ("smuggling of migrants", "people smuggling"):
        assert _term(smuggling, "en", admitted).status == "admitted"
    assert _term(smuggling, "fr", "trafic illicite de migrants")


@pytest.mark.parametrize("fr, en", [
    ("services chargés de l’application de la loi", "law enforcement agencies"),
    ("identification des victimes", "identification of victims"),
    ("protection des victimes", "victim protection"),
    ("protection de l’enfance", "child protection"),
    ("prélèvement d’organes", "removal of organs"),
    ("trafic d’organes humains", "trafficking in human organs"),
    ("exploitation sexuelle", "sexual exploitation"),
    ("travail forcé", "forced labour"),
    ("servitude pour dettes", "debt bondage"),
    ("trafiquant", "trafficker"),
    ("passeur", "migrant smuggler"),
    ("migrant faisant l’objet d’un trafic illicite", "smuggled migrant"),
    ("principe de non-sanction", "non-punishment principle"),
    ("délai de rétablissement et de réflexion", "recovery and reflection period"),
    ("Secrétariat général", "General Secretariat"),
    ("Bureau central national", "National Central Bureau"),
    ("notice rouge", "Red Notice"),
    ("notice jaune", "Yellow Notice"),
    ("pays membre", "member country"),
    ("secteur privé", "private sector"),
    ("enquêteur", "investigator"),
    ("renseignement", "intelligence"),
    ("coopération policière internationale", "international police cooperation"),
    ("organisation non gouvernementale", "non-governmental organization"),
    ("Convention du Conseil de l’Europe sur la lutte contre la traite des êtres humains",
     "Council of Europe Convention on Action against Trafficking in Human Beings"),
    ("directive 2011/36/UE", "Directive 2011/36/EU"),
])
def test_key_equivalences(glossary, fr, en):
    concept = _concept(glossary, "fr", fr)
    assert _concept(glossary, "en", en) is concept
    assert _preferred(concept, "en") == en


@pytest.mark.parametrize("fr_full, fr_acronym, en_full, en_acronym", [
    ("Office des Nations Unies contre la drogue et le crime", "ONUDC",
     "United Nations Office on Drugs and Crime", "UNODC"),
    ("Organisation internationale pour les migrations", "OIM",
     "International Organization for Migration", "IOM"),
    ("Bureau des institutions démocratiques et des droits de l’homme", "BIDDH",
     "Office for Democratic Institutions and Human Rights", "ODIHR"),
    ("Organisation pour la sécurité et la coopération en Europe", "OSCE",
     "Organization for Security and Co-operation in Europe", "OSCE"),
    ("Centre international pour le développement des politiques migratoires", "ICMPD",
     "International Centre for Migration Policy Development", "ICMPD"),
    ("Groupe d’experts sur la lutte contre la traite des êtres humains", "GRETA",
     "Group of Experts on Action against Trafficking in Human Beings", "GRETA"),
    ("Union européenne", "UE", "European Union", "EU"),
    ("Organisation des Nations Unies", "ONU", "United Nations", "UN"),
    ("Bureau central national", "BCN", "National Central Bureau", "NCB"),
])
def test_organisations_full_forms_and_acronyms(glossary, fr_full, fr_acronym, en_full, en_acronym):
    concept = _concept(glossary, "fr", fr_full)
    for lang, full, acronym in (("fr", fr_full, fr_acronym), ("en", en_full, en_acronym)):
        assert _concept(glossary, lang, acronym) is concept
        assert _term(concept, lang, full).term_type == "fullForm"
        assert _term(concept, lang, acronym).term_type == "acronym"
        assert _preferred(concept, lang) == full


def test_un_women_short_names(glossary):
    concept = _concept(glossary, "fr", "ONU Femmes")
    assert _preferred(concept, "en") == "UN Women"
    assert _term(concept, "en", "United Nations Entity for Gender Equality and the Empowerment "
                                "of Women").term_type == "fullForm"


@pytest.mark.parametrize("name", ["INTERPOL", "Europol", "Frontex", "Crime Stoppers International"])
def test_names_not_translated(glossary, name):
    concept = _concept(glossary, "fr", name)
    assert _concept(glossary, "en", name) is concept
    assert _preferred(concept, "fr") == _preferred(concept, "en") == name
    assert "not translate" in (concept.note or "")


def test_interpol_full_names(glossary):
    interpol = _concept(glossary, "fr", "Organisation internationale de police criminelle")
    assert _concept(glossary, "en", "International Criminal Police Organization") is interpol
    assert _preferred(interpol, "en") == "INTERPOL"


def test_deprecated_terms_are_explained(glossary):
    deprecated = [(c.id, t) for c in glossary for _, t in c.terms() if t.forbidden]
    assert len(deprecated) >= 4
    for concept_id, term in deprecated:
        assert term.note or glossary.get(concept_id).note, (concept_id, term.text)
    irregular = _concept(glossary, "en", "irregular migrant")
    assert _term(irregular, "en", "illegal immigrant").forbidden
    assert _preferred(irregular, "fr") == "migrant en situation irrégulière"


def test_matcher_finds_seed_wording(glossary):
    text = ("Le Secrétaire Général a salué la lutte contre le trafic d’êtres humains menée avec "
            "l’ONUDC, l’OIM et les services chargés de l’application de la loi.")
    found = {m.concept.id for m in Matcher(glossary, "fr").find(text)}
    assert {"thb", "unodc", "iom", "law-enforcement-agencies", "secretary-general"} <= found


# ---------------------------------------------------------------- the TBX conversion, when present

def test_tbx_holds_the_same_concepts(glossary):
    if not TBX_PATH.exists():
        pytest.skip("glossaries/trafficking.tbx not generated yet")
    from termkit.glossary.formats import load

    tbx = load(TBX_PATH)
    assert [c.id for c in tbx] == [c.id for c in glossary]
    for concept in glossary:
        other = tbx.get(concept.id)
        assert other.subject_field == concept.subject_field
        for lang in ("fr", "en"):
            ours = [(t.text, t.status, t.term_type) for _, t in concept.terms(lang)]
            theirs = [(t.text, t.status, t.term_type) for _, t in other.terms(lang)]
            assert theirs == ours, (concept.id, lang)

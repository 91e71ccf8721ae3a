"""The term index: one matcher per language tag, the section each concept gives it, and the
content fingerprint that identifies it."""

from __future__ import annotations

import copy

import pytest

from termkit.glossary.index import TermIndex
from termkit.glossary.model import Concept, Glossary, LangSec, Term

TEXT = "Send an email message or an electronic mail, not a courriel."


def regions() -> Glossary:
    """One concept with a French section and two English regions, British first."""
    return Glossary([Concept("mail", {
        "fr": LangSec("fr", [Term("courriel", "preferred")]),
        "en-GB": LangSec("en-GB", [Term("electronic mail", "preferred")]),
        "en-US": LangSec("en-US", [Term("email message", "preferred")])})])


@pytest.mark.parametrize("lang,found,section", [
    ("en-US", "email message", "en-US"), ("en_us", "email message", "en-US"),
    ("EN-us", "email message", "en-US"), ("en-GB", "electronic mail", "en-GB"),
    ("en_GB", "electronic mail", "en-GB"),
    ("en", "electronic mail", "en-GB"),          # a base code: the first English section
    ("en-AU", "electronic mail", "en-GB"),       # no such region: the first English section
    ("fr", "courriel", "fr"), ("fr-FR", "courriel", "fr")])
def test_each_region_has_its_own_matcher(lang, found, section):
    matches = TermIndex(regions()).find(TEXT, lang)
    assert [(m.text, m.lang) for m in matches] == [(found, section)]


def test_same_tag_shares_a_matcher_other_tags_do_not():
    index = TermIndex(regions())
    assert index.matcher("en-US") is index.matcher("en_us") is index.matcher("EN-US")
    assert index.matcher("en-GB") is not index.matcher("en-US")
    assert index.matcher("en") is not index.matcher("en-GB")


def test_section_choice_same_tag_first_then_same_language():
    concept = regions().concepts[0]
    assert concept.lang("en-us").lang == "en-US"
    assert concept.lang("en_GB").lang == "en-GB"
    assert concept.lang("en").lang == "en-GB"
    assert concept.lang("eng").lang == "en-GB"
    assert concept.lang("fr-CA").lang == "fr"
    assert concept.lang("de") is None
    # the equivalents follow the same choice
    assert concept.equivalents("en-US") == ["email message"]
    assert concept.equivalents("en") == ["electronic mail"]
    # and so do a language's terms
    assert [term.text for _lang, term in concept.terms("en_US")] == ["email message"]


def test_a_base_section_is_taken_before_a_region_for_a_base_code():
    concept = Concept("c", {"en-GB": LangSec("en-GB", [Term("colour")]),
                            "en": LangSec("en", [Term("color")])})
    assert concept.lang("en").lang == "en"
    assert concept.lang("en-US").lang == "en"          # the bare language before another region
    assert concept.lang("en_GB").lang == "en-GB"
    only_regions = Concept("c", {"en-GB": LangSec("en-GB"), "en-AU": LangSec("en-AU")})
    assert only_regions.lang("en-US").lang == "en-GB" and only_regions.lang("en").lang == "en-GB"
    assert only_regions.lang("fr") is None


def test_fingerprint_is_the_content():
    index = TermIndex(regions())
    assert index.fingerprint == TermIndex(regions()).fingerprint   # equal content, other objects
    assert len(index.fingerprint) == 64
    edited = regions()
    edited.concepts[0].langs["en-US"].terms[0].status = "admitted"
    assert TermIndex(edited).fingerprint != index.fingerprint
    reordered = regions()
    reordered.concepts[0].langs = dict(reversed(list(reordered.concepts[0].langs.items())))
    assert TermIndex(reordered).fingerprint != index.fingerprint
    # values that print alike are still told apart
    a, b = regions(), regions()
    a.concepts[0].note, b.concepts[0].note = "None", None
    assert TermIndex(a).fingerprint != TermIndex(b).fingerprint


def test_an_index_keeps_what_it_was_built_from_a_new_index_sees_an_edit():
    glossary = regions()
    index = TermIndex(glossary)
    before = index.fingerprint
    assert [m.text for m in index.find(TEXT, "en-US")] == ["email message"]
    edited = copy.deepcopy(glossary)
    edited.concepts[0].langs["en-US"].terms.append(Term("electronic mail"))
    fresh = TermIndex(edited)
    assert [m.text for m in fresh.find(TEXT, "en-US")] == ["email message", "electronic mail"]
    assert fresh.fingerprint != before
    assert index.fingerprint == before

"""What ``lookup``, ``show`` and ``stats`` compute, as library functions: found terms with their
equivalents and replacements, concept descriptions, the summary table."""

from __future__ import annotations

import json
from pathlib import Path

from termkit.glossary import csv, stats
from termkit.glossary.describe import concept_lines, describe
from termkit.glossary.index import TermIndex
from termkit.glossary.lookup import Found, lookup, report
from termkit.glossary.model import Glossary, LangSec, Term

SAMPLE = Path(__file__).parent / "data" / "csv" / "sample.csv"


def glossary() -> Glossary:
    """The sample, with a Canadian French section and an English acronym for ``thb``."""
    sample = csv.read(SAMPLE)
    thb = sample.get("thb")
    thb.langs["fr-CA"] = LangSec("fr-CA", [Term("traite de personnes", "preferred")])
    thb.langs["en"].terms.append(Term("THB", "admitted", term_type="acronym"))
    return sample


def index() -> TermIndex:
    return TermIndex(glossary())


def test_lookup_finds_terms_with_equivalents_and_what_to_use_instead():
    found = lookup(index(), "L’OIM dénonce le trafic d’êtres humains.", "fr")
    assert [(f.concept, f.text, f.term, f.status) for f in found] == [
        ("iom", "OIM", "OIM", "preferred"),
        ("thb", "trafic d’êtres humains", "trafic d'êtres humains", "deprecated")]
    acronym, forbidden = found
    assert acronym.use == [] and acronym.lang == "fr"
    # the other languages are the targets (fr-CA is French, as the text is); an acronym's
    # equivalent of the same form comes first
    assert acronym.equivalents == {"en": ["IOM", "International Organization for Migration"]}
    assert forbidden.use == ["traite des êtres humains"]
    assert forbidden.equivalents == {"en": ["trafficking in human beings"]}
    assert lookup(index(), "rien à voir", "fr") == []


def test_lookup_targets_and_english_text():
    found = lookup(index(), "IOM and THB", "en", targets=["fr", "fr-CA", "de"])
    assert [f.concept for f in found] == ["iom", "thb"]
    french = ["OIM", "Organisation internationale pour les migrations"]
    # no fr-CA section: the French one serves; no German one: nothing
    assert found[0].equivalents == {"fr": french, "fr-CA": french, "de": []}
    assert found[1].equivalents["fr-CA"] == ["traite de personnes"]


def test_lookup_lines_and_json_shape():
    found = lookup(index(), "L’OIM et le trafic d’êtres humains", "fr", targets=["en", "de"])
    assert found[0].line() == ("2-5  OIM  →  iom: OIM (preferred)  "
                               "en: IOM | International Organization for Migration  de: —")
    assert found[1].line().endswith("(deprecated)  [do not use; use: traite des êtres humains]"
                                    "  en: trafficking in human beings  de: —")
    data = report("g.csv", "fr", found)
    assert list(data) == ["file", "lang", "matches"]
    assert list(data["matches"][0]) == ["start", "end", "text", "concept", "term", "status",
                                        "lang", "use", "equivalents"]
    assert Found(**json.loads(json.dumps(data))["matches"][1]) == found[1]


def test_describe_shows_all_or_what_the_query_finds():
    blocks = describe(glossary())
    assert [block.split("\n")[0] for block in blocks] == [
        "thb  [human trafficking]", "sm  [migrant smuggling]", "iom  [organisations]"]
    (thb,) = describe(glossary(), "trafic d'êtres humains")
    assert "    trafic d'êtres humains  (deprecated, noun, masculine, singular, variant)\n" \
        "      note: " in thb
    (iom,) = describe(glossary(), "iom", ["en"])
    assert "  fr\n" not in iom and "    IOM  (preferred, properNoun, acronym)" in iom
    # one language given: the query is looked for in that language only
    assert describe(glossary(), "OIM", ["en"]) == []
    assert describe(glossary(), "absent") == []


def test_concept_lines_of_a_full_concept():
    concept = csv.read(SAMPLE).get("iom")
    french = [
        "iom  [organisations]",
        "  source: IOM Glossary on Migration",
        "  fr",
        "    Organisation internationale pour les migrations  (preferred, properNoun, feminine, "
        "singular, fullForm)",
        "    OIM  (preferred, properNoun, feminine, singular, acronym)"]
    assert concept_lines(concept, ["fr"]) == french
    assert concept_lines(concept) == french + [
        "  en",
        "    International Organization for Migration  (preferred, properNoun, fullForm)",
        "    IOM  (preferred, properNoun, acronym)"]


def test_stats_table_rows():
    result = stats.stats(csv.read(SAMPLE))
    rows = dict(stats.table(result))
    assert rows["terms"] == [5, 6]
    assert rows["preferred"] == [4, 4] and rows["deprecated"] == [1, 0]
    assert "type: acronym" in rows and rows["concepts without a term"] == [0, 0]
    assert "superseded" not in rows  # statuses nobody uses get no row


def test_lookup_in_a_regional_section():
    """fr-CA text: the fr-CA terms, though the fr section comes first; the fr equivalents of
    fr-CA terms are the generic French ones."""
    found = lookup(index(), "La traite de personnes", "fr-CA", targets=["fr", "en"])
    assert [(f.concept, f.term, f.lang) for f in found] == [
        ("thb", "traite de personnes", "fr-CA")]
    assert found[0].equivalents == {"fr": ["traite des êtres humains"],
                                    "en": ["trafficking in human beings"]}
    # fr_ca is the same tag; French text finds the French section's terms only
    assert [f.lang for f in lookup(index(), "La traite de personnes", "fr_ca")] == ["fr-CA"]
    assert lookup(index(), "La traite de personnes", "fr") == []

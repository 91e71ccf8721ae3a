"""Sentence segmentation: paragraphs, offsets, and the tricky cases of tests/data/segment/."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from termkit.segment import Sentence, sentences, split

DATA = Path(__file__).resolve().parent / "data" / "segment"


def load(name: str) -> list[dict]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


CASES = load("cases.jsonl") + load("heldout.jsonl")


@pytest.mark.parametrize("case", CASES, ids=[f"{c['lang']}-{i}" for i, c in enumerate(CASES)])
def test_case(case):
    assert split(" ".join(case["sentences"]), case["lang"]) == case["sentences"]


def test_cases_cover_both_languages_and_many_rules():
    assert sum(c["lang"] == "fr" for c in CASES) >= 30
    assert sum(c["lang"] == "en" for c in CASES) >= 30
    assert sum(len(c["sentences"]) == 1 for c in CASES) >= 5   # cases where no split is right


def test_offsets_index_into_the_text():
    text = "  Premier paragraphe. Deuxième phrase !\n\n\tM. Noble parle.  \r\nFin"
    result = sentences(text, "fr")
    assert [s.text for s in result] == [
        "Premier paragraphe.", "Deuxième phrase !", "M. Noble parle.", "Fin"]
    for sentence in result:
        assert text[sentence.start:sentence.end] == sentence.text
    assert [s.paragraph for s in result] == [0, 0, 1, 2]


def test_every_line_is_a_paragraph_and_sentences_never_cross_lines():
    text = "Titre sans point\nIl dit\nque oui. Puis non.\n\n\n- un élément de liste\n"
    result = sentences(text, "fr")
    assert [(s.text, s.paragraph) for s in result] == [
        ("Titre sans point", 0), ("Il dit", 1), ("que oui.", 2), ("Puis non.", 2),
        ("- un élément de liste", 3)]


def test_sentence_is_a_frozen_dataclass():
    sentence = sentences("Oui.", "en")[0]
    assert sentence == Sentence("Oui.", 0, 4, 0)
    with pytest.raises(AttributeError):
        sentence.start = 1


@pytest.mark.parametrize("text", ["", "   ", "\n\n", " \r\n\t"])
def test_empty_input(text):
    assert sentences(text, "fr") == [] and split(text, "en") == []


def test_french_spacing_before_marks():
    text = "Vraiment\u00a0? Oui\u202f! « Non\u00a0! » a-t-il dit. Bien."
    assert split(text, "fr") == ["Vraiment\u00a0?", "Oui\u202f!", "« Non\u00a0! » a-t-il dit.",
                                 "Bien."]


def test_straight_and_curly_apostrophes_do_not_split():
    assert split("L'OIM l’a dit. C'est vrai.", "fr") == ["L'OIM l’a dit.", "C'est vrai."]


def test_detached_closing_quote_stays_with_its_sentence():
    assert split('He said " Stop. " Then he left.', "en") == ['He said " Stop. "',
                                                              "Then he left."]


def test_omission_marks_do_not_end_sentences():
    assert split("Il a dit […] Interpol et (...) Europol. Fin.", "fr") == [
        "Il a dit […] Interpol et (...) Europol.", "Fin."]


def test_long_line_without_spaces_is_fast_enough_to_finish():
    text = "a." * 50_000 + " Fin."
    assert split(text, "fr")[-1] == "Fin."


def test_crlf_and_unicode_line_separators():
    text = "Un.\r\nDeux.\u2028Trois."
    result = sentences(text, "fr")
    assert [(s.text, s.paragraph) for s in result] == [("Un.", 0), ("Deux.", 1), ("Trois.", 2)]


def test_one_per_line_and_json_forms():
    from termkit.segment import as_json, one_per_line

    text = "Le chat  dort. Il pleut.\n\nFin."
    found = sentences(text, "fr")
    assert one_per_line(found) == "Le chat dort.\nIl pleut.\nFin.\n"
    data = as_json(found, "a.txt", "fr-CA")
    assert (data["file"], data["lang"]) == ("a.txt", "fr-CA")
    assert data["sentences"][2] == {"text": "Fin.", "start": 26, "end": 30, "paragraph": 1}
    assert data["signature"]["lang"] == "fr-CA" and data["signature"]["termkit"]
    json.dumps(data)

"""A document's translation run and what it gives: text, JSON report, Bitext, TMX."""

from __future__ import annotations

import json

import pytest

from mt_support import domain_glossary, package_path  # noqa: F401 (fixture)
from termkit.errors import TermkitError
from termkit.glossary.formats import load
from termkit.glossary.index import TermIndex
from termkit.mt.report import output_format, paragraphs, translate_document
from termkit.signature import file_sha256

TEXT = "La traite des êtres humains est grave. INTERPOL aide.\r\n\nLes victimes.\n"


def test_paragraphs_are_lines_and_blank_input_is_an_error():
    assert paragraphs(TEXT, "in.txt") == ["La traite des êtres humains est grave. INTERPOL aide.",
                                          "", "Les victimes."]
    assert paragraphs("a\n\n", "in.txt") == ["a", ""]
    with pytest.raises(TermkitError, match="in.txt: empty input, nothing to translate"):
        paragraphs("\n  \n", "in.txt")


def test_run_gives_text_json_and_bitext(package_path):
    messages = []
    run = translate_document(TEXT, "fr", "en", name="in.txt", model=package_path,
                             notify=messages.append)
    assert messages == ["engine: argos (translate-fr_en-random)"]
    lines = run.dumps("text").decode("utf-8").split("\n")
    assert len(lines) == 4 and lines[1] == "" and lines[3] == ""
    report = json.loads(run.dumps("json"))
    assert report["summary"] == {"paragraphs": 3, "segments": 3, "terms_required": 0,
                                 "terms_missed": 0}
    assert report["signature"]["model"] == run.engine.id and "method" not in report["signature"]
    assert [p["output"] for p in report["paragraphs"]] == lines[:3]
    corpus = run.bitext()
    assert (corpus.src_lang, corpus.tgt_lang) == ("fr", "en")
    assert [p.source.text for p in corpus] == ["La traite des êtres humains est grave.",
                                               "INTERPOL aide.", "Les victimes."]
    assert [p.source.lines for p in corpus] == [(1,), (1,), (3,)]
    assert [b.src for b in corpus.beads()] == [(0,), (1,), (2,)]
    with pytest.raises(TermkitError, match="unknown output format"):
        run.dumps("xml")


def test_run_with_a_glossary_counts_terms_and_states_the_method(package_path, tmp_path):
    glossary = tmp_path / "g.csv"
    glossary.write_text("concept_id,lang,term\nthb,fr,traite des êtres humains\n"
                        "thb,en,trafficking in human beings\n", encoding="utf-8")
    index = TermIndex(load(glossary))
    run = translate_document(TEXT, "fr", "en", name="in.txt", model=package_path,
                             index=index, glossary_file=glossary)
    report = json.loads(run.dumps("json"))
    assert report["signature"]["method"] == "rerank+postedit"
    assert report["signature"]["glossary_sha256"] == file_sha256(glossary)
    assert report["signature"]["glossary_fingerprint"] == index.fingerprint
    assert report["summary"]["terms_required"] == run.required == 1
    assert report["paragraphs"][0]["segments"][0]["found"][0]["target"] == \
        "trafficking in human beings"


def test_a_glossary_in_memory_has_a_fingerprint_and_no_file_hash(package_path):
    glossary = domain_glossary()
    run = translate_document(TEXT, "fr", "en", name="in.txt", model=package_path,
                             index=TermIndex(glossary))
    signature = json.loads(run.dumps("json"))["signature"]
    assert signature["glossary_sha256"] is None and signature["method"] == "rerank+postedit"
    assert signature["glossary_fingerprint"] == TermIndex(glossary).fingerprint


@pytest.mark.parametrize("path, fmt", [("out.tmx", "tmx"), ("OUT.TMX", "tmx"),
                                       ("out.json", "json"), ("out.txt", "text"),
                                       ("out.tsv", "text"), ("out", "text"), ("-", "text")])
def test_the_output_file_name_names_the_format(path, fmt):
    assert output_format(path) == fmt

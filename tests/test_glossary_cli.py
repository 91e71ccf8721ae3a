"""The ``termkit glossary`` commands: output, exit codes, JSON signatures, in-place edits."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from termkit.glossary import csv
from termkit.signature import file_sha256

DATA = Path(__file__).parent / "data" / "csv"
TEXT = "Le directeur de l’OIM a dénoncé le trafic d’êtres humains et les Trafics de migrants."


@pytest.fixture
def sample(tmp_path) -> Path:
    path = tmp_path / "sample.csv"
    shutil.copy(DATA / "sample.csv", path)
    return path


def one_line_error(result, code: int = 2) -> str:
    assert result.exit_code == code, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("termkit: error: "), result.stderr
    assert "Traceback" not in result.output
    return lines[0]


def test_group_help_lists_commands(cli):
    result = cli("glossary", "--help")
    assert result.exit_code == 0
    for command in ("validate", "convert", "stats", "show", "lookup", "add", "set-status",
                    "merge"):
        assert command in result.stdout


def test_validate_valid_csv(cli, sample):
    result = cli("glossary", "validate", sample)
    assert result.exit_code == 0
    assert result.stdout.strip() == f"{sample}: valid"


def test_validate_malformed_csv_is_invalid_with_line(cli, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("concept_id,lang,term,status\nc1,fr,traite,preferred\nc1,fr,x,banned\n",
                    encoding="utf-8")
    result = cli("glossary", "validate", path)
    assert result.exit_code == 1
    # an unknown status is kept by the reader and reported where its concept starts
    assert result.stdout.startswith(f"{path}:2: concept c1: term 'x' (fr) has an unknown "
                                    "status 'banned'")
    result = cli("glossary", "validate", path, "--json")
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert report["valid"] is False and report["errors"] == 1
    assert report["problems"][0]["line"] == 2
    assert report["signature"]["glossary_sha256"] == file_sha256(path)


@pytest.mark.parametrize("text", ["", "concept_id,lang,term\nc1,fr\n",
                                  "concept_id,lang,term\nc1,fr,\"a\"b\n"])
def test_validate_unreadable_csv_exits_2_like_tbx(cli, tmp_path, text):
    path = tmp_path / "bad.csv"
    path.write_text(text, encoding="utf-8")
    assert one_line_error(cli("glossary", "validate", path)).startswith(
        f"termkit: error: {path}:")
    message = one_line_error(cli("glossary", "validate", "-", input=text or "\n"))
    assert "<stdin>" in message and str(tmp_path) not in message
    tbx = tmp_path / "empty.tbx"
    tbx.write_text("", encoding="utf-8")
    assert f"{tbx}: empty file" in one_line_error(cli("glossary", "validate", tbx))


def test_validate_library_uses_the_csv_checks(tmp_path):
    from termkit.glossary import validate

    path = tmp_path / "g.csv"
    path.write_text("concept_id,lang,term\nc1,fr,a\nc2,fr,b\nc1,en,c\n", encoding="utf-8")
    found = validate.validate(path)
    assert [(p.file, p.line, p.concept_id, p.severity) for p in found] == [
        (str(path), 4, "c1", "warning")]
    assert "not consecutive" in found[0].message
    assert validate.validate_bytes(path.read_bytes(), str(path)) == found


def test_validate_csv_runs_the_model_checks(cli, tmp_path):
    path = tmp_path / "g.csv"
    path.write_text("concept_id,lang,term,definition\nc1,fr,traite,\nc2,fr,,défini sans terme\n",
                    encoding="utf-8")
    result = cli("glossary", "validate", path)
    assert result.exit_code == 1
    assert f"{path}:3: concept c2:" in result.stdout


def test_validate_warning_keeps_exit_0(cli, tmp_path):
    path = tmp_path / "g.csv"
    path.write_text("concept_id,lang,term\nc1,fr,a\nc2,fr,b\nc1,en,c\n", encoding="utf-8")
    result = cli("glossary", "validate", path, "--json")
    assert result.exit_code == 0
    report = json.loads(result.stdout)
    assert report["valid"] is True and report["warnings"] == 1
    assert report["problems"][0]["concept_id"] == "c1" and report["problems"][0]["line"] == 4


def test_convert_csv_tbx_csv_round_trip(cli, sample, tmp_path):
    for version, root in (("3", b"<tbx"), ("2", b"<martif")):
        tbx_path = tmp_path / f"g{version}.tbx"
        result = cli("glossary", "convert", sample, "-o", tbx_path, "--tbx-version", version)
        assert result.exit_code == 0, result.output
        assert result.stdout.strip() == f"{tbx_path}: 3 concepts written"
        assert root in tbx_path.read_bytes()
        back = tmp_path / f"back{version}.csv"
        assert cli("glossary", "convert", tbx_path, "-o", back).exit_code == 0
        assert csv.read(back) == csv.read(sample)


def test_convert_layouts_and_stdout(cli, sample, tmp_path):
    wide = tmp_path / "wide.tsv"
    assert cli("glossary", "convert", sample, "-o", wide, "--layout", "wide").exit_code == 0
    assert csv.sniff(wide) == ("wide", "\t")
    assert [c.id for c in csv.read(wide)] == ["thb", "sm", "iom"]
    result = cli("glossary", "convert", sample, "-o", "-", "--to", "tsv")
    assert result.exit_code == 0
    assert result.stdout.startswith("concept_id\tlang\tterm\t")
    assert csv.parse(result.stdout, "-", "\t").glossary == csv.read(sample)
    result = cli("glossary", "convert", sample, "-o", "-", "--to", "tbx")
    assert result.exit_code == 0 and "<termSec>" in result.stdout or "<tig>" in result.stdout


def test_convert_to_wide_warns_when_term_data_is_dropped(cli, sample, tmp_path):
    wide = tmp_path / "wide.csv"
    result = cli("glossary", "convert", sample, "-o", wide, "--layout", "wide")
    assert result.exit_code == 0
    assert result.stderr.strip() == (f"termkit: warning: {wide} has the wide layout, which "
                                     "keeps no part of speech, type, note or source for a term")
    result = cli("glossary", "convert", sample, "-o", "-", "--to", "tsv", "--layout", "wide")
    assert result.exit_code == 0 and "<stdout> has the wide layout" in result.stderr
    # nothing dropped: no warning; a TBX output ignores --layout
    again = tmp_path / "again.csv"
    result = cli("glossary", "convert", wide, "-o", again, "--layout", "wide")
    assert result.exit_code == 0 and result.stderr == ""
    result = cli("glossary", "convert", sample, "-o", tmp_path / "g.tbx", "--layout", "wide")
    assert result.exit_code == 0 and result.stderr == ""


def test_one_writer_dispatch_for_cli_and_library(tmp_path, capsys):
    from termkit.errors import TermkitError
    from termkit.glossary import formats

    glossary = csv.read(DATA / "sample.csv")
    assert [formats.output_format(p) for p in ("g.tbx", "g.TSV", "g.txt", "g.csv")] == [
        "tbx", "tsv", "csv", "csv"]
    with pytest.raises(TermkitError, match="needs --to"):
        formats.save(glossary, "-")
    formats.save(glossary, "-", to="tsv")
    assert capsys.readouterr().out.startswith("concept_id\tlang\tterm\t")
    path = tmp_path / "g.txt"
    formats.save(glossary, path, to="tbx", tbx_version=2)
    assert b"<martif" in path.read_bytes()


def test_convert_errors(cli, sample, tmp_path):
    assert "needs --to" in one_line_error(cli("glossary", "convert", sample, "-o", "-"))
    assert "unknown glossary format" in one_line_error(
        cli("glossary", "convert", sample, "-o", tmp_path / "g.doc"))
    assert "no such file" in one_line_error(
        cli("glossary", "convert", tmp_path / "absent.csv", "-o", tmp_path / "g.tbx"))
    assert not (tmp_path / "g.tbx").exists()


def test_bad_input_is_one_line_exit_2(cli, tmp_path):
    path = tmp_path / "latin1.csv"
    path.write_bytes("concept_id,lang,term\nc1,fr,traite des êtres humains\n".encode("latin-1"))
    for command in ("stats", "show"):
        message = one_line_error(cli("glossary", command, path))
        assert f"{path}: not valid UTF-8" in message
    ragged = tmp_path / "ragged.csv"
    ragged.write_text("concept_id,lang,term\nc1,fr\n", encoding="utf-8")
    assert f"{ragged}:2:" in one_line_error(cli("glossary", "stats", ragged))


def test_stats_text_and_json(cli, sample):
    result = cli("glossary", "stats", sample)
    assert result.exit_code == 0
    assert f"{sample}: 3 concepts, 11 terms" in result.stdout
    assert "preferred" in result.stdout and "type: acronym" in result.stdout
    result = cli("glossary", "stats", sample, "--json")
    report = json.loads(result.stdout)
    assert report["concepts"] == 3 and report["terms_per_language"] == {"fr": 5, "en": 6}
    assert report["statuses"]["fr"] == {"preferred": 4, "deprecated": 1}
    assert report["signature"]["glossary_sha256"] == file_sha256(sample)


def test_show(cli, sample):
    result = cli("glossary", "show", sample, "oim")
    assert result.exit_code == 0
    assert result.stdout.startswith("iom  [organisations]")
    assert "    OIM  (preferred, properNoun, feminine, singular, acronym)" in result.stdout
    assert "International Organization for Migration" in result.stdout
    result = cli("glossary", "show", sample, "thb", "--lang", "en")
    assert "trafficking in human beings" in result.stdout and "traite" not in result.stdout
    everything = cli("glossary", "show", sample).stdout
    assert all(concept in everything for concept in ("thb  [", "sm  [", "iom  ["))
    assert "no concept" in one_line_error(cli("glossary", "show", sample, "absent"), code=1)


def test_lookup_text_and_json(cli, sample):
    result = cli("glossary", "lookup", sample, TEXT)
    assert result.exit_code == 0
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 3
    # an acronym's same-form equivalent comes first
    assert lines[0] == ("18-21  OIM  →  iom: OIM (preferred)  "
                        "en: IOM | International Organization for Migration")
    assert "trafic d’êtres humains  →  thb: trafic d'êtres humains (deprecated)" in lines[1]
    assert "use: traite des êtres humains" in lines[1]
    assert "en: trafficking in human beings" in lines[1]
    assert "Trafics de migrants" in lines[2] and "en: migrant smuggling" in lines[2]
    report = json.loads(cli("glossary", "lookup", sample, TEXT, "--json").stdout)
    assert [m["text"] for m in report["matches"]] == ["OIM", "trafic d’êtres humains",
                                                       "Trafics de migrants"]
    assert report["matches"][0]["equivalents"] == {"en": ["IOM", "International Organization "
                                                          "for Migration"]}
    assert report["signature"]["glossary_sha256"] == file_sha256(sample)


def test_lookup_stdin_english_and_nothing_found(cli, sample):
    result = cli("glossary", "lookup", sample, "-", "--lang", "en", "--json",
                 input="UNODC and the IOM on migrant smuggling")
    matches = json.loads(result.stdout)["matches"]
    assert [(m["concept"], m["equivalents"]["fr"]) for m in matches] == [
        ("iom", ["OIM", "Organisation internationale pour les migrations"]),
        ("sm", ["trafic de migrants"])]
    result = cli("glossary", "lookup", sample, "rien à voir")
    assert result.exit_code == 0 and result.stdout == ""
    assert "no glossary term found" in result.stderr


def test_add_and_set_status_edit_in_place(cli, sample):
    result = cli("glossary", "add", sample, "--concept", "sm", "--lang", "fr", "--term",
                 "passeur de migrants", "--status", "admitted", "--pos", "noun", "--type",
                 "variant", "--note", "n", "--source", "IOM", "--definition", "déf")
    assert result.exit_code == 0, result.output
    assert "added fr term 'passeur de migrants' to concept sm" in result.stdout
    assert sample.read_bytes().startswith(b"\xef\xbb\xbfconcept_id,")
    term = csv.read(sample).get("sm").langs["fr"].terms[-1]
    assert (term.text, term.status, term.part_of_speech, term.term_type, term.note,
            term.source) == ("passeur de migrants", "admitted", "noun", "variant", "n", "IOM")
    assert csv.read(sample).get("sm").langs["fr"].definition == "déf"
    result = cli("glossary", "set-status", sample, "--lang", "fr", "--term",
                 "passeur de migrants", "deprecated")
    assert result.exit_code == 0
    assert csv.read(sample).get("sm").langs["fr"].terms[-1].status == "deprecated"


def test_add_creates_a_new_file_and_tbx(cli, tmp_path):
    path = tmp_path / "new.tsv"
    assert cli("glossary", "add", path, "--lang", "fr", "--term", "OIM").exit_code == 0
    assert cli("glossary", "add", path, "--lang", "en", "--term", "IOM", "--concept",
               "c1").exit_code == 0
    assert [t.text for _l, t in csv.read(path).get("c1").terms()] == ["OIM", "IOM"]
    tbx_path = tmp_path / "new.tbx"
    assert cli("glossary", "convert", path, "-o", tbx_path, "--tbx-version", "2").exit_code == 0
    assert cli("glossary", "set-status", tbx_path, "--lang", "en", "--term", "IOM",
               "preferred").exit_code == 0
    assert b"<martif" in tbx_path.read_bytes()
    from termkit.glossary import tbx
    assert tbx.read(tbx_path).get("c1").langs["en"].terms[0].status == "preferred"


def test_add_to_a_wide_file_warns_about_lost_details(cli, tmp_path):
    path = tmp_path / "wide.tsv"
    shutil.copy(DATA / "wide.tsv", path)
    result = cli("glossary", "add", path, "--concept", "vi", "--lang", "en", "--term",
                 "identification of victims", "--status", "admitted", "--pos", "noun")
    assert result.exit_code == 0 and "wide layout" in result.stderr
    assert csv.sniff(path) == ("wide", "\t")
    terms = csv.read(path).get("vi").langs["en"].terms
    assert [(t.text, t.status, t.part_of_speech) for t in terms] == [
        ("victim identification", "preferred", None),
        ("identification of victims", "admitted", None)]


def test_edit_errors_leave_the_file_alone(cli, sample):
    before = sample.read_bytes()
    message = one_line_error(cli("glossary", "add", sample, "--concept", "iom", "--lang", "fr",
                                 "--term", "OIM"))
    assert message.startswith(f"termkit: error: {sample}: concept iom already has")
    cli("glossary", "add", sample, "--concept", "x", "--lang", "fr", "--term", "trafic de migrants")
    between = sample.read_bytes()
    assert "several concepts (sm, x)" in one_line_error(
        cli("glossary", "set-status", sample, "--lang", "fr", "--term", "trafic de migrants",
            "admitted"))
    assert cli("glossary", "set-status", sample, "--lang", "fr", "--term", "OIM",
               "banned").exit_code == 2
    assert "no en term 'nothing'" in one_line_error(
        cli("glossary", "set-status", sample, "--lang", "en", "--term", "nothing", "admitted"))
    assert sample.read_bytes() == between != before


def test_failing_write_keeps_the_old_file(cli, sample, monkeypatch):
    from termkit.glossary.csv import writer

    before = sample.read_bytes()

    def broken(glossary):
        yield list(csv.LONG_COLUMNS)
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(writer, "_long_rows", broken)
    message = one_line_error(cli("glossary", "add", sample, "--concept", "sm", "--lang", "en",
                                 "--term", "people smuggling"))
    assert "cannot write" in message
    assert sample.read_bytes() == before
    assert os.listdir(sample.parent) == [sample.name]


def test_merge(cli, sample, tmp_path):
    other = tmp_path / "other.csv"
    other.write_text("concept_id,lang,term,status,subject_field\n"
                     "iom,de,Internationale Organisation für Migration,preferred,\n"
                     "thb,en,THB,admitted,crime\n"
                     "vi,fr,identification des victimes,preferred,\n"
                     "iom2,en,IOM,preferred,\n", encoding="utf-8")
    out = tmp_path / "merged.tbx"
    result = cli("glossary", "merge", sample, other, "-o", out)
    assert result.exit_code == 0, result.output
    lines = result.stdout.strip().splitlines()
    assert lines[0] == f"{out}: 5 concepts (2 joined, 2 added from {other}), 1 conflicts (keep)"
    assert "conflict: concept thb: concept subject_field: 'human trafficking' vs 'crime'" in lines
    assert "possible duplicate: concepts iom and iom2 share the en term 'IOM'" in lines
    from termkit.glossary import tbx
    merged = tbx.read(out)
    assert [c.id for c in merged] == ["thb", "sm", "iom", "vi", "iom2"]
    assert "de" in merged.get("iom").langs
    assert merged.get("thb").subject_field == "human trafficking"
    result = cli("glossary", "merge", sample, other, "-o", tmp_path / "r.csv", "--on-conflict",
                 "replace")
    assert csv.read(tmp_path / "r.csv").get("thb").subject_field == "crime"
    assert "differs" in one_line_error(cli("glossary", "merge", sample, other, "-o",
                                           tmp_path / "e.csv", "--on-conflict", "error"))
    assert not (tmp_path / "e.csv").exists()


def test_lookup_gives_acronym_for_acronym(cli, tmp_path):
    from termkit.glossary import Concept, Glossary, LangSec, Term, csv

    concept = Concept("unodc", {
        "fr": LangSec("fr", [Term("Office des Nations Unies contre la drogue et le crime",
                                  "preferred", term_type="fullForm"),
                             Term("ONUDC", "admitted", term_type="acronym")]),
        "en": LangSec("en", [Term("United Nations Office on Drugs and Crime", "preferred",
                                  term_type="fullForm"),
                             Term("UNODC", "admitted", term_type="acronym")])})
    path = tmp_path / "g.csv"
    csv.write(Glossary([concept]), path)
    result = cli("glossary", "lookup", path, "Le rôle de l’ONUDC.", "--json")
    assert result.exit_code == 0
    import json
    match = json.loads(result.stdout)["matches"][0]
    assert match["equivalents"]["en"][0] == "UNODC"
    assert "United Nations Office on Drugs and Crime" in match["equivalents"]["en"]


def test_stdin_glossaries_are_told_by_their_content(cli):
    from pathlib import Path

    root = Path(__file__).resolve().parent
    tbx_bytes = (root.parent / "glossaries" / "trafficking.tbx").read_bytes()
    result = cli("glossary", "stats", "-", "--json", input=tbx_bytes)
    assert result.exit_code == 0 and json.loads(result.stdout)["concepts"] >= 60
    csv_bytes = (root.parent / "glossaries" / "trafficking.csv").read_bytes()
    result = cli("glossary", "validate", "-", input=csv_bytes)
    assert result.exit_code == 0, result.output
    broken = (root / "data" / "tbx" / "broken-order.tbx").read_bytes()
    result = cli("glossary", "validate", "-", input=broken)
    assert result.exit_code == 1 and result.stdout.startswith("<stdin>:")


def test_lookup_in_a_regional_section_and_its_fingerprint(cli, tmp_path):
    """--lang fr-CA finds the fr-CA terms, though a fr-FR section comes first."""
    from termkit.glossary import Concept, Glossary, LangSec, Term, formats
    from termkit.glossary.index import TermIndex

    glossary = Glossary([Concept("mail", {
        "fr-FR": LangSec("fr-FR", [Term("courrier électronique", "preferred")]),
        "fr-CA": LangSec("fr-CA", [Term("courriel", "preferred")]),
        "en": LangSec("en", [Term("email", "preferred")])})])
    path = tmp_path / "g.tbx"
    formats.save(glossary, path)
    text = "Un courriel ou un courrier électronique."
    result = cli("glossary", "lookup", path, text, "--lang", "fr-CA", "--json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert [(m["text"], m["lang"]) for m in report["matches"]] == [("courriel", "fr-CA")]
    # the index the result was made with, by content (also for a glossary read from stdin)
    fingerprint = TermIndex(formats.load(path)).fingerprint
    assert report["signature"]["glossary_fingerprint"] == fingerprint
    assert report["signature"]["glossary_sha256"] == file_sha256(path)
    result = cli("glossary", "lookup", "-", text, "--lang", "fr_FR", "--json",
                 input=path.read_bytes())
    report = json.loads(result.stdout)
    assert [(m["text"], m["lang"]) for m in report["matches"]] == [
        ("courrier électronique", "fr-FR")]
    assert report["signature"]["glossary_fingerprint"] == fingerprint
    assert report["signature"]["glossary_sha256"] is None


def test_add_takes_fr_FR_and_stores_fr_FR(cli, sample):
    result = cli("glossary", "add", sample, "--concept", "new", "--lang", "fr_FR", "--term",
                 "passeur")
    assert result.exit_code == 0, result.output
    assert "added fr-FR term 'passeur' to concept new" in result.stdout
    assert csv.read(sample).get("new").langs["fr-FR"].terms[0].text == "passeur"
    # a concept with a French section: the term goes there, and the line says so
    result = cli("glossary", "add", sample, "--concept", "sm", "--lang", "fr_FR", "--term",
                 "passeur de migrants")
    assert "added fr term 'passeur de migrants' to concept sm" in result.stdout
    assert list(csv.read(sample).get("sm").langs) == ["fr", "en"]
    # another region's section does not take it: en-AU is not en-GB (a bare en would)
    assert cli("glossary", "add", sample, "--concept", "gb", "--lang", "en-GB", "--term",
               "people smuggling").exit_code == 0
    result = cli("glossary", "add", sample, "--concept", "gb", "--lang", "en_AU", "--term",
                 "people smuggling")
    assert "added en-AU term 'people smuggling' to concept gb" in result.stdout
    langs = csv.read(sample).get("gb").langs
    assert list(langs) == ["en-GB", "en-AU"]
    assert [t.text for t in langs["en-AU"].terms] == ["people smuggling"]
    result = cli("glossary", "set-status", sample, "--lang", "FR_fr", "--term", "passeur",
                 "admitted")
    assert result.exit_code == 0, result.output
    assert "fr-FR term 'passeur' is now admitted" in result.stdout
    assert cli("glossary", "validate", sample).exit_code == 0
    assert "invalid language code 'fr FR'" in one_line_error(
        cli("glossary", "add", sample, "--lang", "fr FR", "--term", "x"))


def test_convert_to_tsv_into_a_csv_name_writes_tsv_without_bom(cli, sample, tmp_path):
    out = tmp_path / "g.csv"
    assert cli("glossary", "convert", sample, "-o", out, "--to", "tsv").exit_code == 0
    assert out.read_bytes().startswith(b"concept_id\tlang\tterm\t")

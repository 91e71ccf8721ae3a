"""CSV/TSV glossaries: long and wide layouts, round-trips, spreadsheet details, bad input."""

from __future__ import annotations

import copy
import gc
import os
from pathlib import Path

import pytest

from termkit.errors import TermkitError
from termkit.glossary import csv, formats
from termkit.glossary.model import Concept, Glossary, LangSec, Term

DATA = Path(__file__).parent / "data" / "csv"


def full_glossary() -> Glossary:
    """Every field the long layout holds, with commas, quotes, newlines and non-ASCII."""
    thb = Concept("c001", subject_field="human trafficking", definition="concept, level",
                  note="note\nover two lines", source='Directive "2011/36/EU"',
                  xrefs=["c002", "c3"])
    thb.langs["fr"] = LangSec("fr", [
        Term("traite des êtres humains", "preferred", "noun", "feminine", "singular", "fullForm",
             "« La traite », dit-il,\r\nen CRLF.", "Protocole de Palerme", "n, 1", id="t1"),
        Term("trafic d’êtres humains", "deprecated", term_type="variant")],
        definition="Recrutement, transport; exploitation", note="lang note", source="IATE")
    thb.langs["en-GB"] = LangSec("en-GB", [Term("trafficking in human beings", "preferred")])
    info_only = Concept("c002", subject_field="migration")
    info_only.langs["fr"] = LangSec("fr", [], definition="no term yet")
    info_only.langs["en"] = LangSec("en", [Term("migrant smuggling", "admitted")])
    german = Concept("c3", {"de": LangSec("de", [Term("Menschenhandel")])})
    return Glossary([thb, info_only, german])


@pytest.mark.parametrize("name", ["g.csv", "g.tsv", "g.txt"])
def test_long_round_trip_is_lossless(tmp_path, name):
    glossary = full_glossary()
    path = tmp_path / name
    csv.write(glossary, path)
    assert csv.read(path) == glossary


def test_csv_has_bom_and_crlf_tsv_has_neither(tmp_path):
    formats.save(full_glossary(), tmp_path / "g.csv")
    formats.save(full_glossary(), tmp_path / "g.tsv")
    data = (tmp_path / "g.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbfconcept_id,lang,term,status,")
    assert data.count(b"\r\n") >= 5
    tsv = (tmp_path / "g.tsv").read_bytes()
    assert tsv.startswith(b"concept_id\tlang\tterm\t")
    assert b"\r\n" not in tsv.replace("\r\nen CRLF".encode(), b"")


def test_bom_and_delimiter_follow_the_format_not_the_extension(tmp_path):
    formats.save(full_glossary(), tmp_path / "g.csv", to="tsv")
    formats.save(full_glossary(), tmp_path / "g.tsv", to="csv")
    assert (tmp_path / "g.csv").read_bytes().startswith(b"concept_id\tlang\tterm\t")
    assert (tmp_path / "g.tsv").read_bytes().startswith(b"\xef\xbb\xbfconcept_id,lang,term,")
    # the csv package writes what it is told, whatever the file is called
    csv.write(full_glossary(), tmp_path / "plain.csv")
    assert (tmp_path / "plain.csv").read_bytes().startswith(b"concept_id,lang,term,")
    csv.write(full_glossary(), tmp_path / "x.tsv", delimiter=";", bom=True)
    assert (tmp_path / "x.tsv").read_bytes().startswith(b"\xef\xbb\xbfconcept_id;lang;term;")


def test_long_header_order_and_first_row_only_fields():
    text = csv.dumps(full_glossary()).decode("utf-8")
    header = text.split("\r\n")[0].split(",")
    assert header[:18] == list(csv.LONG_COLUMNS)
    assert header[18:] == ["concept_definition", "term_id"]
    lines = [line for line in text.split("\r\n") if line.startswith("c001,fr,trafic")]
    assert lines == ["c001,fr,trafic d’êtres humains,deprecated,,variant" + "," * 14]
    assert "c002,fr,,,,,,,,,,no term yet,,,migration,,,," in text


def test_optional_columns_only_when_used():
    data = csv.dumps(Glossary([Concept("a", {"fr": LangSec("fr", [Term("OIM")])})]))
    assert data.split(b"\r\n")[0] == ",".join(csv.LONG_COLUMNS).encode()


def test_sample_file_reads_with_fields_and_lines():
    parsed = csv.parse_file(DATA / "sample.csv")
    glossary = parsed.glossary
    assert [c.id for c in glossary] == ["thb", "sm", "iom"]
    thb = glossary.get("thb")
    assert thb.langs["fr"].terms[1].note == 'Confusion fréquente avec le "trafic de migrants".'
    assert thb.langs["fr"].definition.startswith("Recrutement, transport")
    assert thb.xrefs == ["sm"] and glossary.get("sm").xrefs == ["thb"]
    assert [t.text for t in glossary.get("iom").langs["en"].terms] == [
        "International Organization for Migration", "IOM"]
    assert parsed.lines == {"thb": 2, "sm": 6, "iom": 9}
    assert parsed.layout == "long" and parsed.warnings == []


def test_reader_accepts_bom_or_not_and_repeated_lang_fields(tmp_path):
    body = ("concept_id,lang,term,definition,subject_field\n"
            "c1,fr,traite,déf,crime\nc1,fr,trafic,déf,crime\n")
    for data in (body.encode(), b"\xef\xbb\xbf" + body.encode()):
        (tmp_path / "g.csv").write_bytes(data)
        parsed = csv.parse_file(tmp_path / "g.csv")
        assert parsed.glossary.get("c1").langs["fr"].definition == "déf"
        assert [t.text for t in parsed.glossary.get("c1").langs["fr"].terms] == ["traite", "trafic"]
        assert parsed.warnings == []


def test_later_different_value_is_kept_out_with_a_warning():
    parsed = csv.parse("concept_id,lang,term,definition\nc1,fr,a,one\nc1,fr,b,two\n", "g.csv")
    assert parsed.glossary.get("c1").langs["fr"].definition == "one"
    assert parsed.warnings and parsed.warnings[0][:2] == (3, "c1")


def test_non_consecutive_rows_join_their_concept_with_a_warning():
    parsed = csv.parse("concept_id,lang,term\nc1,fr,a\nc2,fr,b\nc1,en,c\n", "g.csv")
    assert [c.id for c in parsed.glossary] == ["c1", "c2"]
    assert list(parsed.glossary.get("c1").langs) == ["fr", "en"]
    assert parsed.warnings[0][0] == 4 and "line 2" in parsed.warnings[0][2]


@pytest.mark.parametrize("delimiter", [";", "\t", ","])
def test_delimiter_is_detected_from_the_header(delimiter):
    text = delimiter.join(["concept_id", "lang", "term"]) + "\n" + \
        delimiter.join(["c1", "fr", "traite, des êtres humains" if delimiter != "," else "x"])
    parsed = csv.parse(text, "g.csv")
    assert parsed.delimiter == delimiter
    assert parsed.glossary.get("c1").langs["fr"].terms[0].text in ("traite, des êtres humains", "x")


def test_header_names_ignore_case_and_spaces():
    parsed = csv.parse(" Concept_ID ; LANG ;Term;Status\nc1;fr;OIM;Preferred\n", "g.csv")
    assert parsed.delimiter == ";"
    assert parsed.glossary.get("c1").langs["fr"].terms == [Term("OIM", "preferred")]


def test_status_spellings():
    text = ("concept_id,lang,term,status\nc1,fr,a,Preferred\nc1,fr,b,admittedTerm-admn-sts\n"
            "c1,fr,c,\n")
    terms = csv.parse(text, "g.csv").glossary.get("c1").langs["fr"].terms
    assert [t.status for t in terms] == ["preferred", "admitted", None]


def test_status_values_as_the_tbx_reader_and_unknown_ones_kept(tmp_path):
    text = ("concept_id,lang,term,status\nc1,fr,a,standardizedTerm-admn-sts\n"
            "c1,fr,b,forbidden\nc1,fr,c,probablyTerm-admn-sts\n")
    terms = csv.parse(text, "g.csv").glossary.get("c1").langs["fr"].terms
    assert [t.status for t in terms] == ["preferred", "deprecated", "probablyTerm-admn-sts"]
    path = tmp_path / "g.csv"
    path.write_text(text, encoding="utf-8")
    from termkit.glossary import validate

    found = validate.validate(path)
    assert [p.severity for p in found] == ["error"]
    assert "unknown status 'probablyTerm-admn-sts'" in found[0].message and found[0].line == 2


def test_export_of_a_tbx_with_odd_values_reads_back(tmp_path):
    from termkit.glossary import tbx

    glossary = tbx.read(DATA.parent / "tbx" / "broken-checks.tbx")
    for layout in ("long", "wide"):
        path = tmp_path / f"{layout}.csv"
        csv.write(glossary, path, layout=layout)
        back = csv.read(path)
        assert "fr_FR" in back.languages()
        if layout == "long":
            assert back == csv.read(path) and [
                (c.id, l, t.text, t.status) for c in back for l, t in c.terms()] == [
                (c.id, l, t.text, t.status) for c in glossary for l, t in c.terms()]
    header = "concept_id,term_fr_FR,synonyms_fr_FR\nc1,passeur,trafiquant\n"
    terms = csv.parse(header, "g.csv").glossary.get("c1").langs["fr_FR"].terms
    assert [(t.text, t.status) for t in terms] == [("passeur", "preferred"),
                                                    ("trafiquant", "admitted")]


BAD = [
    ("missing column", "concept_id,term\nc1,x\n", 1, "missing required column(s) lang"),
    ("unknown column", "concept_id,lang,term,defintion\nc1,fr,x,y\n", 1, "unknown column"),
    ("twice", "concept_id,lang,term,term\nc1,fr,x,y\n", 1, "appears twice"),
    ("short row", "concept_id,lang,term,status\nc1,fr,x,preferred\nc2,fr\n", 3, "2 fields"),
    ("long row", "concept_id,lang,term\nc1,fr,x\n\"multi\nline\",fr,y,z\n", 3, "4 fields"),
    ("empty term", 'concept_id,lang,term,status\nc1,fr,"x\ny",\nc1,fr,,preferred\n', 4,
     "empty term"),
    ("bare row", "concept_id,lang,term\nc1,fr,\n", 2, "empty term"),
    ("no id", "concept_id,lang,term\n,fr,x\n", 2, "empty concept_id"),
    ("no lang", "concept_id,lang,term\nc1,,x\n", 2, "empty lang"),
    ("quote", "concept_id,lang,term\nc1,fr,\"a\"b\n", 2, "malformed CSV"),
    ("empty", "", 1, "empty file"),
    ("wide no term", "concept_id\tterm_fr\tdefinition_fr\nc1\t\tdéf\n", 2, "no term"),
]


@pytest.mark.parametrize("label,text,line,message", BAD, ids=[b[0] for b in BAD])
def test_bad_csv_names_file_and_line(tmp_path, label, text, line, message):
    path = tmp_path / ("bad.tsv" if "\t" in text else "bad.csv")
    path.write_text(text, encoding="utf-8")
    with pytest.raises(csv.CsvError) as caught:
        csv.read(path)
    assert str(caught.value).startswith(f"{path}:{line}: ")
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)
    assert caught.value.line == line


def test_unterminated_quote_is_an_error(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text('concept_id,lang,term\nc1,fr,"never closed\nc2,fr,x\n', encoding="utf-8")
    with pytest.raises(TermkitError, match=r"bad\.csv:\d+: malformed CSV"):
        csv.read(path)


def test_wrong_encoding_is_a_one_line_error(tmp_path):
    path = tmp_path / "latin1.csv"
    path.write_bytes("concept_id,lang,term\nc1,fr,traite des êtres humains\n".encode("latin-1"))
    with pytest.raises(TermkitError, match=r"latin1\.csv: not valid UTF-8 \(line 2"):
        csv.read(path)


def test_missing_file_is_a_termkit_error(tmp_path):
    with pytest.raises(TermkitError, match="no such file"):
        csv.read(tmp_path / "absent.csv")


def test_wide_file_reads():
    parsed = csv.parse_file(DATA / "wide.tsv")
    assert parsed.layout == "wide" and parsed.delimiter == "\t"
    unodc = parsed.glossary.get("unodc")
    assert [(t.text, t.status) for t in unodc.langs["fr"].terms] == [
        ("Office des Nations unies contre la drogue et le crime", "preferred"),
        ("ONUDC", "admitted")]
    assert unodc.subject_field == "organisations"
    vi = parsed.glossary.get("vi")
    assert vi.xrefs == ["thb"] and vi.langs["fr"].definition.startswith("Processus")


def wide_glossary() -> Glossary:
    """Only what the wide layout holds."""
    c1 = Concept("c1", subject_field="orgs", note="n", source="s", definition="d", xrefs=["c2"])
    c1.langs["fr"] = LangSec("fr", [Term("ONUDC", "preferred"), Term("Office", "admitted"),
                                    Term("UNODC fr", "admitted"), Term("vieux", "deprecated")],
                             definition="déf, \"x\"", note="note\nfr", source="src")
    c1.langs["en"] = LangSec("en", [Term("UNODC", "preferred")])
    c2 = Concept("c2", {"en": LangSec("en", [Term("old", "deprecated")])})
    return Glossary([c1, c2])


@pytest.mark.parametrize("name", ["w.csv", "w.tsv"])
def test_wide_round_trip_of_what_it_holds(tmp_path, name):
    path = tmp_path / name
    csv.write(wide_glossary(), path, layout="wide")
    parsed = csv.parse_file(path)
    assert parsed.layout == "wide"
    assert parsed.glossary == wide_glossary()


def test_wide_loses_term_details_as_documented():
    glossary = wide_glossary()
    section = glossary.get("c1").langs["fr"]
    section.terms[0].part_of_speech = "properNoun"
    section.terms[3].status = "superseded"
    section.terms.insert(0, section.terms.pop(3))  # order across statuses is not kept
    back = csv.parse(csv.dumps(glossary, "wide"), "w.csv").glossary
    assert back == wide_glossary()


def test_wide_refuses_a_term_with_a_bar(tmp_path):
    glossary = Glossary([Concept("c1", {"fr": LangSec("fr", [Term("a | b")])})])
    (tmp_path / "w.csv").write_text("old", encoding="utf-8")
    with pytest.raises(TermkitError, match="long layout"):
        csv.write(glossary, tmp_path / "w.csv", layout="wide")
    assert (tmp_path / "w.csv").read_text(encoding="utf-8") == "old"


def test_unknown_layout_is_an_error(tmp_path):
    with pytest.raises(TermkitError, match="layout"):
        csv.write(full_glossary(), tmp_path / "g.csv", layout="tall")


def test_sniff_tells_layout_and_delimiter(tmp_path):
    csv.write(wide_glossary(), tmp_path / "w.csv", layout="wide", delimiter=";")
    csv.write(wide_glossary(), tmp_path / "l.tsv", delimiter="\t")
    assert csv.sniff(tmp_path / "w.csv") == ("wide", ";")
    assert csv.sniff(tmp_path / "l.tsv") == ("long", "\t")
    # a header that tells none: the delimiter preferred (the format's)
    (tmp_path / "odd.tsv").write_text("id\tlang\tterm\n", encoding="utf-8")
    assert csv.sniff(tmp_path / "odd.tsv", "\t") == ("long", "\t")
    assert csv.sniff(tmp_path / "odd.tsv") == ("long", ",")


def test_failed_write_leaves_old_file_and_no_temp(tmp_path, monkeypatch):
    from termkit.glossary.csv import writer

    path = tmp_path / "g.csv"
    csv.write(full_glossary(), path)
    before = path.read_bytes()

    def broken(glossary):
        yield list(csv.LONG_COLUMNS)
        yield ["c9", "fr", "half"] + [""] * 15
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(writer, "_long_rows", broken)
    with pytest.raises(TermkitError, match=r"g\.csv: cannot write \(No space left on device\)"):
        csv.write(Glossary(), path)
    assert path.read_bytes() == before
    assert os.listdir(tmp_path) == ["g.csv"]


def test_5000_concepts_round_trip(tmp_path):
    glossary = Glossary([Concept(f"c{i}", {"fr": LangSec("fr", [Term(f"terme {i}", "preferred")],
                                                         definition=f"déf {i}"),
                                           "en": LangSec("en", [Term(f"term {i}")])})
                         for i in range(5000)])
    csv.write(glossary, tmp_path / "big.csv")
    assert csv.read(tmp_path / "big.csv") == glossary
    assert gc.isenabled()  # reading pauses the collector and switches it back on


def _interpreted(glossary: Glossary) -> list:
    """The fields termkit interprets (no verbatim XML), for comparing across formats."""
    clean = copy.deepcopy(glossary.concepts)
    for concept in clean:
        concept.extra = []
        for section in concept.langs.values():
            section.extra = []
            for term in section.terms:
                term.extra = []
    return clean


def test_tbx_to_csv_to_tbx_keeps_interpreted_fields(tmp_path):
    from termkit.glossary import tbx

    glossary = full_glossary()
    glossary.concepts = glossary.concepts[:1] + glossary.concepts[2:]  # TBX needs terms
    from_tbx = tbx.loads(tbx.dumps(glossary), "g.tbx")
    csv.write(from_tbx, tmp_path / "g.csv")
    tbx.write(csv.read(tmp_path / "g.csv"), tmp_path / "back.tbx")
    assert _interpreted(tbx.read(tmp_path / "back.tbx")) == _interpreted(from_tbx)


def test_shared_tbx_files_survive_csv(shared, tmp_path):
    from termkit.glossary import tbx

    for path in sorted((shared / "data" / "tbx").glob("*.tbx")):
        glossary = tbx.read(path)
        csv.write(glossary, tmp_path / "g.csv")
        back = csv.read(tmp_path / "g.csv")
        kept = [c for c in _interpreted(glossary)
                if any(s.terms for s in c.langs.values())]
        for concept in kept:
            for code in [code for code, s in concept.langs.items()
                         if not s.terms and not (s.definition or s.note or s.source)]:
                del concept.langs[code]  # an empty language section has no row
        assert _interpreted(back) == kept, path.name

"""TBX reading (v3 DCA/DCT, v2 variants), writing (v3 TBX-Basic, v2) and lossless round-trips."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from termkit.errors import TermkitError
from termkit.glossary import tbx, validate
from termkit.glossary.model import Concept, Glossary, LangSec, Term, status_value
from termkit.glossary.tbx import schema

DATA = Path(__file__).parent / "data" / "tbx"
REAL = {"astronomy-dca.tbx": 45, "omegat-sample.tbx": 1, "weblate-cs.tbx": 4,
        "weblate-fr-extended-metadata.tbx": 2}
OURS = ["valid-basic.tbx", "dct-basic.tbx", "v2-variants.tbx"]
TBX_NS = "{urn:iso:std:iso:30042:ed-2}"


def sample() -> Glossary:
    """A glossary using every field of the model."""
    thb = Concept(id="thb", subject_field="criminal law", definition="Exploitation of persons.",
                  source="Directive 2011/36/EU", note="Palermo Protocol", xrefs=["sm"])
    thb.langs["fr"] = LangSec("fr", definition="Recrutement aux fins d'exploitation.",
                              source="Directive 2011/36/UE", note="Terme juridique", terms=[
        Term("traite des êtres humains", status="preferred", part_of_speech="noun",
             gender="feminine", number="singular", term_type="fullForm",
             context="La traite des êtres humains est un crime.", source="INTERPOL",
             note="Terme consacré", id="thb-fr"),
        Term("trafic d'êtres humains", status="deprecated", source="usage"),
        Term("victimes", number="plural", extra=['<termNote type="geographicalUsage">FR'
                                                 "</termNote>"]),
    ])
    thb.langs["en"] = LangSec("en", terms=[Term("trafficking in human beings",
                                                status="preferred"),
                                           Term("THB", status="admitted", term_type="acronym")])
    thb.extra.append('<admin type="projectSubset">INTERPOL press</admin>')
    sm = Concept(id="sm", langs={"en": LangSec("en", terms=[Term("migrant smuggling")]),
                                 "fr": LangSec("fr", terms=[Term("trafic de migrants",
                                                                 status="superseded")])})
    return Glossary(concepts=[thb, sm], lang="fr", title="Traite",
                    header=["<publicationStmt><p>test</p></publicationStmt>"])


@pytest.mark.parametrize("name,count", sorted(REAL.items()))
def test_real_files_load(name, count):
    glossary = tbx.read(DATA / name)
    assert len(glossary) == count
    assert all(term.text for concept in glossary for _lang, term in concept.terms())


def test_every_shared_file_loads(shared):
    paths = sorted((shared / "data" / "tbx").glob("*.tbx"))
    assert paths
    for path in paths:
        assert len(tbx.read(path)) > 0, path


def test_v3_dca_mapping():
    glossary = tbx.read(DATA / "astronomy-dca.tbx")
    c1 = glossary.get("c1")
    assert c1.subject_field == "General"
    assert c1.note.startswith("G-Source:")
    en = c1.langs["en"]
    assert en.definition == "A group of stars formed together in the spiral arms of a galaxy."
    assert en.source == "Oxford2007"
    first, second = en.terms
    assert (first.text, first.status, first.part_of_speech) == ("open cluster", "preferred", "noun")
    assert first.context.startswith("Over 1100 open clusters")
    assert first.source == "http://seds.org/MESSIER/open.html"
    assert second.status == "superseded" and second.note.startswith("Another name")
    assert second.extra == ["<note>N-Source:\n\t\t\t\t\t\t\t"
                            "http://www.delscope.demon.co.uk/astronomy/glossary.htm#G</note>"]
    assert any(x.startswith("<transacGrp><transac") for x in c1.extra)
    assert any(x.startswith('<xref type="xGraphic"') for x in c1.extra)
    assert glossary.extra[0].startswith("<back><refObjectSec")
    assert "<publicationStmt>" in glossary.header[0]


def test_our_basic_sample_mapping():
    glossary = tbx.read(DATA / "valid-basic.tbx")
    assert (glossary.title, glossary.lang, glossary.dialect) == (
        "Traite et trafic", "fr", "TBX-Basic")
    thb = glossary.get("thb")
    assert thb.xrefs == ["smuggling"]
    fr = thb.langs["fr"]
    assert fr.source == "Directive 2011/36/UE"
    preferred, deprecated = fr.terms
    assert (preferred.id, preferred.gender, preferred.term_type) == (
        "thb-fr1", "feminine", "fullForm")
    assert preferred.source == "INTERPOL"
    assert deprecated.forbidden and deprecated.note.startswith("Confusion")
    assert deprecated.extra == ['<termNote type="geographicalUsage">FR</termNote>',
                                "<note>Second note kept verbatim.</note>"]
    assert thb.langs["en"].terms[1].term_type == "acronym"


def test_dct_style_mapping():
    concept = tbx.read(DATA / "dct-basic.tbx").concepts[0]
    assert concept.subject_field == "international organisations"
    assert any("customerSubset" in x and "INTERPOL" in x for x in concept.extra)
    en, fr = concept.langs["en"], concept.langs["fr"]
    assert en.definition.startswith("United Nations office")
    assert (en.terms[0].status, en.terms[0].part_of_speech, en.terms[0].term_type) == (
        "preferred", "properNoun", "acronym")
    assert fr.terms[0].context.startswith("Le rapport") and fr.terms[0].source == "unodc.org"


def test_v2_variants_mapping():
    glossary = tbx.read(DATA / "v2-variants.tbx")
    assert (glossary.title, glossary.lang) == ("Variantes v2", "fr")
    assert any(x.startswith("<encodingDesc>") for x in glossary.header)
    iom = glossary.get("iom")
    assert iom.definition.startswith("Intergovernmental") and iom.source.startswith("IOM")
    assert iom.xrefs == ["unhcr"]
    assert any(x.startswith('<xref type="externalCrossReference"') for x in iom.extra)
    assert any('type="customerSubset"' in x for x in iom.extra)
    oim, full = iom.langs["fr"].terms
    assert (oim.text, oim.status, oim.term_type, oim.number) == (
        "OIM", "preferred", "acronym", "singular")
    assert oim.extra and oim.extra[0].startswith("<transacGrp>")
    assert (full.status, full.gender) == ("admitted", "feminine")
    assert iom.langs["en"].preferred().text == "IOM"


@pytest.mark.parametrize("raw,expected", [
    ("preferredTerm-admn-sts", "preferred"), ("admittedTerm-admn-sts", "admitted"),
    ("deprecatedTerm-admn-sts", "deprecated"), ("supersededTerm-admn-sts", "superseded"),
    ("preferredTerm", "preferred"), ("standardizedTerm-admn-sts", "preferred"),
    ("Deprecated", "deprecated"), ("obsolete", "superseded"), ("forbidden", "deprecated"),
    ("admitted", "admitted"), ("mystery", "mystery"),
])
def test_status_values(raw, expected):
    assert status_value(raw) == expected


@pytest.mark.parametrize("name", sorted(REAL) + OURS)
@pytest.mark.parametrize("version", [3, 2])
def test_files_round_trip(name, version):
    glossary = tbx.read(DATA / name)
    again = tbx.loads(tbx.dumps(glossary, version), f"{name}.v{version}")
    assert again == glossary


@pytest.mark.parametrize("version", [3, 2])
def test_model_round_trip_through_file(tmp_path, version):
    glossary = sample()
    path = tmp_path / "out.tbx"
    tbx.write(glossary, path, version=version)
    again = tbx.read(path)
    assert again == glossary
    assert again.concepts[0].extra == ['<admin type="projectSubset">INTERPOL press</admin>']
    assert again.concepts[0].langs["fr"].terms[2].extra[0].startswith("<termNote")


def test_v3_output_is_valid_tbx_basic(tmp_path):
    for glossary in (sample(), tbx.read(DATA / "astronomy-dca.tbx"),
                     tbx.read(DATA / "v2-variants.tbx"), tbx.read(DATA / "omegat-sample.tbx")):
        path = tmp_path / "out.tbx"
        tbx.write(glossary, path)
        rng = etree.RelaxNG(file=str(schema.SCHEMA_DIR / schema.SCHEMA_FILES["TBX-Basic"]))
        assert rng.validate(etree.parse(str(path))), rng.error_log
        errors = [p for p in validate.validate(path) if p.severity == "error"]
        assert errors == []


def test_v3_output_shape():
    text = tbx.dumps(sample()).decode("utf-8")
    assert text.startswith("<?xml version='1.0' encoding='UTF-8'?>\n<?xml-model ")
    assert 'schematypens="http://relaxng.org/ns/structure/1.0"' in text
    assert '<tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Basic" style="dca" xml:lang="fr">' \
        in text
    assert "\n      <conceptEntry id=\"thb\">\n        <descrip type=\"subjectField\">" in text
    assert '<termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>' in text
    assert '<ref type="crossReference" target="sm">migrant smuggling</ref>' in text
    root = etree.fromstring(text.encode())
    assert root.find(f"{TBX_NS}text/{TBX_NS}body/{TBX_NS}conceptEntry") is not None


def test_v2_output_shape():
    text = tbx.dumps(sample(), version=2).decode("utf-8")
    assert '<!DOCTYPE martif SYSTEM "TBXBasiccoreStructV02.dtd">' in text
    assert '<martif type="TBX-Basic" xml:lang="fr">' in text
    assert "<termEntry id=\"thb\">" in text and "<langSet xml:lang=\"fr\">" in text
    assert '<termNote type="grammaticalNumber">singular</termNote>' in text


def test_unknown_elements_survive_write():
    data = (DATA / "weblate-fr-extended-metadata.tbx").read_bytes()
    for version in (3, 2):
        text = tbx.dumps(tbx.loads(data, "fr.tbx"), version).decode()
        assert '<descrip type="Translation needed">Yes</descrip>' in text
        assert '<note from="developer">Do not translate error codes.</note>' in text


def test_whitespace_of_interpreted_text_is_normalised():
    data = (DATA / "astronomy-dca.tbx").read_bytes()
    definition = tbx.loads(data, "a.tbx").get("c1").langs["en"].definition
    assert "\t" not in definition and "\n" not in definition


def test_utf16_file_loads():
    data = (DATA / "weblate-cs.tbx").read_text("utf-8").replace('encoding="utf-8"',
                                                              'encoding="UTF-16"')
    glossary = tbx.loads(data.encode("utf-16"), "cs16.tbx")
    assert glossary.concepts[0].langs["cs"].terms[0].text == "adresní řádek"


def test_missing_ids_and_languages_are_defaulted():
    glossary = tbx.read(DATA / "weblate-cs.tbx")
    assert [c.id for c in glossary] == ["c1", "c2", "c3", "c4"]
    out = tbx.dumps(Glossary(concepts=glossary.concepts))
    assert b'xml:lang="en"' in out.split(b"<tbxHeader>")[0]


def test_write_is_atomic_on_failure(tmp_path):
    path = tmp_path / "g.tbx"
    path.write_text("original")
    broken = sample()
    broken.concepts[1].extra.append("<unclosed>")
    with pytest.raises(TermkitError, match="not well-formed"):
        tbx.write(broken, path)
    assert path.read_text() == "original"
    assert [p.name for p in tmp_path.iterdir()] == ["g.tbx"]


def test_bad_version_and_missing_file(tmp_path):
    with pytest.raises(TermkitError, match="version"):
        tbx.dumps(sample(), version=4)
    with pytest.raises(TermkitError, match="no such file"):
        tbx.read(tmp_path / "absent.tbx")


def test_reading_streams_and_frees_processed_entries(tmp_path):
    concepts = [Concept(id=f"c{i}", langs={"en": LangSec("en", terms=[Term(f"t{i}")])})
                for i in range(300)]
    path = tmp_path / "many.tbx"
    tbx.write(Glossary(concepts=concepts, lang="en"), path)
    siblings = []
    glossary = tbx.read(path, on_entry=lambda el: siblings.append(
        sum(1 for _ in el.itersiblings(preceding=True))))
    assert len(glossary) == 300 and glossary.concepts[299].id == "c299"
    assert max(siblings) <= 1  # earlier entries were cleared and removed from the tree


def test_elements_with_attributes_or_markup_are_kept_verbatim():
    data = (b'<martif type="TBX-Basic" xml:lang="en"><text><body><termEntry id="a">'
            b'<note type="x">typed note</note><note>plain note</note>'
            b'<descrip type="definition" xml:lang="en">with lang</descrip>'
            b'<descrip type="definition">Has <hi type="italics">markup</hi>.</descrip>'
            b'<langSet xml:lang="en"><tig><term>t</term>'
            b'<termNote type="partOfSpeech">noun</termNote>'
            b'<termNote type="partOfSpeech">verb</termNote></tig></langSet>'
            b"</termEntry></body></text></martif>")
    concept = tbx.loads(data, "a.tbx").concepts[0]
    assert (concept.note, concept.definition) == ("plain note", None)
    assert concept.extra == ['<note type="x">typed note</note>',
                             '<descrip type="definition" xml:lang="en">with lang</descrip>',
                             '<descrip type="definition">Has <hi type="italics">markup</hi>.'
                             "</descrip>"]
    term = concept.langs["en"].terms[0]
    assert term.part_of_speech == "noun"
    assert term.extra == ['<termNote type="partOfSpeech">verb</termNote>']
    assert tbx.loads(tbx.dumps(tbx.loads(data, "a.tbx")), "b.tbx").concepts[0] == concept


def tricky() -> Glossary:
    """Values the text writer must escape exactly as lxml does, beside kept XML elements."""
    odd = 'a & b < c > d "q" \'s\' \t tab\nline é 😀'
    plain = Concept(id='odd"&<id>', subject_field=odd, definition=odd, source=odd, note=odd,
                    xrefs=["thb", 'no"where'])
    plain.langs['x"y'] = LangSec('x"y', definition=odd, note=odd, terms=[
        Term(odd, status="weird & odd", part_of_speech=odd, gender="feminine", number=odd,
             term_type="variant", context=odd, note=odd, id='t"1\t'),
        Term(""), Term("only source", source=odd)])
    plain.langs["en"] = LangSec("en")  # no terms: an empty element
    carriage = Concept(id="cr", note="carriage\rreturn")  # lxml writes &#13;: element path
    return Glossary(concepts=[sample().concepts[0], plain, Concept(id="bare"), carriage,
                              sample().concepts[1]], lang="fr")


@pytest.mark.parametrize("version", [3, 2])
def test_text_writer_matches_the_element_writer(monkeypatch, version):
    from termkit.glossary.tbx import vocab, writer

    glossary = tricky()
    written = tbx.dumps(glossary, version)
    paths = [writer._Text(vocab.V3, {}).concept(c) is None for c in glossary.concepts]
    assert paths == [True, False, False, True, False]  # kept XML and \r take the element path
    monkeypatch.setattr(writer._Text, "concept", lambda self, concept, level=3: None)
    assert tbx.dumps(glossary, version) == written  # byte for byte
    assert tbx.loads(written, "t.tbx").concepts[1].langs['x"y'].terms[0].text == \
        'a & b < c > d "q" \'s\' tab line é 😀'


def test_loading_restores_the_garbage_collector_state(tmp_path):
    import gc

    path = tmp_path / "bad.tbx"
    path.write_bytes(tbx.dumps(sample())[:-40])
    assert gc.isenabled()
    try:
        tbx.read(DATA / "valid-basic.tbx")
        assert gc.isenabled()
        with pytest.raises(TermkitError, match="truncated"):
            tbx.read(path)
        assert gc.isenabled()
        gc.disable()
        tbx.read(DATA / "valid-basic.tbx")
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_dct_elements_become_dca_when_written(tmp_path, cli):
    out = tmp_path / "o.tbx"
    result = cli("glossary", "convert", DATA / "dct-basic.tbx", "-o", out)
    assert result.exit_code == 0, result.output
    assert cli("glossary", "validate", out).exit_code == 0
    data = out.read_bytes()
    assert b'<admin type="customerSubset">INTERPOL</admin>' in data
    assert b"tbxinfo.net" not in data
    # a category the schema does not know stays as it was
    glossary = tbx.read(DATA / "dct-basic.tbx")
    glossary.concepts[0].extra.append('<x:fooBar xmlns:x="urn:x">y</x:fooBar>')
    assert b'<x:fooBar xmlns:x="urn:x">y</x:fooBar>' in tbx.dumps(glossary)
    assert schema.category_elements()["customerSubset"] == "admin"
    assert schema.category_elements("TBX-DNB") == schema.category_elements()


def test_one_gc_pause_for_both_readers(monkeypatch):
    import gc

    from termkit.glossary import csv, gcpause
    from termkit.glossary.csv import reader as csv_reader
    from termkit.glossary.tbx import reader as tbx_reader

    seen = []
    original = gcpause.paused_gc

    def spy(*args, **kwargs):
        seen.append(kwargs.get("collect_after"))
        return original(*args, **kwargs)

    monkeypatch.setattr(tbx_reader, "paused_gc", spy)
    monkeypatch.setattr(csv_reader, "paused_gc", spy)
    tbx.read(DATA / "valid-basic.tbx")
    csv.parse("concept_id,lang,term\nc1,fr,x\n", "g.csv")
    assert seen == [tbx_reader.GC_AFTER, None]
    collected = []
    monkeypatch.setattr(gc, "collect", lambda *a: collected.append(a) or 0)
    with gcpause.paused_gc(collect_after=-1):
        assert not gc.isenabled()
    assert gc.isenabled() and collected == [()]


def test_value_xml_cannot_hold_is_a_clear_error_and_nothing_written(tmp_path):
    from termkit.errors import TermkitError
    from termkit.glossary import Concept, Glossary, LangSec, Term, tbx

    target = tmp_path / "g.tbx"
    target.write_bytes(b"old")
    bad = Glossary([Concept("c1", {"fr": LangSec("fr", [Term("traite\x01")])})])
    with pytest.raises(TermkitError, match="concept c1"):
        tbx.write(bad, target)
    assert target.read_bytes() == b"old"


def test_entries_without_id_get_ids_the_file_does_not_use():
    from termkit.glossary import tbx

    data = (b"<tbx xmlns='urn:iso:std:iso:30042:ed-2'><text><body>"
            b"<conceptEntry><langSec xml:lang='fr'><termSec><term>a</term></termSec></langSec>"
            b"</conceptEntry><conceptEntry id='c1'><langSec xml:lang='fr'><termSec><term>b</term>"
            b"</termSec></langSec></conceptEntry></body></text></tbx>")
    glossary = tbx.loads(data, "noid.tbx")
    assert [c.id for c in glossary] == ["c2", "c1"]

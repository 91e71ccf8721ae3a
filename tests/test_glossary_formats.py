"""The format registry: one place that tells a format from a file name or content, and the same
reader/writer shape for TBX, CSV and TSV."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from termkit.errors import TermkitError
from termkit.glossary import csv, formats, tbx
from termkit.glossary.model import Concept, Glossary, LangSec, Term

DATA = Path(__file__).parent / "data"


def small() -> Glossary:
    """What every format holds (no title or kept XML; TBX adds the document language)."""
    concept = Concept("c1", subject_field="crime", xrefs=["c2"])
    concept.langs["fr"] = LangSec("fr", [Term("traite des êtres humains", "preferred",
                                              part_of_speech="noun", gender="feminine"),
                                         Term("trafic d’êtres humains", "deprecated")],
                                  definition="Recrutement, transport; exploitation")
    concept.langs["en"] = LangSec("en", [Term("trafficking in human beings", "preferred")])
    other = Concept("c2", {"en": LangSec("en", [Term("migrant smuggling")])})
    return Glossary([concept, other])


def same(a: Glossary, b: Glossary) -> bool:
    return a.concepts == b.concepts


@pytest.mark.parametrize("name,expected", [
    ("g.tbx", "tbx"), ("G.TBX", "tbx"), ("g.xml", "tbx"), ("g.csv", "csv"), ("g.txt", "csv"),
    ("g.tsv", "tsv"), ("dir.v2/g.TSV", "tsv")])
def test_format_from_the_file_name(name, expected):
    assert formats.by_name(name).name == expected
    assert formats.output_format(name) == expected


@pytest.mark.parametrize("name,shown", [("g.doc", "'.doc'"), ("glossary", "'(no extension)'")])
def test_unknown_extension_is_a_clear_error(name, shown):
    with pytest.raises(TermkitError, match=re.escape(f"{name}: unknown glossary format {shown}")):
        formats.by_name(name)
    with pytest.raises(TermkitError, match="unknown glossary format"):
        formats.load(name)


def test_unknown_output_format_is_an_error():
    with pytest.raises(TermkitError, match="unknown glossary format 'xlsx'"):
        formats.save(small(), "g.csv", to="xlsx")


@pytest.mark.parametrize("data,expected", [
    (b"<?xml version='1.0'?><tbx/>", "tbx"), (b"\xef\xbb\xbf\n  <martif>", "tbx"),
    ("<tbx/>".encode("utf-16"), "tbx"), (b"concept_id,lang,term\n", "csv"),
    (b"\xef\xbb\xbfconcept_id\tlang\tterm\n", "csv"), (b"", "csv")])
def test_content_tells_the_format_of_unnamed_input(data, expected):
    assert formats.sniff(data).name == expected


@pytest.mark.parametrize("name", sorted(formats.FORMATS))
def test_every_format_has_the_same_shape_and_round_trips(tmp_path, name):
    fmt = formats.FORMATS[name]
    data = fmt.dumps(small())
    assert isinstance(data, bytes)
    assert same(fmt.loads(data, f"g.{name}"), small())
    assert same(formats.loads(data, "<stdin>"), small())  # told by its content
    path = tmp_path / f"g.{name}"
    fmt.write(small(), path)
    assert same(fmt.read(path), small())
    assert same(formats.load(path), small())
    written = path.read_bytes()
    assert written.removeprefix(b"\xef\xbb\xbf") == data  # a .csv file only adds a BOM
    assert written.startswith(b"\xef\xbb\xbf") == (name == "csv")


def test_options_a_format_does_not_use_are_ignored(tmp_path):
    for name in formats.FORMATS:
        options = {"tbx_version": 2, "layout": "wide", "delimiter": ";"}
        data = formats.FORMATS[name].dumps(small(), **options)
        assert (b"<martif" in data) == (name == "tbx")
        assert data.startswith(b"concept_id;subject_field;") == (name != "tbx")
    assert formats.FORMATS["tsv"].dumps(small()).startswith(b"concept_id\tlang\tterm\t")


@pytest.mark.parametrize("real", ["csv/sample.csv", "csv/wide.tsv", "tbx/valid-basic.tbx",
                                  "tbx/v2-variants.tbx"])
def test_real_files_save_like_they_were(tmp_path, real):
    source = DATA / real
    path = tmp_path / source.name
    path.write_bytes(source.read_bytes())
    glossary = formats.load(path)
    formats.save_like(glossary, path)
    assert formats.load(path) == glossary
    assert formats.by_name(path).like(path) == formats.by_name(source).like(source)


def test_like_tells_how_an_existing_file_is_written(tmp_path):
    assert formats.by_name(DATA / "csv" / "wide.tsv").like(DATA / "csv" / "wide.tsv") == {
        "layout": "wide", "delimiter": "\t"}
    assert formats.by_name("new.csv").like(tmp_path / "new.csv") == {"layout": "long",
                                                                     "delimiter": None}
    v2 = DATA / "tbx" / "v2-variants.tbx"
    assert formats.by_name(v2).like(v2) == {"tbx_version": 2}
    assert formats.by_name("new.tbx").like(tmp_path / "new.tbx") == {"tbx_version": 3}


def test_save_to_stdout_writes_the_whole_document_or_nothing(capsysbinary):
    formats.save(small(), "-", to="tbx", tbx_version=2)
    assert same(tbx.loads(capsysbinary.readouterr().out, "-"), small())
    bad = small()
    bad.concepts[0].langs["fr"].terms[0].text = "a | b"
    with pytest.raises(TermkitError, match="long layout"):
        formats.save(bad, "-", to="csv", layout="wide")
    assert capsysbinary.readouterr().out == b""


def test_load_or_new(tmp_path):
    assert formats.load_or_new(tmp_path / "new.tsv") == Glossary()
    with pytest.raises(TermkitError, match="unknown glossary format"):
        formats.load_or_new(tmp_path / "new.doc")
    assert len(formats.load_or_new(DATA / "csv" / "sample.csv")) == 3


def test_layout_of_and_what_the_wide_layout_drops(tmp_path):
    assert formats.layout_of(DATA / "csv" / "wide.tsv") == "wide"
    for other in (DATA / "csv" / "sample.csv", DATA / "tbx" / "valid-basic.tbx",
                  tmp_path / "new.csv", "-", "g.doc"):
        assert formats.layout_of(other) == "long"
    detailed = small()  # a part of speech and a gender: the wide layout has no room for them
    assert formats.drops_details(detailed, "w.csv", layout="wide")
    assert formats.drops_details(detailed, "-", to="tsv", layout="wide")
    assert not formats.drops_details(detailed, "w.csv")
    assert not formats.drops_details(detailed, "w.tbx", layout="wide")
    plain = csv.loads(csv.dumps(detailed, layout="wide"), "w.csv")
    assert not formats.drops_details(plain, "w.csv", layout="wide")


def _imported(code: str) -> set[str]:
    """The modules a fresh interpreter has imported after running ``code``."""
    code += "\nimport sys\nprint('\\n'.join(sys.modules))\n"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    return set(done.stdout.split())


#: what the glossary registry must not pull in: lxml, and the layers above or beside it
HEAVY = ("lxml", "termkit.cli", "termkit.mt", "termkit.align", "termkit.corpus")


@pytest.mark.parametrize("code", [
    "from termkit.glossary import formats",
    "from termkit.glossary import formats, checks\n"
    f"formats.load({str(DATA / 'csv' / 'sample.csv')!r})"])
def test_the_registry_and_reading_csv_import_no_lxml_and_no_higher_layer(code):
    modules = _imported(code)
    assert "termkit.glossary.formats" in modules
    inside = tuple(name + "." for name in HEAVY)
    assert sorted(m for m in modules if m in HEAVY or m.startswith(inside)) == []


def test_unknown_extension_message_is_translated(monkeypatch):
    from termkit import i18n

    class Marked:
        """A translation that marks every message it translates."""

        def gettext(self, message):
            return "~" + message

    monkeypatch.setattr(i18n, "_translation", Marked())
    with pytest.raises(TermkitError) as caught:
        formats.by_name("g.doc")
    assert str(caught.value) == "~g.doc: unknown glossary format '.doc'; use .tbx, .csv or .tsv"
    with pytest.raises(TermkitError) as caught:
        formats.by_name("glossary")
    assert str(caught.value) == ("~glossary: unknown glossary format '~(no extension)'; use "
                                 ".tbx, .csv or .tsv")

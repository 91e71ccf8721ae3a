"""TMX 1.4b: writing, reading, lossless round-trip and safe parsing."""

from __future__ import annotations

import pytest

from termkit import tmx
from termkit.errors import TermkitError

FOREIGN = b"""<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
  <header creationtool="OmegaT" creationtoolversion="6.0" datatype="PlainText" segtype="sentence"
          adminlang="EN-US" srclang="fr-FR" o-tmf="OmegaT TMX">
    <prop type="x-project">INTERPOL</prop>
    <note>exported for review</note>
    <ude name="MacRoman" base="Macintosh"><map unicode="#xF8FF" code="#xF0" ent="Apple_logo"/></ude>
  </header>
  <body>
    <tu tuid="7" changeid="anna" usagecount="3">
      <prop type="x-domain">THB</prop>
      <note>checked</note>
      <tuv xml:lang="fr-FR" creationdate="20240101T120000Z">
        <prop type="x-context">title</prop>
        <seg>La <bpt i="1" x="1">&lt;b&gt;</bpt>traite<ept i="1">&lt;/b&gt;</ept> des \xc3\xaatres humains &amp; l\xe2\x80\x99OIM</seg>
      </tuv>
      <tuv xml:lang="en-GB">
        <seg>Trafficking in human beings &amp; IOM</seg>
      </tuv>
    </tu>
  </body>
</tmx>
"""


def test_write_from_pairs_has_tmx_14b_header_and_scores():
    memory = tmx.from_pairs([("Bonjour « Lyon » & <b>", "Hello “Lyon” & <b>", 0.875, "[0]:[0]")],
                            "fr", "en")
    data = tmx.dumps(memory)
    assert data.startswith(b"<?xml version='1.0' encoding='UTF-8'?>")
    back = tmx.loads(data)
    header = back.header
    assert header["srclang"] == "fr" and header["segtype"] == "sentence"
    assert header["creationtool"] == "termkit" and header["creationdate"].endswith("Z")
    unit = back.units[0]
    assert unit.text("fr") == "Bonjour « Lyon » & <b>"
    assert unit.text("en") == "Hello “Lyon” & <b>"
    assert unit.prop("x-termkit-score") == "0.875"
    assert unit.prop("x-termkit-bead") == "[0]:[0]"
    assert unit.attrs["tuid"] == "1"


def test_round_trip_is_lossless_for_foreign_tmx():
    memory = tmx.loads(FOREIGN, "omegat.tmx")
    assert memory.srclang == "fr-FR"
    assert memory.props == [("x-project", "INTERPOL")] and memory.notes == ["exported for review"]
    assert memory.extra[0].startswith('<ude name="MacRoman"')
    unit = memory.units[0]
    assert unit.attrs == {"tuid": "7", "changeid": "anna", "usagecount": "3"}
    fr = unit.variants[0]
    assert fr.lang == "fr-FR" and fr.attrs == {"creationdate": "20240101T120000Z"}
    assert fr.text == "La <b>traite</b> des êtres humains & l’OIM"
    assert '<bpt i="1" x="1">&lt;b&gt;</bpt>' in fr.markup
    assert unit.text("en") == "Trafficking in human beings & IOM"
    again = tmx.loads(tmx.dumps(memory))
    assert again == memory
    assert tmx.dumps(again) == tmx.dumps(memory)


ATTRIBUTED = FOREIGN.replace(
    b'<prop type="x-domain">THB</prop>',
    b'<prop type="x-domain" xml:lang="fr" o-encoding="utf-8">THB</prop>'
).replace(b"<note>checked</note>", b'<note xml:lang="en">checked</note>').replace(
    b'<seg>Trafficking', b'<note o-encoding="ascii">EN note</note>'
    b'<x-review by="anna"><ok/></x-review><seg>Trafficking')


def test_round_trip_keeps_prop_and_note_attributes_and_tuv_children():
    memory = tmx.loads(ATTRIBUTED, "attrs.tmx")
    unit = memory.units[0]
    prop, note = unit.props[0], unit.notes[0]
    assert prop == tmx.Prop("x-domain", "THB", {tmx.XML_LANG: "fr", "o-encoding": "utf-8"})
    assert tuple(prop) == ("x-domain", "THB") and unit.prop("x-domain") == "THB"
    assert str(note) == "checked" and note.attrs == {tmx.XML_LANG: "en"}
    en = unit.variants[1]
    assert en.notes[0].attrs == {"o-encoding": "ascii"}
    assert en.extra == ['<x-review by="anna"><ok/></x-review>']
    data = tmx.dumps(memory)
    assert b'<prop type="x-domain" xml:lang="fr" o-encoding="utf-8">THB</prop>' in data
    assert b'<note xml:lang="en">checked</note>' in data and b"<x-review" in data
    again = tmx.loads(data)
    assert again == memory and tmx.dumps(again) == data
    assert again.units[0].props != [("x-domain", "THB")]   # attributes count in comparisons


def test_segment_whitespace_is_kept():
    memory = tmx.from_pairs([("  deux  espaces ", "two\tspaces", None, "[0]:[0]")], "fr", "en")
    unit = tmx.loads(tmx.dumps(memory)).units[0]
    assert unit.text("fr") == "  deux  espaces " and unit.text("en") == "two\tspaces"
    assert unit.prop("x-termkit-score") is None


def test_write_and_read_file_atomically(tmp_path):
    path = tmp_path / "out.tmx"
    memory = tmx.from_pairs([("Un.", "One.", 0.5, "[0]:[0]")], "fr", "en")
    tmx.write(memory, path)
    assert tmx.read(path) == memory
    assert [p.name for p in tmp_path.iterdir()] == ["out.tmx"]


@pytest.mark.parametrize("data, message", [
    (b"", "empty file"),
    (b"<tmx version='1.4'><header/><body><tu>", "malformed XML"),
    (b"<tbx/>", "not a TMX file"),
    (b"<tmx version='1.4'><body/></tmx>", "needs a <header>"),
    (b"<tmx version='1.4'><header/><body><tu><tuv><seg>x</seg></tuv></tu></body></tmx>",
     "without xml:lang"),
    (b"<!DOCTYPE tmx [<!ENTITY a 'aaaa'>]><tmx version='1.4'><header/><body/></tmx>",
     "entity declarations"),
])
def test_bad_tmx_is_a_clear_error(data, message):
    with pytest.raises(TermkitError, match=message) as error:
        tmx.loads(data, "bad.tmx")
    assert "bad.tmx" in str(error.value)


def test_control_characters_are_refused_when_writing():
    unit = tmx.Unit([tmx.Variant("fr", "bad \x01 char"), tmx.Variant("en", "x")])
    memory = tmx.Memory(header=tmx.new_header("fr"), units=[unit])
    with pytest.raises(TermkitError, match="unit 1"):
        tmx.dumps(memory)


def test_from_pairs_leaves_out_characters_xml_cannot_hold():
    memory = tmx.from_pairs([("La traite\x01 des\x0b êtres\ufffe humains.", "Traffic\x1fking.",
                              None, None)], "fr", "en", props=[("x-termkit-model", "m")])
    back = tmx.loads(tmx.dumps(memory))
    assert back.units[0].text("fr") == "La traite des êtres humains."
    assert back.units[0].text("en") == "Trafficking."
    assert back.units[0].props == [("x-termkit-model", "m")]

"""TMX 1.4b ↔ bitexts: writing, reading, lossless round-trip and safe parsing."""

from __future__ import annotations

import re

import pytest

from termkit.corpus import formats, tmx
from termkit.corpus.model import Bitext, Note, Pair, Prop, Side
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



def _aligned(*pairs) -> Bitext:
    """A bitext as the aligner makes it: (source, target, score, sentence index) per pair."""
    return Bitext("fr", "en", [Pair(Side("fr", src, sentences=(k,)),
                                    Side("en", tgt, sentences=(k,)), score=score)
                               for src, tgt, score, k in pairs])


def test_aligned_pairs_get_a_tmx_14b_header_scores_and_beads():
    data = tmx.dumps(_aligned(("Bonjour « Lyon » & <b>", "Hello “Lyon” & <b>", 0.875, 0)))
    assert data.startswith(b"<?xml version='1.0' encoding='UTF-8'?>")
    back = tmx.loads(data)
    header = back.header
    assert header["srclang"] == "fr" and header["segtype"] == "sentence"
    assert header["creationtool"] == "termkit" and header["creationdate"].endswith("Z")
    assert (back.src_lang, back.tgt_lang) == ("fr", "en")
    pair = back.pairs[0]
    assert pair.side("fr").text == "Bonjour « Lyon » & <b>"
    assert pair.target.text == "Hello “Lyon” & <b>"
    assert pair.prop("x-termkit-score") == "0.875" and pair.score == 0.875
    assert pair.prop("x-termkit-bead") == "[0]:[0]" and pair.bead.src == (0,)
    assert pair.attrs["tuid"] == "1" and pair.attrs["creationdate"] == header["creationdate"]


def test_the_bytes_termkit_writes():
    aligned = _aligned(("Un.", "One.", 0.5, 0))
    aligned.pairs.append(Pair(Side("fr", "Deux.", sentences=(1,)), Side("en", "", sentences=()),
                              score=0.25, unaligned=True))    # as the aligner marks it: left out
    translated = Bitext("fr", "en", [Pair(Side("fr", "Trois.", sentences=(0,)),
                                          Side("en", "Three.", sentences=(0,)),
                                          props=[("x-termkit-model", "argos:m")])])
    unit = ('    <tu tuid="1" creationdate="D">\n{props}      <tuv xml:lang="fr">\n'
            '        <seg>{fr}</seg>\n      </tuv>\n      <tuv xml:lang="en">\n'
            '        <seg>{en}</seg>\n      </tuv>\n    </tu>\n')
    header = ("<?xml version='1.0' encoding='UTF-8'?>\n<tmx version=\"1.4\">\n  <header "
              'creationtool="termkit" creationtoolversion="{v}" datatype="plaintext" '
              'segtype="sentence" adminlang="en" srclang="fr" o-tmf="termkit" creationdate="D"/>'
              "\n  <body>\n").format(v=tmx.__version__)
    for bitext, props, fr, en in [
            (aligned, '      <prop type="x-termkit-score">0.500</prop>\n'
                      '      <prop type="x-termkit-bead">[0]:[0]</prop>\n', "Un.", "One."),
            (translated, '      <prop type="x-termkit-model">argos:m</prop>\n', "Trois.",
             "Three.")]:
        data = re.sub(r"\d{8}T\d{6}Z", "D", tmx.dumps(bitext).decode("utf-8"))
        assert data == header + unit.format(props=props, fr=fr, en=en) + "  </body>\n</tmx>\n"


def test_round_trip_is_lossless_for_foreign_tmx():
    memory = tmx.loads(FOREIGN, "omegat.tmx")
    assert memory.header["srclang"] == "fr-FR"
    assert (memory.src_lang, memory.tgt_lang) == ("fr-FR", "en-GB")
    assert memory.props == [("x-project", "INTERPOL")] and memory.notes == ["exported for review"]
    assert memory.extra[0].startswith('<ude name="MacRoman"')
    pair = memory.pairs[0]
    assert pair.attrs == {"tuid": "7", "changeid": "anna", "usagecount": "3"}
    fr = pair.source
    assert fr.lang == "fr-FR" and fr.attrs == {"creationdate": "20240101T120000Z"}
    assert fr.text == "La traite des êtres humains & l’OIM"      # the inline codes left out
    assert '<bpt i="1" x="1">&lt;b&gt;</bpt>' in fr.markup
    assert pair.side("en").text == "Trafficking in human beings & IOM"
    assert pair.score is None and pair.bead.src == ()
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
    pair = memory.pairs[0]
    prop, note = pair.props[0], pair.notes[0]
    assert prop == Prop("x-domain", "THB", {tmx.XML_LANG: "fr", "o-encoding": "utf-8"})
    assert tuple(prop) == ("x-domain", "THB") and pair.prop("x-domain") == "THB"
    assert str(note) == "checked" and note.attrs == {tmx.XML_LANG: "en"}
    en = pair.target
    assert en.notes[0].attrs == {"o-encoding": "ascii"}
    assert en.extra == ['<x-review by="anna"><ok/></x-review>']
    data = tmx.dumps(memory)
    assert b'<prop type="x-domain" xml:lang="fr" o-encoding="utf-8">THB</prop>' in data
    assert b'<note xml:lang="en">checked</note>' in data and b"<x-review" in data
    again = tmx.loads(data)
    assert again == memory and tmx.dumps(again) == data
    assert again.pairs[0].props != [("x-domain", "THB")]   # attributes count in comparisons
    assert Note("checked", {tmx.XML_LANG: "en"}) != Note("checked")


MULTI = b"""<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="X" creationtoolversion="1" datatype="plaintext"
segtype="sentence" adminlang="en" o-tmf="x" srclang="*all*"><prop type="a">b</prop></header><body>
<tu><tuv xml:lang="fr"><seg>Un</seg></tuv><tuv xml:lang="en"><seg>One</seg></tuv>
<tuv xml:lang="de"><seg>Eins</seg></tuv></tu>
<tu><tuv xml:lang="EN-us"><seg>Two</seg></tuv><tuv xml:lang="fr-CA"><seg>Deux</seg></tuv></tu>
<tu><tuv xml:lang="fr"><seg>Trois seul</seg></tuv></tu>
<tu><tuv lang="de"><seg>Vier</seg></tuv><tuv xml:lang="en"><seg>Four</seg></tuv></tu>
</body></tmx>
"""


def test_units_in_other_orders_and_languages_keep_them():
    memory = tmx.loads(MULTI, "multi.tmx")
    assert (memory.src_lang, memory.tgt_lang) == ("fr", "en")   # *all*: the first language
    one, two, three, four = memory.pairs
    assert [s.lang for s in one.others] == ["de"] and one.side("de").text == "Eins"
    assert (two.source.text, two.target.text) == ("Deux", "Two")     # fr-CA, EN-us
    assert [s.lang for s in two.sides()] == ["EN-us", "fr-CA"]      # the order they came in
    assert three.target.missing and three.side("en") is None and three.target.text == ""
    assert four.source.missing and [s.lang for s in four.sides()] == ["de", "en"]
    data = tmx.dumps(memory)
    assert tmx.loads(data) == memory and tmx.dumps(tmx.loads(data)) == data
    assert data.count(b"<tuv") == 8                # no tuv made up for the missing languages
    assert data.index(b'"EN-us"') < data.index(b'"fr-CA"')
    assert b' lang="de"' not in data and b'xml:lang="de"' in data   # TMX 1.1's lang: xml:lang


def test_a_changed_score_is_written():
    memory = tmx.loads(tmx.dumps(_aligned(("Un.", "One.", 0.5, 0))))
    memory.pairs[0].score = 0.75
    back = tmx.loads(tmx.dumps(memory)).pairs[0]
    assert back.score == 0.75 and back.props == [("x-termkit-score", "0.750"),
                                                 ("x-termkit-bead", "[0]:[0]")]


def test_segment_whitespace_is_kept():
    bitext = Bitext("fr", "en", [Pair(Side("fr", "  deux  espaces "), Side("en", "two\tspaces"))])
    pair = tmx.loads(tmx.dumps(bitext)).pairs[0]
    assert pair.source.text == "  deux  espaces " and pair.target.text == "two\tspaces"
    assert pair.prop("x-termkit-score") is None and pair.props == []


def test_write_and_read_file_atomically(tmp_path):
    path = tmp_path / "out.tmx"
    bitext = tmx.loads(tmx.dumps(_aligned(("Un.", "One.", 0.5, 0))))
    formats.write(bitext, path)
    assert formats.read(path) == bitext
    assert [p.name for p in tmp_path.iterdir()] == ["out.tmx"]


@pytest.mark.parametrize("data, message", [
    (b"", "empty file"),
    (b"<tmx version='1.4'><header/><body><tu>", "malformed XML"),
    (b"<tbx/>", "not a TMX file"),
    (b"<tmx version='1.4'><body/></tmx>", "needs a <header>"),
    (b"<tmx version='1.4'><header/><body><tu><tuv><seg>x</seg></tuv></tu></body></tmx>",
     "without xml:lang"),
    (b"<tmx version='1.4'><header/><body><tu><tuv xml:lang='fr'/></tu></body></tmx>",
     "without <seg>"),
    (b"<tmx version='1.4'><header srclang='fr'/><body><tu><tuv xml:lang='fr'><seg>x</seg></tuv>"
     b"</tu></body></tmx>", "no segment in a language other than 'fr'"),
    (b"<!DOCTYPE tmx [<!ENTITY a 'aaaa'>]><tmx version='1.4'><header/><body/></tmx>",
     "entity declarations"),
])
def test_bad_tmx_is_a_clear_error(data, message):
    with pytest.raises(TermkitError, match=message) as error:
        tmx.loads(data, "bad.tmx")
    assert "bad.tmx" in str(error.value) and "\n" not in str(error.value)


def test_an_empty_memory_reads():
    memory = tmx.loads(b"<tmx version='1.4'><header srclang='fr'/><body/></tmx>", "e.tmx")
    assert len(memory) == 0 and memory.src_lang == "fr"


def test_characters_xml_cannot_hold_are_left_out_when_writing():
    bitext = Bitext("fr", "en", [Pair(Side("fr", "La traite\x01 des\x0b êtres\ufffe humains."),
                                      Side("en", "Traffic\x1fking."),
                                      props=[("x-termkit-model", "m\x02")],
                                      notes=["n\x03"])])
    back = tmx.loads(tmx.dumps(bitext)).pairs[0]
    assert back.source.text == "La traite des êtres humains."
    assert back.target.text == "Trafficking."
    assert back.props == [("x-termkit-model", "m")] and back.notes == ["n"]


def test_bad_markup_or_names_are_one_line_errors():
    side = Side("fr", "x", markup="<bpt>unclosed")
    with pytest.raises(TermkitError, match="unit 1: malformed inline markup"):
        tmx.dumps(Bitext("fr", "en", [Pair(side, Side("en", "y"))]))
    with pytest.raises(TermkitError, match="unit 1: cannot be written as TMX"):
        tmx.dumps(Bitext("fr", "en", [Pair(Side("fr", "x"), Side("en", "y"),
                                           attrs={"bad name": "v"})]))


def test_many_attributes_on_one_element_round_trip():
    attrs = " ".join(f'x-a{i}="{i}"' for i in range(5000))
    data = (f"<tmx version='1.4'><header srclang='fr' {attrs}/><body><tu {attrs}>"
            f"<tuv xml:lang='fr' {attrs}><seg>a</seg></tuv><tuv xml:lang='en'><seg>b</seg></tuv>"
            "</tu></body></tmx>").encode()
    memory = tmx.loads(data, "wide.tmx")
    assert len(memory.header) == 5001 and len(memory.pairs[0].source.attrs) == 5000
    assert tmx.loads(tmx.dumps(memory)) == memory

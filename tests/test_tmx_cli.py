"""``termkit tmx convert`` and ``termkit tmx stats``: TMX read and written losslessly through
the CLI, other formats, statistics, and clear errors."""

from __future__ import annotations

import json

import pytest

from termkit.corpus import formats, tmx
from termkit.corpus.model import Bitext, Pair, Side

from conftest import DATA

FOREIGN = DATA / "tmx" / "foreign.tmx"


def test_tmx_is_read_and_written_losslessly(cli, tmp_path):
    first, second = tmp_path / "first.tmx", tmp_path / "second.tmx"
    result = cli("tmx", "convert", FOREIGN, "-o", first)
    assert result.exit_code == 0, result.output
    assert f"{first}: 3 units written" in result.stdout
    original = tmx.loads(FOREIGN.read_bytes(), FOREIGN)
    assert tmx.loads(first.read_bytes()) == original     # every record kept
    assert cli("tmx", "convert", first, "-o", second).exit_code == 0
    assert second.read_bytes() == first.read_bytes()     # and written the same way again
    data = first.read_text(encoding="utf-8")
    for kept in ('x-vendor-flag="on"', '<prop type="x-project" xml:lang="en">INTERPOL</prop>',
                 '<note o-encoding="utf-8">exported for review</note>', '<ude name="MacRoman"',
                 'x-reviewed="yes"', '<prop type="x-domain" xml:lang="fr" o-encoding="utf-8">',
                 '<note xml:lang="en">checked</note>', 'x-origin="mt"',
                 '<bpt i="1" x="1">&lt;b&gt;</bpt>traite<ept i="1">&lt;/b&gt;</ept>',
                 '<ph x="2">&lt;br/&gt;</ph>', '<hi type="b">IOM</hi>',
                 '<x-review by="anna">', '<ok/>', '<x-history when="2024"/>',
                 '<seg>Menschenhandel</seg>', "<seg>  Victims  first. </seg>",
                 '<prop type="x-termkit-score">0.5</prop>', 'creationtool="OmegaT"'):
        assert kept in data, kept
    assert data.index('tuid="8"') < data.index('"en-GB"', data.index('tuid="8"')) < \
        data.index('"fr-FR"', data.index('tuid="8"'))     # the order of the tuvs too
    assert data.count("<tuv") == 6                          # none made up


def test_convert_to_tsv_json_and_from_stdin(cli, tmp_path):
    out = tmp_path / "memory.tsv"
    assert cli("tmx", "convert", FOREIGN, "-o", out).exit_code == 0
    rows = out.read_text(encoding="utf-8").splitlines()
    assert rows[0] == "La traite des êtres humains & l’OIM\tTrafficking in human beings & IOM"
    assert rows[1] == "Les victimes d’abord.\t  Victims  first. "
    assert rows[2] == "Une seule langue.\t\t0.500"
    result = cli("tmx", "convert", "-", "--format", "json", input=FOREIGN.read_bytes())
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["signature"]["src_lang"] == "fr-FR" and data["signature"]["tgt_lang"] == "en-GB"
    assert data["beads"][0]["others"] == [{"lang": "de-DE", "text": "Menschenhandel"}]
    assert data["beads"][0]["props"] == [["x-domain", "THB"]]


def test_aligned_tmx_back_to_tmx_is_the_same(cli, tmp_path):
    fr, en = tmp_path / "a.fr", tmp_path / "a.en"
    fr.write_text("Le chat dort. Marie arrive à Paris le 3 mai.\n", encoding="utf-8")
    en.write_text("The cat sleeps. Marie arrives in Paris on 3 May.\n", encoding="utf-8")
    aligned, again = tmp_path / "a.tmx", tmp_path / "b.tmx"
    assert cli("align", fr, en, "--format", "tmx", "-o", aligned).exit_code == 0
    assert cli("tmx", "convert", aligned, "-o", again).exit_code == 0
    assert again.read_bytes() == aligned.read_bytes()


def test_stats_text_and_json(cli, tmp_path):
    result = cli("tmx", "stats", FOREIGN)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == f"{FOREIGN}: 3 units, languages: fr-FR, en-GB, de-DE"
    assert "created by OmegaT 6.0" in lines[1]
    # plain text: the inline codes' content (<b>, <br/>) is not counted, hi's text is
    assert "  fr-FR: 3 segments, 14 words, 73 characters" in result.stdout
    assert "  en-GB: 2 segments, 7 words, 51 characters" in result.stdout
    assert "scores (1 units): mean 0.500" in result.stdout and "    0.5-0.6: 1" in lines
    data = json.loads(cli("tmx", "stats", "-", "--json", input=FOREIGN.read_bytes()).stdout)
    assert data["file"] == "<stdin>" and data["units"] == 3
    assert data["segments"] == {"fr-FR": 3, "en-GB": 2, "de-DE": 1}
    assert data["characters"]["de-DE"] == len("Menschenhandel")
    assert data["scores"]["units"] == 1 and data["scores"]["bins"]["0.5-0.6"] == 1
    assert data["creation_tool"] == "OmegaT" and data["signature"]["termkit"]


def test_stats_of_an_alignment(cli, tmp_path):
    fr, en, out = tmp_path / "a.fr", tmp_path / "a.en", tmp_path / "a.tmx"
    fr.write_text("Le chat dort.\nMarie arrive à Paris le 3 mai 2020.\n", encoding="utf-8")
    en.write_text("The cat sleeps.\nMarie arrives in Paris on 3 May 2020.\n", encoding="utf-8")
    assert cli("align", fr, en, "--format", "tmx", "-o", out).exit_code == 0
    data = json.loads(cli("tmx", "stats", out, "--json").stdout)
    assert data["languages"] == ["fr", "en"] and data["scores"]["units"] == 2
    assert data["creation_tool"] == "termkit"
    assert "scores" not in cli("tmx", "stats", FOREIGN.parent / "none.tmx").stdout


@pytest.mark.parametrize("content, message", [
    (b"<tmx version='1.4'><header/><body><tu>", "malformed XML"),
    (b"<!DOCTYPE tmx [<!ENTITY a 'aaaa'>]><tmx version='1.4'><header/><body/></tmx>",
     "entity declarations are not allowed"),
    (b"<tmx version='1.4'><header/><body><tu><tuv><seg>x</seg></tuv></tu></body></tmx>",
     "<tuv> without xml:lang"),
    (b"<tmx version='1.4'><header srclang='fr'/><body><tu><tuv xml:lang='fr'><seg>x</seg>"
     b"</tuv></tu></body></tmx>", "no segment in a language other than 'fr'"),
    (b"<martif/>", "not a TMX file"),
])
@pytest.mark.parametrize("command", ["convert", "stats"])
def test_bad_tmx_is_one_line_and_exit_2(cli, tmp_path, content, message, command):
    bad, out = tmp_path / "bad.tmx", tmp_path / "out.tsv"
    bad.write_bytes(content)
    result = cli("tmx", command, bad, *(["-o", out] if command == "convert" else []))
    assert result.exit_code == 2
    assert message in result.stderr and "bad.tmx" in result.stderr
    assert len(result.stderr.splitlines()) == 1 and "Traceback" not in result.output
    assert not out.exists()


def test_unknown_output_extension_or_missing_format(cli, tmp_path):
    result = cli("tmx", "convert", FOREIGN, "-o", tmp_path / "out.xlsx")
    assert result.exit_code == 2
    assert "out.xlsx: unknown format '.xlsx'; use .beads, .tsv, .tmx, .json" in result.stderr
    result = cli("tmx", "convert", FOREIGN)
    assert result.exit_code == 2 and "--format" in result.stderr
    assert list(tmp_path.iterdir()) == []


MARKED = b"""<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header srclang="fr" adminlang="en" creationtool="x" creationtoolversion="1"
datatype="plaintext" segtype="sentence" o-tmf="x"/><body>
<tu><prop type="x-termkit-score">0.250</prop><prop type="x-termkit-bead">[0]:[]</prop>
<tuv xml:lang="fr"><seg>Une phrase sans traduction.</seg></tuv><tuv xml:lang="en"><seg/></tuv></tu>
<tu><prop type="x-termkit-bead">[1]:[1]</prop>
<tuv xml:lang="fr"><seg></seg></tuv><tuv xml:lang="en"><seg> </seg></tuv></tu>
<tu><prop type="x-termkit-score">0.900</prop><prop type="x-termkit-bead">[2]:[2]</prop>
<tuv xml:lang="fr"><seg>Le chat dort.</seg></tuv>
<tuv xml:lang="en"><seg>The cat sleeps.</seg></tuv></tu>
</body></tmx>
"""


@pytest.mark.parametrize("suffix", [".tmx", ".tsv", ".json", ".beads"])
def test_convert_writes_every_unit_of_a_memory(cli, tmp_path, suffix):
    """A unit marked as a 1-0 bead, one with blank segments: a memory keeps them all."""
    memory, out = tmp_path / "marked.tmx", tmp_path / f"out{suffix}"
    memory.write_bytes(MARKED)
    result = cli("tmx", "convert", memory, "-o", out)
    assert result.exit_code == 0, result.output
    assert f"{out}: 3 units written" in result.stdout
    if suffix == ".tsv":     # the blank unit is a line of blank cells
        assert out.read_text(encoding="utf-8").split("\n") == [
            "Une phrase sans traduction.\t\t0.250", "\t ", "Le chat dort.\tThe cat sleeps.\t0.900",
            ""]
        return
    back = formats.read(out)
    assert [(p.bead.src, p.bead.tgt) for p in back] == [((0,), ()), ((1,), (1,)), ((2,), (2,))]
    if suffix != ".beads":
        assert [p.source.text for p in back] == ["Une phrase sans traduction.", "",
                                                 "Le chat dort."]
    if suffix == ".tmx":
        assert back == tmx.loads(MARKED)


def test_plain_text_leaves_out_inline_codes_and_keeps_their_markup(tmp_path):
    memory = tmx.loads(FOREIGN.read_bytes(), FOREIGN)
    first = memory.pairs[0]
    assert first.source.text == "La traite des êtres humains & l’OIM"
    assert first.target.text == "Trafficking in human beings & IOM"        # hi's text kept
    assert first.source.markup == ('La <bpt i="1" x="1">&lt;b&gt;</bpt>traite<ept i="1">'
                                   '&lt;/b&gt;</ept> des êtres humains &amp; l’<ph x="2">'
                                   '&lt;br/&gt;</ph>OIM')
    seg = (b"<tmx version='1.4'><header srclang='en'/><body><tu><tuv xml:lang='en'><seg>See"
           b"<ph x='1'>&lt;a title='<sub>the <hi>note</hi></sub>'&gt;</ph> here<it pos='begin'>"
           b"&lt;i&gt;</it>, <ut>{\\b}</ut>now<bpt i='2'>&lt;u&gt;</bpt>.</seg></tuv>"
           b"<tuv xml:lang='fr'><seg>Voir</seg></tuv></tu></body></tmx>")
    side = tmx.loads(seg, "sub.tmx").pairs[0].source
    assert side.text == "Seethe note here, now."        # sub-flow text kept, codes left out
    assert b"<sub>the <hi>note</hi></sub>" in tmx.dumps(tmx.loads(seg, "sub.tmx"))


def test_beads_of_a_memory_without_bead_properties_is_an_error(cli, tmp_path):
    out = tmp_path / "out.beads"
    result = cli("tmx", "convert", FOREIGN, "--format", "beads")
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert len(result.stderr.splitlines()) == 1 and str(FOREIGN) in result.stderr
    assert "unit 1 has no sentence indices (x-termkit-bead): only an alignment can be " \
           "written as beads" in result.stderr
    assert cli("tmx", "convert", FOREIGN, "-o", out).exit_code == 2 and not out.exists()
    memory = tmp_path / "marked.tmx"
    memory.write_bytes(MARKED)
    result = cli("tmx", "convert", memory, "--format", "beads")
    assert result.exit_code == 0 and result.stdout == "[0]:[]\n[1]:[1]\n[2]:[2]\n"


def test_tmx_messages_are_translatable(monkeypatch):
    from termkit.errors import TermkitError

    monkeypatch.setattr(tmx, "_", lambda message: "<<" + message + ">>")
    for data in (b"<tbx/>", b"<tmx version='1.4'><body/></tmx>",
                 b"<tmx version='1.4'><header/><body><tu><tuv><seg>x</seg></tuv></tu></body></tmx>",
                 b"<tmx version='1.4'><header srclang='fr'/><body><tu><tuv xml:lang='fr'>"
                 b"<seg>x</seg></tuv></tu></body></tmx>"):
        with pytest.raises(TermkitError, match="^<<"):
            tmx.loads(data, "bad.tmx")
    with pytest.raises(TermkitError, match="^<<unit 1: cannot be written as TMX"):
        tmx.dumps(Bitext("fr", "en", [Pair(Side("fr", "x"), Side("en", "y"),
                                           attrs={"bad name": "v"})]))


def test_convert_and_stats_read_other_memory_formats_by_extension(cli, tmp_path):
    tsv = tmp_path / "memory.tsv"
    tsv.write_text("La traite des êtres humains\tTrafficking in human beings\t0.900\n",
                   encoding="utf-8")
    out = tmp_path / "memory.tmx"
    result = cli("tmx", "convert", tsv, "-o", out)
    assert result.exit_code == 0, result.output
    back = tmx.loads(out.read_bytes(), out)
    assert [(p.source.text, p.target.text, p.score) for p in back] == \
        [("La traite des êtres humains", "Trafficking in human beings", 0.9)]
    stats = json.loads(cli("tmx", "stats", tsv, "--json").stdout)
    assert stats["units"] == 1

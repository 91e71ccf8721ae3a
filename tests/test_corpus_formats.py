"""The bitext formats behind one registry: choice by name, extension or content; TSV, JSON and
beads round-trips; clear errors."""

from __future__ import annotations

import json

import pytest

from termkit.corpus import beads, formats
from termkit.corpus.model import Bitext, Pair, Side
from termkit.errors import TermkitError


def _aligned() -> Bitext:
    """Three aligned pairs: a 1-1, a pair of blank lines (pre-segmented) and a 1-0, marked as
    the aligner marks them."""
    return Bitext("fr", "en", [
        Pair(Side("fr", "Un « deux ».", lines=(1,), sentences=(0,)),
             Side("en", "One “two”.", lines=(1,), sentences=(0,)), score=0.9),
        Pair(Side("fr", "", lines=(2,), sentences=(1,)), Side("en", "", lines=(2,), sentences=(1,)),
             score=0.25, blank=True),
        Pair(Side("fr", "Trois.", lines=(3,), sentences=(2,)), Side("en", ""), score=0.25,
             unaligned=True)])


@pytest.mark.parametrize("name, fmt", [("a.tmx", "tmx"), ("A.TSV", "tsv"), ("x/y.json", "json"),
                                       ("gold.beads", "beads")])
def test_format_from_the_extension_or_the_name(name, fmt):
    assert formats.format_of(name) == fmt
    assert formats.format_of("whatever.txt", fmt) == fmt


def test_unknown_extension_or_name_is_a_clear_error():
    with pytest.raises(TermkitError, match=r"out\.xlsx: unknown format '\.xlsx'; use \.beads"):
        formats.format_of("out.xlsx")
    with pytest.raises(TermkitError, match="unknown format 'xlsx'"):
        formats.dumps(_aligned(), "xlsx")
    with pytest.raises(TermkitError, match="--format"):
        formats.write(_aligned(), "-")


@pytest.mark.parametrize("fmt", ["tmx", "tsv", "json", "beads"])
def test_stdin_is_told_by_its_content(fmt):
    data = formats.dumps(_aligned(), fmt)
    assert formats.sniff(data) == fmt
    assert len(formats.loads(data, "-")) == (3 if fmt in ("json", "beads") else
                                             2 if fmt == "tsv" else 1)


def test_tsv_leaves_out_blank_pairs_and_keeps_unaligned_ones():
    data = formats.dumps(_aligned(), "tsv")
    assert data.decode("utf-8") == "Un « deux ».\tOne “two”.\t0.900\nTrois.\t\t0.250\n"
    back = formats.loads(data, "a.tsv")
    assert [(p.source.text, p.target.text, p.score) for p in back] == [
        ("Un « deux ».", "One “two”.", 0.9), ("Trois.", "", 0.25)]
    assert (back.src_lang, back.tgt_lang) == ("fr", "en")


def test_tsv_cells_cannot_hold_tabs_or_line_breaks():
    bitext = Bitext("fr", "en", [Pair(Side("fr", "a\tb\nc"), Side("en", "d"))])
    assert formats.dumps(bitext, "tsv") == b"a b c\td\n"
    with pytest.raises(TermkitError, match="x.tsv:2: the third column is not a score"):
        formats.loads(b"a\tb\t0.5\nc\td\tzero\n", "x.tsv")
    with pytest.raises(TermkitError, match="x.tsv:1: expected source<TAB>target"):
        formats.loads(b"only one column\n", "x.tsv")


def test_json_keeps_every_pair_with_indices_texts_and_extras():
    bitext = _aligned()
    bitext.pairs[0].props.append(("x-domain", "THB"))
    bitext.pairs[0].notes.append("checked")
    bitext.pairs[0].others.append(Side("de", "Eins."))
    data = formats.dumps(bitext, "json", report={"beads": 3})
    found = json.loads(data)
    assert [b["src"] for b in found["beads"]] == [[0], [1], [2]]
    assert found["beads"][0]["props"] == [["x-domain", "THB"]] and found["report"] == {"beads": 3}
    assert found["signature"]["src_lang"] == "fr" and found["signature"]["termkit"]
    back = formats.loads(data, "a.json")
    assert [(p.bead.src, p.bead.tgt, p.score) for p in back] == [
        (b.src, b.tgt, b.score) for b in bitext.beads()]
    assert back.pairs[0].others[0].text == "Eins." and back.pairs[0].notes == ["checked"]
    assert back.pairs[0].source.text == "Un « deux »."


@pytest.mark.parametrize("data, message", [
    (b"{", "a.json:1: not valid JSON"), (b"[1]", 'no "beads" list'),
    (b'{"beads": [{"src": "x"}]}', "bead 1 is not a termkit bead")])
def test_bad_json_is_a_clear_error(data, message):
    with pytest.raises(TermkitError, match=message):
        formats.loads(data, "a.json")


def test_beads_hold_indices_only():
    data = formats.dumps(_aligned(), "beads")
    assert data == b"[0]:[0]\n[1]:[1]\n[2]:[]\n"
    assert formats.dumps(_aligned(), "beads", score=True).startswith(b"[0]:[0]:0.900\n")
    back = formats.loads(data, "g.beads")
    assert back.beads() == [beads.parse_bead(line) for line in data.decode().splitlines()]
    with pytest.raises(TermkitError, match="g.beads:2: not a bead"):
        formats.loads(b"[0]:[0]\n[1,2]:[1]\n", "g.beads")


def test_write_is_atomic_and_read_picks_the_format(tmp_path):
    for fmt in ("tmx", "tsv", "json", "beads"):
        path = tmp_path / f"out.{fmt}"
        formats.write(_aligned(), path)
        assert formats.read(path).src_lang == "fr"
    with pytest.raises(TermkitError):
        formats.write(_aligned(), tmp_path / "no" / "such.tsv")
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "out.beads", "out.json", "out.tmx", "out.tsv"]


def test_real_files_round_trip(tmp_path):
    from conftest import DATA

    gold = DATA / "align" / "gold"
    assert formats.dumps(formats.read(gold, "beads"), "beads") == gold.read_bytes()
    foreign = formats.read(DATA / "tmx" / "foreign.tmx")
    for fmt in ("tsv", "json"):
        path = tmp_path / f"memory.{fmt}"
        formats.write(foreign, path)
        back = formats.read(path)
        assert [(p.source.text, p.target.text, p.score) for p in back] == [
            (p.source.text, p.target.text, p.score) for p in foreign]
        assert formats.dumps(back, fmt) == path.read_bytes()

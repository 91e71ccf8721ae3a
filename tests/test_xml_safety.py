"""Hostile and broken TBX input: one-line TermkitError naming the file, nothing leaked, libxml2's
limits on."""

from __future__ import annotations

import socket

import pytest

from termkit.errors import TermkitError
from termkit.glossary import tbx, validate

HEADER = b'<?xml version="1.0" encoding="UTF-8"?>\n'
BODY = (b'<martif type="TBX-Basic" xml:lang="en"><text><body><termEntry id="c1">'
        b'<langSet xml:lang="en"><tig><term>%s</term></tig></langSet></termEntry>'
        b"</body></text></martif>")
LAUGHS = b"".join(
    b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1)) * 10 if i else b"lol")
    for i in range(10))

HOSTILE = {
    "billion-laughs": HEADER + b"<!DOCTYPE martif [" + LAUGHS + b"]>" + BODY % b"&lol9;",
    "xxe-file": HEADER + b'<!DOCTYPE martif [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    + BODY % b"&xxe;",
    "xxe-http": HEADER + b'<!DOCTYPE martif [<!ENTITY xxe SYSTEM "http://127.0.0.1:9/x">]>'
    + BODY % b"&xxe;",
    "xxe-parameter": HEADER + b'<!DOCTYPE martif [<!ENTITY % p SYSTEM "http://127.0.0.1:9/p">'
    b" %p;]>" + BODY % b"x",
    "external-dtd-http": HEADER + b'<!DOCTYPE martif SYSTEM "http://127.0.0.1:9/evil.dtd">'
    + BODY % b"x",
    "external-dtd-file": HEADER + b'<!DOCTYPE martif PUBLIC "-//x//EN" "file:///etc/passwd">'
    + BODY % b"x",
    "undefined-entity-with-doctype": HEADER + b'<!DOCTYPE martif SYSTEM "TBX.dtd">'
    + BODY % b"&passwd;",
    "undefined-entity": HEADER + BODY % b"&passwd;",
    "deep-nesting": HEADER + b"<martif><text><body>" + b"<x>" * 100_000 + b"</x>" * 100_000
    + b"</body></text></martif>",
    "invalid-utf8": HEADER + BODY % b"caf\xe9 \xff\xfe",
    "truncated": (HEADER + BODY % b"victim")[:150],
    "wrong-root": HEADER + b"<tmx version='1.4'><body/></tmx>",
    "non-tbx-xml": HEADER + b"<html><body><p>hello</p></body></html>",
    "empty": b"",
    "whitespace-only": b"  \n\n ",
    "binary": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4,
    "not-xml-text": b"concept_id,lang,term\nc1,en,smuggling\n",
}


@pytest.fixture
def no_network(monkeypatch):
    """Any attempt to open a socket fails the test."""

    def refuse(*args, **kwargs):
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def assert_refused(action, name: str) -> str:
    """``action`` raises a one-line TermkitError naming ``name`` and leaking nothing; its message."""
    with pytest.raises(TermkitError) as info:
        action()
    message = str(info.value)
    assert name in message and "\n" not in message
    assert "root:" not in message and "/bin/" not in message
    return message


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_bytes_are_refused(case, no_network):
    assert_refused(lambda: tbx.loads(HOSTILE[case], f"{case}.tbx"), f"{case}.tbx")


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_files_are_refused_by_read_and_validate(case, tmp_path, no_network):
    path = tmp_path / f"{case}.tbx"
    path.write_bytes(HOSTILE[case])
    assert_refused(lambda: tbx.read(path), str(path))
    assert_refused(lambda: validate.validate(path), str(path))


def test_messages_say_what_is_wrong():
    def message(case):
        with pytest.raises(TermkitError) as info:
            tbx.loads(HOSTILE[case], "f.tbx")
        return str(info.value)

    assert "entity" in message("billion-laughs")
    assert "external DTD" in message("external-dtd-http")
    assert "nested too deeply" in message("deep-nesting")
    assert "truncated" in message("truncated")
    assert "not a TBX file" in message("wrong-root") and "<tmx>" in message("wrong-root")
    assert "empty file" in message("empty")
    assert "binary file" in message("binary")
    assert "passwd" in message("undefined-entity")


@pytest.mark.parametrize("case", ["deep-nesting", "invalid-utf8", "undefined-entity",
                                  "not-xml-text"])
def test_tbx_and_whole_document_parsing_report_malformed_xml_alike(case):
    from termkit import xmlsafe

    data = HOSTILE[case]
    tbx_message = assert_refused(lambda: tbx.loads(data, "f.tbx"), "f.tbx")
    whole_message = assert_refused(lambda: xmlsafe.parse_bytes(data, "f.tbx"), "f.tbx")
    assert tbx_message == whole_message
    assert tbx_message.startswith("f.tbx:") and ": malformed XML: " in tbx_message


def test_syntax_error_names_file_line_and_truncation():
    from lxml import etree

    from termkit import xmlsafe

    messages = {}
    for case in ("deep-nesting", "invalid-utf8", "undefined-entity"):
        data = HOSTILE[case].replace(b"martif", b"tmx")
        messages[case] = assert_refused(lambda: xmlsafe.parse_bytes(data, "f.tmx"), "f.tmx")
    assert messages["deep-nesting"].startswith("f.tmx:") and \
        messages["deep-nesting"].endswith("malformed XML: elements nested too deeply")
    assert "not valid UTF-8" in messages["invalid-utf8"]
    assert "passwd" in messages["undefined-entity"]
    with pytest.raises(etree.XMLSyntaxError) as caught:
        etree.fromstring(b"<a><b>", xmlsafe.parser())
    error = xmlsafe.syntax_error("f.xml", caught.value, truncated=True)
    assert str(error).startswith("f.xml:1: malformed XML: file is truncated or not closed")


def _nested(depth: int) -> bytes:
    return HEADER + BODY % (b"<hi>" * depth + b"x" + b"</hi>" * depth)


@pytest.mark.parametrize("parse", ["tbx", "whole"])
def test_libxml2_default_limits_are_on(parse):
    """libxml2's own limits without XML_PARSE_HUGE: 256 levels of elements, 10,000,000
    characters in one text node (with huge_tree they would be 2048 and 1,000,000,000)."""
    from termkit import xmlsafe

    load = {"tbx": tbx.loads, "whole": xmlsafe.parse_bytes}[parse]
    load(_nested(240), "ok.tbx")
    message = assert_refused(lambda: load(_nested(260), "deep.tbx"), "deep.tbx")
    assert message.endswith("malformed XML: elements nested too deeply")
    load(HEADER + BODY % (b"x" * 10_000_000), "ok.tbx")
    message = assert_refused(lambda: load(HEADER + BODY % (b"x" * 10_000_001), "long.tbx"),
                             "long.tbx")
    assert "Text node too long" in message


def test_relative_dtd_of_real_v2_files_is_accepted(no_network):
    data = HEADER + b'<!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">' + BODY % b"victim"
    assert tbx.loads(data, "ok.tbx").concepts[0].langs["en"].terms[0].text == "victim"


def test_a_non_tbx_root_is_refused_before_the_rest_of_the_file_is_read(tmp_path):
    path = tmp_path / "big.xml"
    # the tail is malformed: a reader that went on past the root would report that instead
    path.write_bytes(HEADER + b"<catalog>" + b"<item>x</item>" * 200_000 + b"<broken \xff")
    message = assert_refused(lambda: tbx.read(path), str(path))
    assert "not a TBX file (root element <catalog>" in message


def test_entities_declared_after_a_long_comment_are_refused(tmp_path):
    path = tmp_path / "late.tbx"
    path.write_bytes(b"<?xml version='1.0'?><!-- " + b"x" * 70000 + b" -->"
                     b"<!DOCTYPE tbx [<!ENTITY a 'foo'>]><tbx xmlns='urn:iso:std:iso:30042:ed-2'>"
                     b"<text><body><conceptEntry id='c1'><langSec xml:lang='fr'><termSec>"
                     b"<term>&a;</term></termSec></langSec></conceptEntry></body></text></tbx>")
    with pytest.raises(TermkitError, match="late.tbx: entity declarations"):
        tbx.read(path)

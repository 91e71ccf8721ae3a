"""Hostile and broken TBX input: one-line TermkitError naming the file, fast, nothing leaked."""

from __future__ import annotations

import socket
import time

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


def assert_refused(action, name: str) -> None:
    start = time.perf_counter()
    with pytest.raises(TermkitError) as info:
        action()
    elapsed = time.perf_counter() - start
    message = str(info.value)
    assert elapsed < 2, f"took {elapsed:.2f}s"
    assert name in message and "\n" not in message
    assert "root:" not in message and "/bin/" not in message


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


def test_one_syntax_error_for_all_xml_formats():
    from termkit import xmlsafe
    from termkit.glossary import tbx_read

    assert not hasattr(tbx_read, "syntax_error")
    messages = {}
    for case in ("deep-nesting", "invalid-utf8", "undefined-entity"):
        data = HOSTILE[case].replace(b"martif", b"tmx")
        with pytest.raises(TermkitError) as info:
            xmlsafe.parse_bytes(data, "f.tmx")
        messages[case] = str(info.value)
    assert messages["deep-nesting"].startswith("f.tmx:") and \
        messages["deep-nesting"].endswith("malformed XML: elements nested too deeply")
    assert "not valid UTF-8" in messages["invalid-utf8"]
    assert "passwd" in messages["undefined-entity"]
    from lxml import etree

    with pytest.raises(etree.XMLSyntaxError) as caught:
        etree.fromstring(b"<a><b>", xmlsafe.parser())
    error = xmlsafe.syntax_error("f.xml", caught.value, truncated=True)
    assert str(error).startswith("f.xml:1: malformed XML: file is truncated or not closed")


def test_relative_dtd_of_real_v2_files_is_accepted(no_network):
    data = HEADER + b'<!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">' + BODY % b"victim"
    assert tbx.loads(data, "ok.tbx").concepts[0].langs["en"].terms[0].text == "victim"


def test_non_tbx_root_deep_in_a_large_file_fails_fast(tmp_path):
    path = tmp_path / "big.xml"
    path.write_bytes(HEADER + b"<catalog>" + b"<item>x</item>" * 200_000 + b"</catalog>")
    assert_refused(lambda: tbx.read(path), str(path))


def test_entities_declared_after_a_long_comment_are_refused(tmp_path):
    from termkit.glossary import tbx

    path = tmp_path / "late.tbx"
    path.write_bytes(b"<?xml version='1.0'?><!-- " + b"x" * 70000 + b" -->"
                     b"<!DOCTYPE tbx [<!ENTITY a 'foo'>]><tbx xmlns='urn:iso:std:iso:30042:ed-2'>"
                     b"<text><body><conceptEntry id='c1'><langSec xml:lang='fr'><termSec>"
                     b"<term>&a;</term></termSec></langSec></conceptEntry></body></text></tbx>")
    with pytest.raises(TermkitError, match="late.tbx: entity declarations"):
        tbx.read(path)

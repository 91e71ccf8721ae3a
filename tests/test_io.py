"""Atomic writes and strict decoding shared by every format."""

import os

import pytest

from termkit import io
from termkit.errors import TermkitError


def test_atomic_write_replaces_whole_file(tmp_path):
    target = tmp_path / "g.tbx"
    target.write_text("old")
    io.write_text(target, "new content")
    assert target.read_text() == "new content"
    assert [p.name for p in tmp_path.iterdir()] == ["g.tbx"]


def test_failed_write_leaves_old_file_and_no_temp(tmp_path):
    target = tmp_path / "g.tbx"
    target.write_text("old")
    with pytest.raises(RuntimeError):
        with io.atomic_write(target) as handle:
            handle.write("half of it")
            raise RuntimeError("disk on fire")
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["g.tbx"]


def test_atomic_write_keeps_permissions(tmp_path):
    target = tmp_path / "g.csv"
    target.write_text("x")
    os.chmod(target, 0o640)
    io.write_text(target, "y")
    assert (target.stat().st_mode & 0o777) == 0o640


def test_missing_directory_is_user_error(tmp_path):
    with pytest.raises(TermkitError, match="does not exist"):
        io.write_text(tmp_path / "nope" / "g.tbx", "x")


def test_decode_rejects_latin1_with_line(tmp_path):
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("ok\ntraite des êtres\n".encode("latin-1"))
    with pytest.raises(TermkitError, match=r"latin1.txt: not valid UTF-8 \(line 2"):
        io.read_text(bad)


def test_decode_rejects_binary_and_strips_bom(tmp_path):
    with pytest.raises(TermkitError, match="binary"):
        io.decode(b"\x00\x01\x02", "x.bin")
    assert io.decode("\ufeffLyon".encode("utf-8")) == "Lyon"


def test_missing_file_is_one_line(tmp_path):
    with pytest.raises(TermkitError) as info:
        io.read_text(tmp_path / "absent.txt")
    assert "no such file" in str(info.value)
    assert "\n" not in str(info.value)

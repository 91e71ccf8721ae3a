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


def test_write_onto_a_directory_is_one_line_error(tmp_path):
    (tmp_path / "out.tbx").mkdir()
    with pytest.raises(TermkitError, match="cannot write"):
        io.write_text(tmp_path / "out.tbx", "x")
    assert [p.name for p in tmp_path.iterdir()] == ["out.tbx"]


def test_write_through_a_symlink_updates_its_target(tmp_path):
    real = tmp_path / "real.tbx"
    real.write_text("old")
    link = tmp_path / "link.tbx"
    link.symlink_to(real)
    io.write_text(link, "new")
    assert link.is_symlink() and real.read_text() == "new"


def test_utf16_with_bom_is_read(tmp_path):
    path = tmp_path / "excel.tsv"
    path.write_bytes("concept_id\tlang\tterm\nthb\tfr\ttraite\n".encode("utf-16"))
    assert io.read_text(path).startswith("concept_id\tlang")

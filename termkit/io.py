"""File input and output shared by every format: atomic writes, strict decoding, ``-`` for stdio."""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from pathlib import Path
from typing import IO, Iterator

from termkit.errors import TermkitError
from termkit.i18n import _


def read_bytes(path: str | os.PathLike) -> bytes:
    """Read a whole file (``-`` is stdin) or raise a one-line ``TermkitError``."""
    if str(path) == "-":
        return sys.stdin.buffer.read()
    try:
        return Path(path).read_bytes()
    except FileNotFoundError:
        raise TermkitError(_("{path}: no such file").format(path=path)) from None
    except IsADirectoryError:
        raise TermkitError(_("{path}: is a directory").format(path=path)) from None
    except OSError as exc:
        raise TermkitError(_("{path}: cannot read ({reason})").format(
            path=path, reason=exc.strerror)) from None


def decode(data: bytes, name: str | os.PathLike = "<input>") -> str:
    """Decode UTF-8 (a BOM is dropped), or UTF-16 with its BOM (spreadsheets' "Unicode text");
    a binary or wrongly encoded file is a clear error."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16").removeprefix("\ufeff")
        except UnicodeDecodeError:
            raise TermkitError(_("{name}: not valid UTF-16").format(name=name)) from None
    if b"\x00" in data[:8192]:
        raise TermkitError(_("{name}: binary file, expected UTF-8 text").format(name=name))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise TermkitError(
            _("{name}: not valid UTF-8 (line {line}, byte offset {offset}); convert it first, "
              "e.g. iconv -f latin1 -t utf-8").format(name=name, line=line, offset=exc.start)
        ) from None
    return text.removeprefix("\ufeff")


def read_text(path: str | os.PathLike) -> str:
    """Read a UTF-8 text file (``-`` is stdin)."""
    return decode(read_bytes(path), "<stdin>" if str(path) == "-" else path)


@contextlib.contextmanager
def atomic_write(path: str | os.PathLike, mode: str = "w", encoding: str | None = "utf-8",
                 newline: str | None = None) -> Iterator[IO]:
    """Write to a temporary file beside ``path`` and rename it over ``path`` on success.

    On any exception the temporary file is removed and ``path`` is untouched.
    ``-`` writes to stdout directly.
    """
    if str(path) == "-":
        if "b" in mode:
            yield sys.stdout.buffer
            sys.stdout.buffer.flush()
        else:
            yield sys.stdout
            sys.stdout.flush()
        return
    target = Path(os.path.realpath(path))  # writing through a symlink updates its target
    directory = target.parent
    if not directory.is_dir():
        raise TermkitError(_("{path}: directory {directory} does not exist").format(
            path=path, directory=directory))
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    except OSError as exc:
        raise _cannot_write(path, exc) from None
    try:
        kwargs = {} if "b" in mode else {"encoding": encoding, "newline": newline}
        with os.fdopen(fd, mode, **kwargs) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        if target.exists():
            with contextlib.suppress(OSError):
                os.chmod(tmp, target.stat().st_mode & 0o777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError) and not isinstance(exc, BrokenPipeError):
            raise _cannot_write(path, exc) from None
        raise


def _cannot_write(path: str | os.PathLike, exc: OSError) -> TermkitError:
    return TermkitError(_("{path}: cannot write ({error})").format(
        path=path, error=exc.strerror or exc))


def write_text(path: str | os.PathLike, text: str) -> None:
    """Atomically write ``text`` as UTF-8 (``-`` is stdout)."""
    with atomic_write(path) as handle:
        handle.write(text)


def write_bytes(path: str | os.PathLike, data: bytes) -> None:
    """Atomically write ``data`` (``-`` is stdout)."""
    with atomic_write(path, "wb") as handle:
        handle.write(data)

"""The machine-readable signature that goes with every ``--json`` result.

Like sacrebleu's signature it says exactly how a result was made (termkit version,
model id, glossary sha256, settings) so that it can be reproduced.
"""

from __future__ import annotations

import hashlib
import os
from typing import Any

from termkit import __version__


def file_sha256(path: str | os.PathLike) -> str:
    """The sha256 of a file's bytes, hex."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def signature(*, model: str | None = None, glossary: str | os.PathLike | None = None,
              index: Any = None, **settings: Any) -> dict[str, Any]:
    """A signature dict: ``termkit`` version, ``model`` id, ``glossary_sha256`` (of the glossary
    file's bytes), ``glossary_fingerprint`` (of its content, when the result was made with a
    term ``index``: :class:`termkit.glossary.index.TermIndex`; it also identifies a glossary read
    from stdin or edited in memory) and settings."""
    sig: dict[str, Any] = {"termkit": __version__, "model": model,
                           "glossary_sha256": None}
    if glossary is not None and str(glossary) != "-":
        sig["glossary_sha256"] = file_sha256(glossary)
    if index is not None:
        sig["glossary_fingerprint"] = index.fingerprint
    sig.update({key: value for key, value in settings.items() if value is not None})
    return sig

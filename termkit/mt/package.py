"""Read an Argos Translate package (``.argosmodel`` zip or unpacked directory) without argostranslate.

A package holds ``metadata.json`` (``from_code``, ``to_code``, optional ``target_prefix``),
``sentencepiece.model`` and a CTranslate2 model in ``model/``. Files are read into memory, so a
zip is never extracted to run it.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from termkit.errors import TermkitError
from termkit.i18n import _
from termkit.lang import codes

MODEL_FILES = ("model.bin", "config.json", "shared_vocabulary.json", "shared_vocabulary.txt",
               "source_vocabulary.json", "target_vocabulary.json", "source_vocabulary.txt",
               "target_vocabulary.txt", "vocabulary.json", "vocabulary.txt", "vmap.txt")


@dataclass
class Package:
    """An Argos package read into memory: what termkit needs to run it."""

    path: str                      # the file or directory it was read from
    name: str                      # e.g. translate-fr_en-0_1
    source: str                    # from_code
    target: str                    # to_code
    version: str
    description: str
    target_prefix: str | None      # decoder prefix token, e.g. "<2en>"
    sentencepiece: bytes = field(repr=False)
    model_files: dict[str, bytes] = field(repr=False)
    meta: dict = field(default_factory=dict, repr=False)   # metadata.json as read

    @functools.cached_property
    def id(self) -> str:
        """A stable id: package name and the first 12 hex digits of model.bin's sha256."""
        digest = hashlib.sha256(self.model_files["model.bin"]).hexdigest()[:12]
        return f"argos:{self.name}@{digest}"

    @property
    def pair(self) -> tuple[str, str]:
        return self.source, self.target


def _members(path: Path, wanted) -> tuple[str, dict[str, bytes]]:
    """The package's root name and its files (relative paths → bytes) that ``wanted`` keeps."""
    if path.is_dir():
        try:
            files = {p.relative_to(path).as_posix(): p.read_bytes() for p in path.rglob("*")
                     if p.is_file() and wanted(p.relative_to(path).as_posix())}
        except OSError as exc:
            raise TermkitError(_("{path}: cannot read package ({error})")
                               .format(path=path, error=exc.strerror or exc)) from None
        return path.resolve().name, files
    try:
        with zipfile.ZipFile(path) as archive:
            names = [n for n in archive.namelist() if not n.endswith("/")]
            roots = {n.split("/", 1)[0] for n in names if "/" in n}
            if len(roots) != 1:
                raise TermkitError(_("{path}: not an Argos package (expected one top folder "
                                     "with metadata.json)").format(path=path))
            root = roots.pop()
            files = {}
            for name in names:
                rel = name.split("/", 1)[1] if "/" in name else name
                if wanted(rel):
                    files[rel] = archive.read(name)
            return root, files
    except zipfile.BadZipFile:
        raise TermkitError(_("{path}: not a valid .argosmodel (corrupt or not a zip file)")
                           .format(path=path)) from None
    except (OSError, EOFError, zipfile.LargeZipFile) as exc:
        raise TermkitError(_("{path}: cannot read package ({error})")
                           .format(path=path, error=exc)) from None


def _wanted(rel: str) -> bool:
    return rel in ("metadata.json", "sentencepiece.model") or (
        rel.startswith("model/") and rel.split("/", 1)[1] in MODEL_FILES)


def metadata(path: str | os.PathLike) -> tuple[str, dict]:
    """Only the package name and its metadata.json (cheap: the model is not read)."""
    root, files = _open(path, lambda rel: rel == "metadata.json", ("metadata.json",))
    return root, _meta(path, files)


def _open(path, wanted, required) -> tuple[str, dict[str, bytes]]:
    p = Path(path)
    if not p.exists():
        raise TermkitError(_("{path}: no such model file or directory").format(path=path))
    root, files = _members(p, wanted)
    for name in required:
        if name not in files:
            raise TermkitError(_("{path}: not an Argos translation package ({file} is missing)")
                               .format(path=path, file=name))
    return root, files


def read(path: str | os.PathLike) -> Package:
    """Read an Argos package from a ``.argosmodel`` file or an unpacked package directory."""
    root, files = _open(path, _wanted, ("metadata.json", "sentencepiece.model", "model/model.bin"))
    meta = _meta(path, files)
    return Package(
        path=str(path), name=root, source=str(meta["from_code"]), target=str(meta["to_code"]),
        version=str(meta.get("package_version", "")), description=str(meta.get("description", "")),
        target_prefix=meta.get("target_prefix") or None,
        sentencepiece=files["sentencepiece.model"],
        model_files={k.split("/", 1)[1]: v for k, v in files.items() if k.startswith("model/")},
        meta=meta,
    )


def _meta(path, files: dict[str, bytes]) -> dict:
    try:
        meta = json.loads(files["metadata.json"].decode("utf-8"))
        if not isinstance(meta, dict):
            raise ValueError("not an object")
    except (ValueError, UnicodeDecodeError) as exc:
        raise TermkitError(_("{path}: metadata.json is not valid JSON ({error})")
                           .format(path=path, error=exc)) from None
    if meta.get("type", "translate") != "translate" or not meta.get("from_code") \
            or not meta.get("to_code"):
        raise TermkitError(_("{path}: metadata.json does not describe a translation package "
                             "(from_code/to_code missing)").format(path=path))
    return meta


def check_pair(package: Package, source: str, target: str) -> None:
    """A clear error when the package translates another language pair."""
    if not (codes.same(package.source, source) and codes.same(package.target, target)):
        raise TermkitError(_("{path}: model translates {a}→{b}, not {c}→{d}").format(
            path=package.path, a=package.source, b=package.target, c=source, d=target))

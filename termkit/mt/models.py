"""Installed Argos packages: install (from a file, or from the Argos index when online), list, remove.

Packages live unpacked in ``$TERMKIT_MODELS``, else ``$XDG_DATA_HOME/termkit/models``, else
``~/.local/share/termkit/models``. Nothing here runs unless the user asks for it.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
from pathlib import Path
from typing import Callable

from termkit import io
from termkit.errors import TermkitError
from termkit.i18n import _
from termkit.lang import codes
from termkit.mt import package as pkg

#: seconds to wait for the Argos package index before saying there is no network
NETWORK_TIMEOUT = 8


def models_dir() -> Path:
    """Where installed packages live."""
    if os.environ.get("TERMKIT_MODELS"):
        return Path(os.environ["TERMKIT_MODELS"])
    base = os.environ.get("XDG_DATA_HOME") or os.path.join(os.path.expanduser("~"), ".local",
                                                           "share")
    return Path(base) / "termkit" / "models"


def installed() -> list[tuple[Path, dict]]:
    """(directory, metadata) of every installed package, sorted by name."""
    root = models_dir()
    if not root.is_dir():
        return []
    found = []
    for child in sorted(root.iterdir()):
        if child.is_dir() and not child.name.startswith("."):
            try:
                found.append((child, pkg.metadata(child)[1]))
            except TermkitError:
                continue
    return found


def listing() -> dict:
    """The installed packages for ``termkit models list``: signature, models folder, and name,
    languages, version and folder of each package."""
    from termkit.signature import signature

    rows = [{"name": path.name, "from": meta.get("from_code"), "to": meta.get("to_code"),
             "version": meta.get("package_version", ""), "path": str(path)}
            for path, meta in installed()]
    return {"signature": signature(), "models_dir": str(models_dir()), "models": rows}


def find(source: str, target: str) -> Path | None:
    """The installed package for ``source``→``target`` (the newest version), or None."""
    hits = [(meta.get("package_version", ""), path) for path, meta in installed()
            if codes.same(meta["from_code"], source) and codes.same(meta["to_code"], target)]
    return max(hits)[1] if hits else None


def install(path: str | os.PathLike) -> pkg.Package:
    """Install a ``.argosmodel`` file (or unpacked package) after checking it loads."""
    package = pkg.read(path)
    if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_.-]*", package.name) or ".." in package.name:
        raise TermkitError(_("{path}: unusable package name {name!r}")
                           .format(path=path, name=package.name))
    root = models_dir()
    try:
        root.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".install-", dir=root))
    except OSError as exc:
        raise TermkitError(_("{dir}: cannot create models directory ({error})")
                           .format(dir=root, error=exc.strerror or exc)) from None
    try:
        _check_loads(package)
        io.write_bytes(staging / "sentencepiece.model", package.sentencepiece)
        io.write_text(staging / "metadata.json",
                      json.dumps(package.meta, indent=2, ensure_ascii=False) + "\n")
        (staging / "model").mkdir()
        for name, data in package.model_files.items():
            io.write_bytes(staging / "model" / name, data)
        _check_model(staging / "model", path)
        final = root / package.name
        old = root / f".old-{package.name}"
        if final.exists():  # set aside, not deleted, until the new copy is in place
            os.replace(final, old)
        os.replace(staging, final)
        shutil.rmtree(old, ignore_errors=True)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    package.path = str(final)
    return package


def _check_model(model_dir: Path, path: str | os.PathLike) -> None:
    """CTranslate2 must be able to load the model: a broken model.bin is refused at install."""
    import ctranslate2

    try:
        ctranslate2.Translator(str(model_dir), device="cpu")
    except (RuntimeError, ValueError, OSError) as exc:
        raise TermkitError(_("{path}: the CTranslate2 model does not load ({error})")
                           .format(path=path, error=str(exc).splitlines()[0])) from None


def _check_loads(package: pkg.Package) -> None:
    import sentencepiece

    try:
        sentencepiece.SentencePieceProcessor(model_proto=package.sentencepiece)
    except (RuntimeError, OSError) as exc:
        raise TermkitError(_("{path}: sentencepiece.model is not valid ({error})")
                           .format(path=package.path, error=exc)) from None


def remove(name: str) -> list[Path]:
    """Remove installed packages by name (``translate-fr_en-0_1``) or pair (``fr-en``,
    ``fr_FR-en``: :func:`termkit.lang.codes.direction`)."""
    direction = codes.direction(name)
    pair = codes.pair(*direction) if direction else None
    gone = []
    for path, meta in installed():
        if path.name == name or (pair and pair == (codes.base(meta["from_code"]),
                                                   codes.base(meta["to_code"]))):
            shutil.rmtree(path)
            gone.append(path)
    if not gone:
        raise TermkitError(_("no installed model named {name} (see termkit models list)")
                           .format(name=name))
    return gone


def download(source: str, target: str,
             notify: Callable[[str], None] | None = None) -> pkg.Package:
    """Download ``source``→``target`` (French↔English) from the Argos index and install it
    (needs a network); ``notify`` gets a one-line message when the download starts."""
    codes.pair(source, target)
    if notify is not None:
        notify(_("downloading {a}→{b} from the Argos package index…").format(a=source,
                                                                             b=target))
    try:
        import argostranslate.package as argos
        import argostranslate.settings as argos_settings
    except ImportError:
        raise TermkitError(_("installing from the Argos index needs argostranslate "
                             "(pip install 'termkit[argos]'); or install a .argosmodel file"))\
            from None
    index = argos_settings.remote_package_index
    _online(index)
    try:
        argos.update_package_index()
        wanted = [p for p in argos.get_available_packages()
                  if codes.same(p.from_code, source) and codes.same(p.to_code, target)]
        if not wanted:
            raise TermkitError(_("the Argos index has no {a}→{b} package").format(a=source,
                                                                                 b=target))
        path = wanted[0].download()
    except TermkitError:
        raise
    except Exception as exc:  # network errors come in many types from urllib
        raise TermkitError(_("download from the Argos index failed: {error}")
                           .format(error=str(exc).splitlines()[0] if str(exc) else exc)) from None
    return install(path)


def _online(url: str) -> None:
    import urllib.error
    import urllib.request

    try:
        with urllib.request.urlopen(url, timeout=NETWORK_TIMEOUT) as response:
            response.read(1)
    except (urllib.error.URLError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", exc)
        raise TermkitError(_("no network: cannot reach the Argos package index {url} ({reason}); "
                             "download the .argosmodel elsewhere and run "
                             "`termkit models install FILE`").format(url=url, reason=reason)) \
            from None

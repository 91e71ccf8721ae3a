"""Argos packages: reading (zip and folder), bad packages, install / list / remove."""

from __future__ import annotations

import io
import json
import zipfile

import pytest

from mt_support import models_home, package_path  # noqa: F401 (fixtures)
from termkit.errors import TermkitError
from termkit.mt import models
from termkit.mt.package import check_pair, metadata, read


def test_read_zip(package_path):
    package = read(package_path)
    assert package.pair == ("fr", "en")
    assert package.target_prefix == "<2en>"
    assert package.id.startswith("argos:translate-fr_en-random@")
    assert {"model.bin", "config.json"} <= set(package.model_files)


def test_folder_and_zip_give_the_same_model(package_path, tmp_path):
    with zipfile.ZipFile(package_path) as archive:
        archive.extractall(tmp_path)
    folder = tmp_path / package_path.stem
    assert read(folder).id == read(package_path).id
    assert metadata(folder)[1]["to_code"] == "en"


def test_corrupt_zip_is_one_line_error(package_path, tmp_path):
    broken = tmp_path / "broken.argosmodel"
    broken.write_bytes(package_path.read_bytes()[:5000])
    with pytest.raises(TermkitError, match="broken.argosmodel: not a valid .argosmodel"):
        read(broken)


def test_zip_without_metadata_is_not_an_argos_package(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("something/readme.txt", "hello")
    path = tmp_path / "other.zip"
    path.write_bytes(buffer.getvalue())
    with pytest.raises(TermkitError, match="not an Argos translation package"):
        read(path)


def test_bad_metadata(tmp_path, package_path):
    with zipfile.ZipFile(package_path) as archive:
        archive.extractall(tmp_path)
    folder = tmp_path / package_path.stem
    (folder / "metadata.json").write_text(json.dumps({"type": "translate"}))
    with pytest.raises(TermkitError, match="from_code/to_code missing"):
        read(folder)


def test_wrong_pair(package_path):
    with pytest.raises(TermkitError, match="translates fr→en, not en→fr"):
        check_pair(read(package_path), "en", "fr")
    check_pair(read(package_path), "fr-FR", "en_GB")


def test_install_list_remove(package_path, models_home):
    assert models.installed() == []
    package = models.install(package_path)
    assert (models_home / "translate-fr_en-random" / "model" / "model.bin").is_file()
    assert package.path == str(models_home / "translate-fr_en-random")
    assert models.find("fr", "en") == models_home / "translate-fr_en-random"
    assert models.find("en", "fr") is None
    assert read(models.find("fr", "en")).id == read(package_path).id
    models.install(package_path)           # reinstalling replaces
    assert [p.name for p, _ in models.installed()] == ["translate-fr_en-random"]
    assert models.remove("fr-en") == [models_home / "translate-fr_en-random"]
    assert models.installed() == []
    with pytest.raises(TermkitError, match="no installed model named"):
        models.remove("fr-en")


def test_models_dir_defaults(monkeypatch, tmp_path):
    monkeypatch.delenv("TERMKIT_MODELS", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert models.models_dir() == tmp_path / "termkit" / "models"


def test_download_without_network_says_so(monkeypatch, models_home):
    settings = pytest.importorskip("argostranslate.settings")
    monkeypatch.setattr(settings, "remote_package_index", "http://127.0.0.1:9/index.json")
    with pytest.raises(TermkitError, match="no network: cannot reach the Argos package index"):
        models.download("fr", "en")
    assert models.installed() == []


def test_download_installs_what_the_index_offers(monkeypatch, models_home, package_path):
    argos = pytest.importorskip("argostranslate.package")

    class Offer:
        from_code, to_code = "fr", "en"

        def download(self):
            return package_path

    monkeypatch.setattr(models, "_online", lambda url: None)
    monkeypatch.setattr(argos, "update_package_index", lambda: None)
    monkeypatch.setattr(argos, "get_available_packages", lambda: [Offer()])
    package = models.download("fr_FR", "en")
    assert package.pair == ("fr", "en")
    assert [p.name for p in models_home.iterdir()] == [package_path.stem]   # nothing left over
    with pytest.raises(TermkitError, match="the Argos index has no en→fr package"):
        models.download("en", "fr")


def test_remove_by_pair_in_any_spelling(package_path, models_home):
    models.install(package_path)
    assert [p.name for p in models.remove("fra-eng")] == [package_path.stem]
    assert models.installed() == []


def _repack(package_path, out, rename=None, replace=None):
    """A copy of the package with its top folder renamed and/or one member's bytes replaced."""
    with zipfile.ZipFile(package_path) as src, zipfile.ZipFile(out, "w") as dst:
        for name in src.namelist():
            data = src.read(name)
            rel = name.split("/", 1)[1]
            if replace and rel == replace[0]:
                data = replace[1]
            dst.writestr(f"{rename}/{rel}" if rename else name, data)
    return out


def test_install_from_current_directory_keeps_other_models(package_path, models_home, tmp_path,
                                                           monkeypatch):
    models.install(package_path)
    with zipfile.ZipFile(package_path) as archive:
        archive.extractall(tmp_path / "unpacked")
    monkeypatch.chdir(tmp_path / "unpacked" / package_path.stem)
    models.install(".")  # its name is the folder's, never "" (which removed every model)
    assert [p.name for p in models_home.iterdir() if not p.name.startswith(".")] == \
        [package_path.stem]


def test_install_refuses_a_package_name_that_escapes(package_path, models_home, tmp_path):
    evil = _repack(package_path, tmp_path / "evil.argosmodel", rename="..")
    keep = models_home.parent / "keep.txt"
    keep.write_text("x")
    with pytest.raises(TermkitError, match="package name"):
        models.install(evil)
    assert keep.exists()


def test_install_refuses_a_model_that_does_not_load(package_path, models_home, tmp_path):
    models.install(package_path)
    broken = _repack(package_path, tmp_path / f"{package_path.stem}.argosmodel",
                     replace=("model/model.bin", b"not a model"))
    with pytest.raises(TermkitError, match="does not load"):
        models.install(broken)
    assert models.installed()  # the good copy is still there

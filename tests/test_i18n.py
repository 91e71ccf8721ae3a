"""termkit's own interface in French: catalogues complete and up to date, CLI localised."""

from __future__ import annotations

import copy
import gettext
import io
import os
import re
import string
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir, extract_from_file
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from termkit import i18n

ROOT = Path(__file__).resolve().parent.parent
LOCALES = ROOT / "locales"
POT = LOCALES / "termkit.pot"
FR_PO = LOCALES / "fr" / "LC_MESSAGES" / "termkit.po"
FR_MO = i18n.LOCALEDIR / "fr" / "LC_MESSAGES" / "termkit.mo"


def _read(path: Path, locale: str | None = None):
    with open(path, "rb") as handle:
        return read_po(handle, locale=locale)


@pytest.fixture(scope="module")
def pot():
    return _read(POT)


@pytest.fixture(scope="module")
def fr():
    return _read(FR_PO, "fr")


def _ids(catalog) -> set:
    return {message.id for message in catalog if message.id}


def _compiled(catalog) -> bytes:
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    return buffer.getvalue()


def _what_gettext_sees(mo: bytes) -> dict:
    """What a compiled catalogue gives at run time: every message with its translation(s), the
    plural rule (evaluated) and the charset; not the headers that only say who made the file
    (Babel writes its own version into Generated-By)."""
    translations = gettext.GNUTranslations(io.BytesIO(mo))
    info = translations.info()
    return {
        "messages": {key: value for key, value in translations._catalog.items() if key != ""},
        "language": info.get("language"),
        "plural-forms": info.get("plural-forms"),
        "plurals": [translations.plural(n) for n in range(202)],
        "charset": translations.charset(),
    }


def test_shipped_mo_is_compiled_from_the_po(fr):
    assert _what_gettext_sees(FR_MO.read_bytes()) == _what_gettext_sees(_compiled(fr)), \
        "run scripts/i18n.sh compile"


def test_a_stale_mo_is_told_apart(fr):
    fresh = _what_gettext_sees(_compiled(fr))
    changed = next(message for message in fr if message.id and message.string)
    stale = copy.deepcopy(fr)
    stale[changed.id].string = "autre chose"
    assert _what_gettext_sees(_compiled(stale)) != fresh
    stale = copy.deepcopy(fr)
    del stale[changed.id]
    assert _what_gettext_sees(_compiled(stale)) != fresh
    stale = copy.deepcopy(fr)
    stale.mime_headers = [(name, "nplurals=2; plural=(n != 1);" if name == "Plural-Forms"
                           else value) for name, value in fr.mime_headers]
    assert _what_gettext_sees(_compiled(stale))["plurals"] != fresh["plurals"]


def test_the_package_finds_the_french_catalogue():
    assert gettext.find(i18n.DOMAIN, i18n.LOCALEDIR, ["fr_FR"]) == str(FR_MO)
    assert gettext.find(i18n.DOMAIN, i18n.LOCALEDIR, ["de"]) is None


def test_pot_is_up_to_date_with_the_source(pot):
    with open(LOCALES / "babel.cfg", encoding="utf-8") as handle:
        method_map, options_map = parse_mapping_cfg(handle)
    found = {message for _file, _line, message, _comments, _context
             in extract_from_dir(ROOT / "termkit", method_map, options_map)}
    assert found == _ids(pot), "run scripts/i18n.sh extract update"


def test_every_message_is_translated(pot, fr):
    assert _ids(pot) <= _ids(fr)
    for message in fr:
        if message.id in _ids(pot):
            assert message.string.strip(), f"untranslated: {message.id!r}"
            assert not message.fuzzy, f"fuzzy: {message.id!r}"


def _placeholders(text: str) -> list:
    fields = sorted((name, spec, conv) for _lit, name, spec, conv in string.Formatter().parse(text)
                    if name is not None)
    percents = sorted(re.findall(r"%(?:\(\w+\))?[-#0 +]*\d*(?:\.\d+)?[sdifr%]", text))
    return fields + percents


def test_placeholders_match(fr):
    checked = 0
    for message in fr:
        if message.id and message.string:
            assert _placeholders(message.string) == _placeholders(message.id), message.id
            checked += 1
    assert checked > 100


def test_french_typography(fr):
    for message in fr:
        if not message.id:
            continue
        # typographic apostrophe (straight quotes stay only in shell/XML snippets)
        assert not re.search(r"[A-Za-zÀ-ÿ]'[A-Za-zÀ-ÿ]", message.string), message.string
        # a colon introducing a label or reason takes a space before it in French
        if re.search(r"[a-z}]: ", message.id):
            assert re.search(r"[\w}»)] : ", message.string), message.string
        assert message.string.startswith(" ") == message.id.startswith(" "), message.id


def test_typer_still_has_the_messages_we_translate_for_it():
    import typer

    typer_ids = set()
    for name in ("core.py", "rich_utils.py"):
        for _line, message, _comments, _context in extract_from_file(
                "python", Path(typer.__file__).with_name(name)):
            typer_ids.add(message if isinstance(message, str) else message[0])
    assert set(i18n.TYPER_MESSAGES) <= typer_ids


def _termkit(*args: str, **env: str) -> subprocess.CompletedProcess:
    clean = {key: value for key, value in os.environ.items()
             if key not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")}
    clean.update(COLUMNS="200", NO_COLOR="1", **env)
    return subprocess.run([sys.executable, "-m", "termkit", *args], capture_output=True,
                          text=True, env=clean, cwd=ROOT, timeout=60)


def test_cli_in_french(tmp_path):
    help_text = _termkit("glossary", "--help", LANGUAGE="fr", LANG="C.UTF-8")
    assert help_text.returncode == 0
    assert "Valider, convertir, examiner et modifier des glossaires" in help_text.stdout
    assert "Commandes" in help_text.stdout and "Commands" not in help_text.stdout
    assert "Afficher ce message et quitter." in help_text.stdout

    missing = tmp_path / "absent.tbx"
    error = _termkit("glossary", "stats", str(missing), LANG="fr_FR.UTF-8")
    assert error.returncode == 2
    assert error.stderr == f"termkit : erreur : {missing} : fichier introuvable\n"


def test_cli_in_english(tmp_path):
    help_text = _termkit("--help", LANGUAGE="en", LANG="fr_FR.UTF-8")
    assert help_text.returncode == 0
    assert "French-English translation and terminology toolkit." in help_text.stdout
    assert "Boîte à outils" not in help_text.stdout
    assert "Show this message and exit." in help_text.stdout

    missing = tmp_path / "absent.tbx"
    error = _termkit("glossary", "stats", str(missing), LANG="C")
    assert error.returncode == 2
    assert error.stderr == f"termkit: error: {missing}: no such file\n"

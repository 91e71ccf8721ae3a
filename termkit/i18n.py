"""termkit's own interface messages, translated through gettext (catalogues in ``locales/``)."""

from __future__ import annotations

import gettext
from pathlib import Path

LOCALEDIR = Path(__file__).parent / "locale"

_translation = gettext.translation("termkit", localedir=LOCALEDIR, fallback=True)


def _(message: str) -> str:
    """Translate one interface message into the user's language (LANGUAGE, LC_ALL, LANG)."""
    return _translation.gettext(message)

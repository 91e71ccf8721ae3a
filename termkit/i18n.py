"""termkit's own interface messages, translated through gettext.

The catalogues are edited in ``locales/`` and compiled into ``termkit/locale/`` by
``scripts/i18n.sh``. The language comes from LANGUAGE, LC_ALL, LC_MESSAGES or LANG.
"""

from __future__ import annotations

import gettext
from pathlib import Path

DOMAIN = "termkit"
LOCALEDIR = Path(__file__).parent / "locale"

_translation = gettext.translation(DOMAIN, localedir=LOCALEDIR, fallback=True)


def _(message: str) -> str:
    """Translate one interface message into the user's language."""
    return _translation.gettext(message)


def N_(message: str) -> str:
    """Mark a message for extraction only; it is translated where it is used."""
    return message


def translate_typer() -> None:
    """Make typer's own messages (help panels, usage errors) use termkit's catalogue too.

    typer calls ``gettext.gettext``, so this sets the process-wide gettext domain: only the
    command line calls it, before typer renders any help.
    """
    gettext.bindtextdomain(DOMAIN, str(LOCALEDIR))
    gettext.textdomain(DOMAIN)


# typer's messages that termkit's users see, listed so that extraction puts them in termkit's
# catalogue (typer translates them itself once ``translate_typer()`` has run). The msgids must
# be typer's exactly; tests/test_i18n.py checks that typer still has each of them.
TYPER_MESSAGES = (
    N_("Arguments"),
    N_("Options"),
    N_("Commands"),
    N_("Error"),
    N_("[default: {}]"),
    N_("[env var: {}]"),
    N_("[required]"),
    N_("(deprecated) "),
    N_("(dynamic)"),
    N_("default: {default}"),
    N_("env var: {var}"),
    N_("required"),
    N_("Try [blue]'{command_path} {help_option}'[/] for help."),
    N_("Missing command."),
    N_("No such command {name!r}."),
    N_("Aborted."),
    N_("Aborted!"),
)

"""The rule-based engine: Apertium through Spanish (fr-es | spa-eng, eng-spa | es-fr).

One pipeline of subprocesses per batch of sentences, one sentence per line; ``-u`` keeps
unknown words without Apertium's ``*``/``#``/``@`` marks.
"""

from __future__ import annotations

import os
import shutil
import subprocess

from termkit.errors import TermkitError
from termkit.i18n import _
from termkit.lang import codes

#: the Apertium modes chained for each direction
MODES = {("fr", "en"): ("fr-es", "spa-eng"), ("en", "fr"): ("eng-spa", "es-fr")}
TIMEOUT = 600


def available(source: str = "fr", target: str = "en") -> bool:
    """True when the ``apertium`` command and the modes for this pair are installed."""
    pair = codes.base(source), codes.base(target)
    if shutil.which("apertium") is None or pair not in MODES:
        return False
    return set(MODES[pair]) <= set(modes())


def _env() -> dict[str, str]:
    """The environment for Apertium: a locale that exists everywhere (an unknown LANG such as
    fr_FR.UTF-8 on a machine without it makes Apertium's tools print nothing)."""
    return {**os.environ, "LC_ALL": "C.UTF-8"}


def modes() -> list[str]:
    """The Apertium modes installed on this machine."""
    try:
        done = subprocess.run(["apertium", "-l"], capture_output=True, text=True,
                              encoding="utf-8", env=_env(), timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return []
    return [line.strip() for line in done.stdout.splitlines() if line.strip()]


class ApertiumEngine:
    """Translate French↔English with Apertium through Spanish."""

    name = "apertium"

    def __init__(self, source: str, target: str):
        source, target = codes.base(source), codes.base(target)
        if (source, target) not in MODES:
            raise TermkitError(_("apertium: no pipeline for {a}→{b} (only fr→en and en→fr)")
                               .format(a=source, b=target))
        if not available(source, target):
            raise TermkitError(_("apertium: not installed or modes {modes} missing "
                                 "(Debian: apt install apertium apertium-fr-es apertium-en-es)")
                               .format(modes="/".join(MODES[(source, target)])))
        self.source, self.target = source, target
        self.modes = MODES[(source, target)]
        self.id = "apertium:" + "|".join(self.modes)

    def _run(self, text: str) -> str:
        data = text
        for mode in self.modes:
            try:
                done = subprocess.run(["apertium", "-u", mode], input=data, capture_output=True,
                                      text=True, encoding="utf-8", env=_env(), timeout=TIMEOUT)
            except (OSError, subprocess.TimeoutExpired) as exc:
                raise TermkitError(_("apertium {mode}: {error}").format(mode=mode, error=exc)) \
                    from None
            if done.returncode != 0:
                message = (done.stderr.strip().splitlines() or [_("failed")])[-1]
                raise TermkitError(_("apertium {mode}: {error}").format(mode=mode, error=message))
            data = done.stdout
        return data

    def translate(self, texts: list[str]) -> list[str]:
        """One Apertium run for all ``texts`` (one per line); halves of the batch are run again
        when the pipeline's output has a different number of lines."""
        if not texts:
            return []
        return [line.strip() for line in self._lines([" ".join(t.split()) for t in texts])]

    def _lines(self, clean: list[str]) -> list[str]:
        """One output line per sentence of ``clean``, splitting the batch in two while the
        pipeline adds or merges lines (a sentence alone: its output lines joined)."""
        lines = self._run("\n".join(clean) + "\n").split("\n")
        if lines and lines[-1] == "":
            lines.pop()
        if len(lines) == len(clean):
            return lines
        if len(clean) == 1:
            return [" ".join(line.strip() for line in lines if line.strip())]
        half = len(clean) // 2
        return self._lines(clean[:half]) + self._lines(clean[half:])

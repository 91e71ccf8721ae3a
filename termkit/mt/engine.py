"""The engines' common interface and the automatic choice between them."""

from __future__ import annotations

from typing import Protocol

from termkit.errors import TermkitError
from termkit.i18n import _
from termkit.lang import codes

ENGINES = ("argos", "apertium")


class Engine(Protocol):
    """What every engine offers: ``translate`` a batch of sentences, one output per input."""

    name: str      # argos, apertium
    id: str        # model id for signatures
    source: str
    target: str

    def translate(self, texts: list[str]) -> list[str]: ...


def choose(source: str, target: str, *, engine: str | None = None, model: str | None = None,
           beam_size: int = 4, compute_type: str = "default") -> tuple[Engine, str]:
    """The engine to use and a one-line message saying which and why (French↔English only,
    any code of the two: ``fr``, ``fr_FR``, ``en-GB``…).

    ``--model`` or ``--engine argos`` use an Argos package (given, else installed); ``--engine
    apertium`` uses Apertium; with neither, an installed Argos package wins, else Apertium.
    """
    from termkit.mt import apertium, models
    from termkit.mt.ct2 import CT2Engine
    from termkit.mt.package import check_pair, read

    source, target = codes.pair(source, target)
    if engine not in (None, *ENGINES):
        raise TermkitError(_("unknown engine {name!r}; use argos or apertium").format(name=engine))
    if engine == "apertium":
        if model:
            raise TermkitError(_("--model is for the argos engine, not apertium"))
        return apertium.ApertiumEngine(source, target), _("engine: apertium")
    path = model or models.find(source, target)
    if path is None:
        if engine is None and apertium.available(source, target):
            return (apertium.ApertiumEngine(source, target),
                    _("engine: apertium (no Argos model installed for {a}→{b})")
                    .format(a=source, b=target))
        raise TermkitError(_("no Argos model installed for {a}→{b}: run `termkit models "
                             "install FILE.argosmodel`, pass --model PATH, or use --engine "
                             "apertium").format(a=source, b=target))
    package = read(path)
    check_pair(package, source, target)
    chosen = CT2Engine(package, beam_size=beam_size, compute_type=compute_type)
    return chosen, _("engine: argos ({model})").format(model=package.name)

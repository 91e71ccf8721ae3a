"""Frequent French and English function words (lowercase): the language guess reads them."""

from __future__ import annotations

STOP: dict[str, frozenset[str]] = {
    "fr": frozenset("le la les des du de un une et est sont dans pour par sur avec que qui ne "
                    "pas au aux il elle ils elles nous vous je ce cette ces son sa ses leur "
                    "mais".split()),
    "en": frozenset("the of and to in is are was were for on with that which not by it he she "
                    "they we you this these his her their but from at an".split()),
}


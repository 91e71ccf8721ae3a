"""Which language a text is in, French or English, by its frequent function words."""

from __future__ import annotations

from collections import Counter

from termkit.lang.stopwords import STOP
from termkit.lang.tokens import WORD, kinds, words

#: function word → the languages it belongs to
_LANGS: dict[str, tuple[str, ...]] = {}
for _lang, _words in STOP.items():
    for _word in _words:
        _LANGS[_word] = _LANGS.get(_word, ()) + (_lang,)


def language_of(sentences: list[str], sample: int = 200) -> str | None:
    """``fr`` or ``en`` when at least 5 function words of the first ``sample`` sentences are
    found and 3 in 4 of them belong to one language; ``None`` when unclear."""
    found: list[str] = []   # the language of each function word found
    for text in sentences[:sample]:
        for token in words(text.lower()):
            langs = _LANGS.get(token)
            if langs:
                found += langs
            elif not token.isalpha():   # a token mixing kinds is cut: le2 → le
                for kind, piece in kinds(token):
                    if kind == WORD:
                        found += _LANGS.get(piece, ())
    hits = Counter(found)
    total = sum(hits.values())
    if total < 5:
        return None
    lang, count = hits.most_common(1)[0]
    return lang if count >= 0.75 * total else None

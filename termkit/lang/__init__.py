"""French and English language knowledge: codes, tokens, normalisation, inflection, stop
words, the small lexicon, language guess (submodules are imported where needed)."""

"""Bilingual corpus records (the hand-off between stages) and their formats.

:mod:`termkit.corpus.model` holds the records (``Bead``, ``Side``, ``Pair``, ``Bitext``) that
alignment and translation produce and that the later stages (term pairing, translation-memory
look-up) read; :mod:`termkit.corpus.formats` is the one place that picks a format (``tmx``,
``tsv``, ``json``, ``beads``: modules of one shape, ``loads(data, name)`` and
``dumps(bitext, **options)``); :mod:`termkit.corpus.stats` describes a bitext.
"""

"""Bilingual corpus records (the hand-off between stages) and their formats.

:mod:`termkit.corpus.model` holds the records (``Bead``, ``Side``, ``Pair``, ``Bitext``) that
alignment and translation produce and that the later stages (term pairing, translation-memory
look-up) read; the format modules read and write them.
"""

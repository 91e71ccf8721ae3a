"""Sentence alignment of a French document and its English translation.

:func:`align` aligns two lists of sentences into beads (:mod:`termkit.align.aligner`);
:func:`align_documents` segments two documents, aligns and reviews them and returns an
:class:`Alignment`: the sentence pairs as a :class:`~termkit.corpus.model.Bitext`, the review
and the signature settings (:mod:`termkit.align.documents`); :mod:`.report` summarises an
alignment for review, :mod:`.score` measures one against a gold alignment.
"""

from termkit.align.aligner import align
from termkit.align.documents import Alignment, align_documents
from termkit.corpus.model import NULL_CONFIDENCE, Bead

__all__ = ["Alignment", "Bead", "NULL_CONFIDENCE", "align", "align_documents"]

"""Offline machine translation French↔English with glossary enforcement.

Engines (same interface, ``engine.choose`` picks one):

- ``argos``: an Argos Translate package (``.argosmodel`` or unpacked folder) run directly with
  CTranslate2 + SentencePiece, batched, model loaded once (``ct2.CT2Engine``). Nothing is ever
  downloaded at run time. Install packages with ``termkit models install FILE.argosmodel``
  (into ``$TERMKIT_MODELS`` or ``~/.local/share/termkit/models``) or pass ``--model PATH``.
- ``apertium``: Apertium through Spanish (``fr-es | spa-eng``, ``eng-spa | es-fr``).

Library use::

    from termkit.mt.translate import translate
    results = translate(["La traite des êtres humains est un crime."], "fr", "en",
                        glossary="glossaries/trafficking.tbx", engine="apertium")
    results[0].output, results[0].segments[0].check.missed
    results[0].segments[0].pair          # a termkit.corpus.model.Pair (source line, model id)

``glossary`` may be a file, a ``Glossary`` or a ``termkit.glossary.index.TermIndex``; it is
indexed once per call and the index is handed to every step. A whole document (one paragraph
per line) and its text, JSON or TMX output: ``report.translate_document``.

Enforcement steps (``enforce``), checked after translation by ``check.check`` (also used by
``termkit po check``): see ``enforce.DEFAULT`` for the combination measured best per engine.
The French and English rules that fit a term into a sentence (articles, elision, plurals) are
in ``termkit.lang.articles`` and ``termkit.lang.inflect``.
"""

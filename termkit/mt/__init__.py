"""Offline machine translation French↔English with glossary enforcement.

Engines (same interface, ``engine.choose`` picks one):

- ``argos``: an Argos Translate package (``.argosmodel`` or unpacked folder) run directly with
  CTranslate2 + SentencePiece, batched, model loaded once (``ct2.CT2Engine``). Nothing is ever
  downloaded at run time. Install packages with ``termkit models install FILE.argosmodel``
  (into ``$TERMKIT_MODELS`` or ``~/.local/share/termkit/models``) or pass ``--model PATH``.
- ``apertium``: Apertium through Spanish (``fr-es | spa-eng``, ``eng-spa | es-fr``).

Library use::

    from termkit.glossary.formats import load
    from termkit.glossary.index import TermIndex
    from termkit.mt.translate import translate
    index = TermIndex(load("glossaries/trafficking.tbx"))     # the caller opens the file
    results = translate(["La traite des êtres humains est un crime."], "fr", "en-GB",
                        glossary=index, engine="apertium")
    results[0].output, results[0].segments[0].check.missed
    results[0].segments[0].pair          # a termkit.corpus.model.Pair (source line, model id)

``glossary`` is a ``termkit.glossary.index.TermIndex`` or a ``Glossary`` (indexed once per
call); the index is handed to every step. Engines get the languages (``fr``, ``en``); the index
and the checks get the tags as given (``en-GB``: the glossary's ``en-GB`` terms, else its ``en``
ones). A whole document (one paragraph per line) and its text, JSON or TMX output:
``report.translate_document``.

Enforcement steps (``enforce``), checked after translation by ``check.check`` (also used by
``termkit po check``): see ``enforce.DEFAULT`` for the combination measured best per engine.
The French and English rules that fit a term into a sentence (articles, elision, plurals) are
in ``termkit.lang.articles`` and ``termkit.lang.inflect``.
"""

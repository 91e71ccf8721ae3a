"""TBX glossaries: read v3 (ISO 30042:2019, DCA and DCT) and v2 (martif); write v3 TBX-Basic or v2.

``read(path)`` and ``loads(data, name)`` stream the document into a ``Glossary``;
``write(glossary, path, version=3)`` and ``dumps(glossary, version=3)`` stream it back out.
"""

from termkit.glossary.tbx_read import loads, read
from termkit.glossary.tbx_write import dumps, write

__all__ = ["dumps", "loads", "read", "write"]

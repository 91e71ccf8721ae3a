"""The TBX vocabulary termkit reads and writes: namespaces, element names of v3 and v2, the data
categories it interprets (and the model field each fills), the TBX-Basic picklists and the
status values it writes."""

from __future__ import annotations

from dataclasses import dataclass

from termkit.glossary.model import STATUSES, TERM_TYPES

TBX_NS = "urn:iso:std:iso:30042:ed-2"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
#: termkit's namespace for data categories TBX-Basic lacks (grammaticalNumber)
TK_NS = "urn:termkit:tbx"
#: the sourceDesc termkit writes when a glossary has none (dropped again on reading)
DEFAULT_SOURCE_DESC = "<sourceDesc><p>termkit</p></sourceDesc>"


@dataclass(frozen=True)
class Names:
    """Element names of one TBX version."""

    version: int
    root: str
    header: str
    entry: str
    lang: str
    term: str


V3 = Names(3, "tbx", "tbxHeader", "conceptEntry", "langSec", "termSec")
V2 = Names(2, "martif", "martifHeader", "termEntry", "langSet", "tig")
#: root element → TBX version
VERSIONS = {V3.root: 3, V2.root: 2}
HEADERS = {V3.header, V2.header}
ENTRIES = {V3.entry, V2.entry}
LANGS = {V3.lang, V2.lang}
TERMS = {V3.term, V2.term, "ntig"}

#: model status → TBX value written
STATUS_EXPORT = {status: f"{status}Term-admn-sts" for status in STATUSES}
XREF = "crossReference"
#: data category → model field, per level
CONCEPT_FIELDS = {"subjectField": "subject_field", "definition": "definition", "note": "note",
                  "source": "source", XREF: "xrefs"}
LANG_FIELDS = {"definition": "definition", "note": "note", "source": "source"}
TERM_FIELDS = {"administrativeStatus": "status", "normativeAuthorization": "status",
               "partOfSpeech": "part_of_speech", "grammaticalGender": "gender",
               "grammaticalNumber": "number", "termType": "term_type", "context": "context",
               "source": "source", "note": "note"}
#: TBX-Basic picklists of term fields (values outside them are warnings)
PICKLISTS = {
    "part_of_speech": ("noun", "verb", "adjective", "adverb", "properNoun", "other"),
    "gender": ("masculine", "feminine", "neuter", "other"),
    "term_type": TERM_TYPES,
}
GROUPS = {"descripGrp", "adminGrp", "termNoteGrp"}
TYPED = {"descrip", "admin", "termNote", "ref", "xref"}
#: inline markup: an element holding one is mixed content, never re-indented
INLINE = {"hi", "foreign", "sc", "ec", "ph", "bpt", "ept", "it", "ut"}


def local(tag: str) -> str:
    """The local name of a Clark-notation tag."""
    return tag.rpartition("}")[2]

"""A small FR/EN glossary of the domain, built in code (tests and benchmarks/bench_mt.py).

Written for termkit's tests; the terms are common usage of INTERPOL/UNODC texts.
"""

from termkit.glossary.model import Concept, Glossary, LangSec, Term

#: (id, [(fr term, gender, status)], [(en term, status)], part of speech)
ENTRIES = [
    ("thb", [("traite des êtres humains", "feminine", "preferred"),
             ("traite d’êtres humains", "feminine", "admitted"),
             ("traite de personnes", "feminine", "admitted")],
     [("trafficking in human beings", "preferred"), ("human trafficking", "admitted"),
      ("trade in human beings", "deprecated")], "noun"),
    ("som", [("trafic de migrants", "masculine", "preferred")],
     [("migrant smuggling", "preferred"), ("smuggling of migrants", "admitted"),
      ("migrant trafficking", "deprecated")], "noun"),
    ("unodc", [("ONUDC", "masculine", "preferred")], [("UNODC", "preferred")], "properNoun"),
    ("iom", [("OIM", "feminine", "preferred")], [("IOM", "preferred")], "properNoun"),
    ("interpol", [("INTERPOL", None, "preferred")], [("INTERPOL", "preferred")], "properNoun"),
    ("frontex", [("Frontex", None, "preferred")], [("Frontex", "preferred")], "properNoun"),
    ("europol", [("Europol", None, "preferred")], [("Europol", "preferred")], "properNoun"),
    ("csi", [("Crime Stoppers International", None, "preferred")],
     [("Crime Stoppers International", "preferred")], "properNoun"),
    ("victim", [("victime", "feminine", "preferred")], [("victim", "preferred")], "noun"),
    ("smuggler", [("passeur", "masculine", "preferred")], [("smuggler", "preferred")], "noun"),
    ("forced-labour", [("travail forcé", "masculine", "preferred")],
     [("forced labour", "preferred"), ("forced labor", "admitted")], "noun"),
    ("sexual-exploitation", [("exploitation sexuelle", "feminine", "preferred")],
     [("sexual exploitation", "preferred")], "noun"),
    ("organized-crime", [("criminalité organisée", "feminine", "preferred"),
                         ("crime organisé", "masculine", "admitted")],
     [("organized crime", "preferred"), ("organised crime", "admitted")], "noun"),
    ("ncb", [("Bureau central national", "masculine", "preferred")],
     [("National Central Bureau", "preferred")], "noun"),
    ("red-notice", [("notice rouge", "feminine", "preferred")], [("Red Notice", "preferred")],
     "noun"),
    ("un", [("Nations Unies", "feminine", "preferred")], [("United Nations", "preferred")],
     "properNoun"),   # plural: see build()
    ("eu", [("Union européenne", "feminine", "preferred")], [("European Union", "preferred")],
     "properNoun"),
    ("slavery", [("esclavage", "masculine", "preferred")], [("slavery", "preferred")], "noun"),
    ("police-coop", [("coopération policière", "feminine", "preferred")],
     [("police cooperation", "preferred")], "noun"),
    ("law-enforcement", [("forces de l’ordre", "feminine", "preferred")],
     [("law enforcement", "preferred")], "noun"),
    ("child", [("enfant", "masculine", "preferred")], [("child", "preferred")], "noun"),
    ("member-country", [("pays membre", "masculine", "preferred")],
     [("member country", "preferred")], "noun"),
]


def build() -> Glossary:
    """The glossary as termkit's model."""
    concepts = []
    for cid, fr, en, pos in ENTRIES:
        concepts.append(Concept(cid, {
            "fr": LangSec("fr", [Term(t, status=s, gender=g, part_of_speech=pos,
                                      number="plural" if cid == "un" else None)
                                 for t, g, s in fr]),
            "en": LangSec("en", [Term(t, status=s, part_of_speech=pos) for t, s in en]),
        }, subject_field="human trafficking"))
    return Glossary(concepts, lang="fr", title="termkit test glossary (domain)")

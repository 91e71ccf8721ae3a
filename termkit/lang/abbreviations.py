"""French and English abbreviations and sentence openers: what the sentence splitter
(:mod:`termkit.segment`) needs to know about words before and after a period."""

from __future__ import annotations

#: never the last word of a sentence
TITLES = frozenset({
    "M", "MM", "Mme", "Mmes", "Mlle", "Mlles", "Dr", "Drs", "Pr", "Me", "Mgr", "St", "Ste",
    "Mr", "Mrs", "Ms", "Messrs", "Prof", "Gen", "Col", "Lt", "Sgt", "Capt", "Rev", "Hon", "Sen",
    "Rep", "Gov", "Mt", "Jr", "Sr", "cf", "Cf", "vs", "v", "env", "ex", "éd", "Éd", "resp",
    "approx", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
    "janv", "févr", "avr", "juil", "sept", "oct", "nov", "déc", "Vol", "Fig", "Art", "Nos",
    "No", "av", "bd", "boul", "Bd", "Av", "Ave", "Blvd", "Rd", "Mgrs", "Pres", "Supt", "Insp",
})
#: abbreviations that come before a number (art. 5, p. 12, No. 3)
BEFORE_NUMBER = frozenset({
    "art", "al", "par", "p", "pp", "no", "n", "N", "nr", "vol", "chap", "ch", "fig", "para",
    "sect", "ann", "annexe", "tab", "t", "ed", "op", "nos", "réf", "ref",
})
#: abbreviations that may end a sentence: a sentence ends after them only before a capital
MAY_END = frozenset({"etc", "Inc", "Ltd", "Co", "Corp", "al", "cie", "Cie", "Bros", "plc", "SA",
                     "S.A"})
#: words that typically open a sentence (after U.S., e.g. and the like)
STARTERS = frozenset(
    "The This That These Those It He She They We I In On At But However A An There His Her Its "
    "Their Our As If When While After Before For Since Although Meanwhile Yet Also Le La Les L "
    "Il Elle Ils Elles Nous Vous On Un Une Des Ce Cette Ces Cela Mais Cependant En Dans Selon "
    "Pour Par Au Aux Lors Depuis Après Avant Si Alors Toutefois".split())

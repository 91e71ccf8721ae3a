"""A small hand-written French → English lexicon of frequent words (the alignment anchors'
translations).

Keys are accent-folded lowercase French forms (:func:`termkit.lang.normalise.fold`); values
are English words (only their first letters are compared, so ``house`` also matches
``houses``). Written for termkit.
"""

from __future__ import annotations

_PAIRS = """
homme hommes = man | femme femmes = woman | enfant enfants = child | fille filles = girl
garcon garcons = boy | pere = father | mere = mother | frere freres = brother
soeur soeurs = sister
fils = son | oncle = uncle | tante = aunt | mari = husband | epouse = wife
ami amie amis amies = friend
monsieur m = mr | mme = mrs | mlle = miss | madame = mrs | mademoiselle = miss
messieurs = gentlemen | dame dames = lady
maison maisons = house | chambre chambres = room | salle = room | porte portes = door
fenetre fenetres = window | jardin jardins = garden | eglise = church | ville = town | rue = street
chemin = road | route = road | arbre arbres = tree | fleur fleurs = flower | herbe = grass
pierre pierres = stone | eau = water | feu = fire | ciel = sky | soleil = sun | lune = moon
terre = earth | mer = sea | pluie = rain | vent = wind | neige = snow | nuit nuits = night
jour jours = day | journee = day | matin = morning | soir soiree = evening | heure heures = hour
annee annees an ans = year | semaine semaines = week | mois = month | temps = time | fois = time
livre livres = book | lettre lettres = letter | mot mots = word | nom = name | voix = voice
main mains = hand | tete = head | yeux oeil = eye | visage = face | coeur = heart
pied pieds = foot
bras = arm | cheveux = hair | bouche = mouth | corps = body | sang = blood | larmes = tears
vie = life | mort = death | amour = love | peur = fear | joie = joy | mariage = marriage
argent = money | pain = bread | vin = wine | table = table | lit = bed | cheval chevaux = horse
chien chiens = dog | oiseau oiseaux = bird | roi = king | reine = queen | dieu = god
pays = country | monde = world | gens = people | personne = person | famille = family
chose choses = thing | rien = nothing | tout toute tous toutes = all | chaque = each
bon bonne bons bonnes = good | mauvais mauvaise = bad | grand grande grands grandes = great
petit petite petits petites = little | jeune jeunes = young | vieux vieille = old
nouveau nouvelle = new
beau belle beaux = beautiful | joli jolie = pretty | heureux heureuse = happy | triste = sad
noir noire = black | blanc blanche = white | rouge = red | vert verte = green | bleu bleue = blue
long longue = long | haut haute = high | bas basse = low | premier premiere = first
dernier derniere = last | seul seule = alone | meme = same | autre autres = other
deux = two | trois = three | quatre = four | cinq = five | six = six | sept = seven | huit = eight
neuf = nine | dix = ten | vingt = twenty | cent = hundred | mille = thousand
oui = yes | non = no | jamais = never | toujours = always | souvent = often | encore = again
aujourd = today | hier = yesterday | demain = tomorrow | maintenant = now | alors = then
ici = here | pourquoi = why | comment = how | quand = when | beaucoup = much
tres = very | peu = little | trop = too | aussi = also | deja = already | bien = well
mieux = better | pendant = during | avant = before | apres = after | sans = without | avec = with
contre = against | entre = between | pres = near | loin = far | sous = under | sur = on
dans = in | mais = but | parce = because | comme = like | cependant = however
dit dis disait = said | dire = say | repondit = answered | demanda = asked | cria = cried
voir vu vit voyait = saw | regarder regarda regardait = looked | savoir sais sait savait = know
penser pensait pensa = thought | croire croyait crois = believe | vouloir voulait veux = want
aimer aimait aime = love | venir venait vint = came | aller allait alla = went | partir = leave
entrer entra = entered | sortir sortit = went | prendre prit prenait = took | donner donna = gave
mettre mit = put | trouver trouva trouvait = found | rester resta = stayed | tomber tomba = fell
parler parlait parla = spoke | ecrire = write | lire = read | marcher = walk | promenade = walk
manger = eat | boire = drink | dormir = sleep | mourir mourut = died | vivre vivait = lived
ouvrir ouvrit = opened | fermer ferma = closed | sourire souriait = smile | pleurer pleurait = cry
attendre attendait = waited | entendre entendit entendait = heard | sentir sentait = felt
travail = work | affaire affaires = business | guerre = war | paix = peace | loi lois = law
police = police | victime victimes = victim | traite = trafficking | trafic = trafficking
passeur passeurs = smugglers | migrant migrants = migrant | enfance = childhood
pauvre pauvres = poor | riche riches = rich | fort forte = strong | faible = weak
etrange = strange | froid froide = cold | chaud chaude = warm | doux douce = gentle
janvier = january | fevrier = february | mars = march | avril = april | mai = may
juin = june | juillet = july | aout = august | lundi = monday | mardi = tuesday
mercredi = wednesday | jeudi = thursday | vendredi = friday | samedi = saturday | dimanche = sunday
il = he | elle = she | ils elles = they | je j = i | nous = we | vous tu = you | moi = me
lui = him | et = and | ni = nor | si = if | qui = who | pas point = not | le la les l = the
etait = was | etaient = were | avait avaient = had | est = is | sont = are | etre = be
avoir = have | faire fit faisait = made | pouvait pouvoir put = could | devait = must
cela ceci ca = this | ceux celles = those | quelque quelques = some | plusieurs = several
quelqu = someone | celui celle = the | dont = whose | leur leurs = their
notre nos = our | votre vos = your | mon ma mes = my | ton ta tes = your
"""

FR_EN: dict[str, str] = {}
for _group in _PAIRS.replace("\n", " | ").split("|"):
    if "=" in _group:
        _french, _english = _group.split("=")
        for _word in _french.split():
            FR_EN[_word] = _english.strip()


def english(word: str) -> str | None:
    """The English translation of a folded French word, trying simple plural and feminine
    forms (``maisons`` → ``house``); None when the lexicon does not have it."""
    found = FR_EN.get(word)
    if found is None and len(word) > 3:
        for ending in ("s", "x", "e", "es"):
            if word.endswith(ending) and word[: -len(ending)] in FR_EN:
                return FR_EN[word[: -len(ending)]]
    return found

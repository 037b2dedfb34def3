"""
The shipped content as plain data, in English, French and Italian.

Every text is our own wording of facts taken from the press articles in
`shared/seeds/` (an Italian article and press release, two French articles,
an English trade article). A few widely known facts complete them where the
design asks for them: founding years, headquarters, websites, and the years
in which positions began. Well-established public facts that the seeds do
not cover add two people, Laurent Rossi and François Provost, Luca de Meo's
departure in July 2025, after the series was filmed, and the exact figures
and dates of the 2020 losses: a record net loss of €7.3 billion for the first
half, announced on 30 July 2020, and of €8.0 billion (group share) for the
whole year, announced on 19 February 2021 (seed 001 gives the €7.3 billion
"in 2020", seed 000 "record losses in 2021"), and the Capital Market Day that
seed 004 announces for 15 November 2023, which was held that day. Nothing
here is copied from a seed.

The site tells the story as it stood in August 2025 (the footer says so):
whatever could have changed since is written in the past or dated
("in November 2023…"), and the objects are published on 1 August 2025, after
the last fact they report.

Conventions:
- `L(en, fr, it)` holds one localized value; the French one is written with
  ordinary spaces before `;:!?` and in figures, and `L` sets the narrow
  no-break spaces of French typography (`typography.french`);
- companies refer to one another, and everything refers to companies and
  people, by English slug; parents come before their children;
- a position whose exact start is not known starts on the first day of its
  year;
- rich text uses only `<p>`, `<h2>`, `<em>`, `<strong>`, `<blockquote>` and
  `<a href>` (the sanitizer's allow-list keeps them unchanged); a link to a
  shipped person or company is a marker, `[[person:luca-de-meo|Luca de Meo]]`,
  which the loader turns into a link to its page in the text's language
  (`links.py`), and an episode features everyone its synopsis links to;
- picture designs are parameters of the functions in `images.py`.
"""

import datetime
from zoneinfo import ZoneInfo

from . import typography

PARIS = ZoneInfo("Europe/Paris")

# When the shipped objects went public: the date the site speaks as of, 9:00 in
# Paris, after the last fact they report (François Provost's appointment on 31
# July 2025). Fixed, so that every run stores the same value.
PUBLISHED_AT = datetime.datetime(2025, 8, 1, 9, 0, tzinfo=PARIS)


def L(en, fr, it):  # noqa: N802 - reads like a constructor in the tables below
    """One value in each language; the French one set with French spacing (`typography`)."""
    return {"en": en, "fr": typography.french(fr), "it": it}


def same(value):
    """A value that is the same in every language (e.g. a company's slug)."""
    return L(value, value, value)


# Companies ----------------------------------------------------------------------

COMPANIES = [
    {
        "name": "Renault Group",
        "slug": same("renault-group"),
        "kind": "group",
        "parent": None,
        "founded_year": 1899,
        "website": "https://www.renaultgroup.com",
        "headquarters": L(
            "Boulogne-Billancourt, France",
            "Boulogne-Billancourt, France",
            "Boulogne-Billancourt, Francia",
        ),
        "tagline": L(
            "The French carmaker behind Renault, Dacia, Alpine and Ampere",
            "Le constructeur français qui réunit Renault, Dacia, Alpine et Ampere",
            "Il costruttore francese che riunisce Renault, Dacia, Alpine e Ampere",
        ),
        "description": L(
            "<p>Renault Group is the French car manufacturer that owns the Renault, Dacia "
            "and Alpine brands. In 2023 it added Ampere, a company of its own devoted to "
            "electric vehicles and software.</p>"
            "<p>At the start of 2020 the group was close to the edge. Jean-Dominique Senard, "
            "chairman of the board, brought in Luca de Meo as chief executive in July 2020; on 30 "
            "July 2020 the group reported a record net loss of €7.3 billion for the first half of "
            "the year. In January 2021 Luca de Meo unveiled the Renaulution, a plan to electrify "
            "the brands, build fewer cars, renew the range and revive iconic names such as the "
            "Renault 5. On 19 February 2021 the group put its net loss for the whole of 2020 at "
            "€8.0 billion (group share).</p>"
            "<p>The docuseries <em>Anatomy of a Comeback</em>, released on Prime Video in "
            "December 2024, tells the story of this turnaround from the inside.</p>",
            "<p>Le groupe Renault est le constructeur automobile français propriétaire des "
            "marques Renault, Dacia et Alpine. En 2023, il s'est doté d'Ampere, une "
            "entreprise à part entière consacrée aux véhicules électriques et au "
            "logiciel.</p>"
            "<p>Début 2020, le groupe frôlait le précipice. Jean-Dominique Senard, président du "
            "conseil d'administration, a confié la direction générale à Luca de Meo en juillet "
            "2020 ; le 30 juillet 2020, le groupe a annoncé pour le premier semestre une perte "
            "nette de 7,3 milliards d'euros, un record. En janvier 2021, Luca de Meo a présenté la "
            "Renaulution : électrifier les marques, produire moins de voitures, renouveler la "
            "gamme et faire revivre des noms mythiques comme la Renault 5. Le 19 février 2021, le "
            "groupe a chiffré sa perte nette pour l'ensemble de l'année 2020 à 8,0 milliards "
            "d'euros (part du groupe).</p>"
            "<p>La série documentaire <em>Anatomie d'un come-back</em>, diffusée sur Prime "
            "Video depuis décembre 2024, raconte ce redressement de l'intérieur.</p>",
            "<p>Renault Group è il costruttore automobilistico francese a cui fanno capo i "
            "marchi Renault, Dacia e Alpine. Nel 2023 ha dato vita ad Ampere, una società "
            "dedicata interamente ai veicoli elettrici e al software.</p>"
            "<p>All'inizio del 2020 il gruppo era vicino al collasso. Jean-Dominique Senard, "
            "presidente del consiglio di amministrazione, ha affidato la guida a Luca de Meo nel "
            "luglio 2020; il 30 luglio 2020 il gruppo ha annunciato per il primo semestre una "
            "perdita netta record di 7,3 miliardi di euro. Nel gennaio 2021 Luca de Meo ha "
            "presentato la Renaulution: elettrificare i marchi, produrre meno auto, rinnovare la "
            "gamma e riportare in vita nomi storici come la Renault 5. Il 19 febbraio 2021 il "
            "gruppo ha quantificato la perdita netta dell'intero 2020 in 8,0 miliardi di euro "
            "(quota di pertinenza del gruppo).</p>"
            "<p>La docuserie <em>Anatomia di un come-back</em>, disponibile su Prime Video "
            "da dicembre 2024, racconta questa rinascita dall'interno.</p>",
        ),
        "logo": {"mark": "RG", "shape": "diamond", "colour": "yellow", "ink": "black"},
    },
    {
        "name": "Renault",
        "slug": same("renault"),
        "kind": "brand",
        "parent": "renault-group",
        "founded_year": 1899,
        "website": "",
        "headquarters": L(
            "Boulogne-Billancourt, France",
            "Boulogne-Billancourt, France",
            "Boulogne-Billancourt, Francia",
        ),
        "tagline": L(
            "The group's founding brand, going electric and reviving its classics",
            "La marque historique du groupe, qui passe à l'électrique et ressuscite ses classiques",
            "Il marchio storico del gruppo, che passa all'elettrico e rilancia i suoi classici",
        ),
        "description": L(
            "<p>Renault is the brand on which the group was built. Under the Renaulution it set "
            "about switching to electric power and bringing back well-loved models from its "
            "past.</p>"
            "<p>The new Renault 5 was warmly received at the 2024 Geneva Motor Show, the same year "
            "the Scenic E-Tech Electric was named Car of the Year. Its electric cars, among them "
            "the Renault 5, the Renault 4 (in preparation in 2024) and an electric Twingo "
            "announced for 2026, were built on technology developed by Ampere, and the final "
            "episode of <em>Anatomy of a Comeback</em> reveals the Renault 5 Turbo 3E.</p>",
            "<p>Renault est la marque sur laquelle le groupe s'est construit. Avec la Renaulution, "
            "elle a entrepris de passer à l'électrique et de faire revenir des modèles qui ont "
            "marqué son histoire.</p>"
            "<p>La nouvelle Renault 5 a reçu un accueil chaleureux au Salon de Genève 2024, "
            "l'année où le Scenic E-Tech Electric a été élu Voiture de l'année. Ses voitures "
            "électriques, dont la Renault 5, la Renault 4 (en préparation en 2024) et une Twingo "
            "électrique annoncée pour 2026, reposaient sur des technologies mises au point par "
            "Ampere, et le dernier épisode d'<em>Anatomie d'un come-back</em> dévoile la Renault 5 "
            "Turbo 3E.</p>",
            "<p>Renault è il marchio su cui è nato il gruppo. Con la Renaulution ha avviato il "
            "passaggio all'elettrico e il ritorno di modelli che hanno fatto la sua storia.</p>"
            "<p>La nuova Renault 5 è stata accolta con calore al Salone di Ginevra 2024, l'anno in "
            "cui la Scenic E-Tech Electric è stata eletta Auto dell'Anno. Le sue auto elettriche, "
            "tra cui la Renault 5, la Renault 4 (in preparazione nel 2024) e una Twingo elettrica "
            "annunciata per il 2026, si basavano su tecnologie sviluppate da Ampere, e l'ultimo "
            "episodio di <em>Anatomia di un come-back</em> svela la Renault 5 Turbo 3E.</p>",
        ),
        "logo": {"mark": "R", "shape": "diamond", "colour": "black", "ink": "white"},
    },
    {
        "name": "Dacia",
        "slug": same("dacia"),
        "kind": "brand",
        "parent": "renault-group",
        "founded_year": 1966,
        "website": "",
        "headquarters": L("Mioveni, Romania", "Mioveni, Roumanie", "Mioveni, Romania"),
        "tagline": L(
            "Affordable cars and a pillar of the group's recovery",
            "Des voitures abordables et un pilier du redressement du groupe",
            "Auto accessibili e un pilastro della ripresa del gruppo",
        ),
        "description": L(
            "<p>Dacia is the group's brand of affordable cars. When money was tight after "
            "2020 it came to the rescue, growing steadily and becoming more and more "
            "competitive.</p>"
            "<p>In 2024 its next challenge was the Bigster, a larger model than the brand had been "
            "known for. Cooperation with Nissan reached Dacia too: in November 2023 there were "
            "plans to build Dacia vehicles at Nissan's plant in Chennai, India.</p>",
            "<p>Dacia est la marque de voitures abordables du groupe. Quand l'argent manquait, "
            "après 2020, c'est elle qui a tenu le groupe à flot, en grandissant sans cesse et en "
            "gagnant en compétitivité.</p>"
            "<p>En 2024, son défi suivant s'appelait Bigster, un modèle plus grand que ceux qui "
            "avaient fait sa réputation. La coopération avec Nissan la concernait aussi : en "
            "novembre 2023, il était prévu de produire des Dacia dans une usine Nissan à Chennai, "
            "en Inde.</p>",
            "<p>Dacia è il marchio di auto accessibili del gruppo. Quando, dopo il 2020, i "
            "conti erano in rosso, è stata la sua crescita costante, insieme a una "
            "competitività sempre maggiore, a dare ossigeno al gruppo.</p>"
            "<p>Nel 2024 la sfida successiva si chiamava Bigster, un modello più grande di quelli "
            "che avevano fatto la fortuna del marchio. Anche la collaborazione con Nissan la "
            "riguardava: nel novembre 2023 era previsto che alcune Dacia venissero prodotte in uno "
            "stabilimento Nissan a Chennai, in India.</p>",
        ),
        "logo": {"mark": "D", "shape": "diamond", "colour": "green", "ink": "white"},
    },
    {
        "name": "Alpine",
        "slug": same("alpine"),
        "kind": "brand",
        "parent": "renault-group",
        "founded_year": 1955,
        "website": "https://www.alpinecars.com",
        "headquarters": L("Dieppe, France", "Dieppe, France", "Dieppe, Francia"),
        "tagline": L(
            "The group's sports car brand, from the road to the race track",
            "La marque sportive du groupe, de la route aux circuits",
            "Il marchio sportivo del gruppo, dalla strada alla pista",
        ),
        "description": L(
            "<p>Alpine is the group's sports car brand, and bringing it back to life is one "
            "of the aims of the Renaulution, alongside electrification.</p>"
            "<p>In the years the series covers, the brand raced in Formula 1 with the Alpine F1 "
            "Team and also took on the 24 Hours of Le Mans. <em>Anatomy of a Comeback</em> follows "
            "it on both fronts, with its difficulties as well as its ambitions.</p>",
            "<p>Alpine est la marque sportive du groupe ; la relancer fait partie des "
            "objectifs de la Renaulution, au même titre que l'électrification.</p>"
            "<p>Dans les années que couvre la série, la marque courait en Formule 1 avec l'écurie "
            "Alpine F1 et s'attaquait aussi aux 24 Heures du Mans. <em>Anatomie d'un "
            "come-back</em> la suit sur ces deux terrains, avec ses difficultés comme avec ses "
            "ambitions.</p>",
            "<p>Alpine è il marchio sportivo del gruppo: rilanciarlo è uno degli obiettivi "
            "della Renaulution, insieme all'elettrificazione.</p>"
            "<p>Negli anni raccontati dalla serie il marchio correva in Formula 1 con la scuderia "
            "Alpine F1 e si cimentava anche nella 24 Ore di Le Mans. <em>Anatomia di un "
            "come-back</em> lo segue su entrambi i fronti, tra difficoltà e ambizioni.</p>",
        ),
        "logo": {"mark": "A", "shape": "diamond", "colour": "blue", "ink": "white"},
    },
    {
        "name": "Ampere",
        "slug": same("ampere"),
        "kind": "business_unit",
        "parent": "renault-group",
        "founded_year": 2023,
        "website": "",
        "headquarters": L("France", "France", "Francia"),
        "tagline": L(
            "Renault Group's company for electric vehicles and software",
            "L'entreprise du groupe Renault dédiée aux véhicules électriques et au logiciel",
            "La società di Renault Group dedicata ai veicoli elettrici e al software",
        ),
        "description": L(
            "<p>Ampere started work on 1 November 2023. [[company:renault-group|Renault Group]] "
            "set it up as a company devoted only to electric vehicles and their software, "
            "organised to move as quickly as a start-up while drawing on the resources of a large "
            "group, with the stated goal of leading the European electric car market with models "
            "that people can afford.</p>"
            "<p>At its launch it had 11 sites in France, four of them industrial: the Douai, "
            "Maubeuge and Ruitz plants, which together make up ElectriCity, and the Cléon factory. "
            "More than 11,000 people worked there, 35% of them engineers. Its technology, "
            "including LFP batteries and Cell2Pack designs, was meant for the Renault 5, the "
            "Renault 4 then in preparation and an electric Twingo announced for 2026.</p>"
            "<p>[[person:luca-de-meo|Luca de Meo]] was chief executive of Ampere as well as of the "
            "group, from its launch until he stepped down in July 2025. On 15 November 2023 "
            "Renault Group held a Capital Market Day devoted to Ampere, an investor day presenting "
            "the new company to the financial markets.</p>"
            "<p>Its logo starts from the diamond that has long been Renault's emblem: several "
            "diamonds put together stand for close-knit, agile teams, each with its own expertise, "
            "and suggest a movement rising towards a common goal. Its identity rests on three "
            "colours named Scandium, Eigengrau and Silicon Grey, chosen, its designers said, to "
            "balance technology with warmth.</p>"
            "<p>In 2023 [[company:nissan|Nissan]] announced that it intended to invest up to €600 "
            "million in Ampere, and [[company:mitsubishi-motors|Mitsubishi Motors]] up to €200 "
            "million: intentions announced, not investments made.</p>",
            "<p>Ampere a commencé ses activités le 1er novembre 2023. "
            "[[company:renault-group|Le groupe Renault]] l'a créée comme une entreprise consacrée "
            "uniquement aux véhicules électriques et à leur logiciel, organisée pour avancer aussi "
            "vite qu'une start-up tout en s'appuyant sur les moyens d'un grand groupe, avec un "
            "objectif affiché : prendre la tête du marché européen de la voiture électrique avec "
            "des modèles à la portée du plus grand nombre.</p>"
            "<p>À son lancement, elle comptait 11 sites en France, dont quatre industriels : les "
            "usines de Douai, Maubeuge et Ruitz, qui forment ensemble ElectriCity, et celle de "
            "Cléon. Plus de 11 000 personnes y travaillaient, dont 35 % d'ingénieurs. Ses "
            "technologies, dont les batteries LFP et l'architecture Cell2Pack, étaient destinées à "
            "la Renault 5, à la Renault 4 alors en préparation et à une Twingo électrique annoncée "
            "pour 2026.</p>"
            "<p>[[person:luca-de-meo|Luca de Meo]] a été directeur général d'Ampere en plus du "
            "groupe, de son lancement jusqu'à son départ en juillet 2025. Le 15 novembre 2023, le "
            "groupe Renault a tenu une Capital Market Day consacrée à Ampere, une journée "
            "investisseurs destinée à présenter la nouvelle entreprise aux marchés financiers.</p>"
            "<p>Son logo part du losange, emblème de Renault depuis longtemps : plusieurs losanges "
            "assemblés figurent des équipes soudées et agiles, chacune avec son domaine "
            "d'expertise, et évoquent un mouvement qui s'élève vers un but commun. Son identité "
            "repose sur trois couleurs baptisées Scandium, Eigengrau et Silicon Grey, choisies, "
            "selon ses designers, pour équilibrer technologie et chaleur.</p>"
            "<p>En 2023, [[company:nissan|Nissan]] a annoncé son intention d'investir jusqu'à 600 "
            "millions d'euros dans Ampere, et [[company:mitsubishi-motors|Mitsubishi Motors]] "
            "jusqu'à 200 millions : des intentions annoncées, non des investissements "
            "réalisés.</p>",
            "<p>Ampere ha avviato le attività il 1° novembre 2023. "
            "[[company:renault-group|Renault Group]] l'ha creata come società dedicata soltanto ai "
            "veicoli elettrici e al loro software, organizzata per muoversi con la rapidità di una "
            "start-up contando però sulle risorse di un grande gruppo, con un obiettivo "
            "dichiarato: guidare il mercato europeo dell'auto elettrica con modelli alla portata "
            "di molti.</p>"
            "<p>Al momento del lancio contava 11 siti in Francia, di cui quattro industriali: gli "
            "stabilimenti di Douai, Maubeuge e Ruitz, che insieme formano ElectriCity, e quello di "
            "Cléon. Vi lavoravano oltre 11.000 persone, per il 35% ingegneri. Le sue tecnologie, "
            "tra cui le batterie LFP e l'architettura Cell2Pack, erano destinate alla Renault 5, "
            "alla Renault 4 allora in preparazione e a una Twingo elettrica annunciata per il "
            "2026.</p>"
            "<p>[[person:luca-de-meo|Luca de Meo]] è stato amministratore delegato di Ampere oltre "
            "che del gruppo, dal lancio fino alla sua uscita nel luglio 2025. Il 15 novembre 2023 "
            "Renault Group ha tenuto un Capital Market Day dedicato ad Ampere, una giornata per "
            "gli investitori pensata per presentare la nuova società ai mercati finanziari.</p>"
            "<p>Il logo nasce dalla losanga, da tempo emblema di Renault: più losanghe accostate "
            "rappresentano squadre affiatate e agili, ognuna con le proprie competenze, e "
            "suggeriscono un movimento che sale verso un obiettivo comune. L'identità si fonda su "
            "tre colori chiamati Scandium, Eigengrau e Silicon Grey, scelti, secondo i designer, "
            "per bilanciare tecnologia e calore.</p>"
            "<p>Nel 2023 [[company:nissan|Nissan]] ha annunciato l'intenzione di investire in "
            "Ampere fino a 600 milioni di euro, e [[company:mitsubishi-motors|Mitsubishi Motors]] "
            "fino a 200 milioni: intenzioni annunciate, non investimenti effettuati.</p>",
        ),
        "logo": {"mark": "AMP", "shape": "diamond", "colour": "teal", "ink": "white"},
    },
    {
        "name": "Alpine F1 Team",
        "slug": same("alpine-f1-team"),
        "kind": "business_unit",
        "parent": "alpine",
        "founded_year": None,
        "website": "",
        "headquarters": L(
            "Enstone, United Kingdom, and Viry-Châtillon, France",
            "Enstone, Royaume-Uni, et Viry-Châtillon, France",
            "Enstone, Regno Unito, e Viry-Châtillon, Francia",
        ),
        "tagline": L(
            "Alpine's Formula 1 team, with one foot in France and one in England",
            "L'écurie de Formule 1 d'Alpine, entre la France et l'Angleterre",
            "La scuderia di Formula 1 di Alpine, divisa tra Francia e Inghilterra",
        ),
        "description": L(
            "<p>The Alpine F1 Team carries the Alpine name in Formula 1. Its difficulties "
            "became a threat to the group's wider strategy, and the rift between its French "
            "and English sides led Luca de Meo to step in himself.</p>"
            "<p>In January 2024 the team went through an intensive programme with the GIGN, "
            "the elite unit of the French gendarmerie, to learn to work as one. The third "
            "episode of <em>Anatomy of a Comeback</em> follows that effort.</p>",
            "<p>L'écurie Alpine F1 porte les couleurs d'Alpine en Formule 1. Ses difficultés "
            "ont fini par menacer la stratégie d'ensemble du groupe, et la fracture entre ses "
            "équipes française et anglaise a conduit Luca de Meo à intervenir en "
            "personne.</p>"
            "<p>En janvier 2024, l'écurie a suivi un programme intensif avec le GIGN, l'unité "
            "d'élite de la Gendarmerie nationale, pour apprendre à faire bloc. Le troisième "
            "épisode d'<em>Anatomie d'un come-back</em> raconte cet effort.</p>",
            "<p>La scuderia Alpine F1 porta il nome di Alpine in Formula 1. Le sue difficoltà "
            "sono arrivate a minacciare la strategia complessiva del gruppo, e la frattura "
            "tra la parte francese e quella inglese ha spinto Luca de Meo a intervenire di "
            "persona.</p>"
            "<p>Nel gennaio 2024 la squadra ha seguito un programma intensivo con il GIGN, il "
            "reparto d'élite della Gendarmeria francese, per imparare a lavorare come un "
            "blocco unico. Il terzo episodio di <em>Anatomia di un come-back</em> racconta "
            "questo sforzo.</p>",
        ),
        "logo": {"mark": "AF1", "shape": "circle", "colour": "blue", "ink": "white"},
    },
    {
        "name": "Nissan",
        "slug": same("nissan"),
        "kind": "partner",
        "parent": None,
        "founded_year": 1933,
        "website": "https://www.nissan-global.com",
        "headquarters": L("Yokohama, Japan", "Yokohama, Japon", "Yokohama, Giappone"),
        "tagline": L(
            "Japanese carmaker and Renault's long-standing partner in the Alliance",
            "Constructeur japonais et partenaire de longue date de Renault au sein de l'Alliance",
            "Costruttore giapponese e partner di lunga data di Renault nell'Alleanza",
        ),
        "description": L(
            "<p>Nissan is a Japanese car manufacturer and, with Mitsubishi Motors, one of "
            "Renault's two partners in the Alliance. When the new agreements took effect on 8 "
            "November 2023, the companies regained their freedom and became competitors, while "
            "keeping some joint projects.</p>"
            "<p>As planned in November 2023, a new small electric Nissan was to be built at "
            "Renault's Douai plant, and Dacia vehicles at Nissan's factory in Chennai, India. In "
            "2023 Nissan also announced that it intended to invest up to €600 million in "
            "Ampere.</p>",
            "<p>Nissan est un constructeur automobile japonais et, avec Mitsubishi Motors, l'un "
            "des deux partenaires de Renault au sein de l'Alliance. Avec l'entrée en vigueur des "
            "nouveaux accords, le 8 novembre 2023, les entreprises ont repris leur liberté et sont "
            "devenues concurrentes, tout en conservant quelques projets communs.</p>"
            "<p>En novembre 2023, il était prévu qu'une nouvelle petite Nissan électrique soit "
            "fabriquée dans l'usine Renault de Douai, et que des Dacia sortent de l'usine Nissan "
            "de Chennai, en Inde. En 2023, Nissan avait aussi annoncé son intention d'investir "
            "jusqu'à 600 millions d'euros dans Ampere.</p>",
            "<p>Nissan è un costruttore automobilistico giapponese e, con Mitsubishi Motors, uno "
            "dei due partner di Renault nell'Alleanza. Con l'entrata in vigore dei nuovi accordi, "
            "l'8 novembre 2023, le aziende hanno ripreso la propria libertà e sono diventate "
            "concorrenti, pur mantenendo alcuni progetti comuni.</p>"
            "<p>Nel novembre 2023 era previsto che una nuova piccola Nissan elettrica fosse "
            "costruita nello stabilimento Renault di Douai, e che alcune Dacia uscissero dalla "
            "fabbrica Nissan di Chennai, in India. Nel 2023 Nissan aveva anche annunciato "
            "l'intenzione di investire in Ampere fino a 600 milioni di euro.</p>",
        ),
        "logo": {"mark": "N", "shape": "circle", "colour": "grey", "ink": "white"},
    },
    {
        "name": "Mitsubishi Motors",
        "slug": same("mitsubishi-motors"),
        "kind": "partner",
        "parent": None,
        "founded_year": None,
        "website": "https://www.mitsubishi-motors.com",
        "headquarters": L("Tokyo, Japan", "Tokyo, Japon", "Tokyo, Giappone"),
        "tagline": L(
            "Japanese carmaker and the third member of the Alliance",
            "Constructeur japonais et troisième membre de l'Alliance",
            "Costruttore giapponese e terzo membro dell'Alleanza",
        ),
        "description": L(
            "<p>Mitsubishi Motors is the third partner in the Alliance with Renault and Nissan. A "
            "few years before the new agreements of 2023, it had considered leaving Europe "
            "altogether.</p>"
            "<p>In November 2023 it planned to sell two Renault models in Europe under its own "
            "badge, the Clio and the Captur, and to have an electric car built in a Renault "
            "factory. In 2023 it also announced that it intended to invest up to €200 million in "
            "Ampere.</p>",
            "<p>Mitsubishi Motors est le troisième partenaire de l'Alliance avec Renault et "
            "Nissan. Quelques années avant les nouveaux accords de 2023, la marque avait envisagé "
            "de quitter complètement l'Europe.</p>"
            "<p>En novembre 2023, elle prévoyait de vendre en Europe sous son propre logo deux "
            "modèles Renault, la Clio et le Captur, et de faire fabriquer une voiture électrique "
            "dans une usine Renault. En 2023, elle avait aussi annoncé son intention d'investir "
            "jusqu'à 200 millions d'euros dans Ampere.</p>",
            "<p>Mitsubishi Motors è il terzo partner dell'Alleanza insieme a Renault e Nissan. "
            "Pochi anni prima dei nuovi accordi del 2023 aveva pensato di abbandonare del tutto "
            "l'Europa.</p>"
            "<p>Nel novembre 2023 prevedeva di vendere in Europa con il proprio marchio due "
            "modelli Renault, la Clio e la Captur, e di far costruire un'auto elettrica in una "
            "fabbrica Renault. Nel 2023 aveva anche annunciato l'intenzione di investire in Ampere "
            "fino a 200 milioni di euro.</p>",
        ),
        "logo": {"mark": "MM", "shape": "circle", "colour": "red", "ink": "white"},
    },
    {
        "name": "Renault–Nissan–Mitsubishi Alliance",
        "slug": L(
            "renault-nissan-mitsubishi-alliance",
            "alliance-renault-nissan-mitsubishi",
            "alleanza-renault-nissan-mitsubishi",
        ),
        "kind": "partner",
        "parent": None,
        "founded_year": None,
        "website": "",
        "headquarters": L("France and Japan", "France et Japon", "Francia e Giappone"),
        "tagline": L(
            "Renault, Nissan and Mitsubishi Motors: a partnership redrawn in 2023",
            "Renault, Nissan et Mitsubishi Motors : un partenariat redessiné en 2023",
            "Renault, Nissan e Mitsubishi Motors: una partnership ridisegnata nel 2023",
        ),
        "description": L(
            "<p>The Alliance ties Renault to its Japanese partners Nissan and Mitsubishi Motors. "
            "After the Ghosn affair and years of strained relations, the three agreed on a new "
            "deal, announced in London in February 2023. The authorities approved it on 6 November "
            "2023, the day on which, according to an internal message to Renault staff reported by "
            "the trade press, the former Renault-Nissan Alliance stopped; the new agreements took "
            "effect on 8 November 2023. Shared IT systems were switched off, pooled know-how was "
            "taken apart, and from then on each company went its own way on the market, a "
            'relationship that the trade press of the time likened to a couple "living apart '
            'together".</p>'
            "<p>In November 2023 joint projects remained possible, in India and Latin America for "
            "instance, but each needed the approval of the Alliance operating board, chaired by "
            "Jean-Dominique Senard.</p>",
            "<p>L'Alliance relie Renault à ses partenaires japonais Nissan et Mitsubishi Motors. "
            "Après l'affaire Ghosn et des années de relations tendues, les trois entreprises ont "
            "conclu un nouvel accord, annoncé à Londres en février 2023. Les autorités l'ont "
            "approuvé le 6 novembre 2023, jour où, selon un message interne adressé aux salariés "
            "de Renault et rapporté par la presse spécialisée, l'ancienne Alliance Renault-Nissan "
            "s'est arrêtée ; les nouveaux accords sont entrés en vigueur le 8 novembre 2023. Les "
            "systèmes informatiques communs ont été coupés, le savoir-faire mis en commun a été "
            "démantelé, et chacun a dès lors suivi sa propre route sur le marché : la presse "
            "spécialisée de l'époque y voyait un couple « vivant ensemble, chacun chez soi » "
            "(living apart together).</p>"
            "<p>En novembre 2023, des projets communs restaient possibles, par exemple en Inde ou "
            "en Amérique latine, mais chacun devait recevoir le feu vert du conseil opérationnel "
            "de l'Alliance, présidé par Jean-Dominique Senard.</p>",
            "<p>L'Alleanza lega Renault ai partner giapponesi Nissan e Mitsubishi Motors. Dopo il "
            "caso Ghosn e anni di rapporti tesi, le tre aziende hanno firmato un nuovo accordo, "
            "annunciato a Londra nel febbraio 2023. Le autorità lo hanno approvato il 6 novembre "
            "2023, giorno in cui, secondo un messaggio interno ai dipendenti Renault riportato "
            "dalla stampa di settore, la vecchia Alleanza Renault-Nissan si è fermata; i nuovi "
            "accordi sono entrati in vigore l'8 novembre 2023. I sistemi informatici comuni sono "
            "stati spenti, il know-how condiviso è stato smantellato e da allora ciascuno ha "
            "seguito la propria strada sul mercato: la stampa di settore dell'epoca parlava di una "
            "coppia che vive insieme, ma ognuno a casa propria (living apart together).</p>"
            "<p>Nel novembre 2023 i progetti comuni restavano possibili, ad esempio in India o in "
            "America Latina, ma ognuno doveva ottenere il via libera del consiglio operativo "
            "dell'Alleanza, presieduto da Jean-Dominique Senard.</p>",
        ),
        "logo": {"mark": "RNM", "shape": "circle", "colour": "navy", "ink": "white"},
    },
    {
        "name": "Elephant",
        "slug": same("elephant"),
        "kind": "producer",
        "parent": None,
        "founded_year": None,
        "website": "",
        "headquarters": L("France", "France", "Francia"),
        "tagline": L(
            "Production company of Anatomy of a Comeback, with Breath Film",
            "Société de production d'Anatomie d'un come-back, avec Breath Film",
            "Casa di produzione di Anatomia di un come-back, con Breath Film",
        ),
        "description": L(
            "<p>Elephant is the production company whose label, Breath Film, produced the "
            "docuseries <em>Anatomy of a Comeback</em> for Prime Video.</p>"
            "<p>Its crews spent two years inside Renault Group, filming even in meetings "
            "that are normally kept behind closed doors, while trying to stay out of the "
            "way of the people at work.</p>",
            "<p>Elephant est la société de production dont le label, Breath Film, a produit la "
            "série documentaire <em>Anatomie d'un come-back</em> pour Prime Video.</p>"
            "<p>Ses équipes ont passé deux ans au sein du groupe Renault, filmant jusque "
            "dans des réunions qui se tiennent d'ordinaire à huis clos, tout en s'efforçant "
            "de ne pas gêner le travail des équipes.</p>",
            "<p>Elephant è la casa di produzione la cui etichetta, Breath Film, ha prodotto la "
            "docuserie <em>Anatomia di un come-back</em> per Prime Video.</p>"
            "<p>Le sue troupe hanno trascorso due anni dentro Renault Group, riprendendo "
            "perfino riunioni che di solito si svolgono a porte chiuse, cercando al tempo "
            "stesso di non intralciare il lavoro di nessuno.</p>",
        ),
        "logo": {"mark": "E", "shape": "square", "colour": "purple", "ink": "white"},
    },
    {
        "name": "Breath Film",
        "slug": same("breath-film"),
        "kind": "producer",
        "parent": "elephant",
        "founded_year": None,
        "website": "",
        "headquarters": L("France", "France", "Francia"),
        "tagline": L(
            "The Elephant label that produced Anatomy of a Comeback",
            "Le label d'Elephant qui a produit Anatomie d'un come-back",
            "L'etichetta di Elephant che ha prodotto Anatomia di un come-back",
        ),
        "description": L(
            "<p>Breath Film, part of Elephant, produced <em>Anatomy of a Comeback</em>, the "
            "four-part docuseries about Renault Group released on Prime Video on 13 "
            "December 2024.</p>"
            "<p>Over two years of shooting, its cameras followed Luca de Meo and his teams "
            "into boardrooms, factories, test sites and the Formula 1 paddock, mixing "
            "unseen footage, interviews and looks back at famous Renault models.</p>",
            "<p>Breath Film, qui fait partie d'Elephant, a produit <em>Anatomie d'un "
            "come-back</em>, la série documentaire en quatre épisodes consacrée au groupe "
            "Renault et mise en ligne sur Prime Video le 13 décembre 2024.</p>"
            "<p>Pendant deux ans de tournage, ses caméras ont suivi Luca de Meo et ses "
            "équipes en salle de réunion, dans les usines, sur les sites d'essais et dans le "
            "paddock de Formule 1, en mêlant images inédites, entretiens et retours sur des "
            "modèles Renault célèbres.</p>",
            "<p>Breath Film, parte di Elephant, ha prodotto <em>Anatomia di un "
            "come-back</em>, la docuserie in quattro episodi dedicata a Renault Group e "
            "uscita su Prime Video il 13 dicembre 2024.</p>"
            "<p>In due anni di riprese, le sue telecamere hanno seguito Luca de Meo e i suoi "
            "collaboratori nelle sale riunioni, nelle fabbriche, nei centri prove e nel "
            "paddock della Formula 1, alternando immagini inedite, interviste e tuffi nel "
            "passato dei modelli Renault più celebri.</p>",
        ),
        "logo": {"mark": "BF", "shape": "square", "colour": "orange", "ink": "white"},
    },
    {
        "name": "Amazon",
        "slug": same("amazon"),
        "kind": "group",
        "parent": None,
        "founded_year": None,
        "website": "https://www.amazon.com",
        "headquarters": L("Seattle, United States", "Seattle, États-Unis", "Seattle, Stati Uniti"),
        "tagline": L(
            "The American group behind the Prime Video streaming service",
            "Le groupe américain à qui appartient le service de streaming Prime Video",
            "Il gruppo americano a cui fa capo il servizio di streaming Prime Video",
        ),
        "description": L(
            "<p>Amazon is the American group that runs Prime Video, the streaming service "
            "on which <em>Anatomy of a Comeback</em> was released in December 2024.</p>",
            "<p>Amazon est le groupe américain qui exploite Prime Video, le service de "
            "streaming sur lequel <em>Anatomie d'un come-back</em> est sortie en décembre "
            "2024.</p>",
            "<p>Amazon è il gruppo americano che gestisce Prime Video, il servizio di "
            "streaming su cui <em>Anatomia di un come-back</em> è uscita nel dicembre "
            "2024.</p>",
        ),
        "logo": {"mark": "AMZ", "shape": "square", "colour": "black", "ink": "white"},
    },
    {
        "name": "Prime Video",
        "slug": same("prime-video"),
        "kind": "broadcaster",
        "parent": "amazon",
        "founded_year": None,
        "website": "https://www.primevideo.com",
        "headquarters": L("United States", "États-Unis", "Stati Uniti"),
        "tagline": L(
            "Amazon's streaming service, home of Anatomy of a Comeback",
            "Le service de streaming d'Amazon, où l'on peut voir Anatomie d'un come-back",
            "Il servizio di streaming di Amazon, dove si può vedere Anatomia di un come-back",
        ),
        "description": L(
            "<p>Prime Video is Amazon's streaming service. Since 13 December 2024 it has "
            "carried all four episodes of <em>Anatomy of a Comeback</em>, the exclusive "
            "docuseries about the transformation of Renault Group.</p>",
            "<p>Prime Video est le service de streaming d'Amazon. Depuis le 13 décembre "
            "2024, il propose les quatre épisodes d'<em>Anatomie d'un come-back</em>, la "
            "série documentaire exclusive sur la transformation du groupe Renault.</p>",
            "<p>Prime Video è il servizio di streaming di Amazon. Dal 13 dicembre 2024 offre "
            "tutti e quattro gli episodi di <em>Anatomia di un come-back</em>, la docuserie "
            "in esclusiva sulla trasformazione di Renault Group.</p>",
        ),
        "logo": {"mark": "PV", "shape": "square", "colour": "blue", "ink": "white"},
    },
    {
        "name": "Numerama",
        "slug": same("numerama"),
        "kind": "media",
        "parent": None,
        "founded_year": None,
        "website": "https://www.numerama.com",
        "headquarters": L("France", "France", "Francia"),
        "tagline": L(
            "French news site on technology and the mobility of tomorrow",
            "Site d'information français sur la technologie et la mobilité de demain",
            "Sito d'informazione francese su tecnologia e mobilità del futuro",
        ),
        "description": L(
            "<p>Numerama is a French news site that covers technology and new forms of "
            "mobility, from electric cars to electric bikes.</p>"
            "<p>Its team saw the first episode of <em>Anatomy of a Comeback</em> at a "
            "preview screening ahead of the release, and reported Luca de Meo joking that "
            "he half expected to find a film crew in his shower.</p>",
            "<p>Numerama est un site d'information français consacré à la technologie et "
            "aux nouvelles mobilités, de la voiture électrique au vélo à assistance "
            "électrique.</p>"
            "<p>Sa rédaction a découvert le premier épisode d'<em>Anatomie d'un "
            "come-back</em> lors d'une projection en avant-première, et a rapporté la "
            "plaisanterie de Luca de Meo, qui redoutait presque de voir un jour l'équipe de "
            "tournage surgir dans sa douche.</p>",
            "<p>Numerama è un sito d'informazione francese che si occupa di tecnologia e di "
            "nuove forme di mobilità, dall'auto elettrica alla bici a pedalata "
            "assistita.</p>"
            "<p>La sua redazione ha visto il primo episodio di <em>Anatomia di un "
            "come-back</em> in anteprima e ha riportato la battuta di Luca de Meo, che quasi "
            "si aspettava di trovare la troupe perfino sotto la doccia.</p>",
        ),
        "logo": {"mark": "N", "shape": "square", "colour": "red", "ink": "white"},
    },
    {
        "name": "informazione.it",
        "slug": same("informazione-it"),
        "kind": "media",
        "parent": None,
        "founded_year": None,
        "website": "https://www.informazione.it",
        "headquarters": L("Italy", "Italie", "Italia"),
        "tagline": L(
            "Italian website publishing press releases by sector",
            "Site italien qui publie des communiqués de presse par secteur",
            "Sito italiano che pubblica comunicati stampa suddivisi per settore",
        ),
        "description": L(
            "<p>informazione.it is an Italian website that publishes press releases, sorted "
            "by sector.</p>"
            "<p>Its industry section carried a release on Luca de Meo's decision to build "
            "electric cars in the north of France through Ampere, rather than moving "
            "production out of Europe to cut costs.</p>",
            "<p>informazione.it est un site italien qui publie des communiqués de presse "
            "classés par secteur.</p>"
            "<p>Sa rubrique industrie a relayé un communiqué sur le choix de Luca de Meo de "
            "produire des voitures électriques dans le nord de la France avec Ampere, "
            "plutôt que de délocaliser hors d'Europe pour réduire les coûts.</p>",
            "<p>informazione.it è un sito italiano che pubblica comunicati stampa ordinati "
            "per settore.</p>"
            "<p>La sua sezione dedicata all'industria ha diffuso un comunicato sulla scelta "
            "di Luca de Meo di costruire auto elettriche nel nord della Francia con Ampere, "
            "invece di spostare la produzione fuori dall'Europa per risparmiare.</p>",
        ),
        "logo": {"mark": "i.it", "shape": "square", "colour": "green", "ink": "white"},
    },
    {
        # The press office that signed the Italian release of seed 003; the
        # release names its contact and an e-mail address, nothing more.
        "name": "Pressereleaseldm",
        "slug": same("pressreleaseldm"),
        "kind": "press_office",
        "parent": None,
        "founded_year": None,
        "website": "",
        "headquarters": L("Not stated", "Non indiqué", "Non indicata"),
        "tagline": L(
            "Press office behind Italian releases about Luca de Meo",
            "Bureau de presse à l'origine de communiqués italiens sur Luca de Meo",
            "Ufficio stampa autore di comunicati in italiano su Luca de Meo",
        ),
        "description": L(
            "<p>Pressereleaseldm is a press office that put out releases about Luca de Meo "
            "and Renault Group through informazione.it, the Italian website that publishes "
            "press releases by sector.</p>"
            "<p>Its releases give Franco Nottiani as the contact for journalists.</p>",
            "<p>Pressereleaseldm est un bureau de presse qui a diffusé des communiqués sur "
            "Luca de Meo et le groupe Renault par l'intermédiaire d'informazione.it, le site "
            "italien qui publie des communiqués de presse par secteur.</p>"
            "<p>Ses communiqués indiquent Franco Nottiani comme contact pour les "
            "journalistes.</p>",
            "<p>Pressereleaseldm è un ufficio stampa che ha diffuso comunicati su Luca de Meo "
            "e su Renault Group attraverso informazione.it, il sito italiano che pubblica "
            "comunicati stampa divisi per settore.</p>"
            "<p>Nei suoi comunicati il referente per i giornalisti è Franco Nottiani.</p>",
        ),
        "logo": {"mark": "PR", "shape": "square", "colour": "navy", "ink": "white"},
    },
]


# People -------------------------------------------------------------------------

CEO = L("Chief Executive Officer", "Directeur général", "Amministratore delegato")

# Luca de Meo's last day as chief executive of Renault Group and of Ampere.
LUCA_DE_MEO_LEFT = datetime.date(2025, 7, 15)

PEOPLE = [
    {
        "name": "Luca de Meo",
        "slug": same("luca-de-meo"),
        "headline": L(
            "Chief Executive Officer of Renault Group from 2020 to 2025",
            "Directeur général du groupe Renault de 2020 à 2025",
            "Amministratore delegato di Renault Group dal 2020 al 2025",
        ),
        "biography": L(
            "<p>Luca de Meo took over as chief executive of Renault Group in July 2020, "
            "called in by Jean-Dominique Senard when the group was on the verge of "
            "collapse. In January 2021 he launched the Renaulution, a plan that takes "
            "Renault, Dacia and Alpine electric, scales production back, rejuvenates the "
            "range and brings cult models such as the Renault 5 back to life.</p>"
            "<p>From 1 November 2023 he also led Ampere, the group's company for electric "
            "vehicles and software. Where many carmakers moved production out of Europe to "
            "save money, he chose to invest in the north of France, where the ElectriCity "
            "plants build the group's electric cars.</p>"
            "<p>For two years he let the cameras of <em>Anatomy of a Comeback</em> follow him "
            "almost everywhere, and joked at the preview that he feared finding them in his "
            "shower one day. He stepped down in July 2025, and François Provost succeeded "
            "him.</p>",
            "<p>Luca de Meo a pris la direction générale du groupe Renault en juillet 2020, "
            "appelé par Jean-Dominique Senard alors que le groupe était au bord de "
            "l'effondrement. En janvier 2021, il a lancé la Renaulution, un plan qui fait "
            "passer Renault, Dacia et Alpine à l'électrique, revoit la production à la "
            "baisse, rajeunit la gamme et fait renaître des modèles cultes comme la Renault "
            "5.</p>"
            "<p>À partir du 1er novembre 2023, il a aussi dirigé Ampere, l'entreprise du "
            "groupe consacrée aux véhicules électriques et au logiciel. Là où de nombreux "
            "constructeurs délocalisaient hors d'Europe pour économiser, il a choisi "
            "d'investir dans le nord de la France, où les usines d'ElectriCity fabriquent "
            "les voitures électriques du groupe.</p>"
            "<p>Pendant deux ans, il a laissé les caméras d'<em>Anatomie d'un come-back</em> "
            "le suivre presque partout, et a plaisanté lors de l'avant-première en disant "
            "qu'il craignait de les trouver un jour dans sa douche. Il a quitté ses fonctions "
            "en juillet 2025, et François Provost lui a succédé.</p>",
            "<p>Luca de Meo è diventato amministratore delegato di Renault Group nel luglio "
            "2020, chiamato da Jean-Dominique Senard quando il gruppo era sul punto di "
            "crollare. Nel gennaio 2021 ha lanciato la Renaulution, un piano che porta "
            "Renault, Dacia e Alpine verso l'elettrico, ridimensiona la produzione, "
            "ringiovanisce la gamma e fa rinascere modelli di culto come la Renault 5.</p>"
            "<p>Dal 1° novembre 2023 ha guidato anche Ampere, la società del gruppo dedicata "
            "ai veicoli elettrici e al software. Mentre molti costruttori spostavano la "
            "produzione fuori dall'Europa per risparmiare, lui ha scelto di investire nel "
            "nord della Francia, dove gli stabilimenti di ElectriCity costruiscono le auto "
            "elettriche del gruppo.</p>"
            "<p>Per due anni ha lasciato che le telecamere di <em>Anatomia di un "
            "come-back</em> lo seguissero quasi ovunque, e all'anteprima ha scherzato "
            "dicendo di temere di ritrovarsele un giorno sotto la doccia. Ha lasciato "
            "l'incarico nel luglio 2025, e François Provost gli è succeduto.</p>",
        ),
        "portrait": {"initials": "LM", "colour": "navy"},
        "positions": [
            {
                "company": "renault-group",
                "title": CEO,
                "start_date": datetime.date(2020, 7, 1),
                "end_date": LUCA_DE_MEO_LEFT,
            },
            {
                "company": "ampere",
                "title": CEO,
                "start_date": datetime.date(2023, 11, 1),
                "end_date": LUCA_DE_MEO_LEFT,
            },
        ],
    },
    {
        "name": "Jean-Dominique Senard",
        "slug": same("jean-dominique-senard"),
        "headline": L(
            "Chairman of the Board of Renault Group",
            "Président du conseil d'administration du groupe Renault",
            "Presidente del consiglio di amministrazione di Renault Group",
        ),
        "biography": L(
            "<p>Jean-Dominique Senard has chaired the board of directors of Renault Group "
            "since 2019. In the turmoil that followed the arrest of Carlos Ghosn, he was the "
            "one who turned to Luca de Meo in 2020 to lead the group's recovery.</p>"
            "<p>In November 2023 he also presided over the Alliance operating board, which decided "
            "which joint projects between Renault, Nissan and Mitsubishi Motors could go ahead. In "
            "the last episode of <em>Anatomy of a Comeback</em> he and Luca de Meo plead the cause "
            "of the European car industry with political leaders.</p>",
            "<p>Jean-Dominique Senard préside le conseil d'administration du groupe Renault "
            "depuis 2019. Dans la tourmente qui a suivi l'arrestation de Carlos Ghosn, c'est "
            "lui qui a fait appel à Luca de Meo en 2020 pour conduire le redressement du "
            "groupe.</p>"
            "<p>En novembre 2023, il présidait aussi le conseil opérationnel de l'Alliance, qui "
            "décidait quels projets communs à Renault, Nissan et Mitsubishi Motors pouvaient voir "
            "le jour. Dans le dernier épisode d'<em>Anatomie d'un come-back</em>, Luca de Meo et "
            "lui plaident la cause de l'industrie automobile européenne auprès des responsables "
            "politiques.</p>",
            "<p>Jean-Dominique Senard presiede il consiglio di amministrazione di Renault "
            "Group dal 2019. Nella bufera seguita all'arresto di Carlos Ghosn, è stato lui a "
            "rivolgersi a Luca de Meo nel 2020 per guidare la ripresa del gruppo.</p>"
            "<p>Nel novembre 2023 presiedeva anche il consiglio operativo dell'Alleanza, che "
            "stabiliva quali progetti comuni tra Renault, Nissan e Mitsubishi Motors potessero "
            "andare avanti. Nell'ultimo episodio di <em>Anatomia di un come-back</em>, lui e Luca "
            "de Meo difendono le ragioni dell'industria automobilistica europea presso i "
            "responsabili politici.</p>",
        ),
        "portrait": {"initials": "JDS", "colour": "teal"},
        "positions": [
            {
                "company": "renault-group",
                "title": L(
                    "Chairman of the Board",
                    "Président du conseil d'administration",
                    "Presidente del consiglio di amministrazione",
                ),
                "start_date": datetime.date(2019, 1, 1),
                "end_date": None,
            },
            {
                "company": "renault-nissan-mitsubishi-alliance",
                "title": L(
                    "Chairman of the Alliance Operating Board",
                    "Président du conseil opérationnel de l'Alliance",
                    "Presidente del consiglio operativo dell'Alleanza",
                ),
                "start_date": datetime.date(2019, 1, 1),
                "end_date": None,
            },
        ],
    },
    {
        "name": "Carlos Ghosn",
        "slug": same("carlos-ghosn"),
        "headline": L(
            "Former chairman and chief executive of Renault",
            "Ancien président-directeur général de Renault",
            "Ex presidente e amministratore delegato di Renault",
        ),
        "biography": L(
            "<p>Carlos Ghosn ran Renault for many years and was long the central figure of "
            "its Alliance with Nissan. His arrest in 2018 set off a scandal that threw the "
            "group into disarray.</p>"
            "<p>That crisis is where <em>Anatomy of a Comeback</em> begins: the first "
            "episode goes back over the scandal and the confusion that followed it.</p>",
            "<p>Carlos Ghosn a dirigé Renault pendant de longues années et a longtemps été "
            "la figure centrale de son Alliance avec Nissan. Son arrestation, en 2018, a "
            "déclenché un scandale qui a plongé le groupe dans le désarroi.</p>"
            "<p>C'est de cette crise que part <em>Anatomie d'un come-back</em> : le premier "
            "épisode revient sur le scandale et la confusion qui l'a suivi.</p>",
            "<p>Carlos Ghosn ha guidato Renault per molti anni ed è stato a lungo la figura "
            "centrale della sua Alleanza con Nissan. Il suo arresto, nel 2018, ha innescato "
            "uno scandalo che ha gettato il gruppo nello scompiglio.</p>"
            "<p>È da quella crisi che parte <em>Anatomia di un come-back</em>: il primo "
            "episodio ripercorre lo scandalo e la confusione che ne è seguita.</p>",
        ),
        "portrait": {"initials": "CG", "colour": "grey"},
        "positions": [
            {
                "company": "renault-group",
                "title": L(
                    "Chief Executive Officer, then Chairman and CEO",
                    "Directeur général, puis président-directeur général",
                    "Amministratore delegato, poi presidente e amministratore delegato",
                ),
                "start_date": datetime.date(2005, 1, 1),
                "end_date": datetime.date(2019, 1, 1),
            },
        ],
    },
    {
        "name": "Laurent Rossi",
        "slug": same("laurent-rossi"),
        "headline": L(
            "Chief Executive Officer of Alpine from 2021 to 2023",
            "Directeur général d'Alpine de 2021 à 2023",
            "Amministratore delegato di Alpine dal 2021 al 2023",
        ),
        "biography": L(
            "<p>Laurent Rossi became chief executive of Alpine in January 2021, as the "
            "Renaulution made it the group's brand for sports cars and electric performance. "
            "His remit covered both the road cars and the Alpine F1 Team.</p>"
            "<p>His term falls within the years covered by <em>Anatomy of a Comeback</em>, "
            "which shows the team's struggles in Formula 1; in that period the team also won "
            "the 2021 Hungarian Grand Prix with Esteban Ocon. In July 2023 he handed the "
            "leadership of Alpine over to Philippe Krief and moved to special projects "
            "linked to the group's transformation.</p>",
            "<p>Laurent Rossi est devenu directeur général d'Alpine en janvier 2021, au "
            "moment où la Renaulution faisait d'elle la marque du groupe dédiée aux voitures "
            "de sport et à la performance électrique. Son périmètre couvrait à la fois les "
            "voitures de route et l'écurie Alpine F1.</p>"
            "<p>Son mandat s'inscrit dans les années que couvre <em>Anatomie d'un "
            "come-back</em>, qui montre les difficultés de l'écurie en Formule 1 ; pendant "
            "cette période, l'écurie a aussi remporté le Grand Prix de Hongrie 2021 avec "
            "Esteban Ocon. En juillet 2023, il a cédé la direction d'Alpine à Philippe Krief "
            "et s'est consacré à des projets spéciaux liés à la transformation du "
            "groupe.</p>",
            "<p>Laurent Rossi è diventato amministratore delegato di Alpine nel gennaio 2021, "
            "quando la Renaulution ne ha fatto il marchio del gruppo dedicato alle auto "
            "sportive e alle prestazioni elettriche. La sua responsabilità comprendeva sia le "
            "auto stradali sia la scuderia Alpine F1.</p>"
            "<p>Il suo mandato rientra negli anni raccontati da <em>Anatomia di un "
            "come-back</em>, che mostra le difficoltà della scuderia in Formula 1; in quel "
            "periodo la squadra ha anche vinto il Gran Premio d'Ungheria 2021 con Esteban "
            "Ocon. Nel luglio 2023 ha lasciato la guida di Alpine a Philippe Krief e si è "
            "dedicato a progetti speciali legati alla trasformazione del gruppo.</p>",
        ),
        "portrait": {"initials": "LR", "colour": "blue"},
        "positions": [
            {
                "company": "alpine",
                "title": CEO,
                "start_date": datetime.date(2021, 1, 1),
                # Philippe Krief took over from 20 July 2023.
                "end_date": datetime.date(2023, 7, 20),
            },
        ],
    },
    {
        "name": "François Provost",
        "slug": same("francois-provost"),
        "headline": L(
            "Chief Executive Officer of Renault Group since July 2025",
            "Directeur général du groupe Renault depuis juillet 2025",
            "Amministratore delegato di Renault Group dal luglio 2025",
        ),
        "biography": L(
            "<p>François Provost joined Renault in 2002, after starting his career in the "
            "French civil service, and has spent more than twenty years in the group. He ran "
            "several of its operations abroad, among them Renault Samsung Motors in South "
            "Korea, and from 2023 he was in charge of procurement, partnerships and public "
            "affairs.</p>"
            "<p>Since 31 July 2025 he has been chief executive officer of Renault Group, "
            "appointed by the board chaired by Jean-Dominique Senard to succeed Luca de Meo, "
            "who left in mid-July. His tenure began after <em>Anatomy of a Comeback</em> was "
            "filmed and is not part of the series.</p>",
            "<p>François Provost est entré chez Renault en 2002, après un début de carrière "
            "dans la haute fonction publique, et a passé plus de vingt ans au sein du groupe. "
            "Il y a dirigé plusieurs activités à l'étranger, dont Renault Samsung Motors en "
            "Corée du Sud, puis a pris en charge, à partir de 2023, les achats, les "
            "partenariats et les affaires publiques.</p>"
            "<p>Depuis le 31 juillet 2025, il est directeur général du groupe Renault, nommé "
            "par le conseil d'administration que préside Jean-Dominique Senard pour succéder "
            "à Luca de Meo, parti à la mi-juillet. Son mandat a commencé après le tournage "
            "d'<em>Anatomie d'un come-back</em> et n'apparaît pas dans la série.</p>",
            "<p>François Provost è entrato in Renault nel 2002, dopo aver iniziato la "
            "carriera nell'alta amministrazione pubblica francese, e ha trascorso più di "
            "vent'anni nel gruppo. Ha guidato diverse attività all'estero, tra cui Renault "
            "Samsung Motors in Corea del Sud, e dal 2023 è stato responsabile di acquisti, "
            "partnership e affari pubblici.</p>"
            "<p>Dal 31 luglio 2025 è amministratore delegato di Renault Group, nominato dal "
            "consiglio di amministrazione presieduto da Jean-Dominique Senard per succedere a "
            "Luca de Meo, uscito a metà luglio. Il suo mandato è cominciato dopo le riprese "
            "di <em>Anatomia di un come-back</em> e non fa parte della serie.</p>",
        ),
        "portrait": {"initials": "FP", "colour": "purple"},
        "positions": [
            {
                "company": "renault-group",
                "title": CEO,
                # Appointed by the board for four years, effective 31 July 2025.
                "start_date": datetime.date(2025, 7, 31),
                "end_date": None,
            },
        ],
    },
]


# The series and its episodes ------------------------------------------------------

# Where the series can be watched (seed 000); press releases link to it too.
PRIME_VIDEO_PAGE = "https://www.primevideo.com/-/it/detail/0N72ADUR7LQ9WG35KJGC4SPB6S"

SERIES = {
    "title": L("Anatomy of a Comeback", "Anatomie d'un come-back", "Anatomia di un come-back"),
    "tagline": L(
        "Two years of filming inside Renault Group's turnaround",
        "Deux ans de tournage au cœur du redressement du groupe Renault",
        "Due anni di riprese dentro la rinascita di Renault Group",
    ),
    "synopsis": L(
        "<p>In early 2020 Renault Group was in deep trouble: the arrest of Carlos Ghosn in "
        "2018 had left the company in turmoil, and its losses kept growing. <em>Anatomy of "
        "a Comeback</em> tells what happened next, from Jean-Dominique Senard's call to "
        "Luca de Meo to the strategic plan the new chief executive named the "
        "Renaulution.</p>"
        "<p>Shot over two years, the four episodes of about forty minutes each go where "
        "cameras rarely do: meetings that are normally confidential, design studios, test "
        "sites, the factories of northern France that became ElectriCity, and the "
        "Formula 1 paddock with the Alpine team. The setbacks are shown as well as the "
        "wins, from the withdrawal from Russia to the return to profit and the Scenic "
        "E-Tech Electric's title of Car of the Year 2024.</p>"
        "<p>The production companies Breath Film and Elephant produced the docuseries, which "
        "Prime Video released on 13 December 2024.</p>",
        "<p>Début 2020, le groupe Renault est en grande difficulté : l'arrestation de "
        "Carlos Ghosn en 2018 a plongé l'entreprise dans la tourmente et les pertes ne "
        "cessent de se creuser. <em>Anatomie d'un come-back</em> raconte la suite, depuis "
        "l'appel de Jean-Dominique Senard à Luca de Meo jusqu'au plan stratégique que le "
        "nouveau directeur général a baptisé Renaulution.</p>"
        "<p>Tournés pendant deux ans, les quatre épisodes d'une quarantaine de minutes "
        "vont là où les caméras entrent rarement : des réunions d'ordinaire "
        "confidentielles, les studios de design, les sites d'essais, les usines du nord "
        "de la France devenues ElectriCity et le paddock de Formule 1 avec l'écurie "
        "Alpine. Les revers y ont leur place à côté des victoires, du retrait de Russie "
        "au retour aux bénéfices, en passant par le titre de Voiture de l'année 2024 "
        "décroché par le Scenic E-Tech Electric.</p>"
        "<p>Ce sont les sociétés de production Breath Film et Elephant qui signent la "
        "série, mise en ligne par Prime Video le 13 décembre 2024.</p>",
        "<p>All'inizio del 2020 Renault Group è in grave difficoltà: l'arresto di Carlos "
        "Ghosn nel 2018 ha gettato l'azienda nel caos e le perdite continuano a crescere. "
        "<em>Anatomia di un come-back</em> racconta ciò che è accaduto dopo, dalla "
        "chiamata di Jean-Dominique Senard a Luca de Meo fino al piano strategico che il "
        "nuovo amministratore delegato ha chiamato Renaulution.</p>"
        "<p>Realizzati nell'arco di due anni, i quattro episodi di una quarantina di "
        "minuti l'uno arrivano dove le telecamere entrano di rado: riunioni normalmente "
        "riservate, centri stile, piste di prova, le fabbriche del nord della Francia "
        "trasformate in ElectriCity e il paddock della Formula 1 con la scuderia Alpine. "
        "Accanto ai successi trovano posto le sconfitte, dal ritiro dalla Russia al "
        "ritorno all'utile, fino al titolo di Auto dell'Anno 2024 conquistato dalla "
        "Scenic E-Tech Electric.</p>"
        "<p>Dietro la docuserie, uscita su Prime Video il 13 dicembre 2024, ci sono le "
        "case di produzione Breath Film ed Elephant.</p>",
    ),
    "reception": L(
        "<p>French reviewers took the series as a skilful piece of storytelling, and asked what it "
        "would change.</p>"
        "<p>A French business and marketing article found it polished and paced like a drama: "
        "footage never shown before, interviews to camera, fond looks back at the brand's famous "
        "models, brisk editing and cliffhangers that keep viewers waiting for the finale. In its "
        "reading the series casts [[person:luca-de-meo|Luca de Meo]] as the hero of the story, the "
        "man sent to save the company, and Renault bets on storytelling and immersive "
        "communication to show its transformation in the best light. It wondered whether a "
        "documentary, backed by marketing on a large budget, would be enough to set the carmaker "
        "back on course while the European car market was in crisis.</p>"
        "<p>[[company:numerama|Numerama]], which saw the first episode at a preview, stressed how "
        "seldom a company opens its doors like this: the cameras sit in on meetings that are "
        "normally confidential and reach test sites closed to outsiders. It judged the opening "
        "episode the least gripping, since it jumps from one brand to the next and loses track of "
        "time while it sets out the stakes, but said it held news even for those who follow the "
        "brand closely. It reported that Luca de Meo joked at the screening that he feared finding "
        "the crew in his shower one day, and noted that the series would also be used to unveil a "
        "new model.</p>",
        "<p>La critique française a vu dans la série un récit habilement construit, tout en se "
        "demandant ce qu'il changerait.</p>"
        "<p>Un article français consacré au marketing et à l'économie l'a trouvée soignée et "
        "rythmée comme une fiction : des images jamais montrées, des entretiens face à l'objectif, "
        "des regards nostalgiques sur les modèles célèbres de la marque, un montage nerveux et des "
        "fins d'épisode à suspense qui tiennent le public jusqu'au dénouement. À le lire, la série "
        "fait de [[person:luca-de-meo|Luca de Meo]] le héros de l'histoire, l'homme envoyé pour "
        "sauver l'entreprise, et Renault mise sur le storytelling et sur une communication "
        "immersive pour montrer sa transformation sous son meilleur jour. L'article se demandait "
        "si un documentaire, accompagné d'un marketing aux moyens considérables, suffirait à "
        "remettre le constructeur sur les rails alors que le marché automobile européen traversait "
        "une crise.</p>"
        "<p>[[company:numerama|Numerama]], qui a découvert le premier épisode en avant-première, a "
        "souligné la rareté d'une telle ouverture : les caméras assistent à des réunions "
        "d'ordinaire confidentielles et entrent sur des sites d'essais fermés au public. Le site a "
        "jugé ce premier épisode le moins captivant, parce qu'il saute d'une marque à l'autre et "
        "fait perdre le fil du temps pendant qu'il pose les enjeux, mais a reconnu qu'il apprenait "
        "du nouveau même à ceux qui suivent la marque de près. Il a rapporté que Luca de Meo avait "
        "plaisanté, lors de la projection, sur sa crainte de trouver un jour l'équipe de tournage "
        "dans sa douche, et relevé que la série servirait aussi à dévoiler un nouveau modèle.</p>",
        "<p>La critica francese ha accolto la serie come un racconto costruito con abilità, "
        "chiedendosi però che cosa avrebbe cambiato.</p>"
        "<p>Un articolo francese di marketing ed economia l'ha trovata curata e ritmata come una "
        "fiction: immagini mai viste prima, interviste davanti alla telecamera, sguardi nostalgici "
        "sui modelli celebri del marchio, un montaggio serrato e finali di puntata in sospeso che "
        "tengono il pubblico fino all'epilogo. A suo giudizio la serie fa di "
        "[[person:luca-de-meo|Luca de Meo]] l'eroe della storia, l'uomo mandato a salvare "
        "l'azienda, e Renault punta sullo storytelling e su una comunicazione immersiva per "
        "mostrare la propria trasformazione nella luce migliore. L'articolo si chiedeva se un "
        "documentario, sostenuto da un marketing dal budget imponente, sarebbe bastato a rimettere "
        "in carreggiata il costruttore mentre il mercato automobilistico europeo attraversava una "
        "crisi.</p>"
        "<p>[[company:numerama|Numerama]], che ha visto il primo episodio in anteprima, ha "
        "sottolineato quanto sia raro che un'azienda si apra così: le telecamere assistono a "
        "riunioni di solito riservate ed entrano in siti di prova chiusi agli estranei. Ha "
        "giudicato il primo episodio il meno avvincente, perché salta da un marchio all'altro e fa "
        "perdere il filo del tempo mentre pone le basi, ma ha riconosciuto che offre novità anche "
        "a chi segue il marchio da vicino. Ha riferito che Luca de Meo, alla proiezione, ha "
        "scherzato sul timore di ritrovarsi un giorno la troupe sotto la doccia, e ha notato che "
        "la serie sarebbe servita anche a svelare un nuovo modello.</p>",
    ),
    "premiere_date": datetime.date(2024, 12, 13),
    "platform": "prime-video",
    "watch_url": PRIME_VIDEO_PAGE,
    "subject": "renault-group",
    "producers": ["breath-film", "elephant"],
    "poster": {"background": "navy", "accent": "yellow", "rings": 5},
    "poster_filename": "anatomy-of-a-comeback.jpg",
}

RELEASE_DATE = datetime.date(2024, 12, 13)
RUNTIME_MINUTES = 40

EPISODES = [
    {
        "number": 1,
        "title": L("Revolution or Death", "Révolution ou la mort", "Rivoluzione o morte"),
        "slug": L("revolution-or-death", "revolution-ou-la-mort", "rivoluzione-o-morte"),
        "synopsis": L(
            "<p>The story opens in 2018, when the arrest of [[person:carlos-ghosn|Carlos Ghosn]] "
            "sets off a scandal that leaves [[company:renault-group|Renault Group]] without its "
            "long-time leader and in disarray. By 2020 the carmaker is close to the edge: its "
            "losses are piling up to record levels and its survival is in doubt. The chairman, "
            "[[person:jean-dominique-senard|Jean-Dominique Senard]], turns to "
            "[[person:luca-de-meo|Luca de Meo]], who becomes chief executive in July 2020.</p>"
            "<p>De Meo takes on the rescue. The episode follows how the teams rally: newcomers "
            "bring fresh thinking, others leave, and the way the company works is overhauled to "
            "make it leaner. His answer is called the Renaulution, a strategic plan presented in "
            "January 2021: cars that stand out, electric versions of [[company:renault|Renault]], "
            "[[company:dacia|Dacia]] and [[company:alpine|Alpine]], fewer cars built, a younger "
            "range and the comeback of models people remember, starting with an electric Renault "
            "5. The plan takes shape, but the state of the accounts puts it to the test from the "
            "start.</p>"
            "<p>Numerama, which saw this episode at a preview, found it busy laying out the "
            "stakes: it moves from one brand to another and blurs the timeline, yet it still told "
            "close followers of the group things they did not know.</p>",
            "<p>Tout part de 2018 : l'arrestation de [[person:carlos-ghosn|Carlos Ghosn]] "
            "déclenche un scandale qui prive [[company:renault-group|le groupe Renault]] de son "
            "patron historique et le plonge dans le désordre. En 2020, le constructeur est au bord "
            "du gouffre : ses pertes atteignent des records et sa survie n'est plus assurée. Le "
            "président du conseil d'administration, "
            "[[person:jean-dominique-senard|Jean-Dominique Senard]], fait appel à "
            "[[person:luca-de-meo|Luca de Meo]], qui devient directeur général en juillet 2020.</p>"
            "<p>Luca de Meo relève le défi du sauvetage. L'épisode montre comment les équipes se "
            "mobilisent : des recrues apportent un regard neuf, d'autres s'en vont, et "
            "l'organisation est revue pour travailler plus efficacement. Sa réponse s'appelle "
            "Renaulution, un plan stratégique présenté en janvier 2021 : des voitures qui se "
            "distinguent, des versions électriques chez [[company:renault|Renault]], "
            "[[company:dacia|Dacia]] et [[company:alpine|Alpine]], moins de véhicules produits, "
            "une gamme rajeunie et le retour de modèles restés dans les mémoires, à commencer par "
            "une Renault 5 électrique. Le plan prend corps, mais l'état des comptes le met "
            "d'emblée à l'épreuve.</p>"
            "<p>Numerama, qui a vu cet épisode en avant-première, l'a trouvé occupé à poser les "
            "enjeux : il passe d'une marque à l'autre et brouille la chronologie, mais il a malgré "
            "tout appris du nouveau à ceux qui suivent le groupe de près.</p>",
            "<p>Tutto comincia nel 2018, quando l'arresto di [[person:carlos-ghosn|Carlos Ghosn]] "
            "scatena uno scandalo che lascia [[company:renault-group|Renault Group]] senza il suo "
            "storico capo e nel caos. Nel 2020 il costruttore è sull'orlo del precipizio: le "
            "perdite toccano livelli record e la sua sopravvivenza è in dubbio. Il presidente, "
            "[[person:jean-dominique-senard|Jean-Dominique Senard]], si rivolge a "
            "[[person:luca-de-meo|Luca de Meo]], che diventa amministratore delegato nel luglio "
            "2020.</p>"
            "<p>De Meo accetta la sfida del salvataggio. L'episodio mostra come le squadre si "
            "mobilitano: arrivano persone nuove con idee fresche, altre se ne vanno, e "
            "l'organizzazione viene ripensata per lavorare in modo più efficiente. La sua risposta "
            "si chiama Renaulution, un piano strategico presentato nel gennaio 2021: auto che si "
            "distinguono, versioni elettriche per [[company:renault|Renault]], "
            "[[company:dacia|Dacia]] e [[company:alpine|Alpine]], meno vetture prodotte, una gamma "
            "più giovane e il ritorno di modelli rimasti nella memoria, a partire da una Renault 5 "
            "elettrica. Il piano prende corpo, ma lo stato dei conti lo mette subito alla "
            "prova.</p>"
            "<p>Numerama, che ha visto questo episodio in anteprima, lo ha trovato impegnato "
            "soprattutto a porre le basi: salta da un marchio all'altro e confonde la cronologia, "
            "ma ha comunque insegnato qualcosa di nuovo anche a chi segue da vicino il gruppo.</p>",
        ),
        "still": {"background": "red", "accent": "yellow"},
        "people": ["carlos-ghosn", "jean-dominique-senard", "luca-de-meo"],
        "companies": ["renault-group", "renault", "dacia", "alpine"],
    },
    {
        "number": 2,
        "title": L("Weathering the Storms", "Surmonter les tempêtes", "Superare le tempeste"),
        "slug": L("weathering-the-storms", "surmonter-les-tempetes", "superare-le-tempeste"),
        "synopsis": L(
            "<p>The second episode turns to the accounts. On 19 February 2021 "
            "[[company:renault-group|Renault Group]] reports a record net loss of €8.0 billion "
            "(group share) for 2020, €7.3 billion of it in the first half alone. "
            "[[person:luca-de-meo|Luca de Meo]] has to carry out his plan with very little room to "
            "spend.</p>"
            "<p>Help comes from [[company:dacia|Dacia]]: the budget brand widens its range, wins "
            "buyers and grows more competitive year after year. At the same time "
            "[[company:renault|Renault]] brings its factories in the north of France together as "
            "ElectriCity, a hub organised around the production of electric cars: a bet on "
            "building them in France rather than moving elsewhere.</p>"
            "<p>By 2022 the outlook seems brighter. Then Russia invades Ukraine, and Renault has "
            "to pull out of the Russian market, one of its largest, at a cost of billions of "
            "euros. As if that were not enough, the [[company:alpine-f1-team|Alpine F1 Team]] "
            "struggles in Formula 1, and its troubles threaten the image, and the strategy, that "
            "the group has built around the revival of Alpine.</p>",
            "<p>Le deuxième épisode se penche sur les comptes. Le 19 février 2021, "
            "[[company:renault-group|le groupe Renault]] annonce pour 2020 une perte nette record "
            "de 8,0 milliards d'euros (part du groupe), dont 7,3 milliards pour le seul premier "
            "semestre. [[person:luca-de-meo|Luca de Meo]] doit mener son plan avec une marge de "
            "manœuvre très étroite.</p>"
            "<p>Le salut vient de [[company:dacia|Dacia]] : la marque à petits prix élargit sa "
            "gamme, séduit de nouveaux clients et gagne en compétitivité d'année en année. Dans le "
            "même temps, [[company:renault|Renault]] regroupe ses usines du nord de la France sous "
            "le nom d'ElectriCity, un pôle organisé autour de la fabrication de voitures "
            "électriques : le pari de les produire en France plutôt que de partir ailleurs.</p>"
            "<p>En 2022, l'horizon semble s'éclaircir. Puis la Russie envahit l'Ukraine, et "
            "Renault doit quitter le marché russe, l'un de ses plus grands, au prix de plusieurs "
            "milliards d'euros. Comme si cela ne suffisait pas, l'[[company:alpine-f1-team|écurie "
            "Alpine F1]] peine en Formule 1, et ses difficultés menacent l'image, et la stratégie, "
            "que le groupe a bâties autour de la renaissance d'Alpine.</p>",
            "<p>Il secondo episodio guarda ai conti. Il 19 febbraio 2021 "
            "[[company:renault-group|Renault Group]] annuncia per il 2020 una perdita netta record "
            "di 8,0 miliardi di euro (quota di pertinenza del gruppo), di cui 7,3 miliardi nel "
            "solo primo semestre. [[person:luca-de-meo|Luca de Meo]] deve portare avanti il suo "
            "piano con margini strettissimi.</p>"
            "<p>L'aiuto arriva da [[company:dacia|Dacia]]: il marchio dai prezzi accessibili "
            "allarga la gamma, conquista clienti e diventa di anno in anno più competitivo. "
            "Intanto [[company:renault|Renault]] riunisce le sue fabbriche del nord della Francia "
            "sotto il nome di ElectriCity, un polo costruito attorno alla produzione di auto "
            "elettriche: la scommessa di costruirle in Francia invece di spostarsi altrove.</p>"
            "<p>Nel 2022 le prospettive sembrano migliorare. Poi la Russia invade l'Ucraina e "
            "Renault deve abbandonare il mercato russo, uno dei suoi più grandi, al prezzo di "
            "miliardi di euro. Come se non bastasse, l'[[company:alpine-f1-team|Alpine F1 Team]] "
            "arranca in Formula 1, e i suoi guai minacciano l'immagine, e la strategia, che il "
            "gruppo ha costruito sulla rinascita di Alpine.</p>",
        ),
        "still": {"background": "navy", "accent": "orange"},
        "people": ["luca-de-meo"],
        "companies": ["renault-group", "renault", "dacia", "alpine-f1-team"],
    },
    {
        "number": 3,
        "title": L("Fighting Spirit", "Esprit combatif", "Spirito combattivo"),
        "slug": L("fighting-spirit", "esprit-combatif", "spirito-combattivo"),
        "synopsis": L(
            "<p>[[person:luca-de-meo|Luca de Meo]] sets out to bring peace back to the "
            "[[company:alpine-f1-team|Alpine F1 Team]], torn between its French side, which builds "
            "the engines at Viry-Châtillon, and its English side, which designs the cars at "
            "Enstone. The two camps pull in different directions.</p>"
            "<p>In January 2024 the team is sent on an intensive course run by the GIGN, the elite "
            "intervention unit of the French gendarmerie, where its members learn to trust one "
            "another and to act as one.</p>"
            "<p>Alongside, [[company:alpine|Alpine]] aims high on two fronts: Formula 1, and "
            "endurance racing with the 24 Hours of Le Mans. [[company:renault|Renault]] prepares "
            "the return of the R5, meant to embody the brand's electric revival, and "
            "[[company:dacia|Dacia]] sets itself a new test with the Bigster, a bigger model than "
            "the cars the brand is known for, which takes it into a class above its usual one. The "
            "episode shows a group fighting on every front at once, torn between ambition and "
            "nerves.</p>",
            "<p>[[person:luca-de-meo|Luca de Meo]] entreprend de ramener le calme au sein de "
            "l'[[company:alpine-f1-team|écurie Alpine F1]], déchirée entre son équipe française, "
            "qui conçoit les moteurs à Viry-Châtillon, et son équipe anglaise, qui dessine les "
            "monoplaces à Enstone. Les deux camps tirent chacun de leur côté.</p>"
            "<p>En janvier 2024, l'écurie est envoyée en stage intensif auprès du GIGN, l'unité "
            "d'élite d'intervention de la Gendarmerie nationale, où ses membres apprennent à se "
            "faire confiance et à agir d'un seul bloc.</p>"
            "<p>En parallèle, [[company:alpine|Alpine]] vise haut sur deux fronts : la Formule 1 "
            "et l'endurance, avec les 24 Heures du Mans. [[company:renault|Renault]] prépare le "
            "retour de la R5, censée incarner le renouveau électrique de la marque, et "
            "[[company:dacia|Dacia]] se lance un nouveau défi avec le Bigster, un modèle plus "
            "grand que ceux dont la marque a l'habitude, qui la fait monter d'une catégorie. "
            "L'épisode montre un groupe qui se bat sur tous les fronts à la fois, entre ambition "
            "et nervosité.</p>",
            "<p>[[person:luca-de-meo|Luca de Meo]] si impegna a riportare la calma "
            "nell'[[company:alpine-f1-team|Alpine F1 Team]], diviso tra la parte francese, che "
            "progetta i motori a Viry-Châtillon, e quella inglese, che disegna le monoposto a "
            "Enstone. I due campi tirano ciascuno dalla propria parte.</p>"
            "<p>Nel gennaio 2024 la squadra viene mandata a un corso intensivo con il GIGN, il "
            "reparto d'élite d'intervento della Gendarmeria francese, dove i suoi membri imparano "
            "a fidarsi gli uni degli altri e ad agire come un blocco unico.</p>"
            "<p>Nello stesso tempo [[company:alpine|Alpine]] punta in alto su due fronti: la "
            "Formula 1 e l'endurance, con la 24 Ore di Le Mans. [[company:renault|Renault]] "
            "prepara il ritorno della R5, destinata a incarnare la rinascita elettrica del "
            "marchio, e [[company:dacia|Dacia]] si mette alla prova con il Bigster, un modello più "
            "grande di quelli a cui il marchio è abituato, che lo porta in una categoria "
            "superiore. L'episodio mostra un gruppo che combatte su tutti i fronti insieme, tra "
            "ambizione e nervosismo.</p>",
        ),
        "still": {"background": "blue", "accent": "white"},
        "people": ["luca-de-meo"],
        "companies": ["alpine", "alpine-f1-team", "renault", "dacia"],
    },
    {
        "number": 4,
        "title": L("The Future Is Already Here", "Le futur est déjà là", "Il futuro è già qui"),
        "slug": L("the-future-is-already-here", "le-futur-est-deja-la", "il-futuro-e-gia-qui"),
        "synopsis": L(
            "<p>At the 2024 Geneva Motor Show the new R5 from [[company:renault|Renault]] gets an "
            "enthusiastic welcome, and the Scenic E-Tech Electric is named Car of the Year 2024. "
            "The electric R5 rests on the technology of [[company:ampere|Ampere]], the group's "
            "company for electric vehicles and software.</p>"
            "<p>Behind the applause the episode shows how much remains to be done. Electrification "
            "is turning the whole car industry upside down, and "
            "[[person:jean-dominique-senard|Jean-Dominique Senard]] and "
            "[[person:luca-de-meo|Luca de Meo]] go to the seats of political power to defend "
            "Europe's carmakers. [[company:alpine|Alpine]], for its part, faces the hard test of "
            "the 24 Hours of Le Mans.</p>"
            "<p>The finale holds the surprise Renault had promised at the preview: a new flagship, "
            "the Renault 5 Turbo 3E, revealed to viewers through the series itself rather than at "
            "a motor show, a way of presenting a car that Numerama welcomed as a first that shakes "
            "up the usual codes. The series closes with the future of "
            "[[company:renault-group|Renault Group]] still an open question, between ambitions and "
            "difficulties.</p>",
            "<p>Au Salon de Genève 2024, la nouvelle R5 de [[company:renault|Renault]] soulève "
            "l'enthousiasme, et le Scenic E-Tech Electric est élu Voiture de l'année 2024. La R5 "
            "électrique repose sur la technologie d'[[company:ampere|Ampere]], l'entreprise du "
            "groupe dédiée aux véhicules électriques et au logiciel.</p>"
            "<p>Derrière les applaudissements, l'épisode montre tout ce qui reste à faire. "
            "L'électrification bouleverse l'industrie automobile tout entière, et "
            "[[person:jean-dominique-senard|Jean-Dominique Senard]] et "
            "[[person:luca-de-meo|Luca de Meo]] se rendent au cœur du pouvoir politique pour "
            "défendre les constructeurs européens. [[company:alpine|Alpine]], de son côté, "
            "affronte la rude épreuve des 24 Heures du Mans.</p>"
            "<p>Le final réserve la surprise que Renault avait promise lors de l'avant-première : "
            "un nouveau fleuron, la Renault 5 Turbo 3E, dévoilé aux spectateurs par la série "
            "elle-même plutôt que sur un salon, une manière de présenter une voiture que Numerama "
            "a saluée comme une première qui dépoussière les codes. La série se referme sans "
            "trancher l'avenir du [[company:renault-group|groupe Renault]], partagé entre "
            "ambitions et difficultés.</p>",
            "<p>Al Salone di Ginevra 2024 la nuova R5 di [[company:renault|Renault]] suscita "
            "entusiasmo, e la Scenic E-Tech Electric viene eletta Auto dell'Anno 2024. La R5 "
            "elettrica si basa sulla tecnologia di [[company:ampere|Ampere]], la società del "
            "gruppo dedicata ai veicoli elettrici e al software.</p>"
            "<p>Dietro gli applausi, l'episodio mostra quanto resti da fare. L'elettrificazione "
            "sta rivoluzionando l'intera industria dell'auto, e [[person:luca-de-meo|Luca de Meo]] "
            "e [[person:jean-dominique-senard|Jean-Dominique Senard]] si recano nei luoghi del "
            "potere politico per difendere i costruttori europei. [[company:alpine|Alpine]], dal "
            "canto suo, affronta il difficile esame della 24 Ore di Le Mans.</p>"
            "<p>Il finale riserva la sorpresa che Renault aveva promesso all'anteprima: un nuovo "
            "modello di punta, la Renault 5 Turbo 3E, svelato agli spettatori dalla serie stessa "
            "anziché a un salone, un modo di presentare un'auto che Numerama ha salutato come una "
            "novità capace di svecchiare le abitudini. La serie si chiude con il futuro di "
            "[[company:renault-group|Renault Group]] ancora aperto, in bilico tra ambizioni e "
            "difficoltà.</p>",
        ),
        "still": {"background": "teal", "accent": "yellow"},
        "people": ["jean-dominique-senard", "luca-de-meo"],
        "companies": ["renault-group", "renault", "alpine", "ampere"],
    },
]


# Press releases -------------------------------------------------------------------

PRESS_RELEASES = [
    {
        "slug": L(
            "renaulution-strategic-plan",
            "renaulution-plan-strategique",
            "renaulution-piano-strategico",
        ),
        "title": L(
            "Renaulution: the plan to pull Renault Group out of record losses",
            "Renaulution : le plan pour sortir le groupe Renault des pertes record",
            "Renaulution: il piano per far uscire Renault Group dalle perdite record",
        ),
        "summary": L(
            "On 14 January 2021 Luca de Meo presented the Renaulution, the strategic plan meant to "
            "turn Renault Group around after a record net loss of €7.3 billion in the first half "
            "of 2020. It sets out to electrify the brands, produce less, modernise the range and "
            "bring back iconic models.",
            "Le 14 janvier 2021, Luca de Meo a présenté la Renaulution, le plan stratégique "
            "destiné à redresser le groupe Renault après une perte nette record de 7,3 milliards "
            "d'euros au premier semestre 2020. Il prévoit d'électrifier les marques, de produire "
            "moins, de moderniser la gamme et de faire revenir des modèles iconiques.",
            "Il 14 gennaio 2021 Luca de Meo ha presentato la Renaulution, il piano strategico "
            "pensato per risollevare Renault Group dopo una perdita netta record di 7,3 miliardi "
            "di euro nel primo semestre del 2020. Prevede di elettrificare i marchi, produrre "
            "meno, rinnovare la gamma e riportare in vita modelli iconici.",
        ),
        "body": L(
            "<p>Renault Group entered 2020 in a critical state, and for the first half of the year "
            "it reported a record net loss of €7.3 billion. Luca de Meo, chief executive since "
            "July 2020, answered on 14 January 2021 with a strategic plan of his own: the "
            "Renaulution.</p>"
            "<h2>Four priorities</h2>"
            "<p>The plan sets out to electrify the group's three brands, Renault, Dacia and "
            "Alpine; to lower production volumes rather than chase them; to modernise what "
            "the brands offer; and to create new iconic models, starting with an electric "
            "Renault 5.</p>"
            "<h2>A reorganised company</h2>"
            "<p>To get there, the company is being reorganised to work more efficiently, "
            "with new people joining to bring in fresh ideas while others leave.</p>",
            "<p>Le groupe Renault a abordé 2020 dans une situation critique, et il a annoncé pour "
            "le premier semestre une perte nette record de 7,3 milliards d'euros. Luca de Meo, "
            "directeur général depuis juillet 2020, a répondu le 14 janvier 2021 par un plan "
            "stratégique bien à lui : la Renaulution.</p>"
            "<h2>Quatre priorités</h2>"
            "<p>Le plan prévoit d'électrifier les trois marques du groupe, Renault, Dacia "
            "et Alpine ; de baisser les volumes de production plutôt que de courir après ; "
            "de moderniser l'offre des marques ; et de créer de nouveaux modèles iconiques, "
            "à commencer par une Renault 5 électrique.</p>"
            "<h2>Une entreprise réorganisée</h2>"
            "<p>Pour y parvenir, l'entreprise se réorganise afin de gagner en efficacité : "
            "de nouveaux profils arrivent pour apporter un regard neuf, tandis que d'autres "
            "s'en vont.</p>",
            "<p>Renault Group è entrato nel 2020 in una situazione critica, e per il primo "
            "semestre ha annunciato una perdita netta record di 7,3 miliardi di euro. Luca de Meo, "
            "amministratore delegato dal luglio 2020, ha risposto il 14 gennaio 2021 con un piano "
            "strategico tutto suo: la Renaulution.</p>"
            "<h2>Quattro priorità</h2>"
            "<p>Il piano prevede di elettrificare i tre marchi del gruppo, Renault, Dacia e "
            "Alpine; di ridurre i volumi di produzione invece di inseguirli; di rinnovare "
            "l'offerta dei marchi; e di creare nuovi modelli iconici, a cominciare da una "
            "Renault 5 elettrica.</p>"
            "<h2>Un'azienda riorganizzata</h2>"
            "<p>Per arrivarci, l'azienda si riorganizza per diventare più efficiente: "
            "arrivano nuove figure a portare idee fresche, mentre altre se ne vanno.</p>",
        ),
        "kind": "article",
        "company": "renault-group",
        "people": ["luca-de-meo"],
        "issued_on": datetime.date(2021, 1, 14),
        "date_estimated": False,
        "original_language": "fr",
        "source_name": "",
        "source_url": "",
        "press_contact": "",
        "image": {"label": "2021", "background": "navy", "accent": "yellow"},
    },
    {
        # Renault Group's release on Ampere's first day, as seed 004 reports it.
        "slug": L("ampere-launches", "lancement-d-ampere", "nasce-ampere"),
        "kind": "release",
        "title": L(
            "Ampere, Renault Group's electric vehicle and software company, is up and running",
            "Ampere, l'entreprise du groupe Renault consacrée aux véhicules électriques et "
            "au logiciel, est lancée",
            "Al via Ampere, la società di Renault Group dedicata ai veicoli elettrici e al "
            "software",
        ),
        "summary": L(
            "Renault Group announced the start of Ampere on 1 November 2023: a company for "
            "electric vehicles and software with 11 sites in France and more than 11,000 "
            "people, 35% of them engineers, set up to bring affordable electric cars to "
            "Europe.",
            "Le groupe Renault a annoncé le démarrage d'Ampere le 1er novembre 2023 : une "
            "entreprise consacrée aux véhicules électriques et au logiciel, avec 11 sites en "
            "France et plus de 11 000 personnes, dont 35 % d'ingénieurs, créée pour mettre des "
            "voitures électriques abordables à la portée des Européens.",
            "Renault Group ha annunciato l'avvio di Ampere il 1° novembre 2023: una società "
            "dedicata ai veicoli elettrici e al software, con 11 siti in Francia e oltre 11.000 "
            "persone, per il 35% ingegneri, nata per portare in Europa auto elettriche dal "
            "prezzo accessibile.",
        ),
        "body": L(
            "<p>In this release Renault Group announced that Ampere, its new company for "
            "electric vehicles and software, had started operating on 1 November 2023. Ampere "
            "belongs to the third chapter of the group's strategic plan, and its ambition is to "
            "lead Europe's fast-growing electric car market with cars that a wide public can "
            "afford.</p>"
            "<h2>Sites and people</h2>"
            "<p>Ampere has 11 sites in France. Four of them are industrial: the Douai, "
            "Maubeuge and Ruitz plants, grouped as ElectriCity, and the Cléon factory. More "
            "than 11,000 people work for it, 35% of them engineers; together they design, "
            "develop, build and sell its cars, which carry the Renault brand.</p>"
            "<h2>ESG at every step</h2>"
            "<p>The group said that Ampere had a roadmap for bringing environmental, social and "
            "governance criteria into its whole value chain, its own processes as well as the "
            "products and services it develops, with a low-carbon, circular economy as the "
            "goal.</p>"
            "<h2>What Luca de Meo said</h2>"
            "<p>Luca de Meo, then at the head of Ampere as well as of the group, presented it "
            "as a new model of company, devoted from its first day to electric vehicles and "
            "software, and as the clearest sign of the group's revolution and of its teams' "
            "daring. He wanted a sustainable outlook to show in every process and every "
            "product.</p>"
            "<p>He listed what Ampere had to do: rely on what the group already does well "
            "while rethinking all of its methods; work as one close team, for the common good; "
            "draw on its French roots to take the lead in Europe; and keep its promises to its "
            "customers, to the planet and to the people who live on it. He said he was very "
            "proud to be launching this step.</p>"
            "<h2>A new identity</h2>"
            "<p>According to the release, Ampere's logo starts from the diamond that has long "
            "stood for Renault and brings together several diamonds drawn from it, a picture "
            "of small, close teams each with its own expertise. Its palette rests on three "
            "colours named Scandium, Eigengrau and Silicon Grey.</p>"
            "<p>The group also announced a Capital Market Day devoted to Ampere on 15 November "
            "2023.</p>",
            "<p>Dans ce communiqué, le groupe Renault a annoncé qu'Ampere, sa nouvelle "
            "entreprise consacrée aux véhicules électriques et au logiciel, avait démarré ses "
            "activités le 1er novembre 2023. Ampere s'inscrit dans le troisième chapitre du "
            "plan stratégique du groupe, avec l'ambition de mener un marché européen de la "
            "voiture électrique en pleine croissance grâce à des modèles accessibles au plus "
            "grand nombre.</p>"
            "<h2>Sites et salariés</h2>"
            "<p>Ampere compte 11 sites en France, dont quatre industriels : les usines de "
            "Douai, Maubeuge et Ruitz, regroupées sous le nom d'ElectriCity, et celle de "
            "Cléon. Plus de 11 000 personnes y travaillent, dont 35 % d'ingénieurs ; ensemble, "
            "elles conçoivent, développent, fabriquent et vendent ses voitures, qui portent la "
            "marque Renault.</p>"
            "<h2>L'ESG à chaque étape</h2>"
            "<p>Selon le groupe, Ampere s'est dotée d'une feuille de route pour intégrer les "
            "critères environnementaux, sociaux et de gouvernance dans toute sa chaîne de "
            "valeur, ses propres processus comme les produits et services qu'elle développe, "
            "avec pour cap une économie circulaire et bas carbone.</p>"
            "<h2>Ce qu'a dit Luca de Meo</h2>"
            "<p>Luca de Meo, alors à la tête d'Ampere comme du groupe, l'a présentée comme un "
            "nouveau modèle d'entreprise, consacré dès son premier jour aux véhicules "
            "électriques et au logiciel, et comme le signe le plus clair de la révolution du "
            "groupe et de l'audace de ses équipes. Il voulait qu'une vision durable se "
            "retrouve dans chaque processus et dans chaque produit.</p>"
            "<p>Il a énuméré ce qu'Ampere devait faire : s'appuyer sur ce que le groupe fait "
            "déjà bien tout en repensant toutes ses méthodes ; travailler en équipe soudée, "
            "pour le collectif ; tirer parti de ses racines françaises pour prendre la tête en "
            "Europe ; et tenir ses engagements envers ses clients, la planète et ceux qui "
            "l'habitent. Il s'est dit très fier de lancer cette étape.</p>"
            "<h2>Une nouvelle identité</h2>"
            "<p>D'après le communiqué, le logo d'Ampere part du losange qui représente Renault "
            "depuis longtemps et réunit plusieurs losanges qui en sont tirés, image d'équipes "
            "resserrées ayant chacune leur spécialité. Sa palette repose sur trois couleurs "
            "baptisées Scandium, Eigengrau et Silicon Grey.</p>"
            "<p>Le groupe a aussi annoncé un Capital Market Day consacré à Ampere le 15 "
            "novembre 2023.</p>",
            "<p>Con questo comunicato Renault Group ha annunciato che Ampere, la sua nuova "
            "società dedicata ai veicoli elettrici e al software, era operativa dal 1° novembre "
            "2023. Ampere fa parte del terzo capitolo del piano strategico del gruppo e punta a "
            "guidare il mercato europeo dell'auto elettrica, in forte crescita, con modelli "
            "alla portata di un pubblico ampio.</p>"
            "<h2>Siti e persone</h2>"
            "<p>Ampere conta 11 siti in Francia, di cui quattro industriali: gli stabilimenti "
            "di Douai, Maubeuge e Ruitz, riuniti sotto il nome di ElectriCity, e quello di "
            "Cléon. Vi lavorano oltre 11.000 persone, per il 35% ingegneri, che insieme "
            "progettano, sviluppano, costruiscono e vendono le sue auto, con il marchio "
            "Renault.</p>"
            "<h2>L'ESG in ogni fase</h2>"
            "<p>Secondo il gruppo, Ampere si è data una tabella di marcia per portare i criteri "
            "ambientali, sociali e di governance lungo tutta la sua catena del valore, nei "
            "propri processi come nei prodotti e nei servizi che sviluppa, con l'obiettivo di "
            "un'economia circolare a basse emissioni di carbonio.</p>"
            "<h2>Le parole di Luca de Meo</h2>"
            "<p>Luca de Meo, allora alla guida di Ampere oltre che del gruppo, l'ha presentata "
            "come un nuovo modello di azienda, dedicato fin dal primo giorno ai veicoli "
            "elettrici e al software, e come il segno più chiaro della rivoluzione del gruppo "
            "e dell'audacia dei suoi team. Voleva che una visione sostenibile si ritrovasse in "
            "ogni processo e in ogni prodotto.</p>"
            "<p>Ha elencato ciò che Ampere doveva fare: contare su ciò che il gruppo sa già "
            "fare bene, ripensando però tutti i suoi metodi; lavorare come una squadra unita, "
            "per il collettivo; sfruttare le sue radici francesi per conquistare la guida in "
            "Europa; mantenere gli impegni verso i clienti, il pianeta e chi lo abita. Si è "
            "detto molto orgoglioso di lanciare questa tappa.</p>"
            "<h2>Una nuova identità</h2>"
            "<p>Secondo il comunicato, il logo di Ampere parte dalla losanga che da tempo "
            "rappresenta Renault e ne riunisce diverse, tratte da quella, immagine di squadre "
            "unite, ciascuna con la propria specialità. La palette si basa su tre colori "
            "chiamati Scandium, Eigengrau e Silicon Grey.</p>"
            "<p>Il gruppo ha anche annunciato un Capital Market Day dedicato ad Ampere il 15 "
            "novembre 2023.</p>",
        ),
        "company": "renault-group",
        "people": ["luca-de-meo"],
        "issued_on": datetime.date(2023, 11, 1),
        "date_estimated": False,
        "original_language": "en",
        "source_name": "Renault Group newsroom",
        "source_url": "https://media.renaultgroup.com/",
        "press_contact": "Renault Group media relations",
        "image": {"label": "2023", "background": "teal", "accent": "yellow"},
    },
    {
        # The Italian release of seed 003, put out by a press office on
        # informazione.it. Its original title is cited as it was given (the copy
        # check lets exactly this title through: `cited_title`); everything
        # else is told in our words.
        "slug": L(
            "luca-de-meo-bets-on-european-industry",
            "le-pari-europeen-de-luca-de-meo",
            "la-scommessa-di-luca-de-meo",
        ),
        "kind": "release",
        "title": L(
            "Luca de Meo's bet: Renault Group invests in European industry",
            "Le pari de Luca de Meo : le groupe Renault investit dans l'industrie européenne",
            "La scommessa di Luca de Meo: Renault Group investe sull'industria europea",
        ),
        "cited_title": True,
        "summary": L(
            "A release put out by the press office Pressereleaseldm presents Luca de Meo's "
            "choice to build electric cars in the north of France with Ampere, while other "
            "carmakers moved production out of Europe to lower their costs.",
            "Un communiqué diffusé par le bureau de presse Pressereleaseldm présente le choix "
            "de Luca de Meo de fabriquer des voitures électriques dans le nord de la France "
            "avec Ampere, quand d'autres constructeurs délocalisaient hors d'Europe pour "
            "réduire leurs coûts.",
            "Un comunicato diffuso dall'ufficio stampa Pressereleaseldm illustra la scelta di "
            "Luca de Meo di costruire auto elettriche nel nord della Francia con Ampere, "
            "mentre altri costruttori trasferivano la produzione fuori dall'Europa per "
            "spendere meno.",
        ),
        "body": L(
            "<p>The release, published in Italian on informazione.it, sets two strategies side "
            "by side. Many carmakers, it says, were moving production to countries outside "
            "Europe to spend less; Renault Group, then led by Luca de Meo, was instead "
            "investing heavily in the north of France.</p>"
            "<h2>More than a factory</h2>"
            "<p>According to the release, the point was not only to build cars locally: the "
            "group wanted a complete industrial system in the region, one that grows "
            "specialist skills, supports the local economy and creates lasting, qualified "
            "jobs, while staying innovative and competitive in the shift to cleaner "
            "mobility.</p>"
            "<h2>Ampere at the centre</h2>"
            "<p>The release presents Ampere as the company in which this plan took shape: "
            "wholly devoted to electric vehicles and software, run with a startup's agility "
            "but backed by a large group. Ampere develops the technology of the Renault 5 "
            "and, the text adds, of the Renault 4, then still to come; an electric Twingo was "
            "also planned for 2026.</p>"
            "<p>The stated goal: affordable electric cars that can hold their own against "
            "competitors and weigh less on the environment, helped by LFP batteries and "
            "Cell2Pack systems. In the release's view, de Meo's group saw the electric "
            "transition as a chance to rethink mobility rather than as an obstacle.</p>",
            "<p>Ce communiqué, publié en italien sur informazione.it, oppose deux stratégies. "
            "D'après lui, de nombreux constructeurs déplaçaient leur production vers des pays "
            "hors d'Europe pour dépenser moins ; le groupe Renault, alors dirigé par Luca de "
            "Meo, investissait au contraire massivement dans le nord de la France.</p>"
            "<h2>Plus qu'une usine</h2>"
            "<p>Selon le communiqué, il ne s'agissait pas seulement de produire sur place : le "
            "groupe voulait bâtir dans la région un système industriel complet, qui développe "
            "des compétences pointues, soutienne l'économie locale et crée des emplois "
            "qualifiés et durables, tout en restant innovant et compétitif dans le passage à "
            "une mobilité plus propre.</p>"
            "<h2>Ampere au centre</h2>"
            "<p>Le communiqué présente Ampere comme l'entreprise où ce projet a pris corps : "
            "entièrement consacrée aux véhicules électriques et au logiciel, menée avec "
            "l'agilité d'une start-up mais adossée à un grand groupe. Ampere met au point les "
            "technologies de la Renault 5 et, ajoute le texte, de la Renault 4, alors encore à "
            "venir ; une Twingo électrique était en outre prévue pour 2026.</p>"
            "<p>Le but affiché : des voitures électriques abordables, capables de tenir tête à "
            "la concurrence et de peser moins sur l'environnement, notamment grâce aux "
            "batteries LFP et aux systèmes Cell2Pack. Pour le communiqué, le groupe de Luca de "
            "Meo voyait dans la transition électrique une occasion de repenser la mobilité "
            "plutôt qu'un obstacle.</p>",
            "<p>Il comunicato, pubblicato in italiano su informazione.it, mette a confronto "
            "due strade. Secondo il testo, molti costruttori spostavano la produzione in paesi "
            "extraeuropei per spendere meno; Renault Group, guidato allora da Luca de Meo, "
            "puntava invece su un forte investimento nella Francia settentrionale.</p>"
            "<h2>Non solo una fabbrica</h2>"
            "<p>Stando al comunicato, lo scopo non era soltanto fabbricare auto sul posto: il "
            "gruppo voleva creare nella regione un sistema industriale completo, capace di far "
            "crescere competenze specialistiche, sostenere l'economia locale e offrire lavoro "
            "qualificato e duraturo, restando innovativo e competitivo nel passaggio a una "
            "mobilità più pulita.</p>"
            "<h2>Ampere al centro</h2>"
            "<p>Il comunicato presenta Ampere come la società in cui il progetto ha preso "
            "corpo: interamente votata ai veicoli elettrici e al software, gestita con "
            "l'agilità di una startup ma con alle spalle un grande gruppo. Ampere sviluppa le "
            "tecnologie della Renault 5 e, aggiunge il testo, della Renault 4, allora ancora in "
            "arrivo; per il 2026 era prevista anche una Twingo elettrica.</p>"
            "<p>Il traguardo indicato: auto elettriche dal prezzo abbordabile, in grado di "
            "reggere la concorrenza e di pesare meno sull'ambiente, grazie anche alle batterie "
            "LFP e ai sistemi Cell2Pack. Per il comunicato, il gruppo di de Meo vedeva nella "
            "transizione elettrica un'occasione per ripensare la mobilità, non un "
            "ostacolo.</p>",
        ),
        "company": "pressreleaseldm",
        "people": ["luca-de-meo"],
        # The release carries no date. It speaks of Ampere as a company that
        # exists (launched on 1 November 2023) and of the Renault 4 as still to
        # come: it cannot be older than 1 November 2023, the earliest date its
        # content allows, which pages give as "not before".
        "issued_on": datetime.date(2023, 11, 1),
        "date_estimated": True,
        "original_language": "it",
        "source_name": "informazione.it (Comunicati stampa – Industria)",
        "source_url": "https://www.informazione.it/",
        "press_contact": "Ufficio Stampa: Franco Nottiani, Pressereleaseldm — "
        "pressreleaseldm@gmail.com",
        "image": {"label": "2023", "background": "green", "accent": "yellow"},
    },
    {
        "slug": L(
            "new-alliance-nissan-mitsubishi-invest-in-ampere",
            "nouvelle-alliance-nissan-mitsubishi-investissent-dans-ampere",
            "nuova-alleanza-nissan-mitsubishi-investono-in-ampere",
        ),
        "title": L(
            "The new Alliance is approved; Nissan and Mitsubishi Motors plan to invest in Ampere",
            "La nouvelle Alliance est approuvée ; Nissan et Mitsubishi Motors prévoient "
            "d'investir dans Ampere",
            "Approvata la nuova Alleanza; Nissan e Mitsubishi Motors intendono investire in Ampere",
        ),
        "summary": L(
            "The authorities approved the new Alliance deal between Renault, Nissan and Mitsubishi "
            "Motors on 6 November 2023, and its agreements took effect on 8 November: each company "
            "acts independently, joint projects need the approval of the board chaired by "
            "Jean-Dominique Senard, and the two Japanese partners have announced that they intend "
            "to invest up to €600 million and €200 million in Ampere.",
            "Les autorités ont approuvé le 6 novembre 2023 le nouvel accord d'Alliance entre "
            "Renault, Nissan et Mitsubishi Motors, dont les accords sont entrés en vigueur le 8 "
            "novembre : chacun agit de façon indépendante, les projets communs doivent être "
            "validés par le conseil que préside Jean-Dominique Senard, et les deux partenaires "
            "japonais ont annoncé leur intention d'investir jusqu'à 600 et 200 millions d'euros "
            "dans Ampere.",
            "Le autorità hanno approvato il 6 novembre 2023 il nuovo accordo di Alleanza tra "
            "Renault, Nissan e Mitsubishi Motors, entrato in vigore l'8 novembre: ciascuno agisce "
            "in modo indipendente, i progetti comuni devono essere approvati dal consiglio "
            "presieduto da Jean-Dominique Senard e i due partner giapponesi hanno annunciato "
            "l'intenzione di investire in Ampere fino a 600 e 200 milioni di euro.",
        ),
        "body": L(
            "<p>The new agreement between Renault, Nissan and Mitsubishi Motors, first announced "
            "in London in February 2023, was approved by the authorities on 6 November 2023 and "
            "took effect on 8 November. Renault told its staff that the former Renault-Nissan "
            "Alliance had stopped on 6 November: the companies' shared IT systems were switched "
            "off, the common stores of know-how were taken apart, and the three carmakers were to "
            "operate independently, as competitors.</p>"
            "<h2>Projects that need a green light</h2>"
            "<p>Cooperation has not disappeared. Luca de Meo put forward projects in India "
            "and Latin America as evidence of the new partnership, and each must be approved by "
            "the Alliance operating board, chaired by Jean-Dominique Senard, who also chairs "
            "Renault Group's board. In India, Dacia vehicles are to come off the line at "
            "Nissan's Chennai plant; in Latin America, Renault has set its new strategy and "
            "range without any mention of the Alliance.</p>"
            "<h2>Partners in Ampere</h2>"
            "<p>Nissan's new small electric car will be built at the Renault plant in Douai. "
            "Mitsubishi Motors, which not long ago considered leaving Europe, will sell the "
            "Renault Clio and Captur there under its own badge and have an electric car made in a "
            "Renault factory. Both partners have also announced that they intend to invest in "
            "Ampere: up to €600 million for Nissan and up to €200 million for Mitsubishi Motors, "
            "less than Renault had first hoped for. These are intentions; neither investment has "
            "been made yet.</p>",
            "<p>Le nouvel accord entre Renault, Nissan et Mitsubishi Motors, annoncé à Londres en "
            "février 2023, a été approuvé par les autorités le 6 novembre 2023 et est entré en "
            "vigueur le 8 novembre. Renault a fait savoir à ses salariés que l'ancienne Alliance "
            "Renault-Nissan s'était arrêtée le 6 novembre : les systèmes informatiques partagés "
            "ont été arrêtés, les bases de savoir-faire communes démantelées, et les trois "
            "constructeurs devaient désormais agir de manière indépendante, en concurrents.</p>"
            "<h2>Des projets soumis à un feu vert</h2>"
            "<p>La coopération n'a pas disparu. Luca de Meo a mis en avant des projets en "
            "Inde et en Amérique latine comme preuves du nouveau partenariat, et chacun doit être "
            "validé par le conseil opérationnel de l'Alliance, présidé par Jean-Dominique "
            "Senard, également président du conseil d'administration du groupe Renault. En "
            "Inde, des Dacia doivent être fabriquées dans une usine Nissan à Chennai ; en "
            "Amérique latine, Renault a arrêté sa nouvelle stratégie et sa gamme sans "
            "mentionner l'Alliance.</p>"
            "<h2>Des partenaires dans Ampere</h2>"
            "<p>Nissan produira sa nouvelle petite voiture électrique dans l'usine Renault de "
            "Douai. Mitsubishi Motors, qui songeait il y a peu à quitter l'Europe, y vendra sous "
            "son propre logo les Renault Clio et Captur et fera fabriquer une voiture électrique "
            "dans une usine Renault. Les deux partenaires ont aussi annoncé leur intention "
            "d'investir dans Ampere : jusqu'à 600 millions d'euros pour Nissan et jusqu'à 200 "
            "millions pour Mitsubishi Motors, moins que ce que Renault espérait au départ. Ce sont "
            "des intentions : aucun de ces investissements n'est encore réalisé.</p>",
            "<p>Il nuovo accordo tra Renault, Nissan e Mitsubishi Motors, annunciato a Londra nel "
            "febbraio 2023, è stato approvato dalle autorità il 6 novembre 2023 ed è entrato in "
            "vigore l'8 novembre. Renault ha comunicato ai dipendenti che la vecchia Alleanza "
            "Renault-Nissan si era fermata il 6 novembre: i sistemi informatici condivisi sono "
            "stati spenti, gli archivi comuni di know-how smantellati, e i tre costruttori "
            "avrebbero agito da allora in modo indipendente, da concorrenti.</p>"
            "<h2>Progetti da approvare</h2>"
            "<p>La cooperazione non è scomparsa. Luca de Meo ha indicato alcuni progetti in "
            "India e in America Latina come prova della nuova partnership, e ognuno deve "
            "ricevere il via libera del consiglio operativo dell'Alleanza, presieduto da "
            "Jean-Dominique Senard, che è anche presidente del consiglio di amministrazione "
            "di Renault Group. In India alcune Dacia saranno prodotte in uno stabilimento "
            "Nissan a Chennai; in America Latina Renault ha definito la sua nuova "
            "strategia e la sua gamma senza alcun riferimento all'Alleanza.</p>"
            "<h2>Partner in Ampere</h2>"
            "<p>Nissan costruirà la sua nuova piccola auto elettrica nello stabilimento Renault di "
            "Douai. Mitsubishi Motors, che non molto tempo fa pensava di lasciare l'Europa, vi "
            "venderà con il proprio marchio la Renault Clio e la Captur e farà produrre un'auto "
            "elettrica in una fabbrica Renault. Entrambi i partner hanno anche annunciato "
            "l'intenzione di investire in Ampere: fino a 600 milioni di euro Nissan e fino a 200 "
            "milioni Mitsubishi Motors, meno di quanto Renault sperava all'inizio. Sono "
            "intenzioni: nessuno dei due investimenti è stato ancora effettuato.</p>",
        ),
        "kind": "article",
        "company": "renault-group",
        "people": ["jean-dominique-senard", "luca-de-meo"],
        # Written after the agreements took effect on 8 November 2023.
        "issued_on": datetime.date(2023, 11, 8),
        "date_estimated": False,
        "original_language": "en",
        "source_name": "",
        "source_url": "",
        "press_contact": "",
        "image": {"label": "2023", "background": "grey", "accent": "yellow"},
    },
    {
        "slug": L(
            "renault-5-at-geneva-scenic-car-of-the-year",
            "renault-5-a-geneve-scenic-voiture-de-l-annee",
            "renault-5-a-ginevra-scenic-auto-dell-anno",
        ),
        "title": L(
            "The Renault 5 shines in Geneva as the Scenic E-Tech Electric becomes Car of "
            "the Year 2024",
            "La Renault 5 brille à Genève, le Scenic E-Tech Electric élu Voiture de l'année 2024",
            "La Renault 5 conquista Ginevra, la Scenic E-Tech Electric è Auto dell'Anno 2024",
        ),
        "summary": L(
            "At the 2024 Geneva Motor Show the new electric Renault 5 drew an enthusiastic "
            "response, and the Scenic E-Tech Electric was named Car of the Year 2024: two "
            "milestones for the Renaulution.",
            "Au Salon de Genève 2024, la nouvelle Renault 5 électrique a suscité "
            "l'enthousiasme, et le Scenic E-Tech Electric a été élu Voiture de l'année "
            "2024 : deux étapes marquantes pour la Renaulution.",
            "Al Salone di Ginevra 2024 la nuova Renault 5 elettrica ha suscitato entusiasmo "
            "e la Scenic E-Tech Electric è stata eletta Auto dell'Anno 2024: due tappe "
            "importanti per la Renaulution.",
        ),
        "body": L(
            "<p>The 2024 Geneva Motor Show gave Renault two reasons to celebrate. The new "
            "Renault 5, the electric return of one of the brand's best-known names, was "
            "greeted with enthusiasm, and the Scenic E-Tech Electric received the title of "
            "Car of the Year 2024.</p>"
            "<p>Both cars embody the Renaulution: electric models that stand out, and "
            "the revival of icons from Renault's history. The Renault 5 uses technology "
            "developed by Ampere, the group's company for electric vehicles and software, "
            "which was also preparing the Renault 4, then still to come.</p>"
            "<p>These successes do not end the group's challenges: electrification is "
            "turning the entire car industry upside down.</p>",
            "<p>Le Salon de Genève 2024 a offert à Renault deux motifs de satisfaction. La "
            "nouvelle Renault 5, retour en version électrique de l'un des noms les plus "
            "connus de la marque, a été accueillie avec enthousiasme, et le Scenic E-Tech "
            "Electric a reçu le titre de Voiture de l'année 2024.</p>"
            "<p>Ces deux voitures incarnent la Renaulution : des modèles électriques qui se "
            "distinguent, et le retour d'icônes de l'histoire de Renault. La Renault 5 "
            "s'appuie sur des technologies mises au point par Ampere, l'entreprise du groupe "
            "consacrée aux véhicules électriques et au logiciel, qui préparait aussi la "
            "Renault 4, alors encore à venir.</p>"
            "<p>Ces succès ne mettent pas fin aux défis du groupe : l'électrification "
            "bouleverse toute l'industrie automobile.</p>",
            "<p>Il Salone di Ginevra 2024 ha dato a Renault due motivi di soddisfazione. La "
            "nuova Renault 5, ritorno in versione elettrica di uno dei nomi più noti del "
            "marchio, è stata accolta con entusiasmo, e la Scenic E-Tech Electric ha "
            "ottenuto il titolo di Auto dell'Anno 2024.</p>"
            "<p>Le due auto incarnano la Renaulution: modelli elettrici che si fanno notare "
            "e il ritorno di icone della storia Renault. La Renault 5 sfrutta tecnologie "
            "sviluppate da Ampere, la società del gruppo dedicata ai veicoli elettrici e al "
            "software, che stava preparando anche la Renault 4, allora ancora in arrivo.</p>"
            "<p>Questi successi non chiudono le sfide del gruppo: l'elettrificazione sta "
            "stravolgendo l'intera industria dell'auto.</p>",
        ),
        "kind": "article",
        "company": "renault",
        "people": [],
        "issued_on": datetime.date(2024, 2, 26),
        "date_estimated": False,
        "original_language": "it",
        "source_name": "",
        "source_url": "",
        "press_contact": "",
        "image": {"label": "2024", "background": "black", "accent": "yellow"},
    },
    {
        "slug": L(
            "anatomy-of-a-comeback-premieres-on-prime-video",
            "anatomie-d-un-come-back-sur-prime-video",
            "anatomia-di-un-come-back-su-prime-video",
        ),
        "title": L(
            "Anatomy of a Comeback, the docuseries on Renault Group's transformation, "
            "premieres on Prime Video",
            "Anatomie d'un come-back, la série documentaire sur la transformation du "
            "groupe Renault, arrive sur Prime Video",
            "Anatomia di un come-back, la docuserie sulla trasformazione di Renault Group, "
            "debutta su Prime Video",
        ),
        "summary": L(
            "From 13 December 2024, Prime Video streams Anatomy of a Comeback, four "
            "episodes of about 40 minutes produced by Breath Film and Elephant that follow "
            "Renault Group's turnaround under Luca de Meo from the inside.",
            "À partir du 13 décembre 2024, Prime Video diffuse Anatomie d'un come-back, "
            "quatre épisodes d'environ 40 minutes produits par Breath Film et Elephant, qui "
            "suivent de l'intérieur le redressement du groupe Renault sous la conduite de "
            "Luca de Meo.",
            "Dal 13 dicembre 2024 Prime Video propone Anatomia di un come-back, quattro "
            "episodi di circa 40 minuti prodotti da Breath Film ed Elephant che seguono "
            "dall'interno la rinascita di Renault Group guidata da Luca de Meo.",
        ),
        "body": L(
            "<p><em>Anatomy of a Comeback</em>, an exclusive docuseries about Renault Group, "
            "arrives on Prime Video on 13 December 2024. Its four episodes, about 40 "
            "minutes each, were filmed over two years and show how the group pulled back "
            "from the brink under Luca de Meo, appointed chief executive by the board "
            "chaired by Jean-Dominique Senard.</p>"
            "<h2>From crisis to recovery</h2>"
            "<p>The series starts with the crisis that followed the arrest of Carlos Ghosn "
            "in 2018 and goes on to the launch of the Renaulution, the rise of Dacia, the "
            "creation of ElectriCity in northern France, the costly exit from Russia in "
            "2022 and Alpine's battles in Formula 1 and at Le Mans. Along the way come "
            "the return to profit and the Scenic E-Tech Electric's title of Car of the Year "
            "2024, and the final episode unveils a new model.</p>"
            "<h2>Behind closed doors</h2>"
            "<p>The crews of Breath Film and Elephant were allowed into meetings that are "
            "usually confidential, test sites and factories, as well as the design studios "
            "and the Formula 1 paddock.</p>"
            '<p><a href="' + PRIME_VIDEO_PAGE + '">The series page on Prime Video</a></p>',
            "<p><em>Anatomie d'un come-back</em>, série documentaire exclusive consacrée au "
            "groupe Renault, arrive sur Prime Video le 13 décembre 2024. Ses quatre "
            "épisodes d'environ 40 minutes, tournés pendant deux ans, montrent comment le "
            "groupe s'est éloigné du gouffre avec, à sa tête, Luca de Meo, choisi par le "
            "conseil que préside Jean-Dominique Senard.</p>"
            "<h2>De la crise au redressement</h2>"
            "<p>La série part de la crise qui a suivi l'arrestation de Carlos Ghosn en 2018, "
            "puis retrace le lancement de la Renaulution, l'essor de Dacia, la création "
            "d'ElectriCity dans le nord de la France, le départ coûteux de Russie en 2022 "
            "et les combats d'Alpine en Formule 1 et au Mans. Elle montre aussi le retour "
            "aux bénéfices et le titre de Voiture de l'année 2024 remporté par le Scenic "
            "E-Tech Electric, et son dernier épisode dévoile un nouveau modèle.</p>"
            "<h2>Derrière les portes closes</h2>"
            "<p>Les équipes de Breath Film et d'Elephant ont pu filmer des réunions "
            "habituellement confidentielles, des sites d'essais et des usines, mais aussi "
            "les studios de design et le paddock de Formule 1.</p>"
            '<p><a href="' + PRIME_VIDEO_PAGE + '">La page de la série sur Prime '
            "Video</a></p>",
            "<p><em>Anatomia di un come-back</em>, docuserie in esclusiva dedicata a Renault "
            "Group, arriva su Prime Video il 13 dicembre 2024. I suoi quattro episodi di "
            "circa 40 minuti, girati nell'arco di due anni, mostrano come il gruppo si sia "
            "allontanato dal baratro con al timone Luca de Meo, scelto dal consiglio "
            "presieduto da Jean-Dominique Senard.</p>"
            "<h2>Dalla crisi alla ripresa</h2>"
            "<p>La serie parte dalla crisi seguita all'arresto di Carlos Ghosn nel 2018 e "
            "ripercorre poi il lancio della Renaulution, l'ascesa di Dacia, la nascita di "
            "ElectriCity nel nord della Francia, la costosa uscita dalla Russia nel 2022 e "
            "le battaglie di Alpine in Formula 1 e a Le Mans. Lungo il percorso arrivano "
            "il ritorno all'utile e il titolo di Auto dell'Anno 2024 vinto dalla Scenic "
            "E-Tech Electric, e l'ultimo episodio svela un nuovo modello.</p>"
            "<h2>Dietro le porte chiuse</h2>"
            "<p>Le troupe di Breath Film ed Elephant hanno potuto riprendere riunioni di "
            "solito riservate, piste di prova e fabbriche, oltre ai centri stile e al "
            "paddock della Formula 1.</p>"
            '<p><a href="' + PRIME_VIDEO_PAGE + '">La pagina della serie su Prime '
            "Video</a></p>",
        ),
        "kind": "article",
        "company": "renault-group",
        "people": ["luca-de-meo", "jean-dominique-senard", "carlos-ghosn"],
        "issued_on": datetime.date(2024, 12, 13),
        "date_estimated": False,
        "original_language": "it",
        "source_name": "",
        "source_url": "",
        "press_contact": "",
        "image": {"label": "2024", "background": "red", "accent": "yellow"},
    },
]


# Timeline -------------------------------------------------------------------------
#
# Milestones of the story, dated to the precision the sources support ("day",
# "month" or "year"; a month or a year is written as its first day). They
# refer to companies, people and press releases by English slug and to
# episodes by number. The seeds give every fact and date here except: the day
# of the Renaulution presentation and of the Geneva show and Car of the Year
# award (the shipped press releases' dates, well known), the days on which the
# 2020 losses were announced (30 July 2020 for the first half, 19 February
# 2021 for the year; see the module's docstring), the entry into force of the
# new Alliance agreements on 8 November 2023 (seed 004 gives 6 November as the
# day the authorities approved the deal), the founding of
# Renault ElectriCity in 2021 (the seeds name it without a date), and Luca de
# Meo's departure and François Provost's appointment in July 2025 (see the
# people above).

MILESTONES = [
    {
        "slug": "carlos-ghosn-arrested",
        "date": datetime.date(2018, 11, 1),
        "precision": "month",
        "title": L(
            "Carlos Ghosn is arrested",
            "Carlos Ghosn est arrêté",
            "Carlos Ghosn viene arrestato",
        ),
        "summary": L(
            "The arrest of the man who had run Renault and its Alliance with Nissan sets off "
            "a scandal and years of turmoil for the group.",
            "L'arrestation de l'homme qui dirigeait Renault et son Alliance avec Nissan "
            "déclenche un scandale et plusieurs années de désordre pour le groupe.",
            "L'arresto dell'uomo che guidava Renault e la sua Alleanza con Nissan scatena "
            "uno scandalo e anni di caos per il gruppo.",
        ),
        "companies": ["renault-group", "renault-nissan-mitsubishi-alliance", "nissan"],
        "people": ["carlos-ghosn"],
        "episodes": [1],
        "press_releases": [],
    },
    {
        "slug": "record-loss-2020",
        "date": datetime.date(2020, 7, 30),
        "precision": "day",
        "title": L(
            "A record half-year loss of €7.3 billion",
            "Une perte semestrielle record de 7,3 milliards d'euros",
            "Una perdita semestrale record di 7,3 miliardi di euro",
        ),
        "summary": L(
            "On 30 July 2020 Renault Group reports a record net loss of €7.3 billion for the first "
            "half of the year; it had entered 2020 at the edge of the abyss.",
            "Le 30 juillet 2020, le groupe Renault annonce pour le premier semestre une perte "
            "nette de 7,3 milliards d'euros, un record ; il avait abordé l'année 2020 au bord du "
            "gouffre.",
            "Il 30 luglio 2020 Renault Group annuncia per il primo semestre una perdita netta di "
            "7,3 miliardi di euro, un record; il gruppo era entrato nel 2020 in una situazione "
            "disperata.",
        ),
        "companies": ["renault-group"],
        "people": ["jean-dominique-senard"],
        "episodes": [1, 2],
        "press_releases": ["renaulution-strategic-plan"],
    },
    {
        "slug": "full-year-loss-2020",
        "date": datetime.date(2021, 2, 19),
        "precision": "day",
        "title": L(
            "A net loss of €8.0 billion for 2020",
            "Une perte nette de 8,0 milliards d'euros pour 2020",
            "Una perdita netta di 8,0 miliardi di euro per il 2020",
        ),
        "summary": L(
            "Presenting its annual results on 19 February 2021, Renault Group puts its net "
            "loss for 2020 at €8.0 billion (group share), a record for the carmaker.",
            "En présentant ses résultats annuels le 19 février 2021, le groupe Renault chiffre "
            "sa perte nette de 2020 à 8,0 milliards d'euros (part du groupe), un record pour "
            "le constructeur.",
            "Presentando i risultati annuali il 19 febbraio 2021, Renault Group quantifica la "
            "perdita netta del 2020 in 8,0 miliardi di euro (quota di pertinenza del gruppo), "
            "un record per il costruttore.",
        ),
        "companies": ["renault-group"],
        "people": [],
        "episodes": [2],
        "press_releases": [],
    },
    {
        "slug": "luca-de-meo-chief-executive",
        "date": datetime.date(2020, 7, 1),
        "precision": "month",
        "title": L(
            "Luca de Meo becomes chief executive",
            "Luca de Meo devient directeur général",
            "Luca de Meo diventa amministratore delegato",
        ),
        "summary": L(
            "Called in by the chairman, Jean-Dominique Senard, to save the group, Luca de Meo "
            "takes charge of Renault Group.",
            "Appelé par le président Jean-Dominique Senard pour sauver le groupe, Luca de Meo "
            "prend la direction du groupe Renault.",
            "Chiamato dal presidente Jean-Dominique Senard per salvare il gruppo, Luca de Meo "
            "prende la guida di Renault Group.",
        ),
        "companies": ["renault-group"],
        "people": ["luca-de-meo", "jean-dominique-senard"],
        "episodes": [1],
        "press_releases": [],
    },
    {
        "slug": "renaulution-plan",
        "date": datetime.date(2021, 1, 14),
        "precision": "day",
        "title": L(
            "The Renaulution plan is unveiled",
            "Le plan Renaulution est dévoilé",
            "Viene presentato il piano Renaulution",
        ),
        "summary": L(
            "Luca de Meo sets out his strategy: electric Renault, Dacia and Alpine brands, "
            "fewer cars built, a renewed range and the return of icons such as the Renault 5.",
            "Luca de Meo présente sa stratégie : des marques Renault, Dacia et Alpine "
            "électrifiées, moins de voitures produites, une gamme renouvelée et le retour "
            "d'icônes comme la Renault 5.",
            "Luca de Meo illustra la sua strategia: marchi Renault, Dacia e Alpine "
            "elettrificati, meno auto prodotte, una gamma rinnovata e il ritorno di icone "
            "come la Renault 5.",
        ),
        "companies": ["renault-group", "renault", "dacia", "alpine"],
        "people": ["luca-de-meo"],
        "episodes": [1],
        "press_releases": ["renaulution-strategic-plan"],
    },
    {
        "slug": "renault-electricity",
        "date": datetime.date(2021, 1, 1),
        "precision": "year",
        "title": L(
            "ElectriCity, an electric hub in northern France",
            "ElectriCity, un pôle électrique dans le nord de la France",
            "ElectriCity, un polo elettrico nel nord della Francia",
        ),
        "summary": L(
            "Renault turns its plants in the north of France into ElectriCity, a single "
            "industrial centre for building electric cars.",
            "Renault réunit ses usines du nord de la France dans ElectriCity, un seul "
            "ensemble industriel voué à la fabrication de voitures électriques.",
            "Renault riunisce i suoi stabilimenti del nord della Francia in ElectriCity, un "
            "unico polo industriale per costruire auto elettriche.",
        ),
        "companies": ["renault"],
        "people": [],
        "episodes": [2],
        "press_releases": [],
    },
    {
        "slug": "exit-from-russia",
        "date": datetime.date(2022, 1, 1),
        "precision": "year",
        "title": L(
            "Renault leaves Russia",
            "Renault quitte la Russie",
            "Renault lascia la Russia",
        ),
        "summary": L(
            "After the invasion of Ukraine the group pulls out of the Russian market, at a "
            "cost of billions of euros, just as its recovery seemed under way.",
            "Après l'invasion de l'Ukraine, le groupe se retire du marché russe, au prix de "
            "plusieurs milliards d'euros, au moment même où son redressement semblait lancé.",
            "Dopo l'invasione dell'Ucraina il gruppo si ritira dal mercato russo, con "
            "perdite per miliardi di euro, proprio quando la ripresa sembrava avviata.",
        ),
        "companies": ["renault-group"],
        "people": ["luca-de-meo"],
        "episodes": [2],
        "press_releases": [],
    },
    {
        "slug": "new-alliance-announced",
        "date": datetime.date(2023, 2, 1),
        "precision": "month",
        "title": L(
            "A new Alliance is announced in London",
            "Une nouvelle Alliance est annoncée à Londres",
            "A Londra viene annunciata una nuova Alleanza",
        ),
        "summary": L(
            "Renault, Nissan and Mitsubishi Motors agree to redraw their partnership so that each "
            "of them regains its independence: the start of what an English-language trade article "
            'later called a relationship of partners "living apart together".',
            "Renault, Nissan et Mitsubishi Motors conviennent de redessiner leur partenariat pour "
            "que chacun retrouve son indépendance : le début de ce qu'un article de la presse "
            "spécialisée anglophone a ensuite décrit comme des partenaires « living apart "
            "together », ensemble mais chacun chez soi.",
            "Renault, Nissan e Mitsubishi Motors concordano di ridisegnare la loro partnership "
            "perché ciascuno ritrovi la propria indipendenza: l'inizio di quella che un articolo "
            "della stampa di settore in lingua inglese ha poi descritto come una relazione tra "
            "partner «living apart together», insieme ma ognuno a casa propria.",
        ),
        "companies": [
            "renault-nissan-mitsubishi-alliance",
            "renault-group",
            "nissan",
            "mitsubishi-motors",
        ],
        "people": ["jean-dominique-senard", "luca-de-meo"],
        "episodes": [],
        "press_releases": ["new-alliance-nissan-mitsubishi-invest-in-ampere"],
    },
    {
        "slug": "ampere-launched",
        "date": datetime.date(2023, 11, 1),
        "precision": "day",
        "title": L(
            "Ampere starts work",
            "Ampere entre en activité",
            "Ampere entra in attività",
        ),
        "summary": L(
            "The group's company for electric vehicles and software opens for business with "
            "11 sites in France and more than 11,000 employees, 35% of them engineers.",
            "L'entreprise du groupe dédiée aux véhicules électriques et au logiciel démarre "
            "avec 11 sites en France et plus de 11 000 salariés, dont 35 % d'ingénieurs.",
            "La società del gruppo per i veicoli elettrici e il software parte con 11 siti "
            "in Francia e oltre 11.000 dipendenti, per il 35% ingegneri.",
        ),
        "companies": ["ampere", "renault-group"],
        "people": ["luca-de-meo"],
        "episodes": [],
        "press_releases": ["ampere-launches"],
    },
    {
        "slug": "new-alliance-in-force",
        "date": datetime.date(2023, 11, 6),
        "precision": "day",
        "title": L(
            "The authorities approve the new Alliance",
            "Les autorités approuvent la nouvelle Alliance",
            "Le autorità approvano la nuova Alleanza",
        ),
        "summary": L(
            "On 6 November 2023 the authorities approve the new deal, which takes effect on 8 "
            "November; the old Renault-Nissan Alliance ends and the partners act independently, "
            'like a couple "living apart together", as an English-language trade article put it. '
            "Nissan and Mitsubishi Motors have announced that they intend to invest up to €600 "
            "million and €200 million in Ampere.",
            "Le 6 novembre 2023, les autorités approuvent le nouvel accord, qui entre en vigueur "
            "le 8 novembre ; l'ancienne Alliance Renault-Nissan prend fin et chaque partenaire "
            "agit de son côté, comme un couple « living apart together », selon la formule d'un "
            "article de la presse spécialisée anglophone. Nissan et Mitsubishi Motors ont annoncé "
            "leur intention d'investir jusqu'à 600 et 200 millions d'euros dans Ampere.",
            "Il 6 novembre 2023 le autorità approvano il nuovo accordo, che entra in vigore l'8 "
            "novembre; la vecchia Alleanza Renault-Nissan si chiude e ciascun partner agisce in "
            "autonomia, come una coppia «living apart together», secondo la formula di un "
            "articolo della stampa di settore in lingua inglese. Nissan e Mitsubishi Motors hanno "
            "annunciato l'intenzione di investire in Ampere fino a 600 e 200 milioni di euro.",
        ),
        "companies": [
            "renault-nissan-mitsubishi-alliance",
            "nissan",
            "mitsubishi-motors",
            "ampere",
        ],
        "people": ["jean-dominique-senard"],
        "episodes": [],
        "press_releases": ["new-alliance-nissan-mitsubishi-invest-in-ampere"],
    },
    {
        "slug": "ampere-capital-market-day",
        "date": datetime.date(2023, 11, 15),
        "precision": "day",
        "title": L(
            "A Capital Market Day for Ampere",
            "Une Capital Market Day pour Ampere",
            "Un Capital Market Day per Ampere",
        ),
        "summary": L(
            "On 15 November 2023 Renault Group holds a Capital Market Day devoted to Ampere, an "
            "investor day presenting its new company for electric vehicles and software to the "
            "financial markets two weeks after its launch.",
            "Le 15 novembre 2023, le groupe Renault tient une Capital Market Day consacrée à "
            "Ampere, une journée investisseurs qui présente aux marchés financiers sa nouvelle "
            "entreprise de véhicules électriques et de logiciel, deux semaines après son "
            "lancement.",
            "Il 15 novembre 2023 Renault Group tiene un Capital Market Day dedicato ad Ampere, una "
            "giornata per gli investitori che presenta ai mercati finanziari la sua nuova società "
            "per i veicoli elettrici e il software, due settimane dopo il lancio.",
        ),
        "companies": ["ampere", "renault-group"],
        "people": ["luca-de-meo"],
        "episodes": [],
        "press_releases": [],
    },
    {
        "slug": "alpine-f1-team-training",
        "date": datetime.date(2024, 1, 1),
        "precision": "month",
        "title": L(
            "The Alpine F1 Team trains with the GIGN",
            "L'écurie Alpine F1 s'entraîne avec le GIGN",
            "Il team Alpine F1 si allena con il GIGN",
        ),
        "summary": L(
            "To mend a rift between its French and British sides, the team goes through a "
            "demanding course run by the GIGN, the French gendarmerie's elite unit.",
            "Pour réconcilier ses équipes française et britannique, l'écurie suit un stage "
            "exigeant encadré par le GIGN, l'unité d'élite de la gendarmerie.",
            "Per ricucire la frattura tra la parte francese e quella inglese, la squadra "
            "segue un duro programma di addestramento del GIGN, il corpo d'élite della "
            "gendarmeria francese.",
        ),
        "companies": ["alpine-f1-team", "alpine"],
        "people": ["luca-de-meo"],
        "episodes": [3],
        "press_releases": [],
    },
    {
        "slug": "renault-5-geneva",
        "date": datetime.date(2024, 2, 26),
        "precision": "day",
        "title": L(
            "The Renault 5 is the star of Geneva",
            "La Renault 5 triomphe à Genève",
            "La Renault 5 conquista Ginevra",
        ),
        "summary": L(
            "The electric Renault 5, built on Ampere's technology, gets an enthusiastic "
            "welcome at the 2024 Geneva Motor Show.",
            "La Renault 5 électrique, conçue sur la technologie d'Ampere, reçoit un accueil "
            "enthousiaste au Salon de Genève 2024.",
            "La Renault 5 elettrica, basata sulla tecnologia di Ampere, riceve un'accoglienza "
            "entusiasta al Salone di Ginevra 2024.",
        ),
        "companies": ["renault", "ampere"],
        "people": [],
        "episodes": [4],
        "press_releases": ["renault-5-at-geneva-scenic-car-of-the-year"],
    },
    {
        "slug": "scenic-car-of-the-year",
        "date": datetime.date(2024, 2, 26),
        "precision": "day",
        "title": L(
            "The Scenic E-Tech Electric is Car of the Year",
            "Le Scenic E-Tech Electric est élu Voiture de l'année",
            "La Scenic E-Tech Electric è Auto dell'Anno",
        ),
        "summary": L(
            "The electric Scenic wins the Car of the Year 2024 title, a sign that the "
            "Renaulution range is convincing the jury.",
            "Le Scenic électrique remporte le titre de Voiture de l'année 2024, signe que la "
            "gamme de la Renaulution convainc le jury.",
            "La Scenic elettrica conquista il titolo di Auto dell'Anno 2024, segno che la "
            "gamma della Renaulution convince la giuria.",
        ),
        "companies": ["renault"],
        "people": [],
        "episodes": [4],
        "press_releases": ["renault-5-at-geneva-scenic-car-of-the-year"],
    },
    {
        "slug": "anatomy-of-a-comeback-premiere",
        "date": datetime.date(2024, 12, 13),
        "precision": "day",
        "title": L(
            "Anatomy of a Comeback premieres",
            "Première d'Anatomie d'un come-back",
            "Debutta Anatomia di un come-back",
        ),
        "summary": L(
            "Prime Video releases the four episodes, filmed over two years by Breath Film "
            "and Elephant inside Renault Group.",
            "Prime Video met en ligne les quatre épisodes, tournés pendant deux ans par "
            "Breath Film et Elephant au cœur du groupe Renault.",
            "Prime Video pubblica i quattro episodi, girati per due anni da Breath Film ed "
            "Elephant all'interno di Renault Group.",
        ),
        "companies": ["prime-video", "breath-film", "elephant", "renault-group"],
        "people": ["luca-de-meo", "jean-dominique-senard"],
        "episodes": [1, 2, 3, 4],
        "press_releases": ["anatomy-of-a-comeback-premieres-on-prime-video"],
    },
    {
        "slug": "renault-5-turbo-3e-revealed",
        "date": datetime.date(2024, 12, 13),
        "precision": "day",
        "title": L(
            "The Renault 5 Turbo 3E is revealed",
            "La Renault 5 Turbo 3E est dévoilée",
            "Svelata la Renault 5 Turbo 3E",
        ),
        "summary": L(
            "The last episode of the series ends on a surprise: a new flagship model, shown "
            "to viewers before anyone else.",
            "Le dernier épisode de la série se termine sur une surprise : un nouveau modèle "
            "phare, montré aux spectateurs avant tout le monde.",
            "L'ultimo episodio della serie si chiude con una sorpresa: un nuovo modello di "
            "punta, mostrato agli spettatori prima che a chiunque altro.",
        ),
        "companies": ["renault"],
        "people": [],
        "episodes": [4],
        "press_releases": [],
    },
    {
        "slug": "francois-provost-succeeds-luca-de-meo",
        "date": datetime.date(2025, 7, 1),
        "precision": "month",
        "title": L(
            "François Provost succeeds Luca de Meo",
            "François Provost succède à Luca de Meo",
            "François Provost succede a Luca de Meo",
        ),
        "summary": L(
            "Luca de Meo leaves the group in mid-July, after the series was filmed; the "
            "board appoints François Provost as chief executive.",
            "Luca de Meo quitte le groupe à la mi-juillet, après le tournage de la série ; le "
            "conseil nomme François Provost directeur général.",
            "Luca de Meo lascia il gruppo a metà luglio, dopo le riprese della serie; il "
            "consiglio nomina François Provost amministratore delegato.",
        ),
        "companies": ["renault-group"],
        "people": ["luca-de-meo", "francois-provost"],
        "episodes": [],
        "press_releases": [],
    },
]

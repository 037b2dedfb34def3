"""
Benchmark of search with 100,000 published press releases, on PostgreSQL.

    DATABASE_URL=postgres://user@host:5432/anything make bench

Only the server and credentials of DATABASE_URL are used: the benchmark
works in its own database (BENCH_DATABASE_NAME, default `renaulution_bench`),
created and migrated if missing, never the one DATABASE_URL names. It fills
it once (BENCH_ROWS press releases in trilingual text, bulk-created in
batches; a later run reuses them), runs VACUUM ANALYZE, then for one query
per language prints the plan of the page query (EXPLAIN ANALYZE, BUFFERS)
and the median and 95th percentile time of the real search function for a
first page (count + page), over BENCH_RUNS runs.
"""

import os
import random
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

BASE_DIR = Path(__file__).resolve().parent.parent
ROWS = int(os.environ.get("BENCH_ROWS", "100000"))
RUNS = int(os.environ.get("BENCH_RUNS", "20"))
BATCH = 2000
DATABASE_NAME = os.environ.get("BENCH_DATABASE_NAME", "renaulution_bench")
PAGE = 10
# Change it when the generated text changes, so that a later run refills.
SLUG_PREFIX = "bench-v3"

# A common word (about half the releases), two words (a fifth), a surname
# (under one percent).
QUERIES = {"en": "electric", "fr": "véhicules électriques", "it": "Moretti"}

# Realistic press-release text: sentences built from pieces in each
# language, so words recur with varied frequencies as in real releases.
BRANDS = ["Renault", "Dacia", "Alpine", "Ampere", "Mobilize", "Renault Group", "Nissan"]
MODELS = ["Renault 5 E-Tech", "Scenic E-Tech", "Megane E-Tech", "Dacia Spring", "Alpine A290"]
SURNAMES = [
    "Martin",
    "Bernard",
    "Dubois",
    "Laurent",
    "Lefebvre",
    "Moreau",
    "Girard",
    "Fontaine",
    "Rossi",
    "Russo",
    "Ferrari",
    "Esposito",
    "Bianchi",
    "Romano",
    "Colombo",
    "Ricci",
    "Marino",
    "Greco",
    "Bruno",
    "Gallo",
    "Conti",
    "De Luca",
    "Mancini",
    "Costa",
    "Giordano",
    "Rizzo",
    "Lombardi",
    "Moretti",
    "Barbieri",
    "Fontana",
    "Santoro",
    "Mariani",
    "Smith",
    "Jones",
    "Taylor",
    "Brown",
    "Williams",
    "Wilson",
    "Johnson",
    "Davies",
    "Garcia",
    "Fernandez",
    "Lopez",
    "Martinez",
    "Sanchez",
    "Perez",
    "Gomez",
    "Ruiz",
    "Tanaka",
    "Suzuki",
    "Yamamoto",
    "Nakamura",
    "Kobayashi",
    "Kato",
    "Ito",
    "Watanabe",
    "Popescu",
    "Ionescu",
    "Dumitru",
    "Stan",
]
PLACES = ["Douai", "Maubeuge", "Flins", "Cléon", "Bursa", "Valladolid", "Tanger", "Pitești"]
SENTENCES = {
    "en": [
        "{brand} announces a new electric platform for {model}.",
        "The plant in {place} will build batteries for {brand} from next year.",
        "{brand} reports revenue of {number} billion euros, up {percent} percent.",
        "The {model} wins a design award for its electric architecture.",
        "{brand} signs a partnership on software-defined vehicles.",
        "Production at {place} rises to {number} thousand vehicles a year.",
        "A recycling programme gives used batteries a second life.",
        "{brand} opens orders for the {model} in twelve countries.",
        "The Renaulution plan enters a new phase of growth and value.",
        "Charging networks expand along the motorways of Europe.",
        "{person}, head of the programme, presents the roadmap.",
        "“We are proud of the teams,” says {person}.",
        "The board meets in Boulogne-Billancourt to review the results.",
        "{brand} appoints a new head of design for its European brands.",
        "Customers can now configure the {model} online.",
        "The company hires {number} hundred engineers in {place}.",
        "A new dealer network opens in {place} this spring.",
        "{brand} presents its strategy to investors in Paris.",
        "The docuseries follows the teams of {brand} for two years.",
        "Motorsport results lift the image of {brand} among young drivers.",
        "Safety tests give the {model} five stars.",
        "Suppliers in {place} sign long-term contracts with {brand}.",
    ],
    "fr": [
        "{brand} annonce une nouvelle plateforme électrique pour la {model}.",
        "L'usine de {place} produira des batteries pour {brand} dès l'an prochain.",
        "{brand} publie un chiffre d'affaires de {number} milliards d'euros, "
        "en hausse de {percent} %.",
        "La {model} reçoit un prix de design pour son architecture électrique.",
        "{brand} signe un partenariat sur les véhicules définis par logiciel.",
        "La production à {place} atteint {number} milliers de véhicules par an.",
        "Un programme de recyclage donne une seconde vie aux batteries usagées.",
        "{brand} ouvre les commandes de la {model} dans douze pays.",
        "Le plan Renaulution entre dans une nouvelle phase de croissance et de valeur.",
        "Les réseaux de recharge s'étendent le long des autoroutes d'Europe.",
        "{person}, directeur du programme, présente la feuille de route.",
        "« Nous sommes fiers des équipes », déclare {person}.",
        "Le conseil se réunit à Boulogne-Billancourt pour examiner les résultats.",
        "{brand} nomme un nouveau directeur du design pour ses marques européennes.",
        "Les clients peuvent désormais configurer la {model} en ligne.",
        "L'entreprise recrute {number} centaines d'ingénieurs à {place}.",
        "Un nouveau réseau de concessionnaires ouvre à {place} ce printemps.",
        "{brand} présente sa stratégie aux investisseurs à Paris.",
        "La série documentaire suit les équipes de {brand} pendant deux ans.",
        "Les résultats en sport automobile renforcent l'image de {brand} chez les jeunes.",
        "Les essais de sécurité donnent cinq étoiles à la {model}.",
        "Les fournisseurs de {place} signent des contrats de long terme avec {brand}.",
    ],
    "it": [
        "{brand} annuncia una nuova piattaforma elettrica per la {model}.",
        "Lo stabilimento di {place} produrrà batterie per {brand} dal prossimo anno.",
        "{brand} registra ricavi per {number} miliardi di euro, in crescita del {percent} %.",
        "La {model} vince un premio di design per la sua architettura elettrica.",
        "{brand} firma una partnership sui veicoli definiti dal software.",
        "La produzione a {place} sale a {number} mila veicoli all'anno.",
        "Un programma di riciclo dà una seconda vita alle batterie usate.",
        "{brand} apre gli ordini della {model} in dodici paesi.",
        "Il piano Renaulution entra in una nuova fase di crescita e di valore.",
        "Le reti di ricarica si estendono lungo le autostrade d'Europa.",
        "{person}, responsabile del programma, presenta la tabella di marcia.",
        "«Siamo orgogliosi delle squadre», dichiara {person}.",
        "Il consiglio si riunisce a Boulogne-Billancourt per esaminare i risultati.",
        "{brand} nomina un nuovo responsabile del design per i suoi marchi europei.",
        "I clienti possono ora configurare la {model} online.",
        "L'azienda assume {number} centinaia di ingegneri a {place}.",
        "Una nuova rete di concessionari apre a {place} questa primavera.",
        "{brand} presenta la sua strategia agli investitori a Parigi.",
        "La docuserie segue le squadre di {brand} per due anni.",
        "I risultati nel motorsport rafforzano l'immagine di {brand} tra i giovani.",
        "I crash test danno cinque stelle alla {model}.",
        "I fornitori di {place} firmano contratti a lungo termine con {brand}.",
    ],
}


def bench_database_url():
    url = os.environ.get("DATABASE_URL", "")
    parts = urlsplit(url)
    if parts.scheme not in {"postgres", "postgresql", "pgsql"}:
        sys.exit(
            "make bench needs PostgreSQL: set DATABASE_URL=postgres://user@host:5432/name "
            f"(only its server is used; the benchmark works in {DATABASE_NAME!r})."
        )
    return urlunsplit(parts._replace(path=f"/{DATABASE_NAME}"))


def create_database(url):
    import psycopg
    from psycopg import sql

    parts = urlsplit(url)
    server = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(server, autocommit=True) as conn:
        exists = conn.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [DATABASE_NAME]
        ).fetchone()
        if not exists:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(DATABASE_NAME)))
            print(f"created database {DATABASE_NAME}")


def paragraph(rng, language, sentences):
    picks = rng.sample(SENTENCES[language], sentences)
    values = {
        "brand": rng.choice(BRANDS),
        "model": rng.choice(MODELS),
        "place": rng.choice(PLACES),
        "person": rng.choice(SURNAMES),
        "number": rng.randint(2, 60),
        "percent": rng.randint(1, 15),
    }
    return " ".join(sentence.format(**values) for sentence in picks)


def fill(rows):
    from django.db import connection

    from companies.models import Company, Person, PressRelease
    from tests.factories import CompanyFactory, PersonFactory

    last = f"{SLUG_PREFIX}-{rows - 1}"
    if PressRelease.objects.count() == rows and PressRelease.objects.filter(slug_en=last).exists():
        print(f"reusing {rows} press releases")
        return
    with connection.cursor() as cursor:
        cursor.execute("TRUNCATE companies_pressrelease CASCADE")
    company = Company.objects.filter(slug_en="bench-renault-group").first() or CompanyFactory(
        name="Renault Group", slug_en="bench-renault-group"
    )
    if not Person.objects.filter(slug_en="bench-luca-de-meo").exists():
        PersonFactory(name="Luca de Meo", slug_en="bench-luca-de-meo")
    rng = random.Random(2024)
    started = time.perf_counter()
    for start in range(0, rows, BATCH):
        batch = []
        for number in range(start, min(start + BATCH, rows)):
            texts = {}
            for language in ("en", "fr", "it"):
                texts[f"title_{language}"] = paragraph(rng, language, 1)[:250]
                texts[f"summary_{language}"] = paragraph(rng, language, 1)
                texts[f"body_{language}"] = "".join(
                    f"<p>{paragraph(rng, language, 2)}</p>" for _ in range(2)
                )
            batch.append(
                PressRelease(
                    **texts,
                    slug_en=f"{SLUG_PREFIX}-{number}",
                    company=company,
                    status="published",
                    published_at="2024-12-13T09:00:00Z",
                    issued_on="2024-12-13",
                )
            )
        PressRelease.objects.bulk_create(batch)
        print(f"  {min(start + BATCH, rows)} / {rows}", end="\r", flush=True)
    print(f"created {rows} press releases in {time.perf_counter() - started:.1f} s")


def percentile(values, percent):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(percent / 100 * (len(ordered) - 1)))]


def main():
    url = bench_database_url()
    create_database(url)
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "renaulution.settings")
    sys.path.insert(0, str(BASE_DIR))

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.utils import translation

    from renaulution.search import search

    call_command("migrate", verbosity=0)
    fill(ROWS)
    with connection.cursor() as cursor:
        # Merges the GIN pending lists and refreshes statistics, as
        # autovacuum would on a live site.
        cursor.execute(
            "VACUUM ANALYZE companies_pressrelease, companies_company, "
            "companies_person, episodes_episode"
        )

    for language, query in QUERIES.items():
        with translation.override(language):
            results = search(query, language=language)
            matches = results.matched.count()
            print(f"\n=== {language}: {query!r}, {matches} matches ===")
            print("--- page query (ranked keys of the first page) ---")
            print(results.keys[:PAGE].explain(analyze=True, buffers=True))
            with CaptureQueriesContext(connection) as counted:
                results.count()
            print(f"--- count query (up to {results.limit + 1}) ---")
            with connection.cursor() as cursor:
                cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + counted.captured_queries[0]["sql"])
                print("\n".join(row[0] for row in cursor.fetchall()))
            totals, counts = [], []
            for _ in range(RUNS):
                started = time.perf_counter()
                results = search(query, language=language)
                results.count()
                counted = time.perf_counter()
                page = results[:PAGE]
                totals.append((time.perf_counter() - started) * 1000)
                counts.append((counted - started) * 1000)
            assert len(page) == PAGE, page
            print(
                f"search({query!r}, language={language!r}), {RUNS} runs: "
                f"count + first page median {statistics.median(totals):.1f} ms, "
                f"p95 {percentile(totals, 95):.1f} ms "
                f"(of which the count: median {statistics.median(counts):.1f} ms)"
            )


if __name__ == "__main__":
    main()

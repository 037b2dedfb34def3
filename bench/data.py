"""
The benchmark's data sets, each in its own PostgreSQL database.

    DATABASE_URL=postgres://user@host:5432/anything python bench/data.py [large|small|both]

Only the server and credentials of DATABASE_URL are used, never the database
it names:

- *large* (BENCH_DATABASE_NAME, default `renaulution_bench`): BENCH_ROWS
  press releases (100,000) in English, French and Italian, BENCH_COMPANIES
  companies (2,000) in group trees, BENCH_PEOPLE people (10,000) with their
  positions, BENCH_EPISODES episodes (200, in series of 20), BENCH_MILESTONES
  milestones (300), people mentioned on releases and featured in episodes.
  Images are real files saved through the models' image fields (so their
  renditions are written as for an editor's upload), a few per kind, shared
  by the other rows as stored names: every page shows real `<picture>`s.
  Popularity follows Zipf's law, as in real archives: the largest company
  issues about an eighth of all releases, the most mentioned person is on
  about one in ten.
- *small* (`<name>_small`): the shipped content (`load_renaulution`).

Each has its media folder, BENCH_MEDIA_ROOT/<database> (default
`.bench/media/` in the repository). The large set is built once, in batches
with a progress bar, then VACUUM ANALYZE; a later run reuses it. A marker (the
database's comment) records the generator's VERSION and the sizes: change
either and the next run drops the database and builds it again.

Other scripts import it: `use(dataset)` points Django at a data set before
`django.setup()`, `build(dataset)` makes sure it is there.
"""

import io
import os
import random
import shutil
import sys
import time
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

BASE_DIR = Path(__file__).resolve().parent.parent
if str(BASE_DIR) not in sys.path:
    sys.path.insert(0, str(BASE_DIR))

# Change it when the generator changes, so that the next run refills.
VERSION = 4
BATCH = 2000
# Distinct image files per kind; the other rows share them.
IMAGES_PER_KIND = int(os.environ.get("BENCH_IMAGES_PER_KIND", "8"))
SERIES_SIZE = 20
SEED = 2024


def _env_int(name, default):
    return int(os.environ.get(name, default))


@dataclass(frozen=True)
class Sizes:
    press_releases: int = _env_int("BENCH_ROWS", 100_000)
    companies: int = _env_int("BENCH_COMPANIES", 2_000)
    people: int = _env_int("BENCH_PEOPLE", 10_000)
    episodes: int = _env_int("BENCH_EPISODES", 200)
    milestones: int = _env_int("BENCH_MILESTONES", 300)

    def marker(self):
        return (
            f"renaulution bench data v{VERSION}: {self.press_releases} press releases, "
            f"{self.companies} companies, {self.people} people, {self.episodes} episodes, "
            f"{self.milestones} milestones, {IMAGES_PER_KIND} images per kind"
        )


@dataclass(frozen=True)
class Dataset:
    name: str  # "large" or "small"
    database: str

    @property
    def media_root(self):
        root = Path(os.environ.get("BENCH_MEDIA_ROOT", BASE_DIR / ".bench" / "media"))
        return root / self.database

    @property
    def url(self):
        return database_url(self.database)


LARGE_DATABASE = os.environ.get("BENCH_DATABASE_NAME", "renaulution_bench")
DATASETS = {
    "small": Dataset("small", f"{LARGE_DATABASE}_small"),
    "large": Dataset("large", LARGE_DATABASE),
}


class NoPostgres(SystemExit):
    """DATABASE_URL is missing or not PostgreSQL: exit status 2, with the reason."""

    def __init__(self):
        print(
            "make bench needs PostgreSQL: set DATABASE_URL=postgres://user@host:5432/name\n"
            f"(only its server and credentials are used: the benchmark works in its own "
            f"databases, {LARGE_DATABASE!r} and {LARGE_DATABASE + '_small'!r}).",
            file=sys.stderr,
        )
        super().__init__(2)


def server_url():
    url = os.environ.get("BENCH_SERVER_URL") or os.environ.get("DATABASE_URL", "")
    if urlsplit(url).scheme not in {"postgres", "postgresql", "pgsql"}:
        raise NoPostgres
    return url


def database_url(database):
    return urlunsplit(urlsplit(server_url())._replace(path=f"/{database}"))


def use(dataset, settings="bench.settings"):
    """
    Point this process's Django at `dataset` (its database and media
    folder); call before `django.setup()`. The server URL is kept in
    BENCH_SERVER_URL so that child processes can find the others.
    """
    os.environ["BENCH_SERVER_URL"] = server_url()
    os.environ["DATABASE_URL"] = dataset.url
    os.environ["DJANGO_MEDIA_ROOT"] = str(dataset.media_root)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", settings)
    os.environ.setdefault("DJANGO_DEBUG", "1")


def _server_connection():
    import psycopg

    server = urlunsplit(urlsplit(server_url())._replace(path="/postgres"))
    return psycopg.connect(server, autocommit=True)


def marker_of(database):
    """The comment on `database`, "" when it has none, None when it does not exist."""
    with _server_connection() as conn:
        row = conn.execute(
            "SELECT coalesce(shobj_description(oid, 'pg_database'), '') "
            "FROM pg_database WHERE datname = %s",
            [database],
        ).fetchone()
    return None if row is None else row[0]


def create_database(database, *, drop=False):
    from psycopg import sql

    with _server_connection() as conn:
        name = sql.Identifier(database)
        if drop:
            conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(name))
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [database])
        if not exists.fetchone():
            conn.execute(sql.SQL("CREATE DATABASE {}").format(name))
            print(f"created database {database}")


def set_marker(database, text):
    from psycopg import sql

    with _server_connection() as conn:
        conn.execute(
            sql.SQL("COMMENT ON DATABASE {} IS {}").format(
                sql.Identifier(database), sql.Literal(text)
            )
        )


# Realistic press-release text: sentences built from pieces in each
# language, so words recur with varied frequencies as in real releases.
BRANDS = ["Renault", "Dacia", "Alpine", "Ampere", "Mobilize", "Renault Group", "Nissan"]
MODELS = ["Renault 5 E-Tech", "Scenic E-Tech", "Megane E-Tech", "Dacia Spring", "Alpine A290"]
FIRST_NAMES = [
    "Anne", "Luca", "Sophie", "Marco", "Claire", "Giulia", "Thomas", "Chiara", "Julien",
    "Elena", "Pierre", "Francesca", "Laura", "Matteo", "Camille", "Paolo", "Hiroshi",
    "Yuki", "Carlos", "Maria", "David", "Sarah", "Ion", "Ana", "Fabrice", "Denis",
    "Gilles", "Josep", "Clotilde", "Thierry",
]  # fmt: skip
SURNAMES = [
    "Martin", "Bernard", "Dubois", "Laurent", "Lefebvre", "Moreau", "Girard", "Fontaine",
    "Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci",
    "Marino", "Greco", "Bruno", "Gallo", "Conti", "De Luca", "Mancini", "Costa",
    "Giordano", "Rizzo", "Lombardi", "Moretti", "Barbieri", "Fontana", "Santoro",
    "Mariani", "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson",
    "Davies", "Garcia", "Fernandez", "Lopez", "Martinez", "Sanchez", "Perez", "Gomez",
    "Ruiz", "Tanaka", "Suzuki", "Yamamoto", "Nakamura", "Kobayashi", "Kato", "Ito",
    "Watanabe", "Popescu", "Ionescu", "Dumitru", "Stan",
]  # fmt: skip
PLACES = ["Douai", "Maubeuge", "Flins", "Cléon", "Bursa", "Valladolid", "Tanger", "Pitești"]
COUNTRIES = ["France", "Italy", "Spain", "Romania", "Morocco", "Turkey", "Japan", "Brazil"]
COMPANY_WORDS = [
    "Electric", "Nord", "Atlantic", "Alpine", "Lumen", "Vector", "Orbis", "Kinetic",
    "Solaris", "Delta", "Horizon", "Nova", "Terra", "Aero", "Volta", "Axis", "Prima",
    "Blue", "Silver", "Quantum", "Meridian", "Cobalt", "Lithium", "Carbon",
]  # fmt: skip
COMPANY_NOUNS = [
    "Motors", "Mobility", "Batteries", "Software", "Logistics", "Components", "Energy",
    "Design", "Media", "Studios", "Charging", "Robotics", "Materials", "Capital",
    "Systems", "Networks", "Engineering", "Finance",
]  # fmt: skip
COMPANY_FORMS = ["", "SAS", "S.p.A.", "Ltd", "GmbH", "Group"]
TITLES = [
    ("Chief executive officer", "Directeur général", "Amministratore delegato"),
    ("Chief financial officer", "Directeur financier", "Direttore finanziario"),
    ("Head of design", "Directeur du design", "Responsabile del design"),
    ("Plant manager", "Directeur d'usine", "Direttore di stabilimento"),
    ("Board member", "Administrateur", "Consigliere di amministrazione"),
    ("Chief engineer", "Ingénieur en chef", "Ingegnere capo"),
    ("Head of communications", "Directeur de la communication", "Direttore comunicazione"),
]
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
LANGUAGES = ("en", "fr", "it")


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


def localized(rng, field, sentences, *, limit=None, html=False, paragraphs=1):
    """`field_en`, `field_fr`, `field_it` of generated text."""
    values = {}
    for language in LANGUAGES:
        if html:
            text = "".join(
                f"<p>{paragraph(rng, language, sentences)}</p>" for _ in range(paragraphs)
            )
        else:
            text = paragraph(rng, language, sentences)
        values[f"{field}_{language}"] = text[:limit] if limit else text
    return values


def zipf_weights(count):
    return [1 / (rank + 1) for rank in range(count)]


def progress(total, description):
    from tqdm import tqdm

    # disable=None: a bar on a terminal, nothing in a log file.
    return tqdm(total=total, desc=description, unit=" rows", disable=None, leave=True)


# Images ---------------------------------------------------------------------


def _image_bytes(rng, size, fmt, transparent=False):
    from PIL import Image, ImageDraw

    mode = "RGBA" if transparent else "RGB"
    background = (0, 0, 0, 0) if transparent else tuple(rng.randrange(40, 220) for _ in range(3))
    image = Image.new(mode, size, background)
    draw = ImageDraw.Draw(image)
    for _ in range(6):
        x0, y0 = rng.randrange(size[0]), rng.randrange(size[1])
        x1, y1 = x0 + rng.randrange(size[0] // 2), y0 + rng.randrange(size[1] // 2)
        draw.ellipse((x0, y0, x1, y1), fill=tuple(rng.randrange(256) for _ in range(3)))
    buffer = io.BytesIO()
    image.save(buffer, fmt, **({"quality": 80} if fmt == "JPEG" else {}))
    return buffer.getvalue()


# (field, size, format, transparent) per model: the sizes the shipped images have.
IMAGE_KINDS = {
    "company": ("logo", (400, 400), "PNG", True),
    "person": ("portrait", (600, 600), "JPEG", False),
    "press": ("image", (1200, 630), "JPEG", False),
    "series": ("poster", (800, 1200), "JPEG", False),
    "episode": ("still", (1280, 720), "JPEG", False),
    "milestone": ("image", (1200, 630), "JPEG", False),
}


def attach_image(rng, obj, kind, number):
    """Give `obj` a new image file, saved through its field when `obj` is saved."""
    from django.core.files.base import ContentFile

    field, size, fmt, transparent = IMAGE_KINDS[kind]
    suffix = "png" if fmt == "PNG" else "jpg"
    content = _image_bytes(rng, size, fmt, transparent)
    setattr(obj, field, ContentFile(content, name=f"{kind}-{number}.{suffix}"))
    for language in LANGUAGES:
        setattr(obj, f"{field}_alt_{language}", f"{kind} {number} ({language})")


def share_image(obj, template, field):
    """Point `obj` at `template`'s stored image (and its renditions)."""
    # Past the field's descriptor, which would open the file to read a size
    # we already know (for each of 30,000 rows).
    obj.__dict__[field] = getattr(template, field).name
    for suffix in ("width", "height", *(f"alt_{language}" for language in LANGUAGES)):
        setattr(obj, f"{field}_{suffix}", getattr(template, f"{field}_{suffix}"))


def save_with_images(rng, objects, kind):
    """Save the first objects one by one with new image files: the shared templates."""
    templates = []
    for number, obj in enumerate(objects[:IMAGES_PER_KIND]):
        attach_image(rng, obj, kind, number)
        obj.save()
        templates.append(obj)
    return templates


# The large data set -----------------------------------------------------------


class Generator:
    """Builds the large data set in an empty, migrated database."""

    def __init__(self, sizes):
        self.sizes = sizes
        self.rng = random.Random(SEED)
        self.now = datetime.now(UTC)

    def publication(self, when, *, draft_share=0.03, scheduled_share=0.005):
        """Mostly published at `when`; a few drafts and a few scheduled for later."""
        roll = self.rng.random()
        if roll < draft_share:
            return {"status": "draft", "published_at": when}
        if roll < draft_share + scheduled_share:
            later = self.now + timedelta(days=self.rng.randint(1, 60))
            return {"status": "published", "published_at": later}
        return {"status": "published", "published_at": when}

    def random_date(self, start=date(2005, 1, 1), end=date(2025, 11, 30)):
        return start + timedelta(days=self.rng.randrange((end - start).days))

    def at_nine(self, day):
        return datetime(day.year, day.month, day.day, 8, 0, tzinfo=UTC)

    def run(self):
        started = time.perf_counter()
        self.companies()
        self.people()
        self.series_and_episodes()
        self.press_releases()
        self.milestones()
        print(f"built the large data set in {time.perf_counter() - started:.0f} s")

    def bulk(self, model, objects, bar=None):
        created = []
        for start in range(0, len(objects), BATCH):
            created.extend(model.objects.bulk_create(objects[start : start + BATCH]))
            if bar is not None:
                bar.update(len(objects[start : start + BATCH]))
        return created

    def bulk_links(self, through, rows):
        for start in range(0, len(rows), BATCH * 5):
            through.objects.bulk_create(rows[start : start + BATCH * 5])

    def companies(self):
        from companies.models import Company

        rng, count = self.rng, self.sizes.companies
        names = [name for name in BRANDS if name != "Renault"]
        names.insert(0, "Renault")
        combinations = [
            " ".join(filter(None, (word, noun, form)))
            for word in COMPANY_WORDS
            for noun in COMPANY_NOUNS
            for form in COMPANY_FORMS
        ]
        rng.shuffle(combinations)
        names += [name for name in combinations if name not in names][: max(0, count - len(names))]
        kinds = [kind for kind, _label in Company.Kind.choices]
        objects = []
        for number, name in enumerate(names[:count]):
            slug = f"{_slug(name)}-{number}"
            objects.append(
                Company(
                    name=name,
                    slug_en=slug,
                    slug_fr=f"{slug}-fr" if number % 3 == 1 else None,
                    slug_it=f"{slug}-it" if number % 3 == 2 else None,
                    kind=Company.Kind.GROUP if number < 10 else rng.choice(kinds),
                    founded_year=rng.randint(1899, 2023),
                    headquarters=f"{rng.choice(PLACES)}, {rng.choice(COUNTRIES)}",
                    website=f"https://{slug}.example.com/",
                    **localized(rng, "tagline", 1, limit=250),
                    **localized(rng, "description", 2, html=True, paragraphs=2),
                    **self.publication(self.at_nine(self.random_date())),
                )
            )
        for obj in objects[:IMAGES_PER_KIND]:
            obj.status, obj.published_at = "published", self.at_nine(date(2020, 1, 1))
        with progress(count, "companies") as bar:
            templates = save_with_images(rng, objects, "company")
            bar.update(len(templates))
            for obj in objects[len(templates) :]:
                share_image(obj, rng.choice(templates), "logo")
            self.company_list = templates + self.bulk(Company, objects[len(templates) :], bar)
        # Group trees: a tenth are groups' direct subsidiaries, some of those
        # have their own, the rest stand alone (partners, media, suppliers).
        children = []
        for number, company in enumerate(self.company_list[10:], start=10):
            if number < count // 10:
                company.parent = self.company_list[rng.randrange(10)]
            elif number < count // 4:
                company.parent = self.company_list[rng.randrange(10, count // 10)]
            else:
                continue
            children.append(company)
        Company.objects.bulk_update(children, ["parent"], batch_size=BATCH)
        self.company_weights = zipf_weights(len(self.company_list))

    def pick_company(self):
        return self.rng.choices(self.company_list, self.company_weights)[0]

    def people(self):
        from companies.models import Person, Position

        rng, count = self.rng, self.sizes.people
        objects = []
        for number in range(count):
            name = f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}"
            slug = f"{_slug(name)}-{number}"
            objects.append(
                Person(
                    name=name,
                    slug_en=slug,
                    slug_fr=f"{slug}-fr" if number % 5 == 1 else None,
                    **localized(rng, "headline", 1, limit=250),
                    **localized(rng, "biography", 3, html=True, paragraphs=2),
                    **self.publication(self.at_nine(self.random_date())),
                )
            )
        for obj in objects[:IMAGES_PER_KIND]:
            obj.status, obj.published_at = "published", self.at_nine(date(2020, 1, 1))
        with progress(count, "people") as bar:
            templates = save_with_images(rng, objects, "person")
            bar.update(len(templates))
            # Half of the people have a portrait.
            for obj in objects[len(templates) :]:
                if rng.random() < 0.5:
                    share_image(obj, rng.choice(templates), "portrait")
            self.person_list = templates + self.bulk(Person, objects[len(templates) :], bar)
        self.person_weights = zipf_weights(count)
        positions = []
        for person in self.person_list:
            start = self.random_date(date(1995, 1, 1), date(2024, 1, 1))
            for index in range(rng.choice((1, 1, 2, 2, 3))):
                title = rng.choice(TITLES)
                end = start + timedelta(days=rng.randint(200, 2500))
                positions.append(
                    Position(
                        person=person,
                        company=self.pick_company(),
                        title_en=title[0],
                        title_fr=title[1],
                        title_it=title[2],
                        start_date=start,
                        end_date=None if index == 0 else end,
                    )
                )
        with progress(len(positions), "positions") as bar:
            self.bulk(Position, positions, bar)

    def series_and_episodes(self):
        from episodes.models import Episode, EpisodeCompany, Series, SeriesProducer

        rng = self.rng
        series_count = max(1, -(-self.sizes.episodes // SERIES_SIZE))
        all_series = []
        for number in range(series_count):
            premiere = date(2024, 12, 13) - timedelta(days=400 * number)
            series = Series(
                title_en="Anatomy of a Comeback" if number == 0 else f"Season of change {number}",
                title_fr="Anatomie d'un come-back" if number == 0 else f"Saison {number}",
                title_it="Anatomia di un come-back" if number == 0 else f"Stagione {number}",
                **localized(rng, "tagline", 1, limit=250),
                **localized(rng, "synopsis", 3, html=True, paragraphs=2),
                premiere_date=premiere,
                platform=self.company_list[rng.randrange(10, 50)],
                subject=self.company_list[0],
                status="published",
                published_at=self.at_nine(premiere),
            )
            if number < IMAGES_PER_KIND:
                attach_image(rng, series, "series", number)
            else:
                share_image(series, all_series[number % IMAGES_PER_KIND], "poster")
            series.save()
            SeriesProducer.objects.create(series=series, company=self.pick_company())
            all_series.append(series)
        objects = []
        for number in range(self.sizes.episodes):
            series = all_series[number // SERIES_SIZE]
            release = series.premiere_date + timedelta(days=7 * (number % SERIES_SIZE))
            objects.append(
                Episode(
                    series=series,
                    number=number % SERIES_SIZE + 1,
                    **localized(rng, "title", 1, limit=200),
                    slug_en=f"episode-{number}",
                    slug_fr=f"episode-{number}-fr" if number % 2 else None,
                    **localized(rng, "synopsis", 3, html=True, paragraphs=2),
                    runtime_minutes=rng.randint(38, 55),
                    release_date=release,
                    **self.publication(self.at_nine(release), draft_share=0.05, scheduled_share=0),
                )
            )
        for obj in objects[:IMAGES_PER_KIND]:
            obj.status = "published"
        with progress(len(objects), "episodes") as bar:
            templates = save_with_images(rng, objects, "episode")
            bar.update(len(templates))
            for obj in objects[len(templates) :]:
                share_image(obj, rng.choice(templates), "still")
            self.episode_list = templates + self.bulk(Episode, objects[len(templates) :], bar)
        people_links, company_links = [], []
        for episode in self.episode_list:
            people = {id(p): p for p in rng.choices(self.person_list[:500], k=rng.randint(3, 6))}
            people_links += [
                Episode.people.through(episode_id=episode.pk, person_id=person.pk)
                for person in people.values()
            ]
            companies = {c.pk for c in (self.pick_company() for _ in range(rng.randint(2, 4)))}
            company_links += [
                EpisodeCompany(episode_id=episode.pk, company_id=pk) for pk in companies
            ]
        self.bulk_links(Episode.people.through, people_links)
        self.bulk_links(EpisodeCompany, company_links)

    def press_releases(self):
        from companies.models import PressRelease

        rng, count = self.rng, self.sizes.press_releases
        templates = []
        mentions = []
        with progress(count, "press releases") as bar:
            for start in range(0, count, BATCH):
                batch = []
                for number in range(start, min(start + BATCH, count)):
                    issued = self.random_date()
                    texts = {
                        **localized(rng, "title", 1, limit=250),
                        **localized(rng, "summary", 2),
                        **localized(rng, "body", 2, html=True, paragraphs=3),
                    }
                    original = rng.choices(LANGUAGES, (5, 4, 1))[0]
                    slug = f"{_slug(texts['title_en'])[:80]}-{number}"
                    release = PressRelease(
                        **texts,
                        slug_en=slug,
                        slug_fr=f"{_slug(texts['title_fr'])[:80]}-{number}"
                        if original == "fr"
                        else None,
                        slug_it=f"{_slug(texts['title_it'])[:80]}-{number}"
                        if original == "it"
                        else None,
                        company=self.pick_company(),
                        issued_on=issued,
                        original_language=original,
                        press_contact=f"press@{_slug(rng.choice(BRANDS))}.example",
                        **self.publication(self.at_nine(issued)),
                    )
                    if number < IMAGES_PER_KIND:
                        release.status = "published"
                        attach_image(rng, release, "press", number)
                        release.save()
                        templates.append(release)
                        continue
                    if rng.random() < 0.3:
                        share_image(release, rng.choice(templates), "image")
                    batch.append(release)
                created = PressRelease.objects.bulk_create(batch) if batch else []
                for release in created + (templates if start == 0 else []):
                    mentioned = rng.choices(
                        self.person_list,
                        self.person_weights,
                        k=rng.choices((0, 1, 2, 3), (40, 35, 15, 10))[0],
                    )
                    mentions += [
                        PressRelease.people.through(pressrelease_id=release.pk, person_id=pk)
                        for pk in {person.pk for person in mentioned}
                    ]
                bar.update(min(start + BATCH, count) - start)
        with progress(len(mentions), "people mentioned") as bar:
            for start in range(0, len(mentions), BATCH * 5):
                chunk = mentions[start : start + BATCH * 5]
                PressRelease.people.through.objects.bulk_create(chunk)
                bar.update(len(chunk))
        self.press_count = count

    def milestones(self):
        from companies.models import PressRelease
        from timeline.models import Milestone

        rng, count = self.rng, self.sizes.milestones
        release_ids = list(
            PressRelease.objects.order_by("?").values_list("pk", flat=True)[: count * 3]
        )
        objects = []
        for number in range(count):
            day = self.random_date(date(2000, 1, 1), date(2025, 11, 30))
            precision = rng.choices(("day", "month", "year"), (6, 3, 1))[0]
            if precision == "month":
                day = day.replace(day=1)
            elif precision == "year":
                day = day.replace(month=1, day=1)
            objects.append(
                Milestone(
                    date=day,
                    precision=precision,
                    slug=f"milestone-{number}",
                    **localized(rng, "title", 1, limit=200),
                    **localized(rng, "summary", 2),
                    **self.publication(self.at_nine(day), scheduled_share=0),
                )
            )
        for obj in objects[:IMAGES_PER_KIND]:
            obj.status = "published"
        with progress(count, "milestones") as bar:
            templates = save_with_images(rng, objects, "milestone")
            bar.update(len(templates))
            for obj in objects[len(templates) :]:
                if rng.random() < 0.3:
                    share_image(obj, rng.choice(templates), "image")
            milestones = templates + self.bulk(Milestone, objects[len(templates) :], bar)
        links = {"companies": [], "people": [], "episodes": [], "press_releases": []}
        for milestone in milestones:
            for relation, pool, size, key in (
                ("companies", self.company_list[:200], (1, 3), "company_id"),
                ("people", self.person_list[:500], (1, 3), "person_id"),
                ("episodes", self.episode_list, (0, 2), "episode_id"),
            ):
                chosen = {obj.pk for obj in rng.sample(pool, rng.randint(*size))}
                through = getattr(Milestone, relation).through
                links[relation] += [
                    through(milestone_id=milestone.pk, **{key: pk}) for pk in chosen
                ]
            chosen = set(rng.sample(release_ids, rng.randint(0, 3)))
            links["press_releases"] += [
                Milestone.press_releases.through(milestone_id=milestone.pk, pressrelease_id=pk)
                for pk in chosen
            ]
        for relation, rows in links.items():
            self.bulk_links(getattr(Milestone, relation).through, rows)


def _slug(text):
    from django.utils.text import slugify

    return slugify(text)[:100] or "item"


def vacuum_analyze():
    """Merges the GIN pending lists and refreshes statistics, as autovacuum would on a live site."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")


# Building -------------------------------------------------------------------


def build(dataset, *, force=False, sizes=None):
    """
    Make sure `dataset` exists, migrated and filled (in this process: Django
    must be set up with `use(dataset)`). Returns True when it was (re)built.
    """
    from django.core.management import call_command

    sizes = sizes or Sizes()
    if dataset.name == "small":
        # Its images live in this checkout's media folder: a database kept
        # from another checkout (or with the folder deleted) is loaded anew.
        create_database(dataset.database, drop=force or not dataset.media_root.exists())
        call_command("migrate", verbosity=0)
        from renaulution.content.loader import load_content, summarize
        from renaulution.images import generate_all_renditions

        counts = load_content()
        generate_all_renditions()
        vacuum_analyze()
        print(f"small data set ({dataset.database}): {summarize(counts)}")
        return any(value for key, value in counts.items() if key != "existing")
    wanted = sizes.marker()
    current = marker_of(dataset.database)
    if current == wanted and not force and dataset.media_root.exists():
        call_command("migrate", verbosity=0)
        print(f"reusing the large data set in {dataset.database} ({wanted})")
        return False
    print(f"building the large data set in {dataset.database}: {wanted}")
    from django.db import connections

    connections.close_all()
    create_database(dataset.database, drop=True)
    shutil.rmtree(dataset.media_root, ignore_errors=True)
    call_command("migrate", verbosity=0)
    Generator(sizes).run()
    print("VACUUM ANALYZE …", flush=True)
    vacuum_analyze()
    set_marker(dataset.database, wanted)
    return True


def main(argv=None):
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("which", nargs="?", choices=["large", "small", "both"], default="both")
    parser.add_argument("--force", action="store_true", help="rebuild even if the marker matches")
    args = parser.parse_args(argv)
    server_url()  # exits 2 with the reason when DATABASE_URL is not PostgreSQL
    names = ["small", "large"] if args.which == "both" else [args.which]
    if len(names) > 1:
        # One Django per process: each data set in a child of its own.
        import subprocess

        for name in names:
            command = [sys.executable, __file__, name] + (["--force"] if args.force else [])
            subprocess.run(command, check=True)
        return
    dataset = DATASETS[names[0]]
    use(dataset)
    import django

    django.setup()
    build(dataset, force=args.force)
    print(
        f"use it with: DATABASE_URL={dataset.url} DJANGO_MEDIA_ROOT={dataset.media_root}",
        flush=True,
    )


if __name__ == "__main__":
    main()

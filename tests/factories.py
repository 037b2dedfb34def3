"""factory_boy factories: the one way tests build data."""

import datetime

import factory
from django.utils import timezone

from companies.models import Company, Person, Position, PressRelease
from episodes.models import Episode, EpisodeCompany, Series, SeriesProducer
from renaulution.publishing import Status
from timeline.models import Milestone


class PublishableFactory(factory.django.DjangoModelFactory):
    status = Status.PUBLISHED
    published_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=1))

    class Meta:
        abstract = True

    class Params:
        draft = factory.Trait(status=Status.DRAFT)


class CompanyFactory(PublishableFactory):
    name = factory.Sequence(lambda n: f"Company {n}")
    slug_en = factory.Sequence(lambda n: f"company-{n}")
    kind = Company.Kind.BRAND
    tagline_en = factory.Faker("sentence", nb_words=5)
    tagline_fr = factory.Faker("sentence", nb_words=5, locale="fr_FR")
    tagline_it = factory.Faker("sentence", nb_words=5, locale="it_IT")

    class Meta:
        model = Company


class PersonFactory(PublishableFactory):
    name = factory.Faker("name")
    slug_en = factory.Sequence(lambda n: f"person-{n}")
    headline_en = factory.Faker("job")
    headline_fr = factory.Faker("job", locale="fr_FR")
    headline_it = factory.Faker("job", locale="it_IT")

    class Meta:
        model = Person


class PositionFactory(factory.django.DjangoModelFactory):
    person = factory.SubFactory(PersonFactory)
    company = factory.SubFactory(CompanyFactory)
    title_en = "Chief executive officer"
    title_fr = "Directeur général"
    title_it = "Amministratore delegato"
    start_date = datetime.date(2020, 7, 1)

    class Meta:
        model = Position


class PressReleaseFactory(PublishableFactory):
    title_en = factory.Sequence(lambda n: f"Press release {n}")
    title_fr = factory.Sequence(lambda n: f"Communiqué {n}")
    title_it = factory.Sequence(lambda n: f"Comunicato {n}")
    slug_en = factory.Sequence(lambda n: f"press-release-{n}")
    summary_en = factory.Faker("paragraph")
    body_en = "<p>Body of the release.</p>"
    company = factory.SubFactory(CompanyFactory)
    issued_on = datetime.date(2024, 12, 13)

    class Meta:
        model = PressRelease

    class Params:
        # Every field with a source has its French and Italian text, so no
        # language is "mostly missing" (see translations.readers).
        translated = factory.Trait(
            summary_fr=factory.Faker("paragraph", locale="fr_FR"),
            summary_it=factory.Faker("paragraph", locale="it_IT"),
            body_fr="<p>Corps du communiqué.</p>",
            body_it="<p>Corpo del comunicato.</p>",
        )
        # An image as an editor would upload it (in the test's MEDIA_ROOT).
        with_image = factory.Trait(
            image=factory.django.ImageField(width=1200, height=630, color="navy"),
            image_alt_en="The Ampere plant in Douai",
            image_alt_fr="L'usine Ampere de Douai",
            image_alt_it="Lo stabilimento Ampere di Douai",
        )


class SeriesFactory(PublishableFactory):
    title_en = "Anatomy of a Comeback"
    title_fr = "Anatomie d'un come-back"
    title_it = "Anatomia di un come-back"
    tagline_en = "Inside the Renaulution"
    premiere_date = datetime.date(2024, 12, 13)

    class Meta:
        model = Series


class SeriesProducerFactory(factory.django.DjangoModelFactory):
    series = factory.SubFactory(SeriesFactory)
    company = factory.SubFactory(CompanyFactory, kind=Company.Kind.PRODUCER)

    class Meta:
        model = SeriesProducer


class EpisodeFactory(PublishableFactory):
    series = factory.SubFactory(SeriesFactory)
    number = factory.Sequence(lambda n: n + 1)
    title_en = factory.Sequence(lambda n: f"Episode {n}")
    title_fr = factory.Sequence(lambda n: f"Épisode {n}")
    title_it = factory.Sequence(lambda n: f"Episodio {n}")
    slug_en = factory.Sequence(lambda n: f"episode-{n}")
    runtime_minutes = 40
    release_date = datetime.date(2024, 12, 13)

    class Meta:
        model = Episode


class EpisodeCompanyFactory(factory.django.DjangoModelFactory):
    episode = factory.SubFactory(EpisodeFactory)
    company = factory.SubFactory(CompanyFactory)

    class Meta:
        model = EpisodeCompany


class MilestoneFactory(PublishableFactory):
    date = datetime.date(2021, 1, 14)
    precision = Milestone.Precision.DAY
    slug = factory.Sequence(lambda n: f"milestone-{n}")
    title_en = factory.Sequence(lambda n: f"Milestone {n}")
    title_fr = factory.Sequence(lambda n: f"Étape {n}")
    title_it = factory.Sequence(lambda n: f"Tappa {n}")
    summary_en = factory.Faker("sentence", nb_words=12)
    summary_fr = factory.Faker("sentence", nb_words=12, locale="fr_FR")
    summary_it = factory.Faker("sentence", nb_words=12, locale="it_IT")

    class Meta:
        model = Milestone
        skip_postgeneration_save = True

    @factory.post_generation
    def companies(self, create, extracted, **kwargs):
        if create and extracted:
            self.companies.set(extracted)

    @factory.post_generation
    def people(self, create, extracted, **kwargs):
        if create and extracted:
            self.people.set(extracted)

    @factory.post_generation
    def episodes(self, create, extracted, **kwargs):
        if create and extracted:
            self.episodes.set(extracted)

    @factory.post_generation
    def press_releases(self, create, extracted, **kwargs):
        if create and extracted:
            self.press_releases.set(extracted)

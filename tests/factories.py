"""factory_boy factories: the one way tests build data."""

import datetime
import io

import factory
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib.auth.models import User
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice
from PIL import Image

from companies.models import Company, Person, Position, PressRelease
from drafts.models import PendingChange
from episodes.models import Episode, EpisodeCompany, Series, SeriesProducer
from renaulution.publishing import Status
from timeline.models import Milestone
from translations.models import FieldComment, Term
from webhooks.models import Delivery, Endpoint, Event


def image_file(name="image.jpg", size=(1280, 720), format="JPEG", mode="RGB", color="gold"):
    """Encoded image bytes drawn with Pillow, as a file a model's ImageField accepts."""
    buffer = io.BytesIO()
    image = Image.new(mode, size, color)
    if mode == "RGBA":
        # A transparent frame around an opaque square: the shape of a logo.
        image.paste((0, 0, 0, 0), (0, 0, size[0], size[1]))
        image.paste(color, (size[0] // 4, size[1] // 4, size[0] * 3 // 4, size[1] * 3 // 4))
    image.save(buffer, format)
    return ContentFile(buffer.getvalue(), name=name)


def image_trait(field, name, size, format="JPEG", mode="RGB"):
    """A factory trait giving `field` a Pillow-drawn image and an alt text in each language."""
    return factory.Trait(
        **{
            field: factory.LazyFunction(lambda: image_file(name, size, format, mode)),
            f"{field}_alt_en": f"The {field}",
            f"{field}_alt_fr": f"L'image {field}",
            f"{field}_alt_it": f"L'immagine {field}",
        }
    )


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

    class Params:
        with_image = image_trait("logo", "logo.png", (400, 400), "PNG", "RGBA")


class PersonFactory(PublishableFactory):
    name = factory.Faker("name")
    slug_en = factory.Sequence(lambda n: f"person-{n}")
    headline_en = factory.Faker("job")
    headline_fr = factory.Faker("job", locale="fr_FR")
    headline_it = factory.Faker("job", locale="it_IT")

    class Meta:
        model = Person

    class Params:
        with_image = image_trait("portrait", "portrait.png", (600, 600), "PNG")


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
        # language is "mostly missing" (see translations.notices).
        translated = factory.Trait(
            summary_fr=factory.Faker("paragraph", locale="fr_FR"),
            summary_it=factory.Faker("paragraph", locale="it_IT"),
            body_fr="<p>Corps du communiqué.</p>",
            body_it="<p>Corpo del comunicato.</p>",
        )
        with_image = image_trait("image", "press.jpg", (1200, 630))


class SeriesFactory(PublishableFactory):
    title_en = "Anatomy of a Comeback"
    title_fr = "Anatomie d'un come-back"
    title_it = "Anatomia di un come-back"
    tagline_en = "Inside the Renaulution"
    premiere_date = datetime.date(2024, 12, 13)

    class Meta:
        model = Series

    class Params:
        with_image = image_trait("poster", "poster.jpg", (800, 1200))


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

    class Params:
        with_image = image_trait("still", "still.jpg", (1280, 720))


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


# Security records: login attempts (django-axes) and two-factor devices.


class StaffUserFactory(factory.django.DjangoModelFactory):
    username = factory.Sequence(lambda n: f"staff-{n}")
    is_staff = True

    class Meta:
        model = User


class LoginRecordFactory(factory.django.DjangoModelFactory):
    """What every django-axes record holds: who tried to log in, from where."""

    username = factory.Sequence(lambda n: f"guess-{n}")
    ip_address = "192.0.2.1"
    user_agent = "pytest"
    path_info = "/admin/login/"

    class Meta:
        abstract = True


class AccessAttemptFactory(LoginRecordFactory):
    failures_since_start = 1

    class Meta:
        model = AccessAttempt


class AccessLogFactory(LoginRecordFactory):
    class Meta:
        model = AccessLog


class AccessFailureLogFactory(LoginRecordFactory):
    class Meta:
        model = AccessFailureLog


class TOTPDeviceFactory(factory.django.DjangoModelFactory):
    user = factory.SubFactory(StaffUserFactory)
    name = "Authenticator app"
    confirmed = True

    class Meta:
        model = TOTPDevice


class PendingChangeFactory(factory.django.DjangoModelFactory):
    """A submitted draft of a live press release, by an author of its own."""

    content_object = factory.SubFactory(PressReleaseFactory)
    object_repr = factory.LazyAttribute(lambda change: str(change.content_object))
    data = factory.LazyFunction(dict)
    fields = factory.LazyFunction(list)
    author = factory.SubFactory(StaffUserFactory)
    state = PendingChange.State.SUBMITTED

    class Meta:
        model = PendingChange


class EndpointFactory(factory.django.DjangoModelFactory):
    url = factory.Sequence(lambda n: f"https://hooks-{n}.renaulution.example/receive")
    events = factory.LazyFunction(lambda: list(Event.values))
    description = factory.Sequence(lambda n: f"Partner {n}")

    class Meta:
        model = Endpoint


class DeliveryFactory(factory.django.DjangoModelFactory):
    endpoint = factory.SubFactory(EndpointFactory)
    event = Event.PUBLISHED
    object_type = "companies.pressrelease"
    object_id = factory.Sequence(lambda n: n + 1)
    payload = factory.LazyAttribute(lambda d: {"event": d.event, "object": {"id": d.object_id}})
    status = Delivery.Status.SUCCEEDED
    attempts = 1
    next_attempt_at = None
    response_code = 200

    class Meta:
        model = Delivery


#: The factory of each content model with localized text.
FACTORIES = {
    Company: CompanyFactory,
    Person: PersonFactory,
    Position: PositionFactory,
    PressRelease: PressReleaseFactory,
    Series: SeriesFactory,
    Episode: EpisodeFactory,
    Milestone: MilestoneFactory,
}


class TermFactory(factory.django.DjangoModelFactory):
    text = factory.Sequence(lambda n: f"Term {n}")

    class Meta:
        model = Term


class FieldCommentFactory(factory.django.DjangoModelFactory):
    """A comment on a press release's source title, by nobody in particular."""

    content_object = factory.SubFactory(PressReleaseFactory)
    content_type = factory.LazyAttribute(
        lambda comment: ContentType.objects.get_for_model(comment.content_object)
    )
    object_id = factory.SelfAttribute("content_object.pk")
    field = "title"
    body = factory.Sequence(lambda n: f"Comment {n}")

    class Meta:
        model = FieldComment
        exclude = ["content_object"]

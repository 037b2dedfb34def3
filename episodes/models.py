from django.db import models
from django.db.models import Prefetch, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from companies.models import Company, Person
from renaulution.fields import image_fields
from renaulution.memo import cached_reverse
from renaulution.publishing import (
    Publishable,
    PublishedQuerySet,
    expiry_after_publication,
    published_or_none,
)
from renaulution.richtext import RichTextField
from renaulution.slugs import (
    SlugQuerySet,
    english_slug_required,
    localized_slugs_unique,
    slug_field,
)
from translations.tracking import TracksTranslations


class SeriesQuerySet(PublishedQuerySet):
    def for_home(self):
        """With its platform and subject (see `published_platform`) and published producers."""
        return self.select_related("platform", "subject").prefetch_related(
            Prefetch("producers", queryset=Company.objects.published())
        )


class Series(Publishable, TracksTranslations):
    title = models.CharField(_("title"), max_length=255)
    tagline = models.CharField(_("tagline"), max_length=255, blank=True)
    synopsis = RichTextField(_("synopsis"), blank=True)
    reception = RichTextField(
        _("reception"),
        blank=True,
        help_text=_(
            "What the critics said of the series, in our words and attributed to "
            "each outlet; shown under the synopsis."
        ),
    )
    premiere_date = models.DateField(_("premiere date"), null=True, blank=True)
    platform = models.ForeignKey(
        Company,
        verbose_name=_("platform"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="series_streamed",
        help_text=_("Where the series is shown, e.g. Prime Video."),
    )
    watch_url = models.URLField(
        _("watch link"),
        blank=True,
        help_text=_(
            "The series' page on its platform, where readers can watch it: "
            "the home page links to it as “Watch on <platform>”."
        ),
    )
    subject = models.ForeignKey(
        Company,
        verbose_name=_("subject"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="series_about",
        help_text=_("The company the series is about."),
    )
    producers = models.ManyToManyField(
        Company,
        verbose_name=_("producers"),
        through="SeriesProducer",
        related_name="series_produced",
        blank=True,
    )
    poster, poster_width, poster_height, poster_alt = image_fields(
        "poster", _("poster"), upload_to="series/"
    )

    objects = SeriesQuerySet.as_manager()

    class Meta:
        ordering = ["-premiere_date", "pk"]
        verbose_name = _("series")
        verbose_name_plural = pgettext_lazy("plural", "series")
        constraints = [expiry_after_publication("series")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return cached_reverse("home")

    @property
    def published_platform(self):
        """The platform when it is published, else None: a draft is never named."""
        return published_or_none(self.platform)

    @property
    def published_subject(self):
        """The subject when it is published, else None: a draft is never named."""
        return published_or_none(self.subject)


class SeriesProducer(models.Model):
    """A producer of a series. Protects the company from deletion."""

    series = models.ForeignKey(Series, on_delete=models.CASCADE)
    company = models.ForeignKey(Company, verbose_name=_("producer"), on_delete=models.PROTECT)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("producer")
        verbose_name_plural = _("producers")
        constraints = [
            models.UniqueConstraint(fields=["series", "company"], name="unique_series_producer")
        ]

    def __str__(self):
        return str(self.company)


class EpisodeQuerySet(SlugQuerySet, PublishedQuerySet):
    def published(self):
        """An episode is public only while its series is public too."""
        series_published = Series.objects.published().values("pk")
        return super().published().filter(series__in=series_published)

    def for_listing(self):
        return self.select_related("series")


class Episode(Publishable, TracksTranslations):
    series = models.ForeignKey(
        Series, verbose_name=_("series"), on_delete=models.PROTECT, related_name="episodes"
    )
    number = models.PositiveSmallIntegerField(_("number"))
    title = models.CharField(_("title"), max_length=255)
    slug = slug_field()
    synopsis = RichTextField(_("synopsis"), blank=True)
    runtime_minutes = models.PositiveSmallIntegerField(
        _("runtime (minutes)"), null=True, blank=True
    )
    release_date = models.DateField(_("release date"), null=True, blank=True)
    still, still_width, still_height, still_alt = image_fields(
        "still", _("still image"), upload_to="episodes/"
    )
    people = models.ManyToManyField(
        Person, verbose_name=_("people featured"), blank=True, related_name="episodes"
    )
    companies = models.ManyToManyField(
        Company,
        verbose_name=_("companies featured"),
        through="EpisodeCompany",
        related_name="episodes",
        blank=True,
    )

    objects = EpisodeQuerySet.as_manager()

    class Meta:
        ordering = ["series", "number"]
        verbose_name = _("episode")
        verbose_name_plural = _("episodes")
        indexes = [models.Index(fields=["status", "published_at"])]
        constraints = [
            english_slug_required("episode"),
            *localized_slugs_unique("episode"),
            models.UniqueConstraint(fields=["series", "number"], name="unique_episode_number"),
            models.CheckConstraint(condition=Q(number__gte=1), name="episode_number_positive"),
            expiry_after_publication("episode"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return cached_reverse("episodes:episode_detail", slug=self.slug)


class EpisodeCompany(models.Model):
    """A company featured in an episode. Protects the company from deletion."""

    episode = models.ForeignKey(Episode, on_delete=models.CASCADE)
    company = models.ForeignKey(Company, verbose_name=_("company"), on_delete=models.PROTECT)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("featured company")
        verbose_name_plural = _("featured companies")
        constraints = [
            models.UniqueConstraint(fields=["episode", "company"], name="unique_episode_company")
        ]

    def __str__(self):
        return str(self.company)

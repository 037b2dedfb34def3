import datetime

from django.conf import settings
from django.db import models
from django.db.models import Count, ExpressionWrapper, Max, OuterRef, Prefetch, Q, Subquery
from django.db.models.functions import Coalesce, ExtractYear, TruncYear
from django.utils import formats
from django.utils.translation import gettext_lazy as _

from companies.models import Company, Person, PressRelease
from episodes.models import Episode
from renaulution.fields import image_fields
from renaulution.formats import local_date
from renaulution.memo import cached_reverse
from renaulution.publishing import Publishable, PublishedQuerySet, expiry_after_publication
from translations.tracking import TracksTranslations


class MilestoneQuerySet(PublishedQuerySet):
    def for_timeline(self):
        """
        Milestones with the objects they link to, published ones only: a
        reader must never be led to a draft (one query per kind of link).
        """
        return self.prefetch_related(
            Prefetch("companies", queryset=Company.objects.published()),
            Prefetch("people", queryset=Person.objects.published()),
            Prefetch("episodes", queryset=Episode.objects.published()),
            Prefetch("press_releases", queryset=PressRelease.objects.published()),
        )

    def in_year(self, year):
        """The milestones of `year`, as a date range the date index answers."""
        return self.filter(
            date__gte=datetime.date(year, 1, 1), date__lt=datetime.date(year + 1, 1, 1)
        )

    def year_counts(self, *, newest=False):
        """
        {year: (number of milestones, newest change)} in year order: one
        aggregate query whose result is bounded by the number of years.

        The newest change (the sitemap's lastmod) only when asked: a page
        that reads it depends on every edit of every milestone, and the page
        cache drops it on each (renaulution/invalidation.py), where the
        pages' year lists only change when a milestone comes or goes.
        """
        aggregates = {"count": Count("pk")}
        if newest:
            aggregates["newest"] = Max("updated_at")
        rows = (
            self.order_by()
            .annotate(year=ExtractYear("date"))
            .values("year")
            .annotate(**aggregates)
            .order_by("year")
        )
        return {row["year"]: (row["count"], row.get("newest")) for row in rows}

    def with_year_position(self):
        """
        Each milestone's place among the published milestones of its year
        (0 for the first), so that `get_absolute_url` can name the page of a
        year too full for one page. One correlated count per row, in the
        same query: for the short, cut lists of detail pages.
        """
        earlier = (
            Milestone.objects.published()
            .filter(
                date__gte=TruncYear(
                    ExpressionWrapper(OuterRef("date"), output_field=models.DateField())
                )
            )
            .filter(Q(date__lt=OuterRef("date")) | Q(date=OuterRef("date"), pk__lt=OuterRef("pk")))
            .order_by()
            .values("status")
            .annotate(n=Count("pk"))
            .values("n")
        )
        return self.annotate(year_position=Coalesce(Subquery(earlier), 0))


class Milestone(Publishable, TracksTranslations):
    class Precision(models.TextChoices):
        DAY = "day", _("Day")
        MONTH = "month", _("Month")
        YEAR = "year", _("Year")

    date = models.DateField(
        _("date"),
        help_text=_(
            "When it happened. With a precision of a month or a year, the date is "
            "stored as the first day of that month or year."
        ),
    )
    precision = models.CharField(
        _("precision"),
        max_length=5,
        choices=Precision.choices,
        default=Precision.DAY,
        help_text=_('How much of the date readers see: "13 December 2024", "July 2020" or "2018".'),
    )
    slug = models.SlugField(
        _("anchor"),
        max_length=120,
        unique=True,
        help_text=_(
            "The milestone's place on its year's timeline page (…/timeline/2023/#anchor), "
            "the same in every language."
        ),
    )
    title = models.CharField(_("title"), max_length=255)
    summary = models.TextField(
        _("summary"),
        blank=True,
        help_text=_("Two or three sentences of plain text: what happened and why it matters."),
    )
    image, image_width, image_height, image_alt = image_fields(
        "image", _("image"), upload_to="timeline/"
    )
    companies = models.ManyToManyField(
        Company, verbose_name=_("companies involved"), blank=True, related_name="milestones"
    )
    people = models.ManyToManyField(
        Person, verbose_name=_("people involved"), blank=True, related_name="milestones"
    )
    episodes = models.ManyToManyField(
        Episode,
        verbose_name=_("episodes"),
        blank=True,
        related_name="milestones",
        help_text=_("The episodes of the series that tell this part of the story."),
    )
    press_releases = models.ManyToManyField(
        PressRelease, verbose_name=_("press releases"), blank=True, related_name="milestones"
    )

    objects = MilestoneQuerySet.as_manager()

    class Meta:
        ordering = ["date", "pk"]
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")
        indexes = [
            models.Index(fields=["status", "published_at"]),
            models.Index(fields=["date", "id"], name="milestone_date_idx"),
            # The published milestones of a year, in date order, and the
            # years' counts: read from the index, not the table.
            models.Index(
                fields=["status", "date", "id", "published_at", "expires_at"],
                name="milestone_status_date_idx",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(title_en__isnull=False) & ~Q(title_en=""),
                name="milestone_english_title_required",
            ),
            # A month is stored as its first day, a year as 1 January, so
            # that two milestones of "July 2020" sort and compare alike.
            models.CheckConstraint(
                condition=Q(precision="day")
                | Q(precision="month", date__day=1)
                | Q(precision="year", date__day=1, date__month=1),
                name="milestone_date_matches_precision",
            ),
            expiry_after_publication("milestone"),
        ]

    def __str__(self):
        return self.title

    def clean(self):
        # Before the constraints are validated, so that an editor's
        # "15 July 2020, month" is accepted as July 2020.
        self.date = self.normalized_date()

    def save(self, *args, **kwargs):
        self.date = self.normalized_date()
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        """
        The milestone's place on its year's page: `/timeline/2023/#anchor`,
        computed from the date alone. A year holds one page of milestones
        unless it has more than TIMELINE_MILESTONES_PER_PAGE; past them, a
        milestone loaded `with_year_position()` links to its page (`?page=2`).
        """
        url = cached_reverse("timeline:year", year=self.date.year)
        page = getattr(self, "year_position", 0) // settings.TIMELINE_MILESTONES_PER_PAGE + 1
        if page > 1:
            url += f"?page={page}"
        return f"{url}#{self.slug}"

    def normalized_date(self):
        """The date cut down to its precision: July 2020 → 1 July 2020."""
        if self.date is None:
            return None
        if self.precision == self.Precision.YEAR:
            return self.date.replace(month=1, day=1)
        if self.precision == self.Precision.MONTH:
            return self.date.replace(day=1)
        return self.date

    @property
    def datetime_value(self):
        """The machine-readable date of `<time datetime>`: 2018, 2020-07 or 2024-12-13."""
        if self.precision == self.Precision.YEAR:
            return f"{self.date:%Y}"
        if self.precision == self.Precision.MONTH:
            return f"{self.date:%Y-%m}"
        return self.date.isoformat()

    @property
    def display_date(self):
        """The date as readers of the active language write it, to its precision."""
        if self.precision == self.Precision.YEAR:
            return str(self.date.year)
        if self.precision == self.Precision.MONTH:
            return formats.date_format(self.date, "YEAR_MONTH_FORMAT")
        return local_date(self.date)

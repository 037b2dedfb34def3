from django.conf import settings
from django.db import models
from django.db.models import F, Prefetch, Q, Window
from django.db.models.functions import Lower, RowNumber, Upper
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from renaulution.fields import image_fields
from renaulution.memo import cached_reverse
from renaulution.publishing import (
    Publishable,
    PublishedQuerySet,
    expiry_after_publication,
    published_condition,
    published_or_none,
)
from renaulution.richtext import RichTextField
from renaulution.slugs import (
    SlugQuerySet,
    english_slug_required,
    localized_slugs_unique,
    reserved_slugs_refused,
    slug_field,
)
from translations.tracking import TracksTranslations

# How much of the group tree one page of the companies list shows: the
# children of each top-level company, and their own children, are cut at
# these numbers (a link leads to the rest), so a page's size does not grow
# with a group's (companies/views.py).
TREE_CHILDREN = 6
TREE_GRANDCHILDREN = 3
# Companies in name order, case aside (`CompanyQuerySet.in_name_order`).
NAME_ORDER = (Lower("name").asc(), F("pk").asc())


class CompanyQuerySet(SlugQuerySet, PublishedQuerySet):
    def for_listing(self):
        """With the parent, for `published_parent`."""
        return self.select_related("parent")

    def roots(self):
        """
        Published companies at the top of the tree: no parent, or a parent
        readers cannot see (a draft parent is never named, so its children
        stand on their own).
        """
        return self.published().exclude(published_condition("parent"))

    def main(self):
        """
        The groups and their own brands, published, in name order: the
        companies readers filter the press list by most often, offered as
        links beside the company field (the caller cuts the list).
        """
        return (
            self.published()
            .filter(
                Q(kind=Company.Kind.GROUP)
                | Q(kind=Company.Kind.BRAND, parent__kind=Company.Kind.GROUP)
            )
            .in_name_order()
        )

    def in_name_order(self):
        """
        Sorted by name whatever its case ("ampere" beside "Ampere", not after
        "Z", on SQLite's binary collation as on PostgreSQL), then id: a
        stable order that pages cut the same way every time. The indexes on
        `Lower("name")` serve it.
        """
        return self.order_by(*NAME_ORDER)

    def first_children_of(self, parents, count):
        """
        The first `count` published children (in name order) of each of the
        companies whose keys are `parents`: one query, whatever the parents
        and even when there are none (a probe that finds nothing), so that
        a list of companies costs the same queries at any size.
        """
        place = Window(RowNumber(), partition_by=F("parent_id"), order_by=NAME_ORDER)
        # `parent__in=[]` would be answered without a query.
        below = Q(parent__in=parents) if parents else Q(pk__isnull=True)
        return (
            self.published()
            .filter(below)
            .annotate(place=place)
            .filter(place__lte=count)
            .in_name_order()
        )


class Company(Publishable, TracksTranslations):
    class Kind(models.TextChoices):
        GROUP = "group", _("Group")
        BRAND = "brand", _("Brand")
        BUSINESS_UNIT = "business_unit", _("Business unit")
        PARTNER = "partner", _("Partner")
        PRODUCER = "producer", _("Producer")
        BROADCASTER = "broadcaster", _("Broadcaster")
        MEDIA = "media", _("Media")
        PRESS_OFFICE = "press_office", _("Press office")

    name = models.CharField(_("name"), max_length=200)
    slug = slug_field()
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent company"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        help_text=_("The group this company belongs to, e.g. Renault Group for Dacia."),
    )
    tagline = models.CharField(_("tagline"), max_length=255, blank=True)
    description = RichTextField(_("description"), blank=True)
    founded_year = models.PositiveSmallIntegerField(_("founded in"), null=True, blank=True)
    headquarters = models.CharField(
        _("headquarters"), max_length=200, blank=True, help_text=_("City and country.")
    )
    website = models.URLField(_("website"), blank=True)
    logo, logo_width, logo_height, logo_alt = image_fields(
        "logo", _("logo"), upload_to="companies/logos/"
    )

    objects = CompanyQuerySet.as_manager()

    class Meta:
        # Case aside, as `in_name_order` ("bmw" between "Alpine" and "Dacia").
        ordering = [Lower("name"), "id"]
        verbose_name = _("company")
        verbose_name_plural = _("companies")
        indexes = [
            models.Index(fields=["status", "published_at"]),
            # The companies list and a group's children, in name order.
            models.Index(Lower("name"), F("id"), name="company_lower_name_idx"),
            models.Index(F("parent"), Lower("name"), F("id"), name="company_parent_lower_name_idx"),
            # The press list's company field, resolved by name (iexact).
            models.Index(Upper("name"), name="company_name_upper_idx"),
            # The sitemap counts and pages the published rows from the index
            # alone (an index-only scan, no heap of wide localized rows).
            models.Index(
                fields=["status", "published_at"],
                include=["id", "updated_at", "expires_at"],
                name="company_sitemap_idx",
            ),
        ]
        constraints = [
            english_slug_required("company"),
            *localized_slugs_unique("company"),
            expiry_after_publication("company"),
            models.CheckConstraint(condition=~Q(parent=F("pk")), name="company_not_own_parent"),
            models.CheckConstraint(
                condition=Q(founded_year__isnull=True)
                | Q(founded_year__gte=1800, founded_year__lte=2100),
                name="company_founded_year_plausible",
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return cached_reverse("companies:company_detail", slug=self.slug)

    @property
    def published_parent(self):
        """The parent company when it is published, else None (`for_listing` selects it)."""
        return published_or_none(self.parent)


class PersonQuerySet(SlugQuerySet, PublishedQuerySet):
    def for_listing(self):
        """
        People with their latest positions (and each position's company) in
        `public_positions`: only positions at a published company, so a draft
        company is never named, nor its address given, on a person's page;
        at most DETAIL_POSITIONS of them, so the page stays bounded.
        """
        positions = Position.objects.filter(published_condition("company")).select_related(
            "company"
        )
        return self.prefetch_related(
            Prefetch(
                "positions",
                queryset=positions[: settings.DETAIL_POSITIONS],
                to_attr="public_positions",
            )
        )


class Person(Publishable, TracksTranslations):
    name = models.CharField(_("name"), max_length=200)
    slug = slug_field()
    headline = models.CharField(
        _("headline"),
        max_length=255,
        blank=True,
        help_text=_('One line under the name, e.g. "CEO of Renault Group".'),
    )
    biography = RichTextField(_("biography"), blank=True)
    portrait, portrait_width, portrait_height, portrait_alt = image_fields(
        "portrait", _("portrait"), upload_to="people/portraits/"
    )

    objects = PersonQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("person")
        verbose_name_plural = _("people")
        indexes = [
            models.Index(fields=["status", "published_at"]),
            # The people list, in name order (id breaks ties between
            # namesakes); with the publication columns, so that a deep page's
            # keys are read from the index alone (renaulution/pagination.py).
            models.Index(
                fields=["status", "name", "id", "published_at", "expires_at"],
                name="person_name_idx",
            ),
            # The sitemap counts and pages the published rows from the index
            # alone (an index-only scan, no heap of wide localized rows).
            models.Index(
                fields=["status", "published_at"],
                include=["id", "updated_at", "expires_at"],
                name="person_sitemap_idx",
            ),
        ]
        constraints = [
            english_slug_required("person"),
            *localized_slugs_unique("person"),
            expiry_after_publication("person"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return cached_reverse("companies:person_detail", slug=self.slug)


class Position(TracksTranslations):
    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.CASCADE, related_name="positions"
    )
    company = models.ForeignKey(
        Company, verbose_name=_("company"), on_delete=models.PROTECT, related_name="positions"
    )
    title = models.CharField(_("title"), max_length=200)
    start_date = models.DateField(_("from"))
    end_date = models.DateField(
        _("until"), null=True, blank=True, help_text=_("Leave empty while the position is held.")
    )

    class Meta:
        ordering = ["-start_date", "pk"]
        verbose_name = _("position")
        verbose_name_plural = _("positions")
        # A company's page: its latest positions first, read in order.
        indexes = [
            models.Index(fields=["company", "-start_date", "id"], name="position_company_idx")
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=F("start_date")),
                name="position_ends_after_start",
            ),
        ]

    def __str__(self):
        return f"{self.person}, {self.title} ({self.company})"

    @property
    def is_current(self):
        return self.end_date is None


class PressReleaseQuerySet(SlugQuerySet, PublishedQuerySet):
    def for_listing(self):
        """With the company, for `published_company`."""
        return self.select_related("company")


# Addresses under press/ that a press release slug would hide (companies/urls.py).
RESERVED_PRESS_SLUGS = ("feed",)


class PressRelease(Publishable, TracksTranslations):
    class Kind(models.TextChoices):
        # A company's own release, told in our words, with its source.
        RELEASE = "release", _("Press release")
        # The site's own write-up, signed by the editorial team.
        ARTICLE = "article", _("Background article")

    title = models.CharField(_("title"), max_length=255)
    slug = slug_field(reserved=RESERVED_PRESS_SLUGS)
    kind = models.CharField(
        _("kind"),
        max_length=10,
        choices=Kind.choices,
        default=Kind.RELEASE,
        help_text=_(
            "A press release stands for a company's own release (give its source and "
            "press contact); a background article is the editorial team's own write-up."
        ),
    )
    summary = models.TextField(
        _("summary"), blank=True, help_text=_("Two or three sentences shown in lists.")
    )
    body = RichTextField(_("body"), blank=True)
    company = models.ForeignKey(
        Company,
        verbose_name=_("company"),
        on_delete=models.PROTECT,
        related_name="press_releases",
        help_text=_(
            "For a press release, the company that issued it; for a background article, "
            "the company it is about."
        ),
    )
    people = models.ManyToManyField(
        Person, verbose_name=_("people mentioned"), blank=True, related_name="press_releases"
    )
    issued_on = models.DateField(_("date issued"))
    date_estimated = models.BooleanField(
        _("date estimated"),
        default=False,
        help_text=_(
            "The source gives no date: the date issued is the earliest its content allows, "
            "and pages say so."
        ),
    )
    original_language = models.CharField(
        _("original language"),
        max_length=5,
        choices=settings.LANGUAGES,
        default="en",
        help_text=_("The language the release was written in: the translators' source."),
    )
    source_name = models.CharField(
        _("source"),
        max_length=255,
        blank=True,
        help_text=_(
            'The publication or newsroom the release was taken from, e.g. "informazione.it '
            '— Comunicati stampa, Industria".'
        ),
    )
    source_url = models.URLField(_("source address"), blank=True)
    press_contact = models.CharField(_("press contact"), max_length=255, blank=True)
    image, image_width, image_height, image_alt = image_fields(
        "image", _("image"), upload_to="press/"
    )

    objects = PressReleaseQuerySet.as_manager()

    class Meta:
        ordering = ["-issued_on", "-pk"]
        verbose_name = _("press release")
        verbose_name_plural = _("press releases")
        indexes = [
            models.Index(fields=["status", "published_at"]),
            models.Index(fields=["-issued_on", "-id"], name="pressrelease_issued_idx"),
            # The press list (all, or one year: a range of issued_on) and the
            # first and last years of its year filter, read in issued order
            # among published rows; the publication and expiry dates last, so
            # the date checks of `published()` need no visit to the table
            # while paging deep.
            models.Index(
                fields=["status", "-issued_on", "-id", "published_at", "expires_at"],
                name="pressrelease_public_idx",
            ),
            # The same for one kind: the press list's kind filter.
            models.Index(
                fields=["kind", "status", "-issued_on", "-id", "published_at", "expires_at"],
                name="pressrelease_kind_idx",
            ),
            # The same for one company: its page and the press list's filter.
            models.Index(
                fields=["company", "status", "-issued_on", "-id", "published_at", "expires_at"],
                name="pressrelease_company_idx",
            ),
            # The sitemap counts and pages the published rows, in pk order,
            # from the index alone (an index-only scan, no heap of wide
            # localized rows), however deep the page.
            models.Index(
                fields=["status", "id"],
                include=["published_at", "expires_at", "updated_at"],
                name="pressrelease_sitemap_pk_idx",
            ),
            # The newest change among published rows (the sitemap's lastmod
            # of the home and press list pages): read from the end of this
            # index, not by scanning every published row.
            models.Index(
                fields=["status", "updated_at"],
                include=["published_at", "expires_at"],
                name="pressrelease_updated_idx",
            ),
        ]
        constraints = [
            english_slug_required("pressrelease"),
            *localized_slugs_unique("pressrelease"),
            reserved_slugs_refused("pressrelease", RESERVED_PRESS_SLUGS),
            expiry_after_publication("pressrelease"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return cached_reverse("companies:pressrelease_detail", slug=self.slug)

    @property
    def is_article(self):
        return self.kind == self.Kind.ARTICLE

    def original_title(self):
        """
        The title a release's issuer gave it, in the original language, when
        the active language is another and the two differ; else "". An
        article's titles are all the editorial team's own: none is cited.
        """
        language = self.original_language
        if self.is_article or translation.get_language() == language:
            return ""
        original = getattr(self, f"title_{language}", "") or ""
        return original if original and original != self.title else ""

    @property
    def published_company(self):
        """
        The issuing company when it is published, else None: what public pages,
        feeds and meta tags name (a draft company is unnamed until it is public).
        """
        return published_or_none(self.company)

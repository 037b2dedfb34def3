"""
Publication state shared by every public model, and the view mixin that
enforces it.

An object is public when its status is "published", its publication date
is not in the future and its expiry date, when it has one, is. `published()`
is the one place that says so; every view, feed and sitemap goes through it.
`publication_state` names the four states editors see (draft, scheduled,
live, expired).
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.http import Http404
from django.shortcuts import redirect
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from translations.readers import coverage, notice
from translations.tracking import TracksTranslations

from . import invalidation


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


class PublicationState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SCHEDULED = "scheduled", _("Scheduled")
    LIVE = "live", _("Live")
    EXPIRED = "expired", _("Expired")


class PublishedQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published_condition())

    def in_publication_state(self, state, now=None):
        """The rows in `state` (a PublicationState) at `now`."""
        return self.filter(publication_state_condition(state, now or timezone.now()))

    def update(self, **kwargs):
        """
        A bulk update (the admin's publish actions) sends no model signal:
        announce the rows' keys to the page caches here.
        """
        pks = list(self.values_list("pk", flat=True))
        count = super().update(**kwargs)
        if pks:
            membership = invalidation.update_changes_membership(self.model, kwargs)
            invalidation.changed(self.model, pks, membership=membership)
        return count

    def by_slug(self, slug, language=None):
        """
        Objects whose slug in `language` is `slug`, or whose slug in that
        language is unset and whose English slug is `slug` (the fallback).
        """
        language = language or translation.get_language()
        own = f"slug_{language}"
        if language == settings.LANGUAGE_CODE:
            return self.filter(**{own: slug})
        return self.filter(Q(**{own: slug}) | Q(**{f"{own}__isnull": True, "slug_en": slug}))

    def by_any_slug(self, slug):
        """Objects that have `slug` in any language."""
        query = Q()
        for code, _name in settings.LANGUAGES:
            query |= Q(**{f"slug_{code}": slug})
        return self.filter(query)


class Publishable(TracksTranslations):
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=Status.choices,
        default=Status.DRAFT,
        help_text=_("Drafts are never shown to readers."),
    )
    published_at = models.DateTimeField(
        _("publication date"),
        default=timezone.now,
        help_text=_(
            "A published item appears to readers from this moment on; "
            "a date in the future schedules it."
        ),
    )
    expires_at = models.DateTimeField(
        _("expiry date"),
        null=True,
        blank=True,
        help_text=_(
            "Optional: from this moment on, the item disappears from every public "
            "page, list, feed, the sitemap and the search. Leave empty to keep it."
        ),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last modified"), auto_now=True)

    objects = PublishedQuerySet.as_manager()

    class Meta(TracksTranslations.Meta):
        abstract = True

    @property
    def is_published(self):
        return self.publication_state == PublicationState.LIVE

    @property
    def publication_state(self):
        """Draft, scheduled (published, date to come), live, or expired."""
        if self.status != Status.PUBLISHED:
            return PublicationState.DRAFT
        now = timezone.now()
        if self.published_at > now:
            return PublicationState.SCHEDULED
        if self.expires_at is not None and self.expires_at <= now:
            return PublicationState.EXPIRED
        return PublicationState.LIVE


def published_or_none(obj):
    """
    `obj` when readers may see it, else None. For the object a foreign key
    points to (a release's company, a series' platform), which the listing
    QuerySets select in the same query: a page names only what is public.
    """
    return obj if obj is not None and obj.is_published else None


def published_condition(relation=""):
    """
    What `published()` asks, of the row itself or through `relation` (e.g.
    "company"): to keep rows by the publication of what they point to, in
    the same query.
    """
    prefix = f"{relation}__" if relation else ""
    now = timezone.now()
    return Q(**{f"{prefix}status": Status.PUBLISHED, f"{prefix}published_at__lte": now}) & (
        Q(**{f"{prefix}expires_at__isnull": True}) | Q(**{f"{prefix}expires_at__gt": now})
    )


def publication_state_condition(state, now):
    """The rows in `state` at `now`, as a condition (for the admin's filter)."""
    published = Q(status=Status.PUBLISHED)
    not_expired = Q(expires_at__isnull=True) | Q(expires_at__gt=now)
    return {
        PublicationState.DRAFT: ~published,
        PublicationState.SCHEDULED: published & Q(published_at__gt=now),
        PublicationState.LIVE: published & Q(published_at__lte=now) & not_expired,
        PublicationState.EXPIRED: published & Q(published_at__lte=now, expires_at__lte=now),
    }[state]


def expiry_after_publication(model_name):
    """A database check that an expiry date, when set, follows the publication date."""
    return models.CheckConstraint(
        condition=Q(expires_at__isnull=True) | Q(expires_at__gt=F("published_at")),
        name=f"{model_name}_expires_after_publication",
        violation_error_message=_("The expiry date must come after the publication date."),
    )


def english_slug_required(model_name):
    """A database check that the English slug, the canonical one, is set."""
    return models.CheckConstraint(
        condition=Q(slug_en__isnull=False) & ~Q(slug_en=""),
        name=f"{model_name}_english_slug_required",
    )


class PublishedObjectMixin:
    """
    For `DetailView`s of Publishable models with localized slugs.

    Readers only see published objects; staff with the view permission also
    see drafts (with a banner). The slug is looked up in the active language
    with the English fallback; a slug of another language redirects (301) to
    the canonical URL of the same object.
    """

    def get_queryset(self):
        queryset = super().get_queryset()
        if self.can_preview():
            return queryset
        return queryset.published()

    def can_preview(self):
        user = self.request.user
        opts = self.model._meta
        return user.is_staff and user.has_perm(f"{opts.app_label}.view_{opts.model_name}")

    def get_object(self, queryset=None):
        queryset = self.get_queryset() if queryset is None else queryset
        slug = self.kwargs["slug"]
        # The page's own object, found by its slug: not a list of its model.
        with invalidation.lookup():
            obj = queryset.by_slug(slug).first()
        if obj is None:
            other = queryset.by_any_slug(slug).first()
            if other is None:
                raise Http404(_("No page here."))
            self.redirect_to = other.get_absolute_url()
            return other
        return obj

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        translation_coverage = coverage(self.object)
        context["translation_coverage"] = translation_coverage
        context["translation_notice"] = notice(
            self.object, translation.get_language(), from_coverage=translation_coverage
        )
        return context

    def get(self, request, *args, **kwargs):
        self.redirect_to = None
        self.object = self.get_object()
        if self.redirect_to and self.redirect_to != request.path:
            return redirect(self.redirect_to, permanent=True)
        context = self.get_context_data(object=self.object)
        return self.render_to_response(context)

"""
Publication state shared by every public model, and the view mixin that
enforces it.

An object is public when its status is "published", its publication date
is not in the future and its expiry date, when it has one, is. `published()`
is the one place that says so; every view, feed and sitemap goes through it.
`publication_state` names the four states editors see (draft, scheduled,
live, expired).

Publication knows nothing of translation: a model declares both when it has
both (`class PressRelease(Publishable, TracksTranslations)`), and a detail
view adds the reader's translation notice with its own mixin
(`translations.notices.TranslationNoticeMixin`). Localized slugs live in
`renaulution/slugs.py`.
"""

from django.db import models
from django.db.models import F, Q
from django.dispatch import Signal
from django.http import Http404
from django.shortcuts import redirect
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from . import invalidation, search_index
from .slugs import slug_in


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


class PublicationState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SCHEDULED = "scheduled", _("Scheduled")
    LIVE = "live", _("Live")
    EXPIRED = "expired", _("Expired")


#: A bulk `update()` sends no model signal: these are sent before and after
#: it, with the rows' `pks`, the update's `fields` and a `state` dict shared
#: by both, where a receiver keeps what it read before (webhooks/events.py).
bulk_updating = Signal()
bulk_updated = Signal()


class PublishedQuerySet(models.QuerySet):
    def _fetch_all(self):
        # Rows read as values() load no instance, so they give their page
        # no object key: the page cache must hear of them here.
        if self._result_cache is None:
            invalidation.rows_read(self)
        super()._fetch_all()

    def iterator(self, chunk_size=None):
        invalidation.rows_read(self)
        return super().iterator(chunk_size)

    def published(self):
        return self.filter(published_condition())

    def in_publication_state(self, state, now=None):
        """The rows in `state` (a PublicationState) at `now`."""
        return self.filter(publication_state_condition(state, now or timezone.now()))

    def update(self, **kwargs):
        """
        A bulk update (the admin's publish actions) sends no model signal:
        announce the rows' keys to the page caches here, and rewrite the
        search index's rows of a changed text.
        """
        pks = list(self.values_list("pk", flat=True))
        membership = bool(pks) and invalidation.update_changes_membership(self.model, kwargs)
        before = invalidation.dates_before(self.model, pks) if membership else None
        state = {}
        if pks:
            bulk_updating.send(sender=self.model, pks=pks, fields=kwargs, state=state)
        count = super().update(**kwargs)
        if pks:
            invalidation.changed(self.model, pks, membership=membership, before=before)
            search_index.updated(self.model, pks, kwargs, using=self.db)
            bulk_updated.send(sender=self.model, pks=pks, fields=kwargs, state=state)
        return count


class Publishable(models.Model):
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

    class Meta:
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


class PublishedObjectMixin:
    """
    For `DetailView`s of Publishable models with localized slugs.

    Readers only see published objects; staff with the view permission also
    see drafts (with a banner). The slug is looked up in the active language
    with the English fallback, else in any language: an object found by a
    slug that is not its address in the active language is answered with a
    301 to its canonical URL.
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
            # A slug of another language (a redirect), or none: which object
            # answers may change with any object of the model.
            obj = queryset.by_any_slug(slug).first()
        if obj is None:
            raise Http404(_("No page here."))
        return obj

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        if slug_in(self.object, translation.get_language()) != self.kwargs["slug"]:
            return redirect(self.object.get_absolute_url(), permanent=True)
        context = self.get_context_data(object=self.object)
        return self.render_to_response(context)

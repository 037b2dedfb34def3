"""
The press section (companies' releases and the editorial team's background
articles) as RSS 2.0 and Atom feeds, one per language.

The feeds live under the language prefix, so the active language is the
feed's: titles, summaries and links (localized slugs) are that language's,
with the English fallback of every localized field.
"""

import datetime

from django.contrib.syndication.views import Feed
from django.db.models import Prefetch
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import escape
from django.utils.translation import gettext as _

from .models import Person, PressRelease

FEED_ITEMS = 20
# People named in an item's categories: the first few, so that an item
# mentioning hundreds of people stays one item's size.
FEED_ITEM_PEOPLE = 10


class LatestPressReleasesFeed(Feed):
    feed_type = Rss201rev2Feed

    def title(self):
        return _("Renaulution: press releases and articles")

    def description(self):
        return _(
            "The latest press releases and background articles about Renault Group, "
            "its brands and its partners."
        )

    def link(self):
        return reverse("companies:pressrelease_list")

    def feed_url(self):
        return reverse("companies:pressrelease_feed")

    def items(self):
        return (
            PressRelease.objects.published()
            .for_listing()
            .prefetch_related(
                Prefetch(
                    "people",
                    queryset=Person.objects.published()[:FEED_ITEM_PEOPLE],
                    to_attr="feed_people",
                )
            )
            .order_by("-issued_on", "-published_at", "-pk")[:FEED_ITEMS]
        )

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        """
        The summary, escaped: it is plain text, but RSS <description> and
        Atom <summary type="html"> are HTML to a feed reader, so a summary
        reading `<img onerror=…>` would be markup there. The other item
        elements (titles, categories, author) are plain text in both formats
        (Atom's default type="text"; the RSS Best Practices Profile allows
        HTML in an item's description only) and stay as they are.
        """
        return escape(item.summary)

    def item_pubdate(self, item):
        """
        The day it was issued; at the publication's time when it was put
        online that same day, else at midnight (feeds want a datetime).
        """
        published = timezone.localtime(item.published_at)
        if published.date() == item.issued_on:
            return published
        return timezone.make_aware(datetime.datetime.combine(item.issued_on, datetime.time()))

    def item_updateddate(self, item):
        return item.updated_at

    def item_author_name(self, item):
        if item.is_article:
            return _("The Renaulution editorial team")
        # None leaves the author out: a draft company is not named.
        company = item.published_company
        return company.name if company else None

    def item_categories(self, item):
        """The kind ("Press release"), the company, the people mentioned."""
        company = item.published_company
        people = [person.name for person in item.feed_people]  # published only
        return [str(item.get_kind_display()), *([company.name] if company else []), *people]


class LatestPressReleasesAtomFeed(LatestPressReleasesFeed):
    feed_type = Atom1Feed

    def subtitle(self):
        return self.description()

    def feed_url(self):
        return reverse("companies:pressrelease_feed_atom")

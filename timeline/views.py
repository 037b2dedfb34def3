"""
The timeline, bounded: an overview and one page per year.

The overview (`/timeline/`) lists the years with their number of milestones
(one aggregate query, as long as the number of years) and the newest
TIMELINE_LATEST milestones. A year's page (`/timeline/2023/`) shows its
milestones in date order, TIMELINE_MILESTONES_PER_PAGE a page. A milestone's
address is its anchor on its year's page (`Milestone.get_absolute_url`).

Old links to `/timeline/#anchor` still open the overview: the fragment never
reaches the server, so it cannot be redirected. A recent milestone is on the
overview and its anchor works; an older one is a click away in the list of
years.
"""

from django.conf import settings
from django.core.paginator import Paginator
from django.http import Http404
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.generic import ListView

from .models import Milestone


class CountedPaginator(Paginator):
    """A paginator told its count (from the years' aggregate): no COUNT query."""

    def __init__(self, object_list, per_page, count, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.count = count


class YearsMixin:
    """The years that have published milestones, with their counts."""

    @cached_property
    def years(self):
        return Milestone.objects.published().year_counts()

    def year_links(self):
        return [{"year": year, "count": count} for year, (count, _newest) in self.years.items()]


class TimelineView(YearsMixin, ListView):
    """The overview: every year with its count, then the newest milestones in date order."""

    context_object_name = "milestones"
    template_name = "timeline/timeline.html"

    def get_queryset(self):
        newest = Milestone.objects.published().order_by("-date", "-pk")
        return newest.for_timeline()[: settings.TIMELINE_LATEST]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        milestones = list(context["milestones"])[::-1]
        total = sum(count for count, _newest in self.years.values())
        context.update(
            milestones=milestones,
            object_list=milestones,
            years=self.year_links(),
            milestone_total=total,
            shows_all=len(milestones) >= total,
        )
        return context


class TimelineYearView(YearsMixin, ListView):
    """One year's milestones in date order; a year without any is a 404."""

    context_object_name = "milestones"
    template_name = "timeline/timeline_year.html"
    paginator_class = CountedPaginator

    def get_paginate_by(self, queryset):
        # Read at each request, as Milestone.get_absolute_url reads it.
        return settings.TIMELINE_MILESTONES_PER_PAGE

    def get(self, request, *args, **kwargs):
        self.year = int(kwargs["year"])
        if self.year not in self.years:
            raise Http404(_("The timeline has no milestones in that year."))
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        return Milestone.objects.published().in_year(self.year).for_timeline()

    def get_paginator(self, queryset, per_page, orphans=0, allow_empty_first_page=True, **kwargs):
        count, _newest = self.years[self.year]
        return self.paginator_class(queryset, per_page, count, orphans=orphans)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        years = list(self.years)
        index = years.index(self.year)
        context.update(
            year=self.year,
            years=self.year_links(),
            previous_year=years[index - 1] if index > 0 else None,
            next_year=years[index + 1] if index + 1 < len(years) else None,
        )
        return context

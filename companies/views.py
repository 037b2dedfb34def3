import re

from django.conf import settings
from django.http import Http404
from django.utils.translation import gettext as _
from django.views.generic import DetailView, ListView

from episodes.models import Episode
from renaulution.publishing import PublishedObjectMixin
from timeline.models import Milestone

from .models import Company, Person, Position, PressRelease

DETAIL_PRESS_RELEASES = 10
YEAR = re.compile(r"^\d{4}$")


def build_tree(companies):
    """
    Arrange `companies` as a forest: a list of (company, children) pairs.

    A company whose parent is not among `companies` (no parent, or a parent
    that is not published) is a root. Works in memory on one query's rows.
    """
    by_parent = {}
    ids = {company.pk for company in companies}
    for company in companies:
        parent = company.parent_id if company.parent_id in ids else None
        by_parent.setdefault(parent, []).append(company)

    def branch(parent):
        return [(company, branch(company.pk)) for company in by_parent.get(parent, [])]

    return branch(None)


class CompanyListView(ListView):
    model = Company
    template_name = "companies/company_list.html"

    def get_queryset(self):
        return Company.objects.published()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["tree"] = build_tree(list(context["object_list"]))
        return context


class CompanyDetailView(PublishedObjectMixin, DetailView):
    model = Company

    def get_queryset(self):
        return super().get_queryset().for_listing()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        company = self.object
        context.update(
            parent=company.published_parent,
            children=Company.objects.published().filter(parent=company),
            positions=Position.objects.filter(
                company=company, person__in=Person.objects.published()
            ).select_related("person"),
            press_releases=PressRelease.objects.published()
            .filter(company=company)
            .for_listing()[:DETAIL_PRESS_RELEASES],
            episodes=Episode.objects.published().filter(companies=company).for_listing(),
            milestones=Milestone.objects.published().filter(companies=company),
        )
        return context


class PersonListView(ListView):
    model = Person

    def get_queryset(self):
        return Person.objects.published().for_listing()


class PersonDetailView(PublishedObjectMixin, DetailView):
    model = Person

    def get_queryset(self):
        return super().get_queryset().for_listing()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        person = self.object
        context.update(
            episodes=Episode.objects.published().filter(people=person).for_listing(),
            press_releases=PressRelease.objects.published().filter(people=person).for_listing(),
            milestones=Milestone.objects.published().filter(people=person),
        )
        return context


class PressReleaseListView(ListView):
    model = PressRelease
    paginate_by = settings.PRESS_RELEASES_PER_PAGE

    def get(self, request, *args, **kwargs):
        self.company, self.year = self.get_filters()
        return super().get(request, *args, **kwargs)

    def get_filters(self):
        """The company and year asked for; an unknown value is a 404."""
        company = None
        slug = self.request.GET.get("company", "")
        if slug:
            companies = Company.objects.published()
            company = companies.by_slug(slug).first() or companies.by_any_slug(slug).first()
            if company is None:
                raise Http404(_("There is no such company."))
        year = self.request.GET.get("year", "")
        if year and not YEAR.match(year):
            raise Http404(_("A year has four digits."))
        return company, int(year) if year else None

    def get_queryset(self):
        queryset = PressRelease.objects.published().for_listing()
        if self.company:
            queryset = queryset.filter(company=self.company)
        if self.year:
            queryset = queryset.filter(issued_on__year=self.year)
        return queryset

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        published = PressRelease.objects.published()
        context.update(
            selected_company=self.company,
            selected_year=self.year,
            filter_companies=Company.objects.published()
            .filter(press_releases__in=published)
            .distinct(),
            filter_years=[day.year for day in published.dates("issued_on", "year", order="DESC")],
            filter_query=self.filter_query(),
        )
        return context

    def filter_query(self):
        """The filters as a query string, to keep them across pages."""
        params = self.request.GET.copy()
        params.pop("page", None)
        return params.urlencode()


class PressReleaseDetailView(PublishedObjectMixin, DetailView):
    model = PressRelease

    def get_queryset(self):
        return super().get_queryset().for_listing()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["people"] = Person.objects.published().filter(press_releases=self.object)
        context["milestones"] = Milestone.objects.published().filter(press_releases=self.object)
        return context

import re

from django.conf import settings
from django.http import Http404
from django.utils import translation
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.generic import DetailView, ListView

from episodes.models import Episode
from renaulution import invalidation
from renaulution.pagination import KeysFirstPaginator
from renaulution.publishing import PublishedObjectMixin
from renaulution.slugs import slug_in, slug_languages
from timeline.models import Milestone
from translations.notices import TranslationNoticeMixin

from .models import TREE_CHILDREN, TREE_GRANDCHILDREN, Company, Person, Position, PressRelease

YEAR = re.compile(r"^\d{4}$")


def published_by_slug(queryset, slug, message):
    """
    The published object of `queryset` whose slug is `slug` in the active
    language (with the English fallback), or in any language; else a 404
    saying `message`. For the lists' filters (`?company=`, `?person=`, `?parent=`).
    """
    found = best_match(queryset.published(), slug)
    if found is None:
        raise Http404(message)
    return found


def best_match(queryset, text, name=False):
    """
    In one query: the object whose slug in the active language is `text`
    (English fallback included, as `by_slug`), else one whose slug in
    another language is, else (with `name`) the first whose name is `text`
    in any case.
    """
    found = queryset.by_any_slug(text)
    if name:
        found |= queryset.filter(name__iexact=text)
    language = translation.get_language()

    def rank(obj):
        own_slug = slug_in(obj, language) == text
        any_slug = text in {getattr(obj, f"slug_{code}") for code in slug_languages()}
        return (not own_slug, not any_slug, obj.name, obj.pk)

    candidates = sorted(found[:10], key=rank)
    return candidates[0] if candidates else None


def tree(companies, limits=(TREE_CHILDREN, TREE_GRANDCHILDREN)):
    """
    `companies` (the page's) as branches of the group tree: (company,
    children, more) triples, where `children` are its first published
    children as branches themselves, `limits` saying how many per level,
    and `more` tells that some were left out. One query per level (see
    `CompanyQuerySet.first_children_of`), whatever the sizes.
    """
    below = {}
    level = list(companies)
    top = level
    for limit in limits:
        # One more than shown: the template links to the rest only when there is a rest.
        found = Company.objects.first_children_of([c.pk for c in level], limit + 1)
        for company in found:
            below.setdefault(company.parent_id, []).append(company)
        level = [child for parent in level for child in below.get(parent.pk, [])[:limit]]

    def branches(level_companies, depth):
        if depth == len(limits):
            return [(company, [], False) for company in level_companies]
        limit = limits[depth]
        found = []
        for company in level_companies:
            children = below.get(company.pk, [])
            found.append((company, branches(children[:limit], depth + 1), len(children) > limit))
        return found

    return branches(top, 0)


class CompanyListView(ListView):
    """
    The group tree, one page of top-level companies at a time (in name
    order), each with its first brands and units and theirs (see
    `tree`); `?parent=<slug>` lists one company's
    children the same way, which is where "all brands and units" leads.
    """

    model = Company
    template_name = "companies/company_list.html"
    paginate_by = settings.COMPANIES_PER_PAGE

    def get(self, request, *args, **kwargs):
        slug = request.GET.get("parent", "")
        self.parent = (
            published_by_slug(Company.objects, slug, _("There is no such company."))
            if slug
            else None
        )
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        if self.parent:
            return Company.objects.published().filter(parent=self.parent).in_name_order()
        return Company.objects.roots().in_name_order()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            tree=tree(context["object_list"]),
            parent_company=self.parent,
            list_filtered=self.parent is not None,
            filter_query=urlencode({"parent": self.parent.slug}) if self.parent else "",
        )
        return context


class CompanyDetailView(PublishedObjectMixin, TranslationNoticeMixin, DetailView):
    model = Company

    def get_queryset(self):
        return super().get_queryset().for_listing()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        company = self.object
        # One more than shown of the children: the template links to the
        # rest only when there is a rest, and nothing is counted.
        children = list(
            Company.objects.published()
            .filter(parent=company)
            .in_name_order()[: settings.DETAIL_CHILDREN + 1]
        )
        parent = company.published_parent
        positions = list(
            Position.objects.filter(
                company=company, person__in=Person.objects.published()
            ).select_related("person")[: settings.DETAIL_POSITIONS]
        )
        # The side column shows only what there is: no empty list of facts.
        key_facts = any((parent, company.founded_year, company.headquarters, company.website))
        context.update(
            parent=parent,
            key_facts=key_facts,
            aside=key_facts or bool(children) or bool(positions),
            children=children[: settings.DETAIL_CHILDREN],
            more_children=len(children) > settings.DETAIL_CHILDREN,
            positions=positions,
            press_releases=PressRelease.objects.published()
            .filter(company=company)
            .for_listing()[: settings.DETAIL_PRESS_RELEASES],
            all_press_query=urlencode({"company": company.slug}),
            episodes=Episode.objects.published()
            .filter(companies=company)
            .for_listing()[: settings.DETAIL_EPISODES],
            milestones=Milestone.objects.published()
            .filter(companies=company)
            .with_year_position()[: settings.DETAIL_MILESTONES],
        )
        return context


class PersonListView(ListView):
    """People in name order, a page at a time (the cards show no positions)."""

    model = Person
    paginate_by = settings.PEOPLE_PER_PAGE
    paginator_class = KeysFirstPaginator

    def get_queryset(self):
        return Person.objects.published().order_by("name", "pk")


class PersonDetailView(PublishedObjectMixin, TranslationNoticeMixin, DetailView):
    model = Person

    def get_queryset(self):
        return super().get_queryset().for_listing()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        person = self.object
        context.update(
            # From the positions already fetched with the person: no query.
            current_positions=[p for p in person.public_positions if p.is_current],
            episodes=Episode.objects.published()
            .filter(people=person)
            .for_listing()[: settings.DETAIL_EPISODES],
            press_releases=PressRelease.objects.published()
            .filter(people=person)
            .for_listing()[: settings.DETAIL_PRESS_RELEASES],
            all_press_query=urlencode({"person": person.slug}),
            milestones=Milestone.objects.published()
            .filter(people=person)
            .with_year_position()[: settings.DETAIL_MILESTONES],
        )
        return context


class PressReleaseListView(ListView):
    """
    Press releases and background articles newest first, a page at a time,
    filtered by company (`?company=` a slug in any language, or a name as
    typed in the filter field), person mentioned (`?person=`, from a
    person's page), year and kind (`?kind=release|article`).

    Every filter is bounded: the company is a text field resolved here, not
    a <select> of every company; the years run from the first to the last
    year of publication, read from the two ends of an index.
    """

    model = PressRelease
    paginate_by = settings.PRESS_RELEASES_PER_PAGE
    paginator_class = KeysFirstPaginator

    def get(self, request, *args, **kwargs):
        self.company, self.person, self.year, self.kind = self.get_filters()
        return super().get(request, *args, **kwargs)

    def get_filters(self):
        """The company, person, year and kind asked for; an unknown value is a 404."""
        company = person = None
        name = " ".join(self.request.GET.get("company", "").split())
        if name:
            company = self.find_company(name)
        slug = self.request.GET.get("person", "")
        if slug:
            person = published_by_slug(Person.objects, slug, _("There is no such person."))
        year = self.request.GET.get("year", "")
        if year and not YEAR.match(year):
            raise Http404(_("A year has four digits."))
        kind = self.request.GET.get("kind", "")
        if kind and kind not in PressRelease.Kind.values:
            raise Http404(_("There is no such kind of entry."))
        return company, person, int(year) if year else None, kind or None

    def find_company(self, name):
        """The published company whose slug (in any language) or name is `name`."""
        company = best_match(Company.objects.published(), name, name=True)
        if company is None:
            raise Http404(_("There is no such company."))
        return company

    def get_queryset(self):
        queryset = PressRelease.objects.published().for_listing()
        if self.company:
            queryset = queryset.filter(company=self.company)
        if self.person:
            queryset = queryset.filter(people=self.person)
        if self.year:
            queryset = queryset.filter(issued_on__year=self.year)
        if self.kind:
            queryset = queryset.filter(kind=self.kind)
        return queryset

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            selected_company=self.company,
            selected_person=self.person,
            selected_year=self.year,
            selected_kind=self.kind,
            list_filtered=bool(self.company or self.person or self.year or self.kind),
            filter_years=self.filter_years(),
            filter_kinds=PressRelease.Kind.choices,
            main_companies=Company.objects.main()[: settings.PRESS_FILTER_COMPANIES],
            filter_query=self.filter_query(),
        )
        return context

    def filter_years(self):
        """
        Every year from the last to the first of the published releases, newest
        first: two ends of an index, where listing the years that occur would
        read every row.
        """
        first, last = invalidation.date_span(PressRelease.objects.published(), "issued_on")
        if first is None:
            return []
        return list(range(last.year, first.year - 1, -1))

    def filter_query(self):
        """The filters as a query string, to keep them across pages."""
        params = self.request.GET.copy()
        params.pop("page", None)
        return params.urlencode()


class PressReleaseDetailView(PublishedObjectMixin, TranslationNoticeMixin, DetailView):
    model = PressRelease

    def get_queryset(self):
        return super().get_queryset().for_listing()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["people"] = Person.objects.published().filter(press_releases=self.object)[
            : settings.DETAIL_PEOPLE
        ]
        context["milestones"] = (
            Milestone.objects.published()
            .filter(press_releases=self.object)
            .with_year_position()[: settings.DETAIL_MILESTONES]
        )
        return context

from django.conf import settings
from django.views.generic import DetailView, ListView

from companies.models import Company, Person
from renaulution import invalidation
from renaulution.publishing import PublishedObjectMixin
from timeline.models import Milestone
from translations.notices import TranslationNoticeMixin

from .models import Episode


class EpisodeListView(ListView):
    model = Episode
    paginate_by = settings.EPISODES_PER_PAGE

    def get_queryset(self):
        return Episode.objects.published().for_listing()


class EpisodeDetailView(PublishedObjectMixin, TranslationNoticeMixin, DetailView):
    model = Episode

    def get_queryset(self):
        return super().get_queryset().for_listing()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        episode = self.object
        # Its neighbours in its series: the page is dropped when an episode
        # enters, leaves or moves between them, not by any other change.
        siblings = Episode.objects.published().filter(series=episode.series_id)
        previous_episode, next_episode = invalidation.around(siblings, episode)
        context.update(
            people=Person.objects.published().filter(episodes=episode)[: settings.DETAIL_PEOPLE],
            companies=Company.objects.published().filter(episodes=episode)[
                : settings.DETAIL_COMPANIES
            ],
            previous_episode=previous_episode,
            next_episode=next_episode,
            milestones=Milestone.objects.published()
            .filter(episodes=episode)
            .with_year_position()[: settings.DETAIL_MILESTONES],
        )
        return context

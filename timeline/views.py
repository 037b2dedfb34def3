from django.views.generic import ListView

from .models import Milestone


class TimelineView(ListView):
    """Every published milestone in date order; the template groups them by year."""

    model = Milestone
    context_object_name = "milestones"
    template_name = "timeline/timeline.html"

    def get_queryset(self):
        return Milestone.objects.published().for_timeline()

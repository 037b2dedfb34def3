from django.urls import path, register_converter

from . import views

app_name = "timeline"


class YearConverter:
    """Four digits: `/timeline/20235/` is not a year, so not a page (404)."""

    regex = "[0-9]{4}"

    def to_python(self, value):
        return int(value)

    def to_url(self, value):
        return f"{int(value):04d}"


register_converter(YearConverter, "yyyy")

urlpatterns = [
    path("", views.TimelineView.as_view(), name="index"),
    path("<yyyy:year>/", views.TimelineYearView.as_view(), name="year"),
]

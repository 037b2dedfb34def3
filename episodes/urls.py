from django.urls import path

from . import views

app_name = "episodes"

urlpatterns = [
    path("", views.EpisodeListView.as_view(), name="episode_list"),
    path("<slug:slug>/", views.EpisodeDetailView.as_view(), name="episode_detail"),
]

from django.urls import path

from . import feeds, views

app_name = "companies"

urlpatterns = [
    path("companies/", views.CompanyListView.as_view(), name="company_list"),
    path("companies/<slug:slug>/", views.CompanyDetailView.as_view(), name="company_detail"),
    path("people/", views.PersonListView.as_view(), name="person_list"),
    path("people/<slug:slug>/", views.PersonDetailView.as_view(), name="person_detail"),
    path("press/", views.PressReleaseListView.as_view(), name="pressrelease_list"),
    # Before press/<slug>/, which would take "feed" for a slug (a press
    # release cannot have it: see RESERVED_PRESS_SLUGS).
    path("press/feed/", feeds.LatestPressReleasesFeed(), name="pressrelease_feed"),
    path("press/feed/atom/", feeds.LatestPressReleasesAtomFeed(), name="pressrelease_feed_atom"),
    path("press/<slug:slug>/", views.PressReleaseDetailView.as_view(), name="pressrelease_detail"),
]

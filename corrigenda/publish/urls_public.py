"""Public pages under /corrections/: the logs, their Atom feeds and JSON.

The outlet slug takes a whole path segment, so routes of other files included
before this one (alerts/) win; an outlet cannot be called "alerts".
"""

from django.urls import URLPattern, path

from corrigenda.publish import feeds, views_public

urlpatterns: list[URLPattern] = [
    path("", views_public.log_index, name="log_index"),
    path("<slug:slug>/", views_public.log, name="log"),
    path("<slug:slug>/feed.atom", feeds.CorrectionsFeed(), name="log_feed"),
    path("<slug:slug>.json", views_public.log_json, name="log_json"),
]

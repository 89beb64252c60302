"""The stories' JSON API, included by the project under /api/v1/."""

from django.urls import path

from corrigenda.stories import views

app_name = "stories_api"
urlpatterns = [
    path("stories", views.api_story_list, name="list"),
    path("stories/<int:pk>", views.api_story_detail, name="detail"),
]

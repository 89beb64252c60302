from django.urls import path

from corrigenda.stories import views

app_name = "stories"
urlpatterns = [
    path("", views.story_list, name="list"),
    path("<int:pk>/", views.story_detail, name="detail"),
    path("<int:pk>/merge/", views.story_merge, name="merge"),
    path("<int:pk>/move/", views.story_move, name="move"),
]

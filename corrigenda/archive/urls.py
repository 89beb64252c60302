from django.urls import URLPattern, path

from corrigenda.archive import views

app_name = "archive"
urlpatterns: list[URLPattern] = [
    path("", views.article_list, name="article_list"),
    path("<int:pk>/", views.article_detail, name="article_detail"),
    path("<int:pk>/diff/", views.article_diff, name="article_diff"),
]

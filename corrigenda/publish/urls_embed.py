"""What outlets embed in their article pages (under /corrections/embed/)."""

from django.urls import URLPattern, path

from corrigenda.publish import views_embed

urlpatterns: list[URLPattern] = [
    path("embed/notices", views_embed.notices, name="embed_notices"),
    path("embed/jsonld", views_embed.article_jsonld, name="embed_jsonld"),
]

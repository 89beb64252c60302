from django.urls import include, path

app_name = "publish"
urlpatterns = [
    path("", include("corrigenda.publish.urls_alerts")),  # before the <slug>/ of the logs
    path("", include("corrigenda.publish.urls_public")),
    path("", include("corrigenda.publish.urls_desk")),
    path("", include("corrigenda.publish.urls_embed")),
]

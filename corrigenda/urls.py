from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("", include("corrigenda.web.urls")),
    path("archive/", include("corrigenda.archive.urls")),
    path("stories/", include("corrigenda.stories.urls")),
    path("report/", include("corrigenda.reports.urls")),
    path("desk/", include("corrigenda.desk.urls")),
    path("corrections/", include("corrigenda.publish.urls")),
    path("api/v1/", include("corrigenda.stories.api_urls")),
    path("api/v1/", include("corrigenda.reports.api_urls")),
]

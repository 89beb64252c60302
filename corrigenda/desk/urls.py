"""The desk's pages, under /desk/ (namespace "desk"). The dashboard brings its own."""

from django.contrib.auth import views as auth_views
from django.urls import include, path

from corrigenda.desk import views

app_name = "desk"
urlpatterns = [
    path("", views.queue, name="queue"),
    path("login/", views.LoginView.as_view(), name="login"),
    path("login/verify/", views.verify, name="verify"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("account/two-factor/", views.two_factor, name="two_factor"),
    path("reports/<int:pk>/", views.report_detail, name="report"),
    path("reports/<int:pk>/assign/", views.report_assign, name="assign"),
    path("reports/<int:pk>/move/", views.report_move, name="move"),
    path("reports/<int:pk>/note/", views.report_note, name="note"),
    path("reports/<int:pk>/check/", views.report_check, name="check"),
    path("reports/<int:pk>/reply/", views.report_reply, name="reply"),
    path("reports/<int:pk>/merge/", views.report_merge, name="merge"),
    path("reports/<int:pk>/split/", views.report_split, name="split"),
    path("", include("corrigenda.desk.urls_dashboard")),
    path("", include("corrigenda.desk.urls_settings")),
]

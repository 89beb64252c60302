from django.urls import path

from corrigenda.reports import views

app_name = "reports"
urlpatterns = [
    path("", views.report_form, name="form"),
    path("challenge/", views.challenge, name="challenge"),
    path("received/<str:token>/", views.report_received, name="received"),
    path("status/<str:token>/", views.status, name="status"),
    path("try/<int:pk>/", views.try_button, name="try"),
]

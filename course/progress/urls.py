from django.urls import path

from . import views

app_name = "progress"

urlpatterns = [
    path("my-progress/", views.dashboard, name="dashboard"),
    path("my-progress/certificate/", views.certificate, name="certificate"),
    path("lessons/<int:lesson_id>/read/", views.mark_read, name="mark_read"),
    path("certificates/<str:code>/", views.verify_certificate, name="verify"),
]

from django.urls import path

from . import views

app_name = "capstone"

urlpatterns = [
    path("<int:capstone_id>/", views.capstone, name="detail"),
    path("<int:capstone_id>/autosave/", views.autosave, name="autosave"),
]

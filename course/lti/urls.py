from django.urls import path

from . import deep_linking, roster, views

app_name = "lti"

urlpatterns = [
    path("jwks/", views.jwks, name="jwks"),
    path("login/", views.login_initiation, name="login"),
    path("launch/", views.launch, name="launch"),
    path("deep-link/", deep_linking.pick, name="deep_link"),
    path("classes/<int:class_id>/roster/", roster.class_roster, name="roster"),
]

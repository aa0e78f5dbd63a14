from django.urls import path

from . import views

app_name = "quiz"

urlpatterns = [
    path("<int:quiz_id>/", views.quiz_detail, name="detail"),
    path("<int:quiz_id>/start/", views.start_attempt, name="start"),
    path("attempt/<int:attempt_id>/", views.take_attempt, name="take"),
    path("attempt/<int:attempt_id>/autosave/", views.autosave, name="autosave"),
    path("attempt/<int:attempt_id>/review/", views.review_attempt, name="review"),
]

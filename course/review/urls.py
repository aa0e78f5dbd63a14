from django.urls import path

from . import views

app_name = "review"

urlpatterns = [
    path("", views.review, name="next"),
    path("<int:card_id>/answer/", views.answer_card, name="answer"),
    path("<int:card_id>/done/", views.card_outcome, name="outcome"),
]

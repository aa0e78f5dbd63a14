from django.urls import path

from . import views

app_name = "classes"

urlpatterns = [
    path("", views.my_classes, name="mine"),
    path("join/", views.join_by_code, name="join"),
    path("join/<str:code>/", views.join_by_link, name="join_link"),
    path("<int:class_id>/leave/", views.leave_class, name="leave"),
    path("time-zone/", views.set_time_zone, name="time_zone"),
]

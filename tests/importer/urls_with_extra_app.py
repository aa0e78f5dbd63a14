"""The site's URLconf with one more app, to show the reserved module slugs follow the URLconf."""

from django.http import HttpResponse
from django.urls import path

from course.urls import urlpatterns as site_urlpatterns

urlpatterns = [path("new-app/", lambda request: HttpResponse("ok")), *site_urlpatterns]

"""WSGI entry point: `gunicorn course.wsgi` serves the site."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "course.settings.production")

application = get_wsgi_application()

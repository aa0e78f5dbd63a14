"""Uploaded images, served by the site itself in production.

WhiteNoise serves only files that exist when the server starts (the static files), so
images uploaded through the editor (markdownx) and Wagtail's images and renditions are
served here, from MEDIA_ROOT. Only raster images: an SVG or HTML file can carry script,
and Wagtail documents go through /documents/, which checks the privacy of the page or
collection they belong to (serving /media/documents/ directly would bypass it).

A proxy in front of gunicorn can serve /media/ itself instead (docs/deployment.md);
then set DJANGO_SERVE_MEDIA=false.
"""

from pathlib import PurePosixPath

from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation
from django.http import Http404
from django.utils.cache import patch_cache_control
from django.views.static import serve

IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif"}
MEDIA_MAX_AGE = 24 * 60 * 60  # seconds; renditions keep their names, originals rarely change


def serve_media(request, path):
    parts = PurePosixPath(path).parts
    if not parts or parts[0] == "documents" or PurePosixPath(path).suffix.lower() not in IMAGE_SUFFIXES:
        raise Http404("Not an image")
    try:  # serve() refuses paths outside the folder, and answers If-Modified-Since
        response = serve(request, path, document_root=settings.MEDIA_ROOT)
    except SuspiciousFileOperation as error:
        raise Http404("Not an image") from error
    patch_cache_control(response, public=True, max_age=MEDIA_MAX_AGE)
    return response


serve_media.needs_no_site = True  # see course/lessons/site_lookup.py

"""Storage for files that only a view may hand out (class exports: learners' names and progress).

A FileSystemStorage whose files have no URL: Django's falls back to MEDIA_URL, which would
invite a template to link a private file under /media/. Keep its folder outside MEDIA_ROOT
(settings: PRIVATE_EXPORTS_ROOT), so neither the site's media view nor a proxy serving /media/
can reach it.
"""

from django.core.files.storage import FileSystemStorage


class PrivateFileSystemStorage(FileSystemStorage):
    def url(self, name):
        raise ValueError(f"{name} is a private file: it has no URL; a view that checks who asks serves it")

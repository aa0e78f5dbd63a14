from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LessonsConfig(AppConfig):
    name = "course.lessons"
    label = "lessons"
    verbose_name = _("Lessons")

    def ready(self):
        from django.db.models.signals import post_delete

        from wagtail.models import PageViewRestriction, Site
        from wagtail.signals import page_published, page_unpublished, post_page_move

        from .content_version import bump_content_version, bump_when_saved_or_deleted
        from .models import GlossaryTerm

        # Drafts do not change what visitors see; publishing, moving and deleting do.
        for signal in (page_published, page_unpublished, post_page_move):
            signal.connect(bump_content_version, dispatch_uid=f"content-version-{signal!r}")
        post_delete.connect(_bump_for_pages, dispatch_uid="content-version-page-delete")
        # Privacy settings too: cached pages and the "any restrictions?" shortcut depend on them.
        bump_when_saved_or_deleted(GlossaryTerm, Site, PageViewRestriction)


def _bump_for_pages(sender, **kwargs):
    from wagtail.models import Page

    from .content_version import bump_content_version

    if issubclass(sender, Page):
        bump_content_version()

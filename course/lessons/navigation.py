"""Site-wide navigation, built from the page tree once and cached until pages change."""

from django.core.cache import cache
from django.db.models.signals import post_delete
from django.dispatch import receiver

from wagtail.signals import page_published, page_unpublished

NAVIGATION_CACHE_KEY = "course-navigation:v1"


def course_navigation():
    navigation = cache.get(NAVIGATION_CACHE_KEY)
    if navigation is None:
        navigation = build_navigation()
        cache.set(NAVIGATION_CACHE_KEY, navigation, 60 * 60)
    return navigation


def build_navigation():
    from .models import CourseHomePage, GlossaryPage, TimelinePage

    def url_of(model):
        page = model.objects.live().first()
        return page.url if page else None

    home = CourseHomePage.objects.live().first()
    return {
        "home_url": home.url if home else "/",
        "course_title": home.title if home else "Alliances & Arms",
        "glossary_url": url_of(GlossaryPage),
        "timeline_url": url_of(TimelinePage),
    }


@receiver(page_published)
@receiver(page_unpublished)
def forget_navigation(**kwargs):
    cache.delete(NAVIGATION_CACHE_KEY)


@receiver(post_delete)
def forget_navigation_on_delete(sender, **kwargs):
    from wagtail.models import Page

    if issubclass(sender, Page):
        cache.delete(NAVIGATION_CACHE_KEY)

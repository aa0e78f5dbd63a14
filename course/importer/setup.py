"""Re-runnable site set-up: the course home page as the default site's root."""

from django.db import transaction

from wagtail.models import Page, Site

from course.lessons.models import CourseHomePage, GlossaryPage, TimelinePage

# The pages made beside the modules, under the course home (their slugs are no module's).
SITE_PAGES = ((GlossaryPage, "glossary", "Glossary"), (TimelinePage, "timeline", "Timeline"))
SITE_PAGE_SLUGS = [slug for _model, slug, _title in SITE_PAGES]


@transaction.atomic
def ensure_course_site(title="Alliances & Arms"):
    """Make a CourseHomePage the root of the default site (replacing Wagtail's
    welcome page), with the glossary and timeline pages under it. Idempotent."""
    home = CourseHomePage.objects.first()
    root = Page.get_first_root_node()
    if home is None:
        home = root.add_child(instance=CourseHomePage(title=title, slug="course"))
        home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True, site_name=title)
    elif site.root_page_id != home.pk:
        old_root = site.root_page
        site.root_page = home
        site.site_name = title
        site.save()
        if type(old_root.specific) is Page and not old_root.get_children().exists():
            old_root.delete()  # Wagtail's "Welcome to your new Wagtail site!" page
    for model, slug, page_title in SITE_PAGES:
        if not model.objects.exists():
            page = home.add_child(instance=model(title=page_title, slug=slug))
            page.save_revision().publish()
    return home

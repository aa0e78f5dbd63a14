from django.conf import settings
from django.urls import include, path, re_path
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.views.account import LogoutView as AdminLogoutView
from wagtail.documents import urls as wagtaildocs_urls

from course.lessons import views as lesson_views
from course.site import views as site_views

urlpatterns = [
    path("healthz", site_views.healthz, name="healthz"),
    path("readyz", site_views.readyz, name="readyz"),
    path("robots.txt", TemplateView.as_view(template_name="robots.txt", content_type="text/plain"), name="robots"),
    # Before Wagtail's own: its logout view deletes the session cookie even when it refuses a
    # GET, so an <img src="/admin/logout/"> in lesson Markdown would sign out whoever reads it.
    path("admin/logout/", require_POST(AdminLogoutView.as_view())),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # markdownx's own urls.py is not included: these wrap its views as staff-only.
    path("markdownx/markdownify/", lesson_views.markdownify, name="markdownx_markdownify"),
    path("markdownx/upload/", lesson_views.markdownx_upload, name="markdownx_upload"),
    path("search/", site_views.search, name="search"),
    path("map/", site_views.alliance_map, name="alliance-map"),
    path("accounts/", include("course.accounts.urls")),
    path("quiz/", include("course.quiz.urls")),
    path("capstone/", include("course.capstone.urls")),
    path("review/", include("course.review.urls")),
    path("classes/", include("course.classes.urls")),
    path("lti/", include("course.lti.urls")),
    path("", include("course.progress.urls")),
]

if settings.SERVE_MEDIA:  # uploaded images, in production too (course/operations/media.py)
    from course.operations.media import serve_media

    urlpatterns += [re_path(r"^{}(?P<path>.+)$".format(settings.MEDIA_URL.lstrip("/")), serve_media)]

urlpatterns += [path("", include(wagtail_urls))]

handler400 = "course.site.views.bad_request"
handler404 = "course.site.views.page_not_found"
handler500 = "course.site.views.server_error"

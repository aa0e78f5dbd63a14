from django.conf import settings
from django.urls import include, path
from django.views.generic import TemplateView

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from course.lessons import views as lesson_views
from course.site import views as site_views

urlpatterns = [
    path("healthz", site_views.healthz, name="healthz"),
    path("robots.txt", TemplateView.as_view(template_name="robots.txt", content_type="text/plain"), name="robots"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # markdownx's own urls.py is not included: these wrap its views as staff-only.
    path("markdownx/markdownify/", lesson_views.markdownify, name="markdownx_markdownify"),
    path("markdownx/upload/", lesson_views.markdownx_upload, name="markdownx_upload"),
    path("search/", site_views.search, name="search"),
    path("accounts/", include("course.accounts.urls")),
    path("quiz/", include("course.quiz.urls")),
    path("capstone/", include("course.capstone.urls")),
    path("review/", include("course.review.urls")),
    path("classes/", include("course.classes.urls")),
    path("", include("course.progress.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]

handler400 = "course.site.views.bad_request"
handler404 = "course.site.views.page_not_found"
handler500 = "course.site.views.server_error"

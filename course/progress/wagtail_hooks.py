from wagtail import hooks

from course.lessons.models import LessonPage

from .visits import record_lesson_opened


# After Wagtail's own before_serve_page hooks (order 0), which refuse a page the visitor may
# not see: a visit is recorded only for a lesson actually shown.
@hooks.register("before_serve_page", order=100)
def record_lesson_visit(page, request, serve_args, serve_kwargs):
    if isinstance(page, LessonPage) and request.user.is_authenticated and request.method == "GET":
        record_lesson_opened(request, page.pk)

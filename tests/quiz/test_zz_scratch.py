import pytest, re
from django.urls import reverse
from course.quiz.models import Quiz

pytestmark = pytest.mark.django_db


def test_scratch(login, instructor, lesson_1_1, learner):
    c = login(instructor)
    quiz = Quiz.objects.get(page=lesson_1_1)
    r = c.get(reverse("wagtailsnippets_quiz_quiz:edit", args=[quiz.pk]))
    print(r.status_code)
    html = r.content.decode()
    for m in re.finditer(r'<script[^>]*src[^>]*>', html):
        print(m.group(0)[:300])
    for m in re.finditer(r'<link[^>]*css[^>]*>', html):
        print(m.group(0)[:300])

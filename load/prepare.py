"""Set up the load test's database: the learners and the plan the locustfile follows.

Run after `migrate` and `load_course`, with the same settings as the server:
    python load/prepare.py LEARNERS PLAN_FILE
Re-runnable: the learners are made afresh each time (no attempts or progress).
"""

import json
import os
import secrets
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "load.settings")

import django

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.auth.hashers import make_password  # noqa: E402

from course.lessons.models import LessonPage  # noqa: E402
from course.quiz.models import Quiz, QuizKind  # noqa: E402


def main(count, plan_file):
    password = secrets.token_urlsafe(16)
    hashed = make_password(password)  # one hash for all: hashing 200 times would take minutes
    User = get_user_model()
    names = [f"load-learner-{number:03d}" for number in range(count)]
    User.objects.filter(username__in=names).delete()  # and with them, earlier runs' attempts and progress
    User.objects.bulk_create(User(username=name, email=f"{name}@example.com", password=hashed) for name in names)
    lessons = list(LessonPage.objects.live().order_by("path"))
    checks = [
        (quiz.page.url, quiz.pk)
        for quiz in Quiz.objects.filter(kind=QuizKind.LESSON_CHECK, page__live=True).select_related("page")
    ]
    plan = {"password": password, "learners": names, "lessons": [lesson.url for lesson in lessons], "checks": checks}
    Path(plan_file).write_text(json.dumps(plan, indent=1), encoding="utf-8")
    print(f"{count} learners ready; {len(lessons)} lessons, {len(checks)} lesson checks in {plan_file}.")


if __name__ == "__main__":
    main(int(sys.argv[1]), sys.argv[2])

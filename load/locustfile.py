"""200 learners sign in, read lessons and take quizzes (`make load`; docs/performance.md).

Each simulated learner signs in once with its own account (load-learner-NNN, made
by load/prepare.py), then, with a few seconds' thought between steps, reads a
lesson, looks at its progress, or takes a lesson check: start, answer every
question (each answer autosaved as the page's script does it: one small POST of
the form so far per answer), submit, read the review. Any response that is not a
2xx/3xx fails.
"""

import http.cookiejar
import json
import os
import random
import sys
from pathlib import Path

from locust import HttpUser, between, events, task

sys.path.insert(0, str(Path(__file__).resolve().parent))
from quiz_form import answers_for

# Production sets Secure cookies; this test talks plain HTTP on loopback (as a TLS proxy
# would to gunicorn), so this process sends Secure cookies over HTTP too. requests
# copies cookies into fresh jars with the default policy, hence the class-wide patch.
http.cookiejar.DefaultCookiePolicy.return_ok_secure = lambda self, cookie, request: True

PLAN = json.loads(open(os.environ.get("LOAD_PLAN", ".cache/load/plan.json"), encoding="utf-8").read())  # noqa: SIM115


class Learner(HttpUser):
    wait_time = between(3, 10)  # reading and thinking between clicks

    def on_start(self):
        self.username = PLAN["learners"].pop() if PLAN["learners"] else None
        if self.username is None:
            raise RuntimeError("more simulated learners than prepared accounts")
        self.client.get("/accounts/login/", name="/accounts/login/ [form]")
        with self.client.post(
            "/accounts/login/",
            {"username": self.username, "password": PLAN["password"], "csrfmiddlewaretoken": self.csrf()},
            name="/accounts/login/ [sign in]",
            catch_response=True,
        ) as response:
            if "/my-progress/" not in response.url:
                response.failure(f"sign-in did not reach the dashboard: {response.status_code} {response.url}")

    def csrf(self):
        return self.client.cookies.get("csrftoken", "")

    @task(6)
    def read_lesson(self):
        self.client.get(random.choice(PLAN["lessons"]), name="lesson page")

    @task(1)
    def my_progress(self):
        self.client.get("/my-progress/", name="/my-progress/")

    @task(3)
    def take_lesson_check(self):
        lesson, quiz_id = random.choice(PLAN["checks"])
        self.client.get(lesson, name="lesson page")
        take = self.client.post(
            f"/quiz/{quiz_id}/start/", {"csrfmiddlewaretoken": self.csrf()}, name="/quiz/[id]/start/ -> attempt"
        )
        if "/quiz/attempt/" not in take.url:
            return
        answers = answers_for(take.text)
        given = {}
        for question in sorted({name.split("-")[0] for name in answers}):
            # One answer changes; the script posts the whole form (debounced) to autosave it.
            given.update({name: value for name, value in answers.items() if name.split("-")[0] == question})
            with self.client.post(
                f"{take.url}autosave/",
                {**given, "csrfmiddlewaretoken": self.csrf()},
                name="/quiz/attempt/[id]/autosave/",
                catch_response=True,
            ) as saved:
                if saved.status_code != 200:
                    saved.failure(f"autosave refused: {saved.status_code} {saved.text[:200]}")
        with self.client.post(
            take.url,
            {**answers, "csrfmiddlewaretoken": self.csrf()},
            name="/quiz/attempt/[id]/ submit -> review",
            catch_response=True,
        ) as review:
            if not review.url.endswith("/review/"):
                review.failure(f"submit did not reach the review: {review.status_code} {review.url}")


@events.quitting.add_listener
def _fail_on_errors(environment, **kwargs):
    if environment.stats.total.num_failures:
        environment.process_exit_code = 1

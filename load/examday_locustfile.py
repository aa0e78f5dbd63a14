"""Exam day (`make examday`, load/examday.py): N learners take the same timed module quiz.

Each simulated learner signs in (the runner spawns them at a rate the machine can hash
passwords at, as learners arrive in an exam room), waits for the quiz to open and opens it at
a random moment of the next EXAM_OPEN_WINDOW seconds: quiz page, Start. The quiz opens at
EXAM_OPENS_AT or, when sign-ins fall behind, 5 s after the last learner has signed in: the
synchronised start is measured on its own, not mixed with password hashing. The moment it
opens is written to EXAM_OPENED (load/examday.py times a node's failure from it). It
then answers one question at a time, thinking between answers (on average EXAM_SECONDS in
all: 30-90 s per answer for an 8-question quiz at the default 480 s), and autosaves the form
so far after each answer as the page's script does. At the end it reloads the quiz page (as
a learner does after a lost connection), checks that the page shows every answer it gave,
and submits the form as the page shows it: an autosave the server lost would be lost from
the grade too. What each learner last answered goes to EXAM_RESULTS for `check_exam`.

A request that got no answer (connection refused or reset, 502/503/504: its node died) is
sent again after a pause, up to RETRIES times, as a learner would press the button again; the
failed try is reported under "(retried) <name>", so the endpoint rows show what learners got.
"""

import http.cookiejar
import json
import os
import random
import sys
import time
from pathlib import Path

import gevent
from gevent.event import Event
from locust import HttpUser, constant, events, task
from locust.exception import StopUser

sys.path.insert(0, str(Path(__file__).resolve().parent))
from quiz_form import answers_for_form, by_question, parse

# Secure cookies over plain HTTP on loopback, as in load/locustfile.py.
http.cookiejar.DefaultCookiePolicy.return_ok_secure = lambda self, cookie, request: True

PLAN = json.loads(Path(os.environ["EXAM_PLAN"]).read_text(encoding="utf-8"))
RESULTS_FILE = Path(os.environ["EXAM_RESULTS"])
STATS_FILE = Path(os.environ["EXAM_STATS"])
OPENS_AT = float(os.environ["EXAM_OPENS_AT"])
OPENED_FILE = Path(os.environ["EXAM_OPENED"])
OPEN_WINDOW = float(os.environ.get("EXAM_OPEN_WINDOW", "60"))
ANSWER_SECONDS = float(os.environ.get("EXAM_SECONDS", "480"))
RETRIES = 5
RETRIED_STATUSES = {0, 502, 503, 504}

UNUSED = list(reversed(PLAN["learners"]))
RESULTS = {}  # username -> {"attempt", "answers", "submitted", "opened_at"}
FINISHED = []  # usernames done, successfully or not
ARRIVED = []  # usernames past the sign-in, signed in or not
DOORS = {"open_at": OPENS_AT, "event": Event()}


def arrived(username):
    """The quiz opens when every learner has come through the sign-in (and not before OPENS_AT)."""
    ARRIVED.append(username)
    if len(ARRIVED) == len(PLAN["learners"]):
        DOORS["open_at"] = max(OPENS_AT, time.time() + 5)
        OPENED_FILE.write_text(str(DOORS["open_at"]), encoding="utf-8")
        DOORS["event"].set()


class ExamLearner(HttpUser):
    wait_time = constant(0)  # the one task paces itself

    def on_start(self):
        if not UNUSED:
            raise StopUser()
        self.username = UNUSED.pop()
        self.send("GET", "/accounts/login/", "sign-in form")
        signed_in = self.send(
            "POST",
            "/accounts/login/",
            "sign in",
            data={"username": self.username, "password": PLAN["password"], "csrfmiddlewaretoken": self.csrf()},
            expect=lambda response: "/my-progress/" in response.url,
        )
        arrived(self.username)
        if not signed_in:
            self.done()

    def csrf(self):
        return self.client.cookies.get("csrftoken", "")

    def send(self, method, url, name, expect=None, **kwargs):
        """The response, after retrying a request that got no answer; None if it failed for good.
        `expect(response)`: False marks a 2xx/3xx answer as failed too (not retried)."""
        for attempt in range(1, RETRIES + 1):
            if "data" in kwargs:
                kwargs["data"]["csrfmiddlewaretoken"] = self.csrf()
            with self.client.request(method, url, name=name, catch_response=True, **kwargs) as response:
                if response.status_code in RETRIED_STATUSES and attempt < RETRIES:
                    response.request_meta["name"] = f"(retried) {name}"
                    response.failure(f"no answer ({response.status_code}); sent again")
                elif response.status_code >= 400 or response.status_code == 0:
                    response.failure(f"{response.status_code} {response.text[:200]!r}")
                    return None
                elif expect is not None and not expect(response):
                    response.failure(f"unexpected answer: {response.status_code} {response.url}")
                    return None
                else:
                    return response
            time.sleep(random.uniform(1, 3))
        return None

    @task
    def take_exam(self):
        DOORS["event"].wait()
        time.sleep(max(0.0, DOORS["open_at"] - time.time()) + random.uniform(0, OPEN_WINDOW))
        opened_at = time.time()
        self.send("GET", PLAN["quiz_url"], "quiz page")
        started = self.send(
            "POST",
            f"{PLAN['quiz_url']}start/",
            "start -> quiz form",
            data={},
            expect=lambda response: "/quiz/attempt/" in response.url,
        )
        if started is None:
            self.done()
        attempt_url = started.url.split("?")[0]
        attempt_id = int(attempt_url.rstrip("/").rsplit("/", 1)[1])
        form = parse(started.text)
        answers = answers_for_form(form)
        questions = by_question(form, answers)
        given = {}
        result = RESULTS[self.username] = {
            "attempt": attempt_id,
            "answers": {},
            "submitted": False,
            "opened_after": opened_at - DOORS["open_at"],
        }
        think = ANSWER_SECONDS / max(1, len(questions))
        for inputs in questions.values():
            time.sleep(random.uniform(0.5, 1.5) * think)
            given.update(inputs)
            if self.send("POST", f"{attempt_url}autosave/", "autosave", data=dict(given)) is not None:
                # What the learner last saw saved: the check compares the grade with it.
                result["answers"] = {name: [value] for name, value in given.items()}
        reloaded = self.send("GET", attempt_url, "quiz form (reload)")
        if reloaded is None:
            self.done()
        shown = parse(reloaded.text).shown
        if shown != result["answers"]:
            # Reported, and submitted anyway: check_exam then finds the lost answers in the grade.
            events.request.fire(
                request_type="CHECK",
                name="reloaded form shows every saved answer",
                response_time=0,
                response_length=0,
                exception=AssertionError(f"{self.username}: page shows {shown}, saved {result['answers']}"),
            )
        submitted = self.send(
            "POST",
            attempt_url,
            "submit -> review",
            data=dict(shown),
            expect=lambda response: response.url.split("?")[0].endswith("/review/"),
        )
        result["submitted"] = submitted is not None
        self.done()

    def done(self):
        FINISHED.append(self.username)
        if len(FINISHED) == len(PLAN["learners"]):
            gevent.spawn_later(0.5, self.environment.runner.quit)  # every learner is done
        raise StopUser()


def _stats_row(entry):
    percentile = entry.get_response_time_percentile
    return {
        "name": entry.name,
        "requests": entry.num_requests,
        "errors": entry.num_failures,
        **{f"p{p}": percentile(p / 100) for p in (50, 95, 99)},
        "max": entry.max_response_time,
    }


@events.quitting.add_listener
def _write_results(environment, **kwargs):
    RESULTS_FILE.write_text(json.dumps(RESULTS), encoding="utf-8")
    # The statistics as locust's own summary prints them (its CSV files can miss the last requests).
    rows = [_stats_row(entry) for entry in environment.stats.entries.values()]
    rows.append({**_stats_row(environment.stats.total), "name": "all requests"})
    STATS_FILE.write_text(json.dumps(rows), encoding="utf-8")
    retried = sum(
        entry.num_failures for entry in environment.stats.entries.values() if entry.name.startswith("(retried)")
    )
    # Failed tries that were sent again and then answered are shown, but are no failure.
    environment.process_exit_code = 1 if environment.stats.total.num_failures > retried else 0

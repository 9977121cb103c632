"""The load test's people: learners, trainers and visitors, as ``bench/load/run.py`` runs them.

- **Learners** (8 in 10) take a fresh account from the plan and sign in; then, round after round,
  look at their certificates and their courses (page and API), read each lesson of the border course
  and mark it complete through the API, and take its quiz through the API (start, answer every
  question, submit). The first round's third lesson completes the course and issues a certificate,
  which the Celery worker renders; later rounds mark the lessons again, which changes nothing.
  After ``CASCADE_LOAD_ROUNDS_PER_ACCOUNT`` rounds (default 3) they sign out and in again with the
  next account.
- **Trainers** (1 in 10) sign in once as one of the demo's two trainers, then open their cohort list,
  the load cohort's dashboard, its progress through the API and its session's attendance page, and
  take attendance through the API (a few trainees marked late, everyone else present).
- **Visitors** (1 in 10) verify the demo's certificates, on the page and through the API.

Environment (set by run.py): ``CASCADE_LOAD_PLAN`` (the plan written by seed.py),
``CASCADE_LOAD_COUNTS`` (where to write what the run did, for the consistency check),
``CASCADE_LOAD_FIRST_LEARNER`` (accounts before it were used by an earlier phase),
``CASCADE_LOAD_THINK`` (mean seconds a person waits between two requests; 0.05 for the unloaded phase,
0 for a capacity run), ``CASCADE_LOAD_MAX_REQUESTS`` (when this many requests have been sent, the run
stops as at the end of its time: each person finishes the round they are in; 0 for no such bound),
``CASCADE_LOAD_FIRST_ADDRESS`` (addresses before it were used by an earlier phase).

A learner's round, a trainer's round and a visitor's lookup are each one locust task, so that when the
run stops (``--stop-timeout``) a person finishes what they are doing: a submit the server answered is
always one the client counted.
"""

from __future__ import annotations

import itertools
import json
import os
import random
from pathlib import Path

import gevent
from locust import HttpUser, between, events, task

PLAN = json.loads(Path(os.environ["CASCADE_LOAD_PLAN"]).read_text())
THINK = float(os.environ.get("CASCADE_LOAD_THINK", "1"))
COUNTS_PATH = os.environ.get("CASCADE_LOAD_COUNTS")

_learners = iter(PLAN["learners"][int(os.environ.get("CASCADE_LOAD_FIRST_LEARNER", "0")) :])
# Each simulated person has an address of their own, passed as a proxy would pass it (run.py sets
# TRUSTED_PROXY_COUNT=1, as behind nginx): the per-address limits then count per person, not per run.
# Each phase of a run starts where the one before left off, so that a phase's visitors never inherit an
# earlier phase's lookups (the limit counts ten minutes).
FIRST_ADDRESS = int(os.environ.get("CASCADE_LOAD_FIRST_ADDRESS", "0"))
_addresses = (f"10.{n // 250 % 250}.{n % 250}.1" for n in itertools.count(1 + FIRST_ADDRESS))
# A visitor is an office checking this many certificates, then the next office: without pauses (a
# capacity run) one address would otherwise reach verification's 600 lookups in ten minutes within a
# minute or two, which measures the limit, not the site.
LOOKUPS_PER_ADDRESS = 100
MAX_REQUESTS = int(os.environ.get("CASCADE_LOAD_MAX_REQUESTS", "0"))
# A learner signs in, then goes round the course this many times (the quiz taken again each time)
# before signing out and in again with the next account.
ROUNDS_PER_ACCOUNT = int(os.environ.get("CASCADE_LOAD_ROUNDS_PER_ACCOUNT", "3"))
# What the clients sent and what they saw succeed. A run that has to stop people in mid-request (its
# --stop-timeout ran out) leaves requests the server may have carried out unseen: the check then
# holds the database between the two.
COUNTS = {
    "accounts_used": 0,
    "submits_sent": 0,
    "submits": 0,
    "completions_sent": 0,
    "courses_completed": 0,
    "status_5xx": 0,
    "requests": 0,
    "addresses_used": 0,
}
_environment = None  # the runner to stop once the request budget is spent


@events.init.add_listener
def _keep_environment(environment, **_kwargs) -> None:
    global _environment
    _environment = environment


@events.request.add_listener
def _count_requests(response=None, **_kwargs) -> None:
    if response is not None and getattr(response, "status_code", 0) >= 500:
        COUNTS["status_5xx"] += 1
    COUNTS["requests"] += 1
    if MAX_REQUESTS and COUNTS["requests"] == MAX_REQUESTS and _environment and _environment.runner:
        # As when the run's time is up: each person finishes their round (--stop-timeout), so that every
        # answer the server gave is one the client counted. Not from this person's own greenlet, which
        # the runner would kill in mid-round.
        gevent.spawn(_environment.runner.quit)


@events.quitting.add_listener
def _write_counts(**_kwargs) -> None:
    if COUNTS_PATH:
        Path(COUNTS_PATH).write_text(json.dumps(COUNTS))


def pause() -> None:
    """A person reading or thinking: THINK seconds on average, never all in step."""
    if THINK > 0:
        gevent.sleep(random.uniform(0.5, 1.5) * THINK)


def some_response(question: dict) -> dict:
    """An answer of the shape the question takes (right or wrong: the quiz does not count towards
    completing the course)."""
    qtype, answers = question["qtype"], question.get("answers", [])
    if qtype in ("single_choice", "true_false"):
        return {"choice": random.choice(answers)["id"]}
    if qtype == "multiple_response":
        return {"choices": [answer["id"] for answer in random.sample(answers, k=min(2, len(answers)))]}
    if qtype == "numeric":
        return {"value": str(random.randint(1, 120))}
    if qtype == "matching":
        return {"pairs": {prompt["id"]: random.choice(question["options"]) for prompt in question["prompts"]}}
    if qtype == "ordering":
        return {"order": [item["id"] for item in question["items"]]}
    return {"text": "Хүүхдийг тусад нь, аюулгүй орчинд ярилцана."}  # short answer, essay


class Person(HttpUser):
    abstract = True
    wait_time = between(0, 0)  # the rounds pause inside (see pause())

    def on_start(self) -> None:
        self.new_address()

    def new_address(self) -> None:
        self.client.headers["X-Forwarded-For"] = next(_addresses)
        COUNTS["addresses_used"] += 1

    def sign_in(self, email: str, password: str) -> bool:
        self.client.get("/accounts/login/", name="sign-in page")
        with self.client.post(
            "/accounts/login/",
            data={"login": email, "password": password, "csrfmiddlewaretoken": self.csrf()},
            name="sign in",
            allow_redirects=False,
            catch_response=True,
        ) as response:
            if response.status_code != 302:
                response.failure(f"sign-in answered {response.status_code}, not a redirect")
                return False
        return True

    def csrf(self) -> str:
        return self.client.cookies.get("csrftoken", "")

    def api(self, method: str, path: str, name: str, **kwargs):
        return self.client.request(
            method, path, name=name, headers={"X-CSRFToken": self.csrf()}, catch_response=True, **kwargs
        )


class Learner(Person):
    weight = 8

    def on_start(self) -> None:
        super().on_start()
        self.email: str | None = None
        self.rounds = 0
        self.completion_counted = False

    def next_account(self) -> None:
        """Sign out, and in again with a fresh account, if one is left."""
        email = next(_learners, None)
        if email is None:
            return
        if self.email is not None:
            self.client.post("/accounts/logout/", data={"csrfmiddlewaretoken": self.csrf()}, name="sign out")
            self.client.cookies.clear()
        COUNTS["accounts_used"] += 1
        self.email, self.rounds, self.completion_counted = None, 0, False
        if self.sign_in(email, PLAN["learner_password"]):
            self.email = email

    @task
    def round(self) -> None:
        if self.email is None or self.rounds >= ROUNDS_PER_ACCOUNT:
            self.next_account()  # when every account has been used, this person keeps theirs
        if self.email is None:
            return  # no account was left for this person, or the sign-in failed (counted as a failure)
        self.rounds += 1
        pause()
        self.client.get("/mn/my/certificates/", name="my certificates page")
        self.client.get("/api/v1/me/courses", name="api: my courses")
        pause()
        self.client.get(PLAN["course_url"], name="course page")
        self.client.get(f"/api/v1/courses/{PLAN['course']}", name="api: course")
        for lesson in PLAN["lessons"]:
            pause()
            self.client.get(lesson["url"], name="lesson page")
            pause()
            # The first round completes the lessons (the last one completes the course and issues
            # its certificate); later rounds mark them again, which changes nothing.
            if self.rounds == 1 and lesson is PLAN["lessons"][-1]:
                COUNTS["completions_sent"] += 1
            with self.api("POST", f"/api/v1/lessons/{lesson['id']}/complete", "api: complete lesson") as response:
                if response.status_code != 200:
                    response.failure(f"complete answered {response.status_code}")
                elif response.json()["course_completed"] and not self.completion_counted:
                    COUNTS["courses_completed"] += 1
                    self.completion_counted = True
        pause()
        self.take_quiz()

    def take_quiz(self) -> None:
        with self.api("POST", f"/api/v1/quizzes/{PLAN['quiz']}/attempts", "api: start attempt") as response:
            if response.status_code not in (200, 201):
                response.failure(f"start answered {response.status_code}")
                return
            attempt = response.json()
        for question in attempt["questions"]:
            pause()
            path = f"/api/v1/attempts/{attempt['id']}/answers/{question['id']}"
            with self.api("PUT", path, "api: save answer", json={"response": some_response(question)}) as response:
                if response.status_code != 200:
                    response.failure(f"save answered {response.status_code}")
        pause()
        COUNTS["submits_sent"] += 1
        with self.api("POST", f"/api/v1/attempts/{attempt['id']}/submit", "api: submit attempt") as response:
            if response.status_code == 200 and response.json()["state"] != "in_progress":
                COUNTS["submits"] += 1
            else:
                response.failure(f"submit answered {response.status_code}")


class Trainer(Person):
    weight = 1

    def on_start(self) -> None:
        super().on_start()
        self.cohort = random.choice(PLAN["trainers"])
        self.signed_in = self.sign_in(self.cohort["email"], PLAN["trainer_password"])

    @task
    def round(self) -> None:
        if not self.signed_in:
            return
        cohort, session = self.cohort["cohort"], self.cohort["session"]
        pause()
        self.client.get("/mn/cohorts/", name="cohort list page")
        pause()
        self.client.get(f"/mn/cohorts/{cohort}/", name="cohort dashboard page")
        with self.api("GET", f"/api/v1/cohorts/{cohort}/progress", "api: cohort progress") as response:
            trainees = [row["trainee"]["id"] for row in response.json()["rows"]] if response.ok else []
        pause()
        self.client.get(f"/mn/cohorts/{cohort}/sessions/{session}/attendance/", name="attendance page")
        pause()
        marks = {str(trainee): "late" for trainee in random.sample(trainees, k=min(3, len(trainees)))}
        payload = {"session_id": session, "marks": marks}
        with self.api("POST", f"/api/v1/cohorts/{cohort}/attendance", "api: take attendance", json=payload) as answer:
            if answer.status_code != 200:
                answer.failure(f"attendance answered {answer.status_code}")


class Visitor(Person):
    weight = 1

    def on_start(self) -> None:
        super().on_start()
        self.lookups = 0

    @task
    def verify(self) -> None:
        if self.lookups == LOOKUPS_PER_ADDRESS:
            self.new_address()
            self.lookups = 0
        self.lookups += 1
        pause()
        code = random.choice(PLAN["certificates"])
        if random.random() < 0.75:
            self.client.get(f"/verify/{code}/", name="verify page")
        else:
            self.client.get(f"/api/v1/certificates/verify/{code}", name="api: verify")

"""Every assessments URL, as every role, on one's own attempt and on someone else's (architecture §4.2)."""

import json

import pytest
from django.urls import reverse

from assessments.models import Attempt, AttemptAnswer
from assessments.services import answer_save, attempt_start, attempt_submit
from courses.services import enrolment_create
from tests.factories import add_quiz, build_course
from tests.scoping import ANONYMOUS, ROLES, Route, build_world, check, matrix, matrix_ids


@pytest.fixture
def world(db, bank):
    world = build_world()
    course = build_course(modules=1, lessons=1)
    quiz = add_quiz(course, bank.values())
    world.objects.update(course=course, quiz=quiz, bank=bank)
    # Everyone is enrolled and has an attempt of their own; the outsider's belongs to nobody here.
    for person in [*world.people.values(), world.objects["outsider"]]:
        enrolment_create(learner=person, course=course)
        world.objects[f"attempt:{person.email}"] = attempt_start(learner=person, quiz=quiz)
    # The outsider has also finished an earlier attempt whose essay waits for a mark.
    outsider = world.objects["outsider"]
    earlier = world.objects[f"attempt:{outsider.email}"]
    answer_save(attempt=earlier, question_id=str(bank["essay"].translation_key), response={"text": "Миний бодол"})
    attempt_submit(attempt=earlier)
    world.objects[f"attempt:{outsider.email}"] = attempt_start(learner=outsider, quiz=quiz)
    world.objects["essay"] = AttemptAnswer.objects.get(attempt=earlier, mark__isnull=True)
    return world


def attempt_of(world, viewer, target):
    person = viewer if target == "self" else world.objects["outsider"]
    return world.objects[f"attempt:{person.email}"]


def sees(role, target):
    return target == "self" or role == "admin"


ROUTES = [
    Route("quiz_page", lambda w, v, t: w.objects["quiz"].url, denied_status=302),
    Route("attempt_page", lambda w, v, t: reverse("attempt", args=[attempt_of(w, v, t).pk]),
          targets=("self", "outsider"), visible=sees),
    Route("api_attempt", lambda w, v, t: f"/api/v1/attempts/{attempt_of(w, v, t).pk}",
          targets=("self", "outsider"), visible=sees, api=True),
    # Trainers have a queue (their trainees' answers); this essay is no trainee of theirs.
    Route("marking_queue", lambda w, v, t: reverse("marking_queue"),
          visible=lambda role, target: role in ("admin", "trainer", "master_trainer")),
    Route("mark_answer", lambda w, v, t: reverse("mark_answer", args=[w.objects["essay"].pk]),
          visible=lambda role, target: role == "admin"),
    Route("quiz_start", lambda w, v, t: reverse("quiz_start", args=[w.objects["quiz"].pk]), method="post",
          ok_status=302),
    Route("attempt_submit", lambda w, v, t: reverse("attempt_submit", args=[attempt_of(w, v, t).pk]),
          targets=("self", "outsider"), visible=lambda role, target: target == "self", method="post", ok_status=302),
    Route("api_start", lambda w, v, t: f"/api/v1/quizzes/{w.objects['quiz'].pk}/attempts", method="post", api=True),
    Route("api_submit", lambda w, v, t: f"/api/v1/attempts/{attempt_of(w, v, t).pk}/submit",
          targets=("self", "outsider"), visible=lambda role, target: target == "self", method="post", api=True),
    # This quiz gives feedback after submission: the owner reaches the check and is told so (400).
    Route("api_check", lambda w, v, t: f"/api/v1/attempts/{attempt_of(w, v, t).pk}/answers/"
          f"{w.objects['bank']['single'].translation_key}/check", targets=("self", "outsider"),
          visible=lambda role, target: target == "self", method="post", api=True, ok_status=400),
]  # fmt: skip


@pytest.mark.parametrize(("route", "role", "target"), matrix(ROUTES), ids=matrix_ids(ROUTES))
def test_assessments_urls_are_scoped(client, world, route, role, target):
    check(client, world, route, role, target)


@pytest.mark.parametrize("role", ROLES)
def test_nobody_answers_in_someone_elses_attempt(client, world, role):
    if role != ANONYMOUS:
        client.force_login(world.people[role])
    outsiders = world.objects[f"attempt:{world.objects['outsider'].email}"]
    question_id = str(world.objects["bank"]["single"].translation_key)
    response = client.put(
        f"/api/v1/attempts/{outsiders.pk}/answers/{question_id}",
        json.dumps({"response": {"choice": "s-right"}}),
        content_type="application/json",
    )
    assert response.status_code == (401 if role == ANONYMOUS else 404)
    form = client.post(reverse("attempt", args=[outsiders.pk]), {f"q-{question_id}": "s-right", "action": "submit"})
    assert form.status_code in (302, 404) if role == ANONYMOUS else form.status_code in (200, 404)
    assert not AttemptAnswer.objects.filter(attempt=outsiders).exists()
    outsiders.refresh_from_db()
    assert outsiders.state == Attempt.State.IN_PROGRESS


@pytest.mark.parametrize("role", [r for r in ROLES if r != ANONYMOUS])
def test_starting_a_quiz_starts_only_the_callers_own_attempt(client, world, role):
    client.force_login(world.people[role])
    before = Attempt.objects.filter(learner=world.objects["outsider"]).count()
    response = client.post(reverse("quiz_start", args=[world.objects["quiz"].pk]))
    own = world.objects[f"attempt:{world.people[role].email}"]
    assert response["Location"] == reverse("attempt", args=[own.pk])  # resumes their own
    assert Attempt.objects.filter(learner=world.objects["outsider"]).count() == before

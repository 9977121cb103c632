"""Every courses URL, as every role, on one's own and other people's learning records."""

import pytest
from django.urls import reverse

from courses.models import Enrolment, LessonProgress, Reflection
from courses.services import enrolment_create, lesson_complete
from tests.factories import build_course, lessons_of
from tests.scoping import ANONYMOUS, Route, build_world, check, matrix, matrix_ids


@pytest.fixture
def world(db):
    world = build_world()
    course = build_course(modules=1, lessons=2)
    world.objects["course"] = course
    world.objects["lessons"] = lessons_of(course)
    # The learner is enrolled; so is an outsider, whose records nobody else may touch.
    for person in (world.people["learner"], world.objects["outsider"]):
        enrolment_create(learner=person, course=course)
    lesson_complete(learner=world.objects["outsider"], lesson=world.objects["lessons"][0])
    # A course nobody in the world is enrolled in: its modules are no one's to keep for offline.
    world.objects["other_course"] = build_course(modules=1, lessons=1, slug="other")
    return world


def _module_of(world, target: str):
    return world.objects[target].get_children().live().first()


ROUTES = [
    Route("catalogue", lambda w, v, t: w.objects["course"].get_parent().url, public=True),
    Route("course_page", lambda w, v, t: w.objects["course"].url, public=True),
    Route(
        "lesson_page",
        lambda w, v, t: w.objects["lessons"][0].url,
        visible=lambda role, target: role == "learner",
        denied_status=302,
    ),
    Route("my_learning", lambda w, v, t: reverse("my_learning")),
    Route("api_my_courses", lambda w, v, t: "/api/v1/me/courses", api=True),
    Route("api_course", lambda w, v, t: f"/api/v1/courses/{w.objects['course'].pk}", api=True),
    Route("offline_modules", lambda w, v, t: reverse("offline_modules")),
    # What to keep of a module for offline: only for a learner enrolled in its course.
    Route(
        "api_module_offline",
        lambda w, v, t: f"/api/v1/modules/{_module_of(w, t).pk}/offline",
        targets=("course", "other_course"),
        visible=lambda role, target: role == "learner" and target == "course",
        api=True,
    ),
]


@pytest.mark.parametrize(("route", "role", "target"), matrix(ROUTES), ids=matrix_ids(ROUTES))
def test_courses_urls_are_scoped(client, world, route, role, target):
    check(client, world, route, role, target)


@pytest.mark.parametrize("role", ["learner", "trainer", "coordinator", "admin"])
def test_nobody_can_withdraw_someone_elses_enrolment(client, world, role):
    viewer = world.people[role]
    client.force_login(viewer)
    outsider = Enrolment.objects.get(learner=world.objects["outsider"])
    response = client.post(reverse("course_withdraw", args=[world.objects["course"].pk]))
    if role != "learner":  # not enrolled themselves: nothing of theirs to withdraw
        assert response.status_code == 404
    outsider.refresh_from_db()
    assert outsider.status == Enrolment.Status.ACTIVE


@pytest.mark.parametrize("role", ["learner", "trainer", "coordinator", "admin"])
def test_completing_a_lesson_records_only_the_callers_own_progress(client, world, role):
    client.force_login(world.people[role])
    client.post(reverse("lesson_complete", args=[world.objects["lessons"][1].pk]))
    outsider_done = LessonProgress.objects.filter(learner=world.objects["outsider"], completed_at__isnull=False)
    assert outsider_done.count() == 1  # unchanged: only the lesson they completed themselves


@pytest.mark.parametrize("role", [ANONYMOUS, "learner", "trainer", "coordinator", "admin"])
def test_my_courses_lists_only_the_callers_own(client, world, role):
    if role != ANONYMOUS:
        client.force_login(world.people[role])
    response = client.get("/api/v1/me/courses")
    if role == ANONYMOUS:
        assert response.status_code == 401
        return
    percents = [course["percent"] for course in response.json()]
    assert percents == ([0] if role == "learner" else [])  # never the outsider's 50 %


def test_a_reflection_is_written_only_to_the_callers_own_record(client, world):
    lesson = world.objects["lessons"][0]
    client.force_login(world.people["learner"])
    client.post(reverse("reflection_save", args=[lesson.pk, "reflect-1"]), {"text": "Минийх"})
    assert list(Reflection.objects.values_list("learner__email", flat=True)) == ["learner@scope.mn"]

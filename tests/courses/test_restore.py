"""A database restored from a backup is what the site shows, even though the shared cache still
holds the page tree of the database it replaced: no lesson the database does not hold, no title it
does not have, and progress counted against the lessons it has."""

import os
import shutil
import subprocess

import pytest
from django.db import connection

from courses import page_cache
from courses.models import LessonPage, PageTreeVersion
from courses.services import enrolment_create, lesson_complete
from tests.factories import UserFactory, build_course, lesson_body, lessons_of


def _course_page(client, course) -> tuple[list[str], int]:
    response = client.get(course.url)
    assert response.status_code == 200
    titles = [row.lesson.title for module in response.context["modules"] for row in module.lessons]
    return titles, response.context["percent"]


def _learner_who_finished(course):
    learner = UserFactory()
    enrolment_create(learner=learner, course=course)
    for lesson in lessons_of(course):
        lesson_complete(learner=learner, lesson=lesson)
    return learner


def _processes_restart(monkeypatch) -> None:
    """What stopping the web and worker processes for a restore, and starting them again, does to
    the page cache: each new process has not yet compared the cache with the database."""
    monkeypatch.setattr(page_cache, "_database_checked", False)


@pytest.mark.django_db
@pytest.mark.parametrize("restored_version", ["version-of-the-backup", None])
def test_a_restored_database_is_not_served_the_page_tree_the_cache_holds_for_another(
    client, monkeypatch, restored_version
):
    course = build_course(translate=False)
    client.force_login(_learner_who_finished(course))
    assert _course_page(client, course) == (["Хичээл 1.1", "Хичээл 1.2", "Хичээл 2.1", "Хичээл 2.2"], 100)

    # The cache now holds this outline. Put the database back to another state the way a restore
    # does, without a signal: a lesson the cached outline does not know, and another title.
    first = lessons_of(course)[0]
    LessonPage.objects.filter(pk=first.pk).update(title="Хуучин нэр")
    module = first.get_parent()
    module.add_child(instance=LessonPage(title="Хичээл 1.3", slug="lesson-3", body=lesson_body(3)))
    PageTreeVersion.objects.filter(pk=1).delete()
    if restored_version:
        PageTreeVersion.objects.create(pk=1, value=restored_version)
    _processes_restart(monkeypatch)

    titles, percent = _course_page(client, course)
    assert titles == ["Хуучин нэр", "Хичээл 1.2", "Хичээл 1.3", "Хичээл 2.1", "Хичээл 2.2"]
    assert percent == 80


@pytest.mark.django_db
def test_a_process_that_finds_the_cache_made_for_its_database_keeps_it(client, monkeypatch, django_assert_num_queries):
    """Checking costs one query per process, not per request, and throws nothing away needlessly."""
    course = build_course(translate=False)
    client.force_login(_learner_who_finished(course))
    _course_page(client, course)
    version = page_cache._bump_stored()  # as after a publish commits
    _processes_restart(monkeypatch)
    assert page_cache.tree_version() == version
    with django_assert_num_queries(0):
        assert page_cache.tree_version() == version


def _postgres_tools() -> dict:
    if connection.vendor != "postgresql":
        pytest.skip("the backup drill needs PostgreSQL: set DATABASE_URL")
    if not (shutil.which("pg_dump") and shutil.which("pg_restore")):
        pytest.fail("pg_dump and pg_restore must be installed where the suite runs on PostgreSQL")
    settings = connection.settings_dict
    environment = dict(os.environ)
    for variable, key in (("PGHOST", "HOST"), ("PGPORT", "PORT"), ("PGUSER", "USER"), ("PGPASSWORD", "PASSWORD")):
        if settings.get(key):
            environment[variable] = str(settings[key])
    return {"env": environment, "name": settings["NAME"]}


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_backup_drill_on_postgresql_shows_the_backups_state(client, monkeypatch, tmp_path):
    tools = _postgres_tools()
    course = build_course(translate=False)
    client.force_login(_learner_who_finished(course))
    assert _course_page(client, course) == (["Хичээл 1.1", "Хичээл 1.2", "Хичээл 2.1", "Хичээл 2.2"], 100)

    backup = tmp_path / "cascade.dump"
    # The commands of docs/deploy.md ("Backups"), run as the database's own user.
    subprocess.run(["pg_dump", "--format=custom", f"--file={backup}", tools["name"]], env=tools["env"], check=True)

    # After the backup an editor retitles a lesson and adds one; the cache learns both.
    first = LessonPage.objects.get(pk=lessons_of(course)[0].pk)
    first.title = "Шинэ нэр"
    first.save_revision().publish()
    module = first.get_parent()
    added = module.add_child(instance=LessonPage(title="Хичээл 1.3", slug="lesson-3", body=lesson_body(3)))
    added.save_revision().publish()
    assert _course_page(client, course) == (
        ["Шинэ нэр", "Хичээл 1.2", "Хичээл 1.3", "Хичээл 2.1", "Хичээл 2.2"],
        80,
    )

    connection.close()  # the web processes are stopped for a restore
    restore = ["pg_restore", "--clean", "--if-exists", "--no-owner", "--single-transaction"]
    result = subprocess.run(
        [*restore, f"--dbname={tools['name']}", str(backup)], env=tools["env"], capture_output=True, text=True
    )
    assert result.returncode == 0 and not result.stderr, result.stderr[:2000]
    _processes_restart(monkeypatch)

    titles, percent = _course_page(client, course)
    assert titles == ["Хичээл 1.1", "Хичээл 1.2", "Хичээл 2.1", "Хичээл 2.2"]
    assert percent == 100
    assert client.get(added.url).status_code == 404

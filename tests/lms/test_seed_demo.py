"""The demo: every role, realistic people, both languages, and safe to run twice."""

import io

import pytest
from django.core.management import CommandError, call_command

from accounts import roles
from accounts.models import Organisation, User
from lms.demo.content import DEMO_PASSWORD
from lms.models import HomePage

pytestmark = pytest.mark.django_db

DEMO_ACCOUNTS = {
    "admin@demo.mn": roles.ADMIN,
    "editor@demo.mn": roles.EDITOR,
    "coordinator@demo.mn": roles.COORDINATOR,
    "master@demo.mn": roles.MASTER_TRAINER,
    "trainer@demo.mn": roles.TRAINER,
    "trainer2@demo.mn": roles.TRAINER,
    "learner@demo.mn": roles.LEARNER,
    "learner2@demo.mn": roles.LEARNER,
}


def test_seed_demo_is_refused_when_debug_is_off(settings):
    # First in this module: the other tests share a demo built once (``seeded_demo``).
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG"):
        call_command("seed_demo")
    assert not User.objects.filter(email="admin@demo.mn").exists()


def test_seed_demo_creates_an_account_for_every_role(demo):
    for email, role in DEMO_ACCOUNTS.items():
        user = User.objects.get(email=email)
        assert roles.has_role(user, role), email
        assert user.check_password(DEMO_PASSWORD)
        assert user.first_name and user.latin_first_name


def test_seed_demo_builds_the_organisation_tree(demo):
    unit = Organisation.objects.get(code="police-bayanzurkh")
    assert unit.get_parent().code == "police"
    assert Organisation.objects.filter(kind="ngo").exists()
    assert Organisation.objects.get(code="fcyda").name_en == "Family, Child and Youth Development Agency"


def test_seed_demo_writes_the_home_page_in_both_languages(demo, client):
    assert "Суралцагчдад" in client.get("/mn/").content.decode()
    assert "For learners" in client.get("/en/").content.decode()
    assert HomePage.objects.get(locale__language_code="mn").translation_key == (
        HomePage.objects.get(locale__language_code="en").translation_key
    )


def test_seed_demo_twice_changes_nothing(demo, settings):
    counts = (
        User.objects.count(),
        Organisation.objects.count(),
        HomePage.objects.get(locale__language_code="mn").revisions.count(),
    )
    call_command("seed_demo", stdout=io.StringIO())
    assert counts == (
        User.objects.count(),
        Organisation.objects.count(),
        HomePage.objects.get(locale__language_code="mn").revisions.count(),
    )


def test_the_demos_knowledge_checks_do_not_repeat_the_verdict_the_page_already_gives(demo):
    """The page says "Зөв." / "Correct." itself; feedback that starts with it reads "Зөв. Зөв. …"."""
    from courses.models import LessonPage

    verdicts = ("Зөв.", "Буруу.", "Correct.", "Not quite.", "Incorrect.")
    feedback = [
        choice["feedback"]
        for lesson in LessonPage.objects.all()
        for block in lesson.body
        if block.block_type == "knowledge_check"
        for choice in block.value["choices"]
    ]
    assert len(feedback) >= 20
    assert [text for text in feedback if text.strip().startswith(verdicts)] == []


def test_seed_demo_national_fills_the_reports_with_the_demo_courses_once(demo, settings):
    from cohorts.models import Cohort
    from courses.models import CoursePage
    from lms.demo import national

    settings.DEBUG = True
    out = io.StringIO()
    call_command("seed_demo", national=True, learners=40, stdout=out)
    assert "Made in" in out.getvalue()
    assert national.load_people().count() > 40  # the trainees, their trainers and master trainers
    demo_courses = set(CoursePage.objects.values_list("translation_key", flat=True))
    assert set(Cohort.objects.values_list("course_key", flat=True)) <= demo_courses
    # Again: the national data are left as they are.
    people = national.load_people().count()
    out = io.StringIO()
    call_command("seed_demo", national=True, learners=40, stdout=out)
    assert "already there" in out.getvalue()
    assert national.load_people().count() == people

"""The question import page in the Wagtail admin: editors only; a bad file imports nothing."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from assessments.models import Question
from tests.factories import UserFactory, with_totp

pytestmark = pytest.mark.django_db

GOOD = "::Нээлттэй асуулт:: Аль нь нээлттэй асуулт вэ? {=Юу болсныг ярина уу? ~Тэр чамайг цохисон уу?}\n"
BAD = GOOD + "\n::Эвдэрсэн:: Хаалт хаагдаагүй {=тийм ~үгүй\n"


def upload(client, text, **fields):
    data = {"file": SimpleUploadedFile("bank.gift", text.encode()), "file_format": "gift", "language": "mn"}
    return client.post(reverse("assessments_import"), {**data, **fields})


@pytest.fixture
def editor(client):
    person = with_totp(UserFactory(roles=["editor"]))
    client.force_login(person)
    return person


def test_an_editor_imports_a_gift_file(client, editor):
    response = upload(client, GOOD)
    assert response.status_code == 200
    assert Question.objects.filter(name="Нээлттэй асуулт").count() == 1
    assert upload(client, GOOD).status_code == 200  # the same file again
    assert Question.objects.count() == 1


def test_a_file_with_a_bad_question_imports_nothing_and_says_where(client, editor):
    page = upload(client, BAD).content.decode()
    assert not Question.objects.exists()
    assert ">3<" in page  # the line of the broken question


def test_a_dry_run_writes_nothing(client, editor):
    upload(client, GOOD, dry_run="on")
    assert not Question.objects.exists()


@pytest.mark.parametrize("role", ["learner", "trainer", "coordinator"])
def test_other_roles_cannot_import(client, role):
    client.force_login(with_totp(UserFactory(roles=[role])) if role == "coordinator" else UserFactory(roles=[role]))
    response = upload(client, GOOD)
    assert response.status_code in (302, 403)
    assert not Question.objects.exists()

"""Personal API tokens follow the same rules as signing in: a token is no way around the second
factor, and it stops working when its owner's account is deactivated."""

import pytest
from allauth.mfa.models import Authenticator
from wagtail.models import APIToken

from tests.factories import UserFactory, make_user

pytestmark = pytest.mark.django_db


def call_me(client, secret):
    return client.get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {secret}")


@pytest.mark.parametrize("role", ["coordinator", "editor", "admin"])
def test_a_token_of_staff_without_a_second_factor_is_refused(client, role):
    person = UserFactory(roles=[role])
    _token, secret = APIToken.create_token(user=person, name="laptop")
    response = call_me(client, secret)
    assert response.status_code == 401
    assert response.json()["detail"] == "Эхлээд хоёр шатлалт баталгаажуулалтаа тохируулна уу."
    assert "email" not in response.json()


def test_a_token_of_staff_who_removed_their_authenticator_stops_working(client):
    admin = make_user("admin")
    _token, secret = APIToken.create_token(user=admin, name="laptop")
    assert call_me(client, secret).status_code == 200
    Authenticator.objects.filter(user=admin).delete()
    assert call_me(client, secret).status_code == 401


def test_a_token_of_staff_with_a_second_factor_works(client):
    coordinator = make_user("coordinator")
    _token, secret = APIToken.create_token(user=coordinator, name="laptop")
    response = call_me(client, secret)
    assert response.status_code == 200
    assert response.json()["email"] == coordinator.email


def test_a_learners_token_needs_no_second_factor(client, learner):
    _token, secret = APIToken.create_token(user=learner, name="phone")
    assert call_me(client, secret).json()["email"] == learner.email


def test_a_token_of_a_deactivated_account_is_refused(client, learner):
    _token, secret = APIToken.create_token(user=learner, name="phone")
    learner.is_active = False
    learner.save()
    response = call_me(client, secret)
    assert response.status_code == 401
    assert "detail" in response.json()
    assert "email" not in response.json()


def test_a_token_of_staff_without_a_second_factor_cannot_write_either(client):
    editor = UserFactory(roles=["editor"])
    _token, secret = APIToken.create_token(user=editor, name="laptop")
    response = client.post("/api/v1/lessons/1/complete", HTTP_AUTHORIZATION=f"Bearer {secret}")
    assert response.status_code == 401

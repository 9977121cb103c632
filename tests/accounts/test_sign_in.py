"""Signing in with allauth: e-mail in any case, rate limits, audit, two-factor for some roles."""

import pytest
from django.urls import reverse

from accounts.models import AuditEvent
from tests.factories import UserFactory, make_user

pytestmark = pytest.mark.django_db

PASSWORD = "correct-horse-battery"


@pytest.fixture
def person(db):
    return UserFactory(email="learner@demo.mn")


def sign_in(client, login, password=PASSWORD):
    return client.post(reverse("account_login"), {"login": login, "password": password})


def test_sign_in_ignores_the_case_of_the_email_address(client, person):
    response = sign_in(client, "LEARNER@DEMO.MN")
    assert response.status_code == 302
    assert client.get(reverse("profile")).context["user"] == person


def test_a_wrong_password_is_refused_with_a_clear_message(client, person):
    response = sign_in(client, "learner@demo.mn", "wrong-password-123")
    assert response.status_code == 200
    assert response.context["form"].errors
    assert "_auth_user_id" not in client.session


def test_repeated_failures_are_rate_limited(client, person):
    for attempt in range(5):
        response = sign_in(client, "learner@demo.mn", f"wrong-password-{attempt}")
        assert "too_many_login_attempts" not in _error_codes(response)
    response = sign_in(client, "learner@demo.mn", "wrong-password-6")
    assert "too_many_login_attempts" in _error_codes(response)
    # Even the right password is held back while the limit lasts.
    response = sign_in(client, "learner@demo.mn")
    assert "too_many_login_attempts" in _error_codes(response)
    assert "_auth_user_id" not in client.session


def _error_codes(response) -> set[str]:
    form = response.context["form"]
    return {error.code for error in form.errors.as_data().get("__all__", [])}


def test_sign_in_and_failures_are_audited_with_the_address(client, person):
    sign_in(client, "learner@demo.mn", "wrong-password-123")
    sign_in(client, "learner@demo.mn")
    failed = AuditEvent.objects.get(action=AuditEvent.Action.LOGIN_FAILED)
    assert failed.actor_email == "learner@demo.mn"
    assert failed.ip_address == "127.0.0.1"
    login = AuditEvent.objects.get(action=AuditEvent.Action.LOGIN)
    assert login.actor == person


def test_a_failed_sign_in_for_an_unknown_address_is_audited_too(client, db):
    sign_in(client, "nobody@demo.mn", "whatever-123456")
    assert AuditEvent.objects.filter(action=AuditEvent.Action.LOGIN_FAILED, actor_email="nobody@demo.mn").exists()


def test_a_deactivated_account_cannot_sign_in(client, person):
    person.is_active = False
    person.save()
    sign_in(client, "learner@demo.mn")
    assert "_auth_user_id" not in client.session


def test_self_signup_is_closed_by_default(client, db):
    response = client.post(
        reverse("account_signup"),
        {"email": "new@demo.mn", "password1": "a-long-password-1", "password2": "a-long-password-1"},
    )
    assert response.status_code == 200
    assert "account/signup_closed" in response.templates[0].name
    from accounts.models import User

    assert not User.objects.filter(email="new@demo.mn").exists()


def test_self_signup_can_be_opened_by_the_operator(client, db, settings):
    settings.CASCADE_SELF_SIGNUP = True
    response = client.get(reverse("account_signup"))
    assert response.status_code == 200
    assert "account/signup.html" in [t.name for t in response.templates]


@pytest.mark.parametrize("role", ["coordinator", "editor", "admin"])
def test_roles_that_need_two_factor_are_sent_to_set_it_up(client, role):
    UserFactory(roles=[role], email=f"{role}@demo.mn")
    assert sign_in(client, f"{role}@demo.mn").status_code == 302
    response = client.get("/mn/")
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")
    # allauth asks for the password once more, then shows the code to scan.
    confirm = client.get(response["Location"], follow=True)
    assert confirm.status_code == 200
    assert confirm.redirect_chain[-1][0].startswith(reverse("account_reauthenticate"))
    setup = client.post(confirm.redirect_chain[-1][0], {"password": PASSWORD}, follow=True)
    assert setup.status_code == 200
    assert setup.redirect_chain[-1][0] == reverse("mfa_activate_totp")
    assert "data:image/svg+xml" in setup.content.decode()  # the QR code to scan


@pytest.mark.parametrize("role", ["coordinator", "editor", "admin"])
def test_the_api_refuses_roles_without_two_factor(client, role):
    client.force_login(UserFactory(roles=[role]))
    assert client.get("/api/v1/me").status_code == 403


@pytest.mark.parametrize("role", ["coordinator", "editor", "admin"])
def test_with_two_factor_set_up_they_get_in(client, role):
    client.force_login(make_user(role))
    assert client.get("/mn/").status_code == 200


@pytest.mark.parametrize("role", ["learner", "trainer", "master_trainer"])
def test_other_roles_may_use_two_factor_but_need_not(client, role):
    client.force_login(make_user(role))
    assert client.get("/mn/").status_code == 200
    assert client.get(reverse("mfa_index")).status_code == 200


def test_the_wagtail_admin_signs_in_through_allauth(client):
    response = client.get("/admin/login/?next=/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert "next=/admin/" in response["Location"]
    assert client.get("/admin/")["Location"].startswith(reverse("account_login"))

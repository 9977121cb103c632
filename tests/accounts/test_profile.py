"""A person edits their own profile; bad input gets a clear message and changes nothing."""

import pytest
from django.urls import reverse

from tests.factories import UserFactory, region

pytestmark = pytest.mark.django_db


@pytest.fixture
def person(client):
    user = UserFactory(first_name="Төмөрбаатар", last_name="Сүхээ", latin_first_name="", latin_last_name="")
    client.force_login(user)
    return user


def _form(**overrides):
    data = {
        "last_name": "Сүхээ",
        "first_name": "Төмөрбаатар",
        "latin_last_name": "Sukhee",
        "latin_first_name": "Tumurbaatar",
        "position": "Ахлах дэслэгч",
        "region": region("ub-bayanzurkh").pk,
        "gender": "male",
        "preferred_language": "mn",
    }
    data.update(overrides)
    return data


def test_the_latin_name_is_suggested_as_a_passport_writes_it(client, person):
    form = client.get(reverse("profile")).context["form"]
    assert form["latin_first_name"].value() == "Tumurbaatar"
    assert form["latin_last_name"].value() == "Sukhee"


@pytest.mark.parametrize(
    ("language", "convention"),
    [("en", "General Authority for State Registration"), ("mn", "Улсын бүртгэлийн ерөнхий газрын")],
)
def test_the_profile_says_which_convention_the_suggestion_follows(client, person, language, convention):
    person.preferred_language = language
    person.save()
    assert convention in client.get(reverse("profile")).content.decode()


def test_the_suggestion_can_be_corrected_to_match_the_passport(client, person):
    # An older passport of his wrote ө as "o".
    response = client.post(reverse("profile"), _form(latin_first_name="Tomorbaatar"))
    assert response.status_code == 302
    person.refresh_from_db()
    assert (person.latin_first_name, person.latin_last_name) == ("Tomorbaatar", "Sukhee")
    assert client.get(reverse("profile")).context["form"]["latin_first_name"].value() == "Tomorbaatar"
    assert person.region.code == "ub-bayanzurkh"


def test_a_latin_letter_in_the_cyrillic_name_is_refused_and_nothing_changes(client, person):
    response = client.post(reverse("profile"), _form(first_name="Тӧмөрбaатар", position="Changed"))
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "first_name" in errors
    person.refresh_from_db()
    assert person.first_name == "Төмөрбаатар"
    assert person.position != "Changed"


def test_the_error_is_tied_to_its_field_for_screen_readers(client, person):
    page = client.post(reverse("profile"), _form(latin_last_name="Сүхээ")).content.decode()
    assert 'aria-describedby="id_latin_last_name_errors"' in page or "id_latin_last_name_errors" in page
    assert 'id="id_latin_last_name_errors"' in page
    assert 'aria-invalid="true"' in page


def test_the_error_message_is_in_mongolian_on_a_mongolian_page(client, person):
    response = client.post(reverse("profile"), _form(first_name="Batbold"))
    assert "Кирилл" in str(response.context["form"].errors["first_name"])


def test_an_unknown_region_is_refused(client, person):
    response = client.post(reverse("profile"), _form(region=999999))
    assert "region" in response.context["form"].errors


def test_the_organisation_cannot_be_changed_from_the_profile(client, person):
    original = person.organisation
    other = UserFactory().organisation
    client.post(reverse("profile"), _form(organisation=other.pk))
    person.refresh_from_db()
    assert person.organisation == original

"""Searching every listing of the Wagtail admin answers with a page, never a server error: a
listing whose search names a field its backend cannot search fails only when someone types a
query into a listing that has rows, so every registered snippet listing is searched with rows in it."""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from wagtail.admin.views.generic.base import BaseListingView
from wagtail.models import Locale
from wagtail.snippets.models import get_snippet_models

from assessments.formats import base as formats
from courses.models import SupportContact
from tests.factories import UserFactory, build_course, make_rule, question, with_totp

pytestmark = pytest.mark.django_db


def snippet_listings() -> list[str]:
    return sorted(model.snippet_viewset.get_url_name("list") for model in get_snippet_models())


def admin_listings(patterns=None, prefix="/") -> list[str]:
    """Every listing of the admin that takes no argument: Wagtail's own, wagtail-localize's and
    the project's, found in the URL conf rather than named here."""
    found = []
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            found += admin_listings(pattern.url_patterns, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern) and "<" not in str(pattern.pattern):
            view = getattr(pattern.callback, "view_class", None)
            if view is not None and issubclass(view, BaseListingView) and prefix.startswith("/admin/"):
                found.append(prefix + str(pattern.pattern))
    return sorted(found)


@pytest.fixture
def admin_client(client):
    client.force_login(with_totp(UserFactory(roles=["admin"])))
    return client


@pytest.fixture
def one_of_each():
    """At least one row in every listing: an empty listing never runs the search that fails."""
    question(formats.ESSAY, "Ярилцлагын өрөөг тайлбарлана уу.", name="Ярилцлагын өрөө")  # and its category
    make_rule(build_course(modules=1, lessons=1, slug="rule-course"))  # and its certificate template
    SupportContact.objects.create(locale=Locale.objects.get(language_code="mn"), name="Ярилцлагын зөвлөх", phone="108")
    empty = [model.__name__ for model in get_snippet_models() if not model.objects.exists()]
    assert not empty, f"give these snippets a row here, so that their listing is searched: {empty}"


def test_the_walk_covers_the_question_bank_and_the_certificates():
    names = snippet_listings()
    for expected in ("assessments_question", "assessments_questioncategory", "certificates_certificatetemplate",
                     "certificates_certificationrule"):  # fmt: skip
        assert f"wagtailsnippets_{expected}:list" in names


@pytest.mark.parametrize("url_name", snippet_listings())
@pytest.mark.parametrize("query", ["Ярилцлагын", "name", "a b"])
def test_searching_any_admin_snippet_listing_answers_200_not_a_server_error(admin_client, one_of_each, url_name, query):
    assert admin_client.get(reverse(url_name), {"q": query}).status_code == 200
    # The results fragment the listing fetches while the editor types.
    results = url_name.removesuffix(":list") + ":list_results"
    assert admin_client.get(reverse(results), {"q": query}).status_code == 200


def test_the_walk_finds_the_admin_listings_beyond_snippets():
    listings = admin_listings()
    assert {"/admin/users/", "/admin/groups/", "/admin/snippets/assessments/question/"} <= set(listings)


@pytest.mark.parametrize("url", admin_listings())
def test_searching_any_admin_listing_never_answers_a_server_error(admin_client, one_of_each, url):
    response = admin_client.get(url, {"q": "Ярилцлагын a"})
    assert response.status_code < 500


def test_searching_the_question_bank_finds_a_question_by_part_of_its_name_or_text(admin_client, one_of_each):
    url = reverse("wagtailsnippets_assessments_question:list")
    assert "Ярилцлагын өрөө" in admin_client.get(url, {"q": "Ярилцлагын"}).content.decode()
    assert "Ярилцлагын өрөө" in admin_client.get(url, {"q": "тайлбар"}).content.decode()  # a stem of a word
    assert "Ярилцлагын өрөө" not in admin_client.get(url, {"q": "гэрчилгээ"}).content.decode()

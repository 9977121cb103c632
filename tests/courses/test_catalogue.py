"""The catalogue: filters by audience, topic and language; search in both languages."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Locale, PageViewRestriction

from courses.models import Audience, CourseIndexPage, Topic
from tests.factories import build_course

pytestmark = pytest.mark.django_db


@pytest.fixture
def courses():
    police = build_course(slug="police", modules=1, lessons=1, summary="Хүүхэдтэй ярилцлага хийх")
    police.audiences.set([Audience.objects.get(code="police")])
    police.topics.set([Topic.objects.get(code="interviewing")])
    police.save_revision().publish()
    border = build_course(slug="border", modules=1, lessons=1, translate=False, summary="Хилийн боомт")
    border.audiences.set([Audience.objects.get(code="border")])
    border.save_revision().publish()
    return {"police": police, "border": border}


def catalogue(client, in_language="mn", **params):
    page = CourseIndexPage.objects.get(locale=Locale.objects.get(language_code=in_language))
    return client.get(page.url, params)


def titles(response):
    return sorted(entry.page.title for entry in response.context["entries"])


def test_the_catalogue_lists_every_course(client, courses):
    assert titles(catalogue(client)) == ["Сургалт border", "Сургалт police"]


def test_the_english_catalogue_shows_an_untranslated_course_in_mongolian(client, courses):
    assert titles(catalogue(client, "en")) == ["Course police", "Сургалт border"]


def test_filter_by_audience(client, courses):
    assert titles(catalogue(client, audience="border")) == ["Сургалт border"]


def test_filter_by_topic(client, courses):
    assert titles(catalogue(client, topic="interviewing")) == ["Сургалт police"]


def test_filter_by_complete_language(client, courses):
    assert titles(catalogue(client, language="en")) == ["Сургалт police"]


def test_the_catalogue_says_which_languages_a_course_is_complete_in(client, courses):
    entries = {entry.page.slug: entry.languages for entry in catalogue(client).context["entries"]}
    assert entries == {"police": ["mn", "en"], "border": ["mn"]}


def test_search_finds_a_course_by_its_english_title_from_the_mongolian_catalogue(client, courses):
    assert titles(catalogue(client, q="Course police")) == ["Сургалт police"]


def test_an_unknown_filter_value_shows_nothing_and_no_error(client, courses):
    response = catalogue(client, audience="astronauts")
    assert response.status_code == 200
    assert titles(response) == []


@pytest.mark.parametrize("kind", ["password", "groups"])
def test_a_restricted_course_is_not_listed_with_its_title_or_summary(client, courses, kind):
    """The catalogue shows nothing of a course its own page would refuse: not even its title."""
    for page in (courses["police"], *courses["police"].get_translations()):
        if kind == "password":
            PageViewRestriction.objects.create(page=page, restriction_type=kind, password="нууц")
        else:
            restriction = PageViewRestriction.objects.create(page=page, restriction_type=kind)
            restriction.groups.set([Group.objects.get_or_create(name="Хаалттай бүлэг")[0]])
    response = catalogue(client)
    assert titles(response) == ["Сургалт border"]
    assert "Сургалт police" not in response.content.decode()
    assert titles(catalogue(client, q="police")) == []

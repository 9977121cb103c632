"""The catalogue's search finds the demo's courses by inflected Mongolian words, in either language."""

import pytest
from wagtail.models import Locale

from courses.models import CourseIndexPage

pytestmark = pytest.mark.django_db

BORDER = "trafficking-at-the-border"
TRAUMA = "trauma-informed-interviewing"


def found(client, query: str, language: str = "mn") -> set[str]:
    index = CourseIndexPage.objects.get(locale=Locale.objects.get(language_code=language))
    response = client.get(index.url, {"q": query})
    assert response.status_code == 200
    return {entry.page.slug for entry in response.context["entries"]}


@pytest.mark.parametrize(
    "query, expected",
    [
        ("худалдаа", {BORDER}),
        ("хилийн боомт", {BORDER}),
        ("гэмт хэрэг", {BORDER, TRAUMA}),
        ("хүүхэд худалдаалах", {BORDER}),
    ],
)
def test_inflected_mongolian_words_find_the_course(demo, client, query, expected):
    assert expected <= found(client, query)


def test_a_word_of_trauma_finds_the_trauma_courses_and_not_the_border_course(demo, client):
    courses = found(client, "гэмтлийн")
    assert TRAUMA in courses and BORDER not in courses


def test_an_english_search_from_the_mongolian_catalogue_finds_the_course(demo, client):
    assert BORDER in found(client, "trafficking border", "mn")
    assert found(client, "trafficking border", "en") == {BORDER}


def test_a_search_for_nothing_the_demo_holds_finds_nothing(demo, client):
    assert found(client, "астронавт") == set()

"""The cohort dashboard shows its trainees a page at a time, and its search, filter and sort
survive moving between pages."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from cohorts.models import CohortMembership
from cohorts.selectors import progress_matrix
from cohorts.services import memberships_add_many
from cohorts.views import cohorts as cohort_views
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PAGE_SIZE = 3


@pytest.fixture(autouse=True)
def small_pages(monkeypatch):
    monkeypatch.setattr(cohort_views, "DASHBOARD_PAGE_SIZE", PAGE_SIZE)


def _add(cohort, organisation, names: list[str]) -> list:
    people = [
        UserFactory(organisation=organisation, last_name=name, email=f"{name.lower()}@example.mn") for name in names
    ]
    memberships_add_many(cohort=cohort, learners=people, source=CohortMembership.Source.IMPORT)
    return people


def _trainees_on(page: str, people) -> list[str]:
    """The trainees whose rows the page shows, by last name, in the page's order."""
    by_pk = {str(p.pk): p.last_name for p in people}
    return [by_pk[pk] for pk in re.findall(r'<th scope="row"><a href="[^"]*/(\d+)/">', page)]


def _names(n: int, prefix: str = "Trainee") -> list[str]:
    return [f"{prefix}{i:02d}" for i in range(n)]


def test_page_two_shows_the_next_trainees(client, trainer, cohort, organisation):
    people = _add(cohort, organisation, _names(7))
    client.force_login(trainer)
    url = reverse("cohort_dashboard", args=[cohort.pk])
    first = client.get(url).content.decode()
    second = client.get(url, {"page": 2}).content.decode()
    assert _trainees_on(first, people) == ["Trainee00", "Trainee01", "Trainee02"]
    assert _trainees_on(second, people) == ["Trainee03", "Trainee04", "Trainee05"]


def test_the_page_says_which_trainees_of_how_many_it_shows(client, trainer, cohort, organisation):
    _add(cohort, organisation, _names(7))
    client.force_login(trainer)
    with translation.override("en"):
        url = reverse("cohort_dashboard", args=[cohort.pk])
    assert "Trainees 4–6 of 7" in client.get(url, {"page": 2}).content.decode()
    assert "Trainees 7–7 of 7" in client.get(url, {"page": 3}).content.decode()


def test_search_and_page_keep_each_other(client, trainer, cohort, organisation):
    people = _add(cohort, organisation, _names(5, "Alpha") + _names(5, "Beta"))
    client.force_login(trainer)
    url = reverse("cohort_dashboard", args=[cohort.pk])
    first = client.get(url, {"q": "beta", "sort": "-progress"}).content.decode()
    # Nobody has progress: most progress first falls back to the names, the other way round.
    assert _trainees_on(first, people) == ["Beta04", "Beta03", "Beta02"]
    # The link to the next page keeps the search and the sort.
    [next_link] = re.findall(r'<a href="(\?[^"]*page=2[^"]*)"', first)
    next_link = next_link.replace("&amp;", "&")
    assert "q=beta" in next_link and "sort=-progress" in next_link
    second = client.get(url + next_link).content.decode()
    assert _trainees_on(second, people) == ["Beta01", "Beta00"]
    # The filter form starts again from the first page: it does not carry the page number.
    assert 'name="page"' not in second


@pytest.mark.parametrize("number", ["0", "-1", "abc", "2.5", "99999999999999999999", ""])
def test_a_page_number_that_is_not_one_never_fails(client, trainer, cohort, organisation, number):
    people = _add(cohort, organisation, _names(7))
    client.force_login(trainer)
    response = client.get(reverse("cohort_dashboard", args=[cohort.pk]), {"page": number})
    assert response.status_code == 200
    shown = _trainees_on(response.content.decode(), people)
    # Not a number: the first page; a number past the end (or below 1): the last page.
    assert shown in (["Trainee00", "Trainee01", "Trainee02"], ["Trainee06"])


@pytest.mark.parametrize("page", ["1", "2"])
def test_a_page_costs_the_same_queries_whatever_the_cohort_size(
    client, trainer, cohort, organisation, page, django_assert_max_num_queries
):
    client.force_login(trainer)
    url = reverse("cohort_dashboard", args=[cohort.pk])
    _add(cohort, organisation, _names(7, "Small"))
    client.get(url, {"page": page})  # warm the course outline cache
    with django_assert_max_num_queries(16) as small:
        client.get(url, {"page": page})
    _add(cohort, organisation, _names(40, "Large"))
    with django_assert_max_num_queries(16) as large:
        client.get(url, {"page": page})
    assert len(small.captured_queries) == len(large.captured_queries)


def test_pages_follow_the_mongolian_alphabet_across_pages(client, trainer, cohort, organisation):
    # Ө after О and Ү after У: in code point order both would come after Я, on the last page.
    families = ["Үнэнбат", "Хулан", "Өлзийбаяр", "Пүрэв", "Ухнаа", "Оюун", "Энхтуяа"]
    people = [
        UserFactory(organisation=organisation, last_name=family, email=f"mn{i}@example.mn")
        for i, family in enumerate(families)
    ]
    memberships_add_many(cohort=cohort, learners=people, source=CohortMembership.Source.IMPORT)
    client.force_login(trainer)
    url = reverse("cohort_dashboard", args=[cohort.pk])
    pages = [client.get(url, {"page": n}).content.decode() for n in (1, 2, 3)]
    assert [_trainees_on(page, people) for page in pages] == [
        ["Оюун", "Өлзийбаяр", "Пүрэв"],
        ["Ухнаа", "Үнэнбат", "Хулан"],
        ["Энхтуяа"],
    ]


def test_the_matrix_headings_use_the_first_letters_of_the_readers_language(cohort):
    for language, module in (("mn", "М1"), ("en", "M1")):  # Cyrillic М for модуль
        with translation.override(language):
            columns = progress_matrix(cohort, language=language).columns
        assert columns[0].short == module

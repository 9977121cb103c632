"""The site menu: each role sees the places it may use, in the language of the page, with the page
being read marked for screen readers. (The links are worked out once per language and role mix.)"""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from accounts import roles
from lms.context_processors import catalogue_url
from tests.factories import make_user

pytestmark = pytest.mark.django_db

EVERYONE = ["my_learning", "my_certificates", "profile"]
# In the header's order: the row (daily work), then "More" (a role's occasional tools), then
# "Account" (the person's own pages).
MENUS = {
    roles.LEARNER: EVERYONE,
    roles.TRAINER: [
        "my_learning",
        "cohort_index",
        "marking_queue",
        "certificate_list",
        "reports",
        "my_certificates",
        "profile",
    ],
    roles.MASTER_TRAINER: [
        "my_learning",
        "cohort_index",
        "cascade",
        "marking_queue",
        "certificate_list",
        "reports",
        "my_certificates",
        "profile",
    ],
    roles.COORDINATOR: [
        "my_learning",
        "cohort_index",
        "authorisations",
        "certificate_list",
        "reports",
        "people",
        "my_certificates",
        "profile",
    ],
    roles.EDITOR: ["my_learning", "wagtailadmin_home", "my_certificates", "profile"],
    roles.ADMIN: [
        "my_learning",
        "cohort_index",
        "marking_queue",
        "authorisations",
        "certificate_list",
        "reports",
        "people",
        "audit_log",
        "wagtailadmin_home",
        "my_certificates",
        "profile",
    ],
}


def menu(html: str) -> list[tuple[str, str, bool]]:
    """(address, label, marked current) of each menu link, in order, without the catalogue link."""
    nav = re.search(r'<nav class="site-nav".*?</nav>', html, re.S).group(0)
    links = re.findall(r'<li><a href="([^"]+)"( aria-current="page")?>([^<]+)</a></li>', nav)
    catalogue = {catalogue_url("mn"), catalogue_url("en")} - {""}
    return [(href, label.strip(), bool(current)) for href, current, label in links if href not in catalogue]


def urls(names: list[str], language: str = "mn") -> list[str]:
    with translation.override(language):
        return [reverse(name) for name in names]


@pytest.mark.parametrize("role", MENUS)
def test_each_role_sees_the_menu_it_may_use(client, role):
    client.force_login(make_user(role))
    page = client.get(reverse("profile")).content.decode()
    assert [href for href, _label, _current in menu(page)] == urls(MENUS[role])


def test_the_menu_speaks_the_language_of_the_page(client, learner):
    client.force_login(learner)
    with translation.override("mn"):
        mongolian = menu(client.get(reverse("my_learning")).content.decode())
    with translation.override("en"):
        english = menu(client.get(reverse("my_learning")).content.decode())
    assert [label for _href, label, _current in english] == ["My learning", "My certificates", "My profile"]
    with translation.override("mn"):
        assert [label for _href, label, _current in mongolian] == [
            translation.gettext("My learning"),
            translation.gettext("My certificates"),
            translation.gettext("My profile"),
        ]
    assert mongolian[0][1] != "My learning"
    assert [href for href, _label, _current in english] == urls(EVERYONE, "en")


def test_the_page_being_read_is_marked_current(client, learner):
    client.force_login(learner)
    with translation.override("mn"):
        links = menu(client.get(reverse("my_certificates")).content.decode())
    assert [current for _href, _label, current in links] == [False, True, False]


def test_a_role_given_later_shows_on_the_next_page(client, learner):
    client.force_login(learner)
    assert urls(["cohort_index"])[0] not in [href for href, *_ in menu(client.get(reverse("profile")).content.decode())]
    from django.contrib.auth.models import Group

    learner.groups.add(Group.objects.get(name=roles.TRAINER))
    assert urls(["cohort_index"])[0] in [href for href, *_ in menu(client.get(reverse("profile")).content.decode())]


@pytest.mark.parametrize("path", ["/mn/", "/en/", "/accounts/login/", "/accounts/password/reset/"])
def test_anyone_can_find_the_certificate_check_from_a_public_page(client, path):
    """An employer handed a certificate finds where to check it from the pages anyone reaches."""
    response = client.get(path, follow=True)
    assert response.status_code == 200
    assert f'href="{reverse("certificate_verify")}"' in response.content.decode()


def test_the_home_page_points_visitors_to_the_certificate_check(client):
    body = client.get("/mn/").content.decode()
    assert "Гэрчилгээ шалгах" in body and "Cascade-ийн гэрчилгээ эзэмшдэг" in body

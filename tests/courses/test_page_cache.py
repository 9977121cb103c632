"""What the course and lesson pages cache (outline, rendered body, routing shortcut) never shows
stale content: an editor's publish, unpublish or move is visible on the next request."""

import pytest
from wagtail.models import Page

from tests.factories import lesson_body, lessons_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def reader(client, learner):
    client.force_login(learner)
    return client


def lesson_titles(response) -> list[str]:
    return [row.lesson.title for module in response.context["modules"] for row in module.lessons]


def test_a_renamed_lesson_shows_on_the_course_page_as_soon_as_it_is_published(reader, course, mn_lessons):
    assert "Хичээл 1.1" in lesson_titles(reader.get(course.url))  # the outline is now cached
    lesson = mn_lessons[0]
    lesson.title = "Хүүхдийн сэтгэл зүйн гэмтэл"
    lesson.save_revision().publish()
    assert lesson_titles(reader.get(course.url))[0] == "Хүүхдийн сэтгэл зүйн гэмтэл"


def test_an_unpublished_lesson_leaves_the_course_and_its_address(reader, course, mn_lessons):
    url = mn_lessons[1].url
    assert reader.get(url).status_code == 200
    mn_lessons[1].unpublish()
    assert "Хичээл 1.2" not in lesson_titles(reader.get(course.url))
    assert reader.get(url).status_code == 404


def test_a_republished_lesson_body_is_read_at_once(reader, mn_lessons):
    lesson = mn_lessons[0]
    assert "Хичээлийн агуулга 1." in reader.get(lesson.url).content.decode()  # the body is now cached
    body = lesson_body(1)
    body[0]["value"] = "<p>Шинэчилсэн агуулга.</p>"
    lesson.body = body
    lesson.save_revision().publish()
    page = reader.get(lesson.url).content.decode()
    assert "Шинэчилсэн агуулга." in page
    assert "Хичээлийн агуулга 1." not in page


def test_a_moved_lesson_is_found_at_its_new_address(reader, course, mn_lessons):
    lesson, other_module = mn_lessons[0], mn_lessons[2].get_parent()
    old_url = lesson.url
    assert reader.get(old_url).status_code == 200
    lesson.slug = "moved-lesson"  # the other module has a "lesson-1" of its own
    lesson.save_revision().publish()
    lesson.move(other_module, pos="last-child")
    lesson.refresh_from_db()
    assert reader.get(old_url).status_code == 404
    assert reader.get(lesson.url).status_code == 200
    modules = reader.get(course.url).context["modules"]
    assert [row.lesson.title for row in modules[1].lessons][-1] == "Хичээл 1.1"


def test_each_language_routes_to_its_own_page(reader, course):
    english = lessons_of(course, "en")[2]
    response = reader.get(english.url)
    assert response.status_code == 200
    assert response.context["page"].pk == english.pk
    assert english.url.startswith("/en/")


@pytest.mark.parametrize(
    "suffix", ["module-1/no-such-lesson/", "no-such-module/lesson-1/", "module-1/lesson-1/extra/", "module-9/"]
)
def test_an_address_that_matches_no_page_is_not_found(reader, course, suffix):
    assert reader.get(f"{course.url}{suffix}").status_code == 404


def test_other_pages_under_the_home_page_are_still_routed(client, course):
    """The shortcut only knows the course tree; another page under the home page goes Wagtail's way."""
    home = course.get_parent().get_parent()
    about = home.add_child(instance=Page(title="Бидний тухай", slug="about"))
    about.save_revision().publish()
    assert client.get(about.url).status_code == 200


def _set_privacy(editor_client, page, **form) -> None:
    from django.urls import reverse

    response = editor_client.post(reverse("wagtailadmin_pages:set_privacy", args=[page.pk]), form)
    assert response.status_code == 200 and b'"step": "set_privacy_done"' in response.content, response.content[:500]


@pytest.fixture
def editor_client(db):
    from django.test import Client

    from tests.factories import UserFactory, with_totp

    client = Client()
    client.force_login(with_totp(UserFactory(roles=["editor"])))
    return client


def test_a_course_an_editor_makes_private_asks_for_its_password_at_once(reader, editor_client, course, mn_lessons):
    """Which pages are private is cached with the tree; setting or lifting it in the admin is seen
    on the next request, on the course's own page and on every lesson below it."""
    lesson = mn_lessons[0]
    assert "Хичээлийн агуулга 1." in reader.get(lesson.url).content.decode()  # privacy now cached

    _set_privacy(editor_client, course, restriction_type="password", password="сургалт-2026")
    for url in (course.url, lesson.url):
        page = reader.get(url).content.decode()
        assert 'name="password"' in page
        assert "Хичээлийн агуулга 1." not in page

    _set_privacy(editor_client, course, restriction_type="none")
    assert "Хичээлийн агуулга 1." in reader.get(lesson.url).content.decode()


def test_the_admin_shows_the_privacy_a_lesson_inherits_from_its_course(editor_client, course, mn_lessons):
    from django.urls import reverse

    _set_privacy(editor_client, course, restriction_type="password", password="сургалт-2026")
    response = editor_client.get(reverse("wagtailadmin_pages:set_privacy", args=[mn_lessons[0].pk]))
    # The admin speaks the editor's language (Mongolian here): the notice in either language.
    html = response.json()["html"]
    assert "Privacy is inherited from the ancestor page" in html or "Нууцлалыг дээд хуудаснаас өвлөсөн" in html


# --- The upper tree: sites, home pages, courses ----------------------------------------------------


def test_a_renamed_course_shows_on_its_lessons_as_soon_as_it_is_published(reader, course, mn_lessons):
    """Which course a lesson belongs to is kept until the upper tree changes: publishing the
    course is such a change."""
    lesson = mn_lessons[0]
    assert course.title in reader.get(lesson.url).content.decode()
    course.title = "Хүүхэдтэй ярилцах арга"
    course.save_revision().publish()
    assert "Хүүхэдтэй ярилцах арга" in reader.get(lesson.url).content.decode()


def test_the_home_page_is_served_as_last_published(client, course):
    home = course.get_parent().get_parent().specific
    assert client.get("/mn/").status_code == 200  # the home page is now cached
    home.introduction = "Шинэ танилцуулга"
    home.save_revision().publish()
    assert "Шинэ танилцуулга" in client.get("/mn/").content.decode()


def test_a_site_that_no_longer_answers_the_host_is_seen_at_once(client, course):
    from wagtail.models import Site

    assert client.get(course.url).status_code == 200  # the sites are now cached
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.is_default_site = "elsewhere.example", False
    site.save()
    assert client.get(course.url).status_code == 404


def test_publishing_a_lesson_keeps_the_upper_tree_cached(reader, mn_lessons, django_assert_max_num_queries):
    """The first request after a lesson is published works out only what the lesson changes: the
    site, the home page, the catalogue, the course and whom to call are still cached."""
    lesson = mn_lessons[1]
    assert reader.get(lesson.url).status_code == 200
    lesson.save_revision().publish()
    # The session and user, the route, the enrolment, the outline with its stand-ins, the progress.
    with django_assert_max_num_queries(6):
        assert reader.get(lesson.url).status_code == 200


@pytest.mark.parametrize(
    ("sites", "host", "port"),
    [
        ([("localhost", 80, True)], "testserver", 80),
        ([("localhost", 80, True)], "localhost", 8000),
        ([("localhost", 80, True), ("other.example", 80, False)], "other.example", 80),
        ([("localhost", 80, True), ("other.example", 80, False)], "other.example", 8080),
        ([("localhost", 80, True), ("other.example", 80, False), ("other.example", 8080, False)], "other.example", 443),
        (
            [("localhost", 80, True), ("other.example", 80, False), ("other.example", 8080, False)],
            "other.example",
            8080,
        ),
        ([("other.example", 80, False), ("other.example", 8080, False)], "other.example", 443),
        ([("other.example", 80, False)], "unknown.example", 80),
    ],
)
def test_the_cached_sites_answer_a_host_as_wagtail_does(course, sites, host, port):
    from wagtail.models import Site
    from wagtail.models.sites import get_site_for_hostname

    from courses.routing import match_site

    root = course.get_parent().get_parent()
    Site.objects.all().delete()
    for hostname, site_port, default in sites:
        Site.objects.create(hostname=hostname, port=site_port, is_default_site=default, root_page=root)
    try:
        expected = get_site_for_hostname(host, port)
    except Site.DoesNotExist:
        expected = None
    found = match_site(list(Site.objects.select_related("root_page")), host, port)
    assert (found and found.pk) == (expected and expected.pk)


# The API names pages by id and reads them from the same cache (``visible_page_or_404``): what an
# editor does is seen there on the next request too.


def test_the_api_refuses_a_lesson_as_soon_as_it_is_unpublished(reader, mn_lessons):
    lesson = mn_lessons[1]
    assert reader.post(f"/api/v1/lessons/{lesson.pk}/complete").status_code == 200  # the page now cached
    lesson.unpublish()
    assert reader.post(f"/api/v1/lessons/{lesson.pk}/complete").status_code == 404


def test_the_course_api_answers_with_a_title_as_soon_as_it_is_published(reader, course, en_lessons):
    english = course.get_translation(en_lessons[0].locale)
    url = f"/api/v1/courses/{course.pk}"
    assert reader.get(url, HTTP_ACCEPT_LANGUAGE="en").json()["title"] == english.title  # now cached
    english.title = "Child-friendly interviewing, revised"
    english.save_revision().publish()
    assert reader.get(url, HTTP_ACCEPT_LANGUAGE="en").json()["title"] == "Child-friendly interviewing, revised"


def test_the_api_hides_a_course_an_editor_makes_private_at_once(reader, editor_client, course):
    url = f"/api/v1/courses/{course.pk}"
    assert reader.get(url).status_code == 200  # the page and "no page is private" now cached
    _set_privacy(editor_client, course, restriction_type="password", password="сургалт-2026")
    assert reader.get(url).status_code == 404

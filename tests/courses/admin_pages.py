"""An editor adding a lesson through the Wagtail admin, as the tests of the editor's traps do."""

from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from tests.factories import UserFactory, with_totp


def sign_in_as_editor(client):
    client.force_login(with_totp(UserFactory(roles=["editor"])))


def add_lesson_in_the_admin(client, module, title, *, slug):
    """Post the admin's "Add lesson" form under ``module`` and publish; returns the response."""
    fields = {
        "title": title,
        "slug": slug,
        "estimated_minutes": "15",
        "required": "on",
        "body": streamfield([("paragraph", rich_text("<p>Шинэ хичээл.</p>"))]),
    }
    url = reverse("wagtailadmin_pages:add", args=["courses", "lessonpage", module.pk])
    response = client.post(url, {**nested_form_data(fields), "action-publish": "publish"})
    assert response.status_code == 302, response.context["form"].errors
    return response


def submit_for_translation(client, page, locale, capture_on_commit):
    """The editor's "Translate" on ``page``, then "Submit" for ``locale`` (wagtail-localize, which
    publishes the copy once the request's transaction commits)."""
    url = reverse("wagtail_localize:submit_page_translation", args=[page.pk])
    with capture_on_commit(execute=True):
        response = client.post(url, {"locales": [locale.pk]})
    assert response.status_code == 302, response.content.decode()[:2000]

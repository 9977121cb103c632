"""Keeping a module for offline: its uploaded videos and recordings are listed with their sizes, so
the learner sees what they weigh before anything is downloaded; linked videos are never listed."""

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction

from courses import page_cache
from tests.factories import lessons_of

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)


def _document(title, name, size, collection=None):
    fields = {"collection": collection} if collection else {}
    return get_document_model().objects.create(
        title=title, file=ContentFile(b"\0" * size, name=name), file_size=size, **fields
    )


def _video(doc=None, link="", block_id="v"):
    return {
        "type": "video",
        "value": {"video": doc.pk if doc else None, "link": link, "title": "Ярилцлага", "transcript": "Сайн уу."},
        "id": block_id,
    }


def _publish(lesson, body):
    lesson.body = body
    lesson.save_revision().publish()
    page_cache.tree_changed()


def _first_module(course):
    return course.get_children().live().first()


def _kept(client, course, language="mn"):
    response = client.get(f"/api/v1/modules/{_first_module(course).pk}/offline?lang={language}")
    assert response.status_code == 200
    return response.json()


def test_the_keep_list_gives_the_modules_uploaded_videos_and_recordings_with_their_sizes(client, learner, course):
    first, second, third = lessons_of(course)[:3]
    video = _document("Ярилцлага", "interview.mp4", 3000)
    audio = _document("Тайлбар", "talk.mp3", 1000)
    other_module = _document("Өөр", "other.webm", 5000)
    _publish(
        first,
        [
            _video(video, block_id="v1"),
            _video(link="https://video.example.org/watch/1", block_id="v2"),  # another site's: never kept
            {
                "type": "content_note",
                "value": {
                    "note": "Хэцүү хэсэг.",
                    "content": [
                        {"type": "audio", "value": {"audio": audio.pk, "title": "Т", "transcript": "…"}, "id": "a"}
                    ],
                },
                "id": "n1",
            },
        ],
    )
    _publish(second, [_video(video, block_id="v3")])  # the same file twice: kept once
    _publish(third, [_video(other_module, block_id="v4")])  # in the second module

    client.force_login(learner)
    kept = _kept(client, course)
    assert kept["media"] == [
        {"url": video.url, "bytes": 3000, "content_type": "video/mp4", "title": "Ярилцлага"},
        {"url": audio.url, "bytes": 1000, "content_type": "audio/mpeg", "title": "Тайлбар"},
    ]
    assert kept["media_bytes"] == 4000
    # The pages to keep with the module are the same as before: no video among them.
    assert not any("/documents/" in page for page in kept["pages"])
    # The same in English: the files are shared by both languages' lessons.
    assert [item["url"] for item in _kept(client, course, "en")["media"]] in ([], [video.url, audio.url])


def test_a_module_without_uploaded_videos_lists_none(client, learner, course):
    _publish(lessons_of(course)[0], [_video(link="https://video.example.org/watch/1")])
    client.force_login(learner)
    kept = _kept(client, course)
    assert kept["media"] == [] and kept["media_bytes"] == 0


def test_a_video_the_learner_may_not_be_served_is_not_listed(client, learner, course):
    root = Collection.get_first_root_node()
    staff_only = root.add_child(name="Зөвхөн ажилтнууд")
    restriction = CollectionViewRestriction.objects.create(
        collection=staff_only, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.create(name="Видео засварлагчид"))
    hidden = _document("Нууц", "hidden.mp4", 2000, collection=staff_only)
    shown = _document("Нээлттэй", "open.mp4", 1500)
    _publish(lessons_of(course)[0], [_video(hidden, block_id="v1"), _video(shown, block_id="v2")])
    client.force_login(learner)
    assert [item["url"] for item in _kept(client, course)["media"]] == [shown.url]
    # And the server would refuse it indeed: listing it would only make keeping fail.
    assert client.get(hidden.url).status_code != 200


def test_the_lesson_says_offline_what_a_video_needs(client, learner, course):
    """The notices the page's script shows offline are in the page, translated, hidden until then."""
    lesson = lessons_of(course)[0]
    _publish(
        lesson,
        [
            _video(_document("Ярилцлага", "v.mp4", 100), block_id="v1"),
            _video(link="https://x.example/1", block_id="v2"),
        ],
    )
    client.force_login(learner)
    html = client.get(lesson.url).content.decode()
    uploaded = html.split('id="block-v1"')[1].split("</figure>")[0]
    linked = html.split('id="block-v2"')[1].split("</figure>")[0]
    assert "data-offline-media" in uploaded and "hidden" in uploaded
    assert "Энэ видеог офлайн үзэхээр хадгалаагүй" in uploaded
    assert "data-offline-link" in linked
    assert "холболт хэрэгтэй" in linked


def test_listing_the_videos_costs_the_same_queries_however_many_there_are(client, learner, course):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    first, second = lessons_of(course)[:2]
    _publish(first, [_video(_document("Нэг", "one.mp4", 10), block_id="v1")])
    client.force_login(learner)
    _kept(client, course)  # warm: the outline is cached with the tree
    with CaptureQueriesContext(connection) as one:
        assert len(_kept(client, course)["media"]) == 1
    _publish(first, [_video(_document(f"В{n}", f"v{n}.mp4", 10), block_id=f"a{n}") for n in range(3)])
    _publish(second, [_video(_document(f"Г{n}", f"w{n}.webm", 10), block_id=f"b{n}") for n in range(3)])
    _kept(client, course)
    with CaptureQueriesContext(connection) as six:
        assert len(_kept(client, course)["media"]) == 6
    assert len(six) == len(one)

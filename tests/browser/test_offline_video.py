"""A learner on a weak connection keeps a module for offline: its videos are not downloaded with it;
the keep control offers them with their size, and only when asked are they kept. Offline, a kept
video is answered part by part as a player asks (206); one not kept, or linked from another site,
gives way to a notice, and the transcript stays readable. Kept quiz attempts count in the space
used and can be removed like modules."""

import re
import uuid

import pytest
from playwright.sync_api import expect

from .pages import signed_in_with_worker
from .test_accessibility import assert_accessible
from .test_every_page import PHONE, overflow
from .test_offline_quiz import set_online, timed_quiz, wait_until  # noqa: F401 (a fixture)
from .test_quiz import PASSWORD

pytestmark = pytest.mark.browser

# Not a playable film: what is checked is what the worker answers, byte for byte.
VIDEO_BYTES = bytes(range(256)) * 800  # 200 KB
AUDIO_BYTES = b"\x7f" * (100 * 1024)  # 100 KB
KEEP = "Офлайн үзэхээр хадгалах"
KEPT = "Энэ төхөөрөмжид хадгалсан"
KEPT_SIZE = re.compile(r"Энэ төхөөрөмжид хадгалсан: (\d+(?:\.\d)?) (КБ|МБ)")
HAS = "(url) => caches.match(url).then(Boolean)"
PART = """async ([url, range]) => {
  const response = await fetch(url, range ? { headers: { Range: range } } : {});
  const body = new Uint8Array(await response.arrayBuffer());
  return {
    status: response.status,
    range: response.headers.get("Content-Range"),
    type: response.headers.get("Content-Type"),
    length: body.length,
    head: Array.from(body.slice(0, 10)),
  };
}"""


def megabytes(bytes_: int) -> str:
    """As the page's script writes a size of 100 KB and more: one decimal, no trailing zero."""
    return f"{round(bytes_ / (1024 * 1024), 1):g} МБ"


def as_bytes(match) -> float:
    number, unit = float(match.group(1)), match.group(2)
    return number * (1024 * 1024 if unit == "МБ" else 1024)


@pytest.fixture
def video_course(demo, django_db_blocker, settings, tmp_path):
    """A one-module course whose first lesson plays an uploaded video and links another site's,
    and whose second plays an uploaded recording; a learner enrolled in it."""
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    from courses import page_cache
    from courses.services import enrolment_create
    from tests.factories import UserFactory, build_course, lessons_of

    settings.MEDIA_ROOT = str(tmp_path)
    with django_db_blocker.unblock():
        suffix = uuid.uuid4().hex[:8]
        course = build_course(slug=f"video-course-{suffix}", modules=1, lessons=2, translate=False)
        first, second = lessons_of(course)
        documents = get_document_model().objects
        video = documents.create(
            title="Ярилцлагын эхлэл", file=ContentFile(VIDEO_BYTES, name="interview.webm"), file_size=len(VIDEO_BYTES)
        )
        audio = documents.create(
            title="Сургагч багшийн тайлбар", file=ContentFile(AUDIO_BYTES, name="talk.mp3"), file_size=len(AUDIO_BYTES)
        )
        first.body = [
            {"type": "paragraph", "value": "<p>Ярилцлагыг хэрхэн эхлэх вэ.</p>", "id": "p1"},
            {
                "type": "video",
                "value": {"video": video.pk, "link": "", "title": "Ярилцлагын эхлэл", "transcript": "Сайн байна уу."},
                "id": "uploaded",
            },
            {
                "type": "video",
                "value": {
                    "video": None,
                    "link": "https://video.example.org/watch/1",
                    "title": "Өөр сайтын видео",
                    "transcript": "Өөр сайтын видеоны ярианы бичвэр.",
                },
                "id": "linked",
            },
        ]
        first.save_revision().publish()
        second.body = [
            {"type": "audio", "value": {"audio": audio.pk, "title": "Тайлбар", "transcript": "…"}, "id": "recording"},
        ]
        second.save_revision().publish()
        page_cache.tree_changed()
        learner = UserFactory()
        enrolment_create(learner=learner, course=course)
        return learner, course, first, video.url, audio.url


def keep_first_module(page, base: str, learner, course):
    """On a phone, signed in, the course's first module kept (its lessons, not yet its videos):
    its keep control."""
    page.set_viewport_size(PHONE)
    signed_in_with_worker(page, base, learner.email, PASSWORD, base + course.url)
    control = page.locator("li.module").first.locator(".offline-keep")
    control.get_by_role("button", name=KEEP).click()
    return control


def test_videos_are_kept_only_when_asked_with_their_size_first_and_play_offline_in_parts(
    page, site_server, video_course
):
    learner, course, lesson, video_url, audio_url = video_course
    base = site_server.url

    # Kept: the lessons, not the videos. The offer names what the videos weigh, before any download.
    control = keep_first_module(page, base, learner, course)
    expect(control.locator("[data-state]")).to_contain_text(KEPT, timeout=20_000)
    offer = control.locator("[data-keep-media]")
    expect(offer).to_be_visible()
    expect(offer).to_have_text(f"Видеог мөн хадгалах ({megabytes(len(VIDEO_BYTES) + len(AUDIO_BYTES))})")
    assert not page.evaluate(HAS, video_url) and not page.evaluate(HAS, audio_url)
    before = as_bytes(KEPT_SIZE.search(control.locator("[data-state]").inner_text()))
    assert overflow(page) is None, overflow(page)
    assert_accessible(page)

    # Offline before the videos are kept: the lesson says so in place of the player; the linked
    # video needs a connection; both transcripts stay.
    set_online(page, False)
    page.goto(base + lesson.url)
    uploaded = page.locator("#block-uploaded")
    expect(uploaded.locator("[data-offline-missing]")).to_have_text(
        "Энэ видеог офлайн үзэхээр хадгалаагүй байна. Ярианы бичвэр нь доор байна."
    )
    expect(uploaded.locator("video")).to_be_hidden()
    linked = page.locator("#block-linked")
    expect(linked.locator("[data-offline-missing]")).to_have_text(
        "Энэ видеог үзэхэд холболт хэрэгтэй. Ярианы бичвэр нь доор байна."
    )
    expect(linked.get_by_role("link")).to_be_hidden()
    expect(uploaded.locator("details.transcript summary")).to_be_visible()
    expect(linked.locator("details.transcript summary")).to_be_visible()
    assert overflow(page) is None, overflow(page)
    assert_accessible(page)

    # Online, the player is back; asked for, the videos are kept and counted in the size.
    set_online(page, True)
    expect(uploaded.locator("video")).to_be_visible()
    expect(uploaded.locator("[data-offline-missing]")).to_be_hidden()
    page.goto(base + course.url)
    control = page.locator("li.module").first.locator(".offline-keep")
    offer = control.locator("[data-keep-media]")
    offer.click()
    expect(offer).to_be_hidden(timeout=20_000)
    expect(control.locator("[data-state]")).to_contain_text(KEPT)
    assert page.evaluate(HAS, video_url) and page.evaluate(HAS, audio_url)
    after = as_bytes(KEPT_SIZE.search(control.locator("[data-state]").inner_text()))
    assert after - before == pytest.approx(len(VIDEO_BYTES) + len(AUDIO_BYTES), abs=0.06 * 1024 * 1024)

    # Kept again (a lesson changed): the videos already kept stay, and are not offered again.
    control.get_by_role("button", name=KEEP).click()
    expect(control.locator("[data-state]")).to_contain_text(KEPT, timeout=20_000)
    expect(offer).to_be_hidden()
    assert page.evaluate(HAS, video_url)

    # Offline: the kept video is answered as a player asks, part by part, with its type.
    set_online(page, False)
    page.goto(base + lesson.url)
    expect(uploaded.locator("video")).to_be_visible()
    expect(uploaded.locator("[data-offline-missing]")).to_be_hidden()
    first_bytes = page.evaluate(PART, [video_url, "bytes=0-9"])
    assert first_bytes == {
        "status": 206,
        "range": f"bytes 0-9/{len(VIDEO_BYTES)}",
        "type": "video/webm",
        "length": 10,
        "head": list(range(10)),
    }
    from_middle = page.evaluate(PART, [video_url, "bytes=300-"])
    assert (from_middle["status"], from_middle["range"], from_middle["length"], from_middle["head"][0]) == (
        206,
        f"bytes 300-{len(VIDEO_BYTES) - 1}/{len(VIDEO_BYTES)}",
        len(VIDEO_BYTES) - 300,
        300 % 256,
    )
    whole = page.evaluate(PART, [video_url, None])
    assert (whole["status"], whole["length"], whole["type"]) == (200, len(VIDEO_BYTES), "video/webm")
    outside = page.evaluate(PART, [video_url, f"bytes={len(VIDEO_BYTES)}-"])
    assert (outside["status"], outside["range"]) == (416, f"bytes */{len(VIDEO_BYTES)}")

    # "Modules kept for offline", offline: the size with the videos; removing takes them too.
    page.goto(base + "/mn/learning/offline/")
    row = page.locator(".offline-module")
    expect(row).to_have_count(1)
    listed = as_bytes(KEPT_SIZE.search(row.inner_text()))
    assert listed == pytest.approx(after, abs=0.06 * 1024 * 1024)
    expect(row.locator("[data-keep-media]")).to_be_hidden()
    assert overflow(page) is None, overflow(page)
    assert_accessible(page)
    row.get_by_role("button", name="Энэ төхөөрөмжөөс устгах").click()
    expect(row).to_have_count(0)
    assert not page.evaluate(HAS, video_url) and not page.evaluate(HAS, audio_url)
    set_online(page, True)


@pytest.mark.parametrize("language", ["mn", "en"])
def test_the_kept_list_offers_a_modules_videos_and_keeps_them_there(page, site_server, video_course, language):
    learner, course, _lesson, video_url, _audio_url = video_course
    base = site_server.url
    control = keep_first_module(page, base, learner, course)
    expect(control.locator("[data-keep-media]")).to_be_visible(timeout=20_000)

    page.goto(f"{base}/{language}/learning/offline/")
    row = page.locator(".offline-module")
    offer = row.locator("[data-keep-media]")
    weight = megabytes(len(VIDEO_BYTES) + len(AUDIO_BYTES))
    if language == "mn":
        expect(offer).to_have_text(f"Видеог мөн хадгалах ({weight})")
    else:
        expect(offer).to_have_text(f"Also keep the videos ({weight.replace('МБ', 'MB')})")
    assert not page.evaluate(HAS, video_url)
    assert overflow(page) is None, overflow(page)
    assert_accessible(page)
    offer.click()
    expect(page.locator(".offline-module [data-keep-media]")).to_be_hidden(timeout=20_000)
    assert page.evaluate(HAS, video_url)
    if language == "mn":
        listed = as_bytes(KEPT_SIZE.search(page.locator(".offline-module").inner_text()))
        assert listed >= len(VIDEO_BYTES) + len(AUDIO_BYTES) - 0.05 * 1024 * 1024
        expect(page.locator("[data-total-line]")).to_contain_text("Энэ төхөөрөмжид эзэлж буй зай")
    else:
        expect(page.locator("[data-total-line]")).to_contain_text("Space used on this device")


def test_a_kept_quiz_attempt_counts_in_the_space_used_and_can_be_removed(
    page,
    site_server,
    timed_quiz,  # noqa: F811 (the fixture imported above)
):
    learner, quiz = timed_quiz
    base = site_server.url
    page.set_viewport_size(PHONE)
    signed_in_with_worker(page, base, learner.email, PASSWORD, base + quiz.url)
    page.get_by_role("button", name="Сорил эхлэх").click()
    attempt_id = page.locator("form.attempt-form").get_attribute("data-attempt-id")
    cache = f"cascade-u{learner.pk}-a{attempt_id}"
    wait_until(page, f"() => caches.open('{cache}').then((c) => c.match('/offline-attempt-record.json')).then(Boolean)")

    # No module kept: the space used is the attempt's, and the attempt says what it takes.
    page.goto(base + "/mn/learning/offline/")
    kept = page.locator(f".offline-attempt[data-attempt-id='{attempt_id}']")
    expect(kept).to_contain_text(re.compile(r"Энэ төхөөрөмжид хадгалсан: \d+(\.\d)? (КБ|МБ)\."))
    expect(page.locator("[data-total-line]")).to_contain_text(
        re.compile(r"Энэ төхөөрөмжид эзэлж буй зай: \d+(\.\d)? (КБ|МБ)\.")
    )
    assert overflow(page) is None, overflow(page)
    assert_accessible(page)

    kept.get_by_role("button", name="Энэ төхөөрөмжөөс устгах").click()
    expect(kept).to_have_count(0)
    expect(page.locator("#offline-attempts")).to_be_hidden()
    expect(page.locator("[data-total-line]")).to_have_text("")
    assert not page.evaluate(f"() => caches.has('{cache}')")

"""What follows when a learner completes a course, or passes its post-test after completing it: one
service call, nothing chained after it. Certificates are the highest app that reacts to a completion,
so they own the one service that does, in order, what cohorts and certificates each make of it."""

from assessments.signals import post_test_passed
from courses.signals import course_completed


def on_course_completed(sender, learner_id, course_key, **kwargs) -> None:
    from django.contrib.auth import get_user_model

    from .services import course_completion_record

    course_completion_record(learner=get_user_model().objects.get(pk=learner_id), course_key=course_key)


def on_post_test_passed(sender, learner_id, course_key, **kwargs) -> None:
    """A rule that asks for the post-test may be met only now; the cohorts were through already."""
    from django.contrib.auth import get_user_model
    from django.db import transaction

    from .services import certificate_issue_if_due

    learner = get_user_model().objects.get(pk=learner_id)
    with transaction.atomic():
        certificate_issue_if_due(learner=learner, course_key=course_key)


def connect() -> None:
    course_completed.connect(on_course_completed, dispatch_uid="certificates.on_course_completed")
    post_test_passed.connect(on_post_test_passed, dispatch_uid="certificates.on_post_test_passed")

"""What certificates do when a learner completes a course, or passes its post-test after completing
it: one service call, nothing chained after it."""

from assessments.signals import post_test_passed
from courses.signals import course_completed


def on_course_completed(sender, learner_id, course_key, **kwargs) -> None:
    from django.contrib.auth import get_user_model
    from django.db import transaction

    from .services import certificate_issue_if_due

    learner = get_user_model().objects.get(pk=learner_id)
    with transaction.atomic():
        certificate_issue_if_due(learner=learner, course_key=course_key)


def connect() -> None:
    course_completed.connect(on_course_completed, dispatch_uid="certificates.on_course_completed")
    # The same check: a rule that asks for the post-test may be met only now.
    post_test_passed.connect(on_course_completed, dispatch_uid="certificates.on_post_test_passed")

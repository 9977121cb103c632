"""What the assessments app announces to the apps above it (architecture §2: one signal, sent after commit).

``post_test_passed(sender, learner_id, course_key)``: a learner has just passed a course's
post-test. A certification rule may ask for it, and the course may have been completed before it
(an optional post-test). Sent after the transaction that recorded the pass commits.
"""

from django.dispatch import Signal

post_test_passed = Signal()

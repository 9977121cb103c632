"""What the courses app announces to the apps above it (architecture §2: one signal, sent after commit).

``course_completed(sender, learner_id, course_key)``: a learner has just completed a course.
Sent once per enrolment, after the transaction that recorded it commits.
"""

from django.dispatch import Signal

course_completed = Signal()

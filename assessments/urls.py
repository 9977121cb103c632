from django.urls import path

from . import practical_views, views

# Mounted under the language prefix (/mn/, /en/), before Wagtail's pages.
urlpatterns = [
    path("learning/quizzes/<int:page_id>/start/", views.start, name="quiz_start"),
    path("learning/attempts/<int:attempt_id>/", views.attempt_page, name="attempt"),
    path("learning/attempts/<int:attempt_id>/submit/", views.submit, name="attempt_submit"),
]

urlpatterns += [
    path("marking/", views.marking_queue, name="marking_queue"),
    path("marking/answers/<int:answer_id>/", views.mark_answer, name="mark_answer"),
]

urlpatterns += [
    path("practical/<int:page_id>/learners/<int:learner_id>/", practical_views.observe, name="observe"),
    path("observations/<int:observation_id>/", practical_views.observation_detail, name="observation"),
]

from django.urls import path

from . import views

# Mounted under the language prefix (/mn/, /en/), before Wagtail's pages.
urlpatterns = [
    path("learning/", views.learning_dashboard, name="my_learning"),
    path("learning/offline/", views.offline_modules, name="offline_modules"),
    path("learning/courses/<int:page_id>/enrol/", views.enrol, name="course_enrol"),
    path("learning/courses/<int:page_id>/leave/", views.withdraw, name="course_withdraw"),
    path("learning/lessons/<int:page_id>/complete/", views.complete_lesson, name="lesson_complete"),
    path("learning/lessons/<int:page_id>/reflections/<str:block_id>/", views.save_reflection, name="reflection_save"),
]

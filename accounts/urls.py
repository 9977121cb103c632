from django.urls import path

from . import views

# Mounted under the language prefix (/mn/, /en/).
urlpatterns = [
    path("people/", views.people, name="people"),
    path("people/<int:pk>/", views.person, name="person"),
    path("audit/", views.audit_log, name="audit_log"),
]

# Mounted beside allauth, without a language prefix.
account_urlpatterns = [
    path("profile/", views.profile, name="profile"),
]

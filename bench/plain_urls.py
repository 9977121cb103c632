"""The address book of a stock Wagtail project, as ``wagtail start`` writes it (without Django's own
admin and the search page, which Cascade does not install): the bench's plain floor is served
through it, with Django's default middleware, so that it is what any Wagtail site costs."""

from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("", include(wagtail_urls)),
]

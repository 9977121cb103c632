from django.urls import path

from . import views

# Mounted under the language prefix (/mn/, /en/). Every view starts from reports.permissions.
urlpatterns = [
    path("reports/", views.report, name="reports"),
    path("reports/export.<str:file_format>", views.export, name="reports_export"),
    path("reports/summary.pdf", views.summary, name="reports_summary"),
]

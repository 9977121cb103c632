from django.urls import path

from . import views

urlpatterns = [
    path("downloads/<int:download_id>/", views.download_detail, name="prepared_download"),
    path("downloads/<int:download_id>/status/", views.download_status, name="prepared_download_status"),
    path("downloads/<int:download_id>/file", views.download_file, name="prepared_download_file"),
]

from django.urls import path

from . import bundle_views, credential_views, views

# Printed on paper and read by machines: no language prefix.
public_urlpatterns = [
    path("verify/", views.verify, name="certificate_verify"),
    path("verify/<str:code>/", views.verify_code, name="certificate_verify_code"),
    path("credentials/issuer", credential_views.issuer, name="credential_issuer"),
    path("credentials/issuer/jwks.json", credential_views.issuer_jwks, name="credential_jwks"),
    path("credentials/status/<int:number>", credential_views.status_list, name="credential_status_list"),
]

# Mounted under the language prefix (/mn/, /en/).
urlpatterns = [
    path("my/certificates/", views.my_certificates, name="my_certificates"),
    path("certificates/", views.certificate_list, name="certificate_list"),
    path("certificates/export.<str:file_format>", views.certificate_export, name="certificate_export"),
    path("certificates/<int:certificate_id>/certificate.pdf", views.download, name="certificate_download"),
    path("certificates/<int:certificate_id>/<str:action>/", views.certificate_action, name="certificate_action"),
    path("certificates/cohorts/<int:cohort_id>/zip/", bundle_views.bundle_create, name="certificate_bundle_create"),
    path("certificates/bundles/<int:bundle_id>/", bundle_views.bundle_detail, name="certificate_bundle"),
    path(
        "certificates/bundles/<int:bundle_id>/certificates.zip",
        bundle_views.bundle_download,
        name="certificate_bundle_download",
    ),
    path(
        "certificates/<int:certificate_id>/credential.jwt",
        credential_views.download_credential,
        name="certificate_credential",
    ),
]

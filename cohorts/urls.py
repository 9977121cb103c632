from django.urls import path

from .views import attendance, authorisations, cascade, cohorts, handover, importing, members, practical, reminders

# Mounted under the language prefix (/mn/, /en/). Every view starts from cohorts.permissions.
urlpatterns = [
    path("cohorts/", cohorts.cohort_index, name="cohort_index"),
    path("cohorts/new/", cohorts.cohort_create_view, name="cohort_create"),
    path("cohorts/<int:cohort_id>/", cohorts.dashboard, name="cohort_dashboard"),
    path("cohorts/<int:cohort_id>/edit/", cohorts.cohort_edit, name="cohort_edit"),
    path("cohorts/<int:cohort_id>/hand-over/", handover.hand_over, name="cohort_hand_over"),
    path("cohorts/<int:cohort_id>/join-code/", cohorts.join_code_new, name="cohort_join_code"),
    path("cohorts/<int:cohort_id>/export.<str:file_format>", cohorts.export, name="cohort_export"),
    path("cohorts/<int:cohort_id>/trainees/<int:learner_id>/", members.trainee, name="cohort_trainee"),
    path("cohorts/<int:cohort_id>/invite/", members.invite, name="cohort_invite"),
    path("cohorts/<int:cohort_id>/invitations/<int:invitation_id>/resend/", members.invitation_resend_view,
         name="cohort_invitation_resend"),
    path("cohorts/<int:cohort_id>/members/<int:membership_id>/<str:action>/", members.member_action,
         name="cohort_member_action"),
    path("cohorts/<int:cohort_id>/sessions/", attendance.sessions, name="cohort_sessions"),
    path("cohorts/<int:cohort_id>/sessions/<int:session_id>/attendance/", attendance.take, name="attendance_take"),
    path("cohorts/<int:cohort_id>/sessions/<int:session_id>/sheet.pdf", attendance.sheet, name="attendance_sheet"),
    path("cohorts/<int:cohort_id>/sessions/<int:session_id>/roster.pdf", attendance.roster, name="attendance_roster"),
    path("attendance/scan/<str:token>/", attendance.scan, name="attendance_scan"),
    path("attendance/scan-offline/", attendance.scan_offline, name="attendance_scan_offline"),
    path("cohorts/<int:cohort_id>/practical/", practical.practical, name="cohort_practical"),
    path("cohorts/<int:cohort_id>/remind/", reminders.remind, name="cohort_remind"),
    path("cohorts/<int:cohort_id>/import/", importing.upload, name="cohort_import"),
    path("cohorts/<int:cohort_id>/import/template.<str:file_format>", importing.template,
         name="cohort_import_template"),
    path("cohorts/<int:cohort_id>/import/<int:import_id>/", importing.preview, name="cohort_import_preview"),
    path("cohorts/<int:cohort_id>/import/<int:import_id>/status/", importing.status, name="cohort_import_status"),
    path("cascade/", cascade.tree, name="cascade"),
    path("authorisations/", authorisations.index, name="authorisations"),
    path("authorisations/grant/", authorisations.grant, name="authorisation_grant"),
    path("authorisations/<int:authorisation_id>/revoke/", authorisations.revoke, name="authorisation_revoke"),
    # Trainees' side: a join code, an invitation link.
    path("join/", members.join, name="cohort_join"),
    path("join/<str:code>/", members.join, name="cohort_join_link"),
    path("invitations/<str:token>/", members.accept_invitation, name="invitation_accept"),
]  # fmt: skip

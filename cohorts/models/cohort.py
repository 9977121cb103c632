"""A cohort: one trainer's group of trainees taking one course together, and how people get in."""

import secrets

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# Join codes are typed from a slide or a sheet of paper: no 0/O, 1/I/L.
JOIN_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
JOIN_CODE_LENGTH = 8


def new_join_code() -> str:
    return "".join(secrets.choice(JOIN_CODE_ALPHABET) for _ in range(JOIN_CODE_LENGTH))


def new_token() -> str:
    return secrets.token_urlsafe(32)


class Cohort(models.Model):
    class Mode(models.TextChoices):
        ONLINE = "online", _("Online")
        IN_PERSON = "in_person", _("In person")
        BLENDED = "blended", _("Blended")

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        RUNNING = "running", _("Running")
        CLOSED = "closed", _("Closed")

    name = models.CharField(_("name"), max_length=200)
    course_key = models.UUIDField(_("course"), db_index=True)
    lead_trainer = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("lead trainer"), on_delete=models.PROTECT, related_name="cohorts_led"
    )
    co_trainers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("co-trainers"), blank=True, related_name="cohorts_co_led"
    )
    organisation = models.ForeignKey(
        "accounts.Organisation", verbose_name=_("organisation"), on_delete=models.PROTECT, related_name="cohorts"
    )
    mode = models.CharField(_("mode"), max_length=16, choices=Mode.choices, default=Mode.IN_PERSON)
    starts_on = models.DateField(_("starts"))
    ends_on = models.DateField(_("ends"), null=True, blank=True)
    region = models.ForeignKey(
        "accounts.Region", verbose_name=_("region"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    location = models.CharField(_("place"), max_length=200, blank=True)
    capacity = models.PositiveIntegerField(_("places"), null=True, blank=True, help_text=_("Leave empty for no limit."))
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.PLANNED)
    join_code = models.CharField(_("join code"), max_length=16, unique=True, default=new_join_code)
    join_code_expires_at = models.DateTimeField(_("join code valid until"), null=True, blank=True)
    join_code_enabled = models.BooleanField(_("joining with the code is open"), default=True)
    requires_approval = models.BooleanField(
        _("approve join requests"), default=False, help_text=_("People who use the join code wait for your approval.")
    )
    min_attendance_percent = models.PositiveSmallIntegerField(
        _("attendance required (%)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text=_("For in-person and blended cohorts: the share of sessions a trainee must attend to complete."),
    )
    inactive_days = models.PositiveSmallIntegerField(
        _("flag trainees inactive for (days)"), default=14, validators=[MinValueValidator(1)]
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("created by"), null=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    class Meta:
        verbose_name = _("cohort")
        verbose_name_plural = _("cohorts")
        ordering = ["-starts_on", "name"]

    def __str__(self) -> str:
        return self.name

    def join_code_usable(self, now=None) -> bool:
        now = now or timezone.now()
        return (
            self.join_code_enabled
            and self.status != self.Status.CLOSED
            and (self.join_code_expires_at is None or self.join_code_expires_at > now)
        )


class CohortMembership(models.Model):
    """A trainee in a cohort. ``trained_by`` is the cohort's lead trainer when they joined: the
    cascade's record of who trained whom. Leaving a cohort keeps the record (status withdrawn)."""

    class Status(models.TextChoices):
        REQUESTED = "requested", _("Waiting for approval")
        ACTIVE = "active", _("Enrolled")
        COMPLETED = "completed", _("Completed")
        WITHDRAWN = "withdrawn", _("Left the cohort")
        DECLINED = "declined", _("Request declined")

    class Source(models.TextChoices):
        INVITATION = "invitation", _("Invitation")
        JOIN_CODE = "join_code", _("Join code")
        IMPORT = "import", _("Spreadsheet import")
        TRAINER = "trainer", _("Added by the trainer")
        MOVED = "moved", _("Moved from another cohort")

    cohort = models.ForeignKey(Cohort, verbose_name=_("cohort"), on_delete=models.PROTECT, related_name="memberships")
    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("trainee"), on_delete=models.PROTECT, related_name="cohort_memberships"
    )
    trained_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("trained by"), on_delete=models.PROTECT, related_name="+"
    )
    enrolment = models.ForeignKey(
        "courses.Enrolment",
        verbose_name=_("enrolment"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="cohort_memberships",
    )
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.ACTIVE)
    source = models.CharField(_("how they joined"), max_length=16, choices=Source.choices)
    joined_at = models.DateTimeField(_("joined"), default=timezone.now)
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)
    left_at = models.DateTimeField(_("left"), null=True, blank=True)

    class Meta:
        verbose_name = _("cohort membership")
        verbose_name_plural = _("cohort memberships")
        constraints = [models.UniqueConstraint(fields=["cohort", "learner"], name="cohorts_one_membership_per_cohort")]
        indexes = [models.Index(fields=["learner", "status"], name="cohorts_membership_by_learner")]

    def __str__(self) -> str:
        return f"{self.learner} · {self.cohort}"

    @property
    def is_current(self) -> bool:
        return self.status in (self.Status.ACTIVE, self.Status.COMPLETED)


class Invitation(models.Model):
    """An e-mailed invitation to join a cohort. Accepting it creates the account when there is none,
    or links the existing one; the token in the link is the only way in."""

    cohort = models.ForeignKey(Cohort, verbose_name=_("cohort"), on_delete=models.PROTECT, related_name="invitations")
    email = models.EmailField(_("e-mail address"))
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    language = models.CharField(_("language of the e-mail"), max_length=8, choices=settings.LANGUAGES)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("invited by"), on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("sent"), default=timezone.now)
    # Committed before the e-mail is handed to the mail server: a redelivered task sends it no second time.
    emailed_at = models.DateTimeField(_("e-mailed"), null=True, blank=True)
    expires_at = models.DateTimeField(_("valid until"))
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("accepted by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.email} · {self.cohort}"

    def usable(self, now=None) -> bool:
        return self.accepted_at is None and self.expires_at > (now or timezone.now())


class Reminder(models.Model):
    """A message a trainer sent to some of their trainees; e-mailed by a background task."""

    cohort = models.ForeignKey(Cohort, verbose_name=_("cohort"), on_delete=models.PROTECT, related_name="reminders")
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("sent by"), on_delete=models.PROTECT, related_name="+"
    )
    recipients = models.ManyToManyField(settings.AUTH_USER_MODEL, verbose_name=_("recipients"), related_name="+")
    message = models.TextField(_("message"))
    created_at = models.DateTimeField(_("written"), default=timezone.now)
    sent_at = models.DateTimeField(_("e-mailed"), null=True, blank=True)

    class Meta:
        verbose_name = _("reminder")
        verbose_name_plural = _("reminders")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.cohort} · {self.created_at:%Y-%m-%d}"

"""What earns a certificate of a course, and for how long it is valid (Snippets → Certification rules)."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel


class CertificationRule(models.Model):
    """One per course. Completing the course (its required lessons, quizzes and practical
    assessments, by the course's own rule) is always needed; the rule may ask for more."""

    course = models.OneToOneField(
        "courses.CoursePage",
        verbose_name=_("course"),
        on_delete=models.PROTECT,
        related_name="certification_rule",
        help_text=_("The course in either language: the rule holds for both."),
    )
    # The course's language-independent identity (architecture §4.1), kept from ``course``.
    course_key = models.UUIDField(_("course key"), unique=True, editable=False)
    active = models.BooleanField(_("issuing"), default=True)
    requires_post_test = models.BooleanField(
        _("post-test passed"), default=False, help_text=_("The course's post-test must be passed.")
    )
    min_attendance_percent = models.PositiveSmallIntegerField(
        _("attendance needed (%)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text=_("For blended courses: of the sessions of the learner's cohort. Empty: none."),
    )
    validity_months = models.PositiveSmallIntegerField(
        _("valid for (months)"), null=True, blank=True, help_text=_("Empty: does not expire.")
    )
    refresher_course = models.ForeignKey(
        "courses.CoursePage",
        verbose_name=_("refresher course"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Completing it renews the certificate."),
    )
    approval_required = models.BooleanField(
        _("a trainer approves first"), default=False, help_text=_("The certificate waits for a trainer's approval.")
    )
    template = models.ForeignKey(
        "certificates.CertificateTemplate", verbose_name=_("template"), on_delete=models.PROTECT
    )

    panels = [
        FieldPanel("course"),
        FieldPanel("active"),
        MultiFieldPanel(
            [FieldPanel("requires_post_test"), FieldPanel("min_attendance_percent"), FieldPanel("approval_required")],
            heading=_("Beyond completing the course"),
        ),
        MultiFieldPanel([FieldPanel("validity_months"), FieldPanel("refresher_course")], heading=_("Validity")),
        FieldPanel("template"),
    ]

    class Meta:
        verbose_name = _("certification rule")
        verbose_name_plural = _("certification rules")

    def __str__(self) -> str:
        return str(self.course)

    def save(self, *args, **kwargs):
        self.course_key = self.course.translation_key
        super().save(*args, **kwargs)

    def clean(self):
        from django.core.exceptions import ValidationError

        if self.course_id is None:
            return
        same = CertificationRule.objects.filter(course_key=self.course.translation_key).exclude(pk=self.pk)
        if same.exists():
            raise ValidationError({"course": _("This course (in one of its languages) already has a rule.")})

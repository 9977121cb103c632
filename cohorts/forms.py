"""Forms of the cohort pages. They validate input; the services decide and write."""

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model, password_validation
from django.core.validators import validate_email
from django.utils.translation import gettext_lazy as _

from accounts.models import Organisation, Region

from .models import Attendance, Cohort

MAX_INVITATIONS = 50
DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class EmailListField(forms.CharField):
    """E-mail addresses one per line (or separated by commas or spaces), deduplicated."""

    widget = forms.Textarea(attrs={"rows": 4})

    def clean(self, value):
        value = super().clean(value)
        emails = []
        for raw in value.replace(",", " ").split():
            email = raw.strip().lower()
            try:
                validate_email(email)
            except forms.ValidationError:
                raise forms.ValidationError(_("“%(value)s” is not an e-mail address.") % {"value": raw}) from None
            if email not in emails:
                emails.append(email)
        return emails


class CohortForm(forms.Form):
    course = forms.TypedChoiceField(label=_("Course"), coerce=str)
    name = forms.CharField(label=_("Name"), max_length=200)
    organisation = forms.ModelChoiceField(label=_("Organisation"), queryset=Organisation.objects.none())
    mode = forms.ChoiceField(label=_("Mode"), choices=Cohort.Mode.choices)
    starts_on = forms.DateField(label=_("Starts"), widget=DATE)
    ends_on = forms.DateField(label=_("Ends"), widget=DATE, required=False)
    region = forms.ModelChoiceField(label=_("Region"), queryset=Region.objects.all(), required=False)
    location = forms.CharField(label=_("Place"), max_length=200, required=False)
    capacity = forms.IntegerField(
        label=_("Places"), min_value=1, required=False, help_text=_("Leave empty for no limit.")
    )
    status = forms.ChoiceField(label=_("Status"), choices=Cohort.Status.choices)
    requires_approval = forms.BooleanField(label=_("Approve each join request"), required=False)
    min_attendance_percent = forms.IntegerField(
        label=_("Attendance required to complete (%)"), min_value=1, max_value=100, required=False
    )
    inactive_days = forms.IntegerField(label=_("Flag trainees inactive for (days)"), min_value=1, initial=14)
    join_code_enabled = forms.BooleanField(label=_("Joining with the code is open"), required=False, initial=True)
    join_code_expires_at = forms.DateTimeField(
        label=_("Join code valid until"), widget=DATETIME, required=False, help_text=_("Leave empty to keep it open.")
    )
    co_trainers = EmailListField(
        label=_("Co-trainers"),
        required=False,
        help_text=_("Their e-mail addresses. Each must be authorised for the course."),
    )

    def __init__(self, *args, courses, organisations, editing: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["course"].choices = [(str(c.translation_key), c.title) for c in courses]
        self.fields["organisation"].queryset = organisations
        if editing:
            del self.fields["course"]

    def clean_co_trainers(self):
        emails = self.cleaned_data["co_trainers"]
        people = list(get_user_model().objects.filter(email__in=emails, is_active=True))
        unknown = set(emails) - {person.email for person in people}
        if unknown:
            raise forms.ValidationError(
                _("No account has the address %(emails)s.") % {"emails": ", ".join(sorted(unknown))}
            )
        return people


class InviteForm(forms.Form):
    emails = EmailListField(
        label=_("E-mail addresses"),
        help_text=_("One per line, at most %(count)s at a time.") % {"count": MAX_INVITATIONS},
    )
    language = forms.ChoiceField(label=_("Language of the e-mail"), choices=settings.LANGUAGES)

    def clean_emails(self):
        emails = self.cleaned_data["emails"]
        if len(emails) > MAX_INVITATIONS:
            raise forms.ValidationError(_("Send at most %(count)s invitations at a time.") % {"count": MAX_INVITATIONS})
        return emails


class SessionForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200, required=False)
    module = forms.ChoiceField(label=_("Module"), required=False)
    starts_at = forms.DateTimeField(label=_("Starts"), widget=DATETIME)
    ends_at = forms.DateTimeField(label=_("Ends"), widget=DATETIME, required=False)
    place = forms.CharField(label=_("Place"), max_length=200, required=False)

    def __init__(self, *args, modules, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["module"].choices = [("", _("— none —")), *[(str(m.key), m.page.title) for m in modules]]


class ReminderForm(forms.Form):
    message = forms.CharField(
        label=_("Message"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Sent by e-mail to the trainees you ticked. Do not write real case details."),
    )


class JoinForm(forms.Form):
    code = forms.CharField(label=_("Join code"), max_length=32, help_text=_("The code your trainer gave you."))


class AccountForm(forms.Form):
    """The account an invitation creates: the address comes from the invitation."""

    family_name = forms.CharField(label=_("Family name (овог)"), max_length=150)
    given_name = forms.CharField(label=_("Given name"), max_length=150)
    password = forms.CharField(label=_("Password"), widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}))

    def clean_password(self):
        password = self.cleaned_data["password"]
        password_validation.validate_password(password)
        return password


class FirstPasswordForm(forms.Form):
    """The first password of an account a spreadsheet import created, set from its invitation."""

    password = forms.CharField(label=_("Password"), widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}))

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self):
        password = self.cleaned_data["password"]
        password_validation.validate_password(password, self.user)  # not like their name or address
        return password


class GrantForm(forms.Form):
    trainer = forms.EmailField(label=_("Trainer's e-mail address"))
    course = forms.TypedChoiceField(label=_("Course"), coerce=str)
    valid_until = forms.DateField(label=_("Valid until"), widget=DATE, required=False)
    reason = forms.CharField(
        label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}), help_text=_("Kept in the audit log.")
    )

    def __init__(self, *args, courses, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.people = people
        self.fields["course"].choices = [(str(c.translation_key), c.title) for c in courses]

    def clean_trainer(self):
        person = self.people.filter(email__iexact=self.cleaned_data["trainer"].strip(), is_active=True).first()
        if person is None:
            raise forms.ValidationError(_("No one in your organisation has this address."))
        return person


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}))


class HandOverForm(forms.Form):
    HAND_OVER, CLOSE = "hand_over", "close"

    action = forms.ChoiceField(
        label=_("What to do"),
        widget=forms.RadioSelect,
        choices=[
            (HAND_OVER, _("Hand the cohort to another trainer")),
            (CLOSE, _("Close the cohort")),
        ],
        initial=HAND_OVER,
    )
    trainer = forms.ModelChoiceField(
        label=_("New lead trainer"),
        queryset=get_user_model().objects.none(),
        required=False,
        help_text=_("Trainers of your organisation who are authorised to teach this course now."),
    )
    reason = forms.CharField(
        label=_("Reason"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text=_("Kept in the audit log."),
    )

    def __init__(self, *args, trainers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["trainer"].queryset = trainers
        self.fields["trainer"].label_from_instance = lambda person: f"{person.get_full_name()} ({person.email})"

    def clean(self):
        data = super().clean()
        if data.get("action") == self.HAND_OVER and not data.get("trainer"):
            self.add_error("trainer", _("Choose the trainer who will lead the cohort."))
        return data


class MoveForm(forms.Form):
    to_cohort = forms.ModelChoiceField(label=_("Move to"), queryset=Cohort.objects.none())

    def __init__(self, *args, cohorts, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_cohort"].queryset = cohorts


ATTENDANCE_CHOICES = Attendance.Status.choices

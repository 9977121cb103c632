from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .importing import GIFT, MOODLE_XML
from .models import QuestionCategory

MAX_UPLOAD_BYTES = 10 * 1024 * 1024


class QuestionImportForm(forms.Form):
    file = forms.FileField(label=_("File"), help_text=_("GIFT (.txt, .gift) or Moodle XML (.xml), at most 10 MB."))
    file_format = forms.ChoiceField(label=_("Format"), choices=[(GIFT, "GIFT"), (MOODLE_XML, "Moodle XML")])
    language = forms.ChoiceField(label=_("Language of the questions"), choices=[("mn", "Монгол"), ("en", "English")])
    category = forms.ModelChoiceField(
        label=_("Put them under"),
        queryset=QuestionCategory.objects.all(),
        required=False,
        help_text=_("Empty: the categories named in the file, at the top of the bank."),
    )
    dry_run = forms.BooleanField(label=_("Only check the file; import nothing"), required=False, initial=True)
    skip_errors = forms.BooleanField(label=_("Import the good questions even if some have problems"), required=False)

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("The file is larger than 10 MB."))
        return upload


class MarkForm(forms.Form):
    mark = forms.DecimalField(label=_("Mark"), min_value=0, decimal_places=3, max_digits=8)
    comment = forms.CharField(
        label=_("Comment for the learner"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    reason = forms.CharField(
        label=_("Reason for changing the mark"),
        required=False,
        help_text=_("Needed when the answer already has a mark; kept with the change."),
    )

    def __init__(self, *args, maximum, **kwargs):
        super().__init__(*args, **kwargs)
        self.maximum = maximum
        self.fields["mark"].max_value = maximum
        self.fields["mark"].help_text = _("From 0 to %(max)s.") % {"max": maximum}

    def clean_mark(self):
        mark = self.cleaned_data["mark"]
        if mark > self.maximum:
            raise forms.ValidationError(_("The mark must be between 0 and %(max)s.") % {"max": self.maximum})
        return mark


CASE_DETAILS_REMINDER = _("Describe what you saw in the session. Do not write any real child's or case's details.")


class ObservationForm(forms.Form):
    """Scoring one learner against a rubric: a level for each criterion, with optional comments.

    The fields are made from the rubric: ``level-<criterion id>`` and ``comment-<criterion id>``."""

    observed_on = forms.DateField(label=_("Observed on"), widget=forms.DateInput(attrs={"type": "date"}))
    comment = forms.CharField(
        label=_("Overall comment for the learner"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=CASE_DETAILS_REMINDER,
    )
    submission_key = forms.UUIDField(widget=forms.HiddenInput)

    def __init__(self, *args, criteria: list[dict], **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = criteria
        for criterion in criteria:
            self.fields[f"level-{criterion['id']}"] = forms.TypedChoiceField(
                label=criterion["title"],
                choices=[(index, level["label"]) for index, level in enumerate(criterion["levels"])],
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={"required": _("Choose a level.")},
            )
            self.fields[f"comment-{criterion['id']}"] = forms.CharField(
                label=_("Comment on “%(criterion)s”") % {"criterion": criterion["title"]},
                required=False,
                max_length=2000,
                widget=forms.Textarea(attrs={"rows": 2}),
            )

    def clean_observed_on(self):
        observed_on = self.cleaned_data["observed_on"]
        if observed_on > timezone.localdate():
            raise forms.ValidationError(_("The date of the observation cannot be in the future."))
        return observed_on

    def criterion_rows(self) -> list[dict]:
        """Each criterion with its level field and comment field, for the template."""
        return [
            {
                "criterion": criterion,
                "level": self[f"level-{criterion['id']}"],
                "comment": self[f"comment-{criterion['id']}"],
                "levels": [
                    {
                        "index": index,
                        "level": level,
                        "checked": str(self[f"level-{criterion['id']}"].value()) == str(index),
                    }
                    for index, level in enumerate(criterion["levels"])
                ],
            }
            for criterion in self.criteria
        ]

    @property
    def levels(self) -> dict[str, int]:
        return {criterion["id"]: self.cleaned_data[f"level-{criterion['id']}"] for criterion in self.criteria}

    @property
    def criterion_comments(self) -> dict[str, str]:
        return {criterion["id"]: self.cleaned_data[f"comment-{criterion['id']}"] for criterion in self.criteria}

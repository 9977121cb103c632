from django import forms
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

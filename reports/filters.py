"""The filters of a report, as a form read from the page's query string (GET).

Every filter narrows the people counted (organisation and the units below it, region, position,
gender) or the records (period, course); ``group_by`` chooses the dimension of the table. An
invalid value is a field error and the page shows no figures rather than figures of other filters.
"""

from dataclasses import dataclass
from datetime import date
from uuid import UUID

from django import forms
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from accounts.models import Organisation, Region, User
from accounts.permissions import organisations_visible_to
from cohorts.courses_lookup import teachable_courses


class GroupBy:
    NONE = "none"
    ORGANISATION = "organisation"
    REGION = "region"
    GENDER = "gender"
    REGION_GENDER = "region_gender"
    POSITION = "position"
    COURSE = "course"
    MONTH = "month"

    CHOICES = [
        (NONE, _("Nothing")),
        (ORGANISATION, _("Organisation")),
        (REGION, _("Region")),
        (GENDER, _("Gender")),
        (REGION_GENDER, _("Region, then gender")),
        (POSITION, _("Position or rank")),
        (COURSE, _("Course")),
        (MONTH, _("Month")),
    ]


@dataclass(frozen=True)
class Filters:
    """What a report counts, once the form is valid."""

    date_from: date
    date_to: date
    organisation: Organisation | None = None
    region: Region | None = None
    course_key: UUID | None = None
    position: str = ""
    gender: str = ""
    group_by: str = GroupBy.NONE


def this_year() -> tuple[date, date]:
    today = timezone.localdate()
    return date(today.year, 1, 1), date(today.year, 12, 31)


class ReportFilterForm(forms.Form):
    date_from = forms.DateField(label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    date_to = forms.DateField(label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=Organisation.objects.none(),
        required=False,
        empty_label=_("All"),
        help_text=_("With the units below it."),
    )
    region = forms.ModelChoiceField(
        label=_("Region"), queryset=Region.objects.all(), required=False, empty_label=_("All")
    )
    course = forms.ChoiceField(label=_("Course"), required=False)
    position = forms.CharField(label=_("Position or rank"), max_length=200, required=False)
    gender = forms.ChoiceField(label=_("Gender"), required=False)
    group_by = forms.ChoiceField(label=_("Group by"), choices=GroupBy.CHOICES, required=False)

    def __init__(self, data, *, user):
        start, end = this_year()
        # The defaults are filled in before binding, so the form always shows what is counted.
        defaults = {"date_from": start.isoformat(), "date_to": end.isoformat(), "group_by": GroupBy.NONE}
        merged = {**defaults, **{key: value for key, value in data.items() if value != ""}}
        super().__init__(merged)
        self.fields["organisation"].queryset = organisations_visible_to(user).order_by("path")
        language = translation.get_language()
        self.fields["course"].choices = [("", _("All"))] + [
            (str(course.translation_key), course.title) for course in teachable_courses(language)
        ]
        self.fields["gender"].choices = [("", _("All")), *User.Gender.choices]

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", _("The end of the period must not be before its start."))
        return cleaned

    def filters(self) -> Filters:
        data = self.cleaned_data
        return Filters(
            date_from=data["date_from"],
            date_to=data["date_to"],
            organisation=data["organisation"],
            region=data["region"],
            course_key=UUID(data["course"]) if data["course"] else None,
            position=data["position"].strip(),
            gender=data["gender"],
            group_by=data["group_by"] or GroupBy.NONE,
        )

    def described(self) -> list[tuple[str, str]]:
        """The filters as (label, value) pairs, for the first rows of an export."""
        data = self.cleaned_data
        course_names = dict(self.fields["course"].choices)
        gender_names = dict(self.fields["gender"].choices)
        group_names = dict(GroupBy.CHOICES)
        everything = str(_("All"))
        return [
            (str(_("Period")), f"{data['date_from'].isoformat()} – {data['date_to'].isoformat()}"),
            (str(_("Organisation")), data["organisation"].name if data["organisation"] else everything),
            (str(_("Region")), data["region"].name if data["region"] else everything),
            (str(_("Course")), str(course_names.get(data["course"], everything)) if data["course"] else everything),
            (str(_("Position or rank")), data["position"] or everything),
            (str(_("Gender")), str(gender_names.get(data["gender"], everything)) if data["gender"] else everything),
            (str(_("Group by")), str(group_names[data["group_by"] or GroupBy.NONE])),
        ]

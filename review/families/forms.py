from __future__ import annotations

from django import forms

from licenses.models import Criterion, CriterionSet, LicenseVersion
from review.models import Stance, Verdict


class FamilyReviewForm(forms.Form):
    members = forms.ModelMultipleChoiceField(
        queryset=LicenseVersion.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text="The members under review, each with its latest version: all of them, or some.",
    )
    criterion_set = forms.ModelChoiceField(queryset=CriterionSet.objects.order_by("pk"), empty_label=None)
    rationale = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        label="Why these licenses are reviewed together",
    )
    is_public = forms.BooleanField(required=False, initial=True, label="Public (anyone can read the review)")

    def __init__(self, *args, versions: list[LicenseVersion], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["members"].queryset = LicenseVersion.objects.filter(pk__in=[v.pk for v in versions])
        self.fields["members"].label_from_instance = lambda v: v.title
        if not self.is_bound:
            self.initial.setdefault("members", [v.pk for v in versions])
            default = CriterionSet.objects.filter(slug="osd-1.9").first()
            if default:
                self.initial.setdefault("criterion_set", default.pk)

    def clean_members(self):
        members = list(self.cleaned_data["members"])
        if len(members) < 2:
            raise forms.ValidationError("Choose at least two members.")
        return members


class FamilyThreadForm(forms.Form):
    clause = forms.IntegerField(widget=forms.HiddenInput)
    body = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), max_length=20_000)
    stance = forms.ChoiceField(choices=Stance.choices, initial=Stance.NOTE)
    criterion = forms.ModelChoiceField(queryset=Criterion.objects.none(), required=False)
    members = forms.ModelMultipleChoiceField(queryset=LicenseVersion.objects.none(), required=False)

    def __init__(self, *args, review, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["criterion"].queryset = review.criterion_set.criteria.order_by("number")
        self.fields["members"].queryset = review.family_review.members.all()


class FamilyPositionForm(forms.Form):
    verdict = forms.ChoiceField(choices=Verdict.choices, widget=forms.RadioSelect)
    members = forms.ModelMultipleChoiceField(
        queryset=LicenseVersion.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        label="Holds for",
        help_text="All the members that have this clause, or only some (say, the NC ones).",
    )
    rationale = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False, max_length=20_000)
    # What the reviewer's positions on the cell were when the form was opened (cell_stamp).
    expected = forms.CharField(widget=forms.HiddenInput, required=False, max_length=2000)

    def __init__(self, *args, present: list[LicenseVersion], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["members"].queryset = LicenseVersion.objects.filter(pk__in=[v.pk for v in present])
        self.fields["members"].label_from_instance = lambda v: v.title
        if not self.is_bound:
            self.initial.setdefault("members", [v.pk for v in present])

from __future__ import annotations

from django import forms

from licenses.families.models import Family
from licenses.models import License


class FamilyForm(forms.Form):
    name = forms.CharField(max_length=200, help_text='For example "ModelGo 2.0" or "Creative Commons 4.0".')
    description = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text="What the siblings share, in a line or two.",
    )
    members = forms.ModelMultipleChoiceField(
        queryset=License.objects.order_by("name"),
        widget=forms.CheckboxSelectMultiple,
        help_text="The sibling licenses: at least two. Each takes part with its latest version.",
    )
    base = forms.ModelChoiceField(
        queryset=License.objects.order_by("name"),
        required=False,
        empty_label="The first member by name",
        help_text="The member the others are aligned against: usually the plainest one (MG-BY, CC BY).",
    )

    def __init__(self, *args, family: Family | None = None, **kwargs):
        if family is not None:
            kwargs.setdefault(
                "initial",
                {
                    "name": family.name,
                    "description": family.description,
                    "members": list(family.members.all()),
                    "base": family.base,
                },
            )
        super().__init__(*args, **kwargs)

    def clean(self):
        data = super().clean()
        members, base = data.get("members"), data.get("base")
        if members is not None and len(members) < 2:
            self.add_error("members", "Pick at least two member licenses.")
        if members is not None and base is not None and base not in members:
            self.add_error("base", "The base license must be one of the members you picked.")
        return data


class PlaceForm(forms.Form):
    """Move a clause to another row of the table, or to a row of its own."""

    group = forms.TypedChoiceField(coerce=int, required=False, empty_value=None)

    def __init__(self, *args, choices: list[tuple[int, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["group"].choices = [("", "A row of its own"), *choices]

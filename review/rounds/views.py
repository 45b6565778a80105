"""The "next round" page: a steward or moderator picks or uploads a new version and opens the next round."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from licenses.forms import clean_version_label, license_text
from licenses.ingest import IngestError, ingest_version
from licenses.models import LicenseVersion
from review import selectors
from review.models import Review
from review.rounds.services import open_next_round
from review.rules import may_open_next_round
from review.services import NotAllowed


class NextRoundForm(forms.Form):
    version = forms.ModelChoiceField(
        queryset=LicenseVersion.objects.none(),
        required=False,
        empty_label="— a new text, below —",
        label="Version to review",
        help_text="A version already in the catalogue, or leave this and give the new text below.",
    )
    label = forms.CharField(
        max_length=50, required=False, label="New version label", help_text='Such as "2.0" or "draft 3".'
    )
    text = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 10, "spellcheck": "false"}),
        required=False,
        label="New text",
        help_text="Paste the full license text, or upload a file.",
    )
    file = forms.FileField(
        required=False,
        help_text="A plain-text UTF-8 file of at most 1 MiB, a license page saved from the web (HTML), "
        "or an SPDX license XML file.",
    )

    def __init__(self, *args, review: Review, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["version"].queryset = review.version.license.versions.exclude(
            pk=review.version_id
        ).order_by("-created_at", "-pk")
        self.fields["version"].label_from_instance = lambda v: v.label

    def clean_label(self) -> str:
        return clean_version_label(self.cleaned_data["label"])

    def clean(self):
        data = super().clean()
        if data.get("version"):
            return data
        found = license_text(data.get("file"), data.get("text") or "")
        if found is None:
            raise forms.ValidationError("Choose a version, or give the new text (paste it or upload a file).")
        data["source"], data["text"], data["note"] = found
        if not data.get("label"):
            self.add_error("label", "A new text needs a label, such as 2.0 or draft 3.")
        return data


def _get_review_for_opener(request: HttpRequest, pk: int) -> Review:
    review = selectors.review_for(pk, request.user)
    if not may_open_next_round(request.user, review):
        raise Http404("No such review.")
    return review


@login_required
def next_round(request: HttpRequest, pk: int) -> HttpResponse:
    review = _get_review_for_opener(request, pk)
    posted = request.method == "POST"
    form = NextRoundForm(request.POST if posted else None, request.FILES if posted else None, review=review)
    if posted and form.is_valid():
        data = form.cleaned_data
        try:
            version = data.get("version")
            if version is None:
                version = ingest_version(
                    license=review.version.license,
                    text=data["text"],
                    label=data["label"],
                    source=data["source"],
                    previous=review.version,
                    created_by=request.user,
                ).version
            new_review = open_next_round(review=review, new_version=version, by=request.user)
        except IngestError as exc:
            form.add_error(None, str(exc))
        except ValidationError as exc:
            form.add_error(None, exc.messages)
        except NotAllowed:
            raise Http404("No such review.") from None
        else:
            carried = new_review.threads.count()
            if data.get("note"):
                messages.info(request, data["note"])
            messages.success(
                request,
                f"Round on version {version.label} opened; {carried} open thread{'s' if carried != 1 else ''} "
                "carried over.",
            )
            return redirect(new_review)
    open_threads = review.threads.open().count()
    return render(
        request,
        "review/next_round.html",
        {
            "review": review,
            "form": form,
            "open_threads": open_threads,
            "later_rounds": list(review.next_rounds.select_related("version")),
            "nav": "reviews",
        },
    )

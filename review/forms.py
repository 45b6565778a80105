"""Forms with explicit fields: anything else a client posts (author, thread, status…) is ignored."""

from __future__ import annotations

from django import forms
from django.db.models import Prefetch

from licenses.models import Clause, CriterionSet
from review.markup import MAX_COMMENT_LENGTH
from review.models import Comment, Review, Stance, Thread
from review.services import MAX_WORDING_LENGTH, Quote

BODY_HELP = "Markdown: *emphasis*, **bold**, `code`, > quotes, lists and links."
TOO_LONG = (
    "A comment is limited to %(limit_value)s characters (this one has %(show_value)s). "
    "Please shorten it, or split it into several comments."
)


class CommentForm(forms.Form):
    stance = forms.ChoiceField(choices=Stance.choices, initial=Stance.NOTE, widget=forms.RadioSelect)
    body = forms.CharField(
        label="Comment",
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=MAX_COMMENT_LENGTH,
        help_text=BODY_HELP,
        error_messages={"max_length": TOO_LONG, "required": "Write something: the comment is empty."},
    )
    suggested_wording = forms.CharField(
        label="Suggested wording (optional)",
        required=False,
        max_length=MAX_WORDING_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Your replacement text for the whole clause; it is shown as a redline against the clause.",
    )

    def __init__(self, *args, prefix_id: str = "", **kwargs) -> None:
        # ``prefix_id`` keeps element ids unique when one page holds many copies of a form.
        super().__init__(*args, auto_id=f"id_{prefix_id}%s" if prefix_id else "id_%s", **kwargs)


class ThreadForm(CommentForm):
    clause = forms.ModelChoiceField(queryset=Clause.objects.none(), widget=forms.HiddenInput)
    criterion = forms.ModelChoiceField(
        queryset=None, required=False, empty_label="No criterion", label="Criterion (optional)"
    )
    quote_exact = forms.CharField(required=False, widget=forms.HiddenInput, max_length=5000)
    quote_prefix = forms.CharField(required=False, widget=forms.HiddenInput, max_length=200, strip=False)
    quote_suffix = forms.CharField(required=False, widget=forms.HiddenInput, max_length=200, strip=False)
    quote_start = forms.IntegerField(required=False, widget=forms.HiddenInput, min_value=0)
    quote_end = forms.IntegerField(required=False, widget=forms.HiddenInput, min_value=0)

    field_order = ["clause", "quote_exact", "criterion", "stance", "body", "suggested_wording"]

    def __init__(self, *args, review: Review, criteria=None, typed_quote: bool = False, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if typed_quote:
            # Without a mouse selection (keyboard, no JavaScript) people type or paste the words;
            # the service finds them in the clause and refuses words that are not there.
            self.fields["quote_exact"].widget = forms.Textarea(attrs={"rows": 2, "spellcheck": "false"})
            self.fields["quote_exact"].label = "Words to quote (optional)"
            self.fields[
                "quote_exact"
            ].help_text = "Paste the exact words from the clause to hang the thread on them; leave empty for the whole clause."
        self.fields["clause"].queryset = Clause.objects.filter(version=review.version_id)
        # The page passes the criteria it already loaded; a ModelChoiceField needs a queryset.
        self.fields["criterion"].queryset = review.criterion_set.criteria.select_related("set")
        if criteria is not None:
            self.fields["criterion"].choices = [("", "No criterion")] + [
                (c.pk, c.short_label + ": " + c.title) for c in criteria
            ]
        self.fields["criterion"].label_from_instance = lambda c: f"{c.short_label}: {c.title}"
        self.fields["quote_exact"].strip = False

    def quote(self) -> Quote | None:
        data = self.cleaned_data
        if not data.get("quote_exact"):
            return None
        return Quote(
            exact=data["quote_exact"],
            prefix=data.get("quote_prefix") or "",
            suffix=data.get("quote_suffix") or "",
            start=data.get("quote_start"),
            end=data.get("quote_end"),
        )


class HideForm(forms.Form):
    reason = forms.CharField(
        max_length=300,
        label="Reason (shown in the comment's place)",
        error_messages={"required": "Say why the comment is hidden; readers see the reason."},
    )


class ReviewForm(forms.ModelForm):
    class Meta:
        model = Review
        fields = ["criterion_set", "rationale", "similar_licenses", "legal_review", "projects", "is_public"]
        widgets = {
            "rationale": forms.Textarea(attrs={"rows": 4}),
            "similar_licenses": forms.Textarea(attrs={"rows": 4}),
            "legal_review": forms.Textarea(attrs={"rows": 3}),
            "projects": forms.Textarea(attrs={"rows": 3}),
        }
        labels = {"is_public": "Public (anyone can read the review)"}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["criterion_set"].queryset = CriterionSet.objects.order_by("pk")
        self.fields["criterion_set"].empty_label = None
        default = CriterionSet.objects.filter(slug="osd-1.9").first()
        if default and not self.is_bound:
            self.initial.setdefault("criterion_set", default.pk)


class DecisionForm(forms.Form):
    status = forms.ChoiceField(choices=Review.Status.choices)
    rationale = forms.CharField(widget=forms.Textarea(attrs={"rows": 5}), required=False)
    threads = forms.ModelMultipleChoiceField(
        queryset=Thread.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Threads the decision rests on",
    )

    def __init__(self, *args, review: Review, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        shown = Comment.objects.visible().select_related("author__profile").order_by("created_at", "pk")
        self.fields["threads"].queryset = (
            review.threads.select_related("clause")
            .prefetch_related(Prefetch("comments", queryset=shown, to_attr="shown_comments"))
            .order_by("created_at")
        )
        self.fields["threads"].label_from_instance = thread_choice_label


def thread_choice_label(thread: Thread) -> str:
    """ "2.3 · Ana Demir: “The notice duty reaches every…” · open, 3 comments": threads on the
    same quote differ by who started them and how."""
    where = thread.clause.path if thread.clause else "General"
    comments = getattr(thread, "shown_comments", None)
    if comments is None:
        comments = list(
            thread.comments.visible().select_related("author__profile").order_by("created_at", "pk")
        )
    first = comments[0] if comments else None
    if first is not None:
        words = " ".join(first.body.split())
        words = words if len(words) <= 70 else words[:70].rsplit(" ", 1)[0] + "…"
        opening = f"{first.author_display}: “{words}”"
    else:
        opening = f"“{(thread.quote_exact or 'no comment left')[:70]}”"
    count = f"{len(comments)} comment{'' if len(comments) == 1 else 's'}"
    return f"{where} · {opening} · {thread.get_status_display().lower()}, {count}"

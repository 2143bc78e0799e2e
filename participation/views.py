"""The GDPR request: find, and delete, everything one person sent (by e-mail address)."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from participation.models import ParticipationSubmission


class PersonForm(forms.Form):
    email = forms.EmailField(label=_("E-mailadresse"), max_length=254)


def submissions_sent_by(email: str) -> list[ParticipationSubmission]:
    """Submissions where any answer holds the address (e-mail field or written in the text)."""
    wanted = email.strip().casefold()
    found = []
    for submission in ParticipationSubmission.objects.select_related("page").order_by(
        "-submit_time"
    ):
        values = submission.form_data.values() if isinstance(submission.form_data, dict) else []
        if any(wanted in str(value).casefold() for value in values):
            found.append(submission)
    return found


def submissions_of_person(request):
    from participation.wagtail_hooks import DELETE_PERMISSION

    if not request.user.has_perm(DELETE_PERMISSION):
        raise PermissionDenied
    if request.method == "POST":
        form = PersonForm(request.POST)
        if form.is_valid():
            found = submissions_sent_by(form.cleaned_data["email"])
            ParticipationSubmission.objects.filter(pk__in=[s.pk for s in found]).delete()
            messages.success(
                request,
                ngettext(
                    "%(count)d indsendelse er slettet.",
                    "%(count)d indsendelser er slettet.",
                    len(found),
                )
                % {"count": len(found)},
            )
            return redirect("participation_submissions_of_person")
        found = None
    else:
        form = PersonForm(request.GET or None)
        found = submissions_sent_by(form.cleaned_data["email"]) if form.is_valid() else None
    return TemplateResponse(
        request,
        "participation/admin/submissions_of_person.html",
        {"form": form, "found": found, "page_title": _("Indsendelser fra én person")},
    )

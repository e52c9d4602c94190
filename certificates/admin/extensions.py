"""Extending the validity of a group of certificates, for example everyone whose certificate
expires while training centres are closed by a crisis. Staff choose the course and the
expiry dates concerned, the new date and the reason; each certificate extended gets a row
(`certificates.models.ValidityExtension`) with that reason and who decided it."""

from __future__ import annotations

from datetime import date

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from certificates.models import Certificate
from certificates.validity import ExtensionRefused, extend_validity
from courses.models import CoursePage


def expiring_course_choices() -> list[tuple[str, str]]:
    """Courses whose certificates expire, by translation key, in the default language."""
    keys = (
        Certificate.objects.filter(expires_on__isnull=False)
        .values_list("enrolment__course_key", flat=True)
        .distinct()
    )
    titles = dict(
        CoursePage.objects.filter(translation_key__in=list(keys))
        .order_by("-locale__language_code")
        .values_list("translation_key", "title")
    )
    return sorted(((str(key), title) for key, title in titles.items()), key=lambda c: c[1])


class DateInput(forms.DateInput):
    input_type = "date"


class ExtensionForm(forms.Form):
    course = forms.ChoiceField(label=gettext_lazy("Course"))
    expiring_from = forms.DateField(
        label=gettext_lazy("Certificates expiring from"),
        widget=DateInput(),
    )
    expiring_to = forms.DateField(label=gettext_lazy("to"), widget=DateInput())
    new_expiry = forms.DateField(label=gettext_lazy("New expiry date"), widget=DateInput())
    reason = forms.CharField(
        label=gettext_lazy("Reason"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy(
            "Kept with every certificate extended, for example “Floods: centres closed”."
        ),
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["course"].choices = expiring_course_choices()

    def clean(self) -> dict:
        data = super().clean()
        start, end, new = data.get("expiring_from"), data.get("expiring_to"), data.get("new_expiry")
        if start and end and end < start:
            self.add_error("expiring_to", _("The end of the range must not be before its start."))
        if new and new <= timezone.localdate():
            self.add_error("new_expiry", _("Choose a new expiry date in the future."))
        return data


def certificates_to_extend(course_key: str, start: date, end: date) -> list[Certificate]:
    """Issued certificates of the course whose current expiry falls in [start, end]."""
    return list(
        Certificate.objects.with_validity().filter(
            enrolment__course_key=course_key,
            status=Certificate.Status.ISSUED,
            current_expires_on__gte=start,
            current_expires_on__lte=end,
        )
    )


def extend_view(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("certificates.change_certificate"):
        raise PermissionDenied
    form = ExtensionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        chosen = certificates_to_extend(data["course"], data["expiring_from"], data["expiring_to"])
        try:
            extended = extend_validity(chosen, data["new_expiry"], data["reason"], request.user)
        except ExtensionRefused as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(
                request,
                ngettext(
                    "%(count)s certificate now expires on %(date)s.",
                    "%(count)s certificates now expire on %(date)s.",
                    len(extended),
                )
                % {"count": len(extended), "date": data["new_expiry"].isoformat()},
            )
            return redirect("certificates:index")
    return TemplateResponse(
        request,
        "certificates/admin/extend_validity.html",
        {"form": form, "page_title": _("Extend validity")},
    )

"""Importing a session's paper sign-in sheet, typed into a spreadsheet and saved as CSV.

The rules are `blended.sign_in_sheet`'s: every line is checked first and, if any has a
problem, nothing is written and the problems are listed by line, as the roster import does.
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from blended.sign_in_sheet import import_sign_in_sheet
from blended.views.access import facilitated_session
from courses.learning.roster import RosterFileError

#: A sheet of a few hundred lines is a few kilobytes: anything much larger is not one.
MAX_UPLOAD_BYTES = 1024 * 1024


class SignInSheetForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Sign-in sheet (CSV file)"),
        help_text=gettext_lazy(
            "First line: name,status or email,status. Then one person per line. "
            "The status is present, late, excused or absent."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                gettext_lazy("The file is too large for a sign-in sheet: at most 1 MB.")
            )
        return upload


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def sign_in_sheet(request: HttpRequest, pk: int) -> HttpResponse:
    """GET: the upload form. POST: import the sheet, then back to the roll; or the problems
    by line, with nothing written."""
    session, _access = facilitated_session(request, pk, to_change=True)
    form = SignInSheetForm(request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid():
        try:
            data = form.cleaned_data["file"].read()
            report = import_sign_in_sheet(session, data, by=request.user)
        except RosterFileError as error:
            form.add_error("file", str(error))
        else:
            if report.committed:
                count = len(report.lines)
                messages.success(
                    request,
                    ngettext(
                        "Sign-in sheet imported: %(count)s mark recorded.",
                        "Sign-in sheet imported: %(count)s marks recorded.",
                        count,
                    )
                    % {"count": count},
                )
                return redirect("blended:roll_call", pk=session.pk)
    context = {
        "session": session,
        "cohort": session.cohort,
        "form": form,
        "problems": report.problems if report else [],
    }
    return TemplateResponse(request, "blended/sign_in_sheet.html", context)

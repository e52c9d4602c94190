"""What every blended viewset shares: no copying, no reference index, the usual permissions,
and a delete that refuses, with a message, what records still depend on."""

from __future__ import annotations

from django.contrib import messages
from django.db.models import ProtectedError
from django.http import HttpResponseRedirect
from django.utils.translation import gettext as _
from wagtail.admin.views.generic import DeleteView
from wagtail.admin.viewsets.model import ModelViewSet

from courses.admin.permissions import model_permissions

EVERY_ACTION = ("add", "change", "delete", "view")


class KeepHistoryDeleteView(DeleteView):
    """Deleting a programme with cohorts, a cohort with participants, or a participant with
    attendance or a certificate would erase what happened: the database refuses (PROTECT),
    and the person deleting is told why instead of meeting an error page."""

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except ProtectedError:
            messages.error(
                self.request,
                _(
                    "“%(object)s” cannot be deleted: attendance, certificates or other "
                    "records depend on it, and they are kept as history."
                )
                % {"object": self.object},
            )
            return HttpResponseRedirect(self.get_success_url())


class BlendedViewSet(ModelViewSet):
    add_to_reference_index = False
    copy_view_enabled = False
    delete_view_class = KeepHistoryDeleteView
    #: The actions groups may be given for this model.
    actions = EVERY_ACTION

    def get_permissions_to_register(self):
        """Groups may be given these actions on the model, add, change, delete and view unless
        a viewset says otherwise."""
        return model_permissions(self.model, self.actions)

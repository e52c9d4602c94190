"""What every blended viewset shares: no copying, no reference index, the usual permissions."""

from __future__ import annotations

from wagtail.admin.viewsets.model import ModelViewSet

from courses.admin.permissions import model_permissions

EVERY_ACTION = ("add", "change", "delete", "view")


class BlendedViewSet(ModelViewSet):
    add_to_reference_index = False
    copy_view_enabled = False
    #: The actions groups may be given for this model.
    actions = EVERY_ACTION

    def get_permissions_to_register(self):
        """Groups may be given these actions on the model, add, change, delete and view unless
        a viewset says otherwise."""
        return model_permissions(self.model, self.actions)

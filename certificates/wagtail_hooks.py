"""Registers the certificates admin and the wording of its history entries."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.log_actions import LogFormatter

from certificates.admin.corrections import NameCorrectionViewSet, register_correction_log_actions
from certificates.admin.viewset import CertificateViewSet
from certificates.lifecycle import (
    REISSUE_ACTION,
    REPLACEMENT_ACTION,
    RETRY_ACTION,
    REVOKE_ACTION,
)

certificate_viewset = CertificateViewSet("certificates")


@hooks.register("register_admin_viewset")
def register_certificate_viewset():
    return certificate_viewset


name_correction_viewset = NameCorrectionViewSet("name_corrections")


@hooks.register("register_admin_viewset")
def register_name_correction_viewset():
    return name_correction_viewset


hooks.register("register_log_actions", register_correction_log_actions)


class ReasonLogFormatter(LogFormatter):
    """A certificate action whose log entry keeps the reason staff gave."""

    def format_comment(self, log_entry):
        return log_entry.data.get("reason", "")


@hooks.register("register_log_actions")
def register_certificate_log_actions(actions):
    @actions.register_action(RETRY_ACTION)
    class RetryFormatter(LogFormatter):
        label = _("Retry certificate")

        def format_message(self, log_entry):
            if reason := log_entry.data.get("failure_reason"):
                return _("Retried issuing after it failed: %(reason)s") % {"reason": reason}
            return _("Retried issuing after it failed")

    @actions.register_action(REVOKE_ACTION)
    class RevokeFormatter(ReasonLogFormatter):
        label = _("Revoke certificate")

        def format_message(self, log_entry):
            return _("Revoked: %(reason)s") % {"reason": log_entry.data.get("reason", "")}

    @actions.register_action(REISSUE_ACTION)
    class ReissueFormatter(ReasonLogFormatter):
        label = _("Reissue certificate")

        def format_message(self, log_entry):
            return _("Replaced by %(code)s: %(reason)s") % {
                "code": log_entry.data.get("replacement", "?"),
                "reason": log_entry.data.get("reason", ""),
            }

    @actions.register_action(REPLACEMENT_ACTION)
    class ReplacementFormatter(ReasonLogFormatter):
        label = _("Replacement certificate")

        def format_message(self, log_entry):
            return _("Created to replace %(code)s: %(reason)s") % {
                "code": log_entry.data.get("replaces", "?"),
                "reason": log_entry.data.get("reason", ""),
            }

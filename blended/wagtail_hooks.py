"""Registers the "Blended training" admin section; the viewsets live in `blended.admin`."""

from wagtail import hooks

from blended.admin import BlendedTrainingGroup


@hooks.register("register_admin_viewset")
def register_blended_training():
    return BlendedTrainingGroup()

"""The home page: what Crisis Ready is, and a way into the catalogue."""

from __future__ import annotations

from django.db import models
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from courses.models import CourseIndexPage
from courses.pages.blocks import RICH_TEXT_FEATURES
from courses.pages.languages import TranslatedPageMixin, attach_available_languages
from courses.pages.routing import CachedViewRestrictionsMixin, OneQueryRoutingMixin


class HomePage(TranslatedPageMixin, OneQueryRoutingMixin, CachedViewRestrictionsMixin, Page):
    heading = models.CharField(_("heading"), max_length=120, blank=True)
    intro = RichTextField(_("introduction"), features=RICH_TEXT_FEATURES, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("heading"), FieldPanel("intro")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["courses.CourseIndexPage"]
    featured_course_count = 3

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict:
        context = super().get_context(request, *args, **kwargs)
        catalogue = CourseIndexPage.objects.child_of(self).live().first()
        context["catalogue"] = catalogue
        context["featured_courses"] = attach_available_languages(
            list(catalogue.get_courses()[: self.featured_course_count]) if catalogue else []
        )
        return context

"""Audiences, the vocabulary of who a course is for, as a snippet authors extend."""

from wagtail.snippets.views.snippets import SnippetViewSet

from courses.models import Audience


class AudienceViewSet(SnippetViewSet):
    model = Audience
    icon = "group"
    menu_label = "Audiences"
    menu_order = 200
    add_to_admin_menu = True
    list_display = ["name", "slug", "description"]
    search_fields = ["name"]

"""Content blocks for lessons.

Each block has its own template in templates/courses/blocks/ and an icon for the editor.
Validation sits in `clean()`; display logic in StructValue subclasses, not in templates.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=120)
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Section heading")), ("h3", _("Sub-heading"))], default="h2"
    )

    class Meta:
        icon = "title"
        template = "courses/blocks/heading.html"


class CaptionedImageBlock(blocks.StructBlock):
    """An image whose alt text is required unless marked decorative (ImageBlock's rule)."""

    image = ImageBlock()
    caption = blocks.CharBlock(required=False, max_length=250)

    class Meta:
        icon = "image"
        template = "courses/blocks/image.html"


class VideoBlock(blocks.StructBlock):
    """A video from an oEmbed provider, always with a transcript for those who cannot watch."""

    video = EmbedBlock(help_text=_("Link to the video page, e.g. on YouTube or Vimeo."))
    title = blocks.CharBlock(max_length=120)
    transcript = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES,
        help_text=_("Everything said and shown, for people who cannot watch or hear it."),
    )

    class Meta:
        icon = "media"
        template = "courses/blocks/video.html"


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock()
    title = blocks.CharBlock(
        required=False, max_length=120, help_text=_("Leave empty to use the document's title.")
    )
    description = blocks.CharBlock(required=False, max_length=250)

    class Meta:
        icon = "doc-full"
        template = "courses/blocks/document.html"


class CalloutValue(blocks.StructValue):
    def label(self) -> str:
        """The words shown before the callout's title, spoken by screen readers too."""
        return str(dict(CalloutBlock.KINDS).get(self.get("kind"), ""))


class CalloutBlock(blocks.StructBlock):
    KINDS = [("key_point", _("Key point")), ("warning", _("Warning")), ("tip", _("Tip"))]

    kind = blocks.ChoiceBlock(choices=KINDS, default="key_point")
    title = blocks.CharBlock(required=False, max_length=120)
    text = blocks.RichTextBlock(features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "warning"
        template = "courses/blocks/callout.html"
        value_class = CalloutValue


class ChecklistBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=120)
    items = blocks.ListBlock(blocks.CharBlock(max_length=250), min_num=1)

    class Meta:
        icon = "list-ul"
        template = "courses/blocks/checklist.html"


class ScenarioBlock(blocks.StructBlock):
    """A situation from the field, what to do, and questions a group can discuss."""

    title = blocks.CharBlock(max_length=120)
    situation = blocks.RichTextBlock(features=RICH_TEXT_FEATURES)
    what_to_do = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, label=_("What to do"))
    discussion = blocks.ListBlock(
        blocks.CharBlock(max_length=250), label=_("Points to discuss"), min_num=0
    )

    class Meta:
        icon = "group"
        template = "courses/blocks/scenario.html"


class QuoteBlock(blocks.StructBlock):
    """A quote or a testimony. Attribution is required: readers should know whose voice it is."""

    text = blocks.TextBlock()
    attribution = blocks.CharBlock(max_length=160)

    class Meta:
        icon = "openquote"
        template = "courses/blocks/quote.html"


class LessonStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES, icon="pilcrow", template="courses/blocks/paragraph.html"
    )
    image = CaptionedImageBlock()
    video = VideoBlock()
    document = DocumentBlock()
    callout = CalloutBlock()
    checklist = ChecklistBlock()
    scenario = ScenarioBlock()
    quote = QuoteBlock()


class OutcomesBlock(blocks.StreamBlock):
    """What a learner can do after the course: one short sentence per outcome."""

    outcome = blocks.CharBlock(max_length=250, icon="tick")

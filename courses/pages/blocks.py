"""Content blocks for lessons.

Each block has its own template in templates/courses/blocks/ and an icon for the editor.
Validation sits in `clean()`; display logic in StructValue subclasses, not in templates.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
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


# Quiz questions. Each question type validates that it can be answered right; grading reads
# the stored (raw) value of these blocks, see courses/grading.py.


class AnswerChoiceBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=250)
    correct = blocks.BooleanBlock(required=False)
    feedback = blocks.CharBlock(
        required=False, max_length=250, help_text=_("Why this choice is right or wrong.")
    )

    class Meta:
        icon = "radio-full"


class QuestionBlock(blocks.StructBlock):
    """What every question has: a prompt, an optional image, points and general feedback."""

    prompt = blocks.RichTextBlock(features=RICH_TEXT_FEATURES)
    image = ImageBlock(required=False)
    points = blocks.IntegerBlock(min_value=1, max_value=100, default=1)
    feedback = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES,
        required=False,
        help_text=_("Shown after the attempt, if the quiz shows feedback."),
    )

    def choices_error(self, message: str) -> StructBlockValidationError:
        return StructBlockValidationError(block_errors={"choices": ValidationError(message)})


class SingleChoiceQuestionBlock(QuestionBlock):
    choices = blocks.ListBlock(AnswerChoiceBlock(), min_num=2)

    class Meta:
        icon = "radio-full"
        label = _("Single choice")

    def clean(self, value):
        value = super().clean(value)
        correct = sum(bool(choice["correct"]) for choice in value["choices"])
        if correct != 1:
            raise self.choices_error(_("Mark exactly one choice as correct."))
        return value


class MultipleChoiceQuestionBlock(QuestionBlock):
    SCORING = [
        ("all_or_nothing", _("All or nothing: every correct choice and no wrong one")),
        (
            "partial",
            _("Partial credit: (right choices picked − wrong choices picked) ÷ right choices"),
        ),
    ]

    choices = blocks.ListBlock(AnswerChoiceBlock(), min_num=2)
    scoring = blocks.ChoiceBlock(choices=SCORING, default="all_or_nothing")

    class Meta:
        icon = "tasks"
        label = _("Multiple choice")

    def clean(self, value):
        value = super().clean(value)
        if not any(choice["correct"] for choice in value["choices"]):
            raise self.choices_error(_("Mark at least one choice as correct."))
        return value


class TrueFalseQuestionBlock(QuestionBlock):
    answer = blocks.ChoiceBlock(
        choices=[("true", _("True")), ("false", _("False"))], label=_("Right answer")
    )

    class Meta:
        icon = "tick"
        label = _("True or false")


class ShortAnswerQuestionBlock(QuestionBlock):
    accepted_answers = blocks.ListBlock(
        blocks.CharBlock(max_length=200),
        min_num=1,
        help_text=_("Every answer that counts as right. Case and surrounding spaces are ignored."),
    )

    class Meta:
        icon = "edit"
        label = _("Short answer")


class QuizQuestionsBlock(blocks.StreamBlock):
    single_choice = SingleChoiceQuestionBlock()
    multiple_choice = MultipleChoiceQuestionBlock()
    true_false = TrueFalseQuestionBlock()
    short_answer = ShortAnswerQuestionBlock()

    class Meta:
        min_num = 1

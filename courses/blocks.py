"""The blocks a lesson is written with.

Every block declares an icon, a template, a description and a preview. None runs a query while
rendering: chosen documents and images are fetched in bulk when the StreamField loads, and a
knowledge check's answers never reach the page until the learner has chosen one.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

INLINE_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=200, label=_("Heading"))
    level = blocks.ChoiceBlock(choices=[("h2", _("Section")), ("h3", _("Subsection"))], default="h2", label=_("Level"))

    class Meta:
        icon = "title"
        template = "blocks/heading_block.html"
        label = _("Heading")
        description = _("A heading that divides the lesson into sections.")
        preview_value = {"text": "Before the interview", "level": "h2"}


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt = blocks.CharBlock(
        max_length=250,
        label=_("Alternative text"),
        help_text=_("What the image shows, for people who cannot see it."),
    )
    caption = blocks.CharBlock(max_length=250, required=False, label=_("Caption"))

    class Meta:
        icon = "image"
        template = "blocks/image_block.html"
        label = _("Image")
        description = _("An image with alternative text and an optional caption, loaded only when scrolled to.")
        preview_value = {"alt": "An interview room with two chairs and soft toys", "caption": "A child-friendly room"}


class VideoBlock(blocks.StructBlock):
    video = DocumentChooserBlock(required=False, label=_("Video file"), help_text=_("An MP4 or WebM file."))
    link = blocks.URLBlock(required=False, label=_("Or a link to the video elsewhere"))
    title = blocks.CharBlock(max_length=200, label=_("Title"))
    transcript = blocks.TextBlock(
        label=_("Transcript"), help_text=_("Everything said in the video, for people who cannot watch or hear it.")
    )

    class Meta:
        icon = "media"
        template = "blocks/video_block.html"
        label = _("Video")
        description = _("A video, uploaded or linked, with its transcript. It downloads only when played.")
        preview_value = {"title": "Opening an interview", "transcript": "Hello, my name is…"}

    def clean(self, value):
        value = super().clean(value)
        if not value.get("video") and not value.get("link"):
            raise StructBlockValidationError(
                block_errors={"video": ValidationError(_("Choose a video file or give a link."))}
            )
        return value


class AudioBlock(blocks.StructBlock):
    audio = DocumentChooserBlock(label=_("Audio file"), help_text=_("An MP3, M4A or OGG file."))
    title = blocks.CharBlock(max_length=200, label=_("Title"))
    transcript = blocks.TextBlock(label=_("Transcript"))

    class Meta:
        icon = "media"
        template = "blocks/audio_block.html"
        label = _("Audio")
        description = _("A recording with its transcript.")
        preview_value = {"title": "A trainer explains", "transcript": "…"}


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    description = blocks.CharBlock(max_length=250, required=False, label=_("Description"))

    class Meta:
        icon = "doc-full"
        template = "blocks/document_block.html"
        label = _("Document to download")
        description = _("A document the learner can download, with its size shown.")
        preview_value = {"description": "Interview planning checklist"}


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        choices=[
            ("key_point", _("Key point")),
            ("practice_tip", _("Practice tip")),
            ("legal_reference", _("Legal reference")),
        ],
        default="key_point",
        label=_("Kind"),
    )
    title = blocks.CharBlock(max_length=200, required=False, label=_("Title"))
    text = blocks.RichTextBlock(features=INLINE_FEATURES, label=_("Text"))

    class Meta:
        icon = "help"
        template = "blocks/callout_block.html"
        label = _("Callout")
        description = _("A key point, practice tip or legal reference set apart from the text.")
        preview_value = {"kind": "key_point", "title": "Let the child lead", "text": "<p>Ask open questions.</p>"}


class CaseScenarioBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=200, label=_("Title"))
    situation = blocks.RichTextBlock(features=INLINE_FEATURES, label=_("Situation"))
    questions = blocks.ListBlock(blocks.CharBlock(max_length=400), label=_("Questions for reflection"))

    class Meta:
        icon = "group"
        template = "blocks/case_scenario_block.html"
        label = _("Case scenario")
        description = _("A fictional situation, then questions to think through. Never a real case.")
        preview_value = {
            "title": "At the bus station",
            "situation": "<p>A girl of about fourteen travels with two adults…</p>",
            "questions": ["What would you notice first?"],
        }


class ReflectionBlock(blocks.StructBlock):
    prompt = blocks.TextBlock(label=_("Prompt"))

    class Meta:
        icon = "edit"
        template = "blocks/reflection_block.html"
        label = _("Reflection")
        description = _("A question the learner answers in writing. Only the learner can read the answer.")
        preview_value = {"prompt": "Think of a time a child found it hard to talk to you. What helped?"}


class ChoiceBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=400, label=_("Answer"))
    correct = blocks.BooleanBlock(required=False, label=_("Correct"))
    feedback = blocks.TextBlock(required=False, label=_("Feedback for this answer"))

    class Meta:
        icon = "radio-full"
        label = _("Answer")


class KnowledgeCheckBlock(blocks.StructBlock):
    """An ungraded question. The page shows only the question and the answers; whether an answer
    is right, and its feedback, come from the server after the learner chooses."""

    question = blocks.TextBlock(label=_("Question"))
    choices = blocks.ListBlock(ChoiceBlock(), min_num=2, label=_("Answers"))
    explanation = blocks.TextBlock(required=False, label=_("Explanation shown after answering"))

    class Meta:
        icon = "help"
        template = "blocks/knowledge_check_block.html"
        label = _("Knowledge check")
        description = _("A question with instant feedback that does not count towards any grade.")
        preview_value = {
            "question": "Which question is open?",
            "choices": [{"text": "Tell me everything about that day.", "correct": True}, {"text": "Was he angry?"}],
        }

    def clean(self, value):
        value = super().clean(value)
        if sum(1 for choice in value["choices"] if choice["correct"]) < 1:
            raise StructBlockValidationError(
                block_errors={"choices": ValidationError(_("Mark at least one answer as correct."))}
            )
        return value


class ProcedureReferenceBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=250, label=_("Procedure"))
    clause = blocks.CharBlock(max_length=50, label=_("Clause"))
    summary = blocks.TextBlock(label=_("What the clause says"))
    document = DocumentChooserBlock(required=False, label=_("Procedure document"))

    class Meta:
        icon = "doc-full-inverse"
        template = "blocks/procedure_reference_block.html"
        label = _("Procedure reference")
        description = _("A pointer to a clause of a procedure document, with a summary.")
        preview_value = {"title": "Procedure for interviewing children", "clause": "4.2", "summary": "…"}


class GlossaryTermBlock(blocks.StructBlock):
    term = blocks.CharBlock(max_length=120, label=_("Term"))
    definition = blocks.TextBlock(label=_("Definition"))

    class Meta:
        icon = "list-ul"
        template = "blocks/glossary_term_block.html"
        label = _("Glossary term")
        description = _("A term and what it means in this course.")
        preview_value = {"term": "Free recall", "definition": "The child's own account, in their own words."}


class NoteContentBlock(blocks.StreamBlock):
    """What a content note may hold: the distressing material itself."""

    paragraph = blocks.RichTextBlock(
        features=INLINE_FEATURES, label=_("Paragraph"), template="blocks/paragraph_block.html"
    )
    heading = HeadingBlock()
    image = ImageBlock()
    video = VideoBlock()
    audio = AudioBlock()
    callout = CalloutBlock()
    case_scenario = CaseScenarioBlock()


class ContentNoteBlock(blocks.StructBlock):
    """Warns before distressing material. The learner chooses to continue, skip it, or come back later;
    the material stays folded away until they continue, with or without JavaScript."""

    note = blocks.TextBlock(
        label=_("Content note"),
        help_text=_("What follows, and why it may be hard to read. Do not describe it in detail."),
    )
    content = NoteContentBlock(label=_("The material"))

    class Meta:
        icon = "warning"
        template = "blocks/content_note_block.html"
        label = _("Content note")
        description = _("A warning before distressing material, which the learner can continue, skip or come back to.")
        preview_value = {"note": "The next part describes how a child disclosed abuse."}


class LessonBodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(
        features=[*INLINE_FEATURES, "h2", "h3"],
        label=_("Paragraph"),
        icon="pilcrow",
        template="blocks/paragraph_block.html",
    )
    heading = HeadingBlock()
    image = ImageBlock()
    video = VideoBlock()
    audio = AudioBlock()
    document = DocumentBlock()
    callout = CalloutBlock()
    content_note = ContentNoteBlock()
    case_scenario = CaseScenarioBlock()
    reflection = ReflectionBlock()
    knowledge_check = KnowledgeCheckBlock()
    procedure_reference = ProcedureReferenceBlock()
    glossary_term = GlossaryTermBlock()


def find_block(stream, block_id: str):
    """The block with ``block_id`` in a lesson body, looking inside content notes too."""
    for block in stream:
        if block.id == block_id:
            return block
        if block.block_type == "content_note":
            for inner in block.value["content"]:
                if inner.id == block_id:
                    return inner
    return None

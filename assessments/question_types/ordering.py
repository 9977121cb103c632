"""Ordering: the items put in their right order; a share per item in its right place. GIFT has no form for it."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ..formats import moodle_xml as xml
from ..formats.base import ORDERING, plain_text, to_html
from .base import Marking, QuestionType, ResponseError, share, source
from .registry import register


@register
class Ordering(QuestionType):
    constant = ORDERING
    label = gettext_lazy("Ordering")
    answer_block = "item"
    min_answers = 2
    moodle_names = ("ordering",)
    in_gift = False

    def snapshot(self, question, *, shuffle, rng):
        items = [{"id": block.id, "text": block.value["text"].source} for block in question.answers]
        correct_order = [item["id"] for item in items]
        # Every order equally likely, the right one included. Leaving the right order out would tell
        # the learner something: with two items, the answer would always be the reverse of what is
        # served. The learner numbers the items from empty fields, so nothing is answered for them.
        rng.shuffle(items)
        return {"correct_order": correct_order, "items": items}

    def public(self, entry):
        return {"items": [dict(item) for item in entry["items"]]}

    def response_from_form(self, entry, post):
        name = f"q-{entry['id']}"
        positions = {item["id"]: post.get(f"{name}-{item['id']}", "") for item in entry["items"]}
        if not any(positions.values()):
            return None
        try:
            places = {item_id: int(place) for item_id, place in positions.items()}
        except ValueError:
            return {"order": []}  # refused by validation, with a message
        if sorted(places.values()) != list(range(1, len(places) + 1)):
            return {"order": []}  # two items in one place, or a place outside 1..n: likewise
        return {"order": sorted(places, key=places.get)}

    def clean_response(self, entry, response):
        order, item_ids = response.get("order"), [item["id"] for item in entry.get("items", [])]
        if (
            not isinstance(order, list)
            or not all(isinstance(item, str) for item in order)
            or len(order) != len(item_ids)
            or set(order) != set(item_ids)
        ):
            raise ResponseError(
                _("Put every item in a place of its own: number them from 1 to %(count)s.") % {"count": len(item_ids)}
            )
        return {"order": list(order)}

    def mark_response(self, entry, response):
        correct = entry["correct_order"]
        right = sum(1 for given, expected in zip(response["order"], correct, strict=False) if given == expected)
        return Marking(share(right, len(correct)))

    def right_answer(self, entry):
        return list(entry["correct_order"])

    def right_answer_text(self, entry):
        texts = {item["id"]: plain_text(item["text"]) for item in entry["items"]}
        return ", ".join(texts.get(item, item) for item in self.right_answer(entry))

    def to_blocks(self, parsed, quantize):
        return [{"type": "item", "value": {"text": text}} for text in parsed.order]

    def from_blocks(self, parsed, blocks):
        parsed.order = [source(b.value["text"]) for b in blocks]

    def moodle_read(self, element, question, text_format):
        # qtype_ordering lists the items in their correct order; their fractions (1, 2, 3…) are not read.
        for answer in element.findall("answer"):
            raw = xml.text_of(answer)
            if raw:
                question.order.append(to_html(raw, xml.format_of(answer, text_format)))
        if len(question.order) < 2:
            raise xml.Skip(_("An ordering question needs at least two items; the question was not imported."))

    def moodle_write(self, question):
        # Every item shown, graded by its position: the plainest reading of an ordering question.
        lines = ["    <layouttype>VERTICAL</layouttype>", "    <selecttype>ALL</selecttype>"]
        lines.append(f"    <selectcount>{len(question.order)}</selectcount>")
        lines.append("    <gradingtype>ABSOLUTE_POSITION</gradingtype>")
        lines.append("    <showgrading>SHOW</showgrading>")
        for position, item in enumerate(question.order, start=1):
            lines += [f'    <answer fraction="{position}" format="html">', f"      <text>{xml.cdata(item)}</text>"]
            lines.append("    </answer>")
        return lines

"""Matching: each prompt matched with one of the answers (distractors among them); a share per right match."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ..formats import gift
from ..formats import moodle_xml as xml
from ..formats.base import MATCHING, ParsedPair, plain_text, to_html
from .base import Marking, QuestionType, ResponseError, share, source
from .registry import register


@register
class Matching(QuestionType):
    constant = MATCHING
    label = gettext_lazy("Matching")
    answer_block = "pair"
    min_answers = 2
    moodle_names = ("matching", "match")

    def snapshot(self, question, *, shuffle, rng):
        pairs = [block for block in question.answers if block.block_type == "pair"]
        options = sorted({block.value["answer"] for block in pairs})
        rng.shuffle(options)
        return {
            "prompts": [
                {"id": block.id, "text": block.value["prompt"].source, "answer": block.value["answer"]}
                for block in pairs
                if block.value["prompt"] and block.value["prompt"].source.strip()
            ],
            "options": options,
        }

    def public(self, entry):
        return {
            "prompts": [{"id": prompt["id"], "text": prompt["text"]} for prompt in entry["prompts"]],
            "options": list(entry["options"]),
        }

    def response_from_form(self, entry, post):
        name = f"q-{entry['id']}"
        pairs = {p["id"]: post.get(f"{name}-{p['id']}") for p in entry["prompts"] if post.get(f"{name}-{p['id']}")}
        return {"pairs": pairs} if pairs else None

    def clean_response(self, entry, response):
        pairs = response.get("pairs")
        prompt_ids = {prompt["id"] for prompt in entry.get("prompts", [])}
        options = set(entry.get("options", []))
        if not isinstance(pairs, dict) or not set(pairs) <= prompt_ids:
            raise ResponseError(_("Match only the items offered."))
        if not all(isinstance(value, str) and value in options for value in pairs.values()):
            raise ResponseError(_("Match each item with one of the answers offered."))
        return {"pairs": dict(pairs)}

    def mark_response(self, entry, response):
        prompts = entry["prompts"]
        right = sum(1 for prompt in prompts if response["pairs"].get(prompt["id"]) == prompt["answer"])
        return Marking(share(right, len(prompts)))

    def right_answer(self, entry):
        return {prompt["id"]: prompt["answer"] for prompt in entry["prompts"]}

    def right_answer_text(self, entry):
        prompts = {prompt["id"]: plain_text(prompt["text"]) for prompt in entry["prompts"]}
        return "; ".join(f"{prompts.get(key, '')} → {value}" for key, value in self.right_answer(entry).items())

    def to_blocks(self, parsed, quantize):
        return [{"type": "pair", "value": {"prompt": p.prompt, "answer": p.answer}} for p in parsed.pairs]

    def from_blocks(self, parsed, blocks):
        parsed.pairs = [ParsedPair(source(b.value["prompt"]), b.value["answer"]) for b in blocks]

    def moodle_read(self, element, question, text_format):
        question.shuffle = xml.bool_of(element.findtext("shuffleanswers"), default=True)
        for subquestion in element.findall("subquestion"):
            prompt = xml.text_of(subquestion)
            answer = xml.text_of(subquestion.find("answer"))
            if not prompt and not answer:
                continue
            if not answer:
                raise xml.Skip(
                    _("The prompt “%(prompt)s” has no answer to match; the question was not imported.")
                    % {"prompt": xml.shorten(plain_text(prompt))}
                )
            # A subquestion without text is a distractor: an answer that matches no prompt.
            question.pairs.append(
                ParsedPair(prompt=to_html(prompt, xml.format_of(subquestion, text_format)), answer=answer)
            )
        if not any(pair.prompt for pair in question.pairs):
            raise xml.Skip(_("A matching question needs at least one prompt; the question was not imported."))

    def moodle_write(self, question):
        lines = [f"    <shuffleanswers>{xml.true(question.shuffle)}</shuffleanswers>"]
        for pair in question.pairs:
            lines.append('    <subquestion format="html">')
            lines.append(f"      <text>{xml.cdata(pair.prompt)}</text>")
            lines += ["      <answer>", f"        <text>{xml.cdata(pair.answer)}</text>", "      </answer>"]
            lines.append("    </subquestion>")
        return lines

    def gift_write(self, question, head, general):
        lines = [head + "{"]
        lines += [f"\t={gift.rich(pair.prompt, answer=True)} -> {gift.escape(pair.answer)}" for pair in question.pairs]
        if general:
            lines.append(f"\t{general}")
        lines.append("}")
        return lines

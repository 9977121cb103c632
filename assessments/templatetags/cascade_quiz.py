"""Small lookups the question template needs: a type's form, and a saved answer shown back."""

from django import template

from ..question_types import registry

register = template.Library()


@register.filter
def get_item(mapping, key):
    return (mapping or {}).get(key, "")


@register.filter
def position_of(order, item_id):
    """The 1-based place of ``item_id`` in a saved ordering, or "" if not saved."""
    order = order or []
    return order.index(item_id) + 1 if item_id in order else ""


@register.filter
def question_form(qtype: str) -> str:
    """The template of a question type's form (and, disabled, its review)."""
    return registry.get(qtype).form_template

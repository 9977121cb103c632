"""Template filters for :mod:`core.formatting`: ``{% load formatting %}`` then
``{{ day|long_date }}``, ``{{ day|date_in_sentence }}``, ``{{ moment|short_datetime }}``,
``{{ value|percent }}``, ``{{ marks|score:out_of }}``. Dates follow the active language."""

from django import template
from django.utils import translation

from core import formatting

register = template.Library()


def _language() -> str:
    return "en" if (translation.get_language() or "mn").startswith("en") else "mn"


@register.filter
def long_date(day):
    day = formatting.local_day(day)
    return formatting.long_date(day, _language()) if day else ""


@register.filter
def date_in_sentence(day):
    day = formatting.local_day(day)
    return formatting.date_in_sentence(day, _language()) if day else ""


@register.filter
def short_date(day):
    return formatting.short_date(day)


@register.filter
def short_datetime(moment):
    return formatting.short_datetime(moment)


@register.filter
def percent(value):
    return formatting.percent(value)


@register.filter
def number(value, places=2):
    """``{{ value|number }}``, or ``{{ value|number:1 }}`` for a percentage inside a sentence."""
    return formatting.number(value, int(places))


@register.filter
def score(marks, out_of):
    return formatting.score(marks, out_of)

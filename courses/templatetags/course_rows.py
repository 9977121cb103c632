"""A course page's lesson rows, rendered in Python.

A course lists every lesson with its state; through the template engine, a 50-lesson course's rows
cost more than the rest of the page together. The labels are translated and escaped once per
module; only each lesson's own values are escaped per row.
"""

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

register = template.Library()


@register.simple_tag
def lesson_rows(row, enrolled) -> str:
    """The ``<li>`` of each lesson of ``row`` (a ``selectors.ModuleRow``): a link where the learner
    is enrolled and the module open, the lesson's language where it is not translated yet, its
    time, and for an enrolled learner whether it is done or next."""
    completed, following = escape(_("completed")), escape(_("next"))
    untranslated = escape(_("not yet translated"))
    linked = bool(enrolled) and row.unlocked
    html = []
    for item in row.lessons:
        lang = f' lang="{escape(item.shown_in)}"' if item.shown_in else ""
        title = escape(item.lesson.title)
        name = f'<a href="{escape(item.url)}"{lang}>{title}</a>' if linked else f"<span{lang}>{title}</span>"
        badge = f' <span class="badge">{untranslated}</span>' if item.shown_in else ""
        state = ""
        if enrolled and item.complete:
            state = f' <span class="state state-complete">✓ {completed}</span>'
        elif enrolled and item.is_next:
            state = f' <span class="state state-next">{following}</span>'
        done = " is-complete" if item.complete else ""
        html.append(
            f'<li class="lesson-row{done}">{name}{badge} <span class="muted">{escape(item.minutes)}</span>{state}</li>'
        )
    return mark_safe("\n".join(html))  # every value above is escaped

from django import template
from django.utils.dates import MONTHS_3
from django.utils.safestring import mark_safe

from ..content_version import get_versioned, set_versioned
from ..markdown import render_markdown
from ..models import GlossaryTerm
from ..reading_time import reading_time_label

register = template.Library()


@register.filter
def safe_markdown(text):
    """Markdown to sanitised HTML (see course.lessons.markdown)."""
    return render_markdown(text)


@register.filter
def glossary_markdown(text):
    """Markdown with glossary terms marked in context (explanations; never quiz prompts or choices)."""
    return render_markdown(text, glossary=GlossaryTerm.current_glossary())


@register.filter
def reading_time(minutes):
    """A reading time in minutes as text: "1 minute", "3 hours 27 minutes"."""
    return reading_time_label(minutes or 0)


@register.filter
def split_lines(text):
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


@register.filter
def make_list_of(item):
    """Wrap one object in a list (breadcrumbs take a list of ancestors)."""
    return [item]


def _month(number):
    """Django's translated short month name ('Apr'), as the date filter's "M" gives it; timeline
    dates may be BC or lack a day, which datetime.date cannot hold."""
    if not 1 <= number <= 12:
        raise ValueError(number)
    return str(MONTHS_3[number]).title()


@register.filter
def event_date(value):
    """'1949-04-04' -> '4 Apr 1949', '1949-04' -> 'Apr 1949', '1949' -> '1949'."""
    parts = str(value).split("-")
    try:
        if len(parts) == 3:
            return f"{int(parts[2])} {_month(int(parts[1]))} {parts[0]}"
        if len(parts) == 2:
            return f"{_month(int(parts[1]))} {parts[0]}"
    except (ValueError, IndexError):
        pass
    return str(value)


@register.filter
def inline_markdown(text):
    """Markdown for inline places (a legend): one paragraph loses its <p> wrapper."""
    html = str(render_markdown(text)).strip()
    if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        html = html[3:-4]
    return mark_safe(html)  # noqa: S308 - sanitised by render_markdown


@register.filter
def get_item(mapping, key):
    return (mapping or {}).get(key)


@register.filter
def percent(fraction):
    return round(100 * float(fraction or 0))


class ContentFragmentNode(template.Node):
    def __init__(self, nodelist, name, vary_on):
        self.nodelist, self.name, self.vary_on = nodelist, name, vary_on

    def render(self, context):
        request = context.get("request")
        if request is None or getattr(request, "is_preview", False):
            return self.nodelist.render(context)  # a preview shows a draft: never kept
        parts = [str(variable.resolve(context)) for variable in self.vary_on]
        key = ":".join(["content-fragment", self.name, *parts])
        html = get_versioned(key)
        if html is None:
            html = self.nodelist.render(context)
            set_versioned(key, html, CONTENT_FRAGMENT_SECONDS)
        return html


CONTENT_FRAGMENT_SECONDS = 60 * 60


@register.tag
def content_fragment(parser, token):
    """{% content_fragment "name" page.pk ... %}...{% endcontent_fragment %}: the enclosed HTML,
    rendered once per content version (every publish bumps it) and kept in each worker's memory
    as well as the shared cache (content_version.py), so a warm page reads no cache at all.
    What the fragment shows must depend only on published content and the values it varies on:
    never on the visitor. Previews render afresh."""
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("content_fragment needs a name")
    nodelist = parser.parse(("endcontent_fragment",))
    parser.delete_first_token()
    name = bits[1].strip("\"'")
    return ContentFragmentNode(nodelist, name, [parser.compile_filter(bit) for bit in bits[2:]])

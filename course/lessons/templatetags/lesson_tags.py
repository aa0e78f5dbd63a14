from django import template
from django.utils.safestring import mark_safe

from ..content_version import cached_content
from ..markdown import render_markdown
from ..reading_time import reading_time_label

register = template.Library()


@register.filter
def safe_markdown(text):
    """Markdown to sanitised HTML (see course.lessons.markdown)."""
    return render_markdown(text)


@register.filter
def glossary_markdown(text):
    """Markdown with glossary terms marked in context (explanations; never quiz prompts or choices)."""
    return render_markdown(text, glossary=True)


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


MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


@register.filter
def event_date(value):
    """'1949-04-04' -> '4 Apr 1949', '1949-04' -> 'Apr 1949', '1949' -> '1949'."""
    parts = str(value).split("-")
    try:
        if len(parts) == 3:
            return f"{int(parts[2])} {MONTHS[int(parts[1]) - 1]} {parts[0]}"
        if len(parts) == 2:
            return f"{MONTHS[int(parts[1]) - 1]} {parts[0]}"
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
    def __init__(self, nodelist, parts):
        self.nodelist = nodelist
        self.parts = parts

    def render(self, context):
        request = context.get("request")
        if getattr(request, "is_preview", False):
            return self.nodelist.render(context)  # a draft is not what is published
        key = "fragment:" + ":".join(str(part.resolve(context)) for part in self.parts)
        return cached_content(key, lambda: self.nodelist.render(context))


@register.tag
def content_fragment(parser, token):
    """{% content_fragment "name" page.pk %}...{% endcontent_fragment %}: HTML that depends only on
    published content, rendered once per content version and shared by every visitor.
    Nothing inside may depend on the request or the learner."""
    parts = token.split_contents()[1:]
    if not parts:
        raise template.TemplateSyntaxError("content_fragment needs a name (and whatever else the HTML varies by)")
    nodelist = parser.parse(("endcontent_fragment",))
    parser.delete_first_token()
    return ContentFragmentNode(nodelist, [parser.compile_filter(part) for part in parts])
